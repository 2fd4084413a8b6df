"""All annotations across the library: filter by tag, colour, body, meeting dates, words; open in context."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.annotations import COLOURS, AnnotationFilter
from app.model import Changes

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.annotation_colours import swatch_icon
from ui.models.library_annotations_model import (
    FOUND_ROLE,
    NOTE,
    QUOTE,
    SORT_ROLE,
    Found,
    LibraryAnnotationsModel,
)
from ui.tasks import Tasks

if TYPE_CHECKING:  # the library (sqlite, analysis) loads on the lane, not before the first paint
    from app.library import Library

WIDE_COLUMNS = (QUOTE, NOTE)


def _combo(name: str, everything: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(everything, None)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class DateBound(QWidget):
    """An optional meeting-date bound: a check box that enables its date."""

    def __init__(self, label: str, initial: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.date = QDateEdit(initial)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName(f"Meetings {label.lower()}")
        self.date.setEnabled(False)
        self.check.toggled.connect(self.date.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.check)
        layout.addWidget(self.date)

    def value(self) -> str | None:
        return self.date.date().toString(Qt.DateFormat.ISODate) if self.check.isChecked() else None


def _listing(library: Library, wanted: AnnotationFilter) -> tuple[list[Found], list[str], list[str]]:
    """The annotations wanted, with their papers; and every body and tag, for the filters."""
    documents = {document.id: document for document in library.documents()}
    found = [Found(a, documents[a.document_id]) for a in library.find_annotations(wanted)]
    bodies = sorted({d.body for d in documents.values() if d.body}, key=str.casefold)
    return found, bodies, [tag["name"] for tag in library.tags()]


class AllAnnotationsDialog(QDialog):
    """Emits `open_requested(document_id, start)` (start -1 for a note on the whole paper)."""

    open_requested = Signal(int, int)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("All annotations")
        self.tasks = tasks
        self.model = LibraryAnnotationsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build_filters()
        self._build_table()
        self.count = QLabel()
        self.open_button = QPushButton("Open in context")
        self.open_button.setObjectName("primary")
        self.open_button.clicked.connect(self.open_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(self.filters)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(1100, 560)
        self._update_open()

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Words in quote or note")
        self.search.setAccessibleName("Filter by words")
        self.search.setClearButtonEnabled(True)
        self.tags = _combo("Tag", "All tags")
        self.colours = _combo("Colour", "All colours")
        for colour in COLOURS:
            self.colours.addItem(swatch_icon(colour), colour.capitalize(), colour)
        self.bodies = _combo("Body", "All bodies")
        today = QDate.currentDate()
        self.date_from = DateBound("From", today.addYears(-1))
        self.date_to = DateBound("To", today)
        self.filters = QHBoxLayout()
        self.filters.setSpacing(8)
        self.filters.addWidget(self.search, 2)
        for widget in (self.tags, self.colours, self.bodies, self.date_from, self.date_to):
            self.filters.addWidget(widget)
        self.search.textChanged.connect(self.reload)
        for combo in (self.tags, self.colours, self.bodies):
            combo.currentIndexChanged.connect(self.reload)
        for bound in (self.date_from, self.date_to):
            bound.check.toggled.connect(self.reload)
            bound.date.dateChanged.connect(self.reload)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setAccessibleName("Annotations in the library")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in WIDE_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._update_open)

    def criteria(self) -> AnnotationFilter:
        tag, colour, body = (combo.currentData() for combo in (self.tags, self.colours, self.bodies))
        return AnnotationFilter(
            tags=(tag,) if tag else (),
            colours=(colour,) if colour else (),
            body=body,
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            text=self.search.text(),
        )

    def reload(self) -> None:
        wanted = self.criteria()
        self.tasks.run(lambda library: _listing(library, wanted), self._show, key="all-annotations")

    def refresh(self, changes: Changes) -> None:
        if changes.annotations or changes.tags or changes.documents:
            self.reload()

    def _show(self, listing: tuple[list[Found], list[str], list[str]]) -> None:
        found, bodies, tags = listing
        self.model.set_rows(found)
        for combo, names, prefix in ((self.bodies, bodies, ""), (self.tags, tags, "#")):
            _refill(combo, names, prefix)
        total = len(found)
        self.count.setText("No annotations match" if not total else f"{total} annotation{'s' * (total != 1)}")
        self._update_open()

    def _update_open(self, *_args: Any) -> None:
        self.open_button.setEnabled(self.table.currentIndex().isValid())

    def open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        found = index.data(FOUND_ROLE)
        if isinstance(found, Found):
            start = found.annotation.anchor.start
            self.open_requested.emit(found.document.id, -1 if start is None else start)


def _refill(combo: QComboBox, names: list[str], prefix: str) -> None:
    """Replace a filter's choices, keeping the chosen one (without filtering again)."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for name in names:
        combo.addItem(prefix + name, name)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
    combo.blockSignals(False)

