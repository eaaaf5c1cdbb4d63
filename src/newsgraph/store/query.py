"""The search syntax: user text to a safe FTS5 query, and the same query tested on a
string in Python (for quotes, which have no full-text index of their own).

Syntax (documented on the search page and in docs/workbench.md):

- ``word word``: both words (AND);
- ``"a phrase"``: the words next to each other, in that order;
- ``word OR word``: either (``OR`` in capitals; binds the neighbours only: ``a OR b c`` is ``(a OR b) AND c``);
- ``-word`` or ``-"a phrase"``: not this (``NOT word`` too);
- ``wor*``: any word starting with ``wor``.

Every word or phrase becomes an FTS5 string (``"..."``, inner quotes doubled), so
nothing the user types is FTS5 syntax except through these rules; anything else
(``NEAR``, ``^``, ``:``, brackets) is searched as text or dropped with the
punctuation.  What cannot be searched gives a message, never an error.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Term", "ParsedQuery", "parse_query", "words_of"]

MAX_TERMS = 32
_TOKEN = re.compile(r'-?"[^"]*"?|\S+')


@dataclass(frozen=True)
class Term:
    """A word (``words`` of one), or a phrase, optionally a prefix (its last word)."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        text = '"' + " ".join(self.words).replace('"', '""') + '"'
        return text + " *" if self.prefix else text

    def matches(self, tokens: list[str]) -> bool:
        n = len(self.words)
        for i in range(len(tokens) - n + 1):
            if tokens[i : i + n - 1] == list(self.words[:-1]) and (
                tokens[i + n - 1].startswith(self.words[-1]) if self.prefix else tokens[i + n - 1] == self.words[-1]
            ):
                return True
        return False


@dataclass
class ParsedQuery:
    """Groups of alternatives, all required (``[[a, b], [c]]``: (a OR b) AND c), and
    terms excluded.  ``message`` explains anything dropped or not understood."""

    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    message: str | None = None

    @property
    def searchable(self) -> bool:
        return bool(self.groups)

    def fts(self, with_exclusions: bool = True) -> str | None:
        """The FTS5 MATCH expression, or None when nothing is searchable."""
        if not self.groups:
            return None
        required = " AND ".join("(" + " OR ".join(t.fts() for t in group) + ")" for group in self.groups)
        if with_exclusions and self.excluded:
            return f"({required}) NOT ({' OR '.join(t.fts() for t in self.excluded)})"
        return required

    def matches(self, text: str) -> bool:
        """Whether ``text`` satisfies the query, tokenised as FTS5's unicode61 does."""
        tokens = words_of(text)
        return all(any(t.matches(tokens) for t in group) for group in self.groups) and not any(
            t.matches(tokens) for t in self.excluded
        )


def words_of(text: str) -> list[str]:
    """Lower-case words without diacritics: close to FTS5's ``unicode61 remove_diacritics 2``."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.findall(r"[^\W_]+", plain)


def _term(raw: str) -> Term | None:
    phrase = raw.startswith('"')
    body = raw.strip('"') if phrase else raw
    prefix = body.endswith("*") and not phrase
    words = tuple(words_of(body))
    if not words:
        return None
    return Term(words, prefix=prefix)


def parse_query(text: object) -> ParsedQuery:
    """Parse user text; never raises.  See the module docstring for the syntax."""
    raw = str(text or "").encode("utf-8", "replace").decode("utf-8").replace("\x00", " ")
    query = ParsedQuery()
    notes: list[str] = []
    if raw.count('"') % 2:
        notes.append("A quotation mark was not closed: the phrase runs to the end of the query.")
    pending_or, negate_next = False, False
    for token in _TOKEN.findall(raw):
        if token == "OR":
            pending_or = bool(query.groups)
            continue
        if token in ("AND", "NOT"):
            negate_next = token == "NOT"
            continue
        negated = negate_next or (token.startswith("-") and len(token) > 1)
        negate_next = False
        term = _term(token[1:] if token.startswith("-") and len(token) > 1 else token)
        if term is None:
            pending_or = False
            continue
        if len(query.groups) + len(query.excluded) >= MAX_TERMS:
            notes.append(f"Only the first {MAX_TERMS} words or phrases were used.")
            break
        if negated:
            query.excluded.append(term)
        elif pending_or:
            query.groups[-1].append(term)
        else:
            query.groups.append([term])
        pending_or = False
    if not query.groups:
        notes.append(
            "A search needs at least one word to find: “-word” only leaves words out."
            if query.excluded
            else "Type at least one word or number: punctuation and symbols are not searchable."
        )
    query.message = " ".join(dict.fromkeys(notes)) or None
    return query
