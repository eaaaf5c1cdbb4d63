"""Entity confidence: how likely an article entity (its type, and its link where it has one) is right.

A small logistic model over evidence read while linking: the entity's type, whether the gazetteer
agrees (a link), how many mentions and name words it has, person-name evidence (a title, a known
first name, a country the text or the leaders table gives the person), a place that is a country,
state or capital, and junk-likeness (a generic government word, a name in capitals).  The coefficients
live in ``resources/entity_confidence.json``, fitted by ``scripts/train_entity_confidence.py`` on
the re3d training documents (never on the real-news dev pages); without that file every
confidence is None (counts as 1.0).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from ...model import Entity
from ..knowledge.gazetteer import get_gazetteer
from ..knowledge.lexicon import GENERIC_ORG_WORDS, GIVEN_NAMES, ORG_HEAD_WORDS

__all__ = [
    "FEATURES",
    "ORG_FEATURES",
    "STATE_GOVERNMENT_CONFIDENCE",
    "entity_confidence",
    "entity_features",
    "is_state_government",
]

FEATURES = (
    "bias", "person", "org", "place", "norp", "linked", "log_mentions", "multiword", "person_full_name",
    "person_titled", "person_given_name", "org_head_word", "generic_word", "all_caps", "person_single_word",
    "place_linked", "org_linked", "person_country", "place_state",
)  # fmt: skip
# Evidence that only an organisation carries, fitted in a second stage on top of FEATURES (so the
# people's and places' confidences do not move when it changes): see scripts/train_entity_confidence.py.
ORG_FEATURES = ("org_multiword", "org_proper_name", "acronym_expanded")
# Small words a proper name may keep in lower case ("Bank of England", "Friends of the Earth").
_NAME_LOWER_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "la", "&"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# The most "the Government" or "the French Government" is worth as an organisation: it is the state
# itself acting, which the project counts as the place (a country acting as a government stays a
# place), so it is kept in the store but hidden by default (MIN_CONFIDENCE).  re3d labels "the
# Government" an organisation, so the fitted model alone rates it as high as a named body.
STATE_GOVERNMENT_CONFIDENCE = 0.4
_STATE_WORDS = frozenset({"government", "the", "of"})
_COUNTRY_KINDS = frozenset({"country", "nationality"})
_STATE_KINDS = frozenset({"country", "admin1", "continent"})


def is_state_government(ent: Entity) -> bool:
    """Whether an ORG is a state's government named by a generic word and at most its country:
    "Government", "the UK Government", "Government of Chile" (not "Ministry of Finance")."""
    if ent.type != "ORG":
        return False
    words = [w.strip(".,'’") for w in ent.name.split()]
    if "government" not in (w.lower() for w in words):
        return False
    rest = [w for w in words if w.lower() not in _STATE_WORDS]
    return not rest or any(p.kind in _COUNTRY_KINDS for p in get_gazetteer().lookup(" ".join(rest)))


def _is_state(place_id: str | None) -> bool:
    place = get_gazetteer().get(place_id) if place_id else None
    return place is not None and (place.kind in _STATE_KINDS or "C" in place.flags)


def entity_features(ent: Entity) -> dict[str, float]:
    """The evidence features of ``ent`` (names as in :data:`FEATURES`)."""
    words = ent.name.split()
    lower = [w.lower().strip(".,'’") for w in words]
    person, org, place = ent.type == "PERSON", ent.type == "ORG", ent.type in _PLACE_TYPES
    linked = bool(ent.gazetteer_id)
    return {
        "bias": 1.0,
        "person": float(person),
        "org": float(org),
        "place": float(place),
        "norp": float(ent.type == "NORP"),
        "linked": float(linked),
        "log_mentions": math.log1p(len(ent.mentions)),
        "multiword": float(len(words) > 1),
        "person_full_name": float(person and len(words) > 1),
        "person_titled": float(person and bool(ent.titles)),
        "person_given_name": float(person and bool(lower) and lower[0] in GIVEN_NAMES),
        "org_head_word": float(len(lower) > 1 and any(w in ORG_HEAD_WORDS for w in lower)),  # "X Bank", not "Bank"
        "generic_word": float(len(lower) == 1 and lower[0] in GENERIC_ORG_WORDS),
        "all_caps": float(ent.name.isupper()),
        "person_single_word": float(person and len(words) == 1),
        "place_linked": float(place and linked),
        "org_linked": float(org and linked),
        # a person the text or the leaders table ties to a country ("Russian President X", a head of state)
        "person_country": float(person and bool(ent.country)),
        # a place linked to a country, state or province, or a capital: names a reader rarely mistakes
        "place_state": float(place and linked and _is_state(ent.gazetteer_id)),
        # a named body: several words, each capitalised but small words ("Friends of the Earth"), not
        # a generic phrase in capitals nor a run of lower-case words the model took for a name
        "org_multiword": float(org and len(words) > 1),
        "org_proper_name": float(
            org
            and len(words) > 1
            and not ent.name.isupper()
            and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_LOWER_WORDS for w in words)
        ),  # fmt: skip
        # a body's acronym the article also spells out ("the Harbour Authority (HA)"): aliases hold both
        "acronym_expanded": float(
            org
            and any(a.isupper() for a in [ent.name, *ent.aliases])
            and any(len(a.split()) > 1 for a in [ent.name, *ent.aliases])
        ),
    }


@lru_cache(maxsize=1)
def _coefficients() -> dict[str, float] | None:
    path = resources.files("newsgraph.resources").joinpath("entity_confidence.json")
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["coefficients"]


def entity_confidence(ent: Entity) -> float | None:
    """The calibrated probability that ``ent`` is right, or None without a fitted model."""
    weights = _coefficients()
    if weights is None:
        return None
    z = sum(weights.get(k, 0.0) * v for k, v in entity_features(ent).items())
    confidence = round(1.0 / (1.0 + math.exp(-z)), 3)
    return min(confidence, STATE_GOVERNMENT_CONFIDENCE) if is_state_government(ent) else confidence
