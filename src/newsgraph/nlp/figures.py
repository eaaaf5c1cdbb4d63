"""``newsgraph_figures_v1``: money, counts, durations and percentages -> ``doc._.ng_amounts``.

Why regexes over ``doc.text`` rather than the model's entities alone: ``en_core_web_sm``
cuts "€3.2m" to "3.2", calls "500 million euros" a CARDINAL and "12 per cent" MONEY,
and its tokenizer glues "HK$3" and "3–5" into single tokens.  So one compiled regex
finds the number phrases (cheap: it runs in C, not per token in Python) and the model
is consulted only per match: entity labels to drop dates, times, ordinals and names
("Flight 752"), the parse for the counted noun ("12 Ukrainian soldiers" -> soldier)
and to tell the quantifier "over $5bn" from the preposition "over three months".

Conventions (also in docs/schema.md):

- span = qualifier + currency + number + unit words, e.g. "over $50 billion",
  "at least 12 people", "dozens of civilians"; ``doc.text[start:end] == text``.
- money: unit "money", currency ISO 4217 (bare "$" is USD, bare "¥" is JPY); value in
  units of that currency (5e10 for "$50 billion").
- percent: unit "percent" (or "percentage point"), value the number (12 for "12%").
- duration: unit "year"/"month"/"week"/"day"/"hour"/"minute"/"decade"/"century",
  value the number of those units ("almost eight years" -> 8, "year", "almost").
  Anchored periods ("three years ago", "the past three months") are dates, not figures.
- count: unit the counted noun's lemma ("people", "troop"), or "count" for a bare number.
  Vague counts ("dozens of civilians") have value None and the word as qualifier.
- ranges ("$3-5 billion", "between 3 and 5 million"): value = lower bound, qualifier "between".
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Amount
from .extensions import doc_text, register_extensions
from .knowledge.lexicon import is_verb_last

__all__ = ["find_amounts", "parse_number"]

# --- number words ------------------------------------------------------------------
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12}
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}

_UNITW = r"(?:{})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?".format(
    "|".join(sorted(WORD_VALUES, key=len, reverse=True))
)
_SCALEW = r"(?:hundred|thousand|million|billion|trillion|dozen)"
_SPELLED = rf"(?:(?:{_UNITW}|an?)(?:\s+{_SCALEW})+(?:\s+(?:and\s+)?{_UNITW}(?:\s+{_SCALEW})*)*|{_UNITW})"
# "1,500", "1.5", with an optional scale word or glued suffix ("2bn", "3.2m", "5 mln")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_DIGNUM = rf"{_DIGITS}(?:(?:bn|mn|mln|trn|tn|[kmb])\b|(?:\s+{_SCALEW})+|\s(?:bn|mln|mn)\b)?"
_NUMBER = rf"(?:{_DIGNUM}|(?i:\b{_SPELLED}\b))"

# --- currencies ----------------------------------------------------------------------
SYMBOLS = {
    "US$": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₽": "RUB",
    "₴": "UAH",
    "₹": "INR",
    "₩": "KRW",
    "₺": "TRY",
    "₪": "ILS",
    "₦": "NGN",
    "₱": "PHP",
}
CURRENCY_WORDS = {  # singular and plural forms -> ISO 4217 (None: ambiguous, still money)
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "ruble": "RUB",
    "rouble": "RUB",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "hryvnia": "UAH",
    "hryvnya": "UAH",
    "hryvni": "UAH",
    "rupee": "INR",
    "lira": "TRY",
    "lire": "TRY",
    "shekel": "ILS",
    "franc": "CHF",
    "riyal": "SAR",
    "rial": "IRR",
    "dirham": "AED",
    "zloty": "PLN",
    "forint": "HUF",
    "krona": "SEK",
    "kronor": "SEK",
    "krone": "NOK",
    "kroner": "NOK",
    "lari": "GEL",
    "tenge": "KZT",
    "manat": "AZN",
    "dram": "AMD",
    "leu": "RON",
    "lei": "RON",
    "lev": "BGN",
    "leva": "BGN",
    "rand": "ZAR",
    "naira": "NGN",
    "reais": "BRL",
    "ringgit": "MYR",
    "baht": "THB",
    "rupiah": "IDR",
    "taka": "BDT",
    "peso": None,
    "dinar": None,
    "won": "KRW",
}
# An adjective before the currency word overrides the default ("Canadian dollars").
CURRENCY_ADJECTIVES = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "canadian": "CAD",
    "australian": "AUD",
    "hong kong": "HKD",
    "new zealand": "NZD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "mexican": "MXN",
    "argentine": "ARS",
    "chilean": "CLP",
    "colombian": "COP",
    "philippine": "PHP",
    "swiss": "CHF",
    "turkish": "TRY",
    "russian": "RUB",
    "ukrainian": "UAH",
    "indian": "INR",
    "pakistani": "PKR",
    "saudi": "SAR",
    "iranian": "IRR",
    "egyptian": "EGP",
    "brazilian": "BRL",
    "chinese": "CNY",
    "japanese": "JPY",
    "south african": "ZAR",
    "belarusian": "BYN",
    "kazakh": "KZT",
    "syrian": "SYP",
    "lebanese": "LBP",
    "israeli": "ILS",
    "iraqi": "IQD",
    "jordanian": "JOD",
    "kuwaiti": "KWD",
    "libyan": "LYD",
    "serbian": "RSD",
    "danish": "DKK",
    "norwegian": "NOK",
    "swedish": "SEK",
    "south korean": "KRW",
    "north korean": "KPW",
    "hong-kong": "HKD",
}


def _iso_codes() -> list[str]:
    try:
        import pycountry

        return sorted(c.alpha_3 for c in pycountry.currencies)
    except Exception:  # pycountry is a dependency, but a missing data file must not break NLP
        return ["CNY", "EUR", "GBP", "JPY", "RUB", "UAH", "USD"]


ISO_CODES = frozenset(_iso_codes())
_ISO = "|".join(ISO_CODES)
_SYMBOL = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_CURWORD = "|".join(sorted({w + s for w in CURRENCY_WORDS for s in ("", "s")}, key=len, reverse=True))
_CURADJ = "|".join(re.escape(a) for a in sorted(CURRENCY_ADJECTIVES, key=len, reverse=True))

QUALIFIERS = (
    "more than",
    "at least",
    "less than",
    "fewer than",
    "up to",
    "an estimated",
    "as many as",
    "as much as",
    "at most",
    "close to",
    "upwards of",
    "in excess of",
    "just over",
    "just under",
    "over",
    "almost",
    "nearly",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "under",
    "estimated",
)
_QUAL = "|".join(q.replace(" ", r"\s+") for q in QUALIFIERS)
# Quantifiers that are also prepositions: kept only when the parser does not call them "prep".
_PREPOSITIONAL = {"over", "under", "about", "around"}
VAGUE = (
    "hundreds of thousands",
    "tens of thousands",
    "hundreds of millions",
    "tens of millions",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
)
_VAGUE = "|".join(v.replace(" ", r"\s+") for v in VAGUE)

_AMOUNT_RE = re.compile(
    rf"(?<![\w$€£¥.,:/-])"
    rf"(?:(?P<qual>(?i:{_QUAL}))\s+)?(?P<between>(?i:between)\s+)?"
    rf"(?:(?P<sym>{_SYMBOL})\s?|(?P<iso>{_ISO})\s)?"
    rf"(?:(?P<vague>(?i:{_VAGUE}))(?=\s+of\s)"
    rf"|(?P<num>{_NUMBER})(?:(?P<rsep>(?(between)\s+and\s+|(?:\s?[-–]\s?|\s+to\s+)))(?P=sym)?(?P<num2>{_NUMBER}))?)"
    rf"(?![\w/:]|[.,]\d)"
)
_PERCENT_RE = re.compile(r"\s?%|(?i:\s*(?:percentage\s+points?|per\s?cent|pc\b))")
_CURWORD_RE = re.compile(rf"(?i:\s+(?:of\s+)?(?:(?P<adj>{_CURADJ})\s+)?(?P<word>{_CURWORD})\b)")
_ISO_AFTER_RE = re.compile(rf"\s(?P<code>{_ISO})\b")
_DURATION_RE = re.compile(
    r"(?i:[\s-]+(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|decades?|century|centuries))\b"
    r"(?P<anchor>(?i:\s+ago|[\s-]+old|\s+earlier|\s+later))?"
)
DURATION_UNITS = {"centuries": "century"}
_ANCHOR_BEFORE_RE = re.compile(r"(?i:\b(?:past|last|next|previous|coming|recent|first|final)\s+)$")
_SPACES = re.compile(r"\s*")
_OF = re.compile(r"\s+of\b")
_YEARLIKE = re.compile(r"(1[0-9]|20)\d\d")

# Entity labels under which a number is a name or a date part, never a count.
_NAME_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "NORP",
    "LANGUAGE",
    "ORDINAL",
}
_DATE_LABELS = {"DATE", "TIME"}
_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
}


def parse_number(text: str) -> float | None:
    """Value of one number phrase: "1,500" -> 1500, "3.2m" -> 3.2e6, "a hundred and fifty" -> 150."""
    text = text.strip().lower().replace(",", "")
    m = re.match(r"(\d+(?:\.\d+)?)\s?([a-z]*)\s*(.*)", text)
    if m:
        value = float(m.group(1))
        if m.group(2):
            scale = SUFFIX_SCALES.get(m.group(2)) or SCALES.get(m.group(2))
            if scale is None:
                return None
            value *= scale
        for word in m.group(3).split():
            value *= SCALES.get(word, 1)
        return value
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", text):
        if word in ("a", "an"):
            current = current or 1
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word in ("hundred", "dozen"):
            current = (current or 1) * SCALES[word]
        elif word in SCALES:  # thousand and up close a group: "two thousand five hundred"
            total += (current or 1) * SCALES[word]
            current = 0
        elif word != "and":
            return None
    return total + current


def figures_component(doc: Doc) -> Doc:
    """The ``newsgraph_figures_v1`` component: a function, it keeps no state."""
    doc._.ng_amounts = find_amounts(doc)
    return doc


# No ``requires``: it works on tokens alone (so on ``spacy.blank("en")``) and uses the model's
# entities and parse when the pipeline has them.
@Language.factory("newsgraph_figures_v1", assigns=["doc._.ng_amounts"])
def make_figures(nlp: Language, name: str):
    register_extensions()
    return figures_component


def find_amounts(doc: Doc) -> list[Amount]:
    text = doc_text(doc)
    starts = doc.to_array(IDX).tolist()  # for char -> token lookups, once per doc, without Token objects
    amounts: list[Amount] = []
    for m in _AMOUNT_RE.finditer(text):
        if amounts and m.start() < amounts[-1].end:
            continue  # inside the previous amount's counted noun
        amount = _classify(doc, text, starts, m)
        if amount is not None:
            amounts.append(amount)
    return amounts


def _token_at(doc: Doc, starts: list[int], char: int):
    return doc[max(0, bisect.bisect_right(starts, char) - 1)]


def _classify(doc: Doc, text: str, starts: list[int], m: re.Match) -> Amount | None:
    start, end = m.start(), m.end()
    qual = m.group("qual")
    qualifier = re.sub(r"\s+", " ", qual.lower()) if qual else None
    if m.group("between") and not m.group("num2"):
        return None  # "between 3 and the river": the lookahead range did not close
    if qualifier in _PREPOSITIONAL and _token_at(doc, starts, start).dep_ == "prep":
        # "lasted 48 hours over three months": a preposition, not a quantifier
        qualifier, start = None, _SPACES.match(text, m.end("qual")).end()
    num_start = m.start("vague") if m.group("vague") else m.start("num")
    first = _token_at(doc, starts, num_start)
    last = _token_at(doc, starts, m.end() - 1)
    labels = {t.ent_type_ for t in doc[first.i : last.i + 1]}
    currency = SYMBOLS.get(m.group("sym")) if m.group("sym") else m.group("iso")
    is_money = currency is not None

    value: float | None = None
    if m.group("vague"):
        qualifier = re.sub(r"\s+", " ", m.group("vague").lower())
    else:
        value = _value(m)
        if value is None:
            return None
        if m.group("num2"):
            if (parse_number(m.group("num2")) or 0) < value:
                return None  # "won 3-1": a score, not a range
            qualifier = "between"

    # What follows the number decides its kind.  Patterns match at ``end`` (no slicing:
    # a copy of the rest of a 1 MB article per amount would be quadratic).
    unit: str | None = None
    pm = _PERCENT_RE.match(text, end)
    cm = _CURWORD_RE.match(text, end)
    if pm and not is_money and not m.group("vague"):
        unit, end = ("percentage point" if "point" in pm.group().lower() else "percent"), pm.end()
    elif cm and _currency_word_ok(text, m, cm):
        word = cm.group("word").lower()
        adj = (cm.group("adj") or "").lower()
        code = CURRENCY_ADJECTIVES.get(adj) or CURRENCY_WORDS.get(
            word.rstrip("s") if word not in CURRENCY_WORDS else word
        )
        currency, is_money, end = currency or code, True, cm.end()
    elif (im := _ISO_AFTER_RE.match(text, end)) and not is_money:
        currency, is_money, end = im.group("code"), True, im.end()
    elif not is_money and (dm := _DURATION_RE.match(text, end)) and not m.group("vague"):
        if dm.group("anchor") or _anchored(doc, text, start, first):
            return None  # "three years ago", "the past three months": dates, not figures
        word = dm.group("unit").lower()
        unit = DURATION_UNITS.get(word, word.rstrip("s"))
        end = dm.end("unit")
    if is_money:
        unit = "money"
    elif "MONEY" in labels and unit is None and not m.group("vague"):
        unit = "money"  # the model saw money we have no currency word for ("5 million pesos"?)

    if unit is None:  # a count: look for the counted noun
        if labels & (_NAME_LABELS | _DATE_LABELS) or _date_neighbour(doc, first, last):
            return None
        noun = _counted_noun(doc, last, m.group("vague") is not None)
        if noun is not None:
            unit, end = noun.lemma_.lower(), noun.idx + len(noun.text)
        elif m.group("vague") or _bare_number_doubtful(doc, first, m, qualifier):
            return None
        else:
            unit = "count"
        if value is not None and _YEARLIKE.fullmatch(m.group("num") or "") and noun is None:
            return None  # "in 2014": a year, left to the dates component
    elif labels & _NAME_LABELS and not is_money:
        return None
    return Amount(start, end, text[start:end], value, unit, currency if is_money else None, qualifier)


def _value(m: re.Match) -> float | None:
    value = parse_number(m.group("num"))
    if value is None or not m.group("num2"):
        return value
    # "$3-5 billion": a scale written once, after the upper bound, applies to both ends.
    scale = re.search(rf"(?i:(?<=\d)(?:bn|mn|mln|trn|tn|[kmb])|{_SCALEW})$", m.group("num2"))
    if scale and not re.search(r"[a-z]", m.group("num"), re.I):
        value = parse_number(m.group("num") + " " + scale.group())
    return value


def _currency_word_ok(text: str, m: re.Match, cm: re.Match) -> bool:
    word = cm.group("word").lower()
    if word in ("pound", "pounds") and _OF.match(text, cm.end()):
        return False  # "500 pounds of explosives" is a weight
    if word == "won":  # the verb: only with a scale word or "South Korean"
        return bool(cm.group("adj")) or bool(re.search(_SCALEW + r"$|bn$", m.group(0), re.I))
    return not (" of " in cm.group(0) and not m.group("vague"))  # "of" only in "billions of dollars"


def _anchored(doc: Doc, text: str, start: int, first) -> bool:
    """ "the past three months": a period the dates component owns; but not "due to last 48 hours"."""
    if not _ANCHOR_BEFORE_RE.search(text[max(0, start - 40) : start]):
        return False
    prev = doc[first.i - 1] if first.i > 0 else None
    return not (prev is not None and prev.lower_ == "last" and is_verb_last(doc, prev))


def _date_neighbour(doc: Doc, first, last) -> bool:
    """ "February 24", "24 February": the number is a day of a month."""
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    return (
        before in _MONTHS
        or after in _MONTHS
        or after == "of"
        and last.i + 2 < len(doc)
        and doc[last.i + 2].lower_ in _MONTHS
    )


def _counted_noun(doc: Doc, last, vague: bool):
    """The noun a number counts: its syntactic head ("12 Ukrainian soldiers"), the next
    noun, or the noun after "of" ("dozens of civilians", "two of the soldiers")."""
    noun = _find_counted_noun(doc, last, vague)
    if noun is None or any(c.isdigit() for c in noun.text) or noun.text.lower() in SUFFIX_SCALES:
        return None  # "55 HK$3m": the next amount, not a noun
    return noun


def _find_counted_noun(doc: Doc, last, vague: bool):
    j = last.i + 1
    if j >= len(doc):
        return None
    head = last.head
    if not vague and head.i > last.i and head.i - last.i <= 4 and head.pos_ in ("NOUN", "PROPN"):
        if all(t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT") and t.text != "," for t in doc[j : head.i]):
            return head if head.ent_type_ not in _DATE_LABELS else None
    if not vague and doc[j].pos_ == "NOUN" and doc[j].ent_type_ not in _DATE_LABELS:
        k = j
        while k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN" and doc[k + 1].dep_ != "conj":
            k += 1
        return doc[k]
    if doc[j].lower_ == "of":
        for t in doc[j + 1 : j + 5]:
            if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in _DATE_LABELS | {"GPE", "ORG", "NORP"}:
                return t if t.tag_ in ("NNS", "NNPS") else None  # "two of the soldiers", not "5 of the treaty"
            if t.pos_ not in ("DET", "ADJ", "PRON") or t.dep_ not in ("det", "amod", "poss", "compound"):
                return None
    return None


def _bare_number_doubtful(doc: Doc, first, m: re.Match, qualifier: str | None) -> bool:
    """A number with no unit at all: keep "killing 12" but not "Flight 752" or "the two met"."""
    if qualifier:
        return False
    if not (m.group("num") or "")[:1].isdigit():
        return True  # spelled "one", "two" with no noun: pronoun-ish, too noisy
    prev = doc[first.i - 1] if first.i > 0 else None
    return prev is not None and not prev.is_sent_start and prev.text[:1].isupper()
