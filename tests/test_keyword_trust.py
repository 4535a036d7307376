"""How far the keyword list is trusted (search_api/keyword_trust.py), and what hybrid search does with it."""

from __future__ import annotations

import numpy as np
import pytest

from search_api import rerank
from search_api.keyword_trust import keyword_trust, query_idf
from search_api.retrieve import keyword_ranking
from search_api.search import SearchRequest, search
from storage.base import Filters

from .conftest import TODAY


def _trust(index, query: str) -> float:
    ranked = keyword_ranking(index, query, Filters.of({}, False, TODAY))
    return keyword_trust(index, query_idf(index, query), ranked)


def test_a_question_in_the_documents_words_trusts_the_keyword_list(index):
    # DD2691: "reduce the costs in the second year of the contract from £90,000 to £72,765"
    assert _trust(index, "reduce the cost of the second contract year") == pytest.approx(1.0)


def test_a_paraphrase_trusts_it_less(index):
    # The same passage asked about in other words: only "contract" and "second year" are its own.
    assert _trust(index, "how much cheaper does the contract get in its second year") < 0.5
    assert _trust(index, "how much cheaper does the deal get later on") < 0.5


def test_no_keyword_hits_no_trust_and_no_words_full_trust(index):
    idf = query_idf(index, "community engagement")
    assert keyword_trust(index, idf, []) == 0.0
    # "What is MD2848?" leaves no words once the code is taken out: the code's match is exact.
    assert keyword_trust(index, {}, [1, 2, 3]) == 1.0


def test_word_features_count_as_far_as_the_keyword_list_is_trusted(index):
    text = "reduce the cost of the second contract year"
    rows = index.chunks(keyword_ranking(index, text, Filters.of({}, False, TODAY))[:5])
    titles = [index.decisions[r["decision_id"]].title for r in rows]
    trusted = rerank.prepare(index, text, None, "amount", {}, keyword_trust=1.0)
    doubted = rerank.prepare(index, text, None, "amount", {}, keyword_trust=0.25)
    full = rerank.features(index, trusted, rows, titles)
    scaled = rerank.features(index, doubted, rows, titles)
    coverage, typed = rerank.FEATURES.index("coverage"), rerank.FEATURES.index("typed")
    assert full[:, coverage].max() > 0 and full[:, typed].max() > 0
    np.testing.assert_allclose(scaled[:, coverage], 0.25 * full[:, coverage], rtol=1e-6)
    np.testing.assert_allclose(scaled[:, typed], 1.75 * full[:, typed], rtol=1e-6)


def _passage_rank(index, query: str, needle: str) -> int | None:
    response = search(index, SearchRequest(q=query, today=TODAY))
    passages = [p.text for r in response.results for p in r.passages]
    return next((i + 1 for i, text in enumerate(passages) if needle in text), None)


def test_a_paraphrased_question_is_ranked_by_meaning(full_index):
    # MD3115: "over 200,000 night-time jobs were lost in London between 2017 and 2022". In other
    # words the question shares only "jobs" with it; the keyword list fills with passages about
    # work in the capital (rank 16 before the trust), while the semantic list puts it first.
    query = "how many late-night work jobs disappeared in the capital"
    assert _trust(full_index, query) < 0.5
    rank = _passage_rank(full_index, query, "night-time jobs were lost in London")
    assert rank is not None and rank <= 5


def test_the_documents_own_words_still_find_it_first(full_index):
    rank = _passage_rank(full_index, "night-time economy jobs lost in London after the pandemic",
                         "night-time jobs were lost in London")  # fmt: skip
    assert rank == 1
