"""Quotes: direct, block, partial and reported speech with their speakers (``newsgraph_quotes_v1``)."""

from ..quote_marks import MAX_QUOTE_CHARS, find_quote_marks, pair_quote_marks
from .component import QuoteExtractor, QuoteSettings, extract_quotes, make_quotes, quotes_component

__all__ = [
    "MAX_QUOTE_CHARS",
    "QuoteExtractor",
    "QuoteSettings",
    "extract_quotes",
    "make_quotes",
    "find_quote_marks",
    "pair_quote_marks",
    "quotes_component",
]
