"""Results as CSV or JSON files, for FOI officers' spreadsheets."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata

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


# Excel reads a CSV without a byte-order mark as Windows-1252, and "£" becomes "Â£".
UTF8_BOM = "\ufeff"
FILENAME_QUERY_CHARS = 60


def csv_filename(query: str, day: dt.date) -> str:
    """'community engagement, since 2018!' → 'decisions-community-engagement-since-2018-2026-12-01.csv':
    ASCII letters, digits and hyphens only, so no header or file system can misread it."""
    ascii_text = unicodedata.normalize("NFKD", query).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:FILENAME_QUERY_CHARS].rstrip("-")
    return "-".join(part for part in ("decisions", words, day.isoformat()) if part) + ".csv"


def results_csv(results: list[SearchResult], base_url: str = "") -> str:
    out = io.StringIO()
    out.write(UTF8_BOM)
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
