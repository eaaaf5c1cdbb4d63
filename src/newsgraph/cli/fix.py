"""``newsgraph fix``: an analyst's corrections (merge, reject, rename, retype, relink,
split; reject or re-attribute quotes; reject or edit events; undo; rules files)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import printable
from ..render import json_text
from .common import DB_OPTION, DEBUG_OPTION, REASON_OPTION, USER_OPTION, open_db, out, run_command

fix_app = typer.Typer(
    no_args_is_help=False,
    help="Correct the graph: merge, reject, rename, retype, relink entities; reject quotes and events; undo.",
)
ARTICLE_OPTION = typer.Option(None, "--article", help="Limit the correction to this article id.")


def _fix(db: Path, user: str | None, debug: bool, action) -> None:
    """Open the store for corrections, run ``action(corrector)``, print what it returns."""

    def body() -> None:
        from ..store.corrector import Corrector

        open_db(db)
        with Corrector(db, user=user) as corrector:
            result = action(corrector)
        lines = result if isinstance(result, list) else [result.summary()]
        for line in lines:
            out.print(printable(line), highlight=False, markup=False)

    run_command(debug, body, db=db)


@fix_app.callback(invoke_without_command=True)
def fix_main(
    ctx: typer.Context,
    apply: Path | None = typer.Option(None, "--apply", help="Apply a rules file (YAML, by names and types)."),
    db: Path = DB_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Corrections are stored with who, when and why, hold for later articles, and can be undone."""
    if ctx.invoked_subcommand is not None:
        return
    if apply is None:
        out.print(ctx.get_help())
        raise typer.Exit(0)
    _fix(db, user, debug, lambda c: c.apply_rules(apply))


@fix_app.command("merge")
def fix_merge(
    source_id: int,
    target_id: int,
    db: Path = DB_OPTION,
    reason: str = REASON_OPTION,
    article: str | None = ARTICLE_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Merge corpus entity SOURCE_ID into TARGET_ID."""
    _fix(db, user, debug, lambda c: c.merge(source_id, target_id, reason, article))


@fix_app.command("reject")
def fix_reject(
    entity_id: int,
    db: Path = DB_OPTION,
    reason: str = REASON_OPTION,
    article: str | None = ARTICLE_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Reject a corpus entity: it leaves the graph and its names stay out of later articles."""
    _fix(db, user, debug, lambda c: c.reject(entity_id, reason, article))


@fix_app.command("rename")
def fix_rename(
    entity_id: int,
    name: str,
    db: Path = DB_OPTION,
    reason: str = REASON_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Show a corpus entity under NAME."""
    _fix(db, user, debug, lambda c: c.rename(entity_id, name, reason))


@fix_app.command("retype")
def fix_retype(
    entity_id: int,
    type_: str = typer.Argument(..., metavar="TYPE"),
    db: Path = DB_OPTION,
    reason: str = REASON_OPTION,
    article: str | None = ARTICLE_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Give a corpus entity another type (PERSON, ORG, GPE, LOC, ...)."""
    _fix(db, user, debug, lambda c: c.retype(entity_id, type_, reason, article))


@fix_app.command("relink")
def fix_relink(
    entity_id: int,
    name: str = typer.Option(..., "--name", help="The mentions to move, by name."),
    to: int | None = typer.Option(None, "--to", help="The right entity; without it, one of their own."),
    db: Path = DB_OPTION,
    reason: str = REASON_OPTION,
    article: str | None = ARTICLE_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Link the mentions called --name of an entity elsewhere (--to), or split them off."""
    _fix(db, user, debug, lambda c: c.relink(entity_id, name, to, reason, article))


def _fact_key(key: str) -> tuple[str, int, int]:
    """ARTICLE:START-END, e.g. 9851cbb86d71dd84:14-30."""
    try:
        article, span = key.rsplit(":", 1)
        start, end = (int(n) for n in span.split("-", 1))
    except ValueError:
        raise typer.BadParameter(f"{key!r} is not ARTICLE:START-END") from None
    return article, start, end


FACT_ARGUMENT = typer.Argument(..., metavar="ARTICLE:START-END", help="Article id and character offsets.")


@fix_app.command("reject-quote")
def fix_reject_quote(
    fact: str = FACT_ARGUMENT,
    db: Path = DB_OPTION,
    reason: str = REASON_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Reject the quote at ARTICLE:START-END."""
    _fix(db, user, debug, lambda c: c.reject_quote(*_fact_key(fact), reason))


@fix_app.command("split-mentions")
def fix_split_mentions(
    entity_id: int,
    mentions: list[str] = typer.Option(..., "--mention", metavar="ARTICLE:START-END", help="A mention to split off."),
    type_: str | None = typer.Option(None, "--type", help="The type of the new entity (default: the entity's)."),
    db: Path = DB_OPTION,
    reason: str = REASON_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Split chosen mentions (by position, in one article) off an entity as an entity of their own."""
    keys = [_fact_key(m) for m in mentions]
    if len({article for article, _, _ in keys}) > 1:
        raise typer.BadParameter("every --mention must be in the same article")
    spans = [(start, end) for _, start, end in keys]
    _fix(db, user, debug, lambda c: c.split_mentions(entity_id, keys[0][0], spans, type_, reason))


@fix_app.command("reattribute-quote")
def fix_reattribute_quote(
    fact: str = FACT_ARGUMENT,
    speaker: int = typer.Option(..., "--speaker"),
    db: Path = DB_OPTION,
    reason: str = REASON_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Give the quote at ARTICLE:START-END another speaker (a corpus entity id in that article)."""
    _fix(db, user, debug, lambda c: c.reattribute_quote(*_fact_key(fact), speaker, reason))


@fix_app.command("reject-event")
def fix_reject_event(
    fact: str = FACT_ARGUMENT,
    db: Path = DB_OPTION,
    reason: str = REASON_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Reject the event whose trigger is at ARTICLE:START-END."""
    _fix(db, user, debug, lambda c: c.reject_event(*_fact_key(fact), reason))


@fix_app.command("edit-event")
def fix_edit_event(
    fact: str = FACT_ARGUMENT,
    type_: str | None = typer.Option(None, "--type"),
    source: list[int] | None = typer.Option(None, "--source"),
    target: list[int] | None = typer.Option(None, "--target"),
    db: Path = DB_OPTION,
    reason: str = REASON_OPTION,
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Change an event's PLOVER type or its actors (corpus entity ids, repeatable)."""
    _fix(db, user, debug, lambda c: c.edit_event(*_fact_key(fact), type_, source or None, target or None, reason))


@fix_app.command("undo")
def fix_undo(
    correction_id: int, db: Path = DB_OPTION, user: str | None = USER_OPTION, debug: bool = DEBUG_OPTION
) -> None:
    """Undo a correction (it stays listed, marked undone)."""
    _fix(db, user, debug, lambda c: c.undo(correction_id))


@fix_app.command("list")
def fix_list(db: Path = DB_OPTION, as_json: bool = typer.Option(False, "--json"), debug: bool = DEBUG_OPTION) -> None:
    """Every correction, oldest first, undone ones included."""

    def listing(corrector):
        found = corrector.list()
        if as_json:
            return [json_text([c.to_dict() for c in found], indent=None)]
        return [c.summary() for c in found] or ["no corrections"]

    _fix(db, None, debug, listing)
