"""File ▸ Restore from backup: the library's backups by date and size; restore one after confirming."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app import backup
from app.errors import AppError

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.tasks import Tasks

if TYPE_CHECKING:  # the library (sqlite, analysis) loads on the lane, not before the first paint
    from app.library import Library

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def made_at(path: Path) -> datetime | None:
    """When a backup was made, in local time, read from its name."""
    stem = path.name.removeprefix(backup.PREFIX).removesuffix(backup.SUFFIX)
    try:
        return datetime.strptime(stem, backup.STAMP).replace(tzinfo=UTC).astimezone()
    except ValueError:
        return None


def readable_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    kilobytes = size / 1024
    return f"{kilobytes:.0f} KB" if kilobytes < 1024 else f"{kilobytes / 1024:.1f} MB"


def readable_when(path: Path) -> str:
    moment = made_at(path)
    return path.name if moment is None else f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M}"


def _listing(library: Library) -> list[tuple[Path, int]]:
    return [(path, path.stat().st_size) for path in reversed(library.backups())]


class RestoreBackupDialog(QDialog):
    """Emits `restored(aside)` once the library runs on the backup (`aside`: where the library as
    it was now lives, or None). The main window should then reload everything it shows."""

    restored = Signal(object)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.tasks = tasks
        intro = QLabel(
            "Quorum keeps a verified copy of your library once a day (the last seven). "
            "Restoring one replaces the library; the library as it is now is kept aside, not deleted."
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName("Backups")
        self.list.setHeaderLabels(["Made", "Size"])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.list.headerItem().setTextAlignment(1, right)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(self.ask)
        self._build_confirmation()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton("Restore…")
        self.restore_button.clicked.connect(self.ask)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.confirmation)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.resize(520, 380)
        self._update_buttons()

    def _build_confirmation(self) -> None:
        self.confirmation = QFrame()
        self.confirmation.setFrameShape(QFrame.Shape.StyledPanel)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.confirm_button = QPushButton("Replace library")
        self.confirm_button.setObjectName("primary")
        self.confirm_button.clicked.connect(self.restore_current)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.confirmation.hide)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.confirm_button)
        layout = QVBoxLayout(self.confirmation)
        layout.addWidget(self.question)
        layout.addLayout(row)
        self.confirmation.hide()

    def reload(self) -> None:
        self.tasks.run(_listing, self._show, key="restore-backup")

    def _show(self, found: list[tuple[Path, int]]) -> None:
        self.list.clear()
        items = []
        for path, size in found:
            item = QTreeWidgetItem([readable_when(path), readable_size(size)])
            item.setData(0, PATH_ROLE, str(path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        self.list.addTopLevelItems(items)
        if items:
            self.list.setCurrentItem(items[0])  # the newest
        else:
            self.result_label.setText("There are no backups yet: the first is made when Quorum next starts.")
        self._update_buttons()

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return None if item is None else Path(item.data(0, PATH_ROLE))

    def ask(self) -> None:
        """Show the confirmation for the chosen backup."""
        chosen = self.chosen()
        if chosen is None:
            return
        self.question.setText(
            f"Replace your library with the backup made {readable_when(chosen)}? "
            "Annotations and papers added since then will not be in it."
        )
        self.confirmation.show()
        self.confirm_button.setFocus()

    def restore_current(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        self.confirmation.hide()
        self.restore_button.setEnabled(False)
        self.result_label.setText("Restoring…")
        self.tasks.run(lambda library: library.restore_backup(chosen), self._done, on_error=self._failed)

    def _done(self, aside: Path | None) -> None:
        kept = f" The library as it was is kept in {aside}." if aside else ""
        self.result_label.setText("Restored." + kept)
        self._update_buttons()
        self.restored.emit(aside)

    def _failed(self, error: AppError) -> None:
        self.result_label.setText(f"Nothing was changed: {error}")
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
