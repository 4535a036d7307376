"""The spans of evidence text that answer a question (read by question_reading): amounts, dates, names
(answer_names), counts, lists, addresses, codes; the pieces (sentences, lines) they are read in, and how
near a span stands to the question's words. The text is untrusted: counts, lists and addresses are found
by walking tokens; each regex is one linear pass."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from decisions.london_boroughs import borough_lists, noted_boroughs
from decisions.words import STOPWORDS, stem_with_irregulars, tokens
from indexer.amounts import find_amounts
from indexer.dates import date_only, find_dates
from indexer.parse import normalise_ref

from .answer_names import names
from .place_names import places
from .question_reading import ABBREVIATIONS, NUMBER_WORDS, PART_WORDS, Question, Span, stems
from .question_types import ANSWER_PATTERNS, PLACE_NOUNS

# What stands before the wanted one of two values: "reduced to [£72,625]", "from October 2020 to [September 2023]".
AFTER_ENDINGS = {
    "to": (" to",),
    "from": (" from",),
    "by": (" by",),
    "end": (" to", " and", " until", "–", "-"),
    "start": (" from", " between"),
    "changed": (" to", " total", " totalling", " total of"),  # "a further 10 … to total 30"
    "total": (" total", " totalling", " total of"),
}
COUNT_QUALIFIERS = (
    *("up to", "more than", "over", "around", "about", "circa", "at least", "nearly", "almost"),
    *("approximately", "an estimated", "roughly", "less than", "fewer than", "no more than", "a maximum of"),
    # "it will result in a minimum 481 additional households being retrofitted"
    *("a minimum of", "a minimum"),
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# "1.1.", "- 2.5", "3)", "a.", "(b)", "iv)", "ii.iii" (a list inside item ii)
_ENUMERATOR = re.compile(
    r"[-•·*\s]*(?:\d{1,2}(?!\d)[\d.]{0,9}\)?|\(?[a-z][.)]|\(?[ivx]{1,4}[.)](?:[ivx]{1,4}\.?)?)"
)
_CODE = re.compile(r"[A-Z]{2,4}\d{3,5}")  # "MD1177"; "PCD1792"
_BULLET = re.compile(r"[-•·*]\s")
# "• housing associations", "2. cross cutting principles", "o approve, via ADD, …" (a Word sub-bullet)
# (Lettered and roman items too: "a. £17.27m to procure…", "ii. £285,000 revenue grant…".)
ITEM = re.compile(r"\s*(?:[-•·*o▪◦]|\d{1,2}[.)]|[a-h][.)]|(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\s")
# A sentence introducing the parts of its sum: "Expenditure of £125,000 in 2020-21 to fund sustainable
# drainage projects, comprising:", "…of £1.93m, comprising £1.25m of … and £683,496…".
INTRODUCES_PARTS = re.compile(
    r":\s*$|\b(?:comprising|consisting of|made up of|as follows|broken down)\b", re.I
)


@dataclass(frozen=True)
class Piece:  # a sentence, or one line of a table or list, as offsets into its text
    start: int
    end: int
    line: int  # index of the line it starts on
    short: bool  # a cell, bullet or field line: it may need the lines before it
    before: int  # start of the previous sentence of its paragraph: "The Board was…" needs it


_GOES_ON = re.compile(r"(?:It|Its|They|Their|These|This|The scheme|The programme|The fund)\s", re.I)


_THIS_NOUN = re.compile(r"(?:This|These)\s+([a-z]{3,})\b")


def _names_again(text: str, start: int, last: int) -> bool:
    """Does the paragraph at `start` open on "This funding" with "funding" in the sentence at `last`?"""
    opening = _THIS_NOUN.match(text, start)
    if opening is None:
        return False
    noun = opening.group(1).removesuffix("s")
    return bool(re.search(rf"\b{re.escape(noun)}", text[last:start], re.I))


def numbered_item(line: str) -> bool:
    """Does the line open on an item's number ("ii.i provision of…", "3) …", "(b) …")?"""
    words = line.split()
    return bool(words) and bool(_ENUMERATOR.fullmatch(words[0]))


def _wraps(line: str, following: str) -> bool:
    """A PDF wraps at ~90 characters ("…with Shared" / "Intelligence to…"); "Executive summary" starts afresh."""
    ended = len(line) < 50 or line[-1] in ".!?:;" or "\t" in line
    if ended or _BULLET.match(following) or _ENUMERATOR.fullmatch(following.split(" ")[0]):
        return False
    return following[0].islower() or len(following) >= 40 or following[-1] in ".;:,"


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, piece_start = [], start
    for gap in _SENTENCE_END.finditer(text, start, end):
        before, after = text[piece_start : gap.start()], text[gap.end() : gap.end() + 1]
        # "(i.e. Mars UK.)" opens with its bracket: the abbreviation is the word inside it.
        last = before.rsplit(None, 1)[-1].lower().lstrip("([‘“'\"") if before.strip() else ""
        # "1.1. The Board…" and "e.g. the" are not sentence ends; nor is a lowercase continuation.
        numbered = _ENUMERATOR.fullmatch(before.strip())
        if not (numbered or last in ABBREVIATIONS or not after or after.islower()):
            spans.append((piece_start, gap.start()))
            piece_start = gap.end()
    spans.append((piece_start, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@functools.lru_cache(maxsize=256)
def lowercase_words(text: str) -> frozenset[str]:
    """The words of a text that are not capitalised, remembered: answers read whole decisions."""
    return frozenset(t.text for t in tokens(text) if t.text[0].islower())


@functools.lru_cache(maxsize=256)
def pieces(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[Piece, ...]]:
    """The text's non-empty lines (trimmed), and its sentences and short lines in reading order.

    Remembered per text (an answer reads its top decisions whole); tuples, so no caller can
    change what the next caller gets."""
    runs = [m for m in re.finditer(r"[^\n]+", text) if m[0].strip()]
    found = [(m.start() + len(m[0]) - len(m[0].lstrip()), m.start() + len(m[0].rstrip())) for m in runs]
    out, i, last = [], 0, None  # last: where the previous paragraph's last sentence starts, if it is prose
    while i < len(found):
        j = i
        # A blank line always ends a paragraph; a single line break may be a PDF's wrapping.
        while j + 1 < len(found) and text.count("\n", found[j][1], found[j + 1][0]) == 1 and _wraps(
                text[found[j][0] : found[j][1]], text[found[j + 1][0] : found[j + 1][1]]):  # fmt: skip
            j += 1
        short, before = i == j and len(text[found[i][0] : found[j][1]].split()) <= 12, found[i][0]
        if last is not None and _names_again(text, found[i][0], last):
            # "…seeks the approval of £1.925 million … to the Warmer Homes programme…" / "This funding will be
            # allocated to RetrofitWorks…": a paragraph opening on "this" and a noun of the sentence before
            # is read with it (its first sentence only).
            before = last
        for s, e in sentences(text, found[i][0], found[j][1]):
            out.append(Piece(s, e, i, short, before))
            # "The Mayor's LCEF supports… It provides… Since 2017, it has supported 86 projects": a
            # sentence that goes on about "it" leaves the next one read with what "it" is (within its paragraph).
            before = max(before if _GOES_ON.match(text, s) else s, found[i][0])
        last = None if short else out[-1].start if out else None
        i = j + 1
    return tuple(found), tuple(out)


def _is_label(line: str) -> bool:
    """A table row's first cell or a list item's heading: "1. Citizen Shift Environment Pilot"."""
    words = line.split()
    if not words or len(words) > 10 or line[-1] in ".:;," or ": " in line or _BULLET.match(line):
        return False
    titled = sum(1 for w in words if w[0].isupper()) >= max(2, len(words) - 1) and not find_amounts(line)
    return titled or bool(re.match(r"\d{1,2}\.\s", line))


def bare_value(line: str) -> bool:
    """A table cell that is nothing but a value: "£3k", "End of February 2026", "70"."""
    rest = line
    for _, s, e in reversed(find_amounts(line)):
        rest = rest[:s] + rest[e:]
    if len(line.split()) > 5 or (rest != line and not any(c.isalpha() for c in rest)):
        return len(line.split()) <= 5
    return date_only(line) is not None or line.strip().lstrip("+~").replace(",", "").isdigit()


def row_label(text: str, found: list[tuple[int, int]], line_no: int) -> tuple[int, int] | None:
    """A cell's row label, the nearest of 14 lines above unless another row's value comes first ("1. Citizen
    Shift Environment Pilot" … "£3k"): rows run label first."""
    left_values = not bare_value(text[found[line_no][0] : found[line_no][1]])
    for s, e in reversed(found[max(0, line_no - 14) : line_no]):
        if bare_value(text[s:e]):
            if left_values:
                return None
        elif _is_label(text[s:e]):
            return (s, e)
        else:
            left_values = True
    return None


def _emails(text: str) -> list[Span]:
    """Expand around each "@" by hand: a regex over a long run of word characters would be quadratic."""
    out, ok = [], set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")
    for at in (i for i, c in enumerate(text) if c == "@"):
        left, right = at, at + 1
        while left > max(0, at - 64) and text[left - 1] in ok:
            left -= 1
        while right < min(len(text), at + 256) and text[right] in ok:
            right += 1
        local, domain = text[left:at].lstrip("."), text[at + 1 : right].rstrip(".")
        if local and "." in domain and domain.rsplit(".", 1)[1].isalpha():
            out.append(Span(at - len(local), at + 1 + len(domain), f"{local}@{domain}"))
    return out


# A limit ("charities may scrap up to three vehicles") is no count of what was done: a question in
# the past ("have been donated", "were completed") is not answered by "up to three".
_DONE_ASKED = re.compile(r"\b(?:have|has|had) been\b|\b(?:were|was|did)\b")
_LIMIT_ASKED = re.compile(r"\b(?:up to|at most|maximum|limit|cap)\b", re.I)  # "Up to how many homes were…"
# "How many homes were the Housing Zones expected to unlock…", "…did the GLA plan to select": a plan
# is asked, and "up to 25,837" states it.
_PLAN_ASKED = re.compile(
    r"\b(?:expected|planned|aim(?:ed|ing|s)?|intended|projected|forecast|estimated|anticipated|target(?:ed)?|"
    r"aspir\w*|hop(?:e|ed|ing)|ambition|goal|"
    r"(?:set|due|meant|supposed|going|plan(?:s|ning)?) to|could|would|will|might|may)\b",
    re.I,
)


_CHANGED_FROM = re.compile(r"\b(?:up|down|increased|reduced|raised|rising|falling) from\s*$", re.I)
_EARLIER_ASKED = re.compile(r"\b(?:original(?:ly)?|previous(?:ly)?|before|earlier|old|from)\b", re.I)


_SCALE = re.compile(r"\s(?:million|billion|thousand)\b", re.IGNORECASE)


def _modifier(word: str, q: Question) -> bool:
    """ "24 community based tree and woodland projects": asked "How many trees…", the singular after a
    number names what the counted things are about, not them."""
    return any(w.endswith("s") and word in (w[:-1], w[:-2]) for w in q.words.values())


def _noun_phrase_end(toks: list, last: int, q: Question) -> int:
    """The counted noun goes on past the window through words the question asks, "and"/"or" between:
    "24 community based tree and woodland projects", asked "How many tree and woodland projects…"."""
    j = last + 1
    while j < len(toks):
        joined = toks[j].word in ("and", "or") and j + 1 < len(toks)
        k = j + 1 if joined else j
        if stem_with_irregulars(toks[k].text) not in q.head:
            break
        last, j = k, k + 1
    return last


def _plural_head_after(text: str, toks: list, last: int) -> int:
    """1 when the counted word only qualifies the plural noun right after it: "62 community organisations"
    for "How many community groups…" (the count is of organisations, not "62 community")."""
    following = toks[last + 1] if last + 1 < len(toks) else None
    return int(
        following is not None
        and text[toks[last].end : following.start] == " "
        and following.text.islower()
        and following.text.endswith("s")
        and not following.text.endswith("ss")
        and len(following.text) > 3
        and following.word not in STOPWORDS
        and not toks[last].text.endswith("s")
    )


_RATE = re.compile(r"\s+(?:a|per|each|every)\s+(?:day|week|month|year|annum)\b", re.I)


def _initials_of(word: str) -> str | None:
    """ "CEZs" → "CEZ": a plural of initials, or initials alone."""
    bare = word[:-1] if word.endswith("s") else word
    return bare if len(bare) > 1 and bare.isupper() else None


_COUNTED_BEFORE = re.compile(
    r"\b(?:number|total)\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:would be|will be|is|was|are|were|stands at|"
    r"now stands at|reached|rises to|rose to)\s*$",
    re.I,
)
# The counted noun said to be the number: "The Mayor’s appointees are the [13] staff appointed…".
_COUNTED_ARE = re.compile(r"\b([\w-]+)\s+(?:are|were)\s+the\s*$", re.I)


_PRONOUN_ONE_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|each|any|another|which)\s+(?:(?:new|further|separate|second|similar|single|larger|smaller)\s+)?$",
    re.I,
)


LOOSE_COUNT = 0.75  # a count by another word than the asked one fits less than one by the asked word
# Housing decisions count homes as "units" or "dwellings" ("capacity for around 100,000 units").
# ("How many spots…": "…at 9 key locations across the city": places counted by another of their words.)
_PLACES_COUNTED = ("spot", "locat", "site", "plac", "venu")
_COUNTED_AS = {
    "home": frozenset(["unit", "dwell"]),
    # "How much housing capacity…": "capacity for around 100,000 units".
    "hous": frozenset(["unit", "dwell", "home"]),
    "capacit": frozenset(["unit", "dwell", "home", "plac", "space"]),
    **{place: frozenset(_PLACES_COUNTED) - {place} for place in _PLACES_COUNTED},
}


def _counted(stem: str, head: list[str]) -> bool:
    """Is the word one of the counted words, made from one ("How many projects applied…": "161 Stage 1
    applications") or the word decisions count it by?"""
    return (
        stem in head
        or any(len(h) >= 5 and stem.startswith(h) for h in head)
        or any(stem in _COUNTED_AS.get(h, ()) for h in head)
    )


def _counted_after(toks: list, i: int, q: Question, counted) -> list[int]:
    """The positions of counted words within four words after the number at `i`."""
    return [
        j
        for j in range(i + 1, min(i + 5, len(toks)))
        if counted(stem_with_irregulars(toks[j].text))
        and (toks[i].word in ("one", "1") or not _modifier(toks[j].word, q))
    ]


def _counts(text: str, q: Question) -> list[Span]:
    """A number followed within four words by the counted noun: "70 community conversations submitted"."""
    toks, out = tokens(text), []
    taken = [(s, e) for _, s, e in find_amounts(text)] + [(d.start, d.end) for d in find_dates(text)]
    # "up to three CEZs" counts the "Creative Enterprise Zones" asked: the counted words' initials.
    initials = "".join(w[0] for w in q.head).upper() if len(q.head) > 1 else None
    for i, tok in enumerate(toks):
        # "Net Zero": a number word in a name counts nothing.
        named = tok.text[0].isupper() and i > 0 and toks[i - 1].text[0].isupper()
        # "1.4 million properties": a decimal with its scale is a number, not a paragraph's.
        scaled = bool(re.fullmatch(r"\d{1,3}\.\d{1,2}", tok.text) and _SCALE.match(text, tok.end))
        number = (
            tok.text.replace(",", "").isdigit()
            and len(tok.text) <= 9
            or tok.word in NUMBER_WORDS
            and not named
            or scaled
        )
        dotted = not scaled and (
            text[tok.end : tok.end + 1] in (".", ",", "/") or text[tok.start - 1 : tok.start] == "."
        )
        # "1)    Team London (Volunteering) programme…": a list item's number, not a count.
        line_start = text.rfind("\n", 0, tok.start) + 1
        dotted = dotted or (
            text[tok.end : tok.end + 1] == ")" and not text[line_start : tok.start].strip("( \t")
        )
        strict = _counted_after(toks, i, q, lambda stem: stem in q.head)
        # Else counted by a word made from the asked one, or the word decisions count it by.
        ahead = strict or _counted_after(toks, i, q, lambda stem: _counted(stem, q.head))
        loose = bool(ahead) and not strict
        abbreviated = [
            j
            for j in range(i + 1, min(i + 3, len(toks)))
            if initials and _initials_of(toks[j].text) == initials
        ]
        if abbreviated and not ahead:
            ahead = [abbreviated[0]] * len(q.head)  # the initials stand for every counted word
        # The counted noun named before: "The new total of homes would be [966]".
        named_before = _COUNTED_BEFORE.search(
            text[max(0, tok.start - 80) : tok.start]
        ) or _COUNTED_ARE.search(text[max(0, tok.start - 40) : tok.start])
        if (
            named_before
            and not ahead
            and {stem_with_irregulars(w) for w in named_before[1].split()} & set(q.head)
        ):
            ahead = [i]
            # "966, an increase…": the comma ends it ("3.7" is still no count).
            dotted = text[tok.end + 1 : tok.end + 2].isdigit()
        share = re.match(r"\s?(?:%|per\s?cent\b)", text[tok.end : tok.end + 9])  # "23% of Londoners"
        label = i > 0 and toks[i - 1].word in PART_WORDS | {"year"}  # "Round 2", "Stage 2": a name
        label = label or bool(_BARE_YEAR.fullmatch(tok.text))  # "By 2021 it is expected…": a year
        # "the North Kensington Sport 4 Good Cluster": a digit between capitalised words is part of a name.
        label = label or (
            0 < i < len(toks) - 1 and tok.text.isdigit() and toks[i - 1].text[:1].isupper()
            and toks[i + 1].text[:1].isupper() and text[tok.end : toks[i + 1].start] == " "
        )  # fmt: skip
        # "…is one of the Mayor’s top priorities": a member of a set, not a count of it.
        label = label or (tok.word == "one" and i + 1 < len(toks) and toks[i + 1].word == "of")
        # "…(including a new one for heavy vehicles)", "two schemes …; one for vans and one for cars": "one"
        # standing for a noun said before, not a count of the noun after it (unless right after: "a one
        # year extension").
        label = label or (
            tok.word == "one"
            and bool(ahead)
            and ahead[0] > i + 1
            and (
                toks[i + 1].word == "for"
                or bool(_PRONOUN_ONE_BEFORE.search(text[max(0, tok.start - 30) : tok.start]))
            )
        )
        if not number or dotted or share or label or not ahead or any(s <= tok.start < e for s, e in taken):
            continue  # "3.7" is a paragraph number, "2018/19" a year, "23%" a share, not a count
        before = text[max(0, tok.start - 16) : tok.start].lower()
        qualifier = next((w for w in COUNT_QUALIFIERS if before.rstrip().endswith(w)), None)  # "up to 15 …"
        if (
            qualifier == "up to"
            and _DONE_ASKED.search(q.text)
            and not _LIMIT_ASKED.search(q.text)
            and not _PLAN_ASKED.search(q.text)
        ):
            continue
        if _CHANGED_FROM.search(before) and not _EARLIER_ASKED.search(q.text):
            continue  # "scrap up to three vehicles (up from one vehicle)": the old limit, unless it is asked
        start = max(0, tok.start - 16) + (before.rfind(qualifier) if qualifier else len(before))
        last = _noun_phrase_end(toks, ahead[-1], q)
        extended = _plural_head_after(text, toks, last)
        # "three existing rough sleeping [services]" for "How many rough sleepers…": every asked word only
        # describes what is counted, another noun (not "62 community organisations" for "…community
        # groups", where the other noun stands for the asked one).
        # (Not "774 learners in construction skills": the asked noun heads its own phrase there.)
        before_head = toks[i + 1 : last + 1]
        described = {stem_with_irregulars(t.text) for t in before_head}
        if (
            extended
            and set(q.head) <= described
            and not any(t.word in STOPWORDS for t in before_head)
            and stem_with_irregulars(toks[last + 1].text) not in q.head
        ):
            continue
        last += extended
        end = toks[last].end
        rate = _RATE.match(text, end)  # "40,000 people a day": the count is of a day's
        end = rate.end() if rate else end
        asked = len(ahead) + sum(
            stem_with_irregulars(t.text) in q.head for t in toks[ahead[-1] + 1 : last + 1]
        )
        fit = 0.6 + 0.4 * min(1.0, asked / max(1, len(q.head)))
        out.append(Span(start, end, text[start:end], fit * (LOOSE_COUNT if loose else 1.0)))
    return out


def _items(part: str, longest: int) -> list[str]:
    """The items of "a; b; and c" or "a, b and c": a sentence that merely has semicolons is no list."""
    items = [p for p in (part.split(";") if ";" in part else re.split(r",|\band\b", part)) if p.strip()]
    short_enough = all(len(p.split()) <= (longest if ";" in part else 6) for p in items)
    return items if short_enough and len(items) >= (2 if ";" in part else 3) else []


_LIST_LEAD = re.compile(r"\b(?:by|including|includes|include|namely|such as|between)\s+")


def _lists(text: str, q: Question) -> list[Span]:
    """A list after a colon ("These are: a; b; …"), in brackets ("six missions (Growth, Health, …)"), or bare."""
    parts = [(i + 1, end) for i, c in enumerate(text) if c == "(" and (end := _closing(text, i)) > 0]
    for s, e in sentences(text, 0, len(text)):
        colon = text.find(":", s, e)
        end = s + len(text[s:e].rstrip(" ."))
        parts.append((colon + 1 if colon >= 0 else s, end))
        if colon < 0:
            # "…activities undertaken by Think London (inward investment), Visit London (tourism) and Study
            # London (education).": the list that ends a sentence, after the word leading to it.
            parts.extend((m.end(), end) for m in _LIST_LEAD.finditer(text, s, end))
    out = []
    for start, end in parts:
        colon = text[start - 1 : start] == ":"
        items = _items(text[start:end], 20 if colon else 8)
        if len(items) >= (2 if colon else 3):
            start += len(text[start:end]) - len(text[start:end].lstrip())
            fit = 1.0 if q.stated_number in (None, len(items)) else 0.6
            out.append(Span(start, end, text[start:end], fit))
    return out


def _closing(text: str, opening: int) -> int:
    """Where the bracket opened at `opening` closes, past brackets inside it: "(London Treasury Ltd (LTL),
    GLIF Limited and LTLF GP Limited)"; -1 when it never does."""
    depth = 0
    for i in range(opening, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return -1


def bullet_list(text: str) -> str:
    """Items of a bulleted or numbered list, joined: "housing associations; trade unions; …"."""
    found = [line for line in text.split("\n") if line.strip()]
    if len(found) < 2 or not all(ITEM.match(line) for line in found):
        return ""
    return "; ".join(line[ITEM.match(line).end() :].strip().rstrip(";.") for line in found)


# "$92,544", "US$1.5m", "€2 million": a sum in another currency (the index reads sterling only); "2p",
# "1.5p": a rate in pence ("the multiplier will be 2p").
_OTHER_CURRENCY = re.compile(
    r"(?:US\$|\$|€)\s?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s?(?:bn|billion|m|million|k|thousand)\b)?"
    r"|\b\d{1,2}(?:\.\d+)?p\b",
    re.IGNORECASE,
)
# "$92,544 (£70,777)": a sum with its equivalent in another currency in brackets is one answer.
_EQUIVALENT = re.compile(r"\s?\([^()]{1,24}\)")


# What a sum is stated with, kept in the answer: "the circa £311m annual AEB" is not "£311m". The
# qualifiers of a count, and the abbreviations written before sums ("c£150 million", "approx. £2m").
_QUALIFIERS = "|".join(re.escape(w) for w in (*COUNT_QUALIFIERS, "approx.", "c.", "c"))
# "up to an additional £2.08m", "a further £16k": stated as more on top, kept so.
_QUALIFIERS = rf"(?:(?:{_QUALIFIERS})\s)?(?:an additional|a further|an extra)|{_QUALIFIERS}"
_AMOUNT_QUALIFIER = re.compile(rf"\b(?:{_QUALIFIERS})\s?$", re.IGNORECASE)
_QUALIFIER_START = re.compile(rf"^(?:{_QUALIFIERS})\s?", re.IGNORECASE)


def qualified_start(text: str, start: int) -> int:
    """Where the sum at `start` begins with what it is stated with ("up to £140m", "circa £311m")."""
    qualified = _AMOUNT_QUALIFIER.search(text, max(0, start - 24), start)
    return qualified.start() if qualified else start


# "uptake above 90 per cent": a rate a share is said to pass or stay under is part of it.
_SHARE_BOUND = re.compile(r"\b(?:above|below|under|exceeding|beyond)\s$", re.I)


def _bound_start(text: str, start: int) -> int:
    bound = _SHARE_BOUND.search(text, max(0, start - 12), start)
    return bound.start() if bound else start


def unqualified(value: str) -> str:
    """The value without what it is stated with: "circa £311m" → "£311m"."""
    return _QUALIFIER_START.sub("", value, count=1)


# "2p per pound of rateable value": a business rate is stated per pound of the value it is levied on.
_AMOUNT_RATE = re.compile(
    rf"{_RATE.pattern}|\s+per\s+(?!cent\b)[a-z]+\b(?:\s+of\s+rateable\s+value\b)?", re.I
)


def _amount_spans(text: str) -> tuple[Span, ...]:
    found = sorted(
        [(s, e) for _, s, e in find_amounts(text)] + [m.span() for m in _OTHER_CURRENCY.finditer(text)]
    )
    out: list[Span] = []
    for start, end in found:
        if out and start < out[-1].end:  # inside the brackets of the sum before it
            continue
        bracket = _EQUIVALENT.match(text, end)
        inner = bracket and text[bracket.start() : bracket.end()].strip(" ()")
        if inner and inner[0] != text[start] and any(text[s:e] == inner for s, e in found):
            end = bracket.end()
        start = qualified_start(text, start)  # "circa £311m", "up to £250,000": as stated
        rate = _AMOUNT_RATE.match(text, end)  # "£7,400 a year", "up to £500 per child": a rate
        end = rate.end() if rate else end
        out.append(Span(start, end, text[start:end]))
    return tuple(out)


@functools.lru_cache(maxsize=32768)
def _value_spans(kind: str, text: str) -> tuple[Span, ...]:
    """Amounts or dates in a piece, remembered: the same pieces come back question after question."""
    if kind == "amount":
        return _amount_spans(text)
    fit = {"financial_year": 0.7}  # "took place in 2017/18" answers "when" less precisely than a month
    return tuple(Span(d.start, d.end, d.text, fit.get(d.precision, 1.0)) for d in find_dates(text))


# "Director Decision (DD) 2752", "Mayoral Decision (MD)3274": a code spelt out, answered as written.
# "Mayoral Decision 2338" too: the long name says which kind of code the number is.
_SPELT_CODE = re.compile(
    r"\b(?:Mayoral|Assistant Director|Executive Director|Director|Police and Crime) Decision\s?"
    r"(?:\((?:MD|DD|ADD|EDD|PCD)\)\s?)?\d{3,5}\b"
    r"|(?<![\w(])\((?:MD|DD|ADD|EDD|PCD)\)\s?\d{3,5}\b"
)


def _references(text: str) -> list[Span]:
    """Decision codes written whole ("MD1177", "DD2593"), normalised, or spelt out, as written."""
    found = ((t, normalise_ref(t.text)) for t in tokens(text) if _CODE.fullmatch(t.text))
    spelt = [Span(m.start(), m.end(), m.group()) for m in _SPELT_CODE.finditer(text)]
    return [Span(t.start, t.end, ref) for t, ref in found if ref] + spelt


def code_of(reference: str) -> str:
    """ "Director Decision (DD) 2752" → "DD2752"; a code written whole is its own."""
    return normalise_ref(reference) or reference


_BARE_YEAR = re.compile(r"(?<![\d/-])\b(?:19|20)\d\d\b(?![\d/-])")
_SPAN_YEAR = re.compile(r"(?:19|20)\d\d[/-]\d\d")  # "2019/20", "2021-22"
# "…was established in 2004", "…will open … in around 2030": a year said as when, with its hedge.
# ("until 2033", "by 2030": the year a thing lasts to or is done by.)
_IN_YEAR = re.compile(
    r"(?:(?<=\b[Ii]n )|(?<=\buntil )|(?<=\bby ))(?:(?:around|about|approximately|circa|roughly)\s+)?"
    r"(?:19|20)\d\d\b(?![\d/-])"
)
# "Until when can the £212.5m be spent…": "…could be spent to 2033", the year it runs to.
_TO_YEAR = re.compile(r"(?<=\bto )(?:19|20)\d\d\b(?![\d/-])")
_UNTIL_ASKED = re.compile(r"\b(?:until|till|up to) when\b", re.I)
# "…will operate from 2020 – 2024": the years a range is said between are when, as "in 2004" is.
_RANGED_YEAR = re.compile(
    r"(?:(?<=\bfrom )|(?<=\bbetween ))(?:19|20)\d\d\b(?![\d/-])"
    r"|(?:(?<=\d{4} – )|(?<=\d{4} - )|(?<=\d{4}–)|(?<=\d{4} to )|(?<=\d{4} and ))(?:19|20)\d\d\b(?![\d/-])"
)
_WHEN_YEAR = re.compile(f"{_IN_YEAR.pattern}|{_RANGED_YEAR.pattern}")
_WHEN_OR_TO_YEAR = re.compile(f"{_WHEN_YEAR.pattern}|{_TO_YEAR.pattern}")
_YEAR_ASKED = re.compile(r"\b(?:what|which) year\b|\bin what year\b", re.I)
_DAY_ASKED = re.compile(r"\b(?:what|which)(?: exact| precise)? (?:date|day)\b|\bexact date\b", re.I)


@functools.lru_cache(maxsize=32768)
def _day_spans(text: str) -> tuple[Span, ...]:
    return tuple(Span(d.start, d.end, d.text) for d in find_dates(text) if d.precision == "day")


# "…due to be issued before the end of March 2015": a deadline is answered with its word, not as the day.
_DEADLINE_BEFORE = re.compile(
    r"\b(?:before|by|no later than|not later than|prior to|until)\s+(?:the\s+)?$", re.I
)


def spans_for(kind: str, text: str, q: Question, common: set[str]) -> list[Span]:
    found = _spans_for(kind, text, q, common)
    if kind != "date" or _YEAR_ASKED.search(q.text):  # "By what year…?": "2025", the "by" is asked
        return found
    out = []
    for span in found:
        before = _DEADLINE_BEFORE.search(text[max(0, span.start - 30) : span.start])
        if before:
            start = span.start - len(before.group())
            span = Span(start, span.end, text[start : span.end], span.quality)
        out.append(span)
    return out


_DATING_EVENT = re.compile(
    r"\b(?:the )?(?:19|20)\d\d (?:Autumn Statement|Spring Statement|Spending Review|Autumn Budget|Spring Budget|Budget)\b"
    r"|\b(?:the )?(?:Autumn Statement|Spring Statement|Spending Review|Autumn Budget|Spring Budget) (?:of )?(?:19|20)\d\d\b"
)


def _dates_and_years(text: str, bare_years: re.Pattern, quality: float) -> list[Span]:
    """The dates in the text, and the years `bare_years` finds outside them, each of that quality."""
    dated = _value_spans("date", text)
    years = [
        Span(m.start(), m.end(), m.group(), quality)
        for m in bare_years.finditer(text)
        if not any(d.start <= m.start() < d.end for d in dated)
    ]
    return [*dated, *years]


# "…approved at a meeting of the AEB Mayoral Board on 10 January": a day the page gives without its year.
_DAY_WITHOUT_YEAR = re.compile(
    r"(?<=\bon )\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b(?!,? \d)"
)


def _days_without_year(text: str) -> list[Span]:
    """A sentence dating an event by its day alone answers, but less surely than one giving the year."""
    return [Span(m.start(), m.end(), m.group(), 0.6) for m in _DAY_WITHOUT_YEAR.finditer(text)]


def _spans_for(kind: str, text: str, q: Question, common: set[str]) -> list[Span]:
    if kind == "date" and _YEAR_ASKED.search(q.text):  # "By what year…": "by 2025" answers, no date needed
        # "From which year…": "from the 2019/20 academic year (1 August 2019)" answers with its year as
        # well as a bare year would.
        found = _dates_and_years(text, _BARE_YEAR, 0.9)
        return [
            Span(s.start, s.end, s.text, max(s.quality, 0.9)) if _SPAN_YEAR.fullmatch(s.text) else s
            for s in found
        ]
    if kind == "date" and _DAY_ASKED.search(q.text):  # "On what date…": a day, not "March 2020" or "2025-26"
        return list(_day_spans(text))
    if kind == "date":
        # "…was established in 2004": a year is the whole answer to when an event happened when it is
        # all the sentence gives, but less than a day or month beside it.
        years = _WHEN_OR_TO_YEAR if _UNTIL_ASKED.search(q.text) else _WHEN_YEAR
        found = _dates_and_years(text, years, 0.6) or _days_without_year(text)
        # "In the 2016 Autumn Statement, the government announced…": an event of a year dates what was done at
        # it, as surely as a month would (its year alone would say less).
        events = [Span(m.start(), m.end(), m.group(), 0.9) for m in _DATING_EVENT.finditer(text)]
        return [f for f in found if not any(e.start <= f.start < e.end for e in events)] + events
    if kind == "amount":
        return list(_value_spans(kind, text))
    if kind == "share":  # "a pay award of 2 per cent", "23%"; "covers around 21% of London": as stated
        return [
            Span(start, m.end(), text[start : m.end()])
            for m in ANSWER_PATTERNS["share"].finditer(text)
            for start in [_bound_start(text, qualified_start(text, m.start()))]
        ]
    if kind == "person" and q.asked_noun == "place":  # "Where…": a name the text sets after "in", "at", "to"
        found = [
            *places(text),
            *(n for n in names(text, q, common) if _LOCATED_BEFORE.search(text[: n.start])),
        ]
        return sorted({_within_place(text, f) for f in found}, key=lambda s: (s.start, -s.end))
    if kind == "person" and q.asked_noun in PLACE_NOUNS:  # "Which country…": a place the recogniser reads
        return list(places(text))
    if kind == "person" and q.asked_noun == "borough":  # "Which boroughs…", "Which council…"
        # "Which boroughs does the area cross?": "…across three borough boundaries (Ealing, Brent, and
        # Hammersmith & Fulham)", boroughs a name-finder reads one capitalised word at a time.
        # "Which London borough received two Housing Zones?": "…Waltham Forest, Brent (two Zones),
        # Enfield…", the one borough whose note says what the question asks.
        marked = [
            Span(s, e, text[s:e])
            for s, e, note in noted_boroughs(text)
            if not q.plural and stems(note)[0] <= q.words.keys()
        ]
        if marked:
            return marked
        listed = [Span(s, e, text[s:e]) for s, e in borough_lists(text)]
        # A name inside a list of boroughs is one of them; a name holding a borough ("the London Borough of
        # Islington", "Islington Council") is the borough as the text names it, which is the answer.
        named = [
            n
            for n in names(text, q, common)
            if not any(b.start <= n.start and n.end <= b.end or b.start < n.start < b.end for b in listed)
        ]
        named = [_from_borough(n) for n in named]  # "Chief Executive of [the London Borough of Hounslow]"
        return [b for b in listed if not any(n.start <= b.start and b.end <= n.end for n in named)] + named
    if kind == "person" and _NAME_ASKED.search(q.text):
        # "What is the name of the second phase of YLI?": "The second phase of YLI, called [‘My London’]…", a
        # name given in quotes, whatever its words.
        called = [Span(m.start(1), m.end(1), m[1]) for m in _CALLED.finditer(text)]
        return sorted(
            [
                *called,
                *(n for n in names(text, q, common) if not any(c.start <= n.start < c.end for c in called)),
            ],
            key=lambda s: (s.start, -s.end),
        )
    finders = {"email": _emails, "reference": _references, "person": lambda t: names(t, q, common), "count": lambda t: _counts(t, q),
               "list": lambda t: _lists(t, q), "frequency": _frequencies}  # fmt: skip
    return finders[kind](text) if kind in finders else []


def _frequencies(text: str) -> list[Span]:
    """ "on a quarterly basis", "twice a year": how often, as stated."""
    return [Span(m.start(), m.end(), m.group()) for m in ANSWER_PATTERNS["frequency"].finditer(text)]


def called_name(text: str, span: Span) -> bool:
    """Is the span a name the text gives in quotes ("…, called [‘My London’]")?"""
    return any(m.span(1) == (span.start, span.end) for m in _CALLED.finditer(text, max(0, span.start - 20)))


_NAME_ASKED = re.compile(r"\b(?:name|named|called|titled|entitled|known as)\b", re.I)
_CALLED = re.compile(
    r"\b(?:called|named|known as|entitled|titled|branded)\s+[‘“\"']([^’”\"'\n]{2,60}?)[’”\"']"
)

# "…will open in [Old Oak Common]", "…a garden at [Chobham Manor]", "…from use in Greater London to [Ukraine]".
_LOCATED_BEFORE = re.compile(r"\b(?:in|at|to|on|near|within|into)\s+(?:the\s+)?$")

# "…at [Chobham Manor] on Queen Elizabeth Olympic Park": the place it stands in is part of where.
_WITHIN_PLACE = re.compile(r"\s+(?:on|in|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*")


def _within_place(text: str, span: Span) -> Span:
    within = _WITHIN_PLACE.match(text, span.end)
    return replace(span, end=within.end(), text=text[span.start : within.end()]) if within else span


_BOROUGH_OF = re.compile(r"\b(?:the\s+)?(?:London|Royal)\s+Boroughs?\s+of\b")


def _from_borough(span: Span) -> Span:
    """The borough a name holds after the post there ("Executive of the London Borough of Hounslow")."""
    found = _BOROUGH_OF.search(span.text)
    if not found or found.start() == 0:
        return span
    # (The borough is the kind of name asked, whatever post stood before it.)
    return replace(span, start=span.start + found.start(), text=span.text[found.start() :], quality=1.0)


# ", which approved £25,000…" describes the value before it: a relative clause is no join, nor
# is the comma inside "25,000".
_CLAUSE_JOIN = re.compile(r",(?=\s)(?!\s*(?:which|who|whose)\b)|;| and | while | whilst | whereas | but ")


def _belongs_elsewhere(span: Span, tok_start: int, text: str, others: tuple[tuple[int, int], ...]) -> bool:
    """Is the word another value's? Past another value it is; between two values, it is the one on its
    side of the first join: "£1.02m is a cost to the GLA and £330k is to be received" — "cost" is £1.02m's."""
    lo, hi = sorted((tok_start, span.start))
    if any(lo <= s and e <= hi for s, e in others if (s, e) != (span.start, span.end)):
        return True
    if tok_start >= span.end:
        following = min((s for s, _ in others if s >= tok_start), default=None)
        join = _join_between(text, span.end, following) if following is not None else None
        return bool(join) and tok_start >= join.end()
    previous = max((e for _, e in others if e <= tok_start), default=None)
    if previous is None:
        return False
    join = _join_between(text, previous, span.start)
    return bool(join) and tok_start < join.start()


def _join_between(text: str, start: int, end: int) -> re.Match | None:
    """Where two values' clauses meet: a semicolon if there is one, else the first join that is not
    inside a name ("the Old Oak and Park Royal Development Corporation (OPDC) to Transport for London
    (TfL); and £60,000 …": the semicolon, not the "and" of Old Oak and Park Royal)."""
    joins = [
        j
        for j in _CLAUSE_JOIN.finditer(text, start, end)
        if not (j.group() == " and " and _capitalised_around(text, j.start(), j.end()))
    ]
    return next((j for j in joins if j.group() == ";"), joins[0] if joins else None)


def _capitalised_around(text: str, start: int, end: int) -> bool:
    before, after = text[:start].split()[-1:], text[end:].split()[:1]
    return bool(before and after and before[0][:1].isupper() and after[0][:1].isupper())


# ", a former Chair of the NHS Pay Review Body and former member of the Senior Salaries Review Body,"
# ", currently Chief Executive of the London Borough of Hounslow,": a description set off by commas.
_APPOSITION = re.compile(r",\s+(?:a|an|the|currently|formerly|former|now|then)\s[^,;.()]{0,160},\s")


def proximity(
    span: Span,
    text: str,
    weights: dict[str, float],
    own: tuple[int, int] | None = None,
    others: tuple[tuple[int, int], ...] = (),
    short_forms: dict[str, frozenset[str]] | None = None,
    spelt: dict[str, str] | None = None,
) -> float:
    """Closeness of the question's words in `text` to the span, weighted: "three year term" picks £270,000 in
    "£90,000 per year; £270,000 over its three year term". Words outside `own` (the span's line) count half,
    words that describe another value of the same kind (`others`) a quarter. Initials stand for the words
    they abbreviate (`short_forms`: "VRU" for "Violence Reduction Unit"), and a name's words its initials
    (`spelt`, stem → the initials' stem: "Department for Education" for the question's "DfE")."""
    best: dict[str, float] = {}
    # "Philippa Hird, a former Chair of the NHS Pay Review Body…, was appointed to undertake a review":
    # what a name's apposition says of it stands between it and what it did, but is no distance.
    apposition = _APPOSITION.match(text, span.end)
    resumes = apposition.end() if apposition else span.end
    for tok in tokens(text):
        said = stem_with_irregulars(tok.text)
        if said not in weights and tok.text[0].isalpha() and tok.text[-1].isdigit():
            said = re.sub(r"\D", "", tok.text)  # "ADD2234" answers to 2234
        # (Not inside the span: "the Department of Business" answers nothing about "BEIS".)
        inside = span.start <= tok.start < span.end
        written_out = (spelt[said],) if spelt and said in spelt and not inside else ()
        # "short-listed" is "shortlisted" asked.
        joined = (stem_with_irregulars(tok.text.replace("-", "")),) if "-" in tok.text else ()
        for word_stem in (said, *joined, *(short_forms or {}).get(tok.text, ()), *written_out):
            if word_stem not in weights:
                continue
            after = resumes if tok.start >= resumes else span.end
            between = text[tok.end : span.start] if tok.end <= span.start else text[after : tok.start]
            gap = 0 if span.start <= tok.start < span.end else len(between.split())
            weight = 0.5 if own is not None and not own[0] <= tok.start < own[1] else 1.0
            if (
                others
                and not span.start <= tok.start < span.end
                and _belongs_elsewhere(span, tok.start, text, others)
            ):
                weight *= 0.25
            best[word_stem] = max(best.get(word_stem, 0.0), weight / (1.0 + gap / 4.0))
    total = sum(weights[s] for s in best)
    return sum(weights[s] * c for s, c in best.items()) / total if total else 0.0
