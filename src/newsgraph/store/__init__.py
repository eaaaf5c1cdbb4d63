"""The SQLite store: ``Store`` writes Articles, ``Database`` reads them (read-only).

Schema: ``schema.sql`` (latest) and ``migrations/NNNN_*.sql`` (history).
"""

from .connection import LATEST_SCHEMA_VERSION
from .reader import Database
from .writer import AddResult, AddStatus, Store

# The store's own schema version (PRAGMA user_version); not model.SCHEMA_VERSION,
# which versions the Article JSON shape.
SCHEMA_VERSION = LATEST_SCHEMA_VERSION

__all__ = ["AddResult", "AddStatus", "Database", "LATEST_SCHEMA_VERSION", "SCHEMA_VERSION", "Store"]
