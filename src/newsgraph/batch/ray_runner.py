"""Run the same analysis on a Ray cluster with Ray Data, writing Parquet shards.

    newsgraph ingest corpus/ --engine ray --address ray://head:10001 --shards out/
    newsgraph load out/ --db news.db

The driver lists the input files and hands their paths to the cluster; tasks
read and repair the files; an actor pool (one spaCy pipeline per actor, loaded
once) analyses them with :func:`~newsgraph.batch.records.analyze_records`, the
same pure function the local runner uses.  Everything happens in one streaming
pass that writes Parquet:

- ``articles/``: one row per article with its full JSON and its document
  (what ``newsgraph load`` needs), or the error line for a file that failed;
- one folder per fact table (``entities/``, ``mentions/``, ``quotes/``,
  ``events/``, ...) with the same columns as the SQLite tables, written by the
  actors as they go, for DuckDB or Spark to read directly.

Files must be readable at the same path on every node (a shared file system),
as usual for Ray Data.
"""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path

from ..errors import InputError
from ..model import Article
from ..readers import ReadOptions, iter_documents, iter_files
from ..store.rows import FACT_COLUMNS, arrow_schema, fact_rows
from .records import analyze_records, document_to_record

__all__ = ["run_ray_ingest", "shard_summary"]


def _read_file(row: dict) -> list[dict]:
    """Read one file into document records; a failure becomes a row carrying its error line."""
    out = []
    for item in iter_documents([row["path"]], ReadOptions()):
        if isinstance(item, InputError):
            out.append({"record": "", "error": item.line()})
        else:
            out.append({"record": json.dumps(document_to_record(item), ensure_ascii=False), "error": ""})
    return out


class _Analyzer:
    """A Ray actor: loads the pipeline once, then analyses batches of document records."""

    def __init__(self, shards: str) -> None:
        from ..nlp.pipeline import build_pipeline

        self.nlp = build_pipeline()
        self.shards = Path(shards)

    def __call__(self, batch: dict) -> dict:
        records = [json.loads(r) for r, e in zip(batch["record"], batch["error"]) if not e]
        results = analyze_records(self.nlp, records)
        self._write_fact_tables([Article.from_dict(r["article"]) for r in results])
        errors = [e for e in batch["error"] if e]
        return {
            "id": [r["id"] for r in results] + [""] * len(errors),
            "article_json": [json.dumps(r["article"], ensure_ascii=False) for r in results] + [""] * len(errors),
            "document_json": [json.dumps(r["document"], ensure_ascii=False) for r in results] + [""] * len(errors),
            "error": [""] * len(results) + errors,
        }

    def _write_fact_tables(self, articles: list[Article]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        name = f"{uuid.uuid4().hex}.parquet"
        per_table: dict[str, list[tuple]] = {table: [] for table in FACT_COLUMNS}
        for article in articles:
            for table, rows in fact_rows(article.id, article).items():
                per_table[table].extend(rows)
        for table, rows in per_table.items():
            if rows:
                folder = self.shards / table
                folder.mkdir(parents=True, exist_ok=True)
                schema = arrow_schema(table)
                pq.write_table(pa.Table.from_pylist([dict(zip(schema.names, r)) for r in rows], schema), folder / name)


def shard_summary(shards: Path) -> dict:
    """Rows per table and the error lines, read from the Parquet files' metadata and error column."""
    import pyarrow.parquet as pq

    summary: dict = {"articles": 0, "errors": []}
    for file in sorted((shards / "articles").glob("*.parquet")):
        errors = [e for e in pq.read_table(file, columns=["error"]).column(0).to_pylist() if e]
        summary["errors"].extend(errors)
        summary["articles"] += pq.ParquetFile(file).metadata.num_rows - len(errors)
    for table in FACT_COLUMNS:
        summary[table] = sum(pq.ParquetFile(f).metadata.num_rows for f in (shards / table).glob("*.parquet"))
    return summary


def run_ray_ingest(
    paths: list[str], shards: Path, *, address: str | None = None, actors: int = 2, batch_size: int = 16
) -> dict:
    """Analyse every article under ``paths`` on Ray; write Parquet shards under ``shards``."""
    import ray

    files, errors = [], []
    for item in iter_files(paths):
        (errors if isinstance(item, InputError) else files).append(item)
    if not files:
        raise errors[0] if errors else InputError("E002", path=", ".join(paths))
    shards = Path(shards).resolve()
    logging.getLogger("ray").setLevel(logging.WARNING)
    ray.init(
        address=address,
        ignore_reinit_error=True,
        log_to_driver=False,
        include_dashboard=False,
        logging_level=logging.WARNING,
    )
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    (
        ray.data.from_items([{"path": str(f)} for f in files])
        .flat_map(_read_file)
        .map_batches(
            _Analyzer,
            fn_constructor_args=(str(shards),),
            batch_size=batch_size,
            compute=ray.data.ActorPoolStrategy(size=actors),
        )
        .write_parquet(str(shards / "articles"))
    )
    summary = shard_summary(shards)
    summary["errors"] = [e.line() for e in errors] + summary["errors"]
    return {"files": len(files), **summary}
