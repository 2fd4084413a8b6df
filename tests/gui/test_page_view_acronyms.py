"""Acronyms in the page view: resting the mouse on one shows its expansion, as the text view does."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from app.render import PageRenderer, Word

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolTip

from ui.main_window import MainWindow
from ui.reader.page_view import PageView
from ui.reader.reader_pane import PAGE

from tests.gui.conftest import PageViewFactory, open_and_wait

LINES = (
    "Minutes of the meeting of the parish council",
    "The Clinical Commissioning Group (CCG) presented its plans.",
    "Resolved that the CCG's proposals be supported.",
)


def write_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for row, line in enumerate(LINES):
        page.insert_text((72, 120 + 30 * row), line, fontsize=13)
    doc.save(path)
    return path


def printed(path: Path, text: str) -> Word:
    renderer = PageRenderer(path)
    try:
        return next(word for word in renderer.words(0) if word.text == text)
    finally:
        renderer.close()


def hover(qtbot: QtBot, view: PageView, word: Word) -> str:
    """Rest the mouse on `word`; the tooltip shown (or "" if none comes)."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)
    point = view.page_to_view(0, (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2).toPoint()
    qtbot.mouseMove(view.viewport(), QPoint(point.x() + 1, point.y()))
    qtbot.mouseMove(view.viewport(), point)
    try:
        qtbot.waitUntil(QToolTip.isVisible, timeout=1500)
    except TimeoutError:
        return ""
    return QToolTip.text()


def test_hovering_an_acronym_shows_its_expansion(
    qtbot: QtBot, make_page_view: PageViewFactory, tmp_path: Path
) -> None:
    path = write_pdf(tmp_path / "minutes.pdf")
    view = make_page_view(700, 500)
    view.open(path)
    view.set_zoom(1.0)
    view.set_acronyms({"CCG": "Clinical Commissioning Group"})
    # The page's words are read when first asked for: the tooltip comes once they are.
    assert hover(qtbot, view, printed(path, "CCG's")) == "CCG: Clinical Commissioning Group"
    assert hover(qtbot, view, printed(path, "(CCG)")) == "CCG: Clinical Commissioning Group"
    assert hover(qtbot, view, printed(path, "Resolved")) == ""


def test_the_reader_tells_the_page_view_the_papers_acronyms(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write_pdf(tmp_path / "minutes.pdf")
    reader = open_and_wait(qtbot, window, path)
    assert reader.mode == PAGE
    assert any(acronym.short == "CCG" for acronym in reader.analysis.acronyms)
    tip = hover(qtbot, reader.pages, printed(path, "CCG's"))
    assert tip.startswith("CCG: Clinical Commissioning Group")
