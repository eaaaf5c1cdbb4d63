"""Edit mode (``newsgraph serve --edit``): corrections from the reader and entity pages.

Only mounted when the server is started with an edit token; without one every POST is a 405,
as on the read-only reader.  Who may edit: whoever opens ``/edit/login?token=...`` (or posts the
token to ``/edit/login``) gets a session cookie (HttpOnly, SameSite=Strict).  Every form carries
that session's CSRF token, checked on every POST (403 without a session or with a wrong token),
so another site cannot make a logged-in browser post a correction.  Corrections are written by
``store.corrector.Corrector``; the web package holds no SQL.
"""

from __future__ import annotations

import re
import secrets
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import NewsgraphError, ServeError
from ..store.corrector import Corrector
from .context import ARTICLE_ID, WebContext

__all__ = ["COOKIE", "MIN_TOKEN_LENGTH", "Editor", "check_token", "router"]

COOKIE = "newsgraph_edit"
MIN_TOKEN_LENGTH = 16
MAX_FORM_BYTES = 16_384
EVENT_TYPE = re.compile(r"[A-Za-z_]{1,40}")

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def check_token(token: str) -> str:
    """The token if it is long enough to guess at no better than chance, else E404."""
    if len(token) < MIN_TOKEN_LENGTH:
        raise ServeError("E404", minimum=MIN_TOKEN_LENGTH)
    return token


@dataclass
class Editor:
    """The edit token, the user corrections are made as, and the live sessions (session id -> CSRF token)."""

    token: str
    user: str | None = None
    _sessions: dict[str, str] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def login(self, token: str) -> str | None:
        """A new session id when ``token`` is the edit token, else None."""
        if not secrets.compare_digest(token.encode(), self.token.encode()):
            return None
        session = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[session] = secrets.token_urlsafe(32)
        return session

    def csrf_for(self, request: Request) -> str | None:
        """The CSRF token of the request's session; None when it has none (not logged in)."""
        session = request.cookies.get(COOKIE, "")
        with self._lock:
            return self._sessions.get(session)


def editing(request: Request) -> str | None:
    """For templates: the CSRF token to put in edit forms, or None (not editing)."""
    editor: Editor | None = getattr(request.app.state, "editor", None)
    return editor.csrf_for(request) if editor else None


def ctx(request: Request) -> WebContext:
    return request.app.state.ctx


async def _form(request: Request) -> dict[str, str]:
    """The posted form (the first value of each field), after the session and CSRF checks."""
    return {k: v[0] for k, v in (await _form_lists(request)).items()}


async def _form_lists(request: Request) -> dict[str, list[str]]:
    """The posted form with every value of each field (multiple selects), after checking the
    session and its CSRF token (403 otherwise)."""
    editor: Editor = request.app.state.editor
    expected = editor.csrf_for(request)
    if expected is None:
        raise HTTPException(403, "Editing needs the edit token: open the login address the server printed.")
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise HTTPException(413, "The form is too large.")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    if not secrets.compare_digest(fields.get("csrf", [""])[0].encode(), expected.encode()):
        raise HTTPException(403, "The form is out of date or did not come from this site (CSRF check failed).")
    return fields


def _correct(request: Request, action):
    """Run ``action(corrector)`` and return what it returns; a refused correction is a 400 naming why."""
    editor: Editor = request.app.state.editor
    try:
        with Corrector(ctx(request).db_path, user=editor.user) as corrector:
            return action(corrector)
    except NewsgraphError as exc:
        raise HTTPException(400, exc.line()) from None


def _int(fields: dict[str, str], name: str) -> int:
    try:
        return int(fields.get(name, "").strip())
    except ValueError:
        raise HTTPException(400, f"'{name}' must be an entity id (a number).") from None


def _ids(values: list[str], name: str) -> list[int]:
    try:
        return [int(v) for v in values if v.strip()]
    except ValueError:
        raise HTTPException(400, f"'{name}' must be entity ids (numbers).") from None


def _article_scope(fields: dict[str, str]) -> str | None:
    """The article a correction is limited to, if the form names one."""
    article_id = fields.get("article", "").strip()
    if article_id and not ARTICLE_ID.fullmatch(article_id):
        raise HTTPException(400, "'article' must be an article id.")
    return article_id or None


def _back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# -- logging in ------------------------------------------------------------------


def _logged_in(session: str) -> RedirectResponse:
    response = _back("/corrections")
    response.set_cookie(COOKIE, session, httponly=True, samesite="strict", path="/")
    return response


@router.get("/edit/login")
def login_page(request: Request, token: str = ""):
    if token:
        session = request.app.state.editor.login(token)
        if session:
            return _logged_in(session)
    status = 403 if token else 200
    return ctx(request).render(request, "edit_login.html", status_code=status, refused=bool(token))


@router.post("/edit/login")
async def login(request: Request):
    body = await request.body()
    token = parse_qs(body[:MAX_FORM_BYTES].decode("utf-8", "replace")).get("token", [""])[0]
    session = request.app.state.editor.login(token)
    if session is None:
        return ctx(request).render(request, "edit_login.html", status_code=403, refused=True)
    return _logged_in(session)


# -- the corrections ---------------------------------------------------------------


@router.get("/corrections")
def corrections_page(request: Request):
    found = ctx(request).db.corrections()
    return ctx(request).render(request, "corrections.html", corrections=list(reversed(found)))


@router.post("/edit/entities/{entity_id}/{action}")
async def edit_entity(request: Request, entity_id: int, action: str):
    fields = await _form(request)
    reason = fields.get("reason", "")
    if action == "merge":
        into = _int(fields, "into")
        _correct(request, lambda c: c.merge(entity_id, into, reason))
        return _back(f"/entities/{into}")
    if action == "reject":
        _correct(request, lambda c: c.reject(entity_id, reason))
        return _back("/corrections")
    if action == "relink":
        # Another place or person for the mentions called ``name``; no target: split them off.
        into = _int(fields, "into") if fields.get("into", "").strip() else None
        scope = _article_scope(fields)
        done = _correct(request, lambda c: c.relink(entity_id, fields.get("name", ""), into, reason, scope))
        return _back(f"/articles/{scope}" if scope else f"/entities/{done.after['entity_id']}")
    if action == "rename":
        _correct(request, lambda c: c.rename(entity_id, fields.get("name", ""), reason))
    elif action == "retype":
        _correct(request, lambda c: c.retype(entity_id, fields.get("type", ""), reason))
    else:
        raise HTTPException(404, "There is no such correction.")
    return _back(f"/entities/{entity_id}")


@router.post("/edit/articles/{article_id}/{fact}/{start}-{end}/reject")
async def reject_fact(request: Request, article_id: str, fact: str, start: int, end: int):
    if not ARTICLE_ID.fullmatch(article_id) or fact not in ("quote", "event"):
        raise HTTPException(404, "There is no such fact.")
    fields = await _form(request)
    reason = fields.get("reason", "")
    if fact == "quote":
        _correct(request, lambda c: c.reject_quote(article_id, start, end, reason))
    else:
        _correct(request, lambda c: c.reject_event(article_id, start, end, reason))
    return _back(f"/articles/{article_id}")


@router.post("/edit/articles/{article_id}/quote/{start}-{end}/reattribute")
async def reattribute_quote(request: Request, article_id: str, start: int, end: int):
    if not ARTICLE_ID.fullmatch(article_id):
        raise HTTPException(404, "There is no such fact.")
    fields = await _form(request)
    speaker = _int(fields, "speaker")
    _correct(request, lambda c: c.reattribute_quote(article_id, start, end, speaker, fields.get("reason", "")))
    return _back(f"/articles/{article_id}")


@router.post("/edit/articles/{article_id}/event/{start}-{end}/edit")
async def edit_event(request: Request, article_id: str, start: int, end: int):
    """A new type and the full lists of source and target actors (an empty list clears them)."""
    if not ARTICLE_ID.fullmatch(article_id):
        raise HTTPException(404, "There is no such fact.")
    fields = await _form_lists(request)
    type_ = fields.get("type", [""])[0].strip() or None
    if type_ and not EVENT_TYPE.fullmatch(type_):
        raise HTTPException(400, "An event type is a word of letters and underscores (e.g. PROTEST).")
    source, target = _ids(fields.get("source", []), "source"), _ids(fields.get("target", []), "target")
    reason = fields.get("reason", [""])[0]
    _correct(request, lambda c: c.edit_event(article_id, start, end, type_, source, target, reason))
    return _back(f"/articles/{article_id}")


@router.post("/edit/corrections/{correction_id}/undo")
async def undo(request: Request, correction_id: int):
    await _form(request)
    _correct(request, lambda c: c.undo(correction_id))
    return _back("/corrections")
