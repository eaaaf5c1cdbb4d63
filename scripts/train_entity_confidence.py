"""Fit the entity confidence model (src/newsgraph/resources/entity_confidence.json) on re3d.

Every entity the pipeline finds in the re3d documents is a training row: its evidence features
(newsgraph.nlp.linking.confidence.entity_features) and whether it is right, that is, whether at
least half of its mentions overlap a gold span of its type (re3d's Person / Organisation /
Location / Nationality), a place also when it lies inside a gold span of another type (a country acting
as its government, which newsgraph keeps a place; a place inside a longer name).  A logistic regression (plain numpy, L2) gives the coefficients, in two
stages: the shared FEATURES first, then the organisation-only ORG_FEATURES with the first stage's
score held fixed, so evidence about organisations cannot shift the people's and places' confidences.

    PYTHONPATH=src python scripts/train_entity_confidence.py ../shared/eval/re3d
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from newsgraph.evaluate.re3d import load
from newsgraph.nlp.linking.confidence import FEATURES, ORG_FEATURES, entity_features
from newsgraph.nlp.pipeline import build_pipeline

TYPE_OF = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location", "FAC": "Location",
           "NORP": "Nationality"}  # fmt: skip
# re3d's BBC Online documents are CC BY-NC: nothing fitted on them ships in the package.
NON_COMMERCIAL_SOURCES = {"BBC Online"}
OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "resources" / "entity_confidence.json"


def _right(d, m, kind: str) -> bool:
    """Whether mention ``m`` is right as ``kind``: it overlaps a gold span of that kind, or it is a place
    inside a gold span of another kind.  re3d types "the UK" an organisation where the country acts as
    its government, which newsgraph keeps a place (so does the real-news gold), and never annotates a
    place inside a longer name ("the Government of Iraq", "Minister for the Middle East")."""
    if any(b < m.end and m.start < e and t == kind for b, e, t in d.gold):
        return True
    return kind == "Location" and any(b <= m.start and m.end <= e for b, e, _ in d.gold)


def rows(data: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, right (1/0) and the document's index of every entity in re3d's shippable documents."""
    docs, _ = load(data)
    docs = [d for d in docs if d.source not in NON_COMMERCIAL_SOURCES]
    nlp = build_pipeline()
    x, y, group = [], [], []
    for i, (d, doc) in enumerate(zip(docs, nlp.pipe(d.text for d in docs))):
        for ent in doc._.ng_entities:
            kind = TYPE_OF.get(ent.type)
            if kind is None:
                continue
            hits = sum(_right(d, m, kind) for m in ent.mentions)
            features = entity_features(ent)
            x.append([features[f] for f in (*FEATURES, *ORG_FEATURES)])
            y.append(float(hits * 2 >= len(ent.mentions)))
            group.append(i)
    return np.array(x), np.array(y), np.array(group)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000, rate: float = 0.5,
        offset: np.ndarray | None = None, penalise_first: bool = False) -> np.ndarray:  # fmt: skip
    """Logistic regression by gradient descent; ``offset`` is a fixed score added to every row."""
    w = np.zeros(x.shape[1])
    base = np.zeros(len(y)) if offset is None else offset
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(base + x @ w)))
        grad = x.T @ (p - y) / len(y) + l2 * (w if penalise_first else np.r_[0, w[1:]]) / len(y)
        w -= rate * grad
    return w


def fit_both(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Both stages: the shared FEATURES, then ORG_FEATURES on top of their score."""
    shared, org_only = x[:, : len(FEATURES)], x[:, len(FEATURES) :]
    w_shared = fit(shared, y)
    w_org = fit(org_only, y, offset=shared @ w_shared, penalise_first=True)
    return np.r_[w_shared, w_org]


def report(label: str, p: np.ndarray, y: np.ndarray) -> None:
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    print(f"{label}: {len(y)} entities, {y.mean():.3f} right; mean confidence {p.mean():.3f}, log loss {loss:.4f}")
    for lo in np.arange(0, 1, 0.2):
        sel = (p >= lo) & (p < lo + 0.2)
        if sel.any():
            print(f"  [{lo:.1f}, {lo + 0.2:.1f}): n={sel.sum()} right={y[sel].mean():.3f}")


def main(data: str, folds: int = 5) -> None:
    x, y, group = rows(Path(data))
    # held out by whole documents (entities of one document are alike), to judge features honestly
    held_out = np.zeros(len(y))
    for k in range(folds):
        test = group % folds == k
        held_out[test] = 1 / (1 + np.exp(-x[test] @ fit_both(x[~test], y[~test])))
    report(f"held out ({folds} document folds)", held_out, y)
    w = fit_both(x, y)
    report("fitted on all", 1 / (1 + np.exp(-x @ w)), y)
    coefficients = {f: round(float(v), 4) for f, v in zip((*FEATURES, *ORG_FEATURES), w)}
    OUT.write_text(json.dumps({"source": "re3d (all sources but BBC Online), scripts/train_entity_confidence.py",
                               "coefficients": coefficients}, indent=1) + "\n", encoding="utf-8")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/re3d")
