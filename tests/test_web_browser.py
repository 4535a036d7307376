"""The web site in a real headless Chromium: what a person sees, clicks and types.

Debian's /usr/bin/chromium is required: a missing browser fails these tests rather than
skipping them, so a broken CI image cannot pass silently. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect, sync_playwright

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
TARGET_BACKGROUND = "rgb(255, 247, 191)"  # --target in web/static/style.css
FOCUS_BACKGROUND = "rgb(255, 221, 0)"  # --focus: the yellow every focused link gets
QUESTION = "How much is the Connecting Communities London investment?"

needs_answers = pytest.mark.skipif(
    importlib.util.find_spec("search_api.answer") is None,
    reason="search_api/answer.py (answer_question, is_question) is not written yet",
)


@pytest.fixture(scope="module")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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


@needs_answers
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
    rows = list(csv.reader(path.open(encoding="utf-8")))
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
