"""A learned second opinion on who spoke a direct quote: a logistic ranker over nearby mentions.

The rules (:mod:`newsgraph.nlp.quotes.component`, :mod:`newsgraph.nlp.quotes.attribution`) pick one
speaker per quote.  The ranker looks at that pick beside the other people and organisations the
reader could take for the speaker -- the subjects and named mentions of the quote's sentence and of
the sentences before and after it (outside quoted words), and the previous quote's speaker -- and
scores each candidate with a logistic model over cheap features of position, syntax, type and form
(:data:`FEATURES`).  A candidate replaces the rules' pick only for the kinds of pick the model's
``scope`` opens (:data:`SCOPES`) and only when it outscores the pick by the model's ``margin``.  The weights live in ``resources/speaker_ranker.json``, fitted on PolNeAR's training split
by ``scripts/train_speaker_ranker.py``; with no weights file the rules' pick stands.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ...model import Quote, Span
from ..knowledge.lexicon import PRONOUN_GENDER, PRONOUNS
from .attribution import Attributor
from .cues import is_cue

__all__ = ["FEATURES", "SCOPES", "Candidate", "candidates_for", "in_scope", "load_ranker", "may_overrule", "pick"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_RULE_HOWS = ("cue", "inherited", "neighbour", "subject", "lead", "signature", "colon", "none")
# A quote signed by a name ("“...” ― Name", "NAME: ...") names its speaker in so many words; such
# quotes are rare in news (none among the training quotes the weights were chosen on), so the model
# could only overrule them from what it learnt elsewhere -- it never does.
_SIGNED = ("rule_how_signature", "rule_how_colon")

FEATURES = (
    "is_rule",
    "rule_nobody",
    *(f"rule_how_{h}" for h in _RULE_HOWS),
    "sent_prev",
    "sent_same",
    "sent_next",
    "before_quote",
    "log_tokens",
    "cue_subject",
    "subject",
    "root_subject",
    "according",
    "type_person",
    "type_org",
    "type_other",
    "unresolved",
    "form_pronoun",
    "form_name",
    "form_nominal",
    "plural_pronoun",
    "gender_clash",
    "same_paragraph",
    "previous_speaker",
    "log_mentions",
)


@dataclass
class Candidate:
    """One possible speaker of a quote: an entity (None: an unresolved phrase) and how it is written."""

    entity: str | None
    span: Span | None
    features: dict[str, float] = field(default_factory=dict)


def _form(tok: Token) -> str:
    if tok.pos_ == "PRON" or tok.lower_ in PRONOUNS:
        return "pronoun"
    return "name" if tok.pos_ == "PROPN" else "nominal"


def candidates_for(
    att: Attributor,
    quote: Quote,
    how: str,
    previous: tuple[str | None, Span | None] | None,
    genders: dict[str, str | None],
    mentions: dict[str, int],
    paragraph_of,
) -> list[Candidate]:
    """The rules' pick (first) and the other speakers a reader could take for ``quote``.

    ``previous`` is the previous direct quote's (speaker, speaker as written); ``genders`` and
    ``mentions`` give each PERSON entity's guessed gender and each entity's mention count;
    ``paragraph_of(char)`` the index of the paragraph holding a character.
    """
    doc = att.doc
    first_s = att.sent_index(att.token_at(quote.start))
    last_s = att.sent_index(att.token_at(max(quote.start, quote.end - 1)))
    quote_para = paragraph_of(quote.start)
    types = att.entity_types
    found: dict[object, Candidate] = {}

    def features(tok: Token | None, entity: str | None, span: Span | None) -> dict[str, float]:
        f = dict.fromkeys(FEATURES, 0.0)
        if span is not None:
            s_i = att.sent_index(att.token_at(span.start))
            f["sent_prev"] = float(s_i < first_s)
            f["sent_same"] = float(first_s <= s_i <= last_s)
            f["sent_next"] = float(s_i > last_s)
            f["before_quote"] = float(span.end <= quote.start)
            gap = att.token_at(quote.start) - att.token_at(span.end) if span.end <= quote.start else (
                att.token_at(span.start) - att.token_at(quote.end))  # fmt: skip
            f["log_tokens"] = math.log1p(max(0, gap))
            f["same_paragraph"] = float(paragraph_of(span.start) == quote_para)
        if tok is not None:
            if tok.dep_ in _SUBJECT_DEPS:
                f["subject"] = 1.0
                f["cue_subject"] = float(is_cue(tok.head))
                f["root_subject"] = float(tok.head.dep_ == "ROOT")
            f["according"] = float(tok.dep_ == "pobj" and tok.head.head.lower_ in ("according", "per"))
            form = _form(tok)
            f["form_" + form] = 1.0
            pron = PRONOUNS.get(tok.lower_)
            f["plural_pronoun"] = float(pron is not None and pron.number == "pl")
            wanted = PRONOUN_GENDER.get(tok.lower_)
            have = genders.get(entity or "")
            f["gender_clash"] = float(wanted is not None and have is not None and wanted != have)
        kind = types.get(entity or "")
        f["type_person"] = float(kind == "PERSON")
        f["type_org"] = float(kind == "ORG")
        f["type_other"] = float(entity is not None and kind not in ("PERSON", "ORG"))
        f["unresolved"] = float(entity is None)
        f["log_mentions"] = math.log1p(mentions.get(entity or "", 0))
        f["previous_speaker"] = float(previous is not None and entity is not None and previous[0] == entity)
        return f

    def head_token(span: Span) -> Token:
        return doc[att.token_at(max(span.start, span.end - 1))]

    rule = Candidate(quote.speaker, quote.speaker_span)
    rule_tok = head_token(quote.speaker_span) if quote.speaker_span is not None else None
    rule.features = features(rule_tok, quote.speaker, quote.speaker_span)
    rule.features["is_rule"] = 1.0
    rule.features["rule_nobody"] = float(quote.speaker is None and quote.speaker_span is None)
    rule.features["rule_how_" + (how if how in _RULE_HOWS else "cue")] = 1.0
    key_rule = quote.speaker if quote.speaker is not None else _span_key(quote.speaker_span)
    found[key_rule] = rule

    def add(key, entity, span, tok) -> None:
        if key in found:
            return
        found[key] = Candidate(entity, span, features(tok, entity, span))

    lo, hi = max(0, first_s - 1), min(len(att.sents) - 1, last_s + 1)
    for s_i in range(lo, hi + 1):
        for tok in att.sents[s_i]:
            if att.in_quoted(tok.idx) or quote.start <= tok.idx < quote.end:
                continue
            is_subject = tok.dep_ in _SUBJECT_DEPS and tok.pos_ in ("PROPN", "PRON", "NOUN")
            entity = att.entity(tok.idx, tok.idx + len(tok))
            if not is_subject and (entity is None or types.get(entity) not in ("PERSON", "ORG")):
                continue
            if not is_subject and _told(tok):
                continue  # "..., accused tells Corrick court": the one told is no speaker
            if (
                not is_subject
                and tok.i + 1 < len(doc)
                and att.entity(doc[tok.i + 1].idx, doc[tok.i + 1].idx + 1) == entity
            ):
                continue  # a name's first words: its last word stands for it
            if is_subject:
                entity = att.speaker_from_token(tok)
                span = att.phrase_span(tok)
            else:
                span = att.mention_span(tok, entity)
            if entity is None and tok.pos_ == "PRON":
                continue  # "it", an unresolved pronoun: nobody to name
            add(entity if entity is not None else _span_key(span), entity, span, tok)
    if previous is not None and previous[0] is not None and previous[0] not in found:
        span = previous[1]
        add(previous[0], previous[0], span, head_token(span) if span is not None else None)
    return list(found.values())


def _told(tok: Token) -> bool:
    """Whether ``tok`` is a word of the object of a verb of saying ("tells Corrick court", "told the
    Dunmore Herald"): the listener of the words, never their speaker."""
    head = tok
    while head.dep_ in ("compound", "flat", "amod", "poss", "case") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("dobj", "dative", "iobj") and is_cue(head.head)


def _span_key(span: Span | None) -> tuple:
    return ("span", span.start, span.end) if span is not None else ("nobody",)


@lru_cache(maxsize=1)
def load_ranker() -> dict | None:
    """Intercept, weights and margin from the packaged resource; None when it is not there."""
    path = resources.files("newsgraph").joinpath("resources", "speaker_ranker.json")
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def score(model: dict, features: dict[str, float]) -> float:
    weights = model["weights"]
    return model["intercept"] + sum(weights.get(n, 0.0) * v for n, v in features.items())


# Which rules' picks the ranker may overrule, narrowest first: only a quote the rules give nobody,
# also one whose speaker came from no cue of its own (inherited, a neighbour, a subject), or any.
SCOPES = ("nobody", "uncued", "all")


def may_overrule(scope: str, nobody: bool, how: str) -> bool:
    """Whether the ranker may overrule a rules' pick found ``how`` (``nobody``: no speaker at all).

    Read before any candidate is built: most quotes have a cue of their own, and under the shipped
    scope their candidates would be built only to be set aside."""
    how = how if how in _RULE_HOWS else "cue"
    if "rule_how_" + how in _SIGNED:
        return False
    if scope == "nobody":
        return nobody
    if scope == "uncued":
        return nobody or how != "cue"
    return True


def in_scope(scope: str, rule: Candidate) -> bool:
    """:func:`may_overrule` for the rules' pick as a candidate (its ``rule_*`` features)."""
    how = next((h for h in _RULE_HOWS if rule.features.get("rule_how_" + h)), "cue")
    return may_overrule(scope, bool(rule.features.get("rule_nobody")), how)


def pick(model: dict, candidates: list[Candidate]) -> Candidate:
    """The best candidate when the model may overrule the rules' pick (``candidates[0]``) for this kind of
    pick (the model's ``scope``) and the candidate beats it by the model's ``margin``; else the rules' pick."""
    if not in_scope(model.get("scope", "all"), candidates[0]):
        return candidates[0]
    scores = [score(model, c.features) for c in candidates]
    best = max(range(len(candidates)), key=scores.__getitem__)
    if best != 0 and scores[best] - scores[0] >= model.get("margin", 0.0):
        return candidates[best]
    return candidates[0]
