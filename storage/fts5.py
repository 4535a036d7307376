"""A WordQuery as an FTS5 MATCH expression: the local backend's keyword syntax, kept in this room.

FTS5 reads `planning-permission` as a column filter, `title: x` as a column name and
`NEAR(`, `AND`, `*` as operators, so no word reaches MATCH raw: every token is quoted
(with `"` doubled), and the boolean structure is built here.
"""

from __future__ import annotations

from .base import WordQuery


def quote_token(token: str) -> str:
    """One word (or a phrase of words) as an FTS5 string, so that nothing in it is read as an operator."""
    return '"' + token.replace('"', '""') + '"'


def _phrase(words: tuple[str, ...]) -> str:
    return quote_token(" ".join(words))


def match_expression(query: WordQuery) -> str | None:
    """The MATCH for `query` (None when it holds no word).

    The required words are also among the any-word part, so they weigh twice in BM25: they
    are the rare, telling ones, and ranking still sees the common words of the query.
    """
    joiner = " AND " if query.every else " OR "
    parts = []
    if query.required:
        parts.append(joiner.join(quote_token(t) for t in query.required))
    if query.phrases:
        parts.append(joiner.join(_phrase(p) for p in query.phrases if p))
    if query.words:
        parts.append(" OR ".join(quote_token(t) for t in query.words))
    parts = [p for p in parts if p]
    if not parts:
        return None
    match = parts[0] if len(parts) == 1 else " AND ".join(f"({p})" for p in parts)
    return f"text : ({match})" if query.body_only else match
