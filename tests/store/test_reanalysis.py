"""Re-analysis at the store level (store/reanalysis.py): a new analysis of stored articles is
written in place, with the same ids and every active correction, on hand-made articles."""

from __future__ import annotations

from newsgraph.model import Article, Entity, Mention, article_id
from newsgraph.model.document import Document, OffsetMap
from newsgraph.store import Database, Store
from newsgraph.store.corrector import Corrector


def make_article(text: str, *ents: tuple[str, str], path: str = "a.txt") -> Article:
    entities = []
    for i, (name, type_) in enumerate(ents, start=1):
        pos = text.index(name)
        entities.append(Entity(f"E{i}", name, type_, mentions=[Mention(pos, pos + len(name), name)]))
    return Article(id=article_id(text), text=text, path=path, published="2023-05-01", entities=entities)


OLD = "Acme Corp built a port in Lagos. Acme Holdings denied it."
OTHER = "Acme Corp opened an office in Accra."


def names(db) -> dict[str, int]:
    with Store(db) as store:
        return dict(store.connection.execute("SELECT name, id FROM corpus_entities"))


def test_a_changed_analysis_is_written_with_the_same_ids_and_corrections(tmp_path):
    db = tmp_path / "re.db"
    text = OLD
    document = Document(text=text, source_text="<p>" + text + "</p>", offsets=OffsetMap.identity(len(text)),
                        published="2023-05-01", path="a.html", format="html")  # fmt: skip
    with Store(db) as store:
        store.add(make_article(text, ("Acme Corp", "ORG"), ("Acme Holdings", "ORG")), document)
        store.add(make_article(OTHER, ("Acme Corp", "ORG"), ("Accra", "GPE"), path="b.txt"))
    before = names(db)
    with Corrector(db) as fix:
        fix.merge(before["Acme Holdings"], before["Acme Corp"], reason="one firm")
    with Store(db) as store:
        documents = list(store.stored_documents())
        # The document comes back from the row: text, source, format, metadata.
        assert [d.id for d in documents] == [article_id(OLD), article_id(OTHER)]
        first = documents[0]
        assert (first.source_text, first.format, first.published) == ("<p>" + text + "</p>", "html", "2023-05-01")
        assert documents[1].source_text == OTHER  # stored without a document: its text stands in
        # A newer analysis: the old one missed Lagos.
        newer = make_article(text, ("Acme Corp", "ORG"), ("Acme Holdings", "ORG"), ("Lagos", "GPE"))
        assert store.replace_analyses([newer]) == 1
    after = names(db)
    assert "Lagos" in after and "Acme Holdings" not in after  # the new fact, and the merge still holds
    assert after["Acme Corp"] == before["Acme Corp"] and after["Accra"] == before["Accra"]  # ids kept
    with Database(db) as stored:
        article = stored.article(article_id(text))
        assert article.path == "a.txt" and article.published == "2023-05-01"
        assert {e.name for e in article.entities} >= {"Lagos"}
        assert stored.stats()["articles"] == 2
    with Corrector(db) as fix:  # the new analysis is what an undo goes back to
        fix.undo(1)
    assert {"Acme Holdings", "Lagos"} <= set(names(db))


def test_an_analysis_of_another_text_is_left_out(tmp_path):
    db = tmp_path / "re.db"
    with Store(db) as store:
        store.add(make_article(OLD, ("Acme Corp", "ORG")))
        assert store.replace_analyses([make_article(OTHER, ("Accra", "GPE"))]) == 0
    assert set(names(db)) == {"Acme Corp"}


SAME_NAME = "Jordan Smith crossed into Jordan on Monday. Jordan said he would stay a week."


def test_a_split_by_position_moves_only_the_chosen_mentions_and_survives_a_reanalysis(tmp_path):
    db = tmp_path / "split.db"
    text = SAME_NAME
    first, second, third = (text.index("Jordan Smith"), text.index("Jordan on"), text.index("Jordan said"))
    mentions = [Mention(first, first + 12, "Jordan Smith"), Mention(second, second + 6, "Jordan"),
                Mention(third, third + 6, "Jordan")]  # fmt: skip
    analysis = Article(id=article_id(text), text=text, entities=[Entity("E1", "Jordan Smith", "PERSON", mentions)])
    with Store(db) as store:
        store.add(analysis)
    person = names(db)["Jordan Smith"]
    with Corrector(db) as fix:
        made = fix.split_mentions(person, analysis.id, [(second, second + 6)], type_="GPE", reason="the country")
    assert made.kind == "split-mentions" and made.after["name"] == "Jordan"

    def grouping() -> dict[str, list[int]]:
        with Database(db) as stored:
            article = stored.article(analysis.id)
        return {f"{e.name}/{e.type}": [m.start for m in e.mentions] for e in article.entities}

    assert grouping() == {"Jordan Smith/PERSON": [first, third], "Jordan/GPE": [second]}
    assert names(db)["Jordan"] == made.after["entity_id"]
    with Store(db) as store:  # the same analysis again, as after an upgrade that changed nothing here
        store.replace_analyses([Article.from_dict(analysis.to_dict())])
    assert grouping() == {"Jordan Smith/PERSON": [first, third], "Jordan/GPE": [second]}
    with Corrector(db) as fix:
        fix.undo(made.id)
    assert grouping() == {"Jordan Smith/PERSON": [first, second, third]}
    assert "Jordan" not in names(db)
