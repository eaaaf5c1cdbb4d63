"""Timeline bins robust to outlying dates (web/timeline.py)."""

from __future__ import annotations

from newsgraph.web.timeline import MAX_BINS, timeline_bins


def rows(*items):
    return [{"day": d, "dated_by": k, "n": n} for d, k, n in items]


def test_one_1841_date_does_not_hide_a_2023_corpus():
    data = rows(("1841-03-01", "event", 1), ("2023-01-10", "event", 3), ("2023-04-02", "published", 2),
                ("2023-09-30", "event", 4))  # fmt: skip
    t = timeline_bins(data)
    assert t["unit"] == "month" and t["bins"][0]["key"] == "2023-01" and t["bins"][-1]["key"] == "2023-09"
    assert len(t["bins"]) == 9
    assert t["outside"] == [{"day": "1841-03-01", "dated_by": "event", "n": 1}]
    assert (t["total"], t["shown"]) == (10, 9)
    april = next(b for b in t["bins"] if b["key"] == "2023-04")
    assert (april["event"], april["published"], april["n"]) == (0, 2, 2)


def test_a_heavy_old_cluster_keeps_its_place_when_within_the_span():
    t = timeline_bins(rows(("2001-05-01", "event", 5), ("2023-02-01", "event", 6)))
    assert (
        t["unit"] == "month"
        and t["outside"] == []
        and (t["bins"][0]["key"], t["bins"][-1]["key"]) == ("2001-05", "2023-02")
    )
    wide = timeline_bins(
        rows(("1960-05-01", "event", 5), ("2023-02-01", "event", 6))
    )  # too far apart: the heavier wins
    assert wide["bins"][0]["key"] == "2023-02-01" and wide["outside"][0]["day"] == "1960-05-01"


def test_short_ranges_are_daily_and_bins_are_contiguous():
    t = timeline_bins(rows(("2024-02-20", "event", 2), ("2024-02-23", "published", 1)))
    assert t["unit"] == "day" and [b["key"] for b in t["bins"]] == [
        "2024-02-20",
        "2024-02-21",
        "2024-02-22",
        "2024-02-23",
    ]


def test_bins_are_bounded_and_malformed_days_ignored():
    data = rows(*[(f"{y}-01-01", "event", 1) for y in range(1000, 2024, 4)], ("garbage", "event", 5), ("", "event", 1),
                ("2023-13-40", "event", 1))  # fmt: skip
    t = timeline_bins(data)
    assert 0 < len(t["bins"]) <= MAX_BINS and t["total"] == 256
    assert timeline_bins([]) == {"unit": "day", "bins": [], "outside": [], "total": 0, "shown": 0}
