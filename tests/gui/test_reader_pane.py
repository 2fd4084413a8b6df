"""The reader pane as a user meets it: page and text views, one position across both, find, back and
forward, protected PDFs, structure highlights, the outline, acronyms and the remembered position."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app import settings as prefs
from app.find import find_all
from app.model import DocumentText

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.reader.reader_pane import PAGE, TEXT, ReaderPane
from ui.reader.text_map import TextMap
from ui.theme import DARK, LIGHT, SEPIA

from tests.factories import write_agenda_pack, write_pdf_minutes
from tests.gui.conftest import DEMO, WindowFactory, open_and_wait, wait_idle

SOULDERN = DEMO / "uk-souldern-pc-2018-07-26.pdf"
LANCASHIRE = DEMO / "lancashire-scrutiny-2015-07-17.txt"


def text_of(reader: ReaderPane) -> DocumentText:
    assert reader.text is not None
    return reader.text


def test_a_pdf_opens_on_its_pages_and_the_page_box_jumps_and_back_returns(
    window: MainWindow, qtbot: QtBot
) -> None:
    reader = open_and_wait(qtbot, window, SOULDERN)
    assert reader.mode == PAGE and reader.stack.currentWidget() is reader.pages
    assert reader.toolbar.page_box.text() == "1" and reader.toolbar.page_total.text() == " / 4"

    reader.toolbar.page_box.setText("3")
    qtbot.keyClick(reader.toolbar.page_box, Qt.Key.Key_Return)
    assert reader.pages.current_page == 2
    qtbot.waitUntil(lambda: reader.toolbar.page_box.text() == "3")

    window.menu_actions["back"].trigger()
    assert reader.pages.current_page == 0
    window.menu_actions["forward"].trigger()
    assert reader.pages.current_page == 2


def test_switching_views_keeps_the_reading_position(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    reader = open_and_wait(qtbot, window, write_agenda_pack(tmp_path / "pack.pdf", 12))
    reader.go_to_page(7)
    offset = reader.place().offset
    assert text_of(reader).page_at(offset) == 8

    reader.toolbar.text_action.trigger()
    assert reader.mode == TEXT and reader.stack.currentWidget() is reader.text_view
    assert text_of(reader).page_at(reader.place().offset) == 8
    assert abs(reader.place().offset - offset) < 400  # the same lines, give or take the layout

    window.reader.toolbar.page_action.trigger()
    assert reader.mode == PAGE and reader.pages.current_page == 7


def test_zoom_box_and_buttons_change_the_page_zoom(window: MainWindow, qtbot: QtBot) -> None:
    reader = open_and_wait(qtbot, window, SOULDERN)
    bar = reader.toolbar
    bar.zoom_box.setEditText("200")
    qtbot.keyClick(bar.zoom_box.lineEdit(), Qt.Key.Key_Return)
    assert reader.pages.zoom == 2.0 and bar.zoom_box.currentText() == "200 %"
    bar.out_action.trigger()
    assert reader.pages.zoom < 2.0
    bar.zoom_box.activated.emit(bar.zoom_box.findText("Fit page"))
    assert reader.pages.zoom_mode == "fit-page"
    bar.right_action.trigger()
    assert reader.pages.rotation == 90


def test_a_protected_pdf_asks_for_its_password_until_it_is_right(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write_pdf_minutes(tmp_path / "secret.pdf", password="swordfish")
    window.open_files([path])
    dialog = window.password_dialog
    assert dialog is not None and dialog.isVisible() and "protected" in dialog.labelText()

    dialog.setTextValue("wrong")
    dialog.accept()
    again = window.password_dialog
    assert again is not None and again is not dialog and "not right" in again.labelText()

    again.setTextValue("swordfish")
    again.accept()
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=30_000)
    assert window.reader.pages.page_count == 2
    assert "ANYTOWN TOWN COUNCIL" in text_of(window.reader).text


def test_cancelling_the_password_opens_nothing(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    path = write_pdf_minutes(tmp_path / "secret.pdf", password="swordfish")
    window.open_files([path])
    assert window.password_dialog is not None
    window.password_dialog.reject()
    assert "needs its password" in window.statusBar().currentMessage()
    assert window.center.currentWidget() is window.welcome


def test_structure_is_highlighted_in_both_views(window: MainWindow, qtbot: QtBot) -> None:
    reader = open_and_wait(qtbot, window, SOULDERN)
    kinds = {span.kind for span in reader.shown_spans()}
    assert {"item", "resolution", "attendance"} <= kinds
    assert reader.pages._highlights  # boxes to draw on the pages

    reader.set_mode(TEXT)
    selections = reader.text_view.browser.extraSelections()
    assert len(selections) == len(reader.shown_spans())
    number, item = next((n, span) for n, span in enumerate(reader.shown_spans()) if span.kind == "item")
    marked = selections[number].cursor.selectedText()  # type: ignore[attr-defined]
    assert " ".join(marked.split()) == " ".join(text_of(reader).text[item.start : item.end].split())

    reader.set_kinds({"resolution"})
    assert len(reader.text_view.browser.extraSelections()) == sum(
        span.kind == "resolution" for span in reader.shown_spans()
    ) > 0


def test_the_outline_lists_items_and_a_click_jumps_there(window: MainWindow, qtbot: QtBot) -> None:
    reader = open_and_wait(qtbot, window, SOULDERN)
    reader.set_mode(TEXT)
    item = next(span for span in reader.shown_spans() if span.kind == "item" and span.start > 2000)
    window.outline.jump_requested.emit(item.start)
    assert abs(reader.place().offset - item.start) < 200
    reader.go_back()
    assert reader.place().offset < 200


def test_find_counts_hits_and_moves_with_enter_and_shift_enter(window: MainWindow, qtbot: QtBot) -> None:
    reader = open_and_wait(qtbot, window, LANCASHIRE)
    window.activateWindow()
    window.menu_actions["find"].trigger()
    assert reader.find_bar.isVisible() and reader.find_bar.field.hasFocus()
    qtbot.keyClicks(reader.find_bar.field, "COMMITTEE")
    total = len(find_all(text_of(reader).text, "committee"))
    assert total > 3 and reader.find_bar.count.text() == f"1 of {total}"
    assert len(reader.text_view.browser.extraSelections()) == len(reader.shown_spans()) + total

    qtbot.keyClick(reader.find_bar.field, Qt.Key.Key_Return)
    assert reader.find_bar.count.text() == f"2 of {total}"
    assert abs(reader.place().offset - reader.hits[1][0]) < 300
    qtbot.keyClick(reader.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reader.find_bar.count.text() == f"1 of {total}"
    qtbot.keyClick(reader.find_bar.field, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible() and not reader.hits


def test_find_in_page_view_marks_hits_on_the_pages(window: MainWindow, qtbot: QtBot) -> None:
    reader = open_and_wait(qtbot, window, SOULDERN)
    reader.open_find()
    reader.find_bar.field.setText("parish")
    assert reader.find_bar.count.text().startswith("1 of ")
    qtbot.waitUntil(lambda: reader.pages.current_hit() is not None, timeout=5_000)
    assert reader.pages.find_hits(reader.pages.current_page)
    reader.find_bar.field.setText("no such words anywhere")
    assert reader.find_bar.count.text() == "No matches"


def test_reading_keys_scroll_the_text_view(window: MainWindow, qtbot: QtBot) -> None:
    reader = open_and_wait(qtbot, window, LANCASHIRE)
    browser = reader.text_view.browser
    bar = browser.verticalScrollBar()
    qtbot.keyClick(browser, Qt.Key.Key_Space)
    assert bar.value() > 0
    qtbot.keyClick(browser, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(browser, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(browser, Qt.Key.Key_PageDown)
    assert bar.value() > 0


def test_the_reading_position_is_restored_on_reopening(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    pack = write_agenda_pack(tmp_path / "pack.pdf", 10)
    first = make_window()
    first.show()
    first.start()
    open_and_wait(qtbot, first, pack).go_to_page(6)
    first.close()

    second = make_window()
    second.show()
    second.start()
    reader = open_and_wait(qtbot, second, pack)
    assert reader.pages.current_page == 6


def test_acronyms_explain_themselves_on_hover(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    paper = tmp_path / "minutes.txt"
    paper.write_text(
        "MINUTES OF THE PLANNING COMMITTEE\n\n1. Housing\n\nThe Local Planning Authority (LPA) reported on "
        "the five-year land supply. Members asked the LPA to publish it.\n",
        encoding="utf-8",
    )
    reader = open_and_wait(qtbot, window, paper)
    assert any(acronym.short == "LPA" for acronym in reader.analysis.acronyms)
    browser = reader.text_view.browser
    at = reader._map.to_view(text_of(reader).text.rindex("LPA"))  # type: ignore[union-attr]
    cursor = browser.textCursor()
    cursor.setPosition(at + 1)
    point = browser.cursorRect(cursor).center()
    assert "LPA: Local Planning Authority" in reader.text_view.tooltip_at(point)
    QApplication.processEvents()


def test_the_text_map_matches_every_visible_character(window: MainWindow, qtbot: QtBot) -> None:
    reader = open_and_wait(qtbot, window, SOULDERN)
    reader.set_mode(TEXT)
    text = text_of(reader).text
    raw = reader.text_view.browser.document().toRawText()
    mapping = TextMap(text_of(reader), raw)
    for offset in range(0, len(text), 7):
        if not text[offset].isspace():
            assert raw[mapping.to_view(offset)] == text[offset]
            assert mapping.to_text(mapping.to_view(offset)) == offset


def test_the_legend_counts_each_kind_and_its_toggles_hide_highlights(
    window: MainWindow, qtbot: QtBot
) -> None:
    reader = open_and_wait(qtbot, window, SOULDERN)
    items = sum(span.kind == "item" for span in reader.shown_spans())
    button = reader.legend.buttons["item"]
    assert button.text() == f"Items {items}" and button.isChecked()
    marks_before = sum(len(marks) for marks in reader.pages._highlights.values())

    button.click()
    assert "item" not in reader.kinds
    assert not any(span.kind == "item" for span in reader.shown_spans())
    assert sum(len(marks) for marks in reader.pages._highlights.values()) < marks_before


def pdf_page_count(path: Path) -> int:
    import pymupdf  # the test reads the printed file the way any PDF reader would

    with pymupdf.open(path) as printed:
        return int(printed.page_count)


def test_printing_a_pdf_to_pdf_gives_its_pages_or_the_range_asked_for(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, SOULDERN)
    assert window.printing.print_to_pdf(tmp_path / "all.pdf") == 4
    assert pdf_page_count(tmp_path / "all.pdf") == 4
    assert window.printing.print_to_pdf(tmp_path / "two.pdf", 2, 3) == 2
    assert pdf_page_count(tmp_path / "two.pdf") == 2
    assert "Printed 2 pages" in window.statusBar().currentMessage()


def test_printing_a_text_paper_to_pdf_paginates_its_text(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    reader = open_and_wait(qtbot, window, LANCASHIRE)
    sheets = window.printing.print_to_pdf(tmp_path / "text.pdf")
    assert sheets > 1 and pdf_page_count(tmp_path / "text.pdf") == sheets
    import pymupdf

    with pymupdf.open(tmp_path / "text.pdf") as printed:
        assert "Scrutiny Committee" in printed[0].get_text()
    assert reader.mode == TEXT


def test_print_dialog_offers_a_page_range(window: MainWindow, qtbot: QtBot) -> None:
    assert window.printing.print_document() is None and "Open a paper" in window.statusBar().currentMessage()
    open_and_wait(qtbot, window, SOULDERN)
    dialog = window.printing.print_document()
    assert dialog is not None and dialog.isVisible()
    assert (dialog.minPage(), dialog.maxPage()) == (1, 4)  # type: ignore[attr-defined]
    dialog.reject()


def test_reading_colours_and_font_apply_to_the_text_view_and_are_remembered(
    window: MainWindow, qtbot: QtBot
) -> None:
    reader = open_and_wait(qtbot, window, LANCASHIRE)
    browser = reader.text_view.browser
    window.menu_actions["reading-sepia"].trigger()
    qtbot.waitUntil(lambda: browser.grab().toImage().pixelColor(5, 5).name() == SEPIA.paper)
    assert window.settings.get(prefs.READER_COLOURS) == "sepia"
    assert SEPIA.text in browser.document().defaultStyleSheet()
    assert reader.legend.isVisible()

    window.menu_actions["reading-dark"].trigger()
    qtbot.waitUntil(lambda: browser.grab().toImage().pixelColor(5, 5).name() == DARK.paper)
    window.menu_actions["reading-app"].trigger()  # the app is light
    qtbot.waitUntil(lambda: browser.grab().toImage().pixelColor(5, 5).name() == LIGHT.paper)

    dialog = window.choose_reading_font()
    family = QFont("DejaVu Sans").family()
    dialog.fontSelected.emit(QFont(family, 15))
    assert browser.document().defaultFont().family() == family
    assert reader.text_view.font_size == 15
    assert window.settings.get(prefs.READER_FONT_FAMILY) == family
    dialog.reject()


def test_the_keyboard_reaches_every_reader_control_and_each_has_a_name(
    window: MainWindow, qtbot: QtBot
) -> None:
    reader = open_and_wait(qtbot, window, SOULDERN)
    window.activateWindow()
    reader.pages.setFocus()
    reached = []
    for _ in range(80):  # Tab, round the whole window
        window.focusNextChild()
        reached.append(QApplication.focusWidget())
    bar = reader.toolbar
    for action in (bar.page_action, bar.text_action, bar.out_action, bar.in_action, bar.right_action):
        button = bar.widgetForAction(action)
        assert button in reached, action.toolTip()
        assert button.accessibleName()
    assert bar.page_box in reached and bar.zoom_box in reached
    assert all(button in reached for button in reader.legend.buttons.values() if button.isEnabled())
    for widget in (reader.pages, reader.text_view.browser, bar.page_box, bar.zoom_box, reader.find_bar.field):
        assert widget.accessibleName()


def test_the_outline_follows_the_reading_position(window: MainWindow, qtbot: QtBot) -> None:
    reader = open_and_wait(qtbot, window, SOULDERN)
    items = [span for span in reader.shown_spans() if span.kind == "item"]
    late = items[-1]
    reader.jump_to_offset(late.start)
    qtbot.waitUntil(lambda: window.outline.current_offset() == late.start, timeout=3_000)
    reader.go_back()
    qtbot.waitUntil(lambda: (window.outline.current_offset() or 0) < items[1].start, timeout=3_000)


def test_a_protected_pdf_of_the_library_asks_again_in_a_new_session(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write_pdf_minutes(tmp_path / "secret.pdf", password="swordfish")
    first = make_window()
    first.show()
    first.start()
    first.open_files([path])
    assert first.password_dialog is not None
    first.password_dialog.setTextValue("swordfish")
    first.password_dialog.accept()
    qtbot.waitUntil(lambda: first.reader.document is not None, timeout=30_000)
    wait_idle(qtbot, first)
    document_id = first.reader.document.id  # type: ignore[union-attr]
    first.close()

    second = make_window()
    second.show()
    second.start()
    wait_idle(qtbot, second)
    second.open_document(document_id)
    dialog = second.password_dialog
    assert dialog is not None and "protected" in dialog.labelText()
    qtbot.waitUntil(lambda: second.reader.document is not None, timeout=30_000)
    assert second.reader.mode == TEXT  # its text, while the password is asked for
    dialog.setTextValue("swordfish")
    dialog.accept()
    assert second.reader.mode == PAGE and second.reader.pages.page_count == 2
    assert second.reader.pages._highlights
    wait_idle(qtbot, second)
    assert second.reader.document is not None and second.reader.document.id == document_id
