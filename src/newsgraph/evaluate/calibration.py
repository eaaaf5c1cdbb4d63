"""Calibration: does a fact's confidence say how often such facts are right?

Facts are put in confidence bins ([0, 0.2), [0.2, 0.4), ... [0.8, 1.0]) and each
bin's observed precision is set beside its range.  Two ways in: per-fact
``(confidence, correct)`` pairs where the scorer judges facts one by one (PolNeAR
speakers, PLOVER types), or counts at successive thresholds where a scorer only
gives totals (the real-news scorer): the facts in ``[t_i, t_{i+1})`` are those kept
at ``t_i`` but not at ``t_{i+1}``, and so are the right ones among them.

A bin of a few facts says little: beside each precision is its 95% Wilson score
interval, so a reader can tell a miscalibrated bin (the interval lies wholly more
than 0.1 away from the bin's range) from a small one (it reaches the range).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

from ..model.confidence import confidence_of

__all__ = [
    "EDGES",
    "Bin",
    "calibration_bins",
    "bins_from_thresholds",
    "calibration_markdown",
    "bins_to_dicts",
    "wilson_interval",
]

EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


@dataclass
class Bin:
    low: float
    high: float  # exclusive, except for the last bin, which ends at 1.0 inclusive
    n: int = 0
    right: int = 0

    @property
    def precision(self) -> float | None:
        return round(self.right / self.n, 3) if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson_interval(self.right, self.n)

    @property
    def label(self) -> str:
        closing = "]" if self.high >= 1.0 else ")"
        return f"[{self.low:.1f}, {self.high:.1f}{closing}"


def wilson_interval(right: int, n: int, z: float = 1.96) -> tuple[float, float] | None:
    """The Wilson score interval of ``right`` successes in ``n`` (95% at z = 1.96): unlike the
    normal approximation it stays inside [0, 1] and is honest for 0 of 7 or 12 of 13."""
    if n <= 0:
        return None
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3)


def _empty_bins(edges: tuple[float, ...]) -> list[Bin]:
    if list(edges) != sorted(edges) or len(edges) < 2:
        raise ValueError(f"bin edges must rise: {edges}")
    return [Bin(low, high) for low, high in zip(edges, edges[1:])]


def calibration_bins(pairs: Iterable[tuple[float | None, bool]], edges: tuple[float, ...] = EDGES) -> list[Bin]:
    """Bins of ``(confidence, correct)`` pairs; a confidence of None counts as 1.0."""
    bins = _empty_bins(edges)
    for confidence, correct in pairs:
        value = confidence_of({"confidence": confidence})
        for b in bins:
            if b.low <= value < b.high or (b is bins[-1] and value >= b.low):
                b.n += 1
                b.right += bool(correct)
                break
    return bins


def bins_from_thresholds(counts_at: Callable[[float], tuple[int, int]], edges: tuple[float, ...] = EDGES) -> list[Bin]:
    """Bins from ``counts_at(t) -> (n, right)``: how many facts are kept at threshold ``t``
    (confidence >= t) and how many of those are right."""
    bins = _empty_bins(edges)
    counts = [counts_at(low) for low in edges[:-1]] + [(0, 0)]  # nothing is above the last edge
    for i, b in enumerate(bins):
        (n, right), (n_next, right_next) = counts[i], counts[i + 1]
        b.n, b.right = n - n_next, right - right_next
    return bins


def bins_to_dicts(bins: list[Bin]) -> list[dict]:
    return [{**asdict(b), "precision": b.precision, "interval": b.interval} for b in bins]


def calibration_markdown(calibration: dict[str, list[dict]]) -> str:
    """One table: a row per bin, for each kind of fact its n and observed precision."""
    if not calibration:
        return ""
    kinds = list(calibration)
    header = "| confidence | " + " | ".join(f"{k} n | {k} precision (95% interval)" for k in kinds) + " |"
    rule = "|---|" + "---:|---:|" * len(kinds)
    lines = [header, rule]
    first = calibration[kinds[0]]
    for i, row in enumerate(first):
        label = Bin(row["low"], row["high"]).label
        cells = []
        for k in kinds:
            b = calibration[k][i]
            interval = b["interval"]
            shown = "—" if b["precision"] is None else f"{b['precision']:.3f} ({interval[0]:.2f}–{interval[1]:.2f})"
            cells += [f"{b['n']:,}", shown]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
