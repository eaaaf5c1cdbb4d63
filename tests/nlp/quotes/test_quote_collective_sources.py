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
