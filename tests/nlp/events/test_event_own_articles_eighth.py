"""Event classes found on articles written for the eighth round (docs/failure-classes.md, "Events and dates")."""

from __future__ import annotations

import pytest


def _threats(article):
    return [(e.trigger.text, e.mode) for e in article.events if e.type == "THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Workers Union threatened strike action over pay on Monday.",
        "The Harbour Workers Union threatened industrial action over pay on Monday.",
        "The Harbour Workers Union threatened to picket the depot over pay on Monday.",
        "The Harbour Workers Union threatened a walkout over pay on Monday.",
    ],
)
def test_a_threatened_strike_is_no_threat_of_violence(analyze_text, text):
    # a strike is a protest: the threat restricts, it does not threaten force
    assert _threats(analyze_text(text)) == [("threatened", "restrict")]


def test_a_threat_of_force_stays_violence(analyze_text):
    article = analyze_text("The rebel commander Oren Vask threatened military action against Calderon on Monday.")
    assert _threats(article) == [("threatened", "violence")]
    article = analyze_text("The rebel commander Oren Vask threatened to attack the convoy on Monday.")
    assert _threats(article) == [("threatened", "violence")]
    # "to strike" a place is force; the verb alone cannot tell it from a walkout, so it stays violence
    article = analyze_text("The rebel commander Oren Vask threatened to strike the airbase at Morrow on Monday.")
    assert _threats(article) == [("threatened", "violence")]
