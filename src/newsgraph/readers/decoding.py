"""Bytes to text: encoding detection, binary rejection, and mojibake repair with offsets.

Encoding order: a BOM (UTF-8, UTF-16, UTF-32) wins; then UTF-16 without a BOM
when NUL bytes sit mostly in alternating positions; then strict UTF-8; then
cp1252 (the usual encoding of "ANSI" text from Windows).  Other NUL bytes, or a
high share of control characters, mean the file is binary (E004).

``fix_mojibake`` runs ftfy and returns an OffsetMap from the fixed text back to
the text it was given, aligned line by line with ``difflib`` so that a large
file with a little mojibake stays cheap.
"""

from __future__ import annotations

import codecs
import difflib
import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

from ..errors import InputError
from ..model import OffsetMap

__all__ = ["decode_bytes", "fix_mojibake"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 8192
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
# ftfy settings: keep curly quotes (quote detection downstream wants them) and
# leave HTML entities alone unless the text is plainly escaped HTML.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False)
# Characters ftfy leaves alone when there is no mojibake (is_bad is false):
# printable ASCII, Latin-1 letters, common typographic punctuation.  Anything
# else (ligatures, fullwidth forms, combining marks, controls, "&", "\r") may
# be rewritten, so a line holding one goes through ftfy.  ftfy costs ~2 s per
# clean megabyte; this check makes the common case a single regex pass.
_MAY_CHANGE = re.compile(r"[^\t\n\f\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u20ac]|&")


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a text file's bytes, or raise InputError E003 / E004 / E014."""
    if not data.strip():
        raise InputError("E003", path=path)
    encoding = _sniff(data)
    if encoding is None and b"\x00" in data:
        raise InputError("E004", path=path)
    try:
        if encoding is not None:
            text = data.decode(encoding)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252")
    except UnicodeDecodeError:
        # A BOM or NUL pattern that lies, or bytes cp1252 leaves undefined.
        raise InputError("E004" if encoding else "E014", path=path) from None
    if not text.strip():
        raise InputError("E003", path=path)
    if _looks_binary(text):
        raise InputError("E004", path=path)
    return text


def _sniff(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:_SAMPLE]
    nuls = sample.count(b"\x00")
    if nuls < len(sample) * 0.2:
        return None
    odd = sample[1::2].count(b"\x00")  # ASCII in UTF-16-LE: "a\x00b\x00"
    even = sample[0::2].count(b"\x00")
    if odd >= 0.9 * nuls:
        return "utf-16-le"
    if even >= 0.9 * nuls:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    bad = sum(1 for c in sample if c == "\ufffd" or (c not in _ALLOWED_CONTROLS and unicodedata.category(c) == "Cc"))
    return "\x00" in sample or bad > 0.05 * len(sample)


def fix_mojibake(text: str) -> tuple[str, OffsetMap]:
    """ftfy-fixed text and a map from it back to ``text``."""
    if not _needs_fixing(text):
        return text, OffsetMap.identity(len(text))
    # ftfy works line by line, so aligning line by line is exact and linear.
    runs: list[tuple[int, int, int]] = []
    parts: list[str] = []
    clean_pos = src_pos = 0
    for line in text.splitlines(keepends=True):
        new = ftfy.fix_text(line, _FTFY) if _needs_fixing(line) else line
        if new == line:
            runs.append((clean_pos, src_pos, len(line)))
        else:
            runs.extend(_align(new, line, clean_pos, src_pos))
        parts.append(new)
        clean_pos += len(new)
        src_pos += len(line)
    fixed = "".join(parts)
    return fixed, OffsetMap(runs, len(fixed), len(text))


def _needs_fixing(text: str) -> bool:
    return bool(_MAY_CHANGE.search(text)) or (not text.isascii() and is_bad(text))


def _align(new: str, old: str, clean0: int, src0: int) -> list[tuple[int, int, int]]:
    """Runs mapping ``new`` onto ``old``; a replaced stretch maps proportionally."""
    runs: list[tuple[int, int, int]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            runs.append((clean0 + j1, src0 + i1, j2 - j1))
        elif op == "replace":
            # "â€™" -> "’": each new character points at the start of its share.
            for k in range(j2 - j1):
                runs.append((clean0 + j1 + k, src0 + i1 + k * (i2 - i1) // (j2 - j1), 1))
        # "insert": new characters with no source stay unmapped; "delete": nothing to map.
    return runs
