"""Speakers linked, second pass (issue 11): a body named for its workers ("X Workers", "Teamsters") is
a trade union, so "the union" is that body; a workers' party is no union (sentences written here)."""

from __future__ import annotations

from newsgraph.nlp.knowledge.organisations import organisation_kinds
from support.coref import references


def test_the_union_is_the_one_body_named_for_its_workers(nlp):
    refs = references(
        nlp,
        "The Allied Dock Workers filed a claim in Lowmarsh on Monday. The firm moved its trucks a week before the "
        "claim, according to the union.",
    )
    assert refs.get("union") == "Allied Dock Workers"


def test_a_workers_party_is_no_union():
    assert "union" not in organisation_kinds("Norland Workers Party")
    assert "party" in organisation_kinds("Norland Workers Party")


def test_the_union_with_two_bodies_of_workers_named_is_neither(nlp):
    refs = references(
        nlp,
        "The Allied Dock Workers and the Harbour Crane Workers met in Lowmarsh. Ties were strained, according to the "
        "union.",
    )
    assert refs.get("union") is None


def test_workers_inside_a_name_make_no_union():
    # review: "workers" makes a union only as the head of the name, not inside a project's or centre's name
    assert "union" not in organisation_kinds("Dock Workers Outreach Project")
    assert "union" not in organisation_kinds("Migrant Workers Centre")
    assert "union" in organisation_kinds("Federated Textile Workers of Norland")
    assert "union" in organisation_kinds("Allied Dock Workers")


def test_the_union_is_not_a_project_for_workers(nlp):
    refs = references(
        nlp,
        "The Dock Workers Outreach Project opened a clinic in Lowmarsh. The union said the clinic was needed.",
    )
    assert refs.get("union") is None
