"""Builds and runs the GUI: application, logging, crash handling, library lane, main window."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from app import NAME, __version__, paths
from app import render as _render  # noqa: F401 - PyMuPDF before PySide6, which would read all its source
from app.errors import AppError
from app.jobs import ProcessLane
from app.settings import Settings

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ui.main_window import MainWindow
from ui.tasks import Tasks
from ui.theme import ThemeController

if TYPE_CHECKING:
    from app.library import Library

    from ui.dialogs.crash import CrashDialog

log = logging.getLogger("quorum")

LOG_FILE = "quorum.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3
FIRST_FRAME_WAIT_S = 1.0  # longest the deferred work waits for a PDF's first page (a slow or failing render)
GC_BACK_ON_S = 5.0  # cyclic garbage collection, off until the first frame, is on again by then


def setup_logging(folder: Path) -> Path:
    """Log to a file in the profile's log folder (and warnings to stderr). It rotates from
    `rotate_log` on: logging.handlers (with socket, pickle…, ~10 ms) is not loaded before the first frame."""
    log_file = folder / LOG_FILE
    _log_to(logging.FileHandler(log_file, encoding="utf-8"))
    logging.getLogger().setLevel(logging.INFO)
    log.info("%s %s starting", NAME, __version__)
    return log_file


def rotate_log(log_file: Path) -> None:
    """From now on `log_file` rotates at LOG_BYTES, keeping LOG_BACKUPS old ones."""
    from logging.handlers import RotatingFileHandler

    root = logging.getLogger()
    for handler in root.handlers[:]:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == log_file.absolute():
            root.removeHandler(handler)
            handler.close()
    _log_to(RotatingFileHandler(log_file, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"))


def _log_to(handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def demo_files() -> list[Path]:
    """The sample papers shipped in resources/demo (skipping the package's own files)."""
    from importlib import resources  # only for the demo: not before the first paint

    folder = resources.files("resources").joinpath("demo")
    return sorted(
        Path(str(entry))
        for entry in folder.iterdir()
        if entry.is_file() and not entry.name.startswith(("_", "."))
    )


class CrashReporter(QObject):
    """The excepthook: a bug from any thread becomes a crash dialog on the GUI thread.

    An `AppError` that escaped its handler is an expected problem, so it gets
    the friendly dialog instead.
    """

    crashed = Signal(str)
    app_error = Signal(object)

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.window: QWidget | None = None
        self.dialogs: list[CrashDialog] = []
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = lambda args: self.hook(args.exc_type, args.exc_value, args.exc_traceback)  # type: ignore[arg-type]

    def hook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if isinstance(error, AppError):
            self.app_error.emit(error)
            return
        text = "".join(traceback.format_exception(kind, error, trace))
        log.error("Unexpected error:\n%s", text)
        self.crashed.emit(text)

    def _show(self, text: str) -> None:
        from ui.dialogs.crash import CrashDialog  # loaded when first needed, not before the first paint

        dialog = CrashDialog(text, self.log_file, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def open_library(profile: paths.Paths) -> Library:
    from app.library import Library  # on the library lane: sqlite and analysis load beside the first paint

    return Library(profile, ProcessLane())


class FirstFrame(QObject):
    """Emits `shown` once the window shows its content: a PDF given at start on its page (or after
    `FIRST_FRAME_WAIT_S`, if it cannot show), else the window's first frame once it is drawn."""

    shown = Signal()

    def __init__(self, window: MainWindow, *, pdf_first: bool) -> None:
        super().__init__(window)
        self._window = window
        self._fired = False
        if pdf_first:  # queued: whatever else follows `painted` goes first
            window.reader.painted.connect(self._fire, Qt.ConnectionType.QueuedConnection)
            QTimer.singleShot(round(FIRST_FRAME_WAIT_S * 1000), self._fire)
        else:
            QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        window = watched.window() if isinstance(watched, QWidget) else None
        if event.type() == QEvent.Type.Paint and window is self._window:
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            QTimer.singleShot(0, self._fire)  # once this frame is drawn, not before
        return False

    def _fire(self) -> None:
        if not self._fired:
            self._fired = True
            self.shown.emit()


def install_later_parts(window: MainWindow, tasks: Tasks) -> None:
    """What the first frame does not need: the docks' panels, annotations (their dock, menus, marks)."""
    from ui.annotations_wiring import install_annotations  # loaded after the first paint

    window.add_later_parts()
    install_annotations(window, tasks)


def build_window(
    app: QApplication,
    profile: paths.Paths,
    *,
    deferred: bool = False,
    pdf_first: bool = False,
    later: Callable[[], object] | None = None,
) -> tuple[MainWindow, Tasks]:
    """The window and its library lane. `deferred` (as `quorum` starts): the library opens, and the
    annotations (and `later`) come in, once the first frame (with `pdf_first`, the PDF's page) is on
    screen: the library's imports would hold the GIL meanwhile. Otherwise (tests) all is there at once."""
    settings = Settings(profile.config)
    themes = ThemeController(app, settings)
    painted = threading.Event()

    def open_after_paint() -> Library:
        painted.wait(FIRST_FRAME_WAIT_S)
        return open_library(profile)

    tasks = Tasks(open_after_paint, app)
    window = MainWindow(tasks, settings, themes, profile, pdf_first=pdf_first)
    if deferred:
        first_frame = FirstFrame(window, pdf_first=pdf_first)  # the window's child: lives as long
        first_frame.shown.connect(painted.set)
        # Off while `quorum` starts (ui.main); on by GC_BACK_ON_S at the latest, should no frame come.
        first_frame.shown.connect(gc.enable)
        QTimer.singleShot(round(GC_BACK_ON_S * 1000), gc.enable)
        first_frame.shown.connect(lambda: install_later_parts(window, tasks))
        if later is not None:
            first_frame.shown.connect(later)
    else:
        painted.set()
        install_later_parts(window, tasks)
        if later is not None:
            later()
    return window, tasks


def run(arguments: Sequence[str], parser: argparse.ArgumentParser) -> int:
    # Qt takes its own options (-platform…) out of arguments(). Fusion as an option, last so it wins:
    # `setStyle` would return the style to Python, and PySide6 would set up QStyle (~9 ms) for it.
    app = QApplication([*arguments, "-style", "Fusion"])
    app.setApplicationName(NAME)
    app.setApplicationVersion(__version__)
    options = parser.parse_args(app.arguments()[1:])
    profile = paths.profile(demo=options.demo).ensure()
    log_file = setup_logging(profile.logs)
    reporter = CrashReporter(log_file, app)
    reporter.install()
    pdf_first = any(path.suffix.lower() == ".pdf" for path in options.files[-1:])
    window, tasks = build_window(
        app, profile, deferred=True, pdf_first=pdf_first, later=lambda: rotate_log(log_file)
    )
    reporter.window = window
    reporter.app_error.connect(window.show_error)
    app.aboutToQuit.connect(tasks.close)
    if options.screenshot is None:
        window.restore_layout()
    window.show()
    window.start(options.files, demo_files() if options.demo else ())
    if options.screenshot is not None:
        from ui.screenshot_mode import ScreenshotJob

        job = ScreenshotJob(window, tasks, options.screenshot, expect_document=bool(options.files))
        job.start()
    return app.exec()
