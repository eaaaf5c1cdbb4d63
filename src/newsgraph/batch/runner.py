"""The local ingest runner: read → repair → analyse → store, streaming.

Articles already in the store (same text hash) are recognised *before* the
model runs, so re-ingesting a folder, or resuming an interrupted ingest, costs
only the reading.  Bad files are reported and the batch goes on.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Document
from ..nlp.pipeline import AnalysisOptions, analyze_documents, build_pipeline
from ..readers import ReadOptions, iter_documents
from ..readers.counting import count_articles
from ..readers.files import iter_files
from ..store import Store
from .records import document_to_record

__all__ = ["IngestOptions", "IngestReport", "analyse", "run_ingest", "ingest_items", "count_items"]


@dataclass
class IngestOptions:
    """How an ingest runs; every knob in one place."""

    read: ReadOptions = field(default_factory=ReadOptions)
    analysis: AnalysisOptions = field(default_factory=AnalysisOptions)
    commit_every: int = 50  # articles per write transaction
    workers: int = 1  # processes running the model; 1 runs it in this process
    worker_batch: int = 16  # documents per task sent to a worker
    busy_timeout: float | None = None  # seconds to wait for another writer's lock (None: 5 s), then E102
    stories: bool = True  # find near-copies, stories and event clusters as articles are stored


@dataclass
class IngestReport:
    run_id: int | None = None  # this run's row in ingest_runs, once opened
    added: int = 0
    duplicates: int = 0
    near_copies: int = 0  # added, and marked as a copy of a stored article (syndication, retitling)
    skipped: int = 0  # read fine but not analysed (e.g. not English)
    skipped_paths: list[tuple[str, str]] = field(default_factory=list)  # (path, reason) of each skipped article
    failures: list[InputError] = field(default_factory=list)
    words: int = 0

    @property
    def ingested_anything(self) -> bool:
        return self.added > 0 or self.duplicates > 0

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "near_copies": self.near_copies,
            "skipped": self.skipped,
            "failed": len(self.failures),
            "failures": [f.line() for f in self.failures],
            "skipped_paths": [{"path": path, "reason": reason} for path, reason in self.skipped_paths],
            "words": self.words,
        }


# Called after each unit of work with the running report: drives progress bars.
Progress = Callable[[IngestReport, str | None], None]


def run_ingest(
    paths: Iterable[str | Path],
    db: str | Path,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
    nlp=None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Ingest every article under ``paths`` into the store at ``db``.

    Pass your own ``report`` to know how far an ingest got when it is interrupted
    (KeyboardInterrupt): its counts are then those of the committed batches.  The
    run's row in ``ingest_runs`` is marked interrupted, with the same counts.
    """
    options = options or IngestOptions()
    return ingest_items(
        lambda _store: iter_documents([str(p) for p in paths], options.read), db, options, progress, nlp, report
    )


def ingest_items(
    items: Callable[[Store], Iterable[Document | InputError]],
    db: str | Path,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
    nlp=None,
    report: IngestReport | None = None,
    command: str = "ingest",
    load_nlp: Callable[[], Any] | None = None,
) -> IngestReport:
    """``run_ingest`` over documents and errors from ``items(store)`` (read files, fetched pages).

    Without ``nlp``, the pipeline is ``load_nlp()`` (or one built from ``options.analysis``),
    loaded when the first document not yet stored arrives, and not at all if none does."""
    options = options or IngestOptions()
    report = report if report is not None else IngestReport()
    notify = progress or (lambda _report, _path: None)
    with Store(db, timeout=options.busy_timeout, stories=options.stories) as store:
        report.run_id = store.start_run(command)

        def new_documents() -> Iterator[Document]:
            for item in items(store):
                if isinstance(item, InputError):
                    report.failures.append(item)
                    store.record_failure(item.path or "", item.code, item.reason)
                    notify(report, item.path)
                    continue
                if store.has(item.id):
                    # Known text: record where else it was seen, skip the model.
                    store.record_duplicate(item.id, item.path)
                    report.duplicates += 1
                    notify(report, item.path)
                    continue
                yield item

        analysed = analyse(new_documents(), options, nlp, load_nlp)
        pending: list[tuple[Article, Document]] = []
        for document, article in analysed:
            if article.skipped_reason:
                report.skipped += 1
                report.skipped_paths.append((document.path or "", article.skipped_reason))
                store.record_failure(document.path or "", "E015", article.skipped_reason)
                notify(report, document.path)
                continue  # not stored: only analysed articles go into the graph
            pending.append((article, document))
            if len(pending) >= options.commit_every:
                _flush(store, pending, report)
            notify(report, document.path)
        _flush(store, pending, report)
    return report


def analyse(
    documents: Iterable[Document], options: IngestOptions, nlp=None, load_nlp: Callable[[], Any] | None = None
) -> Iterator[tuple[Document, Article]]:
    """The analysis path of every run (ingest, fetch, reanalyze): ``(document, article)`` in
    input order, in ``options.workers`` processes or in this one (with ``nlp`` if given, else
    ``load_nlp()`` or a pipeline built from ``options.analysis``).

    The model loads only once there is a document to analyse: a rerun that finds nothing
    new (a daily fetch, a folder ingested before) never pays for loading it."""
    documents = iter(documents)
    first = next(documents, None)
    if first is None:
        return iter(())
    documents = chain([first], documents)
    if options.workers > 1:
        return _analyse_in_workers(documents, options)
    pipeline = nlp or (load_nlp() if load_nlp else build_pipeline(options.analysis))
    return analyze_documents(pipeline, documents, options.analysis)


def _flush(store: Store, pending: list[tuple[Article, Document]], report: IngestReport) -> None:
    for result, (article, _document) in zip(store.add_many(pending, batch_size=len(pending) or 1), pending):
        if result.added:
            report.added += 1
            report.words += len(article.text.split())
            report.near_copies += result.copy_of is not None
        else:
            report.duplicates += 1  # the same text twice within one batch
    pending.clear()


# -- worker processes ----------------------------------------------------------

_worker_nlp = None  # one pipeline per worker process, loaded once by the initializer


def _init_worker(analysis: AnalysisOptions) -> None:
    global _worker_nlp
    _worker_nlp = build_pipeline(analysis)


def _analyse_batch(records: list[dict], analysis: AnalysisOptions) -> list[dict]:
    from .records import analyze_records

    return [r["article"] for r in analyze_records(_worker_nlp, records, analysis)]


def _analyse_in_workers(documents: Iterator[Document], options: IngestOptions) -> Iterator[tuple[Document, Article]]:
    """Run the model in ``options.workers`` processes, yielding results in input order.

    At most two batches per worker are in flight, so the input is streamed, never
    held whole in memory (``Pool.imap`` would read the whole input ahead).
    """
    context = multiprocessing.get_context("spawn")  # no fork: the parent may hold threads
    in_flight: deque[tuple[list[Document], Future]] = deque()
    with ProcessPoolExecutor(options.workers, context, _init_worker, (options.analysis,)) as pool:
        while batch := list(islice(documents, options.worker_batch)):
            records = [document_to_record(d) for d in batch]
            in_flight.append((batch, pool.submit(_analyse_batch, records, options.analysis)))
            while len(in_flight) >= 2 * options.workers:
                yield from _collect(*in_flight.popleft())
        while in_flight:
            yield from _collect(*in_flight.popleft())


def _collect(batch: list[Document], future: Future) -> Iterator[tuple[Document, Article]]:
    for document, article_dict in zip(batch, future.result()):
        yield document, Article.from_dict(article_dict)


def count_items(paths: Iterable[str | Path], read: ReadOptions | None = None) -> int | None:
    """How many articles (or failures) an ingest of ``paths`` will report: one per file,
    one per line of a JSONL file, one per article of a Nexis or Factiva export
    (``readers.counting``).  None for standard input, whose length is unknown.
    Reads JSONL files and exports in chunks up to the size limit; a progress bar's total, not a promise."""
    read = read or ReadOptions()
    names = [str(p) for p in paths]
    if "-" in names:
        return None
    total = 0
    for path in iter_files(names, read):
        if isinstance(path, InputError):
            total += 1
            continue
        if path.suffix.lower() != ".jsonl":
            total += count_articles(path, read)
            continue
        lines = 0
        try:
            with path.open("rb") as fh:
                for _ in range(read.max_bytes // (1 << 20) + 1):
                    chunk = fh.read(1 << 20)
                    if not chunk:
                        break
                    lines += chunk.count(b"\n") + (0 if chunk.endswith(b"\n") or len(chunk) == 1 << 20 else 1)
        except OSError:
            lines = 1  # the reader will name the problem
        total += max(lines, 1)
    return total
