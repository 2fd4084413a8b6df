"""Annotations in the page view: tinted over the printed words; its word selection as text offsets.

The page view selects printed words, not canonical text; the selected words are
found again in the canonical text (the occurrence nearest the page shown), which
is exact for the born-digital PDFs whose words and text come from the same file.
An annotation made here keeps the selected words' line boxes (its quads); others
get theirs worked out from the PDF (`app.quads`) soon after they are made or moved.
Until then, or if the file cannot be read, boxes estimated from the text blocks
are drawn, cut into printed lines so an underline runs under every line.
"""

from __future__ import annotations

import bisect
import re

from app import highlights as marks
from app.model import Annotation, BBox, DocumentText, Quad

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from ui.annotation_marks import SETTLE_MS, innermost, paint_mark
from ui.reader.reader_pane import ReaderPane


def find_words(text: str, words: str, near: int) -> tuple[int, int] | None:
    """`words` (any spacing) in `text`: the occurrence starting nearest offset `near`."""
    parts = words.split()
    if not parts:
        return None
    pattern = re.compile(r"\s+".join(re.escape(part) for part in parts))
    found = [(match.start(), match.end()) for match in pattern.finditer(text)]
    return min(found, key=lambda span: abs(span[0] - near), default=None)


def line_pitch(text: DocumentText, ends: list[int], offset: int) -> float:
    """The height of a printed line of the block holding `offset` (`ends`: the blocks' ends), in points."""
    index = bisect.bisect_right(ends, offset)
    block = text.blocks[index] if index < len(text.blocks) else None
    return (block.size or 0.0) * marks.LINE_PITCH if block is not None and block.start <= offset else 0.0


def split_lines(box: BBox, pitch: float) -> list[BBox]:
    """A box over several printed lines cut into one box a line (as many as fit `pitch`)."""
    x0, y0, x1, y1 = box
    count = max(1, round((y1 - y0) / pitch)) if pitch > 0 else 1
    step = (y1 - y0) / count
    return [(x0, y0 + row * step, x1, y0 + (row + 1) * step) for row in range(count)]


class PageAnnotations(QWidget):
    """A see-through layer over the page view's viewport: draws annotations, reports selections.

    `selection_made(rect)` once a word selection has settled and was found in the
    text (`rect` in the viewport's coordinates); `selection_cleared()` otherwise;
    `annotation_clicked(id)` on a plain click on an annotated passage.
    """

    selection_made = Signal(QRect)
    selection_cleared = Signal()
    annotation_clicked = Signal(str)

    def __init__(self, reader: ReaderPane) -> None:
        super().__init__(reader.pages.viewport())
        self.reader, self.pages = reader, reader.pages
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.annotations: list[Annotation] = []
        self._mapper: marks.PageMapper | None = None
        self._mapped: DocumentText | None = None
        self._block_ends: list[int] = []
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._selection_settled)
        self.pages.selection_changed.connect(self._settle.start)
        self.pages.viewport().installEventFilter(self)
        # The viewport scrolls its children along with its pixels: keep the layer in place.
        for bar in (self.pages.verticalScrollBar(), self.pages.horizontalScrollBar()):
            bar.valueChanged.connect(self._fit)
        self._fit()
        self.show()

    def set_annotations(self, annotations: list[Annotation]) -> None:
        self.annotations = [a for a in annotations if a.anchor.start is not None and a.anchor.end is not None]
        self.update()

    def mapper(self) -> marks.PageMapper | None:
        text = self.reader.text
        if text is None or self.reader.pdf_path is None:
            return None
        if self._mapper is None or self._mapped is not text:
            self._mapper, self._mapped = marks.PageMapper(text), text
            self._block_ends = [block.end for block in text.blocks]
        return self._mapper

    # -- selection -----------------------------------------------------------------------------
    def selected_span(self) -> tuple[int, int] | None:
        """The selected words as canonical `[start, end)`, or None if they are not found in the text."""
        text = self.reader.text
        if text is None or self.mapper() is None or not self.pages.has_selection():
            return None
        page = self.pages.current_page
        near = text.pages[page].start if 0 <= page < len(text.pages) else 0
        return find_words(text.text, self.pages.selected_text(), near)

    def selected_quads(self) -> tuple[Quad, ...]:
        """The selected words' exact boxes, one a line, for the annotation made from them."""
        return self.pages.selected_quads()

    def clear_selection(self) -> None:
        self.pages.clear_selection()

    def boxes(self, annotation: Annotation) -> dict[int, list[BBox]]:
        """Where `annotation` is drawn, by page, one box a printed line: its quads when known, else the
        text blocks' estimate cut into lines."""
        found: dict[int, list[BBox]] = {}
        if annotation.quads:
            for page, x0, y0, x1, y1 in annotation.quads:
                found.setdefault(page, []).append((x0, y0, x1, y1))
            return found
        mapper, text = self.mapper(), self.reader.text
        if mapper is None or text is None:
            return found
        start, end = annotation.anchor.start or 0, annotation.anchor.end or 0
        pitch = line_pitch(text, self._block_ends, start)
        for page, boxes in mapper.rects(start, end).items():
            found[page] = [line for box in boxes for line in split_lines(box, pitch)]
        return found

    def in_sight(self, annotation: Annotation) -> bool:
        """Whether any of `annotation`'s boxes is on screen."""
        area = QRectF(self.pages.viewport().rect())
        return any(area.intersects(rect) for rect in self._rects(self.boxes(annotation)))

    def selection_rect(self) -> QRect:
        """Where the selected words are on screen (viewport coordinates); empty when none of them
        is on a page shown."""
        boxes: dict[int, list[BBox]] = {}
        for page, x0, y0, x1, y1 in self.selected_quads():
            boxes.setdefault(page, []).append((x0, y0, x1, y1))
        found = QRectF()
        for rect in self._rects(boxes):
            found = found.united(rect)
        return found.toAlignedRect()

    def _rects(self, boxes: dict[int, list[BBox]]) -> list[QRectF]:
        shown = self.pages.visible_pages()
        return [
            QRectF(self.pages.page_to_view(page, x0, y0), self.pages.page_to_view(page, x1, y1)).normalized()
            for page, page_boxes in boxes.items()
            if page in shown
            for x0, y0, x1, y1 in page_boxes
        ]

    def _selection_settled(self) -> None:
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._settle.start()  # still dragging
            return
        if self.selected_span() is not None:
            self.selection_made.emit(self.selection_rect())
        else:
            self.selection_cleared.emit()

    # -- drawing -------------------------------------------------------------------------------
    def _fit(self) -> None:
        self.setGeometry(self.pages.viewport().rect())
        self.update()

    def annotation_in(self, start: int, end: int) -> Annotation | None:
        return innermost(self.annotations, start, end)

    def annotation_at(self, point: QPoint) -> Annotation | None:
        """The annotation drawn under `point` of the viewport (the last drawn, on top), if any."""
        if self.mapper() is None:
            return None
        for annotation in reversed(self.annotations):
            if any(rect.contains(QPointF(point)) for rect in self._rects(self.boxes(annotation))):
                return annotation
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        elif isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonRelease:
            self._released(event)
        return super().eventFilter(watched, event)

    def _released(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.pages.has_selection():
            return
        annotation = self.annotation_at(event.position().toPoint())
        if annotation is not None:
            self.annotation_clicked.emit(annotation.id)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.mapper() is None or not self.annotations:
            return
        painter = QPainter(self)
        # Multiply tints the paper and leaves the ink dark, like a highlighter pen.
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for annotation in self.annotations:
            underline = annotation.kind == "underline"
            for rect in self._rects(self.boxes(annotation)):  # the page is paper-coloured in every theme
                paint_mark(painter, rect, annotation.colour, underline=underline, dark=False)
        painter.end()
