"""Faceted search, the quote browser and related articles: ``SearchQueries``, part of ``Database``.

Queries use the syntax of ``store.query`` (phrases, OR, -word, prefix*).  Articles
match through the FTS5 index; names through ``entities_fts``; quotes are looked for
in the articles that hold every required word (the index narrows), then tested one by
one with the same query in Python, exclusions included.
"""

from __future__ import annotations

import logging
import sqlite3

from .query import ParsedQuery, parse_query

__all__ = ["SearchQueries", "SEARCH_KINDS", "QUOTE_SCAN"]

log = logging.getLogger(__name__)

SEARCH_KINDS = ("articles", "quotes", "names")
QUOTE_SCAN = 5000  # quotes tested per query at most; the count says so when reached
_FACET_ROWS = 12


def _article_filters(source, country, date_from, date_to) -> tuple[str, list]:
    where, params = [], []
    if source:
        where.append("a.source = ?")
        params.append(source)
    if date_from:
        where.append("a.published >= ?")
        params.append(str(date_from)[:10])
    if date_to:
        where.append("substr(a.published, 1, 10) <= ?")
        params.append(str(date_to)[:10])
    if country:
        where.append(
            "EXISTS (SELECT 1 FROM entities x LEFT JOIN corpus_entities c ON c.id = x.corpus_entity_id "
            "WHERE x.article_id = a.id AND coalesce(x.country, c.country) = ?)"
        )
        params.append(country)
    return (" AND ".join(where) or "1"), params


def _counts(values) -> list[dict]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return [{"value": v, "n": n} for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


class SearchQueries:
    """Mixed into ``Database``: needs ``self._all`` and ``self._one``."""

    def faceted_search(
        self,
        q: object,
        kind: str = "articles",
        source: str | None = None,
        country: str | None = None,
        entity_type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 20,
        offset: int = 0,
        min_confidence: float = 0.0,
    ) -> dict:
        """One page of ``kind`` hits with the total and the facets (counts per kind, source,
        country, entity type, year) of everything that matches.  Never raises on user input:
        ``message`` says what was not understood.  Articles are filtered by source,
        country (of an entity they name), publication dates; names by entity type and country;
        quotes by their article's filters."""
        parsed = parse_query(q)
        out = {"kind": kind, "items": [], "total": 0, "message": parsed.message, "capped": False, "names": [],
               "facets": {"kind": {}, "source": [], "country": [], "type": [], "year": []}}  # fmt: skip
        if not parsed.searchable:
            return out
        where, params = _article_filters(source, country, date_from, date_to)
        try:
            hits = self._article_hits_sql(parsed, where)
            facet_params = [parsed.fts(), *params]
            out["facets"]["kind"]["articles"] = self._one(f"SELECT count(*) FROM ({hits})", facet_params)[0]
            out["facets"]["source"] = self._all(
                f"SELECT a.source AS value, count(*) AS n FROM ({hits}) h JOIN articles a ON a.id = h.id "
                f"WHERE a.source IS NOT NULL GROUP BY a.source ORDER BY n DESC, value LIMIT {_FACET_ROWS}",
                facet_params,
            )
            out["facets"]["year"] = self._all(
                f"SELECT substr(a.published, 1, 4) AS value, count(*) AS n FROM ({hits}) h JOIN articles a ON a.id = h.id "
                "WHERE a.published IS NOT NULL GROUP BY value ORDER BY value DESC",
                facet_params,
            )
            out["facets"]["country"] = self._all(
                "SELECT coalesce(x.country, c.country) AS value, count(DISTINCT x.article_id) AS n "
                f"FROM ({hits}) h JOIN entities x ON x.article_id = h.id LEFT JOIN corpus_entities c ON c.id = x.corpus_entity_id "
                f"WHERE coalesce(x.country, c.country) IS NOT NULL GROUP BY value ORDER BY n DESC, value LIMIT {_FACET_ROWS}",
                facet_params,
            )
            every_name = self._name_hits(parsed, country)
            out["facets"]["type"] = _counts(row["type"] for row in every_name)
            names = [row for row in every_name if not entity_type or row["type"] == entity_type]
            out["facets"]["kind"]["names"] = len(names)
            out["names"] = names[:12]  # beside the articles, as a shortcut to the entity pages
            quotes, capped = self._quote_hits(parsed, where, params, min_confidence)
            out["facets"]["kind"]["quotes"] = len(quotes)
            out["capped"] = capped
        except sqlite3.Error as exc:  # the parser quotes every term: unreachable in practice; never a 500
            log.warning("search for %r failed: %s", parsed.fts(), exc)
            out["message"] = "This search could not be run; try fewer or simpler words."
            return out
        lim, off = max(0, min(int(limit), 200)), max(0, int(offset))
        if kind == "names":
            out["total"], out["items"] = len(names), names[off : off + lim]
        elif kind == "quotes":
            out["total"], out["items"] = len(quotes), quotes[off : off + lim]
        else:
            out["kind"] = "articles"
            out["total"] = out["facets"]["kind"]["articles"]
            rows = self.search(parsed, limit=lim, offset=off, where=where, params=params)
            out["items"] = rows
        return out

    @staticmethod
    def _article_hits_sql(parsed: ParsedQuery, where: str) -> str:
        return (
            "SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {where}"
        )

    def _name_hits(self, parsed: ParsedQuery, country) -> list[dict]:
        return self._all(
            "SELECT ce.id, ce.name, ce.type, ce.country, ce.mention_count, ce.article_count "
            "FROM entities_fts JOIN corpus_entities ce ON ce.id = entities_fts.rowid "
            "WHERE entities_fts MATCH ? AND (? IS NULL OR ce.country = ?) "
            "ORDER BY bm25(entities_fts), ce.article_count DESC LIMIT 1000",
            (parsed.fts(), country, country),
        )

    def _quote_hits(self, parsed: ParsedQuery, where: str, params: list, min_confidence) -> tuple[list[dict], bool]:
        """Quotes whose own text satisfies the query, newest article first."""
        positive = ParsedQuery(groups=parsed.groups)  # a quote's article holds its required words
        candidates = self._quote_rows(
            "a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) AND " + where,
            [positive.fts(), *params], min_confidence, QUOTE_SCAN + 1,
        )  # fmt: skip
        capped = len(candidates) > QUOTE_SCAN
        return [row for row in candidates[:QUOTE_SCAN] if parsed.matches(row["text"])], capped

    def _quote_rows(self, where: str, params: list, min_confidence: float, limit: int, offset: int = 0) -> list[dict]:
        return self._all(
            "SELECT q.article_id, q.idx, q.text, q.kind, q.cue_text, q.confidence, q.speaker_text, "
            "a.title, a.published, a.source, s.corpus_entity_id AS speaker_id, "
            "coalesce(c.name, s.name) AS speaker "
            "FROM quotes q JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN entities s ON s.article_id = q.article_id AND s.local_id = q.speaker_id "
            "LEFT JOIN corpus_entities c ON c.id = s.corpus_entity_id "
            f"WHERE (q.confidence IS NULL OR q.confidence >= ?) AND {where} "
            "ORDER BY a.published IS NULL, a.published DESC, q.article_id, q.idx LIMIT ? OFFSET ?",
            [float(min_confidence or 0.0), *params, limit, offset],
        )

    # -- the quote browser ---------------------------------------------------------------

    def quotes(
        self,
        speaker: int | str | None = None,
        q: object = None,
        source: str | None = None,
        limit: int = 50,
        offset: int = 0,
        min_confidence: float = 0.0,
    ) -> dict:
        """Quotes, newest first: by ``speaker`` (corpus id or name), words of their text
        (search syntax), ``source`` (outlet).  ``{"items", "total", "message", "capped"}``."""
        empty = {"items": [], "total": 0, "message": None, "capped": False}
        where, params = ["1"], []
        if source:
            where.append("a.source = ?")
            params.append(source)
        if speaker is not None and str(speaker).strip():
            ids = self._actor_ids(speaker)
            if not ids:
                return {**empty, "message": "No speaker of that name."}
            where.append(
                "q.speaker_id IN (SELECT local_id FROM entities s2 WHERE s2.article_id = q.article_id "
                f"AND s2.corpus_entity_id IN ({','.join('?' * len(ids))}))"
            )
            params.extend(ids)
        lim, off = max(0, min(int(limit), 200)), max(0, int(offset))
        text = str(q or "").strip()
        if not text:
            total = self._one(
                "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"WHERE (q.confidence IS NULL OR q.confidence >= ?) AND {' AND '.join(where)}",
                [float(min_confidence or 0.0), *params],
            )[0]
            rows = self._quote_rows(" AND ".join(where), params, min_confidence, lim, off)
            return {**empty, "items": rows, "total": total}
        parsed = parse_query(text)
        if not parsed.searchable:
            return {**empty, "message": parsed.message}
        try:
            found, capped = self._quote_hits(parsed, " AND ".join(where), params, min_confidence)
        except sqlite3.Error as exc:  # unreachable in practice (every term is quoted); never a 500
            log.warning("quote search for %r failed: %s", parsed.fts(), exc)
            return {**empty, "message": "This search could not be run; try fewer or simpler words."}
        return {"items": found[off : off + lim], "total": len(found), "message": parsed.message, "capped": capped}

    def quote_sources(self) -> list[tuple[str, int]]:
        """Every outlet with quotes, with their number, most first."""
        rows = self._all(
            "SELECT a.source AS source, count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE a.source IS NOT NULL GROUP BY a.source ORDER BY n DESC, source"
        )
        return [(r["source"], r["n"]) for r in rows]

    # -- related articles ----------------------------------------------------------------

    def related_articles(self, article_id: str, limit: int = 8) -> list[dict]:
        """Other articles sharing corpus entities or events with ``article_id``, best first:
        ``{"id", "title", "published", "source", "shared_entities", "shared_events", "names"}``.
        An event is shared when the other article has one of the same type with an actor
        in common.  Score: shared entities, plus two per shared event."""
        shared = {
            row["article_id"]: row
            for row in self._all(
                "SELECT e2.article_id, count(DISTINCT e2.corpus_entity_id) AS shared_entities, "
                "group_concat(DISTINCT ce.name) AS names FROM entities e1 "
                "JOIN entities e2 ON e2.corpus_entity_id = e1.corpus_entity_id AND e2.article_id != e1.article_id "
                "JOIN corpus_entities ce ON ce.id = e1.corpus_entity_id "
                "WHERE e1.article_id = ? GROUP BY e2.article_id ORDER BY shared_entities DESC LIMIT 500",
                (article_id,),
            )
        }
        events = {
            row["article_id"]: row["n"]
            for row in self._all(
                "SELECT v2.article_id, count(DISTINCT v2.idx) AS n FROM events v1 "
                "JOIN event_actors a1 ON a1.article_id = v1.article_id AND a1.event_idx = v1.idx "
                "JOIN entities x1 ON x1.article_id = a1.article_id AND x1.local_id = a1.entity_id "
                "JOIN entities x2 ON x2.corpus_entity_id = x1.corpus_entity_id AND x2.article_id != v1.article_id "
                "JOIN event_actors a2 ON a2.article_id = x2.article_id AND a2.entity_id = x2.local_id "
                "JOIN events v2 ON v2.article_id = a2.article_id AND v2.idx = a2.event_idx AND v2.type = v1.type "
                "WHERE v1.article_id = ? GROUP BY v2.article_id",
                (article_id,),
            )
        }
        ids = set(shared) | set(events)
        scored = sorted(
            ids,
            key=lambda i: (-(shared.get(i, {}).get("shared_entities", 0) + 2 * events.get(i, 0)), i),
        )[: max(0, int(limit))]
        out = []
        for aid in scored:
            row = self._one("SELECT id, title, published, source FROM articles WHERE id = ?", (aid,))
            out.append({
                **dict(row), "shared_entities": shared.get(aid, {}).get("shared_entities", 0),
                "shared_events": events.get(aid, 0),
                "names": sorted(set((shared.get(aid, {}).get("names") or "").split(",")) - {""})[:6],
            })  # fmt: skip
        return out
