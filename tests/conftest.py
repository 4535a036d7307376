"""Shared, expensive fixtures: one real index of corpus/ and one real server per test session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from decisions.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# corpus/gla/ holds 142 real london.gov.uk pages; most tests run on the five-document sample
# beside them (fast, and their expectations are about those documents). The quality tests
# index the whole corpus/ folder.
SAMPLE_ONLY = shutil.ignore_patterns("gla")
SHARED = ROOT.parent / "shared"
TODAY = dt.date(2026, 11, 23)


def find_corpus_file(needle: str) -> Path:
    """Tests pick corpus files by what they say, never by their names."""
    for path in sorted(CORPUS.iterdir()):
        if path.suffix == ".txt" and needle in path.read_text(encoding="utf-8"):
            return path
    raise LookupError(needle)


@pytest.fixture(scope="session")
def corpus_copy(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPUS, target, dirs_exist_ok=True, ignore=SAMPLE_ONLY)
    return target


@pytest.fixture(scope="session")
def settings(tmp_path_factory, corpus_copy) -> Settings:
    from indexer.pipeline import run_index

    data_dir = tmp_path_factory.mktemp("data")
    settings = Settings(data_dir=data_dir, today_override=TODAY)
    summary = run_index(corpus_copy, settings, show_progress=False)
    assert summary.decisions >= 5, summary.lines()
    return settings


@pytest.fixture(scope="session")
def index(settings):
    from search_api.index import IndexHolder

    return IndexHolder(settings).get()


@pytest.fixture(scope="session")
def full_settings(tmp_path_factory, settings) -> Settings:
    """All of corpus/ (the sample and the 142 real pages), indexed with the session's cache."""
    from indexer.pipeline import run_index

    data = tmp_path_factory.mktemp("full-data")
    shutil.copy(settings.data_dir / "cache.sqlite", data / "cache.sqlite")
    full = Settings(data_dir=data, today_override=TODAY)
    summary = run_index(CORPUS, full, show_progress=False)
    assert summary.decisions >= 140, summary.lines()
    return full


@pytest.fixture(scope="session")
def full_index(full_settings, index):
    """The index of all of corpus/, loaded once, with the session's model."""
    from search_api.index import IndexHolder

    return IndexHolder(full_settings, model=index.model).get()


@pytest.fixture
def workspace(tmp_path, settings) -> tuple[Path, Settings]:
    """A private corpus and data dir, with the session's embedding cache copied in to stay fast."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=SAMPLE_ONLY)
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(settings.data_dir / "cache.sqlite", data / "cache.sqlite")
    return corpus, Settings(data_dir=data, today_override=TODAY)


def sample_with(tmp_path_factory, settings: Settings, name: str, extra: dict[str, str]) -> Settings:
    """The sample corpus plus `extra` files (name → text), indexed with the session's cache."""
    from indexer.pipeline import run_index

    corpus = tmp_path_factory.mktemp(f"{name}-corpus")
    shutil.copytree(CORPUS, corpus, dirs_exist_ok=True, ignore=SAMPLE_ONLY)
    for file_name, text in extra.items():
        (corpus / file_name).write_text(text)
    data = tmp_path_factory.mktemp(f"{name}-data")
    shutil.copy(settings.data_dir / "cache.sqlite", data / "cache.sqlite")
    indexed = Settings(data_dir=data, today_override=TODAY)
    summary = run_index(corpus, indexed, show_progress=False)
    assert summary.decisions == 5 + len(extra), summary.lines()  # each extra file is a decision of its own
    return indexed


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The real app under uvicorn on 127.0.0.1, in a thread of the test process."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/api/health", timeout=5).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(settings, index):
    from search_api.index import IndexHolder
    from serve.app import create_app

    holder = IndexHolder(settings, model=index.model)
    with LiveServer(create_app(settings, holder)) as live:
        yield live


@pytest.fixture(scope="session")
def api(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


# ---------------------------------------------------------------- one headless Chromium for every browser test

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, launched once: Playwright's sync API allows one instance per thread, so
    every browser test file shares this one. A missing browser fails rather than skips."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
