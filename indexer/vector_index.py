"""The FAISS index, chosen by size in one place.

Exact inner product (vectors are normalised, so it is cosine) is both exact and
fast enough below EXACT_MAX_VECTORS; above it, HNSW keeps queries in milliseconds
at a small, measured recall cost (benchmarks/bench_search.py reports recall@10).
"""

from __future__ import annotations

import faiss
import numpy as np

EXACT_MAX_VECTORS = 200_000
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 96


def build_vector_index(vectors: np.ndarray) -> faiss.Index:
    count, dim = vectors.shape
    if count <= EXACT_MAX_VECTORS:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    if count:
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    tune_for_search(index)
    return index


def tune_for_search(index: faiss.Index) -> None:
    if isinstance(index, faiss.IndexHNSW):
        index.hnsw.efSearch = HNSW_EF_SEARCH


def index_kind(index: faiss.Index) -> str:
    return "hnsw" if isinstance(index, faiss.IndexHNSW) else "exact"
