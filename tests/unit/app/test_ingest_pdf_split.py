"""A long PDF read in two processes gives exactly what one process gives; a failing child changes nothing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from app import ingest
from app.ingest import pdfsplit
from app.jobs import ProcessLane

from tests.factories import write_agenda_pack, write_pdf_minutes, write_scanned_pdf


def _pages(start: int, stop: int) -> list[int]:
    return list(range(start, stop))


def _failing(start: int, stop: int) -> list[int]:
    raise ValueError(f"cannot read pages {start}-{stop}")


def halves_with_a_failing_child(count: int) -> tuple[list[int], list[int]]:
    """Run in the ingest worker (where forking is allowed)."""
    return pdfsplit.read_in_halves(count, _pages, _failing)


def _hanging(start: int, stop: int) -> list[int]:
    time.sleep(60)
    return []


def halves_with_a_hanging_child(count: int) -> tuple[list[int], list[int]]:
    return pdfsplit.read_in_halves(count, _pages, _hanging)


def halves(count: int) -> tuple[list[int], list[int]]:
    return pdfsplit.read_in_halves(count, _pages, _pages)


@pytest.fixture
def lane() -> Iterator[ProcessLane]:
    lane = ProcessLane(timeout=60)
    yield lane
    lane.shutdown()


def test_a_long_pdf_reads_the_same_in_two_processes(
    tmp_path: Path, lane: ProcessLane, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = write_agenda_pack(tmp_path / "pack.pdf", 60, seed=11)
    assert lane.run(pdfsplit.can_split, 60)  # the ingest worker does split a 60-page file
    split = lane.run(ingest.load, pack)
    monkeypatch.setattr(pdfsplit, "SPLIT_FROM_PAGES", 10_000)
    assert not pdfsplit.can_split(60)
    whole = ingest.load(pack)
    assert split == whole
    assert split.text.count("Report on item") >= 30 and len(split.pages) == 60


def test_a_scanned_page_in_the_second_half_is_found(
    tmp_path: Path, lane: ProcessLane, monkeypatch: pytest.MonkeyPatch
) -> None:
    mixed = tmp_path / "mixed.pdf"
    with pymupdf.open(write_agenda_pack(tmp_path / "pack.pdf", 50)) as pack:
        with pymupdf.open(write_scanned_pdf(tmp_path / "scan.pdf")) as scan:
            pack.insert_pdf(scan)
        pack.save(mixed)
    split = lane.run(ingest.load, mixed)
    monkeypatch.setattr(pdfsplit, "SPLIT_FROM_PAGES", 10_000)
    assert split == ingest.load(mixed)
    assert "no text layer on 1 of 51 pages" in split.warnings[0]


def test_short_papers_are_read_in_one_process(tmp_path: Path, lane: ProcessLane) -> None:
    assert not lane.run(pdfsplit.can_split, pdfsplit.SPLIT_FROM_PAGES - 1)
    doc = lane.run(ingest.load, write_pdf_minutes(tmp_path / "minutes.pdf"))
    assert "Apologies" in doc.text


def test_the_child_s_pages_are_read_here_if_the_child_fails(lane: ProcessLane) -> None:
    assert lane.run(halves_with_a_failing_child, 9) == ([0, 1, 2, 3], [4, 5, 6, 7, 8])
    assert lane.run(halves, 9) == ([0, 1, 2, 3], [4, 5, 6, 7, 8])


def test_a_hanging_child_is_stopped_and_its_pages_read_here(lane: ProcessLane) -> None:
    started = time.monotonic()
    assert lane.run(halves_with_a_hanging_child, 9) == ([0, 1, 2, 3], [4, 5, 6, 7, 8])
    assert time.monotonic() - started < pdfsplit.MIN_WAIT_S + 10
