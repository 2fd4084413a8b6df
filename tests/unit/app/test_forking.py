"""Work shared with a forked child of the worker: a long document's analysis in two processes is exactly
the analysis in one; a child that fails, hangs or is killed changes nothing; a GUI process never forks."""

from __future__ import annotations

import gc
import os
import resource
import signal
import textwrap
import threading
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pymupdf
import pytest

from app import analysis, forking, ingest
from app.errors import UnreadableFile
from app.ingest import pdfsplit
from app.jobs import ProcessLane
from app.model import Analysis

from tests.factories import write_zero_page_pdf
from tests.unit.app.minutes_truth import FIXTURES


def write_long_minutes(path: Path, rounds: int = 4) -> Path:
    """The fixture minutes of every style, printed one after another `rounds` times: about 48 pages."""
    lines: list[str] = []
    for fixture in sorted(FIXTURES.glob("*.txt")):
        for line in fixture.read_text(encoding="utf-8").splitlines():
            lines.extend(textwrap.wrap(line, 95) or [""])
    with pymupdf.open() as doc:
        for at in range(0, len(lines) * rounds, 60):
            page = doc.new_page()
            for row in range(at, min(at + 60, len(lines) * rounds)):
                page.insert_text((50, 60 + 12 * (row - at)), lines[row % len(lines)], fontsize=9)
        doc.save(path)
    return path


def children_faults() -> int:
    """Page faults of this process's finished children: it grows when a child has run."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt


def analysed(path: Path, apart_from: int) -> tuple[Analysis, bool]:
    """Run in the ingest worker: the file read, then analysed with the decisions apart from
    `apart_from` lines; and whether a child process ran for the analysis."""
    analysis.APART_FROM_LINES = apart_from
    doc = ingest.load(path)
    before = children_faults()
    found = analysis.analyze(doc)
    return found, children_faults() > before


def analysed_in_one_process(path: Path) -> tuple[Analysis, bool]:
    """Run in the ingest worker: `analysed` with no second process for the reading nor the analysis,
    as the reference (made in the same worker as what it is compared with: the same code)."""
    split_from = pdfsplit.SPLIT_FROM_PAGES
    pdfsplit.SPLIT_FROM_PAGES = 10**6
    try:
        return analysed(path, 10**9)
    finally:
        pdfsplit.SPLIT_FROM_PAGES = split_from


def analysed_with_children_killed(path: Path, after_s: float) -> tuple[Analysis, int]:
    """`analysed`, with every child process of the worker killed `after_s` seconds after it appears;
    and how many were killed."""
    stop, killed = threading.Event(), []
    me = os.getpid()

    def kill() -> None:
        seen: dict[int, float] = {}
        while not stop.is_set():
            for pid in map(int, Path(f"/proc/{me}/task/{me}/children").read_text().split()):
                if time.monotonic() - seen.setdefault(pid, time.monotonic()) >= after_s:
                    with suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                        killed.append(pid)
            stop.wait(0.001)

    killer = threading.Thread(target=kill)
    killer.start()
    try:
        found, _ = analysed(path, 100)
    finally:
        stop.set()
        killer.join()
    return found, len(set(killed))


def analysed_in_a_gui_process(path: Path) -> tuple[bool, Analysis, bool]:
    """Run in a worker made GUI-like by loading Qt: whether it may fork, the analysis, and whether
    a child ran."""
    import PySide6.QtCore  # noqa: F401 - loaded, as in the GUI process

    found, forked = analysed(path, 100)
    return forking.can_fork(), found, forked


@pytest.fixture
def lane() -> Iterator[ProcessLane]:
    lane = ProcessLane(timeout=60)
    yield lane
    lane.shutdown()


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_long_minutes(tmp_path_factory.mktemp("long") / "minutes.pdf")


def test_a_long_document_analyses_the_same_in_two_processes(minutes: Path, lane: ProcessLane) -> None:
    reference, forked_below = lane.run(analysed_in_one_process, minutes)
    found, forked = lane.run(analysed, minutes, 100)
    assert forked and not forked_below and found == reference
    items = reference.items
    decided = [span for item in items for span in item.resolutions]
    assert len(decided) + len(reference.resolutions) > 100  # the child's share is there too
    assert sum(len(item.actions) for item in items) > 20 and len(reference.attendance) > 50
    assert reference.meeting.council and len(items) > 5 and len(reference.interests) >= 10


@pytest.mark.parametrize("after_s", [0.0, 0.05])
def test_children_killed_midway_change_nothing(minutes: Path, lane: ProcessLane, after_s: float) -> None:
    reference, _ = lane.run(analysed_in_one_process, minutes)
    found, killed = lane.run(analysed_with_children_killed, minutes, after_s)
    assert killed >= 1 and found == reference


def test_a_gui_process_never_forks(minutes: Path, lane: ProcessLane) -> None:
    reference, _ = lane.run(analysed_in_one_process, minutes)
    may_fork, found, forked = lane.run(analysed_in_a_gui_process, minutes)
    assert not may_fork and not forked and found == reference


class Job:
    """Job `index` of a shared list, which notes the process that took it (a file named by both). In
    a forked child it fails or hangs (`trouble`); here it takes a while, so that the child takes some.
    A job of the second kind adds what was prepared for it to its result."""

    def __init__(self, index: int, trouble: str, folder: Path) -> None:
        self.parent, self.index, self.trouble, self.folder = os.getpid(), index, trouble, folder

    def __call__(self, prepared: int = 0) -> int:
        (self.folder / f"{self.index}-{os.getpid()}").touch()
        if os.getpid() == self.parent:
            time.sleep(0.1)
        elif self.trouble == "hang":
            time.sleep(60)
        elif self.trouble:
            raise ValueError("the child cannot work")
        return 10 * self.index + prepared


def prepare() -> int:
    """What the second kind of jobs need, made while the child starts on the first kind."""
    time.sleep(0.1)
    return 5


def share(trouble: str, folder: Path, patience_s: float) -> tuple[object, float, list[int], list[int]]:
    """Run in the worker: four jobs shared with a child that may misbehave, the last two needing what
    is prepared here; the results, the seconds taken, and the jobs taken here and in the child."""
    forking.MIN_WAIT_S = patience_s
    started = time.monotonic()
    jobs = [Job(index, trouble, folder) for index in range(4)]
    results = forking.shared(jobs[:2], prepare, jobs[2:])
    seconds = time.monotonic() - started
    taken = [name.split("-") for name in sorted(path.name for path in folder.iterdir())]
    here = [int(index) for index, pid in taken if int(pid) == os.getpid()]
    return results, seconds, here, [int(index) for index, pid in taken if int(pid) != os.getpid()]


SHARED = ([0, 10], 5, [25, 35])


def test_jobs_are_shared_with_a_child(lane: ProcessLane, tmp_path: Path) -> None:
    """The child starts while this process prepares, and is sent what was prepared for the others."""
    results, _, here, there = lane.run(share, "", tmp_path, 5.0)
    assert results == SHARED
    assert 0 in there and sorted(here + there) == [0, 1, 2, 3]  # each job done once


@pytest.mark.parametrize("trouble", ["fail", "hang"])
def test_a_child_s_jobs_are_done_here_when_it_fails_or_hangs(
    lane: ProcessLane, tmp_path: Path, trouble: str
) -> None:
    results, seconds, here, there = lane.run(share, trouble, tmp_path, 1.0)
    assert results == SHARED and there and here == [0, 1, 2, 3]
    assert seconds < 5  # a hanging child is given up after the patience, not waited for


def test_jobs_are_done_here_where_no_process_can_be_had(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(os, "fork", _no_fork)
    before = children_faults()
    jobs = [Job(index, "fail", tmp_path) for index in range(3)]
    assert forking.shared(jobs[:1], prepare, jobs[1:]) == ([0], 5, [15, 25])
    assert children_faults() == before and len(list(tmp_path.iterdir())) == 3


def _no_fork() -> int:
    raise OSError("no process to be had")


def test_the_collector_runs_again_after_a_file_is_read_or_fails(tmp_path: Path, minutes: Path) -> None:
    """Reading and analysis pause Python's cycle collector; a worker left without one would grow."""
    assert gc.isenabled()
    analysis.analyze(ingest.load(minutes))
    assert gc.isenabled()
    with pytest.raises(UnreadableFile):
        ingest.load(write_zero_page_pdf(tmp_path / "empty.pdf"))
    assert gc.isenabled()
    gc.disable()  # a caller's own choice is kept
    try:
        ingest.load(minutes)
        assert not gc.isenabled()
    finally:
        gc.enable()
