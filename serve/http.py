"""What the JSON API and the web pages share: user errors, staff mode, the loaded index, one search path."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from fastapi import Request

from decisions.settings import Settings
from search_api.admission import GATE, SEARCH
from search_api.facets import search_facets
from search_api.index import LoadedIndex
from search_api.retrieve import SearchTooExpensive
from search_api.search import SearchRequest, SearchResponse, search


class UserError(Exception):
    """A request the user can correct: answered as JSON under /api, as an error page on the site."""

    def __init__(self, status: int, title: str, detail: str):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


def is_staff(request: Request) -> bool:
    settings: Settings = request.app.state.settings
    if not settings.staff:
        return False
    token = settings.staff_token
    return (
        token is None
        or request.headers.get("x-staff-token") == token
        or request.cookies.get("staff_token") == token
    )


def today(request: Request) -> dt.date:
    return request.app.state.settings.today()


def loaded(request: Request) -> LoadedIndex:
    return request.app.state.holder.get()


def check_query(request: Request, q: str) -> str:
    limit = request.app.state.settings.max_query_chars
    if len(q) > limit:
        raise UserError(
            422, "Query too long", f"a query may have at most {limit} characters; this one has {len(q)}"
        )
    return q


def run_search(request: Request, q: str, **params) -> SearchResponse:
    """Shared by the JSON API and the web pages: one code path, one set of rules."""
    check_query(request, q)
    filters = {k: params.pop(k, None) for k in list(params) if k not in ("limit", "offset", "mode", "sort")}
    req = SearchRequest(q=q, filters=filters, staff=is_staff(request), today=today(request), **params)
    try:
        with GATE.admitted(SEARCH):
            return search(loaded(request), req)
    except SearchTooExpensive as exc:
        raise UserError(422, "Query too expensive", str(exc)) from exc


def result_out(result) -> dict:
    data = asdict(result)
    data["id"] = data.pop("decision_id")
    for p in data["passages"]:
        p.pop("source_path", None)
    return data


def search_out(response: SearchResponse, limit: int, offset: int, index: LoadedIndex | None = None) -> dict:
    """The JSON of a search; with the index, also the facets of all its matches."""
    return {
        "query": response.query,
        "text": response.text,
        "mode": response.mode,
        "filters": response.filters,
        "total": response.total,
        "limit": limit,
        "offset": offset,
        "reason": response.reason,
        "relaxed": response.relaxed,
        "note": response.note,
        "suggestion": response.suggestion,
        "results": [result_out(r) for r in response.results],
        "facets": search_facets(index, response.matched_ids) if index is not None else {},
    }
