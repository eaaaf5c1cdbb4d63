"""Reporting cues: which words report speech, the cue phrase, and what a cue reports.

Lexicons and small functions over the ``en_core_web_sm`` parse, shared by
:mod:`newsgraph.nlp.quotes.attribution` (who) and :mod:`newsgraph.nlp.quotes` (what).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Span

__all__ = [
    "SPEECH_LEMMAS",
    "BELIEF_LEMMAS",
    "EVALUATION_LEMMAS",
    "OBJECT_CUES",
    "CONTENT_DEPS",
    "VERBISH",
    "is_cue",
    "cue_span",
    "trim_span",
    "content_range",
    "is_negated",
    "is_command",
    "is_joined_statement",
    "is_unasserted",
    "addresses_the_reader",
    "opens_with_a_question",
]

# Verbs of saying: they may introduce a direct quote or a block quote.
SPEECH_LEMMAS = frozenset(
    """say tell state write add insist claim warn argue note acknowledge admit deny announce declare
    urge stress suggest accuse assert explain report reply respond remark observe comment confirm
    predict promise vow pledge maintain contend emphasize emphasise reiterate recall complain boast
    concede allege testify tweet post ask answer caution conclude indicate reveal disclose describe
    quote demand propose recommend threaten assure agree joke lament charge counter retort proclaim
    affirm hint signal mention estimate speculate question scoff quip exclaim shout cry whisper
    admonish plead concur inform notify brag speak disagree object protest sing chant continue read remind""".split()
)
# Verbs of thinking or finding: they report an attributed claim only with a content clause.
BELIEF_LEMMAS = frozenset("believe think feel find show expect fear suspect hope know doubt".split())
# Verbs that judge or cite something: what they report is their object ("criticized the plan as
# a “crazy system”", "attacked the media for ...", "cited the report").
EVALUATION_LEMMAS = frozenset(
    """criticize criticise attack blast praise laud hail slam condemn denounce mock ridicule dismiss liken
    label brand dub cite blame applaud rebuke chide lambaste decry disparage deride belittle characterize""".split()
)
# Evaluation verbs that also name physical acts: a cue only with "for"/"as" ("blasted X for ...").
_PHYSICAL_TOO = frozenset("attack blast slam hail dismiss".split())
# Verbs of saying whose object is what was said ("noted the clot's existence"), besides the above.
OBJECT_CUES = EVALUATION_LEMMAS | {"note", "mention", "acknowledge", "describe", "point", "reiterate", "stress"}
# Nouns that take a content clause of their own: in "repeated her regret that the ward had closed" the
# parser hangs the clause on the verb, but it says what the regret is about, not what was said.
CONTENT_NOUNS = frozenset(
    """regret belief view claim hope fear concern assurance assertion argument position conviction suspicion
    promise warning message point statement insistence opinion fact news idea notion impression feeling
    confidence doubt expectation wish demand pledge commitment charge allegation accusation suggestion worry
    sorrow sadness disappointment frustration anger dismay relief pride satisfaction surprise understanding
    assessment conclusion finding theory sense desire determination resolve apology condolence""".split()
)
# Conjunctions of a condition: a cue under one reports what someone would say or think, not what they did.
_CONDITIONS = frozenset("if unless".split())
# Verbs of finding that also name a sight: with a small clause ("found the hiker hurt") they report nothing.
_SIGHT_LEMMAS = frozenset({"find"})
# Finite verb tags: a content clause has one ("found that rents rose"); a small clause does not ("found the hiker hurt").
_FINITE_TAGS = frozenset("VBD VBZ VBP MD".split())
# Wh-words that open an embedded question ("how", "why", "what", "which", "who")
_WH_TAGS = frozenset("WRB WP WDT WP$".split())
# Parts of speech a cue verb can carry ("according" is tagged VERB; "said" sometimes AUX).
VERBISH = {"VERB", "AUX"}
# Dependency labels of a cue's child that holds what was said.
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "attr", "oprd"}
# Cues whose direct object is what was said ("noted the risk", "denied the claim"); not those whose
# object is who was addressed ("told reporters") or something made ("wrote a memoir", "added a week").
_OBJECT_CUES = OBJECT_CUES | SPEECH_LEMMAS - set(
    "tell ask inform notify urge assure warn continue accuse answer post report quote threaten charge signal "
    "object sing chant speak add write read remind".split()
)


def is_cue(token: Token, with_beliefs: bool = False) -> bool:
    """A reporting verb ("said", "warned", "according", "called for", "put it")."""
    if token.pos_ not in VERBISH and token.lower_ != "according":
        return False
    lemma = token.lemma_.lower()
    if lemma in SPEECH_LEMMAS or (with_beliefs and lemma in BELIEF_LEMMAS):
        return True
    if with_beliefs and lemma in EVALUATION_LEMMAS:
        objs = [c for c in token.children if c.dep_ == "dobj"]
        if lemma in _PHYSICAL_TOO:  # "attacked the media for ..." is speech; "attacked the port" is not
            return any(
                c.dep_ == "prep" and c.lower_ in ("for", "as") for o in objs for c in (*token.children, *o.children)
            )
        return bool(objs)
    if lemma == "point":  # "pointed out that ..."
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    if token.lower_ == "according":
        return any(c.lower_ == "to" for c in token.children)
    if lemma == "call":
        # "call for", "call on", and "X called Y a “liar”" (a subject naming something);
        # not the passive or adjectival "(so-)called ..." that only names a term.
        return any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in token.children) or (
            any(c.dep_ == "oprd" for c in token.children) and any(c.dep_ == "nsubj" for c in token.children)
        )
    if lemma == "put":  # "as he put it"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    return False


def cue_span(doc: Doc, token: Token) -> Span:
    """The cue phrase: the verb plus the words that make it a reporting phrase."""
    parts = [token]
    for child in token.children:
        lemma = token.lemma_.lower()
        if child.dep_ == "prt" or (
            child.dep_ == "prep"
            and (
                (lemma == "call" and child.lower_ in ("for", "on"))
                or (token.lower_ == "according" and child.lower_ == "to")
            )
        ):
            parts.append(child)  # "point out", "call for", "according to"
        elif child.dep_ == "dobj" and (
            child.lower_ == "it" or (token.lemma_ == "tell" and child.n_lefts == 0 and child.n_rights == 0)
        ):
            parts.append(child)  # "put it", "told reporters"
    parts = [p for p in parts if abs(p.i - token.i) <= 2]  # keep the phrase contiguous and short
    first, last = min(p.i for p in parts), max(p.i for p in parts)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return Span(start, end, doc[first : last + 1].text)  # not doc.text: that joins the whole doc


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and clause punctuation (",", trailing ".") from ``[start, end)``.

    Closing quote marks stay: a content clause that ends in a partial quote keeps it whole.
    """
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


def content_range(att, cue: Token) -> tuple[int, int] | None:
    """Character range of what ``cue`` reports: its content clause, its object, or the clause around
    "according to X" and "he insisted"; None when it reports nothing here."""
    if cue.lower_ == "according":
        clause = cue.head
        if clause.i == cue.i:
            return None
        sent = att.sents[att.sent_index(cue.i)]
        phrase_start, phrase_end = cue.left_edge.idx, _end(cue.right_edge)
        start, end = clause.left_edge.idx, _end(clause.right_edge)
        if phrase_start <= start:  # "According to X, ..."
            return phrase_end, max(end, sent.end_char)
        if phrase_end >= end - 1:  # "..., according to X."
            return start, phrase_start
        return start, end
    if is_unasserted(cue):
        return None  # "if you believe that ...", "had the traders known ...", "Tell your neighbours that ...": nothing reported
    if is_negated(cue):
        # "could not tell how ...", "did not reveal the name", "never said the plan was dead": a denied cue
        # reports words nobody said. PolNeAR annotates a denied that-clause (0.2% of its train attributions);
        # a quote shows its words as the speaker's, so here it is none
        return None
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if clause is not None and opens_with_a_question(cue, clause):
        return None  # "Describing how the fire spread, a witness said ...": a topic, not what was said
    noun = _noun_owning(cue, clause) if clause is not None else None
    if noun is not None:
        # "reiterated her regret that the ward had closed": the clause is the regret's; what was said, if
        # anything, is the object phrase with it
        if cue.lemma_.lower() in _OBJECT_CUES:
            return noun.left_edge.idx, _end(clause.right_edge)
        return None
    if clause is not None:
        if cue.lemma_.lower() in _SIGHT_LEMMAS and not _finite(clause):
            return None  # "found the hiker hurt by the stile": a sight, not a finding
        joined = next((c for c in clause.children if is_joined_statement(c)), None)
        if joined is not None:  # "said the economy grew and warned that ...": the second statement is not in the first
            last = min([joined.left_edge.i, *(c.i for c in clause.children if c.dep_ == "cc" and c.i < joined.i)])
            if last > clause.left_edge.i:
                return clause.left_edge.idx, _end(clause.doc[last - 1])
        return clause.left_edge.idx, _end(clause.right_edge)
    if cue.lemma_.lower() in _OBJECT_CUES:  # "X criticized the plan as a “crazy system”"
        objs = [c for c in cue.rights if c.dep_ == "dobj" and c.lower_ not in ("it", "this", "that")]
        if objs and att.subject_of(cue) is not None:
            tail = [c for c in cue.rights if c.i > objs[0].i and c.dep_ == "prep" and c.lower_ in ("as", "for")]
            return objs[0].left_edge.idx, _end((tail or objs)[-1].right_edge)
    if cue.lemma_ == "call":  # "X called for an inquiry"
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0].left_edge.idx, _end(objs[0].right_edge)
    if cue.dep_ == "parataxis" and cue.head.i != cue.i and att.subject_of(cue) is not None:
        head = cue.head  # "Russia, he insisted, had to be ..."
        return head.left_edge.idx, _end(head.right_edge)
    return None


def is_joined_statement(cue: Token) -> bool:
    """A cue joined to the words another cue reports, with no subject of its own: "said the economy was
    growing and warned that ...", "said the team played well but admitted ..." -- the parser hangs the second
    verb on the first statement's verb, but it is the same speaker's second statement, not part of the first."""
    return (
        cue.dep_ == "conj"
        and is_cue(cue)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children)
        and any(c.dep_ in CONTENT_DEPS for c in cue.children)
    )


def opens_with_a_question(cue: Token, clause: Token) -> bool:
    """A present participle that opens its sentence as an adverbial clause of its own, with an embedded
    question for content ("Describing how the fire spread, a witness said ...", "Recalling why the road
    shut, ..."): the question names what the speech was about, not words anyone said.  Not "asking", whose
    question is the asker's words."""
    return (
        cue.tag_ == "VBG"
        and cue.dep_ == "advcl"
        and cue.i < cue.head.i
        and cue.lemma_.lower() != "ask"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in cue.children)
        and _embedded_question(clause)
    )


def _embedded_question(clause: Token) -> bool:
    """A clause that opens with a wh-word or "whether"/"if": "how the fire spread", "whether it would close"."""
    first = clause.left_edge
    return first.tag_ in _WH_TAGS or first.lower_ in ("whether", "if")


def is_negated(cue: Token) -> bool:
    """The cue itself is denied: "did not reveal", "never explained", "can not tell" (not a negation inside
    what was said: "said they had not seen him")."""
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in cue.children)


def is_unasserted(cue: Token) -> bool:
    """The cue reports nothing that happened: it sits in a condition ("if you believe that ...", "unless the
    board thinks ...", "had the traders known ...") or is a command ("Tell your neighbours that ...")."""
    # "If the parcel was lost and you believe that ...": a cue joined to a condition's verb shares its "if"
    verbs = (cue, cue.head) if cue.dep_ == "conj" else (cue,)
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for v in verbs for c in v.children):
        return True
    subjects = [c.i for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "(annoyed that,) had the traders known ...": the auxiliary before the subject makes the clause a condition
    if subjects and any(
        c.dep_ == "aux" and c.lower_ in ("had", "should", "were") and c.i < min(subjects) for c in cue.children
    ):
        return True
    # the parser may take that auxiliary for the verb of a clause of its own, with the cue its complement
    head = cue.head
    if cue.dep_ == "ccomp" and head.lower_ in ("had", "should", "were") and head.dep_ == "advcl" and head.i < cue.i:
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    return is_command(cue)


def is_command(cue: Token) -> bool:
    """A cue that tells the reader to do something ("Tell your neighbours that ...", "Read more:"): a bare
    verb with no subject, the sentence's main verb or its first word."""
    first = next((t for t in cue.sent if not (t.is_punct or t.is_space)), cue)
    return (
        (cue.dep_ == "ROOT" or first.i == cue.i)
        and cue.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "csubj") for c in cue.children)
        and cue.lower_ != "according"
    )


def addresses_the_reader(cue: Token) -> bool:
    """ "As chairman I am obliged to notify you that ...", "I can notify you that ...": words spoken to "you" with no
    subject of their own or by "I"/"we" are a statement's own text (read out or reproduced), not the article
    reporting a claim."""
    if not any(c.dep_ in ("dobj", "dative") and c.lower_ == "you" for c in cue.children):
        return False
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or subjects[0].lower_ in ("i", "we")


def _finite(clause: Token) -> bool:
    """A clause with a tensed verb or "that": a claim ("found that rents rose", "found rents rose"); a past
    verb with an object of its own is tensed whatever its tag ("found the tonic reduced fevers", tagged a
    participle), where a state is not ("found the hiker hurt")."""
    return (
        clause.tag_ in _FINITE_TAGS
        or clause.tag_ in ("VBN", "NN")
        and any(c.dep_ == "dobj" for c in clause.children)
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in clause.children)
        or any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    )


def _noun_owning(cue: Token, clause: Token) -> Token | None:
    """The cue's object noun that a "that"-clause right after it belongs to, if any."""
    if clause.left_edge.lower_ != "that":
        return None
    for obj in cue.children:
        if obj.dep_ == "dobj" and obj.right_edge.i + 1 == clause.left_edge.i and obj.lemma_.lower() in CONTENT_NOUNS:
            return obj
    return None


def _end(tok: Token) -> int:
    return tok.idx + len(tok)
