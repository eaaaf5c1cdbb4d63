"""Bytes to text: encoding detection, binary rejection, and mojibake repair with offsets.

Encoding order: a BOM (UTF-8, UTF-16, UTF-32) wins; then UTF-16 without a BOM
when NUL bytes sit mostly in alternating positions; then strict UTF-8.  Other
NUL bytes, or a high share of control characters, mean the file is binary
(E004).  Anything else is a legacy 8-bit (or East Asian multi-byte) encoding,
which charset-normalizer chooses, with one preference: cp1252, the usual
encoding of "ANSI" text from Windows in Western Europe, is kept whenever its
text scores as well (mess and language coherence) as charset-normalizer's best
guess.  That guess among look-alike code pages is unsteady for Western text
(plain English with curly quotes can come out as cp1250, German Latin-1 as
cp775), while text that cp1252 really garbles ("Rz¹d" for Polish
"Rząd", "pondìlí" for Czech "pondělí") scores worse and loses.
When charset-normalizer finds nothing, cp1252 is used if it can decode the
bytes, else the file is refused (E014).  Below a few hundred characters
charset-normalizer judges little as messy, so a very short non-Western file may
still be read as cp1252; so is Polish in ISO-8859-2, which it does not try
(and Czech in ISO-8859-2 ties with cp1250, which wins).

``fix_mojibake`` runs ftfy and returns an OffsetMap from the fixed text back to
the text it was given, aligned line by line with ``difflib`` so that a large
file with a little mojibake stays cheap.
"""

from __future__ import annotations

import codecs
import difflib
import re
import unicodedata

import charset_normalizer
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
                text = _decode_legacy(data, path)
    except UnicodeDecodeError:
        # A BOM or NUL pattern that lies.
        raise InputError("E004", path=path) from None
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


# Legacy encodings news text is written in: the Windows code pages, the ISO and
# KOI8 ones Windows did not displace, and the East Asian multi-byte ones.  DOS
# and Mac code pages are left out: on Western text they tie with cp1252 and win.
_LEGACY_ENCODINGS = [
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_15", "koi8_r", "koi8_u",
    "cp932", "euc_jp", "gb18030", "big5", "cp949",
]  # fmt: skip
# Highest mess ratio (share of unlikely characters) of a decoding we accept;
# clean text in the right encoding scores below 0.05, charset-normalizer's own
# default of 0.2 lets byte soup through as Cyrillic.
_MAX_MESS = 0.1
# Differences in charset-normalizer's mess and coherence scores smaller than
# this are noise: equally clean decodings of one text differ by about 0.005.
_SCORE_TOLERANCE = 0.01


def _decode_legacy(data: bytes, path: str) -> str:
    """Text in an 8-bit or multi-byte legacy encoding; E014 when none fits."""
    matches = charset_normalizer.from_bytes(data, cp_isolation=_LEGACY_ENCODINGS, threshold=_MAX_MESS)
    best = matches.best()
    if best is None:
        # charset-normalizer gives up on some texts it could read (it skips
        # ISO-8859-2 once cp1250 looked messy); cp1252 decodes all bytes but five.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError("E014", path=path) from None
    # Decodings giving the same text are grouped in one match.
    western = next((m for m in matches if "cp1252" in m.could_be_from_charset), None)
    if (
        western is not None
        and western.chaos <= best.chaos + _SCORE_TOLERANCE
        and western.coherence >= best.coherence - _SCORE_TOLERANCE
    ):
        return data.decode("cp1252")
    return str(best)


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
