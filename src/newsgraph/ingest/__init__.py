"""Reading articles: files, folders and stdin in, clean ``Document`` objects out."""

import sys
import types

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


class _IngestPackage(types.ModuleType):
    """``newsgraph.ingest`` is this package *and* the API function ``newsgraph.ingest(paths, db=...)``.

    Python sets ``newsgraph.ingest`` to this package as soon as it is imported,
    which would hide the function; making the package callable keeps both.
    """

    def __call__(self, *args, **kwargs):
        from ..api import ingest

        return ingest(*args, **kwargs)


sys.modules[__name__].__class__ = _IngestPackage
