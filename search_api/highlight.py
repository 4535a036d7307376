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
_ESCAPED_WORD = re.compile(r"(?<![&#\w])[\w£][\w£,.]*\w|(?<![&#\w])\w")


@functools.lru_cache(maxsize=1024)
def query_stems(query_text: str) -> frozenset[str]:
    return frozenset(stem(t) for t in keyword_tokens(query_text) if len(t) > 1)


def highlight(text: str, query_text: str) -> str:
    stems = query_stems(query_text)
    escaped = html.escape(text, quote=True)
    if not stems:
        return escaped
    # Decide once per distinct word, then mark by set lookup: passages repeat their words.
    hits = {w for w in set(_ESCAPED_WORD.findall(escaped)) if stem(html.unescape(w)) in stems}
    if not hits:
        return escaped
    return _ESCAPED_WORD.sub(
        lambda m: f"<mark>{m.group()}</mark>" if m.group() in hits else m.group(), escaped
    )
