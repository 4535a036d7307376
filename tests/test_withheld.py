"""Deferred and Part 2 decisions: invisible to the public everywhere, shown (marked) to staff.

Each withheld document carries a canary string; a public response or log line that
contains it is a leak.
"""

from __future__ import annotations

import dataclasses
import logging

import httpx
import pytest

from decisions.settings import Settings
from search_api.index import IndexHolder
from serve.app import create_app

from .conftest import LiveServer, sample_with

FUTURE_CANARY = "CANARYFUTURE7731"
PAST_CANARY = "CANARYPAST5520"
PART2_CANARY = "CANARYPARTTWO9912"

DEFERRED_FORM = """REQUEST FOR ASSISTANT DIRECTOR DECISION – {ref}

{title}

Decision:

That the Assistant Director approves up to £10,000 for the {canary} street lighting pilot in Hackney.

1. Introduction and background

- 1.1. The {canary} pilot tests low-energy street lighting on estates in Hackney.

Part 1 – Deferral

Is the publication of Part 1 of this approval to be deferred? YES

If YES, for what reason: procurement.

Until what date: {until}
"""

PART2_FORM = """PART 2 – CONFIDENTIAL FACTS AND ADVICE

MD9103 Street lighting negotiation annex

1.1 The {canary} negotiation position on street lighting in Hackney is confidential.
"""

QUERY = "street lighting pilot in Hackney"


@pytest.fixture(scope="module")
def withheld_data(tmp_path_factory, settings) -> Settings:
    return sample_with(tmp_path_factory, settings, "withheld", {
        "future.txt": DEFERRED_FORM.format(
            ref="ADD9101", title="Lighting pilot (future)", canary=FUTURE_CANARY, until="31 December 2099"
        ),
        "past.txt": DEFERRED_FORM.format(
            ref="ADD9102", title="Lighting pilot (past)", canary=PAST_CANARY, until="1 March 2020"
        ),
        "annex.txt": PART2_FORM.format(canary=PART2_CANARY),
    })  # fmt: skip


@pytest.fixture(scope="module")
def public_server(withheld_data, index):
    with LiveServer(create_app(withheld_data, IndexHolder(withheld_data, model=index.model))) as live:
        yield live


@pytest.fixture(scope="module")
def staff_server(withheld_data, index):
    staff = dataclasses.replace(withheld_data, staff=True)
    with LiveServer(create_app(staff, IndexHolder(staff, model=index.model))) as live:
        yield live


def _public_responses(url: str) -> list[httpx.Response]:
    with httpx.Client(base_url=url, timeout=60) as client:
        return [
            client.get("/api/search", params={"q": QUERY}),
            client.get("/api/search", params={"q": QUERY, "mode": "exhaustive"}),
            client.get("/api/search", params={"q": "lighting", "mode": "keyword", "format": "csv"}),
            client.get("/api/search", params={"q": "ADD9101"}),
            client.get("/api/search", params={"q": "assistant director decisions"}),
            client.get("/api/answer", params={"q": "What does the street lighting pilot in Hackney test?"}),
            client.get("/api/decisions/ADD9101"),
            client.get("/api/decisions/ADD9101/similar"),
            client.get("/api/decisions/MD9103"),
            client.get("/api/decisions/ADD9102/similar"),
            client.get("/api/health"),
            client.get("/search", params={"q": QUERY}),
            client.get("/decisions/ADD9101"),
            client.get("/about"),
        ]


def test_future_deferred_and_part2_never_reach_a_public_response_or_log(public_server, caplog):
    caplog.set_level(logging.DEBUG)
    responses = _public_responses(public_server.url)
    for response in responses:
        assert FUTURE_CANARY not in response.text, response.request.url
        assert PART2_CANARY not in response.text, response.request.url
        # Its reference may be echoed only where the request itself named it.
        assert "ADD9101" not in response.text or "ADD9101" in str(response.request.url)
    assert FUTURE_CANARY not in caplog.text and PART2_CANARY not in caplog.text
    # 404, not 403: the page does not admit the decision exists.
    assert (
        responses[6].status_code == 404
        and responses[8].status_code == 404
        and responses[12].status_code == 404
    )


def test_past_deferral_date_means_public(public_server):
    body = httpx.get(public_server.url + "/api/search", params={"q": QUERY}, timeout=60).json()
    assert "ADD9102" in [r["ref"] for r in body["results"]]
    assert PAST_CANARY in str(body)
    assert httpx.get(public_server.url + "/api/decisions/ADD9102", timeout=60).status_code == 200


def test_public_counts_exclude_withheld(public_server):
    health = httpx.get(public_server.url + "/api/health", timeout=60).json()
    body = httpx.get(
        public_server.url + "/api/search", params={"q": "assistant director decisions"}, timeout=60
    ).json()
    assert body["total"] == 2 and {r["ref"] for r in body["results"]} == {"ADD9102", "ADD2793"}
    assert health["decisions"] == 6


def test_staff_mode_shows_withheld_decisions_marked(staff_server):
    with httpx.Client(base_url=staff_server.url, timeout=60) as client:
        refs = [r["ref"] for r in client.get("/api/search", params={"q": QUERY}).json()["results"]]
        assert "ADD9101" in refs and "MD9103" in refs
        record = client.get("/api/decisions/ADD9101").json()
        assert record["withheld"] is True and record["deferred_until"] == "2099-12-31"
