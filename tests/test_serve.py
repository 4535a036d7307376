"""`decisions serve` as a user runs it: a real process on 127.0.0.1, here with two worker processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from benchmarks.common import child_pids

from .conftest import TODAY, free_port


def _serve(data_dir: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "DECISIONS_TODAY": TODAY.isoformat()}
    env.pop("DECISIONS_STAFF", None)
    command = [
        sys.executable,
        "-m",
        "cli",
        "serve",
        "--data-dir",
        str(data_dir),
        "--port",
        str(port),
        *extra,
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return process, f"http://127.0.0.1:{port}"


def test_serve_with_two_worker_processes_answers_searches(settings):
    process, url = _serve(settings.data_dir, "--workers", "2")
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()[1][-2000:]
            try:
                if httpx.get(f"{url}/api/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        results = httpx.get(f"{url}/api/search", params={"q": "Shared Intelligence"}, timeout=30).json()[
            "results"
        ]
        assert results and "Shared Intelligence" in " ".join(p["text"] for p in results[0]["passages"])
        assert len(child_pids(process.pid)) >= 2  # uvicorn's supervisor and its two workers
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_without_an_index_says_how_to_build_one(tmp_path):
    process, _ = _serve(tmp_path / "empty", "--workers", "2")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "no index in" in err and "decisions index" in err


def test_a_setting_that_cannot_be_used_is_named_with_what_it_must_be(tmp_path):
    env = {**os.environ, "DECISIONS_QUERY_VECTORS": "lots"}
    done = subprocess.run([sys.executable, "-m", "cli", "search", "grants", "--data-dir", str(tmp_path)],
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert "DECISIONS_QUERY_VECTORS must be a whole number of 0 or more, not 'lots'" in done.stderr
    assert "Traceback" not in done.stderr
