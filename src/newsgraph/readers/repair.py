"""Rebuild clean paragraphs from extracted text (PDF text layers, hard-wrapped .txt).

Extracted text has hard line wraps, broken words, page numbers, running headers,
and, from some extractors, blank lines in the wrong places.  ``repair_text``
undoes that with layout heuristics only (line length against the typical wrap
width, sentence-final punctuation, capitalisation), never with word lists about
the content, and records where every kept character came from.

The contract: for every clean index ``i`` with ``text[i]`` not whitespace,
``raw[offsets.to_source(i)] == text[i]``, and mapped positions increase.

Layout rules, in the order they are applied:

1. Lines are split on newlines and form feeds (a form feed is a page break).
2. Page furniture is dropped and recorded in ``removed``: page-number lines
   ("3", "Page 3", "- 3 -", "3 of 12") and lines repeated at two or more page
   boundaries (running headers and footers) that are shorter than the wrap
   width and do not end a sentence.  Only done when the text is
   hard-wrapped or has form feeds: in a plain text a line "3" may be content.
   With two or more form-feed pages, a line among the first or last three of
   a page that recurs (digits aside) at the edges of at least two pages and a
   third of all pages is furniture whatever its length or ending: browser
   print headers and footers (the page title cut with "…", the URL, the
   print date and time) and newspapers' running heads.  Not when that would
   remove every line.
3. The text counts as hard-wrapped when most long lines end mid-sentence at a
   point where the next line's first word would not have fitted within the
   typical width (90th percentile of line lengths).  If not, every
   non-blank line is a paragraph (plain .txt, JSONL and HTML text).
4. Hard-wrapped lines are grouped into blocks at blank lines, page breaks
   (form feed, removed furniture, or a line starting with exactly one space,
   which some extractors emit at the top of a page) and indented lines
   (paragraph-indent style, when not every line is indented).
5. A block continues the previous one when:
   - after a page break: the previous line did not end a sentence, or the
     block starts with a lowercase letter;
   - after a blank line: the previous line is long (near the wrap width) and
     does not end a sentence, or the block starts lowercase after an open
     sentence;
   - after a blank line, in documents where the extractor evidently put a
     blank line before each paragraph's last line (many blank lines fall
     mid-sentence): a one-line block that itself ends a sentence, following a
     paragraph of two or more lines whose last line is long, rejoins it even
     when that line ended a sentence.
   A line ending with a colon always ends its paragraph (it introduces a quote).
6. The title is the first block when it has at most three short lines, none of
   them ending with a period, and more text follows; wrapped titles are joined.
7. A paragraph right after one ending in a reporting verb and a colon
   ("He wrote:", "the minister said:", "told reporters:") is a block quote.

De-hyphenation rule: a line ending in "letters-" followed by a line starting
with a letter loses the hyphen (and the break) only when both sides are
lowercase, the left part is not a common prefix (pro, anti, non, self, ...) and
is not itself part of a hyphenated compound; otherwise the hyphen stays and the
lines are joined without a space ("US-\\nbacked" -> "US-backed").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import OffsetMap, Paragraph, Span

__all__ = ["RepairOptions", "Repaired", "repair_text"]

_PAGE_BREAK_CHARS = "\f\x1c\x1d\x1e"
# Whitespace inside a line that is not exactly one plain space.
_ODD_SPACE = re.compile(r"\s{2,}|[^\S ]")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([—–-"
_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|\[\s*\d{1,4}\s*\]",
    re.IGNORECASE,
)
_TRAILING_WORD_HYPHEN = re.compile(r"(\S*?)([^\W\d_]+)-$")
_LEADING_LETTERS = re.compile(r"[^\W\d_]+")
# Prefixes whose hyphen is part of the word, not a line-break artefact.
HYPHEN_PREFIXES = frozenset(
    "pro anti non self ex co post pre well long so semi counter cross half all "
    "multi neo quasi ultra mid inter intra over under re sub vice".split()
)
_REPORTING_VERBS = (
    "said|says|say|wrote|writes|write|added|adds|stated|states|noted|notes|declared|declares|"
    "boasted|boasts|insisted|insists|warned|warns|explained|explains|argued|argues|claimed|claims|"
    "continued|continues|concluded|concludes|remarked|observed|commented|announced|announces|"
    "tweeted|posted|replied|responded|asserted|acknowledged|admitted|complained|recalled|"
    "stressed|emphasi[sz]ed|cautioned|quipped|reads|read|put it|as follows|following"
)
_REPORTING_COLON = re.compile(
    rf"(?:\b(?:{_REPORTING_VERBS})|\btold\s+(?:[\w.'’-]+\s+){{0,3}}?[\w.'’-]+)\s*:[\"'”’]?$",
    re.IGNORECASE,
)


@dataclass
class RepairOptions:
    wrapped: bool | None = None  # None: detect; False: every line is a paragraph
    detect_title: bool = True
    title_hint: str | None = None  # a known title: only it may become the title paragraph
    dehyphenate: bool = True
    remove_furniture: bool = True
    mark_blockquotes: bool = True
    # The format's own furniture: given the non-blank lines, the indices to drop (and record in
    # ``removed``).  The HTML reader drops bylines and calls to action this way (readers/webpage.py).
    drop_lines: Callable[[list[str]], set[int]] | None = None


@dataclass
class Repaired:
    text: str
    offsets: OffsetMap  # clean -> raw
    paragraphs: list[Paragraph] = field(default_factory=list)
    title: str | None = None
    removed: list[Span] = field(default_factory=list)  # page furniture, raw offsets
    dropped_hyphens: list[int] = field(default_factory=list)  # raw offsets of removed "-"
    wrapped: bool = False


@dataclass
class _Line:
    start: int  # raw offset of the first non-space character
    end: int  # raw offset after the last non-space character
    text: str  # raw[start:end]
    page_start: bool = False  # a page break (form feed, single leading space) precedes it
    indent: bool = False  # indented by two or more columns
    blank_before: bool = False
    page: int = 0  # form-feed page number, from 0


# How far from a page's top or bottom a print header or footer may sit, in lines.
EDGE_LINES = 3


def repair_text(raw: str, options: RepairOptions | None = None) -> Repaired:
    """Clean ``raw`` into paragraphs separated by blank lines, with offsets back into ``raw``."""
    options = options or RepairOptions()
    lines = _split_lines(raw)
    if not lines:
        return Repaired("", OffsetMap([], 0, len(raw)))
    width = _wrap_width(lines)
    wrapped = _is_wrapped(lines, width) if options.wrapped is None else options.wrapped
    has_page_breaks = any(c in raw for c in _PAGE_BREAK_CHARS)
    removed: list[_Line] = []
    long_len = 0.8 * width
    if options.remove_furniture and (wrapped or has_page_breaks):
        lines, removed = _drop_furniture(lines, long_len)
    if options.drop_lines is not None:
        dropped = options.drop_lines([line.text for line in lines])
        removed = sorted(removed + [line for i, line in enumerate(lines) if i in dropped], key=lambda line: line.start)
        lines = [line for i, line in enumerate(lines) if i not in dropped]
        if not lines:
            return Repaired("", OffsetMap([], 0, len(raw)), removed=[Span(x.start, x.end, x.text) for x in removed])
    if wrapped:
        paragraphs = _group_wrapped(lines, long_len)
    else:
        paragraphs = [[line] for line in lines]
    title_lines = _find_title(paragraphs, wrapped, long_len, options)
    builder = _Builder(options.dehyphenate)
    spans = []
    for i, para in enumerate(paragraphs):
        spans.append(builder.paragraph(para, first=i == 0))
    text = builder.text()
    result_paragraphs = [Paragraph(s, e, "body") for s, e in spans]
    title = None
    if title_lines and result_paragraphs:
        result_paragraphs[0].kind = "title"
        title = text[spans[0][0] : spans[0][1]]
    if options.mark_blockquotes:
        _mark_blockquotes(text, result_paragraphs)
    return Repaired(
        text=text,
        offsets=OffsetMap(builder.runs, len(text), len(raw)),
        paragraphs=result_paragraphs,
        title=title,
        removed=[Span(line.start, line.end, line.text) for line in removed],
        dropped_hyphens=builder.dropped_hyphens,
        wrapped=wrapped,
    )


def _split_lines(raw: str) -> list[_Line]:
    """Non-blank lines with their raw offsets, page-start, indent and blank-before flags."""
    lines: list[_Line] = []
    page_start = True
    blank_before = False
    page = 0
    pos = 0
    # str.splitlines breaks on exactly the line and page separators we care about.
    for piece in raw.splitlines(keepends=True):
        chunk = piece.rstrip("\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = chunk.strip()
        if stripped:
            lead_text = chunk[: len(chunk) - len(chunk.lstrip())]
            start = pos + len(lead_text)
            lines.append(
                _Line(
                    start=start,
                    end=start + len(stripped),
                    text=stripped,
                    # Exactly one leading space: how some extractors mark a new page.
                    page_start=page_start or lead_text == " ",
                    indent=len(lead_text.expandtabs(4)) >= 2,
                    blank_before=blank_before,
                    page=page,
                )
            )
            page_start = blank_before = False
        else:
            blank_before = bool(lines)
        ending = piece[len(chunk) :]
        if ending and ending in _PAGE_BREAK_CHARS:
            page_start = True
            page += 1
        pos += len(piece)
    if lines:
        lines[0].page_start = False  # the start of the text is not a page break worth a rule
    return lines


def _wrap_width(lines: list[_Line]) -> int:
    lengths = sorted(len(line.text) for line in lines)
    return lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))]


def _is_wrapped(lines: list[_Line], width: int) -> bool:
    """Hard-wrapped text: most long lines break mid-sentence where the next word would not fit."""
    if len(lines) < 2 or not 25 <= width <= 200:
        return False
    long_lines = broken = 0
    for line, nxt in zip(lines, lines[1:]):
        if len(line.text) < 0.6 * width:
            continue
        long_lines += 1
        next_word = nxt.text.split(None, 1)[0]
        # 0.85: proportional fonts make character counts of full lines vary.
        if not _ends_sentence(line.text) and len(line.text) + 1 + len(next_word) > 0.85 * width:
            broken += 1
    return broken >= 1 and broken >= 0.5 * long_lines


def _ends_sentence(text: str) -> bool:
    # Checked on the line's end only: an anchored regex search would scan the whole line.
    return text.rstrip(_CLOSERS).endswith((".", "!", "?", "…"))


def _ends_paragraph(text: str) -> bool:
    return _ends_sentence(text) or text.endswith(":")


def _starts_lower(text: str) -> bool:
    body = text.lstrip(_OPENERS)
    return bool(body) and body[0].islower()


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_furniture(lines: list[_Line], long_len: float) -> tuple[list[_Line], list[_Line]]:
    """Remove page numbers and lines repeated at page boundaries (headers, footers)."""
    is_number = [bool(_PAGE_NUMBER.fullmatch(line.text)) for line in lines]
    # Page boundaries: text start/end, form feeds, page-start lines, page numbers.
    boundary = {0, len(lines) - 1}
    for i, line in enumerate(lines):
        if line.page_start or is_number[i]:
            boundary.update((i - 1, i))
    near_set = {j for b in boundary for j in range(b - 2, b + 3)}
    near = [i in near_set for i in range(len(lines))]
    counts: dict[str, int] = {}
    for i, line in enumerate(lines):
        if near[i] and not is_number[i] and _could_be_header(line.text, long_len):
            key = _furniture_key(line.text)
            counts[key] = counts.get(key, 0) + 1
    edge = _page_edge_furniture(lines)
    kept: list[_Line] = []
    removed: list[_Line] = []
    carry_page = carry_blank = False
    for i, line in enumerate(lines):
        repeated = near[i] and counts.get(_furniture_key(line.text), 0) >= 2
        if is_number[i] or i in edge or (repeated and _could_be_header(line.text, long_len)):
            removed.append(line)
            carry_page = True  # whatever follows furniture starts a new page
            carry_blank = carry_blank or line.blank_before
            continue
        if carry_page and kept:
            line.page_start = True
            line.blank_before = line.blank_before or carry_blank
        carry_page = carry_blank = False
        kept.append(line)
    return kept, removed


def _page_edge_furniture(lines: list[_Line]) -> set[int]:
    """Indices of lines that recur at the top or bottom of many form-feed pages (rule 2)."""
    pages: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        pages.setdefault(line.page, []).append(i)
    if len(pages) < 2:
        return set()
    edges = {n: set(idx[:EDGE_LINES] + idx[-EDGE_LINES:]) for n, idx in pages.items()}
    pages_with: dict[str, set[int]] = {}
    for n, idx in edges.items():
        for i in idx:
            pages_with.setdefault(_furniture_key(lines[i].text), set()).add(n)
    needed = max(2, len(pages) / 3)
    found = {i for idx in edges.values() for i in idx if len(pages_with[_furniture_key(lines[i].text)]) >= needed}
    # Pages of nothing but the same line are content that repeats, not a frame around content.
    return found if len(found) < len(lines) else set()


def _could_be_header(text: str, long_len: float) -> bool:
    # A repeated sentence ("Ukraine.") can be content, and so can a repeated line
    # that fills the wrap width; headers are shorter and rarely end a sentence.
    return len(text) < long_len and any(c.isalpha() for c in text) and not _ends_sentence(text)


def _group_wrapped(lines: list[_Line], long_len: float) -> list[list[_Line]]:
    """Group hard-wrapped lines into paragraphs (rules 4 and 5 of the module doc)."""
    indent_style = 0 < sum(line.indent for line in lines) < 0.6 * len(lines)
    blocks: list[list[_Line]] = []
    kinds: list[str] = []  # how each block was separated from the previous one
    for line in lines:
        if not blocks:
            kind = "start"
        elif line.page_start:
            kind = "page"
        elif line.blank_before:
            kind = "blank"
        elif indent_style and line.indent:
            kind = "indent"
        else:
            blocks[-1].append(line)
            continue
        blocks.append([line])
        kinds.append(kind)

    def open_sentence_at_width(prev: str) -> bool:
        return len(prev) >= long_len and not _ends_paragraph(prev)

    blank_gaps = [i for i, k in enumerate(kinds) if k == "blank"]
    mid_sentence = sum(open_sentence_at_width(blocks[i - 1][-1].text) for i in blank_gaps)
    # The extractor dropped blank lines inside paragraphs, not between them.
    dropped_blanks = mid_sentence >= 2 and mid_sentence >= 0.25 * len(blank_gaps)

    paragraphs: list[list[_Line]] = []
    for block, kind in zip(blocks, kinds):
        if paragraphs and _continues(paragraphs[-1], block, kind, long_len, dropped_blanks):
            paragraphs[-1].extend(block)
        else:
            paragraphs.append(list(block))
    return paragraphs


def _continues(para: list[_Line], block: list[_Line], kind: str, long_len: float, dropped: bool) -> bool:
    prev, first = para[-1].text, block[0].text
    if prev.endswith(":") or kind in ("start", "indent"):
        return False
    if kind == "page":
        return not _ends_sentence(prev) or _starts_lower(first)
    # A blank line.
    if not _ends_sentence(prev) and (len(prev) >= long_len or _starts_lower(first)):
        return True
    # A paragraph's orphaned last line: one line that closes a paragraph itself.
    orphan = len(block) == 1 and _ends_paragraph(first)
    return dropped and orphan and len(para) >= 2 and len(prev) >= long_len


def _find_title(
    paragraphs: list[list[_Line]], wrapped: bool, long_len: float, options: RepairOptions
) -> list[_Line] | None:
    """Return the first paragraph's lines if they are a title (rule 6)."""
    if not options.detect_title or len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    text = " ".join(line.text for line in first)
    if options.title_hint is not None:
        same = " ".join(options.title_hint.split()).casefold() == " ".join(text.split()).casefold()
        return first if same else None
    if len(first) > (3 if wrapped else 1) or len(text) > 200 or _starts_lower(text):
        return None
    if any(line.text.endswith((".", ",", ";", ":")) for line in first):
        return None
    if wrapped and any(len(line.text) >= long_len for line in first):
        return None
    return first


def _mark_blockquotes(text: str, paragraphs: list[Paragraph]) -> None:
    for prev, para in zip(paragraphs, paragraphs[1:]):
        tail = text[max(prev.start, prev.end - 80) : prev.end]  # the cue is at the very end
        if prev.kind != "title" and tail.rstrip(_CLOSERS).endswith(":") and _REPORTING_COLON.search(tail):
            para.kind = "blockquote"


class _Builder:
    """Accumulates the clean text and its runs ``(clean_start, raw_start, length)``."""

    def __init__(self, dehyphenate: bool) -> None:
        self.dehyphenate = dehyphenate
        self.parts: list[str] = []
        self.runs: list[tuple[int, int, int]] = []
        self.dropped_hyphens: list[int] = []
        self.pos = 0

    def _emit(self, chunk: str, src: int) -> None:
        if not chunk:
            return
        runs = self.runs
        if runs:
            c0, s0, n = runs[-1]
            if c0 + n == self.pos and s0 + n == src:
                runs[-1] = (c0, s0, n + len(chunk))
            else:
                runs.append((self.pos, src, len(chunk)))
        else:
            runs.append((self.pos, src, len(chunk)))
        self.parts.append(chunk)
        self.pos += len(chunk)

    def _emit_line(self, text: str, src: int) -> None:
        """Copy a stripped line, turning odd whitespace (tabs, NBSP, runs) into one space."""
        last = 0
        for m in _ODD_SPACE.finditer(text):
            self._emit(text[last : m.start()], src + last)
            self._emit(" ", src + m.start())
            last = m.end()
        self._emit(text[last:], src + last)

    def paragraph(self, lines: list[_Line], first: bool) -> tuple[int, int]:
        if not first:
            self.parts.append("\n\n")  # inserted: maps to the next run
            self.pos += 2
        start = self.pos
        for i, line in enumerate(lines):
            text, end = line.text, line.end
            nxt = lines[i + 1].text if i + 1 < len(lines) else None
            join = " "
            if nxt is not None:
                join, drop = self._line_join(text, nxt)
                if drop:
                    text, end = text[:-1], end - 1
                    self.dropped_hyphens.append(end)
            self._emit_line(text, line.start)
            if nxt is not None and join:
                self._emit(join, end)  # maps to the line break it replaces
        return start, self.pos

    def _line_join(self, text: str, nxt: str) -> tuple[str, bool]:
        """How to glue a wrapped line to the next: (separator, drop the trailing hyphen)."""
        if text.endswith(("—", "–")) and not text[:-1].endswith(" "):
            return "", False
        # Search only the last word: an end-anchored search would scan the whole line.
        m = _TRAILING_WORD_HYPHEN.search(text, text.rfind(" ") + 1) if text.endswith("-") else None
        if not m:
            return " ", False
        right = _LEADING_LETTERS.match(nxt)
        if not right:
            return "", False  # "US-\n2014": keep the hyphen, no space
        left = m.group(2)
        # "state-of-the-" or "x2-": the hyphen belongs to a compound, keep it.
        compound = bool(re.search(r"[\w-]", m.group(1)))
        drop = (
            self.dehyphenate
            and left.islower()
            and right.group().islower()
            and left.lower() not in HYPHEN_PREFIXES
            and not compound
        )
        return "", drop

    def text(self) -> str:
        return "".join(self.parts)
