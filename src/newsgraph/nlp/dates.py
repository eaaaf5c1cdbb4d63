"""``newsgraph_dates_v1``: absolute and relative dates -> ``doc._.ng_dates``.

Explicit rules, one compiled regex over ``doc.text``, do the work: they are predictable,
fast, and catch what ``en_core_web_sm`` misses ("today") or mislabels.  The model is
used for three things: its DATE entities as extra candidates (resolved only when they
hold a full date; else kept with value None), the parse to tell "will meet on Thursday"
(future) from "met on Thursday" (past), and entity labels to tell the year "2014" from
the count "2000 troops".  ``dateparser`` is a last resort for odd full dates in DATE
entities ("24.02.2022"): imported lazily, one cached strict parser, results cached.

Values (also docs/schema.md), resolved against ``doc._.ng_published`` (ISO string), or against the day
of a dated dateline opening the story ("MERIDA, Morvania, March 14 —") when that day is two days to a month
before publication: a wire story republished later counts its "on Tuesday" from the day it was filed.

- day precision ``YYYY-MM-DD``: "February 24, 2022", "yesterday", "on Thursday" (the most
  recent Thursday on or before publication; the next one after it when the governing verb
  is future, "will meet on Thursday" or reported "said it would meet on Thursday" (not "said on Monday it
  would", "would have", a habit), or a timetable verb in the simple present, "takes effect
  on April 1", "host Kelton on Tuesday"), "two weeks ago";
  a week ("this week", "last week", "next week") is the ``YYYY-MM-DD`` of its Monday;
  a weekend is its Saturday.
- month precision ``YYYY-MM``: "since February" (the latest February not after the
  publication month; the next one for future verbs), "last month", "March 2022".
- year precision ``YYYY``: "in 2014", "last year", "the catastrophe of 1917".
- None: vague periods ("the past few weeks", "recent months"), and every relative date
  when the publication date is unknown.  Their text is kept.

Spans are the date expression without its preposition: "on Thursday" -> "Thursday",
"since 2014" -> "2014"; modifiers are inside: "last week", "early March", "the past few
weeks".  Durations ("seven years") are figures (``newsgraph.nlp.figures``), not dates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ..model import DateMention
from .extensions import doc_text, register_extensions
from .knowledge.lexicon import is_verb_last
from .layout import dateline_ranges, paragraphs_of

__all__ = ["find_dates", "parse_published"]

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_NUMWORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

# Month names are matched case-sensitively: "may" and "march" are also verbs.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_UNIT = r"(?:hours?|days?|weeks?|months?|years?|decades?)"
_N = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# The lookahead and \b let the engine skip mid-word positions fast (4-6x quicker).
_DATE_RE = re.compile(
    r"(?=[\dA-Za-z])\b(?:"
    + "|".join(
        [
            rf"(?P<iso>(?P<iy>{_YEAR})(?P<isep>[-/])(?P<im>0[1-9]|1[0-2])(?P=isep)(?P<id>0[1-9]|[12]\d|3[01]))\b",
            # "24.02.2022" (day first, European), "2/24/2022" (month first unless > 12)
            rf"(?<![\d.,/])(?P<num>(?P<na>\d{{1,2}})(?P<nsep>[./])(?P<nb>\d{{1,2}})(?P=nsep)(?P<ny>{_YEAR}))(?![\d.,/]\d)",
            # "Thursday, February 24, 2022", "Feb. 24", "February 24th 2022"
            rf"(?:{_WEEKDAY},?\s+)?(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR})\b)?",
            # "24 February 2022", "the 24th of February"
            rf"(?:{_WEEKDAY},?\s+)?(?:the\s+(?=\d+(?:st|nd|rd|th)\s+of\s))?(?<![\d,.])(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR})\b)?",
            # "February 2022", "early March", "last February", "mid-February"
            rf"(?:(?P<mmod>(?i:early|mid|late|last|next|this))[\s-]+)?(?P<m3>{_MONTH})(?![\w.])(?:,?\s+(?:of\s+)?(?P<y3>{_YEAR})\b)?",
            rf"(?:(?P<wmod>(?i:last|next|this))\s+)?(?P<wd>{_WEEKDAY}){_PART}\b",
            r"(?P<deictic>(?i:yesterday|today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening)))\b",
            r"(?:(?i:earlier|later)\s+)?(?P<rel>(?i:this|last|next))\s+(?P<runit>(?i:week|weekend|month|year))\b",
            rf"(?P<agon>(?i:{_N}|a\s+few|several))\s+(?P<agou>(?i:{_UNIT}))\s+(?i:ago)\b",
            rf"(?P<vague>(?:(?i:the)\s+)?(?i:past|last|next|coming|previous|recent)\s+(?:(?i:few|several|couple\s+of|{_N})\s+)?(?i:{_UNIT}|decade))\b",
            r"(?P<vague2>(?i:recent\s+(?:days|weeks|months|years)))\b",
            rf"(?<![\d,.$€£-])(?P<year>{_YEAR})(?![\w,.:/-]?\d|s\b|[-\w])",
        ]
    )
    + ")"
)
# A lone year is a date after these words, or when the model calls it DATE.
_YEAR_CUES = {
    "in",
    "since",
    "of",
    "by",
    "until",
    "till",
    "from",
    "before",
    "after",
    "during",
    "between",
    "and",
    "to",
    "through",
    "early",
    "late",
    "mid",
    "year",
    "summer",
    "spring",
    "autumn",
    "fall",
    "winter",
    "around",
    "circa",
    "c.",
    "end",
    "start",
    "beginning",
}
_AMBIGUOUS_MONTHS = {"May", "March", "June", "August", "Jan", "Mar", "Jun", "Aug", "Sep", "Oct", "Dec"}
_MONTH_CUES = _YEAR_CUES | {"last", "next", "this", "on", "at", "for", "early", "late", "mid"}
_NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "EVENT", "PRODUCT", "LAW", "GPE", "NORP"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_FUTURE_HEADS = {"plan", "schedule", "expect", "set", "due", "intend", "go", "aim", "hope", "prepare", "agree"}
# Verbs whose simple present with a date is a timetable, the future ("the law takes effect on April 1",
# "the visitors host Kelton on Tuesday", "talks resume in May"), in news that tells the past in the past
_SCHEDULED_PRESENT = {"take", "start", "begin", "open", "close", "end", "expire", "resume", "reopen", "host", "play",
                      "travel", "visit", "return", "kick"}  # fmt: skip
# Verbs whose clause with "would" tells what was to come ("said it would meet on Friday", "warned that
# staff would walk out from March 24"): "would" there is the future seen from the saying, not a habit
# ("he would fish on Fridays") or a condition
_FUTURE_IN_REPORT_HEADS = {"say", "tell", "announce", "warn", "promise", "pledge", "vow", "threaten", "confirm",
                           "insist", "expect", "decide", "agree", "state", "add", "indicate", "signal"}  # fmt: skip
# words of a clause that tells a habit, not one future act ("would rehearse every Friday")
_HABIT_WORDS = {"every", "each", "often", "usually", "always", "sometimes", "regularly", "normally", "typically"}
_GRACE = dt.timedelta(days=3)  # "February 24" up to 3 days after publication is still this year's
_DURATION_ENT = re.compile(
    r"(?i)^(?:the\s+)?(?:about|almost|nearly|over|some|more\s+than|at\s+least|\d[\d,.]*|a|an|[a-z]+-?[a-z]*)?"
    r"[\s-]*(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?)(?:-old| old)?$"
)

_POINT_WORDS = re.compile(r"\d|\b(?:spring|summer|autumn|fall|winter|weekend|end|beginning|start|middle)\b", re.I)


def dates_component(doc: Doc) -> Doc:
    """The ``newsgraph_dates_v1`` component: a function, it keeps no state."""
    doc._.ng_dates = find_dates(doc)
    return doc


# No ``requires``: it works on tokens alone (so on ``spacy.blank("en")``) and uses the model's
# entities and parse when the pipeline has them.
@Language.factory("newsgraph_dates_v1", assigns=["doc._.ng_dates"])
def make_dates(nlp: Language, name: str):
    register_extensions()
    return dates_component


def parse_published(value) -> dt.date | None:
    """``ng_published`` ("2022-08-31" or "2022-08-31T10:00:00Z") as a date, or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def find_dates(doc: Doc) -> list[DateMention]:
    text = doc_text(doc)
    pub = parse_published(doc._.ng_published)
    starts = doc.to_array(IDX).tolist()  # each token's char offset, without building Token objects
    found: list[DateMention] = []
    dateline, filed = _dateline_day(doc, text, starts, pub)
    for m in _DATE_RE.finditer(text):
        if not _accept(doc, starts, m):
            continue
        # the story's "on Tuesday" counts from the day it was filed, which the page may publish days later
        anchor = pub if filed is None or dateline[0] <= m.start() < dateline[1] else filed
        found.append(DateMention(m.start(), m.end(), m.group(), _resolve(doc, starts, m, anchor)))
    _one_year_per_month_range(text, found)
    found.extend(_entity_leftovers(doc, text, found))
    found.sort(key=lambda d: d.start)
    return found


_MONTH_RANGE_JOIN = re.compile(r"\s*[-–—]\s*|\s+to\s+")
_MONTH_VALUE = re.compile(r"\d{4}-\d{2}")
_YEAR_WRITTEN = re.compile(r"\d{4}")


def _one_year_per_month_range(text: str, found: list[DateMention]) -> None:
    """ "the September-November quarter": both months resolved alone may fall in two years (September this year,
    November last); a range ends where its last month was resolved, and starts in the same year or, when its
    first month comes later in the calendar ("November-January"), the year before. Only a first month written
    without its year is re-yeared."""
    for first, last in zip(found, found[1:]):
        if not (
            first.value and last.value and _MONTH_VALUE.fullmatch(first.value) and _MONTH_VALUE.fullmatch(last.value)
        ):
            continue
        if not _MONTH_RANGE_JOIN.fullmatch(text[first.end : last.start]):
            continue
        if _YEAR_WRITTEN.search(first.text):
            continue  # "from December 2022 to March 2024": a year written out stays
        end_year, first_month = int(last.value[:4]), int(first.value[5:])
        year = end_year - (first_month > int(last.value[5:]))
        first.value = f"{year:04d}-{first_month:02d}"


def _dateline_day(doc: Doc, text: str, starts: list[int], pub: dt.date | None):
    """``((start, end), day)`` of a dated dateline opening one of the first paragraphs ("MERIDA, Morvania,
    March 14 —"), its day resolved against publication; ``((0, 0), None)`` when there is none, or its day is
    less than two days or more than a month before publication (an updated story; another year)."""
    none = ((0, 0), None)
    if pub is None:
        return none
    paragraph_starts = [p.start for p in paragraphs_of(doc)][:3]
    for start, end in dateline_ranges(text, paragraph_starts)[:1]:
        m = next((m for m in _DATE_RE.finditer(text, start, end) if m.group("m1") or m.group("m2")), None)
        value = _resolve(doc, starts, m, pub) if m else None
        day = dt.date.fromisoformat(value) if value and len(value) == 10 else None
        # filed the day before publication, the story is as likely updated since ("said on Wednesday" in a story
        # filed on Tuesday): the publication day counts; from two days on, it was republished later
        if day is not None and pub - dt.timedelta(days=31) <= day <= pub - dt.timedelta(days=2):
            return (start, end), day
    return none


def _token_at(doc: Doc, starts: list[int], char: int):
    return doc[max(0, bisect.bisect_right(starts, char) - 1)]


def _prev_word(doc: Doc, starts: list[int], char: int) -> str:
    tok = _token_at(doc, starts, char)
    return doc[tok.i - 1].lower_ if tok.i > 0 else ""


def _accept(doc: Doc, starts: list[int], m: re.Match) -> bool:
    g = m.group
    first = _token_at(doc, starts, m.start())
    if first.lower_ == "last" and is_verb_last(doc, first):
        return False  # "the strike is due to last 48 hours"
    last = _token_at(doc, starts, m.end() - 1)
    if any(t.ent_type_ in _NAME_LABELS for t in doc[first.i : last.i + 1]):
        return False  # "the Sunday Times", "Theresa May", "Good Friday Agreement"
    if g("year"):
        tok = _token_at(doc, starts, m.start())
        if (
            tok.dep_ == "nummod"
            and tok.head.tag_ == "NNS"
            and (tok.i == 0 or doc[tok.i - 1].dep_ not in ("det", "poss"))
        ):
            return False  # "2000 troops" (but "the 2014 elections" is a year)
        if tok.ent_type_ == "DATE":
            return True
        if tok.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT") or tok.dep_ == "nummod":
            return False  # "2000 troops", "$2014"
        return _prev_word(doc, starts, m.start()) in _YEAR_CUES
    if g("m3") and not g("y3") and not g("mmod") and g("m3").rstrip(".") in _AMBIGUOUS_MONTHS:
        tok = _token_at(doc, starts, m.start())
        if _prev_word(doc, starts, m.start()) in _MONTH_CUES:
            return True  # "In May", "since March"
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper():
            return False  # "Theresa May", which the model may still call a DATE
        return tok.ent_type_ == "DATE"
    if (
        g("m3")
        and not g("y3")
        and "." not in g("m3")
        and g("m3").lower() in ("sept", "sep", "nov", "feb", "jul", "apr")
    ):
        return False  # bare abbreviations without a dot are too often something else
    return True


def _resolve(doc: Doc, starts: list[int], m: re.Match, pub: dt.date | None) -> str | None:
    g = m.group
    if g("iso"):
        return _ymd(int(g("iy")), int(g("im")), int(g("id")))
    if g("num"):
        a, b = int(g("na")), int(g("nb"))
        day_first = g("nsep") == "." or a > 12
        return _ymd(int(g("ny")), b if day_first else a, a if day_first else b)
    for mk, dk, yk in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
        if g(mk):
            month, day = _month(g(mk)), int(re.match(r"\d+", g(dk)).group())
            if g(yk):
                return _ymd(int(g(yk)), month, day)
            if pub is None:
                return None
            future = _is_future(doc, starts, m.start())
            year = pub.year
            if future and dt.date(year, month, min(day, 28)) < pub - _GRACE:
                year += 1
            elif not future and dt.date(year, month, min(day, 28)) > pub + _GRACE:
                year -= 1
            return _ymd(year, month, day)
    if g("m3"):
        month = _month(g("m3"))
        if g("y3"):
            return f"{int(g('y3')):04d}-{month:02d}"
        if pub is None:
            return None
        mod = (g("mmod") or "").lower()
        year = pub.year
        if mod == "last":
            year -= month >= pub.month
        elif mod == "next":
            year += month <= pub.month
        elif mod != "this":
            if _is_future(doc, starts, m.start()):
                year += month < pub.month
            else:
                year -= month > pub.month
        return f"{year:04d}-{month:02d}"
    if g("wd"):
        return _weekday(doc, starts, m, pub)
    if g("year"):
        return g("year")
    if pub is None:
        return None
    if g("deictic"):
        word = g("deictic").lower()
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, -1 if word.startswith("last") else 0)
        return (pub + dt.timedelta(days=offset)).isoformat()
    if g("rel"):
        step = {"this": 0, "last": -1, "next": 1}[g("rel").lower()]
        unit = g("runit").lower()
        if unit == "year":
            return f"{pub.year + step:04d}"
        if unit == "month":
            return _month_shift(pub, step)
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
        return (monday + dt.timedelta(days=5 if unit == "weekend" else 0)).isoformat()
    if g("agon"):
        n = g("agon").lower()
        if not (n.isdigit() or n in _NUMWORDS):
            return None  # "a few days ago"
        n = int(n) if n.isdigit() else _NUMWORDS[n]
        unit = g("agou").lower().rstrip("s")
        if unit == "hour":
            return pub.isoformat()
        if unit in ("day", "week"):
            return (pub - dt.timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
        if unit == "month":
            return _month_shift(pub, -n)
        return f"{pub.year - n * (10 if unit == 'decade' else 1):04d}"
    return None  # vague periods


def _weekday(doc: Doc, starts: list[int], m: re.Match, pub: dt.date | None) -> str | None:
    if pub is None:
        return None
    wd = WEEKDAYS[m.group("wd").lower()]
    mod = (m.group("wmod") or "").lower()
    if mod == "this":
        return (pub - dt.timedelta(days=pub.weekday() - wd)).isoformat()
    future = mod == "next" or (mod != "last" and _is_future(doc, starts, m.start("wd")))
    if future:
        delta = (wd - pub.weekday()) % 7 or 7
    else:
        delta = -((pub.weekday() - wd) % 7 or (7 if mod == "last" else 0))
    return (pub + dt.timedelta(days=delta)).isoformat()


def _is_future(doc: Doc, starts: list[int], char: int) -> bool:
    """Is the verb governing the date at ``char`` future ("will meet", "plans to meet")?"""
    if not doc.has_annotation("DEP"):
        return False  # no parse (spaCy crashes on .children then): news default, past
    tok = date_tok = _token_at(doc, starts, char)
    through_a_noun = False  # "faces a fine over a spill on March 2": the date is the spill's, not the verb's
    for _ in range(6):  # walk up to the governing verb
        if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            break
        tok = tok.head
        through_a_noun = through_a_noun or (tok.pos_ in ("NOUN", "PROPN") and not _is_date_word(tok))
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children):
        return True
    if tok.lower_ in _FUTURE_AUX:
        return True
    if _is_reported_would(tok, date_tok):
        return True
    if (
        tok.tag_ in ("VBZ", "VBP")
        and tok.lemma_ in _SCHEDULED_PRESENT
        and not any(c.dep_ == "aux" for c in tok.children)
        and _ends_a_sentence(tok.sent)
        and not through_a_noun
    ):
        return True  # "takes effect on April 1": a timetable (a headline's present is its past: no full stop)
    # "plans to meet", "is due to meet", "is scheduled for", "is going to meet"
    if tok.lemma_ in ("schedule", "set", "due") and tok.tag_ == "VBN":
        return True
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and tok.head.lemma_ in _FUTURE_HEADS


def _is_reported_would(verb, date_tok) -> bool:
    """ "(the union) said its members would walk out on Friday": ``verb`` has the auxiliary "would", is the
    clause a verb of saying, warning or promising reports, and the date comes after the "would". Not when
    the date may be the saying's own ("said on Monday it would", which the parser may hang on the reported
    verb), nor when the saying has a date ("said last week that talks would resume on Thursday": future from
    then, not from publication, which is not computed: the past reading stays), nor "would have" (a past that did not happen), nor a habit ("would
    rehearse on Friday nights", "every Friday")."""
    would = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "would"), None)
    if would is None or date_tok.i < would.i:
        return False
    if verb.dep_ not in ("ccomp", "conj") or not _reporting_head(verb.head):
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    # a date before the sentence's first "would" is the saying's, and the reported future would count from it,
    # not from publication; without that count the past reading is the nearer one (a date between two "would"s, "would walk out from March 24 and would meet on Friday", is reported too)
    first_would = next((t.i for t in verb.sent if t.lower_ == "would"), would.i)
    if any(
        t.i < first_would and (t.ent_type_ == "DATE" or t.lower_ in WEEKDAYS or t.lower_ in MONTHS) for t in verb.sent
    ):
        return False
    after = date_tok.doc[date_tok.i + 1] if date_tok.i + 1 < len(date_tok.doc) else None
    if after is not None and after.tag_ == "NNS":
        return False  # "on Friday nights"
    return not any(t.lower_ in _HABIT_WORDS for t in verb.subtree)


def _reporting_head(tok) -> bool:
    for _ in range(3):  # "said ... would walk out and would meet": through coordinated clauses
        if tok.lemma_ in _FUTURE_IN_REPORT_HEADS:
            return True
        if tok.dep_ not in ("ccomp", "conj") or tok.head == tok:
            return False
        tok = tok.head
    return False


def _is_date_word(tok) -> bool:
    """A word of the date itself ("March" of "March 2", "Monday"), which the walk up may pass through."""
    return tok.ent_type_ == "DATE" or tok.lower_ in WEEKDAYS or tok.lower_ in MONTHS or tok.like_num


def _ends_a_sentence(sent) -> bool:
    """Whether ``sent`` closes as prose does, with a full stop, "!" or "?" (perhaps before a closing quote):
    a headline does not, and tells what happened in the simple present ("Minister visits X on Monday")."""
    words = [t for t in sent if not t.is_space]
    while words and words[-1].is_quote:
        words.pop()
    return bool(words) and words[-1].text in (".", "!", "?")


def _entity_leftovers(doc: Doc, text: str, found: list[DateMention]) -> list[DateMention]:
    """Model DATE entities no rule matched: full dates get a value, other dated phrases None."""
    out = []
    found_starts = [d.start for d in found]
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        s, e = ent.start_char, ent.end_char
        ent_text = text[s:e]
        # Ours inside or right after the entity: "the spring of 2019", "the summer of | 2022"
        # (the model sometimes cuts there).  Widen our mention to the phrase, keep its value.
        i = bisect.bisect_left(found_starts, s)  # found is sorted and disjoint: look nearby only
        ours = [
            d
            for d in found[max(0, i - 1) : i + 3]
            if d.start < e and s < d.end or 0 <= d.start - e <= 2 and not text[e : d.start].strip()
        ]
        if ours and s < ours[0].start and re.search(r"\b(?:of|the|in)\s*$", text[s : ours[0].start]):
            ours[0].start, ours[0].text = s, text[s : ours[0].end]
            continue
        if any(d.start < e and s < d.end for d in ours):
            continue
        if ent_text.isdigit():
            continue  # a number our year rule already looked at and refused ("2000 troops")
        if _DURATION_ENT.match(ent_text) and "ago" not in ent_text.lower():
            continue  # "seven years", "almost eight years", "a 12-year-old": durations and ages
        if not _POINT_WORDS.search(ent_text):
            continue  # "annual", "daily", "decades": not a point in time
        value = _dateparser_value(ent_text) if re.search(r"\d", ent_text) else None
        out.append(DateMention(s, e, ent_text, value))
    return out


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser  # slow import, only when a leftover needs it

    return DateDataParser(languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DATES_FROM": "past"})


@lru_cache(maxsize=4096)
def _dateparser_value(text: str) -> str | None:
    """A full date in an unusual format ("24.02.2022"); strict, so no guessing of parts."""
    if not re.search(r"\d{1,2}\D+\d{1,2}\D+\d{2,4}|\d{4}", text) or re.fullmatch(r"\D*\d{4}s?\D*", text):
        return None
    try:
        data = _parser().get_date_data(text)
    except Exception:  # dateparser raises on some odd inputs: a date we cannot read is None
        return None
    return data.date_obj.date().isoformat() if data and data.date_obj else None


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:  # "February 30"
        return None


def _month_shift(pub: dt.date, step: int) -> str:
    index = pub.year * 12 + pub.month - 1 + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
