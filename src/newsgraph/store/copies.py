"""Near-copies: syndicated, retitled, trimmed or copy-edited versions of a stored article.

Each article's body (its text without the title paragraphs) becomes a set of word
shingles; a 128-value MinHash of that set is stored per article
(``article_signatures``) and its LSH band keys in ``minhash_bands``.  The index
therefore lives in the database, not in memory: a new run into an existing store
finds copies of articles stored by earlier runs, and memory stays flat whatever the
size of the store.

A candidate from the LSH is confirmed on the exact shingle sets, by containment
(the share of the smaller article's shingles that the other has), because a trimmed
copy keeps only part of its original: Jaccard would fall with every cut paragraph,
containment does not.  A copy points to the earliest stored article it copies
(the original of an original, so chains never form).  The shingles of originals this
process stored are kept in memory as hashes (:class:`ShingleMemory`), so comparing a
candidate seldom re-reads and re-shingles its text.

The work per article is bounded, whatever the store holds: only originals are
indexed (a copy is found through its original), a band key shared by
``MAX_BAND_POSTINGS`` originals already is boilerplate (a template that weather
reports or sports results share) and indexes no more, and only the
``MAX_CANDIDATES`` originals sharing the most bands are compared shingle by shingle.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..model import Article, Paragraph

__all__ = [
    "COPY_CONTAINMENT",
    "NUM_PERM",
    "SHINGLE_WORDS",
    "CopyMatch",
    "ShingleMemory",
    "Signature",
    "body_text",
    "find_original",
    "keywords",
    "shingles",
    "signature_of",
    "store_signature",
]

NUM_PERM = 128  # MinHash values per article: 512 bytes as uint32
SHINGLE_WORDS = 5  # words per shingle
LSH_THRESHOLD = 0.2  # datasketch picks its banding for this Jaccard (28 bands of 2); low, as containment decides
COPY_CONTAINMENT = 0.6  # share of the shorter body's shingles the other must have to be a copy
MIN_SHINGLES = 8  # bodies shorter than this are too short to call copies of anything
MAX_BAND_POSTINGS = 50  # originals per band key; more share a template, not a text
MAX_CANDIDATES = 10  # originals compared on their shingles, those sharing the most bands first

_WORD = re.compile(r"\w+(?:\.\w+)*")
# Spellings that copy desks change by house style, to one form each.
_HOUSE_STYLE = {
    "million": "mln", "mn": "mln", "billion": "bln", "bn": "bln", "dollars": "dlrs", "dollar": "dlr",
    "percent": "pct", "says": "said",
}  # fmt: skip
_STOPWORDS = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been has have had it its "
    "this that these those said says will would could should may might not no than then there their they "
    "he she his her him we our you your i which who whom what when where while after before also about "
    "into over under more most other some such only up down out new year years last first one two mln "
    "pct cts vs reuter reuters inc corp co ltd".split()
)


@dataclass(frozen=True)
class Signature:
    minhash: np.ndarray  # NUM_PERM uint32
    shingles: frozenset[str]
    keywords: list[str]


@dataclass(frozen=True)
class CopyMatch:
    original: str
    similarity: float


def body_text(article: Article) -> str:
    """The article's text without its title paragraphs: a new headline must not hide a copy."""
    titles = [p for p in article.paragraphs if p.kind == "title"]
    if not titles:
        return article.text
    parts, at = [], 0
    for p in sorted(titles, key=lambda p: p.start):
        parts.append(article.text[at : p.start])
        at = p.end
    parts.append(article.text[at:])
    return " ".join(parts)


def words_of(text: str) -> list[str]:
    """Lower-cased words, dots inside a word dropped ("U.S." is "us", "57.78" one word), and the
    spelling variants copy desks change by house style made one ("million"/"mln", "says"/"said")."""
    out: list[str] = []
    house_style = _HOUSE_STYLE.get
    for w in _WORD.findall(text.casefold()):
        if "." in w:
            w = w.replace(".", "")
        if w == "cent" and out and out[-1] == "per":
            out[-1] = "pct"
            continue
        out.append(house_style(w, w))
    return out


def shingles(text: str) -> frozenset[str]:
    """Overlapping runs of SHINGLE_WORDS words (``words_of``); reflowed lines and punctuation do not matter."""
    words = words_of(text)
    if len(words) < SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    # zip of the word list with itself shifted: each run of SHINGLE_WORDS words without slicing per shingle
    return frozenset(map(" ".join, zip(*(words[k:] for k in range(SHINGLE_WORDS)))))


def keywords(text: str, n: int = 25) -> list[str]:
    """The ``n`` most frequent content words (no stopwords, no numbers), for story matching."""
    counts = Counter(
        w for w in _WORD.findall(text.casefold()) if len(w) > 2 and not w.isdigit() and w not in _STOPWORDS
    )
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


@lru_cache(maxsize=1)
def _lsh_params() -> tuple[int, int]:
    """(bands, rows per band) that datasketch picks for LSH_THRESHOLD at NUM_PERM."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def signature_of(article: Article) -> Signature:
    from datasketch import MinHash

    body = body_text(article)
    grams = shingles(body)
    mh = MinHash(num_perm=NUM_PERM)
    if grams:
        mh.update_batch([g.encode("utf-8") for g in grams])
    # datasketch's hash values are < 2**32 (its default hash is 32-bit), so uint32 loses nothing.
    return Signature(mh.hashvalues.astype(np.uint32), grams, keywords(body))


def _band_keys(minhash: np.ndarray) -> list[int]:
    bands, rows = _lsh_params()
    keys = []
    for b in range(bands):
        digest = hashlib.blake2b(minhash[b * rows : (b + 1) * rows].tobytes(), digest_size=8, person=b"band%04d" % b)
        keys.append(int.from_bytes(digest.digest(), "big", signed=True))
    return keys


def store_signature(conn: sqlite3.Connection, article_id: str, sig: Signature, *, index: bool = True) -> None:
    """Keep the article's signature; with ``index`` (an original, not a copy), its band keys too,
    each unless ``MAX_BAND_POSTINGS`` originals hold it already."""
    conn.execute(
        "INSERT OR REPLACE INTO article_signatures (article_id, minhash, keywords) VALUES (?, ?, ?)",
        (article_id, sig.minhash.tobytes(), json.dumps(sig.keywords)),
    )
    if index and len(sig.shingles) >= MIN_SHINGLES:
        conn.executemany(
            "INSERT OR IGNORE INTO minhash_bands (band_key, article_id) SELECT ?, ? "
            "WHERE (SELECT count(*) FROM (SELECT 1 FROM minhash_bands WHERE band_key = ? LIMIT ?)) < ?",
            [(key, article_id, key, MAX_BAND_POSTINGS, MAX_BAND_POSTINGS) for key in _band_keys(sig.minhash)],
        )


def _containment(a: frozenset[str], b: frozenset[str]) -> float:
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def _hashed(grams: frozenset[str]) -> np.ndarray:
    """The shingles' string hashes, sorted and unique, as int64 (8 bytes a shingle, not a string)."""
    return np.unique(np.fromiter(map(hash, grams), dtype=np.int64, count=len(grams)))


class ShingleMemory:
    """The shingle hashes of the originals this process stored, by article id, so a near-copy
    candidate is compared without re-reading and re-shingling its text (half of the near-copy time).

    Python's string hash is fixed within a process, and 64-bit: two different shingles of a
    compared pair share a hash about once in 10^14 comparisons, so containment is the same
    as on the strings.  Bounded by ``max_hashes`` (8 bytes each), oldest forgotten first;
    a candidate not held (stored by an earlier run) is shingled from its text as before.
    """

    def __init__(self, max_hashes: int = 2_000_000) -> None:
        self._max_hashes = max_hashes
        self._held: OrderedDict[str, np.ndarray] = OrderedDict()
        self._count = 0

    def __len__(self) -> int:
        return len(self._held)

    def remember(self, article_id: str, grams: frozenset[str]) -> None:
        hashes = _hashed(grams)
        old = self._held.pop(article_id, None)
        self._count += len(hashes) - (0 if old is None else len(old))
        self._held[article_id] = hashes
        while self._count > self._max_hashes and self._held:
            _, dropped = self._held.popitem(last=False)
            self._count -= len(dropped)

    def get(self, article_id: str) -> np.ndarray | None:
        return self._held.get(article_id)


def find_original(
    conn: sqlite3.Connection, article_id: str, sig: Signature, memory: ShingleMemory | None = None
) -> CopyMatch | None:
    """The stored article that ``sig`` copies (best containment at or above COPY_CONTAINMENT), or None.

    Candidates held in ``memory`` are compared on their shingle hashes, the rest on their text."""
    if len(sig.shingles) < MIN_SHINGLES:
        return None
    keys = _band_keys(sig.minhash)
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        "SELECT a.id, coalesce(a.duplicate_of, a.id) FROM ("
        f"SELECT article_id, count(*) AS shared FROM minhash_bands WHERE band_key IN ({marks}) "
        "AND article_id != ? GROUP BY article_id ORDER BY shared DESC LIMIT ?"
        ") m JOIN articles a ON a.id = m.article_id ORDER BY m.shared DESC, a.seq",
        (*keys, article_id, MAX_CANDIDATES),
    ).fetchall()
    best: CopyMatch | None = None
    own_hashes = None
    for candidate, root in rows:
        held = memory.get(candidate) if memory is not None else None
        if held is not None:
            if own_hashes is None:
                own_hashes = _hashed(sig.shingles)
            smaller = min(len(own_hashes), len(held))
            shared = len(np.intersect1d(own_hashes, held, assume_unique=True))
            score = shared / smaller if smaller else 0.0
        else:
            text, paragraphs = conn.execute(
                "SELECT text, paragraphs FROM articles WHERE id = ?", (candidate,)
            ).fetchone()
            stored = Article(id="", text=text, paragraphs=[Paragraph(**p) for p in json.loads(paragraphs or "[]")])
            score = _containment(sig.shingles, shingles(body_text(stored)))
        if score >= COPY_CONTAINMENT and (best is None or score > best.similarity):
            best = CopyMatch(root, round(score, 4))
    return best
