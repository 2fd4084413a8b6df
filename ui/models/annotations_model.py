"""A document's annotations as a list in reading order, refreshed row by row from `Changes`."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from typing import Any

from app.model import Annotation

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ui.annotation_colours import swatch_icon

ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
START_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex
WHOLE_DOCUMENT = "Note on the whole document"
STATE_LABELS = {"anchored": "", "moved": "Moved – please confirm", "orphaned": "Orphaned – not found"}


def reading_key(annotation: Annotation) -> tuple[Any, ...]:
    """Whole-document notes and orphans first, then by position (as the library lists them)."""
    anchor = annotation.anchor
    return (anchor.start is not None, anchor.start or 0, anchor.end or 0, annotation.created, annotation.id)


def one_line(text: str) -> str:
    return " ".join(text.split())


def note_preview(note: str) -> str:
    """A note on one line without Markdown's marks (emphasis, headings, list bullets, code ticks)."""
    return one_line(re.sub(r"(?m)^\s*(?:#+|[-*+>]|\d+\.)\s+|[*_`]+", " ", note))


def title_of(annotation: Annotation) -> str:
    return one_line(annotation.anchor.quote) or WHOLE_DOCUMENT


def hashtag(name: str) -> str:
    return "#" + "-".join(name.split())


def markdown(annotation: Annotation) -> str:
    """The annotation as Markdown: the passage quoted, then the note, then the tags."""
    parts = []
    if annotation.anchor.quote:
        parts.append("\n".join(f"> {line}".rstrip() for line in annotation.anchor.quote.splitlines()))
    if annotation.note.strip():
        parts.append(annotation.note.strip())
    if annotation.tags:
        parts.append(" ".join(hashtag(name) for name in annotation.tags))
    return "\n\n".join(parts)


def accessible_text(annotation: Annotation) -> str:
    bits = [f"{annotation.colour} {annotation.kind}", title_of(annotation)]
    if annotation.note:
        bits.append(f"note: {one_line(annotation.note)}")
    if annotation.tags:
        bits.append("tags: " + ", ".join(annotation.tags))
    if annotation.anchor.page is not None:
        bits.append(f"page {annotation.anchor.page}")
    if annotation.state != "anchored":
        bits.append(STATE_LABELS[annotation.state])
    return "; ".join(bits)


ROLES: dict[int, Callable[[Annotation], Any]] = {
    Qt.ItemDataRole.DisplayRole: title_of,
    Qt.ItemDataRole.ToolTipRole: markdown,
    Qt.ItemDataRole.AccessibleTextRole: accessible_text,
    Qt.ItemDataRole.DecorationRole: lambda annotation: swatch_icon(annotation.colour),
    ANNOTATION_ROLE: lambda annotation: annotation,
    ID_ROLE: lambda annotation: annotation.id,
    START_ROLE: lambda annotation: annotation.anchor.start,
}


class AnnotationsModel(QAbstractListModel):
    """One row per annotation of one document; `update` moves, inserts and removes single rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.document_id: int | None = None
        self._rows: list[Annotation] = []
        self._keys: list[tuple[Any, ...]] = []

    def set_annotations(self, document_id: int | None, annotations: list[Annotation]) -> None:
        self.beginResetModel()
        self.document_id = document_id
        self._rows = sorted(annotations, key=reading_key)
        self._keys = [reading_key(annotation) for annotation in self._rows]
        self.endResetModel()

    def annotations(self) -> list[Annotation]:
        return list(self._rows)

    def row_of(self, annotation_id: str) -> int | None:
        for row, annotation in enumerate(self._rows):
            if annotation.id == annotation_id:
                return row
        return None

    def update(self, fetched: Mapping[str, Annotation | None]) -> None:
        """Apply fresh copies of the named annotations (None: gone, or now on another document)."""
        for annotation_id, found in fetched.items():
            row = self.row_of(annotation_id)
            annotation = found if found is not None and found.document_id == self.document_id else None
            if row is not None and annotation is not None and self._keys[row] == reading_key(annotation):
                self._rows[row] = annotation
                self.dataChanged.emit(self.index(row), self.index(row))
                continue
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row], self._keys[row]
                self.endRemoveRows()
            if annotation is not None:
                self._insert(annotation)

    def _insert(self, annotation: Annotation) -> None:
        key = reading_key(annotation)
        row = bisect.bisect(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, annotation)
        self._keys.insert(row, key)
        self.endInsertRows()

    # -- Qt model interface ----------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        read = ROLES.get(role)
        return None if read is None else read(self._rows[index.row()])

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class AnnotationsFilter(QSortFilterProxyModel):
    """Shows the annotations of one colour, tag and kind whose quote, note or tags contain the text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.colour: str | None = None
        self.tag: str | None = None
        self.kind: str | None = None
        self.text = ""

    def set_criteria(
        self, *, colour: str | None = None, tag: str | None = None, kind: str | None = None, text: str = ""
    ) -> None:
        self.beginFilterChange()
        self.colour, self.tag, self.kind, self.text = colour, tag, kind, text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def active(self) -> bool:
        return bool(self.colour or self.tag or self.kind or self.text)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        annotation = self.sourceModel().index(source_row, 0, source_parent).data(ANNOTATION_ROLE)
        if not isinstance(annotation, Annotation):
            return False
        if self.colour and annotation.colour != self.colour:
            return False
        if self.kind and annotation.kind != self.kind:
            return False
        tags = [name.casefold() for name in annotation.tags]
        if self.tag and self.tag.casefold() not in tags:
            return False
        haystack = " ".join((annotation.anchor.quote, annotation.note, *tags)).casefold()
        return not self.text or self.text in haystack
