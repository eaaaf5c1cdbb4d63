"""What many tests share: where things are, and builders for inputs (``pdf_builder``,
``sample`` articles, a ``browser`` with a live server)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
