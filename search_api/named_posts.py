"""The post a named person holds, as a decision writes it beside the name.

"What job did Mary Harpley hold before becoming GLA Chief Officer?" is answered by the words after
her name: "…appoint Mary Harpley, currently Chief Executive of the London Borough of Hounslow, as
the Greater London Authority’s (GLA) Chief Officer"; "What is Philip Graham's role?" by the
sign-off line "Decision by: Philip Graham, Executive Director, Good Growth". The post is never the
question's topic words: it is whatever the page puts in apposition to the name.
"""

from __future__ import annotations

import re

from .question_reading import ROLE_WORDS

_NAME = r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})"
_POST_NOUN = r"(?:job(?:\s+title)?|post|position|role|title)"
_ASKED = (
    # "What job did Mary Harpley hold…", "Which post does Tunde Olayinka have?", "What job was Mary Harpley
    # doing when…"
    re.compile(
        rf"^(?:what|which)\s+{_POST_NOUN}\s+(?:did|does|do|was|is|has|had)\s+{_NAME}\s+"
        r"(?:hold|holding|have|held|had|occupy|occupying|fill|filling|do|doing|perform|performing)\b",
        re.I,
    ),
    # "What was Philippa Hird's job?", "What is Philip Graham’s role?"
    re.compile(rf"^(?:what|which)\s+(?:is|was)\s+{_NAME}['’]s?\s+{_POST_NOUN}\b", re.I),
    # "What is the job title of Debbie Jackson?"
    re.compile(rf"^(?:what|which)\s+(?:is|was)\s+the\s+{_POST_NOUN}\s+of\s+{_NAME}\b", re.I),
)
# Words between the name and the post: "Mary Harpley, currently Chief Executive…".
_LEAD = r"(?:(?:currently|formerly|former|then|now|the|a|an|our)\s+){0,2}"
# Where the post ends: ", as the GLA's Chief Officer", ", who…", a bracket, a sentence's or line's end.
_END = r"(?=\s*(?:,\s*(?:as|who|and|to|has|had|was|is|will|in|for)\b|[.;()\n]|$))"


def asked_person(question: str) -> str | None:
    """The person whose post is asked ("Mary Harpley"), or None for any other question."""
    text = " ".join(question.split())
    for pattern in _ASKED:
        if found := pattern.match(text):
            return found.group("name")
    return None


def post_of(text: str, person: str) -> tuple[int, int] | None:
    """Where the post beside `person`'s name stands in `text`, or None: a run of words after the name
    and a comma, holding a word of office ("Director", "Chief Executive", "Head")."""
    name = r"\s+".join(re.escape(part) for part in person.split())
    pattern = rf"\b{name}(?:\s+MP)?\s*,\s*{_LEAD}(?P<post>[A-Z][^\n;()]{{2,120}}?){_END}"
    for found in re.finditer(pattern, text):
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", found.group("post"))}
        if words & ROLE_WORDS:
            return found.span("post")
    return None


_SMALL_WORDS = frozenset("of the and for to in at a an".split())


def restates(question: str, post: str) -> bool:
    """Does the question already name the post? "What was Mary Harpley's job before she became Chief
    Executive of Hounslow?" asks another post than "Chief Executive of the London Borough of Hounslow"."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", post)} - _SMALL_WORDS
    asked = {w.lower() for w in re.findall(r"[A-Za-z]+", question)}
    return len(words & asked) >= 0.6 * len(words)
