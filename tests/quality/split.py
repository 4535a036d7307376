"""Split every question file into a tuning set and a held-out third, once and for all.

    python tests/quality/split.py

Sources: the sample dev set and real-dev set from ../shared/eval/ (copied here so CI needs
nothing else) and our own questions over the real pages (own.jsonl, written before any
tuning). Within each source and kind, items are ordered by a hash of their id and every
third goes to heldout.jsonl: the split does not depend on file order or on what scores well.
Tune on tuning.jsonl only; never read heldout.jsonl's misses while tuning.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED_EVAL = HERE.parents[2] / "shared" / "eval"
SOURCES = {"sample-dev": "dev.jsonl", "real-dev": "real-dev.jsonl", "own": "own.jsonl"}


def _items(source: str, name: str) -> list[dict]:
    path = HERE / name
    if source != "own":
        shutil.copy(SHARED_EVAL / name, path)
    return [dict(json.loads(line), source=source) for line in path.read_text().splitlines() if line.strip()]


def split() -> tuple[list[dict], list[dict]]:
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for source, name in SOURCES.items():
        for item in _items(source, name):
            groups[(source, item["kind"])].append(item)
    tuning, heldout = [], []
    for key in sorted(groups):
        ordered = sorted(groups[key], key=lambda i: hashlib.sha256(i["id"].encode()).hexdigest())
        for n, item in enumerate(ordered):
            (heldout if n % 3 == 0 else tuning).append(item)
    return tuning, heldout


def _write(name: str, items: list[dict]) -> None:
    (HERE / name).write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items))
    print(f"{name}: {len(items)} items")


def main() -> None:
    """Each part twice: all of it, and by the corpus it is asked of. The sample's questions
    were written for the five sample documents alone ("director decisions" means DD2691
    there), so they are scored on an index of the sample; the others on all of corpus/."""
    for name, items in zip(("tuning", "heldout"), split(), strict=True):
        _write(f"{name}.jsonl", items)
        _write(f"{name}-sample.jsonl", [i for i in items if i["source"] == "sample-dev"])
        _write(f"{name}-real.jsonl", [i for i in items if i["source"] != "sample-dev"])


if __name__ == "__main__":
    main()
