"""Names in evidence text: people and organisations, scored by how well each fits what the question asks
(a person for "who", a body for "which company", a London borough for "which borough", a firm never a
public body), and whether a name is said in a text. Names are found by walking tokens."""

from __future__ import annotations

import functools
import itertools
import re

from decisions.london_boroughs import names_a_borough
from decisions.words import STOPWORDS, Token, stem_with_irregulars, tokens

from .question_reading import (
    JOINERS,
    MONTHS,
    NOT_NAMES,
    ORG_WORDS,
    ROLE_WORDS,
    THING_WORDS,
    Question,
    Span,
    name_runs,
)
from .question_types import SOURCE_ASKED, singular_body

_PORTFOLIO_AFTER = re.compile(r",\s+[A-Z][\w’'&-]*(?:\s+(?:and|the|of|for|&|[A-Z][\w’'&-]*))*")
_PUBLISHER = re.compile(r"\bGLA\b|\bGreater London Authority\b")  # not "Greater Manchester"
DECISION_TYPES = frozenset("MD DD ADD EDD PCD DMFD DMPD CO HOPS LFC".split())
LEADING = JOINERS | {"this", "that", "these", "a", "an"}  # not the start of a name: "This Mayoral Decision"

_DOCUMENT_PARTS = frozenset(
    "appendix appendices annex annexe schedule table section figure paragraph part".split()
)


def _word_before(text: str, start: int) -> str:
    """The word before a name, past "the": "…a revenue grant … to the [Mayor’s Office for Policing…]"."""
    words = re.findall(r"\w+", text[max(0, start - 30) : start].lower())
    words = words[:-1] if words[-1:] == ["the"] else words
    return words[-1] if words else ""


_NAME_ENDS = re.compile(r"\s*(?:[.,;:)]|$)|\s+(?:for|to|and|or|in|on|at|by|with|which|who|from|as|under)\b")
# A contract with a party the sentence does not name: "contract directly with a … authorised firm",
# "a contract with the interim FSMA 2000 authorised firm".
_UNNAMED_PARTY = re.compile(
    r"\b(?:contract(?:ed)?|agreement)\s+(?:[a-z]+\s+)?with\s+(?:an?|the|one)\s+(?:[\w()-]+\s+){0,8}?"
    r"(?:firm|company|provider|supplier|consultancy|consultant|contractor)s?\b",
    re.I,
)
# "…the No Second Night Out contract with [St Mungo’s]", "contracted to [Thames Reach]", "commissioned
# from [Homeless Link]": the body a contract is held by.
_CONTRACTED_WITH = re.compile(
    r"\b(?:contract|agreement|framework|arrangement)\s+(?:[\w’'-]+\s+){0,3}?with\s+(?:the\s+)?$"
    r"|\b(?:contracted|commissioned|procured|awarded)\s+(?:to|from|with)\s+(?:the\s+)?$"
    r"|\b(?:collaborat\w*|work(?:s|ing)?|partner(?:s|ed|ing)?|in partnership)\s+with\s+(?:the\s+)?$",
    re.I,
)

# "£2,183,379 from underspend on the [Small Sites programme]", "from the unallocated [Growth Deal]".
_FROM_BEFORE = re.compile(r"\bfrom(?:\s+[\w’'-]+){0,3}\s+$", re.I)
# "…£3.2m (of funding approved under [the Business Rates Retention Pilot])": the pot money is drawn under.
_FUNDED_UNDER = re.compile(
    r"\b(?:funding|funded|money|financed|paid for)(?:\s+[\w’'-]+){0,2}?\s+(?:under|through)\s+(?:the\s+)?$",
    re.I,
)


def _received(q: Question, text: str, start: int, end: int) -> float:
    """Asked who received: "…grant assistance of £269,000, to [Groundwork London] … for a garden at
    Chobham Manor on [Queen Elizabeth Olympic Park (QEOP)]": the body after "to", not the place.
    Asked who gave: "grant funding (from the [US Embassy])", "allocated £110 million by the
    [Department for Communities…]", "[Sport England] is contributing £54,000": the body the money
    comes from, not the one it goes to (nor "affected by the [Grenfell Tower] tragedy")."""
    if not (q.receiver or q.giver):
        return 0.0
    word = _word_before(text, start)
    if q.receiver:
        return 0.3 if word == "to" else -0.3 if word in ("on", "at", "in") else 0.0
    if (
        _FROM_BEFORE.search(text[max(0, start - 50) : start])
        or (word == "by" and _GIVEN_BY.search(text[max(0, start - 60) : start]))
        or (q.source and _FUNDED_UNDER.search(text[max(0, start - 60) : start]))
    ):
        # (Asked which body gave, not the fund it came from: "the Forestry Commission (FC) confirmed that the
        # GLA would be awarded a grant … from the national Urban Tree Challenge Fund (UTCF)".)
        return 0.0 if not q.source and _names_a_thing(text[start:end]) else 0.3
    if q.source:  # a budget or fund the money was taken from is named after "from", seldom elsewhere
        return -0.6
    return 0.3 if _GIVES_AFTER.match(text, end) else -0.3 if word == "to" else 0.0


def _names_a_thing(name: str) -> bool:
    """ "Urban Tree Challenge Fund (UTCF)": a fund (past the initials in brackets), not a body as the
    "Department of Business, Energy and Industrial Strategy (BEIS)" is."""
    words = [t.word for t in tokens(re.sub(r"\s*\([^)]*\)\s*$", "", name))]
    return bool(words) and words[-1] in THING_WORDS and not ORG_WORDS & set(words)


# The number of a round or phase a name ends with: "Growth Deal 3" (not "… 3 per cent", "… 10 years").
_ROUND_NUMBER = re.compile(r" \d{1,2}\b(?![.,]?\d|\s*(?:%|per\b|m\b|million|years?|months?))")
# Where a named fund sits, part of where money comes from: "the Strategic Investment Fund [within GLA
# Group Reserves]".
_HELD_WITHIN = re.compile(r"\s+within\s+(?:the\s+)?(?:[A-Z][\w’'&-]*)(?:\s+(?:of\s+)?[A-Z][\w’'&-]*)*")
_GIVEN_BY = re.compile(
    r"\b(?:allocated|awarded|given|granted|provided|funded|paid|donated|contributed|offered|made available)\b"
    r"[^.;:]{0,40}\bby\s+(?:the\s+)?$",
    re.I,
)
# "Sport England is contributing…", "MOPAC will provide…": the body before the verb gives.
_GIVES_AFTER = re.compile(
    r"\s*(?:\([^)]{1,12}\)\s*)?(?:(?:is|are|has|have|had|was|were|will|would)\s+)?(?:be\s+|been\s+)?"
    r"(?:contribut|provid|fund(?:s|ed|ing)\b|gives?\b|gave\b|giving|donat|allocat|award|grant(?:s|ed)\b|"
    r"offer|pa(?:ys?|id)\b|put)",
    re.I,
)


# "RetrofitWorks", "PlayFootball": one-word names (not "McDonald", "DeSouza": surnames)
_CAMEL = re.compile(r"(?!(?:Mc|Mac|De|Di|Du|Le|La|Van)[A-Z])[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+")
# Initials with a small word's letter among them: "TfL", "DfE", "MoJ".
_MIXED_INITIALS = re.compile(r"[A-Z](?:[a-z]?[A-Z]){1,3}")
# Words only a body's name holds ("Team", "Centre", "London" also name programmes and places).
_BODY_WORDS = frozenset(
    "council authority agency department ministry trust commission foundation ltd limited plc".split()
)
# Plural people: "LFEPA Members", "Assembly Members", "Board Trustees" name a group, not one person.
_GROUPS = frozenset(
    "members trustees staff officers directors councillors partners residents employees volunteers".split()
)

# A place's last word: "Trafalgar Square", "Old Oak Common", "Royal Albert Dock".
_PLACES = frozenset(
    "square street road lane avenue park common green dock docks wharf estate bridge station place quarter".split()
)

_SITES = frozenset("site sites".split())  # a name before them names the land

# London's areas by name alone: "Greater London", "inner London", "North London".
_AREA_WORDS = frozenset("greater london central inner outer north south east west".split())


def _name_quality(run: list[Token], q: Question, common: set[str], next_word: str) -> float:
    """For "who", a person's name is the answer, an organisation may be, a job title rarely is; for
    "which company", an organisation. A programme, fund or code ("Contracts and Funding Code", "the
    Team London Young Ambassador programme") is neither: it is what was done, not who did it."""
    # "Mayor’s Office for Policing and Crime": the Mayor owns the body; it is not his post.
    owner = run[0].word == "mayor" and run[0].text.endswith(("’s", "'s")) and len(run) > 1
    words = {t.word for t in run[owner:]}
    if owner and not (words - {"london"}) & ORG_WORDS:
        return 0.1  # "the Mayor’s Improving London’s Housing Stock programme": his programme, not a body
    if words & ROLE_WORDS:  # a post: the answer only when a post is asked ("which officer may approve…")
        return 0.9 if q.post else 0.05 if q.organisation else 0.15
    # "the Team London Young Ambassador programme"; but "Arts Council England grant income" is a body's.
    if run[-1].word in THING_WORDS or (next_word in THING_WORDS and not words & _BODY_WORDS):
        return 0.6 if q.source else 0.1  # asked where money came from, a programme or fund may be it
    if words <= _AREA_WORDS:  # "…from use in Greater London to Ukraine": an area, never who
        return 0.05
    # "Trafalgar Square", "Royal Albert Dock", "the former Webbs Industrial site": where, not who
    if run[-1].word in _PLACES or next_word in _SITES:
        return 0.1
    if q.role and run[-1].word in _GROUPS:
        return 0.2  # "LFEPA Members", "Assembly Members": a group, not the person a post was given to
    if len(run) == 1 and _CAMEL.fullmatch(run[0].text):  # "RetrofitWorks": a company's own spelling
        return 0.9 if q.organisation else 0.5
    if len(run) == 1 and (run[0].text.isupper() or _MIXED_INITIALS.fullmatch(run[0].text)):
        # "GLAP", "MOPAC", "TfL": often the GLA's own bodies
        return 0.25 if q.role else 0.6
    if words & ORG_WORDS:  # (for "which artist…", "the Commission for Diversity in the Public Realm" is none)
        return 0.1 if q.individual else 0.25 if q.role else 1.0 if q.organisation else 0.6
    if all(w in common or w in STOPWORDS for w in words) or any(_derived(w) for w in words):
        # "Mayoral Decision": capitalised words, not a name; but a budget is named in common words.
        return 0.2 if q.role else 0.6 if q.source else 0.3
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


_BODY_BEFORE = re.compile(r"\b(?:Department|Ministry|Office|Secretary of State) (?:of|for) (?:the )?$")


# A short form in brackets after a programme's noun: "…Enabling project (DEEP)", "…scheme (SHS)".
_THING_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(THING_WORDS))})\s*\($", re.I)


def _common_short_form(text: str, start: int, acronym: str) -> bool:
    """Is the acronym in brackets short for a programme's name or for words in lower case?"""
    before = text[max(0, start - 60) : start]
    if _THING_BEFORE.search(before[-30:]):
        return True
    words = [t.text for t in tokens(before.rstrip().removesuffix("("))][-len(acronym) :]
    return len(words) == len(acronym) and all(
        w[0].islower() and w[0] == a.lower() for w, a in zip(words, acronym, strict=True)
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
            # "Department of [Business, Energy and Industrial Strategy (BEIS)]": the body's noun is
            # often left out of its initials.
            body = _BODY_BEFORE.search(before, 0, tok.start)
            return base + (body.start() if body else tok.start)
        if len(initials) >= len(acronym):
            return None
    return None


def _plain_name(text: str, tok: Token, common: set[str]) -> bool:
    """One capitalised word that money goes to or a contract is with ("a grant to Groundswell"), never
    written in lower case (not "to Environment")."""
    return (
        len(tok.text) >= 4
        and tok.text[0].isupper()
        and tok.text[1:].islower()
        and tok.word not in common
        and tok.word not in MONTHS | ROLE_WORDS | ORG_WORDS | THING_WORDS
        and text[: tok.start].endswith(("to ", "with "))
    )


def said_in(name: str, text: str) -> bool:
    """Is the name in the text? A name of three words or more only in its words' order ("of", "the"
    aside): "Community Energy London" is not said in "London Community Energy Fund"; a shorter one
    by its words anywhere."""
    words = [stem_with_irregulars(t.text) for t in tokens(name) if t.word not in JOINERS]
    inside = [stem_with_irregulars(t.text) for t in tokens(text) if t.word not in JOINERS]
    if len(words) < 3:
        return set(words) <= set(inside)
    return any(inside[i : i + len(words)] == words for i in range(len(inside) - len(words) + 1))


_SOURCE_NOUNS = frozenset("fund budget reserve pot programme".split())


_BY_THE = re.compile(
    r"\bby\s+The\s+$"
)  # "The" of the name, in capitals (not "…affected by the Grenfell Tower…")


def names(text: str, q: Question, common: set[str]) -> list[Span]:
    """People and organisations; `common` holds the words known in lower case."""
    out, said = [], set(q.words.values()) | {a.lower() for a in q.acronyms}  # "Chairman of LFEPA" is asked
    # "Which London borough gets…": the noun asked is the answer's kind, not a word of its topic
    # ("London Borough of Hounslow").
    said -= {q.asked_noun}
    # Asked where money came from, a budget's kind is no word of the question's ("…transferred into the Young
    # Londoners Fund … come from?": "from the Youth Innovation Fund").
    said -= _SOURCE_NOUNS if q.source else set()
    # Asked who was contracted, "…contract directly with a … authorised firm" names nobody: the names
    # beside it ("…relating to the Group Investment Syndicate (GIS)") are something else.
    unnamed_party = q.contractor and bool(_UNNAMED_PARTY.search(text))
    for run in name_runs(text, tokens(text)):
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
        if run and run[-1].word in ("decision", "decisions"):
            continue  # "a Director Decision (DD)", "Mayoral Decision": a kind of decision, not who acts
        content = [t for t in run if t.word not in JOINERS]
        own = [t for t in content if t.word not in said]
        # Not what the question said: "Transport for London Procurement" for "…of Transport for London"?
        # Its words in another order are another name: "Community Energy London" administers the
        # "London Community Energy Fund".
        reordered = len(content) >= 3 and not said_in(" ".join(t.text for t in content), q.text)
        # So is a name ending in a place after the question's words ("Community Energy London" would
        # administer "the Mayor's community energy fund"): a body named for where it works (not "the London
        # Urban Forest Partnership" for "…the London Urban Forest Plan": a sibling of the name asked).
        headed = reordered and len(own) == 1 and content[-1] is own[0] and own[0].word in _AREA_WORDS
        if (not own and not reordered) or (own and len(own) * 2 < len(content) and not headed):
            continue
        if all(t.word in _AREA_WORDS for t in own) and all(
            t.text in q.acronyms for t in content if t not in own
        ):
            continue  # "London VRU" for "…Violence Reduction Unit funding…": the body asked about, by its initials
        if any(c.isdigit() for t in run for c in t.text):
            continue
        lone = len(run) == 1 and run[0].text  # one word: an acronym the question did not spell out, or…
        plain_name = (
            bool(lone) and q.organisation and _plain_name(text, run[0], common)
        )  # "…a grant to Groundswell"
        if lone and (
            lone in q.acronyms
            or lone in DECISION_TYPES
            or not (
                2 <= len(lone) <= 6
                and (lone.isupper() or _MIXED_INITIALS.fullmatch(lone))
                or _CAMEL.fullmatch(lone)
                or plain_name
            )
        ):
            continue  # "ADD", "MD": a kind of decision, not who acts; "RetrofitWorks" is a name
        spelt = _spelt_out(text, run[0].start, lone) if lone else None
        if lone and spelt is None and not q.source and _common_short_form(text, run[0].start, lone):
            # "the Decentralised Energy Enabling project (DEEP)", "a … project delivery unit (PDU)": a
            # project's or a common noun's short form, not a body's name
            continue
        if _PUBLISHER.search(text[spelt if spelt is not None else run[0].start : run[-1].end]):
            continue  # the GLA publishes the decision: never the body it hires, pays or agrees with
        if spelt is not None:  # "Community Energy London (CEL)": the name, with its short form
            close = run[0].end + (text[run[0].end : run[0].end + 1] == ")")
            noun = re.match(r"\s+([A-Za-z]+)\b", text[close:]) if q.source else None
            if noun and noun.group(1).lower() in THING_WORDS | {q.asked_noun}:  # "…Corporation (MDC) Reserve"
                close += noun.end()
            long_name = tokens(text[spelt : run[0].start])  # "Department of Business, Energy and … (BEIS)"
            if all(t.word in said or t.word in JOINERS for t in long_name):
                continue  # "a Development Agreement (DA)" for "…under the development agreement": asked
            fit = max(
                _name_quality(run, q, common, ""), _name_quality(long_name, q, common, "") if long_name else 0
            )
            # "Queen Elizabeth Olympic Park (QEOP)": a place; "Financial Services Market Act (FSMA)": a law.
            if long_name and (long_name[-1].word in _PLACES or long_name[-1].word in THING_WORDS):
                fit = _name_quality(long_name, q, common, "")
            if unnamed_party:
                fit = min(fit, 0.1)
            # "the [GLA] Group Investment Syndicate (GIS)": initials before the spelt-out name are its owner's,
            # part of the name as written.
            owner = _OWNER_BEFORE.search(text, max(0, spelt - 8), spelt)
            start = owner.start() if owner else spelt
            out.append(Span(start, close, text[start:close], fit + 0.1 + _received(q, text, spelt, close)))
            continue
        portfolio = _PORTFOLIO.search(text[max(0, run[0].start - 80) : run[0].start])
        # Its words are written in lower case too, or it joins subjects ("Planning, Regeneration and
        # the Fire Service"), or it names a body: not a person's name.
        plain = [t.word in common for t in run if t.word not in JOINERS]
        joined = any(t.word in JOINERS or t.word in ORG_WORDS for t in run)
        # (Asked for a body, "Chief Executive of the London Borough of Hounslow" names the employer.)
        if portfolio and not q.organisation and (joined or sum(plain) * 2 >= len(plain)):
            continue  # "Assistant Director, Civil Society and Sport": a post's portfolio, not a name
        # "Bankside’s ‘Crossing the Line’ project": a possessive; "contract with St Mungo’s for an
        # additional hub": owning nothing, the "’s" is the name's own.
        possessive = run[-1].text.endswith(("’s", "'s")) and not _NAME_ENDS.match(text, run[-1].end)
        end, before = run[-1].end - 2 * possessive, text[: run[0].start][-3:]
        # An agent ("procured by Transport for London…") or a field value ("Name: Luke Bruce").
        # ("…committed as matched funding by The National Lottery Community Foundation…": "The" left out.)
        agent = before == "by " or bool(_BY_THE.search(text, max(0, run[0].start - 8), run[0].start))
        bonus = 0.2 if agent or before.endswith(": ") else 0.0
        thing = None
        if q.source:  # "£7.2m capital funding from the [Growth Deal 3]", "…on the [Small Sites programme]"
            numbered = _ROUND_NUMBER.match(text, end)
            end = numbered.end() if numbered else end
            thing = re.match(r"\s+([a-z]+)\b", text[end:])
            thing = thing if thing and thing.group(1) in THING_WORDS else None
            end += thing.end() if thing else 0
            within = _HELD_WITHIN.match(text, end)
            end = within.end() if within else end
        bonus += _received(q, text, run[0].start, end)
        # "an option in the GLA’s CHAIN contract with [Homeless Link]": who holds the contract asked of.
        contracted = q.contractor and _CONTRACTED_WITH.search(text[max(0, run[0].start - 60) : run[0].start])
        next_word = next((t.word for t in tokens(text[end : end + 24])), "")
        quality = _name_quality(run, q, common, next_word)
        if q.post and {t.word for t in run} & ROLE_WORDS:  # "Assistant Director, Civil Society and Sport"
            portfolio_run = _PORTFOLIO_AFTER.match(text, end)
            end = portfolio_run.end() if portfolio_run else end
        # "Which council…": "…Council"; "Which GLA teams…": "…Regeneration Teams".
        if q.asked_noun and q.asked_noun in {singular_body(t.word) for t in run}:
            quality += 0.2
        elif q.asked_noun and next_word == q.asked_noun and SOURCE_ASKED.match(q.text):
            # "Which budget pays…": "from the Homes for Londoners Collaboration budget", noun and all.
            end = next(t for t in tokens(text[end : end + 24])).end + end
            quality += 0.2
        elif q.asked_noun and (listed := _names_before_noun(q.asked_noun).match(text, end)):
            # "Which GLA teams developed…": "…developed by the GLA’s [Housing and Land, and Regeneration teams]",
            # the names with the asked noun after them.
            end = listed.end()
            quality += 0.3
        elif q.asked_noun and re.match(
            rf"\s*[(,]\s*(?:a|an|the)\b[^().;]{{0,60}}\b{re.escape(q.asked_noun)}\b", text[end:]
        ):
            quality += 0.3  # "RetrofitWorks (a not-for-profit co-operative)" for "which co-operative"
        if q.source and thing:  # "the Small Sites programme": a named budget, for where money came from
            quality = max(quality, 0.8)
        if contracted:
            quality = max(quality, 0.9)
        elif unnamed_party:
            quality = min(quality, 0.1)
        elif q.contractor and next_word in ("contract", "contracts", "framework"):
            quality = min(quality, 0.1)  # "the GLA’s CHAIN contract with Homeless Link": the contract's name
        if plain_name:  # a body asked for, one word the money goes to: a name only a body has
            quality = max(quality, 0.8)
        owned = [t.word for t in tokens(text[end : end + 40])][:5]
        # (Not a name that is no body, as the Mayor's own programme: "the Mayor’s Improving London’s Housing
        # Stock programme".)
        if q.organisation and end < run[-1].end and THING_WORDS & set(owned) and quality > 0.1:
            quality = max(quality, 0.8)  # "Better Bankside’s ‘Crossing the Line’ project": whose it is
        named = 1 + sum(t.word in ("and", "&") for t in run)
        if q.stated_number and q.stated_number > 1 and named == q.stated_number:  # "Which two artists…"
            quality = max(quality, 1.0) + 0.1
        elif q.plural and not q.stated_number and named > 1:  # "Which artists…": all of them
            quality = max(quality, 1.0) + 0.1
        start = run[0].start
        taken_from = _TAKEN_FROM.search(text, max(0, start - 40), start) if q.source else None
        start = taken_from.start("what") if taken_from else start
        out.append(Span(start, end, text[start:end], quality + bonus))
    # A part of a spelt-out name ("Ministry of Housing" in "Ministry of Housing, Communities and Local
    # Government (MHCLG)") is not a name of its own.
    spelt_out = [(s.start, s.end) for s in out if s.text.endswith(")")]
    # "Which borough…" is answered by a borough ("London Borough of Hounslow", "Brent"), never by
    # "London Councils" or the body that paid it.
    borough = q.asked_noun == "borough" and "borough" in q.text.lower()
    # "Which councils…" by a borough or a body called a council ("Arts Council England"), never by a
    # strategy or a programme ("Treasury Management Strategy Statement").
    council = q.asked_noun == "borough" and not borough and "council" in q.text.lower()
    # "Which consultancy built the transport model…" is answered by a firm, never by a public body
    # ("Transport for London", "Assembly Members", "the London Development Panel").
    private = q.asked_noun in _PRIVATE_NOUNS
    kept = [
        s
        for s in out
        if not any(a <= s.start and s.end <= b and (a, b) != (s.start, s.end) for a, b in spelt_out)
        and (not borough or names_a_borough(s.text))
        and (not council or names_a_borough(s.text) or _COUNCIL.search(s.text))
        and (not private or not _PUBLIC_BODY.search(s.text))
    ]
    return [_as_written(text, s) for s in kept + _joined(text, kept) + _paired(text, kept, q)]


_OWNER_BEFORE = re.compile(r"\b[A-Z]{2,6} $")
_AND_BETWEEN = re.compile(r",?\s+and\s+(?:the\s+)?")


def _paired(text: str, spans: list[Span], q: Question) -> list[Span]:
    """Asked "Which two GLA investment pools…", two names joined by "and" are one answer: "the GLA Group
    Investment Syndicate (GIS) and London Strategic Reserve (LSR)"."""
    if q.stated_number != 2:
        return []
    ordered = sorted(spans, key=lambda s: s.start)
    return [
        Span(
            first.start, second.end, text[first.start : second.end], max(first.quality, second.quality) + 0.1
        )
        for first, second in itertools.pairwise(ordered)
        if _AND_BETWEEN.fullmatch(text, first.end, second.start)
    ]


# "collected by the 32 London boroughs and the Corporation of London", "delegates authority to the
# Chief of Staff and the Executive Director of Resources": who acts, or is given the power, is both.
_JOINED_BEFORE = re.compile(
    r"\b(?:by|to)\s+(?P<first>(?:the\s+)?[\w’'-]+(?:\s+[\w’'&-]+){0,5}?)\s+and\s+(?:the\s+)?$"
)


_COUNCIL = re.compile(r"\bcouncils?\b", re.I)


def _joined(text: str, spans: list[Span]) -> list[Span]:
    out = []
    for span in spans:
        joined = _JOINED_BEFORE.search(text[max(0, span.start - 80) : span.start])
        first = joined and joined.group("first")
        # Never with the GLA, which publishes the decision; "by Michael Rakowitz and Heather Phillipson,
        # … in March 2018 and March 2020 respectively": each is one answer (respective_lists.py).
        respective = "respectively" in re.split(r"[.;]\s", text[span.end : span.end + 300])[0]
        if (
            first
            and (first.startswith("the ") or first[0].isupper())
            and not respective
            and not _PUBLISHER.search(first)
        ):
            start = max(0, span.start - 80) + joined.start("first")
            out.append(Span(start, span.end, text[start : span.end], span.quality + 0.05))
    return out


_INITIALS_AFTER = re.compile(r"\s?\((?P<initials>[A-Z][A-Za-z]{1,7})\)")


# "£2,183,379 from underspend on the Small Sites programme": where money came from is the underspend,
# not the programme itself.
_TAKEN_FROM = re.compile(r"\bfrom\s+(?P<what>[a-z][a-z-]+)\s+(?:on|in|of|within|from)\s+(?:the\s+)?$")


def _as_written(text: str, span: Span) -> Span:
    """ "the London Borough of Hounslow", "the Director of the VRU", "Community Energy London (CEL)": a
    body or post as the text names it, with its article and the initials it is given."""
    start, end = span.start, span.end
    if span.text[:1].isupper() and text[:start].endswith(" the "):
        start -= 4
    initials = _INITIALS_AFTER.match(text, end)
    capitals = "".join(w[0] for w in re.findall(r"[A-Z][\w’'-]*", span.text))
    if initials and initials.group("initials").upper() == capitals.upper() and not span.text.endswith(")"):
        end = initials.end()
    return span if (start, end) == (span.start, span.end) else Span(start, end, text[start:end], span.quality)


_PRIVATE_NOUNS = frozenset("company firm consultancy supplier contractor".split())
_PUBLIC_BODY = re.compile(
    r"\b(?:Councils?|Authority|Department|Ministry|Assembly|Mayor|Panel|Members|Agency|Office|Commission|"
    r"Board|Government|Boroughs?|Corporation|Transport for London|TfL|GLA|Greater London Authority|Homes England|"
    r"Parliament|Police|Fire|NHS)\b"
)


@functools.lru_cache(maxsize=256)
def _names_before_noun(noun: str) -> re.Pattern[str]:
    """The asked noun after a name, or after more names joined to it: "Regeneration teams", "…Land, and
    Regeneration teams"."""
    return re.compile(
        rf"(?:,?\s+(?:and|&)(?:\s+[A-Z][\w'’-]*){{1,4}})?\s+{re.escape(noun.removesuffix('s'))}s?\b"
    )
