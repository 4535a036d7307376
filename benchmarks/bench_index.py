"""Indexing speed: synthetic decision files → a searchable index, cold and re-indexed.

    python -m benchmarks.bench_index [--n 1000] [--ten-k] [--repeat 1] [--profile]

A cold run indexes into an empty data directory (no embedding cache) with the real
`run_index`; phases are timed by wrapping the pipeline's own functions, and the model's
share by wrapping `model.encode`. In the same process, pure `model.encode` then embeds
exactly the unique texts the run embedded: our total ÷ that is the overhead ratio
(target ≤ 1.15). A forced re-index of the same files shows the embedding cache at work.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import pstats
import random
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from decisions.settings import DEFAULT_MODEL
from indexer import pipeline, store
from indexer.embed import BATCH_SIZE, INDEX_THREADS, load_model, use_threads
from indexer.pipeline import IndexSummary, run_index
from search_api.index import IndexHolder
from search_api.search import SearchRequest, search

from .common import (
    TODAY,
    bench_settings,
    dir_bytes,
    ensure_corpus,
    fresh_dir,
    machine_line,
    median_spread,
    peak_rss_mb,
    table,
    work_dir,
)  # fmt: skip

TARGET_RATIO = 1.15
SHARED_CACHE = "embedding-cache-{n}-s{seed}.sqlite"  # bench_quality starts from this, if present


@dataclass
class Timers:
    """Seconds per named phase, and the texts the run asked to embed."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    texts: list[str] = field(default_factory=list)

    def timed(self, name: str, func: Callable, key: Callable[..., str] | None = None) -> Callable:
        """func, adding its wall time to `name` (or to key(*args) when given)."""

        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[key(*args) if key else name] += time.perf_counter() - started

        return wrapper


@contextlib.contextmanager
def instrumented(model) -> Iterator[Timers]:
    """Wrap the pipeline's steps (module attributes, as run_index looks them up) and model.encode."""
    timers = Timers()
    patches = [
        (pipeline, "_extract", timers.timed("", pipeline._extract, key=lambda path, *_: f"read {path.suffix}")),
        (pipeline, "read_documents", timers.timed("read + parse", pipeline.read_documents)),
        (pipeline, "merge_documents", timers.timed("merge", pipeline.merge_documents)),
        (pipeline, "chunk_decisions", timers.timed("chunk", pipeline.chunk_decisions)),
        (pipeline, "embed_with_cache", timers.timed("embed (cache + model)", _capturing(pipeline.embed_with_cache, timers))),
        (store, "write_generation", timers.timed("write generation", store.write_generation)),
    ]  # fmt: skip
    originals = [(module, name, getattr(module, name)) for module, name, _ in patches]
    for module, name, replacement in patches:
        setattr(module, name, replacement)
    model.encode = timers.timed("model.encode", type(model).encode.__get__(model))
    try:
        yield timers
    finally:
        del model.encode  # back to the class's method
        for module, name, original in originals:
            setattr(module, name, original)


def _capturing(embed_with_cache: Callable, timers: Timers) -> Callable:
    def wrapper(model, model_name, texts, cache, on_batch=None):
        timers.texts = list(texts)
        return embed_with_cache(model, model_name, texts, cache, on_batch)

    return wrapper


@dataclass
class Run:
    summary: IndexSummary
    timers: Timers
    total_s: float  # run_index, files → generation on disk
    load_s: float  # generation → searchable LoadedIndex, first search answered


def index_once(corpus: Path, data_dir: Path, model) -> Run:
    """One run_index (forced) with timers, then load the result and answer one query."""
    settings = bench_settings(data_dir)
    with instrumented(model) as timers:
        started = time.perf_counter()
        summary = run_index(corpus, settings, show_progress=False, force=True)
        total = time.perf_counter() - started
    started = time.perf_counter()
    index = IndexHolder(settings, model=model).get()
    search(index, SearchRequest(q="affordable homes", today=TODAY))
    return Run(summary, timers, total, time.perf_counter() - started)


def pure_encode_s(model, texts: list[str], share: float = 1.0, seed: int = 0) -> float:
    """Seconds for model.encode alone over `texts`, as embed.encode calls it, on as many threads.

    With share < 1 a random sample of that share is encoded and the time scaled up: an
    estimate (encode time is close to linear in the texts at a fixed length mix), for runs
    where a second full pass would double hours of embedding.
    """
    if share < 1.0:
        texts = random.Random(seed).sample(texts, max(1, round(len(texts) * share)))
    use_threads(INDEX_THREADS)  # loading the index for the first search left the query setting (1)
    started = time.perf_counter()
    model.encode(texts, batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True,
                 show_progress_bar=False)  # fmt: skip
    return (time.perf_counter() - started) / min(share, 1.0)


def phase_table(run: Run) -> str:
    rows = [
        [name, f"{s:.1f}", f"{100 * s / run.total_s:.0f}%"] for name, s in sorted(run.timers.seconds.items())
    ]
    rows.append(["run_index total", f"{run.total_s:.1f}", "100%"])
    rows.append(["load generation + first search", f"{run.load_s:.1f}", ""])
    return table(["phase (cold run)", "seconds", "share of run_index"], rows)


def profile_run(corpus: Path, data_dir: Path, top: int = 30) -> str:
    """cProfile of a forced re-index over data_dir's filled cache: the overhead outside the model."""
    profiler = cProfile.Profile()
    profiler.enable()
    run_index(corpus, bench_settings(data_dir), show_progress=False, force=True)
    profiler.disable()
    lines: list[str] = []
    pstats.Stats(profiler, stream=_Sink(lines)).sort_stats("cumulative").print_stats(top)
    return "".join(lines)


class _Sink:
    def __init__(self, lines: list[str]):
        self.lines = lines

    def write(self, text: str) -> None:
        self.lines.append(text)


def report(
    cold: list[Run], warm: list[Run], pure: list[float], data_dir: Path, pure_share: float = 1.0
) -> None:
    """Print the summary table, the phases of the first cold run, sizes on disk and the 10k estimate."""
    s = cold[0].summary
    unique = len(dict.fromkeys(cold[0].timers.texts))
    model_s = [r.timers.seconds["model.encode"] for r in cold]
    rows = [
        ["decisions / s (cold)", median_spread([r.summary.decisions / r.total_s for r in cold], 2)],
        ["chunks / s (cold)", median_spread([r.summary.chunks / r.total_s for r in cold])],
        ["run_index seconds (cold)", median_spread([r.total_s for r in cold])],
        ["files → searchable seconds (cold)", median_spread([r.total_s + r.load_s for r in cold])],
        ["share of run_index in model.encode", median_spread([100 * m / r.total_s for m, r in zip(model_s, cold, strict=True)]) + "%"],
        ["pure model.encode seconds, same unique texts"
         + (f" (from a {pure_share:.0%} sample, scaled)" if pure_share < 1 else ""), median_spread(pure)],
        [f"ratio run_index / pure encode (target ≤ {TARGET_RATIO})", median_spread([r.total_s / p for r, p in zip(cold, pure, strict=True)], 2)],
        ["ratio model.encode inside run / pure encode", median_spread([m / p for m, p in zip(model_s, pure, strict=True)], 2)],
        ["re-index seconds (forced, warm cache)", median_spread([r.total_s for r in warm])],
        ["re-index cache hits / chunks", f"{warm[-1].summary.cache_hits} / {warm[-1].summary.chunks}" if warm else "-"],
        ["re-index new embeddings", str(warm[-1].summary.new_embeddings) if warm else "-"],
        ["peak RSS, this process (MB)", f"{peak_rss_mb():.0f}"],
        ["peak RSS, largest child (PDF worker, MB)", f"{peak_rss_mb(children=True):.0f}"],
    ]  # fmt: skip
    print(f"\n{s.decisions} decisions from {s.files_read} files ({len(s.failures)} failures), {s.chunks} chunks, "
          f"{unique} unique embedding texts; {len(cold)} cold run(s), {len(warm)} warm")  # fmt: skip
    print(table(["measure", "median (lowest–highest)"], rows))
    print()
    print(phase_table(cold[0]))
    generation = store.current_generation(data_dir)
    if generation is not None:
        print(f"\non disk: generation {dir_bytes(generation) / 1e6:.1f} MB, "
              f"embedding cache {(data_dir / 'cache.sqlite').stat().st_size / 1e6:.1f} MB")  # fmt: skip
    per_decision_s = cold[0].total_s / max(1, s.decisions)
    print(f"estimate for 10,000 decisions at this rate: {10_000 * per_decision_s / 60:.0f} min cold")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="synthetic decisions to index")
    parser.add_argument(
        "--ten-k", action="store_true", help="10,000 decisions (hours on 2 cores; see the estimate)"
    )
    parser.add_argument("--repeat", type=int, default=1, help="cold runs (each embeds everything)")
    parser.add_argument("--warm", type=int, default=2, help="forced re-index runs on a warm cache")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pdf-share", type=float, default=0.05)
    parser.add_argument(
        "--profile", action="store_true", help="cProfile a warm re-index (overhead outside the model)"
    )
    parser.add_argument(
        "--pure-share", type=float, help="encode this random share of the texts for the floor and scale "
        "up (default 1; 0.1 with --ten-k, where a full second pass would take as long as the run)"
    )  # fmt: skip
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument("--quick", action="store_true", help="30 decisions, 2 cold runs")
    args = parser.parse_args(argv)
    if args.quick:
        args.n, args.repeat = 30, 2
    if args.ten_k:
        args.n = 10_000
    if args.pure_share is None:
        args.pure_share = 0.1 if args.n >= 10_000 else 1.0
    print(f"# bench_index\n{machine_line()}")
    corpus = ensure_corpus(args.work_dir, args.n, args.seed, args.pdf_share)
    started = time.perf_counter()
    model = load_model(DEFAULT_MODEL)
    model.encode(["warm-up"])
    print(
        f"model loaded in {time.perf_counter() - started:.1f} s (once per process; not in the figures below)"
    )
    cold, pure, warm = [], [], []
    for i in range(args.repeat):
        run = index_once(corpus, fresh_dir(args.work_dir, f"index-cold-{i}"), model)
        cold.append(run)
        pure.append(pure_encode_s(model, list(dict.fromkeys(run.timers.texts)), args.pure_share, i))
        estimated = f" (estimated from a {args.pure_share:.0%} sample)" if args.pure_share < 1 else ""
        print(f"cold run {i + 1}: {run.total_s:.1f} s, pure encode {pure[-1]:.1f} s{estimated}", flush=True)
    data_dir = work_dir(args.work_dir, "index-cold-0")
    shutil.copy(
        data_dir / "cache.sqlite", work_dir(args.work_dir, "") / SHARED_CACHE.format(n=args.n, seed=args.seed)
    )
    for i in range(args.warm):
        warm.append(index_once(corpus, data_dir, model))
        print(f"warm run {i + 1}: {warm[-1].total_s:.1f} s", flush=True)
    report(cold, warm, pure, data_dir, args.pure_share)
    if args.profile:
        print(profile_run(corpus, data_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
