"""Pages drawn in a worker process for the page view, handed back through shared memory.

Drawing a page holds the GIL for as long as it takes (10-20 ms at 100 %,
hundreds at 400 %), so in the GUI's process it would hold up frames. A drawn
page is megabytes (64 at 400 %): back through the process pipe it would come
in small reads, each copying and holding the GIL, and leave the GUI process's
memory fragmented; through shared memory it costs the GUI one copy.
"""

from __future__ import annotations

from multiprocessing.shared_memory import SharedMemory
from pathlib import Path
from typing import NamedTuple

from app.page_text import open_renderer
from app.render import Raster

COPY_CHUNK = 1 << 22  # bytes copied out at a time: 4 MB, a millisecond or so, between which the GIL can pass

# In the worker process only: the last page handed over, open until the next (on Windows shared
# memory lives only while a handle to it is open, so the GUI must attach before it is closed).
_HANDED: list[SharedMemory] = []


class SharedRaster(NamedTuple):
    """A `Raster` whose bytes wait in the shared memory block `name`."""

    name: str
    width: int
    height: int
    stride: int
    size: int


def prepare(path: Path, password: str | None) -> int:
    """Open the PDF in the worker ahead of its first page; its page count."""
    return open_renderer(path, password).page_count


def render_shared(path: Path, password: str | None, page: int, scale: float, rotation: int) -> SharedRaster:
    """In the worker: page `page` drawn as `PageRenderer.render` draws it, left in shared memory."""
    raster = open_renderer(path, password).render(page, scale, rotation)
    size = len(raster.samples)
    block = SharedMemory(create=True, size=max(size, 1))
    assert block.buf is not None  # (open until closed)
    block.buf[:size] = raster.samples
    while _HANDED:
        _HANDED.pop().close()
    _HANDED.append(block)
    return SharedRaster(block.name, raster.width, raster.height, raster.stride, size)


def take(shared: SharedRaster) -> Raster:
    """In the GUI's process: the raster, its bytes copied out of shared memory, which is then freed.

    Copied a piece at a time: in one piece, a page at 400 % (64 MB) would hold the GIL for tens of ms.
    """
    block = SharedMemory(name=shared.name)
    try:
        assert block.buf is not None
        samples = bytearray(shared.size)
        for start in range(0, shared.size, COPY_CHUNK):
            samples[start : start + COPY_CHUNK] = block.buf[start : start + COPY_CHUNK]
        return Raster(shared.width, shared.height, shared.stride, samples)
    finally:
        block.close()
        block.unlink()
