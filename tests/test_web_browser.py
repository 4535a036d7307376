"""The web site in a real headless Chromium: what a person sees, clicks and types.

Debian's /usr/bin/chromium is required: a missing browser fails these tests rather than
skipping them, so a broken CI image cannot pass silently. Screenshots go to tests/artifacts/.
One browser serves the whole session; each test gets a fresh context (cookies, viewport).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TARGET_BACKGROUND = "rgb(255, 247, 191)"  # --target in web/static/style.css
FOCUS_BACKGROUND = "rgb(255, 221, 0)"  # --focus: the yellow every focused link gets
QUESTION = "How much is the Connecting Communities London investment?"


@pytest.fixture
def page(browser, server) -> Page:
    context = browser.new_context(
        base_url=server.url, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.dialogs = []  # any alert() would mean a script from the page or the query ran
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def search_for(page: Page, text: str) -> None:
    page.goto("/")
    page.fill("#q", text)
    page.press("#q", "Enter")
    page.wait_for_load_state()


def test_a_question_shows_the_answer_and_its_citation(page):
    search_for(page, QUESTION)
    panel = page.locator(".answer")
    expect(panel).to_be_visible()
    expect(panel.locator(".answer__text")).to_contain_text("£402,000")
    citation = panel.locator(".citation__link").first
    expect(citation).to_have_attribute("href", "/decisions/MD2848#p-2.7")
    screenshot(page, "answer")
    citation.click()
    page.wait_for_url("**/decisions/MD2848#p-2.7")
    expect(page.locator(":target")).to_contain_text("£402,000")


def test_a_date_chip_removes_its_filter_in_one_click(page):
    search_for(page, "community engagement grants since 2018")
    chip = page.locator("a.chip", has_text="since 2018")
    expect(chip).to_be_visible()
    before = int(page.locator(".result-count").inner_text().split()[0])
    screenshot(page, "search")
    chip.click()
    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query)["q"] == ["community engagement grants"]
    expect(page.locator("#q")).to_have_value("community engagement grants")
    expect(page.locator("a.chip", has_text="since 2018")).to_have_count(0)
    # Without the date filter nothing more is excluded, so at least as many decisions match.
    assert int(page.locator(".result-count").inner_text().split()[0]) >= before


def test_a_passage_link_lands_on_the_highlighted_paragraph(page):
    search_for(page, "Connecting Communities London investment")
    link = page.locator("a.passage__link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**" + href)
    anchor = href.split("#", 1)[1]
    assert page.evaluate("location.hash") == "#" + anchor
    target = page.locator(":target")
    expect(target).to_have_attribute("id", anchor)
    expect(target).to_be_in_viewport()
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") == TARGET_BACKGROUND
    screenshot(page, "decision")


def test_results_download_as_csv(page, tmp_path):
    search_for(page, "community engagement grants")
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Download CSV")).click()
    path = tmp_path / "results.csv"
    info.value.save_as(path)
    assert info.value.suggested_filename.startswith("decisions-community-engagement-grants-")
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))  # the file starts with Excel's byte-order mark
    assert rows[0][:2] == ["ref", "title"]
    assert len(rows) > 1 and any(row[0] == "MD2313" for row in rows[1:])


def active(page: Page) -> dict:
    return page.evaluate(
        "() => { const el = document.activeElement; return {id: el.id, cls: el.className, tag: el.tagName,"
        " href: el.getAttribute('href'), bg: getComputedStyle(el).backgroundColor}; }"
    )


def test_keyboard_only_search_reaches_a_result(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert active(page)["cls"] == "skip-link"
    page.keyboard.press("Enter")  # jump past the header to the main content
    page.keyboard.press("Tab")
    assert active(page)["id"] == "q"
    page.keyboard.type("community engagement grants")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=community+engagement+grants")
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = active(page)
        if focused["tag"] == "A" and (focused["href"] or "").startswith("/decisions/"):
            break
    else:
        pytest.fail("Tab never reached a result link")
    assert focused["bg"] == FOCUS_BACKGROUND  # the focus is visible, not just there


def test_script_in_the_query_is_text_and_never_runs(page):
    attack = "<script>alert(1)</script>"
    search_for(page, attack)
    expect(page.locator(".searched-for q")).to_have_text(attack)
    expect(page.locator("#q")).to_have_value(attack)
    assert page.dialogs == []


def test_search_and_filters_work_without_javascript(browser, server):
    context = browser.new_context(base_url=server.url, java_script_enabled=False)
    page = context.new_page()
    search_for(page, "community engagement")
    page.get_by_text("Filters and search options").click()
    page.get_by_label("Decision type").select_option("mayoral")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query)["type"] == ["mayoral"]
    tags = page.locator(".result .tag").all_inner_texts()
    assert tags and set(tags) == {"Mayoral Decision"}
    context.close()


def test_search_page_fits_a_phone_screen(browser, server):
    context = browser.new_context(base_url=server.url, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto("/search?q=community+engagement+grants+since+2018")
    # Nothing may be wider than the screen: sideways scrolling makes results unreadable on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.locator(".result").first).to_be_visible()
    screenshot(page, "search-phone")
    context.close()


# ---------------------------------------------------------------- the site's services (issue 14)

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site_server(tmp_path_factory, settings, index):
    """The sample plus 24 'allotment' decisions (three pages of ten), served for real."""
    from search_api.index import IndexHolder
    from serve.app import create_app

    from .conftest import LiveServer
    from .site_corpus import build_site_index

    _, site_settings = build_site_index(tmp_path_factory.mktemp("site"), settings)
    with LiveServer(create_app(site_settings, IndexHolder(site_settings, model=index.model))) as live:
        yield live


def new_page(browser, base_url: str, viewport: dict = DESKTOP) -> Page:
    context = browser.new_context(base_url=base_url, viewport=viewport, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def tab_to(page: Page, matches, limit: int = 150) -> dict:
    """Press Tab until the focused element satisfies `matches`; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const el = document.activeElement; return {id: el.id, tag: el.tagName,"
            " label: el.getAttribute('aria-label') || '', text: el.innerText || '', href: el.getAttribute('href')}; }"
        )
        if matches(focused):
            return focused
    pytest.fail("Tab never reached the element")


def test_api_docs_render_with_every_outside_request_blocked(browser, server):
    page = new_page(browser, server.url)
    outside: list[str] = []

    def only_this_server(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_this_server)
    page.goto("/docs")
    operations = page.locator(".opblock-summary-path")
    expect(operations.first).to_be_visible()
    paths = operations.all_inner_texts()
    assert any("/api/search" in p for p in paths) and any("/api/decisions/{ref}" in p for p in paths)
    assert outside == []
    screenshot(page, "docs")
    page.context.close()


def test_keyboard_pages_through_results_and_chooses_a_page_size(browser, site_server):
    page = new_page(browser, site_server.url)
    page.goto("/search?q=allotment&mode=keyword")
    expect(page.locator(".result-range")).to_have_text("Showing 1–10 of 24 results")
    tab_to(page, lambda f: f["label"] == "Page 2")
    page.keyboard.press("Enter")
    page.wait_for_url("**offset=10")
    expect(page.locator(".result-range")).to_have_text("Showing 11–20 of 24 results")
    expect(page.locator('[aria-current="page"][aria-label="Page 2"]')).to_be_visible()
    tab_to(page, lambda f: f["text"].startswith("Next"))
    page.keyboard.press("Enter")
    page.wait_for_url("**offset=20")
    expect(page.locator(".result-range")).to_have_text("Showing 21–24 of 24 results")
    tab_to(page, lambda f: f["text"].startswith("50"))
    page.keyboard.press("Enter")
    page.wait_for_url("**size=50")
    expect(page.locator(".result-range")).to_have_text("Showing all 24 results")
    expect(page.locator(".result")).to_have_count(24)
    page.context.close()


def test_keyboard_enters_a_date_in_day_month_and_year_boxes(browser, site_server):
    page = new_page(browser, site_server.url)
    page.goto("/search?q=allotment")
    tab_to(page, lambda f: f["tag"] == "SUMMARY")
    page.keyboard.press("Enter")  # opens "Filters and search options"
    tab_to(page, lambda f: f["id"] == "f-date-from-day")
    for value in ("1", "1", "2020"):
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**date_from_year=2020**")
    expect(page.locator("a.chip", has_text="From 1 January 2020")).to_be_visible()
    assert page.locator("#f-date-from-year").get_attribute("inputmode") == "numeric"
    assert page.locator("input[type=date]").count() == 0  # no browser date picker
    dates = page.locator(".results time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates and min(dates) >= "2020-01-01"

    page.fill("#f-date-from-day", "31")
    page.fill("#f-date-from-month", "2")
    page.press("#f-date-from-month", "Enter")
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()  # read first, as GOV.UK's error summary is
    expect(summary).to_contain_text("Date from must be a real date")
    expect(page.locator("#f-date-from-error")).to_contain_text("Date from must be a real date")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the summary's link puts the cursor in the day box
    expect(page.locator("#f-date-from-day")).to_be_focused()
    expect(page.locator("#f-date-from-day")).to_have_value("31")
    screenshot(page, "date-error")
    page.context.close()


def test_the_signed_pdf_downloads_with_its_file_name(browser, server):
    page = new_page(browser, server.url)
    page.goto("/decisions/DD2691")
    link = page.get_by_role("link", name=re.compile("Download the signed PDF"))
    expect(page.locator(".sources")).to_contain_text(re.compile(r"\(PDF, \d+ KB\)"))
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == "DD2691-signed.pdf"
    assert Path(info.value.path()).read_bytes().startswith(b"%PDF")
    page.context.close()


def test_results_page_announces_its_atom_feed(browser, server):
    page = new_page(browser, server.url)
    page.goto("/search?q=community+engagement")
    href = page.locator('head link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    assert href == "/search.atom?q=community+engagement"
    expect(page.get_by_role("link", name=re.compile("Atom feed"))).to_have_attribute("href", href)
    page.context.close()


# ---------------------------------------------------------------- accessibility: axe-core in the page

A11Y_PAGES = {
    "home": "/",
    "results": "/search?q=community+engagement+grants+since+2018",
    "answer": "/search?q=How+much+is+the+Connecting+Communities+London+investment%3F",
    "decision": "/decisions/MD2848",
    "no-results": "/search?q=community+grants+before+1990",
    "error": "/decisions/XX9999",
    "about": "/about",
    "all-decisions": "/decisions",
    "date-error": "/search?q=grants&date_from_day=31&date_from_month=2&date_from_year=2019",
    "feedback": "/feedback",
}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_no_page_has_an_axe_violation(browser, server, axe, width):
    """axe-core (from the axe-playwright-python package) run inside each page, at both widths."""
    page = new_page(browser, server.url, DESKTOP if width == "desktop" else PHONE)
    found = {}
    for name, url in A11Y_PAGES.items():
        page.goto(url)
        screenshot(page, f"{name}-{width}")
        violations = axe.run(page).response["violations"]
        found.update({f"{name}: {v['id']}": [n["target"] for n in v["nodes"]][:3] for v in violations})
    assert found == {}
    if width == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.context.close()
