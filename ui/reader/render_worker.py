"""Renders pages and reads their words on one background thread, delivering results on the GUI thread."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from app.errors import AppError
from app.render import PageRenderer, Word

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from ui.reader.page_cache import PageKey


class RenderWorker(QObject):
    """The only user of its `PageRenderer` once made: every call to it runs on one thread.

    `request` names the renderings wanted now, in order; a queued rendering
    no longer wanted when its turn comes is skipped (overtaken by newer work).
    Signals are emitted on the GUI thread; widgets are never touched here.
    """

    rendered = Signal(object, object)  # PageKey, QImage (Format_RGB32)
    words_ready = Signal(int, object)  # page index, tuple[Word, ...]
    failed = Signal(int, str)  # page index, message for the user
    sizes_ready = Signal(object)  # list[PageSize] of every page
    _finished = Signal(object, object, object)  # kind, argument, Future; emitted on the worker thread

    def __init__(self, renderer: PageRenderer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quorum-render")
        # Replaced whole (never mutated) by the GUI thread, read by the worker: no lock needed.
        self._wanted: frozenset[PageKey] = frozenset()
        self._queued: set[PageKey] = set()
        self._words_queued: set[int] = set()
        self._closed = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def request(self, keys: Iterable[PageKey]) -> None:
        """Render `keys` in this order; renderings asked for earlier and not named here are dropped."""
        ordered = list(dict.fromkeys(keys))
        self._wanted = frozenset(ordered)
        for key in ordered:
            if key not in self._queued:
                self._queued.add(key)
                self._submit("render", key, self._render)

    def request_words(self, page: int) -> None:
        if page not in self._words_queued:
            self._words_queued.add(page)
            self._submit("words", page, self._words)

    def request_sizes(self) -> None:
        """Read every page's size, after the renderings already asked for."""
        self._submit("sizes", None, lambda _none: self._renderer.page_sizes())

    def _submit(self, kind: str, argument: Any, work: Callable[[Any], Any]) -> None:
        if self._closed:
            return
        future = self._executor.submit(work, argument)
        future.add_done_callback(lambda done: self._finished.emit(kind, argument, done))

    def _render(self, key: PageKey) -> QImage | None:
        if self._closed or key not in self._wanted:
            return None
        raster = self._renderer.render(key.page, key.scale, key.rotation)
        rgb = QImage.Format.Format_RGB888
        image = QImage(raster.samples, raster.width, raster.height, raster.stride, rgb)
        # Converted here, once: RGB32 paints without a per-frame conversion on the GUI thread.
        return image.convertToFormat(QImage.Format.Format_RGB32)

    def _words(self, page: int) -> tuple[Word, ...] | None:
        return None if self._closed else self._renderer.words(page)

    def _deliver(self, kind: str, argument: Any, future: Future[Any]) -> None:
        if kind == "render":
            self._queued.discard(argument)
        elif kind == "words":
            self._words_queued.discard(argument)
        if self._closed or future.cancelled():
            return
        error = future.exception()
        if isinstance(error, AppError):
            self.failed.emit(argument if kind == "words" else argument.page, error.message)
        elif error is not None:
            # A bug, not a bad page: let the excepthook show the crash dialog.
            sys.excepthook(type(error), error, error.__traceback__)
        elif kind == "words":
            self.words_ready.emit(argument, future.result())
        elif kind == "sizes":
            self.sizes_ready.emit(future.result())
        elif future.result() is not None:
            self.rendered.emit(argument, future.result())
        elif argument in self._wanted:
            # Skipped as overtaken, then wanted again before the skip came back.
            self._queued.add(argument)
            self._submit("render", argument, self._render)

    def close(self) -> None:
        """Drop queued work, wait for the rendering in progress, then close the document on its thread."""
        if self._closed:
            return
        self._closed = True
        self._executor.submit(self._renderer.close)
        self._executor.shutdown(wait=True, cancel_futures=False)
