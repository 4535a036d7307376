"""Indexing end to end: real files, the real model, real SQLite and FAISS files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from indexer import store
from indexer.pipeline import run_index
from search_api.index import IndexHolder
from search_api.search import SearchRequest, search

from .conftest import CORPUS, ROOT, TODAY


def _chunk_ids(data_dir: Path, exclude_decision: str = "") -> list[str]:
    db = sqlite3.connect(store.current_generation(data_dir) / store.CATALOG)
    rows = db.execute("SELECT id FROM chunks WHERE decision_id != ? ORDER BY rowid", (exclude_decision,))
    return [r[0] for r in rows]


def test_session_index_has_every_document_and_merges_the_pdf(index):
    # The DD2691 web page and DD2691-signed.pdf are one decision with two sources.
    assert set(index.by_ref) >= {"MD2848", "DD2691", "MD2313", "ADD2793"}
    assert len(index.decisions) == 5
    kinds = [r[0] for r in index.db.execute("SELECT kind FROM sources WHERE decision_id = 'DD2691'")]
    assert sorted(kinds) == ["pdf", "text"]


def test_second_run_on_unchanged_corpus_embeds_nothing(workspace):
    corpus, settings = workspace
    first = run_index(corpus, settings, show_progress=False)
    assert first.new_embeddings == 0 and first.cache_hits == first.chunks  # the copied cache had them all
    second = run_index(corpus, settings, show_progress=False)
    assert second.up_to_date and second.new_embeddings == 0
    forced = run_index(corpus, settings, show_progress=False, force=True)
    assert forced.new_embeddings == 0 and forced.chunks == first.chunks


def test_chunk_ids_are_stable_across_runs(workspace):
    corpus, settings = workspace
    run_index(corpus, settings, show_progress=False)
    before = _chunk_ids(settings.data_dir)
    run_index(corpus, settings, show_progress=False, force=True)
    assert _chunk_ids(settings.data_dir) == before


def test_changed_file_reembeds_only_its_new_chunks(workspace):
    corpus, settings = workspace
    run_index(corpus, settings, show_progress=False)
    others_before = _chunk_ids(settings.data_dir, exclude_decision="MD2313")
    path = next(p for p in corpus.glob("*.txt") if "Reference code: MD2313" in p.read_text())
    # Inserted before MD2313's "4.6 The Community Engagement team has commissioned several pieces of work"
    text = path.read_text().replace(
        "4.6 The Community", "4.5.1 A new paragraph about bicycle parking.\n\n4.6 The Community"
    )
    path.write_text(text)
    summary = run_index(corpus, settings, show_progress=False)
    assert summary.new_embeddings == 1  # only the new paragraph; the rest came from the cache
    assert _chunk_ids(settings.data_dir, exclude_decision="MD2313") == others_before


def test_deleted_file_disappears_from_the_index(workspace):
    corpus, settings = workspace
    run_index(corpus, settings, show_progress=False)
    next(p for p in corpus.glob("*.txt") if "Reference code: MD2313" in p.read_text()).unlink()
    run_index(corpus, settings, show_progress=False)
    loaded = IndexHolder(settings).get()
    assert "MD2313" not in loaded.by_ref
    # No other document names Windrush or MD2313: nothing is found, rather than the nearest others.
    assert "MD2313" not in [
        r.ref for r in search(loaded, SearchRequest(q="MD2313 Windrush", today=TODAY)).results
    ]


def test_bad_files_are_reported_and_skipped(workspace):
    corpus, settings = workspace
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (corpus / "truncated.pdf").write_bytes((CORPUS / "DD2691-signed.pdf").read_bytes()[:3000])
    (corpus / "latin1.txt").write_bytes(
        "MD9999 Caf\xe9 funding\n\nThe Mayor approves \xa35,000.".encode("latin-1")
    )
    summary = run_index(corpus, settings, show_progress=False)
    failed = dict(summary.failures)
    assert set(failed) == {"empty.txt", "binary.txt", "truncated.pdf"}
    assert (
        "empty" in failed["empty.txt"]
        and "binary" in failed["binary.txt"]
        and "PDF" in failed["truncated.pdf"]
    )
    assert summary.decisions == 6  # the five documents plus the latin-1 one
    loaded = IndexHolder(settings).get()
    assert "MD9999" in loaded.by_ref and 5000 in loaded.decisions["MD9999"].amounts


def test_index_command_prints_summary_and_fails_only_when_nothing_usable(workspace, tmp_path):
    corpus, settings = workspace
    env = {**os.environ, "DECISIONS_DATA_DIR": str(settings.data_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "cli", "index", str(corpus)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "decisions       5" in done.stdout and "failures        0" in done.stdout
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "blank.txt").write_text("   ")
    done = subprocess.run(
        [sys.executable, "-m", "cli", "index", str(empty), "--data-dir", str(tmp_path / "d2")],
        env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 1 and "blank.txt" in done.stdout


def test_killed_index_run_leaves_previous_index_searchable(workspace):
    corpus, settings = workspace
    run_index(corpus, settings, show_progress=False)
    live = store.current_generation(settings.data_dir)
    # New text that is not in the cache, so the killed run is busy embedding.
    for i in range(8):
        (corpus / f"extra-{i}.txt").write_text(
            f"MD{7000 + i} Extra decision {i}\n\n"
            + "\n\n".join(
                f"{j}.1 Paragraph {j} of extra decision {i} about topic {i * j} in borough {j}."
                for j in range(1, 16)
            )
        )
    env = {**os.environ, "DECISIONS_DATA_DIR": str(settings.data_dir), "DECISIONS_TODAY": TODAY.isoformat()}
    proc = subprocess.Popen([sys.executable, "-m", "cli", "index", str(corpus)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    time.sleep(3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert store.current_generation(settings.data_dir) == live
    loaded = IndexHolder(settings).get()
    assert search(loaded, SearchRequest(q="Shared Intelligence", today=TODAY)).results[0].ref == "DD2691"
    # The next run completes the work and clears what the killed one left behind.
    summary = run_index(corpus, settings, show_progress=False)
    assert summary.decisions == 13
    assert not [p for p in (settings.data_dir / "generations").iterdir() if p.name.startswith("tmp-")]


def test_sidecar_metadata_wins_over_parsed_fields(workspace):
    corpus, settings = workspace
    path = next(p for p in corpus.glob("*.txt") if "Reference code: MD2313" in p.read_text())
    # MD2313's "Date signed:" is empty, so its date is otherwise inferred from "2018/19".
    path.with_name(path.name + ".meta.json").write_text(
        '{"date_signed": "2018-06-14", "directorate": "Communities"}'
    )
    run_index(corpus, settings, show_progress=False)
    decision = IndexHolder(settings).get().decisions["MD2313"]
    assert (decision.date, decision.date_inferred, decision.directorate) == (
        "2018-06-14",
        False,
        "Communities",
    )


def test_progress_bar_is_quiet_when_not_on_a_terminal(workspace):
    corpus, settings = workspace
    env = {**os.environ, "DECISIONS_DATA_DIR": str(settings.data_dir)}
    done = subprocess.run([sys.executable, "-m", "cli", "index", str(corpus), "--force"],
                          env=env, capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0 and "Reading" not in done.stderr and "it/s" not in done.stderr
