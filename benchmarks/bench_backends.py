"""The two storage backends side by side: indexing throughput and search latency.

    python -m benchmarks.bench_backends [--sizes 10000 100000] [--queries 48] [--repeat 3]

For each size, one synthetic set of decisions and chunks (benchmarks/synthetic_index.py: real
parser and chunker, embedding-shaped vectors) is written twice: by the local writer (SQLite +
FTS5 + FAISS, indexer/store.py) and by the Milvus writer (storage/milvus.py) into milvus-lite, a
Milvus in this process: one process, not a cluster, so its figures say how our code and the
engine's API behave, not how a Milvus cluster performs. Then the same hybrid searches (the real
query path, the real model for the query) run on each, and the keyword and vector calls alone.
The embedding of the corpus is left out on both sides: it is the same model's work for either.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from decisions.settings import DEFAULT_MODEL
from indexer import store
from search_api.index import IndexHolder
from search_api.keyword_queries import match_requiring
from search_api.search import SearchRequest, search
from storage.base import Filters
from storage.milvus import MilvusWriter

from .common import TODAY, bench_settings, fresh_dir, latency_summary, machine_line, table
from .queries import search_queries
from .synthetic_index import chunk_set, synthetic_vectors


def _write_both(base: Path, size: int, seed: int) -> dict[str, dict]:
    decisions, chunks = chunk_set(size, seed)
    vectors = synthetic_vectors(decisions, chunks, seed)
    meta = {"model": DEFAULT_MODEL, "fingerprint": f"synthetic:{size}", "corpus": f"synthetic:{size}"}
    out = {}
    local_dir = fresh_dir(base, f"backends-local-{size}")
    started = time.perf_counter()
    store.write_generation(local_dir, decisions, chunks, vectors, meta)
    out["local"] = {"data_dir": local_dir, "seconds": time.perf_counter() - started}
    milvus_dir = fresh_dir(base, f"backends-milvus-{size}")
    writer = MilvusWriter(str(milvus_dir / "milvus.db"))
    started = time.perf_counter()
    writer(milvus_dir, decisions, chunks, vectors, meta)
    out["milvus"] = {"data_dir": milvus_dir, "seconds": time.perf_counter() - started, "uri": writer.uri}
    for entry in out.values():
        entry["chunks"], entry["decisions"] = len(chunks), len(decisions)
    return out


def _timed(calls, repeat: int) -> list[float]:
    seconds = []
    for _ in range(repeat):
        for call in calls:
            started = time.perf_counter()
            call()
            seconds.append(time.perf_counter() - started)
    return seconds


def _measure(index, queries: list[str], repeat: int) -> dict[str, list[float]]:
    public = Filters(staff=False, today=TODAY)
    vectors = [index.embed_query(q) for q in queries]
    words = [m for m in (match_requiring(q.lower().split(), []) for q in queries) if m]
    return {
        "hybrid search": _timed(
            [lambda q=q: search(index, SearchRequest(q=q, today=TODAY)) for q in queries], repeat
        ),
        "nearest k=200": _timed([lambda v=v: index.nearest(v, public, 200) for v in vectors], repeat),
        "keyword k=200": _timed([lambda w=w: index.keyword(w, public, 200) for w in words], repeat),
    }


def run(sizes: list[int], query_count: int, repeat: int, base: Path | None, seed: int = 0) -> str:
    lines = [machine_line(), ""]
    write_rows, search_rows = [], []
    model = None
    for size in sizes:
        written = _write_both(base, size, seed)
        for name, entry in written.items():
            settings = bench_settings(entry["data_dir"])
            if name == "milvus":
                settings = dataclasses.replace(settings, store="milvus", milvus_uri=entry["uri"])
            holder = IndexHolder(settings, model=model)
            index = holder.get()
            model = holder.model
            write_rows.append([f"{entry['chunks']:,}", name, f"{entry['seconds']:.1f}",
                               f"{entry['chunks'] / entry['seconds']:,.0f}"])  # fmt: skip
            refs = sorted(d.ref for d in index.decisions.values() if d.ref)
            queries = search_queries(refs, query_count, seed)
            for q in queries:  # the query vectors once, so the timings below are the store's and ours
                index.embed_query(q)
            timings = _measure(index, queries, repeat)
            for label, seconds in timings.items():
                s = latency_summary(seconds)
                search_rows.append(
                    [f"{entry['chunks']:,}", name, label, f"{s['p50']:.1f}", f"{s['p95']:.1f}"]
                )
    lines.append("Writing a generation (embedding excluded; same decisions, chunks and vectors):")
    lines.append(table(["chunks", "store", "seconds", "chunks/s"], write_rows))
    lines.append("")
    lines.append(f"Search latency, in-process, {query_count} queries × {repeat} (query vectors cached):")
    lines.append(table(["chunks", "store", "call", "p50 ms", "p95 ms"], search_rows))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=48)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, help="where the generations are written (default: a temp dir)")
    args = parser.parse_args()
    print(run(args.sizes, args.queries, args.repeat, args.work))


if __name__ == "__main__":
    main()
