"""The page view's scrolling column: page geometry, zoom, rotation, current page and reading keys."""

from __future__ import annotations

from app.model import BBox
from app.render import PageSize

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QWidget

from ui.reader.page_layout import GAP, ZOOM_MAX, ZOOM_MIN, PageLayout, fitted_zoom, zoom_step
from ui.reader.page_selection import Anchor

FIT_WIDTH, FIT_PAGE, CUSTOM = "fit-width", "fit-page", "custom"

SCROLL_KEYS = {
    Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd,
    Qt.Key.Key_Space: QAbstractSlider.SliderAction.SliderPageStepAdd,  # Shift+Space goes back
    Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
    Qt.Key.Key_Home: QAbstractSlider.SliderAction.SliderToMinimum,
    Qt.Key.Key_End: QAbstractSlider.SliderAction.SliderToMaximum,
}


class PageScrollArea(QAbstractScrollArea):
    """Pages of given sizes laid out top to bottom; what is drawn on them is the subclass's job.

    Pages are numbered from 0 here; a number shown to the user adds one. Page
    coordinates are PyMuPDF's unrotated points, the space of `Block.bbox`.
    Subclasses hear of changes through `_laid_out` and `_scrolled`.
    """

    page_changed = Signal(int)
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The viewport wrapped as the QWidget it is: a first `viewport()` would have PySide6 set up
        # every QtWidgets class to find its type (~20 ms at start-up). Paints stay in C++ (Qt's own widget).
        self.findChild(QWidget, "qt_scrollarea_viewport")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Always shown: a scroll bar appearing would change the width that "fit width" fits.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.horizontalScrollBar().setSingleStep(48)
        self.verticalScrollBar().setSingleStep(48)
        self._sizes: list[PageSize] = []
        self._layout = PageLayout([], 1.0, 0)
        self._mode = FIT_WIDTH
        self._zoom = 1.0
        self._rotation = 0
        self._current = 0
        self._jumping = False
        self._in_layout = False

    def _laid_out(self) -> None:
        """The pages moved or changed size (zoom, rotation, new sizes): redraw what is needed."""

    def _scrolled(self) -> None:
        """The view scrolled: fetch what has come into view."""

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

    def page_rect(self, page: int) -> QRect:
        """Page `page`'s rectangle in viewport coordinates (it may lie outside the viewport)."""
        return self._layout.rect(page).translated(self._offset())

    def page_to_view(self, page: int, x: float, y: float) -> QPointF:
        """Where the point (`x`, `y`) of page `page`, in unrotated page points, is in the viewport."""
        return self._layout.transform(page).map(QPointF(x, y)) + QPointF(self._offset())

    def visible_pages(self) -> range:
        top = self.verticalScrollBar().value()
        return self._layout.visible(top, top + self.viewport().height())

    def reveal(self, page: int, box: BBox, margin: int = 48) -> None:
        """Scroll the least that brings `box` (in page `page`'s points) into view, `margin` px clear."""
        a, b = self.page_to_view(page, box[0], box[1]), self.page_to_view(page, box[2], box[3])
        viewport = self.viewport().rect()
        for bar, low, high, size in (
            (self.verticalScrollBar(), min(a.y(), b.y()), max(a.y(), b.y()), viewport.height()),
            (self.horizontalScrollBar(), min(a.x(), b.x()), max(a.x(), b.x()), viewport.width()),
        ):
            if low < margin:
                bar.setValue(bar.value() + round(low - margin))
            elif high > size - margin:
                # Not so far that its start leaves the view: a box taller than the view shows its start.
                bar.setValue(bar.value() + round(min(high - (size - margin), low - margin)))

    def _offset(self) -> QPoint:
        return QPoint(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())

    def _anchor_at(self, point: QPoint) -> Anchor:
        spot = QPointF(point - self._offset())
        page = self._layout.page_at(spot.y())
        on_page = self._layout.to_page(page, spot)
        return Anchor(page, on_page.x(), on_page.y())

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
        self._laid_out()
        viewport.update()

    def _set_ranges(self) -> None:
        viewport, hbar, vbar = self.viewport(), self.horizontalScrollBar(), self.verticalScrollBar()
        # The horizontal bar first: showing or hiding it changes the viewport's height (only).
        hbar.setRange(0, max(self._layout.width - viewport.width(), 0))
        hbar.setPageStep(viewport.width())
        vbar.setRange(0, max(self._layout.height - viewport.height(), 0))
        vbar.setPageStep(max(viewport.height() - 3 * GAP, 1))

    # -- events -------------------------------------------------------------------------------

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        # Moves the pixels already drawn and repaints only the uncovered strip.
        self.viewport().scroll(dx, dy)
        if not self._jumping and self._sizes:
            top = self.verticalScrollBar().value()
            self._set_current(self._layout.page_at(top + self.viewport().height() / 3))
        self._scrolled()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._in_layout:
            self._relayout()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._laid_out()
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
        if event.matches(QKeySequence.StandardKey.ZoomIn) or self._is_ctrl(event, Qt.Key.Key_Equal):
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
