"""Rendered page images kept least-recently-used first within a byte budget."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection
from typing import NamedTuple

from PySide6.QtGui import QImage

DEFAULT_BUDGET = 80 * 1024 * 1024  # with the rest of the app, under the 250 MB the reader may use


class PageKey(NamedTuple):
    """What makes one rendering of a page: its 0-based index, pixels a point and view rotation."""

    page: int
    scale: float
    rotation: int


class PageCache:
    """An LRU cache of page images; adding one past the budget evicts the least recently used.

    Neither the image just added nor the pinned ones (the pages on screen) are
    evicted, so pages larger than the whole budget are still shown.
    """

    def __init__(self, budget: int = DEFAULT_BUDGET) -> None:
        self.budget = budget
        self._images: OrderedDict[PageKey, QImage] = OrderedDict()
        self._bytes = 0

    def __len__(self) -> int:
        return len(self._images)

    def __contains__(self, key: object) -> bool:
        return key in self._images

    @property
    def bytes_used(self) -> int:
        return self._bytes

    def get(self, key: PageKey) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: PageKey, image: QImage, pinned: Collection[PageKey] = ()) -> None:
        """Add `image`, then evict least recently used images other than it and the `pinned` ones."""
        old = self._images.pop(key, None)
        if old is not None:
            self._bytes -= old.sizeInBytes()
        self._images[key] = image
        self._bytes += image.sizeInBytes()
        for candidate in list(self._images):
            if self._bytes <= self.budget:
                break
            if candidate != key and candidate not in pinned:
                self._bytes -= self._images.pop(candidate).sizeInBytes()

    def stand_in(self, page: int, rotation: int) -> QImage | None:
        """The sharpest image of `page` at `rotation` at any scale, to stretch while the exact one renders."""
        best: QImage | None = None
        for key, image in self._images.items():
            if key.page != page or key.rotation != rotation:
                continue
            if best is None or image.width() > best.width():
                best = image
        return best

    def clear(self) -> None:
        self._images.clear()
        self._bytes = 0
