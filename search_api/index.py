"""The loaded index: one generation's catalog, vectors and decisions, plus the model.

Created once at start-up and passed in (the app keeps one `IndexHolder`). Nothing is
read from disk per query except SQLite pages (FTS5 and chunk text), which the OS caches.
A new generation written by `decisions index` is picked up between requests, whole.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from decisions.settings import Settings
from indexer import store
from indexer.embed import QUERY_THREADS, encode, load_cross_encoder, load_model, model_dimension, use_threads
from indexer.vector_index import tune_for_search

from .fts import quote_token

SLUG_CHARS = 60  # a document's address: its title cut at a word, then part of its content hash
SLUG_HASH_CHARS = 6
TERM_CACHE_SIZE = 50_000  # words whose chunk counts are remembered (a few MB at most)
log = logging.getLogger("decisions")


class IndexUnavailable(RuntimeError):
    """No usable index: the message says how to build or rebuild one."""


@dataclass
class DecisionRow:
    """A decision as the catalog holds it (sources and paragraphs are read on demand)."""

    id: str
    ref: str | None
    decision_type: str
    title: str
    decision_maker: str | None
    decision_maker_role: str | None
    directorate: str | None
    date: str | None
    date_inferred: bool
    date_source: str | None
    date_signed: str | None
    date_published: str | None
    deferred_until: str | None
    approved_amount: int | None
    amounts: list[int]
    part2: bool
    has_part2: bool
    original_url: str | None = None  # the decision on london.gov.uk, from the corpus metadata

    @property
    def address(self) -> str:
        """The URL segment: the reference code, or for a document without one a readable, stable
        slug of its title and its content hash (`invitations-for-expression-of-interest-…-385348`)."""
        if self.ref or not self.id.startswith("doc-"):
            return self.id
        slug = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")
        if len(slug) > SLUG_CHARS:
            slug = slug[:SLUG_CHARS].rsplit("-", 1)[0]
        return f"{slug or 'document'}-{self.id[4 : 4 + SLUG_HASH_CHARS]}"

    @property
    def url(self) -> str:
        return f"/decisions/{self.address}"


def _decision_from_row(row: sqlite3.Row) -> DecisionRow:
    values = dict(row)
    values["amounts"] = json.loads(values.pop("amounts_json") or "[]")
    values["date_inferred"] = bool(values["date_inferred"])
    values["part2"] = bool(values["part2"])
    values["has_part2"] = bool(values["has_part2"])
    return DecisionRow(**values)


class LoadedIndex:
    """One generation, verified on load so that vectors never point at the wrong passages."""

    def __init__(self, generation: Path, model, model_name: str, query_vectors_kept: int = 0):
        self.generation = generation
        self.query_vectors_kept = query_vectors_kept
        self.model = model
        self.cross_encoder = None  # set by IndexHolder when DECISIONS_RERANKER names one
        self._local = threading.local()
        meta = store.read_meta(generation)
        self.meta = meta
        self._verify(meta, model_name)
        self.vectors = faiss.read_index(str(generation / store.VECTORS))
        tune_for_search(self.vectors)
        self.matrix = np.load(generation / store.MATRIX, mmap_mode="r")
        count = int(meta["chunk_count"])
        if self.vectors.ntotal != count or self.matrix.shape[0] != count:
            raise IndexUnavailable(
                f"index {generation.name} is inconsistent: {self.vectors.ntotal} vectors for {count} chunks; "
                "rebuild it with `decisions index CORPUS --force`"
            )
        db = self.db
        self.decisions: dict[str, DecisionRow] = {
            row["id"]: _decision_from_row(row) for row in db.execute("SELECT * FROM decisions ORDER BY id")
        }
        self.decision_ids = list(self.decisions)
        position = {d: i for i, d in enumerate(self.decision_ids)}
        rows = db.execute("SELECT decision_id, boilerplate FROM chunks ORDER BY rowid").fetchall()
        # Per-chunk arrays (index = rowid - 1) let filters become one numpy mask.
        self.chunk_decision = np.array([position[r[0]] for r in rows], dtype=np.int32)
        self.chunk_boilerplate = np.array([bool(r[1]) for r in rows], dtype=bool)
        self.cited_by: dict[str, list[str]] = {}
        self.cites: dict[str, list[str]] = {}
        for decision_id, ref in db.execute("SELECT decision_id, ref FROM links ORDER BY rowid"):
            self.cited_by.setdefault(ref, []).append(decision_id)
            self.cites.setdefault(decision_id, []).append(ref)
        self.by_ref = {d.ref: d.id for d in self.decisions.values() if d.ref}
        # Same order as merging: the web page or text first, the signed PDF after it. Held in memory
        # because every passage's anchor needs it and a query must not go back to disk per passage.
        self.source_paths: dict[str, list[str]] = {}
        for decision_id, path, _kind in db.execute(
            "SELECT decision_id, path, kind FROM sources ORDER BY decision_id, kind = 'pdf', path"
        ):
            self.source_paths.setdefault(decision_id, []).append(path)
        # Filter masks by (filters, staff, today): most queries repeat a few filter sets.
        self.mask_cache: dict[tuple, np.ndarray] = {}
        self._term_rows: dict[str, int] = {}
        self._query_vectors: dict[str, np.ndarray] = {}  # insertion order: the oldest goes first
        self._query_vectors_lock = threading.Lock()
        # Names a query may filter by ("decisions by Sadiq Khan"); short ones would match too easily.
        self.known_names = {
            "decision_maker": sorted(
                {
                    d.decision_maker
                    for d in self.decisions.values()
                    if d.decision_maker and len(d.decision_maker) > 4
                }
            ),
            "directorate": sorted(
                {d.directorate for d in self.decisions.values() if d.directorate and len(d.directorate) > 4}
            ),
        }

    def _verify(self, meta: dict[str, str], model_name: str) -> None:
        if meta.get("catalog_schema") != store.SCHEMA_VERSION:
            raise IndexUnavailable(
                f"index {self.generation.name} was built by another version of decision search; "
                "re-index with `decisions index CORPUS --force`"
            )
        if meta.get("model") != model_name:
            raise IndexUnavailable(
                f"the index was built with model {meta.get('model')!r}, not {model_name!r}; vectors of two "
                "models cannot be mixed. Use the same --model, or re-index with `decisions index CORPUS --force`"
            )
        if int(meta.get("dimension", -1)) != model_dimension(self.model):
            raise IndexUnavailable(
                "the index's vector dimension does not match the model; re-index with --force"
            )
        actual = store.file_sha256(self.generation / store.VECTORS)
        if actual != meta.get("vectors_sha256"):
            raise IndexUnavailable(
                f"{self.generation / store.VECTORS} is damaged (checksum mismatch); "
                "rebuild with `decisions index CORPUS --force`"
            )
        check = sqlite3.connect(f"file:{self.generation / store.CATALOG}?mode=ro", uri=True)
        try:
            result = check.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            check.close()
        if result != "ok":
            raise IndexUnavailable(
                f"the catalog is damaged ({result}); rebuild with `decisions index CORPUS --force`"
            )

    @property
    def db(self) -> sqlite3.Connection:
        """One read-only connection per thread: SQLite connections are not shared across threads."""
        conn = getattr(self._local, "db", None)
        if conn is None:
            conn = sqlite3.connect(
                f"file:{self.generation / store.CATALOG}?mode=ro", uri=True, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            self._local.db = conn
        return conn

    def term_rows(self, token: str) -> int:
        """How many chunks hold this word (as FTS5 tokenizes it), remembered for the generation."""
        rows = self._term_rows.get(token)
        if rows is None:
            sql = "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?"
            rows = self.db.execute(sql, (quote_token(token),)).fetchone()[0]
            if len(self._term_rows) >= TERM_CACHE_SIZE:
                self._term_rows.clear()
            self._term_rows[token] = rows
        return rows

    def embed_query(self, text: str) -> np.ndarray:
        """The query's vector (read-only: it is shared by every search of the same text)."""
        vector = self._query_vectors.get(text)
        if vector is not None:
            return vector
        vector = encode(self.model, [text])[0]
        vector.setflags(write=False)
        if self.query_vectors_kept:
            with self._query_vectors_lock:
                while len(self._query_vectors) >= self.query_vectors_kept:
                    del self._query_vectors[next(iter(self._query_vectors))]
                self._query_vectors[text] = vector
        return vector

    def forget_query_vectors(self) -> None:
        """For measuring: the next searches encode their queries again."""
        with self._query_vectors_lock:
            self._query_vectors.clear()

    @property
    def chunk_count(self) -> int:
        return int(self.meta["chunk_count"])


class IndexHolder:
    """Keeps the model for the process and swaps in new generations as they appear."""

    def __init__(self, settings: Settings, model=None):
        self.settings = settings
        self.model = model
        self.cross_encoder = None
        self._lock = threading.Lock()
        self._loaded: LoadedIndex | None = None
        self._pointer: str | None = None

    def _read_pointer(self) -> str | None:
        try:
            return (self.settings.data_dir / "CURRENT").read_text().strip()
        except FileNotFoundError:
            return None

    def get(self) -> LoadedIndex:
        pointer = self._read_pointer()
        loaded = self._loaded
        if loaded is not None and pointer == self._pointer:
            return loaded
        with self._lock:
            if self._loaded is not None and pointer == self._pointer:
                return self._loaded
            generation = store.current_generation(self.settings.data_dir)
            if generation is None:
                if self._loaded is not None:
                    return self._loaded
                raise IndexUnavailable(
                    f"no index in {self.settings.data_dir}; build one with `decisions index CORPUS "
                    f"--data-dir {self.settings.data_dir}`"
                )
            if self.model is None:
                self.model = load_model(self.settings.model)
            if self.settings.reranker and self.cross_encoder is None:
                self.cross_encoder = load_cross_encoder(self.settings.reranker)
            use_threads(QUERY_THREADS)
            try:
                self._loaded = LoadedIndex(
                    generation, self.model, self.settings.model, self.settings.query_vectors_kept
                )
                self._loaded.cross_encoder = self.cross_encoder
            except IndexUnavailable:
                if self._loaded is None:
                    raise
                # A damaged new generation is refused loudly, and the one already serving stays.
                log.error("refusing new index generation %s; still serving %s", generation.name,
                          self._loaded.generation.name, exc_info=True)  # fmt: skip
            self._pointer = pointer
            return self._loaded
