"""Errors with codes, in the manner of spaCy's ``Errors``.

Core code raises these; the CLI turns them into one clear line naming the file
and the reason (and a traceback only under ``--debug``).
"""

from __future__ import annotations

__all__ = ["NewsgraphError", "InputError", "StoreError", "E"]


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
    E101 = "database is read-only: {detail}"
    E102 = "database is locked by another writer: {detail}"
    E103 = "disk is full: {detail}"
    E104 = "database file is not a newsgraph database: {detail}"
    E105 = "database schema version {found} is newer than this newsgraph ({supported})"
    E106 = "no article with id '{id}'"
    E201 = "spaCy English model is not installed (tried {tried}); run `make install`"


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
        return f"{where}{self.reason} [{self.code}]"


class InputError(NewsgraphError):
    """A source file or folder could not be read as articles."""


class StoreError(NewsgraphError):
    """The database could not be read or written."""
