"""How far to trust a coded event: a small logistic model over the evidence that produced it.

The evidence (:func:`evidence`) is what the coder knew when it wrote the row: which sides
name an actor and of what kind (a person; a place standing for its people), whether the
source is the subject or "by" agent (rather than a possessor or a modifier), whether it was
found through ``newsgraph_coref_v1`` (a pronoun or description standing for an entity named
in another sentence: "he resigned", "the governor called for calm"), whether the trigger is a verb or a noun, how
specific the dictionary row is and how ambiguous its lemma, the modality, whether the
event is material (ASSAULT, COERCE, ...) or verbal (REQUEST, ACCUSE, ...), and whether
the article repeats it.  The weights live in ``resources/event_confidence.json``; they
are fitted by ``scripts/train_event_confidence.py`` on the PLOVER gold sentences with
cross-validation (never on the real-news dev pages), see docs/events.md.  PLOVER's records
are single sentences that name their actors, so the coref feature is fitted on rewrites of
them: the training script names the subject in a sentence of its own and puts a pronoun in
its place ("Chile was there. It accused Peru of ..."), and keeps the events whose source the
coder then found through coref.

"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..knowledge.lexicon import FIRST_PERSON
from .actors import ActorIndex, aside_spans
from .candidate import Candidate
from .dictionary import EventDictionary

__all__ = [
    "FEATURES",
    "loose_actors",
    "SOURCE_FEATURES",
    "TARGET_FEATURES",
    "MATERIAL_TYPES",
    "ConfidenceModel",
    "evidence",
    "get_confidence_model",
    "source_by_coref",
    "speaker_own_side",
]

MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "AID", "RETREAT"})
FEATURES = (
    "source",  # the source names an actor
    "target",  # the target names an actor
    "both",  # both sides do
    "source_subject",  # the source is the trigger's (or its clause's) subject or "by" agent, or a passive's agent
    # read elsewhere (the chamber a vote happened in, the article's one police force: source_context)
    "noun_trigger",  # the trigger is an event noun, not a verb
    "asserted",  # the article asserts it (not negated, future, hypothetical, reported)
    "material",  # a material type (ASSAULT, COERCE, ...) rather than a verbal one
    "specific_row",  # the dictionary row that matched has conditions (an object, a particle, ...)
    "ambiguous_lemma",  # the lemma has other readings in the dictionary (other types or "not an event")
    "repeated",  # a later mention of the same event joined it
    "source_person",  # the source is a named person
    "target_place",  # the target is a place standing for its people, not an actor
    "source_coref",  # the source is a pronoun or description coref resolved ("he", "the minister"; not a quote's own "we")
    "loose_actor",  # the sentence names another actor that is on neither side (nor the speaker)
    "source_context",  # the source is the article's one police force or chamber, not in the trigger's syntax
    "source_modifier",  # an event noun's possessor or nationality is the source ("Syria's shelling", "the Ethiopian blockade")
)
# the features that say something of one side only: an event whose text names one side has them all 0
# for the other ("both" is 0 too); the training script's one-sided versions of PLOVER events rely on it
SOURCE_FEATURES = frozenset(
    {"source", "source_subject", "source_person", "source_coref", "source_context", "source_modifier"}
)
TARGET_FEATURES = frozenset({"target", "target_place"})


def _source_is_subject(head: Token | None) -> bool:
    """The source is the subject or a "by" agent (named or a pronoun), not a possessor or modifier."""
    if head is None:
        return False
    return head.dep_ in ("nsubj", "nsubjpass", "csubj") or head.dep_ == "pobj" and head.head.lower_ == "by"


_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def _source_is_modifier(trigger: Token, head: Token | None) -> bool:
    """The source is a possessor or a nationality or name modifying the event noun itself ("Syria's shelling of
    Homs", "the Ethiopian blockade"): the noun's own agent, as a subject is a verb's."""
    if head is None or trigger.pos_ in ("VERB", "AUX") or head.i >= trigger.i:
        return False
    return head.dep_ in _MODIFIER_DEPS and head.head.i == trigger.i


def source_by_coref(head: Token | None, actors: ActorIndex) -> bool:
    """The source phrase names no entity itself: a pronoun or a description coref resolved."""
    if head is None:
        return False
    return head.pos_ == "PRON" or head.i in actors.references and not actors.names_entity(head)


def speaker_own_side(c: Candidate) -> bool:
    """ "“We arrested four men,” the inspector said": a first-person source in a quote is its speaker's side,
    named by the attribution, so no antecedent was guessed (unlike "he" or "the ministry"); "we" may be the
    organisation the speaker is described as speaking for."""
    head = c.source_head
    return (
        head is not None
        and head.pos_ == "PRON"
        and head.lower_ in FIRST_PERSON
        and c.speaker is not None
        and (c.speaker in c.source or c.source_speaker_organisation)
    )


def loose_actors(c: Candidate, actors: ActorIndex) -> set[str]:
    """Actors the trigger's sentence names that the event leaves out: a side the coder may have missed.
    Where the text names only one side ("the minister resigned") there are none; nor is the source of an
    "according to" phrase or the cause in a "because of" phrase a side."""
    sent = c.tok.sent
    used = {*c.source, *c.target, c.speaker, c.location}
    used |= {actors.country_entity.get(actors.country(i) or "", i) for i in (*c.source, *c.target)}
    for start, end in aside_spans(sent):  # "according to an investigation by X", "because of X's rule": no party
        used |= actors.actors_in(start, end)
    for head in (c.source_head, c.target_head):  # "Labour Party leader X": the side's own affiliation, no party
        if head is not None and head.sent == sent:
            used |= actors.actors_in(head.left_edge.idx, head.idx)
    # a parse that runs a headline or caption into the next paragraph: only the trigger's paragraph counts
    start, end = sent.start_char, sent.end_char
    paragraph = actors.paragraph(c.tok.idx)
    if paragraph > 0:
        start = max(start, actors.paragraph_starts[paragraph - 1])
    if paragraph < len(actors.paragraph_starts):
        end = min(end, actors.paragraph_starts[paragraph])
    loose = {i for i in actors.actors_in(start, end) if i not in used}
    if not loose:
        return loose
    # "X announced a resignation and then persuaded the party to ...": the party is the other predicate's
    own = {i for start, end in _own_clause_ranges(c.tok) for i in actors.actors_in(start, end)}
    return loose & own


_VERBS = frozenset({"VERB", "AUX"})


def _own_clause_ranges(tok: Token) -> list[tuple[int, int]]:
    """Character ranges of the trigger's sentence without the clauses coordinated with the trigger's own ("... and
    then persuaded the party to ..."); the whole sentence when it has none."""
    sent = tok.sent
    cut: list[tuple[int, int]] = []
    for v in sent:
        if v.dep_ != "conj" or v.pos_ not in _VERBS or v.head.pos_ not in _VERBS:
            continue
        if v.left_edge.i <= tok.i <= v.right_edge.i:  # the trigger's clause is the conjunct: cut what precedes it
            head = v.head
            if not head.left_edge.i <= tok.i <= head.right_edge.i:
                continue
            subject = next((ch for ch in head.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
            lo = (subject.right_edge.i + 1) if subject is not None and subject.i < head.i else head.left_edge.i
            cut.append((lo, v.left_edge.i - 1))
        elif v.head.left_edge.i <= tok.i <= v.head.right_edge.i:
            cut.append((v.left_edge.i, v.right_edge.i))
    if not cut:
        return [(sent.start_char, sent.end_char)]
    ranges, start = [], sent.start
    for lo, hi in sorted(cut):
        if lo > start:
            ranges.append((sent.doc[start].idx, sent.doc[lo - 1].idx + len(sent.doc[lo - 1].text)))
        start = max(start, hi + 1)
    if start < sent.end:
        ranges.append((sent.doc[start].idx, sent.end_char))
    return ranges


def evidence(c: Candidate, actors: ActorIndex, dictionary: EventDictionary) -> dict[str, float]:
    """The feature values (0/1) of one merged candidate; names as in :data:`FEATURES`."""
    rows = dictionary.by_lemma.get(c.tok.lemma_.lower(), [])
    types = {r.type for r in rows}
    values = {
        "source": bool(c.source),
        "target": bool(c.target),
        "both": bool(c.source and c.target),
        # an agent named elsewhere for an agentless passive ("X was detained", the police two paragraphs up) fills
        # the passive's agent role and was found outside the sentence, as coref finds the "he" of "he resigned";
        # the chamber a passive vote happened in is its agent as a "by" phrase is ("was rejected in the Senate")
        "source_subject": bool(c.source)
        and (_source_is_subject(c.source_head) or c.source_context or c.source_chamber),
        "noun_trigger": c.tok.pos_ not in ("VERB", "AUX"),
        "asserted": c.modality == "asserted",
        "material": c.type in MATERIAL_TYPES,
        "specific_row": bool(c.entry is not None and c.entry.conditions),
        "ambiguous_lemma": len(types) > 1,
        "repeated": bool(c.mentions),
        "source_person": any(actors.type(i) == "PERSON" for i in c.source),
        "target_place": bool(c.target)
        and all(actors.type(i) in ("LOC", "FAC") or actors.kind(i) not in (None, "country") for i in c.target),
        "source_coref": bool(c.source)
        and (source_by_coref(c.source_head, actors) and not speaker_own_side(c) or c.source_context),
        "loose_actor": bool(loose_actors(c, actors)),
        "source_context": c.source_context,
        "source_modifier": bool(c.source) and _source_is_modifier(c.tok, c.source_head),
    }
    return {k: float(values[k]) for k in FEATURES}


@dataclass(frozen=True)
class ConfidenceModel:
    """``sigmoid(intercept + sum(weight * feature))``; features missing from ``weights`` weigh 0."""

    intercept: float
    weights: dict[str, float]

    def __call__(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return round(1.0 / (1.0 + math.exp(-z)), 3)


@lru_cache(maxsize=1)
def get_confidence_model() -> ConfidenceModel:
    raw = json.loads(resources.files("newsgraph.resources").joinpath("event_confidence.json").read_text("utf-8"))
    unknown = set(raw["weights"]) - set(FEATURES)
    if unknown:
        raise ValueError(f"event_confidence.json: unknown features {sorted(unknown)}")
    return ConfidenceModel(float(raw["intercept"]), {k: float(v) for k, v in raw["weights"].items()})
