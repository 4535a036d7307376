"""Who acts, and what is done: for "which company" an organisation's name is the answer, and the
name of a programme, fund or code is never the answer to "who" or "which body"."""

from __future__ import annotations

from search_api.answer_spans import spans_for
from search_api.question_reading import analyse_question

# corpus/gla/gla-911f25d7.txt (DD2664)
CONTRACT = (
    "an exemption from the requirement in the GLA’s Contracts and Funding Code to procure competitively in "
    "order to extend the GLA’s current contract with Rice Marketing Limited (extension value £10,000)"
)
# corpus/gla/gla-f156ec77.txt (MD2662)
TRANSFER = (
    "a budget transfer of £27,000 in 2020/21 from the Young Londoners Fund to the Team London Young "
    "Ambassador programme and approval for expenditure of £27,000"
)


def _qualities(q, text: str) -> dict[str, float]:
    """Each name read in `text` for the question `q`, with its fit to what is asked (keyed without the
    article it is answered with: "the London Borough of Hounslow")."""
    return {s.text.removeprefix("the "): s.quality for s in spans_for(q.kind, text, q, set())}


def _answer(question: str, text: str) -> str:
    """The best name read in `text` for the question, as it is answered."""
    q = analyse_question(question)
    return max(spans_for(q.kind, text, q, set()), key=lambda s: s.quality).text


def _best(question: str, text: str) -> str:
    """The best name, without the article it is answered with."""
    return _answer(question, text).removeprefix("the ")


def test_which_company_is_answered_by_the_company_not_the_code():
    q = analyse_question("Which company's contract was extended without competition?")
    assert q.kind == "person" and q.organisation
    assert (
        _best("Which company's contract was extended without competition?", CONTRACT)
        == "Rice Marketing Limited"
    )


def test_a_programme_named_before_its_noun_is_not_who_acts():
    q = analyse_question("Apart from the fund, which body put money into the activities for young people?")
    found = _qualities(q, TRANSFER)
    assert found["Team London Young Ambassador"] <= 0.1


def test_an_acronym_in_brackets_is_answered_with_the_name_it_shortens():
    # corpus/gla/gla-b2277d11.txt (ADD2753)
    line = "This decision seeks approval to provide funding to Community Energy London (CEL), who will offer"
    q = analyse_question("Which organisation is being paid to run the secretariat for the Taskforce?")
    assert "Community Energy London (CEL)" in {s.text for s in spans_for(q.kind, line, q, set())}


def test_a_posts_portfolio_after_its_title_is_not_a_name():
    # corpus/gla/gla-856b292d.txt (MD3380): "…with the Assistant Director, Civil Society and Sport, as the
    # Senior Responsible Owner"; DMFD262: "That the Deputy Mayor for Planning, Regeneration and the Fire Service…"
    q = analyse_question("Who is the Senior Responsible Owner of the programme?")
    for line in [
        "with the Assistant Director, Civil Society and Sport, as the Senior Responsible Owner",
        "That the Deputy Mayor for Planning, Regeneration and the Fire Service authorises the spending",
    ]:
        found = {s.text for s in spans_for(q.kind, line, q, set())}
        assert not found & {"Civil Society and Sport", "Regeneration and the Fire Service", "Fire Service"}
    # A person's name after a post stays one.
    found = {s.text for s in spans_for(q.kind, "approved by the Mayor, Sadiq Khan, in March", q, set())}
    assert "Sadiq Khan" in found


def test_which_two_is_answered_by_both_names():
    # corpus/gla/gla-b013002d.txt (MD1384): "The next two commissions by Hans Haacke and David Shrigley will be
    # unveiled in early 2015"
    line = "The next two commissions by Hans Haacke and David Shrigley will be unveiled in early 2015"
    assert (
        _best("Which two artists won the fourth round of commissions?", line)
        == "Hans Haacke and David Shrigley"
    )
    assert _best("Which artist won the commission?", line) != "Hans Haacke and David Shrigley"


def test_the_questions_own_words_shortened_are_not_its_answer():
    # corpus/gla/gla-0bdb5e09.txt: "The Crossrail BRS is collected by the 32 London boroughs and the
    # Corporation of London on behalf of the GLA." — BRS is the question's "business rate supplement".
    line = "The Crossrail BRS is collected by the 32 London boroughs and the Corporation of London"
    q = analyse_question("Who collects the Crossrail business rate supplement on the GLA's behalf?")
    assert "BRS" in q.acronyms
    assert "Crossrail BRS" not in {s.text for s in spans_for(q.kind, line, q, set())}


def test_a_mayors_programme_is_not_a_body():
    # corpus/gla/gla-a482458b.txt: "The delivery plan for the Mayor’s Improving London’s Housing Stock programme"
    line = (
        "The delivery plan for the Mayor’s Improving London’s Housing Stock programme sets out the activities"
    )
    q = analyse_question("Which organisation runs delivery of the Warmer Homes programme for the GLA?")
    assert all(quality <= 0.1 for quality in _qualities(q, line).values())


def test_the_asked_kind_of_body_fits_best_and_a_decision_type_is_no_body():
    # corpus/gla/ (MD2306): "…the Mayor and lead Assembly Members have indicated they wish to appoint Mary
    # Harpley, currently Chief Executive of the London Borough of Hounslow"
    line = (
        "the Mayor and lead Assembly Members have indicated they wish to appoint Mary Harpley, currently "
        "Chief Executive of the London Borough of Hounslow"
    )
    q = analyse_question(
        "Which council was Mary Harpley chief executive of when picked as GLA Chief Officer?"
    )
    found = _qualities(q, line)
    # (A body not called a council or a borough is no answer to "which council" at all.)
    assert found["London Borough of Hounslow"] > found.get("Assembly Members", 0.0)
    q = analyse_question("Which organisations were awarded the small grants?")
    assert "ADD" not in {s.text for s in spans_for(q.kind, "Approved by ADD and MD decisions", q, set())}


def test_a_post_answers_a_delegation_with_its_portfolio():
    # corpus/gla/gla-856b292d.txt (MD3380): "…with the Assistant Director, Civil Society and Sport, as the
    # Senior Responsible Owner"; corpus/gla/gla-5e84c2c0.txt: "delegates authority to the Head of Regeneration…"
    q = analyse_question("Who is the Senior Responsible Owner of the programme?")
    assert q.post
    line = "with the Assistant Director, Civil Society and Sport, as the Senior Responsible Owner"
    assert _best("Who is the Senior Responsible Owner of the programme?", line) == (
        "Assistant Director, Civil Society and Sport"
    )
    line = (
        "delegates authority to the Head of Regeneration to approve detailed expenditure of this allocation"
    )
    assert (
        _best("Who is given delegated authority to approve the detailed spending?", line)
        == "Head of Regeneration"
    )
    # Not asked about a post, a post is no answer to "who".
    assert not analyse_question("Who chairs the Board?").post


def test_a_spelt_out_name_fits_as_well_as_its_words():
    # corpus/gla/ (ADD2791): "…£3,489,000 of funding from the Ministry of Housing, Communities and Local
    # Government (MHCLG) through…"
    line = (
        "of funding from the Ministry of Housing, Communities and Local Government (MHCLG) through the grant"
    )
    q = analyse_question("Which government ministry provides the funding?")
    found = _qualities(q, line)
    spelt = "Ministry of Housing, Communities and Local Government (MHCLG)"
    assert spelt in found and found[spelt] >= max(found.values())


def test_the_publisher_is_not_the_body_asked_for():
    line = "The Greater London Authority (GLA) appointed Shared Intelligence Limited to carry out the review"
    q = analyse_question("Which consultant was appointed to carry out the review?")
    found = {s.text for s in spans_for(q.kind, line, q, set())}
    assert not any("GLA" in f or "Greater London" in f for f in found)
    assert "Shared Intelligence Limited" in found


def test_another_greater_body_is_not_taken_for_the_publisher():
    line = "grant funding to the Greater Manchester Combined Authority for the pilot"
    q = analyse_question("Which body received the grant funding for the pilot?")
    assert "the Greater Manchester Combined Authority" in {s.text for s in spans_for(q.kind, line, q, set())}


def test_members_of_a_body_are_not_the_person_a_post_was_given_to():
    # corpus/gla/gla-93238189.txt (MD1507): "…not all LFEPA Members were comfortable with that proposal."
    text = (
        "The Chairman of LFEPA replied to say that not all LFEPA Members were comfortable; Ron Dobson agreed."
    )
    q = analyse_question("Who was appointed London Fire Commissioner?")
    found = _qualities(q, text)
    assert found["LFEPA Members"] <= 0.2 < found["Ron Dobson"]


def test_a_one_word_company_name_and_its_description_answer_which_co_operative():
    # corpus/gla/gla-146598f3.txt (MD2380): "This funding will be allocated to RetrofitWorks (a not-for-profit
    # co-operative), which is overseeing delivery of the programme…"
    text = "This funding will be allocated to RetrofitWorks (a not-for-profit co-operative), with London Councils."
    assert _best("Which co-operative delivers the Warmer Homes programme?", text) == "RetrofitWorks"


def test_a_body_named_before_its_grant_is_who_gave_it():
    # corpus/gla/gla-54e0b5fa.txt (MD2179): "…receipt and expenditure of Arts Council England grant income of up
    # to £160,000…". A programme named before its noun stays no answer (see TRANSFER above).
    line = "receipt and expenditure of Arts Council England grant income of up to £160,000"
    assert _best("The £160,000 grant income comes from which funder", line) == "Arts Council England"
    q = analyse_question("Apart from the fund, which body put money into the activities for young people?")
    found = _qualities(q, TRANSFER)
    assert found["Team London Young Ambassador"] <= 0.1


def _names_in(question: str, text: str) -> list[str]:
    q = analyse_question(question)
    return [s.text.removeprefix("the ") for s in spans_for(q.kind, text, q, set())]


def test_which_borough_is_answered_by_a_borough_not_by_another_body():
    # MD3366: "…will see the Mayor of London and London Councils work in partnership…"
    line = "Warmer Homes London will see the Mayor of London and London Councils work in partnership"
    assert _names_in("Which London borough received the largest share of the grant?", line) == []
    assert "London Councils" in _names_in("Which organisation received the largest share of the grant?", line)
    # MD3336: "…£200,000 of grant funding to the London Borough of Hounslow (LB Hounslow)…"
    line = "£200,000 of grant funding to the London Borough of Hounslow, with Transport for London"
    assert "London Borough of Hounslow" in _names_in("Which boroughs get Homes England grant?", line)
    assert "Transport for London" not in _names_in("Which boroughs get Homes England grant?", line)
    assert analyse_question("Which boroughs get Homes England grant?").organisation


def test_a_part_of_the_report_is_not_a_name():
    # DD2585: "…the seven exemplar third-party projects set out at Appendix A to this report."
    line = "the costs of delivery of the seven exemplar third-party projects set out at Appendix A to this report"
    assert "Appendix A" not in _names_in("Which organisations deliver the seven exemplar projects?", line)


def test_and_inside_a_company_s_name_does_not_split_it():
    # DD2075: "…to act on behalf of the GLA Land and Property Ltd (GLAP) to agree a purchase price…"
    line = "Ryder and Partners LLP will act for Matthew Ryder and Jane Smith"
    found = _names_in("Which firm was appointed as the advisor?", line)
    assert "Ryder and Partners LLP" in found and "Partners LLP" not in found
    assert "Jane Smith" in _names_in("Who was appointed as the advisor?", line)


def test_the_asked_phrase_is_the_noun_phrase_after_what_or_how_much():
    assert analyse_question("What was the combined total for the programme?").asked_phrase == {
        "combin",
        "total",
    }
    assert analyse_question("How much revenue grant did OPDC give TfL?").asked_phrase == {"revenu", "grant"}
    assert analyse_question("How much did London Councils put in?").asked_phrase == set()


def test_a_company_name_with_a_bracketed_part_is_one_name():
    # MD2751: "The GLA has a number of concerns relating to ABP (London) Investment Limited’s performance…"
    line = (
        "concerns relating to ABP (London) Investment Limited’s performance under the Development Agreement"
    )
    assert _best("Which company's performance concerned the GLA?", line) == "ABP (London) Investment Limited"
    # Before a name that is no company, a bracketed short form ends the name (DD2515).
    plan = "approved expenditure for the Royal Docks Enterprise Zone (EZ) Delivery Plan"
    assert "Royal Docks Enterprise Zone (EZ) Delivery Plan" not in _names_in("Who approved the plan?", plan)


def test_a_body_named_as_a_project_s_owner_is_a_body():
    # DD2352: "…to support delivery of Better Bankside’s ‘Crossing the Line’ project and the London Borough
    # of Redbridge’s ‘The Forge Centre’ project". "Better Bankside" holds no word only a body's name has.
    line = (
        "Capital expenditure of £2,183,379 to support delivery of Better Bankside’s ‘Crossing the Line’ "
        "project and the London Borough of Redbridge’s ‘The Forge Centre’ project"
    )
    q = analyse_question("Which organisation runs the Crossing the Line project?")
    owner = next(s for s in spans_for(q.kind, line, q, set()) if s.text == "Better Bankside")
    assert owner.quality >= 0.8


def test_a_plural_asked_noun_wants_every_name_of_a_pair():
    # MD2179: "The next two commissions, by Michael Rakowitz and Heather Phillipson, will be unveiled…"
    line = "The next two commissions, by Michael Rakowitz and Heather Phillipson, will be unveiled in 2018"
    assert _best("Which artists were chosen for the next commissions?", line) == (
        "Michael Rakowitz and Heather Phillipson"
    )
    assert analyse_question("Which artists were chosen?").plural
    assert not analyse_question("Which artist was chosen?").plural


def test_a_firm_asked_for_is_never_a_public_body():
    # MD2971's grant lets Transport for London build the OPDC transport model; no firm is named.
    line = (
        "The grant to Transport for London will fund the strategic transport model, built with Arup Limited"
    )
    found = _names_in("Which consultancy built the strategic transport model?", line)
    assert "Transport for London" not in found and "Arup Limited" in found
    assert "Transport for London" in _names_in("Which organisation built the transport model?", line)


def test_a_department_left_out_of_its_initials_is_part_of_its_name():
    # MD3010's page: "…approved receipt of £40.2m funding from the Department of Business, Energy and
    # Industrial Strategy (BEIS)". "BEIS" leaves out "Department of"; the answer was "Department of Business".
    q = analyse_question("Name the government department that provided the £40.2m used for Warmer Homes")
    text = (
        "Mayoral Decision (MD) 2900 approved receipt of £40.2m funding from the Department of Business, "
        "Energy and Industrial Strategy (BEIS)"
    )
    best = max(spans_for("person", text, q, set()), key=lambda s: s.quality)
    assert best.text == "the Department of Business, Energy and Industrial Strategy (BEIS)"


def test_which_artist_is_never_answered_by_a_body():
    # MD2815: "It supports the work of the Mayor’s Commission for Diversity in the Public Realm."
    line = "It supports the work of the Mayor’s Commission for Diversity in the Public Realm."
    q = analyse_question("Which artist's Fourth Plinth commission was unveiled in 2024?")
    fit = _qualities(q, line)
    assert fit["Mayor’s Commission for Diversity"] < 0.25  # the Mayor's own body keeps his name
    body = analyse_question("Which body's work does the Fourth Plinth support?")
    assert _qualities(body, line)["Mayor’s Commission for Diversity"] >= 0.6
    # Asked as "Who is the artist of…", the same: the noun after "who is the" says what is wanted.
    who_is = analyse_question("Who is the artist of the Fourth Plinth commission unveiled in 2024?")
    assert who_is.individual and _qualities(who_is, line)["Mayor’s Commission for Diversity"] < 0.25
    assert not analyse_question("Who commissioned the artists for the Fourth Plinth?").individual


def test_who_and_a_verb_in_s_asks_one_person():
    # "Who chairs…" asks one name: "chairs" is its verb, not a plural noun ("Which artists…").
    assert not analyse_question("Who chairs the London Community Energy Taskforce?").plural
    assert analyse_question("Who are the partners of the scheme?").plural
    assert analyse_question("Which artists won the commission?").plural


def test_a_body_of_one_word_that_money_goes_to_is_a_name():
    # MD3350: "c. up to £30,321 by way of a grant to Groundswell for support of the Lived Experience
    # Advisory Group". One capitalised word is a name only where a body is asked and money goes to it.
    line = "up to £30,321 by way of a grant to Groundswell for support of the Lived Experience Advisory Group"
    body = analyse_question(
        "Which organisation gets the grant to support the Lived Experience Advisory Group?"
    )
    assert _qualities(body, line).get("Groundswell", 0) >= 0.8
    person = analyse_question("Who chairs the Lived Experience Advisory Group?")
    assert "Groundswell" not in {s.text for s in spans_for(person.kind, line, person, set())}
    assert "Environment" not in {
        s.text for s in spans_for(body.kind, "Funding for Environment projects", body, set())
    }


def test_a_programme_named_for_its_delivery_is_no_body():
    # corpus/gla/gla-8e8d2f4f.txt: "…bids for £8,029,950 of Green Homes Grant Local Authority Delivery (LAD)
    # scheme funding…": a programme, not the organisation that oversees delivery.
    line = "the GLA led and submitted successful consortium bids for £8,029,950 of Green Homes Grant Local Authority Delivery"
    q = analyse_question("Which organisation oversees delivery of the Warmer Homes programme?")
    found = _qualities(q, line)
    assert found.get("Green Homes Grant Local Authority Delivery", 0.0) <= 0.1


def test_initials_with_a_small_word_s_letter_are_a_body():
    # MD3166: "…the Greater London Authority (“GLA”) allocates £50 million from the Environmental
    # Improvement Reserve (“EIR”) to TfL". "TfL", "DfE" are initials as "GLA" is.
    line = (
        "it is proposed that the GLA allocates £50 million from the Environmental Improvement Reserve to TfL"
    )
    body = analyse_question(
        "Which body was allocated £50 million from the Environmental Improvement Reserve?"
    )
    found = _qualities(body, line)
    assert found.get("TfL", 0) >= 0.5
    assert "Tf" not in found and "Environmental Improvement Reserve" not in found


def test_an_obligation_is_a_scheme_not_a_contractor():
    # corpus/gla/ (MD2886): "…secured over £6m in match funding from the Green Homes Grant Local Authority
    # Delivery programme and the Energy Company Obligation"
    text = (
        "has so far secured over £6m in match funding from the Green Homes Grant Local Authority Delivery "
        "programme and the Energy Company Obligation"
    )
    q = analyse_question("Which contractor delivers the Warmer Homes programme works?")
    found = _qualities(q, text)
    assert found.get("Energy Company Obligation", 0.0) <= 0.1


def test_asked_who_gave_the_body_money_comes_from_beats_the_one_it_goes_to():
    # corpus/gla MD2510: "A revenue grant of £500,000 from the GLA to the Mayor’s Office for Policing and
    # Crime"; ADD2167: "Sport England is contributing £54,000 …"; "affected by the Grenfell Tower tragedy".
    line = "a grant of £9,000 from Arts Council England to the London Borough of Brent for the festival"
    assert _best("Which body gave the grant for the festival?", line) == "Arts Council England"
    assert _best("Which body received the grant for the festival?", line) == "London Borough of Brent"
    line = "Sport England is contributing £54,000 to the cluster, for families affected by the Grenfell Tower fire."
    assert _best("Which organisation put £54,000 into the cluster?", line) == "Sport England"


def test_the_mayors_own_body_keeps_his_name_and_is_no_post():
    # MD2510: "…to the Mayor’s Office for Policing and Crime"; MD1597: "from the Mayor's Housing Covenant".
    line = "A revenue grant of £500,000 from the GLA to the Mayor’s Office for Policing and Crime, under section 121"
    assert _best("Which body got the £500,000 grant?", line) == "Mayor’s Office for Policing and Crime"
    line = "Reallocates £200m from the Mayor's Housing Covenant to the Housing Zones programme"
    assert _best("Where was the £200m for the Housing Zones taken from?", line) == "Mayor's Housing Covenant"


def test_where_money_came_from_is_a_named_budget_with_its_number_and_noun():
    # MD2213: "£7.2m capital funding from the Growth Deal 3 for premises…"; DD2352: "…of £2,183,379 from
    # underspend on the Small Sites programme to support grant funding for … the London Borough of Redbridge’s…"
    assert _best(
        "Where did the capital money come from?", "£7.2m capital funding from the Growth Deal 3 for premises"
    ) == ("Growth Deal 3")
    line = (
        "capital expenditure of £2,183,379 from underspend on the Small Sites programme to support grant funding "
        "for two projects: the London Borough of Redbridge’s project"
    )
    # The money came from the underspend, not from the programme itself.
    assert _best("Where did the money come from for the two projects?", line) == (
        "underspend on the Small Sites programme"
    )


def test_a_name_the_question_says_is_not_its_answer_even_with_its_initials():
    # MD2751: "GLA Land and Property Limited (GLAP) entered a Development Agreement (DA) with ABP (London)
    # Investment Limited (ABP) in May 2013": asked about the development agreement, its developer answers.
    line = (
        "GLA Land and Property Limited (GLAP) entered a Development Agreement (DA) with ABP (London) "
        "Investment Limited (ABP) in May 2013"
    )
    q = analyse_question("Who is the developer under the May 2013 development agreement with GLAP?")
    found = {s.text for s in spans_for(q.kind, line, q, set())}
    assert "Development Agreement (DA)" not in found and "ABP (London) Investment Limited" in found


def test_a_kind_of_decision_is_never_who_acts():
    # DD2595: "MD3010 (paras 1.11 to 1.13) enabled … A Director Decision (DD) …": asked who may approve,
    # "Director Decision" holds a post's word but names a kind of decision.
    line = "This Director Decision (DD) seeks approval; the Mayoral Decision was signed by Sadiq Khan."
    q = analyse_question("Which officer may approve the social landlord proposals?")
    found = {s.text for s in spans_for(q.kind, line, q, set())}
    assert not {"Director Decision (DD)", "Director Decision", "Mayoral Decision"} & found


def test_a_place_is_not_who_made_something():
    # corpus/gla MD2179: "…will deliver the 12th and 13th sculptures for the Fourth Plinth on Trafalgar Square."
    text = (
        "the programme will deliver the 12th and 13th sculptures for the Fourth Plinth on Trafalgar Square."
    )
    q = analyse_question("Which artists made the 12th and 13th Fourth Plinth sculptures?")
    found = _qualities(q, text)
    assert found["Trafalgar Square"] <= 0.1
    # DD2075: "…the comprehensive regeneration of the Blackhorse Road area": a road is no firm either.
    firm = analyse_question("Name the property advisor firm appointed for the sites near the Webbs site.")
    road = "will help kickstart the comprehensive regeneration of the Blackhorse Road area."
    assert _qualities(firm, road).get("Blackhorse Road", 0.0) <= 0.1


def test_a_council_is_named_as_the_text_names_it():
    # corpus/gla DD1460: "The GLA has paid the London Borough of Islington £37,500…": the borough with its
    # council's title, not "Islington" alone; MD2615: "…the London Boroughs of Harrow and Hackney and the
    # Royal Borough of Kensington and Chelsea", both councils.
    line = "The GLA has paid the London Borough of Islington £37,500 in grant funding for its involvement"
    assert _names_in("Which council was the GLA's sub-partner?", line) == ["London Borough of Islington"]
    line = (
        "collaborative working with the London Boroughs of Harrow and Hackney and the Royal Borough of "
        "Kensington and Chelsea"
    )
    assert (
        "London Boroughs of Harrow and Hackney and the Royal Borough of Kensington and Chelsea"
        in _names_in("Which councils does the GLA work with?", line)
    )


def test_the_borough_asked_is_named_with_the_words_that_ask_for_it():
    # corpus/gla MD3336: "London" and "Borough", asked ("Which London borough…"), are the kind of name
    # wanted, not topic words that leave "Hounslow" too little of a name of its own.
    text = (
        "to the London Borough of Hounslow (LB Hounslow): grant funding of £200,000 from Homes England for "
        "LB Hounslow’s expenditure on the two projects described at paragraph 1.4, below"
    )
    assert (
        _best("Which London borough gets £200,000 from Homes England?", text) == "London Borough of Hounslow"
    )


def test_a_contract_s_own_name_is_not_who_holds_it():
    # corpus/gla MD3089: "…an option in the GLA’s CHAIN contract with Homeless Link…"
    text = "£75,000 to meet the costs of exercising an option in the GLA’s CHAIN contract with Homeless Link"
    q = analyse_question("Which supplier holds the rough sleeping data contract?")
    found = _qualities(q, text)
    assert found.get("CHAIN", 0.0) <= 0.1 and found["Homeless Link"] >= 0.9


def test_a_firm_may_be_named_greater_london():
    # corpus/gla ADD176: "…procure services … from Greater London Volunteering (GLV) to assist in the
    # nomination process…": only the Greater London Authority is a public body by that name.
    text = (
        "The decision seeks approval to procure services up to a maximum expenditure of £10,000 from Greater "
        "London Volunteering (GLV) to assist in the nomination process"
    )
    assert _best("Which firm was nomination support procured from?", text) == (
        "Greater London Volunteering (GLV)"
    )


def test_a_place_written_with_its_initials_is_not_who_was_funded():
    # corpus/gla ADD304: the park, spelt out before "(QEOP)", is where the garden goes, not who got the grant.
    text = (
        "to Groundwork London in 2015/16 and 2016/17 for the creation of a temporary mobile community garden "
        "at Chobham Manor on Queen Elizabeth Olympic Park (QEOP)."
    )
    q = analyse_question(
        "Which organisation did the Legacy Corporation fund to create a mobile community garden?"
    )
    found = _qualities(q, text)
    assert found["Queen Elizabeth Olympic Park (QEOP)"] < 0.5 < found["Groundwork London"]


def test_agents_joined_by_and_are_one_answer():
    # corpus/gla (MD1437): "The Crossrail BRS is collected by the 32 London boroughs and the Corporation
    # of London on behalf of the GLA."; (MD2010) "delegates authority to the Chief of Staff and the
    # Executive Director of Resources, in consultation with the lead Executive Director"
    collected = "The Crossrail BRS is collected by the 32 London boroughs and the Corporation of London on behalf of the GLA."
    assert _answer("Who collects the Crossrail business rate supplement?", collected) == (
        "the 32 London boroughs and the Corporation of London"
    )
    delegated = (
        "delegates authority to the Chief of Staff and the Executive Director of Resources, in consultation "
        "with the lead Executive Director"
    )
    assert _answer("Who can agree further carry forwards?", delegated) == (
        "the Chief of Staff and the Executive Director of Resources"
    )


def test_names_given_respectively_or_with_the_gla_are_not_joined():
    # MD2216: "The next two commissions, by Michael Rakowitz and Heather Phillipson, will be unveiled in
    # March 2018 and March 2020 respectively."
    plinth = (
        "The next two commissions, by Michael Rakowitz and Heather Phillipson, will be unveiled in March 2018 "
        "and March 2020 respectively."
    )
    q = analyse_question("Whose Fourth Plinth commission was due to be unveiled in March 2020?")
    found = _qualities(q, plinth)
    assert found["Michael Rakowitz and Heather Phillipson"] < found["Heather Phillipson"]
    agreed = "a funding agreement agreed by the GLA and the Department for Education for the devolved budget"
    q = analyse_question("Which body agreed the devolution of the adult education budget?")
    assert not any("GLA" in name for name in _qualities(q, agreed))


def test_a_body_or_post_is_named_with_its_article():
    # MD2306: "wish to appoint Mary Harpley, currently Chief Executive of the London Borough of Hounslow"
    appointed = "wish to appoint Mary Harpley, currently Chief Executive of the London Borough of Hounslow, as the GLA's Chief Officer"
    assert (
        _answer("Which council was Mary Harpley chief executive of?", appointed)
        == "the London Borough of Hounslow"
    )


def test_a_body_is_named_with_the_initials_the_page_gives_it():
    # ADD2753: "This decision seeks approval to provide funding to Community Energy London (CEL), who will
    # offer secretariat services to the Taskforce."
    line = (
        "This decision seeks approval to provide funding to Community Energy London (CEL), who will offer "
        "secretariat services to the Taskforce."
    )
    assert _answer("Who will provide secretariat services to the new Taskforce?", line) == (
        "Community Energy London (CEL)"
    )
    # Brackets that are not its initials stay out.
    assert _answer(
        "Who will provide the services?", "funding to Community Energy London (2024), who will"
    ) == ("Community Energy London")


def test_a_law_written_with_its_initials_is_not_the_firm_asked_for():
    # DD2180: "MD 2156 approved the GLA to contract directly with a Financial Services Market Act (FSMA) 2000
    # authorised firm": the Act is what authorises the firm, not a firm.
    text = "MD 2156 approved the GLA to contract directly with a Financial Services Market Act (FSMA) 2000 authorised firm"
    q = analyse_question("Which firm was appointed to carry out the treasury management review?")
    assert all(fit < 0.25 for fit in _qualities(q, text).values())


def test_an_area_of_london_is_never_who():
    # MD3254: "…fund the donation and removal of non-compliant vehicles from use in Greater London to Ukraine".
    text = "fund the donation and removal of non-compliant vehicles from use in Greater London to Ukraine"
    q = analyse_question("Whose representations led TfL to send scrapped vehicles to Ukraine?")
    assert _qualities(q, text).get("Greater London", 0.0) < 0.25


# corpus/gla/gla-dea579f9.txt (MD2615)
TREASURY = (
    "This decision form sets out the GLA’s Treasury Management Strategy Statement (TMSS) for 2020-21. It also "
    "provides an update on the progress of collaborative working with the London Boroughs of Harrow and "
    "Hackney and the Royal Borough of Kensington and Chelsea."
)


def test_which_council_is_answered_by_a_borough_never_by_a_strategy():
    q = analyse_question("Which councils was the GLA working with on its treasury management?")
    found = _qualities(q, TREASURY)
    assert found and not any("Strategy" in name for name in found)
    assert _best("Which councils was the GLA working with on its treasury management?", TREASURY) == (
        "London Boroughs of Harrow and Hackney and the Royal Borough of Kensington and Chelsea"
    )


def test_a_post_before_a_borough_is_no_part_of_the_borough():
    # corpus/gla/gla-1a4c8cd9.txt (MD2306)
    line = (
        "they wish to appoint Mary Harpley, currently Chief Executive of the London Borough of Hounslow, as"
    )
    assert _answer("Which council was Mary Harpley running before her appointment?", line) == (
        "the London Borough of Hounslow"
    )


def test_a_fund_money_comes_from_is_not_the_body_that_gave_it():
    # corpus/gla/gla-09554b99.txt (MD2528)
    line = (
        "In October 2019 the Forestry Commission (FC) confirmed that the GLA would be awarded a grant of up to "
        "£2.2m from the national Urban Tree Challenge Fund (UTCF) to plant new street trees in London."
    )
    found = _qualities(
        analyse_question("Which body gave the GLA the £2.2m grant to plant new street trees?"), line
    )
    assert found["Urban Tree Challenge Fund (UTCF)"] < 0.3 < found["Forestry Commission (FC)"]
    # A department's name may end in a word a programme's does: it is still a body.
    # corpus/gla/gla-548176cd.txt (DD2595)
    line = (
        "Mayoral Decision (MD) 2900 approved receipt of £40.2m funding from the Department of Business, Energy "
        "and Industrial Strategy (BEIS) to be used for Warmer Homes Programme expenditure"
    )
    q = analyse_question("Name the government department that provided the £40.2m used for Warmer Homes")
    assert _best(q.text, line) == "Department of Business, Energy and Industrial Strategy (BEIS)"


def test_the_body_asked_about_by_its_initials_is_not_its_answer():
    # corpus/gla/gla-13dfcefd.txt (PCD 1792): "…£9,397,400 grant allocation for London VRU for 2025-2026…";
    # the question names the Violence Reduction Unit, so "London VRU" is what it asks about.
    line = (
        "This would include £9,397,400 grant allocation for London VRU for 2025-2026, with full delivery in "
        "2025-2026 once a VRU application was agreed and grant agreements signed."
    )
    q = analyse_question(
        "Who signed off the reallocation of Violence Reduction Unit funding over three years?"
    )
    assert "London VRU" not in _names_in(q.text, line)
