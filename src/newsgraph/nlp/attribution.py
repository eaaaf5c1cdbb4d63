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

from ..model import Span
from .extensions import entity_at

__all__ = ["SPEECH_LEMMAS", "BELIEF_LEMMAS", "Attributor", "trim_span", "description_words", "guess_gender"]

# Verbs of saying: they may introduce a direct quote or a block quote.
SPEECH_LEMMAS = frozenset(
    """say tell state write add insist claim warn argue note acknowledge admit deny announce declare
    urge stress suggest accuse assert explain report reply respond remark observe comment confirm
    predict promise vow pledge maintain contend emphasize emphasise reiterate recall complain boast
    concede allege testify tweet post ask answer caution conclude indicate reveal disclose describe
    quote demand propose recommend threaten assure agree joke lament charge counter retort proclaim
    affirm hint signal mention estimate speculate question scoff quip exclaim shout cry whisper
    admonish plead concur inform notify brag speak disagree object protest sing chant continue""".split()
)
# Verbs of thinking or finding: they report an attributed claim only with a content clause.
BELIEF_LEMMAS = frozenset("believe think feel find show expect fear suspect hope know doubt".split())
# Parts of speech a cue verb can carry ("according" is tagged VERB; "said" sometimes AUX).
_VERBISH = {"VERB", "AUX"}
# Dependency labels of a cue's child that holds what was said.
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "attr", "oprd"}

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its", "we"}
_SPEAKER_TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_GROUP_TYPES = {"ORG", "GPE", "NORP", "PERSON"}
_MAX_BACK_SENTS = 12  # how far back a pronoun looks for its antecedent
_GENERIC_ORG_NOUNS = {"company", "firm", "group", "organization", "organisation", "agency", "campaign", "corporation"}
_ABBREVIATIONS = {
    "sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "pres": "president",
    "lt": "lieutenant", "col": "colonel", "adm": "admiral", "dr": "doctor", "prof": "professor",
    "sec": "secretary", "amb": "ambassador", "capt": "captain", "cmdr": "commander",
}


# A bonus for pronoun resolution ("she said" should not pick Donald): common first names and
# gendered title words.  Unknown names stay candidates for either pronoun.
_FEMALE = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
    sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
    katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
    joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
    jacqueline frances gloria ann teresa kathryn sara janice jean alice julia judy grace denise amber
    marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis
    hillary melania ivanka kellyanne michele condoleezza madeleine nikki sheryl oprah elena sonia loretta
    huma debbie tulsi kamala jill chelsea tiffany ursula giorgia jacinda sanna mette annalena liz yulia
    olena irina svetlana natalia tatiana olga valentina ekaterina anastasia marine ines hanna anne""".split()
)
_MALE = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel matthew
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
    zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl sean
    arthur lawrence jesse bryan joe billy bruce albert willie gabriel alan juan wayne roy ralph randy
    eugene vincent russell louis philip bobby johnny bradley barack bill mike mitt bernie ted marco chris
    newt rudy jeb rand mitch harry tim reince sergei vladimir dmitry sergey alexei volodymyr petro viktor
    emmanuel olaf boris rishi recep narendra antony lloyd jake hunter tobias rolf tomas""".split()
)
_FEMALE_WORDS = frozenset(
    """mrs ms miss madam lady queen princess dame sister mother wife daughter woman widow actress
    chairwoman spokeswoman congresswoman businesswoman grandmother girlfriend""".split()
)
_MALE_WORDS = frozenset(
    """mr king prince sir lord father husband son man chairman spokesman congressman businessman
    grandfather boyfriend brother""".split()
)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


def guess_gender(name: str, titles: list[str]) -> str | None:
    """ "f", "m" or None, from the first known first name, else from gendered title words."""
    for word in name.lower().split():
        if word in _FEMALE:
            return "f"
        if word in _MALE:
            return "m"
    words = description_words(titles)
    if words & _FEMALE_WORDS:
        return "f"
    if words & _MALE_WORDS:
        return "m"
    return None


def description_words(names: list[str]) -> set[str]:
    """Lowercased words of names and titles, abbreviations spelled out ("Sen." -> "senator")."""
    words = set()
    for name in names:
        for w in name.lower().replace(";", " ").split():
            w = w.strip(".,()'’")
            words.add(_ABBREVIATIONS.get(w, w))
    return words


def is_cue(token: Token, with_beliefs: bool = False) -> bool:
    """A reporting verb ("said", "warned", "according", "called for", "put it")."""
    if token.pos_ not in _VERBISH and token.lower_ != "according":
        return False
    lemma = token.lemma_.lower()
    if lemma in SPEECH_LEMMAS or (with_beliefs and lemma in BELIEF_LEMMAS):
        return True
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
            and ((lemma == "call" and child.lower_ in ("for", "on")) or (token.lower_ == "according" and child.lower_ == "to"))
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


class Attributor:
    """Per-document state: sentences, excluded (quoted) ranges, and the entity index."""

    def __init__(self, doc: Doc, entity_spans, entity_types: dict[str, str], para_starts: list[int] = ()):
        self.doc = doc
        # Token offsets as one array: building a Token object per token costs more than our work.
        self._tok_starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.sents = _split_at(doc, list(doc.sents), para_starts, self._tok_starts)
        self._sent_starts = [s.start for s in self.sents]
        # entity_at reads doc._.ng_entity_spans; a shim lets it use fallback spans too.
        self._spans_holder = SimpleNamespace(_=SimpleNamespace(ng_entity_spans=entity_spans))
        self.entity_spans = entity_spans
        self.entity_types = entity_types
        self.entity_words: dict[str, set[str]] = {}  # name and title words, for "the senator"
        self.entity_gender: dict[str, str | None] = {}
        self.quoted: list[tuple[int, int]] = []  # char ranges whose words are someone's quote
        self._pronoun_cache: dict[int, str | None] = {}
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
        self._pronoun_cache.clear()
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
        for _ in range(4):
            # The parser sometimes hangs a quote's own subject on "said" too; the speaker is outside.
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "csubj") and not self.in_quoted(c.idx)]
            if subjects:
                return subjects[-1]
            if tok.dep_ == "acl" and tok.head.pos_ in ("PROPN", "NOUN"):
                return tok.head  # "footage of Hillary Clinton asking, “...”"
            if tok.lower_ == "according" or tok.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep"):
                return None
            if tok.dep_ == "ccomp" and tok is not cue:
                return None
            tok = tok.head
        return None

    def speaker_of(self, cue: Token) -> str | None:
        """Entity id of whoever the cue reports: its subject, or X in "according to X"."""
        if cue.lower_ == "according":
            for to in cue.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return self.speaker_from_token(obj)
            return None
        if cue.lemma_ == "quote":
            # "X quoted from an interview with Y: ..." -- the words are Y's.
            for tok in cue.subtree:
                if tok.dep_ in ("pobj", "dobj") and tok.i > cue.i and not self.in_quoted(tok.idx):
                    ent = self.entity(tok.idx, tok.idx + len(tok))
                    if ent and self.entity_types.get(ent) == "PERSON":
                        return ent
        subj = self.subject_of(cue)
        if subj is not None:
            return self.speaker_from_token(subj)
        return self._adjacent_name(cue)

    def _adjacent_name(self, cue: Token) -> str | None:
        """A name right beside a cue the parser left without subject ("X all but acknowledged")."""
        sent = self.sents[self.sent_index(cue.i)]
        left = [t for t in self.doc[max(sent.start, cue.i - 4) : cue.i]]
        right = [t for t in self.doc[cue.i + 1 : min(sent.end, cue.i + 4)]]
        for side in (reversed(left), right):
            for tok in side:
                if tok.is_punct or tok.pos_ in ("ADP", "VERB", "AUX"):
                    break  # a name across a comma or a preposition belongs to another phrase
                ent = self.entity(tok.idx, tok.idx + len(tok))
                if ent is not None and self.entity_types.get(ent) in _SPEAKER_TYPES:
                    return ent
        return None

    def speaker_from_token(self, tok: Token) -> str | None:
        """Entity id of a subject noun phrase; pronouns are resolved backwards."""
        if tok.lower_ in PERSON_PRONOUNS or tok.lower_ in GROUP_PRONOUNS:
            return self.resolve_pronoun(tok)
        # The name up to its head ("Mayor Anna Kovac"), not possessors, relative clauses or appositions.
        first = tok
        while first.i > 0 and self.doc[first.i - 1].dep_ in ("compound", "flat") and self.doc[first.i - 1].head.i >= tok.i:
            first = self.doc[first.i - 1]
        ent = self.entity(tok.idx, tok.idx + len(tok)) or self.entity(first.idx, tok.idx + len(tok))
        if ent is None and tok.pos_ == "NOUN":
            for appos in tok.children:  # "the mayor of Lowmarsh, Anna Kovac, said"
                if appos.dep_ == "appos" and appos.pos_ == "PROPN":
                    ent = self.entity(appos.idx, appos.idx + len(appos))
                    if ent is not None:
                        return ent
            return self.resolve_description(tok)
        if ent is not None and self.entity_types.get(ent, "PERSON") not in _SPEAKER_TYPES:
            return None
        return ent

    def resolve_description(self, noun: Token) -> str | None:
        """ "the senator", "the ministry", "the company": the latest entity that fits the noun.

        A title ("Sen.", "Foreign Minister") or a name word ("Commission on ...") must match;
        a few generic organisation nouns take the latest organisation.
        """
        if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") for c in noun.children):
            return None  # "a spokesman", "officials": nobody in particular
        word = noun.lemma_.lower()
        lo = bisect.bisect_left(self.entity_spans, (noun.idx, -1, ""))
        seen = set()
        for s, _e, ent in reversed(self.entity_spans[max(0, lo - 60) : lo]):
            if ent in seen or self.in_quoted(s):
                continue
            seen.add(ent)
            if word in self.entity_words.get(ent, ()):
                return ent
            if word in _GENERIC_ORG_NOUNS and self.entity_types.get(ent) == "ORG":
                return ent
        return None

    def resolve_pronoun(self, pron: Token) -> str | None:
        """The most recent fitting entity outside quotes, as a reader would pick it.

        Walks back sentence by sentence.  In the nearest sentence with a candidate, a
        subject mention beats a later non-subject one (the subject is what the text is
        about).  A sentence whose subject is itself a same-kind pronoun only continues the
        chain, so its other mentions ("he stressed ... by Washington") do not capture it.
        """
        if pron.i in self._pronoun_cache:
            return self._pronoun_cache[pron.i]
        wanted = {"PERSON"} if pron.lower_ in PERSON_PRONOUNS else _GROUP_TYPES
        same_kind = PERSON_PRONOUNS if pron.lower_ in PERSON_PRONOUNS else GROUP_PRONOUNS
        gender = _PRONOUN_GENDER.get(pron.lower_)
        result = None
        s_i = self.sent_index(pron.i)
        for back in range(s_i, max(-1, s_i - _MAX_BACK_SENTS), -1):
            sent = self.sents[back]
            limit = pron.idx if back == s_i else sent.end_char
            cands = []  # (is_subject, start, entity id)
            lo = bisect.bisect_left(self.entity_spans, (sent.start_char, -1, ""))
            for s, e, ent in self.entity_spans[lo:]:
                if s >= limit:
                    break
                if self.entity_types.get(ent) not in wanted or self.in_quoted(s):
                    continue
                if gender and self.entity_gender.get(ent) not in (None, gender):
                    continue  # "she" is not Donald
                head = self.doc[self.token_at(s)]
                while head.dep_ in ("compound", "flat") and head.head.i != head.i:
                    head = head.head
                cands.append((head.dep_ in ("nsubj", "nsubjpass"), _depth(head), s, ent))
            subjects = [c for c in cands if c[0]]
            if subjects:
                # The main clause's subject, not one inside "that ..." ("Clinton says that Trump ...").
                result = min(subjects, key=lambda c: (c[1], -c[2]))[3]
                break
            chain = any(
                t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in same_kind and not self.in_quoted(t.idx)
                for t in sent
                if t.idx < limit
            )
            if cands and not chain:
                result = cands[-1][3]
                break
        self._pronoun_cache[pron.i] = result
        return result

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
                if tok.dep_ in CONTENT_DEPS or (tok.dep_ == "prep" and tok.lower_ in ("for", "on")):
                    return head, tok
            tok = head
        return None



def _split_at(doc: Doc, sents: list, char_starts, tok_starts: list[int]) -> list:
    """Sentences cut at paragraph starts: the parser runs "He wrote:" on into the next paragraph."""
    cuts = sorted({bisect.bisect_left(tok_starts, c) for c in char_starts} - {0, len(doc)})
    out = []
    k = 0
    for sent in sents:
        start = sent.start
        while k < len(cuts) and cuts[k] <= start:
            k += 1
        while k < len(cuts) and cuts[k] < sent.end:
            out.append(doc[start : cuts[k]])
            start = cuts[k]
            k += 1
        out.append(doc[start : sent.end])
    return out


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth
