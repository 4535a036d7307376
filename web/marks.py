"""Markdown emphasis copied into decisions from their web pages, shown as emphasis, not as stars.

The GLA's pages hold lines such as "improve the **sustainability** of the programme"; shown raw,
the stars read as noise. Text is escaped first and only then are <strong>/<em> put around the
marked words, so the result is as safe as the escaped text it came from.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# "**sustainability**", "**cleaner, greener London**": no space just inside the stars.
_STRONG = re.compile(r"\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*")
# "*Part 2*" but not "3 * 4 * 5" nor a footnote mark "£1m*": stars stand against words only.
_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
# A pair cut in half (a snippet that ends inside bold text) leaves "**" that means nothing.
_STRAY_PAIR = re.compile(r"\*\*")


def _balanced(inner: str) -> bool:
    """A highlight's <mark> tags stay whole: emphasis is never added across one."""
    return inner.count("<mark>") == inner.count("</mark>")


def _wrap(tag: str):
    def replace(match: re.Match) -> str:
        inner = match.group(1)
        return f"<{tag}>{inner}</{tag}>" if _balanced(inner) else match.group(0)

    return replace


def emphasis_html(escaped: str) -> Markup:
    """Emphasis in text that is already escaped HTML (a passage highlight with its <mark>s)."""
    text = _STRONG.sub(_wrap("strong"), str(escaped))
    text = _EM.sub(_wrap("em"), text)
    return Markup(_STRAY_PAIR.sub("", text))


def emphasis(text: str) -> Markup:
    """Plain text, escaped, with its Markdown emphasis as <strong>/<em>."""
    return emphasis_html(escape(text))
