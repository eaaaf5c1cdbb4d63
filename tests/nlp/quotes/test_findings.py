"""Findings (issue 11): what a record shows and what an unnamed group believes are no quotes.

"A poll shows that ...", "the figures show ...", "residents fear that ..." are attributions PolNeAR
annotates but nobody said: they are findings, each with its source phrase, cue and confidence, and
never in ``Article.quotes``.  Statements by someone, named or not ("the ministry said", "officials
said", "she said"), stay quotes.  Sentences written here.
"""

from __future__ import annotations

import pytest

_OPENING = "The council met on Tuesday in Lowmarsh.\n\n"


def _finding(article, words: str):
    found = [f for f in article.findings if words in f.text]
    assert len(found) == 1, ([f.text for f in article.findings], [q.text for q in article.quotes])
    return found[0]


def _no_quote_with(article, words: str) -> None:
    assert not [q.text for q in article.quotes if words in q.text]


@pytest.mark.parametrize(
    "sentence, words, phrase",
    [
        ("A new poll shows that most voters want the ferry service restored.", "ferry service", "A new poll"),
        ("The figures show that the harbour lost money for six years in a row.", "six years", "The figures"),
        ("According to the county records, the bridge was last inspected in 1998.", "last inspected", "records"),
        ("A study of the estuary found that the salt marsh is shrinking every winter.", "salt marsh", "study"),
        ("The footage shows the barge drifting into the pier after midnight.", "barge drifting", "footage"),
        # a document or piece of media that carries words nobody is quoted as saying
        ("A leaflet from the station says that the last ferry leaves at nine.", "last ferry", "leaflet"),
    ],
)
def test_what_a_record_shows_is_a_record_finding_not_a_quote(analyze_text, sentence, words, phrase):
    article = analyze_text(_OPENING + sentence)
    finding = _finding(article, words)
    assert finding.kind == "record"
    assert phrase in finding.source_span.text
    assert article.text[finding.source_span.start : finding.source_span.end] == finding.source_span.text
    assert finding.cue is not None
    assert 0.0 <= finding.confidence <= 1.0
    _no_quote_with(article, words)


@pytest.mark.parametrize(
    "sentence, words, phrase",
    [
        ("Residents fear that the new quarry will poison the wells in the valley.", "poison the wells", "Residents"),
        ("Many farmers believe the drought will last into next summer.", "drought will last", "farmers"),
    ],
)
def test_an_anonymous_groups_belief_is_a_view(analyze_text, sentence, words, phrase):
    article = analyze_text(_OPENING + sentence)
    finding = _finding(article, words)
    assert finding.kind == "view"
    assert phrase in finding.source_span.text
    assert finding.source is None
    _no_quote_with(article, words)


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("The ministry said that the ferry service would resume in the spring.", "ferry service"),
        ("Officials said that the ferry service would resume in the spring.", "ferry service"),
        ("Ann Lee opened the pier.\n\nShe said that the ferry service would resume in the spring.", "ferry service"),
        ("It said that the ferry service would resume in the spring.", "ferry service"),  # an unresolved "it"
    ],
)
def test_a_statement_by_someone_stays_a_quote(analyze_text, sentence, words):
    article = analyze_text(_OPENING + sentence)
    assert [q for q in article.quotes if words in q.text]
    assert not [f for f in article.findings if words in f.text]


def test_a_statement_a_body_issues_stays_its_quote(analyze_text):
    article = analyze_text(
        "The Ministry of Transport closed the old pier on Monday.\n\n"
        "In a statement, the ministry said that the ferry service would resume in the spring."
    )
    (quote,) = [q for q in article.quotes if "ferry service" in q.text]
    assert quote.speaker is not None and "Ministry" in article.entity(quote.speaker).name
    assert not article.findings


def test_findings_round_trip_through_the_article_json(analyze_text):
    from newsgraph.model import Article

    article = analyze_text(_OPENING + "A new poll shows that most voters want the ferry service restored.")
    again = Article.from_dict(article.to_dict())
    assert again.findings == article.findings
    assert again.to_dict()["findings"][0]["kind"] == "record"


def test_an_event_in_a_finding_is_reported_not_asserted(analyze_text):
    article = analyze_text(
        "Police in Lowmarsh are investigating the fight.\n\n"
        "The footage shows that Harbour City fans attacked the Lowmarsh Rovers team bus on Sunday."
    )
    assert [f for f in article.findings if "team bus" in f.text]
    attacks = [ev for ev in article.events if "attack" in ev.trigger.text]
    assert attacks
    assert all(ev.modality != "asserted" for ev in attacks)


def test_a_finding_keeps_the_form_of_its_content(analyze_text):
    article = analyze_text(
        _OPENING + "The leaflet reads: “Every boat must leave the harbour before the storm arrives.”"
    )
    finding = _finding(article, "Every boat must leave")
    assert finding.form in ("direct", "block")
    indirect = _finding(analyze_text(_OPENING + "A new poll shows that most voters want the ferry back."), "ferry back")
    assert indirect.form == "indirect"
