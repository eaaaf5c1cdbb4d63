"""An analyst's corrections: recorded with who, when and why, applied whenever facts are written.

The analysis of an article stays as the pipeline wrote it (``uncorrected_articles`` keeps
it once a correction changes the article); the stored facts, ``articles.article_json``
included, are that analysis with every active correction applied, in the order they
were made.  ``write_facts`` is the one place that happens: the writer calls it for each
new article (ingest, ``load`` of shards), and ``recompute_articles`` calls it again for
the articles a new or undone correction touches.

Corpus entities are targeted by stable keys, not only by id: a correction records the
type and the normalised names of the entity it targets, and later articles whose
entities have one of those names get the same treatment (merged into the target, kept
out (whatever type it gets), retyped, linked elsewhere).  A PERSON's one-word surname is not such a key unless
it is the whole name: surnames still go through the ordinary surname rule.  Quotes and
events are targeted by article id and character offsets (quote span, event trigger),
which a re-analysis of the same text keeps, unlike row indexes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import StoreError
from ..model import Article, Entity
from .corpus import entity_keys, normalise_name, refresh_corpus_entities, resolve_entities
from .rows import FACT_COLUMNS, fact_rows
from .stories import cluster_events

__all__ = [
    "ENTITY_KINDS",
    "ENTITY_TYPES",
    "FACT_KINDS",
    "MENTION_KINDS",
    "Correction",
    "active_corrections",
    "list_corrections",
    "recompute_articles",
    "write_facts",
]

ENTITY_KINDS = ("merge", "reject", "rename", "retype", "relink", "split")
MENTION_KINDS = ("split-mentions",)  # chosen mentions of one article, by offsets
FACT_KINDS = ("reject-quote", "reattribute-quote", "reject-event", "edit-event")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WEAPON")
# Fact tables in delete order: rows that belong to other rows go first.
_FACT_TABLES = ("mentions", "event_actors", "entities", "quotes", "findings", "events", "amounts", "dates", "framing")


@dataclass(frozen=True)
class Correction:
    id: int
    kind: str
    scope: str  # "corpus" or "article"
    article_id: str | None
    target: dict
    before: dict
    after: dict
    reason: str
    user: str
    created_at: str
    undone_at: str | None

    @classmethod
    def from_row(cls, row: tuple) -> Correction:
        cid, kind, scope, aid, target, before, after, reason, user, created, undone = row
        return cls(cid, kind, scope, aid, json.loads(target), json.loads(before), json.loads(after),
                   reason, user, created, undone)  # fmt: skip

    def to_dict(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "scope": self.scope, "article_id": self.article_id,
            "target": self.target, "before": self.before, "after": self.after, "reason": self.reason,
            "user": self.user, "created_at": self.created_at, "undone_at": self.undone_at,
        }  # fmt: skip

    def summary(self) -> str:
        """One line: what was corrected, by whom, when and why."""
        target = self.target
        if self.kind in FACT_KINDS:
            what = f"{target['article_id']}:{target['start']}-{target['end']} {target.get('text') or ''!r}"
        else:
            what = f"{target.get('entity_id') or '(by name)'} {target.get('name')!r}"
        if self.after.get("entity_id") or self.after.get("name"):
            what += f" → {self.after.get('entity_id') or ''} {self.after.get('name') or ''!r}".replace("  ", " ")
        elif self.after.get("type"):
            what += f" → {self.after['type']}"
        scope = f" (article {self.article_id} only)" if self.article_id and self.kind not in FACT_KINDS else ""
        undone = f" [undone {self.undone_at}]" if self.undone_at else ""
        return f"#{self.id} {self.kind} {what}{scope} by {self.user} at {self.created_at}: {self.reason}{undone}"

    def applies_to(self, article_id: str) -> bool:
        return self.article_id is None or self.article_id == article_id


_COLUMNS = "id, kind, scope, article_id, target, before_json, after_json, reason, user, created_at, undone_at"


def list_corrections(conn: sqlite3.Connection, include_undone: bool = True) -> list[Correction]:
    where = "" if include_undone else " WHERE undone_at IS NULL"
    return [Correction.from_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM corrections{where} ORDER BY id")]


def active_corrections(conn: sqlite3.Connection) -> list[Correction]:
    return list_corrections(conn, include_undone=False)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# -- applying corrections to one article ------------------------------------------------


def _own_key(ent: Entity) -> str:
    return entity_keys(ent)[0]


def _matches(correction: Correction, ent: Entity) -> bool:
    """Does ``ent`` carry a name the correction targets?  A rejected name is kept out whatever
    type the analysis gives it next time ("Harbour" an ORG here, a PERSON there); the other
    corrections target the name with its type."""
    target = correction.target
    wanted_type = None if correction.kind == "reject" else target.get("type")
    return (wanted_type is None or ent.type == wanted_type) and _own_key(ent) in target.get("keys", [])


def _corpus_row(conn: sqlite3.Connection, cid: int | None) -> dict | None:
    if cid is None:
        return None
    row = conn.execute(
        "SELECT id, name, type, country, gazetteer_id, lat, lon FROM corpus_entities WHERE id = ?", (cid,)
    ).fetchone()
    return dict(zip(("id", "name", "type", "country", "gazetteer_id", "lat", "lon"), row)) if row else None


def _merged_into(active: list[Correction]) -> dict[int, int]:
    """Corpus-wide merges as ``{source id: target id}``."""
    return {
        c.target["entity_id"]: c.after["entity_id"]
        for c in active
        if c.kind == "merge" and c.article_id is None and c.target.get("entity_id") and c.after.get("entity_id")
    }


def _follow(cid: int | None, merges: dict[int, int]) -> int | None:
    """Where ``cid`` ended up after the corpus-wide merges (a merged target may be merged again)."""
    seen = set()
    while cid in merges and cid not in seen:
        seen.add(cid)
        cid = merges[cid]
    return cid


def _target_of(conn, correction: Correction, merges: dict[int, int]) -> dict | None:
    """The corpus entity a merge or relink sends entities to: by id, else (a rule written by
    name on another database) the one entity of that name and type, if there is exactly one."""
    found = _corpus_row(conn, _follow(correction.after.get("entity_id"), merges))
    if found or not correction.after.get("name"):
        return found
    type_ = correction.after.get("type")
    key = normalise_name(correction.after["name"], type_)
    rows = conn.execute(
        "SELECT DISTINCT ce.id FROM corpus_entity_aliases a JOIN corpus_entities ce ON ce.id = a.corpus_entity_id "
        "WHERE a.alias = ? AND (? IS NULL OR ce.type = ?)",
        (key, type_, type_),
    ).fetchall()
    return _corpus_row(conn, rows[0][0]) if len(rows) == 1 else None


def _send_to(ent: Entity, target: dict) -> None:
    """An entity forced into ``target`` takes its type, and its place when the link was elsewhere."""
    ent.type = target["type"]
    if ent.gazetteer_id != target["gazetteer_id"] and (ent.gazetteer_id or target["gazetteer_id"]):
        ent.gazetteer_id, ent.lat, ent.lon = target["gazetteer_id"], target["lat"], target["lon"]
        ent.country = target["country"]


def _correct_entities(conn, article: Article, active: list[Correction]) -> dict[str, int]:
    """Apply the entity corrections to ``article`` in place; return the forced corpus ids."""
    merges = _merged_into(active)
    forced: dict[str, int] = {}
    rejected: set[str] = set()
    for correction in active:
        if correction.kind == "split-mentions" and correction.article_id == article.id:
            _split_mentions(conn, article, correction, merges, forced)
            continue
        if correction.kind not in ENTITY_KINDS or not correction.applies_to(article.id):
            continue
        for ent in article.entities:
            if ent.id in rejected or not _matches(correction, ent):
                continue
            if correction.kind == "reject":
                rejected.add(ent.id)
            elif correction.kind == "retype":
                ent.type = correction.after["type"]
            elif correction.kind in ("merge", "relink", "split"):
                target = _target_of(conn, correction, merges)
                if target is not None:
                    _send_to(ent, target)
                    forced[ent.id] = target["id"]
                elif correction.after.get("name"):  # the target does not exist yet: it will take this name
                    if ent.name not in ent.aliases:
                        ent.aliases.append(ent.name)
                    ent.name = correction.after["name"]
                    ent.type = correction.after.get("type") or ent.type
    if rejected:
        _drop_entities(article, rejected)
    return {local: cid for local, cid in forced.items() if local not in rejected}


def _split_mentions(conn, article: Article, correction: Correction, merges: dict[int, int], forced: dict) -> None:
    """Move the mentions at the correction's offsets out of whatever entity the analysis put
    them in, into an entity of their own linked to the correction's new corpus entity.  An
    entity all of whose mentions are named is left whole (that is a relink, not a split)."""
    spans = {tuple(span) for span in correction.target["mentions"]}
    moved = []
    for ent in article.entities:
        keep = [m for m in ent.mentions if (m.start, m.end) not in spans]
        if keep and len(keep) < len(ent.mentions):
            moved.extend(m for m in ent.mentions if (m.start, m.end) in spans)
            ent.mentions = keep
    if not moved:
        return
    moved.sort(key=lambda m: m.start)
    after = correction.after
    new = Entity(f"S{correction.id}", after.get("name") or moved[0].text, after.get("type") or "PERSON", moved)
    article.entities.append(new)
    target = _corpus_row(conn, _follow(after.get("entity_id"), merges))
    if target is not None:
        _send_to(new, target)
        forced[new.id] = target["id"]


def _drop_entities(article: Article, dropped: set[str]) -> None:
    """Remove entities and every reference to them (speakers, actors, places, framing)."""
    article.entities = [e for e in article.entities if e.id not in dropped]
    for quote in article.quotes:
        if quote.speaker in dropped:
            quote.speaker = None
    for event in article.events:
        event.source = [i for i in event.source if i not in dropped]
        event.target = [i for i in event.target if i not in dropped]
        event.location = None if event.location in dropped else event.location
        event.speaker = None if event.speaker in dropped else event.speaker
    article.framing = [f for f in article.framing if f.entity not in dropped]


def _fact_key(correction: Correction) -> tuple[int, int]:
    return correction.target["start"], correction.target["end"]


def _correct_facts(article: Article, active: list[Correction], corpus_ids: dict[str, int]) -> None:
    """Apply quote and event corrections to ``article`` in place (after entity resolution,
    which new speakers and actors, given as corpus ids, need)."""
    merges = _merged_into(active)
    local_of: dict[int, str] = {}
    for local, cid in corpus_ids.items():
        local_of.setdefault(cid, local)

    def locals_for(ids: Iterable[int]) -> list[str]:
        return [local_of[c] for c in (_follow(i, merges) for i in ids) if c in local_of]

    for correction in active:
        if correction.kind not in FACT_KINDS or correction.article_id != article.id:
            continue
        key = _fact_key(correction)
        if correction.kind == "reject-quote":
            article.quotes = [q for q in article.quotes if (q.start, q.end) != key]
        elif correction.kind == "reattribute-quote":
            speaker = locals_for([correction.after["speaker_id"]])
            for quote in article.quotes:
                if (quote.start, quote.end) == key and speaker:
                    quote.speaker = speaker[0]
        elif correction.kind == "reject-event":
            article.events = [e for e in article.events if (e.trigger.start, e.trigger.end) != key]
        elif correction.kind == "edit-event":
            for event in article.events:
                if (event.trigger.start, event.trigger.end) != key:
                    continue
                event.type = correction.after.get("type") or event.type
                if correction.after.get("source") is not None:
                    event.source = locals_for(correction.after["source"])
                if correction.after.get("target") is not None:
                    event.target = locals_for(correction.after["target"])


def _apply_renames(conn, active: list[Correction], linked: set[int]) -> set[int]:
    """A renamed corpus entity keeps its new name whatever later articles call it."""
    merges = _merged_into(active)
    renamed = set()
    for correction in active:
        cid = _follow(correction.target.get("entity_id"), merges)
        if correction.kind == "rename" and cid in linked:
            conn.execute("UPDATE corpus_entities SET name = ? WHERE id = ?", (correction.after["name"], cid))
            renamed.add(cid)
    return renamed


def write_facts(
    conn: sqlite3.Connection, article: Article, active: list[Correction] | None = None
) -> tuple[Article, dict[str, int]]:
    """Write the fact rows of a stored article, with ``active`` corrections (default: all
    active ones) applied; return the article as written (corrected) and its entities'
    corpus ids (``{local_id: corpus_id}``).  The caller holds the
    transaction, and ``articles`` already has the row with the uncorrected analysis."""
    if active is None:
        active = active_corrections(conn)
    corrected = Article.from_dict(article.to_dict()) if active else article
    forced = _correct_entities(conn, corrected, active) if active else {}
    corpus_ids = resolve_entities(conn, corrected.entities, forced)
    if active:
        _correct_facts(corrected, active, corpus_ids)
    for table, rows in fact_rows(article.id, corrected, corpus_ids).items():
        if rows:
            columns = FACT_COLUMNS[table]
            marks = ", ".join("?" for _ in columns)
            # table and column names come from FACT_COLUMNS, never from input
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
    if active:
        renamed = _apply_renames(conn, active, set(corpus_ids.values()))
        if renamed:
            refresh_corpus_entities(conn, renamed)
    # Without active corrections the article is written as analysed: no costly to_dict comparison.
    raw = article.to_dict() if active else None
    fixed = corrected.to_dict() if active else None
    if fixed != raw:
        conn.execute("UPDATE articles SET article_json = ? WHERE id = ?", (dumps(fixed), article.id))
        conn.execute(
            "INSERT OR REPLACE INTO uncorrected_articles (article_id, article_json) VALUES (?, ?)",
            (article.id, dumps(raw)),
        )
    elif conn.execute("SELECT 1 FROM uncorrected_articles WHERE article_id = ?", (article.id,)).fetchone():
        # Every correction of it was undone: the article is the analysis again.
        conn.execute("UPDATE articles SET article_json = ? WHERE id = ?", (dumps(article.to_dict()), article.id))
        conn.execute("DELETE FROM uncorrected_articles WHERE article_id = ?", (article.id,))
    return corrected, corpus_ids


def uncorrected_article(conn: sqlite3.Connection, article_id: str) -> Article:
    row = conn.execute(
        "SELECT coalesce(u.article_json, a.article_json) FROM articles a "
        "LEFT JOIN uncorrected_articles u ON u.article_id = a.id WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise StoreError("E106", id=article_id)
    return Article.from_dict(json.loads(row[0]))


def recompute_articles(conn: sqlite3.Connection, article_ids: Iterable[str]) -> int:
    """Rewrite the facts of these articles from their uncorrected analysis with the active
    corrections, inside the caller's transaction; return how many were rewritten.  Corpus
    entities keep their ids: they are emptied first, found again by name, and deleted
    only if nothing links to them afterwards."""
    wanted = sorted(set(article_ids))
    if not wanted:
        return 0
    marks = ",".join("?" * len(wanted))
    ordered = [r[0] for r in conn.execute(f"SELECT id FROM articles WHERE id IN ({marks}) ORDER BY seq", wanted)]
    touched = {
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT corpus_entity_id FROM entities WHERE article_id IN ({marks}) "
            "AND corpus_entity_id IS NOT NULL",
            wanted,
        )
    }
    for table in _FACT_TABLES:  # fixed names, not input
        conn.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", wanted)
    refresh_corpus_entities(conn, touched, drop_empty=False)
    active = active_corrections(conn)
    _keep_renamed_names(conn, active, touched)
    for aid in ordered:
        written, corpus_ids = write_facts(conn, uncorrected_article(conn, aid), active)
        touched |= set(corpus_ids.values())
        (story_id,) = conn.execute("SELECT story_id FROM articles WHERE id = ?", (aid,)).fetchone()
        if story_id is not None:  # the rewritten events rejoin their story's clusters
            cluster_events(conn, written, corpus_ids, story_id)
    refresh_corpus_entities(conn, touched)
    return len(ordered)


def _keep_renamed_names(conn: sqlite3.Connection, active: list[Correction], ids: set[int]) -> None:
    """A renamed entity emptied for a recompute is found again by the names it had before."""
    merges = _merged_into(active)
    for correction in active:
        cid = _follow(correction.target.get("entity_id"), merges)
        if correction.kind == "rename" and cid in ids:
            conn.executemany(
                "INSERT OR IGNORE INTO corpus_entity_aliases (corpus_entity_id, alias, last_token) VALUES (?, ?, ?)",
                [(cid, key, key.rsplit(" ", 1)[-1]) for key in correction.target.get("keys", [])],
            )
