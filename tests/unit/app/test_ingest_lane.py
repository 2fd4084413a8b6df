"""Parsing in the worker process: a hanging parse is stopped, a crash is reported, the lane recovers."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app import ingest
from app.errors import AppError, ParseTimeout
from app.jobs import ProcessLane


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
