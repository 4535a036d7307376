"""The FastAPI app: the JSON API at /api, the web site (web/) at /, one loaded index."""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from decisions.records import SEARCH_MODES
from decisions.settings import MAX_QUERY_CHARS, Settings, load_settings

from .admission import GATE, PAGE, SEARCH
from .decision import decision_record, resolve
from .export import csv_filename, results_csv
from .facets import search_facets
from .filters import visible
from .index import IndexHolder, IndexUnavailable, LoadedIndex
from .retrieve import SearchTooExpensive
from .schemas import DecisionOut, ErrorOut, FilterParams, HealthOut, ResultOut, SearchOut
from .search import SearchRequest, SearchResponse, search, similar_decisions

log = logging.getLogger("decisions")
MAX_BODY_BYTES = 64 * 1024

ERRORS = {
    404: {"model": ErrorOut, "description": "No such decision (or not public)"},
    422: {"model": ErrorOut, "description": "A parameter is invalid; the message says which"},
    503: {"model": ErrorOut, "description": "No usable index; the message says how to build one"},
}


class UserError(Exception):
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


def app_from_environment() -> FastAPI:
    """The app for one of several server processes (`decisions serve --workers N`), which
    receive their settings through the environment; the index is loaded before serving."""
    settings = load_settings()
    holder = IndexHolder(settings)
    holder.get()
    return create_app(settings, holder)


def create_app(settings: Settings, holder: IndexHolder | None = None) -> FastAPI:
    app = FastAPI(
        title="decision search",
        version="0.1.0",
        description="Search and question answering over Greater London Authority decisions "
        "(Mayoral, Director and Assistant Director Decisions), with cited passages.",
        # FastAPI's own pages load Swagger UI and ReDoc from a CDN; /docs is served from a
        # package's copy of Swagger UI instead (see _mount_docs), so it works offline.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.holder = holder or IndexHolder(settings)

    @app.middleware("http")
    async def limit_body_size(request: Request, call_next):
        # No request of ours needs more than a question; refuse big bodies before reading them.
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            return JSONResponse(
                {"title": "Request too large", "detail": f"bodies are limited to {MAX_BODY_BYTES} bytes"}, 413
            )
        return await call_next(request)

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError):
        return JSONResponse({"title": exc.title, "detail": exc.detail}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid_parameter(request: Request, exc: RequestValidationError):
        # One readable sentence naming each bad parameter, in the same shape as every other error.
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        )
        return JSONResponse({"title": "Invalid parameter", "detail": problems}, status_code=422)

    @app.exception_handler(IndexUnavailable)
    async def index_unavailable(request: Request, exc: IndexUnavailable):
        log.error("index unavailable: %s", exc)
        return JSONResponse({"title": "Index unavailable", "detail": str(exc)}, status_code=503)

    csv_response = {200: {"content": {"text/csv": {"schema": {"type": "string"}}},
                          "description": "The results; with format=csv, a CSV file of them"}}  # fmt: skip

    @app.get(
        "/api/search",
        response_model=SearchOut,
        responses={**csv_response, **ERRORS},
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
        response = run_search(
            request, q, limit=limit, offset=offset, mode=mode, sort=sort, **filters.chosen()
        )
        if format == "csv":
            return Response(
                results_csv(response.results, str(request.base_url).rstrip("/")),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="{csv_filename(q, today(request))}"'},
            )
        return search_out(response, limit, offset, loaded(request))

    @app.get(
        "/api/decisions/{ref}", response_model=DecisionOut, responses=ERRORS, summary="One decision in full"
    )
    def api_decision(request: Request, ref: str):
        index = loaded(request)
        decision_id = resolve(index, ref, is_staff(request), today(request))
        if decision_id is None:
            raise UserError(404, "Decision not found", f"no decision {ref!r} in the index")
        with GATE.admitted(PAGE):
            return decision_record(index, decision_id, is_staff(request), today(request))

    @app.get("/api/decisions/{ref}/similar", response_model=list[ResultOut], responses=ERRORS,
             summary="Similar decisions (precedents)")  # fmt: skip
    def api_similar(request: Request, ref: str, limit: Annotated[int, Query(ge=1, le=50)] = 5):
        index = loaded(request)
        decision_id = resolve(index, ref, is_staff(request), today(request))
        if decision_id is None:
            raise UserError(404, "Decision not found", f"no decision {ref!r} in the index")
        with GATE.admitted(PAGE):
            found = similar_decisions(index, decision_id, limit, is_staff(request), today(request))
        return [result_out(r) for r in found]

    @app.get(
        "/api/health", response_model=HealthOut, responses=ERRORS, summary="Index size, model, last indexed"
    )
    def api_health(request: Request):
        index = loaded(request)
        return {
            "status": "ok",
            "decisions": len(visible(index, is_staff(request), today(request))),
            "chunks": index.chunk_count,
            "model": index.meta.get("model", ""),
            "vector_index": index.meta.get("vector_index", ""),
            "last_indexed": index.meta.get("indexed_at"),
            "generation": index.generation.name,
            "staff_mode": request.app.state.settings.staff,
        }

    _mount_docs(app)
    _mount_site(app)
    return app


# Swagger UI 5 (OpenAPI 3.1, which FastAPI writes, needs 5; swagger-ui-bundle on PyPI holds 4.15),
# as shipped in the fastapi-offline package: only its static files are used, not its app class.
SWAGGER_UI_DIR = Path(importlib.util.find_spec("fastapi_offline").origin).parent / "static"


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI from a package's files: the API documentation needs no network."""
    app.mount("/static/swagger-ui", StaticFiles(directory=SWAGGER_UI_DIR), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url,
            title=f"{app.title} – API documentation",
            swagger_js_url="/static/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )


def _mount_site(app: FastAPI) -> None:
    """The answer endpoints and the web site plug into the same app. Imported here, not at the
    top, because both import this module; a broken one fails loudly, never silently missing."""
    from web.routes import install as install_web

    from .answer_routes import router as answer_router

    app.include_router(answer_router)
    install_web(app)
