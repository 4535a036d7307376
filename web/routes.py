"""The web site: server-rendered pages over the same search, decision and answer functions as /api.

Views only translate HTTP into calls of `search_api` functions and hand plain values to
Jinja2 templates. Every value is escaped by autoescape; the one exception is
`Passage.highlight`, which `search_api.highlight` escapes before adding <mark>.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from decisions.records import TYPE_LABELS
from search_api.admission import GATE, PAGE
from search_api.app import UserError, is_staff, loaded, run_search, today
from search_api.decision import decision_record, resolve
from search_api.index import IndexUnavailable
from search_api.search import similar_decisions

from .forms import (
    MODE_LABELS,
    PAGE_SIZE,
    SORT_LABELS,
    SearchForm,
    form_chips,
    pagination,
    query_chips,
    read_form,
)
from .present import (
    INFERRED_DATE_NOTE,
    about_counts,
    drop_lead,
    long_date,
    pounds,
    sentence,
    snippet,
    source_kind,
    text_sections,
)

log = logging.getLogger("decisions.web")

HERE = Path(__file__).resolve().parent
SIMILAR_COUNT = 5


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    env.filters.update(
        pounds=pounds,
        long_date=long_date,
        source_kind=source_kind,
        snippet=snippet,
        sentence=sentence,
        drop_lead=drop_lead,
    )
    env.globals.update(
        type_labels=TYPE_LABELS,
        mode_labels=MODE_LABELS,
        sort_labels=SORT_LABELS,
        inferred_date_note=INFERRED_DATE_NOTE,
    )
    return Jinja2Templates(env=env)


templates = _templates()


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


# ---------------------------------------------------------------- answers (search_api.answer may not exist yet)


def answer_for(request: Request, form: SearchForm) -> tuple[object | None, bool]:
    """(answer, failed): an extractive answer when the query is a question.

    No answer when it is not a question or search_api.answer is not installed. An answer that
    fails is logged and reported on the page, but the results below it are still shown.
    """
    try:
        from search_api.answer import answer_question, is_question
    except ImportError as exc:
        log.debug("no answer panel: %s", exc)
        return None, False
    if not is_question(form.q):
        return None, False
    explicit = {k: v for k, v in form.filters().items() if v is not None}
    try:
        answer = answer_question(
            loaded(request),
            form.q,
            request.app.state.settings,
            filters=explicit or None,
            staff=is_staff(request),
        )
    except (UserError, IndexUnavailable):
        raise
    except Exception:
        log.exception("answering %r failed; showing the results only", form.q)
        return None, True
    return answer, False


# ---------------------------------------------------------------- decision pages


# ---------------------------------------------------------------- routes


def search_page(request: Request) -> Response:
    form = read_form(request.query_params)
    if not form.q.strip() and not form.has_filters():
        if request.url.path == "/":
            return render(request, "search.html", form=form, response=None, title="Search decisions")
        # 400, not 200: the request is incomplete, and scripts and crawlers should see that;
        # people still get a page that explains what to type.
        raise UserError(
            400, "Enter something to search for", "type some words, a question or a reference code"
        )
    response = run_search(
        request, form.q, limit=PAGE_SIZE, offset=form.offset, mode=form.mode, sort=form.sort, **form.filters()
    )
    answer, answer_failed = (
        answer_for(request, form) if form.offset == 0 and form.q.strip() else (None, False)
    )
    return render(
        request,
        "search.html",
        form=form,
        response=response,
        answer=answer,
        answer_failed=answer_failed,
        title=f"{form.q.strip() or 'Filtered decisions'} – search results",
        chips=query_chips(form, response.filters.get("understood", []), response.relaxed) + form_chips(form),
        pages=pagination(form, response.total),
        csv_url=form.api_url("csv"),
        json_url=form.api_url("json"),
    )


def decision_page(request: Request, ref: str) -> Response:
    index, staff, day = loaded(request), is_staff(request), today(request)
    decision_id = resolve(index, ref, staff, day)
    if decision_id is None:
        raise UserError(404, "Decision not found", f"there is no public decision {ref} in the index")
    if decision_id != ref:
        # "md2848" and "MD 2848" reach the one canonical address (the browser keeps any #p-2.7).
        return RedirectResponse(f"/decisions/{decision_id}", status_code=308)
    with GATE.admitted(PAGE):
        record = decision_record(index, decision_id, staff, day)
        similar = similar_decisions(index, decision_id, SIMILAR_COUNT, staff, day)
    return render(
        request,
        "decision.html",
        title=f"{record['ref'] or 'Document'}: {record['title']}",
        d=record,
        sections=text_sections(record),
        similar=similar,
    )


def about_page(request: Request) -> Response:
    index = loaded(request)
    return render(
        request,
        "about.html",
        title="About this search",
        counts=about_counts(index, is_staff(request), today(request)),
        meta=index.meta,
    )


# ---------------------------------------------------------------- errors: pages for people, JSON for /api


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in ("/api", "/openapi.json")


def error_page(request: Request, status: int, title: str, detail: str) -> HTMLResponse:
    # The search box on an error page starts from what was asked for: the query, or the missing reference.
    q = request.query_params.get("q") or request.path_params.get("ref", "")
    return render(request, "error.html", status=status, title=title, heading=title, detail=detail,
                  status_code=status, q=q[: request.app.state.settings.max_query_chars])  # fmt: skip


def install_error_pages(app: FastAPI) -> None:
    json_user_error = app.exception_handlers.get(UserError)
    json_unavailable = app.exception_handlers.get(IndexUnavailable)
    json_invalid = app.exception_handlers.get(RequestValidationError, request_validation_exception_handler)

    async def user_error(request: Request, exc: UserError):
        if _is_api(request) and json_user_error:
            return await json_user_error(request, exc)
        return error_page(request, exc.status, exc.title, exc.detail[:1].upper() + exc.detail[1:] + ".")

    async def unavailable(request: Request, exc: IndexUnavailable):
        if _is_api(request) and json_unavailable:
            return await json_unavailable(request, exc)
        # The reason names server paths and commands: it goes to the log (and the API, for operators), not the page.
        log.error("index unavailable: %s", exc)
        return error_page(request, 503, "Search is not available", "The search index is being rebuilt or could not "
                          "be loaded. Try again in a few minutes.")  # fmt: skip

    async def http_error(request: Request, exc: StarletteHTTPException):
        if _is_api(request) or exc.status_code != 404:
            return await http_exception_handler(request, exc)
        return error_page(
            request, exc.status_code, "Page not found", "Check the address, or search for a decision."
        )

    async def invalid(request: Request, exc: RequestValidationError):
        if _is_api(request):
            return await json_invalid(request, exc)
        return error_page(
            request, 422, "Something in the address is not valid", "Check the address and try again."
        )

    async def server_error(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        if _is_api(request):
            return JSONResponse(
                {"title": "Server error", "detail": "an unexpected error; it has been logged"}, 500
            )
        return error_page(request, 500, "Sorry, something went wrong",
                          "The problem has been logged. Try again, or try a different search.")  # fmt: skip

    app.add_exception_handler(UserError, user_error)
    app.add_exception_handler(IndexUnavailable, unavailable)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(Exception, server_error)


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    html = {"response_class": HTMLResponse, "include_in_schema": False}
    app.add_api_route("/", search_page, methods=["GET"], **html)
    app.add_api_route("/search", search_page, methods=["GET"], **html)
    app.add_api_route("/decisions/{ref}", decision_page, methods=["GET"], **html)
    app.add_api_route("/about", about_page, methods=["GET"], **html)
    install_error_pages(app)
