"""Plain text files and standard input: decoded, repaired, one article each (or an export's articles)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .articles import documents_from_any_text
from .base import ReadOptions, document_from_text, read_limited
from .decoding import decode_bytes

__all__ = ["read_text", "read_stdin"]


def read_text(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """One article, or each article of a Nexis or Factiva export saved as text."""
    text = decode_bytes(read_limited(path, options.max_bytes), str(path))
    yield from documents_from_any_text(text, path=str(path), fmt="txt", options=options)


def read_stdin(options: ReadOptions) -> Iterator[Document]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        data = stream.read(options.max_bytes + 1)
    else:
        data = sys.stdin.read(options.max_bytes + 1).encode("utf-8")
    if len(data) > options.max_bytes:
        raise InputError("E012", path="<stdin>", limit=options.max_bytes)
    text = decode_bytes(data, "<stdin>")
    yield document_from_text(text, path="<stdin>", fmt="stdin", options=options)
