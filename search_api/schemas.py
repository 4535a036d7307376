"""Response models for the JSON API: they are the OpenAPI schema users read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from typing import Literal

from pydantic import BaseModel, Field, create_model

from decisions.filters import FILTER_NAMES, FILTERS, TEXT_MAX_CHARS
from decisions.records import DECISION_TYPES
from storage.base import DecisionRow

# How each kind of filter in decisions.filters is typed: as a request parameter (checked) and
# in a response (as the search applied it, dates as ISO strings).
PARAM_TYPES = {"type": Literal[DECISION_TYPES], "date": dt.date, "pounds": int, "text": str}
PARAM_LIMITS = {"pounds": {"ge": 0}, "text": {"max_length": TEXT_MAX_CHARS}}
APPLIED_TYPES = {"type": str, "date": str, "pounds": int, "text": str}
APPLIED_EXAMPLES = {"type": ["mayoral"], "date_from": ["2018-01-01"]}


class _Chosen(BaseModel):
    def chosen(self) -> dict:
        """The filters set, dates as ISO strings, as search and answers take them."""
        values = self.model_dump(include=set(FILTER_NAMES))
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items() if v is not None}


FilterParams = create_model(
    "FilterParams",
    __base__=_Chosen,
    __doc__="""The filters a request may set explicitly; they win over filters read from its words.

    One model for the search and answer endpoints, as query parameters and in a JSON body.
    """,
    **{
        f.name: (PARAM_TYPES[f.kind] | None, Field(None, description=f.help, **PARAM_LIMITS.get(f.kind, {})))
        for f in FILTERS
    },
)


class UnderstoodFilter(BaseModel):
    name: str = Field(description="The filter read from the query", examples=["date_from"])
    value: str | int | bool = Field(examples=["2018-01-01"])
    words: str = Field(description="The words of the query it came from", examples=["since 2018"])


Filters = create_model(
    "Filters",
    **{
        f.name: (
            APPLIED_TYPES[f.kind] | None,
            Field(None, description=f.help, examples=APPLIED_EXAMPLES.get(f.name)),
        )
        for f in FILTERS
    },
    has_part2=(bool | None, None),
    deferred=(bool | None, None),
    understood=(
        list[UnderstoodFilter],
        Field(default_factory=list, description="Filters read from the query text"),
    ),
    dates_note=(str | None, None),
)


class PassageOut(BaseModel):
    chunk_id: str
    text: str
    highlight: str = Field(description="HTML: the escaped text with <mark> around matched words")
    paragraph: str | None = Field(None, examples=["2.7"])
    section: str | None = None
    score: float
    url: str = Field(
        description="Link to the passage in its decision page", examples=["/decisions/MD2848#p-2.7"]
    )


class ResultOut(BaseModel):
    ref: str | None = Field(description="Reference code; null for documents without one", examples=["MD2848"])
    id: str = Field(description="The decision's id in this index (its reference code when it has one)")
    title: str
    decision_type: str = Field(examples=["mayoral"])
    date: str | None = Field(examples=["2021-09-01"])
    date_inferred: bool = Field(description="True when the date was inferred from the text, not stated")
    decision_maker: str | None
    directorate: str | None = None
    amounts: list[int] = Field(description="Amounts in pounds, in order of appearance")
    approved_amount: int | None = None
    url: str = Field(description="The decision's page on this site", examples=["/decisions/MD2848"])
    original_url: str | None = Field(
        None, description="The decision as published on london.gov.uk, when the corpus metadata gives it"
    )
    score: float
    passages: list[PassageOut]


class FacetValue(BaseModel):
    value: str = Field(examples=["mayoral"])
    label: str = Field(examples=["Mayoral Decision"])
    count: int = Field(description="Matching decisions with this value, over all pages")
    filters: dict[str, str | int] = Field(
        description="The search parameters that narrow the search to this value",
        examples=[{"date_from": "2021-01-01", "date_to": "2021-12-31"}],
    )
    inferred: int | None = Field(
        None, description="Years only: how many of these dates were inferred from the text"
    )


class Facets(BaseModel):
    type: list[FacetValue] = Field(default_factory=list)
    year: list[FacetValue] = Field(default_factory=list)
    decision_maker: list[FacetValue] = Field(default_factory=list)
    directorate: list[FacetValue] = Field(default_factory=list)
    amount: list[FacetValue] = Field(
        default_factory=list, description="Approved amount (else the largest mentioned), in bands"
    )


class SearchOut(BaseModel):
    query: str
    text: str = Field(description="What was searched once filters were read out of the query")
    mode: str
    filters: Filters
    total: int = Field(description="How many decisions match in all (results holds one page)")
    limit: int
    offset: int
    reason: str | None = Field(None, description="Why the list is empty, when it is")
    relaxed: list[UnderstoodFilter] = Field(
        default_factory=list,
        description="Filters read from the query that left no decision, so the search ran without them",
    )
    note: str | None = Field(
        None,
        description="What was relaxed, in plain words",
        examples=["No decision dated 2031 matches; showing results from any date."],
    )
    suggestion: str | None = Field(
        None,
        description="The query with misspelt words corrected from the index's own words",
        examples=["community engagement"],
    )
    results: list[ResultOut]
    facets: Facets = Field(
        default_factory=Facets, description="How all the matching decisions divide, with counts"
    )


class SourceOut(BaseModel):
    path: str
    kind: str


class ParagraphOut(BaseModel):
    number: str | None
    section: str | None
    text: str
    anchor: str = Field(examples=["p-2.5"])


class LinkOut(BaseModel):
    ref: str
    id: str | None = Field(None, description="Set when that decision is in the index")
    title: str | None = None


def _row_fields() -> dict:
    """DecisionRow's fields as pydantic fields: the catalog's decision row is defined once."""
    hints = typing.get_type_hints(DecisionRow)
    return {
        f.name: (hints[f.name], ... if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(DecisionRow)
    }


class DecisionOut(create_model("DecisionFields", **_row_fields())):
    original_url: str | None = Field(
        None, description="The decision as published on london.gov.uk, when the corpus metadata gives it"
    )
    withheld: bool = Field(False, description="Only in staff mode: hidden from the public")
    sources: list[SourceOut]
    paragraphs: list[ParagraphOut]
    cites: list[LinkOut]
    cited_by: list[LinkOut]


class HealthOut(BaseModel):
    status: str
    decisions: int
    chunks: int
    model: str
    vector_index: str
    last_indexed: str | None
    generation: str
    staff_mode: bool
    store: str = Field("local", description="where the search runs: local files or milvus")


class ErrorOut(BaseModel):
    title: str
    detail: str
