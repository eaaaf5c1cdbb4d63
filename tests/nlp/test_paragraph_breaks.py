"""newsgraph_paragraph_breaks_v1: a blank line ends a sentence before the parser reads the text."""

from __future__ import annotations

from newsgraph.nlp.paragraph_breaks import mark_paragraph_starts


def test_a_headline_a_byline_and_a_dateline_are_three_sentences(nlp):
    text = "Chile recalls envoy after border clash\n\nBy Staff Reporter\n\nSANTIAGO — Chile recalled its envoy."
    doc = nlp(text)
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts == ["Chile", "By", "SANTIAGO"], starts


def test_a_single_line_break_is_no_sentence_start(nlp):
    # a PDF line wraps inside a sentence: the parser alone decides there
    doc = mark_paragraph_starts(nlp.make_doc("The minister said the port\nwould reopen on Friday."))
    assert [t.is_sent_start for t in doc][1:] == [None] * (len(doc) - 1)
    doc = mark_paragraph_starts(nlp.make_doc("The port reopened\n\nShips queued."))
    assert next(t for t in doc if t.text == "Ships").is_sent_start
