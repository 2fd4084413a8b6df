"""Word selection across pages: which words lie between two points, and the text they make."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import NamedTuple

from app.model import BBox, Quad
from app.render import Word

Words = tuple[Word, ...]


class Anchor(NamedTuple):
    """A point on a page, in unrotated page points (the word boxes' space)."""

    page: int
    x: float
    y: float


class Caret(NamedTuple):
    """A place between words: before word `at` of `page`."""

    page: int
    at: int


class Selection(NamedTuple):
    """The words from `start` (inclusive) to `end` (exclusive), in reading order across pages."""

    start: Caret
    end: Caret

    def range_on(self, page: int, count: int) -> range:
        """Indexes of the selected words on `page`, which has `count` words."""
        if not self.start.page <= page <= self.end.page:
            return range(0)
        first = self.start.at if page == self.start.page else 0
        last = self.end.at if page == self.end.page else count
        return range(first, last)


def _distance(word: Word, x: float, y: float) -> float:
    dx = max(word.x0 - x, 0.0, x - word.x1)
    dy = max(word.y0 - y, 0.0, y - word.y1)
    return dx * dx + dy * dy


def span_at(words: Words, x: float, y: float) -> tuple[int, int]:
    """The words `[lo, hi)` a point stands for: the word under it, else the gap beside the nearest word."""
    if not words:
        return 0, 0
    index = min(range(len(words)), key=lambda i: _distance(words[i], x, y))
    word = words[index]
    if word.x0 <= x <= word.x1 and word.y0 <= y <= word.y1:
        return index, index + 1
    after = y > word.y1 or (y >= word.y0 and x > (word.x0 + word.x1) / 2)
    caret = index + 1 if after else index
    return caret, caret


def word_at(words: Words, x: float, y: float) -> Word | None:
    """The word whose box holds the point, if any."""
    return next((w for w in words if w.x0 <= x <= w.x1 and w.y0 <= y <= w.y1), None)


class WordIndex:
    """A page's words ordered by height, to find those on a band of lines quickly."""

    def __init__(self, words: Words) -> None:
        self._words = sorted(words, key=lambda w: (w.y0 + w.y1) / 2)
        self._middles = [(w.y0 + w.y1) / 2 for w in self._words]

    def between(self, top: float, bottom: float) -> list[Word]:
        """The words whose middle lies from `top` to `bottom`."""
        lo = bisect.bisect_left(self._middles, top)
        return self._words[lo : bisect.bisect_right(self._middles, bottom, lo)]

    def snap(self, box: BBox) -> BBox:
        """`box` with any side that cuts through a word moved to that word's edge.

        Onto the word when the box takes most of it, off it otherwise: a mark
        estimated from the text never starts or stops in the middle of a word.
        """
        x0, y0, x1, y1 = box
        band = self.between(y0, y1)
        for word in band:
            if word.x0 < x0 < word.x1:
                x0 = word.x0 if x0 - word.x0 < (word.x1 - word.x0) / 2 else word.x1
            if word.x0 < x1 < word.x1:
                x1 = word.x1 if word.x1 - x1 < (word.x1 - word.x0) / 2 else word.x0
        return (x0, y0, x1, y1) if x1 > x0 else box


def select(words: Mapping[int, Words], a: Anchor, b: Anchor) -> Selection | None:
    """The words between points `a` and `b` (either order); None if none, or a page's words are unknown."""
    if a.page not in words or b.page not in words:
        return None
    a_lo, a_hi = span_at(words[a.page], a.x, a.y)
    b_lo, b_hi = span_at(words[b.page], b.x, b.y)
    start = min(Caret(a.page, a_lo), Caret(b.page, b_lo))
    end = max(Caret(a.page, a_hi), Caret(b.page, b_hi))
    # A caret at the end of one page is the same place as the start of the next.
    while start.page < end.page and start.at >= len(words.get(start.page, ())) and start.page + 1 in words:
        start = Caret(start.page + 1, 0)
    if start >= end:
        return None
    return Selection(start, end)


def selected_text(selection: Selection, words: Mapping[int, Words]) -> str:
    """The selected words, a space between words, a line break between lines and pages."""
    parts: list[str] = []
    for page in range(selection.start.page, selection.end.page + 1):
        page_words = words.get(page, ())
        previous: Word | None = None
        for i in selection.range_on(page, len(page_words)):
            word = page_words[i]
            if parts:
                parts.append(" " if previous is not None and previous.line == word.line else "\n")
            parts.append(word.text)
            previous = word
    return "".join(parts)


def line_boxes(selection: Selection, words: Mapping[int, Words]) -> tuple[Quad, ...]:
    """The selected words' boxes merged line by line: one (page, x0, y0, x1, y1) a line fragment."""
    boxes: dict[tuple[int, int], Quad] = {}
    for page in range(selection.start.page, selection.end.page + 1):
        page_words = words.get(page, ())
        for i in selection.range_on(page, len(page_words)):
            word = page_words[i]
            key = (page, word.line)
            _, x0, y0, x1, y1 = boxes.get(key, (page, word.x0, word.y0, word.x1, word.y1))
            boxes[key] = (page, min(x0, word.x0), min(y0, word.y0), max(x1, word.x1), max(y1, word.y1))
    return tuple(boxes.values())


class TextSelection:
    """The view's selection state: word boxes as they arrive, the two ends, the words between.

    Word boxes come page by page from the render thread; `missing` names the
    pages still needed. Only `keep` pages' words stay (besides those the
    selection spans), so reading through a long pack does not hoard them.
    """

    def __init__(self, keep: int = 64) -> None:
        self.keep = keep
        self.words: dict[int, Words] = {}
        self.ends: tuple[Anchor, Anchor] | None = None
        self.current: Selection | None = None

    def set_ends(self, ends: tuple[Anchor, Anchor] | None) -> bool:
        """Select between two points (or nothing); True if the selected words changed."""
        self.ends = ends
        return self._update()

    def add_words(self, page: int, words: Words) -> bool:
        """Take a page's words; True if the selected words changed."""
        self.words[page] = words
        spanned = self._spanned()
        surplus = [p for p in self.words if p not in spanned][: max(len(self.words) - self.keep, 0)]
        for old in surplus:
            del self.words[old]
        return self._update()

    def missing(self) -> list[int]:
        """Pages the selection spans whose words are not known yet."""
        return [page for page in self._spanned() if page not in self.words]

    def text(self) -> str:
        return "" if self.current is None else selected_text(self.current, self.words)

    def quads(self) -> tuple[Quad, ...]:
        return () if self.current is None else line_boxes(self.current, self.words)

    def clear(self) -> None:
        self.words.clear()
        self.ends = self.current = None

    def _spanned(self) -> range:
        if self.ends is None:
            return range(0)
        first, last = sorted(end.page for end in self.ends)
        return range(first, last + 1)

    def _update(self) -> bool:
        selection = None if self.ends is None else select(self.words, *self.ends)
        changed = selection != self.current
        self.current = selection
        return changed
