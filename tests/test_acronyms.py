"""Initials in a question, read as the decisions spell them out (search_api/acronyms.py)."""

from __future__ import annotations

from search_api.acronyms import _defined, asked_initials, defined_in, definitions, spelt_out, written_out
from search_api.answer import answer_question
from search_api.answer_spans import Span, proximity
from search_api.question_reading import analyse_question, initialisms, spelt_in, stems
from search_api.search import SearchRequest, search

from .conftest import TODAY


def test_a_name_before_its_initials_in_brackets_defines_them():
    # corpus/gla MD2807: "…is supported across the city. The Creative Enterprise Zones (CEZ) programme…"
    assert _defined("across the city. The Creative Enterprise Zones (CEZ) programme", "CEZ") == [
        frozenset({"creativ", "enterpris", "zone"})
    ]
    # A small word's letter may count ("Mayor’s Office for Policing and Crime (MOPAC)"); quotes are allowed.
    assert _defined("the Mayor’s Office for Policing and Crime (“MOPAC”)", "MOPAC")
    # Initials that the words before them do not make up define nothing.
    assert _defined("a grant to the London Borough of Brent (CEZ)", "CEZ") == []


def test_the_index_is_the_glossary(full_index):
    assert frozenset({"creativ", "enterpris", "zone"}) in spelt_out(full_index, "CEZ")
    assert spelt_out(full_index, "QQQ") == ()  # never written: nothing to spell out


def test_initials_no_decision_defines_are_read_from_the_gla_family_s_names(full_index):
    # No page writes "(MOPAC)"; MD2265 writes "…from the Young Londoners Fund to the Mayor’s Office for
    # Policing and Crime" and others "MOPAC": the well-known initials are read all the same.
    name = frozenset(stems("Mayor’s Office Policing Crime")[0])
    assert name in spelt_out(full_index, "MOPAC")
    assert spelt_out(full_index, "QQQQ") == ()
    # MD2943 writes "BRS and Mayoral Community Infrastructure Levy revenues"; pages define only "(MCIL)".
    assert frozenset(stems("Community Infrastructure Levy")[0]) in spelt_out(full_index, "CIL")


def test_confidence_counts_initials_written_out_as_held(full_index):
    from search_api import answer_confidence

    q = analyse_question("How much did the Young Londoners Fund give MOPAC?")
    q.weights = {"mopac": 3.0, "fund": 1.0}
    q.spelt = {"mopac": spelt_out(full_index, "MOPAC")}
    text = "Allocation of £3.615m from the Fund to the Mayor’s Office for Policing and Crime."
    from search_api.answer import Source

    source = Source("d", "p", frozenset(), text, [], title="MD2265")
    evidence = type("Evidence", (), {"kw": 0.5, "sem": 0.5, "rank": 0, "read": text, "source": source})()
    evidence.at = lambda piece: text
    evidence.piece = (0, len(text))
    found = answer_confidence.features(q, evidence)
    assert found["piece_cover"] == 1.0 and found["unexplained"] == 0.0 and found["decision_missing"] == 0.0
    q.spelt = {}  # without the name written out, MOPAC is the missing, rarest word
    assert answer_confidence.features(q, evidence)["piece_cover"] == 0.25


def test_confidence_counts_a_name_asked_in_full_and_written_by_its_initials_as_held(full_index):
    from search_api import answer_confidence
    from search_api.answer import Source, _question
    from search_api.search import SearchRequest, search

    # MD2662: "£500,000 of income from MOPAC" for the "Mayor's Office for Policing and Crime" asked.
    question = "How much did the Mayor's Office for Policing and Crime give towards youth activities?"
    q = _question(full_index, question, search(full_index, SearchRequest(q=question)))
    assert "MOPAC" in q.short_forms
    text = "made up of: £400,000 of Young Londoners Fund unallocated funding, £500,000 of income from MOPAC"
    source = Source("d", "p", frozenset(), text, [], title="MD2662")
    evidence = type("Evidence", (), {"kw": 0.5, "sem": 0.5, "rank": 0, "read": text, "source": source})()
    evidence.at = lambda piece: text
    evidence.piece = (0, len(text))
    held = sum(w or 0 for s, w in q.weights.items() if s in q.short_forms["MOPAC"])
    assert held > 0
    assert answer_confidence.features(q, evidence)["piece_cover"] >= held / sum(
        w or 0 for w in q.weights.values()
    )


def test_confidence_holds_a_part_in_other_words_and_leaves_out_the_body_noun_asked_by():
    from search_api import answer_confidence
    from search_api.answer import Source

    def features(question: str, text: str) -> dict[str, float]:
        q = analyse_question(question)
        q.weights = {s: 1.0 for s in q.words}
        source = Source("d", "p", frozenset(), text, [], title="")
        evidence = type("Evidence", (), {"kw": 0.5, "sem": 0.5, "rank": 0, "read": text, "source": source})()
        evidence.at = lambda piece: text
        evidence.piece = (0, len(text))
        return answer_confidence.features(q, evidence)

    # MD3418: "…delivery of an eighth round of the programme" holds the question's "round eight".
    found = features(
        "Who can approve round eight allocations?", "the Director may approve allocations for an eighth round"
    )
    assert found["decision_missing"] == 0.0
    # MD2615 never writes "council": the councils asked are "the London Boroughs of Harrow and Hackney".
    found = features(
        "Which councils is the GLA doing collaborative treasury work with?",
        "collaborative treasury working with the GLA and the London Boroughs of Harrow and Hackney",
    )
    assert found["decision_missing"] == 0.0 and found["rarest_missing"] == 0.0
    # MD1592 calls the "closing date" asked "The deadline": the words say which date is wanted.
    found = features(
        "What was the closing date for bids?", "The deadline for submission of bids was 30 September"
    )
    assert found["decision_missing"] == 0.0
    # How people ask ("went") is no topic the decision must hold; "cash" may be ("£3bn of cash and more than
    # £4bn of borrowings").
    assert "went" not in analyse_question("How much GLA cash went to TfL?").words.values()
    assert "cash" in analyse_question("How much GLA cash went to TfL?").words.values()
    # Nor are "given" and "approximate" ("How much had the GLA given TfL…", "the approximate annual value").
    asked = analyse_question("What is the approximate sum the GLA had given TfL?").words.values()
    assert "given" not in asked and "approximate" not in asked
    # MD2759: "…expected to be over £4.6 billion by 31 March 2022": "the end of March 2022" is its date.
    found = features(
        "How large was the Crossrail debt expected to be by the end of March 2022?",
        "The GLA’s residual Crossrail debt is expected to be over £4.6 billion by 31 March 2022.",
    )
    assert found["decision_missing"] == 0.0


def test_a_word_the_decision_writes_in_another_form_is_held_when_their_vectors_agree(full_index):
    from search_api.answer import Source, _formed_otherwise, _question
    from search_api.search import SearchRequest, search

    # MD2196: "…to assess the feasibility of developing CEZs", asked "…would be feasible?"
    question = "How many development grants tested whether a Creative Enterprise Zone would be feasible?"
    q = _question(full_index, question, search(full_index, SearchRequest(q=question)))
    text = "Ten Development Grants to enable London Boroughs to assess the feasibility of developing CEZs"
    assert _formed_otherwise(full_index, q, Source("d", "p", frozenset(), text, [])) == {"feasibl"}
    # A shared start alone is no other form: "general" is not "generation".
    q = _question(
        full_index, "How much power will generation add?", search(full_index, SearchRequest(q="generation"))
    )
    assert "generat" not in _formed_otherwise(
        full_index, q, Source("d", "p", frozenset(), "the general fund", [])
    )


def test_a_passage_writing_initials_out_holds_them():
    q = analyse_question("By how much was the CEZ Sustainability Capital Fund increased?")
    q.spelt = {"cez": (frozenset({"creativ", "enterpris", "zone"}),)}
    assert spelt_in(q, frozenset({"creativ", "enterpris", "zone", "fund"})) == {"cez"}
    assert spelt_in(q, frozenset({"creativ", "fund"})) == set()


def test_a_question_in_initials_is_answered_from_a_decision_that_never_uses_them(full_index, full_settings):
    # MD3039 writes "…increase the funding available through the Creative Enterprise Zone Sustainability
    # Capital Fund (Sustainability Capital Fund) by £400,000" and never "CEZ"; MD2807 defines it.
    result = answer_question(
        full_index, "By how much was the CEZ Sustainability Capital Fund increased?", full_settings
    )
    assert result.answer == "£400,000" and result.citations[0].ref == "MD3039"


def test_a_name_s_initials_may_keep_a_small_word_s_letter_and_a_word_in_capitals_whole():
    # DD2075 writes "GLA Land and Property Ltd (GLAP)"; MOPAC keeps "and"'s letter and drops "for"'s.
    assert "GLAP" in analyse_question("When did GLA Land and Property buy it?").short_forms
    assert "MOPAC" in analyse_question("What did the Mayor's Office for Policing and Crime fund?").short_forms
    question = analyse_question("Which firm did GLA Land and Property appoint?")
    assert "GLAP" in question.acronyms  # the question's own name: never the firm asked for


def test_a_passage_writing_the_question_s_name_by_initials_answers(full_index, full_settings):
    # corpus/gla DD2075: "The site was acquired by GLAP in July 2016 and will help kickstart…"
    result = answer_question(
        full_index,
        "In which month did GLA Land and Property take ownership of the Webbs site?",
        full_settings,
    )
    assert "July 2016" in result.answer and result.citations[0].ref == "DD2075"


def test_a_department_s_initials_keep_their_small_word_s_letter_in_lower_case(full_index):
    # "DfE", "DfT": written so by the departments themselves; the pages spell out "Department for Education".
    assert {"DfE", "DfT"} <= initialisms("How much did the DfE give, and did the DfT add to it?")
    assert not initialisms("Did the Mayor fund it?")
    assert stems("Department Education")[0] in spelt_out(full_index, "DfE")


def test_a_name_written_out_is_as_near_as_its_initials():
    # "The Department for Education has confirmed allocation … of around £7.8m" for a question asking "DfE".
    text = "The Department for Education has confirmed allocation of around £7.8m for skills."
    span = Span(text.index("around"), text.index(" for skills"), "around £7.8m")
    spelt = {s: "dfe" for s in stems("Department Education")[0]}
    assert proximity(span, text, {"dfe": 1.0}) == 0.0
    assert proximity(span, text, {"dfe": 1.0}, spelt=spelt) > 0.0


def test_a_question_s_plain_words_are_read_in_the_initials_a_decision_defines_them_by(
    full_index, full_settings
):
    # MD3224: "…approve the expenditure of up to £140m to continue to deliver the UFSM programme … in the
    # 2024-25 academic year"; DD2750 defines "Universal Free School Meals (UFSM)" and asks "up to £803,000"
    # for boroughs' extra payments, which had answered.
    result = answer_question(full_index, "universal free school meals 2024-25 maximum spend", full_settings)
    assert result.answer == "up to £140m" and result.citations[0].ref == "MD3224"


def test_a_question_asking_what_initials_stand_for_names_them():
    assert asked_initials("What does LSR stand for in the 2020-21 strategy?") == "LSR"
    assert asked_initials("what do the initials GIS mean") == "GIS"
    assert asked_initials("What is MCIL short for?") == "MCIL"
    assert asked_initials("What does TfL stand for?") == "TfL"
    assert asked_initials("What does it mean for boroughs?") is None  # no initials
    assert asked_initials("What does MD3224 mean for schools?") is None  # a decision's code


def test_where_a_passage_spells_initials_out():
    text = "the Group Investment Syndicate (GIS) for short term-funds, the London Strategic Reserve (LSR) and"
    assert [text[a:b] for a, b in definitions(text, "LSR")] == ["London Strategic Reserve"]
    assert [text[a:b] for a, b in definitions(text, "GIS")] == ["Group Investment Syndicate"]
    assert definitions(text, "MLF") == []


def test_what_initials_stand_for_is_answered_from_the_passage_spelling_them_out(full_index, full_settings):
    # corpus/gla MD2615: "…the Group Investment Syndicate (GIS) for short term-funds, the London Strategic
    # Reserve (LSR) and the Mayor’s Land Fund are set out for approval"
    result = answer_question(
        full_index,
        "What does LSR stand for in the GLA's 2020-21 treasury management strategy?",
        full_settings,
    )
    assert result.answer == "London Strategic Reserve" and result.citations[0].ref == "MD2615"
    assert "(LSR)" in result.citations[0].quote
    # MD2971 and MD3063 write "…the Old Oak and Park Royal Development Corporation (OPDC)", the initials
    # leaving out "Oak" and "Royal".
    result = answer_question(full_index, "What does OPDC stand for?", full_settings)
    assert result.answer == "Old Oak and Park Royal Development Corporation"
    assert "(OPDC)" in result.citations[0].quote
    # Initials no passage writes in brackets: known, but nothing to cite.
    assert not answer_question(full_index, "What does QQXZ stand for?", full_settings).answered


def test_a_name_the_query_writes_out_is_searched_by_the_initials_a_decision_defines(full_index):
    # MD3224 defines "universal free school meals (UFSM)" once, then writes "…to continue to deliver the
    # UFSM programme" in the passage stating the £140m.
    asked = "How much can the Mayor spend on universal free school meals in primary schools for 2024-25?"
    assert written_out(full_index, asked) == {"UFSM": ("universal", "free", "school", "meals")}
    assert written_out(full_index, "free school meals for primary pupils") == {}  # "FSMPP" is defined nowhere
    top = search(full_index, SearchRequest(q=asked, today=TODAY)).results[0]
    assert top.ref == "MD3224"
    assert any("up to £140m" in p.text for p in top.passages)


def test_a_decision_s_own_initials_hold_the_words_it_defines_them_as(full_index, full_settings):
    # corpus/gla MD2751 defines "Development Agreement (DA)" in 1.1 and says why in 1.2: "GLAP is concerned
    # because ABP is failing to deliver against its obligations under the DA".
    text = "GLA Land and Property Limited (GLAP) entered a Development Agreement (DA) with ABP. The DA aims…"
    assert defined_in(text, "DA") == frozenset({"development", "agre"})
    assert defined_in(text, "RAD") == frozenset()
    result = answer_question(
        full_index,
        "Why did the Mayor approve taking contractual steps over the Royal Albert Dock development agreement?",
        full_settings,
    )
    assert "ABP is failing to deliver against its obligations" in result.answer
    assert result.citations[0].ref == "MD2751"


def test_initials_may_leave_out_a_capitalised_word_of_the_name_they_stand_for():
    # corpus/gla MD2971: "…revenue grants of £300,000 from the Old Oak and Park Royal Development Corporation
    # (OPDC) to Transport for London (TfL)": "OPDC" has no letter for "Royal" (nor for "Oak").
    text = "revenue grants of £300,000 from the Old Oak and Park Royal Development Corporation (OPDC) to TfL"
    assert defined_in(text, "OPDC") == frozenset(stems("Old Oak Park Royal Development Corporation")[0])
    # Spelling them every word still comes first, and letters no run of the name makes define nothing.
    assert _defined("the Mayor’s Office for Policing and Crime (MOPAC)", "MOPAC")
    assert _defined("a grant to the London Borough of Brent (CEZ)", "CEZ") == []


def test_initials_in_the_possessive_are_initials():
    # MD2971 1.2: "The OPDC’s draft Local Plan sets a target to deliver 20,100 new homes…"
    assert initialisms("The OPDC’s draft Local Plan sets a target") == {"OPDC"}


def test_a_passage_naming_its_decision_s_body_by_initials_is_about_that_body(full_index, full_settings):
    result = answer_question(
        full_index,
        "How many new homes does the Old Oak and Park Royal draft Local Plan aim to deliver?",
        full_settings,
    )
    assert result.answered and "20,100" in result.answer
    assert result.citations[0].ref == "MD2971"
