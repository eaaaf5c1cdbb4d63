"""Speakers linked (issue 11): the subject of a verb of saying the recogniser missed or mistyped becomes
the entity the article's other evidence says it is (sentences written here)."""

from __future__ import annotations

from support.quotes import speaker_of


def _types(article) -> dict[str, str]:
    return {e.name: e.type for e in article.entities}


def test_an_acronym_of_an_organisation_the_article_names_is_that_organisation(analyze_text):
    article = analyze_text(
        "The Northern Freight Alliance said rates would rise this year. NFA said on Monday that the strike was over."
    )
    assert _types(article).get("NFA") != "PERSON"
    assert speaker_of(article, "that the strike was over") == "Northern Freight Alliance"


def test_a_surname_spelled_with_another_apostrophe_is_the_person(analyze_text):
    article = analyze_text(
        "Police Commissioner Tomas O’Brady spoke on Monday. O'Brady said officials had video of the fire."
    )
    assert speaker_of(article, "officials had video") == "Tomas O’Brady"


def test_initials_of_no_organisation_the_article_names_link_to_none(analyze_text):
    # the false-positive side: "XQZ" are not the initials of the alliance; a place subject stays a place
    article = analyze_text(
        "The Northern Freight Alliance said rates would rise. Lowmarsh said on Monday that the bridge would "
        "reopen. XQZ said the road was closed."
    )
    assert speaker_of(article, "the road was closed") != "Northern Freight Alliance"
    assert _types(article).get("Lowmarsh") != "PERSON"
