"""Quote classes found on articles of our own, eighth round (docs/failure-classes.md), each tested on
sentences written for these tests: a court case, a public-health story, a company's results and a
sports-governance story were analysed, and the classes that recurred are fixed here."""

from __future__ import annotations

from support.quotes import quotes_starting, speaker_name

# ----- "Asked whether ..., X said": the question is not the words of the one asked -------------------


def test_the_question_put_to_a_speaker_is_not_his_words(analyze_text):
    article = analyze_text(
        "The Marlow bridge has been closed since March. Petra Vasko is the site engineer. "
        "Asked whether the bridge would reopen before winter, she said the work was on schedule."
    )
    for quote in quotes_starting(article, "whether the bridge"):
        assert speaker_name(article, quote) != "Petra Vasko" or quote.confidence < 0.5, quote
    (answer,) = quotes_starting(article, "the work was on schedule")
    assert speaker_name(article, answer) == "Petra Vasko"


def test_a_question_put_by_a_named_asker_is_the_askers(analyze_text):
    article = analyze_text(
        "The depot vote was delayed. Asked by councillor Imre Tollan whether the depot would close, "
        "Marta Reyes replied that it would stay open."
    )
    for quote in quotes_starting(article, "whether the depot"):
        assert speaker_name(article, quote) != "Marta Reyes", quote
    (answer,) = quotes_starting(article, "that it would stay open")
    assert speaker_name(article, answer) == "Marta Reyes"


def test_someone_who_asks_is_still_the_speaker_of_the_question(analyze_text):
    article = analyze_text("The depot vote was delayed. Councillor Imre Tollan asked whether the depot would close.")
    (question,) = quotes_starting(article, "whether the depot")
    assert speaker_name(article, question) == "Imre Tollan"


# ----- '"...", accused tells Corrick court': the listener is not the speaker ----------------


def test_the_listener_after_tells_is_not_the_speaker(analyze_text):
    article = analyze_text(
        "\u201cI was only doing my job,\u201d accused tells Corrick court\n\n"
        "CORRICK \u2014 A former clerk accused of taking bribes told a jury on Tuesday that he had kept every rule.\n\n"
        "Pavel Domek, 48, denies three counts of fraud. He is on trial at Corrick Crown Court."
    )
    for quote in quotes_starting(article, "I was only doing my job"):
        assert speaker_name(article, quote) is None or "Corrick" not in speaker_name(article, quote), quote


def test_a_name_after_says_in_a_headline_is_still_the_speaker(analyze_text):
    article = analyze_text(
        "\u201cWe will not go back for less,\u201d says Marta Reyes\n\nBus drivers in Carrow walked out on Monday over pay."
    )
    (quote,) = quotes_starting(article, "We will not go back")
    assert speaker_name(article, quote) == "Marta Reyes"


# ----- "X, an analyst at Pennock Securities ... the company said": the analyst's employer is no subject --


def test_the_firm_an_analyst_works_at_is_not_the_company_that_reports(analyze_text):
    article = analyze_text(
        "Harlow Freight reported a fall in profit on Wednesday. \u201cThe quarter was worse than anyone expected,\u201d "
        "said Oliver Brandt, an analyst at Pennock Securities. Revenue fell 4 percent to 1.2 billion pounds, "
        "the company said."
    )
    (quote,) = quotes_starting(article, "Revenue fell")
    assert speaker_name(article, quote) != "Pennock Securities" or quote.confidence < 0.5, quote


def test_the_firm_a_spokeswoman_speaks_for_is_still_the_company(analyze_text):
    article = analyze_text(
        "Mia Ortiz, a spokeswoman for Harbour Foods Ltd, said the shop would reopen. The shop had been shut "
        "since May. Sales would recover, the company said."
    )
    (quote,) = quotes_starting(article, "Sales would recover")
    assert speaker_name(article, quote) == "Harbour Foods Ltd"


def test_an_analysts_firm_named_on_its_own_too_is_still_the_company(analyze_text):
    article = analyze_text(
        "Pennock Securities cut its profit forecast on Monday. \u201cFees were weak,\u201d said Oliver Brandt, "
        "an analyst at Pennock Securities. Trading income fell 9 percent, the company said."
    )
    (quote,) = quotes_starting(article, "Trading income fell")
    assert speaker_name(article, quote) == "Pennock Securities"


# ----- "A ministry spokesman, Pieter Lund, denied that ...": the name in apposition speaks ---------------


def test_an_indefinite_description_with_a_name_in_apposition_is_the_named_speaker(analyze_text):
    article = analyze_text(
        "Nurses at Oldmere General said masks had run short. A ministry spokesman, Pieter Lund, denied that "
        "there was any shortage of masks."
    )
    (quote,) = quotes_starting(article, "that there was any shortage")
    assert speaker_name(article, quote) == "Pieter Lund"


def test_an_indefinite_description_without_a_name_stays_unnamed(analyze_text):
    article = analyze_text(
        "Nurses at Oldmere General said masks had run short. Health minister Pieter Lund visited on Monday. "
        "A ministry spokesman denied that there was any shortage of masks."
    )
    (quote,) = quotes_starting(article, "that there was any shortage")
    assert quote.speaker is None
