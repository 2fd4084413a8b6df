"""A long PDF read in two processes: the first half of its pages here, the second in a forked child."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

T = TypeVar("T")

# Below this many pages, starting a second process costs more than it saves.
SPLIT_FROM_PAGES = 40
# The child is stopped if it has not answered this long after our half was done (a few times
# our own half's time: the halves are alike), and never outlives this many seconds (SIGALRM).
CHILD_PATIENCE = 4.0
MIN_WAIT_S = 5.0
CHILD_LIFETIME_S = 300


def can_split(count: int) -> bool:
    """Whether `count` pages are worth, and safe, to read in two processes.

    Forking is safe here only where no GUI toolkit is loaded: the ingest worker
    process (app.jobs.ProcessLane) never imports one, the GUI process does.
    """
    import multiprocessing  # here, not at import: the GUI loads this module but never splits

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    fork = "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon
    return count >= SPLIT_FROM_PAGES and cores > 1 and fork and "PySide6" not in sys.modules


def read_in_halves(count: int, here: Callable[[int, int], T], apart: Callable[[int, int], T]) -> tuple[T, T]:
    """`here(0, half)` in this process while a forked child runs `apart(half, count)`.

    If the child fails, dies or is too slow, its half is read here after all
    (`here(half, count)`), so the result never depends on the child working.
    """
    import multiprocessing

    half = count // 2
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(receiver, sender, apart, half, count), daemon=True)
    try:
        child.start()
    except OSError:  # no process to be had (limits, memory): all pages here
        receiver.close()
        return here(0, half), here(half, count)
    finally:
        sender.close()  # ours: so that the child's death reads as the end of the pipe
    try:
        started = time.monotonic()
        first = here(0, half)
        second = _answer(receiver, max(MIN_WAIT_S, CHILD_PATIENCE * (time.monotonic() - started)))
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    return first, here(half, count) if second is None else cast(T, second)


def _child(
    receiver: Connection, sender: Connection, apart: Callable[[int, int], T], start: int, stop: int
) -> None:
    # A hostile file must not keep an orphan busy if our process is killed (ProcessLane's timeout):
    # a time limit, and no reader of our own on the pipe, so that sending to a dead parent fails.
    signal.alarm(CHILD_LIFETIME_S)
    receiver.close()
    try:
        sender.send(apart(start, stop))
    except Exception:  # noqa: BLE001 - any failure: the parent reads these pages itself
        pass
    finally:
        sender.close()


def _answer(receiver: Connection, wait: float) -> object | None:
    """The child's result, or None when it failed or did not answer within `wait` seconds."""
    try:
        return receiver.recv() if receiver.poll(wait) else None
    except (EOFError, OSError):
        return None
