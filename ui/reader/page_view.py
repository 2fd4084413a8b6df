"""The page view: a PDF's pages in one continuous scroll, rendered in the background, with word selection."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from app.errors import AppError
from app.model import BBox, Quad
from app.render import PageSize

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTransform,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from ui.reader import page_paint
from ui.reader.glossary import hover_tip
from ui.reader.page_cache import DEFAULT_BUDGET, PageCache, PageKey
from ui.reader.page_find import FindTarget, Hit, PageFind
from ui.reader.page_layout import GAP
from ui.reader.page_scroll import SCROLL_KEYS, PageScrollArea
from ui.reader.page_selection import Anchor, TextSelection, WordIndex, word_at
from ui.reader.render_worker import RenderWorker

# SCROLL_KEYS and FindTarget: the reader pane has them from here, with the view.
__all__ = ["MAX_PIXELS", "SCROLL_KEYS", "FindTarget", "Highlight", "PageView"]

MAX_PIXELS = 16_000_000  # per page image (64 MB); a 400 % A4 page on a 1× screen has 14 M
SIZES_FIRST = 10  # pages whose size is read before the first paint
HOLD_MS = 100  # longest the work after the visible pages waits for the frame that shows them

Highlight = tuple[int, Sequence[BBox], QColor, str]  # page, boxes, colour, label told on hover


class PageView(PageScrollArea):
    """Shows a PDF's pages top to bottom; zoom, rotation, current page, selection, highlights and find.

    Pages are numbered from 0 here (`current_page`, highlights); a box shown to
    the user adds one. Page coordinates (highlights, word boxes) are PyMuPDF's
    unrotated points, the space of `Block.bbox`.
    """

    page_rendered = Signal(int)  # a page's exact image is ready (and painted on the next frame)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, cache_budget: int = DEFAULT_BUDGET) -> None:
        super().__init__(parent)
        self.setAccessibleName("Page view")
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.cache = PageCache(cache_budget)
        self._worker = RenderWorker(self)
        self._worker.rendered.connect(self._rendered)
        self._worker.words_ready.connect(self._words_ready)
        self._worker.hits_ready.connect(self._hits_ready)
        self._worker.failed.connect(self._render_failed)
        self._worker.sizes_ready.connect(self._sizes_ready)
        self._pinned: frozenset[PageKey] = frozenset()
        self._sizes_pending = False
        self._words_pending = False  # the first words of a document: the worker processes start with them
        self._opening = False
        self._draw_now = False  # the next visible pages are drawn at once, not on the thread
        # Held while the visible pages wait for the frame that shows them: the thread's next work
        # (PyMuPDF holds the GIL) would slow that frame.
        self._held = QTimer(self, singleShot=True, interval=HOLD_MS)
        self._held.timeout.connect(self._schedule)
        self._failed: dict[int, str] = {}
        self._highlights: dict[int, page_paint.Marks] = {}
        self._labels: dict[int, list[str]] = {}  # each highlight's label, in step with `_highlights`
        self._snapped: dict[int, page_paint.Marks] = {}  # the highlights fitted to the words, by page
        self._text = TextSelection()
        self._find = PageFind()
        self._reveal_hit = False  # scroll to the current hit once its exact boxes are known
        self._acronyms: Mapping[str, str] = {}
        self._tip_at: QPoint | None = None  # where a tooltip waits for its page's words
        self._press: QPoint | None = None
        self._press_anchor: Anchor | None = None

    # -- document ---------------------------------------------------------------------------

    def open(self, path: Path, password: str | None = None, page: int = 0, *, draw: bool = True) -> None:
        """Show the PDF at `path` from page `page` (0-based); raises `AppError` if it cannot be opened.

        No whole-document work before the first paint: only the first pages'
        sizes are read now; the rest, taken as the last one's until then, are
        read by the worker after the first renderings. With `draw`, a view on
        screen draws the pages in view now (a few ms each): its next frame
        shows them, rather than their stand-ins and then, a frame later, them.
        """
        try:
            opened = self._worker.open(path, password, SIZES_FIRST)
        except AppError:
            self._schedule()  # the document shown stays; renderings skipped meanwhile are asked again
            raise
        self._reset()
        sizes = opened.first_sizes
        self._sizes = sizes + sizes[-1:] * (opened.page_count - len(sizes))
        self._sizes_pending = opened.page_count > len(sizes)
        self._words_pending = True
        self._opening = True  # nothing asked for before the view is at `page`
        try:
            self._relayout(keep_position=False)
            self.set_current_page(page)
        finally:
            self._opening = False
        self._draw_now = draw and self.isVisible()  # else its size, and so the pages' scale, may not be final
        self._schedule()

    def _sizes_ready(self, sizes: list[PageSize]) -> None:
        if sizes != self._sizes:
            self._sizes = sizes
            self._relayout()

    def close_document(self) -> None:
        """Stop rendering, close the file and show nothing."""
        self._worker.close_document()
        self._reset()
        self._relayout(keep_position=False)

    def shut_down(self) -> None:
        """Close the document and stop the rendering thread; call once, when the view goes for good."""
        self._worker.shut_down()
        self._reset()

    def _reset(self) -> None:
        self._sizes = []
        self._sizes_pending = False
        self._words_pending = False
        self._draw_now = False
        self._held.stop()
        self.cache.clear()
        self._failed.clear()
        self._text.clear()
        self._highlights.clear()
        self._labels.clear()
        self._snapped.clear()
        self._find.clear()
        self._current = 0
        self.setAccessibleDescription("")

    def render_page(self, page: int, scale: float) -> QImage:
        """Page `page` (0-based, unrotated) at `scale` pixels a point, for printing; raises `AppError`."""
        return self._worker.render_now(page, scale)

    def is_page_ready(self, page: int) -> bool:
        """Whether page `page` has its exact image for the current zoom, rotation and screen."""
        return self._key(page) in self.cache

    # -- rendering ------------------------------------------------------------------------------

    def _key(self, page: int) -> PageKey:
        size = self._sizes[page]
        # Capped so one image stays within MAX_PIXELS; past it the page is stretched (slightly soft).
        # (Rounded down, with room for the pixel PyMuPDF may add at each edge.)
        cap = (0.999 * MAX_PIXELS / (size.width * size.height)) ** 0.5
        scale = min(self._layout.scale * self.devicePixelRatioF(), cap)
        return PageKey(page, math.floor(scale * 10_000) / 10_000, self._rotation)

    def _laid_out(self) -> None:
        self._schedule()

    def _scrolled(self) -> None:
        self._schedule()

    def _schedule(self) -> None:
        """Ask for the visible pages, then (once they are drawn) find hits, one ahead and the sizes.

        Anything else still waiting is dropped. Nothing runs beside the visible
        pages' renderings: PyMuPDF holds the GIL while it draws, which would
        hold up the GUI thread receiving them.
        """
        if not self._sizes or self._opening:
            return
        visible = [self._key(page) for page in self.visible_pages()]
        self._pinned = frozenset(visible)
        missing = [key for key in visible if key not in self.cache and key.page not in self._failed]
        if self._draw_now:
            self._draw_now = False
            self._render_now(missing)
            missing = [key for key in missing if key not in self.cache and key.page not in self._failed]
        if missing or not visible:
            self._worker.request(missing)
            return
        if self._held.isActive():
            return  # the frame showing the visible pages first; `paintEvent` asks again
        self._ask_beyond(visible)

    def _ask_beyond(self, visible: list[PageKey]) -> None:
        """With the visible pages drawn: their find hits and words, the page ahead, every page's size."""
        for page in self._find.missing(key.page for key in visible):
            self._worker.request_hits(page, self._find.query)
        for key in visible:  # to fit the highlights to them, and for acronyms' tooltips
            if (key.page in self._highlights or self._acronyms) and key.page not in self._text.words:
                self._worker.request_words(key.page)
        if self._words_pending:
            # Words are read and pages drawn in processes, which take a second or two to start on a
            # busy machine: started now, they are ready before the first find, selection or tooltip.
            self._words_pending = False
            self._worker.request_words(visible[0].page)
            self._worker.warm_up()
        ahead = visible[-1].page + 1
        if ahead < len(self._sizes) and self._key(ahead) not in self.cache:
            self._pinned |= {self._key(ahead)}
            self._worker.request([self._key(ahead)])
        else:
            self._worker.request([])
        if self._sizes_pending:
            self._sizes_pending = False
            self._worker.request_sizes()

    def _render_now(self, keys: list[PageKey]) -> None:
        """Draw `keys` on the thread, waiting for them (a failure is shown on its page)."""
        for key in keys:
            try:
                self._store(key, self._worker.render_now(key.page, key.scale, key.rotation))
            except AppError as error:
                self._render_failed(key.page, error.message)

    def _rendered(self, key: PageKey, image: object) -> None:
        if key.page >= len(self._sizes) or key != self._key(key.page):
            return  # overtaken by a zoom, rotation or screen change
        assert isinstance(image, QImage)
        self._store(key, image)
        self._schedule()

    def _store(self, key: PageKey, image: QImage) -> None:
        # Drawn at its logical size: on a 2× screen, one image pixel a device pixel.
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self.cache.put(key, image, self._pinned)
        self._failed.pop(key.page, None)
        self.viewport().update(self.page_rect(key.page))
        if self.isVisible() and key.page in self.visible_pages():
            self._held.start()
        self.page_rendered.emit(key.page)

    def _render_failed(self, page: int, message: str) -> None:
        self._failed[page] = message
        self.viewport().update(self.page_rect(page))

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._held.isActive():  # the pages drawn are on screen once this frame ends: then the rest
            self._held.stop()
            QTimer.singleShot(0, self._schedule)
        painter = QPainter(self.viewport())
        area = event.rect()
        painter.fillRect(area, page_paint.BACKGROUND)
        offset = self._offset()
        current, target = self._find.current(), self._find.target
        for page in self._layout.visible(area.top() - offset.y(), area.bottom() + 1 - offset.y()):
            rect = self._layout.rect(page).translated(offset)
            self._paint_page(painter, page, rect)
            shift = QTransform.fromTranslate(offset.x(), offset.y())
            painter.setTransform(self._layout.transform(page) * shift)
            if page in self._highlights:
                page_paint.highlights(painter, self._marks(page))
            if page in self._find.hits:
                on_page = current if target is not None and target.page == page else None
                page_paint.find_hits(painter, self._find.hits[page], on_page)
            words = self._text.words.get(page)
            if self._text.current is not None and words:
                page_paint.selection(painter, words, self._text.current.range_on(page, len(words)))
            painter.resetTransform()
        painter.end()

    def _paint_page(self, painter: QPainter, page: int, rect: QRect) -> None:
        page_paint.shadow(painter, rect)
        key = self._key(page)
        image = self.cache.get(key)
        if image is not None:
            painter.fillRect(rect, Qt.GlobalColor.white)
            if key.scale < self._layout.scale * self.devicePixelRatioF() - 1e-3:
                painter.drawImage(QRectF(rect), image)  # capped: stretched
            else:
                painter.drawImage(rect.topLeft(), image)  # 1:1, the fast path
            return
        stand_in = self.cache.stand_in(page, self._rotation)
        if stand_in is not None:
            painter.drawImage(QRectF(rect), stand_in)
        else:
            painter.fillRect(rect, Qt.GlobalColor.white)
        if page in self._failed:
            page_paint.message(painter, rect, self._failed[page], GAP)

    # -- highlights and find ------------------------------------------------------------------

    def set_highlights(self, highlights: Iterable[Highlight]) -> None:
        """Replace the marks drawn over pages: (0-based page, boxes in page points, colour, label).

        Boxes estimated from the text may cut through a word; once the page's
        words are known, each such side is moved to the word's edge. A mark's
        label is told when the mouse rests on it.
        """
        self._highlights, self._labels, self._snapped = {}, {}, {}
        for page, boxes, colour, label in highlights:
            self._highlights.setdefault(page, []).append((boxes, colour))
            self._labels.setdefault(page, []).append(label)
        self._schedule()
        self.viewport().update()

    def _marks(self, page: int) -> page_paint.Marks:
        words = self._text.words.get(page)
        if words is None:
            return self._highlights[page]
        if page not in self._snapped:
            index = WordIndex(words)
            marks = self._highlights[page]
            self._snapped[page] = [([index.snap(box) for box in boxes], colour) for boxes, colour in marks]
        return self._snapped[page]

    def set_find(self, query: str, target: FindTarget | None = None, *, reveal: bool = False) -> None:
        """Mark the printed hits of `query` ("" for none); `target` is the current one, shown if `reveal`.

        The hits' exact boxes are read off the thread for the pages shown; until
        the current hit's page has them, the view scrolls to the text's estimate.
        """
        self._find.set_query(query if query.strip() else "")
        self._find.target = target if self._find.query else None
        self._reveal_hit = reveal and self._find.target is not None
        if self._reveal_hit and target is not None:
            exact = self._find.current()
            self.reveal(target.page, _bounds(exact) if exact else target.box)
            self._reveal_hit = exact is None
        self._schedule()
        self.viewport().update()

    def current_hit(self) -> Hit | None:
        """The current find hit's exact boxes (page points), once its page has been searched."""
        return self._find.current()

    def find_hits(self, page: int) -> list[Hit]:
        """The find hits known on page `page` (0-based)."""
        return list(self._find.hits.get(page, ()))

    def _hits_ready(self, page: int, query: str, hits: object) -> None:
        assert isinstance(hits, list)
        if not self._find.add(page, query, hits):
            return
        target = self._find.target
        if self._reveal_hit and target is not None and target.page == page:
            self._reveal_hit = False
            exact = self._find.current()
            if exact:
                self.reveal(page, _bounds(exact))
        self.viewport().update(self.page_rect(page))

    # -- tooltips: acronyms and structure -----------------------------------------------------

    def set_acronyms(self, acronyms: Mapping[str, str]) -> None:
        """Acronyms of the paper shown and their expansions, told on hover."""
        self._acronyms = acronyms

    def tooltip_at(self, point: QPoint) -> str | None:
        """What resting at viewport point `point` tells: an acronym's expansion, the labels of the marks
        there, as the text view words them ("" if nothing, None until the page's words are read)."""
        if not self._sizes:
            return ""
        at = self._anchor_at(point)
        if not self._acronyms and at.page not in self._highlights:
            return ""
        words = self._text.words.get(at.page)
        if words is None:
            self._worker.request_words(at.page)
            return None
        word = word_at(words, at.x, at.y)
        # The marks as drawn: fitted to the words, so the tip and the tint agree on where a mark ends.
        marks = self._marks(at.page) if at.page in self._highlights else []
        labels = [
            label
            for (boxes, _colour), label in zip(marks, self._labels.get(at.page, []), strict=True)
            if any(x0 <= at.x <= x1 and y0 <= at.y <= y1 for x0, y0, x1, y1 in boxes)
        ]
        return hover_tip(word.text if word is not None else "", self._acronyms, labels)

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.pos())
            self._tip_at = event.pos() if tip is None else None
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- selection ------------------------------------------------------------------------------

    def selected_text(self) -> str:
        return self._text.text()

    def has_selection(self) -> bool:
        return self._text.current is not None

    def selected_quads(self) -> tuple[Quad, ...]:
        """The selected words' boxes, one a line: (page, x0, y0, x1, y1) in unrotated page points."""
        return self._text.quads()

    def clear_selection(self) -> None:
        self._select(None)

    def copy(self) -> None:
        """Put the selected text on the clipboard."""
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def _drag_to(self, point: QPoint) -> None:
        if self._press_anchor is not None:
            self._select((self._press_anchor, self._anchor_at(point)))

    def _select(self, ends: tuple[Anchor, Anchor] | None) -> None:
        changed = self._text.set_ends(ends)
        for page in self._text.missing():
            self._worker.request_words(page)
        if changed:
            self.selection_changed.emit()
            self.viewport().update()

    def _words_ready(self, page: int, words: object) -> None:
        assert isinstance(words, tuple)
        if page in self._highlights:
            self._snapped.pop(page, None)
            self.viewport().update(self.page_rect(page))
        if self._text.add_words(page, words):
            self.selection_changed.emit()
            self.viewport().update()
        if self._tip_at is not None and self.viewport().underMouse():
            # The tooltip asked for before the words came: answer it now the mouse is still there.
            point, self._tip_at = self._tip_at, None
            tip = self.tooltip_at(point)
            if tip:
                QToolTip.showText(self.viewport().mapToGlobal(point), tip, self.viewport())

    # -- events -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._sizes:
            super().mousePressEvent(event)
            return
        # A click clears the selection; a drag from here makes a new one.
        self._press = event.position().toPoint()
        self._press_anchor = self._anchor_at(self._press)
        if self._press_anchor.page not in self._text.words:
            self._worker.request_words(self._press_anchor.page)
        self.clear_selection()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Selects the word under the mouse."""
        if event.button() != Qt.MouseButton.LeftButton or not self._sizes:
            super().mouseDoubleClickEvent(event)
            return
        self._press = None
        at = self._anchor_at(event.position().toPoint())
        self._select((at, at))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._press is None or (point - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        # Dragging past the top or bottom edge scrolls, so a selection can run across pages.
        height = self.viewport().height()
        overshoot = point.y() if point.y() < 0 else max(point.y() - height, 0)
        if overshoot:
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + overshoot)
        self._drag_to(point)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            point = event.position().toPoint()
            if (point - self._press).manhattanLength() >= QApplication.startDragDistance():
                self._drag_to(point)
            self._press = None
            return
        super().mouseReleaseEvent(event)


def _bounds(hit: Hit) -> BBox:
    """One box around all of a hit's line boxes."""
    return (min(b[0] for b in hit), min(b[1] for b in hit), max(b[2] for b in hit), max(b[3] for b in hit))
