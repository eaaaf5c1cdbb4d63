"""Exports for the tools researchers already use: GDELT-style TSV, JSON Lines, Parquet,
and the entity graph as GraphML, GEXF or an edge list CSV.

Every export reads one snapshot of the store (``store.snapshot``), never SQLite
directly, and is written atomically where ``export.output`` allows it.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["FORMATS", "export"]

FORMATS = ("gdelt-events", "jsonl", "parquet", "graphml", "gexf", "edges")


def export(
    db: str | Path,
    fmt: str,
    out: str | Path,
    *,
    all_modalities: bool = False,
    force: bool = False,
    min_confidence: float | None = None,
) -> dict[str, int]:
    """Export the store at ``db``; returns rows written per table.

    Entities, quotes, findings and events below ``min_confidence`` (default
    ``newsgraph.MIN_CONFIDENCE``; 0 exports every fact) are left out, with the
    mentions and event actors that belong to them; a fact with no confidence counts as 1.0.

    ``gdelt-events`` writes one TSV file at ``out``; ``graphml``, ``gexf`` and ``edges``
    (CSV) write the entity graph (``export.graph``) as one file; ``jsonl`` and ``parquet``
    write one file per table into the folder ``out``.  An existing file, or a
    folder holding files, is replaced only with ``force``; the store itself and
    any other SQLite database never are (OutputError E301-E304).
    """
    from ..model.confidence import MIN_CONFIDENCE, check_threshold
    from ..store.snapshot import Snapshot
    from .output import atomic_file, atomic_folder, check_file_target, check_folder_target

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    threshold = check_threshold(MIN_CONFIDENCE if min_confidence is None else min_confidence)
    db, out = Path(db), Path(out)
    if fmt == "gdelt-events":
        from .gdelt import export_gdelt_events

        check_file_target(out, db, force=force)
        modalities = ("asserted", "negated", "hypothetical", "attempted", "future", "reported")
        with Snapshot(db) as snapshot, atomic_file(out) as partial:
            wanted = modalities if all_modalities else ("asserted",)
            return {"events": export_gdelt_events(snapshot, partial, wanted, min_confidence=threshold)}
    if fmt in ("graphml", "gexf", "edges"):
        from .graph import export_graph

        check_file_target(out, db, force=force)
        with atomic_file(out) as partial:
            return export_graph(db, fmt, partial, min_confidence=threshold)
    from .tables import EXPORTED_TABLES, export_tables

    check_folder_target(out, db, [f"{table}.{fmt}" for table in EXPORTED_TABLES], force=force)
    with Snapshot(db) as snapshot, atomic_folder(out) as partial:
        return export_tables(snapshot, partial, fmt, min_confidence=threshold)
