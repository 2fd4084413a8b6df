"""Friendly dialogs for expected problems (`AppError`), shown without blocking the event loop."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from app.errors import AppError

from PySide6.QtWidgets import QMessageBox, QWidget


class ErrorPresenter:
    """Shows problems as window-modal message boxes opened with `open()`, so nothing blocks.

    Keeps the last box in `current` so tests (and the app) can see what the user sees.
    """

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.current: QMessageBox | None = None

    def show_error(self, error: AppError, title: str = "Quorum could not do that") -> QMessageBox:
        return self._show(title, error.message, error.detail)

    def show_failures(self, failures: Sequence[tuple[str, AppError]]) -> QMessageBox:
        """One box for several files that could not be opened, never one box per file."""
        if len(failures) == 1:
            return self.show_error(failures[0][1], "This file could not be opened")
        lines = "\n".join(f"• {error.message}" for _name, error in failures)
        return self._show(f"{len(failures)} files could not be opened", lines, "")

    def _show(self, title: str, text: str, detail: str) -> QMessageBox:
        buttons, heading = QMessageBox.StandardButton.Ok, f"<b>{escape(title)}</b>"
        box = QMessageBox(QMessageBox.Icon.Warning, title, heading, buttons, self._parent)
        box.setInformativeText(text)
        if detail:
            box.setDetailedText(detail)
        box.setObjectName("errorBox")
        # QMessageBox sizes itself to its text; a minimum keeps file names from wrapping mid-sentence.
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 360px; }")
        box.finished.connect(box.deleteLater)
        box.open()
        self.current = box
        return box
