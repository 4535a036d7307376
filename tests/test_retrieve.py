"""The retrievers' shortcuts for large indexes, checked on the real index of corpus/.

At the sample's size neither shortcut would trigger on its own, so each test lowers the
threshold that switches it on and checks the shortcut against the plain computation.
"""

from __future__ import annotations

import numpy as np

from search_api import retrieve
from search_api.filters import allowed_decisions
from search_api.fts import match_requiring

from .conftest import TODAY


def test_match_requiring_quotes_every_word_and_requires_the_rare_ones():
    assert match_requiring(["grants", "Croydon"], ["Croydon"]) == '("Croydon") AND ("grants" OR "Croydon")'
    # Only common words: the two rarest must both be there.
    assert match_requiring(["a", "b", "c"], ["c", "b"], every=True) == '("c" AND "b") AND ("a" OR "b" OR "c")'
    # Nothing rare, or everything rare: a plain any-word match.
    assert match_requiring(["grants", 'a"b'], []) == '"grants" OR "a""b"'
    assert match_requiring(["grants"], ["grants"]) == '"grants"'


def test_common_words_score_but_do_not_make_a_row_a_candidate(index, monkeypatch):
    everything = np.ones(index.chunk_count, dtype=bool)
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
    monkeypatch.setattr(retrieve, "EXACT_FILTERED_MAX_ROWS", 0)  # the FAISS selector, not numpy
    vector = index.embed_query("grant funding for small community-led organisations")
    decisions = allowed_decisions(index, {}, True, TODAY).copy()
    decisions[: len(decisions) // 2] = False  # about half the decisions are filtered out
    mask = decisions[index.chunk_decision]
    assert 0 < mask.sum() < index.chunk_count
    found = retrieve.semantic_ranking(index, vector, mask, limit=20)
    allowed = np.flatnonzero(mask)
    exact = allowed[np.argsort(-(np.asarray(index.matrix[allowed]) @ vector))][:20] + 1
    assert found == exact.tolist()
