"""A defender is not the attacker: "the army repelled their attacks" does not make the army the source of
an assault (review 9, findings 1 and 6: a rule that bound an event noun's possessive pronoun to the clause
subject did exactly that, and was taken out).

All texts are fictional, written for these tests.
"""

from __future__ import annotations

import pytest

from newsgraph import MIN_CONFIDENCE, analyze


@pytest.mark.parametrize(
    "text, defender",
    [
        (
            "Militias from the hills raided the Valdorian villages of Ostrel on Friday. "
            "The Valdorian army repelled their attacks on Saturday.",
            "Valdorian",
        ),
        (
            "Gunmen shelled the Ruritanian outpost at Kessa for a week. "
            "The Ruritanian garrison survived their attacks in the cellars.",
            "Ruritanian",
        ),
    ],
)
def test_a_defender_of_their_attacks_is_no_shown_attacker(text, defender):
    article = analyze(text)
    names = {e.id: e.name for e in article.entities}
    assert any(defender in n for n in names.values())  # the defender is found, so the check below can fail
    shown_by_defender = [
        e
        for e in article.events
        if e.type == "ASSAULT" and e.confidence >= MIN_CONFIDENCE and any(defender in names.get(i, i) for i in e.source)
    ]
    assert shown_by_defender == []
