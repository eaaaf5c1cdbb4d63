"""``newsgraph_entities_v1``: correct and link the small model's named entities.

``en_core_web_sm`` finds most names but often gets the type of an unfamiliar one wrong
(Kherson and Zaporizhzhia come out as PERSON, Kaliningrad as FAC or PRODUCT) and
never links anything.  This component, run after the model's NER:

1. matches notable gazetteer names (countries, admin1, cities >= 50k and capitals,
   seas, features, organisations, nationalities, weapon systems) in the text and lets
   them override a conflicting model label, unless the model's span is a longer name
   ("Georgia Smith", "Washington Post" when it is not in the gazetteer);
2. trims model spans to the bare name (no "the", no possessive "'s", no titles:
   "Russian President Vladimir Putin" -> NORP "Russian" + PERSON "Vladimir Putin")
   and drops junk (pronouns, digits, lowercase words), then applies the organisation rules
   (:mod:`~newsgraph.nlp.entities.organisations`: copyright lines and teasers, acronyms spelled
   out in lower case, meetings, headings, names used as places, a branch's place after a company);
3. links model GPE/LOC/FAC/ORG/NORP spans by exact lookup, then by fuzzy lookup for
   OCR damage, and turns unlabelled capitalised sequences that fuzzily match a
   gazetteer feature into entities ("Suwatki Gap" -> LOC, linked to the Suwałki Gap),
   never changing the text;
4. gives one name one type per article (a weighted vote; gazetteer-linked mentions
   count double) and propagates a person's surname to its bare mentions; last, a firm's
   short name that is a town's ("Stockport said" after "Stockport Foods") is the firm
   where only a firm fits.

Matching is our own n-gram lookup on normalised text rather than a PhraseMatcher over
~20k patterns: the lookup keys are already in the gazetteer (no pattern docs to build,
so the first call costs ~1 s less), it is accent-insensitive ("Suwalki" finds
"Suwałki"), and it only starts at capitalised tokens, so it costs a few microseconds
per token.  Everything heavy (the gazetteer, the key table) loads on the first call.

The component class and its ``__call__`` are here; it holds a
:class:`~newsgraph.nlp.entities.matching.GazetteerMatcher` (gazetteer matching and linking,
steps 1 and 3) and a :class:`~newsgraph.nlp.entities.rules.TypeRules` (trimming and type
rules, steps 2 and 4).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..knowledge.gazetteer import NOTABLE_CITY_POPULATION, get_gazetteer
from ..knowledge.lexicon import SIGNATURE_DASHES
from .matching import LINKABLE, GazetteerMatcher, SpanCandidate, covered_tokens
from .organisations import OrganisationRules
from .rules import TypeRules

__all__ = ["EntityCorrector", "NUMERIC_LABELS"]

NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "PERCENT", "ORDINAL"})


def _join_split_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Two PERSON spans back to back ("[Acme Golf] [Links Ferry Point]") are one name the model cut in
    two: one span, typed again by trimming (a place when its last word says so)."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.end == span.start and prev.label_ == span.label_ == "PERSON":
            out[-1] = Span(doc, prev.start, span.end, label="PERSON")
        else:
            out.append(span)
    return out


def _join_hyphenated_names(doc: Doc, ents: list[SpanCandidate]) -> None:
    """ "Seo Yun-ha": the model often stops a person's name at a hyphen inside its last word, before "Yun"
    or after it.  The pieces glued to the name by the hyphen (no space on either side) join it, when no
    other name holds them.  A lower-case word after the name ("Dorrin re-opened") is no piece of it."""
    covered = covered_tokens(doc, ents)
    for e in ents:
        end = e.end
        if e.label != "PERSON" or end >= len(doc) or covered[end]:
            continue
        if end + 2 < len(doc) and doc[end].is_title and _glued_hyphen(doc, end + 1) and not any(covered[end : end + 3]):
            e.end = end + 3  # "Seo" + "Yun-ha"
        elif end + 1 < len(doc) and doc[end - 1].is_title and _glued_hyphen(doc, end) and not covered[end + 1]:
            e.end = end + 2  # "Seo Yun" + "-ha"
        elif end - e.start >= 2 and doc[end - 1].text == "-" and _glued_hyphen(doc, end - 1):
            e.end = end + 1  # "Seo Yun-" + "ha": trimming took the lower-case end for a word of its own
        covered[end : e.end] = b"\x01" * (e.end - end)


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen with a word glued on both sides ("Yun-ha")."""
    return (
        i + 1 < len(doc)
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i - 1].is_alpha
        and doc[i + 1].is_alpha
    )


SIGNER_MAX_WORDS = 3


def _signers_of_quotations(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
    """ "“...”\n\n— Jane Roe, Outlet": the model often tags nothing in a signature line; the two or three
    capitalised words after a dash that follows a closing quotation mark, up to a comma or the line's
    end, are the signer's name (added, or retyped where the model called them an organisation)."""
    covered = {i for e in ents for i in range(e.start, e.end)}
    by_start = {e.start: e for e in ents}
    added = []
    for t in doc:
        if t.text not in SIGNATURE_DASHES:
            continue
        before = next((b for b in reversed(doc[: t.i]) if not b.is_space), None)
        if before is None or not before.is_quote or before.text in ("“", "‘"):
            continue
        end = t.i + 1
        while end < len(doc) and end - t.i <= SIGNER_MAX_WORDS and doc[end].is_title and doc[end].is_alpha:
            end += 1
        closed = end == len(doc) or doc[end].text == "," or "\n" in doc[end - 1].whitespace_ + doc[end].text
        if not (2 <= end - t.i - 1 <= SIGNER_MAX_WORDS and closed):
            continue
        tagged = by_start.get(t.i + 1)
        if tagged is not None and tagged.end == end and not tagged.kb:
            tagged.label = "PERSON"  # the model's organisation: the signer's name
        elif not covered & set(range(t.i + 1, end)):
            added.append(SpanCandidate(t.i + 1, end, "PERSON"))
    return ents + added if added else ents


class EntityCorrector:
    """The ``newsgraph_entities_v1`` component (see the module docstring)."""

    def __init__(self, min_city_population: int = NOTABLE_CITY_POPULATION, fuzzy_min_score: float = 88,
                 fuzzy_single_min_score: float = 90, weapons: bool = True):  # fmt: skip
        self.matcher = GazetteerMatcher(min_city_population, fuzzy_min_score, fuzzy_single_min_score, weapons)
        self.rules = TypeRules()
        self.organisations = OrganisationRules()

    # -- the component --------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        keys = self.matcher.keys()
        gaz = get_gazetteer()
        numeric = [e for e in doc.ents if e.label_ in NUMERIC_LABELS]
        ents: list[SpanCandidate] = []
        for ent in _join_split_names(doc, [e for e in doc.ents if e.label_ not in NUMERIC_LABELS]):
            ents.extend(self.rules.trim(doc, ent, keys))
        ents = self.matcher.merge_matches(doc, ents, self.matcher.matches(doc))
        ents = self.organisations.apply(doc, _signers_of_quotations(doc, ents))
        ents = self.rules.compound_nationalities(doc, ents, gaz, keys)
        ents = self.rules.town_before_region(doc, ents, gaz)
        for e in ents:
            if not e.kb and e.label in LINKABLE:
                self.matcher.link(doc, e, gaz)
        self.rules.coordinated_places(doc, ents, gaz)
        self.rules.places_after_prepositions(doc, ents, gaz)
        ents += self.matcher.fuzzy_unlabelled(doc, ents, gaz)
        ents = self.rules.common_nouns_opening_sentences(doc, ents)
        self.rules.places_in_apposition(doc, ents)
        self.rules.streets_by_first_word(doc, ents)
        ents = self.rules.one_name_one_type(doc, ents)
        _join_hyphenated_names(doc, ents)
        ents = self.rules.repeated_places(doc, ents)
        ents = self.organisations.short_names_of_firms(doc, ents)
        self._set_ents(doc, ents, numeric)
        return doc

    # -- output --------------------------------------------------------------------------

    @staticmethod
    def _set_ents(doc: Doc, ents: list[SpanCandidate], numeric: list[Span]) -> None:
        taken = bytearray(len(doc))
        spans = []
        # Names first (gazetteer-linked, then longer), numeric model spans fill what is left.
        for e in sorted(ents, key=lambda e: (-e.weight, -(e.end - e.start), e.start)):
            if e.end > e.start and not any(taken[e.start : e.end]):
                taken[e.start : e.end] = b"\x01" * (e.end - e.start)
                spans.append(Span(doc, e.start, e.end, label=e.label, kb_id=e.kb or ""))
        for s in numeric:
            if not any(taken[s.start : s.end]):
                taken[s.start : s.end] = b"\x01" * (s.end - s.start)
                spans.append(s)
        doc.ents = sorted(spans, key=lambda s: s.start)


@Language.factory(
    "newsgraph_entities_v1",
    requires=["doc.ents", "token.tag"],
    assigns=["doc.ents"],
    default_config={
        "min_city_population": NOTABLE_CITY_POPULATION,
        "fuzzy_min_score": 88.0,
        "fuzzy_single_min_score": 90.0,
        "weapons": True,
    },  # fmt: skip
)
def make_entities(nlp: Language, name: str, min_city_population: int, fuzzy_min_score: float,
                  fuzzy_single_min_score: float, weapons: bool) -> EntityCorrector:  # fmt: skip
    return EntityCorrector(min_city_population, fuzzy_min_score, fuzzy_single_min_score, weapons)
