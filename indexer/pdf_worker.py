"""PDF text extraction in a throwaway, killable process.

pdfminer can loop for ever or allocate without bound on malformed or
decompression-bomb files, so each PDF is parsed in a child process: run() (the
parent side) kills it after a wall-clock limit, and the child caps its own address
space with RLIMIT_AS before importing pdfplumber.

Protocol: argv = memory_mb max_pages cpu_seconds; the PDF's bytes arrive on stdin
(so the text always matches the bytes the caller hashed); one JSON object goes to
stdout, either {"text": ...} or {"error": "encrypted" | "corrupt" | "memory", "detail": ...}.

The child runs this file as a script with `python -P`, so the child side must not
import the indexer package: that keeps the package's imports out of every PDF's
start-up time and keeps indexer/ off sys.path.
"""

from __future__ import annotations

import errno
import io
import json
import logging
import math
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterable, Sequence

MAX_PAGES = 2000  # later pages are silently ignored
_SCRIPT = os.path.abspath(__file__)  # now: the caller may chdir before run()


class PdfFailed(Exception):
    """The PDF could not be read; the message is user-facing."""


def run(data: bytes, *, timeout_s: float, memory_mb: int, max_pages: int = MAX_PAGES) -> str:
    """Text of the PDF in `data`, extracted by a child process; raises PdfFailed."""
    if b"%PDF-" not in data[:1024]:
        raise PdfFailed("not a PDF: the file has no %PDF header")
    cpu_s = 0 if math.isinf(timeout_s) else math.ceil(timeout_s) + 5
    # -P keeps indexer/ off sys.path, so a module there cannot shadow the standard library.
    cmd = [sys.executable, "-P", _SCRIPT, str(memory_mb), str(max_pages), str(cpu_s)]
    too_slow = f"PDF took longer than {timeout_s:g} s, skipped"
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(data, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        raise PdfFailed(too_slow) from None
    finally:
        if proc.poll() is None:  # timed out, or interrupted (Ctrl-C): never leave it running
            proc.kill()
            proc.communicate()
    try:
        result = json.loads(out)
    except ValueError:
        result = {}
    if "text" in result:
        return result["text"]
    error = result.get("error")
    if error == "memory" or b"MemoryError" in err:
        raise PdfFailed(f"PDF needs more than {memory_mb} MB, skipped")
    if error == "encrypted":
        raise PdfFailed("encrypted PDF")
    if error == "corrupt":
        raise PdfFailed(f"corrupt or truncated PDF: {result.get('detail') or 'unknown error'}")
    if proc.returncode == -signal.SIGXCPU:  # the child's CPU-time backstop
        raise PdfFailed(too_slow)
    if proc.returncode == -signal.SIGKILL:
        raise PdfFailed("PDF worker was killed (out of memory?), skipped")
    last = (err.decode("utf-8", "replace").strip().splitlines() or [""])[-1][:200]
    raise PdfFailed(f"PDF worker failed (exit code {proc.returncode}) {last}".strip())


def format_table(rows: Iterable[Sequence[str | None]]) -> str:
    """One line per row, cells joined by TAB; empty rows dropped.

    Whitespace inside a cell (including newlines and tabs) becomes one space so
    that a row stays on one line and TAB only ever separates cells.
    """
    lines = []
    for row in rows:
        cells = [" ".join((cell or "").split()) for cell in row]
        if any(cells):
            lines.append("\t".join(cells))
    return "\n".join(lines)


def extract(data: bytes, max_pages: int = MAX_PAGES) -> str:
    """Page text, then that page's tables as TAB-separated rows; blocks split by blank lines.

    Runs pdfminer in the calling process: use run() for untrusted files.
    """
    import pdfplumber
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    pdf = pdfplumber.open(io.BytesIO(data))
    # pdf.pages would build every page of the document before we could stop at
    # max_pages, and pdf.close() would do the same, so pages are created one by one.
    pages = PDFPage.create_pages(pdf.doc)
    blocks: list[str] = []
    doctop: float = 0
    parsed = 0
    last_error: Exception | None = None
    for number in range(1, max_pages + 1):
        try:
            page_obj = next(pages)
        except StopIteration:
            break
        except MemoryError:
            raise
        except Exception as exc:
            if number == 1:
                raise
            last_error = exc
            break  # a damaged page tree: keep the pages read so far
        page = Page(pdf, page_obj, page_number=number, initial_doctop=doctop)
        doctop += page.height
        try:
            text = page.extract_text() or ""
        except MemoryError:
            raise
        except Exception as exc:
            last_error = exc  # one bad page (odd font, broken stream) should not lose the rest
            continue
        parsed += 1
        try:
            tables = page.extract_tables()
        except MemoryError:
            raise
        except Exception:
            tables = []  # the page text already holds the cells' words
        blocks.append(text.strip())
        blocks.extend(format_table(table) for table in tables)
        page.close()  # drop the page's cached layout objects before the next page
    if parsed == 0 and last_error is not None:
        raise last_error
    return "\n\n".join(block for block in blocks if block)


def _unwrap(exc: BaseException) -> BaseException:
    # pdfplumber wraps pdfminer's exceptions as PdfminerException(original)
    while exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]
    return exc


def _is_encryption_error(exc: BaseException) -> bool:
    names = {cls.__name__ for cls in type(_unwrap(exc)).__mro__}
    return bool(names & {"PDFPasswordIncorrect", "PDFEncryptionError"})


def _is_out_of_memory(exc: BaseException) -> bool:
    # Under RLIMIT_AS not every failed allocation is a MemoryError: zlib raises
    # zlib.error("Unable to allocate output buffer"), loading a C extension raises
    # ImportError("failed to map segment from shared object"), system calls ENOMEM.
    inner = _unwrap(exc)
    if isinstance(inner, OSError) and inner.errno == errno.ENOMEM:
        return True
    message = str(inner).lower()
    return any(words in message for words in ("allocate", "out of memory", "map segment"))


def _describe(exc: BaseException) -> str:
    inner = _unwrap(exc)
    message = (str(inner).strip().splitlines() or [""])[0]
    return (message or type(inner).__name__)[:120]


def _limit(kind: int, value: int) -> None:
    _soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)  # an unprivileged process cannot raise its hard limit
    resource.setrlimit(kind, (value, hard if hard != resource.RLIM_INFINITY else value))


def main(argv: list[str]) -> int:
    memory_mb, max_pages, cpu_seconds = (int(arg) for arg in argv[:3])
    _limit(resource.RLIMIT_AS, memory_mb * 1024 * 1024)
    if cpu_seconds > 0:
        # Backstop only: the parent's wall clock normally kills us first, but this
        # still ends a runaway parse if the parent itself has died.
        _limit(resource.RLIMIT_CPU, cpu_seconds)
    result_stream = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print() in a library must not corrupt the JSON result
    logging.basicConfig(level=logging.ERROR)  # pdfminer warns at length on damaged files
    try:
        result = {"text": extract(sys.stdin.buffer.read(), max_pages)}
    except MemoryError:
        result = {"error": "memory", "detail": ""}
    except Exception as exc:
        error = "corrupt"
        if _is_encryption_error(exc):
            error = "encrypted"
        elif _is_out_of_memory(exc):
            error = "memory"
        result = {"error": error, "detail": _describe(exc)}
    # ensure_ascii keeps lone surrogates (from broken font maps) encodable
    result_stream.write(json.dumps(result).encode("ascii"))
    result_stream.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
