"""Property tests: every clean character of ``repair_text`` maps back to the same raw character."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.ingest.decoding import fix_mojibake
from newsgraph.ingest.document import OffsetMap
from newsgraph.ingest.repair import RepairOptions, repair_text

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.one_of(
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=4, max_size=12),
    st.text("abcdefghij", min_size=1, max_size=6).map(str.capitalize),
    st.sampled_from(["US", "NATO", "pro-Western", "long-planned", "2014", "$50", "“quoted”", "e.g."]),
)
enders = st.sampled_from(["", ".", ",", ":", "?", ".”", " said:"])


@st.composite
def wrapped_articles(draw) -> str:
    """A PDF-extract-like text: wrapped paragraphs with the usual extraction damage."""
    width = draw(st.integers(30, 100))
    out: list[str] = []
    if draw(st.booleans()):
        out += [draw(st.text("ABCDEFG abcdefg", min_size=3, max_size=30)).strip() or "Title", ""]
    for _ in range(draw(st.integers(1, 6))):
        para = " ".join(draw(st.lists(words, min_size=8, max_size=60))) + draw(enders)
        lines, line = [], ""
        for word in para.split(" "):
            if line and len(line) + 1 + len(word) > width:
                if draw(st.integers(0, 2)) == 0 and len(word) > 1:  # a broken word
                    cut = draw(st.integers(1, len(word) - 1))
                    line += " " + word[:cut] + "-"
                    word = word[cut:]
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        for i, text in enumerate(lines):
            damage = draw(st.integers(0, 12))
            if damage == 0:
                text = " " + text  # a page start
            elif damage == 1:
                text = text.replace(" ", "\t", 1)
            elif damage == 2:
                text = text.replace(" ", "\u00a0 ", 1)
            if i == len(lines) - 1 and len(lines) > 1 and draw(st.booleans()):
                out.append("")  # the extractor's blank line before a last line
            out.append(text)
            if damage == 3:
                out += ["", draw(st.sampled_from(["Page 2", "3", "- 4 -", "5 of 9", "THE LEDGER"])), ""]
            elif damage == 4:
                out.append("\f")
        out.append("")
    return "\n".join(out)


def check_invariants(raw: str, options: RepairOptions | None = None) -> None:
    result = repair_text(raw, options)
    text, offsets = result.text, result.offsets
    assert offsets.clean_length == len(text)
    mapped = []
    for i, char in enumerate(text):
        if char.isspace():
            continue
        src = offsets.to_source(i)
        assert raw[src] == char, (i, char, src)
        mapped.append(src)
    assert all(a < b for a, b in zip(mapped, mapped[1:])), "mapped positions must increase"
    # Nothing but furniture and line-end hyphens may be lost.
    dropped = set(result.dropped_hyphens)
    for span in result.removed:
        assert raw[span.start : span.end] == span.text
        dropped.update(range(span.start, span.end))
    for pos in result.dropped_hyphens:
        assert raw[pos] == "-"
    kept = set(mapped)
    lost = [p for p, c in enumerate(raw) if not c.isspace() and p not in kept and p not in dropped]
    assert not lost, [raw[p] for p in lost]
    for para in result.paragraphs:
        chunk = text[para.start : para.end]
        assert chunk and chunk == chunk.strip() and "\n" not in chunk
    assert "\n\n".join(text[p.start : p.end] for p in result.paragraphs) == text


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
    again = OffsetMap.from_json(original.to_json(), original.clean_length, original.source_length)
    assert [again.to_source(i) for i in range(len(positions))] == [
        original.to_source(i) for i in range(len(positions))
    ]
