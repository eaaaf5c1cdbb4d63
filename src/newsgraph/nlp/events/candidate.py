"""An event candidate: what the coder reads off one trigger, shared by the coder and the target search."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .dictionary import Entry

__all__ = ["Candidate"]


@dataclass
class Candidate:
    """One event reading of a trigger word, before candidates reporting the same event merge."""

    tok: Token
    type: str
    mode: str | None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    source_head: Token | None = None
    target_head: Token | None = None
    location: str | None = None
    date: str | None = None
    modality: str = "asserted"
    speaker: str | None = None
    mentions: list[Token] = field(default_factory=list)
    anaphoric: bool = False
    reduced_passive: bool = False  # "X accused of ..." (a headline), "Asked about it, X said": X is the patient
    family: str = ""
    entry: Entry | None = None  # the dictionary row that matched (None for a "said ... must" demand)
    # the source is the article's one organisation of the act's kind, not read off the trigger's syntax
    # ("X was detained" -> the police force the article names elsewhere; see nlp/events/context_actor.py)
    source_context: bool = False
    # the source is the chamber a passive vote happened in ("was rejected in the Senate"): the vote's agent
    source_chamber: bool = False
    # the source is the organisation the speaker speaks for, read as a quote's "we" ("“we arrested four men,”
    # the Harbour Police inspector said")
    source_speaker_organisation: bool = False
    deep_place: str | None = None  # a place inside the trigger's object or complement ("refused to deploy ... in Iraq")
