"""A corpus for the site's tests: the sample, plus enough decisions to page through, a deferred
decision, a file that is a symlink out of the corpus, and a file that changes after indexing.

Built with the real pipeline into a private data directory; the session's embedding cache is
copied in, so only the few short documents written here are embedded (a few seconds).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from decisions.settings import Settings
from indexer.pipeline import run_index

from .conftest import CORPUS, SAMPLE_ONLY, TODAY

PAGED_QUERY = "allotment"  # a word only these decisions use
PAGED_COUNT = 24  # three pages of ten
BOROUGHS = ("Hackney", "Camden", "Lambeth", "Newham", "Brent", "Ealing")

PAGED_FORM = """DD93{n:02d} Allotment garden grant for {borough}, round {n}

Key information

Decision type: Director

Reference code: DD93{n:02d}

Date signed: {signed:%d %B %Y}

Decision by: Jane Example, Director of Communities

Executive summary

This decision approves an allotment garden grant of £{amount:,} for community growing in {borough}.

Decision

That the Director approves expenditure of up to £{amount:,} on the allotment garden grant in {borough}.
"""

DEFERRED_FORM = """REQUEST FOR ASSISTANT DIRECTOR DECISION – ADD9401

Orchard planting pilot (deferred)

Decision:

That the Assistant Director approves up to £9,000 for an orchard planting pilot.

1. Introduction and background

- 1.1. The pilot plants orchards on estates.

Part 1 – Deferral

Is the publication of Part 1 of this approval to be deferred? YES

If YES, for what reason: procurement.

Until what date: 31 December 2099
"""

OUTSIDE_FORM = """MD9402 Secret outside the corpus

Key information

Decision type: Mayor

Reference code: MD9402

Date signed: 2 February 2022

Decision

That the Mayor approves the OUTSIDECANARY programme.
"""

CHANGING_FORM = """MD9403 Beehive grant

Key information

Decision type: Mayor

Reference code: MD9403

Date signed: 3 March 2023

Decision

That the Mayor approves £5,000 for beehives on {where}.
"""


def build_site_index(root: Path, shared: Settings) -> tuple[Path, Settings]:
    """(corpus folder, settings) of an index built under `root`."""
    corpus, data, outside = root / "corpus", root / "data", root / "outside"
    shutil.copytree(CORPUS, corpus, ignore=SAMPLE_ONLY)
    for n in range(1, PAGED_COUNT + 1):
        signed = dt.date(2016 + n % 8, 1 + n % 12, 1 + n)
        text = PAGED_FORM.format(n=n, borough=BOROUGHS[n % len(BOROUGHS)], signed=signed, amount=1000 * n)
        (corpus / f"paged-{n:02d}.txt").write_text(text, encoding="utf-8")
    (corpus / "deferred.txt").write_text(DEFERRED_FORM, encoding="utf-8")
    outside.mkdir()
    (outside / "secret.txt").write_text(OUTSIDE_FORM, encoding="utf-8")
    (corpus / "linked.txt").symlink_to(outside / "secret.txt")
    (corpus / "changing.txt").write_text(CHANGING_FORM.format(where="roofs"), encoding="utf-8")
    data.mkdir()
    shutil.copy(shared.data_dir / "cache.sqlite", data / "cache.sqlite")
    settings = Settings(data_dir=data, today_override=TODAY)
    summary = run_index(corpus, settings, show_progress=False)
    assert summary.decisions >= 5 + PAGED_COUNT + 3, summary.lines()
    return corpus, settings
