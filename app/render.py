"""PDF pages as plain rasters, sizes and word boxes through PyMuPDF, for the page view (no Qt)."""

from __future__ import annotations

import bisect
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import pymupdf
from pymupdf import mupdf

from app.errors import AppError
from app.find import find_all
from app.ingest import check_readable
from app.ingest.pdfopen import open_pdf
from app.model import BBox

ROTATIONS = (0, 90, 180, 270)
# The flags app.ingest.pdf reads pages with (not imported: it would load the import before the first paint).
TEXT_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_PRESERVE_WHITESPACE
Piece = tuple[int, int, int]  # a word a find hit covers: its index, first character, past the last
WORD_PAGES = 24  # pages whose words a renderer keeps, for find as one types


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
    """A rendered page: `height` rows of `stride` bytes, 4 bytes a pixel: blue, green, red, 255.

    That is Qt's `Format_RGB32` on a little-endian machine (every machine
    Quorum runs on), so the GUI shows it as it comes, without a conversion
    holding its GIL for 5 ms a page (20 ms on a 2× screen).
    """

    width: int
    height: int
    stride: int
    samples: bytes | bytearray


class Word(NamedTuple):
    """One word on a page, in reading order: its box in unrotated page points and its text.

    A tuple, so a page's words come back cheaply from the process that reads them.

    `line` numbers the word's line across the page (not within its block), so
    a change of `line` between two neighbours means a line break.
    """

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    line: int


class PageWords:
    """A page's words in the import's order, as one text for find: spaces within a line, breaks between.

    Reading words is cheap (a millisecond a page); every character's box is not
    (ten or more, holding the GIL), so those are read only for a word a hit takes part of.
    """

    def __init__(self, words: list[tuple[Any, ...]]) -> None:
        parts: list[str] = []
        self.words: list[str] = []
        self.boxes: list[BBox] = []
        self._starts: list[int] = []  # where each word begins in `text`
        self._lines: list[tuple[int, int]] = []  # (block, line) of each word
        at = 0
        for x0, y0, x1, y1, text, block, line, _number in words:
            if parts:
                parts.append(" " if self._lines[-1] == (block, line) else "\n")
                at += 1
            self._starts.append(at)
            self._lines.append((block, line))
            self.boxes.append((x0, y0, x1, y1))
            self.words.append(text)
            parts.append(text)
            at += len(text)
        self.text = "".join(parts)

    def pieces(self, query: str) -> list[list[Piece]]:
        """Each hit of `query` as the words it covers: (word index, first character, past the last)."""
        found = []
        for start, end in find_all(self.text, query):
            first = bisect.bisect_right(self._starts, start) - 1
            pieces = []
            for index in range(first, len(self._starts)):
                word_start = self._starts[index]
                if word_start >= end:
                    break
                word_end = word_start + len(self.words[index])
                pieces.append((index, max(start - word_start, 0), min(end, word_end) - word_start))
            found.append(pieces)
        return found

    def same_line(self, a: int, b: int) -> bool:
        return self._lines[a] == self._lines[b]


def _chars_box(raw: dict[str, Any], word: str, lo: int, hi: int) -> BBox | None:
    """The box of characters `lo:hi` of `word`, found among the characters of a `rawdict` clipped to it."""
    chars = [
        char
        for block in raw["blocks"]
        for line in block.get("lines", ())
        for span in line["spans"]
        for char in span["chars"]
    ]
    at = "".join(char["c"] for char in chars).find(word)
    if at < 0:
        return None
    box: BBox = chars[at + lo]["bbox"]
    for char in chars[at + lo + 1 : at + hi]:
        box = _union(box, char["bbox"])
    return box


def _draw_bgrx(page: pymupdf.Page, matrix: pymupdf.Matrix) -> pymupdf.Pixmap:
    """The page drawn as `Page.get_pixmap` draws it, on opaque white, but in blue-green-red-alpha order.

    `get_pixmap` offers no such colour space; MuPDF's own interface does.
    """
    bounds = page.rect * matrix
    box = mupdf.fz_round_rect(mupdf.FzRect(bounds.x0, bounds.y0, bounds.x1, bounds.y1))
    pixmap = mupdf.fz_new_pixmap_with_bbox(mupdf.fz_device_bgr(), box, mupdf.FzSeparations(), 1)
    mupdf.fz_clear_pixmap_with_value(pixmap, 255)  # white, and opaque: the ink is drawn over it
    device = mupdf.fz_new_draw_device(mupdf.FzMatrix(), pixmap)
    try:
        transform = mupdf.FzMatrix(matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
        mupdf.fz_run_page(page.this, device, transform, mupdf.FzCookie())
    finally:
        mupdf.fz_close_device(device)
    return pymupdf.Pixmap(pixmap)


def _union(a: BBox, b: BBox) -> BBox:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


class PageRenderer:
    """One open PDF. PyMuPDF is not thread-safe: after `__init__`, only one thread may use it."""

    def __init__(self, path: Path, password: str | None = None) -> None:
        check_readable(path)
        self.path = path
        self._doc = open_pdf(path, password)
        self._words: OrderedDict[int, PageWords] = OrderedDict()

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
            pixmap = _draw_bgrx(self._doc[index], matrix)
        except (RuntimeError, ValueError, mupdf.FzErrorBase) as error:
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
        words = self._words.pop(index, None)
        try:
            page = self._doc[index]
            if words is None:
                words = PageWords(page.get_text("words", flags=TEXT_FLAGS))
            self._words[index] = words
            while len(self._words) > WORD_PAGES:
                self._words.popitem(last=False)
            return [self._hit_boxes(page, words, pieces) for pieces in words.pieces(query)]
        except (RuntimeError, ValueError) as error:
            raise self._unreadable(index) from error

    @staticmethod
    def _hit_boxes(page: pymupdf.Page, words: PageWords, pieces: list[Piece]) -> tuple[BBox, ...]:
        """One box a line: whole words' boxes, and for a word the hit takes part of, just those letters."""
        lines: list[tuple[int, BBox]] = []
        for index, lo, hi in pieces:
            box, word = words.boxes[index], words.words[index]
            if (lo, hi) != (0, len(word)):
                raw = page.get_text("rawdict", flags=TEXT_FLAGS, clip=pymupdf.Rect(box))
                box = _chars_box(raw, word, lo, hi) or box
            if lines and words.same_line(lines[-1][0], index):
                lines[-1] = (index, _union(lines[-1][1], box))
            else:
                lines.append((index, box))
        return tuple(box for _index, box in lines)

    def _unreadable(self, index: int) -> AppError:
        return AppError(f"{self.path.name}: the text of page {index + 1} could not be read.")

    def close(self) -> None:
        self._doc.close()
