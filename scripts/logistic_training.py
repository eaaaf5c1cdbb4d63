"""What the PolNeAR-trained confidence scripts share (train_quote_confidence.py, train_finding_confidence.py).

Imported by those scripts as a sibling module (``python scripts/X.py`` puts this folder on the path):
the pipeline's Doc for one training article, the cache of parsed examples, the L2-regularised
logistic fit (Newton's method in plain numpy), the out-of-fold check (5 folds by article: log-loss,
Brier score and expected calibration error of predictions made on articles the fit never saw), and
the weights file both write.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

from newsgraph.nlp.pipeline import our_component_names

RESOURCES = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "resources"


def parsed(nlp, document, only: tuple[str, ...] | None = None):
    """The pipeline's Doc for a short document, as ``analyze_document`` builds it (one chunk); with
    ``only``, just those of our components run (the speaker ranker reads the Doc up to coreference)."""
    ours = our_component_names(nlp)
    with nlp.select_pipes(disable=ours):
        doc = nlp(document.text)
    doc._.ng_published = document.published
    doc._.ng_paragraphs = list(document.paragraphs)
    for name in ours:
        if only is None or name in only:
            doc = nlp.get_pipe(name)(doc)
    return doc


def read_cache(cache: Path | None) -> dict[tuple[str, str], list]:
    """The examples already parsed, by (split, article name), from a JSON-lines cache."""
    done = {}
    if cache is not None and cache.exists():
        for line in cache.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            done[(row["split"], row["name"])] = row["rows"]
    return done


def append_cache(cache: Path, split: str, name: str, rows: list) -> None:
    with cache.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"split": split, "name": name, "rows": rows}) + "\n")


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    """Intercept and weights of an L2-regularised logistic regression (the intercept not shrunk)."""
    x = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        w -= np.linalg.solve(hess, grad)
    return w


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(np.hstack([np.ones((len(x), 1)), x]) @ w)))


def print_bins(p: np.ndarray, y: np.ndarray) -> None:
    """The training rows' calibration, by fifths of predicted probability."""
    for lo in np.arange(0, 1, 0.2):
        sel = (p >= lo) & (p < lo + 0.2)
        if sel.any():
            print(f"train bin [{lo:.1f},{lo + 0.2:.1f}): n={sel.sum()} right={y[sel].mean():.2f}")


def print_out_of_fold(rows, features, final: Callable[[dict, float], float] | None = None, folds: int = 5) -> None:
    """Calibration out of fold on (evidence dict, kind, right, article name) rows: each article's
    predictions come from a fit on the other folds' articles; ``final`` applies what the runtime does
    after the model (the quote model's cap)."""
    x, y = matrix(rows, features), np.array([r[2] for r in rows], dtype=float)
    fold = np.array([zlib.crc32(r[3].encode()) % folds for r in rows])
    if any(len(set(y[fold != k])) < 2 for k in range(folds)):
        print("out of fold: too few examples (a fold's training part holds one label only)")
        return
    p = np.zeros(len(y))
    for k in range(folds):
        p[fold == k] = predict(x[fold == k], fit(x[fold != k], y[fold != k]))
    if final is not None:
        p = np.array([final(r[0], v) for r, v in zip(rows, p)])
    q = np.clip(p, 1e-6, 1 - 1e-6)
    log_loss = -np.mean(y * np.log(q) + (1 - y) * np.log(1 - q))
    ece = 0.0
    for lo in np.arange(0, 1, 0.2):
        sel = (p >= lo) & ((p < lo + 0.2) | (lo >= 0.8))
        if sel.any():
            ece += sel.sum() / len(p) * abs(p[sel].mean() - y[sel].mean())
            print(
                f"out of fold [{lo:.1f},{lo + 0.2:.1f}): n={sel.sum()} right={y[sel].mean():.2f} predicted={p[sel].mean():.2f}"
            )
    print(f"out of fold: log-loss {log_loss:.4f}, Brier {np.mean((p - y) ** 2):.4f}, ECE {ece:.4f}")


def matrix(rows, features) -> np.ndarray:
    """The feature matrix of (evidence dict, kind, right) rows."""
    return np.array([[r[0].get(name, 0.0) for name in features] for r in rows], dtype=float)


def print_dev_by_kind(rows, features, w: np.ndarray, kinds) -> None:
    """Predicted against observed precision per kind, on (evidence dict, kind, right) dev rows."""
    p = predict(matrix(rows, features), w)
    for kind in kinds:
        sel = np.array([r[1] == kind for r in rows])
        if sel.any():
            right = np.mean([r[2] for r, s in zip(rows, sel) if s])
            print(f"dev {kind}: n={sel.sum()} predicted={p[sel].mean():.2f} observed={right:.2f}")


def write_weights(
    out: Path, script: str, features, w: np.ndarray, y: np.ndarray, limit: int | None, calibration: dict | None = None
) -> None:
    """The resource file the runtime reads: intercept and one weight per feature (and, for the quote
    model, the Platt step fitted on PolNeAR dev)."""
    weights = {"intercept": round(float(w[0]), 4)} | {n: round(float(v), 4) for n, v in zip(features, w[1:])}
    extra = {"calibration": calibration} if calibration is not None else {}
    out.write_text(
        json.dumps(
            {"source": f"PolNeAR train (scripts/{script})", "examples": len(y), "articles_limit": limit,
             "positive_rate": round(float(y.mean()), 4), "weights": weights} | extra,
            indent=2,
        ) + "\n",
        encoding="utf-8",
    )  # fmt: skip
