"""``newsgraph_linking_v1``: resolve ``doc.ents`` into article entities.

Mentions that name the same thing become one :class:`~newsgraph.model.Entity`:
people by their name tokens ("Vladimir Putin" ... "Putin"), everything else by
gazetteer id (set on ``span.kb_id_`` by ``newsgraph_entities_v1``), by
normalised name, or by acronym ("NATO" / "North Atlantic Treaty Organization").
A capital used as an actor ("Washington and Moscow agreed") joins its country.
Titles and nationality adjectives left of a person name become attributes.

The linker holds a :class:`~.people.PeopleResolver` (titles, surnames) and a
:class:`~.places.PlaceResolver` (gazetteer access, capitals, homonyms); this module
reads mentions and groups everything else.

Work is per entity span, plus one cheap token scan for bare surnames the NER
missed: a small fraction of the cost of the spaCy model itself.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...model import Entity, Mention
from ..extensions import register_extensions
from ..knowledge.leaders import leader_country, name_words
from ..knowledge.lexicon import (
    CLUB_HEAD_WORDS,
    FIRM_NAME_ENDINGS,
    GIVEN_NAMES,
    ORG_HEAD_WORDS,
    SENTENCE_EPITHETS,
    STREET_HEAD_WORDS,
    TITLES,
    collapse_spaces,
)
from ..knowledge.organisations import is_igo_name, named_country, without_leading_country
from ..knowledge.sectors import TITLE_AND_NAME_SECTORS
from .confidence import entity_confidence
from .mentions import NAME_PARTICLES, POSSESSIVE, MentionCluster, MentionRecord, grouping_key, person_name_words
from .nested import nest_capitals, nest_places, nest_union_territories
from .people import PERSONISH, PeopleResolver, is_credit_line, is_newsroom_credit
from .places import PlaceResolver

__all__ = ["EntityLinker", "KEEP_LABELS"]

KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WEAPON"})
_READ_LABELS = KEEP_LABELS | PERSONISH

_IGNORED_ALIAS_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "&"})


def _acronym(text: str) -> str:
    words = [w for w in collapse_spaces(text).replace("-", " ").split() if w.lower() not in _IGNORED_ALIAS_WORDS]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""


def _named_place(m: MentionRecord) -> bool:
    """A mention of a gazetteer-linked place (not an organisation or a people)."""
    return m.label in ("GPE", "LOC") and bool(m.kb) and not m.kb.startswith(("org:", "norp:"))


def _kind_group(label: str) -> str:
    return "place" if label in ("GPE", "LOC", "FAC") else label


def _street_cut_short(key: str, short: str) -> bool:
    """ "larkin" of "larkin drive": a street named by its first word."""
    words = key.split()
    return len(words) == 2 and words[0] == short and words[1] in STREET_HEAD_WORDS


# Last words that make a name a body's, whose first word alone is its short name ("Acme" for "Acme Foods")
_BODY_HEAD_WORDS = FIRM_NAME_ENDINGS | CLUB_HEAD_WORDS | ORG_HEAD_WORDS


def _firm_cut_short(long_key: str, short: str) -> bool:
    """ "acme" of "acme foods", "kelton" of "kelton athletic", "north harbour" of "north harbour foods": the
    words that open a body's name ending in a head word of companies, clubs or organisations."""
    words, opening = long_key.split(), short.split()
    return len(words) > len(opening) and words[: len(opening)] == opening and words[-1] in _BODY_HEAD_WORDS


def _join_shorter_forms(clusters: list[MentionCluster]) -> None:
    """An unlinked short name that ends exactly one longer name of the same kind in the article is that
    name cut short: "the Council" after "the City Council", "Smith Hospital" after "John Smith Hospital";
    so is an organisation's first word alone ("Acme" after "Acme Foods", see :func:`_firm_cut_short`)."""
    keys = {id(c): {grouping_key(m.text) for m in c.mentions} for c in clusters}
    for c in clusters:
        if c.kb or c.label == "NORP" or len(keys[id(c)]) != 1 or not c.mentions:
            continue
        short = next(iter(keys[id(c)]))
        firm = c.label == "ORG"
        targets = [t for t in clusters if t is not c and t.mentions and _kind_group(t.label) == _kind_group(c.label)
                   and any(k.endswith(" " + short) or _street_cut_short(k, short)
                           or firm and t.label == "ORG" and _firm_cut_short(k, short) for k in keys[id(t)])]  # fmt: skip
        if len(targets) == 1:
            targets[0].mentions += c.mentions
            keys[id(targets[0])] |= keys[id(c)]
            c.mentions = []


class EntityLinker:
    """Groups the article's entity mentions and fills ``doc._.ng_entities`` and friends."""

    def __init__(self, lookup_unlinked: bool = True):
        self.lookup_unlinked = lookup_unlinked
        self.places = PlaceResolver()
        self.people = PeopleResolver(self.places)

    # -- the component ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        title_tokens: set[int] = set()
        people: list[MentionRecord] = []
        others: list[MentionRecord] = []
        for ent in doc.ents:
            m = self._mention(doc, ent) if ent.label_ in _READ_LABELS else None
            if m is not None and m.label == "PERSON":
                m.credit = is_credit_line(doc, m)
                self.people.read_titles(doc, m, title_tokens)
                people.append(m)
            elif m is not None and not is_newsroom_credit(doc, m):
                others.append(m)
        # A span that we read as part of a title ("Secretary of State") is not an entity; one that only
        # ends in a title word ("Ministry of Finance" before "Finance Minister X"'s name) still is, and so
        # is a place the gazetteer knows ("Ukraine" of "President of Ukraine X"): the title names it.
        others = [m for m in others if not title_tokens.issuperset(range(m.start, m.end)) or _named_place(m)]

        self.people.share_surnames(doc, people)
        named, others = self.people.retype_named_people(doc, others)
        for m in named:
            self.people.read_titles(doc, m, title_tokens)
        persons = self.people.resolve(sorted(people + named, key=lambda m: m.start))
        others = self.people.attach_surnames(persons, others)
        self.people.scan_bare_surnames(doc, persons)
        clusters = self._resolve_others(doc, [m for m in others if m.label in KEEP_LABELS])
        self.places.read_outlet(doc)
        self.places.unlink_saints_buildings(clusters, doc)
        self.places.read_caps_dateline(clusters, doc)
        self.places.read_region_abbreviations(clusters, doc)
        self.places.resolve_by_context(clusters, doc)
        self.places.disambiguate(clusters)
        self.places.rank(clusters, doc)
        self.people.merge_misread_people(persons, clusters)
        # a person named only in a byline or credit line wrote the story and is no person of it
        clusters += [c for c in persons if not all(m.credit for m in c.mentions)]
        clusters = [c for c in clusters if c.mentions]
        nest_places(self.places, clusters, doc)
        nest_capitals(self.places, clusters)
        nest_union_territories(self.places, clusters, doc)
        # after nesting: a town named only inside a name ("the Winnipeg Fire Paramedic Service") still
        # tells where the article's streets are
        self.places.place_unlinked(clusters, doc)
        for c in clusters:
            c.mentions.sort(key=lambda m: m.start_char)
        clusters.sort(key=lambda c: c.mentions[0].start_char)
        ids = {id(c): f"E{i}" for i, c in enumerate(clusters, 1)}
        results = [self._entity(ids[id(c)], c, ids) for c in clusters]
        doc._.ng_entities = [ent for ent, _ in results]
        # the spans the quote, event and framing components read actors from: a place nested in a name
        # ("Dallas" in "the Dallas Mavericks said") is no actor, the name around it is
        doc._.ng_entity_spans = sorted(
            (m.start, m.end, e.id) for e, _ in results for m in e.mentions if m.nested is None
        )
        doc._.ng_entity_meta = {ent.id: info for ent, info in results}
        return doc

    def _mention(self, doc: Doc, ent: Span) -> MentionRecord | None:
        """Trim a span to its name tokens: no leading 'the', titles, trailing possessive or punctuation."""
        start, end = ent.start, ent.end
        while start < end and (doc[start].is_space or doc[start].is_punct or doc[start].lower_ == "the"):
            start += 1
        if ent.label_ == "PERSON":
            while start < end - 1 and doc[start].text in TITLES:
                start += 1  # the title is recovered by PeopleResolver.read_titles, which looks left of the name
            while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES and doc[start - 1].ent_iob == 2:
                start -= 1  # "de Vries said": the small model tags only "Vries"
            while start > 0:  # a first name the model left out, often across a PDF line break ("Sergei\nAndreyev")
                line_break = start > 1 and doc[start - 1].is_space and "\n\n" not in doc[start - 1].text
                t = doc[start - 2 if line_break else start - 1]
                if not (t.pos_ == "PROPN" and t.is_title and t.ent_iob == 2 and t.text not in TITLES):
                    break
                if t.lower_ in SENTENCE_EPITHETS:
                    break  # "Embattled Velmar denied": a describing word that opens the sentence, no first name
                if end - start > 1 and not line_break and t.lower_ not in GIVEN_NAMES:
                    break  # "Ombudsman Paul Barrow": before a first and last name, a capitalised word is a title
                if not ent.start <= t.head.i < end:
                    break
                start = t.i
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].text in POSSESSIVE):
            end -= 1
        if start >= end:
            return None
        span = doc[start:end]
        kb = ent.kb_id_ or None
        m = MentionRecord(start, end, span.start_char, span.end_char, span.text, ent.label_, kb)
        if ent.label_ in ("GPE", "LOC", "FAC", "ORG", "NORP") and not kb and self.lookup_unlinked:
            m.kb = self.places.link(span.text, ent.label_)
        if not m.kb and ent.label_ in ("GPE", "LOC", "FAC", "NORP") and len(span) > 1:
            m.country = self.places.part_country(span.text, ent.label_)  # "South Lebanon", "Bosnian Serbs"
        if ent.label_ in ("GPE", "LOC", "FAC"):
            self.places.metonymy(doc, m)
        return m

    def _resolve_others(self, doc: Doc, mentions: list[MentionRecord]) -> list[MentionCluster]:
        by_key: dict[tuple[str, str], MentionCluster] = {}
        for m in mentions:
            # NORP never merges with its country; anything else merges by gazetteer id or name
            group = "NORP" if m.label == "NORP" else "X"
            key = (group, m.kb) if m.kb else (group, "name:" + grouping_key(m.text))
            c = by_key.get(key)
            if c is None:
                c = by_key[key] = MentionCluster(m.label, m.kb)
            c.mentions.append(m)
        clusters = list(by_key.values())
        # an unlinked span named like a linked one joins it: NER labels are noisy
        # ("Kaliningrad" as PRODUCT and as GPE), names in one article are not
        linked: dict[tuple[str, str], list[MentionCluster]] = {}
        for c in clusters:
            if c.kb:
                for k in {grouping_key(m.text) for m in c.mentions if not m.actor_capital}:
                    linked.setdefault((c.label == "NORP", k), []).append(c)
        # "Oldham said" after "Oldham Foods": an organisation named like a town that opens a firm's name
        # is the firm cut short (joined below), not the town
        firm_keys = {k for c in clusters if c.label == "ORG" for k in {grouping_key(m.text) for m in c.mentions}
                     if k.split()[-1] in FIRM_NAME_ENDINGS}  # fmt: skip
        for c in clusters:
            keys = {grouping_key(m.text) for m in c.mentions}
            if c.label == "ORG" and len(keys) == 1 and any(_firm_cut_short(k, next(iter(keys))) for k in firm_keys):
                continue
            targets = linked.get((c.label == "NORP", keys.pop()), []) if not c.kb and len(keys) == 1 else []
            if len(targets) == 1:
                targets[0].mentions += c.mentions
                c.mentions = []
        # acronyms: an unlinked "NATO" joins the one cluster whose name's initials spell it
        by_acronym: dict[str, list[MentionCluster]] = {}
        for c in clusters:
            # "FPS" also spells "Canadian Fisheries Protection Service" without its country
            for a in {_acronym(t) for m in c.mentions for t in (m.text, without_leading_country(m.text))} - {""}:
                by_acronym.setdefault(a, []).append(c)
        for c in clusters:
            forms = {collapse_spaces(m.text).replace(".", "") for m in c.mentions}
            form = forms.pop() if len(forms) == 1 and c.label != "NORP" else ""
            targets = [t for t in by_acronym.get(form, []) if t is not c and t.label != "NORP"]
            if form.isupper() and len(targets) == 1 and (not c.kb or not targets[0].kb):
                targets[0].kb = targets[0].kb or c.kb  # never merges two different gazetteer ids
                targets[0].mentions += c.mentions
                c.mentions = []
        _join_shorter_forms(clusters)
        return clusters

    # -- output -----------------------------------------------------------------------------
    def _entity(self, eid: str, c: MentionCluster, ids: dict[int, str]) -> tuple[Entity, dict]:
        forms = [collapse_spaces(m.full_text) for m in c.mentions]
        labels = Counter(m.label for m in c.mentions if not m.actor_capital)
        label = "PERSON" if c.label == "PERSON" else (labels.most_common(1)[0][0] if labels else "GPE")
        place = self.places.place(c.kb)
        if place is not None:
            name, label = place.name, place.label or label
        elif c.label == "PERSON":
            name = max(forms, key=lambda f: (len(person_name_words(f)), len(f)))
        elif label == "NORP":
            name = Counter(forms).most_common(1)[0][0]  # "Russian" over "Russians" when more common
        else:  # the longest form; a dateline's "MOSCOW" loses to "Moscow"
            name = max(forms, key=lambda f: (len(f), not f.isupper()))
        titles: list[str] = []
        for m in c.mentions:
            for t in (m.title or "").split("; "):
                if t and t not in titles:
                    titles.append(t)
        near = self.places.place(c.near) if place is None else None  # an approximate point, see place_unlinked
        country = self.places.country_of(c.kb) or next((m.country for m in c.mentions if m.country), None)
        country = country or getattr(near, "country", None)
        aliases = list(dict.fromkeys(f for f in forms if f != name))
        if country is None and label == "PERSON":
            # a political figure the article does not place: the leaders table knows ("Putin" -> RUS).
            # Named in full, the full name decides: "Paul X" is not the leader "Adama X".
            named_in_full = len(name_words(name)) > 1
            leader_forms = [f for f in [name, *aliases] if not named_in_full or len(name_words(f)) > 1]
            country = next((c for c in map(leader_country, leader_forms) if c), None)
        elif country is None and label in ("ORG", "GPE", "NORP", "FAC") and not is_igo_name([name, *aliases]):
            # the small model tags "Moody Awori" ORG: a full two-word name may still be a leader's
            country = leader_country(name) if len(name.split()) >= 2 else None
            if country is None and label == "ORG" and self.places.gazetteer is not None:
                country = named_country(name)  # "Nigerian Union of Teachers" -> NGA
        mentions = [
            Mention(m.start_char, m.end_char, m.text, ids.get(id(m.nested_in)) if m.nested_in else None)
            for m in c.mentions
        ]
        lat, lon = getattr(place or near, "lat", None), getattr(place or near, "lon", None)
        kb = c.kb if label != "PERSON" else None
        ent = Entity(eid, name, label, mentions, country, lat, lon, kb, aliases, titles)
        ent.confidence = entity_confidence(ent)
        kind = getattr(place, "kind", None) or ("country" if (c.kb or "").startswith("iso3166:") else None)
        info = {"titles": titles, "kind": kind, "sector": _sector(label, kind, titles, name),
                # mentions where a capital stands for its country's government
                "metonymic_mentions": [m.start_char for m in c.mentions if m.actor_capital]}  # fmt: skip
        return ent, info


def _sector(label: str, kind: str | None, titles: list[str], name: str) -> str | None:
    """A coarse actor sector (military, government, media, academia) from titles or an org's name."""
    if label in ("GPE",) and kind == "country":
        return "government"  # a country acting is its state
    words = " ".join(titles + ([name] if label == "ORG" else [])).lower().split()
    hits = Counter(TITLE_AND_NAME_SECTORS[w] for w in words if w in TITLE_AND_NAME_SECTORS)
    # military outranks government: "Gen. X, head of the Defense Ministry's ..." is military
    for sector in ("military", "government", "media", "academia"):
        if hits.get(sector):
            return sector
    return None


@Language.factory(
    "newsgraph_linking_v1",
    assigns=["doc._.ng_entities", "doc._.ng_entity_spans", "doc._.ng_entity_meta"],
    requires=["doc.ents", "token.tag", "token.dep"],
    default_config={"lookup_unlinked": None},
)
def make_linking(nlp: Language, name: str, lookup_unlinked: bool | None) -> EntityLinker:
    register_extensions()
    if lookup_unlinked is None:
        # newsgraph_entities_v1 links with context; a span it left unlinked it left so on purpose
        lookup_unlinked = "newsgraph_entities_v1" not in nlp.component_names
    return EntityLinker(lookup_unlinked=lookup_unlinked)
