"""One decision as a full record: metadata, sources, paragraphs, cites and cited-by."""

from __future__ import annotations

import datetime as dt

from .filters import is_withheld
from .index import LoadedIndex


def paragraph_anchor(source_index: int, position: int, number: str | None) -> str:
    """`p-2.5` for numbered paragraphs of the main source (what users cite), else a positional id."""
    if number and source_index == 0:
        return f"p-{number}"
    return f"p-s{source_index}-{position}"


def source_paths(index: LoadedIndex, decision_id: str) -> list[str]:
    """The decision's sources, the web page or text first and the signed PDF after it."""
    return index.source_paths.get(decision_id, [])


def passage_anchor(index: LoadedIndex, decision_id: str, source_path: str, start: int) -> str:
    paths = source_paths(index, decision_id)
    row = index.db.execute(
        "SELECT position, number FROM paragraphs WHERE decision_id = ? AND source_path = ? AND start <= ? "
        "ORDER BY start DESC LIMIT 1",
        (decision_id, source_path, start),
    ).fetchone()
    if row is None:
        return ""
    source_index = paths.index(source_path) if source_path in paths else 0
    return paragraph_anchor(source_index, row["position"], row["number"])


def resolve(index: LoadedIndex, id_or_ref: str, staff: bool, today: dt.date) -> str | None:
    """The decision id for a URL segment, or None — also for a withheld one, so its existence does not leak."""
    key = id_or_ref.strip()
    decision_id = key if key in index.decisions else index.by_ref.get(key.upper().replace(" ", ""))
    if decision_id is None:
        return None
    if not staff and is_withheld(index.decisions[decision_id], today):
        return None
    return decision_id


def _link(index: LoadedIndex, ref: str, staff: bool, today: dt.date) -> dict:
    decision_id = resolve(index, ref, staff, today)
    title = index.decisions[decision_id].title if decision_id else None
    return {"ref": ref, "id": decision_id, "title": title}


def decision_record(index: LoadedIndex, decision_id: str, staff: bool, today: dt.date) -> dict:
    d = index.decisions[decision_id]
    paths = source_paths(index, decision_id)
    kinds = dict(
        index.db.execute("SELECT path, kind FROM sources WHERE decision_id = ?", (decision_id,)).fetchall()
    )
    paragraphs = []
    for source_index, path in enumerate(paths):
        rows = index.db.execute(
            "SELECT position, number, section, text FROM paragraphs WHERE decision_id = ? AND source_path = ? "
            "ORDER BY position",
            (decision_id, path),
        )
        for r in rows:
            paragraphs.append(
                {
                    "number": r["number"],
                    "section": r["section"],
                    "text": r["text"],
                    "anchor": paragraph_anchor(source_index, r["position"], r["number"]),
                    "source": path,
                }
            )
    cited_by_ids = [i for i in index.cited_by.get(d.ref or "", []) if resolve(index, i, staff, today)]
    return {
        **{k: getattr(d, k) for k in d.__dataclass_fields__},
        "withheld": is_withheld(d, today),
        "sources": [{"path": p, "kind": kinds[p]} for p in paths],
        "paragraphs": paragraphs,
        "cites": [_link(index, r, staff, today) for r in index.cites.get(decision_id, [])],
        "cited_by": [
            {"ref": index.decisions[i].ref or i, "id": i, "title": index.decisions[i].title}
            for i in cited_by_ids
        ],
    }
