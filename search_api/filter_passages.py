"""Passages that prove a filter, for a search with no words ("over £500k", "director decisions").

With no words to match, the passage scorer has nothing to go on and the opening passages win: the
title and an empty "Date signed: Date published:". The passage a reader wants is the one that
shows why the decision is listed: the sum the amount filter matched, the date the date filter
read, the decision paragraph for a type.
"""

from __future__ import annotations

import html
import re

from indexer.amounts import amounts_in, find_amounts
from indexer.dates import find_dates
from storage.base import filter_amount

from .index import DecisionRow

# "Date signed: 08 January 2014", "Date: 18/11/2025" (the ADD form's signature block)
_DATE_FIELD = re.compile(r"\bdate(?: signed| published)?:", re.IGNORECASE)
# "That the Mayor approves…", "I approve…", "The Executive Director approves…"
_DECIDES = re.compile(r"\b(?:approves?|approved|agrees?|delegates?)\b", re.IGNORECASE)


def _in_decision_section(section: str | None) -> bool:
    return (section or "").strip().lower().rstrip(":") in ("decision", "decisions")


def proof_score(text: str, section: str | None, decision: DecisionRow, filters: dict) -> float:
    """How well a passage shows that `decision` passes `filters`; 0 when it shows nothing."""
    score = 0.0
    if filters.get("min_amount") is not None or filters.get("max_amount") is not None:
        amount = filter_amount(decision)
        if amount is not None and amount in amounts_in(text):
            score += 2.0 + 0.5 * _in_decision_section(section)
    if (filters.get("date_from") or filters.get("date_to")) and decision.date:
        if any(m.date.isoformat() == decision.date for m in find_dates(text, financial_years=False)):
            # A "Date signed:" field states the date outright; a sentence with it comes next.
            score += 2.0 + 0.5 * bool(_DATE_FIELD.search(text))
    if filters.get("type") and (_in_decision_section(section) or _DECIDES.search(text)):
        score += 1.0 + 0.5 * _in_decision_section(section)
    for key in ("decision_maker", "directorate"):
        if filters.get(key) and filters[key].lower() in text.lower():
            score += 1.0
    return score


def proof_order(rows: list, decision: DecisionRow, filters: dict) -> list:
    """`rows` (with text and section), the passages proving the filters first, else as given."""
    scores = [proof_score(r["text"], r["section"], decision, filters) for r in rows]
    order = sorted(range(len(rows)), key=lambda i: -scores[i])
    return [rows[i] for i in order]


def proof_spans(text: str, decision: DecisionRow, filters: dict) -> list[tuple[int, int]]:
    """Where in `text` the amount or the date the filters matched is written."""
    found = []
    if filters.get("min_amount") is not None or filters.get("max_amount") is not None:
        amount = filter_amount(decision)
        found += [(s, e) for value, s, e in find_amounts(text) if value == amount]
    if (filters.get("date_from") or filters.get("date_to")) and decision.date:
        found += [(m.start, m.end) for m in find_dates(text, financial_years=False)
                  if m.date.isoformat() == decision.date]  # fmt: skip
    return sorted(found)


def proof_highlight(text: str, decision: DecisionRow, filters: dict) -> str | None:
    """`text` escaped, with the proving amount or date in <mark> (a result's snippet is cut around
    the first mark, so it shows the sum even deep in a long passage); None when there is none."""
    spans = proof_spans(text, decision, filters)
    if not spans:
        return None
    out, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        out += [
            html.escape(text[last:start], quote=True),
            "<mark>",
            html.escape(text[start:end], quote=True),
            "</mark>",
        ]
        last = end
    return "".join(out) + html.escape(text[last:], quote=True)
