"""The ``Document``: clean text plus everything needed to point back at the source."""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field, fields
from functools import cached_property

from .article import Article, Paragraph, Span
from .ids import article_id

__all__ = ["Document", "OffsetMap"]


class OffsetMap:
    """Maps offsets in a clean text back to offsets in its source text.

    Stored as runs ``(clean_start, source_start, length)``: inside a run, clean
    character ``clean_start + k`` came from source character ``source_start + k``
    (copied, or replaced one for one, e.g. a newline that became a space).
    Clean characters that no source character produced (rare: inserted
    separators) map to the source position of the next run.
    """

    __slots__ = ("_clean_starts", "_runs", "clean_length", "source_length")

    def __init__(self, runs: list[tuple[int, int, int]], clean_length: int, source_length: int):
        self._runs = [r for r in runs if r[2] > 0]
        self._clean_starts = [r[0] for r in self._runs]
        self.clean_length = clean_length
        self.source_length = source_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, 0, length)], length, length)

    @classmethod
    def from_positions(cls, positions: list[int], source_length: int) -> OffsetMap:
        """Build from one source position per clean character (-1 for inserted characters)."""
        runs: list[tuple[int, int, int]] = []
        c0 = s0 = n = 0
        for clean_pos, src_pos in enumerate(positions):
            if src_pos < 0:
                continue
            if n and c0 + n == clean_pos and s0 + n == src_pos:
                n += 1
                continue
            if n:
                runs.append((c0, s0, n))
            c0, s0, n = clean_pos, src_pos, 1
        if n:
            runs.append((c0, s0, n))
        return cls(runs, len(positions), source_length)

    @property
    def runs(self) -> list[tuple[int, int, int]]:
        return list(self._runs)

    def to_source(self, clean_offset: int) -> int:
        """Source offset of the clean character at ``clean_offset`` (or of the end)."""
        if clean_offset >= self.clean_length:
            return self.source_length
        i = bisect.bisect_right(self._clean_starts, clean_offset) - 1
        if i >= 0:
            c0, s0, n = self._runs[i]
            if clean_offset < c0 + n:
                return s0 + (clean_offset - c0)
        # An inserted character: point at the next source character we know of.
        if i + 1 < len(self._runs):
            return self._runs[i + 1][1]
        return self.source_length

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source ``(start, end)`` covering the clean span ``[start, end)``."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """``self`` maps clean->mid and ``inner`` maps mid->source; return clean->source.

        Works run by run (not character by character) so composing the maps of
        a megabyte article stays cheap.  Clean characters whose mid character
        was itself inserted stay unmapped (they resolve to the next known run).
        """
        runs: list[tuple[int, int, int]] = []
        inner_runs = inner._runs
        inner_starts = inner._clean_starts
        for c0, m0, n in self._runs:
            m_end = m0 + n
            j = max(bisect.bisect_right(inner_starts, m0) - 1, 0)
            while j < len(inner_runs):
                ic0, is0, inn = inner_runs[j]
                if ic0 >= m_end:
                    break
                lo, hi = max(m0, ic0), min(m_end, ic0 + inn)
                if lo < hi:
                    runs.append((c0 + lo - m0, is0 + lo - ic0, hi - lo))
                j += 1
        return OffsetMap(_merge_runs(runs), self.clean_length, inner.source_length)

    def to_json(self) -> dict:
        """The one JSON form of an offset map, used by the store and by process records."""
        return {
            "runs": [list(r) for r in self._runs],
            "clean_length": self.clean_length,
            "source_length": self.source_length,
        }

    @classmethod
    def from_json(cls, data: dict) -> OffsetMap:
        return cls([tuple(r) for r in data["runs"]], data["clean_length"], data["source_length"])


def _merge_runs(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Join runs that continue each other in both texts."""
    merged: list[tuple[int, int, int]] = []
    for c0, s0, n in runs:
        if merged:
            pc, ps, pn = merged[-1]
            if pc + pn == c0 and ps + pn == s0:
                merged[-1] = (pc, ps, pn + n)
                continue
        merged.append((c0, s0, n))
    return merged


@dataclass
class Document:
    """One article's clean text, how it was laid out, and where it came from.

    ``text`` is what the NLP runs on and what every offset points into.
    ``source_text`` is the decoded source (for HTML and PDF: the extracted text
    layer), and ``offsets`` maps ``text`` offsets back into it.
    """

    text: str
    source_text: str
    offsets: OffsetMap
    paragraphs: list[Paragraph] = field(default_factory=list)
    title: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    source: str | None = None  # publisher / outlet
    author: str | None = None  # the byline's name(s), from the source's metadata or its byline line
    dateline: str | None = None  # the place of the first paragraph's dateline ("KHAN YOUNIS, Gaza")
    path: str | None = None  # file path (with ":LINE" for a JSONL record, "#N" for article N of an export)
    format: str = "txt"  # txt | pdf | html | jsonl | stdin | docx | rtf | odt | nexis | factiva
    section: str | None = None  # the section or page the source names ("NEWS; Pg. 8")
    language: str | None = None  # the language the source or the batch declares (ISO 639-1); None: detect it
    length: int | None = None  # the word count the source declares ("LENGTH: 355 words")
    source_offset: int = 0  # where source_text begins in the file's text (an article of a multi-article export)
    extra: dict[str, str] = field(default_factory=dict)  # other fields the source declares (load date, accession no.)
    removed: list[Span] = field(default_factory=list)  # page furniture, offsets in source_text
    warnings: list[str] = field(default_factory=list)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the file's text that the clean span ``[start, end)`` came from.

        For an article of a multi-article export this points into the whole
        export (its decoded text), not only into the article's ``source_text``.
        """
        source_start, source_end = self.offsets.span_to_source(start, end)
        return self.source_offset + source_start, self.source_offset + source_end

    @cached_property
    def id(self) -> str:
        """The article id of this text (see :func:`~newsgraph.model.ids.article_id`), computed once."""
        return article_id(self.text)

    def new_article(self) -> Article:
        """An Article with this document's id, text, layout and metadata, and no facts yet.

        The one place where a document's metadata passes into an article: the
        pipeline fills in the facts, and the store writes what the article holds.
        """
        return Article(
            id=self.id,
            text=self.text,
            title=self.title,
            published=self.published,
            url=self.url,
            source=self.source,
            path=self.path,
            author=self.author,
            dateline=self.dateline,
            section=self.section,
            declared_length=self.length,
            extra=dict(self.extra),
            paragraphs=list(self.paragraphs),
        )

    def to_record(self) -> dict:
        """A plain dict (JSON- and pickle-safe) of everything the document holds."""
        record = {f.name: getattr(self, f.name) for f in fields(self)}
        record["offsets"] = self.offsets.to_json()
        record["paragraphs"] = [asdict(p) for p in self.paragraphs]
        record["removed"] = [asdict(s) for s in self.removed]
        return record

    @classmethod
    def from_record(cls, record: dict) -> Document:
        """The inverse of :meth:`to_record`."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in record.items() if k in known}
        values["offsets"] = OffsetMap.from_json(record["offsets"])
        values["paragraphs"] = [Paragraph(**p) for p in record.get("paragraphs", [])]
        values["removed"] = [Span(**s) for s in record.get("removed", [])]
        return cls(**values)
