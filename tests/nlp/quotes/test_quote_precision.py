"""Quote classes that made wrong facts on unseen news pages (issue 11): each test is on sentences written here."""

from __future__ import annotations


def _speaker(article, quote) -> str | None:
    ent = article.entity(quote.speaker)
    return ent.name if ent else None


def _quote(article, start: str):
    found = [q for q in article.quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text for q in article.quotes]
    return found[0]


def test_a_quote_interrupted_by_its_attribution_is_one_quote(analyze_text):
    article = analyze_text(
        "Dr. Helen Marsh runs the clinic in Dunmore.\n\n"
        "“We have no more bandages left,” she said on Tuesday. “The shelves have been empty for a week.”"
    )
    quote = _quote(article, "We have no more bandages")
    assert "The shelves have been empty" in quote.text
    assert not [q for q in article.quotes if q.text.startswith("The shelves")]
    assert _speaker(article, quote) == "Helen Marsh"


def test_a_quote_carried_into_the_next_paragraph_keeps_its_speaker_and_is_one_quote(analyze_text):
    article = analyze_text(
        "Governor Paul Hart spoke at the harbour on Friday.\n\n"
        "“The port will reopen next month after the repairs are finished,” Hart said.\n\n"
        "“Every ship that was turned away will be welcome again, and the fees will be waived.”\n\n"
        "The harbour master declined to comment."
    )
    quote = _quote(article, "The port will reopen")
    assert _speaker(article, quote) == "Paul Hart"
    assert all(not q.text.startswith("Every ship") or q.speaker == quote.speaker for q in article.quotes)
    assert len([q for q in article.quotes if q.kind == "direct"]) == 1


def test_a_verb_that_is_not_speech_makes_no_quote(analyze_text):
    article = analyze_text(
        "Senator Maria Lopez moved the motion in the chamber on Monday. "
        "As she concluded the debate, members left the room. She also noted the hour."
    )
    assert not [q for q in article.quotes if q.text in ("the debate", "the hour")]


def test_scare_quotes_and_titles_of_works_are_not_quotes(analyze_text):
    article = analyze_text(
        "The so-called “ghost budget” was discussed in the local press. "
        "The mayor wrote a book called “The Long Road Home” in 2019, and his dog “Biscuit” is famous."
    )
    assert [q.text for q in article.quotes] == []


def test_a_pull_quote_repeated_in_the_article_is_counted_once(analyze_text):
    article = analyze_text(
        "“Nobody in this town will go hungry while I am mayor.”\n\n"
        "Mayor Anna Kovac opened the food bank on Saturday.\n\n"
        "“Nobody in this town will go hungry while I am mayor,” Kovac said."
    )
    found = [q for q in article.quotes if q.text.startswith("Nobody in this town")]
    assert len(found) == 1
    assert _speaker(article, found[0]) == "Anna Kovac"


def test_a_statement_is_not_the_speaker_its_author_is(analyze_text):
    article = analyze_text(
        "Harlow Foods closed its stores on Sunday. "
        "A statement from Harlow Foods said the stores would reopen after the computers were repaired."
    )
    quote = _quote(article, "the stores would reopen")
    assert _speaker(article, quote) == "Harlow Foods"


def test_an_organisation_is_a_speaker(analyze_text):
    article = analyze_text(
        "The outage lasted two days. Harlow Foods said the card payments of its customers were never exposed."
    )
    quote = _quote(article, "the card payments")
    assert _speaker(article, quote) == "Harlow Foods"


def test_he_added_is_not_given_to_a_woman(analyze_text):
    article = analyze_text(
        "Senator Maria Lopez opened the debate on Monday and Mr. Tom Reyes answered her for the government.\n\n"
        "“The budget is balanced,” he said. “We will not raise taxes this year,” he added."
    )
    for quote in article.quotes:
        assert _speaker(article, quote) != "Maria Lopez", quote.text


def test_a_signed_quote_takes_the_name_after_the_dash(analyze_text):
    article = analyze_text(
        "Readers wrote to us about the new bridge.\n\n"
        "“The bridge has cut my drive to work by half an hour every day.” — Peter Novak, Lowmarsh Herald"
    )
    quote = _quote(article, "The bridge has cut")
    assert _speaker(article, quote) == "Peter Novak"


def test_every_quote_has_a_confidence_and_attributed_quotes_score_higher(analyze_text):
    article = analyze_text(
        "Mayor Anna Kovac opened the bridge on Monday.\n\n"
        "“We finished the work on time and under budget,” Kovac said.\n\n"
        "Some residents believe the toll is too high for families."
    )
    assert article.quotes
    assert all(q.confidence is not None and 0.0 <= q.confidence <= 1.0 for q in article.quotes)
    named = _quote(article, "We finished the work")
    unnamed = [q for q in article.quotes if q.speaker is None]
    assert all(named.confidence > q.confidence for q in unnamed)


def test_a_quote_nobody_is_said_to_have_said_is_below_the_display_threshold(analyze_text):
    import newsgraph

    article = analyze_text(
        "The storm closed the port for three days.\n\n"
        "“Nobody expected the water to rise so fast, and the boats were lost within an hour.”"
    )
    quote = next(q for q in article.quotes if q.text.startswith("Nobody"))
    assert quote.speaker is None
    assert quote.confidence < newsgraph.MIN_CONFIDENCE


def test_a_weak_report_of_an_object_ranks_below_a_said_that_clause(analyze_text):
    article = analyze_text(
        "Mayor Rosa Alvarez said that the bridge would reopen in May. "
        "Councillor Daniel Whitcombe suggested the repairs might cost more than planned."
    )
    said = next(q for q in article.quotes if "bridge" in q.text)
    noted = next(q for q in article.quotes if "cost" in q.text)
    assert said.confidence > noted.confidence


def test_a_dateline_is_not_part_of_what_was_said(analyze_text):
    # a JSONL record or a wire text whose body opens with its dateline, the title kept apart
    art = analyze_text(
        "RIVERTON, May 3 (Delta Wire) - Floods closed four river ports on Friday, the harbour authority said.\n\n"
        "Barges waited downstream for the water to fall.\n"
    )
    (quote,) = [q for q in art.quotes if q.kind == "indirect"]
    assert quote.text.startswith("Floods closed four river ports")
