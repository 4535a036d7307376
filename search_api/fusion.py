"""Reciprocal-rank fusion of keyword and semantic rankings.

RRF needs no score calibration between BM25 and cosine, which differ in scale per
query; k=60 is the value from Cormack et al. and held up on the dev set.
"""

from __future__ import annotations

RRF_K = 60


def reciprocal_rank_fusion(rankings: list[list[int]], weights: list[float] | None = None) -> dict[int, float]:
    """rankings: lists of chunk rowids, best first → fused score per rowid."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, rowid in enumerate(ranking):
            scores[rowid] = scores.get(rowid, 0.0) + weight / (RRF_K + rank + 1)
    return scores
