"""The crash dialog: an unexpected error's traceback and the log tail, ready to copy into a report."""

from __future__ import annotations

from pathlib import Path

from app import NAME, __version__

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

LOG_TAIL_LINES = 40


def log_tail(log_file: Path | None, lines: int = LOG_TAIL_LINES) -> str:
    if log_file is None:
        return ""
    try:
        text = log_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def report_text(traceback_text: str, log_file: Path | None) -> str:
    tail = log_tail(log_file)
    report = f"{NAME} {__version__}\n\n{traceback_text.rstrip()}\n"
    return report + (f"\n--- last lines of {log_file} ---\n{tail}\n" if tail else "")


class CrashDialog(QDialog):
    """Says plainly that something went wrong in Quorum (not the user's fault) and how to report it."""

    def __init__(self, traceback_text: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{NAME} ran into a problem")
        self.resize(680, 460)
        intro = QLabel(
            f"Something went wrong inside {NAME}. Your library is safe: every change is saved "
            "as you make it.\nPlease copy the details below into a bug report."
        )
        intro.setWordWrap(True)
        self.details = QPlainTextEdit(report_text(traceback_text, log_file))
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
