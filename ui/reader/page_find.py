"""Find in the page view: each hit's exact boxes on the printed page, and which of them is the current hit.

The reader finds hits in the canonical text (that is what "3 of 17" counts);
the page view finds the same words among each shown page's printed
characters, for boxes around exactly the matched letters. A `FindTarget`
ties the two: the current hit's page, its place among that page's hits, and
the text's estimate of its box, for when the page's hits do not line up one
to one with the text's (running headers the import dropped, say).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from app.model import BBox

if TYPE_CHECKING:  # the page view needs none of the structure's code before its first paint
    from app.highlights import PageMapper

Hit = tuple[BBox, ...]  # one box a printed line the hit spans, in page points
NEAR = 20.0  # page points (a line off counts four times): a hit this close to the text's estimate is it


class FindTarget(NamedTuple):
    """The current hit as the text knows it."""

    page: int  # 0-based
    ordinal: int  # its place among the text's hits on that page
    total: int  # the text's hits on that page
    box: BBox  # where the text's blocks put it (line-level)


def find_target(mapper: PageMapper, hits: Sequence[tuple[int, int]], index: int) -> FindTarget | None:
    """`hits[index]` (canonical spans, in order) as a target on its page; None if it maps to no page."""

    def placed(number: int) -> tuple[int, BBox] | None:
        rects = mapper.rects(*hits[number])
        return next(((page, boxes[0]) for page, boxes in rects.items() if boxes), None)

    here = placed(index)
    if here is None:
        return None
    page, box = here
    first = index
    while first > 0 and (before := placed(first - 1)) is not None and before[0] == page:
        first -= 1
    last = index
    while last + 1 < len(hits) and (after := placed(last + 1)) is not None and after[0] == page:
        last += 1
    return FindTarget(page, index - first, last - first + 1, box)


def _gap(a: BBox, b: BBox) -> float:
    """How far apart two boxes are; lines apart counts for more than across a line."""
    dx = max(a[0] - b[2], b[0] - a[2], 0.0)
    dy = max(a[1] - b[3], b[1] - a[3], 0.0)
    return dx + 4 * dy


class PageFind:
    """The query, the hits found so far on each page (they arrive page by page), and the current one."""

    def __init__(self, keep: int = 48) -> None:
        self.keep = keep
        self.query = ""
        self.hits: dict[int, list[Hit]] = {}
        self.target: FindTarget | None = None

    def set_query(self, query: str) -> None:
        if query != self.query:
            self.query = query
            self.hits.clear()

    def missing(self, pages: Iterable[int]) -> list[int]:
        """Pages among `pages` whose hits are not known yet."""
        return [page for page in pages if page not in self.hits] if self.query.strip() else []

    def add(self, page: int, query: str, hits: list[Hit]) -> bool:
        """Take a page's hits; False if they are for an earlier query."""
        if query != self.query:
            return False
        self.hits[page] = hits
        # Pages long scrolled past go first; the current hit's page stays.
        for old in [p for p in self.hits if self.target is None or p != self.target.page]:
            if len(self.hits) <= self.keep:
                break
            del self.hits[old]
        return True

    def current(self) -> Hit | None:
        """The current hit's boxes: exact once its page's hits are known, else None."""
        target = self.target
        if target is None or target.page not in self.hits:
            return None
        found = self.hits[target.page]
        if not found:
            return (target.box,)  # no printed text to match (a scan, say): the text's estimate
        # The page's hits in order, when they line up with the text's and sit where it expects;
        # else (the import dropped a running header, or read columns in another order) the nearest.
        if len(found) == target.total and _gap(found[target.ordinal][0], target.box) <= NEAR:
            return found[target.ordinal]
        closeness = [(_gap(hit[0], target.box), abs(i - target.ordinal)) for i, hit in enumerate(found)]
        return found[closeness.index(min(closeness))]

    def clear(self) -> None:
        self.query = ""
        self.hits.clear()
        self.target = None
