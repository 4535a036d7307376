"""The data directory: generations of (SQLite catalog + FAISS index), swapped atomically.

    DATA_DIR/
      CURRENT            name of the live generation (replaced atomically)
      generations/gen-*/ catalog.sqlite, vectors.faiss, vectors.npy
      cache.sqlite       embeddings and extracted PDF text; survives generations
      index.lock         held by the one index run allowed at a time

A run builds a whole new generation beside the live one and only then points
CURRENT at it, so a run killed at any moment leaves the previous index complete.
Readers compare CURRENT before each request and load a new generation as a whole.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import faiss
import numpy as np

from decisions.records import Chunk, Decision
from decisions.words import engine_terms, stems_field

from .parse import find_refs
from .vector_index import build_vector_index, index_kind
from .vocabulary import VOCABULARY_SCHEMA, write_vocabulary

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE decisions (
    id TEXT PRIMARY KEY, ref TEXT, decision_type TEXT, title TEXT, decision_maker TEXT,
    decision_maker_role TEXT, directorate TEXT, date TEXT, date_inferred INTEGER, date_source TEXT,
    date_signed TEXT, date_published TEXT, deferred_until TEXT, approved_amount INTEGER,
    amounts_json TEXT, part2 INTEGER, has_part2 INTEGER, original_url TEXT, version TEXT);
CREATE TABLE sources (decision_id TEXT, path TEXT, kind TEXT, sha256 TEXT, title TEXT, text TEXT);
CREATE TABLE paragraphs (
    decision_id TEXT, source_path TEXT, position INTEGER, number TEXT, section TEXT,
    text TEXT, start INTEGER, "end" INTEGER);
CREATE TABLE links (decision_id TEXT, ref TEXT);
CREATE TABLE chunks (
    rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, decision_id TEXT, source_path TEXT, position INTEGER,
    paragraph TEXT, section TEXT, text TEXT, start INTEGER, "end" INTEGER, boilerplate INTEGER,
    stems TEXT);
CREATE VIRTUAL TABLE chunks_fts USING fts5(text, title, refs, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE INDEX chunks_decision ON chunks (decision_id);
CREATE INDEX links_ref ON links (ref);
CREATE INDEX paragraphs_decision ON paragraphs (decision_id, source_path, position);
-- A passage's anchor is the paragraph that starts at or before it: one indexed probe per passage.
CREATE INDEX paragraphs_start ON paragraphs (decision_id, source_path, start);
CREATE INDEX sources_decision ON sources (decision_id);
-- For an engine that cannot count a word's rows cheaply (Milvus): how many chunks hold each term.
CREATE TABLE engine_terms (term TEXT PRIMARY KEY, chunks INTEGER) WITHOUT ROWID;
"""

# Readers refuse a catalog of another layout (with a message to re-index) instead of failing
# on a missing column mid-query.
SCHEMA_VERSION = hashlib.sha256((SCHEMA + VOCABULARY_SCHEMA).encode()).hexdigest()[:12]
CATALOG = "catalog.sqlite"
VECTORS = "vectors.faiss"
MATRIX = "vectors.npy"


class IndexBusy(RuntimeError):
    pass


class IndexLock:
    """One index run per data directory; a second one is refused with who holds it."""

    def __init__(self, data_dir: Path):
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / "index.lock"
        self.handle = None

    def __enter__(self) -> IndexLock:
        self.handle = open(self.path, "a+")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.seek(0)
            holder = self.handle.read().strip() or "another process"
            self.handle.close()
            raise IndexBusy(
                f"another index run is using {self.path.parent} ({holder}); wait for it to finish"
            ) from None
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(f"pid {os.getpid()} since {dt.datetime.now().isoformat(timespec='seconds')}")
        self.handle.flush()
        return self

    def __exit__(self, *exc) -> None:
        if self.handle:
            self.handle.close()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def current_generation(data_dir: Path) -> Path | None:
    try:
        name = (data_dir / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    path = data_dir / "generations" / name
    return path if name and path.is_dir() else None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_meta(generation: Path) -> dict[str, str]:
    db = sqlite3.connect(f"file:{generation / CATALOG}?mode=ro", uri=True)
    try:
        return dict(db.execute("SELECT key, value FROM meta"))
    finally:
        db.close()


def chunk_terms(chunk: Chunk, title: str) -> list[str]:
    """A chunk's words as an engine with a plain analyzer indexes them (decisions.words.engine_terms),
    in reading order: the passage, the codes it cites and its decision's title, as the FTS5 row."""
    return engine_terms(chunk.text) + [r.lower() for r in find_refs(chunk.text)] + engine_terms(title)


def decision_versions(decisions: list[Decision], chunks: list[Chunk]) -> dict[str, str]:
    """A hash per decision of everything indexed about it (its record and its chunks): a store that
    keeps decisions across runs (Milvus) rewrites exactly those whose version changed."""
    chunk_ids: dict[str, list[str]] = {}
    for c in chunks:
        chunk_ids.setdefault(c.decision_id, []).append(c.id)
    return {
        d.id: hashlib.sha256(
            json.dumps([_decision_row(d, ""), chunk_ids.get(d.id, [])]).encode()
        ).hexdigest()[:16]
        for d in decisions
    }


def _decision_row(d: Decision, version: str) -> tuple:
    return (
        d.id, d.ref, d.decision_type, d.title, d.decision_maker, d.decision_maker_role, d.directorate,
        d.date, int(d.date_inferred), d.date_source, d.date_signed, d.date_published, d.deferred_until,
        d.approved_amount_pounds, json.dumps(d.amounts_pounds), int(d.part2), int(d.has_part2), d.original_url,
        version,
    )  # fmt: skip


def _write_catalog(
    path: Path,
    decisions: list[Decision],
    chunks: list[Chunk],
    meta: dict[str, str],
    keyword_index: bool,
    versions: dict[str, str],
) -> None:
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    titles = {d.id: d.title for d in decisions}
    with db:
        db.executemany(
            "INSERT INTO decisions VALUES (" + ",".join("?" * 19) + ")",
            [_decision_row(d, versions[d.id]) for d in decisions],
        )
        for d in decisions:
            db.executemany(
                "INSERT INTO sources VALUES (?,?,?,?,?,?)",
                [(d.id, s.path, s.kind, s.sha256, s.title, s.text) for s in d.sources],
            )
            db.executemany(
                "INSERT INTO paragraphs VALUES (?,?,?,?,?,?,?,?)",
                [
                    (d.id, s.path, i, p.number, p.section, p.text, p.start, p.end)
                    for s in d.sources
                    for i, p in enumerate(s.paragraphs)
                ],
            )
            db.executemany("INSERT INTO links VALUES (?, ?)", [(d.id, r) for r in d.linked_refs])
        # FAISS id i is SQLite rowid i + 1: one ordering, written in one transaction.
        db.executemany(
            "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (i + 1, c.id, c.decision_id, c.source_path, c.position, c.paragraph, c.section, c.text,
                 c.start, c.end, int(c.boilerplate), stems_field(c.text))
                for i, c in enumerate(chunks)
            ],
        )  # fmt: skip
        # The refs column holds every reference a chunk mentions, normalised, so "DD2593" finds
        # "Director Decision (DD) 2593" even where that decision itself is not indexed.
        if keyword_index:
            db.executemany(
                "INSERT INTO chunks_fts (rowid, text, title, refs) VALUES (?, ?, ?, ?)",
                [
                    (i + 1, c.text, titles.get(c.decision_id, ""), " ".join(find_refs(c.text)))
                    for i, c in enumerate(chunks)
                ],
            )
        else:
            counts: dict[str, int] = {}
            for c in chunks:
                for term in set(chunk_terms(c, titles.get(c.decision_id, ""))):
                    counts[term] = counts.get(term, 0) + 1
            db.executemany("INSERT INTO engine_terms VALUES (?, ?)", sorted(counts.items()))
        write_vocabulary(db, [c.text for c in chunks] + [d.title for d in decisions])
        db.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
    db.execute("INSERT INTO chunks_fts (chunks_fts) VALUES ('optimize')")
    db.commit()
    db.close()


def write_generation(
    data_dir: Path,
    decisions: list[Decision],
    chunks: list[Chunk],
    vectors: np.ndarray,
    meta: dict[str, str],
    search_files: bool = True,
    versions: dict[str, str] | None = None,
) -> Path:
    """Build a generation aside, fsync it, then make it current in one rename.

    Without `search_files` only the catalog is written (no FTS5 rows, no vectors): the search
    then runs in another engine that has the chunks already (storage/milvus.py), which also names
    the `versions` it wrote (default: decision_versions)."""
    assert vectors.shape[0] == len(chunks), "one vector per chunk"
    generations = data_dir / "generations"
    generations.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S%f")
    tmp = generations / f"tmp-{stamp}-{os.getpid()}"
    tmp.mkdir()
    meta = dict(meta)
    files = [CATALOG]
    if search_files:
        np.save(tmp / MATRIX, vectors)
        index = build_vector_index(vectors)
        faiss.write_index(index, str(tmp / VECTORS))
        meta.update(vector_index=index_kind(index), vectors_sha256=file_sha256(tmp / VECTORS))
        files += [MATRIX, VECTORS]
    meta.update(
        catalog_schema=SCHEMA_VERSION,
        chunk_count=str(len(chunks)),
        decision_count=str(len(decisions)),
        dimension=str(vectors.shape[1]),
        indexed_at=dt.datetime.now().isoformat(timespec="seconds"),
    )
    meta.setdefault("store", "local")
    versions = versions or decision_versions(decisions, chunks)
    _write_catalog(tmp / CATALOG, decisions, chunks, meta, keyword_index=search_files, versions=versions)
    for name in files:
        with open(tmp / name, "rb") as handle:
            os.fsync(handle.fileno())
    final = generations / f"gen-{stamp}"
    os.replace(tmp, final)
    _fsync_dir(generations)
    pointer = data_dir / "CURRENT.tmp"
    pointer.write_text(final.name)
    with open(pointer, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(pointer, data_dir / "CURRENT")
    _fsync_dir(data_dir)
    return final


def remove_stale_generations(data_dir: Path, keep_previous: int = 1) -> list[str]:
    """Delete half-built generations (only safe under IndexLock) and all but the newest old ones.

    One previous generation is kept so a server that loaded it moments ago finishes its requests.
    """
    generations = data_dir / "generations"
    if not generations.is_dir():
        return []
    current = current_generation(data_dir)
    removed = []
    finished = sorted(p for p in generations.iterdir() if p.name.startswith("gen-") and p != current)
    for path in generations.iterdir():
        if path.name.startswith("tmp-") or path in finished[: max(0, len(finished) - keep_previous)]:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path.name)
    return removed
