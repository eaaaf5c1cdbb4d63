"""Run a third-party extractor (pdfminer, trafilatura/lxml) in a child process under limits.

A hostile PDF of a few kilobytes can keep pdfminer busy for hours (a content
stream repeated a hundred thousand times, text laid out so its layout analysis
goes quadratic); lxml is C code, and C code can crash.  Neither can be stopped
from inside: a thread cannot be killed and a signal handler only runs between
Python bytecodes.  So PDF and HTML extraction run in a child process that the
reader kills when the wall-clock limit (``ReadOptions.time_limit``) passes:

- the child comes from a *forkserver* (one clean Python started on first use,
  with pdfminer and trafilatura imported once), so each file costs a fork, not
  an interpreter start, and the child never inherits the parent's threads or
  its loaded spaCy model;
- the child also caps its own address space (``ReadOptions.memory_limit_mb``,
  E019) and sets an alarm a little past the limit, so it dies by itself even
  if the parent was killed with SIGKILL and can no longer kill it;
- an exception in the child comes back as its ``InputError``; a child that dies
  without answering (a segfault in C code, the kernel's OOM killer) is E020.

Where a child process cannot be started (a daemonic multiprocessing worker, a
platform without fork), or with ``ReadOptions.isolate=False``, the extractor
runs in this process and only checks the deadline between pages (PDF).
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
import sys
import threading
import time
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import InputError

if TYPE_CHECKING:
    from .base import ReadOptions

__all__ = ["Deadline", "extract_isolated", "run_limited"]

# Imported once by the forkserver, so that every forked child starts with them.
_PRELOAD = ["newsgraph.readers.pdf", "newsgraph.readers.html", "pdfminer.high_level", "trafilatura"]
_context = None
_unavailable: str | None = None  # why child processes cannot be used here


class Deadline:
    """A wall-clock deadline the in-process extractors check between units of work."""

    def __init__(self, seconds: float | None, path: str) -> None:
        self.limit = seconds
        self.path = path
        self.at = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        if self.at is not None and time.monotonic() > self.at:
            raise InputError("E017", path=self.path, limit=_fmt_limit(self.limit))


def _fmt_limit(seconds: float | None) -> str:
    return f"{seconds:g}" if seconds is not None else "?"


def _get_context():
    global _context, _unavailable
    if _context is None and _unavailable is None:
        try:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(_PRELOAD)
            _context = ctx
        except ValueError as err:  # no forkserver on this platform
            _unavailable = str(err)
    return _context


def extract_isolated(func: Callable[..., Any], args: tuple, *, path: str, fmt: str, options: ReadOptions) -> Any:
    """:func:`run_limited` with the time, memory and isolation limits of ``options``:
    how every reader of a format that a parser could hang or crash on extracts its text."""
    return run_limited(
        func,
        args,
        path=path,
        fmt=fmt,
        time_limit=options.time_limit,
        memory_limit_mb=options.memory_limit_mb,
        isolate=options.isolate,
    )


def run_limited(
    func: Callable[..., Any],
    args: tuple,
    *,
    path: str,
    fmt: str,
    time_limit: float | None,
    memory_limit_mb: int | None,
    isolate: bool = True,
) -> Any:
    """``func(*args, deadline)``, in a child process killed after ``time_limit`` seconds.

    ``func`` must be a module-level function; it receives a ``Deadline`` as its
    last argument (which matters only when it runs in this process).  Its
    ``InputError`` is re-raised here; a timeout is E017, a memory failure E019,
    a crash E020.
    """
    ctx = _get_context() if isolate else None
    if ctx is None or multiprocessing.current_process().daemon:
        return func(*args, Deadline(time_limit, path))
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_child_main,
        args=(sender, func, args, path, fmt, time_limit, memory_limit_mb),
        name=f"newsgraph-read {fmt}",
        daemon=True,
    )
    try:
        _start_without_main(child)
    except OSError:  # e.g. no processes left (RLIMIT_NPROC): read in this process instead
        sender.close()
        receiver.close()
        return func(*args, Deadline(time_limit, path))
    sender.close()  # the child holds the only write end now: its death means EOF here
    try:
        if not receiver.poll(time_limit):
            raise InputError("E017", path=path, limit=_fmt_limit(time_limit))
        try:
            status, payload = receiver.recv()
        except (EOFError, OSError):
            child.join(5)
            raise InputError("E020", path=path, fmt=fmt, detail=_death(child.exitcode)) from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
        child.close()
    if status == "ok":
        return payload
    code, where, details = payload
    raise InputError(code, path=where, **details)


_start_lock = threading.Lock()


def _start_without_main(child) -> None:
    """Start ``child`` without making it re-import the ``__main__`` module.

    multiprocessing's spawn and forkserver children re-run the parent's main
    script (as ``__mp_main__``) to find the target function; a user's script
    without an ``if __name__ == "__main__"`` guard would then run again in every
    child.  Our target lives in this module, so the child needs no main at all:
    for the instant ``start()`` records the main module, show it an anonymous one.
    """
    with _start_lock:
        real_main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            child.start()
        finally:
            sys.modules["__main__"] = real_main


def _limit_memory(megabytes: int | None) -> Callable[[], None]:
    """Cap the soft address-space limit; return how to lift it again."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if megabytes is None:
            return lambda: None
        limit = megabytes * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        return lambda: None  # the time limit still applies

    def restore() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))

    return restore


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


def _child_main(sender, func, args, path: str, fmt: str, time_limit: float | None, memory_limit_mb: int | None) -> None:
    """In the child: set the limits, run the extractor, send back its result or its error."""
    if time_limit is not None:
        # Die by ourselves shortly after the parent would have killed us, in case it
        # cannot any more (it was SIGKILLed).  SIGALRM's default action ends the process.
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(max(1, math.ceil(time_limit)) + 5)
    restore = _limit_memory(memory_limit_mb)
    try:
        result = ("ok", func(*args, Deadline(time_limit, path)))
    except InputError as err:
        result = ("error", (err.code, err.path, err.details))
    except MemoryError:
        result = ("error", ("E019", path, {"limit": memory_limit_mb}))
    except Exception as err:  # noqa: BLE001 - an extractor bug must not end the batch: name it
        detail = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
        result = ("error", ("E020", path, {"fmt": fmt, "detail": detail[:300]}))
    restore()  # room to pickle the answer, even after hitting the limit
    try:
        sender.send(result)
    finally:
        sender.close()
    os._exit(0)  # skip atexit handlers and finalizers inherited from the forkserver
