"""Drawing the page view's pieces: page shadows, failure notes, highlight and selection overlays."""

from __future__ import annotations

from collections.abc import Sequence

from app.model import BBox

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from ui.reader.find_bar import hit_colour
from ui.reader.page_selection import Words

BACKGROUND = QColor("#5f6368")
SELECTION = QColor(45, 106, 159, 90)
HIT, CURRENT_HIT = hit_colour(False), hit_colour(True)  # as the text view marks them
CURRENT_EDGE = QColor(196, 78, 0)
NOTE = QColor("#80868b")
# Soft shadow: outlines growing outwards, fading; drawn as outlines so no pixel is painted twice.
SHADOW = tuple(QColor(0, 0, 0, alpha) for alpha in (70, 40, 22, 10))

Marks = list[tuple[Sequence[BBox], QColor]]


def shadow(painter: QPainter, rect: QRect) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for grow, colour in enumerate(SHADOW, start=1):
        painter.setPen(colour)
        painter.drawRect(rect.adjusted(-grow, -grow + 1, grow - 1, grow))


def message(painter: QPainter, rect: QRect, text: str, margin: int) -> None:
    """A note in the middle of a page that could not be drawn."""
    painter.setPen(NOTE)
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    painter.drawText(rect.adjusted(margin, margin, -margin, -margin), flags, text)


def highlights(painter: QPainter, marks: Marks) -> None:
    """Boxes in page points (the painter maps them), tinted like a highlighter pen."""
    # Multiply tints the paper and leaves the ink dark.
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
    for boxes, colour in marks:
        for x0, y0, x1, y1 in boxes:
            painter.fillRect(QRectF(x0, y0, x1 - x0, y1 - y0), colour)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)


def find_hits(painter: QPainter, hits: Sequence[Sequence[BBox]], current: Sequence[BBox] | None) -> None:
    """Every hit tinted; the current one in a stronger tint with an edge, so it stands out among them."""
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
    for hit in hits:
        colour = CURRENT_HIT if hit is current else HIT
        for x0, y0, x1, y1 in hit:
            painter.fillRect(QRectF(x0, y0, x1 - x0, y1 - y0), colour)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
    if current:
        pen = QPen(CURRENT_EDGE, 1.5)
        pen.setCosmetic(True)  # 1.5 screen pixels at any zoom
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for x0, y0, x1, y1 in current:
            painter.drawRect(QRectF(x0 - 0.75, y0 - 0.5, x1 - x0 + 1.5, y1 - y0 + 1))


def selection(painter: QPainter, words: Words, chosen: range) -> None:
    """The chosen words' boxes, in page points, as translucent bands."""
    for i in chosen:
        word = words[i]
        # Reach to the next selected word on the line, so a selected line reads as one band.
        following = words[i + 1] if i + 1 in chosen and words[i + 1].line == word.line else None
        right = following.x0 if following is not None and following.x0 > word.x1 else word.x1
        painter.fillRect(QRectF(word.x0, word.y0, right - word.x0, word.y1 - word.y0), SELECTION)
