"""Loading the batch metadata a user gives: ``--published``/``--source``/``--language`` and ``--manifest``.

See ``metadata`` for what the values mean and which wins.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..errors import InputError
from .base import iso_date, read_limited, text_or_none
from .decoding import decode_bytes
from .exports import language_code
from .metadata import FIELDS, Manifest, Metadata, manifest_key

__all__ = ["load_manifest", "batch_metadata"]

MANIFEST_MAX_BYTES = 50 * 1024 * 1024


def batch_metadata(published: str | None, source: str | None, language: str | None) -> Metadata | None:
    """The ``--published``/``--source``/``--language`` options, checked (E029); None if none is given."""
    if published is None and source is None and language is None:
        return None
    date = None
    if published is not None:
        date = iso_date(published)
        if date is None:
            raise InputError("E029", option="--published", value=published, expected="a date (YYYY-MM-DD)")
    code = None
    if language is not None:
        code = language_code(language)
        if code is None:
            raise InputError("E029", option="--language", value=language, expected="a language code such as 'en'")
    return Metadata(published=date, source=text_or_none(source), language=code)


def load_manifest(path: Path) -> Manifest:
    """The manifest at ``path`` (CSV, or JSONL for a ``.jsonl``/``.json`` name); E028 for any malformed row."""
    text = decode_bytes(read_limited(path, MANIFEST_MAX_BYTES), str(path))
    if path.suffix.lower() in (".jsonl", ".json"):
        rows = _jsonl_rows(text, path)
    else:
        rows = _csv_rows(text, path)
    manifest: dict[str, Metadata] = {}
    for line, row in rows:
        where = f"line {line}"
        _check_columns(row, path, where)
        name = text_or_none(row.get("path"))
        if name is None:
            raise InputError("E028", path=str(path), where=where, detail="no 'path'")
        manifest[manifest_key(path.parent / name)] = _metadata(row, path, where)
    return Manifest(manifest)


def _check_columns(columns, path: Path, where: str) -> None:
    unknown = set(columns) - {"path", *FIELDS}
    if unknown:
        known = ", ".join(("path", *FIELDS))
        detail = f"unknown column '{sorted(unknown)[0]}' (known: {known})"
        raise InputError("E028", path=str(path), where=where, detail=detail)


def _metadata(row: dict[str, object], path: Path, where: str) -> Metadata:
    values: dict[str, str | None] = {}
    for name in FIELDS:
        raw = row.get(name)
        if raw is not None and not isinstance(raw, str):
            raise InputError("E028", path=str(path), where=where, detail=f"'{name}' is not text")
        values[name] = text_or_none(raw)
    if values["published"] is not None:
        date = iso_date(values["published"])
        if date is None:
            raise InputError("E028", path=str(path), where=where, detail=f"'{values['published']}' is not a date")
        values["published"] = date
    if values["language"] is not None:
        code = language_code(values["language"])
        if code is None:
            detail = f"'{values['language']}' is not a language code"
            raise InputError("E028", path=str(path), where=where, detail=detail)
        values["language"] = code
    return Metadata(**values)


def _csv_rows(text: str, path: Path) -> list[tuple[int, dict[str, object]]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise InputError("E028", path=str(path), where="line 1", detail="no header row")
    columns = [name.strip().lower() for name in reader.fieldnames]
    _check_columns(columns, path, "line 1")
    rows = []
    for record in reader:
        if None in record:  # more cells than the header has names
            raise InputError("E028", path=str(path), where=f"line {reader.line_num}", detail="more cells than columns")
        values = dict(zip(columns, record.values(), strict=True))
        if any(v and v.strip() for v in values.values()):
            rows.append((reader.line_num, values))
    return rows


def _jsonl_rows(text: str, path: Path) -> list[tuple[int, dict[str, object]]]:
    rows = []
    for line, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (ValueError, RecursionError) as err:
            raise InputError("E028", path=str(path), where=f"line {line}", detail=f"not valid JSON ({err})") from None
        if not isinstance(record, dict):
            raise InputError("E028", path=str(path), where=f"line {line}", detail="not a JSON object")
        rows.append((line, {str(k).lower(): v for k, v in record.items()}))
    return rows
