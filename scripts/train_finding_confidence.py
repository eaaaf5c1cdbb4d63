"""Fit the finding confidence model (src/newsgraph/resources/finding_confidence.json) on PolNeAR train.

    PYTHONPATH=src python scripts/train_finding_confidence.py ../shared/eval/polnear [--limit N] [--cache F.jsonl]
        [--quote-cache Q.jsonl] [--check-dev N]

Each finding newsgraph makes in a training article (what a record shows, what an unnamed group
believes: :mod:`newsgraph.nlp.quotes.findings`) is one example: right (1) when it overlaps a gold
attribution's content and its source phrase (or a mention of its source entity) overlaps that
attribution's Source, else 0; a finding whose best gold attribution has no Source cannot be judged
and is left out, as the PolNeAR evaluation leaves it out.  The features are
:func:`newsgraph.nlp.quotes.findings.finding_evidence`; the fit is the quote model's (an
L2-regularised logistic regression, Newton's method in plain numpy).  Never fitted on evaluation pages.
``--cache`` keeps each parsed article's examples in a JSON-lines file outside the repository;
``--quote-cache`` also writes each article's *quote* examples in the cache format of
scripts/train_quote_confidence.py, so that script refits the quote model without parsing the
articles again (``train_quote_confidence.py DATA --cache Q.jsonl``).
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
from newsgraph.model import Quote
from newsgraph.nlp.pipeline import build_pipeline
from newsgraph.nlp.quotes.component import findings_with_evidence
from newsgraph.nlp.quotes.findings import FINDING_FEATURES

OUT = RESOURCES / "finding_confidence.json"


def _right(pdoc, quote: Quote, speaker) -> int | None:
    """1/0 as the PolNeAR evaluation judges it; None when the best gold attribution has no Source."""
    gold = [a for a in pdoc.attributions if any(overlap_chars(quote.start, quote.end, s, e) for s, e in a.content)]
    if not gold:
        return 0
    best = max(gold, key=lambda a: sum(overlap_chars(quote.start, quote.end, s, e) for s, e in a.content))
    if not best.source:
        return None
    return int(speaker_overlaps(best, quote, speaker, pdoc.text))


def _article_examples(nlp, pdoc):
    """(quote rows as train_quote_confidence.py labels them, finding rows) of one PolNeAR article."""
    doc = parsed(nlp, plain_document(pdoc.text, published=pdoc.published, path=pdoc.name))
    entities = {e.id: e for e in doc._.ng_entities}
    quotes, findings = findings_with_evidence(doc)
    quote_rows = []
    for quote, evidence in quotes:
        right = _right(pdoc, quote, entities.get(quote.speaker))
        if right is None:  # a source-less gold: right when we name nobody (the quote script's rule)
            right = int(quote.speaker is None)
        quote_rows.append((evidence, quote.kind, right))
    finding_rows = []
    for finding, evidence in findings:
        right = _right(pdoc, finding.as_quote(), entities.get(finding.source))
        if right is not None:
            finding_rows.append((evidence, finding.kind, right))
    return quote_rows, finding_rows


def examples(data: Path, limit: int | None, split: str, cache: Path | None, quote_cache: Path | None):
    """(evidence dict, kind, right) per finding, read from ``cache`` where an article is there."""
    done = read_cache(cache)
    nlp = None
    for pdoc in load(data, limit=limit, split=split):
        if (split, pdoc.name) in done:
            yield from ((*r, pdoc.name) for r in done[(split, pdoc.name)])
            continue
        nlp = nlp or build_pipeline()
        quote_rows, rows = _article_examples(nlp, pdoc)
        if cache is not None:
            append_cache(cache, split, pdoc.name, rows)
        if quote_cache is not None:
            append_cache(quote_cache, split, pdoc.name, quote_rows)
        yield from ((*r, pdoc.name) for r in rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="first N training articles")
    ap.add_argument("--cache", type=Path, default=None, help="JSON-lines cache of parsed examples")
    ap.add_argument("--quote-cache", type=Path, default=None, help="also write quote examples here")
    ap.add_argument("--check-dev", type=int, default=0, help="report per-kind calibration on N dev articles")
    args = ap.parse_args()
    rows = list(examples(args.data, args.limit, "train", args.cache, args.quote_cache))
    x, y = matrix(rows, FINDING_FEATURES), np.array([r[2] for r in rows], dtype=float)
    w = fit(x, y)
    print_bins(predict(x, w), y)
    print_out_of_fold(rows, FINDING_FEATURES)
    if args.check_dev:
        dev = list(examples(args.data, args.check_dev, "dev", None, None))
        print_dev_by_kind(dev, FINDING_FEATURES, w, ("record", "view"))
    write_weights(OUT, "train_finding_confidence.py", FINDING_FEATURES, w, y, args.limit)
    print(f"{len(y)} findings, {y.mean():.2f} right; wrote {OUT}")


if __name__ == "__main__":
    main()
