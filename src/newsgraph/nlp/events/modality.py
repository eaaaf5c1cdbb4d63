"""Event modality: did the article assert that the event happened?

Values, checked in this order (the first that applies wins):

- ``negated``: "did not attack", "never attacked", "no talks were held"
- ``hypothetical``: "could attack", "would", "might", "if ... were to", "must/should"
- ``attempted``: "attempting to ban", "tried to", "sought to", "an attempt to"
- ``future``: "will meet", "plans to", "is due to", "is scheduled to", "is to"
- ``reported``: the trigger lies inside a quote of ``doc._.ng_quotes`` (the claim is
  the quote's speaker's), or under a reporting verb whose subject is someone else
  ("X praised Ukraine's ability to hit ...")
- ``asserted``: everything else

Only the trigger and its chain of governing verbs (xcomp, "by"+gerund, to-infinitive
acl/advcl) are read: a handful of tokens per event.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from ...model import Paragraph, Quote
from ..quote_marks import CLOSE_MARKS, OPEN_MARKS, STRAIGHT, pair_quote_marks

__all__ = ["MODALITIES", "QuoteIndex", "governors", "modality_of", "recode", "reporting_governor"]

MODALITIES = ("asserted", "negated", "hypothetical", "attempted", "future", "reported")

_HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "must", "ought", "'d", "can", "ca"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_ATTEMPT = frozenset({"attempt", "try", "seek", "endeavor", "endeavour", "strive", "bid", "effort", "struggle"})
_FUTURE_GOV = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "due",
        "schedule",
        "set",
        "prepare",
        "aim",
        "go",
        "decide",
        "hope",
        "want",
        "wish",
        "propose",
        "mean",
        "ready",
        "willing",
        "prepared",
        "determined",
        "commit",
        "committed",
        "resolve",
    }
)
_HYPO_GOV = frozenset({"need", "have", "likely", "unlikely", "possible"})
_PLANNED = frozenset({"planned", "proposed", "upcoming", "scheduled", "expected", "forthcoming", "intended"})
_NEG_WORDS = frozenset({"not", "n't", "never", "no", "without", "neither", "nor"})
_NOBODY = frozenset({"nobody", "nothing", "noone", "none"})
_NEG_GOV = frozenset({"fail", "refrain", "avoid", "stop", "cease", "abandon", "deny", "decline"})
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
REPORTING_LEMMAS = frozenset(
    """say tell state write add insist claim argue note acknowledge admit announce report reply respond
    remark observe comment confirm predict maintain contend emphasize emphasise reiterate stress boast
    allege testify tweet suggest believe think assert explain praise describe reveal disclose recall
    hint indicate signal mention estimate speculate""".split()
)
_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+[“\"]?[A-Z]")
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "dobj", "advcl", "acl", "pcomp", "pobj", "prep"})
_CHAIN_DEPS = frozenset({"xcomp", "pcomp", "acl", "advcl", "prep", "auxpass", "amod"})


class QuoteIndex:
    """Find the innermost quote containing a character offset."""

    def __init__(self, quotes: list[Quote] | None, text: str = "", paragraphs: list[Paragraph] | None = None):
        self.text = text
        self.quotes = sorted(quotes or [], key=lambda q: (q.start, -q.end))
        self.starts = [q.start for q in self.quotes]
        # the quoted passages, as the quotes component pairs the marks (a quote over several paragraphs
        # reopens each with a mark and is one passage)
        self.passages = pair_quote_marks(text, paragraphs or []) if text else []

    def at(self, start: int, end: int, sent_start: int = 0) -> Quote | None:
        """The innermost quote around ``[start, end)``; an indirect quote counts only in its own sentence."""
        i = bisect.bisect_right(self.starts, start)
        best = None
        for q in self.quotes[max(0, i - 40) : i]:
            if q.kind == "indirect" and self.text and _SENTENCE_END.search(self.text, q.start, start):
                continue  # its content clause ran past the sentence end: a parse slip, not the claim
            if q.start <= start and end <= q.end and (best is None or q.end - q.start < best.end - best.start):
                if q.kind == "direct" and self._between_parts(q, start):
                    continue
                best = q
        return best

    def _between_parts(self, quote: Quote, start: int) -> bool:
        """A direct quote in two parts holds its attribution ('"...," said X, who ordered Y. "..."'): an
        offset inside the quote's extent but in no quoted passage from its opening mark on is the
        reporter's words, not the speaker's."""
        opening = next((i for i in (quote.start, quote.start - 1) if i >= 0 and self.text[i : i + 1] in _MARKS), None)
        if opening is None:
            return False
        return not any(open_ >= opening and open_ < start < close for open_, close in self.passages)


def governors(tok: Token, limit: int = 5) -> list[Token]:
    """The trigger's governing words: xcomp/acl/advcl heads, through "by"+gerund and "to" preps."""
    out: list[Token] = []
    cur = tok
    for _ in range(limit):
        if cur.dep_ not in _CHAIN_DEPS or cur.head == cur:
            break
        if cur.dep_ == "advcl" and not any(c.lower_ == "to" and c.dep_ == "aux" for c in cur.children):
            break  # a finite adverbial clause has its own assertion status
        cur = cur.head
        out.append(cur)
    return out


def _has_neg(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "preconj") and c.lower_ in _NEG_WORDS):
            return True
    return False


def _aux_lemmas(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def reporting_governor(tok: Token) -> Token | None:
    """The reporting verb whose content holds this trigger ("X praised Ukraine's ability to hit ...")."""
    cur = tok
    for _ in range(6):
        if cur.head == cur:
            return None
        below, dep, cur = cur, cur.dep_, cur.head
        if dep == "relcl":
            return None
        if dep == "prep" and below.lower_ == "by":
            return None  # "responded by closing the border": the means of an act, not words reported
        if cur.pos_ == "VERB" and cur.lemma_.lower() in REPORTING_LEMMAS and dep in _REPORTED_DEPS:
            return cur
    return None


def modality_of(
    doc: Doc, tok: Token, quotes: QuoteIndex, speaker_of=None, actors: frozenset[str] = frozenset()
) -> tuple[str, str | None]:
    """``(modality, speaker)`` for the event triggered by ``tok``; ``actors``: the event's own source, whose
    announcement of its own act does the act ("X announced her resignation" is asserted; "after denying the rumours, X announced ..." stays X's claim)."""
    chain = [tok, *governors(tok)]
    # "never robbed or killed anyone", "could attack or invade": a conjoined verb without a subject of
    # its own shares the first verb's negation and auxiliaries
    first = tok
    # ... but a first verb that negates by its meaning ("denied the charge and expelled the envoy") does not
    # negate its conjunct, whose act is told as done
    conjunct_heads: set[int] = set()
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
            break
        first = first.head
        chain.append(first)
        conjunct_heads.add(first.i)
    # noun triggers: the verb they depend on sets the tense ("will hold talks", "no talks")
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and tok.head != tok:
        chain.append(tok.head)
    for t in chain:
        if _has_neg(t) or t.lemma_.lower() in _NEG_GOV and t != tok and t.i not in conjunct_heads:
            return "negated", None
    if any(c.dep_ == "dobj" and (c.lemma_.lower() in _NOBODY or _has_neg(c)) for c in tok.children):
        return "negated", None  # "killed nobody", "attacked no one"
    for t in chain:
        aux = _aux_lemmas(t)
        if aux & _HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in t.children):
            return "hypothetical", None
        if t != tok and t.lemma_.lower() in _HYPO_GOV:
            return "hypothetical", None
    for t in chain[1:]:
        if t.lemma_.lower() in _ATTEMPT:
            return "attempted", None
    if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in ("attempted", "failed") for c in tok.children):
        return "attempted", None
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in _PLANNED:
            return "future", None
        if c.dep_ in ("amod", "compound") and c.lower_ in ("possible", "potential", "hypothetical"):
            return "hypothetical", None
    for t in chain:
        aux = _aux_lemmas(t)
        if aux & _FUTURE_AUX:
            return "future", None
        if t != tok and t.lemma_.lower() in _FUTURE_GOV and (t.lemma_ != "go" or t.tag_ == "VBG"):
            return "future", None
        # "is to visit": be + to-infinitive
        if t == tok and tok.dep_ == "xcomp" and tok.head.lemma_ == "be":
            return "future", None
    q = quotes.at(tok.idx, tok.idx + len(tok.text), tok.sent.start_char)
    if q is not None:
        return "reported", q.speaker
    if speaker_of is not None:
        gov = reporting_governor(tok)
        if gov is not None:
            speaker = speaker_of(gov)
            # "X announced a resignation": the noun X announces is X's own act, done by announcing it
            own = speaker in actors and tok.dep_ == "dobj" and tok.head == gov and tok.pos_ in ("NOUN", "PROPN")
            if speaker and not own:
                return "reported", speaker
    return "asserted", None


_FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_YIELDING = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
_THREAT_MODES = {
    "SANCTION": "relations",
    "COERCE": "restrict",
    "ASSAULT": "violence",
    "MOBILIZE": "violence",
    "PROTEST": "restrict",
}


def recode(type_: str, mode: str | None, modality: str, tok: Token) -> tuple[str, str | None]:
    """PLOVER codes an announced intention as its own type, not as "event + future" (manual: AGREE, THREATEN).

    Promised cooperation is AGREE, a promised retreat CONCEDE, an announced use of force or
    restriction THREATEN; "will not accept" is a rejection.  The modality stays as read.
    """
    intent = modality == "future" or (
        modality == "hypothetical"
        and reporting_governor(tok) is not None
        and not any(ch.dep_ == "mark" and ch.lower_ in ("if", "unless") for ch in tok.children)
    )
    if (
        modality == "negated"
        and type_ in _YIELDING
        and (intent or any(ch.lower_ in ("will", "would", "wo") for ch in tok.children))
    ):
        return "REJECT", None
    if intent and type_ in _FUTURE_TO_AGREE:
        return "AGREE", None
    if intent and type_ == "RETREAT":
        return "CONCEDE", None
    if intent and type_ in _THREAT_MODES:
        return "THREATEN", _THREAT_MODES[type_]
    return type_, mode
