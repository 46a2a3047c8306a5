"""One error shape for the JSON API (`ErrorBody`), and a plain error page for the pages."""

from __future__ import annotations

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.templating import Jinja2Templates

from armsledger.errors import ArmsledgerError
from armsledger.web.schemas import ErrorBody, ErrorDetail

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_request",
    500: "internal_error",
    503: "ledger_unavailable",
}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, message: str) -> Response:
    code = CODES.get(status, f"http_{status}")
    if _is_api(request):
        body = ErrorBody(error=ErrorDetail(status=status, code=code, message=message))
        return JSONResponse(body.model_dump(), status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html.j2",
        {"status": status, "code": code, "message": message},
        status_code=status,
    )


async def http_error_response(request: Request, error: StarletteHTTPException) -> Response:
    response = error_response(request, error.status_code, str(error.detail))
    if error.headers:
        response.headers.update(error.headers)  # e.g. Allow on a 405
    return response


def _location(parts: tuple[object, ...]) -> str:
    """("query", "page") reads "query parameter 'page'"."""
    where = [str(part) for part in parts]
    if len(where) >= 2:
        return f"{where[0]} parameter '{'.'.join(where[1:])}'"
    return where[0] if where else "request"


async def validation_error_response(request: Request, error: RequestValidationError) -> Response:
    first = error.errors()[0] if error.errors() else {}
    location = _location(tuple(first.get("loc", ())))
    message = f"{location}: {first.get('msg', 'invalid value')}"
    return error_response(request, 422, message)


async def ledger_error_response(request: Request, error: ArmsledgerError) -> Response:
    """The database went away or cannot be read: one line, no traceback."""
    return error_response(request, 503, str(error))
