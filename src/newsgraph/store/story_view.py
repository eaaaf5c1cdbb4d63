"""Reading stories: their articles on a timeline, merged events, and how each outlet told it.

Functions over a reader connection (``Database.stories`` / ``Database.story`` call them).
An outlet is an article's ``source``; an article without one is an outlet of its own.
"""

from __future__ import annotations

import re
import sqlite3

__all__ = ["list_stories", "story_detail"]

_WORDS = re.compile(r"\w+")
MAIN_ACTORS = 3  # actors whose framing the story page compares


def _dicts(conn: sqlite3.Connection, sql: str, params=()) -> list[dict]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _articles(conn, story_ids: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {sid: [] for sid in story_ids}
    for start in range(0, len(story_ids), 500):
        chunk = story_ids[start : start + 500]
        rows = _dicts(
            conn,
            "SELECT story_id, id, duplicate_of, similarity, source, published, title, url FROM articles "
            f"WHERE story_id IN ({','.join('?' * len(chunk))}) ORDER BY coalesce(published, '9999'), seq",
            chunk,
        )
        for row in rows:
            out[row.pop("story_id")].append(row)
    for articles in out.values():
        for i, article in enumerate(articles):
            article["first_report"] = i == 0  # the earliest published; ties go to the first stored
    return out


def _events(conn, story_id: str, count_copies: bool = False) -> list[dict]:
    """The story's event clusters, one entry each, with every report as evidence."""
    rows = _dicts(
        conn,
        "SELECT v.article_id, v.idx, v.type, v.mode, v.modality, v.trigger_text, v.date, v.confidence, "
        "coalesce(v.cluster_id, v.article_id || ':' || v.idx) AS cluster_id, a.source AS outlet, "
        "a.duplicate_of, (SELECT coalesce(c.name, x.name) FROM entities x LEFT JOIN corpus_entities c "
        "ON c.id = x.corpus_entity_id WHERE x.article_id = v.article_id AND x.local_id = v.location) AS place "
        "FROM events v JOIN articles a ON a.id = v.article_id WHERE a.story_id = ? ORDER BY a.seq, v.idx",
        (story_id,),
    )
    clusters: dict[str, dict] = {}
    for row in rows:
        if row["duplicate_of"] and not count_copies:
            continue
        cluster = clusters.setdefault(
            row["cluster_id"],
            {k: row[k] for k in ("cluster_id", "type", "mode", "modality", "date", "place")} | {"reports": []},
        )
        cluster["date"] = cluster["date"] or row["date"]
        cluster["place"] = cluster["place"] or row["place"]
        cluster["reports"].append(
            {k: row[k] for k in ("article_id", "idx", "outlet", "trigger_text", "confidence", "duplicate_of")}
        )
    for cluster in clusters.values():
        cluster["num_articles"] = len({r["article_id"] for r in cluster["reports"]})
        cluster["num_sources"] = len({r["outlet"] or r["article_id"] for r in cluster["reports"]})
    return list(clusters.values())


def list_stories(conn: sqlite3.Connection, limit: int | None = 50, offset: int = 0) -> list[dict]:
    """Stories, newest first, each with its articles (copies marked) and its merged events."""
    sql = "SELECT id, first_published, last_published, article_count FROM stories ORDER BY coalesce(last_published, '') DESC, id"
    params: tuple = ()
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = (int(limit), int(offset))
    stories = _dicts(conn, sql, params)
    articles = _articles(conn, [s["id"] for s in stories])
    for story in stories:
        story["articles"] = articles[story["id"]]
        story["events"] = _events(conn, story["id"])
    return stories


def _normal(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _same_quote(a: str, b: str) -> bool:
    """One outlet's quote is another's when, worded alike, one holds the other (an outlet may cut a quote)."""
    return bool(a and b) and (a in b or b in a)


def _quotes_by_outlet(conn, story_id: str, outlets: list[str]) -> dict[str, dict]:
    rows = _dicts(
        conn,
        "SELECT q.article_id, q.text, q.kind, coalesce(a.source, a.id) AS outlet, "
        "(SELECT coalesce(c.name, x.name) FROM entities x LEFT JOIN corpus_entities c ON c.id = x.corpus_entity_id "
        "WHERE x.article_id = q.article_id AND x.local_id = q.speaker_id) AS speaker "
        "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.story_id = ? ORDER BY a.seq, q.idx",
        (story_id,),
    )
    distinct: list[dict] = []  # one entry per quote, however many outlets used it
    for row in rows:
        key = _normal(row["text"])
        found = next((q for q in distinct if _same_quote(q["key"], key)), None)
        if found is None:
            found = {"key": key, "text": row["text"], "speaker": row["speaker"], "outlets": set()}
            distinct.append(found)
        found["outlets"].add(row["outlet"])
        found["speaker"] = found["speaker"] or row["speaker"]
    out: dict[str, dict] = {outlet: {"used": [], "left_out": []} for outlet in outlets}
    for quote in distinct:
        for outlet in outlets:
            used = "used" if outlet in quote["outlets"] else "left_out"
            out[outlet][used].append({"text": quote["text"], "speaker": quote["speaker"]})
    return out


def _framing(conn, story_id: str) -> list[dict]:
    """How each outlet described the story's main actors (the entities in most of its articles)."""
    actors = _dicts(
        conn,
        "SELECT e.corpus_entity_id AS id, c.name, count(DISTINCT e.article_id) AS articles FROM entities e "
        "JOIN articles a ON a.id = e.article_id JOIN corpus_entities c ON c.id = e.corpus_entity_id "
        "WHERE a.story_id = ? AND a.duplicate_of IS NULL AND c.type IN ('PERSON', 'ORG', 'NORP') "
        "GROUP BY e.corpus_entity_id ORDER BY articles DESC, c.name LIMIT ?",
        (story_id, MAIN_ACTORS),
    )
    for actor in actors:
        rows = _dicts(
            conn,
            "SELECT coalesce(a.source, a.id) AS outlet, f.text, f.construction, f.tone FROM framing f "
            "JOIN articles a ON a.id = f.article_id JOIN entities e ON e.article_id = f.article_id "
            "AND e.local_id = f.entity_id WHERE a.story_id = ? AND e.corpus_entity_id = ? ORDER BY a.seq, f.idx",
            (story_id, actor["id"]),
        )
        by_outlet: dict[str, dict] = {}
        for row in rows:
            entry = by_outlet.setdefault(row["outlet"], {"outlet": row["outlet"], "descriptors": [], "tone": 0.0})
            if row["text"] not in entry["descriptors"]:
                entry["descriptors"].append(row["text"])
            entry["tone"] += row["tone"]
        for entry in by_outlet.values():
            entry["tone"] = round(entry["tone"] / len(entry["descriptors"]), 2)
        actor["outlets"] = list(by_outlet.values())
    return actors


def story_detail(conn: sqlite3.Connection, story_or_article_id: str) -> dict | None:
    """One story (by its id, or the id of any of its articles) with all the story page shows; None if unknown."""
    row = conn.execute(
        "SELECT s.id, s.first_published, s.last_published, s.article_count FROM stories s "
        "WHERE s.id = ? OR s.id = (SELECT story_id FROM articles WHERE id = ?)",
        (story_or_article_id, story_or_article_id),
    ).fetchone()
    if row is None:
        return None
    story = dict(zip(("id", "first_published", "last_published", "article_count"), row))
    story["articles"] = _articles(conn, [story["id"]])[story["id"]]
    story["events"] = _events(conn, story["id"])
    outlets: list[str] = []
    for article in story["articles"]:
        outlet = article["source"] or article["id"]
        if outlet not in outlets:
            outlets.append(outlet)
    story["outlets"] = outlets
    story["quotes"] = _quotes_by_outlet(conn, story["id"], outlets)
    story["framing"] = _framing(conn, story["id"])
    return story
