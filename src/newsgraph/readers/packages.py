"""Zipped office documents (.docx, .odt): their size unpacked, checked before anything is read.

A .docx is a ZIP archive, and a 2 MB one can hold an XML part that unpacks to
gigabytes.  python-docx and odfpy read every part into memory, so:

1. the declared unpacked sizes are added up from the archive's directory, which
   costs nothing, and a document whose parts come to more than
   ``ReadOptions.unpacked_max_bytes`` is refused (E026) before any part is
   inflated;
2. each part is then inflated once, 64 KiB at a time, into nothing: a part that
   holds more than it declares fails its CRC check at its declared size (E027).
   Without this, ``zipfile.ZipFile.read`` inflates a lying part whole, however
   large, before it looks at the declared size.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from ..errors import InputError
from .base import error_detail

__all__ = ["check_unpacked_size", "FORMAT_NAMES"]

_STEP = 64 * 1024
FORMAT_NAMES = {"docx": "Word", "odt": "OpenDocument", "rtf": "RTF"}


def check_unpacked_size(path: Path, fmt: str, limit: int) -> None:
    """E026 if the parts of the archive at ``path`` declare more than ``limit`` bytes unpacked; E027 if
    it is not a readable ZIP archive."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if sum(info.file_size for info in members) > limit:
                raise InputError("E026", path=str(path), fmt=FORMAT_NAMES[fmt], limit=f"{limit:,}")
            for info in members:
                with archive.open(info) as member:
                    while member.read(_STEP):  # stops at the declared size; a CRC error if it holds more
                        pass
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError, zlib.error) as err:
        raise InputError("E027", path=str(path), fmt=FORMAT_NAMES[fmt], detail=error_detail(err)) from None
