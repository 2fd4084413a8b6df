"""Annotations across the library as a table: paper, body, meeting date, quote, note, tags, colour, state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.model import Annotation, Document

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.annotation_colours import swatch_icon
from ui.models.annotations_model import STATE_LABELS, markdown, note_preview, title_of
from ui.models.library_model import readable_date

AnyIndex = QModelIndex | QPersistentModelIndex
FOUND_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Found:
    annotation: Annotation
    document: Document


def _tags(found: Found) -> str:
    return ", ".join(found.annotation.tags)


def _state(found: Found) -> str:
    return STATE_LABELS[found.annotation.state] or "Anchored"


# (header, display text, sort key) per column
COLUMNS: tuple[tuple[str, Callable[[Found], str], Callable[[Found], Any]], ...] = (
    ("Paper", lambda f: f.document.title, lambda f: f.document.title.casefold()),
    ("Body", lambda f: f.document.body or "—", lambda f: (f.document.body or "").casefold()),
    ("Meeting", lambda f: readable_date(f.document), lambda f: f.document.meeting_date or ""),
    ("Quote", lambda f: title_of(f.annotation), lambda f: f.annotation.anchor.quote),
    ("Note", lambda f: note_preview(f.annotation.note), lambda f: f.annotation.note.casefold()),
    ("Tags", _tags, lambda f: _tags(f).casefold()),
    ("Colour", lambda f: f.annotation.colour.capitalize(), lambda f: f.annotation.colour),
    ("State", _state, lambda f: f.annotation.state),
)
QUOTE, NOTE, COLOUR = 3, 4, 6


class LibraryAnnotationsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Found] = []

    def set_rows(self, rows: list[Found]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        found = self._rows[index.row()]
        _header, text, key = COLUMNS[index.column()]
        readers: dict[int, Callable[[], Any]] = {
            Qt.ItemDataRole.DisplayRole: lambda: text(found),
            SORT_ROLE: lambda: key(found),
            FOUND_ROLE: lambda: found,
        }
        if index.column() == COLOUR:
            readers[Qt.ItemDataRole.DecorationRole] = lambda: swatch_icon(found.annotation.colour)
        if index.column() in (QUOTE, NOTE):
            readers[Qt.ItemDataRole.ToolTipRole] = lambda: markdown(found.annotation)
        read = readers.get(role)
        return None if read is None else read()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
