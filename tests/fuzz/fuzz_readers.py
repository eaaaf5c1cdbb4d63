#!/usr/bin/env python
"""Atheris (libFuzzer) target for the readers: arbitrary bytes in, Documents or InputErrors out.

    make fuzz                                             # 5 minutes over tests/fuzz/corpus
    .venv/bin/python tests/fuzz/fuzz_readers.py -max_total_time=60 tests/fuzz/corpus

The first byte of an input picks the format (.txt, .jsonl, .html, .pdf); the
rest is written to a file of that name and read with ``iter_documents``.  Any
exception that escapes, or a Document whose offsets do not fit its texts, is a
crash and libFuzzer saves the input as ``crash-*``.  Extraction runs in this
process (``isolate=False``) so that a bug surfaces as a crash here instead of
becoming an E020 line in a child process.  tests/test_reliability.py runs this
for 5 s inside ``make test``.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["newsgraph", "pdfminer"]):
    from newsgraph.errors import InputError
    from newsgraph.model import Document
from newsgraph.readers import ReadOptions, iter_documents

SUFFIXES = (".txt", ".jsonl", ".html", ".pdf")
OPTIONS = ReadOptions(isolate=False, time_limit=2, pdf_max_pages=5, max_bytes=1 << 20)
WORKDIR = tempfile.mkdtemp(prefix="newsgraph-fuzz-")


def check(item: object) -> None:
    if isinstance(item, InputError):
        line = item.line()
        assert "\n" not in line and item.code.startswith("E0"), line
        return
    assert isinstance(item, Document), f"iter_documents yielded {type(item).__name__}"
    offsets = item.offsets
    assert offsets.clean_length == len(item.text) and offsets.source_length == len(item.source_text)
    for i in range(0, len(item.text), max(1, len(item.text) // 50)):  # a sample of characters
        assert 0 <= offsets.to_source(i) <= len(item.source_text)
    for para in item.paragraphs:
        assert 0 <= para.start <= para.end <= len(item.text)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = os.path.join(WORKDIR, "input" + SUFFIXES[data[0] % len(SUFFIXES)])
    with open(path, "wb") as fh:
        fh.write(data[1:])
    for item in iter_documents([path], OPTIONS):
        check(item)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
