"""`decisions eval`: score retrieval and answers against a JSONL file like shared/eval/dev.jsonl.

Item kinds: `passage` and `qa` (the `gold` text must be inside a returned passage),
`docs` (the `relevant` references must rank within `top`; `only` means nothing else
may), `abstain` (no answer exists: the answerer must say so). `qa` items are also
scored as answers (the `answer` text in the answer, a citation containing `gold`).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from decisions.settings import Settings

from .index import LoadedIndex
from .search import SearchRequest, search

PASSAGE_DEPTH = 5


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def _matches_item_doc(result, item: dict) -> bool:
    refs = item.get("refs") or []
    if refs:
        return result.ref in refs
    title = item.get("title")
    return bool(title) and _norm(title) in _norm(result.title)


def score_retrieval(index: LoadedIndex, item: dict, settings: Settings) -> dict:
    response = search(index, SearchRequest(q=item["query"], limit=10, today=settings.today()))
    out = {"id": item["id"], "kind": item["kind"], "query": item["query"]}
    if item["kind"] == "docs":
        top = item.get("top", 1)
        ranked = [r.ref for r in response.results]
        relevant = item["relevant"]
        found = [r for r in relevant if r in ranked[:top]]
        out["recall"] = len(found) / len(relevant)
        out["ok"] = out["recall"] == 1.0 and (not item.get("only") or set(ranked) <= set(relevant))
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


def score_answer(index: LoadedIndex, item: dict, settings: Settings) -> dict | None:
    try:
        from .answer import answer_question
    except ImportError:
        return None
    result = answer_question(index, item["query"], settings)
    if item["kind"] == "abstain":
        return {"abstained": not result.answered, "answer": result.answer}
    gold = _norm(item.get("gold", ""))
    cited = any(gold in _norm(c.text) or gold in _norm(c.quote) for c in result.citations)
    correct = result.answered and _norm(item.get("answer", "")) in _norm(result.answer)
    return {
        "answered": result.answered,
        "answer_ok": bool(correct and cited),
        "answer_text_ok": bool(correct),
        "cited_ok": cited,
        "uncited": result.answered and not result.citations,
        "answer": result.answer[:160],
    }


def evaluate_file(path: Path, index: LoadedIndex, settings: Settings) -> dict:
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    rows = []
    started = time.perf_counter()
    for item in items:
        row = score_retrieval(index, item, settings) if item["kind"] != "abstain" else {
            "id": item["id"], "kind": "abstain", "query": item["query"]}  # fmt: skip
        if item["kind"] in ("qa", "abstain"):
            row["answer"] = score_answer(index, item, settings)
        rows.append(row)
    return {"items": rows, "totals": totals(rows), "seconds": round(time.perf_counter() - started, 2)}


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
        "docs_recall": _share([r["recall"] == 1.0 for r in docs_rows]),
        "docs_ok": _share([r["ok"] for r in docs_rows]),
        "mrr": round(
            sum(r["rr"] for r in passage_rows + docs_rows) / max(1, len(passage_rows + docs_rows)), 3
        ),
        "answer_accuracy": _share([a["answer_ok"] for a in answers]),
        "answered_uncited": sum(1 for a in answers if a["uncited"]),
        "abstained": _share([a["abstained"] for a in abstains]),
        "items": len(rows),
    }


def format_report(report: dict) -> str:
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
            else:
                status += f" answer {'ok' if answer['answer_ok'] else 'WRONG'}: {answer['answer']!r}"
        ok = row.get("ok", True) and (not answer or answer.get("answer_ok", answer.get("abstained", True)))
        lines.append(f"{'✓' if ok else '✗'} {row['id']} {row['kind']:8} {row['query'][:60]!r}: {status}")
        for extra in row.get("top_passages", []):
            lines.append(f"      got {extra!r}")
    t = report["totals"]
    lines.append("")
    lines.append(f"items {t['items']} in {report['seconds']} s")
    lines.append(f"passage hit@1 {t['passage_hit@1']}  hit@5 {t['passage_hit@5']}  MRR {t['mrr']}")
    lines.append(f"docs recall {t['docs_recall']}  docs ok {t['docs_ok']}")
    lines.append(f"answer accuracy {t['answer_accuracy']}  answered without citation {t['answered_uncited']}")
    lines.append(f"abstained on abstain items {t['abstained']}")
    return "\n".join(lines)
