"""The article data model: plain dataclasses, the contract of docs/schema.md.

Everything downstream of the NLP pipeline (store, web, export, API) reads these
classes or their ``to_dict()`` JSON, never spaCy objects.  Offsets are character
offsets into ``Article.text`` and ``text[start:end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "Span",
    "Paragraph",
    "Mention",
    "Entity",
    "Quote",
    "Finding",
    "Event",
    "Amount",
    "DateMention",
    "Descriptor",
    "Article",
    "SCHEMA_VERSION",
]

# Bump when the JSON shape of Article.to_dict() changes; docs/schema.md records each version.
SCHEMA_VERSION = 5


@dataclass
class Span:
    """A piece of evidence: ``Article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass
class Paragraph:
    start: int
    end: int
    kind: str  # "title" | "body" | "blockquote"


@dataclass
class Mention:
    start: int
    end: int
    text: str
    # the id of the entity whose longer name holds this mention ("Dallas" in "Dallas Mavericks");
    # None for a mention of its own.  Nested mentions overlap their outer mention.
    nested: str | None = None


@dataclass
class Entity:
    id: str  # article-local id, "E1", "E2", ...
    name: str  # the fullest name the article gives
    type: str  # PERSON, ORG, GPE, LOC, NORP, FAC, PRODUCT, EVENT, WEAPON
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO 3166 alpha-3
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None  # e.g. "geonames:524901" or "iso3166:RUS"
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # "President", "Gen.", "head of ..."
    confidence: float | None = None  # 0..1 that the entity and its link are right; None: not computed (counts as 1.0)


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str  # "direct" | "block" | "partial" | "indirect"
    speaker: str | None = None  # entity id
    cue: Span | None = None
    speaker_span: Span | None = None  # the speaker as written where attributed: a name, "he", "the ministry"
    confidence: float | None = None  # 0..1 that the quote and its speaker are right; None: not computed (counts as 1.0)


@dataclass
class Finding:
    """What a record shows ("a new poll shows that ...") or an unnamed group is said to believe
    ("residents fear that ..."): an attribution with no one who said it, kept apart from quotes."""

    start: int
    end: int
    text: str  # the content, as for a Quote
    kind: str  # "record" | "view"
    source_span: Span  # the source phrase as written: "the poll", "many experts"
    cue: Span | None = None
    source: str | None = None  # entity id of an organisation or person the phrase names, when resolved
    confidence: float | None = None  # 0..1 that the content and its source phrase are right; None: not computed
    form: str = "indirect"  # how the content is given, as a Quote's kind: "direct" | "block" | "partial" | "indirect"

    def as_quote(self) -> Quote:
        """The finding seen as the quote it was made from, for readers of attributed content that take
        both (the events component reads its content as reported; the PolNeAR scorer scores it)."""
        return Quote(
            self.start, self.end, self.text, self.form, self.source, self.cue, self.source_span, self.confidence
        )


@dataclass
class Event:
    type: str  # PLOVER type, e.g. "ASSAULT"
    trigger: Span
    mode: str | None = None
    source: list[str] = field(default_factory=list)  # entity ids
    target: list[str] = field(default_factory=list)
    location: str | None = None  # entity id
    date: str | None = None  # ISO date
    modality: str = "asserted"
    speaker: str | None = None  # for modality "reported": whose claim it is
    mentions: list[Span] = field(default_factory=list)  # further sentences reporting it
    source_sector: str | None = None
    target_sector: str | None = None
    confidence: float | None = None  # 0..1 that the event, its type and actors are right; None: not computed (1.0)


@dataclass
class Amount:
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None  # "money", "percent", a duration unit ("year", "day"...), or the counted noun
    currency: str | None = None  # ISO 4217
    qualifier: str | None = None  # "over", "about", "at least", ...


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO date, or None when unresolved


@dataclass
class Descriptor:
    """A word or phrase the article uses for an actor (framing)."""

    entity: str  # entity id
    start: int
    end: int
    text: str
    construction: str  # "apposition" | "adjective" | "predicate" | "compound"
    tone: float = 0.0


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None  # publisher / outlet
    path: str | None = None  # the file it came from
    language: str = "en"
    skipped_reason: str | None = None  # set when the text was not analysed (e.g. not English)
    author: str | None = None  # the byline the source declares
    dateline: str | None = None  # the place of the first paragraph's dateline ("KHAN YOUNIS, Gaza")
    section: str | None = None  # the section or page the source names ("NEWS; Pg. 8")
    declared_length: int | None = None  # the word count the source declares ("LENGTH: 355 words")
    extra: dict[str, str] = field(default_factory=dict)  # other fields the source declares (load date, accession no.)
    paragraphs: list[Paragraph] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    framing: list[Descriptor] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The schema JSON of docs/schema.md: the same dict as ``dataclasses.asdict`` plus
        ``schema_version``, written out by hand because ``asdict`` deep-copies every value
        through ``copy.deepcopy`` and was a measurable part of storing an article."""
        return {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "source": self.source,
            "path": self.path,
            "language": self.language,
            "skipped_reason": self.skipped_reason,
            "author": self.author,
            "dateline": self.dateline,
            "section": self.section,
            "declared_length": self.declared_length,
            "extra": dict(self.extra),
            "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in self.paragraphs],
            "entities": [_entity_dict(e) for e in self.entities],
            "quotes": [_quote_dict(q) for q in self.quotes],
            "findings": [_finding_dict(f) for f in self.findings],
            "events": [_event_dict(ev) for ev in self.events],
            "amounts": [
                {
                    "start": a.start,
                    "end": a.end,
                    "text": a.text,
                    "value": a.value,
                    "unit": a.unit,
                    "currency": a.currency,
                    "qualifier": a.qualifier,
                }
                for a in self.amounts
            ],
            "dates": [{"start": d.start, "end": d.end, "text": d.text, "value": d.value} for d in self.dates],
            "framing": [
                {
                    "entity": f.entity,
                    "start": f.start,
                    "end": f.end,
                    "text": f.text,
                    "construction": f.construction,
                    "tone": f.tone,
                }
                for f in self.framing
            ],
            "schema_version": SCHEMA_VERSION,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from ``to_dict()`` output (as stored in the database)."""
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["paragraphs"] = [Paragraph(**p) for p in data.get("paragraphs", [])]
        kwargs["entities"] = [
            Entity(**{**e, "mentions": [Mention(**m) for m in e.get("mentions", [])]}) for e in data.get("entities", [])
        ]
        kwargs["quotes"] = [
            Quote(
                **{
                    **q,
                    "cue": Span(**q["cue"]) if q.get("cue") else None,
                    "speaker_span": Span(**q["speaker_span"]) if q.get("speaker_span") else None,
                }
            )
            for q in data.get("quotes", [])
        ]
        kwargs["findings"] = [
            Finding(
                **{
                    **f,
                    "source_span": Span(**f["source_span"]),
                    "cue": Span(**f["cue"]) if f.get("cue") else None,
                }
            )
            for f in data.get("findings", [])
        ]
        kwargs["events"] = [
            Event(
                **{
                    **ev,
                    "trigger": Span(**ev["trigger"]),
                    "mentions": [Span(**m) for m in ev.get("mentions", [])],
                }
            )
            for ev in data.get("events", [])
        ]
        kwargs["amounts"] = [Amount(**a) for a in data.get("amounts", [])]
        kwargs["dates"] = [DateMention(**d) for d in data.get("dates", [])]
        kwargs["framing"] = [Descriptor(**d) for d in data.get("framing", [])]
        return cls(**kwargs)

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def spans(self):
        """Yield every (kind, start, end, text) evidence span, for checks and highlighting."""
        for ent in self.entities:
            for m in ent.mentions:
                yield "mention", m.start, m.end, m.text
        for q in self.quotes:
            yield "quote", q.start, q.end, q.text
            if q.cue:
                yield "cue", q.cue.start, q.cue.end, q.cue.text
            if q.speaker_span:
                yield "speaker", q.speaker_span.start, q.speaker_span.end, q.speaker_span.text
        for f in self.findings:
            yield "finding", f.start, f.end, f.text
            yield "finding_source", f.source_span.start, f.source_span.end, f.source_span.text
            if f.cue:
                yield "cue", f.cue.start, f.cue.end, f.cue.text
        for ev in self.events:
            yield "trigger", ev.trigger.start, ev.trigger.end, ev.trigger.text
            for m in ev.mentions:
                yield "event_mention", m.start, m.end, m.text
        for a in self.amounts:
            yield "amount", a.start, a.end, a.text
        for d in self.dates:
            yield "date", d.start, d.end, d.text
        for f in self.framing:
            yield "descriptor", f.start, f.end, f.text


# Article.to_dict's parts, in each dataclass's field order (the JSON's key order).
# tests/model/test_article_dict.py checks them against dataclasses.asdict.
def _span_dict(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def _entity_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text, "nested": m.nested} for m in e.mentions],
        "country": e.country,
        "lat": e.lat,
        "lon": e.lon,
        "gazetteer_id": e.gazetteer_id,
        "aliases": list(e.aliases),
        "titles": list(e.titles),
        "confidence": e.confidence,
    }


def _quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "speaker": q.speaker,
        "cue": _span_dict(q.cue),
        "speaker_span": _span_dict(q.speaker_span),
        "confidence": q.confidence,
    }


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "kind": f.kind,
        "source_span": _span_dict(f.source_span),
        "cue": _span_dict(f.cue),
        "source": f.source,
        "confidence": f.confidence,
        "form": f.form,
    }


def _event_dict(ev: Event) -> dict[str, Any]:
    return {
        "type": ev.type,
        "trigger": _span_dict(ev.trigger),
        "mode": ev.mode,
        "source": list(ev.source),
        "target": list(ev.target),
        "location": ev.location,
        "date": ev.date,
        "modality": ev.modality,
        "speaker": ev.speaker,
        "mentions": [_span_dict(m) for m in ev.mentions],
        "source_sector": ev.source_sector,
        "target_sector": ev.target_sector,
        "confidence": ev.confidence,
    }
