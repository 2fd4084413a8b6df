"""The main window as a user meets it: opening papers, dropping files, bad files, duplicates, layout."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from app import settings as prefs

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.main_window import MainWindow
from ui.theme import DARK, LIGHT

from tests.gui.conftest import DEMO, WindowFactory, wait_idle

LANCASHIRE = DEMO / "lancashire-scrutiny-2015-07-17.txt"
SOULDERN = DEMO / "uk-souldern-pc-2018-07-26.pdf"


def stored_documents(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The titles the library itself holds (asked through the lane, as the app does)."""
    found: list[list[str]] = []
    window.tasks.run(lambda library: [d.title for d in library.documents()], found.append)
    qtbot.waitUntil(lambda: bool(found))
    return found[0]


def test_welcome_is_shown_before_any_paper_is_open(window: MainWindow) -> None:
    assert window.center.currentWidget() is window.welcome
    assert "Drop" in window.welcome.text.text()
    assert window.library.count.text() == "0 papers"
    assert window.library.stack.currentWidget() is window.library.empty


def test_opening_a_demo_paper_shows_its_title_text_and_library_row(window: MainWindow, qtbot: QtBot) -> None:
    window.open_files([SOULDERN])
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=20_000)
    wait_idle(qtbot, window)

    assert window.center.currentWidget() is window.reader
    assert window.reader.stack.currentWidget() is window.reader.pages  # a PDF opens on its pages
    assert window.reader.pages.page_count == 4
    window.reader.toolbar.text_action.trigger()
    assert window.reader.stack.currentWidget() is window.reader.text_view
    assert window.reader.text_view.title.text() == window.reader.document.title  # type: ignore[union-attr]
    assert "PDF, 4 pages" in window.reader.text_view.meta.text()
    assert "SOULDERN PARISH COUNCIL" in window.reader.text_view.plain_text()
    assert window.windowTitle().endswith("— Quorum")
    titles = [document.title for document in window.library_model.documents()]
    assert titles == [window.reader.document.title]  # type: ignore[union-attr]
    assert window.library.selected_id() == window.reader.document.id  # type: ignore[union-attr]
    assert window.library.stack.currentWidget() is window.library.view
    assert "Added" in window.statusBar().currentMessage()


def test_choosing_a_row_in_the_library_opens_that_paper(window: MainWindow, qtbot: QtBot) -> None:
    window.open_files([LANCASHIRE, SOULDERN])
    qtbot.waitUntil(lambda: len(window.library_model.documents()) == 2, timeout=20_000)
    wait_idle(qtbot, window)
    lancashire = next(d for d in window.library_model.documents() if d.format == "txt")

    window.library.select(lancashire.id)
    qtbot.waitUntil(lambda: window.reader.document is not None and window.reader.document.id == lancashire.id)
    assert "Scrutiny Committee" in window.reader.text_view.plain_text()


def test_dropping_a_file_imports_and_opens_it(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    paper = tmp_path / "minutes.txt"
    paper.write_text("Parish Council\n\nMinutes of the meeting held on 3 March 2024.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(paper))])
    where, action = QPointF(200, 200), Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), action, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(where, action, mime, buttons, keys)
    QApplication.sendEvent(window, drop)

    assert enter.isAccepted() and drop.isAccepted()
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=20_000)
    assert "held on 3 March 2024" in window.reader.text_view.plain_text()
    assert len(window.library_model.documents()) == 1


def test_bad_files_show_one_clear_dialog_and_add_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.touch()
    window.open_files([empty, tmp_path / "missing.pdf"])
    qtbot.waitUntil(lambda: window.errors.current is not None and window.errors.current.isVisible())
    wait_idle(qtbot, window)

    box = window.errors.current
    assert isinstance(box, QMessageBox)
    assert "2 files could not be opened" in box.text()
    assert "empty (0 bytes)" in box.informativeText()
    assert "no such file" in box.informativeText()
    assert "Traceback" not in box.informativeText()
    assert window.library_model.documents() == []
    assert stored_documents(qtbot, window) == []
    assert window.center.currentWidget() is window.welcome


def test_same_content_twice_is_recognised_not_duplicated(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.open_files([LANCASHIRE])
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=20_000)
    wait_idle(qtbot, window)
    first = window.reader.document
    copy = tmp_path / "renamed copy.txt"
    shutil.copy(LANCASHIRE, copy)
    window.open_files([SOULDERN])
    qtbot.waitUntil(lambda: window.reader.document is not first, timeout=20_000)
    wait_idle(qtbot, window)

    window.open_files([copy])
    qtbot.waitUntil(lambda: "already in your library" in window.statusBar().currentMessage(), timeout=20_000)
    wait_idle(qtbot, window)
    assert first is not None
    assert window.reader.document is not None and window.reader.document.id == first.id
    assert len(window.library_model.documents()) == 2
    assert len(stored_documents(qtbot, window)) == 2


def test_window_layout_is_restored_on_the_next_start(make_window: WindowFactory, qtbot: QtBot) -> None:
    first = make_window()
    first.show()
    first.resize(720, 560)  # inside the offscreen screen (800 × 600), above the layout's minimum
    first.outline_dock.hide()
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.annotations_dock)
    first.close()

    second = make_window()
    assert second.restore_layout()
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (720, 560)
    assert second.outline_dock.isHidden()
    assert second.dockWidgetArea(second.annotations_dock) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_a_fresh_profile_has_no_layout_to_restore(make_window: WindowFactory) -> None:
    assert not make_window().restore_layout()


def test_open_recent_lists_opened_files_and_can_be_cleared(window: MainWindow, qtbot: QtBot) -> None:
    window.open_files([LANCASHIRE])
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=20_000)
    wait_idle(qtbot, window)
    assert window.settings.get(prefs.RECENT_FILES) == (str(LANCASHIRE),)
    window.fill_recent_menu()
    assert window.recent_menu is not None
    names = [action.text() for action in window.recent_menu.actions()]
    assert LANCASHIRE.name in names

    clear = next(action for action in window.recent_menu.actions() if action.text() == "Clear Menu")
    clear.trigger()
    window.fill_recent_menu()
    assert window.settings.get(prefs.RECENT_FILES) == ()
    assert LANCASHIRE.name not in [action.text() for action in window.recent_menu.actions()]


def test_text_size_shortcuts_change_the_reader_and_are_remembered(window: MainWindow, qtbot: QtBot) -> None:
    window.open_files([LANCASHIRE])
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=20_000)
    start = window.reader.text_view.font_size
    window.activateWindow()
    window.reader.text_view.browser.setFocus()  # shortcuts work while reading, not only from the menu
    qtbot.keyClick(window.reader.text_view.browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader.text_view.browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.text_view.font_size == start + 2
    assert window.reader.text_view.browser.document().defaultFont().pointSizeF() == start + 2
    assert window.settings.get(prefs.READER_FONT_SIZE) == start + 2
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.text_view.font_size == start + 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.text_view.font_size == prefs.READER_FONT_SIZE.default

    viewport = window.reader.text_view.browser.viewport()
    wheel = QWheelEvent(
        QPointF(50, 50),
        viewport.mapToGlobal(QPointF(50, 50)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert window.reader.text_view.font_size == prefs.READER_FONT_SIZE.default + 1
    text_view = window.reader.text_view
    assert text_view.browser.document().defaultFont().pointSizeF() == text_view.font_size


def test_theme_override_recolours_the_app_and_is_remembered(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.menu_actions["theme-dark"].trigger()
    assert window.themes.current is DARK
    assert app.palette().window().color().name() == DARK.window
    assert window.settings.get(prefs.THEME) == "dark"
    window.menu_actions["theme-light"].trigger()
    assert app.palette().window().color().name() == LIGHT.window


def test_about_shows_versions_and_licences(window: MainWindow, qtbot: QtBot) -> None:
    from app import __version__

    import PySide6

    dialog = window.show_about()
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.heading.text() + dialog.details.toPlainText()
    assert f"Version {__version__}" in text
    assert PySide6.__version__ in text
    for licence in (
        "AGPL-3.0-or-later",
        "LGPL-3.0",
        "AGPL-3.0",
        "Apache-2.0",
        "BSD-2-Clause",
        "MIT",
        "Public domain",
    ):
        assert licence in text
    assert "PyMuPDF" in text and "sqlite-utils" in text
    dialog.close()


def test_demo_library_is_imported_on_first_run_with_a_summary_not_dialogs(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    demo = tmp_path / "demo"
    demo.mkdir()
    for sample in (LANCASHIRE, SOULDERN):
        shutil.copy(sample, demo)
    (demo / "broken.txt").touch()
    main = make_window()
    main.show()
    progress: list[str] = []
    main.importer.progress.connect(lambda _batch: progress.append(main.progress_label.text()))
    main.start(demo_files=sorted(demo.iterdir()))
    qtbot.waitUntil(lambda: "could not read broken.txt" in main.statusBar().currentMessage(), timeout=30_000)
    wait_idle(qtbot, main)

    assert "Added 2 papers" in main.statusBar().currentMessage()
    assert progress[:2] == ["Importing 2 of 3…", "Importing 3 of 3…"]
    assert not main.progress_label.isVisible() and not main.progress.isVisible()
    assert len(main.library_model.documents()) == 2
    assert main.errors.current is None
    assert main.settings.get(prefs.RECENT_FILES) == ()  # the demo is not the user's own history
    assert main.center.currentWidget() is main.welcome

    # The next start finds the library filled and imports nothing again.
    again = make_window()
    again.start(demo_files=sorted(demo.iterdir()))
    qtbot.waitUntil(lambda: len(again.library_model.documents()) == 2)
    wait_idle(qtbot, again)
    assert again.statusBar().currentMessage() == ""
