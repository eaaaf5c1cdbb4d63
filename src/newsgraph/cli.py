"""The ``newsgraph`` command line (Typer + Rich).

Every command reports a problem as one line naming the file and the reason,
exits non-zero when nothing worked, and shows a traceback only with ``--debug``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from .errors import NewsgraphError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles into an evidence-linked knowledge graph.",
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)  # never wrap a path or an error line mid-way
err = Console(stderr=True, soft_wrap=True)

DB_OPTION = typer.Option("newsgraph.db", "--db", help="The SQLite store to use.")
DEBUG_OPTION = typer.Option(False, "--debug", help="Show tracebacks.")


class _Failure(Exception):
    """Raised inside a command to stop with an exit code after printing."""

    def __init__(self, code: int) -> None:
        self.code = code


def _run(debug: bool, body) -> None:
    """Run a command body, turning errors into one line (and a traceback with --debug)."""
    try:
        body()
    except _Failure as failure:
        raise typer.Exit(failure.code) from None
    except NewsgraphError as exc:
        if debug:
            raise
        err.print(f"[red]error:[/red] {exc.line()}", highlight=False)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        err.print("interrupted: what was committed is kept; run the same command again to resume")
        raise typer.Exit(130) from None
    except Exception as exc:  # the last line of defence: still one clear line
        if debug:
            raise
        err.print(f"[red]internal error:[/red] {type(exc).__name__}: {exc} (rerun with --debug)", highlight=False)
        raise typer.Exit(2) from None


# -- ingest -----------------------------------------------------------------


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (read recursively) or - for stdin."),
    db: Path = DB_OPTION,
    workers: int = typer.Option(1, "--workers", min=1, help="Processes running the model."),
    engine: str = typer.Option("local", "--engine", help="local, or ray for a Ray cluster."),
    address: str | None = typer.Option(None, "--address", help="Ray cluster address (with --engine ray)."),
    shards: Path = typer.Option(Path("shards"), "--shards", help="Parquet output folder (with --engine ray)."),
    max_file_mb: float = typer.Option(50, "--max-file-mb", help="Refuse files larger than this (HTML: 10 MB)."),
    max_words: int = typer.Option(100_000, "--max-words", help="Refuse articles with more words than this."),
    file_timeout: float = typer.Option(60, "--file-timeout", help="Seconds allowed to extract one PDF or HTML file."),
    lock_timeout: float = typer.Option(5, "--lock-timeout", help="Seconds to wait for another writer's lock."),
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks", help="Follow symlinked folders."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Read, analyse and store articles. Known articles are recognised and skipped.

    Limits and their defaults are listed in docs/reliability.md.
    """

    def body() -> None:
        if engine == "ray":
            from .batch.ray_runner import run_ray_ingest

            summary = run_ray_ingest(paths, shards, address=address, actors=workers)
            for line in summary["errors"]:
                err.print(line, highlight=False, markup=False)
            if as_json:
                out.print_json(data=summary)
            else:
                out.print(
                    f"{summary['articles']} articles from {summary['files']} files → {shards} "
                    f"(load them with: newsgraph load {shards} --db {db})"
                )
            if not summary["articles"]:
                raise _Failure(1)
            return
        if engine != "local":
            raise typer.BadParameter("--engine must be local or ray")
        from .api import default_pipeline
        from .batch.runner import IngestOptions, run_ingest
        from .readers import ReadOptions

        max_bytes = int(max_file_mb * 1024 * 1024)
        read = ReadOptions(
            max_bytes=max_bytes,
            html_max_bytes=min(ReadOptions.html_max_bytes, max_bytes),
            max_words=max_words,
            time_limit=file_timeout,
            follow_symlinks=follow_symlinks,
        )
        options = IngestOptions(read=read, workers=workers, busy_timeout=lock_timeout)
        nlp = default_pipeline() if workers == 1 else None  # workers load their own

        report = _with_progress(lambda progress: run_ingest(paths, db, options, progress=progress, nlp=nlp), as_json)
        for failure in report.failures:
            err.print(failure.line(), highlight=False, markup=False)
        if as_json:
            out.print_json(data=report.as_dict())
        else:
            out.print(
                f"{report.added} added, {report.duplicates} already stored, "
                f"{report.skipped} skipped, {len(report.failures)} failed → {db}"
            )
        if not report.ingested_anything:
            err.print("nothing was ingested")
            raise _Failure(1)

    _run(debug, body)


def _with_progress(work, quiet: bool):
    """Run ``work(progress_callback)`` under a Rich progress bar (files, articles/s, errors)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    if quiet or not err.is_terminal:
        return work(None)
    started = time.monotonic()
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True
    ) as bar:
        task = bar.add_task("starting (loading the model)…")

        def progress(report, path) -> None:
            done = report.added + report.duplicates + report.skipped
            rate = done / max(time.monotonic() - started, 1e-6)
            bar.update(
                task,
                description=f"{done} articles · {rate:.1f}/s · {len(report.failures)} errors · {Path(path or '').name}",
            )

        return work(progress)


# -- analyze ----------------------------------------------------------------


@app.command()
def analyze(
    file: str = typer.Argument(..., help="One article file, or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print the article as schema JSON."),
    published: str | None = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD)."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Analyse one article and print it, without storing anything."""

    def body() -> None:
        from .api import analyze as analyze_article
        from .errors import InputError

        if file == "-":
            text = sys.stdin.read()
            if not text.strip():
                raise InputError("E003", path="<stdin>")
            article = analyze_article(text, published=published)
        else:
            path = Path(file)
            if not path.exists():
                raise InputError("E001", path=file)
            article = analyze_article(path, published=published)
        _print_article(article, as_json)

    _run(debug, body)


def _print_article(article, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from .render import print_article

        print_article(out, article)


# -- stats / show -------------------------------------------------------------


@app.command()
def stats(db: Path = DB_OPTION, as_json: bool = typer.Option(False, "--json"), debug: bool = DEBUG_OPTION) -> None:
    """Counts of what the store holds."""

    def body() -> None:
        data = _open_db(db).stats()
        if as_json:
            out.print_json(data=data)
            return
        table = Table(title=str(db), show_header=False)
        for key, value in data.items():
            table.add_row(key, str(value))
        out.print(table)

    _run(debug, body)


def _open_db(db: Path):
    from .store import Database

    if not db.exists():
        raise NewsgraphError("E001", path=str(db))
    return Database(db)


@app.command()
def show(
    article_id: str = typer.Argument(..., metavar="ID", help="An article id (or an unambiguous prefix)."),
    db: Path = DB_OPTION,
    as_json: bool = typer.Option(False, "--json"),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Print one stored article with its facts."""

    def body() -> None:
        article = _open_db(db).article(article_id)
        _print_article(article, as_json)

    _run(debug, body)


# -- serve ----------------------------------------------------------------------


@app.command()
def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Serve the read-only web reader and explorer over a store."""

    def body() -> None:
        _open_db(db)  # fail early, with one line, on a missing or foreign file
        from .web.app import serve as serve_app

        out.print(f"newsgraph is serving {db} at http://{host}:{port}/  (Ctrl-C to stop)")
        serve_app(str(db), host=host, port=port)

    _run(debug, body)


@app.command()
def load(
    shards: Path = typer.Argument(..., help="The folder written by `ingest --engine ray`."),
    db: Path = DB_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Merge Parquet shards from a Ray ingest into the SQLite store."""

    def body() -> None:
        from .batch.load import load_shards

        counts = load_shards(shards, db)
        out.print(f"{counts['added']} added, {counts['duplicates']} already stored → {db}")

    _run(debug, body)


# -- export -----------------------------------------------------------------------


@app.command()
def export(
    fmt: str = typer.Option(..., "--format", help="gdelt-events (one TSV file), jsonl or parquet (a folder)."),
    out_path: Path = typer.Option(..., "--out", help="The file (gdelt-events) or folder to write."),
    db: Path = DB_OPTION,
    all_modalities: bool = typer.Option(
        False, "--all-modalities", help="gdelt-events: also negated, hypothetical, attempted, future, reported."
    ),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Export the store for other tools: GDELT-style events, or every table as JSONL or Parquet."""

    def body() -> None:
        from .export import FORMATS
        from .export import export as export_store

        if fmt not in FORMATS:
            raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
        _open_db(db)
        counts = export_store(db, fmt, out_path, all_modalities=all_modalities)
        out.print(", ".join(f"{table} {n}" for table, n in counts.items()) + f" → {out_path}")

    _run(debug, body)


# -- eval -------------------------------------------------------------------------


@app.command("eval")
def evaluate(
    dataset: str = typer.Argument(..., help="re3d, polnear, geowebnews or plover."),
    data: Path = typer.Option(..., "--data", help="The dataset folder, e.g. ../shared/eval/re3d."),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N documents."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="Also score the baseline."),
    write_docs: bool = typer.Option(False, "--write-docs", help="Update docs/accuracy.md."),
    as_json: bool = typer.Option(False, "--json"),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Score newsgraph against an annotated data set, beside its baseline."""

    def body() -> None:
        from .evaluate import run_eval, write_accuracy_md

        if not data.exists():
            raise NewsgraphError("E001", path=str(data))
        report = run_eval(dataset, data, limit=limit, baseline=baseline)
        if as_json:
            out.print_json(data=report.to_dict())
        else:
            out.print(report.to_markdown())
        if write_docs:
            write_accuracy_md([report])

    _run(debug, body)


@app.command()
def bench(
    corpus: Path | None = typer.Option(None, "--corpus", help="A JSONL corpus; default: 2,000 generated articles."),
    limit: int | None = typer.Option(None, "--limit", help="Use the first N articles."),
    min_chars: int = typer.Option(1, "--min-chars", help="Only articles with at least this many characters."),
    workers: str = typer.Option("1,2", "--workers", help="Worker counts to measure, comma-separated."),
    sample: Path | None = typer.Option(None, "--sample", help="An article to time warm (default: the shared sample)."),
    soak: int | None = typer.Option(None, "--soak", help="Instead: ingest N generated articles, tracking memory."),
    as_json: bool = typer.Option(False, "--json", help="End with one JSON line of the key figures."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Measure throughput and memory against bare spaCy; update docs/performance.md."""

    def body() -> None:
        from .bench import run_bench, run_soak, write_results, write_soak

        doc = Path("docs/performance.md")
        if soak:
            result = run_soak(soak, progress=lambda m: err.print(m))
            write_soak(result, doc)
            out.print(f"{result['articles']:,} articles; memory growth {result.get('growth_mb', 0):+.0f} MB")
            return
        counts = tuple(int(w) for w in workers.split(",") if w.strip())
        default_sample = Path("../shared/samples/kaliningrad.txt")
        chosen = sample or (
            default_sample if default_sample.exists() else Path("examples/txt/baltic-exercise-extracted.txt")
        )
        results = run_bench(corpus, limit, counts, chosen, progress=lambda m: err.print(m), min_chars=min_chars)
        saved = write_results(results, Path("bench/results"), doc)
        table = Table("run", "words/s", "vs bare spaCy", "peak RSS MB", title=f"newsgraph bench ({results['corpus']})")
        for key, run in results["runs"].items():
            n = key.rsplit("_", 1)[1]
            base = results["runs"][f"baseline_{n}"]["words_per_s"]
            table.add_row(
                key, f"{run['words_per_s']:,.0f}", f"{run['words_per_s'] / base:.2f}×", f"{run['peak_rss_mb']:.0f}"
            )
        out.print(table)
        out.print(f"saved {saved}; updated {doc}")
        if as_json:
            keys = ("baseline_words_per_s", "words_per_s", "ratio", "speedup_2_workers", "peak_rss_mb")
            sys.stdout.write(json.dumps({k: results.get(k) for k in keys}) + "\n")

    _run(debug, body)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
