"""Accuracy evaluation on public annotated data sets (``newsgraph eval``).

Each data set has its own module with a ``run(data_path, *, limit, baseline,
options) -> EvalReport``; :func:`run_eval` dispatches by name.  The data sets live
outside the repository (``../shared/eval``, see its README) and are never copied in.

Every run scores our full pipeline and, on the same texts, the baseline
(spaCy ``en_core_web_sm`` alone) wherever the baseline has an output for the measure.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

from ..errors import InputError
from .common import EvalReport, Row, plain_document
from .markdown import write_accuracy_md

__all__ = ["DATASETS", "EvalReport", "Row", "run_eval", "write_accuracy_md", "plain_document", "resolve_data_path"]

# name -> (module, a file or folder that must exist inside the data folder)
DATASETS: dict[str, tuple[str, str]] = {
    "re3d": ("re3d", ""),
    "polnear": ("polnear", "dev"),
    "geowebnews": ("geowebnews", "GWN.xml"),
    "plover": ("plover", "PLOVER_GSR_CAMEO.json"),
    "realnews": ("realnews", "dev"),
}


def resolve_data_path(dataset: str, data_path: Path | str) -> Path:
    """The data set's folder: ``data_path`` itself, or ``data_path/<dataset>`` when given the eval root."""
    path = Path(data_path)
    if not path.exists():
        raise InputError("E001", path=str(path))
    _, marker = DATASETS[dataset]
    if path.is_dir() and not (marker and (path / marker).exists()) and (path / dataset).is_dir():
        return path / dataset
    return path


def run_eval(
    dataset: str,
    data_path: Path | str,
    *,
    limit: int | None = None,
    baseline: bool = True,
    options=None,
    min_confidence: float | None = None,
) -> EvalReport:
    """Evaluate the pipeline on ``dataset`` (``re3d``, ``polnear``, ``geowebnews``, ``plover``, ``realnews``).

    ``limit``: only the first N documents (records), for quick runs.
    ``baseline``: also score spaCy ``en_core_web_sm`` alone on the same texts.
    ``options``: :class:`~newsgraph.nlp.pipeline.AnalysisOptions`; default: never skip a text as non-English.
    ``min_confidence``: score only facts at or above it (``None``: every fact); data sets
    that score all facts regardless take no threshold.
    """
    if dataset not in DATASETS:
        raise ValueError(f"unknown data set {dataset!r}; choose one of {', '.join(DATASETS)}")
    if limit is not None and limit < 1:
        raise ValueError("limit must be at least 1")
    module = importlib.import_module(f"{__name__}.{DATASETS[dataset][0]}")
    path = resolve_data_path(dataset, data_path)
    if min_confidence is not None:
        from ..model.confidence import check_threshold

        check_threshold(min_confidence)
        if "min_confidence" not in inspect.signature(module.run).parameters:
            raise ValueError(f"{dataset} scores every fact; it takes no confidence threshold")
        return module.run(path, limit=limit, baseline=baseline, options=options, min_confidence=min_confidence)
    return module.run(path, limit=limit, baseline=baseline, options=options)
