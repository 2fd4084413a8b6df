"""`quorum --screenshot OUT.png`: wait until the window has painted its content, save it, report timings."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ui.importer import Batch
from ui.main import process_age
from ui.main_window import MainWindow
from ui.tasks import Tasks

log = logging.getLogger(__name__)

POLL_MS = 40
GIVE_UP_S = 120.0


class ScreenshotJob(QObject):
    """Polls until background work is done and (if a file was given) the reader has painted it."""

    def __init__(self, window: MainWindow, tasks: Tasks, out: Path, *, expect_document: bool) -> None:
        super().__init__(window)
        self._window, self._tasks, self._out = window, tasks, out
        self._expect_document = expect_document
        self.startup_s = process_age()
        self.first_paint_s: float | None = None
        self._first_paint_cpu_s: float | None = None  # CPU time then: steadier than the clock when busy
        self._document_painted: float | None = None
        self._idle_polls = 0
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        window.reader.painted.connect(self._reader_painted)
        window.importer.batch_finished.connect(self._batch_finished)

    def start(self) -> None:
        if not self._expect_document:
            self._watch_window_paint()
        self._timer.start()

    def _watch_window_paint(self) -> None:
        """Note the window's next frame. Not while a document is awaited (its frame is the one noted):
        an application-wide filter would slow that frame, as the first object seen in Python makes
        PySide6 set up every class of its module."""
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self._window.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = watched.window() if isinstance(watched, QWidget) else None
        if event.type() == QEvent.Type.Paint and window is self._window:
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            QTimer.singleShot(0, self._window_painted)  # after the frame is drawn, not as it starts
        return False

    def _window_painted(self) -> None:
        self.first_paint_s = process_age()
        self._first_paint_cpu_s = time.process_time()

    def _batch_finished(self, batch: Batch) -> None:
        if not batch.quiet and not batch.outcomes and self._expect_document:
            self._expect_document = False  # the file could not be read: picture the window as it is
            self._watch_window_paint()

    def _reader_painted(self, _document_id: int) -> None:
        if self._document_painted is None:  # the first frame with the document, not a later one
            self._document_painted = process_age()
            self._first_paint_cpu_s = time.process_time()
            self.first_paint_s = self.first_paint_s or self._document_painted

    def _ready(self) -> bool:
        if self._tasks.busy or self.first_paint_s is None:
            return False
        return not self._expect_document or self._document_painted is not None

    def _poll(self) -> None:
        # Two idle polls in a row: results delivered just now have had an event-loop turn to paint.
        self._idle_polls = self._idle_polls + 1 if self._ready() else 0
        if self._idle_polls >= 2:
            self._finish()
        elif process_age() > GIVE_UP_S:
            print(f"quorum: gave up waiting for the window after {GIVE_UP_S:.0f} s", file=sys.stderr)
            self._timer.stop()
            QApplication.exit(1)

    def _finish(self) -> None:
        self._timer.stop()
        self._out.parent.mkdir(parents=True, exist_ok=True)
        if not self._window.grab().save(str(self._out), "PNG"):
            print(f"quorum: could not write {self._out}", file=sys.stderr)
            QApplication.exit(2)
            return
        painted = self._document_painted if self._document_painted is not None else self.first_paint_s
        timings = {
            "startup_s": round(self.startup_s, 3),
            "first_paint_s": round(painted or 0.0, 3),
            "first_paint_cpu_s": round(self._first_paint_cpu_s or 0.0, 3),
        }
        log.info("Screenshot %s: %s", self._out, timings)
        print(json.dumps(timings), flush=True)
        QApplication.exit(0)
