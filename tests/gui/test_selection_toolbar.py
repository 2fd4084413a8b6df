"""The floating selection toolbar: colour intents, keyboard use, tag completion, placement, Esc."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.annotations import COLOURS

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget

from ui.annotation_colours import SWATCHES
from ui.reader.selection_toolbar import SelectionToolbar, split_tags


@pytest.fixture
def toolbar(qtbot: QtBot) -> Iterator[SelectionToolbar]:
    page = QWidget()
    qtbot.addWidget(page)
    page.resize(600, 400)
    page.show()
    bar = SelectionToolbar(page)
    bar.set_tags(["follow-up", "Finance", "planning"])
    bar.show_near(QRect(250, 200, 100, 18))
    yield bar  # while `page` lives


def test_every_colour_has_a_named_button_that_asks_for_it(toolbar: SelectionToolbar, qtbot: QtBot) -> None:
    assert len(COLOURS) >= 6 and set(SWATCHES) == set(COLOURS)  # each has its own look
    for colour in COLOURS:
        button = toolbar.buttons[colour]
        assert button.accessibleName() == f"Highlight {colour}"
        with qtbot.waitSignal(toolbar.highlight_requested) as asked:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert asked.args == [colour]


def test_keyboard_picks_colours_underline_and_note(toolbar: SelectionToolbar, qtbot: QtBot) -> None:
    toolbar.setFocus()
    with qtbot.waitSignal(toolbar.highlight_requested) as asked:
        qtbot.keyClick(toolbar, Qt.Key.Key_2)
    assert asked.args == [COLOURS[1]]
    with qtbot.waitSignal(toolbar.underline_requested):
        qtbot.keyClick(toolbar, Qt.Key.Key_U)
    with qtbot.waitSignal(toolbar.note_requested):
        qtbot.keyClick(toolbar, Qt.Key.Key_N)
    focus = toolbar.buttons[COLOURS[0]]
    focus.setFocus()
    qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert toolbar.buttons[COLOURS[1]].hasFocus()
    with qtbot.waitSignal(toolbar.highlight_requested) as asked:
        qtbot.keyClick(toolbar.buttons[COLOURS[1]], Qt.Key.Key_Space)
    assert asked.args == [COLOURS[1]]


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # offscreen popups
def test_tags_complete_from_existing_ones_and_new_ones_are_sent_too(
    toolbar: SelectionToolbar, qtbot: QtBot
) -> None:
    toolbar.setFocus()
    qtbot.keyClick(toolbar, Qt.Key.Key_T)
    line = toolbar.tag_line
    assert line.isVisible() and line.hasFocus()
    qtbot.keyClicks(line, "fin")
    completer = line.completer_
    assert completer.completionCount() == 1 and completer.currentCompletion() == "Finance"
    completer.activated.emit(completer.currentCompletion())
    assert line.text() == "Finance, "
    qtbot.keyClicks(line, "brand new tag,  finance")
    popup = completer.popup()
    assert popup is not None and popup.isVisible()
    popup.hide()  # the user waves the suggestion away
    with qtbot.waitSignal(toolbar.tags_requested) as asked:
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert asked.args == [["Finance", "brand new tag"]]


def test_sits_above_the_selection_or_below_near_the_top(toolbar: SelectionToolbar) -> None:
    assert toolbar.geometry().bottom() < 200
    toolbar.show_near(QRect(250, 10, 100, 18))
    assert toolbar.geometry().top() > 28
    page = toolbar.parentWidget()
    assert page is not None and page.rect().contains(toolbar.geometry())


def test_escape_hides(toolbar: SelectionToolbar, qtbot: QtBot) -> None:
    toolbar.setFocus()
    with qtbot.waitSignal(toolbar.dismissed):
        qtbot.keyClick(toolbar, Qt.Key.Key_Escape)
    assert not toolbar.isVisible()


def test_split_tags() -> None:
    assert split_tags(" a ,, b  c , A,") == ["a", "b c"]
