"""The web application: JSON API and server-rendered pages over one communique database.

Safety is decided here, once, for every route: who may read (anyone on the
loopback interface; with a token, only holders of it unless the server is
public read-only), who may write (token holders only, always), how large a
request may be, and which headers every response carries. Routes only read.
"""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique import __version__
from communique.errors import CommuniqueError
from communique.store import Store, open_store
from communique.web.cache import Cache

__all__ = ["MAX_BODY_BYTES", "WebSettings", "create_app", "error_response"]

HERE = Path(__file__).resolve().parent
MAX_BODY_BYTES = 2_000_000
TOKEN_COOKIE = "communique_token"
READ_METHODS = {"GET", "HEAD", "OPTIONS"}

# No inline script or style anywhere: charts are SVG presentation attributes and
# classes, so the policy can forbid everything that is not our own static files.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "geolocation=(), camera=(), microphone=()",
}


@dataclass
class WebSettings:
    db_path: str
    token: str | None = None
    public_read_only: bool = False
    max_body: int = MAX_BODY_BYTES
    model: str | None = None
    pipeline: Any = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)


class StorePool:
    """One connection per worker thread: sqlite3 connections must stay on their thread."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        open_store(path).close()  # create and migrate once, up front, so errors show at start

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is not None and getattr(store.conn, "broken", False):
            store.close()  # a database server dropped the connection: open a new one
            store = None
        if store is None:
            store = open_store(self.path)
            self._local.store = store
        return store


def error_response(request: Request, status: int, title: str, detail: str) -> Response:
    """The one error shape: JSON ``{"error": {status, title, detail}}`` for the API,
    the same three facts on an HTML page for a browser."""
    body = {"error": {"status": status, "title": title, "detail": detail}}
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get(
        "accept", ""
    ):
        response: Response = JSONResponse(body, status_code=status)
    else:
        templates: Jinja2Templates = request.app.state.templates
        response = templates.TemplateResponse(
            request, "error.html", {"error": body["error"]}, status_code=status
        )
    if status == 401:
        response.headers["www-authenticate"] = 'Bearer realm="communique"'
    return response


def _presented_token(request: Request) -> tuple[str | None, bool]:
    """The token a request carries and whether it came in the query string."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip(), False
    if request.query_params.get("token"):
        return request.query_params["token"], True
    return request.cookies.get(TOKEN_COOKIE), False


def _install_guards(app: FastAPI, settings: WebSettings) -> None:
    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        response = await _checked(request, call_next, settings)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("cache-control", "no-store")
        return response


async def _checked(request: Request, call_next: Any, settings: WebSettings) -> Response:
    length = request.headers.get("content-length")
    if request.method not in READ_METHODS:
        if length is None:
            return error_response(request, 411, "Length Required",
                                  "send a Content-Length header with the request body")
        if not length.isdigit() or int(length) > settings.max_body:
            return error_response(request, 413, "Payload Too Large",
                                  f"request bodies are limited to {settings.max_body} bytes")
    presented, from_query = _presented_token(request)
    valid = bool(settings.token and presented
                 and hmac.compare_digest(presented.encode(), settings.token.encode()))
    if request.method not in READ_METHODS:
        if not settings.token:
            return error_response(request, 403, "Forbidden",
                                  "this server is read-only; start it with --token (or "
                                  "COMMUNIQUE_TOKEN) to accept writes")
        if not valid:
            return error_response(request, 401, "Unauthorized",
                                  "writes need the server's token: Authorization: Bearer TOKEN")
    elif settings.token and not settings.public_read_only and not valid:
        return error_response(request, 401, "Unauthorized",
                              "this server needs its token: send Authorization: Bearer TOKEN "
                              "or open any page once with ?token=TOKEN")
    response = await call_next(request)
    if valid and from_query:
        response.set_cookie(TOKEN_COOKIE, presented or "", httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
    return response


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        titles = {404: "Not Found", 405: "Method Not Allowed", 400: "Bad Request"}
        return error_response(request, exc.status_code, titles.get(exc.status_code, "Error"),
                              str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_response(request, 400, "Bad Request", "; ".join(problems))

    @app.exception_handler(CommuniqueError)
    async def library_error(request: Request, exc: CommuniqueError) -> Response:
        return error_response(request, 400, "Bad Request", str(exc))


def create_app(db_path: str | Path, token: str | None = None, public_read_only: bool = False,
               *, max_body: int = MAX_BODY_BYTES, model: str | None = None,
               pipeline: Any = None) -> FastAPI:
    """The ASGI app serving ``db_path``.

    ``token``: required for writes, and for every request unless
    ``public_read_only``. ``pipeline``: an already loaded NLP pipeline for
    ``POST /api/ingest`` (loaded on first use otherwise).
    """
    from communique.web import routes_api, routes_pages

    settings = WebSettings(str(db_path), token or None, public_read_only, max_body, model,
                           pipeline)
    app = FastAPI(title="communique", version=__version__,
                  description="Events (PLOVER/CAMEO), quotations and articles from one "
                              "communique database.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.settings = settings
    app.state.stores = StorePool(settings.db_path)
    app.state.cache = Cache()
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    routes_pages.configure(app.state.templates)
    _install_guards(app, settings)
    _install_errors(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router, default_response_class=HTMLResponse)
    return app
