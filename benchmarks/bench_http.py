"""Search over HTTP against `decisions serve` on 127.0.0.1: latency, then 16 clients at once.

    python -m benchmarks.bench_http [--chunks 10000] [--seconds 30] [--clients 16]

The server runs in a child process over a synthetic generation (see synthetic_index.py).
First one client sends the query mix in turn (latency as a user sees it, JSON included),
`--repeat` times; then `--clients` clients send requests back to back for `--seconds`:
throughput, latency under load, and errors (non-200 answers or failed requests).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from .common import latency_summary, machine_line, median_spread, table, work_dir
from .queries import search_queries
from .server import HOST, free_port, start_server, stop, wait_for_answer
from .synthetic_index import build_generation


@dataclass
class LoadResult:
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)  # "200", "503", "ReadTimeout" → count

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != "200")


LOAD_QUERIES = 5000


def sequential(base: str, passes: list[list[str]]) -> list[dict[str, float]]:
    """One client, one request at a time; one latency summary per pass after the first (warm-up).

    Each pass has queries of its own: the server remembers query vectors, and a query seen
    before would measure that memory instead of a search.
    """
    out = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for q in passes[0]:
            client.get("/api/search", params={"q": q})
        for queries in passes[1:]:
            times = []
            for q in queries:
                started = time.perf_counter()
                client.get("/api/search", params={"q": q}).raise_for_status()
                times.append(time.perf_counter() - started)
            out.append(latency_summary(times))
    return out


async def _client_loop(client: httpx.AsyncClient, queries: list[str], offset: int, deadline: float,
                       result: LoadResult) -> None:  # fmt: skip
    i = offset
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            response = await client.get("/api/search", params={"q": queries[i % len(queries)]})
            status = str(response.status_code)
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        result.latencies.append(time.perf_counter() - started)
        result.statuses[status] = result.statuses.get(status, 0) + 1
        i += 1


async def concurrent(base: str, queries: list[str], clients: int, seconds: float) -> LoadResult:
    """`clients` clients, each sending requests back to back until `seconds` have passed."""
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        started = time.perf_counter()
        deadline = started + seconds
        result = LoadResult(seconds=seconds)
        await asyncio.gather(
            *(
                _client_loop(client, queries, k * (len(queries) // clients), deadline, result)
                for k in range(clients)
            )
        )
        result.seconds = time.perf_counter() - started  # the last requests finish after the deadline
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=10_000, help="size of the synthetic index")
    parser.add_argument("--seconds", type=float, default=30, help="length of the concurrent phase")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3, help="sequential passes over the query mix")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1, help="server processes (decisions serve --workers)")
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument("--quick", action="store_true", help="10 s of load, 2 sequential passes")
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds, args.repeat = 10, 2
    print(f"# bench_http\n{machine_line()}")
    data_dir = work_dir(args.work_dir, f"gen-{args.chunks}-s{args.seed}")
    build_generation(data_dir, args.chunks, args.seed)
    port = free_port()
    base = f"http://{HOST}:{port}"
    server = start_server(data_dir, port, args.workers)
    try:
        ready_s = wait_for_answer(f"{base}/api/health", server)
        refs = httpx.get(f"{base}/api/search", params={"q": "director decisions", "limit": 20}).json()[
            "results"
        ]
        refs = [r["ref"] for r in refs if r["ref"]]
        passes = [search_queries(refs, seed=args.seed * 1000 + i) for i in range(args.repeat + 1)]
        # Enough different queries that the clients rarely send one the server has seen.
        many = list(dict.fromkeys(search_queries(refs, count=LOAD_QUERIES, seed=args.seed * 1000 + 999)))
        print(f"server on {base} ready in {ready_s:.1f} s; {args.chunks:,}-chunk index; "
              f"{len(passes[0])} queries a sequential pass, {len(many)} under load")  # fmt: skip
        seq = sequential(base, passes)
        load = asyncio.run(concurrent(base, many, args.clients, args.seconds))
    finally:
        stop(server)
    summary = latency_summary(load.latencies)
    rows = [
        ["1 client: p50 ms", median_spread([s["p50"] for s in seq])],
        ["1 client: p95 ms", median_spread([s["p95"] for s in seq])],
        ["1 client: requests / s", median_spread([1000 / s["mean"] for s in seq])],
        [f"{args.clients} clients: requests / s over {load.seconds:.0f} s", f"{len(load.latencies) / load.seconds:.1f}"],
        [f"{args.clients} clients: p50 ms", f"{summary['p50']:.0f}"],
        [f"{args.clients} clients: p95 ms", f"{summary['p95']:.0f}"],
        [f"{args.clients} clients: requests / errors", f"{len(load.latencies)} / {load.errors}"],
    ]  # fmt: skip
    print(table(["GET /api/search (hybrid)", "median (lowest–highest)"], rows))
    if load.errors:
        print(f"answers: {load.statuses}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
