"""The linker's working records: one entity mention as read from the doc, a group of them, and the
text keys used to group them.  Shared by :mod:`.component`, :mod:`.people` and :mod:`.places`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..knowledge.lexicon import collapse_spaces

__all__ = ["MentionRecord", "MentionCluster", "grouping_key", "person_name_words", "NAME_PARTICLES", "POSSESSIVE"]

# Lowercase particles inside a person's name: "de Vries", "bin Salman".
NAME_PARTICLES = frozenset("de van von der den da di du al el bin ibn ter ten le la dos das".split())
POSSESSIVE = ("'s", "’s", "'", "’")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TAIL = re.compile(r"(?:['’]s?|\.)+$")


@dataclass(slots=True)
class MentionRecord:
    """A mention being linked (token and character offsets, label, gazetteer id, what was read around it)."""

    start: int  # token index
    end: int
    start_char: int
    end_char: int
    text: str
    label: str
    kb: str | None = None
    title: str | None = None
    country: str | None = None  # from a nationality adjective / GPE before a person
    actor_capital: bool = False
    capital: str | None = None  # with actor_capital: the gazetteer id of the city named (its point)
    surname: str | None = None  # shared from a coordinated full name: "Bill" in "Bill and Hillary Clinton"
    credit: bool = False  # a byline or credit line ("By Jane Roe", "Jane Roe contributed to this report")
    # a place read inside a longer name ("Dallas" in "Dallas Mavericks"): that name's cluster (see .nested)
    nested_in: MentionCluster | None = None

    @property
    def full_text(self) -> str:
        """The name as the text means it: the mention, plus a surname it shares with a coordinated name."""
        return f"{self.text} {self.surname}" if self.surname else self.text


@dataclass
class MentionCluster:
    """Mentions found to name one thing; becomes one article entity."""

    label: str
    kb: str | None = None
    mentions: list[MentionRecord] = field(default_factory=list)
    words: tuple[str, ...] = ()  # fullest person name, normalised words
    # a gazetteer place an unlinked place lies in or at ("Colchester" for "Colchester General Hospital",
    # the article's town for a street): the entity takes its point and country, not its id
    near: str | None = None


def grouping_key(text: str) -> str:
    """Grouping key for non-person names: case, dots, a leading 'the' and spacing ignored."""
    t = collapse_spaces(text).lower().replace(".", "")
    return t[4:] if t.startswith("the ") else t


def person_name_words(text: str) -> tuple[str, ...]:
    """Lowercased name words without possessives or dots: "Gen. Putin's" -> ("gen", "putin")."""
    words = (_TAIL.sub("", w.lower()).replace("\u2019", "'") for w in _WORD.findall(text))  # "O’Brady" is "O'Brady"
    return tuple(w for w in words if w)
