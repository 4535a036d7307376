"""The search page's query string: validated once, turned back into links (chips, pages, downloads)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, fields, replace
from urllib.parse import urlencode

from decisions.filters import FILTER_NAMES, FILTERS, FilterField
from decisions.records import DECISION_TYPES, type_label
from search_api.search import MODES
from serve.http import UserError

from .present import long_date, pounds

PAGE_SIZES = (10, 20, 50)
PAGE_SIZE = PAGE_SIZES[0]
PAGE_WINDOW = 2  # page numbers shown either side of the current one, GOV.UK style: 1 … 4 5 [6] 7 8 … 15
EXPORT_LIMIT = 100  # the API's largest page: a download holds the first 100 results
MODE_LABELS = {
    "hybrid": "Best match",
    "keyword": "Exact words only",
    "semantic": "Similar meaning",
    "exhaustive": "Every match (FOI)",
}
SORT_LABELS = {"relevance": "Most relevant first", "date": "Newest first"}


@dataclass(frozen=True)
class SearchForm:
    """The search page's GET parameters as typed, kept as strings so the form shows them back."""

    q: str = ""
    type: str = ""
    date_from: str = ""
    date_to: str = ""
    min_amount: str = ""
    max_amount: str = ""
    decision_maker: str = ""
    directorate: str = ""
    mode: str = "hybrid"
    sort: str = "relevance"
    size: int = PAGE_SIZE
    offset: int = 0

    # The fields above that are filters, in decisions.filters' order (tests/test_filter_fields.py).
    FILTERS = FILTER_NAMES

    def params(self, **changes) -> dict[str, str | int]:
        """Only what differs from the defaults, so links stay short and shareable."""
        values = asdict(replace(self, **changes))
        defaults = asdict(SearchForm())
        return {k: v for k, v in values.items() if v != defaults[k] and v != ""}

    def url(self, **changes) -> str:
        target = replace(self, **changes)
        if not target.q.strip() and not target.has_filters():
            return "/"  # nothing left to search for: the start page, not an "enter something" error
        return "/search?" + urlencode(self.params(**changes))

    def feed_url(self) -> str:
        """The Atom feed of this search: the same words and filters, newest first."""
        params = {k: v for k, v in self.params().items() if k not in ("offset", "size", "sort")}
        return "/search.atom?" + urlencode(params)

    def cleared_url(self) -> str:
        return self.url(**{name: "" for name in self.FILTERS}, mode="hybrid", sort="relevance", offset=0)

    def has_filters(self) -> bool:
        return any(getattr(self, name) for name in self.FILTERS)

    def filters(self) -> dict:
        """The explicit filters, typed as run_search wants them."""
        return {f.name: _typed(f, getattr(self, f.name)) for f in FILTERS}

    def api_url(self, format: str) -> str:
        params = {k: v for k, v in self.params(offset=0).items() if k not in ("offset", "size")}
        for key in ("min_amount", "max_amount"):
            if key in params:
                params[key] = _amount(str(params[key]), key)
        return "/api/search?" + urlencode({**params, "limit": EXPORT_LIMIT, "format": format})


def _typed(f: FilterField, text: str) -> str | int | None:
    if f.kind == "pounds":
        return _amount(text, f.label.lower())
    return text.strip() or None


def _amount(text: str, label: str) -> int | None:
    digits = re.sub(r"[£,\s]", "", text or "")
    if not digits:
        return None
    multiplier = {"k": 1_000, "m": 1_000_000}.get(digits[-1].lower(), 1)
    try:
        return int(float(digits[:-1] if multiplier > 1 else digits) * multiplier)
    except ValueError:
        raise UserError(
            422, "Amount not understood", f"the {label} should be in pounds, like 500000 or 500k"
        ) from None


# ---------------------------------------------------------------- dates: GOV.UK day / month / year

DATE_LABELS = {f.name: f.label for f in FILTERS if f.kind == "date"}  # date_from, date_to
DATE_PARTS = ("day", "month", "year")


class FormInvalid(UserError):
    """Fields a person typed wrongly: the form is shown again with a message at each one.

    `errors` maps the id of the input to focus to its message; `typed` holds the date boxes as
    typed, so a wrong date is shown back for correcting rather than emptied.
    """

    def __init__(self, errors: dict[str, str], typed: dict[str, dict[str, str]], form: SearchForm):
        super().__init__(422, "There is a problem", "; ".join(errors.values()))
        self.errors, self.typed, self.form = errors, typed, form


def date_boxes(iso: str) -> dict[str, str]:
    """'2019-03-07' → {'day': '7', 'month': '3', 'year': '2019'}: what the three boxes show."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return dict.fromkeys(DATE_PARTS, "")
    return {"day": str(day.day), "month": str(day.month), "year": str(day.year)}


def read_date(params, name: str) -> tuple[str, dict[str, str], str | None]:
    """(ISO date or "", the boxes as typed, the error message or None) for date_from or date_to.

    The form sends three boxes (date_from_day, …); links and the API send one ISO date
    (date_from=2019-03-07). The messages follow the GOV.UK date input pattern.
    """
    label = DATE_LABELS[name]
    typed = {part: params.get(f"{name}_{part}", "").strip() for part in DATE_PARTS}
    if not any(typed.values()):
        iso = params.get(name, "").strip()
        if not iso:
            return "", typed, None
        try:
            return dt.date.fromisoformat(iso).isoformat(), date_boxes(iso), None
        except ValueError:
            return "", typed, f"{label} must be a real date, like 2018-01-31"
    missing = [part for part in DATE_PARTS if not typed[part]]
    if missing:
        return "", typed, f"{label} must include a {' and '.join(missing)}"
    if not all(typed[part].isdigit() for part in DATE_PARTS):
        return "", typed, f"{label} must be a real date, in numbers"
    if len(typed["year"]) != 4:
        return "", typed, f"{label}: the year must include 4 numbers"
    try:
        day = dt.date(int(typed["year"]), int(typed["month"]), int(typed["day"]))
    except ValueError:
        return "", typed, f"{label} must be a real date"
    return day.isoformat(), typed, None


def _read_dates(params) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, str]]:
    values, typed, errors = {}, {}, {}
    for name in DATE_LABELS:
        values[name], typed[name], error = read_date(params, name)
        if error:
            errors[f"f-{name.replace('_', '-')}-day"] = error
    if not errors and values["date_from"] and values["date_to"] and values["date_from"] > values["date_to"]:
        errors["f-date-to-day"] = "Date to must be the same as or after Date from"
    return values, typed, errors


def read_form(params) -> SearchForm:
    """Validate the query string once, with messages a person can act on."""
    skip = ("offset", "size", "date_from", "date_to")
    values = {f.name: params.get(f.name, "").strip() for f in fields(SearchForm) if f.name not in skip}
    values["q"] = params.get("q", "")
    values["mode"] = values["mode"] or "hybrid"
    values["sort"] = values["sort"] or "relevance"
    if values["type"] and values["type"] not in DECISION_TYPES:
        raise UserError(422, "Unknown decision type", f"choose one of: {', '.join(DECISION_TYPES)}")
    if values["mode"] not in MODES:
        raise UserError(422, "Unknown search mode", f"choose one of: {', '.join(MODES)}")
    if values["sort"] not in SORT_LABELS:
        raise UserError(422, "Unknown sort order", "sort by relevance or date")
    offset = params.get("offset", "0").strip() or "0"
    if not offset.isdigit() or int(offset) > 100_000:
        raise UserError(422, "Page not understood", "offset should be a whole number of results to skip")
    size = params.get("size", "").strip() or str(PAGE_SIZE)
    if not size.isdigit() or int(size) not in PAGE_SIZES:
        raise UserError(
            422, "Page size not understood", f"show {', '.join(map(str, PAGE_SIZES))} results a page"
        )
    dates, typed, errors = _read_dates(params)
    form = SearchForm(**values, **dates, size=int(size), offset=int(offset))
    if errors:
        raise FormInvalid(errors, typed, form)
    form.filters()  # raises for an amount that is not a number
    return form


# ---------------------------------------------------------------- chips: filters read from the query


def remove_words(q: str, words: str) -> str:
    """'community engagement grants since 2018' without 'since 2018' → 'community engagement grants'."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    text, count = re.subn(pattern, " ", q, count=1, flags=re.IGNORECASE)
    if not count:
        # The words are not contiguous in q ("cites MD2721" read from "cites MD 2721"): cut them one by one.
        for word in words.split():
            text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, count=1, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip()


def _meaning(name: str, value) -> str:
    meanings = {
        "type": lambda v: type_label(v, plural=True),
        "date_from": lambda v: f"from {long_date(v)}",
        "date_to": lambda v: f"up to {long_date(v)}",
        "min_amount": lambda v: f"at least {pounds(v)}",
        "max_amount": lambda v: f"at most {pounds(v)}",
        "has_part2": lambda v: "with a confidential Part 2",
        "deferred": lambda v: "publication deferred",
        "cites": lambda v: f"decisions citing {v}",
        "excluding": lambda v: f"leaving out decisions about “{v}”",
    }
    return meanings.get(name, lambda v: f"{name} {v}")(value)


def query_chips(form: SearchForm, understood: list[dict], relaxed: list[dict] = ()) -> list[dict]:
    """One chip per phrase ('2021-22' sets two dates but is one chip), each a link without it.
    A filter the search dropped because it left nothing (`relaxed`) says so on its chip."""
    chips: dict[str, dict] = {}
    dropped = {item["words"] for item in relaxed}
    for item in understood:
        chip = chips.setdefault(item["words"], {"words": item["words"], "meanings": []})
        chip["meanings"].append(_meaning(item["name"], item["value"]))
    for chip in chips.values():
        chip["meaning"] = ", ".join(chip.pop("meanings"))
        if chip["words"] in dropped:
            chip["meaning"] += "; not applied: nothing matched"
        chip["url"] = form.url(q=remove_words(form.q, chip["words"]), offset=0)
    return list(chips.values())


def form_chips(form: SearchForm) -> list[dict]:
    """The filters set in the form, removable the same way."""
    labels = {
        "type": lambda v: f"Type: {type_label(v)}",
        "date_from": lambda v: f"From {long_date(v)}",
        "date_to": lambda v: f"Up to {long_date(v)}",
        "min_amount": lambda v: f"At least {pounds(_amount(v, 'minimum amount'))}",
        "max_amount": lambda v: f"At most {pounds(_amount(v, 'maximum amount'))}",
        "decision_maker": lambda v: f"Decision maker: {v}",
        "directorate": lambda v: f"Directorate: {v}",
    }
    return [
        {
            "words": labels[name](getattr(form, name)),
            "meaning": "",
            "url": form.url(**{name: "", "offset": 0}),
        }
        for name in SearchForm.FILTERS
        if getattr(form, name)
    ]


def page_numbers(current: int, count: int) -> list[int | None]:
    """GOV.UK pagination: the first, the last, and two either side of the current page; None is '…'."""
    shown = {1, count, *range(current - PAGE_WINDOW, current + PAGE_WINDOW + 1)}
    numbers: list[int | None] = []
    for number in sorted(n for n in shown if 1 <= n <= count):
        if numbers and number - numbers[-1] > 1:
            numbers.append(None if number - numbers[-1] > 2 else number - 1)
        numbers.append(number)
    return numbers


def pagination(form: SearchForm, total: int) -> dict:
    """Where this page sits in the results, with links to the others (offset-based, like the API)."""
    size = form.size
    current = form.offset // size + 1
    count = max(1, -(-total // size))
    return {
        "first": form.offset + 1,
        "last": min(form.offset + size, total),
        "current": current,
        "count": count,
        "previous": form.url(offset=max(form.offset - size, 0)) if form.offset > 0 else None,
        "next": form.url(offset=form.offset + size) if form.offset + size < total else None,
        "numbers": [
            {"number": n, "url": form.url(offset=(n - 1) * size), "current": n == current} if n else None
            for n in page_numbers(current, count)
        ],
        "sizes": [{"size": n, "url": form.url(size=n, offset=0), "current": n == size} for n in PAGE_SIZES],
    }


# ---------------------------------------------------------------- an empty result, in plain words


def plain_reason(reason: str | None) -> str:
    """Why nothing matched, as a sentence. The search already says it in plain words
    (search_api.filters.describe: "there is no decision dated 1989 or earlier")."""
    if not reason:
        return "No decision in the index matches this search."
    return reason[:1].upper() + reason[1:].rstrip(".") + "."
