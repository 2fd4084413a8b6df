"""The page view's worker processes: words, find hits and drawn pages as in-process, file changes seen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path

import pymupdf
import pytest

from app import page_pixels, page_text
from app.errors import PasswordRequired, UnreadableFile
from app.jobs import ProcessLane
from app.render import PageRenderer


def _pdf(path: Path, lines: tuple[str, ...], password: str | None = None) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)
    for row, line in enumerate(lines):
        page.insert_text((20, 40 + 20 * row), line, fontsize=11)
    if password:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="o" + password, user_pw=password)
    else:
        doc.save(path)
    return path


def _texts(lane: ProcessLane, path: Path, password: str | None = None) -> list[str]:
    return [word.text for word in lane.run(page_text.page_words, path, password, 0)]


@pytest.fixture(scope="module")
def lane() -> Iterator[ProcessLane]:
    lane = ProcessLane(timeout=60)
    yield lane
    lane.shutdown()


def test_the_worker_finds_what_the_page_view_would_find_in_process(tmp_path: Path, lane: ProcessLane) -> None:
    path = _pdf(tmp_path / "minutes.pdf", ("The budget was agreed.", "Budgets for 2026 follow."))
    hits = lane.run(page_text.page_hits, path, None, 0, "budget")
    words = lane.run(page_text.page_words, path, None, 0)
    here = PageRenderer(path)
    try:
        assert hits == here.find(0, "budget")
        assert words == here.words(0)
    finally:
        here.close()
    assert len(hits) == 2
    assert [word.text for word in words][:2] == ["The", "budget"]


def test_a_file_rewritten_in_place_is_read_afresh(tmp_path: Path, lane: ProcessLane) -> None:
    path = _pdf(tmp_path / "minutes.pdf", ("Apologies were received.",))
    assert _texts(lane, path) == ["Apologies", "were", "received."]
    _pdf(tmp_path / "new.pdf", ("Resolved unanimously.",)).replace(path)
    os.utime(path, ns=(0, 10**18))  # a new modification time even on a coarse clock
    assert _texts(lane, path) == ["Resolved", "unanimously."]


def test_bad_files_come_back_as_the_readers_errors(tmp_path: Path, lane: ProcessLane) -> None:
    with pytest.raises(UnreadableFile, match="no such file"):
        lane.run(page_text.page_hits, tmp_path / "gone.pdf", None, 0, "budget")
    locked = _pdf(tmp_path / "locked.pdf", ("Exempt item",), password="pw")
    with pytest.raises(PasswordRequired):
        lane.run(page_text.page_words, locked, None, 0)
    assert _texts(lane, locked, "pw") == ["Exempt", "item"]


def test_a_page_drawn_in_the_worker_arrives_whole_and_its_shared_memory_is_freed(
    tmp_path: Path, lane: ProcessLane
) -> None:
    path = _pdf(tmp_path / "minutes.pdf", ("The budget was agreed.",))
    assert lane.run(page_pixels.prepare, path, None) == 1
    shared = lane.run(page_pixels.render_shared, path, None, 0, 2.0, 90)
    raster = page_pixels.take(shared)
    here = PageRenderer(path)
    try:
        assert raster == here.render(0, 2.0, 90)  # the same pixels, size and stride
    finally:
        here.close()
    assert (raster.width, raster.height) == (400, 600)
    with pytest.raises(FileNotFoundError):
        SharedMemory(name=shared.name)
