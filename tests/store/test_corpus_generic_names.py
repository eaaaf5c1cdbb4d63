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
