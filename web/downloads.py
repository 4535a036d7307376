"""The original files a decision was read from (its web page copy, its signed PDF), for download.

Only the files recorded as that decision's sources can be reached, each resolved under the
corpus folder recorded when the index was built (meta "corpus"): a recorded path that leads
outside it (an absolute path, "..", a symlink out) is refused, and a file whose content changed
since indexing is not served, so what is downloaded is what was indexed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from search_api.decision import source_paths
from search_api.index import LoadedIndex

# HTML is served as an attachment and sandboxed: a saved web page must never run its
# scripts on this site's origin.
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "text": "text/plain; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
KIND_NAMES = {"pdf": "PDF", "text": "text", "html": "HTML"}


@dataclass(frozen=True)
class SourceFile:
    number: int  # 1-based, as in /decisions/MD2848/sources/1
    path: str  # relative to the corpus, as recorded at index time
    kind: str  # "pdf" | "text" | "html"
    file: Path  # resolved, inside the corpus folder
    size_bytes: int
    sha256: str

    @property
    def name(self) -> str:
        return self.file.name

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES.get(self.kind, "application/octet-stream")

    @property
    def label(self) -> str:
        """'PDF, 123 KB', for the link text."""
        kilobytes = max(1, round(self.size_bytes / 1024))
        size = f"{kilobytes:,} KB" if kilobytes < 1024 else f"{self.size_bytes / 1024 / 1024:.1f} MB"
        return f"{KIND_NAMES.get(self.kind, self.kind)}, {size}"


def corpus_root(index: LoadedIndex) -> Path | None:
    root = index.meta.get("corpus")
    return Path(root).resolve() if root else None


def source_files(index: LoadedIndex, decision_id: str) -> list[SourceFile]:
    """The decision's source files that are still in the corpus folder, numbered as recorded."""
    root = corpus_root(index)
    if root is None:
        return []  # an index built before the corpus folder was recorded: nothing to offer
    recorded = {row["path"]: row for row in index.sources(decision_id)}
    found = []
    for number, path in enumerate(source_paths(index, decision_id), start=1):
        file = (root / path).resolve()
        if path not in recorded or not file.is_relative_to(root) or not file.is_file():
            continue
        row = recorded[path]
        found.append(SourceFile(number, path, row["kind"], file, file.stat().st_size, row["sha256"]))
    return found


def source_file(index: LoadedIndex, decision_id: str, number: int) -> SourceFile | None:
    """Source `number` of the decision, if it exists, lies in the corpus and is unchanged."""
    match = next((s for s in source_files(index, decision_id) if s.number == number), None)
    if match is None or _sha256(match.file) != match.sha256:
        return None
    return match


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
