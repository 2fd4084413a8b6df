"""The reader by keyboard alone: Tab reaches every control of the toolbar, legend and find bar, each named."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from ui.main_window import MainWindow
from ui.reader.reader_pane import PAGE, ReaderPane

from tests.gui.conftest import DEMO, wait_idle

SOULDERN = DEMO / "uk-souldern-pc-2018-07-26.pdf"


def tab_round(qtbot: QtBot, start: QWidget, presses: int = 120) -> list[QWidget]:
    """Press Tab from `start` and note where the focus goes each time."""
    start.setFocus()
    reached = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        reached.append(now)
    return reached


def controls(reader: ReaderPane) -> list[QWidget]:
    """Every control a user operates in the reader's bars, as it stands now (shown and enabled)."""
    bar = reader.toolbar
    found: list[QWidget] = [bar.page_box, bar.zoom_box]
    for action in bar.actions():
        widget = bar.widgetForAction(action)
        if isinstance(widget, QToolButton) and action.isVisible():
            found.append(widget)
    found += [button for button in reader.legend.buttons.values() if button.isEnabled()]
    found += [reader.find_bar.field, *reader.find_bar.findChildren(QToolButton)]
    return [widget for widget in found if widget.isVisible() and widget.isEnabled()]


def test_tab_reaches_every_reader_control_and_each_has_a_name(window: MainWindow, qtbot: QtBot) -> None:
    window.open_files([SOULDERN])
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=30_000)
    wait_idle(qtbot, window, timeout=60_000)
    reader = window.reader
    assert reader.mode == PAGE
    window.activateWindow()
    reader.open_find()
    wanted = controls(reader)
    assert len(wanted) >= 14  # 2 views, page box, zoom −/box/+, 2 rotations, legend toggles, find field and 3
    reached = tab_round(qtbot, reader.pages)
    missed = [widget.accessibleName() or widget.objectName() for widget in wanted if widget not in reached]
    assert not missed, f"Tab never reaches {missed}"
    for widget in [*wanted, reader.pages, reader.text_view.browser]:
        assert widget.accessibleName().strip(), f"{type(widget).__name__} {widget.objectName()} has no name"
    # Every widget in the window that takes the focus by Tab (library, docks, reader) says what it is.
    unnamed = {type(widget).__name__ for widget in reached if not widget.accessibleName().strip()}
    assert not unnamed


def test_toolbar_buttons_work_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    window.open_files([SOULDERN])
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=30_000)
    wait_idle(qtbot, window, timeout=60_000)
    reader = window.reader
    window.activateWindow()
    zoom_in = reader.toolbar.widgetForAction(reader.toolbar.in_action)
    before = reader.pages.zoom
    zoom_in.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(zoom_in, Qt.Key.Key_Space)
    assert reader.pages.zoom > before
    toggle = next(button for button in reader.legend.buttons.values() if button.isEnabled())
    toggle.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert not toggle.isChecked()
