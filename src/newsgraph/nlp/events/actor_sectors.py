"""Actor sectors and groups: intergovernmental organisations, the nouns that can name people
("protesters", "dozens of ..."), and the coarse sector of an actor phrase.

Split out of :mod:`newsgraph.nlp.events.actors` (which re-exports ``SECTORS``, ``IGO_NAMES`` and ``is_group``);
``ActorIndex`` holds a :class:`SectorLookup` over its ``entities``, ``meta`` and ``kind``.
The word lists themselves are in :mod:`newsgraph.nlp.knowledge.sectors`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ...model import Entity
from ..knowledge.organisations import IGO_NAMES, is_igo_name
from ..knowledge.sectors import GOVERNMENT_TITLES, GROUP_NOUN_SECTORS, MILITARY_TITLES

__all__ = ["GROUP_NOUNS", "IGO_NAMES", "QUANTITY_NOUNS", "SECTORS", "SectorLookup", "is_group"]

SECTORS = ("government", "military", "police", "rebel", "civilian", "business", "media", "igo")

_SECTOR_OF = GROUP_NOUN_SECTORS
# group nouns whose "of" object names the actor: "the government of Chile", "troops of Russia"
GROUP_NOUNS = frozenset(_SECTOR_OF) | {"leader", "people", "member", "members", "head", "representative"}
QUANTITY_NOUNS = frozenset(
    {
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "group",
        "number",
        "some",
        "many",
        "scores",
        "score",
        "crowd",
        "band",
        "million",
        "millions",
    }
)


def is_group(tok: Token) -> bool:
    """Whether a phrase head can name people: a name, a group or role noun, or a plural ("advisers").

    "Russian nationalism" or "Israel's policy" name no actor, though their modifier is a country.
    """
    if tok.ent_type_ or tok.pos_ in ("PROPN", "PRON"):
        return True
    lemma = tok.lemma_.lower()
    return tok.tag_ in ("NNS", "NNPS") or lemma in GROUP_NOUNS or lemma in QUANTITY_NOUNS or tok.lower_ in _SECTOR_OF


class SectorLookup:
    """``ActorIndex``'s sector and intergovernmental-organisation lookups, over one document's entities
    (``meta``: the linker's per-entity info; ``kind``: an entity's gazetteer kind)."""

    def __init__(self, entities: dict[str, Entity], meta: dict[str, dict], kind: Callable[[str], str | None]):
        self.entities = entities
        self.meta = meta
        self.kind = kind

    # -- entity facts -----------------------------------------------------------------------
    def is_igo(self, eid: str) -> bool:
        ent = self.entities.get(eid)
        if ent is None or ent.type != "ORG":
            return False
        return is_igo_name([ent.name, *ent.aliases])

    # -- sectors ------------------------------------------------------------------------------
    def sector(self, head: Token | None, eid: str | None) -> str | None:
        """A coarse sector from the phrase's own words first, then from the entity."""
        if eid is not None and self.is_igo(eid):
            return "igo"
        if head is not None and head.pos_ != "PRON":
            words = [head] + [t for t in head.subtree if t.i < head.i]
            # the head noun decides ("Russian military officials" are government): check it first
            for t in words:
                s = _SECTOR_OF.get(t.lower_) or _SECTOR_OF.get(t.lemma_.lower())
                if s and (t.ent_type_ in ("", "ORG") or t == head):
                    if t != head and head.lemma_.lower() in _SECTOR_OF:
                        continue
                    return s
        if head is not None and head.lemma_.lower() in QUANTITY_NOUNS:  # "dozens of protesters"
            of = next(
                (
                    g
                    for p in head.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if of is not None:
                return self.sector(of, eid)
        if eid is None:
            return None
        if self.is_igo(eid):
            return "igo"
        info = self.meta.get(eid, {})
        ent = self.entities.get(eid)
        titles = " ".join(info.get("titles") or (ent.titles if ent else [])).lower().split()
        if any(t in MILITARY_TITLES for t in titles):
            return "military"
        if any(t in GOVERNMENT_TITLES for t in titles):
            return "government"
        sector = info.get("sector")
        if sector in SECTORS:
            return sector
        if ent is not None and ent.type == "GPE" and self.kind(eid) == "country":
            return "government"
        return None
