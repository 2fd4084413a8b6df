"""The tags manager: every tag with its count; rename (onto another name: merge), recolour, delete."""

from __future__ import annotations

from typing import Any

from app.annotations import COLOURS
from app.model import Changes

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.annotation_colours import swatch_icon
from ui.tasks import Tasks
from ui.undo import AnnotationController

NAME, COUNT = range(2)
TAG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NO_COLOUR = "No colour"


class TagsDialog(QDialog):
    """Edits go through the controller, so each is one undoable step (Ctrl+Z works here too)."""

    def __init__(self, tasks: Tasks, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tags")
        self.tasks = tasks
        self.controller = controller
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Tag", "Annotations"])
        self.table.setAccessibleName("Tags")
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._renamed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.colour = QComboBox()
        self.colour.setAccessibleName("Tag colour")
        self.colour.addItem(swatch_icon(""), NO_COLOUR, "")
        for colour in COLOURS:
            self.colour.addItem(swatch_icon(colour), colour.capitalize(), colour)
        self.colour.activated.connect(self._recolour)
        self.rename = QPushButton("Rename")
        self.rename.clicked.connect(self._edit_current)
        self.delete = QPushButton("Delete")
        self.delete.clicked.connect(self.delete_selected)
        self.hint = QLabel("Rename a tag to another tag's name to merge them. Ctrl+Z undoes any change.")
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self._build_layout()
        self._add_actions()
        controller.changed.connect(self._changed)
        self._selection_changed()

    def _build_layout(self) -> None:
        tools = QHBoxLayout()
        tools.addWidget(QLabel("Colour:"))
        tools.addWidget(self.colour)
        tools.addStretch(1)
        tools.addWidget(self.rename)
        tools.addWidget(self.delete)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.resize(460, 420)

    def _add_actions(self) -> None:
        stack = self.controller.stack
        for action, keys in (
            (stack.createUndoAction(self), QKeySequence.StandardKey.Undo),
            (stack.createRedoAction(self), QKeySequence.StandardKey.Redo),
        ):
            action.setShortcut(keys)
            self.addAction(action)
        delete = QAction("Delete tag", self.table)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)

    def reload(self) -> None:
        self.tasks.run(lambda library: library.tags(), self._show, key="tags-dialog")

    def _changed(self, changes: Changes) -> None:
        if changes.tags or changes.annotations:
            self.reload()

    def _show(self, tags: list[dict[str, Any]]) -> None:
        chosen = self.selected_ids()
        self.table.blockSignals(True)
        self.table.setRowCount(len(tags))
        for row, tag in enumerate(tags):
            name = QTableWidgetItem(tag["name"])
            name.setData(TAG_ID_ROLE, tag["id"])
            name.setData(Qt.ItemDataRole.UserRole, tag["colour"] or "")
            name.setIcon(swatch_icon(tag["colour"] or ""))
            count = QTableWidgetItem(str(tag["count"]))
            count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, NAME, name)
            self.table.setItem(row, COUNT, count)
            if tag["id"] in chosen:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self._selection_changed()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        items = [self.table.item(row, NAME) for row in rows]
        return [int(item.data(TAG_ID_ROLE)) for item in items if item is not None]

    def delete_selected(self) -> None:
        chosen = self.selected_ids()
        if chosen:
            self.controller.delete_tags(chosen)

    def _edit_current(self) -> None:
        item = self.table.item(self.table.currentRow(), NAME)
        if item is not None:
            self.table.editItem(item)

    def _renamed(self, item: QTableWidgetItem) -> None:
        tag_id = item.data(TAG_ID_ROLE)
        name = " ".join(item.text().split())
        if item.column() == NAME and tag_id is not None and name:
            self.controller.rename_tag(int(tag_id), name)
        else:
            self.reload()  # an empty name: put the old one back

    def _recolour(self) -> None:
        for tag_id in self.selected_ids():
            self.controller.recolour_tag(tag_id, self.colour.currentData())

    def _selection_changed(self) -> None:
        chosen = self.selected_ids()
        for widget in (self.colour, self.delete):
            widget.setEnabled(bool(chosen))
        self.rename.setEnabled(len(chosen) == 1)
        item = self.table.item(self.table.currentRow(), NAME) if chosen else None
        colour = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        self.colour.setCurrentIndex(max(0, self.colour.findData(colour)))
