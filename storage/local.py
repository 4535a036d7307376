"""The local backend: one generation in a folder (SQLite + FTS5 catalog, FAISS vectors, numpy matrix).

The generation is written atomically by indexer/store.py; this is its reader. Filters are
applied as a boolean mask over chunk rows, cached per (Filters) for the generation.
Nothing is read from disk per query except SQLite pages (FTS5 and chunk text), which the OS caches.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import faiss
import numpy as np

from indexer import store
from indexer.embed import encode, model_dimension
from indexer.vector_index import search_allowed, tune_for_search

from .base import DecisionRow, Filters, Paragraph, SearchTooExpensive

TERM_CACHE_SIZE = 50_000  # words whose chunk counts are remembered (a few MB at most)
MASK_CACHE_SIZE = 256  # per-decision masks: small
CHUNK_MASK_CACHE_SIZE = 16  # per-chunk masks: 1 MB each at 1M chunks
# An expensive MATCH is cut off after this many SQLite VM steps (about 0.5 s here).
FTS_STEP_BUDGET = 20_000_000
# Each check takes the GIL, which the query's encoding on the other thread is using: check rarely.
PROGRESS_EVERY = 20_000
# A filter that leaves up to this many chunks is scored exactly over just those rows (≤ 7 ms,
# never a miss); above it the FAISS search skips the rest itself: at 1M chunks, scoring 100k
# allowed rows took 43 ms, filtered HNSW 3.5 ms with recall@10 1.0 (benchmarks/RESULTS.md).
EXACT_FILTERED_MAX_ROWS = 20_000
CHUNK_COLUMNS = "rowid, id, decision_id, source_path, paragraph, section, text, start, boilerplate, stems"


class IndexUnavailable(RuntimeError):
    """No usable index: the message says how to build or rebuild one."""


def quote_token(token: str) -> str:
    """One word as an FTS5 string (quotes doubled), so that no word is read as an operator."""
    return '"' + token.replace('"', '""') + '"'


def _decision_from_row(row: sqlite3.Row) -> DecisionRow:
    values = dict(row)
    values["amounts"] = json.loads(values.pop("amounts_json") or "[]")
    values["date_inferred"] = bool(values["date_inferred"])
    values["part2"] = bool(values["part2"])
    values["has_part2"] = bool(values["has_part2"])
    return DecisionRow(**values)


class LocalStore:
    """One generation on this machine (SQLite + FTS5 catalog, FAISS vectors, a numpy matrix),
    verified on load so that vectors never point at the wrong passages."""

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
            rows = self.match_count(quote_token(token))
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

    # --- Keyword search (FTS5) ---

    def run_fts(self, sql: str, params: tuple) -> list[sqlite3.Row]:
        """Run an FTS query with a step budget; 'interrupted' is reported, other errors are not hidden."""
        db = self.db
        steps = {"n": 0}

        def budget() -> int:
            steps["n"] += 1
            return 1 if steps["n"] * PROGRESS_EVERY > FTS_STEP_BUDGET else 0

        db.set_progress_handler(budget, PROGRESS_EVERY)
        try:
            return db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise SearchTooExpensive(
                    "the keyword query took too long; use fewer or more specific words"
                ) from exc
            raise
        finally:
            db.set_progress_handler(None, 0)

    def keyword(self, match: str, filters: Filters, k: int) -> list[int]:
        # Title matches count less than body matches: every chunk of a decision shares its title.
        # Five times k rows are ranked so that a filter still leaves k of them, mostly.
        rows = self.run_fts(
            "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY bm25(chunks_fts, 1.0, 0.4, 2.0) LIMIT ?",
            (match, k * 5),
        )
        mask = self.chunk_mask(filters)
        return [r[0] for r in rows if mask[r[0] - 1]][:k]

    def keyword_scores(self, match: str, filters: Filters) -> dict[int, float]:
        rows = self.run_fts(
            "SELECT rowid, bm25(chunks_fts, 1.0, 0.4, 2.0) FROM chunks_fts WHERE chunks_fts MATCH ?", (match,)
        )
        mask = self.chunk_mask(filters)
        # bm25() is lower-is-better; negate so that higher is better like the other modes.
        return {r[0]: -float(r[1]) for r in rows if mask[r[0] - 1]}

    def match_count(self, match: str) -> int:
        return self.db.execute(
            "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (match,)
        ).fetchone()[0]

    def holding(self, match: str, k: int) -> list[int]:
        sql = "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?"
        return [r[0] for r in self.run_fts(sql, (match, k))]

    # --- Vectors (FAISS and the matrix) ---

    def nearest(self, vector: np.ndarray, filters: Filters, k: int) -> list[int]:
        mask = self.chunk_mask(filters)
        if self.chunk_count == 0 or not mask.any():
            return []
        allowed_rows = int(mask.sum())
        k = min(k, allowed_rows)
        if allowed_rows == self.chunk_count:
            ids = self.vectors.search(vector.reshape(1, -1), k)[1][0]
        elif allowed_rows > EXACT_FILTERED_MAX_ROWS:
            ids = search_allowed(self.vectors, vector, k, mask)
        else:
            allowed = np.flatnonzero(mask)
            scores = np.asarray(self.matrix[allowed]) @ vector
            top = np.argpartition(-scores, k - 1)[:k]
            ids = allowed[top[np.argsort(-scores[top])]]
        return (ids[ids >= 0] + 1).tolist()

    def embeddings(self, ids: list[int]) -> np.ndarray:
        return np.asarray(self.matrix[np.asarray(ids, dtype=np.int64) - 1])

    def similarity(self, vector: np.ndarray, ids: list[int]) -> dict[int, float]:
        if not ids:
            return {}
        return dict(zip(ids, (self.embeddings(ids) @ vector).tolist(), strict=True))

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

    def health(self) -> dict:
        return {
            "generation": self.generation.name,
            "decisions": len(self.decisions),
            "chunks": self.chunk_count,
            "model": self.meta.get("model", ""),
            "vector_index": self.meta.get("vector_index", ""),
            "last_indexed": self.meta.get("indexed_at"),
        }
