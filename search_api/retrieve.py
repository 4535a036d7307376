"""The retrievers, each returning chunk ids best first, restricted by Filters; the store runs them."""

from __future__ import annotations

import re

import numpy as np

from decisions.words import keyword_tokens, named_phrases
from storage.base import Filters, SearchTooExpensive

from .index import LoadedIndex
from .keyword_queries import match_any_phrase, match_requiring

CANDIDATES = 200
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


def ranked_match(index: LoadedIndex, text: str) -> str | None:
    """The MATCH for ranked retrieval: any word, with a row required to hold one of the rarer ones."""
    tokens = keyword_tokens(text)
    if not tokens:
        return None
    common_above = max(min(COMMON_SHARE * index.count(), COMMON_MAX_ROWS), COMMON_MIN_ROWS)
    rows = {t: index.term_rows(t) for t in tokens}
    rare = [t for t in tokens if rows[t] <= common_above]
    if rare:
        return match_requiring(tokens, rare)
    # Only common words ("funding programme"): a row must hold the two rarest together, as a
    # search engine would require every word of such a query.
    return match_requiring(tokens, sorted(tokens, key=rows.__getitem__)[:2], every=True)


def keyword_ranking(index: LoadedIndex, text: str, filters: Filters, limit: int = CANDIDATES) -> list[int]:
    match = ranked_match(index, text)
    if not match:
        return []
    return index.keyword(match, filters, limit)


def phrase_ranking(
    index: LoadedIndex, text: str, filters: Filters, keyword_ranked: list[int], limit: int = CANDIDATES
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
        holding = index.holding(match, limit + 1)
    except SearchTooExpensive:
        return []
    if len(holding) <= limit:
        held = set(holding)
        first = [rowid for rowid in keyword_ranked if rowid in held]
        listed = set(first)
        return first + [rowid for rowid in index.admitted(holding, filters) if rowid not in listed]
    pattern = re.compile(
        "|".join(
            r"\b" + r"\W+".join(re.escape(w) for w in re.findall(r"\w+", " ".join(p))) + r"\b"
            for p in phrases
        ),
        re.IGNORECASE,
    )
    texts = index.texts(keyword_ranked)
    return [rowid for rowid in keyword_ranked if pattern.search(texts.get(rowid, ""))]


def semantic_ranking(
    index: LoadedIndex, query_vector: np.ndarray, filters: Filters, limit: int = CANDIDATES
) -> list[int]:
    return index.nearest(query_vector, filters, limit)


def vector_scores(index: LoadedIndex, query_vector: np.ndarray, rowids: list[int]) -> dict[int, float]:
    return index.similarity(query_vector, rowids)
