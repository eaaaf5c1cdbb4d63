"""Unnamed sources both golds take as written (issue 11, calibration): "those" with words that tell who
they are, a noun a "who" clause describes, an indefinite body.  Each is "anonymous" (people or a body the
article does not name), so its quote keeps the model's confidence instead of the cap for a speaker we
failed to resolve (sentences written here)."""

from __future__ import annotations

from newsgraph.nlp.quotes.attribution import unnamed_source_form


def _form(nlp, text: str, phrase: str) -> str | None:
    doc = nlp(text)
    start = doc.text.index(phrase)
    return unnamed_source_form(doc, start, start + len(phrase))


_OPENING = "The Lowmarsh council voted on Tuesday to close the bus depot. "


def test_those_close_to_someone_are_anonymous(nlp):
    text = _OPENING + "Those close to the mayor say she had doubts about the plan."
    assert _form(nlp, text, "Those close to the mayor") == "anonymous"


def test_those_who_attended_are_anonymous(nlp):
    text = _OPENING + "Those who attended the meeting said the mood was grim."
    assert _form(nlp, text, "Those") == "anonymous"


def test_a_bare_those_points_back_and_is_no_source(nlp):
    # the false-positive side: "those" alone stands for things or people named before
    text = _OPENING + "Ann Kerr and Tom Bell spoke. Those were the only speakers, the clerk said."
    assert _form(nlp, text, "Those") is None


def test_a_noun_a_who_clause_describes_is_someone(nlp):
    # "architect" is no word the lexicon knows for a person; the "who" clause says it is one
    text = _OPENING + "An architect who worked on the depot said the vote was a mistake."
    assert _form(nlp, text, "An architect") == "anonymous"
    assert _form(nlp, text, "An architect who") == "anonymous"


def test_a_thing_a_that_clause_describes_is_no_one(nlp):
    text = _OPENING + "A design that won a prize in 1990 shows the depot was built to last."
    assert _form(nlp, text, "A design") is None


def test_an_indefinite_body_is_a_source_the_article_does_not_name(nlp):
    text = _OPENING + "A review board said in 2019 that the depot was unsafe."
    assert _form(nlp, text, "A review board") == "anonymous"


def test_a_definite_body_is_no_anonymous_source(nlp):
    # "the board" points at a board the article may name: coreference's to resolve, not anonymous
    text = "The Lowmarsh Transit Board met on Tuesday. The board said the depot was unsafe."
    assert _form(nlp, text, "The board") != "anonymous"


def test_an_anonymous_source_keeps_the_models_confidence(nlp):
    doc = nlp(_OPENING + "Those close to the mayor say she had doubts about the plan.")
    quotes = doc._.ng_quotes
    assert [q.speaker_span.text for q in quotes] == ["Those close to the mayor"]
    assert quotes[0].speaker is None and quotes[0].confidence > 0.5


def test_a_partys_members_are_no_nationality_speaking(nlp):
    # "Republicans" is linked with the nationality ("American"); the quote is theirs as written, not "American"'s
    doc = nlp("The Norland budget grew faster than expected in the spring. Republicans said the tax cut had worked.")
    quotes = doc._.ng_quotes
    assert [q.speaker_span.text for q in quotes] == ["Republicans"]
    assert quotes[0].speaker is None and quotes[0].confidence > 0.5


def test_a_pronoun_standing_for_a_nationality_adjective_is_no_speaker(nlp):
    doc = nlp("Mexican officials met the governor of Lowmarsh on Monday. It shows the talks have stalled.")
    names = {e.id: e.type for e in doc._.ng_entities}
    assert all(q.speaker is None or names[q.speaker] != "NORP" for q in doc._.ng_quotes)


def test_a_country_acting_as_a_government_still_speaks(nlp):
    # the false-positive side: a country is a speaker ("Turkey said"), a nationality is not
    doc = nlp("Turkey said on Monday that the border crossing would reopen within a week.")
    names = {e.id: e.name for e in doc._.ng_entities}
    assert [names.get(q.speaker) for q in doc._.ng_quotes] == ["Turkey"]


def test_they_standing_for_a_partys_members_is_as_anonymous_as_they_are(nlp):
    doc = nlp("Republicans met in Lowmarsh on Monday. They said the tax cut had worked.")
    quotes = doc._.ng_quotes
    assert [q.speaker_span.text for q in quotes] == ["They"]
    assert quotes[0].speaker is None and quotes[0].confidence > 0.5
