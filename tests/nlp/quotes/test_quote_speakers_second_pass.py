"""Speakers linked, second pass (issue 11): a role with a possessor ("Whitcombe's lawyer", "his
lawyer") is claimed only by someone the article names in that same relation, so an unnamed
lawyer of one client is the speaker as written even when another client's lawyer is named
(sentences written here)."""

from __future__ import annotations

from newsgraph.nlp.quotes.attribution import unnamed_source_form


def _form(nlp, text: str, phrase: str, occurrence: int = 0) -> str | None:
    doc = nlp(text)
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    return unnamed_source_form(doc, start, start + len(phrase))


def test_a_possessed_role_nobody_holds_is_as_written_though_another_client_has_a_named_lawyer(nlp):
    # two lawyers with different clients: the bank's lawyer is named, Whitcombe's is not
    text = (
        "Dara Whitcombe was charged with fraud in Lowmarsh on Monday. Ferrin Oakes, a lawyer for the "
        "Tallow Bank, declined to comment. Whitcombe's lawyer said the charges would not stand."
    )
    assert _form(nlp, text, "Whitcombe's lawyer") == "unclaimed"


def test_a_pronoun_possessed_role_nobody_holds_is_as_written(nlp):
    text = (
        "Dara Whitcombe was charged with fraud in Lowmarsh on Monday. Lawyer Ferrin Oakes, who acts for "
        "the Tallow Bank, declined to comment. His lawyer said the charges would not stand."
    )
    assert _form(nlp, text, "His lawyer") == "unclaimed"


def test_a_role_with_a_named_possessor_is_no_name_we_failed_to_resolve(nlp):
    text = "The mayor of Lowmarsh fell ill on Monday. Mayor Bea Lund's doctor said the illness was mild."
    assert _form(nlp, text, "Mayor Bea Lund's doctor") == "unclaimed"


def test_a_possessed_role_the_article_gives_someone_stays_particular(nlp):
    # the false-positive side: the article names Whitcombe's lawyer, so an unresolved "Whitcombe's
    # lawyer" is someone we failed to find
    text = (
        "Dara Whitcombe was charged with fraud in Lowmarsh on Monday. Whitcombe's lawyer, Ferrin Oakes, "
        "called the case thin. Later, Whitcombe's lawyer said the charges would not stand."
    )
    assert _form(nlp, text, "Whitcombe's lawyer", occurrence=1) == "particular"


def test_a_role_named_in_a_for_phrase_claims_the_possessed_role(nlp):
    text = (
        "Dara Whitcombe was charged with fraud in Lowmarsh on Monday. Ferrin Oakes, a lawyer for "
        "Whitcombe, called the case thin. Whitcombe's lawyer said the charges would not stand."
    )
    assert _form(nlp, text, "Whitcombe's lawyer") == "particular"
