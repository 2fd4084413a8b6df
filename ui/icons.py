"""SVG icons from resources/icons, drawn sharp at the screen's pixel ratio and tinted to the theme."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

import resources


def svg_source(name: str) -> str:
    return resources.read_text("icons", f"{name}.svg")


def pixmap(name: str, size: int, colour: str | None = None, ratio: float = 1.0) -> QPixmap:
    """`name`.svg drawn `size` logical pixels square; `currentColor` becomes `colour`."""
    source = svg_source(name)
    if colour is not None:
        source = source.replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(source.encode("utf-8")))
    image = QPixmap(round(size * ratio), round(size * ratio))
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addPixmap(pixmap("quorum", size))
    return icon
