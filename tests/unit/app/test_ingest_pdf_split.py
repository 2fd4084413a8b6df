"""A long PDF read in two processes gives exactly what one process gives; a failing child changes nothing."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pymupdf
import pytest

from app import forking, ingest
from app.ingest import pdfsplit
from app.jobs import ProcessLane
from app.model import DocumentText

from tests.factories import write_agenda_pack, write_pdf_minutes, write_scanned_pdf


class Pages:
    """Work on page numbers (`pdfsplit.Work`): reading lists them, a page at a time (`seconds` each,
    here or in the child), a summary counts them, finishing pairs them with the count settled from
    both parts. The child can be made to fail or hang, after it has taken a page."""

    def __init__(
        self, trouble: str = "", at: str = "", seconds: tuple[float, float] = (0.002, 0.002)
    ) -> None:
        self.parent = os.getpid()  # made in the worker: a different process id is the child's
        self.trouble, self.at, self.seconds = trouble, at, seconds

    def _in_child(self, step: str) -> None:
        if os.getpid() != self.parent and step == self.at:
            if self.trouble == "hang":
                time.sleep(60)
            raise ValueError(f"the child cannot {step}")

    def read(self, pages: Iterable[int], apart: bool) -> list[int]:
        taken = []
        for page in pages:
            taken.append(page)
            self._in_child("read")
            time.sleep(self.seconds[apart])
        return sorted(taken)

    def summary(self, part: list[int]) -> int:
        return len(part)

    def settle(self, first: int, second: int) -> int:
        return first + second

    def finish(self, part: list[int], settled: int) -> tuple[list[int], int]:
        self._in_child("finish")
        return part, settled


def in_two(
    count: int, trouble: str = "", at: str = "", seconds: tuple[float, float] = (0.002, 0.002)
) -> tuple[int, tuple[list[int], int], tuple[list[int], int]]:
    """Run in the ingest worker (where forking is allowed)."""
    return pdfsplit.read_in_two(count, Pages(trouble, at, seconds))


def parts(count: int, result: tuple[int, tuple[list[int], int], tuple[list[int], int]]) -> tuple[int, int]:
    """How many pages each process worked, once checked that the two parts are all pages, in order,
    each finished with the count settled from both."""
    settled, (first, first_count), (second, second_count) = result
    assert first + second == list(range(count)) and settled == first_count == second_count == count
    return len(first), len(second)


def read_in_one_process(path: Path) -> DocumentText:
    """Run in the worker: the file read in one process, as the reference (made in the same worker as
    what it is compared with: the same code, while others edit it)."""
    split_from = pdfsplit.SPLIT_FROM_PAGES
    pdfsplit.SPLIT_FROM_PAGES = 10**6
    try:
        return ingest.load(path)
    finally:
        pdfsplit.SPLIT_FROM_PAGES = split_from


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


def test_each_process_takes_pages_until_none_is_left(lane: ProcessLane) -> None:
    """Pages are not halved in advance: a process slower than the other (a busy core) takes fewer,
    so that neither waits long for the other; either way the parts make the whole document."""
    first, second = parts(40, lane.run(in_two, 40))
    assert first >= 10 and second >= 10
    first, second = parts(40, lane.run(in_two, 40, "", "", (0.002, 0.03)))  # a slow child
    assert first > 3 * second and second >= 1
    first, second = parts(40, lane.run(in_two, 40, "", "", (0.03, 0.002)))  # a slow worker
    assert second > 3 * first


def test_huge_documents_are_taken_in_runs_of_pages() -> None:
    """A pipe holds the tokens, one a run of pages: past `MAX_RUNS` pages, runs of several."""
    count = 2 * pdfsplit.MAX_RUNS + 1  # in runs of three pages
    with forking.untaken(bytes(-(-count // 3))) as tokens:
        front, back = pdfsplit.Claims(tokens, count, back=False), pdfsplit.Claims(tokens, count, back=True)
        taken = [page for _, page in zip(range(7), front, strict=False)]
        assert taken == list(range(7)) and front.taken == 3
        rest = list(back)
    assert sorted(rest) == list(front.rest()) == list(range(9, count)) and rest[0] == count - 1


@pytest.mark.parametrize("at", ["read", "finish"])
def test_the_child_s_pages_are_worked_here_if_the_child_fails(lane: ProcessLane, at: str) -> None:
    assert parts(9, lane.run(in_two, 9, "fail", at))[1] >= 1


@pytest.mark.parametrize("step", ["read", "finish"])
def test_a_hanging_child_is_stopped_and_its_pages_worked_here(lane: ProcessLane, step: str) -> None:
    started = time.monotonic()
    assert parts(9, lane.run(in_two, 9, "hang", step))[1] >= 1
    assert time.monotonic() - started < forking.MIN_WAIT_S + 10
