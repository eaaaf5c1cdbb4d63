"""Exports for the tools researchers already use: GDELT-style TSV, JSON Lines, Parquet."""

from __future__ import annotations

from pathlib import Path

__all__ = ["FORMATS", "export"]

FORMATS = ("gdelt-events", "jsonl", "parquet")


def export(db: str | Path, fmt: str, out: str | Path, *, all_modalities: bool = False) -> dict[str, int]:
    """Export the store at ``db``; returns rows written per table.

    ``gdelt-events`` writes one TSV file at ``out``; ``jsonl`` and ``parquet``
    write one file per table into the folder ``out``.
    """
    from ..store.connection import connect_reader

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    conn = connect_reader(db)
    try:
        out = Path(out)
        if fmt == "gdelt-events":
            from .gdelt import export_gdelt_events

            modalities = ("asserted", "negated", "hypothetical", "attempted", "future", "reported")
            if out.parent:
                out.parent.mkdir(parents=True, exist_ok=True)
            return {"events": export_gdelt_events(conn, out, modalities if all_modalities else ("asserted",))}
        from .tables import export_tables

        return export_tables(conn, out, fmt)
    finally:
        conn.close()
