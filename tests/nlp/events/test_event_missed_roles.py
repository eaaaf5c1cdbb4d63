"""Events the coder missed or turned round (issue 11): a possessor that does the act to an "of" object,
a light verb with a stance noun ("voiced his support for", "reiterated his regret").

All texts are fictional, written for these tests.
"""

from __future__ import annotations


def _names(article, ids):
    return sorted(article.entity(i).name for i in ids if article.entity(i))


def _of_type(article, type_):
    return [e for e in article.events if e.type == type_]


def test_a_possessor_with_an_of_object_does_the_arrest(analyze_text):
    # "Valdoria's arrest of X": Valdoria arrests, X is arrested (not "the governor's arrest")
    art = analyze_text("Valdoria's arrest of Alan Dorsey drew protests from his party.")
    ev = _of_type(art, "COERCE")[0]
    assert _names(art, ev.source) == ["Valdoria"]
    assert _names(art, ev.target) == ["Alan Dorsey"]


def test_the_possessor_of_an_arrest_without_an_object_is_still_arrested(analyze_text):
    art = analyze_text("Police in Valdoria confirmed Governor Marta Quintel's arrest on Monday.")
    ev = _of_type(art, "COERCE")[0]
    assert "Marta Quintel" in _names(art, ev.target)


def test_voicing_support_is_support(analyze_text):
    art = analyze_text("Premier Alan Dorsey has voiced his support for the government of Ruritania.")
    ev = _of_type(art, "SUPPORT")[0]
    assert _names(art, ev.source) == ["Alan Dorsey"]
    assert _names(art, ev.target) == ["Ruritania"]


def test_voicing_concern_is_disapproval(analyze_text):
    art = analyze_text("Senator Maria Ellwood voiced concern over Ruritania's treatment of refugees.")
    ev = _of_type(art, "ACCUSE")[0]
    assert _names(art, ev.source) == ["Maria Ellwood"]


def test_reiterating_regret_is_a_concession(analyze_text):
    art = analyze_text("Premier Alan Dorsey reiterated his regret over the raids on the opposition's offices.")
    ev = _of_type(art, "CONCEDE")[0]
    assert _names(art, ev.source) == ["Alan Dorsey"]
