"""Cross-article merging (store/corpus.py): longer forms of a person's name, generic names of
government bodies.  Hand-made articles."""

from __future__ import annotations

import pytest
from test_corpus_entities import corpus_id, corpus_row, make_article

from newsgraph.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.db") as s:
        yield s


def test_a_middle_name_does_not_split_a_person_and_the_longer_form_wins(store):
    a = make_article("Premier Jane Roe spoke on Monday.", ("Jane Roe", "PERSON"))
    b = make_article("Jane Mary Roe was arrested in Miami.", ("Jane Mary Roe", "PERSON"))
    store.add(a)
    store.add(b)
    assert corpus_id(store, a) == corpus_id(store, b)
    assert corpus_row(store, corpus_id(store, a))[0] == "Jane Mary Roe"


def test_another_middle_name_is_another_person(store):
    a = make_article("Jane Ann Roe spoke on Monday.", ("Jane Ann Roe", "PERSON"))
    b = make_article("Jane Mary Roe was arrested in Miami.", ("Jane Mary Roe", "PERSON"))
    store.add(a)
    store.add(b)
    assert corpus_id(store, a) != corpus_id(store, b)


def test_a_generic_name_without_a_country_never_merges(store):
    a = make_article("The Treasury issued bonds.", ("Treasury", "ORG", {"country": "USA"}))
    b = make_article("The Treasury denied it.", ("Treasury", "ORG"))
    store.add(a)
    store.add(b)
    assert corpus_id(store, a) != corpus_id(store, b)


def test_generic_names_merge_only_within_one_country(store):
    a = make_article("The Senate passed the bill.", ("Senate", "ORG", {"country": "USA"}))
    b = make_article("The Senate rejected the budget.", ("Senate", "ORG", {"country": "TTO"}))
    c = make_article("The Senate met again.", ("Senate", "ORG", {"country": "USA"}))
    d = make_article("The Senate adjourned.", ("Senate", "ORG"))
    e = make_article("The Senate sat late.", ("Senate", "ORG"))
    for art in (a, b, c, d, e):
        store.add(art)
    assert corpus_id(store, a) == corpus_id(store, c)
    assert len({corpus_id(store, x) for x in (a, b, d, e)}) == 4


def test_a_ministry_named_by_its_portfolio_alone_never_merges_across_countries(store):
    # tenth round: "Ministry of Foreign Affairs" names every country's; without a country it stays apart
    a = make_article("The Ministry of Foreign Affairs in Khartoum spoke.", ("Ministry of Foreign Affairs", "ORG"))
    b = make_article("The Ministry of Foreign Affairs in Lima spoke.", ("Ministry of Foreign Affairs", "ORG"))
    c = make_article("The Supreme Court sat.", ("Supreme Court", "ORG", {"country": "KEN"}))
    d = make_article("The Supreme Court ruled.", ("Supreme Court", "ORG", {"country": "KEN"}))
    for art in (a, b, c, d):
        store.add(art)
    assert corpus_id(store, a) != corpus_id(store, b)
    assert corpus_id(store, c) == corpus_id(store, d)


def test_a_body_with_a_name_of_its_own_still_merges_without_a_country(store):
    # guard: a word that is no government word makes the name the body's own
    a = make_article("The Farnwell Borough Council met.", ("Farnwell Borough Council", "ORG"))
    b = make_article("The Farnwell Borough Council voted.", ("Farnwell Borough Council", "ORG"))
    store.add(a)
    store.add(b)
    assert corpus_id(store, a) == corpus_id(store, b)
