"""Event actors: which article entity a noun phrase names, and its sector.

An actor is an entity id from ``newsgraph_linking_v1``.  A phrase names an entity
when the entity's mention is the phrase's head ("Poland"), or sits in the head's
left modifiers ("the Ukrainian army", "U.S. Special Operations forces"), or is the
"of" object of a group noun ("the government of Chile").  A nationality (NORP) maps
to its country's GPE entity when the article has one ("Russian forces" -> Russia),
except after "pro-"/"anti-" (those actors are not the country).  A pronoun is the
entity ``newsgraph_coref_v1`` resolved it to (``doc._.ng_coref``), as for quotes.  Mentions inside a dateline are never actors.

An actor's country is the entity's own, as ``newsgraph_linking_v1`` gave it: a person the
article does not place ("Putin") has the leaders table's, an organisation named after its
country ("Nigerian Union of Teachers") that country.  This module never changes an entity.
An organisation without a
country that a nationality or a possessive country qualifies ("Israel's Cabinet", "the
Serbian parliament") stands for that country.  A group with no nationality of its own is
placed by where it is ("rebels in the Ivory Coast", "students throughout Indonesia").
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from ..extensions import doc_text, entity_at, entity_ids_in
from ..knowledge.lexicon import BUSINESS_DESCRIPTORS, SENT_PEOPLE, SENT_UNITS, SENT_VEHICLES
from ..layout import dateline_ranges
from .actor_sectors import GROUP_NOUNS, IGO_NAMES, QUANTITY_NOUNS, SECTORS, SectorLookup, is_group

__all__ = ["ActorIndex", "PATIENT_NOUNS", "SECTORS", "IGO_NAMES", "is_group", "aside_spans", "in_according_to"]

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})

OBJ_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "call",
        "persuade",
        "force",
        "order",
        "tell",
        "press",
        "invite",
        "encourage",
        "allow",
        "help",
        "teach",
        "train",
        "pressure",
        "compel",
        "request",
    }
)  # "urged X to go": X goes
# "V Y <prep> doing": the object Y does it ("accused Y of", "thanked Y for", "barred Y from"), not by "by"
_OBJECT_AGENT_PREPS = frozenset({"of", "for", "from", "against", "with"})
_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_PRO = frozenset({"pro", "anti", "pro-", "anti-"})
# words that make a title a past post ("the company's former finance director")
_PAST_POST_WORDS = frozenset({"former", "ex", "erstwhile", "onetime", "one-time", "retired"})
# nouns for what is done to someone: their possessor is the recipient ("the premier's arrest")
PATIENT_NOUNS = frozenset(
    """arrest detention capture kidnapping kidnap abduction killing murder assassination execution
    deportation extradition expulsion imprisonment jailing prosecution indictment conviction sentencing
    torture beating shooting stabbing ouster impeachment release internment""".split()
)
# participles whose "by" agent does or authors the noun ("the attack carried out by X", "a motion brought
# by X"); not "an invitation obtained by X", whose agent only has it
_DOING_VERBS = frozenset(
    """carry conduct launch stage mount perpetrate commit lead order organise organize impose wage bring
    table propose sponsor introduce file submit move draft write sign issue announce initiate make""".split()
)
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_RELATIVE_TAGS = frozenset({"WP", "WDT"})  # who, which, that as a relative pronoun
_WHERE_PREPS = frozenset({"in", "throughout", "across"})
# passive forms that state the subject's own stance: "Israel is opposed to", "Vietnam is committed to"
_STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "dedicate", "resolve", "prepare", "dispose"})
# Verbs of finding: "found X wounded" says in what state X was found, not who wounded X
_FINDING_VERBS = frozenset({"find", "discover", "see", "spot"})


# two-word prepositions whose object is no party of the sentence's event: the report's source ("according to an
# investigation by X") or a cause ("because of X's control of the region", "due to X's troop build-up")
_ACCORDING_TO = frozenset({("according", "to")})
_ASIDE_PREPOSITIONS = _ACCORDING_TO | {("because", "of"), ("due", "to"), ("owing", "to")}


def _two_word(tok: Token, pairs) -> bool:
    return tok.i + 1 < len(tok.doc) and (tok.lower_, tok.doc[tok.i + 1].lower_) in pairs


def _according(tok: Token) -> bool:
    return _two_word(tok, _ACCORDING_TO)


def in_according_to(tok: Token) -> bool:
    """The token is inside an "according to ..." phrase: the report's source ("according to an investigation by
    X"), neither an event nor a side of one."""
    return any(_according(a) for a in tok.ancestors)


def aside_spans(sent) -> list[tuple[int, int]]:
    """Character ranges of the sentence's "according to ...", "because of ...", "due to ..." phrases: who they
    name is the report's source or the cause, not a party of the event."""
    return [
        (t.idx, t.right_edge.idx + len(t.right_edge.text))
        for t in sent
        if _two_word(t, _ASIDE_PREPOSITIONS) and t.right_edge.i > t.i + 1
    ]


class ActorIndex:
    """Per-document lookups for actors: entity metadata, datelines, country entities, recency."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.entities = {e.id: e for e in (doc._.ng_entities or [])}
        self.meta: dict[str, dict] = doc._.ng_entity_meta or {}
        self.references: dict[int, str] = doc._.ng_coref or {}
        spans = doc._.ng_entity_spans or []
        self.datelines = self._datelines(doc)
        # paragraph starts: a parse that runs across a paragraph break (a byline, a caption) names no actor
        self.paragraph_starts = sorted({p.start for p in (doc._.ng_paragraphs or [])}) or [0] + [
            m.end() for m in re.finditer(r"\n\s*\n", doc_text(doc))
        ]
        self.spans = [s for s in spans if not self.at_dateline(s[0])]
        self.span_starts = [s[0] for s in self.spans]
        self.sectors = SectorLookup(self.entities, self.meta, self.kind)
        self.country_entity: dict[str, str] = {}
        for e in self.entities.values():
            if e.type == "GPE" and e.country and self.kind(e.id) == "country":
                self.country_entity.setdefault(e.country, e.id)

    # -- datelines -------------------------------------------------------------------------
    @staticmethod
    def _datelines(doc: Doc) -> list[tuple[int, int]]:
        starts = [p.start for p in (doc._.ng_paragraphs or [])] or [0] + [
            m.end() for m in re.finditer(r"\n\s*\n", doc_text(doc))
        ]
        return dateline_ranges(doc_text(doc), starts)

    def in_title(self, tok: Token) -> bool:
        return any(p.kind == "title" and p.start <= tok.idx < p.end for p in self.doc._.ng_paragraphs or [])

    def reduced_passive(self, tok: Token, done_to: bool) -> bool:
        """A participle whose understood subject is its patient: "X accused of ..." (a headline),
        "Asked about the aid, X said ..." (X was asked), "found X wounded" (X was wounded).  ``done_to``: the event is something done to
        someone (an arrest, a charge), so a headline's bare "X arrested" is passive too."""
        deps = {c.dep_ for c in tok.children}
        if tok.pos_ not in _VERB_POS or deps & {"aux", "auxpass", "dobj", "nsubjpass"}:
            return False
        if tok.tag_ == "VBN" and tok.dep_ == "acl":
            # "Senator X accused of ...": a name is the patient; a common noun is left as it was ("a letter
            # handed over" names no actor, "an official Syrian newspaper called on ..." is a misparse)
            return self._entity_of_token(tok.head) is not None
        if tok.tag_ == "VBN" and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _FINDING_VERBS:
            # "found X wounded": the parser makes X the participle's subject, and X is who it was done to
            return "nsubj" in deps
        if tok.tag_ == "VBN" and tok.dep_ == "advcl" and "nsubj" not in deps:
            return tok.i == tok.sent.start or self.doc[tok.i - 1].is_punct
        # a headline's main verb: the root, or hung on a word of the next paragraph by a parse that ran on
        main = tok.dep_ == "ROOT" or not self.same_paragraph(tok, tok.head)
        if "nsubj" not in deps or not main or not self.in_title(tok):
            return False  # in a body sentence a root "VBN" is a mistagged finite verb ("X shortened ...")
        return tok.tag_ == "VBN" or done_to and tok.tag_ == "VBD"

    def paragraph(self, char: int) -> int:
        """The index of the paragraph holding this character offset."""
        return bisect.bisect_right(self.paragraph_starts, char)

    def same_paragraph(self, a: Token, b: Token) -> bool:
        return self.paragraph(a.idx) == self.paragraph(b.idx)

    def at_dateline(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.datelines)

    def in_dateline(self, tok: Token) -> bool:
        return self.at_dateline(tok.idx)

    # -- entity facts -----------------------------------------------------------------------
    def sector(self, head: Token | None, eid: str | None) -> str | None:
        """A coarse sector from the phrase's own words first, then from the entity (see :class:`SectorLookup`)."""
        return self.sectors.sector(head, eid)

    def is_igo(self, eid: str) -> bool:
        return self.sectors.is_igo(eid)

    def kind(self, eid: str) -> str | None:
        kind = self.meta.get(eid, {}).get("kind")
        if kind:
            return kind
        ent = self.entities.get(eid)
        if ent is not None and (ent.gazetteer_id or "").startswith("iso3166:") and "-" not in ent.gazetteer_id:
            return "country"
        return None

    def type(self, eid: str) -> str | None:
        ent = self.entities.get(eid)
        return ent.type if ent is not None else None

    def country(self, eid: str) -> str | None:
        """The entity's country as linking gave it (a leader's, an organisation's namesake's included)."""
        ent = self.entities.get(eid)
        return ent.country if ent is not None else None

    def is_place(self, eid: str) -> bool:
        return self.type(eid) in PLACE_TYPES

    # -- phrases -> entities -----------------------------------------------------------------
    def _entity_of_token(self, tok: Token) -> str | None:
        if self.at_dateline(tok.idx):
            return None
        eid = entity_at(self.doc, tok.idx, tok.idx + len(tok.text))
        if eid is None:
            return None
        # entity_at falls back to the best overlap: insist on a real overlap with this token
        for s, e, i in self.spans[max(0, bisect.bisect_right(self.span_starts, tok.idx) - 4) :]:
            if s > tok.idx:
                break
            if i == eid and s <= tok.idx < e:
                return eid if self.type(eid) in ACTOR_TYPES else None
        return None

    def facility_at(self, head: Token) -> str | None:
        """A named building or site (FAC) the phrase headed by ``head`` names: what an attack can hit,
        though it is no actor."""
        for tok in head.subtree:
            eid = entity_at(self.doc, tok.idx, tok.idx + len(tok.text))
            if eid is not None and self.type(eid) == "FAC":
                return eid
        return None

    def names_entity(self, tok: Token) -> bool:
        """The token is part of an entity's own mention (not a pronoun or description standing for one)."""
        return self._entity_of_token(tok) is not None

    def phrase_entity(self, head: Token) -> str | None:
        """The entity a noun phrase headed by ``head`` names (without its conjuncts)."""
        if head.pos_ == "PRON":
            return self.referent(head)
        if any(t.lower_ == "ethnic" and t.i < head.i for t in head.children):
            # "ethnic Albanians in south Serbia": an ethnic group is not its kin state; where it lives is
            return self._placed(head)
        eid = self._entity_of_token(head)
        if eid is not None:
            described_as_a_business = any(
                t.i < head.i and t.lemma_.lower() in BUSINESS_DESCRIPTORS and t.is_lower for t in head.subtree
            )
            if (
                self.type(eid) in ("ORG", "NORP")
                and not self.country(eid)
                and not self.is_igo(eid)
                and not described_as_a_business  # "Danish rival X", "the German carmaker X": the firm, not its country
            ):
                # "Israel's Cabinet", "the Serbian parliament", "Iraqi Kurds": the country that qualifies it
                for t in head.subtree:
                    if t.i >= head.i or t.dep_ not in ("poss", "amod", "compound", "nmod"):
                        continue
                    other = self._entity_of_token(t)
                    if (
                        other is not None
                        and other != eid
                        and self.type(other) in ("GPE", "NORP")
                        and self.country(other)
                    ):
                        return self._country_for(other, t)
            return self._country_for(eid, head)
        # the name beside the title says who holds it, before coreference's guess: "The new mayor, X,
        # apologised" after a former mayor was named
        named = self._person_in_apposition(head)
        if named is not None:
            return named
        if (
            head.pos_ in ("NOUN", "PROPN")
            and head.i in self.references
            and self.type(self.references[head.i]) == "PERSON"
        ):
            # "the Grenadian leader", "the US congresswoman": the person coref found, not the nationality
            return self.references[head.i]
        # left modifiers: "the Ukrainian army", "U.S. Special Operations forces", "Russia's military"
        left = [t for t in head.subtree if t.i < head.i]
        for t in left:
            if t.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod") or t.head.i != head.i:
                eid = self._entity_of_token(t)
                if eid is not None:
                    return self._country_for(eid, t)
        lemma = head.lemma_.lower()
        if lemma in GROUP_NOUNS or head.lower_ in GROUP_NOUNS or lemma in QUANTITY_NOUNS:
            for c in head.children:  # "the government of Chile", "a group of Moroccan diplomats"
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            found = self.phrase_entity(p)
                            if found is not None:
                                return found
        sender = self._sending_organisation(head)
        if sender is not None:
            return sender
        if is_group(head) and head.pos_ in _NOUN_POS and not head.ent_type_:
            placed = self._placed(head)
            if placed is not None:
                return placed
        # "the president", "the ministry": the description newsgraph_coref_v1 resolved (as quotes read it)
        return self.referent(head) if head.i in self.references else None

    def _person_in_apposition(self, head: Token) -> str | None:
        """The person named in apposition to a lower-case title that heads the phrase ("Former prime minister
        X on Saturday endorsed", "Y's lawyer, X, said"): the name says who the title is, before any
        possessor or nationality in front of the title.  A description in apposition ("a close ally of X")
        is no name.  Only for the subject and a verb's direct object ("met Y's former finance director, X"):
        deeper inside an object ("rejected a motion demanding the removal of its leader, X") the person is
        what the object is about, not who the event is done to."""
        if head.pos_ != "NOUN" or not head.is_lower:
            return None
        if head.dep_ not in ("nsubj", "nsubjpass") and not (head.dep_ == "dobj" and head.head.pos_ == "VERB"):
            return None
        # "Y's former finance director": a past post, so Y is no affiliation the person acts for
        former = any(t.lower_ in _PAST_POST_WORDS for t in head.children if t.dep_ == "amod")
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                eid = self._entity_of_token(c)
                if eid is None or self.type(eid) != "PERSON":
                    continue
                # a country, nationality or body in the title ("a member of the Syrian parliament, X") is the
                # affiliation an event coder codes the person by: that reading stays
                named = set(c.subtree)
                if not former and any(
                    (other := self._entity_of_token(t)) is not None and self.type(other) != "PERSON"
                    for t in head.subtree
                    if t not in named
                ):
                    return None
                return eid
        return None

    def _sending_organisation(self, head: Token) -> str | None:
        """The organisation that sends a group: "detectives from X", "a convoy of lorries from X" act for X.
        Only a group it sends or commands (lexicon SENT_PEOPLE, SENT_UNITS, SENT_VEHICLES): "fans from X"
        or "workers from X" act for themselves, and a single person "from" a firm ("a man from X") is only
        someone who works there.  A place after "from" is where people come from, not who sends them."""
        holders = [head] + [
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of" and head.lemma_.lower() in SENT_UNITS
            for p in c.children
            if p.dep_ == "pobj"
        ]
        for holder in holders:
            lemma = holder.lemma_.lower()
            sent = lemma in SENT_UNITS or (holder.tag_ == "NNS" and lemma in SENT_PEOPLE | SENT_VEHICLES)
            if holder.pos_ != "NOUN" or not sent:
                continue
            for c in holder.children:
                if c.dep_ != "prep" or c.lower_ != "from":
                    continue
                for p in c.children:
                    eid = self._entity_of_token(p) if p.dep_ == "pobj" else None
                    if eid is not None and self.type(eid) == "ORG":
                        return eid
        return None

    def _placed(self, head: Token) -> str | None:
        """A group placed by where it is: "rebels in the Ivory Coast", "students throughout Indonesia",
        "a group based in Trinidad" (the country's entity, else the place's)."""
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _WHERE_PREPS]
        preps += [
            g
            for c in head.children
            if c.dep_ == "acl" and c.lemma_ in ("base", "station", "operate")
            for g in c.children
            if g.dep_ == "prep" and g.lower_ in _WHERE_PREPS
        ]
        for c in preps:
            if any(g.dep_ in ("conj", "cc") for g in c.children):
                continue  # "workers in Russia and across the world" are in no one country
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                place = self._entity_of_token(p)
                if place is None:
                    place = next((self._entity_of_token(t) for t in p.subtree if self._entity_of_token(t)), None)
                if place is not None and self.is_place(place) and self.country(place):
                    return self.country_entity.get(self.country(place), place)
        return None

    def phrase_entities(self, head: Token | None) -> list[str]:
        """Entity ids of a noun phrase and its coordinated conjuncts ("Lithuania and Poland")."""
        if head is None:
            return []
        out: list[str] = []
        for t in (head, *head.conjuncts):
            if t.i < head.i:
                continue
            eid = self.phrase_entity(t)
            if eid is not None and eid not in out:
                out.append(eid)
            if eid is not None and t.pos_ in ("NOUN", "PROPN") and self._entity_of_token(t) is None:
                # "Hungarian and Romanian officials": coordinated modifiers are all actors
                for m in t.children:
                    if m.dep_ in ("amod", "compound", "nmod") and m.i < t.i:
                        for mc in m.conjuncts:
                            other = self._entity_of_token(mc)
                            if other is not None:
                                other = self._country_for(other, mc)
                                if other not in out:
                                    out.append(other)
        return out

    def organisation_of(self, person: str) -> str | None:
        """The one organisation a person is described as speaking for where the article names them: "Inspector X
        of the Harbour Police", "X, a spokesman for the Harbour Police", "Harbour Police spokesman X"; None when
        no mention, or more than one organisation, says so."""
        found: set[str] = set()
        for start, end, eid in self.spans:
            span = self.doc.char_span(start, end, alignment_mode="expand") if eid == person else None
            if span is None:
                continue
            root = span.root
            heads = [root, *(ch for ch in root.children if ch.dep_ == "appos")]
            if root.dep_ == "appos":  # "the Harbour Police spokesman, X"
                heads.append(root.head)
            for h in heads:
                for ch in h.children:
                    if ch.dep_ == "prep" and ch.lower_ in ("of", "for", "at", "with"):
                        found.update(i for g in ch.children if g.dep_ == "pobj" for i in self._organisations(g))
                # the title's own words before the name: "Harbour Police spokesman X"
                left = [t for t in h.subtree if t.i < (span.start if h == root else h.i)]
                found.update(i for t in left if (i := self._entity_of_token(t)) and self.type(i) == "ORG")
        found.discard(person)
        return found.pop() if len(found) == 1 else None

    def _organisations(self, head: Token) -> list[str]:
        return [i for i in self.phrase_entities(head) if self.type(i) == "ORG"]

    def _country_for(self, eid: str, tok: Token) -> str:
        """A nationality stands for its country's entity, unless "pro-"/"anti-" precede it."""
        ent = self.entities.get(eid)
        if ent is None or ent.type != "NORP" or not ent.country:
            return eid
        i = tok.i
        while i > 0 and self.doc[i - 1].ent_type_ == "NORP" and self.doc[i - 1].lower_ not in _PRO:
            i -= 1
        before = {self.doc[j].lower_ for j in range(max(0, i - 2), i)}
        if before & _PRO or tok.lower_.startswith(("pro-", "anti-")):
            return eid
        return self.country_entity.get(ent.country, eid)

    def referent(self, tok: Token) -> str | None:
        """The actor a pronoun or definite description stands for: ``newsgraph_coref_v1``'s referent
        (the one quotes use too), a nationality read as its country's entity."""
        eid = self.references.get(tok.i)
        if eid is None or self.type(eid) not in ACTOR_TYPES:
            return None
        if tok.lower_ in _PLURAL_PRONOUNS and self.type(eid) == "PERSON":
            # "X was arrested. Police said they had detained him": "they" is a group, never the one person
            # coreference may give it to; X would be made the one who arrested him
            return None
        ent = self.entities.get(eid)
        if ent is not None and ent.type == "NORP" and ent.country:
            return self.country_entity.get(ent.country, eid)
        return eid

    def actors_in(self, start: int, end: int) -> set[str]:
        """The actors (people, organisations, countries, nationalities as their country) named between two
        character offsets."""
        out = set()
        for eid in entity_ids_in(self.doc, start, end):
            ent = self.entities.get(eid)
            if ent is None or ent.type not in ACTOR_TYPES or ent.type == "GPE" and self.kind(eid) != "country":
                continue
            out.add(self.country_entity.get(ent.country, eid) if ent.type == "NORP" and ent.country else eid)
        return out

    def places_in(self, start: int, end: int) -> list[str]:
        return [e for e in entity_ids_in(self.doc, start, end) if self.is_place(e) and not self.at_dateline(start)]

    # -- who does it ---------------------------------------------------------------------------
    def subject_head(self, tok: Token, depth: int = 0) -> Token | None:
        """The head token of the phrase that does what ``tok`` says (None when there is none)."""
        if depth > 6:
            return None
        passive = False
        for c in tok.children:
            if c.dep_ in ("nsubj", "csubj") and not self.in_dateline(c):  # "LIMA, March 3 - Police ..."
                if c.tag_ in _RELATIVE_TAGS and tok.dep_ == "relcl" and tok.head.pos_ in _NOUN_POS:
                    return tok.head  # "X, who resigned ...": the relative pronoun stands for X
                return c
            if c.dep_ in ("nsubjpass", "auxpass", "csubjpass"):  # "being rejected" has no subject of its own
                passive = True
            if c.dep_ == "agent":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        if passive:
            if tok.lemma_.lower() in _STATIVE_PASSIVES:  # "Israel is opposed to ...", "X is committed to ..."
                return next((c for c in tok.children if c.dep_ == "nsubjpass" and not self.in_dateline(c)), None)
            return None
        dep, head = tok.dep_, tok.head
        if head == tok:
            return None
        if dep == "relcl" and head.pos_ in _NOUN_POS | {"PRON"}:
            return head
        if tok.pos_ in _NOUN_POS:
            return None
        left = self._left_agent(tok)
        if left is not None:
            return left
        if dep == "acl" and head.pos_ in _NOUN_POS:
            src = self.noun_source_head(head)
            if src is None and head.dep_ in ("dobj", "pobj") and head.head.pos_ in _VERB_POS | {"ADP"}:
                verb = head.head if head.dep_ == "dobj" else head.head.head
                if verb.pos_ in _VERB_POS:
                    src = self.subject_head(verb, depth + 1)
            return src
        if dep == "xcomp":
            if head.lemma_.lower() in OBJ_CONTROL:
                obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
                if obj is not None:
                    return obj
            return self.subject_head(head, depth + 1)
        if dep == "xcomp" and head.dep_ == "acomp" or dep == "acomp":  # "it is willing to withdraw"
            return self.subject_head(head if dep == "acomp" else head.head, depth + 1)
        if dep in ("conj", "advcl", "pcomp") and head.pos_ in _VERB_POS:
            return self.subject_head(head, depth + 1)
        if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in _VERB_POS:
            if head.lower_ in _OBJECT_AGENT_PREPS:
                # "accused Y of shelling", "thanked Y for sending", "stopped Y from entering": Y does it
                obj = next((c for c in head.head.children if c.dep_ in ("dobj", "dative") and c.i < head.i), None)
                if obj is not None and self.phrase_entity(obj) is not None:
                    return obj
            return self.subject_head(head.head, depth + 1)
        if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in _NOUN_POS:
            return self.noun_source_head(head.head)
        return None

    def _left_agent(self, tok: Token) -> Token | None:
        """ "the move by the EU to make ...", "Poland's decision to ban ...": the actor right before "to"."""
        to = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < tok.i), None)
        if to is None or to.i == 0:
            return None
        prev = self.doc[to.i - 1]
        if (
            prev.pos_ in _NOUN_POS
            and prev.dep_ in ("pobj", "poss")
            and (prev.dep_ == "poss" or prev.head.lower_ == "by")
            and self.phrase_entity(prev)
        ):
            return prev
        return None

    def patient_possessor(self, noun: Token) -> Token | None:
        """ "the governor's arrest", "his detention": the possessor of a noun for something done *to*
        someone is the recipient, not the actor (unlike "Russia's invasion")."""
        if noun.lemma_.lower() not in PATIENT_NOUNS and noun.lower_ not in PATIENT_NOUNS:
            return None
        if any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children) for c in noun.children
        ):
            return None  # "Valdoria's arrest of the premier": the "of" object is arrested, the possessor arrests
        return next((c for c in noun.children if c.dep_ == "poss"), None)

    def noun_source_head(self, noun: Token) -> Token | None:
        patient = self.patient_possessor(noun)
        for c in noun.children:
            if c.dep_ == "poss" and (patient is None or c.i != patient.i):
                return c
        head = noun.head
        if noun.dep_ == "amod" and head.i < noun.i and any(c.dep_ == "case" for c in head.children):
            return head  # "the Ukrainian army's counteroffensive" misparsed as a modifier of "army"
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        for c in noun.children:  # "the attack carried out by X", "a motion brought by X (calling on ...)"
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _DOING_VERBS:
                agent = next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
                if agent is not None:
                    return agent
        if patient is not None:
            return None  # only a "by" agent acts in "X's arrest by Y"
        for c in noun.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i and self.phrase_entity(c):
                return c
        if noun.dep_ == "conj" and noun.head.pos_ in _NOUN_POS:  # "U.S. planning and training"
            return self.noun_source_head(noun.head)
        j = noun.i - 1  # a title's "Ukrainian counteroffensive falters" may leave the adjective unattached
        while j >= 0 and self.doc[j].pos_ in ("ADJ", "DET") and not self.doc[j].ent_type_:
            j -= 1
        if j >= 0 and j >= noun.i - 3 and self.doc[j].ent_type_ in ("NORP", "GPE") and self.phrase_entity(self.doc[j]):
            return self.doc[j]
        return None
