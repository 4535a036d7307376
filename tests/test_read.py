"""indexer.read: files on disk → normalised plain text."""

from __future__ import annotations

import os
import time
import zlib
from pathlib import Path

import pytest

from indexer.pdf_worker import format_table
from indexer.read import (
    ExtractedText,
    UnreadableFile,
    extract_text,
    list_corpus_files,
    normalise_text,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SIGNED_PDF = CORPUS / "DD2691-signed.pdf"
SEED_TEXT = CORPUS / "001_785ae10bddecc0a0.txt"


def make_pdf(content: bytes, *, compress: bool = False, encrypted: bool = False) -> bytes:
    """A one-page PDF with Helvetica and the given content stream, with a correct xref table."""
    stream_dict = b"<< /Length %d%s >>" % (len(content), b" /Filter /FlateDecode" if compress else b"")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream_dict + b"\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if encrypted:
        # Standard security handler whose /U does not match the empty user password,
        # i.e. a PDF that needs a password to open.
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"ab" * 32, b"cd" * 32))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"/Size %d /Root 1 0 R" % (len(objects) + 1)
    if encrypted:
        file_id = b"<0123456789abcdef0123456789abcdef>"
        trailer += b" /Encrypt 6 0 R /ID [%s %s]" % (file_id, file_id)
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


# A ruled 2x2 grid (what pdfplumber's table finder looks for) under a heading.
TABLE_PAGE = b"""0.5 w
50 100 200 60 re S
150 100 m 150 160 l S
50 130 m 250 130 l S
BT /F1 12 Tf 50 180 Td (Risk register) Tj ET
BT /F1 10 Tf 55 140 Td (Risk) Tj ET
BT /F1 10 Tf 155 140 Td (Mitigation) Tj ET
BT /F1 10 Tf 55 110 Td (Fraud) Tj ET
BT /F1 10 Tf 155 110 Td (Audit trail) Tj ET
"""


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- real corpus files -------------------------------------------------------


@pytest.fixture(scope="module")
def signed_pdf() -> ExtractedText:
    return extract_text(SIGNED_PDF)


def test_signed_pdf_text(signed_pdf: ExtractedText) -> None:
    assert signed_pdf.kind == "pdf"
    assert "Reference code: DD2691" in signed_pdf.text
    assert "£72,765" in signed_pdf.text
    assert "Building a Fairer City" in signed_pdf.text
    assert len(signed_pdf.sha256) == 64
    assert signed_pdf.text == normalise_text(signed_pdf.text)
    # Curly quotes survive extraction and normalisation (the text must stay quotable).
    assert "GLA’s" in signed_pdf.text


def test_signed_pdf_has_no_tables_so_text_has_no_tabs(signed_pdf: ExtractedText) -> None:
    # pdfplumber finds no ruled table in this sample (checked by hand), so no TAB rows
    # appear; the table path is covered by the synthetic PDF below.
    assert "\t" not in signed_pdf.text


def test_seed_text_file() -> None:
    result = extract_text(SEED_TEXT)
    assert result.kind == "text"
    assert "MD2848" in result.text
    assert "Mayor’s approval" in result.text


# --- PDF ---------------------------------------------------------------------


def test_pdf_table_rows_follow_page_text(tmp_path: Path) -> None:
    text = extract_text(write(tmp_path, "table.pdf", make_pdf(TABLE_PAGE))).text
    assert "Risk register" in text
    assert "Risk\tMitigation\nFraud\tAudit trail" in text
    assert text.index("Risk register") < text.index("Risk\tMitigation")
    # The table block is separated from the page text by a blank line.
    assert "\n\nRisk\tMitigation" in text


def test_format_table_cells() -> None:
    rows = [["Risk", "Mitigation"], [None, "two\nlines"], [None, ""], ["tab\tin cell", " padded  "]]
    assert format_table(rows) == "Risk\tMitigation\n\ttwo lines\ntab in cell\tpadded"
    assert format_table([]) == ""


def test_truncated_pdf(tmp_path: Path) -> None:
    path = write(tmp_path, "cut.pdf", SIGNED_PDF.read_bytes()[:2000])
    with pytest.raises(UnreadableFile, match="PDF") as info:
        extract_text(path)
    assert str(info.value).startswith("corrupt or truncated PDF: ")


def test_text_renamed_to_pdf(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="PDF"):
        extract_text(write(tmp_path, "notes.pdf", "just some notes, not a PDF\n"))


def test_encrypted_pdf(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="^encrypted PDF$"):
        extract_text(write(tmp_path, "locked.pdf", make_pdf(TABLE_PAGE, encrypted=True)))


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no extractable text"):
        extract_text(write(tmp_path, "scan.pdf", make_pdf(b"50 100 200 60 re S")))


def test_pdf_time_limit_kills_worker() -> None:
    started = time.monotonic()
    with pytest.raises(UnreadableFile, match=r"PDF took longer than 0.001 s, skipped"):
        extract_text(SIGNED_PDF, pdf_timeout_s=0.001)
    assert time.monotonic() - started < 5


def test_pdf_memory_limit_on_decompression_bomb(tmp_path: Path) -> None:
    # 256 MB of spaces deflates to ~250 KB; inflating it must hit the worker's RLIMIT_AS.
    packer = zlib.compressobj(1)
    chunk = b" " * (1 << 20)
    bomb = b"".join(packer.compress(chunk) for _ in range(256)) + packer.flush()
    path = write(tmp_path, "bomb.pdf", make_pdf(bomb, compress=True))
    with pytest.raises(UnreadableFile, match=r"^PDF needs more than 150 MB, skipped$"):
        extract_text(path, pdf_memory_mb=150)


# --- HTML --------------------------------------------------------------------

LONDON_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>DD2691 | London City Hall</title>
<style>body { color: red }</style><script>window.dataLayer = [];</script></head>
<body>
<a href="#main-content" class="skip-link visually-hidden-focusable">Skip to main content</a>
<header role="banner"><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav></header>
<main id="main-content"><article>
<header><h1>DD2691 Building a Fairer City</h1></header>
<h2>Executive summary</h2>
<p>Approval is sought for expenditure of &pound;72,765&nbsp;under the
   GLA&rsquo;s contract.</p>
<script>alert(1)</script>
<p>Second <strong>paragraph</strong> here.</p>
<ul><li>First point</li><li>Second point</li></ul>
<table><thead><tr><th>Risk</th><th>Mitigation</th></tr></thead>
<tbody><tr><td>Delay</td><td><p>Monthly</p><p>review</p></td></tr></tbody></table>
<form action="/search"><input name="q"><button>Search</button></form>
</article></main>
<footer><p>© Greater London Authority</p></footer>
</body></html>
"""


def test_html_keeps_main_content_only(tmp_path: Path) -> None:
    result = extract_text(write(tmp_path, "dd2691.html", LONDON_PAGE))
    text = result.text
    assert result.kind == "html"
    gone = ["alert(1)", "dataLayer", "Skip to main", "About us", "Home", "Search", "©", "City Hall", "color"]
    assert [word for word in gone if word in text] == []
    assert text.startswith("DD2691 Building a Fairer City\n\nExecutive summary\n\n")
    assert "Approval is sought for expenditure of £72,765 under the GLA’s contract." in text
    assert "Second paragraph here." in text
    assert "• First point\n• Second point" in text
    assert "Risk\tMitigation\nDelay\tMonthly review" in text
    assert "\n\n\n\n" not in text


def test_html_without_main_uses_body(tmp_path: Path) -> None:
    page = "<html><body><nav>Menu</nav><h1>Title</h1><div>One<br>Two</div><footer>Foot</footer></body></html>"
    text = extract_text(write(tmp_path, "plain.htm", page)).text
    assert text == "Title\n\nOne\nTwo"


def test_html_empty_main_falls_back_to_page(tmp_path: Path) -> None:
    page = '<body><nav>Menu</nav><main id="app"></main><div>Rendered server-side</div></body>'
    assert extract_text(write(tmp_path, "shell.html", page)).text == "Rendered server-side"


def test_html_legacy_encoding(tmp_path: Path) -> None:
    # Pages labelled latin-1 are really cp1252 (browsers read them so): 0x96 is an en dash.
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Cost £500 – approved</p></body></html>'
    text = extract_text(write(tmp_path, "old.html", page.encode("cp1252"))).text
    assert text == "Cost £500 – approved"


def test_html_without_visible_text(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no visible text"):
        extract_text(write(tmp_path, "blank.html", "<html><script>x()</script></html>"))


# --- plain text and failures ----------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_and_whitespace_only(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(UnreadableFile, match="^empty file$"):
        extract_text(write(tmp_path, "empty.txt", content))


def test_binary_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="binary file, not text"):
        extract_text(write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10))


def test_cp1252_fallback(tmp_path: Path) -> None:
    result = extract_text(write(tmp_path, "legacy.txt", b"Budget \xa3812,000 \x96 \x93approved\x94\r\n"))
    assert result.text == "Budget £812,000 – “approved”"


def test_utf8_bom_and_windows_line_endings(tmp_path: Path) -> None:
    raw = "\ufeffMD2848\r\nLine two  \r\n\r\n\r\n\r\n\r\nLast\r\n".encode()
    result = extract_text(write(tmp_path, "bom.txt", raw))
    assert result.text == "MD2848\nLine two\n\n\nLast"
    assert result.kind == "text"


def test_sha256_is_of_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    raw = b"\xef\xbb\xbfsame text\r\n"
    result = extract_text(write(tmp_path, "a.txt", raw))
    assert result.sha256 == hashlib.sha256(raw).hexdigest()


def test_too_large(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="too large: 2,000 bytes"):
        extract_text(write(tmp_path, "big.txt", "x" * 2000), max_bytes=1000)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="disappeared"):
        extract_text(tmp_path / "gone.txt")


def test_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="unsupported file type .docx"):
        extract_text(write(tmp_path, "memo.docx", "text"))


ROOT_REASON = "root ignores file permissions, so chmod 000 cannot make a file unreadable"


@pytest.mark.skipif(os.geteuid() == 0, reason=ROOT_REASON)
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", "classified")
    path.chmod(0)
    try:
        with pytest.raises(UnreadableFile, match="permission denied"):
            extract_text(path)
    finally:
        path.chmod(0o644)


# --- normalise_text ------------------------------------------------------------


def test_normalise_invisible_characters_and_spaces() -> None:
    raw = "Zero\u200bwidth\u200c\u200d\u2060\ufeff and\u00a0NBSP\u202fnarrow\u3000wide soft\u00adhyphen"
    assert normalise_text(raw) == "Zerowidth and NBSP narrow wide softhyphen"


def test_normalise_keeps_quotes_dashes_and_lines() -> None:
    raw = "“Quoted” – ‘single’ — dash\nsecond line\n"
    assert normalise_text(raw) == "“Quoted” – ‘single’ — dash\nsecond line"


def test_normalise_line_endings_blank_lines_and_nfkc() -> None:
    raw = "a  \r\nb\rc\u2028d\n\n\n\n\n\ne\x0cf \ufb01nal \u2460"
    assert normalise_text(raw) == "a\nb\nc\nd\n\n\ne\nf final 1"


def test_normalise_is_idempotent() -> None:
    samples = ["\u00a0x\u200b\r\n\r\n\r\n\r\ny  ", "ﬁ½²™ \ud800 \x07bell", "\t\ta\t\n"]
    for sample in samples:
        once = normalise_text(sample)
        assert normalise_text(once) == once
    assert "\ud800" not in normalise_text(samples[1])  # a lone surrogate cannot be UTF-8 encoded
    assert "\x07" not in normalise_text(samples[1])


# --- list_corpus_files -----------------------------------------------------------


def test_list_corpus_files(tmp_path: Path) -> None:
    names = (
        "b.txt a.HTML sub/c.pdf sub/deeper/d.htm notes.docx .hidden.txt .git/e.txt x.meta.json metadata.csv"
    )
    for name in names.split():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a directory cycle
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a symlink to itself
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    files = list_corpus_files(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "a.HTML",
        "b.txt",
        "sub/c.pdf",
        "sub/deeper/d.htm",
    ]


def test_list_corpus_files_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list_corpus_files(tmp_path / "absent")


def test_symlink_loop_file_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    with pytest.raises(UnreadableFile, match="symbolic links"):
        extract_text(tmp_path / "self.txt")
