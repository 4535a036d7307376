"""The FAISS index, chosen by size in one place.

Exact inner product (vectors are normalised, so it is cosine) is both exact and
fast enough below EXACT_MAX_VECTORS; above it, HNSW keeps queries in milliseconds
at a small, measured recall cost (benchmarks/bench_search.py reports recall@10).
"""

from __future__ import annotations

import faiss
import numpy as np

# Exact search of 100k vectors costs ~11 ms a query on one core, HNSW under 1 ms with
# recall@10 above 0.95 (benchmarks/RESULTS.md); building HNSW for 100k takes about a minute.
EXACT_MAX_VECTORS = 50_000
HNSW_NEIGHBOURS = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128  # recall@10 0.958 at 1M chunks (96: 0.949)
# A filter leaves HNSW fewer usable neighbours; a wider beam keeps recall@10 ≥ 0.99 when at
# least a fifth of the chunks are allowed (measured at 100k in benchmarks/RESULTS.md).
HNSW_EF_FILTERED = 200
HNSW_EF_FILTERED_MAX = 1000  # at 1M chunks: recall@10 1.0 with 10% allowed, 0.99 with 5%, in 3.5 ms


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


def search_allowed(index: faiss.Index, query: np.ndarray, k: int, allowed: np.ndarray) -> np.ndarray:
    """Ids of the k nearest among the allowed rows (a boolean per row), -1 padded."""
    bits = np.packbits(allowed, bitorder="little")  # FAISS reads bit i of byte i // 8, low bit first
    selector = faiss.IDSelectorBitmap(len(allowed), faiss.swig_ptr(bits))
    if isinstance(index, faiss.IndexHNSW):
        # The narrower the filter, the more of the beam it spends on rows it may not return.
        share = max(float(allowed.mean()), 1e-6)
        beam = min(HNSW_EF_FILTERED_MAX, max(HNSW_EF_FILTERED, int(HNSW_EF_FILTERED / share)))
        params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(beam, k))
    else:
        params = faiss.SearchParameters(sel=selector)
    _, ids = index.search(query.reshape(1, -1), k, params=params)
    return ids[0]  # bits and selector stay referenced until here, while FAISS reads them
