"""Where an event candidate's recipient and place are: the trigger's objects and prepositions, then one
clause or a few prepositions deeper (``deep_target``), and the actor's own ground.

``events._Coder`` holds a :class:`TargetSearch`, which holds the document's
:class:`~newsgraph.nlp.events.actors.ActorIndex`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .actors import ActorIndex, is_group
from .candidate import Candidate
from .dictionary import Match

VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
_TARGET_PREPS = ("against", "on", "upon", "with", "to", "toward", "towards", "at", "into", "from", "of", "over")
_OBJECT_PREPS = frozenset({"from", "to", "against", "on", "for", "with", "between"})  # on an object noun
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout", "within"})
_MOVE_PREPS = frozenset({"to", "into"})  # the destination of a visit or deployment is its place
# types whose clausal complement is their content, not a second event ("urged X to withdraw")
GOVERNING_TYPES = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "CONCEDE"})
# where a recipient may hide when the trigger's own objects name nobody: "a suspension of air links with
# Serbia", "calls by Belarus's rulers", "a camp for Congolese refugees was attacked"
_DEEP_PREPS = frozenset(
    {
        "with",
        "against",
        "to",
        "for",
        "of",
        "on",
        "from",
        "by",
        "toward",
        "towards",
        "into",
        "over",
        "upon",
        "at",
        "between",
    }
)
_DEEP_DEPTH = 3
# a place that is the actor's own ground is where these happen, not who receives them
# ("Putin visited Kaliningrad", "troops withdrew to Lviv").  Not ASSAULT: a state that attacks a
# place inside its own borders attacks whoever holds it ("the army's counteroffensive on Kherson").
_OWN_GROUND = frozenset({"CONSULT", "MOBILIZE", "RETREAT"})
_CONDITION_MARKS = frozenset({"if", "unless"})
# verbs whose subject, an attack noun, hits their object ("airstrikes targeted the camp")
_HITTING = frozenset("target hit strike destroy damage kill wound injure level flatten pound raze demolish".split())
_IN_NOUNS = frozenset({"protest", "response", "defiance", "retaliation", "solidarity"})
# verbs of a relative clause whose subject authored its noun: "a motion that X had tabled", "a plan the
# government drafted"; not "a plan that X welcomed", whose subject only judges it
_AUTHORING_VERBS = frozenset("table propose sponsor introduce submit draft bring move file".split())


class TargetSearch:
    """The candidate search for recipients and places, over one document's actors."""

    def __init__(self, actors: ActorIndex):
        self.actors = actors

    def targets(self, c: Candidate, match: Match) -> None:
        a, tok = self.actors, c.tok
        heads: list[Token] = []
        places: list[Token] = []
        if tok.pos_ in VERB_POS:
            if tok.dep_ == "acl" and tok.tag_ == "VBN":
                heads.append(tok.head)  # "officials killed by ...", "the war waged by NATO"
            for ch in tok.children:
                if ch.dep_ in ("dobj", "nsubjpass", "dative") and ch is not match.object:
                    heads.append(ch)
            # a particle's preposition too: "kidnapped up to 16 advisers"
            scopes = [tok] + [ch for ch in tok.children if ch.dep_ in ("xcomp", "dobj", "prt")]
        else:
            scopes = [tok, tok.head] if tok.dep_ == "conj" and tok.head.pos_ in NOUN_POS else [tok]
            # "the blockade imposed on Gaza", "sanctions aimed at Iran": the participle's recipient
            scopes += [ch for ch in tok.children if ch.dep_ == "acl" and ch.tag_ == "VBN"]
        if match.object is not None and match.object not in scopes:
            scopes.append(match.object)
        if match.object is not None and match.object.dep_ == "pobj" and match.object.head.lower_ == "down":
            heads.append(match.object)  # "voted down a motion (tabled by X)": the particle's object, as a dobj
        for scope in scopes:
            for ch in scope.children:
                if ch.dep_ == "dobj" and scope != tok and ch != match.object:
                    heads.append(ch)
                if ch.dep_ not in ("prep", "dative", "agent") or ch.dep_ == "agent":
                    continue
                p = ch.lower_
                pobj = next((g for g in ch.children if g.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if p in _PLACE_PREPS or (p in _MOVE_PREPS and c.type in ("CONSULT", "MOBILIZE")):
                    places.append(pobj)
                if scope != tok and scope.pos_ in NOUN_POS and p not in _OBJECT_PREPS:
                    continue  # "promotion of Russian nationalism" names no recipient
                if (p in _TARGET_PREPS or p == "for" and c.type in ("AID", "SUPPORT")) and p not in _PLACE_PREPS:
                    heads.append(pobj)
        if tok.pos_ in VERB_POS and c.type in GOVERNING_TYPES | {"AGREE"}:
            # "promised to continue military aid to X": the complement's recipient
            for x in (ch for ch in tok.children if ch.dep_ == "xcomp"):
                for y in [x, *(g for g in x.children if g.dep_ in ("xcomp", "dobj"))]:
                    for g in y.children:
                        if g.dep_ in ("dobj", "dative") and g.pos_ in NOUN_POS:
                            heads.append(g)
                        if g.dep_ in ("prep", "dative") and g.lower_ in (
                            "to",
                            "for",
                            "against",
                            "on",
                            "with",
                            "between",
                        ):
                            heads.extend(q for q in g.children if q.dep_ == "pobj")
        # an actor first ("ban deliveries from Russia to Kaliningrad": Russia), then a place that stands for its people
        if not any(self.target_at(c, h, places=False) for h in heads) and not any(self.target_at(c, h) for h in heads):
            self.deep_target(c, heads)
        if c.target_head is None:  # no entity, but the phrase may still name a sector ("protesters")
            c.target_head = next((h for h in heads if h.dep_ in ("dobj", "nsubjpass") or h.dep_ == "pobj"), None)
        if c.location is None:
            for p in places:
                ids = [i for i in a.phrase_entities(p) if a.is_place(i)] or [
                    i for i in a.places_in(p.left_edge.idx, p.right_edge.idx + len(p.right_edge.text))
                ]
                if ids:
                    c.location = ids[0]
                    break

    def struck_phrase(self, tok: Token) -> Token | None:
        """What an attack noun hits when it is the agent of a passive or the subject of a verb of
        hitting: "the hospital was damaged by airstrikes", "airstrikes targeted the camp"."""
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ in VERB_POS:
            return next((g for g in head.head.children if g.dep_ == "nsubjpass"), None)
        if tok.dep_ == "nsubj" and head.pos_ in VERB_POS and head.lemma_.lower() in _HITTING:
            return next((g for g in head.children if g.dep_ == "dobj"), None)
        return None

    def struck_object(self, verb: Token) -> Token | None:
        """What a verb of attack hits: its object ("bombed the hospital"), or its passive subject
        ("the hospital was shelled")."""
        return next((g for g in verb.children if g.dep_ in ("dobj", "nsubjpass")), None)

    def hit_by_attack(self, verb: Token, is_attack: Callable[[Token], bool]) -> bool:
        """A verb of hitting whose subject is an attack noun ("an attack struck the hospital"): the verb says
        what the attack hit, it is no second attack."""
        if verb.lemma_.lower() not in _HITTING:
            return False
        return any(g.dep_ == "nsubj" and g.pos_ in NOUN_POS and is_attack(g) for g in verb.children)

    def target_at(self, c: Candidate, h: Token, places: bool = True) -> bool:
        """Take the actors the phrase headed by ``h`` names as the recipients; False if it names none."""
        a = self.actors
        ids = a.phrase_entities(h)
        actors = [i for i in ids if not a.is_place(i) or a.kind(i) == "country" or a.type(i) == "GPE" and not a.kind(i)]
        moving = c.type in ("CONSULT", "MOBILIZE") and (h.dep_ == "dobj" or h.head.lower_ in _MOVE_PREPS)
        for i in list(actors) if moving else []:  # a visited city is the place, not the host
            if a.type(i) == "GPE" and a.kind(i) not in ("country", None):
                actors.remove(i)
        if moving:
            c.location = c.location or next((i for i in ids if i not in actors), None)
        if not actors and not moving and places:
            # a city or region that receives it ("shelled Juba", "blockade Paris") stands for its
            # people, unless it is the actor's own ground for a move or an operation
            own = self.own_ground(c)
            places = [i for i in ids if a.is_place(i) and a.country(i) and a.type(i) in ("GPE", "LOC")]
            actors = [i for i in places if a.country(i) not in own]
            if places:  # the place is where it happens, whether or not it also receives it
                c.location = c.location or places[0]
        if actors:
            c.target = actors
            c.target_head = h
            return True
        return False

    def deep_target(self, c: Candidate, heads: list[Token]) -> None:
        """No recipient among the trigger's own objects: look one clause or a few prepositions deeper.

        "demanded that the US cancel ..." (the complement's subject), "threatened to stop talks if the
        United States ..." (the condition's subject), "a suspension of air links with Serbia", "calls by
        Belarus's rulers", "a hunger strike to demand the resignation of President X".
        """
        tok = c.tok
        roots: list[Token] = []
        verbs = [tok] if tok.pos_ in VERB_POS else []
        if tok.pos_ in NOUN_POS and tok.dep_ == "dobj" and tok.head.pos_ in VERB_POS:
            verbs.append(tok.head)  # "began a hunger strike to protest ..."
        for v in verbs:
            for ch in v.children:
                if ch.dep_ == "ccomp" and ch.i > v.i and v == tok and c.type in GOVERNING_TYPES | {"SUPPORT"}:
                    roots.extend(g for g in ch.children if g.dep_ in ("nsubj", "nsubjpass"))
            for x in [v, *(ch for ch in v.children if ch.dep_ == "xcomp")]:
                for ch in x.children:
                    if (
                        ch.dep_ == "advcl"
                        and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in ch.children)
                        and c.type == "THREATEN"
                    ):
                        roots.extend(g for g in ch.children if g.dep_ in ("nsubj", "nsubjpass"))
        roots.extend(heads)
        for v in verbs:
            for ch in v.children:
                if ch.dep_ in ("prep", "agent") and ch.lower_ in _DEEP_PREPS:
                    roots.extend(g for g in ch.children if g.dep_ == "pobj")
                elif ch.dep_ == "prep" and ch.lower_ == "in":  # "in protest against X", "in defiance of X"
                    roots.extend(g for g in ch.children if g.dep_ == "pobj" and g.lemma_ in _IN_NOUNS)
                elif ch.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children):
                    roots.append(ch)  # a purpose clause: "to demand ..."
        # deeper down, only people: "crimes by Croatian extremists", not "promotion of Russian nationalism"
        if self._search(c, roots, _DEEP_PREPS, lambda h: is_group(h) and self.target_at(c, h)):
            return
        # nobody: a place inside the object or complement may still receive it ("refused to deploy
        # peacekeepers in Iraq", "extend the curfew in Abidjan"); the trigger's own place is c.location
        a = self.actors

        def place(h: Token) -> bool:
            if h.head.lower_ not in _PLACE_PREPS or h.head.head == tok:
                return False
            ids = [i for i in a.phrase_entities(h) if a.is_place(i) and a.country(i)]
            if ids:
                c.deep_place = ids[0]
            return bool(ids)

        self._search(c, roots, _DEEP_PREPS | _PLACE_PREPS, place)

    def _search(self, c: Candidate, roots: list[Token], preps: frozenset[str], found) -> bool:
        """Breadth-first from ``roots`` along prepositions, objects and participles; stop where ``found``."""
        seen: set[int] = {c.tok.i}
        frontier = [(r, 0) for r in roots]
        while frontier:
            h, depth = frontier.pop(0)
            if h.i in seen:
                continue
            seen.add(h.i)
            if h.pos_ not in VERB_POS and found(h):
                return True
            if depth >= _DEEP_DEPTH:
                continue
            for g in h.children:
                if g.dep_ in ("prep", "agent") and (g.lower_ in preps or g.dep_ == "agent"):
                    frontier.extend((p, depth + 1) for p in g.children if p.dep_ == "pobj")
                elif h.pos_ in VERB_POS and g.dep_ in ("dobj", "dative"):
                    frontier.append((g, depth + 1))
                elif h.pos_ in NOUN_POS and g.dep_ == "acl" and g.tag_ in ("VBN", "VBG"):
                    frontier.append((g, depth + 1))  # "crimes committed by X", "lines leading into Kabul"
                elif h.pos_ in NOUN_POS and g.dep_ == "relcl" and g.lemma_.lower() in _AUTHORING_VERBS:
                    # "a motion that X had tabled": its author, never the relative pronoun
                    frontier.extend(
                        (s, depth + 1) for s in g.children if s.dep_ == "nsubj" and s.tag_ not in ("WP", "WDT")
                    )
        return False

    def own_ground(self, c: Candidate) -> set[str]:
        """Countries where a move or an operation by the state's own organs is not aimed at anyone."""
        if c.type not in _OWN_GROUND:
            return set()
        a = self.actors
        return {a.country(i) for i in c.source if a.sector(c.source_head, i) in ("government", "military")} - {None}
