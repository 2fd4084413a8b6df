"""Words selected on a PDF page are highlighted on exactly those words, not on their whole line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest
from pytestqt.qtbot import QtBot

from app.render import PageRenderer, Word

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor

from ui.main_window import MainWindow
from ui.reader.page_selection import Anchor, TextSelection
from ui.reader.page_view import PageView
from ui.reader.reader_pane import PAGE

from tests.gui.test_annotations_wiring import average, open_paper, stored

PARAGRAPH = (
    "The committee considered the state of the green and after some discussion resolved to "
    "repair the bench by the pond near the village hall before the summer fair, and asked the "
    "clerk to obtain three quotations for the work and to report back at the next meeting."
)
CHOSEN = ("repair", "the", "bench")


def write_pdf(path: Path) -> Path:
    """A title, then one paragraph of three lines: "repair the bench" sits inside its second line."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Minutes of the Parish Council", fontsize=16)
    page.insert_textbox(pymupdf.Rect(72, 180, 520, 320), PARAGRAPH, fontsize=14)
    doc.save(path)
    doc.close()
    return path


def line_of_chosen(path: Path) -> list[Word]:
    """The words of the printed line holding the chosen words."""
    renderer = PageRenderer(path)
    try:
        words = renderer.words(0)
    finally:
        renderer.close()
    line = next(word.line for word in words if word.text == CHOSEN[0])
    return [word for word in words if word.line == line]


def on_screen(pages: PageView, word: Word) -> QRect:
    corners = pages.page_to_view(0, word.x0, word.y0), pages.page_to_view(0, word.x1, word.y1)
    return QRectF(*corners).toAlignedRect()


def tint(pages: PageView, word: Word) -> QColor:
    return average(pages.viewport().grab(on_screen(pages, word)).toImage())


def is_yellowed(before: QColor, after: QColor) -> bool:
    return after.blue() < before.blue() - 20 and abs(after.red() - before.red()) < 20


def test_line_boxes_merge_the_words_of_each_line() -> None:
    selection = TextSelection()
    words = (
        Word(10, 10, 30, 20, "one", 0), Word(35, 9, 60, 21, "two", 0),
        Word(10, 30, 40, 40, "three", 1), Word(45, 30, 70, 41, "four", 1),
    )
    selection.add_words(2, words)
    assert selection.quads() == ()
    selection.set_ends((Anchor(2, 12, 15), Anchor(2, 12, 35)))  # "one" to "three"
    assert selection.quads() == ((2, 10, 9, 60, 21), (2, 10, 30, 40, 40))


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_three_selected_words_are_stored_and_tinted_exactly(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    paper = write_pdf(tmp_path / "bench-minutes.pdf")
    words = line_of_chosen(paper)
    first = [word.text for word in words].index(CHOSEN[0])
    chosen, before_words, after_words = words[first : first + 3], words[:first], words[first + 3 :]
    assert tuple(word.text for word in chosen) == CHOSEN
    ui = open_paper(window, qtbot, paper)
    pages = window.reader.pages
    assert window.reader.mode == PAGE
    qtbot.waitUntil(lambda: pages.is_page_ready(0), timeout=20_000)
    untouched = {word: tint(pages, word) for word in (*chosen, before_words[1], after_words[1])}

    start, end = on_screen(pages, chosen[0]).center(), on_screen(pages, chosen[-1]).center()
    with qtbot.waitSignal(pages.selection_changed):
        qtbot.mousePress(pages.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(pages.viewport(), pos=(start + end) / 2)
        qtbot.mouseMove(pages.viewport(), pos=end)
        qtbot.mouseRelease(pages.viewport(), Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(ui.toolbar.isVisible)
    assert pages.selected_text() == "repair the bench"
    qtbot.mouseClick(ui.toolbar.buttons["yellow"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    assert ui.document_id is not None
    (annotation,) = stored(window, qtbot, ui.document_id)
    assert annotation.anchor.quote == "repair the bench" and annotation.quads is not None
    span = (annotation.anchor.start or 0, annotation.anchor.end or 0)

    # One box for the line, around the three words' boxes (within a point).
    expected = (0, chosen[0].x0, min(w.y0 for w in chosen), chosen[-1].x1, max(w.y1 for w in chosen))
    (quad,) = annotation.quads
    assert quad[0] == 0 and all(abs(a - b) <= 1 for a, b in zip(quad[1:], expected[1:], strict=True))

    # The chosen words turn yellow; their neighbours on the same line do not.
    qtbot.waitUntil(lambda: ui.page_marks.annotations == [annotation])
    for word in chosen:
        assert is_yellowed(untouched[word], tint(pages, word)), word.text
    for word in (before_words[1], after_words[1]):
        assert not is_yellowed(untouched[word], tint(pages, word)), word.text
    assert ui.page_marks.annotation_at(on_screen(pages, chosen[1]).center()) == annotation
    assert ui.page_marks.annotation_at(on_screen(pages, before_words[1]).center()) is None

    # Without quads (made in the text view, or moved to a new version) the text blocks' estimate is
    # drawn: the whole printed line of the paragraph.
    estimate = replace(annotation, quads=None)
    mapper = ui.page_marks.mapper()
    assert mapper is not None
    assert ui.page_marks.boxes(estimate) == mapper.rects(*span) != ui.page_marks.boxes(annotation)
    ui.page_marks.set_annotations([estimate])
    for word in (chosen[1], before_words[1], after_words[1]):
        assert is_yellowed(untouched[word], tint(pages, word)), word.text
    assert ui.page_marks.annotation_at(on_screen(pages, before_words[1]).center()) == estimate
