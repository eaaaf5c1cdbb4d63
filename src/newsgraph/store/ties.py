"""The ties between corpus entities, read from the store: ``TieQueries``, part of ``Database``.

A tie joins two corpus entities by what the articles say about them:

- ``acts_on``: an event with one as source and the other as target (directed);
- ``quoted_about``: a quote whose speaker is one and whose text names the other (directed);
- ``quoted_with``: both quoted in the same article (undirected);
- ``co_mentioned``: both named in the same article (undirected).

Each tie is one row per pair and kind with its ``weight`` (events, quotes or articles),
the first and last date seen and, for events, the event types.  Facts below
``min_confidence`` count for nothing: an event or quote below it, or an entity row
below it (its mentions, its quotes, its part in events); NULL counts as 1.0.
Dates: an event's own date, else its article's publication date (``sort_date``);
for quotes and co-mentions, the publication date.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["TieQueries", "TIE_KINDS", "DIRECTED_KINDS"]

TIE_KINDS = ("acts_on", "quoted_about", "quoted_with", "co_mentioned")
DIRECTED_KINDS = frozenset({"acts_on", "quoted_about"})
MAX_TIES = 2000

# One SELECT per kind giving (a, b, weight, first, last, detail); {ok} is an entity-row
# confidence test, {date} the date column the date filters compare.
_CONFIDENT = "({t}.confidence IS NULL OR {t}.confidence >= :min_conf)"
_TIE_SQL = {
    "acts_on": (
        "SELECT s.corpus_entity_id AS a, t.corpus_entity_id AS b, count(DISTINCT v.article_id || ':' || v.idx) AS weight, "
        "min(v.sort_date) AS first, max(v.sort_date) AS last, group_concat(DISTINCT v.type) AS detail "
        "FROM events v "
        "JOIN event_actors es ON es.article_id = v.article_id AND es.event_idx = v.idx AND es.role = 'source' "
        "JOIN entities s ON s.article_id = v.article_id AND s.local_id = es.entity_id "
        "JOIN event_actors et ON et.article_id = v.article_id AND et.event_idx = v.idx AND et.role = 'target' "
        "JOIN entities t ON t.article_id = v.article_id AND t.local_id = et.entity_id "
        "WHERE {conf_v} AND {conf_s} AND {conf_t} AND {dates} AND {pair} "
        "GROUP BY a, b"
    ),
    "quoted_about": (
        "SELECT s.corpus_entity_id AS a, t.corpus_entity_id AS b, count(DISTINCT q.article_id || ':' || q.idx) AS weight, "
        "min(art.published) AS first, max(art.published) AS last, NULL AS detail "
        "FROM quotes q JOIN articles art ON art.id = q.article_id "
        "JOIN entities s ON s.article_id = q.article_id AND s.local_id = q.speaker_id "
        "JOIN mentions m ON m.article_id = q.article_id AND m.char_start >= q.char_start AND m.char_end <= q.char_end "
        "JOIN entities t ON t.article_id = m.article_id AND t.local_id = m.entity_id "
        "WHERE {conf_q} AND {conf_s} AND {conf_t} AND {dates} AND {pair} "
        "GROUP BY a, b"
    ),
    "quoted_with": (
        "SELECT s.corpus_entity_id AS a, t.corpus_entity_id AS b, count(DISTINCT art.id) AS weight, "
        "min(art.published) AS first, max(art.published) AS last, NULL AS detail "
        "FROM quotes q JOIN articles art ON art.id = q.article_id "
        "JOIN entities s ON s.article_id = q.article_id AND s.local_id = q.speaker_id "
        "JOIN quotes q2 ON q2.article_id = q.article_id "
        "JOIN entities t ON t.article_id = q2.article_id AND t.local_id = q2.speaker_id "
        "WHERE {conf_q} AND {conf_q2} AND {conf_s} AND {conf_t} AND {dates} AND {pair} "
        "GROUP BY a, b"
    ),
    "co_mentioned": (
        "SELECT s.corpus_entity_id AS a, t.corpus_entity_id AS b, count(DISTINCT art.id) AS weight, "
        "min(art.published) AS first, max(art.published) AS last, NULL AS detail "
        "FROM entities s JOIN entities t ON t.article_id = s.article_id "
        "JOIN articles art ON art.id = s.article_id "
        "WHERE {conf_s} AND {conf_t} AND {dates} AND {pair} "
        "GROUP BY a, b"
    ),
}
_DATE_COLUMN = {"acts_on": "v.sort_date"}


class TieQueries:
    """Mixed into ``Database``: needs ``self._all``."""

    def ties(
        self,
        center: int | None = None,
        kinds: Iterable[str] = TIE_KINDS,
        types: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        min_confidence: float = 0.0,
        limit: int | None = 200,
    ) -> list[dict]:
        """The strongest ties, heaviest first: of the whole corpus, or those of the entity
        ``center``.  ``types``: entity types the other end (both ends without a center)
        must have.  Undirected kinds give each pair once, smaller id first.  ``limit``
        is capped at MAX_TIES; None gives every tie (for exports)."""
        limit = -1 if limit is None else max(0, min(int(limit), MAX_TIES))
        wanted_types = sorted({str(t).upper() for t in types or () if str(t).strip()})
        out: list[dict] = []
        for kind in kinds:
            if kind not in _TIE_SQL:
                raise ValueError(f"unknown tie kind {kind!r}; choose from {', '.join(TIE_KINDS)}")
            out.extend(self._ties_of(kind, center, wanted_types, date_from, date_to, min_confidence, limit))
        out.sort(key=lambda t: (-t["weight"], t["kind"], t["source"], t["target"]))
        return out if limit < 0 else out[:limit]

    def _ties_of(self, kind, center, types, date_from, date_to, min_confidence, limit) -> list[dict]:
        directed = kind in DIRECTED_KINDS
        params: dict = {"min_conf": float(min_confidence or 0.0), "limit": limit}
        pair = ["s.corpus_entity_id IS NOT NULL", "t.corpus_entity_id IS NOT NULL"]
        if center is not None:
            params["center"] = int(center)
            pair.append(
                "(s.corpus_entity_id = :center OR t.corpus_entity_id = :center) AND s.corpus_entity_id != t.corpus_entity_id"
                if directed
                else "s.corpus_entity_id = :center AND t.corpus_entity_id != :center"
            )
        else:
            pair.append(
                "s.corpus_entity_id != t.corpus_entity_id" if directed else "s.corpus_entity_id < t.corpus_entity_id"
            )
        if types:
            marks = ",".join(f":type{i}" for i in range(len(types)))
            params.update({f"type{i}": t for i, t in enumerate(types)})
            ends = ["t"] if center is not None and not directed else ["s", "t"]
            for end in ends:
                test = f"(SELECT type FROM corpus_entities WHERE id = {end}.corpus_entity_id) IN ({marks})"
                if center is not None and directed:  # the center itself passes whatever its type
                    test = f"({end}.corpus_entity_id = :center OR {test})"
                pair.append(test)
        column = _DATE_COLUMN.get(kind, "art.published")
        dates = ["1"]
        if date_from:
            dates.append(f"{column} >= :date_from")
            params["date_from"] = str(date_from)[:10]
        if date_to:
            dates.append(f"substr({column}, 1, 10) <= :date_to")
            params["date_to"] = str(date_to)[:10]
        sql = _TIE_SQL[kind].format(
            conf_v=_CONFIDENT.format(t="v"), conf_q=_CONFIDENT.format(t="q"), conf_q2=_CONFIDENT.format(t="q2"),
            conf_s=_CONFIDENT.format(t="s"), conf_t=_CONFIDENT.format(t="t"),
            dates=" AND ".join(dates), pair=" AND ".join(pair),
        )  # fmt: skip
        rows = self._all(f"{sql} ORDER BY weight DESC, a, b LIMIT :limit", params)
        out = []
        for row in rows:
            a, b = row["a"], row["b"]
            if not directed and a > b:
                a, b = b, a
            out.append({
                "source": a, "target": b, "kind": kind, "directed": directed, "weight": row["weight"],
                "first": row["first"], "last": row["last"],
                "detail": sorted(set(row["detail"].split(","))) if row["detail"] else [],
            })  # fmt: skip
        return out

    def tie_nodes(self, ids: Iterable[int]) -> dict[int, dict]:
        """Corpus entity id -> {id, name, type, country, article_count} for ``ids``."""
        out: dict[int, dict] = {}
        wanted = sorted({int(i) for i in ids})
        for k in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
            chunk = wanted[k : k + 500]
            for row in self._all(
                "SELECT id, name, type, country, article_count FROM corpus_entities "
                f"WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                out[row["id"]] = row
        return out
