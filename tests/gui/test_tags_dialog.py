"""The tags manager: counts, rename, merge by renaming, recolour, delete — each undoable."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from ui.dialogs.tags_dialog import COUNT, NAME, TagsDialog
from ui.tasks import Tasks
from ui.undo import AnnotationController

from tests.gui.annotation_support import annotate_phrase, call, import_demo, wait_idle


@pytest.fixture
def dialog(tasks: Tasks, qtbot: QtBot) -> TagsDialog:
    document_id = import_demo(tasks, qtbot)
    annotate_phrase(tasks, qtbot, document_id, "No apologies", tags=["admin", "follow-up"])
    annotate_phrase(tasks, qtbot, document_id, "taxi licensing", tags=["follow up", "licensing"])
    annotate_phrase(tasks, qtbot, document_id, "information sharing pilot", tags=["follow-up"])
    window = TagsDialog(tasks, AnnotationController(tasks))
    qtbot.addWidget(window)
    window.show()
    window.reload()
    wait_idle(tasks, qtbot)
    return window


def item(dialog: TagsDialog, row: int, column: int = NAME) -> QTableWidgetItem:
    found = dialog.table.item(row, column)
    assert found is not None
    return found


def rows(dialog: TagsDialog) -> list[tuple[str, str]]:
    count = dialog.table.rowCount()
    return [(item(dialog, row).text(), item(dialog, row, COUNT).text()) for row in range(count)]


def stored(tasks: Tasks, qtbot: QtBot) -> list[dict[str, Any]]:
    return call(tasks, qtbot, lambda library: library.tags())


def row_named(dialog: TagsDialog, name: str) -> int:
    return next(row for row in range(dialog.table.rowCount()) if item(dialog, row).text() == name)


def test_lists_tags_with_counts(dialog: TagsDialog) -> None:
    assert rows(dialog) == [("admin", "1"), ("follow up", "1"), ("follow-up", "2"), ("licensing", "1")]


def test_rename_then_merge_by_renaming_then_undo(dialog: TagsDialog, tasks: Tasks, qtbot: QtBot) -> None:
    item(dialog, row_named(dialog, "admin")).setText("Administration")
    wait_idle(tasks, qtbot)
    assert rows(dialog)[0] == ("Administration", "1")

    item(dialog, row_named(dialog, "follow up")).setText("Follow-Up")
    wait_idle(tasks, qtbot)
    assert rows(dialog) == [("Administration", "1"), ("follow-up", "3"), ("licensing", "1")]

    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(tasks, qtbot)
    assert rows(dialog) == [
        ("Administration", "1"), ("follow up", "1"), ("follow-up", "2"), ("licensing", "1"),
    ]


def test_recolour_and_delete_are_undoable(dialog: TagsDialog, tasks: Tasks, qtbot: QtBot) -> None:
    dialog.table.selectRow(row_named(dialog, "licensing"))
    dialog.colour.setCurrentIndex(dialog.colour.findData("green"))
    dialog.colour.activated.emit(dialog.colour.currentIndex())
    wait_idle(tasks, qtbot)
    assert {tag["name"]: tag["colour"] for tag in stored(tasks, qtbot)}["licensing"] == "green"

    dialog.table.clearSelection()
    dialog.table.selectRow(row_named(dialog, "admin"))
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    wait_idle(tasks, qtbot)
    assert [name for name, _count in rows(dialog)] == ["follow up", "follow-up", "licensing"]
    dialog.controller.stack.undo()
    dialog.controller.stack.undo()
    wait_idle(tasks, qtbot)
    assert rows(dialog)[0] == ("admin", "1")
    assert all(tag["colour"] is None for tag in stored(tasks, qtbot))
