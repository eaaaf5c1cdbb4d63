"""Findings: what a record shows and what an unnamed group is said to believe, apart from quotes.

An attribution with no speaker entity is a *finding*, not a quote, when its source phrase is

- a thing that shows or finds (kind ``"record"``): "a new poll shows that ...", "according to
  federal statistics, ...", "the report says ...", "the videos show ..." -- the phrase's head is a
  common noun of :data:`newsgraph.nlp.knowledge.lexicon.RECORD_NOUNS`
  (:func:`~newsgraph.nlp.quotes.attribution.record_source`), and its content does not call it "he"
  or "she" ("the model said she had been paid less": a person); or
- an anonymous group with a cue of belief, judgement or finding (kind ``"view"``): "residents fear
  ...", "many experts suspect ...", "detectives believe ..." -- the phrase's form is "anonymous"
  (:func:`~newsgraph.nlp.quotes.attribution.unnamed_source_form`) and the cue's lemma is one the
  quote model calls weak (``cue_weak``).

PolNeAR annotates both as attributions; the real-news gold, whose quotes are "every statement the
article attributes to *someone*", counts neither.  As quotes they sat under a cap right for neither
gold; as findings they carry a confidence of their own, from a small logistic model over the same
evidence as a quote's plus the finding's kind (``resources/finding_confidence.json``, fitted on
PolNeAR's training split by ``scripts/train_finding_confidence.py``: a finding is right when it
overlaps a gold attribution's content and its source phrase overlaps that attribution's Source).
Out of fold on that split (5 folds by article) it is calibrated (ECE 0.008 at the ninth round's
refit; its [0.4, 0.6) bin right 0.58 of 24, 0.53 predicted); the quote model's paragraph and distance features were tried and left out, as they did
not make it better calibrated (docs/accuracy.md, "Ninth round", "Quote and finding confidence").
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

__all__ = [
    "FINDING_FEATURES",
    "finding_kind_of",
    "finding_evidence",
    "finding_confidence",
    "load_finding_weights",
]

FINDING_FEATURES = (
    "kind_view",
    "marked",
    "cue_plain",
    "cue_soft",
    "cue_weak",
    "cue_none",
    "content_that",
    "content_clause",
    "content_object",
    "found_inherited",
    "source_entity",
    "log_words",
)


def finding_kind_of(record: bool, evidence: dict[str, float]) -> str | None:
    """ "record", "view" or None (a quote) for an attribution with no speaker entity.

    ``record``: its source phrase is a thing (:func:`record_source`); ``evidence``: the quote model's
    features of the attribution (:func:`newsgraph.nlp.quotes.confidence.quote_evidence`)."""
    if not evidence.get("speaker_none") or evidence.get("no_phrase"):
        return None
    if record:
        return "record"
    if evidence.get("unnamed_anonymous") and evidence.get("cue_weak"):
        return "view"
    return None


def finding_evidence(quote_features: dict[str, float], kind: str, has_source: bool) -> dict[str, float]:
    """The finding model's features, from the quote model's features of the same attribution."""
    marked = quote_features.get("kind_direct", 0.0) + quote_features.get("kind_block", 0.0)
    marked += quote_features.get("kind_partial", 0.0)
    shared = ("cue_plain", "cue_soft", "cue_weak", "cue_none", "content_that", "content_clause", "content_object")
    return {
        "kind_view": float(kind == "view"),
        "marked": float(marked > 0),
        **{name: quote_features.get(name, 0.0) for name in shared},
        "found_inherited": float(quote_features.get("found_inherited", 0.0) > 0),
        "source_entity": float(has_source),
        "log_words": quote_features.get("log_words", 0.0),
    }


@lru_cache(maxsize=1)
def load_finding_weights() -> dict[str, float]:
    """Intercept and one weight per feature, from the packaged resource."""
    path = resources.files("newsgraph").joinpath("resources", "finding_confidence.json")
    return json.loads(path.read_text(encoding="utf-8"))["weights"]


def finding_confidence(evidence: dict[str, float]) -> float:
    """The model's probability that the finding's content and source phrase are right."""
    weights = load_finding_weights()
    z = weights.get("intercept", 0.0) + sum(weights.get(name, 0.0) * value for name, value in evidence.items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)
