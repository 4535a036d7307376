"""A table cell shown in a passage keeps its row's label ("Citizen Shift Environment Pilot: £3k").

Web pages flatten tables into one cell a line, and a chunk may start below a row's label: a
passage that reads only "£3k" does not say what the £3k is for. The row label is found by
answer_spans.row_label, the same reading the answers use.
"""

from __future__ import annotations

import re

from indexer.amounts import find_amounts

from . import answer_spans as spans

_NUMBERING = re.compile(r"^\s*\d{1,2}\.\s+")  # "1. Citizen Shift Environment Pilot" → its words


def has_bare_amount(text: str) -> bool:
    return any(spans.bare_value(line) and find_amounts(line) for line in text.split("\n") if line.strip())


def with_row_labels(source_text: str, chunk_start: int, chunk_text: str) -> str:
    """`chunk_text` with each bare amount cell whose row label lies above the chunk written
    "Label: £3k"; unchanged when there is none (the common case, checked first and cheaply)."""
    if not has_bare_amount(chunk_text):
        return chunk_text
    offset = source_text.find(chunk_text, chunk_start)
    if offset < 0:
        return chunk_text
    found, _ = spans.pieces(source_text)
    out, last = [], 0
    for line_no, (s, e) in enumerate(found):
        if s < offset or e > offset + len(chunk_text):
            continue
        cell = source_text[s:e]
        label = spans.row_label(source_text, list(found), line_no) if spans.bare_value(cell) else None
        if label is None or not find_amounts(cell) or label[0] >= offset:
            continue
        name = _NUMBERING.sub("", source_text[label[0] : label[1]]).strip()
        out.append(chunk_text[last : s - offset] + f"{name}: {cell}")
        last = e - offset
    return "".join(out) + chunk_text[last:] if out else chunk_text
