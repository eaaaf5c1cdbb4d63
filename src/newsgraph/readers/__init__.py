"""Readers: files, folders and stdin in, clean ``Document`` objects out.

``files.FORMATS`` lists the formats; each has a module here (``text``, ``jsonl``,
``pdf``, ``html``) and all share ``base`` (options, limits, repair).
"""

from .base import ReadOptions, document_from_text, iso_date
from .files import FORMATS, SUFFIXES, iter_documents, iter_files, read_path
from .repair import Repaired, RepairOptions, repair_text

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "ReadOptions",
    "RepairOptions",
    "Repaired",
    "document_from_text",
    "iso_date",
    "iter_documents",
    "iter_files",
    "read_path",
    "repair_text",
]
