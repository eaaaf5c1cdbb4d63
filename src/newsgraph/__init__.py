"""newsgraph: turn news articles into an evidence-linked knowledge graph.

The public API is four functions and the data model::

    import newsgraph
    article = newsgraph.analyze("story.txt")          # -> Article, not stored
    newsgraph.ingest(["folder/"], db="news.db")      # -> IngestReport
    db = newsgraph.open("news.db")                   # read-only queries

Heavy imports (spaCy, the store) happen on first use, not on ``import newsgraph``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = ["analyze", "analyze_many", "ingest", "open", "Article", "MIN_CONFIDENCE", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import analyze, analyze_many, ingest
    from .model import MIN_CONFIDENCE, Article


def open(db="newsgraph.db"):  # noqa: A001 - `newsgraph.open(db)` reads naturally
    """Open a store read-only: ``newsgraph.open("news.db").articles()``."""
    from .api import open_database

    return open_database(db)


def __getattr__(name: str):
    # Lazy so that `import newsgraph` stays cheap and side-effect free.
    if name in ("analyze", "analyze_many", "ingest"):
        from . import api

        return getattr(api, name)
    if name == "Article":
        from .model import MIN_CONFIDENCE, Article

        return Article
    if name == "MIN_CONFIDENCE":  # the one threshold of what the reader, exports and API show
        from .model.confidence import MIN_CONFIDENCE

        return MIN_CONFIDENCE
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
