"""How likely an extracted answer is right: a logistic model over what the evidence shows.

Most wrong answers are answers to questions the decisions do not answer: a figure or name from
a passage on the topic, but not about what was asked ("which search firm ran the recruitment…"
answered with the recruiting body). Each check the answerer makes (the asked year, round, name)
catches one class of these; together they still leave a tail. The model weighs the signals they
leave behind against each other: how much of the question the passage and the whole decision
hold, how rare the missing words are, whether other evidence agrees or offers a rival answer,
the kind of answer and the path it was found by.

The weights are fitted on the tuning questions only (tests/quality/fit_confidence.py, with
leave-one-file-out figures); the answerer abstains below THRESHOLD, and the probability is the
answer's `confidence`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from .answer_checks import years
from .answer_spans import Question, stems

KINDS = ("amount", "count", "share", "date", "person", "organisation", "reference", "list", "text")
PATHS = ("typed", "sentence")  # a span of the wanted type; a whole sentence that answers

FEATURES = (
    "bias",
    "overlap",  # rarity-weighted share of the question's words in the evidence and its context
    "similarity",  # embedding similarity of question and evidence
    "type_fit",  # the span's fit to the wanted type times its nearness to the question's words
    "alone",  # the only span of its type in the evidence
    "decision_rank",  # 1 / (1 + place of its decision in the search results)
    "piece_cover",  # share of the question's words in the sentence itself
    "decision_missing",  # share of the question's words the whole decision never uses
    "rarest_missing",  # the rarest such word's weight against the question's rarest word
    "margin",  # lead over the best rival candidate with another answer
    "agreement",  # other evidence giving the same answer
    "rivals",  # other answers on offer
    "question_words",  # how much the question specifies: more to miss
    "unexplained",  # rarest question word neither the passage, what it is read with nor the title holds
    "answer_in_question",  # share of the answer's words the question already says
    "answer_in_title",  # share of the answer's words in the decision's title
    "answer_length",  # words in the answer, for a typed answer: a long name is often a run-on
    "asks_year",  # the question names a year ("in 2021-22")
    "year_stated",  # and the answer is stated with that year, not merely with no other
    *(f"kind_{k}" for k in KINDS),
    *(f"path_{p}" for p in PATHS),
)

# Fitted by tests/quality/fit_confidence.py on the tuning questions; see its docstring.
WEIGHTS: dict[str, float] = {name: 0.0 for name in FEATURES}
THRESHOLD = 0.0  # abstain when the probability is below it

# A hook for tests/quality/fit_confidence.py: called with (question, features) for every answer.
observer: Callable[[str, dict[str, float]], None] | None = None


def kind_of(q: Question) -> str:
    return "organisation" if q.kind == "person" and q.organisation else q.kind


def features(q: Question, candidate, rivals: Sequence[tuple[str, float]]) -> dict[str, float]:
    """The signals of one chosen answer (an answer.Candidate), each in [0, 1] or a small count;
    `rivals` are (answer, score) of every candidate, the chosen one first."""
    evidence, answer = candidate.evidence, candidate.answer
    total = sum(q.weights.values()) or 1.0
    piece = stems(evidence.at(evidence.piece))[0]
    whole = stems(f"{evidence.source.title}\n{evidence.source.text}")[0]
    missing = [w for s, w in q.weights.items() if s not in whole]
    chosen = " ".join(answer.lower().split())
    same = [score for text, score in rivals[1:] if " ".join(text.lower().split()) == chosen]
    other = [score for text, score in rivals[1:] if " ".join(text.lower().split()) != chosen]
    best = rivals[0][1] if rivals else 0.0
    out = {
        "bias": 1.0,
        "overlap": evidence.kw,
        "similarity": evidence.sem,
        "type_fit": candidate.bonus,
        "alone": float(candidate.alone),
        "decision_rank": 1.0 / (1 + evidence.rank),
        "piece_cover": sum(w for s, w in q.weights.items() if s in piece) / total,
        "decision_missing": sum(missing) / total,
        "rarest_missing": max(missing, default=0.0) / (max(q.weights.values(), default=0.0) or 1.0),
        "margin": min(0.5, best - max(other, default=best - 0.5)),
        "agreement": math.log1p(len(same)),
        "question_words": math.log1p(len(q.weights)) / 3,
        "rivals": math.log1p(len({" ".join(t.lower().split()) for t, _ in rivals[1:]} - {chosen})),
    }
    read = stems(f"{evidence.read}\n{evidence.source.title}")[0]
    unexplained = [w for s, w in q.weights.items() if s not in read]
    answer_stems = stems(answer)[0] or {""}
    out["unexplained"] = max(unexplained, default=0.0) / (max(q.weights.values(), default=0.0) or 1.0)
    out["answer_in_question"] = len(answer_stems & stems(q.text)[0]) / len(answer_stems)
    out["answer_in_title"] = len(answer_stems & stems(evidence.source.title)[0]) / len(answer_stems)
    out["answer_length"] = math.log1p(len(answer.split())) / 3 if candidate.typed else 0.0
    out["asks_year"] = float(bool(years(q.text)))
    out["year_stated"] = float(candidate.dated)
    out.update({f"kind_{k}": float(kind_of(q) == k) for k in KINDS})
    out.update({f"path_{p}": float(("typed" if candidate.typed else "sentence") == p) for p in PATHS})
    return out


def probability(found: dict[str, float], weights: dict[str, float] | None = None) -> float:
    weights = WEIGHTS if weights is None else weights
    z = sum(weights.get(name, 0.0) * value for name, value in found.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


__all__ = ["FEATURES", "THRESHOLD", "WEIGHTS", "features", "probability"]
