"""The web pages over the real index and a real server: what a person (or a crawler) gets back as HTML."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from decisions.records import Passage
from search_api.highlight import highlight
from web.forms import SearchForm, pagination, remove_words
from web.present import snippet


class Links(HTMLParser):
    """Every href/src, and the anchors with their class and text, of one page."""

    def __init__(self, page: str):
        super().__init__()
        self.urls: list[str] = []
        self.anchors: list[dict] = []
        self._open: dict | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.urls += [attrs[k] for k in ("href", "src", "action") if attrs.get(k) is not None]
        if tag == "a":
            self._open = {"href": attrs.get("href", ""), "class": attrs.get("class", ""), "text": ""}
            self.anchors.append(self._open)

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a":
            self._open = None

    def with_class(self, name: str) -> list[dict]:
        return [a for a in self.anchors if name in a["class"].split()]


@pytest.fixture(scope="module")
def web(server):
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def html_page(web, url: str, status: int = 200) -> str:
    response = web.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    return response.text


# ---------------------------------------------------------------- search


def test_search_page_shows_decisions_with_highlighted_passages(web):
    page = html_page(web, "/search?q=Connecting+Communities+London+investment")
    links = Links(page)
    assert "decisions found" in page
    assert "<mark>Connecting</mark>" in page
    # The link carries the search, so the decision page marks its words and leads back to it.
    assert any(
        re.match(r"/decisions/MD2848\?q=Connecting\+Communities.*#p-", a["href"])
        for a in links.with_class("passage__link")
    )
    assert "£812,000" in page  # MD2848's approved amount, formatted


def test_inferred_dates_are_marked_approx_with_an_explanation(web):
    # MD2848's date is read from its timetable: 'Development of hub — August 2021 – March 2022'
    page = html_page(web, "/search?q=MD2848")
    assert re.search(
        r'about <time datetime="2021-08-01">2021</time>\s*<span class="approx" title="[^"]*inferred', page
    )


def test_filters_read_from_the_query_show_as_chips(web):
    page = html_page(web, "/search?q=community+engagement+grants+since+2018")
    chips = Links(page).with_class("chip")
    assert [c for c in chips if "since 2018" in c["text"]]


def test_a_chip_for_two_kinds_of_decision_names_both(web):
    page = html_page(web, "/search?q=director+and+assistant+director+decisions")
    chip = next(c for c in Links(page).with_class("chip") if "director and assistant director" in c["text"])
    assert "Director Decisions or Assistant Director Decisions" in page
    assert parse_qs(urlsplit(chip["href"]).query).get("q") is None  # removing it leaves no words


def test_a_chip_links_to_the_search_without_its_words(web):
    page = html_page(web, "/search?q=community+engagement+grants+since+2018")
    chip = next(c for c in Links(page).with_class("chip") if "since 2018" in c["text"])
    assert parse_qs(urlsplit(chip["href"]).query)["q"] == ["community engagement grants"]
    after = html_page(web, chip["href"].replace("&amp;", "&"))
    assert not [c for c in Links(after).with_class("chip") if "since 2018" in c["text"]]


def test_filters_from_the_form_show_as_removable_chips(web):
    page = html_page(web, "/search?q=grants&type=mayoral")
    chip = next(c for c in Links(page).with_class("chip") if "Mayoral Decision" in c["text"])
    assert parse_qs(urlsplit(chip["href"]).query) == {"q": ["grants"]}
    assert '<option value="mayoral" selected>' in page


def test_download_links_carry_the_search_and_return_a_csv(web):
    page = html_page(web, "/search?q=community+grants&type=mayoral")
    href = next(a["href"] for a in Links(page).anchors if a["text"].startswith("Download CSV"))
    params = parse_qs(urlsplit(href).query)
    assert (
        params["q"] == ["community grants"] and params["type"] == ["mayoral"] and params["format"] == ["csv"]
    )
    response = web.get(href)
    assert response.content.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark Excel needs for "£"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response.headers["content-type"].startswith("text/csv")
    assert rows[0][:2] == ["ref", "title"] and len(rows) > 1
    # TODAY in conftest is 2026-11-23: the file is named after the words searched for and the day.
    assert response.headers["content-disposition"] == (
        'attachment; filename="decisions-community-grants-2026-11-23.csv"'
    )
    assert next(a["href"] for a in Links(page).anchors if a["text"].startswith("Download JSON")).startswith(
        "/api/search?"
    )


def test_a_question_gets_an_answer_panel_citing_the_paragraph(web):
    page = html_page(web, "/search?q=How+much+is+the+Connecting+Communities+London+investment%3F")
    assert "Answer from the decisions" in page
    assert (
        "£402,000" in page
    )  # MD2848 2.7: "Connecting Communities London investment of £402,000 (across two years)"
    assert "/decisions/MD2848#p-2.7" in [a["href"] for a in Links(page).with_class("citation__link")]


def test_an_unanswerable_question_says_not_found_and_shows_nearest_passages(web):
    page = html_page(web, "/search?q=What+is+the+capital+of+France%3F")
    assert "Not found in the decisions" in page
    assert "Nearest passages" in page


def test_plain_words_get_no_answer_panel(web):
    assert 'class="answer' not in html_page(web, "/search?q=MD2848")


# ---------------------------------------------------------------- decisions and about


def test_decision_page_has_an_anchor_per_numbered_paragraph(web):
    page = html_page(web, "/decisions/MD2848")
    assert 'id="p-2.7"' in page
    assert "Connecting Communities London investment of £402,000" in page


def test_decision_page_lists_its_web_page_and_signed_pdf(web):
    page = html_page(web, "/decisions/DD2691")
    assert "Signed PDF" in page and "Download the signed PDF" in page
    assert "Web page" in page
    assert (
        re.search(r"about <time[^>]*>1 January 2024</time>", page) and "inferred from" in page
    )  # DD2691 has no signed date in its text


def test_a_reference_in_another_form_redirects_to_the_canonical_page(web):
    response = web.get("/decisions/md2848")
    assert response.status_code == 308 and response.headers["location"] == "/decisions/MD2848"


def test_about_page_counts_what_is_indexed(web, index):
    page = html_page(web, "/about")
    assert f"<dd>{len(index.decisions)}</dd>" in page
    mayoral = sum(d.decision_type == "mayoral" for d in index.decisions.values())
    assert re.search(
        rf'<th scope="row"><a href="/search\?type=mayoral">Mayoral Decision</a></th><td class="num">{mayoral}</td>',
        page,
    )
    assert index.meta["model"] in page and 'href="/docs"' in page


# ---------------------------------------------------------------- errors


def test_unknown_reference_is_a_404_page(web):
    page = html_page(web, "/decisions/XX9999", status=404)
    assert "Decision not found" in page


def test_unknown_address_is_a_404_page_but_the_api_keeps_json(web):
    assert "Page not found" in html_page(web, "/no-such-page", status=404)
    response = web.get("/api/decisions/XX9999")
    assert response.status_code == 404 and response.json()["title"] == "Decision not found"


def test_empty_query_is_a_400_page_that_says_what_to_type(web):
    page = html_page(web, "/search?q=+", status=400)
    assert "Enter something to search for" in page and 'id="q"' in page


def test_start_page_without_a_query_is_the_search_form(web):
    page = html_page(web, "/")
    assert 'id="q"' in page and "decisions found" not in page


def test_no_results_page_says_why_and_suggests_what_to_try(web):
    page = html_page(web, "/search?q=community+grants&date_to=1989-12-31")
    assert "No decisions match this search" in page
    # Plain words, not the search's field names ("date_to = 1989-12-31").
    message = re.search(r'<div class="no-results">.*?</div>', page, re.S).group()
    assert "1989" in message and "dated" in message
    assert "date_to" not in message and "nearest passages" not in page.lower()


def test_too_long_query_is_a_422_page(web):
    page = html_page(web, "/search?q=" + "grant+" * 400, status=422)
    assert "Query too long" in page


def test_invalid_filter_is_a_422_page_not_a_crash(web):
    assert "Unknown decision type" in html_page(web, "/search?q=grants&type=bogus", status=422)
    assert "Amount not understood" in html_page(web, "/search?q=grants&min_amount=lots", status=422)


def broken_app(settings, error: Exception):
    from fastapi.testclient import TestClient

    from serve.app import create_app

    class BrokenHolder:
        def get(self):
            raise error

    return TestClient(create_app(settings, BrokenHolder()), raise_server_exceptions=False)


def test_a_server_error_is_a_friendly_500_page_and_json_on_the_api(settings):
    with broken_app(settings, RuntimeError("disk on fire")) as client:
        page = client.get("/search?q=grants")
        assert page.status_code == 500 and "Sorry, something went wrong" in page.text
        assert "disk on fire" not in page.text  # no internals shown to the public
        api = client.get("/api/search?q=grants")
        assert api.status_code == 500 and api.json()["title"] == "Server error"


def test_a_missing_index_is_a_503_page_without_server_paths(settings):
    from search_api.index import IndexUnavailable

    with broken_app(
        settings, IndexUnavailable("no index in /srv/data; build one with `decisions index`")
    ) as client:
        page = client.get("/about")
        assert page.status_code == 503 and "Search is not available" in page.text
        assert "/srv/data" not in page.text
        assert "/srv/data" in client.get("/api/health").json()["detail"]  # operators still get the reason


# ---------------------------------------------------------------- safety and accessibility


def test_script_in_the_query_is_shown_as_text(web):
    page = html_page(web, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


PAGES = ["/", "/search?q=community+grants", "/decisions/MD2848", "/about", "/decisions/XX9999", "/search?q="]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_language_skip_link_landmarks_and_viewport(web, url):
    page = web.get(url).text
    assert '<html lang="en-GB">' in page
    assert '<a class="skip-link" href="#main">' in page and 'id="main"' in page
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in page
    assert '<meta name="viewport"' in page


@pytest.mark.parametrize("url", PAGES)
def test_no_page_loads_anything_from_another_host(web, server, url):
    for link in Links(web.get(url).text).urls:
        assert not link.startswith(("http:", "https:", "//")) or link.startswith(server.url), link


def test_every_form_control_has_a_label(web):
    page = html_page(web, "/search?q=grants")
    ids = re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', page)
    assert ids and all(f'for="{i}"' in page for i in ids)


# ---------------------------------------------------------------- the helpers behind the pages


def test_remove_words_cuts_a_phrase_and_tidies_spaces():
    assert (
        remove_words("community engagement grants since 2018", "since 2018") == "community engagement grants"
    )
    assert remove_words("grants  Since   2018 in Hackney", "since 2018") == "grants in Hackney"


def test_pagination_links_step_by_one_page():
    pages = pagination(SearchForm(q="grants", offset=10), total=25)
    assert (pages["first"], pages["last"]) == (11, 20)
    assert pages["previous"] == "/search?q=grants" and pages["next"] == "/search?q=grants&offset=20"
    assert pagination(SearchForm(q="grants"), total=3)["next"] is None


def test_snippet_stays_escaped_and_keeps_the_matched_word():
    text = "filler words " * 60 + "<script>alert(1)</script> the grant was approved " + "more " * 60
    short = snippet(Passage("c1", text, highlight(text, "grant"), "1.1", None, 1.0), "grant")
    assert "<mark>grant</mark>" in short.highlight and short.text.startswith("… ")
    assert "&lt;script&gt;" in short.highlight and "<script>" not in short.highlight
    assert len(short.text) < 400
