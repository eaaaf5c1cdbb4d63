"""Reading articles: files, folders and stdin in, clean ``Document`` objects out."""

from .document import Document, OffsetMap
from .readers import ReadOptions, document_from_text, iter_documents, iter_files, read_path
from .repair import RepairOptions, Repaired, repair_text

__all__ = [
    "Document",
    "OffsetMap",
    "ReadOptions",
    "RepairOptions",
    "Repaired",
    "document_from_text",
    "iter_documents",
    "iter_files",
    "read_path",
    "repair_text",
]
