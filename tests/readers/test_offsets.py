"""Property tests: every clean character of ``repair_text`` maps back to the same raw character."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import OffsetMap
from newsgraph.readers.decoding import fix_mojibake
from newsgraph.readers.repair import RepairOptions
from support.offsets import check_invariants, wrapped_articles

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(wrapped_articles())
def test_wrapped_articles_map_back(raw: str) -> None:
    check_invariants(raw)


@SETTINGS
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_maps_back(raw: str) -> None:
    check_invariants(raw)
    check_invariants(raw, RepairOptions(wrapped=True))


@SETTINGS
@given(st.lists(st.sampled_from(["word", "Word", "-", " ", "\n", "\n\n", "\f", "\t", "3", ".", ":"]), max_size=80))
def test_layout_tokens_map_back(tokens: list[str]) -> None:
    raw = "".join(tokens)
    check_invariants(raw)
    check_invariants(raw, RepairOptions(wrapped=True))


@SETTINGS
@given(
    st.text(alphabet="abc â€™Ã©\n", max_size=200),
)
def test_mojibake_map_covers_every_character(raw: str) -> None:
    fixed, fix_map = fix_mojibake(raw)
    assert fix_map.clean_length == len(fixed) and fix_map.source_length == len(raw)
    positions = [fix_map.to_source(i) for i in range(len(fixed))]
    assert positions == sorted(positions)
    assert all(0 <= p <= len(raw) for p in positions)


@SETTINGS
@given(st.lists(st.integers(-1, 50), max_size=60), st.lists(st.integers(-1, 80), max_size=60))
def test_compose_matches_characterwise_composition(outer_pos: list[int], inner_pos: list[int]) -> None:
    outer = OffsetMap.from_positions(outer_pos, len(inner_pos))
    inner = OffsetMap.from_positions(inner_pos, 81)
    composed = outer.compose(inner)
    for c, mid in enumerate(outer_pos):
        if 0 <= mid < len(inner_pos) and inner_pos[mid] >= 0:
            assert composed.to_source(c) == inner_pos[mid]
    assert composed.clean_length == len(outer_pos) and composed.source_length == 81


@SETTINGS
@given(st.lists(st.integers(-1, 100), max_size=60))
def test_json_round_trip(positions: list[int]) -> None:
    original = OffsetMap.from_positions(positions, 101)
    again = OffsetMap.from_json(original.to_json())
    assert [again.to_source(i) for i in range(len(positions))] == [original.to_source(i) for i in range(len(positions))]
