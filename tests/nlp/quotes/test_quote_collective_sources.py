"""Collective and proportional sources are anonymous sources (issue 11, calibration).

"A majority of the drivers said", "38 percent of the members said", "a handful of shop owners
said", "conservation groups warned", "someone asked": people the article does not name and need
not, so the phrase as written is the speaker (PolNeAR's Source; the real-news gold's null speaker).
Before, the phrase's head ("majority", "percent", "groups", "someone") was read as a thing and the
quote sat under the no-speaker cap.  Sentences written here.
"""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.nlp.quotes.confidence import NO_SPEAKER_CAP


def _quote(article, words: str):
    found = [q for q in article.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in article.quotes]
    return found[0]


_OPENING = "Snow closed the Harlow Pass road for three days last week.\n\n"


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("A majority of the lorry drivers said the delays had cost them a week of wages.", "a week of wages"),
        ("In the union's ballot, 38 percent of the members said the offer was too low.", "offer was too low"),
        ("Another 12 percent said they would accept the offer if the bonus stayed.", "bonus stayed"),
        ("A handful of shop owners said the snowploughs had come too late.", "snowploughs"),
        ("Conservation groups warned that salting the road would harm the trout stream.", "trout stream"),
        ("Someone asked why the pass had not been gritted on Thursday night.", "gritted"),
    ],
)
def test_a_collective_or_proportional_source_is_an_anonymous_source(analyze_text, sentence, words):
    article = analyze_text(_OPENING + sentence)
    quote = _quote(article, words)
    assert quote.speaker is None
    assert quote.speaker_span is not None
    assert quote.confidence != NO_SPEAKER_CAP
    assert quote.confidence >= newsgraph.MIN_CONFIDENCE


@pytest.mark.parametrize(
    "sentence, words",
    [
        # a proportion of a thing is no source of words
        ("A third of the budget said nothing about the pass, the council's report showed.", "nothing about"),
        # a body's statement of a number of things is no collective speaker either
        ("A series of documents said the road had been unsafe since 2019.", "unsafe since 2019"),
    ],
)
def test_a_proportion_of_things_is_no_anonymous_source(analyze_text, sentence, words):
    article = analyze_text(_OPENING + sentence)
    quotes = [q for q in article.quotes if words in q.text]
    assert all(q.confidence < newsgraph.MIN_CONFIDENCE for q in quotes)


# Review of the seventh round (REVIEW8 items 4-5).
@pytest.mark.parametrize(
    "sentence, words",
    [
        # a source the sentence denies, or the writer's own assertion, is no attribution
        ("Nobody believes the new gritting plan will work.", "gritting plan"),
        ("Nobody said the pass would stay shut for a week.", "stay shut"),
        ("No one believes the council will pay for a tunnel.", "pay for a tunnel"),
        ("None of the drivers said the road had been gritted.", "had been gritted"),
        ("Everyone knows the council has run out of money for the road.", "run out of money"),
        ("Anyone agrees the pass needs a second snowplough.", "second snowplough"),
    ],
)
def test_a_denied_or_common_source_gives_no_quote_and_no_finding(analyze_text, sentence, words):
    article = analyze_text(_OPENING + sentence)
    assert not [q for q in article.quotes if words in q.text]
    assert not [f for f in article.findings if words in f.text]


@pytest.mark.parametrize(
    "sentence, words",
    [
        # groups the article named before: "the groups" are they, not anonymous people
        (
            "Amnesty International and Human Rights Watch condemned the arrests. The groups said the "
            "detainees had been beaten in Harlow.",
            "detainees had been beaten",
        ),
        (
            "Amnesty International and Human Rights Watch condemned the arrests. Both groups said the "
            "detainees had been beaten in Harlow.",
            "detainees had been beaten",
        ),
        # a court's majority is named justices, no poll's share
        ("The majority wrote that the road closure had been lawful.", "closure had been lawful"),
        ("A majority said the road closure had been lawful.", "closure had been lawful"),
    ],
)
def test_a_definite_group_or_a_bare_majority_is_no_anonymous_source(analyze_text, sentence, words):
    article = analyze_text(_OPENING + sentence)
    quotes = [q for q in article.quotes if words in q.text]
    assert quotes
    assert all(q.confidence < newsgraph.MIN_CONFIDENCE or q.speaker is not None for q in quotes)


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("Half of Americans said the road tolls were too high.", "tolls were too high"),
        ("A third of Britons said the road tolls were too high.", "tolls were too high"),
        ("Several rights groups said the detainees had been beaten in Harlow.", "detainees had been beaten"),
    ],
)
def test_a_share_of_a_nationality_or_unnamed_groups_is_an_anonymous_source(analyze_text, sentence, words):
    article = analyze_text(_OPENING + sentence)
    quote = _quote(article, words)
    assert quote.speaker is None
    assert quote.confidence >= newsgraph.MIN_CONFIDENCE
