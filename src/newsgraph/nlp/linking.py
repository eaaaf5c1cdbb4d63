"""``newsgraph_linking_v1``: resolve ``doc.ents`` into article entities.

Mentions that name the same thing become one :class:`~newsgraph.model.Entity`:
people by their name tokens ("Vladimir Putin" ... "Putin"), everything else by
gazetteer id (set on ``span.kb_id_`` by ``newsgraph_entities_v1``), by
normalised name, or by acronym ("NATO" / "North Atlantic Treaty Organization").
A capital used as an actor ("Washington and Moscow agreed") joins its country.
Titles and nationality adjectives left of a person name become attributes.

Work is per entity span, plus one cheap token scan for bare surnames the NER
missed: a small fraction of the cost of the spaCy model itself.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..model import Entity, Mention
from .extensions import register_extensions

__all__ = ["EntityLinker", "KEEP_LABELS"]

KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WEAPON"})
# The small model often tags a bare surname ("Clarke wrote") as ORG/GPE/...: such
# spans may still join a person the article named in full.
_PERSONISH = KEEP_LABELS - {"PERSON", "NORP"} | {"WORK_OF_ART"}
_READ_LABELS = KEEP_LABELS | _PERSONISH

# Capitalised words that form a title left of a name ("Foreign Minister", "Gen.").
TITLE_WORDS = frozenset(
    """President Vice Prime Minister Foreign Defense Defence Interior Finance Economy Trade Justice
    Health Home Secretary State Chancellor Premier King Queen Prince Princess Crown Pope Emperor
    Sen. Senator Rep. Representative Gov. Governor Mayor Gen. General Lt. Lieutenant Col. Colonel
    Maj. Major Capt. Captain Adm. Admiral Sgt. Sergeant Cmdr. Commander Marshal Field Brig.
    Dr. Prof. Professor Mr. Mrs. Ms. Miss Sir Dame Lord Lady Judge Justice Chief Ambassador Speaker
    Leader Chairman Chairwoman Chair CEO Director Deputy Sheikh Emir Sultan Ayatollah Rev.
    Archbishop Bishop Cardinal Patriarch Spokesman Spokeswoman Envoy Attorney Commissioner
    Chairperson Opposition Army Air Navy Staff Joint Chiefs Brigadier Secretary-General Vice-President
    President-elect Father Rabbi Imam Inspector Detective Sheriff Officer""".split()
)
# Words that may sit inside a title run without being titles themselves.
_TITLE_MODIFIERS = frozenset({"former", "acting", "then", "-", "late", "interim", "outgoing", "new"})
_TITLE_JOINERS = frozenset({"of", "for", "the"})
# Which gazetteer kinds an unlinked span of each NER label may link to: a LOC "West" is
# no admin region called West, a FAC "White House" no town of that name.
_KINDS_FOR_LABEL = {
    "GPE": ("country", "admin1", "city", "region"), "NORP": ("nationality",), "ORG": ("org",),
    "LOC": ("sea", "river", "feature", "region", "continent", "country"), "FAC": ("feature", "city"),
}  # fmt: skip
# Verbs whose subject is a place, not a government: "Kyiv came under fire", "Moscow is vast".
_PLACE_VERBS = frozenset("be become remain come lie sit host see experience suffer endure fall burn "
                         "shake wake sleep look seem appear get lose freeze flood".split())  # fmt: skip
# "Kherson, a city in ...": an apposition that says the NER's "person" is a place
_PLACE_NOUNS = frozenset("city town village region province capital port country district enclave".split())
_PARTICLES = frozenset("de van von der den da di du al el bin ibn ter ten le la dos das".split())

# Sector hints for later components (event actor sectors), matched on lowercased words.
_SECTOR_WORDS = {
    "military": "gen. general lt. col. colonel maj. adm. admiral sgt. cmdr. commander marshal brig. "
    "army navy forces force military command brigade battalion regiment guard marines pentagon "
    "soldier officer troops",
    "government": "president minister prime secretary chancellor premier king queen sen. senator "
    "rep. gov. governor mayor ambassador speaker envoy government ministry parliament kremlin "
    "congress senate administration council cabinet lawmaker official diplomat spokesman spokeswoman",
    "media": "columnist journalist reporter editor correspondent commentator post times news "
    "journal tribune herald gazette broadcaster",
    "academia": "prof. professor researcher scholar university institute academy",
}
_SECTOR_OF = {w: sector for sector, words in _SECTOR_WORDS.items() for w in words.split()}

_IGNORED_ALIAS_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "&"})
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_POSSESSIVE = ("'s", "’s", "'", "’")
_TAIL = re.compile(r"(?:['’]s?|\.)+$")


@dataclass(slots=True)
class _Mention:
    start: int  # token index
    end: int
    start_char: int
    end_char: int
    text: str
    label: str
    kb: str | None = None
    title: str | None = None
    country: str | None = None  # from a nationality adjective / GPE before a person
    actor_capital: bool = False


@dataclass
class _Cluster:
    label: str
    kb: str | None = None
    mentions: list[_Mention] = field(default_factory=list)
    words: tuple[str, ...] = ()  # fullest person name, normalised words


def _norm(text: str) -> str:
    """Collapse whitespace: mentions can span a PDF line break ("Sergei\\nKaraganov")."""
    return " ".join(text.split())


def _key(text: str) -> str:
    """Grouping key for non-person names: case, dots, a leading 'the' and spacing ignored."""
    t = _norm(text).lower().replace(".", "")
    return t[4:] if t.startswith("the ") else t


def _name_words(text: str) -> tuple[str, ...]:
    """Lowercased name words without possessives or dots: "Gen. Putin's" -> ("gen", "putin")."""
    words = (_TAIL.sub("", w.lower()) for w in _WORD.findall(text))
    return tuple(w for w in words if w)


def _acronym(text: str) -> str:
    words = [w for w in _norm(text).replace("-", " ").split() if w.lower() not in _IGNORED_ALIAS_WORDS]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""


def _person_match(full: tuple[str, ...], words: tuple[str, ...]) -> int:
    """How well ``words`` fits a person known as ``full``: 0 no, 1 first name only, 2 surname/subset."""
    if not full or not words:
        return 0
    if full == words:
        return 2
    short, long_ = (words, full) if len(words) <= len(full) else (full, words)
    if len(short) == 1:
        if short[0] == long_[-1]:
            return 2
        return 1 if short[0] == long_[0] else 0
    if short[-1] != long_[-1]:
        return 0
    # every word of the shorter form appears in the longer one (initials may stand for a word)
    ok = all(w in long_ or (len(w) == 1 and any(x[0] == w for x in long_)) for w in short)
    return 2 if ok else 0


class EntityLinker:
    """Groups the article's entity mentions and fills ``doc._.ng_entities`` and friends."""

    def __init__(self, lookup_unlinked: bool = True):
        self.lookup_unlinked = lookup_unlinked
        self._gaz = False  # not loaded yet; None once known to be missing

    # -- gazetteer access (another module; absent in some checkouts) ----------------
    @property
    def gazetteer(self):
        if self._gaz is False:
            try:  # absent or without its data file in a partial checkout: link nothing beyond kb_id_
                from .gazetteer import get_gazetteer

                self._gaz = get_gazetteer()
            except (ImportError, OSError):
                self._gaz = None
        return self._gaz

    def _place(self, kb: str | None):
        gaz = self.gazetteer
        return gaz.get(kb) if gaz is not None and kb else None

    def _link(self, text: str, label: str) -> str | None:
        """A gazetteer id for a span the NER left unlinked (used when no linker ran before us)."""
        gaz = self.gazetteer
        if gaz is not None:
            wanted = _KINDS_FOR_LABEL.get(label, ())
            for place in gaz.lookup(_norm(text), include_alternate=False):
                # towns that share a name with an institution ("White House") are not worth the risk
                if place.kind in wanted and place.notable:
                    return place.id
        return None

    def _capital_of(self, text: str, place) -> str | None:
        """ISO3 of the country whose national capital ``text`` (linked to ``place``, if any) is."""
        if place is None and self.gazetteer is not None:  # unlinked: the best-ranked capital of that name
            place = next((p for p in self.gazetteer.lookup(text, False)[:3] if "C" in p.flags), None)
        return place.country if place is not None and place.kind == "city" and "C" in place.flags else None

    def _is_country(self, tok) -> bool:
        kb = tok.ent_kb_id_ or self._link(tok.text, "GPE")
        return (kb or "").startswith("iso3166:") or self._capital_of(tok.text, self._place(kb)) is not None

    def _country_of(self, kb: str | None) -> str | None:
        place = self._place(kb)
        if place is not None:
            return place.country
        prefix, _, code = (kb or "").partition(":")  # "iso3166:RUS", "norp:RUS" carry the code themselves
        return code if prefix in ("iso3166", "norp") and len(code) == 3 and code.isupper() else None

    # -- the component ---------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        title_tokens: set[int] = set()
        people: list[_Mention] = []
        others: list[_Mention] = []
        for ent in doc.ents:
            m = self._mention(doc, ent) if ent.label_ in _READ_LABELS else None
            if m is not None and m.label == "PERSON":
                self._titles(doc, m, title_tokens)
                people.append(m)
            elif m is not None:
                others.append(m)
        # A span that we read as part of a title ("Secretary of State") is not an entity.
        others = [m for m in others if not title_tokens.intersection(range(m.start, m.end))]

        persons = self._resolve_people(people)
        others = self._attach_surnames(persons, others)
        self._scan_bare_surnames(doc, persons)
        clusters = self._resolve_others(doc, [m for m in others if m.label in KEEP_LABELS])
        self._merge_misread_people(persons, clusters)
        clusters += persons
        clusters = [c for c in clusters if c.mentions]
        for c in clusters:
            c.mentions.sort(key=lambda m: m.start_char)
        clusters.sort(key=lambda c: c.mentions[0].start_char)
        results = [self._entity(f"E{i}", c) for i, c in enumerate(clusters, 1)]
        doc._.ng_entities = [ent for ent, _ in results]
        doc._.ng_entity_spans = sorted((m.start, m.end, e.id) for e, _ in results for m in e.mentions)
        doc._.ng_entity_meta = {ent.id: info for ent, info in results}
        return doc

    def _mention(self, doc: Doc, ent: Span) -> _Mention | None:
        """Trim a span to its name tokens: no leading 'the', titles, trailing possessive or punctuation."""
        start, end = ent.start, ent.end
        while start < end and (doc[start].is_space or doc[start].is_punct or doc[start].lower_ == "the"):
            start += 1
        if ent.label_ == "PERSON":
            while start < end - 1 and doc[start].text in TITLE_WORDS:
                start += 1  # the title is recovered by _titles, which looks left of the name
            while start > 0 and doc[start - 1].lower_ in _PARTICLES and doc[start - 1].ent_iob == 2:
                start -= 1  # "de Vries said": the small model tags only "Vries"
            while start > 0:  # a first name the model left out, often across a PDF line break ("Sergei\nAndreyev")
                line_break = start > 1 and doc[start - 1].is_space and "\n\n" not in doc[start - 1].text
                t = doc[start - 2 if line_break else start - 1]
                if not (t.pos_ == "PROPN" and t.is_title and t.ent_iob == 2 and t.text not in TITLE_WORDS):
                    break
                if not ent.start <= t.head.i < end:
                    break
                start = t.i
        while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].text in _POSSESSIVE):
            end -= 1
        if start >= end:
            return None
        span = doc[start:end]
        kb = ent.kb_id_ or None
        m = _Mention(start, end, span.start_char, span.end_char, span.text, ent.label_, kb)
        if ent.label_ in ("GPE", "LOC", "FAC", "ORG", "NORP") and not kb and self.lookup_unlinked:
            m.kb = self._link(span.text, ent.label_)
        if ent.label_ in ("GPE", "LOC", "FAC"):
            self._metonymy(doc, m)
        return m

    def _metonymy(self, doc: Doc, m: _Mention) -> None:
        """A capital used as an actor ("Washington warned", "Washington and Moscow") stands for its country."""
        place = self._place(m.kb)
        if (m.kb or "").startswith("iso3166:") or getattr(place, "kind", None) == "country":
            return
        iso = self._capital_of(_norm(m.text), place)  # the gazetteer flags national capitals with "C"
        if iso is None or m.text.isupper():
            return  # a dateline ("MOSCOW —") is a place, even when the parser makes it a subject
        if m.end < len(doc) and doc[m.end].is_title and not doc[m.end].ent_type_:
            return  # "Washington Post" with only "Washington" tagged: part of a longer name
        root = doc[m.start : m.end].root
        head = root.head
        actor = (root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_ not in _PLACE_VERBS) or (
            root.dep_ == "pobj" and root.head.dep_ == "agent"
        )
        if not actor:
            # coordinated with a country or another capital: "Washington and Moscow"
            actor = any(o.ent_type_ == "GPE" and self._is_country(o) for o in root.conjuncts)
        if actor:
            m.kb, m.actor_capital, m.label = f"iso3166:{iso}", True, "GPE"

    def _titles(self, doc: Doc, m: _Mention, title_tokens: set[int]) -> None:
        """Read titles and a nationality left of a person name, and a role apposition after it."""
        inside = range(m.start, m.end)
        taken: list[int] = []
        j = m.start - 1  # titles the NER put inside the span (trimmed by _mention) are read here too
        while j >= 0:
            t = doc[j]
            if t.is_space and "\n\n" not in t.text:
                pass  # a PDF line break between title and name (a paragraph break ends the title)
            elif t.text in TITLE_WORDS and t.ent_type_ not in ("NORP", "GPE"):
                taken.append(j)  # may be inside an ORG: the NER tags "State" in "Secretary of State"
            elif taken and (t.lower_ in _TITLE_MODIFIERS or (
                t.lower_ in _TITLE_JOINERS and j > 0 and doc[j - 1].text in TITLE_WORDS
            )):
                taken.append(j)
            elif (
                t.is_lower and t.pos_ == "NOUN" and t.dep_ in ("compound", "nmod", "amod")
                and (t.head.i in inside or t.head.i in taken)
            ):
                taken.append(j)  # a role noun: "columnist David Ignatius", "opposition leader X"
            else:
                break
            j -= 1
        while taken and (doc[taken[-1]].lower_ in _TITLE_JOINERS or doc[taken[-1]].is_space):
            taken.pop()
        if taken:
            title_tokens.update(taken)
            m.title = _norm(doc[taken[-1] : taken[0] + 1].text)
        # a nationality or country right before the title or name: "Russian President X", "U.S. Sen. X"
        k = taken[-1] - 1 if taken else m.start - 1
        if k >= 0 and doc[k].text in _POSSESSIVE:
            k -= 1  # "Ukraine's President X"
        if k >= 0 and doc[k].ent_type_ in ("NORP", "GPE") and (taken or doc[k].head.i in inside):
            s = k  # walk to the start of that entity span (cheaper than searching doc.ents)
            while s > 0 and doc[s].ent_iob_ == "I":
                s -= 1
            kb = doc[s].ent_kb_id_ or self._link(doc[s : k + 1].text, doc[k].ent_type_)
            m.country = self._country_of(kb)
        # a role apposition: "X, head of the Army Futures Command," / "X, a columnist for ..."
        root = doc[m.start : m.end].root
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= m.end and child.lemma_ not in _PLACE_NOUNS:
                sub = doc[child.left_edge.i : child.right_edge.i + 1]
                while len(sub) and (sub[0].pos_ == "DET" or sub[0].is_punct):
                    sub = sub[1:]
                text = _norm(sub.text) if 0 < len(sub) <= 10 else child.text
                m.title = f"{m.title}; {text}" if m.title else text
                break

    # -- resolution ------------------------------------------------------------------------
    def _resolve_people(self, people: list[_Mention]) -> list[_Cluster]:
        clusters: list[_Cluster] = []
        for m in people:
            words = _name_words(m.text)
            # a stronger match wins; among equals the most recently mentioned person
            scored = [((_person_match(c.words, words), c.mentions[-1].start), c) for c in clusters]
            best = max((sc for sc in scored if sc[0][0]), key=lambda sc: sc[0], default=(None, None))[1]
            if best is None:
                best = _Cluster("PERSON", words=words)
                clusters.append(best)
            elif len(words) > len(best.words):
                best.words = words  # a fuller form of the name ("Putin" first, "Vladimir Putin" later)
            best.mentions.append(m)
        return clusters

    @staticmethod
    def _nearest(candidates: list[_Cluster], pos: int) -> _Cluster:
        """The person mentioned most recently before token ``pos``, else the first one after it."""
        def last_before(c: _Cluster) -> int:
            return max((x.start for x in c.mentions if x.start < pos), default=-1)

        best = max(candidates, key=last_before)
        return best if last_before(best) >= 0 else min(candidates, key=lambda c: c.mentions[0].start)

    def _attach_surnames(self, persons: list[_Cluster], others: list[_Mention]) -> list[_Mention]:
        """An unlinked non-person span that is a known person's surname or full name joins that person."""
        full = [c for c in persons if len(c.words) > 1]
        rest = []
        for m in others:
            place = self._place(m.kb)  # a town that shares a person's surname ("Sousa said") is that person
            if m.label in _PERSONISH and (not m.kb or place and place.kind == "city" and "C" not in place.flags):
                words = _name_words(m.text)
                hits = [c for c in full if words and (words == c.words or words == c.words[-1:])]
                if hits:
                    m.label = "PERSON"
                    self._nearest(hits, m.start).mentions.append(m)
                    continue
            rest.append(m)
        return rest

    def _scan_bare_surnames(self, doc: Doc, persons: list[_Cluster]) -> None:
        """Bare surnames of people named in full that the NER did not tag at all."""
        by_surname: dict[str, list[_Cluster]] = {}
        for c in (c for c in persons if len(c.words) > 1):
            by_surname.setdefault(c.words[-1], []).append(c)
        # tokens our person mentions took beyond the model's spans (first names, "de") are not free
        taken = {i for c in persons for m in c.mentions for i in range(m.start, m.end)} if by_surname else ()
        for t in doc if by_surname else ():
            if t.ent_iob == 2 and t.is_title and t.lower_ in by_surname and t.pos_ == "PROPN" and t.i not in taken:
                p = doc[t.i - 1] if t.i else t
                s = p.i if p.lower_ in _PARTICLES and p.ent_iob == 2 and p.i not in taken else t.i  # "de Vries"
                m = _Mention(s, t.i + 1, doc[s].idx, t.idx + len(t.text), doc[s : t.i + 1].text, "PERSON")
                self._nearest(by_surname[t.lower_], t.i).mentions.append(m)

    @staticmethod
    def _merge_misread_people(persons: list[_Cluster], clusters: list[_Cluster]) -> None:
        """A one-word "person" never named in full or titled that is also a place or org here is that."""
        by_key: dict[str, list[_Cluster]] = {}
        for c in clusters:
            if c.label != "NORP" and c.mentions:
                for k in {_key(m.text) for m in c.mentions}:
                    by_key.setdefault(k, []).append(c)
        for p in persons:
            targets = by_key.get(" ".join(p.words), []) if len(p.words) == 1 else []
            if len(targets) == 1 and not any(m.title for m in p.mentions):
                for m in p.mentions:
                    m.label = targets[0].label
                targets[0].mentions += p.mentions
                p.mentions = []

    def _resolve_others(self, doc: Doc, mentions: list[_Mention]) -> list[_Cluster]:
        by_key: dict[tuple[str, str], _Cluster] = {}
        for m in mentions:
            # NORP never merges with its country; anything else merges by gazetteer id or name
            group = "NORP" if m.label == "NORP" else "X"
            key = (group, m.kb) if m.kb else (group, "name:" + _key(m.text))
            c = by_key.get(key)
            if c is None:
                c = by_key[key] = _Cluster(m.label, m.kb)
            c.mentions.append(m)
        clusters = list(by_key.values())
        # an unlinked span named like a linked one joins it: NER labels are noisy
        # ("Kaliningrad" as PRODUCT and as GPE), names in one article are not
        linked: dict[tuple[str, str], list[_Cluster]] = {}
        for c in clusters:
            if c.kb:
                for k in {_key(m.text) for m in c.mentions if not m.actor_capital}:
                    linked.setdefault((c.label == "NORP", k), []).append(c)
        for c in clusters:
            keys = {_key(m.text) for m in c.mentions}
            targets = linked.get((c.label == "NORP", keys.pop()), []) if not c.kb and len(keys) == 1 else []
            if len(targets) == 1:
                targets[0].mentions += c.mentions
                c.mentions = []
        # acronyms: an unlinked "NATO" joins the one cluster whose name's initials spell it
        by_acronym: dict[str, list[_Cluster]] = {}
        for c in clusters:
            for a in {_acronym(m.text) for m in c.mentions} - {""}:
                by_acronym.setdefault(a, []).append(c)
        for c in clusters:
            forms = {_norm(m.text).replace(".", "") for m in c.mentions}
            form = forms.pop() if len(forms) == 1 and c.label != "NORP" else ""
            targets = [t for t in by_acronym.get(form, []) if t is not c and t.label != "NORP"]
            if form.isupper() and len(targets) == 1 and (not c.kb or not targets[0].kb):
                targets[0].kb = targets[0].kb or c.kb  # never merges two different gazetteer ids
                targets[0].mentions += c.mentions
                c.mentions = []
        return clusters

    # -- output -----------------------------------------------------------------------------
    def _entity(self, eid: str, c: _Cluster) -> tuple[Entity, dict]:
        forms = [_norm(m.text) for m in c.mentions]
        labels = Counter(m.label for m in c.mentions if not m.actor_capital)
        label = "PERSON" if c.label == "PERSON" else (labels.most_common(1)[0][0] if labels else "GPE")
        place = self._place(c.kb)
        if place is not None:
            name, label = place.name, place.label or label
        elif c.label == "PERSON":
            name = max(forms, key=lambda f: (len(_name_words(f)), len(f)))
        elif label == "NORP":
            name = Counter(forms).most_common(1)[0][0]  # "Russian" over "Russians" when more common
        else:  # the longest form; a dateline's "MOSCOW" loses to "Moscow"
            name = max(forms, key=lambda f: (len(f), not f.isupper()))
        titles: list[str] = []
        for m in c.mentions:
            for t in (m.title or "").split("; "):
                if t and t not in titles:
                    titles.append(t)
        country = self._country_of(c.kb) or next((m.country for m in c.mentions if m.country), None)
        aliases = list(dict.fromkeys(f for f in forms if f != name))
        mentions = [Mention(m.start_char, m.end_char, m.text) for m in c.mentions]
        lat, lon = getattr(place, "lat", None), getattr(place, "lon", None)
        kb = c.kb if label != "PERSON" else None
        ent = Entity(eid, name, label, mentions, country, lat, lon, kb, aliases, titles)
        kind = getattr(place, "kind", None) or ("country" if (c.kb or "").startswith("iso3166:") else None)
        info = {"titles": titles, "kind": kind, "type": label, "country": country,
                "sector": _sector(label, kind, titles, name),
                # per mention (by start offset): the title written before it, if any
                "mention_titles": {m.start_char: m.title for m in c.mentions if m.title},
                # mentions where a capital stands for its country's government
                "metonymic_mentions": [m.start_char for m in c.mentions if m.actor_capital]}  # fmt: skip
        return ent, info


def _sector(label: str, kind: str | None, titles: list[str], name: str) -> str | None:
    """A coarse actor sector (military, government, media, academia) from titles or an org's name."""
    if label in ("GPE",) and kind == "country":
        return "government"  # a country acting is its state
    words = " ".join(titles + ([name] if label == "ORG" else [])).lower().split()
    hits = Counter(_SECTOR_OF[w] for w in words if w in _SECTOR_OF)
    # military outranks government: "Gen. X, head of the Defense Ministry's ..." is military
    for sector in ("military", "government", "media", "academia"):
        if hits.get(sector):
            return sector
    return None


@Language.factory(
    "newsgraph_linking_v1",
    assigns=["doc._.ng_entities", "doc._.ng_entity_spans", "doc._.ng_entity_meta"],
    requires=["doc.ents"],
    default_config={"lookup_unlinked": None},
)
def make_linking(nlp: Language, name: str, lookup_unlinked: bool | None) -> EntityLinker:
    register_extensions()
    if lookup_unlinked is None:
        # newsgraph_entities_v1 links with context; a span it left unlinked it left so on purpose
        lookup_unlinked = "newsgraph_entities_v1" not in nlp.component_names
    return EntityLinker(lookup_unlinked=lookup_unlinked)
