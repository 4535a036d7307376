"""The retrievers' shortcuts for large indexes, checked on the real index of corpus/.

At the sample's size neither shortcut would trigger on its own, so each test lowers the
threshold that switches it on and checks the shortcut against the plain computation.
"""

from __future__ import annotations

import re

import numpy as np

from decisions.words import named_phrases
from search_api import retrieve
from search_api.keyword_queries import match_requiring
from storage import local
from storage.base import Filters
from storage.fts5 import match_expression

from .conftest import TODAY


def test_match_requiring_quotes_every_word_and_requires_the_rare_ones():
    def fts5(tokens, required, every=False):
        return match_expression(match_requiring(tokens, required, every))

    assert fts5(["grants", "Croydon"], ["Croydon"]) == '("Croydon") AND ("grants" OR "Croydon")'
    # Only common words: the two rarest must both be there.
    assert fts5(["a", "b", "c"], ["c", "b"], every=True) == '("c" AND "b") AND ("a" OR "b" OR "c")'
    # Nothing rare, or everything rare: a plain any-word match.
    assert fts5(["grants", 'a"b'], []) == '"grants" OR "a""b"'
    assert fts5(["grants"], ["grants"]) == '"grants"'


def test_common_words_score_but_do_not_make_a_row_a_candidate(index, monkeypatch):
    everything = Filters(staff=True, today=TODAY)
    common, rare = "London", "evaluation"
    assert index.term_rows(common) > 10 * index.term_rows(rare) > 0
    unpruned = retrieve.keyword_ranking(index, f"{common} {rare}", everything)
    monkeypatch.setattr(retrieve, "COMMON_MIN_ROWS", 0)
    monkeypatch.setattr(retrieve, "COMMON_SHARE", (index.term_rows(rare) + 1) / index.chunk_count)
    pruned = retrieve.keyword_ranking(index, f"{common} {rare}", everything)
    texts = dict(index.db.execute("SELECT rowid, text FROM chunks").fetchall())
    assert pruned and all("evaluat" in texts[r].lower() for r in pruned)
    assert len(pruned) < len(unpruned)  # rows with only the common word are gone...
    assert pruned[0] == unpruned[0]  # ...and the best row is still first


def test_filtered_vector_search_returns_only_allowed_rows_in_exact_order(index, monkeypatch):
    monkeypatch.setattr(local, "EXACT_FILTERED_MAX_ROWS", 0)  # the FAISS selector, not numpy
    vector = index.embed_query("grant funding for small community-led organisations")
    # About half the decisions are filtered out.
    half = Filters(
        staff=True, today=TODAY, excluded_ids=frozenset(index.decision_ids[: len(index.decision_ids) // 2])
    )
    mask = index.chunk_mask(half)
    assert 0 < mask.sum() < index.chunk_count
    found = retrieve.semantic_ranking(index, vector, half, limit=20)
    allowed = np.flatnonzero(mask)
    exact = allowed[np.argsort(-(np.asarray(index.matrix[allowed]) @ vector))][:20] + 1
    assert found == exact.tolist()


def test_named_phrases_are_the_capitalised_names_of_a_query():
    assert named_phrases("When will the London Communities Report be launched?") == [
        ["London", "Communities", "Report"]
    ]
    assert named_phrases("Building a Fairer City priorities") == [["Building", "a", "Fairer", "City"]]
    # A capitalised opening word is not part of a name; one capitalised word is no name.
    assert named_phrases("Which Deputy Mayor is named") == [["Deputy", "Mayor"]]
    assert named_phrases("What Is The Budget") == []
    assert named_phrases("community grants in london") == []
    # "&" joins a name's words as "and" does ("London & Partners", "Hammersmith & Fulham").
    assert named_phrases("London & Partners business plan") == [["London", "&", "Partners"]]


def _holds(text: str, phrase: str) -> bool:
    return " ".join(re.findall(r"\w+", phrase.lower())) in " ".join(re.findall(r"\w+", text.lower()))


def test_a_named_phrase_brings_the_rows_that_hold_it(index):
    everything = Filters(staff=True, today=TODAY)
    texts = dict(index.db.execute("SELECT rowid, text FROM chunks").fetchall())
    query = "When will the London Communities Report be launched?"
    expected = {r for r, t in texts.items() if _holds(t, "London Communities Report")}
    keyword = retrieve.keyword_ranking(index, query, everything)
    phrased = retrieve.phrase_ranking(index, query, everything, keyword)
    assert expected and set(phrased) == expected
    # Rows the keyword list also found keep its order, ahead of the rest.
    in_keyword = [r for r in keyword if r in expected]
    assert phrased[: len(in_keyword)] == in_keyword


def test_a_frequent_named_phrase_only_reorders_keyword_candidates(index):
    everything = Filters(staff=True, today=TODAY)
    texts = dict(index.db.execute("SELECT rowid, text FROM chunks").fetchall())
    query = "Shared Intelligence contract costs"
    keyword = retrieve.keyword_ranking(index, query, everything)
    holding = [r for r in keyword if _holds(texts[r], "Shared Intelligence")]
    assert 1 < len(holding) < len(keyword)
    # With room for fewer rows than hold the name, it picks from the keyword list, in order.
    assert retrieve.phrase_ranking(index, query, everything, keyword, limit=1) == holding


def test_a_query_is_encoded_once_and_the_memory_is_bounded(index, monkeypatch):
    index.forget_query_vectors()
    first = index.embed_query("community grants")
    again = index.embed_query("community grants")
    assert again is first and not first.flags.writeable  # shared, so nobody may change it
    monkeypatch.setattr(index, "query_vectors_kept", 2)
    for text in ("housing", "transport", "skills"):
        index.embed_query(text)
    assert list(index._query_vectors) == ["transport", "skills"]  # the oldest went first
    index.forget_query_vectors()
    monkeypatch.setattr(index, "query_vectors_kept", 0)
    index.embed_query("culture")
    assert not index._query_vectors
