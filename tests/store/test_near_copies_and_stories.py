"""Near-copies, stories and event clusters as the writer decides them."""

from __future__ import annotations

from newsgraph.store import Store
from newsgraph.store.copies import ShingleMemory
from support.stories import rival_report, same_company_results, story_articles, syndicated_copy, wire_report


def _rows(db, sql, params=()):
    with Store(db) as store:
        return store.connection.execute(sql, params).fetchall()


def test_a_retitled_trimmed_copy_points_to_its_original(tmp_path):
    db = tmp_path / "news.db"
    original, copy = wire_report(), syndicated_copy()
    with Store(db) as store:
        store.add(original)
        result = store.add(copy)
    assert result.added and result.copy_of == original.id
    ((dup, similarity, story),) = _rows(
        db, "SELECT duplicate_of, similarity, story_id FROM articles WHERE id = ?", (copy.id,)
    )
    assert dup == original.id and 0.7 <= similarity <= 1.0
    assert story == original.id
    # the copy keeps its own row: outlet, date and URL
    assert _rows(db, "SELECT source, url FROM articles WHERE id = ?", (copy.id,)) == [
        ("Daily Courier", "https://courier.example/news/acme-boss-held")
    ]


def test_a_copy_of_an_article_stored_by_an_earlier_run_is_found(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add(wire_report())
    with Store(db) as store:  # a new run: the index is read from the store
        assert store.add(syndicated_copy()).copy_of == wire_report().id


def test_two_articles_on_the_same_company_the_same_day_are_neither_copies_nor_one_story(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add(wire_report())
        result = store.add(same_company_results())
    assert result.copy_of is None
    assert result.story_id == same_company_results().id


def test_another_outlets_report_of_the_same_arrest_joins_the_story_and_its_event_cluster(tmp_path):
    db = tmp_path / "news.db"
    with Store(db) as store:
        for article in story_articles():
            store.add(article)
    wire, rival = wire_report(), rival_report()
    stories = dict(_rows(db, "SELECT id, story_id FROM articles"))
    assert stories[rival.id] == wire.id
    clusters = dict(_rows(db, "SELECT article_id, cluster_id FROM events"))
    assert clusters == {wire.id: f"{wire.id}:0", syndicated_copy().id: f"{wire.id}:0", rival.id: f"{wire.id}:0"}


def test_an_event_of_another_type_or_place_is_a_cluster_of_its_own(tmp_path):
    db = tmp_path / "news.db"
    rival = rival_report()
    rival.events[0].location = "E5"  # Frankfurt, not Berlin
    with Store(db) as store:
        store.add(wire_report())
        store.add(rival)
    clusters = dict(_rows(db, "SELECT article_id, cluster_id FROM events"))
    assert clusters[rival.id] == f"{rival.id}:0"


def test_adding_the_same_articles_again_never_makes_a_second_story(tmp_path):
    db = tmp_path / "news.db"
    for _ in range(2):
        with Store(db) as store:
            store.add_many(story_articles())
    assert _rows(db, "SELECT count(*) FROM stories") == [(2,)]
    assert _rows(db, "SELECT id, article_count FROM stories ORDER BY article_count DESC") == [
        (wire_report().id, 3),
        (same_company_results().id, 1),
    ]


def test_without_stories_nothing_is_decided(tmp_path):
    db = tmp_path / "news.db"
    with Store(db, stories=False) as store:
        store.add_many(story_articles())
    assert _rows(db, "SELECT count(*) FROM articles WHERE story_id IS NOT NULL OR duplicate_of IS NOT NULL") == [(0,)]


def test_counts_and_the_event_table_count_a_copy_once_unless_asked(tmp_path):
    from newsgraph.store import Database

    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add_many([wire_report(), syndicated_copy()])
    with Database(db) as reader:
        stats = reader.stats()
        assert (stats["articles"], stats["near_copies"], stats["stories"]) == (1, 1, 1)
        assert [e["article_id"] for e in reader.events()] == [wire_report().id]
        assert len(reader.events(count_copies=True)) == 2


def test_the_copy_index_stays_bounded_on_templated_articles(tmp_path):
    # Weather reports, results tables, council notices: many distinct articles made from one
    # template share most band keys.  Each key indexes at most MAX_BAND_POSTINGS originals
    # and copies are not indexed, so the work per article does not grow with the store.
    from newsgraph.model import Article, Paragraph, article_id
    from newsgraph.store.copies import MAX_BAND_POSTINGS

    def notice(n: int) -> Article:
        body = (
            f"The town council approved repair number {n} to the old river bridge on Monday night, "
            "and work on the section will start in the spring once the contractor has been chosen, "
            "the mayor told residents at the meeting in the town hall."
        )
        return Article(
            id=article_id(body), text=body, title=None, paragraphs=[Paragraph(0, len(body), "body")], source="Courier"
        )

    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add_many([notice(n) for n in range(MAX_BAND_POSTINGS + 30)])
        copy = notice(7)
        store.add(Article(**{**copy.__dict__, "id": article_id(copy.text + " "), "text": copy.text + " "}))
    ((largest,),) = _rows(db, "SELECT max(n) FROM (SELECT count(*) AS n FROM minhash_bands GROUP BY band_key)")
    assert largest <= MAX_BAND_POSTINGS
    copies = _rows(db, "SELECT id FROM articles WHERE duplicate_of IS NOT NULL")
    assert copies and not _rows(
        db, f"SELECT 1 FROM minhash_bands WHERE article_id IN ({','.join('?' * len(copies))})", [c[0] for c in copies]
    )


def test_event_clusters_survive_a_rewrite_of_the_articles_facts(tmp_path):
    # A correction or a re-analysis rewrites an article's fact rows; its events must rejoin
    # the clusters of their story rather than be left without one.
    from newsgraph.store.corrections import recompute_articles

    db = tmp_path / "news.db"
    wire, rival = wire_report(), rival_report()
    with Store(db) as store:
        store.add(wire)
        store.add(rival)
        before = dict(store.connection.execute("SELECT article_id, cluster_id FROM events"))
        with store.connection:
            recompute_articles(store.connection, [wire.id, rival.id])
        after = dict(store.connection.execute("SELECT article_id, cluster_id FROM events"))
    assert before == after == {wire.id: f"{wire.id}:0", rival.id: f"{wire.id}:0"}


def test_a_copy_found_from_remembered_shingles_scores_as_one_found_from_the_text(tmp_path):
    # The same run remembers its originals' shingle hashes; a later run re-shingles their text.
    same_run, later_run = tmp_path / "one.db", tmp_path / "two.db"
    with Store(same_run) as store:
        store.add(wire_report())
        remembered = store.add(syndicated_copy())
    with Store(later_run) as store:
        store.add(wire_report())
    with Store(later_run) as store:
        from_text = store.add(syndicated_copy())
    assert remembered.copy_of == from_text.copy_of == wire_report().id
    sql = "SELECT duplicate_of, similarity FROM articles WHERE id = ?"
    assert _rows(same_run, sql, (syndicated_copy().id,)) == _rows(later_run, sql, (syndicated_copy().id,))


def test_shingle_memory_forgets_the_oldest_originals_past_its_bound():
    memory = ShingleMemory(max_hashes=10)
    memory.remember("a", frozenset(f"a{i}" for i in range(6)))
    memory.remember("b", frozenset(f"b{i}" for i in range(6)))
    assert memory.get("a") is None and len(memory.get("b")) == 6 and len(memory) == 1
