"""Annotating as a user does, end to end in the main window: exact boxes for text-view highlights on a
PDF, passage ⇄ note by keyboard, the toolbar following the selection, empty notes discarded, many
deleted at once, and restoring a backup with the paper open."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pymupdf
import pytest
from pytestqt.qtbot import QtBot

from app.model import Anchor, Annotation

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from ui.annotation_marks import line_rects
from ui.annotations_wiring import AnnotationsUi, install_annotations
from ui.main_window import MainWindow
from ui.page_annotations import split_lines
from ui.panels.note_editor import NoteEditor
from ui.reader.reader_pane import PAGE, TEXT

from tests.factories import write_pdf_minutes
from tests.gui.conftest import DEMO, wait_idle
from tests.gui.test_annotations_wiring import (
    LATE_PHRASE,
    PHRASE,
    SOULDERN,
    average,
    open_paper,
    passage_tint,
    span_of,
    stored,
)

SOULDERN_2018 = DEMO / "uk-souldern-pc-2018-07-26.pdf"
SHIFT_CONTROL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def paragraph_on_page_one(window: MainWindow, lines: int = 3) -> tuple[int, int]:
    """A passage of the first page's text running over `lines` printed lines (by its block box)."""
    text = window.reader.text
    assert text is not None
    for block in text.blocks:
        if block.page == 1 and block.bbox and block.size and block.kind == "paragraph":
            height = block.bbox[3] - block.bbox[1]
            if height > lines * block.size:
                return block.start, block.end
    raise AssertionError("no long paragraph on page 1")


def pdf_boxes(quote: str, below: float) -> list[tuple[float, ...]]:
    """Where PyMuPDF finds `quote` on the paper's first page, from `below` points down, one box a line."""
    with pymupdf.open(SOULDERN) as doc:
        return [tuple(rect) for rect in doc[0].search_for(quote) if rect.y1 > below]


def rows_and_typing(ui: AnnotationsUi, rows: int) -> bool:
    return ui.panel.model.rowCount() == rows and ui.panel.editor.text.hasFocus()


def wait_for_quads(window: MainWindow, qtbot: QtBot, ui: AnnotationsUi) -> Annotation:
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1 and bool(ui.panel.model.annotations()[0].quads),
                    timeout=20_000)  # fmt: skip
    wait_idle(qtbot, window)
    return ui.panel.model.annotations()[0]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_a_text_view_underline_on_a_pdf_gets_exact_boxes_under_every_line(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot, SOULDERN)
    start, end = paragraph_on_page_one(window)
    window.reader.set_mode(TEXT)
    qtbot.waitUntil(lambda: ui.marks.text_map() is not None)
    ui.marks.select(start, end)
    ui.annotate(kind="underline", colour="red")
    made = wait_for_quads(window, qtbot, ui)
    assert made.kind == "underline" and made.quads is not None and len(made.quads) >= 3
    first_words = " ".join(made.anchor.quote.split()[:3])
    text = window.reader.text
    assert text is not None
    block = next(block for block in text.blocks if block.start == start)
    expected = pdf_boxes(first_words, (block.bbox or (0, 0, 0, 0))[1])[0]
    x0, y0, _x1, y1 = made.quads[0][1:]
    assert abs(x0 - expected[0]) < 0.5 and abs(y0 - expected[1]) < 0.5 and abs(y1 - expected[3]) < 0.5
    window.reader.set_mode(PAGE)
    assert ui.page_marks.boxes(made) == {0: [quad[1:] for quad in made.quads]}  # one underline a line
    pages = window.reader.pages
    window.reader.jump_to_offset(made.anchor.start or 0)
    qtbot.waitUntil(lambda: pages.is_page_ready(0), timeout=20_000)
    view = pages.page_to_view
    corners = [(view(0, x0, y1), view(0, x1, y1)) for _page, x0, _y0, x1, y1 in made.quads]
    strips = [QRect(left.toPoint() + QPoint(2, -2), right.toPoint()) for left, right in corners]
    underlined = [average(pages.viewport().grab(strip).toImage()) for strip in strips]
    ui.controller.stack.undo()
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 0, timeout=20_000)
    plain = [average(pages.viewport().grab(strip).toImage()) for strip in strips]
    # Under every line, not the last only: red ink where the paper (or its tints) showed before.
    pairs = zip(underlined, plain, strict=True)
    assert all(a.green() < b.green() - 40 and a.red() > a.green() + 40 for a, b in pairs)


def test_an_estimated_box_is_cut_into_its_printed_lines() -> None:
    assert split_lines((10.0, 100.0, 200.0, 136.0), 12.0) == [
        (10.0, 100.0, 200.0, 112.0), (10.0, 112.0, 200.0, 124.0), (10.0, 124.0, 200.0, 136.0)
    ]
    assert split_lines((10.0, 100.0, 200.0, 112.0), 0.0) == [(10.0, 100.0, 200.0, 112.0)]


def test_keyboard_only_from_the_dock_to_the_passage_and_back_to_its_note(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot)
    for phrase in (PHRASE, LATE_PHRASE):
        ui.marks.select(*span_of(window, phrase))
        ui.annotate(kind="highlight")
        wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 2, timeout=20_000)
    late = ui.panel.model.annotations()[1]
    window.reader.text_view.browser.verticalScrollBar().setValue(0)

    view = ui.panel.view
    view.setFocus()
    view.setCurrentIndex(ui.panel.proxy.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter: to the passage, keyboard and caret with it
    browser = window.reader.text_view.browser
    assert browser.hasFocus() and ui.marks.caret_span() == (late.anchor.start, (late.anchor.start or 0) + 1)
    assert browser.viewport().rect().contains(browser.cursorRect().center())

    view.clearSelection()
    qtbot.keyClick(browser, Qt.Key.Key_F2)  # F2 in the reader: back to the note, ready for typing
    assert [a.id for a in ui.panel.selected()] == [late.id] and ui.panel.editor.text.hasFocus()
    qtbot.keyClicks(ui.panel.editor.text, "Nothing urgent")
    qtbot.keyClick(ui.panel.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert [a.note for a in stored(window, qtbot, late.document_id)] == ["", "Nothing urgent"]

    browser.setFocus()
    ui.marks.place_caret(0)
    qtbot.keyClick(browser, Qt.Key.Key_F2)  # no annotation here: it says so
    assert "no annotation here" in window.statusBar().currentMessage()
    menu = ui.context_menu(browser.cursorRect(browser.textCursor()).center())
    assert "Go to Note" not in [action.text() for action in menu.actions()]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_keyboard_only_in_the_page_view(window: MainWindow, qtbot: QtBot) -> None:
    ui = open_paper(window, qtbot, SOULDERN)
    start, end = paragraph_on_page_one(window, 1)
    window.reader.set_mode(TEXT)
    qtbot.waitUntil(lambda: ui.marks.text_map() is not None)
    ui.marks.select(start, end)
    ui.annotate(kind="highlight", colour="blue")
    made = wait_for_quads(window, qtbot, ui)
    window.reader.set_mode(PAGE)
    view = ui.panel.view
    view.setFocus()
    view.setCurrentIndex(ui.panel.proxy.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.reader.pages.hasFocus()
    page, x0, y0, x1, y1 = (made.quads or ())[0]
    shown = window.reader.pages.page_to_view(page, (x0 + x1) / 2, (y0 + y1) / 2).toPoint()
    assert window.reader.pages.viewport().rect().contains(shown)  # the passage is on screen
    view.clearSelection()
    qtbot.keyClick(window.reader.pages, Qt.Key.Key_F2)
    assert [a.id for a in ui.panel.selected()] == [made.id] and ui.panel.editor.text.hasFocus()

    view.clearSelection()  # the page's right-click menu leads there too
    menu = ui.context_menu(shown)
    actions = {action.text().replace("&", ""): action for action in menu.actions()}
    assert not actions["Highlight"].isEnabled()  # nothing selected
    actions["Go to Note"].trigger()
    assert [a.id for a in ui.panel.selected()] == [made.id]


def test_the_toolbar_follows_the_selection_and_hides_while_it_is_out_of_sight(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot)
    start, end = span_of(window, LATE_PHRASE)
    window.reader.jump_to_offset(start)
    ui.marks.select(start, end)
    qtbot.waitUntil(ui.toolbar.isVisible)
    bar = ui.marks.browser.verticalScrollBar()
    before, top = ui.toolbar.pos(), bar.value()
    assert top > 30
    bar.setValue(top - 30)
    assert ui.toolbar.isVisible() and ui.toolbar.pos() == before + QPoint(0, 30)  # moved with the words
    bar.setValue(bar.maximum() if top < bar.maximum() // 2 else 0)
    assert not ui.toolbar.isVisible()  # the selection is out of sight
    bar.setValue(top)
    assert ui.toolbar.isVisible() and ui.toolbar.pos() == before  # back beside it
    qtbot.keyClick(ui.toolbar, Qt.Key.Key_Escape)
    bar.setValue(top - 30)
    assert not ui.toolbar.isVisible()  # dismissed stays dismissed


def test_a_note_left_empty_is_discarded_and_redo_brings_it_back(window: MainWindow, qtbot: QtBot) -> None:
    ui = open_paper(window, qtbot)
    document_id = ui.document_id or 0
    ui.marks.select(*span_of(window, PHRASE))
    ui.annotate(kind="highlight", colour="green")
    wait_idle(qtbot, window)
    ui.marks.select(*span_of(window, LATE_PHRASE))
    ui.note_on_selection()  # "+ Note": the note box has the keyboard…
    qtbot.waitUntil(lambda: rows_and_typing(ui, 2), timeout=20_000)
    window.reader.focus_view()  # …and is left without a word
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    wait_idle(qtbot, window)
    assert [a.anchor.quote for a in stored(window, qtbot, document_id)] == [PHRASE]
    assert ui.actions["undo"].text() == "&Undo Add highlight"  # the history holds no empty note
    qtbot.keyClick(window, Qt.Key.Key_Z, SHIFT_CONTROL)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 2, timeout=20_000)

    ui.note_on_paper()  # Esc in an empty note on the whole paper: discarded, keyboard to the list
    qtbot.waitUntil(lambda: rows_and_typing(ui, 3), timeout=20_000)
    qtbot.keyClick(ui.panel.editor.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 2, timeout=20_000)
    assert ui.panel.view.hasFocus()

    ui.note_on_paper()  # only tags written: kept
    qtbot.waitUntil(lambda: rows_and_typing(ui, 3), timeout=20_000)
    ui.panel.editor.tags.setFocus()
    qtbot.keyClicks(ui.panel.editor.tags, "agenda")
    window.reader.focus_view()
    wait_idle(qtbot, window)
    paper_note = stored(window, qtbot, document_id)[0]
    assert (paper_note.anchor.start, paper_note.tags) == (None, ("agenda",))


def test_clearing_the_note_of_a_highlight_keeps_the_highlight(window: MainWindow, qtbot: QtBot) -> None:
    ui = open_paper(window, qtbot)
    ui.marks.select(*span_of(window, PHRASE))
    ui.annotate(kind="highlight", note="Check")
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    made = ui.panel.model.annotations()[0]
    ui.reveal(made.id)
    editor = ui.panel.editor.text
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    window.reader.focus_view()
    wait_idle(qtbot, window)
    [kept] = stored(window, qtbot, made.document_id)
    assert (kept.id, kept.note, kept.kind) == (made.id, "", "highlight")


def test_deleting_a_hundred_selected_cards_is_one_step(window: MainWindow, qtbot: QtBot) -> None:
    ui = open_paper(window, qtbot)
    document_id = ui.document_id or 0

    def hundred(library: object) -> None:
        for n in range(100):
            library.annotate(document_id, 200 + 3 * n, 210 + 3 * n, note=f"n{n}")  # type: ignore[attr-defined]

    window.tasks.run(hundred, lambda _none: None)
    wait_idle(qtbot, window)
    ui.panel.show_document(document_id)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 100, timeout=20_000)
    view = ui.panel.view
    view.setFocus()
    view.setCurrentIndex(ui.panel.proxy.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 0, timeout=20_000)
    assert stored(window, qtbot, document_id) == []
    stack = ui.controller.stack
    assert stack.count() == 1 and stack.undoText() == "Delete 100 annotations"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 100, timeout=20_000)
    assert {a.note for a in stored(window, qtbot, document_id)} == {f"n{n}" for n in range(100)}


def test_restoring_with_the_paper_open_keeps_it_if_the_backup_has_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot)
    document_id = ui.document_id or 0
    ui.marks.select(*span_of(window, PHRASE))
    ui.annotate(kind="highlight", note="in the backup")
    wait_idle(qtbot, window)
    time.sleep(1.1)  # backups are named to the second: not the same name as the day's first
    window.tasks.run(lambda library: library.backup_now(), lambda _path: None)
    ui.marks.select(*span_of(window, LATE_PHRASE))
    ui.annotate(kind="highlight", note="after the backup")
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 2, timeout=20_000)
    dialog = ui.show_restore()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 2)
    with qtbot.waitSignal(dialog.restored, timeout=20_000):
        dialog.restore_current()  # the newest: the one just made
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    assert window.reader.document is not None and window.reader.document.id == document_id
    assert [a.note for a in ui.panel.model.annotations()] == ["in the backup"]
    assert [a.note for a in ui.marks.annotations] == ["in the backup"]  # the marks in the text too
    ui.marks.select(*span_of(window, LATE_PHRASE))  # the library works on: annotate again
    ui.annotate(kind="highlight")
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 2, timeout=20_000)
    assert len(stored(window, qtbot, document_id)) == 2


def test_restoring_a_backup_without_the_open_paper_closes_it(window: MainWindow, qtbot: QtBot) -> None:
    ui = open_paper(window, qtbot)  # the day's backup was made first, of the empty library
    dialog = ui.show_restore()
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1)
    with qtbot.waitSignal(dialog.restored, timeout=20_000):
        dialog.restore_current()
    qtbot.waitUntil(lambda: window.reader.document is None, timeout=20_000)
    wait_idle(qtbot, window)
    assert window.center.currentWidget() is window.welcome and ui.panel.model.document_id is None
    assert QApplication.focusWidget() is not ui.panel.editor.text


def test_the_note_editor_keeps_a_sent_note_over_a_copy_read_before_it_was_stored(qtbot: QtBot) -> None:
    editor = NoteEditor()
    qtbot.addWidget(editor)
    sent: list[tuple[str, str]] = []
    editor.save_requested.connect(lambda done, text: sent.append((done, text)))
    blank = Annotation("a", 1, Anchor(0, 5, "quote"), kind="note")
    editor.show_annotation(blank)
    editor.text.setPlainText("Ask the clerk")
    editor.commit()
    assert sent == [("a", "Ask the clerk")]
    editor.show_annotation(blank)  # a refresh that read the annotation before the note was stored
    assert editor.text.toPlainText() == "Ask the clerk" and not editor.dirty and not editor.empty
    editor.show_annotation(replace(blank, note="Ask the clerk"))  # stored
    editor.show_annotation(blank)  # and then undone: the editor follows
    assert editor.text.toPlainText() == "" and editor.empty


def test_a_click_on_a_highlight_shows_its_note_but_leaves_the_keys_to_the_reader(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot)
    ui.marks.select(*span_of(window, PHRASE))
    ui.annotate(kind="highlight", note="Check")
    qtbot.waitUntil(lambda: ui.panel.model.rowCount() == 1, timeout=20_000)
    made = ui.panel.model.annotations()[0]
    window.annotations_dock.hide()
    browser = window.reader.text_view.browser
    bar = browser.verticalScrollBar()
    bar.setValue(0)
    browser.setFocus()
    mapping = ui.marks.text_map()
    assert mapping is not None
    cursor = browser.textCursor()
    cursor.setPosition(mapping.to_view(made.anchor.start or 0))
    on_passage = browser.cursorRect(cursor).center() + QPoint(4, 0)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=on_passage)
    assert window.annotations_dock.isVisible() and [a.id for a in ui.panel.selected()] == [made.id]
    assert ui.panel.editor.text.toPlainText() == "Check" and ui.panel.editor.text.isVisible()
    assert QApplication.focusWidget() is browser

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # reading on: the paper scrolls
    assert bar.value() > 0
    assert ui.panel.editor.text.toPlainText() == "Check"
    wait_idle(qtbot, window)
    assert [a.note for a in stored(window, qtbot, made.document_id)] == ["Check"]

    bar.setValue(0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)  # F2: now into the note
    assert QApplication.focusWidget() is ui.panel.editor.text
    qtbot.keyClick(ui.panel.editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), " the numbers")
    qtbot.keyClick(ui.panel.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    bar.setValue(bar.maximum())  # the passage scrolled out of sight meanwhile
    qtbot.keyClick(ui.panel.editor.text, Qt.Key.Key_Escape)  # Esc: back to the reader, at the passage
    assert QApplication.focusWidget() is browser
    assert browser.viewport().rect().contains(browser.cursorRect().center())
    assert ui.marks.caret_span() == (made.anchor.start, (made.anchor.start or 0) + 1)
    wait_idle(qtbot, window)
    assert [a.note for a in stored(window, qtbot, made.document_id)] == ["Check the numbers"]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_a_text_view_highlight_on_a_protected_pdf_gets_boxes_with_the_password_typed(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    ui = install_annotations(window, window.tasks)
    path = write_pdf_minutes(tmp_path / "secret.pdf", password="swordfish")
    window.open_files([path])
    dialog = window.password_dialog
    assert dialog is not None
    dialog.setTextValue("swordfish")
    dialog.accept()
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=30_000)
    wait_idle(qtbot, window)
    window.reader.set_mode(TEXT)
    qtbot.waitUntil(lambda: ui.marks.text_map() is not None)
    ui.marks.select(*span_of(window, "ANYTOWN TOWN COUNCIL"))
    ui.annotate(kind="highlight")
    made = wait_for_quads(window, qtbot, ui)
    with pymupdf.open(path) as doc:
        doc.authenticate("swordfish")
        hits = [tuple(rect) for rect in doc[0].search_for("ANYTOWN TOWN COUNCIL")]
    assert made.quads is not None and len(made.quads) == 1  # the words' own box, as PyMuPDF finds them
    assert any(all(abs(a - b) < 0.5 for a, b in zip(made.quads[0][1:], hit, strict=True)) for hit in hits)


def distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_a_yellow_highlight_on_an_action_stands_out_from_the_actions_tint(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot, SOULDERN_2018)
    window.reader.set_mode(TEXT)
    qtbot.waitUntil(lambda: ui.marks.text_map() is not None)
    marked = span_of(window, "Action: NO to follow up")  # the opening words of a detected action
    window.reader.jump_to_offset(marked[0])
    wait_idle(qtbot, window)
    rest = span_of(window, "Witton’s email")  # the action's last words: the structure tint only
    tint = passage_tint(ui, *rest)
    ui.marks.select(*marked)
    ui.annotate(kind="highlight", colour="yellow")
    qtbot.waitUntil(lambda: len(ui.marks.annotations) == 1, timeout=20_000)
    browser = ui.marks.browser
    browser.viewport().repaint()
    mark = passage_tint(ui, *marked)
    mapping = ui.marks.text_map()
    assert mapping is not None
    dy = browser.verticalScrollBar().value()
    visible = QRectF(browser.viewport().rect()).translated(0, dy)
    line = next(line_rects(browser.document(), *mapping.span_to_view(*marked), visible)).translated(0, -dy)
    image = browser.viewport().grab().toImage()
    edge = [image.pixelColor(int(line.left()) + dx, int(line.center().y())) for dx in range(3)]
    rim = min(edge, key=QColor.lightness)
    paper = window.themes.current
    assert distance(tint, QColor(paper.paper)) > 60  # the action is tinted…
    assert distance(mark, tint) > 45  # …the highlight's fill is another colour…
    assert distance(rim, tint) > 150 and rim.lightness() < tint.lightness() - 50  # …inside a dark rim


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_in_the_page_view_a_click_on_a_highlight_leaves_the_keys_to_the_pages(
    window: MainWindow, qtbot: QtBot
) -> None:
    ui = open_paper(window, qtbot, SOULDERN)
    start, end = paragraph_on_page_one(window, 1)
    window.reader.set_mode(TEXT)
    qtbot.waitUntil(lambda: ui.marks.text_map() is not None)
    ui.marks.select(start, end)
    ui.annotate(kind="highlight", colour="pink", note="Ask")
    made = wait_for_quads(window, qtbot, ui)
    window.reader.set_mode(PAGE)
    pages = window.reader.pages
    window.reader.jump_to_offset(start)
    qtbot.waitUntil(lambda: pages.is_page_ready(0), timeout=20_000)
    page, x0, y0, x1, y1 = (made.quads or ())[0]
    on_mark = pages.page_to_view(page, (x0 + x1) / 2, (y0 + y1) / 2).toPoint()
    pages.setFocus()
    qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=on_mark)
    assert [a.id for a in ui.panel.selected()] == [made.id] and ui.panel.editor.text.toPlainText() == "Ask"
    assert QApplication.focusWidget() is pages
    bar = pages.verticalScrollBar()
    before = bar.value()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert bar.value() > before and ui.panel.editor.text.toPlainText() == "Ask"

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)  # the note of the passage clicked
    assert QApplication.focusWidget() is ui.panel.editor.text
    bar.setValue(bar.maximum())  # the passage scrolled out of sight meanwhile
    qtbot.keyClick(ui.panel.editor.text, Qt.Key.Key_Escape)  # back to the pages, the passage in sight
    assert QApplication.focusWidget() is pages
    shown = pages.page_to_view(page, (x0 + x1) / 2, (y0 + y1) / 2).toPoint()
    assert pages.viewport().rect().contains(shown)
