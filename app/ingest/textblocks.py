"""Build a `DocumentText` from lines of plain text: one block per paragraph."""

from __future__ import annotations

from app.model import Block, DocumentText


def from_plain_text(text: str, fmt: str, title: str | None = None) -> DocumentText:
    """Blocks are runs of non-blank lines; the canonical text keeps the source's lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    canonical = "\n".join(lines).strip("\n")
    blocks: list[Block] = []
    offset = 0
    start: int | None = None
    for line in canonical.split("\n"):
        if line.strip() and start is None:
            start = offset
        elif not line.strip() and start is not None:
            blocks.append(Block("paragraph", start, offset - 1))
            start = None
        offset += len(line) + 1
    if start is not None:
        blocks.append(Block("paragraph", start, len(canonical)))
    return DocumentText(text=canonical, blocks=tuple(blocks), format=fmt, title=title)
