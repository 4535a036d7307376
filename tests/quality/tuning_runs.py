"""Score every tuning file in one run, and compare two runs item by item.

    python tests/quality/tuning_runs.py run --real-data DIR --sample-data DIR --out RUN.json [--workers 2] [--files F…]
    python tests/quality/tuning_runs.py summary RUN.json
    python tests/quality/tuning_runs.py diff OLD.json NEW.json

`run` scores the tuning files only (`fit_confidence.REAL_FILES` on an index of all of corpus/,
`SAMPLE_FILES` on the five sample documents), hybrid, with answers; files are shared among worker
processes, each loading the index once. `diff` lists every item whose answer, abstention, search
or gold passage's rank changed, so a change is judged on all tuning items, not on the one it was
made for. The held-out third and the fresh files are read only when named with `--files`, to compare
the final code with the session's first on them as wholes (their items are not read for tuning).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from fit_confidence import REAL_FILES, SAMPLE_FILES  # noqa: E402


def _score_files(data_dir: str, names: list[str]) -> dict[str, list[dict]]:
    from decisions.settings import Settings
    from search_api.evaluate import evaluate_items, load_items
    from search_api.index import IndexHolder

    settings = Settings(data_dir=Path(data_dir))
    index = IndexHolder(settings).get()
    return {
        name: evaluate_items(load_items(HERE / name), index, settings)["items"]
        for name in names
        if (HERE / name).exists()
    }


def run(real_data: Path, sample_data: Path, out: Path, workers: int, files: list[str] | None = None) -> None:
    real = files or REAL_FILES
    jobs = [(str(real_data), list(real[i::workers])) for i in range(workers)]
    if not files:
        jobs.append((str(sample_data), list(SAMPLE_FILES)))
    scored: dict[str, list[dict]] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(_score_files, *zip(*jobs, strict=True)):
            scored.update(part)
    out.write_text(json.dumps(scored, indent=1))
    print(summary(scored))


def _outcome(row: dict) -> str:
    """One word for what happened to an item: right, wrong, missed, abstained, ok, failed."""
    answer = row.get("answer") or {}
    if row["kind"] == "abstain":
        return "abstained" if answer.get("abstained") else "wrong"
    if row["kind"] == "qa":
        if answer.get("answer_ok"):
            return "right"
        return "wrong" if answer.get("wrong") else "missed"
    if row["kind"] == "docs":
        return "ok" if row.get("ok") else "failed"
    return "found" if row.get("ok") else "not found"


def summary(scored: dict[str, list[dict]]) -> str:
    rows = [row for items in scored.values() for row in items]
    qa = [r for r in rows if r["kind"] == "qa"]
    abstain = [r for r in rows if r["kind"] == "abstain"]
    docs = [r for r in rows if r["kind"] == "docs"]
    passages = [r for r in rows if r["kind"] in ("qa", "passage")]
    outcomes = [_outcome(r) for r in rows]
    share = lambda n, d: f"{n / d:.3f}" if d else "-"  # noqa: E731
    return "\n".join(
        [
            f"items {len(rows)}: right {outcomes.count('right')} of {len(qa)}, "
            f"wrong {outcomes.count('wrong')}, abstained {outcomes.count('abstained')} of {len(abstain)}, "
            f"searches {outcomes.count('ok')} of {len(docs)}",
            f"answers {share(outcomes.count('right'), len(qa))}, "
            f"wrong {share(outcomes.count('wrong'), len(qa) + len(abstain))}, "
            f"hit@5 {share(sum(r['hit5'] for r in passages), len(passages))}, "
            f"hit@1 {share(sum(r['hit1'] for r in passages), len(passages))}, "
            f"MRR {share(sum(r['rr'] for r in passages), len(passages))}",
        ]
    )


def diff(old: dict[str, list[dict]], new: dict[str, list[dict]]) -> str:
    lines = []
    for name, items in new.items():
        before = {row["id"]: row for row in old.get(name, [])}
        for row in items:
            was = before.get(row["id"])
            if was is None:
                continue
            changes = []
            if _outcome(was) != _outcome(row):
                changes.append(f"{_outcome(was)} -> {_outcome(row)}")
            elif (was.get("answer") or {}).get("answer") != (row.get("answer") or {}).get("answer"):
                changes.append("answer text changed")
            if was.get("passage_rank") != row.get("passage_rank"):
                changes.append(f"gold rank {was.get('passage_rank')} -> {row.get('passage_rank')}")
            if changes:
                answer = (row.get("answer") or {}).get("answer", "")
                lines.append(
                    f"{row['id']:10} {'; '.join(changes):40} {row['query'][:70]!r} -> {answer[:60]!r}"
                )
    return "\n".join(lines) + f"\n{len(lines)} items changed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_args = commands.add_parser("run")
    run_args.add_argument("--real-data", type=Path, required=True)
    run_args.add_argument("--sample-data", type=Path, required=True)
    run_args.add_argument("--out", type=Path, required=True)
    run_args.add_argument("--workers", type=int, default=2)
    run_args.add_argument(
        "--files", nargs="*", help="other real-page files instead (to compare two codes on them)"
    )
    commands.add_parser("summary").add_argument("run", type=Path)
    diff_args = commands.add_parser("diff")
    diff_args.add_argument("old", type=Path)
    diff_args.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "run":
        run(args.real_data, args.sample_data, args.out, args.workers, args.files)
    elif args.command == "summary":
        print(summary(json.loads(args.run.read_text())))
    else:
        print(diff(json.loads(args.old.read_text()), json.loads(args.new.read_text())))


if __name__ == "__main__":
    main()
