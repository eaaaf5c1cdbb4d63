"""Places for ``newsgraph_linking_v1``: capitals used as actors, and context for same-named places.

:class:`~newsgraph.nlp.linking.component.EntityLinker` holds a :class:`PlaceResolver`, which also
answers every gazetteer question of the linker and its :class:`~.people.PeopleResolver`
(``place``, ``link``, ``part_country``, ``country_of``).
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from ..knowledge.lexicon import collapse_spaces
from .mentions import MentionCluster, MentionRecord

__all__ = ["PlaceResolver", "NEAR_KM"]

NEAR_KM = 400  # a same-named place this close to another place in the article is the one meant
MAX_CANDIDATES = 12

# Which gazetteer kinds an unlinked span of each NER label may link to: a LOC "West" is
# no admin region called West, a FAC "White House" no town of that name.
_KINDS_FOR_LABEL = {
    "GPE": ("country", "admin1", "city", "region"), "NORP": ("nationality",), "ORG": ("org",),
    "LOC": ("sea", "river", "feature", "region", "continent", "country"), "FAC": ("feature", "city"),
}  # fmt: skip

_COMPASS = frozenset(
    "north south east west northern southern eastern western central upper lower northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern".split()
)

# Verbs whose subject is a place, not a government: "Kyiv came under fire", "Moscow is vast".
_PLACE_VERBS = frozenset("be become remain come lie sit host see experience suffer endure fall burn "
                         "shake wake sleep look seem appear get lose freeze flood".split())  # fmt: skip


class PlaceResolver:
    """Gazetteer access, metonymy and place disambiguation for
    :class:`~newsgraph.nlp.linking.component.EntityLinker`."""

    def __init__(self):
        self._gaz = False  # not loaded yet; None once known to be missing

    # -- gazetteer access (another module; absent in some checkouts) ----------------
    @property
    def gazetteer(self):
        if self._gaz is False:
            try:  # absent or without its data file in a partial checkout: link nothing beyond kb_id_
                from ..knowledge.gazetteer import get_gazetteer

                self._gaz = get_gazetteer()
            except (ImportError, OSError):
                self._gaz = None
        return self._gaz

    def place(self, kb: str | None):
        gaz = self.gazetteer
        return gaz.get(kb) if gaz is not None and kb else None

    def link(self, text: str, label: str) -> str | None:
        """A gazetteer id for a span the NER left unlinked (used when no linker ran before us)."""
        gaz = self.gazetteer
        if gaz is not None:
            wanted = _KINDS_FOR_LABEL.get(label, ())
            bare = text.replace(".", "")
            acronym = 2 <= len(bare) <= 5 and bare.isalpha() and bare.isupper()
            if len(text.split()) > 1 and text.split()[0].lower() in _COMPASS:
                return None  # "South Lebanon": see part_country
            for place in gaz.lookup(collapse_spaces(text), include_alternate=False):
                # towns that share a name with an institution ("White House") are not worth the risk
                if place.kind in wanted and place.notable:
                    if acronym and place.kind == "city" and "C" not in place.flags:
                        continue  # "ILO" is no town in Peru
                    return place.id
            if label == "NORP" and not acronym:  # "Mozambique officials": the country's nationality
                place = next(
                    (p for p in gaz.lookup(collapse_spaces(text), include_alternate=False) if p.kind == "country"), None
                )
                if place is not None and gaz.get(f"norp:{place.country}") is not None:
                    return f"norp:{place.country}"
        return None

    def part_country(self, text: str, label: str) -> str | None:
        """The country of a name left unlinked that is part of a known place or people: X's in
        "South X" / "Northern X" (never some town called "South X" elsewhere), the first word's in
        a group such as "Bosnian Serbs" or "Kosovo Albanians"."""
        gaz = self.gazetteer
        words = collapse_spaces(text).split()
        if gaz is None or len(words) < 2:
            return None
        if label == "NORP":
            head = " ".join(words[:-1])
            kinds = ("nationality", "country", "admin1", "region")
        elif words[0].lower() in _COMPASS:
            head = " ".join(words[1:])
            kinds = ("country", "admin1", "region", "feature", "continent", "city")
        else:
            return None
        for p in gaz.lookup(head, include_alternate=False)[:3]:
            if p.kind in kinds and p.notable:
                return p.country
        return None

    def country_of(self, kb: str | None) -> str | None:
        place = self.place(kb)
        if place is not None:
            return place.country
        prefix, _, code = (kb or "").partition(":")  # "iso3166:RUS", "norp:RUS" carry the code themselves
        return code if prefix in ("iso3166", "norp") and len(code) == 3 and code.isupper() else None

    def capital_of(self, text: str, place) -> str | None:
        """ISO3 of the country whose national capital ``text`` (linked to ``place``, if any) is."""
        if place is None and self.gazetteer is not None:  # unlinked: the best-ranked capital of that name
            place = next((p for p in self.gazetteer.lookup(text, False)[:3] if "C" in p.flags), None)
        return place.country if place is not None and place.kind == "city" and "C" in place.flags else None

    def disambiguate(self, clusters: list[MentionCluster]) -> None:
        """Re-pick same-named towns and regions by the article's other places.

        A candidate near (within :data:`NEAR_KM`) another town or region the article names
        wins ("Parkland" with "Florida" is Parkland, FL), then one in a country the article
        names, then the gazetteer's order (capitals, big cities, admin1 by people).  A
        capital or a city of a million keeps its place unless it is far from everything the
        article names and another candidate is near.
        """
        gaz = self.gazetteer
        if gaz is None:
            return
        placed = [(c, self.place(c.kb)) for c in clusters if c.kb and c.mentions]  # nationalities count too
        # an organisation's home state says nothing of where the article is ("Twitter" is no hint that
        # "Geneva" is Geneva, Illinois)
        placed = [(c, p) for c, p in placed if p is not None and p.kind != "org"]
        if len(placed) < 2:
            return
        for c, p in placed:
            if p.kind not in ("city", "admin1") or any(m.actor_capital for m in c.mentions):
                continue
            name = collapse_spaces(c.mentions[0].text)
            # a state stays a state (towns named after it are small); a town may be a bigger region or a
            # town of comparable size, never a village one tenth its size
            kinds = ("admin1",) if p.kind == "admin1" else ("city", "admin1")
            floor = min(p.population // 10, 50_000)
            candidates = [
                q for q in gaz.lookup(name, include_alternate=False)[:MAX_CANDIDATES]
                if q.kind in kinds and q.lat is not None and (q == p or q.kind == "admin1" or q.population >= floor)
            ]  # fmt: skip
            if len(candidates) < 2 or p not in candidates:
                continue
            others = [q for d, q in placed if d is not c]
            countries = {q.country for q in others if q.country}
            points = [(q.lat, q.lon) for q in others if q.kind in ("city", "admin1") and q.lat is not None]

            def near(q, points=points) -> bool:
                return any(_km(q.lat, q.lon, la, lo) <= NEAR_KM for la, lo in points)

            order = {q.id: i for i, q in enumerate(candidates)}
            best = min(candidates, key=lambda q: (not near(q), q.country not in countries, order[q.id]))
            if best.id == p.id:
                continue
            firm = "C" in p.flags or p.population >= 1_000_000
            if firm and (near(p) or not near(best) or p.country in countries):
                continue
            c.kb = best.id
            for m in c.mentions:
                m.kb = best.id

    def metonymy(self, doc: Doc, m: MentionRecord) -> None:
        """A capital as a clear government actor ("Washington warned", "Washington and Moscow agreed",
        "Paris and Russia signed") stands for its country.  Anywhere else it stays the city, with the
        city's point: "in London", "flights between London and Amsterdam", "relations between Harare
        and London" and a dateline ("Hanoi (VNA) -", "MOSCOW —") are places."""
        place = self.place(m.kb)
        if (m.kb or "").startswith("iso3166:") or getattr(place, "kind", None) == "country":
            return
        iso = self.capital_of(collapse_spaces(m.text), place)  # the gazetteer flags national capitals with "C"
        if iso is None or m.text.isupper() or _dateline(doc, m):
            return  # a dateline is a place, even when the parser makes it a subject
        if m.end < len(doc) and doc[m.end].is_title and not doc[m.end].ent_type_:
            return  # "Washington Post" with only "Washington" tagged: part of a longer name
        if m.start >= 2 and doc[m.start - 1].text == "," and doc[m.start - 2].ent_type_ in ("GPE", "LOC"):
            return  # "Tacoma, Washington": a place's region, not a government
        root = doc[m.start : m.end].root
        first = root  # "Washington and Moscow agreed": the first conjunct is the subject
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if _acts(first) or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
            m.kb, m.actor_capital, m.label = f"iso3166:{iso}", True, "GPE"


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12_742 * math.asin(min(1.0, math.sqrt(a)))


def _acts(tok) -> bool:
    """The subject of a verb that a government does (not "Kyiv came under fire", "Moscow is vast")."""
    return tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX") and tok.head.lemma_ not in _PLACE_VERBS


def _dateline(doc: Doc, m: MentionRecord) -> bool:
    """A place name opening a line and followed by "(", a dash or a comma: "Hanoi (VNA) –", "London, May 2 -"."""
    before = doc[m.start - 1] if m.start else None
    if before is not None and not (before.is_space and "\n" in before.text):
        return False
    nxt = doc[m.end] if m.end < len(doc) else None
    return nxt is not None and nxt.text in ("(", "—", "–", "-", ",", ":")
