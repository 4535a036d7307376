"""Parsing the real london.gov.uk pages of corpus/gla/ (found by what they say, never by file name),
and their addresses (`url` in metadata) carried from metadata.csv to the API, the CSV and the pages."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from decisions.records import SourceDocument
from decisions.settings import Settings
from indexer import address
from indexer.parse import find_refs, normalise_ref, parse_document
from indexer.pipeline import run_index
from indexer.read import extract_text
from indexer.sidecar import apply_sidecar, load_sidecar_metadata
from search_api.index import IndexHolder
from search_api.query import query_refs
from serve.app import create_app

from .conftest import CORPUS, TODAY

GLA = CORPUS / "gla"
SAMPLE = shutil.ignore_patterns("gla")  # the five sample documents, without the real pages
ADDRESSES = {row["file"]: row["url"] for row in csv.DictReader(open(GLA / "metadata.csv", encoding="utf-8"))}


def gla_page(needle: str) -> Path:
    """The one real page whose text holds `needle`."""
    found = [p for p in sorted(GLA.glob("*.txt")) if needle in p.read_text(encoding="utf-8")]
    assert len(found) == 1, (needle, found)
    return found[0]


def parse_page(needle: str, *, with_url: bool = True, drop: str = "") -> SourceDocument:
    """The page as the indexer reads it, with its address from corpus/gla/metadata.csv; `drop`
    removes lines (a pattern) to stand for a page of an older layout."""
    path = gla_page(needle)
    text = re.sub(drop, "", extract_text(path).text, flags=re.MULTILINE) if drop else extract_text(path).text
    url = ADDRESSES[path.name] if with_url else None
    return parse_document(text, path=f"gla/{path.name}", kind="text", sha256="0" * 64, url=url)


# --- one test per decision family, each quoting the line it relies on ----------------------------


def test_mayoral_decision_from_its_key_information():
    doc = parse_page("Reference code: MD2528")
    assert (doc.ref, doc.decision_type) == ("MD2528", "mayoral")
    assert (
        doc.title == "Urban Tree Challenge Fund - London grant"
    )  # "MD2528 Urban Tree Challenge Fund - London grant"
    assert (doc.decision_maker, doc.decision_maker_role) == ("Sadiq Khan", "Mayor of London")
    assert doc.directorate is None  # an MD page without "Directorate:" names none; none is made up


def test_director_decision_of_the_older_layout_has_values_on_the_next_line():
    # "Decision by: " / "David Lunts, Executive Director Housing and Land and Interim CEO of OPDC"
    doc = parse_page("DD1149 Rough sleeping services")
    assert (doc.ref, doc.decision_type, doc.title) == ("DD1149", "director", "Rough sleeping services")
    assert doc.decision_maker == "David Lunts"
    assert doc.directorate == "Housing and Land"
    assert doc.date_signed == "2014-01-08"  # "Date signed: " / "08 January 2014"
    assert doc.linked_refs == ["MD1093"]  # "pursuant to the mayoral delegation to the director in MD1093"


def test_assistant_director_decision_of_the_older_layout():
    # "ADD176 Team London Awards 2014" … "Decision by: " / "Patrick Feehily, Assistant Director, Environment"
    doc = parse_page("ADD176 Team London Awards 2014")
    assert (doc.ref, doc.decision_type, doc.title) == (
        "ADD176",
        "assistant_director",
        "Team London Awards 2014",
    )
    assert (doc.decision_maker, doc.decision_maker_role) == (
        "Patrick Feehily",
        "Assistant Director, Environment",
    )
    assert doc.directorate == "Environment"
    assert "MD1177" in doc.linked_refs and doc.ref != "MD1177"  # "Under MD1177 the Mayor approved …"


def test_older_code_field_on_the_next_line():
    # "Code: " / "ADD304", with the title line "ADD304 London Legacy …" taken away
    doc = parse_page(
        "ADD304 London Legacy Development Corporation", with_url=False, drop=r"^ADD304 London.*\n"
    )
    assert doc.ref == "ADD304"


def test_mopac_decision_written_with_a_space():
    doc = parse_page("Reference code: PCD 1792")
    assert (doc.ref, doc.decision_type) == ("PCD1792", "other")
    assert doc.title == "VRU Home Office funding 2025-2026 and LCPF 2025-2028"
    # "Decision by: Kaya Comer-Schwartz, Deputy Mayor for Policing and Crime"
    assert (doc.decision_maker, doc.decision_maker_role) == (
        "Kaya Comer-Schwartz",
        "Deputy Mayor for Policing and Crime",
    )


def test_deputy_mayor_for_fire_decision():
    doc = parse_page("Reference code: DMFD262")
    assert (doc.ref, doc.decision_type) == ("DMFD262", "other")
    assert doc.directorate == "Strategy and Communications"  # "Directorate: Strategy and Communications"
    assert doc.decision_maker == "Jules Pipe CBE"
    assert (
        "LFC" in doc.title and "budget submission" in doc.title
    )  # from ".../dmfd262-lfc-budget-submission-…"
    assert not [
        r for r in doc.linked_refs if r.startswith("LFC")
    ]  # "London Fire Commissioner (LFC)" is no code


def test_directorate_written_with_an_ampersand_is_the_same_directorate():
    doc = parse_page("Healthy Place, Healthy Weight Mission Programme")  # "Directorate: Communities & Skills"
    assert doc.directorate == "Communities and Skills"


def test_directorate_from_the_sentence_saying_where_the_decision_is_taken():
    # ADD304: "The decision is taken by the Head of Governance and Resilience in the GLA’s Corporate
    # Management Directorate, under delegated authority from the Mayor…" (its post names no directorate)
    doc = parse_page("London Legacy Development Corporation grant assistance")
    assert doc.decision_maker_role == "Head of Governance and Resilience"
    assert doc.directorate == "Corporate Management"


def test_former_mayor_note_is_not_part_of_the_name():
    doc = parse_page("MD1319 2014-15 Council Tax")  # "Boris Johnson MP (past staff), Mayor of London"
    assert (doc.decision_maker, doc.decision_maker_role) == ("Boris Johnson MP", "Mayor of London")


# --- reference codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "refs"),
    [("Reference code: PCD 1792", ["PCD1792"]), ("PCD1792 and DMFD262", ["PCD1792", "DMFD262"]),
     ("EDD 1234, HOPS 123, LFC-0485 and DMPD 101", ["EDD1234", "HOPS123", "LFC0485", "DMPD101"]),
     ("add 200 homes, pcd 1792", []), ("the LFC 2025-26 budget and MD 2024/25", [])],
)  # fmt: skip
def test_new_families_of_codes(text, refs):
    assert find_refs(text) == refs


def test_codes_typed_loosely():
    assert normalise_ref("pcd 1792") == "PCD1792" and normalise_ref("DMFD 262") == "DMFD262"
    assert query_refs("what did pcd 1792 fund?") == ["PCD1792"]


# --- the address ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "code", "rest"),
    [("https://www.london.gov.uk/decisions/dd2750-additional-funding-universal-free-school-meals", "DD2750",
      "additional-funding-universal-free-school-meals"),
     ("http://x/decisions/pcd-1792-vru-home-office-funding-2025-2026", "PCD1792", "vru-home-office-funding-2025-2026"),
     ("http://x/decisions/md3135no-second-night-out-additional", "MD3135", "no-second-night-out-additional"),
     ("http://x/executive-team/assistant-director-decisions/ADD176", "ADD176", ""),
     ("http://x/decisions/md3086-crossrail-business-rates?ac-165787=165770", "MD3086", "crossrail-business-rates"),
     ("http://x/decisions/dd2180-treasury-management-consultancy-advice-0", "DD2180",
      "treasury-management-consultancy-advice"),
     ("http://x/decisions/rough-sleeping-services", None, "rough-sleeping-services")],
)  # fmt: skip
def test_code_and_words_of_an_address(url, code, rest):
    assert address.code_and_rest(url) == (code, rest)


def test_title_from_the_address_on_a_page_headed_only_key_information():
    # The page opens "Key information" / "Decision type: Director" / … with no title line.
    doc = parse_page("Reference code: DD2750")
    assert doc.ref == "DD2750"
    # ".../dd2750-additional-funding-universal-free-school-meals-programme-where-…", cased and with the
    # small words as the page writes them ("Universal Free School Meals (UFSM) programme")
    assert doc.title.startswith("Additional funding Universal Free School Meals programme where meal uptake")
    assert parse_page("Reference code: DD2750", with_url=False).title != "Key information"


def test_year_ranges_in_an_address_get_their_hyphen_back():
    doc = parse_page("Reference code: ADD2791")  # ".../add2791-…-grant-funding-2025-26-2026-27"
    assert doc.title.endswith("2025-26 2026-27")


def test_code_only_in_the_address():
    # Older pages state their code only in their address: take "Reference code:" and the title away.
    doc = parse_page("Reference code: DD2650", drop=r"^Reference code:.*\n")
    assert doc.ref == "DD2650"


def test_a_cited_decision_is_never_taken_as_the_pages_own_code():
    # DD2650 cites "(as approved in MD3146)" in its executive summary, near the top of the page.
    without_code = r"^Reference code:.*\n"
    assert parse_page("Reference code: DD2650", drop=without_code).ref == "DD2650"
    assert parse_page("Reference code: DD2650", drop=without_code, with_url=False).ref is None
    assert "MD3146" in parse_page("Reference code: DD2650").linked_refs


def test_every_real_page_has_the_code_of_its_address_and_a_decision_maker():
    codes, makers, directorates = 0, 0, 0
    for name, url in ADDRESSES.items():
        text = extract_text(GLA / name).text
        doc = parse_document(text, path=name, kind="text", sha256="0" * 64, url=url)
        codes += doc.ref == address.code_and_rest(url)[0]
        makers += doc.decision_maker is not None
        directorates += doc.directorate is not None
    assert codes == makers == len(ADDRESSES) == 142
    assert directorates >= 71  # the pages that state one, in a field or in the decision maker's role


# --- url in metadata ---------------------------------------------------------------------------------


def test_url_in_a_sidecar_reads_code_and_title_from_the_address(tmp_path):
    source = gla_page("Reference code: DD2750")
    text = re.sub(r"(?m)^Reference code:.*\n", "", extract_text(source).text)
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    page.with_name("page.txt.meta.json").write_text(json.dumps({"url": ADDRESSES[source.name]}))
    doc = parse_document(text, path="page.txt", kind="text", sha256="0" * 64)
    assert doc.ref is None and doc.title != "Additional funding"
    updated = apply_sidecar(doc, load_sidecar_metadata(page, tmp_path))
    assert (updated.ref, updated.url) == ("DD2750", ADDRESSES[source.name])
    assert updated.title.startswith("Additional funding Universal Free School Meals")
    # a ref or title given beside the url still wins
    mine = apply_sidecar(doc, {"url": ADDRESSES[source.name], "title": "Mine"})
    assert (mine.ref, mine.title) == ("DD2750", "Mine")


def test_metadata_csv_of_a_subfolder_names_files_relative_to_itself(tmp_path):
    (tmp_path / "gla").mkdir()
    shutil.copy(GLA / "metadata.csv", tmp_path / "gla" / "metadata.csv")
    page = tmp_path / "gla" / gla_page("Reference code: PCD 1792").name
    shutil.copy(GLA / page.name, page)
    assert load_sidecar_metadata(page, tmp_path) == {"url": ADDRESSES[page.name]}


@pytest.mark.parametrize("url", ["javascript:alert(1)", "www.london.gov.uk/decisions/md2848", "ftp://x/y"])
def test_url_must_be_a_web_address(url):
    doc = parse_page("Reference code: MD2528")
    with pytest.raises(ValueError, match="url"):
        apply_sidecar(doc, {"url": url})


# --- the address through the index, the API, the CSV and the pages -------------------------------------

PAGES = ["Reference code: DD2750", "Reference code: PCD 1792", "ADD176 Team London Awards 2014"]


@pytest.fixture(scope="module")
def gla_client(tmp_path_factory, settings, index):
    """The sample plus three real pages in gla/ with their own gla/metadata.csv (file,url)."""
    corpus = tmp_path_factory.mktemp("gla-corpus")
    shutil.copytree(CORPUS, corpus, dirs_exist_ok=True, ignore=SAMPLE)
    (corpus / "gla").mkdir()
    names = [gla_page(needle).name for needle in PAGES]
    for name in names:
        shutil.copy(GLA / name, corpus / "gla" / name)
    (corpus / "gla" / "metadata.csv").write_text(
        "file,url\n" + "".join(f"{name},{ADDRESSES[name]}\n" for name in names), encoding="utf-8"
    )
    data = tmp_path_factory.mktemp("gla-data")
    shutil.copy(settings.data_dir / "cache.sqlite", data / "cache.sqlite")
    gla_settings = Settings(data_dir=data, today_override=TODAY)
    assert run_index(corpus, gla_settings, show_progress=False).decisions == 8
    return TestClient(create_app(gla_settings, IndexHolder(gla_settings, model=index.model)))


def test_original_url_in_the_api(gla_client):
    dd2750 = ADDRESSES[gla_page(PAGES[0]).name]
    record = gla_client.get("/api/decisions/DD2750").json()
    assert record["original_url"] == dd2750
    assert gla_client.get("/api/decisions/pcd 1792").json()["ref"] == "PCD1792"
    assert gla_client.get("/api/decisions/MD2848").json()["original_url"] is None
    results = gla_client.get("/api/search", params={"q": "DD2750"}).json()["results"]
    assert results[0]["ref"] == "DD2750" and results[0]["original_url"] == dd2750


def test_original_url_decision_maker_and_directorate_in_the_csv(gla_client):
    response = gla_client.get("/api/search", params={"q": "DD2750", "format": "csv"})
    text = response.content.decode("utf-8-sig")  # the CSV opens with a byte-order mark, for Excel
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["ref"] == "DD2750" and row["original_url"] == ADDRESSES[gla_page(PAGES[0]).name]
    assert (row["decision_maker"], row["directorate"]) == ("Tunde Olayinka", "Communities and Skills")
    assert row["url"].endswith("/decisions/DD2750")  # our own page, as before


def test_pages_link_to_the_original(gla_client):
    url = ADDRESSES[gla_page(PAGES[2]).name]  # ".../assistant-director-decisions/ADD176"
    link = f'href="{url}" rel="noopener"'
    decision_page = gla_client.get("/decisions/ADD176").text
    assert link in decision_page and "View the original on webcachetest.london.gov.uk" in decision_page
    assert link in gla_client.get("/search", params={"q": "Team London Awards 2014"}).text
    assert "View the original" not in gla_client.get("/decisions/MD2848").text


def test_approved_total_is_the_summary_s_when_the_decision_only_lists_items():
    # "This Mayoral decision seeks approval of expenditure of £672,000 between 2021-24 to deliver:" and the
    # Decision: "That the Mayor approves the following:" / "1. revenue expenditure of up to £522,000 …"
    assert parse_page("Fourth Plinth Programme 2021-24").approved_amount_pounds == 672_000
    # "This MD seeks approval to: spend £20.4m from the GLA Rough Sleeping programme budget…" /
    # "1. expenditure, from 2025-26 to 2027-28 of £7,729,198 revenue…"
    assert parse_page("MD3350").approved_amount_pounds == 20_400_000
    # One item under "approves:" is the total: "Capital expenditure of £2,183,379 to support delivery…"
    assert parse_page("DD2352").approved_amount_pounds == 2_183_379
