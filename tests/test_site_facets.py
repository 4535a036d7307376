"""Facets and the chart over time: counted over every match, linked to narrower searches, drawn
as accessible SVG with a table, and honest about inferred dates. Real index, real server."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from search_api.facets import AMOUNT_BANDS, decision_facets, year_totals
from web.chart import count_chart, decisions_over_time, short_pounds

from .test_web_pages import Links, html_page


@pytest.fixture(scope="module")
def web(server):
    with httpx.Client(base_url=server.url, timeout=60) as client:
        yield client


def facet_anchors(page: str) -> list[dict]:
    return Links(page).with_class("facet__link")


def follow(web, href: str) -> str:
    return html_page(web, html.unescape(href))


# ---------------------------------------------------------------- the counting, as a plain function


def test_facets_put_each_sample_decision_in_its_amount_band(index):
    bands = {b["label"]: b["count"] for b in decision_facets(index.decisions.values())["amount"]}
    # ADD2793 approves £20,000 ('approves expenditure of up to £20,000'), DD2691 £72,765:
    # under £100k. MD2313 £305,000 and MD2848 £812,000: between £100k and £1m.
    assert bands == {"Under £100k": 2, "£100k to £1m": 2}
    assert [label for label, *_ in AMOUNT_BANDS] == [
        "Under £100k",
        "£100k to £1m",
        "£1m to £10m",
        "Over £10m",
    ]


def test_year_facets_say_how_many_dates_were_inferred(index):
    years = {y["value"]: y for y in decision_facets(index.decisions.values())["year"]}
    # MD2848's date comes from its timetable ('Development of hub — August 2021 – March 2022'),
    # and the invitation has no date field at all: both are 2021, both inferred.
    assert years["2021"]["count"] == 2 and years["2021"]["inferred"] == 2
    # ADD2793 states 'Date: 18/11/2025': a real date.
    assert years["2025"]["inferred"] == 0
    assert years["2021"]["filters"] == {"date_from": "2021-01-01", "date_to": "2021-12-31"}


def test_year_totals_add_up_approved_amounts_by_year(index):
    rows = {r["year"]: r for r in year_totals(index.decisions.values())}
    assert rows["2021"]["by_type"] == {"mayoral": 1, "other": 1}
    assert rows["2021"]["approved_pounds"] == 812_000  # MD2848; the invitation approves nothing
    assert rows["2018"]["approved_pounds"] == 305_000  # MD2313 'up to a budget of £305,000'


def test_chart_bars_are_proportional_and_years_without_decisions_are_shown_as_nought(index):
    chart = decisions_over_time(year_totals(index.decisions.values()))
    years = [y["year"] for y in chart["years"]]
    assert years == [str(y) for y in range(2018, 2026)]  # 2019, 2020, 2022, 2023 are empty bars
    bars = {b["year"]: b for b in chart["count"]["bars"]}
    assert bars["2021"]["length"] == pytest.approx(2 * bars["2018"]["length"])
    assert bars["2019"]["length"] == 0 and bars["2019"]["label"] == "0"
    # Each bar says its value, and how many of its dates were inferred.
    assert bars["2021"]["label"] == "2 (2 inferred)" and bars["2025"]["label"] == "1"
    assert short_pounds(812_000) == "£812k" and short_pounds(1_250_000) == "£1.2m"


def test_a_chart_of_one_type_has_one_colour_in_its_legend():
    years = [{"year": "2020", "by_type": {"director": 3}, "inferred": 0, "approved_pounds": 0, "count": 3}]
    assert [item["label"] for item in count_chart(years)["legend"]] == ["Director Decision"]


# ---------------------------------------------------------------- the API


def test_api_facets_count_every_match_not_just_the_page(api):
    body = api.get("/api/search", params={"q": "community", "limit": 1}).json()
    assert len(body["results"]) == 1 and body["total"] > 1
    assert sum(v["count"] for v in body["facets"]["type"]) == body["total"]
    assert sum(v["count"] for v in body["facets"]["year"]) == body["total"]


def test_api_facets_follow_the_filters(api):
    body = api.get("/api/search", params={"q": "mayoral decisions"}).json()
    assert [(v["value"], v["count"]) for v in body["facets"]["type"]] == [("mayoral", body["total"])]


def test_openapi_documents_the_facets(api):
    schema = api.get("/openapi.json").json()
    assert "facets" in schema["components"]["schemas"]["SearchOut"]["properties"]
    assert "FacetValue" in schema["components"]["schemas"]


# ---------------------------------------------------------------- the page


def test_results_page_links_each_facet_value_to_a_narrower_search(web):
    page = html_page(web, "/search?q=community+engagement")
    total = int(re.search(r"(\d+) decisions found", page).group(1))
    director = next(a for a in facet_anchors(page) if a["text"].startswith("Director Decision"))
    assert parse_qs(urlsplit(html.unescape(director["href"])).query) == {
        "q": ["community engagement"],
        "type": ["director"],
    }
    narrowed = follow(web, director["href"])
    assert "1 decision found" in narrowed and total > 1
    # The value in use is marked, and its removal link goes back to the wider search.
    assert re.search(r'<strong class="facet__label" aria-current="true">Director Decision</strong>', narrowed)
    remove = Links(narrowed).with_class("facet__remove")[0]
    assert parse_qs(urlsplit(html.unescape(remove["href"])).query) == {"q": ["community engagement"]}


def test_a_filter_read_from_the_words_shows_as_the_selected_facet(web):
    page = html_page(web, "/search?q=community+mayoral+decisions")
    assert '<strong class="facet__label" aria-current="true">Mayoral Decision</strong>' in page
    remove = Links(page).with_class("facet__remove")[0]
    assert parse_qs(urlsplit(html.unescape(remove["href"])).query) == {"q": ["community"]}


def test_a_year_facet_replaces_the_date_words_of_the_query(web):
    page = html_page(web, "/search?q=community+engagement+since+2018")
    year = next(a for a in facet_anchors(page) if a["text"].startswith("2021"))
    assert parse_qs(urlsplit(html.unescape(year["href"])).query) == {
        "q": ["community engagement"],
        "date_from": ["2021-01-01"],
        "date_to": ["2021-12-31"],
    }
    assert "(about 2021, inferred)" in page


def test_amount_band_links_set_both_ends(web):
    page = html_page(web, "/search?q=community+engagement")
    band = next(a for a in facet_anchors(page) if a["text"].startswith("£100k to £1m"))
    params = parse_qs(urlsplit(html.unescape(band["href"])).query)
    assert params["min_amount"] == ["100000"] and params["max_amount"] == ["999999"]
    narrowed = follow(web, band["href"])
    assert "£812,000" in narrowed and "£20,000" not in narrowed  # MD2848 in, ADD2793 out


def test_chart_is_an_accessible_svg_with_a_table_of_the_same_numbers(web):
    page = html_page(web, "/search?q=community+engagement")
    svg = re.search(r'<svg class="chart__svg"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"', page)
    assert svg, "the chart is an image to assistive technology"
    for ref in svg.group(1).split():
        assert f'id="{ref}"' in page
    assert '<title id="chart-count-title">' in page and '<desc id="chart-count-desc">' in page
    assert "2021: 2 (2 with an inferred date)" in page
    table = page[page.index('<details class="chart__table">') :]
    assert re.search(
        r'<th scope="row">2021</th>\s*(<td class="num">\d+</td>\s*)+<td class="num">£812,000</td>', table
    )
    assert (
        "<script"
        not in page[
            page.index('<section class="chart"') : page.index(
                "</section>", page.index('<section class="chart"')
            )
        ]
    )


def test_sorting_by_date_says_inferred_dates_are_approximate(web):
    page = html_page(web, "/search?q=community+engagement&sort=date")
    assert "placed by a date inferred from their text" in page
