"""The filters a person may set, listed once: the command line, the JSON API's parameters, the
search page's form and the search's list of filter keys are all derived from this list.

`kind` says how a value is written and checked; each floor turns it into its own type
(argparse options, pydantic fields, form boxes) without importing anything above this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TEXT_MAX_CHARS = 200  # a name or part of one; longer is not a filter


@dataclass(frozen=True)
class FilterField:
    name: str  # the parameter: type, date_from, …
    kind: Literal["type", "date", "pounds", "text"]
    label: str  # how a page names it
    help: str  # one line for the API documentation and `decisions search --help`

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


FILTERS = (
    FilterField("type", "type", "Decision type", "Decision type"),
    FilterField("date_from", "date", "Date from", "On or after (ISO date)"),
    FilterField("date_to", "date", "Date to", "On or before (ISO date)"),
    FilterField("min_amount", "pounds", "Minimum amount", "Approved amount at least, in pounds"),
    FilterField("max_amount", "pounds", "Maximum amount", "Approved amount at most, in pounds"),
    FilterField("decision_maker", "text", "Decision maker", "Part of the decision maker's name or role"),
    FilterField("directorate", "text", "Directorate", "Part of the directorate's name"),
)
FILTER_NAMES = tuple(f.name for f in FILTERS)
# Read only from a query's words ("with a Part 2", "deferred"), never set as a parameter.
QUERY_ONLY_FILTERS = ("has_part2", "deferred")
