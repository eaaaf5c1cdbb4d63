"""Fit the quote confidence model (src/newsgraph/resources/quote_confidence.json) on PolNeAR train.

    PYTHONPATH=src python scripts/train_quote_confidence.py ../shared/eval/polnear [--limit N] [--cache F.jsonl]

Each quote newsgraph finds in a training article is one example: right (1) when it overlaps a gold
attribution's content and its speaker (as written, or a mention of its entity) overlaps that
attribution's Source, or it overlaps a source-less attribution and has no speaker; else 0.  The
features are :func:`newsgraph.nlp.quotes.confidence.quote_evidence`; the model is an L2-regularised
logistic regression fitted by Newton's method in plain numpy.  Never fitted on evaluation pages.
``--cache`` keeps each parsed article's examples (evidence and label) in a JSON-lines file outside
the repository, so a refit after a change of the fit alone does not parse 840 articles again;
``--check-dev N`` prints predicted against observed precision per quote kind on N PolNeAR dev articles.

Then the Platt step (:func:`newsgraph.nlp.quotes.confidence.load_calibration`): a slope and an offset
on the model's log-odds, fitted on the quotes of PolNeAR *dev* the cap leaves alone.  PolNeAR dev is the
split kept for tuning; train fits the weights, dev the two numbers that map them to held-out news; the
real-news pages are used for neither and check the step (the hand-set cap, NO_SPEAKER_CAP, was chosen with
both dev sets in view).  ``--no-calibration`` writes slope 1 and offset 0.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from logistic_training import (
    RESOURCES,
    append_cache,
    fit,
    matrix,
    parsed,
    predict,
    print_bins,
    print_dev_by_kind,
    print_out_of_fold,
    read_cache,
    write_weights,
)

from newsgraph.evaluate.common import plain_document
from newsgraph.evaluate.polnear import load, speaker_overlaps
from newsgraph.evaluate.scoring import overlap_chars
from newsgraph.nlp.pipeline import build_pipeline
from newsgraph.nlp.quotes.component import quotes_with_evidence
from newsgraph.nlp.quotes.confidence import FEATURES, NO_SPEAKER_CAP, capped

OUT = RESOURCES / "quote_confidence.json"


def examples(data: Path, limit: int | None, split: str = "train", cache: Path | None = None):
    """(evidence dict, kind, right) per quote found, read from ``cache`` where an article is there."""
    done = read_cache(cache)
    nlp = None
    for pdoc in load(data, limit=limit, split=split):
        if (split, pdoc.name) in done:
            yield from ((*r, pdoc.name) for r in done[(split, pdoc.name)])
            continue
        nlp = nlp or build_pipeline()
        rows = list(article_examples(nlp, pdoc))
        if cache is not None:
            append_cache(cache, split, pdoc.name, rows)
        yield from ((*r, pdoc.name) for r in rows)


def article_examples(nlp, pdoc):
    """The examples of one PolNeAR article."""
    doc = parsed(nlp, plain_document(pdoc.text, published=pdoc.published, path=pdoc.name))
    entities = {e.id: e for e in doc._.ng_entities}
    for quote, evidence in quotes_with_evidence(doc):
        gold = [a for a in pdoc.attributions if any(overlap_chars(quote.start, quote.end, s, e) for s, e in a.content)]
        if not gold:
            right = 0
        else:
            best = max(gold, key=lambda a: sum(overlap_chars(quote.start, quote.end, s, e) for s, e in a.content))
            speaker = entities.get(quote.speaker)
            right = int(speaker_overlaps(best, quote, speaker, pdoc.text) if best.source else quote.speaker is None)
        yield evidence, quote.kind, right


def log_odds(rows, w: np.ndarray) -> np.ndarray:
    """The model's log-odds of each (evidence dict, ...) row: what the runtime's ``model_log_odds`` computes."""
    x = matrix(rows, FEATURES)
    return np.hstack([np.ones((len(x), 1)), x]) @ w


def platt_step(rows, w: np.ndarray) -> dict:
    """Slope and offset of a logistic fit of the uncapped rows' labels on the model's log-odds."""
    kept = [r for r in rows if not capped(r[0])]
    z = log_odds(kept, w)
    y = np.array([r[2] for r in kept], dtype=float)
    offset, slope = fit(z[:, None], y, l2=0.0)
    print(f"Platt step on {len(y)} uncapped PolNeAR dev quotes: slope {slope:.4f}, offset {offset:.4f}")
    for name, p in (
        ("model", predict(z[:, None], np.array([0.0, 1.0]))),
        ("calibrated", predict(z[:, None], np.array([offset, slope]))),
    ):
        for lo in np.arange(0, 1, 0.2):
            sel = (p >= lo) & ((p < lo + 0.2) | (lo >= 0.8))
            if sel.any():
                print(
                    f"dev {name} [{lo:.1f},{lo + 0.2:.1f}): n={sel.sum()} right={y[sel].mean():.2f} predicted={p[sel].mean():.2f}"
                )
    return {
        "slope": round(float(slope), 4),
        "offset": round(float(offset), 4),
        "fitted_on": f"PolNeAR dev, {len(y)} uncapped quotes",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="first N training articles")
    ap.add_argument("--cache", type=Path, default=None, help="JSON-lines cache of parsed examples")
    ap.add_argument("--check-dev", type=int, default=0, help="report per-kind calibration on N dev articles")
    ap.add_argument("--no-calibration", action="store_true", help="no Platt step on PolNeAR dev")
    args = ap.parse_args()
    rows = list(examples(args.data, args.limit, "train", args.cache))
    x = matrix(rows, FEATURES)
    y = np.array([r[2] for r in rows], dtype=float)
    w = fit(x, y)
    print_bins(predict(x, w), y)
    print_out_of_fold(rows, FEATURES, lambda evidence, p: min(p, NO_SPEAKER_CAP) if capped(evidence) else p)
    if args.check_dev:
        dev = list(examples(args.data, args.check_dev, "dev", args.cache))
        print_dev_by_kind(dev, FEATURES, w, ("direct", "block", "partial", "indirect"))
    step = {"slope": 1.0, "offset": 0.0, "fitted_on": None}
    if not args.no_calibration:
        step = platt_step(list(examples(args.data, None, "dev", args.cache)), w)
    write_weights(OUT, "train_quote_confidence.py", FEATURES, w, y, args.limit, calibration=step)
    print(f"{len(y)} quotes, {y.mean():.2f} right; wrote {OUT}")


if __name__ == "__main__":
    main()
