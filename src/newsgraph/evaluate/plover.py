"""PLOVER gold-standard sentences (CAMEO manual examples, PLOVER 0.5 categories).

``PLOVER_GSR_CAMEO.json`` is a JSON array of records: ``text`` (one sentence),
``event`` (type), ``source``/``target`` (lists of actors with a ``code``).  The
record without text (the ``DOCUMENT`` header) is skipped.

- Event type: the 0.5 categories are mapped to the current 16 by
  :data:`CATEGORY_MAP`.  Our type for a sentence is that of its main event, the
  one whose trigger comes first; a sentence without an event counts as wrong.
  "any event" is the looser share of sentences where one of our events has the gold type.
- Actors: the gold country codes of the source (target) actors, against the
  ``country`` of our main event's source (target) entities, as sets per
  sentence, micro-averaged.  Legacy CAMEO codes are mapped to ISO 3166
  (JAP→JPN, ITL→ITA, VTN→VNM); non-country codes (IGO, NGO, IMG, ISM) are not
  gold country codes, so a country we give for such an actor is a false positive.
- Baseline for the type: always the most frequent gold type (it is told the
  gold distribution, so it is an upper bound for a constant guess).  spaCy has
  no events or actor codes: no baseline for those.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article, Event
from ..model.confidence import visible
from .calibration import bins_to_dicts, calibration_bins
from .common import EvalReport, Timer, analyze, pipeline_components, plain_document
from .scoring import PRF, prf, safe_div

__all__ = [
    "CATEGORY_MAP",
    "PLOVER_TYPES",
    "map_category",
    "map_country",
    "PloverRecord",
    "load",
    "main_event",
    "actor_countries",
    "RECIPROCAL_TYPES",
    "event_right",
    "score",
    "run",
]

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
CATEGORY_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
LEGACY_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
TARGETS = {"type_accuracy": 0.70, "source_f1": 0.80, "target_f1": 0.70}


def map_category(event: str) -> str:
    """A PLOVER 0.5 category in the current 16 (unknown names pass through upper-cased)."""
    event = event.strip().upper()
    return CATEGORY_MAP.get(event, event)


def map_country(code: str | None) -> str | None:
    """An ISO 3166 alpha-3 code for a gold actor code, or ``None`` for non-country codes."""
    if not code:
        return None
    code = LEGACY_COUNTRY.get(code.strip().upper(), code.strip().upper())
    try:
        import pycountry

        return code if pycountry.countries.get(alpha_3=code) else None
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return code if len(code) == 3 and code not in ("IGO", "NGO", "IMG", "ISM") else None


@dataclass
class PloverRecord:
    id: str
    text: str
    event: str  # mapped category
    original_event: str
    source: set[str] = field(default_factory=set)  # gold country codes
    target: set[str] = field(default_factory=set)
    source_actors: list[str] = field(default_factory=list)
    target_actors: list[str] = field(default_factory=list)
    trigger: str = ""


def _actors(value) -> list[dict]:
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def load(data_path: Path, limit: int | None = None) -> list[PloverRecord]:
    path = Path(data_path)
    json_path = path / "PLOVER_GSR_CAMEO.json" if path.is_dir() else path
    if not json_path.is_file():
        raise FileNotFoundError(f"{data_path}: PLOVER_GSR_CAMEO.json not found")
    records = []
    for raw in json.loads(json_path.read_text(encoding="utf-8")):
        text = (raw.get("text") or "").strip()
        if not text or raw.get("event") == "DOCUMENT":
            continue
        src, tar = _actors(raw.get("source")), _actors(raw.get("target"))
        records.append(
            PloverRecord(
                id=raw.get("id", str(len(records))),
                text=text,
                event=map_category(raw["event"]),
                original_event=raw["event"],
                source={c for c in (map_country(a.get("code")) for a in src) if c},
                target={c for c in (map_country(a.get("code")) for a in tar) if c},
                source_actors=[f"{a.get('actorText')}/{a.get('code')}" for a in src],
                target_actors=[f"{a.get('actorText')}/{a.get('code')}" for a in tar],
                trigger=raw.get("eventText") or "",
            )
        )
        if limit is not None and len(records) >= limit:
            break
    return records


def main_event(article: Article) -> Event | None:
    """The sentence's main event: the one whose trigger comes first."""
    if not article.events:
        return None
    return min(article.events, key=lambda ev: (ev.trigger.start, ev.trigger.end))


def actor_countries(article: Article, entity_ids: list[str]) -> set[str]:
    out = set()
    for eid in entity_ids:
        ent = article.entity(eid)
        if ent is not None and ent.country:
            out.add(ent.country.upper())
    return out


# meetings and agreements have parties, not a direction: the gold parties may sit on either side
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def event_right(rec: PloverRecord, article: Article, event: Event) -> bool:
    """What an event's confidence claims: its type is the gold type and each side the gold names is
    matched by country (the real-news scorer's test, with countries for names; reciprocal types
    accept a gold party on either side)."""
    if event.type.upper() != rec.event:
        return False
    src, tgt = actor_countries(article, event.source), actor_countries(article, event.target)
    if rec.event in RECIPROCAL_TYPES:
        return bool((rec.source | rec.target) & (src | tgt)) or not (rec.source | rec.target)
    return (not rec.source or bool(src & rec.source)) and (not rec.target or bool(tgt & rec.target))


@dataclass
class PloverScores:
    n: int = 0
    type_correct: int = 0
    any_correct: int = 0
    with_event: int = 0
    source: PRF = field(default_factory=PRF)
    target: PRF = field(default_factory=PRF)
    baseline_type: str | None = None
    baseline_correct: int = 0
    confusion: Counter = field(default_factory=Counter)  # (gold, ours) -> count
    errors: list[dict] = field(default_factory=list)
    actor_errors: list[dict] = field(default_factory=list)
    # (confidence, type and actors right) of each sentence's main event: the calibration table
    event_pairs: list[tuple[float | None, bool]] = field(default_factory=list)


def score(records: list[PloverRecord], articles: list[Article]) -> PloverScores:
    s = PloverScores(n=len(records))
    counts = Counter(r.event for r in records)
    if counts:
        s.baseline_type, s.baseline_correct = counts.most_common(1)[0]
    src_tp = src_fp = src_fn = tar_tp = tar_fp = tar_fn = 0
    for rec, art in zip(records, articles):
        ev = main_event(art)
        ours = ev.type.upper() if ev else None
        s.with_event += ev is not None
        s.type_correct += ours == rec.event
        if ev is not None:
            s.event_pairs.append((ev.confidence, event_right(rec, art, ev)))
        s.any_correct += any(e.type.upper() == rec.event for e in art.events)
        s.confusion[(rec.event, ours or "(none)")] += 1
        p_src = actor_countries(art, ev.source) if ev else set()
        p_tar = actor_countries(art, ev.target) if ev else set()
        src_tp += len(p_src & rec.source)
        src_fp += len(p_src - rec.source)
        src_fn += len(rec.source - p_src)
        tar_tp += len(p_tar & rec.target)
        tar_fp += len(p_tar - rec.target)
        tar_fn += len(rec.target - p_tar)
        if ours != rec.event:
            s.errors.append(
                {
                    "id": rec.id,
                    "gold": rec.event,
                    "gold_0.5": rec.original_event,
                    "ours": ours,
                    "gold_trigger": rec.trigger,
                    "our_trigger": ev.trigger.text if ev else None,
                    "text": rec.text,
                }
            )
        if p_src != rec.source or p_tar != rec.target:
            s.actor_errors.append(
                {
                    "id": rec.id,
                    "gold_source": sorted(rec.source),
                    "our_source": sorted(p_src),
                    "gold_source_actors": rec.source_actors,
                    "gold_target": sorted(rec.target),
                    "our_target": sorted(p_tar),
                    "gold_target_actors": rec.target_actors,
                    "text": rec.text,
                }
            )
    s.source = prf(src_tp, src_fp, src_fn)
    s.target = prf(tar_tp, tar_fp, tar_fn)
    return s


def run(
    data_path: Path, *, limit: int | None = None, baseline: bool = True, options=None, min_confidence=None
) -> EvalReport:
    """``min_confidence``: events (and entities) below it are dropped before scoring."""
    timer = Timer()
    records = load(data_path, limit)
    articles = analyze([plain_document(r.text, path=f"plover:{r.id}") for r in records], options)
    if min_confidence is not None:
        articles = [visible(a, min_confidence) for a in articles]
    s = score(records, articles)
    n_src = sum(len(r.source) for r in records)
    n_tar = sum(len(r.target) for r in records)
    report = EvalReport(
        dataset="plover",
        data_path=str(data_path),
        subset=(
            f"{len(records)} sentences of PLOVER_GSR_CAMEO.json (every record with text); 0.5 categories mapped: "
            "DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT"
        ),
        n_documents=len(records),
        limit=limit,
        baseline_name=(
            f"type: always the most frequent gold type ({s.baseline_type}); actors: — (spaCy has no events)"
        ),
        components=pipeline_components(options),
        notes=[
            "Each sentence is analysed as its own document. Our type = the event whose trigger comes first; "
            "no event counts as wrong.",
            "Actor countries: sets per sentence, micro P/R/F1; legacy codes JAP, ITL, VTN mapped to ISO; "
            "IGO, NGO, IMG, ISM are not countries (no gold country).",
        ],
    )
    report.add(
        "all sentences",
        "event type accuracy (main event)",
        safe_div(s.type_correct, s.n),
        safe_div(s.baseline_correct, s.n) if baseline else None,
        TARGETS["type_accuracy"],
        s.n,
    )
    report.add("all sentences", "event type accuracy (any event)", safe_div(s.any_correct, s.n), None, None, s.n)
    report.add("all sentences", "sentences with an event", safe_div(s.with_event, s.n), None, None, s.n)
    report.add("source actors", "country F1", s.source.f1, None, TARGETS["source_f1"], n_src)
    report.add("source actors", "country precision", s.source.precision, None, None, n_src)
    report.add("source actors", "country recall", s.source.recall, None, None, n_src)
    report.add("target actors", "country F1", s.target.f1, None, TARGETS["target_f1"], n_tar)
    report.add("target actors", "country precision", s.target.precision, None, None, n_tar)
    report.add("target actors", "country recall", s.target.recall, None, None, n_tar)
    report.examples = {
        "type_error": s.errors,
        "actor_error": s.actor_errors,
        "confusion": [{"gold": g, "ours": o, "n": n} for (g, o), n in s.confusion.most_common()],
    }
    report.notes.append(
        "Calibration: each sentence's main event, right when its type is the gold type and each side the gold "
        "names is matched by country (what an event's confidence is for), as the confidence model is trained."
    )
    report.calibration = {"events (type and actors)": bins_to_dicts(calibration_bins(s.event_pairs))}
    report.seconds = timer.seconds
    return report
