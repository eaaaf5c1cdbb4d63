"""Text files in legacy 8-bit encodings are decoded in the encoding they were written in.

After a BOM, UTF-16 and strict UTF-8, plain Windows "ANSI" text in Western
Europe (cp1252) stays cp1252; text that cp1252 turns into nonsense (Polish in
cp1250: "Rz¹d" for "Rząd") is decoded as what it is.
"""

from __future__ import annotations

import pytest

from newsgraph.model import Document
from newsgraph.readers import iter_documents

POLISH = (
    "Rząd wznowi rozmowy ze związkami zawodowymi\n\n"
    "Rząd ogłosił w poniedziałek, że rozmowy ze związkami zawodowymi zostaną wznowione w przyszłym "
    "tygodniu w Warszawie. Przedstawiciele pracowników oświadczyli, że nie podpiszą porozumienia, które "
    "nie chroni płac, a minister obiecał przedstawić nową propozycję przed końcem miesiąca.\n\n"
    "Związkowcy zapowiedzieli też protest przed siedzibą ministerstwa, jeśli żądania nie zostaną "
    "spełnione. Według źródeł zbliżonych do rządu kompromis jest możliwy.\n"
)
CZECH = (
    "Vláda obnoví jednání s odbory\n\n"
    "Vláda v pondělí oznámila, že jednání s odbory budou pokračovat příští týden v Praze. Zástupci "
    "zaměstnanců prohlásili, že nepodepíší dohodu, která nechrání mzdy, a ministr slíbil, že do konce "
    "měsíce předloží nový návrh.\n\n"
    "Odboráři pohrozili stávkou, pokud vláda jejich požadavky odmítne. Podle zdrojů blízkých vládě je "
    "kompromis možný, vyžaduje však souhlas ministra financí.\n"
)
RUSSIAN = (
    "Правительство возобновит переговоры с профсоюзами\n\n"
    "Правительство в понедельник объявило, что переговоры с профсоюзами возобновятся на следующей неделе "
    "в Москве. Представители работников заявили, что не подпишут соглашение, которое не защищает зарплаты.\n"
)
# Western text whose accents and punctuation differ between cp1252 and its
# neighbours: "è" is "č" in cp1250, "“" is "Ň" in mac-roman, "€" is absent from Latin-1.
ENGLISH_CP1252 = (
    "Hélène’s café reopens after the floods\n\n"
    "“We lost everything but the espresso machine,” said Hélène Moreau, whose crème brûlée drew "
    "queues along the quay before the river burst its banks. Repairs cost €48,000 — more than the "
    "insurer’s naïve first estimate — and took eleven weeks.\n\n"
    "The café’s regulars, she said, “never stopped coming by to ask.”\n"
)
SHORT_CP1252 = "He said “no” to the café deal – for now.\n"


def read_bytes(tmp_path, data: bytes, name: str = "article.txt") -> Document:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(iter_documents([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(POLISH, "cp1250"), (CZECH, "cp1250"), (RUSSIAN, "cp1251"), (RUSSIAN, "koi8_r")],
)
def test_central_and_eastern_european_code_pages_are_decoded_as_written(tmp_path, text, encoding):
    doc = read_bytes(tmp_path, text.encode(encoding))
    assert doc.source_text == text
    assert doc.title == text.split("\n", 1)[0]


def test_cp1250_polish_is_not_read_as_cp1252_mojibake(tmp_path):
    doc = read_bytes(tmp_path, POLISH.encode("cp1250"))
    assert "Rząd ogłosił w poniedziałek" in doc.text
    assert "Rz¹d" not in doc.text and "³" not in doc.text


@pytest.mark.parametrize("text", [ENGLISH_CP1252, SHORT_CP1252])
def test_western_windows_text_stays_cp1252(tmp_path, text):
    doc = read_bytes(tmp_path, text.encode("cp1252"))
    assert doc.source_text == text


def test_latin1_german_is_read_unchanged(tmp_path):
    text = (
        "Die Bundesregierung hat am Montag angekündigt, dass die Gespräche mit den Gewerkschaften "
        "nächste Woche in München fortgesetzt werden. Die Vertreter der Beschäftigten erklärten, sie "
        "würden keine Vereinbarung unterschreiben, die die Löhne nicht schützt.\n"
    )
    assert read_bytes(tmp_path, text.encode("latin-1")).source_text == text
