"""The local backend: one generation in a folder (SQLite + FTS5 catalog, FAISS vectors, numpy matrix).

The generation is written atomically by indexer/store.py; this is its reader. Filters are
applied as a boolean mask over chunk rows, cached per (Filters) for the generation.
Nothing is read from disk per query except SQLite pages (FTS5 and chunk text), which the OS caches.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import faiss
import numpy as np

from indexer import store
from indexer.vector_index import search_allowed, tune_for_search

from .base import Filters, SearchTooExpensive, WordQuery
from .catalog import Catalog, IndexUnavailable
from .fts5 import match_expression

# An expensive MATCH is cut off after this many SQLite VM steps (about 0.5 s here).
FTS_STEP_BUDGET = 20_000_000
# Each check takes the GIL, which the query's encoding on the other thread is using: check rarely.
PROGRESS_EVERY = 20_000
# A filter that leaves up to this many chunks is scored exactly over just those rows (≤ 7 ms,
# never a miss); above it the FAISS search skips the rest itself: at 1M chunks, scoring 100k
# allowed rows took 43 ms, filtered HNSW 3.5 ms with recall@10 1.0 (benchmarks/RESULTS.md).
EXACT_FILTERED_MAX_ROWS = 20_000

__all__ = ["IndexUnavailable", "LocalStore"]


class LocalStore(Catalog):
    """One generation on this machine (SQLite + FTS5 catalog, FAISS vectors, a numpy matrix),
    verified on load so that vectors never point at the wrong passages."""

    def __init__(self, generation: Path, model, model_name: str, query_vectors_kept: int = 0):
        super().__init__(generation, model, model_name, query_vectors_kept)
        if self.meta.get("store", "local") != "local":
            raise IndexUnavailable(
                f"index {generation.name} was built for the {self.meta['store']} store; serve it with "
                f"`--store {self.meta['store']}`, or re-index with `decisions index CORPUS --force`"
            )
        actual = store.file_sha256(generation / store.VECTORS)
        if actual != self.meta.get("vectors_sha256"):
            raise IndexUnavailable(
                f"{generation / store.VECTORS} is damaged (checksum mismatch); "
                "rebuild with `decisions index CORPUS --force`"
            )
        self.vectors = faiss.read_index(str(generation / store.VECTORS))
        tune_for_search(self.vectors)
        self.matrix = np.load(generation / store.MATRIX, mmap_mode="r")
        count = self.chunk_count
        if self.vectors.ntotal != count or self.matrix.shape[0] != count:
            raise IndexUnavailable(
                f"index {generation.name} is inconsistent: {self.vectors.ntotal} vectors for {count} chunks; "
                "rebuild it with `decisions index CORPUS --force`"
            )

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

    def keyword(self, query: WordQuery, filters: Filters, k: int) -> list[int]:
        match = match_expression(query)
        if not match:
            return []
        # Title matches count less than body matches: every chunk of a decision shares its title.
        # Five times k rows are ranked so that a filter still leaves k of them, mostly.
        rows = self.run_fts(
            "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY bm25(chunks_fts, 1.0, 0.4, 2.0) LIMIT ?",
            (match, k * 5),
        )
        mask = self.chunk_mask(filters)
        return [r[0] for r in rows if mask[r[0] - 1]][:k]

    def keyword_scores(self, query: WordQuery, filters: Filters) -> dict[int, float]:
        match = match_expression(query)
        if not match:
            return {}
        rows = self.run_fts(
            "SELECT rowid, bm25(chunks_fts, 1.0, 0.4, 2.0) FROM chunks_fts WHERE chunks_fts MATCH ?", (match,)
        )
        mask = self.chunk_mask(filters)
        # bm25() is lower-is-better; negate so that higher is better like the other modes.
        return {r[0]: -float(r[1]) for r in rows if mask[r[0] - 1]}

    def match_count(self, query: WordQuery) -> int:
        match = match_expression(query)
        if not match:
            return 0
        return self.db.execute(
            "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (match,)
        ).fetchone()[0]

    def holding(self, query: WordQuery, k: int) -> list[int]:
        match = match_expression(query)
        if not match:
            return []
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

    def health(self) -> dict:
        return {**super().health(), "store": "local"}
