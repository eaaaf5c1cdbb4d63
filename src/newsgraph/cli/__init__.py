"""The ``newsgraph`` command line (Typer + Rich).

Every command reports a problem as one line naming the file and the reason,
exits non-zero when nothing worked, and shows a traceback only with ``--debug``.
The shared options and error handling are in ``cli/common.py``; ``newsgraph fix``
is ``cli/fix.py``.
"""

from __future__ import annotations

import json
import signal
import sys
import time
from pathlib import Path

import typer
from rich.table import Table

from ..errors import NewsgraphError, StoreError, printable
from ..render import json_text, safe
from .common import (
    DB_OPTION,
    DEBUG_OPTION,
    EXIT_NOTHING_STORED,
    EXIT_SOME_FAILED,
    USER_OPTION,
    CommandFailed,
    err,
    finite_number,
    open_db,
    out,
    raise_terminated,
    run_command,
)
from .fix import fix_app

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles into an evidence-linked knowledge graph.",
    pretty_exceptions_enable=False,
)
app.add_typer(fix_app, name="fix")


# -- ingest -----------------------------------------------------------------


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (read recursively) or - for stdin."),
    db: Path = DB_OPTION,
    workers: int = typer.Option(1, "--workers", min=1, help="Processes running the model."),
    engine: str = typer.Option("local", "--engine", help="local, or ray for a Ray cluster."),
    address: str | None = typer.Option(None, "--address", help="Ray cluster address (with --engine ray)."),
    shards: Path = typer.Option(Path("shards"), "--shards", help="Parquet output folder (with --engine ray)."),
    max_file_mb: float = typer.Option(
        50, "--max-file-mb", callback=finite_number(0, above=True), help="Refuse files larger than this (HTML: 10 MB)."
    ),
    max_words: int = typer.Option(100_000, "--max-words", min=1, help="Refuse articles with more words than this."),
    file_timeout: float = typer.Option(
        60,
        "--file-timeout",
        callback=finite_number(0, above=True),
        help="Seconds allowed to extract one PDF or HTML file.",
    ),
    lock_timeout: float = typer.Option(
        5, "--lock-timeout", callback=finite_number(0), help="Seconds to wait for another writer's lock."
    ),
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks", help="Follow symlinked folders."),
    published: str | None = typer.Option(None, "--published", help="Date of articles that give none (YYYY-MM-DD)."),
    source: str | None = typer.Option(None, "--source", help="Outlet of articles that name none."),
    language: str | None = typer.Option(None, "--language", help="Language of articles that declare none (en)."),
    manifest: Path | None = typer.Option(
        None, "--manifest", help="CSV or JSONL of path,title,published,source,url per file; beats the files."
    ),
    no_stories: bool = typer.Option(False, "--no-stories", help="Skip near-copies, stories and event clusters."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Read, analyse and store articles. Known articles are recognised and skipped.

    Metadata: a --manifest row beats what a file says, which beats --published/--source/--language.

    Limits and their defaults are listed in docs/reliability.md.  Ctrl-C or SIGTERM
    stops it keeping every committed batch; rerunning the same command resumes.
    """
    from ..batch.runner import IngestReport

    report = IngestReport()

    def body() -> None:
        if engine == "ray":
            from ..batch.ray_runner import run_ray_ingest

            if published or source or language or manifest:
                raise typer.BadParameter("--published, --source, --language and --manifest need --engine local")

            summary = run_ray_ingest(paths, shards, address=address, actors=workers)
            for line in summary["errors"]:
                err.print(printable(line), highlight=False, markup=False)
            if as_json:
                out.print_json(data=summary)
            else:
                out.print(
                    printable(
                        f"{summary['articles']} articles from {summary['files']} files → {shards} "
                        f"(load them with: newsgraph load {shards} --db {db})"
                    ),
                    markup=False,
                    highlight=False,
                )
            if not summary["articles"]:
                raise CommandFailed(1)
            return
        if engine != "local":
            raise typer.BadParameter("--engine must be local or ray")
        from ..api import default_pipeline
        from ..batch.runner import IngestOptions, count_items, run_ingest
        from ..readers import ReadOptions
        from ..readers.manifest import batch_metadata, load_manifest
        from ..store.writer import Store

        max_bytes = int(max_file_mb * 1024 * 1024)
        read = ReadOptions(
            max_bytes=max_bytes,
            html_max_bytes=min(ReadOptions.html_max_bytes, max_bytes),
            max_words=max_words,
            time_limit=file_timeout,
            follow_symlinks=follow_symlinks,
            defaults=batch_metadata(published, source, language),
            manifest=load_manifest(manifest) if manifest is not None else None,
        )
        options = IngestOptions(read=read, workers=workers, busy_timeout=lock_timeout, stories=not no_stories)
        _note_migration(db, Store, lock_timeout)
        nlp = default_pipeline() if workers == 1 else None  # workers load their own

        total = None if as_json or not err.is_terminal else count_items(paths, read)
        _with_progress(lambda progress: run_ingest(paths, db, options, progress, nlp, report), as_json, total)
        _summarise(report, db, as_json)

    def interrupted() -> str:
        # The run's row is committed with each batch; the in-memory report can lag it by the
        # batch whose commit the signal followed.
        from ..store import Database

        run = None
        if report.run_id is not None:
            try:
                with Database(db) as stored:
                    run = stored.run(report.run_id)
            except StoreError:
                run = None  # the store could not be read back: say what this process counted
        added, duplicates = (run["added"], run["duplicates"]) if run else (report.added, report.duplicates)
        return f"{added} articles stored by this run ({duplicates} already stored) are kept"

    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        run_command(debug, body, db=db, interrupted=interrupted)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _summarise(report, db: Path, as_json: bool, nothing_new_is_fine: bool = False) -> None:
    """Print an ingest's failures and summary, and stop with its exit code (README "Exit codes")."""
    for failure in report.failures:
        err.print(failure.line(), highlight=False, markup=False)
    if as_json:
        sys.stdout.write(json_text(report.as_dict()) + "\n")
    else:
        out.print(
            f"{report.added} added, {report.duplicates} already stored, "
            f"{report.skipped} skipped, {len(report.failures)} failed → {safe(db)}",
            highlight=False,
        )
    for path, reason in report.skipped_paths:
        err.print(printable(f"skipped {path}: {reason}"), highlight=False, markup=False)
    if nothing_new_is_fine and not report.ingested_anything and not report.failures and not report.skipped:
        err.print("nothing new: every page was fetched before, or has not changed since", highlight=False)
    if not report.ingested_anything and (report.failures or not nothing_new_is_fine):
        err.print("nothing was ingested")
        raise CommandFailed(EXIT_NOTHING_STORED)
    if report.failures:
        raise CommandFailed(EXIT_SOME_FAILED)


def _note_migration(db: Path, store_class, lock_timeout: float) -> None:
    """Open the store once before the model loads: a problem with it is reported at
    once, and a migration of an older store is said, never done silently."""
    with store_class(db, timeout=lock_timeout) as store:
        if store.migrated_from is not None:
            from ..store import LATEST_SCHEMA_VERSION

            err.print(
                f"{safe(db)}: migrated the store from schema version {store.migrated_from} to {LATEST_SCHEMA_VERSION}",
                highlight=False,
            )


def _with_progress(work, quiet: bool, total: int | None = None):
    """Run ``work(progress_callback)`` under a Rich progress bar (articles/s, errors; with a
    ``total`` of expected articles, a bar and the time remaining)."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    if quiet or not err.is_terminal:
        return work(None)
    started = time.monotonic()
    columns = [SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn()]
    if total:
        columns[2:2] = [BarColumn(), TextColumn("{task.completed}/{task.total}")]
        columns.append(TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("starting (loading the model)…", total=total)

        def progress(report, path) -> None:
            done = report.added + report.duplicates + report.skipped
            rate = done / max(time.monotonic() - started, 1e-6)
            name = safe(Path(path or "").name)
            bar.update(
                task,
                completed=done + len(report.failures),
                description=f"{done} articles · {rate:.1f}/s · {len(report.failures)} errors · {name}",
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
        from ..api import analyze as analyze_article
        from ..errors import InputError

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

    run_command(debug, body)


def _print_article(article, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json_text(article.to_dict()) + "\n")
    else:
        from ..render import print_article

        print_article(out, article)


# -- stats / show -------------------------------------------------------------


@app.command()
def stats(db: Path = DB_OPTION, as_json: bool = typer.Option(False, "--json"), debug: bool = DEBUG_OPTION) -> None:
    """Counts of what the store holds."""

    def body() -> None:
        data = open_db(db).stats()
        if as_json:
            out.print_json(data=data)
            return
        table = Table(title=safe(db), show_header=False)
        for key, value in data.items():
            table.add_row(key, str(value))
        out.print(table)

    run_command(debug, body, db=db)


@app.command()
def stories(
    db: Path = DB_OPTION,
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the newest this many stories."),
    as_json: bool = typer.Option(False, "--json"),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Stories: the articles about one happening (near-copies marked) and their merged events."""

    def body() -> None:
        data = open_db(db).stories(limit=limit)
        if as_json:
            sys.stdout.write(json_text({"stories": data}) + "\n")
            return
        for story in data:
            first = story["articles"][0] if story["articles"] else {}
            copies = sum(1 for a in story["articles"] if a["duplicate_of"])
            line = (
                f"{story['id']}  {first.get('published') or '?':10}  {len(story['articles'])} articles "
                f"({copies} copies), {len(story['events'])} events  {first.get('title') or ''}"
            )
            out.print(printable(line), markup=False, highlight=False)

    run_command(debug, body, db=db)


@app.command()
def show(
    article_id: str = typer.Argument(..., metavar="ID", help="An article id (or an unambiguous prefix)."),
    db: Path = DB_OPTION,
    as_json: bool = typer.Option(False, "--json"),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Print one stored article with its facts."""

    def body() -> None:
        article = open_db(db).article(article_id)
        _print_article(article, as_json)

    run_command(debug, body, db=db)


# -- check / migrate ------------------------------------------------------------


@app.command()
def check(db: Path = DB_OPTION, as_json: bool = typer.Option(False, "--json"), debug: bool = DEBUG_OPTION) -> None:
    """Check a store: integrity, schema version and counts. Exit 1 if it needs care.

    Read-only (it works on read-only media), and it opens stores other commands
    refuse: damaged ones, older ones, ones whose version record is wrong.
    """

    def body() -> None:
        from ..store.maintenance import check_store

        report = check_store(db)
        if as_json:
            sys.stdout.write(json_text(report) + "\n")
        else:
            recorded, tables, latest = report["schema_version"], report["tables_version"], report["latest_version"]
            version = f"{recorded} (latest {latest})"
            if tables is not None and tables != recorded:
                version += f"; its tables are those of version {tables}"
            table = Table(title=safe(db), show_header=False)
            table.add_row("integrity", safe("; ".join(report["integrity"])))
            table.add_row("schema version", safe(version))
            for key, value in report["counts"].items():
                table.add_row(key, "—" if value is None else str(value))
            out.print(table)
            if report["needs_migrate"]:
                out.print(safe(f"run `newsgraph migrate --db {db}` to bring it to version {latest}"), highlight=False)
        if not report["ok"]:
            raise CommandFailed(1)

    run_command(debug, body, db=db)


@app.command()
def migrate(db: Path = DB_OPTION, debug: bool = DEBUG_OPTION) -> None:
    """Bring a store of an older schema version to this newsgraph's, in one transaction.

    Also corrects a wrong version record (e.g. after a .dump and restore) when the
    tables are those of a known version.  `ingest` migrates a store whose record is
    right by itself, and says so.
    """

    def body() -> None:
        from ..store.maintenance import migrate_store

        before, after = migrate_store(db)
        if before == after:
            out.print(f"{safe(db)} is at schema version {after}; nothing to do", highlight=False)
        else:
            out.print(f"{safe(db)}: schema version {before} → {after}", highlight=False)

    run_command(debug, body, db=db)


# -- serve ----------------------------------------------------------------------


@app.command()
def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 0.0.0.0 opens it to the network."),
    port: int = typer.Option(8000, "--port", help="TCP port; 0 picks a free one."),
    allowed_host: list[str] = typer.Option(
        [], "--allowed-host", help="Also answer this Host name (repeatable; *.domain allowed), e.g. behind a proxy."
    ),
    edit: bool = typer.Option(False, "--edit", help="Add edit controls (corrections); editing needs the token."),
    token: str | None = typer.Option(
        None, "--token", envvar="NEWSGRAPH_EDIT_TOKEN", help="The edit token (default: a random one, printed)."
    ),
    user: str | None = USER_OPTION,
    debug: bool = DEBUG_OPTION,
) -> None:
    """Serve the read-only web reader and explorer over a store.

    Only requests for 127.0.0.1, localhost, --host and each --allowed-host are
    answered (with --host 0.0.0.0: this machine's name and addresses instead of --host)."""

    def body() -> None:
        open_db(db)  # fail early, with one line, on a missing or foreign file
        from ..web.app import serve as serve_app
        from ..web.network import allowed_hosts_for, exposes_network

        if exposes_network(host):
            names = ", ".join(allowed_hosts_for(host, allowed_host))
            err.print(
                f"[yellow]warning:[/yellow] --host {host} listens beyond this machine: anyone on the network "
                f"can read the whole corpus, file paths included. Answering the host names: {names}",
                highlight=False,
            )

        editor = _editor(token, user) if edit else None

        def listening(url: str) -> None:
            out.print(f"newsgraph is serving {db} at {url}  (Ctrl-C to stop)", highlight=False)
            if editor is not None:
                shown = editor.token if token is None else "<your --token>"
                out.print(
                    f"edit mode: log in at {url.rstrip('/')}/edit/login?token={shown}", highlight=False, markup=False
                )

        serve_app(str(db), host=host, port=port, allowed_hosts=allowed_host, on_listening=listening, editor=editor)

    run_command(debug, body)


def _editor(token: str | None, user: str | None):
    """The web editor: the given token (checked), or a random one to print."""
    import secrets

    from ..web.edit import Editor, check_token

    return Editor(check_token(token) if token is not None else secrets.token_urlsafe(24), user)


@app.command()
def fetch(
    urls: list[str] = typer.Argument(None, help="Pages to download (http or https)."),
    feed: list[str] = typer.Option([], "--feed", help="An RSS or Atom feed whose new items to fetch (repeatable)."),
    db: Path = DB_OPTION,
    host_interval: float = typer.Option(
        1.0, "--host-interval", callback=finite_number(0), help="Seconds between requests to one host."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Download pages or a feed's items, read them as HTML and ingest them; only new URLs are fetched.

    Polite by default: one request per host per second, robots.txt obeyed, a
    User-Agent naming newsgraph.  What was fetched is kept in the store's fetch_log.
    """
    from .. import __version__
    from ..batch.runner import IngestReport

    report = IngestReport()

    def body() -> None:
        from ..api import default_pipeline
        from ..batch.fetch import FetchOptions, run_fetch
        from ..store.writer import Store

        if not urls and not feed:
            raise typer.BadParameter("give URLs, or --feed URL")
        options = FetchOptions(user_agent=f"newsgraph/{__version__}", host_interval=host_interval)
        _note_migration(db, Store, 5.0)
        _with_progress(
            lambda progress: run_fetch(
                list(urls or []), feed, db, options, None, progress, report=report, load_nlp=default_pipeline
            ),
            as_json,
        )
        _summarise(report, db, as_json, nothing_new_is_fine=True)

    run_command(debug, body, db=db)


@app.command()
def load(
    shards: Path = typer.Argument(..., help="The folder written by `ingest --engine ray`."),
    db: Path = DB_OPTION,
    no_stories: bool = typer.Option(False, "--no-stories", help="Skip near-copies, stories and event clusters."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Merge Parquet shards from a Ray ingest into the SQLite store."""

    def body() -> None:
        from ..batch.load import load_shards

        counts = load_shards(shards, db, stories=not no_stories)
        out.print(f"{counts['added']} added, {counts['duplicates']} already stored → {safe(db)}", highlight=False)

    run_command(debug, body)


@app.command()
def reanalyze(
    db: Path = DB_OPTION,
    workers: int = typer.Option(1, "--workers", min=1, help="Processes running the model."),
    lock_timeout: float = typer.Option(
        5, "--lock-timeout", callback=finite_number(0), help="Seconds to wait for another writer's lock."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Run the current pipeline again over every stored article, keeping ids and applying corrections.

    One transaction per batch: Ctrl-C keeps every article whole (old facts or new); rerun to finish.
    """
    from ..batch.reanalyze import ReanalysisReport

    report = ReanalysisReport()

    def body() -> None:
        from ..api import default_pipeline
        from ..batch.reanalyze import reanalyze_store
        from ..batch.runner import IngestOptions
        from ..store.writer import Store

        if not db.exists():
            raise NewsgraphError("E001", path=str(db))
        _note_migration(db, Store, lock_timeout)
        options = IngestOptions(workers=workers, busy_timeout=lock_timeout)
        reanalyze_store(db, options, nlp=default_pipeline() if workers == 1 else None, report=report)
        if as_json:
            sys.stdout.write(json_text(report.as_dict()) + "\n")
        else:
            out.print(f"{report.replaced} articles re-analysed, {len(report.kept)} kept as they were → {safe(db)}")
        for aid, why in report.kept:
            err.print(printable(f"kept {aid}: {why}"), highlight=False, markup=False)

    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        run_command(
            debug, body, db=db, interrupted=lambda: f"{report.replaced} articles re-analysed by this run are kept"
        )
    finally:
        signal.signal(signal.SIGTERM, previous)


# -- export -----------------------------------------------------------------------


@app.command()
def export(
    fmt: str = typer.Option(
        ...,
        "--format",
        help="gdelt-events (one TSV file), jsonl or parquet (a folder), graphml, gexf or edges (the entity graph, one file).",
    ),
    out_path: Path = typer.Option(
        ..., "--out", help="The file (gdelt-events, graphml, gexf, edges) or folder to write."
    ),
    db: Path = DB_OPTION,
    all_modalities: bool = typer.Option(
        False, "--all-modalities", help="gdelt-events: also negated, hypothetical, attempted, future, reported."
    ),
    force: bool = typer.Option(
        False, "--force", help="Replace an existing file, or the export files in a folder (never a database)."
    ),
    min_confidence: float | None = typer.Option(
        None,
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Leave out entities, quotes, findings and events below this confidence; default newsgraph.MIN_CONFIDENCE, 0: all.",
    ),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Export the store for other tools: GDELT-style events, every table as JSONL or Parquet, or the entity graph.

    The export is written to a temporary name and renamed into place when complete.
    """

    def body() -> None:
        from ..export import FORMATS
        from ..export import export as export_store

        if fmt not in FORMATS:
            raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
        open_db(db)
        counts = export_store(
            db, fmt, out_path, all_modalities=all_modalities, force=force, min_confidence=min_confidence
        )
        from ..readers.base import display_path

        out.print(", ".join(f"{table} {n}" for table, n in counts.items()) + f" → {display_path(out_path)}")

    run_command(debug, body)


# -- eval -------------------------------------------------------------------------


@app.command("eval")
def evaluate(
    dataset: str = typer.Argument(..., help="re3d, polnear, geowebnews, plover or realnews."),
    data: Path = typer.Option(..., "--data", help="The dataset folder, e.g. ../shared/eval/re3d."),
    min_confidence: float | None = typer.Option(
        None,
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Score only facts at or above this confidence (realnews, polnear, plover); default: every fact.",
    ),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N documents."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="Also score the baseline."),
    docs: Path | None = typer.Option(None, "--docs", help="Update this accuracy.md (e.g. docs/accuracy.md)."),
    as_json: bool = typer.Option(False, "--json"),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Score newsgraph against an annotated data set, beside its baseline."""

    def body() -> None:
        from ..evaluate import run_eval, write_accuracy_md

        if not data.exists():
            raise NewsgraphError("E001", path=str(data))
        report = run_eval(dataset, data, limit=limit, baseline=baseline, min_confidence=min_confidence)
        if as_json:
            out.print_json(data=report.to_dict())
        else:
            out.print(report.to_markdown())
        if docs:
            write_accuracy_md([report], docs)
            err.print(f"updated {docs}")

    run_command(debug, body)


@app.command()
def bench(
    corpus: Path | None = typer.Option(None, "--corpus", help="A JSONL corpus; default: 2,000 generated articles."),
    limit: int | None = typer.Option(None, "--limit", help="Use the first N articles."),
    min_chars: int = typer.Option(1, "--min-chars", help="Only articles with at least this many characters."),
    workers: str = typer.Option("1,2", "--workers", help="Worker counts to measure, comma-separated."),
    sample: Path | None = typer.Option(None, "--sample", help="An article to time warm; skipped without it."),
    soak: int | None = typer.Option(None, "--soak", help="Instead: ingest N generated articles, tracking memory."),
    results_out: Path | None = typer.Option(
        None, "--out", help="Save the results as JSON to this file, or to a dated file in this folder."
    ),
    docs: Path | None = typer.Option(
        None, "--docs", help="Update the throughput (or, with --soak, memory) section of this performance.md."
    ),
    as_json: bool = typer.Option(False, "--json", help="End with one JSON line of the key figures."),
    debug: bool = DEBUG_OPTION,
) -> None:
    """Measure throughput and memory against bare spaCy.

    Writes nothing unless asked: --out for the results, --docs for the doc
    (`make bench` passes the repository's bench/results and docs/performance.md).
    """

    def body() -> None:
        from ..bench import run_bench, run_soak, save_results, update_performance_doc, write_soak

        if sample is not None and not sample.is_file():
            raise NewsgraphError("E001", path=str(sample))
        if soak:
            result = run_soak(soak, progress=lambda m: err.print(m))
            out.print(f"{result['articles']:,} articles; memory growth {result.get('growth_mb', 0):+.0f} MB")
            _report_written(
                save_results(result, results_out) if results_out else None, write_soak(result, docs) if docs else None
            )
            return
        counts = tuple(int(w) for w in workers.split(",") if w.strip())
        if sample is None:
            err.print("no --sample: the warm single-article time is not measured")
        results = run_bench(corpus, limit, counts, sample, progress=lambda m: err.print(m), min_chars=min_chars)
        table = Table("run", "words/s", "vs bare spaCy", "peak RSS MB", title=f"newsgraph bench ({results['corpus']})")
        for key, run in results["runs"].items():
            n = key.rsplit("_", 1)[1]
            base = results["runs"][f"baseline_{n}"]["words_per_s"]
            table.add_row(
                key, f"{run['words_per_s']:,.0f}", f"{run['words_per_s'] / base:.2f}×", f"{run['peak_rss_mb']:.0f}"
            )
        out.print(table)
        _report_written(
            save_results(results, results_out) if results_out else None,
            update_performance_doc(results, docs) if docs else None,
        )
        if as_json:
            keys = ("baseline_words_per_s", "words_per_s", "ratio", "speedup_2_workers", "peak_rss_mb")
            sys.stdout.write(json.dumps({k: results.get(k) for k in keys}) + "\n")

    run_command(debug, body)


def _report_written(saved: Path | None, doc: Path | None) -> None:
    """One line on stderr saying what the benchmark wrote, or that it wrote nothing."""
    written = [f"saved {saved}"] if saved else []
    written += [f"updated {doc}"] if doc else []
    err.print(
        "; ".join(written) if written else "nothing written (--out FILE saves the results, --docs FILE updates a doc)"
    )


def main() -> None:
    app()
