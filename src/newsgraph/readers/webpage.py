"""The furniture of a web page around its article: what the HTML reader drops, and the byline.

Two passes, both generic (markup roles, class-name vocabulary, the shape of a line), never a
rule for one site:

- ``prune_page(tree)``, on the parsed page before trafilatura sees it: elements a reader never
  sees (the ``hidden`` attribute, ``aria-hidden="true"``, ``display:none``,
  ``visibility:hidden``), pop-ups (``role="dialog"``, ``aria-modal``, class or id naming a modal,
  pop-up, overlay, cookie or consent banner, newsletter or subscription box), asides, pull-quotes
  and boxes of related or recommended articles.  trafilatura drops most of these in its main
  pass, but its fallback extractors (readability, jusText), used when the main pass finds
  little, read the page as it was: pruning first keeps a pop-up out of both.  An element that
  holds the page's ``<h1>`` or most of its text is never dropped, whatever its name says (a
  page saved with a modal open has the whole page ``aria-hidden``).
- ``furniture_lines(lines)``, on the extracted text, one paragraph a line: a byline ("By Jane
  Roe") among the first lines, and calls to action at either end of the text ("Sign up for our
  newsletter", "Subscribe now to read the full story", "Follow us on Twitter", "Submit a letter
  to the editor").  They are dropped from the text and kept in ``Document.removed`` with their
  offsets; the byline's name becomes the author when the page's metadata has none.

``home_link_titles(tree)`` reads what the site calls itself on the links to its home page (the
``title``/``alt`` of a logo link: "The First Daily Paper of Belize"), kept in
``Document.extra["home_link_titles"]`` for the linker to read the outlet's home country from.
"""

from __future__ import annotations

import bisect
import itertools
import re
from urllib.parse import urlsplit

__all__ = ["prune_page", "furniture_lines", "byline_author", "home_link_titles"]

# Class or id words of boxes that are never the article.  Matched as whole words of the
# attribute split at non-letters ("newsletter-promo", "pum-overlay", "c-letters-cta").
_FURNITURE_WORDS = frozenset(
    """modal popup pop-up popover overlay lightbox cookie cookies consent gdpr newsletter newsletters
    subscribe subscription signup paywall promo cta disclosure related recommended recommendations
    pullquote pull-quote nextstory readmore read-more outbrain taboola""".split()
)
# Compound spellings that are not split at a hyphen or underscore the same way everywhere.
_FURNITURE_JOINED = re.compile(r"pull-?quote|next-?(?:story|post|article)|read-?more|more-?stories|pop-?up|sign-?up")
_WORD_SPLIT = re.compile(r"[^a-z]+")
# Class or id words of the article's own containers: an element named with one of them is kept
# even when another of its words names furniture.
_CONTENT_WORDS = frozenset("article content entry body post story main".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Containers whose own name is never evidence: the page or the article itself.
_NEVER_DROPPED = frozenset({"html", "body", "main", "article", "head"})
# An element holding more than this share of the page's text is the page, not a box on it.
_MAX_SHARE = 0.4


def _is_hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden", "").strip().lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style", "")))


def _is_popup(el) -> bool:
    if el.get("role", "").strip().lower() in ("dialog", "alertdialog") or el.get("aria-modal") == "true":
        return True
    return _names_furniture(el)


def _names_furniture(el) -> bool:
    names = " ".join((el.get("class", ""), el.get("id", ""))).lower()
    words = set(_WORD_SPLIT.split(names))
    if not words.isdisjoint(_CONTENT_WORDS):
        return False  # "entry-content-read-more", "article modal-enabled": the article, in some state
    return bool(_FURNITURE_JOINED.search(names)) or not _FURNITURE_WORDS.isdisjoint(words)


def _text_length(el) -> int:
    return sum(len(t.strip()) for t in el.itertext())


def prune_page(tree) -> int:
    """Remove hidden elements, pop-ups, asides, pull-quotes and related-article boxes from the
    lxml ``tree`` in place; return how many elements were removed."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    total = _text_length(root) or 1
    doomed, hidden = [], []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments and processing instructions
        tag = el.tag.lower()
        if tag in _NEVER_DROPPED:
            continue
        if not (tag == "aside" or _is_hidden(el) or _is_popup(el)):
            continue
        if el.find(".//h1") is not None or _text_length(el) > _MAX_SHARE * total:
            continue  # the article itself, whatever its markup says
        (hidden if tag != "aside" and _is_hidden(el) and not _is_popup(el) else doomed).append(el)
    # Hidden boxes that together hold much of the page are its slides or tabs, shown by a script.
    if sum(_text_length(el) for el in hidden) <= _MAX_SHARE * total:
        doomed += hidden
    removed = 0
    for el in doomed:
        parent = el.getparent()
        if parent is None or not _attached(el, root):
            continue  # inside an element removed already
        _drop_keeping_tail(el)
        removed += 1
    return removed


def _attached(el, root) -> bool:
    while el is not None:
        if el is root:
            return True
        el = el.getparent()
    return False


def _drop_keeping_tail(el) -> None:
    """Remove ``el`` but keep the text that follows it inside its parent."""
    parent = el.getparent()
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


# -- the extracted text ---------------------------------------------------------------------

_NAME_WORD = r"[A-Z][\w.'’-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:de|da|van|von|der|la|le|al|bin|ibn)\s+)?{_NAME_WORD}){{0,3}}"
# "By Jane Roe", "BY JANE ROE", "By Jane Roe and John Doe", "By Jane Roe, Staff Writer",
# "By Jane Roe | Reuters", "Written by Jane Roe"
BYLINE = re.compile(
    rf"^(?:(?:Written|Reported|Words)\s+)?(?:By|BY|by)[:\s]\s*(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*?)"
    r"\s*(?:$|[,|•·/–—-]\s*.{0,80}$)"
)
_MAX_BYLINE_WORDS = 16
# Calls to action: the reader is asked to subscribe, sign up, follow, download, write in.  These
# phrasings address the reader by themselves ...
_STRONG_CALL = re.compile(
    r"\b(?:(?:please|now)\s+subscribe|subscribe\s+(?:now|today|to|for)|already\s+a\s+subscriber|"
    r"sign(?:ing)?\s+up\s+(?:for|to|now|here)|download\s+(?:the|our)\b[^.]{0,40}\bapps?|"
    r"follow\s+(?:us|the\s+\w+|\w+)\s+on\s+(?:twitter|facebook|instagram|x)\b|submit\s+(?:a|your)\s+letter|"
    r"we\s+want\s+to\s+hear|support\s+(?:our|independent)\s+journalism|if\s+you\s+enjoyed\s+(?:reading\s+)?this)",
    re.IGNORECASE,
)
# ... these only when the line speaks to "you" or gives an order.
_WEAK_CALL = re.compile(
    r"\b(?:subscribe|subscribers?|subscription|newsletters?|log\s*in|letters?\s+to\s+the\s+editor)\b", re.IGNORECASE
)
_ADDRESS = re.compile(
    r"\b(?:you|your|you're|you’re|our|us|please)\b|^(?:subscribe|sign|follow|download|get|click|submit|join|support|read)\b",
    re.IGNORECASE,
)
# "(Credit: Jane Roe / Agency)", "Image credit: example.com", "Photo: Jane Roe": a picture's credit.
_PICTURE_CREDIT = re.compile(
    r"^\(?\s*(?:(?:photo|image|picture|illustration|graphic)s?\s*(?:credit|courtesy|source)?|credit|courtesy)\s*:"
    r"[^.!?]{0,80}\)?$",
    re.IGNORECASE,
)
# A page's own labels: "© 2020 Outlet. All Rights Reserved", "Category: Press Releases",
# "Last Modified: 3 May", "Release Date: ...", "Filed under: ...".
_PAGE_LABEL = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|all\s+rights\s+reserved|"
    r"(?:categor(?:y|ies)|tags?|filed\s+under|posted\s+(?:in|on)|last\s+(?:modified|updated)|release\s+date|"
    r"published(?:\s+on)?|updated(?:\s+on)?|date\s+posted)\s*:)",
    re.IGNORECASE,
)
# The same labels anywhere in a short line that also holds a date: a line of page metadata
# ("News date : 04/21/2022 Category : Press Releases", "May 3, 2020 | categories: Python").
_INNER_LABEL = re.compile(
    r"\b(?:categor(?:y|ies)|tags|filed\s+under|posted\s+(?:in|on)|last\s+(?:modified|updated)|release\s+date|"
    r"published|updated|created|news\s+date)\s*:",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b(?:\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})\b",
    re.IGNORECASE,
)
_MAX_LABEL_WORDS = 14
_MAX_CTA_WORDS = 45
_MAX_INNER_CTA_WORDS = 20
_EDGE = 3  # calls to action sit in the first or last few lines


def byline_author(line: str) -> str | None:
    """The name(s) of a byline line ("By Jane Roe, Staff Writer" -> "Jane Roe"), or None."""
    if len(line.split()) > _MAX_BYLINE_WORDS:
        return None
    m = BYLINE.match(line.strip())
    return m.group("names").strip() if m else None


def _is_call_to_action(line: str) -> bool:
    if len(line.split()) > _MAX_CTA_WORDS:
        return False
    return bool(_STRONG_CALL.search(line)) or bool(_WEAK_CALL.search(line) and _ADDRESS.search(line))


def _is_page_label(line: str) -> bool:
    if len(line.split()) > _MAX_LABEL_WORDS:
        return False
    return bool(_PAGE_LABEL.match(line) or (_INNER_LABEL.search(line) and _DATE.search(line)))


def _is_inner_call(line: str) -> bool:
    """A call to action amid the text: short, and speaking to the reader as well."""
    return len(line.split()) <= _MAX_INNER_CTA_WORDS and bool(_STRONG_CALL.search(line) and _ADDRESS.search(line))


def _mentions_call(line: str) -> bool:
    """A line about subscribing, next to a call to action: part of the same box."""
    return len(line.split()) <= _MAX_CTA_WORDS and bool(_WEAK_CALL.search(line))


_NORMAL = re.compile(r"[^\w]+")
# Shorter lines repeat by nature (headings inside paragraphs, "Yes." answers, code).
_MIN_REPEAT_WORDS = 8
_MAX_REPEAT_WORDS = 60
_MAX_REPEAT_SCAN = 300_000  # characters: beyond this only exact repeats are looked for


def _words(norm: str) -> int:
    """Words with a letter in them (code and numbers repeat by nature)."""
    return sum(1 for w in norm.split() if not w.isdigit())


def _repeated_lines(lines: list[str]) -> set[int]:
    """Lines that repeat another line's words: a pull-quote, a caption or a teaser printed again.
    The later of two equal lines goes; a shorter line found inside a longer one goes."""
    norms = [_NORMAL.sub(" ", line.lower()).strip() for line in lines]
    drop: set[int] = set()
    first: dict[str, int] = {}
    for i, norm in enumerate(norms):
        if _words(norm) < _MIN_REPEAT_WORDS:
            continue
        if norm in first:
            drop.add(i)
        else:
            first[norm] = i
    joined = "\n".join(norms)
    if len(joined) > _MAX_REPEAT_SCAN:
        return drop
    starts = list(itertools.accumulate((len(n) + 1 for n in norms[:-1]), initial=0))
    for i, norm in enumerate(norms):
        if i in drop or lines[i].startswith("- ") or not _MIN_REPEAT_WORDS <= _words(norm) <= _MAX_REPEAT_WORDS:
            continue  # a list item may name what a paragraph names
        # inside another line: found somewhere other than at its own place
        at = joined.find(norm)
        while at != -1:
            j = bisect.bisect_right(starts, at) - 1
            if j != i and len(norms[j]) > len(norm):
                drop.add(i)
                break
            at = joined.find(norm, at + 1)
    return drop


def furniture_lines(lines: list[str]) -> set[int]:
    """Indices of ``lines`` (one paragraph each) that are page furniture: a byline among the
    first lines, and calls to action in a run at either end of the text."""
    drop: set[int] = set()
    for i, line in enumerate(lines[: _EDGE + 1]):
        if byline_author(line):
            drop.add(i)
    n = len(lines)
    # A run from the end: the last lines, up to a few body lines in between (a photo credit).
    misses = 0
    for i in range(n - 1, max(-1, n - 1 - 2 * _EDGE), -1):
        if i in drop or _is_call_to_action(lines[i]) or (i + 1 in drop and _mentions_call(lines[i])):
            drop.add(i)
            misses = 0
        else:
            misses += 1
            if misses > 1:
                break
    for i in range(min(_EDGE, n)):
        if _is_call_to_action(lines[i]):
            drop.add(i)
    for i, line in enumerate(lines):
        if _PICTURE_CREDIT.match(line) or _is_inner_call(line) or _is_page_label(line):
            drop.add(i)
    drop |= _repeated_lines(lines)
    if len(drop) >= n:
        return set()  # a text of nothing but furniture is what the page is: keep it
    return drop


_MAX_HOME_TITLES = 5
_FILE_NAME = re.compile(r"\S+\.(?:svg|png|jpe?g|gif|webp)$", re.I)


def home_link_titles(tree) -> list[str]:
    """The ``title``/``alt`` texts of the page's links to its own home page (the logo link, the
    "Home" item), as the site words them: up to five, in page order, file names left out.  The
    home page is the root of the page's canonical or ``og:url`` host, or a link to "/"."""
    canonical = tree.xpath('//link[@rel="canonical"]/@href') + tree.xpath('//meta[@property="og:url"]/@content')
    host = urlsplit(canonical[0].strip()).hostname if canonical else None
    titles: list[str] = []
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        target = urlsplit(href)
        if not href or target.path not in ("", "/") or target.query or target.fragment:
            continue
        if target.hostname is not None and target.hostname != host:
            continue
        for title in (link.get("title"), link.get("alt"), *(img.get("alt") for img in link.iter("img"))):
            title = " ".join((title or "").split())
            if title and not _FILE_NAME.fullmatch(title) and title not in titles:
                titles.append(title)
        if len(titles) >= _MAX_HOME_TITLES:
            break
    return titles[:_MAX_HOME_TITLES]
