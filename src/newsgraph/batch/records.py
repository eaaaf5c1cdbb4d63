"""Plain-dict records: what crosses a process or a Ray boundary.

One pure function, :func:`analyze_records`, takes document records in and
gives article records out.  The local multiprocess runner and the Ray runner
both call it, so the analysis is the same code on a laptop and on a cluster.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Article, Document

__all__ = ["document_to_record", "record_to_document", "analyze_records", "article_record"]


def document_to_record(document: Document) -> dict:
    return document.to_record()


def record_to_document(record: dict) -> Document:
    return Document.from_record(record)


def article_record(article: Article, document: Document) -> dict:
    """An analysed article with its document, as one plain dict."""
    return {"id": article.id, "article": article.to_dict(), "document": document_to_record(document)}


def analyze_records(nlp, records: Iterable[dict], options=None) -> list[dict]:
    """Document records in, article records out, in the same order."""
    from ..nlp.pipeline import analyze_documents

    documents = [record_to_document(r) for r in records]
    return [article_record(article, document) for document, article in analyze_documents(nlp, documents, options)]
