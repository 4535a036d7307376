"""Passages name their decision and place everywhere; a document without a code has a readable,
stable address; a decision page keeps the search it was reached from. Real index, real server."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from web.present import place, with_search

from .test_web_pages import Links, html_page

INVITATION = "Invitations for expression of interest: London Recovery Programme"  # the sample without a code


@pytest.fixture(scope="module")
def web(server):
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def link_texts(page: str, cls: str) -> list[str]:
    return [re.sub(r"\s+", " ", html.unescape(a["text"])).strip() for a in Links(page).with_class(cls)]


# ---------------------------------------------------------------- every passage names its decision


def test_result_passages_name_decision_and_paragraph_for_screen_readers(web):
    page = html_page(web, "/search?q=Connecting+Communities+London+investment")
    names = link_texts(page, "passage__link")
    assert "MD2848 Engaging Londoners in Recovery Programme 2021-2023, Paragraph 2.7" in names
    assert not [n for n in names if n in ("Passage", "Paragraph")]


def test_passages_of_a_document_without_a_code_cite_its_title_and_heading(web):
    page = html_page(web, "/search?q=Building+Strong+Communities+co-leads")
    names = [n for n in link_texts(page, "passage__link") if n.startswith(INVITATION)]
    # 'Building Strong Communities' is the heading the invitation's paragraphs sit under.
    assert names and all(
        re.match(re.escape(INVITATION) + r", (Section “.+”|Opening text)$", n) for n in names
    )


def test_place_says_paragraph_or_section_never_passage():
    assert place("2.7", "Financial comments") == "paragraph 2.7"
    assert place(None, "BACKGROUND") == "section “BACKGROUND”"
    assert place(None, None) == "opening text"


def test_the_answer_names_the_decision_of_each_citation(web):
    page = html_page(web, "/search?q=How+much+is+the+Connecting+Communities+London+investment%3F")
    assert "MD2848, paragraph 2.7: Engaging Londoners in Recovery Programme 2021-2023" in link_texts(
        page, "citation__link"
    )


def test_nearest_passages_name_their_decision_in_the_link(web):
    page = html_page(web, "/search?q=What+is+the+capital+of+France%3F")
    answer = page[
        page.index('<section class="answer') : page.index("</section>", page.index('<section class="answer'))
    ]
    names = link_texts(answer, "passage__link")
    assert names, "the not-found answer lists its nearest passages"
    refs = ("MD2848 ", "MD2313 ", "DD2691 ", "ADD2793 ", INVITATION)
    assert all(
        n.startswith(refs) and re.search(r", (paragraph [\d.]+|section “.+”|opening text)$", n) for n in names
    )


# ---------------------------------------------------------------- a document without a code


def test_a_document_without_a_code_has_a_readable_address(web, index):
    doc = next(d for d in index.decisions.values() if d.ref is None)
    assert re.fullmatch(r"invitations-for-expression-of-interest-london-recovery-[0-9a-f]{6}", doc.address)
    page = html_page(web, doc.url)
    assert INVITATION in page
    # The old opaque address (and any older slug ending in the same hash) redirects, search kept.
    old = web.get(f"/decisions/{doc.id}?q=hubs", follow_redirects=False)
    assert old.status_code == 308 and old.headers["location"] == f"{doc.url}?q=hubs"
    retitled = web.get(f"/decisions/old-title-{doc.id[4:10]}", follow_redirects=False)
    assert retitled.headers["location"] == doc.url


def test_results_link_to_the_readable_address(web, index):
    doc = next(d for d in index.decisions.values() if d.ref is None)
    page = html_page(web, "/search?q=Building+Strong+Communities+co-leads")
    assert any(a["href"].startswith(doc.url + "?q=") for a in Links(page).anchors)
    assert "doc-" not in " ".join(a["href"] for a in Links(page).anchors)


# ---------------------------------------------------------------- the search it came from


def test_decision_page_breadcrumb_leads_back_to_the_results(web):
    results = html_page(web, "/search?q=community+grants&type=mayoral")
    title_link = next(a for a in Links(results).anchors if a["href"].startswith("/decisions/MD2313"))
    page = html_page(web, html.unescape(title_link["href"]))
    crumbs = page[
        page.index('<nav class="breadcrumbs"') : page.index("</nav>", page.index('<nav class="breadcrumbs"'))
    ]
    back = next(a for a in Links(crumbs).anchors if a["text"].startswith("Results"))
    assert parse_qs(urlsplit(html.unescape(back["href"])).query) == {
        "q": ["community grants"],
        "type": ["mayoral"],
    }


def test_decision_page_marks_the_words_searched_for(web):
    page = html_page(web, "/decisions/MD2848?q=Connecting+Communities+since+2018")
    # '2.7 … Connecting Communities London investment of £402,000'; 'since 2018' is a filter, not words.
    assert "<mark>Connecting</mark> <mark>Communities</mark>" in page
    assert "<mark>2018</mark>" not in page and "<mark>since</mark>" not in page
    plain = html_page(web, "/decisions/MD2848")
    assert "<mark>" not in plain.replace("<mark>highlighted</mark>", "")


def test_a_hostile_query_on_a_decision_page_is_text(web):
    page = html_page(web, "/decisions/MD2848?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)</script>" not in page


def test_with_search_puts_the_query_before_the_anchor():
    assert with_search("/decisions/MD2848#p-2.7", "q=grants") == "/decisions/MD2848?q=grants#p-2.7"
    assert with_search("/decisions/MD2848", "") == "/decisions/MD2848"


# ---------------------------------------------------------------- the filter panel


def test_filters_read_from_the_words_fill_the_filter_panel(web):
    page = html_page(web, "/search?q=director+decisions+since+2018")
    assert '<option value="director" selected>' in page
    # The GOV.UK date boxes of "Date from" show 1 1 2018.
    for part, value in (("day", "1"), ("month", "1"), ("year", "2018")):
        assert re.search(rf'name="date_from_{part}" type="text" inputmode="numeric" value="{value}"', page)
    assert "Filled in from your search words" in page and "(from <q>since 2018</q>)" in page
    assert "(in use)" in page


def test_decision_page_paragraph_links_name_the_decision_for_screen_readers(web):
    page = html_page(web, "/decisions/MD2848")
    assert '<span class="visually-hidden">MD2848, paragraph </span>2.7</a>' in page


def test_a_filter_dropped_because_it_left_nothing_is_not_filled_into_the_panel(web):
    # 'signed in 2031' matches no decision, so the search relaxes it (and says so): the panel must
    # not offer it as in use, or applying the panel would bring the empty search back.
    page = html_page(web, "/search?q=community+engagement+decisions+signed+in+2031")
    assert "showing results from any date" in page
    assert 'value="2031"' not in page and "Filled in from your search words" not in page
