"""Speakers of direct quotes whose cue the parse leaves without a plain subject."""

from __future__ import annotations

from support.quotes import speaker_of


def test_the_agent_of_a_passive_cue_is_the_speaker(analyze_text):
    article = analyze_text(
        "Tom Baxter was asked by the host, Wilma Hardy, “Now, you said in the first debate that you were tired of it.”"
    )
    assert speaker_of(article, "Now, you said") == "Wilma Hardy"


def test_a_name_closed_by_a_comma_before_the_cue_is_the_speaker(analyze_text):
    article = analyze_text(
        "In a statement to the Gazette, her senior adviser, Jacob Sellers, said: “Cooperation is essential, "
        "and it is strongest when the region is united.”"
    )
    assert speaker_of(article, "Cooperation is essential") == "Jacob Sellers"


def test_the_subject_of_the_clause_that_introduces_a_quote_is_its_speaker(analyze_text):
    # "echoed" and "released the following statement" are no verbs of saying, but the clause before the
    # colon introduces the quote: its subject said it.
    article = analyze_text(
        "Dana Whitfield echoed: “He speaks his mind, and I think that might be what the country needs.”\n\n"
        "When the old mayor died, Governor Tom Baxter released the following statement: “We offer our "
        "condolences to the family and friends of the mayor.”"
    )
    assert speaker_of(article, "He speaks his mind") == "Dana Whitfield"
    assert speaker_of(article, "We offer our condolences") == "Tom Baxter"


def test_a_name_and_verb_after_a_quote_ending_in_a_comma_is_its_speaker(analyze_text):
    # "shot back" is no verb of saying in the lexicon; the clause right after ",”" attributes the quote.
    article = analyze_text(
        "“Look at all these people here,” Carla Menendez said, looking over at her neighbour. "
        "“They are all here because the bus was free,” Walter Prynne shot back with a laugh."
    )
    assert speaker_of(article, "They are all here") == "Walter Prynne"


def test_a_name_before_a_colon_signs_the_quote_after_it(analyze_text):
    article = analyze_text(
        "TURNOUT WAS HIGH IN THE NORTH - Peter Lindqvist: “At long last the contests have started, and we now "
        "have a first glimpse at participation.”"
    )
    quote = next(q for q in article.quotes if q.text.startswith("At long last"))
    assert quote.speaker_span is not None and quote.speaker_span.text == "Peter Lindqvist"


def test_a_participle_in_a_preposition_phrase_reports_for_the_main_subject(analyze_text):
    # "In addition to stating ..., X has vowed": whoever stated it is the main clause's subject.
    article = analyze_text(
        "In addition to stating that the rule has no legal basis, Dana Whitfield has vowed to repeal it."
    )
    assert speaker_of(article, "that the rule has no legal basis") == "Dana Whitfield"


def test_a_participle_cue_on_reported_words_reports_for_the_outer_speaker(analyze_text):
    # "adding" hangs on "had", which is what Hoffman told: Vance is talked about, Hoffman speaks.
    article = analyze_text(
        "Carl Hoffman told the Courier that Peter Vance “had a crazy policy which was maniacal,” adding, "
        "“He lost all of the rural vote.”"
    )
    assert speaker_of(article, "had a crazy policy") == "Carl Hoffman"
