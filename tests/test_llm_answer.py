"""Generative answers: the model's reply is used only when its citations and facts check out.

The language model is a small real HTTP server on 127.0.0.1 speaking the chat-completions
protocol (see StandInModel); each test scripts its reply from the passages it was sent.
"""

from __future__ import annotations

import dataclasses
import json
import re
import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from decisions.records import Citation
from search_api.answer import answer_question
from search_api.llm import verify

# DD2691 1.9: "The original contract value was £90,000 per year; £270,000 over its three year term."
QUESTION = "What was the original contract value per year with Shared Intelligence?"
FACT = "£90,000 per year"


class StandInModel(BaseHTTPRequestHandler):
    """Stands in for a language model: answers POST /v1/chat/completions in the OpenAI shape,
    with a reply the test computes from the prompt, and records every request it receives."""

    def do_POST(self) -> None:  # noqa: N802 (the http.server API)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
        reply = self.server.script(body["messages"][-1]["content"])
        payload = json.dumps({
            "id": "stand-in-1", "object": "chat.completion", "model": body.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": reply}, "finish_reason": "stop"}],
        }).encode()  # fmt: skip
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:  # keep test output clean
        pass


@pytest.fixture(scope="module")
def model_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandInModel)
    server.requests, server.script = [], lambda prompt: "NOT FOUND"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def llm_settings(settings, model_server):
    model_server.requests.clear()
    url = f"http://127.0.0.1:{model_server.server_address[1]}/v1"
    return dataclasses.replace(
        settings, llm_url=url, llm_model="stand-in", llm_api_key="test-key", llm_timeout_s=5
    )


@pytest.fixture(scope="module")
def extractive(index, settings):
    return answer_question(index, QUESTION, settings)


def passage_numbers(prompt: str) -> dict[int, str]:
    """The numbered passages of the prompt: "[3] DD2691, paragraph 1.9:\\n…"."""
    parts = re.split(r"^\[(\d+)\] ", prompt, flags=re.MULTILINE)
    return {int(n): text for n, text in zip(parts[1::2], parts[2::2], strict=True)}


def citing_the_fact(template: str) -> Callable[[str], str]:
    def script(prompt: str) -> str:
        number = next(n for n, text in passage_numbers(prompt).items() if FACT in text)
        return template.format(n=number, missing=len(passage_numbers(prompt)) + 7)

    return script


def test_reply_citing_a_supplied_passage_with_its_numbers_is_accepted(index, llm_settings, model_server):
    model_server.script = citing_the_fact("The original contract value was £90,000 per year [{n}].")
    result = answer_question(index, QUESTION, llm_settings)
    assert result.answered and "£90,000 per year" in result.answer
    assert "[1]" in result.answer  # renumbered to the citations' own order
    assert len(result.citations) == 1 and FACT in result.citations[0].text
    assert result.citations[0].quote in result.citations[0].text and "£90,000" in result.citations[0].quote
    assert "language model" in result.explanation
    request = model_server.requests[-1]
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == "Bearer test-key"
    assert request["body"]["model"] == "stand-in"
    assert QUESTION in request["body"]["messages"][-1]["content"]


def test_reply_citing_a_passage_it_was_not_given_falls_back(index, llm_settings, model_server, extractive):
    model_server.script = citing_the_fact("The original contract value was £90,000 per year [{missing}].")
    result = answer_question(index, QUESTION, llm_settings)
    assert model_server.requests, "the model was not asked"
    assert (result.answer, [c.chunk_id for c in result.citations]) == (
        extractive.answer, [c.chunk_id for c in extractive.citations])  # fmt: skip
    assert "was not given" in result.explanation


@pytest.mark.parametrize(
    "template, problem",
    [
        ("The original contract value was £95,000 per year [{n}].", "£95,000"),  # amount not in the passage
        ("The contract ran for 4 years at £90,000 per year [{n}].", "number 4"),  # number not in the passage
        ("Sarah Jones agreed £90,000 per year [{n}].", "Sarah"),  # name not in the passage
    ],
)
def test_reply_with_a_fact_not_in_the_cited_passage_falls_back(index, llm_settings, model_server, extractive,
                                                                 template, problem):  # fmt: skip
    model_server.script = citing_the_fact(template)
    result = answer_question(index, QUESTION, llm_settings)
    assert result.answer == extractive.answer == "£90,000 per year"
    assert "rejected" in result.explanation and problem in result.explanation


def test_reply_without_citations_falls_back(index, llm_settings, model_server, extractive):
    model_server.script = lambda prompt: "The original contract value was £90,000 per year."
    result = answer_question(index, QUESTION, llm_settings)
    assert result.answer == extractive.answer and "cites no passage" in result.explanation


def test_server_down_falls_back(index, settings, extractive):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    down = dataclasses.replace(
        settings, llm_url=f"http://127.0.0.1:{port}/v1", llm_model="stand-in", llm_timeout_s=2
    )
    result = answer_question(index, QUESTION, down)
    assert result.answered and result.answer == extractive.answer
    assert [c.chunk_id for c in result.citations] == [c.chunk_id for c in extractive.citations]
    assert "could not be used" in result.explanation


def test_off_by_default(index, settings, model_server, extractive):
    model_server.requests.clear()
    assert settings.llm_url is None
    answer_question(index, QUESTION, settings)
    assert model_server.requests == []


def _passage(text: str) -> Citation:
    return Citation(ref="DD2691", decision_id="DD2691", title="t", paragraph="1.9", chunk_id="c", text=text,
                    quote=text, url="/decisions/DD2691")  # fmt: skip


@pytest.mark.parametrize(
    "reply, ok",
    [
        ("It was £90,000 per year [1].", True),
        ("It was £90k a year [1].", True),  # the same amount, written differently
        ("It was dated 31 January 2023 [1, 2].", True),
        ("It was dated 31 March 2023 [1].", False),
        ("It was £90,000 [3].", False),
        ("It was £90,000.", False),
    ],
)
def test_verify_checks_citations_amounts_and_dates(reply, ok):
    passages = [
        _passage("The contract, dated 31 January 2023, was £90,000 per year."),
        _passage("Shared Intelligence."),
    ]
    assert (verify(reply, passages) is None) is ok
