"""Property-test helpers for offset maps: generated wrapped articles and the invariants every
cleaned text must keep (used by the readers and reliability tests)."""

from __future__ import annotations

from hypothesis import strategies as st

from newsgraph.readers.repair import RepairOptions, repair_text

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
