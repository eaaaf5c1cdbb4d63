"""JSONL dumps: one article per line, ``text`` required; ``title``, ``published``/``date``, ``url``,
``source`` and ``author`` optional.  A bad line is one error and the file goes on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .base import ReadOptions, document_from_text, iso_date, read_limited, text_or_none
from .decoding import decode_bytes

__all__ = ["read_jsonl"]


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    text = decode_bytes(read_limited(path, options.max_bytes), str(path))
    records = 0
    # Records end at "\n" only (a "\r" before it is JSON whitespace): str.splitlines
    # would also split at U+2028, U+2029, U+0085 and other characters that are legal,
    # unescaped, inside a JSON string, cutting one record in two.
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        records += 1
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError("E009", path=where, line=lineno, detail=err.msg)
            continue
        except ValueError as err:  # e.g. an integer longer than Python's 4300-digit limit
            yield InputError("E009", path=where, line=lineno, detail=str(err).split(";")[0][:120])
            continue
        except RecursionError:
            yield InputError("E009", path=where, line=lineno, detail="nested too deeply")
            continue
        if not isinstance(record, dict):
            yield InputError("E009", path=where, line=lineno, detail="not a JSON object")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError("E010", path=where, line=lineno)
            continue
        try:
            document = document_from_text(
                body,
                path=where,
                fmt="jsonl",
                options=options,
                title=text_or_none(record.get("title")),
                published=iso_date(record.get("published") or record.get("date")),
                url=text_or_none(record.get("url")),
                source=text_or_none(record.get("source")),
                author=text_or_none(record.get("author")),
            )
        except InputError as err:  # e.g. more words than max_words (E022): this record only
            yield err
            continue
        yield document
    if not records:
        raise InputError("E003", path=str(path))
