"""Builders for export files: a Nexis plain-text export of any number of articles.

The layout is Nexis's classic one (centred "N of M DOCUMENTS", outlet, date line,
headline, BYLINE/SECTION/LENGTH, body, LOAD-DATE/LANGUAGE, copyright footer);
the words are ours.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NexisArticle", "nexis_export", "numbered_articles"]


@dataclass
class NexisArticle:
    outlet: str
    date_line: str
    headline: str
    byline: str | None
    body: list[str]
    section: str | None = "NEWS; Pg. 4"
    language: str = "ENGLISH"


def nexis_export(articles: list[NexisArticle], newline: str = "\r\n") -> str:
    lines = [f"Download Request: Selected Items: 1-{len(articles)}", "Time Of Request: Monday, May 1, 2023", ""]
    for number, article in enumerate(articles, start=1):
        lines += ["", f"{number:>30} of {len(articles)} DOCUMENTS", "", "", ""]
        lines += [article.outlet.center(70).rstrip(), "", article.date_line.center(70).rstrip(), ""]
        lines += [article.headline, ""]
        if article.byline:
            lines += [f"BYLINE: {article.byline}", ""]
        if article.section:
            lines += [f"SECTION: {article.section}", ""]
        words = sum(len(p.split()) for p in article.body)
        lines += [f"LENGTH: {words} words", "", ""]
        for paragraph in article.body:
            lines += [paragraph, ""]
        lines += ["LOAD-DATE: May 1, 2023", "", f"LANGUAGE: {article.language}", "", "PUBLICATION-TYPE: Newspaper", ""]
        lines += ["", "Copyright 2023 Example Press".center(70).rstrip(), "All Rights Reserved".center(70).rstrip(), ""]
    return newline.join(lines) + newline


def numbered_articles(count: int) -> list[NexisArticle]:
    """``count`` distinct small articles (the number is in each text, so no two are the same)."""
    return [
        NexisArticle(
            outlet="The Valley Courier",
            date_line=f"March {1 + n % 28}, 2022 Tuesday",
            headline=f"Council approves bridge repair number {n}",
            byline=f"Reporter {n}",
            body=[
                f"The town council approved repair {n} to the old river bridge on Monday night.",
                f"Work on section {n} will start in spring, the mayor said.",
            ],
        )
        for n in range(count)
    ]
