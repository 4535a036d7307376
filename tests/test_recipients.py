"""The sum that goes to the body a question names (search_api/recipients.py)."""

from __future__ import annotations

from search_api.question_reading import Span
from search_api.recipients import (
    asked_payee,
    asked_payer,
    asked_recipient,
    comes_from,
    names_payee,
    paid_by_other,
    recipient_value,
)

# corpus/gla MD2971
GRANTS = (
    "the making of revenue grants of £300,000 from the Old Oak and Park Royal Development Corporation (OPDC) "
    "to Transport for London (TfL); and £60,000 from the OPDC to the Greater London Authority (GLA), both "
    "under section 121 of the Greater London Authority Act 1999"
)


def _sums(text: str, sums: tuple[str, ...] = ("£300,000", "£60,000")) -> list[Span]:
    return [Span(text.index(s), text.index(s) + len(s), s) for s in sums]


def test_the_body_money_goes_to_is_read_from_the_question():
    assert (
        asked_recipient("How much revenue grant did OPDC give the GLA alongside its grant to TfL?") == "GLA"
    )
    assert asked_recipient("How much did the Corporation pay to the GLA itself?") == "GLA"
    assert asked_recipient("How much was allocated to Sport Unites in 2021-22?") == "Sport Unites"
    assert asked_recipient("How much did the GLA spend on the programme?") is None
    # The subject of "get" or "receive" is who the money goes to.
    assert (
        asked_recipient("How much did the charity Crisis get by grant for its Christmas project?") == "Crisis"
    )
    assert asked_recipient("What will London Councils receive for Warmer Homes London?") == "London Councils"


def test_the_sum_whose_clause_goes_to_the_body_is_paired_with_it():
    assert recipient_value(GRANTS, _sums(GRANTS), "GLA").text == "£60,000"
    assert recipient_value(GRANTS, _sums(GRANTS), "TfL").text == "£300,000"
    # A body both clauses name, or none does, pairs nothing.
    assert recipient_value(GRANTS, _sums(GRANTS), "OPDC") is None
    assert recipient_value(GRANTS, _sums(GRANTS), "MOPAC") is None
    assert recipient_value(GRANTS, _sums(GRANTS)[:1], "GLA") is None


def test_a_body_paid_a_sum_is_paired_with_it_as_one_sent_a_sum_is():
    # DD1460: the sum paid to Islington so far, and the further one allocated "to Islington", pair nothing.
    paid = (
        "The GLA has paid the London Borough of Islington £37,500 in grant funding for its involvement as the "
        "GLA’s sub-partner and the Executive Director is asked to approve a further allocation of £40,000 to "
        "Islington as reimbursement."
    )
    assert recipient_value(paid, _sums(paid, ("£37,500", "£40,000")), "Islington") is None
    alone = "The GLA has paid the London Borough of Islington £37,500 in grant funding; £40,000 goes to TfL."
    assert recipient_value(alone, _sums(alone, ("£37,500", "£40,000")), "Islington").text == "£37,500"


def test_a_sum_from_the_body_asked_is_not_what_went_to_it():
    # MD2662: "…£400,000 of Young Londoners Fund unallocated funding…, £500,000 of income from MOPAC, and…"
    assert comes_from(" of income from MOPAC, and £750,000 additional…", "MOPAC")
    assert not comes_from(" to MOPAC for the London Gang Exit programme", "MOPAC")
    assert not comes_from(" of income from MOPAC", None)


def test_asked_the_sum_one_body_got_the_answer_is_its_sum(full_index, full_settings):
    from search_api.answer import answer_question

    result = answer_question(
        full_index,
        "How much of OPDC's revenue grant money was paid to the GLA for the transport model?",
        full_settings,
    )
    assert result.answer == "£60,000" and result.citations[0].ref == "MD2971"


def test_the_body_asked_may_end_before_a_joining_word():
    # corpus/gla MD3043: the project is named after the charity the money goes to.
    line = (
        "£542,000 for the Crisis at Christmas project – comprising expenditure of £391,978 to Crisis by grant; "
        "£141,855 to St Mungo’s by grant; and £8,167 for GLA staffing in 2022-23"
    )
    sums = [
        Span(line.index(s), line.index(s) + len(s), s) for s in ("£542,000", "£391,978", "£141,855", "£8,167")
    ]
    body = asked_recipient("How much was granted to Crisis for the Crisis at Christmas project in 2022-23?")
    assert body == "Crisis for the Crisis"
    assert recipient_value(line, sums, body).text == "£391,978"


def test_the_payee_a_question_names_is_read_by_its_verb():
    assert asked_payee("How much was Hans Haacke paid for his Fourth Plinth commission?") == "Hans Haacke"
    assert asked_payee("How much grant did London & Partners get for 2015/16?") == "London & Partners"
    assert asked_payee("How much did St Mungo's receive by grant in 2022-23?") == "St Mungo's"
    # "has DEFRA granted": DEFRA gives; "the GLA spend": nobody is paid.
    assert asked_payee("How much funding has DEFRA granted the Drain London programme?") is None
    assert asked_payee("How much did the GLA spend on the programme?") is None
    # "…paid to Crisis as a grant": the body after "paid to", capitalised.
    assert asked_payee("How much of the Crisis at Christmas money was paid to Crisis as a grant?") == "Crisis"
    assert asked_payee("How much was paid to the programme in 2023-24?") is None
    # Words between "how much" and the verb ("…Good Growth Fund grant did…"); "goes to" pays as "paid to" does.
    assert asked_payee("How much Good Growth Fund grant did Better Bankside receive?") == "Better Bankside"
    question = "How much of the £170,000 budget for 2025-26 goes to the Mayor's Community Weekend?"
    assert asked_payee(question) == "Mayor's Community Weekend"
    # The authority itself receives what its decisions say it receives: no payee to name.
    assert asked_payee("How much Growth Deal 3 money did the GLA receive for the Good Growth Fund?") is None
    # A joining word after the name is not part of it.
    assert (
        asked_payee("How much of the Young Londoners Fund went to MOPAC for knife crime projects?") == "MOPAC"
    )


def test_a_payee_is_named_by_its_initials_or_in_full():
    # MD2265: "…to the Mayor’s Office for Policing and Crime…" pays MOPAC; "the VRU" is the London VRU.
    full = "Allocation of £3.615m from the Young Londoners Fund to the Mayor’s Office for Policing and Crime"
    assert names_payee("MOPAC", full)
    assert not names_payee("MOPAC", "£400,000 from the GLA to the London Borough of Camden")
    assert names_payee("Mayor's Office for Policing and Crime", "£3.615m to MOPAC for knife crime projects")
    assert names_payee("London Violence Reduction Unit", "£932,764 to the VRU")


def test_a_longer_name_the_question_gives_is_not_the_payee():
    # MD3043: "Receipt of £542,000 of government funding from DLUHC for Crisis at Christmas" pays the
    # programme's sum, not Crisis; "comprising expenditure of £391,978 to Crisis by grant" pays Crisis.
    question = "In MD3043, how much of the Crisis at Christmas funding was paid to Crisis as a grant?"
    received = "i. Receipt of £542,000 of government funding from DLUHC for Crisis at Christmas."
    assert not names_payee("Crisis", received, question)
    assert names_payee("Crisis", "comprising expenditure of £391,978 to Crisis by grant", question)


def test_a_sum_is_the_payee_s_only_where_its_sentence_names_the_payee():
    # MD1384: the artists are named in the sentence before; the sum is the programme's.
    programme = (
        "MD1153 approved the allocation of £254,000 GLA funding for the Fourth Plinth Commissioning Programme"
    )
    assert not names_payee("Hans Haacke", programme)
    # MD1493: "L&P has been awarded £12.446m for 2015/16": named by its initials.
    assert names_payee("London & Partners", "L&P has been awarded £12.446m for 2015/16")
    assert names_payee("St Mungo's", "£141,855 to St Mungo’s by grant")


def test_the_payer_a_question_names_is_read_by_its_verb():
    assert (
        asked_payer("How much did Peabody put in from its own funds towards the solar project?") == "Peabody"
    )
    assert asked_payer("How much is the London Borough of Newham contributing to the plan?") == (
        "London Borough of Newham"
    )
    # Paid, not paying; the GLA's own spending; a decision's code; a noun, not the verb.
    assert asked_payer("How much was Hans Haacke paid for his Fourth Plinth commission?") is None
    assert asked_payer("How much will the GLA pay to TfL?") is None
    assert asked_payer("How much air quality funding did MD3139 provide for 2026-27?") is None
    assert asked_payer("How much is the Connecting Communities London investment?") is None


def test_a_sum_sent_to_the_payer_or_a_sentence_never_naming_it_is_another_s_money():
    # corpus/gla MD2968: "…as follows: £1,447,300 to Peabody Trust and £241,700 to the Royal Borough…"
    sentence = "as follows: £1,447,300 to Peabody Trust and £241,700 to the Royal Borough of Kensington"
    assert paid_by_other("Peabody", sentence, "£1,447,300")
    assert paid_by_other("Sport England", "The GLA will spend £54,000 on the Cluster.", "£54,000")
    assert not paid_by_other("Sport England", "Sport England is contributing £54,000 towards it.", "£54,000")
    # corpus/gla DD2585: the payer named in the sentence before, "it provides…".
    assert not paid_by_other(
        "High Streets for All Challenge", "From 2021-22 to 2022-23 it provides £4.085m of funding", "£4.085m"
    )


def test_a_sum_from_a_body_written_by_its_initials_comes_from_it():
    # corpus/gla MD2662: "…£500,000 of income from MOPAC…", asked what went to "the Mayor's Office for Policing
    # and Crime".
    assert comes_from(" of income from MOPAC, and £750,000", "Mayor's Office for Policing and Crime")
    assert not comes_from(" to MOPAC for the Knife Crime fund", "Mayor's Office for Policing and Crime")


def test_a_body_a_bid_went_to_is_no_recipient():
    # corpus/gla MD2900: "The GLA has successfully bid for £40,237,555 from the Sustainable Warmth grant
    # competition": the money came from the body the bid went to.
    assert (
        asked_recipient("How much did the GLA win in its bid to the Sustainable Warmth competition?") is None
    )
    assert asked_recipient("How much was paid to Crisis after its bid to the fund?") == "Crisis"
