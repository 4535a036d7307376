"""Decision reference codes: "MD2848", "DD 2593", "PCD 1792", "Director Decision (DD) 2593"."""

from __future__ import annotations

import re

PREFIX_TYPES = {
    "MD": "mayoral", "DD": "director", "ADD": "assistant_director", "AD": "assistant_director",
    "EDD": "executive_director",
    # Deputy Mayor decisions (Policing "DMPD", Fire "DMFD262"), MOPAC's "PCD 1792", the Head of
    # Paid Service's "HOPS" and the London Fire Commissioner's "LFC": no GLA decision type of their own.
    "DMPD": "other", "DMFD": "other", "PCD": "other", "HOPS": "other", "LFC": "other",
    # The Chief Officer's decisions ("the pay award has been confirmed via CO385"); "CO2" has too few digits.
    "CO": "other",
}  # fmt: skip
PREFIXES = "|".join(sorted(PREFIX_TYPES, key=len, reverse=True))  # longest first: "ADD" before "AD"
# "MD2848", "ADD2793", "DD 2593", "PCD 1792", "MD-2848". Upper case only, so "add 200 homes" is no
# ref; \b on both sides keeps "G7", "2021-22" and "XMD2848" out, and a year range after it
# ("the LFC 2025-26 budget") is a year, not a decision.
SHORT_REF = re.compile(rf"\b({PREFIXES})[ -]?(\d{{3,5}})\b(?![-–/]\d)")
# "Director Decision 2593", "Director Decision (DD) 2593", "Mayoral Decision 2721"
_LONG_REF = re.compile(
    r"\b(?P<kind>Mayoral|Executive\s+Director|Assistant\s+Director|Director)(?:['’]s)?\s+Decision\s?"
    r"(?:\((?P<abbr>[A-Za-z]{2,4})\)\s?)?(?:no\.?\s?|number\s)?(?P<num>\d{3,5})\b",
    re.IGNORECASE,
)
_LONG_PREFIX = {"mayoral": "MD", "director": "DD", "assistant director": "ADD", "executive director": "EDD"}
_BARE_REF = re.compile(rf"({PREFIXES})\s?[-–]?\s?(\d{{3,5}})", re.IGNORECASE)  # "md 2848", "MD-2848"


def _long_ref(match: re.Match[str]) -> str:
    abbr = (match.group("abbr") or "").upper()
    kind = _LONG_PREFIX[" ".join(match.group("kind").lower().split())]
    return (abbr if abbr in PREFIX_TYPES else kind) + match.group("num")


def find_refs(text: str) -> list[str]:
    """Every decision reference in `text`, normalised ("DD2593"), unique, in reading order."""
    found = [(m.start(), m.group(1) + m.group(2)) for m in SHORT_REF.finditer(text or "")]
    found += [(m.start(), _long_ref(m)) for m in _LONG_REF.finditer(text or "")]
    return list(dict.fromkeys(ref for _, ref in sorted(found)))


def ref_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised ref) of each reference in `text`, in reading order, for linking them.
    "Director Decision (DD) 2593" holds no short code of its own, but where matches overlap the one
    that starts first is kept."""
    spans = [(m.start(), m.end(), m.group(1) + m.group(2)) for m in SHORT_REF.finditer(text or "")]
    spans += [(m.start(), m.end(), _long_ref(m)) for m in _LONG_REF.finditer(text or "")]
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def normalise_ref(text: str | None) -> str | None:
    """ "md 2848" → "MD2848", "Director Decision (DD) 2593" → "DD2593", junk → None."""
    bare = _BARE_REF.fullmatch((text or "").strip())
    return bare.group(1).upper() + bare.group(2) if bare else next(iter(find_refs(text or "")), None)


def lead_ref(line: str) -> str | None:
    """The reference a title line opens with: "PCD 1792 VRU Home Office funding…" → "PCD1792"."""
    lead = SHORT_REF.match(line)
    return lead.group(1) + lead.group(2) if lead else None


def written_ref(ref: str, ignore_case: bool = False) -> re.Pattern[str]:
    """ "DD2593" as text writes it: "DD2593", "DD 2593", "DD-2593", "(DD) 2593"; any length of number."""
    prefix, number = re.match(r"([A-Z]+)(\d+)", ref).groups()
    return re.compile(rf"\b{prefix}\W{{0,3}}{number}\b", re.IGNORECASE if ignore_case else 0)


# Users type references loosely: "md 2848", "MD-2848", "dd2593", "pcd 1792". In lower case with a
# space, a prefix that is an English word is a word: "schemes that add 500 homes" and "Add 500
# homes" name no ADD500.
LOOSE_REF = re.compile(rf"\b({PREFIXES})([\s-]?)(\d{{3,5}})\b(?![-–/]\d)", re.IGNORECASE)
_WORD_PREFIXES = {"add", "ad"}


def query_refs(text: str) -> list[str]:
    """The references a query names, normalised, in order: strictly written ones, then loose ones."""
    loose = [
        m.group(1).upper() + m.group(3)
        for m in LOOSE_REF.finditer(text)
        if not (m.group(1).lower() in _WORD_PREFIXES and not m.group(1).isupper() and m.group(2).isspace())
    ]
    return list(dict.fromkeys(find_refs(text) + loose))
