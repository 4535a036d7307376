"""A question as the answerer reads it: its kind (question_types.question_kind), its telling words and
their stems, the names it uses and their initials, what it asks for (a person or a body, one name or
several, the value after "to" or "from"), and the vocabulary both it and the evidence are read with.
The text is untrusted: names are found by walking tokens; each regex is one linear pass."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

from decisions.words import STOPWORDS, Token, plain_word, stem_with_irregulars, tokens
from indexer.amounts import amounts_in

from .question_types import (
    ASKED_NOUNS,
    DELEGATION,
    IMPERATIVES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLACE_ASKED,
    QUESTION_WORDS,
    SOURCE_ASKED,
    answer_kind,
    asking_clause,
    is_question,
    noun_phrase,
    singular_body,
)

# Generic vocabulary. filler: question padding ("roughly", "approximate": hedges; "get", "money", "big",
# "run", "put towards", "whether", "went", "given": how people ask, rare in the decisions' formal text, so
# they would weigh as topics that are missing);
# not_names: word endings.
_VOCAB = {
    name: words.split()
    for name, words in (line.split(":", 1) for line in """
filler: must might shall named mentioned say says said according decision decisions document documents give tell know please there their also goes go going get gets find identify provide show quote roughly approximately exactly precisely get gets getting got give gives giving gave win wins won money behind per big large run runs running ran become becomes became put puts putting towards whether went given approximate
role: director assistant executive mayor deputy head officer chair chairman chairwoman chairperson commissioner chief manager secretary minister councillor cllr position
org_words: authority authorities body board council councils unit team procurement partnership partnerships department ltd limited trust trusts group committee network hub assembly hall police service services university college foundation association agency office bank commission centre society sector llp plc cic charity company intelligence london borough co-operative co-operatives cooperative cooperatives embassy england uk ministry
thing_words: programme programmes fund funds reserve reserves code act report strategy plan plans regulations recovery mission missions project projects scheme schemes initiative framework policy prize award awards grant grants budget zone zones post role delivery obligation obligations
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
FIGURE_KINDS = ("amount", "count", "share")  # read with the year and the clause they stand in
_EARLIER_WORDS = frozenset(
    "original previous old initial initially earlier prior originally previously already".split()
)
# (Or a partner: "Which organisation does the GLA work with to deliver…".)
_CONTRACT_ASKED = re.compile(
    r"\bcontract(?:s|or|ors|ed)?\b|\bprovider\b|\bsupplier\b|\b(?:work|partner|collaborat)\w* with\b"
    # "Which firm was appointed to…", "Which consultancy was hired…": a party the GLA contracts with.
    r"|\b(?:firm|company|consultancy|consultants?|agency|advis[eo]r)\b[^?]{0,40}\b(?:appoint(?:s|ed)?|hired?|engaged?|procured?|commissioned)\b",
    re.I,
)
# A question's opening word that is no part of the name after it: "Alongside Sadiq Khan, who…".
_LEADING_WORDS = frozenset(
    "alongside apart besides excluding including following regarding concerning beyond despite unlike".split()
)
# The GLA, every decision's author, however a question names it.
_PUBLISHER_NAMES = [
    {stem_with_irregulars(w) for w in n.split()} for n in ("City Hall", "Greater London Authority")
]
_WHOLE = frozenset("total totals altogether cumulative overall combined".split())
# "the one-off increase", "how much extra": a sum added is asked ("how many more homes": homes).
_INCREMENT_ASKED = frozenset("increase increases uplift top-up extra additional further".split())
INCREMENT_WORDS = frozenset("more additional extra further".split())
_GAS_NAMES = frozenset({"carbon", "co2"})  # counted as the gas the decisions state
_GAS = [stem_with_irregulars(w) for w in ("carbon", "dioxide")]
INCREMENT_CUES = _INCREMENT_ASKED | INCREMENT_WORDS | {"added", "add", "adds", "increased", "raised"}
# "Initial DLUHC funding for…", "Total GLA spend…": an adjective capitalised for opening a search.
_FIRST_ADJECTIVES = _EARLIER_WORDS | INCREMENT_WORDS | frozenset("new total annual overall".split())
_TOTAL_WORDS = frozenset("total altogether cumulative combined".split())
_MOST_COUNTED = re.compile(r"\bmaximum number\b", re.I)
_CHANGED_WORDS = frozenset("new revised increased raised reduced after now updated".split())
_POST_ASKED = re.compile(
    # "Which GLA officer was to notify…", "which senior post…": a post is asked, whoever holds it.
    # "Who decides how the £1m is allocated": the present tense asks whom a decision empowers.
    r"\bwhich (?:[\w’'-]+ ){0,2}?(?:officer|post|role)\b|\bwho is given\b|\bsenior responsible owner\b"
    r"|\bwho (?:decides|approves|signs off|allocates)\b",
    re.I,
)
PART_WORDS = frozenset("round phase wave tranche stage cohort".split())  # "Round 2": a numbered part


_LINKS = frozenset("is was are were the a an".split())
_INDIVIDUALS = frozenset("artist artists person people individual individuals councillor councillors".split())
_KIND_WORDS = {
    "share": frozenset("percentage percent cent rise uplift".split()),  # "What pay rise…": "2 per cent"
    "email": frozenset("email e-mail address addresses".split()),
    # "Which earlier mayoral decision first set up…": a decision citing another says "(see MD2661)".
    "reference": frozenset("earlier previous prior original originally first initially".split()),
    "person": frozenset("country countries nation nations".split()),  # "Which country…": "…to Ukraine"
    "amount": frozenset("amount figure".split()),  # "…, and what was the exact amount?": "£40,237,555"
}
_NUMBER_OF = re.compile(r"\bnumber of\b", re.I)
# "On what basis…", "In what way…": the manner asked, which a page says by any phrase of manner.
_MANNER_ASKED = re.compile(r"\b(?:on|in|by)\s+(?:what|which)\s+(basis|way|manner)\b", re.I)
_EXACTLY = frozenset("exact exactly precise precisely".split())  # how the answer is to be given, not what
# "cover all of London", "the whole of Greater London": what a page writes "London-wide".
_WHOLE_AREA = re.compile(
    r"\b(?:all|(?:the\s+)?(?:whole|entirety)|every\s+part)\s+of\s+(?:greater\s+)?london\b|\bentire\s+(?:city|capital)\b",
    re.I,
)
_COVER = frozenset("cover covers covered covering".split())
_BEFORE_CHANGE = re.compile(  # "worth before it was extended", "before the uplift"
    r"\bbefore\s+(?:(?:it|they|this|that|the\s+\w+)\s+(?:was|were|had been)\s+(?:extended|increased|raised|varied|uplifted|topped up)"
    r"|the\s+(?:[\w’',-]+\s+){0,5}?(?:extension|increase|uplift|variation|top-up))\b",
    re.I,
)
_END_WORDS = frozenset(
    "end ends ending until finish finishes completion complete close closes expire expires".split()
)
_START_WORDS = frozenset("start starts starting begin begins commence commences".split())
RANGE_CUES = _END_WORDS | _START_WORDS | {"date", "day", "when"}
LEADING = JOINERS | {"this", "that", "these", "a", "an"}  # not the start of a name: "This Mayoral Decision"


_COMING = frozenset(["come", "comes", "came", "coming"])


def _split_at_reach(runs):
    """ "TfL for the London-wide ULEZ": a reach ("London-wide") is no part of a name, and ends one."""
    for run in runs:
        part: list[Token] = []
        for t in run:
            if t.word.endswith("-wide"):
                yield from [part] if part else []
                part = []
            else:
                part.append(t)
        yield from [part] if part else []


@dataclass
class Question:
    text: str
    kind: str  # question_types.answer_kind: amount | date | person | count | list | email | reference | frequency | text
    words: dict[str, str] = field(default_factory=dict)  # stem → the word as asked
    weights: dict[str, float] = field(default_factory=dict)  # stem → how telling (rare) it is
    head: list[str] = field(default_factory=list)  # the counted noun: "how many [grant applications]…"
    plural: bool = False  # "Which artists…", "Who are the partners…": more than one name is wanted
    asked_phrase: set[str] = field(default_factory=set)  # "What was the [combined total] for…": its stems
    whole: set[str] = field(default_factory=set)  # "How much of the [business rates pilot money] goes on…"
    stated_sums: set[int] = field(default_factory=set)  # "How much of the [£310.7m]…": never the answer
    stated_number: int | None = None  # "the four priorities": a list of four
    role: bool = False  # "who is the chief executive…": a person is wanted, not an organisation
    organisation: bool = False  # "which company…": an organisation is wanted, not a person
    individual: bool = False  # "which artist…": a person is wanted, never a body
    asked_noun: str | None = None  # "which department…": a name holding "Department" fits best
    # The stem of the body noun it asks by ("Which councils…": "council"): the answer's kind, which the
    # answering decision need not write ("the London Boroughs of Harrow and Hackney").
    kind_stem: str | None = None
    post: bool = False  # a delegation is asked about: "Executive Director of Housing and Land" answers
    receiver: bool = False  # "Which organisation received/got the grant…": the body money goes "to"
    # "Who were the documents submitted to for noting?": the stem of the verb whose "to" the answer follows.
    sent_to: str | None = None
    increment: bool = False  # "the one-off increase", "how much extra": a sum added, not the whole
    contractor: bool = False  # "Which charity runs the … contract": the body the contract is "with"
    giver: bool = False  # "Which body gave the grant…", "Where did the £200m come from?": it comes "from"
    source: bool = False  # "Which budget pays…", "Where did the money come from?": a fund or budget answers
    # "How much is London Councils contributing…": "gives" (the sum comes "from" the body it names);
    # "How much did Crisis get…": "gets" (it goes "to" the body).
    flow: str | None = None
    entities: list[set[str]] = field(default_factory=list)  # names it uses: "London Partnership Board"
    acronyms: set[str] = field(default_factory=set)  # their initials ("LPB"): never an answer
    # A name joining two ("Chief Officer and Returning Officer"), by its place in `entities`: its parts.
    parts: dict[int, list[set[str]]] = field(default_factory=dict)
    # The initials of a name it uses, or of a run of its words: what they stand for ("VRU": the stems of
    # "Violence Reduction Unit"). A decision spells a name out once and then writes its initials.
    short_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    after: str | None = None  # "reduced to" wants the amount after "to", an "end date" the second date
    # Initials it uses, by stem, and the names the decisions define them as: "CEZ" is "Creative
    # Enterprise Zones" (filled by the answerer from the index: acronyms.spelt_out).
    spelt: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    quality: float = 1.0  # fit to the wanted type: for "who", a person's name beats a job title


def word_stems(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(stems, lower-case words); "ADD2234" also gives 2234: decisions cite each other by number.
    Uncached: `stems` remembers the short pieces asked again and again, `document_stems` whole decisions."""
    words = [t.text for t in tokens(text)]
    numbers = {re.sub(r"\D", "", w) for w in words if w[0].isalpha() and w[-1].isdigit()}
    found = {stem_with_irregulars(w) for w in words}
    # "short-listed" is "shortlisted", "co-operative" "cooperative": a hyphen between letters may be left out.
    joined = {stem_with_irregulars(w.replace("-", "")) for w in words if JOINED.search(w)}
    return frozenset(found | joined | numbers), frozenset(plain_word(w) for w in words)


JOINED = re.compile(r"[a-z]-[a-z]", re.I)


stems = functools.lru_cache(maxsize=8192)(word_stems)
# A whole decision's words, read again by every question its passages answer (a few hundred at most).
document_stems = functools.lru_cache(maxsize=512)(word_stems)


def held(word: str, read: frozenset[str] | set[str]) -> bool:
    """The word's stem is among `read`, or each part of a hyphenated word is: "high-visibility" is written
    "high visibility vests", "BEIS-funded" "the funding agreement with BEIS"."""
    parts = [p for p in word.split("-") if p]
    return (
        stem_with_irregulars(word) in read
        or (len(parts) > 1 and all(stem_with_irregulars(p) in read for p in parts))
        # "the extra Good Growth Fund money" is the text's "additional capital expenditure".
        or (word.lower() in _ADDED and bool(_ADDED_STEMS & read))
    )


_ADDED = frozenset("extra additional further".split())
_ADDED_STEMS = frozenset(stem_with_irregulars(w) for w in _ADDED)


def _loose_initials(run: list[Token]) -> set[str]:
    """A name's initials as organisations write them, a small word's letter kept or not and a word in
    capitals given whole or by its first: "GLA Land and Property" is "GLAP", "Mayor's Office for
    Policing and Crime" "MOPAC". Four letters at least: fewer name too many things."""
    options = [
        {t.text[0].upper(), ""}
        if t.word in JOINERS
        else {t.text[0], t.text}
        if t.text.isupper()
        else {t.text[0]}
        for t in run
    ]
    if len(run) > 8 or not all(options):
        return set()
    return {"".join(p).upper() for p in itertools.product(*options) if len("".join(p)) >= 4}


@functools.lru_cache(maxsize=8192)
def initialisms(text: str) -> frozenset[str]:
    """Words in capitals, as written: "VRU", "AEB", "LCEF", and a department's with its small word's letter
    in lower case: "DfE", "DfT" (not "use" nor "Use")."""
    written = (_POSSESSIVE.sub("", t.text) for t in tokens(text))  # "The OPDC’s draft Local Plan"
    return frozenset(w for w in written if 2 <= len(w) <= 6 and _INITIALS.fullmatch(w))


_INITIALS = re.compile(r"[A-Z](?:[a-z]?[A-Z])+")
_POSSESSIVE = re.compile(r"[’']s$")


def short_forms_in(q: Question, text: str) -> set[str]:
    """The stems of the question's names a text writes by their initials: "London VRU" names the
    "Violence Reduction Unit" of "London Violence Reduction Unit"."""
    if not q.short_forms:
        return set()
    return set().union(*(q.short_forms[a] for a in initialisms(text) if a in q.short_forms))


def spelt_in(q: Question, read: frozenset[str] | set[str]) -> set[str]:
    """The question's initials a text holds written out: "…the Creative Enterprise Zone Sustainability
    Capital Fund" holds the "CEZ" of "the CEZ Sustainability Capital Fund"."""
    return {a for a, names in q.spelt.items() if any(name <= read for name in names)}


def _asked_number_before(toks: list[str], i: int) -> bool:
    """Has the question already asked a number, right after its "which"/"what" ("Which two …"), before word i?"""
    return i > 1 and toks[0] in ("which", "what") and (toks[1] in NUMBER_WORDS or toks[1].isdecimal())


def joined_in(q: Question, text: str) -> set[str]:
    """The question's words a text writes as two: "Space Hive" holds the "Spacehive" of "…the Mayor's
    High Streets Spacehive platform", "crowd funding" its "crowdfunding"."""
    # Only pairs starting as a question word does are stemmed: most pairs of a passage are no word at
    # all, and would fill the stemmer's cache that every other lookup shares.
    starts = {w.lower()[:4] for w in q.words.values()}
    words = re.findall(r"[A-Za-z]+", text)
    joined = (f"{a}{b}".lower() for a, b in itertools.pairwise(words))
    return {s for j in joined if j[:4] in starts and (s := stem_with_irregulars(j)) in q.weights}


def _joins_nouns(toks: list[str], i: int) -> bool:
    """ "how many tree and woodland projects": an "and" between two content words joins the counted noun."""
    return (
        toks[i] in ("and", "or")
        and 0 < i < len(toks) - 1
        and toks[i + 1] not in STOPWORDS | QUESTION_WORDS
        and toks[i - 1] not in STOPWORDS | QUESTION_WORDS
    )


def _modal(found: list[Token], i: int) -> bool:
    """ "Which officer may approve…": the verb, not the month ("May 2021", "in may 2021", "1 May")."""
    if found[i].text != "may":
        return False
    beside = [t.text for t in found[max(0, i - 1) : i] + found[i + 1 : i + 2]]
    return not any(w[:1].isdigit() for w in beside)


def analyse_question(text: str) -> Question:
    found = tokens(text)
    toks = [t.word for t in found]
    if not toks:
        return Question(text, "text")
    q = Question(text, answer_kind(text))
    for i, word in enumerate(toks):
        # isdecimal, not isdigit: "¹" is a digit that int() refuses (found by schemathesis);
        # "Net Zero" is 0, which `or` once passed on to int("zero"). The number "which"/"what" opens
        # is the one asked: "Which two … pools … merging into one fund?" asks two.
        if _asked_number_before(toks, i):
            pass
        elif word in NUMBER_WORDS:
            q.stated_number = NUMBER_WORDS[word]
        elif word.isdecimal() and word.isascii() and len(word) <= 2:
            q.stated_number = int(word)
        if not (
            word in STOPWORDS or word in FILLER or word in QUESTION_WORDS or len(word) < 2 or _modal(found, i)
        ):
            q.words.setdefault(stem_with_irregulars(word), word)
    # "What percentage pay rise…", "Which email address…": the words name the kind asked, not the topic.
    q.words = {s: w for s, w in q.words.items() if w not in _KIND_WORDS.get(q.kind, frozenset()) | _EXACTLY}
    if q.kind == "text" and (manner := _MANNER_ASKED.search(text)):  # "on a matched basis", "in the form of"
        q.words = {s: w for s, w in q.words.items() if w.lower() != manner.group(1).lower()}
    if q.kind == "count" and _NUMBER_OF.search(text):  # "housing zones round 2 number of homes": "how many"
        q.words = {s: w for s, w in q.words.items() if w != "number"}
    if whole := _WHOLE_AREA.search(text):  # "to cover the whole of London": the page says "London-wide"
        said = {t.word for t in tokens(whole.group())} | _COVER
        q.words = {s: w for s, w in q.words.items() if w not in said}
        q.words[stem_with_irregulars("London-wide")] = "London-wide"
    asking = [t.word for t in tokens(asking_clause(text))]
    # "Who chaired LFEPA…" asks the holder of a post as "Who was the chair of LFEPA…" does.
    posts = ROLE_WORDS | _POST_VERBS
    q.role = q.kind == "person" and bool(posts & set(toks)) and not ORG_NOUNS & set(asking[:3])
    # "Which company…", or a search ending in its body noun: "… grant income comes from which funder".
    searched = [] if is_question(text) else toks[-1:]
    asking = [singular_body(w) for w in asking]  # "Which boroughs…", "Which companies…"
    q.organisation = q.kind == "person" and bool(ORG_NOUNS & {*asking[:4], *map(singular_body, searched)})
    # "Which officer may approve…", "who is given the decision…", "who can agree…": a delegation names a post.
    q.post = q.kind == "person" and bool(DELEGATION.search(text) or _POST_ASKED.search(text))
    q.asked_noun = next((w for w in asking[1:3] if w in ORG_NOUNS), None) if q.organisation else None
    q.kind_stem = stem_with_irregulars(q.asked_noun) if q.asked_noun else None
    # "Which artist…", "Who is the artist of…" (not "Who commissioned the artists…").
    noun_at = 1 + next((i for i, w in enumerate(asking[1:4]) if w not in _LINKS), 0)
    noun_at = noun_at if asking[:1] == ["which"] or noun_at > 1 else len(asking)
    q.individual = q.kind == "person" and bool(
        {plain_word(w) for w in asking[noun_at : noun_at + 1]} & _INDIVIDUALS
    )
    # ("Who did the Legacy Corporation give grant money to…": "to" ends the asking clause.)
    q.giver = q.kind == "person" and _gives_asked(asking_clause(text))
    q.receiver = (
        q.kind == "person"
        and not q.giver
        and bool(_RECEIVED.search(asking_clause(text)) or _GIVEN_TO.search(text) or _RECIPIENT.search(text))
    )
    sent = _SENT_TO.search(asking_clause(text)) if q.kind == "person" and not q.giver else None
    q.sent_to = stem_with_irregulars(sent.group(1).lower()) if sent else None
    q.contractor = q.kind == "person" and not q.post and bool(_CONTRACT_ASKED.search(text))
    # ("Apart from GLA money, which EU fund was to pay…": the asking clause asks it.)
    source = SOURCE_ASKED.match(text) or SOURCE_ASKED.match(asking_clause(text))
    q.source = bool(source)
    q.giver = q.giver or q.source  # "Which budget pays…": "…from the [Homes for Londoners budget]"
    if source:  # "Which budget pays for…": a name, with its noun ("Homes for Londoners Collaboration budget")
        noun = next(
            (
                source.group(g)
                for g in ("noun", "named", "whence_noun", "lead_noun", "from_noun")
                if source.group(g)
            ),
            None,
        )
        q.organisation, q.asked_noun = True, noun.lower().split()[-1] if noun else None
    if q.kind == "person" and PLACE_ASKED.match(text):
        q.asked_noun = "place"
    if q.asked_noun == "council":
        q.asked_noun = "borough" if "borough" not in asking else q.asked_noun
    q.after = toks[-1] if toks[-1] in ("to", "from", "by") else None
    if q.after == "from" and len(toks) > 1 and toks[-2] in _COMING:
        q.after = None  # "…and where does it come from?" asks a source, not where a change started
    q.increment = q.kind in FIGURE_KINDS and bool(set(toks) & _INCREMENT_ASKED) and not set(toks) & _WHOLE
    # "the combined programme total … including previously approved external income": the total is asked,
    # what it includes is earlier.
    totalled = next((i for i, t in enumerate(toks) if t in _TOTAL_WORDS), len(toks))
    earlier = next((i for i, t in enumerate(toks) if t in _EARLIER_WORDS), len(toks))
    if (
        q.kind in FIGURE_KINDS
        and q.after is None
        and (earlier < totalled or (earlier == len(toks) and _BEFORE_CHANGE.search(text)))
    ):
        q.after = (
            "from"  # "the original budget", "…before it was extended": in "from £15m to £16.4m", the first
        )
    # ("How many new street trees…" counts things that are new; no change of a figure is asked.)
    described = {"new"} if toks[:3] == ["how", "many", "new"] else set()
    if q.kind in FIGURE_KINDS and q.after is None and (set(toks) - described) & _CHANGED_WORDS:
        q.after = "changed"  # "the total after the extra money": in "from £15m to £16.4m", the second
    # ("…maximum number of zones": the most there will be, the total a change reaches.)
    if (
        q.kind in FIGURE_KINDS
        and q.after is None
        and (_TOTAL_WORDS & set(toks) or _MOST_COUNTED.search(text))
    ):
        q.after = "total"  # "How many … in total": in "a further 10 … to total 30", the total
    if (
        q.kind == "date" and q.after is None
    ):  # "end date": in "from October 2020 to September 2023", the second
        cue = set(toks) & _END_WORDS and "end" or set(toks) & _START_WORDS and "start"
        q.after = cue or None
    joined: list[Token] | None = None  # the last name joining two with "and": its parts follow it
    # "Which Deputy Mayor…": the name starts after "Which".
    for run in _split_at_reach(name_runs(text, found)):
        # "Give London & Partners' core grant…": the imperative is no part of the name.
        named = [
            t for t in run if not {t.word} & (JOINERS | QUESTION_WORDS | STOPWORDS | IMPERATIVES | FILLER)
        ]
        # "Number of Stage 1 applications…", "Date of the London Assembly meeting…": a search's first
        # word is capitalised for being first; when it names what is asked, it is no part of a name.
        if (
            named
            and named[0] is found[0]
            and (named[0].word in ASKED_NOUNS or named[0].word in _LEADING_WORDS | _FIRST_ADJECTIVES)
        ):
            named = named[1:]  # ("Alongside Sadiq Khan, who…": the name is "Sadiq Khan")
        inside = joined is not None and joined[0].start <= run[0].start and run[-1].end <= joined[-1].end
        if len(named) >= 2 and {stem_with_irregulars(t.text) for t in named} in _PUBLISHER_NAMES:
            continue  # "How much is City Hall granting…": the GLA, every decision's author, named any way
        if len(named) >= 2:
            name = {stem_with_irregulars(t.text) for t in named}
            if inside and q.entities:
                # A part of "GLA Chief Officer and Greater London Returning Officer": either will do.
                q.parts.setdefault(len(q.entities) - 1, []).append(name)
            else:
                q.entities.append(name)
            q.acronyms.add("".join(t.text[0] for t in named).upper())
            for i, j in itertools.combinations(range(len(named) + 1), 2):
                if j - i >= 3:  # "London Violence Reduction Unit" is "LVRU", its last three words "VRU"
                    initials = "".join(t.text[0] for t in named[i:j]).upper()
                    q.short_forms[initials] = frozenset(stem_with_irregulars(t.text) for t in named[i:j])
            at = [i for i, t in enumerate(run) if t is named[0] or t is named[-1]]
            for initials in _loose_initials(run[at[0] : at[-1] + 1]):
                q.short_forms.setdefault(initials, frozenset(name))
                q.acronyms.add(initials)  # the question's own name, never its answer
        if not inside:
            joined = run if _cuts(run) else None
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
    runs = {
        "".join(content[i:j]) for i in range(len(content)) for j in range(i + 3, min(i + 6, len(content) + 1))
    }
    # "the community energy fund" is the decision's "LCEF" too: London's bodies and funds carry its
    # initial ("London Community Energy Fund"), which a question rarely says.
    q.acronyms.update(runs | {f"L{run}" for run in runs if "L" not in run[:1]})
    if q.kind == "count":  # "…, how many homes in total", "number of young people": where it is asked
        asks = (["how", "many"], ["how", "much"], ["number", "of"], ["no", "of"])
        at = next((i + 2 for i in range(len(toks) - 1) if toks[i : i + 2] in asks), 2)
        while at < len(toks) and toks[at] in INCREMENT_WORDS:
            at += 1  # "how many more homes": the homes are counted
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
                if i > at - 1
                and w in STOPWORDS | QUESTION_WORDS
                and not inside_name[i]
                and not _joins_nouns(toks, i)
            ),
            None,
        )
        q.head = [
            stem_with_irregulars(w)
            for i, w in enumerate(toks[at:stop], at)
            if not inside_name[i] and w not in ("and", "or")
        ]
        if not q.head and at >= len(toks):
            # "young Londoners positive opportunities commitment this term - how many?": asked last,
            # the counted noun is among the words before the asking ones.
            q.head = [stem_with_irregulars(w) for w in toks[: at - 2] if w not in STOPWORDS | QUESTION_WORDS]
        # Carbon is counted as the gas ("20,000 tonnes of carbon dioxide"), whether asked as
        # "carbon" or as "CO2": the counted noun runs through both words.
        if _GAS_NAMES & set(q.head):
            q.head = [*(w for w in q.head if w not in _GAS_NAMES and w not in _GAS), *_GAS]
    plural = next((w for w in toks[1:4] if w not in ("is", "was", "are", "were", "the", "a", "an")), "")
    q.plural = (
        q.kind == "person"
        and (
            toks[0] in ("which", "what") or toks[:2] in (["who", "are"], ["who", "were"])
        )  # not "Who chairs…"
        and plural.endswith("s")
        and (plural[:-1] in PERSON_NOUNS or singular_body(plural) in ORG_NOUNS)
    )
    if q.kind in ("amount", "share"):  # (for dates too, it lost as many as it won)
        q.asked_phrase = _asked_phrase(text)
        q.whole = _whole(text)
        q.stated_sums = set(amounts_in(text))
    bodies = [e for e in q.entities if not all(s.isdigit() for s in e)]  # a code is no body
    if q.kind == "amount" and len(bodies) == 1:  # with two ("from Homes England to Hounslow"), which one?
        q.flow = _flow_named(text, bodies[0]) or (
            "gives" if _GIVES.search(text) else "gets" if _RECEIVED.search(text) else None
        )
    return q


# "…its bid to the Sustainable Warmth competition": asking words; the money comes from the body asked.
BIDDING_WORDS = frozenset(
    "bid bids bidding application applications applied apply submission submissions submitted appeal".split()
)


def _flow_named(text: str, body: set[str]) -> str | None:
    """ "…received from London Councils": the sum comes from the body ("gives"), whatever the verb says;
    "…paid to Crisis": it goes to it ("gets"). None when neither word stands just before the body."""
    toks = tokens(text)
    for i, tok in enumerate(toks):
        if tok.word in ("from", "to") and body <= {stem_with_irregulars(t.word) for t in toks[i + 1 : i + 5]}:
            # "…win in its bid to the Sustainable Warmth competition": a bid goes to the body, the money from it.
            asked_of = tok.word == "to" and i > 0 and toks[i - 1].word in BIDDING_WORDS
            return "gives" if tok.word == "from" or asked_of else "gets"
        # "How much of the Young Londoners Fund was allocated to MOPAC…": the pool a part comes from.
        if [t.word for t in toks[max(0, i - 2) : i + 1]] == ["how", "much", "of"] and body <= {
            stem_with_irregulars(t.word) for t in toks[i + 1 : i + 5]
        }:
            return "gives"
    return None


def _whole(text: str) -> set[str]:
    """The stems of the whole a part of which is asked: "How much of the [remaining Growing Places Fund
    revenue] was earmarked for place-based support?" (the figure asked is near the part, not the whole)."""
    words = [t.word for t in tokens(text)]
    for i in range(len(words) - 3):
        if words[i : i + 3] == ["how", "much", "of"]:
            rest = words[i + 3 :]
            rest = rest[1:] if rest[:1] in (["the"], ["this"], ["that"]) else rest
            return {stem_with_irregulars(w) for w in noun_phrase(rest)}
    return set()


_POST_VERBS = frozenset("chaired chairs chairing".split())


def _asked_phrase(text: str) -> set[str]:
    """The stems of the noun phrase asked for: "What was the [combined total] for…", "How much [revenue
    grant] did OPDC give…". Empty for "How much did London Councils put in…"."""
    words = [t.word for t in tokens(asking_clause(text))]
    if len(words) < 3 or words[0] not in ("what", "which", "how"):
        return set()
    i = 2 if words[0] == "how" else 1
    while i < len(words) and words[i] in ("is", "was", "are", "were", "the", "a", "an", "be"):
        i += 1
    phrase = noun_phrase(words[i : i + 4])
    return {stem_with_irregulars(w) for w in phrase}


# Who money went to: "Which organisation received…", "Who got the grant…", "…was given…".
_RECIPIENT = re.compile(r"\b(?:recipients?|beneficiar(?:y|ies)|grantees?)\b", re.I)  # "… £144,535 recipient"
# The asking clause ends at a verb's "to": "Who were they submitted to for noting?", "Who is it reported to?".
_SENT_TO = re.compile(
    r"^\W*(?:who|whom|which|what)\b[^?]*?\b(?!(?:is|was|are|were|be|been|due|going|has|have|had|able)\b)([a-z]{3,})"
    r" to\s*(?:$|[?.,]|(?:for|in|under|as|at|by|on|after|before|when|once)\b)",
    re.I,
)
_RECEIVED = re.compile(r"\b(?:receiv\w*|got|gets?|given|awarded|went|paid|allocated)\b", re.I)


# "Who did the Legacy Corporation give grant money to…?": the asking clause ends at "to" (not "Which
# body gave the grant for the Memorial to Victims of…": the giver is asked there).
_GIVEN_TO = re.compile(
    # (A sum's thousands comma is no clause break: "…giving £269,000 to for a … garden".)
    r"\bgi(?:ve|ven|ving|ves|ave)\b(?:[^,;:?]|(?<=\d),(?=\d))* to\s*(?:$|[?.,]|(?:for|in|under|as|at)\b)",
    re.I,
)
# The asked body gives: "Which body gave…", "Which organisation put £54,000 into…", "Name the department
# that allocated…", "Who is giving…", "which company is … an external funder". Not when the asked body is
# the verb's object ("Who did the Corporation give…"), its passive subject ("Which charity was given…") or
# a noun before a passive ("Give the name of the body awarded the contract").
_GIVING = frozenset(
    "gave give gives giving allocated allocates allocating provided provides providing funded funds "
    "contributed contributes contributing donated donates donating granted offered paid pays put awarded".split()
)
# "Who is funding learning activities for the Memorial…": after an auxiliary, a verb ("Which organisation
# received LLDC grant funding…" names the money).
_GIVING_AFTER_AUXILIARY = frozenset("funding paying".split())
_PARTICIPLES = frozenset("allocated provided funded contributed donated granted offered paid awarded".split())
_AUXILIARIES = frozenset("has had have is are was were will would be been being".split())
_PASSIVE = frozenset("was were been is are be being".split())


def _gives_asked(clause: str) -> bool:
    words = [t.word for t in tokens(clause)]
    if {"funder", "funders", "sponsor", "sponsors", "donor", "donors"} & set(words):
        return True
    if words[:1] == ["who"]:
        subject_end = 1
    elif words[:1] in (["which"], ["what"]):  # "Which [government department] allocated…"
        subject_end = next((i for i, w in enumerate(words[:6]) if w in _GIVING or w in _AUXILIARIES), 0)
    else:  # "Name the department [that] allocated…"
        subject_end = next((i + 1 for i, w in enumerate(words[:8]) if w in ("that", "which", "who")), 0)
    if not subject_end:
        return False
    verbs = words[subject_end : subject_end + 3]
    auxiliaries = list(itertools.takewhile(lambda w: w in _AUXILIARIES, verbs))
    verb = verbs[len(auxiliaries)] if len(auxiliaries) < len(verbs) else ""
    passive = bool(auxiliaries) and auxiliaries[-1] in _PASSIVE and verb in _PARTICIPLES | {"given"}
    provided = words[subject_end + len(auxiliaries) + 1 :][
        :4
    ]  # what is provided: "the £40.2m" (its digits), "secretariat…"
    if verb.startswith("provid") and not (
        _MONEY_WORDS & set(provided) or any(w[:1].isdigit() for w in provided)
    ):
        return False  # "Who provides secretariat services…" asks a provider of a service, not a funder
    return (verb in _GIVING or (bool(auxiliaries) and verb in _GIVING_AFTER_AUXILIARY)) and not passive


_MONEY_WORDS = frozenset(
    "money funding funds fund grant grants capital revenue finance financing cash budget sum income".split()
)


# ("grant providers" names who is paid, not that the body asked of gives: the noun is no verb.)
_GIVES = re.compile(
    r"\b(?:contribut\w*|put(?:ting)? in|provid(?!ers?\b)\w*|donat\w*|pa(?:y|ys|id|ying)\b|chip\w* in)", re.I
)


_COMPANY_ENDINGS = frozenset("ltd limited plc llp llc inc".split())
# A company's registered name with a bracketed part: "ABP (London) Investment Limited", "SME Wholesale
# Finance (London) Limited". Only before a company ending: "Royal Docks Enterprise Zone (EZ) Delivery
# Plan" is a name and its short form, then another name.
_BRACKETED_COMPANY = re.compile(
    r"[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*)*\s+\([A-Z][\w&’' -]*\)(?:\s+[A-Z][\w&’'-]*)*?\s+(?:Limited|Ltd|plc|PLC|LLP)\b"
)


_PLACE_MODIFIER = re.compile(r"[A-Z][\w’']*-(?:area|based|wide)", re.I)


def name_runs(text: str, toks: list[Token]) -> list[list[Token]]:
    """Capitalised words joined by spaces or up to two of/for/and/the ("Transport for London Procurement"),
    and their parts either side of "and" ("Matthew Ryder and the GLA": two names; scoring decides)."""
    runs: list[list[Token]] = [[]]
    companies = [m.span() for m in _BRACKETED_COMPANY.finditer(text)]
    for i, tok in enumerate(toks):
        # ("Grenfell-area", "London-wide": a place made an adjective describes the name that follows.)
        current = runs[-1]
        capital = tok.text[0].isupper() and tok.word not in MONTHS and not _PLACE_MODIFIER.fullmatch(tok.text)
        # "The National Lottery Community Foundation #iwill Fund": a hashtag is a name's word, in any case.
        hashtag = text[tok.start - 1 : tok.start] == "#"
        capital = capital or hashtag
        # "GLA’s Contracts and Funding Code" is two names; "Mayor’s Office for Policing and Crime" and
        # "the Mayor's Housing Covenant" are one: the Mayor's own bodies and budgets carry his name.
        possessive = current and current[-1].text.endswith(("’s", "'s")) and current[-1].word[:5] != "mayor"
        gap = text[current[-1].end : tok.start].strip() if current else ""
        gap = "" if hashtag and gap == "#" else gap
        bracketed = gap in ("(", ")") and any(a <= current[-1].start and tok.end <= b for a, b in companies)
        # ("Housing & Land", "Hammersmith & Fulham": an ampersand joins a name's words as a space does.)
        joined = current and (not gap or bracketed or gap == "&") and not possessive
        ahead = next((t for t in toks[i + 1 : i + 3] if t.word not in JOINERS), None)
        # "Sport 4 Good Cluster": a small number between capitalised words is the name's ("Round 2 Good
        # Growth Fund" numbers a part of the fund: `PART_WORDS`).
        numbered = (
            tok.text.isdigit()
            and len(tok.text) <= 2
            and bool(current)
            and current[-1].word not in PART_WORDS
            and toks[i + 1 : i + 2]
            and toks[i + 1].text[0].isupper()
        )
        bridge = (tok.word in JOINERS or numbered) and joined and ahead and ahead.text[0].isupper()
        if (capital and (joined or not current)) or bridge:
            current.append(tok)
        else:
            runs.append([tok] if capital else [])
    out = []
    for run in filter(None, runs):
        cuts = [-1, *_cuts(run), len(run)]
        if run[-1].word in _COMPANY_ENDINGS and len(cuts) > 2:
            del cuts[-2]  # "GLA Land and Property Ltd" is one company, not "Property Ltd"
        out += [run] + [run[a + 1 : b] for a, b in zip(cuts, cuts[1:], strict=False) if 1 < b - a <= len(run)]
    return out


def _cuts(run: list[Token]) -> list[int]:
    """Where a run joins two names: at "and", and at "for the" ("the Environmental Improvement Reserve
    for the ULEZ": a passage may name the reserve alone; "Transport for London" has no "the")."""
    return [
        i
        for i, t in enumerate(run)
        if t.word in ("and", "&") or (t.word == "for" and i + 1 < len(run) and run[i + 1].word == "the")
    ]
