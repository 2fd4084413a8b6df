"""Positions in the canonical text ↔ positions in the text view's laid-out document, character-exact.

The text view re-flows lines and drops spacing, but never changes a visible
character: so the n-th non-blank character of the blocks is the n-th non-blank
character of the laid-out document, and matching them maps one to the other.
"""

from __future__ import annotations

import bisect
from array import array

from app.model import DocumentText

# Characters Qt adds to a document's raw text for paragraphs, line breaks, tables and images.
_LAYOUT_CHARS = frozenset("\u2028\u2029\ufdd0\ufdd1\ufffc")


def _visible(text: str, start: int, end: int, into: array[int]) -> None:
    into.extend(at for at in range(start, end) if not text[at].isspace() and text[at] not in _LAYOUT_CHARS)


class TextMap:
    """Built from the canonical text and the document's raw text (`QTextDocument.toRawText()`)."""

    def __init__(self, doc: DocumentText, raw: str) -> None:
        self._canonical: array[int] = array("l")
        for block in doc.blocks:  # in the order the view lays them out
            _visible(doc.text, block.start, block.end, self._canonical)
        self._laid_out: array[int] = array("l")
        _visible(raw, 0, len(raw), self._laid_out)
        # Should the two ever disagree in length, the common part still maps (the rest clamps).
        self._count = min(len(self._canonical), len(self._laid_out))

    def to_view(self, offset: int) -> int:
        """The laid-out position of the first visible character at or after canonical `offset`."""
        if not self._count:
            return 0
        index = min(bisect.bisect_left(self._canonical, offset, 0, self._count), self._count - 1)
        return self._laid_out[index]

    def to_text(self, position: int) -> int:
        """The canonical offset of the first visible character at or after laid-out `position`."""
        if not self._count:
            return 0
        index = min(bisect.bisect_left(self._laid_out, position, 0, self._count), self._count - 1)
        return self._canonical[index]

    def span_to_view(self, start: int, end: int) -> tuple[int, int]:
        """A canonical passage `[start, end)` as a laid-out range (its first to past its last character)."""
        if not self._count or end <= start:
            return (0, 0)
        first = bisect.bisect_left(self._canonical, start, 0, self._count)
        last = bisect.bisect_left(self._canonical, end, 0, self._count) - 1
        if first >= self._count or last < first:
            return (0, 0)
        return (self._laid_out[first], self._laid_out[last] + 1)

