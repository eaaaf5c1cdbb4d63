"""Write evaluation reports into ``docs/accuracy.md``, one section per data set.

Each section sits between ``<!-- eval:NAME:start -->`` and ``<!-- eval:NAME:end -->``
markers and is replaced in place on the next run; everything else in the file
(hand-written text, other data sets' sections) is kept.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from .calibration import calibration_markdown
from .common import EvalReport

__all__ = ["write_accuracy_md", "render_section", "git_commit"]

TITLES = {
    "re3d": "re3d — entities in defence and security texts",
    "polnear": "PolNeAR — quotes and attribution in US political news",
    "geowebnews": "GeoWebNews — toponym recognition and resolution",
    "plover": "PLOVER gold-standard sentences — events and actors",
    "realnews": "Real news pages — every fact, scored by the shared real-news scorer",
}

# Where the data of a set lives when it is not ../shared/eval/NAME itself.
REPRODUCE_DATA = {"realnews": "../shared/eval/realnews/dev"}

HEADER = """# Accuracy

Measured with `newsgraph eval` on public annotated data sets that live outside the
repository (`../shared/eval`, see its README for formats and licences).  Every score
stands beside its baseline (spaCy `en_core_web_sm` alone on the same texts, where
it has an output for the measure) and the target the issue sets.  ✓ / ✗ says
whether our score meets the target.  Each section below is rewritten by
`newsgraph eval DATASET --data PATH --docs docs/accuracy.md`; text outside the sections is kept.
"""


def git_commit(cwd: Path | None = None) -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=cwd, capture_output=True, text=True, timeout=10
        )
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def _markers(dataset: str) -> tuple[str, str]:
    return f"<!-- eval:{dataset}:start -->", f"<!-- eval:{dataset}:end -->"


def render_section(report: EvalReport, commit: str, date: str) -> str:
    start, end = _markers(report.dataset)
    components = ", ".join(report.components) if report.components else "none yet (spaCy NER only)"
    limit = f" — **partial run: first {report.limit} only**" if report.limit else ""
    lines = [
        start,
        f"## {TITLES.get(report.dataset, report.dataset)}",
        "",
        f"- Date: {date}; commit `{commit}`; our components: {components}",
        f"- Data: `{report.dataset}`, {report.n_documents} documents{limit}",
        f"- Subset: {report.subset}",
        f"- Baseline: {report.baseline_name}",
        f"- Run time: {report.seconds:.0f} s (ours and baseline)",
        "",
        report.to_markdown(),
        "",
    ]
    if report.calibration:
        lines += [
            "Calibration: facts binned by their confidence, with the share of each bin that is right "
            "(a calibrated confidence has each bin's precision within 0.1 of its range) and its 95% "
            "Wilson interval: a bin whose interval reaches within 0.1 of its range may be right and only "
            "small; one whose interval lies wholly outside is miscalibrated.",
            "",
            calibration_markdown(report.calibration),
            "",
        ]
    if report.notes:
        lines += ["Notes:", ""] + [f"- {n}" for n in report.notes] + [""]
    data = REPRODUCE_DATA.get(report.dataset, f"../shared/eval/{report.dataset}")
    lines += [
        "Reproduce:",
        "",
        "```",
        f"newsgraph eval {report.dataset} --data {data}" + (f" --limit {report.limit}" if report.limit else ""),
        "```",
        end,
    ]
    return "\n".join(lines)


def write_accuracy_md(
    reports: EvalReport | Iterable[EvalReport],
    path: str | Path,
    commit: str | None = None,
    date: str | None = None,
) -> Path:
    """Write or update one section per report in ``path``; returns the path."""
    if isinstance(reports, EvalReport):
        reports = [reports]
    path = Path(path)
    if commit is None:
        commit = git_commit(path.resolve().parent if path.resolve().parent.exists() else None)
    date = date or datetime.date.today().isoformat()
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    for report in reports:
        section = render_section(report, commit, date)
        start, end = _markers(report.dataset)
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
        if pattern.search(text):
            text = pattern.sub(lambda _m, section=section: section, text, count=1)
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
    if not text.endswith("\n"):
        text += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
