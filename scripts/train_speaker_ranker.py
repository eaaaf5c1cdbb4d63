"""Fit the quote speaker ranker (src/newsgraph/resources/speaker_ranker.json) on PolNeAR train.

    PYTHONPATH=src python scripts/train_speaker_ranker.py ../shared/eval/polnear [--limit N] [--cache DIR]

Each direct or block quote the rules find in a training article, and that overlaps a gold
attribution with a Source, gives one group of candidates (:func:`newsgraph.nlp.quotes.ranker.candidates_for`):
the rules' pick and the mentions nearby.  A candidate is right (1) when it is written over the gold
Source or a mention of its entity is (the scorer's rule in ``newsgraph.evaluate.polnear``).  The
model is scikit-learn's L2 logistic regression over the candidates.  A document split of the
training articles (every ``--holdout``-th one, by a hash of its name) chooses the regularisation C
and the margin by which a candidate must beat the rules' pick; the script prints direct-quote
speaker accuracy of the rules and of the ranker on those held-out articles, then refits on every
training article with the chosen settings.  PolNeAR dev is never read here.  ``--cache DIR`` keeps
each parsed Doc (up to coreference) outside the repository, so a refit does not parse again.
"""

from __future__ import annotations

import argparse
import json
import pickle
import zlib
from pathlib import Path

import numpy as np
from logistic_training import parsed
from sklearn.linear_model import LogisticRegression

from newsgraph.evaluate.common import plain_document
from newsgraph.evaluate.polnear import is_direct, load
from newsgraph.evaluate.scoring import overlap_chars
from newsgraph.nlp.pipeline import build_pipeline
from newsgraph.nlp.quotes.component import quotes_with_candidates
from newsgraph.nlp.quotes.ranker import FEATURES, SCOPES, Candidate, in_scope

OUT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "resources" / "speaker_ranker.json"

UPSTREAM = ("newsgraph_entities_v1", "newsgraph_linking_v1", "newsgraph_coref_v1")


def parsed_upstream(nlp, pdoc):
    """The pipeline's Doc of a PolNeAR article up to coreference (what the quotes component reads)."""
    return parsed(nlp, plain_document(pdoc.text, published=pdoc.published, path=pdoc.name), only=UPSTREAM)


def cached_docs(data: Path, split: str, limit: int | None, cache: Path | None, stride: int = 1, cached_only=False):
    """(PolNeAR article, Doc) pairs of every ``stride``-th article (all outlets, not the first one's);
    a Doc is kept in ``cache`` (outside the repository) once parsed."""
    nlp = None
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
    for pdoc in load(data, split=split)[::stride][:limit]:
        path = cache / f"{split}-{pdoc.name}.pkl" if cache is not None else None
        if path is not None and path.exists():
            nlp = nlp or build_pipeline()
            raw, user_data = pickle.loads(path.read_bytes())
            from spacy.tokens import Doc

            doc = Doc(nlp.vocab).from_bytes(raw, exclude=["user_data"])
            doc.user_data.update(user_data)
            yield pdoc, doc
            continue
        if cached_only:
            continue
        nlp = nlp or build_pipeline()
        doc = parsed_upstream(nlp, pdoc)
        if path is not None:
            path.write_bytes(pickle.dumps((doc.to_bytes(exclude=["user_data"]), dict(doc.user_data))))
        yield pdoc, doc


def groups(pdoc, doc):
    """(labels, feature rows, gold is direct) per quote of one article that has a gold Source."""
    mentions = {e.id: [(m.start, m.end) for m in e.mentions] for e in doc._.ng_entities or []}
    out = []
    for quote, candidates in quotes_with_candidates(doc):
        golds = [a for a in pdoc.attributions if a.source]
        ov = [sum(overlap_chars(quote.start, quote.end, s, e) for s, e in a.content) for a in golds]
        if not golds or max(ov) == 0:
            continue
        gold = golds[int(np.argmax(ov))]

        def right(c, gold=gold) -> int:
            spans = ([(c.span.start, c.span.end)] if c.span else []) + mentions.get(c.entity or "", [])
            return int(any(overlap_chars(a, b, s, e) for a, b in spans for s, e in gold.source))

        labels = [right(c) for c in candidates]
        rows = [[c.features[n] for n in FEATURES] for c in candidates]
        out.append((labels, rows, is_direct(pdoc.text, gold.start, gold.end), candidates[0].features))
    return out


def accuracy(model, data, margin: float, scope: str) -> tuple[float, float, int]:
    """(rules' accuracy, ranker's accuracy, n) on quotes whose gold content is direct."""
    rules = ranked = n = 0
    for labels, rows, direct, rule in data:
        if not direct:
            continue
        n += 1
        rules += labels[0]
        if not in_scope(scope, Candidate(None, None, rule)):
            ranked += labels[0]
            continue
        scores = model.decision_function(np.array(rows))
        best = int(np.argmax(scores))
        chosen = best if best != 0 and scores[best] - scores[0] >= margin else 0
        ranked += labels[chosen]
    return rules / max(n, 1), ranked / max(n, 1), n


def fitted(data, c: float):
    x = np.array([r for _, rows, _, _ in data for r in rows])
    y = np.array([lab for labels, _, _, _ in data for lab in labels])
    return LogisticRegression(C=c, max_iter=2000).fit(x, y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="the first N of the articles taken")
    ap.add_argument("--cache", type=Path, default=None, help="folder for parsed Docs, outside the repository")
    ap.add_argument("--stride", type=int, default=3, help="every N-th training article")
    ap.add_argument("--parse-only", action="store_true", help="parse into --cache and stop")
    ap.add_argument("--holdout", type=int, default=4, help="every N-th article (by name hash) is held out")
    ap.add_argument("--cached-only", action="store_true", help="use only articles already in --cache")
    args = ap.parse_args()
    if args.parse_only:
        for i, (pdoc, _doc) in enumerate(cached_docs(args.data, "train", args.limit, args.cache, args.stride)):
            print(i, pdoc.name, flush=True)
        return
    train, held = [], []
    articles = 0
    for pdoc, doc in cached_docs(args.data, "train", args.limit, args.cache, args.stride, args.cached_only):
        articles += 1
        (held if zlib.crc32(pdoc.name.encode()) % args.holdout == 0 else train).extend(groups(pdoc, doc))
    print(f"{articles} articles: {len(train)} quotes to fit, {len(held)} held out")
    # The most cautious settings first (narrow scope, wide margin, strong regularisation): a bolder one
    # must do strictly better on the held-out articles to be chosen.
    best = None
    models = {c: fitted(train, c) for c in (0.1, 0.3, 1.0, 3.0, 10.0)}
    for scope in SCOPES:
        for margin in (2.0, 1.0, 0.5, 0.0):
            for c, model in models.items():
                rules, ranked, n = accuracy(model, held, margin, scope)
                print(f"scope={scope} margin={margin} C={c}: held-out direct speaker accuracy "
                      f"rules {rules:.3f} ranker {ranked:.3f} (n={n})")  # fmt: skip
                if best is None or ranked > best[0] + 1e-9:
                    best = (ranked, c, margin, scope, rules, n)
    ranked, c, margin, scope, rules, n = best
    print(f"chosen scope={scope} margin={margin} C={c}: held-out rules {rules:.3f} -> ranker {ranked:.3f} on {n}")
    model = fitted(train + held, c)
    OUT.write_text(
        json.dumps(
            {"source": "PolNeAR train (scripts/train_speaker_ranker.py)", "articles": articles,
             "quotes": len(train) + len(held), "C": c, "margin": margin, "scope": scope,
             "held_out": {"direct_quotes": n, "rules_accuracy": round(rules, 4), "ranker_accuracy": round(ranked, 4)},
             "intercept": round(float(model.intercept_[0]), 4),
             "weights": {f: round(float(w), 4) for f, w in zip(FEATURES, model.coef_[0])}},
            indent=2,
        ) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
