"""``newsgraph_entities_v1``: correct and link the small model's named entities.

``en_core_web_sm`` finds most names but often gets the type of an unfamiliar one wrong
(Kherson and Zaporizhzhia come out as PERSON, Kaliningrad as FAC or PRODUCT) and
never links anything.  This component, run after the model's NER:

1. matches notable gazetteer names (countries, admin1, cities >= 50k and capitals,
   seas, features, organisations, nationalities, weapon systems) in the text and lets
   them override a conflicting model label, unless the model's span is a longer name
   ("Georgia Smith", "Washington Post" when it is not in the gazetteer);
2. trims model spans to the bare name (no "the", no possessive "'s", no titles:
   "Russian President Vladimir Putin" -> NORP "Russian" + PERSON "Vladimir Putin")
   and drops junk (pronouns, digits, lowercase words);
3. links model GPE/LOC/FAC/ORG/NORP spans by exact lookup, then by fuzzy lookup for
   OCR damage, and turns unlabelled capitalised sequences that fuzzily match a
   gazetteer feature into entities ("Suwatki Gap" -> LOC, linked to the Suwałki Gap),
   never changing the text;
4. gives one name one type per article (a weighted vote; gazetteer-linked mentions
   count double) and propagates a person's surname to its bare mentions.

Matching is our own n-gram lookup on normalised text rather than a PhraseMatcher over
~20k patterns: the lookup keys are already in the gazetteer (no pattern docs to build,
so the first call costs ~1 s less), it is accent-insensitive ("Suwalki" finds
"Suwałki"), and it only starts at capitalised tokens, so it costs a few microseconds
per token.  Everything heavy (the gazetteer, the key table) loads on the first call.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import BIG_CITY_POPULATION, MATCH_KINDS, NOTABLE_CITY_POPULATION, Place, get_gazetteer, normalize_name

__all__ = ["EntityCorrector", "NUMERIC_LABELS"]

NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "PERCENT", "ORDINAL"})
LINKABLE = {"GPE": None, "LOC": None, "FAC": None, "ORG": ("org",), "NORP": ("nationality",)}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
POSSESSIVES = {"'s", "\u2019s", "'", "\u2019", "s"}
PRONOUNS = {"i", "me", "he", "him", "she", "her", "it", "we", "us", "they", "them", "you", "his", "hers",
            "its", "our", "their", "your", "who", "whom", "this", "that", "one"}  # fmt: skip
# Leading words kept out of PERSON spans (the linking step records titles from the text).
TITLES = {"president", "prime", "minister", "gen", "general", "lt", "col", "colonel", "maj", "major", "capt",
          "captain", "adm", "admiral", "sgt", "sergeant", "cmdr", "commander", "gov", "governor", "sen",
          "senator", "rep", "representative", "mr", "mrs", "ms", "dr", "prof", "professor", "chancellor",
          "king", "queen", "prince", "princess", "pope", "sir", "lord", "lady", "dame", "sheikh", "ayatollah",
          "mayor", "judge", "justice", "secretary", "ambassador", "director", "chief", "deputy", "vice",
          "foreign", "defence", "defense", "interior", "finance", "state", "spokesman", "spokeswoman",
          "former", "late", "emir", "crown", "premier", "patriarch", "archbishop", "bishop", "rev", "father",
          "speaker", "leader", "chairman", "chairwoman", "ceo", "field", "marshal", "brig", "brigadier",
          "councillor", "councilman", "councilwoman", "alderman", "congressman", "congresswoman"}  # fmt: skip
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
# Last words that make a "person" span a building or structure ("Samarra Barrage", "Trump Tower").
FAC_HEADS = {"barrage", "dam", "regulator", "reservoir", "bridge", "airport", "airbase", "base", "camp", "mosque",
             "church", "cathedral", "temple", "square", "park", "street", "road", "avenue", "boulevard", "stadium",
             "arena", "hospital", "hotel", "palace", "tower", "museum", "prison", "station", "plant", "refinery"}  # fmt: skip
# Capitalised words never fuzzy-matched on their own (sentence starts, headline words).
FUZZY_STOP = {"however", "therefore", "meanwhile", "although", "because", "according", "minister",
              "president", "government", "officials", "thursday", "tuesday", "wednesday", "saturday",
              "september", "november", "december", "february", "national", "international", "military",
              "security", "ministry", "european", "western", "eastern", "northern", "southern"}  # fmt: skip
NEVER_MATCH = {"west", "east", "north", "south", "fed", "congress", "labour", "guardian", "economist", "amnesty"}
# Evidence that a one-word name is a person: the word before it ("Mr Karim", "his daughter Yulia") ...
PERSON_CUES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "sheikh", "brother", "sister",
               "father", "mother", "son", "daughter", "wife", "husband", "uncle", "aunt", "cousin", "nephew", "niece",
               "grandson", "granddaughter", "grandfather", "grandmother", "boyfriend", "girlfriend", "partner"}  # fmt: skip
# ... or the verb it is the subject of ("Karim said", "Guhdar is worried" is not enough) or object of.
SAY_LEMMAS = {"say", "tell", "reply", "insist", "explain", "add", "claim", "recall", "admit", "concede", "tweet",
              "ask", "smile", "laugh", "nod", "shrug", "beam", "whisper", "shout", "write", "joke", "sigh"}  # fmt: skip
PERSON_OBJECT_LEMMAS = {"tell", "ask", "thank", "marry", "hug", "kiss"}
# Titles that only ever stand before a person's name: a place name right after one is that person's
# ("President Bush", "Gen. Jordan"), never the place.  Role words that also precede places or
# organisations ("state", "foreign", "chief", "leader", "director") are left out.
PERSON_TITLES = {"president", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "gen", "general", "lt", "col",
                 "colonel", "maj", "major", "capt", "captain", "adm", "admiral", "sgt", "sergeant", "cmdr", "sen",
                 "senator", "rep", "gov", "governor", "mayor", "king", "queen", "prince", "princess", "pope", "sir",
                 "lord", "lady", "dame", "sheikh", "ayatollah", "emir", "chancellor", "premier", "minister", "judge",
                 "rev", "bishop", "archbishop", "cardinal", "marshal", "brig", "brigadier", "congressman",
                 "congresswoman", "ambassador", "secretary", "rabbi", "imam", "sultan"}  # fmt: skip
# First words that make "South X" a part of the place X, not a place of its own.
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
           "lower", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
           "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west"}  # fmt: skip
# Kinds a "South X" name may itself be (South Sudan, Northern Ireland, West Bank): curated or ISO names.
FIRM_NAME_KINDS = {"country", "admin1", "region", "feature", "sea", "river", "continent"}
# Places whose gazetteer match beats person evidence in the text ("Moscow said" is metonymy).
FIRM_PLACE_KINDS = {"country", "nationality", "org", "continent", "sea", "river", "feature", "region", "weapon"}
# Prepositions after which a one-word name the model called a person or org is a place ("in Daquq").
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "towards", "toward", "through"}
JUNK_POS = {"ADJ", "VERB", "ADV", "ADP", "DET", "AUX", "CCONJ", "SCONJ", "PART", "INTJ"}
LIST_WORDS = {"and", "or", ",", "&"}
GAZ_WEIGHT, MODEL_WEIGHT = 2, 1
MAX_EXTRA_TOKENS = 2  # punctuation tokens a name may contain beyond its word count ("Washington, D.C.")


def _norm_ws(text: str) -> str:
    return " ".join(text.split())


def _person_title(tok) -> bool:
    """A capitalised title that only ever stands before a person ("President", "Gen.", "Mr")."""
    return tok.text[:1].isupper() and tok.lower_.rstrip(".") in PERSON_TITLES


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


def _after_preposition(doc: Doc, e: _Ent) -> bool:
    return e.start > 0 and doc[e.start - 1].pos_ == "ADP"


def _compass_base(text: str, gaz) -> Place | None:
    """X in "South X", "Northern X" when X is a known country, region or big place; else None."""
    first, _, rest = _norm_ws(text).partition(" ")
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
class _Ent:
    start: int  # token offsets
    end: int
    label: str
    kb: str = ""
    weight: int = MODEL_WEIGHT


class EntityCorrector:
    """The ``newsgraph_entities_v1`` component (see the module docstring)."""

    def __init__(self, min_city_population: int = NOTABLE_CITY_POPULATION, fuzzy_min_score: float = 88,
                 fuzzy_single_min_score: float = 90, weapons: bool = True):  # fmt: skip
        self.min_city_population = min_city_population
        self.fuzzy_min_score = fuzzy_min_score
        self.fuzzy_single_min_score = fuzzy_single_min_score
        self.weapons = weapons
        self._keys: dict[str, list[Place]] | None = None  # loaded on first call
        self._first: dict[str, int] = {}  # first word of a key -> most words in such a key

    def _load(self) -> None:
        gaz = get_gazetteer()
        kinds = MATCH_KINDS if self.weapons else MATCH_KINDS - {"weapon"}
        self._keys = gaz.notable_keys(kinds, self.min_city_population)
        for word in NEVER_MATCH:  # linked when the model tags them, never matched on their own
            self._keys.pop(word, None)
        first: dict[str, int] = {}
        for key in self._keys:
            words = key.split(" ")
            first[words[0]] = max(first.get(words[0], 0), len(words))
        self._first = first

    # -- the component --------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        if self._keys is None:
            self._load()
        gaz = get_gazetteer()
        numeric = [e for e in doc.ents if e.label_ in NUMERIC_LABELS]
        ents: list[_Ent] = []
        for ent in doc.ents:
            if ent.label_ not in NUMERIC_LABELS:
                ents.extend(self._trim(doc, ent))
        ents = self._merge_matches(doc, ents, self._matches(doc))
        ents = self._compound_nationalities(doc, ents, gaz)
        for e in ents:
            if not e.kb and e.label in LINKABLE:
                self._link(doc, e, gaz)
        self._coordinated_places(doc, ents, gaz)
        self._places_after_prepositions(doc, ents, gaz)
        ents += self._fuzzy_unlabelled(doc, ents, gaz)
        ents = self._one_name_one_type(doc, ents)
        self._set_ents(doc, ents, numeric)
        return doc

    # -- 1. gazetteer matches ------------------------------------------------------------

    def _matches(self, doc: Doc) -> list[_Ent]:
        """Leftmost-longest matches of notable names, starting at capitalised tokens."""
        keys, first, out = self._keys, self._first, []
        n, i = len(doc), 0
        while i < n:
            tok = doc[i]
            if not tok.text[:1].isupper() or tok.lower_ in DETERMINERS:
                i += 1
                continue
            head = normalize_name(tok.text).split(" ")[0]
            most = first.get(head) or first.get(head[:-1] if head.endswith("s") else "")
            if not most:
                i += 1
                continue
            found = None
            for j in range(min(n, i + most + MAX_EXTRA_TOKENS), i, -1):
                if doc[j - 1].is_space or doc[j - 1].is_punct and j - 1 > i:
                    continue
                if any(t.is_space for t in doc[i:j]):
                    continue
                text = doc[i:j].text
                key = normalize_name(text)
                places = keys.get(key)
                if places is None and key.endswith("s") and len(key) > 4:  # "F-16s", "Israelis" already keyed
                    places = [p for p in keys.get(key[:-1], ()) if p.kind == "weapon"] or None
                place = self._agreeing(doc, i, j, places) if places else None
                if place is not None and self._accept(doc, i, j, text, key, place):
                    found = _Ent(i, j, place.label, place.id, GAZ_WEIGHT)
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
        if i and place.kind not in ("org", "nationality", "weapon") and _person_title(doc[i - 1]):
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

    def _merge_matches(self, doc: Doc, ents: list[_Ent], matches: list[_Ent]) -> list[_Ent]:
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
                        person_texts = {_norm_ws(x.text) for x in doc.ents if x.label_ == "PERSON" and len(x) > 1}
                    if self._title_place_person(doc, e, m, person_texts):
                        keep_model = False  # "Minister for the Middle East Tobias Ellwood": place + person
                        added.append(_Ent(m.end, e.end, "PERSON"))
            if keep_model:
                continue
            dropped.update(over)
            added.append(m)
        return [e for k, e in enumerate(ents) if k not in dropped] + added

    @staticmethod
    def _title_place_person(doc: Doc, e: _Ent, m: _Ent, person_texts: set[str]) -> bool:
        """A model span that is a place/org match followed by a person's name, after a title."""
        if m.start != e.start or e.end - m.end < 2:
            return False
        rest = doc[m.end : e.end]
        if not all(t.is_title and t.pos_ == "PROPN" for t in rest):
            return False
        if _norm_ws(rest.text) in person_texts:
            return True  # the same name stands alone as a person elsewhere in the text
        before = doc[max(0, e.start - 4) : e.start]
        return any(t.lower_.rstrip(".") in TITLES and t.is_title for t in before)

    @staticmethod
    def _name_word(tok) -> bool:
        return tok.text[:1].isupper() or tok.is_punct or tok.lower_ in ("of", "the", "and", "de", "al", "bin", "van", "von")

    # -- 2. trimming --------------------------------------------------------------------

    def _trim(self, doc: Doc, ent: Span) -> list[_Ent]:
        """The bare name of a model span (plus a NORP split off a PERSON's title); [] for junk."""
        s, e, label = ent.start, ent.end, ent.label_
        out = []
        while s < e and (doc[s].lower_ in DETERMINERS or doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].lower_ in POSSESSIVES or doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
        if label == "PERSON":
            while e - s > 1 and (doc[s].lower_.rstrip(".") in TITLES or doc[s].is_punct):
                s += 1
            if e - s > 2 and self._keys.get(normalize_name(doc[s].text), [None])[0] is not None:
                place = self._keys[normalize_name(doc[s].text)][0]
                if place.kind == "nationality" and doc[s + 1].lower_.rstrip(".") in TITLES:
                    out.append(_Ent(s, s + 1, "NORP", place.id, GAZ_WEIGHT))
                    s += 1
                    while e - s > 1 and doc[s].lower_.rstrip(".") in TITLES:
                        s += 1
        span = doc[s:e]
        if not len(span) or self._junk(span, label):
            return out
        if label == "PERSON" and len(span) > 1 and span[-1].is_title:
            head = span[-1].lower_
            label = "LOC" if head in GEO_HEADS else "FAC" if head in FAC_HEADS else label  # "Samarra Barrage"
        return [*out, _Ent(s, e, label, ent.kb_id_ or "")]

    @staticmethod
    def _junk(span: Span, label: str) -> bool:
        if all(t.is_punct or t.is_digit or t.like_num or t.is_space for t in span):
            return True
        if len(span) == 1 and (span[0].lower_ in PRONOUNS or span[0].pos_ == "PRON" or len(span.text) < 2):
            return True
        if len(span) == 1 and label != "NORP" and span[0].pos_ in JUNK_POS:
            return True  # sentence-initial "Nice", "Reading" tagged ORG: not a name
        return all(t.is_lower or not t.is_alpha for t in span)  # "communists", "the"

    # -- 3. linking ---------------------------------------------------------------------

    def _link(self, doc: Doc, e: _Ent, gaz) -> None:
        text = doc[e.start : e.end].text
        wanted = LINKABLE[e.label]
        compass = normalize_name(text) in NEVER_MATCH
        acronym = _is_acronym(text)
        part_of = _compass_base(text, gaz) if e.label in ("GPE", "LOC", "FAC") else None
        titled = e.start > 0 and _person_title(doc[e.start - 1])
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

    def _compound_nationalities(self, doc: Doc, ents: list[_Ent], gaz) -> list[_Ent]:
        """ "Bosnian Serbs", "Kosovo Albanians", "Iraqi Kurds": a nationality or place followed by a
        people's name is one group (NORP, unlinked; the linker takes the country from its first
        word), whatever the model called it and whether it split it or not."""
        keys = self._keys

        def people(t: int) -> bool:  # a nationality or people word: "Serbs", "Kurd", "Albanian"
            return any(p.kind == "nationality" for p in keys.get(normalize_name(doc[t].text), ()))

        def qualifier(s: int, e: int) -> bool:  # "Bosnian", "Kosovo", "Iraqi"
            return any(p.kind in ("nationality", "country", "admin1", "region")
                       for p in keys.get(normalize_name(doc[s:e].text), ()))  # fmt: skip

        out, skip = [], False
        ents = sorted(ents, key=lambda x: x.start)
        for k, e in enumerate(ents):
            if skip:
                skip = False
                continue
            n = e.end - e.start
            if e.label in ("NORP", "PERSON", "ORG", "GPE", "LOC") and 2 <= n <= 3 and not e.kb:
                if doc[e.end - 1].text[:1].isupper() and people(e.end - 1) and qualifier(e.start, e.end - 1):
                    e.label, e.weight = "NORP", GAZ_WEIGHT
            nxt = ents[k + 1] if k + 1 < len(ents) else None
            # a separate people's name after it only in the plural: "Syrian Kurdish enclave" and "Syrian
            # Arab Red Crescent" are a nationality and an adjective, "Iraqi Kurds" one group
            if (nxt is not None and nxt.start == e.end and nxt.end - nxt.start == 1 and e.kb and nxt.kb
                    and doc[nxt.start].text[:1].isupper() and doc[nxt.start].tag_ in ("NNPS", "NNS")
                    and (e.label == "NORP" or not _after_preposition(doc, e))):
                first, second = gaz.get(e.kb), gaz.get(nxt.kb)
                if (second is not None and second.kind == "nationality" and first is not None
                        and first.kind in ("nationality", "country", "admin1", "region")
                        and first.country != second.country):  # fmt: skip
                    out.append(_Ent(e.start, nxt.end, "NORP", "", GAZ_WEIGHT))
                    skip = True
                    continue
            out.append(e)
        return out

    @staticmethod
    def _coordinated_places(doc: Doc, ents: list[_Ent], gaz) -> None:
        """A mislabelled small town listed with linked places ("near Bakhmut and Avdiivka") is a place."""
        place_at = {}
        for e in ents:
            if e.kb and e.label in ("GPE", "LOC"):
                for t in range(e.start, e.end):
                    place_at[t] = e
        if not place_at:
            return
        for e in ents:
            if e.kb or e.label not in ("PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART"):
                continue
            root = doc[e.end - 1]
            near = [t.i for t in root.conjuncts] + ([root.head.i] if root.dep_ == "conj" else [])
            # the parser often misses the list, so also look one "and"/","/"or" to each side
            if e.start >= 2 and doc[e.start - 1].lower_ in LIST_WORDS:
                near.append(e.start - 2)
            if e.end + 1 < len(doc) and doc[e.end].lower_ in LIST_WORDS:
                near.append(e.end + 1)
            if any(t in place_at for t in near):
                places = [p for p in gaz.lookup(doc[e.start : e.end].text) if p.label in ("GPE", "LOC")]
                if places:
                    e.label, e.kb = places[0].label, places[0].id

    @staticmethod
    def _places_after_prepositions(doc: Doc, ents: list[_Ent], gaz) -> None:
        """A one-word "person" or "org" right after "in", "near", "outside" that the gazetteer knows as a
        place is that place ("attacks in Daquq"), unless the text also names a person with that word."""
        names = None
        for e in ents:
            if e.kb or e.label not in ("PERSON", "ORG") or e.end - e.start != 1 or e.start == 0:
                continue
            prep = doc[e.start - 1]
            if prep.lower_ not in PLACE_PREPS or doc[e.start].head.i != prep.i:
                continue
            places = [p for p in gaz.lookup(doc[e.start].text) if p.label in ("GPE", "LOC")]
            if not places:
                continue
            if names is None:
                names = {w for x in ents if x.label == "PERSON" and x.end - x.start > 1
                         for w in (doc[x.start].text, doc[x.end - 1].text)}  # fmt: skip
            if doc[e.start].text not in names:
                e.label, e.kb, e.weight = places[0].label, places[0].id, GAZ_WEIGHT

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

    def _fuzzy_unlabelled(self, doc: Doc, ents: list[_Ent], gaz) -> list[_Ent]:
        """Capitalised 1-4 token runs no one tagged, close to a gazetteer name (OCR damage)."""
        covered = bytearray(len(doc))
        for e in ents:
            covered[e.start : e.end] = b"\x01" * (e.end - e.start)
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
                out.append(_Ent(i, j, place.label, place.id, GAZ_WEIGHT))
            i = j
        return out

    # -- 4. one name, one type ------------------------------------------------------------

    def _one_name_one_type(self, doc: Doc, ents: list[_Ent]) -> list[_Ent]:
        groups: dict[str, list[_Ent]] = defaultdict(list)
        surnames: dict[str, int] = {}
        first_names: set[str] = set()
        for e in ents:
            groups[normalize_name(doc[e.start : e.end].text)].append(e)
            if e.label == "PERSON" and e.end - e.start >= 2:
                surnames[doc[e.end - 1].text] = 1
                first_names.add(doc[e.start].text)
        gaz = get_gazetteer()
        for key, group in groups.items():
            votes: dict[str, int] = defaultdict(int)
            for e in group:
                votes[e.label] += e.weight
            text = doc[group[0].start : group[0].end].text
            if group[0].end - group[0].start == 1 and any(e.label != "PERSON" for e in group):
                place = next((gaz.get(e.kb) for e in group if e.kb), None)
                # "Dave Allen" ... "Allen"; a first name only when no place has it ("Karim Wasifi" ... "Karim")
                named = text in surnames or (place is None and text in first_names)
                cues = sum(self._person_cue(doc, e) for e in group)  # "Karim said", "his daughter Yulia"
                if named or cues:
                    if place is None or self._yields_to_person(place, named, cues):
                        for e in group:
                            e.label, e.kb, e.weight = "PERSON", "", MODEL_WEIGHT
                        continue
            if len(group) == 1 and group[0].weight == GAZ_WEIGHT:
                continue
            if text in surnames and not any(e.weight == GAZ_WEIGHT for e in group):
                votes["PERSON"] += len(group) + 1  # "Putin" after "Vladimir Putin"
            label = max(votes, key=lambda lab: (votes[lab], lab == "PERSON"))
            kb = next((e.kb for e in group if e.label == label and e.kb), "")
            for e in group:
                e.kb = e.kb if e.label == label and e.kb else kb
                e.label = label
        # Bare mentions the model missed of a name it found elsewhere ("Ignatius", "Putin").
        known = {doc[e.start : e.end].text: e for e in ents if e.end - e.start == 1 and e.label == "PERSON"}
        for text in surnames:
            known.setdefault(text, _Ent(0, 0, "PERSON"))
        if known:
            covered = bytearray(len(doc))
            for e in ents:
                covered[e.start : e.end] = b"\x01" * (e.end - e.start)
            for tok in doc:
                if not covered[tok.i] and tok.text in known and tok.pos_ == "PROPN":
                    src = known[tok.text]
                    ents.append(_Ent(tok.i, tok.i + 1, "PERSON", src.kb, MODEL_WEIGHT))
        return ents

    @staticmethod
    def _yields_to_person(place: Place, named: bool, cues: int) -> bool:
        """Whether a gazetteer place loses to person evidence (``cues``: see :meth:`_person_cue`):
        small towns to any, notable cities to a full name or strong cues, firm places never."""
        if place.kind in FIRM_PLACE_KINDS or "C" in place.flags:
            return False  # "Jordan", "Moscow said": countries, capitals, seas, orgs stay
        if place.kind == "admin1" or place.population >= BIG_CITY_POPULATION:
            return named  # "Nelson" after "Dewly Nelson"; "Texas says" alone stays a state
        if place.population >= NOTABLE_CITY_POPULATION:
            return named or cues >= 2  # "Liverpool said" (a club) stays; "Barry said ... Barry admitted"
        return True

    @staticmethod
    def _person_cue(doc: Doc, e: _Ent) -> int:
        """How strongly the context makes a one-word name a person: 2 for a title or kin word before it
        ("his daughter Yulia") or an age after it ("Beryl, 81,"), 1 for a verb of saying or telling
        ("Karim said", "told Karim"), else 0."""
        tok = doc[e.start]
        if e.start and (doc[e.start - 1].lower_.rstrip(".") in PERSON_CUES or _person_title(doc[e.start - 1])):
            return 2
        nxt = doc[e.end : e.end + 3]
        if len(nxt) == 3 and nxt[0].text == "," and nxt[1].like_num and nxt[2].text == ",":
            return 2
        head = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in SAY_LEMMAS:
            return 1
        return int(tok.dep_ in ("dobj", "dative") and head.lemma_ in PERSON_OBJECT_LEMMAS)

    # -- output --------------------------------------------------------------------------

    @staticmethod
    def _set_ents(doc: Doc, ents: list[_Ent], numeric: list[Span]) -> None:
        taken = bytearray(len(doc))
        spans = []
        # Names first (gazetteer-linked, then longer), numeric model spans fill what is left.
        for e in sorted(ents, key=lambda e: (-e.weight, -(e.end - e.start), e.start)):
            if e.end > e.start and not any(taken[e.start : e.end]):
                taken[e.start : e.end] = b"\x01" * (e.end - e.start)
                spans.append(Span(doc, e.start, e.end, label=e.label, kb_id=e.kb or ""))
        for s in numeric:
            if not any(taken[s.start : s.end]):
                taken[s.start : s.end] = b"\x01" * (s.end - s.start)
                spans.append(s)
        doc.ents = sorted(spans, key=lambda s: s.start)


@Language.factory(
    "newsgraph_entities_v1",
    assigns=["doc.ents"],
    default_config={"min_city_population": NOTABLE_CITY_POPULATION, "fuzzy_min_score": 88.0,
                    "fuzzy_single_min_score": 90.0, "weapons": True},  # fmt: skip
)
def make_entities(nlp: Language, name: str, min_city_population: int, fuzzy_min_score: float,
                  fuzzy_single_min_score: float, weapons: bool) -> EntityCorrector:  # fmt: skip
    return EntityCorrector(min_city_population, fuzzy_min_score, fuzzy_single_min_score, weapons)
