"""The learned speaker ranker (nlp/quotes/ranker.py): its candidates, its choice, and the shipped weights."""

from __future__ import annotations

from newsgraph.evaluate.common import plain_document
from newsgraph.model import Span
from newsgraph.nlp.pipeline import our_component_names
from newsgraph.nlp.quotes.component import QuoteSettings, extract_quotes, quotes_with_candidates
from newsgraph.nlp.quotes.ranker import FEATURES, Candidate, load_ranker, pick

TEXT = (
    "Senator Maria Lopez met the striking dock workers in Portsmouth on Monday.\n\n"
    "“We will not let this port close,” Lopez told reporters after the meeting with Mayor Tom Reed."
)


def _names(nlp_doc_entities, candidates):
    names = {e.id: e.name for e in nlp_doc_entities}
    return [names.get(c.entity) if c.entity else (c.span.text if c.span else None) for c in candidates]


def test_the_rules_pick_comes_first_and_nearby_people_are_candidates(nlp):
    doc = nlp(TEXT)
    quote, candidates = quotes_with_candidates(doc)[0]
    names = _names(doc._.ng_entities, candidates)
    assert names[0] == "Maria Lopez"
    assert candidates[0].features["is_rule"] == 1.0
    assert candidates[0].features["cue_subject"] == 1.0
    assert "Tom Reed" in names  # a person in the same sentence, not the speaker
    reed = candidates[names.index("Tom Reed")]
    assert reed.features["is_rule"] == 0.0 and reed.features["subject"] == 0.0
    assert set(candidates[0].features) == set(FEATURES)


def test_a_candidate_overrules_the_rules_only_by_the_margin():
    rule = Candidate("e1", Span(0, 3, "Ann"), dict.fromkeys(FEATURES, 0.0) | {"is_rule": 1.0})
    other = Candidate("e2", Span(10, 13, "Bob"), dict.fromkeys(FEATURES, 0.0) | {"cue_subject": 1.0})
    model = {"intercept": 0.0, "weights": {"is_rule": 1.0, "cue_subject": 2.0}, "margin": 0.5}
    assert pick(model, [rule, other]) is other  # 2.0 beats 1.0 by more than 0.5
    assert pick(model | {"margin": 1.5}, [rule, other]) is rule  # not by 1.5: the rules' pick stands


def test_the_shipped_weights_cover_every_feature_and_keep_a_plain_attribution(analyze_text):
    model = load_ranker()
    assert model is not None and set(model["weights"]) == set(FEATURES)
    article = analyze_text(TEXT)
    quote = next(q for q in article.quotes if q.text.startswith("We will not"))
    assert article.entity(quote.speaker).name == "Maria Lopez"


def test_a_signed_quote_is_never_overruled():
    signed = dict.fromkeys(FEATURES, 0.0) | {"is_rule": 1.0, "rule_how_signature": 1.0}
    rule = Candidate("e1", Span(40, 44, "Varga"), signed)
    other = Candidate("e2", Span(0, 5, "Mendes"), dict.fromkeys(FEATURES, 0.0) | {"cue_subject": 1.0})
    model = {"intercept": 0.0, "weights": {"cue_subject": 9.0}, "margin": 0.0, "scope": "all"}
    assert pick(model, [rule, other]) is rule


def _with_paragraphs(nlp, text):
    """The pipeline's Doc as ``analyze_document`` builds it, paragraphs included (one chunk)."""
    document = plain_document(text, path="<test>")
    ours = our_component_names(nlp)
    with nlp.select_pipes(disable=ours):
        doc = nlp(text)
    doc._.ng_paragraphs = list(document.paragraphs)
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc


def test_the_ranker_names_a_speaker_the_rules_leave_out(nlp):
    # An organisation, subject of the sentence before a quote with no cue: the rules carry only a
    # person's subject to such a quote; the ranker weighs the organisation against nobody.
    doc = _with_paragraphs(
        nlp,
        "The Harlow County Election Board rejected the challenge to the ballot on Friday. "
        "“Further discussion of this matter is unnecessary.”",
    )
    names = {e.id: e.name for e in doc._.ng_entities}
    (rules,) = extract_quotes(doc, QuoteSettings(rerank_speakers=False))
    (ranked,) = extract_quotes(doc)
    assert rules.speaker is None
    assert names[ranked.speaker] == "Harlow County Election Board"
    assert ranked.speaker_span.text == "The Harlow County Election Board"
