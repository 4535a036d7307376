"""The 32 London boroughs and the City of London: what "which borough…" can be answered by."""

from __future__ import annotations

import functools
import re

BOROUGHS = (
    "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London", "Croydon",
    "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering",
    "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth",
    "Lewisham", "Merton", "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton",
    "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster",
)  # fmt: skip

# "Hammersmith & Fulham", "Kingston" (upon Thames is often left out), "LB Hounslow", "Ealing Council".
_NAMES = sorted(
    {n.replace(" and ", r" (?:and|&) ") for n in BOROUGHS} | {"Kingston", "Richmond"}, key=len, reverse=True
)
_NAMED = re.compile(rf"\b(?:{'|'.join(_NAMES)})\b")
_BOROUGH = re.compile(rf"{_NAMED.pattern}|\bBorough\b|\bLB [A-Z]")


def names_a_borough(text: str) -> bool:
    """Does the text name a London borough ("London Borough of Hounslow", "Brent", "LB Ealing")?"""
    return bool(_BOROUGH.search(text))


@functools.lru_cache(maxsize=256)
def boroughs_named(text: str) -> frozenset[str]:
    """The boroughs a text names, each one way: "Hammersmith & Fulham" is "hammersmith and fulham",
    "Kingston upon Thames" is "kingston"."""
    return frozenset(
        m.group().lower().replace("&", "and").replace(" upon thames", "") for m in _NAMED.finditer(text)
    )


# Boroughs listed together: "(Ealing, Brent, and Hammersmith & Fulham)", "Waltham Forest, Brent (two
# Zones), Enfield" (a borough's own note in brackets stays in the list).
_NOTE = r"\s*\(([^()]{1,40})\)"
_LISTED = re.compile(
    rf"{_NAMED.pattern}(?:{_NOTE})?(?:(?:,\s*|,?\s+(?:and|&)\s+){_NAMED.pattern}(?:{_NOTE})?)*"
)


def borough_lists(text: str) -> list[tuple[int, int]]:
    """Where the text names boroughs, one or several listed together, as (start, end) offsets."""
    return [m.span() for m in _LISTED.finditer(text)]


# "Waltham Forest, Brent (two Zones), Enfield": a borough with a note of its own in brackets.
_NOTED = re.compile(rf"({_NAMED.pattern}){_NOTE}")


def noted_boroughs(text: str) -> list[tuple[int, int, str]]:
    """Boroughs followed by a bracketed note, as (start, end, note): "Brent (two Zones)"."""
    return [(m.start(1), m.end(1), m.group(2)) for m in _NOTED.finditer(text)]
