"""Hybrid search over the real index of corpus/: lookups, filters, fusion, boilerplate, exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from search_api.answer_checks import names_asked_part
from search_api.query import parse_query
from search_api.search import SearchRequest, search, similar_decisions

from .conftest import TODAY


def refs(index, q: str, **kw) -> list[str | None]:
    return [r.ref for r in search(index, SearchRequest(q=q, today=TODAY, **kw)).results]


@pytest.mark.parametrize("q", ["MD2848", "md 2848", "MD-2848", "what did MD2848 approve"])
def test_reference_code_puts_that_decision_first(index, q):
    assert refs(index, q)[0] == "MD2848"


@pytest.mark.parametrize("q", ["DD 2593", "Director Decision 2593"])
def test_reference_forms_are_normalised(q):
    assert parse_query(q, TODAY).refs == ["DD2593"]


def test_decisions_that_build_on_a_reference_are_the_ones_citing_it(index):
    # MD2848 1.3: "Phase 1 of the programme, Community-Led Recovery, approved by the Mayor under cover of MD2721"
    assert refs(index, "decisions that build on MD2721") == ["MD2848"]


def test_decisions_made_under_a_reference_come_before_it(full_index):
    # MD3386 "…under the governance arrangements agreed in MD3274": asked for decisions approved under
    # MD3274, not for MD3274 itself (tuning111's t111_38, tuning114's t114_46).
    assert (
        parse_query("delivery plans approved under the MD3274 governance process", TODAY).under_ref
        == "MD3274"
    )
    # A word or two may describe it (fresh53's f53_60); a year after "under the scheme in" is no code.
    described = (
        "delivery plans for the Mayor's strategic programmes approved under the refreshed MD3274 governance"
    )
    assert parse_query(described, TODAY).under_ref == "MD3274"
    assert parse_query("grants under the scheme in 2023", TODAY).under_ref is None
    assert "MD3274" not in refs(full_index, described, limit=3)  # made under it: MD3380, MD3386, MD3430
    found = refs(full_index, "decisions approved under MD3274", limit=5)
    assert found[0] == "MD3386"  # it cites MD3274; MD3274 itself is ranked by the words only
    # A question's "under MD3161" names the decision it asks about (tuning81's t81_30).
    assert refs(full_index, "How much did London Councils contribute under MD3161?", limit=3)[0] == "MD3161"
    # A code looked up is still first.
    assert refs(full_index, "MD3274 governance documents", limit=3)[0] == "MD3274"


def test_query_since_2018_sets_date_filter_and_removes_the_words():
    parsed = parse_query("community engagement grants since 2018", TODAY)
    assert parsed.filters == {"date_from": "2018-01-01"}
    assert parsed.text == "community engagement grants"
    assert parsed.understood[0].words == "since 2018"


@pytest.mark.parametrize(
    "q, expected",
    [
        ("grants before 2020", {"date_to": "2019-12-31"}),
        ("grants signed in 2021", {"date_from": "2021-01-01", "date_to": "2021-12-31"}),
        ("2021-22 decisions on grants", {"date_from": "2021-04-01", "date_to": "2022-03-31"}),
        ("grants last year", {"date_from": "2025-01-01", "date_to": "2025-12-31"}),
        ("contracts over £500,000", {"min_amount": 500000}),
        ("contracts under £25k", {"max_amount": 25000}),
        ("director decisions on equality", {"type": "director"}),
        ("assistant director decisions", {"type": "assistant_director"}),
        ("decisions with a part 2", {"has_part2": True}),
    ],
)
def test_filters_read_from_the_query(q, expected):
    assert parse_query(q, TODAY).filters == expected


def test_decision_maker_and_directorate_read_from_the_query_only_when_known(index):
    # DD2691: "Decision by: Tunde Olayinka, Executive Director, Communities and Skills"
    response = search(index, SearchRequest(q="learning programme decisions by Tunde Olayinka", today=TODAY))
    assert response.filters["decision_maker"] == "Tunde Olayinka"
    assert [r.ref for r in response.results] == ["DD2691"]
    # DD2691: "expenditure of £72,765 under the GLA's contract with Shared Intelligence" (it awards no grants)
    response = search(
        index, SearchRequest(q="contracts in the Communities and Skills directorate", today=TODAY)
    )
    assert response.filters["directorate"] == "Communities and Skills"
    assert [r.ref for r in response.results] == ["DD2691"]
    assert (
        "decision_maker" not in search(index, SearchRequest(q="approved by the board", today=TODAY)).filters
    )


def test_type_filter_from_query_returns_only_that_type(index):
    assert refs(index, "director decisions") == ["DD2691"]


def test_type_filter_as_parameter(index):
    results = refs(index, "community engagement", filters={"type": "mayoral"})
    assert results and set(results) <= {"MD2848", "MD2313"}


def test_date_filter_counts_inferred_dates(index):
    response = search(index, SearchRequest(q="community engagement since 2023", today=TODAY))
    assert "MD2313" not in [r.ref for r in response.results]  # its budget year is 2018/19
    assert all(r.date >= "2023-01-01" for r in response.results)
    assert any(r.date_inferred for r in response.results)


def test_amount_filter_as_parameter(index):
    results = search(
        index, SearchRequest(q="engagement", filters={"min_amount": 500_000}, today=TODAY)
    ).results
    assert [r.ref for r in results] == ["MD2848"]  # "approves total expenditure of up to £812,000"


def test_filter_that_matches_nothing_is_an_empty_list_with_a_reason(index):
    # A filter set as a parameter is kept; one read from the words is relaxed (test_query_understanding).
    response = search(index, SearchRequest(q="engagement", filters={"date_to": "2009-12-31"}, today=TODAY))
    assert response.results == [] and response.total == 0
    assert response.reason == "there is no decision dated 2009 or earlier"


def test_paraphrase_without_shared_keywords_finds_the_passage(index):
    # MD2848 1.3: "equipping small, grassroots organisations with grant funding"
    response = search(
        index, SearchRequest(q="money for local voluntary groups", mode="semantic", today=TODAY)
    )
    assert "MD2848" in [r.ref for r in response.results[:3]]


def test_exact_name_found_by_keywords(index):
    # DD2691: "expenditure of £72,765 under the GLA's contract with Shared Intelligence"
    results = search(index, SearchRequest(q="Shared Intelligence", mode="keyword", today=TODAY)).results
    assert results[0].ref == "DD2691"
    assert "<mark>Shared</mark> <mark>Intelligence</mark>" in results[0].passages[0].highlight


def test_amount_query_finds_the_exact_figure(index):
    results = search(index, SearchRequest(q="£72,765", today=TODAY)).results
    assert results[0].ref == "DD2691"


def test_boilerplate_does_not_win_a_ranking(index):
    response = search(index, SearchRequest(q="due regard public sector equality duty", today=TODAY))
    for result in response.results:
        assert result.passages, result.ref
    # Every decision has the Equality Act paragraph (boilerplate: "Under section 149 of the
    # Equality Act 2010…"). The decision ranked first must also be about equality in its own
    # words: the legal text may support it, never carry it alone.
    top = response.results[0]
    flags = {
        p.chunk_id: index.db.execute("SELECT boilerplate FROM chunks WHERE id = ?", (p.chunk_id,)).fetchone()[
            0
        ]
        for p in top.passages
    }
    own = [p.text for p in top.passages if not flags[p.chunk_id]]
    assert any("equality" in text.lower() for text in own), [p.text[:80] for p in top.passages]


def test_results_are_decisions_not_repeated_with_at_most_three_passages(index):
    results = search(
        index, SearchRequest(q="Building a Fairer City learning programme", limit=10, today=TODAY)
    ).results
    ids = [r.decision_id for r in results]
    assert len(ids) == len(set(ids))
    assert all(1 <= len(r.passages) <= 3 for r in results)
    texts = [p.text[:80] for p in results[0].passages]
    assert len(texts) == len(set(texts))  # the web page and the PDF do not show the same paragraph twice


def test_passages_carry_paragraph_number_and_deep_link(index):
    results = search(index, SearchRequest(q="Connecting Communities London investment", today=TODAY)).results
    passage = next(p for p in results[0].passages if p.paragraph == "2.7")
    assert passage.url == "/decisions/MD2848#p-2.7"


def test_similar_decisions_exclude_the_decision_itself(index):
    similar = similar_decisions(index, "MD2848", 5, staff=False, today=TODAY)
    assert similar and "MD2848" not in [r.ref for r in similar]


def test_exhaustive_mode_counts_every_decision_with_all_words(index):
    response = search(index, SearchRequest(q="community engagement", mode="exhaustive", limit=2, today=TODAY))
    direct = {
        r[0]
        for r in index.db.execute(
            "SELECT DISTINCT c.decision_id FROM chunks c WHERE lower(c.text) LIKE '%community%' "
            "AND lower(c.text) LIKE '%engagement%'"
        )
    }
    assert response.total >= len(direct) - 1 and response.total >= 3
    assert len(response.results) == 2
    page2 = search(
        index, SearchRequest(q="community engagement", mode="exhaustive", limit=2, offset=2, today=TODAY)
    )
    assert not {r.decision_id for r in page2.results} & {r.decision_id for r in response.results}


@pytest.mark.parametrize(
    "q",
    [
        '"',
        "planning-permission",
        "title: x",
        "grant*",
        "AND",
        "NEAR(",
        "OR OR",
        "(unbalanced",
        "'; DROP TABLE chunks; --",
        "^x",
        "😀 £",
    ],
)
def test_fts_syntax_in_queries_never_errors(index, q):
    chunks = index.db.execute("SELECT count(*) FROM chunks").fetchone()[0]
    for mode in ("hybrid", "keyword", "exhaustive"):
        response = search(index, SearchRequest(q=q, mode=mode, today=TODAY))
        assert response.total >= len(response.results)
        assert all(r.decision_id in index.decisions and r.passages for r in response.results)
        assert response.results or response.reason  # an empty list says why
    assert index.db.execute("SELECT count(*) FROM chunks").fetchone()[0] == chunks


def test_api_search_shape_and_csv_export(api):
    body = api.get("/api/search", params={"q": "community engagement grants since 2018"}).json()
    assert body["filters"]["date_from"] == "2018-01-01"
    assert body["filters"]["understood"][0]["words"] == "since 2018"
    first = body["results"][0]
    assert {"ref", "title", "decision_type", "date", "date_inferred", "passages", "url", "score"} <= set(
        first
    )
    assert {"chunk_id", "text", "highlight", "paragraph", "section", "score"} <= set(first["passages"][0])
    response = api.get("/api/search", params={"q": "Shared Intelligence", "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))  # with Excel's BOM
    assert rows[0]["ref"] == "DD2691" and "Shared Intelligence" in rows[0]["passages"]
    # "Decision by: Tunde Olayinka, Executive Director, Communities and Skills"; no address in the sample
    assert (rows[0]["decision_maker"], rows[0]["directorate"], rows[0]["original_url"]) == (
        "Tunde Olayinka",
        "Communities and Skills",
        "",
    )
    assert first["original_url"] is None


def test_api_document_without_reference_has_null_ref_and_a_title(api):
    body = api.get("/api/search", params={"q": "expressions of interest mission co-leads"}).json()
    doc = next(r for r in body["results"] if r["ref"] is None)
    assert "expression of interest" in doc["title"].lower()


def test_api_decision_record_with_cites_and_sources(api):
    body = api.get("/api/decisions/md2848").json()
    assert body["ref"] == "MD2848"
    assert {c["ref"] for c in body["cites"]} >= {"MD2721", "AD2484", "MD2680"}
    assert any(p["anchor"] == "p-2.7" for p in body["paragraphs"])
    dd = api.get("/api/decisions/DD2691").json()
    assert sorted(s["kind"] for s in dd["sources"]) == ["pdf", "text"]


def test_api_similar_health_and_errors(api):
    similar = api.get("/api/decisions/MD2848/similar").json()
    assert similar and all(s["ref"] != "MD2848" for s in similar)
    health = api.get("/api/health").json()
    assert health["decisions"] == 5 and health["chunks"] > 50
    assert api.get("/api/decisions/MD0000").status_code == 404
    everything = api.get("/api/search", params={"q": ""}).json()
    assert everything["total"] == 5 and everything["results"][0]["date"] >= everything["results"][-1]["date"]
    too_long = api.get("/api/search", params={"q": "x" * 10_000})
    assert too_long.status_code == 422 and "at most" in too_long.json()["detail"]


def test_openapi_schema_documents_the_search_endpoint(api):
    schema = api.get("/openapi.json").json()
    search_op = schema["paths"]["/api/search"]["get"]
    params = {p["name"]: p for p in search_op["parameters"]}
    assert {
        "q",
        "limit",
        "offset",
        "type",
        "date_from",
        "date_to",
        "min_amount",
        "max_amount",
        "mode",
    } <= set(params)
    assert params["q"].get("description")
    assert "SearchOut" in str(search_op["responses"]["200"])


def test_a_line_restating_the_title_is_not_shown_while_content_passages_remain(index):
    # corpus/002_44b666b54b5bbc70.txt opens "DD2691 Building a Fairer City action plan
    # (implementation year two)": the result's heading already says so. Searched by its title, the
    # passages shown are its paragraphs ("1.2. In May 2022, LPB partners published 'Building a
    # Fairer City' (BFC), ..."), not the title again.
    from search_api.rerank import is_title_line

    for query in ("Building a Fairer City action plan implementation year two", "Building a Fairer City"):
        top = search(index, SearchRequest(q=query, today=TODAY)).results[0]
        assert top.ref == "DD2691"
        rows = {row["id"]: row for row in index.chunks_of(top.decision_id)}
        assert len(top.passages) == 3
        assert not any(is_title_line(rows[p.chunk_id]) for p in top.passages), query


def test_a_search_naming_a_body_lists_the_decisions_that_name_it_first(full_index):
    # MD2028 "Review of London & Partners" shares only "London" and "partners" with the words of the
    # search, and ranked below decisions that never name London & Partners (ADD304, an LLDC grant
    # whose "Ten-Year Business Plan" and "grant" matched the rest).
    response = search(
        full_index, SearchRequest("London & Partners business plan and grant", limit=6, today=TODAY)
    )
    refs = [r.ref for r in response.results]
    assert "MD2028" in refs[:5]
    named = [
        "London & Partners" in " ".join(full_index.decision_texts(r.decision_id)) for r in response.results
    ]
    assert named == sorted(named, reverse=True)  # every decision naming it before any that does not


def test_a_search_holding_a_decisions_title_finds_that_decision(full_index):
    # DD1250 "Drain London Programme 2014-16": DD2496, whose summary says its SuDS work "complements the
    # work of the Drain London Programme", had ranked above the decision the search names by its title.
    refs = [r.ref for r in search(full_index, SearchRequest(q="Drain London programme", today=TODAY)).results]
    assert "DD1250" in refs[:2]


def test_a_search_every_word_of_which_is_in_a_long_title_finds_that_decision(full_index):
    # MD3039 "Increase to the Creative Enterprise Zones Sustainability Capital Grant Fund": the search names
    # only three of its eight words, yet names the programme; MD2129, a culture programme whose passage
    # mentions the zones, had ranked above it.
    refs = [
        r.ref for r in search(full_index, SearchRequest(q="Creative Enterprise Zones", today=TODAY)).results
    ]
    assert set(refs[:3]) == {"MD2196", "MD2807", "MD3039"}


def test_a_decision_titled_by_the_search_counts_as_naming_what_it_names(full_index):
    # MD3230 "Royal Docks Delivery Plan (2024-25 to 2028-29)" never writes "Royal Docks Enterprise Zone" in
    # its opening, which MD2751 (a development agreement) and MD2528 (street trees) do; the search holds its title.
    query = "Royal Docks Enterprise Zone delivery plan spending"
    refs = [r.ref for r in search(full_index, SearchRequest(q=query, today=TODAY)).results]
    assert "MD3230" in refs[:3]


def test_a_title_is_named_by_its_own_words_not_by_london_or_its_years():
    from decisions.words import keyword_tokens, stem
    from search_api.search import _names_title

    def words(text):
        return {stem(t) for t in keyword_tokens(text)}

    assert _names_title(
        words("Culture and Creative Industries unit annual programme budget"),
        words("Culture creative industries and 24-Hour London 2024-25 programme delivery"),
    )
    assert not _names_title(
        words("Young Londoners Fund allocations"), words("Warmer Homes London funding allocation 2025-28")
    )


def test_a_programme_named_by_a_verb_is_no_unit_of_the_same_stem(full_index):
    # MD2777 and MD2895 are "Sport Unites" decisions; DD2758 is the "Civil Society and Sport unit"'s.
    from decisions.words import stem

    assert stem("Unites") != stem("unit") and stem("policing") != stem("policy")
    response = search(full_index, SearchRequest(q="Sport Unites programme approvals", today=TODAY))
    top = [r.ref for r in response.results[:4]]
    assert top[:2] == ["MD2777", "MD2895"] and "DD2758" not in top


def test_a_verb_in_ate_meets_its_noun_in_ation(full_index):
    # MD1545 "Designation of Housing Zones (Round 2)", MD1597 "Housing Zones Designations - Phase 2": a search
    # "designating" Housing Zones names both titles, before the "Housing Zones Prospectus" (MD1366).
    from decisions.words import stem

    assert stem("designating") == stem("designation") == stem("Designations") == stem("designated")
    assert stem("allocated") == stem("allocation")
    assert stem("threats") != stem("three")  # no "-ate" verb
    found = refs(full_index, "mayoral decisions designating new Housing Zones", limit=5)
    assert set(found[:2]) == {"MD1545", "MD1597"}


def test_changing_the_stemmer_rebuilds_the_index(monkeypatch, tmp_path):
    # The stored stems are the stemmer's: an index written by another one must not be reused.
    from decisions import words
    from indexer import pipeline

    before = pipeline._code_version()
    changed = tmp_path / "words.py"
    changed.write_text(Path(words.__file__).read_text() + "\n# another stemmer\n")
    monkeypatch.setattr(words, "__file__", str(changed))
    assert pipeline._code_version() != before


def test_a_year_asked_puts_the_decision_naming_it_before_its_neighbours(full_index):
    # corpus/gla: the Mayoral Appointees' pay awards share every word but the year; MD3255 confirms the
    # 2024-25 award ("a pay award of 4.5 per cent"), MD2996 the 2022-23 one.
    request = SearchRequest(
        q="What pay rise did the Mayor's appointees get in 2024-25?", limit=5, today=TODAY
    )
    assert search(full_index, request).results[0].ref == "MD3255"


def test_a_round_asked_puts_the_decision_naming_it_as_its_own_first(full_index):
    # corpus/gla MD1545 announces the round 2 Housing Zones ("…up to 25,837 homes within these Housing
    # Zones"); MD1597, a later decision on the programme, names its rounds among others.
    request = SearchRequest(q="How many homes might the round 2 Housing Zones deliver?", limit=5, today=TODAY)
    assert search(full_index, request).results[0].ref == "MD1545"


def test_a_decision_is_named_as_of_a_round_by_its_title_or_a_text_naming_no_other():
    assert names_asked_part("the round 2 bids", "Round 2 opened in 2018.", "Good Growth Fund")
    assert names_asked_part("the round 2 bids", "…", "Good Growth Fund Round 2 Development Funding")
    assert not names_asked_part("the round 2 bids", "After Round 2, Round 3 opened.", "Round 3 approvals")
    assert names_asked_part("Good Growth Fund bids", "After Round 2, Round 3 opened.", "Round 3 approvals")


def test_a_long_paragraph_shows_its_chunks_that_do_not_overlap(full_index):
    # MD3224's executive summary is one paragraph of two chunks that do not overlap; the second holds
    # "The Mayor is asked to approve the expenditure of up to £140m…" and was hidden behind the first.
    top = search(
        full_index,
        SearchRequest(
            q="Primary School Universal Free School Meal Provision 2024-25 expenditure", today=TODAY
        ),
    ).results[0]
    assert top.ref == "MD3224"
    assert any("£140m" in p.text for p in top.passages)
    assert len(set(p.text[:80] for p in top.passages)) == len(top.passages)


def test_a_search_over_a_range_of_years_finds_the_decisions_of_the_years_between(full_index):
    # MD2759 (2021-22), MD2943 (2022-23) and MD3086 (2023-24) set the supplement's policies year by year.
    response = search(
        full_index,
        SearchRequest(q="Crossrail business rate supplement policies 2021-22 to 2023-24", today=TODAY),
    )
    assert {r.ref for r in response.results[:3]} == {"MD2759", "MD2943", "MD3086"}


def test_a_search_naming_a_rare_name_lists_the_decisions_writing_it_first(full_index):
    # MD3089 and MD3161 say "Department for Levelling Up, Housing and Communities (DLUHC)"; MD3350, a
    # rough-sleeping decision funded by the GLA and London Councils, never names it and had ranked above them.
    response = search(
        full_index,
        SearchRequest("rough sleeping decisions receiving DLUHC government funding", limit=6, today=TODAY),
    )
    refs = [r.ref for r in response.results]
    assert {"MD3043", "MD3089", "MD3135", "MD3161"} <= set(refs[:4])
    writing = ["DLUHC" in " ".join(full_index.decision_texts(r.decision_id)) for r in response.results]
    assert writing == sorted(writing, reverse=True)
    # A rare word written in lower case ("amount") is no name: the decision the search names stays first.
    top = search(full_index, SearchRequest("small sites due diligence grant amount", today=TODAY)).results[0]
    assert top.ref == "DD2783"
    # Initials a decision writes in full are written: MD2265 says "the Mayor’s Office for Policing and Crime".
    top = search(
        full_index,
        SearchRequest("Young Londoners Fund allocation to MOPAC for knife crime projects", today=TODAY),
    )
    assert top.results[0].ref == "MD2265"
