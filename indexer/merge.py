"""One decision per reference code, however many files it was read from.

A user's folder holds the london.gov.uk page of DD2691 beside its signed PDF:
that is one decision with two sources. Stated facts win over inferred ones, and
earlier sources (in path order) win ties, so the result does not depend on luck.
"""

from __future__ import annotations

from collections import defaultdict

from decisions.records import Decision, SourceDocument

_SCALAR_FIELDS = (
    "decision_maker",
    "decision_maker_role",
    "directorate",
    "date_signed",
    "date_published",
    "deferred_until",
    "approved_amount_pounds",
)


def decision_id_for(doc: SourceDocument) -> str:
    return doc.ref or f"doc-{doc.sha256[:12]}"


def _best_date(sources: list[SourceDocument]) -> tuple[str | None, bool, str | None]:
    stated = [s for s in sources if s.date and not s.date_inferred]
    inferred = [s for s in sources if s.date and s.date_inferred]
    chosen = (stated or inferred or [None])[0]
    if chosen is None:
        return None, False, None
    return chosen.date, chosen.date_inferred, chosen.date_source


def merge_sources(sources: list[SourceDocument]) -> Decision:
    sources = sorted(sources, key=lambda s: (s.kind == "pdf", s.path))
    first = sources[0]
    decision = Decision(
        id=decision_id_for(first),
        ref=first.ref,
        decision_type=next((s.decision_type for s in sources if s.decision_type != "other"), "other"),
        title=next((s.title for s in sources if s.title), first.path),
        sources=sources,
    )
    for field in _SCALAR_FIELDS:
        setattr(decision, field, next((getattr(s, field) for s in sources if getattr(s, field)), None))
    decision.date, decision.date_inferred, decision.date_source = _best_date(sources)
    decision.amounts_pounds = list(dict.fromkeys(a for s in sources for a in s.amounts_pounds))
    decision.linked_refs = [
        r for r in dict.fromkeys(r for s in sources for r in s.linked_refs) if r != decision.ref
    ]
    decision.original_url = next((s.url for s in sources if s.url), None)
    decision.part2 = any(s.part2 for s in sources)
    decision.has_part2 = any(s.has_part2 for s in sources)
    return decision


def merge_documents(docs: list[SourceDocument]) -> list[Decision]:
    groups: dict[str, list[SourceDocument]] = defaultdict(list)
    for doc in docs:
        groups[decision_id_for(doc)].append(doc)
    return [merge_sources(group) for _, group in sorted(groups.items())]
