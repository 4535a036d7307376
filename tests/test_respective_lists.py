"""Values paired by "respectively", read from real decision pages (the lines are quoted)."""

import pytest

from search_api.question_reading import Span, stems
from search_api.respective_lists import respective_value

# MD2179 (Fourth Plinth): the names come first, their dates before "respectively".
PLINTH = (
    "The next two commissions, by Michael Rakowitz and Heather Phillipson, will be unveiled in "
    "March 2018 and March 2020 respectively."
)
# MD3132 (Warmer Homes): the two budgets stand just before "respectively", their programmes before them.
WARMER_HOMES = (
    "this decision request is to continue to provide additional funding for both the Warmer Homes grants "
    "programme and Warmer Homes Advice Service providers (£2,600,000 and £370,000 respectively during the "
    "financial year"
)


def _spans(text: str, *values: str) -> list[Span]:
    return [Span(text.index(v), text.index(v) + len(v), v) for v in values]


def _asked(question: str) -> dict[str, float]:
    return dict.fromkeys(stems(question)[0], 1.0)


@pytest.mark.parametrize(
    "text, values, question, paired",
    [
        (PLINTH, ("March 2018", "March 2020"), "When is Heather Phillipson's work unveiled?", "March 2020"),
        (PLINTH, ("March 2018", "March 2020"), "When is Michael Rakowitz's work unveiled?", "March 2018"),
        (
            PLINTH,
            ("Michael Rakowitz", "Heather Phillipson"),
            "Whose work is unveiled in March 2020?",
            "Heather Phillipson",
        ),
        (
            PLINTH,
            ("Michael Rakowitz", "Heather Phillipson"),
            "Whose work is unveiled in March 2018?",
            "Michael Rakowitz",
        ),
        (
            WARMER_HOMES,
            ("£2,600,000", "£370,000"),
            "How much for the Warmer Homes Advice Service?",
            "£370,000",
        ),
        (WARMER_HOMES, ("£2,600,000", "£370,000"), "How much for Warmer Homes grants?", "£2,600,000"),
    ],
)
def test_the_value_is_the_one_paired_with_what_the_question_names(text, values, question, paired):
    found = respective_value(text, _spans(text, *values), _asked(question))
    assert found is not None and found.text == paired


@pytest.mark.parametrize(
    "text, values, question",
    [
        (
            PLINTH,
            ("March 2018", "March 2020"),
            "When are the next two commissions unveiled?",
        ),  # names neither
        (
            PLINTH.replace(" respectively", ""),
            ("March 2018", "March 2020"),
            "When is Heather Phillipson's work unveiled?",
        ),
        (WARMER_HOMES, ("£370,000",), "How much for the Warmer Homes Advice Service?"),  # one value: no list
    ],
)
def test_no_pairing_is_claimed_without_a_list_and_a_named_item(text, values, question):
    assert respective_value(text, _spans(text, *values), _asked(question)) is None
