"""PolNeAR: attribution (Source, Cue, Content) in 2016 US political news.

Layout: ``<split>/text/NAME.txt`` and ``<split>/attributions/NAME_<annotator>.ann``
(brat standoff; a text-bound span may be discontinuous, ``start end;start end``).
We score the dev split (84 articles) with the alphabetically first ``.ann`` per
article, so scores repeat.

Gold attributions are the brat events triggered by ``Attribution`` or
``Attribution-no-source``; a gold content is the union of the event's Content
spans, its gold speaker the union of its Source spans (none for
``Attribution-no-source``).  Our side is every :class:`~newsgraph.model.Quote`
(direct, block, partial and indirect).

Matching rules:

- *overlap*: a quote and a gold content share a character.  Precision counts our
  quotes overlapping some gold content; recall counts gold contents some quote overlaps.
- *exact*: equal spans once both are trimmed of spaces, quotation marks, edge
  punctuation and a leading "that".  A discontinuous gold content matches a quote
  equal to its whole extent (interruption included), or quotes equal to each of its pieces.
- *speaker*: for a gold content with a gold Source that we found (overlap; the
  quote overlapping it most), correct when the predicted speaker overlaps the gold
  Source: our quote's ``speaker_span`` (the speaker as written: "he", "the
  ministry", "Putin") overlaps it, or a mention of our resolved speaker entity does;
  a gold Source that is a bare relative pronoun ("officials, who said") stands for
  the phrase before it, so our phrase as written ending right before it counts.
  A quote with neither is wrong.  Contents without a gold Source are left out.
  Accuracy is also given by the gold Source's kind: a pronoun, a name (a
  capitalised non-pronoun word) or a nominal ("the campaign", "officials").
  A secondary *entity rule* row keeps the earlier scorer's number: only the
  speaker entity counts, by a mention overlapping the Source or, for a named
  Source, a fuzzy match of its name or aliases.
- *direct quotes*: gold contents starting or ending with a double quotation mark,
  against our quotes of kind ``direct`` and ``block``.  Recall is over gold
  direct contents; precision asks whether our direct quote overlaps any gold content.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article, Entity, Finding, Quote
from ..model.confidence import visible
from ..nlp.knowledge.lexicon import PRONOUNS
from .calibration import bins_to_dicts, calibration_bins
from .common import EvalReport, Timer, analyze, context, is_named, pipeline_components, plain_document
from .scoring import PRF, overlap_chars, safe_div

# a relative pronoun as PolNeAR's Source ("officials, who said"): it stands for the phrase before it
_RELATIVE_SOURCES = frozenset({"who", "whom", "which", "that"})

__all__ = [
    "TextBound",
    "BratEvent",
    "parse_brat",
    "Attribution",
    "PolnearDoc",
    "load",
    "trim_span",
    "is_direct",
    "speaker_correct",
    "speaker_overlaps",
    "source_kind",
    "score_article",
    "run",
]

TARGETS = {"content_f1_overlap": 0.60, "direct_speaker_accuracy": 0.90}
OPEN_QUOTES = '"“«„'
CLOSE_QUOTES = '"”»'
_TRIM_CHARS = " \t\n\r\"“”‘’'«»„.,;:!?—–-()[]"


# ---------------------------------------------------------------------------
# brat standoff


@dataclass
class TextBound:
    id: str
    type: str
    segments: list[tuple[int, int]]
    text: str

    @property
    def start(self) -> int:
        return min(s for s, _ in self.segments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.segments)


@dataclass
class BratEvent:
    id: str
    type: str
    trigger: str  # text-bound id
    args: list[tuple[str, str]] = field(default_factory=list)  # (role without digits, text-bound id)


def parse_brat(ann: str) -> tuple[dict[str, TextBound], list[BratEvent]]:
    """Text-bound annotations (``T``) and events (``E``) of a brat ``.ann`` file.

    Relations, notes and attributes are ignored.  Discontinuous spans
    (``Content 10 20;25 40``) keep each piece in ``segments``.
    """
    bounds: dict[str, TextBound] = {}
    events: list[BratEvent] = []
    for line in ann.splitlines():
        if not line.strip():
            continue
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            typ, _, spans = parts[1].partition(" ")
            segments = []
            for piece in spans.split(";"):
                a, b = piece.split()
                segments.append((int(a), int(b)))
            bounds[parts[0]] = TextBound(parts[0], typ, segments, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E") and len(parts) >= 2:
            items = parts[1].split()
            typ, _, trigger = items[0].partition(":")
            args = []
            for item in items[1:]:
                role, _, ref = item.partition(":")
                args.append((re.sub(r"\d+$", "", role), ref))
            events.append(BratEvent(parts[0], typ, trigger, args))
    return bounds, events


# ---------------------------------------------------------------------------
# Loading


@dataclass
class Attribution:
    content: list[tuple[int, int]]  # segments, sorted
    source: list[tuple[int, int]]  # segments, sorted; empty when the attribution has no source
    cue: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)


@dataclass
class PolnearDoc:
    name: str
    text: str
    ann_file: str
    published: str | None = None
    attributions: list[Attribution] = field(default_factory=list)


def _split_dir(data_path: Path, split: str) -> Path:
    path = Path(data_path)
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        return path
    if (path / split / "text").is_dir():
        return path / split
    raise FileNotFoundError(f"{data_path}: no PolNeAR '{split}' split (text/ and attributions/) found")


def _published_dates(data_path: Path) -> dict[str, str]:
    for candidate in (Path(data_path) / "metadata.tsv", Path(data_path).parent / "metadata.tsv"):
        if candidate.is_file():
            with candidate.open(encoding="utf-8", newline="") as f:
                return {
                    row["filename"]: row["publication_date"]
                    for row in csv.DictReader(f, delimiter="\t")
                    if row.get("filename") and row.get("publication_date") not in (None, "", "None")
                }
    return {}


def load(data_path: Path, limit: int | None = None, split: str = "dev") -> list[PolnearDoc]:
    folder = _split_dir(data_path, split)
    dates = _published_dates(data_path)
    anns: dict[str, list[Path]] = {}
    for ann in (folder / "attributions").glob("*.ann"):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    docs = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        name = text_path.stem
        if name not in anns:
            continue
        ann_path = sorted(anns[name], key=lambda p: p.name)[0]
        text = text_path.read_text(encoding="utf-8")
        bounds, events = parse_brat(ann_path.read_text(encoding="utf-8"))
        doc = PolnearDoc(name, text, ann_path.name, dates.get(name))
        for ev in events:
            if not ev.type.startswith("Attribution"):
                continue
            roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Source": [], "Cue": []}
            for role, ref in ev.args:
                if role in roles and ref in bounds:
                    roles[role].extend(bounds[ref].segments)
            if roles["Content"]:
                doc.attributions.append(
                    Attribution(sorted(roles["Content"]), sorted(roles["Source"]), sorted(roles["Cue"]))
                )
        docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    return docs


# ---------------------------------------------------------------------------
# Scoring


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces, quotation marks, edge punctuation and a leading "that"."""
    while True:
        while start < end and text[start] in _TRIM_CHARS:
            start += 1
        while end > start and text[end - 1] in _TRIM_CHARS:
            end -= 1
        if text[start : start + 5].lower() == "that " and end - start > 5:
            start += 5
            continue
        return start, end


def is_direct(text: str, start: int, end: int) -> bool:
    """Does the gold content start or end with a quotation mark?"""
    piece = text[start:end].strip()
    return bool(piece) and (piece[0] in OPEN_QUOTES or piece[-1] in CLOSE_QUOTES or piece[0] in CLOSE_QUOTES)


_TITLES = re.compile(r"^(?:mr|mrs|ms|dr|sen|rep|gov|gen|president|senator|secretary|candidate|nominee|the)\.?\s+", re.I)


def _norm_name(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    prev = None
    while prev != name:
        prev = name
        name = _TITLES.sub("", name)
    return " ".join(re.findall(r"\w+", name.lower()))


def names_match(gold_source: str, names: list[str]) -> bool:
    """Fuzzy name equality: same words, one name's words inside the other's, or ≥ 90 similarity."""
    from rapidfuzz import fuzz

    g = _norm_name(gold_source)
    if not g:
        return False
    gw = set(g.split())
    for name in names:
        n = _norm_name(name)
        if not n:
            continue
        nw = set(n.split())
        if g == n or (gw and nw and (gw <= nw or nw <= gw)) or fuzz.ratio(g, n) >= 90:
            return True
    return False


# A gold source that is a pronoun: subject and object forms, and the third person's "his", "its", "their".
PRONOUN_SOURCES = frozenset(
    w for w, p in PRONOUNS.items() if p.case in ("subject", "object") or (p.person == 3 and p.case == "determiner")
)


def is_pronoun_source(text: str, gold: Attribution) -> bool:
    return len(gold.source) == 1 and text[gold.source[0][0] : gold.source[0][1]].strip().lower() in PRONOUN_SOURCES


def source_kind(text: str, gold: Attribution) -> str:
    """ "pronoun", "name" or "nominal": how the gold Source is written."""
    if is_pronoun_source(text, gold):
        return "pronoun"
    return "name" if is_named(" ".join(text[s:e] for s, e in gold.source)) else "nominal"


def speaker_overlaps(gold: Attribution, quote: Quote, speaker: Entity | None, text: str) -> bool:
    """The predicted speaker overlaps the gold Source: the speaker as written, or a mention of the entity.
    A gold Source that is a bare relative pronoun ("officials, who said") stands for the phrase right
    before it: our phrase as written ending there (only a comma, a dash or spaces between) counts."""
    spans = [(quote.speaker_span.start, quote.speaker_span.end)] if quote.speaker_span else []
    spans += [(m.start, m.end) for m in (speaker.mentions if speaker else [])]
    if any(overlap_chars(a, b, s, e) for a, b in spans for s, e in gold.source):
        return True
    if len(gold.source) != 1 or text[gold.source[0][0] : gold.source[0][1]].strip().lower() not in _RELATIVE_SOURCES:
        return False
    # only our phrase as written: it is what we say the relative clause hangs on, while any mention of the
    # speaker entity that happens to end there ("the family of Tom Reed, who said") would be luck
    start = gold.source[0][0]
    written = quote.speaker_span
    return written is not None and written.end <= start and not text[written.end : start].strip(" ,\n-–—")


def speaker_correct(text: str, gold: Attribution, speaker: Entity | None) -> bool:
    if speaker is None or not gold.source:
        return False
    for m in speaker.mentions:
        for s, e in gold.source:
            if overlap_chars(m.start, m.end, s, e):
                return True
    source_text = " ".join(text[s:e] for s, e in gold.source)
    if is_named(source_text):
        return names_match(source_text, [speaker.name, *speaker.aliases, *(m.text for m in speaker.mentions)])
    return False


SOURCE_KINDS = ("name", "pronoun", "nominal")


@dataclass
class Counts:
    overlap: PRF = field(default_factory=PRF)
    exact: PRF = field(default_factory=PRF)
    speaker_ok: int = 0
    speaker_n: int = 0
    direct_overlap: PRF = field(default_factory=PRF)
    direct_speaker_ok: int = 0
    direct_speaker_n: int = 0
    speaker_ok_entity: int = 0  # the earlier rule: the speaker entity only (mention overlap or fuzzy name)
    direct_speaker_ok_entity: int = 0
    # gold Source kind -> [correct, n], on found direct quotes and on all found contents
    direct_by_kind: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in SOURCE_KINDS})
    by_kind: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in SOURCE_KINDS})
    missed: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    speaker_errors: list[dict] = field(default_factory=list)
    # (confidence, speaker right) of the quote found for each gold content with a Source: calibration
    speaker_pairs: list[tuple[float | None, bool]] = field(default_factory=list)
    # (confidence, right) of every quote we give: its content overlaps a gold attribution and its
    # speaker that attribution's Source; a quote matching no gold content is wrong (precision counts
    # it), one matching a gold without a Source cannot be judged and is left out
    quote_pairs: list[tuple[float | None, bool]] = field(default_factory=list)
    # the same for every finding we give (what a record shows, what an unnamed group believes),
    # right when its source phrase overlaps the gold Source
    finding_pairs: list[tuple[float | None, bool]] = field(default_factory=list)

    def merge(self, other: Counts) -> None:
        for name in ("overlap", "exact", "direct_overlap"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in (
            "speaker_ok",
            "speaker_n",
            "direct_speaker_ok",
            "direct_speaker_n",
            "speaker_ok_entity",
            "direct_speaker_ok_entity",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in ((self.by_kind, other.by_kind), (self.direct_by_kind, other.direct_by_kind)):
            for kind, (ok, n) in theirs.items():
                mine[kind][0] += ok
                mine[kind][1] += n
        self.missed += other.missed
        self.false_positives += other.false_positives
        self.speaker_errors += other.speaker_errors
        self.speaker_pairs += other.speaker_pairs
        self.quote_pairs += other.quote_pairs
        self.finding_pairs += other.finding_pairs


def _quote_overlap(q: Quote, gold: Attribution) -> int:
    return sum(overlap_chars(q.start, q.end, s, e) for s, e in gold.content)


def score_article(
    text: str,
    gold: list[Attribution],
    quotes: list[Quote],
    article: Article | None = None,
    name: str = "",
    findings: list[Finding] = (),
) -> Counts:
    """Scores of one article's quotes and findings against its gold attributions.  PolNeAR annotates
    both as attributions, so content and speaker are scored over both (a finding's source phrase is
    its speaker as written); calibration is kept apart, per quote and per finding."""
    c = Counts()
    as_quotes = [f.as_quote() for f in findings]
    finding_ids = {id(q) for q in as_quotes}
    quotes = [*quotes, *as_quotes]
    entity = article.entity if article is not None else (lambda _id: None)
    gold_direct = [g for g in gold if is_direct(text, g.start, g.end)]
    direct_quotes = [q for q in quotes if q.kind in ("direct", "block")]

    # overlap
    q_ok = [any(_quote_overlap(q, g) for g in gold) for q in quotes]
    g_ok = [any(_quote_overlap(q, g) for q in quotes) for g in gold]
    c.overlap = PRF(sum(q_ok), len(quotes), sum(g_ok), len(gold))

    # exact (after trimming)
    q_trim = {trim_span(text, q.start, q.end) for q in quotes}
    exact_targets: set[tuple[int, int]] = set()
    g_exact = 0
    for g in gold:
        hull = trim_span(text, g.start, g.end)
        pieces = [trim_span(text, s, e) for s, e in g.content]
        pieces = [p for p in pieces if p[0] < p[1]]
        exact_targets.add(hull)
        exact_targets.update(pieces)
        if hull in q_trim or (pieces and all(p in q_trim for p in pieces)):
            g_exact += 1
    c.exact = PRF(
        sum(1 for q in quotes if trim_span(text, q.start, q.end) in exact_targets), len(quotes), g_exact, len(gold)
    )

    # direct subset
    d_ok = sum(1 for q in direct_quotes if any(_quote_overlap(q, g) for g in gold))
    gd_ok = sum(1 for g in gold_direct if any(_quote_overlap(q, g) for q in direct_quotes))
    c.direct_overlap = PRF(d_ok, len(direct_quotes), gd_ok, len(gold_direct))

    # speakers, on found contents with a gold source
    direct_ids = {id(g) for g in gold_direct}
    for g in gold:
        if not g.source:
            continue
        kind = source_kind(text, g)
        for pool, is_d in ((quotes, False), (direct_quotes, True)):
            if is_d and id(g) not in direct_ids:
                continue
            best = max(pool, key=lambda q: _quote_overlap(q, g), default=None)
            if best is None or not _quote_overlap(best, g):
                continue
            speaker = entity(best.speaker)
            ok = speaker_overlaps(g, best, speaker, text)
            by_entity = speaker_correct(text, g, speaker)
            tally = c.direct_by_kind if is_d else c.by_kind
            tally[kind][0] += ok
            tally[kind][1] += 1
            if is_d:
                c.direct_speaker_n += 1
                c.direct_speaker_ok += ok
                c.direct_speaker_ok_entity += by_entity
            else:
                c.speaker_n += 1
                c.speaker_ok += ok
                c.speaker_pairs.append((best.confidence, bool(ok)))
                c.speaker_ok_entity += by_entity
                if not ok:
                    c.speaker_errors.append(
                        {
                            "doc": name,
                            "direct": id(g) in direct_ids,
                            "source_kind": kind,
                            "gold_source": " ".join(text[s:e] for s, e in g.source),
                            "our_speaker": speaker.name if speaker else None,
                            "our_speaker_as_written": best.speaker_span.text if best.speaker_span else None,
                            "quote": _short(text[best.start : best.end]),
                            "kind": best.kind,
                        }
                    )

    for q in quotes:
        best = max(gold, key=lambda g: _quote_overlap(q, g), default=None)
        pairs = c.finding_pairs if id(q) in finding_ids else c.quote_pairs
        if best is None or not _quote_overlap(q, best):
            pairs.append((q.confidence, False))
        elif best.source:
            pairs.append((q.confidence, speaker_overlaps(best, q, entity(q.speaker), text)))

    for g, ok in zip(gold, g_ok):
        if not ok:
            c.missed.append(
                {
                    "doc": name,
                    "direct": id(g) in direct_ids,
                    "content": _short(" … ".join(text[s:e] for s, e in g.content)),
                    "cue": " ".join(text[s:e] for s, e in g.cue),
                    "source": " ".join(text[s:e] for s, e in g.source),
                }
            )
    for q, ok in zip(quotes, q_ok):
        if not ok:
            c.false_positives.append(
                {
                    "doc": name,
                    "kind": q.kind,
                    "quote": _short(q.text),
                    "context": context(text, q.start, q.end, 30) if len(q.text) < 80 else None,
                }
            )
    return c


def _short(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def run(
    data_path: Path, *, limit: int | None = None, baseline: bool = True, options=None, min_confidence=None
) -> EvalReport:
    """``min_confidence``: quotes (and entities) below it are dropped before scoring."""
    timer = Timer()
    docs = load(data_path, limit)
    articles = analyze([plain_document(d.text, published=d.published, path=f"polnear:{d.name}") for d in docs], options)
    if min_confidence is not None:
        articles = [visible(a, min_confidence) for a in articles]
    total = Counts()
    for d, a in zip(docs, articles):
        total.merge(score_article(d.text, d.attributions, a.quotes, a, d.name, a.findings))
    n_gold = total.overlap.n_gold
    n_direct = total.direct_overlap.n_gold
    n_with_source = sum(1 for d in docs for g in d.attributions if g.source)
    report = EvalReport(
        dataset="polnear",
        data_path=str(data_path),
        subset=(
            f"dev split, {len(docs)} articles, alphabetically first .ann per article; {n_gold} gold attributions "
            f"({n_with_source} with a Source), of which {n_direct} direct (content starts or ends with a quotation mark)"
        ),
        n_documents=len(docs),
        limit=limit,
        baseline_name="— : spaCy en_core_web_sm has no quote or attribution output, so there is no baseline",
        components=pipeline_components(options),
        notes=[
            "Our side: every Quote (direct, block, partial, indirect) and every Finding (what a record shows, what "
            "an unnamed group believes: PolNeAR annotates both as attributions; a finding's source phrase is its "
            "speaker as written). Overlap matching is not one-to-one. Calibration is given per quote and per finding.",
            "Exact = same span after trimming spaces, quotation marks, edge punctuation and a leading 'that'; "
            "a discontinuous gold content also matches its whole extent or quotes equal to each piece.",
            "Speaker correct: the predicted speaker overlaps the gold Source, that is our speaker as written "
            "(speaker_span: 'he', 'the ministry', 'Putin') or a mention of our speaker entity overlaps it; a quote "
            "with neither counts as wrong. Gold attributions without a Source are left out of speaker accuracy.",
            "Direct subset: precision asks whether our direct/block quote overlaps any gold content.",
            "Gold Source kinds: pronoun ('he', 'they'), name (a capitalised non-pronoun word), nominal "
            "('the campaign', 'officials').",
            "The 'entity rule' row is the earlier, stricter scorer: only the speaker entity counts, by a mention "
            "overlapping the Source or, for a named Source, a fuzzy match of its name or aliases; it cannot credit "
            "pronoun or nominal Sources.",
        ],
    )
    subset_all, subset_direct = "all attributions", "direct quotes"
    report.add(subset_all, "content F1, overlap", total.overlap.f1, None, TARGETS["content_f1_overlap"], n_gold)
    report.add(subset_all, "content precision, overlap", total.overlap.precision, None, None, n_gold)
    report.add(subset_all, "content recall, overlap", total.overlap.recall, None, None, n_gold)
    report.add(subset_all, "content F1, exact", total.exact.f1, None, None, n_gold)
    report.add(subset_all, "content precision, exact", total.exact.precision, None, None, n_gold)
    report.add(subset_all, "content recall, exact", total.exact.recall, None, None, n_gold)

    def acc(ok: int, n: int) -> float | None:
        return safe_div(ok, n) if n else None

    report.add(
        subset_all,
        "speaker accuracy on found contents",
        acc(total.speaker_ok, total.speaker_n),
        None,
        None,
        total.speaker_n,
    )
    for kind in SOURCE_KINDS:
        report.add(
            subset_all,
            f"speaker accuracy on found contents, {kind} Sources",
            acc(*total.by_kind[kind]),
            None,
            None,
            total.by_kind[kind][1],
        )
    report.add(
        subset_direct,
        "speaker accuracy on found direct quotes",
        acc(total.direct_speaker_ok, total.direct_speaker_n),
        None,
        TARGETS["direct_speaker_accuracy"],
        total.direct_speaker_n,
    )
    for kind in SOURCE_KINDS:
        report.add(
            subset_direct,
            f"speaker accuracy on found direct quotes, {kind} Sources",
            acc(*total.direct_by_kind[kind]),
            None,
            None,
            total.direct_by_kind[kind][1],
        )
    report.add(
        subset_direct,
        "speaker accuracy on found direct quotes, entity rule (earlier scorer)",
        acc(total.direct_speaker_ok_entity, total.direct_speaker_n),
        None,
        None,
        total.direct_speaker_n,
    )
    report.add(subset_direct, "content recall, overlap", total.direct_overlap.recall, None, None, n_direct)
    report.add(subset_direct, "content precision, overlap", total.direct_overlap.precision, None, None, n_direct)
    report.add(subset_direct, "content F1, overlap", total.direct_overlap.f1, None, None, n_direct)
    report.examples = {
        "missed": total.missed,
        "false_positive": total.false_positives,
        "speaker_error": total.speaker_errors,
    }
    report.calibration = {
        "quotes (content and speaker)": bins_to_dicts(calibration_bins(total.quote_pairs)),
        "findings (content and source)": bins_to_dicts(calibration_bins(total.finding_pairs)),
        "quote speakers (on found contents)": bins_to_dicts(calibration_bins(total.speaker_pairs)),
    }
    report.seconds = timer.seconds
    return report
