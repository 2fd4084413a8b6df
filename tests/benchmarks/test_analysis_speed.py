"""Analysis speed: ten pages of minutes, and a 500-page agenda pack against PyMuPDF's own extraction."""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pymupdf
import pytest

from app import analysis, ingest
from app.analysis import analyze, analyze_file
from app.ingest import pdfsplit
from app.jobs import ProcessLane
from app.model import DocumentText

from tests.benchmarks.conftest import PAGES as PACK_PAGES
from tests.unit.app.minutes_truth import FIXTURES

TEN_PAGES_LIMIT_S = 0.2
# Issue 3's target for the pack: reading and analysing it (as `python -m app analyze` does, in the
# worker process) within 1.5x PyMuPDF's plain extraction. Within reach on an idle two-core machine:
# the layout needs get_text("dict") (font sizes, weights, span boxes), about 1.4 extractions' CPU time
# for the pack, shared by two processes that take pages from either end until none is left (0.41 s
# each, then 0.06 s of layout each); the text and the analysis then take about 0.2 s in the worker,
# whose forked child does the attendance while the heads are found, then the decisions or the actions
# (timeline of 22 Nov 2026, quiet: 0.63 s in all, against 0.51 s for the extraction; best wall ratios
# seen 1.04-1.17x in quiet moments, 2.0-2.3x with the machine busy, load 3-4).
# Not asserted: on a busy machine the processes share the cores with others, the reference extraction
# does not. The bounds asserted guard against regressions there: wall-clock, and the worker's own CPU.
PACK_RATIO_TARGET = 1.5
PACK_RATIO_BOUND = 3.5
WORKER_CPU_RATIO_BOUND = 2.0
# The analysis's CPU time in one process, the rules' own cost, is about 0.3 of the extraction's (0.16 s
# against 0.53 s, 22 Nov 2026): a regression past 0.4 fails. As the CLI runs it, the worker takes about
# 0.11-0.13 s of it and the child 0.05-0.07 s (its start and copy-on-write faults cost about 0.02 s).
ANALYSIS_RATIO_LIMIT = 0.4
RUNS = 4


def report(metric: str, value: float, unit: str) -> None:
    print(json.dumps({"bench": "analysis", "metric": metric, "value": round(value, 5), "unit": unit}))


def _best_of(runs: int, work: object) -> float:
    assert callable(work)
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _ten_pages(folder: Path) -> DocumentText:
    """About ten pages of minutes: the fixture minutes of several styles, one after another, thrice."""
    texts = [ingest.load(path).text for path in sorted(FIXTURES.glob("*.txt"))]
    text = "\n\n".join(texts * 3)
    path = folder / "ten-pages.txt"
    path.write_text(text, encoding="utf-8")
    return ingest.load(path)


def test_ten_pages_of_minutes_analyse_quickly(tmp_path: Path) -> None:
    doc = _ten_pages(tmp_path)
    assert len(doc.text) > 30_000  # about ten pages of print
    seconds = _best_of(5, lambda: analyze(doc))
    report("ten_pages_s", seconds, "s")
    assert seconds < TEN_PAGES_LIMIT_S


@dataclass
class Best:
    """The fastest wall-clock and CPU seconds seen for one kind of work."""

    wall: float = float("inf")
    cpu: float = float("inf")

    def time(self, work: Callable[[], object]) -> object:
        started, started_cpu = time.perf_counter(), time.process_time()
        result = work()
        self.wall = min(self.wall, time.perf_counter() - started)
        self.cpu = min(self.cpu, time.process_time() - started_cpu)
        return result


def _children_cpu() -> float:
    """CPU seconds of this process's children that have ended (the forked halves and analysis)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def analyze_in_worker(path: Path) -> tuple[float, float]:
    """`analyze_file` as the CLI runs it in the worker: the worker's own CPU seconds, and its children's."""
    started, children = time.process_time(), _children_cpu()
    analyze_file(path)
    return time.process_time() - started, _children_cpu() - children


def analyse_in_worker(doc: DocumentText, apart_from: int | None = None) -> tuple[float, float, float]:
    """`analyze` as `analyze_file` runs it in the worker (a long document's rules shared with a forked
    child), or with the child only from `apart_from` lines: its wall-clock seconds, the worker's own
    CPU seconds and its child's."""
    default = analysis.APART_FROM_LINES
    analysis.APART_FROM_LINES = apart_from or default
    try:
        started, started_cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        analyze(doc)
        return time.perf_counter() - started, time.process_time() - started_cpu, _children_cpu() - children
    finally:
        analysis.APART_FROM_LINES = default


def test_a_500_page_pack_analyses_in_a_few_extractions_time(
    pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m app analyze pack.pdf`'s work against PyMuPDF's plain text extraction, in the same run.

    Reading and analysis run as the CLI runs them, in a worker process (which reads a
    long PDF's pages in two processes, and shares the rules with a forked child). For
    the record, the reading alone (whose result crosses to this process), the analysis
    alone in the worker, and CPU times. Interleaved, best of a few each: a busy machine
    slows all alike.
    """

    def extract() -> None:
        with pymupdf.open(pack) as pdf:
            for page in pdf:
                page.get_text()

    monkeypatch.setattr(pdfsplit, "SPLIT_FROM_PAGES", 10**6)  # here, for the record: one process
    lane = ProcessLane()
    try:
        lane.run(analyze_file, pack)  # the worker started, its modules loaded, the file in the disk cache
        raw, worker, ingested, in_process = Best(), Best(), Best(), Best()
        worker_cpu = worker_children_cpu = float("inf")
        analysis_wall = analysis_cpu = analysis_own_cpu = analysis_all_cpu = float("inf")
        for _ in range(RUNS):
            raw.time(extract)
            own, children = cast(tuple[float, float], worker.time(lambda: lane.run(analyze_in_worker, pack)))
            worker_cpu, worker_children_cpu = min(worker_cpu, own), min(worker_children_cpu, children)
            doc = cast(DocumentText, ingested.time(lambda: lane.run(ingest.load, pack)))
            wall, own, children = lane.run(analyse_in_worker, doc)
            analysis_wall, analysis_own_cpu = min(analysis_wall, wall), min(analysis_own_cpu, own)
            analysis_all_cpu = min(analysis_all_cpu, own + children)
            analysis_cpu = min(analysis_cpu, lane.run(analyse_in_worker, doc, 10**9)[1])  # one process
            in_process.time(lambda: ingest.load(pack))
    finally:
        lane.shutdown()
    report("raw_extraction_s", raw.wall, "s")
    report("ingest_plus_analysis_s", worker.wall, "s")
    report("ratio_to_extraction", worker.wall / raw.wall, "x")
    report("ratio_target", PACK_RATIO_TARGET, "x")
    report("pack_ms_per_page", 1000 * worker.wall / PACK_PAGES, "ms")
    report("ingest_s", ingested.wall, "s")
    report("analysis_s", analysis_wall, "s")
    # For the record: CPU time reading the pack in one process (steadier on a busy machine).
    report("raw_extraction_cpu_s", raw.cpu, "s")
    report("ingest_one_process_cpu_s", in_process.cpu, "s")
    # The analysis's CPU time in one process (the rules' own cost); as the CLI runs it, the worker's
    # own (on the critical path) and all its processes' (the child's start and copy-on-write faults too).
    report("analysis_cpu_s", analysis_cpu, "s")
    report("analysis_worker_cpu_s", analysis_own_cpu, "s")
    report("analysis_all_processes_cpu_s", analysis_all_cpu, "s")
    report("one_process_cpu_ratio", (in_process.cpu + analysis_cpu) / raw.cpu, "x")
    # The worker's own CPU time (half the pages, their layout, the text, the analysis but its
    # decisions) is on the critical path, its children's run beside it: on an idle two-core
    # machine, about the wall ratio.
    report("worker_cpu_s", worker_cpu, "s")
    report("worker_cpu_ratio", worker_cpu / raw.cpu, "x")
    report("worker_children_cpu_s", worker_children_cpu, "s")
    report("load_average_1min", os.getloadavg()[0], "processes")
    assert len(analyze(doc).items) > PACK_PAGES // 2
    assert analysis_cpu < ANALYSIS_RATIO_LIMIT * raw.cpu  # CPU: one process each, steadier when busy
    assert worker.wall < PACK_RATIO_BOUND * raw.wall
    assert worker_cpu < WORKER_CPU_RATIO_BOUND * raw.cpu
