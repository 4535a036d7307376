"""A year named in a question picks the figure stated with that year (search_api/answer_checks.year_fit)."""

from __future__ import annotations

from search_api.answer_checks import one_year_of_period, states_asked_period, year_fit
from search_api.question_reading import Span

# MD3430 (corpus/gla/): "£31,469m in 2025-26, £19,332m in 2026-27 and £21,599m in 2027-28 in revenue funding"
LINE = "£31,469m in 2025-26, £19,332m in 2026-27 and £21,599m in 2027-28 in revenue funding"


def _span(figure: str) -> Span:
    start = LINE.index(figure)
    return Span(start, start + len(figure), figure)


def test_the_figure_stated_with_the_asked_year_fits_best():
    question = "How much revenue funding is allocated in 2026-27 for the programme?"
    fits = {f: year_fit(question, LINE, _span(f)) for f in ("£31,469m", "£19,332m", "£21,599m")}
    assert fits["£19,332m"] == 1.0
    assert fits["£31,469m"] < 1.0 and fits["£21,599m"] < 1.0


def test_a_question_without_a_year_leaves_every_figure_alone():
    question = "How much revenue funding is allocated for the programme?"
    assert all(year_fit(question, LINE, _span(f)) == 1.0 for f in ("£31,469m", "£19,332m", "£21,599m"))


def test_a_figure_with_no_year_of_its_own_is_not_penalised():
    line = "a grant of £40,000 to Islington Council as reimbursement"
    start = line.index("£40,000")
    assert year_fit("How much did Islington get in 2015-16?", line, Span(start, start + 7, "£40,000")) == 1.0


def test_a_figure_stated_for_another_year_never_answers():
    # corpus/gla/gla-8624db65.txt (MD2777): "…from the total Sport Unites 2021-22 budget of £1.3m, to ensure…"
    line = "approval of expenditure of up to £830,000 from the total Sport Unites 2021-22 budget of £1.3m, to ensure"
    start = line.index("£1.3m")
    assert year_fit("Sport Unites budget for 2022-23", line, Span(start, start + 5, "£1.3m")) == 0.0
    assert year_fit("Sport Unites budget for 2021-22", line, Span(start, start + 5, "£1.3m")) == 1.0


def test_a_financial_year_covers_a_date_in_its_second_calendar_year():
    # corpus/gla/ (DD1457): "The Scheme will deliver 24 community based tree and woodland projects by March 2016."
    line = "The Scheme will deliver 24 community based tree and woodland projects by March 2016."
    start = line.index("24")
    question = "How many projects was the 2015-16 scheme expected to deliver?"
    assert year_fit(question, line, Span(start, start + 2, "24")) == 1.0


def test_a_financial_year_written_short_is_its_year():
    # corpus/gla/gla-dcd1b19b.txt (DD2707): "…up to £566,000 revenue in financial year 24-25, and £520,323
    # in financial year 25-26 to meet targeted programme costs"
    line = "up to £566,000 revenue in financial year 24-25, and £520,323 in financial year 25-26 to meet"
    question = "How much Local Growth Capacity Support Programme spending is approved for 2025-26?"
    fits = {f: year_fit(question, line, _span_in(line, f)) for f in ("£566,000", "£520,323")}
    assert fits == {"£566,000": 0.0, "£520,323": 1.0}


def _span_in(line: str, figure: str) -> Span:
    start = line.index(figure)
    return Span(start, start + len(figure), figure)


def test_a_decision_that_never_names_the_asked_year_states_no_figure_for_it():
    from search_api.answer_checks import years_named

    # corpus/gla/gla-dcd1b19b.txt (DD2707) names 2024-25 and 2025-26 ("financial year 25-26"), not 2026-27.
    text = "£566,000 revenue in financial year 24-25, and £520,323 in financial year 25-26"
    assert years_named(text) == {"2024", "2025"}


def test_a_year_the_sentence_states_for_all_its_figures_is_theirs():
    # MD3161: "a) £442,530 for the Crisis at Christmas project – comprising expenditure of £323,946 to
    # Crisis by grant, and £118,584 to St Mungo’s by grant, in 2023-24": no figure here is 2022-23's.
    line = (
        "a) £442,530 for the Crisis at Christmas project – comprising expenditure of £323,946 to Crisis by "
        "grant, and £118,584 to St Mungo’s by grant, in 2023-24"
    )
    start = line.index("£323,946")
    crisis = Span(start, start + 8, "£323,946")
    assert year_fit("How much did Crisis get in 2022-23?", line, crisis) == 0.0
    assert year_fit("How much did Crisis get in 2023-24?", line, crisis) == 1.0
    # MD2289: "Love London £126,000 - £36,000 of which is slippage from 2017-18": 2017-18 holds 2018.
    line = "Love London £126,000 - £36,000 of which is slippage from 2017-18"
    start = line.index("£126,000")
    assert (
        year_fit("Love London budget in the 2018 programme", line, Span(start, start + 8, "£126,000")) == 1.0
    )


def test_a_year_stated_with_since_holds_for_every_later_year():
    # MD2862: "Since 2017, it has supported 86 community projects, covering 26 boroughs."
    text = "Since 2017, it has supported 86 community projects, covering 26 boroughs."
    span = Span(text.index("26"), text.index("26") + len("26 boroughs"), "26 boroughs")
    assert year_fit("How many boroughs had London Community Energy Fund projects by 2021?", text, span) == 1.0
    assert year_fit("How many boroughs had projects in 2015?", text, span) == 0.0


def test_a_range_of_several_years_covers_each_financial_year_in_it():
    # DD2585: "From 2021-22 to 2022-23 it provides £4.085m of strategic enabling funding…"
    line = "From 2021-22 to 2022-23 it provides £4.085m of strategic enabling funding"
    start = line.index("£4.085m")
    figure = Span(start, start + 7, "£4.085m")
    assert year_fit("How much strategic enabling funding is there over 2021-23?", line, figure) == 1.0
    assert year_fit("How much strategic enabling funding is there over 2023-25?", line, figure) == 0.0
    # DD1149: "…amounts to £1.405 million in 2013-15": a figure for two years answers for either.
    line = "The cost of grant funding and contract variations amounts to £1.405 million in 2013-15."
    start = line.index("£1.405")
    figure = Span(start, start + 13, "£1.405 million")
    assert year_fit("What did the 2014 extension cost?", line, figure) == 1.0
    assert year_fit("What did the 2016 extension cost?", line, figure) == 0.0


# MD3139 (corpus/gla/gla-546cae79.txt): its summary states each year's figure in brackets after the
# year, its decision the sum for the years from 2023 on.
SUMMARY = "deliver air quality projects in 2023-24 (£390,000), 2024-25 (£58,500) and 2025-26 (£58,500)."
DECISION = "approves expenditure of up to £507,000 to deliver air quality projects from 2023 through to 2026"


def _fit(question: str, text: str, figure: str, nth: int = 0) -> float:
    start = text.index(figure) if not nth else text.index(figure, text.index(figure) + 1)
    return year_fit(question, text, Span(start, start + len(figure), figure))


def test_a_figure_in_brackets_after_a_year_is_that_years():
    question = "What is the 2023-24 amount in MD3139 for air quality projects?"
    assert _fit(question, SUMMARY, "£390,000") == 1.0
    assert _fit(question, SUMMARY, "£58,500") == 0.0  # the 2024-25 figure
    assert _fit("How much for air quality in 2025-26?", SUMMARY, "£58,500", nth=1) == 1.0


def test_a_sum_for_a_period_from_the_asked_year_is_not_that_years_figure():
    assert _fit("What is the 2023-24 amount for air quality projects?", DECISION, "£507,000") == 0.0
    assert _fit("How much from 2023 to 2026 for air quality?", DECISION, "£507,000") == 1.0


def test_a_figure_of_now_is_not_the_asked_year_s():
    # DD2180: "…treasury function has grown from managing c£50m of cash and no debt in 2010-11 to
    # currently managing £3bn of cash…": £3bn is today's, not 2010-11's.
    text = "treasury function has grown from managing c£50m of cash and no debt in 2010-11 to currently managing £3bn of cash"
    question = "How much cash did the treasury manage in 2010-11?"
    then, now = text.index("c£50m"), text.index("£3bn")
    assert year_fit(question, text, Span(then, then + 5, "c£50m")) == 1.0
    assert year_fit(question, text, Span(now, now + 4, "£3bn")) == 0.0


def test_a_figure_of_now_is_the_year_its_sentence_states():
    # DD2180: "…to currently managing £3bn of cash and more than £4bn of borrowings in 2017-18": "currently"
    # is 2017-18 there.
    text = (
        "treasury function has grown from managing c£50m of cash and no debt in 2010-11 to currently managing "
        "£3bn of cash and more than £4bn of borrowings in 2017-18."
    )
    now = text.index("£3bn")
    assert (
        year_fit("How much cash did the treasury manage in 2017-18?", text, Span(now, now + 4, "£3bn")) == 1.0
    )
    assert (
        year_fit("How much cash did the treasury manage in 2010-11?", text, Span(now, now + 4, "£3bn")) == 0.0
    )


def test_the_same_sum_as_another_year_is_the_asked_year_s_too():
    # PCD 1792: "…grant funding for the Serious Violence Duty for 2025-2026, the same allocation as 2024-2025
    # of £932,764": the figure is 2025-26's as much as 2024-25's.
    text = (
        "the Home Office confirmed that they will be funding VRUs grant funding for the Serious Violence Duty "
        "for 2025-2026, the same allocation as 2024-2025 of £932,764."
    )
    at = text.index("£932,764")
    span = Span(at, at + 8, "£932,764")
    assert year_fit("Serious Violence Duty grant for 2025-26", text, span) == 1.0
    assert year_fit("Serious Violence Duty grant for 2024-25", text, span) == 1.0
    assert year_fit("Serious Violence Duty grant for 2023-24", text, span) == 0.0


def test_a_sum_for_several_years_is_no_one_year_s_figure():
    # MD2510: "Net expenditure of £2.3m of Young Londoners Fund scale-up funding across the years 2019/20 –
    # 2022/23": a sum for four years says nothing of one of them; one year's own sum still fits.
    text = (
        "Net expenditure of £2.3m of Young Londoners Fund scale-up funding across the years 2019/20 – 2022/23"
    )
    at = text.index("£2.3m")
    span = Span(at, at + 5, "£2.3m")
    assert year_fit("What was the Young Londoners Fund budget for 2021-22?", text, span) == 0.0
    assert year_fit("What was the Young Londoners Fund budget for 2022-23?", text, span) == 0.0
    one = "expenditure of £2.3m in 2022-23, from 2022 to 2023"
    assert year_fit("What was the budget for 2022-23?", one, Span(15, 20, "£2.3m")) == 1.0


def test_a_period_asked_is_stated_by_the_sentence_that_answers():
    from search_api.answer_checks import states_asked_period

    # MD3230: "…the next five-year Delivery Plan period (2024-25 to 2028-29), with expenditure approval of
    # £64.31m" states the period; "…forecast to be spent by the end of 2028-29 from the £212.5m budget
    # envelope" only its last year.
    question = "What is the total budget of the Royal Docks Delivery Plan for 2024-25 to 2028-29?"
    assert states_asked_period(question, "the next five-year Delivery Plan period (2024-25 to 2028-29)")
    assert states_asked_period("Royal Docks delivery plan 2024-29 budget", "the period (2024-25 to 2028-29)")
    assert not states_asked_period(question, "spent by the end of 2028-29 from the £212.5m budget envelope")
    assert states_asked_period("What is the Royal Docks budget?", "by the end of 2028-29")  # no period asked


def test_a_period_ending_in_a_year_that_repeats_its_century_is_stated():
    from search_api.answer_checks import states_asked_period

    # "2020/21" writes "20" twice: the period's end is where the year starts, not its last "20".
    question = "How much was set aside for the programme between 2017/18 and 2020/21?"
    assert states_asked_period(question, "Revenue expenditure of £3,560,000 between 2017/18 to 2020/21")
    assert states_asked_period(
        question, "Maximum expenditure of £5,360,000 between 17/18 to 20/21 comprising:"
    )
    assert not states_asked_period(question, "expenditure of £5,360,000 by 20/21 at the latest")


def test_a_period_stated_year_by_year_is_stated():
    from search_api.answer_checks import states_asked_period

    question = "Overall cost of the scheme from 2022-23 to 2024-25?"
    assert states_asked_period(question, "£90,000 in 2022-23, £75,000 in 2023-24 and £60,000 in 2024-25")
    assert not states_asked_period(question, "£90,000 in 2022-23 and £75,000 in 2023-24")


def test_one_year_s_figure_is_a_part_of_the_period_asked():

    line = "The Mayor is asked to approve £90,000 in 2022-23, £75,000 in 2023-24 and £60,000 in 2024-25."
    spans = {f: Span(line.index(f), line.index(f) + len(f), f) for f in ("£90,000", "£60,000")}
    asked = "Overall cost of the scheme from 2022-23 to 2024-25?"
    assert one_year_of_period(asked, line, spans["£90,000"])
    assert one_year_of_period(asked, line, spans["£60,000"])
    assert not one_year_of_period(
        "Overall cost of the scheme in 2022-23?", line, spans["£90,000"]
    )  # one year asked
    assert not one_year_of_period("Annual cost of the scheme, 2022-23 to 2024-25", line, spans["£90,000"])
    whole = "expenditure of £225,000 between 2022-23 and 2024-25"
    assert not one_year_of_period(asked, whole, Span(15, 23, "£225,000"))  # its year opens its own period


def test_a_year_in_an_aside_dates_something_else_not_the_figure():
    # MD2067: "…in accordance with the Senior Salaries Review Body recommendation (agreed in 2009), the local
    # government pay settlement of 1% is to be applied to the pay of the Assembly Members and the Mayor."
    line = "Under the review body's advice (accepted in 2011), a pay award of 2% applies to the members."
    start = line.index("2%")
    assert (
        year_fit("What pay award did the members get for 2019-20?", line, Span(start, start + 2, "2%")) == 1.0
    )
    plain = "Under the review body's advice accepted in 2011, a pay award of 2% applies to the members."
    start = plain.index("2%")
    assert (
        year_fit("What pay award did the members get for 2019-20?", plain, Span(start, start + 2, "2%"))
        == 0.0
    )


def test_a_sum_for_the_years_from_one_on_answers_a_question_from_that_year_onwards():
    # corpus/gla MD3139: "…expenditure of up to £507,000 to deliver air quality projects from 2023 through to
    # 2026" and "…air quality projects in 2023-24 (£390,000), 2024-25 (£58,500) and 2025-26 (£58,500)".
    whole = "That the Mayor approves expenditure of up to £507,000 to deliver air quality projects from 2023 through to 2026."
    parts = "This decision seeks approval to deliver air quality projects in 2023-24 (£390,000), 2024-25 (£58,500)."
    onwards = "How much is approved for air quality projects from 2023 onwards?"
    whole_span, part_span = _span_in(whole, "£507,000"), _span_in(parts, "£390,000")
    assert year_fit(onwards, whole, whole_span) == 1.0
    assert year_fit("How much is approved for air quality projects in 2023?", whole, whole_span) == 0.0
    assert one_year_of_period(onwards, parts, part_span)  # one year's part of the period asked
    assert not one_year_of_period(onwards, whole, whole_span)


def _span_in(text: str, figure: str) -> Span:
    start = text.index(figure)
    return Span(start, start + len(figure), figure)


def test_a_numbered_item_saying_no_year_is_of_the_years_of_the_line_it_stands_under(
    full_index, full_settings
):
    from search_api.answer import answer_question

    # MD3093: "ii.i provision of up to £285,000 revenue grant funding to the GLA functional bodies…" stands
    # under "ii. approves expenditure of £583,000 between 2023-24 and 2024-25 … via:"; asked of 2022-23, the
    # answer is "i. approves expenditure of up to £292,000 … to TfL in 2022-23, to:".
    asked = "small sites small builders grant to TfL 2022-23"
    assert answer_question(full_index, asked, full_settings).answer == "up to £292,000"


def test_a_year_asked_beside_the_programme_s_period_is_the_year_asked():
    # MD3093 (tuning68's t68_07): "2022-25" names the programme; "in 2022-23" is the year asked.
    asked = "How much revenue grant did the Small Sites Small Builders 2022-25 decision give TfL in 2022-23?"
    line = "i. approves expenditure of up to £292,000 in the form of a revenue grant to TfL in 2022-23, to:"
    at = line.index("up to £292,000")
    assert states_asked_period(asked, line)
    assert not one_year_of_period(asked, line, Span(at, at + 14, "up to £292,000"))
    # The ends of a period are not years asked on their own: "£370,000 in 2018/19" is one year of it.
    period = "air quality supporting work 2018/19-2020/21 total expenditure approved"
    each = "It invites the Mayor to approve expenditure of £370,000 in 2018/19, £270,000 in 2019/20"
    assert not states_asked_period(period, each)


def test_a_period_asked_by_its_first_year_is_stated_by_a_period_starting_then():
    # corpus/gla MD3230: the five-year plan "(2024-25 to 2028-29), with expenditure approval of £64.31m (£21.58m
    # revenue and £42.73m capital)".
    plan = (
        "the next five-year Delivery Plan period (2024-25 to 2028-29), with expenditure approval of £64.31m"
    )
    assert _fit("How much is in the delivery plan starting 2024-25?", plan, "£64.31m") == 1.0
    assert _fit("How much is in the delivery plan for 2024-25?", plan, "£64.31m") == 0.0
