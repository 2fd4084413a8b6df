"""Parsing in the worker process: a hanging parse is stopped, a crash is reported, the lane recovers."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app import ingest
from app.errors import AppError, ParseTimeout
from app.jobs import STOP_GRACE_S, ProcessLane


def hang(seconds: float) -> str:
    time.sleep(seconds)
    return "finished"


def crash() -> str:
    os._exit(70)


def abort() -> str:
    os.abort()


def text_of(path: Path) -> str:
    return ingest.load(path).text


@pytest.fixture
def lane() -> Iterator[ProcessLane]:
    lane = ProcessLane(timeout=3)
    yield lane
    lane.shutdown()


def test_hanging_parse_is_stopped_by_the_timeout(lane: ProcessLane, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ParseTimeout, match=r"longer than 3 s"):
        lane.run(hang, 60, what="slow.pdf")
    assert time.monotonic() - started < 20
    path = tmp_path / "minutes.txt"
    path.write_text("Minutes of the meeting", encoding="utf-8")
    assert lane.run(text_of, path) == "Minutes of the meeting"


@pytest.mark.parametrize("fn", [crash, abort])
def test_crashing_worker_is_an_app_error_and_lane_recovers(lane: ProcessLane, fn: Callable[[], str]) -> None:
    with pytest.raises(AppError, match=r"stopped unexpectedly while reading broken\.pdf"):
        lane.run(fn, what="broken.pdf")
    assert lane.run(hang, 0) == "finished"


def test_shutting_down_a_lane_busy_with_a_hung_job_kills_its_worker() -> None:
    """Closing the app must not wait for ever on a worker that never answers (a hostile file)."""
    lane = ProcessLane(timeout=600)
    assert lane.run(os.getpid) != os.getpid()  # the worker is up
    outcome: list[BaseException] = []

    def wait_for_the_hang() -> None:
        try:
            lane.run(hang, 600)
        except BaseException as error:  # noqa: BLE001 - handed to the test
            outcome.append(error)

    waiting = threading.Thread(target=wait_for_the_hang)
    waiting.start()
    time.sleep(0.5)  # the hang has reached the worker
    started = time.monotonic()
    lane.shutdown()
    assert time.monotonic() - started < STOP_GRACE_S + 5
    waiting.join(10)
    assert not waiting.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], AppError)  # the caller is told, not left waiting


def test_a_lane_shut_down_starts_no_worker_again(lane: ProcessLane) -> None:
    lane.shutdown()
    with pytest.raises(AppError, match="closing"):
        lane.run(os.getpid)


ORPHAN = """
import os
import subprocess
import sys
from app.jobs import ProcessLane
if __name__ == "__main__":
    print(ProcessLane(timeout=60).run(os.getpid), flush=True)
    os._exit(0)  # as a crash would: no shutdown, no clean-up
"""


def test_a_worker_ends_when_the_process_it_works_for_dies(tmp_path: Path) -> None:
    script = tmp_path / "crashing_app.py"
    script.write_text(ORPHAN, encoding="utf-8")
    # An orphan worker would also hold the app's output open: the run would not end.
    command = [sys.executable, str(script)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=30, check=True)
    worker = int(run.stdout)
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]
