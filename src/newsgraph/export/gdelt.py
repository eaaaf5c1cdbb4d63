"""A GDELT 2.0-style events table (tab-separated, GDELT's column names, one event a row).

What differs from GDELT, on purpose:
- Only ``asserted`` events are written by default: negated, hypothetical,
  attempted, future and reported events are not things that happened.
- Event codes come from our PLOVER types: ``EventRootCode`` is the CAMEO root
  that the PLOVER type corresponds to, and ``GoldsteinScale`` is that root's
  typical Goldstein value ("Goldstein-like"), not a per-code score.
- ``*_CountryCode`` in the geo fields is ISO 3166 alpha-3, like the actor
  codes, not GDELT's FIPS 10-4.
- Nine columns follow GDELT's 61 with the evidence: PLOVER type and mode,
  modality, the trigger text and its offsets, the article id and file path,
  and the event's confidence (0..1, empty where none was computed).
- One row per event cluster: the reports of one happening by several articles
  of a story are one row (the first report's), and ``NumMentions``,
  ``NumSources`` (outlets) and ``NumArticles`` count them all; a near-copy of
  an article (syndication) is not counted again.
- Events below the confidence threshold (``newsgraph.MIN_CONFIDENCE`` unless
  told otherwise) are not written.
"""

from __future__ import annotations

import csv
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from ..store.snapshot import Snapshot

__all__ = ["GDELT_COLUMNS", "EXTRA_COLUMNS", "PLOVER_TO_CAMEO_ROOT", "export_gdelt_events"]

_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR]
    + [f"Actor2{c}" for c in _ACTOR]
    + [
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    ]
    + [f"Actor1Geo_{c}" for c in _GEO]
    + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
EXTRA_COLUMNS = [
    "PloverType",
    "PloverMode",
    "Modality",
    "TriggerText",
    "TriggerStart",
    "TriggerEnd",
    "ArticleId",
    "SourcePath",
    "Confidence",
    "Published",  # the article's publication date; SQLDATE is the event's own date only
]

# PLOVER type -> (CAMEO root code, QuadClass, Goldstein value typical of that root).
# Roots follow the CAMEO->PLOVER table of the PLOVER manual, read in reverse.
PLOVER_TO_CAMEO_ROOT = {
    "AGREE": ("03", 1, 4.0),
    "CONSULT": ("04", 1, 1.0),
    "SUPPORT": ("05", 1, 3.5),
    "CONCEDE": ("08", 2, 5.0),
    "COOPERATE": ("06", 2, 6.0),
    "AID": ("07", 2, 7.0),
    "RETREAT": ("08", 2, 5.0),
    "REQUEST": ("02", 1, 3.0),
    "ACCUSE": ("11", 3, -2.0),
    "REJECT": ("12", 3, -4.0),
    "THREATEN": ("13", 3, -6.0),
    "PROTEST": ("14", 3, -6.5),
    "SANCTION": ("16", 3, -4.0),
    "MOBILIZE": ("15", 4, -7.2),
    "COERCE": ("17", 4, -7.0),
    "ASSAULT": ("18", 4, -9.0),
}
# Our actor sectors -> CAMEO actor type codes.
SECTOR_CODES = {
    "government": "GOV",
    "military": "MIL",
    "police": "COP",
    "rebel": "REB",
    "civilian": "CVL",
    "business": "BUS",
    "media": "MED",
    "igo": "IGO",
}


def _event_id(article_id: str, idx: int) -> int:
    """A stable 63-bit id, the same on every export of the same store."""
    return int(hashlib.sha256(f"{article_id}:{idx}".encode()).hexdigest()[:15], 16)


def _actor(ents: dict, ids: list[str], sector: str | None) -> list:
    if not ids or ids[0] not in ents:
        return [""] * len(_ACTOR)
    ent = ents[ids[0]]
    country = ent["country"] or ""
    type_code = SECTOR_CODES.get(sector or "", "")
    names = " and ".join(ents[i]["name"] for i in ids if i in ents)
    return [country + type_code, names, country, "", "", "", "", type_code, "", ""]


def _geo(ent) -> list:
    if ent is None or ent["lat"] is None:
        return [0, "", "", "", "", "", "", ""]
    gid = ent["gazetteer_id"] or ""
    kind = gid.split(":", 1)[0]
    # GDELT geo types: 1 country, 5 first-order region, 4 anything finer (cities, features).
    geo_type = 1 if kind == "iso3166" else 5 if kind == "iso3166-2" else 4
    feature = gid.split(":", 1)[1] if kind == "geonames" else ""
    return [geo_type, ent["name"], ent["country"] or "", "", "", round(ent["lat"], 4), round(ent["lon"], 4), feature]


def export_gdelt_events(
    snapshot: Snapshot, out: Path, modalities: tuple[str, ...] = ("asserted",), min_confidence: float = 0.0
) -> int:
    """Write the events of ``snapshot`` at or above ``min_confidence`` to ``out``; return the number of rows."""
    added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    n = 0
    ents_cache: tuple[str, dict] = ("", {})
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(GDELT_COLUMNS + EXTRA_COLUMNS)
        for ev in snapshot.events(modalities, min_confidence):
            if ents_cache[0] != ev["article_id"]:
                ents_cache = (ev["article_id"], snapshot.entities(ev["article_id"]))
            ents = ents_cache[1]
            writer.writerow(_row(ev, ents, added))
            n += 1
    return n


def _row(ev, ents: dict, added: str) -> list:
    source, target = json.loads(ev["source"]), json.loads(ev["target"])
    root, quad, goldstein = PLOVER_TO_CAMEO_ROOT.get(ev["type"], ("", "", ""))
    # Only a date the text gives: GDELT stamps every event with the day it was reported,
    # which dates "X resigned in 1934", written in 2024, to 2024.  Undated events keep
    # SQLDATE empty and the publication date goes to the Published evidence column.
    day = (ev["date"] or "")[:10]
    sqldate = day.replace("-", "") if len(day) == 10 else ""
    year = sqldate[:4]
    fraction = ""
    if sqldate:
        d = datetime.strptime(sqldate, "%Y%m%d")
        fraction = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"
    paragraphs = json.loads(ev["paragraphs"] or "[]")
    body = [p for p in paragraphs if p.get("kind") != "title"]
    lead_end = body[0]["end"] if body else 0
    mentions = json.loads(ev["mentions"] or "[]")
    first = lambda ids: ents.get(ids[0]) if ids else None  # noqa: E731
    return (
        [_event_id(ev["article_id"], ev["idx"]), sqldate, sqldate[:6], year, fraction]
        + _actor(ents, source, ev["source_sector"])
        + _actor(ents, target, ev["target_sector"])
        + [1 if ev["trigger_start"] < lead_end else 0, root, root, root, quad, goldstein]
        + [ev.get("num_mentions", 1 + len(mentions)), ev.get("num_sources", 1), ev.get("num_articles", 1), 0]
        + _geo(first(source))
        + _geo(first(target))
        + _geo(ents.get(ev["location"]) if ev["location"] else None)
        + [added, ev["url"] or ev["path"] or ""]
        + [
            ev["type"],
            ev["mode"] or "",
            ev["modality"],
            ev["trigger_text"],
            ev["trigger_start"],
            ev["trigger_end"],
            ev["article_id"],
            ev["path"] or "",
            "" if ev["confidence"] is None else round(ev["confidence"], 3),
            (ev["published"] or "")[:10],
        ]
    )
