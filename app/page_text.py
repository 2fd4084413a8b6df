"""A PDF page's printed text read in a worker process for the page view: find hits and word boxes.

PyMuPDF holds the GIL while it reads a page (a page's sorted words take 10-25 ms,
a partly found word's characters as long), so in the GUI's process every such
read could hold up a frame. The page view runs these functions on its own
`app.jobs.ProcessLane`; the worker keeps the PDF it last read open between calls.
Results are plain tuples: cheap to pickle back.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.model import BBox
from app.render import PageRenderer, Word

Stamp = tuple[Path, "str | None", int, int]  # path, password, modified (ns), size

WORKER_NICENESS = 5

# In the worker process only: the PDF the last call read, by its stamp (a file since rewritten reopens).
_OPEN: dict[Stamp, PageRenderer] = {}


def _yield_the_cpu() -> None:
    """Lower this worker's priority: on a busy machine the window's frames come before its pages."""
    if hasattr(os, "nice"):  # (POSIX; on Windows the worker keeps the normal priority)
        os.nice(WORKER_NICENESS)


def open_renderer(path: Path, password: str | None) -> PageRenderer:
    """The PDF at `path`, open in this (worker) process: the one opened last if it is unchanged."""
    try:
        status = os.stat(path)
        stamp: Stamp = (path, password, status.st_mtime_ns, status.st_size)
    except OSError:
        stamp = (path, password, -1, -1)  # gone: PageRenderer says so as an AppError
    renderer = _OPEN.get(stamp)
    if renderer is None:
        if not _OPEN:  # this worker's first PDF: from now on it gives way to the window's process
            _yield_the_cpu()
        for old in _OPEN.values():
            old.close()
        _OPEN.clear()
        renderer = _OPEN[stamp] = PageRenderer(path, password)
    return renderer


def page_hits(path: Path, password: str | None, page: int, query: str) -> list[tuple[BBox, ...]]:
    """Where `query` is printed on page `page` (0-based): each hit's boxes, one a line."""
    return open_renderer(path, password).find(page, query)


def page_words(path: Path, password: str | None, page: int) -> tuple[Word, ...]:
    """Page `page`'s words in reading order (`PageRenderer.words`)."""
    return open_renderer(path, password).words(page)
