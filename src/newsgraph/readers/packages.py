"""Zipped office documents (.docx, .odt): their size unpacked, checked before anything is read.

A .docx is a ZIP archive, and a 50 KB one can hold an XML part that unpacks to
gigabytes.  python-docx and odfpy read every part into memory, so the declared
unpacked sizes are added up from the archive's directory, which costs nothing,
and a document whose parts come to more than ``ReadOptions.unpacked_max_bytes``
is refused (E026) before any part is inflated.  A part that unpacks to more
than it declares fails its CRC check in ``zipfile`` (E027): ``zipfile`` stops
inflating a member at its declared size.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError
from .base import error_detail

__all__ = ["check_unpacked_size", "FORMAT_NAMES"]

FORMAT_NAMES = {"docx": "Word", "odt": "OpenDocument", "rtf": "RTF"}


def check_unpacked_size(path: Path, fmt: str, limit: int) -> None:
    """E026 if the parts of the archive at ``path`` declare more than ``limit`` bytes unpacked; E027 if
    it is not a readable ZIP archive."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as err:
        raise InputError("E027", path=str(path), fmt=FORMAT_NAMES[fmt], detail=error_detail(err)) from None
    if total > limit:
        raise InputError("E026", path=str(path), fmt=FORMAT_NAMES[fmt], limit=f"{limit:,}")
