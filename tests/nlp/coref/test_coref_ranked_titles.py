"""Speakers linked, second pass (issue 11): a title held under a rank ("Vice President", "Deputy Mayor")
is another role than the bare one, so "the president" is the one president named, not blocked by a vice
president beside them, and "the vice president" is never the president (sentences written here)."""

from __future__ import annotations

from support.coref import references

_BOTH = (
    "President Ann Ferris opened the museum in Lowmarsh on Saturday, with Vice President Carl Denton and Chief "
    "Justice Tom Hale beside her. "
)


def test_the_president_is_the_president_though_a_vice_president_stands_beside(nlp):
    refs = references(nlp, _BOTH + "“This hall will teach us patience,” the president said.")
    assert refs.get("president") == "Ann Ferris"


def test_the_vice_president_is_never_the_president(nlp):
    refs = references(nlp, _BOTH + "“This hall will teach us patience,” the vice president said.")
    assert refs.get("president") in (None, "Carl Denton")


def test_the_deputy_mayor_alone_is_no_mayor(nlp):
    # the false-positive side: a deputy mayor named, no mayor: "the mayor" stays unresolved
    refs = references(nlp, "Deputy Mayor Carl Denton toured Lowmarsh on Monday. The mayor said the bridge was safe.")
    assert refs.get("mayor") is None


def test_two_presidents_named_resolve_to_neither(nlp):
    refs = references(
        nlp,
        "President Ann Ferris met President Ruth Okafor in Lowmarsh on Saturday. The president said the talks "
        "went well.",
    )
    assert refs.get("president") is None


def test_the_colonel_is_the_lieutenant_colonel(nlp):
    # review: a lieutenant colonel is "the colonel" in military usage; "lieutenant" ranks no title down
    refs = references(
        nlp,
        "Lieutenant Colonel Ann Ferris led the patrol near the Lowmarsh crossing. The colonel said two men were held.",
    )
    assert refs.get("colonel") == "Ann Ferris"


def test_the_prime_minister_resolves_past_a_deputy_prime_minister(nlp):
    # review: the rank covers the whole title after "Deputy", so the deputy holds no bare "minister"
    refs = references(
        nlp,
        "Prime Minister Ann Ferris and Deputy Prime Minister Carl Denton toured Lowmarsh. The prime minister said "
        "the budget was safe.",
    )
    assert refs.get("minister") == "Ann Ferris"
