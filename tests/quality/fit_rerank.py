"""Fit the second stage's weights (search_api/rerank.py WEIGHTS) on the tuning questions only.

    python tests/quality/fit_rerank.py --real-data DIR --sample-data DIR [--within]

DIR are data directories indexed from corpus/ and from the five sample documents. Every
qa/passage item of tuning-real.jsonl / tuning-sample.jsonl is searched; each passage the
second stage scores is a candidate, positive when it holds the item's gold text. A pairwise
logistic regression (every positive against every negative of the same query, L2-penalised)
gives the weights, printed ready to paste. The held-out third is never read here.

`--within` instead compares the weights that order one decision's passages (`rerank.WITHIN`) with
those across decisions, on every tuning file, a third of the files at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from decisions.settings import Settings  # noqa: E402
from search_api import rerank  # noqa: E402
from search_api.evaluate import load_items  # noqa: E402
from search_api.index import IndexHolder  # noqa: E402
from search_api.search import SearchRequest, search  # noqa: E402

HERE = Path(__file__).resolve().parent


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def collect(data_dir: Path, questions: Path) -> list[tuple[np.ndarray, np.ndarray]]:
    settings = Settings(data_dir=data_dir)
    index = IndexHolder(settings).get()
    groups = []
    for item in (json.loads(line) for line in questions.read_text().splitlines() if line.strip()):
        if item["kind"] not in ("qa", "passage"):
            continue
        seen: dict[int, tuple[np.ndarray, bool]] = {}
        gold = _norm(item["gold"])

        def observe(q, rows, x, seen=seen, gold=gold):
            for row, features in zip(rows, x, strict=True):
                seen.setdefault(row["rowid"], (features.copy(), gold in _norm(row["text"])))

        rerank.observer = observe
        search(index, SearchRequest(q=item["query"], limit=10, today=settings.today()))
        rerank.observer = None
        x = np.array([f for f, _ in seen.values()])
        y = np.array([label for _, label in seen.values()])
        if y.any() and not y.all():
            groups.append((x, y))
    return groups


def collect_within(data_dir: Path, files: list[Path]) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """Per question, the passages of its gold decision as the result shows them (`within=True`), positive
    when they hold the gold text; with the file it came from, to compare in thirds by file."""
    settings = Settings(data_dir=data_dir)
    index = IndexHolder(settings).get()
    groups = []
    for path in files:
        for item in load_items(path):
            if item["kind"] not in ("qa", "passage") or not item.get("gold") or not item.get("refs"):
                continue
            gold, refs, seen = _norm(item["gold"]), set(item["refs"]), []

            def observe(q, rows, x, gold=gold, refs=refs, seen=seen):
                ids = {row["decision_id"] for row in rows}
                if len(ids) == 1 and index.decisions[ids.pop()].ref in refs:
                    seen.append((x.copy(), np.array([gold in _norm(row["text"]) for row in rows])))

            rerank.observer = observe
            search(index, SearchRequest(q=item["query"], limit=10, today=settings.today()))
            rerank.observer = None
            groups += [(path.name, x, y) for x, y in seen[:1] if y.any() and not y.all()]
    return groups


def compare_within(groups: list[tuple[str, np.ndarray, np.ndarray]]) -> None:
    """The share of questions whose gold passage the result shows first, with the weights across decisions
    and with `rerank.WITHIN`, over each third of the files."""
    files = sorted({name for name, _, _ in groups})
    across = np.array([rerank.WEIGHTS[f] for f in rerank.FEATURES])
    within = np.array([rerank.WITHIN[f] for f in rerank.FEATURES])
    for third in range(3):
        part = [(x, y) for name, x, y in groups if files.index(name) % 3 == third]
        print(
            f"third {third + 1}: {len(part)} questions, gold first {top1(part, across):.3f} -> {top1(part, within):.3f}"
        )


def fit(groups: list[tuple[np.ndarray, np.ndarray]], l2: float = 0.05, steps: int = 3000) -> np.ndarray:
    diffs = np.concatenate(
        [(x[y][:, None, :] - x[~y][None, :, :]).reshape(-1, x.shape[1]) for x, y in groups]
    )
    # Each query weighs the same however many candidates it has.
    weights = np.concatenate([np.full(y.sum() * (~y).sum(), 1.0 / (y.sum() * (~y).sum())) for _, y in groups])
    w = np.zeros(diffs.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(diffs @ w)))
        grad = diffs.T @ ((p - 1) * weights) / len(groups) + l2 * w
        w -= 0.5 * grad
    return w


def compare_thirds(named: list[tuple[str, tuple[np.ndarray, np.ndarray]]], current: np.ndarray) -> None:
    """Weights fitted on two thirds of the files, scored on the third left out, against the weights in use."""
    files = sorted({name for name, _ in named})
    for third in range(3):
        out = [g for name, g in named if files.index(name) % 3 == third]
        w = fit([g for name, g in named if files.index(name) % 3 != third])
        print(f"third {third + 1}: {len(out)} queries, best candidate holds the gold: "
              f"current {top1(out, current):.3f}, fitted on the rest {top1(out, w):.3f}")  # fmt: skip


def top1(groups, w) -> float:
    return sum(bool(y[np.argmax(x @ w)]) for x, y in groups) / len(groups)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--real-data", type=Path, required=True)
    parser.add_argument("--sample-data", type=Path, required=True)
    parser.add_argument("--within", action="store_true", help="compare rerank.WITHIN on every tuning file")
    parser.add_argument(
        "--every-file", action="store_true", help="fit on every tuning file, not the first split"
    )
    args = parser.parse_args()
    if args.within:
        from fit_confidence import REAL_FILES  # the tuning files, never the held-out third

        compare_within(collect_within(args.real_data, [HERE / name for name in REAL_FILES]))
        return
    current = np.array([rerank.WEIGHTS[f] for f in rerank.FEATURES])
    if args.every_file:
        from fit_confidence import REAL_FILES

        named = [(name, g) for name in REAL_FILES for g in collect(args.real_data, HERE / name)]
        named += [("tuning-sample.jsonl", g) for g in collect(args.sample_data, HERE / "tuning-sample.jsonl")]
        compare_thirds(named, current)
        groups = [g for _, g in named]
    else:
        groups = collect(args.real_data, HERE / "tuning-real.jsonl")
        groups += collect(args.sample_data, HERE / "tuning-sample.jsonl")
    w = fit(groups)
    print(f"{len(groups)} queries; best candidate holds the gold: current {top1(groups, current):.3f}, "
          f"fitted {top1(groups, w):.3f}")  # fmt: skip
    scale = 4.0 / max(1e-9, np.abs(w).max())  # readable numbers; the order is what matters
    print(
        "WEIGHTS = {\n"
        + "".join(f'    "{f}": {v * scale:.2f},\n' for f, v in zip(rerank.FEATURES, w, strict=True))
        + "}"
    )


if __name__ == "__main__":
    main()
