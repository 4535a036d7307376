"""Turning user text into safe FTS5 queries.

FTS5 reads `planning-permission` as a column filter, `title: x` as a column name and
`NEAR(`, `AND`, `*` as operators, so user words never reach MATCH raw: every token
is quoted (with `"` doubled), and we build the boolean structure ourselves.
"""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """a about above after again all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her
    here hers him his how i if in into is it its itself just me more most my no nor not of off on once only or
    other our out over own same she should so some such than that the their them then there these they this
    those through to too under until up very was we were what when where which while who whom why will with
    would you your much many does did""".split()
)

_TOKEN = re.compile(r"[\w£][\w£'’.,-]*[\w]|[\w£]", re.UNICODE)


def quote_token(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def keyword_tokens(text: str, keep_stopwords: bool = False) -> list[str]:
    """Words worth matching; '£72,765' and 'MD2848' stay whole, FTS5 syntax is just text."""
    tokens = []
    for token in _TOKEN.findall(text):
        token = token.strip(".,'’-")
        if not token or (not keep_stopwords and token.lower() in STOPWORDS):
            continue
        tokens.append(token)
    return list(dict.fromkeys(tokens))


def match_any(text: str) -> str | None:
    """For ranked retrieval: any word may match, BM25 sorts out which matter."""
    tokens = keyword_tokens(text)
    return " OR ".join(quote_token(t) for t in tokens) if tokens else None


def match_all(text: str, phrases: list[str]) -> str | None:
    """For exhaustive (FOI) search: every word and every quoted phrase must occur."""
    rest = text
    for phrase in phrases:
        rest = rest.replace(f'"{phrase}"', " ")
    parts = [quote_token(p) for p in phrases] + [quote_token(t) for t in keyword_tokens(rest)]
    return " AND ".join(parts) if parts else None
