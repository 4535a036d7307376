"""`decisions serve` in a child process on 127.0.0.1, for the HTTP and start-up benchmarks.

A child process rather than a thread: the load generator must not share the server's GIL,
and start-up time must include imports and loading the model, as a user would see it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .common import TODAY

HOST = "127.0.0.1"  # never anything else: benchmarks send no traffic off this machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(data_dir: Path, port: int, workers: int = 1) -> subprocess.Popen:
    """`decisions serve` on HOST:port over data_dir (with `workers` processes); the caller must stop() it.

    Its stderr goes to data_dir/serve.log, not a pipe: an undrained pipe that fills up
    (tracebacks under load) would block the server and look like slowness.
    """
    env = {
        **os.environ,
        "DECISIONS_TODAY": TODAY.isoformat(),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    env.pop("DECISIONS_STAFF", None)
    command = [sys.executable, "-m", "cli", "serve", "--data-dir", str(data_dir), "--host", HOST,
               "--port", str(port), "--workers", str(workers)]  # fmt: skip
    with open(data_dir / "serve.log", "wb") as log:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
    process.log_path = data_dir / "serve.log"
    return process


def wait_for_answer(url: str, process: subprocess.Popen, timeout_s: float = 300) -> float:
    """Seconds until GET url answers 200; raises if the server dies or the time runs out."""
    started = time.perf_counter()
    with httpx.Client(timeout=30) as client:
        while time.perf_counter() - started < timeout_s:
            if process.poll() is not None:
                error = process.log_path.read_text(errors="replace")
                raise RuntimeError(f"server exited with {process.returncode}: {error[-2000:]}")
            try:
                if client.get(url).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            time.sleep(0.05)
    raise TimeoutError(f"no answer from {url} within {timeout_s} s")


def stop(process: subprocess.Popen) -> None:
    """Stop the server this benchmark started (only that process, by its handle)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
