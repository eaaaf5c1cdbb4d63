"""The Python API: newsgraph.analyze / analyze_many / ingest / open."""

from __future__ import annotations

import subprocess
import sys

import newsgraph
from newsgraph.model import Article

TEXT = """Dutch court halts gas drilling near Groningen

A court in The Hague on Friday ordered Shell to stop drilling at two wells near Groningen, saying the company had not assessed the risk of earthquakes.

"The safety of residents comes first," judge Ellen Visser said in her ruling.
"""


def test_import_is_cheap_and_has_no_side_effects():
    code = "import sys, newsgraph; print('spacy' in sys.modules, 'newsgraph.store' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_public_names():
    assert set(newsgraph.__all__) >= {"analyze", "analyze_many", "ingest", "open", "Article"}
    assert newsgraph.Article is Article


def test_analyze_text_and_path_agree(tmp_path, nlp):
    from_text = newsgraph.analyze(TEXT, published="2024-05-10")
    path = tmp_path / "story.txt"
    path.write_text(TEXT)
    from_path = newsgraph.analyze(path, published="2024-05-10")
    assert from_text.id == from_path.id
    assert from_text.title == "Dutch court halts gas drilling near Groningen"
    assert from_text.published == "2024-05-10"
    data = from_text.to_dict()
    assert Article.from_dict(data).to_dict() == data
    names = {e.name for e in from_text.entities}
    assert "Groningen" in names and "Ellen Visser" in names


def test_ingest_then_open(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    db = tmp_path / "news.db"
    report = newsgraph.ingest(folder, db=db)
    assert (report.added, report.duplicates, report.failures) == (1, 0, [])
    assert newsgraph.ingest([folder], db=db).duplicates == 1
    handle = newsgraph.open(db)
    assert handle.stats()["articles"] == 1
    (hit,) = handle.search("drilling")
    article = handle.article(hit["id"])
    assert article.title.startswith("Dutch court")
    assert [e.name for e in article.entities if e.type == "PERSON"] == ["Ellen Visser"]


def test_analyze_many_streams_every_article(tmp_path, nlp):
    (tmp_path / "wire.jsonl").write_text(
        '{"text": "Kenya and Uganda signed a trade deal in Kampala on Monday."}\n'
        '{"text": "Chile raised its copper output forecast by 4 percent."}\n'
    )
    articles = list(newsgraph.analyze_many([tmp_path]))
    assert len(articles) == 2
    assert articles[0].path.endswith("wire.jsonl:1")


FRENCH = (
    "Le gouvernement a annoncé lundi que les négociations avec les syndicats reprendraient la semaine "
    "prochaine à Paris. Les représentants des travailleurs ont déclaré qu'ils ne signeraient pas un accord "
    "qui ne protège pas les salaires, et le ministre a promis de présenter une nouvelle proposition avant la fin du mois."
)


def test_text_in_another_language_is_reported_as_skipped_not_analysed(tmp_path, nlp):
    article = newsgraph.analyze(FRENCH)
    assert article.skipped_reason == "text is not English (detected 'fr')"
    assert article.language == "fr"
    assert article.entities == [] and article.quotes == [] and article.events == []
    (tmp_path / "fr.txt").write_text(FRENCH)
    report = newsgraph.ingest(tmp_path / "fr.txt", db=tmp_path / "n.db")
    assert (report.added, report.skipped) == (0, 1)
