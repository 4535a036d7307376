"""Helpers every benchmark uses: statistics, tables, work folders, the machine, memory."""

from __future__ import annotations

import datetime as dt
import os
import platform
import resource
import shutil
import statistics
import tempfile
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing is downloaded, ever
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from decisions.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "corpus"
DEV_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev.jsonl"
TODAY = dt.date(2026, 11, 23)  # the tests' "today", so date filters read the same everywhere
DEFAULT_WORK = Path(tempfile.gettempdir()) / "decision-search-bench"


def work_dir(base: Path | None, name: str) -> Path:
    """A folder under `base` (default: $TMPDIR/decision-search-bench) kept between runs."""
    path = (base or DEFAULT_WORK) / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def fresh_dir(base: Path | None, name: str) -> Path:
    """Like work_dir, but emptied first: for cold runs."""
    path = (base or DEFAULT_WORK) / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def bench_settings(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, today_override=TODAY)


def ensure_corpus(base: Path | None, n: int, seed: int, pdf_share: float = 0.05) -> Path:
    """The synthetic corpus of n decisions for this seed, generated once and reused."""
    from .make_corpus import generate

    folder = (base or DEFAULT_WORK) / f"corpus-{n}-s{seed}-p{pdf_share:g}"
    done = folder / "_complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate(n, folder, seed=seed, pdf_share=pdf_share)
        done.write_text("ok\n")
    return folder


# --- statistics -----------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between ranks; values need not be sorted."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99 and mean of per-request times, in milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {"p50": percentile(ms, 50), "p95": percentile(ms, 95), "p99": percentile(ms, 99),
            "mean": statistics.fmean(ms) if ms else float("nan")}  # fmt: skip


def median_spread(values: Sequence[float], digits: int = 1) -> str:
    """ "12.3 (11.9–13.0)": the median over repeated runs, then the lowest and highest run."""
    if not values:
        return "-"
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.{digits}f}"
    return f"{median:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table, columns padded so it also reads well in a terminal."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


# --- the machine and memory --------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def total_ram_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return float("nan")


def machine_line() -> str:
    """One line for the top of every report: where and when, and how busy the machine was."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{dt.datetime.now().isoformat(timespec='seconds')} · {os.cpu_count()} cores · {cpu_model()} · "
            f"{total_ram_gb():.1f} GB RAM · load average {load} · Python {platform.python_version()}")  # fmt: skip


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process now, from /proc (ru_maxrss only gives the peak); 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return next(
        (int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0.0
    )


def child_pids(pid: int) -> list[int]:
    """Processes whose parent is pid (a server's worker processes)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def peak_rss_mb(children: bool = False) -> float:
    """ru_maxrss (KiB on Linux) of this process, or of its largest finished child."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
