"""`create_app(db_url)`: the read-only web app over a ledger, pages and JSON API.

Article text is untrusted input: templates autoescape everything, pages carry no script at
all, and a strict Content-Security-Policy forbids inline scripts, inline handlers and any
resource from another origin.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.templating import Jinja2Templates

import armsledger
import armsledger.report
from armsledger.errors import ArmsledgerError
from armsledger.report.render import template_environment
from armsledger.store import open_store
from armsledger.web import api, pages
from armsledger.web.errors import (
    http_error_response,
    ledger_error_response,
    validation_error_response,
)
from armsledger.web.urls import TEMPLATE_GLOBALS

STATIC_DIR = Path(__file__).resolve().parent / "static"
REPORT_CSS = Path(armsledger.report.__file__).resolve().parent / "templates" / "report.css"
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


async def add_security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    return response


def report_stylesheet() -> Response:
    """The report's stylesheet, served as is: pages and the report share one look."""
    return Response(REPORT_CSS.read_text(encoding="utf-8"), media_type="text/css")


def create_app(db_url: str) -> FastAPI:
    """The app over the ledger at `db_url` (an SQLAlchemy URL). Only GET routes exist."""
    store = open_store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="armsledger",
        version=armsledger.__version__,
        description="A read-only, source-attributed ledger of arms-transfer claims.",
        # The interactive docs pages load their scripts from a CDN; the schema is enough.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.store = store
    environment = template_environment("armsledger.web")
    environment.globals.update(TEMPLATE_GLOBALS)
    app.state.templates = Jinja2Templates(env=environment)
    app.middleware("http")(add_security_headers)
    app.add_exception_handler(StarletteHTTPException, http_error_response)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error_response)  # type: ignore[arg-type]
    app.add_exception_handler(ArmsledgerError, ledger_error_response)  # type: ignore[arg-type]
    app.add_api_route("/static/report.css", report_stylesheet, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
