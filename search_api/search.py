"""Search: understand the query, retrieve, fuse, and group chunks into ranked decisions."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

import numpy as np

from decisions.records import SEARCH_MODES, Passage, SearchResult
from decisions.words import keyword_tokens, stem
from indexer.refs import written_ref

from . import acronyms, rerank
from .answer_checks import asked_parts, names_asked_part, names_asked_year, years
from .cell_labels import has_bare_amount, with_row_labels
from .decision import passage_anchor, source_text
from .filter_passages import proof_highlight, proof_order
from .filters import Filters, relaxations, relaxed_note, why_empty
from .fusion import KEYWORD_WEIGHT, PHRASE_WEIGHT, SEMANTIC_WEIGHT, reciprocal_rank_fusion
from .highlight import highlight
from .index import DecisionRow, LoadedIndex
from .keyword_queries import match_all
from .keyword_trust import keyword_trust, query_idf
from .query import FY_TAIL, YEAR, ParsedQuery, financial_year, parse_query
from .question_types import expected_answer_type, is_question
from .relevance import keyword_evidence, matching, semantic_evidence
from .retrieve import keyword_ranking, phrase_ranking, semantic_ranking
from .spelling import suggest

MODES = SEARCH_MODES
BOILERPLATE_WEIGHT = 0.5  # a boilerplate chunk may support a decision, never carry it
PASSAGES_PER_RESULT = 3
REF_BOOST = 10.0
TITLE_SHARE = 0.5  # of the first result's score, for a decision whose title holds the query's words
# Query encodings run here; more workers than cores would only queue inside torch.
_ENCODER = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1), thread_name_prefix="encode-query")


@dataclass
class SearchRequest:
    q: str
    limit: int = 10
    offset: int = 0
    mode: str = "hybrid"
    filters: dict = field(default_factory=dict)  # explicit parameters; they win over words in q
    sort: str = "relevance"  # or "date"
    staff: bool = False
    today: dt.date | None = None


@dataclass
class SearchResponse:
    query: str
    text: str
    mode: str
    filters: dict
    total: int
    results: list[SearchResult]
    reason: str | None = None  # why the list is empty, when it is
    parsed: ParsedQuery | None = None
    # Filters read from the query that left no decision and were dropped ({name, value, words}),
    # and the sentence that says so: "No decision dated 2031 matches; showing results from any date."
    relaxed: list[dict] = field(default_factory=list)
    note: str | None = None
    suggestion: str | None = None  # the query with misspelt words corrected from the index's words
    matched_ids: list[str] = field(default_factory=list)  # every match, in order: for facets and charts


@dataclass
class Ranked:
    decision_id: str
    score: float
    chunk_scores: dict[int, float]  # rowid → fused score, for choosing passages


def _group(index: LoadedIndex, fused: dict[int, float]) -> list[Ranked]:
    by_decision: dict[str, dict[int, float]] = {}
    for (rowid, score), (decision_id, boilerplate) in zip(
        fused.items(), index.owners(list(fused)), strict=True
    ):
        if boilerplate:
            score *= BOILERPLATE_WEIGHT
        by_decision.setdefault(decision_id, {})[rowid] = score
    ranked = []
    for decision_id, chunk_scores in by_decision.items():
        top = sorted(chunk_scores.values(), reverse=True)[:3]
        # The best passage decides; more supporting passages break ties.
        score = top[0] + 0.3 * sum(top[1:])
        ranked.append(Ranked(decision_id, score, chunk_scores))
    ranked.sort(key=lambda r: (-r.score, r.decision_id))
    return ranked


def _duplicate_key(text: str) -> str:
    """Passages that open with the same 120 characters of words say the same thing."""
    return re.sub(r"\W+", " ", text[:400]).lower().strip()[:120]


@dataclass
class PassageQuery:
    """What passage choice needs: the words, their vector, and the kind of answer wanted."""

    text: str
    vector: np.ndarray | None
    answer_type: str | None
    scoring: rerank.RerankQuery | None = None  # the second stage's view of the query
    filters: dict = field(default_factory=dict)  # for a search with no words: what the passages must prove


def _passages(index: LoadedIndex, ranked: Ranked, query: PassageQuery) -> list[Passage]:
    """Every chunk of the decision competes, scored by the second stage (rerank.py)."""
    decision = index.decisions[ranked.decision_id]
    rows = index.chunks_of(ranked.decision_id)
    if not rows:
        return []
    scoring = query.scoring or rerank.prepare(index, query.text, query.vector, query.answer_type, {})
    scores = rerank.score_rows(index, scoring, rows, [decision.title] * len(rows), within=True)
    scored = sorted(zip(scores.tolist(), rows, strict=True), key=lambda pair: (-pair[0], pair[1]["rowid"]))
    proving = bool(query.filters) and not re.search(r"\w", query.text)
    if proving:
        # No words to match: the passages that show why the filters let the decision through.
        by_row = {row["rowid"]: score for score, row in scored}
        ordered = proof_order([row for _, row in scored], decision, query.filters)
        scored = [(by_row[row["rowid"]], row) for row in ordered]
    else:
        # The result's heading already shows the title: a line restating it is shown only when
        # fewer than PASSAGES_PER_RESULT others remain (it wins on the title's words, and at scale
        # pushed out the paragraph that answers).
        scored.sort(key=lambda pair: rerank.is_title_line(pair[1]))
    passages: list[Passage] = []
    seen: set[str] = set()
    shown: dict[str, list[tuple[int, int]]] = {}  # per paragraph anchor, the stretches shown
    for score, row in scored:
        if row["boilerplate"] and passages:
            continue
        # Long paragraphs are cut into overlapping chunks: the best one stands for what it overlaps.
        # (Not for the rest of the paragraph: MD3224's summary is one paragraph of two chunks, and
        # "…the Mayor is asked to approve the expenditure of up to £140m…" was hidden behind its opening.)
        anchor = passage_anchor(index, ranked.decision_id, row["source_path"], row["start"])
        key = _duplicate_key(row["text"])
        stretch = (row["start"], row["start"] + len(row["text"]))
        if key in seen or any(a < stretch[1] and stretch[0] < b for a, b in shown.get(anchor, [])):
            continue
        seen.add(key)
        if anchor:
            shown.setdefault(anchor, []).append(stretch)
        text = row["text"]
        if has_bare_amount(text):  # "£3k" alone: write its row's label before it
            text = with_row_labels(
                source_text(index, ranked.decision_id, row["source_path"]), row["start"], text
            )
        passages.append(
            Passage(
                chunk_id=row["id"],
                text=text,
                highlight=(proving and proof_highlight(text, decision, query.filters))
                or highlight(text, query.text),
                paragraph=row["paragraph"],
                section=row["section"],
                score=round(float(score), 6),
                source_path=row["source_path"],
                url=f"{decision.url}#{anchor}",
            )
        )
        if len(passages) == PASSAGES_PER_RESULT:
            break
    return passages


def _leading_chunks(index: LoadedIndex, decision_id: str, count: int = 2) -> dict[int, float]:
    """For results with no matching text (a bare reference or filter query): the opening passages."""
    return {rowid: 1.0 / (i + 1) for i, rowid in enumerate(index.leading_chunks(decision_id, count))}


def _result(index: LoadedIndex, ranked: Ranked, query: PassageQuery) -> SearchResult:
    d: DecisionRow = index.decisions[ranked.decision_id]
    return SearchResult(
        decision_id=d.id,
        ref=d.ref,
        title=d.title,
        decision_type=d.decision_type,
        date=d.date,
        date_inferred=d.date_inferred,
        decision_maker=d.decision_maker,
        directorate=d.directorate,
        amounts=d.amounts,
        approved_amount=d.approved_amount,
        url=d.url,
        score=round(float(ranked.score), 6),
        passages=_passages(index, ranked, query),
        original_url=d.original_url,
    )


def _names_title(words: set[str], title: set[str]) -> bool:
    """Does a search name a title as a body's name would: three or more of its words, above half of the
    title's words (years aside: "Culture creative industries and 24-Hour London 2024-25 programme delivery")
    and half the search's? "London", in most of the GLA's names, names nothing ("Young Londoners Fund
    allocations" is not "Warmer Homes London funding allocation 2025-28")."""
    worded = {w for w in title if not any(c.isdigit() for c in w)}
    named = (words & worded) - {"london"}
    return len(named) >= 3 and len(named) / len(worded) > 0.5 and len(named) / len(words) >= 0.5


def _boost_title_matches(index: LoadedIndex, ranked: list[Ranked], text: str) -> set[str]:
    """A query that names a decision's title ("the Engaging Londoners programme") means that decision.
    Returns the decisions a search (not a question) names by their titles (`_names_title`, or every word
    of a search of three words or more in the title): they count as naming what the search names."""
    words = {stem(t) for t in keyword_tokens(text)}
    titled: set[str] = set()
    if len(words) < 2:
        return titled
    # A question asks about a decision; it does not name it by its title.
    lift = 0.0 if is_question(text) else TITLE_SHARE * max((entry.score for entry in ranked), default=0.0)
    for entry in ranked:
        title = {stem(t) for t in keyword_tokens(index.decisions[entry.decision_id].title)}
        shared = len(words & title)
        # Most of the title must be named: two common words ("community engagement") are not a title.
        if shared >= 2 and shared / len(title) >= 0.5:
            entry.score *= 1 + 0.5 * shared / len(title)
            # A search holding most of a title names that decision, however its passages scored: "Drain
            # London programme" is "Drain London Programme 2014-16", not a decision whose summary mentions
            # the programme. The lift grows with the share of the search's words the title holds.
            entry.score += lift * (shared / len(words)) ** 2
        if lift and _names_title(words, title):
            titled.add(entry.decision_id)
        if len(words) >= 3 and shared == len(words):
            # A search of three words or more, each in the title, names the decision however long its title:
            # "Creative Enterprise Zones" is "Increase to the Creative Enterprise Zones Sustainability
            # Capital Grant Fund". Such decisions come before any whose title does not hold the search.
            entry.score += lift / TITLE_SHARE
            if lift:
                titled.add(entry.decision_id)
    ranked.sort(key=lambda r: (-r.score, r.decision_id))
    return titled


# "according to the 2021-22 funding decision", "the 2014 decision": a year naming the decision itself.
_DATED_DECISION = re.compile(rf"\bthe\s+(?P<y>{YEAR}){FY_TAIL}\s+(?:[\w&’'-]+\s+){{0,3}}?decision\b", re.I)
DATED_BOOST = 1.3


def _years_named(text: str) -> list[tuple[str, tuple[dt.date, dt.date]]]:
    """Each year naming a decision, as written ("2021-22") and as the dates it covers: a calendar year,
    or financial years from April ("2025-28": April 2025 to March 2028)."""
    out = []
    for found in _DATED_DECISION.finditer(text):
        first, tail = int(found["y"]), found["tail"]
        written = text[found.start("y") : found.end("tail") if tail else found.end("y")]
        if tail is None:
            out.append((written, (dt.date(first, 1, 1), dt.date(first, 12, 31))))
            continue
        last = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
        if last > first:
            out.append((written, (financial_year(first)[0], financial_year(last - 1)[1])))
    return out


def _boost_dated_as_named(index: LoadedIndex, ranked: list[Ranked], text: str) -> None:
    """A query naming a decision by its year ("the 2021-22 funding decision") means one of that year:
    titled by it ("GLA Outturn 2015-16") or dated in it."""
    named = _years_named(text)
    if not named:
        return
    for entry in ranked:
        decision = index.decisions[entry.decision_id]
        date = dt.date.fromisoformat(decision.date) if decision.date else None
        if any(
            written in decision.title or (date and start <= date <= end) for written, (start, end) in named
        ):
            entry.score *= DATED_BOOST
    ranked.sort(key=lambda r: (-r.score, r.decision_id))


# A question asking of a year or a round is answered by a decision that names it: "2024-25 pay rise for
# the Mayor's appointees" is the 2024-25 pay award's, not the 2022-23 one's that shares every other word. Set on the
# tuning files (4,619 items; ×1.3 over 5 → ×1.6 over 8 → ×2 over 10: hit@1 0.800 → 0.804 → 0.805, +7 right
# answers, no gold passage lowered; ×3 gave 5 more right and 3 more wrong, benchmarks/RESULTS.md §34).
# Reading the first ten decisions' texts costs about 1 ms a query that names a year or round.
ASKED_PERIOD_BOOST = 2.0
ASKED_PERIOD_CANDIDATES = 10


def _boost_naming_asked_period(index: LoadedIndex, ranked: list[Ranked], text: str) -> None:
    """Among the first results, those whose text or title names the year the query asks of go first, when
    some do and some do not (the year is then what tells them apart); so do those naming the round or
    phase asked as their own."""
    texts: dict[str, str] = {}  # each decision's text read once, for the year and the round alike
    for asks, names in ((years(text), names_asked_year), (asked_parts(text), names_asked_part)):
        if asks:
            _boost_naming(index, ranked, text, names, texts)
    rare = _rare_words(index, text)
    if rare:
        _holders_first(index, ranked, rare, texts)


# A name a search writes with capitals, in fewer than 2% of the chunks, names what it wants ("rough sleeping
# decisions receiving DLUHC government funding"); a decision never writing it shares only the search's other
# words. (Not any rare word: "small sites due diligence grant amount" is not about the decisions saying "amount".)
RARE_SHARE = 0.02


def _rare_words(index: LoadedIndex, text: str) -> list[str]:
    if is_question(text):  # a question's words may be the asker's, not the decision's
        return []
    ceiling = RARE_SHARE * index.chunk_count
    named = [t for i, t in enumerate(keyword_tokens(text)) if t[0].isupper() and (i or t.isupper())]
    return [t for t in named if not t[0].isdigit() and 0 < index.term_rows(t) <= ceiling]


def _holders_first(index: LoadedIndex, ranked: list[Ranked], rare: list[str], texts: dict[str, str]) -> None:
    """The first results writing every rare word go before those that do not, when some do; those already
    above every other keep their place and score, the rest are set between, in their own order."""
    top, holding = _first_where(
        index, ranked, texts, lambda said, title: _holds(index, rare, f"{title}\n{said}")
    )
    if not holding or len(holding) == len(top):
        return
    floor = max(r.score for r in top if r.decision_id not in holding)
    above = min((r.score for r in top if r.decision_id in holding and r.score > floor), default=2 * floor)
    for entry in top:
        if entry.decision_id in holding and entry.score <= floor:
            entry.score = floor + (above - floor) * (0.5 + 0.5 * entry.score / (floor or 1.0)) * 0.99
    ranked.sort(key=lambda r: (-r.score, r.decision_id))


def _holds(index: LoadedIndex, words: list[str], text: str) -> bool:
    """Does the text write every word, initials perhaps in full ("MOPAC" as "Mayor’s Office for Policing and
    Crime", as some decision defines them)?"""
    return all(_writes(text, [w]) or (w.isupper() and _written_out(index, w, text)) for w in words)


def _written_out(index: LoadedIndex, initials: str, text: str) -> bool:
    # (A stem need not begin its word as written: "police" of "Policing"; its first letters do.)
    return any(
        _writes(text, [s[: max(4, len(s) - 2)] for s in n]) for n in acronyms.spelt_out(index, initials)
    )


def _writes(text: str, words: list[str]) -> bool:
    return all(re.search(rf"\b{re.escape(w)}", text, re.I) for w in words)


def _first_where(
    index: LoadedIndex, ranked: list[Ranked], texts: dict[str, str], holds: Callable[[str, str], bool]
) -> tuple[list[Ranked], set[str]]:
    """The first results, and those of them for which `holds(decision text, title)`; each text is read once
    into `texts`, shared by the lifts of one search."""
    top = ranked[:ASKED_PERIOD_CANDIDATES]
    for r in top:
        if r.decision_id not in texts:
            texts[r.decision_id] = "\n".join(index.decision_texts(r.decision_id))
    return top, {
        r.decision_id for r in top if holds(texts[r.decision_id], index.decisions[r.decision_id].title)
    }


def _boost_naming(
    index: LoadedIndex,
    ranked: list[Ranked],
    text: str,
    names: Callable[[str, str, str], bool],
    texts: dict[str, str],
) -> None:
    """Lift the first results for which `names(query, decision text, title)` holds, when it does not hold
    for all of them."""
    top, naming = _first_where(index, ranked, texts, lambda said, title: names(text, said, title))
    if not naming or len(naming) == len(top):
        return
    for entry in top:
        if entry.decision_id in naming:
            entry.score *= ASKED_PERIOD_BOOST
    ranked.sort(key=lambda r: (-r.score, r.decision_id))


def _named_first(index: LoadedIndex, ranked: list[Ranked], phrased: list[int], named: list[str]) -> None:
    """A search naming a body ("London & Partners business plan and grant") wants the decisions
    that name it before those that only share its words ("London", "partners", "grant")."""
    if not phrased:
        return
    # `named`: decisions named by their code, or by a title the search holds ("Royal Docks Delivery Plan").
    # Those it names by code or title come first of them: "designating new Housing Zones" names "Designation
    # of Housing Zones (Round 2)" before the "Housing Zones Prospectus" that only holds the name.
    naming = {decision_id for decision_id, _ in index.owners(phrased)} | set(named)
    ranked.sort(
        key=lambda r: (r.decision_id not in naming, r.decision_id not in named, -r.score, r.decision_id)
    )


def _exhaustive(index: LoadedIndex, parsed: ParsedQuery, scope: Filters) -> list[Ranked]:
    match = match_all(parsed.text, parsed.phrases)
    if not match:
        return []
    return _group(index, index.keyword_scores(match, scope))


def _about_excluded(index: LoadedIndex, excluded: list[str]) -> frozenset[str]:
    """Decisions whose titles are about what the query excludes: most of its words in the title
    ("excluding ULEZ vehicle scrappage schemes" → "London Vehicle Scrappage Scheme amendment")."""
    wanted = [{stem(t) for t in keyword_tokens(words)} for words in excluded]
    wanted = [w for w in wanted if w]

    def about(decision_id: str) -> bool:
        title = {stem(t) for t in keyword_tokens(index.decisions[decision_id].title)}
        return any(len(w & title) >= max(1, len(w) / 2) for w in wanted)

    return frozenset(i for i in index.decisions if about(i))


def _by_date(index: LoadedIndex, ids: list[str]) -> list[str]:
    return sorted(ids, key=lambda i: (index.decisions[i].date or "", i), reverse=True)


@dataclass
class Found:
    """One retrieval under one set of filters: the ranked decisions and what produced them."""

    ranked: list[Ranked]
    vector: np.ndarray | None
    scoring: rerank.RerankQuery | None = None  # the second stage's view, for choosing passages


def _find(index: LoadedIndex, request: SearchRequest, parsed: ParsedQuery, filters: dict, text: str,
          keyword_text: str, today: dt.date) -> Found:  # fmt: skip
    scope = Filters.of(filters, request.staff, today)
    if parsed.cites_ref:
        scope = replace(scope, citing=parsed.cites_ref)
    if parsed.excluded:
        scope = replace(scope, excluded_ids=_about_excluded(index, parsed.excluded))
    has_words = bool(re.search(r"\w", text))

    vector, scoring, phrased = None, None, []  # phrased: rows that hold a name the query spells out
    titled: set[str] = set()  # decisions the search names by their titles
    if request.mode == "exhaustive":
        ranked = _exhaustive(index, parsed, scope) if text else []
    elif not re.search(r"\w", keyword_text):
        ranked = []
    else:
        # The model and SQLite both release the GIL: in hybrid mode the query is encoded on
        # another thread while BM25 runs here, overlapping the two largest costs of a search.
        pending = _ENCODER.submit(index.embed_query, text) if has_words and request.mode == "hybrid" else None
        # "universal free school meals": the decisions' "UFSM" is searched too (acronyms.written_out).
        spelt = acronyms.written_out(index, keyword_text) if request.mode != "semantic" else {}
        keyword_text = " ".join([keyword_text, *spelt])
        rankings, weights, keyword_ranked, semantic_ranked = [], [], [], []
        evidence: set[int] = set()  # chunks that show their decision matches the query
        if request.mode in ("hybrid", "keyword"):
            try:
                keyword_ranked = keyword_ranking(index, keyword_text, scope)
                rankings.append(keyword_ranked)
                weights.append(KEYWORD_WEIGHT)
                evidence.update(keyword_evidence(index, keyword_text, keyword_ranked, scope))
                phrased = phrase_ranking(index, text, scope, keyword_ranked)
                if phrased:
                    rankings.append(phrased)
                    weights.append(PHRASE_WEIGHT)
                    evidence.update(phrased)
            except BaseException:
                if pending:
                    pending.cancel()
                raise
        if pending:
            vector = pending.result()
        elif has_words and request.mode == "semantic":
            vector = index.embed_query(text)
        if vector is not None:
            semantic_ranked = semantic_ranking(index, vector, scope)
            rankings.append(semantic_ranked)
            weights.append(SEMANTIC_WEIGHT)
            evidence.update(semantic_evidence(index, vector, semantic_ranked))
        trust = 1.0
        if keyword_ranked and semantic_ranked:  # hybrid: the keyword list is rankings[0]
            trust = keyword_trust(index, query_idf(index, text), keyword_ranked)
            weights[0] *= trust
        fused = reciprocal_rank_fusion(rankings, weights)
        scoring = rerank.prepare(
            index,
            text,
            vector,
            expected_answer_type(text),
            fused,
            keyword_ranked,
            semantic_ranked,
            parsed.refs,
            trust,
            spelt,
        )
        ranked = matching(_group(index, rerank.rerank(index, scoring)), evidence)
        titled = _boost_title_matches(index, ranked, text)
        _boost_dated_as_named(index, ranked, text)
        _boost_naming_asked_period(index, ranked, text)

    allowed_ids = set(index.admitted_decisions(scope))
    # (A question's "under MD3161" names the decision asked about: "How much did London Councils contribute
    # under MD3161?")
    under = parsed.under_ref if not is_question(request.q) else None
    pinned = [
        index.by_ref[r] for r in parsed.refs if r in index.by_ref and not parsed.cites_ref and r != under
    ]
    pinned = [p for p in pinned if p in allowed_ids]
    ranked_by_id = {r.decision_id: r for r in ranked}
    # A reference that is not indexed ("How much did DD2593 approve?"), or one others were made under, is
    # known through the decisions that cite it, so those come first.
    for ref in parsed.refs:
        if (ref in index.by_ref and ref != under) or parsed.cites_ref:
            continue
        for decision_id in index.cited_by(ref):
            if decision_id in allowed_ids and decision_id in ranked_by_id:
                ranked_by_id[decision_id].score += REF_BOOST / 2
    if under in index.by_ref and index.by_ref[under] in ranked_by_id:
        # "…approved under the refreshed MD3274 governance process": decisions made under it, not it; it
        # ranks after them.
        ranked_by_id[index.by_ref[under]].score -= REF_BOOST / 2
    for boost, decision_id in enumerate(reversed(pinned)):
        entry = ranked_by_id.get(decision_id) or Ranked(decision_id, 0.0, _leading_chunks(index, decision_id))
        entry.score += REF_BOOST + boost
        ranked_by_id[decision_id] = entry
    listing = not re.search(r"\w", keyword_text) and not ranked_by_id
    if listing:
        # "director decisions", "decisions citing MD2721", or nothing at all: the filters are
        # the whole query, and every decision they allow is listed, newest first.
        for decision_id in allowed_ids:
            ranked_by_id[decision_id] = Ranked(decision_id, 0.0, _leading_chunks(index, decision_id))
    ranked = sorted(ranked_by_id.values(), key=lambda r: (-r.score, r.decision_id))
    if not is_question(text):  # a question's names may be written otherwise ("the GLA’s Chief Officer")
        _named_first(index, ranked, phrased, [*pinned, *titled])
    if request.sort == "date" or listing:
        order = _by_date(index, [r.decision_id for r in ranked])
        ranked = [ranked_by_id[i] for i in order]
    return Found(ranked, vector, scoring)


def search(index: LoadedIndex, request: SearchRequest) -> SearchResponse:
    today = request.today or dt.date.today()
    parsed = parse_query(request.q, today, index.known_names)
    explicit = {k: v for k, v in request.filters.items() if v not in (None, "")}
    filters = {**parsed.filters, **explicit}
    # A reference code is a lookup, not words for the model; for BM25 it is kept in its
    # normalised form, which matches the refs column ("DD2593" ~ "Director Decision (DD) 2593").
    text = parsed.text
    for ref in parsed.refs:
        text = written_ref(ref, ignore_case=True).sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    keyword_text = " ".join([text, *parsed.refs]).strip()

    found = _find(index, request, parsed, filters, text, keyword_text, today)
    asked, dropped = filters, {}
    if not found.ranked:
        # A filter read from the words ("signed in 2031") that leaves nothing is dropped and the
        # search run again, saying so; the person then sees what there is rather than nothing.
        read = {k: v for k, v in parsed.filters.items() if k not in explicit}
        for drop in relaxations(index, read, explicit, request.staff, today):
            looser = {k: v for k, v in filters.items() if k not in drop}
            retry = _find(index, request, parsed, looser, text, keyword_text, today)
            if retry.ranked:
                found, filters, dropped = retry, looser, drop
                break
    ranked = found.ranked

    page = ranked[request.offset : request.offset + request.limit]
    passage_query = PassageQuery(text, found.vector, expected_answer_type(text), found.scoring, filters)
    results = [_result(index, r, passage_query) for r in page]
    reason = None
    if not ranked:
        reason = why_empty(index, filters, request.staff, today) or (
            f"no decision cites {parsed.cites_ref}" if parsed.cites_ref else "no decisions match these words"
        )
    shown_filters = dict(filters)
    shown_filters["understood"] = [u.__dict__ for u in parsed.understood]
    if any(k in filters for k in ("date_from", "date_to")):
        shown_filters["dates_note"] = "dates marked inferred were read from the text, not a signed date"
    return SearchResponse(
        query=request.q,
        text=text,
        mode=request.mode,
        filters=shown_filters,
        total=len(ranked),
        results=results,
        reason=reason,
        parsed=parsed,
        relaxed=[u.__dict__ for u in parsed.understood if u.name in dropped],
        note=relaxed_note(asked, dropped) if dropped else None,
        suggestion=suggest(index, request.q) if re.search(r"\w", text) else None,
        matched_ids=[r.decision_id for r in ranked],
    )


def similar_decisions(
    index: LoadedIndex, decision_id: str, limit: int, staff: bool, today: dt.date
) -> list[SearchResult]:
    """Precedents: decisions whose passages sit nearest this one's (its boilerplate excluded)."""
    own = sorted(row["rowid"] for row in index.chunks_of(decision_id) if not row["boilerplate"])
    if len(own) == 0:
        return []
    centroid = index.embeddings(own).mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    others = Filters(staff=staff, today=today, excluded_ids=frozenset([decision_id]), skip_boilerplate=True)
    ranking = semantic_ranking(index, centroid.astype(np.float32), others, limit=200)
    fused = {rowid: 1.0 / (rank + 1) for rank, rowid in enumerate(ranking)}
    query = PassageQuery(text="", vector=centroid.astype(np.float32), answer_type=None)
    return [_result(index, r, query) for r in _group(index, fused)[:limit]]
