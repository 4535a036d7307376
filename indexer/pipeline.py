"""read → parse → merge → chunk → embed → store, for a whole folder."""

from __future__ import annotations

import gc
import hashlib
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from tqdm import tqdm

from decisions import words
from decisions.records import Chunk, Decision, SourceDocument
from decisions.settings import Settings

from . import store
from .chunk import chunk_source, embedding_text
from .embed import INDEX_THREADS, EmbeddingCache, embed_with_cache, load_model, use_threads
from .merge import merge_documents
from .parse import parse_document
from .read import ExtractedText, UnreadableFile, extract_text, list_corpus_files
from .sidecar import apply_sidecar, load_sidecar_metadata

# Makes a run's generation live: (data_dir, decisions, chunks, vectors, meta) → the generation's folder.
Writer = Callable[[Path, list[Decision], list[Chunk], np.ndarray, dict[str, str]], Path]


@dataclass
class IndexSummary:
    corpus: str
    files_read: int = 0
    decisions: int = 0
    chunks: int = 0
    new_embeddings: int = 0
    cache_hits: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    up_to_date: bool = False
    generation: str | None = None

    @property
    def usable(self) -> bool:
        return self.up_to_date or self.decisions > 0

    def as_dict(self) -> dict:
        out = dict(self.__dict__)
        out["failures"] = [{"path": p, "reason": r} for p, r in self.failures]
        return out

    def lines(self) -> list[str]:
        if self.up_to_date:
            head = (
                f"Index is up to date with {self.corpus} ({self.decisions} decisions, {self.chunks} chunks)."
            )
            return [head, f"Checked in {self.seconds:.1f} s; nothing re-read or re-embedded."]
        lines = [
            f"Indexed {self.corpus} in {self.seconds:.1f} s",
            f"  files read      {self.files_read}",
            f"  decisions       {self.decisions}",
            f"  chunks          {self.chunks}",
            f"  new embeddings  {self.new_embeddings}",
            f"  cache hits      {self.cache_hits}",
            f"  failures        {len(self.failures)}",
        ]
        lines += [f"    skipped {path}: {reason}" for path, reason in self.failures]
        return lines


def _code_version() -> str:
    """Changing how we parse or chunk must rebuild the index even if no file changed."""
    digest = hashlib.sha256()
    # The stemmer writes the stored stems and search terms: changing it changes the index too.
    for path in [*sorted(Path(__file__).parent.glob("*.py")), Path(words.__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def corpus_fingerprint(corpus: Path, files: list[Path], model: str) -> str:
    digest = hashlib.sha256(f"{model}\0{_code_version()}".encode())
    sidecars = [p for p in corpus.rglob("*") if p.name.endswith(".meta.json") or p.name == "metadata.csv"]
    for path in sorted(files + sidecars):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path.relative_to(corpus)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _extract(path: Path, cache: EmbeddingCache) -> ExtractedText:
    """PDF text is cached by content hash: pdfplumber is the slow part of a re-index."""
    if path.suffix.lower() == ".pdf":
        sha = store.file_sha256(path)
        cached = cache.get_extracted(sha)
        if cached:
            return ExtractedText(kind=cached[0], text=cached[1], sha256=sha)
        extracted = extract_text(path)
        cache.put_extracted(sha, extracted.kind, extracted.text)
        return extracted
    return extract_text(path)


def _read_one(corpus: Path, path: Path, cache: EmbeddingCache) -> SourceDocument | str:
    """The parsed document, or the reason it could not be read."""
    try:
        extracted = _extract(path, cache)
        meta = load_sidecar_metadata(path, corpus)
        # The address may hold the code and title: parse once, with it (apply_sidecar would
        # otherwise parse the page again).
        url = meta.get("url") if isinstance(meta.get("url"), str) else None
        doc = parse_document(extracted.text, path=str(path.relative_to(corpus)), kind=extracted.kind,
                             sha256=extracted.sha256, url=url and url.strip())  # fmt: skip
        return apply_sidecar(doc, meta)
    except (UnreadableFile, ValueError, OSError) as exc:
        return str(exc) or type(exc).__name__


def read_documents(
    corpus: Path, files: list[Path], cache: EmbeddingCache, summary: IndexSummary, show_progress: bool
) -> list[SourceDocument]:
    # Each PDF is parsed in a process of its own, so reading on one thread per core keeps both
    # cores busy; results come back in file order.
    docs = []
    pool = ThreadPoolExecutor(max_workers=INDEX_THREADS, thread_name_prefix="read")
    try:
        results = pool.map(lambda path: _read_one(corpus, path, cache), files)
        for path, result in tqdm(zip(files, results, strict=True), total=len(files), desc="Reading",
                                 unit="file", disable=not show_progress):  # fmt: skip
            if isinstance(result, str):
                summary.failures.append((str(path.relative_to(corpus)), result))
                continue
            summary.files_read += 1
            docs.append(result)
    finally:
        # On Ctrl-C, files not yet started are dropped instead of read to the end.
        pool.shutdown(wait=True, cancel_futures=True)
    return docs


def chunk_decisions(decisions: list[Decision]) -> list[Chunk]:
    return [c for d in decisions for s in d.sources for c in chunk_source(d.id, s, d.title)]


def _model_loader(model_name: str):
    def load():
        model = load_model(model_name)
        use_threads(INDEX_THREADS)
        return model

    return load


def run_index(
    corpus: Path,
    settings: Settings,
    show_progress: bool | None = None,
    force: bool = False,
    writer: Writer | None = None,
) -> IndexSummary:
    """Index `corpus` into settings.data_dir; the previous index stays live until the end.

    `writer` makes the new generation live (default: the local files, indexer.store); the
    command line passes storage.milvus.MilvusWriter for `--store milvus`."""
    write = writer or store.write_generation
    target = getattr(write, "describes", {"store": "local"})
    started = time.perf_counter()
    if show_progress is None:
        show_progress = sys.stderr.isatty()
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus folder {corpus} does not exist")
    data_dir = settings.data_dir
    summary = IndexSummary(corpus=str(corpus))
    with store.IndexLock(data_dir):
        store.remove_stale_generations(data_dir)
        files = list_corpus_files(corpus)
        fingerprint = corpus_fingerprint(corpus, files, settings.model)
        current = store.current_generation(data_dir)
        if current and not force:
            meta = store.read_meta(current)
            same_target = all(meta.get(k, "local" if k == "store" else None) == v for k, v in target.items())
            if meta.get("fingerprint") == fingerprint and same_target:
                summary.up_to_date = True
                summary.decisions = int(meta.get("decision_count", 0))
                summary.chunks = int(meta.get("chunk_count", 0))
                summary.generation = current.name
                summary.seconds = time.perf_counter() - started
                return summary
        cache = EmbeddingCache(data_dir / "cache.sqlite")
        try:
            docs = read_documents(corpus, files, cache, summary, show_progress)
            decisions = merge_documents(docs)
            chunks = chunk_decisions(decisions)
            summary.decisions, summary.chunks = len(decisions), len(chunks)
            if not decisions:
                summary.seconds = time.perf_counter() - started
                return summary
            titles = {d.id: d.title for d in decisions}
            texts = [embedding_text(c, titles[c.decision_id]) for c in chunks]
            # The parsed corpus is millions of long-lived objects; the collector would walk them
            # again and again while tokenising (measured: model time +11% in a 200-decision run).
            gc.freeze()
            try:
                with tqdm(total=len(texts), desc="Embedding", unit="chunk", disable=not show_progress) as bar:
                    vectors, summary.new_embeddings, summary.cache_hits = embed_with_cache(
                        _model_loader(settings.model), settings.model, texts, cache, on_batch=bar.update
                    )
                    bar.update(bar.total - bar.n)
            finally:
                gc.unfreeze()
            meta = {"model": settings.model, "fingerprint": fingerprint, "corpus": str(corpus.resolve())}
            generation = write(data_dir, decisions, chunks, vectors, meta)
            summary.generation = generation.name
            store.remove_stale_generations(data_dir)
        finally:
            cache.close()
    summary.seconds = time.perf_counter() - started
    return summary
