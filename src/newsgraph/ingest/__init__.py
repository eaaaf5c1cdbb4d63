"""Reading articles: files, folders and stdin in, clean ``Document`` objects out."""

from .document import Document, OffsetMap
from .readers import ReadOptions, iter_documents, read_path
from .repair import RepairOptions, Repaired, repair_text

__all__ = [
    "Document",
    "OffsetMap",
    "ReadOptions",
    "RepairOptions",
    "Repaired",
    "iter_documents",
    "read_path",
    "repair_text",
]
