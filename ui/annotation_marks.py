"""Annotations in the text view: drawn under the words; the user's selection as canonical offsets.

Works from the outside of the reader (its text view's browser and `reader.text`):
the marks are painted on the browser's viewport just before the browser paints
its text, so they sit under the words and never compete with the reader's own
extra selections (structure tints, find hits).
"""

from __future__ import annotations

from collections.abc import Iterator

from app.model import Annotation

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextLine,
)
from PySide6.QtWidgets import QApplication

from ui.annotation_colours import swatch
from ui.reader.reader_pane import ReaderPane
from ui.reader.text_map import TextMap

SETTLE_MS = 150  # a selection is taken as made once it has stopped changing this long
UNDERLINE_PX = 2.5
EDGE_PX = 1.5


def mark_colour(colour: str, *, dark: bool) -> QColor:
    """A highlight's tint under the words: translucent, so text and structure tints still read."""
    tint = swatch(colour)
    tint.setAlpha(120 if dark else 150)
    return tint


def edge_colour(colour: str, *, dark: bool) -> QColor:
    """A mark's solid rim (or an underline's ink): a deeper shade of its colour (lighter on a dark
    page). The reader's structure tints are flat washes with no rim, so a user's mark reads as
    the user's even where the hues are alike (yellow over Actions, green over Resolutions)."""
    shade = swatch(colour)
    return shade.lighter(125) if dark else shade.darker(150)


def paint_mark(painter: QPainter, rect: QRectF, colour: str, *, underline: bool, dark: bool) -> None:
    """One line of a mark: a rimmed tint, or a solid line under the words."""
    if underline:
        line = QRectF(rect.left(), rect.bottom() - UNDERLINE_PX, rect.width(), UNDERLINE_PX)
        painter.fillRect(line, edge_colour(colour, dark=dark))
        return
    painter.fillRect(rect, mark_colour(colour, dark=dark))
    pen = QPen(edge_colour(colour, dark=dark), EDGE_PX)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = EDGE_PX / 2
    painter.drawRoundedRect(rect.adjusted(half, half, -half, -half), 2.0, 2.0)


def innermost(annotations: list[Annotation], start: int, end: int) -> Annotation | None:
    """The shortest of `annotations` (all placed) over any of `[start, end)`: the one meant there."""
    end = max(end, start + 1)
    over = [a for a in annotations if (a.anchor.start or 0) < end and start < (a.anchor.end or 0)]
    return min(over, key=lambda a: (a.anchor.end or 0) - (a.anchor.start or 0), default=None)


def line_rects(document: QTextDocument, first: int, last: int, visible: QRectF) -> Iterator[QRectF]:
    """The laid-out range `[first, last)` as one rectangle per line, in document coordinates
    (lines wholly outside `visible` are skipped)."""
    layout_of = document.documentLayout()
    block = document.findBlock(first)
    while block.isValid() and block.position() < last:
        origin = layout_of.blockBoundingRect(block).topLeft()
        if origin.y() > visible.bottom():
            return
        yield from _block_rects(block, origin, (first, last), visible)
        block = block.next()


def _x(line: QTextLine, position: int) -> float:
    found = line.cursorToX(position)  # PySide returns (x, position)
    return float(found[0]) if isinstance(found, tuple) else float(found)  # type: ignore[arg-type]


def _block_rects(
    block: QTextBlock, origin: QPointF, span: tuple[int, int], visible: QRectF
) -> Iterator[QRectF]:
    (first, last), (x, y) = span, (origin.x(), origin.y())
    layout, base = block.layout(), block.position()
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        lo = max(first, base + line.textStart())
        hi = min(last, base + line.textStart() + line.textLength())
        top = y + line.y()
        if lo >= hi or top + line.height() < visible.top() or top > visible.bottom():
            continue
        left, right = _x(line, lo - base), _x(line, hi - base)
        yield QRectF(x + left, top, right - left, line.height())


class TextAnnotations(QObject):
    """Draws a document's annotations in the text view and reports the user's selections there.

    `selection_made(rect)` once a selection has settled (`rect`: where it is, in the
    browser viewport's coordinates, for a toolbar); `selection_cleared()` when it goes;
    `annotation_clicked(id)` on a plain click on an annotated passage.
    """

    selection_made = Signal(QRect)
    selection_cleared = Signal()
    annotation_clicked = Signal(str)

    def __init__(self, reader: ReaderPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.browser = reader.text_view.browser
        self.annotations: list[Annotation] = []
        self.dark = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._selection_settled)
        self.browser.selectionChanged.connect(self._settle.start)
        self.browser.viewport().installEventFilter(self)

    # -- what is drawn ---------------------------------------------------------------
    def set_annotations(self, annotations: list[Annotation]) -> None:
        self.annotations = [a for a in annotations if a.anchor.start is not None and a.anchor.end is not None]
        self.browser.viewport().update()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.browser.viewport().update()

    # -- canonical offsets ↔ the laid-out text ------------------------------------------
    def text_map(self) -> TextMap | None:
        return self.reader.text_map()

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as canonical `[start, end)`, trimmed to its first and last visible characters."""
        cursor = self.browser.textCursor()
        mapping = self.text_map()
        if mapping is None or not cursor.hasSelection():
            return None
        lo, hi = cursor.selectionStart(), cursor.selectionEnd()
        # A position is a visible character exactly when it maps to text and back to itself.
        while lo < hi and mapping.to_view(mapping.to_text(lo)) != lo:
            lo += 1
        while hi > lo and mapping.to_view(mapping.to_text(hi - 1)) != hi - 1:
            hi -= 1
        if lo >= hi:
            return None
        return mapping.to_text(lo), mapping.to_text(hi - 1) + 1

    def select(self, start: int, end: int) -> None:
        """Select canonical `[start, end)` in the text view, as a user dragging over it would."""
        mapping = self.text_map()
        if mapping is None:
            return
        first, last = mapping.span_to_view(start, end)
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)

    def clear_selection(self) -> None:
        cursor = self.browser.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.browser.setTextCursor(cursor)

    def selection_rect(self) -> QRect:
        """Where the selection is, in the viewport's coordinates (from its first to its last line)."""
        selected = self.browser.textCursor()
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(selected.selectionStart())
        first = self.browser.cursorRect(cursor)
        cursor.setPosition(selected.selectionEnd())
        return first.united(self.browser.cursorRect(cursor))

    def annotation_at(self, point: QPoint) -> Annotation | None:
        """The shortest annotated passage under `point` of the viewport, if any."""
        mapping = self.text_map()
        if mapping is None:
            return None
        offset = mapping.to_text(self.browser.cursorForPosition(point).position())
        return innermost(self.annotations, offset, offset + 1)

    def annotation_in(self, start: int, end: int) -> Annotation | None:
        return innermost(self.annotations, start, end)

    def caret_span(self) -> tuple[int, int] | None:
        """The character after the caret, as canonical `[start, end)` (None when there is no text)."""
        mapping = self.text_map()
        if mapping is None:
            return None
        offset = mapping.to_text(self.browser.textCursor().position())
        return offset, offset + 1

    def place_caret(self, start: int) -> None:
        """Put the caret (no selection) at canonical `start`, where a jump has gone."""
        mapping = self.text_map()
        if mapping is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(mapping.span_to_view(start, start + 1)[0])
        self.browser.setTextCursor(cursor)

    # -- events ------------------------------------------------------------------------------
    def _selection_settled(self) -> None:
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return  # still dragging: the release settles it
        if self.selected_span() is not None:
            self.selection_made.emit(self.selection_rect())
        else:
            self.selection_cleared.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint and self.annotations:
            self._paint()
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._released(event)
        return super().eventFilter(watched, event)

    def _released(self, event: QMouseEvent) -> None:
        if self.browser.textCursor().hasSelection():
            self._settle.start()
            return
        annotation = self.annotation_at(event.position().toPoint())
        if annotation is not None and event.button() == Qt.MouseButton.LeftButton:
            self.annotation_clicked.emit(annotation.id)

    def _paint(self) -> None:
        mapping = self.text_map()
        if mapping is None:
            return
        viewport = self.browser.viewport()
        dx = self.browser.horizontalScrollBar().value()
        dy = self.browser.verticalScrollBar().value()
        visible = QRectF(viewport.rect()).translated(dx, dy)
        document = self.browser.document()
        painter = QPainter(viewport)
        painter.translate(-dx, -dy)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for annotation in self.annotations:
            underline = annotation.kind == "underline"
            first, last = mapping.span_to_view(annotation.anchor.start or 0, annotation.anchor.end or 0)
            for rect in line_rects(document, first, last, visible):
                paint_mark(painter, rect, annotation.colour, underline=underline, dark=self.dark)
        painter.end()
