"""Marking matched words in passages, safely.

Text is escaped first and <mark> is added afterwards around whole words only, so a
`<script>` in a document or a query is shown as text and can never become markup.
"""

from __future__ import annotations

import functools
import html
import re

from .fts import keyword_tokens

# A light suffix stripper, enough to make approve/approved/approval and
# engage/engaging/engagement meet; FTS5's porter tokenizer does the same on its side.
_SUFFIXES = ("ements", "ement", "ations", "ation", "ings", "ing", "ions", "ion", "ies", "als", "al",
             "ers", "er", "ed", "es", "s", "e", "y")  # fmt: skip
MIN_STEM = 4


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=20_000)
def text_stems(text: str) -> frozenset[str]:
    """The stems of a passage, cached: passage choice looks at every chunk of each result."""
    return frozenset(stem(t) for t in keyword_tokens(text))


def highlight(text: str, query_text: str) -> str:
    stems = {stem(t) for t in keyword_tokens(query_text) if len(t) > 1}
    escaped = html.escape(text, quote=True)
    if not stems:
        return escaped

    def mark(match: re.Match) -> str:
        word = match.group()
        return f"<mark>{word}</mark>" if stem(html.unescape(word)) in stems else word

    # Entities like &amp; are left alone: the pattern only spans word characters and £.
    return re.sub(r"(?<![&#\w])[\w£][\w£,.]*\w|(?<![&#\w])\w", mark, escaped)
