"""Dates in GLA decision text, and a best guess at when an undated decision was made.

Recognised forms (all day-first, UK style):
  "18/11/2025", "18/11/25", "2025-11-18", "31 January 2026", "31st Jan 2026",
  "January 2024", "End of February 2026", "September – October 2021",
  "March, June, September and December 2024", and financial years "2018/19", "2021-22"
  (a UK financial year starts on 1 April).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Full names before abbreviations so "September" is not read as "Sep" + "tember".
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)
# "31 January 2026", "1st June 2018", "15 Sept, 2020"
# "13 June 2014", "13th June 2014", "the 13th of June 2014"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH}),?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
# "January 2024", "End of February 2026", "September – October 2021", "Sept-October 2018",
# "March to December 2024", "March, June, September and December 2024", "June/July 2018".
# Each repetition must consume a separator *and* a month name, and there are at most 11
# more months, so a long "March, March, …" without a year fails in linear time; the first
# month (the start of the range) gives the date.
_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<when>end|early|mid|late|beginning|start)\s+(?:of\s+)?)?(?P<month>{_MONTH})"
    rf"(?:\s*(?:,|/|–|—|-|\bto\b|\band\b)\s*{_MONTH}){{0,11}},?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
# "Summer 2021", "early spring 2024", "Summer / Autumn 2016": a season of a year, read as its first month.
_SEASON = r"(?:spring|summer|autumn|winter)"
_SEASON_YEAR = re.compile(
    rf"\b(?:(?:early|mid|late)[\s-]+)?(?P<season>{_SEASON})(?:\s*(?:/|–|-|\bto\b|\band\b|\bor\b)\s*{_SEASON})?"
    r"\s+(?:of\s+)?(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
# "18/11/2025", "18/11/25" (slashes only: dotted "6.1.12" is a paragraph number)
_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4}|\d{2})\b")
# "2025-11-18"
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# "2018/19", "2021-22", "2018/2019" (only consecutive years count: "2021-2023" is a span)
_FINANCIAL_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\s?[/–-]\s?(?P<next>\d{4}|\d{2})\b")

_EARLIEST_YEAR = 1990  # nothing in a GLA decision predates the GLA (2000) by much


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    start: int
    end: int
    text: str
    precision: str  # "day" | "month" | "season" | "financial_year"


def _make(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_start(match: re.Match[str]) -> dt.date | None:
    month = _MONTHS.get(match.group("month").rstrip(".").lower())
    if month is None:
        return None
    year = int(match.group("year"))
    when = (match.group("when") or "").lower()
    if when in ("end", "late"):
        return _make(year, month, calendar.monthrange(year, month)[1]) if year >= 1 else None
    return _make(year, month, 15 if when == "mid" else 1)


def _season_start(match: re.Match[str]) -> dt.date | None:
    return _make(int(match.group("year")), _SEASON_MONTHS[match.group("season").lower()], 1)


def _day_month_year(match: re.Match[str]) -> dt.date | None:
    month = _MONTHS.get(match.group("month").rstrip(".").lower())
    return _make(int(match.group("year")), month, int(match.group("day"))) if month else None


def _numeric(match: re.Match[str]) -> dt.date | None:
    return _make(int(match.group("year")), int(match.group("month")), int(match.group("day")))


def _fy_year(match: re.Match[str]) -> int | None:
    """2018 for "2018/19" or "2018-2019"; None when the years are not consecutive ("2021-2023")."""
    year, nxt = int(match.group("year")), match.group("next")
    follows = int(nxt) == year + 1 if len(nxt) == 4 else int(nxt) == (year + 1) % 100
    return year if follows else None


def _financial_year(match: re.Match[str]) -> dt.date | None:
    year = _fy_year(match)
    return dt.date(year, 4, 1) if year else None


_PATTERNS = (
    (_ISO, _numeric, "day"),
    (_DAY_MONTH_YEAR, _day_month_year, "day"),
    (_NUMERIC, _numeric, "day"),
    (_MONTH_YEAR, _month_start, "month"),
    (_SEASON_YEAR, _season_start, "season"),
    (_FINANCIAL_YEAR, _financial_year, "financial_year"),
)


def find_dates(text: str, *, financial_years: bool = True) -> list[DateMention]:
    """Every date mention in reading order; overlapping matches keep the longest/earliest."""
    candidates = []
    for pattern, convert, precision in _PATTERNS:
        if precision == "financial_year" and not financial_years:
            continue
        for match in pattern.finditer(text or ""):
            value = convert(match)
            if value is not None and value.year >= _EARLIEST_YEAR:
                candidates.append(DateMention(value, match.start(), match.end(), match.group(0), precision))
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[DateMention] = []
    for mention in candidates:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def parse_date(text: str) -> dt.date | None:
    """The first date expressed in `text` ("18/11/2025", "End of February 2026", "2021-22")."""
    mentions = find_dates(text)
    return mentions[0].date if mentions else None


def parse_iso(text: str | None) -> str | None:
    """ISO form of the first date in a field value, or None for an empty / undated value."""
    value = parse_date(text or "")
    return value.isoformat() if value else None


def field_date(value: str, next_line: str = "") -> str | None:
    """ISO date of a field value ("Date signed: 18/11/2025"). An empty field may have its
    date on the next line, which is taken only when that line is nothing but a date."""
    if not value.strip() and date_only(next_line):
        value = next_line
    return parse_iso(value)


def deferral_date(answer: str | None, until: str) -> str | None:
    """ "Until what date: 31 January 2026", unless "…to be deferred?" is answered a plain NO.
    The ADD form keeps its "YES/NO" template text and fills in a reason and a date; a
    filled-in date is the deferral."""
    if (answer or "").strip().upper().rstrip(".") == "NO":
        return None
    return parse_iso(until)


def decision_date(
    signed: str | None,
    published: str | None,
    text: str,
    *,
    signed_source: str = "Date signed field",
    today: dt.date | None = None,
) -> tuple[str | None, str | None, bool]:
    """(date, date_source, date_inferred): signed, else published, else inferred from `text`."""
    if signed or published:
        return signed or published, signed_source if signed else "Date published field", False
    value, reason = infer_decision_date(text, today=today)
    return value, reason, value is not None


# --- inferring the date of an undated decision -------------------------------------------

# Words that may sit around a date in a timetable cell: "End of November 2025",
# "November 2021 – March 2023", "by March 2019".
_CONNECTORS = re.compile(r"\b(?:to|and|end|of|early|mid|late|from|by|until|onwards|w/c)\b", re.IGNORECASE)
_ANY_WORD = re.compile(r"[^\W_]")


def date_only(cell: str) -> DateMention | None:
    """The first mention when `cell` holds nothing but a (month-precise) date or range.

    "End of November 2025", "November 2021 – March 2023" → a mention; "Date: 18/11/2025",
    "2021-22" (a budget column header) → None.
    """
    mentions = find_dates(cell, financial_years=False)
    if not mentions:
        return None
    rest = cell
    for mention in reversed(mentions):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    return None if _ANY_WORD.search(_CONNECTORS.sub(" ", rest)) else mentions[0]


def _timetable(text: str) -> tuple[dt.date, str] | None:
    """Earliest date among timetable cells, with the activity cell before it.

    Tables arrive one cell per line ("Secure budget approval" / "January 2024") or
    tab-separated ("Procurement of contract commences<TAB>End of November 2025").
    """
    cells = [c.strip() for line in text.split("\n") for c in re.split(r"[\t|]", line)]
    cells = [c for c in cells if c]
    found = []
    for i, cell in enumerate(cells):
        mention = date_only(cell)
        if mention is not None:
            label = next((c for c in reversed(cells[max(0, i - 3) : i]) if date_only(c) is None), "")
            found.append((mention.date, f"{label} — {cell}" if label else cell))
    if len(found) < 2:  # one date on its own line is not a timetable
        return None
    return min(found, key=lambda item: item[0])


def _quote(text: str, start: int, end: int, width: int = 60) -> str:
    """The line around a match, trimmed to about 2*width characters."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left, right = max(line_start, start - width), min(line_end, end + width)
    snippet = text[left:right].strip()
    return ("…" if left > line_start else "") + snippet + ("…" if right < line_end else "")


def infer_decision_date(text: str, *, today: dt.date | None = None) -> tuple[str | None, str | None]:
    """(ISO date, reason) for a decision whose signed/published dates are missing.

    Rules, in order of trust:
    1. The earliest date in a timetable of planned activities. Decisions are signed
       just before the work they approve starts; DD2691's timetable even begins with
       "Secure budget approval — January 2024".
    2. The start (1 April) of the first financial year mentioned. The executive
       summary and the Decision come first and name the year being funded:
       MD2313 "delivery of 2018/19 Community Engagement programmes" → 2018-04-01.
    3. The latest date mentioned that is not in the future: background dates come
       before the decision and deadlines ("by 11 January 2021") fall shortly after it.
    """
    today = today or dt.date.today()
    text = text or ""
    timetable = _timetable(text)
    if timetable is not None:
        value, cell = timetable
        return value.isoformat(), f"inferred from the earliest date in the timetable: '{cell}'"
    mentions = find_dates(text)
    for mention in mentions:
        if mention.precision == "financial_year":
            quote = _quote(text, mention.start, mention.end)
            return mention.date.isoformat(), f"inferred from financial year {mention.text} in '{quote}'"
    past = [m for m in mentions if m.precision != "financial_year" and m.date <= today]
    if past:
        latest = max(past, key=lambda m: m.date)
        quote = _quote(text, latest.start, latest.end)
        return (
            latest.date.isoformat(),
            f"inferred from the latest date mentioned, '{latest.text}' in '{quote}'",
        )
    return None, None
