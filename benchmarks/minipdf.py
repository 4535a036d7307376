"""Minimal valid PDF files written by hand: Helvetica text, ruled tables, A4 pages.

No dependency beyond the standard library, and byte-for-byte deterministic (no dates).
Text is WinAnsi-encoded so "£", "–" and "’" survive extraction; table cells get ruled
borders so pdfplumber's table finder sees real tables, as in a printed decision page.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

PAGE_W, PAGE_H, MARGIN = 595, 842, 56
BODY_PT, HEADING_PT, LEADING_PT = 9.5, 10.5, 12.5
CHAR_W = 0.5  # Helvetica's average glyph width in ems, for wrapping


@dataclass
class Page:
    """Drawing operators of one page, and the next baseline."""

    ops: list[str] = field(default_factory=list)
    y: float = PAGE_H - MARGIN


def pdf_string(text: str) -> str:
    """A PDF literal string in WinAnsi (cp1252); characters outside it become '?'."""
    raw = text.encode("cp1252", errors="replace").decode("latin-1")
    return "(" + raw.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def text_op(x: float, y: float, text: str, bold: bool = False) -> str:
    font, size = ("F2", HEADING_PT) if bold else ("F1", BODY_PT)
    return f"BT /{font} {size} Tf 1 0 0 1 {x:.1f} {y:.1f} Tm {pdf_string(text)} Tj ET"


class Layout:
    """Lays blocks out top to bottom, starting a new page when one is full."""

    def __init__(self) -> None:
        self.pages = [Page()]

    def room(self, height: float) -> Page:
        page = self.pages[-1]
        if page.y - height < MARGIN:
            page = Page()
            self.pages.append(page)
        return page

    def lines(self, lines: list[str], bold: bool = False) -> None:
        for line in lines:
            page = self.room(LEADING_PT)
            page.ops.append(text_op(MARGIN, page.y, line, bold))
            page.y -= LEADING_PT
        self.pages[-1].y -= LEADING_PT / 2  # paragraph spacing

    def table(self, rows: list[list[str]]) -> None:
        columns = max(len(r) for r in rows)
        longest = [max((len(r[c]) if c < len(r) else 0) for r in rows) for c in range(columns)]
        weights = [min(n, 40) + 6 for n in longest]
        widths = [(PAGE_W - 2 * MARGIN) * w / sum(weights) for w in weights]
        for row in rows:
            wrapped = [textwrap.wrap(cell, max(4, int(w / (BODY_PT * CHAR_W))) - 1) or [""]
                       for cell, w in zip(row, widths, strict=False)]  # fmt: skip
            height = max(len(cell) for cell in wrapped) * LEADING_PT + 4
            page, x = self.room(height), MARGIN
            for cell, width in zip(wrapped, widths, strict=False):
                page.ops.append(
                    f"0.5 w {x:.1f} {page.y - height + LEADING_PT:.1f} {width:.1f} {height:.1f} re S"
                )
                for k, line in enumerate(cell):
                    page.ops.append(text_op(x + 3, page.y - k * LEADING_PT, line))
                x += width
            page.y -= height
        self.pages[-1].y -= LEADING_PT / 2


def is_heading(block: str) -> bool:
    return "\n" not in block and len(block) < 70 and not block.rstrip().endswith((".", ";", ":", ","))


def layout_text(text: str) -> Layout:
    """Blank-line separated blocks: TAB rows become a ruled table, short lines bold headings."""
    layout = Layout()
    for block in (b.strip("\n") for b in text.split("\n\n")):
        if not block.strip():
            continue
        if "\t" in block:
            layout.table([line.split("\t") for line in block.split("\n")])
        elif is_heading(block):
            layout.lines([block], bold=True)
        else:
            wrap = int((PAGE_W - 2 * MARGIN) / (BODY_PT * CHAR_W)) - 6
            layout.lines([w for line in block.split("\n") for w in (textwrap.wrap(line, wrap) or [""])])
    return layout


def assemble(pages: list[Page], title: str) -> bytes:
    """Objects, cross-reference table and trailer around the pages' content streams."""
    count = len(pages)
    kids = " ".join(f"{6 + 2 * i} 0 R" for i in range(count))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        f"<< /Title {pdf_string(title)} /Producer (benchmarks/minipdf.py) >>",
    ]
    for i, page in enumerate(pages):
        stream = "\n".join(page.ops).encode("latin-1")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                       f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {7 + 2 * i} 0 R >>")  # fmt: skip
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream.decode('latin-1')}\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_to_pdf(text: str, title: str) -> bytes:
    """A PDF showing `text` (blocks separated by blank lines); `title` goes in its metadata."""
    return assemble(layout_text(text).pages, title)
