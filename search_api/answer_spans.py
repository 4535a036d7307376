"""A question's words and kind as the answerer reads them (the kind: question_types.question_kind), and the
spans of evidence text that answer it: amounts, dates, names, counts, lists, addresses. The text is untrusted:
names, counts, lists and addresses are found by walking tokens; each regex is one linear pass."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from decisions.london_boroughs import names_a_borough
from decisions.words import STOPWORDS, Token, plain_word, stem_with_irregulars, tokens
from indexer.amounts import find_amounts
from indexer.dates import date_only, find_dates
from indexer.parse import normalise_ref

from .question_types import (
    ANSWER_PATTERNS,
    ASKED_NOUNS,
    DELEGATION,
    IMPERATIVES,
    ORG_NOUNS,
    PERSON_NOUNS,
    QUESTION_WORDS,
    SOURCE_ASKED,
    asking_clause,
    is_question,
    question_kind,
)

# Generic vocabulary. filler: question padding; not_names: word endings.
_VOCAB = {
    name: words.split()
    for name, words in (line.split(":", 1) for line in """
filler: named mentioned say says said according decision decisions document documents give tell know please there their also goes go going get gets find identify provide show quote
role: director assistant executive mayor deputy head officer chair chairman chairwoman chairperson commissioner chief manager secretary minister councillor cllr position
org_words: authority authorities body board council councils unit team procurement partnership partnerships department ltd limited trust trusts group committee network hub assembly hall police service services university college foundation association agency office bank commission centre society sector llp plc cic charity company intelligence london borough co-operative co-operatives cooperative cooperatives embassy england uk ministry
thing_words: programme programmes fund funds code act report strategy plan plans regulations recovery mission missions project projects scheme schemes initiative framework policy prize award awards grant grants budget zone zones post role
months: january february march april may june july august september october november december
numbers: zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
not_names: ion ive ic ary ment ship ity ness ing ance ence ism ogy
abbreviations: e.g. i.e. etc. no. cllr. dr. mr. mrs. ms. st. approx.
""".strip().splitlines())
}  # fmt: skip
FILLER, ROLE_WORDS = (frozenset(_VOCAB[k]) for k in ("filler", "role"))
ORG_WORDS, MONTHS, ABBREVIATIONS = (frozenset(_VOCAB[k]) for k in ("org_words", "months", "abbreviations"))
THING_WORDS = frozenset(_VOCAB["thing_words"])  # what names a programme, fund or plan: not who acts
NUMBER_WORDS = {w: i for i, w in enumerate(_VOCAB["numbers"])}
NOT_NAMES = tuple(_VOCAB["not_names"])
JOINERS = frozenset(["of", "for", "and", "the", "&"])
# What stands before the wanted one of two values: "reduced to [£72,625]", "from October 2020 to [September 2023]".
AFTER_ENDINGS = {
    "to": (" to",),
    "from": (" from",),
    "by": (" by",),
    "end": (" to", " and", " until", "–", "-"),
    "start": (" from", " between"),
    "changed": (" to",),
}
FIGURE_KINDS = ("amount", "count", "share")  # read with the year and the clause they stand in
_EARLIER_WORDS = frozenset(
    "original previous old initial initially earlier prior originally previously".split()
)
_CHANGED_WORDS = frozenset("new revised increased raised reduced after now updated".split())
_POST_ASKED = re.compile(
    r"\bwhich (?:officer|post|role)\b|\bwho is given\b|\bsenior responsible owner\b", re.I
)
_PORTFOLIO_AFTER = re.compile(r",\s+[A-Z][\w’'&-]*(?:\s+(?:and|the|of|for|&|[A-Z][\w’'&-]*))*")
PART_WORDS = frozenset("round phase wave tranche stage cohort".split())  # "Round 2": a numbered part
_PUBLISHER = re.compile(r"\bGLA\b|\bGreater London Authority\b")  # not "Greater Manchester"
DECISION_TYPES = frozenset("MD DD ADD EDD PCD DMFD DMPD CO HOPS LFC".split())
_END_WORDS = frozenset(
    "end ends ending until finish finishes completion complete close closes expire expires".split()
)
_START_WORDS = frozenset("start starts starting begin begins commence commences".split())
RANGE_CUES = _END_WORDS | _START_WORDS | {"date", "day", "when"}
LEADING = JOINERS | {"this", "that", "these", "a", "an"}  # not the start of a name: "This Mayoral Decision"
COUNT_QUALIFIERS = ("up to", "more than", "over", "around", "about", "circa", "at least", "nearly", "almost")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ENUMERATOR = re.compile(r"[-•·*\s]*(?:\d{1,2}(?!\d)[\d.]{0,9}|[a-z]\)|[ivx]{1,4}\.)")  # "1.1.", "- 2.5"
_CODE = re.compile(r"[A-Z]{2,4}\d{3,5}")  # "MD1177"; "PCD1792"
_BULLET = re.compile(r"[-•·*]\s")
ITEM = re.compile(r"\s*(?:[-•·*]|\d{1,2}[.)])\s")  # "• housing associations", "2. cross cutting principles"


@dataclass
class Question:
    text: str
    kind: (
        str  # question_types.question_kind: amount | date | person | count | list | email | reference | text
    )
    words: dict[str, str] = field(default_factory=dict)  # stem → the word as asked
    weights: dict[str, float] = field(default_factory=dict)  # stem → how telling (rare) it is
    head: list[str] = field(default_factory=list)  # the counted noun: "how many [grant applications]…"
    plural: bool = False  # "Which artists…", "Who are the partners…": more than one name is wanted
    asked_phrase: set[str] = field(default_factory=set)  # "What was the [combined total] for…": its stems
    stated_number: int | None = None  # "the four priorities": a list of four
    role: bool = False  # "who is the chief executive…": a person is wanted, not an organisation
    organisation: bool = False  # "which company…": an organisation is wanted, not a person
    asked_noun: str | None = None  # "which department…": a name holding "Department" fits best
    post: bool = False  # a delegation is asked about: "Executive Director of Housing and Land" answers
    receiver: bool = False  # "Which organisation received/got the grant…": the body money goes "to"
    entities: list[set[str]] = field(default_factory=list)  # names it uses: "London Partnership Board"
    acronyms: set[str] = field(default_factory=set)  # their initials ("LPB"): never an answer
    # A name joining two ("Chief Officer and Returning Officer"), by its place in `entities`: its parts.
    parts: dict[int, list[set[str]]] = field(default_factory=dict)
    after: str | None = None  # "reduced to" wants the amount after "to", an "end date" the second date


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    quality: float = 1.0  # fit to the wanted type: for "who", a person's name beats a job title


@dataclass(frozen=True)
class Piece:  # a sentence, or one line of a table or list, as offsets into its text
    start: int
    end: int
    line: int  # index of the line it starts on
    short: bool  # a cell, bullet or field line: it may need the lines before it
    before: int  # start of the previous sentence of its paragraph: "The Board was…" needs it


def word_stems(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(stems, lower-case words); "ADD2234" also gives 2234: decisions cite each other by number.
    Uncached, for a whole decision's text; `stems` remembers the short pieces asked again and again."""
    words = [t.text for t in tokens(text)]
    numbers = {re.sub(r"\D", "", w) for w in words if w[0].isalpha() and w[-1].isdigit()}
    found = {stem_with_irregulars(w) for w in words}
    return frozenset(found | numbers), frozenset(plain_word(w) for w in words)


stems = functools.lru_cache(maxsize=8192)(word_stems)


_DOCUMENT_PARTS = frozenset(
    "appendix appendices annex annexe schedule table section figure paragraph part".split()
)


def _singular(word: str) -> str:
    """ "boroughs" → "borough", "companies" → "company", for the body nouns a question asks by."""
    for plural, singular in (("ies", "y"), ("s", "")):
        if word.endswith(plural) and word[: -len(plural)] + singular in ORG_NOUNS:
            return word[: -len(plural)] + singular
    return word


def analyse_question(text: str) -> Question:
    found = tokens(text)
    toks = [t.word for t in found]
    if not toks:
        return Question(text, "text")
    q = Question(text, question_kind(text))
    for word in toks:
        # isdecimal, not isdigit: "¹" is a digit that int() refuses (found by schemathesis);
        # "Net Zero" is 0, which `or` once passed on to int("zero").
        if word in NUMBER_WORDS:
            q.stated_number = NUMBER_WORDS[word]
        elif word.isdecimal() and word.isascii() and len(word) <= 2:
            q.stated_number = int(word)
        if not (word in STOPWORDS or word in FILLER or word in QUESTION_WORDS or len(word) < 2):
            q.words.setdefault(stem_with_irregulars(word), word)
    asking = [t.word for t in tokens(asking_clause(text))]
    q.role = q.kind == "person" and bool(ROLE_WORDS & set(toks)) and not ORG_NOUNS & set(asking[:3])
    # "Which company…", or a search ending in its body noun: "… grant income comes from which funder".
    searched = [] if is_question(text) else toks[-1:]
    asking = [_singular(w) for w in asking]  # "Which boroughs…", "Which companies…"
    q.organisation = q.kind == "person" and bool(ORG_NOUNS & {*asking[:4], *map(_singular, searched)})
    # "Which officer may approve…", "who is given the decision…", "who can agree…": a delegation names a post.
    q.post = q.kind == "person" and bool(DELEGATION.search(text) or _POST_ASKED.search(text))
    q.asked_noun = next((w for w in asking[1:3] if w in ORG_NOUNS), None) if q.organisation else None
    # ("Who did the Legacy Corporation give grant money to…": "to" ends the asking clause.)
    q.receiver = q.kind == "person" and bool(
        _RECEIVED.search(asking_clause(text))
        or re.search(r"\bgi(?:ve|ven|ving|ves|ave)\b[^,;:?]* to\b", text, re.I)
    )
    source = SOURCE_ASKED.match(text)
    if source:  # "Which budget pays for…": a name, with its noun ("Homes for Londoners Collaboration budget")
        q.organisation, q.asked_noun = True, source.group("noun").lower().split()[-1]
    if q.asked_noun == "council":
        q.asked_noun = "borough" if "borough" not in asking else q.asked_noun
    q.after = toks[-1] if toks[-1] in ("to", "from", "by") else None
    if q.kind in FIGURE_KINDS and q.after is None and set(toks) & _EARLIER_WORDS:
        q.after = "from"  # "the original budget": in "from £15m to £16.4m", the first
    if q.kind in FIGURE_KINDS and q.after is None and set(toks) & _CHANGED_WORDS:
        q.after = "changed"  # "the total after the extra money": in "from £15m to £16.4m", the second
    if (
        q.kind == "date" and q.after is None
    ):  # "end date": in "from October 2020 to September 2023", the second
        cue = set(toks) & _END_WORDS and "end" or set(toks) & _START_WORDS and "start"
        q.after = cue or None
    joined: list[Token] | None = None  # the last name joining two with "and": its parts follow it
    for run in _name_runs(text, found):  # "Which Deputy Mayor…": the name starts after "Which"
        # "Give London & Partners' core grant…": the imperative is no part of the name.
        named = [
            t for t in run if not {t.word} & (JOINERS | QUESTION_WORDS | STOPWORDS | IMPERATIVES | FILLER)
        ]
        # "Number of Stage 1 applications…", "Date of the London Assembly meeting…": a search's first
        # word is capitalised for being first; when it names what is asked, it is no part of a name.
        if named and named[0] is found[0] and named[0].word in ASKED_NOUNS:
            named = named[1:]
        inside = joined is not None and joined[0].start <= run[0].start and run[-1].end <= joined[-1].end
        if len(named) >= 2:
            name = {stem_with_irregulars(t.text) for t in named}
            if inside and q.entities:
                # A part of "GLA Chief Officer and Greater London Returning Officer": either will do.
                q.parts.setdefault(len(q.entities) - 1, []).append(name)
            else:
                q.entities.append(name)
            q.acronyms.add("".join(t.text[0] for t in named).upper())
        if not inside:
            joined = run if {"and", "&"} & {t.word for t in run} else None
    # "Healthy Place, Healthy Weight" is "HPHW" in the decision: initials of capitalised words
    # in a row, punctuation aside, are the question's own name, never its answer.
    capitals = [t.text[0] for t in found if t.text[0].isupper() and t.word not in QUESTION_WORDS]
    q.acronyms.update(
        "".join(capitals[i:j])
        for i in range(len(capitals))
        for j in range(i + 2, min(i + 7, len(capitals) + 1))
    )
    # "business rate supplement" is the decision's "BRS": initials of the question's words in a row.
    content = [t.text[0].upper() for t in found if t.word not in STOPWORDS and t.word not in QUESTION_WORDS]
    q.acronyms.update(
        "".join(content[i:j]) for i in range(len(content)) for j in range(i + 3, min(i + 6, len(content) + 1))
    )
    if q.kind == "count":  # "…, how many homes in total", "number of young people": where it is asked
        asks = (["how", "many"], ["number", "of"], ["no", "of"])
        at = next((i + 2 for i in range(len(toks) - 1) if toks[i : i + 2] in asks), 2)
        # A name's joiner is no stop: "how many Free Courses for Jobs training places".
        inside_name = [
            0 < i < len(found) - 1
            and w in JOINERS
            and found[i - 1].text[0].isupper()
            and found[i + 1].text[0].isupper()
            for i, w in enumerate(toks)
        ]
        stop = next(
            (
                i
                for i, w in enumerate(toks)
                if i > at - 1 and w in STOPWORDS | QUESTION_WORDS and not inside_name[i]
            ),
            None,
        )
        q.head = [stem_with_irregulars(w) for i, w in enumerate(toks[at:stop], at) if not inside_name[i]]
    plural = next((w for w in toks[1:4] if w not in ("is", "was", "are", "were", "the", "a", "an")), "")
    q.plural = (
        q.kind == "person"
        and toks[0] in ("which", "what", "who")
        and plural.endswith("s")
        and (plural[:-1] in PERSON_NOUNS or _singular(plural) in ORG_NOUNS)
    )
    if q.kind in ("amount", "share"):  # (for dates too, it lost as many as it won)
        q.asked_phrase = _asked_phrase(text)
    return q


# Where the noun phrase a question asks for ends: "What was the combined total [for …]".
_PHRASE_END = frozenset(
    "for of in on to from at by that which who once when while whilst did does do was were is are will "
    "would has have had can could should under with within".split()
)


def _asked_phrase(text: str) -> set[str]:
    """The stems of the noun phrase asked for: "What was the [combined total] for…", "How much [revenue
    grant] did OPDC give…". Empty for "How much did London Councils put in…"."""
    words = [t.word for t in tokens(asking_clause(text))]
    if len(words) < 3 or words[0] not in ("what", "which", "how"):
        return set()
    i = 2 if words[0] == "how" else 1
    while i < len(words) and words[i] in ("is", "was", "are", "were", "the", "a", "an", "be"):
        i += 1
    phrase = list(itertools.takewhile(lambda w: w not in _PHRASE_END, words[i : i + 4]))
    return {stem_with_irregulars(w) for w in phrase}


def _received(q: Question, before: str) -> float:
    """Asked who received: "…grant assistance of £269,000, to [Groundwork London] … for a garden at
    Chobham Manor on [Queen Elizabeth Olympic Park (QEOP)]": the body after "to", not the place."""
    if not q.receiver:
        return 0.0
    return 0.3 if before == "to " else -0.3 if before in ("on ", "at ", "in ") else 0.0


# Who money went to: "Which organisation received…", "Who got the grant…", "…was given…".
_RECEIVED = re.compile(r"\b(?:receiv\w*|got|gets?|given|awarded|went|paid|allocated)\b", re.I)
_GOES_ON = re.compile(r"(?:It|Its|They|Their|These|This|The scheme|The programme|The fund)\s", re.I)


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
        last = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
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
    out, i = [], 0
    while i < len(found):
        j = i
        # A blank line always ends a paragraph; a single line break may be a PDF's wrapping.
        while j + 1 < len(found) and text.count("\n", found[j][1], found[j + 1][0]) == 1 and _wraps(
                text[found[j][0] : found[j][1]], text[found[j + 1][0] : found[j + 1][1]]):  # fmt: skip
            j += 1
        short, before = i == j and len(text[found[i][0] : found[j][1]].split()) <= 12, found[i][0]
        for s, e in sentences(text, found[i][0], found[j][1]):
            out.append(Piece(s, e, i, short, before))
            # "The Mayor's LCEF supports… It provides… Since 2017, it has supported 86 projects": a
            # sentence that goes on about "it" leaves the next one read with what "it" is.
            before = before if _GOES_ON.match(text, s) else s
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


_COMPANY_ENDINGS = frozenset("ltd limited plc llp llc inc".split())


def _name_runs(text: str, toks: list[Token]) -> list[list[Token]]:
    """Capitalised words joined by spaces or up to two of/for/and/the ("Transport for London Procurement"),
    and their parts either side of "and" ("Matthew Ryder and the GLA": two names; scoring decides)."""
    runs: list[list[Token]] = [[]]
    for i, tok in enumerate(toks):
        current, capital = runs[-1], tok.text[0].isupper() and tok.word not in MONTHS
        possessive = current and current[-1].text.endswith(("’s", "'s"))  # "GLA’s Contracts…" is two names
        joined = current and not text[current[-1].end : tok.start].strip() and not possessive
        ahead = next((t for t in toks[i + 1 : i + 3] if t.word not in JOINERS), None)
        bridge = tok.word in JOINERS and joined and ahead and ahead.text[0].isupper()
        if (capital and (joined or not current)) or bridge:
            current.append(tok)
        else:
            runs.append([tok] if capital else [])
    out = []
    for run in filter(None, runs):
        cuts = [-1, *(i for i, t in enumerate(run) if t.word in ("and", "&")), len(run)]
        if run[-1].word in _COMPANY_ENDINGS and len(cuts) > 2:
            del cuts[-2]  # "GLA Land and Property Ltd" is one company, not "Property Ltd"
        out += [run] + [run[a + 1 : b] for a, b in zip(cuts, cuts[1:], strict=False) if 1 < b - a <= len(run)]
    return out


# "RetrofitWorks", "PlayFootball": one-word names (not "McDonald", "DeSouza": surnames)
_CAMEL = re.compile(r"(?!(?:Mc|Mac|De|Di|Du|Le|La|Van)[A-Z])[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+")
# Words only a body's name holds ("Team", "Centre", "London" also name programmes and places).
_BODY_WORDS = frozenset(
    "council authority agency department ministry trust commission foundation ltd limited plc".split()
)
# Plural people: "LFEPA Members", "Assembly Members", "Board Trustees" name a group, not one person.
_GROUPS = frozenset(
    "members trustees staff officers directors councillors partners residents employees volunteers".split()
)


def _name_quality(run: list[Token], q: Question, common: set[str], next_word: str) -> float:
    """For "who", a person's name is the answer, an organisation may be, a job title rarely is; for
    "which company", an organisation. A programme, fund or code ("Contracts and Funding Code", "the
    Team London Young Ambassador programme") is neither: it is what was done, not who did it."""
    words = {t.word for t in run}
    if words & ROLE_WORDS:  # a post: the answer only when a post is asked ("which officer may approve…")
        return 0.9 if q.post else 0.05 if q.organisation else 0.15
    # "the Team London Young Ambassador programme"; but "Arts Council England grant income" is a body's.
    if run[-1].word in THING_WORDS or (next_word in THING_WORDS and not words & _BODY_WORDS):
        return 0.1
    if q.role and run[-1].word in _GROUPS:
        return 0.2  # "LFEPA Members", "Assembly Members": a group, not the person a post was given to
    if len(run) == 1 and _CAMEL.fullmatch(run[0].text):  # "RetrofitWorks": a company's own spelling
        return 0.9 if q.organisation else 0.5
    if len(run) == 1 and run[0].text.isupper():  # "GLAP", "MOPAC": often the GLA's own bodies
        return 0.25 if q.role else 0.6
    if words & ORG_WORDS:
        return 0.25 if q.role else 1.0 if q.organisation else 0.6
    if all(w in common or w in STOPWORDS for w in words) or any(_derived(w) for w in words):
        return 0.2 if q.role else 0.3  # "Mayoral Decision": capitalised words, not a name
    if q.organisation:  # a person's name ("Laura Brown") for "which organisations": rarely
        return 0.2
    return 1.0 if len(run) <= 4 else 0.5


def _derived(word: str) -> bool:
    """A word made from another ("Partnership", "Innovation"), not a name; "Mary", "Eric" are too
    short for their endings to be suffixes."""
    return any(word.endswith(ending) and len(word) >= len(ending) + 4 for ending in NOT_NAMES)


_PORTFOLIO = re.compile(  # "Deputy Mayor, Planning, Regeneration and the [Fire Service]"
    r"\b(?:Director|Mayor|Officer|Head|Manager|Chair|Secretary|Commissioner|Lead|Executive)(?:,| of| for)"
    r"[A-Za-z’'&,\s-]{0,60}$"
)


def _spelt_out(text: str, start: int, acronym: str) -> int | None:
    """Where the name an acronym in brackets abbreviates starts: "Community Energy London (CEL)"."""
    base = max(0, start - 160)
    before = text[base:start].rstrip()
    if not before.endswith("("):
        return None
    initials = ""
    for tok in reversed(tokens(before[:-1])):
        if tok.word in JOINERS and initials:
            continue  # "Mayor's Office for Policing and Crime (MOPAC)"
        if not tok.text[0].isupper():
            return None
        initials = tok.text[0] + initials
        if initials == acronym:
            return base + tok.start
        if len(initials) >= len(acronym):
            return None
    return None


def said_in(name: str, text: str) -> bool:
    """Is the name in the text? A name of three words or more only in its words' order ("of", "the"
    aside): "Community Energy London" is not said in "London Community Energy Fund"; a shorter one
    by its words anywhere."""
    words = [stem_with_irregulars(t.text) for t in tokens(name) if t.word not in JOINERS]
    inside = [stem_with_irregulars(t.text) for t in tokens(text) if t.word not in JOINERS]
    if len(words) < 3:
        return set(words) <= set(inside)
    return any(inside[i : i + len(words)] == words for i in range(len(inside) - len(words) + 1))


def _names(text: str, q: Question, common: set[str]) -> list[Span]:
    """People and organisations; `common` holds the words known in lower case."""
    out, said = [], set(q.words.values()) | {a.lower() for a in q.acronyms}  # "Chairman of LFEPA" is asked
    for run in _name_runs(text, tokens(text)):
        # "Deputy Mayor Matthew Ryder" asked as "which Deputy Mayor": the name is what follows.
        while run and (
            run[0].word in ROLE_WORDS
            and stem_with_irregulars(run[0].text) in q.words
            or run[0].word in LEADING
        ):
            run = run[1:]
        while run and run[-1].word in JOINERS:
            run = run[:-1]
        if run and run[0].word in _DOCUMENT_PARTS:
            continue  # "set out at Appendix A": a part of the report, not who or which body
        content = [t for t in run if t.word not in JOINERS]
        own = [t for t in content if t.word not in said]
        # Not what the question said: "Transport for London Procurement" for "…of Transport for London"?
        # Its words in another order are another name: "Community Energy London" administers the
        # "London Community Energy Fund".
        reordered = len(content) >= 3 and not said_in(" ".join(t.text for t in content), q.text)
        if (not own and not reordered) or (own and len(own) * 2 < len(content)):
            continue
        if any(c.isdigit() for t in run for c in t.text):
            continue
        lone = len(run) == 1 and run[0].text  # one word: only an acronym the question did not spell out
        if lone and (
            lone in q.acronyms
            or lone in DECISION_TYPES
            or not (2 <= len(lone) <= 6 and lone.isupper() or _CAMEL.fullmatch(lone))
        ):
            continue  # "ADD", "MD": a kind of decision, not who acts; "RetrofitWorks" is a name
        spelt = _spelt_out(text, run[0].start, lone) if lone else None
        if _PUBLISHER.search(text[spelt if spelt is not None else run[0].start : run[-1].end]):
            continue  # the GLA publishes the decision: never the body it hires, pays or agrees with
        if spelt is not None:  # "Community Energy London (CEL)": the name, with its short form
            close = run[0].end + (text[run[0].end : run[0].end + 1] == ")")
            long_name = tokens(text[spelt : run[0].start])  # "Department of Business, Energy and … (BEIS)"
            fit = max(
                _name_quality(run, q, common, ""), _name_quality(long_name, q, common, "") if long_name else 0
            )
            out.append(Span(spelt, close, text[spelt:close], fit + 0.1 + _received(q, text[:spelt][-3:])))
            continue
        portfolio = _PORTFOLIO.search(text[max(0, run[0].start - 80) : run[0].start])
        # Its words are written in lower case too, or it joins subjects ("Planning, Regeneration and
        # the Fire Service"), or it names a body: not a person's name.
        plain = [t.word in common for t in run if t.word not in JOINERS]
        joined = any(t.word in JOINERS or t.word in ORG_WORDS for t in run)
        # (Asked for a body, "Chief Executive of the London Borough of Hounslow" names the employer.)
        if portfolio and not q.organisation and (joined or sum(plain) * 2 >= len(plain)):
            continue  # "Assistant Director, Civil Society and Sport": a post's portfolio, not a name
        end, before = run[-1].end - 2 * run[-1].text.endswith(("’s", "'s")), text[: run[0].start][-3:]
        # An agent ("procured by Transport for London…") or a field value ("Name: Luke Bruce").
        bonus = 0.2 if before == "by " or before.endswith(": ") else 0.0
        bonus += _received(q, before)
        next_word = next((t.word for t in tokens(text[end : end + 24])), "")
        quality = _name_quality(run, q, common, next_word)
        if q.post and {t.word for t in run} & ROLE_WORDS:  # "Assistant Director, Civil Society and Sport"
            portfolio_run = _PORTFOLIO_AFTER.match(text, end)
            end = portfolio_run.end() if portfolio_run else end
        if q.asked_noun and q.asked_noun in {t.word for t in run}:  # "Which council…": "…Council"
            quality += 0.2
        elif q.asked_noun and next_word == q.asked_noun and SOURCE_ASKED.match(q.text):
            # "Which budget pays…": "from the Homes for Londoners Collaboration budget", noun and all.
            end = next(t for t in tokens(text[end : end + 24])).end + end
            quality += 0.2
        elif q.asked_noun and re.match(
            rf"\s*[(,]\s*(?:a|an|the)\b[^().;]{{0,60}}\b{re.escape(q.asked_noun)}\b", text[end:]
        ):
            quality += 0.3  # "RetrofitWorks (a not-for-profit co-operative)" for "which co-operative"
        named = 1 + sum(t.word in ("and", "&") for t in run)
        if q.stated_number and q.stated_number > 1 and named == q.stated_number:  # "Which two artists…"
            quality = max(quality, 1.0) + 0.1
        elif q.plural and not q.stated_number and named > 1:  # "Which artists…": all of them
            quality = max(quality, 1.0) + 0.1
        out.append(Span(run[0].start, end, text[run[0].start : end], quality + bonus))
    # A part of a spelt-out name ("Ministry of Housing" in "Ministry of Housing, Communities and Local
    # Government (MHCLG)") is not a name of its own.
    spelt_out = [(s.start, s.end) for s in out if s.text.endswith(")")]
    # "Which borough…" is answered by a borough ("London Borough of Hounslow", "Brent"), never by
    # "London Councils" or the body that paid it.
    borough = q.asked_noun == "borough" and "borough" in q.text.lower()
    # "Which consultancy built the transport model…" is answered by a firm, never by a public body
    # ("Transport for London", "Assembly Members", "the London Development Panel").
    private = q.asked_noun in _PRIVATE_NOUNS
    return [
        s
        for s in out
        if not any(a <= s.start and s.end <= b and (a, b) != (s.start, s.end) for a, b in spelt_out)
        and (not borough or names_a_borough(s.text))
        and (not private or not _PUBLIC_BODY.search(s.text))
    ]


_PRIVATE_NOUNS = frozenset("company firm consultancy supplier contractor".split())
_PUBLIC_BODY = re.compile(
    r"\b(?:Councils?|Authority|Department|Ministry|Assembly|Mayor|Panel|Members|Agency|Office|Commission|"
    r"Board|Government|Borough|Corporation|Transport for London|TfL|GLA|Greater London|Homes England|"
    r"Parliament|Police|Fire|NHS)\b"
)


# A limit ("charities may scrap up to three vehicles") is no count of what was done: a question in
# the past ("have been donated", "were completed") is not answered by "up to three".
_DONE_ASKED = re.compile(r"\b(?:have|has|had) been\b|\b(?:were|was|did)\b")
_LIMIT_ASKED = re.compile(r"\b(?:up to|at most|maximum|limit|cap)\b", re.I)  # "Up to how many homes were…"


def _counts(text: str, q: Question) -> list[Span]:
    """A number followed within four words by the counted noun: "70 community conversations submitted"."""
    toks, out = tokens(text), []
    taken = [(s, e) for _, s, e in find_amounts(text)] + [(d.start, d.end) for d in find_dates(text)]
    for i, tok in enumerate(toks):
        # "Net Zero": a number word in a name counts nothing.
        named = tok.text[0].isupper() and i > 0 and toks[i - 1].text[0].isupper()
        number = (
            tok.text.replace(",", "").isdigit()
            and len(tok.text) <= 9
            or tok.word in NUMBER_WORDS
            and not named
        )
        dotted = text[tok.end : tok.end + 1] in (".", ",", "/") or text[tok.start - 1 : tok.start] == "."
        ahead = [
            j for j in range(i + 1, min(i + 5, len(toks))) if stem_with_irregulars(toks[j].text) in q.head
        ]
        share = re.match(r"\s?(?:%|per\s?cent\b)", text[tok.end : tok.end + 9])  # "23% of Londoners"
        label = i > 0 and toks[i - 1].word in PART_WORDS | {"year"}  # "Round 2", "Stage 2": a name
        label = label or bool(_BARE_YEAR.fullmatch(tok.text))  # "By 2021 it is expected…": a year
        if not number or dotted or share or label or not ahead or any(s <= tok.start < e for s, e in taken):
            continue  # "3.7" is a paragraph number, "2018/19" a year, "23%" a share, not a count
        before = text[max(0, tok.start - 12) : tok.start].lower()
        qualifier = next((w for w in COUNT_QUALIFIERS if before.rstrip().endswith(w)), None)  # "up to 15 …"
        if qualifier == "up to" and _DONE_ASKED.search(q.text) and not _LIMIT_ASKED.search(q.text):
            continue
        start = max(0, tok.start - 12) + (before.rfind(qualifier) if qualifier else len(before))
        end = toks[ahead[-1]].end
        out.append(Span(start, end, text[start:end], 0.6 + 0.4 * len(ahead) / max(1, len(q.head))))
    return out


def _items(part: str, longest: int) -> list[str]:
    """The items of "a; b; and c" or "a, b and c": a sentence that merely has semicolons is no list."""
    items = [p for p in (part.split(";") if ";" in part else re.split(r",|\band\b", part)) if p.strip()]
    short_enough = all(len(p.split()) <= (longest if ";" in part else 6) for p in items)
    return items if short_enough and len(items) >= (2 if ";" in part else 3) else []


def _lists(text: str, q: Question) -> list[Span]:
    """A list after a colon ("These are: a; b; …"), in brackets ("six missions (Growth, Health, …)"), or bare."""
    parts = [(i + 1, text.find(")", i)) for i, c in enumerate(text) if c == "(" and text.find(")", i) > 0]
    for s, e in sentences(text, 0, len(text)):
        colon = text.find(":", s, e)
        parts.append((colon + 1 if colon >= 0 else s, s + len(text[s:e].rstrip(" ."))))
    out = []
    for start, end in parts:
        colon = text[start - 1 : start] == ":"
        items = _items(text[start:end], 20 if colon else 8)
        if len(items) >= (2 if colon else 3):
            start += len(text[start:end]) - len(text[start:end].lstrip())
            fit = 1.0 if q.stated_number in (None, len(items)) else 0.6
            out.append(Span(start, end, text[start:end], fit))
    return out


def bullet_list(text: str) -> str:
    """Items of a bulleted or numbered list, joined: "housing associations; trade unions; …"."""
    found = [line for line in text.split("\n") if line.strip()]
    if len(found) < 2 or not all(ITEM.match(line) for line in found):
        return ""
    return "; ".join(line[ITEM.match(line).end() :].strip().rstrip(";.") for line in found)


# "$92,544", "US$1.5m", "€2 million": a sum in another currency (the index reads sterling only).
_OTHER_CURRENCY = re.compile(
    r"(?:US\$|\$|€)\s?\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s?(?:bn|billion|m|million|k|thousand)\b)?",
    re.IGNORECASE,
)
# "$92,544 (£70,777)": a sum with its equivalent in another currency in brackets is one answer.
_EQUIVALENT = re.compile(r"\s?\([^()]{1,24}\)")


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
_SPELT_CODE = re.compile(
    r"(?:\b(?:Mayoral|Assistant Director|Executive Director|Director|Police and Crime) Decision\s?)?"
    r"(?<![\w(])\((?:MD|DD|ADD|EDD|PCD)\)\s?\d{3,5}\b"
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
_YEAR_ASKED = re.compile(r"\b(?:what|which) year\b|\bin what year\b", re.I)


def spans_for(kind: str, text: str, q: Question, common: set[str]) -> list[Span]:
    if kind == "date" and _YEAR_ASKED.search(q.text):  # "By what year…": "by 2025" answers, no date needed
        dated = _value_spans(kind, text)
        years = [
            Span(m.start(), m.end(), m.group(), 0.9)
            for m in _BARE_YEAR.finditer(text)
            if not any(d.start <= m.start() < d.end for d in dated)
        ]
        return [*dated, *years]
    if kind in ("amount", "date"):
        return list(_value_spans(kind, text))
    if kind == "share":  # "a pay award of 2 per cent", "23%"
        return [Span(m.start(), m.end(), m.group()) for m in ANSWER_PATTERNS["share"].finditer(text)]
    finders = {"email": _emails, "reference": _references, "person": lambda t: _names(t, q, common), "count": lambda t: _counts(t, q),
               "list": lambda t: _lists(t, q)}  # fmt: skip
    return finders[kind](text) if kind in finders else []


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
) -> float:
    """Closeness of the question's words in `text` to the span, weighted: "three year term" picks £270,000 in
    "£90,000 per year; £270,000 over its three year term". Words outside `own` (the span's line) count half,
    words that describe another value of the same kind (`others`) a quarter."""
    best: dict[str, float] = {}
    # "Philippa Hird, a former Chair of the NHS Pay Review Body…, was appointed to undertake a review":
    # what a name's apposition says of it stands between it and what it did, but is no distance.
    apposition = _APPOSITION.match(text, span.end)
    resumes = apposition.end() if apposition else span.end
    for tok in tokens(text):
        word_stem = stem_with_irregulars(tok.text)
        if word_stem not in weights and tok.text[0].isalpha() and tok.text[-1].isdigit():
            word_stem = re.sub(r"\D", "", tok.text)  # "ADD2234" answers to 2234
        if word_stem in weights:
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
