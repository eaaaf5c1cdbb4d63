"""Cross-article entity resolution (store/corpus.py) on small hand-made articles."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Entity, Mention, article_id
from newsgraph.store import Database, Store
from newsgraph.store.corpus import normalise_name


def make_article(text: str, *ents: tuple) -> Article:
    """``ents``: ``(name, type)`` or ``(name, type, {extra Entity fields})``; every
    occurrence of the name in ``text`` becomes a mention (at least one is required)."""
    entities = []
    for i, spec in enumerate(ents, start=1):
        name, type_, extra = (*spec, {})[:3]
        mentions, pos = [], text.find(name)
        while pos >= 0:
            mentions.append(Mention(pos, pos + len(name), name))
            pos = text.find(name, pos + len(name))
        assert mentions, f"{name!r} is not in the text"
        entities.append(Entity(f"E{i}", name, type_, mentions=mentions, **extra))
    return Article(id=article_id(text), text=text, entities=entities)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.db") as s:
        yield s


def corpus_id(store: Store, article: Article, local_id: str = "E1") -> int:
    row = store.connection.execute(
        "SELECT corpus_entity_id FROM entities WHERE article_id = ? AND local_id = ?", (article.id, local_id)
    ).fetchone()
    return row[0]


def corpus_row(store: Store, cid: int) -> tuple:
    return store.connection.execute(
        "SELECT name, type, country, gazetteer_id, mention_count, article_count FROM corpus_entities WHERE id = ?",
        (cid,),
    ).fetchone()


# -- normalisation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, type_, expected",
    [
        ("President Vladimir Putin", "PERSON", "vladimir putin"),
        ("Gen. Valery Gerasimov", "PERSON", "valery gerasimov"),
        ("Foreign Minister Sergei Lavrov", "PERSON", "sergei lavrov"),
        ("Putin's", "PERSON", "putin"),
        ("Zelenskyy\u2019s", "PERSON", "zelenskyy"),
        ("Ségolène Royal", "PERSON", "segolene royal"),
        ("President", "PERSON", "president"),  # nothing but a title: kept
        ("the U.S.", "GPE", "us"),
        ("General Motors", "ORG", "general motors"),  # titles are stripped from people only
        ("Reuters'", "ORG", "reuters"),
    ],
)
def test_normalise_name(name, type_, expected):
    assert normalise_name(name, type_) == expected


# -- merges ------------------------------------------------------------------------------


def test_surname_merges_into_the_one_full_name(store):
    a = make_article("Vladimir Putin met the press in Moscow.", ("Vladimir Putin", "PERSON"), ("Moscow", "GPE"))
    b = make_article("Putin said nothing new on Tuesday.", ("Putin", "PERSON"))
    store.add(a)
    store.add(b)
    cid = corpus_id(store, a)
    assert corpus_id(store, b) == cid
    assert corpus_row(store, cid)[0] == "Vladimir Putin"
    assert corpus_row(store, cid)[4:] == (2, 2)  # mention_count, article_count


def test_full_name_merges_into_an_earlier_bare_surname_and_takes_the_name(store):
    a = make_article("Putin said nothing new on Tuesday.", ("Putin", "PERSON"))
    b = make_article("President Vladimir Putin met the press.", ("President Vladimir Putin", "PERSON"))
    store.add(a)
    store.add(b)
    assert corpus_id(store, a) == corpus_id(store, b)
    assert corpus_row(store, corpus_id(store, a))[0] == "President Vladimir Putin"


def test_titles_do_not_stop_a_merge(store):
    a = make_article("President Emmanuel Macron spoke.", ("President Emmanuel Macron", "PERSON"))
    b = make_article("Emmanuel Macron's plan was criticised.", ("Emmanuel Macron", "PERSON"))
    store.add(a)
    store.add(b)
    assert corpus_id(store, a) == corpus_id(store, b)


def test_surname_and_full_name_in_one_article_count_the_article_once(store):
    a = make_article("Vladimir Putin arrived. Later Putin spoke.", ("Vladimir Putin", "PERSON"), ("Putin", "PERSON"))
    store.add(a)
    cid = corpus_id(store, a, "E1")
    assert corpus_id(store, a, "E2") == cid
    # "Putin" occurs twice in the text (once inside the full name) in this fixture: 1 + 2 mentions.
    assert corpus_row(store, cid)[4:] == (3, 1)


def test_alias_through_gazetteer_id(store):
    a = make_article("Russia closed the border.", ("Russia", "GPE", {"gazetteer_id": "iso3166:RUS", "country": "RUS"}))
    b = make_article("The Russian Federation denied it.",
                     ("Russian Federation", "GPE", {"gazetteer_id": "iso3166:RUS"}))  # fmt: skip
    store.add(a)
    store.add(b)
    cid = corpus_id(store, a)
    assert corpus_id(store, b) == cid
    aliases = {r[0] for r in store.connection.execute(
        "SELECT alias FROM corpus_entity_aliases WHERE corpus_entity_id = ?", (cid,))}  # fmt: skip
    assert aliases == {"russia", "russian federation"}
    # ...and a third article naming it only by the alias, without a gazetteer id, joins too.
    c = make_article("Officials in the Russian Federation said so.", ("Russian Federation", "GPE"))
    store.add(c)
    assert corpus_id(store, c) == cid
    with Database(store.path) as db:
        assert db.entities(q="russian")[0]["id"] == cid  # entities_fts knows the alias


def test_counts_are_maintained(store):
    store.add(make_article("Acme Corp grew. Acme Corp hired.", ("Acme Corp", "ORG")))
    store.add(make_article("Acme Corp shrank.", ("Acme Corp", "ORG")))
    (mentions, articles) = store.connection.execute(
        "SELECT mention_count, article_count FROM corpus_entities WHERE name = 'Acme Corp'"
    ).fetchone()
    assert (mentions, articles) == (3, 2)
    assert store.connection.execute("SELECT count(*) FROM corpus_entities").fetchone()[0] == 1


# -- non-merges --------------------------------------------------------------------------


def test_two_people_with_the_same_surname(store):
    john = make_article("John Smith runs Acme Corp.", ("John Smith", "PERSON"), ("Acme Corp", "ORG"))
    anna = make_article("Anna Smith heads Riverside Hospital. Smith spoke.",
                        ("Anna Smith", "PERSON", {"aliases": ["Smith"]}), ("Riverside Hospital", "ORG"))  # fmt: skip
    store.add(john)
    store.add(anna)
    john_id, anna_id = corpus_id(store, john), corpus_id(store, anna)
    assert john_id != anna_id  # her alias "Smith" does not pull her into him

    # A bare "Smith" beside Riverside Hospital is Anna: context decides.
    hospital = make_article(
        "Smith visited Riverside Hospital again.", ("Smith", "PERSON"), ("Riverside Hospital", "ORG")
    )
    store.add(hospital)
    assert corpus_id(store, hospital) == anna_id
    # ...beside Acme Corp it is John.
    acme = make_article("Smith left Acme Corp early.", ("Smith", "PERSON"), ("Acme Corp", "ORG"))
    store.add(acme)
    assert corpus_id(store, acme) == john_id

    # No context, or a tie: kept apart from both.
    alone = make_article("Smith declined to comment.", ("Smith", "PERSON"))
    store.add(alone)
    assert corpus_id(store, alone) not in (john_id, anna_id)
    tie = make_article("Smith toured Acme Corp and Riverside Hospital.",
                       ("Smith", "PERSON"), ("Acme Corp", "ORG"), ("Riverside Hospital", "ORG"))  # fmt: skip
    store.add(tie)
    assert corpus_id(store, tie) not in (john_id, anna_id)
    assert corpus_row(store, john_id)[5] == 2 and corpus_row(store, anna_id)[5] == 2


def test_georgia_the_country_and_the_us_state(store):
    country = make_article("Georgia held elections; Tbilisi was calm.",
                           ("Georgia", "GPE", {"country": "GEO"}), ("Tbilisi", "GPE", {"country": "GEO"}))  # fmt: skip
    state = make_article("Georgia passed a budget in Atlanta.",
                         ("Georgia", "GPE", {"country": "USA"}), ("Atlanta", "GPE", {"country": "USA"}))  # fmt: skip
    store.add(country)
    store.add(state)
    geo, usa = corpus_id(store, country), corpus_id(store, state)
    assert geo != usa
    again = make_article("Georgia's parliament met.", ("Georgia", "GPE", {"country": "GEO"}))
    store.add(again)
    assert corpus_id(store, again) == geo
    # No country given: ambiguous, so the co-occurring Atlanta decides...
    with_atlanta = make_article(
        "Georgia and Atlanta saw storms.", ("Georgia", "GPE"), ("Atlanta", "GPE", {"country": "USA"})
    )
    store.add(with_atlanta)
    assert corpus_id(store, with_atlanta) == usa
    # ...and without any context it joins neither.
    bare = make_article("Georgia was mentioned in passing.", ("Georgia", "GPE"))
    store.add(bare)
    assert corpus_id(store, bare) not in (geo, usa)


def test_conflicting_gazetteer_ids_never_merge(store):
    ru = make_article("Moscow announced sanctions.", ("Moscow", "GPE", {"gazetteer_id": "geonames:524901"}))
    idaho = make_article("Moscow hosted a county fair.", ("Moscow", "GPE", {"gazetteer_id": "geonames:5601538"}))
    store.add(ru)
    store.add(idaho)
    assert corpus_id(store, ru) != corpus_id(store, idaho)


def test_same_name_different_type_stays_apart(store):
    person = make_article("Washington crossed the river.", ("Washington", "PERSON"))
    place = make_article("Washington imposed tariffs.", ("Washington", "GPE", {"country": "USA"}))
    store.add(person)
    store.add(place)
    assert corpus_id(store, person) != corpus_id(store, place)


def test_entity_view_gathers_mentions_across_articles(store):
    a = make_article("Vladimir Putin met the press in Moscow.", ("Vladimir Putin", "PERSON"), ("Moscow", "GPE"))
    b = make_article("In Moscow, Putin said nothing new.", ("Putin", "PERSON"), ("Moscow", "GPE"))
    store.add(a)
    store.add(b)
    with Database(store.path) as db:
        info = db.entity(corpus_id(store, a))
        assert {m["article_id"] for m in info["mentions"]} == {a.id, b.id}
        assert info["cooccurring"][0]["name"] == "Moscow" and info["cooccurring"][0]["articles"] == 2


def test_search_row_and_codes_follow_the_entity_across_articles(store):
    # A surname first, then the full name (which renames the entity and adds an alias), then
    # the surname again with nothing new: the search row always holds the current name and aliases,
    # and what a later mention fills (the country) stays when a mention without it follows.
    texts = [
        ("Putin spoke on Monday.", ("Putin", "PERSON")),
        ("Vladimir Putin spoke on Tuesday.", ("Vladimir Putin", "PERSON", {"country": "RUS"})),
        ("Putin spoke again on Wednesday.", ("Putin", "PERSON")),
    ]
    articles = [make_article(*spec) for spec in texts]
    seen = []
    for article in articles:
        store.add(article)
        cid = corpus_id(store, article)
        seen.append(cid)
        name = corpus_row(store, cid)[0]
        aliases = [r[0] for r in store.connection.execute(
            "SELECT alias FROM corpus_entity_aliases WHERE corpus_entity_id = ? ORDER BY alias", (cid,))]  # fmt: skip
        row = store.connection.execute("SELECT name, aliases FROM entities_fts WHERE rowid = ?", (cid,)).fetchone()
        assert row == (name, " | ".join(aliases))
    assert seen == [seen[0]] * 3
    assert corpus_row(store, seen[0])[:3] == ("Vladimir Putin", "PERSON", "RUS")
    with Database(store.path) as db:
        assert db.entities(q="vladimir")[0]["id"] == seen[0]
