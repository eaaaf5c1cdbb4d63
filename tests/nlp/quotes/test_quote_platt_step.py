"""The quote model's Platt step and its cap (issue 11, calibration on held-out news).

The logistic model is fitted on PolNeAR train; its log-odds then pass through a slope and an offset
fitted on PolNeAR dev's uncapped quotes (scripts/train_quote_confidence.py).  The step is applied to
the quotes it was fitted on only: a quote the cap holds keeps the model's own probability, at most
NO_SPEAKER_CAP, still below the display threshold.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import newsgraph
from newsgraph.evaluate.common import plain_document
from newsgraph.evaluate.polnear import Attribution, PolnearDoc, score_article
from newsgraph.nlp.pipeline import analyze_document
from newsgraph.nlp.quotes.confidence import (
    FEATURES,
    NO_SPEAKER_CAP,
    capped,
    load_calibration,
    model_log_odds,
    quote_confidence,
)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _evidence(**on: float) -> dict[str, float]:
    return {name: 0.0 for name in FEATURES} | {"log_words": math.log1p(12)} | on


# a named person's indirect statement with a that-clause, and the same with a verb of thinking
NAMED_SAID = _evidence(cue_plain=1.0, content_that=1.0)
NAMED_BELIEVES = _evidence(cue_weak=1.0, content_clause=1.0, log_quotes_in_paragraph=math.log(3))
# nobody: a direct quote with no speaker phrase, and a description of someone the article names
NO_PHRASE = _evidence(kind_direct=1.0, cue_none=1.0, speaker_none=1.0, no_phrase=1.0)
PARTICULAR = _evidence(cue_plain=1.0, content_that=1.0, speaker_none=1.0, unnamed_particular=1.0)


def test_the_step_was_fitted_and_lifts_the_middle():
    slope, offset = load_calibration()
    # held-out news finds the model too modest in its middle: a model probability of one half is raised
    assert _sigmoid(slope * 0.0 + offset) > 0.55
    # and the order of any two quotes is kept
    assert slope > 0


@pytest.mark.parametrize("evidence", [NAMED_SAID, NAMED_BELIEVES])
def test_an_uncapped_quote_gets_the_calibrated_probability(evidence):
    assert not capped(evidence)
    slope, offset = load_calibration()
    z = model_log_odds(evidence)
    assert quote_confidence(evidence) == round(_sigmoid(slope * z + offset), 3)


def test_the_step_raises_a_middling_quote():
    # a belief in a paragraph where three people speak: the model says about 0.8, held-out news more
    assert quote_confidence(NAMED_BELIEVES) > round(_sigmoid(model_log_odds(NAMED_BELIEVES)), 3) + 0.03


def test_the_step_keeps_a_plain_statement_above_a_belief():
    assert quote_confidence(NAMED_SAID) > quote_confidence(NAMED_BELIEVES)
    assert quote_confidence(NAMED_SAID) >= newsgraph.MIN_CONFIDENCE


@pytest.mark.parametrize("evidence", [NO_PHRASE, PARTICULAR])
def test_a_capped_quote_keeps_the_models_probability_under_the_cap(evidence):
    # the step was fitted on quotes the cap leaves alone: a quote with no speaker phrase (wrong for
    # both golds, model 0.02) must not be raised by it
    assert capped(evidence)
    assert quote_confidence(evidence) == round(min(_sigmoid(model_log_odds(evidence)), NO_SPEAKER_CAP), 3)
    assert quote_confidence(evidence) < newsgraph.MIN_CONFIDENCE


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_the_training_label_is_the_scorers_verdict(nlp, monkeypatch):
    # the quote model and its Platt step learn from labels the training script gives; they must be the
    # PolNeAR scorer's own verdicts, or the confidence is calibrated against another measure
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[3] / "scripts"))
    from train_quote_confidence import article_examples

    text = (
        "The mayor of Lowmarsh, Tom Hale, said the harbour bridge would reopen in May.\n\n"
        "Residents of the old quarter, who have waited two years, said the repairs came too late.\n\n"
        "Ann Lee warned that the toll would rise."
    )
    gold = [
        Attribution(
            content=[_span(text, "the harbour bridge would reopen in May")], source=[_span(text, "Tom Hale")], cue=[]
        ),
        Attribution(content=[_span(text, "the repairs came too late")], source=[_span(text, "who")], cue=[]),
        Attribution(content=[_span(text, "the toll would rise")], source=[_span(text, "Tom Hale")], cue=[]),
    ]
    pdoc = PolnearDoc(name="ours", text=text, ann_file="", attributions=gold)
    labels = sorted(right for _evidence, _kind, right in article_examples(nlp, pdoc))
    article = analyze_document(nlp, plain_document(text, path="ours"))
    verdicts = sorted(int(ok) for _confidence, ok in score_article(text, gold, article.quotes, article).quote_pairs)
    assert labels == verdicts
    assert labels == [0, 1, 1]


def test_the_step_is_fitted_on_the_log_odds_the_runtime_computes(monkeypatch):
    # train/serve parity: the script fits the slope and offset on its own log-odds of each quote; they
    # must be the runtime's, feature for feature, or the step is applied to another number than it was fitted on
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[3] / "scripts"))
    import numpy as np
    from train_quote_confidence import log_odds

    from newsgraph.nlp.quotes.confidence import load_weights

    weights = load_weights()
    w = np.array([weights["intercept"], *(weights.get(name, 0.0) for name in FEATURES)])
    rows = [(evidence, "indirect", 1) for evidence in (NAMED_SAID, NAMED_BELIEVES, PARTICULAR)]
    assert np.allclose(log_odds(rows, w), [model_log_odds(e) for e, _k, _r in rows])
