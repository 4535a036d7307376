"""The new name a decision gives something, as the page writes it.

"What is No Second Night Out being rebranded as?" is answered by the name after the verb: "No Second
Night Out (NSNO) – to be rebranded as ‘Ending Homelessness Hubs’". A new name is no person or body
(whose names the answerer weighs as who acts), nor a sentence: it is the words the page quotes or
capitalises after "renamed", "rebranded as", "to be known as", or quotes after "called" ("What name
was given to the second phase…": "The second phase of YLI, called ‘My London’, …").
"""

from __future__ import annotations

import re

_ASKED = re.compile(
    r"\b(?:re-?nam(?:e|ed|ing)|re-?brand(?:ed|ing)?|new name|new title|be(?:ing)? called|be(?:ing)? known as)\b"
    # "What name was given to the second phase…", "What is the second phase called?"
    r"|^\W*what name\b|\bcalled\W*$",
    re.I,
)
_GIVEN = re.compile(
    r"\b(?:re-?named|re-?branded)(?:\s+(?:as|to))?\s+(?:the\s+)?|\b(?:be|been|now|being)\s+(?:known as|called)\s+(?:the\s+)?"
    # "The second phase of YLI, called ‘My London’, will…": a name in quotes right after "called".
    r"|\b(?:called|named|titled|entitled|known as)\s+(?=[‘“'\"])",
    re.I,
)
_QUOTED = re.compile(r"(?P<name>[‘“'\"][^’”'\"\n]{2,80}[’”'\"])")  # with its quotes, as written
_CAPITALISED = re.compile(r"(?P<name>[A-Z][\w’'&-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w’'&-]*)){0,6})")


def asks_new_name(question: str) -> bool:
    return bool(_ASKED.search(question))


def new_name(text: str) -> tuple[int, int] | None:
    """Where the new name stands in `text` (quoted or capitalised, right after the verb), or None."""
    for given in _GIVEN.finditer(text):
        found = _QUOTED.match(text, given.end()) or _CAPITALISED.match(text, given.end())
        if found:
            start, end = found.span("name")
            return start, end - len(re.search(r"(?:\s+(?:of|for|and|the|&))*$", found.group("name")).group())
    return None
