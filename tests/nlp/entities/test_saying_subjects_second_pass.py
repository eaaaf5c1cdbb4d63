"""Speakers linked, second pass (issue 11): the subject of a verb of saying the recogniser left untagged --
a repeat of a name it found elsewhere, an acronym of capitals -- becomes an entity (sentences written here)."""

from __future__ import annotations

from support.quotes import speaker_of


def _types(article) -> dict[str, str]:
    return {e.name: e.type for e in article.entities}


def test_a_repeat_of_a_name_found_elsewhere_speaking_is_that_name(analyze_text):
    article = analyze_text(
        "Readers of Sorrel Ledger saw the chart first. Sorrel Ledger noted that the rates had doubled."
    )
    assert speaker_of(article, "the rates had doubled") == "Sorrel Ledger"


def test_an_acronym_of_capitals_speaking_is_an_organisation(analyze_text):
    article = analyze_text(
        "The debate in Lowmarsh was loud on Monday. WBLX noted that the mayor had the harder task ahead of her."
    )
    assert speaker_of(article, "the harder task ahead") == "WBLX"
    assert _types(article)["WBLX"] == "ORG"


def test_a_role_in_capitals_speaking_is_no_organisation(analyze_text):
    # the false-positive side: "CEO" is a role, not a body
    article = analyze_text("The plant in Lowmarsh flooded on Monday. CEO noted that the plant would reopen.")
    assert "CEO" not in _types(article)
