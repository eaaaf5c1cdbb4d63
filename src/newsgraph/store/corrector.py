"""Making and undoing corrections: ``Corrector(db, user=...)``, and rules files a team shares.

Each correction is one transaction: the ``corrections`` row and the recomputed facts of
the articles it touches are committed together.  How corrections apply to facts, now
and in every later write, is ``corrections.py``.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from ..errors import StoreError
from .connection import open_writer, transaction
from .corpus import normalise_name
from .corrections import (
    ENTITY_TYPES,
    Correction,
    dumps,
    list_corrections,
    now,
    recompute_articles,
)

__all__ = ["Corrector", "RULE_KINDS", "default_user"]

RULE_KINDS = ("merge", "reject", "rename", "retype", "relink")


def default_user() -> str:
    """The OS user, or "unknown" where there is none (a container without a passwd entry)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Corrector:
    """A read-write handle for corrections on the store at ``path``.  Use as a context manager."""

    def __init__(self, path: str | Path, user: str | None = None) -> None:
        self.path = Path(path)
        self.user = user or default_user()
        self._conn, _ = open_writer(self.path)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Corrector:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------

    def list(self, include_undone: bool = True) -> list[Correction]:
        return list_corrections(self._conn, include_undone)

    def get(self, correction_id: int) -> Correction:
        found = [c for c in self.list() if c.id == correction_id]
        if not found:
            raise StoreError("E112", str(self.path), id=correction_id)
        return found[0]

    def _entity(self, cid: int) -> dict:
        row = self._conn.execute(
            "SELECT id, name, type, country, gazetteer_id, lat, lon, mention_count, article_count "
            "FROM corpus_entities WHERE id = ?",
            (cid,),
        ).fetchone()
        if row is None:
            raise StoreError("E110", str(self.path), id=cid)
        keys = ("id", "name", "type", "country", "gazetteer_id", "lat", "lon", "mention_count", "article_count")
        return dict(zip(keys, row))

    def _aliases(self, cid: int) -> list[str]:
        sql = "SELECT alias FROM corpus_entity_aliases WHERE corpus_entity_id = ? ORDER BY alias"
        return [r[0] for r in self._conn.execute(sql, (cid,))]

    def _articles_of(self, cid: int) -> list[str]:
        sql = "SELECT DISTINCT article_id FROM entities WHERE corpus_entity_id = ? ORDER BY article_id"
        return [r[0] for r in self._conn.execute(sql, (cid,))]

    def _keys(self, entity: dict) -> list[str]:
        """The names a corpus entity is known by, less a PERSON's lone surname (see corrections.py)."""
        aliases = self._aliases(entity["id"])
        if entity["type"] == "PERSON" and " " in normalise_name(entity["name"], "PERSON"):
            aliases = [a for a in aliases if " " in a]
        return aliases or [normalise_name(entity["name"], entity["type"])]

    def _check_article(self, article_id: str | None) -> None:
        if (
            article_id is not None
            and not self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        ):
            raise StoreError("E106", str(self.path), id=article_id)

    # -- recording -----------------------------------------------------------------

    def _record(self, kind, target, before, after, reason, article_id=None, recompute=()) -> Correction:
        with transaction(self._conn, self.path):
            cur = self._conn.execute(
                "INSERT INTO corrections (kind, scope, article_id, target, before_json, after_json, reason, user, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (kind, "article" if article_id else "corpus", article_id, dumps(target), dumps(before),
                 dumps(after), reason or "", self.user, now()),
            )  # fmt: skip
            recompute_articles(self._conn, recompute)
        return self.get(cur.lastrowid)

    def _entity_correction(
        self, kind, cid, after, reason, article_id, keys=None, extra_before=None, entity=None
    ) -> Correction:
        self._check_article(article_id)
        entity = entity or self._entity(cid)
        target = {"entity_id": cid, "name": entity["name"], "type": entity["type"], "keys": keys or self._keys(entity)}
        articles = [article_id] if article_id else self._articles_of(cid)
        before = {"entity": entity, "aliases": self._aliases(cid), "articles": articles, **(extra_before or {})}
        return self._record(kind, target, before, after, reason, article_id, articles)

    def merge(self, source: int, into: int, reason: str = "", article_id: str | None = None) -> Correction:
        """Merge corpus entity ``source`` into ``into``; later mentions of the source's names go there too."""
        if source == into:
            raise StoreError("E114", str(self.path), detail=f"cannot merge entity {source} into itself")
        target = self._entity(into)
        after = {"entity_id": into, "name": target["name"], "type": target["type"]}
        return self._entity_correction("merge", source, after, reason, article_id)

    def reject(self, entity: int, reason: str = "", article_id: str | None = None) -> Correction:
        """Reject an entity: it leaves the graph, and its names stay out of later articles."""
        return self._entity_correction("reject", entity, {}, reason, article_id)

    def rename(self, entity: int, name: str, reason: str = "") -> Correction:
        """Give a corpus entity the name it should be shown by (its other names still find it)."""
        name = " ".join(name.split())
        if not name:
            raise StoreError("E114", str(self.path), detail="the new name is empty")
        current = self._entity(entity)
        return self._entity_correction("rename", entity, {"name": name}, reason, None,
                                       extra_before={"name": current["name"]})  # fmt: skip

    def retype(self, entity: int, type_: str, reason: str = "", article_id: str | None = None) -> Correction:
        type_ = type_.upper()
        if type_ not in ENTITY_TYPES:
            raise StoreError("E114", str(self.path), detail=f"unknown type {type_!r}; one of {', '.join(ENTITY_TYPES)}")
        current = self._entity(entity)
        self._check_article(article_id)
        if not article_id:
            with transaction(self._conn, self.path):
                self._conn.execute("UPDATE corpus_entities SET type = ? WHERE id = ?", (type_, entity))
        # The correction targets the entity as it was: entities of the old type with its names.
        return self._entity_correction("retype", entity, {"type": type_}, reason, article_id,
                                       extra_before={"type": current["type"]}, entity=current)  # fmt: skip

    def relink(
        self, entity: int, name: str, into: int | None = None, reason: str = "", article_id: str | None = None
    ) -> Correction:
        """Link the mentions called ``name`` of ``entity`` to corpus entity ``into`` instead (another
        person, another place), or, without ``into``, split them off as an entity of their own,
        with no place link: "Manning" is not the Isle of Man."""
        current = self._entity(entity)
        key = normalise_name(name, current["type"])
        linked = self._conn.execute(
            "SELECT name, type FROM entities WHERE corpus_entity_id = ?"
            + (" AND article_id = ?" if article_id else ""),
            (entity, article_id) if article_id else (entity,),
        ).fetchall()
        if not any(normalise_name(n, t) == key for n, t in linked):
            raise StoreError("E114", str(self.path), detail=f"entity {entity} has no mention named {name!r}")
        if into is None:
            with transaction(self._conn, self.path):
                cur = self._conn.execute(
                    "INSERT INTO corpus_entities (name, type, country) VALUES (?, ?, ?)",
                    (name, current["type"], None if current["gazetteer_id"] else current["country"]),
                )
            into, kind = cur.lastrowid, "split"
        else:
            kind = "relink"
            if into == entity:
                raise StoreError("E114", str(self.path), detail=f"entity {entity} is already the link")
        target = self._entity(into)
        after = {"entity_id": into, "name": target["name"], "type": target["type"]}
        return self._entity_correction(kind, entity, after, reason, article_id, keys=[key])

    def split(self, entity: int, name: str, reason: str = "", article_id: str | None = None) -> Correction:
        return self.relink(entity, name, None, reason, article_id)

    def split_mentions(
        self, entity: int, article_id: str, spans: list[tuple[int, int]], type_: str | None = None, reason: str = ""
    ) -> Correction:
        """Split the mentions of ``entity`` at ``spans`` (character offsets in ``article_id``) off
        as an entity of their own: the one "Jordan" of an article that is the country, not the
        man.  Holds for that article, through recomputes and re-analyses of the same text."""
        current = self._entity(entity)
        self._check_article(article_id)
        type_ = (type_ or current["type"]).upper()
        if type_ not in ENTITY_TYPES:
            raise StoreError("E114", str(self.path), detail=f"unknown type {type_!r}; one of {', '.join(ENTITY_TYPES)}")
        found = {
            (start, end): text
            for start, end, text in self._conn.execute(
                "SELECT m.char_start, m.char_end, m.text FROM mentions m JOIN entities e "
                "ON e.article_id = m.article_id AND e.local_id = m.entity_id "
                "WHERE m.article_id = ? AND e.corpus_entity_id = ?",
                (article_id, entity),
            )
        }
        chosen = sorted({(int(start), int(end)) for start, end in spans})
        missing = [f"{start}-{end}" for start, end in chosen if (start, end) not in found]
        if not chosen or missing:
            detail = f"entity {entity} has no mention at {', '.join(missing) or '(none given)'} in article {article_id}"
            raise StoreError("E114", str(self.path), detail=detail)
        if len(chosen) == len(found):
            detail = f"those are all the mentions of entity {entity} in article {article_id}: relink it with --article"
            raise StoreError("E114", str(self.path), detail=detail)
        name = found[chosen[0]]
        with transaction(self._conn, self.path):
            cur = self._conn.execute("INSERT INTO corpus_entities (name, type) VALUES (?, ?)", (name, type_))
        target = {"entity_id": entity, "name": current["name"], "type": current["type"], "article_id": article_id,
                  "mentions": [list(span) for span in chosen]}  # fmt: skip
        after = {"entity_id": cur.lastrowid, "name": name, "type": type_}
        before = {"entity": current, "aliases": self._aliases(entity), "articles": [article_id]}
        return self._record("split-mentions", target, before, after, reason, article_id, [article_id])

    # -- quotes and events -----------------------------------------------------------

    def _fact(self, table: str, article_id: str, start: int, end: int) -> dict:
        self._check_article(article_id)
        columns = "char_start, char_end" if table == "quotes" else "trigger_start, trigger_end"
        row = self._conn.execute(
            f"SELECT * FROM {table} WHERE article_id = ? AND ({columns}) = (?, ?)", (article_id, start, end)
        ).fetchone()  # table: "quotes" or "events", never input
        if row is None:
            fact = "quote" if table == "quotes" else "event trigger"
            raise StoreError("E111", str(self.path), fact=fact, start=start, end=end, article=article_id)
        names = [d[0] for d in self._conn.execute(f"SELECT * FROM {table} LIMIT 0").description]
        return dict(zip(names, row))

    def _fact_correction(self, kind, table, article_id, start, end, after, reason) -> Correction:
        fact = self._fact(table, article_id, start, end)
        target = {
            "article_id": article_id,
            "start": start,
            "end": end,
            "text": fact.get("text") or fact.get("trigger_text"),
        }
        return self._record(kind, target, {"fact": fact}, after, reason, article_id, [article_id])

    def _in_article(self, article_id: str, cid: int) -> None:
        self._entity(cid)
        if not self._conn.execute(
            "SELECT 1 FROM entities WHERE article_id = ? AND corpus_entity_id = ?", (article_id, cid)
        ).fetchone():
            raise StoreError("E114", str(self.path), detail=f"entity {cid} is not mentioned in article {article_id}")

    def reject_quote(self, article_id: str, start: int, end: int, reason: str = "") -> Correction:
        return self._fact_correction("reject-quote", "quotes", article_id, start, end, {}, reason)

    def reattribute_quote(self, article_id: str, start: int, end: int, speaker: int, reason: str = "") -> Correction:
        self._in_article(article_id, speaker)
        return self._fact_correction("reattribute-quote", "quotes", article_id, start, end,
                                     {"speaker_id": speaker}, reason)  # fmt: skip

    def reject_event(self, article_id: str, start: int, end: int, reason: str = "") -> Correction:
        return self._fact_correction("reject-event", "events", article_id, start, end, {}, reason)

    def edit_event(
        self,
        article_id: str,
        start: int,
        end: int,
        type_: str | None = None,
        source: list[int] | None = None,
        target: list[int] | None = None,
        reason: str = "",
    ) -> Correction:
        for cid in [*(source or []), *(target or [])]:
            self._in_article(article_id, cid)
        if type_ is None and source is None and target is None:
            raise StoreError("E114", str(self.path), detail="say what to change: a type, source or target actors")
        after = {"type": type_.upper() if type_ else None, "source": source, "target": target}
        return self._fact_correction("edit-event", "events", article_id, start, end, after, reason)

    # -- undo ------------------------------------------------------------------------

    def undo(self, correction_id: int) -> Correction:
        """Undo a correction: mark it undone and recompute the facts it changed."""
        correction = self.get(correction_id)
        if correction.undone_at:
            raise StoreError("E112", str(self.path), id=correction_id)
        conn = self._conn
        with transaction(conn, self.path):
            conn.execute("UPDATE corrections SET undone_at = ? WHERE id = ?", (now(), correction_id))
            articles = set(correction.before.get("articles", []))
            if correction.article_id:
                articles.add(correction.article_id)
            entity = correction.before.get("entity")
            if entity:
                self._restore(entity, correction.before.get("aliases", []))
                if correction.kind == "rename":
                    conn.execute(
                        "UPDATE corpus_entities SET name = ? WHERE id = ?", (correction.before["name"], entity["id"])
                    )
                if correction.kind == "retype" and not correction.article_id:
                    conn.execute(
                        "UPDATE corpus_entities SET type = ? WHERE id = ?", (correction.before["type"], entity["id"])
                    )
                articles.update(self._articles_of(entity["id"]))
            moved_to = correction.after.get("entity_id")
            if moved_to and not correction.article_id:
                articles.update(self._articles_of(moved_to))
            if not correction.article_id:
                # Later articles it changed (a rejected name left out): all hold an uncorrected copy.
                articles.update(r[0] for r in conn.execute("SELECT article_id FROM uncorrected_articles"))
            recompute_articles(conn, articles)
        return self.get(correction_id)

    def _restore(self, entity: dict, aliases: list[str]) -> None:
        """Bring back a corpus entity a merge or reject emptied (and so deleted), under its id."""
        if self._conn.execute("SELECT 1 FROM corpus_entities WHERE id = ?", (entity["id"],)).fetchone():
            return
        self._conn.execute(
            "INSERT INTO corpus_entities (id, name, type, country, gazetteer_id, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?)",
            tuple(entity[k] for k in ("id", "name", "type", "country", "gazetteer_id", "lat", "lon")),
        )
        self._conn.executemany(
            "INSERT OR IGNORE INTO corpus_entity_aliases (corpus_entity_id, alias, last_token) VALUES (?, ?, ?)",
            [(entity["id"], a, a.rsplit(" ", 1)[-1]) for a in aliases],
        )

    # -- rules files -----------------------------------------------------------------

    def apply_rules(self, path: str | Path) -> list[str]:
        """Apply a rules file (YAML, by names and types, so it works on any database); return
        one line per rule saying what it did.  A rule whose entity is not in this store yet
        is still recorded, by its names: it applies to the articles that bring it."""
        rules = load_rules(path)
        lines = []
        for i, rule in enumerate(rules, start=1):
            lines.append(f"rule {i}: " + self._apply_rule(rule))
        return lines

    def _find(self, name: str, type_: str | None) -> list[dict]:
        rows = self._conn.execute(
            "SELECT DISTINCT ce.id FROM corpus_entity_aliases a JOIN corpus_entities ce ON ce.id = a.corpus_entity_id "
            "WHERE a.alias = ? AND (? IS NULL OR ce.type = ?) ORDER BY ce.article_count DESC, ce.id",
            (normalise_name(name, type_), type_, type_),
        ).fetchall()
        return [self._entity(r[0]) for r in rows]

    def _apply_rule(self, rule: dict) -> str:
        kind, name, type_ = rule["kind"], rule["name"], rule.get("type")
        reason = rule.get("reason") or f"rules file: {kind} {name!r}"
        found = self._find(name, type_)
        if len(found) > 1:
            return f"skipped: {len(found)} entities are named {name!r}; give a type"
        entity = found[0] if found else None
        if kind == "merge":
            into = self._find(rule["into"], rule.get("into_type") or type_)
            if entity and len(into) == 1:
                if entity["id"] == into[0]["id"]:
                    return f"{name!r} is already {rule['into']!r}"
                return f"correction {self.merge(entity['id'], into[0]['id'], reason).id}"
            after = {"name": rule["into"], "type": rule.get("into_type") or type_}
            return self._by_name("merge", name, type_, after, reason)
        if kind == "reject":
            if entity:
                return f"correction {self.reject(entity['id'], reason).id}"
            return self._by_name("reject", name, type_, {}, reason)
        if not entity:
            return f"skipped: no entity named {name!r}"
        if kind == "rename":
            return f"correction {self.rename(entity['id'], rule['to'], reason).id}"
        if kind == "retype":
            return f"correction {self.retype(entity['id'], rule['to'], reason).id}"
        into = self._find(rule["into"], rule.get("into_type")) if rule.get("into") else []
        if rule.get("into") and len(into) != 1:
            return f"skipped: no single entity named {rule['into']!r}"
        moved = rule.get("mention", name)
        return f"correction {self.relink(entity['id'], moved, into[0]['id'] if into else None, reason).id}"

    def _by_name(self, kind: str, name: str, type_: str | None, after: dict, reason: str) -> str:
        """A merge or reject of an entity this store does not hold yet: recorded by its name."""
        key = normalise_name(name, type_)
        target = {"entity_id": None, "name": name, "type": type_, "keys": [key]}
        correction = self._record(kind, target, {"articles": []}, after, reason)
        return f"correction {correction.id} (no entity named {name!r} yet: it applies when one comes)"


def load_rules(path: str | Path) -> list[dict]:
    """The rules of a YAML rules file, checked: E113 names what is wrong."""
    import yaml

    where = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise StoreError("E113", where, detail=str(exc).splitlines()[0]) from exc
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, list):
        raise StoreError("E113", where, detail="it needs a top-level 'rules:' list")
    checked = []
    needs = {"merge": "into", "rename": "to", "retype": "to"}
    for i, rule in enumerate(rules, start=1):
        if not isinstance(rule, dict) or rule.get("kind") not in RULE_KINDS or not isinstance(rule.get("name"), str):
            raise StoreError("E113", where, detail=f"rule {i} needs a 'kind' ({', '.join(RULE_KINDS)}) and a 'name'")
        extra = needs.get(rule["kind"])
        if extra and not isinstance(rule.get(extra), str):
            raise StoreError("E113", where, detail=f"rule {i} ({rule['kind']}) needs '{extra}'")
        if rule.get("type") is not None:
            rule["type"] = str(rule["type"]).upper()
        checked.append(rule)
    return checked
