"""newsgraph_figures_v1: money, counts, durations, percentages (all fixtures invented)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.nlp.figures import parse_number

OURS = ("newsgraph_figures_v1", "newsgraph_dates_v1")


@pytest.fixture(scope="module")
def run(analyze_with):
    """Only our two components, through the real pipeline path (which checks every span)."""
    analyze = analyze_with(OURS)
    return lambda text, published=None: analyze(text, published)


def amounts(run, text):
    return {a.text: (a.value, a.unit, a.currency, a.qualifier) for a in run(text).amounts}


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,500", 1500),
        ("3.2m", 3.2e6),
        ("2bn", 2e9),
        ("50 billion", 5e10),
        ("a hundred and fifty", 150),
        ("forty-five", 45),
        ("two thousand five hundred", 2500),
        ("a dozen", 12),
        ("1.5 trillion", 1.5e12),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_money_symbols_and_qualifier(run):
    got = amounts(
        run,
        "The Valdorian cabinet pledged over $50 billion in aid, the bloc gave €3.2m and the Meridian fund £450,000.",
    )
    assert got["over $50 billion"] == (5e10, "money", "USD", "over")
    assert got["€3.2m"] == (3.2e6, "money", "EUR", None)
    assert got["£450,000"] == (450000, "money", "GBP", None)


def test_money_words_and_prefixes(run):
    got = amounts(
        run,
        "Ostrava Bank spent 1.5 trillion rubles and 500 million euros, plus US$2bn, "
        "¥300 billion, 20 billion yuan, 5 million hryvnias and 40 dollars.",
    )
    assert got["1.5 trillion rubles"] == (1.5e12, "money", "RUB", None)
    assert got["500 million euros"] == (5e8, "money", "EUR", None)
    assert got["US$2bn"] == (2e9, "money", "USD", None)
    assert got["¥300 billion"] == (3e11, "money", "JPY", None)
    assert got["20 billion yuan"] == (2e10, "money", "CNY", None)
    assert got["5 million hryvnias"] == (5e6, "money", "UAH", None)
    assert got["40 dollars"] == (40, "money", "USD", None)


def test_money_iso_codes_adjectives_and_vague(run):
    got = amounts(
        run,
        "Lenders offered USD 5 million and 7 million EUR, then 3 billion Canadian dollars. "
        "Billions of dollars vanished.",
    )
    assert got["USD 5 million"] == (5e6, "money", "USD", None)
    assert got["7 million EUR"] == (7e6, "money", "EUR", None)
    assert got["3 billion Canadian dollars"] == (3e9, "money", "CAD", None)
    assert got["Billions of dollars"] == (None, "money", "USD", "billions")


def test_ranges_take_the_lower_bound(run):
    got = amounts(run, "Repairs will cost $3-5 billion, or between 2 and 4 million pounds, officials said.")
    assert got["$3-5 billion"] == (3e9, "money", "USD", "between")
    assert got["between 2 and 4 million pounds"] == (2e6, "money", "GBP", "between")


def test_counts_with_qualifiers_and_nouns(run):
    got = amounts(
        run,
        "At least 12 people were killed and more than 3,000 troops were deployed near Kessov; "
        "dozens of civilians fled. Two soldiers died.",
    )
    assert got["At least 12 people"] == (12, "people", None, "at least")
    assert got["more than 3,000 troops"] == (3000, "troop", None, "more than")
    assert got["dozens of civilians"] == (None, "civilian", None, "dozens")
    assert got["Two soldiers"] == (2, "soldier", None, None)


def test_spelled_numbers_and_more_qualifiers(run):
    got = amounts(
        run,
        "About a hundred and fifty people gathered, with some 200 tanks, an estimated 1,200 "
        "refugees, nearly two thousand homes and up to 30 drones.",
    )
    assert got["About a hundred and fifty people"] == (150, "people", None, "about")
    assert got["some 200 tanks"] == (200, "tank", None, "some")
    assert got["an estimated 1,200 refugees"] == (1200, "refugee", None, "an estimated")
    assert got["nearly two thousand homes"] == (2000, "home", None, "nearly")
    assert got["up to 30 drones"] == (30, "drone", None, "up to")


def test_durations(run):
    got = amounts(
        run,
        "The siege of Kessov has lasted seven years, almost eight years by some counts, "
        "and the talks lasted 48 hours over three months.",
    )
    assert got["seven years"] == (7, "year", None, None)
    assert got["almost eight years"] == (8, "year", None, "almost")
    assert got["48 hours"] == (48, "hour", None, None)
    # "over" is a preposition here, not a quantifier
    assert got["three months"] == (3, "month", None, None)


def test_percentages(run):
    got = amounts(
        run,
        "Prices in Valdoria rose 12% and rents 9 percent, or 7.5 per cent by another measure, "
        "while roughly forty-five percent of voters abstained.",
    )
    assert got["12%"] == (12, "percent", None, None)
    assert got["9 percent"] == (9, "percent", None, None)
    assert got["7.5 per cent"] == (7.5, "percent", None, None)
    assert got["roughly forty-five percent"] == (45, "percent", None, "roughly")


def test_no_dates_ordinals_or_names(run):
    article = run(
        "On February 24, 2022, the 3rd brigade left. In 2014 Flight 752 landed at 10:30 on 24/02/2022. "
        "The catastrophe of 1917 was remembered three years ago by a 12-year-old boy over the past "
        "three months. No one came."
    )
    assert article.amounts == []


def test_bare_count(run):
    got = amounts(run, "The death toll in Kessov rose to 12 on Monday.")
    assert got == {"12": (12, "count", None, None)}


WORDS = [
    "$",
    "€",
    "£",
    "5",
    "12",
    "3,000",
    "1.5",
    "billion",
    "million",
    "-",
    "%",
    "percent",
    "over",
    "at least",
    "dozens of",
    "people",
    "troops",
    "years",
    "rubles",
    "euros",
    "bn",
    "m",
    "2014",
    "February",
    "24",
    ",",
    "ago",
    "between",
    "and",
    "to",
    "the",
    "forty-five",
    "a hundred",
    "US$",
    "HK$3m",
    "yuan",
    ".",
    "\n",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=25),
    st.lists(st.sampled_from(["", " ", "  "]), min_size=25, max_size=25),
)
def test_every_span_matches_the_text(run, words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps)).strip() or "x"
    article = run(text, published="2024-03-13")  # analyze_document itself asserts span == text
    for a in article.amounts + article.dates:
        assert 0 <= a.start < a.end <= len(text)
        assert text[a.start : a.end] == a.text
    spans = sorted((a.start, a.end) for a in article.amounts)
    assert all(e <= s for (_, e), (s, _) in zip(spans, spans[1:])), "amounts overlap"


def test_verb_last_is_not_a_date_anchor(run):
    article = run("The strike is due to last 48 hours; the talks will last three days.")
    got = {a.text: (a.value, a.unit) for a in article.amounts}
    assert got == {"48 hours": (48, "hour"), "three days": (3, "day")}
    assert article.dates == []


def test_scores_and_article_numbers(run):
    article = run("Kessov United won 3-1 at home. Article 5 of the treaty applies, and two of the soldiers left.")
    got = {a.text: (a.value, a.unit) for a in article.amounts}
    assert got == {"two of the soldiers": (2, "soldier")}
