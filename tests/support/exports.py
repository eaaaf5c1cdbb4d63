"""Builders for export files: a Nexis plain-text export of any number of articles.

The layout is Nexis's classic one (centred "N of M DOCUMENTS", outlet, date line,
headline, BYLINE/SECTION/LENGTH, body, LOAD-DATE/LANGUAGE, copyright footer);
the words are ours.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NexisArticle", "nexis_export", "numbered_articles", "docx_bomb"]


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


def docx_bomb(path, unpacked_bytes: int = 2 << 30, declared_bytes: int | None = None) -> None:
    """A .docx whose word/document.xml inflates to ``unpacked_bytes`` of zeros (2 GiB), about 2 MB on disk.

    ``declared_bytes`` below the real size makes the archive lie about it, as a
    hand-made bomb can.  The deflate stream is one 16 MiB block compressed once
    and repeated (a full flush makes each block byte-identical), so building
    even a 2 GiB bomb takes a second.  Every other part is a real empty Word
    document's.
    """
    import io
    import struct
    import zipfile
    import zlib

    import docx

    base = io.BytesIO()
    docx.Document().save(base)
    chunk_size = 16 << 20
    chunks, rest = divmod(unpacked_bytes, chunk_size)
    if rest:
        raise ValueError("unpacked_bytes must be a multiple of 16 MiB")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(chunk_size)) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    zeros = bytes(chunk_size)
    for _ in range(chunks):
        crc = zlib.crc32(zeros, crc)
    bomb = (block * chunks) + compressor.flush()

    members: list[tuple[str, bytes, int, int]] = []  # name, deflated data, crc, size
    with zipfile.ZipFile(base) as archive:
        for info in archive.infolist():
            if info.filename == "word/document.xml":
                members.append((info.filename, bomb, crc, unpacked_bytes))
            else:
                data = archive.read(info.filename)
                raw = zlib.compressobj(9, zlib.DEFLATED, -15)
                members.append((info.filename, raw.compress(data) + raw.flush(), zlib.crc32(data), len(data)))
    out = io.BytesIO()
    central = []
    for name, data, member_crc, size in members:
        declared = declared_bytes if (declared_bytes is not None and name == "word/document.xml") else size
        offset = out.tell()
        encoded = name.encode()
        fields = (20, 0, 8, 0, 0x21, member_crc, len(data), declared, len(encoded), 0)
        out.write(b"PK\x03\x04" + struct.pack("<HHHHHIIIHH", *fields) + encoded + data)
        central.append(
            b"PK\x01\x02"
            + struct.pack(
                "<HHHHHHIIIHHHHHII",
                20,
                20,
                0,
                8,
                0,
                0x21,
                member_crc,
                len(data),
                declared,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )  # fmt: skip
            + encoded
        )
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(central), len(central), len(directory), start, 0))
    path.write_bytes(out.getvalue())
