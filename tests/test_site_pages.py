"""The site's services over plain HTTP: source downloads, the Atom feed, page numbers and sizes,
the list of all decisions, GOV.UK date inputs, Markdown emphasis, service information and /docs.

Runs the real app (TestClient) over a real index of tests/site_corpus.py: the sample, 24 short
decisions to page through, a deferred decision, a symlink out of the corpus and a file that
changes after indexing.
"""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from search_api.export import csv_filename
from search_api.index import IndexHolder
from serve.app import create_app
from web.forms import page_numbers
from web.marks import emphasis, emphasis_html

from .site_corpus import CHANGING_FORM, PAGED_COUNT, PAGED_QUERY, build_site_index
from .test_web_pages import Links

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory, settings):
    return build_site_index(tmp_path_factory.mktemp("site"), settings)


@pytest.fixture(scope="module")
def client(site, index):
    _, site_settings = site
    with TestClient(create_app(site_settings, IndexHolder(site_settings, model=index.model))) as client:
        yield client


@pytest.fixture(scope="module")
def staff_client(site, index):
    staff = dataclasses.replace(site[1], staff=True)
    with TestClient(create_app(staff, IndexHolder(staff, model=index.model))) as client:
        yield client


def page_of(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.text[:300])
    return response.text


def search_url(**params) -> str:
    return "/search?" + urlencode(params)


# ---------------------------------------------------------------- the original files


def test_decision_page_offers_the_signed_pdf_with_its_type_and_size(client, site):
    corpus, _ = site
    pdf = corpus / "DD2691-signed.pdf"
    link = next(a for a in Links(page_of(client, "/decisions/DD2691")).anchors if "signed PDF" in a["text"])
    assert link["text"].startswith("Download the signed PDF")
    assert f"(PDF, {round(pdf.stat().st_size / 1024)} KB)" in page_of(client, "/decisions/DD2691")
    response = client.get(link["href"])
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'attachment; filename="DD2691-signed.pdf"'
    assert response.content == pdf.read_bytes()


def test_a_web_page_copy_downloads_as_plain_text_that_cannot_run(client):
    response = client.get("/decisions/DD2691/sources/1")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "sandbox"
    assert "DD2691" in response.text


@pytest.mark.parametrize(
    "url",
    [
        "/decisions/DD2691/sources/0",
        "/decisions/DD2691/sources/9",
        "/decisions/XX0000/sources/1",
        "/decisions/..%2F..%2F..%2Fetc%2Fpasswd/sources/1",
        "/decisions/DD2691/sources/1%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/decisions/DD2691/sources/..%2F..%2Fetc%2Fpasswd",
    ],
)
def test_nothing_but_a_recorded_source_can_be_downloaded(client, url):
    response = client.get(url)
    assert response.status_code in (404, 422) and "root:" not in response.text


def test_a_source_that_is_a_symlink_out_of_the_corpus_is_never_served(client):
    # corpus/linked.txt -> ../outside/secret.txt: indexed (the indexer follows file symlinks), never served.
    page = page_of(client, "/decisions/MD9402")
    assert "/sources/" not in page
    response = client.get("/decisions/MD9402/sources/1")
    assert response.status_code == 404 and "OUTSIDECANARY" not in response.text


def test_a_source_changed_since_indexing_is_not_served(client, site):
    corpus, _ = site
    changing = corpus / "changing.txt"
    assert client.get("/decisions/MD9403/sources/1").status_code == 200
    try:
        changing.write_text(CHANGING_FORM.format(where="walls"), encoding="utf-8")
        assert client.get("/decisions/MD9403/sources/1").status_code == 404
    finally:
        changing.write_text(CHANGING_FORM.format(where="roofs"), encoding="utf-8")


def test_a_withheld_decision_has_no_download_in_public_mode(client, staff_client):
    public = client.get("/decisions/ADD9401/sources/1")
    assert public.status_code == 404 and "Orchard" not in public.text
    assert staff_client.get("/decisions/ADD9401/sources/1").status_code == 200


# ---------------------------------------------------------------- the Atom feed of a search


def feed_of(client, **params) -> ET.Element:
    response = client.get("/search.atom?" + urlencode(params))
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def test_search_feed_is_atom_with_the_newest_decisions_first(client):
    feed = feed_of(client, q=PAGED_QUERY, mode="keyword")
    assert feed.tag == f"{ATOM}feed" and feed.findtext(f"{ATOM}id", "").startswith(
        "http://testserver/search.atom?"
    )
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == PAGED_COUNT
    published = [e.findtext(f"{ATOM}published") for e in entries]
    assert published == sorted(published, reverse=True) and all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", p) for p in published
    )
    assert feed.findtext(f"{ATOM}updated") == published[0]
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert re.fullmatch(r"http://testserver/decisions/DD93\d\d", link)
        assert entry.findtext(f"{ATOM}id") == link and entry.findtext(f"{ATOM}updated")
        assert entry.findtext(f"{ATOM}title").startswith(link.rsplit("/", 1)[1] + ": Allotment garden grant")


def test_search_feed_keeps_the_searchs_filters(client):
    entries = feed_of(client, q=PAGED_QUERY, mode="keyword", date_from="2020-01-01").findall(f"{ATOM}entry")
    assert entries and all(e.findtext(f"{ATOM}published") >= "2020-01-01" for e in entries)
    assert len(entries) < PAGED_COUNT


def test_hostile_query_text_is_escaped_in_the_feed(client):
    attack = '</title><script>alert(1)</script> & ]]> "x"'
    feed = feed_of(client, q=attack)  # parses: nothing in the query became markup
    assert feed.findtext(f"{ATOM}title") == f"GLA decisions: {attack}"
    assert not feed.findall(".//script") and not feed.findall(f".//{ATOM}script")


def test_results_page_announces_and_links_its_feed(client):
    page = page_of(client, search_url(q=PAGED_QUERY, type="director"))
    head = page.split("</head>")[0]
    match = re.search(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', head
    )
    assert match and match.group(1).replace("&amp;", "&") == "/search.atom?" + urlencode(
        {"q": PAGED_QUERY, "type": "director"}
    )
    assert any(a["href"] == match.group(1).replace("&amp;", "&") for a in Links(page).anchors)


def test_a_feed_without_a_search_is_a_400(client):
    assert client.get("/search.atom?q=").status_code == 400


# ---------------------------------------------------------------- page numbers and page sizes


def test_results_say_which_of_how_many_they_show(client):
    page = page_of(client, search_url(q=PAGED_QUERY, mode="keyword"))
    assert f"Showing 1–10 of {PAGED_COUNT} results" in page
    second = page_of(client, search_url(q=PAGED_QUERY, mode="keyword", offset=10))
    assert f"Showing 11–20 of {PAGED_COUNT} results" in second
    single = page_of(client, search_url(q="beehives", mode="keyword"))
    assert "1 decision found" in single and "Showing 1 result" in single and "The one result" in single
    assert "1 results" not in single


def test_results_pages_are_numbered_with_previous_and_next(client):
    page = page_of(client, search_url(q=PAGED_QUERY, mode="keyword", offset=10))
    nav = re.search(r'<nav class="pagination" aria-label="Results pages">.*?</nav>', page, re.S).group()
    assert re.search(r'aria-label="Page 2" aria-current="page">2</a>', nav)
    hrefs = {a["text"].strip(): a["href"].replace("&amp;", "&") for a in Links(nav).anchors}
    assert hrefs["1"] == search_url(q=PAGED_QUERY, mode="keyword") and hrefs["3"].endswith("offset=20")
    assert 'rel="prev"' in nav and 'rel="next"' in nav


def test_page_size_can_be_chosen(client):
    page = page_of(client, search_url(q=PAGED_QUERY, mode="keyword"))
    sizes = {
        a["text"].split()[0]: a["href"].replace("&amp;", "&")
        for a in Links(page).anchors
        if "results per page" in a["text"]
    }
    assert set(sizes) == {"20", "50"}  # 10 is the current size: text, not a link
    twenty = page_of(client, sizes["20"])
    assert twenty.count('<li class="result">') == 20 and f"Showing 1–20 of {PAGED_COUNT} results" in twenty
    assert 'name="size" value="20"' in twenty  # applying a filter keeps the page size
    assert f"Showing all {PAGED_COUNT} results" in page_of(client, sizes["50"])
    assert client.get(search_url(q=PAGED_QUERY, size=7)).status_code == 422


def test_page_numbers_show_the_ends_and_two_either_side():
    assert page_numbers(6, 15) == [1, None, 4, 5, 6, 7, 8, None, 15]
    assert page_numbers(1, 3) == [1, 2, 3]
    assert page_numbers(4, 7) == [1, 2, 3, 4, 5, 6, 7]  # a gap of one page shows the page, not "…"
    assert page_numbers(1, 1) == [1]


# ---------------------------------------------------------------- the list of all decisions (About)


def listed_refs(page: str) -> list[str]:
    return re.findall(r'<td class="decision-list__ref"><a href="/decisions/[^"]+">([^<]+)</a>', page)


def test_every_visible_decision_is_listed_a_page_at_a_time(client, staff_client):
    first, second = page_of(client, "/decisions"), page_of(client, "/decisions?page=2")
    refs = listed_refs(first) + listed_refs(second)
    assert first.count('<td class="decision-list__ref">') == 20 and "MD2848" in refs and "DD9301" in refs
    assert "ADD9401" not in refs and "Orchard" not in first + second  # deferred: not public
    assert 'aria-label="Page 2" aria-current="page"' in second
    assert client.get("/decisions?page=9").status_code == 404
    staff = listed_refs(page_of(staff_client, "/decisions")) + listed_refs(
        page_of(staff_client, "/decisions?page=2")
    )
    assert "ADD9401" in staff


def test_about_tables_link_to_those_searches(client):
    page = page_of(client, "/about")
    assert 'href="/decisions"' in page
    year = next(a for a in Links(page).anchors if a["text"] == "2019")
    results = page_of(client, year["href"].replace("&amp;", "&"))
    listed = results.split('class="results"')[1].split("</ol>")[0]
    dates = re.findall(r'<time datetime="(\d{4})-', listed)
    assert dates and set(dates) == {"2019"}
    director = next(a for a in Links(page).anchors if a["text"] == "Director Decision")
    assert director["href"] == "/search?type=director"
    assert set(re.findall(r'class="tag tag--(\w+)"', page_of(client, director["href"]))) == {"director"}


# ---------------------------------------------------------------- dates: day, month and year boxes


def date_search(**boxes) -> str:
    return search_url(q=PAGED_QUERY, mode="keyword", **boxes)


def test_date_boxes_filter_like_an_iso_date(client):
    boxes = page_of(client, date_search(date_from_day="1", date_from_month="1", date_from_year="2020"))
    iso = page_of(client, date_search(date_from="2020-01-01"))
    count = re.search(r"(\d+) decisions found", iso).group(1)
    assert f"{count} decisions found" in boxes and "From 1 January 2020" in boxes
    # The ISO date from a link is shown back in the three boxes.
    assert re.search(
        r'id="f-date-from-year"\s+name="date_from_year" type="text" inputmode="numeric" value="2020"', iso
    )


@pytest.mark.parametrize(
    "boxes, message, field",
    [
        (
            {"date_from_day": "31", "date_from_month": "2", "date_from_year": "2019"},
            "Date from must be a real date",
            "f-date-from-day",
        ),
        (
            {"date_from_day": "1", "date_from_year": "2019"},
            "Date from must include a month",
            "f-date-from-day",
        ),
        (
            {"date_to_day": "x", "date_to_month": "1", "date_to_year": "2019"},
            "Date to must be a real date",
            "f-date-to-day",
        ),
        (
            {"date_to_day": "1", "date_to_month": "1", "date_to_year": "19"},
            "Date to: the year must include 4 numbers",
            "f-date-to-day",
        ),
        (
            {"date_from": "2020-01-01", "date_to": "2019-01-01"},
            "Date to must be the same as or after Date from",
            "f-date-to-day",
        ),
        ({"date_from": "01/02/2019"}, "Date from must be a real date", "f-date-from-day"),
    ],
)
def test_a_wrong_date_is_shown_back_with_a_message_naming_the_field(client, boxes, message, field):
    page = page_of(client, date_search(**boxes), status=422)
    assert "<title>Error: " in page and "There is a problem" in page
    assert f'<a href="#{field}">{message}' in page  # the summary links to the field
    assert re.search(
        rf'class="error-message" id="{field[:-4]}-error"><span class="visually-hidden">Error:</span> {re.escape(message)}',
        page,
    )
    for name, value in boxes.items():
        if name.endswith(("_day", "_month", "_year")):
            assert f'name="{name}" type="text" inputmode="numeric" value="{value}"' in page


def test_the_api_keeps_iso_dates(client):
    assert client.get("/api/search", params={"q": PAGED_QUERY, "date_from": "2020-01-01"}).status_code == 200
    assert client.get("/api/search", params={"q": PAGED_QUERY, "date_from": "31/02/2019"}).status_code == 422


# ---------------------------------------------------------------- Markdown marks from the source text


def test_markdown_bold_in_a_decision_is_shown_as_bold(client):
    # corpus/004…: "Prioritising **sustainability**, mitigating climate change and improving the resilience…"
    body = client.get("/api/search", params={"q": "expression of interest co-leads", "limit": 3}).json()
    doc = next(r for r in body["results"] if r["ref"] is None)
    page = page_of(client, doc["url"])
    assert "Prioritising <strong>sustainability</strong>, mitigating" in page and "**" not in page
    results = page_of(client, search_url(q="Prioritising sustainability mitigating climate change"))
    assert "<strong><mark>sustainability</mark></strong>" in results and "**" not in results


def test_emphasis_escapes_first_and_never_breaks_a_highlight():
    assert (
        emphasis("**<script>alert(1)</script>**") == "<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>"
    )
    assert emphasis("the *Part 2* annex, 3 * 4 * 5, £1m*") == "the <em>Part 2</em> annex, 3 * 4 * 5, £1m*"
    assert emphasis("a snippet cut in **bold") == "a snippet cut in bold"
    # A <mark> that would straddle the emphasis is left alone rather than mis-nested.
    assert emphasis_html("**a <mark>b** c</mark>") == "a <mark>b c</mark>"


# ---------------------------------------------------------------- service information, feedback, CSV name


def test_every_page_has_a_beta_banner_with_a_feedback_link_and_the_index_size(client):
    for url in ("/", "/about", "/decisions/MD2848", search_url(q="grants")):
        page = page_of(client, url)
        banner = re.search(r'<div class="phase-banner">.*?</div>', page, re.S).group()
        assert "Beta" in banner and 'href="/feedback"' in banner
        # 5 sample + 24 paged + the symlinked and the changing decision; the deferred one is not counted.
        assert re.search(r"The index holds 31 decisions, last updated <time datetime=\"\d{4}-", page)


def test_feedback_is_recorded_in_the_data_directory(client, site):
    _, site_settings = site
    assert 'name="feedback"' in page_of(client, "/feedback")
    empty = client.post("/feedback", data={"feedback": "  "})
    assert empty.status_code == 422 and "Enter your feedback" in empty.text
    sent = client.post("/feedback", data={"feedback": "Could not find <b>MD2721</b>", "page": "/search?q=x"})
    assert sent.status_code == 200 and "Thank you for your feedback" in sent.text
    last = json.loads(
        (site_settings.data_dir / "feedback.jsonl").read_text(encoding="utf-8").splitlines()[-1]
    )
    assert last["feedback"] == "Could not find <b>MD2721</b>" and last["page"] == "/search?q=x"


def test_csv_file_name_holds_safe_words_of_the_query_and_the_day():
    import datetime as dt

    day = dt.date(2026, 12, 1)
    assert csv_filename("community engagement", day) == "decisions-community-engagement-2026-12-01.csv"
    assert csv_filename('Café "x"; ../../etc', day) == "decisions-cafe-x-etc-2026-12-01.csv"
    assert csv_filename("", day) == "decisions-2026-12-01.csv"


# ---------------------------------------------------------------- the API documentation


def test_docs_load_swagger_ui_from_this_server_only(client):
    page = page_of(client, "/docs")
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert (
        "/static/swagger-ui/swagger-ui-bundle.js" in assets and "/static/swagger-ui/swagger-ui.css" in assets
    )
    assert all(a.startswith("/") and not a.startswith("//") for a in assets), assets
    script = client.get("/static/swagger-ui/swagger-ui-bundle.js")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.text
    assert client.get("/redoc").status_code == 404  # ReDoc would load from a CDN: it is off


def test_sources_are_named_by_kind_not_by_internal_file_name(api):
    # DD2691 is held as the london.gov.uk page (a hashed .txt name) and its signed PDF.
    page = api.get("/decisions/DD2691").text
    sources = page[page.index('id="sources"') : page.index("</ul>", page.index('id="sources"'))]
    assert "Signed PDF" in sources and "Web page" in sources
    assert ".txt" not in sources and "002_" not in page
