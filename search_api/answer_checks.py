"""What a question pins down that a passage must not contradict: the year it asks about, the
numbered round or phase of a programme, the kind of decision whose code it wants. Text in, verdict
out: the answerer (answer.py) applies them to its evidence.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from decisions.london_boroughs import boroughs_named
from decisions.words import STOPWORDS
from indexer.amounts import amounts_in, find_amounts

from .question_reading import NUMBER_WORDS, ORG_WORDS, PART_WORDS, Span, stems
from .question_types import PROVISION_ASKED, asking_clause, noun_phrase

# The kind of decision a question asks the code of: its letters.
_PREFIXES = (
    ("ADD", re.compile(r"\bassistant director(?:'s)? decision|\bADD\b", re.I)),
    ("DD", re.compile(r"(?<!assistant )\bdirector(?:'s)? decision|\bDD\b", re.I)),
    ("MD", re.compile(r"\bmayoral decision|\bmayor's decision|\bMD\b", re.I)),
    ("CO", re.compile(r"(?i:\bchief officer(?:'s)? decision)|\bCO\b")),  # "CO" upper case only
)


# The kind the asking words name: "Under which mayoral delegation did the January 2014 director decision…"
# asks an MD; the director decision is the one asked about.
_ASKED_KIND = re.compile(
    r"\b(?:which|what)\s+(?:(?:earlier|previous|prior|original|other|parent)\s+)?"
    r"(?P<kind>assistant director(?:'s)? decision|director(?:'s)? decision|mayoral (?:decision|delegation)"
    r"|mayor's decision|chief officer(?:'s)? decision|ADD|DD|MD|CO)\b",
    re.I,
)


def asked_prefix(question: str) -> str | None:
    asked = _ASKED_KIND.search(question)
    if asked:
        kind = asked["kind"].replace("delegation", "decision")
        return next((prefix for prefix, said in _PREFIXES if said.fullmatch(kind)), None)
    found = [prefix for prefix, said in _PREFIXES if said.search(question)]
    return found[0] if len(found) == 1 else None


# "2026-27", "2024/25", "2019": a year as a question names one, and as a passage attaches one to
# a figure ("£31,469m in 2025-26, £19,332m in 2026-27 and £21,599m in 2027-28").
_YEAR = re.compile(
    r"\b(?P<full>(?:19|20)\d\d)(?P<to>\s?[-/–]\s?(?:(?:19|20)?\d\d))?\b"
    r"|(?:\byear|\bFY)\s?(?P<short>\d\d)[-/]\d\d\b"  # "financial year 25-26", "FY24/25"
    r"|(?<![\d/£$.,])(?P<fy>[0-2]\d)/(?P<next>\d\d)(?![\d/%])",  # "17/18 to 20/21": one year, then the next
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Year:
    first: str  # "2025" for "2025-26" and for "financial year 25-26"
    ranged: bool
    end: int  # where it ends in the text read
    since: bool = False  # "Since 2017, it has supported 86 projects": that year and every one after
    firsts: tuple[str, ...] = ()  # the financial years it covers: "2021-23" is 2021-22 and 2022-23
    start: int = 0  # where it starts in the text read

    @property
    def covered(self) -> tuple[str, ...]:
        return self.firsts or (self.first,)

    @property
    def last(self) -> str:
        """The year a period of several ends in: "2022" of "2017-2022" and of "2017-22"."""
        return str(int(self.firsts[-1]) + 1) if self.firsts else self.first


def _firsts(first: str, to: str | None) -> tuple[str, ...]:
    """The first years of the financial years a range covers ("2021-23": 2021, 2022); empty for one."""
    digits = re.sub(r"\D", "", to or "")
    last = int(digits if len(digits) == 4 else first[:2] + digits) if digits else 0
    return tuple(str(y) for y in range(int(first), last)) if last - int(first) > 1 else ()


def years(text: str) -> list[_Year]:
    return [
        _Year(
            m["full"] or f"20{m['short'] or m['fy']}",
            bool(m["to"] or m["short"] or m["fy"]),
            m.end(),
            text[max(0, m.start() - 6) : m.start()].lower() == "since ",
            _firsts(m["full"], m["to"]) if m["full"] else (),
            m.start(),
        )
        for m in _YEAR.finditer(text)
        if not m["fy"] or int(m["next"]) == int(m["fy"]) + 1
    ]


@functools.lru_cache(maxsize=256)
def years_named(text: str) -> frozenset[str]:
    return frozenset(y.first for y in years(text))


@functools.lru_cache(maxsize=256)
def _ranges_named(text: str) -> frozenset[str]:
    return frozenset(y.first for y in years(text) if y.ranged)


# "…up to 2027-28", "until the end of 2027-28": the year a period asked about ends.
# ("…programme running to 2020/21": the end of its period, "between 17/18 to 20/21"; "…to run Warmer Homes
# London to 2027-28".)
_UNTIL = re.compile(
    r"\b(?:up to|until|till|through|by|to|(?:running|runs|ran|lasting|extending|extended|continuing) to)\s+"
    r"(?:the end of\s+)?$",
    re.I,
)


def names_asked_year(question: str, text: str, title: str, signed: str | None = None) -> bool:
    """Does a decision (its text and title) name a year the question asks about (true if it asks none)?
    A financial year asked ("2016-17") is named as one: "by March 2016" is the year before's. One year
    asked is not named by a period that merely holds it ("across the years 2019/20 – 2022/23"): such
    a decision's sums are the period's. The year a decision was signed in (`signed`, "2018-05-08") is its
    own: a budget approved in May 2018 is 2018-19's though its page only says "slippage from 2017-18"."""
    if signed_in_asked_year(question, signed, text):
        return True
    asked = years(question)
    lone = {y.first for y in asked if not y.ranged}
    ranged = {y.first for y in asked if y.ranged} | _years_between(question)
    # "…up to 2027-28" asks of a period's end: "from 2025-26 to 2027-28" names it.
    one = len(asked) == 1 and not asked[0].firsts and not _UNTIL.search(question[: asked[0].start])
    said_lone = _years_alone(text) if one else years_named(text)
    said_ranged = _years_alone(text, ranged=True) if one else _ranges_named(text)
    return not asked or bool(
        lone & (said_lone | years_named(title))
        or ranged & (said_ranged | _ranges_named(title))
        or any((y.first, y.last) in _periods_spelt(text) for y in asked if y.firsts)
    )


# "2017-2022" asked, "…lost in London between 2017 and 2022" said: a period of years in words.
_PERIOD_SPELT = re.compile(
    r"\b(?:between|from)\s+((?:19|20)\d\d)\s+(?:and|to|until)\s+((?:19|20)\d\d)\b", re.I
)


@functools.lru_cache(maxsize=256)
def _periods_spelt(text: str) -> frozenset[tuple[str, str]]:
    return frozenset((m[1], m[2]) for m in _PERIOD_SPELT.finditer(text))


def dates_nothing(text: str, title: str, signed: str | None) -> bool:
    """Does a page give no year at all, nor a signed date (MD3274's opening)?"""
    return signed is None and not years_named(text) and not years_named(title)  # (cached: read per passage)


def is_asked_year(question: str, value: str) -> bool:
    """Is a value only a year the question itself states, however written? "…all 20 violence reduction
    units for 2025-26?" is not answered "2025-2026": the question says which year it asks about."""
    said = years(value)
    if len(said) != 1 or re.sub(r"[\W_]", "", value[: said[0].start] + value[said[0].end :]):
        return False
    return any(
        (y.first, y.ranged, y.firsts) == (said[0].first, said[0].ranged, said[0].firsts)
        for y in years(question)
    )


# "Crossrail business rate supplement policies 2021-22 to 2023-24": the years between are asked too.
_FROM_TO_YEARS = re.compile(r"\b(20\d\d)[-/]\d\d\s*(?:to|–|until|through)\s*(20\d\d)[-/]\d\d\b")


def _years_between(question: str) -> set[str]:
    return {str(y) for m in _FROM_TO_YEARS.finditer(question) for y in range(int(m[1]) + 1, int(m[2]))}


def signed_in_asked_year(question: str, signed: str | None, text: str) -> bool:
    """Was the decision signed (`signed`, "2018-05-08") in the one year the question asks of, its text
    naming no year from that one on? (MD1590, signed in January 2016, sets the Crossrail levy "in the
    2016-17 financial year": its figures are the next year's.)"""
    asked = years(question)
    if (
        not signed
        or len(asked) != 1
        or asked[0].firsts
        or asked[0].first != _year_of(signed, asked[0].ranged)
    ):
        return False
    first, financial = int(asked[0].first), asked[0].ranged
    # (The page's own "08 May 2018" is no later year than 2018, nor a financial year.)
    return not any(
        int(y.first) >= first if financial else int(y.first) > first
        for y in years(text)
        if y.ranged == financial
    )


def _year_of(day: str, financial: bool) -> str:
    """The calendar year of an ISO date, or the first year of its financial year (April to March)."""
    year, month = int(day[:4]), int(day[5:7])
    return str(year - 1 if financial and month < 4 else year)


@functools.lru_cache(maxsize=256)
def _years_alone(text: str, ranged: bool = False) -> frozenset[str]:
    """The years a text names other than as the ends of a period ("2019/20 – 2022/23", "2024-29")."""
    stated = years(text)
    ends = {j for i in _joined(text, stated) for j in (i, i + 1)}
    alone = [y for i, y in enumerate(stated) if i not in ends and len(y.firsts) <= 1]
    return frozenset(y.first for y in alone if y.ranged or not ranged)


def names_asked_boroughs(question: str, text: str, title: str) -> bool:
    """Does a decision name every borough the question asks about ("How many street trees did Barnet
    plant…" is not answered by a decision that never names Barnet)?"""
    return boroughs_named(question) <= boroughs_named(text) | boroughs_named(title)


def year_fit(question: str, text: str, span: Span, signed: str | None = None, title: str = "") -> float:
    """For a question naming a year: 1 for a figure stated with that year or with no year of its
    own beside it, 0 for one stated with another year or in a text whose years are all others
    (unless the decision was signed in the asked year: "Love London £126,000 - £36,000 of which is
    slippage from 2017-18" in May 2018 is the 2018-19 budget), or in a text dating nothing of a decision
    whose title spans the asked year among others."""
    named = years(question)
    asked = {f for y in named for f in y.covered}  # "over 2021-23": a figure for 2021-22 or 2022-23
    if not asked:
        return 1.0
    # "2015-16" also covers a figure "by March 2016" (a lone year); a range is matched by its start.
    spanned = asked | {str(int(y.covered[-1]) + 1) for y in named if y.ranged}
    own, after = _own_year(text, span)
    window = max(0, span.start - 40)
    # Asked of a period by its end ("…programme running to 2020/21"), a figure stated for a period that
    # reaches it ("£5,360,000 between 17/18 to 20/21") is the period's.
    ends = {y.first for y in named if _UNTIL.search(question[: y.start])}
    if ends and after and ends & {y.first for y in years(_around(text, span)[0])}:
        return 1.0
    opens = after and _opens_period(text[span.end :], own)
    if opens and asked & set(own.covered) and _open_periods(question):
        return 1.0  # asked "from 2023 onwards", "£507,000 … from 2023 through to 2026" is that sum
    if opens and len(asked) == 1:
        # "up to £507,000 to deliver air quality projects from 2023 through to 2026": a sum for the
        # years from one on, not the figure for the one asked ("in 2023-24 (£390,000)").
        return 0.0
    if own is None and _NOW.search(text[window : span.start]):
        # "from managing c£50m … in 2010-11 to currently managing £3bn": today's, not 2010-11's; but
        # "…currently managing £3bn of cash and more than £4bn of borrowings in 2017-18" is 2017-18's.
        later = years(re.split(r"[.;]", text[span.end :])[0])
        return 1.0 if any(asked.intersection(y.covered) for y in later) else 0.0
    # "…the five-year delivery plan starting 2024-25": a period asked by its first year, whose figure a
    # period that starts then states ("(2024-25 to 2028-29), with expenditure approval of £64.31m").
    starts = {int(y.covered[0]) for y in named if _STARTS_PERIOD.search(question[: y.start])}
    if own is None and starts and any(held.start in starts for held in _periods(text)):
        return 1.0
    if own is None and len(asked) == 1 and _period_around(text, asked):
        # "£2.3m … across the years 2019/20 – 2022/23": the sum is the period's, not one year's of it.
        return 0.0
    if (
        own is None
        and len(asked) == 1
        and all(y.ranged for y in named)  # a financial year's figure ("in 2018" may say when it was signed)
        and not ends  # ("…to run Warmer Homes London up to 2027-28?" asks the period's sum)
        and not years(text)
        and _period_around(title, asked)
    ):
        # "…expenditure of £910,000 to deliver the supporting activities…" in "Air quality programme –
        # supporting work (2018/19 to 2020/21)": the decision's sum is its period's, not 2018/19's.
        return 0.0
    if own is None:
        # "£323,946 to Crisis by grant, and £118,584 to St Mungo's by grant, in 2023-24": a year the
        # sentence states for all its figures, when it is never the asked one.
        # Not a year in an aside: "…recommendation (agreed in 2009), the … settlement of 1%" dates the recommendation.
        other = only_other_years(question, _ASIDE.sub("", text))
        return 0.0 if other and not signed_in_asked_year(question, signed, text) else 1.0
    # A figure stated for another year does not answer for this one (0: never the answer).
    return 1.0 if (asked if own.ranged else spanned).intersection(own.covered) else 0.0


def _own_year(text: str, span: Span) -> tuple[_Year | None, bool]:
    """The year a figure is stated for, and whether it follows the figure: in its own clause after
    it ("£370,000 in 2018/19"), or ending a few words before it ("the 2021-22 budget of £1.3m")."""
    clause, lead = _around(text, span)
    after = years(clause)
    if after and _COMPARED.match(clause, 0, after[0].start):
        after = []  # "£350m (as was agreed for 2024-25)": the year it is compared with, not its own
    before = [y for y in years(lead) if len(lead) - y.end <= 16]
    own = after[0] if after else (before[-1] if before else None)
    if not after and before and _SAME_AS.search(lead):
        own = None  # "for 2025-2026, the same allocation as 2024-2025 of £932,764": both years' figure
    if before and _FIGURE_OF_YEAR.search(lead):
        own = before[-1]  # "in 2023-24 (£390,000), 2024-25 (£58,500)": the year its bracket follows
    return own, bool(after)


def _around(text: str, span: Span) -> tuple[str, str]:
    """The figure's own clause after it (up to the next figure, within a few words) and the words just before it."""
    return text[span.end : span.end + 48].split("£")[0], text[max(0, span.start - 40) : span.start]


# "How much per year…", "the annual budget for 2021-22 to 2024-25": one year's figure is asked.
_YEARLY_ASKED = re.compile(r"\b(?:per|each|every|a) (?:year|annum)\b|\bannual(?:ly)?\b|\byearly\b", re.I)


_PERIOD_END = re.compile(r"(?:[-–—]|\bto|\bthrough|\buntil|\btill|\band)\s*$", re.I)


def _single_years_asked(question: str) -> set[str]:
    """The years a question asks one by one, not as the ends of a period: "in 2022-23" of "…the Small Sites
    Small Builders 2022-25 decision give TfL in 2022-23?", none of "between 2017/18 and 2020/21"."""
    if not _periods(question):
        return set()  # no period beside it ("from 2023 onwards" opens one)
    return {
        y.first
        for y in years(question)
        if len(y.covered) == 1
        and not _PERIOD_END.search(question[: y.start])
        and not re.search(r"\b(?:from|since)\s*$", question[: y.start], re.I)
        and not re.match(r"\s*[-–—]", question[y.end :])
        and not _PERIOD_TO.match(question, y.end)
    }


def _single_year_asked_and_said(question: str, text: str) -> bool:
    """Does the question ask one year beside a period that the text states? That year is asked; the period
    names the programme."""
    return bool(_single_years_asked(question) & {y.first for y in years(text) if len(y.covered) == 1})


def one_year_of_period(question: str, text: str, span: Span) -> bool:
    """Asked of a period ("total spend … 2018/19 to 2020/21"), is the figure one year's part of it
    ("£370,000 in 2018/19, £270,000 in 2019/20 …")?"""
    if _YEARLY_ASKED.search(question):
        return False
    if any(_periods(words) for words in _around(text, span)):
        return False  # "£3,560,000 between 2017/18 to 2020/21": its year opens a period of its own
    asked = {y for held in _periods(question) + _open_periods(question) for y in held}
    own, after = _own_year(text, span)
    if after and _opens_period(text[span.end :], own):
        return False
    # "…the Small Sites Small Builders 2022-25 decision give TfL in 2022-23?": that one year is asked too.
    if own is not None and len(own.covered) == 1 and own.first in _single_years_asked(question):
        return False
    return len(asked) > 1 and own is not None and len(own.covered) == 1 and int(own.covered[0]) in asked


_ASIDE = re.compile(r"\([^()]*\)")
_SAME_AS = re.compile(r"\bsame\b[^.;£\d]{0,30}\bas\s+(?:in\s+)?\S*\d{4}\S*\s*(?:of|at|,)?\s*$", re.I)
# "…at a level of £350m (as was agreed for 2024-25)", "£2m, as in 2019-20": a year the figure is likened to.
_COMPARED = re.compile(r"\W*(?:the\s+same\s+)?as\b[^.;£\d]{0,30}$", re.I)
_NOW = re.compile(r"\b(?:currently|now|at present|today)\b[^.;£\d]{0,20}$", re.I)
_ACT_YEAR = re.compile(r"\bAct,? (?:19|20)\d\d\b")
_FIGURE_OF_YEAR = re.compile(r"\d\s*[(:]\s*$")
_PERIOD_FROM = re.compile(r"\b(?:from|between)\s+$")
_PERIOD_TO = re.compile(r"\s*(?:through|to|until|till|and)\b")


_PERIOD_JOIN = re.compile(r"\s*(?:[-–—]|to|through(?: to)?|until)\s*$")


def _periods(text: str) -> list[range]:
    """The periods of several years the text states ("2019/20 – 2022/23", "from 2021 to 2024"), in first
    years of financial years: "2019/20 – 2022/23" holds 2019 to 2022; "2022 to 2023" is one year."""
    stated = years(text)
    out = [range(int(y.firsts[0]), int(y.firsts[-1]) + 1) for y in stated if len(y.firsts) > 1]  # "2024-29"
    for i in _joined(text, stated):
        first, last = stated[i], stated[i + 1]
        held = range(int(first.covered[0]), int(last.covered[-1]) + last.ranged)
        if len(held) > 1:
            out.append(held)
    return out


def _joined(text: str, stated: list[_Year]) -> list[int]:
    """Where a year and the next are joined as a period's ends ("2019/20 – 2022/23", "from 2021 to 2024",
    "between 2021 and 2024"):
    the first one's place in `stated`."""
    out = []
    for i, (first, last) in enumerate(itertools.pairwise(stated)):
        between = text[first.end : last.start] == " and " and _PERIOD_FROM.search(text[: first.start])
        if _PERIOD_JOIN.fullmatch(text[first.end : last.start]) or between:
            out.append(i)
    return out


def _period_around(text: str, asked: set[str]) -> bool:
    """Does the text state a period of several years that holds the asked year among others?"""
    return any(int(y) in held for held in _periods(text) for y in asked)


_STARTS_PERIOD = re.compile(
    r"\b(?:starting|beginning|commencing|starts|started|begins|began)\s+(?:in\s+|from\s+)?$", re.I
)


# "spending from 2023 onwards", "2019 onward": a period with no end named.
_ONWARDS = re.compile(r"\s+onwards?\b|\s+and (?:after|beyond)\b", re.I)


def _open_periods(question: str) -> list[range]:
    """The periods a question names by their first year alone ("from 2023 onwards"), to a decade on."""
    return [
        range(int(y.covered[0]), int(y.covered[0]) + 10)
        for y in years(question)
        if _ONWARDS.match(question, y.end)
    ]


def periods_asked(question: str) -> list[range]:
    """The periods of several years the question names ("2015-16 to 2017-18", "2024-29"), in first years."""
    return _periods(question)


def states_asked_period(question: str, text: str) -> bool:
    """Asked of a period ("…Delivery Plan 2024-25 to 2028-29"), does the text state that period, not
    only a year of it ("…to be spent by the end of 2028-29 from the £212.5m budget envelope")? True
    when no period is asked."""
    asked = _periods(question)
    if not asked or _single_year_asked_and_said(question, text):
        return True
    # "£270,000 in 2021-22, £1.4m in 2022-23, £1m in 2023-24, and £1m in 2024-25": each year of it, in turn.
    each = {int(f) for y in years(text) for f in y.covered}
    return bool(set(map(tuple, asked)) & set(map(tuple, _periods(text)))) or any(
        set(p) <= each for p in asked
    )


@functools.lru_cache(maxsize=1024)  # asked of one question for every passage read
def periods_said(question: str, text: str) -> frozenset[str]:
    """The question's periods written as one span ("Sport Unites … 2021-25", "Delivery Plan 2024-29") that the
    text states in its own way: as its ends ("2024-25 to 2028-29") or each year in turn ("£270,000 in
    2021-22, … £1m in 2024-25")."""
    spans = [y for y in years(question) if len(y.firsts) > 1]
    if not spans:
        return frozenset()
    each = {int(f) for y in years(text) for f in y.covered}
    stated = {(p.start, p.stop) for p in _periods(text)}
    return frozenset(
        question[y.start : y.end].lower()
        for y in spans
        if (int(y.firsts[0]), int(y.firsts[-1]) + 1) in stated or {int(f) for f in y.firsts} <= each
    )


def _opens_period(text: str, year: _Year) -> bool:
    """Is the year the start of a period ("from 2023 through to…", "between 2021 and 2024")?"""
    start = text.rfind(year.first, 0, year.end)
    return bool(_PERIOD_FROM.search(text[:start]) and _PERIOD_TO.match(text[year.end :]))


def states_no_year(text: str) -> bool:
    """Does the text name no year ("…under section 121 of the GLA Act 1999" names an Act)?"""
    return not years(_ACT_YEAR.sub("Act", text))


def only_other_years(question: str, text: str) -> bool:
    """Does the text state years, none of them one the question asks about? ("…grant funding to L&P
    from 2011/12 to 2014/15" says nothing of 2015/16.)"""
    named = years(question)
    asked = {f for y in named for f in y.covered}
    stated = years(_ACT_YEAR.sub("Act", text))  # "…under s67(1) of the GLA Act 1999": a name's year
    if not asked or not stated:
        return False
    spanned = asked | {str(int(y.covered[-1]) + 1) for y in named if y.ranged}
    lone = {y.first for y in named if not y.ranged}  # an asked "2018" is in a stated "2017-18"
    fits = any(
        bool(asked.intersection(y.covered)) or str(int(y.first) + 1) in lone
        if y.ranged
        else y.first in spanned
        for y in stated
    ) or any(y.since and min(map(int, asked)) >= int(y.first) for y in stated)  # "by 2021"
    return not fits


# "round 3", "phase two", "the second tranche": a numbered part of a programme. A passage about
# round 2 does not answer a question about round 3, whatever else it shares with it.
_PARTS = "|".join(sorted(PART_WORDS))
_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_NUMBERED = re.compile(
    rf"\b(?:({_PARTS})\s+(\d{{1,2}}|[a-z]+)\b|({'|'.join(_ORDINALS)})\s+(?:[a-z]+ing\s+)?({_PARTS})\b)", re.I
)


# "Warmer Homes 3", "Round 2": a name followed by its number.
_NAMED_NUMBER = re.compile(r"\b([A-Z][a-z]{2,}) ([1-9])\b(?![\d,.%/])")


@functools.lru_cache(maxsize=1024)  # asked of the same question for every piece of evidence
def _parts(text: str) -> frozenset[tuple[str, int]]:
    found = {(m.group(1).lower(), int(m.group(2))) for m in _NAMED_NUMBER.finditer(text)}
    for m in _NUMBERED.finditer(text):
        part, number = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        number = number.lower()
        value = (
            int(number)
            if number.isdecimal()
            else NUMBER_WORDS.get(number, _ORDINALS.index(number) + 1 if number in _ORDINALS else None)
        )
        if value:
            found.add((part.lower(), value))
    return frozenset(found)


def parts_said(question: str, text: str) -> frozenset[str]:
    """The stems of the question's words naming a part ("the second round", "first stage") the text names
    in other words ("Round 2", "Stage 1"): the text says them."""
    there = _parts(text)
    said: set[str] = set()
    for m in itertools.chain(_NUMBERED.finditer(question), _NAMED_NUMBER.finditer(question)):
        if _parts(m.group()) & there:
            said |= stems(m.group())[0]
    return frozenset(said)


def asked_parts(question: str) -> frozenset[tuple[str, int]]:
    """The rounds, phases, stages… a question names ("round 2" → ("round", 2))."""
    return _parts(question)


def names_asked_part(question: str, text: str, title: str) -> bool:
    """Does a decision name the part the question asks of ("round 2", "the seventh round") as its own: in its
    title, or in a text naming no other part of that kind (true if it asks none)? A later round's decision
    recalls the earlier ones."""
    asked = _parts(question)
    if not asked:
        return True
    if asked & _parts(title):
        return True
    there = _parts(text)
    return all((part, n) in there and not any(p == part and m != n for p, m in there) for part, n in asked)


_PART_ASKED = re.compile(rf"\b(?:which|what)\s+({_PARTS})\b", re.I)  # "Which round of…", "What phase…"


def other_part_said(question: str, sentence: str) -> bool:
    """Does the sentence number only another part of the kind the question asks of ("…projects that applied to
    the … sixth round of the London Community Energy Fund" for "…in the seventh round…")?"""
    asked = _parts(question)
    said = _parts(sentence)
    return not asked & said and any(p == part and m != n for part, n in asked for p, m in said)


def says_which_part(question: str, text: str) -> bool:
    """Asked "Which round of…?", does the text number a round ("an eighth round", "Round 8")? True when
    no part is asked."""
    asked = _PART_ASKED.search(question)
    return not asked or any(part == asked.group(1).lower() for part, _ in _parts(text))


def asked_part_named(question: str, text: str) -> tuple[int, int] | None:
    """Asked "Which round of…?", where the text numbers the one round it names ("…delivery of [an eighth
    round] of the programme"); None when no part is asked, or the text numbers none or several."""
    asked = _PART_ASKED.search(question)
    if not asked:
        return None
    kind = asked.group(1).lower()
    named = [
        m
        for m in _NUMBERED.finditer(text)
        if (m.group(1) or m.group(4) or "").lower() == kind and (m.group(3) or m.group(2).isdigit())
    ]
    return named[0].span() if len(named) == 1 and len(_parts(text)) == 1 else None


# "Under which section of the GLA Act…": a numbered provision of a law, as the page writes it.
_PROVISION = r"\b{}s?\s+(\d{{1,4}}[A-Z]{{0,2}}(?:\(\d+\))?)"


def asked_provision_named(question: str, text: str) -> tuple[int, int] | None:
    """Asked "Under which section of…?", where the text names its one section ("…under [section 121] of the
    GLA Act 1999"); None when none is asked, or the text names none or several."""
    asked = PROVISION_ASKED.search(question)
    if not asked:
        return None
    return _named_once(re.finditer(_PROVISION.format(asked.group(1).lower()), text, re.I), whole=True)


# "…is part of which Mayoral programme?", "Which delivery plan is … captured in?": the name of a thing of that
# kind is asked ("the Mayor’s [Life off the Streets programme]", "the [Making Best Use of Land Delivery Plan]").
# (Only words describing the noun between: "What does the programme include?" and "What is the programme for?"
# ask no programme's name.)
_THING_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:(?!(?:is|are|was|were|do|does|did|will|would|can|could|has|have|had|the|a|an)\b)"
    r"[\w’'-]+\s+){0,2}?(programme|scheme|fund|plan|strategy|initiative|framework)\b(?!\s*\d)",
    re.I,
)
_THING_NAME_PART = r"(?:[A-Z][\w’'&-]*|of|off|the|for|on|to|in|at)"  # ("and" joins two names)


_PUBLISHER_WORDS = frozenset(["gla", "gla’s", "gla's", "london", "london’s", "london's"])


def thing_named(question: str, text: str) -> tuple[int, int] | None:
    """Asked which programme (plan, fund…), where the text names one of that kind by a capitalised name the
    question does not write ("…which forms part of the Mayor’s [Life off the Streets programme]"); None when
    none is asked, or the text names none or several."""
    asked = _THING_ASKED.search(question)
    if not asked:
        return None
    noun = asked.group(1).lower()
    own = {w.lower() for w in re.findall(r"[\w’'-]+", question)}
    names = [
        m
        for m in re.finditer(rf"((?:[A-Z][\w’'&-]*\s+)(?:{_THING_NAME_PART}\s+)*?(?i:{noun}))\b", text)
        # A name of its own: a capitalised word the question does not write ("Rough Sleeping" asked is no answer),
        # nor the publisher's ("the GLA Rough Sleeping Programme" for "which mayoral programme").
        if any(
            w[0].isupper() and w.lower() not in own and w.lower() not in _PUBLISHER_WORDS
            for w in m.group(1).split()[:-1]
        )
    ]
    named = _named_once(names)
    if named and text[: named[0]].endswith("the "):
        return named[0] - 4, named[1]  # "the Mayor’s … programme", as the page writes it
    return named


# "Which two reserve-list projects were funded…": so many things of a kind, by the plural that names it.
_COUNTED_ASKED = re.compile(
    r"\b(?:which|what|name the|list the)\s+(\w+)\s+(?:[\w’'-]+\s+){0,3}?(\w{3,}s)\b", re.I
)


def counted_list(question: str, text: str) -> tuple[int, int] | None:
    """Asked "which two <things>", where the text announces that many of them before a colon ("…two projects from
    the Good Growth Fund round 2 reserve list: [A’s ‘…’ project and B’s ‘…’ project]"): the list, when it
    holds exactly that many items; else None."""
    asked = _COUNTED_ASKED.search(question)
    number = NUMBER_WORDS.get(asked.group(1).lower()) if asked else None
    if number is None and asked and asked.group(1).isdecimal():
        number = int(asked.group(1))
    if not number or number < 2:
        return None
    noun = asked.group(2).lower().removesuffix("s")
    said = rf"(?:{asked.group(1)}|{number})"
    for m in re.finditer(
        rf"\b{said}\s+(?:[\w’'-]+\s+){{0,3}}?{re.escape(noun)}s?\b[^.:;]{{0,100}}:\s*", text, re.I
    ):
        end = _sentence_end(text, m.end())
        items = [p for p in re.split(r";|,\s+|\s+and\s+", text[m.end() : end]) if p.strip(" ,;")]
        if len(items) == number and all(len(p.split()) <= 15 for p in items):
            return m.end(), end
    return None


_SENTENCE_STOP = re.compile(r"\.(?=\s|$)")  # (not a decimal point)


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence going on at `start` ends: at ". " (not a decimal point) or the text's end."""
    stop = _SENTENCE_STOP.search(text, start)
    return stop.start() if stop else len(text.rstrip())


def _named_once(found: Iterable[re.Match], whole: bool = False) -> tuple[int, int] | None:
    """Where the text names one thing (its first group), however often: None when it names none or several."""
    named = list(found)
    if not named or len({m.group(1) for m in named}) != 1:
        return None
    return named[0].span() if whole else named[0].span(1)


# "Whom did the Executive Director consult before approving…": who the decision was taken with.
_CONSULTED_ASKED = re.compile(r"\b(?:who|whom)\b.*\bconsult(?:s|ed|ing)?\b", re.I)
# "…, in consultation with [the Deputy Chief of Staff and the Deputy Mayor for Children and Families]
# approves:": the names run to the verb or the clause's end ("and" joins them, so it ends nothing).
_CONSULTED = re.compile(
    r"\bin consultation with\s+((?:the\s+)?[A-Z][^,;:.()]*?)"
    r"(?=\s*(?:[,;:.()]|$)|\s+(?:approves?|agrees?|authori[sz]es?|decides?|delegates?|has|have|had|is|was|will)\b)"
)


def consulted_named(question: str, text: str) -> tuple[int, int] | None:
    """Asked whom someone consulted, where the text names them once after "in consultation with"; None
    when it is not asked, or the text names none or several."""
    if not _CONSULTED_ASKED.search(question):
        return None
    return _named_once(_CONSULTED.finditer(text))


# "Who made representations that led TfL to explore…", "Whose representations led…": those the act's noun is
# "from" ("Following representations from [the Mayor of Kyiv, Ukrainian Embassy and volunteer groups], and in
# consultation with…").
_MAKER_ASKED = re.compile(
    r"^\s*(?:(?:who|which \w+)\s+(?:made|sent|submitted|lodged|raised|put forward)\s+(?:the\s+|a\s+)?|whose\s+)"
    r"(?P<noun>[a-z]+s)\b",
    re.I,
)


# "Who pushed for … vehicles to be sent to Ukraine?": whoever urged it made representations or requests.
_URGED_ASKED = re.compile(
    r"^\s*who\s+(?P<verb>pushed|lobbied|called|asked|pressed|campaigned|appealed)\s+for\b", re.I
)
_URGINGS = r"(?:representations|requests|calls|appeals)"


def urging_verb(question: str) -> str | None:
    """ "pushed" of "Who pushed for…": it asks who urged, not what the passage must say."""
    urged = _URGED_ASKED.match(question)
    return urged.group("verb").lower() if urged else None


def maker_named(question: str, text: str) -> tuple[int, int] | None:
    """Asked who made representations (requests, bids…), where the text names those they came "from" once: the
    names run to the clause's end, a comma before a word in lower case ("…, and in consultation with…")."""
    asked = _MAKER_ASKED.match(question)
    if not asked and not _URGED_ASKED.match(question):
        return None
    noun = re.escape(asked.group("noun")) if asked else _URGINGS
    return _named_once(
        re.finditer(
            rf"\b{noun}\s+(?:from|by)\s+((?:the\s+)?[A-Z][^;:.()]*?)(?=,\s+(?:and\s+)?[a-z]|[;:.()]|$)", text
        )
    )


# "Which professional body issued the code of practice…": the name the text gives the same verb's agent
# ("…Code of Practice (the Code), issued by [the Chartered Institute of Public Finance and Accountancy]").
_AGENT_ASKED = re.compile(r"^\s*(?:who|which(?:\s+[a-z]+){1,2}?)\s+(?P<verb>[a-z]{3,}ed)\b(?!\s+by\b)", re.I)
# Not the decision's own acts: who approved or signed it is read from its record.
_RECORD_VERBS = frozenset("approved signed decided agreed authorised authorized consented delegated".split())


def agent_named(question: str, text: str) -> tuple[int, int] | None:
    """Asked who did something ("Which body issued…"), where the text names once who it was done by."""
    asked = _AGENT_ASKED.match(question)
    if not asked or asked.group("verb").lower() in _RECORD_VERBS:
        return None
    verb = re.escape(asked.group("verb").lower())
    return _named_once(
        re.finditer(
            # (The names run on past ", and" before a capital: "…developed by the GLA’s Housing and Land, and
            # Regeneration teams".)
            rf"\b{verb}\s+by\s+((?:the\s+)?[A-Z][^;:.()]*?)"
            r"(?=,\s+(?:and\s+[a-z]|(?!and\b)[a-z])|\s*[;:.()]|\s+(?:and|or|to|in|on|for|with|which|who|that|as|under)\s+[a-z]|$)",
            text,
        )
    )


# "How is the one-off £978,000 top-up … being paid for?": the means the text gives ("…£978,000 funded [through a
# drawdown from the Strategic Investment Fund within GLA Group Reserves]").
_MEANS_ASKED = re.compile(
    r"^\s*how (?:is|was|are|were|will)\b[^?]*\b(?:paid for|funded|financed|met|covered)\s*\??\s*$", re.I
)
_MEANS_SAID = re.compile(
    r"\b(?:funded|financed|met|paid for|covered)\s+((?:through|by|from|via|out of)\s+[^;:.()]+?)"
    r"(?=\s*[;:.()]|,\s+(?:and\s+[a-z]|(?!and\b)[a-z])|$)"
)


def means_named(question: str, text: str) -> tuple[int, int] | None:
    """Asked how something is paid for, where the text says once what it is funded through or from."""
    if not _MEANS_ASKED.match(question):
        return None
    return _named_once(_MEANS_SAID.finditer(text))


_BEFORE_PART = re.compile(
    rf"\b(?:before|prior to|ahead of|preceding)\s+(?:the\s+)?(?:{_PARTS}|{'|'.join(_ORDINALS)})\b", re.I
)


# "The second phase of YLI, called ‘My London’, will operate from 2020 – 2024": a part given a name of its own.
_NAMED_PART = re.compile(
    r"\b(?:phase|round|stage|wave|tranche)\b[^.;]{0,40}?\b(?:called|named|known as|entitled|branded)\s+"
    r"[‘'\"“]([^’'\"”]{2,40})[’'\"”]",
    re.I,
)


def named_part_unsaid(question: str, decision_text: str, read: str) -> bool:
    """Does the question name a part by the name the decision gives it ("…the My London phase of Young London
    Inspired") while the text read does not? Then a passage recalling an earlier decision ("The YLI Programme,
    approved under cover of MD2171 … To date over 680 young people…") speaks of the earlier part."""
    asked = question.lower()
    return any(
        m.group(1).lower() in asked and m.group(1).lower() not in read.lower()
        for m in _NAMED_PART.finditer(decision_text)
    )


def part_of_title_only(question: str, text: str, title: str) -> bool:
    """The asked part ("phase 2") is named by the decision's title alone, not by the text read (asked
    "…before phase 2", the part named is not the one asked)."""
    asked = _parts(question)
    return (
        bool(asked) and not _BEFORE_PART.search(question) and not _parts(text) and bool(asked & _parts(title))
    )


def part_by_short_name(question: str, text: str, acronyms: Iterable[str]) -> str:
    """The question's words for its asked part ("seventh round") when the text writes that part as the
    programme's initials and number ("LCEF 7" for "the seventh round of the London Community Energy
    Fund"), else ""."""
    asked = {n for _, n in _parts(question)}
    if not asked:  # most questions name no numbered part: no text to scan
        return ""
    for acronym in acronyms:
        for m in re.finditer(rf"\b{re.escape(acronym)} ?(\d{{1,2}})\b(?![,.]?\d|%|/)", text):
            if int(m.group(1)) in asked:
                return " ".join(m.group() for m in _NUMBERED.finditer(question))
    return ""


def same_round(question: str, text: str, acronyms: Iterable[str] = (), whole: bool = False) -> bool:
    """False when the text names the asked part ("round 3") only by another number ("Round 2"), or,
    for a `whole` decision, never names its number at all ("Round 4 of the Good Growth Fund" in a
    decision about "Growth Deal 3")."""
    there = _parts(text)
    if part_by_short_name(question, text, acronyms):
        there |= _parts(question)  # "…the sixth round of LCEF. … administration of LCEF 7"
    if whole and _parts(question) and not {n for _, n in _parts(question)} & {n for _, n in there}:
        return False
    for part, number in _parts(question):
        others = {n for p, n in there if p == part}
        if others and number not in others:
            return False
    return True


# "How many street trees had actually been planted by the end of 2020-21?" asks what happened; a
# decision is written before it happens ("…will enable the planting of 7691 new street trees"): its
# figure is a plan, not the outcome asked.
_OUTCOME_ASKED = re.compile(
    r"\b(?:actually|in the end|so far|to date|by now|ended up|had (?:\w+ )?been \w+ed"
    # "How many learners completed the Bootcamps", "…went on to get jobs": what came of it.
    r"|completed|went on to)\b",
    re.I,
)
_PLANNED = re.compile(
    r"\b(?:will|would|shall|expected|expects?|aims?|aimed|anticipated|planned|plans?|targets?|targeted"
    r"|proposed|intends?|intended|estimated|forecasts?|projected|predicted|enable"
    # "…activity towards meeting the Mayor’s commitment to provide 250,000 positive opportunities": a pledge.
    r"|commitments?|committed to|pledges?|pledged|ambitions?"
    # "We can achieve this by providing … grant funding to … support their project to install around 300 …":
    # what money is given for, or could do, is yet to happen.
    r"|can|could|might|in order to|to support|to deliver|to fund"
    # "…the receipt and expenditure of up to £500,000 from London boroughs": a ceiling, not what was paid.
    r"|up to(?= ?£)"
    # "It includes activity to help … create 150,000 high quality jobs by 2028": jobs to come, not created.
    r"|to help|helps? to"
    # "Approval is sought for £489.5m … of delivering 21,307 homes": money sought for what is to come.
    r"|approval (?:is|was) sought|seeks? approval|seeking approval)\b",
    re.I,
)


# "What is the total cost of building the Memorial…?": a sum for building it, not "$92,544 … grant funding
# … for the delivery of learning activities as part of the Memorial" (construction as a topic, "construction
# skills", asks nothing of building).
_BUILDING_ASKED = re.compile(
    r"\bconstruction (?:costs?|budgets?)\b|\bcosts? (?:of|to) (?:build|building|constructing|construction)\b"
    r"|\bspen[dt]\w* on [^?]{0,60}\bconstruction\b\W*$",
    re.I,
)
_BUILDING_SAID = re.compile(
    r"\b(?:construct\w*|build\w*|built|capital|works?|fabricat\w*|install\w*)\b", re.I
)


def building_unsaid(question: str, sentence: str) -> bool:
    """Is a sum asked for building something, while the sentence says nothing of building?"""
    return bool(_BUILDING_ASKED.search(question)) and not _BUILDING_SAID.search(sentence)


def plan_for_outcome(question: str, sentence: str) -> bool:
    """Does the question ask what happened while the sentence only says what is planned?"""
    # (Not in a clause describing a sum stated: "…budget for 2020/21, out of which £692,000 had been approved?")
    asked = _DESCRIBING_CLAUSE.sub("", question)
    return bool(_OUTCOME_ASKED.search(asked)) and bool(_PLANNED.search(sentence))


_DESCRIBING_CLAUSE = re.compile(r",\s*(?:(?:out )?of|from|for)\s+which\b(?:[^,?]|(?<=\d),(?=\d))*", re.I)


# "On what date did the London Assembly approve the pay award?" asks when it was done; "The London Assembly
# is due to consider this proposal … on 5 June 2025" dates a meeting to come, not the act.
_ACT_ASKED = re.compile(
    r"\b(?:did|has|have|had)\b[^?]*?\b(?:approve|agree|endorse|confirm|decide|sign|adopt|ratify|accept)\b",
    re.I,
)
_SCHEDULED = re.compile(
    r"\b(?:is|are|was|were)\s+(?:due|scheduled|expected|planned|set|asked)\s+to\b|\bwill\s+(?:consider|meet|be\s+asked)\b"
    # "This Mayoral Decision seeks approval, subject to … the budget setting process for 2025-26, …": the
    # approval asked for, its years what it pays for.
    r"|\bseek(?:s|ing)?\s+(?:the\s+\S+\s+)?approval\b|\bapproval\s+is\s+sought\b",
    re.I,
)
_DONE_WORDS = r"(?:approved|agreed|endorsed|confirmed|decided|signed|adopted|ratified|accepted)"
_ACT_DONE = re.compile(rf"\b{_DONE_WORDS}\b", re.I)


def says_act_done(sentence: str) -> bool:
    """Does the sentence say something was approved, agreed, signed…? ("…appoint Mary Harpley … with
    effect from 10 September 2018" does not: its date is when the post is taken, not when it was decided.)"""
    return bool(_ACT_DONE.search(sentence))


# "Once approved and signed by the Mayor, the report … is due by 31 March 2024": an act to come, the date
# another's.
_ACT_PENDING = re.compile(rf"\bonce\s+(?:{_DONE_WORDS}\s+(?:and|or)\s+)?{_DONE_WORDS}\b", re.I)


def schedule_for_act(question: str, sentence: str) -> bool:
    """Does the question ask when something was done while the sentence only schedules it?"""
    return bool(
        _ACT_ASKED.search(question)
        and (_SCHEDULED.search(sentence) or _ACT_PENDING.search(sentence))
        and not _ACT_DONE.search(_ACT_PENDING.sub("", sentence))
    )


# "What was the unit price of each high visibility vest…?" asks what one costs; "expenditure of up to
# £15,000 to purchase high visibility vests" is what they all cost. So does "How much grant did each of
# the ten organisations … receive?" of "£30,000 in grant funding for a … programme delivered by a Cluster".
_UNIT_ASKED = re.compile(
    r"\bunit (?:price|cost)s?\b|\b(?:price|cost)\s+(?:of|for)\s+(?:each|one|a single)\b|\beach\s+\w+\s+cost\b"
    r"|\b(?:price|cost)\s+per\b"
    r"|\beach of (?:the|its|their|these|those)\b|\bhow much (?:(?:did|does|will|would|could) )?each\b"
    # "How much revenue funding does each … hub receive?", "…the maximum grant any single project could receive"
    r"|\bhow much\b[^?]{0,60}?\b(?:does|did|do|will|would|could|can)\s+each\b|\bany (?:single|one|individual)\b"
    # "What did each high-visibility vest bought for Team London volunteers cost?"
    r"|\bwhat (?:did|does|do|will|would) each\b[^?]{0,80}?\bcost\b"
    # "How much does TfL pay per car scrapped…" (not "per year": a year's figure, read elsewhere).
    r"|\bhow much\b[^?]{0,60}?\bper (?!cent\b|year|annum|month|week|day|hour|night)[a-z]+"
    # "How much grant can a Londoner receive for scrapping…": what one member gets, not the scheme's sum.
    r"|\bhow much\b[^?]{0,40}?\b(?:can|could|will|would|may|does|did)\s+(?:a|an|one|any)\s+(?:single\s+)?[a-z]+"
    r"\s+(?:receive|get|claim|be\s+(?:paid|given|awarded|offered))\b",
    re.I,
)
_UNIT_SAID = re.compile(r"\b(?:per(?!\s+cent\b)|each|unit|apiece|a head)\b", re.I)  # ("90 per cent": a share)


def total_for_unit(question: str, sentence: str) -> bool:
    """Does the question ask what one item costs (or one member gets) while the sentence states no sum per item,
    or a sum per another ("up to £500 per child" for "How much per meal…")?"""
    if not _UNIT_ASKED.search(question):
        return False
    asked = {w.lower().rstrip("s") for w in _PER_UNIT.findall(question)}
    said = {w.lower().rstrip("s") for w in _PER_UNIT.findall(sentence)}
    return not _UNIT_SAID.search(sentence) or bool(asked and said and not asked & said)


_PER_UNIT = re.compile(r"\bper\s+(?!cent\b)([a-z]+)", re.I)


# The converse: "universal free school meals 2024-25 maximum spend" asks the whole sum; "up to £500 per
# child" and "less than £7,400 a year" are rates, answering only a question that names their unit ("How
# much could families save per child…", "…the annual household income limit").
_SUM_ASKED = re.compile(
    # ("How much did the Mayor approve for universal free school meals…": not "up to £500 per child" saved.)
    r"\b(?:spend|spending|spent|expenditure|budgets?|total|allocat\w*|funding|invest\w*|maximum|costs?"
    r"|approv\w*)\b",
    re.I,
)
_RATE_STATED = re.compile(
    r"\s(?:per|a|an|each|every)\s+(?P<unit>(?!cent\b)[a-z]+)(?:\s+of\s+rateable\s+value)?$", re.I
)
_YEARLY = frozenset("year annum annual annually yearly".split())


def unit_for_total(question: str, figure: str) -> bool:
    """Does the question ask a whole sum while the figure is a rate whose unit it never names?"""
    rate = _RATE_STATED.search(figure)
    if not rate or not _SUM_ASKED.search(question):
        return False
    # "in the 2024-25 academic year" names which year, not a sum each year.
    plain = re.sub(r"\b(?:academic|financial|school|calendar)\s+years?\b", " ", question, flags=re.I)
    asked = {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z]+", plain)}
    unit = rate["unit"].lower().rstrip("s")
    named = {unit} | (_YEARLY if unit in _YEARLY else set())
    return not (named & asked or {"per", "each", "rate"} & asked)


# "Warmer Homes 3", "Crossrail 2": a programme's numbered edition. A sentence naming the programme without
# its number ("The Mayor’s Warmer Homes programme has operated since January 2018") speaks of another.
# (Not "Sport 4 Good": a number inside a name.)
_EDITION = re.compile(r"\b((?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]{2,}) ([1-9])\b(?![\d,.%/]|\s+[A-Z&])")
_BEFORE_NAME = frozenset(
    "how what which who when why where under in for the did does was were is are".split()
)


def other_edition(question: str, sentence: str) -> bool:
    """Does the sentence name the question's numbered programme ("Warmer Homes 3") without its number?"""
    for m in _EDITION.finditer(question):
        words = m.group(1).split()
        while words and words[0].lower() in _BEFORE_NAME:
            words = words[1:]
        if not words or words[-1].lower() in PART_WORDS:  # "Round 2": read by the round checks
            continue
        name = r"\s+".join(map(re.escape, words))
        number = m.group(2)
        if re.search(rf"\b{name}\b", sentence) and not re.search(rf"\b{name}\s*{number}\b", sentence):
            return True
    return False


# "the 2013 Team London Awards": a year naming which edition of a named event or programme.
_YEAR_NAMED = re.compile(r"\b((?:19|20)\d\d)\s+((?:[A-Z][\w’'&-]*\s+){0,5}[A-Z][\w’'&-]*)")


def other_year_edition(question: str, sentence: str) -> bool:
    """Does the sentence name the question's edition of a thing by another year ("…the nomination process
    for the 2014 Team London Awards" for "…the 2013 Team London Awards")?"""
    for m in _YEAR_NAMED.finditer(question):
        name = r"\s+".join(map(re.escape, m.group(2).split()))
        said = re.findall(rf"\b((?:19|20)\d\d)\s+{name}\b", sentence)
        if said and m.group(1) not in said:
            return True
    return False


# "How much will be allocated to the Ilford Town Centre Housing Zone?" names one of a group; "the Mayor
# indicatively allocates up to £310.7 million to fund interventions … within these Housing Zones" states
# what the group gets: the sentence names the asked thing's noun only in the plural.
_MEMBER_ASKED = re.compile(
    r"\bthe\s+(?:[A-Z][\w’'&-]*\s+){1,6}?(?P<noun>[A-Za-z]{3,}[^s\W])\b(?!\s+(?:(?:of|for|and|&)\b|[A-Z]))"
)
_NUMBER_WORDS = "|".join(w for w in NUMBER_WORDS if w != "one")
# Where money goes (a fund or programme named is more often where it comes from).
_MEMBER_NOUNS = ORG_WORDS | frozenset("zone site area borough school centre station project".split())


def group_for_member(question: str, sentence: str) -> bool:
    """Does the question ask about one named member while the sentence speaks only of the group?"""
    for asked in _MEMBER_ASKED.finditer(question):
        noun = asked.group("noun")
        if noun.lower() not in _MEMBER_NOUNS:
            continue  # "the Mayor allocate…": a verb, not the noun a name ends in
        # The group said as one: "these Housing Zones", "all eleven Zones", "the 33 boroughs".
        plural = re.search(
            rf"\b(?:these|those|all|both|\d+|{_NUMBER_WORDS})\s+(?:[A-Z][\w’'&-]*\s+){{0,4}}{re.escape(noun)}e?s\b",
            sentence,
            re.I,
        )
        if plural and not re.search(rf"\b{re.escape(noun)}\b", sentence, re.I):
            return True
    return False


# "…get on its own?", "…came from London Councils alone?": one share of a sum is asked.
_ONE_SHARE_ASKED = re.compile(
    r"\b(?:on its own|on their own|alone|by itself|individually|separately)\b", re.I
)
_NAME_WORD = re.compile(r"\b[A-Z][\w’'&-]*")
_SMALL_WORDS = frozenset(["the", "a", "an", "of", "and", "for", "in", "on", "to", "this", "that"])
_SIDE_WORDS = 7  # how far a side of "A and B" reaches either way, in words


def share_of_joint(question: str, sentence: str, payee: str | None = None) -> bool:
    """Does the question ask one share ("…Redbridge's Forge project … on its own?") of a sum the sentence
    gives two named things together ("…£2,183,379 … to support delivery of Better Bankside's 'Crossing the
    Line' project and the London Borough of Redbridge's 'The Forge' project")? It states no share.
    Asked what one payee got (`payee`: "How much did Better Bankside receive…"), so is a sum for it and
    another: the "and" then joins what one sum is for (no sum on either side: "£399,000 to the GLA and
    £1,684,000 to London Councils" gives each its own); so is a sum for a list the payee is one of
    ("£6.78m … to the following … projects: Sport Unites, Stepping Stones, HeadStart Action, …")."""
    alone = bool(_ONE_SHARE_ASKED.search(question))
    if "£" in sentence and _one_of_list_asked(question, payee, sentence[sentence.index("£") :]):
        return True
    if not alone and not payee:
        return False
    if alone and re.search(r"\b(?:total|overall|combined|together)\b", sentence, re.I):
        return True  # "This will take total approved capital expenditure through the Fund to £60,855,085."
    # (A payee's side names the payee: "…to MOPAC to fund the Knife Crime … and Major Trauma … projects" joins
    # what MOPAC's sum is for.)
    asked = {_bare(w) for w in re.findall(r"[\w’'&-]+", question if alone else payee or "")} - _SMALL_WORDS
    # (Both sides asked, "…went to Better Bankside's Crossing the Line and the Forge projects?", ask the sum.)
    named = {_bare(w) for w in re.findall(r"[\w’'&-]+", question)}
    for joint in re.finditer(r"\s+and\s+", sentence):
        left, right = _sides(sentence, joint)
        if not alone and ("£" not in sentence[: joint.start()] or re.search(r"£|\d", " ".join(left + right))):
            continue
        sides = []
        for side in (left, right):
            names = {_bare(m.group()) for w in side for m in [_NAME_WORD.match(w.lstrip("(‘“'\""))] if m}
            sides.append(names - _SMALL_WORDS)  # "‘The Forge’": "the" is any question's
        if alone:
            # One side's names are asked, the other side names something else, none of it asked.
            held = [(bool(names), bool(names & asked)) for names in sides]
            if held[0][0] and held[1][0] and held[0][1] != held[1][1]:
                return True
        elif any(asked <= one and other and not other & named for one, other in (sides, sides[::-1])):
            return True  # the payee's side, and another's the question never names
    return False


# "…allocated to the Stepping Stones project": a name of two or more capitalised words.
_QUESTION_NAME = re.compile(r"(?<!^)(?<![.?!] )\b[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)+")


def _one_of_list_asked(question: str, payee: str | None, text: str) -> bool:
    """Is the payee, or the one name the question gives that the sum's list holds ("How much … allocated to
    the Stepping Stones project?" of "£6.78m … to the following … projects: Sport Unites, Stepping Stones,
    HeadStart Action…"), one item of that list? (Two names of it asked may well ask the sum.)"""
    if payee:
        return _listed(payee, text)
    # (Between the list's commas, not the end of a name: "…the Healthy Place, Healthy Weight mission".)
    return len([n for n in _QUESTION_NAME.findall(question) if _between_commas(n, text, question)]) == 1


def _between_commas(name: str, text: str, question: str) -> bool:
    """Is the name an item between a list's commas, its neighbours items the question does not give (not a
    name written with commas: "the 2024-25 Culture, Creative Industries, and 24-Hour London revenue
    budget")?"""
    item = re.escape(re.sub(r"^the\s+", "", name, flags=re.I))
    found = re.search(rf"[,:]\s*(?:the\s+)?{item}\s*[,;]", text, re.I)
    if not found:
        return False
    # The neighbouring items, as their capitalised words: "Culture" before, "24-Hour London" after.
    before = re.search(r"(?:[A-Z0-9][\w’'-]*\s*)+$", text[: found.start()].rstrip(",: "))
    after = re.match(r"\s*(?:and\s+|&\s+)?((?:[A-Z0-9][\w’'-]*\s*)+)", text[found.end() :])
    asked = stems(question)[0]
    sides = [before.group() if before else "", after.group(1) if after else ""]
    return not any(stems(side)[0] and stems(side)[0] <= asked for side in sides)


def _listed(name: str, text: str) -> bool:
    """Is the name one item of a list ("…: Sport Unites, Stepping Stones, HeadStart Action")?"""
    item = re.escape(re.sub(r"^the\s+", "", name, flags=re.I))
    return bool(
        re.search(
            rf"[,:]\s*(?:and\s+)?(?:the\s+)?{item}\s*[,;]|,\s*(?:and\s+)?(?:the\s+)?{item}\b", text, re.I
        )
    )


def _sides(sentence: str, joint: re.Match) -> tuple[list[str], list[str]]:
    """The words either side of an "and", as far as a side reaches."""
    return sentence[: joint.start()].split()[-_SIDE_WORDS:], sentence[joint.end() :].split()[:_SIDE_WORDS]


def _bare(word: str) -> str:
    """ "Bankside’s" and "Line’" as the question writes them: "bankside", "line"."""
    return re.sub(r"[’']s?$", "", word).lower()


# "A further decision will be sought after the 2021 Mayoral election for expenditure of the remaining …
# budget of £470,000": a sum for a later approval, not one approved.
_APPROVAL_ASKED = re.compile(r"\bapprov(?:ed|es?|al)\b", re.I)
_SOUGHT_LATER = re.compile(
    r"\b(?:will|would|to)\s+be\s+sought\b|\bwill\s+(?:seek|be\s+asked\s+to\s+approve)\b"
    r"|\b(?:future|further|subsequent|separate)\s+(?:\w+\s+)?(?:decision|approval)s?\s+(?:will|would|is|are)\b",
    re.I,
)


def approval_to_come(question: str, sentence: str) -> bool:
    """Does the question ask what was approved while the sentence puts the sum to an approval to come?
    (Asked, not set as the scene: "After the early approval for Sport Unites 2021-22, how much … was left
    for a decision after the 2021 mayoral election?" asks the sum to come.)"""
    return bool(_APPROVAL_ASKED.search(asking_clause(question)) and _SOUGHT_LATER.search(sentence))


@functools.lru_cache(maxsize=256)  # asked of a whole decision's text for each candidate it holds
def _changed_ends(text: str) -> dict[int, frozenset[str]]:
    """The sums a text says a change starts "from" or ends "to": "…increase from £70,000 to £75,000"."""
    ends: dict[int, frozenset[str]] = {}
    for pounds, start, _ in find_amounts(text):
        before = re.search(
            r"\b(from|to)\s+(?:(?:c\.?|around|about|approximately)\s+)?$",
            text[max(0, start - 20) : start],
            re.I,
        )
        if before:
            ends[pounds] = ends.get(pounds, frozenset()) | {before.group(1).lower()}
    return ends


def other_end_of_change(question: str, text: str) -> bool:
    """Does the question name a sum as where a change ends ("…threshold raised to £75,000 for which year?")
    while the decision's text has it only where one starts ("…increase from £75,000 to £92,000"), or the
    reverse? Then the decision is another year's change."""
    asked = _changed_ends(question)
    if not asked:  # most questions name no change: the decision's text is not read for one
        return False
    said = _changed_ends(text)
    return any(pounds in said and ends - said[pounds] for pounds, ends in asked.items())


def another_sum_said(question: str, sentence: str) -> bool:
    """Does the question name a sum ("When did the Mayor approve the up to £140m…?") that the sentence does
    not state, stating others ("In July 2023, the Mayor approved a £135m emergency funding plan…")? The
    sentence is about another sum."""
    # A question rounds ("the £9m grant" of "£9,084,000") or bounds ("worth over £5m") what it recalls.
    bounds = [_BOUNDED_BEFORE.search(question[: m.start()]) for m in _SUM_IN_QUESTION.finditer(question)]
    if any(bounds) or not amounts_in(sentence):
        return False
    return not states_asked_sums(question, sentence)


def states_asked_sums(question: str, text: str) -> bool:
    """Does the text state a sum the question names, as written or rounded (any text, when it names none)?"""
    asked = amounts_in(question)
    said = amounts_in(text)
    return not asked or any(abs(s - a) <= SAME_SUM * a for a in asked for s in said)


_SUM_IN_QUESTION = re.compile(r"£\s?\d")
_BOUNDED_BEFORE = re.compile(
    r"\b(?:over|under|above|below|more than|less than|at least|exceeding|around|about)\s*$", re.I
)
SAME_SUM = 0.025  # how far a sum said may be from one the question recalls, rounded, to be the same


# "Which earlier decision approved the valuation work on the sites near the former Webbs Industrial
# site…": what the decision did is named after its verb; a sentence about another act at the same place
# ("…the Mayor approved (MD1627), the proposal to acquire the former Webbs Industrial site…") names no
# valuation work.
_DECISION_DID = re.compile(
    r"\b(?:decision|MD|DD|ADD)\s+(?:first\s+|originally\s+|previously\s+|initially\s+)?"
    r"(?:approved|paid for|funded|authori[sz]ed|allocated|commissioned)\s+(?:the\s+|a\s+|an\s+)?(?P<object>[^?.;]+)",
    re.I,
)


_MONEY_STEMS = stems(
    "budget budgets spending spend expenditure funding funds fund money cash grant cost costs sum"
)[0]


def act_object_unsaid(question: str, said: str) -> bool:
    """Asked which decision did something, does the sentence leave the thing done unnamed?"""
    did = _DECISION_DID.search(question)
    if not did:
        return False
    # A sum names it whatever its words ("the £705k budget": "…approved £705,000 for expenditure…").
    if set(amounts_in(did["object"])) & set(amounts_in(said)):
        return False
    words = [w for w in noun_phrase(did["object"].lower().split()) if not amounts_in(w)]
    thing = stems(" ".join(words))[0] - _MONEY_STEMS  # "approved spending on…": "…approved expenditure…"
    return bool(thing) and not thing & stems(said)[0]


# "…approved under cover of MD2171", "MD2591 approved expenditure…", "(approved by MD3434)": the act said
# beside the code (not "…in line with the … processes laid out in Mayoral Decision (MD)3274").
_ACT_SAID = re.compile(
    r"\b(?:approv\w*|agree[ds]?|authori[sz]\w*|fund(?:s|ed|ing)?|paid|commission\w*|allocat\w*|cover of"
    r"|delegat\w*|sign\w*)\b",
    re.I,
)


_UNDER = re.compile(r"\bunder\s+(?:the\s+)?$", re.I)  # "…project under MD1314"


def act_unsaid_by(question: str, said: str, code: str) -> bool:
    """Asked which decision did something, does the sentence name the code without an act beside it?"""
    if not _DECISION_DID.search(question):
        return False
    at = said.find(code)
    if at < 0:
        return False
    before, after = said[max(0, at - 80) : at], said[at : at + len(code) + 80]
    return not (_ACT_SAID.search(before + after) or _UNDER.search(before))


# "Good Growth Fund round 3 stage 2 was over £20 million for 22 projects - what was the exact amount
# approved?": the question gives the sum roughly and asks it exactly; a sum outside that bound is another.
_EXACT_ASKED = re.compile(r"\b(?:exact|exactly|precise|precisely)\b", re.I)
_ROUGH_SUM = re.compile(
    r"\b(?P<bound>over|more than|above|at least|under|less than|below|nearly|almost|around|about|roughly|some)\s+"
    r"(?P<sum>£\s?[\d.,]+\s?(?:k|m|bn|million|billion)?)",
    re.I,
)
_LOWER_BOUNDS = frozenset("over|more than|above|at least".split("|"))
_UPPER_BOUNDS = frozenset("under|less than|below|nearly|almost".split("|"))


def outside_rough_sum(question: str, value: str) -> bool:
    """Asked a sum exactly that the question gives roughly, is this value outside the rough bound?"""
    if not _EXACT_ASKED.search(question):
        return False
    rough = _ROUGH_SUM.search(question)
    said, found = amounts_in(rough.group("sum")) if rough else [], amounts_in(value)
    if not said or not found:
        return False
    bound, limit, amount = " ".join(rough.group("bound").lower().split()), said[0], found[0]
    if bound in _LOWER_BOUNDS:
        return amount < limit
    if bound in _UPPER_BOUNDS:
        return amount > limit
    return not 0.75 * limit <= amount <= 1.25 * limit


# "Which organisation won the contract to evaluate the … advice service?": what the contract is for, its verb,
# is said where its holder is named ("…provide on-grant to London Councils for the … Advice Service" funds the
# service, not its evaluation).
_PURPOSE_ASKED = re.compile(
    r"\b(?:contracts?|grants?|funding|commission|tender|role)\s+to\s+(?!be\b|the\b|a\b|an\b)((?-i:[a-z]{4,}))\b"
    # "Which organisation was appointed to evaluate…": the same purpose, said of the body (not a verb any
    # page may word otherwise: "hired to help" is "to assist", "to carry out" "to undertake").
    r"|\b(?:appointed|commissioned|procured|hired|engaged|contracted|tasked)\s+to\s+"
    r"(?!be\b|the\b|a\b|an\b|help\b|assist\b|carry\b|support\b|undertake\b|make\b|take\b|work\b|do\b)"
    r"((?-i:[a-z]{4,}))\b",
    re.I,
)


def purpose_unsaid(question: str, read: str) -> bool:
    """Does the question give the purpose of what a body holds ("the contract to evaluate…") and the text
    not say its verb?"""
    asked = _PURPOSE_ASKED.search(question)
    verb = asked and (asked.group(1) or asked.group(2)).lower()
    if not verb or verb in STOPWORDS:  # "…paid by grant to which organisation?"
        return False
    return verb[:5] not in {s[:5] for s in stems(read)[0]}


# "What is the name of the person who is Senior Responsible Owner…": a person's own name is asked, not a post
# ("the Assistant Director for Economic Development and Programmes").
_OWN_NAME_ASKED = re.compile(
    r"\bname of the (?:person|officer|individual|official)\b|\bwhat is (?:his|her|their) name\b|\bby name\b",
    re.I,
)


def post_for_name(question: str, answer: str, role_words: frozenset[str]) -> bool:
    """Is a person's own name asked and the answer a post ("the Assistant Director …")?"""
    words = re.findall(r"[\w’'-]+", answer)
    return (
        bool(_OWN_NAME_ASKED.search(question))
        and bool(words)
        and (words[0].lower() in {"the", "a", "an"} or any(w.lower() in role_words for w in words))
    )


# "What Crossrail business rate supplement multiplier applied in 2015-16?": a measure is asked; a sentence
# with no figure ("…approve the final policies … including the multiplier (or tax rate)") names it only.
_MEASURE_NOUNS = frozenset(
    "multiplier rate threshold level amount figure fee price percentage proportion ratio sum total cap".split()
)


_MEASURE_ASKED = re.compile(
    rf"^\W*(?:what|which)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{'|'.join(sorted(_MEASURE_NOUNS))})\b(?!\s+(?:of|for)\b)",
    re.I,
)
_YEARS = re.compile(r"\b(?:19|20)\d\d(?:[-/]\d{2,4})?\b")


def measure_unstated(question: str, sentence: str) -> bool:
    """Is a measure asked ("What … multiplier applied…") and the sentence without a figure (a year is none)?"""
    return bool(_MEASURE_ASKED.search(question)) and not re.search(r"\d", _YEARS.sub(" ", sentence))


# "From which year did the Mayor take on the devolved Adult Education Budget?" asks when it starts: "…from the
# 2019/20 academic year", not "In the 2016 Autumn Statement, the government announced…".
# ("From what date was the ULEZ expanded…" asks the day it happened, "…on 29 August 2023".)
# ("Since when has GLAP been writing to ABP…": not "the Development Agreement … entered into in May 2013".)
_START_ASKED = re.compile(
    # ("royal albert dock ABP failures - since when has GLAP…": after a dash or comma too.)
    r"(?:^|[,;:—–]|\s-)\W*(?:(?:from|starting)\s+(?:which|what)\s+(?:academic\s+|financial\s+)?year|since\s+(?:when|what|which))\b",
    re.I,
)
_START_SAID = re.compile(
    r"\b(?:from|since|starting|start(?:s|ing)? (?:in|on)|commenc\w*|beginning|with effect from|effective)\s+"
    r"(?:(?:the|its|an?)\s+)?(?:\w+\s+){0,2}$",
    re.I,
)


def start_unsaid(question: str, sentence: str, answer: str) -> bool:
    """Is a start asked ("From which year…") and the date not said as one ("from the 2019/20 academic year")?"""
    at = sentence.find(answer)
    return (
        bool(_START_ASKED.search(question))
        and at >= 0
        and not _START_SAID.search(sentence[max(0, at - 40) : at])
    )


# "When was the final prospectus for the Crossrail BRS issued?": a document's date, said beside the document
# ("…Final prospectus’ (January 2010)"), not a day other papers go out ("…rates bills which are due to be issued
# before the end of March 2015").
_ISSUE_ASKED = re.compile(
    r"\bwhen\s+(?:was|were|is|are|will)\s+(?P<thing>[^?]+?)\s+(?:(?:be|to be|due to be|first)\s+)?"
    r"(?:issued|published|launched|released)\b",
    re.I,
)
_DOCUMENT_STEMS = stems("prospectus plan report strategy review guidance document consultation statement")[0]


def document_unsaid(question: str, sentence: str) -> bool:
    """Asked when a document was issued, does the sentence leave the kind of document unnamed?"""
    asked = _ISSUE_ASKED.search(question)
    documents = stems(asked["thing"])[0] & _DOCUMENT_STEMS if asked else frozenset()
    return bool(documents) and not documents & stems(sentence)[0]
