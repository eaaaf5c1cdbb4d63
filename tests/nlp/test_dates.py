"""newsgraph_dates_v1: absolute and relative dates (all fixtures invented).

Publication date in most tests: Wednesday 2024-03-13.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import Document, OffsetMap
from newsgraph.nlp.dates import parse_published

PUB = "2024-03-13"  # a Wednesday
OURS = ("newsgraph_figures_v1", "newsgraph_dates_v1")


@pytest.fixture(scope="module")
def run(analyze_with):
    analyze = analyze_with(OURS)
    return lambda text, published=PUB: analyze(text, published)


def dates(run, text, published=PUB):
    return [(d.text, d.value) for d in run(text, published).dates]


def test_parse_published():
    assert str(parse_published("2024-03-13T08:00:00Z")) == "2024-03-13"
    assert parse_published(None) is None and parse_published("not a date") is None


def test_weekday_past_and_future(run):
    got = dates(run, "Minister Orlek said on Thursday that the envoys will meet on Thursday in Port Meridian.")
    assert got == [("Thursday", "2024-03-07"), ("Thursday", "2024-03-14")]


def test_weekday_modifiers(run):
    got = dates(run, "Talks collapsed last Thursday, resume next Monday and end this Friday.")
    assert got == [("last Thursday", "2024-03-07"), ("next Monday", "2024-03-18"), ("this Friday", "2024-03-15")]


def test_weeks_months_years(run):
    got = dates(
        run,
        "This week the council met. Yesterday it voted, today it adjourned; last month and "
        "last year it did the same, and next week it will again.",
    )
    assert got == [
        ("This week", "2024-03-11"),
        ("Yesterday", "2024-03-12"),
        ("today", "2024-03-13"),
        ("last month", "2024-02"),
        ("last year", "2023"),
        ("next week", "2024-03-18"),
    ]


def test_months_without_year(run):
    got = dict(dates(run, "Prices have risen since February and fell in May, the Kessov office said."))
    assert got["February"] == "2024-02"
    assert got["May"] == "2023-05"  # after the publication month: last year's May


def test_month_day_without_year(run):
    got = dates(run, "The convoy left on February 24 and reached Ostrava on March 20.")
    # March 20 is a week after publication in a past-tense report: last year's
    assert got == [("February 24", "2024-02-24"), ("March 20", "2023-03-20")]
    future = dates(run, "The summit will open on March 20.")
    assert future == [("March 20", "2024-03-20")]


def test_absolute_dates(run):
    got = dates(
        run,
        "The accord of February 24, 2022 replaced the 3 June 2019 truce; on 2021-07-04 and "
        "in May 2018 nothing happened, nor on 24.02.2022.",
    )
    assert got == [
        ("February 24, 2022", "2022-02-24"),
        ("3 June 2019", "2019-06-03"),
        ("2021-07-04", "2021-07-04"),
        ("May 2018", "2018-05"),
        ("24.02.2022", "2022-02-24"),
    ]


def test_years_and_vague_periods(run):
    got = dates(
        run,
        "The region has been contested in 2014 and since 2014; in the past few weeks it recalled "
        "the catastrophe of 1917.",
    )
    assert got == [("2014", "2014"), ("2014", "2014"), ("the past few weeks", None), ("1917", "1917")]


def test_ago(run):
    got = dates(run, "The bridge fell two weeks ago; repairs began three days ago and a few days ago.")
    assert got == [("two weeks ago", "2024-02-28"), ("three days ago", "2024-03-10"), ("a few days ago", None)]


def test_unknown_publication_date(run):
    got = dates(
        run, "On Thursday, and since February, and on February 24, 2022, and in 2014, yesterday.", published=None
    )
    assert got == [
        ("Thursday", None),
        ("February", None),
        ("February 24, 2022", "2022-02-24"),
        ("2014", "2014"),
        ("yesterday", None),
    ]


def test_durations_and_counts_are_not_dates(run):
    article = run(
        "The siege lasted seven years, almost eight years by some counts; 2000 troops and a "
        "12-year-old boy were there. They may march."
    )
    assert article.dates == []
    assert {a.text for a in article.amounts} >= {"seven years", "almost eight years"}


WORDS = [
    "on",
    "Thursday",
    "February",
    "24",
    ",",
    "2022",
    "since",
    "2014",
    "last",
    "next",
    "this",
    "week",
    "month",
    "year",
    "yesterday",
    "today",
    "ago",
    "two",
    "days",
    "the",
    "past",
    "few",
    "weeks",
    "May",
    "will",
    "meet",
    "met",
    "in",
    "24.02.2022",
    "2021-07-04",
    "early",
    "mid-",
    "March",
    ".",
    "\n",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25), st.sampled_from([None, PUB, "2023-12-31"]))
def test_every_span_matches_the_text(run, words, published):
    text = " ".join(words)
    article = run(text, published)  # analyze_document itself asserts span == text
    for d in article.dates:
        assert text[d.start : d.end] == d.text
        assert d.value is None or len(d.value) in (4, 7, 10)
    spans = sorted((d.start, d.end) for d in article.dates)
    assert all(e <= s for (_, e), (s, _) in zip(spans, spans[1:])), "dates overlap"


def test_names_are_not_dates(run):
    got = dates(run, "Theresa May wrote in the Sunday Times that the Good Friday Agreement holds.")
    assert got == []


def test_future_cues(run):
    got = dates(run, "The envoys are expected to meet on Friday; the vote is set for Monday.")
    assert got == [("Friday", "2024-03-15"), ("Monday", "2024-03-18")]


def test_long_article_in_chunks():
    """Chunks joined with Doc.from_docs: offsets still index the whole article."""
    from newsgraph.nlp.pipeline import AnalysisOptions, analyze_document, build_pipeline

    options = AnalysisOptions(components=OURS, skip_non_english=False, chunk_chars=120)
    nlp = build_pipeline(options)
    para = "On Thursday the Valdorian council approved $2bn for at least 40 schools, its office said in 2014."
    text = "\n\n".join([para] * 6)
    doc = Document(
        text=text, source_text=text, offsets=OffsetMap.identity(len(text)), paragraphs=[], published=PUB, path="<test>"
    )
    article = analyze_document(nlp, doc, options)
    assert [d.value for d in article.dates] == ["2024-03-07", "2014"] * 6
    assert [a.text for a in article.amounts] == ["$2bn", "at least 40 schools"] * 6
    assert all(text[x.start : x.end] == x.text for x in article.dates + article.amounts)


def test_unparsed_doc_does_not_crash():
    """Without a dependency parse the tense check falls back to the past (spaCy segfaults on .children)."""
    from spacy.lang.en import English

    from newsgraph.nlp.dates import find_dates
    from newsgraph.nlp.extensions import register_extensions

    register_extensions()
    doc = English().make_doc("They will meet on Thursday, February 24.")
    doc._.ng_published = PUB
    assert [(d.text, d.value) for d in find_dates(doc)] == [("Thursday, February 24", "2024-02-24")]


def test_model_date_entities_fill_the_gaps(run):
    got = dates(
        run, "Ostrava signed on 2022/02/24, ratified it on 24-02-2023, in the spring of 2019 and during the 1990s."
    )
    assert got == [
        ("2022/02/24", "2022-02-24"),
        ("24-02-2023", "2023-02-24"),
        ("the spring of 2019", "2019"),
        ("the 1990s", None),
    ]


def test_a_timetable_in_the_simple_present_is_the_future(run):
    # "takes effect on April 1" after a vote in November was dated to the April gone by; a match report's
    # "host Kelton on Tuesday" to the Tuesday before (articles of our own, sixth round)
    got = dates(
        run,
        "The ordinance takes effect on February 1. The visitors host Kelton on Tuesday. "
        "The council voted on Tuesday and met on February 1.",
    )
    assert got == [
        ("February 1", "2025-02-01"),
        ("Tuesday", "2024-03-19"),
        ("Tuesday", "2024-03-12"),
        ("February 1", "2024-02-01"),
    ]


def test_a_headline_in_the_simple_present_tells_the_past(run):
    # a headline has no full stop and tells what happened in the present tense: its "on Monday" is the
    # Monday gone by, as the body's past tense says (the timetable rule above read it as next Monday)
    got = dates(run, "Envoy visits Marovia on Monday\n\nThe envoy visited Marovia on Monday, aides said.")
    assert got == [("Monday", "2024-03-11"), ("Monday", "2024-03-11")]


def test_a_date_on_the_object_of_a_timetable_verb_keeps_its_past(run):
    # "opens a review of the strike of March 2": the date is the strike's, a past event inside the object,
    # not the verb's timetable; "faces a penalty" is a present state, not a timetable. Both were dated a
    # year ahead (review of the sixth round)
    got = dates(
        run,
        "The airline faces a penalty over a crash on March 2, investigators said. "
        "The academy opens a review of the strike of March 2, staff said.",
    )
    assert got == [("March 2", "2024-03-02"), ("March 2", "2024-03-02")]


def test_would_in_reported_speech_looks_forward(run):
    # "said it would meet on Friday": the future of the saying, so the next Friday and this year's March 24
    # (eighth round, articles of our own); "would" of a habit or a condition is no future
    got = dates(run, "The union said its members would walk out from March 24 and would meet the board on Friday.")
    assert got == [("March 24", "2024-03-24"), ("Friday", "2024-03-15")]
    habit = dates(run, "As a boy he would fish with his uncle on Friday.")
    assert habit == [("Friday", "2024-03-08")]


def test_weekdays_count_from_the_dateline_day(run):
    # published Friday 2024-03-22, filed "March 14" (a Thursday): the story's "Tuesday" is March 12, not March 19
    text = "Envoys recalled\n\nMERIDA, Morvania, March 14 — Morvania recalled its envoy on Tuesday and will reply on Monday."
    got = dates(run, text, published="2024-03-22")
    assert got == [("March 14", "2024-03-14"), ("Tuesday", "2024-03-12"), ("Monday", "2024-03-18")]
    # no dateline, or a dateline date after publication (a typo or another year): the publication date counts
    assert dates(run, "Morvania recalled its envoy on Tuesday.", published="2024-03-22") == [("Tuesday", "2024-03-19")]
    late = "MERIDA, March 28 — Morvania recalled its envoy on Tuesday."
    assert dates(run, late, published="2024-03-22")[1] == ("Tuesday", "2024-03-19")
    # filed the day before: the story may have been updated since ("said on Friday"), publication counts
    updated = "MERIDA, March 21 — Morvania recalled its envoy on Tuesday and said on Friday it would not return."
    assert dates(run, updated, published="2024-03-22")[1:] == [("Tuesday", "2024-03-19"), ("Friday", "2024-03-22")]


def test_a_month_range_takes_one_year_from_its_end(run):
    # "the September-November quarter" published in October: one quarter, both months of one year (eighth round)
    got = dates(run, "Profits fell in the September-November quarter, the firm said.", published="2024-10-15")
    assert got == [("September", "2023-09"), ("November", "2023-11")]
    got = dates(run, "Output fell in the November-January period.", published="2024-12-20")
    assert got == [("November", "2023-11"), ("January", "2024-01")]
    # two months that are no range keep their own years
    got = dates(run, "Profits fell in October and rose in December, the firm said.", published="2024-11-15")
    assert got == [("October", "2024-10"), ("December", "2023-12")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the saying's own "on Monday", which the parser may hang on the reported verb: the Monday gone
        ("The council said on Monday it would close two libraries.", [("Monday", "2024-03-11")]),
        (
            "The guild said on Monday it would walk out on Tuesday.",
            [("Monday", "2024-03-11"), ("Tuesday", "2024-03-12")],
        ),
        # a saying dated in the past: its "would" is future from the saying, not from publication
        (
            "Aides said last week that the hearings would restart on Thursday.",
            [("last week", "2024-03-04"), ("Thursday", "2024-03-07")],
        ),
        # "would have": a past that did not happen
        ("He said he would have joined the panel on Tuesday had he been asked.", [("Tuesday", "2024-03-12")]),
        # a habit told in reported speech
        ("Neighbours said the band would rehearse on Friday nights.", [("Friday", "2024-03-08")]),
        ("Neighbours said the band would rehearse every Friday.", [("Friday", "2024-03-08")]),
    ],
)
def test_would_in_reported_speech_keeps_the_past_it_tells(run, text, expected):
    # review of the eighth round: only a date after "would", in a saying with no date of its own, looks forward
    assert dates(run, text) == expected


def test_a_month_range_keeps_the_years_written_out(run):
    # review of the eighth round: only a month written without its year takes the range's year
    got = dates(run, "Rents rose from December 2022 to March 2024, the registry said.")
    assert got == [("December 2022", "2022-12"), ("March 2024", "2024-03")]
    got = dates(run, "The audit covers January 2021 - March 2023.")
    assert got == [("January 2021", "2021-01"), ("March 2023", "2023-03")]
    # the first month alone still takes the year of the last
    got = dates(run, "Rents rose from December to March 2024, the registry said.")
    assert got == [("December", "2023-12"), ("March 2024", "2024-03")]
