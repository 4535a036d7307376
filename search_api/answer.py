"""Answering a question from the decisions, with the exact passages that prove the answer.

1. Retrieve with the hybrid search, so that filters read from the question ("since 2018") and
   the rules for withheld decisions apply exactly as they do to a search.
2. Cut the top decisions' text into evidence: sentences, lines, and table cells read together
   with their row's label (web pages hold a table as one cell per line: "£3k" alone means
   nothing without "Citizen Shift Environment Pilot" a few lines above it).
3. Score the evidence: embedding similarity with the index's model, overlap with the question's
   content words weighted by how rare they are, and a bonus when a span of the wanted type
   (search_api/answer_spans.py) sits close to those words.
4. Answer with that span and quote the sentence or line(s) it came from, or abstain: a wrong
   answer with a citation is worse than none.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field, replace

import numpy as np

from decisions.records import Answer, Citation, Passage
from decisions.settings import Settings
from indexer.amounts import find_amounts
from indexer.embed import encode

from . import answer_spans as spans
from .answer_spans import AMOUNT_WORDS, Question, Span, is_question, stem
from .decision import passage_anchor, source_paths
from .fts import quote_token
from .index import LoadedIndex
from .search import SearchRequest, SearchResponse, search

__all__ = ["answer_question", "is_question"]

CANDIDATE_RESULTS = 8
FULL_DECISIONS = 3  # decisions read in full; the others contribute their best passages only
SCORED = 12  # evidence embedded per question after a cheap pre-ranking (~60 ms each on a busy laptop core)
EMBED_WORDS = 48
TYPE_WEIGHT = 0.3  # how much a well-placed span of the wanted type adds to its evidence's score
_EMBEDDINGS: dict[tuple[int, str], np.ndarray] = {}  # evidence vectors, kept across questions


@dataclass
class Source:
    decision_id: str
    path: str
    title_stems: set[str] = field(repr=False)
    ref_digits: str
    text: str = field(repr=False)
    chunks: list = field(repr=False)  # sqlite3.Row, ordered by start
    lines: list[tuple[int, int]] = field(default_factory=list, repr=False)
    common: set[str] = field(default_factory=set, repr=False)  # words it uses in lower case


@dataclass
class Evidence:
    source: Source
    rank: int  # the decision's place in the search results
    start: int  # the quote: the piece plus any lines it needs, offsets into source.text
    end: int
    piece: tuple[int, int]  # the sentence or line itself, where answer spans are looked for
    chunk: object = field(repr=False)  # the chunk that holds the quote
    context: int  # where the text it is read with starts: the sentence or lines before it
    label: tuple[int, int] | None = None  # a table cell's row label, quoted separately
    kw: float = 0.0
    sem: float = 0.0
    score: float = 0.0

    def at(self, span: tuple[int, int] | None) -> str:
        return self.source.text[span[0] : span[1]] if span else ""


@dataclass
class Candidate:
    evidence: Evidence
    span: Span | None
    answer: str
    bonus: float  # fit of the span's type times its closeness to the question's words
    extra: tuple[int, int] | None = None  # a following sentence or bullet list the answer came from
    alone: bool = False  # the only span of its type in the evidence: nothing to confuse it with

    @property
    def total(self) -> float:
        return self.evidence.score + TYPE_WEIGHT * self.bonus


def answer_question(
    index: LoadedIndex, question: str, settings: Settings, filters: dict | None = None, staff: bool = False
) -> Answer:
    """Answer from the decisions with cited quotes, or abstain with the nearest passages."""
    question = " ".join(question.split())[: settings.max_query_chars]
    if not question:
        return Answer(question, False, "", 0.0, [], {}, explanation="the question is empty")
    response = _retrieve(index, question, settings, filters or {}, staff)
    q = spans.analyse_question(question)
    _read_filters(q, response)
    related = [p for r in response.results for p in r.passages][:3]
    if not response.results:
        return _abstain(q, response, related, response.reason or "no decision matches the question")
    weights = _weights(index, q)
    unknown = [q.words[s] for s, w in weights.items() if w is None]
    if unknown and len(unknown) >= 0.4 * len(weights):
        return _abstain(q, response, related, f"the decisions never mention {', '.join(unknown)}")
    # A word no decision uses still counts, as missing from every piece of evidence.
    rarest = math.log((index.chunk_count + 1) / 0.5)
    weights = {s: rarest if w is None else w for s, w in weights.items()}
    q.weights = weights
    if _is_aggregate(q, response):
        return _aggregate(index, q, response, weights, related)
    passages = {p.chunk_id for r in response.results for p in r.passages}
    evidence = _score(index, q, weights, _gather(index, response), passages)
    extractive = _extract(index, q, response, evidence, related)
    if settings.llm_url and evidence:
        from .llm import generative_answer

        generated = generative_answer(question, settings, _passages_for_llm(index, evidence))
        if isinstance(generated, Answer):
            return replace(generated, filters=response.filters)
        extractive.explanation = f"Extractive answer: {generated}."
    return extractive


def _retrieve(index: LoadedIndex, question: str, settings: Settings, filters: dict, staff: bool) -> SearchResponse:
    request = SearchRequest(question, limit=CANDIDATE_RESULTS, filters=filters, staff=staff, today=settings.today())
    response = search(index, request)
    # A decision that is not indexed itself ("DD2593") is known only through those citing it,
    # and search drops the code from the words it looks for; look for its number instead.
    missing = [r for r in (response.parsed.refs if response.parsed else []) if r not in index.by_ref]
    if missing:
        digits = " ".join(re.sub(r"\D", "", r) for r in missing)
        extra = search(index, replace(request, q=f"{question} {digits}"))
        seen = {r.decision_id for r in extra.results}
        response.results = extra.results + [r for r in response.results if r.decision_id not in seen]
    return response


def _read_filters(q: Question, response: SearchResponse) -> None:
    """Words search read as filters ("since 2018") are not what the answer is about; a reference
    code is matched by its number, as decisions cite each other as "Director Decision (DD) 2593"."""
    parsed = response.parsed
    for understood in parsed.understood if parsed else []:
        for tok in spans.tokens(understood.words):
            if not tok.text[0].isdigit():  # "2021-22" may still pick the year's amount in a table
                q.words.pop(stem(tok.text), None)
    for ref in parsed.refs if parsed else []:
        q.words.pop(stem(ref), None)
        digits = re.sub(r"\D", "", ref)
        q.words[digits] = ref
        q.entities.append({digits})


def _weights(index: LoadedIndex, q: Question) -> dict[str, float | None]:
    """Inverse document frequency of each content word over the chunks; None when no chunk has it."""
    total = max(1, index.chunk_count)
    out: dict[str, float | None] = {}
    for word_stem, word in q.words.items():
        forms = {word, word_stem}  # "DD2593" is also written "(DD) 2593"; "sent" is found as "send"
        df = max(_document_frequency(index, form) for form in forms)
        # "budget", "cost": they say an amount is wanted more than what it is for.
        out[word_stem] = math.log((total + 1) / (df + 0.5)) * (0.5 if word in AMOUNT_WORDS else 1.0) if df else None
    return out


def _document_frequency(index: LoadedIndex, word: str) -> int:
    match = f"text : {quote_token(word)}"
    return index.db.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (match,)).fetchone()[0]


# --- evidence: the sentences and lines of the retrieved decisions -------------------------


def _load_source(index: LoadedIndex, decision_id: str, path: str) -> Source | None:
    row = index.db.execute("SELECT text FROM sources WHERE decision_id = ? AND path = ?", (decision_id, path)).fetchone()
    if row is None:
        return None
    chunks = index.db.execute(
        'SELECT rowid, id, paragraph, section, text, start, "end", boilerplate FROM chunks '
        "WHERE decision_id = ? AND source_path = ? ORDER BY start",
        (decision_id, path),
    ).fetchall()
    decision = index.decisions[decision_id]
    return Source(decision_id, path, _stems(decision.title)[0], re.sub(r"\D", "", decision.ref or ""), row["text"], chunks)


def _covering(source: Source, start: int, end: int):
    """The smallest chunk holding [start, end): its text then contains the quote verbatim."""
    holding = [c for c in source.chunks if c["start"] <= start and end <= c["end"]]
    return min(holding, key=lambda c: (c["boilerplate"], c["end"] - c["start"])) if holding else None


def _gather(index: LoadedIndex, response: SearchResponse) -> list[Evidence]:
    evidence: list[Evidence] = []
    common: set[str] = set()  # shared: the more text, the better "Decision" is known for a word
    for rank, result in enumerate(response.results):
        keep = None if rank < FULL_DECISIONS else {p.chunk_id for p in result.passages}
        for path in source_paths(index, result.decision_id):
            source = _load_source(index, result.decision_id, path)
            evidence.extend(_evidence_of(source, rank, keep, common) if source else [])
    return evidence


def _evidence_of(source: Source, rank: int, keep: set[str] | None, common: set[str] | None = None) -> list[Evidence]:
    source.lines, found = spans.pieces(source.text)
    source.common = common if common is not None else set()
    source.common.update(spans.lowercase_words(source.text))
    out = []
    for piece in found:
        chunk = _covering(source, piece.start, piece.end)
        if chunk is None or (keep is not None and chunk["id"] not in keep):
            continue
        start, label = piece.start, None
        if piece.short and "\t" not in source.text[piece.start : piece.end]:
            # A cell or field ("Name: Luke Bruce") is read with the two lines before it and its row label.
            for j in range(piece.line - 1, max(-1, piece.line - 3), -1):
                if source.lines[j][0] >= chunk["start"]:
                    start = source.lines[j][0]
            label = spans.row_label(source.text, source.lines, piece.line)
        context = start if piece.short else max(piece.before, chunk["start"])
        out.append(Evidence(source, rank, start, piece.end, (piece.start, piece.end), chunk, context, label))
    return out


@functools.lru_cache(maxsize=8192)
def _stems(text: str) -> tuple[set[str], set[str]]:
    words = [t.text for t in spans.tokens(text)]
    numbers = {re.sub(r"\D", "", w) for w in words if w[0].isalpha() and w[-1].isdigit()}  # "ADD2234" → 2234
    return {stem(w) for w in words} | numbers, {spans.norm(w) for w in words}


def _overlap(q: Question, weights: dict[str, float], ev: Evidence) -> float:
    """Share of the question's (rarity-weighted) words found: in the piece fully (a little less
    when only the stem matches), in the decision's title nearly so (every sentence of a decision
    is about its title), in the sentence or lines before it or its row label partly."""
    piece_stems, piece_words = _stems(ev.at(ev.piece))
    near, _ = _stems(ev.at((ev.context, ev.piece[1])) + " " + ev.at(ev.label))
    section, _ = _stems(ev.chunk["section"] or "")
    got = 0.0
    for word_stem, weight in weights.items():
        if word_stem in piece_stems:
            got += weight * (1.0 if q.words[word_stem] in piece_words else 0.85)
        elif word_stem in ev.source.title_stems:
            got += weight * 0.8
        elif word_stem in near:
            got += weight * 0.6
        elif word_stem in section:
            got += weight * 0.35
    return got / (sum(weights.values()) or 1.0)


def _embed(index: LoadedIndex, texts: list[str]) -> np.ndarray:
    """Vectors through a process-wide cache (requests run in threads: read it into a local dict)."""
    key = id(index.model)
    found = {t: _EMBEDDINGS.get((key, t)) for t in texts}
    missing = [t for t, vector in found.items() if vector is None]
    if missing:
        found.update(zip(missing, encode(index.model, missing, batch_size=8), strict=True))  # less padding
        if len(_EMBEDDINGS) > 50_000:
            _EMBEDDINGS.clear()
        _EMBEDDINGS.update({(key, t): found[t] for t in missing})
    return np.array([found[t] for t in texts])


def _score(index: LoadedIndex, q: Question, weights: dict[str, float], evidence: list[Evidence],
           passages: set[str]) -> list[Evidence]:  # fmt: skip
    """Rank cheaply on words, the type bonus and search's own choice of passages (which brings
    in its semantic match); then embed the question and the best evidence in one batch."""
    if not evidence:
        return []
    for ev in evidence:
        ev.kw = _overlap(q, weights, ev)
        typed = _typed(q, ev) if q.kind != "text" else None
        ev.score = ev.kw + (TYPE_WEIGHT * typed.bonus if typed else 0.0) + (0.2 if ev.chunk["id"] in passages else 0.0)
    evidence.sort(key=lambda e: -e.score)
    shortlist = evidence[:SCORED]
    texts = [" ".join(f"{ev.at(ev.label)}\n{ev.at((ev.context, ev.piece[1]))}".split()[-EMBED_WORDS:]) for ev in shortlist]
    vectors = _embed(index, [q.text, *texts])
    for ev, sem in zip(shortlist, vectors[1:] @ vectors[0], strict=True):
        ev.sem = float(sem)
        ev.score = 0.45 * ev.sem + 0.45 * ev.kw + 0.1 / (1 + ev.rank)
    shortlist.sort(key=lambda e: (-e.score, e.rank))
    return shortlist


# --- the span that answers ---------------------------------------------------------------


def _following(ev: Evidence) -> tuple[int, int] | None:
    """What a sentence introduces: "…four priorities… These are: a; b; …", or the bullets after a colon."""
    text, chunk_end = ev.source.text, ev.chunk["end"]
    rest = text[ev.piece[1] : chunk_end]
    start = ev.piece[1] + len(rest) - len(rest.lstrip())
    if start >= chunk_end:
        return None
    if ev.at(ev.piece).rstrip().endswith(":"):
        items = []
        for s, e in ev.source.lines:
            if s < start or e > chunk_end:
                continue
            if not _ITEM.match(text[s:e]):
                break
            items.append(e)
        return (start, items[-1]) if items else (start, start + spans.pieces(text[start:chunk_end])[1][0].end)
    _, found = spans.pieces(text[start : min(chunk_end, start + 600)])
    return (start, start + found[0].end) if found else None


_ANNOUNCED = re.compile(r"(?:these|they|this|the \w+)\s+(?:are|is|include)", re.IGNORECASE)
_ITEM = re.compile(r"\s*(?:[-•·*]|\d{1,2}[.)])\s")  # "• housing associations", "2. cross cutting principles"


def _bullet_answer(text: str) -> str:
    found = [line for line in text.split("\n") if line.strip()]
    if len(found) < 2 or not all(_ITEM.match(line) for line in found):
        return ""
    return "; ".join(line[_ITEM.match(line).end() :].strip().rstrip(";.") for line in found)


def _mentions(q: Question, ev: Evidence) -> bool:
    """Does the evidence (with the lines it is read with, its title and section) name what the
    question names? "Kim Wright chairs the LPB Subgroup" does not answer who chairs the Board."""
    if not q.entities:
        return True
    ref = ev.source.ref_digits
    near, _ = _stems(f"{ev.at((min(ev.start, ev.context), ev.piece[1]))} {ev.at(ev.label)} {ev.chunk['section'] or ''}")
    return all(entity <= (near | ev.source.title_stems | {ref}) for entity in q.entities)


def _states_relation(q: Question, ev: Evidence) -> bool:
    """For "who chairs the London Partnership Board?" the evidence must say "chair": a name
    beside the Board's name alone may be anyone. Words of the names asked about and of the
    decision's title do not count."""
    named = set().union(*q.entities) if q.entities else set()
    predicates = {s for s in q.words if s not in named and s not in ev.source.title_stems}
    return not predicates or bool(predicates & _stems(ev.at((min(ev.start, ev.context), ev.piece[1])))[0])


def _typed(q: Question, ev: Evidence) -> Candidate | None:
    """The best span of the wanted type in the piece (or, for a list, in what it introduces)."""
    zones: list[tuple[int, int] | None] = [None]
    if q.kind == "list":
        zones.append(_following(ev))
    # Closeness counts to the words that are not just the decision's title: in "who approved the
    # London Missions decision" every sentence of that decision is near "London Missions".
    relation = {s: w for s, w in q.weights.items() if s not in ev.source.title_stems or s in q.head} or q.weights
    if q.kind == "person" and not _states_relation(q, ev):
        return None
    quote = ev.at((ev.start, ev.end))
    label_hit = any(spans.stem(t.text) in q.words for t in spans.tokens(ev.at(ev.label)))
    # A list announced by its sentence ("…four priorities… These are: …", "These include:") is as
    # close to the question's words as that sentence is.
    said = ev.at((ev.context, ev.piece[1]))
    announced = 0.9 if any(spans.stem(t.text) in relation for t in spans.tokens(said)) else 0.0
    best, seen = None, 0
    for extra in zones:
        zone = extra or ev.piece
        zone_text = ev.at(zone)
        found = spans.spans_for(q.kind, zone_text, q, ev.source.common)
        bullets = _bullet_answer(zone_text) if extra and not found and q.kind == "list" else ""
        if bullets:
            found = [Span(0, len(zone_text), bullets, 1.0 if q.stated_number in (None, bullets.count(";") + 1) else 0.6)]
        if q.kind == "person":  # a name from the decision's title is its subject, not who acted
            found = [f for f in found if not {stem(t.text) for t in spans.tokens(f.text)} <= ev.source.title_stems]
        if q.after:  # "reduced to": in "from £90,000 to £72,625" the amount after "to"
            found = [replace(f, quality=f.quality + (0.3 if zone_text[: f.start].rstrip().endswith(f" {q.after}") else 0.0))
                     for f in found]  # fmt: skip
        seen += len(found)
        for span in found:
            shifted = Span(span.start + zone[0] - ev.start, span.end + zone[0] - ev.start, span.text)
            # A line that says what its value is ("£15k - Mayor's Civil Society Ambassadors") is read
            # on its own; a bare one ("£3k", "Name: Luke Bruce") through the lines before it.
            rest = zone_text[: span.start] + zone_text[span.end :]
            own = (zone[0] - ev.start, zone[1] - ev.start) if len(rest.split()) >= 3 else None
            near = max(spans.proximity(shifted, quote, relation, own), 0.8 if label_hit else 0.0)
            if extra and (said.rstrip().endswith(":") or _ANNOUNCED.match(zone_text)):
                near = announced
            if best is None or span.quality * near > best.bonus:
                best = Candidate(ev, span, " ".join(span.text.split()), span.quality * near, extra)
    if best is not None:
        best.alone = seen == 1
    return best


def _extract(index: LoadedIndex, q: Question, response: SearchResponse, evidence: list[Evidence],
             related: list[Passage]) -> Answer:  # fmt: skip
    evidence = [e for e in evidence if _mentions(q, e)]
    if not evidence:
        return _abstain(q, response, related, "no passage of the matching decisions names what the question names")
    top = evidence[0]
    if top.kw < 0.3 and top.sem < 0.5:
        return _abstain(q, response, related, "no passage matches the question closely enough")
    if q.kind == "text":
        # "…mission, aims to ensure that:" is answered by what follows the colon.
        extra = _following(top) if top.at(top.piece).rstrip().endswith(":") else None
        said = top.at(extra) if extra else top.at(top.piece)
        return _answer(index, q, response, Candidate(top, None, " ".join(said.split()), 0.0, extra))
    # A span must sit near the question's words, unless the evidence as a whole is plainly on topic.
    candidates = [c for c in (_typed(q, e) for e in evidence) if c is not None and c.evidence.kw >= 0.35
                  and (c.bonus >= 0.25 or (q.kind != "person" and c.evidence.kw >= 0.6 and (c.evidence.sem >= 0.5 or c.alone)))]  # fmt: skip
    if candidates:
        return _answer(index, q, response, max(candidates, key=lambda c: c.total))
    if q.kind in ("date", "list") and top.kw >= 0.7 and top.sem >= 0.65:
        # No span of the wanted type, but the sentence itself plainly addresses the question
        # ("…are scheduled to meet before the end of the year"); an amount, count or name never.
        return _answer(index, q, response, Candidate(top, None, " ".join(top.at(top.piece).split()), 0.0))
    wanted = {"amount": "amount", "date": "date", "person": "name", "count": "number", "list": "list",
              "email": "e-mail address"}[q.kind]  # fmt: skip
    return _abstain(q, response, related, f"no {wanted} is stated near the words of the question")


# --- citations and the answer record -----------------------------------------------------


def _citation(index: LoadedIndex, ev: Evidence, span: tuple[int, int] | None = None) -> Citation:
    start, end = span or (ev.start, ev.end)
    chunk = _covering(ev.source, start, end) or ev.chunk
    decision = index.decisions[ev.source.decision_id]
    anchor = passage_anchor(index, decision.id, ev.source.path, chunk["start"])
    return Citation(
        ref=decision.ref, decision_id=decision.id, title=decision.title, paragraph=chunk["paragraph"],
        chunk_id=chunk["id"], text=chunk["text"], quote=ev.source.text[start:end].strip(),
        url=f"{decision.url}#{anchor}" if anchor else decision.url,
    )  # fmt: skip


def _citations(index: LoadedIndex, cand: Candidate) -> list[Citation]:
    ev = cand.evidence
    spans_cited = [(ev.start, ev.end)]
    if cand.extra:
        joined = (min(ev.start, cand.extra[0]), max(ev.end, cand.extra[1]))
        spans_cited = [joined] if _covering(ev.source, *joined) else [(ev.start, ev.end), cand.extra]
    if ev.label:
        spans_cited.append(ev.label)  # the row label: "£3k" is the budget of *that* row
    return [c for c in (_citation(index, ev, s) for s in spans_cited) if c.quote]


def _answer(index: LoadedIndex, q: Question, response: SearchResponse, cand: Candidate) -> Answer:
    ev = cand.evidence
    fit = TYPE_WEIGHT * cand.bonus if cand.span else 0.0
    confidence = max(0.0, min(1.0, 0.35 * ev.sem + 0.45 * ev.kw + fit))
    return Answer(q.text, True, cand.answer, round(confidence, 3), _citations(index, cand), response.filters)


def _abstain(q: Question, response: SearchResponse, related: list[Passage], reason: str) -> Answer:
    return Answer(q.text, False, "", 0.0, [], response.filters,
                  explanation=f"{reason[0].upper()}{reason[1:]}.", related=related)  # fmt: skip


def _passages_for_llm(index: LoadedIndex, evidence: list[Evidence]) -> list[Citation]:
    """The chunks of the best evidence, once each, as citations the model may choose from."""
    seen, out = set(), []
    for ev in evidence:
        if ev.chunk["id"] not in seen and len(out) < 6:
            seen.add(ev.chunk["id"])
            out.append(replace(_citation(index, ev), quote=ev.chunk["text"]))
    return out


# --- "how much has been approved for X since 2018": one line per decision, and their sum ----

_AGGREGATE_VERBS = re.compile(r"\b(?:approved|spent|allocated|committed|awarded|granted|invested)\b", re.IGNORECASE)
_AGGREGATE_SCOPE = re.compile(r"\b(?:since|in total|altogether|overall|combined|so far|to date|all|decisions)\b",
                              re.IGNORECASE)  # fmt: skip


def _is_aggregate(q: Question, response: SearchResponse) -> bool:
    dated = any(k in response.filters for k in ("date_from", "date_to"))
    return q.kind == "amount" and bool(_AGGREGATE_VERBS.search(q.text)) and (dated or bool(_AGGREGATE_SCOPE.search(q.text)))


def _approval(index: LoadedIndex, decision_id: str, amount: int) -> tuple[Evidence, str] | None:
    """The sentence that states a decision's approved amount, and the amount as written there."""
    found = []
    for path in source_paths(index, decision_id):
        source = _load_source(index, decision_id, path)
        for ev in _evidence_of(source, 0, None) if source else []:
            piece = ev.at(ev.piece)
            written = [piece[s:e] for value, s, e in find_amounts(piece) if value == amount]
            if written:
                found.append((not re.search(r"approv", piece, re.IGNORECASE), ev.piece[0], ev, written[0]))
    if not found:
        return None
    _, _, ev, written = min(found, key=lambda f: f[:2])
    return ev, written


def _about(index: LoadedIndex, decision_id: str, topic: dict[str, float]) -> float:
    """How much of the topic one passage of the decision (with its title) covers: "community"
    in one paragraph and "engagement" in another is not a decision about community engagement."""
    title = index.decisions[decision_id].title
    rows = index.db.execute("SELECT text FROM chunks WHERE decision_id = ?", (decision_id,)).fetchall()
    total = sum(topic.values()) or 1.0
    return max((sum(w for s, w in topic.items() if s in _stems(f"{title} {r['text']}")[0]) / total for r in rows),
               default=0.0)  # fmt: skip


def _aggregate(index: LoadedIndex, q: Question, response: SearchResponse, weights: dict[str, float],
               related: list[Passage]) -> Answer:  # fmt: skip
    topic = {s: w for s, w in weights.items()
             if q.words[s] not in AMOUNT_WORDS and not _AGGREGATE_VERBS.match(q.words[s]) and not s[0].isdigit()}  # fmt: skip
    lines, citations, total = [], [], 0
    for result in response.results:
        decision = index.decisions[result.decision_id]
        if decision.approved_amount is None or (topic and _about(index, decision.id, topic) < 0.7):
            continue
        found = _approval(index, decision.id, decision.approved_amount)
        if found is None:
            continue
        ev, written = found
        lines.append(f"{decision.ref or decision.title}: {written}")
        citations.append(_citation(index, ev))
        total += decision.approved_amount
    if not lines:
        return _abstain(q, response, related, "no matching decision states an approved amount")
    answer = "\n".join(lines) + f"\nTotal: £{total:,} (the sum of the listed decisions)"
    return Answer(q.text, True, answer, 0.7, citations, response.filters,
                  explanation=f"{len(lines)} decisions state an approved amount; the total is their sum")  # fmt: skip
