"""The page view: a PDF's pages in one continuous scroll, rendered in the background, with word selection."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.errors import AppError
from app.model import BBox, Quad
from app.render import PageSize

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QApplication, QWidget

from ui.reader import page_paint
from ui.reader.page_cache import DEFAULT_BUDGET, PageCache, PageKey
from ui.reader.page_layout import GAP, ZOOM_MAX, ZOOM_MIN, PageLayout, fitted_zoom, zoom_step
from ui.reader.page_selection import Anchor, TextSelection
from ui.reader.render_worker import RenderWorker

FIT_WIDTH, FIT_PAGE, CUSTOM = "fit-width", "fit-page", "custom"
MAX_PIXELS = 16_000_000  # per page image (64 MB); a 400 % A4 page on a 1× screen has 14 M
SIZES_FIRST = 10  # pages whose size is read before the first paint

SCROLL_KEYS = {
    Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd,
    Qt.Key.Key_Space: QAbstractSlider.SliderAction.SliderPageStepAdd,  # Shift+Space goes back
    Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
    Qt.Key.Key_Home: QAbstractSlider.SliderAction.SliderToMinimum,
    Qt.Key.Key_End: QAbstractSlider.SliderAction.SliderToMaximum,
}

Highlight = tuple[int, Sequence[BBox], QColor]


class PageView(QAbstractScrollArea):
    """Shows a PDF's pages top to bottom; zoom, rotation, current page, selection, highlight overlay.

    Pages are numbered from 0 here (`current_page`, highlights); a box shown to
    the user adds one. Page coordinates (highlights, word boxes) are PyMuPDF's
    unrotated points, the space of `Block.bbox`.
    """

    page_changed = Signal(int)
    page_rendered = Signal(int)  # a page's exact image is ready (and painted on the next frame)
    zoom_changed = Signal(float)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, cache_budget: int = DEFAULT_BUDGET) -> None:
        super().__init__(parent)
        self.setAccessibleName("Page view")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Always shown: a scroll bar appearing would change the width that "fit width" fits.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.horizontalScrollBar().setSingleStep(48)
        self.verticalScrollBar().setSingleStep(48)
        self.cache = PageCache(cache_budget)
        self._worker = RenderWorker(self)
        self._worker.rendered.connect(self._rendered)
        self._worker.words_ready.connect(self._words_ready)
        self._worker.failed.connect(self._render_failed)
        self._worker.sizes_ready.connect(self._sizes_ready)
        self._sizes: list[PageSize] = []
        self._layout = PageLayout([], 1.0, 0)
        self._mode = FIT_WIDTH
        self._zoom = 1.0
        self._rotation = 0
        self._current = 0
        self._jumping = False
        self._in_layout = False
        self._pinned: frozenset[PageKey] = frozenset()
        self._sizes_pending = False
        self._failed: dict[int, str] = {}
        self._highlights: dict[int, page_paint.Marks] = {}
        self._text = TextSelection()
        self._press: QPoint | None = None
        self._press_anchor: Anchor | None = None

    # -- document ---------------------------------------------------------------------------

    def open(self, path: Path, password: str | None = None) -> None:
        """Show the PDF at `path` from page 1; raises `AppError` if it cannot be opened.

        No whole-document work before the first paint: only the first pages'
        sizes are read now; the rest, taken as the last one's until then, are
        read by the worker after the first renderings.
        """
        try:
            opened = self._worker.open(path, password, SIZES_FIRST)
        except AppError:
            self._schedule()  # the document shown stays; renderings skipped meanwhile are asked again
            raise
        self._reset()
        sizes = opened.first_sizes
        self._sizes = sizes + sizes[-1:] * (opened.page_count - len(sizes))
        self._relayout(keep_position=False)
        self._sizes_pending = opened.page_count > len(sizes)
        self.set_current_page(0)

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
        self.cache.clear()
        self._failed.clear()
        self._text.clear()
        self._highlights.clear()
        self._current = 0
        self.setAccessibleDescription("")

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    # -- current page ---------------------------------------------------------------------------

    @property
    def current_page(self) -> int:
        """The 0-based page at the upper third of the view."""
        return self._current

    def set_current_page(self, page: int) -> None:
        """Scroll so page `page` (0-based) starts at the top of the view."""
        if not self._sizes:
            return
        page = min(max(page, 0), len(self._sizes) - 1)
        self._jumping = True
        try:
            self.verticalScrollBar().setValue(self._layout.tops[page] - GAP)
        finally:
            self._jumping = False
        # Set, not computed: near the end the view cannot scroll far enough to put the page on top.
        self._set_current(page)

    def _set_current(self, page: int) -> None:
        if page != self._current or not self.accessibleDescription():
            self._current = page
            self.setAccessibleDescription(f"Page {page + 1} of {len(self._sizes)}")
            self.page_changed.emit(page)

    def render_page(self, page: int, scale: float) -> QImage:
        """Page `page` (0-based, unrotated) at `scale` pixels a point, for printing; raises `AppError`."""
        return self._worker.render_now(page, scale)

    def page_rect(self, page: int) -> QRect:
        """Page `page`'s rectangle in viewport coordinates (it may lie outside the viewport)."""
        return self._layout.rect(page).translated(self._offset())

    def page_to_view(self, page: int, x: float, y: float) -> QPointF:
        """Where the point (`x`, `y`) of page `page`, in unrotated page points, is in the viewport."""
        return self._layout.transform(page).map(QPointF(x, y)) + QPointF(self._offset())

    def is_page_ready(self, page: int) -> bool:
        """Whether page `page` has its exact image for the current zoom, rotation and screen."""
        return self._key(page) in self.cache

    def _offset(self) -> QPoint:
        return QPoint(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())

    # -- zoom and rotation ----------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """The zoom in effect (1.0 = 100 %), whatever the mode."""
        return self._layout.zoom

    @property
    def zoom_mode(self) -> str:
        return self._mode

    def set_zoom(self, zoom: float, around: QPoint | None = None) -> None:
        """Zoom to `zoom` (clamped to 50–400 %), keeping the point `around` (default: top left) still."""
        self._mode = CUSTOM
        self._zoom = min(max(zoom, ZOOM_MIN), ZOOM_MAX)
        self._relayout(around=around)

    def zoom_in(self) -> None:
        self.set_zoom(zoom_step(self.zoom, +1))

    def zoom_out(self) -> None:
        self.set_zoom(zoom_step(self.zoom, -1))

    def fit_width(self) -> None:
        self._mode = FIT_WIDTH
        self._relayout()

    def fit_page(self) -> None:
        self._mode = FIT_PAGE
        self._relayout()

    @property
    def rotation(self) -> int:
        return self._rotation

    def set_rotation(self, degrees: int) -> None:
        """Turn every page `degrees` clockwise (a multiple of 90), keeping the current page in view."""
        page = self._current
        self._rotation = degrees % 360 // 90 * 90
        self._relayout(keep_position=False)
        self.set_current_page(page)

    def rotate_clockwise(self) -> None:
        self.set_rotation(self._rotation + 90)

    def rotate_counterclockwise(self) -> None:
        self.set_rotation(self._rotation - 90)

    def _fitted_zoom(self) -> float:
        if not self._sizes:
            return self._zoom
        viewport = self.viewport()
        size = self._sizes[self._current]
        return fitted_zoom(size, self._rotation, viewport.size(), whole_page=self._mode == FIT_PAGE)

    def _relayout(self, *, keep_position: bool = True, around: QPoint | None = None) -> None:
        old_zoom = self._layout.zoom
        point = around if around is not None else QPoint(0, 0)
        anchor = self._anchor_at(point) if keep_position and self._sizes else None
        # Off the page (in a gap or margin) the distance to it is kept in pixels, as gaps do not scale.
        slack = QPointF(point) - self.page_to_view(*anchor) if anchor is not None else QPointF()
        zoom = self._zoom if self._mode == CUSTOM else self._fitted_zoom()
        viewport = self.viewport()
        self._layout = PageLayout(self._sizes, zoom, self._rotation, viewport.width())
        # Neither new ranges nor the restored position move the current page: it is where we were.
        self._jumping = self._in_layout = True
        try:
            self._set_ranges()
            if anchor is not None:
                spot = self.page_to_view(*anchor) + slack
                hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
                hbar.setValue(hbar.value() + round(spot.x() - point.x()))
                vbar.setValue(vbar.value() + round(spot.y() - point.y()))
        finally:
            self._jumping = self._in_layout = False
        if zoom != old_zoom:
            self.zoom_changed.emit(zoom)
        self._schedule()
        viewport.update()

    def _set_ranges(self) -> None:
        viewport, hbar, vbar = self.viewport(), self.horizontalScrollBar(), self.verticalScrollBar()
        # The horizontal bar first: showing or hiding it changes the viewport's height (only).
        hbar.setRange(0, max(self._layout.width - viewport.width(), 0))
        hbar.setPageStep(viewport.width())
        vbar.setRange(0, max(self._layout.height - viewport.height(), 0))
        vbar.setPageStep(max(viewport.height() - 3 * GAP, 1))

    # -- rendering ------------------------------------------------------------------------------

    def _key(self, page: int) -> PageKey:
        size = self._sizes[page]
        # Capped so one image stays within MAX_PIXELS; past it the page is stretched (slightly soft).
        # (Rounded down, with room for the pixel PyMuPDF may add at each edge.)
        cap = (0.999 * MAX_PIXELS / (size.width * size.height)) ** 0.5
        scale = min(self._layout.scale * self.devicePixelRatioF(), cap)
        return PageKey(page, math.floor(scale * 10_000) / 10_000, self._rotation)

    def visible_pages(self) -> range:
        top = self.verticalScrollBar().value()
        return self._layout.visible(top, top + self.viewport().height())

    def _schedule(self) -> None:
        """Ask for the visible pages, then (once they are drawn) one ahead and the other pages' sizes.

        Anything else still waiting is dropped. Nothing runs beside the visible
        pages' renderings: PyMuPDF holds the GIL while it draws, which would
        hold up the GUI thread receiving them.
        """
        if not self._sizes:
            return
        visible = [self._key(page) for page in self.visible_pages()]
        self._pinned = frozenset(visible)
        missing = [key for key in visible if key not in self.cache and key.page not in self._failed]
        if missing or not visible:
            self._worker.request(missing)
            return
        ahead = visible[-1].page + 1
        if ahead < len(self._sizes) and self._key(ahead) not in self.cache:
            self._pinned |= {self._key(ahead)}
            self._worker.request([self._key(ahead)])
        else:
            self._worker.request([])
        if self._sizes_pending:
            self._sizes_pending = False
            self._worker.request_sizes()

    def _rendered(self, key: PageKey, image: object) -> None:
        if key.page >= len(self._sizes) or key != self._key(key.page):
            return  # overtaken by a zoom, rotation or screen change
        assert isinstance(image, QImage)
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self.cache.put(key, image, self._pinned)
        self._failed.pop(key.page, None)
        self.viewport().update(self.page_rect(key.page))
        self.page_rendered.emit(key.page)
        self._schedule()

    def _render_failed(self, page: int, message: str) -> None:
        self._failed[page] = message
        self.viewport().update(self.page_rect(page))

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        area = event.rect()
        painter.fillRect(area, page_paint.BACKGROUND)
        offset = self._offset()
        for page in self._layout.visible(area.top() - offset.y(), area.bottom() + 1 - offset.y()):
            rect = self._layout.rect(page).translated(offset)
            self._paint_page(painter, page, rect)
            shift = QTransform.fromTranslate(offset.x(), offset.y())
            painter.setTransform(self._layout.transform(page) * shift)
            if page in self._highlights:
                page_paint.highlights(painter, self._highlights[page])
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

    # -- highlights ---------------------------------------------------------------------------

    def set_highlights(self, highlights: Iterable[Highlight]) -> None:
        """Replace the translucent marks drawn over pages: (0-based page, boxes in page points, colour)."""
        self._highlights = {}
        for page, boxes, colour in highlights:
            self._highlights.setdefault(page, []).append((boxes, colour))
        self.viewport().update()

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

    def _anchor_at(self, point: QPoint) -> Anchor:
        spot = QPointF(point - self._offset())
        page = self._layout.page_at(spot.y())
        on_page = self._layout.to_page(page, spot)
        return Anchor(page, on_page.x(), on_page.y())

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
        if self._text.add_words(page, words):
            self.selection_changed.emit()
            self.viewport().update()

    # -- events -------------------------------------------------------------------------------

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        # Moves the pixels already drawn and repaints only the uncovered strip.
        self.viewport().scroll(dx, dy)
        if not self._jumping and self._sizes:
            top = self.verticalScrollBar().value()
            self._set_current(self._layout.page_at(top + self.viewport().height() / 3))
        self._schedule()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._in_layout:
            self._relayout()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._schedule()
            self.viewport().update()
        return super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * 1.1**steps, around=event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.ZoomIn) or self._is_ctrl(event, Qt.Key.Key_Equal):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        elif self._is_ctrl(event, Qt.Key.Key_0):
            self.set_zoom(1.0)
        elif (action := SCROLL_KEYS.get(Qt.Key(event.key()))) is not None:
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and event.key() == Qt.Key.Key_Space:
                action = QAbstractSlider.SliderAction.SliderPageStepSub
            self.verticalScrollBar().triggerAction(action)
        else:
            super().keyPressEvent(event)

    @staticmethod
    def _is_ctrl(event: QKeyEvent, key: Qt.Key) -> bool:
        return event.key() == key and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)

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
