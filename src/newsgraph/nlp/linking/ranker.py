"""A learned ranker over a toponym's gazetteer candidates (issue 12).

After the rules (:meth:`~.places.PlaceResolver.resolve_by_context` and
:meth:`~.places.PlaceResolver.disambiguate`) have picked a place for every cluster, each place
cluster whose name the gazetteer gives several towns, counties, states or countries is scored
candidate by candidate with a small logistic model, and the best-scoring candidate wins.  The
rules' context is read as features, not as a second resolver: the rules' own pick is one
feature ("default"), a ", Region" qualifier or dateline naming the candidate's state or country
another, distance and admin agreement with the article's other places more, and whether the candidate
lies in the outlet's home country (read from the document's URL or site name: weak context, only
where the article's other places name no other country).

The model is a dozen coefficients in ``resources/place_ranker.json``, fitted by
``scripts/train_place_ranker.py`` on GeoWebNews; without that file the rules' pick stands.
Features are cheap (one gazetteer lookup per cluster, a few distances per candidate).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from ..extensions import doc_text
from ..knowledge.gazetteer import nearest_km
from ..knowledge.lexicon import collapse_spaces, normalize_name
from .mentions import MentionCluster

__all__ = ["FEATURES", "PlaceRanker", "candidate_features", "ranker_weights"]

FEATURES = (
    "bias", "default", "log_population", "capital", "country", "admin1", "admin2", "primary_name",
    "gazetteer_first", "qualified", "near_other", "far_other", "same_admin", "same_country", "state_cue",
    "home_country",
)  # fmt: skip
RANKED_KINDS = ("city", "admin1", "admin2", "country")
# Shared with the rules in :mod:`.places` (which import them from here: places imports this module)
MAX_CANDIDATES = 12  # same-named gazetteer places weighed for one name
NEAR_KM = 400  # a same-named place this close to another place in the article is the one meant


@lru_cache(maxsize=1)
def ranker_weights() -> dict[str, float] | None:
    """The packaged coefficients (feature -> weight), or None when the file is absent."""
    path = resources.files("newsgraph").joinpath("resources", "place_ranker.json")
    if not path.is_file():
        return None
    return json.loads(path.read_text("utf-8"))["coefficients"]


def candidate_features(q, *, default, first, key: str, codes: set[str], countries: set[str], others: list,
                       other_codes: set[str], other_countries: set[str], state_cue: bool,
                       home: str | None = None) -> list[float]:  # fmt: skip
    """The feature row (in :data:`FEATURES` order) of candidate ``q`` of a cluster whose rules' pick
    is ``default`` and whose name's normalised key is ``key``.  ``codes``/``countries``: what the
    cluster's ", Region" qualifiers name; ``others``: points (lat, lon) of the article's other
    places; ``other_codes``/``other_countries``: their admin1 codes and countries; ``home``: the
    outlet's home country (:mod:`~newsgraph.nlp.knowledge.outlets`), None when nothing tells it or
    the article's other places are in another country."""
    km = nearest_km(q.lat, q.lon, others)
    qualified = (q.kind != "admin1" and q.admin in codes) or (q.kind != "country" and q.country in countries)
    return [
        1.0,
        float(q.id == default.id),
        math.log10(1 + q.population) / 7,
        float("C" in q.flags),
        float(q.kind == "country"),
        float(q.kind == "admin1"),
        float(q.kind == "admin2"),
        float(normalize_name(q.name) == key),
        float(q.id == first.id),
        float(bool(qualified)),
        float(km is not None and km <= NEAR_KM),
        0.0 if km is None else min(1.0, math.log10(1 + km) / 4.3),
        float(q.admin is not None and q.admin in other_codes),
        float(q.country is not None and q.country in other_countries),
        float(state_cue and q.kind == "admin1"),
        float(home is not None and q.country == home),
    ]


class PlaceRanker:
    """Re-picks place clusters by the fitted model; see the module docstring.

    ``weights`` is loaded on first use (None: no file, the rules' pick stands); the training script
    sets it per cross-validation fold and sets ``log`` to a list to collect every cluster's
    candidates and feature rows."""

    def __init__(self) -> None:
        self.weights: dict[str, float] | None | bool = False  # False: not loaded yet
        self.log: list[dict] | None = None

    def rank(self, resolver, clusters: list[MentionCluster], doc: Doc, state_cue) -> None:
        """Score each place cluster's candidates; ``resolver`` is the linker's PlaceResolver,
        ``state_cue(text, mention)`` says whether the text reads a mention as a state."""
        if self.weights is False:
            self.weights = ranker_weights()
        if (not self.weights and self.log is None) or resolver.gazetteer is None:
            return
        placed = [(c, resolver.place(c.kb)) for c in clusters if c.kb and c.mentions]
        placed = [(c, p) for c, p in placed if p is not None and p.kind != "org"]
        text = doc_text(doc)
        for c, p in placed:
            if p.kind not in RANKED_KINDS or c.label == "PERSON" or any(m.actor_capital for m in c.mentions):
                continue
            if id(c) in resolver.regions_read:
                # "eastern Washington": the text said which; distances to other places may not undo it.  Not
                # logged either, so the training rows are the clusters the runtime ranks
                continue
            key = normalize_name(collapse_spaces(c.mentions[0].text))
            found = resolver.gazetteer.lookup_key(key, include_alternate=False)[: MAX_CANDIDATES * 4]
            candidates = [q for q in found if q.kind in RANKED_KINDS and q.lat is not None][:MAX_CANDIDATES]
            if p.lat is None:
                continue
            if p not in candidates:
                candidates.append(p)
            if len(candidates) < 2:
                continue
            codes: set[str] = set()
            countries: set[str] = set()
            for m in c.mentions:
                more_codes, more_countries = resolver.qualifier(text, m.end_char)
                codes |= more_codes
                countries |= more_countries
            others = [q for d, q in placed if d is not c]
            context = dict(
                default=p, first=candidates[0], key=key, codes=codes, countries=countries,
                others=[(q.lat, q.lon) for q in others if q.lat is not None and q.kind != "nationality"],
                other_codes={q.admin for q in others if q.admin and q.kind != "country"},
                other_countries={q.country for q in others if q.country},
                state_cue=any(state_cue(text, m) for m in c.mentions),
            )  # fmt: skip
            # weak context: the outlet's home counts only where the article's other places name no other
            # country ("Perth" in a British paper's story from Australia is Perth, Australia)
            context["home"] = resolver.home if not context["other_countries"] - {resolver.home} else None
            rows = [candidate_features(q, **context) for q in candidates]
            if self.log is not None:
                self.log.append({
                    "text_hash": hash(text), "spans": [(m.start_char, m.end_char) for m in c.mentions],
                    "candidates": [(q.id, q.lat, q.lon) for q in candidates], "x": rows,
                })  # fmt: skip
            if not self.weights:
                continue
            w = [self.weights.get(f, 0.0) for f in FEATURES]
            scores = [sum(a * b for a, b in zip(w, row)) for row in rows]
            best = candidates[max(range(len(candidates)), key=scores.__getitem__)]
            if best.id != c.kb:
                c.kb = best.id
                for m in c.mentions:
                    m.kb = best.id
