"""GUI test set-up: a real main window on the test's temporary profile, with a real library lane."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import paths
from app.library import Library

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.reader.page_view import PageView
from ui.reader.reader_pane import ReaderPane
from ui.startup import build_window
from ui.tasks import Tasks

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"

WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def tasks(quorum_home: Path) -> Iterator[Tasks]:
    """A real library lane on the test's temporary profile."""
    lane = Tasks(lambda: Library(paths.profile()))
    yield lane
    lane.close()


@pytest.fixture
def make_window(qtbot: QtBot, quorum_home: Path) -> Iterator[WindowFactory]:
    """Builds main windows the way `quorum` does (several, to test a restart); closes them after."""
    built: list[MainWindow] = []

    def make() -> MainWindow:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        window, _tasks = build_window(app, paths.profile())
        qtbot.addWidget(window)
        built.append(window)
        return window

    yield make
    for window in built:
        window.close()
        window.tasks.close()
        for item in (window, window.themes, window.tasks):
            item.deleteLater()
    app = QApplication.instance()
    if built and isinstance(app, QApplication):
        # The theme is application-wide: leave the next test the plain look it started with,
        # once the closed windows are really gone (restyling a half-deleted widget crashes Qt).
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.setStyleSheet("")
        app.setPalette(QPalette())


@pytest.fixture
def window(make_window: WindowFactory, qtbot: QtBot) -> MainWindow:
    """A shown main window whose (empty) library list has loaded."""
    main = make_window()
    main.show()
    main.start()
    qtbot.waitUntil(lambda: not main.tasks.busy)
    return main


def wait_idle(qtbot: QtBot, window: MainWindow, timeout: int = 20_000) -> None:
    """Wait until every queued library task has finished and its result has been delivered."""
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=timeout)


def open_and_wait(qtbot: QtBot, window: MainWindow, path: Path) -> ReaderPane:
    """Open `path` in the window as a user would, and wait until it is read and analysed."""
    window.open_files([path])
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=30_000)
    wait_idle(qtbot, window, timeout=60_000)
    return window.reader


PageViewFactory = Callable[[int, int], PageView]


@pytest.fixture
def make_page_view(qtbot: QtBot) -> Iterator[PageViewFactory]:
    """Page views shown at a given width and height; their render threads shut down after the test."""
    made: list[PageView] = []

    def make(width: int, height: int) -> PageView:
        view = PageView()
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        qtbot.waitExposed(view)
        made.append(view)
        return view

    yield make
    for view in made:
        view.shut_down()
