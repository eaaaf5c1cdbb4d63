"""``newsgraph eval realnews``: the shared scorer's figures, loaded from beside the data, and calibration.

A stub scorer written here stands in for ``../shared/eval/realnews/score.py`` so the
tests run without ../shared; the last test compares with the real one where it is present.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli import app
from newsgraph.evaluate import run_eval, write_accuracy_md
from newsgraph.evaluate.calibration import bins_from_thresholds, calibration_bins, calibration_markdown, wilson_interval
from newsgraph.evaluate.realnews import calibration, load_scorer, score

ROOT = Path(__file__).resolve().parents[2]

# A scorer with the shared scorer's interface (Tally, score_article, figures): people right by
# name, quotes right when they hold a gold phrase, events right when their type is a gold type.
STUB_SCORER = """
class Tally(dict):
    def add(self, key, n=1):
        self[key] = self.get(key, 0) + n


def score_article(art, gold, tally, errors):
    tally.add("articles")
    for e in art.get("entities", []):
        if e.get("type") == "PERSON":
            tally.add("people_system")
            if e["name"] in gold["people"]:
                tally.add("people_right")
            else:
                errors.append(gold["article"] + ": false person " + e["name"])
    tally.add("people_gold", len(gold["people"]))
    for q in art.get("quotes", []):
        tally.add("quotes_system")
        tally.add("quotes_right", any(g in q["text"] for g in gold["quotes"]))
    for ev in art.get("events", []):
        tally.add("events_system")
        tally.add("events_right", ev["type"] in gold["events"])


def ratio(a, b):
    return round(a / b, 3) if b else None


def figures(t):
    return {
        "articles": t.get("articles", 0),
        "people_precision": ratio(t.get("people_right", 0), t.get("people_system", 0)),
        "quotes_precision": ratio(t.get("quotes_right", 0), t.get("quotes_system", 0)),
        "events_precision": ratio(t.get("events_right", 0), t.get("events_system", 0)),
        "counts": dict(sorted(t.items())),
    }
"""

ARTICLE = """Bridge vote in Riverton

Mayor Maria Santos said on Monday that the new bridge would open in May.

"We kept our promise to every family in this town," Santos told reporters.
"""


def make_set(root: Path, scorer: bool = True) -> Path:
    dev = root / "realnews" / "dev"
    dev.mkdir(parents=True)
    (dev / "riverton.txt").write_text(ARTICLE, encoding="utf-8")
    gold = {"people": ["Maria Santos"], "quotes": ["We kept our promise"], "events": ["AGREE"]}
    (dev / "riverton.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (dev / "orphan.gold.json").write_text(json.dumps(gold), encoding="utf-8")  # no article: skipped
    if scorer:
        (root / "realnews" / "score.py").write_text(textwrap.dedent(STUB_SCORER), encoding="utf-8")
    return dev


@pytest.mark.slow
def test_eval_realnews_gives_the_scorers_figures_on_newsgraph_analyze(tmp_path):
    dev = make_set(tmp_path)
    report = run_eval("realnews", dev, baseline=False)
    stub = load_scorer(dev)
    tally = stub.Tally()
    gold = json.loads((dev / "riverton.gold.json").read_text()) | {"article": "riverton"}
    stub.score_article(newsgraph.analyze(str(dev / "riverton.txt")).to_dict(), gold, tally, [])
    assert report.figures == stub.figures(tally)
    assert report.n_documents == 1 and tally["people_system"] >= 1
    row = report.row("dev, all facts", "people_precision")
    assert row.ours == report.figures["people_precision"] and row.n == tally["people_system"]
    assert row.target == 0.95
    assert set(report.calibration) == {"entities", "quotes", "events"}
    # every quote the system gave falls in exactly one confidence bin
    assert sum(b["n"] for b in report.calibration["quotes"]) == tally["quotes_system"]

    doc = write_accuracy_md(report, tmp_path / "accuracy.md", commit="abc1234", date="2031-01-01")
    section = doc.read_text()
    assert "<!-- eval:realnews:start -->" in section and "| confidence | entities n |" in section
    assert "newsgraph eval realnews --data ../shared/eval/realnews/dev" in section


def test_eval_realnews_without_the_scorer_is_one_coded_line(tmp_path):
    dev = make_set(tmp_path, scorer=False)
    result = CliRunner().invoke(app, ["eval", "realnews", "--data", str(dev)])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "score.py" in lines[0] and lines[0].endswith("[E001]"), result.stderr
    assert "Traceback" not in result.output


def test_a_threshold_is_refused_by_sets_that_score_every_fact(tmp_path):
    with pytest.raises(ValueError, match="no confidence threshold"):
        run_eval("re3d", tmp_path, min_confidence=0.5)


def graded_articles() -> list[tuple[dict, dict]]:
    """Hand-made article JSON with confidences, and gold for the stub scorer."""
    quotes = [
        {"text": "We kept our promise", "confidence": 0.9},  # right
        {"text": "the debate", "confidence": 0.1},  # wrong
        {"text": "we kept our word", "confidence": 0.5},  # wrong
        {"text": "We kept our promise again", "confidence": None},  # right, counts as 1.0
    ]
    events = [{"type": "AGREE", "confidence": 0.3}, {"type": "ASSAULT", "confidence": 0.3}]
    entities = [
        {"name": "Maria Santos", "type": "PERSON", "confidence": 0.85},
        {"name": "Subscribe", "type": "PERSON", "confidence": 0.15},
    ]
    gold = {"article": "a", "people": ["Maria Santos"], "quotes": ["We kept our promise"], "events": ["AGREE"]}
    return [({"entities": entities, "quotes": quotes, "events": events}, gold)]


def test_min_confidence_drops_facts_before_scoring(tmp_path):
    stub = load_scorer(make_set(tmp_path))
    tally, errors = score(stub, graded_articles(), {"entities": 0.5, "quotes": 0.5, "events": 0.5})
    assert (tally["quotes_system"], tally["quotes_right"]) == (3, 2)
    assert tally.get("events_system", 0) == 0 and tally["people_system"] == 1 and errors == []
    tally, errors = score(stub, graded_articles(), {"entities": None, "quotes": None, "events": None})
    assert tally["quotes_system"] == 4 and errors == ["a: false person Subscribe"]


def test_calibration_bins_from_the_scorers_counts_at_each_edge(tmp_path):
    stub = load_scorer(make_set(tmp_path))
    table = calibration(stub, graded_articles())
    quotes = [(b["n"], b["right"]) for b in table["quotes"]]
    assert quotes == [(1, 0), (0, 0), (1, 0), (0, 0), (2, 2)]
    assert [b["precision"] for b in table["events"]] == [None, 0.5, None, None, None]
    assert [(b["n"], b["right"]) for b in table["entities"]] == [(1, 0), (0, 0), (0, 0), (0, 0), (1, 1)]
    markdown = calibration_markdown(table)
    assert "| [0.8, 1.0] | 1 | 1.000 (0.21–1.00) | 2 | 1.000 (0.34–1.00) | 0 | — |" in markdown


def test_a_small_bin_s_interval_is_wide_and_a_large_one_s_narrow():
    # 0 right of 7 may still be a 0.3 bin; 0 of 70 may not
    assert wilson_interval(0, 7) == (0.0, 0.354)
    assert wilson_interval(0, 70)[1] < 0.06
    low, high = wilson_interval(12, 13)
    assert 0.66 < low < 0.67 and high > 0.98
    assert wilson_interval(0, 0) is None


def test_per_fact_bins_and_threshold_bins_agree():
    pairs = [(0.05, False), (0.25, True), (0.3, False), (0.79, True), (0.8, True), (1.0, False), (None, True)]
    direct = calibration_bins(pairs)
    assert [(b.n, b.right) for b in direct] == [(1, 0), (2, 1), (0, 0), (1, 1), (3, 2)]
    assert direct[-1].label == "[0.8, 1.0]" and direct[0].label == "[0.0, 0.2)"

    def counts_at(t):
        kept = [ok for c, ok in pairs if (1.0 if c is None else c) >= t]
        return len(kept), sum(kept)

    assert [(b.n, b.right) for b in bins_from_thresholds(counts_at)] == [(b.n, b.right) for b in direct]


@pytest.mark.shared
@pytest.mark.slow
def test_eval_realnews_equals_the_shared_scorer_on_dev(shared_dir):
    dev = shared_dir / "eval" / "realnews" / "dev"
    if not (dev.parent / "score.py").is_file():
        pytest.skip(f"{dev.parent / 'score.py'} is not present")
    report = run_eval("realnews", dev)
    env_path = str(ROOT / "src")
    shared = subprocess.run(
        [sys.executable, str(dev.parent / "score.py"), str(dev), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )
    assert report.figures == json.loads(shared.stdout.strip().splitlines()[-1])


def test_polnear_and_plover_record_per_fact_pairs_for_calibration():
    from newsgraph.evaluate.plover import PloverRecord
    from newsgraph.evaluate.plover import score as plover_score
    from newsgraph.evaluate.polnear import Attribution
    from newsgraph.evaluate.polnear import score_article as polnear_score
    from newsgraph.model import Article, Entity, Event, Mention, Quote, Span

    text = 'Smith said "we win." Jones said "we lose." Brown said "maybe."'
    smith, jones = (
        Entity("E1", "Smith", "PERSON", [Mention(0, 5, "Smith")]),
        Entity("E2", "Jones", "PERSON", [Mention(21, 26, "Jones")]),
    )
    q1, q2 = text.index("we win"), text.index("we lose")
    quotes = [
        Quote(q1, q1 + 7, text[q1 : q1 + 7], "direct", speaker="E1", confidence=0.9),
        Quote(q2, q2 + 8, text[q2 : q2 + 8], "direct", speaker="E1", confidence=0.3),  # wrong speaker
    ]
    q3 = text.index("maybe")
    quotes.append(Quote(q3, q3 + 5, "maybe", "direct", speaker="E2", confidence=0.7))  # no gold: a false quote
    article = Article(id="a", text=text, entities=[smith, jones], quotes=quotes)
    gold = [Attribution([(q1, q1 + 7)], [(0, 5)], []), Attribution([(q2, q2 + 8)], [(21, 26)], [])]
    counts = polnear_score(text, gold, quotes, article)
    assert counts.speaker_pairs == [(0.9, True), (0.3, False)]
    assert [(b.n, b.right) for b in calibration_bins(counts.speaker_pairs)] == [(0, 0), (1, 0), (0, 0), (0, 0), (1, 1)]
    # per quote given, the false quote counts too (precision), which speaker accuracy on found leaves out
    assert counts.quote_pairs == [(0.9, True), (0.3, False), (0.7, False)]

    sentence = "Rebels attacked the town."
    rec = PloverRecord(
        id="1", text=sentence, event="ASSAULT", original_event="FIGHT", source=set(), target=set(),
        source_actors=[], target_actors=[], trigger="attacked",
    )  # fmt: skip
    ev = Event("ASSAULT", Span(7, 15, "attacked"), confidence=0.7)
    assert plover_score([rec], [Article(id="p", text=sentence, events=[ev])]).event_pairs == [(0.7, True)]


def test_plover_calibration_scores_type_and_actors_as_the_confidence_claims():
    from newsgraph.evaluate.plover import PloverRecord
    from newsgraph.evaluate.plover import score as plover_score
    from newsgraph.model import Article, Entity, Event, Mention, Span

    sentence = "Chile accused Peru of spying."
    chile = Entity("E1", "Chile", "GPE", [Mention(0, 5, "Chile")], country="CHL")
    peru = Entity("E2", "Peru", "GPE", [Mention(14, 18, "Peru")], country="PER")
    rec = PloverRecord(
        id="2", text=sentence, event="ACCUSE", original_event="DISAPPROVE", source={"CHL"}, target={"PER"},
        source_actors=[], target_actors=[], trigger="accused",
    )  # fmt: skip
    trigger = Span(6, 13, "accused")
    right = Event("ACCUSE", trigger, source=["E1"], target=["E2"], confidence=0.8)
    reversed_roles = Event("ACCUSE", trigger, source=["E2"], target=["E1"], confidence=0.6)
    one_side = Event("ACCUSE", trigger, source=["E1"], confidence=0.4)
    pairs = [
        plover_score([rec], [Article(id="p", text=sentence, entities=[chile, peru], events=[ev])]).event_pairs[0]
        for ev in (right, reversed_roles, one_side)
    ]
    assert pairs == [(0.8, True), (0.6, False), (0.4, False)]
