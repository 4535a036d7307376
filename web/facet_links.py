"""Narrowing a search: facets as links, and the filter panel showing what the query's words set.

Each facet value narrows the current search; a value in use is marked, with a link that removes
it. The counts come from `search_api.facets`; this only adds the addresses.
"""

from __future__ import annotations

from dataclasses import replace

from .forms import SearchForm, remove_words

FACET_HEADINGS = {
    "type": "Type",
    "year": "Year",
    "decision_maker": "Decision maker",
    "directorate": "Directorate",
    "amount": "Amount",
}


def _without(form: SearchForm, keys, understood: list[dict]) -> dict:
    """The changes that drop `keys`, whether set in the form or read from the query's words."""
    changes: dict = {key: "" for key in keys if getattr(form, key, "")}
    q = form.q
    for item in understood:
        if item["name"] in keys:
            q = remove_words(q, item["words"])
    if q != form.q:
        changes["q"] = q
    return changes


def _in_use(filters: dict, applied: dict) -> bool:
    return bool(filters) and all(str(applied.get(k, "")) == str(v) for k, v in filters.items())


def facet_links(form: SearchForm, applied: dict, facets: dict[str, list[dict]]) -> list[dict]:
    """[{name, heading, values: [{label, count, url, selected, remove_url, inferred}]}] in page order.

    `applied`: the filters the search ran with (SearchResponse.filters: the form's and those read
    from the query). A facet's link replaces what the query said about the same thing, so
    "director decisions" followed by the Mayoral facet searches mayoral decisions, not neither.
    """
    understood = applied.get("understood", [])
    groups = []
    for name, heading in FACET_HEADINGS.items():
        values = []
        for value in facets.get(name, []):
            filters = value["filters"]
            selected = _in_use(filters, applied)
            link = None
            if filters and not selected:
                changes = _without(form, filters, understood)
                link = form.url(**{**changes, **{k: str(v) for k, v in filters.items()}}, offset=0)
            values.append(
                {
                    **value,
                    "url": link,
                    "selected": selected,
                    "remove_url": form.url(**_without(form, filters, understood), offset=0)
                    if selected
                    else None,
                }
            )
        if values:
            groups.append({"name": name, "heading": heading, "values": values})
    return groups


def panel_form(form: SearchForm, understood: list[dict]) -> tuple[SearchForm, dict[str, str]]:
    """The form as the filter panel shows it: the filters read from the query ("since 2018",
    "director decisions") filled in where the form left them empty, and {field: the words} for
    those, so the panel can say they came from the search words."""
    filled, words = {}, {}
    for item in understood:
        name = item["name"]
        if name in SearchForm.FILTERS and not getattr(form, name):
            filled[name] = str(item["value"])
            words[name] = item["words"]
    return replace(form, **filled), words
