"""Language detection: other languages are named right, and English is never taken for another one.

The pipeline skips a document when ``detect_language`` names a language other
than English with a confidence of at least ``min_english_confidence`` (0.5), so
the English cases check exactly that rule.
"""

from __future__ import annotations

import pytest

from newsgraph.nlp.language import detect_language
from newsgraph.nlp.pipeline import AnalysisOptions

SKIP_AT = AnalysisOptions().min_english_confidence

OTHER_LANGUAGES = {
    "ro": (
        "Guvernul a anunțat luni că negocierile cu sindicatele vor fi reluate săptămâna viitoare la București. "
        "Reprezentanții angajaților au declarat că nu vor semna un acord care nu protejează salariile, iar "
        "ministrul a promis că va prezenta o nouă propunere până la sfârșitul lunii."
    ),
    "fi": (
        "Hallitus ilmoitti maanantaina, että neuvottelut ammattiliittojen kanssa jatkuvat ensi viikolla "
        "Helsingissä. Työntekijöiden edustajat sanoivat, etteivät he allekirjoita sopimusta, joka ei suojaa "
        "palkkoja, ja ministeri lupasi esitellä uuden ehdotuksen ennen kuun loppua."
    ),
    "cs": (
        "Vláda v pondělí oznámila, že jednání s odbory budou pokračovat příští týden v Praze. Zástupci "
        "zaměstnanců prohlásili, že nepodepíší dohodu, která nechrání mzdy, a ministr slíbil, že do konce "
        "měsíce předloží nový návrh."
    ),
    "hu": (
        "A kormány hétfőn bejelentette, hogy a szakszervezetekkel folytatott tárgyalások jövő héten "
        "folytatódnak Budapesten. A munkavállalók képviselői kijelentették, hogy nem írnak alá olyan "
        "megállapodást, amely nem védi a béreket, a miniszter pedig megígérte, hogy a hónap végéig új "
        "javaslatot terjeszt elő."
    ),
    "pl": (
        "Rząd ogłosił w poniedziałek, że rozmowy ze związkami zawodowymi zostaną wznowione w przyszłym "
        "tygodniu w Warszawie. Przedstawiciele pracowników oświadczyli, że nie podpiszą porozumienia, które "
        "nie chroni płac, a minister obiecał przedstawić nową propozycję przed końcem miesiąca."
    ),
    "fr": (
        "Le gouvernement a annoncé lundi que les négociations avec les syndicats reprendraient la semaine "
        "prochaine à Paris. Les représentants des travailleurs ont déclaré qu'ils ne signeraient pas un accord "
        "qui ne protège pas les salaires."
    ),
    "ru": "Правительство в понедельник объявило, что переговоры с профсоюзами возобновятся на следующей неделе.",
}


@pytest.mark.parametrize("lang", sorted(OTHER_LANGUAGES))
def test_other_languages_are_named_with_enough_confidence_to_skip(lang):
    detected, confidence = detect_language(OTHER_LANGUAGES[lang])
    assert detected == lang
    assert confidence >= SKIP_AT


ENGLISH = {
    "wire story": (
        "Kenya and Uganda signed a trade deal in Kampala on Monday, officials said, ending two years of "
        "talks over tariffs on sugar and milk. The agreement, which still needs approval from both "
        "parliaments, cuts duties on more than 300 goods."
    ),
    "names and places": (
        "Nairobi: Kibaki and Odinga met Mugabe, Museveni and Kagame in Arusha, then flew to Kigali, "
        "Bujumbura and Dar es Salaam with Tshisekedi, Ramaphosa and Buhari for the EAC summit on Juba."
    ),
    "one sentence": "Chile raised its copper output forecast by 4 percent.",
    "headline": "Merkel meets Macron in Berlin",
    "short headline": "Modi visits Kathmandu",
    "capitals headline": "BREAKING: JOKOWI WINS JAKARTA VOTE",
    "headlines only": (
        "Fed holds rates steady\n"
        "Jokowi wins Jakarta vote\n"
        "Samsung Galaxy sales slump\n"
        "Juventus beat Real Madrid 2-1\n"
        "Mugabe hails Zanu-PF win\n"
        "Nokia Q3 results beat estimates\n"
        "Putin, Erdogan agree on Syria ceasefire\n"
        "Tesla recalls 2 million cars\n"
        "UN chief urges calm as Duterte vows crackdown in Mindanao\n"
        "Sarkozy, Hollande and Valls clash over pensions\n"
    ),
    "quoting French": (
        'The minister told reporters in Paris that "la situation est grave" and that the government would '
        "act before the end of the month, adding that the unions had been consulted on every step of the "
        "plan and that talks would resume next week."
    ),
}


@pytest.mark.parametrize("name", sorted(ENGLISH))
def test_english_is_never_skipped(name):
    detected, confidence = detect_language(ENGLISH[name])
    assert detected == "en" or confidence < SKIP_AT, (detected, confidence)


def test_english_article_is_recognised_as_english():
    assert detect_language(ENGLISH["wire story"]) == ("en", pytest.approx(1.0, abs=0.05))


def test_short_text_in_another_script_is_still_recognised():
    assert detect_language("Путин встретился с Эрдоганом")[0] == "ru"


def test_text_without_letters_is_taken_as_english_with_no_confidence():
    assert detect_language("2024-06-10 12:00 | 4.5% | 1,000") == ("en", 0.0)
