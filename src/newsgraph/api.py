"""The Python API: one obvious function per job, for notebooks and scripts.

import newsgraph
article = newsgraph.analyze("examples/txt/rotterdam-port-strike.txt")
report = newsgraph.ingest(["examples/"], db="news.db")
db = newsgraph.open("news.db")
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .batch.runner import IngestOptions, IngestReport, run_ingest
from .model import Article
from .nlp.pipeline import AnalysisOptions, analyze_documents, build_pipeline
from .readers import ReadOptions, document_from_text, read_path
from .store import Database

__all__ = ["analyze", "analyze_many", "ingest", "open_database", "default_pipeline"]


@functools.lru_cache(maxsize=1)
def default_pipeline():
    """The full pipeline, built on first use and kept for the process."""
    return build_pipeline(AnalysisOptions())


def _looks_like_path(source: str | os.PathLike) -> bool:
    if isinstance(source, os.PathLike):
        return True
    if "\n" in source or len(source) >= 4096:
        return False
    try:
        return Path(source).exists()
    except OSError:  # e.g. a one-line article longer than a file name may be: it is text
        return False


def analyze(
    source: str | os.PathLike,
    *,
    published: str | None = None,
    title: str | None = None,
    read_options: ReadOptions | None = None,
) -> Article:
    """Analyse one article, given as text or as a path, without storing it.

    A path to a file holding several articles (JSONL) gives the first; use
    :func:`analyze_many` for all of them.
    """
    if _looks_like_path(source):
        documents = read_path(source, read_options)
        document = next(iter(documents), None)
        if document is None:
            raise ValueError(f"{source}: no article found")
    else:
        document = document_from_text(
            str(source), path=None, fmt="text", options=read_options or ReadOptions(), title=title, published=published
        )
    if published:
        document.published = published
    for _document, article in analyze_documents(default_pipeline(), [document]):
        return article
    raise AssertionError("the pipeline returned nothing for one document")


def analyze_many(paths: Iterable[str | os.PathLike], read_options: ReadOptions | None = None) -> Iterator[Article]:
    """Analyse every article under ``paths`` (files or folders), streaming, without storing."""
    from .errors import InputError
    from .readers import iter_documents

    documents = (d for d in iter_documents([str(p) for p in paths], read_options) if not isinstance(d, InputError))
    for _document, article in analyze_documents(default_pipeline(), documents):
        yield article


def ingest(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    db: str | os.PathLike = "newsgraph.db",
    *,
    options: IngestOptions | None = None,
) -> IngestReport:
    """Read, analyse and store every article under ``paths`` into ``db``."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return run_ingest(list(paths), db, options, nlp=default_pipeline())


def open_database(db: str | os.PathLike = "newsgraph.db") -> Database:
    """A read-only handle with queries for articles, entities and events."""
    return Database(db)
