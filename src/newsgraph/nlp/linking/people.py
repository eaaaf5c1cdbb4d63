"""People for ``newsgraph_linking_v1``: mention records, name matching, titles and surnames.

:class:`~newsgraph.nlp.linking.component.EntityLinker` holds a :class:`PeopleResolver`.
Everything here works on the mention records of :mod:`.mentions` and the doc's tokens:
no gazetteer access beyond what the :class:`~.places.PlaceResolver` it is given answers
(``place``, ``link``, ``country_of``).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.attrs import ENT_IOB, IS_TITLE, LOWER, POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc

from ..knowledge.lexicon import (
    BUSINESS_HEAD_WORDS,
    CLUB_HEAD_WORDS,
    FIRM_ONLY_DESCRIPTORS,
    FORMS_OF_ADDRESS,
    GIVEN_NAMES,
    KIN_WORDS,
    NEWSROOM_CREDIT_WORDS,
    ORG_HEAD_WORDS,
    PLACE_HEAD_WORDS,
    SIGNATURE_DASHES,
    TITLE_KEYS,
    TITLE_MODIFIERS,
    TITLES,
    collapse_spaces,
    normalize_name,
    title_key,
)
from .mentions import NAME_PARTICLES, POSSESSIVE, MentionCluster, MentionRecord, grouping_key, person_name_words

if TYPE_CHECKING:
    from .places import PlaceResolver

__all__ = ["PERSONISH", "PeopleResolver", "is_credit_line", "is_newsroom_credit", "person_evidence"]

# Credit lines: "Jane Roe contributed to this report", "Reporting by Jane Roe".
_CREDIT_LEMMAS = frozenset({"contribute", "report", "write", "edit"})
_SIGNATURE_DASHES = SIGNATURE_DASHES | {"-", "--"}  # a hyphen too, where a page typed one
# Words that open a picture's credit line ("Photo: Jane Roe/Agency", "Picture by Jane Roe").
_PICTURE_CREDIT_WORDS = frozenset({"photo", "photos", "photograph", "photographs", "picture", "image", "credit",
                                   "video", "graphic", "illustration"})  # fmt: skip
# Words before "by" that make what follows a credit ("Written by", "edited by", "Reporting by").
_CREDITED_WORK_WORDS = frozenset({"written", "edited", "reported", "reporting", "editing", "writing", "compiled",
                                  "photographed", "produced", "additional"})  # fmt: skip


def _signs_a_quote(doc: Doc, dash: int) -> bool:
    """Whether token ``dash`` is a dash right after a closing quotation mark, on the same line or
    opening the paragraph after the quotation's: the quotation's signature ("— Jane Roe, Outlet")."""
    if dash < 1 or doc[dash].text not in _SIGNATURE_DASHES:
        return False
    before = next((t for t in reversed(doc[:dash]) if not t.is_space), None)
    return before is not None and before.is_quote and before.text not in ("“", "‘")


_LINE_BREAKS_KEY = ("newsgraph", "line_break_tokens")


def _line_breaks(doc: Doc) -> list[int]:
    """The sorted indexes of whitespace tokens holding a line break, found once per Doc (kept in
    ``doc.user_data``): every mention asks for its paragraph, which was a walk token by token."""
    breaks = doc.user_data.get(_LINE_BREAKS_KEY)
    if breaks is None:
        spaces = doc.to_array("IS_SPACE").tolist()  # a Token object only for whitespace tokens
        breaks = doc.user_data[_LINE_BREAKS_KEY] = [
            i for i, space in enumerate(spaces) if space and "\n" in doc[i].text
        ]
    return breaks


def _paragraph_of(doc: Doc, m: MentionRecord) -> tuple[int, int]:
    """The token range of the paragraph (between line breaks) holding mention ``m``."""
    breaks = _line_breaks(doc)
    at = bisect_left(breaks, m.start)  # the paragraph runs from after the break before the mention ...
    para_start = breaks[at - 1] + 1 if at else 0
    at = bisect_left(breaks, m.end)  # ... to the first break at or after its end
    return para_start, breaks[at] if at < len(breaks) else len(doc)


def is_credit_line(doc: Doc, m: MentionRecord) -> bool:
    """Whether mention ``m`` is a byline or credit, not a person of the story: the whole paragraph
    ("JANE ROE" on its own line), after a paragraph-initial "By", in a picture's credit ("Photo: Jane
    Roe/Agency"), after "written by" or "edited by" in a sentence that opens with it, or the subject of
    "contributed to this report"; never a dash-led signature under a quotation."""
    para_start, para_end = _paragraph_of(doc, m)
    if _signs_a_quote(doc, para_start):
        return False  # "“...”\n\n— Jane Roe": she said the words above, she did not write the story
    # nothing but punctuation beside the mention in its paragraph, or "By" alone before it
    alone = all(t.is_punct for t in doc[para_start : m.start]) and all(t.is_punct for t in doc[m.end : para_end])
    if alone or (m.start - para_start == 1 and doc[para_start].lower_ == "by"):
        return True
    if doc[para_start].lower_ in _PICTURE_CREDIT_WORDS and para_start + 1 < m.start <= para_start + 3:
        return True  # "Photo: Jane Roe/Agency", "Picture by Jane Roe"
    if (m.start >= 2 and doc[m.start - 1].lower_ == "by" and doc[m.start - 2].lower_ in _CREDITED_WORK_WORDS
            and doc[m.start].sent[0].lower_ in _CREDITED_WORK_WORDS):  # fmt: skip
        return True  # "Written by Jane Roe and edited by ...", not "the bill, written by Senator Roe, ..."
    root = doc[m.start : m.end].root
    return (
        root.dep_ == "nsubj"
        and root.head.lemma_ in _CREDIT_LEMMAS
        and any(t.lower_ in ("report", "reporting", "story", "article") for t in root.head.subtree)
    )


def is_newsroom_credit(doc: Doc, m: MentionRecord) -> bool:
    """Whether non-person mention ``m`` is an outlet crediting its newsroom in a byline ("By Herald
    Staff", "Tribune Staff Reporter" on its own line)."""
    inside = any(t.lower_ in NEWSROOM_CREDIT_WORDS for t in doc[m.start : m.end])
    if not inside and (m.end == len(doc) or doc[m.end].lower_ not in NEWSROOM_CREDIT_WORDS):
        return False  # most mentions: no newsroom word in or right after the name
    para_start, para_end = _paragraph_of(doc, m)
    rest = [t for t in doc[para_start:para_end] if not (m.start <= t.i < m.end or t.is_punct or t.is_space)]
    if rest and rest[0].i == para_start and rest[0].lower_ == "by":
        rest = rest[1:]
    return all(t.lower_ in NEWSROOM_CREDIT_WORDS for t in rest)


# Words that may sit inside a title run without being titles themselves.
_TITLE_RUN_WORDS = TITLE_MODIFIERS | {"-"}
_TITLE_JOINERS = frozenset({"of", "for", "the"})
_TITLE_SUFFIXES = frozenset({"elect", "designate"})  # after a hyphen: "President-elect"
_PLACE_NOUNS = frozenset("city town village region province capital port country district enclave".split())
# The small model often tags a bare surname ("Clarke wrote") as ORG/GPE/...: such
# spans may still join a person the article named in full.
PERSONISH = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WEAPON", "WORK_OF_ART"})


# Verbs whose subject is nearly always a person when the name has no organisation word.
_PERSON_SAY_LEMMAS = frozenset(
    "say tell add explain insist admit recall announce conclude apologize apologise resign reply ask".split()
)
# Kinds of gazetteer entry a person's name may shadow: towns and companies, not countries or capitals.
_SHADOWABLE_KINDS = frozenset({"city", "org"})


def _shadowable(place) -> bool:
    return place.kind in _SHADOWABLE_KINDS and "C" not in place.flags


def _spells(text: str, place) -> bool:
    """Whether ``text`` is the place's name or one of its aliases, as written (case and accents aside)."""
    key = normalize_name(text)
    return any(normalize_name(n) == key for n in (place.name, *place.aliases))


def _title_before(doc: Doc, start: int) -> bool:
    """A person title right before token ``start`` ("President-elect X", "Supt X", "Mr X")."""
    while start > 1 and doc[start - 1].lower_ in ("elect", "-", "designate"):
        start -= 1  # "President-elect", "Minister-designate"
    if start == 0:
        return False
    t = doc[start - 1]
    return t.text[:1].isupper() and (t.text in TITLES or title_key(t.text) in TITLE_KEYS)


def person_evidence(doc: Doc, m: MentionRecord) -> int:
    """How strongly the text makes mention ``m`` a person's name: 2 for a title before it, a known first
    name, a kin word or an age beside it; 1 for a known first name or being the subject of a verb of
    saying; else 0."""
    if _title_before(doc, m.start):
        return 2
    before = doc[max(0, m.start - 3) : m.start]
    if any(t.lower_ in KIN_WORDS for t in before):
        return 2  # "his sister, Jane Roe, said"
    if _signs_a_quote(doc, m.start - 1):
        return 2  # "“...” — Jane Roe, Outlet": the signer of a quotation
    after = doc[m.end : m.end + 3]
    if len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ",":
        return 2  # "Jane Roe, 41,"
    root = doc[m.start : m.end].root
    if doc[m.end - 1].lower_ not in _BODY_HEAD_WORDS and _in_apposition_to_a_title(root):
        return 2  # "Its president, Jane Roe, said", "Jane Roe, the group's treasurer,"
    said = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _PERSON_SAY_LEMMAS
    return int(said) + int(doc[m.start].lower_ in GIVEN_NAMES)


# Last words of a firm's, club's or public body's name: a firm holds a seat too ("Its chairman, Northwind
# Capital, bought the shares"), so an office beside such a name is no sign of a person
_BODY_HEAD_WORDS = BUSINESS_HEAD_WORDS | CLUB_HEAD_WORDS | ORG_HEAD_WORDS


def _in_apposition_to_a_title(root) -> bool:
    """Whether a name's head word and a lower-case office noun stand in apposition, either way round
    ("its president, X", "X, the group's treasurer"): an office is held by a person."""

    def office(tok) -> bool:
        return tok.is_lower and tok.pos_ == "NOUN" and title_key(tok.text) in TITLE_KEYS

    if root.dep_ == "appos" and office(root.head):
        return True
    return any(c.dep_ == "appos" and office(c) for c in root.children)


def _person_match(full: tuple[str, ...], words: tuple[str, ...]) -> int:
    """How well ``words`` fits a person known as ``full``: 0 no, 1 first name only, 2 surname/subset."""
    if not full or not words:
        return 0
    if full == words:
        return 2
    short, long_ = (words, full) if len(words) <= len(full) else (full, words)
    if len(short) == 1:
        if short[0] == long_[-1]:
            return 2
        return 1 if short[0] == long_[0] else 0
    if short[-1] != long_[-1]:
        return 0
    # every word of the shorter form appears in the longer one (initials may stand for a word)
    ok = all(w in long_ or (len(w) == 1 and any(x[0] == w for x in long_)) for w in short)
    return 2 if ok else 0


def _bare_surname_owner(sharing: list[MentionCluster]) -> MentionCluster | None:
    """Which of several people named in full with one surname a bare surname means, or None to let
    recency decide: not one the article introduces as a relative ("Ann Roe, the senator's wife"; news
    style names a relative in full or by first name), then the one mentioned most so far."""
    if len(sharing) < 2 or len({c.words[-1] for c in sharing}) != 1 or len({c.words for c in sharing}) < 2:
        return None
    unrelated = [c for c in sharing if not any(_names_kin(m.title) for m in c.mentions)]
    pool = unrelated or sharing
    most = max(len(c.mentions) for c in pool)
    top = [c for c in pool if len(c.mentions) == most]
    return top[0] if len(top) == 1 else None


def _names_kin(title: str | None) -> bool:
    return bool(title) and any(w.strip(".,'’") in KIN_WORDS for w in title.lower().replace("'s", " ").split())


class PeopleResolver:
    """Person resolution for :class:`~newsgraph.nlp.linking.component.EntityLinker`: titles read
    around a name, mentions grouped into people, surnames found.  Gazetteer questions (a
    nationality's country, a town sharing a surname) go to the linker's :class:`PlaceResolver`."""

    def __init__(self, places: PlaceResolver):
        self.places = places

    def read_titles(self, doc: Doc, m: MentionRecord, title_tokens: set[int]) -> None:
        """Read titles and a nationality left of a person name, and a role apposition after it."""
        inside = range(m.start, m.end)
        # titles the NER put inside the span (trimmed by _mention) are read here too
        taken = self._title_run(doc, m.start - 1, inside)
        if taken:
            title_tokens.update(taken)
            m.title = collapse_spaces(doc[taken[-1] : taken[0] + 1].text)
        apart = self._title_set_apart(doc, taken[-1] - 1 if taken else m.start - 1, m.end)
        if apart:
            # not added to title_tokens: an organisation in its portfolio stays an entity of its own
            text = collapse_spaces(doc[apart[-1] : apart[0] + 1].text)
            m.title = f"{text}; {m.title}" if m.title else text
            taken = taken + apart
        # a nationality or country right before the title or name: "Russian President X", "U.S. Sen. X"
        k = taken[-1] - 1 if taken else m.start - 1
        if k >= 0 and doc[k].text in POSSESSIVE:
            k -= 1  # "Ukraine's President X"
        if k >= 0 and doc[k].ent_type_ in ("NORP", "GPE") and (taken or doc[k].head.i in inside):
            s = k  # walk to the start of that entity span (cheaper than searching doc.ents)
            while s > 0 and doc[s].ent_iob_ == "I":
                s -= 1
            kb = doc[s].ent_kb_id_ or self.places.link(doc[s : k + 1].text, doc[k].ent_type_)
            m.country = self.places.country_of(kb)
        # a role apposition: "X, head of the Army Futures Command," / "X, a columnist for ..."
        root = doc[m.start : m.end].root
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= m.end and child.lemma_ not in _PLACE_NOUNS:
                sub = doc[child.left_edge.i : child.right_edge.i + 1]
                while len(sub) and (sub[0].pos_ == "DET" or sub[0].is_punct):
                    sub = sub[1:]
                text = collapse_spaces(sub.text) if 0 < len(sub) <= 10 else child.text
                m.title = f"{m.title}; {text}" if m.title else text
                break

    def _title_run(self, doc: Doc, j: int, inside: range) -> list[int]:
        """The tokens of a title run ending at token ``j``, read leftwards, rightmost first:
        "Foreign Minister", "columnist", "Minister for the Middle East"."""
        taken: list[int] = []
        while j >= 0:
            t = doc[j]
            if t.is_space and "\n\n" not in t.text:
                pass  # a PDF line break between title and name (a paragraph break ends the title)
            elif t.text in TITLES and t.ent_type_ not in ("NORP", "GPE"):
                taken.append(j)  # may be inside an ORG: the NER tags "State" in "Secretary of State"
            elif taken and (
                t.lower_ in _TITLE_RUN_WORDS or (t.lower_ in _TITLE_JOINERS and j > 0 and doc[j - 1].text in TITLES)
            ):
                taken.append(j)
            elif t.lower_ in _TITLE_SUFFIXES and j >= 2 and doc[j - 1].text == "-" and doc[j - 2].text in TITLES:
                taken.append(j)  # "President-elect", "Minister-designate", split by the tokenizer
            elif (
                t.is_lower
                and t.pos_ == "NOUN"
                and t.dep_ in ("compound", "nmod", "amod")
                and (t.head.i in inside or t.head.i in taken)
            ):
                taken.append(j)  # a role noun: "columnist David Ignatius", "opposition leader X"
            elif t.ent_type_ in ("GPE", "LOC", "ORG"):
                s = j  # a portfolio: "Minister for the Middle East Tobias Ellwood"
                while s > 0 and doc[s].ent_iob_ == "I":
                    s -= 1
                k = s - 1 if s > 0 and doc[s - 1].lower_ == "the" else s
                if not (k >= 2 and doc[k - 1].lower_ in ("for", "of") and doc[k - 2].text in TITLES):
                    break
                taken.extend(range(j, k - 3, -1))
                j = k - 3
                continue
            else:
                break
            j -= 1
        while taken and (doc[taken[-1]].lower_ in _TITLE_JOINERS or doc[taken[-1]].is_space):
            taken.pop()
        return taken

    def _title_set_apart(self, doc: Doc, j: int, name_end: int) -> list[int]:
        """A title that opens the sentence, set apart from the name by a comma and forms of address:
        "Ghana's Trade Minister and Chairman of the Ports Authority, the Rt. Hon. Lorna Vasquez".
        Only at the start of a sentence (after a country's possessive or "The"): "In a letter to
        the Trade Minister, Ms Lorna Vasquez asked" makes Vasquez no minister; nor in a reporting
        clause: "The Senator, Mr Paul Reed said, had misled the voters"."""
        if name_end + 1 < len(doc) and doc[name_end].pos_ == "VERB" and doc[name_end + 1].text == ",":
            return []
        while j >= 0 and (title_key(doc[j].text) in FORMS_OF_ADDRESS or doc[j].text == "."):
            j -= 1  # "Rt. Hon." may be split from its full stops
        if j < 1 or doc[j].text != ",":
            return []
        run = self._title_run(doc, j - 1, range(0))
        if not run:
            return []
        k = run[-1] - 1
        while k > 0 and doc[k].lower_ == "and" and doc[k - 1].text in TITLES:
            run += [k, *self._title_run(doc, k - 1, range(0))]  # "Prime Minister and Chair of ..."
            k = run[-1] - 1
        first = run[-1]
        if k > 0 and doc[k].text in POSSESSIVE and doc[k - 1].ent_type_ in ("GPE", "NORP"):
            first = k - 1  # "Ghana's Trade Minister ...": the sentence opens with the country
            while first > 0 and doc[first].ent_iob_ == "I":
                first -= 1
        elif k >= 0 and doc[k].lower_ == "the":
            first = k
        opens = first == 0 or doc[first].is_sent_start or "\n" in doc[first - 1].text_with_ws
        return run if opens else []

    # -- resolution ------------------------------------------------------------------------
    def resolve(self, people: list[MentionRecord]) -> list[MentionCluster]:
        clusters: list[MentionCluster] = []
        for m in people:
            words = person_name_words(m.full_text)
            # a stronger match wins; among equals the most recently mentioned person
            scored = [((_person_match(c.words, words), c.mentions[-1].start), c) for c in clusters]
            best = max((sc for sc in scored if sc[0][0]), key=lambda sc: sc[0], default=(None, None))[1]
            if len(words) == 1 and best is not None:
                sharing = [c for (score, _), c in scored if score == 2 and len(c.words) > 1 and c.words[-1] == words[0]]
                best = _bare_surname_owner(sharing) or best
            if best is None:
                best = MentionCluster("PERSON", words=words)
                clusters.append(best)
            elif len(words) > len(best.words):
                best.words = words  # a fuller form of the name ("Putin" first, "Vladimir Putin" later)
            best.mentions.append(m)
        return clusters

    @staticmethod
    def _nearest(candidates: list[MentionCluster], pos: int) -> MentionCluster:
        """The person mentioned most recently before token ``pos``, else the first one after it."""
        owner = _bare_surname_owner([c for c in candidates if len(c.words) > 1 and c.mentions])
        if owner is not None:
            return owner

        def last_before(c: MentionCluster) -> int:
            return max((x.start for x in c.mentions if x.start < pos), default=-1)

        best = max(candidates, key=last_before)
        return best if last_before(best) >= 0 else min(candidates, key=lambda c: c.mentions[0].start)

    @staticmethod
    def share_surnames(doc: Doc, people: list[MentionRecord]) -> None:
        """ "Bill and Hillary Clinton": a lone first name coordinated with a full name shares its surname."""
        starts = {m.start: m for m in people}
        for m in people:
            nxt = starts.get(m.end + 1)
            if (m.end - m.start == 1 and doc[m.start].lower_ in GIVEN_NAMES and m.end < len(doc)
                    and doc[m.end].lower_ == "and" and nxt is not None and nxt.end - nxt.start >= 2):  # fmt: skip
                m.surname = doc[nxt.end - 1].text

    def retype_named_people(
        self, doc: Doc, others: list[MentionRecord]
    ) -> tuple[list[MentionRecord], list[MentionRecord]]:
        """Person names the model typed ORG/GPE ("Jane Roe apologized", "President-elect Jane Roe"):
        a name of 2-3 capitalised words, without an organisation word or a firm gazetteer link, whose
        mentions together carry person evidence (see :func:`person_evidence`) of at least 2.
        Returns (new person mentions, the rest)."""
        groups: dict[str, list[MentionRecord]] = {}
        for m in others:
            if m.label not in PERSONISH or not self._may_be_person_name(doc, m):
                continue
            groups.setdefault(grouping_key(m.text), []).append(m)
        found = {id(m) for ms in groups.values() if sum(person_evidence(doc, m) for m in ms) >= 2 for m in ms}
        for m in others:
            if id(m) in found:
                m.label, m.kb = "PERSON", None
        return [m for m in others if id(m) in found], [m for m in others if id(m) not in found]

    def _may_be_person_name(self, doc: Doc, m: MentionRecord) -> bool:
        words = doc[m.start : m.end]
        if not 2 <= len(words) <= 3 or not all(t.is_title and t.is_alpha for t in words):
            return False
        if any(t.lower_ in ORG_HEAD_WORDS or t.lower_ in TITLE_KEYS for t in words):
            return False
        if words[-1].lower_ in PLACE_HEAD_WORDS:
            return False  # "Pine Road", "Oak Heights"
        place = self.places.place(m.kb)
        return place is None or _shadowable(place)

    def attach_surnames(self, persons: list[MentionCluster], others: list[MentionRecord]) -> list[MentionRecord]:
        """An unlinked non-person span that is a known person's surname or full name joins that person."""
        full = [c for c in persons if len(c.words) > 1]
        rest = []
        for m in others:
            place = self.places.place(m.kb)  # a town that shares a person's surname ("Sousa said") is that person
            # a named person beats a town or company of the same surface ("Jane Bloom" ... "Bloom said"), and
            # any place the mention does not spell out (a fuzzy or partial link: "Manning" is no "Isle of Man")
            if m.label in PERSONISH and (not m.kb or place and (_shadowable(place) or not _spells(m.text, place))):
                words = person_name_words(m.text)
                hits = [c for c in full if words and (words == c.words or words == c.words[-1:])]
                if hits:
                    m.label = "PERSON"
                    self._nearest(hits, m.start).mentions.append(m)
                    continue
            rest.append(m)
        return rest

    def scan_bare_surnames(self, doc: Doc, persons: list[MentionCluster]) -> None:
        """Bare surnames of people named in full that the NER did not tag at all."""
        by_surname: dict[str, list[MentionCluster]] = {}
        for c in (c for c in persons if len(c.words) > 1):
            by_surname.setdefault(c.words[-1], []).append(c)
        # tokens our person mentions took beyond the model's spans (first names, "de") are not free
        taken = {i for c in persons for m in c.mentions for i in range(m.start, m.end)}
        if not by_surname:
            return
        # Screen the tokens on arrays first: a Token object for each of thousands of tokens
        # costs more than the test; the few that pass are read as tokens, as before.
        lowers = {doc.vocab.strings[w] for w in by_surname if w in doc.vocab.strings}
        rows = doc.to_array([ENT_IOB, IS_TITLE, POS, LOWER]).tolist()
        for i, (iob, title, pos, lower) in enumerate(rows):
            if not (iob == 2 and title and lower in lowers and pos in (PROPN, NOUN)):
                continue
            t = doc[i]
            # the model reads a surname that is also a word ("Reading", "Hope") as a noun: as a
            # subject it is still the person's name
            as_name = t.pos_ == "PROPN" or t.dep_ in ("nsubj", "nsubjpass")
            if t.ent_iob == 2 and t.is_title and t.lower_ in by_surname and as_name and t.i not in taken:
                p = doc[t.i - 1] if t.i else t
                s = p.i if p.lower_ in NAME_PARTICLES and p.ent_iob == 2 and p.i not in taken else t.i  # "de Vries"
                m = MentionRecord(s, t.i + 1, doc[s].idx, t.idx + len(t.text), doc[s : t.i + 1].text, "PERSON")
                self._nearest(by_surname[t.lower_], t.i).mentions.append(m)

    @staticmethod
    def merge_misread_people(persons: list[MentionCluster], clusters: list[MentionCluster]) -> None:
        """A one-word "person" never named in full or titled that is also a place or org here is that."""
        by_key: dict[str, list[MentionCluster]] = {}
        for c in clusters:
            if c.label != "NORP" and c.mentions:
                for k in {grouping_key(m.text) for m in c.mentions}:
                    by_key.setdefault(k, []).append(c)
        by_first_word: dict[str, list[MentionCluster]] = {}
        for c in clusters:  # "Acme" alone after "Acme Stores": the firm's short name
            if c.label == "ORG" and c.mentions:
                for k in {grouping_key(m.text) for m in c.mentions if " " in m.text}:
                    by_first_word.setdefault(k.split()[0], []).append(c)
        for p in persons:
            key = " ".join(p.words)
            targets = (
                (by_key.get(key) or list({id(c): c for c in by_first_word.get(key, [])}.values()))
                if len(p.words) == 1
                else []
            )
            # "Danish rival X": a noun that describes a firm is no person's title
            titled = any(m.title and m.title.lower() not in FIRM_ONLY_DESCRIPTORS for m in p.mentions)
            if len(targets) == 1 and not titled:
                for m in p.mentions:
                    m.label = targets[0].label
                targets[0].mentions += p.mentions
                p.mentions = []
