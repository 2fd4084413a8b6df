"""Invariants every loader's `DocumentText` must keep, shared by the ingest tests."""

from __future__ import annotations

from app.model import Block, DocumentText


def assert_well_formed(doc: DocumentText) -> None:
    """Blocks in order, inside the text, not overlapping, separated by newlines, not blank."""
    previous: Block | None = None
    for block in doc.blocks:
        assert 0 <= block.start < block.end <= len(doc.text), block
        text = doc.block_text(block)
        assert text == text.strip(), f"block has surrounding whitespace: {text!r}"
        if previous is not None:
            assert previous.end < block.start, (previous, block)
            assert doc.text[previous.end : block.start].strip() == "", (previous, block)
            assert "\n" in doc.text[previous.end : block.start]
        previous = block
    for line in doc.text.split("\n"):
        assert line == line.rstrip(), f"trailing space: {line!r}"


def kinds(doc: DocumentText) -> list[tuple[str, str]]:
    return [(block.kind, doc.block_text(block)) for block in doc.blocks]
