"""Shared scoring helpers: span matching, precision/recall/F1, distances.

Spans are plain tuples ``(doc, start, end, label)``: ``doc`` is any hashable
document key, ``label`` a type name or ``None`` for untyped scoring.

Two matching modes:

- ``"strict"``: same document, same offsets (and same label when typed);
- ``"overlap"``: same document, at least one shared character (and same label).

Overlap matching is not one-to-one, as is usual for relaxed NER scores:
precision counts the predictions that overlap some gold span, recall counts the
gold spans that some prediction overlaps.  With strict matching both counts are
the size of the intersection.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "SpanT",
    "PRF",
    "MatchResult",
    "overlaps",
    "overlap_chars",
    "match_spans",
    "per_label",
    "prf",
    "safe_div",
    "haversine_km",
    "median",
    "EARTH_HALF_CIRCUMFERENCE_KM",
]

SpanT = tuple[Hashable, int, int, "str | None"]

# Error given to a toponym we found but could not place on the map (the largest
# possible great-circle distance), as in Gritta et al. 2019.
EARTH_HALF_CIRCUMFERENCE_KM = 20_037.5


def safe_div(a: float, b: float) -> float:
    return a / b if b else 0.0


@dataclass
class PRF:
    """Counts behind precision, recall and F1.

    ``pred_matched`` of ``n_pred`` predictions are correct; ``gold_matched`` of
    ``n_gold`` gold items were found.  (They differ only for overlap matching.)
    """

    pred_matched: int = 0
    n_pred: int = 0
    gold_matched: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return safe_div(self.pred_matched, self.n_pred)

    @property
    def recall(self) -> float:
        return safe_div(self.gold_matched, self.n_gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return safe_div(2 * p * r, p + r)

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.pred_matched + other.pred_matched,
            self.n_pred + other.n_pred,
            self.gold_matched + other.gold_matched,
            self.n_gold + other.n_gold,
        )

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "pred_matched": self.pred_matched,
            "n_pred": self.n_pred,
            "gold_matched": self.gold_matched,
            "n_gold": self.n_gold,
        }


def prf(tp: int, fp: int, fn: int) -> PRF:
    """A :class:`PRF` from one-to-one counts (true/false positives, false negatives)."""
    return PRF(tp, tp + fp, tp, tp + fn)


@dataclass
class MatchResult:
    prf: PRF
    missed: list[SpanT] = field(default_factory=list)  # gold spans no prediction matched
    false_positives: list[SpanT] = field(default_factory=list)  # predictions matching no gold


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Do the half-open spans share at least one character?"""
    return a_start < b_end and b_start < a_end


def overlap_chars(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _dedupe(spans: Iterable[SpanT]) -> list[SpanT]:
    return sorted(set(spans), key=lambda s: (str(s[0]), s[1], s[2], str(s[3])))


def match_spans(gold: Iterable[SpanT], pred: Iterable[SpanT], mode: str = "strict", typed: bool = True) -> MatchResult:
    """Score predicted spans against gold spans (duplicates are counted once)."""
    if mode not in ("strict", "overlap"):
        raise ValueError(f"unknown match mode {mode!r}")
    gold_l, pred_l = _dedupe(gold), _dedupe(pred)

    def key(s: SpanT):
        return (s[0], s[3]) if typed else (s[0],)

    if mode == "strict":
        strip = (lambda s: s) if typed else (lambda s: (s[0], s[1], s[2], None))
        gold_keys = {strip(s) for s in gold_l}
        pred_keys = {strip(s) for s in pred_l}
        missed = [s for s in gold_l if strip(s) not in pred_keys]
        fps = [s for s in pred_l if strip(s) not in gold_keys]
        gold_hit = len(gold_l) - len(missed)
        pred_hit = len(pred_l) - len(fps)
        return MatchResult(PRF(pred_hit, len(pred_l), gold_hit, len(gold_l)), missed, fps)

    gold_by: dict = defaultdict(list)
    for s in gold_l:
        gold_by[key(s)].append(s)
    pred_by: dict = defaultdict(list)
    for s in pred_l:
        pred_by[key(s)].append(s)
    gold_found: set = set()
    pred_ok: set = set()
    for k, preds in pred_by.items():
        golds = gold_by.get(k, [])
        for p in preds:
            for g in golds:
                if overlaps(p[1], p[2], g[1], g[2]):
                    pred_ok.add(p)
                    gold_found.add(g)
    missed = [s for s in gold_l if s not in gold_found]
    fps = [s for s in pred_l if s not in pred_ok]
    return MatchResult(PRF(len(pred_ok), len(pred_l), len(gold_found), len(gold_l)), missed, fps)


def per_label(
    gold: Iterable[SpanT], pred: Iterable[SpanT], mode: str = "strict", labels: Sequence[str] | None = None
) -> dict[str, PRF]:
    """Typed scores for each label (``labels``: those to report, default every gold or predicted label)."""
    gold_l, pred_l = list(gold), list(pred)
    if labels is None:
        labels = sorted({s[3] for s in gold_l} | {s[3] for s in pred_l}, key=str)
    out = {}
    for label in labels:
        out[label] = match_spans([s for s in gold_l if s[3] == label], [s for s in pred_l if s[3] == label], mode).prf
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (mean Earth radius 6371.0088 km)."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
