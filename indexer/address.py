"""A decision page's address → its reference code and title words.

Some london.gov.uk pages open with a bare "Key information" heading: their code and title are
only in the address, e.g. `/decisions/dd2750-additional-funding-universal-free-school-meals-
programme-where-meal-uptake-exceeds-90-cent` or `/executive-team/assistant-director-decisions/ADD176`.
The address drops small words ("for", "the", "per"), so a title read from it is a last resort.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from .refs import PREFIXES

# "md3135no-second-night-out-…", "pcd-1792-vru-…", "ADD176"
_CODE = re.compile(rf"({PREFIXES})-?(\d{{3,5}})(?!\d)-?", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
# A word at the start of a sentence or line is capitalised whatever it is, so it does not vote.
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")
# Between two words of the address the page has a space or a hyphen ("re-organisation") and perhaps
# up to two of the small words the address drops (Drupal's pathauto list); no line break, no bracket.
_SMALL_WORDS = "a|an|as|at|by|for|from|in|into|is|of|on|per|the|this|that|to|with|and"
_SEP = r"(?:[^\S\n]*[-–][^\S\n]*|[^\S\n]+)"
_GAP = rf"{_SEP}(?:(?:{_SMALL_WORDS}){_SEP}){{0,2}}"


def slug(url: str | None) -> str:
    """ "…/md3086-crossrail-…-2023-24?ac-165787=165770" → "md3086-crossrail-…-2023-24"; the last path
    segment, lower case, without the "-0" Drupal appends to a repeated title."""
    segment = urlsplit((url or "").strip()).path.rstrip("/").rsplit("/", 1)[-1].lower()
    return segment[:-2] if segment.endswith("-0") else segment


def code_and_rest(url: str | None) -> tuple[str | None, str]:
    """ "md3135no-second-night-out-…" → ("MD3135", "no-second-night-out-…"), "pcd-1792-vru-…" →
    ("PCD1792", "vru-…"), "ADD176" → ("ADD176", ""); an address without a code → (None, its slug)."""
    name = slug(url)
    found = _CODE.match(name)
    if not found:
        return None, name
    return found.group(1).upper() + found.group(2), name[found.end() :]


def _join_year_ranges(words: list[str]) -> list[str]:
    """["2024", "25", "2028", "29"] → ["2024-25", "2028-29"]: the address lost the hyphen."""
    out: list[str] = []
    for word in words:
        last = out[-1] if out else ""
        if _YEAR.fullmatch(last) and (
            (len(word) == 2 and word.isdigit() and int(word) > int(last[2:]))
            or (_YEAR.fullmatch(word) and int(word) > int(last))
        ):
            out[-1] = f"{last}-{word}"
        else:
            out.append(word)
    return out


def _word_pattern(word: str) -> str:
    """ "2024-25" also as "2024–25" or "2024/25"; "londons" also as "London’s" (the address drops "’")."""
    if "-" in word:
        return "[-–/]".join(map(re.escape, word.split("-")))
    return re.escape(word[:-1]) + "[’']?s" if word.endswith("s") and len(word) > 3 else re.escape(word)


def _phrase(words: list[str], text: str) -> re.Match[str] | None:
    """Where the page writes these words in a row, with any small words the address dropped between
    them ("receipt of funding from Homes England"); one not at a sentence start if there is one."""
    pattern = _GAP.join(rf"\b{_word_pattern(w)}\b" for w in words)
    found = list(re.finditer(pattern, text, re.IGNORECASE))
    return next((m for m in found if not _at_sentence_start(text, m.start())), found[0] if found else None)


def _at_sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 3) : start]))


def _as_written(word: str, text: str) -> str:
    """The word as the page writes it mid-sentence ("GLA", "London", "funding"), else lower case."""
    forms = Counter(
        m.group()
        for m in re.finditer(rf"\b{_word_pattern(word)}\b", text, re.IGNORECASE)
        if not _at_sentence_start(text, m.start())
    )
    return max(forms, key=lambda form: (forms[form], form.islower())) if forms else word


def title_from_words(rest: str, text: str) -> str | None:
    """ "additional-funding-universal-free-school-meals-programme-…" → "Additional funding for the
    Universal Free School Meals programme …": the longest runs of the words that the page text
    writes in a row, as it writes them (with the small words the address dropped); other words
    cased as the page writes them mid-sentence."""
    words = _join_year_ranges([w for w in rest.split("-") if w])
    if not any(re.search(r"[a-z]{3}", w) for w in words):
        return None
    parts, i = [], 0
    while i < len(words):
        j, best = i + 1, None
        while j <= len(words) and (found := _phrase(words[i:j], text)) is not None:
            best, j = found, j + 1
        if best is not None and j - 1 > i + 1:  # two words or more in a row: the page's own wording
            first = _as_written(words[i], text) if _at_sentence_start(text, best.start()) else None
            phrase = " ".join(best.group().split())
            parts.append(first + phrase[len(first) :] if first and len(first) <= len(phrase) else phrase)
            i = j - 1
        else:
            parts.append(_as_written(words[i], text))
            i += 1
    title = " ".join(parts)
    return title[:1].upper() + title[1:]
