"""The loaded index: the current generation, read through its storage backend, plus the model.

Created once at start-up and passed in (the app keeps one `IndexHolder`). A new generation
written by `decisions index` is picked up between requests, whole (storage/local.py reads it).
"""

from __future__ import annotations

import logging
import threading

from decisions.settings import Settings
from indexer import store
from indexer.embed import QUERY_THREADS, load_cross_encoder, load_model, use_threads
from storage.base import DecisionRow
from storage.catalog import Catalog, IndexUnavailable
from storage.local import LocalStore
from storage.milvus import MilvusStore

log = logging.getLogger("decisions")

# The search reads one generation through its backend: LocalStore or MilvusStore, by settings.store.
LoadedIndex = Catalog
BACKENDS = {"local": LocalStore, "milvus": MilvusStore}
__all__ = ["DecisionRow", "IndexHolder", "IndexUnavailable", "LoadedIndex"]


class IndexHolder:
    """Keeps the model for the process and swaps in new generations as they appear."""

    def __init__(self, settings: Settings, model=None):
        self.settings = settings
        self.model = model
        self.cross_encoder = None
        self._lock = threading.Lock()
        self._loaded: LoadedIndex | None = None
        self._pointer: str | None = None

    def _read_pointer(self) -> str | None:
        try:
            return (self.settings.data_dir / "CURRENT").read_text().strip()
        except FileNotFoundError:
            return None

    def get(self) -> LoadedIndex:
        pointer = self._read_pointer()
        loaded = self._loaded
        if loaded is not None and pointer == self._pointer:
            return loaded
        with self._lock:
            if self._loaded is not None and pointer == self._pointer:
                return self._loaded
            generation = store.current_generation(self.settings.data_dir)
            if generation is None:
                if self._loaded is not None:
                    return self._loaded
                raise IndexUnavailable(
                    f"no index in {self.settings.data_dir}; build one with `decisions index CORPUS "
                    f"--data-dir {self.settings.data_dir}`"
                )
            if self.model is None:
                self.model = load_model(self.settings.model)
            if self.settings.reranker and self.cross_encoder is None:
                self.cross_encoder = load_cross_encoder(self.settings.reranker)
            use_threads(QUERY_THREADS)
            try:
                backend = BACKENDS[self.settings.store]
                self._loaded = backend(
                    generation, self.model, self.settings.model, self.settings.query_vectors_kept
                )
                self._loaded.cross_encoder = self.cross_encoder
            except IndexUnavailable:
                if self._loaded is None:
                    raise
                # A damaged new generation is refused loudly, and the one already serving stays.
                log.error("refusing new index generation %s; still serving %s", generation.name,
                          self._loaded.generation.name, exc_info=True)  # fmt: skip
            self._pointer = pointer
            return self._loaded
