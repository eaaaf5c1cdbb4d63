"""Render an Article in the terminal with Rich (for `analyze` and `show`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Article

__all__ = ["print_article"]


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_article(console: Console, article: Article) -> None:
    console.rule(article.title or "(untitled)")
    console.print(
        f"id {article.id} · published {article.published or 'unknown'} · "
        f"{len(article.paragraphs)} paragraphs · {len(article.text.split())} words"
        + (f" · source {article.path}" if article.path else "")
    )
    if article.skipped_reason:
        console.print(f"[yellow]not analysed:[/yellow] {article.skipped_reason}")
        return
    names = {e.id: e.name for e in article.entities}

    if article.entities:
        table = Table("id", "name", "type", "country", "place", "mentions", title="Entities")
        for e in article.entities:
            place = f"{e.lat:.2f}, {e.lon:.2f}" if e.lat is not None and e.lon is not None else ""
            table.add_row(e.id, e.name, e.type, e.country or "", place, str(len(e.mentions)))
        console.print(table)
    if article.quotes:
        table = Table("speaker", "kind", "cue", "quote", title="Quotes")
        for q in article.quotes:
            table.add_row(names.get(q.speaker, "?"), q.kind, q.cue.text if q.cue else "", _short(q.text, 70))
        console.print(table)
    if article.events:
        table = Table("type", "source", "target", "where", "when", "modality", "trigger", title="Events")
        for ev in article.events:
            table.add_row(
                ev.type,
                ", ".join(names.get(i, i) for i in ev.source),
                ", ".join(names.get(i, i) for i in ev.target),
                names.get(ev.location, "") if ev.location else "",
                ev.date or "",
                ev.modality,
                ev.trigger.text,
            )
        console.print(table)
    if article.amounts:
        table = Table("text", "value", "unit", "currency", title="Figures")
        for a in article.amounts:
            table.add_row(a.text, "" if a.value is None else f"{a.value:,.6g}", a.unit or "", a.currency or "")
        console.print(table)
    if article.dates:
        table = Table("text", "resolved", title="Dates")
        for d in article.dates:
            table.add_row(d.text, d.value or "unresolved")
        console.print(table)
