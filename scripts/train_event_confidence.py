"""Fit the event confidence model (src/newsgraph/resources/event_confidence.json) on the PLOVER records.

    PYTHONPATH=src python scripts/train_event_confidence.py ../shared/eval/plover

Every event the coder writes for a PLOVER gold sentence is one example, with the evidence
features of ``newsgraph.nlp.events.confidence``.  It is right when its type is the gold type
and each side the gold names is matched by country (for CONSULT, AGREE and COOPERATE the
gold parties may sit on either side, as the real-news scorer has it).  A logistic model with
an L2 penalty is fitted with plain numpy; its L2 strength is chosen by 5-fold
cross-validation (log loss), the folds' held-out predictions give the calibration table
printed at the end, and the final weights are fitted on all records.  Nothing here reads the
real-news dev pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from newsgraph.evaluate.common import analyze, get_pipeline, plain_document
from newsgraph.evaluate.plover import load
from newsgraph.nlp.events.confidence import FEATURES, ConfidenceModel

RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}
OUT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "resources" / "event_confidence.json"


def countries(article, ids: list[str]) -> set[str]:
    return {e.country for e in (article.entity(i) for i in ids) if e is not None and e.country}


def examples(data: Path) -> tuple[np.ndarray, np.ndarray]:
    records = load(data)
    coder = get_pipeline().get_pipe("newsgraph_events_v1")
    coder.confidence_model = ConfidenceModel(0.0, {})  # not the shipped one, which may name other features
    rows, labels = [], []
    for rec in records:
        coder.evidence_log = []
        (article,) = analyze([plain_document(rec.text, path=f"plover:{rec.id}")])
        for event, features in coder.evidence_log:
            src, tgt = countries(article, event.source), countries(article, event.target)
            if event.type != rec.event:
                right = False
            elif rec.event in RECIPROCAL:
                right = (rec.source | rec.target) <= (src | tgt) or bool((rec.source | rec.target) & (src | tgt))
            else:
                right = (not rec.source or bool(src & rec.source)) and (not rec.target or bool(tgt & rec.target))
            rows.append([features[k] for k in FEATURES])
            labels.append(float(right))
    coder.evidence_log = None
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 3000) -> np.ndarray:
    """Weights (intercept first) by Newton's method on the L2-penalised log loss."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(xb.shape[1])
    penalty = np.eye(xb.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + penalty @ w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(w[0] + x @ w[1:])))


def held_out(x: np.ndarray, y: np.ndarray, l2: float, folds: int = 5) -> np.ndarray:
    order = np.random.default_rng(11).permutation(len(y))
    out = np.zeros(len(y))
    for k in range(folds):
        test = order[k::folds]
        train = np.setdiff1d(order, test)
        out[test] = predict(fit(x[train], y[train], l2), x[test])
    return out


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the PLOVER folder (PLOVER_GSR_CAMEO.json)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    x, y = examples(args.data)
    print(f"{len(y)} events, {int(y.sum())} right ({y.mean():.3f})", file=sys.stderr)
    losses = {l2: log_loss(held_out(x, y, l2), y) for l2 in (0.1, 1.0, 3.0, 10.0, 30.0)}
    l2 = min(losses, key=losses.get)
    print("cross-validated log loss by L2:", {k: round(v, 4) for k, v in losses.items()}, file=sys.stderr)
    cv = held_out(x, y, l2)
    print("held-out calibration (bin: n, mean confidence, share right):", file=sys.stderr)
    for lo in np.arange(0.0, 1.0, 0.1):
        sel = (cv >= lo) & (cv < lo + 0.1 + (1e-9 if lo >= 0.9 else 0))
        if sel.any():
            print(
                f"  [{lo:.1f}, {lo + 0.1:.1f}): {sel.sum():4d}  {cv[sel].mean():.3f}  {y[sel].mean():.3f}",
                file=sys.stderr,
            )
    w = fit(x, y, l2)
    model = {
        "about": "event confidence: logistic over newsgraph.nlp.events.confidence.FEATURES; "
        "fitted by scripts/train_event_confidence.py on the PLOVER gold sentences (5-fold CV for the L2 strength)",
        "l2": l2,
        "examples": int(len(y)),
        "intercept": round(float(w[0]), 4),
        "weights": {k: round(float(v), 4) for k, v in zip(FEATURES, w[1:])},
    }
    args.out.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(model, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
