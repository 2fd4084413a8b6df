"""The library panel: a filter box over the grouped document list; choosing a row opens it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.models.library_model import (
    COLUMNS,
    DOCUMENT_ID_ROLE,
    IS_GROUP_ROLE,
    TITLE,
    LibraryFilter,
    LibraryModel,
)
from ui.panels.empty_state import EmptyState
from ui.theme import Theme


class LibraryPanel(QWidget):
    """Emits `document_chosen(id)` when the user selects or double-clicks a document."""

    document_chosen = Signal(int)

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(model)
        self.filter = QLineEdit(placeholderText="Filter by title, council or date…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter the library")
        self.filter.textChanged.connect(self.proxy.set_text)
        self.view = self._make_view()
        self.empty = EmptyState(
            "open", "Your library is empty", "Papers you open or drop on the window are kept here."
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        self.count = QLabel()
        self.count.setObjectName("panelCount")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 2, 6, 8)
        layout.setSpacing(8)
        layout.addWidget(self.filter)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count)
        proxy = self.proxy
        for signal in (proxy.modelReset, proxy.rowsInserted, proxy.rowsRemoved, proxy.layoutChanged):
            signal.connect(self._rows_changed)
        self._rows_changed()

    def _make_view(self) -> QTreeView:
        view = QTreeView()
        view.setObjectName("libraryView")
        view.setAccessibleName("Papers in the library")
        view.setModel(self.proxy)
        view.setRootIsDecorated(False)
        view.setAllColumnsShowFocus(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionsMovable(False)
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        view.doubleClicked.connect(self._activated)
        view.activated.connect(self._activated)
        return view

    def set_theme(self, theme: Theme) -> None:
        self.model.set_colours(theme.muted)
        self.empty.set_theme(theme)

    def _rows_changed(self) -> None:
        # Group headers span the whole row; spans live on view rows, so refresh them after every change.
        for row in range(self.proxy.rowCount()):
            is_group = bool(self.proxy.index(row, 0).data(IS_GROUP_ROLE))
            self.view.setFirstColumnSpanned(row, QModelIndex(), is_group)
        documents = len(self.model.documents())
        self.stack.setCurrentWidget(self.view if documents else self.empty)
        shown = sum(not self.proxy.index(row, 0).data(IS_GROUP_ROLE) for row in range(self.proxy.rowCount()))
        noun = "paper" if documents == 1 else "papers"
        self.count.setText(f"{documents} {noun}" if shown == documents else f"{shown} of {documents} {noun}")

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._activated(indexes[0])

    def _activated(self, index: QModelIndex) -> None:
        document_id = index.siblingAtColumn(TITLE).data(DOCUMENT_ID_ROLE)
        if document_id is not None:
            self.document_chosen.emit(int(document_id))

    def select(self, document_id: int) -> None:
        """Select and scroll to a document (this emits `document_chosen` if it was not selected)."""
        row = self.model.row_of(document_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        if not index.isValid():  # filtered out: show everything so the user sees it
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        if self.view.currentIndex().siblingAtColumn(TITLE) != index:
            self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def selected_id(self) -> int | None:
        value = self.view.currentIndex().siblingAtColumn(TITLE).data(DOCUMENT_ID_ROLE)
        return None if value is None else int(value)
