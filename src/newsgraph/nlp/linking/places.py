"""Places for ``newsgraph_linking_v1``: capitals used as actors, and context for same-named places.

:class:`~newsgraph.nlp.linking.component.EntityLinker` holds a :class:`PlaceResolver`, which also
answers every gazetteer question of the linker and its :class:`~.people.PeopleResolver`
(``place``, ``link``, ``part_country``, ``country_of``).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from ..extensions import doc_text, lower_case_words
from ..knowledge.gazetteer import country_part, distance_km
from ..knowledge.lexicon import (
    ORG_HEAD_WORDS,
    OUTLET_HEAD_WORDS,
    PLACE_HEAD_WORDS,
    STREET_HEAD_WORDS,
    collapse_spaces,
    normalize_name,
)
from ..knowledge.outlets import outlet_country
from .mentions import MentionCluster, MentionRecord
from .nested import opens_with_given_names
from .ranker import MAX_CANDIDATES, NEAR_KM, PlaceRanker

__all__ = ["PlaceResolver", "NEAR_KM", "state_cue"]


# Which gazetteer kinds an unlinked span of each NER label may link to: a LOC "West" is
# no admin region called West, a FAC "White House" no town of that name.
_KINDS_FOR_LABEL = {
    "GPE": ("country", "admin1", "admin2", "city", "region"), "NORP": ("nationality",), "ORG": ("org",),
    "LOC": ("sea", "river", "feature", "region", "continent", "country"), "FAC": ("feature", "city"),
}  # fmt: skip

_COMPASS = frozenset(
    "north south east west northern southern eastern western central upper lower northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern".split()
)

# Verbs whose subject is a place, not a government: "Kyiv came under fire", "Moscow is vast".
_PLACE_VERBS = frozenset("be become remain come lie sit host see experience suffer endure fall burn "
                         "shake wake sleep look seem appear get lose freeze flood".split())  # fmt: skip


# What may follow "Town, " or "Town (": a region or country of up to four words ("Ky.", "W. Va.",
# "New South Wales"), as in "Walker County (Ga.) deputies".
_QUALIFIER = re.compile(r"\s*[,(]\s*((?:[A-Z][\w'’]*\.?)(?:\s?[A-Z][\w'’]*\.?){0,3})")
# Words that make a name the state, not its city: "upstate New York", "the state of Washington",
# "New York state", "New York Gov. Jane Roe".
_STATE_BEFORE = re.compile(r"(?:\bupstate|\bdownstate|\bstate of|\bState of)\s+$")
_STATE_AFTER = re.compile(
    r"^\s+(?:state\b|State\b(?! University| College)|Gov\.|Governor\b|governor\b|lawmakers\b|legislature\b)"
)
# An office held for a whole state, then "of": "Governor Jane Roe of X", "Sen. Jane Roe of X" (a
# mayor "of X" is the city's).
_STATE_OFFICE_BEFORE = re.compile(
    r"\b(?:Gov\.|Governor|governor|Sen\.|Senator|senator|Rep\.|Representative|Congressman|Congresswoman)"
    r"(?:\s+[A-Z][\w.'’-]*){0,3},?\s+of\s+$"
)
_STATE_OFFICE_WINDOW = 60  # characters before the name: the office, up to three name words, "of"
# A part of a region, in lower case: "eastern Washington", "central New York" (a state's region; a city
# has a centre and suburbs, seldom a north-east).  Only where a state shares the city's name.
_REGION_PART_BEFORE = re.compile(r"\b(?:north|south|east|west)?(?:northern|southern|eastern|western|central)\s+$")
_LOCAL_KINDS = ("city", "admin1", "admin2")
# What signs a national capital in a mention's sentence: "in Washington near the Capitol", "Washington, where
# Congress sits", "the White House".  A state's capitol is written with "state" ("the state Capitol").
_CAPITAL_CUE = re.compile(
    r"(?<!\bstate )(?<!\bState )\b(?:Capitol|Congress|Congressional|White House|Pentagon|Supreme Court|"
    r"federal government|nation's capital|the capital)\b"
)
# Words of a street's or a site's name that name no place: "General" in "Colchester General Hospital".
_SITE_WORDS = frozenset(
    "street st avenue ave road rd drive dr boulevard blvd lane way square park hospital church cathedral chapel "
    "hall centre center school college university airport station bridge canal plaza court courthouse hotel "
    "library stadium arena mall market tower castle general city county district municipal town village "
    "community international national memorial regional new old great saint san santa".split()
)
# A city a reader knows by its name alone: a village of its country a twentieth its size does not take
# its place because the article names the village's state (see PlaceResolver.resolve_by_context).
_BIG_CITY_POPULATION = 500_000
# A town of a country the article names takes a name from a town abroad at most this many times its size.
_NAMED_COUNTRY_SIZE_RATIO = 5
# A small town this far from the point of the article's only state, in another state of its country, is
# no reading of the article's ("Kendall Square" in a North Dakota story is not the one in Massachusetts).
_FAR_FROM_STATE_KM = 1_000
# Last words of a local public body's or a company's name ("Cleveland Water Department", "Springfield City
# Council", "Akron Gas Company"): the words of an organisation, less an outlet's ("Chicago Tribune"), a
# club's or league's, and a university's or college's (named after a town far more often than at work in it).
# A team's name ("Cleveland Guardians") has none of them.
_NO_LOCAL_BODY_WORDS = OUTLET_HEAD_WORDS | {"club", "league", "university", "college", "international"}
_LOCAL_BODY_HEADS = ORG_HEAD_WORDS - _NO_LOCAL_BODY_WORDS
# "... in Town", "... near Town", "..., Town": what places a site the gazetteer does not know.
_IN_PLACE = re.compile(r",?\s+(?:in|near|outside|at|on)\s+(?:the\s+)?|,\s+")
# What a word inside an unknown place's name may be: not an organisation, a weapon or a person.
_INNER_KINDS = ("country", "admin1", "admin2", "city", "region", "feature", "continent", "sea", "river",
                "nationality")  # fmt: skip
# ", Calif.," / ", N.J. and" / ", SC " after a name: an abbreviation ending a word, before punctuation,
# a space or the end (see PlaceResolver.read_region_abbreviations for what may precede it)
_ABBREVIATION_SLOT = re.compile(
    r"(?<=[\w'’.)]),\s*((?:[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){1,2}[A-Z]?[a-z]?\.?|[A-Z]{2,3})(?:[A-Z][a-z]{0,3}\.)?)"
    r"(?=[\s,;:.)\-—–]|$)"
)
# A dateline in capitals opening a line: "ORANGEBURG COUNTY, SC (AP) -", "CLEWISTON, Fla. –", "MOUNT AIRY, N.C. -"
_CAPS_DATELINE = re.compile(
    r"(?:^|(?<=\n))[ \t]*([A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+){0,3})(?=[ \t]*(?:,|\(|—|–|-|:))", re.M
)
# "St Andrew's Chapel", "St. Paul's Cathedral", "St Michael's and St Aidan's Church": a saint's name in the
# possessive before a building's word (or before another saint's that is) names the building, never the
# parish or town of that saint's name.  Not "parish": "St Andrew's Parish" may be the parish itself.
_SAINTS_BUILDING = re.compile(
    r"['’]s\s+(?:(?:and|&)\s+(?:St\.?|Saint)\s+[A-Z][\w'’]*\s+)?"
    r"(?:Chapel|Church|Cathedral|Basilica|Abbey|Priory|Minster|Shrine|Hospital|School|College|Academy|Hall)\b"
)
_SAINT_WORDS = frozenset({"st", "st.", "saint", "ste", "ste.", "sainte"})
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*[A-Z]|and\s+[A-Z]|or\s+[A-Z]|&)")
# A town's name written as a street's: "Elm/Lincoln", "Elm and Lincoln streets", "Lincoln Street" with only
# "Lincoln" tagged.  Such a mention is no mention of the town (see PlaceResolver._street_mentions).
_STREET_AFTER = re.compile(
    r"\s*/\s*[A-Z]|(?:\s+(?:and|&)\s+[A-Z][\w'’.-]*)?\s+(?:streets|avenues|roads|boulevards|lanes)\b"
    r"|\s+(?:Street|St\.|Avenue|Ave\.|Road|Boulevard|Blvd\.?|Drive|Lane)\b"
)
_STREET_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s*/\s*$")
# The capitalised words on the other side of a slash: "Raleigh/Durham", "Minneapolis/St. Paul"
_SLASH_AFTER = re.compile(r"\s*/\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")
_SLASH_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)\s*/\s*$")


class PlaceResolver:
    """Gazetteer access, metonymy and place disambiguation for
    :class:`~newsgraph.nlp.linking.component.EntityLinker`."""

    def __init__(self):
        self._gaz = False  # not loaded yet; None once known to be missing
        self._settled: set[int] = set()  # clusters the text placed ("Athens, Ga."): distances don't move them
        # clusters the text reads as a state by a compass word ("eastern Washington"): the ranker leaves them
        self.regions_read: set[int] = set()
        self.home: str | None = None  # the outlet's home country (ISO3) of the document being linked
        self.ranker = PlaceRanker()

    def read_outlet(self, doc: Doc) -> None:
        """The outlet's home country, from the document's URL or outlet name (``doc._.ng_url``,
        ``doc._.ng_source``, set by the pipeline from the reader's metadata): weak context for the
        ranker and the country of a place that links to nothing when the article names none."""
        url = getattr(doc._, "ng_url", None) if Doc.has_extension("ng_url") else None
        source = getattr(doc._, "ng_source", None) if Doc.has_extension("ng_source") else None
        self.home = outlet_country(url, source, self.gazetteer) if url or source else None

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
        capital = self.capital_named(text, place)
        return capital.country if capital is not None else None

    def capital_named(self, text: str, place):
        """The national capital ``text`` (linked to ``place``, if any) names, or None."""
        if place is None and self.gazetteer is not None:  # unlinked: the best-ranked capital of that name
            place = next((p for p in self.gazetteer.lookup(text, False)[:3] if "C" in p.flags), None)
        return place if place is not None and place.kind == "city" and "C" in place.flags else None

    def qualifier(self, text: str, end_char: int) -> tuple[set[str], set[str]]:
        """Admin1 codes and countries (ISO3) that ``text`` names right after ``end_char`` as ", Region":
        "Athens, Ga.", "Lima, Ohio", "Merida, Venezuela", "ATHENS, Ga. (AP) —"."""
        match = _QUALIFIER.match(text, end_char, end_char + 60)
        gaz = self.gazetteer
        codes: set[str] = set()
        countries: set[str] = set()
        if match is None or gaz is None:
            return codes, countries
        from ..knowledge.gazetteer import region_abbreviations

        abbreviations = region_abbreviations()
        words = match.group(1).split()
        for n in range(len(words), 0, -1):  # the longest reading: "New South Wales" before "New"
            phrase = " ".join(words[:n])
            for form in (phrase, phrase.rstrip(".")):
                if form in abbreviations:
                    codes.add(abbreviations[form])
            if codes:
                break
            # a full name followed by more names is a list ("Washington, New York and Boston"), not
            # a region after its town; abbreviations never appear in lists of places
            rest = text[match.start(1) + len(phrase) : match.start(1) + len(phrase) + 8]
            if _LIST_GOES_ON.match(rest):
                continue
            for q in gaz.lookup(phrase.rstrip("."), include_alternate=False)[:4]:
                if q.kind == "admin1" and q.admin:
                    codes.add(q.admin)
                elif q.kind == "country" and q.country:
                    countries.add(q.country)
            if codes or countries:
                break
        return codes, countries

    def _candidates(self, name: str, p) -> list:
        kinds = _LOCAL_KINDS + (("country",) if p is not None and p.kind == "country" else ())
        found = self.gazetteer.lookup(name, include_alternate=False)[: MAX_CANDIDATES * 4]
        return [q for q in found if q.kind in kinds and q.lat is not None]

    def _only_one(self, c: MentionCluster, kind: str) -> bool:
        """Whether the gazetteer has one place of ``kind`` by the cluster's name ("Pike County" has many)."""
        if not c.mentions:
            return False  # merged into another cluster: it names nothing of its own
        found = self.gazetteer.lookup(collapse_spaces(c.mentions[0].text), include_alternate=False)
        return sum(1 for q in found if q.kind == kind) == 1

    def resolve_by_context(self, clusters: list[MentionCluster], doc: Doc) -> None:
        """Re-pick places by what the text says around them, before distances are weighed.

        1. "Town, Region" / "Town, Country" and datelines ("ATHENS, Ga. (AP) —"): the town of that
           name in that region or country, however small;
        2. "upstate X", "the state of X", "X state", "X Gov.", "eastern X": the region, not its city;
        3. a town in a region the article names ("Ohio ... Lima"): that region's town, unless
           the famous one is a capital or a city of a million whose country the article also names,
           or a city of half a million in the same country twenty times the town's size;
        4. a province of a country the article never names: the same-named town of a region the
           article names, or of the region of a town whose name no other place has ("Watsonville ...
           Santa Cruz" is California's, not Bolivia's).
        """
        gaz = self.gazetteer
        if gaz is None:
            return
        text = doc_text(doc)
        self._settled = set()
        self.regions_read = set()
        article_codes: set[str] = set()
        article_countries: set[str] = set()
        town_codes: dict[str, str | None] = {}  # state -> country of towns whose names no other place has
        readings = {}
        for c in clusters:
            for m in c.mentions:
                codes, countries = self.qualifier(text, m.end_char)
                readings[id(m)] = (codes, countries)
                article_codes |= codes
                article_countries |= countries
            p = self.place(c.kb)
            if p is not None and p.kind == "admin1" and p.admin:
                article_codes.add(p.admin)
            elif p is not None and p.kind == "admin2" and p.admin and self._only_one(c, "admin2"):
                article_codes.add(p.admin)  # a county of a name no other has names its state ("Edgar County")
            elif p is not None and p.kind == "city" and p.admin and self._only_one(c, "city"):
                town_codes[p.admin] = p.country  # so does a town of a name no other has, for a province abroad
            if p is not None and p.kind == "country" and p.country:
                article_countries.add(p.country)
        countries_of = {id(c): getattr(self.place(c.kb), "country", None) for c in clusters}
        states_of = {country_part(code) for code in article_codes}  # "US" of "US-AL": countries whose states are named
        states_countries = {getattr(self.place(f"iso3166-2:{code}"), "country", None) for code in article_codes}
        moved: list[tuple[MentionCluster, object, list[MentionRecord]]] = []  # mentions that are a state's
        for c in clusters:
            if c.label == "PERSON" or not c.mentions or any(m.actor_capital for m in c.mentions):
                continue
            placed_countries = {k for i, k in countries_of.items() if i != id(c)}
            p = self.place(c.kb)
            if c.kb and (p is None or p.kind not in _LOCAL_KINDS + ("country",)):
                continue
            if c.kb is None and c.label not in ("GPE", "LOC"):
                continue
            name = collapse_spaces(c.mentions[0].text)
            candidates = self._candidates(name, p)
            if not candidates:
                continue
            best = None
            codes = set().union(*(readings[id(m)][0] for m in c.mentions))
            countries = set().union(*(readings[id(m)][1] for m in c.mentions))
            named = [q for q in candidates if q.kind != "admin1" and q.admin in codes]
            named = named or [q for q in candidates if q.kind == "city" and q.country in countries]
            if named:
                best = named[0]
            elif p is not None and p.kind == "city" and any(state_cue(text, m) for m in c.mentions):
                best = next((q for q in candidates if q.kind == "admin1"), None)
            elif p is not None and p.kind == "city" and any(_region_part(text, m) for m in c.mentions):
                # "eastern Washington": the state, unless the text qualifies a mention otherwise ("Washington,
                # D.C."); then only the unqualified mentions are the state's
                qualified = {id(m) for m in c.mentions if "," in m.text or _ABBREVIATION_SLOT.match(text, m.end_char)}
                plain = [m for m in c.mentions if id(m) not in qualified]
                region = next((q for q in candidates if q.kind == "admin1"), None)
                if not qualified and region is not None:
                    best = region
                    self.regions_read.add(id(c))
                elif region is not None and any(_region_part(text, m) for m in plain):
                    # a mention that signs the capital stays with it ("a flat in Washington near the Capitol")
                    plain = [m for m in plain if _region_part(text, m) or not _capital_cue(doc, m)]
                    moved.append((c, region, plain))
            elif p is not None and p.kind == "admin1" and p.country not in article_countries:
                # a province of a country the article never names ("San Marcos", Guatemala) is the
                # same-named town of a region it does name (California)
                # (the state of a unique town only for a province of another country: "Delaware" is no
                # city of Ohio in a story naming Ashtabula)
                codes_abroad = {a for a, country in town_codes.items() if country != p.country}
                local = [
                    q for q in candidates if q.kind == "city" and q.admin in (article_codes | codes_abroad) - {p.admin}
                ]
                best = local[0] if local else None
            elif p is None or p.kind in ("city", "admin2", "country"):
                if p is not None and p.kind in ("city", "admin2") and p.admin in article_codes:
                    continue
                same_kind = ("admin2",) if p is not None and p.kind == "admin2" else ("city",)
                local = [q for q in candidates if q.kind in same_kind and q.admin in article_codes]
                if p is not None and p.kind == "country":  # "Georgia" with Atlanta's state named: the state
                    local = [q for q in candidates if q.kind == "admin1" and q.admin in article_codes]
                    # the countries the article names (a place, a capital, a people) other than the states' own
                    qualifying = {k for d in clusters if d is not c for m in d.mentions for k in readings[id(m)][1]}
                    foreign = (placed_countries | qualifying) - states_countries - {None}
                    if not local and not foreign:
                        # "Alabama and Arkansas ... Georgia": a state among other states of its country, when
                        # no other country is named ("Vermont ... Georgia and Estonia" is the country)
                        local = [q for q in candidates if q.kind == "admin1" and country_part(q.admin) in states_of]
                firm = p is not None and ("C" in p.flags or p.population >= 1_000_000 or p.kind == "country")
                # a capital or a city of a million moves only if nothing else in the article is in its country
                p_country_named = p is not None and p.country in article_countries | placed_countries - {None}
                # nor does a city of half a million give way to a village of its own country a twentieth
                # its size ("Louisville" in an Ohio dateline's sports story is not Louisville, Ohio)
                dwarfs = (
                    p is not None and p.kind == "city" and p.population >= _BIG_CITY_POPULATION
                    and bool(local) and local[0].country == p.country and local[0].population * 20 < p.population
                )  # fmt: skip
                if local and not (firm and p_country_named and p.kind != "country") and not dwarfs:
                    best = local[0]
            if best is not None:
                self._settled.add(id(c))
            if best is not None and best.id != c.kb:
                c.kb = best.id
                for m in c.mentions:
                    m.kb = best.id
        for c, region, mentions in moved:
            self._move_mentions(clusters, c, region, mentions)
        self._regions_by_role(clusters, doc)
        self._link_abbreviations(clusters, doc)
        self._drop_common_words(clusters, doc)

    def _move_mentions(self, clusters: list[MentionCluster], c: MentionCluster, place, mentions: list) -> None:
        """Give ``mentions`` of ``c`` to the cluster of ``place`` (a new one when the article has none)."""
        target = next((d for d in clusters if d.kb == place.id), None)
        if target is None:
            target = MentionCluster(c.label, place.id)
            clusters.append(target)
        leaving = {id(m) for m in mentions}
        c.mentions = [m for m in c.mentions if id(m) not in leaving]
        for m in mentions:
            m.kb = place.id
            target.mentions.append(m)
        self._settled.add(id(target))
        self.regions_read.add(id(target))

    def _regions_by_role(self, clusters: list[MentionCluster], doc: Doc) -> None:
        """A name that is a region by its place in the sentence is the region, not its same-named city:
        the qualifier in "Tacoma, Washington", a conjunct of a region ("Oregon or Washington")."""
        text = doc_text(doc)
        qualifier_codes: dict[int, set[str]] = {}  # start of a ", Region" qualifier -> what it may name
        regions_at: set[int] = set()  # token index of mentions of admin1 regions
        for c in clusters:
            p = self.place(c.kb)
            for m in c.mentions:
                match = _QUALIFIER.match(text, m.end_char, m.end_char + 60)
                if match is not None and p is not None and p.admin:
                    qualifier_codes.setdefault(match.start(1), set()).add(p.admin)
                if p is not None and p.kind == "admin1":
                    regions_at.add(doc[m.start : m.end].root.i)
        for c in clusters:
            p = self.place(c.kb)
            if p is None or p.kind != "city" or not c.mentions or any(m.actor_capital for m in c.mentions):
                continue  # (a cluster whose mentions all went to other entities has none left)
            regions = [q for q in self._candidates(collapse_spaces(c.mentions[0].text), p) if q.kind == "admin1"]
            for m in c.mentions:
                codes = qualifier_codes.get(m.start_char, set())
                root = doc[m.start : m.end].root
                partners = {root.head.i} if root.dep_ == "conj" else set()
                partners |= {t.i for t in root.children if t.dep_ == "conj"}
                best = next((q for q in regions if q.admin in codes), None)
                qualified = "," in m.text or any(self.qualifier(text, m.end_char))  # "Washington, D.C."
                if best is None and partners & regions_at and not qualified:
                    best = regions[0] if regions else None
                if best is not None:
                    c.kb = best.id
                    for mention in c.mentions:
                        mention.kb = best.id
                    self._settled.add(id(c))
                    break

    def read_caps_dateline(self, clusters: list[MentionCluster], doc: Doc) -> None:
        """A place in capitals opening a line as a dateline ("ORANGEBURG COUNTY, SC (AP) -", "CLEWISTON,
        Fla. –") that no entity took becomes a place mention: the model misses many words in
        capitals.  Only a name the gazetteer knows as a town, county, region or country, and a
        town under :data:`~..knowledge.gazetteer.NOTABLE_CITY_POPULATION` only with its state after
        it; "BREAKING NEWS:" names nothing."""
        gaz = self.gazetteer
        if gaz is None:
            return
        from ..knowledge.gazetteer import region_abbreviations

        abbreviations = region_abbreviations()
        text = doc_text(doc)
        taken = [(m.start_char, m.end_char) for c in clusters for m in c.mentions]
        for match in _CAPS_DATELINE.finditer(text):
            start, end = match.span(1)
            if any(s < end and start < e for s, e in taken):
                continue
            slot = _ABBREVIATION_SLOT.match(text, end) if text[end : end + 1] == "," else None
            with_state = slot is not None and (
                slot.group(1) in abbreviations or slot.group(1) + text[slot.end(1) : slot.end(1) + 1] in abbreviations
            )
            found = [
                q for q in gaz.lookup(match.group(1), include_alternate=False)[:MAX_CANDIDATES]
                if q.kind in _LOCAL_KINDS + ("country", "region") and (q.notable or with_state)
            ]  # fmt: skip
            span = doc.char_span(start, end)
            if not found or span is None:
                continue
            taken.append((start, end))
            record = MentionRecord(span.start, span.end, start, end, span.text, "GPE", found[0].id)
            clusters.append(MentionCluster("GPE", found[0].id, [record]))

    def read_region_abbreviations(self, clusters: list[MentionCluster], doc: Doc) -> None:
        """A state or province abbreviation after a name that no entity took ("Bakersfield, Calif.,",
        "Trenton, N.J. and", "Myrtle Beach, SC", "Harvey Station, N.B.") becomes a mention of that
        state: the model often leaves such a token untagged.  A postal code ("SC") only right after a
        place mention and before no capitalised word (not "Washington, DC Comics"); an AP form with a
        dot ("Calif.", "N.B.") after any capitalised word, as no other word is written so there."""
        if self.gazetteer is None:
            return
        from ..knowledge.gazetteer import region_abbreviations

        abbreviations = region_abbreviations()
        text = doc_text(doc)
        taken = [(m.start_char, m.end_char) for c in clusters for m in c.mentions]
        by_kb = {c.kb: c for c in clusters if c.kb and c.kb.startswith("iso3166-2:")}
        place_ends = {m.end_char for c in clusters if c.label in ("GPE", "LOC") for m in c.mentions}
        for match in _ABBREVIATION_SLOT.finditer(text):
            form = match.group(1)
            dotted = form.endswith(".") or text[match.end(1) : match.end(1) + 1] == "."
            code = abbreviations.get(form) or abbreviations.get(form + text[match.end(1) : match.end(1) + 1])
            if code is None or self.place(f"iso3166-2:{code}") is None:
                continue
            if dotted:
                word_before = text[max(0, match.start() - 30) : match.start()].split()[-1:]
                if not word_before or not word_before[0][:1].isupper():
                    continue
            elif match.start() not in place_ends or re.match(r"\s+[A-Z][a-z]", text[match.end(1) : match.end(1) + 3]):
                continue
            start, end = match.span(1)
            span = doc.char_span(start, end)
            if span is None or any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            kb = f"iso3166-2:{code}"
            record = MentionRecord(span.start, span.end, start, end, span.text, "GPE", kb)
            cluster = by_kb.get(kb)
            if cluster is None:
                cluster = by_kb[kb] = MentionCluster("GPE", kb)
                clusters.append(cluster)
            cluster.mentions.append(record)

    def _link_abbreviations(self, clusters: list[MentionCluster], doc: Doc) -> None:
        """A "Vt" / "Ky." / "FLA." right after "Town, " is that state ("Stowe, Vt., ...", "HOMESTEAD, FLA.
        (AP)"): when unlinked, or linked elsewhere (a Norwegian district "Fla") while every mention of
        it stands in that slot."""
        from ..knowledge.gazetteer import region_abbreviations

        abbreviations = region_abbreviations()
        text = doc_text(doc)  # rebuilt by spaCy on every access: once, not per cluster

        def code_after_town(m: MentionRecord) -> str | None:
            dotted = m.text + ("." if text[m.end_char : m.end_char + 1] == "." else "")
            code = abbreviations.get(dotted) or abbreviations.get(m.text)
            if code is None or not re.search(r"\w,\s*$", text[max(0, m.start_char - 3) : m.start_char]):
                return None
            return code

        for c in clusters:
            if not c.mentions or c.label == "PERSON" or (c.kb or "").startswith("iso3166-2:"):
                continue
            codes = {code_after_town(m) for m in (c.mentions if c.kb else c.mentions[:1])}
            if len(codes) != 1 or None in codes:
                continue
            c.kb, c.label = f"iso3166-2:{codes.pop()}", "GPE"
            for mention in c.mentions:
                mention.kb = c.kb

    def unlink_saints_buildings(self, clusters: list[MentionCluster], doc: Doc) -> None:
        """A place linked by a saint's name that only ever names a building ("St Andrew's Chapel",
        see :data:`_SAINTS_BUILDING`) is that building: it keeps no gazetteer id and becomes a site (FAC),
        which :meth:`place_unlinked` places where the text or the article's town puts it."""
        text = doc_text(doc)
        for c in clusters:
            if not c.kb or c.label not in ("GPE", "LOC") or not c.mentions:
                continue
            if all(_saints_building_end(text, m) is not None for m in c.mentions):
                c.kb, c.label = None, "FAC"
                for m in c.mentions:
                    m.kb, m.label = None, "FAC"

    def _drop_common_words(self, clusters: list[MentionCluster], doc: Doc) -> None:
        """A common word the gazetteer knows as a small faraway place is no place: "The Store opened"
        is not Štore, Slovenia.  Dropped only when the place is small (a town under 50k people, a
        region under 100k), the text does not support it (no "Town, Region", no other place in its
        country or within NEAR_KM), and the word reads as a common word: after a determiner, spelt
        otherwise than the place (a fuzzy or accent-stripped match), or used in lower case elsewhere."""
        placed = [(c, self.place(c.kb)) for c in clusters if c.kb and c.mentions]
        placed = [(c, p) for c, p in placed if p is not None and p.kind != "org"]
        lower_words = lower_case_words(doc)
        for c, p in placed:
            if id(c) in self._settled or p.kind not in _LOCAL_KINDS or "C" in p.flags:
                continue
            if p.population >= 1_000_000:
                continue
            if any(m.end - m.start != 1 or not m.text.istitle() for m in c.mentions):
                continue
            others = [q for d, q in placed if d is not c]
            if any(q.country == p.country for q in others):
                continue
            if p.lat is not None and any(
                q.lat is not None and distance_km(p.lat, p.lon, q.lat, q.lon) <= NEAR_KM for q in others
            ):
                continue
            if any(_reads_as_word(doc, m, p, lower_words) for m in c.mentions) or any(
                p.population < 100_000 and _inside_longer_name(doc, m) for m in c.mentions
            ):
                c.mentions = []  # the linker keeps only clusters with mentions

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
            if id(c) in self._settled:
                continue
            if p.kind not in ("city", "admin1", "admin2") or any(m.actor_capital for m in c.mentions):
                continue
            name = collapse_spaces(c.mentions[0].text)
            # a state stays a state (towns named after it are small); a town or district may be a bigger
            # region or a town of comparable size, never a village one tenth its size
            kinds = ("admin1",) if p.kind == "admin1" else ("city", "admin1", "admin2")
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
                return any(distance_km(q.lat, q.lon, la, lo) <= NEAR_KM for la, lo in points)

            order = {q.id: i for i, q in enumerate(candidates)}

            def in_named_country(q, countries=countries, p=p) -> bool:
                # a country named anywhere ("The United States urged ...") chooses among towns of a size;
                # it never trades the town a name means alone for one a fifth its size
                return q.country in countries and q.population * _NAMED_COUNTRY_SIZE_RATIO >= p.population

            best = min(candidates, key=lambda q: (not near(q), not in_named_country(q), order[q.id]))
            if best.id == p.id:
                continue
            firm = "C" in p.flags or p.population >= 1_000_000
            if firm and (near(p) or not near(best) or p.country in countries):
                continue
            c.kb = best.id
            for m in c.mentions:
                m.kb = best.id

    def rank(self, clusters: list[MentionCluster], doc: Doc) -> None:
        """Re-pick same-named places with the learned ranker (see :mod:`.ranker`), the rules' pick
        being one of its features."""
        self.ranker.rank(self, clusters, doc, state_cue)

    def place_unlinked(self, clusters: list[MentionCluster], doc: Doc) -> None:
        """An approximate point for a place the gazetteer does not know, the way a reader places it:

        1. the place right after it: "Kamenné Square in Bratislava", "the Feis Ceoil in Dublin"; when
           that is a country, a place of that country its name contains ("Chiapas State, Mexico");
        2. a place its name contains: "Colchester General Hospital", "Eastern Ghouta", "Quebec City" --
           the same place the article names elsewhere, else a town in a region (admin1) the article
           names, else a well-known one (a country, a region, a capital or a city of 100k people);
        3. a site or a feature (FAC, LOC): the one town its own sentence names ("the Alder Hey
           hospital, where he was flown, in Liverpool", "Bilibid Prison (NBP) in Muntinlupa");
        4. a street, a site or a village: the town the article is about (its one most-mentioned town or
           district, backed by the text: a "Town, Region", a town of 50k, or another place in its
           country; when that town is named once, the one bigger city of its state named inside the name
           of a local public body or company, "the Cleveland Water Department" -- not a street's, a team's,
           an outlet's or a clinic's name);
        5. otherwise the article's only country, without a point;
        6. when the article names no country, the outlet's home country (:meth:`read_outlet`); a
           small town (or a province of under 100k people) abroad that nothing else backs then gives way
           to the home's ("Millbrook").

        The entity keeps no gazetteer id (``MentionCluster.near`` only lends the point and country), so
        a reader of the data can tell an approximate point from a linked place."""
        gaz = self.gazetteer
        if gaz is None:
            return
        far_away = self._outside_the_only_state(clusters)
        placed = [(c, self.place(c.kb)) for c in clusters if c.kb and c.mentions]
        placed = [(c, p) for c, p in placed if p is not None and p.kind != "org"]
        # a place named only inside a longer name (nested) is mentioned in passing: it is the article's
        # town only when no place is named on its own (its name's holder is no capital acting)
        in_names = [(c, p) for c, p in placed if all(m.nested_in is not None for m in c.mentions)]
        placed = [(c, p) for c, p in placed if not any(c is d for d, _ in in_names)]

        def supported(c, p) -> bool:  # a small town nothing else backs ("Millbrook" somewhere) places nothing
            # a province of under 100k people is no better known than a town (gazetteer ranking)
            small_region = p.kind == "admin1" and p.population < 100_000
            return (
                (p.kind not in ("city", "admin2") or p.notable) and not small_region or id(c) in self._settled
                or any(q.country == p.country for d, q in placed if d is not c and q.kind != "nationality")
            )  # fmt: skip

        unsupported = [(c, p) for c, p in placed if not supported(c, p)]
        placed = [(c, p) for c, p in placed if supported(c, p)]
        if self.home is not None and not {p.country for _, p in placed if p.kind != "nationality"} - {self.home, None}:
            for c, p in unsupported:
                if p.country != self.home:
                    self._home_town(c)
        named: dict[str, object] = {}
        for c, p in placed:
            for m in c.mentions:
                named.setdefault(normalize_name(m.text), p)
        countries = {p.country for _, p in placed if p.country and p.kind != "nationality"}
        codes = {p.admin for _, p in placed if p.admin and p.kind != "country"}
        text = doc_text(doc)
        # the article's town: one the text placed ("Athens, Ga.") or a well-known one before a small
        # town another place merely shares a country with; then the most mentioned; of a tie, the one
        # near the article's other places (see _near_the_others).  A mention written as a street's
        # ("Elm/Lincoln", "Lincoln Street") does not count, and a town most of whose mentions are
        # streets', or whose name is a street's, is no town of the article (see _street_mentions).
        as_street = {id(c): self._street_mentions(text, c, p) for c, p in placed if p.kind in ("city", "admin2")}
        towns = sorted(
            (
                ((id(c) in self._settled or p.notable), len(c.mentions) - len(as_street[id(c)]), p)
                for c, p in placed
                if p.kind in ("city", "admin2")
                and p.lat is not None
                and not self._street_not_town(c, p, as_street[id(c)])
            ),
            key=lambda t: (-t[0], -t[1]),
        )
        focus = None
        if len(towns) > 1 and towns[1][:2] == towns[0][:2]:
            focus = _near_the_others([p for *key, p in towns if tuple(key) == towns[0][:2]], placed)
        elif towns and (nearer := _nearer_town(towns, placed, self._settled, clusters)) is not None:
            focus = nearer
        elif towns:
            focus = towns[0][2]
            # a town named once on its own gives way to the one bigger city of its state that names a local
            # public body or company at work ("the Cleveland Water Department dug up Elm Street ... back to
            # Akron"); not a street, a team, an outlet or a clinic named after it
            bigger = [
                p for c, p in in_names
                if p.kind == "city" and p.admin == focus.admin and p.population > focus.population
                and p.notable and any(_in_local_body(m) for m in c.mentions)
            ]  # fmt: skip
            if towns[0][1] == 1 and len({p.id for p in bigger}) == 1:
                focus = bigger[0]
        elif not placed:
            inner_towns = [
                p for c, p in in_names
                if p.kind in ("city", "admin2") and p.lat is not None and p.notable and not _acting_capital(c)
            ]  # fmt: skip
            focus = inner_towns[0] if len(inner_towns) == 1 else None
        at: dict[int, object] = {m.start_char: p for c, p in placed for m in c.mentions if p.lat is not None}
        ends = {m.start_char: m.end_char for c, _ in placed for m in c.mentions}
        towns_at = [
            (m.start_char, p) for c, p in placed
            if p.kind in ("city", "admin2") and not self._street_not_town(c, p, as_street[id(c)])
            for m in c.mentions if not any(m is s for s in as_street[id(c)])
        ]  # fmt: skip
        story_country = _most_named_country(placed)
        for c in clusters:
            if c.kb or c.near or not c.mentions or c.label not in ("GPE", "LOC", "FAC", "NORP"):
                continue  # linked, or already placed (a union of states as a place, see .nested)
            name = max((collapse_spaces(m.text) for m in c.mentions), key=len)
            # a saint's building ends after its building's word: "St. Mary" + "'s Hospital in St. Louis"
            building_ends = [_saints_building_end(text, m) for m in c.mentions]
            saints = c.label == "FAC" and all(end is not None for end in building_ends)
            ends_at = [end or m.end_char for end, m in zip(building_ends, c.mentions)]
            after = (_IN_PLACE.match(text, end, end + 12) for end in ends_at)
            inside = next(
                (
                    at[a.end()] for a in after
                    if a is not None and a.end() in at and not _in_a_list(text, a, at, ends)
                ),
                None,
            )  # fmt: skip
            if inside is not None and (inside.kind == "country" or _sovereign_people(inside)):
                # "the consulate in the Kenyan capital": that country's capital city; "the Scottish capital"
                # is no capital of the United Kingdom, so a nation's or region's people keep their own point
                inside = self._capital_after(text, ends_at, inside) or inside
            if inside is None and c.label == "GPE" and any(_named_as_state(text, m) for m in c.mentions):
                # "X's ambassador", "President Y of X", "its capital, X": a country or capital the gazetteer
                # lacks lies neither in the summit's town nor in a place its name contains (what the text
                # places it in, "X, Ohio", still does)
                continue
            inner = inside
            if (inside is None or inside.kind == "country") and id(c) not in far_away:
                # "Chiapas State, Mexico": the region its own name gives, inside the country after it
                # a saint's given name is no town ("St. Mary's Hospital" is not in Mary, Turkmenistan)
                own = None if saints else self._inner_place(name, named, codes, c.label == "NORP")
                if own is not None and (inside is None or own.kind != "country" and own.country == inside.country):
                    inner = own
                if inside is None and _far_namesake_of_a_street(name, own, focus, named):
                    inner = None  # "Paris Avenue" in a story about Tulsa lies in Tulsa
            if inner is None and c.label == "NORP":
                inner = self._region_of_adjective(name)  # "Bavarian" brewers, "Siberian" air
            if inner is not None:
                c.near = inner.id
            elif c.label == "NORP" or any(m.country for m in c.mentions):
                continue  # a group is not placed by the article's town; "South X" already has X's country
            elif c.label in ("FAC", "LOC") and (town := _town_of_sentence(c, doc, towns_at)) is not None:
                c.near = town.id
            elif focus is not None and c.label == "GPE" and story_country not in (None, focus.country):
                # "GENEVA - ... shelled a market in Wad Kheir": a town the gazetteer lacks lies in the
                # country most of the story's places are in, not in the town it was filed from
                c.mentions[0].country = story_country
            elif focus is not None:
                c.near = focus.id
            elif len(countries) == 1:
                c.mentions[0].country = next(iter(countries))
            elif not countries and self.home is not None:
                c.mentions[0].country = self.home

    def _capital_after(self, text: str, ends: list[int], country):
        """The national capital of ``country`` when the country (or its people's adjective) is written
        right after a mention (ending at one of ``ends``) as "in the <Country> capital" (see
        :data:`_IN_PLACE`), else None."""
        for end in ends:
            after = _IN_PLACE.match(text, end, end + 12)
            if after is None:
                continue
            named = re.match(r"(?:[A-Z][\w.'’-]*\s+){1,3}?capital\b", text[after.end() : after.end() + 40])
            if named is not None:
                return self.gazetteer.capital(country.country)
        return None

    def _street_mentions(self, text: str, c: MentionCluster, p) -> list[MentionRecord]:
        """The mentions of a town's cluster written as a street's (:data:`_STREET_AFTER`,
        :data:`_STREET_BEFORE`: "Elm/Lincoln", "Elm and Lincoln streets", "Lincoln Street" with only
        "Lincoln" tagged).  A slash between two well-known towns near each other is a twin-city name
        ("Raleigh/Durham", "Minneapolis/St. Paul"), not a crossing."""
        return [
            m for m in c.mentions
            if (_STREET_AFTER.match(text, m.end_char) or _STREET_BEFORE.search(text, max(0, m.start_char - 30), m.start_char))
            and not self._twin_town(text, m, p)
        ]  # fmt: skip

    def _twin_town(self, text: str, m: MentionRecord, p) -> bool:
        """Whether the words across a slash from ``m`` name a well-known town within :data:`NEAR_KM` of
        ``p`` ("Durham" in "Raleigh/Durham", "St. Paul" in "Minneapolis/St. Paul")."""
        names: list[str] = []
        if (after := _SLASH_AFTER.match(text, m.end_char)) is not None:
            words = after.group(1).split()
            names += [" ".join(words[:n]) for n in range(len(words), 0, -1)]
        if (before := _SLASH_BEFORE.search(text, max(0, m.start_char - 40), m.start_char)) is not None:
            words = before.group(1).split()
            names += [" ".join(words[n:]) for n in range(len(words))]
        return p.lat is not None and any(
            q.kind in ("city", "admin2") and q.notable and q.id != p.id and q.lat is not None
            and distance_km(p.lat, p.lon, q.lat, q.lon) <= NEAR_KM
            for name in names for q in self.gazetteer.lookup(name, include_alternate=False)[:MAX_CANDIDATES]
        )  # fmt: skip

    def _street_not_town(self, c: MentionCluster, p, street_mentions: list) -> bool:
        """Whether a gazetteer town is no town an article is about: most of its mentions are written as
        streets' (one such mention only does not count, see :meth:`_street_mentions`: an article about
        Glendale may close Glendale Avenue), or, unless the text placed it ("Crescent, Oklahoma"), its name
        of two words or more ends in a street's word ("Kings Highway")."""
        if id(c) in self._settled:
            return False
        words = p.name.split()
        return 2 * len(street_mentions) > len(c.mentions) or len(words) > 1 and words[-1].lower() in STREET_HEAD_WORDS

    def _outside_the_only_state(self, clusters: list[MentionCluster]) -> set[int]:
        """A small town (under :data:`~..knowledge.gazetteer.NOTABLE_CITY_POPULATION`) that nothing in the
        text placed, more than :data:`_FAR_FROM_STATE_KM` from the article's only state (admin1) and in
        another state of its country, whose state no other town of the article lies in, becomes
        that state's town of the name ("Monroe" in a Maine story), else no gazetteer place: a park or a
        street named like it ("Kendall Square") lies where the article is.

        The state counts when named on its own or inside a local public body's or company's name ("the
        Nebraska Historical Society", see :func:`_in_local_body`), not inside a team's, a university's, an
        event's or a place's ("the Nebraska Cornhuskers", "Delaware Avenue").  Returns the clusters left
        without a place, which :meth:`place_unlinked` does not place by their own words."""
        states = {}
        for c in clusters:
            p = self.place(c.kb)
            if p is None or p.kind != "admin1" or p.lat is None or not c.mentions:
                continue
            if all(m.nested_in is not None and not _in_local_body(m) for m in c.mentions):
                continue
            states[p.id] = p
        if len(states) != 1:
            return set()
        state = next(iter(states.values()))
        towns = [(c, self.place(c.kb)) for c in clusters if c.mentions and c.label != "PERSON"]
        towns = [(c, p) for c, p in towns if p is not None and p.kind in ("city", "admin2") and p.lat is not None]
        unplaced: set[int] = set()
        for c, p in towns:
            if (
                p.kind != "city" or p.notable or id(c) in self._settled
                or p.country != state.country or p.admin == state.admin
                or distance_km(p.lat, p.lon, state.lat, state.lon) <= _FAR_FROM_STATE_KM
                # another town of its state backs it: "Johnston Square" in a story naming Baltimore
                or any(d is not c and q.admin == p.admin for d, q in towns)
            ):  # fmt: skip
                continue
            name = collapse_spaces(c.mentions[0].text)
            last_word = name.split()[-1].lower()
            found = self.gazetteer.lookup(name, include_alternate=False)
            if [q.id for q in found if q.kind in _LOCAL_KINDS] == [p.id] and last_word not in PLACE_HEAD_WORDS:
                continue  # no other place has the name: a town's ("Sheboygan"), unlike a square's or a park's
            local = next((q for q in found if q.kind == "city" and q.admin == state.admin and q.lat is not None), None)
            c.kb = local.id if local is not None else None
            for m in c.mentions:
                m.kb = c.kb
            if local is None:
                unplaced.add(id(c))
        return unplaced

    def _home_town(self, c: MentionCluster) -> None:
        """A small town abroad that nothing in the article backs, in an article that names no country
        but the outlet's home: the home country's town of that name, else no gazetteer place (its
        country then is the home's, see :meth:`place_unlinked`).  "Millbrook" in a Belizean paper is
        no village in Oregon."""
        found = self.gazetteer.lookup(collapse_spaces(c.mentions[0].text), include_alternate=False)
        home = next((q for q in found[:MAX_CANDIDATES] if q.kind in _LOCAL_KINDS and q.country == self.home), None)
        c.kb = home.id if home is not None else None
        for m in c.mentions:
            m.kb = c.kb

    def _region_of_adjective(self, name: str):
        """The region a one-word adjective ending in "-ian" names ("Bavarian" -> Bavaria, "Sicilian" -> Sicily,
        "Siberian" -> Siberia): a state, province or region the gazetteer knows, never a town (a nationality
        of a country is linked before this)."""
        if " " in name or not name.endswith("ian") or not name[:1].isupper():
            return None
        for stem in (name[:-1], name[:-3] + "ia", name[:-3] + "y"):
            found = [
                q for q in self.gazetteer.lookup(stem, include_alternate=False)[:3]
                if q.kind in ("admin1", "region") and q.lat is not None
            ]  # fmt: skip
            if found:
                return found[0]
        return None

    def _inner_place(self, name: str, named: dict, codes: set[str], group: bool):
        """The place named by the longest run of words inside ``name`` (see :meth:`place_unlinked`);
        a nationality only inside a group's name ("Russian-European"), never a site's ("Percy French
        Hotel" is no French place)."""
        kinds = _INNER_KINDS if group else tuple(k for k in _INNER_KINDS if k != "nationality")
        words = [w.strip(".,'’()") for w in re.split(r"[\s\-–/]+", name)]
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words if w]
        for n in range(len(words) - 1, 0, -1):
            for i in range(len(words) - n + 1):
                run = words[i : i + n]
                if not run[0][:1].isupper() or all(w.lower() in _SITE_WORDS | _COMPASS for w in run):
                    continue
                if opens_with_given_names(" ".join(words[:i])):
                    continue  # "Ruth Ellen Lisbon Middle School" is named after a person, not a town
                phrase = " ".join(run)
                known = named.get(normalize_name(phrase))
                # the article's nationality lends no site its country's point ("Chilean Consulate Osaka")
                if known is not None and known.lat is not None and known.kind in kinds:
                    return known
                found = [
                    q for q in self.gazetteer.lookup(phrase, include_alternate=False)[:MAX_CANDIDATES]
                    if q.lat is not None and q.kind in kinds
                ]  # fmt: skip
                local = [q for q in found if q.kind in ("city", "admin2") and q.admin in codes]
                known = [
                    q for q in found
                    if q.kind not in ("city", "admin2") or q.population >= 100_000 or "C" in q.flags
                ]  # fmt: skip
                if local or known:
                    return (local or known)[0]
        return None

    def metonymy(self, doc: Doc, m: MentionRecord) -> None:
        """A capital as a clear government actor ("Washington warned", "Washington and Moscow agreed",
        "Paris and Russia signed") stands for its country.  Anywhere else it stays the city, with the
        city's point: "in London", "flights between London and Amsterdam", "relations between Harare
        and London" and a dateline ("Hanoi (VNA) -", "MOSCOW —") are places."""
        place = self.place(m.kb)
        if (m.kb or "").startswith("iso3166:") or getattr(place, "kind", None) == "country":
            return
        capital = self.capital_named(collapse_spaces(m.text), place)  # the gazetteer flags national capitals "C"
        iso = capital.country if capital is not None else None
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
            m.kb, m.actor_capital, m.label, m.capital = f"iso3166:{iso}", True, "GPE", capital.id


def _most_named_country(placed: list) -> str | None:
    """The country most of the article's place mentions lie in, when it has more than every other; else None."""
    counts = Counter(p.country for c, p in placed if p.country and p.kind != "nationality" for _ in c.mentions)
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[1][1] == top[0][1]):
        return None
    return top[0][0]


def _near_the_others(tied: list, placed: list) -> object | None:
    """Of towns named as often and as well known, the one near the most of the article's other places (a
    town, county, state or feature within :data:`NEAR_KM`, or the state it lies in); towns as near as it
    that lie within :data:`NEAR_KM` of each other are one area, and the biggest stands for it.  None when
    no town is near anything or the nearest lie apart: "Denver and Rotterdam" make no article's town."""
    counts = [(_near_count(p, placed), p) for p in tied]
    most = max(n for n, _ in counts)
    if most == 0:
        return None
    nearest = [p for n, p in counts if n == most]
    biggest = max(nearest, key=lambda p: p.population)
    if all(distance_km(p.lat, p.lon, biggest.lat, biggest.lon) <= NEAR_KM for p in nearest):
        return biggest
    return None


def _near_count(p, placed: list) -> int:
    """How many of the article's other places (a town, county, state or feature) lie within
    :data:`NEAR_KM` of ``p``, or are the state it lies in."""
    return sum(
        1 for _, q in placed
        if q.lat is not None and q.kind in ("city", "admin1", "admin2", "feature") and q.id != p.id
        and (q.kind == "admin1" and q.admin == p.admin or distance_km(p.lat, p.lon, q.lat, q.lon) <= NEAR_KM)
    )  # fmt: skip


def _nearer_town(towns: list, placed: list, settled: set[int], clusters: list) -> object | None:
    """A town named at least as often as the first of ``towns`` and near the article's other places, when
    that first one lies near none of them and the text did not place it: a well-known namesake named
    once far away (a "Perth" among New Zealand hamlets) is no town of a story whose hamlets lie round a
    town it names three times."""
    top = towns[0][2]
    if any(id(c) in settled and c.kb == top.id for c in clusters) or _near_count(top, placed):
        return None
    return next((p for _, n, p in towns[1:] if n >= towns[0][1] and _near_count(p, placed)), None)


def _in_a_list(text: str, after, at: dict, ends: dict) -> bool:
    """Whether the town right after a name and a bare comma is the next item of a list ("Kowhai Flat,
    Perth, Tarewa Downs and ..."), not the town the name lies in ("Soweto, Johannesburg, South Africa"
    goes on with the country that holds them)."""
    p = at[after.end()]
    if after.group().strip() != "," or p.kind not in ("city", "admin2"):
        return False
    end = ends.get(after.end(), after.end())
    comma = re.match(r",\s*", text[end : end + 4])
    if comma is not None and getattr(at.get(end + comma.end()), "kind", None) in ("admin1", "country"):
        return False
    return bool(_LIST_GOES_ON.match(text, end))


def _far_namesake_of_a_street(name: str, own, focus, named: dict) -> bool:
    """A street named after a town ("Paris Avenue", "Lincoln Road") in an article about another town: the
    namesake lies far from the article's town, and the article does not name it elsewhere."""
    if own is None or focus is None or name.split()[-1].lower() not in STREET_HEAD_WORDS:
        return False
    if any(q is own for q in named.values()):
        return False
    return own.lat is not None and distance_km(own.lat, own.lon, focus.lat, focus.lon) > NEAR_KM


def _town_of_sentence(c: MentionCluster, doc: Doc, towns_at: list) -> object | None:
    """The one town (city or district with a point) named in the sentences of ``c``'s mentions, or None
    when they name none or several: a site lies where its own sentence says, not in the article's
    most-mentioned town."""
    if not doc.has_annotation("SENT_START"):
        return None  # no parser, no sentences
    found = {}
    for m in c.mentions:
        sent = doc[m.start].sent
        lo, hi = sent.start_char, sent.end_char
        found.update((p.id, p) for at, p in towns_at if lo <= at < hi and p.lat is not None)
    return next(iter(found.values())) if len(found) == 1 else None


# What makes an unknown name a state: its envoy, capital, head of state or foreign ministry
_STATE_HOLDINGS = (
    r"ambassador|embassy|envoy|capital|president|prime\s+minister|foreign\s+minister|foreign\s+ministry"
    r"|ministry\s+of\s+foreign\s+affairs|head\s+of\s+state|king|queen|armed\s+forces"
)  # only what a state has: a town or county has leaders, a government and a council too
_STATE_HOLDING_AFTER = re.compile(rf"['’]s\s+(?:new\s+|former\s+|top\s+)?(?:{_STATE_HOLDINGS})\b", re.I)
# "President Ivo Marek of X", "the ambassador of X"
_STATE_HOLDING_BEFORE = re.compile(
    rf"\b(?:{_STATE_HOLDINGS})(?:\s+(?-i:[A-Z])[\w'’.-]*){{0,3}}\s+of\s+(?:the\s+)?$", re.I
)


# "Veloria's capital, X": the capital named in apposition
_CAPITAL_IN_APPOSITION = re.compile(r"['’]s\s+capital,\s*$|\bits\s+capital,\s*$")


def _saints_building_end(text: str, m: MentionRecord) -> int | None:
    """Where the building's word ends when ``m`` is a saint's name before it (:data:`_SAINTS_BUILDING`:
    "St. Mary" + "'s Hospital"), else None.  The possessive may end the mention ("St. Bride's") or
    follow it ("St Andrew" + "'s")."""
    if not m.text.split() or m.text.split()[0].lower() not in _SAINT_WORDS:
        return None
    building = _SAINTS_BUILDING.match(text, m.end_char - 2 if m.text.endswith(("'s", "’s")) else m.end_char)
    return building.end() if building is not None else None


def _sovereign_people(place) -> bool:
    """Whether a nationality is a sovereign country's people ("norp:MEX"), not a nation's or region's
    within one ("norp:GB-SCT", the Scots): only the former's "capital" is the national capital."""
    return place.kind == "nationality" and place.id == f"norp:{place.country}"


def _named_as_state(text: str, m: MentionRecord) -> bool:
    """Whether ``m`` is named as a country ("X's ambassador", "X's capital", "President Y of X") or as a
    country's capital ("Veloria's capital, X")."""
    before = text[max(0, m.start_char - 60) : m.start_char]
    return (
        bool(_STATE_HOLDING_AFTER.match(text, m.end_char))
        or bool(_STATE_HOLDING_BEFORE.search(before))
        or bool(_CAPITAL_IN_APPOSITION.search(before))
    )


def _in_local_body(m: MentionRecord) -> bool:
    """Whether ``m`` is nested in an organisation's name that a word after it makes a local public body or a
    company (:data:`_LOCAL_BODY_HEADS`): "Cleveland" in "the Cleveland Water Department" or in a name the
    model ran on past its head ("the Akron Gas Company Elm Street Works"), not in "Cleveland Avenue", "the
    Cleveland Guardians", "the Chicago Tribune", "the Cleveland Clinic" or a university's police."""
    outer = m.nested_in
    if outer is None or outer.label != "ORG":
        return False
    holder = next((o for o in outer.mentions if o.start_char <= m.start_char and m.end_char <= o.end_char), None)
    if holder is None:
        return False
    words = [w.lower() for w in re.findall(r"[\w'’]+", holder.text)]
    after = [w.lower() for w in re.findall(r"[\w'’]+", holder.text[m.end_char - holder.start_char :])]
    return bool(set(after) & _LOCAL_BODY_HEADS) and not set(words) & _NO_LOCAL_BODY_WORDS


def _acting_capital(c: MentionCluster) -> bool:
    """A city cluster nested on the same characters as a country's mention: a capital acting ("Beijing said")."""
    return all(
        any((o.start_char, o.end_char) == (m.start_char, m.end_char) for o in m.nested_in.mentions)
        for m in c.mentions
        if m.nested_in is not None
    )


def _acts(tok) -> bool:
    """The subject of a verb that a government does (not "Kyiv came under fire", "Moscow is vast")."""
    return tok.dep_ == "nsubj" and tok.head.pos_ in ("VERB", "AUX") and tok.head.lemma_ not in _PLACE_VERBS


_DETERMINERS = frozenset("the a an this that these those our your its their his her my".split())


def _reads_as_word(doc: Doc, m: MentionRecord, place, lower_words: set[str]) -> bool:
    before = doc[m.start - 1].lower_ if m.start else ""
    if m.end < len(doc) and doc[m.end].pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        before = ""  # "the Nelson office": the determiner is the office's
    spelt_otherwise = normalize_name(m.text) not in {normalize_name(n) for n in (place.name, *place.aliases)}
    if spelt_otherwise:  # a fuzzy or other-language match ("Gazan" for Jizan)
        return True
    return place.population < 100_000 and (before in _DETERMINERS or m.text.lower() in lower_words)


def _inside_longer_name(doc: Doc, m: MentionRecord) -> bool:
    """A capitalised word next to other capitalised words no entity took: "Release Date:", "Super Store
    Club" -- part of a title or a name, not a place."""

    def loose_capital(tok) -> bool:
        return tok.is_title and tok.is_alpha and not tok.ent_type_ and not tok.is_sent_start

    prev = doc[m.start - 1] if m.start else None
    nxt = doc[m.end] if m.end < len(doc) else None
    return (prev is not None and loose_capital(prev) and not doc[m.start].is_sent_start) or (
        nxt is not None and loose_capital(nxt)
    )


def state_cue(text: str, m: MentionRecord) -> bool:
    """ "upstate New York", "the state of Washington", "New York state", "New York Gov. X", "Governor
    X of New York"."""
    return (
        bool(_STATE_BEFORE.search(text[max(0, m.start_char - 12) : m.start_char]))
        or bool(_STATE_AFTER.match(text[m.end_char : m.end_char + 14]))
        or bool(_STATE_OFFICE_BEFORE.search(text[max(0, m.start_char - _STATE_OFFICE_WINDOW) : m.start_char]))
    )


def _capital_cue(doc: Doc, m: MentionRecord) -> bool:
    """Whether the sentence of ``m`` (or, without a parser, 80 characters either side) signs a national
    capital (:data:`_CAPITAL_CUE`): "a flat in Washington near the Capitol"."""
    if doc.has_annotation("SENT_START"):
        sent = doc[m.start].sent
        lo, hi = sent.start_char, sent.end_char
    else:
        lo, hi = max(0, m.start_char - 80), m.end_char + 80
    return bool(_CAPITAL_CUE.search(doc_text(doc)[lo:hi]))


def _region_part(text: str, m: MentionRecord) -> bool:
    """A compass adjective in lower case before the name: "eastern Washington", "central New York"."""
    return bool(_REGION_PART_BEFORE.search(text[max(0, m.start_char - 16) : m.start_char]))


def _dateline(doc: Doc, m: MentionRecord) -> bool:
    """A place name opening a line and followed by "(", a dash or a comma: "Hanoi (VNA) –", "London, May 2 -"."""
    before = doc[m.start - 1] if m.start else None
    if before is not None and not (before.is_space and "\n" in before.text):
        return False
    nxt = doc[m.end] if m.end < len(doc) else None
    return nxt is not None and nxt.text in ("(", "—", "–", "-", ",", ":")
