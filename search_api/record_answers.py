"""Questions about a decision's record — who approved it, in what role, when it was signed or
published, which directorate, the total it approved, which decisions it builds on, deferred until
when — answered from the parsed record (DecisionRow), quoting the line the value was read from.

Without this, "Who approved MD2848?" was answered like any question: the best capitalised name near
"approved" in MD2848 was "Community-Led Recovery" (a programme), while its "Decision by: Sadiq
Khan, Mayor of London" line says who. A wrong decision is worse than no answer: the decision must be
named by its code, or be the clear first result of a search whose other words it covers; when the
field is empty or no line of the decision states it, the normal answerer takes the question.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from decisions.records import Answer, Citation
from decisions.settings import Settings
from decisions.words import stem_with_irregulars, tokens
from indexer.amounts import find_amounts, parse_amount
from indexer.dates import find_dates
from indexer.parse import TAKEN_IN_DIRECTORATE, find_refs
from indexer.refs import PREFIXES

from . import answer_spans as spans
from . import question_parse
from . import question_reading as reading
from .answer_checks import asked_parts, periods_asked, same_round, states_asked_period, years
from .decision import cite, source_paths, source_text
from .filters import Filters
from .index import DecisionRow, LoadedIndex
from .query import CITES_WORDS, query_refs
from .question_types import AMOUNT_WORDS, DELEGATION, ORG_NOUNS, PERSON_NOUNS, asking_clause, question_kind
from .search import SearchRequest, SearchResponse, search

# Field → the labels of the lines that state it, most specific first ("Decision by: Sadiq Khan, Mayor
# of London"; the ADD form's sign-off "Name: Luke Bruce" / "Position: Assistant Director, …").
LABELS = {
    "decision_maker": ("decision by", "name", "signed by", "approved by"),
    "decision_maker_role": ("decision by", "position", "job title", "role"),
    "directorate": ("directorate", "decision by", "position", "department"),
    "date_signed": ("date signed", "date of signature", "signed", "date"),
    "date_published": ("date published", "published"),
    "deferred_until": ("until what date", "deferred until", "until"),
}
WHAT = {
    "decision_maker": "who took it",
    "decision_maker_role": "the decision maker's role",
    "directorate": "its directorate",
    "date_signed": "when it was signed",
    "date_published": "when it was published",
    "deferred_until": "until when its publication is deferred",
    "approved_amount": "the amount it approves",
    "cites": "the decisions it cites",
}
# A "Date:" line is the signature's only next to the signatory ("Name: Luke Bruce" … "Date: 18/11/2025"),
# not the finance officer's "Date: 26 November 2025" further down the form.
SIGNATURE_LINES = 6

# "took"/"made" only with the decision or its code: "Who made the Fourth Plinth commission…" asks the artist
# (and "Which artists made the 12th and 13th … sculptures?": "the 12" is no code; nor is "…commissions in
# MD2179", a code where what was made is told, not what was made).
_ACTED = (
    r"approv\w*|sign\w*|(?:took|take[ns]?|made|make[s]?)(?! part\b)"
    rf"(?= (?:[\w’'-]+ ){{0,8}}?(?:decision|(?<!\bin )(?<!\bunder )\b(?:{PREFIXES.lower()}) ?-?\d))"
    r"|decid\w*|authori[sz]\w*"
    r"|agree[ds]?|consent(?:s|ed)?|decision.maker|decision (?:was |been )?(?:taken|made)"
)
# "Who decides how the £1m is allocated": the present tense asks whom the decision empowers too;
# the record holds who decided, once.
_TIME_CLAUSE = re.compile(r"\b(?:when|while|whilst|after|before|at the time)\b")
_AFTER_CLAUSE = re.compile(r"\b(?:while|whilst|after|before|once)\s+(?!the end\b)")
_PRESENT = re.compile(r"\b(?:decides|approves|signs|authori[sz]es)\b", re.I)
# "Which department is providing the funding": a government department paying, not the GLA's own.
_FUNDER = re.compile(r"\b(?:provid\w*|gave|give[sn]?|giving|fund\w*|grant\w*|paid|pay\w*|award\w*)\b", re.I)
# Asked, not only said: "In what capacity…", "What is the position of…" (not "…ran the recruitment for
# the GLA Chief Officer post", which asks a firm).
_ROLE = re.compile(
    r"\b(?:what|which|whose)\s+(?:\w+\s+){0,2}?(role|position|job title|capacity|post)\b", re.I
)
# "Which GLA directorate put forward…", "What department…"; not "…from the energy department". A
# department asked beside a payer is the government's ("Which department is providing the funding"); a
# directorate, the GLA's own word, is asked whatever is paid ("…responsible for receiving TfL funding").
_DIRECTORATE = re.compile(r"\bdirectorate\b", re.I)
_DEPARTMENT = re.compile(r"\b(?:which|what) (?:gla )?department\b", re.I)
_TEAM = re.compile(r"\b(?:which|what) (?:gla )?(?:team|unit)\b", re.I)
# Signed by others than the decision maker: "Who signed the contract with Shared Intelligence?"
_OTHER_PAPERS = re.compile(
    r"\b(?:contracts?|agreements?|lease|letters?|mou|memorandum|deed|declaration|report)\b", re.I
)
# "When did the London Assembly approve the 2024 Determination at plenary?": another body acted, and the
# record says only when the decision maker signed.
_BODIES = r"(?:Assembly|Board|Council|Councils|Committee|Panel|Commission|Government|Cabinet|Trust|Corporation|Agency)"
_OTHER_ACTOR = re.compile(
    rf"\b(?:did|was|were|has|had|have)\s+(?:the\s+)?(?:[A-Z][\w’'&-]*\s+){{0,4}}{_BODIES}\s+(?:\w+\s+)?"
    rf"(?:approv|sign|agree|decid|authori|consent)|\b(?:approv|sign|agree|decid|authori)\w*\s+by\s+(?:the\s+)?"
    rf"(?:[A-Z][\w’'&-]*\s+){{0,4}}{_BODIES}\b"
)
# "agreed that …", "agreed the LEP governance review was needed": a clause agreed, not a decision taken.
_PROPOSITION = re.compile(
    r"\s+(?:that\b|(?:the|a|an|its|their)\s+(?:(?!that\b|which\b|who\b)[\w’'-]+\s+){0,5}?"
    r"(?:was|were|is|are|should|would|must|needed|need|had)\b)"
)
_FROM_WHEN = re.compile(r"\s*(?:from|since|starting) (?:when|which|what)\b")
_ACROSS = re.compile(r"\b(?:since|so far|to date|altogether|combined|overall|all)\b", re.I)
_WH_WORDS = ("who", "whom", "whose", "when", "which", "what", "how", "until")
_WH = re.compile(rf"\b(?:{'|'.join(_WH_WORDS)})\b", re.I)
_TOTAL = re.compile(r"\btotal\b", re.I)
_APPROVING = re.compile(r"\bapprov|\bauthori[sz]", re.I)
_TOTAL_SUM = re.compile(r"\btotal\b[^£.;\n]{0,60}£", re.I)
# A search naming the approved sum: "… total expenditure approved", "… amount approved", "… approved total".
_APPROVED_SUM = re.compile(
    r"\b(?:total|amount|sum|expenditure|budget|spend)\s+approved\s*\??$|\bapproved\s+(?:total|amount|sum)\b"
    r"|\b(?:total|maximum)\s+(?:spend|spending|expenditure|cost|budget)\s*\??$"
    # "Total revenue budget approved for Housing Zones consultants…", "Housing Zone budget 2015-16 to 2017-18 total"
    r"|^total\b[^?.]{0,40}?\b(?:spend|spending|expenditure|cost|budget)\b|\b(?:budget|spend|spending|expenditure)\b.*\btotal\s*\??$"
)
_DEADLINE = re.compile(r"\b(?:deadline|completion|expiry|end date|start date)\b")
# "…reach", "cumulative", "after the additional … activity, what was the total approved…": the sum a
# fund's approvals came to, which one decision's own sum adds to.
_RUNNING = re.compile(
    r"\b(?:reach(?:ed|es)?|cumulative)\b|\b(?:after|once)\b[^?]*\b(?:additional|extra|further|added)\b"
    # "After the Bankside and Redbridge approvals, what was total approved capital spending through the Fund?"
    r"|\b(?:after|once|following)\b[^?,]*\bapprovals?\b"
    r"|\b(?:come|comes|came) to\b"  # "…what did total approved Good Growth Fund capital come to?"
    # "What did the extra 2020/21 air quality spending bring the year's total … to?": the total reached.
    r"|\b(?:bring|brings|brought|take|takes|took)\b[^?]*\btotal\b[^?]*\bto\s*\??\s*$"
    # "MD3230: how much expenditure had already been approved against MD2338 since 2018?": approvals made so
    # far under an envelope, which the decision reports.
    r"|\balready\b|\bapproved against\b|\b(?:so far|to date)\b"
)
_PLURAL_DECISIONS = re.compile(r"\bdecisions\b", re.I)
_RELATES = re.compile(r"\brelat(?:e|es|ed|ing) to\b", re.I)  # "which earlier decision does it relate to"
# Words that say which field is wanted, or that any decision would match ("the Mayor signed"): not the topic.
RECORD_WORDS = frozenset(
    stem_with_irregulars(w)
    for w in """approve approved approval sign signed signing signature off took take taken made make decide decided
    decision decisions authorise authorised authorize authorized agree agreed publish published deferred defer
    date day role position capacity job title directorate department team unit total amount much expenditure
    put forward mayoral cite cites build builds follow follows refer refers link linked previous earlier gla maker
    relate relates related relating
    record until post consent consented own owns owned responsible""".split()
) | {stem_with_irregulars(w) for w in PERSON_NOUNS | reading.ROLE_WORDS | AMOUNT_WORDS}
# A decision whose record leaves these empty: abstain, not guess from its text (its dates only when it is
# named by its code).
UNSTATED_ABSTAINS = frozenset(
    ["decision_maker", "decision_maker_role", "directorate", "date_signed", "date_published"]
)
# Measured on the tuning questions about the record of an unnamed decision: when the first result was the
# decision asked about, it led the second by 1.31–2.77 and held 0.55–1.0 of the topic; the one time it was
# not, it led by 1.04 and held 0.40.
CLEAR_LEAD = 1.3  # the first result's score over the second's
COVERED = 0.5  # rarity-weighted share of the question's topic words in the decision's title and text
WHOLE_TOPIC = 0.95  # …or holds it all while the others hold less than COVERED
# Of the topic's rarity-weighted words, the share one listed part's line holds and its total's sentence does not.
PART_NAMED = 0.2
TOPIC_HELD = 0.75  # …and in its title and approving sentence, for its total to answer "how much … for X"


@dataclass(frozen=True)
class RecordQuestion:
    field: str  # a DecisionRow attribute, or "cites"
    refs: tuple[str, ...]
    topic: dict[str, str]  # stem → word: what names the decision, once the field words are set aside


@dataclass(frozen=True)
class Stated:
    """A value as a line of the decision states it, as offsets into one source's text."""

    path: str
    text: str
    span: tuple[int, int]  # the line(s) to quote
    value: str  # the value as written


# "Above what amount must the Commissioner get approval?", "…spending commitments over what amount need…":
# a limit the decision sets, not the sum it approves.
_THRESHOLD = re.compile(
    r"\b(?:above|over|below|under|beyond|exceeding)\s+(?:what|which)\b|\b(?:threshold|limit|cap|ceiling)\b"
)


def _describes_only(question: str, low: str, verb: str) -> bool:
    """Every place the question writes the acting verb, a participle describing the noun before it."""
    places = [m.start() for m in re.finditer(rf"\b{re.escape(verb)}\b", low)]
    return bool(places) and all(question_parse.only_describes(question, start) for start in places)


@functools.lru_cache(maxsize=1024)  # the answerer asks it of one question for every passage it reads
def record_field(question: str) -> str | None:
    """Which field of the record the question asks for, or None for any other question."""
    low = question.lower()
    if re.search(
        rf"\b(?:{_ACTED}|decision) by\s*$|\bdecision.maker\s*$", low
    ) and not _PLURAL_DECISIONS.search(low):
        # A search: "Celebrate London projects approved by", "DD2180 treasury function review decision maker"
        return "decision_maker"
    # A search naming the field: "DD1221 Team London summer events 2014 – date signed?"
    field = re.search(r"\bdate (signed|published)\b", low)
    if field and not _WH.search(low) and not _PLURAL_DECISIONS.search(low):
        return f"date_{field.group(1)}"
    wh = _WH.search(low)
    # A search opening on the field: "directorate treasury management strategy statement 2025-26" (one
    # ending on it, "Good Growth directorate", names the directorate whose decisions are wanted).
    if wh is None and low.split()[:1] == ["directorate"] and not _PLURAL_DECISIONS.search(low):
        return "directorate"
    if wh is None and _APPROVED_SUM.search(low) and not _PLURAL_DECISIONS.search(low):
        return "approved_amount"  # a search: "Fourth Plinth 2021-24 total expenditure approved"
    if (
        wh is None
        or (_PLURAL_DECISIONS.search(low) and not CITES_WORDS.search(low))
        or _OTHER_PAPERS.search(low)
    ):
        return None
    # "LEP governance review 2014 - who made the decision?": the kind is read from the asking clause.
    # A fragment ("Number of officers whose pay the Mayor approves") keeps its own kind.
    kind = question_kind(question[wh.start() :])
    if low.split()[0] not in _WH_WORDS:
        own_kind = question_kind(asking_clause(question))
        kind = own_kind if own_kind in ("count", "amount", "date") else kind
    # "Who chaired the London Food Board when the programme was approved?": a verb in a clause of time
    # says when, not what is asked.
    # ("When the … documents were approved in 2019, who were they sent to for noting?": nor in one before
    # the asking clause.)
    main = _TIME_CLAUSE.split(asking_clause(question).lower(), maxsplit=1)[0]
    # ("By when must the money be spent after BEIS agreed an extension?": nor in a clause of time after the
    # asking one; "when" itself asks the date.)
    dated = _AFTER_CLAUSE.split(low, maxsplit=1)[0]
    acted = re.search(
        rf"\b(?:{_ACTED})\b", main if kind == "person" and main.strip() else dated if kind == "date" else low
    )
    # "Which two artists won the … round approved in 2014?": a verb describing a noun after it says
    # which round, not that the approver is asked.
    if acted and kind == "person" and _describes_only(question, low, acted.group()):
        acted = None
    # "Who agreed that the LEP's governance should be reviewed?": who holds a view the text states, not who
    # signed the form.
    # (Read where the verb was found: the asking clause, not always the whole question.)
    if acted and kind == "person" and _PROPOSITION.match(acted.string, acted.end()):
        acted = None
    if re.search(r"\bdefer", low) and kind in ("date", "text"):
        return "deferred_until"
    if kind == "date" and re.search(r"\bpublish", low):
        return "date_published"
    # "From which academic year did the Mayor agree to accept devolution…": when what was agreed starts.
    if _OTHER_ACTOR.search(question):
        return None
    # ("What new completion deadline was agreed…" asks the deadline agreed, not when the decision was.)
    if kind == "date" and acted and not _FROM_WHEN.match(low) and not _DEADLINE.search(low):
        return "date_signed"
    # "in what role", not the "Local Growth Capacity Support Programme": a word of a name is no cue.
    role = any(m.group(1)[0].islower() for m in _ROLE.finditer(question))
    if role and (acted or kind == "person") and not DELEGATION.search(low):  # "which post can approve…"
        # "Who approved …, and in what role?" asks both: the "Decision by:" line's name with its role.
        return "decision_maker" if wh.group().lower() == "who" else "decision_maker_role"
    if (
        _DIRECTORATE.search(low)
        or (_DEPARTMENT.search(low) and not _FUNDER.search(low))
        or (_TEAM.search(low) and query_refs(question))
    ):
        return "directorate"
    # "Which body agreed the arrangement": an organisation is asked, the record names a person.
    # A capitalised word is a name's: "Who approved the Team London Awards 2014 decision?" asks a person.
    asked_words = question[wh.start() :].split()[:4]
    if kind == "person" and ORG_NOUNS & {
        w.lower().removesuffix("s") for w in asked_words if not w[0].isupper()
    }:
        return None
    # "Who is given delegated authority to approve…", "…who may approve…": whom the decision
    # empowers, stated in its text, not who took it.
    if kind == "person" and acted and not DELEGATION.search(low) and not _PRESENT.search(low):
        return "decision_maker"
    # (Not a running total: "What did total approved Good Growth Fund capital spend reach…" is the sum
    # the fund's approvals came to, which one decision's own sum adds to.)
    if (
        kind == "amount"
        and re.search(r"\bapprov|\bauthori[sz]|\btotal\b", low)
        and not _RUNNING.search(low)
        and not _THRESHOLD.search(low)
    ):
        return "approved_amount"
    if (CITES_WORDS.search(low) or _RELATES.search(low)) and re.search(r"\bdecisions?\b", low):
        return "cites"
    return None


def recognise(question: str) -> RecordQuestion | None:
    field = record_field(question)
    if field is None:
        return None
    refs = tuple(query_refs(question))
    words = reading.analyse_question(question).words
    # "MD2848", also typed "md 2848": its letters and number are not topic words.
    ref_stems = {stem_with_irregulars(r) for r in refs} | {
        p for r in refs for p in re.findall(r"\d+|\D+", r.lower())
    }
    topic = {s: w for s, w in words.items() if s not in RECORD_WORDS and s not in ref_stems}
    # "…that the treasury strategy extends": which decision is the subject is unclear, unless the question
    # names it before asking: "Team London hi-vis vests purchase - which earlier mayoral decision does it
    # relate to?" (its asking clause names nothing but the relation).
    if field == "cites" and not refs and reading.stems(asking_clause(question))[0] & topic.keys():
        return None
    if field == "approved_amount" and not refs and _ACROSS.search(question):
        return None  # "How much has been approved for community engagement since 2018?" sums several
    # "When did LPB partners publish Building a Fairer City?" is about the plan, not the record.
    if field == "date_published" and not refs and "decision" not in question.lower():
        return None
    return RecordQuestion(field, refs, topic)


def record_answer(
    index: LoadedIndex, question: str, settings: Settings, filters: dict, staff: bool
) -> Answer | None:
    """The answer read from the record, or None: the normal answerer takes the question then."""
    asked = recognise(question)
    if asked is None:
        return None
    found = _decision(index, asked, question, settings, filters, staff)
    if found is None:
        return None
    decision, shown_filters = found
    stated = _stated(index, decision, asked.field)
    if (
        stated
        and asked.field == "approved_amount"
        and not _the_total_asked(index, question, asked, decision, stated[0])
    ):
        return None
    citations = list({c.quote: c for c in (_cite(index, decision, s) for s in stated) if c.quote}.values())
    label = decision.ref or decision.title
    if not stated or len(citations) < len({s.span for s in stated}):  # a line no passage holds verbatim
        # An unnamed decision's date its page leaves out may be told by another decision ("…on 18 January
        # 2024 the Mayor approved expenditure of up to £140m…"): the normal answerer reads them.
        if asked.field in UNSTATED_ABSTAINS and (asked.refs or not asked.field.startswith("date_")):
            return _unstated(index, question, settings, staff, decision, asked, shown_filters)
        return None
    answer = ", ".join(s.value for s in stated)  # a name and its role; the decisions it cites
    explanation = f"Read from the record of {label}: {WHAT[asked.field]}, as its text states it."
    return Answer(question, True, answer, 0.9, citations, shown_filters, explanation)


def _unstated(
    index: LoadedIndex,
    question: str,
    settings: Settings,
    staff: bool,
    decision: DecisionRow,
    asked: RecordQuestion,
    shown_filters: dict,
) -> Answer:
    """Abstain, showing the decision's nearest passages: for "who approved MD2848?" the normal answerer
    would take the likeliest capitalised name near "approved", a programme as often as a person."""
    request = SearchRequest(question, limit=1, staff=staff, today=settings.today())
    related = [p for r in search(index, request).results if r.decision_id == decision.id for p in r.passages]
    reason = f"The record of {decision.ref or decision.title} does not state {WHAT[asked.field]}."
    return Answer(question, False, "", 0.0, [], shown_filters, reason, related)


def _decision(
    index: LoadedIndex, asked: RecordQuestion, question: str, settings: Settings, filters: dict, staff: bool
) -> tuple[DecisionRow, dict] | None:
    """The decision the question is about: named by its one code or its title, or the clear first search result."""
    allowed = Filters.of(filters, staff, settings.today())
    if asked.refs:
        decision_id = index.by_ref.get(asked.refs[0]) if len(asked.refs) == 1 else None
        if decision_id is None or not allowed.admits(index.decisions[decision_id], index.cites(decision_id)):
            return None  # not indexed, withheld, or outside the filters: no record to read
        decision = index.decisions[decision_id]
        # "How much did MD2848 approve for Connecting Communities London?" is not about its total; but
        # "Who approved DMFD262 on the LFB reorganisation savings?" names its decision-maker whatever it adds.
        title = reading.stems(decision.title)[0]
        about_it = asked.field != "approved_amount" or all(s in title for s in asked.topic)
        return (decision, dict(filters)) if about_it else None
    if not asked.topic:
        return None
    request = SearchRequest(question, limit=3, filters=filters, staff=staff, today=settings.today())
    response = search(index, request)
    # "Who signed off the Good Growth Fund Round 2 development funding?": not the decision titled
    # "…Round 3 – Stage 2 approvals" (its text names round 2 too, as the one before).
    # Nor the one whose text names the fund's rounds only by other numbers ("…the sixth round…", "…the
    # seventh round…" in "London Community Energy Fund phase seven", for "…the eighth round of the LCEF").
    # (Texts are read only when the question names a round.)
    response.results = [
        r
        for r in response.results
        if same_round(question, r.title)
        and (
            not asked_parts(question)
            or all(
                same_round(question, source_text(index, r.decision_id, p))
                for p in source_paths(index, r.decision_id)
            )
        )
    ]
    # "Which Assistant Director signed…": not a decision the Mayor took.
    title = (
        _ASKED_TITLE.search(question) if asked.field in ("decision_maker", "decision_maker_role") else None
    )
    if title:
        asked_title = " ".join(title.group(1).lower().split())
        response.results = [
            r
            for r in response.results
            if asked_title
            in " ".join((index.decisions[r.decision_id].decision_maker_role or "").lower().split())
        ]
    # The one decision whose title holds every word of the topic is named by it ("Good Growth Fund
    # Round 2 Development Funding"), however close the others' scores.
    titled = [r for r in response.results if set(asked.topic) <= reading.stems(r.title)[0]]
    if len(titled) == 1:
        return index.decisions[titled[0].decision_id], response.filters
    shares = [_covered(index, asked, r.decision_id) for r in response.results]
    # The only result that holds the whole topic, wherever it ranks: "Who approved the JOAQUIN air quality
    # funding reallocation…" is DD1460 ("Air Quality - EU funding and other arrangements update"), second
    # to a Mayor's air quality programme that says neither "JOAQUIN" nor "reallocation".
    whole = [i for i, share in enumerate(shares) if share >= WHOLE_TOPIC]
    if len(whole) == 1 and all(share < COVERED for i, share in enumerate(shares) if i != whole[0]):
        response.results.insert(0, response.results.pop(whole[0]))
        shares.insert(0, shares.pop(whole[0]))
    if not _clear(index, asked, response, shares):
        return None
    return index.decisions[response.results[0].decision_id], response.filters


def _clear(index: LoadedIndex, asked: RecordQuestion, response: SearchResponse, shares: list[float]) -> bool:
    """The first result leads clearly, its title and text hold most of the topic words, and the
    sentence that holds most of them does not name another decision."""
    results = response.results
    if not results:
        return False
    if shares[0] < COVERED:
        return False
    # A lead in score, or the only result that holds the whole topic: "…high-visibility vests for Team
    # London volunteers" leads another Team London decision by 1.27, and only it says "vests".
    alone = shares[0] >= WHOLE_TOPIC and all(s < COVERED for s in shares[1:])
    if len(results) > 1 and results[0].score < CLEAR_LEAD * results[1].score and not alone:
        return False
    decision = index.decisions[results[0].decision_id]
    # "Who approved the Community-Led Recovery Programme?" finds MD2848, whose words for it are "…the
    # Community-Led Recovery Programme that was approved by the Mayor under the cover of MD2721": another's.
    own, others = [0.0], [0.0]
    own_words, others_words = set(), set()
    for path in source_paths(index, decision.id):
        text = source_text(index, decision.id, path)
        for piece in spans.pieces(text)[1]:
            said = text[piece.start : piece.end]
            naming = set(find_refs(said)) - {decision.ref} - _delegating(said)
            naming -= _same_maker(index, asked, decision, naming)
            held = reading.stems(said)[0]
            (others if naming else own).append(_share(index, asked.topic, held))
            (others_words if naming else own_words).update(
                s for s in asked.topic if reading.held(asked.topic[s], held)
            )
    # A tie: the question may be about either, unless its own sentences hold every topic word the others'
    # do and more ("…revising the JOAQUIN … allocation": "revise" is only in DD1460's own words, not in
    # "…approved the GLA’s participation in the Joint Air Quality Initiative (JOAQUIN) project under MD1314").
    if max(own) == max(others) > 0:
        return others_words < own_words
    return max(own) > max(others)


def _same_maker(index: LoadedIndex, asked: RecordQuestion, decision: DecisionRow, refs: set[str]) -> set[str]:
    """Asked who took it, the codes among `refs` of decisions the same person took in the same role: "DD1460
    … revises the allocation approved in DD1254" is about either, and either answers "Fiona Fletcher-Smith"."""
    if asked.field not in ("decision_maker", "decision_maker_role") or not decision.decision_maker:
        return set()
    others = {ref: index.decisions[index.by_ref[ref]] for ref in refs if ref in index.by_ref}
    return {
        ref
        for ref, other in others.items()
        if (other.decision_maker, other.decision_maker_role)
        == (decision.decision_maker, decision.decision_maker_role)
    }


_ASKED_TITLE = re.compile(r"\b(?:which|what)\s+((?:assistant|executive)\s+director|deputy\s+mayor)\b", re.I)

# "…under the delegation provided by Mayoral Decision 3386": the decision giving the authority, not another subject.
_DELEGATING = re.compile(r"\bdelegat\w*\b[^.;:]{0,60}?$", re.I)


def _delegating(said: str) -> set[str]:
    """The codes a sentence names as the source of its authority."""
    out = set()
    for ref in find_refs(said):
        number = re.sub(r"\D", "", ref)
        for m in re.finditer(rf"(?<!\d){number}(?!\d)", said):  # "MD1093" as "Mayoral Decision 1093"
            if _DELEGATING.search(said[: m.start()]):
                out.add(ref)
    return out


def _covered(index: LoadedIndex, asked: RecordQuestion, decision_id: str) -> float:
    """The share of the topic a decision's title and text hold."""
    decision = index.decisions[decision_id]
    rows = index.decision_texts(decision_id)
    return _share(index, asked.topic, reading.stems(" ".join([decision.title, *rows]))[0])


def _share(index: LoadedIndex, topic: dict[str, str], held: frozenset[str]) -> float:
    """The rarity-weighted share of the topic words among `held` stems."""
    weights = {s: math.log((index.count() + 1) / (index.term_rows(w) + 0.5)) for s, w in topic.items()}
    total = sum(weights.values())
    return sum(w for s, w in weights.items() if reading.held(topic[s], held)) / total if total > 0 else 0.0


def _stated(index: LoadedIndex, decision: DecisionRow, field: str) -> list[Stated]:
    """Where the decision's text states the field's value (empty: the record's value has no line)."""
    if field == "cites":
        return _citing(index, decision)
    value = getattr(decision, field)
    if value is None or value == "":
        return []
    for path in source_paths(index, decision.id):
        text = source_text(index, decision.id, path)
        found = _amount_sentence(path, text, value) if field == "approved_amount" else None
        found = found or (_field_line(path, text, field, value, decision) if field in LABELS else None)
        found = found or (_taken_in_line(path, text, value) if field == "directorate" else None)
        if found and field == "decision_maker" and decision.decision_maker_role:
            # With the role: on the same "Decision by:" line, or the sign-off's "Position:" line below "Name:".
            role = _field_line(path, text, "decision_maker_role", decision.decision_maker_role, decision)
            near = role and (role.span == found.span or 0 < role.span[0] - found.span[1] < 200)
            return [found, role] if near else [found]
        if found:
            return [found]
    return []


def _the_total_asked(
    index: LoadedIndex, question: str, asked: RecordQuestion, decision: DecisionRow, stated: Stated
) -> bool:
    """ "How much did the Mayor approve for … in 2018/19?" is asked of the total only when the approving
    sentence says 2018/19 too, and, the decision being unnamed, when it and the title hold the topic:
    "…approve for the Windrush celebrations?" asks for one line of MD2313's budget, not its £305,000."""
    sentence = stated.text[stated.span[0] : stated.span[1]]
    said = {t.text for t in tokens(sentence)}
    figures = {t.text for t in tokens(question) if any(c.isdigit() for c in t.text)} - set(asked.refs)
    # "…Programme 2017-2021": the title's period is its total's; so is a period its text states as its own.
    period = figures - said if _period_of_decision(index, question, figures - said, decision) else set()
    if figures - said - _periods_named(decision.title) - period or find_amounts(question):
        return False
    if _part_named(sentence, asked.topic, stated.value) or _listed_part_named(
        index, question, asked.topic, stated
    ):
        return False
    # "What is the total budget for phase 2…", asked of a decision that funds part of it: the total its text
    # states elsewhere ("The total programme expenditure will be £1,015,000 consisting of…") is asked.
    if _TOTAL.search(question) and not _APPROVING.search(question):
        start, end = stated.span
        if any(not start <= m.start() < end for m in _TOTAL_SUM.finditer(stated.text)):
            return False
    return (
        bool(asked.refs)
        or _share(index, asked.topic, reading.stems(f"{decision.title} {sentence} {' '.join(period)}")[0])
        >= TOPIC_HELD
    )


def _period_of_decision(index: LoadedIndex, question: str, figures: set[str], decision: DecisionRow) -> bool:
    """Are the figures the years of a period the question asks ("… budget 2015-16 to 2017-18 total") and
    the decision states as its own ("…revenue expenditure … for financial years 2015-16 to 2017-18")?"""
    # Not "…2022-25 decision, how much … for 2023-24 and 2024-25": two years that are no asked period's ends.
    # ("2015-18" is a period of its own: its first and last years are its ends.)
    ends = {
        int(end) for f in figures for y in years(f) for end in (y.firsts[:1] + y.firsts[-1:] or (y.first,))
    }
    if not any(ends == {p[0], p[-1]} for p in periods_asked(question)) or not all(years(f) for f in figures):
        return False
    return states_asked_period(question, " ".join([decision.title, *index.decision_texts(decision.id)]))


def _periods_named(title: str) -> set[str]:
    """The title's words that name a period of several years ("…Programme 2017-2021"): its total is the period's."""
    return {t.text for t in tokens(title) if any(len(y.firsts) > 1 for y in years(t.text))}


def _part_named(sentence: str, topic: dict[str, str], total: str) -> bool:
    """Does a topic word name one of the sentence's other sums? "How much capital is in the … approval?" asks
    the part in "expenditure approval of £64.31m (£21.58m revenue and £42.73m capital)", not the total."""
    for pounds, start, end in find_amounts(sentence):
        if pounds == parse_amount(total):
            continue
        beside = reading.stems(f"{sentence[max(0, start - 12) : start]} {sentence[end : end + 12]}")[0]
        if any(reading.held(word, beside) for word in topic.values()):
            return True
    return False


def _listed_part_named(index: LoadedIndex, question: str, topic: dict[str, str], stated: Stated) -> bool:
    """Is a line listed under the approving sentence the topic's? "How much was approved for the Mayor's
    careers campaign?" asks "• £1m on the Mayor's careers campaign." of "…approves the expenditure of £3.2m
    … comprising:"; asked of two of its lines joined by "and", the question asks their sum."""
    start, end = stated.span
    sentence = reading.stems(stated.text[start:end])[0]
    unsaid = {s: w for s, w in topic.items() if not reading.held(w, sentence)}
    if not unsaid or not spans.INTRODUCES_PARTS.search(stated.text[start:end]):
        return False
    following = stated.text[end : end + 800].splitlines()
    listed = [line for line in following if spans.ITEM.match(line) and find_amounts(line)]
    named = [_share(index, topic, reading.stems(line)[0] - sentence) for line in listed]
    joined = re.search(r"\band\b", question) and sum(share >= PART_NAMED / 2 for share in named) > 1
    return any(share >= PART_NAMED for share in named) and not joined


def _fields(text: str) -> list[tuple[str, int, int, int, int]]:
    """Each "Label: value" line as (label, line start, value start, value end, line index); an empty
    value is read from the next line ("Date signed: " / "06 November 2017" on the real pages)."""
    lines, _ = spans.pieces(text)
    out = []
    for i, (start, end) in enumerate(lines):
        label, colon, value = text[start:end].partition(":")
        label = " ".join(label.lower().split())
        if not colon or not 0 < len(label) <= 40:
            continue
        value_start = text.index(":", start) + 1 + (len(value) - len(value.lstrip()))
        if value.strip():
            out.append((label, start, value_start, end, i))
        elif i + 1 < len(lines) and ":" not in text[lines[i + 1][0] : lines[i + 1][1]][:41]:
            out.append((label, start, lines[i + 1][0], lines[i + 1][1], i))
    return out


def _written(field: str, value: str, said: str) -> str | None:
    """The value as `said` writes it, if it says it: "18/11/2025" for 2025-11-18."""
    if field in ("date_signed", "date_published", "deferred_until"):
        return next(
            (d.text for d in find_dates(said, financial_years=False) if d.date.isoformat() == value), None
        )
    # The parser reads "&" as "and" ("Directorate: Communities & Skills"): the line may write either.
    words = (r"(?:and|&)" if word.casefold() == "and" else re.escape(word) for word in value.split())
    found = re.search(r"\s+".join(words), said, re.IGNORECASE)
    return " ".join(found.group().split()) if found else None


def _field_line(path: str, text: str, field: str, value: str, decision: DecisionRow) -> Stated | None:
    fields = _fields(text)
    names = [
        i for label, _, s, e, i in fields if decision.decision_maker and decision.decision_maker in text[s:e]
    ]
    for wanted in LABELS[field]:
        for label, start, value_start, value_end, line in fields:
            if label != wanted:
                continue
            if label == "date" and not any(0 < line - n <= SIGNATURE_LINES for n in names):
                continue
            written = _written(field, value, text[value_start:value_end])
            if written:
                return Stated(path, text, (start, value_end), written)
    return None


def _taken_in_line(path: str, text: str, value: str) -> Stated | None:
    """The sentence the parser read a directorate from when no line is labelled with it: "The decision is
    taken by the Head of Governance and Resilience in the GLA’s Corporate Management Directorate"."""
    for piece in spans.pieces(text)[1]:
        said = text[piece.start : piece.end]
        written = _written("directorate", value, said) if TAKEN_IN_DIRECTORATE.search(said) else None
        if written:  # as the sentence names it: "the Corporate Management Directorate"
            return Stated(path, text, (piece.start, piece.end), f"{written} Directorate")
    return None


# "That the Assistant Director … approves: " / "•    expenditure of £27,972 to establish…": the item approves.
_APPROVES_ABOVE = re.compile(r"\bapprov\w*(?: the following)?\s*:\s*(?:[-•·*]|\d{1,2}\.)?\s*$", re.I)


def _amount_sentence(path: str, text: str, amount: int) -> Stated | None:
    """The sentence of the decision that approves the amount ("That the Mayor approves total expenditure of
    up to £812,000…", or an item under "…approves:", cited alone: its chunk shows the line above), else
    the first one seeking approval for it ("This Mayoral Decision seeks approval for … £305,000")."""
    found = []
    for piece in spans.pieces(text)[1]:
        said = text[piece.start : piece.end]
        approves = bool(
            re.search(r"\bapproves\b", said, re.I)
            or _APPROVES_ABOVE.search(text[max(0, piece.start - 120) : piece.start])
        )
        if approves or re.search(r"\bapprov", said, re.I):
            # As stated: "the expenditure of up to £140m" approves "up to £140m", a ceiling.
            written = [
                said[spans.qualified_start(said, s) : e]
                for pounds, s, e in find_amounts(said)
                if pounds == amount
            ]
            if written:
                found.append(
                    (not approves, piece.start, Stated(path, text, (piece.start, piece.end), written[0]))
                )
    return min(found, key=lambda f: f[:2])[2] if found else None


def _citing(index: LoadedIndex, decision: DecisionRow) -> list[Stated]:
    """Each decision it cites, with the first sentence naming it ("…approved by the Mayor under the cover of MD2721")."""
    out: dict[str, Stated] = {}
    wanted = list(dict.fromkeys(index.cites(decision.id)))
    for path in source_paths(index, decision.id):
        text = source_text(index, decision.id, path)
        for piece in spans.pieces(text)[1]:
            for ref in find_refs(text[piece.start : piece.end]):
                if ref in wanted and ref not in out:
                    out[ref] = Stated(path, text, (piece.start, piece.end), ref)
    return [out[r] for r in wanted if r in out]


def _cite(index: LoadedIndex, decision: DecisionRow, stated: Stated) -> Citation:
    """The smallest chunk holding the quote, cited as the answerer cites (decision.cite)."""
    chunk = index.covering_chunk(decision.id, stated.path, *stated.span)
    quote = stated.text[stated.span[0] : stated.span[1]].strip()
    if chunk is None or quote not in chunk["text"]:
        return Citation(decision.ref, decision.id, decision.title, None, "", "", "", decision.url)
    return cite(index, decision, stated.path, chunk, quote)
