"""Generic bodies of two countries in one article (issue 11, tenth round; docs/failure-classes.md "Tenth
round"): "the ministry" after another country's unnamed ministry is not the one named earlier.
Sentences written here."""

from __future__ import annotations

from support.coref import references


def test_the_ministry_after_another_countrys_ministry_is_not_the_one_named_before(nlp):
    refs = references(
        nlp,
        "The Ministry of Water in Lusaka said the dam was safe. In Harare, Zimbabwe's energy ministry said "
        "the river had risen. Power cuts would continue, the ministry said.",
        last=True,
    )
    assert refs.get("ministry") is None


def test_the_ministry_with_no_other_ministry_between_is_the_one_named(nlp):
    # guard: the same sentences without the second country's ministry keep the named one
    refs = references(
        nlp,
        "The Ministry of Water in Lusaka said the dam was safe. In Harare, officials said the river had "
        "risen. Power cuts would continue, the ministry said.",
        last=True,
    )
    assert refs.get("ministry") == "Ministry of Water"


def test_the_ministry_after_the_same_countrys_ministry_is_the_one_named(nlp):
    # review 12: from Accra, "Ghana's health ministry" is the Ministry of Health named before, not another
    refs = references(
        nlp,
        "ACCRA - The Ministry of Health said 40 cases were recorded. Ghana's health ministry has faced "
        "criticism before. The ministry said a vaccine would arrive next week.",
        last=True,
    )
    assert refs.get("ministry") == "Ministry of Health"
