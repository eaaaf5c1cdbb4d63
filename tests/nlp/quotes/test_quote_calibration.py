"""Quote confidence for speakers the article does not name (issue 11, calibration).

A quote whose speaker phrase resolves to no entity is one of two kinds.  An anonymous or
collective source ("officials said", "a spokesman for the port said", "critics say") *is* the
speaker as written: PolNeAR and the real-news gold agree it is right, so it is shown.  A phrase
that points at someone particular ("the former mayor said", a pronoun, an unresolved name) or at
a thing ("city records show") is a speaker we failed to find: it stays below the display
threshold.  Sentences written here.
"""

from __future__ import annotations

import pytest

import newsgraph


def _quote(article, words: str):
    found = [q for q in article.quotes if words in q.text]
    assert len(found) == 1, [q.text for q in article.quotes]
    return found[0]


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("Officials said the harbour bridge would reopen in May after the repairs.", "harbour bridge"),
        ("A spokesman for the port authority said the cranes had been idle since Monday.", "cranes"),
        ("Critics say the new toll will hurt families who drive to work every day.", "new toll"),
        ("Two witnesses told reporters that the lorry had run a red light before the crash.", "lorry"),
    ],
)
def test_an_anonymous_or_collective_source_is_shown(analyze_text, sentence, words):
    article = analyze_text("The council met on Tuesday in Lowmarsh.\n\n" + sentence)
    quote = _quote(article, words)
    assert quote.speaker is None
    assert quote.speaker_span is not None
    assert quote.confidence >= newsgraph.MIN_CONFIDENCE


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("The former mayor argued that the tax had paid for three new schools.", "three new schools"),
        ("City records show that the tax had paid for three new schools.", "three new schools"),
        # an anonymous group's belief or finding is nobody's statement
        ("Rescue workers found that the tax had paid for three new schools.", "three new schools"),
        ("Many parents fear that the tax will close three village schools.", "three village schools"),
    ],
)
def test_a_particular_speaker_left_unnamed_or_a_thing_stays_hidden(analyze_text, sentence, words):
    article = analyze_text("The council met on Tuesday in Lowmarsh.\n\n" + sentence)
    quote = _quote(article, words)
    assert quote.speaker is None
    assert quote.confidence < newsgraph.MIN_CONFIDENCE


def test_an_anonymous_source_still_ranks_below_a_named_one(analyze_text):
    article = analyze_text(
        "Mayor Anna Kovac opened the bridge on Monday.\n\n"
        "Kovac said that the work had finished on time and under budget.\n\n"
        "Officials said that the work had cost more than the council first planned."
    )
    named = _quote(article, "on time")
    anonymous = _quote(article, "cost more")
    assert anonymous.speaker is None
    assert named.confidence > anonymous.confidence >= newsgraph.MIN_CONFIDENCE
