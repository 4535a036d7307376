"""Fit when the answerer may answer (search_api/answer_confidence.py WEIGHTS, THRESHOLD) on tuning questions only.

    python tests/quality/fit_confidence.py --real-data DIR --sample-data DIR [--save F | --load F]

DIR are data directories indexed from corpus/ and from the five sample documents. Every
qa/abstain item of the tuning files is answered with the gate open; each extracted answer is a
row: its features, and whether it was right (a qa item's expected answer inside it) or wrong (any
other answer, or any answer to an abstain item). Record answers are not gated and give no row.

An L2-penalised logistic regression gives P(right). The threshold maximises right answers minus
COST × wrong answers. The figures printed for unseen questions come from leaving one question
file out at a time: weights and threshold fitted on the other files, applied to it. The held-out
third and the fresh files are never read here.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from decisions.settings import Settings  # noqa: E402
from search_api import answer_confidence  # noqa: E402
from search_api.evaluate import load_items, score_answer  # noqa: E402
from search_api.index import IndexHolder  # noqa: E402

HERE = Path(__file__).resolve().parent
REAL_FILES = (
    "tuning-real.jsonl",
    "real-dev.jsonl",
    *(f"tuning{n}.jsonl" for n in range(2, 83)),
    "fresh5.jsonl",  # unseen in session 8, tuning material since
    "fresh6.jsonl",  # unseen in session 9, tuning material since
    "fresh7.jsonl",  # unseen in session 10, tuning material since
    "fresh8.jsonl",  # unseen in session 11, tuning material since
    "fresh9.jsonl",  # unseen in session 12, tuning material since
    "fresh10.jsonl",  # unseen in session 13, tuning material since
    "fresh11.jsonl",  # unseen in session 14, tuning material since
    "fresh12.jsonl",  # unseen in session 15, tuning material since
    "fresh13.jsonl",  # unseen in session 16, tuning material since
    "fresh14.jsonl",  # unseen in session 17, tuning material since
    "fresh15.jsonl",  # unseen in session 18, tuning material since
    "fresh16.jsonl",  # unseen in session 19, tuning material since
    "fresh17.jsonl",  # unseen in session 20, tuning material since
    "fresh18.jsonl",  # unseen in session 21, tuning material since
    "fresh19.jsonl",  # unseen in session 22, tuning material since
    "fresh20.jsonl",  # unseen in session 23, tuning material since
    "fresh21.jsonl",  # unseen in session 24, tuning material since
    "fresh22.jsonl",  # unseen in session 25, tuning material since
    "fresh23.jsonl",  # unseen in session 26, tuning material since
    "fresh24.jsonl",  # unseen in session 27, tuning material since
    "fresh25.jsonl",  # unseen in session 28, tuning material since
    "fresh26.jsonl",  # unseen in session 29, tuning material since
    "fresh27.jsonl",  # unseen in session 30, tuning material since
    "fresh28.jsonl",  # unseen in session 31, tuning material since
    "fresh29.jsonl",  # unseen in session 32, tuning material since
    "fresh30.jsonl",  # unseen in session 33, tuning material since
    "fresh31.jsonl",  # unseen in session 34, tuning material since
    "fresh32.jsonl",  # unseen in session 35, tuning material since
    "fresh33.jsonl",  # unseen in session 36, tuning material since
    "fresh34.jsonl",  # unseen in session 37, tuning material since
    "fresh35.jsonl",  # questions seen (not tuned on) in session 38, tuning material since
    "fresh36.jsonl",  # unseen in session 38, tuning material since
    "fresh37.jsonl",  # unseen in session 39, tuning material since
    "fresh38.jsonl",  # unseen in session 40, tuning material since
    "fresh39.jsonl",  # unseen in session 41, tuning material since
    "fresh40.jsonl",  # unseen in session 42, tuning material since
    "fresh41.jsonl",  # unseen in session 43, tuning material since
    "fresh42.jsonl",  # unseen in session 44, tuning material since
    "fresh43.jsonl",  # unseen in session 45, tuning material since
    "fresh44.jsonl",  # unseen in session 46, tuning material since
    "fresh45.jsonl",  # unseen in session 47, tuning material since
    "fresh46.jsonl",  # unseen in session 48, tuning material since
    "fresh47.jsonl",  # unseen in session 49, tuning material since
    "fresh48.jsonl",  # unseen in session 50, tuning material since
    "fresh49.jsonl",  # unseen in session 51, tuning material since
    "fresh50.jsonl",  # unseen in session 52, tuning material since
    "fresh51.jsonl",  # unseen in session 53, tuning material since
    "fresh52.jsonl",  # unseen in session 54, tuning material since
    "fresh53.jsonl",  # unseen in session 55, tuning material since
    "fresh54.jsonl",  # unseen in session 56, tuning material since
    "fresh55.jsonl",  # unseen in session 57, tuning material since
    "fresh56.jsonl",  # unseen in session 58, tuning material since
    "fresh57.jsonl",  # unseen in session 59, tuning material since
    "tuning83.jsonl",
    "tuning84.jsonl",
    "tuning85.jsonl",
    "tuning86.jsonl",
    "tuning87.jsonl",
    "tuning88.jsonl",
    "tuning89.jsonl",
    "tuning90.jsonl",
    "tuning91.jsonl",
    "tuning92.jsonl",
    "tuning93.jsonl",
    "tuning94.jsonl",
    "tuning95.jsonl",
    "tuning96.jsonl",
    "tuning97.jsonl",
    "tuning98.jsonl",
    "tuning99.jsonl",
    "tuning100.jsonl",
    "tuning101.jsonl",
    "tuning102.jsonl",
    "tuning103.jsonl",
    "tuning104.jsonl",
    "tuning105.jsonl",
    "tuning106.jsonl",
    "tuning107.jsonl",
    "tuning108.jsonl",
    "tuning109.jsonl",
    "tuning110.jsonl",
    "tuning111.jsonl",
    "tuning112.jsonl",
    "tuning113.jsonl",
    "tuning114.jsonl",
    "tuning115.jsonl",
    "tuning116.jsonl",
    "tuning117.jsonl",
    "tuning118.jsonl",
    "tuning119.jsonl",
    "tuning120.jsonl",
    "tuning121.jsonl",
    "tuning122.jsonl",
    "tuning123.jsonl",
    "tuning124.jsonl",
    "tuning125.jsonl",
    "tuning126.jsonl",
    "tuning127.jsonl",
    "tuning128.jsonl",
    "tuning129.jsonl",
    "tuning130.jsonl",
    "tuning131.jsonl",
    "tuning132.jsonl",
    "tuning133.jsonl",
    "tuning134.jsonl",
    "tuning135.jsonl",
    "tuning136.jsonl",
    "tuning137.jsonl",
    "tuning138.jsonl",
    "tuning139.jsonl",
    "tuning140.jsonl",
    "tuning141.jsonl",
    "tuning142.jsonl",
    "tuning143.jsonl",
    "tuning144.jsonl",
    "tuning145.jsonl",
    "tuning146.jsonl",
    "tuning147.jsonl",
    "tuning148.jsonl",
    "tuning149.jsonl",
    "tuning150.jsonl",
    "tuning151.jsonl",
    "tuning152.jsonl",
    "tuning153.jsonl",
    "tuning154.jsonl",
    "tuning155.jsonl",
    "tuning156.jsonl",
    "tuning157.jsonl",
    "tuning158.jsonl",
    "tuning159.jsonl",
    "tuning160.jsonl",
    "tuning161.jsonl",
    "tuning162.jsonl",
    "tuning163.jsonl",
    "tuning164.jsonl",
    "tuning165.jsonl",
    "tuning166.jsonl",
    "tuning167.jsonl",
    "tuning168.jsonl",
    "tuning169.jsonl",
)
SAMPLE_FILES = ("tuning-sample.jsonl",)
COST = 3.0  # a wrong answer costs a user about three times what a missing one does


def collect(data_dir: Path, files: tuple[str, ...]) -> list[dict]:
    settings = Settings(data_dir=data_dir)
    index = IndexHolder(settings).get()
    rows = []
    answer_confidence.THRESHOLD, saved_threshold = 0.0, answer_confidence.THRESHOLD
    try:
        for name in files:
            if not (HERE / name).exists():
                continue
            for item in load_items(HERE / name):
                if item["kind"] not in ("qa", "abstain"):
                    continue
                seen: list[dict] = []
                answer_confidence.observer = lambda _q, found, seen=seen: seen.append(found)
                scored = score_answer(index, item, settings)
                if seen and scored.get("answered", scored.get("wrong")):
                    rows.append(
                        {
                            "file": name,
                            "id": item["id"],
                            "answer": scored["answer"],
                            "features": seen[-1],
                            "right": not scored["wrong"],
                        }
                    )
    finally:
        answer_confidence.observer, answer_confidence.THRESHOLD = None, saved_threshold
    return rows


def matrix(rows: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[r["features"].get(f, 0.0) for f in answer_confidence.FEATURES] for r in rows])
    return x, np.array([r["right"] for r in rows], dtype=float)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.01, steps: int = 50) -> np.ndarray:
    """Newton's method on the penalised log-loss (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2 * len(y))
    penalty[answer_confidence.FEATURES.index("bias")] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        w -= np.linalg.solve(hessian, grad)
    return w


def best_threshold(p: np.ndarray, y: np.ndarray) -> float:
    candidates = np.unique(np.concatenate([[0.0], p]))
    gains = [((p >= t) & (y == 1)).sum() - COST * ((p >= t) & (y == 0)).sum() for t in candidates]
    return float(candidates[int(np.argmax(gains))])


def counts(kept: np.ndarray, y: np.ndarray) -> str:
    return f"right {int((kept & (y == 1)).sum())}, wrong {int((kept & (y == 0)).sum())}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--real-data", type=Path)
    parser.add_argument("--sample-data", type=Path)
    parser.add_argument("--save", type=Path, help="keep the collected rows in this JSON file")
    parser.add_argument("--load", type=Path, help="fit on rows saved before, without answering")
    parser.add_argument("--l2", type=float, default=0.03)
    args = parser.parse_args()
    if args.load:
        rows = json.loads(args.load.read_text())
    else:
        rows = collect(args.real_data, REAL_FILES) + collect(args.sample_data, SAMPLE_FILES)
        if args.save:
            args.save.write_text(json.dumps(rows))
    x, y = matrix(rows)
    files = sorted({r["file"] for r in rows})
    print(f"{len(rows)} answers from {len(files)} files; ungated: {counts(np.ones(len(y), bool), y)}")
    kept = np.zeros(len(y), bool)
    for name in files:  # leave one file out: fitted and thresholded on the others
        out = np.array([r["file"] == name for r in rows])
        w = fit(x[~out], y[~out], args.l2)
        threshold = best_threshold(1 / (1 + np.exp(-(x[~out] @ w))), y[~out])
        kept[out] = 1 / (1 + np.exp(-(x[out] @ w))) >= threshold
        print(
            f"  {name:22} ungated {counts(np.ones(out.sum(), bool), y[out])}; gated {counts(kept[out], y[out])}"
        )
    print(f"left-one-file-out, gated: {counts(kept, y)}")
    w = fit(x, y, args.l2)
    threshold = best_threshold(1 / (1 + np.exp(-(x @ w))), y)
    print(f"on all files: {counts(1 / (1 + np.exp(-(x @ w))) >= threshold, y)}")
    print(
        "WEIGHTS = {\n"
        + "".join(f'    "{f}": {v:.3f},\n' for f, v in zip(answer_confidence.FEATURES, w, strict=True))
        + "}"
    )
    print(f"THRESHOLD = {threshold:.3f}")


if __name__ == "__main__":
    main()
