"""What every ``newsgraph`` command shares: the consoles, the common options, exit codes,
and ``run_command``, which turns any error into one line (a traceback only with ``--debug``)."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import typer
from rich.console import Console

from ..errors import NewsgraphError
from ..render import safe

out = Console(soft_wrap=True)  # never wrap a path or an error line mid-way
err = Console(stderr=True, soft_wrap=True)

DB_OPTION = typer.Option("newsgraph.db", "--db", help="The SQLite store to use.")
DEBUG_OPTION = typer.Option(False, "--debug", help="Show tracebacks.")
REASON_OPTION = typer.Option("", "--reason", help="Why: kept with the correction.")
USER_OPTION = typer.Option(None, "--user", help="Who makes the correction (default: the OS user).")


# Exit codes of ingest and fetch (README "Exit codes"): 0 every file was read.
EXIT_NOTHING_STORED = 1  # nothing was stored (or already there): every input failed, or there was none
EXIT_SOME_FAILED = 3  # articles were stored, but some files failed: their lines name them


class CommandFailed(Exception):
    """Raised inside a command to stop with an exit code after printing."""

    def __init__(self, code: int) -> None:
        self.code = code


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, exactly like Ctrl-C's KeyboardInterrupt."""


def raise_terminated(_signum, _frame) -> None:
    raise Terminated


def run_command(debug: bool, body, db: Path | None = None, interrupted=None) -> None:
    """Run a command body, turning errors into one line (and a traceback with --debug).

    ``db``: the store the command uses, to name it when SQLite itself fails (a
    damaged file).  ``interrupted``: a function giving what to say on Ctrl-C or
    SIGTERM, e.g. how many articles were stored.
    """
    try:
        body()
    except CommandFailed as failure:
        raise typer.Exit(failure.code) from None
    except NewsgraphError as exc:
        if debug:
            raise
        print_error(exc)
        raise typer.Exit(1) from None
    except KeyboardInterrupt as exc:
        said = interrupted() if interrupted else "what was committed is kept"
        err.print(f"interrupted: {said}; run the same command again to resume", highlight=False, markup=False)
        raise typer.Exit(143 if isinstance(exc, Terminated) else 130) from None
    except sqlite3.Error as exc:
        from ..store.connection import map_error

        mapped = map_error(exc, db)
        if debug or not isinstance(mapped, NewsgraphError):
            raise
        print_error(mapped)
        raise typer.Exit(1) from None
    except Exception as exc:  # the last line of defence: still one clear line
        if debug:
            raise
        err.print(
            f"[red]internal error:[/red] {safe(type(exc).__name__)}: {safe(exc)} (rerun with --debug)", highlight=False
        )
        raise typer.Exit(2) from None


def print_error(exc: NewsgraphError) -> None:
    err.print(f"[red]error:[/red] {safe(exc.line())}", highlight=False)


def finite_number(minimum: float, *, above: bool = False):
    """A Typer callback refusing nan, infinity and values below ``minimum``
    (or at it, with ``above``): exit 2 with Typer's usage message."""
    bound = f"greater than {minimum:g}" if above else f"at least {minimum:g}"

    def check(value: float | None) -> float | None:
        if value is not None and (not math.isfinite(value) or value < minimum or (above and value == minimum)):
            raise typer.BadParameter(f"{value} is not a finite number {bound}")
        return value

    return check


def open_db(db: Path):
    from ..store import Database

    if not db.exists():
        raise NewsgraphError("E001", path=str(db))
    return Database(db)
