"""Nexis exports saved as HTML: the page's text laid out as Nexis lays out its text export, then split.

Nexis offers its exports as HTML too.  trafilatura would keep one "main text"
of such a page, with the BYLINE:/LENGTH: fields of every article in it.  So a
page whose start holds a Nexis document header (``sniff``: "1 of 250 DOCUMENTS"
in an element of its own, or Nexis Uni's "End of Document") is rendered here as
lines the way a browser shows it — each block element a line and a blank line
after it, a ``<br>`` a line break, a centred block (``<center>``,
``align=center``, ``text-align: center``) indented as the text export centres
it — and read by the Nexis text splitter (``nexis.split``).  If the rendered text
has no Nexis layout after all, the page is read as an ordinary HTML page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from . import nexis
from .base import PARSER_ERRORS, ReadOptions, error_detail, read_limited
from .exports import documents_from_export
from .html import read_html, unpack_compressed
from .isolate import Deadline, extract_isolated

__all__ = ["read_nexis_html", "text_of_html_lines"]

_BLOCKS = frozenset(
    """address article aside blockquote body center dd div dl doc docfull dt footer form h1 h2 h3 h4 h5 h6
    header hr li main nav ol p pre section table tbody td th thead tr ul""".split()
)
_SKIPPED = frozenset({"head", "script", "style", "template", "noscript"})
_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
CENTRE_INDENT = "    "  # what makes nexis.split read a line as a centred header line


def text_of_html_lines(html: bytes, deadline: Deadline | None = None) -> str:
    """The text of an HTML page as lines, as a browser shows it (see the module docstring)."""
    import lxml.html

    root = lxml.html.document_fromstring(html)
    centred_classes = _centred_classes(root)
    lines: list[str] = []
    pending: list[str] = []

    def flush(centred: bool, blank_after: bool) -> None:
        text = " ".join("".join(pending).split())
        pending.clear()
        if text:
            lines.append(CENTRE_INDENT + text if centred else text)
        if blank_after and lines and lines[-1]:
            lines.append("")

    # An explicit stack rather than recursion: (element, centred, entering?)
    stack: list[tuple[object, bool, bool]] = [(root, False, True)]
    while stack:
        element, centred, entering = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not entering:
            if tag in _BLOCKS:
                flush(centred, blank_after=True)
            if element.tail:
                pending.append(element.tail)
            continue
        if deadline is not None and len(stack) % 1024 == 0:
            deadline.check()
        if tag in _SKIPPED or not tag:  # comments and processing instructions keep only their tail
            if element.tail:
                pending.append(element.tail)
            continue
        centred = centred or _is_centred(element, tag, centred_classes)
        if tag == "br":
            flush(centred, blank_after=False)
            if element.tail:
                pending.append(element.tail)
            continue
        if tag in _BLOCKS:
            flush(centred, blank_after=True)
        if element.text:
            pending.append(element.text)
        stack.append((element, centred, False))
        stack.extend((child, centred, True) for child in reversed(element))
    flush(False, blank_after=False)
    return "\n".join(lines)


def _centred_classes(root) -> frozenset[str]:
    """Class names the page's style sheets centre (``.c0 { text-align: center; }``)."""
    names: set[str] = set()
    for style in root.iter("style"):
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style.text_content()):
            if _CENTRED_STYLE.search(body):
                names.update(re.findall(r"\.([\w-]+)", selectors))
    return frozenset(names)


def _is_centred(element, tag: str, centred_classes: frozenset[str]) -> bool:
    if tag == "center" or (element.get("align") or "").lower() == "center":
        return True
    if _CENTRED_STYLE.search(element.get("style") or ""):
        return True
    return bool(centred_classes) and any(name in centred_classes for name in (element.get("class") or "").split())


def extract_nexis_html_text(path: Path, max_bytes: int, deadline: Deadline | None = None) -> str:
    """The lines of the HTML page at ``path`` (``text_of_html_lines``); E012/E018/E023."""
    from lxml.etree import LxmlError

    data = unpack_compressed(read_limited(path, max_bytes), max_bytes, str(path))
    try:
        return text_of_html_lines(data, deadline)
    except (LxmlError, *PARSER_ERRORS) as err:
        raise InputError("E018", path=str(path), detail=error_detail(err)) from None


def read_nexis_html(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """Each article of a Nexis HTML export; the page as one article if it has no Nexis layout after all."""
    text = extract_isolated(
        extract_nexis_html_text, (path, options.html_max_bytes), path=str(path), fmt="html", options=options
    )
    if not nexis.looks_like(text):
        yield from read_html(path, options)
        return
    articles = nexis.split(text)
    if not articles:
        raise InputError("E008", path=str(path))
    yield from documents_from_export(text, articles, path=str(path), fmt=nexis.FORMAT, options=options, wrapped=False)
