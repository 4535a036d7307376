"""Turning user text into keyword queries (storage.base.WordQuery): which words may match,
which must. Each backend writes the query in its own engine's syntax (storage/fts5.py for FTS5).
"""

from __future__ import annotations

from decisions.words import keyword_tokens
from storage.base import WordQuery


def match_requiring(tokens: list[str], required: list[str], every: bool = False) -> WordQuery | None:
    """Any word may match and counts in BM25, but a row must hold one of `required` (all of
    them when `every`)."""
    if not tokens:
        return None
    if not required or (set(required) >= set(tokens) and not (every and len(required) > 1)):
        return WordQuery(words=tuple(tokens))
    return WordQuery(words=tuple(tokens), required=tuple(required), every=every)


def match_any_phrase(phrases: list[list[str]]) -> WordQuery | None:
    """Rows holding any of these word sequences as a phrase."""
    kept = tuple(tuple(words) for words in phrases if words)
    return WordQuery(phrases=kept) if kept else None


def match_all(text: str, phrases: list[str]) -> WordQuery | None:
    """For exhaustive (FOI) search: every word and every quoted phrase must occur."""
    rest = text
    for phrase in phrases:
        rest = rest.replace(f'"{phrase}"', " ")
    query = WordQuery(
        required=tuple(keyword_tokens(rest)),
        phrases=tuple(tuple(p.split()) for p in phrases if p.split()),
        every=True,
    )
    return query or None


def body_word(word: str) -> WordQuery:
    """Chunks whose own text (not their decision's title) holds the word."""
    return WordQuery(required=(word,), body_only=True)
