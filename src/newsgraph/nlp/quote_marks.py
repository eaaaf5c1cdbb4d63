"""Quotation marks: which open, which close, and how they pair into quoted passages.

Curly and guillemet marks carry their role; a straight mark's role comes from its
neighbours.  Pairing follows the journalistic convention that a quote left open at
a paragraph end continues when the next paragraph opens with a mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Paragraph

__all__ = ["find_quote_marks", "pair_quote_marks", "MAX_QUOTE_CHARS", "OPEN_MARKS", "CLOSE_MARKS", "STRAIGHT"]

MAX_QUOTE_CHARS = 2_000  # an opening mark left open longer than this is a stray mark
OPEN_MARKS = "“«„"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
_ANY_MARK = re.compile(f"[{OPEN_MARKS}{CLOSE_MARKS}{STRAIGHT}]")
_OPENING_CONTEXT = set("([{—–-/:")  # a straight mark after these opens
_CLOSING_CONTEXT = set(".,;:!?)]}—–")  # a straight mark before these closes


@dataclass
class _Mark:
    pos: int
    role: str  # "open" | "close"
    para: int


def find_quote_marks(text: str, paragraphs: list[Paragraph]) -> list[_Mark]:
    """Every quotation mark with its role; a straight mark's role comes from its neighbours."""
    starts = [p.start for p in paragraphs]
    marks: list[_Mark] = []
    para = 0
    open_straight = False  # for straight marks that look both ways
    for found in _ANY_MARK.finditer(text):
        i, ch = found.start(), found.group()
        while para + 1 < len(starts) and starts[para + 1] <= i:
            para += 1
            open_straight = False
        if ch in OPEN_MARKS:
            role = "open"
        elif ch in CLOSE_MARKS:
            role = "close"
        else:
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            opens = before.isspace() or before in _OPENING_CONTEXT
            closes = after.isspace() or after in _CLOSING_CONTEXT
            if opens != closes:
                role = "open" if opens else "close"
            else:
                role = "close" if open_straight else "open"
            open_straight = role == "open"
        marks.append(_Mark(i, role, para))
    return marks


def pair_quote_marks(text: str, paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """(open mark, close mark) positions of quoted passages; unpaired marks are skipped.

    A quote left open at a paragraph end continues only if the next paragraph starts
    with an opening mark (the journalistic convention); otherwise it is dropped.
    """
    pairs: list[tuple[int, int]] = []
    opened: _Mark | None = None
    for mark in find_quote_marks(text, paragraphs):
        if opened is not None and mark.para != opened.para:
            para = paragraphs[mark.para]
            continues = (
                mark.role == "open"
                and mark.para == opened.para + 1
                and text[para.start : mark.pos].strip() == ""
                and mark.pos - opened.pos <= MAX_QUOTE_CHARS
            )
            if continues:
                opened = _Mark(opened.pos, "open", mark.para)  # same quote, now in this paragraph
                continue
            opened = None
        if mark.role == "open":
            opened = mark  # a second opening mark means the first one was stray
        elif opened is not None:
            if mark.pos - opened.pos <= MAX_QUOTE_CHARS and text[opened.pos + 1 : mark.pos].strip():
                pairs.append((opened.pos, mark.pos))
            opened = None
    return pairs
