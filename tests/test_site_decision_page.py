"""Passages that prove a filter, text after the last numbered paragraph, tables, and a long decision's
contents list and copy-citation control. Real index of the five samples, real server, real Chromium."""

from __future__ import annotations

import html
import re

import httpx
import pytest
from playwright.sync_api import expect

from indexer.amounts import amounts_in
from indexer.dates import find_dates
from indexer.parse import split_paragraphs
from search_api.cell_labels import with_row_labels
from web.present import cell_table

from .conftest import find_corpus_file
from .test_site_browser import DESKTOP, PHONE, open_page
from .test_web_browser import ARTIFACTS
from .test_web_pages import html_page


@pytest.fixture(scope="module")
def web(server):
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def search(api, q: str) -> list[dict]:
    body = api.get("/api/search", params={"q": q, "limit": 20}).json()
    assert body["results"], body
    return body["results"]


# ---------------------------------------------------------------- item 4: passages that prove the filter


def test_an_amount_only_search_shows_the_passage_with_the_amount_it_matched(api):
    for result in search(api, "over £50k"):
        amount = (
            result["approved_amount"] if result["approved_amount"] is not None else max(result["amounts"])
        )
        first = result["passages"][0]["text"]
        assert amount in amounts_in(first), (result["ref"], amount, first[:200])
        assert not re.fullmatch(r"\s*Date signed:\s*Date published:\s*", first)


def test_a_date_only_search_shows_the_passage_stating_the_date(api):
    for result in search(api, "decisions since 2020"):
        if result["date_inferred"]:
            continue  # an inferred date is read from the text, but may be a month or a year only
        first = result["passages"][0]["text"]
        assert result["date"] in {m.date.isoformat() for m in find_dates(first)}, (result["ref"], first[:200])


def test_a_type_only_search_shows_the_decision_paragraph(api):
    results = search(api, "director decisions")
    assert {r["decision_type"] for r in results} == {"director"}
    # DD2691: "That the Executive Director of Communities and Skills approves: 1. expenditure of £72,765 …"
    dd2691 = next(r for r in results if r["ref"] == "DD2691")
    assert "That the Executive Director of Communities and Skills approves" in dd2691["passages"][0]["text"]


def test_the_results_page_marks_the_amount_a_filter_matched(web):
    # DD2691's Decision: "That the Executive Director … approves: 1. expenditure of £72,765 under …"
    page = html_page(web, "/search?q=over+%C2%A350k")
    assert "<mark>£72,765</mark>" in page


def test_a_search_with_words_keeps_its_own_passages(api):
    # "Connecting Communities London" is in MD2848's paragraph 2.7, not in its Decision section.
    results = search(api, "Connecting Communities London investment")
    md2848 = next(r for r in results if r["ref"] == "MD2848")
    assert md2848["passages"][0]["url"].endswith("#p-2.7")


# ---------------------------------------------------------------- item 6: after the last paragraph; one passage each


def test_a_timetable_after_the_last_numbered_paragraph_gets_its_own_heading():
    # MD2848, after "6.3 Should the Mayor be minded …" and its bullets ending "… commencement of the same.":
    # "Activity" / "Milestone" / "London Engagement Learning Network" / …
    text = find_corpus_file("Engaging Londoners in Recovery").read_text()
    paragraphs = split_paragraphs(text)
    timetable = next(p for p in paragraphs if p.text.startswith("Activity\n\nMilestone"))
    assert (timetable.number, timetable.section) == (None, "After paragraph 6.3")
    six_three = next(p for p in paragraphs if p.number == "6.3")
    assert "Milestone" not in six_three.text and six_three.text.endswith("commencement of the same.")


def test_a_table_a_paragraph_announces_stays_with_it():
    # MD2848 "5.1 Approval is sought for expenditure of £812,000 … as detailed in the table below."
    text = find_corpus_file("Engaging Londoners in Recovery").read_text()
    five_one = next(p for p in split_paragraphs(text) if p.number == "5.1")
    assert "Approval for expenditure in 2021-22" in five_one.text


def test_a_subheading_over_the_next_paragraph_is_not_cited_as_the_one_before():
    text = "Background\n1.1    The current London Fire Commissioner has announced his retirement.\n\nRationale\n" \
        "1.2    It would appear reasonable to issue a direction for the following reasons:\n"  # fmt: skip
    rationale = next(p for p in split_paragraphs(text) if p.text == "Rationale")
    assert (rationale.number, rationale.section) == (None, "Rationale")


def test_the_decision_page_and_passages_cite_the_timetable_by_its_heading(web, api):
    page = html_page(web, "/decisions/MD2848")
    assert re.search(r'<h3 class="document__section"[^>]*>After paragraph 6.3</h3>', page)
    results = search(api, "Launch of micro-fund to support the learning network")
    passages = [p for r in results if r["ref"] == "MD2848" for p in r["passages"]]
    timetable = next(p for p in passages if "micro-fund" in p["text"])
    assert (timetable["paragraph"], timetable["section"]) == (None, "After paragraph 6.3")


@pytest.mark.parametrize("q", ["community engagement work programme budget", "Engaging Londoners", "grants"])
def test_a_result_shows_each_paragraph_once(api, q):
    for result in search(api, q):
        anchors = [p["url"] for p in result["passages"]]
        assert len(anchors) == len(set(anchors)), (result["ref"], anchors)


# ---------------------------------------------------------------- item 7: tables and row labels


def test_a_cell_in_a_passage_keeps_its_row_label():
    # MD2313's work programme: "1. Citizen Shift Environment Pilot" / … / "Joint evaluation with
    # environment team" / "£3k" — a passage starting at "£3k" must say what the £3k is for.
    text = find_corpus_file("Citizen Shift Environment Pilot").read_text()
    at = text.index("£3k")
    assert with_row_labels(text, at, text[at : at + 200]).startswith("Citizen Shift Environment Pilot: £3k")
    # With its label inside the passage, the passage is left as it is.
    start = text.index("1. Citizen Shift Environment Pilot")
    assert with_row_labels(text, start, text[start : at + 3]) == text[start : at + 3]


def test_tab_separated_rows_are_a_table_on_the_decision_page(web):
    # ADD2793: "Activity\tTimeline" / "Procurement of contract commences\tEnd of November 2025" / …
    page = html_page(web, "/decisions/ADD2793")
    tables = re.findall(r'<table class="table para__table">.*?</table>', page, re.S)
    timetable = next(t for t in tables if '<th scope="col">Activity</th><th scope="col">Timeline</th>' in t)
    assert '<th scope="row">Final delivery</th><td>End of February 2026</td>' in timetable
    # "Risk\tMitigation\tRAG Rating": the risk register is a table too.
    assert any('<th scope="col">RAG Rating</th>' in t for t in tables)


def test_a_timetable_of_one_cell_a_line_is_a_table_on_the_decision_page(web):
    # MD2848 after 6.3: "Activity" / "Milestone" / "London Engagement Learning Network" / "Commission
    # delivery partner" / "September – October 2021" / … / "Community-led launch events" / "March 2022" / "March 2023"
    page = html_page(web, "/decisions/MD2848")
    tables = re.findall(r'<table class="table para__table">.*?</table>', page, re.S)
    timetable = next(t for t in tables if '<th scope="col">Milestone</th>' in t)
    assert (
        '<th scope="row" colspan="2" class="para__table-group">London Engagement Learning Network</th>'
        in timetable
    )
    assert '<th scope="row">Commission delivery partner</th><td>September – October 2021</td>' in timetable
    assert '<th scope="row">Community-led launch events</th><td>March 2022; March 2023</td>' in timetable


def test_short_lines_that_are_not_a_timetable_stay_text():
    # A key-information block: "Decision type: Director" / "Directorate: …" / "Reference code: DD2691" / …
    cells = ["Decision type: Director", "Directorate: Communities and Skills", "Reference code: DD2691",
             "Date signed:", "Date published:", "Decision by: Tunde Olayinka"]  # fmt: skip
    assert cell_table(cells) is None
    assert cell_table(["Risk", "Mitigation", "RAG", "Delays", "Prioritised", "Amber"]) is None


# ---------------------------------------------------------------- long decisions: contents and citations


def test_the_contents_list_links_to_every_section_heading(web):
    page = html_page(web, "/decisions/MD2848")
    nav = re.search(r'<nav class="contents".*?</nav>', page, re.S).group(0)
    targets = re.findall(r'href="#([^"]+)"', nav)
    labels = [html.unescape(t) for t in re.findall(r'<a href="#[^"]+">([^<]+)</a>', nav)]
    assert {"Executive summary", "Decision", "Financial comments", "After paragraph 6.3"} <= set(labels)
    ids = set(re.findall(r' id="([^"]+)"', page))
    assert targets and set(targets) <= ids


def test_each_paragraph_shows_its_citation_as_text(web, server):
    page = html_page(web, "/decisions/MD2848")
    assert (
        f'Cite as: <span class="para__cite-text">MD2848, paragraph 2.5, {server.url}/decisions/MD2848#p-2.5'
        in page
    )


@pytest.mark.browser
def test_copy_citation_by_keyboard_puts_it_on_the_clipboard(browser, server):
    page = open_page(browser, server, DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    page.goto("/decisions/MD2848#p-2.5")
    button = page.locator("#p-2\\.5 .para__cite-button")
    expect(button).to_have_accessible_name(re.compile(r"^Copy citation: MD2848, paragraph 2\.5$"))
    button.focus()
    page.keyboard.press("Enter")
    wanted = f"MD2848, paragraph 2.5, {server.url}/decisions/MD2848#p-2.5"
    expect(page.locator("#copy-status")).to_have_text(f"Citation copied: {wanted}")
    assert page.evaluate("navigator.clipboard.readText()") == wanted
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#p-2\\.5").screenshot(path=ARTIFACTS / "decision-copy-citation-desktop.png")
    page.context.close()


@pytest.mark.browser
def test_without_javascript_the_citation_is_selectable_text(browser, server):
    page = open_page(browser, server, PHONE, java_script_enabled=False)
    page.goto("/decisions/MD2848")
    cite = page.locator("#p-2\\.5 .para__cite-text")
    expect(cite).to_be_visible()
    expect(cite).to_have_text(f"MD2848, paragraph 2.5, {server.url}/decisions/MD2848#p-2.5")
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("#p-2\\.5").screenshot(path=ARTIFACTS / "decision-citation-no-js-phone.png")
    page.context.close()


@pytest.mark.browser
def test_a_contents_link_moves_to_its_section(browser, server):
    page = open_page(browser, server, PHONE)
    page.goto("/decisions/MD2848")
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".contents").screenshot(path=ARTIFACTS / "decision-contents-phone.png")
    page.locator(".contents").get_by_role("link", name="Legal comments").click()
    section = page.locator(".document__section", has_text="Legal comments").first
    expect(section).to_be_in_viewport()
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_decision_with_tables_has_no_axe_violation(browser, server, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(browser, server, viewport)
    ARTIFACTS.mkdir(exist_ok=True)
    for url in ("/decisions/ADD2793", "/decisions/MD2848", "/decisions/MD2313", "/search?q=over+%C2%A350k"):
        page.goto(url)
        name = url.strip("/").replace("/", "-").replace("?q=over+%C2%A350k", "-filter-only").lower()
        if page.locator(".para__table").count():  # the last table of the decision: the timetable
            page.locator(".para__table").last.screenshot(
                path=ARTIFACTS / f"{name}-table-{viewport['width']}.png"
            )
        else:
            page.screenshot(path=ARTIFACTS / f"{name}-{viewport['width']}.png", full_page=True)
        violations = Axe().run(page).response["violations"]
        assert [v["id"] for v in violations] == [], url
    if viewport is PHONE:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()
