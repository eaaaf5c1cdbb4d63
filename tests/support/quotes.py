"""Reading an analysed article's quotes in tests: the quote holding some words and its speaker."""

from __future__ import annotations


def quote_with(article, words: str):
    """The first quote of the article whose text holds ``words``."""
    return next(q for q in article.quotes if words in q.text)


def speaker_of(article, words: str) -> str | None:
    """The name of the speaker entity of the quote holding ``words`` (None without one)."""
    entity = article.entity(quote_with(article, words).speaker)
    return entity.name if entity else None


def quotes_starting(article, start: str) -> list:
    """The article's quotes whose text starts with ``start``."""
    return [q for q in article.quotes if q.text.startswith(start)]


def speaker_name(article, quote) -> str | None:
    """The name of ``quote``'s speaker entity (None without one)."""
    entity = article.entity(quote.speaker) if quote.speaker else None
    return entity.name if entity is not None else None
