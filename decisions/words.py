"""Words as search sees them, shared by the indexer and the search: tokens, stopwords, stems.

The indexer stores each chunk's stems with it, so passage choice at query time compares
word sets without re-tokenising every chunk of every result.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her
    here hers him his how i if in into is it its itself just me more most my no nor not of off on once only or
    other our out over own same she should so some such than that the their them then there these they this
    those through to too under until up very was we were what when where which while who whom why will with
    would you your much many does did""".split()
)

_TOKEN = re.compile(r"[\w£][\w£'’.,-]*[\w]|[\w£]", re.UNICODE)


def keyword_tokens(text: str, keep_stopwords: bool = False) -> list[str]:
    """Words worth matching; '£72,765' and 'MD2848' stay whole, FTS5 syntax is just text."""
    tokens = []
    for token in _TOKEN.findall(text):
        token = token.strip(".,'’-")
        if not token or (not keep_stopwords and token.lower() in STOPWORDS):
            continue
        tokens.append(token)
    return list(dict.fromkeys(tokens))


# Reading text rather than matching it: every word with its place, so a span can be quoted.
_WORD_RUN = re.compile(r"[^\W_][\w’'&/,.-]*")  # one maximal run per match: "2018/19", "co-operative"
_INNER_BREAK = re.compile(r"(?<!\d)[,.]|[,.](?!\d)")  # "," and "." stay only between digits: "1,095", "1.2"


class Token(NamedTuple):
    start: int
    end: int
    text: str
    word: str  # plain_word(text)


def plain_word(word: str) -> str:
    """Lower case, "’" as "'", without "'s": "Mayor’s" is "mayor"."""
    return word.lower().replace("’", "'").removesuffix("'s")


def tokens(text: str) -> list[Token]:
    """Every word of a text in reading order with its offsets, stopwords included (unlike
    `keyword_tokens`): the answerer and the question's kind read word positions."""
    if len(text) > _LONGEST_REMEMBERED:
        return _read_tokens(text)
    return list(_remembered_tokens(text))  # a copy: a caller may change its list


# An answer reads the same sentences again for each check and each question's kind; whole decisions
# are read once each and would fill the cache.
_LONGEST_REMEMBERED = 2_000


@functools.lru_cache(maxsize=4096)
def _remembered_tokens(text: str) -> tuple[Token, ...]:
    return tuple(_read_tokens(text))


def _read_tokens(text: str) -> list[Token]:
    out = []
    for match in _WORD_RUN.finditer(text):
        start, run = match.start(), match.group()
        cuts = [m.start() for m in _INNER_BREAK.finditer(run)] if "," in run or "." in run else []
        for a, b in zip([0, *(c + 1 for c in cuts)], [*cuts, len(run)], strict=True):  # "London.gov": two
            raw = run[a:b].rstrip("’'/-")
            if raw and raw[0].isalnum():
                out.append(Token(start + a, start + a + len(raw), raw, plain_word(raw)))
    return out


# A name as people type one: capitalised words, possibly joined by a few small words
# ("London Communities Report", "Building a Fairer City", "Shared Intelligence").
_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|a|the|in|on|to|&)\s+)?[A-Z][\w’'-]*)+")
_SENTENCE_OPENERS = frozenset({"what", "when", "who", "which", "how", "where", "why", "is", "are", "did",
                               "does", "do", "was", "were", "can", "show", "find", "list", "the", "a"})  # fmt: skip


def named_phrases(text: str) -> list[list[str]]:
    """The multi-word names in a query, each as its words in order (for phrase matching).

    A capitalised question word that opens the query ("Who Approved…" typed in title case
    aside) is not part of a name.
    """
    phrases = []
    for match in _NAME.finditer(text):
        words = match.group().split()
        if match.start() == 0 or not text[: match.start()].strip():
            while words and words[0].lower() in _SENTENCE_OPENERS:
                words = words[1:]
        words = [w.strip("’'-") for w in words]
        if len([w for w in words if w[:1].isupper()]) >= 2:
            phrases.append(words)
    return phrases


# A light suffix stripper, enough to make approve/approved/approval and
# engage/engaging/engagement meet; FTS5's porter tokenizer does the same on its side.
_SUFFIXES = ("ements", "ement", "ations", "ation", "ings", "ing", "ions", "ion", "ies", "als", "al",
             "ers", "er", "ed", "es", "s", "e", "y")  # fmt: skip
MIN_STEM = 4
_ATE_VERB = ("ate", "ated", "ates", "ating")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word in STEMS_APART:  # "Sport Unites" is no "unit" to search either
        return STEMS_APART[word]
    verbed = word.endswith(_ATE_VERB)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            word = word[: -len(suffix)]
            break
    # A verb in "-ate" meets its noun in "-ation": "designating" ("designat") is "designation" ("design"),
    # "allocated" "allocation" (not "threat", "three": no "-ate" verb).
    return word[:-2] if verbed and word.endswith("at") and len(word) - 2 >= MIN_STEM else word


# Past forms that no suffix stripping reaches: the answerer must find "sent" for "send".
IRREGULAR_VERBS = dict(
    pair.split(":")
    for pair in """sent:send spent:spend paid:pay made:make held:hold led:lead
    began:begin begun:begin won:win bought:buy brought:bring chose:choose chosen:choose given:give gave:give
    taken:take took:take written:write wrote:write met:meet ran:run went:go gone:go
    oversaw:oversee overseen:oversee""".split()
)


# Words the stemmer folds into another's stem: "Sport Unites" is not the "Sport unit", "police" is
# not "policy". Kept apart where the answerer compares a question's names with a passage.
STEMS_APART = {
    **dict.fromkeys("unite unites united uniting".split(), "unite"),
    **dict.fromkeys("police polices policed policing".split(), "police"),
    **dict.fromkeys("publication publications".split(), "publish"),  # not "public"
}


# A verb and its noun the stemmer leaves apart: "Who administers…" is answered by "the administration
# of LCEF 7". Stem → the family's stem. (Tried for allocation, appointment, payment, delivery and
# investment too: "Who was appointed…" then met other sentences' "appointment", +1 / −3.)
STEM_FAMILIES = {
    "administr": "administ", "administer": "administ", "administrat": "administ",
    "receipt": "receiv",  # "the receipt and expenditure of £3,489,000" is what the GLA received
    # A Latin noun in "-sion"/"-tion" whose stem leaves its verb's: "Who decides…" is answered by "the
    # delegation of decisions … to", "When was it expanded" by "the expansion of ULEZ".
    "decis": "decid", "provis": "provid", "inclus": "includ", "exclus": "exclud", "conclus": "conclud",
    "expans": "expand", "extens": "extend", "reduct": "reduc", "introduct": "introduc",
    "submiss": "submit", "permiss": "permit", "descript": "describ", "suspens": "suspend",
    # ("…agree to take on the devolved adult education budget": "…accepts devolution of the AEB".)
    "devolut": "devolv", "resolut": "resolv", "consumpt": "consum", "assumpt": "assum", "admiss": "admit",
    "leverag": "lever",  # "leverage up to an additional £2.08m" is what a programme levers in
    # A forecast in any of its words: "expected to bring in" is answered by "estimates … will raise".
    "estim": "expect", "forecast": "expect", "anticip": "expect", "predict": "expect",
    # (So is what is due: "When is the money expected to arrive?" is answered by "The funding is due to be
    # received in November 2025"; arriving is being received.)
    "due": "expect", "arriv": "receiv",
    # A reply in any of its words: "When did the chair respond" is answered by "replied on 19 May 2015".
    "respond": "repl", "respons": "repl", "repli": "repl",
    "send": "submit",  # "Who are the documents sent to?": "…will be submitted to the London Assembly"
    "launch": "announc",  # "When was Warmer Homes London launched?": "…was announced in February 2025"
    "dail": "day", "weekl": "week", "monthl": "month",  # "daily audience": "…seen by 40,000 people a day"
}  # fmt: skip


@functools.lru_cache(maxsize=65536)
def stem_with_irregulars(word: str) -> str:
    """`stem` of a word as it stands in running text: without "'s" and edge "'-/", an irregular
    past form as its verb ("sent" → "send", "Mayor’s" → "mayor"), a financial year in one form, a word the stemmer would fold into
    another's as its own (`STEMS_APART`), a noun as its verb (`STEM_FAMILIES`). The answerer compares question
    and evidence with it; the catalog's `stems_field` keeps plain `stem`, which search compares."""
    word = plain_word(word).strip("'-/")
    year = _FINANCIAL_YEAR.fullmatch(word)
    if year and int(year[2][-2:]) == (int(year[1]) + 1) % 100:  # "2025-2026", "2025/26": one "2025-26"
        return f"{year[1]}-{year[2][-2:]}"
    # "overseeing", "agreeing": the stemmer keeps "oversee" but makes "oversees" "overse"; read as the verb.
    word = word[:-3] if word.endswith("eeing") else word
    word_stem = STEMS_APART.get(word) or _settled(_ADVERB.sub(r"\1", IRREGULAR_VERBS.get(word, word)))
    if _DOUBLED.search(word_stem) and word.endswith(("ing", "ed")):
        word_stem = word_stem[:-1]  # "running", "planned": "run", "plan" (not "fill", "pass", "buzz")
    word_stem = _IFY.sub(r"\1", word_stem)
    return STEM_FAMILIES.get(word_stem, word_stem)


# A verb in "-ify" and its noun in "-ification" are one word: "Which officer was to notify billing
# authorities…" is answered by "…to issue a notification to each billing authority" (the stemmer makes
# "notif", "notifi" and "notific" of them).
_IFY = re.compile(r"^(\w{3,}if)(?:ic|i|y)$")


def _settled(word: str) -> str:
    """`stem`, settled so a word's forms meet: "delivery" → "deliver" → "deliv" as
    "deliver" does; "allocate" ("allocat") meets "allocation" ("alloc")."""
    settled = stem(word)
    settled = stem(settled) if settled.endswith("er") else settled  # "delivery" → "deliver": a verb's form
    return settled[:-2] if settled.endswith("at") and len(settled) - 2 >= MIN_STEM else settled


# An adverb is read as its adjective: "originally" as "original", "jointly" as "joint" ("Assembly",
# "supply", "family" keep their "ly": only these endings are adverbs').
_ADVERB = re.compile(r"^(\w{3,}(?:al|ous|nt|ive|ed))ly$")
_DOUBLED = re.compile(r"([b-df-hj-kmnp-rtv-y])\1$")


_FINANCIAL_YEAR = re.compile(r"((?:19|20)\d\d)[-/–]((?:19|20)?\d\d)")


def stems_field(text: str) -> str:
    """The stems of a text as stored in the catalog: space-separated and space-padded, so that
    `f" {stem} " in field` is a word-set membership test."""
    return " " + " ".join(sorted({stem(t) for t in keyword_tokens(text)})) + " "


def engine_term(token: str) -> str:
    """A word as a search engine with a plain `\\w+` analyzer keeps it whole: its stem, letters and
    digits only ("£72,765" → "72765", "Engagement" → "engag"). Written so on both sides (the
    indexed text and the query), any engine's standard tokenizer then agrees with ours."""
    return re.sub(r"\W+", "", stem(token))


def engine_terms(text: str) -> list[str]:
    """Every word of a text worth matching, in reading order and repeated as often as it occurs
    (term frequency counts in BM25), as `engine_term`s."""
    terms = []
    for token in _TOKEN.findall(text):
        token = token.strip(".,'’-")
        if token and token.lower() not in STOPWORDS:
            term = engine_term(token)
            if term:
                terms.append(term)
    return terms


# Clipped forms people type for words the decisions spell out: "hi-vis tabards" are "high visibility
# vests/tabards" in ADD2342. Read in full by search and the answerer, never in indexed text.
CLIPPED = {
    "hi-vis": "high visibility", "hi vis": "high visibility", "govt": "government", "dept": "department",
    "depts": "departments", "approx": "approximately", "info": "information", "admin": "administration",
    "mgmt": "management", "orgs": "organisations", "yr": "year", "yrs": "years", "exec": "executive",
    "asst": "assistant", "mgr": "manager", "reps": "representatives", "comms": "communications",
    "uni": "university", "cttee": "committee", "assoc": "association", "intl": "international",
    "natl": "national", "no. of": "number of", "advert": "advertisement", "adverts": "advertisements",
    "stats": "statistics",
}  # fmt: skip
_CLIPPED = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(c) for c in sorted(CLIPPED, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)


def expand_clipped(text: str) -> str:
    """ "hi-vis vests" → "high visibility vests": the clipped forms of `CLIPPED`, spelt out."""
    return _CLIPPED.sub(lambda m: CLIPPED[m.group().lower()], text)
