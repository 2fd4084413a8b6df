"""Dialogs a user may meet: the crash report (copyable, with the log tail) and friendly errors."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.errors import UnreadableFile

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from ui.dialogs.crash import CrashDialog
from ui.dialogs.errors import ErrorPresenter
from ui.startup import CrashReporter, demo_files


def test_crash_reporter_shows_traceback_and_log_tail_and_copies_it(qtbot: QtBot, tmp_path: Path) -> None:
    log_file = tmp_path / "quorum.log"
    log_file.write_text("earlier line\nopened document 3\n", encoding="utf-8")
    parent = QWidget()
    qtbot.addWidget(parent)
    reporter = CrashReporter(log_file)
    reporter.window = parent
    try:
        raise KeyError("missing-key")
    except KeyError:
        kind, error, trace = sys.exc_info()
    logging.getLogger("quorum").propagate = False  # keep pytest's log capture out of the way
    try:
        reporter.hook(kind, error, trace)  # type: ignore[arg-type]
    finally:
        logging.getLogger("quorum").propagate = True
    qtbot.waitUntil(lambda: bool(parent.findChildren(CrashDialog)))
    dialog = parent.findChildren(CrashDialog)[0]
    details = dialog.details.toPlainText()
    assert "KeyError: 'missing-key'" in details
    assert "opened document 3" in details
    dialog.copy_details()
    assert QGuiApplication.clipboard().text() == details
    dialog.close()


def test_an_escaped_app_error_gets_the_friendly_dialog_not_the_crash_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    reporter = CrashReporter(None)
    presenter = ErrorPresenter(parent)
    reporter.app_error.connect(presenter.show_error)
    error = UnreadableFile("minutes.pdf: the file is damaged.")
    reporter.hook(UnreadableFile, error, None)
    assert presenter.current is not None and presenter.current.isVisible()
    assert presenter.current.informativeText() == "minutes.pdf: the file is damaged."
    assert not parent.findChildren(CrashDialog)
    presenter.current.close()
    QApplication.processEvents()


def test_demo_files_are_the_shipped_samples_only() -> None:
    names = [path.name for path in demo_files()]
    assert names and all(not name.startswith("_") for name in names)
    assert any(name.endswith(".pdf") for name in names)
    assert all(path.is_file() for path in demo_files())
