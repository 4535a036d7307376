"""Questions about a decision's record, answered from the parsed record with the line it was read from.

Over the real index of the sample corpus, and a small one of two real pages from corpus/gla/. Every
expected value and quoted line was read from those documents.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from decisions.settings import Settings
from search_api import record_answers as ra
from search_api.answer import answer_question
from search_api.index import IndexHolder
from search_api.record_answers import record_answer, record_field

from .conftest import CORPUS, TODAY, find_corpus_file


@pytest.fixture(scope="module")
def ask(index, settings):
    return lambda question: answer_question(index, question, settings)


def _quoted(result, line: str) -> bool:
    return any(" ".join(c.quote.split()) == line for c in result.citations)


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ("Who approved MD2848?", "decision_maker"),
        ("LEP governance review 2014 - who made the decision?", "decision_maker"),
        ("Which executive director took the decision to buy consultancy advice?", "decision_maker"),
        ("When was DD2691 signed?", "date_signed"),
        ("On what date did the Mayor sign off MD2163?", "date_signed"),
        ("When was MD2848 published?", "date_published"),
        ("Until when is ADD2793 deferred?", "deferred_until"),
        ("What is the position of the person who approved ADD2793?", "decision_maker_role"),
        ("Which directorate is DD2691 in?", "directorate"),
        ("How much did MD2848 approve in total?", "approved_amount"),
        ("Which decisions does MD2848 build on?", "cites"),
        ("Celebrate London 2025-26 civil society and sport projects approved by", "decision_maker"),
        # Whom a decision empowers is in its text, not its record.
        ("Which officer does MD1437 authorise to send the rates notices?", None),
        ("Under MD2289, which post can approve the detailed Love London spending proposals?", None),
        # "made"/"took" ask the decision maker only with the decision or its code.
        ("Who made the Fourth Plinth commission due to be unveiled in March 2020?", None),
        ("Who took MD2313?", "decision_maker"),
        # A code typed with a space ("PCD 1792", as MOPAC writes it) is that decision, not the kind asked.
        ("Which Deputy Mayor approved PCD 1792?", "decision_maker"),
        # The decision named at length between "took" and "decision" (ADD2791: "Decision by: Natalie Daniels").
        (
            "Name the officer who took the Rough Sleeping Prevention and Recovery Grant decision",
            "decision_maker",
        ),
        ("Who took part in the review behind the programme decision?", None),
        ("Team London Awards 2014 nomination support – decision taken by whom", "decision_maker"),
        # "Team" is a word of the decision's name, not the body asked for (ADD176: "Patrick Feehily").
        ("Who took the Team London Awards 2014 decision?", "decision_maker"),
        ("Which team took the decision?", None),
        # A search naming the field, question mark or not.
        ("DD1221 Team London summer events 2014 – date signed?", "date_signed"),
        ("MD2848 date published", "date_published"),
        ("DD2180 treasury function review decision maker", "decision_maker"),
        ("DD2114 Small Sites Small Builders decision by", "decision_maker"),
        ("Fourth Plinth 2021-24 total expenditure approved", "approved_amount"),
        ("fourth plinth 2021-24 total spend", "approved_amount"),
        ("Total revenue budget approved for the Food Flagships 2015-16", "approved_amount"),
        ("Food Flagships revenue budget 2015-16 to 2017-18 total", "approved_amount"),
        ("Food Flagships budget slippage from 2017-18", None),
        ("universal free school meals 2024-25 maximum spend", "approved_amount"),
        # A search opening on the field asks it; one ending on it names the directorate whose decisions it wants.
        ("directorate treasury management strategy statement 2025-26", "directorate"),
        ("Good Growth directorate", None),
        # A limit the decision sets, asked anywhere in the question, is not the sum it approves.
        ("London Fire Commissioner spending commitments over what amount need approval?", None),
        ("Which directorate owns the decision on the eighth round of the energy fund?", "directorate"),
        # Asked who and in what role: the name with its role, as the "Decision by:" line gives both.
        (
            "Who approved procuring a consultant for the LEP governance review, and in what role?",
            "decision_maker",
        ),
        ("In what role did Tom Middleton approve the consultant?", "decision_maker_role"),
        # "Directorate" is the GLA's own word: a funder named beside it is not what is asked.
        (
            "Which directorate was responsible for receiving Homes England and TfL funding for housing studies?",
            "directorate",
        ),
    ],
)
def test_record_questions_are_recognised_by_the_field_they_ask_for(question, field):
    assert record_field(question) == field


@pytest.mark.parametrize(
    "question",
    [
        "Who chairs the LPB Structural Inequalities Subgroup?",
        "When did LPB partners publish Building a Fairer City?",
        "Who signed the contract with Shared Intelligence under DD2691?",  # signed by others, not the record
        "How much Warm Homes Local Grant funding did the GLA win from the energy department?",
        "How much has been approved for community engagement since 2018?",  # several decisions: a sum
        # Whom a decision empowers is in its text, not its record (corpus/gla/gla-5e84c2c0.txt:
        # "delegates authority to the Head of Regeneration to approve detailed expenditure…").
        "Who is given delegated authority to approve the detailed spending of the allocation?",
        "Name the senior managers who may approve individual social landlord retrofit proposals.",
        # MD2714: "This will take total approved expenditure on air quality in the year to £692,000": after
        # an addition, the total is what the approvals came to, not the decision's own sum.
        "Once the extra air quality work was added, what was the total approved for the year?",
        # corpus/gla/ (MD3410): "…the delegation of decisions on the allocation of said funding to the
        # Assistant Director, External Relations" — present tense: who decides now, not who took it.
        "GLA marketing budget 2025-26 - who decides how the £1m is allocated",
        # corpus/gla/ (MD3409): "The Department for Education has confirmed allocation, to the Mayor, of
        # around £7.8m" — a department paying, not the GLA directorate.
        "Under the London Construction Skills Package, which department is providing the extra funding?",
        # corpus/gla/ (MD2255): "…the devolution arrangement, agreed by the GLA and the Department for
        # Education" — an organisation is asked; the record names a person.
        "Devolution of the Adult Education Budget: which body agreed the devolution arrangement with the GLA?",
        "Which ten organisations make up the North Kensington Sport 4 Good Cluster?",
        "Under the 2015-16 GLA outturn decision, who can agree further carry forwards?",
        "Number of statutory officers whose annual pay award the Mayor and Assembly approve jointly",
        # "made" asks who took the decision only with the decision or its code: "the 12" is neither.
        "Which artists made the 12th and 13th commissions for the Fourth Plinth?",
        # A running total is the sum the approvals came to, not the sum one decision approves.
        "What was the cumulative total approved through the Good Growth Fund after DD2352?",
        "MD3230: how much expenditure had already been approved against MD2338 since 2018?",
        # A deadline agreed is the deadline, not the day the decision was agreed.
        "What new completion deadline was agreed for the Havelock Estate site?",
        # A limit the decision states is not the sum it approves (DMFD262: "…the prior approval of the Deputy
        # Mayor before “[a] commitment to expenditure … of £150,000 or above").
        "Above what amount must the London Fire Commissioner get the Deputy Mayor's prior approval?",
        "What spending limit needs approval by the Deputy Mayor under DMFD262?",
    ],
)
def test_other_questions_are_left_to_the_normal_answerer(question):
    from search_api.record_answers import recognise

    assert recognise(question) is None


def test_a_post_named_in_passing_is_not_the_role_asked():
    # MD2306 appointed the GLA's Chief Officer; the question asks which firm ran the search.
    question = "Which executive search firm ran the recruitment for the GLA Chief Officer post filled by Mary Harpley?"
    assert record_field(question) is None
    assert record_field("What post did the person who approved ADD2793 hold?") == "decision_maker_role"


def test_a_word_of_a_name_is_not_a_cue_for_the_role():
    # "Capacity" names the programme (corpus/gla/gla-dcd1b19b.txt, DD2707), not "in what capacity".
    assert record_field("For the Local Growth Capacity Support Programme, how much is approved?") != (
        "decision_maker_role"
    )
    assert record_field("In what capacity did the person who approved ADD2793 act?") == "decision_maker_role"


@pytest.mark.parametrize(
    "question", ["Who approved MD2848?", "who approved md 2848", "Who took Mayoral Decision 2848?"]
)
def test_who_approved_md2848_is_read_from_its_decision_by_line(ask, question):
    # MD2848: "Decision by: Sadiq Khan, Mayor of London" (not "Community-Led Recovery", a programme in 1.3)
    result = ask(question)
    assert result.answered and result.answer == "Sadiq Khan, Mayor of London"
    assert [c.ref for c in result.citations] == ["MD2848"]
    assert _quoted(result, "Decision by: Sadiq Khan, Mayor of London")
    assert result.citations[0].url.startswith("/decisions/MD2848#")


def test_citations_quote_a_real_chunk_of_the_decision(index, ask):
    for question in ("Who approved MD2848?", "Who signed ADD2793?", "Which decisions does MD2848 build on?"):
        for c in ask(question).citations:
            row = index.db.execute(
                "SELECT decision_id, text FROM chunks WHERE id = ?", (c.chunk_id,)
            ).fetchone()
            assert row["decision_id"] == c.decision_id and c.quote in row["text"]


def test_add_form_signatory_is_read_from_name_and_position(ask):
    # ADD2793, sign-off: "It has my approval." / "Name: Luke Bruce" / "Position: Assistant Director, Strategic …"
    result = ask("Who signed ADD2793?")
    assert result.answer == "Luke Bruce, Assistant Director, Strategic Partnerships Unit"
    assert _quoted(result, "Name: Luke Bruce")
    assert _quoted(result, "Position: Assistant Director, Strategic Partnerships Unit")


def test_signature_date_is_the_signatorys_not_the_finance_officers(ask):
    # ADD2793: "Date: 18/11/2025" under "Name: Luke Bruce"; later "ASSISTANT DIRECTOR, FINANCIAL SERVICES: …
    # Date: 26 November 2025".
    result = ask("When was ADD2793 signed?")
    assert result.answer == "18/11/2025" and _quoted(result, "Date: 18/11/2025")


def test_directorate_is_read_from_its_line(ask):
    # DD2691: "Directorate: Communities and Skills"
    result = ask("Which directorate is DD2691 in?")
    assert result.answer == "Communities and Skills"
    assert _quoted(result, "Directorate: Communities and Skills")


def test_deferral_date_is_read_from_its_line(ask):
    # ADD2793, Part 1 deferral: "Until what date: 31 January 2026"
    result = ask("Until when is ADD2793 deferred?")
    assert result.answer == "31 January 2026" and _quoted(result, "Until what date: 31 January 2026")


def test_total_approved_quotes_the_decision_sentence(ask):
    result = ask("How much did MD2848 approve in total?")
    assert result.answer == "up to £812,000"  # a ceiling, as the sentence states it
    assert result.citations[0].quote.startswith("That the Mayor approves total expenditure of up to £812,000")


def test_cited_decisions_quote_the_sentences_naming_them(ask):
    # MD2848: "…the Community-Led Recovery Programme that was approved by the Mayor under the cover of MD2721."
    # and 2.7: "…Civic Futures leadership programme (previously approved under AD2484 and MD2680)…"
    result = ask("Which decisions does MD2848 build on?")
    assert result.answer == "MD2721, AD2484, MD2680"
    assert any(c.quote.endswith("under the cover of MD2721.") for c in result.citations)
    assert any("previously approved under AD2484 and MD2680" in c.quote for c in result.citations)


def test_unnamed_decision_found_by_its_title(ask):
    result = ask("Who approved the Engaging Londoners in Recovery Programme?")
    assert result.answer == "Sadiq Khan, Mayor of London" and result.citations[0].ref == "MD2848"


def test_a_question_about_something_else_in_the_decision_is_not_answered_from_the_record(index, settings):
    # Not its total (£812,000): MD2848's Connecting Communities London work is £201k a year.
    assert (
        record_answer(
            index, "How much did MD2848 approve for Connecting Communities London?", settings, {}, False
        )
        is None
    )


def test_empty_signed_date_abstains_rather_than_guess(ask):
    # DD2691's page has "Date signed:" with nothing after it (and the contract is "dated 31 January 2023").
    result = ask("When was DD2691 signed?")
    assert not result.answered and "does not state when it was signed" in result.explanation
    assert result.related  # its nearest passages, to read for oneself


def test_empty_published_date_abstains_and_no_empty_label_answers(ask):
    # MD2848's page has "Date published:" with nothing after it: the label line is no date.
    for question in ("When was MD2848 published?", "MD2848 date published"):
        result = ask(question)
        assert not result.answered and "does not state when it was published" in result.explanation


def test_empty_directorate_abstains(ask):
    # MD2848's key information has no "Directorate:" line.
    result = ask("Which directorate is MD2848 in?")
    assert not result.answered and not result.citations


@pytest.fixture(scope="module")
def unsigned_md2848(tmp_path_factory, index, settings):
    """MD2848 with its "Decision by:" line left empty, as on many real pages."""
    from indexer.pipeline import run_index

    corpus, data = tmp_path_factory.mktemp("unsigned"), tmp_path_factory.mktemp("unsigned-data")
    page = find_corpus_file("Reference code: MD2848")
    text = page.read_text(encoding="utf-8").replace(
        "Decision by: Sadiq Khan, Mayor of London", "Decision by:"
    )
    (corpus / page.name).write_text(text, encoding="utf-8")
    shutil.copy(settings.data_dir / "cache.sqlite", data / "cache.sqlite")
    own = Settings(data_dir=data, today_override=TODAY)
    run_index(corpus, own, show_progress=False)
    return IndexHolder(own, model=index.model).get(), own


def test_empty_decision_maker_never_answers_a_programme_name(unsigned_md2848):
    unsigned, own = unsigned_md2848
    assert unsigned.decisions["MD2848"].decision_maker is None
    result = answer_question(unsigned, "Who approved MD2848?", own)
    assert "Community-Led Recovery" not in result.answer
    assert not result.answered and "does not state who took it" in result.explanation


REAL_PAGES = ("DD2352 Good Growth Fund", "ADD2753 London Community Energy Taskforce")


@pytest.fixture(scope="module")
def real_pages(tmp_path_factory, index, settings):
    """Two real pages from corpus/gla/: the field's value on the line after its label, and "approves:" lists."""
    from indexer.pipeline import run_index

    corpus, data = tmp_path_factory.mktemp("gla"), tmp_path_factory.mktemp("gla-data")
    for path in sorted((CORPUS / "gla").glob("*.txt")):
        if any(heading in path.read_text(encoding="utf-8")[:300] for heading in REAL_PAGES):
            shutil.copy(path, corpus / path.name)
    assert len(list(corpus.iterdir())) == 2
    shutil.copy(settings.data_dir / "cache.sqlite", data / "cache.sqlite")
    own = Settings(data_dir=data, today_override=TODAY)
    run_index(corpus, own, show_progress=False)
    return IndexHolder(own, model=index.model).get(), own


def test_signed_date_on_the_line_after_its_label(real_pages):
    # DD2352: "Date signed: " / "06 June 2019"
    loaded, own = real_pages
    result = answer_question(loaded, "When was DD2352 signed?", own)
    assert result.answer == "06 June 2019" and _quoted(result, "Date signed: 06 June 2019")


def test_approved_amount_from_an_item_under_approves(real_pages):
    # DD2352: "That the Executive Director of Development, Enterprise and Environment approves:" /
    # "Capital expenditure of £2,183,379 to support delivery of Better Bankside’s ‘Crossing the Line’ project…"
    loaded, own = real_pages
    result = answer_question(loaded, "How much did DD2352 approve?", own)
    assert result.answer == "£2,183,379"
    assert result.citations[0].quote.startswith("Capital expenditure of £2,183,379 to support delivery")


def test_a_total_the_text_states_is_not_the_decision_s_own_share(full_index, full_settings):
    # MD2713 approves "£533,000 … authorised through this Decision Form"; its summary: "The total programme
    # expenditure will be £1,015,000 consisting of …". Asked the total, the programme's; asked what it approved, its own.
    asked = "What is the total budget for phase 2 of Young London Inspired?"
    assert answer_question(full_index, asked, full_settings).answer == "£1,015,000"
    approved = answer_question(full_index, "How much did MD2713 approve?", full_settings)
    assert approved.answer == "up to £533,000"


def test_directorate_read_from_a_sentence_cites_that_sentence(full_index, full_settings):
    # ADD304 has no "Directorate:" line: "The decision is taken by the Head of Governance and Resilience in the
    # GLA’s Corporate Management Directorate, under delegated authority…" (tuning114's t114_58)
    result = answer_question(full_index, "Which directorate is ADD304 from?", full_settings)
    assert result.answer == "Corporate Management Directorate"
    assert "taken by the Head of Governance and Resilience in the GLA’s Corporate Management" in (
        result.citations[0].quote
    )


def test_who_and_in_what_role_is_answered_with_both(real_pages):
    # ADD2753: "Decision by: Megan Life, Assistant Director, Building Safety"
    loaded, own = real_pages
    result = answer_question(loaded, "Who approved ADD2753, and in what role?", own)
    assert result.answer == "Megan Life, Assistant Director, Building Safety"
    assert _quoted(result, "Decision by: Megan Life, Assistant Director, Building Safety")


def test_real_page_decision_maker_and_directorate(real_pages):
    # ADD2753: "Directorate: Good Growth" and "Decision by: Megan Life, Assistant Director, Building Safety"
    loaded, own = real_pages
    who = answer_question(loaded, "Who approved ADD2753?", own)
    assert who.answer == "Megan Life, Assistant Director, Building Safety"
    assert _quoted(who, "Decision by: Megan Life, Assistant Director, Building Safety")
    # What the question adds about the decision does not stop its record answering who approved it.
    described = answer_question(loaded, "Who approved ADD2753 on the building safety research?", own)
    assert described.answer == who.answer
    directorate = answer_question(loaded, "Which directorate is ADD2753 from?", own)
    assert directorate.answer == "Good Growth" and _quoted(directorate, "Directorate: Good Growth")


def test_a_withheld_decision_is_not_read_from_its_record(index, settings):
    # ADD2793: "Until what date: 31 January 2026"; before then the public may not see it.
    before = settings.with_overrides(today_override=dt.date(2025, 12, 1))
    assert record_answer(index, "Who signed ADD2793?", before, {}, False) is None
    result = answer_question(index, "Who signed ADD2793?", before)
    assert all(c.ref != "ADD2793" for c in result.citations) and "Luke Bruce" not in result.answer
    assert record_answer(index, "Who signed ADD2793?", before, {}, True).answer.startswith(
        "Luke Bruce"
    )  # staff


def test_filters_given_with_the_question_apply(index, settings):
    assert record_answer(index, "Who approved MD2848?", settings, {"type": "director"}, False) is None


def test_total_of_an_unnamed_decision_when_its_approving_sentence_holds_the_topic(ask):
    # MD2848: "That the Mayor approves total expenditure of up to £812,000 to support the delivery of the
    # Engaging Londoners in Recovery Programme in 2021-22 and 2022-23."
    result = ask("How much did the Mayor approve for the Engaging Londoners in Recovery Programme?")
    assert result.answer == "up to £812,000" and result.citations[0].ref == "MD2848"
    assert result.citations[0].quote.startswith("That the Mayor approves total expenditure of up to £812,000")


def test_what_another_decision_did_is_not_read_from_the_record_of_the_one_citing_it(index, settings):
    # MD2848 is found, but its words for this are "…the Community-Led Recovery Programme that was approved by
    # the Mayor under the cover of MD2721": MD2721's record, not MD2848's, says who approved it.
    assert (
        record_answer(index, "Who approved the Community-Led Recovery Programme?", settings, {}, False)
        is None
    )


def test_one_line_of_a_budget_is_not_answered_with_the_total(index, settings):
    # MD2313 2.5: "1. Arrival – Celebrating 70 Years since Windrush" … "£70k"; its total is £305,000.
    assert (
        record_answer(
            index, "How much did the Mayor approve for the Windrush celebrations?", settings, {}, False
        )
        is None
    )


def test_a_verb_in_a_clause_of_time_says_when_not_what_is_asked():
    from search_api.record_answers import record_field

    # MD1489's "Decision by: Boris Johnson MP, Mayor of London" approved the programme; it does not say
    # who chaired the London Food Board.
    assert record_field("Who chaired the London Food Board when the Food Programme was approved?") is None
    assert record_field("Name the person who was Monitoring Officer when the pay award was agreed.") is None
    assert record_field("Who approved the Food Programme when it was deferred?") == "decision_maker"
    assert record_field("DD2595 social housing retrofit funding – signed by whom?") == "decision_maker"


def test_a_decision_named_by_its_title_and_round_is_the_one_read(full_index, full_settings):
    # DD2278 "Good Growth Fund Round 2 Development Funding" ("Decision by: Lucy Owen, Interim Executive
    # Director…"); DD2455 "Good Growth Fund Round 3 – Stage 2 approvals" ranked first, its text naming
    # round 2 as the one before, and its signatory was given.
    question = "Who approved the Good Growth Fund Round 2 development funding decision?"
    result = answer_question(full_index, question, full_settings)
    assert result.answer.startswith("Lucy Owen")
    assert {c.ref for c in result.citations} == {"DD2278"}


def test_a_hyphenated_question_word_is_held_by_its_parts(full_index, full_settings):
    # ADD2342 says "high visibility vests" ("Decision by: Alice Wilcock, Assistant Director of Team
    # London"); asked "high-visibility", its words held too little of the question and nothing answered.
    result = answer_question(
        full_index, "Who approved buying high-visibility vests for Team London volunteers?", full_settings
    )
    assert result.answer.startswith("Alice Wilcock")
    assert {c.ref for c in result.citations} == {"ADD2342"}


def test_the_decision_giving_the_authority_is_not_another_subject(full_index, full_settings):
    # ADD2791: "…approves the receipt and expenditure of £3.49m of Rough Sleeping Prevention and Recovery
    # Grant (RSPARG) funding…", "under the delegation provided by Mayoral Decision 3386". The sentence
    # naming MD3386 had made the record unclear, and the answerer gave "London Councils".
    question = (
        "Who approved the receipt of the Rough Sleeping Prevention and Recovery Grant for the London "
        "Ending Homelessness Accelerator Programme?"
    )
    result = answer_question(full_index, question, full_settings)
    assert result.answer.startswith("Natalie Daniels")
    assert _quoted(result, "Decision by: Natalie Daniels, Assistant Director of Housing")


def test_consenting_is_acting_on_the_decision():
    # ADD304 "seeks consent … to the Legacy Corporation's decision": who consented is who took it.
    assert record_field("What post did the officer who consented to the LLDC grant hold?") == (
        "decision_maker_role"
    )


def test_from_which_year_asks_when_what_was_agreed_starts():
    # MD2255: "That the Mayor accepts devolution of the Adult Education Budget (AEB) from 2019/20…".
    assert (
        record_field("From which academic year did the Mayor agree to accept devolution of the AEB?") is None
    )
    assert record_field("When did the Mayor agree to accept devolution of the AEB?") == "date_signed"


def test_the_only_result_holding_the_whole_topic_is_the_one_read(full_index, full_settings):
    # ADD2342 ("…purchase of high visibility vests for Team London volunteers") led MD1368 (Team London
    # travel) by 1.27, under the clear lead of 1.3, but only it holds "purchase", "vests".
    result = answer_question(
        full_index,
        "Who signed off the purchase of high-visibility vests for Team London volunteers?",
        full_settings,
    )
    assert result.answer.startswith("Alice Wilcock") and {c.ref for c in result.citations} == {"ADD2342"}


def test_another_body_acting_is_not_the_record():
    # MD3298: "The London Assembly considered and approved the 2024 determination at their Plenary meeting
    # on 10 October 2024." The record says when the Mayor signed.
    assert record_field("When did the London Assembly approve the 2024 Determination at plenary?") is None
    assert record_field("When was the plan approved by the London Recovery Board?") is None
    assert record_field("When did London Councils agree the scheme?") is None
    assert record_field("When did the Mayor approve the 2024 Determination?") == "date_signed"


@pytest.mark.parametrize(
    "question",
    [
        "Which Assistant Director signed off the Love London discount campaign spending?",
        "Which executive director signed the Love London campaign decision?",
    ],
)
def test_a_post_asked_is_not_answered_by_a_decision_another_post_took(full_index, full_settings, question):
    # MD2289 (Love London) was taken by "Sadiq Khan, Mayor of London": asked which Assistant (or
    # Executive) Director signed, the Mayor's record is no answer.
    result = answer_question(full_index, question, full_settings)
    assert "Mayor of London" not in result.answer


def test_a_total_over_the_period_the_title_names_is_read_from_the_record(full_index, full_settings):
    # MD2196 "Creative Enterprise Zones Programme 2017-2021": "That the Mayor approves the following:" /
    # "Maximum expenditure of £5,360,000 between 17/18 to 20/21 comprising:"
    result = answer_question(
        full_index, "Creative Enterprise Zones programme 2017-2021 total budget", full_settings
    )
    assert result.answer.endswith("£5,360,000")
    assert result.citations[0].quote.startswith("Maximum expenditure of £5,360,000")


def test_a_part_named_beside_its_sum_is_not_asked_of_the_total():
    from search_api.record_answers import _part_named

    # MD3230: "…with expenditure approval of £64.31m (£21.58m revenue and £42.73m capital)…"
    sentence = "This MD seeks approval for the next five-year Delivery Plan period, with expenditure approval of £64.31m (£21.58m revenue and £42.73m capital)"
    assert _part_named(sentence, {"capit": "capital"}, "£64.31m")
    assert not _part_named(sentence, {"deliver": "delivery"}, "£64.31m")


def test_a_total_over_the_period_the_decision_states_as_its_own(full_index, full_settings):
    # MD1592 "Housing Zone Budget": "This decision approves revenue expenditure related to Housing Zones for
    # financial years 2015-16 to 2017-18…" / "The Mayor approves expenditure of up to £1,757,000 to:"
    result = answer_question(
        full_index, "Housing Zones revenue spending 2015-16 to 2017-18 total", full_settings
    )
    assert result.answer.endswith("£1,757,000")
    # The period written as one ("2015-18") has the same ends.
    result = answer_question(full_index, "Housing Zones revenue budget 2015-18 total", full_settings)
    assert result.answer.endswith("£1,757,000")
    # Two years that are not the ends of a period asked are still the approving sentence's to state.
    from search_api.record_answers import _period_of_decision

    decision = full_index.decisions[full_index.by_ref["MD1592"]]
    asked = "Housing Zones revenue spending for 2015-16 and 2017-18"
    assert not _period_of_decision(full_index, asked, {"2015-16", "2017-18"}, decision)


def test_a_decision_named_as_the_source_of_its_authority_is_no_other_subject(full_index, full_settings):
    # DD1149: "Approval is sought for the extension … of a number of rough sleeping services … pursuant to
    # the mayoral delegation to the director in MD1093." The code written whole ("MD1093") was not read as
    # the delegation's, so the sentence seemed another decision's and the record was not trusted.
    assert ra._delegating("…pursuant to the mayoral delegation to the director in MD1093.") == {"MD1093"}
    result = answer_question(
        full_index,
        "When was the director's decision extending GLA-funded rough sleeping services for 2013-15 signed?",
        full_settings,
    )
    assert result.answer == "08 January 2014"
    assert "08 January 2014" in result.citations[0].quote


def test_which_decision_a_named_decision_relates_to_is_read_from_its_record(full_index, full_settings):
    # ADD2342: "This decision relates to MD2188, which approved £705,000 for expenditure on the Team London
    # Ambassadors programme…". The question names the decision by its subject before asking.
    assert record_field("Which earlier mayoral decision does ADD2342 relate to?") == "cites"
    result = answer_question(
        full_index,
        "Team London hi-vis vests purchase - which earlier mayoral decision does it relate to?",
        full_settings,
    )
    assert result.answer == "MD2188"
    assert "relates to MD2188" in result.citations[0].quote
    # Its asking clause describing the earlier decision, the subject is unclear: the record is not read.
    assert (
        ra.recognise("Which earlier decision approved the programme that the vests purchase relates to?")
        is None
    )


def test_a_time_clause_before_the_asking_one_says_when_not_what_is_asked():
    # MD2472: "Following Mayoral approval, the two documents will be submitted to the London Assembly…":
    # where they were sent is asked, not who approved them.
    asked = (
        "When the refreshed Financial Regulations were approved in 2019, who were they sent to for noting?"
    )
    assert record_field(asked) is None
    assert record_field("When the programme was approved, who signed it?") == "decision_maker"


DD1460_BY = "Decision by: Fiona Fletcher-Smith, Executive Director of Development, Enterprise and Environment"


@pytest.mark.parametrize(
    "question",
    [
        # DD1460 ("Air Quality - EU funding and other arrangements update") is the one result holding the
        # whole topic, though a Mayor's air quality programme (MD2347) outranks it.
        "Who approved the JOAQUIN air quality funding reallocation, and what was her job title?",
        # Its sentence on JOAQUIN names MD1314 as much as its own do; only its own say "revise".
        "Who signed the decision revising the JOAQUIN EU air quality project allocation?",
    ],
)
def test_an_unnamed_decision_holding_the_whole_topic_answers_from_its_record(
    full_index, full_settings, question
):
    result = answer_question(full_index, question, full_settings)
    assert result.answer.startswith("Fiona Fletcher-Smith") and _quoted(result, DD1460_BY)


def test_an_approval_in_a_clause_after_the_asking_one_dates_nothing_asked():
    # corpus/gla MD2968: "The budget needs to be spent by the end of June 2022 (extended from end of March 2022)".
    assert record_field("By when must the LAD 1b money be spent after BEIS agreed an extension?") is None
    assert record_field("When was the LAD 1b reallocation approved?") == "date_signed"
    assert record_field("When was MD2968 signed after BEIS agreed the extension?") == "date_signed"
