"""Where each page sits in the page view's continuous column, and how page points map to pixels."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from app.render import PageSize

from PySide6.QtCore import QPointF, QRect, QSize
from PySide6.QtGui import QTransform

# 100 % zoom shows a point as 1/72 inch on a 96 dpi screen, as other PDF viewers do.
PX_PER_PT = 96 / 72
GAP = 14  # logical pixels between pages and around the column
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0)
ZOOM_MIN, ZOOM_MAX = ZOOM_STEPS[0], ZOOM_STEPS[-1]
FIT_MIN = 0.1  # fitting may go below ZOOM_MIN, for a small window


def zoom_step(zoom: float, direction: int) -> float:
    """The next zoom step above (`direction` 1) or below (-1) `zoom`, stopping at the ends."""
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > zoom + 1e-3), ZOOM_MAX)
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom - 1e-3), ZOOM_MIN)


def fitted_zoom(size: PageSize, rotation: int, viewport: QSize, *, whole_page: bool) -> float:
    """The zoom at which a page turned `rotation` fills the viewport's width (or fits in it whole)."""
    w, h = (size.height, size.width) if (size.rotation + rotation) % 180 else (size.width, size.height)
    zoom = (viewport.width() - 2 * GAP) / (w * PX_PER_PT)
    if whole_page:
        zoom = min(zoom, (viewport.height() - 2 * GAP) / (h * PX_PER_PT))
    return min(max(zoom, FIT_MIN), ZOOM_MAX)


class PageLayout:
    """Pages stacked top to bottom at one zoom and view rotation, in logical pixels.

    Positions are in document coordinates: x across the column (pages centred
    in `width`), y down from the top of the first gap.
    """

    def __init__(self, sizes: Sequence[PageSize], zoom: float, rotation: int, min_width: int = 0) -> None:
        self.sizes = sizes
        self.zoom = zoom
        self.rotation = rotation
        self.scale = zoom * PX_PER_PT
        self._extents = [self._extent(size) for size in sizes]
        widest = max((w for w, _h in self._extents), default=0)
        self.width = max(widest + 2 * GAP, min_width)
        self.tops: list[int] = []
        y = GAP
        for _w, h in self._extents:
            self.tops.append(y)
            y += h + GAP
        self.height = y

    def _extent(self, size: PageSize) -> tuple[int, int]:
        w, h = round(size.width * self.scale), round(size.height * self.scale)
        return (h, w) if self.turn(size) in (90, 270) else (w, h)

    def turn(self, size: PageSize) -> int:
        """The page's total clockwise rotation on screen: its own /Rotate plus the view's."""
        return (size.rotation + self.rotation) % 360

    def __len__(self) -> int:
        return len(self.sizes)

    def rect(self, page: int) -> QRect:
        """Page `page`'s rectangle in document coordinates."""
        w, h = self._extents[page]
        return QRect((self.width - w) // 2, self.tops[page], w, h)

    def page_at(self, y: float) -> int:
        """The page at height `y`, or in a gap the page after it (the last page below the end)."""
        index = bisect.bisect_right(self.tops, y) - 1
        if index >= 0 and y > self.tops[index] + self._extents[index][1]:
            index += 1
        return min(max(index, 0), len(self.tops) - 1)

    def visible(self, top: float, bottom: float) -> range:
        """Pages that overlap the band from `top` to `bottom`."""
        if not self.tops:
            return range(0)
        first = self.page_at(top)
        last = max(bisect.bisect_left(self.tops, bottom) - 1, first)
        return range(first, last + 1)

    def transform(self, page: int) -> QTransform:
        """Maps unrotated page points to document pixels of page `page`, rotations applied."""
        size = self.sizes[page]
        s = self.scale
        w, h = size.width * s, size.height * s
        turn = self.turn(size)
        if turn == 90:
            m = QTransform(0, s, -s, 0, h, 0)
        elif turn == 180:
            m = QTransform(-s, 0, 0, -s, w, h)
        elif turn == 270:
            m = QTransform(0, -s, s, 0, 0, w)
        else:
            m = QTransform(s, 0, 0, s, 0, 0)
        origin = self.rect(page).topLeft()
        return m * QTransform.fromTranslate(origin.x(), origin.y())

    def to_page(self, page: int, point: QPointF) -> QPointF:
        """A document point in page `page`'s unrotated points (outside the page it is clamped to it)."""
        size = self.sizes[page]
        inverse, _ok = self.transform(page).inverted()
        p = inverse.map(point)
        return QPointF(min(max(p.x(), 0.0), size.width), min(max(p.y(), 0.0), size.height))
