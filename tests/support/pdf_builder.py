"""Write small, valid PDFs by hand, so tests and examples need no PDF library.

`build_pdf` lays out numbered objects with a correct xref table; `text_pdf`
makes pages of Helvetica text lines (or a drawn square, for a page with no text
layer) and can add a standard-security /Encrypt entry that pdfminer refuses.
"""

from __future__ import annotations

__all__ = ["build_pdf", "columns_pdf", "text_pdf"]

_ENCRYPT = (
    " /Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4"
    f" /O <{'11' * 32}> /U <{'22' * 32}> >> /ID [<{'33' * 16}> <{'33' * 16}>]"
)


def build_pdf(objects: list[bytes], encrypt: bool = False, info: int | None = None) -> bytes:
    """A PDF from numbered object bodies (object 1 is the catalog), xref offsets computed."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R" + (_ENCRYPT if encrypt else "")
    if info is not None:  # the document information dictionary (Title, Author, ...)
        trailer += f" /Info {info} 0 R"
    out += b"trailer\n" + trailer.encode() + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(
    pages: list[list[str] | None],
    encrypt: bool = False,
    header: str | None = None,
    page_numbers: bool = False,
    browser_print: tuple[str, str, str] | None = None,
    info_title: str | None = None,
    headline: str | None = None,
) -> bytes:
    """One Helvetica text line per string on each page, or a drawn square for ``None``.

    ``header`` and ``page_numbers`` add the running header and folio that real
    documents carry, for the reader's furniture removal to find.
    ``browser_print`` = (print date and time, page title, URL) adds what a browser
    prints around each page: date and title at the top, URL and "n/N" at the bottom.
    ``info_title`` sets the document information Title; ``headline`` puts a line
    in a 20-point font at the top of the first page.
    """
    page_ids = [4 + 2 * i for i in range(len(pages))]
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for number, (page_id, lines) in enumerate(zip(page_ids, pages), start=1):
        if lines is None:
            content = b"0 0 1 rg 100 100 200 200 re f"
        else:
            ops = []
            if header:
                ops.append(f"BT /F1 9 Tf 72 760 Td ({_escape(header)}) Tj ET")
            if browser_print:
                printed, title, url = browser_print
                ops.append(f"BT /F1 8 Tf 20 780 Td ({_escape(printed)}) Tj ET")
                ops.append(f"BT /F1 8 Tf 200 780 Td ({_escape(title)}) Tj ET")
                ops.append(f"BT /F1 8 Tf 20 15 Td ({_escape(url)}) Tj ET")
                ops.append(f"BT /F1 8 Tf 560 15 Td ({number}/{len(pages)}) Tj ET")
            if headline and number == 1:
                ops.append(f"BT /F1 20 Tf 72 745 Td ({_escape(headline)}) Tj ET")
            ops.append("BT /F1 11 Tf 15 TL 72 730 Td")
            ops += [f"({_escape(line)}) Tj T*" for line in lines]
            ops.append("ET")
            if page_numbers:
                ops.append(f"BT /F1 9 Tf 300 40 Td ({number}) Tj ET")
            content = "\n".join(ops).encode("cp1252")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    info = None
    if info_title is not None:
        objects.append(f"<< /Title ({_escape(info_title)}) /Producer (pdf_builder) >>".encode("cp1252"))
        info = len(objects)
    return build_pdf(objects, encrypt, info)


def columns_pdf(columns: list[list[str]], headline: str | None = None, row_order: bool = True) -> bytes:
    """One page of text columns side by side (11-point Helvetica, 15-point leading), as newspapers
    and many reports set them, under an optional 20-point ``headline`` across the page.

    ``row_order`` writes the lines into the content stream row by row (left line 1, right
    line 1, left line 2, ...), as some producers do; False writes each column whole.
    """
    width = (612 - 2 * 54) / len(columns)
    placed = [(n, i, line) for n, lines in enumerate(columns) for i, line in enumerate(lines)]
    if row_order:
        placed.sort(key=lambda item: (item[1], item[0]))
    ops = [f"BT /F1 20 Tf 54 740 Td ({_escape(headline)}) Tj ET"] if headline else []
    ops += [f"BT /F1 11 Tf {54 + n * width:.0f} {710 - 15 * i} Td ({_escape(line)}) Tj ET" for n, i, line in placed]
    content = "\n".join(ops).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    return build_pdf(objects)
