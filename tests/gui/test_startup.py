"""Start-up as `quorum` does it: the paper's first page is on screen before the parts it does not need
(annotations, the library) come in, and `painted` means the page has really been drawn."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import paths

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QProgressBar

from ui.annotations_wiring import AnnotationsUi
from ui.main_window import MainWindow
from ui.panels.annotations_panel import AnnotationsPanel
from ui.panels.empty_state import EmptyState
from ui.reader.find_bar import FindBar
from ui.startup import GC_BACK_ON_S, LOG_BYTES, LOG_FILE, build_window, rotate_log, setup_logging

from tests.gui.conftest import DEMO, WindowFactory, wait_idle

SOULDERN = DEMO / "uk-souldern-pc-2018-07-26.pdf"
LANCASHIRE = DEMO / "lancashire-scrutiny-2015-07-17.txt"

DeferredFactory = Callable[[bool], MainWindow]


@pytest.fixture
def deferred_window(qtbot: QtBot, quorum_home: Path) -> Iterator[DeferredFactory]:
    """Builds a window as `quorum` starts one (`deferred`), shown; closes it after."""
    built: list[MainWindow] = []

    def make(pdf_first: bool) -> MainWindow:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        window, _tasks = build_window(app, paths.profile(), deferred=True, pdf_first=pdf_first)
        qtbot.addWidget(window)
        built.append(window)
        return window

    yield make
    for window in built:
        window.close()
        window.tasks.close()


def annotations_in(window: MainWindow) -> bool:
    """Whether the annotation parts are in: their dock's panel and their menu."""
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    installed = isinstance(window.findChild(AnnotationsUi), AnnotationsUi)
    panel = isinstance(window.annotations_dock.widget(), AnnotationsPanel)
    return installed and panel and "Annotations" in menus


def test_a_pdf_given_at_start_is_drawn_before_annotations_come_in(
    deferred_window: DeferredFactory, qtbot: QtBot
) -> None:
    window = deferred_window(True)
    window.show()
    window.start([SOULDERN])
    assert not annotations_in(window)  # nothing of them before the first frame
    seen_at_paint: list[bool] = []
    window.reader.painted.connect(lambda _id: seen_at_paint.append(annotations_in(window)))
    qtbot.waitUntil(lambda: bool(seen_at_paint), timeout=10_000)
    assert seen_at_paint == [False]
    qtbot.waitUntil(lambda: annotations_in(window), timeout=10_000)
    wait_idle(qtbot, window, timeout=60_000)  # the library opened after the page, and took the paper in
    assert window.reader.document is not None and window.reader.document.path == str(SOULDERN)
    assert [document.title for document in window.library_model.documents()] == [window.reader.document.title]


def test_without_a_paper_annotations_come_after_the_first_frame(
    deferred_window: DeferredFactory, qtbot: QtBot
) -> None:
    window = deferred_window(False)
    window.show()
    window.start()
    assert not annotations_in(window)
    qtbot.waitUntil(lambda: annotations_in(window), timeout=10_000)
    wait_idle(qtbot, window)
    assert window.library.count.text() == "0 papers"
    assert window.library_dock.widget() is window.library and window.outline_dock.widget() is window.outline
    assert not window.windowIcon().isNull()


def test_the_busy_bar_comes_in_after_the_first_frame_while_work_runs(
    deferred_window: DeferredFactory, qtbot: QtBot
) -> None:
    """Styling a progress bar costs the first frame ~6 ms: it is made after that frame, and shows
    at once if work is still running then."""
    window = deferred_window(True)
    gate = threading.Event()
    window.show()
    window.start([SOULDERN])
    window.tasks.run(lambda _library: gate.wait(30), lambda _done: None)
    try:
        assert window.tasks.busy and window.findChild(QProgressBar) is None
        qtbot.waitUntil(lambda: annotations_in(window), timeout=10_000)
        assert window.progress.isVisible()
    finally:
        gate.set()
    wait_idle(qtbot, window, timeout=60_000)
    assert not window.progress.isVisible()


def test_garbage_collection_is_back_on_once_the_first_frame_is_drawn(
    deferred_window: DeferredFactory, qtbot: QtBot
) -> None:
    """`quorum` starts with it off (ui.main): a session must not run without it."""
    gc.disable()
    try:
        window = deferred_window(True)
        window.show()
        window.start([SOULDERN])
        assert not gc.isenabled()  # still starting
        qtbot.waitUntil(gc.isenabled, timeout=round(GC_BACK_ON_S * 1000) - 1000)  # with the frame, not after
        assert window.reader.pages.is_page_ready(0)
        wait_idle(qtbot, window, timeout=60_000)
    finally:
        gc.enable()

def test_a_pdf_given_at_start_shows_without_the_welcome_page(
    deferred_window: DeferredFactory, qtbot: QtBot
) -> None:
    window = deferred_window(True)
    window.show()
    window.start([SOULDERN])
    assert window.center.currentWidget() is window.reader
    assert window.findChild(EmptyState, "welcome") is None  # not made: it is not needed
    wait_idle(qtbot, window, timeout=60_000)


def test_the_find_bar_is_made_when_first_opened_and_then_finds(
    deferred_window: DeferredFactory, qtbot: QtBot
) -> None:
    window = deferred_window(True)
    window.show()
    window.start([SOULDERN])
    assert window.reader.findChild(FindBar) is None  # hidden until asked for: not made for the first frame
    wait_idle(qtbot, window, timeout=60_000)
    window.reader.open_find()
    bar = window.reader.findChild(FindBar)
    assert bar is window.reader.find_bar and bar.isVisible()
    assert bar.geometry().top() >= window.reader.stack.geometry().bottom()  # under the pages, as before
    qtbot.keyClicks(bar.field, "parish")
    assert window.reader.hits and "of" in bar.count.text()


def test_a_pdf_given_at_start_that_cannot_be_read_leaves_the_welcome_page(
    deferred_window: DeferredFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")
    window = deferred_window(True)
    window.show()
    window.start([broken])
    assert window.center.currentWidget() is window.welcome
    assert "Drop" in window.welcome.text.text()
    qtbot.waitUntil(lambda: window.errors.current is not None, timeout=20_000)  # the import says why
    wait_idle(qtbot, window)
    assert window.center.currentWidget() is window.welcome


def test_the_log_rotates_at_its_size_once_start_up_is_over(tmp_path: Path) -> None:
    """`quorum` logs to a plain file until its first frame (`rotate_log` then): nothing is lost or
    written twice, and a full log is moved aside."""
    log_file = tmp_path / LOG_FILE
    log_file.write_text("x" * LOG_BYTES, encoding="utf-8")  # full from earlier runs
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        assert setup_logging(tmp_path) == log_file
        rotate_log(log_file)
        logging.getLogger("quorum").info("after the first frame")
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
    moved = (tmp_path / f"{LOG_FILE}.1").read_text(encoding="utf-8")
    current = log_file.read_text(encoding="utf-8")
    assert moved.startswith("xxx") and "starting" in moved
    assert "after the first frame" in current and "starting" not in current
    assert current.count("after the first frame") == 1

class PageFrames(QObject):
    """Notes whether the page view's viewport has been painted with page 1's own image."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.pages = window.reader.pages
        self.drawn = False
        self.pages.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.pages.is_page_ready(0):
            self.drawn = True
        return False


def test_painted_comes_once_the_page_is_drawn_not_when_its_image_arrives(
    deferred_window: DeferredFactory, qtbot: QtBot
) -> None:
    window = deferred_window(True)
    frames = PageFrames(window)
    window.show()
    drawn_at_painted: list[bool] = []
    window.reader.painted.connect(lambda _id: drawn_at_painted.append(frames.drawn))
    window.start([SOULDERN])
    qtbot.waitUntil(lambda: bool(drawn_at_painted), timeout=10_000)
    assert drawn_at_painted == [True]
    wait_idle(qtbot, window, timeout=60_000)


def test_a_pdf_given_at_start_has_its_first_page_for_the_first_frame(
    deferred_window: DeferredFactory, qtbot: QtBot
) -> None:
    """Page 1 is drawn as the file opens, so the first frame shows it (not a blank stand-in, then it a
    frame later); the page after it is drawn only once page 1 is on screen."""
    window = deferred_window(True)
    frames = PageFrames(window)
    window.show()
    rendered: list[tuple[int, bool]] = []
    window.reader.pages.page_rendered.connect(lambda page: rendered.append((page, frames.drawn)))
    window.start([SOULDERN])
    assert window.reader.pages.is_page_ready(0)  # before the event loop has run once
    assert rendered == [(0, False)]
    qtbot.waitUntil(lambda: window.reader.pages.is_page_ready(1), timeout=10_000)
    assert rendered[:2] == [(0, False), (1, True)]
    wait_idle(qtbot, window, timeout=60_000)


def test_the_layout_is_restored_while_the_docks_fill_in_later(
    deferred_window: DeferredFactory, qtbot: QtBot
) -> None:
    first = deferred_window(False)
    first.show()
    qtbot.waitUntil(lambda: annotations_in(first), timeout=10_000)
    first.resize(760, 580)
    first.outline_dock.hide()
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.annotations_dock)
    first.close()

    second = deferred_window(False)
    assert second.restore_layout()  # as `quorum` does: before the first frame, the docks still empty
    second.show()
    qtbot.waitUntil(lambda: annotations_in(second), timeout=10_000)
    assert (second.width(), second.height()) == (760, 580)
    assert second.outline_dock.isHidden()
    assert second.dockWidgetArea(second.annotations_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert second.library_dock.widget() is second.library


def reading_souldern(make_window: WindowFactory, qtbot: QtBot) -> MainWindow:
    """A shown window that has imported and shows the Souldern minutes, all its tasks done."""
    window = make_window()
    window.show()
    window.start()
    window.open_files([SOULDERN])
    qtbot.waitUntil(lambda: window.reader.document is not None, timeout=20_000)
    wait_idle(qtbot, window)
    return window


def test_a_library_pdf_shows_the_page_it_was_left_on_before_its_text_loads(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = reading_souldern(make_window, qtbot)
    souldern = window.reader.document
    assert souldern is not None
    window.reader.go_to_page(2)  # the third of its four pages
    with qtbot.waitSignal(window.reader.painted, timeout=20_000):  # another paper, on screen
        window.open_files([LANCASHIRE])  # where Souldern was left is remembered
    wait_idle(qtbot, window)

    at_paint: list[tuple[int, int | None]] = []

    def note(_document_id: int) -> None:
        shown = window.reader.document
        at_paint.append((window.reader.pages.current_page, shown.id if shown is not None else None))

    window.reader.painted.connect(note)
    window.open_document(souldern.id)
    qtbot.waitUntil(lambda: bool(at_paint), timeout=10_000)
    page, shown_id = at_paint[0]
    assert page == 2  # not page 1 first, then a jump once the text is in
    assert shown_id != souldern.id  # drawn before its text and analysis were read
    wait_idle(qtbot, window)
    assert window.reader.document is not None and window.reader.document.id == souldern.id
    assert window.reader.pages.current_page == 2


def test_choosing_a_pdf_already_in_the_library_draws_its_pages_once(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = reading_souldern(make_window, qtbot)
    with qtbot.waitSignal(window.reader.painted, timeout=20_000):  # another paper, on screen
        window.open_files([LANCASHIRE])
    wait_idle(qtbot, window)

    frames: list[int] = []
    window.reader.painted.connect(frames.append)
    window.open_files([SOULDERN])  # shown from its file at once; the import finds it is already in
    qtbot.waitUntil(lambda: "already in your library" in window.statusBar().currentMessage(), timeout=20_000)
    wait_idle(qtbot, window)
    assert window.reader.document is not None and window.reader.document.path == str(SOULDERN)
    assert len(frames) == 1  # not drawn afresh once the library said which paper it is


def test_a_library_pdf_last_read_as_text_does_not_draw_its_pages_first(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """Its text view is what shows: drawing its page first, for no frame, would only delay it."""
    window = reading_souldern(make_window, qtbot)
    souldern = window.reader.document
    assert souldern is not None
    window.reader.set_mode("text")
    with qtbot.waitSignal(window.reader.painted, timeout=20_000):  # another paper, on screen
        window.open_files([LANCASHIRE])
    wait_idle(qtbot, window)

    at_shown: list[tuple[str, bool]] = []
    reader, pages = window.reader, window.reader.pages
    reader.document_shown.connect(lambda _doc: at_shown.append((reader.mode, pages.is_page_ready(0))))
    window.open_document(souldern.id)
    qtbot.waitUntil(lambda: bool(at_shown), timeout=20_000)
    assert at_shown[0] == ("text", False)
    wait_idle(qtbot, window)
    window.reader.set_mode("page")  # its pages are there when asked for
    qtbot.waitUntil(lambda: pages.is_page_ready(pages.current_page), timeout=10_000)
