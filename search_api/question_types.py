"""What kind of answer a question expects, and whether a text contains one.

`question_kind` is the one reading of a question's kind: the answerer picks its span finder by
it, record answers their field. Used to choose passages ("When does procurement start?" prefers
a passage with a date). Patterns are linear: they run on untrusted text.
"""

from __future__ import annotations

import itertools
import re

from decisions.words import tokens
from indexer.refs import find_refs

from . import question_parse

# Words that say what is asked for: "Which director…" a person, "Which council…" an organisation
# (both answered by a name), "What was the budget…" an amount.
PERSON_NOUNS = frozenset(
    """mayor director officer person people chair chairs leader member head minister councillor deputy
    secretary manager lead chief executive individual signatory artist winner consultant chairman commissioner""".split()
)
ORG_NOUNS = frozenset(
    """organisation organization company supplier partner contractor body team board council
    consultancy firm charity provider department unit directorate agency co-operative cooperative committee
    panel forum ministry funder borough country nation recipient grantee beneficiary not-for-profit""".split()
)


def singular_body(word: str, nouns: frozenset[str] = ORG_NOUNS) -> str:
    """ "boroughs" → "borough", "companies" → "company", for the body nouns a question asks by."""
    for plural, singular in (("ies", "y"), ("s", "")):
        if word.endswith(plural) and word[: -len(plural)] + singular in nouns:
            return word[: -len(plural)] + singular
    return word


# Bodies a question asks for in the plural only: "Which GLA subsidiaries…" asks their names, as "Which
# companies…" does ("the subsidiary" asked alone is a topic, as in "What does the subsidiary trade as?").
_LISTED_BODIES = ORG_NOUNS | {"subsidiary"}


PLACE_NOUNS = frozenset(["country", "nation", "place"])  # answered by a place's name: "Ukraine"
# "Where can vehicles be sent…", "Where will the HS2 station open?": a place is asked (not "Where was
# Mary Harpley working…", a body; nor "Where did the money come from", a budget: `SOURCE_ASKED`).
PLACE_ASKED = re.compile(
    r"^\W*where\b(?=[^?]*\b(?:sent|send|go|goes|went|located|locate|sited|situated|based|open|opens|opened|"
    r"opening|built|build|created|create|installed|placed|planted|held|hold|moved|exported|donated)\b)",
    re.I,
)
AMOUNT_WORDS = frozenset(
    """budget budgets cost costs expenditure investment invested spend spent funding funded
    value price amount grant allocation allocated worth fee fees paid pay salary sum approved approve total
    aside earmarked cap ceiling spending debt debts borrowing borrowings""".split()
)

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

# The capital or revenue part of a sum, asked by its name.
_MONEY_PART = re.compile(r"\b(?:capital|revenue)\s+(?:element|portion|component|part)s?\b", re.IGNORECASE)

# What a passage holding an answer of each kind shows; list and text have no one mark, and a reference
# is another decision's code than the passage's own (has_answer_type).
ANSWER_PATTERNS = {
    # Pounds, or pence as a rate is written ("the multiplier will be 2p", "1.5p in the pound").
    "amount": re.compile(
        r"£\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|bn|million|billion)?\b|\b\d{1,2}(?:\.\d+)?p\b", re.I
    ),
    "date": re.compile(
        rf"\b(?:\d{{1,2}} )?{MONTH}(?: \d{{1,2}})?,? (?:19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}/(?:19|20)\d\d\b"
    ),
    "email": re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b"),
    "count": re.compile(r"\b\d[\d,]*\b"),
    "share": re.compile(r"\b\d+(?:\.\d+)?\s?(?:%|per\s?cent\b)", re.IGNORECASE),
    # How often: "quarterly", "on an annual basis", "twice a year", "every six months".
    "frequency": re.compile(
        r"\b(?:(?:on|at)\s+an?\s+(?:quarterly|annual|monthly|weekly|yearly|daily|six-monthly|regular)\s+basis"
        r"|quarterly|annually|monthly|weekly|fortnightly|yearly|daily"
        r"|(?:once|twice|three times|four times)\s+(?:a|per|each|every)\s+(?:year|month|week|quarter|day)"
        r"|(?:every|each)\s+(?:\w+\s+)?(?:years?|months?|weeks?|quarters?|days?))\b",
        re.IGNORECASE,
    ),
    # Two or more capitalised words: "Luke Bruce", "Transport for London Procurement".
    "person": re.compile(r"\b[A-Z][a-z]+(?: (?:of |for |and )?[A-Z][a-zA-Z]+){1,4}\b"),
}


QUESTION_WORDS = frozenset(
    "who whom whose what when which how why where is are does do did can could will would should was were "
    "has have list name".split()
)
# A search is not a question: it names what it wants by its words ("tree planting budget" wants the
# passages that state amounts). Only for searches: in a question the kind decides ("Which directorate
# put forward the budget" wants a directorate).
_COUNT_CUE = re.compile(r"\bnumber of\b", re.IGNORECASE)
SEARCH_WANTS = (
    ("text", re.compile(r"\b(?:purpose|reason|why|aims?|objectives?)\b", re.IGNORECASE)),  # not an amount
    (
        "amount",
        re.compile(
            r"\b(?:budget|cost|costs|spend|spent|spending|expenditure|funding|investment|price|value|pot|salary|threshold|amount|sum|total|allocation|payments?|fees?|cap|ceiling|written off|write-offs?"
            # money coming in or owed: "Crossrail BRS expected income 2026-27", "… residual debt forecast"
            r"|income|receipts?|revenues?|debts?|borrowings?|multiplier|contributions?)\b",
            re.IGNORECASE,
        ),
    ),  # fmt: skip
    # What people call a sum: "extra money for boroughs where free school meal uptake went above 90 per
    # cent" (not "number of learners … the extra money", "Scrappage top-up decision: date ULEZ expands").
    (
        "amount",
        re.compile(r"^(?!.*\b(?:number of|date|deadline|month)\b).*\b(?:money|cash|top-ups?)\b", re.I),
    ),
    # "2025-26 pay rise for the Mayor's appointees": a pay change is a percentage.
    (
        "share",
        re.compile(r"\bper\s?cent(?:age)?\b|%|\bpay (?:rise|award|increase|uplift)s?\b", re.IGNORECASE),
    ),
    # "MD3039 increase to CEZ sustainability capital fund", "core grant one-off increase": a change to money
    # is its sum.
    (
        "amount",
        re.compile(
            r"^(?=.*\b(?:increases?|uplifts?|top-ups?)\b)(?=.*\b(?:fund|grant|budget|funding|allocation)\b)",
            re.I,
        ),
    ),
    # "Webbs Industrial site acquisition mayoral decision code": the code of the decision.
    ("reference", re.compile(r"\bdecision (?:code|number|reference)s?\b", re.IGNORECASE)),
    ("count", re.compile(r"\bnumber of\b", re.IGNORECASE)),
    ("date", re.compile(r"\b(?:deadline|date|closing date|start date|month)\b", re.IGNORECASE)),
    # "London & Partners grant for 2015/16": a search ending in a grant asks its sum, when no other cue
    # says otherwise ("grant" in lower case: "Green Homes Grant" is a scheme; "grant recipient" a body).
    ("amount", re.compile(r"\b(?-i:grants?)(?:\s+(?:for|in|of))?(?:\s+\d{4}(?:[-/]\d{2,4})?)?\s*$")),
    # "Home Office grant for the London VRU in 2025-26": a giver's grant to someone, its sum.
    ("amount", re.compile(r"(?-i:\b[A-Z][\w&’']*\s+grants?)\s+(?:for|to)\b")),
    # "small sites small builders grant to TfL 2022-23": a grant to a named body, its sum.
    ("amount", re.compile(r"(?-i:\bgrants?\s+to\s+(?:the\s+)?[A-Z])")),
    # "Home Upgrade Grant 2 award to the GLA for 2023-25": an award to a named body, its sum (a pay award
    # is a percentage, read above).
    ("amount", re.compile(r"(?-i:\bawards?\s+(?:to|for)\s+(?:the\s+)?[A-Z])")),
    # "Warmer Homes winter 2018/19 extra households retrofitted", "applications submitted": how many were.
    (
        "count",
        re.compile(
            r"\b(?!(?:funds|grants|payments|costs|fees|sums|budgets|awards|contributions|receipts|revenues)\b)"
            r"[a-z]{3,}s\s+(?:[a-z]{3,}ed|built)\s*$"
        ),
    ),
    # "Fourth Plinth daily visitors before Covid": how many came.
    ("count", re.compile(r"\b(?:visitors|audiences?|attendance|attendees|footfall)\b", re.IGNORECASE)),
    # "Capital element of the Royal Docks Delivery Plan…": the capital part of a sum.
    ("amount", _MONEY_PART),
)


# "Under which section of the GLA Act…", "Which Mayor's Transport Strategy proposal…": a numbered provision
# of a law or plan, its number as the page writes it ("Proposal 44"), not who or a sentence.
PROVISION_ASKED = re.compile(
    r"\b(?:which|what)\s+(?:(?-i:[A-Z])[\w’']*\s+){0,4}"
    # ("Under which Act's section 18…" states the number: the Act is asked.)
    r"(section|paragraph|schedule|regulation|article|clause|proposal|recommendation)\b(?!\s*\d)",
    re.I,
)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_SEPARATED = re.compile(r"(?:\s[-–—]|:)\s*$")  # "… pay award - [date] London Assembly considers it"


# A search that asks inside it, as busy people type: "SSSB budget how much", "LCEF round 6 no. of
# projects", "AEB functions delegated to mayor from when" ("who" and "when" only as the last word:
# "grants for people who sleep rough" asks no person).
_ASKED_INSIDE = re.compile(
    r"\b(how much|how many|no\. of)\b|\b(when|who|whom)(?=\W*$)|\b(?:which|what)(?=(?:\W+\w+){1,3}\W*$)", re.I
)
# Asked with a question mark, "which" or "what" anywhere asks: "MD2792 proposed merging which two … funds…?"
# (Its two empty groups make a match read as `_ASKED_INSIDE`'s "which": the question from there on.)
_WH_INSIDE = re.compile(r"()()\b(?:which|what)\b", re.I)
_ASKED_INSIDE_KINDS = {
    "how much": "amount",
    "how many": "count",
    "no. of": "count",
    "when": "date",
    "who": "person",
    "whom": "person",  # "DD2595 social housing retrofit funding – signed by whom?"
}

# "Give the date…", "Find the amount…": an imperative names what it wants by its noun.
IMPERATIVES = frozenset("find give state identify tell show provide quote".split())
# "What does the funding come to?", "… add up to?", "What did the costs total?": a sum made.
_SUMMED = re.compile(r"\b(?:come|comes|came|add|adds|added) up to\b|\b(?:come|amount) to\b|\btotal\W*$", re.I)
ASKED_NOUNS = {
    **dict.fromkeys(
        "amount sum figure cost costs budget value total price salary fee fees threshold cap ceiling limit multiplier pot debt debts".split(),
        "amount",
    ),
    **dict.fromkeys("date day deadline month year period timeframe timescale".split(), "date"),
    "number": "count",
    **dict.fromkeys("percentage percent".split(), "share"),
}
_HEDGES = frozenset("roughly approximately approx about around".split())
_LINKED = frozenset("of for to from by with in on".split())  # "cost of the consultant": the cost is wanted
# What "how big" or "what size" asks the sum of, besides the amount words.
_SIZED_SUMS = frozenset("fund pot grant grants loan loans award awards".split())
# What a share of is a sum ("What share of the Young Londoners Fund…"), not a percentage.
_MONEY_NOUNS = frozenset("fund funds money cash pot income revenue capital".split())
_GIVEN_SUMS = frozenset("grant allocation funding contribution".split())  # what "Give the …" asks the sum of
_GAVE_MONEY = frozenset("put contribute invest spend pay allocate commit".split())
# "What did Director Decision 2752 pay for out of the … budget?": what the money bought, not its sum ("What
# did the GLA pay for the site?" still asks the price).
_PAID_FOR_FROM = re.compile(
    r"\b(?:pay|pays|paid|spend|spent)\s+for\s*(?:\?|$|out of\b|from\b|with\b|using\b)", re.I
)
_AUXILIARIES = frozenset("did does do will would was were is has have".split())  # "What grant did X get"
_NOT_SUMS = frozenset(
    "purpose reason reasons summary about aim aims objective objectives terms conditions".split()
)
# Whom a decision empowers, not who took it: "who is given delegated authority…", "who may approve…".
# The answerer wants a post for it; record answers leave it to the text.
DELEGATION = re.compile(
    r"\bdelegat\w*|\b(?:may|can|could|will|would|must|is able to|gets? to|got to)"
    r" (?:approve|sign|authori[sz]e|agree|decide|award)"
    # "Who was given authority to agree allocations…": the post empowered.
    r"|\b(?:given|granted|has|have|had|holds?)\s+(?:the\s+)?(?:authority|power)\s+to\b"
    # "Which officer does MD1437 authorise to send…" (not "Who authorised the grant to Crisis?")
    r"|\b(?:which|what|whom)\b[^?]{0,60}?\b(?:authori[sz]e|empower|allow|permit)(?:s|d|ed|ted)?\s+to\s"
    # "Who was authorised to send the notifications…": the post empowered, not who took the decision.
    r"|\bwho\s+(?:is|was|are|were|has been|have been)\s+(?:authori[sz]ed|empowered|permitted|allowed)\s+to\s"
    # "Who decides how the budget is allocated?": the post that holds the decision, not who took this one.
    r"|\bwho\s+decides\b",
    re.I,
)
# "For the X programme, who…", "Apart from Y, which body…": the asking clause after a comma or dash.
_ASKING_CLAUSE = re.compile(
    # "MD3410 who decides how the funding is allocated": after a decision's code, too.
    r"(?:[,;:—–]|\s-|^|\b[A-Z]{2,5}\s?\d{3,5}\s)\s*"
    # ("Through which Chief Officer decision was the pay award confirmed?": its code.)
    r"(?:(?:on|in|under|by|from|for|at|to|of|with|until|since|through|via|against|during)\s+)?"
    # (A threshold stays: "Under DD2750, above what meal uptake rate…" asks a bound.)
    r"(?=(?:(?:above|below|over|beyond)\s+)?(?:who|whom|whose|what|when|which|how|where)\b)",
    re.IGNORECASE,
)
_SCENE_OPENERS = frozenset(["when", "once", "while", "whilst"])
_ASKING_AFTER_COMMA = re.compile(
    # (Not "When did the scheme, which started in 2019, close?": "when" then a verb asks when.)
    r"^\w+\s+(?!(?:did|does|do|was|were|is|are|will|would|has|have|had|can|could|should|shall|may|might|must)\b)"
    r"[^?,]{8,}?,\s*(?=(?:who|whom|whose|what|which|how|where|why)\b)",
    re.I,
)
_POLAR_OPENERS = frozenset("is are was were does do did has have had will would can could".split())
_ASKED_AFTER_POLAR = re.compile(
    # (Only a figure: "Did the GLA terminate …, and when?" would date another act the page tells, as
    # "…the Development Agreement that was entered into in May 2013"; whether it happened is unsaid.)
    # "…, and what was the exact amount?": the figure named.
    r"[,;]\s*(?:and\s+)?(?:if so,?\s+)?(?=(?:how much|how many|what (?:was|is|were) the (?:exact |precise )?"
    r"(?:amount|sum|figure|number|total)\b))",
    re.I,
)
_ARTICLES = ("the", "a", "an", "its", "their", "me")
_QUALIFIERS = frozenset(
    "new exact final total original revised latest first last closing annual yearly monthly weekly maximum"
    " minimum overall initial additional extra".split()
)
_VALUED = frozenset("budgeted costed priced valued capped estimated set fixed".split())  # "… budgeted at?"
_CODE_NOUNS = frozenset(["decision", "decisions", "md", "dd", "add", "pcd"])  # "Under which MD was…": a code
_VERBS = _AUXILIARIES | frozenset("are had can could should must may might apply applies applied".split())
_GOES = frozenset("go goes going went gone come comes came".split())


def _changing(words: list[str]) -> list[bool]:
    """Which words say a change: "raised", "rose", and the "up" of "went up" ("…threshold go up to…")."""
    before = ["", *words[:-1]]
    return [
        w in _CHANGE_VERBS or (w in ("up", "down") and b in _GOES) for b, w in zip(before, words, strict=True)
    ]


_CHANGE_VERBS = frozenset(
    "raise raised increase increased reduce reduced cut change changed decrease decreased bring brought take took"
    " rise rises rose risen fall falls fell fallen".split()
)
_REACHED = frozenset("reach reached".split())
_SUM_WORDS = AMOUNT_WORDS | {w for w, kind in ASKED_NOUNS.items() if kind == "amount"}  # "threshold", "pot"
_APPROVING = frozenset("approve approves agree agrees allocate allocates".split())
_SPENDING = frozenset("spending spend expenditure funding budget".split())
_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _asks_someone(noun: str, near: list[str], plural: bool = False) -> bool:
    """A person or a body is wanted: the asked noun, or one of the words near it, names one (with
    `plural`, in the plural too: "Which London boroughs…")."""
    near = set(near) | ({w.removesuffix("s") for w in near if not w.endswith("ss")} if plural else set())
    return noun in PERSON_NOUNS or noun in ORG_NOUNS or bool((PERSON_NOUNS | ORG_NOUNS) & near)


def asking_clause(question: str) -> str:
    """The question from its asking clause on: "For the X programme, who signed?" → "who signed?"."""
    first = next((t.word for t in tokens(question)), "")
    # "When the Housing Zones programme was extended to 30 zones, how much was moved…?": "when" opens
    # the scene, and the question asked follows the comma.
    scene = first in _SCENE_OPENERS and _ASKING_AFTER_COMMA.search(question)
    if scene:
        return question[scene.end() :]
    # "Was over £500k spent on SWEP …, and how much exactly?": the yes-or-no part leads to what is asked.
    then = first in _POLAR_OPENERS and _ASKED_AFTER_POLAR.search(question)
    if then:
        return question[then.end() :]
    if first and first not in QUESTION_WORDS and first not in IMPERATIVES:
        # "On what date…", "Under which decision…": a preposition may lead the asking clause.
        clause = _ASKING_CLAUSE.search(question)
        if clause:
            return question[clause.end() :]
    return question


# "Which budget pays for the grants?", "What fund paid for…", "What pot of funding paid for…": the budget's
# name, not its sum.
SOURCE_ASKED = re.compile(
    # ("Which EU fund was to pay half the cost…")
    # (after a terse topic: "DD2783 small sites due diligence grants - which budget pays for them?")
    r"^\s*(?:(?:[^?]*?\s[-–—:]\s+)?(?:from )?(?:which|what) (?:GLA |Mayoral |EU |European |government )?"
    # ("…what funding source pays for the £7.2m capital side…")
    r"(?P<noun>budget|fund|funding stream|funding source|source of funding|budget line|reserve|pot)s?"
    r"(?: of (?:funding|money))? "
    r"(?:will |would |is to |was to |were to |is used to |is |are |was |were )?"
    r"(?:pays?|paid|paying|funds?|funded|funding|covers?|covered|covering|meets?|met|meeting)\b"
    # "Name the budget that £200m was moved from…": its name, never its sum.
    r"|name the (?:GLA |Mayoral )?(?P<named>budget|fund|funding stream|budget line|reserve)\b"
    # "What funded the one-off £978,000 uplift…?": the budget or fund that paid ("funds" may be a noun).
    r"|what (?:funded|paid for|pays for|will (?:fund|pay for)|is (?:funding|paying for))\b"
    # "Where did the extra £200m … come from?", "Where is the … uplift being funded from?": the budget or body
    # it was taken from.
    r"|(?P<whence>where (?:did|does|do|was|were|is|are|will)\b[^?]* (?:come|came|comes|coming|taken|moved|drawn|"
    r"transferred|reallocated|sourced|funded|paid|financed) from\b)"
    # "…grant £250,000 which budget does it come from", "Which budget is the grant funded from?"
    r"|(?:.*?\s)?(?:from )?(?:which|what) (?:GLA |Mayoral )?(?P<whence_noun>budget|fund|funding stream|budget line|reserve|pot)s?"
    r"(?: of (?:funding|money))?\b[^?]{0,100}?\b(?:come|came|comes|coming|funded|paid|drawn|taken|sourced|met|moved|transferred|reallocated) from\b"
    # "From what reserve is the one-off £978,000 top-up … drawn?": "from" opening the question (or its
    # asking clause, read without it).
    r"|(?:from )?(?:which|what) (?:GLA |Mayoral )?(?P<lead_noun>budget|fund|funding stream|budget line|reserve|pot)s?"
    r"(?: of (?:funding|money))?\b[^?]{0,100}?\b(?:drawn|taken|funded|paid|met|sourced|moved|transferred|reallocated|"
    r"financed)(?: down)?\s*\??\s*$"
    # "Housing Zones phase 2 money reallocated from which budget"
    r"|.*?\b(?:come|came|comes|funded|paid|drawn|taken|sourced|met|moved|transferred|reallocated) from (?:which|what) "
    r"(?:GLA |Mayoral )?(?P<from_noun>budget|fund|funding stream|budget line|reserve)s?\b)",
    re.IGNORECASE,
)


# Where the noun phrase asked for ends: at a verb, a relative word or a preposition ("Name the one
# earlier mayoral decision [associated with…]", "What was the combined total [for …]").
PHRASE_ENDS = _VERBS | frozenset(
    "that which who whose associated linked for of on in to with within by about under behind from at into"
    " over since after before during concerning regarding once when while whilst".split()
)


# "…artists chosen…", "…consultants appointed…": a noun naming people, then the act that picked them.
_CHOSEN = re.compile(
    r"\b([a-z-]+)\s+(?:chosen|selected|appointed|picked|short-?listed|nominated|named|commissioned)\b", re.I
)


def noun_phrase(words: list[str]) -> list[str]:
    return list(itertools.takewhile(lambda w: w not in PHRASE_ENDS, words))


# What is measured in units other than money: "How much carbon dioxide…", "How much energy…".
MEASURED = frozenset(
    "carbon co2 energy electricity heat power waste water land floorspace emissions capacity housing space".split()
)
# (Not "What post did Mary Harpley hold…": the post a person held is read by named_posts.)
_POST_EMPOWERED = re.compile(r"\s*(?:which|what) post (?:can|may|could|must|will|would|is able to)\b", re.I)
_PREPOSITIONS = frozenset(
    "above below over under by in for from to at on since until after before within into through via against"
    " during".split()
)
_THRESHOLDS = frozenset("above below over under beyond".split())
_PERIODS = frozenset("period time timescale timeframe years months weeks days".split())  # "Over what period…"


# "What did MD2714 set aside for the emissions inventory analysis tool": the sum set aside for a thing
# named (not "What is the £500,000 … earmarked for?", which asks the thing).
_SET_ASIDE_FOR = re.compile(
    r"^\W*what\b[^?]*?\b(?:set aside|earmark(?:ed)?|ring-?fenced?)\s+(?:for|to)\s+(?:the |a |an )?\w{3,}",
    re.I,
)


def question_kind(question: str) -> str:
    """amount | date | person | count | share | list | email | reference | text: what the answer must be
    (share: a percentage)."""
    found = tokens(question)
    words = [t.word for t in found]
    if not words:
        return "text"
    if words[0] == "why":  # a reason, whatever it names: "Why did the Mayor … include his Chief of Staff…?"
        return "text"
    # "What is the Department for Education's annual allocation…": the allocation is asked, not the
    # Department ("Which company's contract…" still asks a company: no verb before the owner).
    owner = next((t for t in found[2:8] if t.text.endswith(("'s", "’s"))), None)
    if owner and (
        "of" in words[2 : found.index(owner)]
        or any(
            t.word in PHRASE_ENDS and before.text[:1].islower()
            for before, t in itertools.pairwise(found[2 : found.index(owner)])
        )
    ):
        # "What was the total cost of the Mayor's … event?": the cost is asked, of the event; "What is the
        # budget to set up London's … Taskforce?": the budget, for the act (not "the Department for
        # Education's allocation", where the word ends no lower-case noun).
        owner = None
    if words[0] in ("what", "which") and words[1] in ("is", "was", "are", "were") and owner:
        return question_kind(f"{words[0]} {words[1]} the {question[owner.end :]}")
    if (
        words[:3] == ["by", "how", "much"]
        and _CHANGE_VERBS & set(words)
        and not (AMOUNT_WORDS | _SIZED_SUMS | _MONEY_NOUNS) & set(words)
    ):
        return "share"  # "By how much did the project reduce particulate pollution…": a rate, not a sum
    clause = asking_clause(question)
    if clause != question:
        return question_kind(clause)
    if words[0] in _HEDGES and len(found) > 1:  # "Roughly how big is…" asks as "How big is…"
        return question_kind(question[found[1].start :])
    if words[0] == "how" and words[1:2] in (["often"], ["frequently"], ["regularly"]):
        return "frequency"  # "How often does the GLA receive … receipts?": "on a quarterly basis"
    if SOURCE_ASKED.match(question):
        return "person"
    if PROVISION_ASKED.match(question):
        return "text"
    if _SET_ASIDE_FOR.match(question):
        return "amount"
    if (
        words[:2] == ["name", "of"]
        or (
            words[0] in ("what", "which")
            and words[1:2] in (["is"], ["was"])
            and words[2:3] == ["the"]
            # "What is the registered company name of the subsidiary…": a name, however it is qualified.
            and any(words[i : i + 2] == ["name", "of"] for i in range(3, 6))
        )
    ):  # "name of the London Fire Commissioner who retired in 2015", "What is the name of the Director…"
        return "person"
    if _POST_EMPOWERED.match(question):
        return "person"  # "Which post can approve the … spending proposals?": the post a delegation names
    if re.search(r"\b(?:what|which) (?:interest rate|rate of interest)\b", question, re.IGNORECASE):
        return "share"  # "What interest rate does the GLA pay…": a percentage, not a sentence
    if words[0] in _PREPOSITIONS and len(found) > 1 and words[1] in QUESTION_WORDS:
        # "Above what meal uptake rate do boroughs get an extra … payment?": not the payment. So for a level of
        # what no sum measures: "Above what level of school meal uptake…" ("above 90 per cent"), not "Above
        # what level of spending…".
        rated = {"rate", "percentage"} & set(words[2:6]) or (
            words[2:4] == ["level", "of"]
            and not (AMOUNT_WORDS | _MONEY_NOUNS | _SIZED_SUMS) & set(words[4:8])
        )
        if words[0] in _THRESHOLDS and rated:
            return "share"
        kind = question_kind(question[found[1].start :])  # "By when…" asks as "When…"
        if kind == "text" and words[0] in _THRESHOLDS and not _PERIODS & set(words[2:5]):
            # "Above what level must … get approval?": a threshold, a sum, or a share when it is a rate
            # ("Above what meal uptake rate…": "above 90 per cent").
            return "share" if {"rate", "percentage"} & set(words[2:6]) else "amount"
        return kind
    if words[0] not in QUESTION_WORDS and words[0] not in IMPERATIVES:
        searched = not question.rstrip().endswith("?")
        if words[0] in ASKED_NOUNS and len(words) > 2:  # "Date the Programme Board endorsed the investment"
            return ASKED_NOUNS[words[0]]
        if searched and words[-1] == "by":  # "…projects approved by"
            return "person"
        asked = _ASKED_INSIDE.search(question)
        if not asked and not searched:  # "MD2792 proposed merging which two GLA investment funds into one?"
            asked = _WH_INSIDE.search(question)
        if asked and not (asked.group(1) or asked.group(2)):  # "… grant income comes from which funder"
            return question_kind(question[asked.start() :])
        if asked:  # "SSSB initial project budget how much", "LCEF round 6 no. of projects"
            return _ASKED_INSIDE_KINDS[" ".join((asked.group(1) or asked.group(2)).lower().split())]
        # "Warm Homes Local Grant funding department" wants the body (not "salary of the chief executive").
        if searched and words[-1] in ORG_NOUNS | PERSON_NOUNS and not _LINKED & set(words):
            return "person"
        # "Fourth Plinth artists chosen in 2014…": those the participle says were picked.
        chosen = _CHOSEN.search(question)
        if searched and chosen and _asks_someone("", [chosen.group(1).lower()], plural=True):
            return "person"
        # A search, not a question ("Sport Unites budget for 2022-23", "DD1221 – date signed?"): its cue
        # words say, question mark or not.
        # A cue word with "of" after it names what is asked ("MD2996 statutory officers pay award - date of
        # London Assembly meeting"); the others may name what it is about ("pay award").
        named = [
            (m.start(), kind)
            for kind, cue in SEARCH_WANTS
            for m in cue.finditer(question)
            if m.end() > m.start() and _OF_AFTER.match(question, m.end())
        ]
        # A cue word ending the search names what is asked too ("review of London & Partners funding - report
        # back deadline", "DD2455 LEAP Investment Committee endorsement date"); the others what it is about.
        last = [
            kind
            for kind, cue in SEARCH_WANTS
            for m in cue.finditer(question)
            if m.end() > m.start()
            and not question[m.end() :].strip(" ?.!")
            and not re.search(r"\d\s*$", question[: m.start()])  # "…uptake over 90 per cent": a value said
        ]
        # Else one opening the part after a dash ("… pay award - date London Assembly considers it").
        opened = [
            (m.start(), kind)
            for kind, cue in SEARCH_WANTS
            for m in cue.finditer(question)
            if m.end() > m.start() and _SEPARATED.search(question[: m.start()])
        ]
        cued = (
            min(named)[1]
            if named
            else last[0]
            if last
            else min(opened)[1]
            if opened
            else next((kind for kind, cue in SEARCH_WANTS if cue.search(question)), None)
        )
        # "Warmer Homes funding extension 2018/19 minimum number of extra households": a count named after
        # the money it is about is what the search wants.
        counted = _COUNT_CUE.search(question)
        if (
            cued == "amount"
            and counted
            and not any(cue.search(question, counted.end()) for kind, cue in SEARCH_WANTS if kind == "amount")
        ):
            cued = "count"
        if searched or cued:
            return cued or "text"
    if words[0] in IMPERATIVES or (words[0] == "name" and len(words) > 1 and words[1] in _ARTICLES):
        if len(words) > 1 and words[1] in QUESTION_WORDS:  # "State how much…"
            return question_kind(" ".join(words[1:]))
        noun = next((w for w in words[1:5] if w not in _ARTICLES), "")
        # "Name the Chief Officer decision that…", "Name the one earlier mayoral decision associated with…": its code.
        if noun_phrase(words[1:8])[-1:] == ["decision"]:
            return "reference"
        # "Give the minimum number of learners…", "Give the Free Courses for Jobs sum…": the noun may come later.
        asked = next((w for w in words[1:7] if w in ASKED_NOUNS), None)
        if asked:
            return ASKED_NOUNS[asked]
        if noun in ("name", "names") or _asks_someone(noun, words[1:5]):
            return "person"  # "Name the interim assistant director who…", "Give the name of…"
        if words[0] != "name" and _GIVEN_SUMS & set(words[1:7]) and not _NOT_SUMS & set(words):
            return "amount"  # "Give London & Partners' core grant for 2025-26": give its sum
        if words[0] != "name":
            return "text"
    lead = " ".join(words[:3])
    if "email" in words or "e-mail" in words or (words[0] in ("what", "which") and words[1:2] == ["address"]):
        return "email"
    if re.match(
        r"(?:what|which|by what|(?:by )?how much) (?:percentage|percent|per cent)\b", " ".join(words[:5])
    ):
        return "share"  # "What percentage pay rise…": "2 per cent", not an amount or a count
    # "What share of London is covered by trees…": a percentage; a share of money ("What share of the
    # Young Londoners Fund went to MOPAC") is its sum.
    portion = re.match(
        r"(?:what|which) (?:share|proportion|fraction) of ((?:\S+ ){1,5})", " ".join(words) + " "
    )
    if portion and not (AMOUNT_WORDS | _SIZED_SUMS | _MONEY_NOUNS) & set(portion[1].split()):
        return "share"
    # "Roughly how big is the annual Adult Education Budget…", "What size of grants does … offer?": its sum
    if (lead.startswith(("how big", "how large")) or words[:2] in (["what", "size"], ["which", "size"])) and (
        AMOUNT_WORDS | _SIZED_SUMS
    ) & set(words):
        return "amount"
    if (
        lead.startswith("how much")
        and len(words) > 2
        and words[2] in MEASURED
        and not (AMOUNT_WORDS | _MONEY_NOUNS) & set(words[3:5])  # ("How much housing funding…": a sum)
    ):
        # "How much carbon dioxide…": "20,000 tonnes of carbon dioxide", a quantity, not a sum; "How much
        # housing capacity…": "capacity for around 100,000 units".
        return "count"
    if lead.startswith(("how many", "how much")):
        return "count" if lead.startswith("how many") and "pounds" not in words else "amount"
    if words[0] == "when" or re.search(r"\b(?:what|which) (?:date|year|month|day)\b|by when", lead):
        return "date"
    if words[0] in ("who", "whom", "whose") or PLACE_ASKED.match(question):
        return "person"
    # "Which earlier Mayoral decision set up…", "What previous decision approved…": a reference code.
    # ("Under which mayoral delegation did the Executive Director approve…": the decision delegating.)
    # ("What do the grants add up to?": the verb "add", in lower case, names no Assistant Director decision.)
    # ("Which Deputy Mayor approved PCD 1792?": a prefix before its number is that decision's code, not the
    # kind of decision asked.)
    named = {
        t.word
        for t, after in zip(found[1:5], [*found[2:6], None], strict=False)
        if (t.word != "add" or t.text.isupper()) and not (after and after.word.isdigit())
    }
    coded = _CODE_NOUNS & named or "mayoral delegation" in " ".join(words[1:5])
    if words[0] in ("which", "what") and coded and "directorate" not in words:
        return "reference"
    if (
        words[0] == "what"
        and words[1] not in ORG_NOUNS | PERSON_NOUNS  # "What organisation was the funding changed to?"
        # "…rise to?", "…rise to for 2023-24?": the change's "to" ends the question or follows its verb
        and (
            words[-1] in ("to", "by")
            or any(changed and n == "to" for changed, n in zip(_changing(words), words[1:], strict=False))
        )
        and any(_changing(words))
        and _SUM_WORDS & set(words)
    ):
        return "amount"  # "What did MD2510 raise the total for Round 2 to?": the figure after the change
    if (
        words[0] == "what"
        and words[1] in ("did", "does", "do", "will", "would")
        and (
            _REACHED & set(words[2:])
            and AMOUNT_WORDS & set(words)
            or _SUMMED.search(question)
            and (AMOUNT_WORDS | _SIZED_SUMS) & set(words)
        )
    ):
        # "What did total approved Good Growth Fund capital spend reach…": the sum reached; "What did the
        # project funding requests add up to?": the sum they make.
        return "amount"
    approving = next((i for i, w in enumerate(words[2:6], 2) if w in _APPROVING), None)
    if (
        words[0] == "what"
        and words[1] in ("did", "does", "will")
        and approving
        and _SPENDING & set(words[approving:])
    ):
        return "amount"  # "What did MD2807 approve for Creative Enterprise Zones spending in 2022-23?"
    if (
        words[0] == "what"
        and words[1] in ("did", "does", "will", "would", "could")
        and words[-1] in ("cost", "costs")
    ):
        return "amount"  # "What did the 2014 extension of rough sleeping services cost?"
    if (
        words[0] == "what"
        and words[1] in ("did", "does", "will", "would")
        and _PAID_FOR_FROM.search(question)
    ):
        return "text"  # what the money bought
    if words[0] == "what" and words[1] in ("did", "does", "will", "would") and _GAVE_MONEY & set(words[3:8]):
        return "amount"  # "What did Sport England put into the Cluster…", "What will the GLA contribute…"
    if words[0] == "what" and words[-2:-1] and words[-2] in _VALUED and words[-1] == "at":
        return "amount"  # "What were the hi-vis tabards budgeted at?"
    if (
        words[0] == "what"
        and (
            words[-1] == "for"
            or words[-2:]
            in (["used", "for"], ["spent", "on"], ["used", "on"])  # "What was the £15,000 … spent on?"
            or _PURPOSE_END.search(question)
        )
        and words[1] not in ASKED_NOUNS  # "What period will the … service run for?" asks the period
    ):
        # "What is the £7.2m meant to pay for?", "What were the OPDC revenue grants … meant to help
        # create?": a purpose, whatever money it names.
        return "text"
    if words[0] in ("which", "what") and len(words) > 2 and (words[1] in _NUMBERS or words[1].isdecimal()):
        # "Which two GLA investment pools were to be merged…": so many named things ("the GLA Group
        # Investment Syndicate (GIS) and London Strategic Reserve (LSR)"), unless the noun says otherwise.
        # The number counts the first plural: "Which seven exemplar high street projects got funding…".
        phrase = noun_phrase(words[2:8]) or [""]
        head = next((w for w in phrase if w.endswith("s") and not w.endswith("ss")), phrase[-1])
        single = head.removesuffix("s")
        if head in ASKED_NOUNS or single in ASKED_NOUNS:  # "Which two years…"
            return ASKED_NOUNS.get(head) or ASKED_NOUNS[single]
        if head.endswith("s") and head not in PERSON_NOUNS | ORG_NOUNS:
            return "person"
    if words[0] in ("which", "what") and len(words) > 1:
        # "Which two artists…": past a number to the noun, singular ("directors" as "director").
        noun = next((w for w in words[1:4] if w not in ("is", "was", "the", "a", "an", "of") + _NUMBERS), "")
        if (
            noun not in PERSON_NOUNS | ORG_NOUNS
            and noun.endswith("s")
            and noun[:-1] in PERSON_NOUNS | ORG_NOUNS
        ):
            noun = noun[:-1]
        # "What rateable value threshold applies…": the noun before the verb says what is wanted.
        # (Only up to a verb it knows: "Which directorate put forward the budget" asks a directorate.)
        verb = next((i for i, w in enumerate(words[1:6], 1) if w in _VERBS), None)
        phrase = before_verb = words[1:verb] if verb else []
        if phrase and phrase[-1] in ASKED_NOUNS:
            return ASKED_NOUNS[phrase[-1]]
        # "Over which financial years was … funded": the years themselves ("2016-17 and 2017-18").
        if phrase and ASKED_NOUNS.get(phrase[-1].removesuffix("s")) == "date":
            return "date"
        # "What Home Office grant did the VRU get…", "What total expenditure was sought…": its sum
        # ("What extra money was approved…", "What additional funding went to boroughs…": so is money.)
        if (
            phrase
            and phrase[-1] in _GIVEN_SUMS | _SPENDING | {"money", "cash"}
            and words[verb] in _AUXILIARIES | _GOES
        ):
            return "amount"
        # "What salary…", "What date…", "What new completion deadline…": the wanted noun before the verb.
        said = next(
            # ("What total of bad debts…": the qualifier is the noun when "of" follows it.)
            (
                w
                for w in (words[2:4] if words[1] in _QUALIFIERS and words[2:3] != ["of"] else words[1:2])
                if w in ASKED_NOUNS
            ),
            None,
        )
        if said:
            return ASKED_NOUNS[said]
        # "What total savings does the Brigade expect…": a total is a figure, whatever it totals.
        if words[1] == "total":
            return "amount"
        # "What was the Crossrail business rate supplement multiplier set for…": the noun phrase after
        # "was the" ends in what is wanted.
        if words[1] in ("is", "was", "are", "were") and words[2:3] in (["the"], ["a"], ["an"]):
            phrase = list(itertools.takewhile(lambda w: w not in _VALUED | {"per"}, noun_phrase(words[3:9])))
            if phrase and phrase[-1] in ASKED_NOUNS:
                return ASKED_NOUNS[phrase[-1]]
            if _MONEY_PART.fullmatch(" ".join(phrase[-2:])):
                return "amount"  # "What is the capital element of the … Delivery Plan…": a part of a sum
        # "Which not-for-profit co-operative…": the noun may follow an adjective; "Which Fourth Plinth
        # artists were chosen…": the last of the nouns before the verb (not an owner's: "which subsidiary
        # companies' directors may…" asks the companies).
        owned = verb is not None and any(
            question[t.end : t.end + 1] in ("'", "’") or t.text.endswith(("'s", "’s")) for t in found[1:verb]
        )
        # (A verb it does not know, "Which national sports body put money into…": the parser finds the head.)
        head = [] if owned or verb is not None else [question_parse.asked_head(question) or ""]
        if _asks_someone(noun, words[1:3] + ([] if owned else before_verb[-1:]) + head, plural=True):
            return "person"
        if AMOUNT_WORDS & set(words) and words[1] in ("is", "was", "'s", "were", "will", "would"):
            return "amount"
        # (Not "What jobs target…": the plural describes a noun that is not.)
        head = (noun_phrase(words[1:6]) or [noun])[-1]
        # ("Which GLA subsidiaries…", "which GLA arm's-length companies…": bodies, whatever comes before.)
        if (
            words[1] in ("are", "were")
            or (_plural(noun) and noun not in ("is", "was", "does") and _plural(head))
            or singular_body(head, _LISTED_BODIES) != head
        ):
            return "list"
    # "What does the programme include?" asks its parts; "Which delivery plan … includes the Small Sites
    # programme?" asks the plan.
    # "Name the Redbridge project funded…" asks one thing, as "Which Redbridge project…" does; "Name the
    # projects…" a list.
    named_one = words[0] == "name" and not any(
        w.endswith("s") and not w.endswith("ss") for w in noun_phrase(words[1:8])
    )
    listed = words[0] == "list" or (words[0] == "name" and not named_one)
    return "list" if listed or _ASKS_CONTENTS.search(question) else "text"


_PURPOSE_END = re.compile(
    r"\b(?:meant|intended|designed|supposed|aimed)\s+to\s+(?:help\s+)?\w+\W*$"
    # "What was the LLDC grant to Groundwork London for at Chobham Manor?": "for", then only where or when.
    r"|\s(?:for|used for)\s+(?:at|in|on|within|during)\s+[^,;?]{1,40}\?\s*$",
    re.I,
)


def _plural(word: str) -> bool:
    """ "projects", not "basis", "status" or "process" (an s of their own)."""
    return word.endswith("s") and not word.endswith(("ss", "is", "us"))


_ASKS_CONTENTS = re.compile(r"\binclud(?:e|es|ed|ing)\W*$", re.I)


def is_question(text: str) -> bool:
    words = text.strip().lower().split()
    return bool(words) and (words[0].strip(",") in QUESTION_WORDS or text.strip().endswith("?"))


# "What pay rise did the Mayoral Appointees get…": "2.5 per cent", not a sentence. The answerer reads it
# so (`answer_kind`); passage choice does not: every year's pay decision states a percentage, and typing
# the passages by it put the asked year's decision third (real-dev rA30: rank 3 → 8).
_PAY_CHANGE = re.compile(r"\b(?:what|which)(?: \w+){0,2} pay (?:rise|award|increase|uplift)\b", re.IGNORECASE)


def answer_kind(question: str) -> str:
    """The kind the answerer reads: `question_kind`, with a pay change asked as a percentage."""
    kind = question_kind(question)
    return "share" if kind == "text" and _PAY_CHANGE.search(question) else kind


def expected_answer_type(question: str) -> str | None:
    """The question's kind when a passage can show it by a pattern (`has_answer_type`), else None.

    It was a second classifier by cue words anywhere ("Which directorate put forward the budget"
    wanted an amount); reading the kind the answerer reads raised passage MRR on the tuning and
    dev questions (real pages 0.809 → 0.820), no passage ranking worse, no answer changed. A search
    that is not a question keeps its cue words (SEARCH_WANTS): without them a search for funding
    lost the passages that state the amounts."""
    kind = question_kind(question)
    if kind in ANSWER_PATTERNS or kind == "reference":
        return kind
    if not is_question(question):
        cued = next((kind for kind, words in SEARCH_WANTS if words.search(question)), None)
        return cued if cued in ANSWER_PATTERNS else None  # "purpose of…": no pattern marks a reason
    return None


def has_answer_type(text: str, answer_type: str | None, own_ref: str | None = None) -> bool:
    """Does `text` show an answer of the type? A reference is another decision's code than the
    passage's own (`own_ref`): "a funding agreement (MD807)" answers "Which earlier decision…"."""
    if answer_type == "reference":
        return any(ref != own_ref for ref in find_refs(text))
    return bool(answer_type) and bool(ANSWER_PATTERNS[answer_type].search(text))
