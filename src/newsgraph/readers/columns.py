"""Reading order of a page's text blocks: down each column, columns left to right.

pdfminer orders the text boxes of a page by a weighted mix of their height and
left edge (``LAParams.boxes_flow``).  On a page set in columns whose paragraphs
are apart, that mix reads the first paragraph of the left column, then the first
of the right, then the second of the left ...: paragraphs of two stories, or of
two halves of one, interleave.  ``reading_order`` orders the blocks as a reader
does instead, by recursive XY cuts:

1. If a vertical gap runs through the whole region (a gutter no block crosses),
   the region is cut there and the parts are read left to right;
2. else, if a horizontal gap runs across it (under a headline over the columns,
   between paragraphs), the strip above the first such gap is cut off and read
   first, and the rest is a region of its own (which may be columns: step 1);
3. a region neither cut divides is read top to bottom.

Gutters are tried first, so two columns are read whole even where their
paragraph breaks line up.  A one-column page keeps its top-to-bottom order (its
paragraphs cross every gap), and blocks set apart in one row (a browser's print
date and page title) are read left to right as before.  The cuts are made with
a work list, not recursion, so a page of ten thousand blocks cannot exhaust the
stack.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

__all__ = ["reading_order", "MAX_BLOCKS"]

MAX_BLOCKS = 2000  # a region of more blocks is read top to bottom: cutting costs time quadratic in them


class Box(Protocol):
    x0: float
    y0: float  # PDF coordinates: y grows upwards, so the top of a block is y1
    x1: float
    y1: float


B = TypeVar("B", bound=Box)


def reading_order(blocks: list[B]) -> list[B]:
    """``blocks`` in reading order (see the module docstring); a new list."""
    ordered: list[B] = []
    regions = [list(blocks)]  # a stack: the next region to read is on top
    while regions:
        region = regions.pop()
        parts = _cut(region, across=False) if 1 < len(region) <= MAX_BLOCKS else []
        if len(parts) < 2:
            parts = _cut(region, across=True) if 1 < len(region) <= MAX_BLOCKS else []
            # Only the top strip is cut off: the rest may be columns, tried again for a gutter first.
            parts = parts[:1] + [[block for part in parts[1:] for block in part]] if len(parts) > 2 else parts
        if len(parts) < 2:
            ordered += sorted(region, key=lambda b: (-b.y1, b.x0))
        else:
            regions += reversed(parts)
    return ordered


def _cut(region: list[B], across: bool) -> list[list[B]]:
    """``region`` cut at every gap no block crosses: vertical gaps left to right, or (``across``)
    horizontal gaps top to bottom."""
    if across:
        start, end = (lambda b: -b.y1), (lambda b: -b.y0)
    else:
        start, end = (lambda b: b.x0), (lambda b: b.x1)
    parts: list[list[B]] = []
    reach = float("-inf")
    for block in sorted(region, key=start):
        if not parts or start(block) >= reach:
            parts.append([block])
        else:
            parts[-1].append(block)
        reach = max(reach, end(block)) if len(parts[-1]) > 1 else end(block)
    return parts
