"""Turning user text into safe FTS5 queries.

FTS5 reads `planning-permission` as a column filter, `title: x` as a column name and
`NEAR(`, `AND`, `*` as operators, so user words never reach MATCH raw: every token
is quoted (with `"` doubled), and we build the boolean structure ourselves.
"""

from __future__ import annotations

from decisions.words import keyword_tokens
from storage.local import quote_token


def match_requiring(tokens: list[str], required: list[str], every: bool = False) -> str | None:
    """Any word may match and counts in BM25, but a row must hold one of `required` (all of
    them when `every`).

    The required words are also in the any-word part, so they weigh twice in BM25: they are
    the rare, telling ones, and ranking still sees the common words of the query.
    """
    if not tokens:
        return None
    any_word = " OR ".join(quote_token(t) for t in tokens)
    if not required or (set(required) >= set(tokens) and not (every and len(required) > 1)):
        return any_word
    joined = (" AND " if every else " OR ").join(quote_token(t) for t in required)
    return f"({joined}) AND ({any_word})"


def match_any_phrase(phrases: list[list[str]]) -> str | None:
    """Rows holding any of these word sequences as a phrase."""
    quoted = ['"' + " ".join(w.replace('"', '""') for w in words) + '"' for words in phrases if words]
    return " OR ".join(quoted) or None


def match_all(text: str, phrases: list[str]) -> str | None:
    """For exhaustive (FOI) search: every word and every quoted phrase must occur."""
    rest = text
    for phrase in phrases:
        rest = rest.replace(f'"{phrase}"', " ")
    parts = [quote_token(p) for p in phrases] + [quote_token(t) for t in keyword_tokens(rest)]
    return " AND ".join(parts) if parts else None
