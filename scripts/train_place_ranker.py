"""Fit the place ranker (src/newsgraph/resources/place_ranker.json) on GeoWebNews.

GeoWebNews has no separate training split, so the figures this script prints are
cross-validated: the 200 articles are cut into 5 folds by document, each fold is analysed with
coefficients fitted on the other four, and the GeoWebNews scores (recall, within 161 km of found,
end to end) are computed over the held-out analyses.  The shipped coefficients are then fitted on
every document.

Training rows: every place cluster the pipeline ranks (a name with two or more gazetteer
candidates), with the rules' pick as a feature (newsgraph.nlp.linking.ranker.FEATURES).  A
candidate is right when it lies within 161 km of the gold point of a GeoWebNews toponym that one of
the cluster's mentions overlaps.  Clusters with no right candidate, or no wrong one, teach nothing
and are left out.  The model is scikit-learn's logistic regression (L2), pointwise; at run time the
best-scoring candidate wins.

    PYTHONPATH=src python scripts/train_place_ranker.py ../shared/eval/geowebnews
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsgraph.evaluate import geowebnews
from newsgraph.evaluate.common import analyze, get_pipeline, plain_document
from newsgraph.evaluate.scoring import haversine_km, overlap_chars
from newsgraph.nlp.linking.ranker import FEATURES

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "resources" / "place_ranker.json"
FOLDS = 5
C = 1.0  # inverse L2 strength; 0.1-10 give the same held-out figures within 0.002


def _ranker():
    return get_pipeline().get_pipe("newsgraph_linking_v1").places.ranker


def _analyze(docs):
    return analyze([plain_document(d.text, title=d.title, url=d.url, path=f"geowebnews:{d.id}") for d in docs])


def _labelled(docs, log) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """(document index, feature rows, labels) of each logged cluster that overlaps a gold toponym."""
    index = {hash(d.text): i for i, d in enumerate(docs)}
    out = []
    for entry in log:
        i = index[entry["text_hash"]]
        gold = next(
            (t for s, e in entry["spans"] for t in docs[i].toponyms
             if t.is_toponym and t.lat is not None and overlap_chars(s, e, t.start, t.end)),
            None,
        )  # fmt: skip
        if gold is None:
            continue
        y = np.array(
            [haversine_km(gold.lat, gold.lon, la, lo) <= geowebnews.WITHIN_KM for _, la, lo in entry["candidates"]]
        )
        out.append((i, np.array(entry["x"]), y.astype(float)))
    return out


def _fit(rows) -> dict[str, float]:
    rows = [(x, y) for _, x, y in rows if 0 < y.sum() < len(y)]
    x = np.vstack([x for x, _ in rows])
    y = np.concatenate([y for _, y in rows])
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=2000).fit(x, y)
    return {f: round(float(w), 4) for f, w in zip(FEATURES, model.coef_[0])}


def _figures(docs, articles) -> dict[str, float]:
    ours = [geowebnews.our_toponyms(a) for a in articles]
    rec = geowebnews.recognition(docs, [[(s, e) for s, e, _, _ in spans] for spans in ours])
    res = geowebnews.resolution(docs, articles)
    return {
        "recall_overlap": round(rec["all_overlap"].prf.recall, 3),
        "acc161": round(res["acc161"], 3),
        "end_to_end": round(res["end_to_end"], 3),
    }


def main(data: str) -> None:
    docs, _ = geowebnews.load(Path(data))
    ranker = _ranker()
    ranker.weights, ranker.log = None, []  # the rules alone, logging every ranked cluster
    before = _figures(docs, _analyze(docs))
    rows = _labelled(docs, ranker.log)
    ranker.log = None
    print(f"rules alone: {before}; {len(rows)} ranked clusters on gold toponyms")

    fold_of = [i % FOLDS for i in range(len(docs))]
    held_out: dict[int, object] = {}
    for k in range(FOLDS):
        ranker.weights = _fit([r for r in rows if fold_of[r[0]] != k])
        test = [i for i in range(len(docs)) if fold_of[i] == k]
        held_out.update(zip(test, _analyze([docs[i] for i in test])))
    cross_validated = _figures(docs, [held_out[i] for i in range(len(docs))])
    print(f"{FOLDS}-fold cross-validated (held-out folds): {cross_validated}")

    weights = _fit(rows)
    ranker.weights = weights
    print(f"fitted on all {len(docs)} documents (not held out): {_figures(docs, _analyze(docs))}")
    OUT.write_text(
        json.dumps(
            {
                "source": "GeoWebNews (Gritta et al. 2019, GWN.xml, all 200 articles), scripts/train_place_ranker.py",
                "cross_validated": {"folds": FOLDS, "rules_alone": before, "held_out": cross_validated},
                "coefficients": weights,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(json.dumps(weights, indent=1))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/geowebnews")
