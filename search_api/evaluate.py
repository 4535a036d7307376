"""`decisions eval`: score retrieval and answers against JSONL files like shared/eval/dev.jsonl.

Item kinds: `passage` and `qa` (the `gold` text must be inside a returned passage),
`docs` (the `relevant` references must fill the first `top` places — all of them when
there are no more than `top`; `only` means nothing else may be returned), `abstain`
(no answer exists: the answerer must say so). `qa` items are also scored as answers
(the `answer` text in the answer, a citation containing `gold` — or, from one of the
item's `refs`, a quote stating the `answer` itself).

An answer that is given but wrong (or given at all for an `abstain` item) is counted
apart from a missing one: a wrong answer costs a user more than no answer.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from decisions.settings import Settings
from indexer.amounts import amounts_in
from indexer.parse import normalise_ref
from indexer.refs import find_refs, ref_spans

from .acronyms import definitions
from .index import LoadedIndex
from .search import SearchRequest, search

PASSAGE_DEPTH = 5
COMPARED_MODES = ("keyword", "semantic", "hybrid")


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"\s+([,;:.])", r"\1", text)  # "Brown , Assistant Director": a page's stray space is layout
    text = re.sub(
        r"\s&\s", " and ", text
    )  # "Communities & Skills" is the directorate "Communities and Skills"
    return re.sub(r"\s+", " ", text).strip().casefold()


def _matches_item_doc(result, item: dict) -> bool:
    """Is this result the item's own decision (by reference, else by title)?"""
    refs = item.get("refs") or []
    if refs:
        return result.ref in refs
    title = item.get("title")
    return bool(title) and _norm(title) in _norm(result.title)


def load_items(path: Path) -> list[dict]:
    """The items, their reference codes as the index writes them ("PCD 1792" → "PCD1792")."""
    items = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    for item in items:
        for key in ("refs", "relevant"):
            if item.get(key):
                item[key] = [normalise_ref(ref) or ref for ref in item[key]]
    return items


def score_retrieval(index: LoadedIndex, item: dict, settings: Settings, mode: str = "hybrid") -> dict:
    request = SearchRequest(q=item["query"], limit=10, mode=mode, today=settings.today())
    response = search(index, request)
    out = {"id": item["id"], "kind": item["kind"], "query": item["query"]}
    if item["kind"] == "docs":
        top, relevant = item.get("top", 1), item["relevant"]
        ranked = [r.ref for r in response.results]
        found = [r for r in relevant if r in ranked[:top]]
        out["recall"] = len(found) / len(relevant)
        # With more relevant decisions than places, the places must all hold relevant ones.
        filled = len(found) >= min(top, len(relevant))
        out["ok"] = filled and (not item.get("only") or set(ranked) <= set(relevant))
        out["ranked"] = ranked[:top]
        ranks = [ranked.index(r) + 1 for r in relevant if r in ranked]
        out["rr"] = 1 / min(ranks) if ranks else 0.0
        return out
    passages = [(r, p) for r in response.results for p in r.passages]
    gold = _norm(item.get("gold", ""))
    rank = next((i + 1 for i, (_, p) in enumerate(passages) if gold and gold in _norm(p.text)), None)
    out["passage_rank"] = rank
    out["hit1"] = rank == 1
    out["hit5"] = rank is not None and rank <= PASSAGE_DEPTH
    out["rr"] = 1 / rank if rank else 0.0
    out["ok"] = out["hit5"]
    if not out["hit5"]:
        out["top_passages"] = [f"{r.ref}[{p.paragraph}] {p.text[:80]}" for r, p in passages[:3]]
    return out


# A bare sum, as an expected answer: "£45 million", "£400m", "£1,757,000".
_BARE_SUM = re.compile(r"£[\d,.]+\s*(?:m|bn|k|million|billion)?", re.I)


def _same_sum(expected: str, answer: str) -> bool:
    """A bare sum expected ("£45 million") is stated by an answer writing it another way ("£45m"); a
    qualified one ("up to £140m") still needs its words."""
    return bool(_BARE_SUM.fullmatch(expected.strip())) and set(amounts_in(expected)) <= set(
        amounts_in(answer)
    )


def _initials_only(text: str) -> str:
    """The text with each name it spells out before its initials written as the initials alone: "the
    Mayoral Development Corporation (MDC) Reserve" is "the MDC Reserve", as a reader would write it."""
    for m in reversed(list(re.finditer(r"\(([A-Z][A-Za-z&]{1,9})\)", text))):
        spelt = [(a, b) for a, b in definitions(text, m.group(1)) if b <= m.start()]
        if spelt:
            text = text[: spelt[-1][0]] + m.group(1) + text[m.end() :]
    return text


# One council, two ways: "the London Borough of Islington" is "Islington Council".
_BOROUGH_OF = re.compile(
    r"\b(?:(?:London|Royal) )?Borough of ([A-Z][\w&]*(?: (?:and )?[A-Z][\w&]*)*)(?: Council)?"
)
_BOROUGH_COUNCIL = re.compile(r"\b([A-Z][\w&]*(?: (?:and )?[A-Z][\w&]*)*?) (?:London )?Borough Council\b")


_BOROUGH_LB = re.compile(r"\bLB ([A-Z][\w&]*)")  # "LB Hounslow"
# "his Chief of Staff" is named by "Chief of Staff", "an eighth round" by "eighth round": the determiner
# is the sentence's, not the name's.
_DETERMINER = re.compile(r"^(?:the|his|her|its|their|an?)\s+", re.I)


def _as_named(text: str) -> str:
    """The text with names a reader would write otherwise written that way: a name spelt out before its
    initials as the initials, a borough council as "<borough> Council"."""
    text = _BOROUGH_LB.sub(r"\1 Council", _initials_only(text))
    return _BOROUGH_COUNCIL.sub(r"\1 Council", _BOROUGH_OF.sub(r"\1 Council", text))


def _same_name(expected: str, answer: str) -> bool:
    """An expected "MDC Reserve" is named by "the Mayoral Development Corporation (MDC) Reserve",
    "London Borough of Islington" by "Islington Council", "LB Hounslow" by "the London Borough of
    Hounslow", "his Chief of Staff" by "Chief of Staff" and "the Forestry Commission" by "Forestry
    Commission (FC)" (the name in full, its initials after it)."""
    name = _DETERMINER.sub("", expected).strip("'\"‘’“” ")  # "‘My London’": the quotes mark the name
    # "Community Energy London (CEL)" is named by "Community Energy London": the initials only repeat it.
    spelt = _initials_after(name)
    return (
        _norm(_as_named(name)) in _norm(_as_named(answer))
        or _norm(name) in _norm(answer)
        or bool(spelt and _norm(spelt) in _norm(answer))
    )


def _initials_after(name: str) -> str | None:
    """The name without the initials that close it, when the words before them spell them ("Community
    Energy London (CEL)" → "Community Energy London")."""
    m = re.search(r"\s*\(([A-Z][A-Za-z&]{1,9})\)$", name)
    if not m or not definitions(name, m.group(1)):
        return None
    return name[: m.start()]


def _same_decision(expected: str, answer: str) -> bool:
    """An expected decision named in words ("Mayoral Decision 2338") is named by its code ("MD2338"): an
    expected answer that is only decision references, each of them in the answer."""
    spans = ref_spans(expected)
    rest = expected
    for start, end, _ in reversed(spans):
        rest = rest[:start] + rest[end:]
    written = set(find_refs(answer))
    return (
        bool(spans)
        and not re.search(r"\w", _DETERMINER.sub("", rest.strip()))
        and all(ref in written for _, _, ref in spans)
    )


def score_answer(index: LoadedIndex, item: dict, settings: Settings) -> dict:
    from .answer import answer_question

    started = time.perf_counter()
    result = answer_question(index, item["query"], settings)
    seconds = round(time.perf_counter() - started, 3)
    if item["kind"] == "abstain":
        return {"abstained": not result.answered, "wrong": result.answered, "answer": result.answer,
                "seconds": seconds}  # fmt: skip
    gold, expected = _norm(item.get("gold", "")), _norm(item.get("answer", ""))
    refs = set(item.get("refs") or [])
    # Cited: the quote holds the gold passage, or, from the right decision, states the answer
    # itself (a decision says its sum in the summary and again in the decision).
    cited = any(
        gold in _norm(c.text)
        or gold in _norm(c.quote)
        or (
            c.ref in refs and expected and (expected in _norm(c.quote) or _same_name(item["answer"], c.quote))
        )
        for c in result.citations
    )
    correct = result.answered and (
        expected in _norm(result.answer)
        or _same_sum(expected, result.answer)
        or _same_name(item.get("answer", ""), result.answer)
        or _same_decision(item.get("answer", ""), result.answer)
    )
    return {
        "answered": result.answered,
        "answer_ok": bool(correct and cited),
        "answer_text_ok": bool(correct),
        "cited_ok": cited,
        "wrong": result.answered and not correct,
        "uncited": result.answered and not result.citations,
        "confidence": result.confidence,
        "answer": result.answer[:160],
        "seconds": seconds,
    }


def evaluate_items(
    items: list[dict], index: LoadedIndex, settings: Settings, mode: str = "hybrid", answers: bool = True
) -> dict:
    rows = []
    started = time.perf_counter()
    for item in items:
        row = score_retrieval(index, item, settings, mode) if item["kind"] != "abstain" else {
            "id": item["id"], "kind": "abstain", "query": item["query"]}  # fmt: skip
        if answers and item["kind"] in ("qa", "abstain"):
            row["answer"] = score_answer(index, item, settings)
        rows.append(row)
    return {"items": rows, "totals": totals(rows), "seconds": round(time.perf_counter() - started, 2)}


def evaluate_file(path: Path, index: LoadedIndex, settings: Settings, mode: str = "hybrid") -> dict:
    return evaluate_items(load_items(path), index, settings, mode)


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def totals(rows: list[dict]) -> dict:
    passage_rows = [r for r in rows if r["kind"] in ("passage", "qa")]
    docs_rows = [r for r in rows if r["kind"] == "docs"]
    answers = [r["answer"] for r in rows if r["kind"] == "qa" and r.get("answer")]
    abstains = [r["answer"] for r in rows if r["kind"] == "abstain" and r.get("answer")]
    return {
        "passage_hit@1": _share([r["hit1"] for r in passage_rows]),
        "passage_hit@5": _share([r["hit5"] for r in passage_rows]),
        "passage_mrr": round(sum(r["rr"] for r in passage_rows) / len(passage_rows), 3)
        if passage_rows
        else None,
        "docs_recall": _share([r["recall"] == 1.0 for r in docs_rows]),
        "searches_ok": _share([r["ok"] for r in docs_rows]),
        "answer_accuracy": _share([a["answer_ok"] for a in answers]),
        "answered_wrong": _share([a["wrong"] for a in answers + abstains]),
        "answered_uncited": sum(1 for a in answers if a["uncited"]),
        "abstained": _share([a["abstained"] for a in abstains]),
        "answer_p95_s": _p95([a["seconds"] for a in answers + abstains]),
        "items": len(rows),
    }


def _p95(values: list[float]) -> float | None:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)] if values else None


def format_items(report: dict) -> str:
    lines = []
    for row in report["items"]:
        if row["kind"] == "docs":
            status = f"recall {row['recall']:.2f} top={row['ranked']}"
        elif row["kind"] == "abstain":
            status = ""
        else:
            status = f"passage rank {row['passage_rank'] or '-'}"
        answer = row.get("answer")
        if answer:
            if "abstained" in answer:
                status += " abstained" if answer["abstained"] else f" ANSWERED: {answer['answer']!r}"
            elif answer["answer_ok"]:
                status += f" answer ok: {answer['answer']!r}"
            else:
                status += f" answer {'WRONG' if answer['wrong'] else 'missing'}: {answer['answer']!r}"
        ok = row.get("ok", True) and (not answer or answer.get("answer_ok", answer.get("abstained", True)))
        lines.append(f"{'✓' if ok else '✗'} {row['id']} {row['kind']:8} {row['query'][:60]!r}: {status}")
        for extra in row.get("top_passages", []):
            lines.append(f"      got {extra!r}")
    return "\n".join(lines)


FIGURES = (
    ("passage hit@1", "passage_hit@1"), ("passage hit@5", "passage_hit@5"), ("passage MRR", "passage_mrr"),
    ("searches ok", "searches_ok"), ("answers right and cited", "answer_accuracy"),
    ("answered but wrong", "answered_wrong"), ("abstained (no-answer items)", "abstained"),
    ("answer p95 seconds", "answer_p95_s"),
)  # fmt: skip


def format_table(columns: dict[str, dict]) -> str:
    """Figures (rows) by file or mode (columns); '-' where a column has no such items."""
    names = list(columns)
    width = max(12, *(len(n) for n in names))
    lines = ["figure".ljust(28) + "".join(n.rjust(width + 2) for n in names)]
    for label, key in FIGURES:
        cells = [columns[n].get(key) for n in names]
        if all(c is None for c in cells):
            continue
        lines.append(
            label.ljust(28) + "".join(("-" if c is None else f"{c}").rjust(width + 2) for c in cells)
        )
    lines.append("items".ljust(28) + "".join(str(columns[n]["items"]).rjust(width + 2) for n in names))
    return "\n".join(lines)


def compare_modes(items: list[dict], index: LoadedIndex, settings: Settings) -> dict[str, dict]:
    """Retrieval figures of keyword, semantic and hybrid search on the same items in one run
    (answers are scored once, with the product's own hybrid search)."""
    out = {}
    for mode in COMPARED_MODES:
        out[mode] = evaluate_items(items, index, settings, mode, answers=mode == "hybrid")["totals"]
    return out


__all__ = ["compare_modes", "evaluate_file", "evaluate_items", "format_items", "format_table"]
