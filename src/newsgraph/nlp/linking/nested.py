"""Places named inside longer names: "Dallas" in "Dallas Mavericks", "Edgar County" in "Edgar County
Community Foundation", "Washington" in "The Washington Post", "France" in "Air France".

Such a place is a toponym of the article (a reader can search and map it) though the name around it
is an organisation's, a site's or an event's.  :func:`nest_places` adds it as a mention of its own,
marked ``nested_in`` (the cluster of the longer name), to the article's entity of that place, or to
a new one.  The longer name keeps its mention whole, so the two mentions overlap; offsets stay
offsets into the text.

Precision first: only a well-known place is read out of a name -- a country, a region, a county
spelt with its "County", a city of :data:`NESTED_CITY_POPULATION` people, or a nationality with a
country ("Danish" in "Danish Press Agency", a NORP mention on the country's point) -- unless the article
names that place (or a state it lies in) on its own.  A word that is also the surname of a person
the article names is no place ("Morgan Stanley" with "Mr. Stanley"), nor is a city that ends the
name ("Morgan Stanley" itself): an organisation is named after a person far more often than after
a town it ends with.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from spacy.tokens import Doc

from ..extensions import lower_case_words
from ..knowledge.gazetteer import country_part
from ..knowledge.lexicon import (
    GIVEN_NAMES,
    LANDFORM_NOUNS,
    ORG_HEAD_WORDS,
    OUTLET_HEAD_WORDS,
    collapse_spaces,
    normalize_name,
)
from .mentions import MentionCluster, MentionRecord, person_name_words

__all__ = [
    "nest_places",
    "opens_with_given_names",
    "nest_capitals",
    "nest_union_territories",
    "NESTED_CITY_POPULATION",
    "NESTING_LABELS",
    "UNION_TERRITORIES",
]

# Names whose words may hold a place; a place's own name ("Dallas County") is not read for a town.
NESTING_LABELS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT"})
# A city inside a name the article does not otherwise support: big enough that its name is
# seldom a surname ("Lincoln", "Jackson" and "Stanley" are not).
NESTED_CITY_POPULATION = 500_000
# A town in a state the article names ("Peoria Chiefs" in an Illinois story); smaller towns share
# their names with too many institutions ("Aspen Institute", "Georgetown University").
LOCAL_CITY_POPULATION = 20_000
# Words that make a name the model typed PERSON an organisation's ("Alberta Sheriffs", "X Parish
# Sheriff's Office", "X Chamber of Commerce"): only then is a place that opens it read out.
_PERSON_TYPED_ORG_WORDS = ORG_HEAD_WORDS | {"chamber", "sheriff", "sheriffs"}
# The admin words after a county's name, and the labels whose mentions already hold a name's words
_COUNTY_WORDS = frozenset({"County", "Parish"})
_COVERING_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "EVENT", "PRODUCT"})
_DATELINE_MARK = re.compile(r"\s*(?:\([A-Z][\w.]*\)|[—–]|-\s)")
_WIDE_KINDS = ("country", "admin1", "region", "continent")
# Words that are no place on their own, however a gazetteer spells some town.
_NAME_WORDS = frozenset(
    "the of and for on in at & new old great general national international united royal saint st san santa "
    "st. ft. mt. north south east west northern southern eastern western central upper lower city county state district "
    "community university college school hospital airport station club team center centre park".split()
)


def nest_places(resolver, clusters: list[MentionCluster], doc: Doc) -> None:
    """Add a nested mention for each well-known place inside an ORG, FAC, EVENT or PRODUCT mention
    (see the module docstring).  ``resolver`` is the linker's
    :class:`~newsgraph.nlp.linking.places.PlaceResolver`; ``clusters`` every cluster of the article,
    people included."""
    gaz = resolver.gazetteer
    if gaz is None:
        return
    by_kb: dict[str, MentionCluster] = {}
    codes: set[str] = set()
    for c in clusters:
        p = resolver.place(c.kb) if c.mentions else None
        if p is None or p.kind in ("org", "nationality") or c.label not in ("GPE", "LOC", "FAC"):
            continue
        by_kb.setdefault(p.id, c)
        if p.admin and p.kind in ("admin1", "admin2", "city"):
            codes.add(p.admin)
    # the countries whose people the article names ("Georgian officials"): as much a sign of the country as a place
    peoples = frozenset(
        p.country for c in clusters if (p := resolver.place(c.kb)) is not None and p.kind == "nationality" and p.country
    )
    surnames = {w for c in clusters if c.label == "PERSON" for m in c.mentions
                if not _organisation_typed_person(doc, m) for w in person_name_words(m.text)}  # fmt: skip
    lower_words = lower_case_words(doc)
    taken: set[tuple[int, int]] = {(m.start_char, m.end_char) for c in clusters for m in c.mentions}
    for outer in list(clusters):
        if outer.label not in NESTING_LABELS and outer.label != "PERSON" and not _unknown_place_name(outer):
            continue
        for m in list(outer.mentions):
            if outer.label == "PERSON" and not _organisation_typed_person(doc, m):
                continue
            # a news outlet the gazetteer knows ("the Washington Post") is known by its famous town: the article's
            # small namesake of a state it names does not stand in for it (an unknown local paper still does)
            outlet = _known_outlet(resolver, outer, m)
            for start, end, place in _places_in(resolver, doc, m, by_kb, set() if outlet else codes, surnames,
                                                lower_words, peoples):  # fmt: skip
                if outer.label == "PERSON" and start != m.start:
                    continue  # only a place that opens the name: "Henry Smith US" holds no place
                span = doc[start:end]
                if (span.start_char, span.end_char) in taken:
                    continue
                taken.add((span.start_char, span.end_char))
                inner = MentionRecord(start, end, span.start_char, span.end_char, span.text, place.label or "GPE",
                                      place.id, nested_in=outer)  # fmt: skip
                _add_place_mention(clusters, by_kb, place, inner)
    _place_untagged_counties(resolver, clusters, doc, by_kb, codes, taken)


def _add_place_mention(clusters: list[MentionCluster], by_kb: dict, place, mention: MentionRecord) -> None:
    target = by_kb.get(place.id)
    if target is None:
        target = by_kb[place.id] = MentionCluster(place.label or "GPE", place.id)
        clusters.append(target)
    target.mentions.append(mention)


def _place_untagged_counties(resolver, clusters: list[MentionCluster], doc: Doc, by_kb: dict, codes: set[str],
                             taken: set[tuple[int, int]]) -> None:  # fmt: skip
    """A county or parish the model left out of every name ("Hopkins County Public Schools" untagged,
    "Cuyahoga County Executive" read as a work of art): capitalised name words before "County" or
    "Parish" that the gazetteer knows as that county (one of the name, or the one in a state the
    article names) are the place."""
    covered = {i for c in clusters if c.label in _COVERING_LABELS for m in c.mentions for i in range(m.start, m.end)}
    for tok in doc:
        if tok.text not in _COUNTY_WORDS or tok.i in covered:
            continue
        for n in range(min(3, tok.i), 0, -1):
            run = doc[tok.i - n : tok.i + 1]
            if any(i in covered for i in range(run.start, run.end)) or not _name_run(doc[run.start : tok.i]):
                continue
            if run.start > 0 and doc[run.start - 1].lower_ in GIVEN_NAMES:
                break
            place = _well_known(resolver, run, at_end=True, by_kb=by_kb, codes=codes)
            if place is None or place.kind != "admin2" or (run.start_char, run.end_char) in taken:
                continue
            taken.add((run.start_char, run.end_char))
            mention = MentionRecord(run.start, run.end, run.start_char, run.end_char, run.text, place.label or "GPE",
                                    place.id)  # fmt: skip
            _add_place_mention(clusters, by_kb, place, mention)
            break


def nest_capitals(resolver, clusters: list[MentionCluster]) -> None:
    """A capital standing for its government ("Beijing said") is a mention of the country, the actor
    (:meth:`~newsgraph.nlp.linking.places.PlaceResolver.metonymy`), and, nested in it on the same
    characters, of the city: the place the text names keeps the city's point, as a reader (and
    GeoWebNews) places it.  Nested, the city's mention is no actor."""
    by_kb = {c.kb: c for c in clusters if c.kb and c.mentions and c.label in ("GPE", "LOC", "FAC")}
    for outer in list(clusters):
        if outer.label == "PERSON":
            continue  # "Washington said" where a Rusu Washington is named: the person's surname, no capital
        for m in list(outer.mentions):
            capital = resolver.place(m.capital) if m.actor_capital else None
            if capital is None:
                continue
            inner = MentionRecord(m.start, m.end, m.start_char, m.end_char, m.text, "GPE", capital.id,
                                  nested_in=outer)  # fmt: skip
            target = by_kb.get(capital.id)
            if target is None:
                target = by_kb[capital.id] = MentionCluster("GPE", capital.id)
                clusters.append(target)
            target.mentions.append(inner)


# A union of states is an organisation (the actor: "the EU said") and, as a place, the territory of its
# members ("EU member states", "within the EU"), which GeoWebNews and a reader map on the members'
# continent.  The union's gazetteer id -> the region that lends it a point.
UNION_TERRITORIES = {"org:eu": "geonames:6255148", "org:african-union": "geonames:6255146"}


def nest_union_territories(resolver, clusters: list[MentionCluster], doc: Doc) -> None:
    """Each mention of a union of states (:data:`UNION_TERRITORIES`) is also, nested on the same
    characters, a mention of the union as a place: one entity of that name, with no gazetteer id of
    its own, whose approximate point (``MentionCluster.near``) is its members' continent.  The
    organisation keeps its mentions whole and stays the actor.  A union the article names on its own
    is a place inside a longer name too ("a new EU Aviation Strategy"); one it does not name is not
    ("AU Optronics")."""
    territories: dict[str, MentionCluster] = {}
    for outer in list(clusters):
        region = UNION_TERRITORIES.get(outer.kb or "")
        if region is None or outer.label != "ORG" or not outer.mentions:
            continue
        territory = territories.setdefault(outer.kb, MentionCluster("GPE", None, near=region))
        for m in outer.mentions:
            territory.mentions.append(
                MentionRecord(m.start, m.end, m.start_char, m.end_char, m.text, "GPE", None, nested_in=outer)
            )
    if not territories or resolver.gazetteer is None:
        clusters.extend(territories.values())
        return
    for outer in list(clusters):
        if outer.label not in NESTING_LABELS or outer.kb in UNION_TERRITORIES:
            continue
        for m in outer.mentions:
            for tok in doc[m.start : m.end]:
                if not tok.is_upper or len(tok) < 2:
                    continue  # a union inside a name is its acronym ("EU Aviation Strategy")
                union = next((p.id for p in resolver.gazetteer.lookup(tok.text)[:1] if p.id in territories), None)
                if union is not None:
                    territories[union].mentions.append(
                        MentionRecord(
                            tok.i, tok.i + 1, tok.idx, tok.idx + len(tok), tok.text, "GPE", None, nested_in=outer
                        )  # fmt: skip
                    )
    clusters.extend(territories.values())


def _places_in(resolver, doc: Doc, m: MentionRecord, by_kb: dict, codes: set[str], surnames: set[str],
               lower_words: set[str], peoples: frozenset = frozenset()):  # fmt: skip
    """``(token start, token end, place)`` of the places inside mention ``m``, longest runs first,
    never overlapping one another nor the whole mention."""
    used: set[int] = set()
    for n in range(m.end - m.start - 1, 0, -1):
        for i in range(m.start, m.end - n + 1):
            run = doc[i : i + n]
            if used & set(range(i, i + n)) or not _name_run(run):
                continue
            place = _well_known(resolver, run, at_end=i + n == m.end, by_kb=by_kb, codes=codes, opens=i == m.start,
                                peoples=peoples)  # fmt: skip
            if place is None:
                continue
            if place.id not in by_kb and _reads_as_person(doc, run, m, surnames, lower_words):
                continue
            used |= set(range(i, i + n))
            yield i, i + n, place


def _known_outlet(resolver, cluster: MentionCluster, m: MentionRecord) -> bool:
    """Whether mention ``m`` names a news outlet of the gazetteer's organisations, by its last word ("Post",
    "Times", "Herald")."""
    org = resolver.place(cluster.kb)
    return org is not None and org.kind == "org" and m.text.split()[-1].lower() in OUTLET_HEAD_WORDS


def _unknown_place_name(cluster: MentionCluster) -> bool:
    """A name the model typed a place that the gazetteer does not know and nothing placed ("Montgomery
    County Democrats"): it may still open with a place."""
    return cluster.label in ("GPE", "LOC") and cluster.kb is None and cluster.near is None


def _organisation_typed_person(doc: Doc, m: MentionRecord) -> bool:
    """A PERSON mention that is an organisation's name: a word of an organisation after its first
    ("Alberta Sheriffs"), none of a given name opening it."""
    words = doc[m.start : m.end]
    if len(words) < 2 or words[0].lower_ in GIVEN_NAMES:
        return False
    return any(t.lower_ in _PERSON_TYPED_ORG_WORDS for t in words[1:])


def _dateline_run(run) -> bool:
    """A name in capitals before "(" or a dash, as a dateline is written ("WASHINGTON (AP) —"), run into the
    byline before it by the model."""
    text = run.doc.text
    return run.text.isupper() and len(run.text) > 2 and bool(_DATELINE_MARK.match(text, run.end_char))


def _reads_as_person(doc: Doc, run, m: MentionRecord, surnames: set[str], lower_words: set[str]) -> bool:
    """A run that is rather a person's name or a common word: "Stanley" of "Mr. Stanley", a given name
    ("Victoria's Secret"), a surname after a given name ("John Austin Foundation"), "Reading" of "reading"."""
    if run.start > m.start and doc[run.start - 1].lower_ in GIVEN_NAMES:
        return True
    if opens_with_given_names(doc[m.start : run.start].text):
        return True  # "Ruth Ellen Lisbon Middle School": a person's full name, the last word a surname
    if len(run) > 1:
        return False
    word = run[0]
    if word.text.isupper():  # "US" in "US Soccer" is no "us"
        return False
    return normalize_name(word.text) in surnames or word.lower_ in GIVEN_NAMES or word.lower_ in lower_words


def opens_with_given_names(words_before: str) -> bool:
    """Whether the words of a name before a run are a person's given names, one to three capitalised
    words the first of which is a given name ("Ruth Ellen" of "Ruth Ellen Lisbon Middle School"): the run
    is then the person's surname, not a town."""
    words = words_before.split()
    return (
        1 <= len(words) <= 3 and words[0].lower() in GIVEN_NAMES
        # a credit line's "Jane Roe/Canadian Press" holds a slash: no one person's name
        and all(w[:1].isupper() and w.rstrip(".").isalpha() and w.lower().strip(".") not in _NAME_WORDS for w in words)
    )  # fmt: skip


def _name_run(run) -> bool:
    """Capitalised name words, not only words any name may hold ("General", "County", "New")."""
    if not all(t.text.replace(".", "").isalpha() and t.text[:1].isupper() for t in run):
        return False  # words and abbreviations ("U.S." in "U.S. Department of Transportation")
    return not all(t.lower_ in _NAME_WORDS for t in run)


def _spelt_as(name: str, place) -> bool:
    """Whether ``name`` is written as the place is, case and all ("La" of "La Niña" is no "LA"), or in
    capitals ("DALLAS MAVERICKS"); the gazetteer's keys ignore case, a name inside a name may not."""
    forms = {_unaccented(f) for f in (place.name, *place.aliases)}
    name = _unaccented(name)
    return name in forms or (name.isupper() and name in {f.upper() for f in forms})


def _unaccented(text: str) -> str:
    """``text`` without accents, case kept: "Zurich Insurance" is written as Zürich is."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _nationality(resolver, name: str, at_end: bool):
    """A people's adjective that opens or sits inside a name ("Danish Press Agency", "Kenyan Army Signals
    Corps"): the nationality with its country's point.  Only its own name, never an alias ("Republican"
    is one of the United States' nationality's), and only one with a point: faiths and broad groups
    ("Catholic", "Arab", "Western") have none."""
    if at_end:
        return None  # "the Bank of the Canadian" is no name; an adjective ends no organisation's name
    people = next(
        (p for p in resolver.gazetteer.lookup(name, include_alternate=False)[:3]
         if p.kind == "nationality" and p.lat is not None and p.name == name),
        None,
    )  # fmt: skip
    if people is None and name.endswith("an"):
        # a continent's or region's adjective: "North American" (Free Trade Agreement), "Asian" (Development
        # Bank), "Scandinavian" -- the continent, never a country ("Indian" is no "India" here)
        people = next(
            (p for p in resolver.gazetteer.lookup(name[:-1], include_alternate=False)[:3]
             if p.kind in ("continent", "region") and p.lat is not None),
            None,
        )  # fmt: skip
    return people


def _well_known(resolver, run, at_end: bool, by_kb: dict, codes: set[str], opens: bool = False,
                peoples: frozenset = frozenset()):  # fmt: skip
    """The place ``run`` names, if well known enough to read out of a longer name (module docstring)."""
    name = collapse_spaces(run.text)
    candidates = resolver.gazetteer.lookup(name, include_alternate=False)
    # the first twelve, and any further county in a state the article names (eighteen US counties are
    # called Montgomery); not further towns, which would crowd out a famous namesake
    candidates = candidates[:12] + [p for p in candidates[12:] if p.kind == "admin2" and p.admin in codes]
    found = [p for p in candidates
             if p.kind in _WIDE_KINDS + ("admin2", "city") and (p.lat is not None or p.kind == "country")
             and _spelt_as(name, p)]  # fmt: skip
    if not found:
        return _nationality(resolver, name, at_end)
    named = next((p for p in found if p.id in by_kb), None)
    if named is not None:
        return named  # the article names it on its own: "Dallas ... the Dallas Mavericks"
    if opens and len(run) == 1 and run[0].lower_ in LANDFORM_NOUNS:
        # "Gulf Energy Forum", "Delta Farmers Association": a feature's noun opening a name, no province
        # of that name abroad ("Niger Delta" keeps Delta State, which lies in it)
        return None
    # a town or county in a state the article names before a famous namesake: the "Paris Police
    # Department" of a story from Edgar County, Illinois is not France's capital (nor, under
    # LOCAL_CITY_POPULATION, read at all)
    local = [p for p in found if p.kind in ("city", "admin2") and p.admin in codes]
    if len(local) > 1:
        # of namesakes in several of the article's states, first the one in the state most of its places
        # lie in ("Jackson County Fair" in a story from Iowa towns that mentions Chicago once)
        states = Counter(q.admin for q in map(resolver.place, by_kb) if q is not None and q.admin)
        local.sort(key=lambda p: -states[p.admin])
    if local:
        found = local + [p for p in found if p.kind in _WIDE_KINDS]  # no famous namesake town
    if _dateline_run(run):  # "Associated Press WASHINGTON (AP) —": a dateline names the town filed from
        town = next((p for p in found if p.kind == "city" and p.notable), None)
        if town is not None:
            return town
    for p in found:
        if p.kind == "country" and p.id not in by_kb:
            # "the Georgia State Patrol" in a story naming Indiana and Nebraska: the state, when the article
            # names other states of its country and nothing of the same-named country
            state = _state_among_named_states(resolver, found, by_kb, peoples)
            if state is not None:
                return state
        if p.kind == "admin1" and len(run) == 1 and _abroad_of_every_named_place(resolver, p, by_kb):
            continue  # "Northern Unity Front" in a story of Sudan: no state "Unity" of South Sudan
        if p.kind in _WIDE_KINDS:
            return p
        if p.kind == "admin2":
            counties = [q for q in found if q.kind == "admin2"]
            if len(run) > 1 and (len(counties) == 1 or p.admin in codes):
                return p  # "Edgar County": one of that name, or the one in the article's state
            continue
        if at_end:
            continue  # "Morgan Stanley": a city that ends a name is most often a person's
        if p.population >= NESTED_CITY_POPULATION or (p.admin in codes and p.population >= LOCAL_CITY_POPULATION):
            return p
    return _nationality(resolver, name, at_end)  # "Canadian" is a small town in Texas, too


def _abroad_of_every_named_place(resolver, place, by_kb: dict) -> bool:
    """Whether the article names places, none of them in the country of ``place``: a one-word region read
    out of a longer name is then most often a word of that name ("Unity", "Liberty"), not a region abroad."""
    countries = {q.country for q in (resolver.place(kb) for kb in by_kb) if q is not None and q.country}
    return bool(countries) and place.country not in countries


def _state_among_named_states(resolver, found: list, by_kb: dict, peoples: frozenset = frozenset()):
    """The admin1 region of ``found`` whose country's other admin1 regions the article names on their own,
    when the article names no place of another country (the same-named one or any other) and not the
    same-named country's people ("Georgian diplomats", ``peoples``); else None."""
    named = [p for p in (resolver.place(kb) for kb in by_kb) if p is not None]
    states = [p for p in named if p.kind == "admin1" and p.admin]
    states_of = {country_part(p.admin) for p in states}
    country = next((p for p in found if p.kind == "country"), None)
    if country is None or {p.country for p in named} - {p.country for p in states} or country.country in peoples:
        return None
    return next((p for p in found if p.kind == "admin1" and country_part(p.admin) in states_of), None)
