"""What a question asks for, and the spans of evidence text that can answer it.

"How much…" wants an amount ("£402,000", "£3k"), "When…" a date ("End of February 2026"),
"Who…" a person or organisation ("Luke Bruce", "Transport for London Procurement"), "How
many…" a count ("up to 15 reflective learning sessions"), "What are the four…" a list,
"Which email…" an address. Names, counts, lists and addresses are found by walking word
tokens in Python: evidence text is untrusted, so the only regular expressions here are
single linear passes (no nested quantifiers).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from indexer.amounts import find_amounts
from indexer.dates import date_only, find_dates

from .fts import STOPWORDS

QUESTION_WORDS = ("who", "whom", "whose", "what", "when", "which", "how", "why", "where", "is", "are", "does",
                  "do", "did", "can", "could", "will", "would", "should", "was", "were", "has", "have", "list", "name")  # fmt: skip
# Words that carry no topic: they say what kind of answer is wanted, or are question filler.
FILLER = frozenset(
    "named mentioned say says said according decision decisions document documents give tell know "
    "please there their also goes go going get gets".split()
)
AMOUNT_WORDS = frozenset(
    "budget budgets cost costs expenditure investment invested spend spent funding funded value price "
    "amount grant allocation allocated worth fee paid pay sum approved approve total".split()
)
PERSON_NOUNS = frozenset(
    "mayor director officer person chair chairs leader member head minister councillor deputy secretary "
    "manager lead chief executive individual signatory".split()
)
ORG_NOUNS = frozenset(
    "organisation organization company supplier partner contractor body team board council consultancy "
    "firm charity provider department unit directorate agency".split()
)
ROLE_WORDS = frozenset(
    "director assistant executive mayor deputy head officer chair chief manager secretary minister "
    "councillor cllr position".split()
)
ORG_WORDS = frozenset(
    "authority board council councils unit team procurement partnership partnerships programme fund code act "
    "department ltd limited trust group committee network hub report strategy plan assembly hall police "
    "service services university college foundation association agency office bank commission centre society "
    "sector llp plc intelligence recovery mission missions regulations london".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}  # fmt: skip
COUNT_QUALIFIERS = ("up to", "more than", "over", "around", "about", "circa", "at least", "nearly", "almost")

# One maximal run per match, so linear; "," and "." stay inside only between digits ("1,095", "1.2").
_TOKEN = re.compile(r"[^\W_][\w’'&/,.-]*")
_INNER_BREAK = re.compile(r"(?<!\d)[,.]|[,.](?!\d)")
# Past forms a suffix rule cannot reach: "sent" must match "send", "spent" "spend".
_IRREGULAR = {"sent": "send", "spent": "spend", "paid": "pay", "made": "make", "held": "hold", "led": "lead",
              "began": "begin", "begun": "begin", "won": "win", "bought": "buy", "brought": "bring", "chose": "choose",
              "chosen": "choose", "given": "give", "gave": "give", "taken": "take", "took": "take", "written": "write",
              "wrote": "write", "met": "meet", "ran": "run", "run": "run", "went": "go", "gone": "go", "set": "set"}  # fmt: skip
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ers", "ed", "es", "al", "s", "y", "e")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_ENUMERATOR = re.compile(r"[-•·*\s]*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[a-z]\)|[ivx]{1,4}\.)")
_BULLET = re.compile(r"[-•·*]\s")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "no.", "cllr.", "dr.", "mr.", "mrs.", "ms.", "st.", "approx.")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def word(self) -> str:
        return norm(self.text)


@dataclass
class Question:
    text: str
    kind: str  # amount | date | person | count | list | email | text
    words: dict[str, str] = field(default_factory=dict)  # stem → the word as asked
    head: list[str] = field(default_factory=list)  # stems of the counted noun ("how many X were…")
    weights: dict[str, float] = field(default_factory=dict)  # stem → how telling (rarity) it is
    stated_number: int | None = None  # "the four priorities" → 4
    role: bool = False  # "who is the chief executive…": a person is wanted, not an organisation
    entities: list[set[str]] = field(default_factory=list)  # stems of names the question uses ("London Partnership Board")
    acronyms: set[str] = field(default_factory=set)  # their initials ("LPB"): a restatement, not an answer
    after: str | None = None  # a closing preposition: "reduced to" wants the amount after "to"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    quality: float = 1.0  # how well it fits the type: a person's name beats a job title for "who"


@dataclass(frozen=True)
class Piece:
    """A sentence, or one line of a table or list, as offsets into the text it came from."""

    start: int
    end: int
    line: int  # index of the line it starts on
    short: bool  # a cell, bullet or field line: it may need the lines before it to make sense
    before: int  # start of the previous sentence of the same paragraph ("The Board was…" needs it)


def norm(word: str) -> str:
    return word.lower().replace("’", "'").removesuffix("'s")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stemmer: approval/approved/approves → approv, priorities/priority → priorit."""
    word = norm(word).strip("'-/")
    word = _IRREGULAR.get(word, word)
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    return word


def tokens(text: str) -> list[Token]:
    out = []
    for match in _TOKEN.finditer(text):
        start, run = match.start(), match.group()
        parts = [(0, len(run))]
        if "," in run or "." in run:  # "London.gov", "funding," split; "£72,765" and "1.2" do not
            cuts = [m.start() for m in _INNER_BREAK.finditer(run)]
            parts = list(zip([0, *(c + 1 for c in cuts)], [*cuts, len(run)], strict=True))
        for a, b in parts:
            raw = run[a:b].rstrip("’'/-")
            if raw and raw[0].isalnum():
                out.append(Token(start + a, start + a + len(raw), raw))
    return out


def is_question(text: str) -> bool:
    words = text.strip().lower().split()
    return bool(words) and (words[0].strip(",") in QUESTION_WORDS or text.strip().endswith("?"))


def _kind(words: list[str], text: str) -> str:
    lead = " ".join(words[:3])
    if "email" in words or "e-mail" in words or (words[0] in ("what", "which") and words[1] == "address"):
        return "email"
    if lead.startswith("how many") and "pounds" not in words:
        return "count"
    if lead.startswith("how much"):
        return "amount"
    if words[0] == "when" or re.search(r"\b(?:what|which) (?:date|year|month|day)\b|by when", lead):
        return "date"
    if words[0] in ("who", "whom", "whose"):
        return "person"
    if words[0] in ("which", "what"):
        noun = next((w for w in words[1:4] if w not in ("is", "was", "the", "a", "an", "of")), "")
        if noun in PERSON_NOUNS or noun in ORG_NOUNS:
            return "person"
        if AMOUNT_WORDS & set(words) and words[1] in ("is", "was", "'s", "were"):
            return "amount"
        if words[1] in ("are", "were") or (noun.endswith("s") and noun not in ("is", "was", "does")):
            return "list"
    if words[0] in ("list", "name") or " include" in text.lower():
        return "list"
    return "text"


def analyse_question(text: str) -> Question:
    toks = [t.word for t in tokens(text)]
    if not toks:
        return Question(text, "text")
    question = Question(text, _kind(toks, text))
    for word in toks:
        # isdecimal, not isdigit: "¹" is a digit that int() refuses (found by schemathesis).
        if word in NUMBER_WORDS or (word.isdecimal() and word.isascii() and len(word) <= 2):
            # "the four priorities": a list answer should have four items.
            question.stated_number = NUMBER_WORDS.get(word) or int(word)
        if word in STOPWORDS or word in FILLER or word in QUESTION_WORDS or len(word) < 2:
            continue
        question.words.setdefault(stem(word), word)
    question.role = question.kind == "person" and bool(ROLE_WORDS & set(toks)) and not ORG_NOUNS & set(toks[:3])
    question.after = toks[-1] if toks[-1] in ("to", "from", "by") else None
    for run in _name_runs(text, tokens(text)):
        while run and (run[0].word in QUESTION_WORDS or run[0].word in STOPWORDS):
            run = run[1:]  # "Which Deputy Mayor…": the name starts after "Which"
        named = [t for t in run if t.word not in _JOINERS]
        if len(named) >= 2:
            question.entities.append({stem(t.text) for t in named})
            question.acronyms.add("".join(t.text[0] for t in named).upper())
    if question.kind == "count":
        head = []
        for word in toks[2:]:  # "how many community conversations were submitted"
            if word in STOPWORDS or word in QUESTION_WORDS:
                break
            head.append(stem(word))
        question.head = head
    return question


# --- cutting evidence into sentences and lines ------------------------------------------


def lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end), surrounding blanks trimmed."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            left = raw.index(stripped[0])
            out.append((pos + left, pos + left + len(stripped)))
        pos += len(raw) + 1
    return out


def _wraps(line: str, following: str) -> bool:
    """A PDF wraps prose at ~90 characters: "…contract with Shared" / "Intelligence to support…"."""
    if len(line) < 50 or line[-1] in ".!?:;" or "\t" in line or _BULLET.match(following):
        return False
    if _ENUMERATOR.fullmatch(following.split(" ")[0]):
        return False
    # …but a heading after a long field line ("Executive summary") starts afresh.
    return following[0].islower() or len(following) >= 40 or following[-1] in ".;:,"


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, piece_start = [], start
    for gap in _SENTENCE_END.finditer(text, start, end):
        before = text[piece_start : gap.start()]
        after = text[gap.end() : gap.end() + 1]
        last = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        # "1.1. The Board…" and "e.g. the" are not sentence ends; nor is a lowercase continuation.
        if _ENUMERATOR.fullmatch(before.strip()) or last in _ABBREVIATIONS or not after or after.islower():
            continue
        spans.append((piece_start, gap.start()))
        piece_start = gap.end()
    spans.append((piece_start, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def pieces(text: str) -> tuple[list[tuple[int, int]], list[Piece]]:
    """The text's lines, and its sentences and short lines, in reading order."""
    found = lines(text)
    out: list[Piece] = []
    i = 0
    while i < len(found):
        j = i
        # A blank line always ends a paragraph; a single line break may be a PDF's wrapping.
        while j + 1 < len(found) and text.count("\n", found[j][1], found[j + 1][0]) == 1 and _wraps(
            text[found[j][0] : found[j][1]], text[found[j + 1][0] : found[j + 1][1]]
        ):
            j += 1
        start, end = found[i][0], found[j][1]
        short = i == j and len(text[start:end].split()) <= 12
        before = start
        for s, e in _sentences(text, start, end):
            out.append(Piece(s, e, i, short, before))
            before = s
        i = j + 1
    return found, out


def is_label(line: str) -> bool:
    """A table row's first cell or a list item's heading: "1. Citizen Shift Environment Pilot"."""
    words = line.split()
    if not words or len(words) > 10 or line[-1] in ".:;," or ": " in line or _BULLET.match(line):
        return False
    numbered = bool(re.match(r"\d{1,2}\.\s", line))
    capitals = sum(1 for w in words if w[0].isupper())
    return numbered or (capitals >= max(2, len(words) - 1) and not find_amounts(line))


def bare_value(line: str) -> bool:
    """A table cell that is nothing but a value: "£3k", "End of February 2026", "70"."""
    if len(line.split()) > 5:
        return False
    rest = line
    for _, s, e in reversed(find_amounts(line)):
        rest = rest[:s] + rest[e:]
    if rest != line and not any(c.isalpha() for c in rest):
        return True
    return date_only(line) is not None or line.strip().lstrip("+~").replace(",", "").isdigit()


def row_label(text: str, found_lines: list[tuple[int, int]], line_no: int, reach: int = 15) -> tuple[int, int] | None:
    """The label a cell or bullet belongs to: the nearest label line above it, unless another
    row's value comes first. Rows run label first: "1. Citizen Shift Environment Pilot" … "£3k"."""
    left_values = not bare_value(text[found_lines[line_no][0] : found_lines[line_no][1]])
    for j in range(line_no - 1, max(-1, line_no - reach), -1):
        s, e = found_lines[j]
        if bare_value(text[s:e]):
            if left_values:
                return None
            continue
        left_values = True
        if is_label(text[s:e]):
            return (s, e)
    return None


# --- spans of each type ---------------------------------------------------------------


def _dates(text: str) -> list[Span]:
    # A financial year ("took place in 2017/18") answers "when" less precisely than a month does.
    return [Span(m.start, m.end, m.text, 0.7 if m.precision == "financial_year" else 1.0) for m in find_dates(text)]


def _amounts(text: str) -> list[Span]:
    return [Span(s, e, text[s:e]) for _, s, e in find_amounts(text)]


def emails(text: str) -> list[Span]:
    """Expand around each "@" by hand: a regex over a long run of word characters would be quadratic."""
    out = []
    ok = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")
    for at in (i for i, c in enumerate(text) if c == "@"):
        left = at
        while left > 0 and text[left - 1] in ok and at - left < 64:
            left -= 1
        right = at + 1
        while right < len(text) and text[right] in ok and right - at < 255:
            right += 1
        local, domain = text[left:at].strip("."), text[at + 1 : right].rstrip(".")
        if local and "." in domain and domain.rsplit(".", 1)[1].isalpha():
            start = at - len(local)
            out.append(Span(start, at + 1 + len(domain), text[start : at + 1 + len(domain)]))
    return out


def _capital(token: Token) -> bool:
    return token.text[0].isupper() and norm(token.text) not in MONTHS


_JOINERS = ("of", "for", "and", "the", "&")
_DETERMINERS = frozenset("the this that these those a an our their its his her it we i".split())
_NOT_NAMES = ("ion", "ive", "ic", "ary", "ment", "ship", "ity", "ness", "ing", "ance", "ence", "ism", "ogy")


def _name_runs(text: str, toks: list[Token]) -> list[list[Token]]:
    """Runs of capitalised words joined only by spaces or by of/for/and/the: "Transport for London Procurement"."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, tok in enumerate(toks):
        joined = current and text[current[-1].end : tok.start].strip() == "" and not current[-1].text.endswith(("’s", "'s"))
        if _capital(tok) and (joined or not current):
            current.append(tok)
            continue
        # "Director of the Strategic Partnerships Unit": up to two joining words before a capital.
        ahead = next((t for t in toks[i + 1 : i + 3] if t.word not in _JOINERS), None)
        if tok.word in _JOINERS and joined and ahead is not None and _capital(ahead):
            current.append(tok)
            continue
        if current:
            runs.append(current)
        current = [tok] if _capital(tok) else []
    if current:
        runs.append(current)
    return runs


def _split_lists(runs: list[list[Token]]) -> list[list[Token]]:
    """Each run, and its parts either side of "and": "Matthew Ryder and the GLA" is two names,
    "Communities and Skills" one; which reading fits is left to the scoring."""
    out = []
    for run in runs:
        out.append(run)
        cut = [i for i, t in enumerate(run) if t.word in ("and", "&")]
        bounds = [-1, *cut, len(run)]
        if cut:
            out.extend(run[a + 1 : b] for a, b in zip(bounds, bounds[1:], strict=False) if b - a > 1)
    return out


def lowercase_words(text: str) -> set[str]:
    """Words the text also uses in lower case: "decision", "mayoral" are words, "Ryder" is a name."""
    return {t.text for t in tokens(text) if t.text[0].islower()}


def names(text: str, question: Question, common: set[str] = frozenset()) -> list[Span]:
    """People and organisations, with words the question already uses trimmed off the ends.
    `common`: words known in lower case, so "Mayoral Decision" is not taken for a person."""
    out = []
    asked, said = set(question.words), set(question.words.values())
    for run in _split_lists(_name_runs(text, tokens(text))):
        # "Deputy Mayor Matthew Ryder" asked as "which Deputy Mayor": the name is what follows.
        while run and (stem(run[0].text) in asked and run[0].word in ROLE_WORDS or run[0].word in _DETERMINERS
                       or run[0].word in _JOINERS):  # fmt: skip
            run = run[1:]
        while run and run[-1].word in _JOINERS:
            run = run[:-1]
        content = [t for t in run if t.word not in _JOINERS]
        own = [t for t in content if t.word not in said]
        # An answer is what the question did not already say: not "Transport for London Procurement"
        # for "the chief executive of Transport for London".
        if not own or len(own) * 2 < len(content) or any(c.isdigit() for t in run for c in t.text):
            continue
        if len(run) == 1 and run[0].text in question.acronyms:
            continue  # "LPB" for "who chairs the London Partnership Board": the subject, not the answer
        words = {t.word for t in run}
        acronym = len(run) == 1 and run[0].text.isupper() and 2 <= len(run[0].text) <= 6
        if len(run) == 1 and not acronym:
            continue
        # For "who", a person's name is the answer; an organisation may be; a job title rarely is.
        if words & ROLE_WORDS:
            quality = 0.15
        elif words & ORG_WORDS or acronym:
            quality = 0.25 if question.role else 0.6
        elif all(t.word in common or t.word in STOPWORDS for t in run) or any(t.word.endswith(_NOT_NAMES) for t in run):
            quality = 0.2 if question.role else 0.3  # "Mayoral Decision": capitalised words, not a name
        else:
            quality = 1.0 if len(run) <= 4 else 0.5
        end = run[-1].end - (2 if run[-1].text.endswith(("’s", "'s")) else 0)
        before = text[max(0, run[0].start - 3) : run[0].start]
        if before == "by " or before.endswith(": "):
            quality += 0.2  # an agent ("procured by Transport for London…") or a field ("Name: Luke Bruce")
        out.append(Span(run[0].start, end, text[run[0].start : end], quality))
    return out


def counts(text: str, question: Question) -> list[Span]:
    """A number followed within four words by the counted noun: "70 community conversations submitted"."""
    toks = tokens(text)
    taken = [(s.start, s.end) for s in _amounts(text) + _dates(text)]
    out = []
    for i, tok in enumerate(toks):
        number = tok.text.replace(",", "").isdigit() and len(tok.text) <= 9 or tok.word in NUMBER_WORDS
        dotted = text[tok.end : tok.end + 1] in (".", ",", "/") or text[tok.start - 1 : tok.start] == "."
        if not number or dotted or any(s <= tok.start < e for s, e in taken):
            continue  # "3.7" is a paragraph number, "2018/19" a year
        ahead = [j for j in range(i + 1, min(i + 5, len(toks))) if stem(toks[j].text) in question.head]
        if not ahead:
            continue
        start = tok.start
        before = text[max(0, tok.start - 12) : tok.start].lower()
        for qualifier in COUNT_QUALIFIERS:
            if before.rstrip().endswith(qualifier):
                start = tok.start - len(before) + before.rstrip().rfind(qualifier)
        end = toks[ahead[-1]].end
        out.append(Span(start, end, text[start:end], 0.6 + 0.4 * len(ahead) / max(1, len(question.head))))
    return out


def _items(part: str, longest: int = 10) -> list[str]:
    """The items of "a; b; and c" or "a, b and c": a sentence that merely has semicolons is not a list."""
    items = [p for p in (part.split(";") if ";" in part else re.split(r",|\band\b", part)) if p.strip()]
    short_enough = all(len(p.split()) <= (longest if ";" in part else 6) for p in items)
    return items if short_enough and len(items) >= (2 if ";" in part else 3) else []


def _bracketed(text: str, question: Question) -> list[Span]:
    """A list in brackets: "London's six missions (Growth, Health, Housing, Energy, Opportunity and Safety)"."""
    out = []
    for open_at in (i for i, c in enumerate(text) if c == "("):
        close = text.find(")", open_at)
        inner = text[open_at + 1 : close] if close > 0 else ""
        items = _items(inner)
        if len(items) >= 3:
            out.append(Span(open_at + 1, close, inner, 1.0 if question.stated_number in (None, len(items)) else 0.6))
    return out


def lists(text: str, question: Question) -> list[Span]:
    """The list after a colon ("These are: living standards; equality in …"), or a run of items."""
    out = _bracketed(text, question)
    for s, e in _sentences(text, 0, len(text)):
        sentence = text[s:e]
        colon = sentence.find(":")
        offset = colon + 1 if colon >= 0 else 0
        part = sentence[offset:].rstrip(" .")
        items = _items(part, 20 if colon >= 0 else 8)
        if len(items) < 2 or (colon < 0 and len(items) < 3):
            continue
        lead = len(part) - len(part.lstrip())
        quality = 1.0 if question.stated_number in (None, len(items)) else 0.6
        start = s + offset + lead
        out.append(Span(start, s + offset + len(part), text[start : s + offset + len(part)], quality))
    return out


def spans_for(kind: str, text: str, question: Question, common: set[str] = frozenset()) -> list[Span]:
    if kind == "amount":
        return _amounts(text)
    if kind == "date":
        return _dates(text)
    if kind == "email":
        return emails(text)
    if kind == "person":
        return names(text, question, common)
    if kind == "count":
        return counts(text, question)
    if kind == "list":
        return lists(text, question)
    return []


def proximity(span: Span, text: str, weights: dict[str, float], own: tuple[int, int] | None = None) -> float:
    """How close the question's words in `text` sit to the span: for each word, 1.0 beside it,
    falling with the words in between; averaged by the words' weights. In "£90,000 per year;
    £270,000 over its three year term", "three year term" picks the second amount. Words outside
    `own` (the span's own sentence or line) count half: the line before a cell only explains it."""
    best: dict[str, float] = {}
    for tok in tokens(text):
        word_stem = stem(tok.text)
        if word_stem not in weights and tok.text[0].isalpha() and tok.text[-1].isdigit():
            word_stem = "".join(c for c in tok.text if c.isdigit())  # "ADD2234" answers to 2234
        if word_stem not in weights:
            continue
        if span.start <= tok.start < span.end:
            gap = 0
        else:
            gap = len(text[tok.end : span.start].split()) if tok.end <= span.start else len(text[span.end : tok.start].split())
        outside = own is not None and not own[0] <= tok.start < own[1]
        best[word_stem] = max(best.get(word_stem, 0.0), (0.5 if outside else 1.0) / (1.0 + gap / 4.0))
    total = sum(weights[s] for s in best)
    return sum(weights[s] * c for s, c in best.items()) / total if total else 0.0
