"""The page view's PyMuPDF work, in worker processes where it can be; results on the GUI thread."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import page_text
from app.errors import AppError
from app.jobs import ProcessLane
from app.model import BBox
from app.render import PageRenderer, PageSize, Raster, Word

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from ui.reader.page_cache import PageKey

Hit = tuple[BBox, ...]
PROCESS_TIMEOUT_S = 30.0  # a page taking longer to draw or read is taken as unreadable


def _image(raster: Raster) -> QImage:
    # RGB32 as it comes: nothing to convert (which would hold the GIL), and it paints without a
    # per-frame conversion. The image keeps the raster's bytes (PySide6 holds a reference).
    return QImage(raster.samples, raster.width, raster.height, raster.stride, QImage.Format.Format_RGB32)


@dataclass(frozen=True)
class Opened:
    """A document just opened: its page count and the sizes of its first pages."""

    page_count: int
    first_sizes: list[PageSize]


@dataclass(frozen=True)
class _Job:
    kind: str  # "render", "words", "hits", "sizes" or "warm"
    argument: Any
    generation: int


class RenderWorker(QObject):
    """Every PyMuPDF call of one page view in the GUI's process runs on this object's thread, one at a time.

    PyMuPDF is not thread-safe, so even opening happens there (the GUI thread
    waits for it). `request` names the renderings wanted now, in order; a
    queued rendering no longer wanted when its turn comes is skipped
    (overtaken by newer work). Results of a document since closed are dropped.
    Signals are emitted on the GUI thread; widgets are never touched here.

    PyMuPDF holds the GIL while it draws or reads a page, often for longer than
    a frame may take; in a worker process that is no GIL of ours. Words and
    find hits are read in one (`app.page_text`), waited for on a second thread;
    pages are drawn in another (`app.page_pixels`: not queued behind a find),
    waited for on this object's thread. Both processes start as a PDF opens
    (`warm_up`); until the drawing one has, and for the first paint and for
    printing, pages are drawn on the thread itself.
    """

    rendered = Signal(object, object)  # PageKey, QImage (Format_RGB32)
    words_ready = Signal(int, object)  # page index, tuple[Word, ...]
    hits_ready = Signal(int, str, object)  # page index, query, list of hits (tuples of boxes)
    failed = Signal(int, str)  # page index, message for the user: the page could not be drawn
    sizes_ready = Signal(object)  # list[PageSize] of every page
    _finished = Signal(object, object)  # _Job, Future; emitted on the worker thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quorum-render")
        self._renderer: PageRenderer | None = None  # used on the worker thread only
        self._text_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quorum-page-text")
        # The drawing process starts on a thread of its own: a find or selection need not wait for it.
        self._warm_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quorum-page-warm")
        # The page view's own: the library's imports must not hold up a page or find.
        self._text_process = ProcessLane(PROCESS_TIMEOUT_S)
        self._drawing_process = ProcessLane(PROCESS_TIMEOUT_S)
        self._drawing_ready = False  # set once the drawing process has the PDF open
        self._source: tuple[Path, str | None] | None = None  # the PDF open now, for the text process
        # Changed by the GUI thread, read by the worker: replaced whole, never mutated, so no lock.
        self._generation = 0
        self._wanted: frozenset[PageKey] = frozenset()
        self._queued: set[PageKey] = set()
        self._words_queued: set[int] = set()
        self._hits_queued: set[tuple[int, str]] = set()  # asked for and not yet back: not asked twice
        self._query = ""  # the find query hits are wanted for; pages asked for an older one are skipped
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def open(self, path: Path, password: str | None, first_pages: int) -> Opened:
        """Open `path` in place of the current document; raises `AppError` (and keeps it) if it cannot."""

        def job() -> Opened:
            renderer = PageRenderer(path, password)
            if self._renderer is not None:
                self._renderer.close()
            self._renderer = renderer
            return Opened(renderer.page_count, renderer.page_sizes(first_pages))

        self._wanted = frozenset()  # what was queued for the old document need not hold us up
        opened = self._executor.submit(job).result()
        self._forget()
        self._source = (path, password)
        self._drawing_ready = False  # until it has this PDF open too
        return opened

    def close_document(self) -> None:
        """Close the current document (on the worker thread, after what is running)."""

        def job() -> None:
            if self._renderer is not None:
                self._renderer.close()
                self._renderer = None

        self._forget()
        self._source = None
        self._executor.submit(job)

    def _forget(self) -> None:
        self._generation += 1
        self._wanted = frozenset()
        self._queued.clear()
        self._words_queued.clear()
        self._hits_queued.clear()
        self._query = ""

    def request(self, keys: Iterable[PageKey]) -> None:
        """Render `keys` in this order; renderings asked for earlier and not named here are dropped."""
        ordered = list(dict.fromkeys(keys))
        self._wanted = frozenset(ordered)
        for key in ordered:
            if key not in self._queued:
                self._queued.add(key)
                self._submit("render", key, self._render)

    def request_words(self, page: int) -> None:
        if page not in self._words_queued and self._source is not None:
            self._words_queued.add(page)
            self._submit("words", (*self._source, page), self._words, self._text_executor)

    def request_hits(self, page: int, query: str) -> None:
        """Find `query` among page `page`'s printed characters; asking for another query drops this one."""
        self._query = query
        if self._source is not None and (page, query) not in self._hits_queued:
            self._hits_queued.add((page, query))
            self._submit("hits", (*self._source, page, query), self._hits, self._text_executor)

    def warm_up(self) -> None:
        """Start the drawing process on the PDF now (a second or two on a busy machine), not when needed."""
        if self._source is not None:
            self._submit("warm", self._source, self._warm, self._warm_executor)

    def _warm(self, source: tuple[Path, str | None], generation: int) -> None:
        # Loaded here, after the first paint: its multiprocessing.shared_memory costs ~10 ms of start-up.
        from app import page_pixels

        self._drawing_process.run(page_pixels.prepare, *source, what=source[0].name)
        self._drawing_ready = generation == self._generation

    def request_sizes(self) -> None:
        """Read every page's size, after the renderings already asked for."""
        self._submit("sizes", None, self._sizes)

    def _submit(
        self, kind: str, argument: Any, work: Callable[[Any, int], Any], on: ThreadPoolExecutor | None = None
    ) -> None:
        job = _Job(kind, argument, self._generation)
        future = (on or self._executor).submit(work, argument, job.generation)
        future.add_done_callback(lambda done: self._finished.emit(job, done))

    def _current(self, generation: int) -> PageRenderer | None:
        return self._renderer if generation == self._generation else None

    def _render(self, key: PageKey, generation: int) -> QImage | None:
        renderer, source = self._current(generation), self._source
        if renderer is None or key not in self._wanted:
            return None
        if not self._drawing_ready or source is None:
            return _image(renderer.render(key.page, key.scale, key.rotation))
        from app import page_pixels  # loaded by `_warm` already

        asked = (*source, key.page, key.scale, key.rotation)
        shared = self._drawing_process.run(page_pixels.render_shared, *asked, what=f"page {key.page + 1}")
        return _image(page_pixels.take(shared))

    def render_now(self, page: int, scale: float, rotation: int = 0) -> QImage:
        """Page `page` at `scale` pixels a point, turned `rotation`°, waited for; raises `AppError`."""

        def job() -> QImage:
            if self._renderer is None:
                raise AppError("No PDF is open to print.")
            return _image(self._renderer.render(page, scale, rotation))

        return self._executor.submit(job).result()

    def _words(self, asked: tuple[Path, str | None, int], generation: int) -> tuple[Word, ...] | None:
        if generation != self._generation:
            return None
        return self._text_process.run(page_text.page_words, *asked, what=f"page {asked[2] + 1}")

    def _hits(self, asked: tuple[Path, str | None, int, str], generation: int) -> list[Hit] | None:
        if generation != self._generation or asked[3] != self._query:
            return None
        return self._text_process.run(page_text.page_hits, *asked, what=f"page {asked[2] + 1}")

    def _sizes(self, _none: None, generation: int) -> list[PageSize] | None:
        renderer = self._current(generation)
        return None if renderer is None else renderer.page_sizes()

    def _deliver(self, job: _Job, future: Future[Any]) -> None:
        if job.generation != self._generation or future.cancelled():
            return
        if job.kind == "warm" and (future.exception() is None or isinstance(future.exception(), AppError)):
            return  # (a drawing process that could not start: pages are drawn on the thread)
        if job.kind == "render":
            self._queued.discard(job.argument)
        elif job.kind == "words":
            self._words_queued.discard(job.argument[2])
        elif job.kind == "hits":
            self._hits_queued.discard(job.argument[2:])
        error = future.exception()
        if isinstance(error, AppError) and job.kind == "words":
            self.words_ready.emit(job.argument[2], ())  # no words to select there, nothing worse
        elif isinstance(error, AppError) and job.kind == "hits":
            self.hits_ready.emit(*job.argument[2:], [])
        elif isinstance(error, AppError):
            self.failed.emit(job.argument.page, error.message)
        elif error is not None:
            # A bug, not a bad page: let the excepthook show the crash dialog.
            sys.excepthook(type(error), error, error.__traceback__)
        elif future.result() is not None:
            self._emit(job, future.result())
        elif job.kind == "render" and job.argument in self._wanted:
            # Skipped as overtaken, then wanted again before the skip came back.
            self._queued.add(job.argument)
            self._submit("render", job.argument, self._render)

    def _emit(self, job: _Job, result: Any) -> None:
        if job.kind == "render":
            self.rendered.emit(job.argument, result)
        elif job.kind == "words":
            self.words_ready.emit(job.argument[2], result)
        elif job.kind == "hits":
            self.hits_ready.emit(*job.argument[2:], result)
        else:
            self.sizes_ready.emit(result)

    def shut_down(self) -> None:
        """Close the document, stop the page processes (a hung one is killed, and a thread waiting
        on it is let go), then the threads (after the rendering in progress)."""
        self.close_document()
        self._text_process.shutdown()
        self._drawing_process.shutdown()
        self._executor.shutdown(wait=True, cancel_futures=False)
        self._text_executor.shutdown(wait=True, cancel_futures=True)
        self._warm_executor.shutdown(wait=True, cancel_futures=True)
