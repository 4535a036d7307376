"""Marking matched words in passages, safely.

Text is escaped first and <mark> is added afterwards around whole words only, so a
`<script>` in a document or a query is shown as text and can never become markup.
"""

from __future__ import annotations

import functools
import html
import re

from decisions.words import keyword_tokens, stem

# Entities like &amp; are left alone: a word only spans word characters and £.
_WORD = r"(?:[\w£][\w£,.]*\w|\w)"
_NOT_INSIDE = r"(?<![&#\w])"


@functools.lru_cache(maxsize=1024)
def query_stems(query_text: str) -> frozenset[str]:
    return frozenset(stem(t) for t in keyword_tokens(query_text) if len(t) > 1)


@functools.lru_cache(maxsize=1024)
def _candidates(stems: frozenset[str]) -> re.Pattern:
    """Words that begin with one of the stems: a word's stem is always a prefix of it, so only
    these can match, and only these are stemmed (the regex skips the rest at C speed)."""
    prefixes = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(f"{_NOT_INSIDE}(?=(?:{prefixes})){_WORD}", re.IGNORECASE)


def _mark(match: re.Match, stems: frozenset[str]) -> str:
    word = match.group()
    return f"<mark>{word}</mark>" if stem(html.unescape(word)) in stems else word


def highlight(text: str, query_text: str) -> str:
    stems = query_stems(query_text)
    escaped = html.escape(text, quote=True)
    if not stems:
        return escaped
    return _candidates(stems).sub(lambda m: _mark(m, stems), escaped)
