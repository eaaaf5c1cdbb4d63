"""Who said it: reporting cues, their subjects, and speaker resolution.

Helpers for :mod:`newsgraph.nlp.quotes`.  Everything works on the dependency
parse of ``en_core_web_sm`` and on the article's entity spans, and stays linear
in the number of tokens: per-sentence facts are computed once and cached.
"""

from __future__ import annotations

import bisect
from types import SimpleNamespace

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ...model import Quote, Span
from ..extensions import doc_text, entity_at, entity_index
from ..knowledge.gazetteer import get_gazetteer
from ..knowledge.lexicon import (
    BODY_NOUNS,
    COLLECTIVE_NOUNS,
    COMMON_KNOWLEDGE_LEMMAS,
    COUNTED_SHARE_NOUNS,
    DOCUMENT_NOUNS,
    INDEFINITE_PERSON_PRONOUNS,
    NEGATIVE_SOURCE_WORDS,
    RECORD_NOUNS,
    UNIVERSAL_PERSON_PRONOUNS,
    description_words,
    is_person_noun,
)
from ..sentences import split_at_paragraphs
from .cues import BELIEF_LEMMAS, CONTENT_DEPS, SPEECH_LEMMAS, VERBISH, cue_span, is_cue, trim_span

__all__ = [
    "SPEECH_LEMMAS",
    "BELIEF_LEMMAS",
    "Attributor",
    "cue_span",
    "is_cue",
    "trim_span",
    "unnamed_source_form",
    "nested_first_person_speakers",
    "record_source",
    "no_attribution",
]

_SPEAKER_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Children that start a clause of their own: not part of a speaker phrase as written.
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp", "dep", "meta", "advmod", "npadvmod"}
_MAX_PHRASE_TOKENS = 16
_RELATIVE = {"who", "that", "which", "whom"}
# a relative pronoun that only ever stands for people: the noun before it is someone ("an architect who")
_PERSON_RELATIVES = frozenset({"who", "whom"})
# "a senior official", "one GOP operative", "two aides": a source the article does not name
_INDEFINITE = frozenset({"a", "an", "another", "one", "two", "three", "several", "some"})
# the pronouns that stand for people ("it", "this", "that", "which" stand for things as often)
# a quantity of people, none named ("some said", "many of the growers said"); not "both" or "each",
# which stand for people the article named
_GROUP_QUANTIFIERS = frozenset({"some", "many", "most", "several", "all", "few"})
# the speaker as written of words a quoted person reports of themselves ("I told them ...")
_FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my"})
# where a speaker is (with a place or body), not whom the phrase is about: "her partner at Acme, Ann Lee"
# names the partner
_SITE_PREPOSITIONS = frozenset({"at", "in", "with", "from", "of"})
_OPENING_MARKS = frozenset("'\"‘“«„")
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "i", "me", "my", "we", "us", "you"})


class Attributor:
    """Per-document state: sentences, excluded (quoted) ranges, and the entity index."""

    def __init__(self, doc: Doc, entity_spans, entity_types: dict[str, str], para_starts: list[int] = (),
                 references: dict[int, str] | None = None):  # fmt: skip
        self.doc = doc
        self.text = doc_text(doc)  # once: Doc.text joins every token
        # Token offsets as one array: building a Token object per token costs more than our work.
        self._tok_starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.sents = split_at_paragraphs(doc, list(doc.sents), para_starts, self._tok_starts)
        self._sent_starts = [s.start for s in self.sents]
        # entity_at reads doc._.ng_entity_spans; a shim lets it use fallback spans too.
        self._spans_holder = SimpleNamespace(_=SimpleNamespace(ng_entity_spans=entity_spans))
        self.entity_spans = entity_spans
        self.entity_types = entity_types
        # pronouns and definite descriptions -> entity ids, from newsgraph_coref_v1 (the referent events use too)
        self.references = references or {}
        self.quoted: list[tuple[int, int]] = []  # char ranges whose words are someone's quote
        self._cue_cache: dict[tuple[int, bool], list[Token]] = {}

    # ----- positions -------------------------------------------------------------
    def sent_index(self, token_i: int) -> int:
        return bisect.bisect_right(self._sent_starts, token_i) - 1

    def token_at(self, char: int) -> int:
        """Index of the token that contains or precedes ``char``."""
        return max(0, bisect.bisect_right(self._tok_starts, char) - 1)

    def set_quoted(self, ranges: list[tuple[int, int]]) -> None:
        self.quoted = sorted(ranges)
        self._quoted_starts = [r[0] for r in self.quoted]
        self._cue_cache.clear()

    def in_quoted(self, char: int) -> bool:
        i = bisect.bisect_right(getattr(self, "_quoted_starts", []), char) - 1
        return i >= 0 and self.quoted[i][0] <= char < self.quoted[i][1]

    def entity(self, start: int, end: int) -> str | None:
        return entity_at(self._spans_holder, start, end)  # type: ignore[arg-type]

    # ----- cues and subjects -----------------------------------------------------
    def cues_in(self, sent_i: int, with_beliefs: bool = False) -> list[Token]:
        """Cue verbs of a sentence that are not themselves inside a quote."""
        key = (sent_i, with_beliefs)
        if key not in self._cue_cache:  # asked for again by each quote of a sentence
            self._cue_cache[key] = [
                t for t in self.sents[sent_i] if is_cue(t, with_beliefs) and not self.in_quoted(t.idx)
            ]
        return self._cue_cache[key]

    def subject_of(self, cue: Token) -> Token | None:
        """The cue's grammatical subject, climbing through "went on to say", "..., saying"."""
        tok = cue
        sent = self.sents[self.sent_index(cue.i)]
        for _ in range(6):
            if tok == cue and _conjoined_out_of_its_clause(cue):
                # "they had seen the moment the climber was hurt but cannot tell how": the parser hung the
                # cue on the lower clause's verb; its subject is the one of the clause above, not "the climber"
                above = self._verb_above(cue.head)
                if above is not None:
                    tok = above
                    continue
            if tok != cue and cue.tag_ == "VBG" and _relative_clause(tok):
                # "defended not paying a builder who said ..., saying “...”": a participle the parser hung
                # on a relative clause reports for the main clause, not for the relative's "who"
                tok = self._verb_above(tok.head)
                if tok is None:
                    break
                continue
            if tok != cue and tok.dep_ == "ccomp" and is_cue(tok.head) and not self.in_quoted(tok.head.idx):
                # "X told them that Y “had ...,” adding": climbed into what X reports; Y is its topic
                tok = tok.head
                continue
            # The parser sometimes hangs a quote's own subject on "said" too, or runs a headline into
            # the next paragraph: the speaker is outside the quote and inside the sentence.
            deps = ("nsubj", "csubj") if tok == cue else ("nsubj", "csubj", "nsubjpass")  # "she was taken after saying"
            subjects = [
                c for c in tok.children if c.dep_ in deps and not self.in_quoted(c.idx) and sent.start <= c.i < sent.end
            ]
            if subjects:
                return subjects[-1]
            if tok.dep_ == "acl" and tok.head.pos_ in ("PROPN", "NOUN"):
                return tok.head  # "footage of Hillary Clinton asking, “...”"
            if tok.lower_ == "according" or tok.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep"):
                break
            if tok.dep_ == "ccomp" and tok != cue:
                break  # a content clause's verb: its subject is not the speaker
            tok = tok.head
        return self._participle_subject(cue) or self._subject_beside(cue)

    def _verb_above(self, tok: Token) -> Token | None:
        """The nearest verb that governs ``tok`` outside quoted words, else None."""
        for _ in range(6):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ in VERBISH and not self.in_quoted(tok.idx):
                return tok
        return None

    def _participle_subject(self, cue: Token) -> Token | None:
        """ "In addition to stating ..., X vowed", "After insisting ..., the minister resigned": a participle
        inside a preposition's phrase reports for the subject of the clause the phrase belongs to."""
        if cue.tag_ != "VBG" or cue.dep_ != "pcomp":
            return None
        tok = cue.head
        for _ in range(4):
            if tok.dep_ not in ("prep", "pobj", "pcomp") or tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ in VERBISH:
                subjects = [c for c in tok.children if c.dep_ == "nsubj" and not self.in_quoted(c.idx)]
                return subjects[0] if subjects else None
        return None

    def _subject_beside(self, cue: Token) -> Token | None:
        """A subject the parse lost: "“...,” Flynn, an adviser, said" (the name hung inside the quote),
        or "X said, suggesting ..." (the participle hung elsewhere)."""
        sent = self.sents[self.sent_index(cue.i)]
        gap = []
        for tok in reversed(self.doc[max(sent.start, cue.i - 12) : cue.i]):
            if self.in_quoted(tok.idx) or tok.is_quote:
                break
            gap.append(tok)
        # Between a closing mark (or the sentence start) and the cue, a bare noun phrase is the subject.
        opened = cue.i - len(gap) - 1
        if gap and (opened < sent.start or self.doc[opened].is_quote):
            words = [t for t in reversed(gap) if not t.is_punct and not t.is_space]
            if words and not any(t.pos_ in VERBISH or t.pos_ == "ADP" and t.lower_ != "of" for t in words):
                return next((t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON")), None)
        # "X said, suggesting ..." / "X said, going on to say ...": the earlier verb's subject.
        earlier = [t for t in self.cues_in(self.sent_index(cue.i)) if t.i < cue.i and t.tag_ not in ("VBG", "VB")]
        if cue.tag_ in ("VBG", "VB") and earlier and cue.i - earlier[-1].i <= 5:
            if any(t.text == "," for t in self.doc[earlier[-1].i + 1 : cue.i]):
                return self.subject_of(earlier[-1])
        return None

    def speaker_of(self, cue: Token) -> tuple[str | None, Span | None]:
        """(entity id, speaker as written) of whoever the cue reports: its subject, or X in "according to X"."""
        if cue.lower_ == "according":
            for to in cue.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return self.speaker_from_token(obj), self.phrase_span(obj)
            return None, None
        if cue.lemma_ == "quote":
            # "X quoted from an interview with Y: ..." -- the words are Y's.
            for tok in cue.subtree:
                if tok.dep_ in ("pobj", "dobj") and tok.i > cue.i and not self.in_quoted(tok.idx):
                    ent = self.entity(tok.idx, tok.idx + len(tok))
                    if ent and self.entity_types.get(ent) == "PERSON":
                        return ent, self.phrase_span(tok)
        extraposed, doer = _extraposed_it(cue)
        if extraposed:
            # "It is my job to tell you that ...", "It was left to the mayor to announce that ...": the
            # "it" stands for the infinitive, never for someone; whoever does the infinitive speaks, if named
            if doer is None or self.in_quoted(doer.idx):
                return None, None
            return self.speaker_from_token(doer), self.phrase_span(doer)
        agent = _passive_agent(cue)
        if agent is not None and not self.in_quoted(agent.idx):
            # "X was asked by Y, “...”": the asker speaks, not the one asked
            return self.speaker_from_token(agent), self.phrase_span(agent)
        if bare_participle(cue):
            # "Asked (by Y) whether ..., X said": the main clause's subject is the one asked
            agent = _agent_of(cue)
            if agent is None or self.in_quoted(agent.idx):
                return None, None
            return self.speaker_from_token(agent), self.phrase_span(agent)
        subj = self.subject_of(cue)
        if subj is not None:
            return self.speaker_from_token(subj), self.phrase_span(subj)
        return self._adjacent_name(cue)

    def _adjacent_name(self, cue: Token) -> tuple[str | None, Span | None]:
        """A name right beside a cue the parser left without subject ("X all but acknowledged")."""
        sent = self.sents[self.sent_index(cue.i)]
        left = [t for t in self.doc[max(sent.start, cue.i - 4) : cue.i]]
        right = [t for t in self.doc[cue.i + 1 : min(sent.end, cue.i + 4)]]
        # "her adviser, Jacob Sellers, said": the comma that closes an apposition is no boundary
        if len(left) >= 2 and left[-1].text == "," and self.entity(left[-2].idx, left[-2].idx + len(left[-2])):
            left = left[:-1]
        for side in (reversed(left), right):
            for tok in side:
                if tok.is_punct or tok.pos_ in ("ADP", "VERB", "AUX", "SCONJ") or tok.dep_ == "mark":
                    # a name across a comma or a preposition belongs to another phrase; one after "that"
                    # opens what is said ("X added that Y had ..." where the parse lost X): Y is its topic
                    break
                ent = self.entity(tok.idx, tok.idx + len(tok))
                if ent is not None and self.entity_types.get(ent) in _SPEAKER_TYPES:
                    return ent, self.mention_span(tok, ent)
        return None, None

    def mention_span(self, tok: Token, ent: str) -> Span:
        """The mention of ``ent`` that covers ``tok`` (the token itself if none does)."""
        i = bisect.bisect_right(self.entity_spans, (tok.idx, float("inf"), "")) - 1
        for s, e, eid in self.entity_spans[max(0, i - 3) : i + 3]:
            if eid == ent and s <= tok.idx < e:
                return self.char_span(s, e)
        return self.char_span(tok.idx, tok.idx + len(tok))

    def char_span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def phrase_span(self, tok: Token) -> Span:
        """The noun phrase ``tok`` heads, as written: "he", "Putin", "the ministry's spokeswoman",
        "the mayor of Lowmarsh, Anna Kovac" -- without relative clauses, participles or edge
        punctuation, and never reaching into quoted words.  A relative pronoun ("an aide who said")
        gives the phrase it stands for ("an aide")."""
        antecedent = _antecedent(tok)
        if antecedent is not None:
            # "an aide who said": the phrase the relative pronoun stands for, ending before its clause
            return self.phrase_span(antecedent)
        keep = {tok.i}
        stack = [tok]
        while stack:
            for child in stack.pop().children:
                if child.dep_ not in _CLAUSE_DEPS:
                    keep.add(child.i)
                    stack.append(child)
        sent = self.sents[self.sent_index(tok.i)]
        lo = hi = tok.i
        while lo - 1 in keep and lo > sent.start:
            lo -= 1
        while hi + 1 in keep and hi + 1 < sent.end:
            hi += 1
        while lo < tok.i and (self.doc[lo].is_punct or self.doc[lo].is_space):
            lo += 1
        while hi > tok.i and (self.doc[hi].is_punct or self.doc[hi].is_space or self.doc[hi].dep_ == "cc"):
            hi -= 1
        if hi - lo >= _MAX_PHRASE_TOKENS or any(self.in_quoted(t.idx) for t in self.doc[lo : hi + 1]):
            lo = hi = tok.i  # a runaway parse: the head word and its name parts
            while lo > 0 and self.doc[lo - 1].dep_ in ("compound", "flat") and self.doc[lo - 1].head.i >= tok.i:
                lo -= 1
        return self.char_span(self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi]))

    def speaker_from_token(self, tok: Token) -> str | None:
        """Entity id of a subject noun phrase; pronouns and "the senator" as newsgraph_coref_v1 resolved them."""
        antecedent = _antecedent(tok)
        if antecedent is not None:
            return self.speaker_from_token(antecedent)  # "Smith, who said ...": "who" stands for Smith
        if tok.pos_ == "PRON":
            return self.references.get(tok.i)  # resolved once, by newsgraph_coref_v1
        if tok.lemma_.lower() in DOCUMENT_NOUNS:
            return self._author_of(tok)
        # The name up to its head ("Mayor Anna Kovac"), not possessors, relative clauses or appositions.
        first = tok
        while (
            first.i > 0 and self.doc[first.i - 1].dep_ in ("compound", "flat") and self.doc[first.i - 1].head.i >= tok.i
        ):
            first = self.doc[first.i - 1]
        own = self.entity(tok.idx, tok.idx + len(tok))
        if own is not None and _named_after_place(self, first, tok, own):
            # "Police Scotland said": a body named after the place, that the model did not find;
            # "Amnesty International Kenya said": the body before the place, that it did
            return _organisation_before_place(self, first, tok, own)
        if own is None and tok.pos_ == "NOUN" and _unnamed(tok):
            # the organisation in its modifier did not say it: an unnamed member did (the speaker as
            # written stays; PolNeAR and the real-news gold give such a quote no named speaker) -- unless
            # the article names the member in apposition ("A ministry spokesman, Pieter Lund, denied")
            member = self._named_in_apposition(tok)
            return member if self.entity_types.get(member or "") == "PERSON" else None
        ent = own or self.entity(first.idx, tok.idx + len(tok))
        # a capitalised title is tagged PROPN ("The Mayor, Anna Kovac, said"; "The Prime Minister said")
        if ent is None and tok.pos_ in ("NOUN", "PROPN"):
            for appos in tok.children:  # "the mayor of Lowmarsh, Anna Kovac, said"
                if appos.dep_ == "appos" and appos.pos_ == "PROPN":
                    ent = self.entity(appos.idx, appos.idx + len(appos))
                    if ent is not None:
                        return ent
        if ent is None and tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            ent = self._named_in_apposition(tok)
            if ent is not None:
                return ent
        if ent is None and (tok.pos_ == "NOUN" or tok.i in self.references):
            return self.references.get(tok.i)  # "the senator": newsgraph_coref_v1 resolved it
        if ent is not None and self.entity_types.get(ent, "PERSON") not in _SPEAKER_TYPES:
            return None
        return ent

    def _named_in_apposition(self, tok: Token) -> str | None:
        """A person or organisation named in apposition to the subject's own head or to a word its phrase
        holds for the speaker: "the mayor, Ann Lee, said"; "one of the growers' lawyers, Ann Lee, said"
        (a partitive: the name hangs on "lawyers"); "her partner at Acme, Ann Lee, said" (the parser hangs
        the name on the place or body the speaker is at).  A name hung on whom the phrase is for, of, to
        or against ("the lawyer for the family of the boy, Tom Hale", "the neighbour of the victim, Tom
        Hale") is that other person, never the speaker; so is a description ("the lawyer for Ann Lee, a
        teacher").  Two different names in apposition ("the lawyers, Ann Lee and Bo Park") resolve to
        neither."""
        stack = [tok]
        found: list[str] = []
        while stack:
            for child in stack.pop().children:
                if child.dep_ in _CLAUSE_DEPS or self.in_quoted(child.idx):
                    continue
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    ent = self.entity(child.idx, child.idx + len(child))
                    if ent is not None and self.entity_types.get(ent) in ("PERSON", "ORG"):
                        if self._speaker_holds(tok, child.head):
                            found.append(ent)
                    continue
                stack.append(child)
        return found[0] if len(set(found)) == 1 else None

    def _speaker_holds(self, subject: Token, word: Token) -> bool:
        """Whether a name in apposition to ``word`` names the speaker of the phrase headed by ``subject``:
        ``word`` is the head itself, the group of a partitive ("one of the lawyers"), or a place or body
        the speaker is at, in, of or from ("partner at Acme", "the mayor of Lowmarsh") -- never a person
        the phrase is for, to, against or of ("the lawyer for the family of the boy")."""
        while word.i != subject.i:
            if word.dep_ == "pobj":
                prep = word.head
                partitive = prep.lower_ == "of" and prep.head.i == subject.i and _partitive(subject)
                placed = prep.lower_ in _SITE_PREPOSITIONS and self._place_or_body(word)
                if not (partitive or placed):
                    return False
                word = prep.head
            elif word.head.i == word.i:
                return False
            else:
                word = word.head
        return True

    def _place_or_body(self, word: Token) -> bool:
        """A place or organisation by its entity, or a common noun that names no person ("the firm")."""
        ent = self.entity(word.idx, word.idx + len(word))
        if ent is not None:
            return self.entity_types.get(ent) != "PERSON"
        return word.pos_ in ("NOUN", "PROPN") and not is_person_noun(word.lemma_)

    def _author_of(self, document: Token) -> str | None:
        """Who wrote "a statement from X", "X's tweet", "the X report": the document never speaks itself."""
        for child in document.children:
            if child.dep_ in ("poss", "compound", "nmod") or (
                child.dep_ == "prep" and child.lower_ in ("from", "by", "of")
            ):
                heads = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
                for head in heads:
                    ent = self.speaker_from_token(head) if head.lemma_.lower() not in DOCUMENT_NOUNS else None
                    if ent is not None:
                        return ent
        return None

    def content_holder(self, token: Token) -> tuple[Token, Token] | None:
        """(cue, content head) when ``token`` lies in what a reporting verb reports.

        Covers "X wrote that the goals ...", "X called for a ...", "X noted the ...",
        and parentheticals "Russia, he insisted, had to be ...".
        """
        tok = token
        for _ in range(12):
            for child in tok.children:
                if child.dep_ == "parataxis" and is_cue(child, True) and not self.in_quoted(child.idx):
                    return child, tok
            head = tok.head
            if head.i == tok.i:
                return None
            if is_cue(head, True) and not self.in_quoted(head.idx):
                if tok.dep_ in CONTENT_DEPS or (tok.dep_ == "prep" and tok.lower_ in ("for", "on", "as")):
                    return head, tok
            tok = head
        return None


# Words that make a place's name longer without naming something else ("North Korea", "Greater London")
_PLACE_NAME_PREFIXES = frozenset(
    "north south east west northern southern eastern western central new upper lower greater".split()
)


def _named_after_place(attributor: Attributor, first: Token, tok: Token, ent: str) -> bool:
    """Whether the speaker phrase's name ``first``..``tok`` ends in a place's mention but starts before it,
    with a noun of its own ("Police Scotland", "Customs Ireland"): it names a body, not the place."""
    if first.i == tok.i or attributor.entity_types.get(ent) not in ("GPE", "LOC"):
        return False
    if attributor.mention_span(tok, ent).start <= first.idx:
        return False  # the place's own name covers the whole phrase
    head_words = [t for t in attributor.doc[first.i : tok.i] if t.idx < attributor.mention_span(tok, ent).start]
    return any(t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _PLACE_NAME_PREFIXES for t in head_words)


def _organisation_before_place(attributor: Attributor, first: Token, tok: Token, ent: str) -> str | None:
    """The organisation entity the speaker phrase's words before the place ``ent`` name, else None."""
    place_start = attributor.mention_span(tok, ent).start
    for t in attributor.doc[first.i : tok.i]:
        if t.idx >= place_start:
            break
        found = attributor.entity(t.idx, t.idx + len(t))
        if found is not None and attributor.entity_types.get(found) == "ORG":
            return found
    return None


def _partitive(tok: Token) -> bool:
    """A head that picks some of a group: "one" (of the lawyers), "two", "some", "each"."""
    return tok.pos_ in ("NUM", "PRON") or tok.lower_ in _GROUP_QUANTIFIERS | {"one", "each", "either", "neither"}


def _told_by_who(head: Token) -> bool:
    """A noun a "who" clause describes is someone, whether or not the lexicon knows the word: "an
    architect who worked on the depot said"."""
    return any(c.dep_ == "relcl" and any(g.lower_ in _PERSON_RELATIVES for g in c.children) for c in head.children)


def _people_described(head: Token) -> bool:
    """ "Those" with words that tell who they are: "those close to the mayor", "those who attended",
    "those familiar with the talks" -- people the article does not name.  A bare "those" points back."""
    return head.lower_ == "those" and head.pos_ == "PRON" and any(c.dep_ != "punct" for c in head.children)


def _unnamed(tok: Token) -> bool:
    """An indefinite description ("a State Department official", "one operative"), not a named source."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in tok.children)


# Determiners that point at groups the article has named ("the groups", "both groups", "their groups")
_DEFINITE_GROUP_WORDS = frozenset("the this these those both their its our his her".split())


def _people_word(tok: Token) -> bool:
    """A word for people: a person noun ("drivers") or a nationality or party ("Americans", "Republicans")."""
    if is_person_noun(tok.lemma_) or tok.ent_type_ == "NORP":
        return True
    return tok.tag_ == "NNPS" and any(p.kind == "nationality" for p in get_gazetteer().lookup(tok.text))


def _collective_of_people(head: Token) -> bool:
    """A count or share of people the article does not name: a collective noun with people after "of"
    ("a majority of the drivers", "a handful of shop owners", "half of Americans"), a counted share on
    its own (a poll's respondents: "38 percent said", "another 12 percent"), or unnamed groups
    ("conservation groups warned", "several groups").  Not a share of a thing ("a third of the budget"),
    a bare "the majority" (a court's), nor groups the article named ("the groups", "both groups")."""
    lemma = head.lemma_.lower()
    if lemma not in COLLECTIVE_NOUNS:
        return False
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    if of:
        return any(t.dep_ == "pobj" and _people_word(t) for p in of for t in p.children)
    if lemma in COUNTED_SHARE_NOUNS:
        return any(c.dep_ == "nummod" or c.like_num for c in head.children)
    plural = head.tag_ in ("NNS", "NNPS") or "Number=Plur" in head.morph
    definite = any(c.dep_ in ("det", "predet", "poss") and c.lower_ in _DEFINITE_GROUP_WORDS for c in head.children)
    return lemma == "group" and plural and not definite


def no_attribution(doc: Doc, q: Quote) -> bool:
    """Whether the quote's source says no one holds the words: a denied source ("nobody said", "no one
    believes", "none of the drivers said") or common knowledge the writer asserts ("everyone knows",
    "anyone agrees").  Such words are nobody's quote or view."""
    if q.speaker_span is None:
        return False
    span = doc.char_span(q.speaker_span.start, q.speaker_span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    if head.lower_ in NEGATIVE_SOURCE_WORDS or any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return True
    if head.lower_ not in UNIVERSAL_PERSON_PRONOUNS or q.cue is None:
        return False
    cue = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
    return cue is not None and any(t.lemma_.lower() in COMMON_KNOWLEDGE_LEMMAS for t in cue)


def unnamed_source_form(doc: Doc, start: int, end: int) -> str | None:
    """What a speaker phrase that resolved to no entity points at, from its head noun.

    "anonymous": people the article does not name and need not, so the phrase is the speaker
    ("officials", "a spokesman for the port", "two witnesses", "his aides", "others", "some", "many of
    the growers", "Republicans", "those close to her", "an architect who ...", "a review board");
    "pronoun": a personal pronoun coreference found no antecedent for ("she", "they"; not "it" or
    "this", which are things);
    "unclaimed": a description of someone whose role the article gives nobody it names ("the
    judge said", no judge named, no one "served as judge"; "Lund's doctor said", "his lawyer said",
    where the article names nobody as Lund's doctor or his lawyer, whoever else it calls a doctor or a
    lawyer), so the phrase is all the article says;
    "particular": someone in particular we failed to resolve ("the former mayor" where the article
    names a mayor, a name with no entity, a phrase holding one: "the owner, Dorn"); None: a thing
    ("city records", "a statement", "it") or no noun phrase at all.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span or () if not (t.is_punct or t.is_space)]
    relative = None
    while words and words[-1].lower_ in _RELATIVE:  # "an architect who"
        relative = words.pop().lower_
    if not words:
        return None
    relative = relative or _speaking_relative(doc, words[0].i, words[-1].i)
    head = doc[words[0].i : words[-1].i + 1].root
    if head.i == words[0].i and head.lower_ in _GROUP_QUANTIFIERS:
        return "anonymous"  # "some", "many of the growers", "most of the growers": people the article need not name
    if head.lower_ in INDEFINITE_PERSON_PRONOUNS or _collective_of_people(head) or _people_described(head):
        return "anonymous"  # "someone asked", "a majority of the drivers", "38 percent said", "those close to her"
    if head.pos_ == "PRON" and not is_person_noun(head.lemma_):  # "others", "some" are people; "she" is someone
        return "pronoun" if head.lower_ in _PERSONAL_PRONOUNS else None
    if head.tag_ in ("NNS", "NNPS") and _people_word(head):
        return "anonymous"  # "Republicans said", "many Mexicans hope": a people or a party's members, none named
    if head.pos_ == "PROPN":
        return "particular"
    if head.pos_ == "NOUN" and _unnamed(head) and head.lemma_.lower() in BODY_NOUNS:
        return "anonymous"  # "a review board found", "an appeals panel ruled": a body the article does not name
    person = is_person_noun(head.lemma_) or relative in _PERSON_RELATIVES or _told_by_who(head)
    if head.lemma_.lower() in DOCUMENT_NOUNS or not person:
        return None
    plural = head.tag_ in ("NNS", "NNPS") or "Number=Plur" in head.morph
    if plural or _unnamed(head):
        return "anonymous"
    possessor = _possessor(head)
    owner_words = {t.i for t in possessor.subtree} if possessor is not None else set()
    if any(t.pos_ == "PROPN" and t.i not in owner_words for t in words):
        return "particular"  # "the hotel's owner, Dorn": a name we failed to resolve (not "Lund's doctor")
    if head.pos_ != "NOUN":
        return "particular"
    claimed = _role_claimed(doc, head) if possessor is None else _possessed_role_claimed(doc, head, possessor)
    return "particular" if claimed else "unclaimed"


def _speaking_relative(doc: Doc, first: int, last: int) -> str | None:
    """The relative pronoun right after a phrase (``first``..``last``) that stands for it and is the
    subject of a cue: the phrase as written ends before it ("several shopkeepers on the quay, who say
    ..."), but it still tells the phrase is people."""
    for tok in doc[last + 1 : min(len(doc), last + 3)]:
        if tok.is_punct or tok.is_space:
            continue
        antecedent = _antecedent(tok)
        speaks = tok.dep_ in ("nsubj", "nsubjpass") and is_cue(tok.head, True)
        if speaks and antecedent is not None and first <= antecedent.i <= last:
            return tok.lower_
        return None
    return None


def nested_first_person_speakers(quotes: list[Quote]) -> list[tuple[Quote, str]]:
    """(quote, speaker) for each quote whose speaker as written is "I" and lies inside the words of a
    direct or block quote whose speaker is known: "“... I said that the bridge would be built ...,” Lee
    told the crowd" -- the "I" is Lee.  The holder may be an indirect quote that opens with a quotation
    mark the pairing left alone ("''I said that ...,'' he told the crowd"); never one without marks ("Lee
    said I told them that ...": that "I" is the writer).  "I" inside the words of nobody we know stays
    unlinked."""
    holders = [
        q for q in quotes if q.speaker is not None and (q.kind in ("direct", "block") or q.text[:1] in _OPENING_MARKS)
    ]
    out = []
    for q in quotes:
        written = q.speaker_span.text.strip().lower() if q.speaker_span else ""
        if q.speaker is not None or written not in _FIRST_PERSON_SINGULAR:
            continue
        holder = next((h for h in holders if h is not q and h.start <= q.speaker_span.start < h.end), None)
        if holder is not None:
            out.append((q, holder.speaker))
    return out


def record_source(doc: Doc, start: int, end: int) -> bool:
    """Is the source phrase a thing that shows or finds ("a new poll", "federal statistics", "the
    videos", "a 2014 study"): its head a common noun of
    :data:`~newsgraph.nlp.knowledge.lexicon.RECORD_NOUNS`?  Not a pronoun ("it said" stays someone's
    unresolved words) nor a body that speaks ("the ministry")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span or () if not (t.is_punct or t.is_space)]
    while words and words[-1].lower_ in _RELATIVE:  # "a report that"
        words.pop()
    if not words:
        return False
    head = doc[words[0].i : words[-1].i + 1].root
    return head.pos_ == "NOUN" and (head.lemma_.lower() in RECORD_NOUNS or head.lower_ in RECORD_NOUNS)


def _role_claimed(doc: Doc, head: Token) -> bool:
    """Does the article give the role of ``head`` ("the mayor") to someone it names: an entity's
    name or title holds the word ("Mayor Ann Lee"), or the word stands bare elsewhere, said of
    someone ("served as mayor", "while mayor", "Lee, former mayor, ...")?"""
    word = head.lemma_.lower()
    _spans, entities = entity_index(doc)
    if any(word in description_words([e.name, *e.titles]) for e in entities):
        return True
    return any(
        t.i != head.i
        and t.lemma_.lower() == word
        and t.tag_ == "NN"
        and not any(c.dep_ in ("det", "poss", "nummod") for c in t.children)
        for t in doc
    )


def _possessor(role: Token) -> Token | None:
    """Whose role it is: the possessor of "Lund's doctor", "his lawyer", else None."""
    return next((c for c in role.children if c.dep_ == "poss"), None)


def _possessed_role_claimed(doc: Doc, head: Token, possessor: Token) -> bool:
    """Does the article name someone in the role of ``head`` for the same possessor: "Whitcombe's lawyer,
    Ferrin Oakes", "Ferrin Oakes, a lawyer for Whitcombe"?  A role with a possessor is a relation, so a
    name holding the bare word for someone else ("a lawyer for the bank") does not claim it.  A possessor
    coreference left unresolved ("his") matches any possessor: we cannot tell whose."""
    word = head.lemma_.lower()
    owner = _person_meant(doc, possessor)
    for tok in doc:
        if tok.i == head.i or tok.lemma_.lower() != word or not _named_in_role(tok):
            continue
        other = _possessor(tok) or next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        if other is None:
            continue
        held_for = _person_meant(doc, other)
        if owner is None or held_for is None or owner == held_for:
            return True
    return False


def _named_in_role(role: Token) -> bool:
    """Is the role word tied to a name: in apposition to one ("Ferrin Oakes, a lawyer for ..."), holding
    one in apposition ("Whitcombe's lawyer, Ferrin Oakes"), or a title before one ("lawyer Ferrin Oakes")?"""
    if role.dep_ == "appos" and role.head.pos_ == "PROPN":
        return True
    if role.dep_ == "compound" and role.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in role.children)


def _person_meant(doc: Doc, tok: Token) -> str | None:
    """Who a possessor stands for: the entity coreference or a mention gives it, else its words
    ("the bank"), else None for a pronoun nobody was found for."""
    coref = doc._.ng_coref or {}
    if tok.i in coref:
        return coref[tok.i]
    entity = entity_at(doc, tok.idx, tok.idx + len(tok))
    if entity is not None:
        return entity
    if tok.pos_ == "PRON":
        return None
    return " ".join(t.lower_ for t in tok.subtree if t.dep_ != "case")


# Adjectives whose "it" is a real subject that does the infinitive ("it is ready to announce"), unlike
# the extraposed "it" of "it is important to say".  Read by the word, whatever the tagger calls it ("ready"
# or "due" tagged a noun).  Not "right" or "wrong": "it is right to say that ..." is extraposed.
_CONTROL_ADJECTIVES = frozenset(
    """ready willing eager able unable happy glad prepared keen reluctant likely unlikely set due expected
    about going quick slow determined pleased delighted sorry proud careful free""".split()
)
# Verbs whose "it" stands for the infinitive after them: "it was left to the mayor to announce", "it fell
# to her to say", "it remains for the board to rule"
_EXTRAPOSING_VERBS = frozenset({"leave", "fall", "remain"})


def _extraposed_it(cue: Token) -> tuple[bool, Token | None]:
    """(whether the cue is an infinitive whose clause's subject is an extraposed "it", who does it).

    "It is my job to tell you that ..." (the possessor: "my"), "It was left to the mayor to announce
    ..." ("the mayor"), "It is up to the council to say ..." ("the council"), "It is important to say
    ..." (nobody).  "It" that does the infinitive itself ("It is ready to announce", "It wants to say")
    is a real subject (a company, a ministry) and not extraposed."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return False, None
    gov = cue.head
    described = None  # "job" of "it is my job to", "vital" of "it is vital to"
    if gov.dep_ in ("attr", "acomp") and gov.head.i != gov.i:
        described, gov = gov, gov.head
    if gov.pos_ not in ("AUX", "VERB") or not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ == "it" for c in gov.children
    ):
        return False, None
    if gov.lemma_ == "be":
        if described is None:
            described = next((c for c in gov.children if c.dep_ in ("attr", "acomp")), None)
        up = next((c for c in gov.children if c.dep_ in ("prep", "advmod", "prt") and c.lower_ == "up"), None)
        if described is None and up is None:
            return False, None
        if described is not None and (
            described.lower_ in _CONTROL_ADJECTIVES or described.lemma_.lower() in _CONTROL_ADJECTIVES
        ):
            return False, None
    elif gov.lemma_ not in _EXTRAPOSING_VERBS:
        return False, None
    holders = [gov, *(c for c in gov.children if c.dep_ in ("attr", "acomp", "prep", "advmod", "prt"))]
    if described is not None:
        holders.append(described)
    for holder in holders:
        owner = next((c for c in holder.children if c.dep_ == "poss"), None)
        if owner is not None:
            return True, owner
        preps = ([holder] if holder.dep_ == "prep" else []) + [c for c in holder.children if c.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ in ("to", "for"):
                doer = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if doer is not None:
                    return True, doer
    return True, None


# present-tense modals: "cannot tell" after a past clause ("was hurt") belongs to another clause
_PRESENT_MODALS = frozenset({"can", "ca", "will", "wo", "may", "must", "shall"})


def _conjoined_out_of_its_clause(cue: Token) -> bool:
    """Whether a conjoined cue with no subject of its own was hung by the parser on the verb of a lower
    clause (a reported or subordinate clause) it does not share a subject with: after a bare verb ("heard
    the van leave but will not tell"), with a present modal after a past verb ("the moment he was hurt but
    cannot tell"), or across ", but" after the content of a cue of the same tense ("claimed the crew had been
    warned, but admitted ..."): the cue goes with the clause above."""
    head = cue.head
    if cue.dep_ != "conj" or head.dep_ not in ("ccomp", "advcl", "xcomp", "relcl"):
        return False
    if head.dep_ == "relcl" and any(c.lower_ in _RELATIVE for c in head.children if c.dep_.startswith("nsubj")):
        return False  # "a witness who was there but will not say": the relative pronoun is the subject of both
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cue.children):
        return False
    head_auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    cue_auxes = [c for c in cue.children if c.dep_ in ("aux", "auxpass")]
    cue_finite = cue.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("MD", "VBD", "VBZ", "VBP") for a in cue_auxes)
    if head.tag_ in ("VB", "VBG") and not head_auxes and cue_finite:
        return True  # "watched the van leave": a bare verb has no finite verb to share
    present_modal = any(a.tag_ == "MD" and a.lower_ in _PRESENT_MODALS for a in cue_auxes)
    head_past = head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in head_auxes)
    if present_modal and head_past:
        return True
    comma_before = cue.i >= 2 and any(t.text == "," for t in cue.doc[max(head.i, cue.i - 3) : cue.i])
    governor = head.head
    return (
        comma_before
        and head.dep_ == "ccomp"
        and is_cue(governor)
        and governor.i < head.i
        and cue.tag_ == governor.tag_
        and not any(c.dep_ == "mark" and c.lower_ in ("if", "when", "because", "while") for c in head.children)
    )


def _relative_clause(verb: Token) -> bool:
    """A relative clause ("a builder who said", "the stadium - where the Rovers played")."""
    return verb.dep_ == "relcl" or any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)


def _antecedent(tok: Token) -> Token | None:
    """What a relative pronoun subject ("who", "which") stands for, else None.

    The parser hangs a relative clause on the nearest noun; a "who" clause hung on a place or thing
    inside a phrase about people ("some farmers in the valley who fear ...") describes the people: the
    antecedent climbs out of the preposition's object to the noun the phrase is about."""
    if not (tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl" and tok.head.head.i < tok.i):
        return None
    noun = tok.head.head
    if tok.lower_ not in _PERSON_RELATIVES:
        return noun
    while (
        not _someone(noun)
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
    ):
        noun = noun.head.head
    if not _someone(noun) and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in VERBISH:
        # "has alarmed some farmers in the valley who ...", with "in the valley" hung on the verb: the
        # people are the verb's object just before the preposition
        prep = noun.head
        objects = [c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i and _someone(c)]
        if objects:
            return objects[-1]
    if not _someone(noun):
        # "had letters from parents of pupils at the school who said ...", the clause hung on "letters":
        # "who" stands for the first people the phrase names before it ("parents" of "parents of children")
        people = [t for t in noun.subtree if t.i < tok.i and t.pos_ in ("NOUN", "PROPN") and _someone(t)]
        if people:
            return people[0]
    return noun


def _someone(noun: Token) -> bool:
    """A word that can stand for people: a person noun, a people, a person's name or a pronoun."""
    return noun.ent_type_ == "PERSON" or noun.pos_ == "PRON" or _people_word(noun) or is_person_noun(noun.lemma_)


def _passive_agent(cue: Token) -> Token | None:
    """Y in a passive cue "was asked by Y" (only with a passive subject or auxiliary), else None."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return None
    return _agent_of(cue)


def _agent_of(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def bare_participle(cue: Token) -> bool:
    """A past participle heading an adverbial clause of its own, with no subject or auxiliary ("Asked
    whether ..., she said", "Pressed on the cuts, he replied"): its meaning is passive, so the subject
    of the clause it hangs on was asked, and what it reports is someone else's question."""
    return (
        cue.tag_ == "VBN"
        and cue.dep_ == "advcl"
        and cue.i < cue.head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cue.children)
    )
