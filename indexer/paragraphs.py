"""A document's text → its paragraphs: numbered paragraphs, headings, and the blocks between.

Split out of parse.py, which reads the metadata; both read the same GLA decision-form layouts.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from decisions.records import Paragraph


def next_line(lines: list[str], i: int, step: int = 1) -> str:
    """The next (step=1) or previous (step=-1) non-blank line, stripped; "" at either end."""
    j = i + step
    while 0 <= j < len(lines) and not lines[j].strip():
        j += step
    return lines[j].strip() if 0 <= j < len(lines) else ""


# Headings of GLA decision forms and pages, compared after heading_key().
KNOWN_HEADINGS = {
    "key information", "executive summary", "decision", "decisions", "decision required - supporting report",
    "introduction and background", "background", "objectives and expected outcomes", "equality comments",
    "other considerations", "financial comments", "legal comments", "planned delivery approach and next steps",
    "appendices and supporting papers", "public access to information", "risk register", "risks and issues",
    "key risks and issues", "links to mayoral strategies and priorities", "links to mayoral manifesto",
    "consultations and impact assessments", "impact assessments and consultations", "conflicts of interest",
    "timetable", "signed decision document", "supporting documents", "declaration",
}  # fmt: skip
# The numbered sections of the GLA decision form templates (MD, DD and ADD alike).
_TEMPLATE_SECTIONS = {
    "1": "Introduction and background", "2": "Objectives and expected outcomes", "3": "Equality comments",
    "4": "Other considerations", "5": "Financial comments", "6": "Legal comments",
    "7": "Planned delivery approach and next steps",
}  # fmt: skip
_HEADING_NUMBER = re.compile(r"(?:\d{1,2}\.|[a-z]\))\s+")  # "1. Introduction…", "a) key risks and issues"
# "Part 1: Non-confidential facts and advice", "PART I – NON-CONFIDENTIAL…", "Part 1 – Deferral"
_PART_HEADING = re.compile(r"part\s(?:\d{1,2}|[ivx]{1,4})\b", re.IGNORECASE)
# "1.1 The London Recovery Board…", "1.1.    The London…", "- 1.1. In September 2024, …",
# "2.5 Work Programme:", "6.1.1 The decisions…". The text must not start in lower case, so
# a wrapped PDF line "1.9 to 1.11, above, that…" is not taken for paragraph 1.9.
_NUMBERED = re.compile(r"[^\S\n]*(?:[-•·*][^\S\n]+)?(\d{1,2}(?:\.\d{1,2}){1,3})\.?[^\S\n]+(?=[^\sa-z])")


def heading_key(line: str) -> str:
    key = " ".join(line.strip().lower().replace("–", "-").replace("—", "-").split())
    number = _HEADING_NUMBER.match(key)
    return key[number.end() if number else 0 :].rstrip(" :.")


def is_strong_heading(line: str) -> bool:
    """Known form headings, "Part N…", "N. Title" at the margin, or short ALL-CAPS lines."""
    s = line.strip()
    if not s or len(s) > 100:
        return False
    if heading_key(s) in KNOWN_HEADINGS:
        return True
    words = len(s.split())
    if s[-1] in ".;," or "£" in s or words > 12:
        return False
    if _PART_HEADING.match(s) or (re.match(r"\d{1,2}\.\s+[A-Z]", line) and words <= 8):
        return True
    return s.isupper() and sum(map(str.isalpha, s)) >= 4  # "BACKGROUND", not "RAG"


def _is_weak_heading(lines: list[str], i: int, after_heading: bool) -> bool:
    """A short capitalised line between prose: "Cross-Cutting Principles". Table cells
    ("Risk", "Mitigation measures", "RAG") sit among short lines and never qualify."""
    s = lines[i].strip()
    if not 2 <= len(s) <= 70 or len(s.split()) > 8 or not s[0].isupper() or s[-1] in ".,;:" or ":" in s:
        return False
    prev, nxt = next_line(lines, i, step=-1), next_line(lines, i)
    if prev and not after_heading and prev[-1] not in ".:!?":
        return False
    return bool(nxt) and (len(nxt) >= 60 or nxt[-1] in ".!?")


def _paragraph_number(line: str) -> str | None:
    found = _NUMBERED.match(line)
    number = found.group(1) if found else ""
    return number if number and all(int(part) > 0 for part in number.split(".")) else None  # not "1.0 FTE"


def _block_starts(lines: list[str]) -> set[int]:
    """Lines that open a block: after a blank line or, in wrapped PDF text without blank
    lines, after a short line ending a sentence ("inequalities across London.")."""
    starts = {i for i, line in enumerate(lines) if line.strip() and (i == 0 or not lines[i - 1].strip())}
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) >= 20 and len(lines) - len(lengths) < 0.05 * len(lengths):
        width = lengths[int(len(lengths) * 0.9)]
        ends = (i for i, line in enumerate(lines[:-1], 1) if line.rstrip()[-1:] in (".", "!", "?", ":"))
        starts.update(i for i in ends if len(lines[i - 1].rstrip()) < 0.8 * width)
    return starts


@dataclass
class _Open:  # the paragraph being built: lines first..last
    first: int
    last: int
    number: str | None
    section: str | None
    colon: bool  # a line of it ends with ":", so a list or table follows


def _is_cell(line: str) -> bool:
    """A short line that is not a sentence: a table cell ("Risk", "£205k") or a field ("Date signed:")."""
    s = line.strip()
    return len(s) <= 60 and s[-1:] not in (".", "!", "?")


# "…as detailed in the table below.", "…split as follows." announce the table after them
_ANNOUNCES = re.compile(r"\b(?:below|following|as follows|this table)\W*$", re.IGNORECASE)


def _ends_sentence(line: str) -> bool:
    """A sentence ends the line, and does not announce a table below it."""
    s = line.strip()
    return not _is_cell(s) and s[-1:] in (".", "!", "?") and not _ANNOUNCES.search(s)


def _continues(cur: _Open, line: str, last: str) -> bool:
    """Does a new block still belong to the open paragraph?"""
    s = line.strip()
    if s[0].islower():  # a sentence broken by a blank line: "…and missions" / "individually, to bring…"
        return True
    bullet_like = not s[0].isalpha()  # "• …", "- …", "£205k", "2021-22", "(1-4)"
    if cur.number is None:  # an intro and its list, or a run of table cells / key-information fields
        return (bullet_like and last.rstrip().endswith(":")) or (_is_cell(s) and _is_cell(last))
    if _is_cell(s) and not bullet_like and _ends_sentence(last):
        # Cells after a paragraph that ended its sentence are a table of their own, not part of it
        # (MD2848: "…before commencement of the same." / "Activity" / "Milestone" / …).
        return False
    return cur.colon or bullet_like or _is_cell(s)


def _paragraph(text: str, offsets: list[int], lines: list[str], cur: _Open) -> Paragraph:
    start = offsets[cur.first] + len(lines[cur.first]) - len(lines[cur.first].lstrip())
    end = offsets[cur.last] + len(lines[cur.last].rstrip())
    return Paragraph(text[start:end], start, end, cur.number, cur.section)


def _template_section(number: str, major: str | None, headed: bool, section: str | None) -> str | None:
    """Web pages lose the form's section headings: "5.1" after "4.7" with no heading in
    between starts the template's "Financial comments"."""
    if major and number.split(".")[0] != major and not headed:
        return _TEMPLATE_SECTIONS.get(number.split(".")[0], section)
    return section


# "Appendix A", "Annex 2 – Delivery timetable", "Table 1: Budget breakdown"
_APPENDIX = re.compile(r"(?:appendix|annex|schedule|table)\s+[A-Z0-9]{1,3}\b.{0,60}$", re.IGNORECASE)


def _trailing_section(line: str, after: str | None, next_line: str) -> str | None:
    """Text after a numbered paragraph that is not part of it (a timetable, an appendix) gets its
    own heading, so it is never cited as that paragraph: its own title ("Appendix A") if it opens
    with one or is a subheading over the next paragraph ("Rationale" / "1.2 It would…"), else
    "After paragraph 6.3". A label ending in ":" ("Total Budget for 2018/19:") is a row of the
    table above, and keeps its section."""
    s = line.strip()
    if after is None or s.endswith(":"):
        return None
    if _APPENDIX.match(s) or _paragraph_number(next_line):
        return s.rstrip(" .")
    return f"After paragraph {after}"


def split_paragraphs(text: str) -> list[Paragraph]:
    """Numbered paragraphs run to the next number or heading, taking the bullets and table
    cells after them; headings are one-line paragraphs that set `section`; other text splits
    at blank lines. text[p.start:p.end] == p.text for every paragraph."""
    lines = text.split("\n")
    offsets = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    starts, found = _block_starts(lines), []
    section, cur, after_heading, major, headed = None, None, False, None, False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        numbered = cur is not None and cur.number is not None
        if is_strong_heading(line) or (not numbered and _is_weak_heading(lines, i, after_heading)):
            found += [_paragraph(text, offsets, lines, cur)] if cur else []
            section, cur, after_heading, headed = line.strip().rstrip(" :.") or line.strip(), None, True, True
            found.append(_paragraph(text, offsets, lines, _Open(i, i, None, section, False)))
            continue
        after_heading, number = False, _paragraph_number(line)
        if number:
            section = _template_section(number, major, headed, section)
            major, headed = number.split(".")[0], False
        if number or cur is None or (i in starts and not _continues(cur, line, lines[cur.last])):
            found += [_paragraph(text, offsets, lines, cur)] if cur else []
            # A table after a numbered paragraph that it does not belong to gets a heading of its own.
            after = cur.number if cur and cur.number and not number and _is_cell(line) else None
            own = _trailing_section(line, after, next_line(lines, i))
            cur = _Open(i, i, number, own or section, line.rstrip().endswith(":"))
        else:
            cur.last, cur.colon = i, cur.colon or line.rstrip().endswith(":")
    return found + ([_paragraph(text, offsets, lines, cur)] if cur else [])
