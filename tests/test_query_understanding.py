"""Years and amounts in a query: filters only when they say which decisions are wanted; a filter
read from the words that leaves nothing is dropped, and the response says so."""

from __future__ import annotations

import pytest

from search_api.query import parse_query
from search_api.search import SearchRequest, search

from .conftest import TODAY


@pytest.mark.parametrize(
    "q, year_words",
    [
        ("How much will be invested in the Engaging Londoners in Recovery Programme in 2022-23?", "2022-23"),
        ("How much of the £72,765 comes from the 2024-25 budget?", "2024-25"),
        ("spending on sustainable drainage projects in 2020-21", "2020-21"),
        ("Sport Unites phase two budget for 2024-25", "2024-25"),
        ("Who was appointed Head of Paid Service in 2018?", "2018"),
        ("How much funding was won for delivery between 2025 and 2028?", "between 2025 and 2028"),
        ("grants in 2021", "2021"),
        # The budget's year, not when the decision was taken (corpus/gla/gla-dcd1b19b.txt, DD2707:
        # "£520,323 in financial year 25-26").
        ("Local Growth Capacity Support Programme spending approved for 2025-26", "2025-26"),
        # One decision named by its title ("GLA outturn 2015-16", MD2010, signed in July 2016).
        ("When was the GLA outturn 2015-16 decision signed?", "2015-16"),
        # A period its title names, closed by the year (MD2895 "Sport Unites 2021-22 to 2024-25").
        (
            "Which directorate was responsible for the Sport Unites 2021-22 to 2024-25 mayoral decision?",
            "2024-25",
        ),
        # A period the decision describes (MD3230: "…delivered £44m of project activity up to 2023-24").
        ("How much Royal Docks project activity had been delivered up to 2023-24?", "up to 2023-24"),
        ("How much Arts Council England grant could the Fourth Plinth receive until 2021?", "until 2021"),
        # The years of a change measured (MD3115: "over 200,000 night-time jobs were lost in London between 2017
        # and 2022"), not of the decisions.
        ("night-time jobs lost in London between 2017 and 2022", "between 2017 and 2022"),
    ],
)
def test_a_year_inside_a_question_or_topic_is_text_to_match(q, year_words):
    parsed = parse_query(q, TODAY)
    assert not {"date_from", "date_to"} & set(parsed.filters)
    assert year_words in parsed.text


@pytest.mark.parametrize(
    "q, expected, words",
    [
        ("decisions since 2018", {"date_from": "2018-01-01"}, "since 2018"),
        ("community engagement grants since 2018", {"date_from": "2018-01-01"}, "since 2018"),
        ("housing from 2021 onwards", {"date_from": "2021-01-01"}, "from 2021 onwards"),
        ("decisions after 2019", {"date_from": "2020-01-01"}, "after 2019"),
        ("decisions before 2016", {"date_to": "2015-12-31"}, "before 2016"),
        ("energy decisions up to 2019", {"date_to": "2019-12-31"}, "up to 2019"),
        ("Which decisions until 2018 were about housing?", {"date_to": "2018-12-31"}, "until 2018"),
        (
            "Team London volunteering decisions between 2014 and 2019",
            {"date_from": "2014-01-01", "date_to": "2019-12-31"},
            "between 2014 and 2019",
        ),
        ("decisions signed in 2021", {"date_from": "2021-01-01", "date_to": "2021-12-31"}, "signed in 2021"),
        ("grants approved in 2021", {"date_from": "2021-01-01", "date_to": "2021-12-31"}, "approved in 2021"),
        (
            "reports published in 2021",
            {"date_from": "2021-01-01", "date_to": "2021-12-31"},
            "published in 2021",
        ),
        (
            "decisions made in 2021-22",
            {"date_from": "2021-04-01", "date_to": "2022-03-31"},
            "made in 2021-22",
        ),
        ("2021 decisions on housing", {"date_from": "2021-01-01", "date_to": "2021-12-31"}, "2021"),
        ("mayoral 2019 decision on housing", {"date_from": "2019-01-01", "date_to": "2019-12-31"}, "2019"),
        ("Which decisions since 2020 were about housing?", {"date_from": "2020-01-01"}, "since 2020"),
        ("How much has been approved for housing since 2018?", {"date_from": "2018-01-01"}, "since 2018"),
        ("grants last year", {"date_from": "2025-01-01", "date_to": "2025-12-31"}, "last year"),
        # A Mayor's name after "under" or "during" is his years in office.
        ("Crossrail levy policies under Sadiq Khan", {"date_from": "2016-05-09"}, "under Sadiq Khan"),
        (
            "housing decisions during Boris Johnson's mayoralty",
            {"date_from": "2008-05-04", "date_to": "2016-05-08"},
            "during Boris Johnson's mayoralty",
        ),
        (
            "Team London budget under the Boris Johnson-era decision",
            {"date_from": "2008-05-04", "date_to": "2016-05-08"},
            "under the Boris Johnson-era",
        ),
        ("Khan-era decisions on rough sleeping", {"date_from": "2016-05-09"}, "Khan-era"),
    ],
)
def test_a_year_qualifying_the_decisions_is_a_filter(q, expected, words):
    parsed = parse_query(q, TODAY)
    assert parsed.filters == expected
    assert parsed.understood[0].words == words
    assert words not in parsed.text


@pytest.mark.parametrize(
    "q, expected",
    [
        ("ADDs on housing", {"type": "assistant_director"}),
        ("ADDS on housing", {"type": "assistant_director"}),
        ("assistant director decisions on housing", {"type": "assistant_director"}),
        # The verb, in lower case, names no kind of decision (MD3139: "This MD is in addition to…").
        ("Which MD holds the other air quality funding that MD3139 adds to?", {}),
        # A document's name (MD2472 "Mayoral Decision-Making in the GLA and GLA Financial Regulation").
        ("whose planning delegations did the Mayoral Decision-Making in the GLA document clarify?", {}),
    ],
)
def test_the_kind_of_decision_is_read_from_its_name_or_plural_code(q, expected):
    assert parse_query(q, TODAY).filters == expected


@pytest.mark.parametrize(
    "q, expected",
    [
        ("director and assistant director decisions on housing", {"type": "director,assistant_director"}),
        ("MDs or DDs about air quality", {"type": "mayoral,director"}),
        (
            "Mayoral decisions and director decisions since 2020",
            {"type": "mayoral,director", "date_from": "2020-01-01"},
        ),
        # People, not kinds of decision: no filter.
        ("The Mayor and directors on housing", {}),
        # Decisions by who takes them: the kinds those people sign.
        (
            "rough sleeping decisions taken by directors or assistant directors rather than the Mayor",
            {"type": "director,assistant_director"},
        ),
        ("housing decisions made by the Mayor", {"type": "mayoral"}),
        # A post or a body, not a kind of decision maker: no filter.
        ("decisions signed by the Director of Housing", {}),
        ("decisions approved by the Mayor's Office for Policing and Crime", {}),
    ],
)
def test_two_kinds_of_decision_named_together_are_one_filter_for_either(q, expected):
    assert parse_query(q, TODAY).filters == expected


@pytest.mark.parametrize(
    "q, expected_filters, expected_text",
    [
        # A kind the person does not want is no filter, and no words to match.
        ("Mayoral decisions on Housing Zones (not director decisions)", {"type": "mayoral"}, "Housing Zones"),
        ("MDs but not DDs on housing", {"type": "mayoral"}, "housing"),
        ("housing zones, excluding mayoral decisions", {}, "housing zones"),
        # "not" before other words is no kind refused.
        ("director decisions not about housing", {"type": "director"}, "not about housing"),
    ],
)
def test_a_kind_of_decision_refused_is_no_filter(q, expected_filters, expected_text):
    parsed = parse_query(q, TODAY)
    assert parsed.filters == expected_filters
    assert parsed.text == expected_text


def test_a_search_for_two_kinds_of_decision_finds_both_and_no_other(full_index):
    found = search(full_index, SearchRequest(q="Director and assistant director decisions on Team London", limit=10,
                                              today=TODAY))  # fmt: skip
    kinds = {r.decision_type for r in found.results}
    assert kinds == {"director", "assistant_director"}
    assert "DD1221" in [r.ref for r in found.results]  # the Team London Director decision


def test_mayoral_decisions_in_a_year_set_type_and_dates():
    parsed = parse_query("mayoral decisions in 2019", TODAY)
    assert parsed.filters == {"type": "mayoral", "date_from": "2019-01-01", "date_to": "2019-12-31"}
    assert parsed.text == ""


def test_the_sample_dev_searches_keep_their_filters():
    # tests/quality/dev.jsonl: "decisions from 2023 onwards about equality, diversity and inclusion"
    parsed = parse_query("decisions from 2023 onwards about equality, diversity and inclusion", TODAY)
    assert parsed.filters == {"date_from": "2023-01-01"}
    assert parsed.text == "equality, diversity and inclusion"
    assert parse_query("director decisions", TODAY).filters == {"type": "director"}


@pytest.mark.parametrize(
    "q, expected",
    [
        ("grants over £500k", {"min_amount": 500_000}),
        ("decisions over £1m", {"min_amount": 1_000_000}),
        ("London Community Energy Fund rounds costing more than £400,000", {"min_amount": 400_000}),
        ("contracts under £100k", {"max_amount": 100_000}),
        ("Which grants over £500k went to housing?", {"min_amount": 500_000}),
        # The comparison after the sum (tuning110's t110_10).
        ("London Community Energy Fund funding rounds worth £500,000 or more", {"min_amount": 500_000}),
        ("grants of £1m and above", {"min_amount": 1_000_000}),
        ("contracts of £100k or less", {"max_amount": 100_000}),
    ],
)
def test_an_amount_qualifying_the_decisions_is_a_filter(q, expected):
    assert parse_query(q, TODAY).filters == expected


@pytest.mark.parametrize(
    "q, amount_words",
    [
        ("How much of the £72,765 comes from the 2024-25 budget?", "£72,765"),
        ("What happens to the £5m left over?", "£5m"),
        ("Who approved expenditure of up to £812,000?", "up to £812,000"),
        ("Did the contract cost more than £400,000?", "more than £400,000"),
    ],
)
def test_an_amount_that_is_the_subject_of_a_question_is_text(q, amount_words):
    parsed = parse_query(q, TODAY)
    assert parsed.filters == {}
    assert amount_words in parsed.text


def test_a_question_about_a_years_figure_finds_the_passage_with_it(index):
    # DD2691: "The expenditure of £52,765 from the EDI implementation programme budget in 2024-25 is
    # assumed to be affordable"
    response = search(
        index, SearchRequest(q="How much of the £72,765 comes from the 2024-25 budget?", today=TODAY)
    )
    assert response.filters.get("date_from") is None and response.note is None
    assert response.results[0].ref == "DD2691"
    assert any("2024-25" in p.text for p in response.results[0].passages)


def test_a_question_with_a_financial_year_is_answered_from_any_date(index):
    # MD2848: "…the Engaging Londoners in Recovery Programme in 2021-22 and 2022-23."
    q = "How much will be invested in the Engaging Londoners in Recovery Programme in 2022-23?"
    response = search(index, SearchRequest(q=q, today=TODAY))
    assert "date_from" not in response.filters
    assert response.results[0].ref == "MD2848"


def test_a_filter_read_from_the_words_that_leaves_nothing_is_relaxed_with_a_note(index):
    response = search(index, SearchRequest(q="community engagement decisions signed in 2031", today=TODAY))
    assert response.results and response.total == len(response.results)
    assert "date_from" not in response.filters and "date_to" not in response.filters
    assert {r["name"] for r in response.relaxed} == {"date_from", "date_to"}
    assert response.relaxed[0]["words"] == "signed in 2031"
    assert response.note == "No decision dated 2031 matches; showing results from any date."
    assert response.reason is None


def test_only_the_filter_that_leaves_nothing_is_relaxed(index):
    # "director decisions" keeps DD2691; the date is what no decision has.
    response = search(index, SearchRequest(q="director decisions signed before 2001", today=TODAY))
    assert [r.ref for r in response.results] == ["DD2691"]
    assert response.filters["type"] == "director"
    assert (
        response.note == "No Director Decision dated 2000 or earlier matches; showing results from any date."
    )


def test_an_explicit_filter_is_never_relaxed(index):
    response = search(
        index, SearchRequest(q="community engagement", filters={"date_from": "2031-01-01"}, today=TODAY)
    )
    assert response.total == 0 and response.results == []
    assert response.relaxed == [] and response.note is None
    assert response.reason == "there is no decision dated 2031 or later"


def test_relaxed_filter_in_the_api_json(api):
    body = api.get("/api/search", params={"q": "community engagement decisions signed in 2031"}).json()
    assert body["total"] > 0 and body["results"]
    assert body["note"] == "No decision dated 2031 matches; showing results from any date."
    assert {r["name"] for r in body["relaxed"]} == {"date_from", "date_to"}
    assert body["filters"]["date_from"] is None
    assert "date_from" not in body["note"] and "date_to" not in body["note"]


def test_relaxed_filter_on_the_search_page(api):
    page = api.get("/search", params={"q": "community engagement decisions signed in 2031"}).text
    assert (
        '<div class="notice relaxed-note" role="note">No decision dated 2031 matches; showing results from any date.</div>'
        in page
    )
    assert "not applied: nothing matched" in page  # on the chip, which still removes the words
    assert "0 decisions found" not in page


def test_the_command_line_prints_the_note(index):
    from cli.main import format_search

    response = search(index, SearchRequest(q="community engagement decisions signed in 2031", today=TODAY))
    assert (
        "No decision dated 2031 matches; showing results from any date."
        in format_search(response).splitlines()
    )


@pytest.mark.parametrize(
    "q, left_out",
    [
        (
            "GLA air quality programme approvals, excluding ULEZ vehicle scrappage schemes",
            "ULEZ vehicle scrappage schemes",
        ),
        ("rough sleeping grants other than No Second Night Out", "No Second Night Out"),
        ("community engagement except for the recovery programme", "the recovery programme"),
    ],
)
def test_words_after_excluding_leave_the_topic_and_name_what_to_leave_out(q, left_out):
    parsed = parse_query(q, TODAY)
    assert parsed.excluded == [left_out]
    assert left_out not in parsed.text
    assert any(u.name == "excluding" for u in parsed.understood)


def test_decisions_about_what_is_excluded_are_left_out(index):
    # MD2848's title: "Engaging Londoners in Recovery Programme 2021-2023"
    plain = search(index, SearchRequest(q="community engagement", today=TODAY))
    assert "MD2848" in [r.ref for r in plain.results]
    without = search(index, SearchRequest(q="community engagement excluding Engaging Londoners", today=TODAY))
    assert without.results and "MD2848" not in [r.ref for r in without.results]


def test_apart_from_in_a_question_is_not_an_exclusion():
    parsed = parse_query(
        "Apart from the Young Londoners Fund, which body put money into the programme?", TODAY
    )
    assert parsed.excluded == [] and "Young Londoners Fund" in parsed.text


@pytest.mark.parametrize(
    "q, refs",
    [
        ("schemes that add 500 homes", []),
        ("Add 500 homes to the programme", []),
        ("ADD 2793 who signed", ["ADD2793"]),
        ("md 2848", ["MD2848"]),
        ("what did ADD 176 approve", ["ADD176"]),
    ],
)
def test_codes_typed_loosely_but_not_words_that_look_like_prefixes(q, refs):
    assert parse_query(q, TODAY).refs == refs


def test_a_code_of_any_length_leaves_the_words_sent_to_the_model(index):
    # "ADD 176" (three digits) is a lookup: it must not stay in the text embedded and matched.
    response = search(index, SearchRequest(q="what did ADD 176 approve", today=TODAY))
    assert "176" not in response.text and "ADD" not in response.text


def test_the_command_line_counts_one_decision_in_the_singular(index):
    from cli.main import format_search

    lines = format_search(search(index, SearchRequest(q="MD2313", today=TODAY))).splitlines()
    assert "1 decision" in lines and "1 decisions" not in lines


def test_a_clipped_word_is_read_in_full():
    # ADD2342 buys "high visibility vests/tabards"; people type "hi-vis".
    assert "high visibility tabards" in parse_query("hi-vis tabards for Team London", TODAY).text
    assert parse_query("Govt dept info", TODAY).text == "government department information"
    # MD1507: "responses to the advertisement for his successor closed on 15 May 2015"
    assert parse_query("when did the advert close", TODAY).text == "when did the advertisement close"
    assert parse_query("infoboard uni-x", TODAY).text == "infoboard uni-x"  # only whole words


@pytest.mark.parametrize(
    "q",
    [
        "Which mayoral decision approved buying the former Webbs Industrial site?",
        "free school meals contingency funds were approved under which Mayoral Decision",
        "Webbs Industrial site acquisition mayoral decision code",
    ],
)
def test_a_kind_of_decision_asked_for_is_no_filter(q):
    # The MD asked for is often cited by a Director's decision ("the Mayor approved (MD1627), the
    # proposal to acquire the former Webbs Industrial site"): a type filter would hide it.
    assert "type" not in parse_query(q, TODAY).filters


def test_decisions_of_a_kind_wanted_are_still_a_filter():
    assert parse_query("which director decisions were made on trees", TODAY).filters == {"type": "director"}
    assert parse_query("mayoral decisions on housing", TODAY).filters == {"type": "mayoral"}


@pytest.mark.parametrize(
    ("q", "cited"),
    [
        ("decisions that build on MD2721", "MD2721"),
        ("MD2721 follow-up decisions", "MD2721"),
        ("which decisions refer to the earlier decision MD2721", "MD2721"),
        # The decision named acts: it extends, it is not extended.
        ("Which charity runs the No Second Night Out contract that MD3350 extends with an extra Hub?", None),
        # The code says where the services are, not what extends them.
        ("Give the cost of extending the rough sleeping services in DD1149.", None),
    ],
)
def test_a_code_is_cited_only_when_the_cue_word_is_about_it(q, cited):
    assert parse_query(q, TODAY).cites_ref == cited
