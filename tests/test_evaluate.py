"""How `decisions eval` judges an answer's text."""

from __future__ import annotations

from search_api.evaluate import _norm, _same_decision, _same_name, _same_sum


def test_a_bare_sum_expected_is_stated_by_the_same_sum_written_another_way():
    assert _same_sum("£45 million", "£45m")
    assert _same_sum("£1,757,000", "up to £1,757,000")
    assert not _same_sum("£45 million", "£4.5m")
    # A qualified sum expected keeps its words: "£140m" alone does not say it is a ceiling.
    assert not _same_sum("up to £140m", "£140m")
    assert not _same_sum("Peabody Trust", "Peabody")


def test_a_name_expected_by_its_initials_is_named_spelt_out_with_them():
    assert _same_name("MDC Reserve", "the Mayoral Development Corporation (MDC) Reserve")
    assert _same_name("Mayoral Development Corporation (MDC) Reserve", "the MDC Reserve")
    # Another name, or the initials' name without them, is not the one expected.
    assert not _same_name("MDC Reserve", "the GLA Reserve")
    assert not _same_name("MDC Reserve", "the Mayoral Development Corporation Reserve")


def test_a_borough_council_expected_is_named_either_way():
    assert _same_name("London Borough of Islington", "Islington Council")
    assert _same_name("Islington Council", "a grant to the London Borough of Islington")
    assert _same_name("Royal Borough of Kensington and Chelsea", "Kensington and Chelsea Council")
    # Another borough is not the one expected.
    assert not _same_name("London Borough of Islington", "Camden Council")


def test_an_ampersand_is_the_and_it_stands_for():
    # DD2664's page writes "Directorate: Communities & Skills" and "Executive Director of Communities and Skills".
    assert _norm("Communities and Skills") in _norm("Directorate: Communities & Skills")
    assert _norm("AT&T") == "at&t"  # inside a name, no word of its own


def test_a_borough_written_lb_and_a_name_after_a_determiner_are_the_names_expected():
    # fresh42 expects "LB Hounslow" (MD3336's "…for LB Hounslow’s expenditure"); the answer names "the London
    # Borough of Hounslow". tuning107 expects "his Chief of Staff"; "Chief of Staff" names the post.
    assert _same_name("LB Hounslow", "the London Borough of Hounslow")
    assert _same_name("his Chief of Staff", "Chief of Staff")
    assert not _same_name("LB Hounslow", "the London Borough of Camden")
    assert not _same_name("his Chief of Staff", "Deputy Mayor")


def test_a_name_in_full_with_its_initials_after_it_is_the_name_expected():
    # fresh50 expects "the Forestry Commission"; MD2528 writes "the Forestry Commission (FC)".
    assert _same_name("the Forestry Commission", "Forestry Commission (FC)")
    assert _same_name("an eighth round", "eighth round")  # tuning131: the article is the sentence's
    assert not _same_name("the Forestry Commission", "the FC")


def test_a_decision_expected_in_words_is_named_by_its_code():
    # tuning140 expects "Mayoral Decision 2338" (DD2515's words); the answer gives "MD2338".
    assert _same_decision("Mayoral Decision 2338", "MD2338")
    assert _same_decision("Director Decision 2752", "DD2752")
    assert not _same_decision("Mayoral Decision 2338", "MD2339")
    assert not _same_decision("the grant of Mayoral Decision 2338", "MD2338")  # more than a code expected
    assert not _same_decision("MD2338 and MD2339", "MD2338")


def test_a_name_expected_with_its_initials_is_named_without_them():
    # fresh57 expects "Community Energy London (CEL)"; the answer names "Community Energy London".
    assert _same_name("Community Energy London (CEL)", "Community Energy London")
    assert _same_name("Community Energy London (CEL)", "the CEL")
    # Brackets that spell nothing are the name's own words; another name is not the one expected.
    assert not _same_name("Grant Fund (Round 2)", "Grant Fund")
    assert not _same_name("Community Energy London (CEL)", "Community Energy England")
