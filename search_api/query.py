"""Reading filters out of a plain-English query.

"community engagement grants since 2018" → text "community engagement grants",
date_from 2018-01-01, with the words that produced it, so the UI can show a chip
and the user can remove it. A year or an amount becomes a filter only when it says
which decisions are wanted; inside a question or a topic ("How much will be invested
in 2022-23?") it stays text to match. The caller caps the query length before this runs,
and every pattern here is linear (no nested quantifiers), so no query can make
a regular expression run for long.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from decisions.words import expand_clipped
from indexer.amounts import parse_amount
from indexer.read import normalise_text
from indexer.refs import query_refs

from .question_types import is_question

# The kinds of decision by name and by plural code. Longest first: "assistant director decisions" also
# contains "director decisions". "ADDs" in capitals: "…the funding that MD3139 adds to" names no kind.
_KINDS = [
    ("assistant_director", r"assistant director(?:'s)?", r"(?-i:ADD[sS])"),
    ("executive_director", r"executive director(?:'s)?", r"EDDs"),
    ("director", r"director(?:'s)?", r"DDs"),
    ("mayoral", r"mayoral|mayor(?:'s)?", r"MDs"),
]
# (Not "Mayoral Decision-Making in the GLA", a document's name.)
TYPE_WORDS = [(code, rf"(?:{name}) decisions?(?![\w‐-])|\b{plural}\b") for code, name, plural in _KINDS]
# "Mayoral decisions on Housing Zones (not director decisions)": a kind the person does not want.
_NOT_KIND = re.compile(
    r"\(?\s*(?:\b(?:but|and)\s+)?\b(?:not|excluding|except(?: for)?|other than|apart from|without|rather than)\s+(?:any\s+)?"
    rf"(?:{'|'.join(pattern for _, pattern in TYPE_WORDS)})\s*\)?",
    re.IGNORECASE,
)
# "Director and assistant director decisions on …", "MDs or DDs": a search for either kind.
_KIND = "|".join(rf"{name}|{plural}" for _, name, plural in _KINDS)
_TWO_KINDS = re.compile(
    rf"\b(?P<a>{_KIND})(?:\s+decisions)?\s*(?:,|and|or|&|/)\s*(?P<b>{_KIND})(?:\s+decisions)?\b",
    re.IGNORECASE,
)

# "…decisions taken by directors or assistant directors", "decisions made by the Mayor": the kinds by who
# takes them (not "by the Mayor's Office", nor "by the Director of Housing", a post).
_MAKERS = [
    ("assistant_director", r"assistant directors?"),
    ("executive_director", r"executive directors?"),
    ("director", r"directors?"),
    ("mayoral", r"(?:the )?mayor"),
]
_MAKER = "|".join(pattern for _, pattern in _MAKERS)
_TAKEN_BY = re.compile(
    rf"\bdecisions\s+(?:(?:taken|made|signed|approved)\s+)?by\s+(?P<a>{_MAKER})(?:\s*(?:,|or|and|&|/)\s*"
    rf"(?P<b>{_MAKER}))?\b(?!['’]s|\s+(?:of|for)\b)",
    re.IGNORECASE,
)

# A kind of decision that is asked for, not wanted: "Which mayoral decision approved…", "under what
# earlier Mayoral Decision…", "… mayoral decision code". Its code is often cited by a Director's decision.
_ASKS_CODE = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_CODE_AFTER = re.compile(r"\s*(?:code|number|reference)\b", re.IGNORECASE)

YEAR = r"(?:19|20)\d\d"
MONTHS = "january february march april may june july august september october november december".split()

# A year is a filter only when it says which decisions are wanted; otherwise it is a word to match.
# "decisions signed in 2021", "2021 decisions", "mayoral decisions in 2019" name the decisions;
# "How much will be invested in 2022-23?" and "spending on drainage projects in 2020-21" ask about
# a year inside the decisions' text, and a filter on the decision's own date would find nothing.
DECISION_VERB = r"signed|approved|published|made|taken|agreed|decided|dated"
DECISION_NOUN = r"decisions?|MDs|DDs|(?-i:ADD[sS])|EDDs"
_VERB_PREFIX = rf"(?:\b(?P<verb>{DECISION_VERB})\s+)?"
_NOUN_BEFORE = re.compile(rf"\b(?:{DECISION_NOUN})\s*$", re.IGNORECASE)
# A word of a title before the year ("outturn 2015-16 decision"), not "the", "a", "which" or "in".
_TITLE_WORD_BEFORE = re.compile(
    r"\b(?!(?:the|a|an|this|that|which|what|any|each|every|of|in|for|from|on|to|and|or|by|with|was|were|is|"
    r"are|did|does|mayoral|mayor's|mayor’s|director|director's|director’s|assistant|executive|deputy|"
    r"latest|last|recent)\b)[A-Za-z][\w’'-]*\s*$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(
    rf"^\s*(?:(?:mayoral|mayor's|director's|director|assistant director|executive director)\s+)?"
    rf"(?:{DECISION_NOUN})\b",
    re.IGNORECASE,
)
# How far a date rule reaches. OPEN: an open-ended range ("since 2018", "before 2016", "from 2021
# onwards", "last year") always narrows the decisions wanted, in a question too ("How much has been
# approved since 2018?"). SPAN: a closed one ("between 2014 and 2019") is often a period the
# decisions themselves describe ("funding for delivery between 2025 and 2028?"), so in a question
# it is a filter only when it qualifies decisions. POINT: a year or financial year ("in 2019", "for
# 2024-25", "2021") is a filter only when it qualifies decisions, in a search too.
OPEN, SPAN, POINT = "open", "span", "point"


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
    under_ref: str | None = None  # "delivery plans approved under the MD3274 governance process"
    phrases: list[str] = field(default_factory=list)  # "exact phrases" in quotes
    excluded: list[str] = field(default_factory=list)  # "excluding ULEZ scrappage schemes"

    def filters_with_words(self) -> dict:
        out = dict(self.filters)
        out["understood"] = [u.__dict__ for u in self.understood]
        return out


def financial_year(start_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31)


def _fy_start(m: re.Match) -> int | None:
    """'2021-22' → 2021; None for a span that is not one financial year ('2015-18')."""
    year, tail = int(m["y"]), m["tail"]
    return year if int(tail) == ((year + 1) % 100 if len(tail) == 2 else year + 1) else None


def _span_start(m: re.Match) -> dt.date | None:
    """The first day of '2018' or of the financial year '2018/19'."""
    if m["tail"] is None:
        return dt.date(int(m["y"]), 1, 1)
    start = _fy_start(m)
    return None if start is None else financial_year(start)[0]


def _since(m: re.Match) -> dict | None:
    start = _span_start(m)
    if start is None:
        return None
    if m.groupdict().get("after"):  # "after 2019" starts with 2020; "after 2019-20" with April 2020
        start = dt.date(start.year + 1, start.month, 1)
    return {"date_from": start.isoformat()}


def _before(m: re.Match) -> dict | None:
    start = _span_start(m)
    if start is None:
        return None
    if m.groupdict().get("until"):  # "until 2020" includes 2020
        end = dt.date(start.year + 1, start.month, 1) - dt.timedelta(days=1)
    else:
        end = start - dt.timedelta(days=1)
    return {"date_to": end.isoformat()}


def _between(m: re.Match) -> dict | None:
    first, last = int(m["y"]), int(m["y2"])
    return {"date_from": f"{first}-01-01", "date_to": f"{last}-12-31"} if first <= last else None


def _point(m: re.Match) -> dict | None:
    if m["tail"] is None:
        return {"date_from": f"{m['y']}-01-01", "date_to": f"{m['y']}-12-31"}
    start = _fy_start(m)
    if start is None:
        return None
    return dict(zip(("date_from", "date_to"), map(dt.date.isoformat, financial_year(start)), strict=True))


# "…approvals under Sadiq Khan", "during Boris Johnson's mayoralty": the years that Mayor held office.
MAYORAL_TERMS = {
    "livingstone": (dt.date(2000, 5, 4), dt.date(2008, 5, 3)),
    "johnson": (dt.date(2008, 5, 4), dt.date(2016, 5, 8)),
    "khan": (dt.date(2016, 5, 9), None),
}
_MAYOR = r"(?:Mayor )?(?:Ken |Boris |Sadiq )?(?P<mayor>Livingstone|Johnson|Khan)"


def _mayoralty(m: re.Match) -> dict:
    start, end = MAYORAL_TERMS[m["mayor"].lower()]
    return {"date_from": start.isoformat()} | ({"date_to": end.isoformat()} if end else {})


# "2021-22", "2021/22", "2021-2022": one financial year after a year; any other span is no tail.
FY_TAIL = r"(?:[-/](?P<tail>\d\d|(?:19|20)\d\d))?(?![-/]?\d)"


def _date_rules(today: dt.date) -> list[tuple[str, str, callable]]:
    """(reach, pattern, match → {filter: iso date}) in the order they are tried."""
    return [
        (SPAN, rf"\b(?:between|from) (?P<y>{YEAR}) (?:and|to|until) (?P<y2>{YEAR})\b", _between),
        (OPEN, rf"\b(?:since|from|(?P<after>after)|starting(?: in| from)?) (?P<y>{YEAR}){FY_TAIL}(?: onwards?)?",
         _since),
        (OPEN, rf"\b(?P<y>{YEAR}){FY_TAIL} (?:onwards?|and later|or later)\b", _since),
        (OPEN, rf"\b(?:before|prior to) (?P<y>{YEAR}){FY_TAIL}", _before),
        # "…project activity delivered up to 2023-24", "funding until 2025": in a question, mostly a
        # period the decisions describe, like a closed span.
        (SPAN, rf"\b(?P<until>until|up to) (?P<y>{YEAR}){FY_TAIL}", _before),
        (POINT, rf"\b(?:(?:in|during|for|of) )?(?:the )?(?:financial year |FY ?)?(?P<y>{YEAR}){FY_TAIL}", _point),
        (OPEN, r"\blast year\b",
         lambda m: {"date_from": f"{today.year - 1}-01-01", "date_to": f"{today.year - 1}-12-31"}),
        (OPEN, r"\bthis year\b", lambda m: {"date_from": f"{today.year}-01-01"}),
        (OPEN, r"\b(?:in )?the (?:last|past) (?P<n>\d{1,2}) years?\b",
         lambda m: {"date_from": dt.date(today.year - int(m["n"]), today.month, min(today.day, 28)).isoformat()}),
        (OPEN, rf"\b(?:under|during|in(?= \S+ \S+['’]s (?:mayoralty|terms?|administration)))(?: the)? {_MAYOR}\b"
         r"(?:['’]s (?:mayoralty|terms?|administration)\b|[- ]era\b)?", _mayoralty),
        # "the Boris Johnson-era decision", "Khan era decisions"
        (OPEN, rf"\b(?:(?:from|in) )?(?:the )?{_MAYOR}[- ]era\b", _mayoralty),
    ]  # fmt: skip


AMOUNT = r"(£ ?\d[\d,]*(?:\.\d+)?\s?(?:k|m|bn|million|billion|thousand)?\b)"
AMOUNT_RULES = [
    (r"\b(?:over|more than|above|at least|exceeding|greater than) " + AMOUNT, "min_amount"),
    (r"\b(?:under|less than|below|at most|up to) " + AMOUNT, "max_amount"),
    # "rounds worth £500,000 or more", "grants of £1m and above", "contracts of £100k or less"
    (
        r"(?:\b(?:worth|costing|valued at|of) )?"
        + AMOUNT
        + r" (?:or|and) (?:more|above|over|upwards|greater)\b",
        "min_amount",
    ),
    (r"(?:\b(?:worth|costing|valued at|of) )?" + AMOUNT + r" or (?:less|under|below|lower)\b", "max_amount"),
]
# An amount with a comparison is a filter in a search ("contracts under £100k"); in a question only
# when it says which things are wanted ("Which grants over £500k…", "rounds costing more than
# £400,000"). "expenditure of up to £812,000" quotes a figure from a decision: text to match.
_THING_BEFORE = re.compile(
    rf"\b(?:{DECISION_NOUN}|grants?|contracts?|rounds?|projects?|programmes?|schemes?|awards?|bids?"
    r"|costing|worth|valued at|totall?ing)\s*$",
    re.IGNORECASE,
)
_QUOTED_FIGURE = re.compile(r"\bof\s*$", re.IGNORECASE)

CITES_WORDS = re.compile(
    r"\b(?:build(?:s|ing)? on|cit(?:e|es|ing)|refer(?:s|ring)? to|referenc(?:e|es|ing)|link(?:s|ed)? to"
    r"|follow(?:s|ing)?(?: on from| up)?|under (?:the )?cover of|extend(?:s|ing)?|previously approved)\b",
    re.IGNORECASE,
)
_REF_TYPED = re.compile(r"\b[A-Z]{2,4}\s?\d{3,5}\b", re.IGNORECASE)
_REF_ENDS = re.compile(r"\b[A-Z]{2,4}\s?\d{3,5}\s*$", re.IGNORECASE)
_REF_ACTS = re.compile(r"\b(?:that|which|does|did|do|will|would)\s+[A-Z]{2,4}\s?\d{3,5}\s*$", re.IGNORECASE)
_GAP_PREPOSITION = re.compile(r"\b(?:in|of|for|from|by|with|under|at)\b", re.IGNORECASE)


def _cited_by(text: str, cue: re.Match) -> bool:
    """Does the cue word ask for decisions citing the code beside it? "decisions that build on MD2721",
    "MD2721 follow-up decisions"; not "the … contract that MD3350 extends" (the decision named acts) nor
    "the cost of extending the rough sleeping services in DD1149" (the code says where, not what is extended)."""
    after = _REF_TYPED.search(text, cue.end())
    if after:
        gap = text[cue.end() : after.start()]
        if len(gap.split()) <= 3 and not _GAP_PREPOSITION.search(gap):
            return True
    before = text[: cue.start()]
    return bool(_REF_ENDS.search(before)) and not _REF_ACTS.search(before)


# ("…under the refreshed MD3274 governance process": a word or two may describe it.)
_UNDER_REF = re.compile(r"\bunder\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}?[A-Z]{2,4}\s?\d{3,5}\b", re.IGNORECASE)
PART2_WORDS = re.compile(r"\b(?:with a )?part 2\b|\bconfidential annex\b", re.IGNORECASE)
DEFERRED_WORDS = re.compile(r"\b(?:publication )?deferred\b", re.IGNORECASE)
FILLER_AFTER_FILTERS = re.compile(
    r"^(?:decisions?|about|on|for|of|the|and|with)\b\s*|\s*\b(?:about|on|for|of|the|and|with|decisions?)$",
    re.I,
)


def _strip(text: str, span: tuple[int, int]) -> str:
    """Blank the words out, keeping every other position: later rules look at the words around
    their match in the query as typed."""
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    for _ in range(3):
        text = FILLER_AFTER_FILTERS.sub("", text).strip(" ,;")
    return text


_KNOWN_NAME_TEMPLATES = {
    "decision_maker": r"\b(?:made |taken |signed |approved )?by (?:the )?(?P<name>{names})\b",
    "directorate": r"\b(?:in |from )?(?:the )?(?P<name>{names}) directorate\b|\bdirectorate:? (?P<also>{names})\b",
}


@functools.lru_cache(maxsize=16)
def _known_name_pattern(key: str, names: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation per kind of name, longest first, compiled once per index: a pattern per
    name and query overflowed re's cache at a few hundred decision makers."""
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(_KNOWN_NAME_TEMPLATES[key].format(names=alternation), re.IGNORECASE)


def _read_known_names(parsed: ParsedQuery, text: str, known: dict[str, list[str]]) -> str:
    """ "decisions by Tunde Olayinka", "in the Communities and Skills directorate": only names the
    index actually holds are read as filters, so ordinary words never become one by accident."""
    for key in _KNOWN_NAME_TEMPLATES:
        names = tuple(known.get(key, []))
        match = _known_name_pattern(key, names).search(text) if names else None
        if match:
            said = (match["name"] or match.groupdict().get("also") or "").lower()
            name = next(n for n in names if n.lower() == said)
            parsed.filters[key] = name
            parsed.understood.append(Understood(key, name, match.group().strip()))
            text = _strip(text, match.span())
    return text


_PERIOD_OPENED = re.compile(rf"\b{YEAR}(?:[-/](?:\d\d|(?:19|20)\d\d))?\s*(?:to|-|–)\s*$", re.IGNORECASE)


def _qualifies_decisions(base: str, match: re.Match) -> bool:
    """'signed in 2021', 'decisions since 2018', '2021 decisions': the words say which decisions.
    'spending approved for 2025-26' names the budget's year, not when a decision was taken."""
    budget_year = bool(match["verb"]) and re.match(r"\w+\s+for\b", match.group(), re.IGNORECASE)
    after = _NOUN_AFTER.match(base[match.end() :])
    # "the Sport Unites 2021-22 to 2024-25 mayoral decision": the year ends a period the title names.
    before = _PERIOD_OPENED.sub("", base[: match.start()])
    # "the GLA outturn 2015-16 decision": one decision named by its title, the year the outturn's.
    titled = after and not after.group().lower().endswith("s") and _TITLE_WORD_BEFORE.search(before)
    return bool(
        (match["verb"] and not budget_year)
        or _NOUN_BEFORE.search(base[: match.start()])
        or (after and not titled)
    )


# "night-time jobs lost in London between 2017 and 2022": the years of a change measured, not of decisions.
_MEASURED_BEFORE = re.compile(
    r"\b(?:lost|fell|rose|grew|increased|decreased|declined|dropped|doubled|halved|gained|went (?:up|down))"
    r"(?:\s+(?:in|across|within|throughout)\s+(?:the\s+)?\w+)?\s*$",
    re.IGNORECASE,
)


def _read_dates(parsed: ParsedQuery, text: str, base: str, today: dt.date) -> str:
    """The first date phrase that is a filter (see OPEN, SPAN, POINT); the others stay words to match."""
    question = is_question(base)
    for reach, pattern, rule in _date_rules(today):
        for match in re.finditer(_VERB_PREFIX + pattern, text, re.IGNORECASE):
            values = rule(match)
            if not values:
                continue
            if reach != OPEN and (reach == POINT or question) and not _qualifies_decisions(base, match):
                continue
            if _MEASURED_BEFORE.search(base[: match.start()]):
                continue
            for key, value in values.items():
                parsed.filters[key] = value
                parsed.understood.append(Understood(key, value, match.group().strip()))
            return _strip(text, match.span())
    return text


def _read_amounts(parsed: ParsedQuery, text: str, base: str) -> str:
    question = is_question(base)
    for pattern, key in AMOUNT_RULES:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            before = base[: match.start()]
            if _QUOTED_FIGURE.search(before) or (question and not _THING_BEFORE.search(before)):
                continue
            amount = parse_amount(match.group(1))
            if amount is None:
                continue
            parsed.filters[key] = amount
            parsed.understood.append(Understood(key, amount, match.group().strip()))
            text = _strip(text, match.span())
            break
    return text


# "…approvals, excluding ULEZ vehicle scrappage schemes", "grants other than the Young Londoners
# Fund": what follows names decisions the person does not want, up to a comma or the end.
EXCLUDING = re.compile(
    r"[,;]?\s*\b(?:excluding|except(?: for)?|other than|apart from|but not|not including)\s+([^,;.?]{3,80})",
    re.IGNORECASE,
)


def _read_exclusions(parsed: ParsedQuery, text: str) -> str:
    """In a search, not a question: "Apart from the Young Londoners Fund, which body paid…?"
    asks about the other funders of that very decision."""
    match = EXCLUDING.search(text)
    if (
        not match
        or re.match(r"\W*(?:who|what|which|when|how|where|why|whose|apart|other)\b", text, re.I)
        or "?" in text
    ):
        return text
    words = match.group(1).strip()
    parsed.excluded.append(words)
    parsed.understood.append(Understood("excluding", words, match.group().strip(" ,;")))
    return _strip(text, match.span())


def _asks_code(text: str, match: re.Match) -> bool:
    singular = match.group().lower().endswith("decision")
    return singular and bool(_ASKS_CODE.search(text[: match.start()]) or _CODE_AFTER.match(text, match.end()))


def _two_kinds(text: str) -> tuple[str, re.Match] | None:
    """The two kinds of decision a search names together ("director,assistant_director"), and where;
    only when the words end in "decisions" (or are codes: "DDs and ADDs"), not "the Mayor and
    directors" (but "decisions taken by the Mayor and directors": by who takes them)."""
    taken = _TAKEN_BY.search(text)
    if taken:
        codes = [
            next(code for code, pattern in _MAKERS if re.fullmatch(pattern, taken[part], re.I))
            for part in ("a", "b")
            if taken[part]
        ]
        return ",".join(dict.fromkeys(codes)), taken
    match = _TWO_KINDS.search(text)
    if not match or not match.group().lower().endswith(("decisions", "ds")):
        return None
    codes = [next(code for code, name, plural in _KINDS if re.fullmatch(f"{name}|{plural}", match[part], re.I))
             for part in ("a", "b")]  # fmt: skip
    return (",".join(dict.fromkeys(codes)), match) if codes[0] != codes[1] else None


def parse_query(raw: str, today: dt.date, known: dict[str, list[str]] | None = None) -> ParsedQuery:
    """`known`: decision makers and directorates in the index, the only names read as filters."""
    text = base = expand_clipped(
        normalise_text(raw).replace("\n", " ").strip()
    )  # "hi-vis": "high visibility"
    parsed = ParsedQuery(raw=raw, text=text)
    parsed.phrases = [p.strip() for p in re.findall(r'"([^"]{1,200})"', text) if p.strip()]
    parsed.refs = query_refs(text)
    unwanted = list(_NOT_KIND.finditer(text))
    for match in unwanted:  # no filter, and no words to match
        text = _strip(text, match.span())
    kinds = _two_kinds(text)
    if kinds:
        codes, match = kinds
        parsed.filters["type"] = codes
        parsed.understood.append(Understood("type", codes, match.group()))
        text = _strip(text, match.span())
    for name, pattern in [] if kinds else TYPE_WORDS:
        match = re.search(pattern, text, re.IGNORECASE)
        if match and _asks_code(text, match):
            break  # "Which mayoral decision approved…": the code asked may be cited by any kind of decision
        if match:
            parsed.filters["type"] = name
            parsed.understood.append(Understood("type", name, match.group()))
            text = _strip(text, match.span())
            break
    text = _read_dates(parsed, text, base, today)
    text = _read_amounts(parsed, text, base)
    for pattern, key in ((PART2_WORDS, "has_part2"), (DEFERRED_WORDS, "deferred")):
        match = pattern.search(text)
        if match:
            parsed.filters[key] = True
            parsed.understood.append(Understood(key, True, match.group()))
            text = _strip(text, match.span())
    text = _read_known_names(parsed, text, known or {})
    text = _read_exclusions(parsed, text)
    cited = next((m for m in CITES_WORDS.finditer(text) if _cited_by(text, m)), None)
    if parsed.refs and cited:
        parsed.cites_ref = parsed.refs[0]
        parsed.understood.append(Understood("cites", parsed.refs[0], f"{cited.group()} {parsed.refs[0]}"))
    # "…approved under the MD3274 governance process": decisions made under another one, which is no
    # lookup of it (its decision is ranked by the words, those citing it are lifted).
    under = _UNDER_REF.search(text)
    if under and not parsed.cites_ref:
        parsed.under_ref = next(iter(query_refs(under.group())), None)
    parsed.text = _tidy(text) if parsed.understood or unwanted else text
    return parsed
