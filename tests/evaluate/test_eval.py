"""newsgraph.evaluate: scorers on tiny hand-made gold/pred, and one smoke run per data set.

The scorer tests always run.  The smoke tests need ``../shared/eval`` (never copied
into the repository) and skip when it is absent.
"""

from __future__ import annotations

import pytest

from newsgraph.evaluate import EvalReport, geowebnews, resolve_data_path, run_eval, write_accuracy_md
from newsgraph.evaluate.common import is_named, plain_document
from newsgraph.evaluate.geowebnews import GwnDoc, Toponym, recognition, resolution
from newsgraph.evaluate.plover import PloverRecord, main_event, map_category, map_country, score
from newsgraph.evaluate.polnear import Attribution, is_direct, parse_brat, score_article, source_kind, trim_span
from newsgraph.evaluate.re3d import predicted_spans, score_spans
from newsgraph.evaluate.scoring import PRF, haversine_km, match_spans, median, per_label, prf
from newsgraph.model import Amount, Article, DateMention, Entity, Event, Mention, Quote, Span
from support import SHARED

EVAL = SHARED / "eval"


def ent(eid, name, typ, spans, text, **kw) -> Entity:
    return Entity(eid, name, typ, [Mention(s, e, text[s:e]) for s, e in spans], **kw)


# ---------------------------------------------------------------------------
# scoring.py


def test_strict_vs_overlap_typed():
    gold = [("d", 0, 10, "ORG"), ("d", 20, 25, "PER"), ("d", 30, 35, "LOC")]
    pred = [("d", 0, 10, "ORG"), ("d", 19, 25, "PER"), ("d", 30, 35, "ORG"), ("d", 50, 55, "LOC")]
    strict = match_spans(gold, pred, "strict").prf
    assert (strict.pred_matched, strict.n_pred, strict.gold_matched, strict.n_gold) == (1, 4, 1, 3)
    assert strict.precision == pytest.approx(0.25)
    assert strict.recall == pytest.approx(1 / 3)
    relaxed = match_spans(gold, pred, "overlap")
    assert relaxed.prf.precision == pytest.approx(0.5)  # ORG exact + PER overlapping
    assert relaxed.prf.recall == pytest.approx(2 / 3)  # LOC at 30 was typed ORG: a miss
    assert relaxed.missed == [("d", 30, 35, "LOC")]
    assert set(relaxed.false_positives) == {("d", 30, 35, "ORG"), ("d", 50, 55, "LOC")}


def test_untyped_and_document_separation():
    gold = [("a", 0, 5, None), ("b", 0, 5, None)]
    pred = [("a", 0, 5, None), ("c", 0, 5, None)]
    r = match_spans(gold, pred, "strict", typed=False).prf
    assert (r.pred_matched, r.gold_matched) == (1, 1)
    # touching spans do not overlap (half-open)
    assert match_spans([("a", 0, 5, None)], [("a", 5, 9, None)], "overlap").prf.f1 == 0.0


def test_overlap_is_not_one_to_one_and_duplicates_count_once():
    gold = [("d", 0, 20, "X")]
    pred = [("d", 0, 5, "X"), ("d", 10, 15, "X"), ("d", 10, 15, "X")]
    r = match_spans(gold, pred, "overlap").prf
    assert (r.pred_matched, r.n_pred, r.gold_matched, r.n_gold) == (2, 2, 1, 1)
    assert r.f1 == 1.0


def test_per_label_and_prf():
    gold = [("d", 0, 5, "A"), ("d", 10, 15, "B")]
    pred = [("d", 0, 5, "A"), ("d", 10, 15, "A")]
    scores = per_label(gold, pred, "strict", labels=["A", "B", "C"])
    assert scores["A"].precision == 0.5 and scores["A"].recall == 1.0
    assert scores["B"].f1 == 0.0 and scores["B"].n_gold == 1
    assert scores["C"] == PRF()
    p = prf(3, 1, 2)
    assert p.precision == 0.75 and p.recall == 0.6 and p.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert PRF().f1 == 0.0
    assert median([]) is None and median([3, 1, 2]) == 2 and median([1, 2, 3, 4]) == 2.5


def test_haversine_161_km():
    # London -> Paris is about 344 km; one degree of latitude about 111.2 km.
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=2)
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.19, abs=0.1)
    assert haversine_km(10, 20, 10, 20) == 0.0
    # 1.44 degrees of latitude is inside 161 km, 1.46 is outside
    assert haversine_km(40, 0, 41.44, 0) < 161 < haversine_km(40, 0, 41.46, 0)


# ---------------------------------------------------------------------------
# common.py


def test_is_named():
    for named in ("the Australian Government", "Syrians", "UN human rights staff", "Mr Alzoubi", "ISIL"):
        assert is_named(named), named
    for common in ("They", "I", "The camp", "his home", "insurgents", "its", "Mr."):
        assert not is_named(common), common


def test_plain_document_identity_offsets():
    text = "Title line\n\nFirst para\nstill first.\n\nSecond."
    doc = plain_document(text)
    assert [text[p.start : p.end] for p in doc.paragraphs] == ["Title line", "First para\nstill first.", "Second."]
    assert doc.offsets.span_to_source(12, 22) == (12, 22)
    lines = plain_document("a\nb\n\nc", paragraphs="line")
    assert [(p.start, p.end) for p in lines.paragraphs] == [(0, 1), (2, 3), (5, 6)]


# ---------------------------------------------------------------------------
# re3d


def test_re3d_named_subset_strict_vs_relaxed():
    text = "The UK said they would help Iraq. Boris Johnson met Iraqi officials in 2017."
    texts = {"d": text}

    def at(s, typ):
        i = text.index(s)
        return ("d", i, i + len(s), typ)

    gold = [
        at("The UK", "Organisation"),  # named, but our span lacks "The": overlap only
        at("they", "Organisation"),  # a pronoun: not in the named subset
        at("Iraq", "Location"),
        at("Boris Johnson", "Person"),
        at("Iraqi", "Nationality"),
        at("2017", "Temporal"),
    ]
    article = Article(
        id="a",
        text=text,
        entities=[
            ent("E1", "UK", "GPE", [(4, 6)], text),  # typed Location, gold says Organisation
            ent("E2", "Iraq", "GPE", [(28, 32)], text),
            ent("E3", "Boris Johnson", "PERSON", [(34, 47)], text),
            ent("E4", "Iraqi", "NORP", [(52, 57)], text),
        ],
        dates=[DateMention(71, 75, "2017", "2017")],
        amounts=[Amount(0, 3, "The", 1.0, unit="count")],  # not money: ignored
    )
    pred = [("d", *s) for s in predicted_spans(article)]
    assert ("d", 71, 75, "Temporal") in pred and all(p[3] != "Money" for p in pred)
    scores = score_spans(gold, pred, texts)
    assert scores["n_named_gold"] == 4
    relaxed, strict = scores["named_overlap"].prf, scores["named_strict"].prf
    assert relaxed.recall == 0.75 and relaxed.precision == 0.75  # UK: wrong type
    assert strict.recall == 0.75
    assert scores["type_strict"]["Temporal"].f1 == 1.0
    assert scores["all_overlap"].prf.n_gold == 6


# ---------------------------------------------------------------------------
# polnear


ANN = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 20;30 45\tfirst bit second part here\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tAttribution-no-source 50 55\tnoted\n"
    "T6\tContent 56 60\tabcd\n"
    "E2\tAttribution-no-source:T5 Content:T6\n"
    "#1\tAnnotatorNotes T1\tnote\n"
)


def test_parse_brat_discontinuous():
    bounds, events = parse_brat(ANN)
    assert bounds["T3"].segments == [(11, 20), (30, 45)]
    assert (bounds["T3"].start, bounds["T3"].end) == (11, 45)
    assert bounds["T3"].type == "Content"
    assert [e.type for e in events] == ["Attribution", "Attribution-no-source"]
    assert events[0].trigger == "T4"
    assert ("Content", "T3") in events[0].args and ("Source", "T1") in events[0].args
    assert events[1].args == [("Content", "T6")]


def test_polnear_trim_and_direct():
    text = "  “We will win,” she said, that the plan works."
    s, e = trim_span(text, 0, 16)
    assert text[s:e] == "We will win"
    s, e = trim_span(text, 26, len(text))
    assert text[s:e] == "the plan works"
    assert is_direct(text, 2, 16)
    assert not is_direct(text, 26, len(text))


def test_polnear_score_article():
    text = "“We will win,” Smith said. He added that taxes would fall. Polls show a tie. “Never,” he said."

    def pos(s):
        i = text.index(s)
        return i, i + len(s)

    smith = pos("Smith")
    gold = [
        Attribution([pos("“We will win,”")], [smith], [pos("said")]),
        Attribution([pos("that taxes would fall")], [pos("He")], [pos("added")]),
        Attribution([pos("a tie")], [pos("Polls")], [pos("show")]),  # we miss it
        Attribution([pos("“Never,”")], [], []),  # no gold source: no speaker score
    ]
    article = Article(
        id="a",
        text=text,
        entities=[ent("E1", "John Smith", "PERSON", [smith], text)],
    )
    quotes = [
        Quote(*pos("We will win"), "We will win", "direct", speaker="E1"),  # exact after trimming
        Quote(*pos("taxes would fall"), "taxes would fall", "indirect", speaker=None),  # speaker missing
        Quote(*pos("Never"), "Never", "direct", speaker="E1"),
        Quote(*pos("Polls show"), "Polls show", "partial"),  # overlaps no content: false positive
    ]
    c = score_article(text, gold, quotes, article)
    assert (c.overlap.pred_matched, c.overlap.n_pred, c.overlap.gold_matched, c.overlap.n_gold) == (3, 4, 3, 4)
    assert c.exact.gold_matched == 3  # "that" and quote marks trimmed
    assert (c.speaker_ok, c.speaker_n) == (1, 2)
    assert (c.direct_speaker_ok, c.direct_speaker_n) == (1, 1)
    assert c.direct_overlap.n_gold == 2 and c.direct_overlap.gold_matched == 2
    assert len(c.missed) == 1 and len(c.false_positives) == 1


def test_polnear_speaker_by_name_and_discontinuous_exact():
    text = "Trump said “we will build it” and, he added, “they will pay.” Later Donald Trump left."
    a1 = text.index("“we")
    a2 = text.index("“they")
    gold = [Attribution([(a1, a1 + 18), (a2, a2 + 16)], [(0, 5)], [])]
    far = text.index("Donald Trump")
    article = Article(id="a", text=text, entities=[ent("E1", "Donald Trump", "PERSON", [(far, far + 12)], text)])
    quotes = [
        Quote(a1, a1 + 18, text[a1 : a1 + 18], "direct", speaker="E1"),
        Quote(a2, a2 + 16, text[a2 : a2 + 16], "direct", speaker="E1"),
    ]
    c = score_article(text, gold, quotes, article)
    assert c.exact.gold_matched == 1  # every piece matched
    # No mention of the speaker entity overlaps the Source "Trump" and no speaker as written is given...
    assert (c.speaker_ok, c.speaker_n) == (0, 1)
    assert c.speaker_ok_entity == 1  # ...but the earlier rule fuzzy-matches "Trump" to "Donald Trump"
    for q in quotes:
        q.speaker_span = Span(0, 5, "Trump")
    c = score_article(text, gold, quotes, article)
    assert (c.speaker_ok, c.speaker_n) == (1, 1)
    assert c.by_kind["name"] == [1, 1]


# ---------------------------------------------------------------------------
# geowebnews


def _gwn():
    text = "Paris and Berlin. Turkey said the city is cold. Foo is here."
    tops = [
        Toponym(0, 5, "Paris", "Literal", 48.8566, 2.3522),
        Toponym(10, 16, "Berlin", "Literal", 52.52, 13.405),
        Toponym(18, 24, "Turkey", "Metonymic", 39.0, 35.0),
        Toponym(34, 38, "city", "Literal_Expression"),
    ]
    return GwnDoc("0", None, text, tops)


def test_geowebnews_recognition_literal_only():
    doc = _gwn()
    preds = [[(0, 5), (18, 24), (34, 38), (48, 51)]]  # Paris, Turkey, "city", "Foo"
    rec = recognition([doc], preds)
    all_ov = rec["all_overlap"].prf
    assert all_ov.n_gold == 3 and all_ov.gold_matched == 2  # Berlin missed
    assert all_ov.n_pred == 4 and all_ov.pred_matched == 2  # "city" is not a toponym, Foo is spurious
    lit = rec["literal_overlap"].prf
    assert lit.n_gold == 2 and lit.gold_matched == 1
    assert lit.n_pred == 3  # Turkey (associative) left out


def test_geowebnews_resolution_161km():
    doc = _gwn()
    text = doc.text
    article = Article(
        id="a",
        text=text,
        entities=[
            ent("E1", "Paris", "GPE", [(0, 5)], text, lat=48.85, lon=2.35),  # right
            ent("E2", "Berlin", "GPE", [(10, 16)], text, lat=39.9, lon=-74.9),  # Berlin, New Jersey: wrong
            ent("E3", "Turkey", "GPE", [(18, 24)], text),  # no coordinates: wrong, max error
        ],
    )
    res = resolution([doc], [article])
    assert res["n"] == 3
    assert res["acc161"] == pytest.approx(1 / 3)
    assert res["with_coordinates"] == 2
    assert res["median_km"] > 5000


def test_geowebnews_end_to_end_counts_missed_toponyms_as_wrong():
    doc = _gwn()
    text = doc.text
    article = Article(id="a", text=text, entities=[ent("E1", "Paris", "GPE", [(0, 5)], text, lat=48.85, lon=2.35)])
    res = resolution([doc], [article])
    assert res["n_gold"] == 3  # Paris, Berlin, Turkey have coordinates; "city" has none
    assert res["acc161"] == 1.0  # of the one found
    assert res["end_to_end"] == pytest.approx(1 / 3)  # Berlin and Turkey were not found


def test_geowebnews_a_capital_acting_for_its_country_is_placed_by_its_nested_city_mention():
    # "Ankara said": the country's mention (the actor) and, nested on the same characters, the city's
    text = "Ankara said the talks were over."
    doc = GwnDoc("0", None, text, [Toponym(0, 6, "Ankara", "Metonymic", 39.92, 32.85)])
    country = ent("E1", "Turkey", "GPE", [(0, 6)], text, lat=39.0, lon=35.0)
    city = Entity("E2", "Ankara", "GPE", [Mention(0, 6, "Ankara", "E1")], lat=39.92, lon=32.85)
    res = resolution([doc], [Article(id="a", text=text, entities=[country, city])])
    assert res["n"] == 1 and res["acc161"] == 1.0
    # the one span is one prediction, not a right one and a spurious one
    spans = [(0, 6, "GPE", "E1"), (0, 6, "GPE", "E2")]
    assert recognition([doc], [geowebnews.distinct_spans(spans)])["all_overlap"].prf.n_pred == 1


# ---------------------------------------------------------------------------
# plover


def test_plover_category_and_country_mapping():
    assert map_category("DEMAND") == "REQUEST"
    assert map_category("DISAPPROVE") == "ACCUSE"
    assert map_category("INVESTIGATE") == "ACCUSE"
    assert map_category("FIGHT") == "ASSAULT"
    assert map_category("agree") == "AGREE"
    assert map_country("JAP") == "JPN" and map_country("ITL") == "ITA" and map_country("USA") == "USA"
    assert map_country("IGO") is None and map_country("") is None


def test_plover_score():
    text = "Russia attacked Georgia and demanded talks."
    article = Article(
        id="a",
        text=text,
        entities=[
            ent("E1", "Russia", "GPE", [(0, 6)], text, country="RUS"),
            ent("E2", "Georgia", "GPE", [(16, 23)], text, country="GEO"),
        ],
        events=[
            Event("REQUEST", Span(28, 36, "demanded"), source=["E1"]),
            Event("ASSAULT", Span(7, 15, "attacked"), source=["E1"], target=["E2"]),
        ],
    )
    assert main_event(article).type == "ASSAULT"
    recs = [
        PloverRecord("1", text, "ASSAULT", "FIGHT", {"RUS"}, {"GEO"}),
        PloverRecord("2", "Nothing here.", "AGREE", "AGREE", {"USA"}, set()),
        PloverRecord("3", "x", "AGREE", "AGREE", set(), set()),
    ]
    empty = Article(id="b", text="Nothing here.")
    s = score(recs, [article, empty, Article(id="c", text="x")])
    assert s.type_correct == 1 and s.any_correct == 1 and s.with_event == 1
    assert s.baseline_type == "AGREE" and s.baseline_correct == 2
    assert s.source.precision == 1.0 and s.source.recall == 0.5
    assert s.target.f1 == 1.0


# ---------------------------------------------------------------------------
# report and docs


def test_report_markdown_and_accuracy_md(tmp_path):
    report = EvalReport(dataset="re3d", data_path="x", subset="tiny", n_documents=1)
    report.add("named", "F1, overlap", 0.8, 0.5, 0.75, 10)
    report.add("named", "F1, strict", 0.4, None, 0.55, 10)
    report.add("geo", "median error", 12.3, None, None, 3, unit="km", higher_is_better=False)
    md = report.to_markdown()
    assert "| named | F1, overlap | 0.800 | 0.500 | ≥ 0.75 ✓ | 10 |" in md
    assert "| named | F1, strict | 0.400 | — | ≥ 0.55 ✗ | 10 |" in md
    assert "12 km" in md
    assert report.to_dict()["rows"][0]["met"] is True

    path = tmp_path / "accuracy.md"
    path.write_text("# Accuracy\n\nHand-written intro.\n", encoding="utf-8")
    write_accuracy_md([report], path, commit="abc1234", date="2026-01-01")
    first = path.read_text(encoding="utf-8")
    assert "Hand-written intro." in first and "commit `abc1234`" in first
    assert "newsgraph eval re3d --data ../shared/eval/re3d" in first
    other = EvalReport(dataset="plover", data_path="y", subset="tiny")
    write_accuracy_md([other], path, commit="abc1234", date="2026-01-01")
    report.rows[0].ours = 0.9
    write_accuracy_md(report, path, commit="def5678", date="2026-01-02")
    text = path.read_text(encoding="utf-8")
    assert text.count("<!-- eval:re3d:start -->") == 1 and "0.900" in text and "def5678" in text
    assert text.index("eval:re3d:start") < text.index("eval:plover:start")  # replaced in place
    assert "Hand-written intro." in text


def test_run_eval_rejects_unknown_dataset(tmp_path):
    with pytest.raises(ValueError):
        run_eval("nope", tmp_path)


# ---------------------------------------------------------------------------
# smoke runs on the real data (skipped without ../shared/eval)


@pytest.mark.parametrize("dataset", ["re3d", "polnear", "geowebnews", "plover"])
def test_smoke_run_eval(dataset):
    path = EVAL / dataset
    if not path.is_dir():
        pytest.skip(f"{path} is not present beside this checkout")
    report = run_eval(dataset, path, limit=2)
    assert report.dataset == dataset and report.n_documents == 2 and report.limit == 2
    assert report.rows and all(r.n >= 0 for r in report.rows)
    for r in report.rows:
        for value in (r.ours, r.baseline):
            assert value is None or (r.unit == "km" or 0.0 <= value <= 1.0)
    assert "| subset | measure | ours | baseline | target | n |" in report.to_markdown()
    assert resolve_data_path(dataset, EVAL) == EVAL / dataset


def test_polnear_speaker_as_written_credits_pronoun_and_nominal_sources():
    text = "Smith said taxes rise. He said “we win.” The ministry said “no comment.”"
    q1, q2 = text.index("“we"), text.index("“no")
    he, ministry = text.index("He"), text.index("The ministry")
    gold = [
        Attribution([(11, 21)], [(0, 5)], []),
        Attribution([(q1, q1 + 9)], [(he, he + 2)], []),  # Source "He"
        Attribution([(q2, q2 + 13)], [(ministry, ministry + 12)], []),  # Source "The ministry"
    ]
    article = Article(id="a", text=text, entities=[ent("E1", "Smith", "PERSON", [(0, 5)], text)])
    quotes = [
        Quote(q1, q1 + 9, text[q1 : q1 + 9], "direct", speaker="E1", speaker_span=Span(he, he + 2, "He")),
        Quote(
            q2,
            q2 + 13,
            text[q2 : q2 + 13],
            "direct",
            speaker=None,
            speaker_span=Span(ministry + 4, ministry + 12, "ministry"),
        ),
    ]
    c = score_article(text, gold, quotes, article)
    assert (c.direct_speaker_ok, c.direct_speaker_n) == (2, 2)
    assert c.direct_speaker_ok_entity == 0  # the entity rule credits neither
    assert c.direct_by_kind == {"name": [0, 0], "pronoun": [1, 1], "nominal": [1, 1]}
    assert source_kind(text, gold[0]) == "name"
    quotes[0].speaker_span = None  # the entity's only mention is "Smith": not the Source "He"
    c = score_article(text, gold, quotes, article)
    assert c.direct_by_kind["pronoun"] == [0, 1]


def test_polnear_a_relative_pronoun_source_stands_for_the_phrase_before_it():
    # "Two porters, who said “...”": PolNeAR's Source is "who"; our speaker as written is "Two porters",
    # the phrase it stands for.  A phrase further away is not credited.
    text = "Two porters, who said “the boats were empty,” left. A clerk, who saw them, said “no comment.”"
    q1, q2 = text.index("“the"), text.index("“no")
    who1, who2 = text.index("who"), text.index("who saw")
    gold = [
        Attribution([(q1, q1 + 22)], [(who1, who1 + 3)], []),
        Attribution([(q2, q2 + 13)], [(who2, who2 + 3)], []),
    ]
    article = Article(id="a", text=text, entities=[])
    porters = text.index("Two porters")
    quotes = [
        Quote(q1, q1 + 22, text[q1 : q1 + 22], "direct", speaker_span=Span(porters, porters + 11, "Two porters")),
        Quote(q2, q2 + 13, text[q2 : q2 + 13], "direct", speaker_span=Span(porters, porters + 11, "Two porters")),
    ]
    c = score_article(text, gold, quotes, article)
    assert (c.direct_speaker_ok, c.direct_speaker_n) == (1, 2)


def test_polnear_a_relative_pronoun_source_credits_our_phrase_not_a_mention_ending_there():
    # "The lawyer for the family of Tom Reed, who said ...": "who" may stand for the lawyer; a mention of
    # Tom Reed ending before it is no evidence that we named the one the clause hangs on
    text = "The lawyer for the family of Tom Reed, who said “we will appeal,” left the court."
    q = text.index("“we")
    who = text.index("who")
    reed = text.index("Tom Reed")
    gold = [Attribution([(q, q + 17)], [(who, who + 3)], [])]
    tom = Entity("E1", "Tom Reed", "PERSON", [Mention(reed, reed + 8, "Tom Reed")])
    article = Article(id="a", text=text, entities=[tom])
    lawyer = Span(0, text.index(","), text[: text.index(",")])
    by_mention = Quote(q, q + 17, text[q : q + 17], "direct", speaker="E1")
    by_phrase = Quote(q, q + 17, text[q : q + 17], "direct", speaker="E1", speaker_span=lawyer)
    assert score_article(text, gold, [by_mention], article).direct_speaker_ok == 0
    assert score_article(text, gold, [by_phrase], article).direct_speaker_ok == 1
