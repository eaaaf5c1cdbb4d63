"""``newsgraph_events_v1``: political events in PLOVER, each with its evidence.

For every sentence, a verb or event noun whose lemma the PLOVER dictionary knows
(``resources/plover_dictionary.tsv``, see ``event_dictionary``) is a candidate.  Its
actors come from the dependency parse (``actors``): the subject, a passive "by" agent
or the possessor of an event noun is the source; the object or a prepositional object
the target; a place in an "in/at/near" phrase of the trigger the location; a date from
``doc._.ng_dates`` inside the trigger's clause the date.  ``modality`` says whether the
article asserts it.  A candidate with no actor is dropped (an opinion piece is full
of "war" and "threat" that are no events), except a bare "the invasion", which joins
an earlier event of its type.  An event reported again later in the article becomes
one :class:`~newsgraph.model.Event` with further ``mentions``, not a second row.

Assigns ``doc._.ng_events`` (list of :class:`~newsgraph.model.Event`, in text order).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...model import Event, Span
from ..extensions import doc_text, register_extensions
from ..knowledge.lexicon import FIRST_PERSON_PLURAL
from ..knowledge.sectors import CHAMBER_NAME_WORDS
from ..layout import paragraphs_of
from .actors import ActorIndex, in_according_to
from .candidate import Candidate
from .confidence import ConfidenceModel, evidence, get_confidence_model, source_by_coref
from .context_actor import context_source
from .dictionary import Entry, EventDictionary, Match, complement_tokens, family, get_dictionary, object_tokens
from .generic import generic_without_commitment
from .modality import QuoteIndex, modality_of, recode
from .targets import GOVERNING_TYPES, NOUN_POS, VERB_POS, TargetSearch

__all__ = ["EventCoder", "code_events"]

_TARGET_FROM_LOCATION = frozenset({"ASSAULT", "COERCE", "CONCEDE", "RETREAT", "AID", "SANCTION", "MOBILIZE", "CONSULT"})
_MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "AID", "RETREAT"})
# "X said/declared that Y must ...": a demand on Y, read off the modal (CAMEO 10, PLOVER REQUEST)
_SAY = frozenset(
    {
        "say",
        "declare",
        "announce",
        "reiterate",
        "insist",
        "conclude",
        "state",
        "stress",
        "add",
        "tell",
        "warn",
        "write",
        "emphasize",
        "emphasise",
        "maintain",
    }
)
_MUST = frozenset({"must", "should"})
# "the government would have to review it" predicts a necessity; "must review it" demands it
_CONDITIONAL = frozenset({"would", "could", "might", "may"})
_THIRD_PERSON = frozenset("he him she her they them it".split())
_DEMAND_ENTRY = Entry("say", "V", (), "REQUEST", None, 0)
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "relcl", "acl", "csubj"})
_ANAPHORIC_DET = frozenset({"the", "this", "that", "its", "their"})
_DONE_TO = frozenset({"COERCE", "ASSAULT", "ACCUSE", "SANCTION"})  # a headline's "X arrested" is passive
_VOTES = frozenset({"REJECT", "SUPPORT"})  # a chamber's vote: "defeated", "approved", "rejected"
_MERGEABLE = frozenset({"asserted", "reported"})
# a chamber or its members named by a common noun vote as "lawmakers" do: "the district council rejected a
# motion tabled by X" (the noun names no entity and no sector, so without it the vote had no one who voted)
_CHAMBER_NOUNS = CHAMBER_NAME_WORDS | {
    "council",
    "lawmaker",
    "legislator",
    "councillor",
    "councilor",
    "deputy",
    "senator",
    "mp",
}
# A match score after a verb of violence makes it a result: "X beat Y 3-1", "thrashed the visitors 4 - 0"
_SCORE_AFTER = re.compile(
    r"[^.;\n]{0,60}?(?<!\bon )(?<!\bfrom )(?<!\bbetween )\b(?P<score>\d{1,2}\s?[-–]\s?\d{1,2})\b(?![-–/.:]\d)"
    r"(?!\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|p\.?m|a\.?m|per|%))"
    r"(?=\s*(?:$|[.,;:!?)\"”’]|(?:in|on|at|with|after|before|and|but|as|for|during|despite|thanks|to|away|win|victory)\b))"
)  # not a date range ("on 12-13 May"), a time, a share, nor a count of people or things ("killed 10-15 villagers")
_AGE_WORDS = frozenset({"age", "aged", "ages"})


def _match_score_after(verb, text: str) -> bool:
    """Whether a match score follows ``verb``'s object ("beat Kelton United 3-1"). The score must come after
    at least one word, none of them a preposition or an age: "killed 10-15 in X" counts victims, "protesters
    aged 15-17" gives ages, "clashed with police on Route 9-1" names a road."""
    found = _SCORE_AFTER.match(text, verb.idx + len(verb.text))
    if found is None:
        return False
    between = []
    for t in verb.doc[verb.i + 1 :]:
        if t.idx >= found.start("score"):
            break
        if not t.is_punct:
            between.append(t)
    return bool(between) and not any(t.pos_ == "ADP" or t.lower_ in _AGE_WORDS for t in between)


# reciprocal events: every party is an actor, none a recipient (PLOVER manual, "Compound and
# Reciprocal Actors"; CONSULT: "all participants are coded in the actor field" unless one side hosts)
_RECIPROCAL = frozenset(
    "meet meeting talk talks discuss discussion negotiate negotiation consult consultation confer phone "
    "telephone call summit dialogue agree agreement accord deal pact treaty sign cooperate cooperation "
    "collaborate collaboration coordinate ally alliance partner partnership reconcile".split()
)
_RECIPROCAL_DOCUMENTS = frozenset("agreement accord deal pact treaty".split())  # "signed a treaty with Y"
_THIRD_PARTY = frozenset({"mediate", "mediation", "mediator", "broker"})
# verbs that judge, weigh or talk about an event rather than do it: "mocked the proposal", "debated the treaty"
# say nothing of who made it, unlike "mounted a counteroffensive" or "announced a resignation"
_JUDGING = frozenset(
    """mock ridicule deride trash lambaste slam blast criticize criticise condemn denounce decry attack question
    doubt dismiss reject oppose fight challenge praise hail laud applaud welcome support back endorse discuss
    debate review study consider examine analyse analyze weigh read hear see watch like love hate fear""".split()
)


class _Coder:
    def __init__(
        self,
        doc: Doc,
        dictionary: EventDictionary,
        evidence_log: list | None = None,
        confidence: ConfidenceModel | None = None,
    ):
        self.doc = doc
        self.evidence_log = evidence_log
        self.confidence = confidence or get_confidence_model()
        self.dict = dictionary
        self.actors = ActorIndex(doc)
        self.target_search = TargetSearch(self.actors)
        # a finding's content ("a poll shows that ...") is reported like a quote's: not asserted
        self.quotes = QuoteIndex(
            [*(doc._.ng_quotes or []), *(f.as_quote() for f in doc._.ng_findings or [])],
            doc_text(doc),
            paragraphs_of(doc),
        )
        # the dates component's (a declared requirement): never recomputed here
        self.dates = sorted((d for d in doc._.ng_dates or [] if d.value), key=lambda d: d.start)

    # -- one candidate ----------------------------------------------------------------------
    def candidate(self, tok: Token, match: Match) -> Candidate:
        c = Candidate(tok, match.type, match.mode, family=family(tok, match.object), entry=match.entry)
        a = self.actors
        if tok.pos_ in VERB_POS:
            c.source_head = self.actors.subject_head(tok)
            c.source = a.phrase_entities(c.source_head)
        else:
            c.source_head = self.actors.noun_source_head(tok)
            c.source = a.phrase_entities(c.source_head)
            if not c.source:
                between = next((p for p in tok.children if p.dep_ == "prep" and p.lower_ == "between"), None)
                if between is not None:  # "talks between X and Y": everyone is an actor
                    c.source_head = next((g for g in between.children if g.dep_ == "pobj"), None)
                    c.source = a.phrase_entities(c.source_head)
                elif (
                    tok.dep_ == "dobj" and tok.head.pos_ in VERB_POS and tok.head.lemma_.lower() not in _JUDGING
                ):  # "Ukraine mounts a counteroffensive"
                    c.source_head = self.actors.subject_head(tok.head)
                    c.source = a.phrase_entities(c.source_head)
        patient_subject = None
        if tok.pos_ in VERB_POS and a.reduced_passive(tok, c.type in _DONE_TO):
            # "Premier accused of fraud", "Asked about it, X said": the subject is who it is done to
            patient_subject = tok.head if tok.dep_ == "acl" else c.source_head
            c.reduced_passive = True
            agent = next(
                (g for ch in tok.children if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"), None
            )
            c.source_head, c.source = agent, a.phrase_entities(agent)
        if c.source_head is not None and not a.same_paragraph(c.source_head, tok):
            c.source_head, c.source = None, []  # a byline or heading the parser ran into the sentence
        self.target_search.targets(c, match)
        if c.target_head is not None and not a.same_paragraph(c.target_head, tok):
            c.target_head, c.target = None, []
        if self.quoted_pronoun(c.source_head):
            c.source_head, c.source = None, []
        if self.quoted_pronoun(c.target_head):
            c.target_head, c.target = None, []
        if patient_subject is not None and patient_subject.pos_ in NOUN_POS | {"PRON"}:
            received = [i for i in a.phrase_entities(patient_subject) if i not in c.target]
            if received:
                c.target, c.target_head = received + c.target, patient_subject
        # (a "target" that is the source, as a deep search may find in the "by" agent, is none); a verb's
        # building is hit only by a named attacker: "jets bombed the hospital", not "a car struck the wall"
        if c.type in ("ASSAULT", "COERCE") and not set(c.target) - set(c.source):
            search = self.target_search
            struck = (
                search.struck_phrase(tok) if tok.pos_ in NOUN_POS else search.struck_object(tok) if c.source else None
            )
            if struck is not None and not search.target_at(c, struck):
                facility = a.facility_at(struck)  # "the Marlow Hospital was damaged by airstrikes"
                if facility is not None:
                    c.target, c.target_head = [facility], struck
        if not c.source and c.type in _VOTES and any(ch.dep_ == "nsubjpass" for ch in tok.children):
            # "the motion was defeated in the Senate": the chamber that voted
            c.source_head, c.source = self.chamber(tok)
            c.source_chamber = bool(c.source)
        unsaid = context_source(c, a)
        if unsaid is not None:  # "X was detained": the article's one police force, named elsewhere
            c.source, c.source_context = [unsaid], True
        patient = a.patient_possessor(tok) if tok.pos_ not in VERB_POS else None
        if patient is not None:  # "the premier's arrest": the premier receives it
            received = [i for i in a.phrase_entities(patient) if i not in c.target]
            if received:
                c.target = received + c.target
                c.target_head = patient
        if not _distinct_groups(c.source_head, c.target_head):
            c.target = [t for t in c.target if t not in c.source]
        if c.target and self.reciprocal(c, match):
            c.source += [t for t in c.target if t not in c.source]
            c.target = []
        c.modality, c.speaker = modality_of(self.doc, tok, self.quotes, self.speaker_of, frozenset(c.source))
        if (
            c.speaker
            and c.source == [c.speaker]
            and c.source_head is not None
            and c.source_head.lower_ in FIRST_PERSON_PLURAL
        ):
            # "“we arrested four men,” the Harbour Police inspector said": "we" is the organisation spoken for
            organisation = a.organisation_of(c.speaker)
            if organisation is not None:
                c.source, c.source_speaker_organisation = [organisation], True
        c.type, c.mode = recode(c.type, c.mode, c.modality, tok)
        if c.type == "PROTEST" and c.source and a.sector(c.source_head, c.source[0]) in ("government", "igo"):
            c.type, c.mode = "ACCUSE", "disapprove"  # a state's protest is a diplomatic one
        # a meeting's venue is no host: only a visit's place receives a CONSULT
        at = c.type in _TARGET_FROM_LOCATION and (c.type != "CONSULT" or c.mode == "visit")
        place = (c.location if at else None) or c.deep_place
        if not c.target and place and c.source:
            # the people where it happens receive it ("lifted the curfew in X", "threatened to ban voting
            # in X"), unless a state moves or fights on its own ground ("Putin visited Kaliningrad")
            if place not in c.source and a.country(place) and a.country(place) not in self.target_search.own_ground(c):
                c.target = [place]
        c.date = self.date_for(tok, c.source_head)
        c.anaphoric = (
            tok.pos_ in NOUN_POS
            and not c.source
            and not c.target
            and any(ch.dep_ in ("det", "poss") and ch.lower_ in _ANAPHORIC_DET for ch in tok.children)
        )
        return c

    def is_attack(self, noun: Token) -> bool:
        match = self.dict.match(noun) if noun.lemma_.lower() in self.dict.by_lemma else None
        return match is not None and match.type == "ASSAULT"

    def quoted_pronoun(self, head: Token | None) -> bool:
        """A third-person pronoun in someone's verbatim words ("“It wasn't that she supported it,” X said"):
        the speaker means a person of the conversation, which the article's coreference cannot see, so it
        names no actor. "we" and "I" stay: they are the speaker's own side."""
        if head is None or head.pos_ != "PRON" or head.lower_ not in _THIRD_PERSON:
            return False
        quote = self.quotes.at(head.idx, head.idx + len(head))
        return quote is not None and quote.kind in ("direct", "block")

    def chamber(self, tok: Token) -> tuple[Token | None, list[str]]:
        """The organisation "in"/"at" which a passive vote happened ("was rejected in the Senate")."""
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ in ("in", "at"):
                for g in ch.children:
                    ids = [i for i in self.actors.phrase_entities(g) if self.actors.type(i) == "ORG"]
                    if g.dep_ == "pobj" and ids:
                        return g, ids
        return None, []

    def reciprocal(self, c: Candidate, match: Match) -> bool:
        """Meetings, talks, agreements "with" someone: both sides act (a host, a visit or a mediator excepted)."""
        if c.type not in ("CONSULT", "AGREE", "COOPERATE", "SUPPORT") or c.target_head is None or not c.source:
            return False
        words = {c.tok.lemma_.lower(), c.family}
        if match.object is not None:
            words.add(match.object.lemma_.lower())
        h = c.target_head
        if h.dep_ == "pobj" and h.head.head != c.tok:  # "signed an agreement with Y": the noun "with" hangs on
            words.add(h.head.head.lemma_.lower())
        if words & _THIRD_PARTY or c.mode == "visit":
            return False
        if not words & (_RECIPROCAL if c.type != "SUPPORT" else _RECIPROCAL_DOCUMENTS):
            return False
        if h.dep_ == "pobj":
            return h.head.lower_ == "with"
        return c.type == "CONSULT" and h.dep_ == "dobj"  # "met Y", "telephoned Y"

    def speaker_of(self, verb: Token) -> str | None:
        ids = self.actors.phrase_entities(self.actors.subject_head(verb))
        return ids[0] if ids else None

    def date_for(self, tok: Token, subject: Token | None) -> str | None:
        if not self.dates:
            return None
        sent = tok.sent
        scopes = [tok]
        if tok.pos_ in VERB_POS:
            cur = tok
            for _ in range(4):  # the clause that carries the subject ("spent ... since February on arming")
                if cur.dep_ == "conj" and any(ch.dep_ == "mark" for ch in cur.children):
                    break  # "..., one day after the EU imposed": a conjunct only in the parse, a clause of its own
                if cur.dep_ in ("xcomp", "pcomp", "prep", "conj") and cur.head != cur:
                    cur = cur.head
                    scopes.append(cur)
                else:
                    break
        for scope in scopes:
            lo, hi = scope.left_edge.idx, scope.right_edge.idx + len(scope.right_edge.text)
            lo, hi = max(lo, sent.start_char), min(hi, sent.end_char)
            # a date inside another clause ("in order to prevent a repeat of 1917") is that clause's
            clauses = [
                (ch.left_edge.idx, ch.right_edge.idx + len(ch.right_edge.text))
                for ch in scope.subtree
                if ch.dep_ in _CLAUSE_DEPS and ch != scope and ch not in scopes
            ]
            for d in self.dates:
                if d.start >= hi:
                    break
                if (
                    d.start >= lo
                    and d.end <= hi
                    and not self.actors.at_dateline(d.start)
                    and not any(a <= d.start < b for a, b in clauses)
                ):
                    return d.value
        return None

    # -- the article ---------------------------------------------------------------------------
    def run(self) -> list[Event]:
        cands: list[Candidate] = []
        consumed: set[int] = set()
        suppressed: set[int] = set()
        by_lemma = self.dict.by_lemma
        nouns: list[Token] = []
        for tok in self.doc:
            if tok.pos_ not in VERB_POS and tok.pos_ not in NOUN_POS and tok.pos_ != "ADJ":
                continue
            lemma = tok.lemma_.lower()
            if lemma in _SAY and tok.pos_ in VERB_POS:
                demand = self.demand(tok)
                if demand is not None:
                    cands.append(demand)
                    suppressed.update(complement_tokens(tok))
                    continue
            if lemma not in by_lemma:
                continue
            if tok.pos_ not in VERB_POS:
                nouns.append(tok)
                continue
            m = self.dict.match(tok)
            if m is None:
                continue
            if m.type == "ASSAULT" and self.target_search.hit_by_attack(tok, self.is_attack):
                continue  # "an attack struck the hospital": the noun's event, which takes the verb's object
            if m.type in ("ASSAULT", "FIGHT") and _match_score_after(tok, self.quotes.text):
                continue  # "Rovers beat Kelton Athletic 3-1": a match, not a beating
            c = self.candidate(tok, m)
            if generic_without_commitment(c, m, self.actors):
                continue  # "offered an explanation", "is working with consultants": no commitment to anyone
            cands.append(c)
            consumed.update(o.i for o in object_tokens(tok))
            if m.type in GOVERNING_TYPES:
                suppressed.update(complement_tokens(tok))
        for tok in nouns:
            if in_according_to(tok):
                continue  # "according to an investigation by X": where the report comes from, not an event
            m = self.dict.match(tok)
            if m is None:
                continue
            c = self.candidate(tok, m)
            # the object of an event verb is that event's content; only "the invasion" may still join its event
            if tok.i not in consumed or c.anaphoric:
                cands.append(c)
        cands = [c for c in cands if c.tok.i not in suppressed]
        cands.sort(key=lambda c: c.tok.i)
        return self.merge(cands)

    def demand(self, tok: Token) -> Candidate | None:
        """ "X said Y must Z": a demand on Y (REQUEST), whatever Z is."""
        for ch in tok.children:
            if ch.dep_ != "ccomp" or ch.i < tok.i:
                continue
            aux = {g.lower_ for g in ch.children if g.dep_ == "aux"}
            if not aux & _MUST and not (
                ch.lemma_ in ("have", "need")
                and any(g.dep_ == "xcomp" for g in ch.children)
                and ch.tag_ != "VBN"
                and not aux & _CONDITIONAL
            ):
                continue
            c = self.candidate(tok, Match(_DEMAND_ENTRY, None))
            c.entry = None
            subj = next((g for g in ch.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            c.target = [i for i in self.actors.phrase_entities(subj) if i not in c.source]
            c.target_head = subj
            # "it said subsequent quarters should show ...": a demand needs someone to demand it of
            return c if c.target and c.source else None
        return None

    def merge(self, cands: list[Candidate]) -> list[Event]:
        kept: list[Candidate] = []
        a = self.actors
        for c in cands:
            named = bool(c.source or c.target)
            group = a.sector(c.source_head, None) is not None  # "police", "protesters", "rebels"
            # a chamber's vote counts only with someone it is against: "rejected a motion tabled by X"
            group = group or bool(c.target) and _chamber_vote(c)
            passive = (
                c.reduced_passive
                or c.tok.dep_ == "acl"
                or any(ch.dep_ in ("nsubjpass", "auxpass") for ch in c.tok.children)
            )
            if not (named or group or c.anaphoric) or not named and c.modality not in _MERGEABLE:
                continue
            if not (c.source or group or c.anaphoric or passive or c.type in _MATERIAL):
                continue  # a verbal event needs someone who said it
            if c.mode == "investigate" and c.source and a.sector(c.source_head, c.source[0]) == "media":
                continue  # a newspaper's investigation is reporting; PLOVER's is an authority's inquiry
            into = None
            for k in reversed(kept):
                if _same_event(k, c):
                    into = k
                    break
            if into is None:
                if c.anaphoric:
                    continue
                kept.append(c)
                continue
            into.mentions.append(c.tok)
            if not into.source and c.source:  # the source comes with how it was found
                into.source_context = c.source_context
                into.source_chamber = c.source_chamber
                into.source_speaker_organisation = c.source_speaker_organisation
            for i in c.source:
                if not into.source or i not in into.source and not c.anaphoric and set(into.source) < set(c.source):
                    into.source.append(i)
            if not into.target:
                into.target = list(c.target)
            into.location = into.location or c.location
            into.date = into.date or c.date
            if c.modality == "asserted" and into.modality != "asserted":
                into.modality, into.speaker = "asserted", None
            # the most telling phrase names the sector: "the Ukrainian army" over a title's "Ukrainian"
            if into.source_head is None or a.sector(into.source_head, None) is None and a.sector(c.source_head, None):
                into.source_head = c.source_head if c.source else into.source_head
            if into.target_head is None or a.sector(into.target_head, None) is None and a.sector(c.target_head, None):
                into.target_head = c.target_head if c.target else into.target_head
        return [self.event(k) for k in kept]

    def event(self, c: Candidate) -> Event:
        a = self.actors
        features = evidence(c, a, self.dict)
        event = Event(
            type=c.type,
            trigger=_span(c.tok),
            mode=c.mode,
            source=c.source,
            target=c.target,
            location=c.location,
            date=c.date,
            modality=c.modality,
            speaker=c.speaker,
            mentions=[_span(t) for t in c.mentions],
            source_sector=a.sector(c.source_head, c.source[0] if c.source else None),
            target_sector=a.sector(c.target_head, c.target[0] if c.target else None),
            confidence=self.confidence(features),
        )
        if self.evidence_log is not None:
            self.evidence_log.append((event, features, named_subject(c, a)))
        return event


def _chamber_vote(c: Candidate) -> bool:
    """A vote whose subject is a chamber or its members named by a common noun ("the council rejected")."""
    head = c.source_head
    return c.type in _VOTES and head is not None and head.pos_ == "NOUN" and head.lemma_.lower() in _CHAMBER_NOUNS


def named_subject(c: Candidate, actors: ActorIndex) -> tuple[str, int, int, str] | None:
    """``(sentence, start, end, entity type)`` of a named subject of the trigger, offsets within its
    sentence: the training script rewrites it as a pronoun to fit the coref feature (None otherwise)."""
    head = c.source_head
    if head is None or not c.source or head.dep_ != "nsubj" or head.head.i != c.tok.i:
        return None
    if head.pos_ == "PRON" or source_by_coref(head, actors) or not actors.names_entity(head):
        return None
    sent = c.tok.sent
    lo, hi = head.left_edge, head.right_edge
    if lo.i < sent.start or hi.i >= c.tok.i:
        return None
    plural = bool(head.conjuncts) or head.tag_ in ("NNS", "NNPS")
    kind = "PLURAL" if plural else actors.type(c.source[0]) or ""
    return sent.text, lo.idx - sent.start_char, hi.idx + len(hi.text) - sent.start_char, kind


def _distinct_groups(src: Token | None, tar: Token | None) -> bool:
    """A different group of the actor's nationality: "Palestinian police ... from Palestinian armed groups",
    "Croatia is investigating crimes by Croatian extremists" (not "its forces": that is the actor)."""
    if tar is None or tar.pos_ != "NOUN" or tar.ent_type_ or (src is not None and src.i == tar.i):
        return False
    if src is not None and src.lemma_.lower() == tar.lemma_.lower():
        return False
    return not any(ch.dep_ == "poss" and ch.pos_ == "PRON" for ch in tar.children)


def _same_event(k: Candidate, c: Candidate) -> bool:
    if k.type != c.type or k.family != c.family:
        return False
    if k.modality != c.modality and not (k.modality in _MERGEABLE and c.modality in _MERGEABLE):
        return False
    if c.anaphoric:
        return True
    ks, cs, kt, ct = set(k.source), set(c.source), set(k.target), set(c.target)
    if not (ks <= cs or cs <= ks) or not (kt <= ct or ct <= kt):
        return False
    if not (ks & cs or kt & ct):
        return False
    if k.date and c.date and not (k.date.startswith(c.date) or c.date.startswith(k.date)):
        return False
    if k.location and c.location and k.location != c.location:
        return False
    return True


def _span(tok: Token) -> Span:
    return Span(tok.idx, tok.idx + len(tok.text), tok.text)


def code_events(
    doc: Doc,
    dictionary: EventDictionary | None = None,
    evidence_log: list | None = None,
    confidence: ConfidenceModel | None = None,
) -> list[Event]:
    """The article's events; ``evidence_log``, when given, receives ``(event, features, named_subject)`` for each
    (the confidence model's training script reads them); ``confidence`` defaults to the shipped model."""
    return _Coder(doc, dictionary or get_dictionary(), evidence_log, confidence).run()


class EventCoder:
    """The pipeline component; the dictionary is read on the first document, not before."""

    def __init__(self) -> None:
        self._dictionary: EventDictionary | None = None
        # set to a list to collect (event, features, named subject) triples, and the model to use (None: the shipped
        # one): scripts/train_event_confidence.py
        self.evidence_log: list | None = None
        self.confidence_model: ConfidenceModel | None = None

    @property
    def dictionary(self) -> EventDictionary:
        if self._dictionary is None:
            self._dictionary = get_dictionary()
        return self._dictionary

    def __call__(self, doc: Doc) -> Doc:
        doc._.ng_events = code_events(doc, self.dictionary, self.evidence_log, self.confidence_model)
        return doc


@Language.factory(
    "newsgraph_events_v1",
    requires=[
        "doc._.ng_entities",
        "doc._.ng_entity_spans",
        "doc._.ng_entity_meta",
        "doc._.ng_coref",
        "doc._.ng_quotes",
        "doc._.ng_findings",
        "doc._.ng_dates",
        "token.dep",
        "token.lemma",
        "token.tag",
    ],
    assigns=["doc._.ng_events"],
)
def make_events(nlp: Language, name: str) -> EventCoder:
    register_extensions()
    return EventCoder()
