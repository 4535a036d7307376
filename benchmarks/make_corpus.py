"""Write N synthetic GLA decisions for benchmarks: `python -m benchmarks.make_corpus N OUT_DIR`.

The decisions have the shapes of the real ones in corpus/ (london.gov.uk pages saved as text,
signed decision forms, and a share as PDFs — some alone, some beside their web page as
`REF-signed.pdf`), with unique MD/DD/ADD references from 3000 up (the sample's are below),
dates across 2009–2026 (some pages with "Date signed: 12/03/2015", others with empty date
fields and only financial years and a timetable to infer from), amounts, numbered
paragraphs, risk and timetable tables and the usual boilerplate. The same seed gives the
same bytes. Nothing in them comes from the sample decisions (see SAMPLE_FACTS).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from . import corpus_doc
from .corpus_text import Spec, Writer, person_name
from .corpus_vocab import MAYORS, PHASES, PLACES, PROGRAMME_KINDS, TOPICS, Topic
from .minipdf import text_to_pdf

FIRST_NUMBER = 3000  # the sample corpus and the decisions it cites are all numbered below this
FIRST_DAY, LAST_DAY = dt.date(2009, 1, 1), dt.date(2026, 10, 31)
PREFIX_SHARES = (("MD", "mayoral", 0.35), ("DD", "director", 0.40), ("ADD", "assistant_director", 0.25))
# Approved totals by decision type (log-uniform between the bounds): ADDs are small sums.
AMOUNT_RANGES = {"mayoral": (50_000, 40_000_000), "director": (10_000, 2_000_000),
                 "assistant_director": (2_000, 150_000)}  # fmt: skip
# Facts of the sample decisions and answers of /work/shared/eval/dev.jsonl. A distractor
# holding one would be scored as a hit by `decisions eval`, which checks passage text only.
SAMPLE_FACTS = (
    "Shared Intelligence", "Engaging Londoners", "Luke Bruce", "Tunde Olayinka", "Sadiq Khan", "Matthew Ryder",
    "Rymer-Holmes", "Georgia Gould", "Weekes-Bernard", "Building a Fairer City", "Connecting Communities",
    "Improving Engagement Practice", "Community Insights Hub", "Reflective Learning Network", "Civic Futures",
    "Citizen Shift", "London Missions", "Civil Society Ambassadors", "Community-Led Recovery",
    "Strategic Partnerships Unit", "London Partnership Board", "London Recovery Board", "Windrush",
    "civilsociety@london.gov.uk", "£812,000", "£72,765", "£402,000", "£410,000", "£305,000",
    "End of February 2026", "End of November 2025", "Report launch – March 2019", "housing associations",
    "established in March 2023", "community conversations", "community grant applications",
    "reflective learning sessions", "Transport for London Procurement", "personal mentor", "community hub",
    "MD2848", "DD2691", "MD2313", "ADD2793", "MD2721", "DD2593",
)  # fmt: skip
SAMPLE_AMOUNTS = {812_000, 72_765, 402_000, 410_000, 305_000, 20_000, 100_000, 90_000, 205_000, 201_000}


@dataclass
class Roster:
    """Who signs: a few directors and assistant directors per topic, each for a span of years."""

    directors: dict[str, list[str]]
    assistants: dict[str, list[str]]

    @classmethod
    def draw(cls, rng: random.Random) -> Roster:
        directors = {t.name: [person_name(rng) for _ in range(3)] for t in TOPICS}
        return cls(directors, {t.name: [person_name(rng) for _ in range(4)] for t in TOPICS})

    def signer(self, decision_type: str, topic: Topic, day: dt.date) -> tuple[str, str]:
        """(name, role) of whoever held the post in that year."""
        if decision_type == "mayoral":
            return next(name for until, name in MAYORS if day.year < until), "Mayor of London"
        people = (self.directors if decision_type == "director" else self.assistants)[topic.name]
        name = people[(day.year - FIRST_DAY.year) * len(people) // (LAST_DAY.year - FIRST_DAY.year + 1)]
        if decision_type == "director":
            return name, f"Executive Director, {topic.directorate}"
        return name, f"Assistant Director, {topic.unit}"


def draw_amount(rng: random.Random, decision_type: str) -> int:
    """Log-uniform in the type's range, rounded to three significant figures; never a sample sum."""
    low, high = AMOUNT_RANGES[decision_type]
    while True:
        raw = math.exp(rng.uniform(math.log(low), math.log(high)))
        step = 10 ** max(0, int(math.log10(raw)) - 2)
        amount = int(round(raw / step) * step)
        if amount not in SAMPLE_AMOUNTS:
            return amount


def draw_refs(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """n unique (ref, decision_type), numbered from FIRST_NUMBER, prefixes in PREFIX_SHARES.

    Five-digit numbers that begin with a sample reference ("ADD27934") are skipped too: they
    are different references, but a text search for "ADD2793" would still find them.
    """
    kinds = rng.choices([(p, t) for p, t, _ in PREFIX_SHARES], [s for _, _, s in PREFIX_SHARES], k=n)
    span = max(7000, 3 * n)  # room to spread numbers out; stays within 3-5 digits up to 30k decisions
    numbers = {}
    for prefix, _, _ in PREFIX_SHARES:
        drawn = rng.sample(range(FIRST_NUMBER, FIRST_NUMBER + span), n)
        spare = (k for k in range(FIRST_NUMBER + span, FIRST_NUMBER + 2 * span))  # replaces the few skipped
        clean = [k for k in drawn if find_sample_fact(f"{prefix}{k}") is None]
        numbers[prefix] = iter(
            clean + [k for k in spare if find_sample_fact(f"{prefix}{k}") is None][: n - len(clean)]
        )
    return [(f"{prefix}{next(numbers[prefix])}", kind) for prefix, kind in kinds]


def draw_title(rng: random.Random, topic: Topic, day: dt.date, taken: set[str]) -> tuple[str, str]:
    """(programme, title), the title unique in the corpus: "Small Sites Accelerator Fund – phase 2"."""
    for attempt in range(100):
        programme = f"{rng.choice(topic.heads)} {rng.choice(PROGRAMME_KINDS)}"
        if attempt > 2 or rng.random() < 0.3:
            programme = f"{rng.choice(PLACES)} {programme}"
        suffix = rng.choice(
            [f" – {rng.choice(PHASES)}", f" {day.year}", f" {day.year}-{(day.year + 1) % 100:02d}", ""]
        )
        title = programme + suffix
        if title not in taken:
            taken.add(title)
            return programme, title
    raise RuntimeError("could not draw a unique title")


def draw_day(rng: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))


def plan(n: int, seed: int, pdf_share: float = 0.05) -> list[Spec]:
    """What each of the n decisions will be; all randomness here comes from `seed`."""
    rng = random.Random(f"plan:{seed}")
    roster, taken, specs = Roster.draw(rng), set(), []
    for index, (ref, kind) in enumerate(draw_refs(rng, n)):
        topic = rng.choice(TOPICS)
        day = draw_day(rng)
        programme, title = draw_title(rng, topic, day, taken)
        pdf = rng.choice(("only", "pair")) if rng.random() < pdf_share else "none"
        shape = "web" if pdf == "pair" or rng.random() < 0.65 else "form"
        maker, role = roster.signer(kind, topic, day)
        cites = (
            [s.ref for s in rng.sample(specs, min(len(specs), rng.randint(1, 2)))]
            if rng.random() < 0.3
            else []
        )
        specs.append(Spec(
            index=index, ref=ref, decision_type=kind, topic=topic, second=rng.choice([t for t in TOPICS if t != topic]),
            programme=programme, title=title, signed=day, dated=rng.random() < 0.6, shape=shape, pdf=pdf,
            maker=maker, role=role, amount_pounds=draw_amount(rng, kind), cites=cites,
        ))  # fmt: skip
    return specs


def find_sample_fact(text: str) -> str | None:
    """The first SAMPLE_FACTS entry `text` contains (case-insensitive), else None."""
    folded = text.casefold()
    return next((fact for fact in SAMPLE_FACTS if fact.casefold() in folded), None)


def render_text(spec: Spec, seed: int, printable: bool = False) -> str:
    """The decision's text in its shape; redrawn (deterministically) if a sample fact slips in.

    printable: a web page as printed to PDF, without the site's navigation and footer.
    """
    for attempt in range(20):
        writer = Writer(random.Random(f"doc:{seed}:{spec.index}:{attempt}"), spec)
        content = corpus_doc.build_content(writer)
        if spec.shape == "form":
            text = corpus_doc.signed_form(spec, writer, content)
        else:
            text = corpus_doc.web_page(spec, writer, content, chrome=not printable)
        if find_sample_fact(text) is None:
            return text
    raise RuntimeError(f"{spec.ref}: every draw contained a sample fact")


def file_stem(spec: Spec, seed: int) -> str:
    """ "00042_3f2a…": like the sample's names, which say nothing about the contents."""
    return f"{spec.index:05d}_{hashlib.sha256(f'{seed}:{spec.ref}'.encode()).hexdigest()[:16]}"


def render_files(spec: Spec, seed: int) -> dict[str, bytes]:
    """File name → bytes for one decision (one file, or a web page and its signed PDF)."""
    stem = file_stem(spec, seed)
    if spec.pdf == "only":
        return {f"{stem}.pdf": text_to_pdf(render_text(spec, seed, printable=True), spec.ref)}
    files = {f"{stem}.txt": render_text(spec, seed).encode("utf-8")}
    if spec.pdf == "pair":
        files[f"{spec.ref}-signed.pdf"] = text_to_pdf(render_text(spec, seed, printable=True), spec.ref)
    return files


def manifest_row(spec: Spec, files: list[str]) -> dict:
    return {"ref": spec.ref, "decision_type": spec.decision_type, "title": spec.title, "topic": spec.topic.name,
            "signed": spec.signed.isoformat(), "dated": spec.dated, "shape": spec.shape, "pdf": spec.pdf,
            "amount_pounds": spec.amount_pounds, "cites": spec.cites, "files": files}  # fmt: skip


def generate(n: int, out_dir: Path, seed: int = 0, pdf_share: float = 0.05) -> list[Spec]:
    """Write n decisions into out_dir (created) plus `_manifest.jsonl`, which indexing ignores."""
    out_dir.mkdir(parents=True, exist_ok=True)
    specs = plan(n, seed, pdf_share)
    with open(out_dir / "_manifest.jsonl", "w", encoding="utf-8") as manifest:
        for spec in specs:
            files = render_files(spec, seed)
            for name, data in files.items():
                (out_dir / name).write_bytes(data)
            manifest.write(json.dumps(manifest_row(spec, sorted(files))) + "\n")
    return specs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of decisions")
    parser.add_argument("out_dir", type=Path, help="folder to write (created)")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same files")
    parser.add_argument("--pdf-share", type=float, default=0.05, help="share of decisions with a PDF (0-1)")
    args = parser.parse_args(argv)
    specs = generate(args.n, args.out_dir, args.seed, args.pdf_share)
    pdfs = sum(s.pdf != "none" for s in specs)
    print(f"wrote {len(specs)} decisions ({pdfs} with a PDF) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
