"""The web site: server-rendered pages over the same search, decision and answer functions as /api.

Views only translate HTTP into calls of `search_api` functions and hand plain values to
Jinja2 templates. Every value is escaped by autoescape; the one exception is
`Passage.highlight`, which `search_api.highlight` escapes before adding <mark>.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Form, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from decisions.records import TYPE_LABELS
from search_api.admission import GATE, PAGE
from search_api.answer import answer_question, is_question
from search_api.decision import citation_counts, citing_decisions, decision_record, resolve
from search_api.facets import decision_facets, year_totals
from search_api.filters import visible
from search_api.index import IndexUnavailable, LoadedIndex
from search_api.query import parse_query, query_refs
from search_api.search import similar_decisions
from serve.http import UserError, is_staff, loaded, run_search, today

from .chart import decisions_over_time
from .downloads import source_file, source_files
from .facet_links import facet_links, panel_form
from .feed import FEED_SIZE, atom_feed
from .forms import (
    DATE_LABELS,
    MODE_LABELS,
    SORT_LABELS,
    FormInvalid,
    SearchForm,
    date_boxes,
    form_chips,
    page_numbers,
    pagination,
    plain_reason,
    query_chips,
    read_form,
)
from .marks import emphasis, emphasis_html
from .present import (
    INFERRED_DATE_NOTE,
    about_counts,
    block_html,
    citation,
    contents,
    decision_name,
    drop_lead,
    long_date,
    place,
    pounds,
    sentence,
    snippet,
    source_kind,
    text_sections,
    with_search,
)

log = logging.getLogger("decisions.web")

HERE = Path(__file__).resolve().parent
SIMILAR_COUNT = 5
LIST_PAGE_SIZE = 20  # the list of every decision, a page at a time (GOV.UK finders show 20)
FEEDBACK_MAX_CHARS = 2000
FEEDBACK_FILE_MAX_BYTES = 20_000_000  # about 10,000 long messages: a flood cannot fill the disk


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    env.filters.update(
        pounds=pounds,
        long_date=long_date,
        source_kind=source_kind,
        snippet=snippet,
        sentence=sentence,
        drop_lead=drop_lead,
        with_search=with_search,
        emphasis=emphasis,
        emphasis_html=emphasis_html,
        plain_reason=plain_reason,
    )
    env.globals.update(
        date_labels=DATE_LABELS,
        date_boxes=date_boxes,
        type_labels=TYPE_LABELS,
        mode_labels=MODE_LABELS,
        sort_labels=SORT_LABELS,
        inferred_date_note=INFERRED_DATE_NOTE,
        place=place,
        decision_name=decision_name,
    )
    return Jinja2Templates(env=env)


templates = _templates()


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    context.setdefault("service", service_info(request))
    return templates.TemplateResponse(request, name, context, status_code=status)


def service_info(request: Request) -> dict | None:
    """The footer's index size and last update; None when there is no usable index (an error page)."""
    try:
        index = loaded(request)
    except Exception as exc:  # the page being rendered already reports this failure
        log.debug("no index summary in the footer: %s", exc)
        return None
    return {
        "decisions": len(visible(index, is_staff(request), today(request))),
        "indexed_at": index.meta.get("indexed_at") or "",
    }


# ---------------------------------------------------------------- answers


def answer_for(request: Request, form: SearchForm) -> tuple[object | None, bool]:
    """(answer, failed): an extractive answer when the query is a question.

    No answer when it is not a question. An answer that fails is logged and reported on the
    page, but the results below it are still shown.
    """
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


# ---------------------------------------------------------------- routes


def search_page(request: Request) -> Response:
    try:
        form = read_form(request.query_params)
    except FormInvalid as exc:
        # GOV.UK error pattern: the same form again, a summary linking to each wrong field.
        return render(request, "search.html", status=422, form=exc.form, response=None, errors=exc.errors,
                      typed=exc.typed, title="Error: search decisions")  # fmt: skip
    if not form.q.strip() and not form.has_filters():
        if request.url.path == "/":
            return render(request, "search.html", form=form, response=None, title="Search decisions")
        # 400, not 200: the request is incomplete, and scripts and crawlers should see that;
        # people still get a page that explains what to type.
        raise UserError(
            400, "Enter something to search for", "type some words, a question or a reference code"
        )
    response = run_search(
        request, form.q, limit=form.size, offset=form.offset, mode=form.mode, sort=form.sort, **form.filters()
    )
    answer, answer_failed = (
        answer_for(request, form) if form.offset == 0 and form.q.strip() else (None, False)
    )
    index, staff, day = loaded(request), is_staff(request), today(request)
    # The whole match, not the page: facets and the chart count every matching decision.
    matched = [index.decisions[i] for i in response.matched_ids if i in index.decisions]
    # A filter read from the words but dropped because it left nothing is not shown as in use.
    dropped = {item["name"] for item in response.relaxed}
    applied = [u for u in response.filters.get("understood", []) if u["name"] not in dropped]
    panel, panel_words = panel_form(form, applied)
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
        facets=facet_links(form, response.filters, decision_facets(matched)),
        chart=decisions_over_time(year_totals(matched)),
        graph={
            r.decision_id: citation_counts(index, r.decision_id, staff, day)
            for r in response.results
            if r.decision_id in index.decisions
        },
        not_held=not_held(index, response.parsed.refs if response.parsed else [], staff, day),
        passage_names=answer_passage_names(index, answer),
        from_search=urlencode(form.params()),
        panel=panel,
        panel_words=panel_words,
        inferred_shown=any(r.date_inferred for r in response.results),
        feed_url=form.feed_url(),
    )


def search_feed(request: Request) -> Response:
    """/search.atom?q=…: the newest decisions matching a search, for a feed reader."""
    form = read_form(request.query_params)
    if not form.q.strip() and not form.has_filters():
        raise UserError(400, "Enter something to search for", "a feed follows a search: add ?q=some+words")
    response = run_search(
        request, form.q, limit=FEED_SIZE, offset=0, mode=form.mode, sort="date", **form.filters()
    )
    base = str(request.base_url).rstrip("/")
    body = atom_feed(
        response.results,
        title=f"GLA decisions: {form.q.strip() or 'filtered search'}",
        feed_url=base + form.feed_url(),
        page_url=base + form.url(sort="date", offset=0, size=SearchForm.size),
        base_url=base,
        indexed_at=loaded(request).meta.get("indexed_at") or "",
    )
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def not_held(index: LoadedIndex, refs: list[str], staff: bool, day) -> list[dict]:
    """The reference codes asked for that this reader cannot open, with the decisions citing them.

    A withheld decision is reported exactly like one never indexed ("no public decision"), and
    only visible decisions are listed as citing it, so this reveals nothing about it.
    """
    return [
        {"ref": ref, "citing": citing_decisions(index, ref, staff, day)}
        for ref in refs
        if resolve(index, ref, staff, day) is None
    ]


def answer_passage_names(index: LoadedIndex, answer) -> dict[str, dict]:
    """chunk id → {decision: 'MD2848 Engaging Londoners…', place: 'paragraph 2.7'} for the answer's
    citations and nearest passages, which stand apart from the results that would name them."""
    if answer is None:
        return {}
    chunk_ids = [c.chunk_id for c in answer.citations] + [p.chunk_id for p in answer.related]
    names = {}
    for chunk_id in chunk_ids:
        row = index.chunk_place(chunk_id)
        if row is not None and row["decision_id"] in index.decisions:
            d = index.decisions[row["decision_id"]]
            names[chunk_id] = {"decision": decision_name(d.ref, d.title),
                               "place": place(row["paragraph"], row["section"])}  # fmt: skip
    return names


def _back_to_search(request: Request):
    """The search a decision page was reached from (its q and filters ride on the link), or None."""
    try:
        form = read_form(request.query_params)
    except UserError:
        return None  # a hand-edited link: show the page without the way back
    return form if form.q.strip() or form.has_filters() else None


def decision_page(request: Request, ref: str) -> Response:
    index, staff, day = loaded(request), is_staff(request), today(request)
    decision_id = resolve(index, ref, staff, day)
    if decision_id is None:
        return not_held_page(request, index, ref, staff, day)
    canonical = index.decisions[decision_id].address
    if canonical != ref:
        # "md2848", "MD 2848" and a document's old "doc-…" address reach the one canonical address
        # (the browser keeps any #p-2.7, and the search it came from rides along).
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/decisions/{canonical}{query}", status_code=308)
    back = _back_to_search(request)
    query_text = parse_query(back.q, day, index.known_names).text if back else ""
    with GATE.admitted(PAGE):
        record = decision_record(index, decision_id, staff, day)
        similar = similar_decisions(index, decision_id, SIMILAR_COUNT, staff, day)
    # Codes in the text link to the decisions this reader may open; the page's own is not a link.
    addresses = {r: index.decisions[i].url for r, i in index.by_ref.items() if resolve(index, i, staff, day)}
    addresses[record["ref"]] = None
    page_url = f"{request.base_url}{record['url'].lstrip('/')}"
    for section in (sections := text_sections(record)):
        for group in section["groups"]:
            for para in group["paragraphs"]:
                para["html"] = [block_html(block, query_text, addresses) for block in para["blocks"]]
                para["citation"] = citation(record["ref"], record["title"], para, page_url)
    return render(
        request,
        "decision.html",
        title=f"{record['ref'] or 'Document'}: {record['title']}",
        d=record,
        sections=sections,
        contents=contents(sections),
        similar=similar,
        back=back,
        query_text=query_text,
        files={f.path: f for f in source_files(index, decision_id)},
    )


def source_download(request: Request, ref: str, number: int) -> Response:
    """/decisions/DD2691/sources/2: the original file, exactly as indexed, as an attachment."""
    index, staff, day = loaded(request), is_staff(request), today(request)
    decision_id = resolve(index, ref, staff, day)
    found = source_file(index, decision_id, number) if decision_id else None
    if found is None:
        raise UserError(404, "File not found", f"there is no public source file {number} of {ref}")
    return FileResponse(
        found.file,
        media_type=found.media_type,
        filename=found.name,
        content_disposition_type="attachment",
        # Belt and braces for HTML sources: never sniffed into something else, never able to run script.
        headers={"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox"},
    )


def not_held_page(request: Request, index: LoadedIndex, ref: str, staff: bool, day) -> Response:
    """404 either way; for a reference code that decisions in the index cite, a page that says so
    and lists them (MD2721), instead of a bare 'not found'. A withheld decision gets the same."""
    code = next(iter(query_refs(ref)), None)
    citing = citing_decisions(index, code, staff, day) if code else []
    if not citing:
        raise UserError(404, "Decision not found", f"there is no public decision {ref} in the index")
    return render(request, "not_held.html", status=404, title=f"{code}: not in this index", ref=code,
                  citing=citing)  # fmt: skip


def about_page(request: Request) -> Response:
    index = loaded(request)
    return render(
        request,
        "about.html",
        title="About this search",
        counts=about_counts(index, is_staff(request), today(request)),
        type_keys={label: key for key, label in TYPE_LABELS.items()},
        meta=index.meta,
    )


def decision_list_page(request: Request) -> Response:
    """/decisions: every decision a visitor may see, newest first, a page at a time."""
    index = loaded(request)
    shown = sorted(
        (index.decisions[i] for i in visible(index, is_staff(request), today(request))),
        key=lambda d: (d.date or "", d.ref or d.id),
        reverse=True,
    )
    text = request.query_params.get("page", "1").strip() or "1"
    count = max(1, -(-len(shown) // LIST_PAGE_SIZE))
    if not text.isdigit() or not 1 <= int(text) <= count:
        raise UserError(404, "Page not found", f"the list of decisions has pages 1 to {count}")
    current = int(text)
    start = (current - 1) * LIST_PAGE_SIZE
    return render(
        request,
        "decisions.html",
        title="All decisions" + (f" (page {current} of {count})" if count > 1 else ""),
        decisions=shown[start : start + LIST_PAGE_SIZE],
        total=len(shown),
        first=start + 1,
        current=current,
        count=count,
        numbers=page_numbers(current, count),
    )


def feedback_page(request: Request) -> Response:
    return render(request, "feedback.html", title="Give feedback")


def send_feedback(
    request: Request,
    feedback: str = Form("", max_length=FEEDBACK_MAX_CHARS),
    page: str = Form("", max_length=500),
) -> Response:
    """Feedback is kept beside the index (feedback.jsonl in the data directory) for the team to read."""
    if not feedback.strip():
        return render(request, "feedback.html", status=422, title="Error: give feedback",
                      error="Enter your feedback", page_url=page)  # fmt: skip
    record = {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "page": page, "feedback": feedback}
    path = request.app.state.settings.data_dir / "feedback.jsonl"
    if path.exists() and path.stat().st_size > FEEDBACK_FILE_MAX_BYTES:
        log.warning(
            "feedback not recorded: %s is over %d bytes; read and archive it", path, FEEDBACK_FILE_MAX_BYTES
        )
        raise UserError(503, "Feedback cannot be taken just now", "try again later")
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return render(request, "feedback.html", title="Thank you for your feedback", sent=True)


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
    app.add_api_route("/search.atom", search_feed, methods=["GET"], include_in_schema=False)
    app.add_api_route("/decisions", decision_list_page, methods=["GET"], **html)
    app.add_api_route("/decisions/{ref}", decision_page, methods=["GET"], **html)
    app.add_api_route("/decisions/{ref}/sources/{number}", source_download, methods=["GET"],
                      include_in_schema=False)  # fmt: skip
    app.add_api_route("/about", about_page, methods=["GET"], **html)
    app.add_api_route("/feedback", feedback_page, methods=["GET"], **html)
    app.add_api_route("/feedback", send_feedback, methods=["POST"], **html)
    install_error_pages(app)
