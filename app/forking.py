"""Work done beside this process in a forked child, where forking is safe; never depended upon."""

from __future__ import annotations

import functools
import gc
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

T = TypeVar("T")

# The child is stopped if it has not answered this long after our own share of the work was done
# (a few times our share's time: the shares are alike), and never outlives this many seconds (SIGALRM).
CHILD_PATIENCE = 4.0
MIN_WAIT_S = 5.0
CHILD_LIFETIME_S = 300


def can_fork() -> bool:
    """Whether a second process is worth starting here (two cores or more), and safe to fork.

    Forking is safe only where no GUI toolkit is loaded: the ingest worker process
    (app.jobs.ProcessLane) never imports one, the GUI process does.
    """
    import multiprocessing  # here, not at import: the GUI loads this module but never forks

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    fork = "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon
    return cores > 1 and fork and "PySide6" not in sys.modules


class Child:
    """This process's end of the pipe to a forked child; a child that fails or is slow is stopped."""

    def __init__(self, pipe: Connection, process: BaseProcess) -> None:
        self.pipe, self.process = pipe, process

    def answer(self, started: float) -> object | None:
        """The child's next message, or None (and the child stopped) when it failed, or did not
        answer within a few times the time since `started`, when our own share of the work began."""
        wait = max(MIN_WAIT_S, CHILD_PATIENCE * (time.monotonic() - started))
        try:
            if self.pipe.poll(wait):
                return self.pipe.recv()
        except (EOFError, OSError):
            pass
        self.process.kill()
        return None

    def tell(self, message: object) -> bool:
        """Send the child `message`; False when the child is gone."""
        try:
            self.pipe.send(message)
        except OSError:
            return False
        return True


@contextmanager
def forked(talk: Callable[[Connection], None]) -> Iterator[Child | None]:
    """A child forked to run `talk` over its end of a pipe; None when no process could be had.

    On leaving, the child is stopped if it still runs, and reaped.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    process = context.Process(target=_child, args=(ours, theirs, talk), daemon=True)
    try:
        process.start()
        started = True
    except OSError:  # no process to be had (limits, memory)
        started = False
    finally:
        theirs.close()  # the child's end: so that the child's death reads as the end of the pipe
    try:
        yield Child(ours, process) if started else None
    finally:
        ours.close()
        if started:
            if process.is_alive():
                process.kill()
            process.join()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector paused for one file's reading or analysis, then as it was.

    Reading a long PDF makes millions of short-lived containers (PyMuPDF's dicts),
    and each collection then walks every object alive: about 5 % of the reading's
    time, and in a forked child every object walked is a page copied. The reading
    leaves almost no cycles behind (a few dozen objects per file), collected later.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _child(ours: Connection, theirs: Connection, talk: Callable[[Connection], None]) -> None:
    # A hostile file must not keep an orphan busy if our process is killed (ProcessLane's timeout):
    # a time limit, and no copy of the parent's end of the pipe, so that talking to a dead parent fails.
    signal.alarm(CHILD_LIFETIME_S)
    ours.close()
    try:
        talk(theirs)
    except Exception:  # noqa: BLE001 - any failure: the parent does the work itself
        pass
    finally:
        theirs.close()


@contextmanager
def untaken(tokens: bytes) -> Iterator[int]:
    """A pipe holding `tokens` (one byte each, at most 64 KiB: what a pipe holds) for this process
    and a forked child to take one at a time (`take`): reading a byte is taking it, and no two
    processes can read the same byte. The pipe's reading end; closed on leaving."""
    reader, writer = os.pipe()
    try:
        os.write(writer, tokens)
    finally:
        os.close(writer)
    try:
        yield reader
    finally:
        os.close(reader)


def take(untaken: int) -> int | None:
    """The next token not yet taken (`untaken`), or None when none is left."""
    taken = os.read(untaken, 1)
    return taken[0] if taken else None


def shared(
    first: Sequence[Callable[[], object]], prepare: Callable[[], T], then: Sequence[Callable[[T], object]]
) -> tuple[list[object], T, list[object]]:
    """Jobs shared by this process and a forked child: each takes the next job not yet taken until
    none is left, so that neither idles while the other has two to do, whatever each job costs.
    The `first` jobs need nothing, the `then` jobs what `prepare` makes: the child starts on the
    first while `prepare` runs here, and is sent what it made.

    The results of the first jobs, what `prepare` made, and the results of the others, as if all
    were done here: a job the child took but did not answer for (it could not be had, failed, died
    or is slow) is done here after all."""
    with (
        untaken(bytes(range(len(first) + len(then)))) as jobs_left,
        # The child waits for what `prepare` makes only when it takes a `then` job; it is killed if we
        # fail first (leaving `forked`), and a dead parent ends its wait (its end of the pipe closes).
        forked(lambda pipe: pipe.send(_take(first, then, jobs_left, functools.cache(pipe.recv)))) as child,
    ):
        started = time.monotonic()
        prepared = prepare()
        if child is not None:
            child.tell(prepared)
        done = _take(first, then, jobs_left, lambda: prepared)
        theirs = child.answer(started) if child is not None else None
    done |= cast(dict[int, object], theirs or {})
    jobs: list[Callable[[], object]] = [*first, *(functools.partial(job, prepared) for job in then)]
    results = [done[index] if index in done else job() for index, job in enumerate(jobs)]
    return results[: len(first)], prepared, results[len(first) :]


def _take(
    first: Sequence[Callable[[], object]],
    then: Sequence[Callable[[T], object]],
    untaken: int,
    prepared: Callable[[], T],
) -> dict[int, object]:
    """The results of the jobs this process took, by their index (the `then` jobs after the first)."""
    done = {}
    while (index := take(untaken)) is not None:
        done[index] = first[index]() if index < len(first) else then[index - len(first)](prepared())
    return done
