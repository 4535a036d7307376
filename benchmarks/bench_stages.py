"""The second stage's share of a search, and an answer's time for one user.

    python -m benchmarks.bench_stages [--size 100000] [--repeat 3] [--quick]

Part 1: hybrid search over a synthetic generation (benchmarks/synthetic_index.py) of `size`
chunks, timing the second stage (search_api/rerank.py: re-scoring the fused candidates and
the passages of each shown result) inside every search; target ≤ 10 ms p95 of a search
whose whole target is p50 ≤ 30 ms, p95 ≤ 80 ms at 100k chunks.
Part 2: every question of the quality files (tests/quality/*.jsonl, qa and abstain items)
answered one after another on the sample corpus with the real model; target p95 ≤ 1 s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from indexer.pipeline import run_index
from search_api import rerank
from search_api.answer import answer_question
from search_api.index import IndexHolder
from search_api.search import SearchRequest, search

from .common import TODAY, bench_settings, latency_summary, machine_line, table, work_dir
from .queries import search_queries
from .synthetic_index import build_generation

ROOT = Path(__file__).resolve().parent.parent
STAGE_P95_MS, ANSWER_P95_S = 10, 1.0


class StageClock:
    """Times the second stage's two entry points (rerank() calls score_rows() itself: only the
    outermost call counts) and adds up their time per search."""

    def __init__(self):
        self.spent, self._depth = 0.0, 0
        self._originals = (rerank.rerank, rerank.score_rows)

    def _timed(self, call):
        def wrapper(*args, **kwargs):
            self._depth += 1
            started = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.spent += time.perf_counter() - started

        return wrapper

    def __enter__(self) -> StageClock:
        rerank.rerank, rerank.score_rows = (self._timed(c) for c in self._originals)
        return self

    def __exit__(self, *exc) -> None:
        rerank.rerank, rerank.score_rows = self._originals


def stage_share(size: int, queries_count: int, repeat: int, base: Path | None) -> list[list[str]]:
    data_dir = work_dir(base, f"gen-{size}-s0")
    build_generation(data_dir, size, 0)
    index = IndexHolder(bench_settings(data_dir)).get()
    queries = search_queries(list(index.by_ref)[:50], queries_count, 0)
    whole, stage = [], []
    clock = StageClock()
    for run in range(repeat + 1):
        for q in queries:
            index.forget_query_vectors()
            clock.spent = 0.0
            with clock:
                started = time.perf_counter()
                search(index, SearchRequest(q=q, mode="hybrid", today=TODAY))
                took = time.perf_counter() - started
            if run:  # the first pass warms caches
                whole.append(took)
                stage.append(clock.spent)
    rows = []
    for label, values in (("hybrid search, whole", whole), ("second stage inside it", stage)):
        s = latency_summary(values)
        rows.append([label, f"{s['p50']:.1f}", f"{s['p95']:.1f}", f"{s['p99']:.1f}"])
    print(f"\n## {index.chunk_count:,} chunks, {len(queries)} queries × {repeat} runs")
    print(table(["ms per query", "p50", "p95", "p99"], rows))
    return rows


def answer_times(base: Path | None) -> dict[str, float]:
    corpus = work_dir(base, "sample-corpus")
    for path in ROOT.joinpath("corpus").iterdir():
        if path.is_file():
            (corpus / path.name).write_bytes(path.read_bytes())
    settings = bench_settings(work_dir(base, "sample-data"))
    run_index(corpus, settings, show_progress=False)
    index = IndexHolder(settings).get()
    questions = [
        json.loads(line)["query"]
        for name in ("tuning-sample.jsonl", "heldout-sample.jsonl")
        for line in (ROOT / "tests" / "quality" / name).read_text().splitlines()
        if line.strip() and json.loads(line)["kind"] in ("qa", "abstain")
    ]
    for q in questions[:3]:
        answer_question(index, q, settings)  # the first answers load what every answer uses
    seconds = []
    for q in questions:
        index.forget_query_vectors()
        started = time.perf_counter()
        answer_question(index, q, settings)
        seconds.append(time.perf_counter() - started)
    s = latency_summary(seconds)
    print(f"\n## answers on the sample corpus, one user, {len(seconds)} questions")
    print(
        table(
            ["ms per answer", "p50", "p95", "p99"],
            [["answer", f"{s['p50']:.0f}", f"{s['p95']:.0f}", f"{s['p99']:.0f}"]],
        )
    )
    return s


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=100_000, help="chunks in the synthetic generation")
    parser.add_argument("--queries", type=int, default=48)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument("--quick", action="store_true", help="10k chunks, 1 run")
    args = parser.parse_args(argv)
    if args.quick:
        args.size, args.repeat = 10_000, 1
    print(f"# bench_stages\n{machine_line()}")
    rows = stage_share(args.size, args.queries, args.repeat, args.work_dir)
    answers = answer_times(args.work_dir)
    print(f"\ntargets: second stage p95 ≤ {STAGE_P95_MS} ms (measured {rows[1][2]}); "
          f"answer p95 ≤ {ANSWER_P95_S:.0f} s (measured {answers['p95']:.0f} ms)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
