"""Page view speed and memory on a generated 500-page pack: first paint, scroll frames, resident memory."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication

from ui.reader.page_view import PageView


def report(metric: str, value: float, unit: str) -> None:
    print(json.dumps({"bench": "page_view", "metric": metric, "value": round(value, 4), "unit": unit}))


def resident_mb(process: str = "self") -> float:
    for line in Path(f"/proc/{process}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    pytest.skip(f"no /proc/{process}/status here")


def proportional_mb(process: str = "self") -> float:
    """The process's share of memory (PSS): pages shared with other processes, such as the
    libraries every worker maps, counted once across them all rather than once in each."""
    for line in Path(f"/proc/{process}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    pytest.skip(f"no /proc/{process}/smaps_rollup here")


def descendants(process: str = "self") -> list[str]:
    """Our child processes and theirs (multiprocessing's fork server, the page view's text worker)."""
    tasks = Path(f"/proc/{process}/task").iterdir()
    children = [child for task in tasks for child in (task / "children").read_text().split()]
    return children + [grandchild for child in children for grandchild in descendants(child)]


class TimedPageView(PageView):
    """The page view, noting how long each paint takes on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.paint_times: list[float] = []

    def paintEvent(self, event: QPaintEvent) -> None:
        start = time.perf_counter()
        super().paintEvent(event)
        self.paint_times.append(time.perf_counter() - start)


def wait_until_ready(view: PageView, pages: range, timeout: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout
    while not all(view.is_page_ready(page) for page in pages):
        assert time.perf_counter() < deadline, "pages did not render in time"
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def first_paint(view: PageView, pack: Path) -> float:
    """Seconds from `open` to page 1 painted from its exact image."""
    start = time.perf_counter()
    view.open(pack)
    wait_until_ready(view, range(1))
    view.viewport().repaint()
    return time.perf_counter() - start


def scroll_frames(view: PageView, start: int, count: int, step: int = 40) -> list[float]:
    """Scroll `count` frames of `step` pixels from `start`; each frame's GUI-thread time, sorted."""
    bar = view.verticalScrollBar()
    frames = []
    for value in range(start, start + count * step, step):
        began = time.perf_counter()
        bar.setValue(value)
        QApplication.processEvents()
        frames.append(time.perf_counter() - began)
    return sorted(frames)


def test_page_view_speed_and_memory(qtbot: QtBot, pack: Path) -> None:
    view = TimedPageView()
    qtbot.addWidget(view)
    view.resize(1000, 900)
    view.show()
    qtbot.waitExposed(view)
    cold = first_paint(view, pack)
    times = []
    for _ in range(5):
        view.close_document()
        QApplication.processEvents()
        times.append(first_paint(view, pack))
    warm = statistics.median(times)
    report("open_to_first_paint_cold", cold, "s")
    report("open_to_first_paint", warm, "s")

    # Scroll once through the first pages so they are cached, then time the frames of a second pass.
    bar = view.verticalScrollBar()
    end = view.page_rect(12).top() + bar.value()
    for value in range(0, end, 300):
        bar.setValue(value)
        wait_until_ready(view, view.visible_pages())
    bar.setValue(0)
    QApplication.processEvents()
    view.paint_times.clear()
    frames = scroll_frames(view, 0, len(range(0, end, 40)))
    frame_p95 = frames[int(len(frames) * 0.95)]
    paints = sorted(view.paint_times)
    report("scroll_frames", len(frames), "frames")
    report("scroll_frame_p50", statistics.median(frames) * 1000, "ms")
    report("scroll_frame_p95", frame_p95 * 1000, "ms")
    report("scroll_frame_max", frames[-1] * 1000, "ms")
    paint_p95 = paints[int(len(paints) * 0.95)]
    report("scroll_paint_p95", paint_p95 * 1000, "ms")
    # For the record, not a target: scrolling on into pages never drawn, while they render.
    fresh = scroll_frames(view, view.page_rect(100).top() + bar.value(), 200)
    report("uncached_scroll_frame_p95", fresh[int(len(fresh) * 0.95)] * 1000, "ms")
    report("uncached_scroll_frame_max", fresh[-1] * 1000, "ms")
    # Find on: "budge", as typed on the way to "budget" (on most pages), so each hit is part of a word,
    # whose letters' boxes are read too (the slow case). Each page's hits are read in the page view's
    # worker process as the page comes into view (the process started when the pack opened).
    start = time.perf_counter()
    view.set_find("budge")
    while not any(view.find_hits(page) for page in view.visible_pages()):
        assert time.perf_counter() - start < 10, "no find hits came"
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    report("find_first_hits", time.perf_counter() - start, "s")
    # Then the frames of scrolling back over the pages just drawn, their hits read as they come.
    finding = scroll_frames(view, view.page_rect(100).top() + bar.value(), 200)
    find_p99 = finding[int(len(finding) * 0.99)]
    report("find_scroll_frame_p95", finding[int(len(finding) * 0.95)] * 1000, "ms")
    report("find_scroll_frame_p99", find_p99 * 1000, "ms")
    report("find_scroll_frame_max", finding[-1] * 1000, "ms")
    # The last pages' hits may still be on their way: a moment for them (the count is the check).
    deadline = time.perf_counter() + 3
    while (searched := sum(bool(view.find_hits(page)) for page in range(100, 107))) < 7:
        if time.perf_counter() > deadline:
            break
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    view.set_find("")
    start = time.perf_counter()
    view.viewport().repaint()
    full = time.perf_counter() - start
    report("full_repaint", full * 1000, "ms")
    rss = resident_mb()
    report("resident_memory", rss, "MB")
    report("cache_bytes", view.cache.bytes_used / 2**20, "MB")
    # For the record: the processes beside ours (the text worker, the fork server it came from).
    helpers = descendants()
    report("helper_processes_memory", sum(resident_mb(child) for child in helpers), "MB")
    report("all_processes_pss", sum(proportional_mb(pid) for pid in ["self", *helpers]), "MB")
    view.shut_down()

    # The targets. The frame bound is on the 95th percentile: on a shared machine the
    # odd frame is lost to another process, which is no work of ours.
    assert warm <= 0.1
    assert frame_p95 < 0.016
    # Painting a cached page is a few image copies (about 0.3 ms); a viewport Qt did not make once
    # cost 10 ms a paint, hidden within the frame bound on an idle machine.
    assert paint_p95 < 0.004
    # Find reads no text in this process (PyMuPDF would hold the GIL for 10-25 ms a page): with it on,
    # all but the odd frame stay in budget, and the pages scrolled over got their hits meanwhile.
    assert find_p99 < 0.016
    assert searched >= 5  # of the 7 pages scrolled over (one passed in a few frames may not be asked)
    assert rss <= 250
