"""The query mix the latency benchmarks replay: what people type into the search box.

Topic phrases, questions, filter words ("since 2018", "over £500k", "director decisions"),
place names and bare reference codes, drawn reproducibly from the corpus vocabulary so
that they match the synthetic decisions about as well as real queries match real ones.
"""

from __future__ import annotations

import random

from .corpus_vocab import BOROUGHS, TOPICS

TEMPLATES = (
    "{noun} in {borough}",
    "{outcome}",
    "grants to {partner} for {noun}",
    "How much was approved for {noun}?",
    "Who approved the {head} programme?",
    "{head}",
    "director decisions about {noun} since {year}",
    "mayoral decisions on {noun} over £{k}k",
    "{noun} {measure} {borough} {year}",
    "assistant director decisions {partner}",
    "When will the {head} start?",
    "risks of {noun}",
)


def search_queries(refs: list[str], count: int = 48, seed: int = 0) -> list[str]:
    """`count` queries: mostly words, a few of them bare references from `refs`."""
    rng = random.Random(f"queries:{seed}")
    queries = []
    for i in range(count):
        if refs and i % 12 == 11:  # one in twelve is a reference lookup ("MD4123")
            queries.append(rng.choice(refs))
            continue
        topic = rng.choice(TOPICS)
        slots = {
            "noun": rng.choice(topic.nouns), "outcome": rng.choice(topic.outcomes),
            "partner": rng.choice(topic.partners), "head": rng.choice(topic.heads),
            "measure": rng.choice(topic.measures), "borough": rng.choice(BOROUGHS),
            "year": str(rng.randint(2012, 2024)), "k": str(rng.choice((50, 100, 250, 500, 1000))),
        }  # fmt: skip
        queries.append(TEMPLATES[i % len(TEMPLATES)].format(**slots))
    return queries
