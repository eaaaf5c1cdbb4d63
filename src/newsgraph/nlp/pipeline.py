"""Build the spaCy pipeline and turn Documents into Articles.

The statistical model (tagger, parser, NER) runs over chunks of at most
``chunk_chars`` characters, cut at paragraph boundaries, so a 1 MB article never
hits the model's ``max_length``.  Chunks go through the model in batches of at
most ``batch_chars`` characters (and ``batch_size`` chunks): the model's memory
grows with the text of a batch, and 28 chunks of one long article in a single
batch took 1.8 GB where batches of two took 360 MB.  The chunks are then
joined with ``Doc.from_docs`` and our own components run once over the whole
article, so quote attribution and entity resolution see every paragraph.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article, Document
from .attribute_rules import index_attribute_ruler
from .extensions import entities_from_ner, register_extensions
from .language import detect_language
from .lemmas import remember_lemmas
from .model_loader import load_english_model

__all__ = [
    "AnalysisOptions",
    "COMPONENTS",
    "build_pipeline",
    "analyze_documents",
    "analyze_document",
    "doc_to_article",
    "batches_by_size",
    "our_component_names",
    "split_into_chunks",
]

log = logging.getLogger(__name__)

# Our components, in pipeline order: (registered name, module that registers it).
# Later components read what earlier ones assign (see each component's ``assigns``).
# The order is: entities, linking, coref, quotes, figures, dates, events, framing.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("newsgraph_entities_v1", "newsgraph.nlp.entities"),
    ("newsgraph_linking_v1", "newsgraph.nlp.linking"),
    ("newsgraph_coref_v1", "newsgraph.nlp.coref"),
    ("newsgraph_quotes_v1", "newsgraph.nlp.quotes"),
    ("newsgraph_figures_v1", "newsgraph.nlp.figures"),
    ("newsgraph_dates_v1", "newsgraph.nlp.dates"),
    ("newsgraph_events_v1", "newsgraph.nlp.events"),
    ("newsgraph_framing_v1", "newsgraph.nlp.framing"),
)


@dataclass
class AnalysisOptions:
    """Everything that changes how articles are analysed, in one place."""

    chunk_chars: int = 20_000  # model input per chunk; long articles are cut at paragraphs
    batch_size: int = 32  # at most this many chunks per model batch
    batch_chars: int = 60_000  # at most this many characters per model batch (one chunk may be alone over it)
    components: tuple[str, ...] | None = None  # None: all of COMPONENTS
    skip_non_english: bool = True
    min_english_confidence: float = 0.5
    extra: dict = field(default_factory=dict)  # per-component config, by component name


def build_pipeline(options: AnalysisOptions | None = None) -> Language:
    """Load ``en_core_web_sm`` and add our components after its NER."""
    options = options or AnalysisOptions()
    register_extensions()
    nlp = load_english_model()
    index_attribute_ruler(nlp)  # the same matches as spaCy's Matcher, for a fifth of its CPU
    remember_lemmas(nlp)  # the same lemmas, each worked out once per text, POS and morphology
    importlib.import_module("newsgraph.nlp.paragraph_breaks")  # registers the factory
    nlp.add_pipe("newsgraph_paragraph_breaks_v1", before="parser")  # a blank line ends a sentence
    wanted = options.components
    for name, module in COMPONENTS:
        if wanted is not None and name not in wanted:
            continue
        importlib.import_module(module)  # registers the factory
        nlp.add_pipe(name, config=options.extra.get(name, {}))
    nlp.meta.setdefault("newsgraph", {})["components"] = [n for n, _ in COMPONENTS if n in nlp.pipe_names]
    return nlp


def our_component_names(nlp: Language) -> list[str]:
    names = {n for n, _ in COMPONENTS}
    return [n for n in nlp.pipe_names if n in names]


def split_into_chunks(text: str, chunk_chars: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``chunk_chars`` that concatenate back to it.

    Cuts fall after a paragraph break where possible, else after a sentence end,
    else at a space; a chunk never splits a word.
    """
    if len(text) <= chunk_chars:
        return [text]
    chunks = []
    start = 0
    while start < len(text):
        end = min(start + chunk_chars, len(text))
        if end < len(text):
            window = text[start:end]
            for sep in ("\n\n", ". ", "\n", " "):
                cut = window.rfind(sep)
                if cut > chunk_chars // 4:
                    end = start + cut + len(sep)
                    break
        chunks.append(text[start:end])
        start = end
    return chunks


def batches_by_size(
    chunks: Iterable[tuple[str, int]], max_items: int, max_chars: int
) -> Iterator[list[tuple[str, int]]]:
    """``(text, index)`` pairs grouped into lists of at most ``max_items`` and ``max_chars``."""
    batch: list[tuple[str, int]] = []
    size = 0
    for chunk in chunks:
        if batch and (len(batch) >= max_items or size + len(chunk[0]) > max_chars):
            yield batch
            batch, size = [], 0
        batch.append(chunk)
        size += len(chunk[0])
    if batch:
        yield batch


@dataclass
class _Pending:
    document: Document
    expected_chunks: int
    skip_reason: str | None
    language: str
    chunk_docs: list[Doc] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return len(self.chunk_docs) == self.expected_chunks


def analyze_documents(
    nlp: Language, documents: Iterable[Document], options: AnalysisOptions | None = None
) -> Iterator[tuple[Document, Article]]:
    """Analyse documents in a stream, yielding ``(document, article)`` in input order."""
    options = options or AnalysisOptions()
    ours = our_component_names(nlp)
    queue: list[_Pending] = []
    first_index = 0  # input index of queue[0]

    def chunk_stream() -> Iterator[tuple[str, int]]:
        for doc_index, document in enumerate(documents):
            reason, language = _screen(document, options)
            chunks = [] if reason else split_into_chunks(document.text, options.chunk_chars)
            queue.append(_Pending(document, len(chunks), reason, language))
            for chunk in chunks:
                yield chunk, doc_index

    def drain() -> Iterator[tuple[Document, Article]]:
        nonlocal first_index
        while queue and queue[0].ready:
            item = queue.pop(0)
            first_index += 1
            yield item.document, _finish(nlp, ours, item, options)

    for batch in batches_by_size(chunk_stream(), options.batch_size, options.batch_chars):
        for chunk_doc, doc_index in nlp.pipe(batch, as_tuples=True, batch_size=len(batch), disable=ours):
            queue[doc_index - first_index].chunk_docs.append(chunk_doc)
            yield from drain()
    yield from drain()  # skipped documents at the end of the stream


def analyze_document(nlp: Language, document: Document, options: AnalysisOptions | None = None) -> Article:
    """Analyse one document."""
    for _, article in analyze_documents(nlp, [document], options):
        return article
    raise AssertionError("analyze_documents yielded nothing for one document")


def _screen(document: Document, options: AnalysisOptions) -> tuple[str | None, str]:
    """``(why the document is not analysed, or None; its language)``."""
    if not document.text.strip():
        return "empty text", "en"
    if options.skip_non_english and document.language is not None:
        # The source (an export's LANGUAGE field, a manifest, --language) says: no guessing.
        if document.language != "en":
            return f"text is not English (declared '{document.language}')", document.language
        return None, "en"
    if options.skip_non_english:
        lang, confidence = detect_language(document.text)
        if lang != "en" and confidence >= options.min_english_confidence:
            return f"text is not English (detected '{lang}')", lang
    return None, "en"


def _finish(nlp: Language, ours: list[str], item: _Pending, options: AnalysisOptions) -> Article:
    document = item.document
    if item.skip_reason:
        article = document.new_article()
        article.skipped_reason = item.skip_reason
        article.language = item.language
        return article
    chunk_docs = item.chunk_docs
    doc = chunk_docs[0] if len(chunk_docs) == 1 else Doc.from_docs(chunk_docs, ensure_whitespace=False)
    doc._.ng_published = document.published
    doc._.ng_url = document.url  # the linker reads the outlet's home country from these
    doc._.ng_source = " | ".join(filter(None, (document.source, document.extra.get("home_link_titles")))) or None
    doc._.ng_paragraphs = list(document.paragraphs)
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc_to_article(doc, document)


def doc_to_article(doc: Doc, document: Document) -> Article:
    """Collect what the components assigned on ``doc._`` into an :class:`Article`."""
    article = document.new_article()
    entities = doc._.ng_entities
    article.entities = list(entities) if entities is not None else entities_from_ner(doc)
    article.quotes = list(doc._.ng_quotes or [])
    article.findings = list(doc._.ng_findings or [])
    article.amounts = list(doc._.ng_amounts or [])
    article.dates = list(doc._.ng_dates or [])
    article.events = list(doc._.ng_events or [])
    article.framing = list(doc._.ng_framing or [])
    bad = [s for s in article.spans() if article.text[s[1] : s[2]] != s[3]]
    if bad:
        # A component produced an offset that does not match the text: a bug to fix, never to hide.
        raise AssertionError(f"{document.path}: {len(bad)} spans do not match the text, first: {bad[0]}")
    return article
