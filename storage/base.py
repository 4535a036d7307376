"""The storage interface: what the search asks of wherever the index is kept.

In the manner of txtai's ANN backends: a small set of calls any engine can answer. Filters
travel as values (`Filters`), never as a mask over one backend's row numbers, so an engine
that filters on its own fields can take them as they are. The local backend (`local.py`) is
SQLite + FTS5 + FAISS; a chunk's id is its catalog rowid (1-based), stable within a generation.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Protocol

import numpy as np

from decisions.records import type_codes

SLUG_CHARS = 60  # a document's address: its title cut at a word, then part of its content hash
SLUG_HASH_CHARS = 6


class SearchTooExpensive(RuntimeError):
    """A keyword query the engine stopped because it would take too long."""


@dataclass
class DecisionRow:
    """A decision as the catalog holds it (sources and paragraphs are read on demand)."""

    id: str
    ref: str | None
    decision_type: str
    title: str
    decision_maker: str | None
    decision_maker_role: str | None
    directorate: str | None
    date: str | None
    date_inferred: bool
    date_source: str | None
    date_signed: str | None
    date_published: str | None
    deferred_until: str | None
    approved_amount: int | None
    amounts: list[int]
    part2: bool
    has_part2: bool
    original_url: str | None = None  # the decision on london.gov.uk, from the corpus metadata

    @property
    def address(self) -> str:
        """The URL segment: the reference code, or for a document without one a readable, stable
        slug of its title and its content hash (`invitations-for-expression-of-interest-…-385348`)."""
        if self.ref or not self.id.startswith("doc-"):
            return self.id
        slug = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")
        if len(slug) > SLUG_CHARS:
            slug = slug[:SLUG_CHARS].rsplit("-", 1)[0]
        return f"{slug or 'document'}-{self.id[4 : 4 + SLUG_HASH_CHARS]}"

    @property
    def url(self) -> str:
        return f"/decisions/{self.address}"


def is_withheld(decision: DecisionRow, today: dt.date) -> bool:
    """Public mode must not show a decision before its deferral date, nor any Part 2 document."""
    if decision.part2:
        return True
    return bool(decision.deferred_until and decision.deferred_until > today.isoformat())


def filter_amount(d: DecisionRow) -> int | None:
    """The amount the amount filters test: the approved amount, else the largest one mentioned."""
    return amount_for_filters(d.approved_amount, d.amounts)


def amount_for_filters(approved: int | None, amounts: list[int]) -> int | None:
    return approved if approved is not None else (max(amounts) if amounts else None)


def maker_text(name: str | None, role: str | None) -> str:
    """What the decision-maker filter matches a part of: name and role, lowercased."""
    return f"{name or ''} {role or ''}".strip().lower()


@dataclass(frozen=True)
class Filters:
    """Which decisions a request asked for and may see, as values (hashable: a backend may cache by it).

    Empty fields do not filter. `staff` and `today` are the withheld rules: without staff, Part 2
    documents and decisions deferred past `today` are never returned.
    """

    staff: bool = False
    today: dt.date | None = None  # None: every deferred decision counts as withheld
    type: str | None = None  # a decision type code (records.TYPE_LABELS), or several joined by commas
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive
    min_amount: int | None = None  # pounds, tested against filter_amount
    max_amount: int | None = None
    decision_maker: str | None = None  # part of the decision maker's name or role, any case
    directorate: str | None = None  # part of the directorate's name, any case
    has_part2: bool = False  # only decisions with a confidential Part 2
    deferred: bool = False  # only decisions whose publication was deferred
    citing: str | None = None  # only decisions that cite this reference ("decisions citing DD2624")
    excluded_ids: frozenset[str] = frozenset()  # decisions left out (the query excludes their subject)
    skip_boilerplate: bool = False  # chunks only: leave out boilerplate passages

    @classmethod
    def of(cls, filters: Mapping, staff: bool, today: dt.date | None) -> Filters:
        """From the search's filter dict (keys as in decisions.filters); unknown keys are ignored."""
        names = {f.name for f in fields(cls)} - {
            "staff",
            "today",
            "citing",
            "excluded_ids",
            "skip_boilerplate",
        }
        given = {k: v for k, v in filters.items() if k in names and v not in (None, "", False)}
        return cls(staff=staff, today=today, **given)

    def admits(self, d: DecisionRow, cites: list[str] | None = None) -> bool:
        """Whether the decision passes the withheld rules and every filter set (`cites`: the
        references the decision makes, needed only when `citing` is set)."""
        if d.id in self.excluded_ids:
            return False
        if self.citing and self.citing not in (cites or []):
            return False
        if not self.staff and is_withheld(d, self.today or dt.date.min):
            return False
        if self.type and d.decision_type not in type_codes(self.type):
            return False
        if self.date_from and (not d.date or d.date < self.date_from):
            return False
        if self.date_to and (not d.date or d.date > self.date_to):
            return False
        amount = filter_amount(d)
        if self.min_amount is not None and (amount is None or amount < self.min_amount):
            return False
        if self.max_amount is not None and (amount is None or amount > self.max_amount):
            return False
        if self.decision_maker:
            if self.decision_maker.lower() not in maker_text(d.decision_maker, d.decision_maker_role):
                return False
        if self.directorate and self.directorate.lower() not in (d.directorate or "").lower():
            return False
        if self.has_part2 and not (d.has_part2 or d.part2):
            return False
        if self.deferred and not d.deferred_until:
            return False
        return True


@dataclass(frozen=True)
class WordQuery:
    """A keyword query as values, for any engine to run its own way (FTS5 MATCH, Milvus BM25).

    A chunk matches when it holds one of `required` (every one when `every`), one of `phrases`
    as a word sequence (every one when `every`), and one of `words`; each part left empty does
    not restrict. Every word given counts in the ranking. `body_only`: the passage's own text,
    not its decision's title. Words are as the user typed them: each engine stems its own way.
    """

    words: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    every: bool = False
    body_only: bool = False

    def __bool__(self) -> bool:
        return bool(self.words or self.required or self.phrases)

    @property
    def all_words(self) -> list[str]:
        """Every word the query holds, once each, in order."""
        return list(dict.fromkeys([*self.required, *(w for p in self.phrases for w in p), *self.words]))


@dataclass(frozen=True)
class Paragraph:
    """One numbered (or unnumbered) paragraph of a source, in reading order."""

    position: int  # its place in the source, from 0
    number: str | None  # the number the document gives it ("2.3"), if any
    section: str | None  # the heading it sits under
    text: str


class Store(Protocol):
    """One generation of the index, read-only. Chunk ids are ints, unique within a generation."""

    decisions: dict[str, DecisionRow]  # every decision by id (withheld ones too: callers check Filters)
    by_ref: dict[str, str]  # a reference code → the id of the decision that has it
    known_names: dict[str, list[str]]  # "decision_maker" / "directorate" → names a query may filter by
    meta: dict[str, str]  # what the generation records of itself (model, corpus, indexed_at, ...)
    model: object  # the sentence-transformers model that embedded the chunks (and embeds queries)
    chunk_count: int

    def embed_query(self, text: str) -> np.ndarray:
        """The query's vector with the generation's model (normalised; may be shared: read-only)."""
        ...

    def admitted_decisions(self, filters: Filters) -> list[str]:
        """The ids of the decisions `filters` admits, in catalog (id) order."""
        ...

    def keyword(self, query: WordQuery, filters: Filters, k: int) -> list[int]:
        """Chunk ids whose text satisfies `query`, best BM25 first, at most `k`, only of decisions `filters` admits. Raises SearchTooExpensive."""
        ...

    def nearest(self, vector: np.ndarray, filters: Filters, k: int) -> list[int]:
        """The `k` chunk ids whose embeddings have the largest inner product with `vector`
        (normalised, the model's dimension), best first, only of decisions `filters` admits."""
        ...

    def keyword_scores(self, query: WordQuery, filters: Filters) -> dict[int, float]:
        """Every chunk id satisfying `query` that `filters` admits, with its BM25 score (higher is
        better). Raises SearchTooExpensive."""
        ...

    def match_count(self, query: WordQuery) -> int:
        """How many chunks satisfy `query`."""
        ...

    def holding(self, query: WordQuery, k: int) -> list[int]:
        """Up to `k` chunk ids satisfying `query`, unranked and unfiltered (cheap: for counting and
        membership). Raises SearchTooExpensive."""
        ...

    def admitted(self, ids: list[int], filters: Filters) -> list[int]:
        """The chunk ids, in their order, whose decisions `filters` admits."""
        ...

    def owners(self, ids: list[int]) -> list[tuple[str, bool]]:
        """For each chunk id, in order: its decision's id and whether it is boilerplate (held in
        memory by the local backend: grouping hundreds of candidates must not cost a query each)."""
        ...

    def term_rows(self, token: str) -> int:
        """How many chunks hold this word, as the keyword index tokenizes and stems it."""
        ...

    def similarity(self, vector: np.ndarray, ids: list[int]) -> dict[int, float]:
        """The inner product of `vector` with each chunk's embedding, by chunk id."""
        ...

    def embeddings(self, ids: list[int]) -> np.ndarray:
        """The chunks' embeddings, one row per id in order (float32, normalised)."""
        ...

    def texts(self, ids: list[int]) -> dict[int, str]:
        """The chunks' texts by id (unknown ids left out)."""
        ...

    def chunks(self, ids: list[int]) -> list[sqlite3.Row]:
        """The chunks with these ids (rowid, id, decision_id, source_path, paragraph, section, text,
        start, boilerplate, stems), in no particular order; unknown ids are left out."""
        ...

    def chunks_of(self, decision_id: str) -> list[sqlite3.Row]:
        """Every chunk of one decision, as `chunks` returns them."""
        ...

    def leading_chunks(self, decision_id: str, count: int) -> list[int]:
        """The first `count` chunk ids of a decision that are not boilerplate, in reading order."""
        ...

    def source_paths(self, decision_id: str) -> list[str]:
        """The decision's sources, the web page or text first and the signed PDF after it."""
        ...

    def sources(self, decision_id: str) -> list[sqlite3.Row]:
        """The decision's sources as recorded: path, kind (html, txt, pdf) and sha256 of the file."""
        ...

    def source_chunks(self, decision_id: str, path: str) -> list[sqlite3.Row]:
        """The chunks of one source in reading order: rowid, id, paragraph, section, text, start,
        end (character offsets in the source text) and boilerplate."""
        ...

    def covering_chunk(self, decision_id: str, path: str, start: int, end: int) -> sqlite3.Row | None:
        """The smallest chunk of a source holding the characters [start, end), boilerplate last:
        id, paragraph, text, start. None when no chunk holds them."""
        ...

    def chunk_place(self, chunk_id: str) -> sqlite3.Row | None:
        """Where a chunk (by its string id) sits: decision_id, paragraph, section."""
        ...

    def decision_texts(self, decision_id: str) -> list[str]:
        """The text of every chunk of a decision."""
        ...

    def source_text(self, decision_id: str, path: str) -> str:
        """The clean text of one of a decision's sources ("" if it has no such source)."""
        ...

    def paragraphs(self, decision_id: str, path: str) -> list[Paragraph]:
        """The paragraphs of one source of a decision, in order."""
        ...

    def paragraph_at(self, decision_id: str, path: str, start: int) -> Paragraph | None:
        """The paragraph of a source that holds the character offset `start` (None before the first)."""
        ...

    def vocabulary(self) -> dict[str, int]:
        """Every indexed word with how many texts hold it (for spelling suggestions)."""
        ...

    def cites(self, decision_id: str) -> list[str]:
        """The references (codes) this decision cites, in the order it cites them."""
        ...

    def cited_by(self, ref: str) -> list[str]:
        """The ids of the decisions that cite this reference (held in the index or not)."""
        ...

    def count(self) -> int:
        """How many chunks the generation holds."""
        ...

    def health(self) -> dict:
        """What a health check reports: at least `generation`, `decisions` and `chunks`."""
        ...
