"""Extractive question answering over the real index of corpus/, with the real model.

Every expected value was read from the corpus documents; the line it comes from is quoted.
The questions are our own, not those of shared/eval.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types

import pytest

from indexer.amounts import find_amounts
from search_api.answer import _phrase_fit, answer_question, is_question
from search_api.answer_checks import asked_prefix
from search_api.answer_spans import spans_for
from search_api.question_reading import analyse_question, stems

CASES = {
    # DD2691 1.9: "The original contract value was £90,000 per year; £270,000 over its three year term."
    "amount": ("What was the original contract value per year with Shared Intelligence?", "£90,000"),
    "amount_over_term": (
        "What is the value of the Shared Intelligence contract over its three year term?",
        "£270,000",
    ),
    # MD2313 2.5, breakdown of costs: "£20k - Refugee and Migrant Sector Data Project"
    "amount_line": ("How much goes to the Refugee and Migrant Sector Data Project?", "£20k"),
    # MD2313 2.5, a table kept one cell per line: "1. Arrival – Celebrating 70 Years since Windrush" … "£70k"
    "amount_cell": ("What is the budget for the Windrush celebrations?", "£70k"),
    # DD2691 1.2: "In May 2022, LPB partners published ‘Building a Fairer City’ (BFC)"
    "date": ("When did LPB partners publish Building a Fairer City?", "May 2022"),
    # ADD2793 7.1, tab-separated: "Contractor start date\tEnd of December 2025"
    "date_row": (
        "When is the contractor start date for the missions partner engagement work?",
        "End of December 2025",
    ),
    # DD2691 4.2: "This LPB sub-group chaired by Kim Wright, CEO of LB Brent"
    "person": ("Who chairs the LPB Structural Inequalities Subgroup?", "Kim Wright"),
    # DD2691 1.2: "the GLA commissioned a learning delivery partner, Shared Intelligence"
    "organisation": (
        "Which organisation is the learning delivery partner for Building a Fairer City?",
        "Shared Intelligence",
    ),
    # DD2691 1.6: "Organisations are asked to report back annually on progress made against the plan’s 14 actions"
    "count": ("How many actions does the Building a Fairer City plan set out?", "14"),
    # Invitation: "68,937 total site visits to Talk London … 700 business stakeholders surveyed."
    "count_in_stats": ("How many business stakeholders were surveyed?", "700"),
    # Invitation: "The missions are shaped by 3 key dimensions:" / "1. key outcomes" / "2. cross cutting principles" / "3. engagement"
    "list": ("What are the three key dimensions that shape the missions?", "cross cutting principles"),
    # DD2691 2.5: "These include:" / "• housing associations" / "• higher education institutions" / "• trade unions" …
    "list_bullets": (
        "Which sectors may provide interesting perspectives on issues raised during year one?",
        "trade unions",
    ),
    # Invitation: "…bring to the role to: civilsociety@london.gov.uk by 11 January 2021."
    "email": ("What address should expressions of interest be sent to?", "civilsociety@london.gov.uk"),
}
UNANSWERABLE = [
    "When did the Ultra Low Emission Zone expand to outer London?",
    "Who designed the new football stadium in Tottenham?",
    # "Transport for London" is in MD2848, its chief executive is not.
    "Who is the chief executive of Transport for London?",
]
AGGREGATE = "How much has been approved for community engagement since 2018?"


@pytest.fixture(scope="module")
def ask(index, settings):
    cache: dict = {}

    def run(question: str, **kwargs):
        key = (question, repr(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = answer_question(index, question, settings, **kwargs)
        return cache[key]

    return run


def _words(text: str) -> set[str]:
    return {w.casefold().replace("’", "'") for w in re.findall(r"[\w@.£,’'-]*\w", text)}


@pytest.mark.parametrize("case", CASES)
def test_answers_each_question_type_from_the_documents(ask, case):
    question, expected = CASES[case]
    result = ask(question)
    assert result.answered, result.explanation
    assert expected.casefold() in result.answer.casefold()
    assert result.citations and any(expected.casefold() in c.quote.casefold() for c in result.citations)
    assert 0.0 < result.confidence <= 1.0


def test_answer_is_the_span_not_the_sentence(ask):
    assert ask(CASES["amount"][0]).answer == "£90,000 per year"
    assert ask(CASES["date"][0]).answer == "May 2022"


def test_table_cell_is_cited_with_its_row_label(ask):
    result = ask(CASES["amount_cell"][0])
    assert any("Windrush" in c.quote for c in result.citations)


def test_list_answer_has_the_items(ask):
    answer = ask(CASES["list"][0]).answer
    assert "key outcomes" in answer and "engagement" in answer


@pytest.mark.parametrize("case", CASES)
def test_citations_point_at_real_chunks_and_quote_them_exactly(index, ask, case):
    result = ask(CASES[case][0])
    for c in result.citations:
        row = index.db.execute("SELECT text, decision_id FROM chunks WHERE id = ?", (c.chunk_id,)).fetchone()
        assert row is not None, c.chunk_id
        assert c.text == row["text"] and c.decision_id == row["decision_id"]
        assert c.quote and c.quote in row["text"]
        assert c.url.startswith(index.decisions[c.decision_id].url)  # the code, or a readable address
        assert c.title == index.decisions[c.decision_id].title


@pytest.mark.parametrize("case", CASES)
def test_every_word_of_the_answer_is_in_the_quotes(ask, case):
    result = ask(CASES[case][0])
    quoted = set().union(*(_words(c.quote) for c in result.citations))
    assert _words(result.answer) <= quoted


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_abstains_when_the_decisions_do_not_say(ask, question):
    result = ask(question)
    assert not result.answered
    assert result.answer == "" and result.citations == []
    assert result.explanation
    assert result.related and all(p.chunk_id and p.text for p in result.related)


def test_abstention_names_the_words_no_decision_uses(ask):
    assert "emission" in ask(UNANSWERABLE[0]).explanation.lower()


def test_aggregate_lists_each_decision_and_states_the_sum(ask, index):
    result = ask(AGGREGATE)
    assert result.answered
    *lines, total = result.answer.split("\n")
    assert len(lines) >= 2 and len(lines) == len(result.citations)
    assert "the sum of the listed decisions" in total
    amounts = []
    for line, citation in zip(lines, result.citations, strict=True):
        amount = line.split(": ", 1)[1]
        assert amount in citation.quote  # each decision's amount is quoted from it
        decision = index.decisions[citation.decision_id]
        assert find_amounts(amount)[0][0] == decision.approved_amount
        assert decision.date >= "2018-01-01"  # "since 2018" is a filter, as in search
        amounts.append(decision.approved_amount)
    assert f"£{sum(amounts):,}" in total
    assert result.filters["date_from"] == "2018-01-01"


def test_a_combined_total_of_one_decision_is_the_figure_it_states(full_index, full_settings):
    # MD2124: "…This equates to a combined programme total of £2.9m." Only MD2124 states an approved
    # amount for it; listing that one amount as "the sum of the listed decisions" answered £1.35m.
    result = answer_question(
        full_index, "What combined total was approved for Team London volunteering in 2017-18?", full_settings
    )
    assert result.answer == "£2.9m"
    assert "combined programme total of £2.9m" in result.citations[0].quote


def test_a_sentence_of_a_decision_that_never_names_the_event_does_not_date_it(full_index, full_settings):
    # MD2751 states the GLA's concerns about the Royal Albert Dock development agreement "…entered into
    # in May 2013"; it never says it was cancelled. The sentence was given as the answer.
    result = answer_question(
        full_index,
        "What date was the Royal Albert Dock development agreement with ABP cancelled?",
        full_settings,
    )
    assert not result.answered and result.answer == ""


def test_a_line_of_the_decision_s_fields_does_not_answer_what_was_agreed(full_index, full_settings):
    # MD1489 opens with its fields, one line each: "MD1489 GLA Food Programme 2015-16" / "Type of decision:" /
    # "Mayoral decision" / "Date signed:" / "30 April 2015". Asked what was agreed, a field line was the answer.
    result = answer_question(
        full_index, "What did the Mayor agree to for the GLA Food Programme 2015-16?", full_settings
    )
    fields = {"MD1489 GLA Food Programme 2015-16", "Mayoral decision", "30 April 2015", "Type of decision:"}
    assert not (result.answered and result.answer in fields)


def test_asked_what_a_levy_brings_in_the_sum_it_raises_answers(full_index, full_settings):
    # MD3465: "It expects to apply c£111 million of Crossrail BRS and the Mayor's Community Infrastructure Levy
    # (MCIL) revenues in 2026-27 to fund the financing costs…" (spent) and "The GLA estimates, currently, that
    # the Crossrail BRS will raise c£290 million in 2026-27." (brought in)
    result = answer_question(
        full_index, "How much is the Crossrail BRS expected to generate in 2026-27?", full_settings
    )
    assert result.answer == "c£290 million"
    assert "will raise c£290 million" in result.citations[0].quote


def test_a_figure_read_without_the_borough_asked_weighs_less():
    # MD3336 states £550,000 from Homes England to the GLA and "to the London Borough of Hounslow (LB
    # Hounslow): grant funding of £200,000 from Homes England"; asked what goes to Hounslow, the GLA's
    # £550,000, stated closer to "Homes England grant", was the answer.
    q = analyse_question("How much Homes England grant goes to Hounslow council?")
    total = types.SimpleNamespace(
        read="the GLA’s receipt of the £550,000 grant funding provided by Homes England"
    )
    hounslow = types.SimpleNamespace(read="to the London Borough of Hounslow: grant funding of £200,000")
    assert _phrase_fit(q, total) < _phrase_fit(q, hounslow) == 1.0


def test_filters_from_the_question_exclude_decisions(ask):
    # MD2313 (2018/19) holds the Windrush budget; "since 2023" leaves it out.
    result = ask("What is the budget for the Windrush celebrations since 2023?")
    assert not any(c.ref == "MD2313" for c in result.citations)
    assert result.filters["date_from"] == "2023-01-01"


def test_explicit_filters_apply(ask):
    result = ask(CASES["person"][0], filters={"type": "mayoral"})  # the answer is in a director decision
    assert not any(c.ref == "DD2691" for c in result.citations)


def test_withheld_decision_is_answered_only_for_staff(index, settings):
    # ADD2793 "Until what date: 31 January 2026": withheld before then.
    before = dataclasses.replace(settings, today_override=dt.date(2025, 12, 1))
    question = CASES["date_row"][0]
    public = answer_question(index, question, before)
    assert all(c.ref != "ADD2793" for c in public.citations) and "End of December 2025" not in public.answer
    staff = answer_question(index, question, before, staff=True)
    assert staff.answered and staff.answer == "End of December 2025"
    assert staff.citations[0].ref == "ADD2793"


def test_empty_question_is_not_answered(index, settings):
    result = answer_question(index, "   ", settings)
    assert not result.answered and result.explanation


@pytest.mark.parametrize(
    "text, expected",
    [
        ("How much is the Connecting Communities London investment?", True),
        ("who approved MD2848", True),
        ("Connecting Communities London?", True),
        ("community engagement grants since 2018", False),
        ("", False),
    ],
)
def test_is_question(text, expected):
    assert is_question(text) is expected


@pytest.mark.parametrize(
    "question, kind",
    [
        ("What is the budget of the pilot?", "amount"),
        ("By when must applications be sent?", "date"),
        ("Which Deputy Mayor is named?", "person"),
        ("How many grants were awarded?", "count"),
        ("What are the four priorities?", "list"),
        ("Which e-mail address takes applications?", "email"),
        # The spending or fee named before the verb is asked for its sum.
        (
            "What total expenditure was sought for the Fourth Plinth programme between 2021 and 2024?",
            "amount",
        ),
        ("What artist fee was paid to Michael Rakowitz for his Fourth Plinth commission?", "amount"),
        # "Name the … project" asks one, as "Which … project" does; "Name the projects…" a list.
        ("Name the Redbridge project funded from the Good Growth Fund round 2 reserve list.", "text"),
        ("Name the projects funded from the Good Growth Fund round 2 reserve list.", "list"),
    ],
)
def test_question_type_decides_the_span_type(question, kind):
    assert analyse_question(question).kind == kind


def test_api_get_answers_with_citations(api):
    response = api.get("/api/answer", params={"q": CASES["person"][0]})
    assert response.status_code == 200
    body = response.json()
    assert body["answered"] and body["answer"] == "Kim Wright"
    assert set(body) >= {
        "question",
        "answered",
        "answer",
        "confidence",
        "citations",
        "filters",
        "explanation",
        "related",
    }
    citation = body["citations"][0]
    assert set(citation) >= {"ref", "title", "paragraph", "chunk_id", "text", "quote", "url"}
    assert citation["ref"] == "DD2691" and citation["url"].startswith("/decisions/DD2691#")


def test_api_post_answers_and_applies_filters(api):
    response = api.post("/api/answer", json={"question": CASES["amount_line"][0], "type": "mayoral"})
    assert response.status_code == 200
    body = response.json()
    assert body["answer"] == "£20k" and body["filters"]["type"] == "mayoral"


def test_api_abstains_with_related_passages(api):
    body = api.post("/api/answer", json={"question": UNANSWERABLE[1]}).json()
    assert not body["answered"] and body["citations"] == [] and body["related"] and body["explanation"]


@pytest.mark.parametrize("send", ["get", "post"])
def test_api_empty_question_is_422(api, send):
    response = (
        api.get("/api/answer", params={"q": " "})
        if send == "get"
        else api.post("/api/answer", json={"question": ""})
    )
    assert response.status_code == 422
    assert "question" in response.json()["detail"]


@pytest.mark.parametrize("send", ["get", "post"])
def test_api_overlong_question_is_422(api, send):
    question = "how much " * 200
    response = (
        api.get("/api/answer", params={"q": question})
        if send == "get"
        else api.post("/api/answer", json={"question": question})
    )
    assert response.status_code == 422
    assert "1000" in str(response.json())


def test_a_decision_that_never_names_the_asked_year_answers_nothing_about_it(full_settings, full_index):
    # The Crossrail BRS decisions in corpus/gla/ set the policies for 2015-16, 2021-22, 2022-23 …
    # ("…the policies for the Crossrail Business Rate Supplement (“Crossrail BRS”) for 2022-23…"); none
    # names 2019-20. Before, the nearest one's sentence about its own year was given as the answer.
    result = answer_question(full_index, "What was the Crossrail BRS multiplier for 2019-20?", full_settings)
    assert not result.answered
    # MD2943 names 2022-23: "…remains at £70,000 and the multiplier will be 2p." A multiplier asked is the
    # figure its own clause calls one (in pence), not the threshold before it.
    named = answer_question(full_index, "What was the Crossrail BRS multiplier for 2022-23?", full_settings)
    assert named.answered and named.answer == "2p"
    threshold = answer_question(
        full_index, "What was the Crossrail BRS threshold for 2022-23?", full_settings
    )
    assert threshold.answer == "£70,000"
    # MD1437 proposes the 2015-16 multiplier and states none: a figure is asked, and no sentence is one.
    assert not answer_question(
        full_index, "What was the Crossrail BRS multiplier for 2015-16?", full_settings
    ).answered


def test_a_change_states_the_new_figure_unless_the_earlier_is_asked(full_index, full_settings):
    # MD3465: "…threshold above which the Crossrail BRS will apply is proposed to increase from
    # £75,000 to £92,000…". Before, the first figure, nearer the question's words, was given.
    new = answer_question(full_index, "Crossrail BRS rateable value threshold 2026-27", full_settings)
    assert new.answer == "£92,000"
    earlier = answer_question(
        full_index,
        "What was the previous Crossrail BRS rateable value threshold, before the 2026-27 increase?",
        full_settings,
    )
    assert earlier.answer == "£75,000"


# One question, one answer, each read from a real page as its quoted line states it.
READ_AS_WRITTEN = [
    # MD3161: "…£323,946 to Crisis by grant, and £118,584 to St Mungo’s by grant": owning nothing, the "’s"
    # is the charity's name.
    ("Besides Crisis, which charity got a grant for the 2023-24 Crisis at Christmas project?", "St Mungo’s"),
    # ADD304: "…grant assistance of £269,000 (made up of £200,000 capital and £69,000 revenue), to Groundwork
    # London": the recipient gets the whole; a part only when the part is asked.
    (
        "How much grant assistance did the Legacy Corporation agree to give Groundwork London for its "
        "community garden?",
        "£269,000",
    ),
    (
        "How much revenue grant did the Legacy Corporation give Groundwork London for the mobile community garden?",
        "£69,000",
    ),
    # MD3350: "…No Second Night Out (NSNO) – to be rebranded as ‘Ending Homelessness Hubs’": asked "renamed",
    # the verb that gives the name answers it, whichever it is.
    ("What will the No Second Night Out service be renamed to?", "‘Ending Homelessness Hubs’"),
    # MD1366: "…with an aspiration to deliver up to 50,000 new homes": a plan asked ("was … aiming to") is
    # stated by its ceiling, not London's yearly need beside it ("at least 42,000 homes a year").
    ("How many homes was the Housing Zones policy aiming to deliver?", "up to 50,000 new homes"),
    # MD2028: "…an internal review is set up by 1 September 2016, to report back by 21 October 2016": the
    # date the question's own verb governs, though the other stands as near its words.
    ("What was the deadline for the internal L&P funding review to report?", "by 21 October 2016"),
    # MD2528: "The GLA will provide match funding of up to £1.2m (approved under cover of MD2141 and MD2285)…":
    # asked which decisions, every code listed together.
    (
        "Which mayoral decisions approved the GLA's £1.2m of match funding for the tree challenge bid?",
        "MD2141 and MD2285",
    ),
    (
        "Which decisions approved the Greener City Fund match funding for the Urban Tree Challenge Fund?",
        "MD2141 and MD2285",
    ),
    # The LEA's decision: "It is anticipated that by September 2023 the LEA will save 20,000 tonnes of carbon
    # dioxide and generate 3MW of energy.": carbon, asked as "carbon" or "CO2", is counted as the gas.
    (
        "How much CO2 will the Local Energy Accelerator have saved by September 2023?",
        "20,000 tonnes of carbon dioxide",
    ),
    ("By September 2023, how much carbon should the LEA save?", "20,000 tonnes of carbon dioxide"),
    # MD1590: "The Crossrail BRS multiplier (or tax rate) shall be set at 2p per pound of rateable value in
    # the 2016-17 financial year": a rate is stated with what it is levied on; a search for it wants it.
    ("Crossrail business rate supplement multiplier in the 2016-17 year", "2p per pound of rateable value"),
    # "receipt and expenditure of income of up to £70,000 in 2025-26 for Visitor
    # Welcome and Major Event volunteer deployment": a search naming income asks its sum.
    ("income for Visitor Welcome and Major Event volunteers 2025-26", "up to £70,000"),
    # ADD2791 rounds the sum in its decision ("…approves the receipt and expenditure of £3.49m of Rough
    # Sleeping Prevention…") and states it exactly in its summary ("…of £3,489,000 of funding from…").
    (
        "How much RSPARG funding was received for the London Ending Homelessness Accelerator Programme?",
        "£3,489,000",
    ),
    # MD3161: "a) £442,530 for the Crisis at Christmas project – comprising expenditure of £323,946 to Crisis
    # by grant, and £118,584 to St Mungo’s by grant, in 2023-24": asked of the project, the sum the
    # sentence introduces; asked of what only a part's words say, that part.
    ("How much went on the Crisis at Christmas project in 2023-24?", "£442,530"),
    ("How much of the 2023-24 Crisis at Christmas money went to St Mungo's by grant?", "£118,584"),
    # MD3336: "to the London Borough of Hounslow (LB Hounslow): grant funding of £200,000 from Homes England
    # for LB Hounslow’s expenditure…". "London" and "borough", asked, were taken for the name's topic
    # words; the run "Homes England for LB Hounslow" was the answer.
    (
        "Under MD3336, which London borough is given £200,000 of Homes England grant?",
        "the London Borough of Hounslow",
    ),
    # DD2758: "…collaborating with the National Lottery Community Fund to deliver the Mayor’s Community
    # Weekend": the body worked with, though its name ends in "Fund".
    (
        "Who does the GLA partner with to deliver the Mayor's Community Weekend?",
        "the National Lottery Community Fund",
    ),
    # DD2352: "…seeks approval for additional capital expenditure of £2,183,379 …" and "This will take total
    # approved capital expenditure through the Good Growth Fund to £60,855,085.": asked the total, the sum
    # it is taken to, not the one added.
    ("What did total approved Good Growth Fund capital expenditure come to after DD2352?", "£60,855,085"),
    ("What did DD2352 bring the total approved Good Growth Fund capital expenditure to?", "£60,855,085"),
    # MD2807: "3. expenditure of £1,144,000 in 2022-23 to support the ongoing delivery of the programme…":
    # "What did … approve for … spending" asks a sum, not a sentence.
    ("What did MD2807 approve in spending on Creative Enterprise Zones for 2022-23?", "£1,144,000"),
    # MD3254: "The Ultra Low Emission Zone (ULEZ) was introduced in central London on 8 April 2019,
    # expanded to inner London on 25 October 2021, …": each date is its own clause's, not the nearer.
    ("According to MD3254, when was the ULEZ expanded to inner London?", "25 October 2021"),
    ("According to MD3254, when was the ULEZ introduced in central London?", "8 April 2019"),
    # MD2179: "The next two commissions, by Michael Rakowitz and Heather Phillipson, will be unveiled
    # in March 2018 and March 2020 respectively."
    ("When is Heather Phillipson's Fourth Plinth work due to be unveiled?", "March 2020"),
    (
        "Name the artist whose Fourth Plinth commission was due to be unveiled in March 2020",
        "Heather Phillipson",
    ),
    # MD2862: "The Mayor’s London Community Energy Fund (LCEF) supports … It provides … Since 2017, it
    # has supported 86 community projects, covering 26 boroughs." ("it" is the fund named before.)
    (
        "How many community projects had the London Community Energy Fund supported since 2017, according to MD2862?",
        "86 community projects",
    ),
    # MD3298: "Philippa Hird, a former Chair of the NHS Pay Review Body and former member of the Senior
    # Salaries Review Body, was appointed to undertake a review…" (the apposition is no distance).
    ("Who carried out the independent review of pay for the Mayor and Assembly Members?", "Philippa Hird"),
    # MD2306: "…they wish to appoint Mary Harpley, currently Chief Executive of the London Borough of
    # Hounslow, as the Greater London Authority’s (GLA) Chief Officer…". "Mary" ended like "summary";
    # the second question's "Returning Officer" was required of a sentence naming only the first post.
    ("Who was appointed as the GLA's Chief Officer in 2018?", "Mary Harpley"),
    ("Who was appointed GLA Chief Officer and Greater London Returning Officer in 2018?", "Mary Harpley"),
    # ADD304: "…grant assistance of £269,000 (…), to Groundwork London in 2015/16 and 2016/17 for the
    # creation of a temporary mobile community garden at Chobham Manor on Queen Elizabeth Olympic Park
    # (QEOP)." The park, nearer the question's words, was the answer.
    (
        "Which organisation received LLDC grant assistance for a mobile community garden at Chobham Manor?",
        "Groundwork London",
    ),
    # MD3306: "…to receive $92,544 (£70,777) grant funding (from the US Embassy)…": a sum in another
    # currency with its sterling equivalent is one answer, not the pounds alone.
    (
        "How much grant did the US Embassy give for learning activities on the Memorial to Victims of Transatlantic Slavery?",
        "$92,544 (£70,777)",
    ),
    # DD2783: "…approves spending up to £250,000 for due diligence grant funding, to unlock small sites
    # for housing, from the Homes for Londoners Collaboration budget": which budget, not how much.
    (
        "What budget pays for the small sites due diligence grants?",
        "the Homes for Londoners Collaboration budget",
    ),
    # MD1545 ("Decision by: Boris Johnson…"): "Alongside the designation the Mayor indicatively allocates
    # up to £310.7 million…": the decision he took is about what he did, though it says "the Mayor".
    (
        "How much funding did Boris Johnson indicatively allocate to the second round of Housing Zones?",
        "up to £310.7 million",
    ),
    # MD3175: "…for the sixth round of LCEF… Community Energy London would manage the administration of
    # LCEF 7…": the fund's initials and number name its seventh round; the body's name is the fund's
    # words in another order; "administer" is what "administration" does.
    (
        "Which organisation will administer the seventh round of the London Community Energy Fund?",
        "Community Energy London",
    ),
    # ADD2342: "…approval is sought for expenditure of up to £15,000 to purchase high visibility
    # vests/tabards": "hi-vis" is read as "high visibility".
    ("How much could Team London spend on hi-vis tabards?", "up to £15,000"),
    # MD2410 (AEB delegation): "…the mechanism for transferring the circa £311m annual AEB": the sum as
    # stated, with its "circa"; "how big", "roughly" and "AEB" for "Adult Education Budget" all read.
    (
        "Roughly how big is the annual Adult Education Budget transferred under the 2019 delegation?",
        "circa £311m",
    ),
    # MD2124: "This equates to a combined programme total of £2.9m." beside "Receipt of up to £330,000 in
    # external income…": the figure the asked phrase ("combined total") names, not its qualifier's.
    (
        "What was the combined total of the Team London 2017-18 programme once external income is included?",
        "£2.9m",
    ),
    # PCD 1792: "This would include £9,397,400 grant allocation for London VRU for 2025-2026": the page
    # writes the unit by its initials and the year in full; "What … grant did … get" asks its sum.
    ("What Home Office grant did the London Violence Reduction Unit get for 2025-26?", "£9,397,400"),
    # The invitation to express interest: "…explaining what you would bring to the role to:
    # civilsociety@london.gov.uk". Among all 147 decisions, "email" and "address" (no page says either)
    # weighed as missing topics; they name the kind asked.
    (
        "Which email address receives statements of interest for the co-lead role?",
        "civilsociety@london.gov.uk",
    ),
    # MD1481: "…expected to deliver approximately 50,000 homes by 2025": the count with its qualifier.
    (
        "Roughly how many homes are the 20 Housing Zones expected to deliver by 2025?",
        "approximately 50,000 homes",
    ),
    # MD2895: "…will leverage up to an additional £2.08m of targeted co-investment": stated as more.
    (
        "How much extra co-investment will the second phase of Sport Unites leverage?",
        "up to an additional £2.08m",
    ),
    # DD2707: "…was established with £1.125M support from … (DLUHC). Subsequently a further £16k of DLUHC
    # funding was allocated.": asked the original sum, the further one came later.
    (
        "How much did DLUHC initially provide to set up the Local Growth Capacity Support Programme?",
        "£1.125M",
    ),
    # MD2886: "…to deliver works to a further 458 homes": "how many more homes" counts homes.
    ("How many more homes will get works from the 2021/22 Warmer Homes extension?", "458 homes"),
    # MD1590 ("Decision by: Boris Johnson…"): "The Mayor is also asked to authorise the Executive
    # Director, Resources to issue a notification…": who is authorised is a post, not who decided.
    (
        "Who is authorised to issue the Crossrail BRS notification to each billing authority for 2016-17?",
        "the Executive Director, Resources",
    ),
    # MD3410: "the delegation of decisions on the allocation of said funding to the Assistant Director,
    # External Relations": "who decides" in the present asks whom the decision empowers.
    (
        "Who decides how the GLA's 2025-26 marketing budget of £1m is allocated?",
        "the Assistant Director, External Relations",
    ),
    # The same decisions asked as another writer would, the noun where the page has its verb:
    # "decisions on the allocation of said funding to…", "was published in November 2020" (ADD2499).
    (
        "Who decides on allocating the GLA's £1m 2025-26 public information campaign money?",
        "the Assistant Director, External Relations",
    ),
    ("In which month did the London Urban Forest Plan's publication take place?", "November 2020"),
    # MD3043: "comprising expenditure of £391,978 to Crisis by grant…", not the "£542,000 of government
    # funding from DLUHC for Crisis at Christmas" (the programme, a longer name than the payee's).
    ("Under MD3043, how much of the Crisis at Christmas money was given to Crisis by grant?", "£391,978"),
    # MD2306 ("Appointment of Chief Officer"): "…wish to appoint Mary Harpley, … as the Greater London
    # Authority’s (GLA) Chief Officer with effect from 10 September 2018": the post asked is the words
    # the name stands beside, though the title holds them too.
    ("Who took up the GLA Chief Officer post in September 2018?", "Mary Harpley"),
    # MD3254: "…expanded to inner London on 25 October 2021, and then further expanded London-wide on
    # 29 August 2023": "all of London" is what the page writes "London-wide".
    ("When did the ULEZ expand to all of London?", "29 August 2023"),
    ("From what date did the ULEZ cover the whole of London?", "29 August 2023"),
    # MD2528: "…the GLA would be awarded a grant of up to £2.2m from the national Urban Tree Challenge Fund":
    # a search ending in "grant" asks its sum.
    ("Urban Tree Challenge Fund grant", "up to £2.2m"),
    # MD3367: "…core grant funding up to £12,837,000 (including a one-off increase of £978,000)": asked
    # the increase, the sum added, not the whole grant.
    ("London & Partners one-off increase in core grant for 2025-26", "£978,000"),
    # MD1590: "The Crossrail BRS multiplier … shall be set at 2p per pound of rateable value … and the
    # rateable value threshold above which the Crossrail BRS shall apply will be set at £55,000": "above
    # what" asks the threshold, not the multiplier.
    ("Above what rateable value does the Crossrail BRS apply in 2016-17?", "£55,000"),
    # The London Recovery Board page: "…chaired jointly by the Mayor of London, Sadiq Khan, and the Chair
    # of London Councils, Georgia Gould": "Alongside" opens the question; it is no part of a name.
    ("Alongside Sadiq Khan, who chairs the London Recovery Board?", "Georgia Gould"),
    # MD2815: "…seeks approval of expenditure of £672,000 between 2021-24 to deliver:" above "1. revenue
    # expenditure of up to £522,000 between 2021-24 to deliver the Fourth Plinth…": the whole is asked.
    ("overall budget for the 2021-24 Fourth Plinth programme", "£672,000"),
    # DD2285: "…approves the expenditure of £3.2m … comprising: • £2.2m to increase … • £1m on the Mayor’s
    # careers campaign.": the part's line, though the search ranks the sentence above it first.
    ("How much of the DD2285 business rates pilot funding is for the careers campaign?", "£1m"),
    # DD2707: "…was established with £1.125M support from … (DLUHC). Subsequently a further £16k…":
    # "established" asks the sum it was set up with.
    ("How much DLUHC funding established the Local Growth Capacity Support Programme?", "£1.125M"),
    # "…create a further 10 Housing Zones to total 30 Housing Zones across London": a total is asked.
    ("How many Housing Zones would there be altogether once the programme was extended?", "30 Housing Zones"),
    # "Note that the Drain London project has had one Mayoral Decision (MD455)": the phrase after
    # "Name the" ends in "decision" five words on; it asks a code, not a list of the page's DD codes.
    ("Name the one previous mayoral decision behind the Drain London project", "MD455"),
    # DD1221: "…associated with the deployment of London Ambassadors at 9 key locations…": "deployed" is
    # "deployment" reworded (the stemmer leaves them apart; their vectors lie close).
    (
        "How many locations were London Ambassadors deployed to in the Team London summer 2014 plan?",
        "9 key locations",
    ),
    # MD2129: "The initial phase of work on the Cultural Infrastructure Plan was previously
    # approved within of MD2045": "previous", "first" say which decision is asked, not its topic.
    (
        "Which previous mayoral decision approved the first phase of the Cultural Infrastructure Plan work?",
        "MD2045",
    ),
    # MD3161: "b) £716,781 on-grant to London Councils for the …" and "• receive and expend £144,535 from
    # London Councils": what the body provides comes from it; what goes to it, it gets.
    ("How much money does London Councils provide for the MD3161 rough sleeping services?", "£144,535"),
    # MD3465: "The rateable value threshold above which the Crossrail BRS will apply is proposed to increase
    # from £75,000 to £92,000…", beside "…the Crossrail BRS will raise c£290 million in 2026-27": a threshold
    # asked is a figure stated as one.
    ("Crossrail BRS threshold for 2026-27", "£92,000"),
    # MD2968: "…the reallocation of £1,689,000 … as follows: £1,447,300 to Peabody Trust and £241,700 to the
    # Royal Borough of Kensington & Chelsea": the whole a part of which is asked sets the scene; the
    # sentence need not name it.
    ("How much of the reallocated Green Homes Grant LAD money did Peabody get?", "£1,447,300"),
    # MD2714: "This will take total approved expenditure on air quality in the year to £692,000".
    (
        "After the additional air quality activity was approved, what was the year's total approved air quality spend?",
        "£692,000",
    ),
    # DD2180: "…to currently managing £3bn of cash and more than £4bn of borrowings in 2017-18": a sum
    # followed by "of <noun>" measures that noun, and "currently" is the sentence's own year.
    ("How much cash did the GLA treasury function manage in 2017-18?", "£3bn"),
    # MD3063: "…funded from the Mayoral Development Corporation (MDC) Reserve": the reserve, not the body.
    (
        "Where does OPDC's £1m supplementary budget for 2022-23 come from?",
        "the Mayoral Development Corporation (MDC) Reserve",
    ),
    # MD2010: "…delegates authority to the Chief of Staff and the Executive Director of Resources … to agree
    # any allocation from further 2015-16 carry forwards": who is given authority is empowered, not who signed.
    (
        "Who was given authority to agree allocations from later carry forwards in the 2015-16 outturn decision?",
        "the Chief of Staff and the Executive Director of Resources",
    ),
    # MD3039: "This decision seeks approval to increase the funding available through the Creative Enterprise
    # Zone Sustainability Capital Fund (Sustainability Capital Fund) by £400,000": "extra" and "added" say
    # an addition is asked; the sentence need not say them.
    (
        "How much extra money has been added to the Creative Enterprise Zone Sustainability Capital Fund?",
        "£400,000",
    ),
    # PCD 1792: "…for 2025-2026, the same allocation as 2024-2025 of £932,764": both years' figure.
    ("Serious Violence Duty grant to the VRU for 2025-26", "£932,764"),
    # The same sentence says "VRUs": "London" in "the London VRU" is where every decision is.
    (
        "How much Serious Violence Duty funding did the Home Office give the London VRU for 2025-26?",
        "£932,764",
    ),
    # DD2695: "…expenditure approval of £64.31m (£21.58m revenue and £42.73m capital)": a search naming the
    # part of a sum asks that part.
    ("Capital element of the Royal Docks Delivery Plan 2024-25 to 2028-29", "£42.73m"),
    # DD2352: "…additional capital expenditure of £2,183,379" and "Capital expenditure of £2,183,379 to support
    # delivery of Better Bankside’s ‘Crossing the Line’ project…" beside "This will take total approved capital
    # expenditure through the Good Growth Fund to £60,855,085": asked the cumulative sum, the total reached.
    (
        "What was the cumulative approved Good Growth Fund capital after the two Round 2 reserve projects were added?",
        "£60,855,085",
    ),
    # DD2075: "On the 29th September 2016 ADD2033 approved expenditure of £35,000 to undertake valuation work
    # for the potential acquisition of these sites in the vicinity of the Webbs site": the place a site is in
    # ("in Blackhorse Lane") is named by the decision, not by that sentence.
    (
        "Which decision approved the valuation work for sites close to the Webbs site in Blackhorse Lane?",
        "ADD2033",
    ),
    # MD1489: "The London Food Board … was established in 2004" beside DD2342's "…was reconfigured in early
    # 2017": asked when it was set up, a sentence that says it began.
    ("In what year was the London Food Board set up?", "2004"),
    # MD2971: "…(OPDC) is a Mayoral Development Corporation created in 2015 under the Localism Act 2011":
    # asked when, a year is the answer when the sentence gives no finer date.
    ("When was OPDC created?", "2015"),
    # MD2807: "…moves to an annual accreditation model from Summer 2021": a season of a year is a date.
    ("Since when have Creative Enterprise Zones been accredited every year?", "Summer 2021"),
    # MD3380: "…the Mayor’s commitment to provide 250,000 positive opportunities for young Londoners during
    # this Mayoral term": "how many" asked last counts the words before it.
    (
        "Mayoral term commitment on positive opportunities for young Londoners - how many?",
        "250,000 positive opportunities for young Londoners",
    ),
    # MD3166, titled "London Vehicle Scrappage Scheme additional funding": a "top-up" is additional funding.
    ("Scrappage top-up decision: date ULEZ expands London-wide?", "29 August 2023"),
    # DD1457: "…by providing grants of between £2,000 and £10,000": a range is answered whole.
    (
        "How large are the grants the London Tree and Woodland Community Grant Scheme gives?",
        "between £2,000 and £10,000",
    ),
    # DD2075 names "the former Webbs Industrial site", then "…these sites in the vicinity of the Webbs
    # site": the shortened name is the same site.
    ("Which decision approved spending on valuing sites close to the Webbs Industrial site?", "ADD2033"),
    # MD2713: "The second phase of YLI, called ‘My London’, will operate from 2020 – 2024": the name in
    # quotes after "called".
    ("What is the second phase of Young London Inspired called?", "‘My London’"),
    # MD3418: "…seeks approval to spend up to £700,000 on delivery of an eighth round of the programme."
    ("Which round of the London Community Energy Fund is MD3418 for?", "eighth round"),
    # MD2943 and MD3086 write the same sentence, "The GLA’s residual Crossrail debt is expected to be around
    # £4.5 billion [£4.3 billion] by 31 March 2023": the two figures conflict, and both are answered.
    # MD1437: "…issue a notification to each billing authority under section 18 of the Business Rate
    # Supplements Act 2009": asked which section, the section; MD1391: "…supported by section 34 of the GLA Act".
    (
        "Billing authorities are notified of the Crossrail BRS under what section of the Business Rate Supplements Act 2009?",
        "section 18",
    ),
    ("Which section of the GLA Act supports the 2013-14 outturn reserve transfers?", "section 34"),
    # MD2713, titled for phase 2: "The Young London Inspired (YLI) Programme, approved under cover of MD2171
    # began in 2018 … To date over 680 young people from at risk backgrounds have benefitted…": a sentence
    # recalling the decision before answers for the phase before.
    # MD3166: "It does so under a Mayoral delegation (see MD2661)." beside MD2563's "In February 2019,
    # Mayoral Decision MD2417 approved the implementation of a pilot…": asked under which, the one it is under.
    ("Under which mayoral decision is the London Vehicle Scrappage Scheme run by TfL?", "MD2661"),
    # MD3135: "…reprocuring the No Second Night Out service … from 1 April 2024 to 31 March 2027": asked
    # when it ends, the range's end.
    ("When does the reprocured No Second Night Out service end?", "31 March 2027"),
    (
        "In the first phase of Young London Inspired, how many young people from at-risk backgrounds benefited?",
        "over 680 young people",
    ),
    (
        "How large was the GLA's residual Crossrail debt forecast to be by 31 March 2023?",
        "around £4.3 billion (MD3086); around £4.5 billion (MD2943)",
    ),
    # MD3135: "…approval for expenditure of £20.02m, of which £16.36m is GLA Rough Sleeping programme budget":
    # asked the total, the whole its parts are of, not the first part.
    ("How much does MD3135 approve in total for rough sleeping services?", "£20.02m"),
    # ADD2499: "…London’s urban forest … currently covers around 21% of London": a share of a place is a
    # percentage (a share of a fund would be its sum).
    ("What proportion of London do trees and woodlands cover?", "around 21%"),
    # MD3043: "£542,000 for the Crisis at Christmas project – comprising expenditure of £391,978 to Crisis by
    # grant; £141,855 to St Mungo’s by grant": asked what the charity itself got, the sum going to it.
    ("How much did the charity Crisis receive by grant for the 2022-23 Christmas project?", "£391,978"),
    # MD3420: "Warmer Homes London was announced in February 2025": a programme is launched when announced.
    ("In what month did the Warmer Homes London initiative launch?", "February 2025"),
    # DD2750: "…expenditure of up to £803,000 to cover the additional payment for boroughs that have evidenced
    # school meal uptake above 90 per cent": a search asking for cash wants the sum, whatever percentage it names.
    ("extra cash for boroughs whose school meal uptake passed 90 per cent", "up to £803,000"),
    # MD3388: "1. confirms that a pay award of 2.5 per cent should be awarded to the 13 Mayoral Appointees".
    ("2025-26 pay award for the Mayoral Appointees", "2.5 per cent"),
    # DD2783: "…up to £250,000, as grant funding, to unlock small sites for housing funded from the Homes for
    # Londoners Collaboration budget": which budget money comes from is the budget's name, not the sum.
    (
        "Which budget are the small sites due diligence grants funded from?",
        "the Homes for Londoners Collaboration budget",
    ),
    (
        "small sites due diligence grants - which budget is the money drawn from",
        "the Homes for Londoners Collaboration budget",
    ),
    # DD2496: "…complimenting those in the Mayors Transport Strategy (specifically Proposal 44)": which
    # proposal is asked as which section is.
    (
        "Which proposal of the Mayor's Transport Strategy does the 2020-21 climate change adaptation work complement?",
        "Proposal 44",
    ),
    # MD2996: "The Mayor’s appointees are the 13 staff appointed by the Mayor under section 67(1)…": the
    # counted noun may be said to be the number.
    ("How many Mayoral Appointees are there under section 67(1) of the GLA Act?", "13"),
    # MD2472: "Following Mayoral approval, the two documents will be submitted to the London Assembly…":
    # what is sent is submitted.
    (
        "Who will the refreshed GLA financial regulations be sent to after Mayoral approval?",
        "the London Assembly",
    ),
]


# What the question asks of the value is not said where the value stands: MD2521's "£0.52m" is no post's
# salary; ADD176 hires "Greater London Volunteering (GLV) to assist in the nomination process for the 2014
# Team London Awards" (nobody is said to have won them); "The network will initially consist of ten
# organisations" says nothing of how many had joined by the end.
NOT_WHAT_IS_ASKED = [
    # ADD304 funds a garden "in 2015/16 and 2016/17 for the creation of…": it never says when it opens.
    "When does the Chobham Manor community garden open to visitors?",
    # ADD196: the Mayor, boroughs and business groups agreed a review was needed; who signed the form did not.
    "In ADD196, who agreed the London Enterprise Panel's governance should be reviewed?",
    "What is the yearly salary for the Local Energy Accelerator Technical Lead for Distributed Energy?",
    # MD2713's recollection of phase 1 ("…over 680 young people…") says nothing of the phase it is titled by.
    "How many young people have joined the second phase of Young London Inspired, My London?",
    # DD2075: "…to acquire the former Webbs Industrial site…": a site's name says where, not who acted.
    "Who signed off hiring a property agent for the Waltham Forest sites close to Webbs?",
    # MD3465: "The rateable value threshold … is proposed to increase from £75,000 to £92,000": a
    # threshold, not what the supplement raises.
    "How much will the Crossrail BRS bring in during 2025-26?",
    # MD2751 speaks of ABP's performance under the Development Agreement, never of a penalty or a
    # compensation; MD3175 funds a seventh LCEF round and names no community group it paid.
    "What penalty did the GLA charge ABP over the Royal Albert Dock development agreement?",
    "What compensation was ABP paid when the Royal Albert Dock agreement ended?",
    "Which community groups got grants in the seventh LCEF round?",
    # MD3043 "…expand three existing rough sleeping services": services counted, described by the asked words.
    "How many rough sleepers were housed in severe weather emergency accommodation in winter 2022-23?",
    # DMFD262 sets a threshold ("£150,000 or above") for prior approval; asked what was authorised, none.
    "How much upfront revenue expenditure was the London Fire Commissioner authorised to commit under DMFD262 to "
    "deliver savings?",
    # MD2194: "…receipt and expenditure of up to £500,000 from London boroughs…": a ceiling, not what was paid.
    "How much did London boroughs actually pay into the London Community-Led Housing Hub by March 2020?",
    # DD2352 gives one sum for two projects together; MD2751 never says the agreement was terminated.
    "How much did Better Bankside's Crossing the Line project receive from the Good Growth Fund by itself?",
    "Did GLA Land and Property end up terminating the Royal Albert Dock agreement with ABP?",
    "Who were the Team London Awards 2014 won by?",
    "How many organisations were in the North Kensington Sport 4 Good Cluster by the end of the project?",
    # MD1384: "MD1153 approved the allocation of £254,000 GLA funding for the Fourth Plinth Commissioning
    # Programme": the programme's money, not an artist's fee.
    "How much was David Shrigley paid for his Fourth Plinth work?",
    # MD1507: "The Chairman of LFEPA replied … that not all LFEPA Members were comfortable": a group,
    # not who held the chair.
    "Who was chairing the London Fire and Emergency Planning Authority in 2015?",
    # DD2664: "…to extend the GLA’s current contract with Rice Marketing Limited (extension value £10,000)":
    # the extension's value, not what the contract was worth before it.
    "What was the Rice Marketing Limited contract's original value?",
    "What was the Rice Marketing Limited contract worth before it was extended?",
    # MD2521: "the Decentralised Energy Enabling project (DEEP)", "a GLA commissioned and managed project
    # delivery unit (PDU)": a project's and a common noun's short forms, no firm's name.
    "Which consultancy was appointed to run the Local Energy Accelerator project delivery unit?",
    "Which firm was hired to run the Local Energy Accelerator's delivery unit?",
    # MD1545: "…the delivery of up to 25,837 homes within these Housing Zones": all the zones', not one's.
    "How many homes will the Meridian Water Housing Zone deliver?",
    # DD2180: "…to contract directly with a Financial Services Market Act (FSMA) 2000 authorised firm … relating
    # to the Group Investment Syndicate (GIS)": the firm is unnamed; DD2075 acquires the Webbs site "via the
    # London Development Panel", which is no agency appointed.
    "Which firm did DD2180 appoint for the treasury management review?",
    "Which company was hired as the FSMA authorised firm in DD2180?",
    "Which property agency was appointed to advise GLAP on the sites near the Webbs site?",
    # MD2968: "…as follows: £1,447,300 to Peabody Trust…": what Peabody was given, not what it put in.
    "How much did Peabody put in itself for the solar panels funded by MD2968?",
    # MD2751: "…the Development Agreement that was entered into in May 2013…": no start of the letters asked.
    "Since when has the GLA's property arm been writing to ABP about Royal Albert Dock?",
]


def test_which_round_is_answered_only_by_a_numbered_round():
    from search_api.answer_checks import says_which_part

    # MD3418: "…on delivery of an eighth round of the programme" numbers the round; "approves expenditure of
    # up to £700,000, in 2025-26, on the London Community Energy Fund (LCEF) programme" does not.
    question = "Which round of the London Community Energy Fund does MD3418 fund?"
    assert says_which_part(question, "seeks approval to spend up to £700,000 on delivery of an eighth round")
    assert says_which_part(question, "funding for Round 8 of the LCEF")
    assert not says_which_part(question, "approves expenditure of up to £700,000 on the LCEF programme")
    assert says_which_part("What does MD3418 fund?", "approves expenditure on the LCEF programme")


def test_a_part_of_a_sum_named_after_it_is_not_the_total(full_index, full_settings):
    # MD2510: "expenditure of £2.3m of Young Londoners Fund unallocated scale-up funding, from the approved
    # £45m": asked the fund's total, £2.3m is a part of it.
    answer = answer_question(
        full_index, "What was the total size of the Mayor's Young Londoners Fund?", full_settings
    )
    assert answer.answer != "£2.3m"


@pytest.mark.parametrize("question", NOT_WHAT_IS_ASKED)
def test_a_value_not_stated_as_what_is_asked_answers_nothing(full_index, full_settings, question):
    assert not answer_question(full_index, question, full_settings).answered


def test_the_directorate_field_answers_only_which_directorate(full_index, full_settings):
    # MD3418 is filed "Directorate: Mayors Office"; that line decides nothing the decision delegates.
    asked_who = answer_question(
        full_index, "Who decides on the LCEF funding allocations in MD3418?", full_settings
    )
    assert "Mayors Office" not in asked_who.answer
    asked_which = answer_question(full_index, "Which directorate is MD3418 from?", full_settings)
    assert asked_which.answer == "Mayors Office"


def test_a_records_own_date_answers_only_when_it_is_asked(full_index, full_settings):
    # DD1250, titled "Drain London Programme 2014-16", heads its page "Date signed:" / "08 August 2014": the day
    # that decision was signed, not when the programme (set up in 2010, MD2339) started.
    found = answer_question(full_index, "When did the Drain London programme start?", full_settings)
    assert "08 August 2014" not in found.answer
    signed = answer_question(full_index, "When was DD1250 signed?", full_settings)
    assert signed.answered and "8 August 2014" in signed.answer


# MD3388: "The Chief Officer has agreed the 2025-26 pay award for GLA staff with UNISON and the pay
# award has been confirmed via CO817." It says neither when CO817 was signed nor on what day; ADD176
# speaks of "the 2012 and 2013 Awards ceremonies", not where the 2014 one was held.
UNSTATED_WHEN_OR_WHERE = [
    "On what date was CO817, approving the 2025-26 pay award for GLA staff, signed?",
    "On which date did the Chief Officer sign off CO817?",  # "2025-26" is no date
    "Where was the 2014 Team London Awards ceremony held?",
    # "…in March 2020" is no exact date.
    "On what precise date was MD2591 (Young London Inspired phase 2) signed?",
]


# DD1457 is the 2015-16 round ("…projects by March 2016"): it names no 2016-17 figure.
def test_a_decision_naming_no_financial_year_asked_answers_nothing_for_it(full_index, full_settings):
    assert not answer_question(
        full_index,
        "What did the London Tree and Woodland Community Grant Scheme spend in 2016-17?",
        full_settings,
    ).answered


@pytest.mark.parametrize("question", UNSTATED_WHEN_OR_WHERE)
def test_a_sentence_that_says_no_time_or_place_answers_no_when_or_where(full_index, full_settings, question):
    assert not answer_question(full_index, question, full_settings).answered


@pytest.mark.parametrize("question, expected", READ_AS_WRITTEN)
def test_the_answer_is_read_as_the_page_writes_it(full_index, full_settings, question, expected):
    assert answer_question(full_index, question, full_settings).answer == expected


def test_the_sign_off_line_answers_who_holds_its_post_not_who_was_hired(full_index, full_settings, ask):
    # MD1507's sign-off "Decision by: Boris Johnson MP, Mayor of London" took the decision; it does not
    # say who was appointed London Fire Commissioner.
    hired = answer_question(
        full_index, "Who was appointed London Fire Commissioner after the 2015 recruitment?", full_settings
    )
    assert "Boris Johnson" not in hired.answer
    # DD2691's "Decision by: Tunde Olayinka, Executive Director of Communities and Skills" names its post.
    assert "Tunde Olayinka" in ask("Who is the Executive Director of Communities and Skills?").answer


def test_a_limit_answers_what_may_be_done_not_what_was_done(full_index, full_settings):
    # MD3166: charities may "scrap or retrofit up to three vehicles"; nothing says how many were donated.
    allowed = answer_question(
        full_index, "How many vehicles can a London charity scrap through the scheme?", full_settings
    )
    assert allowed.answer == "up to three vehicles"
    done = answer_question(
        full_index,
        "How many vehicles have been donated to Ukraine through the scrappage scheme?",
        full_settings,
    )
    assert "three" not in done.answer


def test_a_percentage_is_answered_by_a_percentage(full_index, full_settings):
    # MD2996: "…confirms that a pay award of 2 per cent for 2022-23 should be made to the GLA’s Chief Officer…"
    result = answer_question(
        full_index, "By what percentage was the GLA Chief Officer's pay raised for 2022-23?", full_settings
    )
    assert result.answer == "2 per cent"
    assert "2 per cent for 2022-23" in result.citations[0].quote


def test_a_code_spelt_out_and_described_by_its_relative_clause(full_index, full_settings):
    # DD2764: "…released via Director Decision (DD) 2752, which approved expenditure of £25,000 on London
    # Building Safety Standards research, and DD2754, which approved expenditure of £75,000…". Before,
    # the comma in "£25,000" ended DD2752's clause and gave its words to DD2754.
    result = answer_question(
        full_index,
        "Under which decision was £25,000 spent on London Building Safety Standards research?",
        full_settings,
    )
    assert result.answer == "Director Decision (DD) 2752"


def test_a_code_spelt_out_without_its_short_form_answers_which_decision(full_index, full_settings):
    # DD2515: "In August 2018, Mayoral Decision 2338 approved expenditure of up to £212.5m for the Royal
    # Docks Enterprise Zone (EZ) Delivery Plan…": the number after "Mayoral Decision" is MD2338.
    result = answer_question(
        full_index,
        "Which Mayoral Decision approved the Royal Docks Enterprise Zone Delivery Plan?",
        full_settings,
    )
    assert result.answer in ("Mayoral Decision 2338", "Mayoral Decision (MD) 2338")
    assert "2338" in result.citations[0].quote


def test_an_answer_from_a_passage_missing_the_question_s_rare_words_is_withheld(full_index, full_settings):
    # No decision says what the scrappage scheme gave to charities in Ukraine. MD2563's "£23 million" for
    # the scheme was given before the confidence model (answer_confidence) weighed the missing words.
    result = answer_question(
        full_index,
        "How much did the scrappage scheme give to charities in Ukraine?",
        full_settings,
    )
    assert not result.answered
    assert "covers too little of the question" in result.explanation


def test_an_answer_s_confidence_is_the_model_s_probability(full_index, full_settings):
    from search_api import answer_confidence

    seen = []
    answer_confidence.observer = lambda _q, found: seen.append(found)
    try:
        result = answer_question(full_index, "Crossrail BRS rateable value threshold 2026-27", full_settings)
    finally:
        answer_confidence.observer = None
    assert result.answered and result.confidence >= answer_confidence.THRESHOLD
    assert result.confidence == round(answer_confidence.probability(seen[-1]), 3)


def test_a_name_is_not_found_in_a_word_the_stemmer_folds_into_it(full_index, full_settings):
    from decisions.words import stem_with_irregulars

    # DD2758 is the "Civil Society and Sport unit"'s; it never names Sport Unites. "Unites" and
    # "unit" shared a stem, so its £170,000 for 2025-26 answered for Sport Unites.
    assert stem_with_irregulars("Unites") != stem_with_irregulars("unit")
    assert stem_with_irregulars("police") != stem_with_irregulars("policy")
    # A verb in "-ify" and its noun in "-ification" are one word; an unrelated word stays apart.
    assert stem_with_irregulars("notify") == stem_with_irregulars("notification")
    assert stem_with_irregulars("notified") == stem_with_irregulars("notifying")
    assert stem_with_irregulars("notify") != stem_with_irregulars("note")
    result = answer_question(full_index, "What was the Sport Unites budget for 2025-26?", full_settings)
    assert not result.answered


def test_a_name_said_jointly_with_another_is_answered_with_it_unless_paired_respectively(
    full_index, full_settings
):
    # DD2595 (corpus/gla/): "…to the senior managers of the Warmer Homes programme (Alice Bradley and Sally
    # Frazer)": either alone is half the answer.
    joint = answer_question(
        full_index, "Who at Warmer Homes can approve a social landlord's retrofit proposal?", full_settings
    )
    assert joint.answered and "Alice Bradley and Sally Frazer" in joint.answer
    # MD2179: "…by Michael Rakowitz and Heather Phillipson, will be unveiled in March 2018 and March 2020
    # respectively": the pair says which one is asked.
    paired = answer_question(
        full_index, "Which artist's Fourth Plinth work was to be unveiled in March 2020?", full_settings
    )
    assert paired.answer == "Heather Phillipson"


@pytest.mark.parametrize(
    "question, answer",
    [
        # MD3388 (corpus/gla/): "1. confirms that a pay award of 2.5 per cent should be awarded to the 13
        # Mayoral Appointees". "rise" names what is asked (as "percentage" does), not a word to hold.
        ("What pay uplift did the 13 Mayoral Appointees receive for 2025-26?", "2.5 per cent"),
        # ADD2499: "Expenditure of £30,000 in financial year 2020-21 on small grants (under £10k)": a sum
        # bounding a kind of grant is no sum spent.
        ("How much went on Urban Forest Plan small grants in 2020-21?", "£30,000"),
        # MD3057: "…deployment of the remaining £750,000 Growing Places Fund revenue budget…" and "Approval
        # for £410,000 place-based support will be considered separately…": the whole's words describe
        # the pool, the part's say which figure is asked.
        (
            "How much of the remaining Growing Places Fund revenue was earmarked for place-based support work?",
            "£410,000",
        ),
    ],
)
def test_the_figure_asked_is_read_as_what_it_is(full_index, full_settings, question, answer):
    result = answer_question(full_index, question, full_settings)
    assert result.answered and result.answer == answer


def test_a_sum_the_question_states_is_never_its_answer_however_written(full_index, full_settings):
    # MD1545 (corpus/gla/) approves "up to £310.7 million" for Round 2 Housing Zones and names no zone's
    # share: asked a part of the £310.7m, the whole written another way is no answer.
    result = answer_question(
        full_index,
        "Of the £310.7m Round 2 Housing Zones funding, how much is for Meridian Water?",
        full_settings,
    )
    assert "310.7" not in result.answer


def test_a_chief_officer_decision_is_a_code_to_answer(full_index, full_settings):
    # MD2996: "…the pay award has been confirmed via CO385." "CO385" was no reference code: asked which
    # Chief Officer decision, the answerer found no code to give.
    result = answer_question(
        full_index, "Which Chief Officer decision confirmed the 2022-23 GLA staff pay award?", full_settings
    )
    assert result.answer == "CO385"
    assert {c.ref for c in result.citations} == {"MD2996"}


@pytest.mark.parametrize(
    ("question", "expected", "ref"),
    [
        # MD1437: "…2015-16 non domestic rates bills which are due to be issued before the end of March
        # 2015": a deadline, answered with its word ("end of March 2015" was counted wrong).
        ("By when were 2015-16 business rates bills carrying the Crossrail BRS due to go out?",
         "before the end of March 2015", "MD1437"),
        # MD2179: "The next two commissions, by Michael Rakowitz and Heather Phillipson, will be unveiled
        # in March 2018 and March 2020 respectively." Two asked: not the one paired with a date.
        ("Which two artists' commissions were to be unveiled on the Fourth Plinth in March 2018 and "
         "March 2020?", "Michael Rakowitz and Heather Phillipson", "MD2179"),
        # DD2595: "…the funding agreement with BEIS, where the GLA has allocated funds to support the
        # retrofit of 315 homes": "BEIS-funded" is BEIS and funding.
        ("How many social housing homes does the BEIS-funded Warmer Homes allocation support retrofit of?",
         "315 homes", "DD2595"),
        # MD3166: "…allocates £50 million from the Environmental Improvement Reserve ("EIR") to TfL."
        ("How much did the GLA give TfL from the Environmental Improvement Reserve for the ULEZ scrappage "
         "scheme changes in August 2023?", "£50 million", "MD3166"),
    ],
)  # fmt: skip
def test_the_answer_says_all_that_is_asked(full_index, full_settings, question, expected, ref):
    result = answer_question(full_index, question, full_settings)
    assert result.answer == expected
    assert {c.ref for c in result.citations} == {ref}


def test_a_sentence_about_other_years_does_not_answer_for_the_asked_one(full_index, full_settings):
    # The only sentence found says "…grant funding to L&P from 2011/12 to 2014/15".
    result = answer_question(full_index, "London & Partners grant for 2015/16", full_settings)
    assert "2011/12 to 2014/15" not in result.answer


def test_a_day_in_a_sentence_about_another_year_does_not_answer(full_index, full_settings):
    # MD3298: "In 2022, a salary determination ("2022 Determination") was agreed by the Assembly at its Plenary
    # meeting of 15 December 2022…" and "The London Assembly considered and approved the 2024 determination at
    # their Plenary meeting on 10 October 2024."
    question = (
        "When did the London Assembly approve the 2024 Elected Members Salaries Determination at plenary?"
    )
    result = answer_question(full_index, question, full_settings)
    assert result.answer == "10 October 2024"
    # The years of its dates are not what a sentence is about (MD2067: "…effective from 1 April 2016 to
    # his staff appointed under s67(1) (a) and (b) of the GLA Act 1999").
    result = answer_question(
        full_index,
        "From what date did the 2016/17 pay award apply to the Mayor's s67 appointees?",
        full_settings,
    )
    assert result.answer == "1 April 2016"


def test_who_received_a_grant_is_the_name_it_went_to(full_index, full_settings):
    # ADD304: "…to provide grant assistance of £269,000 (made up of £200,000 capital and £69,000 revenue),
    # to Groundwork London in 2015/16 and 2016/17 for the creation of a temporary mobile community garden at
    # Chobham Manor on Queen Elizabeth Olympic Park (QEOP)": not the place nearest the garden's words.
    for asked in (
        "Who was given the LLDC grant for the temporary garden at Chobham Manor?",
        "Who received the Legacy Corporation's grant for the temporary mobile community garden?",  # not the place
    ):
        result = answer_question(full_index, asked, full_settings)
        assert result.answer == "Groundwork London" and result.citations[0].ref == "ADD304"


def test_a_part_asked_is_the_figure_of_its_line_not_the_total_introducing_it(full_index, full_settings):
    # DD2496: "1. Expenditure of £125,000 in 2020-21 to fund sustainable drainage projects, comprising:" then
    # "• £60,000 for hydraulic modelling to demonstrate the benefits…". Asked the total, the total.
    part = answer_question(
        full_index, "How much is the 2020-21 sustainable drainage hydraulic modelling budget?", full_settings
    )
    assert part.answer == "£60,000" and part.citations[0].ref == "DD2496"
    whole = answer_question(
        full_index, "What is the total 2020-21 sustainable drainage projects budget?", full_settings
    )
    assert whole.answer == "£125,000"


def test_asked_who_gave_a_grant_the_body_it_came_from_answers(full_index, full_settings):
    # MD3306: "- $92,544 (£70,777) grant funding (from the US Embassy) into the Diversity in the Public Realm
    # Budget, for the learning…"; MD1597: "Reallocates £200m from the Mayor's Housing Covenant to the Housing
    # Zones programme".
    gave = answer_question(
        full_index, "Which body gave the grant for learning activities on the Memorial?", full_settings
    )
    assert gave.answer == "the US Embassy" and gave.citations[0].ref == "MD3306"
    source = answer_question(
        full_index, "Where did the £200m for more Housing Zones come from?", full_settings
    )
    assert source.answer == "the Mayor's Housing Covenant" and source.citations[0].ref == "MD1597"


def test_a_borough_placing_the_topic_does_not_pull_a_code_question_away(full_index, full_settings):
    # DD2075: "On the 29th September 2016 ADD2033 approved expenditure of £35,000 to undertake valuation
    # work…", beside "the Mayor approved (MD1627), the proposal to acquire the former Webbs Industrial
    # site" in a paragraph naming Waltham Forest. The borough places the topic; the sum and work pick the code.
    asked = "Which decision approved £35,000 for valuation work near the former Webbs industrial site in Waltham Forest?"
    result = answer_question(full_index, asked, full_settings)
    assert result.answer == "ADD2033" and result.citations[0].ref == "DD2075"


def test_a_supplier_is_named_where_a_page_speaks_of_supplying(full_index, full_settings):
    # No page says who built a data warehouse; MD3089's "…to extend the GLA’s London Migrant Health and
    # Substance Misuse post until 31 March 2024" names a post, in a sentence that contracts with no one.
    found = answer_question(
        full_index, "Which IT supplier built the GLA's rough sleeping data warehouse?", full_settings
    )
    assert "Migrant Health" not in found.answer


def test_a_deadline_is_a_date_a_sentence_sets_a_limit_by(full_index, full_settings):
    # MD2751: "…the Development Agreement that was entered into in May 2013…" dates the agreement; no page
    # gives ABP a deadline to remedy its failures.
    for question in (
        "What remedial deadline was ABP given to fix its failures at Royal Albert Dock?",
        "By what deadline must ABP remedy its failures at Royal Albert Dock?",
    ):
        assert not answer_question(full_index, question, full_settings).answered
    # A sentence that sets the limit is still read: "The deadline for submission of bids in the initial
    # phase was 30 September 2014".
    found = answer_question(full_index, "Housing Zones initial phase bid deadline", full_settings)
    assert found.answer == "30 September 2014"


def test_other_decisions_stating_the_same_answer_are_cited_too(full_index, full_settings):
    # MD3039: "The Mayor approved the creation of the wider Creative Enterprise Zone programme under cover
    # of MD2196…"; MD2807: "The Mayor approved the creation of the programme under cover of MD2196…".
    result = answer_question(
        full_index, "Under which mayoral decision was the Creative Enterprise Zones programme first approved?",
        full_settings,
    )  # fmt: skip
    assert result.answer == "MD2196"
    assert {"MD2807", "MD3039"} <= {c.ref for c in result.citations}
    assert all("MD2196" in c.quote for c in result.citations)


def test_a_sum_is_answered_as_fully_as_the_decision_states_it(full_index, full_settings):
    # DD2342 says "A budget of £144,000 has been included within the GLA’s 2019/20 budget…" and, in the
    # decision, "Expenditure of up to £144,000 on the London Food Programme in 2019/20."
    result = answer_question(
        full_index, "What was the London Food Programme's budget for 2019/20?", full_settings
    )
    assert result.answer == "up to £144,000"
    assert result.citations[0].quote.startswith("Expenditure of up to £144,000")


def test_asked_the_first_sum_a_later_top_up_is_not_it(full_index, full_settings):
    # corpus/gla DD2707: "…was established with £1.125M support from the Department for Levelling Up…"
    # and later "a further £16k".
    result = answer_question(
        full_index,
        "How much did DLUHC put into the Local Growth Capacity Support Programme at the start?",
        full_settings,
    )
    assert result.answer == "£1.125M" and result.citations[0].ref == "DD2707"


def test_a_decision_stating_the_same_sum_barely_is_cited_too(full_index, full_settings):
    # corpus/gla DD2695: "…the Mayor (under cover of MD3230) approved expenditure of up to £64.31m…"; MD3230
    # itself: "…with expenditure approval of £64.31m (£21.58m revenue and £42.73m capital)…".
    result = answer_question(
        full_index, "Royal Docks delivery plan 2024-25 to 2028-29 total expenditure approval", full_settings
    )
    assert "£64.31m" in result.answer
    assert {"DD2695", "MD3230"} <= {c.ref for c in result.citations}


# (question, what the answer holds, the decision first cited): read where the sentence alone would mislead.
CITED_ANSWERS = [
    # MD1469: "…applications made via the Mayor’s High Streets Space Hive online platform": a word the
    # question joins ("Spacehive"), the page writes as two.
    (
        "How much went to projects crowdfunded on the Spacehive platform in the 2015-16 High Street Fund?",
        "£314,452",
        "MD1469",
    ),
    # MD1507: "The Mayor’s Chief of Staff wrote to the Chairman of … (LFEPA) on 11 May 2015 …" and "The Chairman of
    # LFEPA replied on 19 May 2015…": the date the question's own verb governs, not the reply's.
    (
        "When did the Mayor's Chief of Staff write to the LFEPA chairman about joining the panel that picks the next Fire Commissioner?",
        "11 May 2015",
        "MD1507",
    ),
    # MD2895: "…expenditure of up to £3,670,000 (consisting of £270,000 in 2021-22, … and £1m in 2024-25)"; DD2695:
    # "…up to £64.31m for the next five-year Royal Docks Delivery Plan period (2024-25 to 2028-29)": the
    # period asked as one span ("2021-25"), said as its years.
    ("Total spend approved for Sport Unites over 2021-25", "£3,670,000", "MD2895"),
    ("Royal Docks delivery plan budget for 2024-29", "£64.31m", "DD2695"),
    # MD2815: "…approval of expenditure of £672,000 between 2021-24 to deliver:" over "1. revenue expenditure
    # of up to £522,000 between 2021-24…": revenue is not asked, the whole is.
    ("How much will the Fourth Plinth cost over 2021-24?", "£672,000", "MD2815"),
    # MD3135: "…at a total cost of up to £17.27m" and "a. £17.27m to procure…": a rounded sum stated nowhere
    # exactly is given as fully as it is stated.
    ("Cost of the No Second Night Out service 2024-2027", "up to £17.27m", "MD3135"),
    # MD1507: "The Mayor is therefore being asked to direct LFEPA to secure his Chief of Staff’s participation
    # in the process": asked "whose participation", the post owning it.
    ("In MD1507, whose participation was LFEPA directed to secure?", "Chief of Staff", "MD1507"),
    # MD2807: "…up to three further zones, bringing the total to up to 12 zones" beside "The expansion aims to
    # enable the delivery of three new Creative Enterprise Zones": asked the total after it, the one reached.
    (
        "After the 2022-23 expansion, how many Creative Enterprise Zones will there be in total?",
        "12 zones",
        "MD2807",
    ),
    # MD3063: "A new HS2 station will open in Old Oak Common (OOC) in around 2030": a year said with its hedge.
    ("When will the new HS2 station at Old Oak Common open?", "around 2030", "MD3063"),
    # PCD1263 (decision by "Sophie Linden, Deputy Mayor, Policing and Crime"): "• Approve the individual project
    # funding requests stated in Table 1 and Appendix 1 which total to £43,673,238." The post named in the
    # question took the decision; the sentence need not name it.
    (
        "Total value of the three-year VRU project funding requests the Deputy Mayor for Policing and Crime approved",
        "£43,673,238",
        "PCD1263",
    ),
    # DMFD262: "…to seek the prior approval of the Deputy Mayor before “[a] commitment to expenditure (capital
    # or revenue) of £150,000 or above": asked the threshold, the sum with the bound the text gives it.
    (
        "Above what amount must the London Fire Commissioner get the Deputy Mayor's prior approval?",
        "£150,000 or above",
        "DMFD262",
    ),
    # DD2750: "approves expenditure of up to £803,000 in order to increase the existing grant funding …
    # for the 2024-25 academic year": a top-up, not the year's budget, which MD3224 approves ("up to £140m
    # to continue to deliver the UFSM programme … in the 2024-25 academic year").
    (
        "What is the universal free school meals budget for the 2024-25 academic year?",
        "£140m",
        "MD3224",
    ),
    # MD3086: "The GLA estimates, currently, that the Crossrail BRS will raise c£253.5 million in 2023-24" and "It
    # expects to apply c£130 million of BRS and … (MCIL) revenues in 2023-24 to fund the financing costs":
    # asked what the levy brings in, a sum applied goes out.
    (
        "How much is the Crossrail business rates levy expected to bring in during 2023-24?",
        "c£253.5 million",
        "MD3086",
    ),
    # MD3418: "- delegates authority to the Assistant Director of Environment and Energy, in consultation with the
    # Deputy Mayor …, to approve:" then "- LCEF funding allocations, following an assessment process…": the
    # item naming no one is answered by the post its line empowers.
    (
        "Who approves LCEF funding allocations in 2025-26?",
        "Assistant Director of Environment and Energy",
        "MD3418",
    ),
    # …and asked by the fund's full name and its round, which the item writes as "LCEF" and the decision's
    # summary as "an eighth round of the programme".
    (
        "Who can approve funding allocations for the eighth round of the London Community Energy Fund?",
        "Assistant Director of Environment and Energy",
        "MD3418",
    ),
    # MD2528: "The combined funding from the UTCF, GLA and boroughs will enable the planting of 7691 new street
    # trees": the fund named in full is the one its initials stand for, in the decision naming the Commission.
    (
        "How many new street trees will the Forestry Commission Urban Tree Challenge Fund grant, together with "
        "GLA and borough match funding, pay for?",
        "7691",
        "MD2528",
    ),
    # MD2347, "Air quality programme – supporting work (2018/19 to 2020/21)": the year's figure ("£370,000 in
    # 2018/19"), not the three years' "£910,000", which its sentence dates by no year.
    ("How much was set aside for the air quality supporting work in 2018/19?", "£370,000", "MD2347"),
    # MD1384: the round "approved in 2014" says which round; the artists are asked, not who approved it.
    (
        "Which two artists won the fourth Fourth Plinth commissioning round approved in 2014?",
        "Hans Haacke and David Shrigley",
        "MD1384",
    ),
    # MD3135: "…the No Second Night Out service (which forms part of the Mayor’s Life off the Streets programme)":
    # the programme's name, not the sentence.
    ("No Second Night Out is part of which Mayoral programme?", "Life off the Streets programme", "MD3135"),
    # DD2075 writes "£35,000": the question's "£35k" is the same sum, held as the question's words are.
    (
        "Which earlier decision paid £35k for valuation work on the sites around the former Webbs Industrial "
        "site in Blackhorse Lane?",
        "ADD2033",
        "DD2075",
    ),
    # DD2285: "…expenditure of £3.2m … comprising: • £2.2m … Construction Academy …; and • £1m on the Mayor’s
    # careers campaign": both parts asked, joined by "together with", so their whole.
    (
        "In 2018, how much Business Rates Retention Pilot money was approved for expanding the Mayor's "
        "Construction Academy together with a careers campaign?",
        "£3.2m",
        "DD2285",
    ),
    # MD1384: a search for the artists chosen asks their names, not a sentence about them.
    (
        "Fourth Plinth artists chosen in 2014 for the next two commissions",
        "Hans Haacke and David Shrigley",
        "MD1384",
    ),
    # MD2339: "…granted funding of £3.2m by [Department for Environment, Food and Rural Affairs (DEFRA)]": the
    # sum's decimal point ends no sentence, so the name after "by" is the giver.
    (
        "Who funds the Drain London surface water flood risk programme?",
        "Department for Environment",
        "MD2339",
    ),
    # DD2075: "…ADD2033 approved expenditure of £35,000 to undertake valuation work for the potential acquisition
    # of these sites in the vicinity of the Webbs site": Blackhorse Lane, after the site, only places it.
    ("cost of valuation of sites near Webbs site Blackhorse Lane", "£35,000", "DD2075"),
    # MD2943: "The GLA expects to apply c£150 million of BRS and … revenues in 2022-23": asked the income spent,
    # the sum applied is the answer.
    (
        "How much of its BRS and Mayoral CIL income did the GLA expect to spend on Crossrail financing in 2022-23?",
        "c£150 million",
        "MD2943",
    ),
    # MD2662: "…seeks approval to use £400,000 of that £45m of YLF funding…": the pool is named after the part.
    (
        "How much Young Londoners Fund money went on extra youth activities in summer and autumn 2020?",
        "£400,000",
        "MD2662",
    ),
    # MD3057: "…delegates authority to the Head of Regeneration to approve detailed expenditure of this
    # allocation": the Growing Places Fund is named elsewhere in the decision, not in that sentence.
    (
        "MD3057 Growing Places Fund revenue - who was given delegated authority to approve detailed spend?",
        "Head of Regeneration",
        "MD3057",
    ),
    # MD2886: "…to deliver works to a further 458 homes" and "By winter 2021 it is expected to have improved
    # over 2,000 homes…": asked how many more, the extension adds the first; the second is the whole.
    ("How many more homes will the Warmer Homes extension in 2021/22 reach?", "458", "MD2886"),
    # MD3409: "• the award of up to £3.7m additional construction funding to Adult Skills Fund (ASF) grant
    # providers": "providers" is who is paid, not "provided" saying the fund gives the money.
    ("Adult Skills Fund grant providers extra construction funding", "£3.7m", "MD3409"),
    # MD3465: "The GLA estimates, currently, that the Crossrail BRS will raise c£290 million in 2026-27." — not
    # "It expects to apply c£111 million of Crossrail BRS … to fund the financing costs": what a levy brings in.
    (
        "How much is the Crossrail business rate supplement expected to bring in for 2026-27?",
        "£290 million",
        "MD3465",
    ),
    # MD3255, titled "2024-25 pay award for the GLA's Mayoral Appointees…": "confirms a pay award of 4.5 per
    # cent to the 13 Mayoral Appointees". The decision never says "political": the title's words place it.
    ("What pay rise did the Mayor's political appointees get in 2024-25?", "4.5 per cent", "MD3255"),
    # MD2815: "Before COVID-19, the Fourth Plinth commissions were seen by 40,000 people a day." ("daily": "a day")
    ("Fourth Plinth daily visitors before Covid", "40,000", "MD2815"),
    # ADD2499: "…the Forestry Commission is allocating £20,000 to fund a coordinator role": "putting towards"
    # is how the question asks, no word the decision must use.
    (
        "How much is the Forestry Commission putting towards an urban forest partnership coordinator?",
        "£20,000",
        "ADD2499",
    ),
    # MD3252: "…the report will be submitted to the DfE and is due by 31 March 2024" — not "1 August 2022", the
    # start of the academic year the report covers.
    (
        "By when did the AEB annual report for 2022-23 have to be submitted to the Department for Education?",
        "31 March 2024",
        "MD3252",
    ),
    # ADD2791: "1. Staffing resource within the GLA (£399,000), …". The code opening the search is no part of
    # a name "ADD2791 GLA" that the passage would have to hold.
    ("ADD2791 GLA staffing resource amount", "£399,000", "ADD2791"),
    # MD2971: "The area sits across three borough boundaries (Ealing, Brent, and Hammersmith & Fulham)": boroughs
    # listed together are one answer, though each is a single capitalised word.
    (
        "Which boroughs does the Old Oak and Park Royal regeneration area cross?",
        "Ealing, Brent, and Hammersmith & Fulham",
        "MD2971",
    ),
    # MD1545: "…within the London Boroughs of Waltham Forest, Brent (two Zones), Enfield, …": one borough is
    # asked, the one whose note in brackets says what the question asks.
    ("In the second round of Housing Zones, which borough got two zones?", "Brent", "MD1545"),
    # MD2472: "…the two documents will be submitted to [the London Assembly] for its Members to note": the body
    # after the verb whose "to" ends the question.
    (
        "Once the Mayor approved the refreshed decision-making and financial regulations documents in 2019, who "
        "were they submitted to for noting?",
        "London Assembly",
        "MD2472",
    ),
    # MD2028: "…promotional activities undertaken by [Think London (inward investment), Visit London (tourism)
    # and Study London (education)]": the list ending a sentence, after the word leading to it.
    (
        "Which separate promotional agencies were brought together when London & Partners was created?",
        "Think London (inward investment), Visit London (tourism) and Study London (education)",
        "MD2028",
    ),
    # DD2352: "…two projects from the Good Growth Fund round 2 reserve list: [A and B]": as many as asked.
    (
        "Which two reserve-list projects were funded from the Small Sites underspend in Good Growth Fund round 2?",
        "Better Bankside’s ‘Crossing the Line’ project and the London Borough of Redbridge’s ‘The Forge Centre’",
        "DD2352",
    ),
    # MD2265: "Transfer of £0.7m from [the Youth Innovation Fund] to the Young Londoners Fund ‘Impact for Youth’
    # project": a fund's kind is no word of the question's when where money came from is asked.
    (
        "Where did the £0.7m transferred into the Young Londoners Fund ‘Impact for Youth’ project come from?",
        "Youth Innovation Fund",
        "MD2265",
    ),
    # PCD 1263: "Approve the individual project funding requests … which total to £43,673,238." The code written
    # with a space ("PCD 1263") is the code; its prefix is no word the passage must hold.
    (
        "What do the Violence Reduction Unit project funding requests in PCD 1263 add up to?",
        "£43,673,238",
        "PCD1263",
    ),
    # MD2255: "In [the 2016 Autumn Statement], the government announced the commitment to devolve the Adult
    # Education Budget (AEB) in London to the Mayor.": an event of a year dates what was done at it.
    (
        "When did the government announce it would devolve the adult education budget to the Mayor of London?",
        "2016 Autumn Statement",
        "MD2255",
    ),
    # DD2285: "…approves the expenditure of £3.2m (of funding approved under [the Business Rates Retention Pilot])":
    # the pot money is drawn under, asked which pot paid.
    (
        "What pot of funding paid for the £3.2m construction academy expansion and careers campaign in 2018?",
        "Business Rates Retention Pilot",
        "DD2285",
    ),
    # DD1221: "…the deployment of London Ambassadors at 9 key locations across the city": places counted by
    # another of their words.
    (
        "At how many spots around the city were volunteer ambassadors stationed during the 2014 Team London "
        "summer programme?",
        "9",
        "DD1221",
    ),
    # MD2714: "…total approved expenditure on air quality in the year to £692,000, from a budget of [£740,000]":
    # "out of which £692,000 had been approved" describes the sum stated, and asks no outcome.
    (
        "What was the full air quality budget for 2020/21, out of which £692,000 had been approved?",
        "£740,000",
        "MD2714",
    ),
    # MD2289: "Love London £126,000 - [£36,000] of which is slippage from 2017-18": the part whose own word is
    # asked, though the question's year stands in its lead.
    (
        "In the 2018 culture programme, how much of the Love London budget was slippage from the year before?",
        "£36,000",
        "MD2289",
    ),
    # MD3175: "[Community Energy London] would manage the administration of LCEF 7…": the body the asked act
    # follows, its name in plain words ending in a place ("LCEF", the fund the question names in lower case,
    # is never the answer).
    (
        "Who would administer the seventh round of the Mayor's community energy fund?",
        "Community Energy London",
        "MD3175",
    ),
    (
        "Which body handles administration of round seven of the community energy fund?",
        "Community Energy London",
        "MD3175",
    ),
    (
        "Which organisation will administer the community energy fund's seventh round?",
        "Community Energy London",
        "MD3175",
    ),
    # MD2510: "…increasing the total amount available for Round 2 from £15,000,000 to [£16,425,000]": the total a
    # change reaches, said with fewer of the question's words than the top-up's own sentence.
    (
        "After the top-up from unallocated scale-up money, how big was the Young Londoners Fund Round 2 grant pot?",
        "£16,425,000",
        "MD2510",
    ),
    # ADD2753: "…expenditure of [£27,972] to establish a Community Energy Taskforce…": a budget asked "to set up"
    # London's Taskforce.
    ("What is the budget to set up London's Community Energy Taskforce?", "£27,972", "ADD2753"),
    # MD3367: "…funded through a drawdown from [the Strategic Investment Fund within GLA Group Reserves]".
    (
        "From what reserve is the one-off £978,000 top-up to London & Partners' 2025-26 grant drawn?",
        "Strategic Investment Fund",
        "MD3367",
    ),
    # MD3063: "…a supplementary budget of up to £1m funded from [the Mayoral Development Corporation (MDC)
    # Reserve], from previous OPDC underspends": what it was funded from, in other words than the question's.
    (
        "Where is the extra money for the Old Oak and Park Royal Development Corporation in 2022-23 coming from?",
        "Mayoral Development Corporation (MDC) Reserve",
        "MD3063",
    ),
    # MD2289: "Love London £126,000 - [£36,000] of which is slippage from 2017-18": the part asked by its own
    # word, not the whole before it.
    ("Love London budget in MD2289 - how much is slippage from 2017-18?", "£36,000", "MD2289"),
    # MD2968: "…as follows: [£1,447,300] to Peabody Trust…": a sum sent to the body asked needs not repeat the
    # programme's name, stated once above.
    (
        "How much extra Green Homes Grant LAD funding was reallocated to Peabody for solar PV?",
        "£1,447,300",
        "MD2968",
    ),
    # MD2265: "Allocation of [£3.615m] … to the Mayor’s Office for Policing and Crime", not MD2662's "£500,000 of
    # income from MOPAC" (the body by its initials, as a source).
    (
        "How much of the £45m Young Londoners Fund went to the Mayor's Office for Policing and Crime?",
        "£3.615m",
        "MD2265",
    ),
    # DD1457: "…from £100,000 (previously agreed via [MD1429])…", not "ADD329 approved … £13,700": the
    # question's sum says which approval.
    (
        "Which decision originally approved the £100,000 grant pot for the London Tree and Woodland Community "
        "Grant Scheme 2015-16?",
        "MD1429",
        "DD1457",
    ),
    # DD2352's record: its text says "additional" for the question's "extra".
    (
        "Who approved the extra Good Growth Fund money for Crossing the Line and the Forge Centre?",
        "Debbie Jackson",
        "DD2352",
    ),
    # MD2713: "…matched funding by The [National Lottery Community Foundation #iwill Fund]": the agent after
    # "by The".
    (
        "Who provided National Lottery match funding for Young London Inspired's second phase?",
        "National Lottery Community Foundation",
        "MD2713",
    ),
    # MD2179: "Which artists made … in MD2179?": a code where the thing was made, not the decision made.
    (
        "Which artists made the 12th and 13th Fourth Plinth commissions in MD2179?",
        "Michael Rakowitz and Heather Phillipson",
        "MD2179",
    ),
    # MD2714: "This will take total approved expenditure on air quality in the year to [£692,000]": the total
    # reached, read from the text, not the record's own sum (its "additional" is the question's "extra").
    (
        "What did the extra 2020/21 air quality spending take the year's total approved air quality expenditure "
        "to?",
        "£692,000",
        "MD2714",
    ),
    # ADD2167: "[Sport England] is contributing £54,000…"; "…affected by the Grenfell Tower tragedy" names no
    # agent ("by the", not a name's own "The").
    (
        "Which organisation put £54,000 into the Sport 4 Good Cluster set up after the Grenfell Tower fire?",
        "Sport England",
        "ADD2167",
    ),
    # DD2114: "The GLA’s [Housing & Land and Regeneration Teams] are developing…": an ampersand joins a name,
    # and "Teams" is the asked noun in the plural.
    (
        "Which GLA teams were developing the programme for small publicly owned sites?",
        "Housing & Land and Regeneration Teams",
        "DD2114",
    ),
    # MD3115: "…over 200,000 night-time jobs were lost in London [between 2017 and 2022]": a period asked
    # "2017-2022", said in words.
    ("How many night-time jobs did London lose over 2017-2022?", "over 200,000", "MD3115"),
    # MD2900: "The GLA has successfully bid for [£40,237,555] from the Sustainable Warmth grant competition":
    # a bid goes to the competition, the money comes from it.
    (
        "How much did the GLA secure through its bid to the Sustainable Warmth competition?",
        "£40,237,555",
        "MD2900",
    ),
    # MD2968: "The budget needs to be spent by the end of [June 2022]": the agreeing is in a clause after the
    # asking one; no signing date is asked.
    (
        "By when does the Green Homes Grant LAD 1b budget have to be spent after the extension BEIS agreed?",
        "June 2022",
        "MD2968",
    ),
    # MD1366: "…the £200m contribution from HMG is in the form of [a repayable investment]": a basis asked, a
    # form said.
    (
        "On what basis was the government's £200m contribution to Housing Zones made?",
        "repayable investment",
        "MD1366",
    ),
    # MD3230: "…Delivery Plan period (2024-25 to 2028-29), with expenditure approval of £64.31m (£21.58m revenue
    # and [£42.73m] capital)": the period asked by the year it starts.
    (
        "What capital expenditure does the Royal Docks delivery plan starting 2024-25 include?",
        "£42.73m",
        "MD3230",
    ),
    # MD2751: "GLAP has written to ABP … [since December 2019]", asked after a dash, not "…entered into in May
    # 2013".
    (
        "ABP's performance at the royal docks - since when has GLAP been writing to ABP about its concerns?",
        "December 2019",
        "MD2751",
    ),
    # MD1437: "…the final prospectus for the BRS - ‘… Final prospectus’ ([January 2010])", not the day the rates
    # bills go out.
    (
        "Under MD1437, when was the final prospectus for the Crossrail business rate supplement issued?",
        "January 2010",
        "MD1437",
    ),
    # ADD2167: "…in addition to the £30,000 from the GLA Sports Team, with the total project cost of [£84,000]":
    # the total's own label stands a few words before it.
    (
        "What was the total cost of the Sport 4 Good Cluster once Sport England's money is counted?",
        "£84,000",
        "ADD2167",
    ),
    # MD1507: "The deadline for responses to the advertisement for his successor closed on [15 May 2015]", not
    # the day the Chief of Staff wrote to LFEPA.
    ("In 2015, when did responses to the London Fire Commissioner advert close?", "15 May 2015", "MD1507"),
    # MD2900: not "…secured over £8m in match funding from the Green Homes Grant…", a sum from another source.
    (
        "How much has London secured from the Sustainable Warmth grant competition?",
        "£40,237,555",
        "MD2900",
    ),
    # MD3230: "…expenditure approval of £64.31m ([£21.58m] revenue and £42.73m capital)": an element of a sum.
    (
        "What is the revenue element of the Royal Docks Delivery Plan for 2024-25 to 2028-29?",
        "£21.58m",
        "MD3230",
    ),
    # MD1437: "…to authorise the Executive Director of Resources to issue a notification to each billing
    # authority": "notify" and "notification" are one word; "which senior GLA officer" asks a post.
    (
        "Which senior GLA officer had to notify billing authorities about the 2015-16 Crossrail BRS policies?",
        "Executive Director of Resources",
        "MD1437",
    ),
    # DD2352: "This will take total approved capital expenditure through the Good Growth Fund to [£60,855,085]":
    # after its approvals, the fund's running total, not the decision's own £2,183,379.
    (
        "Following both approvals, what was total approved capital spending through the Good Growth Fund?",
        "£60,855,085",
        "DD2352",
    ),
    # MD3465: "The rateable value threshold above which the Crossrail BRS will apply … from £75,000 to [£92,000]",
    # not "…will raise c£290 million", a sentence that bounds nothing.
    ("Above what rateable value will the Crossrail BRS be charged in 2026-27?", "£92,000", "MD3465"),
    # MD2968: "The budget needs to be spent [by the end of June 2022]" says a deadline without the word.
    ("What deadline applies to spending the LAD 1b Green Homes Grant money?", "June 2022", "MD2968"),
    # MD2380: "…a minimum [481] additional households being retrofitted": "extra" said as "additional".
    (
        "How many extra households will be retrofitted under the £1.925m Warmer Homes funding top-up?",
        "481",
        "MD2380",
    ),
    # DD2114: "…estimates capacity for around [100,000] units…": housing capacity is counted in units.
    (
        "How much housing capacity did the 2013 SHLAA find on small sites under 0.25 hectares?",
        "100,000",
        "DD2114",
    ),
    # MD3252: "…the report … is due by [31 March 2024]", not the "2024-25" its title names.
    ("When is MD3252's annual report to the DfE due?", "31 March 2024", "MD3252"),
    # MD3112: "The London Assembly is due to consider this proposal … on [4 May 2023]": the cue word after the
    # dash names what the search wants, not the pay award's percentage.
    ("MD3112 pay award – date Assembly considers the proposal", "4 May 2023", "MD3112"),
]


@pytest.mark.parametrize("question, held, ref", CITED_ANSWERS)
def test_the_answer_holds_the_figure_and_cites_its_decision(full_index, full_settings, question, held, ref):
    result = answer_question(full_index, question, full_settings)
    assert held in result.answer and result.citations[0].ref == ref


def test_a_count_whose_noun_comes_before_its_number(full_index, full_settings):
    # corpus/gla MD2968: "The new total of homes would be 966, an increase of 130." — not the "42 further
    # homes" one landlord adds.
    result = answer_question(
        full_index,
        "Once Peabody and Kensington and Chelsea got more money, how many homes would the LAD retrofit scheme "
        "cover in total?",
        full_settings,
    )
    assert result.answer == "966" and result.citations[0].ref == "MD2968"


def test_a_debt_is_never_what_a_levy_raises(full_index, full_settings):
    # corpus/gla: "…residual Elizabeth line debt which is forecast to be £3.6 billion at 31 March 2026";
    # no page states what the BRS raises in 2025-26.
    result = answer_question(
        full_index, "How much is the Crossrail BRS forecast to raise in 2025-26?", full_settings
    )
    assert "3.6 billion" not in result.answer


def test_names_in_brackets_stand_where_the_people_they_restate_do(full_index, full_settings):
    # corpus/gla DD2595: "…delegation of authority to approve individual social landlord proposals to the
    # senior managers of the Warmer Homes programme (Alice Bradley and Sally Frazer)".
    result = answer_question(
        full_index,
        "Who were given the authority to approve individual social landlord retrofit proposals?",
        full_settings,
    )
    assert result.answer == "Alice Bradley and Sally Frazer" and result.citations[0].ref == "DD2595"


def test_a_list_item_s_number_is_no_count():
    # "1)    Team London (Volunteering) programme expenditure…" counts no volunteers.
    q = analyse_question("How many volunteers did Team London recruit in 2017-2018?")
    text = "1)    Team London (Volunteering) programme expenditure for 2017-2018 up to the value of £1.35m"
    assert spans_for("count", text, q, frozenset()) == []
    assert [s.text for s in spans_for("count", "It recruited 500 volunteers.", q, frozenset())] == [
        "500 volunteers"
    ]


def test_a_hyphen_between_letters_may_be_left_out(full_index, full_settings):
    # corpus/gla MD1384: "…23 artists submitted their proposals, six artists were short-listed and the two
    # winning artists have been announced."
    assert stems("six artists were short-listed")[0] >= stems("shortlisted")[0]
    result = answer_question(
        full_index,
        "How many artists made the shortlist for the 2014 Fourth Plinth commissions?",
        full_settings,
    )
    assert result.answer == "six artists" and result.citations[0].ref == "MD1384"


def test_asked_why_the_decision_s_own_words_are_no_reason(full_index, full_settings):
    # MD1507's decision: "That the Mayor directs LFEPA in relation to the appointment of the next London
    # Fire Commissioner…" says what was decided; its page gives the why elsewhere, in other words.
    got = answer_question(
        full_index,
        "Why did the Mayor direct LFEPA over appointing the next London Fire Commissioner?",
        full_settings,
    )
    assert not got.answer.startswith("That the Mayor")


def test_a_name_in_another_clause_of_the_sentence_is_another_item_s(full_index, full_settings):
    # MD3161: "…provide on-grant to London Councils for the Sub-Regional Immigration Advice Service…; and
    # exercise contractual options for the expansion of the Rapid Response Outreach Team…": the page names
    # no provider of the Team.
    got = answer_question(
        full_index,
        "Which provider delivers the Rapid Response Outreach Team that MD3161 expands?",
        full_settings,
    )
    assert "London Councils" not in got.answer


def test_asked_two_parts_of_a_sum_the_sum_answers_and_one_part_its_line(full_index, full_settings):
    # DD2285: "…approves the expenditure of £3.2m (of funding approved under the Business Rates Retention
    # Pilot) comprising: • £2.2m to increase the total revenue spend on the Mayor’s Construction Academy… •
    # £1m on the Mayor’s careers campaign."
    both = answer_question(
        full_index,
        "How much Business Rates Retention Pilot funding did DD2285 approve to expand the Construction Academy and run the careers campaign?",
        full_settings,
    )
    assert both.answer == "£3.2m" and both.citations[0].ref == "DD2285"
    # Named by its code, one part asked is still that part's line, not the record's approved sum.
    one = answer_question(
        full_index, "How much did DD2285 approve for the Mayor's careers campaign?", full_settings
    )
    assert one.answer == "£1m"


def test_a_name_after_an_abbreviation_in_brackets_is_read_with_its_sentence(full_index, full_settings):
    # MD1489: "…including the Department for Education and the private sector (i.e. Mars UK.)."
    got = answer_question(
        full_index,
        "Which private company is named as a funder of the GLA Food Programme's projects?",
        full_settings,
    )
    assert got.answer == "Mars UK" and got.citations[0].ref == "MD1489"


def test_asked_why_a_passage_giving_a_reason_answers_past_the_title(full_index, full_settings):
    # ADD2167: "…to help establish and fund a North Kensington ‘Sport 4 Good Cluster’ in response to the
    # Grenfell Tower tragedy", below its title "ADD2167 North Kensington Sport 4 Good Cluster".
    got = answer_question(
        full_index, "Why was the North Kensington Sport 4 Good Cluster created?", full_settings
    )
    assert "in response to the Grenfell Tower tragedy" in got.answer and got.citations[0].ref == "ADD2167"


def test_a_decision_starting_a_change_from_the_sum_asked_does_not_answer(full_index, full_settings):
    # MD3086 raised the Crossrail BRS threshold "from £70,000 to £75,000"; MD3465 raises it "from £75,000
    # to £92,000": its year is not the one asked.
    for asked in (
        "Which year's Crossrail BRS policies raised the threshold to £75,000?",
        "In which year did the Crossrail BRS threshold go up to £75,000?",
    ):
        got = answer_question(full_index, asked, full_settings)
        assert "2026" not in got.answer and all(c.ref != "MD3465" for c in got.citations)


def test_asked_why_the_cause_beside_the_best_passage_answers(full_index, full_settings):
    # ADD304's paragraph names the grant to Groundwork London, then "Mayoral consent is required because
    # the value of the grant exceeds the Legacy Corporation’s delegation level…" (a chunk ends between them).
    got = answer_question(
        full_index,
        "Why did the Legacy Corporation's Groundwork London grant for the Chobham Manor garden need Mayoral consent?",
        full_settings,
    )
    assert "exceeds the Legacy Corporation’s delegation level" in got.answer
    # MD1507: "The Chairman of LFEPA replied … that not all LFEPA Members were comfortable with that proposal.
    # The Mayor is therefore being asked to direct LFEPA…": the consequence is read with its cause.
    got = answer_question(
        full_index,
        "Why was the Mayor asked to direct LFEPA over his Chief of Staff's participation?",
        full_settings,
    )
    assert "not all LFEPA Members were comfortable" in got.answer and "therefore" in got.answer
    assert "not all LFEPA Members were comfortable" in got.citations[0].quote


def test_where_money_came_from_names_the_reserve_the_fund_sits_within(full_index, full_settings):
    # MD3367: "…funded through a drawdown from the Strategic Investment Fund within GLA Group Reserves".
    got = answer_question(
        full_index,
        "Where did the money for the one-off increase in London & Partners' core grant come from?",
        full_settings,
    )
    assert got.answer.endswith("Strategic Investment Fund within GLA Group Reserves")


def test_asked_what_a_change_brought_the_total_to_the_total_reached_answers(full_index, full_settings):
    # MD2714: "It approves expenditure of £260,000 in 2020/21. … This will take total approved expenditure
    # on air quality in the year to £692,000…"
    got = answer_question(
        full_index,
        "What did the additional 2020/21 air quality spend bring the year's total approved to?",
        full_settings,
    )
    assert got.answer == "£692,000"


def test_an_unnamed_decision_s_date_its_record_lacks_is_read_from_another(full_index, full_settings):
    # MD3224's page leaves "Date signed:" empty; DD2750 says "…on 18 January 2024 the Mayor approved
    # expenditure of up to £140m…".
    got = answer_question(
        full_index,
        "When did the Mayor approve up to £140m for universal free school meals in 2024-25?",
        full_settings,
    )
    assert got.answer == "18 January 2024" and got.citations[0].ref == "DD2750"
    # Named by its code, its record still says it does not state the date.
    assert not answer_question(full_index, "When was MD3224 signed?", full_settings).answered


def test_an_event_that_dates_the_subject_need_not_be_in_the_sentence(full_index, full_settings):
    # ADD2167: "Sport England is contributing £54,000 towards the project."
    got = answer_question(
        full_index,
        "How much is Sport England putting into the Sport 4 Good Cluster set up after the Grenfell Tower fire?",
        full_settings,
    )
    assert got.answer == "£54,000"


def test_asked_when_someone_left_the_day_they_started_does_not_answer(full_index, full_settings):
    # MD2306 appoints Mary Harpley as Chief Officer "with effect from 10 September 2018".
    got = answer_question(
        full_index, "When did Mary Harpley step down as the GLA's Chief Officer?", full_settings
    )
    assert "10 September 2018" not in got.answer
    got = answer_question(full_index, "When did Mary Harpley become the GLA's Chief Officer?", full_settings)
    assert "10 September 2018" in got.answer
    # Nor, asked when the decision appointing her was signed, the day she takes the post.
    got = answer_question(
        full_index, "When was the decision appointing Mary Harpley as Chief Officer signed?", full_settings
    )
    assert "10 September 2018" not in got.answer


def test_asked_which_two_things_the_pair_joined_by_and_answers(full_index, full_settings):
    # MD2792: "…a proposal to combine the GLA Group Investment Syndicate (GIS) and London Strategic Reserve
    # (LSR) into a single fund."
    got = answer_question(
        full_index,
        "Which two investment pools did the 2021-22 treasury strategy plan to combine?",
        full_settings,
    )
    assert "GLA Group Investment Syndicate (GIS) and London Strategic Reserve (LSR)" in got.answer


def test_a_day_given_without_its_year_answers_when_no_dated_day_does(full_index, full_settings):
    # MD2410: "The letter, MoU and related documents were approved at a meeting of the AEB Mayoral Board on
    # 10 January, which…"; the page gives no year for that meeting.
    question = "When did the AEB Mayoral Board approve the delegation letter and Memorandum of Understanding?"
    assert answer_question(full_index, question, full_settings).answer == "10 January"
    # Asked "from what date", the day with its year ("1 August 2019") is the one a user wants.
    question = "From what date were AEB functions delegated to the Mayor?"
    assert answer_question(full_index, question, full_settings).answer == "1 August 2019"


def test_a_post_s_word_does_not_name_the_body_it_heads(full_index, full_settings):
    # The invitation: "…overseen by the London Recovery Board, chaired jointly by the Mayor of London, Sadiq
    # Khan…"; MD1489 names the Food Team and "the Chair of the London Food Board", whom no page names.
    result = answer_question(full_index, "Who is the Chair of the London Food Board?", full_settings)
    assert not result.answered, result.answer


def test_a_scene_opened_by_when_leaves_the_question_after_the_comma(full_index, full_settings):
    # MD1597: "Reallocates £200m from the Mayor's Housing Covenant to the Housing Zones programme".
    question = (
        "When the Housing Zones programme was extended to 30 zones, how much was moved across from the "
        "Mayor's Housing Covenant?"
    )
    assert answer_question(full_index, question, full_settings).answer == "£200m"


def test_the_year_a_decision_was_signed_in_dates_its_budget(full_index, full_settings):
    # MD2289, signed 8 May 2018: "Love London £126,000 - £36,000 of which is slippage from 2017-18".
    assert answer_question(full_index, "Love London budget 2018-19", full_settings).answer == "£126,000"
    # MD1590, signed in January 2016, sets the levy "in the 2016-17 financial year": not 2015-16's.
    question = "What was the Crossrail business rate supplement threshold for 2015-16?"
    assert answer_question(full_index, question, full_settings).answer != "£55,000"


def test_a_country_asked_is_answered_by_the_place_a_sentence_names(full_index, full_settings):
    # MD3254: "…to fund the donation and removal of non-compliant vehicles from use in Greater London to Ukraine."
    question = (
        "Which country can non-ULEZ-compliant vehicles be donated to under the amended scrappage delegation?"
    )
    assert answer_question(full_index, question, full_settings).answer == "Ukraine"


def test_the_kind_of_body_asked_need_not_be_in_the_sentence(full_index, full_settings):
    # MD2306: "…appoint Mary Harpley, currently Chief Executive of the London Borough of Hounslow, as the
    # Greater London Authority’s (GLA) Chief Officer…": "council" is what is asked, not what is said.
    question = "Which council was Mary Harpley running before she became GLA Chief Officer?"
    assert answer_question(full_index, question, full_settings).answer == "the London Borough of Hounslow"


def test_a_sum_stated_to_the_pound_is_that_money_wherever_the_decision_writes_it(full_index, full_settings):
    # MD3161: "3. receipt of £144,535 from London Councils for the Strategic Insights Tool" / "4. expenditure
    # of the above £144,535 to Homeless Link…": the second line never names London Councils or the Tool.
    result = answer_question(
        full_index,
        "Which organisation received the £144,535 from London Councils for the Strategic Insights Tool?",
        full_settings,
    )
    assert result.answer == "Homeless Link"
    assert "the above £144,535 to Homeless Link" in result.citations[0].quote


def test_years_asked_are_answered_with_every_year_listed(full_index, full_settings):
    # MD1661: "…to be funded from up to £500,000 in external income over two year 2016-17 and 2017-18."
    result = answer_question(
        full_index,
        "Over which financial years was the Team London Enterprise Adviser programme to be funded from external income?",
        full_settings,
    )
    assert result.answer == "2016-17 and 2017-18"


@pytest.mark.parametrize(
    "question, expected",
    [
        # MD2521: "…extends the work started by DEEP for another three years, from October 2020 to September 2023."
        (
            "Over what period does the Local Energy Accelerator extend the decentralised energy work?",
            "from October 2020 to September 2023",
        ),
        # MD2713: "The second phase of YLI, called ‘My London’, will operate from 2020 – 2024…": bare years.
        (
            "Over what years will the My London second phase of Young London Inspired operate?",
            "from 2020 – 2024",
        ),
        # MD1368: "…during the period of 1st July to 31 August 2014": the first day takes the last one's year.
        (
            "Over what period did the free travel for Visitor Welcome volunteers run?",
            "1st July to 31 August 2014",
        ),
    ],
)
def test_a_period_asked_is_answered_with_both_ends(full_index, full_settings, question, expected):
    assert answer_question(full_index, question, full_settings).answer == expected


@pytest.mark.parametrize(
    "question, expected",
    [
        # MD2124: "In addition, £1.5m of external income previously approved…" / "This equates to a combined
        # programme total of £2.9m.": the total is asked; what it includes is earlier.
        (
            "What was the combined programme total for Team London volunteering in 2017-2018 including previously approved external income?",
            "£2.9m",
        ),
        # DD1460: "The GLA has paid the London Borough of Islington £37,500 … a further allocation of £40,000 to
        # Islington": what was paid already, not what is added.
        (
            "How much had the GLA already paid Islington as its sub-partner on the JOAQUIN air quality project?",
            "£37,500",
        ),
        # MD2265: "Allocation of £3.615m from the Young Londoners Fund to the Mayor’s Office for Policing and
        # Crime…": the fund a part is asked of gives it.
        (
            "How much of the Young Londoners Fund was allocated to MOPAC for knife crime and gang exit projects?",
            "£3.615m",
        ),
        # MD1366: "…with an aspiration to deliver up to 50,000 new homes…": an aspiration is a plan.
        (
            "How many new homes did the Housing Zones policy aspire to deliver for low to middle income earners?",
            "up to 50,000 new homes",
        ),
        # MD3166: "…allocates £50 million from the Environmental Improvement Reserve (“EIR”) to TfL": "exact
        # amount" says how the answer is given, no word a passage must hold.
        (
            "How much more than £40m did the GLA give TfL to widen the vehicle scrappage scheme for the London-wide ULEZ expansion? exact amount",
            "£50 million",
        ),
        # MD2807: "…up to three further zones, bringing the total to up to 12 zones."
        ("Creative Enterprise Zones expansion: maximum number of zones by 2022-23", "up to 12 zones"),
    ],
)
def test_the_figure_asked_is_told_from_its_neighbours(full_index, full_settings, question, expected):
    assert answer_question(full_index, question, full_settings).answer == expected


def test_a_reason_is_a_purpose_or_a_cause_beside_the_subject(full_index, full_settings):
    # MD3063: "…a supplementary budget of up to £1m for the … (OPDC) to support the Corporation as it gears up
    # towards delivery of its Old Oak West strategy."
    opdc = answer_question(
        full_index,
        "Why did the Old Oak and Park Royal Development Corporation need a supplementary budget in 2022-23?",
        full_settings,
    )
    assert (
        "to support the Corporation as it gears up towards delivery of its Old Oak West strategy"
        in opdc.answer
    )
    # ADD304: the paragraph naming the grant goes on "Mayoral consent is required because the value of the
    # grant exceeds the Legacy Corporation’s delegation level…", a sentence holding few of the question's words.
    consent = answer_question(
        full_index,
        "Why was Mayoral consent needed for the LLDC's grant to Groundwork London for the Chobham Manor community garden?",
        full_settings,
    )
    assert "the value of the grant exceeds the Legacy Corporation’s delegation level" in consent.answer
    # MD1507 (Decision by: Boris Johnson): his decision's "the Mayor" is he.
    fire = answer_question(
        full_index,
        "Why did Boris Johnson have to direct LFEPA to involve his Chief of Staff in appointing the next London Fire Commissioner?",
        full_settings,
    )
    assert "not all LFEPA Members were comfortable with that proposal" in fire.answer


def test_where_vehicles_are_sent_is_answered_by_the_place(full_index, full_settings):
    # MD3254: "…to permit removal of non-compliant vehicles from use in Greater London to Ukraine."
    result = answer_question(
        full_index,
        "Where can non-compliant ULEZ vehicles be sent under the amended London Vehicle Scrappage Scheme delegation?",
        full_settings,
    )
    assert result.answer == "Ukraine"
    assert result.citations[0].ref == "MD3254"
    # ADD304: "…a temporary mobile community garden at Chobham Manor on Queen Elizabeth Olympic Park (QEOP)":
    # the place it stands in is part of where.
    garden = answer_question(
        full_index, "Where was the LLDC-funded temporary mobile community garden created?", full_settings
    )
    assert garden.answer == "Chobham Manor on Queen Elizabeth Olympic Park"


def test_a_mayor_s_era_filters_and_leaves_no_word_to_find(full_index, full_settings):
    # MD1341 (signed 2 May 2014 by Boris Johnson): "…how the £580,000 programme budget … secured for
    # 2014-15 will be used"; no passage says "Johnson-era".
    result = answer_question(
        full_index,
        "How much programme budget did Team London have for 2014-15 under the Boris Johnson-era decision?",
        full_settings,
    )
    assert result.answer == "£580,000"
    assert result.filters["date_to"] == "2016-05-08"


def test_the_kind_of_decision_asked_is_the_one_the_asking_words_name(full_index, full_settings):
    # DD1149: "…pursuant to the mayoral delegation to the director in MD1093." The question describes the
    # director decision it asks about; the code asked is the mayoral one.
    assert asked_prefix("Under which mayoral delegation did the January 2014 director decision rely?") == "MD"
    assert asked_prefix("Which director decision cites MD2848?") == "DD"
    result = answer_question(
        full_index,
        "Under which mayoral delegation did the January 2014 director decision on rough sleeping services extensions rely?",
        full_settings,
    )
    assert result.answer == "MD1093"


def test_several_names_asked_are_not_answered_by_one(full_index, full_settings):
    # MD3418's page says "…additional projects that applied to the Mayor of London’s…", never which 28.
    result = answer_question(
        full_index,
        "Which 28 projects received funding in the sixth round of the London Community Energy Fund?",
        full_settings,
    )
    assert result.answer != "the Mayor of London"
    # Two names joined answer "Which two…" (MD1384).
    both = answer_question(
        full_index,
        "Which two artists were picked for the Fourth Plinth commissions unveiled in 2015?",
        full_settings,
    )
    assert both.answer == "Hans Haacke and David Shrigley"


def test_whom_someone_consulted_is_everyone_named_after_in_consultation_with(full_index, full_settings):
    # DD2650: "That the Executive Director of Communities and Skills, in consultation with the Deputy Chief
    # of Staff and the Deputy Mayor for Children and Families approves:" (the "and" ended the name read before).
    result = answer_question(
        full_index,
        "Whom did the Executive Director of Communities and Skills consult before approving the free school meals contingency funding for 2023-24?",
        full_settings,
    )
    assert result.answer == "the Deputy Chief of Staff and the Deputy Mayor for Children and Families"
    assert result.citations[0].ref == "DD2650"


def test_asked_why_a_cause_in_another_paragraph_of_the_decision_answers(full_index, full_settings):
    # MD2751 restates the act ("Contractual steps should now be taken which will offer ABP an opportunity…");
    # paragraph 1.2 says why: "However, GLAP is concerned because ABP is failing to deliver…".
    result = answer_question(
        full_index,
        "Why did the GLA take contractual steps against ABP over the Royal Albert Dock development agreement?",
        full_settings,
    )
    assert "because ABP is failing to deliver against its obligations" in result.answer


def test_the_passage_speaking_of_the_asked_noun_answers_what_form(full_index, full_settings):
    # MD1366: "Notes that the £200m contribution from HMG is in the form of a repayable investment." The
    # passage above it, on the £400 million, says nothing of a form.
    result = answer_question(
        full_index,
        "In what form was the £200m government contribution to the Housing Zones programme provided?",
        full_settings,
    )
    assert "in the form of a repayable investment" in result.answer
    assert result.citations[0].ref == "MD1366"


def test_a_fee_asked_is_a_sum_said_as_a_fee(full_index, full_settings):
    # DD2180's page states no fee; its sums are the cash the treasury function manages ("c£50m of cash").
    question = "What fee was paid to the consultancy that reviewed the GLA treasury function under DD2180?"
    assert analyse_question(question).kind == "amount"
    assert not answer_question(full_index, question, full_settings).answered
    # DD2515's title, read from its address, ends "…place workspace fees"; its sentence says "expenditure of
    # £785,500 to … provide ongoing design consultancy advice", no fee.
    fees = answer_question(
        full_index,
        "Royal Docks placemaking strategy update and design consultancy fees amount",
        full_settings,
    )
    assert fees.answer == "£785,500"


def test_asked_a_period_both_ends_of_a_range_are_one_answer(full_index, full_settings):
    # MD3135: "…reprocuring the No Second Night Out service … from 1 April 2024 to 31 March 2027…": the
    # range's two dates do not make the answer ambiguous.
    result = answer_question(
        full_index, "Over what period will the reprocured No Second Night Out service run?", full_settings
    )
    assert result.answer == "from 1 April 2024 to 31 March 2027"
    assert result.citations[0].ref == "MD3135"


def test_a_paragraph_opening_on_this_is_read_with_the_paragraph_before(full_index, full_settings):
    # MD2380: "…seeks the approval of £1.925 million of additional capital funding to the Warmer Homes
    # programme…" / "This funding will be allocated to RetrofitWorks (a not-for-profit co-operative)…".
    result = answer_question(
        full_index,
        "Which not-for-profit co-operative received the extra capital to keep the Warmer Homes scheme running through winter 2018/19?",
        full_settings,
    )
    assert result.answer == "RetrofitWorks"
    assert result.citations[0].ref == "MD2380"


def test_a_directorate_written_with_an_ampersand_is_read_as_written(full_index, full_settings):
    # MD3224: "Directorate: Communities & Skills"; the record keeps "Communities and Skills".
    result = answer_question(full_index, "Which directorate is MD3224 in?", full_settings)
    assert result.answer == "Communities & Skills"
    assert any(" ".join(c.quote.split()) == "Directorate: Communities & Skills" for c in result.citations)


def test_where_a_sum_is_funded_from_is_answered_by_the_fund(full_index, full_settings):
    # MD3367: "…(including a one-off increase to the GLA’s core contribution of £978,000 funded through a
    # drawdown from the Strategic Investment Fund within GLA Group Reserves)".
    result = answer_question(
        full_index,
        "Where is the one-off £978,000 uplift to London & Partners' 2025-26 core grant being funded from?",
        full_settings,
    )
    assert "Strategic Investment Fund" in result.answer
    assert result.citations[0].ref == "MD3367"


def test_asked_a_part_of_a_years_whole_the_part_is_read_whatever_year_it_names(full_index, full_settings):
    # MD2289 (signed May 2018): "Love London £126,000 - £36,000 of which is slippage from 2017-18".
    part = answer_question(
        full_index,
        "How much of the 2018-19 Love London budget was slippage carried over from the previous year?",
        full_settings,
    )
    assert part.answer == "£36,000"
    whole = answer_question(full_index, "What was the 2018-19 Love London budget?", full_settings)
    assert whole.answer == "£126,000"


# Why-questions answered by a purpose: first the one the asked act's own sentence gives it, then one stated
# elsewhere in the decision holding half the question's words.
WHY_BY_PURPOSE = [
    # MD3254: "This form seeks the Mayor’s approval to amend the existing Scrappage Scheme Delegation and
    # Direction to confirm TfL is able to use the Scheme to fund the donation and removal of non-compliant
    # vehicles…", not "The current and previous scrappage schemes were implemented to help accelerate…".
    (
        "Why was the London Vehicle Scrappage Scheme delegation to TfL amended in MD3254?",
        "donation and removal of non-compliant vehicles",
        "MD3254",
    ),
    # MD2736: "This decision form proposes a two-tier decision making process…" / "The changes are being made
    # to streamline the existing process and reduce the number of decisions that must be reviewed by the Mayor
    # twice." The purpose holds half the question's words; the proposal none of the why.
    (
        "Why did the Mayor change the Adult Education Budget decision-making process to a two-tier system?",
        "streamline the existing process",
        "MD2736",
    ),
]


@pytest.mark.parametrize(("question", "said", "ref"), WHY_BY_PURPOSE)
def test_why_is_answered_by_the_purpose_the_decision_gives(full_index, full_settings, question, said, ref):
    result = answer_question(full_index, question, full_settings)
    assert said in result.answer
    assert result.citations[0].ref == ref


def test_how_long_is_answered_only_by_a_length_of_time(full_index, full_settings):
    # MD2751: "Contractual steps should now be taken which will offer ABP an opportunity to remedy certain
    # failures…" gives ABP no period.
    result = answer_question(
        full_index,
        "How long was ABP given to remedy its failures under the Royal Albert Dock development agreement?",
        full_settings,
    )
    assert not result.answered


def test_names_before_the_asked_noun_are_answered_with_it(full_index, full_settings):
    # MD3093: "The Small Sites Small Builders programme 2022-25 has been developed by the GLA’s Housing and
    # Land, and Regeneration teams".
    result = answer_question(
        full_index,
        "Which GLA teams developed the Small Sites Small Builders programme 2022-25?",
        full_settings,
    )
    # (Now read as who the programme was "developed by": the names run on past ", and" before a capital.)
    assert result.answer.endswith("Housing and Land, and Regeneration teams")


def test_whose_representations_is_answered_by_those_they_came_from(full_index, full_settings):
    # MD3254: "Following representations from the Mayor of Kyiv, Ukrainian Embassy and volunteer groups, and in
    # consultation with the GLA and central government, TfL has been exploring how the Scrappage Scheme…"
    result = answer_question(
        full_index,
        "Whose representations led TfL to look at using the scrappage scheme to send non-ULEZ-compliant vehicles to Ukraine?",
        full_settings,
    )
    assert result.answer == "the Mayor of Kyiv, Ukrainian Embassy and volunteer groups"
    assert result.citations[0].ref == "MD3254"


def test_a_works_title_is_answered_only_by_a_title_in_quotes(full_index, full_settings):
    # MD2179: "The next two commissions, by Michael Rakowitz and Heather Phillipson, will be unveiled in March
    # 2018 and March 2020 respectively." names the artists, not their works.
    result = answer_question(
        full_index,
        "What is the title of Heather Phillipson's Fourth Plinth sculpture unveiled in 2020?",
        full_settings,
    )
    assert not result.answered
    # A post's "job title" is no work's: ADD2753's "Decision by: Megan Life, Assistant Director, Building Safety".
    role = answer_question(
        full_index, "What is the job title of the officer who approved ADD2753?", full_settings
    )
    assert role.answered and "Assistant Director" in role.answer


def test_a_name_holding_a_number_is_named_by_its_decision(full_index, full_settings):
    # ADD2167 "North Kensington Sport 4 Good Cluster": "Sport England is contributing £54,000 towards the project."
    result = answer_question(
        full_index,
        "How much did Sport England put into the Grenfell-area Sport 4 Good Cluster in North Kensington?",
        full_settings,
    )
    assert result.answer == "£54,000"
    assert result.citations[0].ref == "ADD2167"


def test_a_value_labelled_by_the_asked_kind_of_funding_answers(full_index, full_settings):
    # MD3230: "…with expenditure approval of £64.31m (£21.58m revenue and £42.73m capital)".
    capital = answer_question(
        full_index,
        "Of the £64.31m approved for the Royal Docks Delivery Plan 2024-25 to 2028-29, how much is capital?",
        full_settings,
    )
    assert capital.answer == "£42.73m"
    revenue = answer_question(
        full_index,
        "How much of the Royal Docks Delivery Plan 2024-25 to 2028-29 money is revenue?",
        full_settings,
    )
    assert revenue.answer == "£21.58m"


def test_the_post_a_delegation_empowers_is_named_whole(full_index, full_settings):
    # MD2289: "• A delegation to the Assistant Director Culture and the Creative Industries to:" above
    # "o approve, via ADD, the detailed spending proposals in respect of the Love London project."
    result = answer_question(
        full_index,
        "In the 2018 culture and creative industries programme decision, who was delegated to approve the "
        "detailed Love London spending proposals?",
        full_settings,
    )
    assert result.answer == "the Assistant Director Culture and the Creative Industries"


def test_a_hyphen_no_decision_writes_is_left_out(full_index, full_settings):
    # MD3135: "reprocuring the No Second Night Out service … from 1 April 2024 to 31 March 2027".
    result = answer_question(
        full_index,
        "What period will the re-procured No Second Night Out rough sleeping service run for?",
        full_settings,
    )
    assert result.answer == "from 1 April 2024 to 31 March 2027"


def test_who_did_what_is_asked_is_named_after_the_verb_and_by(full_index, full_settings):
    agent = answer_question(
        full_index,
        "Which professional body issued the code of practice that the GLA's 2020-21 treasury management "
        "strategy was prepared under?",
        full_settings,
    )
    assert agent.answer == "the Chartered Institute of Public Finance and Accountancy"
    urged = answer_question(
        full_index,
        "Who pushed for non-ULEZ-compliant London vehicles to be sent to Ukraine through the scrappage scheme?",
        full_settings,
    )
    assert urged.answer == "the Mayor of Kyiv, Ukrainian Embassy and volunteer groups"
    funder = answer_question(
        full_index,
        "Who is funding learning activities for the Memorial to Victims of Transatlantic Slavery?",
        full_settings,
    )
    assert funder.answer == "the US Embassy"


def test_a_rough_sum_in_the_question_bounds_the_exact_one_asked(full_index, full_settings):
    # DD2455: "1. expenditure of up to £20,479,233 to support 22 projects as follows:"
    exact = answer_question(
        full_index,
        "Good Growth Fund round 3 stage 2 was over £20 million for 22 projects - what was the exact amount approved?",
        full_settings,
    )
    assert "£20,479,233" in exact.answer


def test_which_post_may_act_is_the_post_a_delegation_names(full_index, full_settings):
    # MD2010: "3. delegates authority to the Chief of Staff and the Executive Director of Resources, in
    # consultation with the lead Executive Director, to agree any allocation from further 2015-16 carry forwards."
    result = answer_question(
        full_index,
        "Under the 2015-16 GLA outturn decision, who can agree further carry forwards?",
        full_settings,
    )
    assert result.answer == "the Chief of Staff and the Executive Director of Resources"
    # MD2289: "• A delegation to the Assistant Director Culture and the Creative Industries to:"
    post = answer_question(
        full_index,
        "Under MD2289, which post can approve the detailed Love London spending proposals?",
        full_settings,
    )
    assert post.answer == "the Assistant Director Culture and the Creative Industries"


def test_whose_money_is_named_after_the_money(full_index, full_settings):
    # DD2352: "…additional capital expenditure of £2,183,379 from underspend on the Small Sites programme…"
    result = answer_question(
        full_index,
        "Good Growth Fund reserve projects Crossing the Line and The Forge Centre: whose underspend paid for them?",
        full_settings,
    )
    assert result.answer == "the Small Sites programme"


def test_a_round_sum_is_no_rounding_of_a_sum_far_from_it(full_index, full_settings):
    # MD3357: "£2m match-funding to the UK Shared Prosperity Fund (UKSPF) People & Skills bespoke intervention
    # ‘Support for Young Londoners’"; the same sentence's "£1,754,701 to fund Learner Engagement…" is another item.
    result = answer_question(
        full_index,
        "How much Adult Skills Fund money goes as match-funding to the UKSPF 'Support for Young Londoners' "
        "intervention in 2025-26?",
        full_settings,
    )
    assert result.answer == "£2m"


def test_a_body_answered_by_its_initials_is_named_as_its_decision_defines_them(full_index, full_settings):
    # MD3089: "…£64,000 of revenue funding from OHID…" and "…£64,000 from the Office for Health Improvements and
    # Disparities (OHID)…": the name, with the line giving it cited.
    result = answer_question(
        full_index,
        "Who is funding the £64,000 for the GLA's migrant health and substance misuse work on rough sleeping?",
        full_settings,
    )
    assert result.answer == "Office for Health Improvements and Disparities (OHID)"
    assert any("Office for Health Improvements and Disparities (OHID)" in c.quote for c in result.citations)


def test_a_decision_whose_title_names_most_of_a_name_is_about_it(full_index, full_settings):
    # MD2968, "Green Homes Grant Delivery scheme funding reallocation", defines "Local Authority Delivery (LAD)":
    # "The budget needs to be spent by the end of June 2022 (extended from end of March 2022)."
    result = answer_question(
        full_index,
        "By when did the Green Homes Grant LAD budget have to be spent after the BEIS extension?",
        full_settings,
    )
    assert result.answer == "by the end of June 2022"
    # Asked a count in total, the sentence giving the new total, not "42 further homes".
    result = answer_question(
        full_index,
        "After the Green Homes Grant LAD money was reallocated to Peabody and Kensington and Chelsea, how many "
        "homes in total would be improved?",
        full_settings,
    )
    assert result.answer == "966"


def test_the_maker_the_question_s_lead_names_is_not_who_it_asks_after(full_index, full_settings):
    # MD2472: "…the two documents will be submitted to the London Assembly for its Members to note"; the
    # Mayor's signature line ("Sadiq Khan, Mayor of London") names who approved, not where they went.
    result = answer_question(
        full_index,
        "After the Mayor approved the refreshed decision-making and financial regulations documents in 2019, "
        "where were they sent for noting?",
        full_settings,
    )
    assert "Sadiq Khan" not in result.answer


def test_a_start_asked_is_not_the_year_something_was_announced(full_index, full_settings):
    # MD2255: "In the 2016 Autumn Statement, the government announced the commitment to devolve the AEB…".
    result = answer_question(
        full_index,
        "From which year did the Mayor take on the devolved Adult Education Budget?",
        full_settings,
    )
    assert result.answer != "2016"
    assert not result.answered or "2019/20" in result.answer


def test_a_passage_saying_the_thing_which_asks_for_answers_in_fewer_of_its_words(full_index, full_settings):
    # MD3093: "The Kerslake Review recommended that small sites in GLA Group ownership should be consolidated
    # under a single programme…": "owned", "brought together", "one programme" said otherwise.
    result = answer_question(
        full_index,
        "Which review said small sites owned by the GLA Group should be brought together in one programme?",
        full_settings,
    )
    assert "The Kerslake Review" in result.answer


def test_a_sum_said_as_an_addition_does_not_answer_what_was_allocated(full_index, full_settings):
    # MD3357: the Free Courses for Jobs allocation is £21,984,704; "an additional £4,763,582" is what was added.
    result = answer_question(
        full_index, "Free Courses for Jobs allocation 2025-26 academic year", full_settings
    )
    assert result.answer == "£21,984,704"


def test_asked_how_many_the_count_of_the_line_a_list_stands_under(full_index, full_settings):
    # DD2455 (fresh14's f14_12): "1. expenditure of up to £20,479,233 to support 22 projects as follows:" over
    # "a. 21 projects for full approval…"; a question naming the item's own words asks the item.
    asked = "How many projects did DD2455 fund in Good Growth Fund Round 3 stage 2?"
    assert answer_question(full_index, asked, full_settings).answer == "22 projects"
    item = answer_question(full_index, "How many projects got full approval in DD2455?", full_settings)
    assert item.answer.startswith("21 projects")


def test_why_an_act_is_done_is_answered_by_its_purpose_however_its_verb_is_written(full_index, full_settings):
    # MD3336 (tuning116's t116_46): "giving" the grant is "…for TfL to provide a revenue grant of £100,000 to
    # the GLA, to expand the scope of proposed studies…".
    asked = "Why is Transport for London giving the GLA a £100,000 revenue grant under MD3336?"
    assert (
        "to expand the scope of proposed studies" in answer_question(full_index, asked, full_settings).answer
    )


def test_the_names_asked_in_the_sentence_after_the_one_that_matches(full_index, full_settings):
    # MD2179 (tuning76's t76_11): "…will deliver the 12th and 13th sculptures for the Fourth Plinth… The next
    # two commissions, by Michael Rakowitz and Heather Phillipson, will be unveiled in March 2018 and March 2020".
    asked = "Which artists were chosen for the 12th and 13th Fourth Plinth sculptures?"
    assert (
        answer_question(full_index, asked, full_settings).answer == "Michael Rakowitz and Heather Phillipson"
    )


def test_a_list_in_brackets_holding_brackets_is_read_whole(full_index, full_settings):
    # MD3274 (fresh44's f44_24): "…subsidiaries (London Treasury Ltd (LTL), GLIF Limited and LTLF GP Limited) are
    # authorised to amend…"; the first ")" closes "(LTL)", not the list.
    asked = "Which GLA subsidiaries were authorised to change their articles of association under MD3274?"
    assert (
        answer_question(full_index, asked, full_settings).answer
        == "London Treasury Ltd (LTL), GLIF Limited and LTLF GP Limited"
    )


def test_number_of_asks_how_many_and_is_no_word_a_passage_must_hold(full_index, full_settings):
    # MD1545 (fresh45's f45_31): "…the delivery of up to 25,837 homes within these Housing Zones".
    result = answer_question(full_index, "housing zones round 2 number of homes", full_settings)
    assert result.answer == "up to 25,837 homes"


def test_what_one_member_can_receive_is_not_the_schemes_sum(full_index, full_settings):
    # MD3166 (fresh45's f45_40): "…allocates £50 million from the Environmental Improvement Reserve to TfL" is
    # the scheme's money, not what a Londoner gets; no page states a grant per car.
    asked = (
        "How much grant can a Londoner receive for scrapping a non-compliant car under the expanded London"
        " Vehicle Scrappage Scheme?"
    )
    result = answer_question(full_index, asked, full_settings)
    assert not result.answered, result.answer


def test_to_end_something_is_no_word_of_time(full_index, full_settings):
    # ADD2791 (tuning120's t120_09): "…to accelerate efforts to end homelessness…" says no when; the page's
    # "due to be received in November 2025" shares few words with the question.
    asked = (
        "When is the government homelessness grant for the London Ending Homelessness Accelerator Programme"
        " expected to be paid to the GLA?"
    )
    result = answer_question(full_index, asked, full_settings)
    assert not result.answered or "November 2025" in result.answer, result.answer


def test_what_a_grant_was_for_at_a_place_asks_its_purpose(full_index, full_settings):
    # ADD304 (tuning121's t121_09): "…grant assistance of £269,000 … to Groundwork London … for the creation of a
    # temporary mobile community garden at Chobham Manor…".
    asked = "What was the LLDC grant to Groundwork London for at Chobham Manor?"
    assert "temporary mobile community garden" in answer_question(full_index, asked, full_settings).answer


def test_until_when_is_answered_by_the_year_it_runs_to(full_index, full_settings):
    # MD3230 (tuning121's t121_34): "…the overall delivery plan period in which the £212.5m could be spent to 2033".
    asked = "Until when can the £212.5m Royal Docks budget envelope be spent after the LEAP Board extension?"
    assert answer_question(full_index, asked, full_settings).answer == "2033"


def test_what_a_running_total_came_to_is_the_total_not_the_decisions_sum(full_index, full_settings):
    # DD2352 (tuning120's t120_46): "This will take total approved capital expenditure through the Good Growth
    # Fund to £60,855,085", not the £2,183,379 the decision approves.
    asked = (
        "After funding the Crossing the Line and Forge projects, what did total approved Good Growth Fund"
        " capital come to?"
    )
    assert answer_question(full_index, asked, full_settings).answer == "£60,855,085"


def test_a_count_runs_to_the_plural_noun_the_counted_word_qualifies(full_index, full_settings):
    # MD3175 (tuning119's t119_07): "…over 120 applications from 62 community organisations…".
    asked = "How many community groups applied to the sixth round of the Mayor's community energy fund?"
    assert answer_question(full_index, asked, full_settings).answer == "62 community organisations"


def test_an_extra_sum_is_said_by_what_it_covers(full_index, full_settings):
    # DD2750 (tuning119's t119_01): "…up to £803,000 to cover the additional payment for boroughs…", not the
    # £140m approved before it.
    asked = "How much extra did the GLA set aside to pay boroughs where free school meal take-up went over 90 per cent?"
    assert answer_question(full_index, asked, full_settings).answer == "up to £803,000"


def test_revenue_asked_of_revenue_expenditure_is_the_sum_spent(full_index, full_settings):
    # DD2695 (tuning118's t118_03): "…spend up to £100,000 of revenue expenditure…": revenue as opposed to
    # capital, not money coming in.
    asked = "how much revenue for the Royal Docks social infrastructure plan and Newham Just Transition response work"
    assert answer_question(full_index, asked, full_settings).answer == "up to £100,000"


def test_a_compound_no_decision_writes_is_read_as_its_words(full_index, full_settings):
    # MD3254 (tuning120's t120_16): "non-ULEZ-compliant" asked, "…vehicles … that are not compliant with the
    # ULEZ…" written; "Following representations from the Mayor of Kyiv, Ukrainian Embassy and volunteer groups".
    asked = "Who asked for London's non-ULEZ-compliant vehicles to be sent to Ukraine?"
    assert "Mayor of Kyiv" in answer_question(full_index, asked, full_settings).answer


def test_a_cap_asked_is_the_sum_said_as_a_maximum(full_index, full_settings):
    # MD2777 (tuning4's t424, fresh45's f45_15): "…grant funding with a maximum aggregate value of £595,000", not
    # "the total Sport Unites 2021-22 budget of £1.3m", which no bound is said of.
    asked = "In the Sport Unites 2021-22 summer approval, what is the cap on total grant awards?"
    assert answer_question(full_index, asked, full_settings).answer == "£595,000"


def test_how_much_of_a_budget_is_not_the_budget_it_comes_from(full_index, full_settings):
    # MD2777 (t65_08): "…expenditure of up to £830,000 from the total Sport Unites 2021-22 budget of £1.3m".
    asked = "How much of the Sport Unites 2021-22 budget was approved before the 2021 mayoral election?"
    assert answer_question(full_index, asked, full_settings).answer == "up to £830,000"
    whole = answer_question(full_index, "What is the total Sport Unites 2021-22 budget?", full_settings)
    assert whole.answer == "£1.3m"


def test_the_cost_of_building_is_a_sum_said_of_building(full_index, full_settings):
    # "$92,544 (£70,777) grant funding … for the delivery of learning activities as part of the Memorial…" is no
    # cost of building it, which no page states (tuning113's t113_39, no answer).
    asked = "What is the total cost of building the Memorial to Victims of Transatlantic Slavery?"
    result = answer_question(full_index, asked, full_settings)
    assert not result.answered, result.answer


def test_a_part_asked_by_its_own_name_is_not_the_earlier_part_recalled(full_index, full_settings):
    # MD2713: "The Young London Inspired (YLI) Programme, approved under cover of MD2171 … To date over 680
    # young people…" is the first phase; "The second phase of YLI, called ‘My London’…" is asked by its name.
    asked = "How many young people took part in the My London phase of Young London Inspired by 2023?"
    result = answer_question(full_index, asked, full_settings)
    assert "680" not in result.answer
    first = "How many young people have benefitted from the first phase of Young London Inspired?"
    assert answer_question(full_index, first, full_settings).answer == "over 680 young people"


def test_a_partner_asked_is_the_body_the_agreement_is_with(full_index, full_settings):
    # MD2751 (fresh13's f13_52): "…GLA Land and Property Limited (GLAP) entered a Development Agreement (DA) with
    # ABP (London) Investment Limited (ABP) in May 2013".
    asked = "Which company was the GLA's development partner at Royal Albert Dock?"
    assert answer_question(full_index, asked, full_settings).answer == "ABP (London) Investment Limited"


def test_city_hall_asked_is_the_gla_the_decisions_name(full_index, full_settings):
    # MD2124 (fresh29's f29_13): "Within this amount £1.02m is a cost to the GLA and £330k is to be received from
    # external funding".
    asked = "How much of the 2017-18 Team London volunteering budget was a cost to City Hall itself?"
    assert answer_question(full_index, asked, full_settings).answer == "£1.02m"


def test_a_share_is_answered_as_stated_with_its_hedge(full_index, full_settings):
    # ADD2499 (fresh46's f46_32): "…currently covers around 21% of London".
    asked = "What share of London is currently covered by its urban forest?"
    assert answer_question(full_index, asked, full_settings).answer == "around 21%"


def test_a_year_a_sum_is_likened_to_is_not_its_own(full_index, full_settings):
    # MD3362 (fresh46's f46_36): "…the call-off grant facility set out in MD3041 to 2025-26, at a level of £350m (as
    # was agreed for 2024-25)".
    asked = "MD3362 TfL call-off grant facility amount for 2025-26"
    assert answer_question(full_index, asked, full_settings).answer == "£350m"


def test_money_held_is_no_cost(full_index, full_settings):
    # DD2180 (tuning124's t124_26) never says what its review cost; "…grown from managing c£50m of cash" is money held.
    asked = "How much did the review of the GLA's treasury management function approved under DD2180 cost?"
    assert not answer_question(full_index, asked, full_settings).answered


def test_a_body_appointed_for_a_purpose_is_named_beside_that_purpose(full_index, full_settings):
    # MD3161 (tuning123's t123_35) grants to London Councils "for the Sub-Regional Immigration Advice Service"; no
    # page names who evaluates that service.
    asked = "Which organisation was appointed to evaluate the sub-regional immigration advice service for rough sleepers?"
    assert not answer_question(full_index, asked, full_settings).answered


def test_a_name_given_in_quotes_answers_what_something_is_called(full_index, full_settings):
    # MD2713 (tuning124's t124_30), titled "Young London Inspired phase 2 My London": "The second phase of YLI,
    # called ‘My London’, will operate from 2020 – 2024".
    asked = "What is the name of the second phase of the Young London Inspired youth social action programme?"
    assert answer_question(full_index, asked, full_settings).answer == "My London"


def test_a_period_asked_by_its_end_takes_the_periods_sum(full_index, full_settings):
    # MD2196 (tuning122's t122_24): "Maximum expenditure of £5,360,000 between 17/18 to 20/21 comprising:".
    asked = "What was the maximum spend approved for the original Creative Enterprise Zones programme running to 2020/21?"
    assert answer_question(full_index, asked, full_settings).answer == "£5,360,000"


def test_a_period_asked_is_answered_with_both_its_ends(full_index, full_settings):
    # MD2521 (tuning122's t122_28): "…for another three years, from October 2020 to September 2023", not a
    # sentence's "by September 2023".
    asked = "Over what period does the Local Energy Accelerator run?"
    assert answer_question(full_index, asked, full_settings).answer == "from October 2020 to September 2023"


def test_the_other_bodies_beside_a_partner_are_not_it(full_index, full_settings):
    # MD2751 (tuning37's t37_24): "Following a competitive bidding process started by the London Development Agency
    # (LDA), GLA Land and Property Limited (GLAP) entered a Development Agreement (DA) with ABP (London) Investment
    # Limited (ABP) in May 2013."
    asked = "Who is the GLA's development partner at Royal Albert Dock?"
    assert answer_question(full_index, asked, full_settings).answer == "ABP (London) Investment Limited"


def test_a_body_named_only_as_a_source_received_none_of_the_sentences_sums(full_index, full_settings):
    # MD2662 (tuning57's t57_45): "…made up of: £400,000 of Young Londoners Fund unallocated funding…, £500,000 of
    # income from MOPAC, and £750,000 additional Young Londoners Fund budget"; none of it went to MOPAC.
    result = answer_question(full_index, "How much of the Young Londoners Fund went to MOPAC?", full_settings)
    assert result.answer != "£750,000"


def test_a_numbered_item_is_read_with_the_line_above_its_list(full_index, full_settings):
    # ADD2791 (tuning41's t41_35): "…to support the work of the London Ending Homelessness Accelerator Programme
    # in the following ways:" over "1. Staffing resource within the GLA (£399,000), including London Councils
    # and partner organisations (£1,684,000)."
    asked = (
        "How much of the Rough Sleeping Prevention and Recovery Grant goes on GLA staffing for the Ending "
        "Homelessness Accelerator?"
    )
    assert answer_question(full_index, asked, full_settings).answer == "£399,000"


def test_a_sum_a_fund_is_increased_by_is_the_extra_asked(full_index, full_settings):
    # MD3039 (tuning80's t80_24): "…approval to increase the funding available through the Creative Enterprise
    # Zone Sustainability Capital Fund (Sustainability Capital Fund) by £400,000."
    asked = "How much extra cash went into the CEZ Sustainability Capital Fund?"
    assert answer_question(full_index, asked, full_settings).answer == "£400,000"


def test_a_sum_for_later_changes_is_not_the_original_asked(full_index, full_settings):
    # MD3166 (tuning123's t123_12): "To support these changes, it is proposed that the … (“GLA”) allocates £50
    # million … to TfL" is the later sum; the original schemes' "£48 million" (MD2661) is another decision's.
    asked = "How much money had the GLA given TfL for the original van and car scrappage schemes?"
    assert answer_question(full_index, asked, full_settings).answer != "£50 million"


def test_a_year_the_question_states_does_not_date_what_it_asks(full_index, full_settings):
    # PCD 1792 (fresh47's f47_09): "…on 12 February 2025, the Home Office confirmed that they will be funding
    # VRUs grant funding … for 2025-2026": the question's own "2025-26", written otherwise, is not when.
    asked = "When did the Home Office confirm it would fund all 20 violence reduction units for 2025-26?"
    assert answer_question(full_index, asked, full_settings).answer != "2025-2026"


def test_a_running_total_a_passage_states_answers_when_no_decision_sums_it(full_index, full_settings):
    # MD3230 (tuning129's t129_14): "Since 2018, £96.3m of expenditure has been approved against MD2338"; no
    # decision's own approved sum is asked, and "since 2018" does not make a sum of several decisions.
    asked = "MD3230: how much expenditure had already been approved against MD2338 since 2018?"
    assert answer_question(full_index, asked, full_settings).answer == "£96.3m"


def test_a_lettered_item_under_the_approved_total_is_the_part_asked(full_index, full_settings):
    # MD3135 (tuning129's t129_32): "1. expenditure of £20.02m, … comprising:" over "a. £17.27m to procure the
    # contracted service No Second Night Out (NSNO) in 2023, to be delivered in 2024-25, 2025-26 and 2026-27".
    asked = "How much was approved to procure No Second Night Out for delivery from 2024-25 to 2026-27?"
    assert "£17.27m" in answer_question(full_index, asked, full_settings).answer


def test_a_sum_with_a_thousands_comma_still_says_who_receives(full_index, full_settings):
    # ADD304 (tuning129's t129_21): "…grant assistance of £269,000 (…), to Groundwork London in 2015/16 and
    # 2016/17 for the creation of a temporary mobile community garden…".
    asked = (
        "Which organisation is the Legacy Corporation giving £269,000 to for a temporary community garden on "
        "the Olympic Park?"
    )
    assert answer_question(full_index, asked, full_settings).answer == "Groundwork London"


def test_a_numbered_proposal_of_a_named_plan_is_answered_by_its_number(full_index, full_settings):
    # DD2496 (tuning128's t128_45): "…complimenting those in the Mayors Transport Strategy (specifically
    # Proposal 44)".
    asked = (
        "Which Mayor's Transport Strategy proposal do the 2020-21 sustainable drainage projects complement?"
    )
    assert answer_question(full_index, asked, full_settings).answer == "Proposal 44"


def test_a_word_of_a_name_is_no_contract_with_it(full_index, full_settings):
    # MD3089 (tuning129's t129_41, no answer in the corpus): "…for the Subregional Immigration Advice Services’
    # Accommodation Fund" says no supplier was chosen; "Services" is the name's own word.
    asked = (
        "Which software supplier was chosen to build the new rough sleeping data warehouse funded by DLUHC?"
    )
    assert not answer_question(full_index, asked, full_settings).answered


def test_a_section_the_question_numbers_is_not_what_it_asks(full_index, full_settings):
    # MD1437 (tuning25's t25_02): "…under section 18 of the Business Rate Supplements Act 2009": the Act is asked.
    asked = "Under which Act's section 18 are billing authorities notified of the Crossrail BRS policies for 2015-16?"
    assert "Business Rate Supplements Act 2009" in answer_question(full_index, asked, full_settings).answer


def test_a_page_that_dates_nothing_may_answer_a_question_naming_a_year(full_index, full_settings):
    # MD3274 (fresh18's f18_21): its opening names no year and it has no signed date; "…Directors of Arms-Length
    # GLA subsidiaries (London Treasury Ltd (LTL), GLIF Limited and LTLF GP Limited) are authorised to amend…".
    asked = (
        "Which GLA subsidiaries were authorised to amend their articles of association after the 2024 governance "
        "document refresh?"
    )
    assert answer_question(full_index, asked, full_settings).answer == (
        "London Treasury Ltd (LTL), GLIF Limited and LTLF GP Limited"
    )
    # A figure's year the page must state: the undated sixth round's sums are no 2026-27 budget.
    assert not answer_question(
        full_index, "London Community Energy Fund budget for 2026-27", full_settings
    ).answered


def test_the_total_its_parts_follow_in_brackets_is_the_total_asked(full_index, full_settings):
    # MD2895 (tuning60's t60_04): "…expenditure of up to £3,670,000 (consisting of £270,000 in 2021-22, £1.4m in
    # 2022-23, £1m in 2023-24, and £1m in 2024-25)…".
    asked = "What is the total Sport Unites second phase budget from 2021-22 to 2024-25?"
    assert answer_question(full_index, asked, full_settings).answer == "up to £3,670,000"


def test_a_decision_stating_none_of_the_sums_asked_does_not_answer(full_index, full_settings):
    # MD3175 spends £450,000 on the seventh LCEF round; the £700k asked is MD3418's ("up to £700,000 on delivery
    # of an eighth round"): the seventh round is no answer.
    result = answer_question(
        full_index,
        "Which round of the London Community Energy Fund is the £700k in 2025-26 paying for?",
        full_settings,
    )
    assert "seventh" not in result.answer
    assert all(c.ref != "MD3175" for c in result.citations[:1])


@pytest.mark.parametrize(
    "question",
    [
        "How much did DD2593 approve?",
        "When will the London Communities Report be launched?",
        "How many community conversations were submitted during recovery?",
        "What is the budget of the Citizen Shift environment pilot?",
    ],
)
def test_the_shortlist_is_the_one_typing_every_piece_gives(index, settings, question, monkeypatch):
    """Pieces that cannot reach the shortlist are not typed (`answer._add_type_fit`): the shortlist, its
    order and its scores are those of typing every piece."""
    from search_api import answer

    seen = []
    extract = answer._extract

    def recording(index, q, response, evidence, *rest):
        seen.append([(e.chunk["id"], e.piece, round(e.score, 9)) for e in evidence])
        return extract(index, q, response, evidence, *rest)

    monkeypatch.setattr(answer, "_extract", recording)
    pruned = answer_question(index, question, settings)
    monkeypatch.setattr(answer, "_BOUNDED_KINDS", ())  # every piece typed
    full = answer_question(index, question, settings)
    assert len(seen) == 2 and seen[0] and seen[0] == seen[1]
    assert (pruned.answer, pruned.confidence) == (full.answer, full.confidence)
