"""Retrieval quality on the dev questions: the sample corpus alone, then mixed into N synthetic decisions.

    python -m benchmarks.bench_quality [--n 1000] [--dev ../shared/eval/dev.jsonl]

For each corpus and each mode (keyword = BM25 alone, semantic alone, hybrid) every dev
question is scored by the product's own `score_retrieval` (search_api/evaluate.py), with
the mode swapped in: passage hit@1, hit@5 and MRR as `decisions eval` reports them. Because
that scoring only checks that the gold text is in a returned passage, a "strict" hit@5/MRR
is added that also requires the passage to come from the question's own decision — with
thousands of distractors, a generic gold phrase could otherwise be found in the wrong one.
Indexing uses the real pipeline and model; the synthetic part starts from bench_index's
embedding cache when that exists, so only the first run pays for embedding it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from decisions.settings import Settings
from indexer.pipeline import run_index
from search_api import evaluate
from search_api.index import IndexHolder, LoadedIndex
from search_api.search import SearchResponse

from .common import DEV_QUESTIONS, SAMPLE_CORPUS, bench_settings, ensure_corpus, machine_line, table, work_dir

MODES = ("keyword", "semantic", "hybrid")
SHARED_CACHE = "embedding-cache-{n}-s{seed}.sqlite"  # written by bench_index


@contextlib.contextmanager
def searching_in_mode(mode: str, seen: list[SearchResponse]) -> Iterator[None]:
    """Make evaluate.score_retrieval search in `mode`, keeping each response for strict scoring."""
    original = evaluate.search

    def search(index, request):
        response = original(index, replace(request, mode=mode))
        seen.append(response)
        return response

    evaluate.search = search
    try:
        yield
    finally:
        evaluate.search = original


def strict_rank(response: SearchResponse, item: dict) -> int | None:
    """Rank of the first passage holding the gold text *and* coming from the item's decision."""
    gold = evaluate._norm(item.get("gold", ""))
    passages = [(r, p) for r in response.results for p in r.passages]
    return next((i + 1 for i, (r, p) in enumerate(passages)
                 if gold and gold in evaluate._norm(p.text) and evaluate._matches_item_doc(r, item)), None)  # fmt: skip


def score_mode(
    index: LoadedIndex, items: list[dict], settings: Settings, mode: str
) -> dict[str, float | None]:
    """The product's totals for `mode`, plus strict passage hit@5 and MRR and seconds per question."""
    rows, strict, seen = [], [], []
    started = time.perf_counter()
    with searching_in_mode(mode, seen):
        for item in items:
            rows.append(evaluate.score_retrieval(index, item, settings))
            if item["kind"] in ("passage", "qa"):
                strict.append(strict_rank(seen[-1], item))
    totals = evaluate.totals(rows)
    totals["strict_hit@5"] = (
        round(sum(1 for r in strict if r and r <= 5) / len(strict), 3) if strict else None
    )
    totals["strict_mrr"] = round(sum(1 / r for r in strict if r) / len(strict), 3) if strict else None
    totals["s_per_question"] = (time.perf_counter() - started) / max(1, len(items))
    return totals


def copy_files(source: Path, target: Path) -> None:
    """The decision files of `source` into `target` (the manifest and markers stay behind)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.suffix in (".txt", ".pdf", ".html") and not (target / path.name).exists():
            shutil.copy2(path, target / path.name)


def mixed_corpus(base: Path | None, n: int, seed: int) -> tuple[Path, Path]:
    """(corpus, data_dir): the sample decisions plus n synthetic ones, seeded with the shared cache."""
    root = work_dir(base, f"quality-mixed-{n}-s{seed}")
    copy_files(SAMPLE_CORPUS, root / "corpus" / "sample")
    if n:
        copy_files(ensure_corpus(base, n, seed), root / "corpus" / "synthetic")
    data_dir = root / "data"
    shared = work_dir(base, "") / SHARED_CACHE.format(n=n, seed=seed)
    if n and shared.exists() and not (data_dir / "cache.sqlite").exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy(shared, data_dir / "cache.sqlite")
    return root / "corpus", data_dir


def load(corpus: Path, data_dir: Path, model=None) -> tuple[LoadedIndex, Settings, str]:
    settings = bench_settings(data_dir)
    summary = run_index(corpus, settings, show_progress=False)
    note = (f"{summary.decisions} decisions, {summary.chunks} chunks (indexed in {summary.seconds:.0f} s, "
            f"{summary.new_embeddings} new embeddings)")  # fmt: skip
    return IndexHolder(settings, model=model).get(), settings, note


def result_rows(label: str, index: LoadedIndex, items: list[dict], settings: Settings) -> list[list[str]]:
    rows = []
    for mode in MODES:
        t = score_mode(index, items, settings, mode)
        rows.append([label, mode, t["passage_hit@1"], t["passage_hit@5"], t["passage_mrr"], t["docs_recall"],
                     t["strict_hit@5"], t["strict_mrr"], f"{1000 * t['s_per_question']:.0f}"])  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--n", type=int, default=1000, help="synthetic decisions to mix in (10000 takes hours)"
    )
    parser.add_argument("--dev", type=Path, default=DEV_QUESTIONS, help="questions, one JSON object a line")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work-dir", type=Path)
    parser.add_argument("--quick", action="store_true", help="mix into 30 synthetic decisions")
    args = parser.parse_args(argv)
    if args.quick:
        args.n = 30
    items = [json.loads(line) for line in args.dev.read_text().splitlines() if line.strip()]
    items = [i for i in items if i["kind"] != "abstain"]  # abstaining is the answerer's job, not retrieval's
    print(f"# bench_quality\n{machine_line()}\n{len(items)} questions from {args.dev}")
    sample, settings, note = load(*mixed_corpus(args.work_dir, 0, args.seed))
    print(f"sample corpus: {note}")
    rows = result_rows("sample", sample, items, settings)
    mixed, settings, note = load(*mixed_corpus(args.work_dir, args.n, args.seed), model=sample.model)
    print(f"sample + {args.n} synthetic: {note}")
    rows += result_rows(f"sample + {args.n:,}", mixed, items, settings)
    headers = [
        "corpus",
        "mode",
        "hit@1",
        "hit@5",
        "MRR",
        "docs recall",
        "strict hit@5",
        "strict MRR",
        "ms/question",
    ]
    print(table(headers, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
