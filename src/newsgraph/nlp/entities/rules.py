"""Span and type correction rules for ``newsgraph_entities_v1`` (see :mod:`newsgraph.nlp.entities`).

Step 2 of the component (trimming model spans to the bare name, dropping junk), the rules
that retype spans next to linked names (compound nationalities, "Town, Region" typed as one name,
listed places, places after prepositions of place or motion and after compass adjectives) and
step 4 (one name, one type per article; surname propagation; repeats of a linked place the model
missed).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Span, Token

from ..knowledge.gazetteer import BIG_CITY_POPULATION, NOTABLE_CITY_POPULATION, Place, get_gazetteer
from ..knowledge.lexicon import (
    CALENDAR_WORDS,
    CROSSING_NOUNS,
    DWELLER_NOUNS,
    GENERIC_ORG_WORDS,
    GIVEN_NAMES,
    LEADING_TITLE_KEYS,
    ORG_HEAD_WORDS,
    PAGE_FURNITURE_WORDS,
    PERSON_CUE_WORDS,
    PERSONAL_RIVAL_NOUNS,
    PLACE_EPITHETS,
    PLACE_HEAD_WORDS,
    PORTFOLIO_WORDS,
    PRONOUNS,
    SAY_LEMMAS,
    SENTENCE_EPITHETS,
    STREET_HEAD_WORDS,
    TITLE_KEYS,
    normalize_name,
)
from .matching import (
    COMPASS,
    DETERMINERS,
    GAZ_WEIGHT,
    GEO_HEADS,
    MODEL_WEIGHT,
    SpanCandidate,
    acronym_letters,
    covered_tokens,
    is_person_title,
    name_initials,
    person_in_apposition,
)

POSSESSIVES = {"'s", "\u2019s", "'", "\u2019", "s"}
# One-word spans that are no names: personal pronouns, relatives and demonstratives.  (All the
# lexicon's pronoun forms; those the old list lacked, "my", "mine", "ours", the reflexives, are
# nearly always tagged PRON and so junk already: re3d figures and a 135-article sample unchanged.)
NOT_NAMES = frozenset(PRONOUNS) | {"who", "whom", "this", "that", "one"}
# Last words that make a "person" span a building or structure ("Samarra Barrage", "Trump Tower").
FAC_HEADS = {"barrage", "dam", "regulator", "reservoir", "bridge", "airport", "airbase", "base", "camp", "mosque",
             "church", "cathedral", "temple", "square", "park", "street", "road", "avenue", "boulevard", "stadium",
             "arena", "hospital", "hotel", "palace", "tower", "museum", "prison", "station", "plant", "refinery"}  # fmt: skip
# Street suffixes ("Pine Drive", "Oak Close") are places whatever the model called them.
STREET_HEADS = STREET_HEAD_WORDS
# Evidence that a one-word name is a person: the word before it ("Mr Karim", "his daughter Yulia":
# the lexicon's PERSON_CUE_WORDS) ...
# ... or the verb it is the subject of ("Karim said", "Guhdar is worried" is not enough: the lexicon's
# SAY_LEMMAS) or object of.
# Nouns a leader's surname qualifies ("the Roe administration"); a place there is rare.
LEADER_TERM_NOUNS = {"administration", "campaign", "presidency", "premiership", "cabinet"}
PERSON_OBJECT_LEMMAS = {"tell", "ask", "thank", "marry", "hug", "kiss"}
# Lower-case nouns of a settlement: a name in apposition to one is a place ("its capital, X")
SETTLEMENT_NOUNS = frozenset("capital city town village port hamlet municipality".split())
# Places whose gazetteer match beats person evidence in the text ("Moscow said" is metonymy).
FIRM_PLACE_KINDS = {"country", "nationality", "org", "continent", "sea", "river", "feature", "region", "weapon"}
# Prepositions after which a one-word name the model called a person or org is a place ("in Daquq").
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "towards", "toward", "through"}
# Prepositions of motion: "drove to Wetaskiwin", "the convoy from Brackley".
MOTION_PREPS = {"to", "from", "via", "into", "towards", "toward"}
# Verbs whose "to" takes a person or a body, not a destination ("wrote to Hastings", "sold it to Acme").
NON_MOTION_TO_LEMMAS = {"say", "tell", "speak", "talk", "write", "reply", "respond", "explain", "listen", "send",
                        "give", "sell", "pay", "lend", "hand", "report", "belong", "apologize", "apologise",
                        "introduce", "marry", "turn", "award", "donate", "offer", "owe"}  # fmt: skip
# A hamlet's name after "to"/"from" is as often a firm's or a person's; a town of this size is a town.
MOTION_TOWN_POPULATION = 5_000
MAX_PLACE_WORDS = 3


def _glued_to_name(doc: Doc, i: int, j: int) -> bool:
    """Whether a capitalised word joins the run on either side ("Nakusp Road", "Lake Nakusp"): then
    the run is part of a longer name the model did not tag, not the place alone."""
    before = doc[i - 1] if i else None
    after = doc[j] if j < len(doc) else None
    return any(t is not None and t.is_alpha and t.text[:1].isupper() and not t.is_sent_start
               and t.whitespace_ != "\n" for t in (before, after) if t is not None and not t.is_space)  # fmt: skip


def _inside(place: Place, wide: Place) -> bool:
    """Whether a town lies in a country, or in a state or county (same admin1 region)."""
    if wide.kind == "country":
        return place.country is not None and place.country == wide.country
    return place.admin is not None and place.admin == wide.admin


JUNK_POS = {"ADJ", "VERB", "ADV", "ADP", "DET", "AUX", "CCONJ", "SCONJ", "PART", "INTJ"}
LIST_WORDS = {"and", "or", ",", "&"}
# Last words of a body's name, never of a work's title nor of a site, that the model may tag WORK_OF_ART or
# FAC ("The Hollins Road Residents' Association"); outlets' words ("Times", "Post") end titles too, and
# "School", "Hospital" end buildings.
BODY_END_WORDS = frozenset("association society union council committee trust foundation federation charity".split())
PORTFOLIO_KEYS = frozenset(w.lower() for w in PORTFOLIO_WORDS)
# Last words of a document's or publication's title typed ORG ("Inquiry Report", "Press Statement").
DOCUMENT_HEAD_WORDS = {"report", "statement", "release", "study", "review", "memo", "memorandum", "bulletin",
                       "transcript", "communique", "communiqué"}  # fmt: skip


def _after_preposition(doc: Doc, e: SpanCandidate) -> bool:
    return e.start > 0 and doc[e.start - 1].pos_ == "ADP"


def _office_title(tok) -> bool:
    """A capitalised title that names a person's office ("Superintendent", "Deputy"), not a portfolio
    ("Finance" in "Ministry of Finance") nor an organisation word."""
    key = tok.lower_.rstrip(".")
    return tok.is_title and key in TITLE_KEYS and key not in PORTFOLIO_KEYS and key not in ORG_HEAD_WORDS


def _person_inside(doc: Doc, s: int, e: int) -> tuple[int, int] | None:
    """Where a non-person span holds a person's name after a title or an office: (end of the office,
    start of the name), else None.  "Superintendent Jane Roe" -> (s, s+1); "Dr Roe" -> (s, s+1); "Ministry of Finance John
    Roe" -> (s+3, s+3).  The name is 2-3 capitalised words (1 after an honorific) without an organisation word, after a title
    word, or starting with a known first name after at least two words of office."""
    words = [t for t in doc[s:e]]
    if any(t.lower_ in ORG_HEAD_WORDS for t in words[-2:]) and len(words) < 4:
        return None
    for i in range(s, e - 1):
        rest = doc[i + 1 : e]
        fewest = 1 if doc[i].lower_.rstrip(".") in PERSON_CUE_WORDS and doc[i].is_title else 2  # "Dr Roe"
        if not (fewest <= len(rest) <= 3 and all(t.is_title and t.is_alpha for t in rest)):
            continue
        if any(t.lower_ in ORG_HEAD_WORDS or t.lower_.rstrip(".") in TITLE_KEYS for t in rest):
            continue
        if _office_title(doc[i]):
            title_start = i
            while title_start > s and _office_title(doc[title_start - 1]):
                title_start -= 1
            return title_start, i + 1
        if i + 1 - s >= 2 and rest[0].lower_ in GIVEN_NAMES:
            return i + 1, i + 1
    return None


def _subject_mistagged(doc: Doc, tok) -> bool:
    """A capitalised word the tagger took for an adverb right before a verb of saying that has no subject:
    the subject "Tully added that ..." when the article names a Graham Tully.  Not a quantifier or adverb
    before any verb ("Little remained", "Still seems", "Much remains"), a word of its own."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (
        tok.is_title
        and tok.is_alpha
        and tok.pos_ == "ADV"
        and nxt is not None
        and nxt.pos_ == "VERB"
        and nxt.is_lower
        and nxt.lemma_ in SAY_LEMMAS
        and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i for c in nxt.children)
    )


def _same_apostrophes(word: str) -> str:
    """A name word with its typographic apostrophe written plain ("O’Brady" -> "O'Brady")."""
    return word.replace("\u2019", "'")


def _extend_names_by_said_surnames(doc: Doc, ents: list[SpanCandidate]) -> None:
    """ "Commissioner Tomas O’Brady ... O'Brady said": the model often stops a name before a surname with
    an apostrophe (tagging "O’Brady" an adverb).  A capitalised word right after a person's name that the
    article elsewhere makes the proper-noun subject of a verb of saying, alone (never "He said"), is the
    name's surname: the name grows by it (the lone subject then joins it as a surname).  Never a day or
    month ("Maria Lopez Tuesday"), nor a word that starts a sentence or a clause of its own ("Ruiz told Ann
    Lee Hale would resign": "Hale" is the subject of "would resign", no part of Ann Lee's name)."""
    covered = covered_tokens(doc, ents)
    said = {
        _same_apostrophes(t.text)
        for t in doc
        if not covered[t.i] and t.is_title and t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass")
        and t.head.lemma_ in SAY_LEMMAS
        and not any(c.dep_ in ("compound", "flat") for c in t.children)
    }  # fmt: skip
    if not said:
        return
    for e in ents:
        after = doc[e.end] if e.label == "PERSON" and e.end < len(doc) else None
        if after is not None and not covered[after.i] and after.is_title and _same_apostrophes(after.text) in said:
            if after.lower_ in CALENDAR_WORDS or _starts_clause(after, e):
                continue
            covered[after.i] = 1
            e.end += 1


def _starts_clause(word: Token, name: SpanCandidate) -> bool:
    """``word`` opens a sentence, or is the subject of a verb that no word of ``name`` leans on (in
    "Tomas O’Brady spoke", "Tomas" is a compound of "O’Brady"; in "told Ann Lee Hale would resign", no
    word of "Ann Lee" hangs on "Hale")."""
    if word.is_sent_start:
        return True
    subject = word.dep_ in ("nsubj", "nsubjpass")
    return subject and not any(t.head.i == word.i for t in word.doc[name.start : name.end])


class TypeRules:
    """Trimming and type correction for :class:`~newsgraph.nlp.entities.component.EntityCorrector`.

    ``keys`` arguments are the :meth:`GazetteerMatcher.keys <newsgraph.nlp.entities.matching.GazetteerMatcher.keys>`
    table (normalised notable name -> places)."""

    # -- 2. trimming --------------------------------------------------------------------

    def trim(self, doc: Doc, ent: Span, keys: dict[str, list[Place]]) -> list[SpanCandidate]:
        """The bare name of a model span (plus a NORP split off a PERSON's title); [] for junk."""
        s, e, label = ent.start, ent.end, ent.label_
        out = []
        while s < e and (doc[s].lower_ in DETERMINERS or doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].lower_ in POSSESSIVES or doc[e - 1].is_punct or doc[e - 1].is_space
                         or doc[e - 1].pos_ == "CCONJ"):  # fmt: skip
            e -= 1
        opened = next((i for i in range(s, e) if doc[i].text == "("), None)
        if opened is not None and not any(doc[i].text == ")" for i in range(opened, e)):
            e = opened  # "Tribunal of the Bank (TB": an unclosed bracket is no part of the name
            while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
                e -= 1
        if label in ("PERSON", "ORG"):
            while e - s > 1 and (doc[e - 1].is_lower or doc[e - 1].lower_ in PAGE_FURNITURE_WORDS):
                e -= 1  # "Meghan cry", "X Release", "Acme Aid Located west": words glued to a name
        if label == "ORG" and e > s and doc[e - 1].lower_ in DOCUMENT_HEAD_WORDS:
            return out  # "Inquiry Report", "X Statement": a document, not an organisation
        if label == "ORG" and e - s == 1 and doc[s].lower_ in PORTFOLIO_KEYS:
            return out  # a lone "Finance" (of "Finance Minister"): a portfolio, never a name
        if label in ("ORG", "GPE", "FAC", "LOC"):
            split = _person_inside(doc, s, e)
            if split is not None:  # "Superintendent Jane Roe", "Ministry of Finance John Roe"
                org_end, person_start = split
                if org_end > s and not self._junk(doc[s:org_end], label):
                    out.append(SpanCandidate(s, org_end, label, ""))
                return [*out, SpanCandidate(person_start, e, "PERSON")]
        if e - s > 1 and doc[s].is_title and doc[s].lower_ in SENTENCE_EPITHETS and not ent.kb_id_:
            s += 1  # "Embattled X denied": the word describes X and takes the sentence's capital
        if label == "PERSON":
            while e - s > 1 and (doc[s].lower_.rstrip(".") in LEADING_TITLE_KEYS or doc[s].is_punct):
                s += 1
            if e - s > 2 and keys.get(normalize_name(doc[s].text), [None])[0] is not None:
                place = keys[normalize_name(doc[s].text)][0]
                if place.kind == "nationality" and doc[s + 1].lower_.rstrip(".") in LEADING_TITLE_KEYS:
                    out.append(SpanCandidate(s, s + 1, "NORP", place.id, GAZ_WEIGHT))
                    s += 1
                    while e - s > 1 and doc[s].lower_.rstrip(".") in LEADING_TITLE_KEYS:
                        s += 1
        if (
            label in ("WORK_OF_ART", "FAC")
            and e - s > 1
            and doc[e - 1].is_title
            and doc[e - 1].lower_ in BODY_END_WORDS
        ):
            label = "ORG"  # "The Hollins Road Residents' Association": a body, not a work's title nor a site
        span = doc[s:e]
        if not len(span) or self._junk(span, label):
            return out
        if label == "PERSON" and len(span) > 1 and span[-1].is_title:
            head = span[-1].lower_
            label = (
                "LOC" if head in GEO_HEADS else "FAC" if head in FAC_HEADS | PLACE_HEAD_WORDS else label
            )  # "Samarra Barrage"
        elif label in ("GPE", "LOC") and len(span) > 1 and span[-1].is_title and span[-1].lower_ in ORG_HEAD_WORDS:
            label = "ORG"  # "Springfield City Council", "Dade County Public Schools": a body, not a place
        elif label == "PERSON" and len(span) == 1 and span[0].lower_ in GENERIC_ORG_WORDS:
            label = "ORG"  # "the Council said": a body's short name, never a person
        elif label == "ORG" and len(span) == 1 and span[0].is_title and span[0].lower_ in STREET_HEADS:
            label = "FAC"  # "the Turnpike"
        elif (
            label == "ORG"
            and len(span) > 1
            and span[-1].is_title
            and span[-1].lower_ in FAC_HEADS | STREET_HEADS
            and not any(t.lower_ in ("of", "for") for t in span)
        ):  # not "Friends of X Park", a group
            label = "FAC"  # "Mercy Hospital", "Pine Road": a building or street, a place
        return [*out, SpanCandidate(s, e, label, ent.kb_id_ or "")]

    @staticmethod
    def _junk(span: Span, label: str) -> bool:
        if all(t.is_punct or t.is_digit or t.like_num or t.is_space for t in span):
            return True
        if len(span) == 1 and (span[0].lower_ in NOT_NAMES or span[0].pos_ == "PRON" or len(span.text) < 2):
            return True
        if len(span) == 1 and label != "NORP" and span[0].pos_ in JUNK_POS:
            return True  # sentence-initial "Nice", "Reading" tagged ORG: not a name
        if len(span) == 1 and span[0].lower_ in PAGE_FURNITURE_WORDS:
            return True  # "Subscribe", "Email", "Share": a page's buttons, not names
        if label == "PERSON" and any(c.isdigit() for c in span.text):
            return True  # "Divs 1.2" heading a line of figures: no one's name holds a digit
        return all(t.is_lower or not t.is_alpha for t in span)  # "communists", "the"

    # -- 3. linking: retyping next to linked names (lookup itself: GazetteerMatcher.link) ----

    @staticmethod
    def compound_nationalities(
        doc: Doc, ents: list[SpanCandidate], gaz, keys: dict[str, list[Place]]
    ) -> list[SpanCandidate]:
        """ "Bosnian Serbs", "Kosovo Albanians", "Iraqi Kurds": a nationality or place followed by a
        people's name is one group (NORP, unlinked; the linker takes the country from its first
        word), whatever the model called it and whether it split it or not."""

        def people(t: int) -> bool:  # a nationality or people word: "Serbs", "Kurd", "Albanian"
            return any(p.kind == "nationality" for p in keys.get(normalize_name(doc[t].text), ()))

        def qualifier(s: int, e: int) -> bool:  # "Bosnian", "Kosovo", "Iraqi"
            return any(p.kind in ("nationality", "country", "admin1", "region")
                       for p in keys.get(normalize_name(doc[s:e].text), ()))  # fmt: skip

        out, skip = [], False
        ents = sorted(ents, key=lambda x: x.start)
        for k, e in enumerate(ents):
            if skip:
                skip = False
                continue
            n = e.end - e.start
            if e.label in ("NORP", "PERSON", "ORG", "GPE", "LOC") and 2 <= n <= 3 and not e.kb:
                if doc[e.end - 1].text[:1].isupper() and people(e.end - 1) and qualifier(e.start, e.end - 1):
                    e.label, e.weight = "NORP", GAZ_WEIGHT
            nxt = ents[k + 1] if k + 1 < len(ents) else None
            # a separate people's name after it only in the plural: "Syrian Kurdish enclave" and "Syrian
            # Arab Red Crescent" are a nationality and an adjective, "Iraqi Kurds" one group
            if (
                nxt is not None
                and nxt.start == e.end
                and nxt.end - nxt.start == 1
                and e.kb
                and nxt.kb
                and doc[nxt.start].text[:1].isupper()
                and doc[nxt.start].tag_ in ("NNPS", "NNS")
                and (e.label == "NORP" or not _after_preposition(doc, e))
            ):
                first, second = gaz.get(e.kb), gaz.get(nxt.kb)
                if (second is not None and second.kind == "nationality" and first is not None
                        and first.kind in ("nationality", "country", "admin1", "region")
                        and first.country != second.country):  # fmt: skip
                    out.append(SpanCandidate(e.start, nxt.end, "NORP", "", GAZ_WEIGHT))
                    skip = True
                    continue
            out.append(e)
        return out

    @staticmethod
    def coordinated_places(doc: Doc, ents: list[SpanCandidate], gaz) -> None:
        """A mislabelled small town listed with linked places ("near Bakhmut and Avdiivka") is a place."""
        place_at = {}
        for e in ents:
            if e.kb and e.label in ("GPE", "LOC"):
                for t in range(e.start, e.end):
                    place_at[t] = e
        if not place_at:
            return
        for e in ents:
            if e.kb or e.label not in ("PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART"):
                continue
            root = doc[e.end - 1]
            near = [t.i for t in root.conjuncts] + ([root.head.i] if root.dep_ == "conj" else [])
            # the parser often misses the list, so also look one "and"/","/"or" to each side
            if e.start >= 2 and doc[e.start - 1].lower_ in LIST_WORDS:
                near.append(e.start - 2)
            if e.end + 1 < len(doc) and doc[e.end].lower_ in LIST_WORDS:
                near.append(e.end + 1)
            if any(t in place_at for t in near):
                places = [p for p in gaz.lookup(doc[e.start : e.end].text) if p.label in ("GPE", "LOC")]
                if places:
                    e.label, e.kb = places[0].label, places[0].id

    def places_after_prepositions(self, doc: Doc, ents: list[SpanCandidate], gaz) -> None:
        """A "person" or "org" of one to three words that the gazetteer knows as a place is that place where
        the sentence puts it as one: right after "in", "near", "outside" ("attacks in Daquq"), after a
        preposition of motion ("drove to Wetaskiwin", "from Brackley"), or after a compass adjective ("in
        northern Tessalit").  Not when the text also names a person with one of its words, when a verb of
        speaking or giving governs "to" ("wrote to Hastings"), nor for a name the gazetteer also knows as
        an organisation."""
        names = None
        for e in ents:
            n = e.end - e.start
            if e.kb or e.label not in ("PERSON", "ORG") or not 1 <= n <= MAX_PLACE_WORDS or e.start == 0:
                continue
            span = doc[e.start : e.end]
            if not all(t.is_title and t.is_alpha for t in span) or span[-1].lower_ in ORG_HEAD_WORDS:
                continue  # "Maria Hastings" may pass here; "Barclays Holdings", "Acme Group" never
            if n > 1 and e.label == "PERSON" and span[0].lower_ in GIVEN_NAMES:
                continue  # "to Maria Hastings": a given name opens a person's name
            before = doc[e.start - 1]
            compass = before.is_lower and before.lower_ in COMPASS  # "in northern Tessalit"
            if not compass and not self._locative_object(doc, e, before):
                continue
            places = [p for p in gaz.lookup(span.text) if p.label in ("GPE", "LOC")]
            if not places or any(p.kind == "org" for p in gaz.lookup(span.text)[:3]):
                continue
            if (
                before.lower_ in MOTION_PREPS
                and places[0].kind == "city"
                and places[0].population < MOTION_TOWN_POPULATION
            ):
                continue  # "went to Booker": a hamlet's name is likelier a firm's or a person's
            if names is None:
                names = {w for x in ents if x.label == "PERSON" and x.end - x.start > 1
                         for w in (doc[x.start].text, doc[x.end - 1].text)}  # fmt: skip
            if not any(t.text in names for t in span):
                e.label, e.kb, e.weight = places[0].label, places[0].id, GAZ_WEIGHT

    @staticmethod
    def _locative_object(doc: Doc, e: SpanCandidate, prep) -> bool:
        """Whether the name is the object of a preposition of place or motion right before it.  The parse
        may hang the name elsewhere ("heading to Tewkesbury face delays" makes it a compound of "face"):
        a preposition tagged as one, right before a name, governs it."""
        if prep.lower_ not in PLACE_PREPS | MOTION_PREPS or prep.pos_ != "ADP":
            return False
        return not (prep.lower_ == "to" and prep.head.lemma_ in NON_MOTION_TO_LEMMAS)

    @staticmethod
    def town_before_region(doc: Doc, ents: list[SpanCandidate], gaz) -> list[SpanCandidate]:
        """ "Llandovery, Carmarthenshire" typed as one organisation or person: a town of that region, then
        the region -- two places, as a reader takes "Town, Region"."""
        out = []
        for e in ents:
            comma = next((i for i in range(e.start + 1, e.end - 1) if doc[i].text == ","), None)
            if e.kb or e.label not in ("PERSON", "ORG") or comma is None:
                out.append(e)
                continue
            town, region = doc[e.start : comma], doc[comma + 1 : e.end]
            wide = next((p for p in gaz.lookup(region.text, include_alternate=False)[:3]
                         if p.kind in ("country", "admin1", "admin2")), None)  # fmt: skip
            place = None
            if wide is not None and all(t.is_title for t in town):
                place = next((p for p in gaz.lookup(town.text) if p.kind == "city" and _inside(p, wide)), None)
            if place is None:
                out.append(e)
                continue
            out.append(SpanCandidate(e.start, comma, place.label, place.id, GAZ_WEIGHT))
            out.append(SpanCandidate(comma + 1, e.end, wide.label, wide.id, GAZ_WEIGHT))
        return out

    @staticmethod
    def common_nouns_opening_sentences(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        """A one-word "person" that opens a sentence, is tagged a common noun and is no word of a person the
        article names in full is a noun capitalised by its place ("Attendance at X was thin"), not a name;
        "Fields said" after "Tom Fields" stays."""
        named = {w for e in ents if e.label == "PERSON" and e.end - e.start > 1 for w in doc[e.start : e.end]}
        named_words = {t.text for t in named}

        def common_noun(e: SpanCandidate) -> bool:
            tok = doc[e.start]
            return (e.label == "PERSON" and e.end - e.start == 1 and tok.is_sent_start and tok.pos_ == "NOUN"
                    and tok.text not in named_words and tok.lower_ not in GIVEN_NAMES)  # fmt: skip

        return [e for e in ents if not common_noun(e)]

    @staticmethod
    def places_in_apposition(doc: Doc, ents: list[SpanCandidate]) -> None:
        """A "person" in apposition to a lower-case noun of a settlement ("its capital, Ostrava Nova,";
        "the port city, Lanmere,") is that place: a capital or a town is no one's title.  Not when what
        follows makes it a speaker ("in the port city, Raul Ortega, his brother, said").  So is one after
        "the town/village of" or after a word that describes a place ("neighbouring", "nearby")."""
        bodies = _names_of_bodies(doc, ents)
        for e in ents:
            if (
                e.label == "ORG"
                and not e.kb
                and not any(t.lower_ in ORG_HEAD_WORDS for t in doc[e.start : e.end])
                and (_settlement_of(doc, e.start) or _where_people_live(doc, e, bodies))
            ):
                e.label, e.stated_place = "GPE", True  # "the encircled town of X", "residents in X"
                continue
            if e.label != "PERSON" or e.kb or e.start < 2 or doc[e.start].lower_ in GIVEN_NAMES:
                continue  # "in the village, Mary Jones said": a given name makes the person
            root = doc[e.start : e.end].root
            noun = doc[e.start - 2]
            parsed = root.dep_ == "appos" and root.head.i < e.start and root.head.is_lower
            # the parser often hangs the name on the verb; the comma, the noun and the closing comma remain
            written = doc[e.start - 1].text == "," and noun.is_lower and e.end < len(doc) and doc[e.end].text == ","
            settlement = root.head if parsed else noun
            if (parsed or written) and settlement.lemma_ in SETTLEMENT_NOUNS and not _speaker_by_what_follows(doc, e):
                e.label = "GPE"
            elif _settlement_of(doc, e.start) or _where_people_live(doc, e, bodies):
                e.label, e.stated_place = "GPE", True
            elif doc[e.start - 1].lower_ in PLACE_EPITHETS:
                e.label = "GPE"  # "Neighbouring X has closed its border": a neighbour is a place

    def streets_by_first_word(self, doc: Doc, ents: list[SpanCandidate]) -> None:
        """A one-word "person" with no person evidence that is the first word of a street the article
        names ("near Larkin Drive ... the van on Larkin") is that street cut short, not a person."""
        streets = {doc[e.start].text for e in ents
                   if e.end - e.start >= 2 and e.label in ("FAC", "GPE", "LOC") and doc[e.end - 1].lower_ in STREET_HEADS}  # fmt: skip
        if not streets:
            return
        named = {
            w
            for e in ents
            if e.label == "PERSON" and e.end - e.start > 1
            for w in (doc[e.start].text, doc[e.end - 1].text)
        }
        for e in ents:
            word = doc[e.start].text
            if (e.label == "PERSON" and e.end - e.start == 1 and word in streets and word not in named
                    and word.lower() not in GIVEN_NAMES and not self._person_cue(doc, e)):  # fmt: skip
                e.label = "FAC"

    # -- 4. one name, one type ------------------------------------------------------------

    def one_name_one_type(self, doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        _extend_names_by_said_surnames(doc, ents)
        groups: dict[str, list[SpanCandidate]] = defaultdict(list)
        surnames: dict[str, int] = {}
        first_names: set[str] = set()
        for e in ents:
            groups[normalize_name(doc[e.start : e.end].text)].append(e)
            if e.label == "PERSON" and e.end - e.start >= 2:
                surnames[_same_apostrophes(doc[e.end - 1].text)] = 1
                first_names.add(doc[e.start].text)
        gaz = get_gazetteer()
        # "KHWU said" after "the Kestrel Haulage Workers Union": a body's initials speak for the body, not a person
        bodies = {name_initials(doc[e.start : e.end]) for e in ents if e.label == "ORG"} - {""}
        for group in groups.values():
            votes: dict[str, int] = defaultdict(int)
            for e in group:
                votes[e.label] += e.weight
            text = doc[group[0].start : group[0].end].text
            if group[0].end - group[0].start == 1 and any(e.label != "PERSON" for e in group):
                place = next((gaz.get(e.kb) for e in group if e.kb), None)
                # "Dave Allen" ... "Allen"; a first name only when no place has it ("Karim Wasifi" ... "Karim")
                named = text in surnames or (place is None and text in first_names)
                cues = sum(self._person_cue(doc, e) for e in group)  # "Karim said", "his daughter Yulia"
                # "the Council said" stays a body, and so does "KHWU said"
                if (named or cues) and text.lower() not in ORG_HEAD_WORDS and acronym_letters(text) not in bodies:
                    if place is None or self._yields_to_person(place, named, cues):
                        for e in group:
                            e.label, e.kb, e.weight = "PERSON", "", MODEL_WEIGHT
                        continue
            if any(e.stated_place for e in group) and not any(e.kb for e in group):
                for e in group:  # no gazetteer reading to weigh against what the text says the name is
                    e.label = "GPE"
                continue
            if len(group) == 1 and group[0].weight == GAZ_WEIGHT:
                continue
            if text in surnames and not any(e.weight == GAZ_WEIGHT for e in group):
                votes["PERSON"] += len(group) + 1  # "Putin" after "Vladimir Putin"
            # a tie goes to a reading the gazetteer linked ("in Chipping Norton" linked, "Chipping Norton" alone a
            # "person"), then to a person
            linked = {e.label for e in group if e.kb}
            label = max(votes, key=lambda lab: (votes[lab], lab in linked, lab == "PERSON"))
            kb = next((e.kb for e in group if e.label == label and e.kb), "")
            for e in group:
                e.kb = e.kb if e.label == label and e.kb else kb
                e.label = label
        # Bare mentions the model missed of a name it found elsewhere ("Ignatius", "Putin").
        known = {doc[e.start : e.end].text: e for e in ents if e.end - e.start == 1 and e.label == "PERSON"}
        known = {_same_apostrophes(text): e for text, e in known.items()}
        for text in surnames:
            known.setdefault(text, SpanCandidate(0, 0, "PERSON"))
        if known:
            covered = covered_tokens(doc, ents)
            for tok in doc:
                word = _same_apostrophes(tok.text)  # "O'Brady" after "Tomas O’Brady"
                if not covered[tok.i] and word in known and (tok.pos_ == "PROPN" or _subject_mistagged(doc, tok)):
                    src = known[word]
                    ents.append(SpanCandidate(tok.i, tok.i + 1, "PERSON", src.kb, MODEL_WEIGHT))
        return ents

    @staticmethod
    def repeated_places(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        """Repeats the model missed of a place it found and the gazetteer linked elsewhere in the article
        ("Troops entered Nakusp ... NAKUSP - ... Nakusp is calm"): every capitalised occurrence not inside
        another name, written as the linked one or in capitals, is a mention of that place."""
        known: dict[str, SpanCandidate] = {}
        for e in ents:
            if e.kb and e.label in ("GPE", "LOC") and not e.kb.startswith(("org:", "norp:")):
                known.setdefault(doc[e.start : e.end].text, e)
        if not known:
            return ents
        capitals = {text.upper(): e for text, e in known.items() if len(text) > 3}
        longest = max(len(doc[e.start : e.end]) for e in known.values())
        covered = covered_tokens(doc, ents)
        added = []
        for i, tok in enumerate(doc):
            if covered[i] or not tok.text[:1].isupper() or (i and is_person_title(doc[i - 1])):
                continue
            for j in range(min(len(doc), i + longest), i, -1):
                span = doc[i:j]
                src = known.get(span.text) or (capitals.get(span.text) if span.text.isupper() else None)
                if src is None or any(covered[i:j]) or _glued_to_name(doc, i, j):
                    continue
                added.append(SpanCandidate(i, j, src.label, src.kb, src.weight))
                covered[i:j] = b"\x01" * (j - i)
                break
        return ents + added

    @staticmethod
    def _yields_to_person(place: Place, named: bool, cues: int) -> bool:
        """Whether a gazetteer place loses to person evidence (``cues``: see :meth:`_person_cue`):
        small towns to any, notable cities to a full name or strong cues, firm places never."""
        if place.kind in FIRM_PLACE_KINDS or "C" in place.flags:
            return False  # "Jordan", "Moscow said": countries, capitals, seas, orgs stay
        if place.kind == "admin1" or place.population >= BIG_CITY_POPULATION:
            return named  # "Nelson" after "Dewly Nelson"; "Texas says" alone stays a state
        if place.population >= NOTABLE_CITY_POPULATION:
            return named or cues >= 2  # "Liverpool said" (a club) stays; "Barry said ... Barry admitted"
        return True

    @staticmethod
    def _person_cue(doc: Doc, e: SpanCandidate) -> int:
        """How strongly the context makes a one-word name a person: 2 for a title or kin word before it
        ("his daughter Yulia"), a person's rival ("her election rival X") or an age after it ("Beryl, 81,"),
        1 for a verb of saying or telling ("Karim said", "told Karim"), else 0."""
        tok = doc[e.start]
        if e.start and (doc[e.start - 1].lower_.rstrip(".") in PERSON_CUE_WORDS or is_person_title(doc[e.start - 1])):
            return 2
        if _rival_of_a_person(doc, e.start):
            return 2
        nxt = doc[e.end : e.end + 3]
        if len(nxt) == 3 and nxt[0].text == "," and nxt[1].like_num and nxt[2].text == ",":
            return 2
        head = tok.head
        if tok.dep_ == "compound" and head.lower_ in LEADER_TERM_NOUNS:
            return 2  # "the Roe administration", "the Roe campaign": a leader's name
        if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in SAY_LEMMAS:
            return 1
        return int(tok.dep_ in ("dobj", "dative") and head.lemma_ in PERSON_OBJECT_LEMMAS)


def _rival_of_a_person(doc: Doc, start: int) -> bool:
    """ "her election rival X", "his Labour opponent X": the rival of someone "his" or "her" stands for is
    a person ("its rival X" is a firm's).  At most two words (a contest, a party) between them."""
    if start < 2 or doc[start - 1].lower_ not in PERSONAL_RIVAL_NOUNS:
        return False
    for tok in reversed(doc[max(0, start - 4) : start - 1]):
        if tok.lower_ in ("his", "her"):
            return True
        if not tok.is_alpha or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
    return False


def _settlement_of(doc: Doc, start: int) -> bool:
    """A name after "the <settlement noun> of" ("the village of X", "the encircled town of X") is that
    place.  Only words that describe the place may stand between "the" and the noun: "the home town of
    X" or "his town of X" belong to a person."""
    if start < 3 or doc[start - 1].lower_ != "of":
        return False
    noun = doc[start - 2]
    if not noun.is_lower or noun.lemma_ not in SETTLEMENT_NOUNS:
        return False
    i = start - 3
    while i > 0 and (doc[i].pos_ == "ADJ" or doc[i].tag_ == "VBN") and doc[i].is_lower:
        i -= 1
    return doc[i].lower_ == "the"


def _names_of_bodies(doc: Doc, ents: list[SpanCandidate]) -> Counter[str]:
    """How many times the article gives each name to an organisation, as typed before the place rules
    run, counting a longer name's first word too ("Pellmore Foods" ... "families at Pellmore": the firm)."""
    names: Counter[str] = Counter()
    for e in ents:
        if e.label == "ORG":
            names[doc[e.start : e.end].text] += 1
            if e.end - e.start > 1:
                names[doc[e.start].text] += 1
    return names


def _where_people_live(doc: Doc, e: SpanCandidate, bodies: Counter[str]) -> bool:
    """A name of one or two words right after "in", "at" or "near" that hangs on a lower-case noun of
    people living somewhere or of a crossing point ("residents in X", "families near X", "its border
    crossing at X") is a place: those nouns are never at a person, and at a body only through its
    head word ("staff at X Holdings", kept by the caller).  People are "at" a firm ("households at X"),
    so a name the model calls an organisation is a place after "at" only for a crossing or a checkpoint;
    never a possessive ("residents in X's street": X's street) nor a name the article gives a body
    elsewhere (``bodies``, from ``_names_of_bodies``)."""
    if e.start < 2 or e.end - e.start > 2 or doc[e.start - 1].lower_ not in ("in", "at", "near"):
        return False
    words = doc[e.start : e.end]
    if any(t.lower_ in GIVEN_NAMES or t.lower_ in ORG_HEAD_WORDS or not (t.is_title and t.is_alpha) for t in words):
        return False
    if e.end < len(doc) and doc[e.end].lower_ in ("'s", "’s", "'", "’"):
        return False
    if bodies[words.text] > (e.label == "ORG"):  # an organisation in another mention than this one
        return False
    prep = doc[e.start - 1]
    # the parser hangs the preposition on the noun or on the verb; the noun right before it counts too
    nouns = {prep.head, doc[e.start - 2]} if prep.head.i < prep.i else {doc[e.start - 2]}
    lemmas = {n.lemma_.lower() for n in nouns if n.is_lower or n.is_sent_start}
    if e.label == "ORG" and prep.lower_ == "at":
        lemmas &= CROSSING_NOUNS
    return bool(lemmas & DWELLER_NOUNS)


def _speaker_by_what_follows(doc: Doc, e: SpanCandidate) -> bool:
    """Whether what follows the name ``e`` makes it a person's: a verb of saying it is the subject of
    ("in the port city, X said") or an apposition naming a person ("X, his brother, said"; "X, a teacher,")."""
    root = doc[e.start : e.end].root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SAY_LEMMAS:
        return True
    if (
        e.end + 1 < len(doc)
        and doc[e.end].text == ","
        and doc[e.end + 1].pos_ in ("VERB", "AUX")
        and doc[e.end + 1].lemma_ in SAY_LEMMAS
    ):
        return True  # "in the port city, X, said": the parse lost the subject
    return person_in_apposition(doc, e.end, kin=True)  # "X, his brother, said"; "X, a teacher,"
