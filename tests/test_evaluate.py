"""How `decisions eval` judges an answer's text."""

from __future__ import annotations

from search_api.evaluate import _same_sum


def test_a_bare_sum_expected_is_stated_by_the_same_sum_written_another_way():
    assert _same_sum("£45 million", "£45m")
    assert _same_sum("£1,757,000", "up to £1,757,000")
    assert not _same_sum("£45 million", "£4.5m")
    # A qualified sum expected keeps its words: "£140m" alone does not say it is a ceiling.
    assert not _same_sum("up to £140m", "£140m")
    assert not _same_sum("Peabody Trust", "Peabody")
