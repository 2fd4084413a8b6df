"""Assemble a `DocumentText` from blocks in reading order; plain text split into blocks."""

from __future__ import annotations

import re

from app.model import BBox, Block, BlockKind, DocumentText, Page

# A heading-ish plain-text line: short, no sentence end, ALL CAPS or "5. Title"-numbered.
# A printed item number: "5", "4A", "1.2", lettered "a", roman "iv" or "IV". A capital letter
# counts only in brackets, "(B)" or "B)": "J. Bloggs" starts with an initial, not a number.
NUMBER = r"(?:\d{1,3}[A-Za-z]?(?:\.\d{1,3})*|[a-z]|[ivx]{1,5}|[IVX]{2,5})"
CAPITAL = r"\(?[A-Z]\)"
NUMBERED_TITLE = re.compile(
    rf"^(?:(?i:item)\s+)?(\d{{1,3}}[A-Za-z]?(?:\.\d{{1,3}})*[.)]?|\(?{NUMBER}[.)]|{CAPITAL})\s+[A-Z][^.;:]{{2,80}}$"
)
MAX_HEADING_CHARS = 90
# A number as printed at the start of a heading or list item: "5", "5.", "1.2.", "(a)", "iv)", "(B)".
LEADING_NUMBER = re.compile(rf"^(\(?{NUMBER}\.?[.)]|{CAPITAL}|\d{{1,3}}(?:\.\d{{1,3}})*)(?=\s)")


MONTH_AFTER = re.compile(
    r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I
)


def capitals(text: str) -> bool:
    """Whether `text` is set in capitals: four letters or more, and every letter a capital."""
    letters = 0
    for char in text:  # a plain loop, to stop at the first small letter (most texts: at their second)
        if char.isalpha():
            if not char.isupper():
                return False
            letters += 1
    return letters >= 4


def leading_number(text: str) -> str | None:
    """The number printed at the start of `text` ("5.", "(a)", "1.2"), if any; a date's day is not one."""
    text = text.strip()
    match = LEADING_NUMBER.match(text)
    return match.group(1) if match and not MONTH_AFTER.match(text) else None


class TextBuilder:
    """Collects blocks one by one: each is stripped, separated by a newline and given its span."""

    def __init__(self) -> None:
        self._parts: list[str] = []  # the blocks' texts
        self._offset = 0
        self.blocks: list[Block] = []
        self.pages: list[Page] = []
        self._page_start = 0

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        level: int = 0,
        bold: bool = False,
        size: float | None = None,
        numbering: str | None = None,
        style: str | None = None,
        page: int | None = None,
        bbox: BBox | None = None,
    ) -> Block | None:
        """Append one block (nothing when `text` is blank) and return it."""
        text = text.strip()
        if "\n" in text:
            text = "\n".join(line.rstrip() for line in text.split("\n"))
        if not text:
            return None
        if self._parts:
            self._offset += 1  # the newline `build` puts between blocks
        start = self._offset
        self._parts.append(text)
        self._offset += len(text)
        block = Block(kind, start, self._offset, page, level, bold, size, numbering, style, bbox)
        self.blocks.append(block)
        return block

    def begin_page(self) -> None:
        self._page_start = self._offset + (1 if self._parts else 0)

    def end_page(self, number: int, width: float, height: float) -> None:
        start = min(self._page_start, self._offset)
        self.pages.append(Page(number, start, self._offset, width, height))

    def build(self, fmt: str, title: str | None = None, warnings: tuple[str, ...] = ()) -> DocumentText:
        text = "\n".join(self._parts)
        return DocumentText(text, tuple(self.blocks), fmt, tuple(self.pages), title, warnings)


def heading_hint(line: str) -> tuple[bool, str | None]:
    """Whether a lone line reads as a heading, and its printed number if it has one."""
    text = line.strip()
    if not text or len(text) > MAX_HEADING_CHARS or text.endswith((".", ",", ";")):
        return False, None
    match = NUMBERED_TITLE.match(text)
    if match and not MONTH_AFTER.match(text):
        return True, match.group(1)
    return capitals(text), None


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`..`end` narrowed to exclude surrounding whitespace."""
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())


def _runs(text: str) -> list[tuple[int, int]]:
    """Spans of runs of non-blank lines."""
    runs: list[tuple[int, int]] = []
    offset = 0
    start: int | None = None
    for line in text.split("\n"):
        if line.strip() and start is None:
            start = offset
        elif not line.strip() and start is not None:
            runs.append((start, offset - 1))
            start = None
        offset += len(line) + 1
    if start is not None:
        runs.append((start, len(text)))
    return runs


def from_plain_text(text: str, fmt: str, title: str | None = None) -> DocumentText:
    """Blocks are runs of non-blank lines, with a heading-ish first line as its own heading block.

    The canonical text is the source's text with newlines normalised and
    trailing spaces stripped; blocks only mark spans of it.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    canonical = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    blocks: list[Block] = []
    for run_start, end in _runs(canonical):
        first_end = canonical.find("\n", run_start, end)
        first_end = end if first_end < 0 else first_end
        first = canonical[run_start:first_end]
        is_heading, number = heading_hint(first)
        start = run_start
        if is_heading and first == first.lstrip():
            blocks.append(Block("heading", *_span(canonical, start, first_end), level=1, numbering=number))
            start = first_end
        body_start, body_end = _span(canonical, start, end)
        if body_start < body_end:
            blocks.append(Block("paragraph", body_start, body_end))
    return DocumentText(text=canonical, blocks=tuple(blocks), format=fmt, title=title)
