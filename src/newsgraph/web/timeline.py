"""Timeline bins from event counts per day, robust to outlying dates.

One event dated 1841 in a corpus of 2023 news must not stretch the axis over two
centuries (where 2023 is a hairline, or, as once, past a loop limit and not drawn
at all).  The days are split into clusters wherever a gap of more than
``GAP_YEARS`` years opens; the axis covers the heaviest cluster, widened by its
neighbours while the whole stays within ``SPAN_YEARS``.  What falls outside is
listed beside the chart, not dropped.  The unit (day, month, year, decade) is chosen
so that there are never more than ``MAX_BINS`` bars.

Each bar counts two things apart: events the text dates ("event") and events it
does not, placed at their article's publication date ("published").
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

__all__ = ["timeline_bins", "GAP_YEARS", "SPAN_YEARS", "MAX_BINS"]

GAP_YEARS = 5
SPAN_YEARS = 30
MAX_BINS = 400
SERIES = ("event", "published")


def _parse(day: str) -> date | None:
    parts = str(day or "")[:10].split("-")
    try:
        year, month, dom = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, dom)
    except (ValueError, IndexError):
        return None


def _clusters(days: list[date]) -> list[list[date]]:
    """Sorted distinct days split where consecutive ones are more than GAP_YEARS apart."""
    out: list[list[date]] = []
    for d in days:
        if out and (d - out[-1][-1]).days <= GAP_YEARS * 366:
            out[-1].append(d)
        else:
            out.append([d])
    return out


def _core(days: list[date], weight: Counter) -> tuple[date, date]:
    """The range the axis covers: the heaviest cluster (the latest on a tie), widened by
    whole neighbouring clusters, heavier first, while the span stays within SPAN_YEARS."""
    clusters = _clusters(days)
    mass = [sum(weight[d] for d in c) for c in clusters]
    i = max(range(len(clusters)), key=lambda k: (mass[k], k))
    lo = hi = i
    while True:
        options = [k for k in (lo - 1, hi + 1) if 0 <= k < len(clusters)]
        options = [k for k in options if (clusters[max(hi, k)][-1] - clusters[min(lo, k)][0]).days <= SPAN_YEARS * 366]
        if not options:
            break
        k = max(options, key=lambda k: mass[k])
        lo, hi = min(lo, k), max(hi, k)
    return clusters[lo][0], clusters[hi][-1]


def _bin_start(d: date, unit: str) -> date:
    if unit == "day":
        return d
    if unit == "month":
        return d.replace(day=1)
    if unit == "year":
        return date(d.year, 1, 1)
    return date(d.year - d.year % 10, 1, 1)


def _next(d: date, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=1)
    if unit == "month":
        return date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return date(d.year + (1 if unit == "year" else 10), 1, 1)


def _key(d: date, unit: str) -> str:
    return {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}.get(unit, f"{d.year}s")


def _unit(first: date, last: date) -> str:
    days = (last - first).days
    if days <= 92:
        return "day"
    if days / 30.4 <= MAX_BINS:
        return "month"
    return "year" if last.year - first.year < MAX_BINS else "decade"


def timeline_bins(rows: list[dict]) -> dict:
    """``rows``: ``{"day", "dated_by", "n"}`` as from ``Database.event_dates``.  Returns
    ``{"unit", "bins": [{"key", "from", "to", "event", "published", "n"}], "outside":
    [{"day", "dated_by", "n"}], "total", "shown"}``; bins are contiguous (empty ones included)."""
    counts: dict[str, Counter] = {s: Counter() for s in SERIES}
    for row in rows:
        d = _parse(row.get("day"))
        if d is not None and row.get("dated_by") in counts:
            counts[row["dated_by"]][d] += int(row.get("n") or 0)
    weight = counts["event"] + counts["published"]
    total = sum(weight.values())
    if not weight:
        return {"unit": "day", "bins": [], "outside": [], "total": 0, "shown": 0}
    first, last = _core(sorted(weight), weight)
    unit = _unit(first, last)
    bins, index = [], {}
    d = _bin_start(first, unit)
    while d <= last:  # bounded: _unit keeps the count of bins within MAX_BINS
        end = _next(d, unit)
        index[_key(d, unit)] = len(bins)
        bins.append({"key": _key(d, unit), "from": d.isoformat(), "to": (end - timedelta(days=1)).isoformat(),
                     "event": 0, "published": 0, "n": 0})  # fmt: skip
        d = end
    outside = []
    for series in SERIES:
        for day, n in sorted(counts[series].items()):
            if first <= day <= last:
                b = bins[index[_key(_bin_start(day, unit), unit)]]
                b[series] += n
                b["n"] += n
            else:
                outside.append({"day": day.isoformat(), "dated_by": series, "n": n})
    outside.sort(key=lambda o: o["day"])
    shown = total - sum(o["n"] for o in outside)
    return {"unit": unit, "bins": bins, "outside": outside, "total": total, "shown": shown}
