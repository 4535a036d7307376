"""Every benchmark in its quick version, one after another (`make bench`).

    python -m benchmarks.run_all [--full] [--only bench_search,bench_http]

Each runs in its own process, so peak-memory figures and loaded models do not mix.
--full runs the default sizes instead (about two hours on 2 cores, mostly embedding).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

BENCHMARKS = (
    "bench_index", "bench_search", "bench_stages", "bench_http", "bench_memory", "bench_quality", "bench_load",
)  # fmt: skip


def run(name: str, full: bool, extra: list[str]) -> int:
    """Run one benchmark module, its output streamed through; returns its exit code."""
    command = [sys.executable, "-m", f"benchmarks.{name}", *([] if full else ["--quick"]), *extra]
    print(f"\n$ {' '.join(command[1:])}", flush=True)
    started = time.perf_counter()
    code = subprocess.run(command, cwd=Path(__file__).resolve().parent.parent).returncode
    print(f"({name}: {time.perf_counter() - started:.0f} s, exit code {code})", flush=True)
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true", help="default sizes, not the quick ones")
    parser.add_argument("--only", help="comma-separated benchmark names")
    parser.add_argument("--work-dir", help="passed on to every benchmark")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else list(BENCHMARKS)
    unknown = set(names) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmarks: {', '.join(sorted(unknown))}")
    extra = ["--work-dir", args.work_dir] if args.work_dir else []
    failed = [name for name in names if run(name, args.full, extra) != 0]
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
