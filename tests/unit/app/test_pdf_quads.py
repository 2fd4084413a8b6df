"""Exact boxes of canonical-text passages on PDF pages: the same boxes PyMuPDF finds for the words."""

from __future__ import annotations

import random
from pathlib import Path

import pymupdf
import pytest

from app.errors import AppError
from app.ingest import load
from app.ingest.pdfquads import PageSlice, page_chars, passage_quads
from app.model import DocumentText, Quad

from tests.factories import write_agenda_pack, write_moderngov_minutes, write_pdf_minutes

LINES = (
    "Minutes of the Parish Council",
    "The committee resolved to repair the bench by the pond and to recom-",
    "mend that the clerk writes to the owner of the field next to the",
    "church about the hedge.",
)


def _slices(text: DocumentText) -> list[PageSlice]:
    return [PageSlice(page.number - 1, page.start, text.text[page.start : page.end]) for page in text.pages]


def _near(found: Quad, page: int, rect: pymupdf.Rect, slack: float = 0.5) -> bool:
    return found[0] == page and all(
        abs(a - b) <= slack for a, b in zip(found[1:], (rect.x0, rect.y0, rect.x1, rect.y1), strict=True)
    )


@pytest.fixture
def wrapped(tmp_path: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "\n".join(LINES), fontsize=11, lineheight=1.4)
    doc.save(tmp_path / "wrapped.pdf")
    doc.close()
    return tmp_path / "wrapped.pdf"


def test_a_passage_over_three_lines_gets_one_box_a_line_on_its_words(wrapped: Path) -> None:
    text = load(wrapped)
    start, end = text.text.index("bench"), text.text.index("church") + len("church")
    [quads] = passage_quads(str(wrapped), _slices(text), [(start, end)])
    assert quads is not None and len(quads) == 3
    with pymupdf.open(wrapped) as doc:
        page = doc[0]
        first = page.search_for("bench by the pond and to recom")[0]
        middle = page.search_for(LINES[2])[0]
        last = page.search_for("church")[0]
    # From "bench" (mid-line) to the hyphenated word's end, the whole middle line, then "church" alone.
    expected = (first, middle, last)
    assert [_near(quad, 0, rect) for quad, rect in zip(quads, expected, strict=True)] == [True] * 3


def test_a_word_inside_a_line_is_boxed_alone(wrapped: Path) -> None:
    text = load(wrapped)
    start = text.text.index("pond")
    [quads] = passage_quads(str(wrapped), _slices(text), [(start + 1, start + 4)])  # "ond"
    with pymupdf.open(wrapped) as doc:
        rect = doc[0].search_for("ond")[0]
    assert quads is not None and len(quads) == 1 and _near(quads[0], 0, rect)


@pytest.mark.parametrize("write", [write_pdf_minutes, write_moderngov_minutes])
def test_every_character_of_real_layouts_is_found_on_its_page(tmp_path: Path, write: object) -> None:
    path = write(tmp_path / "paper.pdf")  # type: ignore[operator]
    text = load(path)
    found = total = 0
    with pymupdf.open(path) as doc:
        for piece in _slices(text):
            chars = page_chars(doc[piece.index], piece)
            for offset, char in enumerate(piece.text, piece.start):
                if not char.isspace():
                    total += 1
                    found += chars.get(offset, ("",))[0] == char
    assert found >= 0.98 * total  # headings, columns, tables, bullets: nearly every character placed


def test_passages_across_pages_and_running_heads(tmp_path: Path) -> None:
    path = write_agenda_pack(tmp_path / "pack.pdf", 3)
    text = load(path)
    rng = random.Random(5)
    spans = []
    for _ in range(30):
        start = rng.randrange(len(text.text) - 400)
        spans.append((start, start + rng.randrange(20, 400)))
    boundary = text.pages[1].start
    spans.append((boundary - 40, boundary + 40))  # crosses from page 1 to page 2
    found = passage_quads(str(path), _slices(text), spans)
    assert all(quads is not None for quads in found)
    assert {quad[0] for quad in found[-1] or ()} == {0, 1}
    with pymupdf.open(path) as doc:
        for (start, end), quads in zip(spans, found, strict=True):
            boxed = "".join(
                doc[page].get_textbox(pymupdf.Rect(x0 - 1, y0 + 1, x1 + 1, y1 - 1))
                for page, x0, y0, x1, y1 in quads or ()
            )
            # Every word of the passage is inside its boxes (the boxes may hold a cut word's rest).
            assert all(word.strip(".,") in boxed for word in text.text[start:end].split()[1:-1])


def test_a_changed_file_places_nothing_rather_than_the_wrong_words(wrapped: Path, tmp_path: Path) -> None:
    text = load(wrapped)
    start = text.text.index("repair the bench")
    other = tmp_path / "other.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "Something else entirely, printed in its place.", fontsize=11)
    doc.save(other)
    doc.close()
    assert passage_quads(str(other), _slices(text), [(start, start + 16)]) == [None]
    with pytest.raises(AppError, match="no page 5"):
        passage_quads(str(wrapped), [PageSlice(4, 0, "x")], [(0, 1)])
