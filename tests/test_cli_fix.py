"""`newsgraph fix`: corrections from the command line, on a store of hand-made articles."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import Article, Entity, Mention, article_id
from newsgraph.store import Store

runner = CliRunner()


def article(text: str, *names: tuple[str, str]) -> Article:
    entities = []
    for i, (name, type_) in enumerate(names, start=1):
        pos = text.index(name)
        entities.append(Entity(f"E{i}", name, type_, mentions=[Mention(pos, pos + len(name), name)]))
    return Article(id=article_id(text), text=text, entities=entities)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    with Store(path) as store:
        store.add(article("Acme Corp built a port.", ("Acme Corp", "ORG")))
        store.add(article("Acme Holdings denied it. Subscribe now.", ("Acme Holdings", "ORG"), ("Subscribe", "ORG")))
    return path


def ids(db) -> dict[str, int]:
    with Store(db) as store:
        return dict(store.connection.execute("SELECT name, id FROM corpus_entities"))


def fix(*args: str):
    return runner.invoke(app, ["fix", *args])


def test_merge_reject_list_undo(db):
    found = ids(db)
    merged = fix("merge", str(found["Acme Holdings"]), str(found["Acme Corp"]), "--db", str(db),
                 "--reason", "same firm", "--user", "ana")  # fmt: skip
    assert merged.exit_code == 0, merged.output
    assert "#1 merge" in merged.output and "by ana" in merged.output and "same firm" in merged.output
    rejected = fix("reject", str(found["Subscribe"]), "--db", str(db), "--reason", "a button")
    assert rejected.exit_code == 0, rejected.output
    assert set(ids(db)) == {"Acme Corp"}
    listed = fix("list", "--db", str(db), "--json")
    rows = json.loads(listed.stdout)
    assert [(r["id"], r["kind"], r["reason"]) for r in rows] == [(1, "merge", "same firm"), (2, "reject", "a button")]
    undone = fix("undo", "2", "--db", str(db))
    assert undone.exit_code == 0 and "undone" in undone.output
    assert set(ids(db)) == {"Acme Corp", "Subscribe"}


def test_unknown_entity_is_one_coded_line(db):
    result = fix("reject", "4242", "--db", str(db), "--reason", "x")
    assert result.exit_code == 1
    assert "E110" in result.output and "Traceback" not in result.output


def test_apply_rules_file(db, tmp_path):
    rules = tmp_path / "team.yaml"
    rules.write_text("rules:\n  - kind: reject\n    name: Subscribe\n  - kind: rename\n    name: Acme Corp\n"
                     "    to: Acme Corporation\n", encoding="utf-8")  # fmt: skip
    result = fix("--apply", str(rules), "--db", str(db), "--user", "team")
    assert result.exit_code == 0, result.output
    assert "rule 1: correction 1" in result.output and "rule 2: correction 2" in result.output
    assert set(ids(db)) == {"Acme Corporation", "Acme Holdings"}


def test_bad_fact_key_is_a_usage_error(db):
    result = fix("reject-quote", "nocolon", "--db", str(db))
    assert result.exit_code == 2


def test_split_mentions_by_position(tmp_path):
    db = tmp_path / "split.db"
    text = "Jordan Smith crossed into Jordan on Monday. Jordan said he would stay."
    first, second, third = text.index("Jordan Smith"), text.index("Jordan on"), text.index("Jordan said")
    person = Entity("E1", "Jordan Smith", "PERSON", mentions=[Mention(first, first + 12, "Jordan Smith"),
                    Mention(second, second + 6, "Jordan"), Mention(third, third + 6, "Jordan")])  # fmt: skip
    with Store(db) as store:
        store.add(Article(id=article_id(text), text=text, entities=[person]))
    cid = ids(db)["Jordan Smith"]
    aid = article_id(text)
    result = fix("split-mentions", str(cid), "--mention", f"{aid}:{second}-{second + 6}", "--type", "GPE",
                 "--db", str(db), "--reason", "the country")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "split-mentions" in result.output and f"(article {aid} only)" in result.output
    assert set(ids(db)) == {"Jordan Smith", "Jordan"}
    wrong = fix("split-mentions", str(cid), "--mention", f"{aid}:0-3", "--db", str(db))
    assert wrong.exit_code == 1 and "E114" in wrong.output and "0-3" in wrong.output
    other = fix("split-mentions", str(cid), "--mention", f"{aid}:0-3", "--mention", "abc:1-2", "--db", str(db))
    assert other.exit_code == 2
