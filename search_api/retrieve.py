"""The two retrievers, each returning chunk rowids best first, restricted by a chunk mask."""

from __future__ import annotations

import json
import re
import sqlite3

import numpy as np

from decisions.words import keyword_tokens, named_phrases
from indexer.vector_index import search_allowed

from .fts import match_any_phrase, match_requiring
from .index import LoadedIndex

CANDIDATES = 200
# An expensive MATCH is cut off after this many SQLite VM steps (about 0.5 s here).
FTS_STEP_BUDGET = 20_000_000
# Each check takes the GIL, which the query's encoding on the other thread is using: check rarely.
PROGRESS_EVERY = 20_000
# A filter that leaves up to this many chunks is scored exactly over just those rows (≤ 7 ms,
# never a miss); above it the FAISS search skips the rest itself: at 1M chunks, scoring 100k
# allowed rows took 43 ms, filtered HNSW 3.5 ms with recall@10 1.0 (benchmarks/RESULTS.md).
EXACT_FILTERED_MAX_ROWS = 20_000
# BM25 is computed for every row a MATCH returns, so an OR with a word found in a fifth of
# a large index costs tens of milliseconds. A word in more than this share of the chunks (and
# more than COMMON_MIN_ROWS of them) still scores, but cannot by itself make a row a candidate;
# its IDF is low, so the top candidates barely change (measured in benchmarks/RESULTS.md).
COMMON_SHARE = 0.05
COMMON_MIN_ROWS = 2000
# ...or more than this many: at 1M chunks 5% is 50,000 rows, each scored by BM25; the cap
# took hybrid p95 there from 194 to 145 ms.
COMMON_MAX_ROWS = 20_000
# Names matched as phrases per query: a pasted paragraph of capitalised words is not a name list.
MAX_PHRASES = 5


class SearchTooExpensive(RuntimeError):
    pass


def run_fts(index: LoadedIndex, sql: str, params: tuple) -> list[sqlite3.Row]:
    """Run an FTS query with a step budget; 'interrupted' is reported, other errors are not hidden."""
    db = index.db
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


def ranked_match(index: LoadedIndex, text: str) -> str | None:
    """The MATCH for ranked retrieval: any word, with a row required to hold one of the rarer ones."""
    tokens = keyword_tokens(text)
    if not tokens:
        return None
    common_above = max(min(COMMON_SHARE * index.chunk_count, COMMON_MAX_ROWS), COMMON_MIN_ROWS)
    rows = {t: index.term_rows(t) for t in tokens}
    rare = [t for t in tokens if rows[t] <= common_above]
    if rare:
        return match_requiring(tokens, rare)
    # Only common words ("funding programme"): a row must hold the two rarest together, as a
    # search engine would require every word of such a query.
    return match_requiring(tokens, sorted(tokens, key=rows.__getitem__)[:2], every=True)


def keyword_ranking(
    index: LoadedIndex, text: str, chunk_mask: np.ndarray, limit: int = CANDIDATES
) -> list[int]:
    match = ranked_match(index, text)
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


def phrase_ranking(
    index: LoadedIndex, text: str, chunk_mask: np.ndarray, keyword_ranked: list[int], limit: int = CANDIDATES
) -> list[int]:
    """Rows holding a name the query spells out ("London Communities Report") as a phrase.

    BM25 scores words one by one: in a large corpus "London", "communities" and "report"
    are each everywhere, and the passage that names the report is lost among passages that
    merely use the words. Only capitalised multi-word names are matched so.
    Listing the rows of a phrase is cheap (1–7 ms at 1M chunks); ranking them by BM25 is
    not (25–65 ms: its IDF scans every row of the phrase). So a name in at most `limit`
    rows brings them all, keyword candidates first in their order; a more frequent one
    (a programme name shared by hundreds of decisions) only picks out the keyword
    candidates that hold it. The list only adds evidence: when it would take too long,
    the search goes on without it.
    """
    phrases = named_phrases(text)[:MAX_PHRASES]
    match = match_any_phrase(phrases)
    if not match:
        return []
    try:
        sql = "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?"
        holding = [r[0] for r in run_fts(index, sql, (match, limit + 1))]
    except SearchTooExpensive:
        return []
    if len(holding) <= limit:
        held = set(holding)
        first = [rowid for rowid in keyword_ranked if rowid in held]
        listed = set(first)
        return first + [rowid for rowid in holding if chunk_mask[rowid - 1] and rowid not in listed]
    pattern = re.compile(
        "|".join(
            r"\b" + r"\W+".join(re.escape(w) for w in re.findall(r"\w+", " ".join(p))) + r"\b"
            for p in phrases
        ),
        re.IGNORECASE,
    )
    texts = dict(
        index.db.execute(
            "SELECT rowid, text FROM chunks WHERE rowid IN (SELECT value FROM json_each(?))",
            (json.dumps(keyword_ranked),),
        ).fetchall()
    )
    return [rowid for rowid in keyword_ranked if pattern.search(texts.get(rowid, ""))]


def semantic_ranking(
    index: LoadedIndex, query_vector: np.ndarray, chunk_mask: np.ndarray, limit: int = CANDIDATES
) -> list[int]:
    if index.chunk_count == 0 or not chunk_mask.any():
        return []
    allowed_rows = int(chunk_mask.sum())
    k = min(limit, allowed_rows)
    if allowed_rows == index.chunk_count:
        ids = index.vectors.search(query_vector.reshape(1, -1), k)[1][0]
    elif allowed_rows > EXACT_FILTERED_MAX_ROWS:
        ids = search_allowed(index.vectors, query_vector, k, chunk_mask)
    else:
        allowed = np.flatnonzero(chunk_mask)
        scores = np.asarray(index.matrix[allowed]) @ query_vector
        top = np.argpartition(-scores, k - 1)[:k]
        ids = allowed[top[np.argsort(-scores[top])]]
    return (ids[ids >= 0] + 1).tolist()


def vector_scores(index: LoadedIndex, query_vector: np.ndarray, rowids: list[int]) -> dict[int, float]:
    if not rowids:
        return {}
    rows = np.asarray(index.matrix[np.array(rowids) - 1])
    return dict(zip(rowids, (rows @ query_vector).tolist(), strict=True))
