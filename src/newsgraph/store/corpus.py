"""Cross-article entity resolution: article entities -> corpus entities.

Runs inside the writer's transaction for one article, so a rolled-back article
leaves no trace here either.  Nothing is cached in memory for the same reason:
every decision reads the database as it stands inside the transaction.

Rules, in order (see ``resolve_entities``):

1. same ``gazetteer_id`` -> same corpus entity (whatever the NER type said);
2. same type and same normalised name or alias -> merge, if exactly one
   compatible candidate, else the context rule below, else a new entity;
3. a single-token PERSON name ("Putin") -> the one corpus PERSON whose full
   name ends with that token; with several, the context rule; without a full-name
   candidate, a single-token corpus PERSON of that name;
4. a full PERSON name ("Vladimir Putin") with no exact match -> the one corpus
   PERSON known only by its surname, which then takes the full name; else the one
   corpus PERSON whose full name has the same first name and surname, one name's
   words all in the other's ("Jane Roe" and "Jane Mary Roe"), which keeps the longer;
5. a generic name ("Government", "Senate", "Treasury", "Ministry of Foreign Affairs",
   "Supreme Court": government words only, ``is_generic_body_name``) merges only with
   a corpus entity of the same country, and never without a country: every country
   has its own.

"Compatible" means: neither ``country`` nor ``gazetteer_id`` differ where both are
set, so Georgia (GEO) never merges with Georgia (USA).  The context rule: the
candidate sharing the most co-occurring corpus entities with this article wins,
if it shares at least one and strictly more than every other candidate.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from ..model import Entity
from ..nlp.knowledge.lexicon import STORED_NAME_TITLE_KEYS, is_generic_body_name

__all__ = ["entity_keys", "normalise_name", "refresh_corpus_entities", "resolve_entities"]

_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


def normalise_name(name: str, type: str | None = None) -> str:
    """Casefold, strip accents and possessives, drop punctuation (dots vanish, so
    "U.S." == "US"), drop a leading "the", and for PERSON leading titles.

    Not :func:`newsgraph.nlp.knowledge.lexicon.normalize_name`, the gazetteer's lookup key:
    these keys are stored, and they keep letters of every script ("Путин" stays a name, where
    the lookup key keeps only a-z) and letters Unicode does not decompose ("ł"), as the
    databases already written have them."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = _POSSESSIVE.sub("", text)
    text = text.replace(".", "").replace("'", "")
    text = _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()
    tokens = text.split(" ") if text else []
    if tokens and tokens[0] == "the" and len(tokens) > 1:
        tokens = tokens[1:]
    if type == "PERSON":
        rest = list(tokens)
        while rest and rest[0] in STORED_NAME_TITLE_KEYS:
            rest.pop(0)
        if rest:  # a bare "President" stays as it is
            tokens = rest
    return " ".join(tokens)


@dataclass
class _Candidate:
    id: int
    country: str | None
    gazetteer_id: str | None


def _compatible(cand: _Candidate, ent: Entity) -> bool:
    if cand.country and ent.country and cand.country != ent.country:
        return False
    if cand.gazetteer_id and ent.gazetteer_id and cand.gazetteer_id != ent.gazetteer_id:
        return False
    return True


def entity_keys(ent: Entity) -> list[str]:
    """Every normalised name of an entity, its own name first (all are stored as aliases)."""
    keys = [normalise_name(ent.name, ent.type) or ent.name.casefold()]
    for alias in ent.aliases:
        key = normalise_name(alias, ent.type)
        if key and key not in keys:
            keys.append(key)
    return keys


def _match_keys(ent: Entity, keys: list[str]) -> list[str]:
    """The names an entity is matched by.  For a multi-token PERSON, single-token
    aliases are left out: "Smith" as an alias of Anna Smith must not pull her into
    John Smith (whose alias it is too); surnames go through the surname rule."""
    if ent.type == "PERSON" and " " in keys[0]:
        return [k for k in keys if " " in k]
    return keys


def _candidates(conn: sqlite3.Connection, sql: str, params: list, ent: Entity) -> list[_Candidate]:
    rows = conn.execute(sql, params).fetchall()
    seen, out = set(), []
    for cid, country, gaz in rows:
        if cid not in seen:
            seen.add(cid)
            cand = _Candidate(cid, country, gaz)
            if _compatible(cand, ent):
                out.append(cand)
    return out


_SELECT = "SELECT ce.id, ce.country, ce.gazetteer_id FROM corpus_entity_aliases a JOIN corpus_entities ce ON ce.id = a.corpus_entity_id"
_SINGLE_ONLY = (
    "NOT EXISTS (SELECT 1 FROM corpus_entity_aliases b WHERE b.corpus_entity_id = ce.id AND instr(b.alias, ' ') > 0)"
)


def _by_gazetteer(conn, ent):
    if not ent.gazetteer_id:
        return []
    sql = "SELECT id, country, gazetteer_id FROM corpus_entities WHERE gazetteer_id = ? ORDER BY id LIMIT 1"
    return [_Candidate(*row) for row in conn.execute(sql, (ent.gazetteer_id,))]


def _by_name(conn, ent, keys):
    keys = _match_keys(ent, keys)
    marks = ",".join("?" * len(keys))
    sql = f"{_SELECT} WHERE a.alias IN ({marks}) AND ce.type = ? ORDER BY ce.id"
    return _candidates(conn, sql, [*keys, ent.type], ent)


def _by_surname(conn, ent, token):
    """Corpus PERSONs with a multi-token name ending in ``token``."""
    sql = f"{_SELECT} WHERE a.last_token = ? AND instr(a.alias, ' ') > 0 AND ce.type = 'PERSON' ORDER BY ce.id"
    return _candidates(conn, sql, [token], ent)


def _surname_only(conn, ent, token):
    """Corpus PERSONs known by nothing but the single token ``token``."""
    sql = f"{_SELECT} WHERE a.alias = ? AND ce.type = 'PERSON' AND {_SINGLE_ONLY} ORDER BY ce.id"
    return _candidates(conn, sql, [token], ent)


def _context_winner(conn, candidates: list[_Candidate], context: set[int]) -> int | None:
    """The candidate co-occurring (in earlier articles) with strictly the most of
    this article's other corpus entities, provided it shares at least one."""
    others = sorted(context - {c.id for c in candidates})
    if not others or len(candidates) < 2:
        return None
    # For each candidate, how many of the others co-occur with it in some article, in one query
    # (a name left ambiguous gains a candidate each time, so there can be hundreds; the ids go in
    # as JSON lists, one parameter each whatever their number): each other's search stops at its
    # first shared article, where counting every pair read all the candidate's articles.
    # CROSS JOIN keeps the candidate's own rows outermost.
    sql = (
        "WITH other(id) AS (SELECT value FROM json_each(?)), candidate(id) AS (SELECT value FROM json_each(?)) "
        "SELECT (SELECT count(*) FROM other WHERE EXISTS ("
        "SELECT 1 FROM entities e1 CROSS JOIN entities e2 ON e2.article_id = e1.article_id "
        "AND e2.corpus_entity_id = other.id WHERE e1.corpus_entity_id = candidate.id)), candidate.id FROM candidate"
    )
    scores = conn.execute(sql, (json.dumps(others), json.dumps([cand.id for cand in candidates]))).fetchall()
    scores.sort(reverse=True)
    best, runner_up = scores[0][0], scores[1][0]
    return scores[0][1] if best >= 1 and best > runner_up else None


def _pick(conn, candidates, context) -> int | None:
    if len(candidates) == 1:
        return candidates[0].id
    if candidates:
        return _context_winner(conn, candidates, context)
    return None


def _match(conn, ent: Entity, keys: list[str], context: set[int], final: bool) -> int | None:
    """A corpus id for ``ent``, or None.  ``final`` is False in the first pass:
    entities whose choice depends on context return None and are retried once
    the rest of the article is resolved."""
    found = _by_gazetteer(conn, ent)
    if found:
        return found[0].id
    name = keys[0]
    if ent.type != "PERSON" and is_generic_body_name(name):
        same_country = [c for c in _by_name(conn, ent, keys) if ent.country and c.country == ent.country]
        return same_country[0].id if len(same_country) == 1 else None
    single_person = ent.type == "PERSON" and " " not in name
    if single_person:
        if not final:
            return None
        cid = _pick(conn, _by_surname(conn, ent, name), context)
        if cid is None:
            cid = _pick(conn, _surname_only(conn, ent, name), context)
        return cid
    candidates = _by_name(conn, ent, keys)
    if len(candidates) > 1 and not final:
        return None
    cid = _pick(conn, candidates, context)
    if cid is None and not candidates and ent.type == "PERSON":
        cid = _pick(conn, _surname_only(conn, ent, name.rsplit(" ", 1)[-1]), context)
        if cid is None:
            cid = _pick(conn, _fuller_or_shorter(conn, ent, name), context)
    return cid


def _fuller_or_shorter(conn, ent: Entity, name: str) -> list[_Candidate]:
    """Corpus PERSONs with a full name of the same first name and surname as ``name`` whose words
    hold all of the other's: "Jane Roe" and "Jane Mary Roe" (not "Jane Ann Roe" and "Jane Mary Roe")."""
    words = name.split()
    sql = (
        "SELECT ce.id, ce.country, ce.gazetteer_id, a.alias FROM corpus_entity_aliases a "
        "JOIN corpus_entities ce ON ce.id = a.corpus_entity_id "
        "WHERE a.last_token = ? AND instr(a.alias, ' ') > 0 AND ce.type = 'PERSON' ORDER BY ce.id"
    )
    out: dict[int, _Candidate] = {}
    for cid, country, gaz, alias in conn.execute(sql, (words[-1],)):
        other = alias.split()
        shorter, longer = sorted((words, other), key=len)
        if other[0] == words[0] and set(shorter) <= set(longer):
            cand = _Candidate(cid, country, gaz)
            if _compatible(cand, ent):
                out[cid] = cand
    return list(out.values())


def _needs_context(conn, ent: Entity, keys: list[str]) -> bool:
    if _by_gazetteer(conn, ent):
        return False
    return (ent.type == "PERSON" and " " not in keys[0]) or len(_by_name(conn, ent, keys)) > 1


# A new corpus entity never takes the id of one a correction names (merged or rejected,
# hence deleted): SQLite would reuse the highest id, and the correction would then apply to it.
_NEXT_ID = (
    "SELECT max(coalesce((SELECT max(id) FROM corpus_entities), 0), coalesce((SELECT max(max("
    "coalesce(json_extract(target, '$.entity_id'), 0), coalesce(json_extract(after_json, '$.entity_id'), 0))) "
    "FROM corrections), 0)) + 1"
)


def _create(conn, ent: Entity) -> int:
    cur = conn.execute(
        f"INSERT INTO corpus_entities (id, name, type, country, gazetteer_id, lat, lon) "
        f"VALUES (({_NEXT_ID}), ?, ?, ?, ?, ?, ?)",
        (ent.name, ent.type, ent.country, ent.gazetteer_id, ent.lat, ent.lon),
    )
    return cur.lastrowid


def _merge_into(conn, cid: int, ent: Entity, keys: list[str]) -> None:
    """Fill what the corpus entity lacks, and let a fuller name replace a surname."""
    current, *held = conn.execute(
        "SELECT name, country, gazetteer_id, lat, lon FROM corpus_entities WHERE id = ?", (cid,)
    ).fetchone()
    offered = (ent.country, ent.gazetteer_id, ent.lat, ent.lon)
    # Written only when it fills something: most mentions of a known entity bring nothing new.
    if any(mine is None and theirs is not None for mine, theirs in zip(held, offered, strict=True)):
        conn.execute(
            "UPDATE corpus_entities SET country = coalesce(country, ?), gazetteer_id = coalesce(gazetteer_id, ?), "
            "lat = coalesce(lat, ?), lon = coalesce(lon, ?) WHERE id = ?",
            (*offered, cid),
        )
    if len(keys[0].split()) > len(normalise_name(current, ent.type).split()):
        conn.execute("UPDATE corpus_entities SET name = ? WHERE id = ?", (ent.name, cid))


def _add_aliases(conn, cid: int, keys: list[str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO corpus_entity_aliases (corpus_entity_id, alias, last_token) VALUES (?, ?, ?)",
        [(cid, key, key.rsplit(" ", 1)[-1]) for key in keys if key],
    )


def _refresh_fts(conn, cid: int) -> None:
    (name,) = conn.execute("SELECT name FROM corpus_entities WHERE id = ?", (cid,)).fetchone()
    aliases = [r[0] for r in conn.execute("SELECT alias FROM corpus_entity_aliases WHERE corpus_entity_id = ?", (cid,))]
    row = (name, " | ".join(aliases))
    # Most articles name an entity as before: its row is left as it is, as rewriting an FTS5 row
    # (a delete, which re-reads and un-indexes its words, then an insert) costs far more than reading it.
    if conn.execute("SELECT name, aliases FROM entities_fts WHERE rowid = ?", (cid,)).fetchone() == row:
        return
    conn.execute("DELETE FROM entities_fts WHERE rowid = ?", (cid,))
    conn.execute("INSERT INTO entities_fts (rowid, name, aliases) VALUES (?, ?, ?)", (cid, *row))


def resolve_entities(
    conn: sqlite3.Connection, entities: list[Entity], forced: dict[str, int] | None = None
) -> dict[str, int]:
    """Assign every entity of one article a corpus entity (merging or creating),
    update aliases, counts and ``entities_fts``; return ``{local_id: corpus_id}``.

    Two passes: entities that need context (single-token PERSON names, ambiguous
    names) wait until the others are resolved, so their context is this article's
    other corpus entities.  ``forced`` (``{local_id: corpus_id}``, from an analyst's
    corrections) assigns those entities without any matching.
    """
    keys = {ent.id: entity_keys(ent) for ent in entities}
    assigned: dict[str, int] = {}
    deferred: list[Entity] = []
    for ent in entities:
        if forced and ent.id in forced:
            _add_aliases(conn, forced[ent.id], keys[ent.id])
            assigned[ent.id] = forced[ent.id]
            continue
        if _needs_context(conn, ent, keys[ent.id]):
            deferred.append(ent)
            continue
        cid = _match(conn, ent, keys[ent.id], set(), final=False)
        assigned[ent.id] = _settle(conn, cid, ent, keys[ent.id])
    for ent in deferred:
        context = set(assigned.values())
        cid = _match(conn, ent, keys[ent.id], context, final=True)
        assigned[ent.id] = _settle(conn, cid, ent, keys[ent.id])

    mentions: dict[int, int] = defaultdict(int)
    for ent in entities:
        mentions[assigned[ent.id]] += len(ent.mentions)
    for cid, count in mentions.items():
        # article_count counts this article once, however many of its entities merged here.
        conn.execute(
            "UPDATE corpus_entities SET mention_count = mention_count + ?, article_count = article_count + 1 WHERE id = ?",
            (count, cid),
        )
        _refresh_fts(conn, cid)
    return assigned


def _settle(conn, cid: int | None, ent: Entity, keys: list[str]) -> int:
    if cid is None:
        cid = _create(conn, ent)
    else:
        _merge_into(conn, cid, ent, keys)
    _add_aliases(conn, cid, keys)
    return cid


def refresh_corpus_entities(conn: sqlite3.Connection, ids: set[int], drop_empty: bool = True) -> None:
    """Recompute the counts and aliases of corpus entities from the article entities linked
    to them, after an analyst's correction moved or removed some (aliases were only ever
    added until then).  An entity keeps the key of its own name, so it is found again by
    name; one no article entity links to any more is deleted when ``drop_empty``."""
    for cid in sorted(ids):
        row = conn.execute("SELECT name, type FROM corpus_entities WHERE id = ?", (cid,)).fetchone()
        if row is None:
            continue
        linked = conn.execute("SELECT name, type, aliases FROM entities WHERE corpus_entity_id = ?", (cid,)).fetchall()
        if not linked and drop_empty:
            conn.execute("DELETE FROM corpus_entity_aliases WHERE corpus_entity_id = ?", (cid,))
            conn.execute("DELETE FROM entities_fts WHERE rowid = ?", (cid,))
            conn.execute("DELETE FROM corpus_entities WHERE id = ?", (cid,))
            continue
        keys = [normalise_name(row[0], row[1]) or row[0].casefold()]
        for name, type_, aliases in linked:
            for key in entity_keys(Entity("", name, type_, aliases=json.loads(aliases or "[]"))):
                if key not in keys:
                    keys.append(key)
        conn.execute("DELETE FROM corpus_entity_aliases WHERE corpus_entity_id = ?", (cid,))
        _add_aliases(conn, cid, keys)
        (mentions,) = conn.execute(
            "SELECT count(*) FROM mentions m JOIN entities e ON e.article_id = m.article_id AND e.local_id = m.entity_id "
            "WHERE e.corpus_entity_id = ?",
            (cid,),
        ).fetchone()
        (articles,) = conn.execute(
            "SELECT count(DISTINCT article_id) FROM entities WHERE corpus_entity_id = ?", (cid,)
        ).fetchone()
        conn.execute(
            "UPDATE corpus_entities SET mention_count = ?, article_count = ? WHERE id = ?", (mentions, articles, cid)
        )
        _refresh_fts(conn, cid)
