"""Batch metadata: --published/--source/--language fill what files do not say; a manifest beats them."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import InputError
from newsgraph.readers import ReadOptions, iter_documents
from newsgraph.readers.manifest import batch_metadata, load_manifest

ARTICLE = "Ferry fares rise\n\nFares on the island ferry rise by a tenth in May, the operator said.\n"


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    record = {"text": "Bus routes change in June as the depot moves.", "title": "Bus routes", "published": "2021-05-02",
              "source": "Island Post"}  # fmt: skip
    (folder / "wire.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return folder


def read(paths, **options):
    items = list(iter_documents([str(p) for p in paths], ReadOptions(isolate=False, **options)))
    assert not [i for i in items if isinstance(i, InputError)]
    return {item.path.rsplit("/", 1)[-1]: item for item in items}


def test_batch_options_fill_only_what_a_file_does_not_say(batch):
    found = read([batch], defaults=batch_metadata("2020-01-31", "Harbour Radio", "en"))
    ferry, wire = found["ferry.txt"], found["wire.jsonl:1"]
    assert (ferry.published, ferry.source, ferry.language) == ("2020-01-31", "Harbour Radio", "en")
    assert (wire.published, wire.source, wire.language) == ("2021-05-02", "Island Post", "en")


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_manifest_values_beat_the_file_and_the_batch_options(batch, tmp_path, kind):
    rows = [
        {"path": "batch/ferry.txt", "title": "Fares up by a tenth", "published": "12 March 2019",
         "url": "https://example.org/ferry"},
        {"path": "batch/wire.jsonl", "title": "Not for a JSONL record", "source": "Wire Desk"},
    ]  # fmt: skip
    manifest_path = tmp_path / f"manifest.{kind}"
    if kind == "csv":
        header = "path,title,published,source,url"
        lines = [",".join(f'"{row.get(c, "")}"' for c in header.split(",")) for row in rows]
        manifest_path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    else:
        manifest_path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    found = read([batch], manifest=load_manifest(manifest_path), defaults=batch_metadata("2020-01-31", "Radio", None))
    ferry, wire = found["ferry.txt"], found["wire.jsonl:1"]
    assert (ferry.title, ferry.published, ferry.url, ferry.source) == (
        "Fares up by a tenth",
        "2019-03-12",
        "https://example.org/ferry",
        "Radio",  # the manifest has no source for it: the batch option fills it
    )
    # A row for a file of many articles gives each its fields, but not one title for all.
    assert (wire.title, wire.source, wire.published) == ("Bus routes", "Wire Desk", "2021-05-02")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("path,title,publised\nferry.txt,x,2020-01-01\n", "line 1: unknown column 'publised'"),
        ("path,published\nferry.txt,last spring\n", "line 2: 'last spring' is not a date"),
        ("title,published\nFerry,2020-01-01\n", "line 2: no 'path'"),
        ("path,language\nferry.txt,Klingonese\n", "line 2: 'Klingonese' is not a language code"),
    ],
)
def test_a_malformed_manifest_is_one_coded_line(tmp_path, content, message):
    path = tmp_path / "manifest.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_manifest(path)
    assert caught.value.code == "E028"
    assert message in caught.value.line() and "\n" not in caught.value.line()


def test_a_malformed_jsonl_manifest_names_its_line(tmp_path):
    path = tmp_path / "manifest.jsonl"
    path.write_text('{"path": "a.txt"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: not a JSON object \[E028\]"):
        load_manifest(path)


@pytest.mark.parametrize(
    ("published", "language", "option"), [("next Tuesday", None, "--published"), (None, "xx-yy", "--language")]
)
def test_bad_batch_options_are_refused(published, language, option):
    with pytest.raises(InputError) as caught:
        batch_metadata(published, None, language)
    assert caught.value.code == "E029" and option in caught.value.line()
