"""Checks that keep a span from answering what it does not: a numbered part of a programme other
than the one asked, a value the question itself states, a sum for a question about one figure."""

from __future__ import annotations

from search_api.answer import _is_aggregate
from search_api.answer_checks import (
    act_object_unsaid,
    act_unsaid_by,
    agent_named,
    approval_to_come,
    asked_prefix,
    consulted_named,
    counted_list,
    document_unsaid,
    group_for_member,
    is_asked_year,
    maker_named,
    means_named,
    measure_unstated,
    names_asked_year,
    only_other_years,
    other_edition,
    other_end_of_change,
    other_part_said,
    other_year_edition,
    outside_rough_sum,
    parts_said,
    periods_said,
    plan_for_outcome,
    post_for_name,
    purpose_unsaid,
    same_round,
    schedule_for_act,
    share_of_joint,
    start_unsaid,
    thing_named,
    total_for_unit,
    unit_for_total,
    urging_verb,
    year_fit,
)
from search_api.question_reading import ROLE_WORDS, Span, analyse_question


def test_a_passage_about_another_round_does_not_answer():
    # corpus/gla/gla-70dbc69b.txt: "A total of 161 Stage 1 applications were received for Round 2 of the
    # Good Growth Fund programme"
    line = "A total of 161 Stage 1 applications were received for Round 2 of the Good Growth Fund programme"
    assert not same_round("How many Stage 1 applications were received for round 3 of the fund?", line)
    assert same_round("How many Stage 1 applications were received for round 2 of the fund?", line)
    assert same_round("How many Stage 1 applications were received for the second round?", line)
    assert not same_round("How many applications came in for the third round?", line)
    # No part named in the passage: nothing to contradict.
    assert same_round("How many applications came in for round 3?", "161 applications were received")


def test_one_figure_for_a_year_is_not_a_sum_over_decisions():
    assert not _is_aggregate(analyse_question("For the programme, how much is approved for 2025-26?"))
    assert _is_aggregate(analyse_question("How much has been approved for community engagement since 2018?"))


def test_an_end_date_is_the_second_of_a_range():
    # corpus/gla/gla-f0793d3c.txt (MD2521): "…for another three years, from October 2020 to September 2023."
    assert analyse_question("Local Energy Accelerator end date").after == "end"
    assert analyse_question("When does the Local Energy Accelerator start?").after == "start"
    assert analyse_question("When was the Board established?").after is None


def test_a_code_is_of_the_kind_of_decision_asked():
    # corpus/gla/gla-73de0263.txt: "…has had one Mayoral Decision (MD455) and 4 Director Decisions (DD899,
    # DD1250, DD1322 and DD2064) associated with it"
    assert asked_prefix("Which Mayoral Decision is the only MD tied to the Drain London project?") == "MD"
    assert asked_prefix("Which director decision extended it?") == "DD"
    assert asked_prefix("Name the Chief Officer decision that confirmed the pay award.") == "CO"
    assert asked_prefix("Which earlier decision does it build on?") is None


def test_between_two_figures_a_word_describes_the_one_on_its_side():
    from search_api.answer_spans import proximity
    from search_api.question_reading import Span

    # corpus/gla/ (MD2124): "Within this amount £1.02m is a cost to the GLA and £330k is to be received from
    # external funding as detailed below."
    text = "Within this amount £1.02m is a cost to the GLA and £330k is to be received from external funding"
    figures = [(text.index(f), text.index(f) + len(f)) for f in ("£1.02m", "£330k")]
    weights = {"cost": 1.0, "gla": 1.0}
    near = {
        text[s:e]: proximity(Span(s, e, text[s:e]), text, weights, None, tuple(figures)) for s, e in figures
    }
    assert near["£1.02m"] > near["£330k"]
    # MD2971: "…revenue grants of £300,000 from the Old Oak and Park Royal Development Corporation (OPDC)
    # to Transport for London (TfL); and £60,000 from the OPDC to the Greater London Authority (GLA)…".
    # The clauses meet at the semicolon, not at the "and" inside Old Oak and Park Royal.
    text = (
        "revenue grants of £300,000 from the Old Oak and Park Royal Development Corporation (OPDC) to "
        "Transport for London (TfL); and £60,000 from the OPDC to the Greater London Authority (GLA)"
    )
    figures = [(text.index(f), text.index(f) + len(f)) for f in ("£300,000", "£60,000")]
    weights = {"revenu": 2.8, "transport": 4.0, "london": 0.6}  # as MD2971's question weighs them
    near = {
        text[s:e]: proximity(Span(s, e, text[s:e]), text, weights, None, tuple(figures)) for s, e in figures
    }
    assert near["£300,000"] > near["£60,000"]


def test_a_name_s_apposition_is_no_distance_from_what_it_did():
    from search_api.answer_spans import proximity
    from search_api.question_reading import Span

    # MD3298: "Philippa Hird, a former Chair of the NHS Pay Review Body and former member of the Senior
    # Salaries Review Body, was appointed to undertake a review and make recommendations…"
    text = (
        "Philippa Hird, a former Chair of the NHS Pay Review Body and former member of the Senior Salaries "
        "Review Body, was appointed to undertake a review and make recommendations"
    )
    name = Span(0, len("Philippa Hird"), "Philippa Hird")
    assert proximity(name, text, {"undertak": 1.0}) > 0.5  # the apposition's 19 words are skipped
    plain = text.replace(", a former Chair", " and a former Chair")  # no apposition: the words count
    assert proximity(name, plain, {"undertak": 1.0}) < 0.25


def test_a_programme_named_with_another_number_does_not_answer():
    assert not same_round(
        "How many homes will Warmer Homes 3 upgrade?", "Warmer Homes 2 has improved 2,000 homes"
    )
    assert same_round(
        "How many homes will Warmer Homes 3 upgrade?", "Warmer Homes 3 will improve 1,000 homes"
    )


def test_a_numbered_stage_is_a_name_not_a_count():
    from search_api.answer_spans import spans_for

    # corpus/gla/gla-70dbc69b.txt: "A total of 161 Stage 1 applications were received for Round 2 …"
    line = "A total of 161 Stage 1 applications were received for Round 2 of the Good Growth Fund programme"
    q = analyse_question("How many Stage 1 applications were received?")
    assert [s.text for s in spans_for(q.kind, line, q, set())] == ["161 Stage 1 applications"]


def test_a_digit_inside_a_name_is_no_count():
    from search_api.answer_spans import spans_for

    # corpus/gla ADD2167: "…delivered by a new North Kensington Sport 4 Good Cluster, for families…"
    line = "a community activity programme, delivered by a new North Kensington Sport 4 Good Cluster, for families"
    q = analyse_question("How many families took part in the Sport 4 Good Cluster activities?")
    assert spans_for(q.kind, line, q, set()) == []
    assert [s.text for s in spans_for(q.kind, "It reached 40 families.", q, set())] == ["40 families"]


def test_a_total_after_a_change_is_the_value_it_changed_to():
    # corpus/gla/ (MD2510): "…increasing the total amount available for Round 2 from £15,000,000 to £16,425,000"
    assert (
        analyse_question("After the extra money, what is the total available for Round 2?").after == "changed"
    )
    # Without a change word a total is still asked: in "a further 10 … to total 30", the figure after "total".
    assert analyse_question("What is the total available for Round 2?").after == "total"
    assert analyse_question("What is the budget available for Round 2?").after is None


def test_a_count_is_not_a_year():
    from search_api.answer_spans import spans_for

    # corpus/gla/ (MD2900): "By Winter 2021 it is expected to have improved over 2,000 homes…"
    line = "By Winter 2021 it is expected to have improved over 2,000 homes and has so far secured over £8m"
    q = analyse_question("Warmer Homes programme - number of homes expected to be improved")
    assert [s.text for s in spans_for(q.kind, line, q, set())] == ["over 2,000 homes"]


def test_a_year_is_answered_by_a_bare_year_when_a_year_is_asked():
    from search_api.answer_spans import spans_for

    # corpus/gla/ (MD1597): "In total 20 Housing Zones are expected to deliver approximately 50,000 homes by 2025."
    line = "In total 20 Housing Zones are expected to deliver approximately 50,000 homes by 2025."
    q = analyse_question("By what year are the 20 Housing Zones expected to deliver around 50,000 homes?")
    assert "2025" in {s.text for s in spans_for(q.kind, line, q, set())}
    q = analyse_question("When are the Housing Zones expected to deliver the homes?")
    assert "2025" not in {s.text for s in spans_for(q.kind, line, q, set())}
    # corpus/gla MD2410: "…the Adult Education Budget (AEB) for London from the 2019/20 academic year (1 August 2019)"
    line = (
        "take on the Adult Education Budget (AEB) for London from the 2019/20 academic year (1 August 2019)"
    )
    q = analyse_question("From which year does the Mayor take over the adult education budget?")
    fits = {s.text: s.quality for s in spans_for(q.kind, line, q, set())}
    assert fits["2019/20"] >= 0.9  # a year, as a bare year would be


def test_the_confidence_falls_as_the_question_s_rare_words_go_missing():
    from search_api.answer_confidence import probability

    covered = {"bias": 1.0, "overlap": 0.9, "similarity": 0.7, "decision_rank": 1.0, "piece_cover": 0.8,
               "decision_missing": 0.0, "rarest_missing": 0.0, "unexplained": 0.0}  # fmt: skip
    missing = {**covered, "overlap": 0.5, "piece_cover": 0.3, "decision_missing": 0.4, "rarest_missing": 1.0,
               "unexplained": 1.0}  # fmt: skip
    lower_ranked = {**covered, "decision_rank": 0.25}
    assert probability(missing) < probability(lower_ranked) < probability(covered)


def test_a_sentence_about_it_is_read_with_what_it_is():
    from search_api.answer_spans import pieces

    # MD2862: the fund is named two sentences before the figure, which says only "it".
    text = (
        "The Mayor’s London Community Energy Fund (LCEF) supports the Green New Deal mission. It provides "
        "much-needed support to get community energy projects up and running. Since 2017, it has supported "
        "86 community projects, covering 26 boroughs. The majority of projects are enabling solar PV."
    )
    _, found = pieces(text)
    figure = next(p for p in found if "86" in text[p.start : p.end])
    assert text[figure.before :].startswith("The Mayor’s London Community Energy Fund")
    after = next(p for p in found if text[p.start : p.end].startswith("The majority"))
    assert text[after.before :].startswith("Since 2017")  # a sentence naming its own subject starts anew


def test_a_paragraph_opening_on_this_is_read_with_the_last_sentence_before_it():
    from search_api.answer_spans import pieces

    # MD2380: "This funding" is the £1.925 million for the Warmer Homes programme of the paragraph above.
    text = (
        "Executive summary\n\nThe Mayor is tackling fuel poverty. This Mayoral Decision seeks the approval of "
        "£1.925 million of additional capital funding to the Warmer Homes programme.\n\nThis funding will be "
        "allocated to RetrofitWorks.\n\nLegal have signed off both agreements."
    )
    _, found = pieces(text)
    funding = next(p for p in found if text[p.start : p.end].startswith("This funding"))
    assert text[funding.before :].startswith("This Mayoral Decision seeks")
    signed = next(p for p in found if text[p.start : p.end].startswith("Legal"))
    assert signed.before == signed.start  # a paragraph naming its own subject starts anew
    summary = next(p for p in found if text[p.start : p.end].startswith("The Mayor is"))
    assert summary.before == summary.start  # not read with a heading


def test_a_sum_in_another_currency_is_an_amount_with_its_bracketed_equivalent():
    from search_api.answer_spans import spans_for

    q = analyse_question("How much did the US Embassy give?")
    found = [
        s.text for s in spans_for(q.kind, "to receive $92,544 (£70,777) grant funding and US$3m", q, set())
    ]
    assert found == ["$92,544 (£70,777)", "US$3m"]
    # A bracket that says more than the equivalent is another figure: "(£36,000 of which is slippage)".
    found = [s.text for s in spans_for(q.kind, "£126,000 (£36,000 of which is slippage)", q, set())]
    assert found == ["£126,000", "£36,000"]


def test_a_programme_s_initials_and_number_name_its_numbered_round():
    from search_api.answer_checks import part_by_short_name, same_round

    # MD3175: "…for the sixth round of LCEF… Community Energy London would manage the administration of LCEF 7"
    question = "Which organisation will administer the seventh round of the London Community Energy Fund?"
    text = "for the sixth round of LCEF. Community Energy London would manage the administration of LCEF 7, utilising"
    assert part_by_short_name(question, text, {"LCEF"}) == "seventh round"
    assert same_round(question, text, {"LCEF"}) and not same_round(question, text)
    assert part_by_short_name(question, "LCEF 6 funded 28 projects", {"LCEF"}) == ""
    assert part_by_short_name(question, "LCEF 7,000 homes", {"LCEF"}) == ""


def test_a_name_in_another_order_is_another_name():
    from decisions.words import stem_with_irregulars
    from search_api.answer_names import said_in

    assert not said_in("Community Energy London", "the London Community Energy Fund")
    assert said_in("London Community Energy Fund", "Which body runs the London Community Energy Fund?")
    assert said_in("Energy Fund", "London Community Energy Fund")
    assert stem_with_irregulars("administer") == stem_with_irregulars("administration")


def test_a_latin_noun_meets_its_verb():
    # "Who decides…" is answered by "the delegation of decisions … to"; "the London Urban Forest Plan
    # publication month" by "was published in November 2020"; "expanded" by "the expansion of".
    from decisions.words import stem_with_irregulars as stem

    assert stem("decisions") == stem("decides")
    assert stem("publication") == stem("published") != stem("public")
    assert stem("expansion") == stem("expanded")
    assert stem("extension") == stem("extending")
    assert stem("commission") != stem("commit")
    # corpus/gla MD2895: "This financial commitment will leverage up to an additional £2.08m…" answers
    # "…expected to lever in?": the noun-verb "leverage" is the verb "lever"'s.
    assert stem("leverage") == stem("leveraged") == stem("lever")


def test_a_decision_that_never_names_the_asked_round_is_not_about_it():
    from search_api.answer_checks import same_round

    question = "How much funding was awarded in Round 4 of the Good Growth Fund?"
    # MD2163 receives "£60.88m of funding … as part of the Growth Deal 3 allocation": no round 4.
    decision = "Receipt of £60.88m of funding from Government as part of the Growth Deal 3 allocation"
    assert same_round(question, decision) and not same_round(question, decision, whole=True)
    # MD1384: "Now entering its fourth commissioning round, the programme will deliver…"
    fourth = "Now entering its fourth commissioning round, the programme will deliver the next two artworks"
    assert same_round("Which two artists won the fourth round?", fourth, whole=True)
    assert not same_round("Which two artists won the fifth round?", fourth, whole=True)


def test_initials_on_the_page_stand_for_the_questions_name():
    from decisions.words import stem_with_irregulars
    from search_api.answer_spans import proximity
    from search_api.question_reading import Span, short_forms_in

    # PCD 1792 spells out "Violence Reduction Unit’s (VRU)" once and then writes "London VRU".
    q = analyse_question("What is the Home Office grant for the London Violence Reduction Unit in 2025-26?")
    said = "This would include £9,397,400 grant allocation for London VRU for 2025-2026"
    name = {stem_with_irregulars(w) for w in ("Violence", "Reduction", "Unit")}
    assert name <= short_forms_in(q, said)
    assert not short_forms_in(q, "the London Community Energy Fund (LCEF)")
    span = Span(said.index("£"), said.index("£") + len("£9,397,400"), "£9,397,400")
    weights = dict.fromkeys(name, 4.0)
    assert proximity(span, said, weights) == 0.0
    assert proximity(span, said, weights, short_forms=q.short_forms) > 0.3


def test_a_financial_year_is_one_word_however_written():
    from decisions.words import stem_with_irregulars

    assert {stem_with_irregulars(y) for y in ("2025-26", "2025-2026", "2025/26", "2025/2026")} == {"2025-26"}
    assert stem_with_irregulars("2019-2021") == "2019-2021"  # two years apart: a span, not one year


def test_a_decision_that_never_names_the_asked_borough_answers_nothing_about_it():
    from search_api.answer_checks import names_asked_boroughs

    # MD2521 counts "7691 new street trees" for the whole Urban Tree Challenge Fund, by no borough.
    text = "The Urban Tree Challenge Fund has supported the planting of 7691 new street trees across London."
    assert not names_asked_boroughs("How many street trees did Barnet plant under the fund?", text, "")
    assert names_asked_boroughs("How many street trees were planted in total?", text, "")
    assert names_asked_boroughs(
        "How much went to Hammersmith & Fulham?",
        "a grant to the London Borough of Hammersmith and Fulham",
        "",
    )


def test_a_sum_keeps_what_it_is_stated_with():
    from search_api.answer_spans import spans_for, unqualified

    q = analyse_question("How big is the AEB?")
    found = [
        s.text
        for s in spans_for("amount", "transferring the circa £311m annual AEB and c£150 million", q, set())
    ]
    assert found == ["circa £311m", "c£150 million"]
    assert unqualified("up to £250,000") == "£250,000"
    assert [s.text for s in spans_for("amount", "the basic £5m", q, set())] == ["£5m"]


def test_a_sum_keeps_its_limit_and_its_rate():
    from search_api.answer_spans import spans_for

    # MD3224: "households on universal credit earning less than £7,400 a year"; "This could save
    # families up to £500 per child this year."
    q = analyse_question("What income limit applies?")
    assert [s.text for s in spans_for("amount", "earning less than £7,400 a year (after tax)", q, set())] == [
        "less than £7,400 a year"
    ]
    saved = "This could save families up to £500 per child this year."
    assert [s.text for s in spans_for("amount", saved, q, set())] == ["up to £500 per child"]


def test_a_decimal_with_its_scale_is_a_count():
    from search_api.answer_spans import spans_for

    # Drain London: "A predicted 1.4 million properties in London are at risk from surface water flooding"
    q = analyse_question("How many London properties are at risk of surface water flooding?")
    text = "A predicted 1.4 million properties in London are at risk from surface water flooding"
    assert [s.text for s in spans_for("count", text, q, set())][0].startswith("1.4 million properties")
    assert not spans_for("count", "See 3.7 properties of the site", q, set())  # a paragraph number


def test_a_financial_year_asked_is_named_as_one():
    # corpus/gla/gla-884e0d03.txt (DD1457): "The Scheme will deliver 24 community based tree and woodland
    # projects by March 2016" — March 2016 ends the financial year 2015-16; it says nothing of 2016-17.
    page = "The Scheme will deliver 24 community based tree and woodland projects by March 2016."
    assert not names_asked_year("How much did the scheme spend in 2016-17?", page, "London Tree and Woodland")
    assert names_asked_year("How much did the scheme spend in 2016/17?", "Grants for 2016-2017.", "")
    assert names_asked_year("How many projects were delivered in 2016?", page, "")  # a lone year is a year


def test_the_year_a_decision_was_signed_in_is_its_own():
    # MD2289, signed 8 May 2018: "Love London £126,000 - £36,000 of which is slippage from 2017-18".
    page = "Love London £126,000 - £36,000 of which is slippage from 2017-18"
    asked = "Love London budget 2018-19"
    assert not names_asked_year(asked, page, "Culture & Creative Industries Programme")
    assert names_asked_year(asked, page, "", signed="2018-05-08")
    assert not names_asked_year(asked, page, "", signed="2018-03-08")  # 2017-18's last month
    assert names_asked_year("Love London budget 2018", page, "", signed="2018-03-08")  # the calendar year
    figure = Span(page.index("£126,000"), page.index("£126,000") + 8, "£126,000")
    assert year_fit(asked, page, figure) == 0.0
    assert year_fit(asked, page, figure, signed="2018-05-08") == 1.0


def test_a_year_asked_as_a_period_s_end_is_named_by_that_period():
    # corpus/gla MD3420: "…grant funding of £9,084,000 to London Councils … from 2025-26 to 2027-28 inclusive."
    page = "the GLA will provide grant funding of £9,084,000 to London Councils, from 2025-26 to 2027-28 inclusive."
    assert names_asked_year("How much will London Councils get up to 2027-28?", page, "Warmer Homes London")
    assert names_asked_year("How much will London Councils get until the end of 2027-28?", page, "")
    assert names_asked_year(
        "How much will London Councils get to run Warmer Homes London to 2027-28?", page, ""
    )
    assert not names_asked_year("How much will London Councils get in 2027-28?", page, "")  # that year alone


def test_one_year_held_only_by_a_period_is_not_named():
    # corpus/gla/gla-46033356.txt (MD2510): "Net expenditure of £2.3m of Young Londoners Fund scale-up funding
    # across the years 2019/20 – 2022/23" — the sums are the period's; none is 2022-23's alone.
    page = "Net expenditure of £2.3m of scale-up funding across the years 2019/20 – 2022/23, from the approved £45m."
    assert not names_asked_year("How much did the fund get in 2022-23?", page, "Young Londoners Fund")
    assert not names_asked_year("Spending in 2019/20?", page, "")  # the period's first year too
    assert names_asked_year("Spending in 2022-23?", page + " In 2022-23 it spent £0.4m.", "")
    assert names_asked_year("Spending over 2019/20 – 2022/23?", page, "")  # the period itself is asked
    assert names_asked_year(
        "Budget for 2024-25?", "A grant for 2024-25 to 2026-27, with 2024-25 the pilot.", ""
    )


def test_a_sum_dating_nothing_in_a_decision_spanning_years_is_not_one_year_s():
    # MD2347, "Air quality programme – supporting work (2018/19 to 2020/21)": "…associated expenditure of
    # £910,000 to deliver the supporting activities…" is the three years' sum; "£370,000 in 2018/19" the year's.
    title = "Air quality programme – supporting work (2018/19 to 2020/21)"
    total = "That the Mayor approves the proposed activities and associated expenditure of £910,000."
    year = "It invites the Mayor to approve expenditure of £370,000 in 2018/19, £270,000 in 2019/20."
    asked = "How much was set aside for the air quality supporting work in 2018/19?"
    at = total.index("£910,000")
    assert year_fit(asked, total, Span(at, at + 8, "£910,000"), title=title) == 0.0
    assert year_fit(asked, total, Span(at, at + 8, "£910,000")) == 1.0  # no period known, no judgement
    at = year.index("£370,000")
    assert year_fit(asked, year, Span(at, at + 8, "£370,000"), title=title) == 1.0
    # Asked up to a year ("…to run Warmer Homes London up to 2027-28?", MD3420), the period's sum is asked.
    up_to = "How much was set aside for the air quality supporting work up to 2020/21?"
    assert year_fit(up_to, total, Span(at, at + 8, "£910,000"), title=title) == 1.0
    # A calendar year may say when it was signed: "What total did the Mayor sign off in 2018…".
    at = total.index("£910,000")
    assert (
        year_fit(
            "What total did the Mayor sign off in 2018?", total, Span(at, at + 8, "£910,000"), title=title
        )
        == 1.0
    )


def test_what_money_is_given_for_is_no_outcome():
    # MD2968: "We can achieve this by providing additional grant funding to the Peabody Trust to support their
    # project to install around 300 solar photovoltaic systems on Peabody homes"
    said = (
        "We can achieve this by providing additional grant funding to the Peabody Trust to support their project "
        "to install around 300 solar photovoltaic systems on Peabody homes"
    )
    assert plan_for_outcome("How many solar PV systems had Peabody actually installed by June 2022?", said)
    assert not plan_for_outcome(
        "How many solar PV systems had Peabody actually installed by June 2022?",
        "Peabody installed 280 systems in May 2022.",
    )


def test_a_plan_does_not_answer_what_actually_happened():
    # MD2528: "The combined funding from the UTCF, GLA and boroughs will enable the planting of 7691 new
    # street trees." A target, not the trees planted.
    planned = "The combined funding from the UTCF, GLA and boroughs will enable the planting of 7691 new street trees."
    assert plan_for_outcome("How many street trees had actually been planted by 2021?", planned)
    assert not plan_for_outcome("How many street trees will the funding plant?", planned)
    assert not plan_for_outcome(
        "How many volunteers had been deployed so far?", "Team London has deployed 600 volunteers since 2012."
    )
    # MD3430: "It includes activity to help boost productivity, … and create 150,000 high quality jobs by 2028."
    helped = "It includes activity to help boost productivity and create 150,000 high quality jobs by 2028."
    assert plan_for_outcome("How many jobs has the Growth Sectors programme created so far?", helped)
    # MD1379: money sought for homes to be delivered says nothing of the homes completed.
    sought = "Approval is sought for £489.5m allocation of funding … of delivering 21,307 homes under the Programme."
    assert plan_for_outcome("How many homes had been completed by March 2018?", sought)


def test_a_sentence_about_other_years_says_nothing_of_the_asked_one():
    # MD1493's "…governs the allocation of grant funding to L&P from 2011/12 to 2014/15" had answered
    # "London & Partners grant for 2015/16".
    said = (
        "The GLA entered into a funding agreement with London & Partners (L&P) in 2011 which governs the "
        "allocation of grant funding to L&P from 2011/12 to 2014/15."
    )
    assert only_other_years("London & Partners grant for 2015/16", said)
    assert not only_other_years("London & Partners grant for 2014/15", said)
    assert not only_other_years("London & Partners grant", said)
    assert not only_other_years("London & Partners grant for 2015/16", "The grant funds L&P's work.")


def test_an_acts_year_is_a_name_not_a_year_the_text_is_about():
    said = "Agrees to implement the pay award to his staff appointed under s67(1) of the GLA Act 1999"
    assert not only_other_years("Which staff got the 2016/17 pay award?", said)
    assert only_other_years(
        "Which staff got the 2016/17 pay award?", "The 1999 pay award applied to all staff"
    )


def test_one_of_a_set_is_no_count_and_a_rate_keeps_its_period():
    from search_api.answer_spans import spans_for

    # corpus/gla/ (MD2213): "Tackling the housing crisis in London is one of the Mayor’s top priorities"
    q = analyse_question("How many Mayor's Construction Academy hubs were awarded funding?")
    line = "Tackling the housing crisis in London is one of the Mayor’s top priorities"
    assert spans_for(q.kind, line, q, set()) == []
    # MD2815: "Before COVID-19, the Fourth Plinth commissions were seen by 40,000 people a day."
    q = analyse_question("How many people saw the Fourth Plinth commissions before the pandemic?")
    line = "Before COVID-19, the Fourth Plinth commissions were seen by 40,000 people a day."
    assert [s.text for s in spans_for(q.kind, line, q, set())] == ["40,000 people a day"]


def test_a_meeting_to_come_does_not_date_the_act():
    # MD3388: "The London Assembly is due to consider this proposal for the Statutory Officers on 5 June 2025."
    asked = "On what date did the London Assembly approve the pay award for the statutory officers?"
    assert schedule_for_act(asked, "The London Assembly is due to consider this proposal on 5 June 2025.")
    assert not schedule_for_act(asked, "The London Assembly approved the pay award on 5 June 2025.")
    assert not schedule_for_act(
        "When is the London Assembly due to consider the proposal?",
        "The London Assembly is due to consider this proposal on 5 June 2025.",
    )


def test_an_act_once_done_is_to_come_and_dates_nothing():
    # MD3252: "Once approved and signed by the Mayor, the report will be submitted to the DfE and is due by
    # 31 March 2024." The Mayor's signing is to come; the date is the report's.
    asked = "On what date did the Mayor sign the 2024-25 Adult Education Budget financial forecast decision?"
    assert schedule_for_act(
        asked,
        "Once approved and signed by the Mayor, the report will be submitted to the DfE and is due by 31 March 2024.",
    )
    assert not schedule_for_act(asked, "Once the report was drafted, the Mayor signed it on 12 March 2024.")


def test_a_total_spent_is_no_unit_price():
    # ADD2342: "approval is sought for expenditure of up to £15,000 to purchase high visibility vests"
    said = "approval is sought for expenditure of up to £15,000 to purchase high visibility vests"
    assert total_for_unit("What was the unit price of each high visibility vest?", said)
    assert total_for_unit("What is the cost per vest?", said)
    assert not total_for_unit(
        "What was the unit price of each vest?", "vests at £12 each, up to £15,000 in all"
    )
    assert not total_for_unit("How much was approved for high visibility vests?", said)
    # MD3166: "…it is proposed that the GLA allocates £50 million from the Environmental Improvement Reserve to TfL."
    allocated = (
        "it is proposed that the GLA allocates £50 million from the Environmental Improvement Reserve to TfL"
    )
    assert total_for_unit("How much does TfL pay per car scrapped under the scheme?", allocated)
    assert not total_for_unit("How much does TfL pay per car scrapped?", "grants of £2,000 per car scrapped")
    assert not total_for_unit(
        "How much is spent per year on the scheme?", allocated
    )  # a year's, read elsewhere


def test_a_programme_named_without_its_number_is_another_edition():
    # MD2900: "The Mayor’s Warmer Homes programme has operated since January 2018 … By Winter 2021 it is
    # expected to have improved over 2,000 homes": the programme before Warmer Homes 3.
    earlier = (
        "The Mayor’s Warmer Homes programme has operated since January 2018. By Winter 2021 it is expected…"
    )
    asked = "How many homes were retrofitted under the Warmer Homes 3 programme?"
    assert other_edition(asked, earlier)
    assert not other_edition(
        asked, "The framework for the delivery of Warmer Homes 3 is in its final stages."
    )
    assert not other_edition(asked, "Grants for boilers were offered across London.")  # names no edition
    assert not other_edition(
        "How many applications did Round 2 get?", "The Round closed in May."
    )  # a round's
    # ADD2167: "Sport England is contributing £54,000…": "Sport 4 Good" has its number inside the name.
    assert not other_edition(
        "How much is Sport England putting into the Sport 4 Good Cluster?", "Sport England is"
    )


def test_a_rate_is_no_whole_sum():
    # MD3224: "…could save families up to £500 per child…", "…earning less than £7,400 a year…"
    assert unit_for_total(
        "universal free school meals 2024-25 academic year maximum spend", "up to £500 per child"
    )
    assert unit_for_total("What is the total budget for the scheme?", "less than £7,400 a year")
    # A question naming the rate's unit asks the rate.
    assert not unit_for_total("How much could the scheme save families per child?", "up to £500 per child")
    assert not unit_for_total(
        "What is the annual household income limit for funding?", "less than £7,400 a year"
    )
    assert not unit_for_total("What is the maximum spend?", "up to £140m")
    # Asked what was approved, a saving per child is no sum approved (tuning128's t128_33).
    assert unit_for_total(
        "How much did the Mayor approve for universal free school meals in London primary schools?",
        "up to £500 per child",
    )


def test_a_year_the_question_states_is_not_its_answer_however_written():
    # PCD 1792: "…the Home Office confirmed … for 2025-2026" for "…for 2025-26?".
    asked = "When did the Home Office confirm it would fund all 20 violence reduction units for 2025-26?"
    assert is_asked_year(asked, "2025-2026")
    assert is_asked_year("What was signed in 2019?", "2019")
    assert not is_asked_year(asked, "12 February 2025")
    assert not is_asked_year(asked, "2026-27")
    assert not is_asked_year("When did the Home Office confirm the funding?", "2025-2026")


def test_a_groups_grant_is_no_members_share():
    # ADD2167: "Expenditure of £30,000 in grant funding for a community activity programme, delivered by a new
    # North Kensington Sport 4 Good Cluster"
    said = "Expenditure of £30,000 in grant funding for a community activity programme, delivered by a new Cluster"
    assert total_for_unit("How much grant did each of the ten organisations in the Cluster receive?", said)
    assert total_for_unit("Which boroughs won the grants and how much did each get?", said)
    assert not total_for_unit("How much grant did each of the ten organisations receive?", "£3,000 each")
    assert not total_for_unit("How much grant does the Cluster get each year?", said)


def test_a_singular_after_a_number_describes_what_is_counted():
    from search_api.answer_spans import spans_for

    # corpus/gla/gla-884e0d03.txt (DD1457): "The Scheme will deliver 24 community based tree and woodland
    # projects by March 2016" counts projects, not the trees asked for.
    q = analyse_question("How many trees were planted through the London Tree and Woodland scheme?")
    line = "The Scheme will deliver 24 community based tree and woodland projects by March 2016."
    assert spans_for(q.kind, line, q, set()) == []
    assert [s.text for s in spans_for(q.kind, "It planted 24 trees and one tree more.", q, set())] == [
        "24 trees",
        "one tree",
    ]


def test_a_groups_sum_is_no_members():
    # MD1545: "…allocates up to £310.7 million to fund interventions … within these Housing Zones."
    said = (
        "Alongside the designation the Mayor indicatively allocates up to £310.7 million to fund interventions to "
        "unlock or accelerate the delivery of up to 25,837 homes within these Housing Zones."
    )
    assert group_for_member("How much will be allocated to the Ilford Town Centre Housing Zone?", said)
    assert group_for_member("How much of the allocation was earmarked for the Wembley zone?", said)
    assert not group_for_member("How much did the Mayor allocate to the Housing Zones?", said)
    # A count asked of one zone, its name two words before the noun: "the Meridian Water Housing Zone".
    assert group_for_member("How many homes is the Meridian Water Housing Zone expected to deliver?", said)
    assert not group_for_member(
        "How much will the Ilford Housing Zone get?",
        "£20m goes to the Ilford Housing Zone, one of these Zones.",
    )


def test_one_standing_for_a_noun_said_before_is_no_count():
    from search_api.answer_spans import spans_for

    # corpus/gla MD2661: "…schemes developed and operated under the new Direction and Delegation (including a
    # new one for heavy vehicles)": "one" stands for a scheme, it counts no vehicles.
    q = analyse_question("How many heavy vehicles were scrapped under the scheme?")
    line = "schemes operated under the new Direction and Delegation (including a new one for heavy vehicles)"
    assert spans_for(q.kind, line, q, set()) == []
    # MD2661: "two scrappage schemes were introduced …; one for vans and minibuses … and one for motorcycles".
    q = analyse_question("How many vans have been donated through the scrappage scheme?")
    line = (
        "two scrappage schemes were introduced; one for vans and minibuses and one for motorcycles and cars"
    )
    assert [s.text for s in spans_for(q.kind, line, q, set())] == []
    # Right before what it counts, "one" still counts: "a one year extension".
    q = analyse_question("How many years was the contract extended by?")
    assert [s.text for s in spans_for(q.kind, "It agreed a one year extension.", q, set())] == ["one year"]


def test_a_period_asked_as_one_span_is_said_as_its_years():
    # MD2895: "expenditure of up to £3,670,000 (consisting of £270,000 in 2021-22, £1.4m in 2022-23, £1m in
    # 2023-24, and £1m in 2024-25)": each year of "2021-25" in turn.
    each = "up to £3,670,000 (consisting of £270,000 in 2021-22, £1.4m in 2022-23, £1m in 2023-24, and £1m in 2024-25)"
    assert periods_said("Sport Unites total spend 2021-25", each) == {"2021-25"}
    # DD2695: "…the next five-year Royal Docks Delivery Plan period (2024-25 to 2028-29)": its ends.
    assert periods_said("Royal Docks plan budget 2024-29", "Delivery Plan period (2024-25 to 2028-29)") == {
        "2024-29"
    }
    # A year of the period is not all of it, nor is another period.
    assert periods_said("Sport Unites total spend 2021-25", "£270,000 in 2021-22") == frozenset()
    assert periods_said("Royal Docks plan budget 2024-29", "the period 2019-20 to 2023-24") == frozenset()
    assert periods_said("Sport Unites budget 2021-22", each) == frozenset()  # no period asked


def test_one_share_of_a_sum_given_two_things_together_is_not_stated():
    # DD2352: one sum for two projects; MD3306: one grant from two bodies.
    projects = (
        "Capital expenditure of £2,183,379 to support delivery of Better Bankside’s ‘Crossing the Line’ project "
        "and the London Borough of Redbridge’s ‘The Forge – Hainault Country Park’ project."
    )
    grant = "£29,666 grant funding (from Arts Council England and London Councils) into the budget"
    assert share_of_joint("How much did Redbridge's Forge project get on its own?", projects)
    assert share_of_joint("How much did the Crossing the Line project receive by itself?", projects)
    assert share_of_joint("How much of the grant came from London Councils alone?", grant)
    # Both asked, or no single share asked: the sum answers.
    assert not share_of_joint("How much went to the Crossing the Line and Forge projects?", projects)
    assert not share_of_joint("How much did the Forge project get?", projects)
    # A total says no one thing's share either.
    fund = "This will take total approved capital expenditure through the Good Growth Fund to £60,855,085."
    assert share_of_joint("How much did the Crossing the Line project get on its own?", fund)


def test_what_one_payee_got_is_not_a_sum_for_it_and_another():
    # DD2352 (fresh43's f43_35): "How much … did Better Bankside receive…" asks one payee's sum.
    projects = (
        "Capital expenditure of £2,183,379 to support delivery of Better Bankside’s ‘Crossing the Line’ project "
        "and the London Borough of Redbridge’s ‘The Forge – Hainault Country Park’ project."
    )
    question = (
        "How much Good Growth Fund grant did Better Bankside receive for its Crossing the Line project?"
    )
    assert share_of_joint(question, projects, payee="Better Bankside")
    # Each its own sum: the "and" joins two sums, not what one is for.
    each = (
        "£399,000 for staffing within the GLA and £1,684,000 for London Councils and partner organisations."
    )
    assert not share_of_joint("How much did London Councils receive?", each, payee="London Councils")
    # MD2265: one sum for a list of projects.
    listed = (
        "Allocation of £6.78m from the Young Londoners Fund to provide funding to the following Greater London "
        "Authority projects: Sport Unites, Stepping Stones, HeadStart Action, Young London Inspired"
    )
    asked = "How much of the Young Londoners Fund was given to the Stepping Stones project?"
    assert share_of_joint(asked, listed, payee="Stepping Stones")
    # No payee read ("allocated to" names none): the one name of the list the question gives asks its share
    # (tuning115's t115_50, a no-answer question); two of its names may ask the sum.
    alone = "How much of the Young Londoners Fund was allocated to the Stepping Stones project specifically?"
    assert share_of_joint(alone, listed)
    assert not share_of_joint("How much was allocated to Sport Unites and Stepping Stones together?", listed)
    # A name written with commas is no list: MD3306's "…from the 2024-25 Culture, Creative Industries, and
    # 24-Hour London revenue budget" (fresh4's f08).
    budget = "approves up to £644,003 from the 2024-25 Culture, Creative Industries, and 24-Hour London revenue budget"
    asked = "Give the amount approved from the 2024-25 Culture, Creative Industries and 24-Hour London revenue budget."
    assert not share_of_joint(asked, budget)
    assert not share_of_joint(asked, "£1.2m to Stepping Stones for mentoring", payee="Stepping Stones")
    # Both asked ("…Crossing the Line and the Forge projects"), or the "and" inside what the payee's sum is for.
    both = "How much capital went to Better Bankside's Crossing the Line and the Forge projects?"
    assert not share_of_joint(both, projects, payee="Better Bankside's Crossing the Line")
    knives = (
        "Allocation of £3.615m from the Young Londoners Fund to the Mayor’s Office for Policing and Crime to provide "
        "funding to the Knife Crime Community Seeds, London Gang Exit, and Major Trauma Centre projects"
    )
    mopac = "How much went to the Mayor's Office for Policing and Crime for knife crime projects?"
    assert not share_of_joint(mopac, knives, payee="Mayor's Office for Policing and Crime")
    # Not asked of one payee: the joint sum is not read as a share.
    assert not share_of_joint(question, projects)


def test_the_purpose_a_question_gives_a_contract_is_said_where_its_holder_is():
    # MD3161 (fresh43's f43_48): London Councils is on-granted for the advice service, not its evaluation.
    on_grant = (
        "This expenditure will grant fund the Crisis at Christmas service extension in 2023-24; provide on-grant "
        "to London Councils for the Sub-Regional Immigration Advice Service for rough sleepers"
    )
    question = "Which organisation won the contract to evaluate the sub-regional immigration advice service?"
    assert purpose_unsaid(question, on_grant)
    assert not purpose_unsaid(question, "Homeless Link was appointed to evaluate the advice service.")
    assert not purpose_unsaid(question, "an evaluation of the advice service by Homeless Link")
    # No purpose given, or a contract "to the value of": nothing to say.
    assert not purpose_unsaid("Which organisation won the contract?", on_grant)
    assert not purpose_unsaid("Who holds the contract to the value of £2m?", on_grant)


def test_a_bracketed_abbreviation_ends_no_sentence():
    from search_api.answer_spans import sentences

    text = "Funders include the private sector (i.e. Mars UK.). The programme goes on."
    assert [text[s:e] for s, e in sentences(text, 0, len(text))] == [
        "Funders include the private sector (i.e. Mars UK.).",
        "The programme goes on.",
    ]


def test_a_sum_left_to_a_later_approval_is_not_approved():
    # MD2777: the decision approves up to £830,000; the rest waits for a decision after the election.
    later = (
        "A further decision will be sought after the 2021 Mayoral election for expenditure of the remaining "
        "Sport Unites 2021-22 budget of £470,000 and, where appropriate, for future years."
    )
    assert approval_to_come("How much Sport Unites money was approved for summer 2021?", later)
    assert not approval_to_come(
        "How much Sport Unites money was approved for summer 2021?", "It approves £830,000."
    )
    assert not approval_to_come("How much of the Sport Unites budget remained?", later)
    # An approval that sets the scene is not what is asked (tuning126's t126_15).
    assert not approval_to_come(
        "After the early approval for Sport Unites 2021-22, how much of that year's budget was left for a "
        "decision after the 2021 mayoral election?",
        later,
    )


def test_a_sum_a_change_ends_at_is_not_where_another_starts():
    # MD3465 raises the threshold "from £75,000 to £92,000"; MD3086 had raised it "from £70,000 to £75,000".
    later = "The rateable value threshold … is proposed to increase from £75,000 to £92,000."
    earlier = "The rateable value threshold … is proposed to increase from £70,000 to £75,000."
    asked = "Crossrail BRS threshold raised to £75,000 for which year?"
    assert other_end_of_change(asked, later)
    assert not other_end_of_change(asked, earlier)
    assert not other_end_of_change("Crossrail BRS threshold raised from £75,000 in which year?", later)
    assert not other_end_of_change("Which year was the threshold £75,000?", later)  # no change named


def test_a_pledge_is_no_outcome():
    # MD3380: "…activity towards meeting the Mayor’s commitment to provide 250,000 positive opportunities for
    # young Londoners during this Mayoral term."
    said = (
        "It includes activity towards meeting the Mayor’s commitment to provide 250,000 positive "
        "opportunities for young Londoners during this Mayoral term."
    )
    assert plan_for_outcome("How many young Londoners did the programme actually reach in 2025-26?", said)
    assert not plan_for_outcome("How many opportunities is the Mayor committed to providing?", said)


def test_a_sentence_stating_only_other_sums_than_the_one_asked_is_about_another():
    from search_api.answer_checks import another_sum_said

    asked = "When did the Mayor approve up to £140m for universal free school meals in 2024-25?"
    assert another_sum_said(asked, "In July 2023, the Mayor approved a £135m emergency funding plan.")
    assert not another_sum_said(asked, "On 18 January 2024 the Mayor approved expenditure of up to £140m.")
    assert not another_sum_said(
        asked, "The Mayor approved the programme on 18 January 2024."
    )  # no sum at all
    assert not another_sum_said("When did the Mayor approve the programme?", "It costs £135m.")


def test_a_date_beside_no_act_of_deciding_does_not_say_when_it_was_decided():
    from search_api.answer_checks import says_act_done

    assert says_act_done("On 18 January 2024 the Mayor approved expenditure of up to £140m")
    assert not says_act_done(
        "…wish to appoint Mary Harpley as Chief Officer with effect from 10 September 2018"
    )


def test_which_decision_did_a_thing_is_answered_beside_that_thing_done():
    # DD2075: "On the 17th March 2016, the Mayor approved (MD1627), the proposal to acquire the former Webbs
    # Industrial site…" and "On the 29th September 2016 ADD2033 approved expenditure of £35,000 to undertake
    # valuation work…": only the second names the valuation work asked about.
    asked = "Which earlier decision approved the valuation work on the sites near the former Webbs Industrial site?"
    assert act_object_unsaid(
        asked, "the Mayor approved (MD1627), the proposal to acquire the former Webbs site"
    )
    assert not act_object_unsaid(asked, "ADD2033 approved expenditure of £35,000 to undertake valuation work")
    assert not act_object_unsaid("Who approved the valuation work?", "the proposal to acquire the site")
    # MD3380 names MD3274 as the source of its process, not as what approved the programme (MD2713:
    # "The Young London Inspired (YLI) Programme, approved under cover of MD2171…").
    first = "Which mayoral decision first approved the Young London Inspired programme?"
    assert act_unsaid_by(
        first, "…in line with the refreshed processes laid out in Mayoral Decision (MD)3274.", "(MD)3274"
    )
    assert not act_unsaid_by(
        first, "The Young London Inspired (YLI) Programme, approved under cover of MD2171", "MD2171"
    )
    # DD1460: "In February 2014, the Mayor approved the GLA’s participation in the Joint Air Quality Initiative
    # (JOAQUIN) project under MD1314."
    assert not act_unsaid_by(
        first, "…in the Joint Air Quality Initiative (JOAQUIN) project under MD1314.", "MD1314"
    )
    # A sum names what was approved whatever words go with it (ADD2342: "This decision relates to MD2188,
    # which approved £705,000 for expenditure on the Team London Ambassadors programme").
    assert not act_object_unsaid(
        "Which mayoral decision approved the £705k budget for Team London Ambassadors?",
        "This decision relates to MD2188, which approved £705,000 for expenditure on the programme",
    )


def test_whom_someone_consulted_runs_from_in_consultation_with_to_the_verb():
    line = (
        "That the Executive Director of Communities and Skills, in consultation with the Deputy Chief of Staff "
        "and the Deputy Mayor for Children and Families approves:"
    )
    start, end = consulted_named("Whom did the Executive Director consult?", line)
    assert line[start:end] == "the Deputy Chief of Staff and the Deputy Mayor for Children and Families"
    # Not asked ("consultancy" is a noun), or no one named: nothing.
    assert consulted_named("Which consultancy was appointed?", line) is None
    assert consulted_named("Whom did the Mayor consult?", "The Mayor approves the budget.") is None


def test_who_made_the_asked_representations_is_named_after_from():
    # corpus/gla MD3254's executive summary.
    line = (
        "Following representations from the Mayor of Kyiv, Ukrainian Embassy and volunteer groups, and in "
        "consultation with the GLA and central government, TfL has been exploring how the Scrappage Scheme…"
    )
    for question in (
        "Who made representations that led TfL to explore…?",
        "Whose representations led TfL to…?",
    ):
        start, end = maker_named(question, line)
        assert line[start:end] == "the Mayor of Kyiv, Ukrainian Embassy and volunteer groups"
    # Another noun asked, or nothing said to come "from" anyone: nothing.
    assert maker_named("Who made the bids for the fund?", line) is None
    assert maker_named("Who made representations?", "Representations were considered.") is None


def test_who_urged_is_who_made_representations():
    line = (
        "Following representations from the Mayor of Kyiv, Ukrainian Embassy and volunteer groups, and in "
        "consultation with the GLA and central government, TfL has been exploring…"
    )
    question = "Who pushed for non-ULEZ-compliant London vehicles to be sent to Ukraine?"
    start, end = maker_named(question, line)
    assert line[start:end] == "the Mayor of Kyiv, Ukrainian Embassy and volunteer groups"
    assert urging_verb(question) == "pushed"
    assert urging_verb("Who pays for the vehicles?") is None


def test_who_did_an_act_is_who_the_text_says_it_was_done_by():
    # MD2615: "…in accordance with the Treasury Management in the Public Services Code of Practice (the Code),
    # issued by the Chartered Institute of Public Finance and Accountancy (CIPFA), and relevant legislation."
    line = (
        "prepared in accordance with the Treasury Management in the Public Services Code of Practice (the "
        "Code), issued by the Chartered Institute of Public Finance and Accountancy (CIPFA), and relevant"
    )
    start, end = agent_named("Which professional body issued the code of practice…?", line)
    assert line[start:end] == "the Chartered Institute of Public Finance and Accountancy"
    # MD3093: the names run on past ", and" before a capital.
    team = "has been developed by the GLA’s Housing and Land, and Regeneration teams to deliver positive outcomes"
    start, end = agent_named("Which GLA teams developed the programme?", team)
    assert team[start:end] == "the GLA’s Housing and Land, and Regeneration teams"
    # Another verb, the decision's own approval (read from its record), or no agent: nothing.
    assert agent_named("Which body published the code?", line) is None
    assert agent_named("Who approved the code?", "The code was approved by the Mayor.") is None
    assert agent_named("Which body issued the code?", "The code was issued in 2021.") is None


def test_a_sum_asked_exactly_lies_inside_the_rough_figure_the_question_gives():
    question = (
        "Good Growth Fund round 3 stage 2 was over £20 million for 22 projects - what was the exact amount?"
    )
    assert outside_rough_sum(question, "£2.95 million")
    assert not outside_rough_sum(question, "up to £20,479,233")
    assert outside_rough_sum("It cost around £1m; what exactly?", "£2m")
    assert not outside_rough_sum("It cost around £1m; what exactly?", "£1,040,000")
    # Not asked exactly: the question's sum may be a whole the answer is part of.
    assert not outside_rough_sum("Of the over £20 million, how much went to Croydon?", "£2.95 million")


def test_how_something_is_paid_for_is_what_the_text_says_funds_it():
    # MD3367: "…(including a one-off increase to the GLA’s core contribution of £978,000 funded through a
    # drawdown from the Strategic Investment Fund within GLA Group Reserves), subject to…"
    line = (
        "(including a one-off increase to the GLA’s core contribution of £978,000 funded through a drawdown "
        "from the Strategic Investment Fund within GLA Group Reserves), subject to the Mayor’s approval"
    )
    start, end = means_named("How is the one-off £978,000 top-up being paid for?", line)
    assert (
        line[start:end] == "through a drawdown from the Strategic Investment Fund within GLA Group Reserves"
    )
    # Not asked how, or no means said: nothing.
    assert means_named("How much is being paid for it?", line) is None
    assert means_named("How is the top-up being paid for?", "The top-up is £978,000.") is None


def test_what_each_item_cost_is_not_answered_by_what_they_all_cost():
    # ADD2342: "Expenditure of up to £15,000 for the purchase of high visibility vests for Team London volunteers."
    line = (
        "Expenditure of up to £15,000 for the purchase of high visibility vests for Team London volunteers."
    )
    assert total_for_unit("What did each high-visibility vest bought for Team London volunteers cost?", line)
    assert not total_for_unit("What did the high-visibility vests for Team London volunteers cost?", line)


def test_a_range_of_years_asks_the_years_between():
    # MD2943 sets the Crossrail supplement for 2022-23 only: it is one of "2021-22 to 2023-24".
    query = "Crossrail business rate supplement policies 2021-22 to 2023-24"
    text = "…the Crossrail Business Rate Supplement for 2022-23…"
    assert names_asked_year(query, text, "Crossrail Business Rates Supplement")
    assert not names_asked_year(query, "…for 2025-26…", "Crossrail Business Rates Supplement")


def test_a_sentence_numbering_only_another_round_does_not_answer_of_the_asked_one():
    # MD3175 (tuning111's t111_29): the sixth round's extra projects, asked of the seventh.
    sixth = "1. expenditure of up to £450,000 to support additional projects that applied to the sixth round of LCEF."
    assert other_part_said("What was the maximum grant in the seventh round of the LCEF?", sixth)
    assert not other_part_said("What was the maximum grant in the sixth round of the LCEF?", sixth)
    assert not other_part_said("What was the maximum grant of the LCEF?", sixth)  # no round asked
    assert not other_part_said("How much went to round 7?", "£450,000 for rounds 6 and 7")
    assert not other_part_said("How much went to round 7?", "£450,000 for round 7, after the sixth round")


def test_what_one_item_costs_is_not_a_rate_per_another_unit_nor_a_share():
    # MD3224 / DD2750 (tuning113's t113_33): "per child" is no sum per meal; "90 per cent" no sum per anything.
    question = "How much per meal does the GLA pay boroughs under the universal free school meals scheme?"
    assert total_for_unit(question, "This could save families up to £500 per child this year.")
    assert total_for_unit(question, "expenditure of up to £803,000 for uptake above 90 per cent")
    assert not total_for_unit(question, "Boroughs are paid £2.65 per meal.")
    # "does each … hub receive", "any single project": one item asked.
    line = "c.£1.8 million of revenue funding for the Mayor's Construction Academy Scheme hubs."
    assert total_for_unit("How much revenue funding does each Construction Academy hub receive?", line)
    assert total_for_unit("What was the maximum grant any single project could receive?", line)


def test_a_post_does_not_answer_a_question_asking_a_person_s_name():
    # tuning111's t111_20: the decision names the post of the Senior Responsible Owner, not who holds it.
    question = "What is the name of the person who is Senior Responsible Owner of the programme?"
    post = "the Assistant Director for Economic Development and Programmes"
    assert post_for_name(question, post, ROLE_WORDS)
    assert not post_for_name(question, "Rickardo Hyatt", ROLE_WORDS)
    assert not post_for_name("Who is the Senior Responsible Owner of the programme?", post, ROLE_WORDS)


def test_a_measure_asked_is_answered_only_by_a_sentence_with_a_figure():
    # MD1437 (tuning111's t111_41): the sentence names the multiplier but states none.
    question = "What Crossrail business rate supplement multiplier applied in 2015-16?"
    names_it = "…approve the final policies for the Crossrail BRS for 2015-16 including the multiplier (or tax rate)."
    assert measure_unstated(question, names_it)
    assert not measure_unstated(question, "The multiplier for 2015-16 is 2p per pound of rateable value.")
    assert not measure_unstated("What level of support was agreed?", names_it)  # "level of": no measure asked


def test_a_part_the_text_names_in_other_words_is_said():
    # DD2278 (tuning114's t114_01): "the first stage of the second round" is "Stage 1 … Round 2".
    line = "A total of 161 Stage 1 applications were received for Round 2 of the Good Growth Fund programme"
    asked = "How many projects applied at the first stage of the second round of the Good Growth Fund?"
    assert parts_said(asked, line) == {"first", "stag", "second", "round"}
    assert not parts_said("How many projects applied in the third round?", line)


def test_a_counted_noun_is_found_in_the_word_made_from_it_or_the_word_decisions_count_it_by():
    from search_api.answer_spans import spans_for

    # DD2278: "How many projects applied" is counted by "applications"; DD2114: homes by "units".
    applied = analyse_question("How many projects applied at the first stage?")
    line = "A total of 161 Stage 1 applications were received for Round 2"
    assert [s.text for s in spans_for("count", line, applied, set())] == ["161 Stage 1 applications"]
    homes = analyse_question("How many homes could small sites deliver over ten years?")
    line = "The SHLAA estimates capacity for around 100,000 units over the next ten years."
    assert [s.text for s in spans_for("count", line, homes, set())] == ["around 100,000 units"]
    # (A word merely opening on a short counted word is not made from it: "homeless" of "homes".)
    assert not spans_for("count", "It helped 12 homeless people.", homes, set())


def test_nested_list_items_are_pieces_of_their_own():
    from search_api.answer_spans import pieces

    # MD3043: "ii.i", "ii.ii", … items under "ii. Expenditure of £1.93m … as follows:" each state their own sum.
    text = (
        "ii. Expenditure of £1.93m, comprising £1.25m of GLA rough sleeping programme budget and £683,496 "
        "government funding as follows:\n"
        "ii.ii £542,000 for the Crisis at Christmas project – comprising expenditure of £391,978 to Crisis by grant\n"
        "ii.iii £45,000 to procure an evaluation of the sub-regional immigration advice service in 2022-23\n"
        "iv) £90,000 for development of the Life Off the Streets data system, to London Councils by grant"
    )
    _, found = pieces(text)
    starts = [text[p.start : p.start + 6] for p in found]
    assert starts == ["ii. Ex", "ii.ii ", "ii.iii", "iv) £9"]


def test_a_sentence_naming_another_year_s_edition_does_not_answer():
    # ADD176 (tuning114's t114_10, a no-answer question): GLV helps with the 2014 Awards, not the 2013 ones.
    line = (
        "The decision seeks approval to procure services up to a maximum expenditure of £10,000 from Greater "
        "London Volunteering (GLV) to assist in the nomination process for the 2014 Team London Awards"
    )
    assert other_year_edition("Which organisation handled nominations for the 2013 Team London Awards?", line)
    assert not other_year_edition(
        "Which organisation handled nominations for the 2014 Team London Awards?", line
    )
    assert not other_year_edition("Which organisation handled nominations for the Team London Awards?", line)


def test_asked_which_things_a_sentence_naming_none_does_not_answer():
    from search_api.answer import _names_nothing_asked

    # DD2595 (tuning70's t70_41, a no-answer question): "Several social landlords have been identified…" names
    # no landlord; MD2751's sentence naming "ABP" answers "Which developer…" (one thing, not asked as things).
    landlords = analyse_question("Which social landlords received Warmer Homes retrofit grants under DD2595?")
    several = "Several social landlords have been identified with over 600 social housing units."
    assert _names_nothing_asked(landlords, several)
    assert not _names_nothing_asked(landlords, "Grants went to Peabody and Clarion Housing Group.")
    assert not _names_nothing_asked(landlords, "Grants went to the ‘Warm Homes’ landlords.")  # a quoted title
    developer = analyse_question("Which developer was failing to meet its obligations?")
    assert not _names_nothing_asked(developer, "The developer was failing to meet its obligations.")


def test_how_often_is_answered_by_a_frequency():
    from search_api.answer_spans import spans_for

    # corpus/gla (MD2369): "The receipt from central Government of grant on a quarterly basis for amounts up to…"
    q = analyse_question("How often does the GLA receive Right to Buy receipts from central government?")
    text = (
        "The receipt from central Government of grant on a quarterly basis for amounts up to that collected"
    )
    assert [s.text for s in spans_for(q.kind, text, q, set())] == ["on a quarterly basis"]
    assert [s.text for s in spans_for(q.kind, "a report to the Board twice a year", q, set())] == [
        "twice a year"
    ]


def test_the_name_of_the_programme_asked():
    asked = "No Second Night Out is part of which Mayoral programme?"
    # MD3135: the one programme a sentence names, with the article the page writes.
    said = "reprocuring the No Second Night Out service (which forms part of the Mayor’s Life off the Streets programme)"
    start, end = thing_named(asked, said)
    assert said[start:end] == "the Mayor’s Life off the Streets programme"
    # DD2783: a plan asked, the plan named ("and" ends a name: "Greater London Authority and European…").
    plan = "SSSB has been approved and captured in the Making Best Use of Land Delivery Plan (approved by MD3434)"
    start, end = thing_named(
        "Which delivery plan is the Small Sites Small Builders programme captured in?", plan
    )
    assert plan[start:end] == "the Making Best Use of Land Delivery Plan"
    # Two programmes named, or only words the question writes: no answer from the name alone.
    assert thing_named(asked, "the Rough Sleeping Programme and the Life off the Streets programme") is None
    assert (
        thing_named("Which GLA Rough Sleeping programme funds it?", "the GLA Rough Sleeping Programme")
        is None
    )
    # MD3350's "the core GLA Rough Sleeping Programme budget": only the publisher's name added to words the
    # question writes is no name of its own.
    assert (
        thing_named(
            "The No Second Night Out rough sleeping service is part of which mayoral programme?",
            "£9.2m … committed by the Mayor to the core GLA Rough Sleeping Programme budget",
        )
        is None
    )
    # A programme named in the question but not asked by "which/what" ("What does the programme include?",
    # "What is the programme for?"): no name is wanted, though the text names one.
    assert thing_named("What does the programme include?", said) is None
    assert thing_named("What is the programme for?", said) is None


def test_so_many_things_asked_are_the_list_announcing_as_many():
    # DD2352: "…to two projects from the Good Growth Fund round 2 reserve list: A’s … project and B’s … project."
    said = (
        "additional capital expenditure of £2,183,379 from underspend on the Small Sites programme to two projects "
        "from the Good Growth Fund round 2 reserve list: Better Bankside’s ‘Crossing the Line’ project and the "
        "London Borough of Redbridge’s ‘The Forge Centre’ project."
    )
    asked = "Which two reserve-list projects were funded from the Small Sites underspend?"
    start, end = counted_list(asked, said)
    assert said[start:end] == (
        "Better Bankside’s ‘Crossing the Line’ project and the London Borough of Redbridge’s ‘The Forge Centre’ project"
    )
    # Three asked, two listed; or no number asked: no list.
    assert counted_list("Which three reserve-list projects were funded?", said) is None
    assert counted_list("Which reserve-list projects were funded?", said) is None


def test_a_clause_describing_a_stated_sum_asks_no_outcome():
    # MD2714: "This will take total approved expenditure on air quality in the year to £692,000, from a budget of
    # £740,000…": the budget is asked; "had been approved" describes the £692,000.
    planned = "This will take total approved expenditure in the year to £692,000, from a budget of £740,000."
    asked = "What was the full air quality budget for 2020/21, out of which £692,000 had been approved?"
    assert not plan_for_outcome(asked, planned)
    assert plan_for_outcome("How much had actually been approved by 2021?", planned)
    # A ceiling is no outcome: MD2194 "…receipt and expenditure of up to £500,000 from London boroughs…".
    assert plan_for_outcome(
        "How much did boroughs actually pay into the hub?",
        "the receipt of up to £500,000 from London boroughs",
    )


def test_a_period_of_years_asked_is_named_by_its_two_ends_in_words():
    # corpus/gla MD3115: "…over 200,000 night-time jobs were lost in London between 2017 and 2022".
    page = "over 200,000 night-time jobs were lost in London between 2017 and 2022"
    assert names_asked_year("How many night-time jobs were lost in London 2017-2022?", page, "")
    assert not names_asked_year("How many night-time jobs were lost in London 2015-2020?", page, "")


def test_since_when_after_a_comma_or_dash_asks_a_start():
    # corpus/gla MD2751: "…the Development Agreement that was entered into in May 2013…" starts no letters.
    sentence = "The GLA has concerns under the Development Agreement that was entered into in May 2013."
    assert start_unsaid("ABP failures - since when has GLAP been writing to them?", sentence, "May 2013")
    assert not start_unsaid(
        "ABP failures - since when has GLAP been writing?", "letters since May 2013", "May 2013"
    )


def test_a_document_s_date_is_said_beside_the_document():
    # corpus/gla MD1437: "…the final prospectus for the BRS - ‘… Final prospectus’ (January 2010)", not "…rates
    # bills which are due to be issued before the end of March 2015".
    question = "When was the final prospectus for the Crossrail business rate supplement issued?"
    assert document_unsaid(
        question, "2015-16 rates bills which are due to be issued before the end of March 2015"
    )
    assert not document_unsaid(question, "having regard to the final prospectus for the BRS (January 2010)")
    assert not document_unsaid("When was Warmer Homes London launched?", "It was launched in February 2025.")
