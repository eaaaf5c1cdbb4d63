"""Direct-quote speakers, fourth round: classes of errors found on PolNeAR (sentences written here)."""

from __future__ import annotations

from support.quotes import speaker_of


def _written(article, start: str) -> str | None:
    quote = next(q for q in article.quotes if q.text.startswith(start))
    return quote.speaker_span.text if quote.speaker_span else None


def test_a_participle_hung_on_a_relative_clause_reports_for_the_main_subject(analyze_text):
    # ", saying" belongs to the main clause; the relative clause's "who" is someone else.
    article = analyze_text(
        "Governor Tom Baxter was defensive when asked about not paying a contractor who said he was cheated "
        "after he built a marina at one of his hotels, saying, “Maybe he did a poor job, and I was not happy.”"
    )
    assert "Baxter" in (_written(article, "Maybe he did a poor job") or "")


def test_a_cue_in_a_clause_after_though_does_not_frame_the_quote_before_it(analyze_text):
    # "said ... because “...”, though she noted": the quote is what she said, not what the later clause notes.
    article = analyze_text(
        "Mayor Anna Kovac spoke at the hall on Monday. Judge Ruth Ellery said she speaks about housing more "
        "often because “you talk about the issues that are in front of you,” though she noted she has also "
        "pushed for other cases."
    )
    quote = next(q for q in article.quotes if q.text.startswith("you talk about the issues"))
    assert quote.cue is not None and quote.cue.text != "noted"
    assert speaker_of(article, "you talk about the issues") == "Ruth Ellery"


def test_a_participle_hung_on_a_where_clause_reports_for_the_main_subject(analyze_text):
    article = analyze_text(
        "Small groups of protesters continued to march around the stadium - where the city's Lowmarsh Rovers "
        "played the Eastfield Wanderers - while chanting, “Hands up, don't shoot.”"
    )
    assert _written(article, "Hands up") == "Small groups of protesters"


def test_a_call_to_the_reader_before_a_colon_makes_no_block_quote(analyze_text):
    # "Read the latest updates below:" has no speaker: the paragraphs after it are the article, not a quote.
    article = analyze_text(
        "See the results here. Read the latest updates below:\n\n"
        '"Senator Tom Baxter took the stage late on Monday night trailing his rival by a few votes.\n'
        "“While the results are not yet known, it looks like we are in a tie,” Baxter said."
    )
    assert not [q for q in article.quotes if q.kind == "block"]
    assert speaker_of(article, "While the results") == "Tom Baxter"


def test_a_quote_without_a_cue_after_a_sentence_about_a_named_person_is_theirs(analyze_text):
    # No verb of saying anywhere near: the quote that follows a sentence about a named person, in the
    # same paragraph, is that person's.
    article = analyze_text(
        "On Sunday's talk show, Senator Tom Baxter identified the exhaustion of young voters as one of the "
        "reasons they should turn out. “Young people are more than any generation before them sick and tired "
        "of the old politics.”"
    )
    assert speaker_of(article, "Young people are") == "Tom Baxter"


def test_per_after_a_quote_names_its_source(analyze_text):
    article = analyze_text(
        "Members may usually send a proxy, but it is forbidden when voting “to choose a new chair of the "
        "board,” per the club's own rules, which Tom Baxter wrote in 1990."
    )
    # a body of rules shows what it says: the words are a finding whose source is the rules (findings round)
    (finding,) = [f for f in article.findings if f.text.startswith("to choose a new chair")]
    assert finding.kind == "record" and finding.source_span.text == "the club's own rules"


def test_to_a_person_before_a_quote_gives_the_words_as_their_view(analyze_text):
    article = analyze_text(
        "Judge Ruth Ellery spoke at the hall on Monday. She gives credit to the volunteers and the tenants' union "
        "for speaking out against evictions because to her, “nothing matters more for a city than telling the "
        "story of its people and telling it right.”"
    )
    quote = next(q for q in article.quotes if q.text.startswith("nothing matters more"))
    assert quote.cue is not None and quote.cue.text == "to" and quote.speaker_span.text == "her"
    assert speaker_of(article, "nothing matters more") == "Ruth Ellery"
