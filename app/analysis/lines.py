"""The document as lines with offsets and the style hints of their block: what rules read."""

from __future__ import annotations

from dataclasses import dataclass

from app.model import Block, DocumentText


@dataclass(frozen=True)
class Line:
    """One line of the canonical text (`text` is `doc.text[start:end]`, stripped of nothing)."""

    index: int
    start: int
    end: int
    text: str
    block: Block | None
    first_in_block: bool

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def page(self) -> int | None:
        return self.block.page if self.block else None


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
        if block_index < len(blocks) and blocks[block_index].start <= offset <= blocks[block_index].end:
            block = blocks[block_index]
        lines.append(Line(index, offset, end, raw, block, block is not None and block is not previous_block))
        previous_block = block
        offset = end + 1
    return lines
