"""newsgraph_quotes_v1: direct, block, partial and indirect quotes and who said them.

All fixtures are invented wire-style snippets; the real sample is only read from ../shared.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import Document, OffsetMap, Paragraph
from newsgraph.nlp.quotes import MAX_QUOTE_CHARS, pair_quote_marks


def speaker_name(article, quote) -> str | None:
    ent = article.entity(quote.speaker)
    return ent.name if ent else None


def only(article, kind):
    return [q for q in article.quotes if q.kind == kind]


def check_spans(article):
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text
        if q.cue:
            assert article.text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker_span:
            assert article.text[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text


def written(quote) -> str | None:
    return quote.speaker_span.text if quote.speaker_span else None


# ----- pairing marks, without the model ---------------------------------------------


def paras(text: str) -> list[Paragraph]:
    out, pos = [], 0
    for chunk in text.split("\n\n"):
        out.append(Paragraph(pos, pos + len(chunk), "body"))
        pos += len(chunk) + 2
    return out


def test_pairs_straight_and_curly_marks():
    text = 'He said "yes, we will" and then “no, we won’t.”'
    pairs = pair_quote_marks(text, paras(text))
    assert [text[o + 1 : c] for o, c in pairs] == ["yes, we will", "no, we won’t."]


def test_unclosed_quote_continues_only_into_a_paragraph_that_opens_with_a_mark():
    text = "“First part.\n\n“Second part,” she said.\n\n“Dangling.\n\nPlain paragraph” here."
    pairs = pair_quote_marks(text, paras(text))
    assert [text[o + 1 : c] for o, c in pairs] == ["First part.\n\n“Second part,"]


def test_stray_marks_are_skipped_and_long_quotes_capped():
    text = "A ” stray close, a “ stray open. “Real one.” " + "“" + "x " * MAX_QUOTE_CHARS + "”"
    pairs = pair_quote_marks(text, paras(text))
    assert [text[o + 1 : c] for o, c in pairs] == ["Real one."]


# ----- the component through the full pipeline --------------------------------------


def test_direct_quote_straight_marks_inverted_said_x(analyze_text):
    art = analyze_text(
        'The council met on Monday.\n\n"We will rebuild the bridge before the spring floods," said Mayor Anna Kovac.'
    )
    check_spans(art)
    (q,) = only(art, "direct")
    assert q.text == "We will rebuild the bridge before the spring floods,"
    assert speaker_name(art, q) == "Anna Kovac"
    assert q.cue.text == "said"


def test_direct_quote_curly_marks_cue_before(analyze_text):
    art = analyze_text("Harbour master Tomas Berg told reporters: “The port stays closed until the storm has passed.”")
    (q,) = only(art, "direct")
    assert q.text == "The port stays closed until the storm has passed."
    assert speaker_name(art, q) == "Tomas Berg"
    assert q.cue.text.startswith("told")


def test_multi_sentence_quote_across_paragraphs_keeps_its_speaker(analyze_text):
    text = (
        "Harbour master Tomas Berg spoke at the quay on Monday.\n\n"
        "“The port will stay shut until Thursday. We have no other choice.\n\n"
        "“The fishermen know these storms better than anyone,” Berg said."
    )
    art = analyze_text(text)
    check_spans(art)
    (q,) = only(art, "direct")
    assert q.text.startswith("The port will stay shut") and q.text.endswith("better than anyone,")
    assert "\n\n“The fishermen" in q.text
    assert speaker_name(art, q) == "Tomas Berg"


def test_pronoun_speaker_resolves_to_the_last_person(analyze_text):
    art = analyze_text(
        "Mayor Anna Kovac visited the flooded district of Lowmarsh on Tuesday.\n\n"
        "“We will not leave a single family behind,” she said."
    )
    (q,) = only(art, "direct")
    assert speaker_name(art, q) == "Anna Kovac"


def test_quote_without_its_own_cue_takes_the_neighbouring_one(analyze_text):
    art = analyze_text(
        "Finance Minister Rolf Dahl spoke to parliament on Monday. “The budget is balanced for the first time in a decade.”"
        " Opposition leader Mira Sand disagreed. “These numbers hide a deficit,” she said. “Nobody believes them.”"
    )
    directs = only(art, "direct")
    # "“...,” she said. “Nobody believes them.”": one statement interrupted by its attribution
    assert [speaker_name(art, q) for q in directs] == ["Rolf Dahl", "Mira Sand"]
    assert directs[1].text.endswith("Nobody believes them.")


def test_block_quotes_after_x_wrote_and_he_wrote(analyze_text):
    text = (
        "In a column for the Lakeside Gazette, the economist Tobias Renner attacked the new budget.\n\n"
        "Renner wrote:\n\n"
        "The government has chosen to borrow against the future. It will regret this choice within a year.\n\n"
        "Renner then turned to the pension fund and its managers. He wrote:\n\n"
        "No fund can promise returns that the economy itself cannot deliver."
    )
    art = analyze_text(text)
    check_spans(art)
    blocks = only(art, "block")
    assert [b.text[:20] for b in blocks] == ["The government has c", "No fund can promise "]
    assert [speaker_name(art, b) for b in blocks] == ["Tobias Renner", "Tobias Renner"]
    assert [b.cue.text for b in blocks] == ["wrote", "wrote"]


def test_paragraph_of_kind_blockquote_is_a_block_quote(nlp):
    from newsgraph.nlp.pipeline import analyze_document

    intro = "The report by auditor Hanna Weiss was published on Friday. Weiss concluded:"
    block = "The ministry spent the money without any tender and kept no receipts."
    after = "The ministry has not responded."
    text = f"{intro}\n\n{block}\n\n{after}"
    b0 = len(intro) + 2
    doc = Document(
        text=text,
        source_text=text,
        offsets=OffsetMap.identity(len(text)),
        paragraphs=[
            Paragraph(0, len(intro), "body"),
            Paragraph(b0, b0 + len(block), "blockquote"),
            Paragraph(b0 + len(block) + 2, len(text), "body"),
        ],
        path="<test>",
    )
    art = analyze_document(nlp, doc)
    (q,) = only(art, "block")
    assert q.text == block
    assert speaker_name(art, q) == "Hanna Weiss"


def test_partial_quotes_fold_into_the_reported_claim(analyze_text):
    # Was test_partial_quotes_attributed_to_the_subject, which kept each fragment as a second quote
    # beside its claim. Issue 11: one statement, one quote (the convention of PolNeAR and of the
    # real-news gold), so the fragment stays inside the indirect quote, marks included.
    art = analyze_text(
        "Senator Ines Moreau presented her plan on Wednesday. She called for a “complete overhaul of the tax office"
        " and all of its regional branches,” as well as new audits. She wrote that the final costs"
        " “remained to be negotiated.”"
    )
    check_spans(art)
    assert not only(art, "partial") and not only(art, "direct")
    claims = only(art, "indirect")
    assert [q.text.split("“")[1][:20] for q in claims] == ["complete overhaul of", "remained to be negot"]
    assert {speaker_name(art, q) for q in claims} == {"Ines Moreau"}


def test_scare_quotes_are_not_quotes(analyze_text):
    art = analyze_text(
        "The so-called “reform” was debated in the “old chamber” of parliament. Critics see a “victory” for"
        " the “special committee,” which meets on Fridays."
    )
    assert art.quotes == []


def test_indirect_speech_with_cue(analyze_text):
    art = analyze_text(
        "Mayor Anna Kovac said on Monday that the bridge would reopen in May. Engineers warned that the river was still rising."
    )
    check_spans(art)
    first, second = only(art, "indirect")
    assert first.text == "that the bridge would reopen in May"
    assert first.cue.text == "said"
    assert speaker_name(art, first) == "Anna Kovac"
    assert second.text == "that the river was still rising"
    assert second.cue.text == "warned"
    assert second.speaker is None  # "engineers" is no entity


def test_according_to(analyze_text):
    art = analyze_text(
        "Mayor Anna Kovac opened the hearing. According to Kovac, the repairs will cost twice as much as planned."
    )
    (q,) = only(art, "indirect")
    assert q.text == "the repairs will cost twice as much as planned"
    assert q.cue.text == "According to"
    assert speaker_name(art, q) == "Anna Kovac"


def test_parenthetical_cue_is_indirect_speech(analyze_text):
    art = analyze_text("Senator Ines Moreau left early. The tax office, she insisted, had to be closed by winter.")
    (q,) = only(art, "indirect")
    assert q.text == "The tax office, she insisted, had to be closed by winter"
    assert speaker_name(art, q) == "Ines Moreau"


def test_organisation_speaker(analyze_text):
    art = analyze_text("“The plant in Lowmarsh will close in June,” Microsoft said in a statement on Friday.")
    (q,) = only(art, "direct")
    ent = art.entity(q.speaker)
    assert ent is not None and ent.type == "ORG" and ent.name == "Microsoft"


def test_nested_unbalanced_and_mixed_marks_stay_sane(analyze_text):
    text = (
        '“He told me “never” and left,” said Anna Kovac. Then a "stray mark. And ” another.\n\n'
        "“Unclosed paragraph that never ends\n\nPlain text follows here, said nobody.\n\n"
        '"Mixed marks are awkward,” Berg said.'
    )
    art = analyze_text(text)
    check_spans(art)
    for q in art.quotes:
        assert len(q.text) <= MAX_QUOTE_CHARS
        # an unclosed quote does not run on into the next paragraph ("X, said Y" there is a quote of its own)
        assert q.text.find("Plain text follows") <= 0


_PIECES = st.sampled_from(
    ["“", "”", '"', "‘", "’", "«", "»", " ", "\n\n", "said", "he", "Anna Kovac", "wrote:", ",", ".", "that", "We", "go"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_PIECES, st.text(alphabet="abc XYZ.,", max_size=12)), max_size=40))
def test_random_quote_marks_never_crash(nlp, pieces):
    from newsgraph.nlp.pipeline import our_component_names
    from newsgraph.nlp.quotes import quotes_component

    text = "".join(pieces)
    doc = nlp(text, disable=our_component_names(nlp))
    quotes = quotes_component(doc)._.ng_quotes
    for q in quotes:
        assert q.kind in ("direct", "block", "partial", "indirect")
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.cue:
            assert text[q.cue.start : q.cue.end] == q.cue.text


# ----- the real sample (read from ../shared, never copied) ---------------------------


@pytest.mark.shared
def test_kaliningrad_sample_speakers(shared_dir, nlp):
    from newsgraph.nlp.pipeline import analyze_document
    from newsgraph.readers import read_path

    (document,) = list(read_path(shared_dir / "samples" / "kaliningrad.txt"))
    art = analyze_document(nlp, document)
    check_spans(art)
    names = lambda kind: [speaker_name(art, q) for q in only(art, kind)]  # noqa: E731
    assert names("block") == ["David Ignatius"] * 3
    assert names("direct") == ["Vladimir Putin", "Richard Clarke", "Sergei Karaganov", "Sergei Karaganov"]
    # Karaganov's quoted fragments: one stands alone, the others sit inside his reported claims
    # (one statement, one quote, issue 11; this test used to count at least three partial quotes).
    assert set(names("partial")) == {"Sergei Karaganov"}
    holding = [speaker_name(art, q) for q in only(art, "indirect") if "“" in q.text]
    assert len(names("partial")) + holding.count("Sergei Karaganov") >= 3
    # Every full-sentence quote has a cue and a person behind it.
    for q in only(art, "direct") + only(art, "block"):
        assert q.cue is not None and art.entity(q.speaker).type == "PERSON"
        assert q.speaker_span is not None  # where that person is named or referred to


# ----- speaker resolution details -------------------------------------------------------


def test_definite_description_and_organisation_speakers(analyze_text):
    art = analyze_text(
        "Sen. Ines Moreau and Governor Paul Hart toured Lowmarsh on Monday.\n\n"
        "“The levees will not hold another winter,” the senator said. The Ministry of Roads was silent for days."
        " “We are reviewing every levee in the region,” the ministry said."
    )
    directs = only(art, "direct")
    assert [speaker_name(art, q) for q in directs] == ["Ines Moreau", "Ministry of Roads"]
    assert speaker_name(art, q := directs[0]) and q.cue.text == "said"


def test_anonymous_speaker_stays_unresolved(analyze_text):
    art = analyze_text(
        "Mayor Anna Kovac left early. “The budget is a mess and everybody knows it,” a city official said."
    )
    (q,) = only(art, "direct")
    assert q.speaker is None and q.cue.text == "said"


def test_pronoun_skips_a_person_of_the_other_gender(analyze_text):
    art = analyze_text(
        "Donald Pratt met Hillary Moreau in Lowmarsh on Monday.\n\n“The talks went better than expected,” she said."
    )
    (q,) = only(art, "direct")
    assert speaker_name(art, q) == "Hillary Moreau"


def test_quote_signed_with_a_dash(analyze_text):
    art = analyze_text(
        "Readers sent us their views.\n\n"
        "“The new bridge is the best thing this town has built in years.” ― Anna Kovac\n\n"
        "“Nobody asked the fishermen what they think about it.” ― Tomas Berg"
    )
    directs = only(art, "direct")
    assert [speaker_name(art, q) for q in directs] == ["Anna Kovac", "Tomas Berg"]
    assert [q.cue.text for q in directs] == ["―", "―"]


def test_question_quote_then_speaker_sentence(analyze_text):
    art = analyze_text(
        "“Every time you say that, you help the people who want to close the harbour,” Tomas Berg said.\n\n"
        "“Why is the port still closed when the storm passed two days ago?” Anna Kovac demanded."
    )
    directs = only(art, "direct")
    assert [speaker_name(art, q) for q in directs] == ["Tomas Berg", "Anna Kovac"]


def test_quote_in_one_paragraph_does_not_take_the_next_paragraphs_cue(analyze_text):
    art = analyze_text(
        '"The harbour will reopen when the divers are done," said Tomas Berg, the harbour master. '
        '"It could take a week."\n\n"That is far too long," the mayor of Lowmarsh, Anna Kovac, said.'
    )
    directs = only(art, "direct")
    # the first paragraph's two pieces are one statement interrupted by its attribution
    assert [speaker_name(art, q) for q in directs] == ["Tomas Berg", "Anna Kovac"]


def test_called_x_a_quoted_term_is_a_partial_quote(analyze_text):
    art = analyze_text(
        "Senator Ines Moreau spoke on Friday. Moreau called the new budget a “betrayal of every taxpayer.”"
    )
    (q,) = only(art, "partial")
    assert q.text == "betrayal of every taxpayer."
    assert speaker_name(art, q) == "Ines Moreau"


# ----- the speaker as written (speaker_span) ------------------------------------------------


def test_speaker_as_written_name_pronoun_and_nominal(analyze_text):
    art = analyze_text(
        "Mayor Anna Kovac opened the bridge on Monday. “It will carry ten thousand cars a day,” she said.\n\n"
        "“The levees will hold,” said Governor Paul Hart.\n\n"
        "“We are reviewing every levee in the region,” the ministry's spokeswoman said on Tuesday."
    )
    check_spans(art)
    she, hart, ministry = only(art, "direct")
    assert (written(she), speaker_name(art, she)) == ("she", "Anna Kovac")
    assert (written(hart), speaker_name(art, hart)) == ("Governor Paul Hart", "Paul Hart")
    assert written(ministry) == "the ministry's spokeswoman"  # the full noun phrase, resolved or not


def test_speaker_as_written_according_to_and_relative_pronoun(analyze_text):
    art = analyze_text(
        "According to harbour master Tomas Berg, the port will stay closed until Friday.\n\n"
        "The board heard from Ines Moreau, who said the reservoir was full."
    )
    check_spans(art)
    berg, moreau = only(art, "indirect")
    assert (written(berg), speaker_name(art, berg)) == ("harbour master Tomas Berg", "Tomas Berg")
    assert (written(moreau), speaker_name(art, moreau)) == ("Ines Moreau", "Ines Moreau")


def test_speaker_as_written_for_a_block_quote_is_the_subject_of_its_introduction(analyze_text):
    art = analyze_text(
        "Tomas Berg reviewed the damage on Monday.\n\nHe wrote:\n\n"
        "The harbour wall has failed in three places and must be rebuilt before winter."
    )
    check_spans(art)
    (q,) = only(art, "block")
    assert (written(q), speaker_name(art, q)) == ("He", "Tomas Berg")
    assert art.text[q.speaker_span.start : q.speaker_span.end + 6] == "He wrote"


def test_a_quote_going_on_after_its_attribution_keeps_the_attribution(analyze_text):
    art = analyze_text(
        "“The port will stay closed until the divers are done,” said Tomas Berg, the harbour master. "
        "“It could take a week or more.”"
    )
    check_spans(art)
    (quote,) = only(art, "direct")
    assert written(quote) == "Tomas Berg, the harbour master"
    assert quote.text.endswith("It could take a week or more.")


def test_name_the_parser_hangs_inside_the_quote_is_still_the_speaker(analyze_text):
    art = analyze_text("“The reservoir is full and the dam is safe,” Anna Kovac, the mayor of Lowmarsh, said.")
    (q,) = only(art, "direct")
    assert (written(q), speaker_name(art, q)) == ("Anna Kovac, the mayor of Lowmarsh", "Anna Kovac")


def test_headline_colon_and_transcript_turns(analyze_text):
    art = analyze_text(
        "Kovac: Lowmarsh Bridge Will Reopen in Spring\n\n"
        "Mayor Anna Kovac and Governor Paul Hart met voters on Monday.\n\n"
        "KOVAC: We will rebuild the bridge before the spring floods.\n\n"
        "HART: The state will pay for half of it.\n\n"
        "Correction: An earlier version misspelled the river's name."
    )
    check_spans(art)
    colon = [q for q in art.quotes if q.cue and q.cue.text == ":"]
    assert [(q.kind, written(q), speaker_name(art, q)) for q in colon] == [
        ("indirect", "Kovac", "Anna Kovac"),  # a headline paraphrases
        ("direct", "KOVAC", "Anna Kovac"),  # a transcript turn is verbatim
        ("direct", "HART", "Paul Hart"),
    ]
    assert colon[0].text == "Lowmarsh Bridge Will Reopen in Spring"


def test_evaluation_verbs_report_their_object(analyze_text):
    art = analyze_text("Senator Ines Moreau criticized the budget as a “betrayal of every taxpayer” on Friday.")
    check_spans(art)
    # The quoted words are part of the judgement, not a second quote (one statement, one quote;
    # this test used to expect a separate partial quote "betrayal of every taxpayer").
    (indirect,) = only(art, "indirect")
    assert not only(art, "partial")
    assert indirect.text == "the budget as a “betrayal of every taxpayer”"
    assert speaker_name(art, indirect) == "Ines Moreau"
    assert written(indirect) == "Senator Ines Moreau"


def test_physical_attacks_are_not_reported_speech(analyze_text):
    art = analyze_text(
        "Russian forces attacked the port of Lowmarsh on Monday, and the navy dismissed the captain.\n\n"
        "Senator Ines Moreau attacked the ministry for its “reckless and secretive” plan."
    )
    check_spans(art)
    assert [(q.kind, q.cue.text, speaker_name(art, q)) for q in art.quotes] == [("indirect", "attacked", "Ines Moreau")]
    assert art.quotes[0].text == "the ministry for its “reckless and secretive” plan"


def test_an_unnamed_source_is_no_organisation(analyze_text):
    # issue 11: "one party operative" is not the party; the speaker as written stays for the reader
    art = analyze_text(
        "The Valdorian Labour Party lost the vote in Lowmarsh. “The deal is dead,” said one Labour Party operative."
        " A Korvian Foreign Ministry official said the talks would resume in May."
    )
    unnamed = [q for q in art.quotes if q.text.startswith(("The deal", "the talks"))]
    assert len(unnamed) == 2
    assert all(q.speaker is None and q.speaker_span is not None for q in unnamed)
    assert {written(q) for q in unnamed} == {"one Labour Party operative", "A Korvian Foreign Ministry official"}


def test_a_named_organisation_still_speaks(analyze_text):
    art = analyze_text("The Korvian Foreign Ministry said the talks would resume in May.")
    (q,) = art.quotes
    assert speaker_name(art, q) == "Korvian Foreign Ministry"
