"""Ingest speed: a 500-page agenda pack against PyMuPDF's own text extraction, and ten pages."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from app import ingest
from app.ingest import pdfsplit
from app.jobs import ProcessLane

from tests.factories import write_agenda_pack

RUNS = 3


def report(bench: str, metric: str, value: float, unit: str) -> None:
    print(json.dumps({"bench": bench, "metric": metric, "value": round(value, 5), "unit": unit}))


def best_of(work: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of the fastest of a few runs (CPU time is steadier on a busy machine)."""
    wall = cpu = float("inf")
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    return wall, cpu


def raw_extract(path: Path) -> None:
    doc = pymupdf.open(path)
    for index in range(doc.page_count):
        doc[index].get_text()
    doc.close()


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("packs")
    return {pages: write_agenda_pack(folder / f"pack-{pages}.pdf", pages) for pages in (10, 500)}


@pytest.mark.parametrize("pages", [500, 10])
def test_pdf_ingest_speed(packs: dict[int, Path], pages: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest in one process (CPU time is comparable); a long file read in the worker, in two."""
    path = packs[pages]
    split_from = pdfsplit.SPLIT_FROM_PAGES
    monkeypatch.setattr(pdfsplit, "SPLIT_FROM_PAGES", 10**6)
    doc = ingest.load(path)
    assert len(doc.pages) == pages
    assert "Page 1 of" not in doc.text and "Anytown Borough Council - Cabinet" not in doc.text
    raw, raw_cpu = best_of(lambda: raw_extract(path))
    ours, ours_cpu = best_of(lambda: ingest.load(path))
    bench = f"pdf_{pages}_pages"
    if pages >= split_from:  # as imports and `python -m app analyze` read it
        lane = ProcessLane()
        try:
            lane.run(ingest.load, path)
            worker, _ = best_of(lambda: lane.run(ingest.load, path))
        finally:
            lane.shutdown()
        report(bench, "quorum_ingest_worker_two_processes_s", worker, "s")
        report(bench, "worker_to_pymupdf_ratio", worker / raw, "x")
    report(bench, "pymupdf_extract_s", raw, "s")
    report(bench, "quorum_ingest_s", ours, "s")
    report(bench, "quorum_ingest_ms_per_page", ours / pages * 1000, "ms")
    report(bench, "ingest_to_pymupdf_ratio", ours / raw, "x")
    report(bench, "pymupdf_extract_cpu_s", raw_cpu, "s")
    report(bench, "quorum_ingest_cpu_s", ours_cpu, "s")
    report(bench, "ingest_to_pymupdf_cpu_ratio", ours_cpu / raw_cpu, "x")
