"""Annotations in the main window: select → toolbar → highlight in dock and library; undo, jump, dialogs."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.model import Annotation, Block

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMenu

from ui.annotation_marks import line_rects
from ui.annotations_wiring import AnnotationsUi, install_annotations
from ui.main_window import MainWindow
from ui.panels.annotation_card import meta_text
from ui.reader.reader_pane import PAGE, TEXT

from tests.gui.conftest import DEMO, wait_idle

LANCASHIRE = DEMO / "lancashire-scrutiny-2015-07-17.txt"
NAPIER = DEMO / "nz-napier-cc-regulatory-2019-02-19.txt"
SOULDERN = DEMO / "uk-souldern-pc-2018-07-26.pdf"
PHRASE = "No apologies were received."
LATE_PHRASE = "There was no urgent business"


def stored(window: MainWindow, qtbot: QtBot, document_id: int) -> list[Annotation]:
    """The document's annotations as the library has them (not as the dock shows them)."""
    found: list[list[Annotation]] = []
    window.tasks.run(lambda library: library.annotations(document_id), found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=20_000)
    return found[0]


def open_paper(window: MainWindow, qtbot: QtBot, path: Path = LANCASHIRE) -> AnnotationsUi:
    ui = install_annotations(window, window.tasks)
    window.open_files([path])
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=20_000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: ui.panel.model.document_id == ui.document_id)
    return ui


def span_of(window: MainWindow, phrase: str) -> tuple[int, int]:
    assert window.reader.text is not None
    start = window.reader.text.text.index(phrase)
    return start, start + len(phrase)


def average(image: QImage) -> QColor:
    """The average colour of an image (every other pixel)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = [image.pixelColor(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]
    parts = [sum(getattr(p, part)() for p in pixels) // len(pixels) for part in ("red", "green", "blue")]
    return QColor(*parts)


def passage_tint(ui: AnnotationsUi, start: int, end: int) -> QColor:
    """The average colour of the passage's first line as it is on screen."""
    browser = ui.marks.browser
    mapping = ui.marks.text_map()
    assert mapping is not None
    first, last = mapping.span_to_view(start, end)
    dy = browser.verticalScrollBar().value()
    visible = QRectF(browser.viewport().rect()).translated(0, dy)
    rect = next(line_rects(browser.document(), first, last, visible)).translated(0, -dy).toRect()
    return average(browser.viewport().grab(rect).toImage())


def test_a_highlight_from_the_toolbar_reaches_dock_library_and_page_and_undoes(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot)
    document_id = ui.document_id
    assert document_id is not None
    start, end = span_of(window, PHRASE)
    window.reader.jump_to_offset(start)
    before = passage_tint(ui, start, end)
    ui.marks.select(start, end)
    qtbot.waitUntil(ui.toolbar.isVisible)
    assert ui.marks.selected_span() == (start, end)
    assert ui.toolbar.geometry().intersects(ui.marks.browser.viewport().rect())

    qtbot.mouseClick(ui.toolbar.buttons["green"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    shown = ui.panel.model.annotations()[0]
    assert (shown.anchor.quote, shown.colour, shown.kind) == (PHRASE, "green", "highlight")
    assert [a.id for a in stored(window, qtbot, document_id)] == [shown.id]
    assert not ui.toolbar.isVisible() and not ui.marks.browser.textCursor().hasSelection()
    wait_idle(qtbot, window)
    tinted = passage_tint(ui, start, end)
    assert tinted.red() < before.red() - 10 and tinted.green() > tinted.blue()  # drawn green under the words

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 0, timeout=20_000)
    assert stored(window, qtbot, document_id) == []
    assert passage_tint(ui, start, end) == before

    shift_control = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, shift_control)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    assert [a.id for a in stored(window, qtbot, document_id)] == [shown.id]


def test_a_click_in_the_dock_jumps_and_a_click_on_the_passage_finds_its_card(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot)
    start, end = span_of(window, LATE_PHRASE)
    ui.marks.select(start, end)
    ui.actions["underline"].trigger()  # Edit ▸ Underline Selection
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    assert ui.panel.model.annotations()[0].kind == "underline"
    browser = ui.marks.browser
    browser.verticalScrollBar().setValue(0)
    assert window.reader.place().offset < start - 1000

    row = ui.panel.view.visualRect(ui.panel.view.model().index(0, 0))
    qtbot.mouseClick(ui.panel.view.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    mapping = ui.marks.text_map()
    assert mapping is not None
    cursor = browser.textCursor()
    cursor.setPosition(mapping.to_view(start))
    passage = browser.cursorRect(cursor)
    assert browser.viewport().rect().contains(passage.center())  # the passage is on screen

    ui.panel.view.clearSelection()
    ui.panel.view.setCurrentIndex(ui.panel.view.model().index(-1, -1))
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=passage.center() + QPoint(4, 0))
    assert ui.panel.selected() and ui.panel.selected()[0].anchor.quote == LATE_PHRASE


def test_note_to_selection_and_on_the_whole_paper(window: MainWindow, qtbot: QtBot) -> None:
    ui = open_paper(window, qtbot)
    start, end = span_of(window, PHRASE)
    ui.marks.select(start, end)
    ui.actions["note"].trigger()
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    qtbot.waitUntil(ui.panel.editor.text.hasFocus)
    qtbot.keyClicks(ui.panel.editor.text, "Who sent apologies?")
    ui.actions["paper-note"].trigger()
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 2, timeout=20_000)
    qtbot.waitUntil(lambda: ui.panel.editor.text.hasFocus() and ui.panel.view.currentIndex().row() == 0)
    qtbot.keyClicks(ui.panel.editor.text, "Short meeting")
    window.reader.focus_view()  # leaving the note saves it
    wait_idle(qtbot, window)
    notes = [(a.kind, a.anchor.start, a.note) for a in stored(window, qtbot, ui.document_id or 0)]
    # The whole paper's note first; both kept, as both were written.
    assert notes == [("note", None, "Short meeting"), ("note", start, "Who sent apologies?")]

    ui.marks.clear_selection()
    ui.actions["highlight"].trigger()  # nothing selected: says so, adds nothing
    assert "Select words" in window.statusBar().currentMessage()
    wait_idle(qtbot, window)
    assert ui.panel.model.rowCount() == 2


def test_toolbar_tags_then_the_tags_manager_and_all_annotations(window: MainWindow, qtbot: QtBot) -> None:
    ui = open_paper(window, qtbot)
    start, end = span_of(window, PHRASE)
    ui.marks.select(start, end)
    qtbot.waitUntil(ui.toolbar.isVisible)
    ui.toolbar.tags_requested.emit(["apologies", "Housekeeping"])
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    assert ui.panel.model.annotations()[0].tags == ("apologies", "Housekeeping")
    wait_idle(qtbot, window)
    assert ui.toolbar.tag_line.names.stringList() == ["apologies", "Housekeeping"]

    ui.actions["tags"].trigger()
    assert ui.tags_dialog is not None and ui.tags_dialog.isVisible()
    qtbot.waitUntil(lambda: ui.tags_dialog is not None and ui.tags_dialog.table.rowCount() == 2)
    ui.actions["all"].trigger()
    dialog = ui.all_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)


def test_opening_in_context_from_all_annotations_opens_the_paper_and_jumps(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot)
    first = ui.document_id
    start, end = span_of(window, LATE_PHRASE)
    ui.marks.select(start, end)
    ui.actions["highlight"].trigger()
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    window.open_files([NAPIER])
    qtbot.waitUntil(lambda: ui.document_id not in (None, first), timeout=20_000)
    wait_idle(qtbot, window)
    assert ui.panel.model.rowCount() == 0 and ui.marks.annotations == []

    dialog = ui.show_all()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    dialog.table.setCurrentIndex(dialog.table.model().index(0, 0))
    dialog.open_current()
    qtbot.waitUntil(lambda: ui.document_id == first, timeout=20_000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: abs(window.reader.place().offset - start) < 200)
    assert len(ui.marks.annotations) == 1


def test_menus_and_the_daily_backup(window: MainWindow, qtbot: QtBot) -> None:
    ui = install_annotations(window, window.tasks)
    assert install_annotations(window, window.tasks) is ui  # installed once, whoever asks again
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles.index("Edit") == titles.index("File") + 1
    assert titles.index("Annotations") == titles.index("Help") - 1
    edit = window.menuBar().actions()[titles.index("Edit")].menu()
    assert isinstance(edit, QMenu)
    assert [a.shortcut().toString() for a in edit.actions()[:2]] == ["Ctrl+Z", "Ctrl+Shift+Z"]
    assert sum(a.text().startswith("&Undo") for a in edit.actions()) == 1
    assert not ui.actions["undo"].isEnabled()
    file_menu = window.menuBar().actions()[titles.index("File")].menu()
    assert isinstance(file_menu, QMenu)
    names = [a.text() for a in file_menu.actions()]
    assert names.index("Restore from &Backup…") < names.index("&Quit")
    wait_idle(qtbot, window)
    assert list(window.paths.backups.glob("*")), "the day's backup was made at start"
    assert ui.show_restore().isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_screenshot_with_annotations_and_the_toolbar(window: MainWindow, qtbot: QtBot) -> None:
    ui = open_paper(window, qtbot)
    for phrase, colour in (("Lancashire Safeguarding Children Board Update", "yellow"),
                           ("The Chair introduced Jane Booth", "pink")):  # fmt: skip
        ui.marks.select(*span_of(window, phrase))
        ui.annotate(kind="highlight", colour=colour)
    ui.marks.select(*span_of(window, "following a request in December 2014"))
    ui.annotate(kind="underline", colour="blue")
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 3, timeout=20_000)
    ui.marks.select(*span_of(window, "It was elucidated that the update"))
    qtbot.waitUntil(ui.toolbar.isVisible)
    image = window.grab().toImage()
    path = Path(tempfile.gettempdir()) / "quorum-annotations-window.png"
    assert image.save(str(path))
    assert ui.marks.browser.viewport().rect().contains(ui.toolbar.geometry().center())


def block_on_first_page(window: MainWindow) -> Block:
    """A paragraph of running text on page 1 (not a column of names, whose lines a drag across its box
    would select together with the columns beside it)."""
    text = window.reader.text
    assert text is not None
    return next(
        block
        for block in text.blocks
        if block.page == 1 and block.bbox and block.kind == "paragraph" and block.end - block.start > 40
        and "\n" not in text.block_text(block)
    )


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_words_selected_in_the_page_view_are_annotated_and_tinted(window: MainWindow, qtbot: QtBot) -> None:
    ui = open_paper(window, qtbot, SOULDERN)
    pages = window.reader.pages
    assert window.reader.mode == PAGE
    qtbot.waitUntil(lambda: pages.is_page_ready(0), timeout=20_000)
    block = block_on_first_page(window)
    assert block.bbox is not None
    x0, y0, x1, y1 = block.bbox
    window.reader.jump_to_offset(block.start)
    box = QRectF(pages.page_to_view(0, x0, y0), pages.page_to_view(0, x1, y1)).toAlignedRect()
    before = average(pages.viewport().grab(box).toImage())
    with qtbot.waitSignal(pages.selection_changed):
        qtbot.mousePress(pages.viewport(), Qt.MouseButton.LeftButton, pos=box.topLeft() + QPoint(2, 3))
        qtbot.mouseMove(pages.viewport(), pos=box.center())
        qtbot.mouseMove(pages.viewport(), pos=box.bottomRight() - QPoint(2, 3))
        qtbot.mouseRelease(pages.viewport(), Qt.MouseButton.LeftButton, pos=box.bottomRight() - QPoint(2, 3))
    qtbot.waitUntil(ui.toolbar.isVisible)
    assert ui.toolbar.parentWidget() is pages.viewport()
    selected = " ".join(pages.selected_text().split())

    qtbot.mouseClick(ui.toolbar.buttons["yellow"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    annotation = ui.panel.model.annotations()[0]
    assert " ".join(annotation.anchor.quote.split()) == selected
    assert block.start <= annotation.anchor.start < annotation.anchor.end <= block.end  # type: ignore[operator]
    assert annotation.anchor.page == 1 and meta_text(annotation).startswith("p. 1")  # pages count from 1
    assert not pages.has_selection()
    after = average(pages.viewport().grab(box).toImage())
    assert after.blue() < before.blue() - 20 and abs(after.red() - before.red()) < 20  # tinted yellow

    ui.panel.view.clearSelection()
    qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=box.topLeft() + QPoint(3, 4))
    assert [a.id for a in ui.panel.selected()] == [annotation.id]  # the passage leads to its card

    window.reader.set_mode(TEXT)  # the same highlight in the text view
    qtbot.waitUntil(lambda: ui.marks.text_map() is not None)
    assert ui.marks.annotations == [annotation]


def test_restoring_a_backup_reloads_the_library_and_forgets_the_undo_history(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot)  # the day's backup was made first, of the empty library
    ui.marks.select(*span_of(window, PHRASE))
    ui.annotate(kind="highlight")
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    assert ui.actions["undo"].isEnabled() and len(window.library_model.documents()) == 1

    dialog = ui.show_restore()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1)
    backup = dialog.list.topLevelItem(0)
    assert backup is not None
    dialog.list.setCurrentItem(backup)
    with qtbot.waitSignal(dialog.restored, timeout=20_000):
        dialog.restore_current()
    wait_idle(qtbot, window)
    assert window.library_model.documents() == [] and ui.panel.model.rowCount() == 0
    assert not ui.actions["undo"].isEnabled() and "restored" in window.statusBar().currentMessage()
