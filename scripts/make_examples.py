"""Regenerate the layout-damaged examples from clean source paragraphs.

`examples/txt/baltic-exercise-extracted.txt` imitates text pulled out of a PDF:
lines wrapped at about 90 characters, a blank line dropped in before the last
line of most paragraphs, a leading space at each page start, a word hyphenated
across a line break, and block quotes introduced by "... wrote:".
`examples/pdf/grain-corridor-talks.pdf` is a real two-page PDF with a text layer.

Run: .venv/bin/python scripts/make_examples.py
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
sys.path.insert(0, str(REPO / "tests"))  # the hand-written PDF builder the tests use

from pdf_builder import text_pdf  # noqa: E402

BALTIC_TITLE = ["NATO begins largest Baltic exercise in years as", "Moscow warns of response"]
BALTIC = [
    "On Monday, NATO launched its largest naval exercise in the Baltic Sea in a decade, sending "
    "more than 40 warships and 9,000 troops into waters off Estonia, Latvia and the Russian "
    "exclave of Kaliningrad, according to the alliance's maritime command.",
    "The exercise, code-named Amber Shield, comes a month after Finland and Sweden accused "
    "Russia of jamming satellite navigation signals over the Gulf of Finland, and as Lithuania "
    "tightened checks on rail freight crossing its territory to and from Kaliningrad.",
    "Russian Defence Minister Andrei Volkov said on Tuesday that Moscow would treat any attempt "
    'to restrict shipping to the exclave as a hostile act. "We will not allow anyone to put '
    'Kaliningrad under siege. Our response will be proportionate, but it will be felt," Volkov '
    "told the state news agency.",
    "Writing in the Baltic Times, the Estonian defence analyst Kadri Tamm argued that the "
    "alliance had spent years neglecting its northern flank. She wrote:",
    "For a decade we planned for a crisis that would arrive by land, across the plains. The "
    "threat that has actually materialised is at sea and in the air, and it is cheap, deniable "
    "and constant. Our navies are still counting hulls when they should be counting sensors.",
    "Tamm also pointed to the Narva crossing on the Estonian-Russian border, where queues of "
    "lorries now stretch for several kilometres because of extended inspec" + "\u00ad" + "tions.",
    "Rear Admiral Henrik Lund, who commands the exercise, rejected the Russian criticism. "
    '"Every ship taking part is in international waters or in allied ports. There is nothing '
    'secret and nothing provocative about training together," Lund said.',
    "Volkov was unmoved. In a post on the ministry's channel, he wrote:",
    "The so-called exercise is a rehearsal for a blockade, and everyone in the region knows it. "
    "Russia has the means to protect its citizens wherever they live.",
    "The exercise is due to end on June 21. Its organisers said it would cost about $85 million.",
]


def wrap_like_a_pdf(title: list[str], paragraphs: list[str], width: int = 90, page_lines: int = 22) -> str:
    """Hard-wrap paragraphs and add the damage a PDF text extractor typically does."""
    lines: list[str] = list(title) + [""]
    for n, para in enumerate(paragraphs):
        wrapped = textwrap.wrap(para, width=width, break_on_hyphens=False)
        wrapped = [w.replace("\u00ad", "-\n") for w in wrapped]  # soft hyphen: break the word here
        wrapped = "\n".join(wrapped).split("\n")
        if len(wrapped) > 2 and n % 3 != 1:
            # the extractor's favourite mistake: a blank line before the paragraph's last line
            wrapped = wrapped[:-1] + [""] + wrapped[-1:]
        lines.extend(wrapped + [""])
    # A new page every `page_lines` lines: the extractor marks it with a leading space.
    for i in range(page_lines, len(lines), page_lines):
        if lines[i]:
            lines[i] = " " + lines[i]
    return "\n".join(lines) + "\n"


GRAIN_TITLE = "Turkey hosts new round of Black Sea grain corridor talks"
GRAIN = [
    "ISTANBUL, Aug. 2 (Newsgraph Wire) - Turkish, Ukrainian and United Nations officials met in "
    "Istanbul on Wednesday to discuss reopening a shipping corridor for grain exports from the "
    "Ukrainian ports of Odesa and Chornomorsk, two months after the previous arrangement collapsed.",
    'Turkish Foreign Minister Kemal Aydin said the talks had been "constructive" and that a '
    'technical team would meet again next week. "Nobody gains when ships sit empty while '
    'people in Africa and Asia pay more for bread," Aydin told reporters after the meeting.',
    "Ukraine exported about 33 million tonnes of grain and oilseeds through the corridor before "
    "it was suspended in July. Ukrainian Deputy Agriculture Minister Olena Hrytsenko said Kyiv "
    "was ready to resume shipments within days of an agreement.",
    "Russia, which did not attend the meeting, has demanded that Western countries lift "
    "restrictions on its own fertiliser and food exports before any new deal. Kremlin spokesman "
    'Dmitri Orlov said on Thursday that Moscow had "seen no proposals worth discussing."',
    "World food prices rose 4 percent in the month after the suspension, according to the UN "
    "Food and Agriculture Organization, which warned that importers in East Africa and the "
    "Middle East would feel the effects most.",
    "Insurance costs for ships calling at Odesa have tripled since June, shipping brokers said, "
    "and at least 12 vessels remain anchored off the Bosphorus awaiting instructions.",
]


def main() -> None:
    text = wrap_like_a_pdf(BALTIC_TITLE, BALTIC)
    (EXAMPLES / "txt" / "baltic-exercise-extracted.txt").write_text(text, encoding="utf-8")
    lines = [GRAIN_TITLE, ""]
    for para in GRAIN:
        lines += textwrap.wrap(para, width=88) + [""]
    half = len(lines) // 2
    pdf = text_pdf([lines[:half], lines[half:]], header="Newsgraph Wire - World Service", page_numbers=True)
    (EXAMPLES / "pdf" / "grain-corridor-talks.pdf").write_bytes(pdf)


if __name__ == "__main__":
    main()
