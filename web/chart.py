"""The matching decisions over time, as the geometry of two bar charts drawn in inline SVG.

Drawn on the server so the chart works without JavaScript and offline; web/templates/_chart.html
turns this geometry into SVG with a title, a description, text labels on every bar and a table
with the same numbers. Plain numbers in, plain dicts out: no templates here.
"""

from __future__ import annotations

from decisions.records import DECISION_TYPES, TYPE_LABELS

# The dark text colours of the type tags in style.css: each is at least 4.5:1 on white, so
# bars stay distinct from the background; the labels and the table carry the numbers.
TYPE_COLOURS = {
    "mayoral": "#0c2d4a",
    "director": "#005a30",
    "assistant_director": "#b34700",
    "executive_director": "#3d2375",
    "other": "#505a5f",
}
APPROVED_COLOUR = "#1d70b8"
WIDTH = 320  # the viewBox: the SVG scales to its column, text with it
PLOT_TOP = 22  # room for the label above the tallest bar
PLOT_HEIGHT = 110
AXIS_LABELS = 34  # the year, and "approx." under it when a date was inferred
HEIGHT = PLOT_TOP + PLOT_HEIGHT + AXIS_LABELS
MAX_BAR = 36
GAP = 6
MAX_YEARS = 30


def short_pounds(amount: int) -> str:
    """£305,000 → '£305k', £1,234,000 → '£1.2m': a label that fits over a bar."""
    if amount >= 1_000_000:
        return f"£{amount / 1_000_000:.1f}m".replace(".0m", "m")
    if amount >= 1_000:
        return f"£{amount / 1_000:.0f}k"
    return f"£{amount}"


def _columns(count: int) -> tuple[float, float]:
    """(left edge of the first bar, bar width) for `count` bars centred in the width."""
    bar = min(MAX_BAR, (WIDTH - GAP * (count + 1)) / max(count, 1))
    used = count * bar + (count - 1) * GAP
    return (WIDTH - used) / 2, bar


def _bar(x: float, width: float, year: dict, value: int, label: str, top: int) -> dict:
    height = PLOT_HEIGHT * value / top if top else 0
    base = PLOT_TOP + PLOT_HEIGHT
    return {
        "x": round(x, 1),
        "width": round(width, 1),
        "centre": round(x + width / 2, 1),
        "top": round(base - height, 1),
        "height": round(height, 1),
        "label": label,
        "year": year["year"],
        "inferred": year["inferred"],
        "show_year": True,
    }


def count_chart(years: list[dict]) -> dict:
    """Decisions per year, each bar stacked by type (oldest year on the left)."""
    left, width = _columns(len(years))
    top = max((y["count"] for y in years), default=0)
    bars = []
    for i, year in enumerate(years):
        bar = _bar(left + i * (width + GAP), width, year, year["count"], str(year["count"]), top)
        segments, base = [], PLOT_TOP + PLOT_HEIGHT
        for decision_type in DECISION_TYPES:
            n = year["by_type"].get(decision_type, 0)
            if not n:
                continue
            height = PLOT_HEIGHT * n / top
            base -= height
            segments.append({"y": round(base, 1), "height": round(height, 1), "n": n,
                             "type": TYPE_LABELS[decision_type], "colour": TYPE_COLOURS[decision_type]})  # fmt: skip
        bar["segments"] = segments
        bars.append(bar)
    _thin_year_labels(bars, width)
    types = [t for t in DECISION_TYPES if any(y["by_type"].get(t) for y in years)]
    return {
        "bars": bars,
        "legend": [{"type": t, "label": TYPE_LABELS[t], "colour": TYPE_COLOURS[t]} for t in types],
        **_frame(),
    }


def approved_chart(years: list[dict]) -> dict:
    """Total approved per year (decisions that state an approved amount)."""
    left, width = _columns(len(years))
    top = max((y["approved_pounds"] for y in years), default=0)
    bars = []
    for i, year in enumerate(years):
        amount = year["approved_pounds"]
        label = short_pounds(amount)
        bar = _bar(left + i * (width + GAP), width, year, amount, label, top)
        bar["segments"] = [{"y": bar["top"], "height": bar["height"], "colour": APPROVED_COLOUR}]
        bars.append(bar)
    _thin_year_labels(bars, width)
    return {"bars": bars, **_frame()}


def _thin_year_labels(bars: list[dict], width: float) -> None:
    """Every other year label when the bars are too narrow for four digits side by side."""
    if width < 26:
        for i, bar in enumerate(bars):
            bar["show_year"] = i % 2 == (len(bars) - 1) % 2  # keep the newest year labelled


def _frame() -> dict:
    return {"width": WIDTH, "height": HEIGHT, "baseline": PLOT_TOP + PLOT_HEIGHT}


def describe(years: list[dict]) -> dict:
    """The sentences the SVGs' <desc> say: what a screen reader hears instead of the bars."""
    if not years:
        return {"count": "", "approved": ""}
    counts = "; ".join(
        f"{y['year']}: {y['count']}" + (f" ({y['inferred']} with an inferred date)" if y["inferred"] else "")
        for y in years
    )
    approved = "; ".join(f"{y['year']}: {short_pounds(y['approved_pounds'])}" for y in years)
    return {
        "count": f"Matching decisions per year, {years[0]['year']} to {years[-1]['year']}. {counts}.",
        "approved": f"Total approved per year. {approved}.",
    }


def _with_empty_years(years: list[dict]) -> list[dict]:
    """A year with no matching decision is a bar of nought, not a gap the eye skips over."""
    held = {y["year"]: y for y in years}
    first, last = int(years[0]["year"]), int(years[-1]["year"])
    if last - first > MAX_YEARS:  # a stray date far off ("1900"): show the years that have decisions
        return years
    empty = {"by_type": {}, "inferred": 0, "approved_pounds": 0, "count": 0}
    return [held.get(str(y), {"year": str(y), **empty}) for y in range(first, last + 1)]


def decisions_over_time(years: list[dict]) -> dict | None:
    """Both charts and their descriptions, or None when no matching decision has a date."""
    if not years:
        return None
    years = _with_empty_years(years)
    return {
        "years": years,
        "count": count_chart(years),
        "approved": approved_chart(years),
        "describe": describe(years),
        "inferred": sum(y["inferred"] for y in years),
    }
