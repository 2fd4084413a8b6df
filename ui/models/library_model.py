"""The library as a table: documents grouped by council and body, newest meeting first."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.model import Document

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

OTHER_PAPERS = "Other papers"
GROUP_ROW_HEIGHT = 36
COLUMNS = ("Title", "Meeting", "Type", "Pages", "Notes")
TITLE, MEETING, FORMAT, PAGES, NOTES = range(len(COLUMNS))

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
IS_GROUP_ROLE = Qt.ItemDataRole.UserRole + 4

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Group:
    """A header row naming the council and body of the documents below it."""

    label: str


Row = Group | Document


def council_and_body(document: Document) -> list[str]:
    """The council and the body, each once (a parish council meeting as a whole names itself twice)."""
    parts = [part.strip() for part in (document.council, document.body) if part and part.strip()]
    return parts[:1] if len(parts) == 2 and parts[0].casefold() == parts[1].casefold() else parts


def group_label(document: Document) -> str:
    return " · ".join(council_and_body(document)) or OTHER_PAPERS


def short_title(document: Document) -> str:
    """"Minutes" for a title that is just its group's committee and the kind of paper."""
    if document.body and document.title.casefold() == f"{document.body} {document.kind}".casefold():
        return document.kind.capitalize()
    return document.title


def meeting_day(document: Document) -> date | None:
    try:
        return date.fromisoformat((document.meeting_date or "")[:10])
    except ValueError:
        return None


def readable_date(document: Document) -> str:
    day = meeting_day(document)
    if day is not None:
        return f"{day.day} {day:%b %Y}"
    return document.meeting_date or "—"


def search_text(document: Document) -> str:
    """What the filter box matches against: title, council and body, both spellings of the date, format."""
    parts = (document.title, group_label(document), document.meeting_date or "", readable_date(document))
    return " ".join((*parts, document.format)).casefold()


DOCUMENT_ROLES: dict[int, Callable[[Document], Any]] = {
    Qt.ItemDataRole.ToolTipRole: lambda document: f"{document.title}\n{document.path}",
    DOCUMENT_ID_ROLE: lambda document: document.id,
    GROUP_ROLE: group_label,
    SEARCH_ROLE: search_text,
    IS_GROUP_ROLE: lambda _document: False,
}


def _group_key(label: str) -> tuple[bool, str]:
    return (label == OTHER_PAPERS, label.casefold())


def _row_key(row: Row) -> tuple[Any, ...]:
    """Where a row sorts: by group (Other papers last), header first, then newest meeting first."""
    if isinstance(row, Group):
        return (*_group_key(row.label), 0)
    day = meeting_day(row)
    undated = day is None
    newest_first = -(day.toordinal() if day else 0)
    return (*_group_key(group_label(row)), 1, undated, newest_first, row.title.casefold(), row.id)


class LibraryModel(QAbstractTableModel):
    """Group header rows and document rows in one flat, sorted list; refreshed row by row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._keys: list[tuple[Any, ...]] = []
        self._muted = QColor("#6a6f78")
        self._group_font = QFont()
        self._group_font.setBold(True)

    def set_colours(self, muted: str) -> None:
        self._muted = QColor(muted)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    # -- Qt model interface ----------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (PAGES, NOTES):
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], Group):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if isinstance(row, Group):
            return self._group_data(row, index.column(), role)
        return self._document_data(row, index.column(), role)

    def _group_data(self, group: Group, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return group.label if column == TITLE else ""
        values = {
            Qt.ItemDataRole.FontRole: self._group_font,
            Qt.ItemDataRole.ForegroundRole: self._muted,
            Qt.ItemDataRole.TextAlignmentRole: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            # A little air above each council's papers.
            Qt.ItemDataRole.SizeHintRole: QSize(0, GROUP_ROW_HEIGHT),
            GROUP_ROLE: group.label,
            SEARCH_ROLE: group.label,
            IS_GROUP_ROLE: True,
        }
        return values.get(role)

    def _document_data(self, document: Document, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(document, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PAGES, NOTES):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column != TITLE:
            return self._muted
        value = DOCUMENT_ROLES.get(role)
        return None if value is None else value(document)

    @staticmethod
    def _cell(document: Document, column: int) -> str:
        if column == TITLE:
            return short_title(document)
        if column == MEETING:
            return readable_date(document)
        if column == FORMAT:
            return document.format.upper()
        if column == PAGES:
            return str(document.pages) if document.pages else "—"
        return str(document.annotation_count) if document.annotation_count else ""

    # -- content ---------------------------------------------------------------
    def set_documents(self, documents: Iterable[Document]) -> None:
        """Replace everything (the first load)."""
        listed = list(documents)
        rows: list[Row] = [*listed, *(Group(label) for label in {group_label(item) for item in listed})]
        rows.sort(key=_row_key)
        self.beginResetModel()
        self._rows, self._keys = rows, [_row_key(row) for row in rows]
        self.endResetModel()

    def update_documents(self, documents: Iterable[Document]) -> None:
        """Add or refresh just these documents (after an import or an edit)."""
        for document in documents:
            self.remove_document(document.id)
            self._insert(document)

    def remove_document(self, document_id: int) -> None:
        row = self.row_of(document_id)
        document = None if row is None else self.document_at(row)
        if row is None or document is None:
            return
        label = group_label(document)
        self._remove(row)
        header = self._rows.index(Group(label))
        if header + 1 >= len(self._rows) or isinstance(self._rows[header + 1], Group):
            self._remove(header)  # the group is empty now

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row], self._keys[row]
        self.endRemoveRows()

    def _insert(self, row: Row) -> None:
        if isinstance(row, Document) and Group(group_label(row)) not in self._rows:
            self._insert(Group(group_label(row)))
        key = _row_key(row)
        position = bisect.bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self._keys.insert(position, key)
        self.endInsertRows()

    def row_of(self, document_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if isinstance(row, Document) and row.id == document_id:
                return number
        return None

    def document_at(self, row: int) -> Document | None:
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return item if isinstance(item, Document) else None

    def documents(self) -> list[Document]:
        return [row for row in self._rows if isinstance(row, Document)]


class LibraryFilter(QSortFilterProxyModel):
    """Filters as you type: every word must appear; a group shows while any of its documents does."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = tuple(text.casefold().split())
        self.endFilterChange()

    def _matches(self, row: int) -> bool:
        text = self.sourceModel().index(row, 0).data(SEARCH_ROLE) or ""
        return all(word in text for word in self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        if not model.index(source_row, 0, source_parent).data(IS_GROUP_ROLE):
            return self._matches(source_row)
        if self._matches(source_row):
            return True  # the group's own name matches: show all of it
        following = source_row + 1
        while following < model.rowCount() and not model.index(following, 0).data(IS_GROUP_ROLE):
            if self._matches(following):
                return True
            following += 1
        return False
