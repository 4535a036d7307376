"""Quality on the held-out third of every question file (tests/quality/heldout*.jsonl).

Nothing was tuned on these questions (tests/quality/split.py). The issue's targets are stated
in TARGETS; the test fails below FLOORS, the figures measured when the held-out third was last
scored (README "Quality"), less a small margin for ties that fall the other way. Where a floor
is below its target, the gap is reported, not hidden: see the README's Quality table.
"""

from __future__ import annotations

import pytest

from search_api.evaluate import evaluate_items, load_items, totals

from .conftest import ROOT

QUALITY = ROOT / "tests" / "quality"
TARGETS = {
    "passage_hit@5": 0.95, "passage_hit@1": 0.75, "searches_ok": 0.90, "answer_accuracy": 0.90,
    "answered_wrong": 0.03, "abstained": 1.0,
}  # fmt: skip
FLOORS = {
    # Measured 2026-12-03, session 19 (README "Quality"): hit@5 1.0, hit@1 0.878, searches 1.0,
    # answers 1.0 (0.968 in sessions 10–18, 0.935 in session 9, 0.903 in session 8, 0.871 in session 7),
    # answered but wrong 0 (0.027; 0.054; 0.081; 0.108; 0.135 in session 6), abstained 1.0 (6 of 6
    # no-answer questions). A floor allows one question to fall the other way. hit@1 raised in session
    # 29, when ordering a decision's passages by what is asked took it to 0.927 (38 of 41).
    "passage_hit@5": 0.95, "passage_hit@1": 0.90, "searches_ok": 0.90, "answer_accuracy": 0.96,
    "answered_wrong": 0.03, "abstained": 0.80,
}  # fmt: skip


@pytest.fixture(scope="session")
def heldout_totals(full_settings, full_index, settings, index) -> dict:
    rows = evaluate_items(load_items(QUALITY / "heldout-real.jsonl"), full_index, full_settings)["items"]
    rows += evaluate_items(load_items(QUALITY / "heldout-sample.jsonl"), index, settings)["items"]
    return totals(rows)


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_heldout_quality_holds(heldout_totals, figure):
    value = heldout_totals[figure]
    lower_is_better = figure == "answered_wrong"
    ok = value <= FLOORS[figure] if lower_is_better else value >= FLOORS[figure]
    assert ok, f"held-out {figure} {value} (floor {FLOORS[figure]}, target {TARGETS[figure]})"


def test_heldout_answers_stay_quick(heldout_totals):
    assert heldout_totals["answer_p95_s"] < 3.0  # the 1 s target is measured in benchmarks/
