"""indexer.parse, dates, amounts and sidecar on the real seeds (found by content, not name) and small cases."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import time
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

from decisions.records import SourceDocument
from indexer.amounts import amounts_in, approved_amount, parse_amount
from indexer.dates import infer_decision_date, parse_date
from indexer.parse import find_refs, normalise_ref, parse_document, strip_boilerplate
from indexer.sidecar import apply_sidecar, load_sidecar_metadata

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TODAY = dt.date(2025, 12, 1)
MD2848 = "Reference code: MD2848"
DD2691 = "Reference code: DD2691"
MD2313 = "Reference code: MD2313"
ADD2793 = "REQUEST FOR ASSISTANT DIRECTOR DECISION – ADD2793"
INVITATION = "Invitations for expression of interest"
SEEDS = [MD2848, DD2691, MD2313, ADD2793, INVITATION]


def _normalise(text: str) -> str:
    """What the reader hands the parser: NFKC text with LF line ends."""
    return unicodedata.normalize("NFKC", text.replace("\r\n", "\n"))


@functools.cache
def seed(needle: str) -> SourceDocument:
    for path in sorted(CORPUS.glob("*.txt")):
        text = _normalise(path.read_text(encoding="utf-8"))
        if needle in text:
            return parse_document(text, path=path.name, kind="web", sha256="0" * 64, today=TODAY)
    raise LookupError(f"no corpus document says {needle!r}")


@functools.cache
def pdf_seed() -> SourceDocument:
    """The signed DD2691 PDF, found by its text: pdfplumber output, wrapped at ~90 characters."""
    for path in sorted(CORPUS.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            text = _normalise("\n".join(page.extract_text() or "" for page in pdf.pages))
        if "Reference code: DD2691" in text:
            return parse_document(text, path=path.name, kind="pdf", sha256="1" * 64, today=TODAY)
    raise LookupError("no PDF of DD2691 in the corpus")


def parse(text: str, path: str = "test.txt") -> SourceDocument:
    return parse_document(text, path=path, kind="text", sha256="x", today=TODAY)


def para(doc: SourceDocument, number: str) -> str:
    found = [p.text for p in doc.paragraphs if p.number == number]
    assert len(found) == 1, (number, found)
    return found[0]


@pytest.mark.parametrize("needle", SEEDS)
def test_paragraph_offsets_are_exact_and_cover_all_text(needle):
    doc = seed(needle)
    assert doc.paragraphs
    previous_end = 0
    for p in doc.paragraphs:
        assert doc.text[p.start : p.end] == p.text and p.text.strip() == p.text
        assert p.start >= previous_end
        previous_end = p.end
    covered = "".join(p.text for p in doc.paragraphs)
    assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", doc.text)  # nothing lost but blank space


@pytest.mark.parametrize("needle", SEEDS)
def test_site_boilerplate_is_gone(needle):
    text = seed(needle).text
    assert "Need a document on this page in an accessible format?" not in text and "assistive" not in text
    assert "Skip to main content" not in text and "Mayor of London logo" not in text
    assert not text.startswith("Home")


def test_md2848_metadata():
    doc = seed(MD2848)
    assert doc.ref == "MD2848" and doc.decision_type == "mayoral"
    # "MD2848 Engaging Londoners in Recovery Programme 2021-2023"
    assert doc.title == "Engaging Londoners in Recovery Programme 2021-2023"
    # "Decision by: Sadiq Khan, Mayor of London"
    assert doc.decision_maker == "Sadiq Khan" and doc.decision_maker_role == "Mayor of London"
    assert doc.directorate is None
    # "That the Mayor approves total expenditure of up to £812,000 …"
    assert doc.approved_amount_pounds == 812_000
    assert doc.amounts_pounds[:3] == [812_000, 205_000, 201_000]  # "(£205k in 2021-21 …)"
    assert 402_000 in doc.amounts_pounds and 63_000 in doc.amounts_pounds
    # "…under the cover of MD2721", "(previously approved under AD2484 and MD2680)"
    assert doc.linked_refs == ["MD2721", "AD2484", "MD2680"]
    assert not doc.part2 and not doc.has_part2


def test_md2848_date_is_inferred_from_its_2021_timetable():
    doc = seed(MD2848)
    # "Date signed:" and "Date published:" are empty on the page
    assert doc.date_signed is None and doc.date_published is None
    # milestones "August – September 2021", "September – October 2021"; budget "2021-22"
    assert doc.date_inferred and doc.date.startswith("2021-") and "2021" in doc.date_source


def test_md2848_paragraphs():
    doc = seed(MD2848)
    numbers = [p.number for p in doc.paragraphs if p.number]
    assert {"1.1", "2.5", "2.7", "2.10", "6.3"} <= set(numbers)
    # "2.7 Connecting Communities London investment of £402,000 (across two years), …"
    assert "Connecting Communities London investment of £402,000" in para(doc, "2.7")
    # the bullets and the "Revenue / £205k" table after "2.6 This will achieve the following outcomes:"
    assert "• build connections" in para(doc, "2.6") and "£205k" in para(doc, "2.6")
    sections = {p.number: p.section for p in doc.paragraphs if p.number}
    assert sections["1.1"] == "Part 1: Non-confidential facts and advice"
    assert sections["4.1"] == "Links to Mayoral strategies and priorities"
    # the page dropped the heading before "5.1 Approval is sought …": the form template names it
    assert sections["5.1"] == "Financial comments"
    decision = [p.text for p in doc.paragraphs if p.section == "Decision" and p.text != "Decision"]
    assert decision[0].startswith("That the Mayor approves")


def test_dd2691_metadata():
    doc = seed(DD2691)
    # "Decision type: Director" although made by an Executive Director
    assert doc.ref == "DD2691" and doc.decision_type == "director"
    assert doc.title == "Building a Fairer City action plan (implementation year two)"
    # "Decision by: Tunde Olayinka, Executive Director, Communities and Skills"
    assert doc.decision_maker == "Tunde Olayinka"
    assert doc.decision_maker_role == "Executive Director, Communities and Skills"
    assert doc.directorate == "Communities and Skills"  # "Directorate: Communities and Skills"
    # "1. expenditure of £72,765 under the GLA’s contract with Shared Intelligence …"
    assert doc.approved_amount_pounds == 72_765
    assert {72_765, 90_000, 270_000, 52_765} <= set(doc.amounts_pounds)
    # "…originally approved under Director Decision 2593", "Director Decision (DD) 2593 previously…"
    assert doc.linked_refs == ["DD2593"]


def test_dd2691_date_is_inferred_from_secure_budget_approval():
    doc = seed(DD2691)
    # timetable: "Secure budget approval" / "January 2024"
    assert doc.date_inferred and doc.date == "2024-01-01"
    assert "January 2024" in doc.date_source


def test_dd2691_pdf_matches_the_web_page():
    web, pdf = seed(DD2691), pdf_seed()  # the same decision, as a web page and as the signed PDF
    assert pdf.ref == "DD2691" and pdf.decision_type == "director" and pdf.title == web.title
    assert (pdf.decision_maker, pdf.directorate) == (web.decision_maker, web.directorate)
    # "1.9 The GLA’s existing, three year contract with Shared Intelligence, dated 31 January"
    assert para(pdf, "1.9").startswith("1.9 The GLA’s existing, three year contract")
    assert "£270,000 over its three year term" in para(pdf, "1.9")
    assert "corresponding reduction in its" in para(pdf, "1.10")
    # the wrapped line "1.9 to 1.11, above, that the contract value is £270,000." is inside 6.3
    assert "1.9 to 1.11, above" in para(pdf, "6.3")
    assert pdf.approved_amount_pounds == 72_765 and pdf.linked_refs == ["DD2593"]
    assert pdf.date == web.date and "Need a document" not in pdf.text
    assert all(pdf.text[p.start : p.end] == p.text for p in pdf.paragraphs)


def test_md2313():
    doc = seed(MD2313)
    assert (doc.ref, doc.decision_type) == ("MD2313", "mayoral")
    assert doc.title == "Community Engagement Team Budget and Projects" and doc.decision_maker == "Sadiq Khan"
    # "Expenditure of £305,000 on the 2018/19 Community Engagement programme of work …"
    assert doc.approved_amount_pounds == 305_000
    assert {65_000, 3_000, 15_000, 120_000} <= set(doc.amounts_pounds)  # "£65k", "£3k", "£15k"
    # "This MD is linked to ADD2234 …", "It is also linked to MD2238 …"
    assert doc.linked_refs == ["ADD2234", "MD2238"]
    # "…the delivery of 2018/19 Community Engagement programmes"; "City Hall Event – June 2018"
    assert doc.date_inferred and doc.date.startswith("2018-") and "2018/19" in doc.date_source
    # "2.5 Work Programme:" takes its table; "6.1.1 The decisions requested of the Mayor …"
    assert "Citizen-Led Engagement Programme" in para(doc, "2.5")
    assert para(doc, "6.1.1").startswith("6.1.1 The decisions requested")


def test_add2793_metadata():
    doc = seed(ADD2793)
    assert (doc.ref, doc.decision_type) == ("ADD2793", "assistant_director")
    assert doc.title == "London Missions – partner engagement"  # the line after the form heading
    # "Name: Luke Bruce" / "Position: Assistant Director, Strategic Partnerships Unit"
    assert doc.decision_maker == "Luke Bruce"
    assert doc.decision_maker_role == "Assistant Director, Strategic Partnerships Unit"
    assert doc.directorate == "Strategic Partnerships Unit"
    # "…approves up to £20,000, to procure external support…"; "contracts up to £25k"
    assert doc.approved_amount_pounds == 20_000 and doc.amounts_pounds == [20_000, 25_000]
    assert doc.linked_refs == []
    assert not doc.has_part2 and not doc.part2  # "Is there a part 2 form? NO"


def test_add2793_dates_come_from_the_form():
    doc = seed(ADD2793)
    # the signature block: "It has my approval." … "Date: 18/11/2025" (not the finance
    # officer's later "Date: 26 November 2025")
    assert doc.date_signed == "2025-11-18" and doc.date == "2025-11-18"
    assert not doc.date_inferred and "18/11/2025" in doc.date_source
    # "…to be deferred? YES/NO" / "If YES, for what reason: …" / "Until what date: 31 January 2026"
    assert doc.deferred_until == "2026-01-31"


def test_add2793_paragraphs():
    doc = seed(ADD2793)
    # "- 1.4. The first meetings of the Growth, Health and Housing Mission Boards took place…"
    assert "The first meetings of the Growth, Health and Housing Mission Boards" in para(doc, "1.4")
    assert "- a partner engagement plan" in para(doc, "1.6")  # its bullets
    # "…This work can support both the wider missions programme, and missions" / "individually, …"
    assert "individually, to bring more partners" in para(doc, "2.3")
    assert "Delays to procurement process" in para(doc, "4.1")  # the risk table
    assert {p.number: p.section for p in doc.paragraphs}["5.1"] == "5. Financial comments"


def test_invitation_is_other():
    doc = seed(INVITATION)
    assert (doc.ref, doc.decision_type) == (None, "other")
    assert doc.title == "Invitations for expression of interest: London Recovery Programme"
    # "…to: civilsociety@london.gov.uk by 11 January 2021."
    assert doc.date_inferred and doc.date[:4] in ("2020", "2021")
    assert doc.approved_amount_pounds is None and doc.linked_refs == [] and doc.decision_maker is None


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "\x00\x01\x02", "£££ 1.1. 2.2", "Home", "1.0 FTE\n\n- \n•", "Date signed: 99/99/9999"],
)
def test_odd_input_never_raises(text):
    doc = parse(text, path="odd/some_file.txt")
    assert doc.decision_type == "other" and doc.title
    assert all(doc.text[p.start : p.end] == p.text for p in doc.paragraphs)


def test_a_parser_bug_still_yields_a_plain_document(monkeypatch):
    monkeypatch.setattr("indexer.parse.split_paragraphs", lambda text: 1 / 0)
    doc = parse("Some title\n\nBody text.")
    assert (doc.title, doc.decision_type, [p.text for p in doc.paragraphs]) == (
        "Some title",
        "other",
        [doc.text],
    )


def test_title_falls_back_to_the_file_name():
    assert parse("", path="a/b/scan_042.txt").title == "scan_042"
    assert parse("12 34\n\nHello there").title == "Hello there"


def test_pathological_input_is_fast():
    # ~10-30k characters each: a regex that backtracks quadratically takes seconds here
    nasty = ["1." * 10_000, "£" + "1," * 10_000, "Director Decision " * 1_500, "March, " * 2_500 + "x",
             "Executive Director" + " " * 30_000 + "x", " " * 30_000 + "x", "a\n\n" * 2_500 + "Risk\n" * 2_500,
             "January 2020\n" * 1_500, "REQUEST FOR " * 2_000, "1/1/" * 5_000]  # fmt: skip
    started = time.perf_counter()
    for text in nasty:
        parse(text)
    assert time.perf_counter() - started < 4


def test_strip_boilerplate_only_removes_site_navigation():
    assert strip_boilerplate("Skip to main content\nHome\n\nMD1 Title") == "MD1 Title"
    assert strip_boilerplate("Home\nImprovements") == "Home\nImprovements"  # no site header: a real line


def test_part2_and_types_from_form_headings():
    # a confidential Part 2 form of an Executive Director decision
    doc = parse(
        "PART 2 – CONFIDENTIAL FACTS AND ADVICE\n\nEDD123 Land at Somewhere\n\nIs there a part 2 form? YES"
    )
    assert doc.part2 and doc.has_part2 and (doc.ref, doc.decision_type) == ("EDD123", "executive_director")
    form = parse("REQUEST FOR DIRECTOR DECISION\n\nBus stops\n\nIs there a part 2 form? YES/NO")
    assert (form.decision_type, form.title) == ("director", "Bus stops")
    assert not form.has_part2 and not form.part2


def test_deferral_answered_no_has_no_date():
    until = "\n\nUntil what date: 1 May 2026"
    assert parse("Is the publication of Part 1 to be deferred? NO" + until).deferred_until is None
    assert parse("Is the publication of Part 1 to be deferred? YES" + until).deferred_until == "2026-05-01"


@pytest.mark.parametrize(
    ("text", "pounds"),
    [("£812,000", 812_000), ("£205k", 205_000), ("£3.25bn", 3_250_000_000), ("£1.2m", 1_200_000),
     ("£1.2 million", 1_200_000), ("£72,765", 72_765), ("£3k", 3_000), ("£15k", 15_000),
     ("812,000", 812_000), ("costs £5 more", 5), ("no money", None), ("", None)],
)  # fmt: skip
def test_parse_amount(text, pounds):
    assert parse_amount(text) == pounds


def test_without_a_decision_heading_the_decision_s_own_sum_is_approved():
    from indexer.amounts import decision_total

    # MD2347's page has no "Decision" heading: its summary invites approval of "£370,000 in 2018/19, …", then
    # "That the Mayor approves … associated expenditure of £910,000 …".
    summary = (
        "It invites the Mayor to approve expenditure of £370,000 in 2018/19, £270,000 in 2019/20.\n\n"
        "That the Mayor approves the proposed activities and associated expenditure of £910,000 to deliver them."
    )
    assert decision_total("", summary) == 910_000
    # MD3230's summary reports an earlier approval before the one it seeks, 90-odd characters after "seeks approval".
    summary = (
        "In August 2018, the Mayor approved an overall budget envelope of £212.5m for the first period.\n"
        "This MD seeks approval for the next five-year Delivery Plan period (2024-25 to 2028-29), with expenditure "
        "approval of £64.31m (£21.58m revenue and £42.73m capital)."
    )
    assert decision_total("", summary) == 64_310_000
    # DD2650 lists its two items under "approves:"; its summary asks approval of their total.
    decision = (
        "That the Executive Director approves:\n1. expenditure of up to £905,000 to support needs\n"
        "2. expenditure of up to £4,095,000 to support implementation issues"
    )
    summary = (
        "The Executive Director is asked to approve the total expenditure of up to £5,000,000 to deliver it."
    )
    assert decision_total(decision, summary) == 5_000_000
    # ADD2791 approves "£3.49m" of the "£3,489,000" its summary seeks: the exact sum is kept.
    decision = "That the Assistant Director approves the receipt and expenditure of £3.49m of RSPARG funding"
    summary = "Approval is sought for the receipt and expenditure of £3,489,000 of funding from MHCLG"
    assert decision_total(decision, summary) == 3_489_000
    assert (
        decision_total(decision, "Approval is sought for £3,400,000 of funding") == 3_490_000
    )  # another sum


def test_amounts_and_the_approved_amount():
    assert amounts_in("£205k in 2021-22 and £205k in 2022-23; total £410,000") == [205_000, 410_000]
    assert approved_amount("The Mayor approves expenditure of up to £812,000 (£205k a year)") == 812_000
    assert approved_amount("That the Mayor approves:\n\nExpenditure of £305,000 on …") == 305_000
    assert approved_amount("The Board met on 15 September 2020.") is None


@pytest.mark.parametrize(
    ("text", "ref"),
    [("md 2848", "MD2848"), ("MD-2848", "MD2848"), ("DD 2593", "DD2593"), ("add2793", "ADD2793"),
     ("Director Decision (DD) 2593", "DD2593"), ("Director Decision 2593", "DD2593"),
     ("Mayoral Decision 2721", "MD2721"), ("Reference code: MD2848", "MD2848"), ("AD2484", "AD2484"),
     ("EDD123", "EDD123"), ("G7", None), ("2021-22", None), ("hello", None), ("", None), (None, None)],
)  # fmt: skip
def test_normalise_ref(text, ref):
    assert normalise_ref(text) == ref


def test_find_refs():
    text = (
        "Approved under MD2721 and Director Decision (DD) 2593; see AD2484, MD2721 again, ADD2234, "
        "Mayoral Decision 2680 and EDD123, confirmed via CO385. Not refs: G7, G8, 2021-22, add 200 homes, "
        "MD12, CO2."
    )
    assert find_refs(text) == ["MD2721", "DD2593", "AD2484", "ADD2234", "MD2680", "EDD123", "CO385"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [("18/11/2025", "2025-11-18"), ("31 January 2026", "2026-01-31"), ("31st Jan 2026", "2026-01-31"),
     ("January 2024", "2024-01-01"), ("End of February 2026", "2026-02-28"), ("2018/19", "2018-04-01"),
     ("2021-22", "2021-04-01"), ("2025-11-18", "2025-11-18"), ("September – October 2021", "2021-09-01"),
     ("Sept-October 2018", "2018-09-01"), ("March, June, September and December 2024", "2024-03-01"),
     ("Summer 2021", "2021-06-01"), ("Summer / Autumn 2016", "2016-06-01"), ("early spring of 2024", "2024-03-01"),
     ("2021-2023", None), ("31/02/2025", None), ("G7", None), ("", None), ("the summer months", None)],
)  # fmt: skip
def test_parse_date(text, iso):
    parsed = parse_date(text)
    assert (parsed.isoformat() if parsed else None) == iso


def test_infer_decision_date_rules():
    timetable = "Activity\nTimeline\nStart work\nMarch 2024\nFinish\nJune – July 2024\n"
    assert infer_decision_date(timetable)[0] == "2024-03-01"
    value, reason = infer_decision_date("The budget for 2018/19 is £305,000. It started in 2016.")
    assert value == "2018-04-01" and "2018/19" in reason and "budget for 2018/19" in reason
    # no timetable or financial year: the latest date that is not in the future
    text = "Launched on 1 May 2019; reply by 11 January 2021; ends 2 March 2031."
    assert infer_decision_date(text, today=TODAY)[0] == "2021-01-11"
    assert infer_decision_date("nothing dated here") == (None, None)


def _sidecar_case(tmp_path: Path) -> tuple[Path, SourceDocument]:
    (path := tmp_path / "web" / "page.txt").parent.mkdir()
    path.write_text("x", encoding="utf-8")
    return path, seed(MD2848)


def test_sidecar_json_and_csv_override_fields(tmp_path):
    path, doc = _sidecar_case(tmp_path)
    (tmp_path / "metadata.csv").write_text(
        "file,title,part2,date_published,linked_refs\n"
        "web/page.txt,Better title,yes,2021-08-20,MD 1234; Director Decision 2593\n"
        "other.txt,Ignored,no,,\n",
        encoding="utf-8",
    )
    path.with_name("page.txt.meta.json").write_text(
        json.dumps({"date_signed": "2021-08-10"}), encoding="utf-8"
    )
    meta = load_sidecar_metadata(path, tmp_path)
    assert meta["title"] == "Better title" and meta["date_signed"] == "2021-08-10"
    updated = apply_sidecar(doc, meta)
    assert updated.title == "Better title" and updated.part2 is True
    assert updated.linked_refs == ["MD1234", "DD2593"]
    assert (updated.date, updated.date_inferred) == ("2021-08-10", False)
    assert "sidecar" in updated.date_source
    assert doc.date_inferred  # the parsed document is left alone


def test_sidecar_published_date_replaces_an_inferred_one(tmp_path):
    path, doc = _sidecar_case(tmp_path)
    path.with_name("page.meta.json").write_text('{"date_published": "2021-09-01", "has_part2": "1"}')
    updated = apply_sidecar(doc, load_sidecar_metadata(path, tmp_path))
    assert (updated.date, updated.date_inferred, updated.has_part2) == ("2021-09-01", False, True)


@pytest.mark.parametrize(
    ("meta", "message"),
    [({"colour": "red"}, "colour"), ({"text": "x"}, "text"), ({"date_signed": "18/11/2025"}, "date_signed"),
     ({"part2": "perhaps"}, "part2"), ({"decision_type": "wizard"}, "decision_type"), ({"ref": "G7"}, "ref")],
)  # fmt: skip
def test_sidecar_rejects_bad_values(meta, message):
    with pytest.raises(ValueError, match=message) as caught:
        apply_sidecar(seed(MD2848), meta)
    assert seed(MD2848).path in str(caught.value)


def test_sidecar_unknown_key_names_the_file(tmp_path):
    path, _ = _sidecar_case(tmp_path)
    (tmp_path / "metadata.csv").write_text("file,colour\nweb/page.txt,red\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"metadata\.csv.*colour"):
        load_sidecar_metadata(path, tmp_path)
    (tmp_path / "metadata.csv").unlink()
    path.with_name("page.txt.meta.json").write_text('{"shade": 1}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"page\.txt\.meta\.json.*shade"):
        load_sidecar_metadata(path, tmp_path)


def test_nearest_metadata_csv_wins_key_by_key(tmp_path):
    path, _ = _sidecar_case(tmp_path)  # web/page.txt
    (tmp_path / "metadata.csv").write_text(
        "file,title,directorate\nweb/page.txt,From the root,Housing and Land\n", encoding="utf-8"
    )
    (tmp_path / "web" / "metadata.csv").write_text(
        "file,title,url\npage.txt,From its folder,https://www.london.gov.uk/decisions/md2848-engaging\n",
        encoding="utf-8",
    )
    assert load_sidecar_metadata(path, tmp_path) == {
        "title": "From its folder",
        "directorate": "Housing and Land",
        "url": "https://www.london.gov.uk/decisions/md2848-engaging",
    }
