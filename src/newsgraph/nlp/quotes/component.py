"""``newsgraph_quotes_v1``: direct, block, partial and indirect quotes with their speakers.

Assigns ``doc._.ng_quotes`` (list of :class:`newsgraph.model.Quote`, sorted by start) and
``doc._.ng_findings`` (list of :class:`newsgraph.model.Finding`): an attribution with no speaker
entity whose source is a thing ("a new poll shows ...") or an anonymous group's belief ("residents
fear ...") is a finding, not a quote (:mod:`newsgraph.nlp.quotes.findings`).

Spans follow the reader's view, not the typography:

- *direct*: the words inside a pair of quotation marks that form a clause, or that a
  cue frames ("“No,” she said."); the span excludes the marks.  A quote whose
  paragraph ends unclosed continues when the next paragraph opens with a mark.
- *block*: a paragraph of kind ``blockquote``, or one that follows "X wrote:".
- *partial*: a quoted fragment a reporting verb reports when no indirect quote holds it
  ("called the budget a “betrayal of every taxpayer”"). A fragment inside reported speech
  ("he called for a “complete ...”", "X said the goals “remained to be determined.”") is part of
  that claim: the indirect quote keeps it, marks included, and no second quote is made (one
  statement, one quote, as in PolNeAR and the real-news gold).
- *indirect*: the content clause of a reporting verb ("X said that ...", "according
  to X, ...", "Russia, he insisted, had to ..."), or the object of one that cites or
  judges ("X noted the risk", "X criticized the plan as a “crazy system”").  Only where something
  was said (:func:`newsgraph.nlp.quotes.cues.content_range`): not a denied cue ("could not tell how
  ...", "did not reveal the name", "never said the plan was dead"), a cue in a condition or a command ("if you believe that ...", "had the
  traders known ...", "Tell your neighbours that ..."), "found the hiker hurt" (a sight), a clause
  that belongs to the cue's object noun ("repeated her regret that ..."), words addressed to "you"
  with no one's subject ("As chairman I am obliged to notify you that ..."), nor a cue inside what
  another cue reports ("X said they had told him that ...": one claim, one quote).
- *colon lines*: "Pence: Flowers Won't Attend" (a headline, indirect) and "PENCE: Well, ..."
  (a transcript turn, direct), when the name before the colon is one of the article's entities.
- Scare quotes (a short quoted term outside any reporting construction) and quoted names or titles
  of works (capitalised words, no verb) are dropped; so is the object of a cue that is no claim
  ("concluded the debate", "called for calm"): an object counts only with a verb or quoted words.
- One statement, one quote: "“A,” she said. “B.”" and a next paragraph that only goes on with the
  same words (no cue of its own) are merged; a pull-quote or teaser repeating words quoted elsewhere,
  the same or holding them and more, is dropped (the attributed copy stays, the longer if both are).
- A direct or block quote's speaker may be overruled by the learned ranker of
  :mod:`newsgraph.nlp.quotes.ranker` (a logistic model over the rules' pick and the mentions nearby,
  fitted on PolNeAR train), for the kinds of pick its weights allow (``rerank_speakers`` turns it off).
- Each quote's ``confidence`` comes from :mod:`newsgraph.nlp.quotes.confidence` (a logistic model over
  the evidence, fitted on PolNeAR train).

Each quote's ``speaker`` is the entity it resolves to; ``speaker_span`` is the speaker as
written where the quote is attributed: the cue's subject noun phrase ("the ministry's
spokeswoman", "he", "Governor Paul Hart", "Ines Moreau, who"), X in "according to X", the
subject of "X wrote:" for a block quote, the name after a signature dash, and for a quote
that inherits its speaker, the span of the neighbouring attribution it inherits from.
Quotation-mark pairing is in :mod:`newsgraph.nlp.quote_marks` (shared with coreference); cue lexicons and what a cue
reports in :mod:`newsgraph.nlp.quotes.cues`; who a cue reports in :mod:`newsgraph.nlp.quotes.attribution`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model import Finding, Paragraph, Quote, Span
from ..extensions import entity_index, register_extensions
from ..knowledge.lexicon import SIGNATURE_DASHES, guess_gender
from ..layout import dateline_end, paragraphs_of
from ..quote_marks import MAX_QUOTE_CHARS, find_quote_marks, pair_quote_marks
from .attribution import (
    Attributor,
    bare_participle,
    nested_first_person_speakers,
    no_attribution,
    record_source,
    unnamed_source_form,
)
from .confidence import quote_confidence, quote_evidence
from .cues import (
    SPEECH_LEMMAS,
    VERBISH,
    addresses_the_reader,
    content_range,
    cue_span,
    is_command,
    is_cue,
    trim_span,
)
from .findings import finding_confidence, finding_evidence, finding_kind_of
from .ranker import Candidate, candidates_for, load_ranker, may_overrule, pick

__all__ = [
    "find_quote_marks",
    "pair_quote_marks",
    "extract_quotes",
    "MAX_QUOTE_CHARS",
    "QuoteExtractor",
    "QuoteSettings",
]

# spaces, no-break spaces; or the quotation's paragraph ends and the next opens with the dash
_DASH_SIGNATURE = re.compile(rf"[^\S\n]*(\n\s*)?([{''.join(sorted(SIGNATURE_DASHES))}])[^\S\n]*")
# Words a signature line may hold after the name ("— Jane Roe, reader, Springfield"); more is a paragraph.
_SIGNATURE_LINE_MAX_WORDS = 8

# Conjunctions that open a clause of its own after a quote: its verb does not frame the quote.
_CONCESSIVE = frozenset("though although while whereas because if unless".split())
_COLON_LEAD = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[^\S\n]+(?=\S)")
_COLON_LABELS = {
    "correction",
    "clarification",
    "update",
    "note",
    "source",
    "related",
    "photo",
    "video",
    "watch",
    "read",
    "listen",
    "editor",
    "editors",
    "credit",
    "sources",
    "updated",
    "breaking",
    "exclusive",
}


@dataclass(frozen=True)
class QuoteSettings:
    """The component's tunable thresholds (its ``default_config``)."""

    min_clause_words: int = 4  # fewer words than this, and no subject, is a term, not a quote
    min_uncued_words: int = 8  # a long quoted fragment with a verb is a quote even without a cue
    frame_tokens: int = 5  # how far a framing cue ("..., Putin said") may sit from the marks
    rerank_speakers: bool = True  # let the learned ranker (nlp/quotes/ranker.py) overrule the rules' speaker


_Who = tuple  # (speaker entity id | None, cue Span | None, speaker as written Span | None)
_NOBODY: _Who = (None, None, None)


class _Extractor:
    def __init__(self, doc: Doc, settings: QuoteSettings):
        self.settings = settings
        self.doc = doc
        spans, entities = entity_index(doc)
        types = {e.id: e.type for e in entities}
        self.paragraphs = paragraphs_of(doc)
        para_starts = [p.start for p in self.paragraphs[1:]]
        self.att = Attributor(doc, spans, types, para_starts, doc._.ng_coref)
        self.text = self.att.text
        self.quotes: list[Quote] = []
        self.how: dict[int, str] = {}  # id(quote) -> how its speaker was found: cue, inherited, signature, colon
        self.spoken_by_a_people: set[int] = set()  # id(quote) whose speaker resolved to a people, then dropped
        self.findings: list[Finding] = []  # the attributions run() found to be findings, not quotes
        self.evidence_of: dict[int, dict[str, float]] = {}  # id(quote or finding) -> its model's features

    # ----- small helpers -----------------------------------------------------------
    def inner_tokens(self, start: int, end: int) -> list[Token]:
        i = self.att.token_at(start)
        out = []
        for tok in self.doc[i:]:
            if tok.idx >= end:
                break
            if tok.idx >= start and not tok.is_space:
                out.append(tok)
        return out

    def quote(
        self,
        start: int,
        end: int,
        kind: str,
        speaker: str | None,
        cue: Span | None,
        speaker_span: Span | None = None,
        how: str = "cue",
    ) -> Quote | None:
        start, end = trim_span(self.text, start, end) if kind == "indirect" else _strip(self.text, start, end)
        if kind == "indirect":
            # "ANKARA, Sept. 30 (Wire) - Quake kills 11, the agency said": the dateline is not what was said
            start = dateline_end(self.text, start) or start
        if end <= start:
            return None
        q = Quote(start, end, self.text[start:end], kind, speaker, cue, speaker_span)
        self.quotes.append(q)
        self.how[id(q)] = how
        return q

    def attribute(self, cue: Token) -> _Who:
        """(speaker entity, cue phrase, speaker as written) of a cue."""
        speaker, written = self.att.speaker_of(cue)
        return speaker, cue_span(self.doc, cue), written

    # ----- block quotes ------------------------------------------------------------
    def block_paragraphs(self) -> list[tuple[Paragraph, Token | None]]:
        """Block-quote paragraphs with the cue that introduces each (None: same as before)."""
        found = []
        for k, para in enumerate(self.paragraphs):
            if para.kind == "title" or k == 0 and para.kind != "blockquote":
                continue
            intro = self.paragraphs[k - 1] if k else None
            cue = None
            if intro is not None and intro.kind not in ("blockquote", "title"):
                cue, colon = self._intro_cue(intro)
                if para.kind != "blockquote" and not colon:
                    continue  # an ordinary paragraph after an ordinary one
            elif para.kind != "blockquote":
                continue
            found.append((para, cue))
        return found

    def block_quotes(self, blocks: list[tuple[Paragraph, Token | None]]) -> None:
        who: _Who = _NOBODY
        previous_end = -1
        for para, cue in blocks:
            if cue is not None:
                who = self.attribute(cue)
            elif not self.text[previous_end : para.start].isspace():
                who = _NOBODY  # a run of block paragraphs shares its author; a new run does not
            self.quote(para.start, para.end, "block", *who, how="cue" if cue is not None else "inherited")
            previous_end = para.end

    def _intro_cue(self, para: Paragraph) -> tuple[Token | None, bool]:
        """The speech cue of a paragraph's last sentence, and whether the paragraph ends with a colon."""
        last = self.text[para.start : para.end].rstrip()
        if not last:
            return None, False
        tok_i = self.att.token_at(para.start + len(last) - 1)
        s_i = self.att.sent_index(tok_i)
        # The parser may run "He wrote:" on into the quoted paragraph: keep to this one.
        cues = [
            t
            for t in self.att.cues_in(s_i)
            if t.lemma_.lower() in SPEECH_LEMMAS and para.start <= t.idx < para.end and not is_command(t)
        ]
        return (cues[-1] if cues else None), last.endswith(":") and bool(cues)

    # ----- quotation marks ---------------------------------------------------------
    def marked_quotes(self, pairs: list[tuple[int, int]], blocks: list[tuple[int, int]]) -> None:
        last: tuple[int, _Who] | None = None  # (sentence, attribution) of the previous direct quote
        for open_pos, close_pos in pairs:
            if any(s <= open_pos < e for s, e in blocks):
                continue  # words quoted inside a block quote belong to its author's text
            start, end = _strip(self.text, open_pos + 1, close_pos)
            inner = self.inner_tokens(start, end)
            if not inner:
                continue
            first_s = self.att.sent_index(self.att.token_at(open_pos))
            last_s = self.att.sent_index(self.att.token_at(close_pos))
            words = [t for t in inner if not t.is_punct]
            # Several sentences of quoted words are a quote; a boundary the parser put at a mark is not.
            several = bool(words) and self.att.sent_index(words[0].i) != self.att.sent_index(words[-1].i)
            clause = _is_clause(inner, words, self.settings.min_clause_words) or several
            before, after = self._framing_cues(open_pos, close_pos, first_s, last_s)
            framed = self._framed(open_pos, close_pos, first_s, before, after)
            own = after if after is not None and (before is None or after[1] <= before[1]) else before
            kind = None
            if clause or framed:
                kind = "direct"
                if own is None:  # "Obama called the holiday “a celebration of ...”"
                    holder = self._partial_holder(inner, open_pos)
                    if holder is not None and first_s <= self.att.sent_index(holder[0].i) <= last_s:
                        own = (holder[0], 0)
            else:
                holder = self._partial_holder(inner, open_pos)
                if holder is not None:
                    ends_sentence = self.text[start:end].rstrip("”’'\" ")[-1:] in ".!?"
                    # "described it as “unhinged”": a one-word quote the cue reports is not a scare quote
                    as_what = holder[1].lower_ == "as" and holder[1].i == inner[0].i - 2
                    if (
                        ends_sentence
                        or len(words) >= self.settings.min_clause_words
                        or holder[1] in inner
                        or holder[2]
                        or as_what
                    ):
                        kind = "partial"
                        own = (holder[0], 0)
                if (
                    kind is None
                    and len(words) >= self.settings.min_uncued_words
                    and any(t.pos_ in ("VERB", "AUX") for t in inner)
                ):
                    kind = "direct"
            if kind is None or (not framed and _is_title(words)):
                continue  # a scare quote, a name or a title of a work: not anyone's words
            dash = self._dash_signature(close_pos) if kind == "direct" else None
            per = self._per_source(close_pos) or self._to_viewpoint(open_pos) if kind == "direct" else None
            how = "cue"
            if dash is not None:
                who, how = dash, "signature"
            elif per is not None:
                who = per  # "per X" names the source before any cue further on ("..., which Y wrote")
            elif own is not None:
                who = self.attribute(own[0])
            else:
                # the clause that introduces the quote ("X echoed: “...”") before any neighbour's speaker
                lead = None
                if kind == "direct":
                    lead = self._tail_clause_speaker(close_pos) or self._lead_clause_speaker(open_pos)
                if lead is not None:
                    who, how = lead, "lead"
                else:
                    who, how = self._adjacent_speaker(first_s, last_s, last, close_pos)
                    if who == _NOBODY and kind == "direct":
                        who, how = self._previous_subject(first_s, open_pos), "subject"
            q = self.quote(start, end, kind, *who, how=how)
            if q is not None and kind == "direct":
                last = (last_s, who)

    def _tail_clause_speaker(self, close_pos: int) -> _Who | None:
        """ "“...,” Walter Prynne shot back": a quote whose words end in a comma (or "?", "!") goes on
        with its attribution; the first verb right after the closing mark, whose subject sits beside it
        outside the marks, names the speaker even when it is no verb of saying."""
        if self.text[close_pos - 1 : close_pos] not in (",", "?", "!"):
            return None
        if self.text[close_pos + 1 : close_pos + 2] not in (" ", "\u00a0"):
            return None  # "...!”Former ...": a lost paragraph break, the next paragraph's own sentence
        first = self.att.token_at(close_pos) + 1
        window = self.doc[first : min(len(self.doc), first + self.settings.frame_tokens + 1)]
        for tok in window:
            if tok.is_quote or tok.text in (".", ";", ":") or "\n" in tok.text_with_ws:
                return None
            if tok.pos_ != "VERB":
                continue
            subject = self.att.subject_of(tok)
            if subject is None or subject.idx < close_pos or subject.pos_ not in ("PROPN", "PRON", "NOUN"):
                return None
            return self.att.speaker_from_token(subject), cue_span(self.doc, tok), self.att.phrase_span(subject)
        return None

    def _per_source(self, close_pos: int) -> _Who | None:
        """ "“...,” per the party's rules": "per X" right after the closing mark names the source, as
        "according to X" does."""
        first = self.att.token_at(close_pos) + 1
        for tok in self.doc[first : min(len(self.doc), first + 3)]:
            if tok.is_punct or tok.is_space:
                continue
            if tok.lower_ != "per":
                return None
            source = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if source is None:
                return None
            return self.att.speaker_from_token(source), cue_span(self.doc, tok), self.att.phrase_span(source)
        return None

    def _to_viewpoint(self, open_pos: int) -> _Who | None:
        """ "because to her, “...”", "To Kovac, “...”": "to X," right before the opening mark gives the
        words as X's view."""
        before = self.text[:open_pos].rstrip()
        if not before.endswith(","):
            return None
        comma = self.att.token_at(len(before) - 1)
        if comma < 2:
            return None
        person, to = self.doc[comma - 1], self.doc[comma - 2]
        if to.lower_ != "to" or person.head.i != to.i or person.dep_ != "pobj":
            return None
        speaker = self.att.speaker_from_token(person)
        if speaker is None or self.att.entity_types.get(speaker) != "PERSON":
            return None
        return speaker, cue_span(self.doc, to), self.att.phrase_span(person)

    def _lead_clause_speaker(self, open_pos: int) -> _Who | None:
        """ "X echoed: “...”", "X released the following statement: “...”": no verb of saying, but the
        clause that ends in a colon (or comma) right before the opening mark introduces the quote, and
        its subject said it."""
        lead = self.text[:open_pos].rstrip()
        if not lead.endswith((":", ",")):
            return None
        signed = self._name_before_colon(len(lead) - 1) if lead.endswith(":") else None
        if signed is not None:
            return signed
        mark = self.doc[self.att.token_at(len(lead) - 1)]
        verb = mark.head
        for _ in range(3):  # "released the following statement:": the colon hangs on the noun
            if verb.pos_ in VERBISH or verb.head.i == verb.i:
                break
            verb = verb.head
        if mark.text not in (":", ",") or verb.pos_ not in VERBISH or verb.idx > mark.idx:
            return None
        if self.att.in_quoted(verb.idx):
            return None
        subject = self.att.subject_of(verb)
        if subject is None or subject.is_punct:
            return None
        speaker = self.att.speaker_from_token(subject)
        if speaker is None and subject.pos_ == "PRON":
            return None  # "it read:", an unresolved pronoun: nobody in particular
        return speaker, cue_span(self.doc, verb), self.att.phrase_span(subject)

    def _name_before_colon(self, colon: int) -> _Who | None:
        """ "HEADLINE - Jane Roe: “...”", "Roe: “...”": a proper name alone before the colon (after a line
        start, a dash or a sentence end) signs the quote, as in a transcript."""
        last = self.att.token_at(colon - 1)
        first = last
        while first > 0 and last - first < 4 and self.doc[first - 1].pos_ == "PROPN":
            first -= 1
        name = self.doc[first : last + 1]
        if self.doc[last].pos_ != "PROPN" or self.doc[last].idx + len(self.doc[last]) != colon:
            return None
        start, end = name.start_char, name.end_char
        before = self.text[:start].rstrip(" \t\u00a0")
        if before and before[-1] not in "\n-—–.]":
            return None
        ent = self.att.entity(start, end)
        if ent is not None and self.att.entity_types.get(ent) not in ("PERSON", "ORG"):
            return None  # "Washington: ..." a place heading
        if ent is None and len(name) < 2:
            return None  # one unknown capitalised word is a heading as often as a name
        return ent, Span(colon, colon + 1, ":"), Span(start, end, self.text[start:end])

    def _dash_signature(self, close_pos: int) -> _Who | None:
        """ "“...” ― Name": a quote signed with a dash and a name (reader comments, epigraphs), on the
        quotation's line or as a short line of its own right after it."""
        m = _DASH_SIGNATURE.match(self.text, close_pos + 1)
        if m is None:
            return None
        name_start = m.end()
        spans = self.att.entity_spans
        i = bisect.bisect_left(spans, (name_start, -1, ""))
        if i == len(spans) or spans[i][0] != name_start:
            return None  # a dash that goes on with the sentence, not a signature
        _, name_end, ent = spans[i]
        if m.group(1) is not None:  # a signature in a paragraph of its own is the whole line
            line_end = self.text.find("\n", name_end)
            rest = self.text[name_end : len(self.text) if line_end < 0 else line_end]
            if rest.strip() and not rest.startswith(","):
                return None
            if len(rest.split()) > _SIGNATURE_LINE_MAX_WORDS:
                return None
        dash = m.start(2)
        return ent, Span(dash, dash + 1, self.text[dash]), Span(name_start, name_end, self.text[name_start:name_end])

    def _framing_cues(self, open_pos, close_pos, first_s, last_s):
        """Nearest cue before the opening mark and after the closing mark, in the same sentences."""
        before = after = None
        for tok in self.att.cues_in(first_s):
            if tok.idx < open_pos and tok.lemma_.lower() in SPEECH_LEMMAS | {"accord"}:
                dist = self.att.token_at(open_pos) - tok.i
                before = (tok, dist)  # later ones are nearer
        for tok in self.att.cues_in(last_s):
            if tok.idx > close_pos and tok.lemma_.lower() in SPEECH_LEMMAS | {"accord"}:
                if any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in tok.children):
                    continue  # "“...,” though she noted ...": a clause of its own, not the quote's frame
                after = (tok, tok.i - self.att.token_at(close_pos))
                break
        return before, after

    def _framed(self, open_pos, close_pos, first_s, before, after) -> bool:
        """A cue that frames the quote: "“...,” said Putin." or "Putin said: “...”"."""
        sent = self.att.sents[first_s]
        if after is not None and after[1] <= self.settings.frame_tokens:
            lead = self.text[sent.start_char : open_pos].strip()
            if lead == "" or lead[-1] in ":([":
                return True
        if before is not None and before[1] <= self.settings.frame_tokens:
            gap = self.text[before[0].idx + len(before[0]) : open_pos].rstrip()
            if gap.endswith((",", ":")):
                return True
        return False

    def _partial_holder(self, inner: list[Token], open_pos: int):
        """(cue, content head, directly after cue) if the fragment is what a cue reports."""
        inner_ids = {t.i for t in inner}
        head = next((t for t in inner if t.head.i not in inner_ids or t.head.i == t.i), inner[0])
        found = self.att.content_holder(head)
        if found is not None:
            return found[0], found[1], False
        # "as he put it “...”", "called it “...”": the cue phrase sits right before the mark.
        prev_i = self.att.token_at(open_pos - 1)
        if prev_i < len(self.doc):
            prev = self.doc[prev_i]
            for cand in (prev, prev.head):
                if is_cue(cand) and 0 <= open_pos - (prev.idx + len(prev)) <= 1:
                    return cand, head, True
        return None

    def _adjacent_speaker(self, first_s, last_s, last, close_pos):
        """No cue of its own: the previous quote's speaker, or a cue in a neighbour sentence."""
        tail = self._tail_cue(last_s, close_pos)
        if tail is not None:
            return tail, "cue"
        if last is not None and last[0] >= first_s - 1 and last[1] != _NOBODY:
            return last[1], "inherited"
        for s_i in (first_s - 1, last_s + 1):
            if not 0 <= s_i < len(self.att.sents):
                continue
            sent = self.att.sents[s_i]
            if s_i > last_s and len(sent) > 8:
                continue  # only a short "he said." after the quote
            # a verb of saying, not of thinking: "workers fear that ..." does not speak the next quote
            cues = [t for t in self.att.cues_in(s_i) if self.att.subject_of(t) is not None]
            if cues:
                return self.attribute(cues[-1]), "neighbour"
        return _NOBODY, "none"

    def _previous_subject(self, first_s: int, open_pos: int) -> _Who:
        """ "X identified ... as one of the reasons. “...”": a quote with no cue anywhere near, opening a
        sentence of its own in the paragraph of a sentence whose subject is a named person (or a pronoun
        resolved to one), is that person's."""
        if (
            first_s < 1
            or not self.text[self.att.sents[first_s].start_char : open_pos].isspace()
            and (self.att.sents[first_s].start_char != open_pos)
        ):
            return _NOBODY
        previous = self.att.sents[first_s - 1]
        if "\n" in self.text[previous.end_char : open_pos] or self.att.in_quoted(previous.start_char):
            return _NOBODY
        subjects = [c for c in previous.root.children if c.dep_ == "nsubj" and not self.att.in_quoted(c.idx)]
        if not subjects:
            return _NOBODY
        speaker = self.att.speaker_from_token(subjects[0])
        if speaker is None or self.att.entity_types.get(speaker) != "PERSON":
            return _NOBODY
        return speaker, None, self.att.phrase_span(subjects[0])

    def _tail_cue(self, last_s, close_pos):
        """ "“...?” Vitter demanded." when the parser made the tail after "?”" its own sentence."""
        s_i = last_s + 1
        if s_i >= len(self.att.sents):
            return None
        sent = self.att.sents[s_i]
        # Only after "?", "!" or a dash: a quote ending in "." is followed by a new sentence, and
        # a tail would have been joined with a comma ("“...,” she said").
        if sent.start_char - close_pos > 3 or self.text[:close_pos].rstrip()[-1:] not in "?!—–-…":
            return None
        # The cue opens the tail ("Trump said, looking out ..."), not a new sentence's clause.
        cues = [
            t
            for t in self.att.cues_in(s_i)
            if t.lemma_.lower() in SPEECH_LEMMAS and t.i - sent.start <= self.settings.frame_tokens
        ]
        if not cues:
            return None
        return self.attribute(cues[0])

    # ----- reported speech ---------------------------------------------------------
    def indirect_quotes(self, taken: TakenRanges) -> None:
        for s_i in range(len(self.att.sents)):
            reported = []  # (cue, content range) of every cue of the sentence that reports something
            for cue in self.att.cues_in(s_i, True):
                rng = content_range(self.att, cue)
                if rng is not None and not addresses_the_reader(cue):
                    reported.append((cue, rng))
            for cue, rng in reported:
                if any(outer.is_ancestor(cue) and s <= cue.idx < e for outer, (s, e) in reported):
                    # "X said they had told him that ...": a cue inside what another cue reports is part of
                    # that claim, not a second one (PolNeAR annotates no attribution inside another's content);
                    # a second statement joined to the first is not inside it (cues.content_range ends it before)
                    continue
                self._reported_quote(cue, rng, taken)

    def _reported_quote(self, cue: Token, rng: tuple[int, int], taken: TakenRanges) -> None:
        """The indirect quote of ``cue`` over ``rng``, unless it is no one's claim."""
        start, end = trim_span(self.text, *self._within_paragraph(cue, *rng))
        if end - start < 3 or taken.overlap_ratio(start, end) > 0.5:
            return  # a direct quote's own cue: already attributed
        if not self._says_something(cue, start, end):
            return  # "concluded the debate", "called for calm": an act or a topic, not a claim
        if bare_participle(cue) and self.att.speaker_of(cue)[0] is None:
            # "Asked (by reporters) whether ..., she said": a question whose asker goes unnamed is
            # nobody's claim; a named asker's ("Asked by Judge X whether") is kept, as "X asked whether" is
            return
        self.quote(start, end, "indirect", *self.attribute(cue))

    def _within_paragraph(self, cue: Token, start: int, end: int) -> tuple[int, int]:
        """Reported content never leaves its cue's paragraph: a parse that runs a sentence over a
        heading or a paragraph break ("... warplanes.”\n\nHeading\n\nX rose, according to Y") would
        give Y the words of the paragraphs before."""
        para = next((p for p in self.paragraphs if p.start <= cue.idx < p.end), None)
        if para is None:
            return start, end
        return max(start, para.start), min(end, para.end)

    def _says_something(self, cue: Token, start: int, end: int) -> bool:
        """Whether reported content is a claim: a clause, "according to", or an object with a verb or a quote."""
        if cue.lower_ == "according" or cue.dep_ == "parataxis" or any(c.dep_ == "ccomp" for c in cue.children):
            return True
        inner = self.inner_tokens(start, end)
        words = [t for t in inner if not t.is_punct]
        if any(t.is_quote for t in inner):
            return True  # "criticized the plan as a “crazy system”": verbatim words inside
        return len(words) >= self.settings.min_clause_words + 2 and any(t.pos_ in ("VERB", "AUX") for t in inner)

    # ----- "Pence: ..." headlines and "PENCE: ..." transcript turns ---------------------
    def colon_quotes(self, taken: TakenRanges) -> None:
        """A line that opens with a bare name and a colon gives that person's words: verbatim in a
        transcript ("PENCE: Well, ..."), a paraphrase in a headline ("Pence: Flowers Won't Attend")."""
        for para in self.paragraphs:
            m = _COLON_LEAD.match(self.text, para.start, para.end)
            if m is None or m.group(1).strip().lower() in _COLON_LABELS:
                continue
            colon = m.end(1)
            line_end = self.text.find("\n", colon, para.end)
            start, end = _strip(self.text, colon + 1, para.end if line_end < 0 else line_end)
            words = self.inner_tokens(para.start, colon)
            if (
                not words
                or len(self.inner_tokens(start, end)) < 3
                or any(not t.text[:1].isupper() and not t.is_punct for t in words)
                or taken.overlap_ratio(start, end) > 0.5
                or self.att.in_quoted(colon)
            ):
                continue
            name = Span(para.start, colon, self.text[para.start : colon])
            speaker = self._named(name)
            if speaker is not None:  # not a heading ("Stealth Over Health: ...")
                kind = "direct" if name.text.isupper() else "indirect"
                self.quote(start, end, kind, speaker, Span(colon, colon + 1, ":"), name, how="colon")

    def _named(self, name: Span) -> str | None:
        """The speaker entity a bare name stands for: its mention, else a person with that name word."""
        ent = self.att.entity(name.start, name.end)
        if ent is not None:
            return ent if self.att.entity_types.get(ent) in ("PERSON", "ORG", "GPE", "NORP") else None
        last = name.text.split()[-1].lower()
        found = [e.id for e in self.doc._.ng_entities or [] if e.type == "PERSON" and last in e.name.lower().split()]
        return found[0] if len(found) == 1 else None

    def run(self) -> list[Quote]:
        pairs = pair_quote_marks(self.text, self.paragraphs)
        block_paras = self.block_paragraphs()
        blocks = [(p.start, p.end) for p, _ in block_paras]
        # Cues and pronoun antecedents inside quoted words are the quoted person's, not the article's.
        self.att.set_quoted(blocks + [(o, c + 1) for o, c in pairs])
        self.block_quotes(block_paras)
        self.marked_quotes(pairs, blocks)
        self.colon_quotes(TakenRanges([(q.start, q.end) for q in self.quotes if q.kind in ("direct", "block")]))
        kinds = ("direct", "block", "indirect")
        self.indirect_quotes(TakenRanges([(q.start, q.end) for q in self.quotes if q.kind in kinds]))
        quotes = sorted(self.quotes, key=lambda q: (q.start, q.end))
        quotes = _fold_partials(_drop_repeats(self.merge_continued(quotes)))
        model = load_ranker() if self.settings.rerank_speakers else None
        if model is not None:
            for q, candidates in self.speaker_candidates(quotes, scope=model.get("scope", "all")):
                chosen = pick(model, candidates)
                if chosen is not candidates[0]:
                    q.speaker, q.speaker_span = chosen.entity, chosen.span
                    self.how[id(q)] = "ranker"
        for q, speaker in nested_first_person_speakers(quotes):
            q.speaker = speaker  # "I" inside a known speaker's words is that speaker
            self.how[id(q)] = "inherited"  # from the quote around it, as its confidence should say
        kept = []
        crowd = Counter(self.paragraph_of(q) for q in quotes)
        for q in quotes:
            if q.speaker is not None and self.att.entity_types.get(q.speaker) == "NORP":
                # "Republicans said", "many Mexicans hope", "they" standing for them: a people or a party's
                # members are no one in particular; the phrase as written stays the quote's source
                q.speaker = None
                self.spoken_by_a_people.add(id(q))
            if q.speaker is None and no_attribution(self.doc, q):
                continue  # "nobody said ...", "everyone knows ...": no one's words
            evidence = self.evidence(q, crowd[self.paragraph_of(q)])
            finding = self.as_finding(q, evidence)
            if finding is None:
                q.confidence = quote_confidence(evidence)
                self.evidence_of[id(q)] = evidence
                kept.append(q)
        return kept

    def as_finding(self, q: Quote, evidence: dict[str, float]) -> Finding | None:
        """The finding ``q`` is, when its source is a thing or an anonymous group's belief (kept in
        ``self.findings``, its features in ``self.evidence_of``); None when it stays a quote."""
        if q.speaker is not None or q.speaker_span is None:
            return None
        phrase = q.speaker_span
        record = record_source(self.doc, phrase.start, phrase.end)
        kind = finding_kind_of(record, evidence)
        if kind is None:
            return None
        source = self.entity_inside(phrase)
        features = finding_evidence(evidence, kind, source is not None)
        finding = Finding(q.start, q.end, q.text, kind, phrase, q.cue, source, finding_confidence(features), q.kind)
        self.findings.append(finding)
        self.evidence_of[id(finding)] = features
        return finding

    def entity_inside(self, phrase: Span) -> str | None:
        """A person or organisation the source phrase names ("a Pew Research Center survey"), else None."""
        for start, end, ent in self.att.entity_spans:
            if start >= phrase.end:
                break
            if phrase.start <= start and end <= phrase.end and self.att.entity_types.get(ent) in ("PERSON", "ORG"):
                return ent
        return None

    def speaker_candidates(self, quotes: list[Quote], scope: str | None = None):
        """Each direct or block quote with its speaker candidates, the rules' pick first (lazily: a
        quote's "previous speaker" is read when it is reached, after any change to the quote before).
        With a ranker ``scope``, only the quotes whose rules' pick the ranker may overrule."""
        entities = self.doc._.ng_entities or []
        genders = {e.id: guess_gender(e.name, e.titles) for e in entities if e.type == "PERSON"}
        mentions = {e.id: len(e.mentions) for e in entities}
        starts = [p.start for p in self.paragraphs]

        def paragraph_of(char: int) -> int:
            return bisect.bisect_right(starts, char) - 1

        previous = None
        for q in quotes:
            if q.kind not in ("direct", "block"):
                continue
            how = self.how.get(id(q), "cue")
            nobody = q.speaker is None and q.speaker_span is None
            if scope is None or may_overrule(scope, nobody, how):
                yield q, candidates_for(self.att, q, how, previous, genders, mentions, paragraph_of)
            previous = (q.speaker, q.speaker_span)

    # ----- one quote per statement -------------------------------------------------
    def merge_continued(self, quotes: list[Quote]) -> list[Quote]:
        """ "“A,” she said. “B.”" and a next paragraph that only goes on with the same words are one
        quote: the reader (and every annotation guide) sees one statement, interrupted by its attribution."""
        out: list[Quote] = []
        for q in quotes:
            prev = next((p for p in reversed(out) if p.kind == "direct"), None)
            if prev is not None and q.kind == "direct" and self._continues(prev, q):
                merged = Quote(prev.start, q.end, self.text[prev.start : q.end], "direct", prev.speaker, prev.cue,
                               prev.speaker_span)  # fmt: skip
                self.how[id(merged)] = self.how.get(id(prev), "cue")
                out[out.index(prev)] = merged
                continue
            out.append(q)
        return out

    def _continues(self, prev: Quote, q: Quote) -> bool:
        between = self.text[prev.end : q.start]
        if (
            q.start < prev.end
            or len(between) > 120
            and not self._only_attribution_between(prev, q)
            or any(p.start < q.start and p.end > prev.end for p in self.quotes if p.kind == "direct")
        ):
            return False  # fmt: skip
        own_cue = self.how.get(id(q)) == "cue"
        same = q.speaker == prev.speaker and (q.cue == prev.cue or not own_cue)
        if not same:
            return False
        if self._only_attribution_between(prev, q):
            # "“A,” said X, who chaired the board for a decade. “B.”" (the tail may end its paragraph)
            return "\n\n" not in between.strip() or self._opens_alone(q) and between.count("\n\n") <= 1
        if "\n" not in between:
            # only the attribution between the pieces: "“A,” she said. “B.”", "“A,” she said, “B”"
            return same and len(between.split()) <= 8 and (prev.cue is None or q.cue == prev.cue or not own_cue)
        # a paragraph that opens with the marks and names nobody new goes on with the last quote
        para_start = self.text.rfind("\n", 0, q.start) + 1
        only_quote = self.text[para_start : q.start].strip() in ("", "“", '"', "«", "„")
        rest = self.text[q.end : self.text.find("\n", q.end) if "\n" in self.text[q.end :] else len(self.text)]
        return same and not own_cue and only_quote and rest.strip(" ”\"»'’.") == "" and between.count("\n\n") <= 1

    def _only_attribution_between(self, prev: Quote, q: Quote) -> bool:
        """The text between two pieces is the rest of the sentence of the first one's tail cue
        (its speaker and the speaker's description), nothing the article says in its own voice."""
        if prev.cue is None or not prev.end <= prev.cue.start < q.start:
            return False
        sent = self.att.sents[self.att.sent_index(self.att.token_at(prev.cue.start))]
        rest = self.text[sent.end_char : q.start]
        return sent.start_char <= prev.end and rest.strip(' \n“"«„') == ""

    def _opens_alone(self, q: Quote) -> bool:
        """The quote fills its paragraph: opened by the marks, nothing after them."""
        para_start = self.text.rfind("\n", 0, q.start) + 1
        line_end = self.text.find("\n", q.end)
        rest = self.text[q.end : len(self.text) if line_end < 0 else line_end]
        return self.text[para_start : q.start].strip() in ("", "“", '"', "«", "„") and rest.strip(" ”\"»'’.") == ""

    def paragraph_of(self, q: Quote) -> int:
        """Where the quote's paragraph starts (the text's line breaks end paragraphs)."""
        return self.text.rfind("\n", 0, q.start) + 1

    def evidence(self, q: Quote, quotes_in_paragraph: int = 1) -> dict[str, float]:
        cue_lemma = None
        if q.cue is not None and q.cue.text not in ("—", "―", "–", ":"):
            cue_lemma = self.doc[self.att.token_at(q.cue.start)].lemma_.lower()
        content = self.content_form(q) if q.kind == "indirect" else None
        unnamed = None
        if q.speaker is None and q.speaker_span is not None:
            unnamed = unnamed_source_form(self.doc, q.speaker_span.start, q.speaker_span.end)
            if unnamed == "pronoun" and id(q) in self.spoken_by_a_people:
                unnamed = "anonymous"  # "they" standing for "Republicans": as anonymous as the people it stands for
        return quote_evidence(
            q,
            self.how.get(id(q), "cue"),
            self.att.entity_types.get(q.speaker or ""),
            cue_lemma,
            content,
            unnamed,
            quotes_in_paragraph,
        )

    def content_form(self, q: Quote) -> str:
        """ "that" (a finite clause after "that"), "clause" (one without it) or "object" (a noun phrase)."""
        inner = self.inner_tokens(q.start, q.end)
        ids = {t.i for t in inner}
        finite = any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in ids for t in inner)
        if not finite:
            return "object"
        before = self.doc[inner[0].i - 1] if inner and inner[0].i > 0 else None
        opens_with_that = inner[0].lower_ == "that" and inner[0].dep_ == "mark"
        return "that" if opens_with_that or (before is not None and before.lower_ == "that") else "clause"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_clause(inner: list[Token], words: list[Token], min_clause_words: int) -> bool:
    """Quoted words that say something: a subject with its verb, or a capitalised sentence."""
    ids = {t.i for t in inner}
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and t.head.i in ids for t in inner):
        return len(words) >= 2
    return (
        len(words) >= min_clause_words and words[0].text[:1].isupper() and any(t.pos_ in ("VERB", "AUX") for t in inner)
    )


class TakenRanges:
    """Character ranges already quoted, sorted so that the overlap of a span with them costs
    O(log n + hits), not O(n): a 1 MB article has thousands of quotes and thousands of cues,
    and comparing every cue with every quote took 10 s of its 70."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]
        self.longest = max((e - s for s, e in self.ranges), default=0)

    def overlap_ratio(self, start: int, end: int) -> float:
        """The share of ``start:end`` covered by the ranges (overlapping ranges count twice)."""
        # Only ranges starting within ``longest`` before ``start`` and before ``end`` can reach it.
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_left(self.starts, end)
        covered = sum(max(0, min(end, e) - max(start, s)) for s, e in self.ranges[first:last])
        return covered / max(1, end - start)


def _is_title(words: list[Token]) -> bool:
    """ "The Long Road Home", "Suresh": quoted capitalised words with no verb name something, they say nothing."""
    content = [t for t in words if not t.is_stop]
    return (
        bool(content)
        and all(t.text[:1].isupper() for t in content)
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
        and len(words) <= 8
    )


def _drop_repeats(quotes: list[Quote]) -> list[Quote]:
    """A pull-quote repeats words the article quotes elsewhere: keep the attributed copy."""
    by_words: dict[str, list[Quote]] = {}
    for q in quotes:
        key = " ".join(re.findall(r"\w+", q.text.lower()))
        by_words.setdefault(key, []).append(q)
    drop = set()
    for same in by_words.values():
        if len(same) > 1 and len(same[0].text.split()) >= 3:
            keep = max(same, key=lambda q: (q.speaker is not None, -q.start))
            drop |= {id(q) for q in same if q is not keep}
    return _drop_contained_repeats([q for q in quotes if id(q) not in drop])


# Words a quoted statement needs before a longer quote holding the same words is taken for the same statement
_REPEAT_MIN_WORDS = 5


def _drop_contained_repeats(quotes: list[Quote]) -> list[Quote]:
    """A teaser or pull-quote that holds a body quote's words and goes on ("“A. B.”" at the top, "“A,” he
    said." below), or a body quote repeated shorter, is the same statement quoted twice: one quote stays,
    the attributed one (a speaker, else a cue with a speaker as written), the longer if both are.  Direct
    and block quotes only, at different places, never two different speakers' (one quoting the other); the
    shorter must hold enough words to be a statement."""
    marked = [q for q in quotes if q.kind in ("direct", "block")]
    words = {id(q): re.findall(r"\w+", q.text.lower()) for q in marked}
    opening_at: dict[tuple[str, ...], list[Quote]] = {}  # every run of words -> the quotes holding it
    for q in marked:
        w = words[id(q)]
        for i in range(len(w) - _REPEAT_MIN_WORDS + 1):
            opening_at.setdefault(tuple(w[i : i + _REPEAT_MIN_WORDS]), []).append(q)

    def rank(q: Quote) -> tuple:
        attributed = q.speaker is not None or (q.cue is not None and q.speaker_span is not None)
        return (q.speaker is not None, attributed, len(words[id(q)]), -q.start)

    drop = set()
    for short in marked:
        w = words[id(short)]
        if len(w) < _REPEAT_MIN_WORDS:
            continue
        for long in opening_at.get(tuple(w[:_REPEAT_MIN_WORDS]), []):
            if long is short or long.start < short.end and short.start < long.end:
                continue  # the same quote, or one span inside the other: not a repeat elsewhere
            if len(words[id(long)]) < len(w) or f" {' '.join(w)} " not in f" {' '.join(words[id(long)])} ":
                continue
            if short.speaker is not None and long.speaker is not None and short.speaker != long.speaker:
                continue  # one speaker quoting another's words: two statements
            drop.add(id(min(short, long, key=rank)))
    return [q for q in quotes if id(q) not in drop]


_CLOSING = ".,;:!? ”’\"'"


def _fold_partials(quotes: list[Quote]) -> list[Quote]:
    """One statement, one quote: a verbatim fragment inside reported speech ("she called for a “complete
    overhaul”") is part of that claim, not a second quote. The enclosing indirect quote keeps the words,
    quotation marks included; a partial with no enclosing claim ("called the budget a “betrayal”") stays."""
    claims = [q for q in quotes if q.kind == "indirect"]

    def inside(q: Quote, c: Quote) -> bool:
        # the claim's span is trimmed of its closing punctuation (“... negotiated.”), the fragment's is not
        words_end = q.start + len(q.text.rstrip(_CLOSING))
        return c.start <= q.start and words_end <= c.end

    return [q for q in quotes if q.kind != "partial" or not any(inside(q, c) for c in claims)]


def extract_quotes(doc: Doc, settings: QuoteSettings | None = None) -> list[Quote]:
    if not doc.has_annotation("DEP"):
        return []  # no parse, no attribution
    return _Extractor(doc, settings or QuoteSettings()).run()


def quotes_with_evidence(doc: Doc, settings: QuoteSettings | None = None) -> list[tuple[Quote, dict[str, float]]]:
    """Each quote with the evidence its confidence is computed from (for fitting the confidence model)."""
    if not doc.has_annotation("DEP"):
        return []
    extractor = _Extractor(doc, settings or QuoteSettings())
    return [(q, extractor.evidence_of[id(q)]) for q in extractor.run()]


def quotes_and_findings(doc: Doc, settings: QuoteSettings | None = None) -> tuple[list[Quote], list[Finding]]:
    """The quotes and the findings of a parsed Doc."""
    if not doc.has_annotation("DEP"):
        return [], []
    extractor = _Extractor(doc, settings or QuoteSettings())
    quotes = extractor.run()
    return quotes, sorted(extractor.findings, key=lambda f: (f.start, f.end))


def findings_with_evidence(doc: Doc, settings: QuoteSettings | None = None) -> tuple[list, list]:
    """(quote, evidence) and (finding, evidence) pairs of one Doc (for fitting both confidence models)."""
    if not doc.has_annotation("DEP"):
        return [], []
    extractor = _Extractor(doc, settings or QuoteSettings())
    quotes = extractor.run()
    return (
        [(q, extractor.evidence_of[id(q)]) for q in quotes],
        [(f, extractor.evidence_of[id(f)]) for f in extractor.findings],
    )


def quotes_with_candidates(doc: Doc) -> list[tuple[Quote, list[Candidate]]]:
    """The rules' direct and block quotes, each with its speaker candidates (for fitting the ranker)."""
    if not doc.has_annotation("DEP"):
        return []
    extractor = _Extractor(doc, QuoteSettings(rerank_speakers=False))
    return list(extractor.speaker_candidates(extractor.run()))


def quotes_component(doc: Doc) -> Doc:
    """The ``newsgraph_quotes_v1`` component with its default thresholds."""
    return QuoteExtractor()(doc)


class QuoteExtractor:
    """The ``newsgraph_quotes_v1`` component."""

    def __init__(self, settings: QuoteSettings | None = None):
        self.settings = settings or QuoteSettings()

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_quotes, doc._.ng_findings = quotes_and_findings(doc, self.settings)
        return doc


@Language.factory(
    "newsgraph_quotes_v1",
    requires=["doc._.ng_entities", "doc._.ng_entity_spans", "doc._.ng_coref", "token.dep", "token.lemma"],
    assigns=["doc._.ng_quotes", "doc._.ng_findings"],
    default_config={"min_clause_words": 4, "min_uncued_words": 8, "frame_tokens": 5},
)
def make_quotes(nlp: Language, name: str, min_clause_words: int, min_uncued_words: int,
                frame_tokens: int) -> QuoteExtractor:  # fmt: skip
    register_extensions()
    return QuoteExtractor(QuoteSettings(min_clause_words, min_uncued_words, frame_tokens))
