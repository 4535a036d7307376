"""Sterling amounts: "£812,000", "£205k", "£1.2 million", "£3.25bn" → whole pounds."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# "£812,000", "£72,765", "£205k", "£3k", "£1.2m", "£1.2 million", "£3.25bn", "£ 500".
# The digit part is either comma-grouped ("812,000": a fixed ",ddd" group, so the
# repetition cannot overlap) or a plain run ("20000"); the optional unit word must end
# at a word boundary so "£5 more" is £5, not £5m.
_AMOUNT = re.compile(
    r"£\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?:\s?(?P<unit>bn|billion|m|million|k|thousand)\b)?",
    re.IGNORECASE,
)
# parse_amount also takes a bare figure: "812,000", "1.2m".
_BARE_AMOUNT = re.compile(
    r"\s*(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?\s?(?P<unit>bn|billion|m|million|k|thousand)?\s*",
    re.IGNORECASE,
)
_UNITS = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000, "bn": 10**9, "billion": 10**9}

# The phrase that introduces the approved sum in a Decision section:
#   "approves total expenditure of up to £812,000", "approves up to £20,000",
#   "Expenditure of £305,000 on the 2018/19 ...", "1. expenditure of £72,765 under ..."
#   "Approval is sought for expenditure of £72,765" (executive summary).
# [^£\n]{0,80} is bounded and stops at the first "£", so the match is linear.
_APPROVAL = re.compile(
    r"\b(?:approves?|approval|approved|expenditure|spend|spending|investment|funding)\b[^£\n]{0,80}(?=£)",
    re.IGNORECASE,
)


def _value(match: re.Match[str]) -> int | None:
    digits = match.group("num").replace(",", "")
    frac = match.group("frac") or "0"
    try:
        number = Decimal(f"{digits}.{frac}")
    except InvalidOperation:
        return None
    unit = (match.group("unit") or "").lower()
    return int(number * _UNITS.get(unit, 1))


def parse_amount(text: str) -> int | None:
    """The first amount in `text` in whole pounds: "£3.25bn" → 3250000000, "£205k" → 205000.

    A bare figure ("812,000") is accepted when it is the whole string.
    """
    match = _AMOUNT.search(text or "")
    if match is None:
        match = _BARE_AMOUNT.fullmatch(text or "")
    return _value(match) if match else None


def find_amounts(text: str) -> list[tuple[int, int, int]]:
    """Every "£..." amount as (pounds, start, end), in reading order."""
    found = []
    for match in _AMOUNT.finditer(text or ""):
        value = _value(match)
        if value is not None:
            found.append((value, match.start(), match.end()))
    return found


def amounts_in(text: str) -> list[int]:
    """Distinct amounts in order of first appearance."""
    return list(dict.fromkeys(value for value, _, _ in find_amounts(text)))


# The summary's own request: "This Mayoral decision seeks approval of expenditure of £672,000…",
# "Approval is sought for expenditure of £72,765", "The Executive Director … is asked to approve the total
# expenditure of up to £5,000,000" (not "In March 2020 MD2591 approved…").
_SOUGHT = re.compile(
    r"\b(?:seeks?|seeking) (?:the )?approval\b[^£\n]{0,120}(?=£)|\bapproval is sought\b[^£\n]{0,80}(?=£)"
    r"|\b(?:is|are) (?:being )?(?:asked|requested|invited) to approve\b[^£\n]{0,80}(?=£)",
    re.I,
)
# "That the Mayor approves the following:" / "1. revenue expenditure of up to £522,000…": a numbered item.
_FIRST_ITEM = re.compile(r":\s*\n\s*(?:1|a|i)[.)]\s[^£\n]{0,80}$", re.I)


# A decision's own sentence: "That the Mayor approves …", "The Executive Director approves …".
_OWN_DECISION = re.compile(
    r"^\s*(?:That )?the (?:Mayor|Deputy Mayor|(?:Executive |Assistant )?Director)\b[^\n]*?\bapproves\b[^\n]*£[^\n]*",
    re.I | re.M,
)


def sought_amount(text: str) -> int | None:
    """The sum an executive summary says the decision seeks approval for, else None."""
    phrase = _SOUGHT.search(text or "")
    return parse_amount(text[phrase.end() :]) if phrase else None


def decision_total(decision: str, summary: str) -> int | None:
    """The sum a decision approves: its Decision section's, or its summary's when that section only lists
    items ("approves the following: 1. revenue expenditure of up to £522,000…") and the summary seeks
    more in all ("…seeks approval of expenditure of £672,000 between 2021-24")."""
    listed = approved_amount(decision)
    if listed is None:
        # No Decision heading: the decision's own words in the summary ("That the Mayor approves … £910,000"),
        # else the sum it seeks, before any other approval it reports ("In August 2018, the Mayor approved…").
        own = _OWN_DECISION.search(summary or "")
        return approved_amount(own.group()) if own else sought_amount(summary) or approved_amount(summary)
    sought = sought_amount(summary)
    first = _AMOUNT.search(decision, _APPROVAL.search(decision).end())  # the sum `listed` was read from
    itemised = first is not None and _FIRST_ITEM.search(decision[: first.start()])
    if sought and (itemised and sought > listed or _rounded(sought, listed)):
        return sought
    return listed


def _rounded(exact: int, rounded: int) -> bool:
    """Is `rounded` ("£3.49m") `exact` ("£3,489,000") written to fewer figures? The summary's exact sum
    is then the one to keep."""
    if exact == rounded or rounded <= 0:
        return False
    step = 1
    while rounded % (step * 10) == 0:
        step *= 10
    return abs(exact - rounded) * 2 <= step and abs(exact - rounded) <= rounded // 100


def approved_amount(text: str) -> int | None:
    """The sum an approval phrase introduces ("approves up to £20,000" → 20000), else None."""
    phrase = _APPROVAL.search(text or "")
    if phrase is None:
        return None
    return parse_amount(text[phrase.end() :])
