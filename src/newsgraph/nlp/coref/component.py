"""``newsgraph_coref_v1``: one referent for each pronoun and definite description.

Runs after ``newsgraph_linking_v1`` and before the components that need to know who
"he", "they" or "the minister" is (quotes and events), so both give a pronoun the
same entity.  Assigns ``doc._.ng_coref``: token index -> entity id, for every
resolved token.

The rules are the quote attributor's, which were the finer of the two resolvers the
quotes and events components used to carry:

- *pronouns* (he/she/him/her/his..., they/them/their/we, it/its) take the most recent
  fitting entity outside quoted words (quoted words are the speaker's, not the
  article's), walking back sentence by sentence.  In the nearest sentence with a
  candidate, a subject mention beats a later non-subject one, the main clause's subject
  one inside a "that ..." clause.  A sentence whose subject is itself a pronoun of the
  same kind only continues the chain, so its other mentions do not capture it.
  "he"/"she" want a PERSON of no contrary gender (first names, gendered titles);
  "it"/"its" an organisation, place or people, never a person; "they" any of these.  A
  group pronoun in an adverbial or relative clause ("defend Saudi Arabia if it is attacked")
  takes the nearest fitting mention of its sentence, as the events coder's resolver did.
- *definite descriptions* ("the senator", "the ministry", "its spokesman") take the
  latest entity whose name or title has the noun's word ("Sen." spells "senator"); a
  noun of an organisation ("the company", "the union", "the ministry", "the club":
  ``lexicon.ORG_DESCRIPTION_KINDS``) the one organisation named before it whose name has the word,
  else whose name tells a fitting kind (a business, a government body, a party, a club, a union,
  an outlet), else whose name tells no kind -- none when two fit ("the party" after two parties),
  nor in the plural, nor with a possessor or another name on it ("the Clinton campaign");
  "the leader" the latest person with a head-of-state or -government title, or introduced by one
  of the description's country set apart from the name ("Korvia's Prime Minister and Chair of X,
  Dr Y, ..."; no verb between).  A capitalised
  title ("the Senator", tagged PROPN) counts when it is some person's title; a nationality
  on the description ("the German president") rules out a person of another known country.
  A title two people before it carry ("Mayor X met Mayor Y ... the mayor said") resolves to neither,
  unless the description's modifiers fit only one of them ("Liberal nominee X and Labour
  nominee Y ... the Liberal nominee said": the words of their titles or the title run before a name).
  A role the article states of one named person, bare after "as" ("X served as mayor", "his
  tenure as mayor"), resolves "the mayor" to them when no entity's name or title has the word.
  Surnames need no step here: linking already makes a bare surname a mention of its person.
- *gender*: a name of unknown gender loses "he"/"she" to an earlier name known to agree (a first
  name, a title, or a pronoun of that gender already resolved to it), a few sentences back -- but
  not when it is the subject of a subject pronoun's own sentence ("Nwosu said ..., but he said"); a
  name the article already called "she" is no antecedent of "he", and the reverse.  Nor when it is the
  subject of what the sentence just before reports and the pronoun is the subject of a verb of saying
  ("Prosecutor X said .... “...,” she told reporters": the one who spoke goes on speaking).  After a
  full name the entity model missed as that subject ("Neighbour Ann Roe said she ...", "... “...,” she
  said"), "she" (and its chain) stays unresolved rather than going back to an earlier woman.
- *credits*: a byline ("By NAME", a name-only line at the top or bottom), a dateline's outlet
  ("OUTLET – ...") and a signed credit ("— NAME, Outlet", "NAME contributed to this report") name
  the writer, not anyone the article's pronouns stand for: their mentions are no antecedents.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model import Paragraph
from ..extensions import doc_text, entity_index, register_extensions
from ..knowledge.lexicon import (
    GENDERED_PRONOUNS,
    GROUP_PRONOUNS,
    ORG_DESCRIPTION_KINDS,
    ORG_HEAD_WORDS,
    OUTSIDE_COMMENTATOR_NOUNS,
    PRONOUN_GENDER,
    PRONOUNS,
    RANK_QUALIFIERS,
    SAY_LEMMAS,
    description_words,
    guess_gender,
    ranked_role_words,
)
from ..knowledge.organisations import named_country, organisation_kinds
from ..layout import OUTLET_DATELINE, paragraphs_of
from ..quote_marks import pair_quote_marks
from ..sentences import split_at_paragraphs

__all__ = ["CorefResolver", "make_coref", "resolve_references"]

# the pronoun word lists are the lexicon's: GENDERED_PRONOUNS want a person, GROUP_PRONOUNS a group
_INANIMATE_PRONOUNS = frozenset(w for w in GROUP_PRONOUNS if PRONOUNS[w].gender == "n")  # it, its
_GROUP_TYPES = frozenset({"ORG", "GPE", "NORP", "PERSON"})
_DESCRIPTION_DETERMINERS = frozenset({"the", "this", "that", "its", "their"})
# "the company", not "its parent company" (another organisation) nor "a company" (any)
_ORG_DESCRIPTION_DETERMINERS = frozenset({"the", "this", "that"})
_OTHER_WORDS = frozenset({"other", "another", "rival", "parent", "sister"})
# who a role after "as" belongs to: the subject of a verb of holding it ("served as mayor"), the
# possessor of a noun of holding it ("her tenure as mayor"), the object of a verb that gives it
# ("appointed X as judge", or its passive subject); any other verb ("replaced X as coach", "endorsed
# X as mayor") says nothing certain of who holds it now
_ROLE_HOLDING_VERBS = frozenset(
    {"serve", "work", "act", "sit", "remain", "continue", "return", "retire", "resign", "step"}
)
_ROLE_HOLDING_NOUNS = frozenset({"tenure", "time", "term", "year", "stint"})
_ROLE_GIVING_VERBS = frozenset(
    {"appoint", "reappoint", "name", "elect", "hire", "install", "choose", "select", "pick", "confirm"}
)
# "the Grenadian leader": a head of state or government, whatever the title it was named with
_LEADER_NOUNS = frozenset({"leader"})
_LEADER_TITLES = frozenset(
    {"president", "premier", "prime", "chancellor", "king", "queen", "emir", "sultan", "taoiseach", "monarch"}
)
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_INTRODUCTION_TOKENS = 24  # how far before a name a country's title introduces it ("Norway's Prime Minister, X")
_DESCRIPTION_LOOKBACK = 60  # entity mentions a description looks back over
_TITLE_RUN_TOKENS = 4  # words of a title written before a name ("former Liberal nominee")
_PLURAL_DETERMINERS = frozenset({"others", "some", "many", "several", "both", "few"})
_CLAUSE_BREAKS = frozenset({":", ";", "—", "–"})
_GENDER_LOOKBACK = 3  # sentences an unknown-gender candidate waits for a known agreeing one
_EDGE_PARAGRAPHS = 3  # bylines and credits sit in the first or last few paragraphs
_BYLINE = re.compile(r"(?i)^by\s+\S")
_SIGNED_CREDIT = re.compile(r"^[—–-]\s*\S")
_CONTRIBUTED = re.compile(
    r"(?i)\b(?:contributed (?:to )?(?:this|the) (?:report|story|article)|reporting by|writing by)\b"
)


class _Resolver:
    """Per-document state: sentences cut at paragraphs, quoted ranges, the entity index."""

    def __init__(self, doc: Doc, max_back_sentences: int):
        self.doc = doc
        self.max_back = max_back_sentences
        self.text = doc_text(doc)
        spans, entities = entity_index(doc)
        paragraphs = paragraphs_of(doc)
        credits = credit_ranges(self.text, paragraphs)
        self.spans = [m for m in spans if not any(a <= m[0] < b for a, b in credits)]
        self.types = {e.id: e.type for e in entities}
        self.words = {e.id: description_words([e.name, *e.titles]) for e in entities}
        # "president" of "Vice President": another role than the bare word (see other_rank)
        self.ranked = {e.id: ranked_role_words(e.titles) for e in entities if e.type == "PERSON"}
        self.gender = {e.id: guess_gender(e.name, e.titles) for e in entities if e.type == "PERSON"}
        self.countries = {e.id: e.country for e in entities if e.country}
        self.names = {e.id: e.name for e in entities}
        self.org_kinds: dict[str, frozenset[str]] = {}  # filled as descriptions ask
        # a capitalised title ("the US Congresswoman") is tagged PROPN: a description when it is someone's title
        self.title_words = set().union(*(description_words(e.titles) for e in entities if e.type == "PERSON"))
        self.tok_starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.sents = split_at_paragraphs(doc, list(doc.sents), [p.start for p in paragraphs[1:]], self.tok_starts)
        self.sent_starts = [s.start for s in self.sents]
        self.quoted = _quoted_ranges(self.text, paragraphs)
        self.quoted_starts = [r[0] for r in self.quoted]
        self.resolved: dict[int, str] = {}  # pronouns resolved so far, in text order (a chain goes on with them)
        self.unlinked: set[int] = set()  # pronouns that stand for a speaker whose name is no entity
        self.introduced_leaders = self._introduced_leaders()

    def _introduced_leaders(self) -> dict[str, set[str]]:
        """People introduced by a country's head-of-government title that is no title of theirs, the
        title set apart from the name ("Norway's Prime Minister and head of X, Ms Ingrid Falk, ..."):
        person -> the countries.  A verb between title and name ("Korvia's Prime Minister met X")
        makes the title someone else's; so does a paragraph break."""
        out: dict[str, set[str]] = {}
        for start, _end, ent in self.spans:
            if self.types.get(ent) != "PERSON" or not self.tok_starts:
                continue
            i = self.token_at(start)
            # within the paragraph, not the sentence: the parser often ends one at "Rt. Hon." before a name
            lo_tok = max(0, i - _INTRODUCTION_TOKENS)
            breaks = [t.i for t in self.doc[lo_tok:i] if "\n" in t.text_with_ws]
            prefix = self.doc[breaks[-1] + 1 if breaks else lo_tok : i]
            if not any(t.lower_ in _LEADER_TITLES for t in prefix) or any(t.pos_ in ("VERB", "AUX") for t in prefix):
                continue
            lo = prefix.start_char if len(prefix) else start
            for s, _e, other in self.spans[bisect.bisect_left(self.spans, (lo, -1, "")) :]:
                if s >= start:
                    break
                if self.types.get(other) in ("GPE", "NORP") and self.countries.get(other):
                    out.setdefault(ent, set()).add(self.countries[other])
        return out

    def sent_index(self, token_i: int) -> int:
        return bisect.bisect_right(self.sent_starts, token_i) - 1

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def in_quoted(self, char: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, char) - 1
        return i >= 0 and self.quoted[i][0] <= char < self.quoted[i][1]

    def in_entity(self, tok: Token) -> bool:
        i = bisect.bisect_right(self.spans, (tok.idx, float("inf"), "")) - 1
        return i >= 0 and self.spans[i][0] <= tok.idx < self.spans[i][1]

    # -- pronouns ---------------------------------------------------------------------------
    def pronoun(self, pron: Token) -> str | None:
        """The most recent fitting entity outside quotes, as a reader would pick it."""
        word = pron.lower_
        person = word in GENDERED_PRONOUNS
        wanted = {"PERSON"} if person else _GROUP_TYPES - ({"PERSON"} if word in _INANIMATE_PRONOUNS else set())
        same_kind = GENDERED_PRONOUNS if person else GROUP_PRONOUNS
        gender = PRONOUN_GENDER.get(word)
        plural = word in PRONOUNS and PRONOUNS[word].number == "pl"
        # "defend Saudi Arabia if it is attacked", "assets they lost": a group pronoun in an adverbial or
        # relative clause takes the nearest fitting mention of its own sentence, not the main subject
        nearest_first = not person and _in_adjunct_clause(pron)
        s_i = self.sent_index(pron.i)
        unsure: tuple[int, str] | None = None  # (sentence, entity) of a pick whose gender is unknown
        for back in range(s_i, max(-1, s_i - self.max_back), -1):
            if unsure is not None and unsure[0] - back > _GENDER_LOOKBACK:
                return unsure[1]
            found, by_subject = self._pronoun_in(pron, back, s_i, wanted, same_kind, gender, nearest_first)
            if back < s_i and not by_subject and plural and _plural_common_subject(self.sents[back]):
                # "Others who follow Acme see trouble. Costs are high, they say": "they" are the others,
                # not a name further down that sentence or further back
                return unsure[1] if unsure is not None else None
            if found is None:
                if person and (self.unlinked_speaker_before(pron, back, s_i) or self.unlinked_chain(pron, back)):
                    # "Neighbour Ann Roe, who ..., said she ...", "... said .... “...,” she said": the one who
                    # spoke is a name the entity model missed (and "she" goes on standing for her); an earlier
                    # speaker would be given words that are not hers
                    self.unlinked.add(pron.i)
                    return None
                continue
            if not gender or self.gender.get(found) == gender:
                return found
            if back == s_i and by_subject and pron.dep_ in ("nsubj", "nsubjpass"):
                # "Nwosu said the vote was fair, but he said ...": a subject pronoun in the sentence whose
                # subject is the name stands for it, whatever name further back is known to agree (not an
                # object: "Nwosu scolded him" is someone else)
                return found
            if unsure is None and back == s_i - 1 and by_subject and _speaks(pron) and self.reported_in(back, found):
                # "Prosecutor X said .... “...,” she told reporters": the one who spoke in the sentence
                # before goes on speaking; an earlier woman known as such does not take the words over
                return found
            # a name of unknown gender: an earlier one known to agree wins, a few sentences back
            unsure = unsure or (back, found)
        return unsure[1] if unsure is not None else None

    def _pronoun_in(self, pron, back, s_i, wanted, same_kind, gender, nearest_first) -> tuple[str | None, bool]:
        """The pronoun's referent among one sentence's mentions (or its chain), if there is one, and
        whether it was picked as the sentence's subject."""
        sent = self.sents[back]
        limit = pron.idx if back == s_i else sent.end_char
        said = _words_said_before(pron) if back == s_i else None
        cands = []  # (is_subject, depth, start, entity id)
        lo = bisect.bisect_left(self.spans, (sent.start_char, -1, ""))
        for s, _e, ent in self.spans[lo:]:
            if s >= limit:
                break
            if self.types.get(ent) not in wanted or self.in_quoted(s):
                continue
            if said is not None and said[0] <= s < said[1]:
                continue  # "Prices in Ohio will rise, they say": Ohio is what they say, not who
            if gender and self.gender.get(ent) not in (None, gender):
                continue  # "she" is not Donald; nor a name the article called "her" before
            head = self.doc[self.token_at(s)]
            while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                head = head.head
            cands.append((head.dep_ in ("nsubj", "nsubjpass") or _mistagged_subject(head), _depth(head), s, ent))
        if nearest_first and back == s_i and cands:
            return cands[-1][3], cands[-1][0]
        subjects = [c for c in cands if c[0]]
        if subjects:
            # The main clause's subject, not one inside "that ..." ("Clinton says that Trump ...").
            return min(subjects, key=lambda c: (c[1], -c[2]))[3], True
        chain = [
            t
            for t in sent
            if t.idx < limit
            and t.dep_ in ("nsubj", "nsubjpass")
            and t.lower_ in same_kind
            and not self.in_quoted(t.idx)
        ]
        if cands and not chain:
            return cands[-1][3], False
        # "In Ann's case, she stayed. “...,” she went on": the chain goes on with whom its last
        # subject pronoun of the same gender stood for, not with an older subject further back.
        carried = [self.resolved.get(t.i) for t in chain if PRONOUN_GENDER.get(t.lower_) == gender]
        if carried and carried[-1] is not None:
            return carried[-1], False
        return None, False

    def unlinked_chain(self, pron: Token, back: int) -> bool:
        """Whether sentence ``back`` has a subject pronoun of ``pron``'s gender, before it, that stands for a
        name the entity model missed."""
        gender = PRONOUN_GENDER.get(pron.lower_)
        return any(
            t.i in self.unlinked
            and t.i < pron.i
            and t.dep_ in ("nsubj", "nsubjpass")
            and PRONOUN_GENDER.get(t.lower_) == gender
            for t in self.sents[back]
        )

    def unlinked_speaker_before(self, pron: Token, back: int, s_i: int) -> bool:
        """Whether a full name ("Ann Roe") outside any entity reports something just before ``pron``: in the
        sentence before, with ``pron`` the subject of a verb of saying ("“...,” she said"), or in ``pron``'s
        own sentence, with ``pron`` inside what the name reports ("Ann Roe said she had ...")."""
        if back == s_i - 1 and _speaks(pron):
            names = self.sents[back]
        elif back == s_i:
            names = [t for t in self.sents[back] if t.i < pron.i and t.head.is_ancestor(pron)]
        else:
            return False
        return any(
            _reports(t)
            and t.pos_ == "PROPN"
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.lefts)
            and not self.in_entity(t)
            and not self.in_quoted(t.idx)
            for t in names
        )

    def reported_in(self, s_i: int, ent: str) -> bool:
        """Whether a mention of ``ent`` outside quoted words is the subject of what sentence ``s_i`` reports
        (a verb of saying, or one with a content clause: "reminded the jury that ...")."""
        sent = self.sents[s_i]
        lo = bisect.bisect_left(self.spans, (sent.start_char, -1, ""))
        for s, _e, eid in self.spans[lo:]:
            if s >= sent.end_char:
                break
            if eid != ent or self.in_quoted(s):
                continue
            head = self.doc[self.token_at(s)]
            while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                head = head.head
            if _reports(head):
                return True
        return False

    def learn_gender(self, pron: Token, ent: str) -> None:
        """A name of unknown gender the article calls "she" is a woman from here on (and "he" a man)."""
        gender = PRONOUN_GENDER.get(pron.lower_)
        if gender and self.types.get(ent) == "PERSON" and self.gender.get(ent) is None:
            self.gender[ent] = gender

    # -- definite descriptions ---------------------------------------------------------------
    def description(self, noun: Token) -> str | None:
        """ "the senator", "the ministry", "the company": the latest entity that fits the noun."""
        if not any(c.dep_ in ("det", "poss") and c.lower_ in _DESCRIPTION_DETERMINERS for c in noun.children):
            return None  # "a spokesman", "officials": nobody in particular
        word = noun.lemma_.lower()
        lo = bisect.bisect_left(self.spans, (noun.idx, -1, ""))
        nationality = self.modifier_country(noun)
        if word in ORG_DESCRIPTION_KINDS:
            return self.organisation_described(noun, word, lo, nationality)
        seen = set()
        for s, _e, ent in reversed(self.spans[max(0, lo - _DESCRIPTION_LOOKBACK) : lo]):
            if ent in seen or self.in_quoted(s):
                continue
            seen.add(ent)
            if self.types.get(ent) == "PERSON" and nationality and self.countries.get(ent, nationality) != nationality:
                continue  # "the Korvian president" is no president of another known country
            if self.other_rank(noun, word, ent):
                continue  # "the president" is not the vice president, nor "the vice president" the president
            words = self.words.get(ent, ())
            leader = words & _LEADER_TITLES or nationality in self.introduced_leaders.get(ent, ())
            # "the board" is no person, though "Chair of the Transit Board" is someone's title
            person_word = not (self.types.get(ent) == "PERSON" and word in ORG_HEAD_WORDS)
            if (
                word in words
                and person_word
                and self.types.get(ent) == "PERSON"
                and self._role_shared(word, ent, lo, noun)
            ):
                # "Mayor Lee met Mayor Ford ... the mayor said": which one?  Only a modifier the
                # description shares with one of them tells ("the Liberal nominee")
                return self._narrowed_by_modifiers(noun, word, lo)
            if word in words and person_word or word in _LEADER_NOUNS and self.types.get(ent) == "PERSON" and leader:
                return ent
        return None

    def organisation_described(self, noun: Token, word: str, lo: int, nationality: str | None) -> str | None:
        """ "the union", "the company", "the Danish ministry": the one organisation named before the description
        that fits its noun -- first by a word of its name ("the union" -> "Allied Dockworkers Union"), else by
        the kind its name tells (``ORG_DESCRIPTION_KINDS``: "the retailer" -> "Harbour Foods Ltd", a business),
        else -- for a business-like noun only ("the company", "the retailer", "the group") -- a name that tells no
        kind ("Tesla"), in the same tier as a business name: "Harbour Foods Ltd and Unilever ... the company" is
        either.  A kindless name is no ministry, office, authority, club or party: those nouns are also places
        and gatherings ("Google opened an office ... The office was shelled").  Two that fit equally resolve to
        neither: precision first.  A nationality on the description rules out an organisation of another country;
        a common-noun compound ("the fire department") must be a word of the name."""
        if not any(c.dep_ == "det" and c.lower_ in _ORG_DESCRIPTION_DETERMINERS for c in noun.children):
            return None
        if noun.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "poss"
            or c.lower_ in _OTHER_WORDS
            or c.dep_ in _MODIFIER_DEPS
            and c.pos_ == "PROPN"
            and self.entity_of(c) is None
            or c.dep_ in _MODIFIER_DEPS
            and self.types.get(self.entity_of(c) or "") in ("PERSON", "ORG")
            for c in noun.children
        ):
            # "the companies", "the other company", "Acme's parent company", "the Clinton campaign", "the Acme
            # group": organisations of their own, not the one the article named
            return None
        kind = ORG_DESCRIPTION_KINDS[word]
        # "the fire department", "the rescue team": a kind of body of its own unless the name says so
        compounds = {c.lower_ for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
        by_name: set[str] = set()
        by_kind: set[str] = set()
        for s, e, ent in self.spans[max(0, lo - _DESCRIPTION_LOOKBACK) : lo]:
            if self.types.get(ent) != "ORG" or self.in_quoted(s) or self._commentator_employer(e):
                continue
            if nationality and self.organisation_country(ent) not in (None, nationality):
                continue  # "the Danish ministry" is no Norwegian one
            kinds = self.org_kinds.setdefault(ent, organisation_kinds(self.names[ent]))
            if not compounds <= self.words.get(ent, set()):
                continue
            if word in self.words.get(ent, ()):
                by_name.add(ent)
            elif kind == "any" or kind != "name" and kind in kinds or kind == "business" and not kinds:
                by_kind.add(ent)
        # the stronger evidence decides: a word of the name, then a kind the name tells (or none, for a business)
        fitting = by_name or by_kind
        chosen = next(iter(fitting)) if len(fitting) == 1 else None
        if chosen is not None and self._another_countrys_body_since(chosen, word, noun, lo):
            return None
        return chosen

    def _another_countrys_body_since(self, ent: str, word: str, noun: Token, lo: int) -> bool:
        """Whether, after the organisation's last mention and before "the <word>", the text speaks of an
        unnamed body of that noun that a place owns ("Ethiopia's foreign ministry said ... the ministry
        said"): the description is that body, of another country, not the one named earlier."""
        last = max((s for s, _e, other in self.spans[:lo] if other == ent), default=None)
        if last is None:
            return False
        for tok in self.doc[self.token_at(last) : noun.i]:
            if tok.idx <= last or tok.lemma_.lower() != word or self.in_entity(tok):
                continue
            owners = [self.entity_of(c) for c in tok.children if c.dep_ == "poss"]
            if any(o is not None and o != ent and self.types.get(o) in ("GPE", "LOC")
                   and self.countries.get(o) != self.country_of_body(ent) for o in owners):  # fmt: skip
                return True
        return False

    def country_of_body(self, ent: str) -> str | None:
        """The body's country, or where it has none, the country of the first place the article names (its
        dateline, most often): a ministry named without its country in a story from Accra is Ghana's, so
        "Ghana's health ministry" is the same one."""
        if ent in self.countries:
            return self.countries[ent]
        return next((self.countries[eid] for _s, _e, eid in self.spans
                     if self.types.get(eid) in ("GPE", "LOC") and eid in self.countries), None)  # fmt: skip

    def _commentator_employer(self, end: int) -> bool:
        """Whether the organisation mention ending at ``end`` only says where an outside commentator works
        ("Oliver Brandt, an analyst at Pennock Securities"): the article does not report on it there."""
        tok = self.doc[self.token_at(end - 1)]
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head
        prep = tok.head
        return (
            tok.dep_ == "pobj"
            and prep.lower_ in ("at", "with")
            and prep.head.lemma_.lower() in OUTSIDE_COMMENTATOR_NOUNS
        )

    def organisation_country(self, ent: str) -> str | None:
        """An organisation's country: linking's, else the one its name is named after ("Norwegian X")."""
        return self.countries.get(ent) or named_country(self.names[ent])

    def _role_shared(self, word: str, ent: str, lo: int, noun: Token) -> bool:
        """Another person before the description has ``word`` in their name or titles, at its rank."""
        return any(
            other != ent
            and self.types.get(other) == "PERSON"
            and word in self.words.get(other, ())
            and not self.other_rank(noun, word, other)
            for _s, _e, other in self.spans[max(0, lo - _DESCRIPTION_LOOKBACK) : lo]
        )

    def other_rank(self, noun: Token, word: str, ent: str) -> bool:
        """The description and the person's title hold ``word`` at different ranks: "the president" of
        someone titled only "Vice President", or "the vice president" of a president."""
        qualified = any(c.lower_ in RANK_QUALIFIERS for c in noun.children if c.i < noun.i)
        return qualified != (word in self.ranked.get(ent, ()))

    def _narrowed_by_modifiers(self, noun: Token, word: str, lo: int) -> str | None:
        """The one person before the description, of those whose title has ``word``, that every modifier of
        the description ("Liberal", "former") also introduces: a word of their titles or of the title run
        right before one of their mentions ("Liberal nominee Carl Denton").  None when the description has
        no modifier, or when no or several people fit."""
        modifiers = {c.lower_ for c in noun.children if c.dep_ in _MODIFIER_DEPS and c.i < noun.i and c.is_alpha}
        if not modifiers:
            return None
        introduced: dict[str, set[str]] = {}
        for s, _e, ent in self.spans[max(0, lo - _DESCRIPTION_LOOKBACK) : lo]:
            if self.types.get(ent) != "PERSON" or word not in self.words.get(ent, ()) or self.in_quoted(s):
                continue
            seen = introduced.setdefault(ent, set(self.words.get(ent, ())))
            seen.update(t.lower_ for t in self.title_run_before(self.token_at(s)))
        fitting = [ent for ent, seen in introduced.items() if modifiers <= seen]
        return fitting[0] if len(fitting) == 1 else None

    def title_run_before(self, i: int) -> list[Token]:
        """The capitalised or title words right before token ``i``, up to a punctuation mark, a verb, a
        preposition or a conjunction ("Liberal nominee" before "Carl Denton")."""
        run = []
        for tok in reversed(self.doc[max(0, i - _TITLE_RUN_TOKENS) : i]):
            if tok.is_punct or tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "DET", "PRON"):
                break
            run.append(tok)
        return run

    def modifier_country(self, noun: Token) -> str | None:
        """The country of a nationality or country modifying a description ("the Grenadian leader")."""
        for c in noun.children:
            if c.dep_ in _MODIFIER_DEPS and c.i < noun.i:
                i = bisect.bisect_right(self.spans, (c.idx, float("inf"), "")) - 1
                if i >= 0 and self.spans[i][0] <= c.idx < self.spans[i][1]:
                    ent = self.spans[i][2]
                    if self.types.get(ent) in ("GPE", "NORP") and self.countries.get(ent):
                        return self.countries[ent]
        return None

    def run(self) -> dict[int, str]:
        out: dict[int, str] = {}
        if not self.spans:
            return out
        for tok in self.doc:
            word = tok.lower_
            if word in GENDERED_PRONOUNS or word in GROUP_PRONOUNS:
                found = self.pronoun(tok) if tok.pos_ == "PRON" or word in GENDERED_PRONOUNS else None
            elif (tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and word in self.title_words) and not self.in_entity(tok):
                found = self.description(tok)
            else:
                continue
            if found is not None:
                out[tok.i] = found
                self.resolved[tok.i] = found
                self.learn_gender(tok, found)
        self.resolve_by_stated_roles(out)
        return out

    # -- roles the article states ("served as mayor") ------------------------------------------
    def stated_roles(self, out: dict[int, str]) -> dict[str, dict[str, int]]:
        """Role word -> {person: the token where the article first says they hold it}, with the role
        bare after "as": "X served as mayor", "his tenure as mayor", "appointed X as judge" (see
        ``_ROLE_HOLDING_VERBS``; the holder a name or a pronoun resolved to a person).  Not titles:
        linking reads those."""
        roles: dict[str, dict[str, int]] = {}
        for tok in self.doc:
            if not (tok.dep_ == "pobj" and tok.tag_ == "NN" and tok.head.lower_ == "as") or self.in_quoted(tok.idx):
                continue
            if any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
                continue  # "as a mayor", "as the mayor's aide": no role of the holder's own
            for holder in self.role_holders(tok.head.head):
                ent = out.get(holder.i) or self.entity_of(holder)
                if ent is not None and self.types.get(ent) == "PERSON":
                    roles.setdefault(tok.lemma_.lower(), {}).setdefault(ent, tok.i)
        return roles

    @staticmethod
    def role_holders(governor: Token) -> list[Token]:
        """The words naming who holds the role an "as" phrase under ``governor`` states."""
        lemma = governor.lemma_.lower()
        if governor.pos_ in ("VERB", "AUX") and lemma in _ROLE_GIVING_VERBS:
            return [c for c in governor.children if c.dep_ in ("dobj", "nsubjpass")]
        if governor.pos_ in ("VERB", "AUX") and lemma in _ROLE_HOLDING_VERBS:
            if any(c.dep_ == "dobj" for c in governor.children):
                return []  # "she returned the award as mayor"
            return [c for c in governor.children if c.dep_ == "nsubj"]
        if governor.pos_ == "NOUN" and lemma in _ROLE_HOLDING_NOUNS:
            return [c for c in governor.children if c.dep_ == "poss"]
        return []

    def resolve_by_stated_roles(self, out: dict[int, str]) -> None:
        """ "The former mayor" no title resolved: the one person the article says, earlier, served
        as mayor.  Never when two people hold the role, nor when an entity's name or title has the
        word (the description rule decided those), nor across roles, nor when the description has a
        modifier of its own ("the judge in the second trial", "the teacher who reported it")."""
        roles = self.stated_roles(out)
        if not roles:
            return
        titled = set().union(*self.words.values()) if self.words else set()
        for tok in self.doc:
            word = tok.lemma_.lower()
            holders = roles.get(word)
            if (
                holders is None
                or len(holders) != 1
                or tok.i in out
                or tok.pos_ != "NOUN"
                or tok.tag_ != "NN"
                or word in titled
                or self.in_entity(tok)
                or self.in_quoted(tok.idx)
                or not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in tok.children)
                or any(c.dep_ in ("relcl", "acl", "prep") for c in tok.children)
            ):
                continue
            (holder, stated_at), *_ = holders.items()
            if stated_at < tok.i:
                out[tok.i] = holder

    def entity_of(self, tok: Token) -> str | None:
        """The entity a mention covering ``tok`` names, else None."""
        i = bisect.bisect_right(self.spans, (tok.idx, float("inf"), "")) - 1
        return self.spans[i][2] if i >= 0 and self.spans[i][0] <= tok.idx < self.spans[i][1] else None


def resolve_references(doc: Doc, max_back_sentences: int = 12) -> dict[int, str]:
    """Token index -> entity id for every pronoun and definite description that resolves."""
    if not doc.has_annotation("DEP"):
        return {}  # the rules read subjects and determiners off the parse
    return _Resolver(doc, max_back_sentences).run()


class CorefResolver:
    """The ``newsgraph_coref_v1`` component."""

    def __init__(self, max_back_sentences: int = 12):
        self.max_back_sentences = max_back_sentences

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_coref = resolve_references(doc, self.max_back_sentences)
        return doc


@Language.factory(
    "newsgraph_coref_v1",
    requires=["doc._.ng_entities", "doc._.ng_entity_spans", "token.dep", "token.tag", "token.lemma"],
    assigns=["doc._.ng_coref"],
    default_config={"max_back_sentences": 12},
)
def make_coref(nlp: Language, name: str, max_back_sentences: int) -> CorefResolver:
    register_extensions()
    return CorefResolver(max_back_sentences)


# -- helpers -------------------------------------------------------------------------------
def credit_ranges(text: str, paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """Char ranges that credit the writer or outlet: bylines, name-only lines, datelines, signed credits.

    Only in the first and last few paragraphs; a line is a credit when it opens with "By ", with a dash
    ("— NAME, Outlet"), says "contributed to this report", or is a short run of capitalised words
    without a sentence's end; an outlet before a dash opening the first paragraphs is a dateline.
    """
    out = []
    body = [p for p in paragraphs if p.kind != "title"]
    edge = body[:_EDGE_PARAGRAPHS] + body[-_EDGE_PARAGRAPHS:] if len(body) > 1 else []
    for para in edge:
        for m in re.finditer(r"[^\n]+", text[para.start : para.end]):
            line = m.group().strip()
            start, end = para.start + m.start(), para.start + m.end()
            words = line.split()
            if not words:
                continue
            short = len(words) <= 8
            name_only = len(words) <= 4 and all(w[:1].isupper() for w in words) and line[-1] not in '.!?:”"'
            if (
                (short and (_BYLINE.match(line) or _SIGNED_CREDIT.match(line)))
                or (name_only and not OUTLET_DATELINE.match(line))
                or (len(words) <= 12 and _CONTRIBUTED.search(line))
            ):
                out.append((start, end))
    for para in body[:_EDGE_PARAGRAPHS]:
        m = OUTLET_DATELINE.match(text, para.start, para.end)
        if m is not None:
            out.append((m.start(1), m.end(1)))
    return sorted(out)


def _quoted_ranges(text: str, paragraphs: list[Paragraph]) -> list[tuple[int, int]]:
    """Char ranges of quoted words: paired quotation marks and block-quote paragraphs.

    A mention there is the quoted speaker's, never the antecedent of the article's own pronoun.
    """
    ranges = [(o, c + 1) for o, c in pair_quote_marks(text, paragraphs)]
    ranges += [(p.start, p.end) for p in paragraphs if p.kind == "blockquote"]
    return sorted(ranges)


def _mistagged_subject(head: Token) -> bool:
    """A name the tagger took for an adverb right before its verb of saying ("Tully added that ..."): the
    parse makes it a modifier, a reader the subject.  Only when the verb has no subject of its own, and
    not before any verb ("Still seems", "Much remains")."""
    verb = head.head
    return (
        head.dep_ in ("advmod", "npadvmod")
        and head.is_title
        and verb.pos_ == "VERB"
        and verb.i == head.i + 1
        and verb.lemma_ in SAY_LEMMAS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _speaks(subject: Token) -> bool:
    """Whether ``subject`` is the subject of a verb of saying ("she told reporters", "X said")."""
    return subject.dep_ == "nsubj" and subject.head.lemma_ in SAY_LEMMAS


def _reports(subject: Token) -> bool:
    """Whether ``subject`` is the subject of a verb of saying or of one with a content clause."""
    return _speaks(subject) or (subject.dep_ == "nsubj" and any(c.dep_ == "ccomp" for c in subject.head.children))


def _words_said_before(pron: Token) -> tuple[int, int] | None:
    """Char range of the clause a subject pronoun's verb reports, when that clause comes first.

    "Water bills in Ohio will double, they say": the clause before "they say" is the content of
    the saying (or warning, fearing, ...), so none of its mentions is who "they" are.
    """
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = pron.head
    content = next((c for c in verb.lefts if c.dep_ == "ccomp"), None)
    if content is not None:
        first, last = content.left_edge, content.right_edge
    elif verb.dep_ == "parataxis" and verb.head.i < pron.i:
        # "Rents in Boston are rising, they say, and ...": the saying hangs inside what is said
        first, last = verb.head.left_edge, verb.doc[verb.left_edge.i - 1]
    else:
        return None
    start = first
    for tok in verb.doc[first.i : last.i]:
        if tok.text in _CLAUSE_BREAKS:
            start = tok  # "X scolded him: the count was late, she said": what she said starts after ":"
    return start.idx, last.idx + len(last)


def _plural_common_subject(sent) -> bool:
    """Whether a sentence's main subject is a plural common noun ("Others ...", "Analysts ...")."""
    root = sent.root
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ == "" and (c.tag_ == "NNS" or c.lower_ in _PLURAL_DETERMINERS)
        for c in root.lefts
    )


def _in_adjunct_clause(tok: Token) -> bool:
    """Whether the clause ``tok`` belongs to is an adverbial or relative clause."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("advcl", "relcl")


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth
