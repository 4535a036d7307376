"""The matching decisions over time, as the geometry of two bar charts drawn in inline SVG.

Drawn on the server so the chart works without JavaScript and offline; web/templates/_chart.html
turns this geometry into SVG with a title, a description, a text label on every bar (its year
and its value, "(N inferred)" where dates were inferred) and a table with the same numbers.
Plain numbers in, plain dicts out: no templates here.
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
# Horizontal bars, one row a year: every row has room for its year and its value, however many
# years there are (upright bars for 13 years left labels overlapping in a one-third column).
WIDTH = 320  # the viewBox: the SVG scales to its column, text with it
YEAR_LABEL = 40  # "2021" at 12px
BAR_LEFT = YEAR_LABEL + 4
BAR_MAX = 170  # the longest bar; the rest of the width holds "12 (11 inferred)" or "£487.5m"
ROW = 20
BAR_HEIGHT = 13
MAX_YEARS = 30


def short_pounds(amount: int) -> str:
    """£305,000 → '£305k', £1,234,000 → '£1.2m': a label that fits beside a bar."""
    if amount >= 1_000_000:
        return f"£{amount / 1_000_000:.1f}m".replace(".0m", "m")
    if amount >= 1_000:
        return f"£{amount / 1_000:.0f}k"
    return f"£{amount}"


def _row(i: int, year: dict, value: int, top: int, label: str) -> dict:
    length = BAR_MAX * value / top if top else 0
    y = i * ROW + (ROW - BAR_HEIGHT) / 2
    return {
        "year": year["year"],
        "inferred": year["inferred"],
        "y": round(y, 1),
        "text_y": round(y + BAR_HEIGHT - 2, 1),  # the baseline of 12px text beside the bar
        "length": round(length, 1),
        "label": label,
        "label_x": round(BAR_LEFT + length + 5, 1),
    }


def count_chart(years: list[dict]) -> dict:
    """Decisions per year, each bar stacked by type (oldest year at the top)."""
    top = max((y["count"] for y in years), default=0)
    bars = []
    for i, year in enumerate(years):
        inferred = f" ({year['inferred']} inferred)" if year["inferred"] else ""
        bar = _row(i, year, year["count"], top, f"{year['count']}{inferred}")
        segments, x = [], float(BAR_LEFT)
        for decision_type in DECISION_TYPES:
            n = year["by_type"].get(decision_type, 0)
            if n:
                length = BAR_MAX * n / top
                segments.append({"x": round(x, 1), "length": round(length, 1), "n": n,
                                 "type": TYPE_LABELS[decision_type], "colour": TYPE_COLOURS[decision_type]})  # fmt: skip
                x += length
        bar["segments"] = segments
        bars.append(bar)
    types = [t for t in DECISION_TYPES if any(y["by_type"].get(t) for y in years)]
    return {
        "bars": bars,
        "legend": [{"type": t, "label": TYPE_LABELS[t], "colour": TYPE_COLOURS[t]} for t in types],
        **_frame(len(years)),
    }


def approved_chart(years: list[dict]) -> dict:
    """Total approved per year (decisions that state an approved amount)."""
    top = max((y["approved_pounds"] for y in years), default=0)
    bars = []
    for i, year in enumerate(years):
        bar = _row(i, year, year["approved_pounds"], top, short_pounds(year["approved_pounds"]))
        bar["segments"] = [{"x": BAR_LEFT, "length": bar["length"], "colour": APPROVED_COLOUR}]
        bars.append(bar)
    return {"bars": bars, **_frame(len(years))}


def _frame(rows: int) -> dict:
    return {"width": WIDTH, "height": rows * ROW, "axis_x": BAR_LEFT, "year_x": YEAR_LABEL,
            "bar_height": BAR_HEIGHT}  # fmt: skip


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
