"""The actor a passive institutional act leaves unsaid, read from the article around it.

"Governor X was detained at the airport" names no arrester: the article names it elsewhere ("the arrest was
an operation of the national narcotics bureau", "the state police said ..."). "After X's
amendment was rejected, the Senate considered ..." names the chamber that voted, but not as the
verb's agent.  When the trigger is a passive verb with no agent, an arrest, detention, charge or
conviction is given the one law-enforcement or judicial organisation the subject of the clause
the passive hangs on, or failing that the trigger's sentence, or the article, names; a vote the one
chamber.  Two candidates of the kind name no one
(we cannot tell which acted).  The candidate says so (``Candidate.source_context``), and the
confidence model has a feature for it, so such a source weighs as what it is: an inference.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..knowledge.sectors import CHAMBER_NAME_WORDS, LAW_ENFORCEMENT_NAME_WORDS
from .actors import ActorIndex
from .candidate import Candidate

__all__ = ["context_source", "institution_words"]

_VOTES = frozenset({"REJECT", "SUPPORT"})
_LAW_LEMMAS = frozenset({"charge", "indict", "prosecute"})  # ACCUSE rows done by prosecutors and courts


def institution_words(c: Candidate) -> frozenset[str] | None:
    """The name words of the organisation that does this kind of act unsaid, or None for other acts."""
    if c.type == "COERCE" and c.mode == "arrest" or c.type == "SANCTION" and c.mode == "convict":
        return LAW_ENFORCEMENT_NAME_WORDS
    if c.type == "ACCUSE" and c.tok.lemma_.lower() in _LAW_LEMMAS:
        return LAW_ENFORCEMENT_NAME_WORDS
    if c.type in _VOTES:
        return CHAMBER_NAME_WORDS
    return None


def _agentless_passive(tok: Token) -> bool:
    """ "X was detained", "X, detained in Miami, ...": a passive participle without a "by" agent."""
    if tok.pos_ not in ("VERB", "AUX") or any(ch.dep_ == "agent" for ch in tok.children):
        return False
    return any(ch.dep_ in ("auxpass", "nsubjpass") for ch in tok.children) or tok.tag_ == "VBN" and tok.dep_ == "acl"


def _named(actors: ActorIndex, eids, words: frozenset[str]) -> set[str]:
    out = set()
    for eid in eids:
        ent = actors.entities.get(eid)
        if ent is None or ent.type != "ORG":
            continue
        if any(w in words for name in (ent.name, *ent.aliases) for w in name.lower().split()):
            out.add(eid)
    return out


def context_source(c: Candidate, actors: ActorIndex) -> str | None:
    """The organisation that did an agentless passive institutional act: the one of its kind in the
    trigger's sentence, or failing any there, the one in the article; None when there are none or several."""
    if c.source or c.reduced_passive and c.type not in _VOTES or not _agentless_passive(c.tok):
        return None
    words = institution_words(c)
    if words is None:
        return None
    sent = c.tok.sent
    # "After X's amendment was rejected, the Senate considered ...": the subject of the clause the passive
    # hangs on first, then the sentence, then the article
    governing = actors.subject_head(c.tok.head) if c.tok.dep_ in ("advcl", "conj") else None
    for eids in (
        actors.phrase_entities(governing),
        actors.actors_in(sent.start_char, sent.end_char),
        actors.entities,
    ):
        found = _named(actors, eids, words) - set(c.target)
        if found:
            return found.pop() if len(found) == 1 else None
    return None
