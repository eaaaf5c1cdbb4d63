"""Which language a text is in, so we never analyse French (or Finnish) as English.

py3langid (a naive Bayes model over byte n-grams that ships with the package)
does the identification.  Two choices make its answer safe for the one use we
have, deciding whether to skip a document:

- Candidates are restricted to languages with a sizeable written press.  The
  full model also knows Nigerian Pidgin, Luganda, Aragonese, Latin and a
  hundred more, which short English text full of African or Asian names
  drifts towards ("Kenya and Uganda signed a trade deal in Kampala" scores as
  Luganda).  Probabilities are normalised over the remaining candidates, so the
  confidence is a real share that a threshold such as 0.5 can be set against.
- Latin-script text of fewer than ``min_words`` words (a headline, a caption)
  is taken as English with confidence 0: on so few words names outweigh the
  language.  Text mostly in another script is judged whatever its length.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["CANDIDATE_LANGUAGES", "detect_language"]

# ISO 639-1 codes (py3langid's labels) of languages with a sizeable written press.
CANDIDATE_LANGUAGES = tuple(
    """
    af am ar az be bg bn bs ca cs cy da de el en es et eu fa fi fr ga gl gu ha he hi hr hu hy id is it
    ja ka kk km kn ko lt lv mk ml mn mr ms mt my ne nl no pa pl ps pt ro ru si sk sl so sq sr sv sw ta
    te th tl tr uk ur uz vi yo zh zu
    """.split()
)
_SAMPLE_CHARS = 20_000  # enough to judge; keeps a book-length file cheap
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@functools.cache
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(CANDIDATE_LANGUAGES)
    return identifier


def detect_language(text: str, min_words: int = 25) -> tuple[str, float]:
    """Return ``(language code, confidence between 0 and 1)``.

    Short Latin-script texts and texts without letters are taken as English
    with confidence 0.
    """
    sample = text[:_SAMPLE_CHARS]
    letters = "".join(filter(str.isalpha, sample))  # one string, not a list of characters: cheaper to build
    if not letters:
        return "en", 0.0
    if len(_WORD_RE.findall(sample)) < min_words and _mostly_latin(letters):
        return "en", 0.0
    lang, probability = _identifier().classify(sample)
    return lang, float(probability)


def _mostly_latin(letters: str) -> bool:
    if letters.isascii():
        return True
    latin = sum(1 for ch in letters if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"))
    return latin > 0.5 * len(letters)
