"""A long PDF read in two processes gives exactly what one process gives; a failing child changes nothing."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from app import forking, ingest
from app.ingest import pdfsplit
from app.jobs import ProcessLane
from app.model import DocumentText

from tests.factories import write_agenda_pack, write_pdf_minutes, write_scanned_pdf


class Pages:
    """Work on page numbers (`pdfsplit.Work`): reading lists them, a summary counts them, finishing
    pairs them with the count settled from both halves. The child can be made to fail or hang."""

    def __init__(self, trouble: str = "", at: str = "") -> None:
        self.parent = os.getpid()  # made in the worker: a different process id is the child's
        self.trouble, self.at = trouble, at

    def _in_child(self, step: str) -> None:
        if os.getpid() != self.parent and step == self.at:
            if self.trouble == "hang":
                time.sleep(60)
            raise ValueError(f"the child cannot {step}")

    def read(self, start: int, stop: int, apart: bool) -> list[int]:
        self._in_child("read")
        return list(range(start, stop))

    def summary(self, part: list[int]) -> int:
        return len(part)

    def settle(self, first: int, second: int) -> int:
        return first + second

    def finish(self, part: list[int], settled: int) -> tuple[list[int], int]:
        self._in_child("finish")
        return part, settled


def halves(count: int, trouble: str = "", at: str = "") -> tuple[int, object, object]:
    """Run in the ingest worker (where forking is allowed)."""
    return pdfsplit.read_in_halves(count, Pages(trouble, at))


def read_in_one_process(path: Path) -> DocumentText:
    """Run in the worker: the file read in one process, as the reference (made in the same worker as
    what it is compared with: the same code, while others edit it)."""
    split_from = pdfsplit.SPLIT_FROM_PAGES
    pdfsplit.SPLIT_FROM_PAGES = 10**6
    try:
        return ingest.load(path)
    finally:
        pdfsplit.SPLIT_FROM_PAGES = split_from


NINE_PAGES = (9, ([0, 1, 2, 3], 9), ([4, 5, 6, 7, 8], 9))


@pytest.fixture
def lane() -> Iterator[ProcessLane]:
    lane = ProcessLane(timeout=60)
    yield lane
    lane.shutdown()


def test_a_long_pdf_reads_the_same_in_two_processes(tmp_path: Path, lane: ProcessLane) -> None:
    pack = write_agenda_pack(tmp_path / "pack.pdf", 60, seed=11)
    assert lane.run(pdfsplit.can_split, 60)  # the ingest worker does split a 60-page file
    split = lane.run(ingest.load, pack)
    whole = lane.run(read_in_one_process, pack)
    assert split == whole
    assert split.text.count("Report on item") >= 30 and len(split.pages) == 60


def test_a_scanned_page_in_the_second_half_is_found(tmp_path: Path, lane: ProcessLane) -> None:
    mixed = tmp_path / "mixed.pdf"
    with pymupdf.open(write_agenda_pack(tmp_path / "pack.pdf", 50)) as pack:
        with pymupdf.open(write_scanned_pdf(tmp_path / "scan.pdf")) as scan:
            pack.insert_pdf(scan)
        pack.save(mixed)
    split = lane.run(ingest.load, mixed)
    assert split == lane.run(read_in_one_process, mixed)
    assert "no text layer on 1 of 51 pages" in split.warnings[0]


def test_short_papers_are_read_in_one_process(tmp_path: Path, lane: ProcessLane) -> None:
    assert not lane.run(pdfsplit.can_split, pdfsplit.SPLIT_FROM_PAGES - 1)
    doc = lane.run(ingest.load, write_pdf_minutes(tmp_path / "minutes.pdf"))
    assert "Apologies" in doc.text


def test_the_child_s_pages_are_worked_here_if_the_child_fails(lane: ProcessLane) -> None:
    assert lane.run(halves, 9) == NINE_PAGES
    assert lane.run(halves, 9, "fail", "read") == NINE_PAGES
    assert lane.run(halves, 9, "fail", "finish") == NINE_PAGES


@pytest.mark.parametrize("step", ["read", "finish"])
def test_a_hanging_child_is_stopped_and_its_pages_worked_here(lane: ProcessLane, step: str) -> None:
    started = time.monotonic()
    assert lane.run(halves, 9, "hang", step) == NINE_PAGES
    assert time.monotonic() - started < forking.MIN_WAIT_S + 10
