"""Organisation rules for ``newsgraph_entities_v1`` (see :mod:`newsgraph.nlp.entities`).

Classes of false organisations seen on real news pages, each fixed from the text around the span,
never from a list of names: an acronym the text spells out in lower case ("goods and services levy (GSL)":
a thing, not a body), names in a copyright line (the page's publisher, not the story's), meetings
("Tuesday's X Roundtable, held at ..."), and a branch's place glued to a company the article names
alone ("Acme Stores Northside" -> "Acme Stores" + "Northside").  One class is added rather than dropped:
an initialism the model left untagged, speaking ("WXYZ noted that ..."), is a body.  Names the model
cuts or misses are mended: "Police <country>", "Office of the <two-word title>", a dateline's place
before a dash, a saint's school, a town's police force; and a firm named after a town keeps its short
name where only a firm fits ("Stockport said" after "Stockport Foods", :meth:`OrganisationRules.short_names_of_firms`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..extensions import doc_text
from ..knowledge.lexicon import (
    BUSINESS_HEAD_WORDS,
    CLUB_HEAD_WORDS,
    FIRM_NAME_ENDINGS,
    FIRM_NAMING_DESCRIPTORS,
    GIVEN_NAMES,
    HONORIFICS,
    LANDFORM_NOUNS,
    ORG_HEAD_WORDS,
    RANK_QUALIFIERS,
    SAY_LEMMAS,
    TITLE_KEYS,
    TITLES,
    is_person_noun,
    title_key,
)
from .matching import (
    GEO_HEADS,
    SpanCandidate,
    acronym_letters,
    covered_tokens,
    name_initials,
    person_in_apposition,
)

__all__ = ["OrganisationRules"]

# Words an acronym's spelled-out form may skip ("loss of signal" -> LoS).
ACRONYM_SKIPPABLE = {"of", "and", "the", "for", "on", "in", "to", "&"}
# How far before an acronym its spelled-out form may stand (tokens).
ACRONYM_WINDOW = 40
# Last words of a meeting's name; a meeting is no organisation when the text dates or places it.
MEETING_HEADS = {"roundtable", "summit", "conference", "symposium", "workshop", "festival", "expo", "tournament",
                 "championship", "retreat", "colloquium"}  # fmt: skip
# Words right after a meeting's name that make it an occasion ("X Summit, held in ...").
MEETING_FOLLOWERS = {"held", "hosted", "convened", "took", "opened", "ended", "closed"}
COPYRIGHT_MARKS = ("copyright", "\u00a9", "all rights reserved")
# Endings of a teaser for another article, cut short with a link ("... But the... more").
TEASER_ENDINGS = ("...", "\u2026", "... more", "\u2026 more", "read more", "continue reading")
TEASER_MAX_WORDS = 80  # a teaser is a short paragraph; a longer one is the story itself
# Lone words the model tags ORG that are the common noun of a kind of place ("the Province", "the
# Colony"): a place referred to by its kind, never a body's name.
PLACE_KIND_WORDS = {"territory", "territories", "province", "county", "region", "district", "parish",
                    "municipality", "republic", "kingdom", "country", "nation", "colony", "dominion", "emirate"}  # fmt: skip
# Nouns after a name that make it a place: "the X area", "X residents", "the X neighbourhood".
PLACE_NOUNS = {"area", "areas", "resident", "residents", "neighbourhood", "neighborhood", "village", "community",
               "district", "suburb"}  # fmt: skip
PLACE_PREPS = {"at", "in", "from", "near"}
# Words a title-case heading may keep in lower case ("Floods and Little Shelter").
HEADING_LOWER_WORDS = {"and", "or", "of", "the", "a", "an", "in", "on", "for", "to", "at", "by", "with", "as"}
# Verbs of reporting whose subject, written in capitals, is a body speaking ("WBLX noted that ...").
REPORTING_LEMMAS = SAY_LEMMAS | frozenset("suggest note report state announce argue warn predict estimate".split())
# Words of an office holder's title, which may end the name of that office ("Office of the Deputy
# Prime Minister"); a form of address ("Mr", "Dr") is no part of one.
OFFICE_TITLE_WORDS = (
    (frozenset(w for key in TITLE_KEYS for w in key.split()) - {title_key(h) for h in HONORIFICS} - {"miss", "mx"})
    | RANK_QUALIFIERS
    | frozenset("auditor solicitor registrar comptroller ombudsman prosecutor advocate".split())
)
# Dashes that end a dateline when spaced ("FARNWELL, England - ..."); a hyphen glued to words is part of a name.
DASHES = frozenset("-–—")
# A saint's name before a body's ("St Edwin's Primary School").
SAINT_WORDS = frozenset({"St", "Saint", "Ste"})
# Last words of a public body's name the model leaves untagged after a place's ("Greater Marshton Police").
FORCE_HEAD_WORDS = frozenset({"police", "constabulary"})
# Title words that never end a title ("Prime", "Deputy", "Attorney"): an office's name cut after one goes on.
TITLE_OPENING_WORDS = RANK_QUALIFIERS | frozenset("prime chief attorney auditor solicitor lord high special".split())
# Verbs whose subject is a firm, not the town a firm is named after: towns export, produce, supply,
# sell and employ in news too ("the town employs 3,000 in tourism"), so those are left out.
FIRM_VERB_LEMMAS = frozenset("""hire acquire shed merge""".split())
# An initialism of a body: 3-6 capitals ("WBLX", "S.E.C."); two are too often a country or a state ("US", "NY").
SPEAKING_CAPITALS = range(3, 7)


def _line_of(doc: Doc, text: str, start: int, end: int) -> str:
    """The text of the line (between line breaks) holding tokens [start, end).

    ``text`` is ``doc.text``, passed in: spaCy rebuilds that string on every access."""
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return text[text.rfind("\n", 0, a) + 1 : (text.find("\n", b) + 1 or len(text) + 1) - 1]


class OrganisationRules:
    """Drops and splits of organisation (and other name) candidates; see the module docstring."""

    def apply(self, doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        ents = self._police_of_a_country(doc, ents)
        self._offices_of_a_title(doc, ents)
        ents = self._saints_bodies(doc, ents)
        for e in ents:
            self._cut_at_spaced_dash(doc, e)
        ents = self._acronyms_of_named_bodies(doc, ents)
        ents = self._capitals_speaking(doc, ents)
        ents = self._companies_by_trade_word(doc, ents)
        self._firms_by_descriptor_or_opening_word(doc, ents)
        self._features_named_like_companies(doc, ents)
        for e in ents:
            self._cut_at_line_break(doc, e)
            if e.label == "ORG" and not e.kb:
                self._take_first_word_of_sentence(doc, e)
        ents = self._join_one_body_of_two_names([e for e in ents if e.end > e.start], doc)
        ents = self._join_place_names_starting_with_a_person(doc, ents)
        meetings = {doc[e.start : e.end].text for e in ents if e.label == "ORG" and not e.kb and self._meeting(doc, e)}
        out = []
        text = doc_text(doc)
        # a nickname stays one where it recurs unquoted ("What Tiny Tom is doing ...")
        nicknames = {doc[e.start : e.end].text for e in ents if e.label == "PERSON" and self._quoted_nickname(doc, e)}
        in_marked_sentence = self._copyright_sentence_tokens(doc)
        for e in ents:
            if self._in_copyright_line(doc, text, e, in_marked_sentence) or (
                e.label == "PERSON" and doc[e.start : e.end].text in nicknames
            ):
                continue
            if e.label == "ORG" and not e.kb:
                if (doc[e.start : e.end].text in meetings or self._spelled_out_in_lower_case(doc, e)
                        or self._heading_fragment(doc, text, e)
                        or (e.end - e.start == 1 and doc[e.start].lower_ in PLACE_KIND_WORDS)):  # fmt: skip
                    continue
                if self._named_as_place(doc, e, ents):
                    e.label = "GPE"
            out.append(e)
        return self._split_branch_places(doc, out)

    @staticmethod
    def short_names_of_firms(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        """ "Stockport Foods said profits fell. Stockport said ...": a firm named after a town goes on under
        the town's name, which the gazetteer links to the town.  Where the article names such a firm (its
        name ends in a trade word), the bare first words of that name where only a firm fits are the firm:
        the subject of a verb of saying or of a firm's own doing ("... shed jobs", "... acquired a rival"),
        or what shares are in ("shares in Stockport", "Stockport shares").  A country or a region never
        lends its name so ("Kenya Airways ... Kenya said" is Kenya), nor a town whose name another body of
        the article opens with ("Stockport County").  They are retyped an organisation,
        unlinked (linking joins them to the longer name), or added where the model tagged nothing.  The town
        stays a place wherever else it stands ("a plant in Stockport", "Stockport lies ..."), and a person
        of the article with that surname keeps the name.  A name the model took for a place that ends in a
        trade word ("Halvorsen Bank said") is a firm where only a firm fits, unless the gazetteer knows it."""
        for e in ents:
            if (e.label in ("GPE", "LOC", "FAC") and not e.kb and e.end - e.start >= 2
                    and doc[e.end - 1].is_title and doc[e.end - 1].lower_ in FIRM_NAME_ENDINGS
                    and _where_only_a_firm_fits(doc, e.start, e.end)):  # fmt: skip
                e.label, e.stated_place = "ORG", False
        prefixes = {
            tuple(t.text for t in doc[e.start : e.end - 1])
            for e in ents
            if e.label == "ORG" and e.end - e.start >= 2 and doc[e.end - 1].is_title
            and doc[e.end - 1].lower_ in FIRM_NAME_ENDINGS and all(t.is_title for t in doc[e.start : e.end - 1])
        }  # fmt: skip
        prefixes -= {(doc[e.end - 1].text,) for e in ents if e.label == "PERSON"}  # a surname stays a person's
        # a country or a region ("Kenya Airways" ... "Kenya said") acts and speaks for itself: only a town lends
        # its name to a firm; and where another body opens with the same words ("Stockport County", a club;
        # "Stockport Council"), the short name is no more the firm's than theirs
        prefixes -= {tuple(t.text for t in doc[e.start : e.end]) for e in ents if e.kb.startswith("iso3166")}
        prefixes = {words for words in prefixes if not _another_body_opens_with(doc, ents, words)}
        if not prefixes:
            return ents
        by_span = {(e.start, e.end): e for e in ents}
        covered = covered_tokens(doc, ents)
        added = []
        for words in prefixes:
            for t in doc:
                start, end = t.i, t.i + len(words)
                if t.text != words[0] or end > len(doc) or tuple(w.text for w in doc[start:end]) != words:
                    continue
                if not _where_only_a_firm_fits(doc, start, end):
                    continue
                tagged = by_span.get((start, end))
                if tagged is not None and tagged.label in ("GPE", "LOC", "NORP"):
                    tagged.label, tagged.kb, tagged.stated_place = "ORG", "", False
                elif tagged is None and not any(covered[start:end]):
                    added.append(SpanCandidate(start, end, "ORG"))
        return ents + added if added else ents

    @staticmethod
    def _cut_at_spaced_dash(doc: Doc, e: SpanCandidate) -> None:
        """ "FARNWELL, England - Farnwell Borough Council voted": a dash with spaces on both sides ends a
        dateline, and the model often runs the dateline's last place into the body's name after it.  An
        organisation's name holds no such dash: it starts after the last one."""
        if e.label != "ORG" or e.kb:
            return
        cut = max((t.i for t in doc[e.start : e.end] if t.text in DASHES and t.whitespace_ and t.i > 0
                   and doc[t.i - 1].whitespace_), default=None)  # fmt: skip
        if cut is not None and cut + 1 < e.end:
            e.start = cut + 1

    @staticmethod
    def _saints_bodies(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        """ "St Edwin's Primary School": the model tags the saint a person and the rest an organisation.
        A saint's name ("St", "Saint") with its "'s" right before a body's name is one name, the body's."""
        by_start = {e.start: e for e in ents if e.label in ("ORG", "FAC")}
        dropped: set[int] = set()
        for e in ents:
            body = by_start.get(e.end + 1) if e.end < len(doc) else None
            if (e.label == "PERSON" and body is not None and doc[e.start].text.rstrip(".") in SAINT_WORDS
                    and doc[e.end].lower_ in ("'s", "’s")):  # fmt: skip
                e.end, e.label, e.kb = body.end, body.label, ""
                dropped.add(id(body))
        return [e for e in ents if id(e) not in dropped] if dropped else ents

    @staticmethod
    def _police_of_a_country(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        """ "Police Denmark said": "Police" right before a country or a region the gazetteer names is
        that country's police force, one organisation; the model tags the country alone.  A word
        between them ("Police in Denmark") leaves police and place apart."""
        covered = covered_tokens(doc, ents)
        out = []
        for e in ents:
            before = doc[e.start - 1] if e.start else None
            if (
                before is not None
                and e.label == "GPE"
                and e.kb.startswith("iso3166")
                and before.text == "Police"
                and not before.whitespace_.count("\n")
                and not covered[before.i]
            ):
                out.append(SpanCandidate(before.i, e.end, "ORG", "", e.weight))
            else:
                out.append(e)
        return out

    @staticmethod
    def _offices_of_a_title(doc: Doc, ents: list[SpanCandidate]) -> None:
        """ "the Office of the Deputy Prime Minister": the model often stops such a name after "of the" or
        inside the title, and trimming leaves "Office" or "Office of the Prime".  A body's name ending in
        its head word, or already in "of (the)", runs on over the title-case words of an office holder's
        title that follow; the name of the holder after the title is no part of it."""
        covered = covered_tokens(doc, ents)
        for e in ents:
            if e.label != "ORG" or e.kb:
                continue
            words = [t.lower_ for t in doc[e.start : e.end]]
            if "of" in words:
                end = e.end  # "Office of the Prime": the title goes on
                if not (words[-1] in TITLE_OPENING_WORDS and words[0] in ORG_HEAD_WORDS):
                    continue
            elif len(words) == 1 and words[0] in ORG_HEAD_WORDS and e.end + 2 < len(doc) and doc[e.end].lower_ == "of":
                end = e.end + 1 + (doc[e.end + 1].lower_ == "the")  # "Office" + "of the"
            else:
                continue
            stop = end
            while (stop < len(doc) and not covered[stop] and doc[stop].is_title
                   and doc[stop].lower_ in OFFICE_TITLE_WORDS):  # fmt: skip
                stop += 1
            if stop > end:
                e.end = stop

    @staticmethod
    def _acronyms_of_named_bodies(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        """ "The Kestrel Haulage Workers Union said ... KHWU said": capitals that spell the initials of an
        organisation the article names are that organisation (linking joins them by the same initials).
        The model's person there becomes an organisation; capitals it left untagged become one when they
        are the subject of a verb ("LP reported ...": a body acting or speaking).  Initials of nothing named
        stay as they were."""
        initials = {name_initials(doc[e.start : e.end]) for e in ents if e.label == "ORG"} - {""}
        if not initials:
            return ents
        covered = bytearray(len(doc))
        for e in ents:
            if e.label == "PERSON" and e.end - e.start == 1 and acronym_letters(doc[e.start].text) in initials:
                e.label, e.kb = "ORG", ""
            covered[e.start : e.end] = b"\x01" * (e.end - e.start)
        added = [
            SpanCandidate(t.i, t.i + 1, "ORG")
            for t in doc
            if not covered[t.i]
            and acronym_letters(t.text) in initials
            and t.dep_ in ("nsubj", "nsubjpass")
            and t.head.pos_ == "VERB"
        ]
        return ents + added if added else ents

    @staticmethod
    def _capitals_speaking(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        """ "WBLX noted that ...": an initialism the model left untagged, the subject of a verb of reporting
        in a sentence written in lower case, is a body speaking -- an outlet, an agency -- though the article
        spells it out nowhere.  Not a role ("CEO noted"), a title, a given name, nor a word with a determiner
        ("the CEO"); not in a headline of capitals ("OZ SAYS"), where every word is one."""
        covered = covered_tokens(doc, ents)
        added = []
        for t in doc:
            letters = t.text.replace(".", "")
            if (
                covered[t.i]
                or len(letters) not in SPEAKING_CAPITALS
                or not (letters.isalpha() and letters.isupper())
                or t.dep_ != "nsubj"
                or not t.head.is_lower
                or t.head.lemma_ not in REPORTING_LEMMAS
                or any(c.dep_ in ("det", "poss", "amod", "compound") for c in t.children)
                or is_person_noun(t.lower_)
                or t.lower_ in TITLE_KEYS
                or title_key(t.text) in TITLE_KEYS
                or t.lower_ in GIVEN_NAMES
            ):
                continue
            added.append(SpanCandidate(t.i, t.i + 1, "ORG"))
        return ents + added if added else ents

    @staticmethod
    def _features_named_like_companies(doc: Doc, ents: list[SpanCandidate]) -> None:
        """ "the Acme savanna": an organisation's name right before the lower-case noun of a natural
        feature names the feature; name and noun become one place (linked afterwards like any place:
        "the Amazon rainforest" to the Amazon), never the company."""
        for e in ents:
            if e.label == "ORG" and e.end < len(doc) and doc[e.end].is_lower and doc[e.end].lower_ in LANDFORM_NOUNS:
                e.end, e.label, e.kb = e.end + 1, "LOC", ""

    @staticmethod
    def _companies_by_trade_word(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        """ "Kestrel Supermarkets said": a name ending in a trade word is a company.  The model calls
        it a person (retyped here) or nothing at all (added: the proper nouns before the trade word)."""
        heads = BUSINESS_HEAD_WORDS | CLUB_HEAD_WORDS  # a club's name after its town ("Kelton Town") too
        for e in ents:
            if (e.label == "PERSON" and e.end - e.start > 1 and doc[e.end - 1].is_title
                    and doc[e.end - 1].lower_ in heads and doc[e.start].lower_ not in GIVEN_NAMES
                    and not _said_to_be_a_person(doc, e.start, e.end)):  # fmt: skip
                e.label = "ORG"
        covered = {i for e in ents for i in range(e.start, e.end)}
        added = []
        for t in doc:
            if not (t.is_title and t.lower_ in BUSINESS_HEAD_WORDS | FORCE_HEAD_WORDS and t.ent_iob == 2
                    and t.i not in covered):  # fmt: skip
                continue
            start = t.i
            while start > 0 and (w := doc[start - 1]).pos_ == "PROPN" and w.is_title and w.i not in covered:
                start -= 1
            if start < t.i and doc[start].lower_ not in GIVEN_NAMES:
                added.append(SpanCandidate(start, t.i + 1, "ORG"))
        return ents + added if added else ents

    @staticmethod
    def _firms_by_descriptor_or_opening_word(doc: Doc, ents: list[SpanCandidate]) -> None:
        """ "the bakery chain X", "the retailer X": a name right after a lower-case noun that only ever
        describes a firm is that firm, whatever the model typed it.  "Network X", "Police X": a name whose
        first word is an organisation's head word is a body, not a person.  A given name opening the
        name keeps a person ("the chain owner Ruth X" has "owner" before it, and "Ruth" besides), and so does
        what the text says of the name: a title, an age or a person noun in apposition ("Court X, a striker,")."""
        for e in ents:
            if e.label not in ("PERSON", "GPE", "LOC") or doc[e.start].lower_ in GIVEN_NAMES:
                continue
            before = doc[e.start - 1] if e.start else None
            described = before is not None and before.is_lower and before.lower_ in FIRM_NAMING_DESCRIPTORS
            opened = (
                e.label == "PERSON"
                and e.end - e.start > 1
                and doc[e.start].is_title
                and doc[e.start].lower_ in ORG_HEAD_WORDS
            )
            # "Court Jenkins, a striker,": court, trust or echo may open a person's name too
            if (described or opened) and not _said_to_be_a_person(doc, e.start, e.end):
                e.label, e.kb = "ORG", ""

    @staticmethod
    def _cut_at_line_break(doc: Doc, e: SpanCandidate) -> None:
        """A name never runs across a paragraph break ("Little Shelter\n\nLocated"): keep what comes before
        it.  A single line break is hard-wrapped text ("Marek\nTolvanen"), one name."""
        for i in range(e.start, e.end):
            if doc[i].is_space and doc[i].text.count("\n") + doc[i - 1].whitespace_.count("\n") >= 2:
                e.end = i
                return
            if doc[i].whitespace_.count("\n") >= 2 and i + 1 < e.end:
                e.end = i + 1
                return

    @staticmethod
    def _take_first_word_of_sentence(doc: Doc, e: SpanCandidate) -> None:
        """ "[Emergency] Rescue Services took him to hospital": the model often leaves a sentence's first
        word out of a name; a capitalised, untyped noun right before a title-case name is its first word."""
        if e.start == 0 or not all(
            t.is_title or not t.is_alpha or t.lower_ in HEADING_LOWER_WORDS for t in doc[e.start : e.end]
        ):
            return
        first = doc[e.start - 1]
        if (
            first.is_sent_start
            and first.is_title
            and first.pos_ in ("NOUN", "PROPN", "ADJ")
            and first.ent_type_ in ("", "ORG")
        ):
            e.start -= 1

    @staticmethod
    def _join_one_body_of_two_names(ents: list[SpanCandidate], doc: Doc) -> list[SpanCandidate]:
        """ "X and Y, a security firm": two organisation names joined by "and" that one singular apposition
        describes are one body's name; so is a first name joined to a body named after a person ("Bill
        and Melinda Gates Foundation")."""
        ents = sorted(ents, key=lambda x: x.start)
        out: list[SpanCandidate] = []
        for e in ents:
            prev = out[-1] if out else None
            if (prev is not None and prev.label == e.label == "ORG" and not prev.kb and not e.kb
                    and e.start == prev.end + 1 and doc[prev.end].lower_ in ("and", "&")
                    and e.end + 1 < len(doc) and doc[e.end].text == "," and doc[e.end + 1].lower_ in ("a", "an")):  # fmt: skip
                out[-1] = SpanCandidate(prev.start, e.end, "ORG", "", max(prev.weight, e.weight))
                continue
            # "[Bill] and [Melinda Gates Foundation]": a body named after two people is one name
            if (prev is not None and prev.label == "PERSON" and e.label == "ORG" and prev.end - prev.start == 1
                    and e.start == prev.end + 1 and doc[prev.end].lower_ in ("and", "&") and e.end - e.start >= 3
                    and doc[e.end - 1].lower_ in ORG_HEAD_WORDS
                    and doc[prev.start].lower_ in GIVEN_NAMES and all(t.is_title for t in doc[e.start : e.end])):  # fmt: skip
                out[-1] = SpanCandidate(prev.start, e.end, "ORG", "", max(prev.weight, e.weight))
                continue
            # "the Norvanian Competition and [Consumer Authority]": title-case words with no head word of their
            # own between "the" and "and" start the one body's name the head word ends (the model often
            # types them something else, or nothing)
            start = _start_of_joined_name(doc, e)
            if start is not None and (prev is None or prev.end <= start or (prev.start >= start and not prev.kb
                                                                           and prev.label != "PERSON")):  # fmt: skip
                if prev is not None and prev.start >= start:
                    out.pop()
                out.append(SpanCandidate(start, e.end, "ORG", "", e.weight))
                continue
            out.append(e)
        return out

    @staticmethod
    def _quoted_nickname(doc: Doc, e: SpanCandidate) -> bool:
        """ "the candidate he calls \u201cLittle Ronnie.\u201d": a name alone inside quotation marks is a
        nickname or a scare-quoted word, no person of its own."""
        start = e.start
        # the model often tags only the name of "“Little Larry.”": the words before it open the nickname
        while start > 0 and e.start - start < 2 and doc[start - 1].is_title and doc[start - 1].is_alpha:
            start -= 1
        if start == 0 or not doc[start - 1].is_quote:
            return False
        after = [t for t in doc[e.end : e.end + 3]]
        for t in after:
            if t.is_quote:
                return True
            if t.text not in (".", ",", "!", "?"):
                return False
        return False

    @staticmethod
    def _join_place_names_starting_with_a_person(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        """ "[Acme Golf] Links [Ferry Point]": a person's name that runs, through at most two capitalised
        words, into a building or site is the start of that place's name (one FAC/LOC)."""
        by_start = {x.start: x for x in ents}
        drop: set[int] = set()
        for e in ents:
            if e.label != "PERSON" or id(e) in drop:
                continue
            j = e.end
            while j < min(len(doc), e.end + 2) and j not in by_start and doc[j].is_title and doc[j].is_alpha:
                j += 1
            place = by_start.get(j)
            if place is not None and place.label in ("FAC", "LOC") and not place.kb:
                e.end, e.label, e.kb = place.end, place.label, ""
                drop.add(id(place))
        return [x for x in ents if id(x) not in drop]

    @staticmethod
    def _heading_fragment(doc: Doc, text: str, e: SpanCandidate) -> bool:
        """An organisation-looking name found only in a title-case heading line ("Floods and Little Shelter")
        with no organisation word: a heading's words, not a body."""
        line = _line_of(doc, text, e.start, e.end).strip()
        words = line.split()
        if (
            len(words) < 3
            or line[-1:] in '.!?:;"\u201d'
            or any(t.lower_ in ORG_HEAD_WORDS for t in doc[e.start : e.end])
        ):
            return False
        return all(w[:1].isupper() or w.lower() in HEADING_LOWER_WORDS or not w[:1].isalpha() for w in words)

    @staticmethod
    def _named_as_place(doc: Doc, e: SpanCandidate, ents: list[SpanCandidate]) -> bool:
        """ "the X area", "X residents", "at X, Y Coast": the text uses the name as a place."""
        if any(t.lower_ in ORG_HEAD_WORDS for t in doc[e.start : e.end]):
            return False
        if e.end < len(doc) and doc[e.end].lower_ in PLACE_NOUNS:
            return True
        if not (e.start and doc[e.start - 1].lower_ in PLACE_PREPS and e.end + 1 < len(doc) and doc[e.end].text == ","):
            return False
        nxt = next((x for x in ents if x.start == e.end + 1), None)
        return nxt is not None and (nxt.label in ("GPE", "LOC") or doc[nxt.end - 1].lower_ in GEO_HEADS)

    @staticmethod
    def _copyright_sentence_tokens(doc: Doc) -> bytearray:
        """1 for each token of a sentence holding a copyright mark: found once per document, as
        ``Token.sent`` walks the sentence token by token on every call."""
        marked = bytearray(len(doc))
        if doc.has_annotation("SENT_START"):
            for sent in doc.sents:
                lowered = sent.text.lower()
                if any(mark in lowered for mark in COPYRIGHT_MARKS):
                    marked[sent.start : sent.end] = b"\x01" * (sent.end - sent.start)
        return marked

    @staticmethod
    def _in_copyright_line(doc: Doc, text: str, e: SpanCandidate, in_marked_sentence: bytearray) -> bool:
        """Names in a copyright line or in a teaser for another article (a paragraph cut short with
        "... more"): the page's furniture, not the story's."""
        # The sentence, not the line: a page extracted as one long line ends with its copyright
        # notice, and every name of the story would go with it.
        if in_marked_sentence[e.start]:
            return True
        line = _line_of(doc, text, e.start, e.end).lower().rstrip()
        return len(line.split()) <= TEASER_MAX_WORDS and line.endswith(TEASER_ENDINGS)

    @staticmethod
    def _spelled_out_in_lower_case(doc: Doc, e: SpanCandidate) -> bool:
        """An all-capitals name whose letters are the initials of lower-case words shortly before it
        ("a goods and services levy (GSL)", "a loss of signal fault ... a LOS fault")."""
        if e.end - e.start != 1:
            return False
        letters = doc[e.start].text.lower()
        if not (doc[e.start].text.isupper() and letters.isalpha() and 2 <= len(letters) <= 6):
            return False
        lo = max(0, e.start - ACRONYM_WINDOW)
        for i in range(lo, e.start):
            k, j = 0, i
            while j < e.start and k < len(letters):
                tok = doc[j]
                if not (tok.is_alpha and tok.is_lower):
                    break
                if tok.text[0] == letters[k]:
                    k += 1
                elif tok.lower_ not in ACRONYM_SKIPPABLE or j == i:
                    break
                j += 1
            if k == len(letters):
                return True
        return False

    @staticmethod
    def _meeting(doc: Doc, e: SpanCandidate) -> bool:
        """ "Thursday's X Roundtable", "the annual X Summit, held in ...": an occasion, not a body."""
        if doc[e.end - 1].lower_ not in MEETING_HEADS:
            return False
        before = doc[max(0, e.start - 3) : e.start]
        after = [t for t in doc[e.end : e.end + 3] if not t.is_punct]
        dated = any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in ("annual", "inaugural") for t in before)
        return dated or any(t.lower_ in MEETING_FOLLOWERS for t in after[:1])

    @staticmethod
    def _split_branch_places(doc: Doc, ents: list[SpanCandidate]) -> list[SpanCandidate]:
        """ "Acme Stores Northside" where the article also names "Acme Stores" alone: the company and
        its branch's place, one or two capitalised words that are no organisation word.  The company's
        name has two words at least: a one-word prefix is too often a body's own word ("House X Caucus")."""
        alone = {doc[e.start : e.end].text for e in ents if e.label == "ORG"}
        out = []
        for e in ents:
            if e.label == "ORG" and not e.kb and e.end - e.start >= 2:
                cut = next((k for k in range(e.end - 1, e.start + 1, -1) if doc[e.start : k].text in alone), None)
                tail = doc[cut : e.end] if cut is not None else None
                if (tail is not None and len(tail) <= 2 and all(t.is_title and t.is_alpha for t in tail)
                        and not any(t.lower_ in ORG_HEAD_WORDS for t in tail)):  # fmt: skip
                    out.append(SpanCandidate(e.start, cut, "ORG", "", e.weight))
                    out.append(SpanCandidate(cut, e.end, "GPE", "", e.weight))
                    continue
            out.append(e)
        return out


def _start_of_joined_name(doc: Doc, e: SpanCandidate) -> int | None:
    """Where the name of an unlinked organisation ``e`` ending in a head word really starts when "the",
    one to three title-case words without a head word, and "and" come right before it; else None."""
    if e.label != "ORG" or e.kb or doc[e.end - 1].lower_ not in ORG_HEAD_WORDS or e.start < 3:
        return None
    if doc[e.start - 1].lower_ != "and":
        return None
    i = e.start - 1
    while i > 0 and e.start - 1 - i < 3 and doc[i - 1].is_title and doc[i - 1].is_alpha and doc[i - 1].lower_ != "the":
        i -= 1
        if doc[i].lower_ in ORG_HEAD_WORDS:
            return None  # "the Harlow Group and Ostwick Holdings": two bodies
    if i == e.start - 1 or i == 0 or doc[i - 1].lower_ != "the":
        return None
    return i


def _another_body_opens_with(doc: Doc, ents: list[SpanCandidate], words: tuple[str, ...]) -> bool:
    """Whether a name of the article other than a firm's ("Stockport County", "Stockport Borough Council")
    opens with ``words`` and runs on past them."""
    for e in ents:
        name = tuple(t.text for t in doc[e.start : e.end])
        if len(name) > len(words) and name[: len(words)] == words and doc[e.end - 1].lower_ not in FIRM_NAME_ENDINGS:
            return True
    return False


def _where_only_a_firm_fits(doc: Doc, start: int, end: int) -> bool:
    """Whether the name ``doc[start:end]`` stands where only a firm (or a body) fits: the subject of a verb
    of saying or of a firm's own doing ("X said", "X shed 200 jobs"), or what shares are in ("shares in X",
    "X shares", "X shareholders")."""
    last = doc[end - 1]
    if last.dep_ == "nsubj" and last.head.lemma_ in REPORTING_LEMMAS | FIRM_VERB_LEMMAS:
        return True
    if start >= 2 and doc[start - 1].lower_ in ("in", "of") and doc[start - 2].lower_ == "shares":
        return True
    return end < len(doc) and doc[end].lower_ in ("shares", "shareholders") and doc[end].pos_ == "NOUN"


def _said_to_be_a_person(doc: Doc, start: int, end: int) -> bool:
    """Whether the text around the name ``doc[start:end]`` makes it a person's: a title before it ("Dr
    Ellis Rangers"), an age after it ("Ellis Rangers, 41,") or a singular person noun in apposition ("Ellis
    Rangers, a retired teacher,"; a club's apposition is plural: "Kelton Town, the league leaders")."""
    before = doc[start - 1] if start > 0 else None
    if (
        before is not None
        and before.text[:1].isupper()
        and (before.text in TITLES or title_key(before.text) in TITLE_KEYS)
    ):
        return True
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text == ",":
        return True
    return person_in_apposition(doc, end)
