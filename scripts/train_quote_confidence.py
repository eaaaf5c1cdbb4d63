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
import json
from pathlib import Path

import numpy as np

from newsgraph.evaluate.common import plain_document
from newsgraph.evaluate.polnear import load, speaker_overlaps
from newsgraph.evaluate.scoring import overlap_chars
from newsgraph.nlp.pipeline import build_pipeline, our_component_names
from newsgraph.nlp.quotes.component import quotes_with_evidence
from newsgraph.nlp.quotes.confidence import FEATURES


def parsed(nlp, document):
    """The pipeline's Doc for a short document, as ``analyze_document`` builds it (one chunk)."""
    ours = our_component_names(nlp)
    with nlp.select_pipes(disable=ours):
        doc = nlp(document.text)
    doc._.ng_published = document.published
    doc._.ng_paragraphs = list(document.paragraphs)
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc


OUT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "resources" / "quote_confidence.json"


def examples(data: Path, limit: int | None, split: str = "train", cache: Path | None = None):
    """(evidence dict, kind, right) per quote found, read from ``cache`` where an article is there."""
    done = {}
    if cache is not None and cache.exists():
        for line in cache.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            done[(row["split"], row["name"])] = row["rows"]
    nlp = None
    for pdoc in load(data, limit=limit, split=split):
        if (split, pdoc.name) in done:
            yield from (tuple(r) for r in done[(split, pdoc.name)])
            continue
        nlp = nlp or build_pipeline()
        rows = list(_article_examples(nlp, pdoc))
        if cache is not None:
            with cache.open("a", encoding="utf-8") as out:
                out.write(json.dumps({"split": split, "name": pdoc.name, "rows": rows}) + "\n")
        yield from rows


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


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> np.ndarray:
    x = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0  # the intercept is not shrunk
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        w -= np.linalg.solve(hess, grad)
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="first N training articles")
    ap.add_argument("--cache", type=Path, default=None, help="JSON-lines cache of parsed examples")
    ap.add_argument("--check-dev", type=int, default=0, help="report per-kind calibration on N dev articles")
    args = ap.parse_args()
    rows = list(examples(args.data, args.limit, "train", args.cache))
    x = np.array([[r[0].get(name, 0.0) for name in FEATURES] for r in rows], dtype=float)
    y = np.array([r[2] for r in rows], dtype=float)
    w = fit(x, y)
    p = 1 / (1 + np.exp(-(np.hstack([np.ones((len(x), 1)), x]) @ w)))
    for lo in np.arange(0, 1, 0.2):
        sel = (p >= lo) & (p < lo + 0.2)
        if sel.any():
            print(f"train bin [{lo:.1f},{lo + 0.2:.1f}): n={sel.sum()} right={y[sel].mean():.2f}")
    weights = {"intercept": round(float(w[0]), 4)} | {n: round(float(v), 4) for n, v in zip(FEATURES, w[1:])}
    if args.check_dev:
        dev = list(examples(args.data, args.check_dev, "dev", args.cache))
        xd = np.array([[r[0].get(name, 0.0) for name in FEATURES] for r in dev], dtype=float)
        pd = 1 / (1 + np.exp(-(np.hstack([np.ones((len(xd), 1)), xd]) @ w)))
        for kind in ("direct", "block", "partial", "indirect"):
            sel = np.array([r[1] == kind for r in dev])
            if sel.any():
                right = np.mean([r[2] for r, s in zip(dev, sel) if s])
                print(f"dev {kind}: n={sel.sum()} predicted={pd[sel].mean():.2f} observed={right:.2f}")
    OUT.write_text(
        json.dumps(
            {"source": "PolNeAR train (scripts/train_quote_confidence.py)", "examples": len(y),
             "articles_limit": args.limit, "positive_rate": round(float(y.mean()), 4), "weights": weights},
            indent=2,
        ) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    print(f"{len(y)} quotes, {y.mean():.2f} right; wrote {OUT}")


if __name__ == "__main__":
    main()
