"""Corrections that last (store/corrections.py, store/corrector.py) on small hand-made articles."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import Article, Entity, Event, Mention, Quote, Span, article_id
from newsgraph.store import Database, Store
from newsgraph.store.corrections import recompute_articles
from newsgraph.store.corrector import Corrector


def make_article(text: str, *ents: tuple, quotes=(), events=()) -> Article:
    """``ents``: ``(name, type)`` or ``(name, type, {extra Entity fields})``; every occurrence of
    the name in ``text`` is a mention."""
    entities = []
    for i, spec in enumerate(ents, start=1):
        name, type_, extra = (*spec, {})[:3]
        mentions, pos = [], text.find(name)
        while pos >= 0:
            mentions.append(Mention(pos, pos + len(name), name))
            pos = text.find(name, pos + len(name))
        assert mentions, f"{name!r} is not in the text"
        entities.append(Entity(f"E{i}", name, type_, mentions=mentions, **extra))
    return Article(id=article_id(text), text=text, entities=entities, quotes=list(quotes), events=list(events))


ACME = "Acme Corp built a port in Lagos. Acme Corp said so."
HOLDINGS = "Acme Holdings denied it. Subscribe to our newsletter."
LATER = "Acme Holdings opened an office. Subscribe now."


def first_articles():
    return [
        make_article(ACME, ("Acme Corp", "ORG"), ("Lagos", "GPE")),
        make_article(HOLDINGS, ("Acme Holdings", "ORG"), ("Subscribe", "ORG")),
    ]


def later_article():
    return make_article(LATER, ("Acme Holdings", "ORG"), ("Subscribe", "ORG"))


def links(db, text: str) -> dict[str, int | None]:
    """{entity name: corpus id} of the article with ``text``."""
    with Store(db) as store:
        rows = store.connection.execute(
            "SELECT name, corpus_entity_id FROM entities WHERE article_id = ?", (article_id(text),)
        ).fetchall()
    return dict(rows)


def corpus_id(db, name: str) -> int:
    with Store(db) as store:
        (cid,) = store.connection.execute("SELECT id FROM corpus_entities WHERE name = ?", (name,)).fetchone()
    return cid


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "fix.db"
    with Store(path) as store:
        store.add_many(first_articles())
    return path


def test_merge_holds_after_reingest_later_articles_and_recompute(db):
    acme, holdings = corpus_id(db, "Acme Corp"), corpus_id(db, "Acme Holdings")
    with Corrector(db, user="ana") as fix:
        correction = fix.merge(holdings, acme, reason="same company")
    assert (
        correction.user == "ana"
        and correction.reason == "same company"
        and correction.before["entity"]["id"] == holdings
    )
    assert links(db, HOLDINGS)["Acme Holdings"] == acme
    with Database(db) as stored:
        entity = stored.entity(acme)
        assert entity is not None and entity["article_count"] == 2
        assert stored.entity(holdings) is None
    with Store(db) as store:
        results = store.add_many(first_articles())  # the same files again
        assert all(r.duplicate for r in results)
        store.add(later_article())  # a later article naming the merged entity
        recompute_articles(store.connection, [article_id(ACME), article_id(HOLDINGS)])  # a re-analysis
    assert links(db, HOLDINGS)["Acme Holdings"] == acme
    assert links(db, LATER)["Acme Holdings"] == acme


def test_undo_restores_the_entity_and_its_links(db):
    acme, holdings = corpus_id(db, "Acme Corp"), corpus_id(db, "Acme Holdings")
    with Corrector(db) as fix:
        merged = fix.merge(holdings, acme, reason="same")
    with Store(db) as store:
        store.add(later_article())
    with Corrector(db) as fix:
        undone = fix.undo(merged.id)
        assert undone.undone_at is not None
        with pytest.raises(StoreError) as exc:
            fix.undo(merged.id)
        assert exc.value.code == "E112"
    assert links(db, HOLDINGS)["Acme Holdings"] == holdings
    assert links(db, LATER)["Acme Holdings"] == holdings
    with Database(db) as stored:
        assert stored.entity(holdings)["article_count"] == 2
        assert stored.entity(acme)["article_count"] == 1


def test_reject_keeps_the_name_out_of_later_articles_and_survives_recompute(db):
    subscribe = corpus_id(db, "Subscribe")
    with Corrector(db) as fix:
        rejected = fix.reject(subscribe, reason="a newsletter button")
    assert "Subscribe" not in links(db, HOLDINGS)
    with Store(db) as store:
        store.add(later_article())
        recompute_articles(store.connection, [article_id(HOLDINGS)])
        raw = store.connection.execute(
            "SELECT article_json FROM uncorrected_articles WHERE article_id = ?", (article_id(HOLDINGS),)
        ).fetchone()
    assert "Subscribe" not in links(db, HOLDINGS) and "Subscribe" not in links(db, LATER)
    with Database(db) as stored:
        assert [e.name for e in stored.article(article_id(HOLDINGS)).entities] == ["Acme Holdings"]
    assert "Subscribe" in raw[0]  # the analysis itself is kept
    with Corrector(db) as fix:
        fix.undo(rejected.id)
    assert "Subscribe" in links(db, HOLDINGS) and "Subscribe" in links(db, LATER)
    with Store(db) as store:
        left = store.connection.execute("SELECT count(*) FROM uncorrected_articles").fetchone()[0]
    assert left == 0


def test_a_rejected_name_stays_out_whatever_type_it_gets_next(db):
    with Corrector(db) as fix:
        fix.reject(corpus_id(db, "Subscribe"), reason="a button")
    with Store(db) as store:
        store.add(make_article("Subscribe to Acme Corp news.", ("Subscribe", "PERSON"), ("Acme Corp", "ORG")))
    assert set(links(db, "Subscribe to Acme Corp news.")) == {"Acme Corp"}


def test_article_scoped_reject_leaves_other_articles(db):
    subscribe = corpus_id(db, "Subscribe")
    with Corrector(db) as fix:
        fix.reject(subscribe, reason="here only", article_id=article_id(HOLDINGS))
    with Store(db) as store:
        store.add(later_article())
    assert "Subscribe" not in links(db, HOLDINGS)
    assert "Subscribe" in links(db, LATER)


def test_rename_and_retype(db):
    acme = corpus_id(db, "Acme Corp")
    lagos = corpus_id(db, "Lagos")
    with Corrector(db) as fix:
        fix.rename(acme, "Acme Corporation", reason="official name")
        fix.retype(lagos, "LOC", reason="the port area")
        with pytest.raises(StoreError) as exc:
            fix.retype(lagos, "PLANET")
        assert exc.value.code == "E114"
    with Store(db) as store:
        store.add(make_article("Acme Corp and Lagos again.", ("Acme Corp", "ORG"), ("Lagos", "GPE")))
        row = store.connection.execute("SELECT name FROM corpus_entities WHERE id = ?", (acme,)).fetchone()
        types = store.connection.execute("SELECT DISTINCT type FROM entities WHERE name = 'Lagos'").fetchall()
    assert row == ("Acme Corporation",)
    assert types == [("LOC",)]
    assert links(db, "Acme Corp and Lagos again.")["Lagos"] == lagos


def test_split_stops_a_wrong_place_link_in_later_articles(tmp_path):
    db = tmp_path / "link.db"
    place = {"gazetteer_id": "geonames:3042225", "country": "IMN", "lat": 54.2, "lon": -4.5}
    isle = make_article("The Isle of Man voted.", ("Isle of Man", "GPE", place))
    manning = make_article("Manning spoke on Tuesday.", ("Manning", "GPE", dict(place)))
    with Store(db) as store:
        store.add_many([isle, manning])
    isle_id = corpus_id(db, "Isle of Man")
    assert links(db, "Manning spoke on Tuesday.")["Manning"] == isle_id  # the wrong link
    with Corrector(db) as fix:
        split = fix.split(isle_id, "Manning", reason="a person, not the island")
    again = make_article("Manning spoke again.", ("Manning", "GPE", dict(place)))
    with Store(db) as store:
        store.add(again)
    new_id = split.after["entity_id"]
    assert links(db, "Manning spoke on Tuesday.")["Manning"] == new_id != isle_id
    assert links(db, "Manning spoke again.")["Manning"] == new_id
    with Database(db) as stored:
        assert stored.article(again.id).entities[0].gazetteer_id is None


def test_quote_and_event_corrections_hold_for_that_fact(tmp_path):
    db = tmp_path / "facts.db"
    text = 'Jane Roe said "we will strike" and the union attacked the port. John Poe watched.'
    start = text.index('"')
    end = text.index('"', start + 1) + 1
    trig = text.index("attacked")
    article = make_article(
        text,
        ("Jane Roe", "PERSON"),
        ("John Poe", "PERSON"),
        quotes=[Quote(start, end, text[start:end], "direct", speaker="E1")],
        events=[Event("ASSAULT", Span(trig, trig + 8, "attacked"), source=["E1"])],
    )
    with Store(db) as store:
        store.add(article)
    poe = corpus_id(db, "John Poe")
    with Corrector(db) as fix:
        fix.reattribute_quote(article.id, start, end, poe, reason="wrong speaker")
        fix.edit_event(article.id, trig, trig + 8, type_="PROTEST", target=[poe], reason="a protest")
        with pytest.raises(StoreError) as exc:
            fix.reject_quote(article.id, start + 1, end, reason="no such quote")
        assert exc.value.code == "E111"
    with Store(db) as store:
        recompute_articles(store.connection, [article.id])
    with Database(db) as stored:
        stored_article = stored.article(article.id)
    assert stored_article.quotes[0].speaker == "E2"
    assert (stored_article.events[0].type, stored_article.events[0].target) == ("PROTEST", ["E2"])
    with Corrector(db) as fix:
        fix.reject_event(article.id, trig, trig + 8, reason="not an event")
        fix.reject_quote(article.id, start, end, reason="not a quote")
    with Database(db) as stored:
        assert stored.article(article.id).events == [] and stored.article(article.id).quotes == []


RULES = """\
rules:
  - kind: merge
    name: Acme Holdings
    into: Acme Corp
    type: ORG
    reason: one company
  - kind: reject
    name: Subscribe
    reason: "<script>alert(1)</script>"
"""


@pytest.mark.parametrize("rules_first", [True, False], ids=["rules-before-ingest", "rules-after-ingest"])
def test_rules_file_applies_to_a_fresh_database(tmp_path, rules_first):
    db, rules = tmp_path / "fresh.db", tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    if rules_first:
        with Corrector(db, user="team") as fix:
            lines = fix.apply_rules(rules)
        assert len(lines) == 2
    with Store(db) as store:
        store.add_many(first_articles())
    if not rules_first:
        with Corrector(db, user="team") as fix:
            fix.apply_rules(rules)
    with Store(db) as store:
        store.add(later_article())
    acme = corpus_id(db, "Acme Corp")
    assert links(db, HOLDINGS) == {"Acme Holdings": acme}
    assert links(db, LATER) == {"Acme Holdings": acme}


def test_bad_rules_file_is_one_coded_error(tmp_path):
    rules = tmp_path / "bad.yaml"
    rules.write_text("rules:\n  - kind: explode\n    name: X\n", encoding="utf-8")
    with Corrector(tmp_path / "x.db") as fix, pytest.raises(StoreError) as exc:
        fix.apply_rules(rules)
    assert exc.value.code == "E113" and "rule 1" in exc.value.line()


def test_unknown_entity_and_self_merge_are_refused(db):
    acme = corpus_id(db, "Acme Corp")
    with Corrector(db) as fix:
        for call, code in ((lambda: fix.merge(acme, acme), "E114"), (lambda: fix.reject(999_999), "E110")):
            with pytest.raises(StoreError) as exc:
                call()
            assert exc.value.code == code
        assert fix.list() == []


def test_a_new_entity_never_takes_a_merged_entitys_id(db):
    acme, holdings = corpus_id(db, "Acme Corp"), corpus_id(db, "Subscribe")
    with Corrector(db) as fix:
        fix.merge(holdings, acme)  # the highest id: SQLite would hand it out again
    with Store(db) as store:
        store.add(make_article("Zeta Bank lent money.", ("Zeta Bank", "ORG")))
    assert links(db, "Zeta Bank lent money.")["Zeta Bank"] > holdings


def test_table_export_carries_the_corrections(db, tmp_path):
    from newsgraph.export import export

    with Corrector(db, user="ana") as fix:
        fix.reject(corpus_id(db, "Subscribe"), reason="button")
    export(db, "jsonl", tmp_path / "out")
    rows = [json.loads(line) for line in (tmp_path / "out" / "corrections.jsonl").read_text().splitlines()]
    assert [(r["kind"], r["user"], r["reason"]) for r in rows] == [("reject", "ana", "button")]
    names = [json.loads(line)["name"] for line in (tmp_path / "out" / "entities.jsonl").read_text().splitlines()]
    assert "Subscribe" not in names
