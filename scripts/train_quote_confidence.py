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
        rows = list(_article_examples(nlp, pdoc))
        if cache is not None:
            append_cache(cache, split, pdoc.name, rows)
        yield from ((*r, pdoc.name) for r in rows)


def _article_examples(nlp, pdoc):
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
            right = int(speaker_overlaps(best, quote, speaker) if best.source else quote.speaker is None)
        yield evidence, quote.kind, right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="first N training articles")
    ap.add_argument("--cache", type=Path, default=None, help="JSON-lines cache of parsed examples")
    ap.add_argument("--check-dev", type=int, default=0, help="report per-kind calibration on N dev articles")
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
    write_weights(OUT, "train_quote_confidence.py", FEATURES, w, y, args.limit)
    print(f"{len(y)} quotes, {y.mean():.2f} right; wrote {OUT}")


if __name__ == "__main__":
    main()
