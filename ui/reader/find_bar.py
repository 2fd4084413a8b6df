"""Find in document: the bar under the reader (incremental, case-insensitive, "3 of 17")."""

from __future__ import annotations

from app.find import MAX_HITS

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

HIT = "#f2c200"
CURRENT_HIT = "#ff7a00"


def hit_colour(current: bool, dark: bool = False) -> QColor:
    """Find hits: stronger than the structure's tints, the current one in its own colour."""
    result = QColor(CURRENT_HIT if current else HIT)
    result.setAlpha(150 if dark else 120)
    return result


class FindBar(QWidget):
    """Typing searches at once; Enter / Shift+Enter move to the next / previous hit; Esc closes."""

    searched = Signal(str)
    step = Signal(int)  # +1 next, -1 previous
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in document")
        self.field.setAccessibleName("Find in document")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.searched)
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setAccessibleName("Matches")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("10000 of 10000") + 8)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for text, tip, slot in (
            ("↑", "Previous match (Shift+Enter)", lambda: self.step.emit(-1)),
            ("↓", "Next match (Enter)", lambda: self.step.emit(+1)),
            ("✕", "Close the find bar (Esc)", self.close_bar),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.setAccessibleName(tip.split(" (")[0])
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.hide()

    @property
    def query(self) -> str:
        return self.field.text() if self.isVisible() else ""

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self.searched.emit(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        """`current` is 0-based, or -1 when no hit is chosen."""
        if not self.field.text().strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        else:
            more = "+" if total >= MAX_HITS else ""
            chosen = f"{current + 1} of {total}{more}"
            self.count.setText(chosen if current >= 0 else f"{total}{more} matches")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.step.emit(-1 if shift else +1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
