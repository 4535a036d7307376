"""What kind of answer a question expects, and whether a text contains one.

Used to choose passages ("When does procurement start?" prefers a passage with a
date) and by the answerer to pick the span. Patterns are linear: they run on
untrusted text.
"""

from __future__ import annotations

import re

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

ANSWER_PATTERNS = {
    "amount": re.compile(r"£\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|bn|million|billion)?\b", re.IGNORECASE),
    "date": re.compile(
        rf"\b(?:\d{{1,2}} )?{MONTH}(?: \d{{1,2}})?,? (?:19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}/(?:19|20)\d\d\b"
    ),
    "email": re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b"),
    "number": re.compile(r"\b\d[\d,]*\b"),
    # Two or more capitalised words: "Luke Bruce", "Transport for London Procurement".
    "name": re.compile(r"\b[A-Z][a-z]+(?: (?:of |for |and )?[A-Z][a-zA-Z]+){1,4}\b"),
}

_RULES = [
    ("email", re.compile(r"\be-?mail\b|\baddress\b", re.IGNORECASE)),
    ("amount", re.compile(r"\bhow much\b|\b(?:budget|cost|costs|spend|spent|expenditure|funding|investment|price|value)\b", re.IGNORECASE)),
    ("number", re.compile(r"\bhow many\b|\bnumber of\b", re.IGNORECASE)),
    ("date", re.compile(r"\bwhen\b|\bwhat (?:date|year|month)\b|\bby when\b", re.IGNORECASE)),
    ("name", re.compile(r"\bwho\b|\bwhom\b|\bwhose\b|\bwhich (?:deputy|mayor|director|person|organisation|organization|company|body|officer)\b", re.IGNORECASE)),
]  # fmt: skip


def expected_answer_type(question: str) -> str | None:
    for name, pattern in _RULES:
        if pattern.search(question):
            return name
    return None


def has_answer_type(text: str, answer_type: str | None) -> bool:
    return bool(answer_type) and bool(ANSWER_PATTERNS[answer_type].search(text))
