"""Bytes per chunk in RAM and on disk, and start-up time of `decisions serve` to a first answer.

    python -m benchmarks.bench_memory [--sizes 10000,100000] [--starts 3]

On disk: the generation's files (catalog.sqlite, vectors.faiss, vectors.npy) ÷ chunks.
In RAM: a fresh child process loads the model (baseline), then the index, then answers
the query mix; (resident memory after − baseline) ÷ chunks. Start-up: `decisions serve`
is started `--starts` times and timed until /api/search answers 200.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from indexer import store

from .common import bench_settings, machine_line, median_spread, table, work_dir
from .queries import search_queries
from .server import HOST, free_port, start_server, stop, wait_for_answer
from .synthetic_index import build_generation


def child_measure(data_dir: Path) -> dict[str, float]:
    """Run in a fresh process: resident MB after the model, after the index, after queries,
    and where loading the index spent its time (checksum, integrity check, FAISS read)."""
    import faiss

    from decisions.settings import DEFAULT_MODEL
    from indexer.embed import load_model
    from search_api.index import IndexHolder, LoadedIndex
    from search_api.search import SearchRequest, search

    from .common import TODAY, rss_mb

    model = load_model(DEFAULT_MODEL)
    model.encode(["warm-up"])
    out = {"model": rss_mb()}
    seconds: dict[str, float] = {}
    with timing(seconds, store, "file_sha256"), timing(seconds, faiss, "read_index"):
        with timing(seconds, LoadedIndex, "_verify"):
            started = time.perf_counter()
            index = IndexHolder(bench_settings(data_dir), model=model).get()
            seconds["load"] = time.perf_counter() - started
    out["loaded"] = rss_mb()
    for q in search_queries(list(index.by_ref)[:20], count=20):
        search(index, SearchRequest(q=q, today=TODAY))
    out["queried"] = rss_mb()
    out["chunks"] = index.chunk_count
    out.update({f"{name}_s": value for name, value in seconds.items()})
    return out


@contextlib.contextmanager
def timing(seconds: dict[str, float], owner: object, name: str) -> Iterator[None]:
    """Add the wall time of every call of owner.name to seconds[name] while the block runs."""
    original = getattr(owner, name)

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started

    setattr(owner, name, timed)
    try:
        yield
    finally:
        setattr(owner, name, original)


def load_rows(mb: dict[str, float]) -> list[list[str]]:
    """Where loading the generation went (the checksum is inside the integrity check)."""
    return [
        ["load index (IndexHolder.get)", f"{mb['load_s']:.2f} s", ""],
        ["  of which integrity check (_verify)", f"{mb.get('_verify_s', 0):.2f} s", ""],
        ["    of which sha256 of vectors.faiss", f"{mb.get('file_sha256_s', 0):.2f} s", ""],
        ["  of which faiss.read_index", f"{mb.get('read_index_s', 0):.2f} s", ""],
    ]


def measure_in_child(data_dir: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.bench_memory", "--child", str(data_dir)]
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def disk_rows(generation: Path, chunks: int) -> list[list[str]]:
    rows = []
    for name in (store.CATALOG, store.VECTORS, store.MATRIX):
        size = (generation / name).stat().st_size
        rows.append([f"disk: {name}", f"{size / 1e6:.1f} MB", f"{size / chunks:,.0f}"])
    total = sum((generation / n).stat().st_size for n in (store.CATALOG, store.VECTORS, store.MATRIX))
    rows.append(["disk: generation total", f"{total / 1e6:.1f} MB", f"{total / chunks:,.0f}"])
    return rows


def ram_rows(mb: dict[str, float]) -> list[list[str]]:
    chunks = mb["chunks"]
    per = lambda delta: f"{delta * 1024 * 1024 / chunks:,.0f}"  # noqa: E731
    return [
        ["RAM: Python + model (baseline)", f"{mb['model']:.0f} MB", ""],
        ["RAM: + index loaded", f"+{mb['loaded'] - mb['model']:.0f} MB", per(mb["loaded"] - mb["model"])],
        ["RAM: + 20 searches", f"+{mb['queried'] - mb['model']:.0f} MB", per(mb["queried"] - mb["model"])],
    ]


def startup_times(data_dir: Path, starts: int) -> list[float]:
    """Seconds from launching `decisions serve` to the first 200 from /api/search."""
    times = []
    for _ in range(starts):
        port = free_port()
        server = start_server(data_dir, port)
        try:
            times.append(wait_for_answer(f"http://{HOST}:{port}/api/search?q=affordable+homes", server))
        finally:
            stop(server)
    return times


def bench_size(size: int, args: argparse.Namespace) -> None:
    data_dir = work_dir(args.work_dir, f"gen-{size}-s{args.seed}")
    generation = build_generation(data_dir, size, args.seed)
    chunks = int(store.read_meta(generation)["chunk_count"])
    child = measure_in_child(data_dir)
    rows = disk_rows(generation, chunks) + ram_rows(child) + load_rows(child)
    starts = startup_times(data_dir, args.starts)
    print(f"\n## {chunks:,} chunks")
    print(table(["measure", "value", "bytes per chunk"], rows))
    print(
        f"\n`decisions serve` start → first search answered: {median_spread(starts)} s over {len(starts)} starts"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="chunk counts, comma-separated")
    parser.add_argument("--starts", type=int, default=3, help="server starts to time per size")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument("--quick", action="store_true", help="10k chunks, 2 starts")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # internal: measure in this process
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child_measure(args.child)))
        return 0
    if args.quick:
        args.sizes, args.starts = "10000", 2
    print(f"# bench_memory\n{machine_line()}")
    for size in (int(s) for s in args.sizes.split(",") if s):
        bench_size(size, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
