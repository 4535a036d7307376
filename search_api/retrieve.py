"""The two retrievers, each returning chunk rowids best first, restricted by a chunk mask."""

from __future__ import annotations

import sqlite3

import numpy as np

from .fts import match_any
from .index import LoadedIndex

CANDIDATES = 200
# An expensive MATCH is cut off after this many SQLite VM steps (about 0.5 s here).
FTS_STEP_BUDGET = 20_000_000


class SearchTooExpensive(RuntimeError):
    pass


def run_fts(index: LoadedIndex, sql: str, params: tuple) -> list[sqlite3.Row]:
    """Run an FTS query with a step budget; 'interrupted' is reported, other errors are not hidden."""
    db = index.db
    steps = {"n": 0}

    def budget() -> int:
        steps["n"] += 1
        return 1 if steps["n"] * 1000 > FTS_STEP_BUDGET else 0

    db.set_progress_handler(budget, 1000)
    try:
        return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise SearchTooExpensive("the keyword query took too long; use fewer or more specific words") from exc
        raise
    finally:
        db.set_progress_handler(None, 0)


def keyword_ranking(index: LoadedIndex, text: str, chunk_mask: np.ndarray, limit: int = CANDIDATES) -> list[int]:
    match = match_any(text)
    if not match:
        return []
    # Title matches count less than body matches: every chunk of a decision shares its title.
    rows = run_fts(
        index,
        "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY bm25(chunks_fts, 1.0, 0.4, 2.0) LIMIT ?",
        (match, limit * 5),
    )
    ranking = [r[0] for r in rows if chunk_mask[r[0] - 1]]
    return ranking[:limit]


def semantic_ranking(
    index: LoadedIndex, query_vector: np.ndarray, chunk_mask: np.ndarray, limit: int = CANDIDATES
) -> list[int]:
    if index.chunk_count == 0 or not chunk_mask.any():
        return []
    if chunk_mask.all():
        _, ids = index.vectors.search(query_vector.reshape(1, -1), min(limit, index.chunk_count))
        return [int(i) + 1 for i in ids[0] if i >= 0]
    allowed = np.flatnonzero(chunk_mask)
    if len(allowed) > index.chunk_count // 2:
        # Most chunks allowed: over-fetch from FAISS and drop the rest.
        _, ids = index.vectors.search(query_vector.reshape(1, -1), min(limit * 4, index.chunk_count))
        return [int(i) + 1 for i in ids[0] if i >= 0 and chunk_mask[i]][:limit]
    # A narrow filter: exact scores over just the allowed rows beat a filtered ANN search.
    scores = np.asarray(index.matrix[allowed]) @ query_vector
    top = np.argsort(-scores)[:limit]
    return [int(allowed[i]) + 1 for i in top]


def vector_scores(index: LoadedIndex, query_vector: np.ndarray, rowids: list[int]) -> dict[int, float]:
    if not rowids:
        return {}
    rows = np.asarray(index.matrix[np.array(rowids) - 1])
    return dict(zip(rowids, (rows @ query_vector).tolist(), strict=True))
