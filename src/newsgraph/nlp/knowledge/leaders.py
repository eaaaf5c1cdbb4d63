"""Political leaders -> country: the world knowledge a bare "Putin" needs.

``resources/leaders.tsv`` lists heads of state and government, foreign and defence
ministers and other very prominent political figures (about 1985-2025) with the
country they act for.  :func:`leader_country` looks a person's name up:

1. the whole name or an alias ("Omar al-Bashir", "Lula da Silva", "Abu Mazen");
2. a one-word name as a surname form ("Putin", "Bashir", "Lula"), when every row with
   that surname has the same country ("Bush" is USA; "Kim" names nobody);
3. a longer name whose first and last words match a row's ("Omar Hassan al-Bashir"
   against "Omar al-Bashir"), again only when those rows agree on the country;
4. failing those, a misspelt surname of eight letters or more, one letter off
   ("Bouteflicka", "Mitterand"): alone, or after a matching first name.

Matching ignores case, accents, dots, apostrophes, hyphens, initials, Arabic and
European particles ("al-", "bin", "de", "van") and leading titles ("President").
A given name that does not fit stops the match: "Michael Johnson" is not Boris Johnson,
and "Sarah Putin" is not Vladimir Putin.  The table is read once, on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import LEADER_TITLE_KEYS, fold_letters

__all__ = ["Leader", "leader_country", "leader", "leaders", "name_words"]

_PARTICLES = frozenset(
    "al el ul bin ibn bint ould de da do dos das du del della di van von der den la le zu y wa".split()
)
_FUZZY_MIN = 8
_SPLIT = re.compile(r"[\s\-‐‑–—_/]+")
_DROP = re.compile(r"['’`.,()\"]")


@dataclass(frozen=True)
class Leader:
    name: str
    country: str
    role: str
    years: str


def name_words(name: str) -> tuple[str, ...]:
    """A leader-matching key, name words without titles, particles and initials: ``"President Omar al-Bashir's"`` -> ``("omar", "bashir")``."""
    text = fold_letters(name).strip()
    for tail in ("'s", "’s"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    raw = [w for w in _SPLIT.split(text) if w]
    words: list[str] = []
    for w in raw:
        initials = "." in w and len(_DROP.sub("", w)) <= 3  # "F.W.", "J.", "H.R."
        w = _DROP.sub("", w)
        if not w or initials or (len(w) == 1 and w.isalpha()):
            continue
        words.append(w)
    while len(words) > 1 and words[0] in LEADER_TITLE_KEYS:
        words.pop(0)
    kept = [w for w in words if w not in _PARTICLES]
    return tuple(kept or words)


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


class _Table:
    def __init__(self, rows: list[tuple[str, str, list[str], str, str, str]]):
        self.leaders: list[Leader] = []
        self.full: dict[str, set[str]] = {}  # a whole name or alias of 2+ words
        self.single: dict[str, set[str]] = {}  # surname forms and one-word names/aliases
        self.last: dict[str, set[str]] = {}  # every row's last name word: what a bare word might also mean
        self.first_last: dict[tuple[str, str], set[str]] = {}
        self.by_full: dict[str, Leader] = {}
        self.fuzzy: dict[str, set[str]] = {}  # one-deletion neighbourhoods of long surname forms -> surname forms
        self.first_words: dict[str, set[str]] = {}  # last word -> first words of the rows' names
        for name, surname, aliases, country, role, years in rows:
            person = Leader(name, country, role, years)
            self.leaders.append(person)
            for form in [name, *aliases]:
                key = name_words(form)
                if not key:
                    continue
                self.by_full.setdefault(" ".join(key), person)
                if len(key) == 1:  # "Suharto", a one-word alias ("Jokowi", "Lula")
                    self.single.setdefault(key[0], set()).add(country)
                else:
                    self.full.setdefault(" ".join(key), set()).add(country)
                    self.first_last.setdefault((key[0], key[-1]), set()).add(country)
                    self.first_words.setdefault(key[-1], set()).add(key[0])
                self.last.setdefault(key[-1], set()).add(country)
            if surname and surname != "-":
                key = name_words(surname)
                if key:
                    self.single.setdefault(" ".join(key), set()).add(country)
            else:  # "-": a bare surname this common names nobody
                key = name_words(name)
                if key:
                    self.last.setdefault(key[-1], set()).add("-")

        for form in self.single:
            if len(form) >= _FUZZY_MIN and " " not in form:
                for k in _deletions(form):
                    self.fuzzy.setdefault(k, set()).add(form)

    def _near(self, word: str) -> set[str]:
        """Surname forms one letter away from ``word`` (insertion, deletion or substitution)."""
        if len(word) < _FUZZY_MIN:
            return set()
        out: set[str] = set()
        for k in _deletions(word):
            out |= self.fuzzy.get(k, set())
        out.discard(word)
        return out

    def _bare(self, word: str) -> str | None:
        found = self.single.get(word)
        if not found:
            return None
        found = found | self.last.get(word.rsplit(" ", 1)[-1], set())
        if len(found) == 1 and "-" not in found:
            return next(iter(found))
        return None

    def lookup(self, name: str) -> str | None:
        key = name_words(name)
        if not key:
            return None
        if len(key) == 1:
            return self._bare(key[0]) or self._misspelt(key[0], None)
        joined = " ".join(key)
        found = self.full.get(joined)
        if found is None and joined in self.single:  # a compound surname on its own: "Le Pen", "Suu Kyi"
            return self._bare(joined)
        if found is None:
            found = self.first_last.get((key[0], key[-1]))
        if found is None and key[-1] not in self.last:
            return self._misspelt(key[-1], key[0])
        if found and len(found) == 1:
            return next(iter(found))
        return None

    def _misspelt(self, word: str, first: str | None) -> str | None:
        near = self._near(word)
        if first is not None:  # "Abdelaziz Bouteflicka": the first name must be one of the row's
            near = {n for n in near if first in self.first_words.get(n, set())}
        found = {c for n in near for c in [self._bare(n)] if c}
        if len(near) == len(found) and len(found) == 1:
            return next(iter(found))
        return None


def _read_rows(text: str) -> list[tuple[str, str, list[str], str, str, str]]:
    rows = []
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if not header_seen and cols[0] == "name":
            header_seen = True
            continue
        if len(cols) < 4:
            continue
        cols += ["-"] * (6 - len(cols))
        name, surname, aliases, country, role, years = (c.strip() for c in cols[:6])
        alias_list = [a.strip() for a in aliases.split("|") if a.strip() and a.strip() != "-"]
        rows.append((name, surname, alias_list, country.upper(), role, years))
    return rows


@lru_cache(maxsize=1)
def _table() -> _Table:
    text = resources.files("newsgraph.resources").joinpath("leaders.tsv").read_text(encoding="utf-8")
    return _Table(_read_rows(text))


def leader_country(name: str | None) -> str | None:
    """The ISO alpha-3 country of the political figure ``name``, or ``None`` if unknown/ambiguous."""
    if not name:
        return None
    return _table().lookup(name)


def leader(name: str) -> Leader | None:
    """The table row for an exact (normalised) full name or alias, if any."""
    return _table().by_full.get(" ".join(name_words(name)))


def leaders() -> list[Leader]:
    """Every row of the table."""
    return list(_table().leaders)
