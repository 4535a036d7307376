"""The JSON API under /api (search, one decision, similar decisions, health); answers are in answer_api.py.

Views are plain functions on a router, so they can be imported and tested; serve.app includes it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from decisions.records import SEARCH_MODES
from decisions.settings import MAX_QUERY_CHARS
from search_api.admission import GATE, PAGE
from search_api.decision import decision_record, resolve
from search_api.export import csv_filename, results_csv
from search_api.filters import visible
from search_api.schemas import DecisionOut, ErrorOut, FilterParams, HealthOut, ResultOut, SearchOut
from search_api.search import similar_decisions

from .http import UserError, is_staff, loaded, result_out, run_search, search_out, today

router = APIRouter()

ERRORS = {
    404: {"model": ErrorOut, "description": "No such decision (or not public)"},
    422: {"model": ErrorOut, "description": "A parameter is invalid; the message says which"},
    503: {"model": ErrorOut, "description": "No usable index; the message says how to build one"},
}
CSV_RESPONSE = {200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                      "description": "The results; with format=csv, a CSV file of them"}}  # fmt: skip


@router.get(
    "/api/search",
    response_model=SearchOut,
    responses={**CSV_RESPONSE, **ERRORS},
    summary="Search decisions",
)
def api_search(
    request: Request,
    *,  # keyword-only, so the filters (no default) can sit after q, limit and offset in the docs
    q: Annotated[
        str,
        Query(
            max_length=MAX_QUERY_CHARS,
            description="Words, a question or a reference code; filters such as "
            "'since 2018', 'over £500k', 'director decisions' are read from it. "
            "Empty: every decision the filters allow, newest first.",
            examples=["community engagement grants since 2018"],
        ),
    ] = "",
    limit: Annotated[int, Query(ge=1, le=100, description="Results per page")] = 10,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    filters: Annotated[FilterParams, Query()],
    mode: Annotated[
        Literal[SEARCH_MODES],
        Query(description="exhaustive: every decision containing all the words, for FOI work"),
    ] = "hybrid",
    sort: Annotated[Literal["relevance", "date"], Query()] = "relevance",
    format: Annotated[Literal["json", "csv"], Query(description="csv downloads the results")] = "json",
):
    response = run_search(request, q, limit=limit, offset=offset, mode=mode, sort=sort, **filters.chosen())
    if format == "csv":
        return Response(
            results_csv(response.results, str(request.base_url).rstrip("/")),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{csv_filename(q, today(request))}"'},
        )
    return search_out(response, limit, offset, loaded(request))


@router.get(
    "/api/decisions/{ref}", response_model=DecisionOut, responses=ERRORS, summary="One decision in full"
)
def api_decision(request: Request, ref: str):
    index = loaded(request)
    decision_id = resolve(index, ref, is_staff(request), today(request))
    if decision_id is None:
        raise UserError(404, "Decision not found", f"no decision {ref!r} in the index")
    with GATE.admitted(PAGE):
        return decision_record(index, decision_id, is_staff(request), today(request))


@router.get("/api/decisions/{ref}/similar", response_model=list[ResultOut], responses=ERRORS,
            summary="Similar decisions (precedents)")  # fmt: skip
def api_similar(request: Request, ref: str, limit: Annotated[int, Query(ge=1, le=50)] = 5):
    index = loaded(request)
    decision_id = resolve(index, ref, is_staff(request), today(request))
    if decision_id is None:
        raise UserError(404, "Decision not found", f"no decision {ref!r} in the index")
    with GATE.admitted(PAGE):
        found = similar_decisions(index, decision_id, limit, is_staff(request), today(request))
    return [result_out(r) for r in found]


@router.get(
    "/api/health", response_model=HealthOut, responses=ERRORS, summary="Index size, model, last indexed"
)
def api_health(request: Request):
    index = loaded(request)
    return {
        **index.health(),
        "status": "ok",
        "decisions": len(
            visible(index, is_staff(request), today(request))
        ),  # only those this request may see
        "staff_mode": request.app.state.settings.staff,
    }
