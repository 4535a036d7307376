"""The storage interface (storage/base.py) and its local backend, on the real index of corpus/."""

from __future__ import annotations

import inspect
from dataclasses import replace

import pytest

from storage.base import Filters, Store, WordQuery
from storage.local import LocalStore
from storage.milvus import MilvusStore

from .conftest import TODAY


@pytest.mark.parametrize("backend", [LocalStore, MilvusStore])
def test_each_backend_answers_every_call_of_the_interface_with_its_arguments(backend):
    calls = [name for name, _ in inspect.getmembers(Store, inspect.isfunction) if not name.startswith("_")]
    assert "keyword" in calls and "nearest" in calls
    for name in calls:
        want = list(inspect.signature(getattr(Store, name)).parameters)
        assert list(inspect.signature(getattr(backend, name)).parameters) == want, name


def test_filters_passed_as_values_reach_keyword_and_nearest(index):
    kinds = {d.decision_type for d in index.decisions.values()}
    assert len(kinds) > 1  # otherwise a type filter would test nothing
    wanted = sorted(kinds)[0]
    only = Filters(staff=True, today=TODAY, type=wanted)
    vector = index.embed_query("grant funding for community organisations")
    nearest = index.nearest(vector, only, 50)
    found = index.keyword(WordQuery(words=("london",)), only, 50)
    assert nearest and found
    for owner, _ in index.owners(nearest + found):
        assert index.decisions[owner].decision_type == wanted


def test_the_withheld_rules_travel_in_filters(index):
    # "Public mode must not show a decision before its deferral date, nor any Part 2 document."
    d = next(iter(index.decisions.values()))
    part2 = replace(d, part2=True)
    deferred = replace(d, part2=False, deferred_until="2099-12-31")
    published = replace(d, part2=False, deferred_until=TODAY.isoformat())
    public, staff = Filters(staff=False, today=TODAY), Filters(staff=True, today=TODAY)
    assert not public.admits(part2) and not public.admits(deferred) and public.admits(published)
    assert staff.admits(part2) and staff.admits(deferred)


def test_a_decision_left_out_by_filters_has_no_chunk_in_the_results(index):
    vector = index.embed_query("grant funding for community organisations")
    everything = Filters(staff=True, today=TODAY)
    first_owner = index.owners(index.nearest(vector, everything, 1))[0][0]
    without = Filters(staff=True, today=TODAY, excluded_ids=frozenset([first_owner]))
    owners = {owner for owner, _ in index.owners(index.nearest(vector, without, index.count()))}
    assert owners and first_owner not in owners
    assert first_owner not in index.admitted_decisions(without)
