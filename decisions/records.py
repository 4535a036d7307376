"""The records that cross module lines, defined once.

`indexer/` turns files into `SourceDocument`s (one per file), merges them into
`Decision`s (one per reference code) and cuts them into `Chunk`s; `search_api/`
returns `SearchResult`s and `Answer`s built from those chunks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# How a search may match: words and meaning together, words alone, meaning alone, or every
# decision holding all the words (for Freedom of Information work).
SEARCH_MODES = ("hybrid", "keyword", "semantic", "exhaustive")
DECISION_TYPES = ("mayoral", "director", "assistant_director", "executive_director", "other")
TYPE_LABELS = {
    "mayoral": "Mayoral Decision",
    "director": "Director Decision",
    "assistant_director": "Assistant Director Decision",
    "executive_director": "Executive Director Decision",
    "other": "Other document",
}


def type_codes(value: str) -> tuple[str, ...]:
    """The decision types a type filter admits: one code, or several joined by commas, as read from
    "director and assistant director decisions" ("director,assistant_director")."""
    return tuple(code for code in value.split(",") if code)


def type_label(value: str, plural: bool = False) -> str:
    """'Director Decision or Assistant Director Decision' for a filter on both types."""
    return " or ".join(TYPE_LABELS.get(code, code) + ("s" if plural else "") for code in type_codes(value))


@dataclass
class Paragraph:
    """A numbered paragraph (or an unnumbered block) of a document, in reading order.

    `start`/`end` are character offsets into `SourceDocument.text`.
    """

    text: str
    start: int
    end: int
    number: str | None = None  # "2.5", "1.10"; None for unnumbered blocks
    section: str | None = None  # the heading the paragraph sits under


@dataclass
class SourceDocument:
    """What parsing one file yields: clean text plus the metadata read from it."""

    path: str  # path relative to the corpus folder
    kind: str  # "web" | "pdf" | "text" | "html"
    text: str  # cleaned full text; paragraph offsets point into it
    sha256: str
    title: str
    ref: str | None = None  # "MD2848"
    decision_type: str = "other"  # one of DECISION_TYPES
    decision_maker: str | None = None  # "Sadiq Khan"
    decision_maker_role: str | None = None  # "Mayor of London"
    directorate: str | None = None
    date_signed: str | None = None  # ISO dates, "2025-11-18"
    date_published: str | None = None
    deferred_until: str | None = None
    date: str | None = None  # the best date we have: signed, else published, else inferred
    date_inferred: bool = False
    date_source: str | None = (
        None  # why this date: "Date signed field", "latest approval date in 'Date: 18/11/2025'"
    )
    amounts_pounds: list[int] = field(default_factory=list)  # every amount, normalised, in order seen
    approved_amount_pounds: int | None = None  # the amount the decision approves, if stated
    linked_refs: list[str] = field(default_factory=list)  # other decisions this one cites
    part2: bool = False  # the document *is* a confidential Part 2
    has_part2: bool = False  # the decision has a separate Part 2 form
    paragraphs: list[Paragraph] = field(default_factory=list)
    url: str | None = None  # where the file was published ("https://www.london.gov.uk/…/md2848-…")


@dataclass
class Decision:
    """One decision, possibly read from several sources (web page + signed PDF)."""

    id: str  # the reference code, or "doc-<hash>" for documents without one
    ref: str | None
    decision_type: str
    title: str
    sources: list[SourceDocument]
    decision_maker: str | None = None
    decision_maker_role: str | None = None
    directorate: str | None = None
    date: str | None = None
    date_inferred: bool = False
    date_source: str | None = None
    date_signed: str | None = None
    date_published: str | None = None
    deferred_until: str | None = None
    amounts_pounds: list[int] = field(default_factory=list)
    approved_amount_pounds: int | None = None
    linked_refs: list[str] = field(default_factory=list)
    part2: bool = False
    has_part2: bool = False
    original_url: str | None = None  # the decision on london.gov.uk (its first source's `url`)


@dataclass
class Chunk:
    """The unit we embed and retrieve: part of one paragraph (or several tiny ones)."""

    id: str  # stable: hash of decision id, source path, position and text
    decision_id: str
    source_path: str
    text: str
    start: int  # character offsets in the source text
    end: int
    position: int  # order within the source
    paragraph: str | None = None  # "2.5"
    section: str | None = None
    boilerplate: bool = False  # Equality Act, legal powers, site footer: never wins alone


@dataclass
class Passage:
    chunk_id: str
    text: str
    highlight: str  # HTML-escaped text with <mark> around matched terms
    paragraph: str | None
    section: str | None
    score: float
    source_path: str | None = None
    url: str = ""  # the decision page, anchored at the passage's paragraph


@dataclass
class SearchResult:
    decision_id: str
    ref: str | None
    title: str
    decision_type: str
    date: str | None
    date_inferred: bool
    decision_maker: str | None
    directorate: str | None
    amounts: list[int]
    approved_amount: int | None
    url: str  # the decision's page on this site
    score: float
    passages: list[Passage]
    original_url: str | None = None  # the decision on london.gov.uk, when its metadata says


@dataclass
class Citation:
    ref: str | None
    decision_id: str
    title: str
    paragraph: str | None
    chunk_id: str
    text: str
    quote: str  # the exact sentence the answer came from
    url: str


@dataclass
class Answer:
    question: str
    answered: bool
    answer: str
    confidence: float
    citations: list[Citation]
    filters: dict
    explanation: str | None = None
    related: list[Passage] = field(default_factory=list)  # "possibly related" when abstaining
