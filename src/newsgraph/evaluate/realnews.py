"""Real news pages with hand-made gold, scored by the shared scorer (``../shared/eval/realnews``).

The scorer is not ours and is not copied in: ``score.py`` beside the data folder
is loaded at run time and its own functions score each article
(``score_article``, ``Tally``, ``figures``), so the figures are the ones
``score.py DIR --json`` prints.  Each article is analysed once, the way the
scorer does it (``newsgraph.analyze(path)``: the file's first article, default
analysis options); with ``min_confidence`` the entities, quotes and events below
it are dropped before scoring, as the scorer's ``--min-confidence`` does.

The calibration table bins each kind of fact by confidence.  The scorer gives
totals, not a verdict per fact, so a bin's counts are the difference between the
counts at its lower and its upper edge, keeping only that kind of fact above the
threshold (the others all stay, so a quote's speaker can still be matched).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import InputError
from ..model.confidence import MIN_CONFIDENCE, confidence_of
from .calibration import EDGES, bins_from_thresholds, bins_to_dicts
from .common import EvalReport, Timer, get_pipeline, pipeline_components

__all__ = ["SCORER_NAME", "INPUT_SUFFIXES", "load_scorer", "find_articles", "analyse", "score", "run"]

SCORER_NAME = "score.py"
INPUT_SUFFIXES = {".html", ".htm", ".pdf", ".txt", ".jsonl"}  # as the scorer looks for them
FACT_KINDS = ("entities", "quotes", "events")
# The targets on this set (people/organisation/place precision and recall, quotes, events).
TARGETS = {
    "people_precision": 0.95,
    "people_recall": 0.90,
    "organizations_precision": 0.80,
    "organizations_recall": 0.75,
    "places_precision": 0.92,
    "places_recall": 0.85,
    "quotes_precision": 0.85,
    "quotes_speaker_accuracy": 0.92,
    "events_recall": 0.40,
}
# What a reader is shown: the quote target read at the default threshold too (the store keeps every fact,
# so the all-facts row counts quotes the reader hides).
TARGETS_AT_DEFAULT = {"quotes_precision": 0.85, "events_precision": 0.70}
# figure -> the count that is its denominator (the n of its row)
DENOMINATORS = {
    "body_found": "articles",
    "text_kept_over_body": "body_found",
    "people_precision": "people_system",
    "people_recall": "people_gold",
    "organizations_precision": "organizations_system",
    "organizations_recall": "organizations_gold",
    "places_precision": "places_system",
    "places_recall": "places_gold",
    "places_country_accuracy": "places_country_gold",
    "places_within_161km": "places_coords_gold",
    "quotes_recall": "quotes_gold",
    "quotes_speaker_accuracy": "quotes_found",
    "quotes_end_to_end": "quotes_gold",
    "quotes_precision": "quotes_system",
    "events_precision": "events_system",
    "events_precision_lenient": "events_system",
    "events_recall": "events_gold",
    "events_modality_accuracy": "events_found",
}
# Per kind of fact: the tally keys of (system facts, right ones) for the calibration table.
CALIBRATED = {
    "entities": (("people_system", "organizations_system", "places_system"), ("people_right", "organizations_right", "places_right")),
    "quotes": (("quotes_system",), ("quotes_right",)),
    "events": (("events_system",), ("events_right",)),
}  # fmt: skip


def data_folder(path: Path) -> Path:
    """The folder of ``NAME.gold.json`` files: ``path``, or its ``dev`` when given the set's root."""
    if not any(path.glob("*.gold.json")) and (path / "dev").is_dir():
        return path / "dev"
    return path


def load_scorer(data: Path) -> ModuleType:
    """The shared scorer, ``<data>/../score.py``, as a module (InputError E001 when it is absent)."""
    scorer = data.resolve().parent / SCORER_NAME
    if not scorer.is_file():
        raise InputError("E001", path=str(scorer))
    spec = importlib.util.spec_from_file_location("newsgraph_shared_realnews_score", scorer)
    if spec is None or spec.loader is None:
        raise InputError("E013", path=str(scorer), detail="not loadable as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and the like look their module up here
    spec.loader.exec_module(module)
    return module


def find_articles(data: Path, limit: int | None = None) -> list[tuple[str, Path, dict]]:
    """``(name, article file, gold)`` for each ``NAME.gold.json`` with an article beside it, in name order."""
    found = []
    for gold_path in sorted(data.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        inputs = [
            p
            for p in gold_path.parent.glob(stem + ".*")
            if p.suffix in INPUT_SUFFIXES and not p.name.endswith(".read.txt")
        ]
        if not inputs:
            continue  # the scorer skips it too, saying so
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold["article"] = stem
        found.append((stem, inputs[0], gold))
        if limit and len(found) >= limit:
            break
    return found


def analyse(path: Path) -> dict[str, Any]:
    """The article JSON of ``path`` as ``newsgraph.analyze(path).to_dict()`` gives it."""
    from ..nlp.pipeline import AnalysisOptions, analyze_documents
    from ..readers import read_path

    document = next(iter(read_path(path)), None)
    if document is None:
        raise InputError("E002", path=str(path))
    for _document, article in analyze_documents(get_pipeline(AnalysisOptions()), [document]):
        return article.to_dict()
    raise InputError("E002", path=str(path))


def _kept(art: dict, thresholds: dict[str, float | None]) -> dict:
    out = dict(art)
    for key, threshold in thresholds.items():
        if threshold is not None:
            out[key] = [x for x in art.get(key, []) if confidence_of(x) >= threshold]
    return out


def score(scorer: ModuleType, articles: list[tuple[dict, dict]], thresholds: dict[str, float | None]):
    """``(tally, errors)`` of the scorer over ``(article JSON, gold)`` pairs, facts filtered per kind."""
    tally, errors = scorer.Tally(), []
    for art, gold in articles:
        scorer.score_article(_kept(art, thresholds), gold, tally, errors)
    return tally, errors


def calibration(scorer: ModuleType, articles: list[tuple[dict, dict]]) -> dict[str, list[dict]]:
    out = {}
    for kind in FACT_KINDS:
        system_keys, right_keys = CALIBRATED[kind]

        def counts_at(threshold: float, kind=kind, system_keys=system_keys, right_keys=right_keys):
            tally, _ = score(scorer, articles, {kind: threshold})
            return sum(tally.get(k, 0) for k in system_keys), sum(tally.get(k, 0) for k in right_keys)

        out[kind] = bins_to_dicts(bins_from_thresholds(counts_at, EDGES))
    return out


def _add_rows(report: EvalReport, subset: str, figures: dict, targets: dict[str, float]) -> None:
    counts = figures.get("counts", {})
    for measure, value in figures.items():
        if measure in ("counts", "articles"):
            continue
        n = counts.get(DENOMINATORS.get(measure, ""), 0)
        report.add(subset, measure, value, None, targets.get(measure), n)


def run(
    data_path: Path,
    *,
    limit: int | None = None,
    baseline: bool = True,
    options=None,
    min_confidence: float | None = None,
) -> EvalReport:
    """Score the pipeline on the real-news pages in ``data_path``.

    ``baseline`` and ``options`` are accepted like every data set's ``run``: the
    scorer has no baseline, and the pages are analysed with the default options,
    as ``newsgraph.analyze`` (which the scorer calls) does.
    """
    data = data_folder(Path(data_path))
    scorer = load_scorer(data)
    timer = Timer()
    found = find_articles(data, limit)
    if not found:
        raise InputError("E002", path=str(data))
    articles = [(analyse(path), gold) for _name, path, gold in found]
    every = {kind: min_confidence for kind in FACT_KINDS}
    tally, errors = score(scorer, articles, every)
    figures = scorer.figures(tally)
    subset = f"{data.name}, confidence ≥ {min_confidence}" if min_confidence is not None else f"{data.name}, all facts"
    report = EvalReport(
        dataset="realnews",
        data_path=str(data),
        subset=f"{len(found)} pages of {data.name}; " + subset,
        n_documents=len(found),
        limit=limit,
        baseline_name="none: the shared scorer scores newsgraph only",
        components=pipeline_components(),
        figures=figures,
    )
    _add_rows(report, subset, figures, TARGETS)
    if min_confidence is None:
        at_default, _ = score(scorer, articles, {kind: MIN_CONFIDENCE for kind in FACT_KINDS})
        shown = scorer.figures(at_default)
        subset = f"{data.name}, confidence ≥ MIN_CONFIDENCE ({MIN_CONFIDENCE})"
        precision_first = ("quotes_precision", "events_precision", "events_precision_lenient", "events_recall")
        for measure in (m for m in precision_first if m in shown):
            n = shown["counts"].get(DENOMINATORS[measure], 0)
            report.add(subset, measure, shown[measure], None, TARGETS_AT_DEFAULT.get(measure), n)
    report.calibration = calibration(scorer, articles)
    report.examples["errors"] = [{"error": line} for line in errors]
    report.seconds = timer.seconds
    report.notes += [
        f"Figures from the shared scorer, `{SCORER_NAME}` beside the data folder, loaded at run time: "
        "the same as `score.py DIR --json`" + (f" `--min-confidence {min_confidence}`" if min_confidence else "") + ".",
        "Entities, quotes and events are matched to the gold by names, never offsets (see the scorer's README).",
        "Findings (what a record shows, what an unnamed group believes) are not scored here: the gold's quotes are "
        "statements attributed to someone, and it has no findings; they are never among the quotes scored.",
        "Calibration bins come from the scorer's counts at each bin's edges, filtering one kind of fact at a time; "
        "a fact without a confidence counts as 1.0.",
    ]
    return report
