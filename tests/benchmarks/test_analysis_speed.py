"""Analysis speed: ten pages of minutes, and a 500-page agenda pack against PyMuPDF's own extraction."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pymupdf

from app import ingest
from app.analysis import analyze
from app.model import DocumentText

from tests.factories import write_agenda_pack
from tests.unit.app.minutes_truth import FIXTURES

TEN_PAGES_LIMIT_S = 0.2
PACK_PAGES = 500
PACK_RATIO_LIMIT = 0.5


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


def test_a_500_page_pack_analyses_in_a_fraction_of_extraction_time(tmp_path: Path) -> None:
    pack = write_agenda_pack(tmp_path / "pack.pdf", PACK_PAGES)

    def extract() -> None:
        with pymupdf.open(pack) as pdf:
            for page in pdf:
                page.get_text()

    doc = ingest.load(pack)
    # Interleaved, best of three each: a busy machine slows both alike.
    extraction = analysis = float("inf")
    for _ in range(3):
        extraction = min(extraction, _best_of(1, extract))
        analysis = min(analysis, _best_of(1, lambda: analyze(doc)))
    items = analyze(doc).items
    report("pack_500_pages_s", analysis, "s")
    report("pack_ms_per_page", 1000 * analysis / PACK_PAGES, "ms")
    report("pack_ratio_to_extraction", analysis / extraction, "x")
    assert len(items) > PACK_PAGES // 2
    assert analysis < PACK_RATIO_LIMIT * extraction
