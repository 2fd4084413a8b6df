"""PDF pages as plain rasters, sizes and word boxes through PyMuPDF, for the page view (no Qt)."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf

from app.errors import AppError
from app.find import find_all
from app.ingest import check_readable
from app.ingest.pdfopen import open_pdf
from app.model import BBox

ROTATIONS = (0, 90, 180, 270)
# The flags app.ingest.pdf reads pages with (not imported: it would load the import before the first paint).
TEXT_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_PRESERVE_WHITESPACE
CHAR_PAGES = 24  # pages whose characters a renderer keeps, for find as one types


@dataclass(frozen=True)
class PageSize:
    """A page's crop box in points, unrotated, and the clockwise /Rotate its PDF asks for.

    Every page coordinate Quorum hands around (word boxes, block boxes,
    highlights) is in this unrotated space, the one PyMuPDF's text extraction uses.
    """

    width: float
    height: float
    rotation: int = 0


@dataclass(frozen=True)
class Raster:
    """A rendered page: `height` rows of `stride` bytes, 3 bytes (RGB) a pixel."""

    width: int
    height: int
    stride: int
    samples: bytes


@dataclass(frozen=True)
class Word:
    """One word on a page, in reading order: its box in unrotated page points and its text.

    `line` numbers the word's line across the page (not within its block), so
    a change of `line` between two neighbours means a line break.
    """

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    line: int


class PageChars:
    """A page's characters as printed: its text, a line break after each line, and every character's box."""

    def __init__(self, raw: dict[str, Any]) -> None:
        text: list[str] = []
        self._boxes = array("d")  # x0, y0, x1, y1 of each character of `text`
        self._lines = array("l")  # the printed line each character is on
        line = 0
        for block in raw["blocks"]:
            for printed in block.get("lines", ()):
                for span in printed["spans"]:
                    for char in span["chars"]:
                        text.append(char["c"])
                        self._boxes.extend(char["bbox"])
                        self._lines.append(line)
                text.append("\n")
                self._boxes.extend((0.0, 0.0, 0.0, 0.0))
                self._lines.append(line)
                line += 1
        self.text = "".join(text)

    def hits(self, query: str) -> list[tuple[BBox, ...]]:
        """Each occurrence of `query` (as `find_all` finds it): its characters' boxes merged line by line."""
        found = []
        for start, end in find_all(self.text, query):
            lines: dict[int, BBox] = {}
            for at in range(start, end):
                if self.text[at].isspace():
                    continue  # a space's box may reach far beyond its line's words
                x0, y0, x1, y1 = self._boxes[4 * at : 4 * at + 4]
                a0, b0, a1, b1 = lines.get(self._lines[at], (x0, y0, x1, y1))
                lines[self._lines[at]] = (min(a0, x0), min(b0, y0), max(a1, x1), max(b1, y1))
            found.append(tuple(lines.values()))
        return found


class PageRenderer:
    """One open PDF. PyMuPDF is not thread-safe: after `__init__`, only one thread may use it."""

    def __init__(self, path: Path, password: str | None = None) -> None:
        check_readable(path)
        self.path = path
        self._doc = open_pdf(path, password)
        self._chars: OrderedDict[int, PageChars] = OrderedDict()

    @property
    def page_count(self) -> int:
        return int(self._doc.page_count)

    def page_sizes(self, stop: int | None = None) -> list[PageSize]:
        """The sizes and rotations of pages up to `stop` (default: all); ~40 µs a page, content unread."""
        sizes = []
        for index in range(min(self.page_count, self.page_count if stop is None else stop)):
            page = self._doc[index]
            box = page.cropbox
            sizes.append(PageSize(box.width, box.height, page.rotation % 360))
        return sizes

    def render(self, index: int, scale: float, rotation: int = 0) -> Raster:
        """Page `index` (0-based) at `scale` pixels a point, turned `rotation`° clockwise past its own."""
        if rotation not in ROTATIONS:
            raise ValueError(f"rotation must be one of {ROTATIONS}, not {rotation}")
        matrix = pymupdf.Matrix(scale, scale).prerotate(rotation)
        try:
            pixmap = self._doc[index].get_pixmap(matrix=matrix, alpha=False)
        except (RuntimeError, ValueError) as error:
            raise AppError(f"{self.path.name}: page {index + 1} could not be drawn ({error}).") from error
        return Raster(pixmap.width, pixmap.height, pixmap.stride, pixmap.samples)

    def words(self, index: int) -> tuple[Word, ...]:
        """Page `index`'s words in reading order (top to bottom, then left to right, by block)."""
        try:
            raw = self._doc[index].get_text("words", sort=True)
        except (RuntimeError, ValueError) as error:
            raise self._unreadable(index) from error
        lines: dict[tuple[int, int], int] = {}
        words = []
        for x0, y0, x1, y1, text, block, line, _number in raw:
            number = lines.setdefault((block, line), len(lines))
            words.append(Word(x0, y0, x1, y1, text, number))
        return tuple(words)

    def find(self, index: int, query: str) -> list[tuple[BBox, ...]]:
        """Where `query` is printed on page `index`: each hit's exact boxes, one a line it spans."""
        chars = self._chars.pop(index, None)
        if chars is None:
            try:
                chars = PageChars(self._doc[index].get_text("rawdict", flags=TEXT_FLAGS))
            except (RuntimeError, ValueError) as error:
                raise self._unreadable(index) from error
        self._chars[index] = chars
        while len(self._chars) > CHAR_PAGES:
            self._chars.popitem(last=False)
        return chars.hits(query)

    def _unreadable(self, index: int) -> AppError:
        return AppError(f"{self.path.name}: the text of page {index + 1} could not be read.")

    def close(self) -> None:
        self._doc.close()
