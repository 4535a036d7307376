"""Bad input, damaged files, concurrent runs and load: the service keeps working and loses nothing."""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import os
import threading
import time

import httpx
import pytest

from indexer import store
from indexer.pipeline import run_index
from search_api.index import IndexHolder, IndexUnavailable
from search_api.search import SearchRequest, search
from serve.app import create_app

from .conftest import TODAY, LiveServer


def test_second_index_run_on_the_same_data_dir_is_refused_clearly(workspace):
    corpus, settings = workspace
    with store.IndexLock(settings.data_dir), pytest.raises(store.IndexBusy, match="another index run"):
        run_index(corpus, settings, show_progress=False)


def test_damaged_vectors_file_is_refused_with_a_way_to_rebuild(workspace, index):
    corpus, settings = workspace
    run_index(corpus, settings, show_progress=False)
    vectors = store.current_generation(settings.data_dir) / store.VECTORS
    raw = bytearray(vectors.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    vectors.write_bytes(bytes(raw))
    with pytest.raises(IndexUnavailable, match="damaged.*--force"):
        IndexHolder(settings, model=index.model).get()
    # The rebuild the message suggests works.
    run_index(corpus, settings, show_progress=False, force=True)
    assert IndexHolder(settings, model=index.model).get().chunk_count > 0


def test_index_of_another_model_is_refused(workspace, index):
    corpus, settings = workspace
    run_index(corpus, settings, show_progress=False)
    other = dataclasses.replace(settings, model="some-other-model")
    with pytest.raises(IndexUnavailable, match="cannot be mixed"):
        IndexHolder(other, model=index.model).get()


def test_server_answers_throughout_a_reindex_and_picks_up_the_new_generation(workspace, index):
    corpus, settings = workspace
    run_index(corpus, settings, show_progress=False)
    statuses: list[int] = []
    stop = threading.Event()
    with LiveServer(create_app(settings, IndexHolder(settings, model=index.model))) as live:

        def query_loop() -> None:
            with httpx.Client(base_url=live.url, timeout=60) as client:
                while not stop.is_set():
                    statuses.append(
                        client.get("/api/search", params={"q": "community engagement"}).status_code
                    )

        worker = threading.Thread(target=query_loop)
        worker.start()
        (corpus / "new.txt").write_text(
            "MD9500 Riverside tree planting\n\n1.1 The Mayor approves £9,000 for riverside tree planting."
        )
        run_index(corpus, settings, show_progress=False)
        time.sleep(0.5)
        stop.set()
        worker.join()
        found = httpx.get(live.url + "/api/search", params={"q": "MD9500"}, timeout=60).json()
    assert statuses and set(statuses) == {200}
    assert found["results"][0]["ref"] == "MD9500"


def test_messy_files_are_indexed_with_normalised_text(workspace, index):
    corpus, settings = workspace
    messy = corpus / "messy"
    messy.mkdir()
    (messy / "crlf.txt").write_bytes(
        b"MD9601 Canal\xe2\x80\x8bside moorings\r\n\r\n1.1 The Mayor approves \xc2\xa35,000 for canal\xc2\xa0moorings.\r\n"
    )
    (messy / "page.html").write_text(
        "<html><body><nav>Menu</nav><main><h1>MD9602 Lido repairs</h1><script>alert('x')</script>"
        "<p>1.1 The Mayor approves “urgent” repairs to the lido.</p></main></body></html>"
    )
    (messy / "huge-line.txt").write_text("MD9603 Long line\n\n1.1 " + "pigeon " * 60_000)
    os.symlink(messy, messy / "loop")
    summary = run_index(corpus, settings, show_progress=False)
    assert summary.failures == []
    loaded = IndexHolder(settings, model=index.model).get()
    assert {"MD9601", "MD9602", "MD9603"} <= set(loaded.by_ref)
    # A zero-width space typed into the query is dropped the same way as in the text.
    hit = search(loaded, SearchRequest(q="Canal\u200bside moorings", mode="keyword", today=TODAY)).results[0]
    assert hit.ref == "MD9601"
    text = loaded.db.execute("SELECT group_concat(text) FROM chunks WHERE decision_id = 'MD9602'").fetchone()[
        0
    ]
    assert "alert" not in text and "“urgent”" in text


HOSTILE_QUERIES = [
    "\x00", "%00", "   ", "😀🏛️ £££", "Привет мир", "(" * 500, "a" * 999, "since " * 150, "£" * 900,
    '"' * 300, "NEAR(" * 100, "* - : ^ AND OR NOT", "1; DROP TABLE decisions", "\u200b" * 500,
    "over £" + "9" * 300, "in 1999-00 before 2100 since 1900",
]  # fmt: skip


@pytest.mark.parametrize("q", HOSTILE_QUERIES)
def test_hostile_queries_never_500_and_answer_quickly(api, q):
    for path in ("/api/search", "/api/answer", "/search"):
        started = time.perf_counter()
        response = api.get(path, params={"q": q})
        assert response.status_code < 500, (path, response.text[:200])
        assert time.perf_counter() - started < 10


def test_http_edge_cases(api):
    for path in ("/api/decisions/..%2F..%2Fetc%2Fpasswd", "/api/decisions/%2e%2e%2fcatalog.sqlite",
                 "/decisions/..%2F..%2Fetc%2Fpasswd", "/static/..%2F..%2Fpyproject.toml"):  # fmt: skip
        response = api.get(path)
        assert response.status_code == 404 and "[project]" not in response.text
    assert api.post("/api/search", params={"q": "x"}).status_code == 405
    bad = api.get("/api/search", params={"q": "x", "limit": "many"})
    assert bad.status_code == 422 and "limit" in bad.json()["detail"]
    big = api.post("/api/answer", content=b'{"question": "' + b"a" * 2_000_000 + b'"}',
                   headers={"content-type": "application/json"})  # fmt: skip
    assert big.status_code in (413, 422)


def test_bounded_load_mixing_search_answer_and_pages(server):
    """A short run of the load test (benchmarks/ holds the long one): 16 clients, no errors."""
    paths = [("/api/search", {"q": "community engagement grants since 2018"}),
             ("/api/answer", {"q": "Who chairs the Structural Inequalities Subgroup?"}),
             ("/decisions/MD2848", {}), ("/search", {"q": "Shared Intelligence"})]  # fmt: skip
    deadline = time.monotonic() + 5

    def client_loop(i: int) -> list[int]:
        codes = []
        with httpx.Client(base_url=server.url, timeout=60) as client:
            while time.monotonic() < deadline:
                path, params = paths[(i + len(codes)) % len(paths)]
                codes.append(client.get(path, params=params).status_code)
        return codes

    with cf.ThreadPoolExecutor(16) as pool:
        codes = [c for result in pool.map(client_loop, range(16)) for c in result]
    assert len(codes) >= 16 and set(codes) == {200}
