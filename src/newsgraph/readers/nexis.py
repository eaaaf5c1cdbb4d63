"""LexisNexis (Nexis, Nexis Uni) exports: many articles in one text or Word file.

Two layouts are read, as Nexis has written them:

- the classic one, each article opened by a centred ``N of M DOCUMENTS`` line,
  then the outlet, the date line (and edition lines), the headline, the
  ``BYLINE:``/``SECTION:``/``LENGTH:`` fields, the body, and the
  ``LOAD-DATE:``/``LANGUAGE:``/... fields after it;
- Nexis Uni's, each article closed by an ``End of Document`` line: the headline,
  the outlet, the date line, ``Section:``/``Length:``/``Byline:``, a ``Body``
  line, the body, then ``Load-Date:``/``Language:``/... (a table of contents
  before the first article is left out).

Only field names Nexis uses end a body, so a body line such as "UPDATE: talks
resumed" stays in the text.
"""

from __future__ import annotations

import datetime as dt
import re

from .exports import ExportArticle, language_code, words_in

__all__ = ["FORMAT", "looks_like", "split", "count_markers"]

FORMAT = "nexis"

_CLASSIC_HEADER = re.compile(r"^[ \t]*\d+ of \d+ DOCUMENTS?[ \t]*\r?$", re.MULTILINE)
_UNI_END = re.compile(r"^[ \t]*End of Document[ \t]*\r?$", re.MULTILINE)
_UNI_BODY = re.compile(r"^Body[ \t]*\r?$", re.MULTILINE)

# Fields Nexis writes before or after a body (upper case in the classic layout, capitalised in Uni's).
FIELDS = frozenset(
    """ACC-NO BYLINE CITY COLUMN COMPANY CORRECTION CORRECTION-DATE COUNTRY DATELINE DISTRIBUTION
    DOCUMENT-TYPE EDITION GEOGRAPHIC GRAPHIC HIGHLIGHT INDUSTRY JOURNAL-CODE LANGUAGE LENGTH LOAD-DATE
    NAME NOTES ORGANIZATION PERSON PUBLICATION-TYPE SECTION SERIES STATE SUBJECT TICKER TYPE URL""".split()
)
_FIELD = re.compile(r"^[ \t]*([A-Za-z][A-Za-z-]+):[ \t\xa0]*(.*?)[ \t]*\r?$")
_DATE = re.compile(r"\b([A-Z][a-z]+)\.? (\d{1,2}),? (\d{4})\b|\b(\d{1,2}) ([A-Z][a-z]+) (\d{4})\b")


def looks_like(text: str) -> bool:
    """True if ``text`` is a Nexis export in either layout."""
    return bool(_CLASSIC_HEADER.search(text) or (_UNI_END.search(text) and _UNI_BODY.search(text)))


def count_markers(text: str) -> tuple[int, int]:
    """How many ``N of M DOCUMENTS`` header lines and ``End of Document`` lines ``text`` holds:
    the number of articles of a classic export, or of a Nexis Uni one (progress totals)."""
    return len(_CLASSIC_HEADER.findall(text)), len(_UNI_END.findall(text))


def split(text: str) -> list[ExportArticle]:
    """The articles of a Nexis export, in file order."""
    headers = [m.start() for m in _CLASSIC_HEADER.finditer(text)]
    if headers:
        ends = [*headers[1:], len(text)]
        return [_classic(text, start, end) for start, end in zip(headers, ends, strict=True)]
    articles = []
    start = 0
    for end_line in _UNI_END.finditer(text):
        articles.append(_uni(text, start, end_line.start()))
        start = end_line.end()
    return articles


# -- lines -------------------------------------------------------------------


class _Line:
    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indented(self) -> bool:
        return self.text[:1] in (" ", "\t")

    def field(self) -> tuple[str, str] | None:
        """``(NAME, value)`` if this line is a Nexis field line."""
        match = _FIELD.match(self.text)
        if match and match.group(1).upper() in FIELDS:
            return match.group(1).upper(), match.group(2).strip()
        return None


def _lines(text: str, start: int, end: int) -> list[_Line]:
    lines = []
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        stop = end if newline < 0 else newline
        content_end = stop - 1 if stop > pos and text[stop - 1] == "\r" else stop
        lines.append(_Line(pos, content_end, text[pos:content_end]))
        pos = stop + 1
    return lines


def _date(value: str) -> str | None:
    match = _DATE.search(value)
    if not match:
        return None
    month, day, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) else match.group(5, 4, 6)
    for fmt in ("%B %d %Y", "%b %d %Y"):
        try:
            return dt.datetime.strptime(f"{month} {day} {year}", fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _byline(value: str) -> str:
    return re.sub(r"^by\s+", "", value, flags=re.IGNORECASE).strip()


def _apply_fields(article: ExportArticle, fields: dict[str, str]) -> None:
    for name, value in fields.items():
        if name == "BYLINE":
            article.author = _byline(value) or None
        elif name == "SECTION":
            article.section = value or None
        elif name == "LENGTH":
            article.length = words_in(value)
        elif name == "LANGUAGE":
            article.language = language_code(value)
            article.extra["language"] = value
        elif name == "URL":
            article.url = value or None
        else:
            article.extra[name.lower()] = value


def _read_fields(lines: list[_Line], i: int, fields: dict[str, str]) -> int:
    """Read the field lines (and their continuation lines) from ``lines[i]``; the index after them."""
    while i < len(lines):
        if lines[i].blank:
            i += 1
            continue
        found = lines[i].field()
        if found is None:
            break
        name, value = found
        i += 1
        while i < len(lines) and not lines[i].blank and lines[i].field() is None:
            value = f"{value} {lines[i].text.strip()}".strip()
            i += 1
        fields.setdefault(name, value)
    return i


def _span(lines: list[_Line]) -> tuple[int, int] | None:
    filled = [line for line in lines if not line.blank]
    return (filled[0].start, filled[-1].end) if filled else None


def _body_and_tail(lines: list[_Line], i: int, fields: dict[str, str]) -> list[tuple[int, int]]:
    """The body from ``lines[i]`` to the first field line (or a copyright footer); tail fields into ``fields``."""
    end = len(lines)
    for j in range(i, len(lines)):
        line = lines[j]
        if line.field() is not None or (line.indented and line.text.strip().startswith("Copyright ")):
            end = j
            break
        if line.text.strip() == "Classification":  # Nexis Uni's heading over the tail fields
            end = j
            break
    tail = end
    while tail < len(lines):  # field lines among the headings and notes after the body
        tail = _read_fields(lines, tail, fields) + 1
    body = _span(lines[i:end])
    return [body] if body else []


# -- the classic layout --------------------------------------------------------


def _classic(text: str, start: int, end: int) -> ExportArticle:
    lines = _lines(text, start, end)
    article = ExportArticle(start=start, end=end, headline=None, body=[])
    i = 1  # lines[0] is "N of M DOCUMENTS"
    header = []
    while i < len(lines) and (lines[i].blank or lines[i].indented) and lines[i].field() is None:
        if not lines[i].blank:
            header.append(lines[i].text.strip())
        i += 1
    if header:
        article.source = header[0]
        for k, line in enumerate(header[1:], start=1):
            if article.published is None and (found := _date(line)):
                article.published = found
                if header[k + 1 :]:
                    article.extra["edition"] = " ".join(header[k + 1 :])
                break
    if i < len(lines) and lines[i].field() is None:
        j = i
        while j < len(lines) and not lines[j].blank:
            j += 1
        article.headline = _span(lines[i:j])
        if article.headline:
            article.title = " ".join(text[slice(*article.headline)].split())
        i = j
    fields: dict[str, str] = {}
    i = _read_fields(lines, i, fields)
    article.body = _body_and_tail(lines, i, fields)
    _apply_fields(article, fields)
    return article


# -- the Nexis Uni layout ------------------------------------------------------


def _uni(text: str, start: int, end: int) -> ExportArticle:
    lines = _lines(text, start, end)
    body_at = next((k for k, line in enumerate(lines) if line.text.strip() == "Body"), None)
    article = ExportArticle(start=start, end=end, headline=None, body=[])
    if body_at is None:
        return article  # no body: an error for this article
    # Walk back from "Body": the fields, a copyright line, the date, the outlet, the headline.
    k = body_at - 1
    fields: dict[str, str] = {}
    while k >= 0 and (lines[k].blank or lines[k].field() is not None):
        if (found := lines[k].field()) is not None:
            fields.setdefault(*found)
        k -= 1
    if k >= 0 and lines[k].text.strip().startswith("Copyright"):
        article.extra["copyright"] = lines[k].text.strip()
        k -= 1
    header: list[_Line] = []
    while k >= 0 and len(header) < 3:
        if not lines[k].blank:
            header.insert(0, lines[k])
        k -= 1
    if len(header) == 3:
        headline, outlet, date_line = header
        article.start = headline.start
        article.headline = (headline.start, headline.end)
        article.title = " ".join(headline.text.split())
        article.source = outlet.text.strip()
        article.published = _date(date_line.text)
    elif header:
        article.start = header[0].start
    article.body = _body_and_tail(lines, body_at + 1, fields)
    _apply_fields(article, fields)
    return article
