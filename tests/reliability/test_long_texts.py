"""Long articles: the model sees bounded batches, and our components stay near-linear.

The model runs over chunks of ``chunk_chars`` characters in batches of at most
``batch_chars`` characters.  The word limit (``ReadOptions.max_words``, E022) that
bounds everything else is tested with the hostile files in
tests/readers/test_hostile_files.py; time and memory of a 1 MB article are measured
by bench/bench_long_text.py (docs/performance.md, "Long texts").
"""

from __future__ import annotations

from newsgraph.nlp.pipeline import batches_by_size


def test_model_batches_are_bounded_in_characters_as_well_as_in_chunks():
    chunks = [("x" * 20_000, 0)] * 7 + [("short", 1)] * 40 + [("y" * 90_000, 2)]
    batches = list(batches_by_size(iter(chunks), 32, 60_000))
    assert [item for batch in batches for item in batch] == chunks
    assert [len(b) for b in batches] == [3, 3, 32, 9, 1]
    assert all(sum(len(t) for t, _ in b) <= 60_000 for b in batches if len(b) > 1)


def test_quote_overlap_with_thousands_of_quotes_is_not_quadratic():
    """A 1 MB article has ~5,000 quotes and as many speech cues; each cue's overlap with the
    quotes is a bisection, not a scan (the scan took 10 s of the article's 70)."""
    import random
    import time

    from newsgraph.nlp.quotes.component import TakenRanges

    rng = random.Random(7)
    ranges = [(s, s + rng.randint(1, 400)) for s in (rng.randint(0, 1_000_000) for _ in range(5_000))]
    taken = TakenRanges(ranges)
    spans = [(s, s + rng.randint(3, 300)) for s in (rng.randint(0, 1_000_000) for _ in range(5_000))]
    for start, end in spans[:300]:  # the same answers as summing over every range
        naive = sum(max(0, min(end, e) - max(start, s)) for s, e in ranges) / max(1, end - start)
        assert taken.overlap_ratio(start, end) == naive
    started = time.perf_counter()
    for start, end in spans:
        taken.overlap_ratio(start, end)
    assert time.perf_counter() - started < 0.5
