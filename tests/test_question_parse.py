"""The noun a "what"/"which" question asks for, read by spaCy's parser (search_api/question_parse.py)."""

import pytest

from search_api.question_parse import (
    asked_noun,
    asked_verbs,
    governing_verbs,
    polar_verbs,
    states_purpose,
    states_verb,
)


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("What accreditation fee do boroughs pay for Creative Enterprise Zone status?", "fee"),
        ("Which Bankside project got Good Growth Fund money from the round 2 reserve list?", "project"),
        ("Which programme's underspend paid for the two extra reserve projects?", "underspend"),
        ("Under the national scheme, what household earnings limit applies?", "limit"),
        ("Which community groups received grants from the seventh round?", "groups"),
    ],
)
def test_the_head_of_the_asked_noun_phrase_is_read(question, noun):
    assert asked_noun(question) == noun


@pytest.mark.parametrize(
    "question",
    [
        "What is the budget for the programme?",  # no noun asked for: "what" stands alone
        "Which organisation runs delivery of the Warmer Homes programme?",  # the kind of answer, a name
        "Which developers signed the Royal Albert Dock agreement?",
        "How much was approved?",
    ],
)
def test_no_noun_is_required_where_the_question_names_only_the_kind_of_answer(question):
    assert asked_noun(question) is None


def test_each_value_is_read_with_the_verb_that_governs_it():
    text = "We recommend an internal review is set up by 1 September 2016, to report back by 21 October 2016."
    starts = (text.index("1 September"), text.index("21 October"))
    assert governing_verbs(text, starts) == ("set", "report")
    assert "report" in asked_verbs("By what date was the review meant to report?")
    assert "mean" not in asked_verbs("By what date was the review meant to report?")  # a light verb


def test_a_verb_the_tagger_reads_as_a_noun_is_asked_when_to_marks_it():
    # en_core_web_sm tags "report" of "…due to report?" a noun; its "to" says it is a verb.
    assert "report" in asked_verbs(
        "By when was the 2016 internal review of GLA funding for London & Partners due to report?"
    )


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        # The main clause's verb, not one of a clause inside it.
        ("Did the GLA cancel the agreement after the contractual steps were taken?", {"cancel"}),
        # The action the main verb leads to: "end up terminating", "decide to fund".
        ("Did GLA Land and Property end up terminating the development agreement?", {"terminate"}),
        ("Did the Mayor decide to fund the scheme?", {"fund"}),
        # Not a yes-or-no question: nothing to state.
        ("When did the Mayor approve the scheme?", set()),
    ],
)
def test_a_yes_or_no_question_asks_its_main_verb(question, verbs):
    assert polar_verbs(question) == verbs


def test_a_verb_is_stated_in_any_of_its_forms():
    assert states_verb(frozenset(["terminate"]), "The agreement was terminated in 2021.")
    assert states_verb(frozenset(["terminate"]), "…following termination of the agreement.")
    assert not states_verb(
        frozenset(["terminate"]), "GLAP entered a Development Agreement with ABP in May 2013."
    )


def test_a_purpose_is_an_infinitive_clause_the_asked_act_governs():
    # corpus/gla MD3254: the amendment's purpose follows "amend … Direction".
    amended = (
        "This form seeks the Mayor’s approval to amend the existing Scrappage Scheme Delegation and Direction"
        " to confirm TfL is able to use the Scheme to fund the donation and removal of non-compliant vehicles."
    )
    assert states_purpose(frozenset(["amend"]), amended)
    # Another act's purpose is not the asked act's: "implemented to help accelerate…".
    assert not states_purpose(
        frozenset(["amend"]),
        "The scrappage schemes were implemented to help accelerate the removal of vehicles.",
    )
    # An infinitive that is the act's content is no purpose: "agreed to amend", "directs LFEPA to secure".
    assert not states_purpose(frozenset(["agree"]), "The Mayor agreed to amend the delegation.")
