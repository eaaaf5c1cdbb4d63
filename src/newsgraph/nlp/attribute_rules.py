"""The model's attribute ruler, matched through an index: the same matches for less CPU.

``en_core_web_sm``'s ``attribute_ruler`` turns the tagger's fine tags into POS and
morphology and fixes some lemmas, with about 180 rules of one or two tokens run by
spaCy's ``Matcher``.  The Matcher tries every rule at every token: on ``make bench``'s
articles it took 2.5 of the model's 17.8 CPU s, more than the parser.  Every rule is
a conjunction of tests (equal to, ``IN``, ``NOT_IN``, ``REGEX``, true/false) on a
token's ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``, so each rule can be filed under
a value its first token must have, and a token only tries the rules filed under its
own values.  The ruler then sets attributes from these matches exactly as before
(its own ``set_annotations``, in its own order); ``tests/nlp/test_attribute_rules.py``
checks the match lists are equal, and a model whose rules use anything else keeps
spaCy's Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

__all__ = ["IndexedAttributeRules", "index_attribute_ruler"]

# The token attributes the index reads, in Doc.to_array order.
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_TAG, _LOWER, _DEP, _IS_SPACE = range(4)

Test = Callable[[list[int], Doc, int], bool]


class UnsupportedRule(ValueError):
    """A rule uses something the index does not read: keep spaCy's Matcher."""


def _value_id(attr: str, value) -> int:
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedRule(f"IS_SPACE {value!r}")
        return int(value)
    return get_string_id(value)


def _test(attr: str, spec) -> tuple[Test, set[int] | None]:
    """A test of one attribute and, when it needs one of a few values, those values."""
    column = _ATTRS.index(attr)
    if not isinstance(spec, dict):
        wanted = _value_id(attr, spec)
        return (lambda row, doc, i: row[column] == wanted), {wanted}
    if len(spec) != 1:
        raise UnsupportedRule(f"{attr} {spec!r}")
    ((kind, value),) = spec.items()
    if kind == "IN":
        allowed = {_value_id(attr, v) for v in value}
        return (lambda row, doc, i: row[column] in allowed), allowed
    if kind == "NOT_IN":
        refused = {_value_id(attr, v) for v in value}
        return (lambda row, doc, i: row[column] not in refused), None
    if kind == "REGEX" and attr != "IS_SPACE":
        pattern = re.compile(value)
        return (lambda row, doc, i: bool(pattern.search(doc.vocab.strings[row[column]]))), None
    raise UnsupportedRule(f"{attr} {spec!r}")


# When a first token has values in several of the indexed attributes, file the rule under
# the attribute fewest tokens share: a word's lower case before a dependency label, a tag
# or the space flag.
_SELECTIVITY = (_LOWER, _DEP, _TAG, _IS_SPACE)


@dataclass
class _Pattern:
    key: int  # the rule's number: the ruler applies rules in this order
    match_id: int  # the Matcher's id for the rule
    length: int  # tokens in the pattern
    tests: list[tuple[int, Test]]  # (offset from the first token, test), bar the one the index made


class IndexedAttributeRules:
    """``AttributeRuler.match`` through an index of the rules by a required value."""

    def __init__(self, ruler: AttributeRuler):
        # per attribute column: value -> (rules matched by that value alone, rules with more tests)
        self.by_value: list[dict[int, tuple[list[tuple[int, int]], list[_Pattern]]]] = [{} for _ in _ATTRS]
        self.everywhere: list[_Pattern] = []  # rules without a required value: tried at every token
        # rules added to the ruler after indexing are not in the index: its own Matcher answers then
        self.ruler, self.rule_count, self.matcher_match = ruler, len(ruler.attrs), ruler.match
        strings = ruler.vocab.strings
        for key, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                self._file(key, strings[str(key)], pattern)

    def _file(self, key: int, match_id: int, pattern: list[dict]) -> None:
        if not pattern:
            raise UnsupportedRule("an empty pattern")
        tests: list[tuple[int, Test]] = []
        indexable: dict[int, tuple[set[int], int]] = {}  # column -> (values, position in tests)
        for offset, token_spec in enumerate(pattern):
            for attr, spec in token_spec.items():
                if attr not in _ATTRS:
                    raise UnsupportedRule(f"{attr} {spec!r}")
                test, values = _test(attr, spec)
                if offset == 0 and values is not None:  # a match starts at its first token
                    indexable[_ATTRS.index(attr)] = (values, len(tests))
                tests.append((offset, test))
        if not indexable:
            self.everywhere.append(_Pattern(key, match_id, len(pattern), tests))
            return
        column = min(indexable, key=lambda c: (len(indexable[c][0]), _SELECTIVITY.index(c)))
        values, position = indexable[column]
        rest = tests[:position] + tests[position + 1 :]
        for value in values:
            alone, checked = self.by_value[column].setdefault(value, ([], []))
            if rest or len(pattern) > 1:
                checked.append(_Pattern(key, match_id, len(pattern), rest))
            else:
                alone.append((key, match_id))

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(rule number, match id, start, end)`` for every match, sorted as the ruler sorts them."""
        if len(self.ruler.attrs) != self.rule_count:
            return self.matcher_match(doc)
        rows = doc.to_array(list(_ATTRS)).tolist()  # one [tag, lower, dep, is_space] per token
        n = len(rows)
        columns = list(enumerate(self.by_value))
        everywhere = self.everywhere
        matches = []
        for start, row in enumerate(rows):
            for column, index in columns:
                found = index.get(row[column])
                if found is None:
                    continue
                alone, checked = found
                for key, match_id in alone:
                    matches.append((key, match_id, start, start + 1))
                for entry in checked:
                    if _passes(entry, rows, doc, start, n):
                        matches.append((entry.key, entry.match_id, start, start + entry.length))
            for entry in everywhere:
                if _passes(entry, rows, doc, start, n):
                    matches.append((entry.key, entry.match_id, start, start + entry.length))
        return sorted(set(matches))  # the Matcher reports a rule's match of a span once, whatever its patterns


def _passes(entry: _Pattern, rows: list[list[int]], doc: Doc, start: int, n: int) -> bool:
    if start + entry.length > n:
        return False
    for offset, test in entry.tests:
        if not test(rows[start + offset], doc, start + offset):
            return False
    return True


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Match ``nlp``'s attribute ruler through :class:`IndexedAttributeRules`; False if kept as it was."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        indexed = IndexedAttributeRules(ruler)
    except UnsupportedRule:
        return False
    ruler.match = indexed.match  # __call__ reads self.match; set_annotations is the ruler's own
    return True
