"""Exact line boxes (quads) of canonical-text passages on a PDF's pages, from PyMuPDF's character boxes.

The canonical text of a page is what ingestion made of the page's characters:
running heads dropped, wrapped lines joined (a line-end hyphen dropped), blocks
reordered. So the page's characters are matched to the canonical text in two
passes — whole words in order first (fast, and nearly everything), then the
characters of whatever is left (hyphenated words, reordered columns, bullets) —
and a passage's boxes are the matched characters' boxes, joined per printed line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import pymupdf

from app.errors import AppError
from app.ingest.pdf import TEXT_FLAGS
from app.ingest.pdflines import BULLETS
from app.ingest.pdfopen import open_pdf
from app.model import BBox, Quad

# A passage whose characters are not found at least this well is not placed (the file changed).
MIN_FOUND = 0.9
# The second pass matches single characters; past this many it would be slow and is skipped.
MAX_LEFTOVER = 20_000
WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class PageSlice:
    """One page's share of the canonical text: 0-based page `index`, its first offset and its text."""

    index: int
    start: int
    text: str


Line = tuple[int, int]  # (block, line) of PyMuPDF's extraction: one printed line
Char = tuple[str, BBox, Line]


def _page_words(page: pymupdf.Page) -> list[list[Char]]:
    """The page's words as PyMuPDF reads them (the flags ingestion uses), each a run of characters."""
    try:
        raw: dict[str, Any] = page.get_text("rawdict", flags=TEXT_FLAGS)
    except (RuntimeError, ValueError):  # a damaged content stream: no boxes on this page
        return []
    words: list[list[Char]] = []
    for block_number, block in enumerate(raw.get("blocks", ())):
        for line_number, line in enumerate(block.get("lines", ())):
            word: list[Char] = []
            for char in (c for span in line["spans"] for c in span["chars"]):
                text = BULLETS.get(char["c"], char["c"])
                if text.isspace() or text == "\u00ad":
                    if word:
                        words.append(word)
                    word = []
                    continue
                word.append((text, tuple(char["bbox"]), (block_number, line_number)))
            if word:
                words.append(word)
    return words


def _match_words(canon: list[re.Match[str]], words: list[list[Char]], found: dict[int, Char]) -> None:
    """Whole words that read the same, in order: each character to its box."""
    printed = ["".join(c[0] for c in word) for word in words]
    matcher = SequenceMatcher(None, [m.group() for m in canon], printed, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for match, word in zip(canon[a : a + size], words[b : b + size], strict=True):
            for offset, char in zip(range(match.start(), match.end()), word, strict=True):
                found[offset] = char


def _match_leftovers(canon_text: str, start: int, words: list[list[Char]], found: dict[int, Char]) -> None:
    """The characters no whole word matched, on both sides in order, matched one by one."""
    offsets = [start + i for i, c in enumerate(canon_text) if not c.isspace() and start + i not in found]
    used = {id(char) for char in found.values()}
    chars = [char for word in words for char in word if id(char) not in used]
    if not offsets or not chars or len(offsets) + len(chars) > MAX_LEFTOVER:
        return
    left = "".join(canon_text[offset - start] for offset in offsets)
    matcher = SequenceMatcher(None, left, "".join(c[0] for c in chars), autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            found[offsets[a + k]] = chars[b + k]


def page_chars(page: pymupdf.Page, piece: PageSlice) -> dict[int, Char]:
    """Canonical offset → the printed character (text, box, line) it was read from, where found."""
    words = _page_words(page)
    found: dict[int, Char] = {}
    _match_words(list(WORD.finditer(piece.text)), words, found)
    shifted = {piece.start + offset: char for offset, char in found.items()}
    _match_leftovers(piece.text, piece.start, words, shifted)
    return shifted


def _joined(chars: Iterator[tuple[int, Char]]) -> tuple[Quad, ...]:
    """The characters' boxes joined into one box per printed line, in reading order."""
    lines: dict[tuple[int, Line], Quad] = {}
    for page, (_text, (x0, y0, x1, y1), line) in chars:
        key = (page, line)
        _, a0, b0, a1, b1 = lines.get(key, (page, x0, y0, x1, y1))
        lines[key] = (page, min(a0, x0), min(b0, y0), max(a1, x1), max(b1, y1))
    return tuple(lines.values())


def span_quads(maps: dict[int, dict[int, Char]], quote: str, start: int) -> tuple[Quad, ...] | None:
    """The quads of the passage `quote` starting at canonical `start`, from the pages' character maps
    (page index → map), or None when too few of its characters were found (a changed file, an OCR'd page)."""
    wanted = [start + i for i, char in enumerate(quote) if not char.isspace()]
    placed = [(page, chars[offset]) for offset in wanted for page, chars in maps.items() if offset in chars]
    if not wanted or len(placed) < MIN_FOUND * len(wanted):
        return None
    return _joined(iter(placed))


def _span_text(pages: list[PageSlice], start: int, end: int) -> str:
    """`[start, end)` of the canonical text as the pages give it (a space where none does)."""
    chars = [" "] * (end - start)
    for piece in pages:
        lo, hi = max(start, piece.start), min(end, piece.start + len(piece.text))
        if lo < hi:
            chars[lo - start : hi - start] = piece.text[lo - piece.start : hi - piece.start]
    return "".join(chars)


def passage_quads(
    path: str, pages: list[PageSlice], spans: list[tuple[int, int]], password: str | None = None
) -> list[tuple[Quad, ...] | None]:
    """Quads for each canonical `[start, end)` of `spans`; `pages`: the pages they touch, with
    their text. Runs in the worker process (PyMuPDF); None for a span that cannot be placed."""
    source = Path(path)
    doc = open_pdf(source, password)
    try:
        maps: dict[int, dict[int, Char]] = {}
        for piece in pages:
            if not 0 <= piece.index < doc.page_count:
                raise AppError(f"{source.name} has no page {piece.index + 1}: it changed since it was read.")
            maps[piece.index] = page_chars(doc[piece.index], piece)
    finally:
        doc.close()
    return [span_quads(maps, _span_text(pages, start, end), start) for start, end in spans]
