"""Speaker phrases and repeated statements, ninth round (docs/failure-classes.md, "## Ninth round"): a
relative pronoun's antecedent, the subject of a conjoined cue, an extraposed "it", one statement quoted
twice, and a document as the source of "according to" -- each on sentences written for these tests, with
a test of the other side (the right speaker still found)."""

from __future__ import annotations

from support.quotes import quotes_starting, speaker_name


def _finding_with(article, words: str):
    return [f for f in article.findings if words in f.text]


# ----- a relative pronoun is never the speaker: the noun phrase its clause modifies is -------------------


def test_the_relative_clause_speaker_is_the_people_the_clause_describes(analyze_text):
    article = analyze_text(
        "The new dam on the Orrin river was approved in May. The project has alarmed several growers on the "
        "plain who think that the dam will flood their fields."
    )
    sources = [q.speaker_span.text for q in article.quotes if "the dam will flood" in q.text and q.speaker_span]
    sources += [f.source_span.text for f in _finding_with(article, "the dam will flood") if f.source_span]
    assert sources, (article.quotes, article.findings)
    for source in sources:
        assert source.startswith("several growers"), source


def test_a_who_clause_after_a_place_hung_on_the_verb_describes_the_verbs_object(analyze_text):
    # the parser hangs "in the city" on "unsettled" and the "who" clause on "city"
    article = analyze_text(
        "Judge Ira Holt's abrupt resignation \u2014 made public just hours ahead of the hearing in Dunmore "
        "\u2014 has unsettled some lawyers in the city who believe he left to help a friend."
    )
    sources = [q.speaker_span.text for q in quotes_starting(article, "he left to help") if q.speaker_span]
    sources += [f.source_span.text for f in _finding_with(article, "he left to help") if f.source_span]
    assert sources, (article.quotes, article.findings)
    for source in sources:
        assert source.startswith("some lawyers"), source


def test_a_named_speaker_with_a_place_and_a_relative_clause_is_still_found(analyze_text):
    article = analyze_text(
        "The dam was approved in May. Tomas Ferrand, a farmer in the valley who opposed the plan, said the "
        "dam will flood his fields."
    )
    (quote,) = quotes_starting(article, "the dam will flood")
    assert speaker_name(article, quote) == "Tomas Ferrand"


def test_a_place_the_relative_clause_hangs_on_is_not_the_speaker_of_a_who_clause(analyze_text):
    article = analyze_text(
        "Flooding closed the road to Harwick on Monday. Two drivers from the town who were stranded "
        "overnight complained that officers shut the road too late."
    )
    (quote,) = [q for q in article.quotes if "officers shut the road" in q.text]
    assert quote.speaker_span is not None and quote.speaker_span.text.startswith("Two drivers"), quote
    assert speaker_name(article, quote) != "Harwick"


# ----- a conjoined cue takes the subject of the clause it is conjoined with, not the nearest noun --------


def test_a_conjoined_cue_in_a_lower_clause_speaks_for_the_main_subject(analyze_text):
    article = analyze_text(
        "A climber died near Coldwater on Saturday. Two guides later insisted that they had seen the moment "
        "the climber, a man of 50 named Oren Vale, was hurt but cannot tell how it occurred since they stood "
        "too far off."
    )
    for quote in quotes_starting(article, "how it occurred"):
        assert speaker_name(article, quote) != "Oren Vale", quote
        assert quote.speaker_span is None or "climber" not in quote.speaker_span.text, quote


def test_a_cue_inside_the_same_sources_claim_is_part_of_that_claim(analyze_text):
    article = analyze_text(
        "A climber died near Coldwater on Saturday. Two guides later insisted that they had seen the moment "
        "the climber was hurt but cannot tell how it occurred since they stood too far off."
    )
    assert [q.text for q in article.quotes if "how it occurred" in q.text] == [
        q.text for q in article.quotes if q.text.startswith("that they had seen")
    ], [q.text for q in article.quotes]


def test_someone_elses_claim_inside_a_claim_is_part_of_the_outer_quote(analyze_text):
    # PolNeAR annotates no attribution inside another's content: what Reyes says the council admitted is
    # Reyes's claim, one quote, not a second fact of the council's
    article = analyze_text(
        "The depot closed in March. Marta Reyes, a driver, said the council had admitted that the depot was unsafe."
    )
    assert [q for q in article.quotes if q.text.startswith("that the depot was unsafe")] == []
    (outer,) = [q for q in article.quotes if "the depot was unsafe" in q.text]
    assert speaker_name(article, outer) == "Marta Reyes"


def test_a_cue_conjoined_with_the_main_verb_keeps_its_subject(analyze_text):
    article = analyze_text(
        "A ferry sank off Kellan Point on Sunday. The harbour master Ines Rolo claimed the crew had been "
        "warned, but admitted the warning came late."
    )
    (late,) = quotes_starting(article, "the warning came late")
    assert speaker_name(article, late) == "Ines Rolo"


# ----- an extraposed "it" is never the speaker ------------------------------------------------------------


def test_an_extraposed_it_is_not_the_speaker(analyze_text):
    article = analyze_text(
        "The Harwick Shipping Company said on Monday that the port would stay open. At the town hall the "
        "governor spoke to residents. It is my job to tell you that the council has voted to close the library."
    )
    for quote in quotes_starting(article, "that the council has voted"):
        assert speaker_name(article, quote) != "Harwick Shipping Company", quote
        assert quote.speaker_span is None or quote.speaker_span.text.lower() != "it", quote


def test_the_one_it_is_left_to_is_the_speaker(analyze_text):
    article = analyze_text(
        "Residents gathered at the town hall on Friday. It was left to the mayor, Ana Petrov, to announce "
        "that the library would close."
    )
    (quote,) = quotes_starting(article, "that the library would close")
    assert speaker_name(article, quote) == "Ana Petrov"


def test_it_standing_for_a_company_is_still_the_speaker(analyze_text):
    article = analyze_text(
        "The Harwick Shipping Company lost money in May. It said that the port would stay open all winter."
    )
    (quote,) = quotes_starting(article, "that the port would stay open")
    assert speaker_name(article, quote) == "Harwick Shipping Company"


# ----- the same statement quoted twice is one quote ------------------------------------------------------


def test_a_teaser_and_its_attributed_copy_are_one_quote(analyze_text):
    article = analyze_text(
        "\u201cThe water is not safe to drink. They want us to wait another week.\u201d\n\n"
        "Residents of Dunmore have had no clean water since the storm. \u201cThe water is not safe to drink,"
        "\u201d said Ana Petrov, who runs the shelter."
    )
    copies = quotes_starting(article, "The water is not safe")
    assert len(copies) == 1, [q.text for q in copies]
    assert speaker_name(article, copies[0]) == "Ana Petrov"


def test_the_longer_copy_stays_when_both_are_attributed(analyze_text):
    article = analyze_text(
        "Residents of Dunmore have had no clean water since the storm. \u201cThe water is not safe to drink. "
        "They want us to wait another week,\u201d said Ana Petrov, who runs the shelter.\n\n"
        "The council met on Monday. \u201cThe water is not safe to drink,\u201d Petrov said again."
    )
    copies = quotes_starting(article, "The water is not safe")
    assert len(copies) == 1, [q.text for q in copies]
    assert "another week" in copies[0].text
    assert speaker_name(article, copies[0]) == "Ana Petrov"


def test_two_different_statements_that_share_an_opening_stay_two(analyze_text):
    article = analyze_text(
        "\u201cThe water is not safe to drink,\u201d said Ana Petrov, who runs the shelter.\n\n"
        "\u201cThe water is not safe to swim in either,\u201d said Tomas Ferrand, a lifeguard."
    )
    assert len(quotes_starting(article, "The water is not safe")) == 2


# ----- a document or information is not a speaker --------------------------------------------------------


def test_information_as_the_source_of_according_to_is_no_speaker(analyze_text):
    article = analyze_text(
        "The storm hit Dunmore on Monday. According to information passed to the Dunmore Herald, the council "
        "will close the library."
    )
    for quote in quotes_starting(article, "the council will close"):
        assert quote.speaker_span is None or quote.speaker_span.text.lower() != "information", quote
    assert _finding_with(article, "the council will close")


def test_an_invitation_as_the_source_of_according_to_is_a_finding(analyze_text):
    article = analyze_text(
        "The storm hit Dunmore on Monday. According to an invitation seen by reporters, the mayor will "
        "attend the opening of the shelter."
    )
    assert not quotes_starting(article, "the mayor will attend")
    (finding,) = _finding_with(article, "the mayor will attend")
    assert finding.kind == "record" and finding.source is None, finding


def test_a_person_as_the_source_of_according_to_is_still_the_speaker(analyze_text):
    article = analyze_text(
        "The storm hit Dunmore on Monday. According to Ana Petrov, the mayor of Dunmore, the library will close."
    )
    (quote,) = quotes_starting(article, "the library will close")
    assert speaker_name(article, quote) == "Ana Petrov"


def test_my_inside_a_known_speakers_words_is_that_speaker():
    # "“... it is my job to tell you that ...,” Lee told the crowd": the doer "my" of an extraposed "it"
    # inside Lee's words is Lee, as "I" is; outside anyone's words it stays unlinked
    from newsgraph.model import Quote, Span
    from newsgraph.nlp.quotes.attribution import nested_first_person_speakers

    holder = Quote(
        0, 80, "It is my job to tell you that the bridge will close", "direct", "E1", None, Span(90, 93, "Lee")
    )
    inner = Quote(30, 60, "that the bridge will close", "indirect", None, Span(17, 21, "tell"), Span(6, 8, "my"))
    outside = Quote(
        120, 150, "that the road will close", "indirect", None, Span(110, 114, "tell"), Span(100, 102, "my")
    )
    assert nested_first_person_speakers([holder, inner, outside]) == [(inner, "E1")]


def test_one_speaker_quoting_another_is_not_a_repeat_of_the_other(analyze_text):
    # a longer quote by someone else holding the same words is that person's statement, not a copy
    article = analyze_text(
        "\u201cWe will reopen every clinic by June,\u201d said Mayor Ines Calder on Monday.\n\n"
        "\u201cShe told us we will reopen every clinic by June, and nothing has happened,\u201d said Piet Laval, "
        "a nurse at the Harbour clinic."
    )
    assert [speaker_name(article, q) for q in quotes_starting(article, "We will reopen every clinic")] == [
        "Ines Calder"
    ]
    assert [speaker_name(article, q) for q in quotes_starting(article, "She told us")] == ["Piet Laval"]
