"""Reading an analysed article's quotes in tests: the quote holding some words and its speaker."""

from __future__ import annotations


def quote_with(article, words: str):
    """The first quote of the article whose text holds ``words``."""
    return next(q for q in article.quotes if words in q.text)


def speaker_of(article, words: str) -> str | None:
    """The name of the speaker entity of the quote holding ``words`` (None without one)."""
    entity = article.entity(quote_with(article, words).speaker)
    return entity.name if entity else None
