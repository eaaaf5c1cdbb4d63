"""Errors with codes, in the manner of spaCy's ``Errors``.

Core code raises these; the CLI turns them into one clear line naming the file
and the reason (and a traceback only under ``--debug``).
"""

from __future__ import annotations

import re

__all__ = ["NewsgraphError", "InputError", "StoreError", "OutputError", "ServeError", "E", "printable"]

# C0 and C1 control characters, DEL, and the Unicode bidirectional controls that
# reorder what a terminal shows ("Trojan Source").  Tab and newline are included:
# one error is one line.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def printable(text: object) -> str:
    """``text`` safe to print on a terminal: control characters (ESC, CR, newline, bidi
    overrides...) become visible escapes such as ``\\x1b`` and ``\\n``.

    Everything newsgraph prints that comes from its input (file names, titles,
    sources, reasons quoting a file) goes through here, so a hostile file name
    can neither send escape sequences to the terminal nor split its error line.
    """
    return _UNPRINTABLE.sub(_escaped, str(text))


class E:
    """Error codes and their message templates.  Keep codes stable: users grep for them."""

    E001 = "path does not exist"
    E002 = "folder holds no readable articles"
    E003 = "file is empty"
    E004 = "file looks binary, not text"
    E005 = "PDF has no text layer; it needs OCR first"
    E006 = "PDF is corrupt or unreadable: {detail}"
    E007 = "PDF is encrypted"
    E008 = "HTML holds no article text"
    E009 = "line {line}: not valid JSON ({detail})"
    E010 = "line {line}: no 'text' field"
    E011 = "unsupported file type '{suffix}'"
    E012 = "file is larger than the limit of {limit} bytes"
    E013 = "could not read file: {detail}"
    E014 = "could not decode text in any known encoding"
    E015 = "text is not English (detected '{lang}'); skipped"
    E016 = "symlink loop or unreadable folder: {detail}"
    E017 = "reading took longer than the limit of {limit} s"
    E018 = "HTML could not be parsed: {detail}"
    E019 = "reading needed more memory than the limit of {limit} MB"
    E020 = "the {fmt} reader crashed ({detail})"
    E021 = "PDF has more than {limit} pages"
    E022 = "text has more than {limit} words; no news article is that long"
    E023 = "{kind}-compressed HTML unpacks to more than the limit of {limit} bytes"
    E024 = "content is {kind}, not the {fmt} its name says"
    E025 = "{fmt} export article could not be read: {detail}"
    E026 = "{fmt} document unpacks to more than the limit of {limit} bytes"
    E027 = "{fmt} document is corrupt or unreadable: {detail}"
    E028 = "manifest {where}: {detail}"
    E029 = "{option} '{value}' is not {expected}"
    E030 = "the server answered HTTP {status}"
    E031 = "robots.txt of {host} does not allow fetching it"
    E032 = "download failed: {detail}"
    E033 = "download is larger than the limit of {limit} bytes"
    E034 = "not a URL newsgraph fetches (http or https only)"
    E035 = "not an RSS or Atom feed: {detail}"
    E101 = "database is read-only: {detail}"
    E102 = "database is locked by another writer: {detail}"
    E103 = "disk is full: {detail}"
    E104 = "database file is not a newsgraph database: {detail}"
    E105 = "database schema version {found} is newer than this newsgraph ({supported})"
    E106 = "no article with id '{id}'"
    E107 = "database is damaged ({detail}); `newsgraph check --db` shows what is wrong; restore it from a backup"
    E108 = "database schema {detail}"
    E109 = "cannot keep a database here: {detail}"
    E110 = "no corpus entity with id {id}"
    E111 = "no {fact} at characters {start}-{end} of article '{article}'"
    E112 = "no correction with id {id} that can be undone"
    E113 = "rules file is not valid: {detail}"
    E114 = "correction refused: {detail}"
    E201 = "spaCy English model is not installed (tried {tried}); run `make install`"
    E301 = "refusing to write an export over the store it reads ({detail})"
    E302 = "refusing to write an export over an SQLite database"
    E303 = "already exists; pass --force to replace it"
    E304 = "cannot write the export here: {detail}"
    E401 = "port {port} is not a TCP port (0-65535; 0 picks a free one)"
    E402 = "cannot listen on {host} port {port}: {detail}"
    E403 = "'{host}' is not a host name, an IP address, '*.domain' or '*'"
    E404 = "the edit token is too short: at least {minimum} characters"


class NewsgraphError(Exception):
    """Base class.  ``code`` is one of the ``E`` attribute names."""

    def __init__(self, code: str, path: str | None = None, **details: object) -> None:
        self.code = code
        self.path = path
        self.details = details
        self.reason = getattr(E, code).format(**details)
        super().__init__(self.line())

    def line(self) -> str:
        """The one line a user sees: ``path: reason [code]``."""
        where = f"{self.path}: " if self.path else ""
        return printable(f"{where}{self.reason} [{self.code}]")


class InputError(NewsgraphError):
    """A source file or folder could not be read as articles."""


class StoreError(NewsgraphError):
    """The database could not be read or written."""


class OutputError(NewsgraphError):
    """An export could not be written where it was asked to go (nothing was overwritten)."""


class ServeError(NewsgraphError):
    """The web server could not start (port, address or host names)."""
