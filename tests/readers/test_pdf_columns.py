"""PDF pages set in columns are read down each column, not across the page."""

from __future__ import annotations

import time
from dataclasses import dataclass

from newsgraph.readers import ReadOptions, iter_documents
from newsgraph.readers.columns import reading_order
from support.pdf_builder import columns_pdf

LEFT = [
    "The harbour board of Portmere met on Monday",
    "to hear the dockers and their union, who",
    "asked for the third night shift to end.",
    "",
    "Ines Varga, who speaks for the union, said",
    "the shift had doubled the accidents on the",
    "quay since it began in the autumn.",
    "",
    "The board said it would give its answer",
]
RIGHT = [
    "at its next meeting, in the first week of",
    "May, after hearing the shipping firms.",
    "",
    "The firms said the extra shift had halved",
    "the time ships wait for a berth, and that",
    "they would pay for more cranes instead.",
    "",
    "The union said it would wait for May and",
    "then decide whether to strike again.",
]


def words(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def test_a_two_column_page_is_read_column_by_column(tmp_path):
    pdf = tmp_path / "columns.pdf"
    pdf.write_bytes(columns_pdf([LEFT, RIGHT], headline="Dockers ask the board to end night shifts"))
    (document,) = iter_documents([str(pdf)], ReadOptions(isolate=False))
    text = " ".join(document.text.split())
    assert text.startswith("Dockers ask the board to end night shifts")
    assert words(LEFT) + " " + words(RIGHT) in text  # no paragraph of one column between two of the other


def test_columns_written_whole_read_the_same(tmp_path):
    pdf = tmp_path / "columns.pdf"
    pdf.write_bytes(columns_pdf([LEFT, RIGHT], row_order=False))
    (document,) = iter_documents([str(pdf)], ReadOptions(isolate=False))
    assert words(LEFT) + " " + words(RIGHT) in " ".join(document.text.split())


@dataclass
class Block:
    name: str
    x0: float
    y0: float
    x1: float
    y1: float


def names(blocks: list[Block]) -> list[str]:
    return [b.name for b in reading_order(blocks)]


def test_a_one_column_page_keeps_its_order_and_reads_a_row_left_to_right():
    page = [
        Block("body 2", 72, 500, 540, 600),
        Block("title", 200, 770, 400, 780),
        Block("body 1", 72, 610, 540, 700),
        Block("printed at", 20, 770, 120, 780),
        Block("url", 20, 10, 300, 20),
        Block("last line", 72, 480, 200, 492),
        Block("2/5", 560, 10, 580, 20),
    ]
    assert names(page) == ["printed at", "title", "body 1", "body 2", "last line", "url", "2/5"]


def test_three_columns_under_a_headline_over_two_of_them():
    page = [
        Block("c1", 390, 600, 530, 720),
        Block("a2", 54, 450, 194, 580),
        Block("b1", 222, 600, 362, 720),
        Block("headline", 54, 735, 300, 760),
        Block("a1", 54, 600, 194, 720),
        Block("b2", 222, 450, 362, 580),
        Block("c2", 390, 450, 530, 580),
    ]
    assert names(page) == ["headline", "a1", "a2", "b1", "b2", "c1", "c2"]


def test_ten_thousand_blocks_in_a_staircase_are_ordered_quickly():
    stairs = [Block(str(n), n, 20_000 - n, n + 1.5, 20_001.5 - n) for n in range(10_000)]
    started = time.monotonic()
    assert len(reading_order(stairs)) == 10_000
    assert time.monotonic() - started < 5
