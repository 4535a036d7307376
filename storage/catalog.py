"""The catalog of one generation: decisions, sources, paragraphs, chunks and links in SQLite.

Every backend reads what pages show from here (written atomically by indexer/store.py); a
backend adds the search itself (storage/local.py: FTS5 and FAISS; storage/milvus.py: Milvus).
Filters are also answered here, as boolean masks over the generation's rows, for what a backend
must check after the engine (a phrase's rows, candidates gathered elsewhere).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np

from indexer import store
from indexer.embed import encode, model_dimension

from .base import DecisionRow, Filters, Paragraph, WordQuery

MASK_CACHE_SIZE = 256  # per-decision masks: small
CHUNK_MASK_CACHE_SIZE = 16  # per-chunk masks: 1 MB each at 1M chunks
TERM_CACHE_SIZE = 50_000  # words whose chunk counts are remembered (a few MB at most)
CHUNK_COLUMNS = "rowid, id, decision_id, source_path, paragraph, section, text, start, boilerplate, stems"


class IndexUnavailable(RuntimeError):
    """No usable index: the message says how to build or rebuild one."""


def _decision_from_row(row: sqlite3.Row) -> DecisionRow:
    values = dict(row)
    values.pop("version")
    values["amounts"] = json.loads(values.pop("amounts_json") or "[]")
    values["date_inferred"] = bool(values["date_inferred"])
    values["part2"] = bool(values["part2"])
    values["has_part2"] = bool(values["has_part2"])
    return DecisionRow(**values)


class Catalog:
    """One generation's catalog, verified on load; the part of a Store every backend shares."""

    def __init__(self, generation: Path, model, model_name: str, query_vectors_kept: int = 0):
        self.generation = generation
        self.query_vectors_kept = query_vectors_kept
        self.model = model
        self.cross_encoder = None  # set by IndexHolder when DECISIONS_RERANKER names one
        self._local = threading.local()
        meta = store.read_meta(generation)
        self.meta = meta
        self._verify(meta, model_name)
        db = self.db
        self.decisions: dict[str, DecisionRow] = {
            row["id"]: _decision_from_row(row) for row in db.execute("SELECT * FROM decisions ORDER BY id")
        }
        self.decision_ids = list(self.decisions)
        # What was indexed of each decision, hashed: a backend that keeps decisions across runs keys on it.
        self.versions = dict(db.execute("SELECT id, version FROM decisions"))
        self._decision_id_array = np.array(
            self.decision_ids, dtype=object
        )  # picked out by masks at numpy speed
        position = {d: i for i, d in enumerate(self.decision_ids)}
        rows = db.execute("SELECT decision_id, boilerplate FROM chunks ORDER BY rowid").fetchall()
        # Per-chunk arrays (index = rowid - 1) let filters become one numpy mask.
        self.chunk_decision = np.array([position[r[0]] for r in rows], dtype=np.int32)
        self.chunk_boilerplate = np.array([bool(r[1]) for r in rows], dtype=bool)
        self._cited_by: dict[str, list[str]] = {}
        self._cites: dict[str, list[str]] = {}
        for decision_id, ref in db.execute("SELECT decision_id, ref FROM links ORDER BY rowid"):
            self._cited_by.setdefault(ref, []).append(decision_id)
            self._cites.setdefault(decision_id, []).append(ref)
        self.by_ref = {d.ref: d.id for d in self.decisions.values() if d.ref}
        # Same order as merging: the web page or text first, the signed PDF after it. Held in memory
        # because every passage's anchor needs it and a query must not go back to disk per passage.
        self._source_paths: dict[str, list[str]] = {}
        for decision_id, path, _kind in db.execute(
            "SELECT decision_id, path, kind FROM sources ORDER BY decision_id, kind = 'pdf', path"
        ):
            self._source_paths.setdefault(decision_id, []).append(path)
        # Filter masks by Filters (per decision, and per chunk): most queries repeat a few filter sets.
        self.mask_cache: dict[Filters, np.ndarray] = {}
        self._chunk_masks: dict[Filters, np.ndarray] = {}
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

    # --- Filters, applied as masks over this generation's rows (cached: queries repeat a few) ---

    def allowed_decisions(self, filters: Filters) -> np.ndarray:
        """Boolean per decision (in decision_ids order); read-only, shared between requests."""
        if filters.citing or filters.excluded_ids or filters.skip_boilerplate:
            # Set per query: the shared part is cached, these are applied to a copy of it.
            mask = self.allowed_decisions(
                replace(filters, citing=None, excluded_ids=frozenset(), skip_boilerplate=False)
            )
            if filters.citing:
                citing = set(self._cited_by.get(filters.citing, []))
                mask = mask & np.array([i in citing for i in self.decision_ids], dtype=bool)
            if filters.excluded_ids:
                mask = mask & ~np.array([i in filters.excluded_ids for i in self.decision_ids], dtype=bool)
            return mask
        mask = self.mask_cache.get(filters)
        if mask is None:
            mask = np.array([filters.admits(self.decisions[i]) for i in self.decision_ids], dtype=bool)
            mask.flags.writeable = False  # shared: a caller that wants to change it must copy it
            if len(self.mask_cache) >= MASK_CACHE_SIZE:
                self.mask_cache.clear()
            self.mask_cache[filters] = mask
        return mask

    def chunk_mask(self, filters: Filters) -> np.ndarray:
        """Boolean per chunk (index = rowid - 1); read-only. Only masks of filter sets that recur are kept
        (a chunk mask is chunk_count bytes: a few, not hundreds)."""
        mask = self._chunk_masks.get(filters)
        if mask is None:
            if self.chunk_count:
                mask = self.allowed_decisions(filters)[self.chunk_decision]
                if filters.skip_boilerplate:
                    mask &= ~self.chunk_boilerplate
            else:
                mask = np.zeros(0, dtype=bool)
            mask.flags.writeable = False
            if not (filters.citing or filters.excluded_ids):
                if len(self._chunk_masks) >= CHUNK_MASK_CACHE_SIZE:
                    self._chunk_masks.clear()
                self._chunk_masks[filters] = mask
        return mask

    def owners(self, ids: list[int]) -> list[tuple[str, bool]]:
        rows = np.asarray(ids, dtype=np.int64) - 1
        owners = self._decision_id_array[self.chunk_decision[rows]].tolist()
        return list(zip(owners, self.chunk_boilerplate[rows].tolist(), strict=True))

    def admitted_decisions(self, filters: Filters) -> list[str]:
        return self._decision_id_array[self.allowed_decisions(filters)].tolist()

    def admitted(self, ids: list[int], filters: Filters) -> list[int]:
        mask = self.chunk_mask(filters)
        return [rowid for rowid in ids if mask[rowid - 1]]

    # --- Chunks, sources, paragraphs, links ---

    def texts(self, ids: list[int]) -> dict[int, str]:
        return dict(
            self.db.execute(
                "SELECT rowid, text FROM chunks WHERE rowid IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),),
            ).fetchall()
        )

    def chunks(self, ids: list[int]) -> list[sqlite3.Row]:
        ids = [int(i) for i in ids]
        return self.db.execute(
            f"SELECT {CHUNK_COLUMNS} FROM chunks WHERE rowid IN ({','.join('?' * len(ids))})", ids
        ).fetchall()

    def chunks_of(self, decision_id: str) -> list[sqlite3.Row]:
        return self.db.execute(
            f"SELECT {CHUNK_COLUMNS} FROM chunks WHERE decision_id = ?", (decision_id,)
        ).fetchall()

    def leading_chunks(self, decision_id: str, count: int) -> list[int]:
        rows = self.db.execute(
            "SELECT rowid FROM chunks WHERE decision_id = ? AND boilerplate = 0 ORDER BY source_path, position LIMIT ?",
            (decision_id, count),
        )
        return [r[0] for r in rows]

    def source_paths(self, decision_id: str) -> list[str]:
        return self._source_paths.get(decision_id, [])

    def sources(self, decision_id: str) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT path, kind, sha256 FROM sources WHERE decision_id = ?", (decision_id,)
        ).fetchall()

    def source_chunks(self, decision_id: str, path: str) -> list[sqlite3.Row]:
        sql = 'SELECT rowid, id, paragraph, section, text, start, "end", boilerplate FROM chunks WHERE '
        return self.db.execute(
            sql + "decision_id = ? AND source_path = ? ORDER BY start", (decision_id, path)
        ).fetchall()

    def covering_chunk(self, decision_id: str, path: str, start: int, end: int) -> sqlite3.Row | None:
        sql = (
            "SELECT id, paragraph, text, start FROM chunks WHERE decision_id = ? AND source_path = ? AND start <= ? "
            'AND "end" >= ? ORDER BY boilerplate, "end" - start LIMIT 1'
        )
        return self.db.execute(sql, (decision_id, path, start, end)).fetchone()

    def chunk_place(self, chunk_id: str) -> sqlite3.Row | None:
        return self.db.execute(
            "SELECT decision_id, paragraph, section FROM chunks WHERE id = ?", (chunk_id,)
        ).fetchone()

    def decision_texts(self, decision_id: str) -> list[str]:
        return [
            r[0] for r in self.db.execute("SELECT text FROM chunks WHERE decision_id = ?", (decision_id,))
        ]

    def source_text(self, decision_id: str, path: str) -> str:
        row = self.db.execute(
            "SELECT text FROM sources WHERE decision_id = ? AND path = ?", (decision_id, path)
        )
        found = row.fetchone()
        return found[0] if found else ""

    def paragraphs(self, decision_id: str, path: str) -> list[Paragraph]:
        rows = self.db.execute(
            "SELECT position, number, section, text FROM paragraphs WHERE decision_id = ? AND source_path = ? "
            "ORDER BY position",
            (decision_id, path),
        )
        return [Paragraph(*r) for r in rows]

    def paragraph_at(self, decision_id: str, path: str, start: int) -> Paragraph | None:
        row = self.db.execute(
            "SELECT position, number, section, text FROM paragraphs WHERE decision_id = ? AND source_path = ? "
            "AND start <= ? ORDER BY start DESC LIMIT 1",
            (decision_id, path, start),
        ).fetchone()
        return Paragraph(*row) if row else None

    def vocabulary(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT word, texts FROM vocabulary"))

    def cites(self, decision_id: str) -> list[str]:
        return self._cites.get(decision_id, [])

    def cited_by(self, ref: str) -> list[str]:
        return self._cited_by.get(ref, [])

    def count(self) -> int:
        return self.chunk_count

    def term_rows(self, token: str) -> int:
        """How many chunks hold this word (as the backend's keyword index tokenizes it), remembered
        for the generation."""
        rows = self._term_rows.get(token)
        if rows is None:
            rows = self.match_count(WordQuery(words=(token,)))
            if len(self._term_rows) >= TERM_CACHE_SIZE:
                self._term_rows.clear()
            self._term_rows[token] = rows
        return rows

    def match_count(self, query: WordQuery) -> int:
        raise NotImplementedError  # each backend counts with its own engine

    def embeddings(self, ids: list[int]) -> np.ndarray:
        raise NotImplementedError  # each backend reads its own vectors

    def similarity(self, vector: np.ndarray, ids: list[int]) -> dict[int, float]:
        if len(ids) == 0:
            return {}
        return dict(zip(ids, (self.embeddings(ids) @ vector).tolist(), strict=True))

    def health(self) -> dict:
        return {
            "generation": self.generation.name,
            "decisions": len(self.decisions),
            "chunks": self.chunk_count,
            "model": self.meta.get("model", ""),
            "vector_index": self.meta.get("vector_index", ""),
            "last_indexed": self.meta.get("indexed_at"),
        }
