"""Factiva exports: many articles in one file, each a block of two-letter fields.

Factiva writes every article as ``HD`` (headline), ``BY`` (byline), ``WC`` (word
count), ``PD`` (publication date), ``SN`` (source name), ``SC`` (source code),
``LA`` (language), ``LP`` (lead paragraphs), ``TD`` (the rest of the text) and
``AN`` (accession number), among others.  In its RTF and HTML exports each field
is a table row, code in the first cell; ``text_of_html`` and the RTF reader turn
them into lines of text first: the code, a tab, the value.  A field's value runs
to the next field line.

The body is LP and TD.  Inside it a line ends the body only when it is a code
alone or a code and a tab, so a sentence opening with "IN" or "BY" stays text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .base import PARSER_ERRORS, ReadOptions, error_detail, iso_date, read_limited
from .exports import ExportArticle, documents_from_export, language_code, words_in
from .isolate import Deadline, extract_isolated

__all__ = ["FORMAT", "looks_like", "split", "count_headlines", "text_of_html", "read_factiva_html"]

FORMAT = "factiva"

CODES = frozenset("HD CX SE HL BY CR WC PD ET SN SC ED PG VOL LA CY LP TD CT RF CO IN NS RE IPC IPD PUB AN".split())
_BODY = ("LP", "TD")
_FIELD = re.compile(r"^[ \t]*([A-Z]{2,3})(?:([ \t]+)(.*?))?[ \t]*\r?$")
_HEADLINE = re.compile(r"^[ \t]*HD(?:[ \t]|\r?$)", re.MULTILINE)
_MARKERS = tuple(re.compile(rf"^[ \t]*{code}(?:[ \t]|\r?$)", re.MULTILINE) for code in ("HD", "PD", "SN", "AN"))


def looks_like(text: str) -> bool:
    """True if ``text`` holds Factiva article blocks (HD, PD, SN and AN field lines)."""
    return all(marker.search(text) for marker in _MARKERS)


def count_headlines(text: str) -> int:
    """How many ``HD`` field lines ``text`` holds: each opens an article (``split``), so this is
    the number of articles of a Factiva text export (progress totals)."""
    return len(_HEADLINE.findall(text))


def split(text: str) -> list[ExportArticle]:
    starts = [m.start() for m in _HEADLINE.finditer(text)]
    ends = [*starts[1:], len(text)]
    return [_article(text, start, end) for start, end in zip(starts, ends, strict=True)]


def _field(line: str, in_body: bool) -> tuple[str, int] | None:
    """``(code, where its value starts in the line)`` if ``line`` opens a field."""
    match = _FIELD.match(line)
    if not match or match.group(1) not in CODES:
        return None
    if in_body and match.group(3) and "\t" not in match.group(2) and match.group(1) != "AN":
        return None  # "IN a statement, ..." inside the text: a sentence, not a field
    return match.group(1), match.end(2) if match.group(2) else match.end(1)


def _article(text: str, start: int, end: int) -> ExportArticle:
    spans: dict[str, list[tuple[int, int]]] = {}
    code = None
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        stop = end if newline < 0 else newline
        line_end = stop - 1 if stop > pos and text[stop - 1] == "\r" else stop
        line = text[pos:line_end]
        found = _field(line, in_body=code in _BODY)
        if found is not None:
            code, offset = found
            spans.setdefault(code, []).append((pos + offset, line_end))
        elif code is not None and line.strip():
            spans[code].append((pos, line_end))
        elif code is not None:
            spans[code].append((pos, pos))  # a blank line: keeps paragraphs apart in the body
        pos = stop + 1

    def value(code: str) -> str | None:
        joined = " ".join(text[s:e].strip() for s, e in spans.get(code, []))
        return " ".join(joined.split()) or None

    article = ExportArticle(start=start, end=end, headline=_trimmed(text, spans.get("HD", [])), body=[])
    for code in _BODY:
        span = _trimmed(text, spans.get(code, []))
        if span:
            article.body.append(span)
    article.title = value("HD")
    article.author = re.sub(r"^by\s+", "", value("BY") or "", flags=re.IGNORECASE) or None
    article.source = value("SN")
    article.published = _date(value("PD"))
    article.length = words_in(value("WC"))
    article.language = language_code(value("LA"))
    article.section = value("SE")
    for code, name in (("AN", "accession_number"), ("SC", "source_code"), ("CY", "copyright"), ("LA", "language")):
        if value(code):
            article.extra[name] = value(code)
    return article


def _trimmed(text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    filled = [(s, e) for s, e in spans if text[s:e].strip()]
    if not filled:
        return None
    start, end = filled[0][0], filled[-1][1]
    start += len(text[start:end]) - len(text[start:end].lstrip())
    return start, end


def _date(value: str | None) -> str | None:
    if not value:
        return None
    return iso_date(value) or iso_date(re.sub(r"^(\d{1,2}) ([A-Za-z]+) (\d{4}).*", r"\1 \2 \3", value))


def text_of_html(html: bytes) -> str:
    """The text of a Factiva HTML export: each table row as ``CODE<TAB>value``, paragraphs on their own lines."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    lines: list[str] = []
    for row in root.iter("tr"):
        cells = row.findall("td")
        if len(cells) < 2:
            continue
        code = cells[0].text_content().strip()
        if code not in CODES:
            continue
        paragraphs = cells[1].findall(".//p")
        values = [" ".join(p.text_content().split()) for p in paragraphs] or [" ".join(cells[1].text_content().split())]
        lines.append(f"{code}\t{values[0]}")
        for paragraph in values[1:]:
            lines.extend(["", paragraph])
        lines.append("")
    return "\n".join(lines)


def extract_factiva_html_text(path: Path, max_bytes: int, deadline: Deadline | None = None) -> str:
    """The text of the Factiva HTML export at ``path`` (see ``text_of_html``); E012/E018."""
    from lxml.etree import LxmlError

    data = read_limited(path, max_bytes)
    try:
        return text_of_html(data)
    except (LxmlError, *PARSER_ERRORS) as err:
        raise InputError("E018", path=str(path), detail=error_detail(err)) from None


def read_factiva_html(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """Each article of a Factiva HTML export."""
    text = extract_isolated(
        extract_factiva_html_text, (path, options.html_max_bytes), path=str(path), fmt="html", options=options
    )
    articles = split(text)
    if not articles:
        raise InputError("E008", path=str(path))
    yield from documents_from_export(text, articles, path=str(path), fmt=FORMAT, options=options, wrapped=False)
