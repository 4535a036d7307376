"""Reading filters out of a plain-English query.

"community engagement grants since 2018" → text "community engagement grants",
date_from 2018-01-01, with the words that produced it, so the UI can show a chip
and the user can remove it. The caller caps the query length before this runs,
and every pattern here is linear (no nested quantifiers), so no query can make
a regular expression run for long.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from indexer.amounts import parse_amount
from indexer.parse import find_refs
from indexer.read import normalise_text

TYPE_WORDS = [
    # Longest first: "assistant director decisions" also contains "director decisions".
    ("assistant_director", r"assistant director(?:'s)? decisions?|\bADDs\b"),
    ("executive_director", r"executive director(?:'s)? decisions?|\bEDDs\b"),
    ("director", r"director(?:'s)? decisions?|\bDDs\b"),
    ("mayoral", r"mayoral decisions?|mayor(?:'s)? decisions?|\bMDs\b"),
]

YEAR = r"((?:19|20)\d\d)"
MONTHS = "january february march april may june july august september october november december".split()


@dataclass
class Understood:
    """One filter read from the query, and the words it came from."""

    name: str
    value: str | int | bool
    words: str


@dataclass
class ParsedQuery:
    raw: str
    text: str  # what is left to search once filters are read out
    filters: dict = field(default_factory=dict)
    understood: list[Understood] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    cites_ref: str | None = None  # "decisions that build on MD2721"
    phrases: list[str] = field(default_factory=list)  # "exact phrases" in quotes

    def filters_with_words(self) -> dict:
        out = dict(self.filters)
        out["understood"] = [u.__dict__ for u in self.understood]
        return out


def _financial_year(start_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)


def _date_rules(today: dt.date) -> list[tuple[str, callable]]:
    """(pattern, match → {filter: iso date}) in the order they are tried."""
    return [
        (r"\b(?:in |during )?(?:the )?(?:financial year |FY ?)?" + YEAR + r"[-/](\d\d)\b(?![-/]\d)",
         lambda m: dict(zip(("date_from", "date_to"), map(dt.date.isoformat, _financial_year(int(m[1]))), strict=True))
         if (int(m[1]) + 1) % 100 == int(m[2]) else None),
        (r"\b(?:since|from|after|starting) " + YEAR + r"(?: onwards?)?\b|\b" + YEAR + r" (?:onwards?|and later|or later)\b",
         lambda m: {"date_from": f"{int(m[1] or m[2]) + (1 if m[0].startswith('after') else 0)}-01-01"}),
        (r"\b(?:before|prior to|until|up to) " + YEAR + r"\b",
         lambda m: {"date_to": f"{int(m[1]) - (0 if m[0].startswith(('until', 'up to')) else 1)}-12-31"}),
        (r"\b(?:in|during) " + YEAR + r"\b",
         lambda m: {"date_from": f"{m[1]}-01-01", "date_to": f"{m[1]}-12-31"}),
        (r"\blast year\b",
         lambda m: {"date_from": f"{today.year - 1}-01-01", "date_to": f"{today.year - 1}-12-31"}),
        (r"\bthis year\b", lambda m: {"date_from": f"{today.year}-01-01"}),
        (r"\b(?:in )?the (?:last|past) (\d{1,2}) years?\b",
         lambda m: {"date_from": dt.date(today.year - int(m[1]), today.month, min(today.day, 28)).isoformat()}),
    ]  # fmt: skip


AMOUNT = r"(£ ?\d[\d,]*(?:\.\d+)?\s?(?:k|m|bn|million|billion|thousand)?\b)"
AMOUNT_RULES = [
    (r"\b(?:over|more than|above|at least|exceeding|greater than) " + AMOUNT, "min_amount"),
    (r"\b(?:under|less than|below|at most|up to) " + AMOUNT, "max_amount"),
]

# Users type references loosely: "md 2848", "MD-2848", "dd2593".
LOOSE_REF = re.compile(
    r"\b(MD|DD|ADD|AD|EDD|DMPD|DMFD|PCD|HOPS|LFC)[\s-]?(\d{3,5})\b(?![-–/]\d)", re.IGNORECASE
)


def query_refs(text: str) -> list[str]:
    loose = [m.group(1).upper() + m.group(2) for m in LOOSE_REF.finditer(text)]
    return list(dict.fromkeys(find_refs(text) + loose))


CITES_WORDS = re.compile(
    r"\b(?:build(?:s|ing)? on|cit(?:e|es|ing)|refer(?:s|ring)? to|referenc(?:e|es|ing)|link(?:s|ed)? to"
    r"|follow(?:s|ing)?(?: on from| up)?|under (?:the )?cover of|extend(?:s|ing)?|previously approved)\b",
    re.IGNORECASE,
)
PART2_WORDS = re.compile(r"\b(?:with a )?part 2\b|\bconfidential annex\b", re.IGNORECASE)
DEFERRED_WORDS = re.compile(r"\b(?:publication )?deferred\b", re.IGNORECASE)
FILLER_AFTER_FILTERS = re.compile(
    r"^(?:decisions?|about|on|for|of|the|and|with)\b\s*|\s*\b(?:about|on|for|of|the|and|with|decisions?)$",
    re.I,
)


def _strip(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " + text[span[1] :]


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    for _ in range(3):
        text = FILLER_AFTER_FILTERS.sub("", text).strip(" ,;")
    return text


def _read_known_names(parsed: ParsedQuery, text: str, known: dict[str, list[str]]) -> str:
    """ "decisions by Tunde Olayinka", "in the Communities and Skills directorate": only names the
    index actually holds are read as filters, so ordinary words never become one by accident."""
    patterns = {
        "decision_maker": r"\b(?:made |taken |signed |approved )?by (?:the )?({name})\b",
        "directorate": r"\b(?:in |from )?(?:the )?({name}) directorate\b|\bdirectorate:? ({name})\b",
    }
    for key, template in patterns.items():
        for name in sorted(known.get(key, []), key=len, reverse=True):
            match = re.search(template.format(name=re.escape(name)), text, re.IGNORECASE)
            if match:
                parsed.filters[key] = name
                parsed.understood.append(Understood(key, name, match.group().strip()))
                text = _strip(text, match.span())
                break
    return text


def parse_query(raw: str, today: dt.date, known: dict[str, list[str]] | None = None) -> ParsedQuery:
    """`known`: decision makers and directorates in the index, the only names read as filters."""
    text = normalise_text(raw).replace("\n", " ").strip()
    parsed = ParsedQuery(raw=raw, text=text)
    parsed.phrases = [p.strip() for p in re.findall(r'"([^"]{1,200})"', text) if p.strip()]
    parsed.refs = query_refs(text)
    for name, pattern in TYPE_WORDS:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            parsed.filters["type"] = name
            parsed.understood.append(Understood("type", name, match.group()))
            text = _strip(text, match.span())
            break
    for pattern, rule in _date_rules(today):
        match = re.search(pattern, text, re.IGNORECASE)
        if not match:
            continue
        values = rule(match)
        if not values:
            continue
        for key, value in values.items():
            parsed.filters[key] = value
            parsed.understood.append(Understood(key, value, match.group().strip()))
        text = _strip(text, match.span())
        break
    for pattern, key in AMOUNT_RULES:
        match = re.search(pattern, text, re.IGNORECASE)
        amount = parse_amount(match.group(1)) if match else None
        if match and amount is not None:
            parsed.filters[key] = amount
            parsed.understood.append(Understood(key, amount, match.group().strip()))
            text = _strip(text, match.span())
    for pattern, key in ((PART2_WORDS, "has_part2"), (DEFERRED_WORDS, "deferred")):
        match = pattern.search(text)
        if match:
            parsed.filters[key] = True
            parsed.understood.append(Understood(key, True, match.group()))
            text = _strip(text, match.span())
    text = _read_known_names(parsed, text, known or {})
    if parsed.refs and CITES_WORDS.search(text):
        parsed.cites_ref = parsed.refs[0]
        parsed.understood.append(
            Understood("cites", parsed.refs[0], f"{CITES_WORDS.search(text).group()} {parsed.refs[0]}")
        )
    parsed.text = _tidy(text) if parsed.understood else text
    return parsed
