"""A small, offline guess at a text's language, so we never analyse French as English.

Counts very common function words per language; scripts other than Latin are
recognised by their Unicode ranges.  It only has to tell English from the rest
reliably on article-length text, not to be a general language identifier.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

__all__ = ["detect_language"]

_FUNCTION_WORDS = {
    "en": "the of and to in is that for it was on with as by at from this have are be not but which an",
    "de": "der die das und zu den von mit sich des auf ist im dem nicht ein eine als auch es an werden aus",
    "fr": "le la les de des et en un une du est que pour dans qui au sur par pas plus ne se avec",
    "es": "el la los las de y en que un una por con para es del al se no lo como más su",
    "it": "il lo la gli le di e che un una per con del della non sono è nel alla come anche",
    "pt": "o a os as de e que um uma do da em para com não por se na no mais dos como",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er ook als bij",
    "sv": "och att det som en på är av för med till den har inte om ett var",
    "pl": "i w na z że się do nie jest to jak po od za o ale czy przez",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga",
    "tr": "ve bir bu da de için ile olarak çok daha gibi olan ama",
}
_WORDS = {lang: set(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)

# Unicode name prefixes of scripts, and the language code we report for them.
_SCRIPTS = (
    ("CYRILLIC", "ru"),
    ("ARABIC", "ar"),
    ("CJK", "zh"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("GREEK", "el"),
    ("HEBREW", "he"),
    ("DEVANAGARI", "hi"),
    ("THAI", "th"),
)


def _script_language(text: str) -> str | None:
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if not letters:
        return None
    counts: Counter[str] = Counter()
    for ch in letters:
        if ch.isascii():
            counts["LATIN"] += 1
            continue
        name = unicodedata.name(ch, "")
        for prefix, lang in _SCRIPTS:
            if name.startswith(prefix):
                counts[lang] += 1
                break
        else:
            counts["LATIN"] += 1
    script, n = counts.most_common(1)[0]
    if script != "LATIN" and n > 0.5 * len(letters):
        return script
    return None


def detect_language(text: str, min_words: int = 25) -> tuple[str, float]:
    """Return ``(language code, confidence)``.

    Texts too short to judge are taken as English with confidence 0.
    """
    script_lang = _script_language(text)
    if script_lang:
        return script_lang, 1.0
    words = [w.lower() for w in _WORD_RE.findall(text[:20000])]
    if len(words) < min_words:
        return "en", 0.0
    hits = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _WORDS.items()}
    best = max(hits, key=hits.get)
    total = sum(hits.values()) or 1
    return best, hits[best] / total
