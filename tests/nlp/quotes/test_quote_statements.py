"""One statement, one quote (issue 11, second round): each test is on sentences written here."""

from __future__ import annotations


def _speaker(article, quote) -> str | None:
    ent = article.entity(quote.speaker)
    return ent.name if ent else None


def _starting(article, start: str):
    return [q for q in article.quotes if q.text.startswith(start)]


def test_a_quote_interrupted_by_an_attribution_with_an_apposition_is_one_quote(analyze_text):
    article = analyze_text(
        "The bridge closed on Monday.\n\n"
        "“The cables are older than anyone thought,” said Miriam Castell, who chaired the county's "
        "transport board for a decade. “Nobody should drive across it until the survey is done.”"
    )
    (quote,) = _starting(article, "The cables are older")
    assert "Nobody should drive across it" in quote.text
    assert not _starting(article, "Nobody should drive")
    assert _speaker(article, quote) == "Miriam Castell"


def test_a_quote_whose_long_attribution_ends_its_paragraph_goes_on_in_the_next(analyze_text):
    article = analyze_text(
        "The bridge closed on Monday.\n\n"
        "“The cables are older than anyone thought,” said Miriam Castell, who chaired the county's "
        "transport board for a decade and now advises the state on its roads and railways from an office "
        "in the capital.\n\n"
        "“Nobody should drive across it until the survey is done. The county has to pay for it.”\n\n"
        "The county did not reply."
    )
    (quote,) = _starting(article, "The cables are older")
    assert "Nobody should drive across it" in quote.text
    assert not _starting(article, "Nobody should drive")


def test_reported_content_stays_in_the_paragraph_of_its_cue(analyze_text):
    article = analyze_text(
        "“A patient here waits twice,” Dr. Lena Ortiz said. “Once for the doctor. And once for the medicine.”\n\n"
        "Mothers and Babies\n\n"
        "Since the flood, early births have doubled at the city hospital, according to Dr. Omar Vance, "
        "a doctor in the maternity ward."
    )
    for quote in article.quotes:
        if _speaker(article, quote) == "Omar Vance":
            assert "medicine" not in quote.text and "Mothers" not in quote.text
    assert not [
        q for q in article.quotes if "once for the medicine" in q.text.lower() and _speaker(article, q) != "Lena Ortiz"
    ]
