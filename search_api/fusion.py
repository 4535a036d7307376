"""Reciprocal-rank fusion of keyword and semantic rankings.

RRF needs no score calibration between BM25 and cosine, which differ in scale per
query; k=60 is the value from Cormack et al. and held up on the dev set.
"""

from __future__ import annotations

RRF_K = 60
# Semantic neighbours thin out as a corpus grows (many decisions share the vocabulary of
# grants, communities and London), while exact words keep their meaning. With the dev
# questions over the sample mixed into 1,000 synthetic decisions, halving the semantic
# weight raised passage hit@1 from 0.36 to 0.55 and MRR from 0.56 to 0.67, and on the
# sample alone hit@1 from 0.59 to 0.64; paraphrases still arrive through the semantic list
# (benchmarks/RESULTS.md, bench_quality).
KEYWORD_WEIGHT = 1.0
SEMANTIC_WEIGHT = 0.5
# In hybrid search the keyword weight is further multiplied, per query, by how far the keyword
# list can be trusted (keyword_trust.py): a question that paraphrases the documents is fused
# mostly by meaning.
# Rows naming a capitalised multi-word name of the query as a phrase (retrieve.phrase_ranking)
# form a third list: the name is the most specific thing a user types.
PHRASE_WEIGHT = 1.0


def reciprocal_rank_fusion(rankings: list[list[int]], weights: list[float] | None = None) -> dict[int, float]:
    """rankings: lists of chunk rowids, best first → fused score per rowid."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, rowid in enumerate(ranking):
            scores[rowid] = scores.get(rowid, 0.0) + weight / (RRF_K + rank + 1)
    return scores
