"""Runs library work off the GUI thread and delivers results and errors back on the GUI thread."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from app.errors import AppError
from app.jobs import SerialLane

if TYPE_CHECKING:  # the library (sqlite, analysis) loads on the lane, not before the first paint
    from app.library import Library

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance

T = TypeVar("T")

ErrorHandler = Callable[[AppError], None]
AFTER_WAIT_MS = 500  # longest work held for its `after` signal (a page that never paints, a hidden window)


@dataclass(frozen=True)
class _Delivery:
    ticket: int
    key: str | None
    future: Future[Any]
    on_done: Callable[[Any], None]
    on_error: ErrorHandler | None


class Tasks(QObject):
    """The GUI's only door to the `Library`: every call runs on one serial lane, in order.

    The lane's thread opens the library itself, so the library lives and dies
    on that thread. Results come back through a queued signal, so callbacks
    run on the GUI thread and may touch widgets. Work submitted under a `key`
    is overtaken by newer work under the same key: its result is dropped
    (and, if it has not started yet, it does not run at all).
    """

    busy_changed = Signal(bool)
    app_error = Signal(object)  # AppError with no handler of its own
    _finished = Signal(object)  # _Delivery, emitted on the lane's thread

    def __init__(self, open_library: Callable[[], Library], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = SerialLane()
        self._library: Future[Library] = self._lane.submit(open_library)
        self._tickets = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        work: Callable[[Library], T],
        on_done: Callable[[T], None],
        *,
        on_error: ErrorHandler | None = None,
        key: str | None = None,
        after: SignalInstance | None = None,
    ) -> None:
        """Run `work(library)` on the lane; call `on_done(result)` on the GUI thread.

        With `after`, the work starts once that signal fires (or `AFTER_WAIT_MS` later): e.g. a
        page being drawn, which work on the lane would slow down by holding the GIL. It counts
        as pending (`busy`) meanwhile.
        """
        if self._closed:
            return
        ticket = next(self._tickets)
        if key is not None:
            self._latest[key] = ticket

        def job() -> T | None:
            if self._closed or self._overtaken(ticket, key):
                return None
            return work(self._library.result())

        def submit() -> None:
            future = self._lane.submit(job)
            delivery = _Delivery(ticket, key, future, on_done, on_error)
            future.add_done_callback(lambda _future: self._finished.emit(delivery))

        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        if after is None:
            submit()
        else:
            self._submit_after(after, submit)

    def _submit_after(self, signal: SignalInstance, submit: Callable[[], None]) -> None:
        started = False

        def start(*_arguments: object) -> None:
            nonlocal started
            if not started and not self._closed:
                started = True
                submit()

        signal.connect(start, Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(AFTER_WAIT_MS, self, start)

    def _overtaken(self, ticket: int, key: str | None) -> bool:
        # Read from the lane's thread too: a dict lookup is atomic, and a stale
        # answer only means the result is dropped later instead of now.
        return key is not None and self._latest.get(key) != ticket

    def _deliver(self, delivery: _Delivery) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if self._closed or delivery.future.cancelled() or self._overtaken(delivery.ticket, delivery.key):
            return
        error = delivery.future.exception()
        if error is None:
            delivery.on_done(delivery.future.result())
        elif isinstance(error, AppError):
            (delivery.on_error or self.app_error.emit)(error)
        else:
            # A bug, not bad input: let the excepthook show the crash dialog.
            sys.excepthook(type(error), error, error.__traceback__)

    def close(self) -> None:
        """Skip work not yet started, close the library on its own thread and stop the lane."""
        if self._closed:
            return
        self._closed = True

        def close_library() -> None:
            if self._library.exception() is None:
                self._library.result().close()

        self._lane.submit(close_library).result()
        self._lane.shutdown()
