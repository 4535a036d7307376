"""One decision as a full record: metadata, sources, paragraphs, cites and cited-by."""

from __future__ import annotations

import datetime as dt
import re

from decisions.records import Citation

from .filters import is_withheld
from .index import LoadedIndex


def paragraph_anchor(source_index: int, position: int, number: str | None) -> str:
    """`p-2.5` for numbered paragraphs of the main source (what users cite), else a positional id."""
    if number and source_index == 0:
        return f"p-{number}"
    return f"p-s{source_index}-{position}"


def source_paths(index: LoadedIndex, decision_id: str) -> list[str]:
    """The decision's sources, the web page or text first and the signed PDF after it."""
    return index.source_paths(decision_id)


def cite(index: LoadedIndex, decision, path: str, chunk, quote: str) -> Citation:
    """A citation of `quote` in `chunk` (a chunk row of `decision`'s source `path`), anchored at
    the chunk's paragraph on the decision page."""
    anchor = passage_anchor(index, decision.id, path, chunk["start"])
    url = f"{decision.url}#{anchor}" if anchor else decision.url
    return Citation(
        decision.ref, decision.id, decision.title, chunk["paragraph"], chunk["id"], chunk["text"], quote, url
    )


def source_text(index: LoadedIndex, decision_id: str, path: str) -> str:
    """The clean text of one of a decision's sources ("" if it has no such source)."""
    return index.source_text(decision_id, path)


def passage_anchor(index: LoadedIndex, decision_id: str, source_path: str, start: int) -> str:
    paths = source_paths(index, decision_id)
    found = index.paragraph_at(decision_id, source_path, start)
    if found is None:
        return ""
    source_index = paths.index(source_path) if source_path in paths else 0
    return paragraph_anchor(source_index, found.position, found.number)


def _by_address(index: LoadedIndex, key: str) -> str | None:
    """A document without a code, by its readable address (`…-385348`), or by an older slug of
    its title: the hash at the end decides, so a retitled document keeps being found."""
    match = re.search(r"-([0-9a-f]{6,12})$", key)
    if not match:
        return None
    found = [i for i in index.decisions if i.startswith("doc-" + match.group(1))]
    return found[0] if len(found) == 1 else None


def resolve(index: LoadedIndex, id_or_ref: str, staff: bool, today: dt.date) -> str | None:
    """The decision id for a URL segment, or None — also for a withheld one, so its existence does not leak."""
    key = id_or_ref.strip()
    decision_id = key if key in index.decisions else index.by_ref.get(key.upper().replace(" ", ""))
    if decision_id is None:
        decision_id = _by_address(index, key.lower())
    if decision_id is None:
        return None
    if not staff and is_withheld(index.decisions[decision_id], today):
        return None
    return decision_id


def citing_ids(index: LoadedIndex, ref: str | None, staff: bool, today: dt.date) -> list[str]:
    """The decisions citing `ref` that this request may see (held or not, the reference may be)."""
    return [i for i in index.cited_by(ref or "") if resolve(index, i, staff, today)]


def citing_decisions(index: LoadedIndex, ref: str | None, staff: bool, today: dt.date) -> list[dict]:
    return [
        {"ref": index.decisions[i].ref or i, "id": i, "title": index.decisions[i].title,
         "url": index.decisions[i].url}
        for i in citing_ids(index, ref, staff, today)
    ]  # fmt: skip


def citation_counts(index: LoadedIndex, decision_id: str, staff: bool, today: dt.date) -> dict:
    """How many references the decision makes, and how many visible decisions cite it."""
    ref = index.decisions[decision_id].ref
    return {
        "cites": len(index.cites(decision_id)),
        "cited_by": len(citing_ids(index, ref, staff, today)),
    }


def _link(index: LoadedIndex, ref: str, staff: bool, today: dt.date) -> dict:
    decision_id = resolve(index, ref, staff, today)
    if decision_id is None:  # not held (or not public): its page lists who cites it
        return {"ref": ref, "id": None, "title": None, "url": f"/decisions/{ref}"}
    return {"ref": ref, "id": decision_id, "title": index.decisions[decision_id].title,
            "url": index.decisions[decision_id].url}  # fmt: skip


def decision_record(index: LoadedIndex, decision_id: str, staff: bool, today: dt.date) -> dict:
    d = index.decisions[decision_id]
    paths = source_paths(index, decision_id)
    kinds = {row["path"]: row["kind"] for row in index.sources(decision_id)}
    paragraphs = []
    for source_index, path in enumerate(paths):
        for p in index.paragraphs(decision_id, path):
            paragraphs.append(
                {
                    "number": p.number,
                    "section": p.section,
                    "text": p.text,
                    "anchor": paragraph_anchor(source_index, p.position, p.number),
                    "source": path,
                }
            )
    return {
        **{k: getattr(d, k) for k in d.__dataclass_fields__},
        "withheld": is_withheld(d, today),
        "sources": [{"path": p, "kind": kinds[p]} for p in paths],
        "paragraphs": paragraphs,
        "cites": [_link(index, r, staff, today) for r in index.cites(decision_id)],
        "cited_by": citing_decisions(index, d.ref, staff, today),
        "url": d.url,
    }
