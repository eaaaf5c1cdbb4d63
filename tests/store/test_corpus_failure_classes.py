"""Issue 11 cross-article failure class (docs/failure-classes.md): a natural feature named like a
company is merged with the company across articles.  Articles written for this test, run through
the whole pipeline and the store."""

from __future__ import annotations

from newsgraph.store import Store


def corpus_ids_of(store: Store, article, surface: str) -> set[int]:
    local = [e.id for e in article.entities if any(surface in m.text for m in e.mentions)]
    rows = store.connection.execute(
        f"SELECT corpus_entity_id FROM entities WHERE article_id = ? AND local_id IN ({','.join('?' * len(local))})",
        (article.id, *local),
    ).fetchall()
    return {row[0] for row in rows}


def test_a_natural_feature_and_the_company_named_like_it_stay_apart_across_articles(analyze_text, tmp_path):
    company = analyze_text("Meta said on Tuesday that it would hire 300 engineers in Dublin.")
    feature = analyze_text("Fires spread across the Meta savanna this week, ranchers in the region said.")
    with Store(tmp_path / "corpus.db") as store:
        store.add(company)
        store.add(feature)
        company_ids = corpus_ids_of(store, company, "Meta")
        assert company_ids
        assert not company_ids & corpus_ids_of(store, feature, "Meta")
