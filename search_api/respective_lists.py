"""Pairs that "respectively" makes: "commissions by Michael Rakowitz and Heather Phillipson, will be
unveiled in March 2018 and March 2020 respectively" pairs each name with a date by its place.

Nearness alone cannot tell which of two values belongs to what the question names: every word of
the sentence is near both. The answerer asks `respective_value` which of the values it found the
question points at, through the other list's item that holds the question's own words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from decisions.words import stem_with_irregulars, tokens

from .question_reading import Span

_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
# What joins the items of a list: "A, B and C", "A and B", "A, B, and C".
_ITEM_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_SENTENCE_END = re.compile(r"[.;:]\s")
_ITEM_WORDS = 6  # an item of such a list is a name or a short phrase: "Warmer Homes Advice Service providers"


def respective_value(text: str, values: Sequence[Span], weights: dict[str, float]) -> Span | None:
    """The value `text` pairs with what the question names, or None when no "respectively" pairs
    them or the question names no one item of the other list (`weights`: its words by stem)."""
    found = _RESPECTIVELY.search(text)
    if found is None or len(values) < 2:
        return None
    values = sorted(values, key=lambda v: v.start)
    listed = _the_list(text, values, found.start())
    if listed is None:
        return None
    first, last = listed[0], listed[-1]
    if text[last.end : found.start()].strip(" )"):
        # The values are the earlier list ("by A and B, will be unveiled in 2018 and 2020
        # respectively"): the other list runs up to "respectively".
        other = (last.end, found.start())
    else:  # the values end the sentence's list: the other list comes before them
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, first.start)), default=0)
        other = (start, first.start)
    items = _items(text, other, len(listed))
    if items is None:
        return None
    # The question's words that only one item holds say which item it names.
    held = [_stems(text[a:b]) for a, b in items]
    scores = [
        sum(w for s, w in weights.items() if s in mine and all(s not in h for h in held if h is not mine))
        for mine in held
    ]
    best = max(scores)
    if best <= 0 or scores.count(best) > 1:
        return None
    return listed[scores.index(best)]


def _the_list(text: str, values: list[Span], before: int) -> list[Span] | None:
    """The values that make one list ("March 2018 and March 2020"), the one nearest `before`."""
    runs: list[list[Span]] = [[values[0]]]
    for value in values[1:]:
        gap = text[runs[-1][-1].end : value.start]
        if _ITEM_JOIN.fullmatch(gap):
            runs[-1].append(value)
        else:
            runs.append([value])
    runs = [run for run in runs if len(run) >= 2 and run[-1].end <= before]
    return runs[-1] if runs else None


def _items(text: str, zone: tuple[int, int], count: int) -> list[tuple[int, int]] | None:
    """The `count` items of the list that ends `zone`: its last join holds "and" ("A, B and C"),
    the count - 2 before it are commas; the first and last items are kept to a few words."""
    joins = list(_ITEM_JOIN.finditer(text, *zone))
    last_and = max((i for i, j in enumerate(joins) if "and" in j.group()), default=None)
    if last_and is None or last_and < count - 2:
        return None
    cuts = joins[last_and - (count - 2) : last_and + 1]
    before = joins[last_and - (count - 2) - 1].end() if last_and - (count - 2) > 0 else zone[0]
    after = next((j.start() for j in joins[last_and + 1 :]), zone[1])
    bounds = [before, *(p for j in cuts for p in (j.start(), j.end())), after]
    items = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    # Items of one list are alike: the first is read as long as the last ("Michael Rakowitz",
    # "Heather Phillipson"), not back over what the whole list shares ("will be unveiled in").
    items[-1] = (items[-1][0], _first_words(text, *items[-1], _ITEM_WORDS))
    items[0] = (_last_words(text, *items[0], len(tokens(text[slice(*items[-1])])) or 1), items[0][1])
    return items


def _last_words(text: str, start: int, end: int, words: int) -> int:
    kept = tokens(text[start:end])[-words:]
    return start + kept[0].start if kept else end


def _first_words(text: str, start: int, end: int, words: int) -> int:
    kept = tokens(text[start:end])[:words]
    return start + kept[-1].end if kept else start


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem_with_irregulars(t.text) for t in tokens(text))


__all__ = ["respective_value"]
