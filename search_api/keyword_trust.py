"""How far the keyword list can be trusted for one query: a signal for fusing the two lists.

BM25 ranks passages by the query's words, so it is only as good as those words are the
documents' words. "How many late-night work jobs disappeared in the capital?" shares with
MD3115 ("over 200,000 night-time jobs were lost in London") only the common word "jobs":
the keyword list fills with passages about work and the capital, and, fused with it, they
crowd out the passage the semantic list put first. A question written with the documents'
own words ("night-time economy jobs lost in London after the pandemic") finds most of its
rare words together in the first keyword hits.

So the trust is the share of the query's words (weighted by rarity, as the second stage
weighs them) held by the best of the first few keyword hits: near 1 when the question uses
the documents' words, low when it paraphrases them or uses words the index has never seen.
It costs one read of TRUST_DEPTH rows by rowid; the word counts are cached per generation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from decisions.words import keyword_tokens, stem

# Keyword hits read for the trust. The passage holding most of the query's words is usually
# among the first few; deeper ones would let a long page of common words stand in for a match.
TRUST_DEPTH = 5


def query_idf(index, text: str) -> dict[str, float]:
    """Rarity of each of the query's words (by stem) among the index's chunks; a word the
    index never saw gets the highest rarity."""
    count = max(1, index.chunk_count)
    idf: dict[str, float] = {}
    for token in keyword_tokens(text):
        rows = index.term_rows(token) if index.chunk_count else 0
        idf[stem(token)] = max(idf.get(stem(token), 0.0), math.log((count + 1) / (rows + 0.5)))
    return idf


def held_share(idf: dict[str, float], stems_field: str) -> float:
    """Rarity-weighted share of the query's words a passage holds (its stems, space-padded)."""
    total = sum(idf.values())
    if not total:
        return 0.0
    return sum(weight for s, weight in idf.items() if f" {s} " in stems_field) / total


def keyword_trust(index, idf: dict[str, float], keyword_ranked: Sequence[int]) -> float:
    """0..1: the largest share of the query's words held by one of the first keyword hits
    (0 when the keyword list is empty; 1 when the query has no words to judge by, as when it
    names only a reference code, which the keyword list matches exactly)."""
    if not idf:
        return 1.0
    top = list(keyword_ranked[:TRUST_DEPTH])
    if not top:
        return 0.0
    return max(held_share(idf, row["stems"] or "") for row in index.chunks(top))
