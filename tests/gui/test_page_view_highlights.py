"""Structure highlights in the page view: a box estimated from the text is fitted to the printed words."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from pytestqt.qtbot import QtBot

from app.render import PageRenderer

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.gui.conftest import PageViewFactory


def test_a_highlight_never_starts_or_stops_inside_a_word(
    qtbot: QtBot, make_page_view: PageViewFactory, tmp_path: Path
) -> None:
    path = tmp_path / "minutes.pdf"
    doc = pymupdf.open()
    doc.new_page(width=595, height=842).insert_text((72, 200), "Minutes of the parish council", fontsize=14)
    doc.save(path)
    renderer = PageRenderer(path)
    words = {word.text: word for word in renderer.words(0)}
    renderer.close()
    minutes, council = words["Minutes"], words["council"]
    view = make_page_view(700, 500)
    view.open(path)
    view.set_zoom(1.0)
    qtbot.waitUntil(lambda: view.is_page_ready(0), timeout=5000)
    # From 40 % into "Minutes" (most of it: taken whole) to 30 % into "council" (little: left out).
    x0 = minutes.x0 + 0.4 * (minutes.x1 - minutes.x0)
    x1 = council.x0 + 0.3 * (council.x1 - council.x0)
    view.set_highlights([(0, [(x0, minutes.y0, x1, minutes.y1)], QColor(255, 190, 0, 110), "Item 1")])

    def tinted(x: float) -> bool:
        spot = view.page_to_view(0, x, minutes.y0 + 0.6).toPoint()
        return view.viewport().grab().toImage().pixelColor(spot) != QColor(Qt.GlobalColor.white)

    qtbot.waitUntil(lambda: tinted(minutes.x0 + 0.6), timeout=3000)  # the whole of "Minutes"
    assert not tinted((council.x0 + council.x1) / 2)  # none of "council"
    assert not tinted(minutes.x0 - 2)
