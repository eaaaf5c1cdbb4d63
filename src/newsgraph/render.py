"""Render an Article in the terminal with Rich (for `analyze` and `show`)."""

from __future__ import annotations

import json
import re

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import printable
from .model import Article

__all__ = ["declared_metadata", "json_text", "print_article", "safe"]

# What json.dumps(ensure_ascii=False) leaves raw but a terminal may act on: DEL, the
# C1 controls (0x9b is CSI, like ESC [) and the bidi controls.  JSON escapes C0 itself.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: object) -> str:
    """``text`` from the input, ready for a Rich print: control characters made
    visible (``errors.printable``) and Rich markup escaped, so that a title holding
    ``ESC[2J`` or ``[bold]`` prints as those characters and does nothing."""
    return escape(printable(text))


def json_text(data: object, indent: int | None = 2) -> str:
    """JSON that keeps non-ASCII text readable yet holds no raw control characters."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return safe(text if len(text) <= width else text[: width - 1] + "…")


def declared_metadata(article: Article) -> list[tuple[str, str]]:
    """What the source declares about the article besides title, date and outlet, as (name, value) pairs:
    byline, section, declared length, then the other fields (load date, accession number ...)."""
    pairs = [("by", article.author), ("section", article.section)]
    if article.declared_length is not None:
        pairs.append(("length", f"{article.declared_length:,} words"))
    pairs += sorted((name.replace("_", " "), value) for name, value in article.extra.items())
    return [(name, value) for name, value in pairs if value]


def print_article(console: Console, article: Article) -> None:
    console.rule(safe(article.title or "(untitled)"))
    console.print(
        f"id {safe(article.id)} · published {safe(article.published or 'unknown')} · "
        f"{len(article.paragraphs)} paragraphs · {len(article.text.split())} words"
        + (f" · source {safe(article.source)}" if article.source else "")
        + (f" · file {safe(article.path)}" if article.path else ""),
        highlight=False,
    )
    if declared := declared_metadata(article):
        console.print(" · ".join(f"{safe(name)} {safe(value)}" for name, value in declared), highlight=False)
    if article.skipped_reason:
        console.print(f"[yellow]not analysed:[/yellow] {safe(article.skipped_reason)}")
        return
    names = {e.id: e.name for e in article.entities}

    if article.entities:
        table = Table("id", "name", "type", "country", "place", "mentions", title="Entities")
        for e in article.entities:
            place = f"{e.lat:.2f}, {e.lon:.2f}" if e.lat is not None and e.lon is not None else ""
            table.add_row(*map(safe, (e.id, e.name, e.type, e.country or "", place, len(e.mentions))))
        console.print(table)
    if article.quotes:
        table = Table("speaker", "kind", "cue", "quote", title="Quotes")
        for q in article.quotes:
            cue = q.cue.text if q.cue else ""
            table.add_row(safe(names.get(q.speaker, "?")), safe(q.kind), safe(cue), _short(q.text, 70))
        console.print(table)
    if article.events:
        table = Table("type", "source", "target", "where", "when", "modality", "trigger", title="Events")
        for ev in article.events:
            cells = (
                ev.type,
                ", ".join(names.get(i, i) for i in ev.source),
                ", ".join(names.get(i, i) for i in ev.target),
                names.get(ev.location, "") if ev.location else "",
                ev.date or "",
                ev.modality,
                ev.trigger.text,
            )
            table.add_row(*map(safe, cells))
        console.print(table)
    if article.amounts:
        table = Table("text", "value", "unit", "currency", title="Figures")
        for a in article.amounts:
            value = "" if a.value is None else f"{a.value:,.6g}"
            table.add_row(*map(safe, (a.text, value, a.unit or "", a.currency or "")))
        console.print(table)
    if article.dates:
        table = Table("text", "resolved", title="Dates")
        for d in article.dates:
            table.add_row(safe(d.text), safe(d.value or "unresolved"))
        console.print(table)
