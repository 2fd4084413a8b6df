"""Execution lanes: a serial writer thread, a parsing process with a timeout, and inline."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from app.errors import AppError, ParseTimeout

if TYPE_CHECKING:  # multiprocessing loads with the first worker, not with the GUI's first paint
    import multiprocessing.context
    from concurrent.futures.process import ProcessPoolExecutor

T = TypeVar("T")

PARSE_TIMEOUT_S = 120.0
STOP_GRACE_S = 5.0  # how long a worker has to finish its job when its lane is shut down


class Lane(Protocol):
    def submit(self, fn: Callable[..., T], /, *args: Any) -> Future[T]: ...

    def shutdown(self) -> None: ...


class SerialLane:
    """One thread: the only writer to SQLite and the search index."""

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quorum-writer")

    def submit(self, fn: Callable[..., T], /, *args: Any) -> Future[T]:
        return self._executor.submit(fn, *args)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class ImmediateLane:
    """Runs work inline on the caller's thread; for tests and the command line."""

    def submit(self, fn: Callable[..., T], /, *args: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as error:  # noqa: BLE001 - delivered through the future
            future.set_exception(error)
        return future

    def shutdown(self) -> None:
        """Nothing to stop."""


SHARED_MODULES = ["app.ingest", "app.model", "app.render", "app.page_text", "app.page_pixels"]


def _context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    # forkserver: workers fork from a clean server process, never from the
    # GUI process (forking a running Qt application is unsafe). The server loads what the
    # workers run (PyMuPDF with it), so the parsing and page workers share those pages.
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(SHARED_MODULES)
        return context
    return multiprocessing.get_context("spawn")


def _end_with_parent() -> None:
    """In a worker: end as soon as the process it works for has ended (crashed or killed), instead
    of living on as an orphan that waits for work for ever (a pool's worker holds both ends of its
    own work queue, so it never sees the queue close). A thread of its own waits on the parent's
    sentinel; it holds no lock while it waits, so the worker may still fork (app.forking)."""
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="quorum-parent-watch", daemon=True).start()


class ProcessLane:
    """Parsing and analysis in a separate process, so a hostile file can neither hang nor crash us.

    `run` waits at most `timeout` seconds; a worker that overruns is killed and
    replaced, and a worker that dies is reported as an `AppError`. Once shut down,
    the lane starts no worker again: `run` is an `AppError`.
    """

    def __init__(self, timeout: float = PARSE_TIMEOUT_S) -> None:
        self.timeout = timeout
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._shut = False

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._shut:
                raise AppError("Quorum is closing: the file was not read.")
            if self._executor is None:
                from concurrent.futures.process import ProcessPoolExecutor

                self._executor = ProcessPoolExecutor(
                    max_workers=1, mp_context=_context(), initializer=_end_with_parent
                )
            return self._executor

    def _discard(self, executor: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is executor:
                self._executor = None
        _stop(executor, grace=0.0)

    def run(self, fn: Callable[..., T], /, *args: Any, what: str = "the file") -> T:
        from concurrent.futures.process import BrokenProcessPool  # loaded by _pool already

        executor = self._pool()
        future = executor.submit(fn, *args)
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            self._discard(executor)
            raise ParseTimeout(
                f"Reading {what} took longer than {self.timeout:.0f} s and was stopped."
            ) from None
        except BrokenProcessPool:
            self._discard(executor)
            raise AppError(f"Quorum's reader stopped unexpectedly while reading {what}.") from None

    def shutdown(self) -> None:
        """Stop the worker once its job is done, or kill it if that takes over `STOP_GRACE_S`."""
        with self._lock:
            executor, self._executor, self._shut = self._executor, None, True
        if executor is not None:
            _stop(executor, grace=STOP_GRACE_S)


def _stop(executor: ProcessPoolExecutor, grace: float) -> None:
    """Shut `executor` down without waiting on it for ever: a worker still busy after `grace`
    seconds is killed (its pool's manager then ends too), so that neither this call nor the
    interpreter's exit, which joins the manager, can hang on a worker that never answers."""
    # WORKAROUND: Python < 3.14 has no ProcessPoolExecutor.kill_workers(); the workers are reached
    # through the private process table (taken first: shutting down empties it).
    workers = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + grace
    for worker in workers:
        worker.join(max(0.0, deadline - time.monotonic()))
        if worker.is_alive():
            worker.kill()
            worker.join(STOP_GRACE_S)
