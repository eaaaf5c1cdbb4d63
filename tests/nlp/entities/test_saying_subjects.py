"""Speakers linked (issue 11): the subject of a verb of saying the recogniser missed or mistyped becomes
the entity the article's other evidence says it is (sentences written here)."""

from __future__ import annotations

from support.quotes import speaker_of


def _types(article) -> dict[str, str]:
    return {e.name: e.type for e in article.entities}


def test_an_acronym_of_an_organisation_the_article_names_is_that_organisation(analyze_text):
    article = analyze_text(
        "The Kestrel Haulage Workers Union said rates would rise this year. KHWU said on Monday that the strike was over."
    )
    assert _types(article).get("KHWU") != "PERSON"
    assert speaker_of(article, "that the strike was over") == "Kestrel Haulage Workers Union"


def test_a_surname_spelled_with_another_apostrophe_is_the_person(analyze_text):
    article = analyze_text(
        "Police Commissioner Tomas O’Brady spoke on Monday. O'Brady said officials had video of the fire."
    )
    assert speaker_of(article, "officials had video") == "Tomas O’Brady"


def test_initials_of_no_organisation_the_article_names_link_to_none(analyze_text):
    # the false-positive side: "WZQ" are not the initials of the union; a place subject stays a place
    article = analyze_text(
        "The Kestrel Haulage Workers Union said rates would rise. Lowmarsh said on Monday that the bridge would "
        "reopen. WZQ said the road was closed."
    )
    assert speaker_of(article, "the road was closed") in (None, "WZQ")
    assert _types(article).get("Lowmarsh") != "PERSON"


def test_initials_reporting_are_the_outlet_they_spell(analyze_text):
    article = analyze_text("The Lowmarsh Post reported the fire first. LP reported on Monday that two homes burned.")
    assert speaker_of(article, "that two homes burned") == "Lowmarsh Post"


def test_a_hyphenated_given_name_stays_in_the_person_s_name(analyze_text):
    # "Min Seo-yeon": the model stops the name at the hyphen ("Min Seo"); the speaker is the whole name
    article = analyze_text(
        "Lowmarsh Rovers won the derby on Saturday. Head coach Min Seo-yeon said the squad had earned a week of rest."
    )
    assert speaker_of(article, "the squad had earned") == "Min Seo-yeon"


def test_a_hyphenated_word_after_a_name_across_a_space_break_is_not_joined(analyze_text):
    # the false-positive side: a lower-case compound after a name is no part of it
    article = analyze_text("Talks stalled. President Elsa Dorrin re-opened the border on Monday.")
    assert "Elsa Dorrin" in [e.name for e in article.entities]


def test_a_weekday_after_a_name_is_no_surname_though_a_speaker_is_called_so(analyze_text):
    # a one-word "Thursday" speaks in the article, but after "Ada Brenner" it is the day she was questioned
    article = analyze_text("The tribunal questioned Ada Brenner Thursday. Thursday said little.")
    assert "Ada Brenner" in [e.name for e in article.entities]
