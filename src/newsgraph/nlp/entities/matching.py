"""Gazetteer and fuzzy matching for ``newsgraph_entities_v1`` (see :mod:`newsgraph.nlp.entities`).

Steps 1 and 3 of the component: leftmost-longest matches of notable gazetteer names in the
text and how they override the model's spans, and linking model spans to the gazetteer by
exact, then fuzzy, lookup (plus unlabelled capitalised runs close to a gazetteer feature).
Also the word lists, helpers and span record (:class:`SpanCandidate`) shared with
:mod:`newsgraph.nlp.entities.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE
from spacy.tokens import Doc

from ..extensions import doc_text
from ..knowledge.gazetteer import BIG_CITY_POPULATION, MATCH_KINDS, Place, get_gazetteer
from ..knowledge.lexicon import (
    KIN_WORDS,
    LEADING_TITLE_KEYS,
    PERSON_ONLY_TITLE_KEYS,
    SAINT_ABBREVIATIONS,
    collapse_spaces,
    is_person_noun,
    normalize_name,
)

LINKABLE = {"GPE": None, "LOC": None, "FAC": None, "ORG": ("org",), "NORP": ("nationality",)}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# Context that makes an ambiguous weapon name ("Patriot", "Javelin") a weapon.
WEAPON_CONTEXT = {"missile", "missiles", "system", "systems", "launcher", "launchers", "tank", "tanks",
                  "battery", "batteries", "rocket", "rockets", "drone", "drones", "jet", "jets", "fighter",
                  "fighters", "interceptor", "interceptors", "howitzer", "howitzers", "munition", "munitions",
                  "anti", "air", "vehicle", "vehicles", "helicopter", "helicopters", "aircraft", "warhead",
                  "warheads", "cruise", "ballistic", "anti-tank", "anti-aircraft", "armored", "armoured"}  # fmt: skip
# Last words that make a capitalised sequence look like a geographic feature name.
GEO_HEADS = {"gap", "sea", "strait", "straits", "gulf", "river", "mountains", "mountain", "bay", "ocean",
             "peninsula", "heights", "strip", "bank", "canal", "lake", "island", "islands", "desert",
             "valley", "basin", "corridor", "pass", "channel", "sound", "plain", "plateau", "coast"}  # fmt: skip
# Capitalised words never fuzzy-matched on their own (sentence starts, headline words).
FUZZY_STOP = {"however", "therefore", "meanwhile", "although", "because", "according", "minister",
              "president", "government", "officials", "thursday", "tuesday", "wednesday", "saturday",
              "september", "november", "december", "february", "national", "international", "military",
              "security", "ministry", "european", "western", "eastern", "northern", "southern"}  # fmt: skip
NEVER_MATCH = {"west", "east", "north", "south", "fed", "congress", "labour", "guardian", "economist", "amnesty"}
# First words that make "South X" a part of the place X, not a place of its own.
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
           "lower", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
           "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west"}  # fmt: skip
# Kinds a "South X" name may itself be (South Sudan, Northern Ireland, West Bank): curated or ISO names.
FIRM_NAME_KINDS = {"country", "admin1", "region", "feature", "sea", "river", "continent"}
GAZ_WEIGHT, MODEL_WEIGHT = 2, 1
MAX_EXTRA_TOKENS = 2  # punctuation tokens a name may contain beyond its word count ("Washington, D.C.")


def is_person_title(tok) -> bool:
    """A capitalised title that only ever stands before a person ("President", "Gen.", "Mr")."""
    return tok.text[:1].isupper() and tok.lower_.rstrip(".") in PERSON_ONLY_TITLE_KEYS


def person_in_apposition(doc: Doc, end: int, kin: bool = False) -> bool:
    """Whether the name ending at token ``end`` is followed by a comma and an apposition naming one person:
    a singular person noun ("X, a retired teacher,"; a club's apposition is plural: "X, the league
    leaders") or, with ``kin``, a kin word ("X, his brother,")."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for t in doc[end + 1 : end + 6]:
        if t.is_punct:
            return False
        if kin and t.lower_ in KIN_WORDS:
            return True
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound":
            return t.tag_ == "NN" and is_person_noun(t.lemma_)
    return False


def _is_acronym(text: str) -> bool:
    """An initialism written in capitals: "PRC", "ILO", "U.A.E." (2-5 letters, no spaces)."""
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 5 and bare.isalpha() and bare.isupper()


def _acronym_may_mean(doc: Doc, i: int, j: int, text: str, place: Place) -> bool:
    """Whether a short name in capitals may name ``place``: an entry with exactly that name or alias
    as written ("PRC" for China, "ILO" for the labour organisation), or its name in capitals
    ("IRAN"), but a town's name only for a capital or a city of a million, or in a dateline
    ("ROME (Reuters) -"): "ILO" is not Ilo, Peru."""
    bare = text.replace(".", "")
    if any(a.replace(".", "") == bare for a in (place.name, *place.aliases)):
        return True
    if normalize_name(place.name) == normalize_name(text):  # a name in capitals ("IRAN", "KYIV")
        if place.kind != "city" or "C" in place.flags or place.population >= BIG_CITY_POPULATION:
            return True
    return place.kind == "city" and _at_dateline(doc, i, j)


def _at_dateline(doc: Doc, i: int, j: int) -> bool:
    before_ok = i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text)
    return before_ok and j < len(doc) and doc[j].text in ("(", "—", "–", "-", ",", ":")


def _compass_base(text: str, gaz) -> Place | None:
    """X in "South X", "Northern X" when X is a known country, region or big place; else None."""
    first, _, rest = collapse_spaces(text).partition(" ")
    if not rest or first.lower() not in COMPASS:
        return None
    for place in gaz.lookup(rest, include_alternate=False)[:3]:
        if place.kind in FIRM_NAME_KINDS or (place.kind == "city" and place.notable):
            return place
    return None


def _within(place: Place, base: Place) -> bool:
    """Whether ``place``, found by the whole name "South X", may be it: a country, region or
    feature of that name (South Sudan, Northern Ireland, West Bank), or a town in X's country."""
    if place.kind in FIRM_NAME_KINDS:
        return True
    return place.kind == "city" and base.country is not None and place.country == base.country


@dataclass
class SpanCandidate:
    """A name span being corrected: token offsets, label, gazetteer id, and how much its label counts."""

    start: int  # token offsets
    end: int
    label: str
    kb: str = ""
    weight: int = MODEL_WEIGHT
    # the text itself says the name is a place ("the town of X", "residents in X"): its unlinked
    # mentions elsewhere follow it rather than the model's guesses
    stated_place: bool = False


class GazetteerMatcher:
    """Gazetteer matching and linking for :class:`~newsgraph.nlp.entities.component.EntityCorrector`."""

    def __init__(self, min_city_population: int, fuzzy_min_score: float, fuzzy_single_min_score: float,
                 weapons: bool):  # fmt: skip
        self.min_city_population = min_city_population
        self.fuzzy_min_score = fuzzy_min_score
        self.fuzzy_single_min_score = fuzzy_single_min_score
        self.weapons = weapons
        self._keys: dict[str, list[Place]] | None = None  # loaded on first call
        self._first: dict[str, int] = {}  # first word of a key -> most words in such a key

    def keys(self) -> dict[str, list[Place]]:
        """Normalised notable name -> its places, loaded on the first call."""
        if self._keys is None:
            self._load()
        return self._keys

    def _load(self) -> None:
        gaz = get_gazetteer()
        kinds = MATCH_KINDS if self.weapons else MATCH_KINDS - {"weapon"}
        self._keys = gaz.notable_keys(kinds, self.min_city_population)
        for word in NEVER_MATCH:  # linked when the model tags them, never matched on their own
            self._keys.pop(word, None)
        # "St. Lucia" for "Saint Lucia": the abbreviated form finds the same places
        for short, full in SAINT_ABBREVIATIONS.items():
            for key in [k for k in self._keys if k.startswith(full + " ")]:
                self._keys.setdefault(short + key[len(full) :], self._keys[key])
        first: dict[str, int] = {}
        for key in self._keys:
            words = key.split(" ")
            first[words[0]] = max(first.get(words[0], 0), len(words))
        self._first = first

    # -- 1. gazetteer matches ------------------------------------------------------------

    def matches(self, doc: Doc) -> list[SpanCandidate]:
        """Leftmost-longest matches of notable names, starting at capitalised tokens."""
        keys, first, out = self._keys, self._first, []
        n, i = len(doc), 0
        # Token attributes read once as lists: the loop below tries many spans per capitalised
        # token, and spaCy builds a Token object on every doc[i] (the same output, a third of the time).
        words = [t.text for t in doc]
        starts, spaces, puncts = doc.to_array([IDX, IS_SPACE, IS_PUNCT]).T.tolist() if n else ([], [], [])
        text_of_doc = doc_text(doc)
        while i < n:
            word = words[i]
            if not word[:1].isupper() or doc[i].lower_ in DETERMINERS:
                i += 1
                continue
            head = normalize_name(word).split(" ")[0]
            most = first.get(head) or first.get(head[:-1] if head.endswith("s") else "")
            if not most:
                i += 1
                continue
            found = None
            for j in range(min(n, i + most + MAX_EXTRA_TOKENS), i, -1):
                if spaces[j - 1] or puncts[j - 1] and j - 1 > i:
                    continue
                if any(spaces[i:j]):
                    continue
                text = text_of_doc[starts[i] : starts[j - 1] + len(words[j - 1])]  # doc[i:j].text
                key = normalize_name(text)
                places = keys.get(key)
                if places is None and key.endswith("s") and len(key) > 4:  # "F-16s", "Israelis" already keyed
                    places = [p for p in keys.get(key[:-1], ()) if p.kind == "weapon"] or None
                place = self._agreeing(doc, i, j, places) if places else None
                if place is not None and self._accept(doc, i, j, text, key, place):
                    found = SpanCandidate(i, j, place.label, place.id, GAZ_WEIGHT)
                    break
            if found:
                out.append(found)
                i = found.end
            else:
                i += 1
        return out

    @staticmethod
    def _agreeing(doc: Doc, i: int, j: int, places: list[Place]) -> Place:
        """The best-ranked candidate, unless the model labelled exactly this span as the other of
        organisation and place and a candidate of that sort exists ("Amazon" the river when the
        model reads a place, "Toyota" the city; the company otherwise)."""
        first = places[0]
        if len(places) == 1:
            return first
        if doc[i].ent_iob_ != "B" or (j < len(doc) and doc[j].ent_iob_ == "I"):
            model = ""
        else:
            model = doc[i].ent_type_
        if first.kind == "org" and i and doc[i - 1].lower_ == "the" and model != "ORG":
            return next((p for p in places if p.label in ("GPE", "LOC") and p.notable), first)  # "the Amazon"
        if model == "ORG" and first.kind != "org":
            return next((p for p in places if p.kind == "org"), first)
        if model in ("GPE", "LOC") and first.kind == "org":
            return next((p for p in places if p.label in ("GPE", "LOC") and p.notable), first)
        return first

    def _accept(self, doc: Doc, i: int, j: int, text: str, key: str, place: Place) -> bool:
        span = doc[i:j]
        if _is_acronym(text) and not _acronym_may_mean(doc, i, j, text, place):
            return False  # "ILO" is not Ilo, Peru
        if i and place.kind not in ("org", "nationality", "weapon") and is_person_title(doc[i - 1]):
            return False  # "President Bush", "Gen. Jordan": a person, whatever else the name is
        if doc[i].lower_ in COMPASS and place.kind == "city":
            base = _compass_base(text, get_gazetteer())
            if base is not None and not _within(place, base):
                return False  # "East London" next to London is not the South African city
        if len(key.replace(" ", "")) <= 3 and not text.replace(".", "").replace("-", "").isupper():
            if not (place.kind == "org" and text in place.aliases):
                return False  # "US", "EU", "WHO" only in capitals ("us", "Who" are words); "MoD" as written
        if len(key) <= 3 and text.isupper() and self._shouting(doc, i, j):
            return False  # "IS IT OVER?": a headline in capitals, not the acronym
        if place.kind == "weapon" and "A" in place.flags:
            window = doc[max(0, i - 2) : min(len(doc), j + 3)]
            if not any(t.lower_ in WEAPON_CONTEXT for t in window):
                return False
        if place.kind in ("nationality", "weapon"):
            return True
        if place.kind == "org" and text.isupper() and len(key) <= 5:
            return True  # an acronym the tagger reads as a word ("IS fighters")
        if place.kind == "admin1" and len(key) < 5 and not doc[i].ent_type_:
            return False  # "Para", "Acre", "Zou": short admin1 names are mostly other words
        if doc[i].ent_iob_ == "B" and doc[i].ent_type_ in ("GPE", "LOC", "FAC"):
            return True  # the model saw a place here too
        # A capitalised common word ("Split", "Nice", "Reading") is not a place name.
        return any(t.pos_ == "PROPN" for t in span)

    @staticmethod
    def _shouting(doc: Doc, i: int, j: int) -> bool:
        """Whether a neighbouring word is in capitals too (a headline), so an acronym there may be a word."""
        for k in (i - 1, j):
            if 0 <= k < len(doc) and doc[k].is_alpha and len(doc[k]) > 1 and doc[k].is_upper:
                return True
        return False

    def merge_matches(self, doc: Doc, ents: list[SpanCandidate], matches: list[SpanCandidate]) -> list[SpanCandidate]:
        """Gazetteer matches override conflicting model spans, except longer proper names."""
        owner = [-1] * len(doc)
        for k, e in enumerate(ents):
            for t in range(e.start, e.end):
                owner[t] = k
        dropped: set[int] = set()
        added = []
        person_texts = None
        for m in matches:
            over = sorted({owner[t] for t in range(m.start, m.end) if owner[t] >= 0})
            keep_model = False
            for k in over:
                e = ents[k]
                if (e.start, e.end) == (m.start, m.end):
                    continue
                extra = [doc[t] for t in range(e.start, e.end) if not m.start <= t < m.end]
                if e.start <= m.start and m.end <= e.end and all(self._name_word(t) for t in extra):
                    keep_model = True  # "Georgia Smith", "George Washington", "Paris Hilton"
                    if person_texts is None:
                        person_texts = {
                            collapse_spaces(x.text) for x in doc.ents if x.label_ == "PERSON" and len(x) > 1
                        }
                    if self._title_place_person(doc, e, m, person_texts):
                        keep_model = False  # "Minister for the Middle East Tobias Ellwood": place + person
                        added.append(SpanCandidate(m.end, e.end, "PERSON"))
            if keep_model:
                continue
            dropped.update(over)
            added.append(m)
        return [e for k, e in enumerate(ents) if k not in dropped] + added

    @staticmethod
    def _title_place_person(doc: Doc, e: SpanCandidate, m: SpanCandidate, person_texts: set[str]) -> bool:
        """A model span that is a place/org match followed by a person's name, after a title."""
        if m.start != e.start or e.end - m.end < 2:
            return False
        rest = doc[m.end : e.end]
        if not all(t.is_title and t.pos_ == "PROPN" for t in rest):
            return False
        if collapse_spaces(rest.text) in person_texts:
            return True  # the same name stands alone as a person elsewhere in the text
        before = doc[max(0, e.start - 4) : e.start]
        return any(t.lower_.rstrip(".") in LEADING_TITLE_KEYS and t.is_title for t in before)

    @staticmethod
    def _name_word(tok) -> bool:
        return (
            tok.text[:1].isupper()
            or tok.is_punct
            or tok.lower_ in ("of", "the", "and", "de", "al", "bin", "van", "von")
        )

    # -- 3. linking ---------------------------------------------------------------------

    def link(self, doc: Doc, e: SpanCandidate, gaz) -> None:
        text = doc[e.start : e.end].text
        wanted = LINKABLE[e.label]
        compass = normalize_name(text) in NEVER_MATCH
        acronym = _is_acronym(text)
        part_of = _compass_base(text, gaz) if e.label in ("GPE", "LOC", "FAC") else None
        titled = e.start > 0 and is_person_title(doc[e.start - 1])
        # an acronym only by a name or curated alias, never by GeoNames' alternate names (airport codes)
        for place in gaz.lookup(text, include_alternate=not acronym):
            if compass and place.kind == "city":
                continue  # "the West", "East" are never the towns called so
            if acronym and not _acronym_may_mean(doc, e.start, e.end, text, place):
                continue  # "PRC" is not Prescott, "ILO" not Ilo
            if titled and place.kind not in ("org", "nationality"):
                continue  # "President Bush" (the model's GPE) is a person, not Bush, Egypt
            if part_of is not None and not _within(place, part_of):
                continue  # "South Lebanon" is the south of Lebanon, not a village in Pennsylvania
            if (place.kind in wanted) if wanted else place.kind not in ("org", "nationality", "weapon"):
                e.kb = place.id
                return
        if e.label == "NORP" and not acronym:  # "Mozambique officials": the country's nationality
            place = next((p for p in gaz.lookup(text, include_alternate=False) if p.kind == "country"), None)
            if place is not None and place.country and gaz.get(f"norp:{place.country}") is not None:
                e.kb = f"norp:{place.country}"
                return
        if acronym or titled or part_of is not None:
            return  # nothing fuzzy for these
        if e.label in ("GPE", "LOC", "FAC", "ORG"):
            place = self._fuzzy(text, e.end - e.start, gaz, model_label=e.label)
            if place is not None:
                e.kb, e.label, e.weight = place.id, place.label, GAZ_WEIGHT

    def _fuzzy(self, text: str, ntok: int, gaz, model_label: str | None = None) -> Place | None:
        single = ntok == 1 or " " not in normalize_name(text)
        if single and (len(text) < 6 or text.lower() in FUZZY_STOP):
            return None
        score_min = self.fuzzy_single_min_score if single else self.fuzzy_min_score
        for place, _score in gaz.fuzzy(text, score_min):
            if place.kind in ("nationality", "weapon"):
                continue
            if place.kind == "org" and model_label != "ORG":
                continue  # an OCR-damaged org name only where the model saw an org
            if single and model_label == "ORG" and place.kind != "org":
                continue  # a one-word company is not a misspelt place ("Samsung" is not Samsun)
            return place
        return None

    def fuzzy_unlabelled(self, doc: Doc, ents: list[SpanCandidate], gaz) -> list[SpanCandidate]:
        """Capitalised 1-4 token runs no one tagged, close to a gazetteer name (OCR damage)."""
        covered = covered_tokens(doc, ents)
        out, i, n = [], 0, len(doc)
        while i < n:
            if covered[i] or doc[i].pos_ != "PROPN" or not doc[i].is_title:
                i += 1
                continue
            j = i
            while j < n and j - i < 4 and not covered[j] and doc[j].is_title and doc[j].pos_ == "PROPN":
                j += 1
            run = doc[i:j]
            place = None
            if j - i >= 2 and run[-1].lower_ in GEO_HEADS:
                place = self._fuzzy(run.text, j - i, gaz)
            elif j - i == 1 and not doc[i].is_sent_start:
                place = self._fuzzy(run.text, 1, gaz)
                if place is not None and place.kind == "city":
                    place = None  # a lone unknown surname close to a town name is far likelier
            if place is not None:
                out.append(SpanCandidate(i, j, place.label, place.id, GAZ_WEIGHT))
            i = j
        return out


# Small words a name's initials leave out ("Union of Transport Workers" -> "UTW").
INITIALS_SKIPPED = frozenset({"of", "and", "the", "for", "on", "in", "to", "&"})


def covered_tokens(doc: Doc, ents: list[SpanCandidate]) -> bytearray:
    """One byte per token of ``doc``: 1 where one of ``ents`` holds the token, else 0."""
    covered = bytearray(len(doc))
    for e in ents:
        covered[e.start : e.end] = b"\x01" * (e.end - e.start)
    return covered


def acronym_letters(text: str) -> str:
    """The letters of an acronym written in capitals, with or without dots ("KHWU", "K.H.W.U."), else ""."""
    letters = text.replace(".", "")
    return letters if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() else ""


def name_initials(name) -> str:
    """The capitals of a name of two words or more, skipping "of", "and", "the" ("Kestrel Haulage
    Workers Union" -> "KHWU"), else ""."""
    words = [t.text for t in name if t.is_alpha and t.lower_ not in INITIALS_SKIPPED]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)
