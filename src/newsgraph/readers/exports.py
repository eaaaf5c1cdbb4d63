"""What the multi-article export formats (Nexis, Factiva) share.

A format module (``nexis``, ``factiva``) finds the articles in an export's text
and says, for each, which spans are its headline and body and what its fields
say.  ``documents_from_export`` turns them into Documents: one per article,
``source_text`` the article's block of the export, ``source_offset`` where that
block begins, so ``Document.file_span`` points into the export's text.  An
article that cannot be read is one error (E025) and the export goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Document
from .base import ReadOptions, document_from_parts

__all__ = ["ExportArticle", "documents_from_export", "language_code", "words_in", "FORMAT_NAMES"]


@dataclass
class ExportArticle:
    """One article of an export: offsets into the export's text."""

    start: int  # the article's block: from its header ...
    end: int  # ... to the next article's
    headline: tuple[int, int] | None  # the headline's span, if it has one
    body: list[tuple[int, int]]  # the body's spans (paragraph groups), in reading order
    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date
    author: str | None = None
    section: str | None = None
    language: str | None = None  # ISO 639-1
    length: int | None = None
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def documents_from_export(
    text: str,
    articles: list[ExportArticle],
    *,
    path: str,
    fmt: str,
    options: ReadOptions,
    wrapped: bool | None = None,
) -> Iterator[Document | InputError]:
    """A Document for each article (``path#N`` for the Nth), or an InputError for one that has no body."""
    for number, article in enumerate(articles, start=1):
        where = f"{path}#{number}"
        body = [(s, e) for s, e in article.body if text[s:e].strip()]
        if not body:
            yield InputError("E025", path=where, fmt=FORMAT_NAMES.get(fmt, fmt), detail="it has no body text")
            continue
        spans = ([article.headline] if article.headline else []) + body
        parts = [(s - article.start, e - article.start) for s, e in spans]
        block = text[article.start : article.end]
        try:
            yield document_from_parts(
                block,
                parts,
                path=where,
                fmt=fmt,
                options=options,
                title=article.title,
                published=article.published,
                source=article.source,
                author=article.author,
                url=article.url,
                section=article.section,
                language=article.language,
                length=article.length,
                source_offset=article.start,
                extra=dict(article.extra),
                wrapped=wrapped,
            )
        except InputError as err:  # e.g. more words than max_words (E022): this article only
            yield err


FORMAT_NAMES = {"nexis": "Nexis", "factiva": "Factiva"}

_LANGUAGES = {
    "english": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "spanish": "es",
    "español": "es",
    "italian": "it",
    "portuguese": "pt",
    "dutch": "nl",
    "russian": "ru",
    "ukrainian": "uk",
    "polish": "pl",
    "arabic": "ar",
    "chinese": "zh",
    "japanese": "ja",
    "turkish": "tr",
    "swedish": "sv",
    "danish": "da",
    "norwegian": "no",
    "finnish": "fi",
}
_CODE = re.compile(r"[a-z]{2}")


def language_code(value: str | None) -> str | None:
    """ISO 639-1 code of a language as exports write it ("ENGLISH", "English", "en"); None if unknown.

    An unknown name gives None, not a guess: the article's language is then
    detected from its text, as for any file.
    """
    if not value:
        return None
    first = re.split(r"[;,/]", value.strip())[0].strip().casefold()
    if _CODE.fullmatch(first):
        return first
    return _LANGUAGES.get(first)


def words_in(value: str | None) -> int | None:
    """The number in a declared length ("355 words", "2,968 words"), or None."""
    match = re.search(r"\d[\d,.]*", value or "")
    return int(re.sub(r"[,.]", "", match.group())) if match else None
