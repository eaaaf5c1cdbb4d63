"""The web reader and explorer: ``create_app(db_path)`` and ``serve(db, host, port)``.

Server-rendered HTML (Jinja2, autoescaped) with a little vanilla JS from
``static/``; a JSON API under ``/api``.  The database is opened read-only; only in
edit mode (``edit.py``) are corrections written, each through ``store.corrector``.
Every response carries a strict Content-Security-Policy: no inline script or
style, nothing from other origins (all assets are vendored).  Only the host names
the server was started for are answered (``network.py``: no DNS rebinding); HEAD
answers like GET everywhere, and a 405 names the allowed methods.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from importlib.metadata import version
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from . import api, edit, finding, graphs, pages
from .context import HERE, WebContext
from .network import LOCAL_HOSTS, allowed_hosts_for, base_url, host_pattern, listen

__all__ = ["create_app", "serve", "SECURITY_HEADERS"]

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Pure ASGI middleware (streams untouched) adding the security headers to every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Pure ASGI middleware: HEAD is answered by the GET handler, and only its status
    and headers are sent (RFC 9110: HEAD is GET without the content).  Every route,
    present and future, thereby answers HEAD."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def _allow_header(headers: dict[str, str] | None) -> dict[str, str] | None:
    """A 405's headers, with HEAD listed wherever GET is (HeadAsGet serves it)."""
    allow = (headers or {}).get("Allow")
    if allow is None:
        return headers
    methods = {m.strip().upper() for m in allow.split(",") if m.strip()}
    if "GET" in methods:
        methods.add("HEAD")
    order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]  # routes hold sets: fix one order
    listed = sorted(methods, key=lambda m: (order.index(m) if m in order else len(order), m))
    return {**(headers or {}), "Allow": ", ".join(listed)}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def create_app(
    db_path: str | Path, allowed_hosts: Sequence[str] = LOCAL_HOSTS, editor: edit.Editor | None = None
) -> FastAPI:
    """The app over the store at ``db_path`` (opened read-only; raises StoreError if it
    is missing or not a newsgraph store).  It answers only requests whose ``Host`` is
    one of ``allowed_hosts`` (names, addresses, ``*.domain``, or ``*`` for any; E403
    for anything else); any other host gets a bare 400.  With an ``editor`` (``serve
    --edit``) it also takes corrections, from sessions that logged in with its token."""
    hosts = [host_pattern(h) for h in allowed_hosts]
    ctx = WebContext(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        ctx.close()

    app = FastAPI(
        title="newsgraph",
        version=version("newsgraph"),
        description="Read-only JSON API over a newsgraph store: articles with evidence-linked "
        "facts, corpus entities, events and full-text search.  Offsets are character offsets "
        "into an article's clean text.",
        docs_url=None,  # Swagger UI would load from a CDN; /docs is our own page
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    app.state.editor = editor
    ctx.env.globals["editing"] = edit.editing
    # The last added runs first: security headers on everything, even a refused host.
    app.add_middleware(HeadAsGet)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts, www_redirect=False)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(pages.router)
    app.include_router(graphs.router)
    app.include_router(finding.router)
    app.include_router(api.router)
    if editor is not None:  # without it no route takes a POST: the reader stays read-only
        app.include_router(edit.router)

    def error(request: Request, status: int, message: str, headers: dict[str, str] | None = None):
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        response = ctx.render(request, "error.html", status_code=status, status=status, message=message)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no page at this address."
        return error(request, exc.status_code, message, _allow_header(exc.headers))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        if _wants_json(request):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        return error(request, 400, "Some parameters of this address are not valid.")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        return error(request, 500, "Something went wrong on the server.")

    return app


def serve(
    db: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    allowed_hosts: Iterable[str] = (),
    on_listening: Callable[[str], None] | None = None,
    editor: edit.Editor | None = None,
) -> None:
    """Run the app with uvicorn on ``host``:``port`` (localhost only unless ``host``
    says otherwise), answering the names ``allowed_hosts_for(host, allowed_hosts)``.

    The socket is bound here, before uvicorn starts, so that a bad or taken port is
    a ServeError (E401, E402) and ``on_listening(url)`` is called only once the
    server can really be reached."""
    import uvicorn

    app = create_app(db, allowed_hosts_for(host, allowed_hosts), editor)
    sock = listen(host, port)
    if on_listening is not None:
        on_listening(base_url(sock))
    config = uvicorn.Config(app, server_header=False, proxy_headers=False)
    uvicorn.Server(config).run(sockets=[sock])
