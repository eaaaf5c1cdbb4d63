"""How far to trust a quote and its speaker: a small logistic model over the evidence that found it.

The evidence is what the extractor knows when it makes the quote: its kind, how strong its cue is
("said" and "according to" against "warned" or a verb of thinking), how its speaker was found (a
name as the cue's subject, a pronoun through coreference, a description, inherited from the quote
before, a signature, nobody), the speaker's type (person, organisation, other), the form of reported
content (a finite clause after "that", a clause without it, an object phrase) and the quote's length.
A quote whose speaker phrase resolves to no entity tells two kinds apart (from the phrase's head
noun, :func:`newsgraph.nlp.quotes.attribution.unnamed_source_form`): an anonymous or collective
source ("officials said", "a spokesman for the port said", "critics say"), which *is* the speaker
as written (PolNeAR and the real-news gold both count it right), and someone in particular we
failed to resolve ("the former mayor said", "she said", a name with no entity).  Every quote without
a speaker entity but an anonymous source's statement (not its belief: "residents fear") is capped
below the display threshold (:data:`NO_SPEAKER_CAP`): PolNeAR credits "the former mayor" as written,
but a reader asks who, and the real-news gold names the person (docs/accuracy.md, "Quote
calibration (this round)").  The weights live in
``resources/quote_confidence.json``, fitted on PolNeAR's training split by
``scripts/train_quote_confidence.py`` (a quote is right when it overlaps a gold attribution's
content and its speaker overlaps the gold Source); ``make train`` reproduces them.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from ...model import Quote
from ..knowledge.lexicon import PRONOUNS
from .cues import BELIEF_LEMMAS, EVALUATION_LEMMAS

__all__ = ["FEATURES", "NO_SPEAKER_CAP", "quote_evidence", "quote_confidence", "load_weights"]

# The strongest cues of attribution in news writing.
_PLAIN_CUES = frozenset({"say", "tell", "accord", "according", "add", "write", "state", "announce", "declare"})
# Cues that report a remark, a question or a concession rather than a statement.
_SOFT_CUES = frozenset(
    """note suggest ask claim admit allege mention describe indicate acknowledge hint question speculate
    recall point observe remark concede estimate""".split()
)
_WEAK_CUES = BELIEF_LEMMAS | EVALUATION_LEMMAS
# No speaker a reader can use, no fact worth showing: below newsgraph.MIN_CONFIDENCE (0.5) whatever
# the words (an anonymous source excepted: the phrase is who spoke).
NO_SPEAKER_CAP = 0.3

FEATURES = (
    "kind_direct",
    "kind_block",
    "kind_partial",
    "cue_plain",
    "cue_soft",
    "cue_weak",
    "cue_none",
    "content_that",
    "content_clause",
    "content_object",
    "found_inherited",
    "found_neighbour",
    "found_signature",
    "speaker_none",
    "speaker_pronoun",
    "speaker_description",
    "speaker_org",
    "speaker_other_type",
    "unnamed_anonymous",
    "unnamed_particular",
    "log_words",
)


def quote_evidence(
    quote: Quote,
    how: str,
    speaker_type: str | None,
    cue_lemma: str | None,
    content: str | None = None,
    unnamed: str | None = None,
) -> dict[str, float]:
    """The features of one quote, each 0/1 except ``log_words``.

    ``content`` is the form of an indirect quote's words: "that" (a finite clause after "that"),
    "clause" (a finite clause without it) or "object" (a noun phrase: "noted the risk"); None otherwise.
    ``unnamed`` is what the speaker phrase of a quote without a speaker entity points at: "anonymous"
    ("officials"), "particular" ("the former mayor", "she") or None (a thing, or no phrase).
    """
    written = quote.speaker_span.text.strip() if quote.speaker_span else ""
    first = written.split()[0].lower() if written else ""
    pronoun = first in PRONOUNS or first in ("who", "which")
    return {
        "kind_direct": float(quote.kind == "direct"),
        "kind_block": float(quote.kind == "block"),
        "kind_partial": float(quote.kind == "partial"),
        "cue_plain": float(cue_lemma in _PLAIN_CUES),
        "cue_soft": float(cue_lemma in _SOFT_CUES),
        "cue_weak": float(cue_lemma in _WEAK_CUES),
        "cue_none": float(quote.cue is None),
        "content_that": float(content == "that"),
        "content_clause": float(content == "clause"),
        "content_object": float(content == "object"),
        "found_inherited": float(how == "inherited"),
        "found_neighbour": float(how == "neighbour"),
        "found_signature": float(how in ("signature", "colon")),
        "speaker_none": float(quote.speaker is None),
        "speaker_pronoun": float(quote.speaker is not None and pronoun),
        "speaker_description": float(quote.speaker is not None and not pronoun and written[:1].islower()),
        "speaker_org": float(quote.speaker is not None and speaker_type == "ORG"),
        "speaker_other_type": float(quote.speaker is not None and speaker_type not in (None, "PERSON", "ORG")),
        "unnamed_anonymous": float(quote.speaker is None and unnamed == "anonymous"),
        "unnamed_particular": float(quote.speaker is None and unnamed == "particular"),
        "log_words": math.log1p(len(quote.text.split())),
    }


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    """Intercept and one weight per feature, from the packaged resource."""
    data = resources.files("newsgraph").joinpath("resources", "quote_confidence.json").read_text(encoding="utf-8")
    return json.loads(data)["weights"]


def quote_confidence(evidence: dict[str, float]) -> float:
    """The model's probability that the quote and its speaker are right (capped when nobody speaks)."""
    weights = load_weights()
    z = weights.get("intercept", 0.0) + sum(weights.get(name, 0.0) * value for name, value in evidence.items())
    z += weights.get("prior_" + _kind_of(evidence), 0.0)
    p = 1.0 / (1.0 + math.exp(-z))
    if evidence.get("speaker_none") and not _anonymous_statement(evidence):
        p = min(p, NO_SPEAKER_CAP)
    return round(p, 3)


def _anonymous_statement(evidence: dict[str, float]) -> bool:
    """An anonymous source's statement ("officials said"), not its belief or finding ("residents fear",
    "officers found"): PolNeAR annotates those as attributions, the real-news gold as no quote."""
    return bool(evidence.get("unnamed_anonymous")) and not evidence.get("cue_weak")


def _kind_of(evidence: dict[str, float]) -> str:
    for kind in ("direct", "block", "partial"):
        if evidence.get("kind_" + kind):
            return kind
    return "indirect"
