"""`newsgraph load SHARDS`: merge Parquet shards written by the Ray runner into SQLite."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article, Document
from ..store import Store
from .records import record_to_document

__all__ = ["load_shards"]


def _article_rows(shards: Path) -> Iterator[tuple[Article, Document]]:
    import pyarrow.parquet as pq

    folder = shards / "articles"
    files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
    if not files:
        raise InputError("E002", path=str(folder))
    for file in files:
        # One row group at a time: shards can be larger than memory.
        parquet = pq.ParquetFile(file)
        for group in range(parquet.num_row_groups):
            table = parquet.read_row_group(group, columns=["article_json", "document_json", "error"])
            for article_json, document_json, error in zip(*(c.to_pylist() for c in table.columns)):
                if error:  # a file the Ray ingest could not read; it reported it then
                    continue
                yield Article.from_dict(json.loads(article_json)), record_to_document(json.loads(document_json))


def load_shards(shards: str | Path, db: str | Path, batch_size: int = 200, stories: bool = True) -> dict[str, int]:
    """Add every article in ``shards/articles`` to the store; known ones count as duplicates.
    Near-copies, stories and event clusters are decided as on a local ingest (unless ``stories`` is False)."""
    added = duplicates = 0
    with Store(db, stories=stories) as store:
        store.start_run("load")
        for result in store.add_many(_article_rows(Path(shards)), batch_size=batch_size):
            if result.added:
                added += 1
            else:
                duplicates += 1
    return {"added": added, "duplicates": duplicates}
