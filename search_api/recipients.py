"""The sum that goes to the body a question names, among sums to several.

"…revenue grants of £300,000 from the Old Oak and Park Royal Development Corporation (OPDC) to
Transport for London (TfL); and £60,000 from the OPDC to the Greater London Authority (GLA)": asked
"How much did OPDC give the GLA?", every word of the question is near both sums, and the GLA may be
in the decision's title (whose words the answerer weighs less). Each sum's own clause says where it
goes: the sum of the one clause going "to" the body asked is the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .question_reading import BIDDING_WORDS, Span, stems

# "give the GLA", "paid to the GLA itself", "allocated to MOPAC", "grant to London Councils".
_ASKED_RECIPIENT = re.compile(
    r"\b(?:to|give|gave|given|giving|pay|pays|paid|grant(?:ed)?|award(?:ed)?)\s+(?:the\s+)?"
    r"(?P<body>[A-Z][\w&’'-]*(?:\s+(?:of|for|and|the|[A-Z][\w&’'-]*)){0,6})"
)

# "How much did the charity Crisis get…", "What will London Councils receive…": the subject gets it.
_ASKED_GETTER = re.compile(
    r"\b(?:did|does|do|will|would|is|was)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}"
    r"(?P<body>[A-Z][\w&’'-]*(?:\s+(?:of|for|and|the|[A-Z][\w&’'-]*)){0,6})\s+(?:get|receive|obtain)\b"
)

# "…win in its bid to the Sustainable Warmth grant competition": a bid goes to the body, the money from it.
_BID_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(BIDDING_WORDS))})\s+$", re.I)


def asked_recipient(question: str) -> str | None:
    """The body the question asks money went to ("GLA"), or None."""
    sent = (m for m in _ASKED_RECIPIENT.finditer(question) if not _BID_BEFORE.search(question[: m.start()]))
    found = next(sent, None) or _ASKED_GETTER.search(question)
    if not found:
        return None
    body = re.sub(r"(?:\s+(?:of|for|and|the))+$", "", found.group("body"))
    return body if len(body) >= 2 else None


# Where one sum's clause ends and the next one's begins: "…to TfL; and £60,000…", "…to the GLA, and
# £200,000…", a list's next line.
_CLAUSE_BREAK = re.compile(r"[;\n]|,?\s+and\s+(?=(?:up to\s+)?£)")


def recipient_value(text: str, values: Sequence[Span], body: str | None) -> Span | None:
    """The value `text` sends "to" `body`: the one value of the one clause naming the body so, or None
    (no body asked, fewer than two values, or no such clause). The body may come first ("to the London
    Borough of Hounslow (LB Hounslow): grant funding of £200,000") or last ("£60,000 … to the GLA")."""
    if not body or len(values) < 2:
        return None
    # "granted to Crisis for the Crisis at Christmas project": the body may end before a joining word.
    words = body.split()
    joiners = ("of", "for", "and", "the")
    cuts = [len(words)] + [
        i for i in range(len(words) - 1, 0, -1) if words[i] in joiners and words[i - 1] not in joiners
    ]
    for cut in cuts:
        going = _going_to(text, values, " ".join(words[:cut]))
        if going:
            return going
    return None


_SUM_OPENS = re.compile(r"\s*(?:up to\s+)?")


def _going_to(text: str, values: Sequence[Span], body: str) -> Span | None:
    """The one value sent "to" `body` by its clause, or paid to it ("paid the London Borough of Islington
    £37,500"), or None when there are several or none."""
    to_body = re.compile(rf"\bto\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,6}}?\(?{re.escape(body)}\b")
    # "The GLA has paid the London Borough of Islington £37,500…": the body given the sum it is followed by.
    given_body = re.compile(
        rf"\b(?:paid|pays|gave|given|awarded|granted|offered)\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,6}}?"
        rf"{re.escape(body)}\b\s*(?=(?:up to\s+)?£)"
    )
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    going, start = [], 0
    for end in ends:
        held = sorted((v for v in values if start <= v.start < end), key=lambda v: v.start)
        for given in given_body.finditer(text, start, end):
            going.extend(
                v
                for v in held
                if v.start >= given.end() and _SUM_OPENS.fullmatch(text[given.end() : v.start])
            )
        if held and (found := to_body.search(text, start, end)):
            # Of several in the clause, the one just before ("£442,530 … comprising £391,978 to Crisis"),
            # else the one just after ("to the GLA: grant funding of £550,000").
            before = [v for v in held if v.end <= found.start()]
            going.append(before[-1] if before else held[0])
        start = end
    return going[0] if len(going) == 1 else None


# Who a question says was paid: "How much was Hans Haacke paid…", "How much grant did London & Partners
# get…", "How much has Crisis received…" (not "How much has DEFRA granted…": the giver).
_NAME = r"[A-Z][\w&’'-]*(?:\s+(?:of|for|and|&|[A-Z][\w&’'-]*)){0,5}"
_ASKED_PAYEE = re.compile(
    rf"\bhow much\b(?:\s+[\w’'£,.-]+){{0,5}}?\s+(?:"  # "How much [Good Growth Fund grant] did …"
    rf"(?:was|were|is|are)\s+(?:the\s+)?(?P<passive>{_NAME})\s+(?:paid|given|awarded|granted|offered)\b"
    rf"|(?:did|does|do|will)\s+(?:the\s+)?(?P<gets>{_NAME})\s+(?:get|receive|be paid|be given)\b"
    rf"|(?:has|have|had)\s+(?:the\s+)?(?P<got>{_NAME})\s+(?:received|got|been paid|been given|been awarded)\b"
    # "…how much of the funding was paid to Crisis as a grant", "…of the £170,000 budget goes to the Mayor's
    # Community Weekend?"
    rf"|[^?]{{0,80}}?\b(?:paid|given|awarded|granted|goes|go|went|going)\s+to\s+(?:the\s+)?"
    rf"(?P<to>(?-i:{_NAME})))",
    re.I,
)
_NAME_WORD = re.compile(r"[A-Z][\w’'-]*")


def asked_payee(question: str) -> str | None:
    """The person or body a question says the money was paid to, as written, or None."""
    found = _ASKED_PAYEE.search(question)
    if not found:
        return None
    name = re.sub(
        r"(?:\s+(?:of|for|and|&))+$", "", next(g for g in found.groups() if g)
    )  # "MOPAC for knife…"
    # "How much … did the GLA receive": the authority itself, whose receipts its sentences need not name.
    return name if name[0].isupper() and name.lower() not in _THE_AUTHORITY else None


_THE_AUTHORITY = frozenset(["gla", "greater london authority", "mayor", "city hall", "london"])

# Who a question says the money came from: "How much is the London Borough of Newham contributing…", "How
# much did Peabody put in from its own funds…" (the GLA itself, whose spending every decision states, aside).
_ASKED_PAYER = re.compile(
    rf"\bhow much\b(?:\s+[\w’'£,.-]+){{0,5}}?\s+(?:"
    rf"(?:is|are|was|were)\s+(?:the\s+)?(?P<doing>(?-i:{_NAME}))\s+"
    r"(?:contributing|putting\s+in|paying|providing|investing|matching)"
    rf"|(?:will|would|did|does|do)\s+(?:the\s+)?(?P<does>(?-i:{_NAME}))\s+"
    r"(?:contribute|put\s+in|pay|provide|invest|match)"
    rf"|(?:has|have|had)\s+(?:the\s+)?(?P<did>(?-i:{_NAME}))\s+(?:contributed|put\s+in|paid|provided|invested|matched)"
    r")\b",
    re.I,
)


def asked_payer(question: str) -> str | None:
    """The body a question says the money came from, as written, or None."""
    found = _ASKED_PAYER.search(question)
    if not found:
        return None
    name = re.sub(r"(?:\s+(?:of|for|and|&))+$", "", next(g for g in found.groups() if g))
    # (Not a decision's code: "How much … funding did MD3139 provide" asks what it approved.)
    return None if name.lower() in _THE_AUTHORITY or any(c.isdigit() for c in name) else name


# "From 2021-22 to 2022-23 [it] provides £4.085m…": the payer named in the sentence before.
_IT_GIVES = re.compile(
    r"\b(?:it|they)\s+(?:will\s+|has\s+|have\s+)?(?:provides?|provided|contribut\w+|pays?|paid|invests?|invested|puts? in)\b",
    re.I,
)


def paid_by_other(payer: str, sentence: str, answer: str) -> bool:
    """Asked what a body gave, a sentence that never names it, or that sends the sum to it ("£1,447,300 to
    Peabody Trust" for "How much did Peabody put in…"), states some other payer's money. (Named, it need not
    be named as giving: "it provides £4.085m", "£1.125M support from the Department for Levelling Up…".)"""
    if not names_payee(payer, sentence) and not _IT_GIVES.search(sentence):
        return True
    first = re.escape(_NAME_WORD.findall(payer)[0])
    at = sentence.find(answer)
    return at >= 0 and bool(
        re.match(rf"\s+(?:[\w’'-]+\s+){{0,3}}?to\s+(?:the\s+)?{first}\b", sentence[at + len(answer) :])
    )


def names_payee(payee: str, sentence: str, question: str = "") -> bool:
    """Does the sentence stating a sum name whom it was paid to? "MD1153 approved the allocation of
    £254,000 GLA funding for the Fourth Plinth Commissioning Programme" pays no artist. ("London" is where
    every decision is: "London & Partners" is named as "L&P" or "Partners".) A longer name the question
    gives ("…of the Crisis at Christmas funding was paid to Crisis") is something else's."""
    for longer in re.finditer(rf"\b{re.escape(payee)}(?:\s+(?:at|of|for|and|&)?\s*[A-Z][\w’'-]*)+", question):
        sentence = sentence.replace(longer.group(), " ")
    capitals = _NAME_WORD.findall(payee)
    words = stems(" ".join(w for w in capitals if w.lower() != "london"))[0]
    # By its initials: "L&P has been awarded £12.446m" for "London & Partners", "the VRU" for "the London
    # Violence Reduction Unit".
    by_initials = False
    for named in (capitals, [w for w in capitals if w != "London"]):
        initials = "&?".join(re.escape(w[0]) for w in named)
        by_initials = by_initials or (len(named) > 1 and bool(re.search(rf"\b{initials}s?\b", sentence)))
    # Or by initials holding the small words too: "MOPAC" for "the Mayor's Office for Policing and Crime".
    by_initials = by_initials or bool(_initials_in(payee, sentence))
    return (
        not words or bool(words & stems(sentence)[0]) or bool(by_initials) or _spelt_out_in(payee, sentence)
    )


# A run of capitalised words, with the small words between them: "Mayor’s Office for Policing and Crime".
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|&|the)\s+)*[A-Z][\w’'-]*)+")


def _spelt_out_in(payee: str, sentence: str) -> bool:
    """Is a payee asked by its initials ("MOPAC") named in full ("the Mayor’s Office for Policing and Crime")?"""
    if not re.fullmatch(r"[A-Z]{3,}", payee):
        return False
    for run in _CAPITALISED_RUN.findall(sentence):
        letters = "".join(w[0] for w in run.split()).upper()
        if letters[0] == payee[0] and letters[-1] == payee[-1] and _in_order(payee, letters):
            return True
    return False


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


def _initials_in(name: str, text: str) -> list[str]:
    """The words in capitals of `text` that write the name by its initials, small words' letters kept or not
    ("MOPAC" for "Mayor's Office for Policing and Crime"); three initials at least."""
    firsts = "".join(w[0] for w in _NAME_WORD.findall(name))
    if len(firsts) < 3:
        return []
    return sorted(c for c in set(re.findall(rf"\b{firsts[0]}[A-Z]{{2,}}\b", text)) if _in_order(firsts, c))


def _written_as(body: str, text: str) -> str:
    """A pattern for the body as the text may write it: whole, or by its initials."""
    return "(?:" + "|".join(re.escape(form) for form in [body, *_initials_in(body, text)]) + ")"


def comes_from(after: str, body: str | None) -> bool:
    """Does the text after a sum say it comes from the body ("£500,000 of income from MOPAC")? Asked what went
    to MOPAC, that sum went the other way."""
    if not body:
        return False
    written = _written_as(body, after)
    return bool(re.match(rf"\W{{0,3}}(?:[\w’'-]+\s+){{0,4}}?from\s+(?:the\s+)?{written}\b", after))


def named_only_as_source(text: str, body: str | None) -> bool:
    """Does the text name the body only as where money came from ("…£500,000 of income from MOPAC, and £750,000
    additional Young Londoners Fund budget")? Asked what went to MOPAC, none of its sums did."""
    if not body:
        return False
    named = [m.start() for m in re.finditer(rf"\b{_written_as(body, text)}\b", text)]
    return bool(named) and all(
        re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, at - 12) : at]) for at in named
    )
