"""Which decisions a request may see and which it asked for: the search's filter dict, its words, and
its values for the store (storage.base.Filters, which also holds the withheld rules)."""

from __future__ import annotations

import datetime as dt

from decisions.filters import FILTER_NAMES, QUERY_ONLY_FILTERS
from decisions.records import type_label
from storage.base import Filters, is_withheld

from .index import LoadedIndex

FILTER_KEYS = FILTER_NAMES + QUERY_ONLY_FILTERS


def visible(index: LoadedIndex, staff: bool, today: dt.date) -> set[str]:
    return {d.id for d in index.decisions.values() if staff or not is_withheld(d, today)}


def admits_any(index: LoadedIndex, filters: dict, staff: bool, today: dt.date) -> bool:
    """Whether any decision this request may see passes these filters."""
    return bool(index.admitted_decisions(Filters.of(filters, staff, today)))


def _day(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def _dates_in_words(date_from: str | None, date_to: str | None) -> str:
    """'dated 2031', 'dated in the 2022-23 financial year', 'dated 2018 or later', … as people say them."""
    start = dt.date.fromisoformat(date_from) if date_from else None
    end = dt.date.fromisoformat(date_to) if date_to else None
    if start and end:
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            years = str(start.year) if start.year == end.year else f"{start.year} to {end.year}"
            return f"dated {years}"
        if (start.month, start.day, end.month, end.day, end.year) == (4, 1, 3, 31, start.year + 1):
            return f"dated in the {start.year}-{end.year % 100:02d} financial year"
        return f"dated from {_day(date_from)} to {_day(date_to)}"
    if start:
        return (
            f"dated {start.year} or later"
            if (start.month, start.day) == (1, 1)
            else f"dated on or after {_day(date_from)}"
        )
    return (
        f"dated {end.year} or earlier"
        if (end.month, end.day) == (12, 31)
        else f"dated on or before {_day(date_to)}"
    )


def describe(filters: dict) -> str:
    """The decisions these filters ask for, in plain words: 'Director Decision dated 2031 by Jane Doe'."""
    active = {k: v for k, v in filters.items() if k in FILTER_KEYS and v not in (None, "", False)}
    words = [type_label(active["type"]) if "type" in active else "decision"]
    if "date_from" in active or "date_to" in active:
        words.append(_dates_in_words(active.get("date_from"), active.get("date_to")))
    if "min_amount" in active:
        words.append(f"of at least £{active['min_amount']:,}")
    if "max_amount" in active:
        words.append(f"{'and' if 'min_amount' in active else 'of'} at most £{active['max_amount']:,}")
    if "decision_maker" in active:
        words.append(f"by {active['decision_maker']}")
    if "directorate" in active:
        words.append(f"from the {active['directorate']} directorate")
    if "has_part2" in active:
        words.append("with a confidential Part 2")
    if "deferred" in active:
        words.append("with publication deferred")
    return " ".join(words)


# Filters dropped together: a date range is one filter to the person who typed it.
FILTER_GROUPS = (("date_from", "date_to"), ("min_amount", "max_amount"), ("type",), ("decision_maker",),
                 ("directorate",), ("has_part2",), ("deferred",))  # fmt: skip


def relaxations(index: LoadedIndex, read: dict, explicit: dict, staff: bool, today: dt.date) -> list[dict]:
    """Which filters read from the query to drop, in the order to try: first those that alone leave
    no decision ("signed in 2031"), then all of them. Explicit parameters are never dropped."""
    groups = [{k: read[k] for k in g if k in read} for g in FILTER_GROUPS]
    groups = [g for g in groups if g]
    empty = [g for g in groups if not admits_any(index, {**explicit, **g}, staff, today)]
    every = {k: v for g in groups for k, v in g.items()}
    tries = [{k: v for g in empty for k, v in g.items()}] if empty else []
    return [t for t in tries if t] + ([every] if every and every not in tries else [])


# What a search shows instead, once a filter is dropped: "showing results from any date".
INSTEAD = {
    "type": "of any type",
    "date_from": "from any date",
    "date_to": "from any date",
    "min_amount": "of any amount",
    "max_amount": "of any amount",
    "decision_maker": "by any decision maker",
    "directorate": "from any directorate",
    "has_part2": "with or without a Part 2",
    "deferred": "deferred or not",
}


def relaxed_note(asked: dict, dropped: dict) -> str:
    """'No Director Decision dated 2031 matches; showing results from any date.': what was asked
    for (every filter), then what is shown instead of the filters dropped."""
    instead = list(dict.fromkeys(INSTEAD[k] for k in FILTER_KEYS if k in dropped))
    shown = ", ".join(instead[:-1]) + (" and " if len(instead) > 1 else "") + instead[-1]
    return f"No {describe(asked)} matches; showing results {shown}."


def why_empty(index: LoadedIndex, filters: dict, staff: bool, today: dt.date) -> str | None:
    """Name the filter that excluded everything, so an empty list explains itself."""
    active = {k: v for k, v in filters.items() if k in FILTER_KEYS and v not in (None, "", False)}
    if not active:
        return None
    for key, value in active.items():
        if not admits_any(index, {key: value}, staff, today):
            return f"there is no {describe({key: value})}"
    if admits_any(index, active, staff, today):
        return None  # the filters leave decisions; it is the words that match none of them
    return f"there is no {describe(active)}"
