"""Quotes: direct, block, partial and reported speech with their speakers (``newsgraph_quotes_v1``)."""

from .component import extract_quotes, quotes_component
from .marks import MAX_QUOTE_CHARS, find_quote_marks, pair_quote_marks

__all__ = ["MAX_QUOTE_CHARS", "extract_quotes", "find_quote_marks", "pair_quote_marks", "quotes_component"]
