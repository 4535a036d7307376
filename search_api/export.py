"""Results as CSV or JSON files, for FOI officers' spreadsheets."""

from __future__ import annotations

import csv
import io

from decisions.records import SearchResult

CSV_COLUMNS = [
    "ref",
    "title",
    "date",
    "date_inferred",
    "decision_type",
    "decision_maker",
    "directorate",
    "approved_amount",
    "amounts",
    "url",  # the decision's page on this site
    "original_url",  # the decision on london.gov.uk, when the corpus metadata gives it
    "passages",
]


def _cell(value: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def results_csv(results: list[SearchResult], base_url: str = "") -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in results:
        passages = " | ".join(f"[{p.paragraph or '-'}] {p.text}" for p in r.passages)
        writer.writerow(
            [
                _cell(str(v))
                for v in (
                    r.ref or "",
                    r.title,
                    r.date or "",
                    "yes" if r.date_inferred else "no",
                    r.decision_type,
                    r.decision_maker or "",
                    r.directorate or "",
                    r.approved_amount if r.approved_amount is not None else "",
                    ";".join(str(a) for a in r.amounts),
                    base_url + r.url,
                    r.original_url or "",
                    passages,
                )
            ]
        )
    return out.getvalue()
