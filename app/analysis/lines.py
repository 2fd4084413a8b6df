"""The document as lines with offsets and the style hints of their block: what rules read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.model import Block, DocumentText

# Markdown and scraped-HTML decoration around a line's words: "### **5. Title**", "> quote".
_DECORATION = re.compile(
    r"^(?:#{1,6}\s+|>\s*)|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|\[bookmark:[^\]]*\]"
)
_MARKS = re.compile(r"[*_#>\[]")
_BULLET = re.compile(r"^(?:[-•·▪●○◦–*+]|\uf0b7)\s+")
STRUCTURED_FORMATS = frozenset({"md", "html", "docx"})


@dataclass(frozen=True)
class Line:
    """One line of the canonical text (`text` is `doc.text[start:end]`, stripped of nothing)."""

    index: int
    start: int
    end: int
    text: str
    block: Block | None
    first_in_block: bool
    # Kept rather than recomputed: every rule reads them on every line. `words` is the stripped line
    # without Markdown emphasis or heading hashes (see `clean`); computed here, not as a cached
    # property, whose lock on each first read costs more than the cleaning on a 500-page pack.
    stripped: str = field(init=False, repr=False, compare=False)
    blank: bool = field(init=False, repr=False, compare=False)
    words: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        stripped = self.text.strip()
        object.__setattr__(self, "stripped", stripped)
        object.__setattr__(self, "blank", not stripped)
        object.__setattr__(self, "words", clean(stripped) if stripped else "")

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
    if _MARKS.search(text) is None:
        return text.strip()
    return _DECORATION.sub("", text).strip()


def unbullet(text: str) -> str:
    """`text` without a leading bullet ("- ", "• ")."""
    return _BULLET.sub("", text, count=1)


def split_lines(doc: DocumentText) -> list[Line]:
    """Every line of `doc.text`, each tied to the block that holds it (None between blocks)."""
    lines: list[Line] = []
    blocks = doc.blocks
    block_index = 0
    offset = 0
    previous_block: Block | None = None
    for index, raw in enumerate(doc.text.split("\n")):
        end = offset + len(raw)
        while block_index < len(blocks) and blocks[block_index].end < offset:
            block_index += 1
        block = None
        # A block of indented text starts after the indentation of its first line.
        first = offset + len(raw) - len(raw.lstrip()) if raw[:1].isspace() else offset
        if block_index < len(blocks) and blocks[block_index].start <= first <= blocks[block_index].end:
            block = blocks[block_index]
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
