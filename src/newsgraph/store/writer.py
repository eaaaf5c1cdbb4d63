"""The writing side of the store: ``Store.add`` puts one Article in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from ..errors import StoreError
from ..model import Article, Document
from .connection import LATEST_SCHEMA_VERSION, open_writer, transaction
from .copies import ShingleMemory, find_original, signature_of, store_signature
from .corrections import write_facts
from .reanalysis import replace_analyses, stored_article_ids, stored_documents
from .stories import assign_story, cluster_events

__all__ = ["AddResult", "AddStatus", "Store"]


class AddStatus(str, Enum):
    ADDED = "added"
    DUPLICATE = "duplicate"  # same id already stored: only the path was recorded


@dataclass(frozen=True)
class AddResult:
    id: str
    status: AddStatus
    path: str | None = None
    copy_of: str | None = None  # ADDED as a near-copy of this stored article
    story_id: str | None = None

    @property
    def added(self) -> bool:
        return self.status is AddStatus.ADDED

    @property
    def duplicate(self) -> bool:
        return self.status is AddStatus.DUPLICATE


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Store:
    """A read-write handle on a store file; creates or migrates the schema on open.

    Use as a context manager.  Every ``add`` is one BEGIN IMMEDIATE ... COMMIT: a
    crash or error mid-article leaves the database as it was before it.  Errors
    that are about the database (read-only, locked, disk full, not a database)
    surface as StoreError E101-E104; anything else (e.g. a constraint failure)
    surfaces unchanged, after the rollback.
    """

    def __init__(self, path: str | Path, *, timeout: float | None = None, stories: bool = True) -> None:
        self.path = Path(path)
        # Near-copies, stories and event clusters are decided as each article is written;
        # False stores articles without them (their columns stay NULL).
        self.stories = stories
        self._conn, before = open_writer(self.path, timeout)
        # The schema version the file had, when opening it migrated it (None: it did not).
        self.migrated_from: int | None = before if 0 < before < LATEST_SCHEMA_VERSION else None
        self._run_id: int | None = None
        self._tally = {"added": 0, "duplicates": 0, "failed": 0}
        self._shingles = ShingleMemory()  # originals' shingle hashes, for near-copy candidates

    @classmethod
    def open(cls, path: str | Path, *, timeout: float | None = None, stories: bool = True) -> Store:
        return cls(path, timeout=timeout, stories=stories)

    @property
    def connection(self):
        """The underlying sqlite3 connection, for tests and maintenance only."""
        return self._conn

    def close(self, status: str = "finished") -> None:
        """Close the store, ending an open run with ``status``."""
        if self._conn is None:
            return
        try:
            if self._run_id is not None:
                self.finish_run(status)
        finally:  # the connection is closed even when recording the run's end fails
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc is None:
            self.close()
            return
        if isinstance(exc, StoreError):
            # The database refused a write (read-only, locked, full): finishing the
            # run would be refused the same way, after another busy timeout.  The
            # run's row keeps finished_at NULL, which marks it as interrupted.
            self._run_id = None
        # Ctrl-C and SIGTERM (which the CLI turns into KeyboardInterrupt) interrupt
        # a run; any other error made it fail.  Its counts are already committed.
        status = "interrupted" if isinstance(exc, KeyboardInterrupt | SystemExit) else "failed"
        try:
            self.close(status)
        except (StoreError, sqlite3.Error):
            pass  # never hide the error that is already on its way out

    # -- reading what the writer needs ---------------------------------------

    def has(self, article_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    # -- writing ----------------------------------------------------------------

    def add(self, article: Article, document: Document | None = None) -> AddResult:
        with transaction(self._conn, self.path):
            result = self._write(article, document)
            tally = self._tally_in_run([result])
        self._tally = tally
        return result

    def add_many(
        self, items: Iterable[Article | tuple[Article, Document | None]], batch_size: int = 100
    ) -> list[AddResult]:
        """Add many articles, ``batch_size`` per transaction (far fewer fsyncs than
        one each).  A batch is all-or-nothing: on an error its articles are rolled
        back, earlier batches stay committed, and the error is raised."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        results: list[AddResult] = []
        batch: list[tuple[Article, Document | None]] = []
        for item in items:
            batch.append(item if isinstance(item, tuple) else (item, None))
            if len(batch) >= batch_size:
                results.extend(self._add_batch(batch))
                batch = []
        if batch:
            results.extend(self._add_batch(batch))
        return results

    def _add_batch(self, batch: list[tuple[Article, Document | None]]) -> list[AddResult]:
        with transaction(self._conn, self.path):
            results = [self._write(article, document) for article, document in batch]
            tally = self._tally_in_run(results)
        self._tally = tally
        return results

    def stored_documents(self) -> Iterator[Document]:
        """The document of every analysed article, in the order they were stored (for a re-analysis)."""
        return stored_documents(self._conn, stored_article_ids(self._conn))

    def replace_analyses(self, articles: list[Article]) -> int:
        """Store new analyses of stored articles in one transaction (all or none of them):
        same ids, facts rewritten with the active corrections.  Returns how many were replaced."""
        with transaction(self._conn, self.path):
            return replace_analyses(self._conn, articles)

    def record_duplicate(self, article_id: str, path: str | None) -> AddResult:
        """Record that an already-stored text was seen again at ``path``; nothing is analysed."""
        result = AddResult(article_id, AddStatus.DUPLICATE, path)
        with transaction(self._conn, self.path):
            self._record_path(article_id, path, _now())
            tally = self._tally_in_run([result])
        self._tally = tally
        return result

    def record_failure(self, path: str | Path, code: str, reason: str) -> None:
        """Record a file that could not be ingested (e.g. E015 not English)."""
        with transaction(self._conn, self.path):
            self._conn.execute(
                "INSERT INTO failures (path, code, reason, at, run_id) VALUES (?, ?, ?, ?, ?)",
                (str(path), code, reason, _now(), self._run_id),
            )
            tally = self._tally_in_run([], failed=1)
        self._tally = tally

    def fetch_entry(self, url: str) -> dict | None:
        """The ``fetch_log`` row of ``url`` (see ``batch.fetch``), or None if it was never fetched."""
        cursor = self._conn.execute("SELECT * FROM fetch_log WHERE url = ?", (url,))
        row = cursor.fetchone()
        return dict(zip([c[0] for c in cursor.description], row)) if row else None

    def record_fetch(
        self,
        url: str,
        *,
        status: int | None,
        outcome: str,
        article_id: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Remember one attempt to fetch ``url``, replacing the previous one."""
        with transaction(self._conn, self.path):
            self._conn.execute(
                "INSERT OR REPLACE INTO fetch_log (url, fetched_at, status, outcome, article_id, etag, last_modified)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (url, _now(), status, outcome, article_id, etag, last_modified),
            )

    def start_run(self, command: str | None = None) -> int:
        """Open an ``ingest_runs`` row; adds and failures are tallied into it."""
        if self._run_id is not None:
            self.finish_run()
        with transaction(self._conn, self.path):
            cur = self._conn.execute("INSERT INTO ingest_runs (started_at, command) VALUES (?, ?)", (_now(), command))
        self._run_id = cur.lastrowid
        self._tally = {"added": 0, "duplicates": 0, "failed": 0}
        return self._run_id

    def finish_run(self, status: str = "finished") -> None:
        """End the open run as ``finished``, ``interrupted`` or ``failed``."""
        if self._run_id is None:
            return
        with transaction(self._conn, self.path):
            self._conn.execute(
                "UPDATE ingest_runs SET finished_at = ?, status = ? WHERE id = ?", (_now(), status, self._run_id)
            )
        self._run_id = None

    @property
    def run_tally(self) -> dict[str, int]:
        """What the open (or last) run has committed: added, duplicates, failed."""
        return dict(self._tally)

    def _tally_in_run(self, results: list[AddResult], failed: int = 0) -> dict[str, int]:
        """Count ``results`` into the run's row inside the caller's transaction, so the
        row's counts are committed with the articles (right even after a SIGKILL).
        Returns the new tally, to keep once the transaction has committed."""
        tally = dict(self._tally)
        for r in results:
            tally["added" if r.added else "duplicates"] += 1
        tally["failed"] += failed
        if self._run_id is not None:
            self._conn.execute(
                "UPDATE ingest_runs SET added = ?, duplicates = ?, failed = ? WHERE id = ?",
                (tally["added"], tally["duplicates"], tally["failed"], self._run_id),
            )
        return tally

    # -- one article, inside a transaction ------------------------------------

    def _write(self, article: Article, document: Document | None) -> AddResult:
        conn = self._conn
        aid = article.id
        path = article.path
        now = _now()
        if self.has(aid):
            self._record_path(aid, path, now)
            return AddResult(aid, AddStatus.DUPLICATE, path)

        data = article.to_dict()
        offset_map = source_text = fmt = None
        source_offset = 0
        if document is not None:
            source_text, fmt = document.source_text, document.format
            offset_map = _json(document.offsets.to_json())
            source_offset = document.source_offset
        (seq,) = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()
        conn.execute(
            "INSERT INTO articles (id, seq, title, published, url, source, path, format, language, "
            "skipped_reason, text, source_text, offset_map, paragraphs, article_json, ingested_at, word_count, "
            "author, section, declared_length, source_offset, extra) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                aid, seq, article.title, article.published, article.url, article.source,
                path, fmt, article.language, article.skipped_reason, article.text, source_text, offset_map,
                _json(data["paragraphs"]), _json(data), now, len(article.text.split()),
                article.author, article.section, article.declared_length, source_offset, _json(article.extra),
            ),
        )  # fmt: skip
        self._record_path(aid, path, now)
        # The facts, with the analyst's corrections applied (store/corrections.py).
        written, corpus_ids = write_facts(conn, article)
        if not self.stories or article.skipped_reason:
            return AddResult(aid, AddStatus.ADDED, path)
        sig = signature_of(article)
        copy = find_original(conn, aid, sig, self._shingles)
        store_signature(conn, aid, sig, index=copy is None)
        if copy is None:  # only originals are candidates (a copy is found through its original)
            self._shingles.remember(aid, sig.shingles)
        if copy is not None:
            conn.execute(
                "UPDATE articles SET duplicate_of = ?, similarity = ? WHERE id = ?",
                (copy.original, copy.similarity, aid),
            )
        story_id = assign_story(conn, written, corpus_ids, sig, copy)
        cluster_events(conn, written, corpus_ids, story_id)
        return AddResult(aid, AddStatus.ADDED, path, copy.original if copy else None, story_id)

    def _record_path(self, aid: str, path: str | None, now: str) -> None:
        if path:
            self._conn.execute(
                "INSERT OR IGNORE INTO article_sources (article_id, path, first_seen) VALUES (?, ?, ?)",
                (aid, path, now),
            )
