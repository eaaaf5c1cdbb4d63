"""`newsgraph reanalyze`: run the current pipeline again over every stored article.

After an upgrade of the pipeline (or with other analysis options) the stored facts are
replaced by a new analysis of the same texts, read back from the store: no original file
is needed.  The analysis is the ingest's own (``runner.analyse``, one process or
``workers``); each batch of ``commit_every`` articles is one transaction, so a run killed
midway leaves every article whole, with its old facts or its new ones, and running it
again finishes the job.  Article ids stay; corpus entities whose names resolve the same
keep their ids; every active correction is applied again (``store.reanalysis``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article
from ..store import Store
from .runner import IngestOptions, analyse

__all__ = ["ReanalysisReport", "reanalyze_store"]


@dataclass
class ReanalysisReport:
    replaced: int = 0  # articles whose facts are the new analysis (committed)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (article id, why) left with their old facts

    def as_dict(self) -> dict:
        return {"replaced": self.replaced, "kept": [{"id": aid, "reason": why} for aid, why in self.kept]}


def reanalyze_store(
    db: str | Path,
    options: IngestOptions | None = None,
    progress: Callable[[ReanalysisReport], None] | None = None,
    nlp=None,
    report: ReanalysisReport | None = None,
) -> ReanalysisReport:
    """Re-analyse every stored article of ``db``; pass ``report`` to know how far it got if interrupted."""
    options = options or IngestOptions()
    report = report if report is not None else ReanalysisReport()
    notify = progress or (lambda _report: None)
    with Store(db, timeout=options.busy_timeout) as store:
        pending: list[Article] = []
        for _document, article in analyse(store.stored_documents(), options, nlp):
            if article.skipped_reason:
                # The new pipeline would not analyse it (e.g. an empty text): keep what is stored.
                report.kept.append((article.id, article.skipped_reason))
            else:
                pending.append(article)
            if len(pending) >= options.commit_every:
                report.replaced += store.replace_analyses(pending)
                pending = []
            notify(report)
        if pending:
            report.replaced += store.replace_analyses(pending)
            notify(report)
    return report
