"""The PLOVER event dictionary: lemma patterns -> (PLOVER type, mode).

The data lives in ``resources/plover_dictionary.tsv`` (format: the file's header and
``docs/events.md``).  Matching is a dict lookup by lemma, then a few cheap checks on
the trigger's dependency children, in file order: the first row whose conditions
hold wins, and a row with type ``-`` says "not an event" for that use of the word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..knowledge.lexicon import SUBJECT_PRONOUNS

__all__ = [
    "PLOVER_TYPES",
    "Entry",
    "Match",
    "EventDictionary",
    "get_dictionary",
    "object_tokens",
    "family",
    "complement_tokens",
]

PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
_CONDITION_KEYS = frozenset({"prep", "obj", "mod", "by", "comp", "selfcomp", "mark"})
_ADJECTIVES = frozenset({"offensive", "protest"})  # real adjectives; other ADJ-tagged entry words are mis-tagged nouns
_SELF_PRONOUNS = SUBJECT_PRONOUNS - {"you"}
_PERSONAL = frozenset({"he", "she", "i"})  # pronouns that stand for a person only
_PREP_DEPS = frozenset({"prep", "prt", "agent", "dative"})
_MOD_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss", "advmod"})
_COMP_DEPS = frozenset({"xcomp", "ccomp", "acomp", "oprd", "advcl"})
_OBJ_DEPS = frozenset({"dobj", "nsubjpass", "attr", "dative"})


def _agrees(verb: Token, pronoun: Token) -> bool:
    """The complement's pronoun can be the verb's own subject: a person is no "it" ("X warned that it is
    going to get worse" forecasts; it does not threaten), a state or an organisation no "he" or "she"."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return True
    person = subj.ent_type_ == "PERSON" or subj.lower_ in _PERSONAL
    thing = subj.ent_type_ in ("ORG", "GPE", "NORP") or subj.lower_ == "it"
    return not (person and pronoun.lower_ == "it" or thing and pronoun.lower_ in _PERSONAL)


@dataclass(frozen=True)
class Entry:
    lemma: str
    pos: str  # "V", "N" or "*"
    conditions: tuple[tuple[str, frozenset[str]], ...]
    type: str | None  # None: "not an event"
    mode: str | None
    line: int


@dataclass
class Match:
    entry: Entry
    object: Token | None  # the object token that satisfied an ``obj`` condition, if any

    @property
    def type(self) -> str | None:
        return self.entry.type

    @property
    def mode(self) -> str | None:
        return self.entry.mode


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def object_tokens(tok: Token) -> list[Token]:
    """The trigger's objects: verbs' dobj/passive subject (and an xcomp's dobj); nouns' of/on/for objects."""
    out: list[Token] = []
    if tok.pos_ in ("VERB", "AUX"):
        for c in tok.children:
            if c.dep_ in _OBJ_DEPS:
                out.append(c)
                if c.lemma_ in ("state", "number", "series", "lot", "kind"):  # "a state of emergency"
                    out.extend(
                        g
                        for p in c.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                        if g.dep_ == "pobj"
                    )
            elif c.dep_ in ("xcomp", "ccomp", "oprd"):
                out.extend(g for g in c.children if g.dep_ in ("dobj", "nsubj", "nsubjpass"))
            elif c.dep_ == "prep" and c.lower_ in ("for", "on", "against", "to", "of"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "down" and c.i == tok.i + 1:
                # the particle read as a preposition: "voted down a motion" is "voted a motion down"
                out.extend(g for g in c.children if g.dep_ == "pobj")
    else:
        holders = [tok, tok.head] if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") else [tok]
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ in ("of", "on", "for", "against", "to"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "compound" and c.pos_ == "NOUN":
                out.append(c)
    # coordinated objects count too ("weapons and ammunition"); an "issuing of visas" reaches "visas"
    more = [cc for o in out for cc in o.conjuncts]
    more += [
        g
        for o in out
        if o.lemma_ in ("issuing", "issuance", "issue", "supply", "delivery")
        for p in o.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return out + more


class EventDictionary:
    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.by_lemma: dict[str, list[Entry]] = {}
        for e in entries:
            self.by_lemma.setdefault(e.lemma, []).append(e)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, lemma: str) -> bool:
        return lemma in self.by_lemma

    def match(self, tok: Token) -> Match | None:
        """The first entry that fits ``tok`` (None when no entry fits, or the fitting one says "not an event")."""
        rows = self.by_lemma.get(_lemma(tok))
        if rows is None:
            return None
        pos = "V" if tok.pos_ in ("VERB", "AUX") else "N" if tok.pos_ in ("NOUN", "PROPN", "ADJ") else ""
        if not pos or tok.pos_ == "ADJ" and tok.lemma_.lower() in _ADJECTIVES:
            return None
        objects: list[Token] | None = None
        for entry in rows:
            if entry.pos != "*" and entry.pos != pos:
                continue
            ok, obj = True, None
            for key, values in entry.conditions:
                if key == "obj":
                    if objects is None:
                        objects = object_tokens(tok)
                    hit = next((o for o in objects if "*" in values or _lemma(o) in values or o.lower_ in values), None)
                    if hit is None:
                        ok = False
                        break
                    obj = hit
                elif key == "prep":
                    holders = (tok, tok.head) if pos == "N" and tok.dep_ == "conj" else (tok,)
                    if not any(
                        c.dep_ in _PREP_DEPS and ("*" in values or c.lower_ in values)
                        for h in holders
                        for c in h.children
                    ):
                        ok = False
                        break
                elif key == "mod":
                    holders = (tok, obj) if obj is not None else (tok,)
                    if not any(c.dep_ in _MOD_DEPS and _lemma(c) in values for h in holders for c in h.children):
                        ok = False
                        break
                elif key == "by":  # "a strike by dock workers": who the matched object's act is by
                    if obj is None or not any(
                        c.dep_ == "prep" and c.lower_ == "by" and any(_lemma(g) in values for g in c.children)
                        for c in obj.children
                    ):
                        ok = False
                        break
                elif key == "selfcomp":
                    if not any(
                        c.dep_ == "ccomp"
                        and any(
                            g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in _SELF_PRONOUNS and _agrees(tok, g)
                            for g in c.children
                        )
                        for c in tok.children
                    ):
                        ok = False
                        break
                elif key == "comp":
                    if not any(c.dep_ in _COMP_DEPS and ("*" in values or _lemma(c) in values) for c in tok.children):
                        ok = False
                        break
                elif key == "mark":  # "asked if/whether ...": the complement's subordinating word
                    if not any(
                        c.dep_ in _COMP_DEPS and any(g.dep_ == "mark" and g.lower_ in values for g in c.children)
                        for c in tok.children
                    ):
                        ok = False
                        break
            if ok:
                return Match(entry, obj) if entry.type else None
        return None


def parse_dictionary(text: str) -> EventDictionary:
    entries: list[Entry] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cols = raw.rstrip("\n").split("\t")
        if len(cols) < 5:
            raise ValueError(f"plover dictionary line {n}: expected 5 tab-separated columns, got {len(cols)}")
        lemma, pos, when, type_, mode = (c.strip() for c in cols[:5])
        if pos not in ("V", "N", "*"):
            raise ValueError(f"plover dictionary line {n}: pos must be V, N or *, not {pos!r}")
        if type_ != "-" and type_ not in PLOVER_TYPES:
            raise ValueError(f"plover dictionary line {n}: unknown PLOVER type {type_!r}")
        conditions = []
        if when != "-":
            for cond in when.split(";"):
                key, _, vals = cond.partition(":")
                vals = vals or ("*" if key == "selfcomp" else "")
                if key not in _CONDITION_KEYS or not vals:
                    raise ValueError(f"plover dictionary line {n}: bad condition {cond!r}")
                conditions.append((key, frozenset(v.strip().lower() for v in vals.split("|"))))
        # "obj" first: "mod" conditions look at the matched object
        conditions.sort(key=lambda kv: kv[0] != "obj")
        entries.append(
            Entry(
                lemma.lower(), pos, tuple(conditions), None if type_ == "-" else type_, None if mode == "-" else mode, n
            )
        )
    return EventDictionary(entries)


@lru_cache(maxsize=1)
def get_dictionary() -> EventDictionary:
    """The packaged dictionary, read once on first use."""
    text = resources.files("newsgraph.resources").joinpath("plover_dictionary.tsv").read_text("utf-8")
    return parse_dictionary(text)


# Trigger words that name the same kind of happening: two mentions merge only within a family
# ("the Russians invaded" / "the invasion"), so a strike is not folded into an offensive.
_FAMILIES = {
    "invasion": "invade invasion operation war incursion",
    "offensive": "offensive counteroffensive counter-offensive counterattack retake recapture liberate push",
    "strike": "strike hit airstrike air-strike shell shelling bomb bombing bombard bombardment fire target",
    "kill": "kill killing injure wound murder assassinate assassination execute massacre slaughter shoot",
    "visit": "visit trip travel arrive",
    "talk": "talk meet meeting discuss discussion negotiate negotiation consult consultation summit confer",
    "train": "train training teach",
    "arm": "arm arming supply deliver send provide give aid assistance",
    "arrest": "arrest detain detention jail imprison",
    "protest": "protest demonstrate demonstration rally march",
    "sanction": "sanction sanctions embargo",
}
_FAMILY_OF = {w: f for f, words in _FAMILIES.items() for w in words.split()}


def family(tok: Token, obj: Token | None) -> str:
    """The family of a trigger; a light verb ("mount a counteroffensive") takes its object's."""
    lemma = tok.lemma_.lower()
    if obj is not None and obj.lemma_.lower() in _FAMILY_OF and lemma not in _FAMILY_OF:
        lemma = obj.lemma_.lower()
    return _FAMILY_OF.get(lemma, lemma)


def complement_tokens(tok: Token) -> list[int]:
    """Verbs that are the content of a governing event: "urged X to withdraw", "accused X of attacking"."""
    out = []
    for ch in tok.children:
        if ch.dep_ in ("xcomp", "ccomp"):
            out.append(ch.i)
            out.extend(g.i for g in ch.conjuncts)
        elif ch.dep_ == "prep" and ch.lower_ in ("of", "for", "to", "on"):
            out.extend(g.i for g in ch.children if g.dep_ in ("pcomp", "pobj"))
        elif ch.dep_ == "dobj":
            out.extend(g.i for g in ch.children if g.dep_ in ("xcomp", "acl"))
            # "accused troops of deliberately shelling": an adverb makes the parser hang "of" on the object
            out.extend(
                p.i
                for g in ch.children
                if g.dep_ == "prep" and g.lower_ in ("of", "for")
                for p in g.children
                if p.dep_ == "pcomp" and p.pos_ == "VERB"
            )
    return out
