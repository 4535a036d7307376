"""The filters are listed once (decisions/filters.py); the command line, the JSON API, the search
page and the search's own list of filter keys all take them from there, so none can miss one."""

from __future__ import annotations

import dataclasses
import json

from cli.main import build_parser, main
from decisions.filters import FILTER_NAMES
from search_api.filters import FILTER_KEYS
from search_api.schemas import FilterParams, Filters
from web.forms import SearchForm, read_form

EVERY_FILTER = {
    "type": "mayoral",
    "date_from": "2018-01-01",
    "date_to": "2020-12-31",
    "min_amount": 1,
    "max_amount": 2,
    "decision_maker": "Mayor",
    "directorate": "Housing",
}


def test_the_list_is_the_one_these_tests_set():
    assert FILTER_NAMES == tuple(EVERY_FILTER)


def test_search_and_ask_take_every_filter_as_an_option():
    words = [w for name, value in EVERY_FILTER.items() for w in ("--" + name.replace("_", "-"), str(value))]
    for command in ("search", "ask"):
        args = build_parser().parse_args([command, "x", *words])
        assert {name: getattr(args, name) for name in FILTER_NAMES} == EVERY_FILTER


def test_the_api_takes_and_reports_every_filter_and_search_applies_it():
    assert FilterParams(**EVERY_FILTER).chosen() == EVERY_FILTER
    assert tuple(Filters.model_fields)[: len(FILTER_NAMES)] == FILTER_NAMES
    assert set(FILTER_NAMES) <= set(FILTER_KEYS)


def test_the_search_form_has_a_box_for_every_filter_and_types_it():
    assert set(FILTER_NAMES) <= {f.name for f in dataclasses.fields(SearchForm)}
    form = read_form({"q": "grants", "min_amount": "£500k", "max_amount": "2m", "decision_maker": " Mayor "})
    assert form.filters() == {
        **dict.fromkeys(FILTER_NAMES),
        "min_amount": 500_000,
        "max_amount": 2_000_000,
        "decision_maker": "Mayor",
    }


def test_an_amount_given_on_the_command_line_filters_the_results(settings, capsys):
    # MD2848: "Connecting Communities London investment of £402,000"
    args = ["search", "Connecting Communities London", "--json", "--data-dir", str(settings.data_dir)]
    assert main(args) == 0
    unfiltered = json.loads(capsys.readouterr().out)
    assert "MD2848" in [r["ref"] for r in unfiltered["results"]]
    assert main([*args, "--min-amount", "100000000"]) == 0
    filtered = json.loads(capsys.readouterr().out)
    assert filtered["filters"]["min_amount"] == 100_000_000
    assert "MD2848" not in [r["ref"] for r in filtered["results"]]
