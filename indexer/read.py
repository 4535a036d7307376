"""Turn a corpus file (.txt, .html/.htm, .pdf) into clean plain text.

PDFs are parsed in a separate, killable process (indexer/pdf_worker.py) because
pdfminer can hang or exhaust memory on malformed files.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from . import pdf_worker

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".pdf")
_KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}


@dataclass
class ExtractedText:
    kind: str  # "text" | "html" | "pdf"
    text: str  # normalised with normalise_text
    sha256: str  # of the file's raw bytes


class UnreadableFile(Exception):
    """The file cannot be turned into text; the message is shown to users as the reason."""


def list_corpus_files(folder: Path) -> list[Path]:
    """Supported files under `folder`, recursively and sorted, as folder / relative path.

    Symlinked directories are not followed (so a symlink loop cannot hang the walk);
    symlinked files are listed if they resolve to a regular file.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"corpus folder {folder} does not exist")
    found = []
    # onerror=None: a directory that vanishes or cannot be listed is skipped, not fatal
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or name.endswith(".meta.json") or name == "metadata.csv":
                continue
            if os.path.splitext(name)[1].lower() not in SUPPORTED_SUFFIXES:
                continue
            path = Path(dirpath, name)
            try:
                if path.is_file():  # False for broken or looping symlinks
                    found.append(path)
            except OSError:
                continue
    return sorted(found)


def extract_text(
    path: Path, *, pdf_timeout_s: float = 60, pdf_memory_mb: int = 1024, max_bytes: int = 50_000_000
) -> ExtractedText:
    """Read `path` and return its normalised text; raises UnreadableFile with the reason."""
    path = Path(path)
    kind = _KINDS.get(path.suffix.lower())
    if kind is None:
        raise UnreadableFile(f"unsupported file type {path.suffix or '(no suffix)'}")
    data = _read_bytes(path, max_bytes)
    if not data.strip():
        raise UnreadableFile("empty file")
    if kind == "pdf":
        try:
            text = normalise_text(pdf_worker.run(data, timeout_s=pdf_timeout_s, memory_mb=pdf_memory_mb))
        except pdf_worker.PdfFailed as exc:
            raise UnreadableFile(str(exc)) from None
    elif kind == "html":
        text = normalise_text(html_to_text(_decode(data)))
    else:
        text = normalise_text(_decode(data))
    if not text:
        raise UnreadableFile(_NOTHING_FOUND[kind])
    return ExtractedText(kind=kind, text=text, sha256=hashlib.sha256(data).hexdigest())


_NOTHING_FOUND = {
    "text": "empty file",
    "html": "no visible text in HTML page",
    "pdf": "PDF has no extractable text (scanned images only?)",
}


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block open() for ever
            raise UnreadableFile("not a regular file")
        if st.st_size > max_bytes:
            raise UnreadableFile(f"file too large: {st.st_size:,} bytes (limit {max_bytes:,})")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UnreadableFile("file disappeared before it could be read") from None
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise UnreadableFile(f"file too large: over {max_bytes:,} bytes (it grew while being read)")
    return data


# C0 controls that do not occur in real text files (TAB, LF, VT, FF, CR, BS, ESC do).
_ODD_CONTROLS = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\b\x1b") + b"\x7f"


def _looks_binary(sample: bytes) -> bool:
    if b"\0" in sample:
        return True
    odd = len(sample) - len(sample.translate(None, _ODD_CONTROLS))
    return odd > 0.1 * len(sample)


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableFile("invalid UTF-16 text") from None
    if _looks_binary(data[:8192]):
        raise UnreadableFile("binary file, not text")
    # Valid non-ASCII UTF-8 is vanishingly rare in other encodings, so it is tried first
    # whatever an HTML page declares; legacy Western pages (labelled latin-1 or not) are cp1252.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # cannot fail: every byte is a latin-1 character


_DROP = frozenset(
    "script style nav header footer noscript svg form template iframe object canvas button select title".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK = frozenset(
    "address article aside blockquote caption details dialog div fieldset figcaption figure "
    "h1 h2 h3 h4 h5 h6 hgroup hr main p pre section summary table".split()
)
_LINE = frozenset("br li dt dd ul ol dl tr".split())  # a line break, not a blank line
_SECTIONS = frozenset({"main", "article", "section", "aside"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class _TextParser(HTMLParser):
    def __init__(self, drop: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_tags = drop
        self.blocks: list[tuple[int, str, bool]] = []  # (newlines before, text, inside <main>)
        self._dropping: list[str] = []  # open tags of the element being dropped
        self._sections: list[str] = []
        self._line: list[str] = []
        self._prefix = ""
        self._pending = 0
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def _should_drop(self, tag: str, attrs: dict[str, str | None]) -> bool:
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        if tag in ("header", "footer") and self._sections:
            return False  # inside <main>/<article> these hold the title or sign-off, not site chrome
        return tag in self.drop_tags or (tag == "a" and "skip" in (attrs.get("class") or ""))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._dropping or self._should_drop(tag, dict(attrs)):
            if tag not in _VOID:
                self._dropping.append(tag)
        elif tag in ("td", "th"):
            self._end_cell()
            if self._row is None:
                self._break(1)
                self._row = []
            self._cell = []
        elif self._cell is not None and (tag in _BLOCK or tag in _LINE):
            self._cell.append(" ")  # a table row stays on one line
        elif tag == "tr" or tag == "table":
            self._end_row()
            self._break(2 if tag == "table" else 1)
            self._row = [] if tag == "tr" else None
        elif tag in _BLOCK or tag in _LINE:
            self._break(1 if tag in _LINE else 2)
            self._prefix = "• " if tag == "li" else self._prefix
            if tag in _SECTIONS:
                self._sections.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._dropping:
            if tag in self._dropping:  # close up to the innermost open element of that name
                del self._dropping[len(self._dropping) - 1 - self._dropping[::-1].index(tag) :]
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr" or tag == "table":
            self._end_row()
            self._break(2 if tag == "table" else 1)
        elif self._cell is not None and (tag in _BLOCK or tag in _LINE):
            self._cell.append(" ")
        elif tag in _BLOCK or tag in _LINE:
            self._break(1 if tag in _LINE else 2)
            self._prefix = "" if tag == "li" else self._prefix
            if tag in self._sections:
                del self._sections[len(self._sections) - 1 - self._sections[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            (self._cell if self._cell is not None else self._line).append(data)

    def close(self) -> None:
        super().close()
        self._end_row()
        self._flush()

    def _emit(self, text: str) -> None:
        self.blocks.append((max(self._pending, 1), text, "main" in self._sections))
        self._pending = 0

    def _flush(self) -> None:
        text = _HTML_SPACE.sub(" ", "".join(self._line)).strip()
        self._line = []
        if text:
            self._emit(self._prefix + text)
            self._prefix = ""

    def _break(self, newlines: int) -> None:
        self._flush()
        self._pending = max(self._pending, newlines)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None and any(self._row):
            self._break(1)
            self._emit("\t".join(self._row))
            self._pending = 1
        self._row = None


def html_to_text(html: str) -> str:
    """Visible text of a page: the <main> element's when it has any, else the whole page's."""
    parser = _TextParser(_DROP)
    parser.feed(html)
    parser.close()
    if not parser.blocks and "<form" in html.lower():
        # Some sites (ASP.NET WebForms) wrap the whole page in one <form>.
        parser = _TextParser(_DROP - {"form"})
        parser.feed(html)
        parser.close()
    # An empty <main> is a shell filled in by JavaScript; the rest of the page is better than nothing.
    blocks = [b for b in parser.blocks if b[2]] or parser.blocks
    return "".join(("\n" * sep if i else "") + text for i, (sep, text, _) in enumerate(blocks))


def _special_characters() -> dict[str, str]:
    table: dict[str, str] = {}
    # Cf, Zs, Cc and Cs only occur in planes 0-2 and 14; scanning all 1.1M code points costs 0.3 s.
    for cp in (*range(0x30000), *range(0xE0000, 0xE1000)):
        category = unicodedata.category(chr(cp))
        if category in ("Cf", "Cs", "Cc") and chr(cp) not in "\t\n":
            table[chr(cp)] = ""  # surrogates too: they would make later UTF-8 encoding fail
        elif category == "Zs" and cp != 0x20:
            table[chr(cp)] = " "
    # Everything str.splitlines() treats as a line end becomes "\n", so lines agree everywhere.
    table.update(dict.fromkeys("\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", "\n"))
    return table


def _character_class(chars: list[str]) -> str:
    # Written as ranges: sre matches a class of 27 ranges far faster than one of 2,300 characters.
    ranges: list[list[int]] = []
    for cp in sorted(map(ord, chars)):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    parts = (re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)
    return "[" + "".join(parts) + "]"


_SPECIAL = _special_characters()
# A regex scan is ~3x faster than str.translate on non-ASCII text, where matches are rare.
_SPECIAL_RE = re.compile(_character_class(list(_SPECIAL)))
_BLANK_RUN = re.compile(r"\n{4,}")


def normalise_text(text: str) -> str:
    """NFKC; drop format/control characters; plain spaces; LF line ends; tidy blank lines.

    Pure and idempotent; quotes, dashes and line breaks are left alone so that
    text stays quotable.
    """
    text = _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], text.replace("\r\n", "\n"))
    if not text.isascii():  # ASCII is already NFKC
        text = unicodedata.normalize("NFKC", text)
    # split/rstrip rather than a regex: "[ \t]+$" is quadratic on long runs of spaces
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n\n", text).strip("\n")
