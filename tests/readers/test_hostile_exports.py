"""Hostile exports and office documents: refused or read within bounds, one coded line each.

See docs/reliability.md, G29-G33.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import zipfile

import docx
import pytest

from newsgraph.errors import InputError
from newsgraph.readers import ReadOptions, iter_documents
from support import SRC
from support.exports import NexisArticle, docx_bomb, nexis_export, numbered_articles


def read(path, options=None):
    return list(iter_documents([str(path)], options or ReadOptions()))


def one_error(path, code, options=None) -> InputError:
    items = read(path, options)
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert items[0].code == code, items[0].line()
    assert "\n" not in items[0].line()
    return items[0]


@pytest.mark.parametrize("isolate", [True, False])
def test_docx_zip_bomb_is_refused_by_its_unpacked_size_before_reading(tmp_path, isolate):
    path = tmp_path / "bomb.docx"
    docx_bomb(path)  # word/document.xml: 2 GiB of zeros in about 2 MB
    assert path.stat().st_size < 3 << 20
    started = time.perf_counter()
    error = one_error(path, "E026", ReadOptions(isolate=isolate))
    assert time.perf_counter() - started < 30
    assert "Word document unpacks to more than the limit of 104,857,600 bytes" in error.line()


def test_docx_part_that_holds_more_than_it_declares_is_refused_without_inflating_it(tmp_path):
    path = tmp_path / "liar.docx"
    docx_bomb(path, declared_bytes=1000)  # says 1,000 bytes, holds 2 GiB
    started = time.perf_counter()
    error = one_error(path, "E027", ReadOptions(isolate=False))  # in process: no child's memory limit to save us
    assert time.perf_counter() - started < 10
    assert "Bad CRC-32" in error.line()


def test_unpacked_limit_is_configurable(tmp_path):
    path = tmp_path / "small bomb.docx"
    docx_bomb(path, unpacked_bytes=32 << 20)
    one_error(path, "E026", ReadOptions(unpacked_max_bytes=16 << 20, isolate=False))


def word_file(path) -> None:
    document = docx.Document()
    document.add_paragraph("Ferry fares rise in May")
    document.add_paragraph("Fares on the island ferry rise by a tenth in May, the operator said on Friday. " * 40)
    document.save(path)


def test_truncated_docx_is_one_coded_line(tmp_path):
    whole = tmp_path / "whole.docx"
    word_file(whole)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    error = one_error(cut, "E027", ReadOptions(isolate=False))
    assert error.line().startswith(f"{cut}: Word document is corrupt or unreadable: BadZipFile")


def test_docx_with_broken_xml_is_one_coded_line(tmp_path):
    whole = tmp_path / "whole.docx"
    word_file(whole)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut mid-element
            target.writestr(info, data)
    one_error(broken, "E027", ReadOptions(isolate=False))


def test_docx_without_a_document_part_is_one_coded_line(tmp_path):
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    one_error(path, "E027", ReadOptions(isolate=False))


@pytest.mark.parametrize(("name", "code"), [("note.rtf", "E027"), ("note.odt", "E027")])
def test_office_files_that_are_not_what_they_say_are_one_coded_line(tmp_path, name, code):
    path = tmp_path / name
    path.write_bytes(b"Just some text, not an office document.\n")
    one_error(path, code, ReadOptions(isolate=False))


READ_AND_STORE = """
import json, sys, time
from newsgraph.errors import InputError
from newsgraph.readers import ReadOptions, iter_documents
from newsgraph.store.writer import Store

started = time.perf_counter()
errors = []

def documents():
    for item in iter_documents([sys.argv[1]], ReadOptions(isolate=False)):
        if isinstance(item, InputError):
            errors.append(item.line())
        else:
            yield item.new_article(), item

with Store(sys.argv[2]) as store:
    results = store.add_many(documents(), batch_size=500)
print(json.dumps({
    "stored": sum(1 for r in results if r.added),
    "errors": errors,
    "seconds": time.perf_counter() - started,
    # VmHWM is this program's own peak: ru_maxrss would carry over the peak of the pytest
    # process that forked it (Linux keeps it across exec), which a long test run makes large.
    "max_rss_mb": next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")) // 1024,
}))
"""


def test_a_ten_thousand_article_export_is_read_and_stored_whole_in_bounded_time_and_memory(tmp_path):
    articles = numbered_articles(10_000)
    bad = [NexisArticle("The Valley Courier", "May 2, 2022", f"Notice {n}", None, body=[]) for n in range(25)]
    for n, article in enumerate(bad):
        articles.insert(400 * n + 7, article)
    path = tmp_path / "export.txt"
    path.write_text(nexis_export(articles), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", READ_AND_STORE, str(path), str(tmp_path / "ng.db")],
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    report = json.loads(done.stdout)
    assert report["stored"] == 10_000
    assert len(report["errors"]) == 25
    assert all("E025" in line and "\n" not in line for line in report["errors"])
    assert report["errors"][0].startswith(f"{path}#8: Nexis export article could not be read")
    assert report["max_rss_mb"] < 400, report
    assert report["seconds"] < 300, report
