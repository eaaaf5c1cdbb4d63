"""Progress totals of exports: one per article, counted without reading the articles."""

from __future__ import annotations

import shutil

import pytest

from newsgraph.batch.runner import count_items
from newsgraph.readers import ReadOptions, iter_documents
from newsgraph.readers.counting import count_articles
from support import FIXTURES
from support.exports import nexis_export, numbered_articles


def test_a_nexis_export_counts_its_articles_not_one(tmp_path):
    export = tmp_path / "nexis.txt"
    export.write_text(nexis_export(numbered_articles(250)), encoding="utf-8")
    assert count_articles(export) == 250
    (tmp_path / "letter.txt").write_text("Ferry fares rise.\n\nFares rise by a tenth in May.\n", encoding="utf-8")
    assert count_items([tmp_path]) == 251


def test_a_count_does_not_lose_markers_cut_by_a_chunk(tmp_path, monkeypatch):
    from newsgraph.readers import counting

    export = tmp_path / "nexis.txt"
    export.write_text(nexis_export(numbered_articles(40)), encoding="utf-8")
    monkeypatch.setattr(counting, "CHUNK", 97)  # chunks end mid-line everywhere
    assert count_articles(export) == 40


def test_factiva_exports_count_their_articles_as_the_reader_splits_them(tmp_path):
    html = FIXTURES / "factiva" / "harbour.html"
    read = [d for d in iter_documents([str(html)], ReadOptions(isolate=False))]
    assert count_articles(html) == len(read) == 3
    text = tmp_path / "factiva.txt"
    text.write_text(
        "HD\tPort strike ends\nPD\t1 May 2023\nSN\tThe Ledger\nLP\tThe strike ended.\nAN\tDoc1\n\n"
        "HD\tFerry fares rise\nPD\t2 May 2023\nSN\tThe Ledger\nLP\tFares rise.\nAN\tDoc2\n",
        encoding="utf-8",
    )
    assert count_articles(text) == 2


def test_files_that_are_not_exports_count_as_one(tmp_path):
    (tmp_path / "a.txt").write_text("One article about 3 of 4 DOCUMENTS in a sentence.\n")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4\n1 of 9 DOCUMENTS\n")
    (tmp_path / "c.docx").write_bytes(b"not a zip")
    assert [count_articles(tmp_path / name) for name in ("a.txt", "b.pdf", "c.docx")] == [1, 1, 1]


@pytest.mark.shared
def test_the_nexis_samples_count_ten_each(shared_dir, tmp_path):
    folder = shared_dir / "samples" / "lexisnexis"
    assert count_articles(folder / "sample.TXT") == 10
    assert count_articles(folder / "sample.DOCX") == 10
    copy = tmp_path / "export.docx"
    shutil.copy(folder / "sample.DOCX", copy)
    assert count_items([copy]) == 10
