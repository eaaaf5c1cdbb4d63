"""``newsgraph_framing_v1``: how the article describes each actor -> ``doc._.ng_framing``.

For every mention of an actor (an entity of type PERSON, ORG, GPE or NORP) we read
the words the article attaches to it, as :class:`~newsgraph.model.Descriptor` spans:

- ``apposition``: "Dana Roe, a veteran negotiator from the coast," -> "a veteran negotiator
  from the coast" (the appositive's head, its left modifiers and its first prepositional
  phrase).
- ``adjective``: adjectival modifiers of the mention's head ("the reckless Roe") or of an
  actor noun the mention is a compound, possessive or nationality modifier of ("the corrupt
  Roe regime" -> "corrupt").  Touching modifiers join: "semi-delusional".
- ``predicate``: "X is/was/became/remains Y" (attr/acomp of a copula whose subject is the
  mention or its actor noun), in relative clauses too ("X, who is Y"), and role verbs
  "X functioned/served/acted as Y", "X was branded/described as Y".
- ``compound``: the actor noun a name modifies ("the Roe regime" -> "regime", "Velish
  oligarchy" -> "oligarchy"), and a lower-case role noun before a name ("columnist Dana Roe").

Actor nouns are the governing nouns of :data:`ACTOR_NOUNS` or nouns the tone lexicon
scores ("the Roe gang"); other nouns a name modifies ("NATO territory", "Russian
citizens") describe something else and are skipped.  So are capitalised titles
("President"), which linking keeps as ``Entity.titles``.

Tone: the mean score of the descriptor's words found in ``resources/tone_lexicon.tsv``
(looked up by lower-cased form, then lemma, hyphenated words whole first), 0 when none
is; a word after "not"/"never"/"no" inside the descriptor is flipped, and a negated
copula ("is not legitimate", "is never reckless") flips the whole predicate.

Cost: a handful of token look-ups per entity mention; no pass over every token beyond
building the token -> entity map.
"""

from __future__ import annotations

from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..model import Descriptor
from .extensions import doc_text, register_extensions

__all__ = ["FramingReader", "ACTOR_TYPES", "ACTOR_NOUNS", "load_tone_lexicon", "descriptor_tone"]

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Collective nouns that stand for the actor they are compounded with: "the Biden administration".
ACTOR_NOUNS = frozenset(
    """regime government administration junta oligarchy oligarch elite leadership establishment
    clique cabal dictatorship authority ruler camp faction cronies gang state""".split()
)
MAX_TOKENS = 12  # longest descriptor (apposition, predicate)
MAX_ADJ_TOKENS = 5
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "stay", "prove"})
_ROLE_VERBS = frozenset({"function", "serve", "act", "emerge", "pose", "operate"})  # "X served as Y"
_LABEL_VERBS = frozenset(
    {"brand", "describe", "label", "call", "dub", "portray", "depict", "regard", "see", "view",
     "consider", "denounce", "paint", "cast", "hail", "praise", "condemn", "characterize", "characterise"}
)  # fmt: skip
_NEGATORS = frozenset({"not", "n't", "never", "no", "nor"})
# Classifying adjectives that say what kind of thing, not how it is judged.
_PLAIN_ADJ = frozenset(
    """former late then acting current new same other own such many several few certain various
    top senior junior chief main first second third last next previous present future local
    regional national federal central state political economic military financial foreign domestic
    international diplomatic northern southern eastern western north south east west northeastern
    northwestern southeastern southwestern upper lower""".split()
)
_NUMERIC_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})

_LEXICON: dict[str, float] | None = None


def load_tone_lexicon() -> dict[str, float]:
    """``word -> score`` from ``resources/tone_lexicon.tsv``; read on first use, then cached."""
    global _LEXICON
    if _LEXICON is None:
        lexicon: dict[str, float] = {}
        text = resources.files("newsgraph.resources").joinpath("tone_lexicon.tsv").read_text("utf-8")
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            word, score = line.split("\t")[:2]
            lexicon[word.strip().lower()] = max(-1.0, min(1.0, float(score)))
        _LEXICON = lexicon
    return _LEXICON


def descriptor_tone(tokens, flip: bool = False, lexicon: dict[str, float] | None = None) -> float:
    """Mean lexicon score of ``tokens`` (a sequence of spaCy tokens); 0.0 when none is scored."""
    lex = load_tone_lexicon() if lexicon is None else lexicon
    scores: list[float] = []
    negated = flip
    toks = list(tokens)
    i = 0
    while i < len(toks):
        t = toks[i]
        low = t.lower_
        if low in _NEGATORS:
            negated = not negated
            i += 1
            continue
        # "so-called", "self-styled": a hyphenated word scored whole
        if i + 2 < len(toks) and toks[i + 1].text == "-" and not t.whitespace_ and not toks[i + 1].whitespace_:
            joined = f"{low}-{toks[i + 2].lower_}"
            if joined in lex:
                scores.append(-lex[joined] if negated else lex[joined])
                i += 3
                continue
        score = lex.get(low)
        if score is None:
            score = lex.get(t.lemma_.lower())
        if score is not None:
            scores.append(-score if negated else score)
        i += 1
    return round(sum(scores) / len(scores), 3) if scores else 0.0


def _actor_noun(t: Token, lex: dict[str, float]) -> bool:
    """A noun that stands for the actor modifying it: "regime", "administration", "bravado"."""
    if not (t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.is_lower)):  # the model calls some PROPN
        return False
    lemma = t.lemma_.lower()
    return lemma in ACTOR_NOUNS or t.lower_ in ACTOR_NOUNS or t.lower_ in lex or lemma in lex


def _compact(t: Token, budget: int = MAX_TOKENS) -> tuple[int, int]:
    """Token range [start, end) of ``t`` with its left modifiers and first prepositional chain.

    "utterly incapable of responding to the threat posed by ..." -> up to "threat": relative
    and participle clauses, appositions and later prepositions are left out; a coordinated
    word comes along ("corrupt and inept").
    """
    start = min([t.i] + [c.left_edge.i for c in t.lefts])
    end, node = t.i + 1, t
    while True:
        rights = list(node.rights)
        if not rights:
            break
        first = rights[0]
        if first.dep_ == "prep" and first.lower_ != "by":  # "by" starts an agent, not a description
            nxt = next((x for x in first.rights if x.dep_ in ("pobj", "pcomp")), None)
        elif first.dep_ == "dobj" and node.dep_ == "pcomp":  # "incapable of answering the charges"
            nxt = first
        elif first.dep_ == "cc" and len(rights) > 1 and rights[1].dep_ == "conj":
            nxt = rights[1]
        else:
            nxt = None
        if nxt is None or nxt.i + 1 - start > budget:
            break
        if any(x.is_punct and x.text not in "-'’" for x in t.doc[end : nxt.i + 1]):
            break
        end, node = nxt.i + 1, nxt
    return start, end


class FramingReader:
    """Fills ``doc._.ng_framing`` with the descriptors attached to each actor's mentions."""

    def __init__(self, max_tokens: int = MAX_TOKENS, max_adjective_tokens: int = MAX_ADJ_TOKENS):
        self.max_tokens = max_tokens  # longest descriptor (apposition, predicate)
        self.max_adjective_tokens = max_adjective_tokens  # longest adjective phrase kept whole

    def __call__(self, doc: Doc) -> Doc:
        spans = doc._.ng_entity_spans or []
        entities = {e.id: e for e in (doc._.ng_entities or [])}
        lex = load_tone_lexicon()
        text = doc_text(doc)  # built from the tokens on every access: once here
        owner: dict[int, str] = {}  # token index -> entity id, for every entity mention
        mentions: list[tuple[int, int, str]] = []  # token ranges of actor mentions
        own_chars: dict[str, list[tuple[int, int]]] = {}
        for s, e, eid in spans:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or not len(span):
                continue
            for t in span:
                owner.setdefault(t.i, eid)
            own_chars.setdefault(eid, []).append((s, e))
            ent = entities.get(eid)
            if ent is not None and ent.type in ACTOR_TYPES and any(c.isalpha() for c in span.text):
                mentions.append((span.start, span.end, eid))
        out: list[Descriptor] = []
        seen: set[tuple[str, int, int]] = set()

        def emit(eid: str, start: int, end: int, construction: str, flip: bool = False) -> None:
            while start < end and (doc[start].is_punct or doc[start].is_space):
                start += 1
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if start >= end or end - start > self.max_tokens:
                return
            toks = doc[start:end]
            if any(owner.get(t.i) == eid for t in toks):
                return  # never overlaps the actor's own mention
            if not any(t.is_alpha and t.ent_type_ not in _NUMERIC_ENTS for t in toks):
                return  # dates, numbers and punctuation are no description
            if all(t.ent_type_ and t.i in owner for t in toks if t.is_alpha):
                return  # another entity's name, not a description
            cs, ce = toks.start_char, toks.end_char
            if any(s < ce and cs < e for s, e in own_chars.get(eid, ())):
                return
            key = (eid, cs, ce)
            if key in seen:
                return
            seen.add(key)
            out.append(Descriptor(eid, cs, ce, text[cs:ce], construction, descriptor_tone(toks, flip, lex)))

        for ms, me, eid in mentions:
            root = doc[ms:me].root
            heads = [root]  # tokens that stand for the actor in the parse
            h = root.head
            if (
                h.i != root.i and not ms <= h.i < me and h.i not in owner
                and root.dep_ in ("compound", "poss", "amod", "nmod") and _actor_noun(h, lex)
            ):  # fmt: skip
                heads.append(h)
                emit(eid, h.i, h.i + 1, "compound")
            for head in heads:
                self._modifiers(doc, head, eid, ms, me, emit)
                self._predicates(doc, head, eid, emit, lex)
        out.sort(key=lambda d: (d.start, d.end, d.entity))
        doc._.ng_framing = out
        return doc

    def _modifiers(self, doc: Doc, head: Token, eid: str, ms: int, me: int, emit) -> None:
        """Adjectives, lower-case role nouns and appositions attached to ``head``."""
        adj: list[tuple[int, int]] = []
        for c in head.children:
            if c.dep_ == "amod" and c.i < head.i and c.pos_ in ("ADJ", "VERB", "NOUN") and not c.ent_type_:
                if c.lower_ in _PLAIN_ADJ or (ms <= c.i < me):
                    continue
                s, e = c.left_edge.i, c.right_edge.i + 1
                if any(x.ent_type_ in ("DATE", "TIME") for x in doc[s:e]):
                    continue  # "decades-long", "two-year": when, not how
                if e - s > self.max_adjective_tokens or ms < e <= me or s <= ms < e:
                    s, e = c.i, c.i + 1
                adj.append((s, e))
            elif c.dep_ == "compound" and c.i < ms and c.pos_ == "NOUN" and (c.is_lower or c.is_sent_start):
                emit(eid, c.i, c.i + 1, "compound")  # "columnist Dana Roe"
            elif c.dep_ == "appos" and c.i > head.i and c.pos_ in ("NOUN", "ADJ") and not c.ent_type_:
                s, e = _compact(c, self.max_tokens)
                emit(eid, s, e, "apposition")
        adj.sort()
        merged: list[list[int]] = []
        for s, e in adj:  # "semi" "-" "delusional" are three amods that touch: one descriptor
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        for s, e in merged:
            emit(eid, s, e, "adjective")

    def _predicates(self, doc: Doc, head: Token, eid: str, emit, lex: dict[str, float]) -> None:
        """What the actor is said to be: copulas, role verbs and labelling verbs."""
        clauses: list[tuple[Token, str]] = []  # (verb, how the actor relates to it)
        if head.dep_ in ("nsubj", "nsubjpass", "dobj"):
            clauses.append((head.head, head.dep_))
        for c in head.rights:  # "X, who is Y": the relative pronoun is the subject
            rel = next((k for k in c.children if k.dep_ in ("nsubj", "nsubjpass")), None) if c.dep_ == "relcl" else None
            if rel is not None and rel.lower_ in ("who", "which", "that"):
                clauses.append((c, rel.dep_))
        for verb, role in clauses:
            lemma = verb.lemma_.lower()
            copula = lemma in _COPULAS and role == "nsubj"
            # "X was branded (as) Y", "they described X as Y"; never "X described Z as Y"
            labelled = lemma in _LABEL_VERBS and role in ("nsubjpass", "dobj")
            serves = lemma in _ROLE_VERBS and role == "nsubj"
            for k in verb.rights:
                target = None
                if copula and k.dep_ in ("attr", "acomp"):
                    if k.pos_ in ("NOUN", "ADJ") or (k.pos_ == "VERB" and k.tag_ == "VBN"):
                        target = k
                elif labelled and k.dep_ in ("oprd", "attr", "xcomp", "dobj") and k.i != head.i:
                    target = k if k.pos_ in ("NOUN", "ADJ") else None
                elif (serves or labelled) and k.dep_ == "prep" and k.lower_ == "as":
                    pobj = next((x for x in k.children if x.dep_ == "pobj"), None)
                    target = pobj if pobj is not None and pobj.pos_ in ("NOUN", "ADJ") else None
                if target is None or target.ent_type_ or target.i == head.i:
                    continue
                if any(x.dep_ in ("xcomp", "ccomp") for x in target.rights) and target.lower_ not in lex:
                    continue  # "about to retire", "likely to win": no description
                s, e = _compact(target, self.max_tokens)
                negs = [x.i for x in verb.children if x.dep_ == "neg" or x.lower_ == "never"]
                if negs and max(negs) == s - 1:
                    s = max(negs)  # "not legitimate", "never reckless": the negation is in the span
                flip = any(n < s or n >= e for n in negs)
                emit(eid, s, e, "predicate", flip)


@Language.factory(
    "newsgraph_framing_v1",
    requires=["doc._.ng_entities", "doc._.ng_entity_spans", "token.dep", "token.tag", "token.lemma"],
    assigns=["doc._.ng_framing"],
    default_config={"max_tokens": MAX_TOKENS, "max_adjective_tokens": MAX_ADJ_TOKENS},
)
def make_framing(nlp: Language, name: str, max_tokens: int, max_adjective_tokens: int) -> FramingReader:
    register_extensions()
    return FramingReader(max_tokens, max_adjective_tokens)
