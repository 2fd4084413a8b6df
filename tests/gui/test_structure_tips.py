"""Resting the mouse on detected structure names it, in the same words in the page view and the text view."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from app.render import PageRenderer, Word

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolTip, QWidget

from ui.main_window import MainWindow
from ui.reader.reader_pane import PAGE, TEXT, ReaderPane

from tests.gui.conftest import open_and_wait

LINES = (
    (16, "hebo", "PARISH COUNCIL"),
    (12, "hebo", "Minutes of the meeting held on 3 March 2025"),
    (11, "hebo", "5. Planning applications"),
    (11, "helv", "The council considered the application for six houses at Mill Lane."),
    (11, "helv", "RESOLVED: that the council raise no objection to the application."),
)


def write_minutes(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for row, (size, font, text) in enumerate(LINES):
        page.insert_text((72, 90 + 26 * row), text, fontsize=size, fontname=font)
    doc.save(path)
    return path


def rest_on(qtbot: QtBot, widget: QWidget, point: QPoint) -> str:
    """Rest the mouse at `point` of `widget`; the tooltip shown ("" if none comes)."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)
    qtbot.mouseMove(widget, QPoint(point.x() + 1, point.y()))
    qtbot.mouseMove(widget, point)
    try:
        qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    except TimeoutError:
        return ""
    return QToolTip.text()


def on_page(qtbot: QtBot, reader: ReaderPane, word: Word) -> str:
    point = reader.pages.page_to_view(0, (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2).toPoint()
    return rest_on(qtbot, reader.pages.viewport(), point)


def in_text(qtbot: QtBot, reader: ReaderPane, word: str, after: str) -> str:
    """Rest on the first `word` printed after `after` in the text view."""
    assert reader.text is not None
    mapping = reader.text_map()
    assert mapping is not None
    offset = reader.text.text.index(word, reader.text.text.index(after))
    browser = reader.text_view.browser
    cursor = browser.textCursor()
    cursor.setPosition(mapping.to_view(offset) + 1)
    return rest_on(qtbot, browser.viewport(), browser.cursorRect(cursor).center())


def test_a_resolution_and_an_item_are_named_alike_in_both_views(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write_minutes(tmp_path / "minutes.pdf")
    reader = open_and_wait(qtbot, window, path)
    assert reader.mode == PAGE
    renderer = PageRenderer(path)
    printed = {word.text: word for word in renderer.words(0)}
    renderer.close()

    words = ("objection", "Planning", "considered")
    page_tips = {word: on_page(qtbot, reader, printed[word]) for word in words}
    assert page_tips == {
        "objection": "Resolution (item 5)",
        "Planning": "5  Planning applications",
        "considered": "",  # the item's body is not marked: nothing to tell
    }

    reader.set_mode(TEXT)
    text_tips = {word: in_text(qtbot, reader, word, "5. Planning") for word in page_tips}
    assert text_tips == page_tips

    # A kind hidden in the legend is not told either.
    reader.set_kinds(reader.kinds - {"resolution"})
    assert in_text(qtbot, reader, "objection", "RESOLVED") == ""
    reader.set_mode(PAGE)
    assert on_page(qtbot, reader, printed["objection"]) == ""
    assert on_page(qtbot, reader, printed["Planning"]) == "5  Planning applications"
