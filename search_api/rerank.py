"""The second stage: re-score the best fused passages with signals that generalise.

Reciprocal-rank fusion only knows ranks. A passage that holds every rare word of the query
close together, in the decision or the report rather than in legal boilerplate, and holding
what the question asks for (an amount for "how much", the "Decision by:" line for "who
signed") is likelier to answer than one that merely ranks well on a common word. Each
passage gets a vector of such signals (`FEATURES`); a linear model over them, fitted on the
tuning questions only (tests/quality/fit_rerank.py, pairwise logistic regression: the passage
holding the gold text against every other candidate of the same query), gives its score.

The same scoring orders the passages shown inside each result, so the decision ranking and
the passages that prove it agree. A local cross-encoder (sentence-transformers CrossEncoder
folder, `DECISIONS_RERANKER`) adds its own relevance when one is configured; none ships here.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from decisions.words import STOPWORDS, keyword_tokens, stem
from indexer.refs import written_ref

from .keyword_trust import query_idf
from .question_types import has_answer_type

# Fused candidates re-scored per query. The whole stage (these and each shown result's passages)
# took 4.3 ms p50, 8.1 ms p95 of a hybrid search at 100k chunks (benchmarks/RESULTS.md §8).
CANDIDATES = 80
CROSS_ENCODED = (
    30  # candidates a configured cross-encoder re-reads: each pair is a model call (not benchmarked)
)
CROSS_ENCODER_WEIGHT = 1.0  # untuned: no cross-encoder ships here to fit it with
PROXIMITY_ROWS = 24  # per call: the candidates, or one result's passages
PROXIMITY_WINDOW = 12  # tokens: "£19,332m in 2026-27 … revenue funding" sits within a dozen
_WORD = re.compile(r"[\w£][\w£'’.,-]*\w|[\w£]")

FEATURES = (
    "fused",  # the fused score, as a share of the query's best
    "semantic",  # cosine of passage and query
    "coverage",  # rarity-weighted share of the query's words the passage holds
    "residual",  # the same for the words its decision's title does not already hold
    "proximity",  # most query words inside one window, as a share of them
    "phrase",  # share of the query's adjacent word pairs found adjacent
    "both_lists",  # among the top of both the keyword and the semantic list
    "key_fields",  # a key-information block ("Decision by:", "Date signed:")
    "title_line",  # the decision's title alone
    "summary",  # executive summary
    "decision",  # the decision itself ("That the Mayor approves…")
    "numbered",  # a numbered paragraph of the report
    "boilerplate",  # legal powers, equality duty, site text
    "typed",  # holds the kind of thing asked for (an amount, a date, a number, an address)
    "record_field",  # a "Decision by:"/"Directorate:"/"Date signed:" line with a value, asked for
    "short",  # under 80 characters: a heading or a bare field
    "named_ref",  # names a decision the query names by code ("What did DD2593 approve?")
)
# Fitted by tests/quality/fit_rerank.py on tests/quality/tuning*.jsonl, never on the held-out
# third; then fused, semantic and both_lists adjusted by a small grid on the same tuning files
# for passage MRR, then record_field raised (tuning MRR, hybrid: real pages 0.779 → 0.816,
# sample 0.857 → 0.964 with named_ref; hit@5 unchanged or better; benchmarks/RESULTS.md §7).
# With the keyword trust (features() scales some by it) these weights were kept: refitted
# with it, the plain fit lost tuning MRR on the real pages (0.861 → 0.798), and a grid over
# fused and semantic found the values here best.
WEIGHTS = {
    "fused": 5.00,
    "semantic": 4.00,
    "coverage": 3.27,
    "residual": 3.26,
    "proximity": 2.60,
    "phrase": 2.17,
    "both_lists": 2.00,
    "key_fields": 1.30,
    "title_line": -0.45,
    "summary": 0.76,
    "decision": -0.46,
    "numbered": -1.11,
    "boilerplate": -0.22,
    "typed": 1.18,
    "record_field": 5.00,  # raised by the same grid: only record questions ("who signed…") set it
    "short": -0.56,
    "named_ref": 3.00,  # set by hand: a code is the most specific thing a query can name
}

# Scaled by the keyword trust (keyword_trust.py): the word features down, the asked-for ones up.
_WORD_FEATURES = [FEATURES.index(f) for f in ("coverage", "residual", "proximity", "phrase", "both_lists")]
_ASKED_FEATURES = [FEATURES.index(f) for f in ("typed", "record_field")]

# What a question about the record itself asks for, and the field line that states it.
_RECORD_ASKS = (
    (re.compile(r"\b(?:who|whom|whose)\b.{0,60}\b(?:sign|approv|authoris|authoriz|took|made|decid)", re.I),
     re.compile(r"^(?:Decision by|Name|Signed by|Signature)\s*:\s*\S", re.M)),
    (re.compile(r"\bdirectorate\b", re.I), re.compile(r"^Directorate\s*:\s*\S", re.M)),
    (re.compile(r"\bwhen\b.{0,60}\b(?:sign|approv|publish)|\bdate\b.{0,30}\b(?:sign|approv|publish)", re.I),
     re.compile(r"^Date (?:signed|published)\s*:\s*\S|^Date\s*:\s*\d", re.M)),
)  # fmt: skip
_KEY_FIELD = re.compile(r"^(?:Decision type|Reference code|Date signed|Decision by|Directorate)\s*:", re.M)
_DECISION_OPENING = re.compile(
    r"^\s*(?:That the|The (?:Mayor|Director|Assistant Director|Executive Director)\b)"
)


@dataclass
class RerankQuery:
    """What scoring needs of the query, worked out once per search."""

    text: str
    vector: np.ndarray | None
    answer_type: str | None
    stems: list[str]  # the query's words as stems, in order, without stopwords
    idf: dict[str, float]
    bigrams: frozenset[tuple[str, str]]
    record_field: re.Pattern[str] | None  # the field line a record question asks for
    fused: dict[int, float] = field(default_factory=dict)
    refs: tuple[re.Pattern[str], ...] = ()  # codes the query names, as written in text ("DD 2593")
    best_fused: float = 0.0
    both_lists: frozenset[int] = frozenset()
    # How far shared words tell, in hybrid search (keyword_trust.py): the word features are
    # scaled by it and the asked-for ones by 2 − it, so a paraphrase is ranked more by meaning.
    keyword_trust: float = 1.0
    # Initials the index defines for a name the query writes out, as stems: "ufsm" → the stems of
    # "universal free school meals". A passage writing the initials holds the name's words.
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    yearly: tuple[str, ...] = ()  # "annual", "yearly" as the query's stems: held by a title naming one year


# A hook for tests/quality/fit_rerank.py: called with (query, rows, feature matrix) per scoring.
observer: Callable[[RerankQuery, Sequence, np.ndarray], None] | None = None


def prepare(
    index,
    text: str,
    vector: np.ndarray | None,
    answer_type: str | None,
    fused: dict[int, float],
    keyword_ranked: Sequence[int] = (),
    semantic_ranked: Sequence[int] = (),
    refs: Sequence[str] = (),
    keyword_trust: float = 1.0,
    written_out: dict[str, tuple[str, ...]] | None = None,
) -> RerankQuery:
    stems = list(dict.fromkeys(stem(t) for t in keyword_tokens(text)))
    idf = query_idf(index, text)
    ordered = [stem(t) for t in _WORD.findall(text) if t.lower() not in STOPWORDS]
    record = next((line for asks, line in _RECORD_ASKS if asks.search(text)), None)
    both = frozenset(keyword_ranked[:50]) & frozenset(semantic_ranked[:50])
    return RerankQuery(
        text=text, vector=vector, answer_type=answer_type, stems=stems, idf=idf,
        bigrams=frozenset(zip(ordered, ordered[1:], strict=False)), record_field=record,
        fused=fused, best_fused=max(fused.values(), default=0.0), both_lists=both,
        refs=tuple(written_ref(ref) for ref in refs), keyword_trust=keyword_trust,
        aliases={stem(initials): tuple(stem(w) for w in words) for initials, words in (written_out or {}).items()},
        yearly=tuple(s for s in stems if s in _YEARLY),
    )  # fmt: skip


_YEARLY = frozenset(stem(w) for w in ("annual", "yearly"))
# "2014-15", "2017-2018", "2017/18": one financial year, the whole of a year's programme's title.
_ONE_YEAR = re.compile(r"\b(?:19|20)(\d\d)\s?[-–/]\s?(?:(?:19|20)?(\d\d))\b")


@functools.lru_cache(maxsize=4096)
def one_year_titled(title: str) -> bool:
    """Does the title name one financial year and no other year ("Team London Programme 2014-15")?"""
    years = _ONE_YEAR.findall(title)
    return (
        len(years) == 1
        and int(years[0][1]) == (int(years[0][0]) + 1) % 100
        and len(re.findall(r"\b(?:19|20)\d\d\b", title)) <= 2
    )


@functools.lru_cache(maxsize=4096)
def _title_stems(title: str) -> frozenset[str]:
    return frozenset(stem(t) for t in keyword_tokens(title))


@functools.lru_cache(maxsize=20_000)
def _text_stems(text: str) -> tuple[str, ...]:
    """The passage's words as stems in order (stopwords out), remembered across queries."""
    return tuple(stem(t) for t in _WORD.findall(text) if t.lower() not in STOPWORDS)


def _proximity_and_phrase(q: RerankQuery, text: str) -> tuple[float, float]:
    wanted = set(q.stems)
    words = _text_stems(text)
    hits = [(i, s) for i, s in enumerate(words) if s in wanted]
    if len({s for _, s in hits}) < 2:
        return (1.0 / len(wanted) if hits and wanted else 0.0), 0.0
    best, left = 0, 0
    for right in range(len(hits)):
        while hits[right][0] - hits[left][0] >= PROXIMITY_WINDOW:
            left += 1
        best = max(best, len({s for _, s in hits[left : right + 1]}))
    pairs = sum(1 for a, b in zip(words, words[1:], strict=False) if (a, b) in q.bigrams)
    return best / len(wanted), min(1.0, pairs / len(q.bigrams)) if q.bigrams else 0.0


def is_title_line(row) -> bool:
    """A bare heading line outside any section and paragraph: the decision's title, restated."""
    text = row["text"]
    return (
        row["paragraph"] is None
        and not (row["section"] or "").strip()
        and len(text) < 160
        and "\n" not in text.strip()
    )


def is_key_information(row) -> bool:
    """The block of a decision's fields: its title, type, code, date signed, decision maker."""
    return (row["section"] or "").strip().lower() == "key information" or len(
        _KEY_FIELD.findall(row["text"])
    ) >= 2


def is_decision_text(row) -> bool:
    """The decision's own words ("That the Mayor approves: …"): what is decided, not why."""
    section = (row["section"] or "").strip().lower()
    return section in ("decision", "decisions") or bool(_DECISION_OPENING.match(row["text"]))


def _section_flags(row) -> tuple[float, float, float, float, float]:
    section = (row["section"] or "").strip().lower()
    key = is_key_information(row)
    title = is_title_line(row)
    summary = "summary" in section
    decision = is_decision_text(row)
    return float(key), float(title), float(summary), float(decision), float(row["paragraph"] is not None)


def features(index, q: RerankQuery, rows: Sequence, titles: Sequence[str]) -> np.ndarray:
    """One row of FEATURES per passage. `rows` need rowid, text, stems, section, paragraph and
    boilerplate; `titles` is each passage's decision title."""
    out = np.zeros((len(rows), len(FEATURES)), dtype=np.float32)
    if not rows:
        return out
    rowids = np.array([r["rowid"] for r in rows])
    if q.vector is not None:
        out[:, 1] = index.embeddings(rowids) @ q.vector
    total = sum(q.idf.values()) or 1.0
    several = []  # rows holding two or more of the query's words: only they can have proximity
    for i, (row, title) in enumerate(zip(rows, titles, strict=True)):
        stems_field, text = row["stems"] or "", row["text"]
        held = [s for s in q.stems if f" {s} " in stems_field]
        # "…deliver the UFSM programme" holds "universal free school meals".
        for initials, name in q.aliases.items():
            if f" {initials} " in stems_field:
                held += [s for s in name if s in q.stems and s not in held]
        named = _title_stems(title)
        # "Team London annual work programme": a decision titled by one year ("Team London Programme
        # 2014-15") is a year's programme, though no passage says "annual".
        if q.yearly and one_year_titled(title):
            held += [s for s in q.yearly if s not in held]
        residual_total = sum(w for s, w in q.idf.items() if s not in named)
        out[i, 0] = q.fused.get(row["rowid"], 0.0) / q.best_fused if q.best_fused else 0.0
        out[i, 2] = sum(q.idf.get(s, 0.0) for s in held) / total
        out[i, 3] = (
            (sum(q.idf.get(s, 0.0) for s in held if s not in named) / residual_total)
            if residual_total
            else 0.0
        )
        out[i, 4] = 1.0 / len(q.stems) if len(held) == 1 else 0.0
        if len(held) >= 2:
            several.append(i)
        out[i, 6] = row["rowid"] in q.both_lists
        out[i, 7:12] = _section_flags(row)
        out[i, 12] = bool(row["boilerplate"])
        out[i, 13] = has_answer_type(text, q.answer_type, index.decisions[row["decision_id"]].ref)
        out[i, 14] = bool(q.record_field and q.record_field.search(text))
        out[i, 15] = len(text) < 80
        out[i, 16] = any(ref.search(text) for ref in q.refs)
    # Reading a passage word by word is the stage's main cost (at 100k chunks its p95 fell from
    # 36 to 8 ms once limited, though the first figure was taken on a loaded machine): only the
    # best-covered ones are read, which are the only ones proximity could lift to the top.
    for i in sorted(several, key=lambda i: -out[i, 2])[:PROXIMITY_ROWS]:
        out[i, 4], out[i, 5] = _proximity_and_phrase(q, rows[i]["text"])
    # Words shared with a question whose words are not the documents' are incidental ("jobs",
    # "capital"): they count as far as the keyword list could be trusted, and holding what the
    # question asks for (an amount, a "Decision by:" line) counts the more. Outside hybrid
    # search the trust is 1 and nothing changes. Tuning passage MRR, hybrid: real pages
    # 0.816 → 0.861 (hit@5 0.952 → 0.968), sample 0.964 → 0.964; without the asked-for scaling
    # 0.861 and 0.917; the word features scaled by a fixed 0.5 instead of the trust 0.841, 0.964.
    out[:, _WORD_FEATURES] *= q.keyword_trust
    out[:, _ASKED_FEATURES] *= 2.0 - q.keyword_trust
    return out


_WEIGHT_VECTOR = np.array([WEIGHTS[f] for f in FEATURES], dtype=np.float32)
# Ordering one decision's passages, holding what is asked weighs more: its summary and its decision
# share the decision's words and meaning, and the one with the amount or date asked is the proof; so do
# its own words beyond the title's ("residual") and the decision itself ("That the Mayor approves …"),
# whose sums are the approved ones. Set on the tuning files (4,462 items): typed 1.18 → 4.0 took hit@1
# 0.757 → 0.779, hit@5 0.955 → 0.967, MRR 0.843 → 0.859 (2.5: 0.775; 6.0: 0.780); then decision −0.46 →
# 0.54 and residual 3.26 → 4.26, kept because each third of the tuning files (by file) gained, hit@1
# 0.779 → 0.797, MRR 0.869; no answer or search changed. `tests/quality/fit_rerank.py --within` prints the
# gold passage shown first per third with the weights across decisions and with these: 0.781 → 0.850,
# 0.814 → 0.843, 0.795 → 0.842 (benchmarks/RESULTS.md §33).
WITHIN = {**WEIGHTS, "typed": 4.0, "decision": 0.54, "residual": 4.26}
_WITHIN_VECTOR = np.array([WITHIN[f] for f in FEATURES], dtype=np.float32)


def score_rows(
    index, q: RerankQuery, rows: Sequence, titles: Sequence[str], within: bool = False
) -> np.ndarray:
    """A score per passage; higher is better. Comparable across decisions of one query, or, `within`
    one decision, comparable among its passages only."""
    x = features(index, q, rows, titles)
    if observer is not None:
        observer(q, rows, x)
    return x @ (_WITHIN_VECTOR if within else _WEIGHT_VECTOR)


def rerank(index, q: RerankQuery) -> dict[int, float]:
    """The top fused candidates re-scored, as positive scores (rowid → score) for grouping."""
    top = sorted(q.fused, key=q.fused.__getitem__, reverse=True)[:CANDIDATES]
    if not top:
        return {}
    rows = index.chunks(top)
    titles = [index.decisions[r["decision_id"]].title for r in rows]
    scores = score_rows(index, q, rows, titles)
    cross_encoder = getattr(index, "cross_encoder", None)
    if cross_encoder is not None and q.text:
        # Its logits join the fitted score for the best few only: each pair is a model call.
        best = np.argsort(-scores)[:CROSS_ENCODED]
        logits = cross_encoder.predict([(q.text, rows[i]["text"]) for i in best], batch_size=16)
        scores[best] += CROSS_ENCODER_WEIGHT * np.asarray(logits, dtype=np.float32).reshape(-1)
    # exp(s - best) keeps the order and puts every score in (0, 1], as grouping expects
    # (a named reference code's boost of 10 stays above any of them).
    best = float(scores.max())
    reranked = {r["rowid"]: float(math.exp(s - best)) for r, s in zip(rows, scores, strict=True)}
    # The fused rows below the candidates still count (a decision is found), only less.
    floor = 0.5 * min(reranked.values())
    for rowid, fused in q.fused.items():
        if rowid not in reranked:
            reranked[rowid] = floor * fused / q.best_fused
    return reranked
