"""Presenting decisions and passages: formatting filters, result snippets, a decision's text by section.

Plain functions of plain values, used by the templates (as Jinja filters) and by web.routes.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections import Counter
from dataclasses import replace

from markupsafe import Markup

from decisions.records import DECISION_TYPES, TYPE_LABELS, Passage
from indexer.refs import ref_spans
from search_api.answer_spans import bare_value
from search_api.filters import visible
from search_api.highlight import highlight

# A passage is a whole chunk (up to a timetable or a risk table); a result shows about three lines of it.
SNIPPET_CHARS = 320
SNIPPET_LEAD_CHARS = 80  # context kept before the first matched word
SOURCE_KINDS = {"web": "web page", "html": "web page", "text": "web page (text copy)", "pdf": "PDF"}
INFERRED_DATE_NOTE = (
    "Approximate: no signed or published date was found, so this date was inferred from the text"
)


def pounds(amount: int | None) -> str:
    return "" if amount is None else f"£{amount:,}"


def long_date(iso: str | None) -> str:
    """'2021-08-01' → '1 August 2021', the GOV.UK style; anything unparseable is shown as given."""
    try:
        day = dt.date.fromisoformat(iso or "")
    except ValueError:
        return iso or ""
    return f"{day.day} {day:%B %Y}"


def sentence(text: str) -> str:
    """First letter up, the rest as written (Jinja's `capitalize` lowercases 'MD2721')."""
    return text[:1].upper() + text[1:]


def drop_lead(text: str, lead: str) -> str:
    """'Not found in the decisions: the decisions never mention x' under a heading that says the first part."""
    rest = re.sub(rf"^\s*{re.escape(lead)}\s*[:.,–-]?\s*", "", text or "", flags=re.IGNORECASE)
    return sentence(rest.strip().rstrip("."))


def source_kind(source: dict) -> str:
    kind = SOURCE_KINDS.get(source["kind"], source["kind"])
    # The GLA publishes the signed decision form as a PDF beside the web page.
    return "signed PDF" if kind == "PDF" and "signed" in source["path"].lower() else kind


def snippet(passage: Passage, query_text: str) -> Passage:
    """The passage cut to a window around its first matched word, highlighted again.

    The window is cut from the plain text and re-marked by `search_api.highlight`, which escapes
    first, so the shortened `highlight` is exactly as safe as the original.
    """
    first = passage.highlight.find("<mark>")
    # Where the first mark sits in the plain text: the highlight is escaped text plus <mark> tags.
    centre = len(html.unescape(re.sub(r"</?mark>", "", passage.highlight[:first]))) if first > 0 else 0
    text = strip_number(passage.text, passage.paragraph)  # "Paragraph 2.7" is shown above it
    centre = max(0, centre - (len(passage.text) - len(text)))
    if len(text) > SNIPPET_CHARS * 1.2:
        start = max(0, centre - SNIPPET_LEAD_CHARS)
        start = start if start == 0 else text.find(" ", start) + 1
        end = text.rfind(" ", start, start + SNIPPET_CHARS)
        end = end if end > start else start + SNIPPET_CHARS
        text = ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")
    text = re.sub(r"\s+", " ", text).strip()  # tables and bullet lists read as one line in a result
    marked = {html.unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", passage.highlight)}
    if marked and not re.search(r"\w", query_text):
        # A search with only filters: the marks are the amount or date the filter matched.
        return replace(passage, text=text, highlight=mark_phrases(text, marked))
    return replace(passage, text=text, highlight=highlight(text, query_text))


def mark_phrases(text: str, phrases: set[str]) -> str:
    """`text` escaped, each of `phrases` ("£72,765", "8 January 2014") in <mark>."""
    pattern = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    out, last = [], 0
    for found in re.finditer(pattern, text):
        out += [html.escape(text[last : found.start()]), f"<mark>{html.escape(found.group())}</mark>"]
        last = found.end()
    return "".join(out) + html.escape(text[last:])


def strip_number(text: str, number: str | None) -> str:
    """'1.1.    The London…' → 'The London…': the number is shown beside the paragraph already."""
    if not number:
        return text
    return re.sub(rf"^\s*(?:[-•]\s*)?{re.escape(number)}\.?\s+", "", text, count=1)


def reflow(text: str) -> str:
    """Join the lines a PDF wrapped at the page width; keep short lines ('Date signed:') apart.

    A line of 60 characters or more that runs on is a wrapped line, not the end of a list item.
    """
    return re.sub(r"(?<=[^\n]{60})\n(?=\S)", " ", text)


def text_sections(record: dict) -> list[dict]:
    """Paragraphs grouped by source, then under their section headings, in reading order."""
    sources = [{**s, "groups": []} for s in record["sources"]]
    by_path = {s["path"]: s for s in sources}
    for para in record["paragraphs"]:
        groups = by_path[para["source"]]["groups"]
        if not groups or groups[-1]["section"] != para["section"]:
            groups.append({"section": para["section"], "anchor": None, "paragraphs": []})
        if (
            para["section"]
            and para["text"].strip() == para["section"].strip()
            and not groups[-1]["paragraphs"]
        ):
            groups[-1]["anchor"] = para["anchor"]  # the heading itself: it keeps its anchor on the <h3>
            continue
        body = strip_number(para["text"], para["number"])
        groups[-1]["paragraphs"].append({**para, "blocks": text_blocks(body)})
    return sources


def _table_rows(lines: list[str]) -> list[list[str]]:
    """Tab-separated lines ("Activity\tTimeline" / "Final delivery\tEnd of February 2026") as rows of
    equal width, the short ones padded."""
    rows = [[cell.strip() for cell in line.strip().split("\t")] for line in lines]
    width = max(map(len, rows))
    return [row + [""] * (width - len(row)) for row in rows]


def text_blocks(body: str) -> list[dict]:
    """A paragraph's text as blocks to show: {"text": …} each, blank lines separating bullets and
    table cells; a run of two or more tab-separated lines (a budget, a timetable, a risk register
    as the text copy keeps them) is one {"rows": [[cell, …], …]}, the first row its header."""
    out: list[dict] = []
    for block in (b for b in re.split(r"\n\s*\n", body) if b.strip()):
        lines = [line for line in block.split("\n") if line.strip()]
        for tabbed, run in itertools.groupby(lines, key=lambda line: "\t" in line.strip()):
            run = list(run)
            if tabbed and len(run) >= 2:
                out.append({"rows": _table_rows(run)})
            else:
                out.append({"text": reflow("\n".join(line.strip() for line in run))})
    texts = [b["text"] for b in out if "text" in b]
    if len(texts) == len(out) and all("\n" not in t and _is_cell(t) for t in texts):
        rows = cell_table(texts)
        return [{"rows": rows}] if rows else out
    return out


def _is_cell(text: str) -> bool:
    """One short line that is not a sentence: "Activity", "Commission delivery partner", "January 2022"."""
    return len(text) <= 80 and text[-1:] not in ".!?;"


# A timetable's "when": "January 2022", "November 2021 – March 2023", "March, June, September and December 2024"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _is_when(cell: str) -> bool:
    return bare_value(cell) or (bool(_YEAR.search(cell)) and len(cell.split()) <= 8)


def cell_table(cells: list[str]) -> list[list[str]] | None:
    """A two-column table flattened one cell a line, as web pages keep a timetable: "Activity" /
    "Milestone" / "Commission delivery partner" / "September – October 2021" / … → rows. A label with
    no value of its own heads a group ("London Engagement Learning Network": a row of one cell); a
    second value continues its row ("March 2022" / "March 2023"). None when the cells do not read so."""
    if len(cells) < 6 or any(":" in c for c in cells[:2]) or any(map(_is_when, cells[:2])):
        return None
    rows, labels = [cells[:2]], []
    for cell in cells[2:]:
        if not _is_when(cell):
            labels.append(cell)
        elif labels:
            rows += [[label] for label in labels[:-1]] + [[labels[-1], cell]]
            labels = []
        elif len(rows[-1]) == 2 and rows[-1] is not rows[0]:
            rows[-1][1] += f"; {cell}"
        else:
            return None
    rows += [[label] for label in labels]
    paired = sum(len(row) == 2 for row in rows[1:])
    return rows if paired >= 2 and paired >= len(rows[1:]) / 2 else None


def contents(sections: list[dict]) -> list[dict]:
    """'On this page': each source, and under it each section heading with the anchor it starts at
    (the heading's own, else its first paragraph's); a heading met again later is listed once."""
    out = []
    for number, source in enumerate(sections, 1):
        seen, items = set(), []
        for group in source["groups"]:
            anchor = group["anchor"] or next((p["anchor"] for p in group["paragraphs"]), None)
            if group["section"] and anchor and group["section"] not in seen:
                seen.add(group["section"])
                items.append({"label": group["section"], "anchor": anchor})
        out.append({"label": sentence(source_kind(source)), "anchor": f"text-{number}", "sections": items})
    return out


def citation(ref: str | None, title: str, para: dict, page_url: str) -> str:
    """What 'copy citation' copies: 'MD2848, paragraph 2.5, https://…/decisions/MD2848#p-2.5'."""
    return f"{ref or title}, {place(para['number'], para['section'])}, {page_url}#{para['anchor']}"


def about_counts(index, staff: bool, day: dt.date) -> dict:
    """What a visitor may see: withheld decisions are not counted, so their existence does not leak."""
    shown = [index.decisions[i] for i in sorted(visible(index, staff, day))]
    by_type = Counter(d.decision_type for d in shown)
    by_year = Counter((d.date or "")[:4] or "undated" for d in shown)
    return {
        "total": len(shown),
        "by_type": [(TYPE_LABELS.get(t, t), by_type[t]) for t in DECISION_TYPES if by_type[t]],
        "by_year": sorted(by_year.items(), reverse=True),
        "inferred": sum(d.date_inferred for d in shown),
    }


def with_search(url: str, query_string: str) -> str:
    """'/decisions/MD2848#p-2.7' + 'q=grants' → '/decisions/MD2848?q=grants#p-2.7': the decision
    page then marks the words and its breadcrumb leads back to these results."""
    if not query_string:
        return url
    path, hash_, anchor = url.partition("#")
    return f"{path}?{query_string}{hash_}{anchor}"


# ---------------------------------------------------------------- naming passages


def place(paragraph: str | None, section: str | None) -> str:
    """Where a passage sits, citably: 'paragraph 2.7', or for unnumbered text its heading."""
    if paragraph:
        return f"paragraph {paragraph}"
    if section:
        return f"section “{section.strip()}”"
    return "opening text"


def decision_name(ref: str | None, title: str) -> str:
    """'MD2848 Engaging Londoners in Recovery Programme 2021-2023': with `place`, what every passage
    link says, for screen readers too ('…, paragraph 2.7'), never a bare 'Passage'."""
    return f"{ref} {title}" if ref else title


# ---------------------------------------------------------------- decision text: links and marks


def linked_text(text: str, query_text: str, addresses: dict[str, str]) -> Markup:
    """Decision text, escaped first, then with the query's words marked and reference codes linked.

    `addresses`: ref → the URL of that decision when this reader may see it (None: not linked, for
    the page's own code). Any other code links to /decisions/CODE, the page that says it is not
    held and lists the decisions that cite it.
    """
    out, last = [], 0
    for start, end, ref in ref_spans(text):
        out.append(highlight(text[last:start], query_text))
        href = addresses.get(ref, f"/decisions/{ref}")
        words = highlight(text[start:end], query_text)
        out.append(
            f'<a class="ref-link" href="{html.escape(href, quote=True)}">{words}</a>' if href else words
        )
        last = end
    out.append(highlight(text[last:], query_text))
    return Markup("".join(out))


def block_html(block: dict, query_text: str, addresses: dict[str, str]) -> dict:
    """A text block as linked, marked Markup; a table's every cell so, with its width for a group row."""
    if "rows" not in block:
        return {"text": linked_text(block["text"], query_text, addresses)}
    rows = [[linked_text(cell, query_text, addresses) for cell in row] for row in block["rows"]]
    return {"rows": rows, "width": max(map(len, rows))}
