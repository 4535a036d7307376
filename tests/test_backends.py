"""The behaviour that matters, on both storage backends through one parametrised fixture: the local
files (SQLite + FTS5 + FAISS) and Milvus (a real milvus-lite engine in this process; nothing mocked).

Results and passages, every filter, withheld decisions never leaking, incremental re-index,
deletion, and search during a re-index.
"""

from __future__ import annotations

import dataclasses
import shutil
import threading
from pathlib import Path

import httpx
import pytest

from decisions.settings import Settings
from indexer.pipeline import run_index
from search_api.index import IndexHolder
from search_api.search import SearchRequest, search
from serve.app import create_app
from storage.base import Filters, WordQuery
from storage.milvus import MilvusStore, MilvusWriter

from .conftest import CORPUS, SAMPLE_ONLY, TODAY, LiveServer
from .test_withheld import DEFERRED_FORM, FUTURE_CANARY, PART2_CANARY, PART2_FORM, PAST_CANARY

BACKENDS = ["local", "milvus"]
WITHHELD = {
    "future.txt": DEFERRED_FORM.format(
        ref="ADD9101", title="Lighting pilot (future)", canary=FUTURE_CANARY, until="31 December 2099"
    ),
    "past.txt": DEFERRED_FORM.format(
        ref="ADD9102", title="Lighting pilot (past)", canary=PAST_CANARY, until="1 March 2020"
    ),
    "annex.txt": PART2_FORM.format(canary=PART2_CANARY),
}
NEW_DECISION = "MD9500 Riverside tree planting\n\n1.1 The Mayor approves £9,000 for riverside tree planting."


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus, ignore=SAMPLE_ONLY)
    for name, text in WITHHELD.items():
        (corpus / name).write_text(text)
    return corpus


def _settings(backend: str, data: Path) -> Settings:
    settings = Settings(data_dir=data, today_override=TODAY)
    if backend == "milvus":
        settings = dataclasses.replace(settings, store="milvus", milvus_uri=str(data / "milvus.db"))
    return settings


def _index(corpus: Path, settings: Settings, force: bool = False):
    writer = (
        MilvusWriter(settings.milvus_uri, settings.milvus_collection) if settings.store == "milvus" else None
    )
    summary = run_index(corpus, settings, show_progress=False, force=force, writer=writer)
    return summary, writer


def _fresh(backend: str, root: Path, cache_from: Settings) -> tuple[Path, Settings]:
    """A corpus and an index of it in `root`, with the session's embedding cache (no re-embedding)."""
    corpus = _corpus(root)
    data = root / "data"
    data.mkdir()
    shutil.copy(cache_from.data_dir / "cache.sqlite", data / "cache.sqlite")
    settings = _settings(backend, data)
    summary, _ = _index(corpus, settings)
    assert summary.decisions == 8, summary.lines()
    return corpus, settings


@pytest.fixture(scope="module")
def indexed(tmp_path_factory, settings, index):
    """backend → (settings, loaded index) over the sample plus three withheld documents."""
    built = {}
    for backend in BACKENDS:
        _, backend_settings = _fresh(backend, tmp_path_factory.mktemp(f"backend-{backend}"), settings)
        built[backend] = (backend_settings, IndexHolder(backend_settings, model=index.model).get())
    return built


@pytest.fixture(params=BACKENDS)
def backend(request, indexed):
    return request.param, *indexed[request.param]


PUBLIC = Filters(staff=False, today=TODAY)
STAFF = Filters(staff=True, today=TODAY)


def _owners(store, ids: list[int]) -> set[str]:
    return {owner for owner, _ in store.owners(ids)}


def test_each_backend_is_the_one_asked_for(backend):
    name, _, store = backend
    assert isinstance(store, MilvusStore) == (name == "milvus")
    assert store.health()["store"] == name


def test_results_and_passages(backend):
    _, _, store = backend
    by_code = search(store, SearchRequest(q="MD2848", today=TODAY))
    assert by_code.results[0].ref == "MD2848"
    named = search(store, SearchRequest(q="Shared Intelligence", today=TODAY))
    assert named.results[0].ref == "DD2691"
    assert any("Shared Intelligence" in p.text for p in named.results[0].passages)
    # A paraphrase with no word of the passage still finds it through the vectors.
    paraphrase = search(
        store, SearchRequest(q="money for neighbourhood groups to involve residents", today=TODAY)
    )
    assert paraphrase.results and paraphrase.results[0].passages


def test_keyword_and_vector_search_agree_across_backends(indexed):
    """The same corpus gives the same decisions from either engine (BM25 and cosine, exact at this size)."""
    (_, local), (_, milvus) = indexed["local"], indexed["milvus"]
    vector = local.embed_query("grant funding for community organisations")
    assert local.nearest(vector, PUBLIC, 10) == milvus.nearest(vector, PUBLIC, 10)
    words = WordQuery(words=("engagement",))
    assert _owners(local, local.keyword(words, PUBLIC, 50)) == _owners(
        milvus, milvus.keyword(words, PUBLIC, 50)
    )
    assert local.match_count(words) == milvus.match_count(words) > 0


FILTER_CASES = {
    "type": Filters(staff=True, today=TODAY, type="director"),
    "date range": Filters(staff=True, today=TODAY, date_from="2020-01-01", date_to="2023-12-31"),
    "min amount": Filters(staff=True, today=TODAY, min_amount=100_000),
    "max amount": Filters(staff=True, today=TODAY, max_amount=50_000),
    "decision maker": Filters(staff=True, today=TODAY, decision_maker="sadiq"),
    "directorate": Filters(staff=True, today=TODAY, directorate="communities"),
    "has part 2": Filters(staff=True, today=TODAY, has_part2=True),
    "deferred": Filters(staff=True, today=TODAY, deferred=True),
    "citing": Filters(staff=True, today=TODAY, citing="MD2721"),
    "excluded": Filters(staff=True, today=TODAY, excluded_ids=frozenset({"MD2848"})),
    "public": PUBLIC,
}


@pytest.mark.parametrize("case", FILTER_CASES)
def test_every_filter_in_the_engine(backend, case):
    _, _, store = backend
    filters = FILTER_CASES[case]
    wanted = set(store.admitted_decisions(filters))
    assert wanted and wanted != set(store.decisions), f"{case} must admit some decisions and not all"
    vector = store.embed_query("London funding approved by the Mayor")
    nearest = _owners(store, store.nearest(vector, filters, store.count()))
    words = WordQuery(words=("london", "funding", "approve", "mayor", "grant", "lighting", "decision"))
    found = _owners(store, store.keyword(words, filters, 200))
    assert nearest <= wanted and found <= wanted
    # Filtered in the engine, not cut from an unfiltered top list: every admitted decision is reachable.
    assert nearest == wanted


def test_withheld_decisions_never_leave_the_engine_in_public(backend):
    _, _, store = backend
    withheld = {d.id for d in store.decisions.values() if d.ref in ("ADD9101", "MD9103") or d.part2}
    assert len(withheld) == 2
    vector = store.embed_query("street lighting pilot in Hackney")
    for canary in (FUTURE_CANARY, PART2_CANARY):
        assert not store.keyword(WordQuery(words=(canary,)), PUBLIC, 50)
        assert store.keyword(WordQuery(words=(canary,)), STAFF, 50)
    assert not _owners(store, store.nearest(vector, PUBLIC, 500)) & withheld
    assert _owners(store, store.nearest(vector, STAFF, 500)) >= withheld
    # The one whose deferral date has passed is public.
    assert store.keyword(WordQuery(words=(PAST_CANARY,)), PUBLIC, 50)
    public = search(store, SearchRequest(q="street lighting pilot in Hackney", today=TODAY))
    assert {r.ref for r in public.results} & {"ADD9101", "MD9103"} == set()


@pytest.mark.parametrize("name", BACKENDS)
def test_incremental_reindex_and_deletion(tmp_path, settings, index, name):
    corpus, backend_settings = _fresh(name, tmp_path, settings)
    holder = IndexHolder(backend_settings, model=index.model)
    before = holder.get()
    changed = corpus / "past.txt"
    changed.write_text(changed.read_text().replace("street lighting pilot", "solar bench trial"))
    summary, writer = _index(corpus, backend_settings)
    after = holder.get()
    assert after is not before and summary.decisions == 8
    if writer:  # only the changed decision's rows were written, and its old rows retired
        changed_chunks = len(after.chunks_of(after.by_ref["ADD9102"]))
        assert writer.written_rows == changed_chunks
        assert writer.retired_rows == len(before.chunks_of(before.by_ref["ADD9102"]))
    trial = search(after, SearchRequest(q="solar bench trial", today=TODAY))
    assert trial.results[0].ref == "ADD9102"
    new = after.texts(after.keyword(WordQuery(words=(PAST_CANARY,)), PUBLIC, 50))
    assert new and not any("street lighting pilot" in t for t in new.values())
    # The reader of the old generation still sees the old state of the decision, whole.
    old = before.texts(before.keyword(WordQuery(words=(PAST_CANARY,)), PUBLIC, 50))
    assert old and not any("solar bench" in t for t in old.values())
    # Deleting the file deletes the decision.
    changed.unlink()
    _index(corpus, backend_settings)
    gone = holder.get()
    assert "ADD9102" not in gone.by_ref
    assert not gone.keyword(WordQuery(words=(PAST_CANARY,)), STAFF, 50)


@pytest.mark.parametrize("name", BACKENDS)
def test_search_during_reindex_sees_one_state_or_the_other(tmp_path, settings, index, name):
    corpus, backend_settings = _fresh(name, tmp_path, settings)
    holder = IndexHolder(backend_settings, model=index.model)
    seen: list[set[str]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def query_loop() -> None:
        while not stop.is_set():
            try:
                response = search(
                    holder.get(), SearchRequest(q="riverside tree planting lighting", today=TODAY)
                )
                seen.append({r.ref for r in response.results})
            except BaseException as exc:  # noqa: BLE001 - any failure is the finding
                errors.append(exc)
                return

    worker = threading.Thread(target=query_loop)
    worker.start()
    (corpus / "new.txt").write_text(NEW_DECISION)
    (corpus / "past.txt").unlink()
    _index(corpus, backend_settings)
    final = search(holder.get(), SearchRequest(q="riverside tree planting lighting", today=TODAY))
    stop.set()
    worker.join()
    assert not errors, errors
    assert seen
    # Each response is of one generation: the new decision and the deleted one never appear together.
    assert not [refs for refs in seen if {"MD9500", "ADD9102"} <= refs]
    assert "MD9500" in {r.ref for r in final.results} and "ADD9102" not in {r.ref for r in final.results}


def test_the_site_and_api_serve_from_milvus(indexed, index):
    milvus_settings, _ = indexed["milvus"]
    with LiveServer(create_app(milvus_settings, IndexHolder(milvus_settings, model=index.model))) as live:
        page = httpx.get(live.url + "/search", params={"q": "Shared Intelligence"}, timeout=60)
        api = httpx.get(live.url + "/api/search", params={"q": "Shared Intelligence"}, timeout=60).json()
        health = httpx.get(live.url + "/api/health", timeout=60).json()
    assert page.status_code == 200 and "DD2691" in page.text
    assert api["results"][0]["ref"] == "DD2691"
    assert health["store"] == "milvus"


def test_store_settings_say_what_to_fix():
    from decisions.settings import SettingsError, load_settings

    with pytest.raises(SettingsError, match="--milvus-uri"):
        load_settings(store="milvus")
    with pytest.raises(SettingsError, match="local, milvus"):
        load_settings(store="elastic")


def test_force_rewrites_every_row_and_a_foreign_collection_is_refused(tmp_path, settings, index):
    from pymilvus import DataType

    from storage.milvus import MilvusUnavailable, connect

    corpus, backend_settings = _fresh("milvus", tmp_path, settings)
    loaded = IndexHolder(backend_settings, model=index.model).get()
    writer = MilvusWriter(backend_settings.milvus_uri, rewrite=True)
    run_index(corpus, backend_settings, show_progress=False, force=True, writer=writer)
    assert writer.written_rows == writer.retired_rows == loaded.count()
    assert search(IndexHolder(backend_settings, model=index.model).get(),
                  SearchRequest(q="Shared Intelligence", today=TODAY)).results[0].ref == "DD2691"  # fmt: skip
    # A collection of the same name that another program made is not written into.
    client = connect(backend_settings.milvus_uri)
    schema = client.create_schema(auto_id=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("v", DataType.FLOAT_VECTOR, dim=2)
    client.create_collection("someone_elses", schema=schema)
    foreign = MilvusWriter(backend_settings.milvus_uri, "someone_elses")
    with pytest.raises(MilvusUnavailable, match="--milvus-collection"):
        run_index(corpus, backend_settings, show_progress=False, force=True, writer=foreign)


def test_exhaustive_search_lists_every_match_past_the_engines_cap(indexed, monkeypatch):
    """An FOI search must see every record: when BM25 stops at its cap, the rest are listed."""
    import storage.milvus

    _, milvus = indexed["milvus"]
    query = WordQuery(required=("community", "engagement"), every=True)
    every = milvus.keyword_scores(query, STAFF)
    assert len(every) > 3
    monkeypatch.setattr(storage.milvus, "MAX_TOPK", 3)  # the engine's cap, made small enough to reach here
    capped = milvus.keyword_scores(query, STAFF)
    assert set(capped) == set(every)
    assert sorted(capped.values(), reverse=True)[:3] == sorted(every.values(), reverse=True)[:3]
