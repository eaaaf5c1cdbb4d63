"""Quote confidence from where the quote stands (issue 11, ninth round of calibration).

Two pieces of evidence the quote carries, each lowering the confidence fitted on PolNeAR train out
of fold: how many attributions start in the quote's paragraph (where several people speak in one
paragraph, the speaker is more often another's), and how far the speaker as written stands from the
quote's words.  Sentences written here.
"""

from __future__ import annotations

import math

from newsgraph.model import Quote, Span
from newsgraph.nlp.quotes.confidence import load_weights, quote_evidence, speaker_distance

_TEXT = "Ann Lee said that the bridge would reopen in May."


def _quote_with_speaker_at(start: int, end: int) -> Quote:
    return Quote(200, 240, "the bridge would reopen in May", "indirect", "e1", None, Span(start, end, "Ann Lee"))


def test_the_speaker_beside_or_inside_the_quote_is_at_no_distance():
    assert speaker_distance(_quote_with_speaker_at(190, 199)) == 1
    assert speaker_distance(_quote_with_speaker_at(205, 212)) == 0
    assert speaker_distance(_quote_with_speaker_at(240, 247)) == 0
    assert speaker_distance(Quote(200, 240, "the bridge would reopen in May", "indirect")) == 0


def test_a_speaker_far_from_the_quote_has_a_distance_feature():
    near = quote_evidence(_quote_with_speaker_at(190, 199), "cue", "PERSON", "say")
    far = quote_evidence(_quote_with_speaker_at(300, 307), "cue", "PERSON", "say")
    assert near["log_speaker_distance"] == math.log1p(1 / 20)
    assert far["log_speaker_distance"] == math.log1p(60 / 20)


def test_the_fitted_weights_price_crowded_paragraphs_and_distant_speakers_down():
    weights = load_weights()
    assert weights["log_quotes_in_paragraph"] < 0
    assert weights["log_speaker_distance"] < 0


def _bridge(article):
    found = [q for q in article.quotes if "bridge" in q.text]
    assert len(found) == 1, [q.text for q in article.quotes]
    return found[0]


def test_a_quote_among_several_speakers_in_its_paragraph_ranks_below_the_same_quote_alone(analyze_text):
    opening = "The council met on Tuesday in Lowmarsh.\n\n"
    alone = analyze_text(opening + _TEXT + "\n\nThe meeting ended at noon.")
    crowded = analyze_text(
        opening + _TEXT + " Tom Hale said that the toll would rise. Rita Ford said that the buses would run late."
    )
    assert _bridge(alone).speaker is not None and _bridge(crowded).speaker is not None
    assert _bridge(crowded).confidence < _bridge(alone).confidence
