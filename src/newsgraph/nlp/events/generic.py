"""Generic verbs of giving and doing read as an agreement or a cooperation (issue 11, event calibration).

"offer", "propose", "undertake" and "work" are PLOVER AGREE or COOPERATE triggers in political news ("offered
a ceasefire to the rebels", "proposed talks with the union", "undertook to withdraw", "worked with Chile"),
but most of their uses in other news are no commitment to anyone: "offered an explanation", "proposed a
date", "the measures undertaken by the board", "is working with consultants to fix it".  The PLOVER
records name the counterpart or the commitment almost every time, so the event confidence model cannot
learn the difference; the coder keeps such a reading only when

- the verb promises an act ("offered to mediate", "undertook to withdraw": an infinitive complement;
  not for "work", whose "working to fix it" is a purpose), or
- what is offered or proposed is a political commitment or a meeting (:data:`COMMITMENT_NOUNS`, or a noun
  one of them modifies: "a peace plan"), or a plan, solution, initiative or support offered by a state,
  a government, an armed force or an intergovernmental body (:data:`POLITICAL_OFFER_NOUNS`: "Norway proposed
  a plan to end the fighting", "Germany offered its support"; a company's plan stays business), or
- a counterpart is named in a "to"/"with" phrase or as the indirect object ("offered troops to Y",
  "worked with Y", "offered Y talks"): an entity, or a group the sector lookup knows ("with the police").

Information given ("provided information", an AID or COOPERATE row, or AGREE when promised) likewise needs a named counterpart:
told to no one, it is news, not aid.  Other types with that object ("demanded information from Y") are
left alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from .actors import ActorIndex
from .candidate import Candidate
from .dictionary import Match

__all__ = [
    "COMMITMENT_NOUNS",
    "GENERIC_COMMITMENT_VERBS",
    "POLITICAL_OFFER_NOUNS",
    "TOLD_NOUNS",
    "generic_without_commitment",
]

GENERIC_COMMITMENT_VERBS = frozenset({"offer", "propose", "undertake", "work"})
_GENERIC_TYPES = frozenset({"AGREE", "COOPERATE"})
# what one side offers another in PLOVER's AGREE and COOPERATE (manual: "offer, promise, agree to ... talks,
# a ceasefire, aid, concessions, mediation"), and a meeting or joint body proposed to others ("proposed a
# summit"); not plans, dates, explanations or endorsements in general
COMMITMENT_NOUNS = frozenset(
    """talk talks negotiation negotiations dialogue ceasefire cease-fire truce armistice peace aid assistance help
    troop troops concession compromise deal agreement accord pact treaty amnesty asylum protection loan credit
    mediation cooperation partnership alliance guarantee guarantees exchange swap withdrawal settlement
    reconciliation normalization normalisation recognition
    meeting summit conference round visit commission""".split()
)
# what a political actor offers or proposes in PLOVER's AGREE and SUPPORT senses (manual: a plan or proposal
# to settle a dispute, an initiative, support or backing given to another side); from anyone else ("the
# company proposed a plan") it is no political commitment
POLITICAL_OFFER_NOUNS = frozenset("plan solution proposal initiative support backing".split())
_POLITICAL_SECTORS = frozenset({"government", "military", "igo"})
# what is told rather than given: an AID row's "provided information" is aid only to a named side ("provided
# information to Peru"); "the inspector will provide more information" tells the public
TOLD_NOUNS = frozenset({"information"})
# giving information (AID, COOPERATE; AGREE once a promise recodes it: "will provide information"); a demand
# for it is another matter
_TOLD_TYPES = frozenset({"AID", "AGREE", "COOPERATE"})
_COUNTERPART_PREPS = frozenset({"to", "with", "alongside"})
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})


def generic_without_commitment(c: Candidate, match: Match, actors: ActorIndex) -> bool:
    """Whether ``c`` is an AGREE or COOPERATE read off a generic verb that neither promises an act, nor offers a
    commitment, nor names a counterpart, or information given to no one named: no event."""
    tok = c.tok
    lemma = tok.lemma_.lower()
    if c.type in _TOLD_TYPES and match.object is not None and match.object.lemma_.lower() in TOLD_NOUNS:
        return not _counterpart_named(c, actors)  # "will provide more information": telling, not aid
    if c.type not in _GENERIC_TYPES or lemma not in GENERIC_COMMITMENT_VERBS or tok.pos_ not in ("VERB", "AUX"):
        return False
    if lemma != "work" and any(ch.dep_ == "xcomp" and ch.pos_ in ("VERB", "AUX") for ch in tok.children):
        return False  # "offered to mediate": a promise
    offered = _offered(tok)
    if any(_names_commitment(o) for o in offered):
        return False
    if any(o.lemma_.lower() in POLITICAL_OFFER_NOUNS for o in offered) and _political_source(c, actors):
        return False  # "Norway proposed a plan to end the fighting"
    return not _counterpart_named(c, actors)


def _offered(tok: Token) -> list[Token]:
    """What the verb offers, proposes or undertakes: its object, a passive's subject, or the noun a reduced
    relative hangs on ("the measures undertaken by X"), with their conjuncts."""
    out = [ch for ch in tok.children if ch.dep_ in _OBJECT_DEPS]
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        out.append(tok.head)
    return out + [cc for o in out for cc in o.conjuncts]


def _names_commitment(noun: Token) -> bool:
    words = [noun, *(ch for ch in noun.children if ch.dep_ in ("compound", "amod", "nmod"))]
    return any(w.lemma_.lower() in COMMITMENT_NOUNS or w.lower_ in COMMITMENT_NOUNS for w in words)


def _political_source(c: Candidate, actors: ActorIndex) -> bool:
    """Whether the event's source is a state, a government, an armed force or an intergovernmental body."""
    return any(
        actors.kind(eid) == "country" or actors.sector(c.source_head, eid) in _POLITICAL_SECTORS for eid in c.source
    )


def _counterpart_named(c: Candidate, actors: ActorIndex) -> bool:
    """A "to"/"with" phrase on the verb or on its object, or an indirect object, that names an actor."""
    holders = [c.tok, *_offered(c.tok)]
    for holder in holders:
        for ch in holder.children:
            if ch.dep_ == "dative" and ch.pos_ in ("NOUN", "PROPN", "PRON"):
                phrases = [ch]
            elif ch.dep_ in ("prep", "dative") and ch.lower_ in _COUNTERPART_PREPS:
                phrases = [g for g in ch.children if g.dep_ == "pobj"]
            else:
                continue
            for head in phrases:
                if actors.phrase_entities(head) or actors.sector(head, None) is not None:
                    return True
    return False
