"""The long load test: many clients mixing searches, answers and pages, and the server's memory.

    python -m benchmarks.bench_load [--clients 24] [--seconds 60] [--corpus corpus/]

`decisions serve` runs in a child process on 127.0.0.1 over an index of the sample corpus
(built once with the real pipeline). After one warm-up pass over the mix, `--clients`
clients send requests back to back for `--seconds`, each cycling through the mix: JSON
search, cited answer, similar decisions, the search page and the decision page, with the
dev questions and filter words as queries.
Reported: throughput, p50/p95 and errors per kind of request, and the server's resident
memory sampled every second — after the warm-up, at the end, and its slope over the second
half of the run. Targets (issue 8): zero errors, search p95 under 300 ms, memory flat.
The exit code is 1 when there were errors or memory grew (judged on runs of 45 s or more),
so the run can gate a release.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from indexer.pipeline import run_index

from .common import (
    DEV_QUESTIONS,
    SAMPLE_CORPUS,
    bench_settings,
    child_pids,
    latency_summary,
    machine_line,
    rss_mb,
    table,
    work_dir,
)
from .server import HOST, free_port, start_server, stop, wait_for_answer

SEARCH_P95_TARGET_MS = 300
# Resident memory may settle while caches fill; after the warm-up it must not keep rising.
GROWTH_LIMIT_MB_PER_MIN = 5.0
MIN_SECONDS_FOR_MEMORY = 45
FILTER_QUERIES = ("director decisions", "community engagement grants since 2018", "grants over £100,000",
                  "decisions before 2024", "mayoral decisions in 2021-22", "Shared Intelligence")  # fmt: skip


@dataclass
class Kind:
    """One kind of request: its latencies and the answers' status codes."""

    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)

    def record(self, seconds: float, status: str) -> None:
        self.latencies.append(seconds)
        self.statuses[status] = self.statuses.get(status, 0) + 1

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != "200")


def request_mix(questions: list[str], refs: list[str]) -> list[tuple[str, str, dict]]:
    """(kind, path, params) in the order a client cycles through them."""
    searches = [*questions, *FILTER_QUERIES]
    mix = []
    for i, q in enumerate(searches):
        ref = refs[i % len(refs)]
        mix.append(("search", "/api/search", {"q": q}))
        mix.append(("answer", "/api/answer", {"q": questions[i % len(questions)]}))
        mix.append(("search page", "/search", {"q": q}))
        mix.append(("decision page", f"/decisions/{ref}", {}))
        if i % 3 == 0:
            mix.append(("similar", f"/api/decisions/{ref}/similar", {}))
    return mix


async def client_loop(client: httpx.AsyncClient, mix: list, offset: int, deadline: float,
                      kinds: dict[str, Kind]) -> None:  # fmt: skip
    i = offset
    while time.perf_counter() < deadline:
        kind, path, params = mix[i % len(mix)]
        started = time.perf_counter()
        try:
            status = str((await client.get(path, params=params)).status_code)
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        kinds.setdefault(kind, Kind()).record(time.perf_counter() - started, status)
        i += 1


async def run_load(base: str, mix: list, clients: int, seconds: float) -> tuple[dict[str, Kind], float]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    kinds: dict[str, Kind] = {}
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(
            *(client_loop(client, mix, k * 5, started + seconds, kinds) for k in range(clients))
        )
        return kinds, time.perf_counter() - started


def warm_up(base: str, mix: list) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        for _, path, params in mix:
            client.get(path, params=params)


class MemorySampler(threading.Thread):
    """Resident memory (MB) of a process and its children, read from /proc once a second until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.samples, self._stopping = pid, [], threading.Event()

    def run(self) -> None:
        started = time.perf_counter()
        while not self._stopping.wait(1.0):
            self.samples.append(
                (time.perf_counter() - started, sum(map(rss_mb, [self.pid, *child_pids(self.pid)])))
            )

    def stop(self) -> None:
        self._stopping.set()
        self.join()


def slope_mb_per_min(samples: list[tuple[float, float]]) -> float:
    """Least-squares slope of RSS over time, in MB per minute."""
    if len(samples) < 2:
        return 0.0
    n = len(samples)
    mean_t, mean_m = sum(t for t, _ in samples) / n, sum(m for _, m in samples) / n
    var = sum((t - mean_t) ** 2 for t, _ in samples)
    cov = sum((t - mean_t) * (m - mean_m) for t, m in samples)
    return 60 * cov / var if var else 0.0


def sample_index(base: Path | None, corpus: Path) -> Path:
    """A data directory holding an index of `corpus`, built (or found up to date) by the real pipeline."""
    data_dir = work_dir(base, f"load-{corpus.resolve().name}")
    run_index(corpus, bench_settings(data_dir), show_progress=False)
    return data_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=24, help="concurrent clients (16-32)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--corpus", type=Path, default=SAMPLE_CORPUS)
    parser.add_argument("--dev", type=Path, default=DEV_QUESTIONS, help="questions, one JSON object a line")
    parser.add_argument("--workers", type=int, default=1, help="server processes (decisions serve --workers)")
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument("--quick", action="store_true", help="16 clients for 15 s")
    args = parser.parse_args(argv)
    if args.quick:
        args.clients, args.seconds = 16, 15
    print(f"# bench_load\n{machine_line()}")
    questions = [json.loads(line)["query"] for line in args.dev.read_text().splitlines() if line.strip()]
    data_dir = sample_index(args.work_dir, args.corpus)
    port = free_port()
    base = f"http://{HOST}:{port}"
    server = start_server(data_dir, port, args.workers)
    try:
        ready_s = wait_for_answer(f"{base}/api/health", server)
        listed = httpx.get(f"{base}/api/search", params={"q": "", "limit": 100}).json()["results"]
        refs = [r["ref"] or r["url"].rsplit("/", 1)[-1] for r in listed]
        mix = request_mix(questions, refs)
        print(f"server ready in {ready_s:.1f} s; {len(refs)} decisions; {args.clients} clients for "
              f"{args.seconds:.0f} s over a mix of {len(mix)} requests")  # fmt: skip
        warm_up(base, mix)  # every distinct request once, so the figures are of a warm server
        sampler = MemorySampler(server.pid)
        sampler.start()
        kinds, elapsed = asyncio.run(run_load(base, mix, args.clients, args.seconds))
        sampler.stop()
    finally:
        stop(server)

    rows = []
    for name, kind in sorted(kinds.items()):
        s = latency_summary(kind.latencies)
        rows.append([name, len(kind.latencies), f"{len(kind.latencies) / elapsed:.1f}", f"{s['p50']:.0f}",
                     f"{s['p95']:.0f}", f"{s['p99']:.0f}", kind.errors])  # fmt: skip
    total = sum(len(k.latencies) for k in kinds.values())
    errors = sum(k.errors for k in kinds.values())
    rows.append(["all", total, f"{total / elapsed:.1f}", "", "", "", errors])
    print(table(["request", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "errors"], rows))
    for name, kind in kinds.items():
        if kind.errors:
            print(f"  {name}: {kind.statuses}")

    samples = sampler.samples
    warm = [m for t, m in samples if t >= elapsed * 0.2]
    second_half = [(t, m) for t, m in samples if t >= elapsed / 2]
    slope = slope_mb_per_min(second_half)
    if warm:
        print(f"\nserver RSS: {samples[0][1]:.0f} MB at 1 s, {warm[0]:.0f} MB after warm-up, "
              f"{samples[-1][1]:.0f} MB at the end (peak {max(m for _, m in samples):.0f} MB); "
              f"slope over the second half {slope:+.1f} MB/min (limit {GROWTH_LIMIT_MB_PER_MIN})")  # fmt: skip
    search_p95 = latency_summary(kinds["search"].latencies)["p95"] if "search" in kinds else float("nan")
    # A slope over a few seconds says nothing about growth: memory is judged on long runs only.
    judged = elapsed >= MIN_SECONDS_FOR_MEMORY
    grew = judged and slope > GROWTH_LIMIT_MB_PER_MIN
    memory = ("GROWS" if grew else "flat") if judged else f"not judged (under {MIN_SECONDS_FOR_MEMORY} s)"
    print(f"targets: errors {errors} (0) · search p95 {search_p95:.0f} ms (< {SEARCH_P95_TARGET_MS}) · "
          f"memory {memory}")  # fmt: skip
    return 1 if errors or grew else 0


if __name__ == "__main__":
    sys.exit(main())
