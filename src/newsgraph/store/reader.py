"""The reading side of the store: ``Database``, a read-only handle for the web app,
the API and exports.  All SQL is parameterised; search never raises on user input."""

from __future__ import annotations

import html
import json
import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from ..model import Article, OffsetMap
from .connection import connect_reader, schema_version
from .corpus import normalise_name
from .query import ParsedQuery, parse_query
from .search import SearchQueries
from .story_view import list_stories, story_detail
from .ties import TieQueries

__all__ = ["Database", "fts_query"]

log = logging.getLogger(__name__)

MAX_LIMIT = 1000
# Private-use characters as snippet() markers: the article text is then HTML-escaped
# and only these become <mark>, so a highlight can never inject markup.  An article
# that holds one of them itself is marked again with characters it does not hold
# (``_unused_markers``), so a marker in the output always comes from FTS5.
_OPEN, _CLOSE = "\ue000", "\ue001"
_SNIPPET = "snippet(articles_fts, 1, ?, ?, '…', 24)"
_TITLE = "highlight(articles_fts, 0, ?, ?)"
# Where replacement markers are looked for: the private-use planes first, then everything
# else (surrogates cannot be stored; NUL and controls come last, never in practice).
_MARKER_CANDIDATES = (range(0xE002, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE),
                      range(0x20, 0xD800), range(0xF900, 0xF0000), range(0x1, 0x20))  # fmt: skip
_ID = re.compile(r"[0-9a-f]{4,16}")

_ORDERS = {
    "newest": "a.published IS NULL, a.published DESC, a.seq DESC",
    "oldest": "a.published IS NULL, a.published ASC, a.seq ASC",
    "ingested": "a.seq DESC",
    "title": "a.title IS NULL, a.title COLLATE NOCASE, a.seq",
}


def fts_query(text: object, prefix_last: bool = False) -> str | None:
    """Turn arbitrary user text into a safe FTS5 query, or None if nothing is searchable.

    Each whitespace-separated term becomes an FTS5 string ("..." with inner quotes
    doubled), so AND/OR/NOT/NEAR/*/^/: lose their operator meaning; the terms are
    ANDed.  Terms with no letter or digit are dropped: they tokenise to nothing.
    """
    q = str(text).encode("utf-8", "replace").decode("utf-8").replace("\x00", " ")
    terms = [t for t in q.split() if any(ch.isalnum() for ch in t)][:32]
    if not terms:
        return None
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
    if prefix_last:
        quoted[-1] += " *"
    return " ".join(quoted)


def _page(limit: object, offset: object) -> tuple[int, int]:
    try:
        lim = max(0, min(int(limit), MAX_LIMIT))
    except (TypeError, ValueError):
        lim = 50
    try:
        off = max(0, int(offset))
    except (TypeError, ValueError):
        off = 0
    return lim, off


def _marked(text: str | None, open_: str = _OPEN, close: str = _CLOSE) -> tuple[str | None, str | None]:
    """(plain text, HTML with <mark>) from a snippet()/highlight() result made with
    the markers ``open_``/``close``, which the article text does not contain."""
    if text is None:
        return None, None
    if not open_:  # no free markers: no highlight rather than a wrong one
        return text, html.escape(text)
    plain = text.replace(open_, "").replace(close, "")
    markup = html.escape(text).replace(open_, "<mark>").replace(close, "</mark>")
    return plain, markup


def _unused_markers(text: str) -> tuple[str, str]:
    """Two characters that do not occur in ``text`` (("", "") if it holds every one)."""
    present = set(text)
    found: list[str] = []
    for block in _MARKER_CANDIDATES:
        for code in block:
            if chr(code) not in present:
                found.append(chr(code))
                if len(found) == 2:
                    return found[0], found[1]
    return "", ""


class Database(TieQueries, SearchQueries):
    """Read-only access (``mode=ro``) to a store at the latest schema version.

    One connection; ``check_same_thread=False`` so a web app may share it between
    threads for reads, though one ``Database`` per request or thread is simplest.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._conn = connect_reader(self.path)
        self._conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def snapshot(self) -> Iterator[Database]:
        """Every read inside the block sees one committed moment of the store (one read
        transaction), even while an ingest writes: for exports built from several queries."""
        self._conn.execute("BEGIN")
        try:
            self._conn.execute("SELECT 1 FROM articles LIMIT 1").fetchall()  # the snapshot starts at the first read
            yield self
        finally:
            self._conn.execute("ROLLBACK")  # nothing was written: this only ends the read

    def _all(self, sql: str, params=()) -> list[dict]:
        return [dict(row) for row in self._conn.execute(sql, params)]

    def _one(self, sql: str, params=()):
        return self._conn.execute(sql, params).fetchone()

    def corrections(self) -> list:
        """Every correction (``store.corrections.Correction``), oldest first, undone ones included."""
        from .corrections import list_corrections

        return list_corrections(self._conn)

    # -- corpus overview ----------------------------------------------------------

    def stats(self) -> dict:
        counts = {
            "articles": "articles",
            "entities": "corpus_entities",
            "mentions": "mentions",
            "quotes": "quotes",
            "findings": "findings",
            "events": "events",
            "amounts": "amounts",
            "dates": "dates",
            "framing": "framing",
            "sources": "article_sources",
            "failures": "failures",
            "runs": "ingest_runs",
        }
        out = {key: self._one(f"SELECT count(*) FROM {table}")[0] for key, table in counts.items()}
        # A near-copy (syndicated, retitled) is counted once, with its original.
        out["near_copies"] = self._one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")[0]
        out["articles"] -= out["near_copies"]
        out["stories"] = self._one("SELECT count(*) FROM stories")[0]
        out["schema_version"] = schema_version(self._conn)
        return out

    def stories(self, limit: int | None = 50, offset: int = 0) -> list[dict]:
        """Stories, newest first, with their articles (near-copies marked) and merged events;
        ``limit=None`` for all of them."""
        if limit is None:
            return list_stories(self._conn, None)
        return list_stories(self._conn, *_page(limit, offset))

    def story_id_of(self, article_id: str) -> str | None:
        """The story an article is in (None when stories were not decided for it)."""
        row = self._one("SELECT story_id FROM articles WHERE id = ?", (article_id,))
        return row[0] if row else None

    def story(self, story_or_article_id: str) -> dict | None:
        """One story with its timeline, event clusters, quotes and framing by outlet; None if unknown."""
        return story_detail(self._conn, str(story_or_article_id))

    def run(self, run_id: int) -> dict | None:
        """One ingest run: its counts are committed with each batch, so they are exact even
        for a run that was interrupted or killed."""
        row = self._one("SELECT id, started_at, finished_at, status, added, duplicates, failed "
                        "FROM ingest_runs WHERE id = ?", (run_id,))  # fmt: skip
        keys = ("id", "started_at", "finished_at", "status", "added", "duplicates", "failed")
        return dict(zip(keys, row)) if row else None

    def articles(self, limit: int = 50, offset: int = 0, order: str = "newest") -> list[dict]:
        if order not in _ORDERS:
            raise ValueError(f"order must be one of {sorted(_ORDERS)}")
        lim, off = _page(limit, offset)
        return self._all(
            "SELECT a.id, a.title, a.published, a.source, a.url, a.path, a.format, a.language, "
            "a.skipped_reason, a.word_count, a.ingested_at, "
            "(SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS entity_count, "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quote_count, "
            "(SELECT count(*) FROM events v WHERE v.article_id = a.id) AS event_count "
            f"FROM articles a ORDER BY {_ORDERS[order]} LIMIT ? OFFSET ?",
            (lim, off),
        )

    def _resolve_id(self, article_id: object) -> str:
        """The full id for an id or an unambiguous prefix of at least 4 hex digits."""
        key = str(article_id).strip().lower()
        if _ID.fullmatch(key):
            if self._one("SELECT 1 FROM articles WHERE id = ?", (key,)):
                return key
            # Hex digits sort below 'g', so this range is exactly the ids with that prefix.
            rows = self._conn.execute(
                "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (key, key + "g")
            ).fetchall()
            if len(rows) == 1:
                return rows[0][0]
        raise StoreError("E106", str(self.path), id=str(article_id)[:64])

    def article(self, article_id: str) -> Article:
        full = self._resolve_id(article_id)
        (data,) = self._one("SELECT article_json FROM articles WHERE id = ?", (full,))
        return Article.from_dict(json.loads(data))

    def article_source(self, article_id: str) -> tuple[str, OffsetMap]:
        """The decoded source text and the map from article offsets into it
        (the article text itself and an identity map when no source was stored)."""
        full = self._resolve_id(article_id)
        text, source_text, offset_map = self._one(
            "SELECT text, source_text, offset_map FROM articles WHERE id = ?", (full,)
        )
        if source_text is None or offset_map is None:
            return text, OffsetMap.identity(len(text))
        return source_text, OffsetMap.from_json(json.loads(offset_map))

    def source_offset(self, article_id: str) -> int:
        """Where the article's source text begins in its file's text: 0, except for an article of a
        multi-article export (``Document.source_offset``), whose source text is its block of the export."""
        (offset,) = self._one("SELECT source_offset FROM articles WHERE id = ?", (self._resolve_id(article_id),))
        return offset

    def corpus_ids(self, article_id: str) -> dict[str, int]:
        """Article-local entity id -> corpus entity id, for one article's linked entities."""
        rows = self._conn.execute(
            "SELECT local_id, corpus_entity_id FROM entities WHERE article_id = ? AND corpus_entity_id IS NOT NULL",
            (article_id,),
        )
        return {local: cid for local, cid in rows}

    # -- search -----------------------------------------------------------------------

    def search(
        self, q: object, limit: int = 20, offset: int = 0, where: str = "1", params: list | None = None
    ) -> list[dict]:
        """Articles matching ``q`` (search syntax of ``store.query``: words, "phrases", OR,
        -word, prefix*; or a ParsedQuery), best first, with highlighted snippets
        (``snippet`` plain, ``snippet_html``/``title_html`` escaped with <mark>).  ``where``/``params``:
        a further condition on ``articles a`` (from ``store.search``, never user text).
        Never raises on user input; an unsearchable query gives []."""
        query = (q if isinstance(q, ParsedQuery) else parse_query(q)).fts()
        if query is None:
            return []
        lim, off = _page(limit, offset)
        try:
            rows = self._all(
                "SELECT a.id, a.title, a.published, a.source, a.url, "
                f"{_SNIPPET} AS snip, {_TITLE} AS title_marked, "
                "bm25(articles_fts, 5.0, 1.0) AS score, a.seq AS seq, "
                "instr(a.text, ?) OR instr(a.text, ?) OR instr(coalesce(a.title, ''), ?) "
                "OR instr(coalesce(a.title, ''), ?) AS holds_markers "
                "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                f"WHERE articles_fts MATCH ? AND {where} ORDER BY score LIMIT ? OFFSET ?",
                (_OPEN, _CLOSE, _OPEN, _CLOSE, _OPEN, _CLOSE, _OPEN, _CLOSE, query, *(params or []), lim, off),
            )
            for row in rows:
                seq, markers = row.pop("seq"), (_OPEN, _CLOSE)
                if row.pop("holds_markers"):
                    markers = self._remark(row, seq, query)
                row["snippet"], row["snippet_html"] = _marked(row.pop("snip"), *markers)
                _, row["title_html"] = _marked(row.pop("title_marked"), *markers)
        except sqlite3.Error as exc:  # the quoting should make this unreachable; never 500 on a query
            log.warning("article search for %r failed: %s", query, exc)
            return []
        return rows

    def _remark(self, row: dict, seq: int, query: str) -> tuple[str, str]:
        """Redo ``row``'s snippet and title highlight with markers its article does not
        contain (it holds the usual ones itself); returns the markers used."""
        title, text = self._one("SELECT coalesce(title, ''), text FROM articles WHERE seq = ?", (seq,))
        open_, close = _unused_markers(title + text)
        row["snip"], row["title_marked"] = self._one(
            f"SELECT {_SNIPPET}, {_TITLE} FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
            (open_, close, open_, close, query, seq),
        )
        return open_, close

    def search_entities(self, q: object, type: str | None = None, limit: int = 20, offset: int = 0) -> list[dict]:
        """Corpus entities whose name or alias matches ``q`` (the last term as a prefix,
        for type-ahead).  Never raises on user input."""
        query = fts_query(q, prefix_last=True)
        if query is None:
            return []
        lim, off = _page(limit, offset)
        try:
            return self._all(
                "SELECT ce.id, ce.name, ce.type, ce.country, ce.mention_count, ce.article_count "
                "FROM entities_fts JOIN corpus_entities ce ON ce.id = entities_fts.rowid "
                "WHERE entities_fts MATCH ? AND (? IS NULL OR ce.type = ?) "
                "ORDER BY bm25(entities_fts), ce.article_count DESC LIMIT ? OFFSET ?",
                (query, type, type, lim, off),
            )
        except sqlite3.Error as exc:
            log.warning("entity search for %r failed: %s", query, exc)
            return []

    # -- entities ---------------------------------------------------------------------

    def entities(self, type: str | None = None, q: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        if q is not None and str(q).strip():
            return self.search_entities(q, type=type, limit=limit, offset=offset)
        lim, off = _page(limit, offset)
        return self._all(
            "SELECT id, name, type, country, mention_count, article_count FROM corpus_entities "
            "WHERE (? IS NULL OR type = ?) ORDER BY article_count DESC, mention_count DESC, name "
            "LIMIT ? OFFSET ?",
            (type, type, lim, off),
        )

    def top_entities(self, n: int = 20, type: str | None = None) -> list[dict]:
        return self.entities(type=type, limit=n)

    def entity(
        self, corpus_id: int, limit: int = 50, min_confidence: float = 0.0, mention_offset: int = 0
    ) -> dict | None:
        """Everything known about one corpus entity, or None if there is no such id.
        ``mentions`` holds ``limit`` of them from ``mention_offset``; ``mention_total``
        counts them all.

        Mentions (of the entity's rows in each article), quotes and events below
        ``min_confidence`` are left out (a NULL confidence counts as 1.0)."""
        try:
            cid = int(corpus_id)
        except (TypeError, ValueError):
            return None
        lim, moff = _page(limit, mention_offset)
        row = self._one("SELECT * FROM corpus_entities WHERE id = ?", (cid,))
        if row is None:
            return None
        out = dict(row)
        out["aliases"] = [
            r[0] for r in self._conn.execute(
                "SELECT alias FROM corpus_entity_aliases WHERE corpus_entity_id = ? ORDER BY alias", (cid,)
            )
        ]  # fmt: skip
        # Context: up to 80 characters either side of each mention (substr counts
        # characters, like Python offsets).
        out["mentions"] = self._all(
            "SELECT m.article_id, a.title, a.published, e.local_id AS entity_id, m.char_start, m.char_end, m.text, "
            "substr(a.text, max(m.char_start - 80, 0) + 1, m.char_start - max(m.char_start - 80, 0)) AS before, "
            "substr(a.text, m.char_end + 1, 80) AS after "
            "FROM entities e JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.local_id "
            "JOIN articles a ON a.id = e.article_id WHERE e.corpus_entity_id = ? "
            "AND (e.confidence IS NULL OR e.confidence >= ?) "
            "ORDER BY a.published IS NULL, a.published DESC, m.article_id, m.char_start LIMIT ? OFFSET ?",
            (cid, min_confidence, lim, moff),
        )
        out["mention_total"] = self._one(
            "SELECT count(*) FROM entities e JOIN mentions m ON m.article_id = e.article_id AND m.entity_id = e.local_id "
            "WHERE e.corpus_entity_id = ? AND (e.confidence IS NULL OR e.confidence >= ?)",
            (cid, min_confidence),
        )[0]
        out["quotes"] = self._all(
            "SELECT q.article_id, a.title, a.published, q.idx, q.char_start, q.char_end, q.text, q.kind, q.cue_text, "
            "q.confidence "
            "FROM quotes q JOIN entities e ON e.article_id = q.article_id AND e.local_id = q.speaker_id "
            "JOIN articles a ON a.id = q.article_id WHERE e.corpus_entity_id = ? "
            "AND (q.confidence IS NULL OR q.confidence >= ?) "
            "ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.idx LIMIT ?",
            (cid, min_confidence, lim),
        )
        # Driven from the entity's own rows (indexed), not by scanning every event.
        out["events"] = self._events(
            "(v.article_id, v.idx) IN ("
            "SELECT ea.article_id, ea.event_idx FROM entities x JOIN event_actors ea "
            "ON ea.article_id = x.article_id AND ea.entity_id = x.local_id WHERE x.corpus_entity_id = ? "
            "UNION SELECT v2.article_id, v2.idx FROM entities x JOIN events v2 "
            "ON v2.article_id = x.article_id AND v2.location = x.local_id WHERE x.corpus_entity_id = ?) "
            "AND (v.confidence IS NULL OR v.confidence >= ?)",
            [cid, cid, min_confidence], lim, 0,
        )  # fmt: skip
        out["cooccurring"] = self._all(
            "SELECT ce.id, ce.name, ce.type, count(DISTINCT e2.article_id) AS articles "
            "FROM entities e1 JOIN entities e2 ON e2.article_id = e1.article_id "
            "JOIN corpus_entities ce ON ce.id = e2.corpus_entity_id "
            "WHERE e1.corpus_entity_id = ? AND e2.corpus_entity_id != ? "
            "GROUP BY ce.id ORDER BY articles DESC, ce.name LIMIT ?",
            (cid, cid, lim),
        )
        out["framing"] = self._all(
            "SELECT min(f.text) AS text, f.construction, count(*) AS count, avg(f.tone) AS tone, "
            "count(DISTINCT f.article_id) AS articles "
            "FROM framing f JOIN entities e ON e.article_id = f.article_id AND e.local_id = f.entity_id "
            "WHERE e.corpus_entity_id = ? GROUP BY lower(f.text), f.construction "
            "ORDER BY count DESC, text LIMIT ?",
            (cid, lim),
        )
        return out

    # -- events -----------------------------------------------------------------------

    def event_types(self) -> list[tuple[str, int]]:
        """Every event type in the corpus with its number of events, most frequent first."""
        return [
            tuple(r)
            for r in self._conn.execute("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")
        ]

    def countries(self) -> list[str]:
        """ISO alpha-3 codes of every country some entity is in."""
        rows = self._conn.execute(
            "SELECT country FROM corpus_entities WHERE country IS NOT NULL "
            "UNION SELECT country FROM entities WHERE country IS NOT NULL ORDER BY 1"
        )
        return [r[0] for r in rows]

    def coords(self, ids: list[int]) -> dict[int, tuple[float, float, str]]:
        """Corpus entity id -> (lat, lon, name) for those of ``ids`` that have coordinates."""
        out: dict[int, tuple[float, float, str]] = {}
        wanted = sorted({int(i) for i in ids if i is not None})
        for k in range(0, len(wanted), 500):  # stay far below SQLite's bound-parameter limit
            chunk = wanted[k : k + 500]
            for cid, lat, lon, name in self._conn.execute(
                f"SELECT id, lat, lon, name FROM corpus_entities WHERE id IN ({','.join('?' * len(chunk))}) "
                "AND lat IS NOT NULL AND lon IS NOT NULL",
                chunk,
            ):
                out[cid] = (lat, lon, name)
        return out

    def _actor_ids(self, actor: object) -> list[int]:
        """Corpus ids for an actor given as a corpus id or a name (or alias)."""
        if isinstance(actor, int) or (isinstance(actor, str) and actor.strip().isdigit()):
            return [int(actor)]
        key = normalise_name(str(actor))
        rows = self._conn.execute(
            "SELECT DISTINCT corpus_entity_id FROM corpus_entity_aliases WHERE alias IN (?, ?)",
            (key, normalise_name(str(actor), "PERSON")),
        )
        return [r[0] for r in rows]

    def events(
        self,
        type: str | None = None,
        actor: int | str | None = None,
        country: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 50,
        offset: int = 0,
        min_confidence: float = 0.0,
        count_copies: bool = False,
    ) -> list[dict]:
        """Events, newest first.  ``actor``: corpus id or name, as source or target.
        ``country``: ISO alpha-3 of the location or of any actor.  Dates compare the
        event date, or the article's publication date when the event has none.
        Events below ``min_confidence`` are left out (a NULL confidence counts as 1.0),
        and so are those of near-copies of another article, unless ``count_copies``."""
        found = self._event_where(type, actor, country, date_from, date_to, min_confidence, count_copies=count_copies)
        if found is None:
            return []
        lim, off = _page(limit, offset)
        return self._events(found[0], found[1], lim, off)

    def event_dates(
        self,
        type: str | None = None,
        actor: int | str | None = None,
        country: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        min_confidence: float = 0.0,
        involving: int | None = None,
        count_copies: bool = False,
    ) -> list[dict]:
        """Every matching event counted by day and by what dates it: ``{"day", "dated_by", "n"}``
        with ``dated_by`` "event" (the text dates the event) or "published" (it does not: the
        article's publication date stands in).  Same filters as ``events``; ``involving``: a
        corpus id as actor or location.  Undated events (neither date) are not counted."""
        found = self._event_where(
            type, actor, country, date_from, date_to, min_confidence, involving, count_copies=count_copies
        )
        if found is None:
            return []
        where, params = found
        return self._all(
            "SELECT substr(v.sort_date, 1, 10) AS day, CASE WHEN v.date IS NOT NULL AND v.date != '' "
            "THEN 'event' ELSE 'published' END AS dated_by, count(*) AS n "
            f"FROM events v WHERE v.sort_date IS NOT NULL AND {where} GROUP BY day, dated_by ORDER BY day",
            params,
        )

    def _event_where(
        self, type, actor, country, date_from, date_to, min_confidence, involving=None, *, count_copies=False
    ):
        """(SQL condition on ``events v``, parameters) for the event filters, or None when
        nothing can match (an actor name the corpus does not know)."""
        where, params = ["1"], []
        if not count_copies:  # a near-copy's events are its original's, counted once
            where.append("v.article_id NOT IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL)")
        if min_confidence:
            where.append("v.confidence IS NULL OR v.confidence >= ?")
            params.append(float(min_confidence))
        if type:
            where.append("v.type = ?")
            params.append(type)
        if actor is not None and str(actor).strip():
            ids = self._actor_ids(actor)
            if not ids:
                return None
            marks = ",".join("?" * len(ids))
            where.append(
                "EXISTS (SELECT 1 FROM event_actors ea JOIN entities x ON x.article_id = ea.article_id "
                "AND x.local_id = ea.entity_id WHERE ea.article_id = v.article_id AND ea.event_idx = v.idx "
                f"AND x.corpus_entity_id IN ({marks}))"
            )
            params.extend(ids)
        if involving is not None:
            where.append(
                "(v.article_id, v.idx) IN (SELECT ea.article_id, ea.event_idx FROM entities x JOIN event_actors ea "
                "ON ea.article_id = x.article_id AND ea.entity_id = x.local_id WHERE x.corpus_entity_id = ? "
                "UNION SELECT v2.article_id, v2.idx FROM entities x JOIN events v2 "
                "ON v2.article_id = x.article_id AND v2.location = x.local_id WHERE x.corpus_entity_id = ?)"
            )
            params.extend([int(involving), int(involving)])
        if country:
            where.append(
                "EXISTS (SELECT 1 FROM entities x LEFT JOIN corpus_entities c ON c.id = x.corpus_entity_id "
                "WHERE x.article_id = v.article_id AND coalesce(x.country, c.country) = ? AND (x.local_id = v.location "
                "OR x.local_id IN (SELECT entity_id FROM event_actors ea WHERE ea.article_id = v.article_id "
                "AND ea.event_idx = v.idx)))"
            )
            params.append(country)
        if date_from:
            where.append("v.sort_date >= ?")
            params.append(str(date_from)[:10])
        if date_to:
            where.append("v.sort_date <= ?")
            params.append(str(date_to)[:10])
        return " AND ".join(f"({w})" for w in where), params

    def _events(self, where: str, params: list, limit: int, offset: int) -> list[dict]:
        rows = self._all(
            "SELECT v.article_id, v.idx, v.type, v.mode, v.modality, v.trigger_start, v.trigger_end, "
            "v.trigger_text, v.source, v.target, v.location, v.date, v.speaker, v.source_sector, "
            "v.target_sector, v.confidence, v.cluster_id, a.title, a.published "
            f"FROM events v JOIN articles a ON a.id = v.article_id WHERE {where} "
            # NULLs sort last in DESC order; the events_sort index serves this order
            "ORDER BY v.sort_date DESC, v.article_id DESC, v.idx DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        # Every actor of the page in one query, not one query per article.
        article_ids = sorted({row["article_id"] for row in rows})
        by_article: dict[str, dict[str, dict]] = {aid: {} for aid in article_ids}
        for start in range(0, len(article_ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = article_ids[start : start + 500]
            for r in self._all(
                "SELECT e.article_id, e.local_id, e.corpus_entity_id AS id, coalesce(c.name, e.name) AS name, "
                "coalesce(e.country, c.country) AS country FROM entities e "
                "LEFT JOIN corpus_entities c ON c.id = e.corpus_entity_id "
                f"WHERE e.article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                by_article[r.pop("article_id")][r["local_id"]] = r
        for row in rows:
            aid = row["article_id"]
            actors = by_article[aid]
            for role in ("source", "target"):
                row[role] = [actors.get(local, {"local_id": local, "id": None, "name": None})
                             for local in json.loads(row[role])]  # fmt: skip
            for role in ("location", "speaker"):
                row[role] = actors.get(row[role]) if row[role] else None
        return rows
