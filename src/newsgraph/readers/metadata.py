"""Metadata a user gives for a batch: options for all files, and a manifest for each file.

Precedence, field by field (title, published, source, url, language):

1. the manifest's row for the file, where it has a value;
2. what the file itself says (HTML meta tags, a JSONL record's fields, an
   export's fields);
3. the batch options (``--published``, ``--source``, ``--language``).

So a manifest corrects a file, and the batch options only fill what is
missing.  A manifest row for an export applies to each of its articles, except
its title (each article has its own headline).

A manifest is CSV (a header row naming the columns) or JSON Lines (one object
per line), with a ``path`` column and any of ``title``, ``published``,
``source``, ``url``, ``language``.  Relative paths are taken from the
manifest's folder; a row for a file that is not in the batch is ignored.  A malformed manifest is refused whole (E028) before any
file is read: metadata that is silently half applied is worse than none.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from ..model import Document

__all__ = ["Metadata", "Manifest", "with_metadata", "manifest_key", "FIELDS"]

FIELDS = ("title", "published", "source", "url", "language")


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    published: str | None = None  # ISO date
    source: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1

    def values(self) -> dict[str, str]:
        return {name: value for name in FIELDS if (value := getattr(self, name)) is not None}


class Manifest:
    """Metadata by file: keys are resolved paths."""

    def __init__(self, rows: dict[str, Metadata]) -> None:
        self.rows = rows

    def get(self, path: str | os.PathLike[str]) -> Metadata | None:
        return self.rows.get(manifest_key(Path(path)))

    def __len__(self) -> int:
        return len(self.rows)


def manifest_key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def with_metadata(document: Document, file: Path, manifest: Manifest | None, defaults: Metadata | None) -> Document:
    """``document`` with the manifest's values for ``file`` over its own, and ``defaults`` under them."""
    row = manifest.get(file) if manifest is not None else None
    changes: dict[str, str] = {}
    if row is not None:
        changes.update(row.values())
        if document.path != str(file):  # one article of an export or a JSONL file keeps its own headline
            changes.pop("title", None)
    if defaults is not None:
        for name, value in defaults.values().items():
            if name not in changes and getattr(document, name) is None:
                changes[name] = value
    changes = {name: value for name, value in changes.items() if getattr(document, name) != value}
    return dataclasses.replace(document, **changes) if changes else document
