"""Datelines: where a story was filed, written at the head of its first paragraph.

"KHAN YOUNIS, Gaza —", "KYIV, July 19 (Wire) -", "Newsroom Daily – ".  The patterns live here,
at the bottom, because readers (the dateline place as ``Document.dateline``) and the NLP (whose
words are no actors, antecedents or speech: ``nlp/layout.py``) both need them.
"""

from __future__ import annotations

import re

__all__ = ["PLACE_DATELINE", "OUTLET_DATELINE", "dateline_place"]

# Both patterns open a line: they are matched at a paragraph's start inside an article's text
# (``pattern.match(text, pos)``), where "^" needs MULTILINE to match after the paragraph's line break
# (without it, only at the text's start: a dateline after a headline went unread).
# "KYIV, July 19 (Wire) -": an all-caps place, an optional region and an optional date ("MERIDA, Morvania,
# June 17 —"), an optional source, then a dash
PLACE_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,[ \t]*[A-Z][a-zA-Z]*\.?(?:[ \t]+\d{1,2})?){0,2}"
    r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[-—–]+[ \t]",
    re.MULTILINE,
)
# "Newsroom Daily – ": up to five capitalised words (group 1, the outlet) and a spaced dash
OUTLET_DATELINE = re.compile(r"^((?:[A-Z][\w.&'’-]*[^\S\n]+){0,4}[A-Z][\w.&'’-]*)[^\S\n]+[–—-][^\S\n]+", re.MULTILINE)

# The place of a place dateline: the capitals and, after a comma, a region that is not a month.
_PLACE = re.compile(r"[ \t]*([A-Z][A-Z.'’ -]{1,40}[A-Z.])(?:,[ \t]*([A-Z][a-zA-Z]*\.?)(?![ \t]+\d))?")
_MONTHS = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$")


def dateline_place(paragraph: str) -> str | None:
    """The place a paragraph's dateline names ("KHAN YOUNIS, Gaza —" -> "KHAN YOUNIS, Gaza"), or None."""
    if not PLACE_DATELINE.match(paragraph[:120]):
        return None
    m = _PLACE.match(paragraph)
    if m is None:
        return None
    place, region = m.group(1).strip(" -"), m.group(2)
    return f"{place}, {region}" if region and not _MONTHS.match(region) else place
