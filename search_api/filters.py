"""Which decisions a request may see and which it asked for, as one boolean mask."""

from __future__ import annotations

import datetime as dt

import numpy as np

from .index import DecisionRow, LoadedIndex

FILTER_KEYS = (
    "type", "date_from", "date_to", "min_amount", "max_amount", "decision_maker", "directorate",
    "has_part2", "deferred",
)  # fmt: skip


def is_withheld(decision: DecisionRow, today: dt.date) -> bool:
    """Public mode must not show a decision before its deferral date, nor any Part 2 document."""
    if decision.part2:
        return True
    return bool(decision.deferred_until and decision.deferred_until > today.isoformat())


def _matches(d: DecisionRow, filters: dict) -> bool:
    if filters.get("type") and d.decision_type != filters["type"]:
        return False
    if filters.get("date_from") and (not d.date or d.date < filters["date_from"]):
        return False
    if filters.get("date_to") and (not d.date or d.date > filters["date_to"]):
        return False
    amount = d.approved_amount if d.approved_amount is not None else (max(d.amounts) if d.amounts else None)
    if filters.get("min_amount") is not None and (amount is None or amount < filters["min_amount"]):
        return False
    if filters.get("max_amount") is not None and (amount is None or amount > filters["max_amount"]):
        return False
    if filters.get("decision_maker"):
        if (
            filters["decision_maker"].lower()
            not in f"{d.decision_maker or ''} {d.decision_maker_role or ''}".lower()
        ):
            return False
    if filters.get("directorate") and filters["directorate"].lower() not in (d.directorate or "").lower():
        return False
    if filters.get("has_part2") and not (d.has_part2 or d.part2):
        return False
    if filters.get("deferred") and not d.deferred_until:
        return False
    return True


def visible(index: LoadedIndex, staff: bool, today: dt.date) -> set[str]:
    return {d.id for d in index.decisions.values() if staff or not is_withheld(d, today)}


MASK_CACHE_SIZE = 256


def allowed_decisions(index: LoadedIndex, filters: dict, staff: bool, today: dt.date) -> np.ndarray:
    """Boolean per decision (in index.decision_ids order); read-only, shared between requests."""
    key = (tuple(sorted((k, v) for k, v in filters.items() if v not in (None, "", False))), staff, today)
    mask = index.mask_cache.get(key)
    if mask is None:
        mask = np.array(
            [
                (staff or not is_withheld(d, today)) and _matches(d, filters)
                for d in (index.decisions[i] for i in index.decision_ids)
            ],
            dtype=bool,
        )
        mask.flags.writeable = False  # shared: a caller that wants to change it must copy it
        if len(index.mask_cache) >= MASK_CACHE_SIZE:
            index.mask_cache.clear()
        index.mask_cache[key] = mask
    return mask


def why_empty(index: LoadedIndex, filters: dict, staff: bool, today: dt.date) -> str | None:
    """Name the filter that excluded everything, so an empty list explains itself."""
    active = {k: v for k, v in filters.items() if k in FILTER_KEYS and v not in (None, "", False)}
    if not active:
        return None
    for key, value in active.items():
        if not allowed_decisions(index, {key: value}, staff, today).any():
            return f"no decision matches {key} = {value}"
    return "no decision matches all of the filters together: " + ", ".join(
        f"{k} = {v}" for k, v in active.items()
    )
