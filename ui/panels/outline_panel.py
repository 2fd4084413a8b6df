"""The outline dock's content: a filterable tree of the paper's items; a click or Enter jumps there."""

from __future__ import annotations

from app.model import Analysis

from PySide6.QtCore import QElapsedTimer, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.models.outline_model import KIND_ROLE, OFFSET_ROLE, OutlineFilter, OutlineModel
from ui.panels.empty_state import EmptyState
from ui.theme import Theme

NO_PAPER = ("No paper open", "Open a paper to see its items, decisions and actions here.")
NO_ITEMS = (
    "No agenda items were found in this paper",
    "The outline lists numbered items, decisions and actions when the paper has them.",
)


class OutlinePanel(QWidget):
    """Shows one paper's outline. `jump_requested(offset)` asks the reader to show that place;
    `set_current_offset` follows the reader's position without asking for a jump."""

    jump_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Outline")
        self.model = OutlineModel(self)
        self.proxy = OutlineFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(placeholderText="Filter items, decisions, actions…")
        self.filter.setAccessibleName("Filter the outline")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.returnPressed.connect(self._first_match)
        self.filter.installEventFilter(self)
        self.view = self._make_view()
        self.empty = EmptyState("outline", *NO_PAPER)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        self.count = QLabel()
        self.count.setObjectName("panelCount")
        self.count.setAccessibleName("Outline summary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 2, 6, 8)
        layout.setSpacing(8)
        layout.addWidget(self.filter)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count)
        # A double click also clicks: the second of two requests for one place is dropped.
        self._last_jump = (QPersistentModelIndex(), QElapsedTimer())
        self.set_analysis(None)

    def _make_view(self) -> QTreeView:
        view = QTreeView()
        view.setObjectName("outlineView")
        view.setAccessibleName("Outline of the paper")
        view.setModel(self.proxy)
        view.setHeaderHidden(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setExpandsOnDoubleClick(False)  # double click means "go there", not "fold"
        view.clicked.connect(self._activated)
        view.activated.connect(self._activated)
        return view

    def set_analysis(self, analysis: Analysis | None) -> None:
        """Show the outline of a paper's analysis (None: no paper open); the filter starts empty."""
        self.filter.blockSignals(True)  # one refresh below, not one for the old paper too
        self.filter.clear()
        self.filter.blockSignals(False)
        self.proxy.set_text("")
        self.model.set_analysis(analysis)
        self.view.expandAll()
        has_items = self.model.has_items()
        title, text = NO_PAPER if analysis is None else NO_ITEMS
        self.empty.title.setText(title)
        self.empty.text.setText(text)
        self.stack.setCurrentWidget(self.view if has_items else self.empty)
        self.filter.setVisible(has_items)
        self._update_count()

    def set_theme(self, theme: Theme) -> None:
        self.empty.set_theme(theme)

    def set_current_offset(self, offset: int) -> None:
        """Select the item holding `offset` (the reader's position), leaving a row inside it chosen."""
        source = self.model.row_at(offset)
        if not source.isValid():
            return
        current = self.proxy.mapToSource(self.view.currentIndex())
        if current.isValid() and (current == source or current.parent() == source):
            return
        index = self.proxy.mapFromSource(source)
        if index.isValid():  # filtered out: leave the filtered list alone
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def current_offset(self) -> int | None:
        """Where the selected row points, or None when nothing is selected."""
        value = self.view.currentIndex().data(OFFSET_ROLE)
        return None if value is None else int(value)

    def _activated(self, index: QModelIndex) -> None:
        value = index.data(OFFSET_ROLE)
        if value is None:
            return
        last, clock = self._last_jump
        if last == QPersistentModelIndex(index) and clock.isValid() and (
            clock.elapsed() < QApplication.doubleClickInterval()
        ):
            return
        self._last_jump = (QPersistentModelIndex(index), clock)
        clock.start()
        self.jump_requested.emit(int(value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the filter box moves into the list, as in a search field with suggestions."""
        if (
            watched is self.filter
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount()
        ):
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.proxy.index(0, 0))
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _first_match(self) -> None:
        """Enter in the filter box goes to the first row that matches (not a parent shown for context)."""
        words = " ".join(self.filter.text().split()).casefold()
        pending = [self.proxy.index(row, 0) for row in range(self.proxy.rowCount())]
        while pending:
            index = pending.pop(0)
            if words in str(index.data()).casefold():
                self.view.setCurrentIndex(index)
                self._activated(index)
                return
            pending[:0] = [self.proxy.index(row, 0, index) for row in range(self.proxy.rowCount(index))]

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.view.expandAll()
        self._update_count()

    def _update_count(self) -> None:
        counts = self.model.counts()
        parts = [
            f"{counts['item']} item" + ("" if counts["item"] == 1 else "s"),
            f"{counts['resolution']} decision" + ("" if counts["resolution"] == 1 else "s"),
            f"{counts['action']} action" + ("" if counts["action"] == 1 else "s"),
        ]
        summary = " · ".join(parts) if self.model.has_items() else ""
        if summary and self.filter.text().strip():
            rows = (self.proxy.index(row, 0) for row in range(self.proxy.rowCount()))
            shown = sum(index.data(KIND_ROLE) == "item" for index in rows)
            summary = f"{shown} of {counts['item']} items match"
        self.count.setText(summary)
