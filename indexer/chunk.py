"""Cutting a document into retrievable chunks along its own structure.

all-MiniLM-L6-v2 reads 256 word pieces and silently drops the rest, so a chunk
holds at most MAX_WORDS words (about 1.3 word pieces a word in these documents).
A chunk never straddles two numbered paragraphs or two sections; long paragraphs
are split at line boundaries with overlap, tiny unnumbered blocks are merged with
their neighbours in the same section.
"""

from __future__ import annotations

import hashlib
import re

from decisions.records import Chunk, Paragraph, SourceDocument

MAX_WORDS = 160
OVERLAP_WORDS = 30
MIN_WORDS = 25

# Paragraphs that recur, nearly word for word, in most decisions. They are kept
# (a user may look for them) but flagged so they never win a ranking on their own.
BOILERPLATE_PATTERNS = re.compile(
    r"section 149 of the Equality Act|Public Sector Equality Duty|the GLA.s general powers"
    r"|Freedom of Information Act|in a more accessible format"
    r"|no conflicts of interest|subject to the annual budget-setting process"
    r"|appropriate break clauses|equality of opportunity for all people",
    re.IGNORECASE,
)


def _word_count(text: str) -> int:
    return len(text.split())


def chunk_id(decision_id: str, source_path: str, position: int, text: str) -> str:
    digest = hashlib.sha256(f"{decision_id}\0{source_path}\0{position}\0{text}".encode())
    return digest.hexdigest()[:16]


def _groups(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Numbered paragraphs stand alone; runs of small unnumbered blocks in one section merge."""
    groups: list[list[Paragraph]] = []
    for para in paragraphs:
        if para.number is None and para.section and para.text.strip() == para.section.strip():
            # A bare heading ("1. Introduction and background") carries no content of its own;
            # the chunks below it keep it as their section.
            continue
        previous = groups[-1] if groups else None
        mergeable = (
            previous is not None
            and para.number is None
            and previous[-1].number is None
            and previous[-1].section == para.section
            and (_word_count(para.text) < MIN_WORDS or sum(_word_count(p.text) for p in previous) < MIN_WORDS)
            and sum(_word_count(p.text) for p in previous) + _word_count(para.text) <= MAX_WORDS
        )
        if mergeable:
            previous.append(para)
        else:
            groups.append([para])
    return groups


def _line_spans(text: str, base: int) -> list[tuple[int, int]]:
    """Offsets of non-empty lines; a long line is further cut at sentence ends."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start() + base, match.end() + base
        line = match.group()
        if _word_count(line) <= MAX_WORDS:
            spans.append((start, end))
            continue
        piece_start = 0
        for sentence_end in re.finditer(r"(?<=[.;:!?])\s+", line):
            if _word_count(line[piece_start : sentence_end.start()]) >= MAX_WORDS // 2:
                spans.append((start + piece_start, start + sentence_end.start()))
                piece_start = sentence_end.end()
        spans.append((start + piece_start, end))
    return spans


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Windows of whole lines up to MAX_WORDS, each starting ~OVERLAP_WORDS before the last ended."""
    lines = _line_spans(text[start:end], start)
    windows: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        j, words = i, 0
        while j < len(lines) and (
            j == i or words + _word_count(text[lines[j][0] : lines[j][1]]) <= MAX_WORDS
        ):
            words += _word_count(text[lines[j][0] : lines[j][1]])
            j += 1
        windows.append((lines[i][0], lines[j - 1][1]))
        if j >= len(lines):
            break
        # Step back over trailing lines for overlap, but always make progress.
        back, k = 0, j
        while k - 1 > i and back + _word_count(text[lines[k - 1][0] : lines[k - 1][1]]) <= OVERLAP_WORDS:
            k -= 1
            back += _word_count(text[lines[k][0] : lines[k][1]])
        i = k if k > i else j
    return windows


def _truncate_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Hard cap for a single enormous line with no sentence breaks (a minified dump)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) <= MAX_WORDS * 2:
        return start, end
    return start, start + words[MAX_WORDS * 2 - 1].end()


def chunk_source(decision_id: str, doc: SourceDocument, title: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    text = doc.text
    for group in _groups(doc.paragraphs):
        start, end = group[0].start, group[-1].end
        head = group[0]
        spans = [(start, end)] if _word_count(text[start:end]) <= MAX_WORDS else _split_long(text, start, end)
        for span_start, span_end in spans:
            span_start, span_end = _truncate_words(text, span_start, span_end)
            body = text[span_start:span_end].strip()
            if not body:
                continue
            position = len(chunks)
            chunks.append(
                Chunk(
                    id=chunk_id(decision_id, doc.path, position, body),
                    decision_id=decision_id,
                    source_path=doc.path,
                    text=body,
                    start=span_start,
                    end=span_end,
                    position=position,
                    paragraph=head.number,
                    section=head.section,
                    boilerplate=bool(BOILERPLATE_PATTERNS.search(body)),
                )
            )
    return chunks


def embedding_text(chunk: Chunk, title: str) -> str:
    """What the model reads: the title and section give a bare paragraph its context."""
    context = " — ".join(part for part in (title, chunk.section) if part)
    return f"{context}\n{chunk.text}" if context else chunk.text
