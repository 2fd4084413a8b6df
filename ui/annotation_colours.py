"""How each annotation colour looks on screen: one swatch per name in `app.annotations.COLOURS`."""

from __future__ import annotations

import functools

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

# Mid-tone swatches: strong enough to tell apart on a dark panel, soft enough on white paper.
SWATCHES: dict[str, str] = {
    "yellow": "#ffdf3d",  # a highlighter's lemon, not the amber of the reader's Actions tint
    "green": "#6fcf7c",
    "blue": "#64a8f0",
    "pink": "#f28cb8",
    "purple": "#b28ce8",
    "orange": "#f2994a",
    "red": "#e5605a",
    "grey": "#a3a8b0",
}


def swatch(colour: str) -> QColor:
    return QColor(SWATCHES.get(colour, SWATCHES["grey"]))


def swatch_pixmap(colour: str, size: int, ratio: float = 1.0) -> QPixmap:
    """A filled circle with a faint rim, so light swatches still show on a light background;
    an unknown or empty colour is an empty ring ("no colour")."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = swatch(colour)
    painter.setPen(QPen(fill.darker(135), 1))
    painter.setBrush(fill if colour in SWATCHES else Qt.GlobalColor.transparent)
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    painter.end()
    return pixmap


@functools.cache
def swatch_icon(colour: str, size: int = 16) -> QIcon:
    icon = QIcon()
    for ratio in (1.0, 2.0):
        icon.addPixmap(swatch_pixmap(colour, size, ratio))
    return icon
