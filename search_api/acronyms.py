"""What a question's initials stand for, as the decisions themselves spell them out.

People type "CEZ", "MOPAC", "AEB"; a decision may write "the Creative Enterprise Zone Sustainability
Capital Fund" or "the Mayor’s Office for Policing and Crime" and never the initials. Another decision
in the index defines them — "Creative Enterprise Zones (CEZ)" — so the index is the glossary: the
chunks holding the initials are read for a name in capitals whose first letters make them up.
"""

from __future__ import annotations

import functools
import re
import threading

from decisions.words import STOPWORDS, stem_with_irregulars, tokens
from storage.base import SearchTooExpensive

from .index import LoadedIndex
from .keyword_queries import body_word

# The GLA family's, central government's and planning's initials, which pages often use or write out without
# ever defining ("the Mayor’s Office for Policing and Crime", never "(MOPAC)"): read when the index
# defines the initials nowhere.
KNOWN = {
    "MOPAC": "Mayor’s Office for Policing and Crime",
    "LFC": "London Fire Commissioner",
    "LFEPA": "London Fire and Emergency Planning Authority",
    "LFB": "London Fire Brigade",
    "TFL": "Transport for London",
    "OPDC": "Old Oak and Park Royal Development Corporation",
    "LLDC": "London Legacy Development Corporation",
    "VRU": "Violence Reduction Unit",
    "DLUHC": "Department for Levelling Up, Housing and Communities",
    "MHCLG": "Ministry of Housing, Communities and Local Government",
    "DCLG": "Department for Communities and Local Government",
    "HCA": "Homes and Communities Agency",
    "BEIS": "Department for Business, Energy and Industrial Strategy",
    "DESNZ": "Department for Energy Security and Net Zero",
    "DFE": "Department for Education",
    "DWP": "Department for Work and Pensions",
    "CIL": "Community Infrastructure Levy",  # the pages define only the Mayor's: "(MCIL)"
}
DEFINITIONS = 20  # chunks read per acronym: a definition is usually in the first few that use it
_SMALL = frozenset("of for and the in on to &".split())
_CACHE: dict[tuple[str, str], tuple[frozenset[str], ...]] = {}  # (generation, acronym) → names
_LOCK = threading.Lock()


def _defined(text: str, acronym: str) -> list[frozenset[str]]:
    """Stems of each name in `text` written just before "(ACRONYM)" whose initials spell it."""
    return [
        frozenset(
            stem_with_irregulars(w) for w in re.findall(r"[\w’'&-]+", text[a:b]) if w.lower() not in _SMALL
        )
        for a, b in definitions(text, acronym)
    ]


def definitions(text: str, acronym: str) -> list[tuple[int, int]]:
    """Where `text` spells out `acronym` just before "(ACRONYM)", initials matching: "Mayor’s Office for
    Policing and Crime (MOPAC)" (a small word's letter may count), "Creative Enterprise Zones (CEZs)"."""
    found = []
    for m in re.finditer(rf"\(\s*[“\"‘']?{re.escape(acronym)}s?[”\"’']?\s*\)", text):
        window = max(0, m.start() - 160)
        words = list(re.finditer(r"[\w’'&-]+", text[window : m.start()]))[-12:]
        spelt = _spelling_start(words, acronym.upper())
        if spelt is not None:
            found.append((window + words[spelt].start(), window + words[-1].end()))
    return found


def _spelling_start(words: list[re.Match], letters: str) -> int | None:
    """The nearest word from which the words up to the bracket spell the initials; else the start of the
    name running up to the bracket, when it spells them leaving out a capitalised word or two: "Old Oak and
    Park Royal Development Corporation (OPDC)"."""
    names = [w.group() for w in words]
    for start in range(len(names) - 1, -1, -1):
        if names[start][:1].isupper() and _spells(names[start:], letters):
            return start
    run = len(names)
    while run > 0 and (names[run - 1][:1].isupper() or names[run - 1].lower() in _SMALL):
        run -= 1
    return next(
        (
            start
            for start in range(run, len(names) - 1)
            if names[start][:1] == letters[:1] and _spells(names[start + 1 :], letters[1:], skips=2)
        ),
        None,
    )


# "What does LSR stand for?", "What is MCIL short for?", "What do the initials GIS mean?"
_INITIALS_ASKED = re.compile(
    r"\b(?i:what (?:does|do|did) (?:the )?(?:initials |acronym |abbreviation )?)(?P<a>[A-Z][A-Za-z&]{1,9})"
    r"(?i: (?:stand for|mean))\b"
    r"|\b(?i:what (?:is|are) (?:the )?)(?P<b>[A-Z][A-Za-z&]{1,9})(?i: (?:short for|an? (?:acronym|abbreviation) for))\b"
    r"|\b(?i:(?:full name|full form|meaning) (?:of|for) (?:the )?)(?P<c>[A-Z][A-Za-z&]{1,9})\b",
)
# The question's own words that ask for the meaning, not what the initials are about.
ASKING_WORDS = frozenset(
    "stand stands mean means meaning short full name form initials acronym abbreviation".split()
)


def asked_initials(question: str) -> str | None:
    """The initials whose meaning is asked ("What does LSR stand for…" → "LSR"), or None. Only initials
    written with capitals: "What does it mean…" asks nothing of the kind."""
    m = _INITIALS_ASKED.search(question)
    initials = m and next(g for g in m.groups() if g)
    return initials if initials and sum(c.isupper() for c in initials) >= 2 else None


def _spells(words: list[str], letters: str, skips: int = 0) -> bool:
    """Each capitalised word gives its first letter; a small word may or may not ("Office for
    Policing and Crime": O, P, A, C); up to `skips` capitalised words after the first may give none."""
    if not words:
        return not letters
    first, rest = words[0], words[1:]
    takes = bool(letters) and first[0].upper() == letters[0] and _spells(rest, letters[1:], skips)
    if first[:1].isupper():
        # (Not the last word: the initials end with the name.)
        return takes or (skips > 0 and bool(rest) and _spells(rest, letters, skips - 1))
    return takes or (first.lower() in _SMALL and _spells(rest, letters, skips))


def spelt_out(index: LoadedIndex, acronym: str) -> tuple[frozenset[str], ...]:
    """The names the index defines `acronym` as (stems), cached per generation: a re-index that adds a
    definition is read afresh, and a new index never inherits an old one's entries by a reused id()."""
    key = (str(index.generation), acronym)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
    try:
        ids = index.holding(body_word(acronym), DEFINITIONS)
    except SearchTooExpensive:  # initials on too many chunks to list: a common word, no definition asked
        ids = []
    names = {n for text in index.texts(ids).values() for n in _defined(text, acronym) if n}
    if not names and acronym.upper() in KNOWN:
        words = re.findall(r"[\w’'&-]+", KNOWN[acronym.upper()])
        names = {frozenset(stem_with_irregulars(w) for w in words if w.lower() not in _SMALL)}
    found = tuple(sorted(names, key=sorted))
    with _LOCK:
        if len(_CACHE) > 10_000:
            _CACHE.clear()
        _CACHE[key] = found
    return found


def defined_in(text: str, acronym: str) -> frozenset[str]:
    """The stems of what a decision's own text defines `acronym` as: MD2751 writes "Development Agreement
    (DA)" once, then "ABP is failing to deliver against its obligations under the DA"."""
    return _glossary(text).get(acronym, frozenset())


_BRACKETED_INITIALS = re.compile(r"\(\s*[“\"‘']?([A-Z][A-Za-z&]{1,10})[”\"’']?\s*\)")


@functools.lru_cache(maxsize=256)  # asked of a whole decision's text for each passage of it an answer reads
def _glossary(text: str) -> dict[str, frozenset[str]]:
    """Every set of initials the text defines in brackets, with the stems of the name before them."""
    # ("Creative Enterprise Zones (CEZs)" defines "CEZ".)
    found = {
        a for m in _BRACKETED_INITIALS.finditer(text) for a in (m.group(1), m.group(1).removesuffix("s"))
    }
    named = {acronym: frozenset().union(*_defined(text, acronym)) for acronym in found}
    return {acronym: name for acronym, name in named.items() if name}


def written_out(index: LoadedIndex, text: str) -> dict[str, tuple[str, ...]]:
    """Initials the index defines for words the query writes out, with those words: "universal free school
    meals" is "UFSM" in MD3224 ("…to continue to deliver the UFSM programme"), which defines it once and
    then writes only the initials. Runs of three to six words; a run's initials must be a word of the index
    and be defined there as exactly those words."""
    words = [t for t in tokens(text) if t.word not in STOPWORDS and t.text[:1].isalpha()]
    found: dict[str, tuple[str, ...]] = {}
    for i in range(len(words)):
        for j in range(i + 3, min(i + 7, len(words) + 1)):
            run = words[i:j]
            initials = "".join(t.text[0] for t in run).upper()
            if initials in found or not any(
                index.term_rows(w) for w in (initials.lower(), f"{initials.lower()}s")
            ):
                continue
            name = frozenset(stem_with_irregulars(t.text) for t in run)
            if name in spelt_out(index, initials):
                found[initials] = tuple(t.text for t in run)
    return found
