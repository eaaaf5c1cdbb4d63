"""Findings in the store (issue 11): a table of their own, read back with the article, counted, and
left out of a confidence-filtered snapshot below the threshold.  A hand-made article."""

from __future__ import annotations

from newsgraph.model import Article, Finding, Paragraph, Span, article_id
from newsgraph.store import Database, Store
from newsgraph.store.snapshot import Snapshot

TEXT = "A new survey shows that most anglers want the weir removed. Boatmen fear that the river will silt up."


def _at(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


def findings_article() -> Article:
    shown, hidden = _at("most anglers want the weir removed"), _at("the river will silt up")
    return Article(
        id=article_id(TEXT),
        text=TEXT,
        paragraphs=[Paragraph(0, len(TEXT), "body")],
        findings=[
            Finding(shown.start, shown.end, shown.text, "record", _at("A new survey"), _at("shows"), None, 0.7),
            Finding(hidden.start, hidden.end, hidden.text, "view", _at("Boatmen"), _at("fear"), None, 0.2),
        ],
    )


def test_findings_round_trip_through_the_store(tmp_path):
    path = tmp_path / "s.db"
    article = findings_article()
    with Store(path) as store:
        store.add(article)
        rows = store.connection.execute(
            "SELECT kind, source_text, cue_text, text, confidence FROM findings ORDER BY idx"
        ).fetchall()
    assert rows == [
        ("record", "A new survey", "shows", "most anglers want the weir removed", 0.7),
        ("view", "Boatmen", "fear", "the river will silt up", 0.2),
    ]
    with Database(path) as db:
        assert db.article(article.id).findings == article.findings
        assert db.stats()["findings"] == 2


def test_a_snapshot_leaves_out_findings_below_the_threshold(tmp_path):
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add(findings_article())
    with Snapshot(path) as snap:
        rows = [r for batch in snap.rows("findings", ["kind"], min_confidence=0.5) for r in batch]
    assert rows == [("record",)]
