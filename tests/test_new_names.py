"""The new name a decision gives something (search_api/new_names.py)."""

from __future__ import annotations

from search_api.answer import answer_question
from search_api.new_names import asks_new_name, new_name


def _named(text: str) -> str | None:
    found = new_name(text)
    return text[found[0] : found[1]] if found else None


def test_a_new_name_is_asked_by_its_verb():
    assert asks_new_name("What is No Second Night Out being rebranded as?")
    assert asks_new_name("What new name is the service being given?")
    assert asks_new_name("What will the hub be called?")
    assert not asks_new_name("Who runs No Second Night Out?")


def test_the_new_name_is_what_the_page_quotes_or_capitalises_after_the_verb():
    # corpus/gla MD3350: "No Second Night Out (NSNO) – to be rebranded as ‘Ending Homelessness Hubs’"
    assert _named(
        "No Second Night Out (NSNO) – to be rebranded as ‘Ending Homelessness Hubs’ to reflect"
    ) == ("‘Ending Homelessness Hubs’")
    assert _named("the hub, to be renamed the Construction Academy Hub, will") == "Construction Academy Hub"
    assert _named("the scheme was renamed as part of the review") is None


def test_asked_a_new_name_the_answer_is_the_name(full_index, full_settings):
    result = answer_question(full_index, "What will No Second Night Out be renamed?", full_settings)
    assert result.answer == "‘Ending Homelessness Hubs’" and result.citations[0].ref == "MD3350"
