"""In-process search latency per mode at 10k and 100k chunks (1M with --million).

    python -m benchmarks.bench_search [--sizes 10000,100000] [--million] [--repeat 3]

Each size is a generation of real-shaped synthetic chunks with synthetic vectors
(benchmarks/synthetic_index.py), loaded by the real IndexHolder and searched by the real
`search()`; queries are embedded by the real model. Every query of the mix is timed once
per run; a run gives p50/p95/p99, and the table shows the median over runs (lowest–highest).
Floors measured in the same run: pure model.encode of a query, pure FAISS search of k=200,
pure FTS5 MATCH with every word and as keyword_ranking issues it (common words pruned).
Above EXACT_MAX_VECTORS the index is HNSW,
and its recall@10 against exact search is reported.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import pstats
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import faiss
import numpy as np
import torch

from decisions.words import keyword_tokens
from indexer.vector_index import EXACT_MAX_VECTORS, HNSW_EF_SEARCH, index_kind
from search_api.index import IndexHolder, LoadedIndex
from search_api.keyword_queries import match_requiring
from search_api.retrieve import CANDIDATES, ranked_match
from search_api.search import SearchRequest, search
from storage.fts5 import match_expression

from .common import TODAY, bench_settings, latency_summary, machine_line, median_spread, table, work_dir
from .queries import search_queries
from .synthetic_index import build_generation, sample_queries

MODES = ("keyword", "semantic", "hybrid")
TARGET_P50_MS, TARGET_P95_MS = 30, 80  # hybrid at 100k chunks
FTS_SQL = (
    "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY bm25(chunks_fts, 1.0, 0.4, 2.0) LIMIT ?"
)


def time_each(items: list, call: Callable[[object], object]) -> list[float]:
    """Seconds taken by call(item) for each item, in order."""
    out = []
    for item in items:
        started = time.perf_counter()
        call(item)
        out.append(time.perf_counter() - started)
    return out


def runs(repeat: int, items: list, call: Callable[[object], object]) -> list[dict[str, float]]:
    """One latency summary per run over all items (after one untimed warm-up pass)."""
    time_each(items, call)
    return [latency_summary(time_each(items, call)) for _ in range(repeat)]


def mode_runs(index: LoadedIndex, queries: list[str], mode: str, repeat: int) -> list[dict[str, float]]:
    def timed(q: str):
        index.forget_query_vectors()  # every run encodes its queries, as a new query would
        return search(index, SearchRequest(q=q, mode=mode, today=TODAY))

    return runs(repeat, queries, timed)


def floor_runs(index: LoadedIndex, queries: list[str], repeat: int) -> dict[str, list[dict[str, float]]]:
    """The parts search cannot avoid, each alone: embedding, vector search, FTS match."""
    model = index.model
    vectors = [index.embed_query(q) for q in queries]
    every_word = [match_expression(m) for m in (match_requiring(keyword_tokens(q), []) for q in queries) if m]
    pruned = [match_expression(m) for m in (ranked_match(index, q) for q in queries) if m]

    def encode(q: str) -> None:
        model.encode([q], normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)

    def faiss_search(v: np.ndarray) -> None:
        index.vectors.search(v.reshape(1, -1), CANDIDATES)

    def fts(match: str) -> None:
        index.db.execute(FTS_SQL, (match, CANDIDATES * 5)).fetchall()

    # As the product runs them (its own thread settings), then with the other thread count:
    # OpenMP threads that spin while the other core is busy can cost more than they gain.
    torch_now, faiss_now = torch.get_num_threads(), faiss.omp_get_max_threads()
    torch_other, faiss_other = (2 if torch_now == 1 else 1), (2 if faiss_now == 1 else 1)
    floors = {f"model.encode(query), {torch_now} torch thread(s) (product)": runs(repeat, queries, encode)}
    with torch_threads(torch_other):
        floors[f"model.encode(query), {torch_other} torch thread(s)"] = runs(repeat, queries, encode)
    floors[f"FAISS search k={CANDIDATES}, {faiss_now} OpenMP thread(s) (product)"] = runs(
        repeat, vectors, faiss_search
    )
    with faiss_threads(faiss_other):
        floors[f"FAISS search k={CANDIDATES}, {faiss_other} OpenMP thread(s)"] = runs(
            repeat, vectors, faiss_search
        )
    floors["FTS5 MATCH + bm25, any word (before common-word pruning)"] = runs(repeat, every_word, fts)
    floors["FTS5 MATCH + bm25, as keyword_ranking issues it"] = runs(repeat, pruned, fts)
    return floors


@contextlib.contextmanager
def faiss_threads(count: int) -> Iterator[None]:
    """Run the block with `count` FAISS OpenMP threads, then restore the setting."""
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(count)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


@contextlib.contextmanager
def torch_threads(count: int) -> Iterator[None]:
    """Run the block with `count` torch intra-op threads, then restore the setting."""
    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def recall_at_10(index: LoadedIndex, seed: int, count: int = 200) -> float:
    """Share of the exact top 10 (brute force over the stored matrix) that the live index returns."""
    queries = sample_queries(index.matrix, count, seed)
    _, found = index.vectors.search(queries, 10)
    exact = faiss.IndexFlatIP(queries.shape[1])
    best = np.full((count, 10), -np.inf, dtype=np.float32)
    ids = np.zeros((count, 10), dtype=np.int64)
    for start in range(0, index.matrix.shape[0], 200_000):  # the matrix is memory-mapped: stream it
        exact.reset()
        exact.add(np.ascontiguousarray(index.matrix[start : start + 200_000], dtype=np.float32))
        scores, block_ids = exact.search(queries, 10)
        merged_scores = np.concatenate([best, scores], axis=1)
        merged_ids = np.concatenate([ids, block_ids + start], axis=1)
        order = np.argsort(-merged_scores, axis=1)[:, :10]
        best, ids = np.take_along_axis(merged_scores, order, 1), np.take_along_axis(merged_ids, order, 1)
    hits = sum(len(set(f) & set(e)) for f, e in zip(found.tolist(), ids.tolist(), strict=True))
    return hits / (count * 10)


def latency_row(label: str, summaries: list[dict[str, float]]) -> list[str]:
    return [label] + [median_spread([s[k] for s in summaries]) for k in ("p50", "p95", "p99")]


def profile_hybrid(index: LoadedIndex, queries: list[str], top: int = 25) -> str:
    """cProfile of hybrid searches: where the time goes, by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for q in queries:
        search(index, SearchRequest(q=q, mode="hybrid", today=TODAY))
    profiler.disable()
    out = []
    stats = pstats.Stats(profiler, stream=_Lines(out)).sort_stats("cumulative")
    stats.print_stats(top)
    return "".join(out)


class _Lines:
    """A write()-able list, so pstats prints into a string."""

    def __init__(self, out: list[str]):
        self.out = out

    def write(self, text: str) -> None:
        self.out.append(text)


def bench_size(size: int, args: argparse.Namespace) -> list[str]:
    data_dir = work_dir(args.work_dir, f"gen-{size}-s{args.seed}")
    print(f"\n## {size:,} chunks", flush=True)
    build_generation(data_dir, size, args.seed)
    started = time.perf_counter()
    index = IndexHolder(bench_settings(data_dir)).get()
    loaded_s = time.perf_counter() - started
    queries = search_queries(list(index.by_ref)[:50], args.queries, args.seed)
    kind = index_kind(index.vectors)
    print(f"{index.chunk_count:,} chunks, {len(index.decisions):,} decisions, FAISS {kind}, "
          f"loaded (model included) in {loaded_s:.1f} s; {len(queries)} queries × {args.repeat} runs")  # fmt: skip
    rows = [latency_row(mode, mode_runs(index, queries, mode, args.repeat)) for mode in MODES]
    rows += [latency_row(f"floor: {name}", s) for name, s in floor_runs(index, queries, args.repeat).items()]
    print(table(["ms per query", "p50", "p95", "p99"], rows))
    notes = []
    if index.chunk_count > EXACT_MAX_VECTORS:
        notes.append(
            f"HNSW recall@10 vs exact (efSearch {HNSW_EF_SEARCH}): {recall_at_10(index, args.seed):.3f}"
        )
    if args.profile:
        notes.append(profile_hybrid(index, queries))
    print("\n".join(notes))
    return rows[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="chunk counts, comma-separated")
    parser.add_argument(
        "--million", action="store_true", help="also 1,000,000 chunks (HNSW; ~30 min to build)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed runs over the query mix")
    parser.add_argument("--queries", type=int, default=48, help="queries in the mix")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of hybrid search per size")
    parser.add_argument("--work-dir", type=Path, help="where generations are kept between runs")
    parser.add_argument("--quick", action="store_true", help="10k chunks, 2 runs")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.quick:
        sizes, args.repeat = [10_000], 2
    if args.million:
        sizes.append(1_000_000)
    print(f"# bench_search\n{machine_line()}")
    results = {size: bench_size(size, args) for size in sizes}
    if 100_000 in results:
        print(f"\ntarget at 100k: hybrid p50 ≤ {TARGET_P50_MS} ms, p95 ≤ {TARGET_P95_MS} ms; "
              f"measured p50 {results[100_000][1]}, p95 {results[100_000][2]}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
