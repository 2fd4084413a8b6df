"""The note and tags of the current annotation, edited in place (plain text or Markdown), saved on request."""

from __future__ import annotations

from app.model import Annotation

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.reader.selection_toolbar import TagLine, split_tags

# Switching windows or opening the completer is not leaving the note.
STAYING = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
ESCAPE = Qt.Key.Key_Escape


class NoteEditor(QWidget):
    """Emits `save_requested(annotation_id, text)` on Ctrl+Enter, Save, leaving the box, or
    moving to another annotation with the note changed; Esc puts the saved note back.
    Emits `tags_save_requested(annotation_id, names)` on Enter in the tag box or leaving it.
    Emits `left(annotation_id, empty)` when the user is done with an annotation (another one
    shown, the keyboard gone elsewhere, or Esc with nothing to put back); `empty`: no note
    and no tags were left on it. Emits `escaped(annotation_id)` after such an Esc (the user is
    going back to what they were reading)."""

    save_requested = Signal(str, str)
    tags_save_requested = Signal(str, list)
    left = Signal(str, bool)
    escaped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._annotation: Annotation | None = None
        self._saved_note = ""
        self._saved_tags: list[str] = []
        self._left_sent = False
        self._sending: str | None = None  # the note sent for saving, until the stored one shows it
        self.title = QLabel("Note")
        self.title.setObjectName("noteTitle")
        self.hint = QLabel("Markdown welcome · Ctrl+Enter saves")
        self.hint.setObjectName("noteHint")
        self.hint.setEnabled(False)
        self.hint.setToolTip(self.hint.text())
        # A narrow dock clips the hint rather than being held wide by it.
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Note")
        self.text.setPlaceholderText("Add a note…")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 14)
        self.save = QPushButton("Save note")
        self.save.clicked.connect(self.commit)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.text, self.commit, context=Qt.ShortcutContext.WidgetShortcut)
        self.text.textChanged.connect(self._update_buttons)
        self.tags = TagLine()
        self.tags.returnPressed.connect(self.commit_tags)
        for watched in (self.text, self.tags):  # both exist before any event reaches the filter
            watched.installEventFilter(self)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.hint)
        bottom = QHBoxLayout()
        bottom.addWidget(self.tags, 1)
        bottom.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addLayout(bottom)
        self.show_annotation(None)

    # "Saved" means stored or already sent for storing, so leaving the box after Ctrl+Enter
    # does not send the same edit twice (two identical undo steps).
    @property
    def dirty(self) -> bool:
        return self._annotation is not None and self.text.toPlainText() != self._saved_note

    @property
    def tags_dirty(self) -> bool:
        typed = {name.casefold() for name in split_tags(self.tags.text())}
        return self._annotation is not None and typed != {name.casefold() for name in self._saved_tags}

    def set_known_tags(self, names: list[str]) -> None:
        """The tags the tag box offers as completions."""
        self.tags.names.setStringList(sorted(names, key=str.casefold))

    def show_annotation(self, annotation: Annotation | None) -> None:
        """Edit `annotation`'s note; unsaved typing on another annotation is saved first."""
        previous = self._annotation
        same = annotation is not None and previous is not None and annotation.id == previous.id
        if not same:
            self.commit()
            self.commit_tags()
            self._leave()
        # A copy read before the note just sent was stored: the note sent still stands.
        stored = annotation.note if annotation else ""
        stale = same and self._sending not in (None, stored)
        keep_note, keep_tags = same and (self.dirty or stale), same and self.tags_dirty
        self._annotation = annotation
        self._left_sent = self._left_sent and same
        self._sending = self._sending if stale else None
        self._saved_note = stored if self._sending is None else self._sending
        self._saved_tags = list(annotation.tags) if annotation else []
        if not keep_note:
            self.text.blockSignals(True)
            self.text.setPlainText(stored)
            self.text.blockSignals(False)
        if not keep_tags:
            self.tags.setText(", ".join(annotation.tags) if annotation else "")
        self.setEnabled(annotation is not None)
        self._update_buttons()

    def commit(self) -> None:
        if self._annotation is not None and self.dirty:
            self._saved_note = self._sending = self.text.toPlainText()
            self._update_buttons()
            self.save_requested.emit(self._annotation.id, self._saved_note)

    def commit_tags(self) -> None:
        if self._annotation is not None and self.tags_dirty:
            self._saved_tags = split_tags(self.tags.text())
            self.tags_save_requested.emit(self._annotation.id, self._saved_tags)

    @property
    def empty(self) -> bool:
        """Nothing written: no note (white space is none) and no tags."""
        return not self.text.toPlainText().strip() and not split_tags(self.tags.text())

    def _leave(self) -> None:
        """Say the user is done with the annotation edited (once until they come back to it)."""
        if self._annotation is not None and not self._left_sent:
            self._left_sent = True
            self.left.emit(self._annotation.id, self.empty)

    def _focus_gone(self) -> None:
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self._leave()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self._left_sent = False
        elif kind == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            (self.commit if watched is self.text else self.commit_tags)()
            if event.reason() not in STAYING:
                QTimer.singleShot(0, self, self._focus_gone)  # once the keyboard has landed elsewhere
        elif isinstance(event, QKeyEvent) and kind == QEvent.Type.KeyPress and event.key() == ESCAPE:
            if self.dirty:
                self.text.setPlainText(self._saved_note)
            elif self._annotation is not None:
                self._leave()
                self.escaped.emit(self._annotation.id)
            return True
        return super().eventFilter(watched, event)

    def _update_buttons(self) -> None:
        self.save.setEnabled(self.dirty)
