"""The document as lines with offsets and the style hints of their block: what rules read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.model import Block, DocumentText

# Markdown and scraped-HTML decoration around a line's words: "### **5. Title**", "> quote".
_DECORATION = re.compile(
    r"^(?:#{1,6}\s+|>\s*)|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|\[bookmark:[^\]]*\]"
)
_BULLET = re.compile(r"^(?:[-•·▪●○◦–*+]|\uf0b7)\s+")
_BULLET_CHARS = "-•·▪●○◦–*+\uf0b7"
STRUCTURED_FORMATS = frozenset({"md", "html", "docx"})


@dataclass(frozen=True, init=False)
class Line:
    """One line of the canonical text (`text` is `doc.text[start:end]`, stripped of nothing)."""

    index: int
    start: int
    end: int
    text: str
    block: Block | None
    first_in_block: bool
    # Kept rather than recomputed: every rule reads them on every line. `words` is the stripped line
    # without Markdown emphasis or heading hashes (see `clean`).
    stripped: str = field(repr=False, compare=False)
    blank: bool = field(repr=False, compare=False)
    words: str = field(repr=False, compare=False)

    def __init__(  # noqa: PLR0917 - the dataclass's own fields
        self, index: int, start: int, end: int, text: str, block: Block | None, first_in_block: bool
    ) -> None:
        # One write of the frozen instance's attributes: a pack has thousands of lines, and a
        # dataclass's own __init__ sets each attribute by a call of its own.
        stripped = text.strip()
        self.__dict__.update(
            index=index, start=start, end=end, text=text, block=block, first_in_block=first_in_block,
            stripped=stripped, blank=not stripped, words=clean(stripped) if stripped else "",
        )

    @property
    def page(self) -> int | None:
        return self.block.page if self.block else None

    @property
    def indented(self) -> bool:
        """Printed with leading spaces: a sub-list or a caption in plain text, not a heading."""
        return self.text[:1].isspace() and not self.blank

    @property
    def kind(self) -> str | None:
        return self.block.kind if self.block else None

    @property
    def strong(self) -> bool:
        """Typographically marked: a heading block, or bold text in its own block."""
        block = self.block
        return block is not None and (block.kind == "heading" or (block.bold and self.first_in_block))


def clean(text: str) -> str:
    """A line's words without Markdown emphasis, heading hashes or bookmark artefacts."""
    # Five scans for a character each are several times quicker than one search for a class of them.
    if not ("*" in text or "_" in text or "#" in text or ">" in text or "[" in text):
        return text.strip()
    return _DECORATION.sub("", text).strip()


def unbullet(text: str) -> str:
    """`text` without a leading bullet ("- ", "• ")."""
    if text[:1] not in _BULLET_CHARS:  # most lines: no regex to run
        return text
    return _BULLET.sub("", text, count=1)


def split_lines(doc: DocumentText) -> list[Line]:
    """Every line of `doc.text`, each tied to the block that holds it (None between blocks)."""
    lines: list[Line] = []
    blocks = doc.blocks
    block_index = 0
    # The first block not wholly before the current line (None past the last).
    current: Block | None = blocks[0] if blocks else None
    offset = 0
    previous_block: Block | None = None
    for index, raw in enumerate(doc.text.split("\n")):
        end = offset + len(raw)
        while current is not None and current.end < offset:
            block_index += 1
            current = blocks[block_index] if block_index < len(blocks) else None
        block = None
        # A block of indented text starts after the indentation of its first line.
        first = offset + len(raw) - len(raw.lstrip()) if raw[:1].isspace() else offset
        if current is not None and current.start <= first <= current.end:
            block = current
        lines.append(Line(index, offset, end, raw, block, block is not None and block is not previous_block))
        previous_block = block
        offset = end + 1
    return lines


Around = tuple[list[int], list[int]]


def neighbours(lines: list[Line]) -> Around:
    """For each line, the index of the previous and of the next non-blank line (-1 when none)."""
    previous = [-1] * len(lines)
    following = [-1] * len(lines)
    last = -1
    for line in lines:
        previous[line.index] = last
        if not line.blank:
            last = line.index
    last = -1
    for line in reversed(lines):
        following[line.index] = last
        if not line.blank:
            last = line.index
    return previous, following


def starts_paragraph(lines: list[Line], index: int) -> bool:
    """Whether line `index` opens a paragraph: after a blank line, or first line of its block."""
    if index == 0:
        return True
    line = lines[index]
    return lines[index - 1].blank or (line.first_in_block and line.block is not None)
