"""What every evaluation shares: documents from raw text, running our pipeline
and the spaCy baseline, and the :class:`EvalReport` they produce."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..model import Article, Document, OffsetMap, Paragraph
from ..nlp.knowledge.lexicon import PRONOUNS

__all__ = [
    "Row",
    "EvalReport",
    "plain_document",
    "eval_options",
    "get_pipeline",
    "analyze",
    "baseline_ner",
    "pipeline_components",
    "context",
    "is_named",
    "Timer",
]

# ---------------------------------------------------------------------------
# Documents


_BLOCK = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
_LINE = re.compile(r"[^\n]*\S[^\n]*")


def plain_document(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    path: str | None = None,
    source: str | None = None,
    url: str | None = None,
    paragraphs: str = "blank",
) -> Document:
    """A :class:`Document` for already-clean text, with identity offsets.

    ``paragraphs``: ``"blank"`` cuts paragraphs at blank lines, ``"line"`` makes
    every non-empty line a paragraph (for data sets that put one paragraph per line).
    The text is used as is, so gold offsets into it stay valid.
    """
    if paragraphs not in ("blank", "line"):
        raise ValueError(f"paragraphs must be 'blank' or 'line', not {paragraphs!r}")
    pattern = _BLOCK if paragraphs == "blank" else _LINE
    paras = [Paragraph(m.start(), m.end(), "body") for m in pattern.finditer(text)]
    return Document(
        text=text,
        source_text=text,
        offsets=OffsetMap.identity(len(text)),
        paragraphs=paras,
        title=title,
        published=published,
        path=path,
        source=source,
        url=url,
    )


# ---------------------------------------------------------------------------
# Running our pipeline and the baseline

_PIPELINES: dict[str, Any] = {}
_BASELINE: dict[str, Any] = {}


def eval_options(options=None):
    """Analysis options for evaluation: the given ones, or defaults that never skip a text.

    Every text in these data sets is English; a language guess on a one-sentence
    PLOVER record must not drop it from the score.
    """
    from ..nlp.pipeline import AnalysisOptions

    return options if options is not None else AnalysisOptions(skip_non_english=False)


def get_pipeline(options=None):
    """``build_pipeline(options)``, built once per process and options."""
    from ..nlp.pipeline import build_pipeline

    options = eval_options(options)
    key = repr(options)
    if key not in _PIPELINES:
        _PIPELINES[key] = build_pipeline(options)
    return _PIPELINES[key]


def pipeline_components(options=None) -> list[str]:
    from ..nlp.pipeline import our_component_names

    return our_component_names(get_pipeline(options))


def analyze(documents: Sequence[Document], options=None) -> list[Article]:
    """Run the full newsgraph pipeline over ``documents`` (streamed, batched)."""
    from ..nlp.pipeline import analyze_documents

    options = eval_options(options)
    nlp = get_pipeline(options)
    return [article for _, article in analyze_documents(nlp, documents, options)]


def baseline_ner(texts: Iterable[str], batch_size: int = 32) -> list[list[tuple[int, int, str]]]:
    """spaCy ``en_core_web_sm`` alone: ``(start_char, end_char, label)`` of ``doc.ents`` per text."""
    from ..nlp.model_loader import load_english_model

    if "nlp" not in _BASELINE:
        _BASELINE["nlp"] = load_english_model()
    nlp = _BASELINE["nlp"]
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=batch_size)]


# ---------------------------------------------------------------------------
# Small text helpers shared by the scorers

# Capitalised words that do not make a span a name.
# Pronouns other than reflexives, determiners and the commonest honorifics (a wider list of titles would
# change which gold spans count as named, and with it every "named" figure).
_NOT_NAMES = frozenset(w for w, p in PRONOUNS.items() if p.case != "reflexive") | frozenset(
    """this that these those the a an who whom whose which what there here some any all both each
    one another other such mr mrs ms dr sir""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


def is_named(text: str) -> bool:
    """Does ``text`` contain a capitalised word that is not a pronoun, determiner or bare title?

    ``"the Australian Government"`` and ``"Syrians"`` are named; ``"They"``,
    ``"The camp"`` and ``"his home"`` are not.
    """
    for m in _WORD.finditer(text):
        word = m.group()
        if word[0].isupper() and word.lower().rstrip(".") not in _NOT_NAMES:
            return True
    return False


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """``…left [span] right…`` on one line, for error listings."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    snippet = f"{left}[{text[start:end]}]{right}"
    return " ".join(snippet.split())


class Timer:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.start


# ---------------------------------------------------------------------------
# The report


@dataclass
class Row:
    """One line of a report table.

    ``ours`` / ``baseline`` are ``None`` when a system has no output for the
    measure (rendered "—"); ``target`` is the bar the issue sets (``None``: none).
    ``unit`` is ``""`` for scores in [0, 1], ``"km"`` for distances.
    """

    dataset: str
    subset: str
    measure: str
    ours: float | None
    baseline: float | None
    target: float | None
    n: int
    unit: str = ""
    higher_is_better: bool = True

    @property
    def met(self) -> bool | None:
        if self.target is None or self.ours is None:
            return None
        return self.ours >= self.target if self.higher_is_better else self.ours <= self.target

    def fmt(self, value: float | None) -> str:
        if value is None:
            return "—"
        if self.unit == "km":
            return f"{value:,.0f} km"
        return f"{value:.3f}"

    def target_text(self) -> str:
        if self.target is None:
            return ""
        op = "≥" if self.higher_is_better else "≤"
        value = f"{self.target:,.0f} km" if self.unit == "km" else f"{self.target:.2f}"
        return f"{op} {value}"


@dataclass
class EvalReport:
    dataset: str
    data_path: str
    subset: str  # the exact subset evaluated, in words
    rows: list[Row] = field(default_factory=list)
    n_documents: int = 0
    limit: int | None = None
    baseline_name: str = "spaCy en_core_web_sm NER alone, same texts"
    components: list[str] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    # error listings for analysis, by kind ("missed", "false_positive", ...): plain dicts
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # per kind of fact ("quotes", "events", ...): confidence bins (evaluate.calibration.bins_to_dicts)
    calibration: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # the figures exactly as the data set's own scorer gives them, where it has one (realnews)
    figures: dict[str, Any] = field(default_factory=dict)

    def add(self, subset: str, measure: str, ours, baseline=None, target=None, n: int = 0, **kw) -> Row:
        row = Row(self.dataset, subset, measure, ours, baseline, target, n, **kw)
        self.rows.append(row)
        return row

    def row(self, subset: str, measure: str) -> Row:
        for r in self.rows:
            if r.subset == subset and r.measure == measure:
                return r
        raise KeyError((subset, measure))

    def to_markdown(self) -> str:
        """The results table: ours beside the baseline and the target."""
        lines = [
            "| subset | measure | ours | baseline | target | n |",
            "|---|---|---:|---:|---|---:|",
        ]
        for r in self.rows:
            target = r.target_text()
            if target:
                target += " ✓" if r.met else " ✗"
            lines.append(f"| {r.subset} | {r.measure} | {r.fmt(r.ours)} | {r.fmt(r.baseline)} | {target} | {r.n:,} |")
        return "\n".join(lines)

    def to_dict(self, examples: bool = True) -> dict[str, Any]:
        data = asdict(self)
        for r, d in zip(self.rows, data["rows"]):
            d["met"] = r.met
        if not examples:
            data.pop("examples")
        return data
