"""A long PDF read in two processes: the first half of its pages here, the second in a forked child."""

from __future__ import annotations

import os
import signal
import sys
import time
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, cast

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

P = TypeVar("P")  # a half's pages as read
S = TypeVar("S")  # what a half tells of the whole document
G = TypeVar("G")  # what both halves need to finish, settled from both summaries
F_co = TypeVar("F_co", covariant=True)  # a half finished

# Below this many pages, starting a second process costs more than it saves.
SPLIT_FROM_PAGES = 40
# The child is stopped if it has not answered this long after our half was done (a few times
# our own half's time: the halves are alike), and never outlives this many seconds (SIGALRM).
CHILD_PATIENCE = 4.0
MIN_WAIT_S = 5.0
CHILD_LIFETIME_S = 300


class Work(Protocol, Generic[P, S, G, F_co]):
    """Work on a document's pages done in halves: each half is read, the halves' summaries are
    settled here into what both need, and each half is finished with that."""

    def read(self, start: int, stop: int, apart: bool) -> P: ...

    def summary(self, part: P) -> S: ...

    def settle(self, first: S, second: S) -> G: ...

    def finish(self, part: P, settled: G) -> F_co: ...


def can_split(count: int) -> bool:
    """Whether `count` pages are worth, and safe, to read in two processes.

    Forking is safe here only where no GUI toolkit is loaded: the ingest worker
    process (app.jobs.ProcessLane) never imports one, the GUI process does.
    """
    import multiprocessing  # here, not at import: the GUI loads this module but never splits

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    fork = "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon
    return count >= SPLIT_FROM_PAGES and cores > 1 and fork and "PySide6" not in sys.modules


def read_in_halves(count: int, work: Work[P, S, G, F_co]) -> tuple[G, F_co, F_co]:
    """The first half of `count` pages worked here while a forked child works the second.

    Only summaries and finished halves cross between the processes. If the child
    fails, dies or is too slow, its half is worked here after all, so the result
    never depends on the child working.
    """
    import multiprocessing

    half = count // 2
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    child = context.Process(target=_child, args=(ours, theirs, work, half, count), daemon=True)
    try:
        child.start()
    except OSError:  # no process to be had (limits, memory): all pages here
        ours.close()
        return _alone(work, count)
    finally:
        theirs.close()  # the child's end: so that the child's death reads as the end of the pipe
    try:
        return _converse(ours, child, work, count)
    finally:
        ours.close()
        if child.is_alive():
            child.kill()
        child.join()


def _alone(work: Work[P, S, G, F_co], count: int) -> tuple[G, F_co, F_co]:
    half = count // 2
    first, second = work.read(0, half, False), work.read(half, count, False)
    settled = work.settle(work.summary(first), work.summary(second))
    return settled, work.finish(first, settled), work.finish(second, settled)


def _converse(
    pipe: Connection, child: BaseProcess, work: Work[P, S, G, F_co], count: int
) -> tuple[G, F_co, F_co]:
    """Our half read and finished while the child does its half; its half read here if it fails."""
    half = count // 2
    started = time.monotonic()
    first = work.read(0, half, False)
    summary = _answer(pipe, _patience(started))
    second: P | None = None
    if summary is None:
        child.kill()
        second = work.read(half, count, False)
        summary = work.summary(second)
    settled = work.settle(work.summary(first), cast(S, summary))
    if second is None and not _told(pipe, settled):
        second = work.read(half, count, False)
    started = time.monotonic()
    mine = work.finish(first, settled)
    theirs = _answer(pipe, _patience(started)) if second is None else None
    if theirs is None:
        theirs = work.finish(second if second is not None else work.read(half, count, False), settled)
    return settled, mine, cast(F_co, theirs)


def _patience(started: float) -> float:
    return max(MIN_WAIT_S, CHILD_PATIENCE * (time.monotonic() - started))


def _child(ours: Connection, theirs: Connection, work: Work[P, S, G, F_co], start: int, stop: int) -> None:
    # A hostile file must not keep an orphan busy if our process is killed (ProcessLane's timeout):
    # a time limit, and no copy of the parent's end of the pipe, so that talking to a dead parent fails.
    signal.alarm(CHILD_LIFETIME_S)
    ours.close()
    try:
        part = work.read(start, stop, True)
        theirs.send(work.summary(part))
        theirs.send(work.finish(part, theirs.recv()))
    except Exception:  # noqa: BLE001 - any failure: the parent works these pages itself
        pass
    finally:
        theirs.close()


def _answer(pipe: Connection, wait: float) -> object | None:
    """The child's next message, or None when it failed or did not answer within `wait` seconds."""
    try:
        return pipe.recv() if pipe.poll(wait) else None
    except (EOFError, OSError):
        return None


def _told(pipe: Connection, message: object) -> bool:
    try:
        pipe.send(message)
    except OSError:  # the child is gone
        return False
    return True
