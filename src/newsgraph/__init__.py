"""newsgraph: turn news articles into an evidence-linked knowledge graph."""

__version__ = "0.1.0"
