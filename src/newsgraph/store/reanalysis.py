"""Re-analysis of stored articles: their documents out, their new analyses in.

The store keeps what the pipeline needs to run again on an article (its clean text,
source text, offset map, paragraphs and metadata), so a newer pipeline can replace the
facts without the original files.  ``replace_analyses`` swaps in new analyses for a
batch of articles inside the caller's transaction: each article keeps its id and row,
the new analysis becomes its uncorrected analysis, and its facts are written again with
every active correction applied (``corrections.recompute_articles``), so corpus entities
whose names resolve the same keep their ids.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

from ..model import Article, Document, OffsetMap, Paragraph
from .corrections import dumps, recompute_articles

__all__ = ["replace_analyses", "stored_article_ids", "stored_document", "stored_documents"]

_DOCUMENT_COLUMNS = "text, source_text, offset_map, paragraphs, title, published, url, source, path, format, language"


def stored_article_ids(conn: sqlite3.Connection) -> list[str]:
    """Every analysed article, in the order it was stored."""
    return [r[0] for r in conn.execute("SELECT id FROM articles WHERE skipped_reason IS NULL ORDER BY seq")]


def stored_document(conn: sqlite3.Connection, article_id: str) -> Document | None:
    """The document an article was analysed from, rebuilt from its row (None: no such article).

    An article stored without its document (``Store.add(article)``) gets its clean text as
    source text.  Its language is the one it was stored with: it was analysed as English
    once, and is not screened again."""
    rows = conn.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchall()
    if not rows:
        return None
    text, source_text, offset_map, paragraphs, title, published, url, source, path, fmt, language = rows[0]
    offsets = OffsetMap.from_json(json.loads(offset_map)) if offset_map else OffsetMap.identity(len(text))
    return Document(
        text=text,
        source_text=source_text if source_text is not None else text,
        offsets=offsets,
        paragraphs=[Paragraph(**p) for p in json.loads(paragraphs or "[]")],
        title=title,
        published=published,
        url=url,
        source=source,
        path=path,
        format=fmt or "txt",
        language=language or "en",
    )


def stored_documents(conn: sqlite3.Connection, article_ids: Iterable[str]) -> Iterator[Document]:
    """``stored_document`` of each id, read one at a time (one query each, no open cursor)."""
    for aid in article_ids:
        document = stored_document(conn, aid)
        if document is not None:
            yield document


def replace_analyses(conn: sqlite3.Connection, articles: list[Article]) -> int:
    """Make each article's new analysis its uncorrected one and rewrite its facts with the
    active corrections, inside the caller's transaction; return how many were replaced.
    Articles that are not stored (a text that changed id) are left out."""
    replaced = []
    for article in articles:
        updated = conn.execute(
            "UPDATE articles SET article_json = ?, language = ? WHERE id = ? AND text = ?",
            (dumps(article.to_dict()), article.language, article.id, article.text),
        ).rowcount
        if updated:
            conn.execute("DELETE FROM uncorrected_articles WHERE article_id = ?", (article.id,))
            replaced.append(article.id)
    return recompute_articles(conn, replaced)
