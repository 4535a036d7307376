"""Index generations of a chosen size without running the model over every chunk.

Texts are real-shaped: synthetic decisions (benchmarks/make_corpus.py) go through the real
parser, merger and chunker. Vectors are synthetic but shaped like sentence embeddings —
topic centroid + decision offset + chunk offset, normalised — so chunks of one decision sit
together as real ones do and HNSW recall is not measured on uniform noise (its worst case).
The generation is written with the real `store.write_generation`, so it loads through the
real `LoadedIndex` and is searched by the real code; only the query is embedded by the model.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from decisions.records import Chunk, Decision
from decisions.settings import DEFAULT_MODEL
from indexer import store
from indexer.chunk import chunk_source
from indexer.merge import merge_documents
from indexer.parse import parse_document
from indexer.vector_index import EXACT_MAX_VECTORS

from .corpus_vocab import TOPICS
from .make_corpus import plan, render_text

DIMENSION = 384  # all-MiniLM-L6-v2
# Noise scales chosen so that cosine(chunk, own decision) ≈ 0.8 and cosine(chunk, other
# decision on the same topic) ≈ 0.4-0.5, about what the model gives on the real corpus.
DECISION_NOISE, CHUNK_NOISE = 0.9, 0.6
BLOCK = 50_000  # vectors drawn per block, to bound float64 temporaries at 1M


def synthetic_decisions(target_chunks: int, seed: int) -> tuple[list[Decision], list[Chunk]]:
    """Parsed and chunked synthetic decisions until there are at least target_chunks chunks."""
    estimate = max(10, target_chunks // 30)  # about 38 chunks a decision; plan a few spare
    specs = iter(plan(estimate * 2, seed, pdf_share=0.0))
    docs, count = [], 0
    while count < target_chunks:
        spec = next(specs)
        doc = parse_document(render_text(spec, seed), path=f"{spec.ref}.txt", kind="text", sha256=spec.ref)
        docs.append(doc)
        count += len(chunk_source(doc.ref, doc, doc.title))
    decisions = merge_documents(docs)
    chunks = [c for d in decisions for s in d.sources for c in chunk_source(d.id, s, d.title)]
    return decisions, chunks


def _topic_of(decision: Decision) -> int:
    """The topic whose programme name the title carries (every synthetic title has one)."""
    return next((i for i, t in enumerate(TOPICS) if any(h in decision.title for h in t.heads)), 0)


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def synthetic_vectors(decisions: list[Decision], chunks: list[Chunk], seed: int) -> np.ndarray:
    """One normalised vector per chunk: topic centroid + decision offset + chunk offset."""
    rng = np.random.default_rng(seed)
    centroids = unit(rng.standard_normal((len(TOPICS) * 8, DIMENSION)))  # 8 sub-themes per topic
    position = {d.id: i for i, d in enumerate(decisions)}
    theme = np.array([_topic_of(d) * 8 + int(rng.integers(8)) for d in decisions])
    noise = rng.standard_normal((len(decisions), DIMENSION)) * DECISION_NOISE / np.sqrt(DIMENSION)
    decision_vectors = unit(centroids[theme] + noise)
    owner = np.array([position[c.decision_id] for c in chunks])
    out = np.empty((len(chunks), DIMENSION), dtype=np.float32)
    for start in range(0, len(chunks), BLOCK):
        part = owner[start : start + BLOCK]
        jitter = rng.standard_normal((len(part), DIMENSION)) * CHUNK_NOISE / np.sqrt(DIMENSION)
        out[start : start + len(part)] = unit(decision_vectors[part] + jitter)
    return out


def sample_queries(matrix: np.ndarray, count: int, seed: int) -> np.ndarray:
    """Query vectors from the same distribution: a stored chunk moved by fresh chunk-level noise."""
    rng = np.random.default_rng(seed + 1)
    rows = np.asarray(matrix[rng.choice(matrix.shape[0], size=count, replace=False)], dtype=np.float32)
    return unit(rows + rng.standard_normal(rows.shape) * CHUNK_NOISE / np.sqrt(DIMENSION))


def clone_to(
    decisions: list[Decision], chunks: list[Chunk], target: int
) -> tuple[list[Decision], list[Chunk]]:
    """Repeat decisions under fresh references until there are `target` chunks (for 1M: parsing
    30k decisions would take longer than the benchmark it serves)."""
    by_decision: dict[str, list[Chunk]] = {}
    for c in chunks:
        by_decision.setdefault(c.decision_id, []).append(c)
    out_d, out_c, copy = list(decisions), list(chunks), 1
    number = 100_000  # five-digit references are all taken by then; six digits cannot clash
    while len(out_c) < target:
        for d in decisions:
            number += 1
            ref = f"{d.ref.rstrip('0123456789')}{number}" if d.ref else None
            clone = Decision(**{**d.__dict__, "id": ref or f"{d.id}-{copy}", "ref": ref})
            out_d.append(clone)
            out_c += [Chunk(**{**c.__dict__, "id": f"{c.id}-{copy}", "decision_id": clone.id})
                      for c in by_decision.get(d.id, [])]  # fmt: skip
            if len(out_c) >= target:
                break
        copy += 1
    return out_d, out_c


def chunk_set(target_chunks: int, seed: int) -> tuple[list[Decision], list[Chunk]]:
    """Decisions and chunks for a generation of about target_chunks chunks."""
    parsed_limit = min(target_chunks, 150_000)
    decisions, chunks = synthetic_decisions(parsed_limit, seed)
    if target_chunks > parsed_limit:
        decisions, chunks = clone_to(decisions, chunks, target_chunks)
    return decisions, chunks


def build_generation(data_dir: Path, target_chunks: int, seed: int = 0, log=print) -> Path:
    """A generation of about target_chunks chunks in data_dir, built once and reused.

    log: called with progress lines (building 1M chunks takes many minutes).
    """
    # The label names the catalog layout and index choice too, so a change to either rebuilds.
    layout = hashlib.sha256(f"{store.SCHEMA_VERSION}{EXACT_MAX_VECTORS}".encode()).hexdigest()[:8]
    label = f"synthetic:{target_chunks}:{seed}:{layout}"
    current = store.current_generation(data_dir)
    if current is not None and store.read_meta(current).get("corpus") == label:
        return current
    started = time.perf_counter()
    decisions, chunks = chunk_set(target_chunks, seed)
    log(
        f"  parsed {len(decisions)} decisions into {len(chunks)} chunks in {time.perf_counter() - started:.0f} s"
    )
    vectors = synthetic_vectors(decisions, chunks, seed)
    meta = {"model": DEFAULT_MODEL, "fingerprint": label, "corpus": label, "model_dimension": str(DIMENSION)}
    generation = store.write_generation(data_dir, decisions, chunks, vectors, meta)
    store.remove_stale_generations(data_dir, keep_previous=0)
    log(f"  wrote generation of {len(chunks)} chunks in {time.perf_counter() - started:.0f} s")
    return generation


def reference_sample(decisions_refs: Iterator[str], count: int, seed: int) -> list[str]:
    """A few references to look up, chosen reproducibly."""
    refs = sorted(decisions_refs)
    return random.Random(seed).sample(refs, min(count, len(refs)))
