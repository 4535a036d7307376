"""Counts of decisions that match, not of every neighbour: nonsense finds nothing and says why,
and a misspelt word is offered a correction from the index's own words."""

from __future__ import annotations

import re

import pytest

from search_api.search import SearchRequest, search
from search_api.spelling import edit_distance, suggest, vocabulary

from .conftest import TODAY

NONSENSE = ["xyzzy qwertyuiop", "<script>", "<script>alert(1)</script>"]


def run(index, q: str, **kw):
    return search(index, SearchRequest(q=q, today=TODAY, **kw))


@pytest.mark.parametrize("q", NONSENSE)
@pytest.mark.parametrize("mode", ["hybrid", "keyword", "semantic", "exhaustive"])
def test_nonsense_finds_nothing_and_says_why(index, q, mode):
    response = run(index, q, mode=mode)
    assert response.total == 0 and response.results == []
    assert response.reason == "no decisions match these words"


def test_the_count_is_of_decisions_that_hold_the_word(index):
    # MD2313: "…the Windrush generation…"; no other sample document names it.
    holding = {
        row[0]
        for row in index.db.execute(
            "SELECT DISTINCT c.decision_id FROM chunks c WHERE lower(c.text) LIKE '%windrush%'"
        )
    }
    response = run(index, "Windrush")
    assert holding == {"MD2313"}
    assert response.total == 1 and [r.ref for r in response.results] == ["MD2313"]


def test_reference_and_filter_only_queries_are_unchanged(index):
    assert [r.ref for r in run(index, "MD2313").results] == ["MD2313"]
    assert [r.ref for r in run(index, "director decisions").results] == ["DD2691"]
    assert run(index, "").total == 5  # nothing typed: every decision, newest first


def test_a_filter_only_query_lists_the_newest_decisions_first(index):
    # MD2848 (signed 2021) before MD2313 (2018), though its code sorts after it.
    listed = run(index, "").results
    dates = [r.date for r in listed]
    assert len(set(dates)) == len(listed) and dates == sorted(dates, reverse=True)
    assert [r.ref for r in run(index, "mayoral decisions").results] == ["MD2848", "MD2313"]
    exhaustive = run(index, "community engagement", mode="exhaustive")
    assert exhaustive.total >= 3 and exhaustive.reason is None


def test_a_misspelt_word_is_offered_the_index_word(index):
    response = run(index, "comunity engagment")
    assert response.suggestion == "community engagement"


def test_a_misspelt_word_alone_finds_nothing_and_is_corrected(index):
    response = run(index, "comunity")
    assert response.total == 0 and response.reason == "no decisions match these words"
    assert response.suggestion == "community"


def test_the_correction_keeps_the_rest_of_the_query_as_typed(index):
    assert suggest(index, "Comunity grants since 2018") == "Community grants since 2018"
    assert suggest(index, "community engagement") is None  # every word known: nothing to offer


def test_the_vocabulary_holds_words_as_written_not_stems(index):
    vocab = vocabulary(index)
    assert vocab.counts["community"] > 1 and vocab.counts["engagement"] > 1
    assert "engag" not in vocab.counts  # the porter stem FTS5 stores, which no one should be offered


@pytest.mark.parametrize(
    "a, b, distance",
    [
        ("engagment", "engagement", 1),
        ("grnats", "grants", 1),
        ("comunity", "community", 1),
        ("kitten", "sitting", 3),
    ],
)
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b, limit=2) == min(distance, 3)


def test_nothing_found_in_the_api_json(api):
    body = api.get("/api/search", params={"q": "xyzzy qwertyuiop"}).json()
    assert body["total"] == 0 and body["results"] == []
    assert body["reason"] == "no decisions match these words"
    assert body["suggestion"] is None
    assert (
        api.get("/api/search", params={"q": "comunity engagment"}).json()["suggestion"]
        == "community engagement"
    )


def test_the_search_page_offers_the_correction_as_a_link(api):
    page = api.get("/search", params={"q": "comunity"}).text
    assert "0 decisions found" in page
    assert "No decisions match these words." in page
    link = re.search(r'Did you mean: <a href="([^"]+)">([^<]+)</a>\?', page)
    assert link and link.group(2) == "community"
    assert link.group(1) == "/search?q=community"


def test_hostile_text_finds_nothing_and_is_escaped_on_the_page(api):
    page = api.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "0 decisions found" in page and "No decisions match this search" in page
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
