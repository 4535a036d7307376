"""The second stage of search (search_api/rerank.py) on the real sample index."""

from __future__ import annotations

import pytest

from decisions.settings import Settings
from indexer.embed import ModelUnavailable, resolve_model_path
from search_api import rerank
from search_api.index import IndexHolder
from search_api.search import SearchRequest, search

from .conftest import TODAY


def _scores_by_text(index, query: str) -> dict[str, float]:
    seen: dict[str, float] = {}

    def observe(q, rows, x):
        for row, s in zip(rows, x @ rerank._WEIGHT_VECTOR, strict=True):
            seen[row["text"]] = float(s)

    rerank.observer = observe
    try:
        search(index, SearchRequest(q=query, today=TODAY))
    finally:
        rerank.observer = None
    return seen


def test_passage_with_all_rare_words_together_outscores_boilerplate(index):
    # DD2691: "reduce the costs in the second year of the contract from £90,000 to £72,765"
    scores = _scores_by_text(index, "reduce the cost of the second contract year")
    best = max(scores, key=scores.get)
    assert "£72,765" in best
    boilerplate = [s for t, s in scores.items() if "Equality Act" in t or "section 149" in t]
    assert boilerplate and max(boilerplate) < scores[best]


def test_who_signed_question_prefers_the_signature_field(index):
    # ADD2793's sign-off block: "Name: Luke Bruce"
    scores = _scores_by_text(index, "Who approved the London Missions partner engagement decision?")
    signed = [s for t, s in scores.items() if "Luke Bruce" in t]
    assert signed, "the sign-off block was not among the scored passages"
    others = [s for t, s in scores.items() if "Luke Bruce" not in t]
    assert max(signed) > max(others)


def test_features_read_proximity_and_phrases():
    class NoIndex:
        chunk_count = 0

    q = rerank.prepare(NoIndex(), "rough sleeping grant", None, None, {})
    near, phrase = rerank._proximity_and_phrase(q, "A grant for rough sleeping services in London.")
    far, none = rerank._proximity_and_phrase(
        q, "Rough weather. " + "word " * 30 + "Sleeping bags. " + "word " * 30 + "A grant."
    )
    assert near == 1.0 and phrase > 0
    assert far < near and none == 0.0


def test_a_missing_cross_encoder_folder_is_named(tmp_path, settings):
    configured = Settings(data_dir=settings.data_dir, reranker=str(tmp_path / "no-such-model"))
    with pytest.raises(ModelUnavailable, match="DECISIONS_RERANKER"):
        IndexHolder(configured).get()


def test_a_local_cross_encoder_joins_the_second_stage(tmp_path, settings, index):
    """A real CrossEncoder built from the packaged MiniLM weights (its scoring head untrained):
    the stage calls it and its scores change the order of what it re-reads."""
    from sentence_transformers import CrossEncoder

    folder = tmp_path / "cross-encoder"
    CrossEncoder(resolve_model_path(settings.model), num_labels=1, device="cpu").save(str(folder))
    configured = Settings(data_dir=settings.data_dir, today_override=TODAY, reranker=str(folder))
    holder = IndexHolder(configured, model=index.model)
    with_ce = holder.get()
    assert with_ce.cross_encoder is not None
    plain = search(index, SearchRequest(q="community engagement grants", today=TODAY))
    crossed = search(with_ce, SearchRequest(q="community engagement grants", today=TODAY))
    assert crossed.results and plain.results
    plain_scores = [r.score for r in plain.results]
    crossed_scores = [r.score for r in crossed.results]
    assert plain_scores != crossed_scores


def test_a_code_the_query_names_lifts_the_passage_that_cites_it(index):
    # DD2691 cites a decision it does not hold: "previously secured approval expenditure of
    # £100,000 … (DD2593)"; the question names that code only.
    response = search(index, SearchRequest(q="How much expenditure did DD2593 approve?", today=TODAY))
    first = response.results[0].passages[0].text
    assert "2593" in first and "£100,000" in first


def test_which_earlier_decision_prefers_the_passage_naming_another_code(full_index):
    # MD1327: "The Mayor has approved and signed a funding agreement (MD807) to provide grant funding
    # to London & Partners over 4 years". Its heading names MD1327 itself, which answers nothing.
    question = (
        "Which earlier decision did the London & Partners 2014/15 business plan build on for its grant?"
    )
    response = search(full_index, SearchRequest(q=question, today=TODAY))
    assert response.results[0].ref == "MD1327"
    assert "(MD807)" in response.results[0].passages[0].text


def test_a_reference_answer_is_another_decisions_code():
    from search_api.question_types import expected_answer_type, has_answer_type

    assert expected_answer_type("Which earlier Mayoral decision set up the funding agreement?") == "reference"
    assert has_answer_type("a funding agreement (MD807) to provide grant funding", "reference", "MD1327")
    assert not has_answer_type("MD1327 London & Partners 2014/15 Business Plan", "reference", "MD1327")


@pytest.mark.parametrize(
    "query",
    [
        "What grant does Groundswell receive under the 2025-28 rough sleeping decision?",
        "Groundswell grant in the 2025-28 rough sleeping decision",
    ],
)
def test_a_year_naming_the_decision_prefers_the_decision_of_that_year(full_index, query):
    # MD3350 (dated in 2025-26): "c. up to £30,321 by way of a grant to Groundswell for support of the
    # Lived Experience Advisory Group"; MD3161 and MD3135 are earlier rough sleeping decisions.
    response = search(full_index, SearchRequest(q=query, today=TODAY))
    assert response.results[0].ref == "MD3350"
    assert "Groundswell for support" in response.results[0].passages[0].text


@pytest.mark.parametrize(
    ("query", "ref", "proof"),
    [
        # ADD2499: its summary "…the newly published London Urban Forest Plan" shares the question's words;
        # "1.1 The London Urban Forest Plan (LUFP) was published in November 2020" holds the month asked.
        ("In which month was the London Urban Forest Plan published?", "ADD2499", "November 2020"),
        # MD2012: the summary names the governance and the expenditure; paragraph 3 the sum asked.
        ("What is the budget for the Homes for Londoners interim viability team?", "MD2012", "£250k"),
    ],
)
def test_a_decision_shows_first_the_passage_holding_what_is_asked(full_index, query, ref, proof):
    response = search(full_index, SearchRequest(q=query, today=TODAY))
    assert response.results[0].ref == ref
    assert proof in response.results[0].passages[0].text


def test_a_title_naming_one_year_is_a_years_programme():
    assert rerank.one_year_titled("Team London Programme 2014-15")
    assert rerank.one_year_titled("Team London Work Programme 2017-2018")
    assert not rerank.one_year_titled("Air quality programme – supporting work (2018/19 to 2020/21)")
    assert not rerank.one_year_titled("Team London Summer Events Programme - 2014")  # a calendar year's event


def test_an_annual_programme_search_finds_the_decisions_titled_by_one_year(full_index):
    # MD1341 "Team London Programme 2014-15" never writes "annual" or "work"; ADD2342 (emergency volunteer
    # mobilisation) writes "an annual … programme every summer" and had ranked above it.
    response = search(full_index, SearchRequest(q="Team London annual work programme approvals", today=TODAY))
    assert {r.ref for r in response.results[:3]} == {"MD1341", "MD1661", "MD2124"}
