"""Configuration, read once from flags and the environment into one object."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_MODEL = "all-MiniLM-L6-v2"
STORES = ("local", "milvus")  # where the search runs: this machine's files, or a Milvus engine
DEFAULT_MILVUS_COLLECTION = "decision_chunks"
# Queries are capped before any parsing or regular expression runs (see search_api/query.py).
MAX_QUERY_CHARS = 1000


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    model: str = DEFAULT_MODEL  # a sentence-transformers name or a local path
    staff: bool = False  # show deferred and Part 2 decisions, marked
    staff_token: str | None = None
    today_override: dt.date | None = None  # for tests and replaying an old day
    llm_url: str | None = None  # an OpenAI-compatible endpoint; off unless set
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout_s: float = 20.0
    max_query_chars: int = MAX_QUERY_CHARS
    # Query vectors remembered per process (0: none): the next page, another filter and the
    # search page's answer ask for the same text, and each encode is ~15 ms of a core.
    query_vectors_kept: int = 512
    # A local sentence-transformers CrossEncoder folder: its relevance joins the second stage.
    reranker: str | None = None
    store: str = "local"  # one of STORES
    milvus_uri: str | None = None  # a Milvus server (http://host:19530) or a milvus-lite file
    milvus_collection: str = DEFAULT_MILVUS_COLLECTION

    def today(self) -> dt.date:
        return self.today_override or dt.date.today()

    def with_overrides(self, **changes) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def as_environment(self) -> dict[str, str]:
        """These settings as the variables load_settings() reads, for worker processes."""
        values = {
            "DECISIONS_DATA_DIR": str(self.data_dir.resolve()),
            "DECISIONS_MODEL": self.model,
            "DECISIONS_STAFF": "1" if self.staff else "0",
            "DECISIONS_STAFF_TOKEN": self.staff_token,
            "DECISIONS_TODAY": self.today_override.isoformat() if self.today_override else None,
            "DECISIONS_LLM_URL": self.llm_url,
            "DECISIONS_LLM_MODEL": self.llm_model,
            "DECISIONS_LLM_API_KEY": self.llm_api_key,
            "DECISIONS_QUERY_VECTORS": str(self.query_vectors_kept),
            "DECISIONS_RERANKER": self.reranker,
            "DECISIONS_STORE": self.store,
            "DECISIONS_MILVUS_URI": self.milvus_uri,
            "DECISIONS_MILVUS_COLLECTION": self.milvus_collection,
        }
        return {k: v for k, v in values.items() if v is not None}


class SettingsError(ValueError):
    """A setting that cannot be used, named with what it must be."""


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"DECISIONS_TODAY must be a date like 2026-01-31, not {value!r}") from None


def _count(env, name: str, default: int) -> int:
    value = env.get(name)
    if value is None or value.strip() == "":
        return default
    if not value.strip().isdigit():
        raise SettingsError(f"{name} must be a whole number of 0 or more, not {value!r}")
    return int(value)


def load_settings(**overrides) -> Settings:
    """Environment first, then explicit overrides (command-line flags) win."""
    env = os.environ
    today = env.get("DECISIONS_TODAY")
    settings = Settings(
        data_dir=Path(env.get("DECISIONS_DATA_DIR", "data")),
        model=env.get("DECISIONS_MODEL", DEFAULT_MODEL),
        staff=_truthy(env.get("DECISIONS_STAFF")),
        staff_token=env.get("DECISIONS_STAFF_TOKEN") or None,
        today_override=_date(today) if today else None,
        llm_url=env.get("DECISIONS_LLM_URL") or None,
        llm_model=env.get("DECISIONS_LLM_MODEL") or None,
        llm_api_key=env.get("DECISIONS_LLM_API_KEY") or env.get("OPENAI_API_KEY") or None,
        query_vectors_kept=_count(env, "DECISIONS_QUERY_VECTORS", Settings.query_vectors_kept),
        reranker=env.get("DECISIONS_RERANKER") or None,
        store=(env.get("DECISIONS_STORE") or "local").strip().lower(),
        milvus_uri=env.get("DECISIONS_MILVUS_URI") or None,
        milvus_collection=env.get("DECISIONS_MILVUS_COLLECTION") or DEFAULT_MILVUS_COLLECTION,
    )
    if overrides.get("data_dir") is not None:
        overrides["data_dir"] = Path(overrides["data_dir"])
    return checked_store(settings.with_overrides(**overrides))


def checked_store(settings: Settings) -> Settings:
    """The store settings, refused with what to fix before anything is opened or written."""
    if settings.store not in STORES:
        raise SettingsError(f"the store must be one of {', '.join(STORES)}, not {settings.store!r}")
    if settings.store == "milvus" and not settings.milvus_uri:
        raise SettingsError(
            "--store milvus needs --milvus-uri URI (or DECISIONS_MILVUS_URI): a Milvus server such as "
            "http://localhost:19530, or a file such as ./data/milvus.db for milvus-lite"
        )
    return settings
