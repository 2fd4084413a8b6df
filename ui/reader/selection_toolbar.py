"""A small floating toolbar by a text selection: highlight colours, underline, note and tags."""

from __future__ import annotations

from app.annotations import COLOURS, MAX_TAG_LENGTH

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QGraphicsDropShadowEffect,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.annotation_colours import swatch_icon

GAP = 8  # between the selection and the toolbar


def split_tags(text: str) -> list[str]:
    """Comma-separated tag names, trimmed, without blanks or repeats (ignoring case)."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        name = " ".join(part.split())[:MAX_TAG_LENGTH]
        if name:
            seen.setdefault(name.casefold(), name)
    return list(seen.values())


class TagLine(QLineEdit):
    """Comma-separated tags, completing the one being typed from the existing tags."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Tags, separated by commas")
        self.setAccessibleName("Tags")
        self.names = QStringListModel(self)
        self.completer_ = QCompleter(self.names, self)
        self.completer_.setWidget(self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.activated.connect(self._complete)
        self.textEdited.connect(self._suggest)

    def _suggest(self, text: str) -> None:
        typed = text.rsplit(",", 1)[-1].strip()
        popup = self.completer_.popup()
        if not typed and popup is not None:
            popup.hide()
            return
        self.completer_.setCompletionPrefix(typed)
        self.completer_.complete()

    def _complete(self, name: str) -> None:
        done = self.text().rsplit(",", 1)[0] if "," in self.text() else ""
        self.setText(f"{done}, {name}, " if done else f"{name}, ")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # While the suggestions are open, Enter and Esc belong to them.
        popup = self.completer_.popup()
        if (
            popup is not None
            and popup.isVisible()
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        ):
            event.ignore()
            return
        super().keyPressEvent(event)


class SelectionToolbar(QFrame):
    """Emits intents about the current selection; the reader decides what they do.

    Keyboard: Tab moves between buttons, 1–8 pick a colour, U underline, N note,
    T tags; Enter in the tag box sends them; Esc hides the toolbar (`dismissed`).
    """

    highlight_requested = Signal(str)
    underline_requested = Signal()
    note_requested = Signal()
    tags_requested = Signal(list)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selectionToolbar")
        self.setAccessibleName("Annotate selection")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for number, colour in enumerate(COLOURS, 1):
            button = self._button("", f"Highlight {colour}", f"Highlight in {colour} ({number})")
            button.setIcon(swatch_icon(colour, 18))
            button.setIconSize(QSize(18, 18))
            button.clicked.connect(lambda _checked=False, c=colour: self.highlight_requested.emit(c))
            self.buttons[colour] = button
            row.addWidget(button)
        row.addSpacing(6)
        for key, text, name, tip, signal in (
            ("underline", "U", "Underline", "Underline (U)", self.underline_requested),
            ("note", "Note", "Add note", "Add a note (N)", self.note_requested),
        ):
            button = self._button(text, name, tip)
            button.clicked.connect(signal.emit)
            self.buttons[key] = button
            row.addWidget(button)
        underline = self.buttons["underline"].font()
        underline.setUnderline(True)
        self.buttons["underline"].setFont(underline)
        self.buttons["tags"] = self._button("#", "Add tags", "Add tags (T)")
        self.buttons["tags"].clicked.connect(self.show_tags)
        row.addWidget(self.buttons["tags"])
        self.tag_line = TagLine()
        self.tag_line.returnPressed.connect(self._send_tags)
        self.tag_line.hide()
        self._selection = QRect()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.tag_line)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(18)
        shadow.setOffset(0, 3)
        shadow.setColor(QColor(0, 0, 0, 70))
        self.setGraphicsEffect(shadow)
        self.hide()

    def _button(self, text: str, name: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setMinimumSize(30, 30)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def set_tags(self, names: list[str]) -> None:
        """The existing tags the tag box offers as completions."""
        self.tag_line.names.setStringList(sorted(names, key=str.casefold))

    def show_near(self, selection: QRect) -> None:
        """Show above `selection` (in the parent's coordinates), below it if there is no room."""
        self.tag_line.hide()
        self.tag_line.clear()
        self.adjustSize()
        self.show()
        self.raise_()
        self._selection = QRect(selection)
        self._place(selection)

    def follow(self, selection: QRect, visible: QRect) -> None:
        """Stay by the selection as the view scrolls (`selection` now there, in the parent's
        coordinates): hidden while it is out of `visible`, back beside it when it returns,
        with whatever was typed in the tag box kept."""
        self._selection = QRect(selection)
        if selection.isEmpty() or not selection.intersects(visible):
            self.hide()
            return
        self._place(selection)
        if not self.isVisible():
            self.show()
            self.raise_()

    def _place(self, selection: QRect) -> None:
        parent = self.parentWidget()
        bounds = parent.rect() if parent is not None else QRect(QPoint(0, 0), self.size())
        x = selection.center().x() - self.width() // 2
        y = selection.top() - GAP - self.height()
        if y < bounds.top():
            y = selection.bottom() + GAP
        x = max(bounds.left() + 4, min(x, bounds.right() - self.width() - 4))
        y = max(bounds.top() + 4, min(y, bounds.bottom() - self.height() - 4))
        self.move(x, y)

    def show_tags(self) -> None:
        self.tag_line.show()
        self.adjustSize()
        self._place(self._selection)  # grown: keep it clear of the selection
        self.tag_line.setFocus()

    def _send_tags(self) -> None:
        names = split_tags(self.tag_line.text())
        if names:
            self.tags_requested.emit(names)
            self.tag_line.clear()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text().lower()
        if key == Qt.Key.Key_Escape:
            self.hide()
            self.dismissed.emit()
        elif text.isdigit() and 1 <= int(text) <= len(COLOURS):
            self.highlight_requested.emit(COLOURS[int(text) - 1])
        elif text in ("u", "n", "t"):
            self.buttons[{"u": "underline", "n": "note", "t": "tags"}[text]].click()
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()
