"""Server-side highlighting of an article's facts, with overlapping spans.

Each paragraph is cut at every fact boundary inside it; each piece becomes one
``<span class="hl hl-LAYER ...">`` carrying every layer and fact that covers it
(so a figure inside a quote inside a sentence with an event gets three classes),
or plain text when no fact covers it.  Every piece of text and every attribute
value goes through markupsafe, so article text can never become markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Article, Paragraph
from ..model.confidence import shown

__all__ = ["LAYERS", "Fact", "fmt_amount", "article_facts", "render_paragraphs", "mark_span"]

# Layer name -> label, in legend order.
LAYERS = {
    "entity": "Entities",
    "quote": "Quotes",
    "figure": "Figures",
    "date": "Dates",
    "event": "Events",
}


@dataclass(frozen=True)
class Fact:
    token: (
        str  # what panel items point at: "e3" (all mentions of entity 3), "q-0", "n-0" (a finding), "a-1", "d-0", "v-2"
    )
    layer: str
    start: int
    end: int
    title: str


def fmt_amount(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def _confidence(fact) -> str:
    """`` · confidence 0.62`` for a fact that has one, for its tooltip."""
    return "" if fact.confidence is None else f" · confidence {fact.confidence:.2f}"


def article_facts(article: Article, threshold: float = 0.0) -> list[Fact]:
    """Every highlightable fact of ``article`` with a tooltip text, clipped to the text.
    Entities, quotes, findings and events below ``threshold`` are left out; their tokens keep
    their index in the article, so links to ``#f-v-3`` stay right."""
    names = {e.id: e.name for e in article.entities}
    n = len(article.text)
    facts: list[Fact] = []

    def add(token: str, layer: str, start: int, end: int, title: str) -> None:
        start, end = max(0, int(start)), min(n, int(end))
        if start < end:
            facts.append(Fact(token, layer, start, end, title))

    for i, ent in enumerate(article.entities):
        if not shown(ent, threshold):
            continue
        for m in ent.mentions:
            # a place inside a longer name ("Dallas" in "Dallas Mavericks") says so: the two overlap
            inside = f" · in the name {names[m.nested]}" if m.nested in names else ""
            add(f"e{i}", "entity", m.start, m.end, f"{ent.name} ({ent.type}){inside}{_confidence(ent)}")
    for i, q in enumerate(article.quotes):
        if not shown(q, threshold):
            continue
        who = names.get(q.speaker, "unattributed") if q.speaker else "unattributed"
        written = q.speaker_span.text if q.speaker_span else None
        if written and written != who:  # the speaker as written: "Maria Lopez (“she”)", or just "“a city official”"
            who = f"“{written}”" if who == "unattributed" else f"{who} (“{written}”)"
        add(f"q-{i}", "quote", q.start, q.end, f"{q.kind} quote · {who}{_confidence(q)}")
    for i, f in enumerate(article.findings):
        # on the quotes' layer: attributed content, shown and hidden with the quotes
        if shown(f, threshold):
            add(f"n-{i}", "quote", f.start, f.end, f"{f.kind} finding · “{f.source_span.text}”{_confidence(f)}")
    for i, a in enumerate(article.amounts):
        unit = a.currency or a.unit or ""
        add(f"a-{i}", "figure", a.start, a.end, f"figure: {fmt_amount(a.value)} {unit}".rstrip())
    for i, d in enumerate(article.dates):
        add(f"d-{i}", "date", d.start, d.end, f"date: {d.value or 'unresolved'}")
    for i, ev in enumerate(article.events):
        if shown(ev, threshold):
            add(
                f"v-{i}", "event", ev.trigger.start, ev.trigger.end, f"event {ev.type} ({ev.modality}){_confidence(ev)}"
            )
    return facts


def _paragraphs(article: Article) -> list[Paragraph]:
    if article.paragraphs:
        return sorted(article.paragraphs, key=lambda p: (p.start, p.end))
    # No layout recorded: blank-line separated blocks.
    out, pos = [], 0
    for block in article.text.split("\n\n"):
        if block.strip():
            out.append(Paragraph(pos, pos + len(block), "body"))
        pos += len(block) + 2
    return out


def _render(text: str, start: int, end: int, facts: list[Fact], seen: set[str]) -> Markup:
    """``text[start:end]`` as HTML with ``facts`` (already known to overlap it) highlighted."""
    cuts = {start, end}
    for f in facts:
        cuts.add(min(max(f.start, start), end))
        cuts.add(min(max(f.end, start), end))
    bounds = sorted(cuts)
    parts: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        piece = escape(text[a:b])
        active = [f for f in facts if f.start <= a and f.end >= b]
        if not active:
            parts.append(piece)
            continue
        layers = sorted({f.layer for f in active}, key=list(LAYERS).index)
        tokens = list(dict.fromkeys(f.token for f in active))
        titles = list(dict.fromkeys(f.title for f in active))
        first_seen = [t for t in tokens if t not in seen]
        seen.update(tokens)
        attrs = Markup(' class="hl {}" data-facts="{}" title="{}"').format(
            " ".join(f"hl-{layer}" for layer in layers), " ".join(tokens), " · ".join(titles)
        )
        if first_seen:
            attrs += Markup(' id="f-{}"').format(first_seen[0])
        # facts that begin on the same piece ("Dallas" of "Dallas Mavericks" and the place Dallas
        # nested in it) each keep a #f- anchor for the panel's links: empty markers before the piece
        parts.extend(Markup('<span id="f-{}"></span>').format(t) for t in first_seen[1:])
        parts.append(Markup("<span{}>{}</span>").format(attrs, piece))
    return Markup("").join(parts)


def render_paragraphs(article: Article, facts: list[Fact] | None = None) -> list[tuple[str, Markup]]:
    """``[(kind, html)]`` for each paragraph: kind is "title", "body" or "blockquote"."""
    facts = article_facts(article) if facts is None else facts
    ordered = sorted(facts, key=lambda f: f.start)
    seen: set[str] = set()
    out = []
    lo = 0
    for p in _paragraphs(article):
        while lo < len(ordered) and ordered[lo].end <= p.start:
            lo += 1
        inside = []
        for f in ordered[lo:]:
            if f.start >= p.end:
                break
            if f.end > p.start:
                inside.append(f)
        out.append((p.kind, _render(article.text, p.start, p.end, inside, seen)))
    return out


def mark_span(text: str, start: int, end: int) -> tuple[Markup, Markup, Markup]:
    """(before, marked, after) of ``text`` around ``[start, end)``, escaped."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return escape(text[:start]), escape(text[start:end]), escape(text[end:])
