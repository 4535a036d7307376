"""The citation graph on the site: counts on each result, codes in the text as links, and a helpful
404 for a decision that is cited but not held — which must not tell a withheld decision apart."""

from __future__ import annotations

import dataclasses
import html
import re

import httpx
import pytest

from decisions.settings import Settings
from search_api.index import IndexHolder
from serve.app import create_app
from web.present import linked_text

from .conftest import LiveServer, sample_with
from .test_web_pages import Links, html_page

# A public decision that cites a held one (MD2848), a withheld one (ADD9201) and one never held.
CITING_FORM = """REQUEST FOR DIRECTOR DECISION – DD9301

Community hubs follow-on

Decision:

That the Director approves £15,000 to continue the community hubs started under MD2848.

1. Introduction and background

1.1. This builds on MD2848, on ADD9201 and on MD1234.
"""
WITHHELD_FORM = """REQUEST FOR ASSISTANT DIRECTOR DECISION – {ref}

{title}

Decision:

That the Assistant Director approves £9,000 for {title}.

1. Introduction and background

1.1. {title} in Hackney.

Part 1 – Deferral

Is the publication of Part 1 of this approval to be deferred? YES

Until what date: 31 December 2099
"""


@pytest.fixture(scope="module")
def graph_settings(tmp_path_factory, settings) -> Settings:
    return sample_with(tmp_path_factory, settings, "graph", {
        "citing.txt": CITING_FORM,
        "cited-withheld.txt": WITHHELD_FORM.format(ref="ADD9201", title="Hub lighting"),
        "alone-withheld.txt": WITHHELD_FORM.format(ref="ADD9202", title="Hub heating"),
    })  # fmt: skip


@pytest.fixture(scope="module")
def graph_server(graph_settings, index):
    with LiveServer(create_app(graph_settings, IndexHolder(graph_settings, model=index.model))) as live:
        yield live


@pytest.fixture(scope="module")
def web(graph_server):
    with httpx.Client(base_url=graph_server.url, timeout=60) as client:
        yield client


# ---------------------------------------------------------------- counts on results


def test_each_result_says_how_many_it_cites_and_is_cited_by(web):
    page = html_page(web, "/search?q=MD2848")
    graph = re.search(r'<p class="result__graph">(.*?)</p>', page, re.S).group(1)
    # MD2848 cites MD2721, AD2484 and MD2680 ('previously approved under AD2484 and MD2680').
    assert re.search(r'<a href="/decisions/MD2848#cites">cites 3<', graph)
    # Only DD9301 cites it in this index.
    cited = re.search(r'<a href="([^"]+)">cited by 1<', graph)
    assert cited
    citing = html_page(web, html.unescape(cited.group(1)))
    refs = re.findall(r'<span class="result__ref">([^<]+)</span>', citing)
    assert refs == ["DD9301"]


def test_a_withheld_cited_decision_never_shows_as_a_result(web):
    # ADD9201 is withheld; DD9301 cites it. It has no public result, and DD9301's "cites" list
    # counts the reference (a fact of DD9301's own text), never the decision behind it.
    page = html_page(web, "/search?q=DD9301")
    assert "ADD9201" not in re.findall(r'<span class="result__ref">([^<]+)</span>', page)


# ---------------------------------------------------------------- codes in the text


def test_codes_in_decision_text_link_to_the_decision_or_the_not_held_page(web):
    page = html_page(web, "/decisions/DD9301")
    # '1.1. This builds on MD2848, on ADD9201 and on MD1234.'
    assert '<a class="ref-link" href="/decisions/MD2848">MD2848</a>' in page
    assert '<a class="ref-link" href="/decisions/MD1234">MD1234</a>' in page
    # A withheld code links to its code's address like any code not held: no hint it exists.
    assert '<a class="ref-link" href="/decisions/ADD9201">ADD9201</a>' in page


def test_long_form_references_link_too(web):
    # DD2691: 'as originally approved under Director Decision 2593'
    page = html_page(web, "/decisions/DD2691")
    assert re.search(r'<a class="ref-link" href="/decisions/DD2593">Director Decision 2593</a>', page)


def test_linked_text_escapes_before_linking():
    out = str(
        linked_text(
            '<img src=x onerror=alert(1)> MD2721 & "MD2848"', "md2721", {"MD2848": "/decisions/MD2848"}
        )
    )
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert '<a class="ref-link" href="/decisions/MD2721"><mark>MD2721</mark></a>' in out
    assert '&quot;<a class="ref-link" href="/decisions/MD2848">MD2848</a>&quot;' in out


# ---------------------------------------------------------------- cited but not held


def test_a_cited_code_not_held_gets_a_404_that_lists_who_cites_it(web):
    response = web.get("/decisions/MD2721")
    assert response.status_code == 404
    assert "MD2721 is not in this index" in response.text
    assert any(a["href"] == "/decisions/MD2848" for a in Links(response.text).anchors)


def test_the_search_page_says_a_code_is_not_held_and_lists_who_cites_it(web):
    page = html_page(web, "/search?q=MD2721")
    notice = re.search(r'<div class="notice not-held".*?</div>', page, re.S).group()
    assert "MD2721 is not in this index." in notice
    assert 'href="/decisions/MD2848"' in notice


def test_an_uncited_withheld_decision_is_a_plain_404_like_any_unknown_code(web):
    withheld, unknown = web.get("/decisions/ADD9202"), web.get("/decisions/ADD9999")
    assert withheld.status_code == unknown.status_code == 404
    assert "Hub heating" not in withheld.text
    assert withheld.text.replace("ADD9202", "CODE") == unknown.text.replace("ADD9999", "CODE")


def test_a_cited_withheld_decision_looks_exactly_like_a_cited_code_not_held(web):
    withheld, not_held = web.get("/decisions/ADD9201"), web.get("/decisions/MD1234")
    assert withheld.status_code == not_held.status_code == 404
    assert "Hub lighting" not in withheld.text and "2099" not in withheld.text
    assert withheld.text.replace("ADD9201", "CODE") == not_held.text.replace("MD1234", "CODE")


def test_staff_see_the_withheld_decision_itself(graph_settings, index):
    staff = dataclasses.replace(graph_settings, staff=True)
    with LiveServer(create_app(staff, IndexHolder(staff, model=index.model))) as live:
        response = httpx.get(live.url + "/decisions/ADD9201", timeout=60)
    assert response.status_code == 200 and "Hub lighting" in response.text
