"""Optional generative answers from an OpenAI-compatible chat-completions endpoint, verified.

Off unless `settings.llm_url` is set (DECISIONS_LLM_URL). The model is shown the retrieved
passages numbered [1]..[n] and must cite the ones it uses. Its reply is used only when it
cites at least one passage, every cited number is a passage it was given, and every number,
£ amount, date and capitalised name in the answer occurs in the passages it cites. Otherwise,
and on any HTTP error or timeout, the caller keeps its extractive answer: a fluent answer
that cannot be traced to the decisions is worse than a plain one that can.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from decisions.records import Answer, Citation
from decisions.settings import Settings
from decisions.words import STOPWORDS, stem_with_irregulars, tokens
from indexer.amounts import find_amounts
from indexer.dates import find_dates

from .answer_spans import pieces

log = logging.getLogger("decisions")

SYSTEM_PROMPT = (
    "You answer questions about decisions of the Greater London Authority using only the numbered "
    "passages given. Answer in one or two short sentences, copying names, amounts and dates exactly "
    "as the passages write them, and cite every passage you use as [n]. If the passages do not "
    'answer the question, reply with exactly "NOT FOUND".'
)
_MARKER = re.compile(r"\[([\d,\s]{1,20})\]")  # "[2]", "[1, 3]"
_DIGITS = re.compile(r"\d[\d,.]*")
MAX_REPLY_CHARS = 2000  # an answer is a sentence or two; a longer reply is not checked, it is refused


class LlmUnavailable(RuntimeError):
    """The endpoint could not be reached or did not answer in the chat-completions shape."""


def generative_answer(question: str, settings: Settings, passages: list[Citation]) -> Answer | str:
    """A verified Answer, or the reason (a phrase) the model's reply was not used."""
    if not passages:
        return "no passages to give the language model"
    try:
        reply = ask_model(question, settings, passages)
    except LlmUnavailable as exc:
        log.warning("generative answer unavailable, answering extractively: %s", exc)
        return f"the language model could not be used ({exc})"
    if reply.strip().upper().startswith("NOT FOUND"):
        return "the language model found no answer in the passages"
    problem = verify(reply, passages)
    if problem:
        log.warning("generative answer rejected, answering extractively: %s", problem)
        return f"the language model's reply was rejected ({problem})"
    return _answer(question, reply, passages, settings)


def ask_model(question: str, settings: Settings, passages: list[Citation]) -> str:
    """POST {llm_url}/chat/completions and return the reply text."""
    try:
        import httpx
    except ImportError as exc:  # a test-only dependency of this project; say so rather than crash
        raise LlmUnavailable("the httpx package is not installed") from exc
    numbered = "\n\n".join(
        f"[{i}] {p.ref or p.title}, paragraph {p.paragraph or '-'}:\n{p.text}"
        for i, p in enumerate(passages, 1)
    )
    body = {
        "model": settings.llm_model or "default",
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Passages:\n\n{numbered}\n\nQuestion: {question}"},
        ],
    }
    headers = {"Authorization": f"Bearer {settings.llm_api_key}"} if settings.llm_api_key else {}
    url = settings.llm_url.rstrip("/") + "/chat/completions"
    try:
        response = httpx.post(url, json=body, headers=headers, timeout=settings.llm_timeout_s)
        response.raise_for_status()
        content = response.json()["choices"][0]["message"]["content"]
    except httpx.HTTPError as exc:
        raise LlmUnavailable(f"{type(exc).__name__}: {exc}") from exc
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise LlmUnavailable(f"unexpected reply from {url}: {exc!r}") from exc
    if not isinstance(content, str) or not content.strip():
        raise LlmUnavailable(f"empty reply from {url}")
    return content.strip()


def cited_numbers(reply: str) -> list[int]:
    return [int(n) for group in _MARKER.findall(reply) for n in group.split(",") if n.strip().isdigit()]


def verify(reply: str, passages: list[Citation]) -> str | None:
    """Why the reply cannot be trusted, or None when every checkable claim is in its cited passages."""
    if len(reply) > MAX_REPLY_CHARS:
        return f"it is longer than {MAX_REPLY_CHARS} characters"
    cited = cited_numbers(reply)
    if not cited:
        return "it cites no passage"
    unknown = sorted({n for n in cited if not 1 <= n <= len(passages)})
    if unknown:
        return f"it cites passage [{unknown[0]}], which it was not given"
    text = _MARKER.sub(" ", reply)
    source = "\n".join(passages[n - 1].text for n in dict.fromkeys(cited))
    return _unsupported_amount(text, source) or _unsupported_date(text, source) or _unsupported_number(
        text, source) or _unsupported_name(text, source)  # fmt: skip


def _unsupported_amount(text: str, source: str) -> str | None:
    # Compared by value: "£3,000" is supported by "£3k".
    known = {value for value, _, _ in find_amounts(source)}
    return next(
        (
            f"the amount {text[s:e]} is not in the cited passages"
            for v, s, e in find_amounts(text)
            if v not in known
        ),
        None,
    )


def _unsupported_date(text: str, source: str) -> str | None:
    known = {(m.date, m.precision) for m in find_dates(source)}
    return next(
        (
            f"the date {m.text} is not in the cited passages"
            for m in find_dates(text)
            if (m.date, m.precision) not in known
        ),
        None,
    )


def _numbers(text: str) -> set[str]:
    return {m.group().rstrip(".,").replace(",", "") for m in _DIGITS.finditer(text)}


def _unsupported_number(text: str, source: str) -> str | None:
    # Amounts are checked by value above; their digits ("3" of "£3k") are not checked again.
    for _, s, e in reversed(find_amounts(text)):
        text = text[:s] + " " + text[e:]
    missing = sorted(_numbers(text) - _numbers(source))
    return f"the number {missing[0]} is not in the cited passages" if missing else None


def _unsupported_name(text: str, source: str) -> str | None:
    """Capitalised words must be in the cited text; a sentence's first word only when it starts a name."""
    known = {t.text.lower().replace("’", "'") for t in tokens(source)}
    found = tokens(text)
    for i, tok in enumerate(found):
        if not tok.text[0].isupper() or tok.text.lower().replace("’", "'") in known:
            continue
        before = text[max(0, tok.start - 10) : tok.start].rstrip()
        starts_sentence = not before.strip() or before[-1] in ".!?"
        next_capital = i + 1 < len(found) and found[i + 1].text[0].isupper()
        if tok.text.lower() in STOPWORDS or (starts_sentence and not next_capital):
            continue
        return f"the name {tok.text!r} is not in the cited passages"
    return None


def _quote(passage: Citation, answer: str) -> str:
    """The passage's sentence sharing most words with the answer: what the answer rests on."""
    wanted = {stem_with_irregulars(t.text) for t in tokens(answer)}
    _, found = pieces(passage.text)
    best = max(found, key=lambda p: len(wanted & {stem_with_irregulars(t.text) for t in tokens(passage.text[p.start : p.end])}),
               default=None)  # fmt: skip
    return passage.text[best.start : best.end].strip() if best else passage.text


def _answer(question: str, reply: str, passages: list[Citation], settings: Settings) -> Answer:
    order = list(dict.fromkeys(cited_numbers(reply)))
    # Renumber the markers to the citations' own order: [3] and [5] become [1] and [2].
    renumbered = _MARKER.sub(
        lambda m: "".join(
            f"[{order.index(int(n)) + 1}]" for n in m.group(1).split(",") if n.strip().isdigit()
        ),
        reply,
    )
    citations = [
        replace(passages[n - 1], quote=_quote(passages[n - 1], _MARKER.sub(" ", reply))) for n in order
    ]
    return Answer(
        question=question,
        answered=True,
        answer=" ".join(renumbered.split()),
        confidence=0.7,
        citations=citations,
        filters={},
        explanation=f"Written by the language model {settings.llm_model or ''} from the cited passages; "
        "every number, date and name in it was checked against them.".replace("  ", " "),
    )
