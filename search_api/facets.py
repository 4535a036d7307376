"""Facets: how the decisions matching a search divide by type, year, decision maker, directorate
and amount, each value with the filters that narrow the search to it.

Counted over every matching decision, not the page shown, the way GOV.UK finders and Datasette
count; the JSON API returns them (`facets` in /api/search) and the results page links them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from decisions.records import DECISION_TYPES, TYPE_LABELS
from storage.base import filter_amount

from .index import DecisionRow, LoadedIndex

# (label, lowest, highest) in pounds, both ends included, the way min_amount/max_amount filter.
AMOUNT_BANDS = (
    ("Under £100k", None, 99_999),
    ("£100k to £1m", 100_000, 999_999),
    ("£1m to £10m", 1_000_000, 9_999_999),
    ("Over £10m", 10_000_000, None),
)
NAMES_SHOWN = 10  # decision makers and directorates: the ten commonest, like Datasette's facets
UNDATED = "undated"


def _year_filters(year: str) -> dict:
    return {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"}


def _named(counts: Counter, key: str) -> list[dict]:
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:NAMES_SHOWN]
    return [{"value": name, "label": name, "count": n, "filters": {key: name}} for name, n in top]


def decision_facets(decisions: Iterable[DecisionRow]) -> dict[str, list[dict]]:
    """{facet: [{value, label, count, filters, inferred?}]} for the given (matching) decisions.

    `filters` holds the search parameters that narrow to that value. A year counts the decisions
    dated in it and says how many of those dates were inferred from the text (`inferred`), since
    a year filter selects them by that approximate date.
    """
    decisions = list(decisions)
    types = Counter(d.decision_type for d in decisions)
    years = Counter((d.date or "")[:4] or UNDATED for d in decisions)
    inferred = Counter((d.date or "")[:4] for d in decisions if d.date and d.date_inferred)
    amounts = [filter_amount(d) for d in decisions]
    makers = Counter(d.decision_maker for d in decisions if d.decision_maker)
    directorates = Counter(d.directorate for d in decisions if d.directorate)
    bands = []
    for label, low, high in AMOUNT_BANDS:
        count = sum(
            1 for a in amounts if a is not None and (low is None or a >= low) and (high is None or a <= high)
        )
        if count:
            band_filters = {k: v for k, v in (("min_amount", low), ("max_amount", high)) if v is not None}
            bands.append({"value": label, "label": label, "count": count, "filters": band_filters})
    return {
        "type": [
            {"value": t, "label": TYPE_LABELS.get(t, t), "count": types[t], "filters": {"type": t}}
            for t in DECISION_TYPES
            if types[t]
        ],
        "year": [
            {
                "value": year,
                "label": "No date" if year == UNDATED else year,
                "count": n,
                "inferred": inferred.get(year, 0),
                # An undated decision cannot be reached by a date filter: it is counted, not linked.
                "filters": {} if year == UNDATED else _year_filters(year),
            }
            # Newest first, and the undated at the end.
            for year, n in sorted(years.items(), key=lambda item: (item[0] != UNDATED, item[0]), reverse=True)
        ],
        "decision_maker": _named(makers, "decision_maker"),
        "directorate": _named(directorates, "directorate"),
        "amount": bands,
    }


def search_facets(index: LoadedIndex, matched_ids: list[str]) -> dict[str, list[dict]]:
    """The facets of a search's matches (`SearchResponse.matched_ids`, withheld ones already out)."""
    return decision_facets(index.decisions[i] for i in matched_ids)


def year_totals(decisions: Iterable[DecisionRow]) -> list[dict]:
    """Per dated year, oldest first: decisions by type, how many dates were inferred, and the
    total approved (approved amounts only: an amount merely mentioned was not approved)."""
    by_year: dict[str, dict] = {}
    for d in decisions:
        if not d.date:
            continue
        year = by_year.setdefault(
            d.date[:4], {"year": d.date[:4], "by_type": Counter(), "inferred": 0, "approved_pounds": 0}
        )
        year["by_type"][d.decision_type] += 1
        year["inferred"] += d.date_inferred
        year["approved_pounds"] += d.approved_amount or 0
    rows = [by_year[y] for y in sorted(by_year)]
    for row in rows:
        row["count"] = sum(row["by_type"].values())
        row["by_type"] = {t: row["by_type"][t] for t in DECISION_TYPES if row["by_type"][t]}
    return rows
