"""Review fix (REVIEW10 finding 7): the question put to a speaker by unnamed askers ("Asked by reporters
whether ...") is nobody's claim; the answer stays the speaker's.  Sentences written for these tests."""

from __future__ import annotations

from support.quotes import quotes_starting, speaker_name


def test_a_question_put_by_reporters_is_no_quote(analyze_text):
    article = analyze_text(
        "The ferry contract was cancelled on Monday. "
        "Asked by reporters whether he would resign, Dravik Osterman said he would not."
    )
    assert [q for q in quotes_starting(article, "whether he would resign") if q.confidence >= 0.5] == []
    (answer,) = quotes_starting(article, "he would not")
    assert speaker_name(article, answer) == "Dravik Osterman"


def test_a_question_put_by_a_named_judge_stays_the_judges(analyze_text):
    article = analyze_text(
        "The hearing resumed on Tuesday. Asked by Judge Maren Holt whether he had signed the letter, "
        "Tomas Renko said he had not."
    )
    for quote in quotes_starting(article, "whether he had signed"):
        assert speaker_name(article, quote) != "Tomas Renko", quote
    (answer,) = quotes_starting(article, "he had not")
    assert speaker_name(article, answer) == "Tomas Renko"
