"""Speakers linked (issue 11): a speaker phrase that holds a name in apposition resolves to that name's
entity, not to nobody under the no-speaker cap (sentences written here)."""

from __future__ import annotations

import pytest

from newsgraph.nlp.quotes.attribution import unnamed_source_form
from support.quotes import speaker_of


def test_a_name_in_apposition_to_one_of_a_group_is_the_speaker(analyze_text):
    article = analyze_text(
        "The club fined two players on Friday. Speaking after training, one of the club's physiotherapists, "
        "Nadia Okoro, said the hamstring strain would heal within a month."
    )
    assert speaker_of(article, "the hamstring strain would heal") == "Nadia Okoro"


def test_a_name_in_apposition_hung_on_a_place_is_still_the_speaker(analyze_text):
    # the parser hangs the name on the place inside the phrase ("partner at Halbrook, Desmond Ashby")
    article = analyze_text(
        "Marta Quell built a shipping firm in Halbrook. Her former partner at Halbrook, Desmond R. Ashby, said "
        "she was a master of impossible deals."
    )
    assert speaker_of(article, "she was a master") == "Desmond R. Ashby"


def test_a_description_in_apposition_without_a_name_stays_unlinked(analyze_text):
    # the false-positive side: "a retired teacher" names nobody, and the name it follows is not the subject
    article = analyze_text(
        "The lawyer for Tom Keller, a retired teacher from Lowmarsh, said the charges would be dropped soon."
    )
    assert speaker_of(article, "the charges would be dropped") is None


def _first_person(article) -> list:
    """The quotes whose speaker as written is "I" (one nested in another quote would be)."""
    return [q for q in article.quotes if q.speaker_span and q.speaker_span.text == "I"]


def test_i_inside_the_words_of_a_named_speaker_is_that_speaker(analyze_text):
    article = analyze_text(
        "Senator Carl Denton said on Monday that the road was late. 'I said that the bridge would be built "
        "next year,' he told the crowd."
    )
    # one statement, one quote (ninth round): the "I said that ..." inside his words is part of his quote
    assert _first_person(article) == []
    assert speaker_of(article, "the bridge would be built") == "Carl Denton"


def test_i_inside_the_words_of_nobody_stays_unlinked(analyze_text):
    article = analyze_text(
        "The hall in Lowmarsh was full on Monday. 'I said that the bridge would be built next year,' one "
        "voter told the crowd."
    )
    assert _first_person(article) == []
    assert speaker_of(article, "the bridge would be built") is None


def test_i_in_unmarked_words_reported_of_someone_is_not_that_someone(analyze_text):
    # "Denton said I told them that ...": no quotation marks, so the "I" is the writer, not Denton
    article = analyze_text(
        "Senator Carl Denton spoke in Lowmarsh on Monday. Denton said I told them that the bridge would be "
        "built next year."
    )
    # what "I told them" is part of what Denton said (ninth round), and that "I" is never made Denton
    assert all(q.speaker is None for q in _first_person(article))
    assert speaker_of(article, "I told them that the bridge") == "Carl Denton"


@pytest.mark.parametrize(
    "phrase",
    ["Some", "Many of the growers", "Most of the growers", "Several of the growers", "All of the growers"],
)
def test_a_quantified_group_is_an_anonymous_source_not_someone_particular(nlp, phrase):
    # "Some said", "many of the growers said": people the article does not name and need not
    doc = nlp(f"The frost came early in Lowmarsh. {phrase} said that the harvest was ruined.")
    start = doc.text.index(phrase)
    assert unnamed_source_form(doc, start, start + len(phrase)) == "anonymous"


def test_both_of_two_named_people_stay_particular(nlp):
    # the false-positive side: "both" are the two the article named, someone in particular
    doc = nlp("Anna Kovac and Tom Lee met in Lowmarsh. Both said that the harvest was ruined.")
    start = doc.text.index("Both")
    assert unnamed_source_form(doc, start, start + len("Both")) == "particular"
