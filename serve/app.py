"""The one place the server is assembled: the JSON API at /api, the web site (web/) at /, one loaded index.

Only the command line and the tests import this module; the routes import serve.http, never this.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from decisions.settings import Settings, load_settings
from search_api import question_parse
from search_api.index import IndexHolder, IndexUnavailable
from web.routes import install as install_web

from .answer_api import router as answer_router
from .api import router as api_router
from .http import UserError

log = logging.getLogger("decisions")
MAX_BODY_BYTES = 64 * 1024


def app_from_environment() -> FastAPI:
    """The app for one of several server processes (`decisions serve --workers N`), which
    receive their settings through the environment; the index is loaded before serving."""
    settings = load_settings()
    holder = IndexHolder(settings)
    holder.get()
    question_parse.load()  # not on the first question asked (~1.5 s)
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
    app.middleware("http")(limit_body_size)
    # The JSON handlers first: the site's error pages (web.routes.install) hand /api requests to them.
    app.add_exception_handler(UserError, user_error)
    app.add_exception_handler(RequestValidationError, invalid_parameter)
    app.add_exception_handler(IndexUnavailable, index_unavailable)
    app.include_router(api_router)
    app.include_router(answer_router)
    _mount_docs(app)
    install_web(app)
    return app


async def limit_body_size(request: Request, call_next):
    # No request of ours needs more than a question; refuse big bodies before reading them.
    length = request.headers.get("content-length", "0")
    if not length.isdigit() or int(length) > MAX_BODY_BYTES:
        return JSONResponse(
            {"title": "Request too large", "detail": f"bodies are limited to {MAX_BODY_BYTES} bytes"}, 413
        )
    return await call_next(request)


async def user_error(request: Request, exc: UserError):
    return JSONResponse({"title": exc.title, "detail": exc.detail}, status_code=exc.status)


async def invalid_parameter(request: Request, exc: RequestValidationError):
    # One readable sentence naming each bad parameter, in the same shape as every other error.
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
        for e in exc.errors()
    )
    return JSONResponse({"title": "Invalid parameter", "detail": problems}, status_code=422)


async def index_unavailable(request: Request, exc: IndexUnavailable):
    log.error("index unavailable: %s", exc)
    return JSONResponse({"title": "Index unavailable", "detail": str(exc)}, status_code=503)


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
