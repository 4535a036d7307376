"""The synthetic corpus for benchmarks: real shapes, parseable, deterministic, varied, and free
of the sample decisions' facts."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from benchmarks.make_corpus import SAMPLE_FACTS, generate, plan, render_text
from indexer.parse import find_refs, parse_document
from indexer.read import extract_text

from .conftest import CORPUS

SEED = 7


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    generate(20, out, seed=SEED, pdf_share=0.1)
    return out


def _manifest(folder: Path) -> list[dict]:
    return [json.loads(line) for line in (folder / "_manifest.jsonl").read_text().splitlines()]


def _decision_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".pdf"))


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_every_file_parses_to_its_reference_and_type(synthetic):
    expected = {row["ref"]: row["decision_type"] for row in _manifest(synthetic)}
    seen = set()
    for path in _decision_files(synthetic):
        extracted = extract_text(path)
        doc = parse_document(extracted.text, path=path.name, kind=extracted.kind, sha256=extracted.sha256)
        assert doc.ref in expected, (path.name, doc.ref)
        assert doc.decision_type == expected[doc.ref], (path.name, doc.decision_type)
        assert len([p for p in doc.paragraphs if p.number]) >= 15  # "1.1 …" to "7.2 …"
        seen.add(doc.ref)
    assert seen == set(expected)
    assert any(p.suffix == ".pdf" for p in _decision_files(synthetic))  # hand-written PDFs read back


def test_references_are_unique_and_never_the_samples():
    refs = [s.ref for s in plan(3000, SEED)]
    sample_refs = {
        ref for path in CORPUS.glob("*.txt") for ref in find_refs(path.read_text(encoding="utf-8"))
    }
    assert len(set(refs)) == len(refs)
    assert not set(refs) & sample_refs
    assert {re.match(r"[A-Z]+", r).group() for r in refs} == {"MD", "DD", "ADD"}


def test_dates_span_2009_to_2026_and_some_pages_leave_them_empty():
    specs = plan(500, SEED)
    years = {s.signed.year for s in specs}
    assert min(years) == 2009 and max(years) == 2026
    web = [s for s in specs if s.shape == "web"]
    assert any(s.dated for s in web) and any(not s.dated for s in web)


def test_same_seed_gives_same_bytes_and_another_seed_differs(synthetic, tmp_path):
    again, other = tmp_path / "again", tmp_path / "other"
    generate(20, again, seed=SEED, pdf_share=0.1)
    generate(20, other, seed=SEED + 1, pdf_share=0.1)
    first = {p.name: p.read_bytes() for p in synthetic.iterdir()}
    assert first == {p.name: p.read_bytes() for p in again.iterdir()}
    assert _manifest(synthetic) != _manifest(other)


def test_no_two_decisions_are_alike():
    texts = [render_text(spec, SEED) for spec in plan(20, SEED)]
    assert len(set(texts)) == len(texts)
    shingles = [_shingles(t) for t in texts]
    # Boilerplate (Equality Act, legal powers, footer) is shared; the rest must not be.
    for a, b in itertools.combinations(shingles, 2):
        assert len(a & b) / len(a | b) < 0.5


def test_no_decision_contains_a_fact_of_the_sample_corpus():
    texts = [render_text(spec, SEED) for spec in plan(20, SEED)]
    texts += [render_text(spec, SEED, printable=True) for spec in plan(20, SEED)]
    sample_refs = {
        ref for path in CORPUS.glob("*.txt") for ref in find_refs(path.read_text(encoding="utf-8"))
    }
    for text in texts:
        folded = text.casefold()
        assert not [fact for fact in SAMPLE_FACTS if fact.casefold() in folded]
        assert not set(find_refs(text)) & sample_refs
        assert "Engaging Londoners" not in text and "Luke Bruce" not in text
