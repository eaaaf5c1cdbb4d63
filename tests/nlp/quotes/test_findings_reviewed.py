"""Findings and speakers, after review (issue 11): words that are often people or outlets are no
records, a name that belongs to the speaker phrase's object is not the speaker, an official group's
belief is a view, and "I" inside a known speaker's words is found as inherited (sentences written here)."""

from __future__ import annotations

import pytest

from newsgraph.nlp.quotes.attribution import record_source
from newsgraph.nlp.quotes.confidence import quote_confidence, quote_evidence
from support.quotes import quote_with, speaker_of


@pytest.mark.parametrize("word", ["model", "count", "page", "sample", "brief", "figure"])
def test_a_noun_that_is_often_a_person_is_no_record(nlp, word):
    # "the model", "the count", "a page" (of a parliament) speak; they do not show
    doc = nlp(f"The {word} said that the ferry to Lowmarsh would sail an hour late.")
    assert record_source(doc, 0, len(f"The {word}")) is False


@pytest.mark.parametrize("word", ["paper", "journal", "site", "column", "blog", "story"])
def test_an_outlet_reporting_stays_a_quote(analyze_text, word):
    # an outlet's report is its publisher's statement: a quote (as "the newspaper reported" is), no finding
    article = analyze_text(f"The {word} reported on Monday that the ferry to Lowmarsh would stop running.")
    assert not [f for f in article.findings if "ferry" in f.text]
    assert quote_with(article, "the ferry to Lowmarsh would stop")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "A driver was held by officers late on Saturday. The police report said he had drunk four pints "
            "before the collision.",
            "four pints",
        ),
        ("A woman died in the blaze in Lowmarsh. The post-mortem report said she had breathed in smoke.", "smoke"),
    ],
)
def test_a_record_about_an_unnamed_he_or_she_stays_a_record(analyze_text, text, words):
    # reports about "a man" or "a woman" the article never names are records all the same (REVIEW8 item 3)
    article = analyze_text(text)
    assert [f.kind for f in article.findings if words in f.text] == ["record"]


def test_a_record_about_someone_the_article_names_stays_a_record(analyze_text):
    # the false-positive side: "she" is Ada Brenner, named before, so the report is still a record
    article = analyze_text(
        "The club dismissed Ada Brenner on Monday. The report said that she had spent the transfer budget twice."
    )
    assert [f.kind for f in article.findings if "transfer budget" in f.text] == ["record"]


def test_a_name_in_apposition_to_the_person_a_lawyer_acts_for_is_not_the_lawyer(analyze_text):
    # "the lawyer for the family of the drowned boy, Sam Orrin": Sam Orrin is the boy
    article = analyze_text(
        "The lawyer for the family of the drowned boy, Sam Orrin, said the pool had no lifeguard on duty."
    )
    assert speaker_of(article, "the pool had no lifeguard") is None


def test_a_name_in_apposition_to_the_person_an_agent_acts_for_is_not_the_agent(analyze_text):
    # "the agent of the injured striker, Sam Orrin": Sam Orrin is the striker
    article = analyze_text("The agent of the injured striker, Sam Orrin, said the club had rushed him back.")
    assert speaker_of(article, "the club had rushed him back") is None


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Detectives believe the warehouse fire in Lowmarsh was started on purpose.", "warehouse fire"),
        ("Inspectors found that the ferry's lifeboats had not been serviced.", "lifeboats"),
    ],
)
def test_an_official_groups_conclusion_is_a_view_as_docs_schema_says(analyze_text, sentence, words):
    # docs/schema.md, Finding: what a group concluded ("police believe") is a view, not a statement
    article = analyze_text(sentence)
    assert [f.kind for f in article.findings if words in f.text] == ["view"]


def test_i_relinked_to_the_speaker_around_it_is_found_as_inherited(analyze_text):
    # its confidence describes how the speaker was found: from the quote around it, not from "I said"
    article = analyze_text(
        "Coach Ada Brenner met Jonas Ruiz on Monday. 'Ruiz looked at me and said I said that the stand would "
        "be rebuilt next year, which was untrue,' Brenner told the fans."
    )
    # since the ninth round the words "I said that ..." are part of the quote around them (one statement, one
    # quote), so no "I" quote is left to relink; the whole quote is Brenner's, found by its own cue
    assert [q.text for q in article.quotes if q.speaker_span and q.speaker_span.text == "I"] == []
    outer = [q for q in article.quotes if "the stand would be rebuilt" in q.text]
    assert len(outer) == 1 and article.entity(outer[0].speaker).name == "Ada Brenner"
    assert outer[0].confidence == quote_confidence(
        quote_evidence(outer[0], "cue", "PERSON", "tell", "clause", None, len(article.quotes))
    )
