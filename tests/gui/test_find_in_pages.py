"""Find in the page view: hits marked on exactly the printed letters, the current one distinct and in view."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from pytestqt.qtbot import QtBot

from app.render import PageRenderer, Word

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ui.main_window import MainWindow
from ui.reader.page_find import FindTarget
from ui.reader.page_view import PageView
from ui.reader.reader_pane import PAGE

from tests.gui.conftest import PageViewFactory, open_and_wait

LINES = ("Minutes of the parish council", "Resolved that the budget be approved")


def write_pdf(path: Path, pages: int = 3, extra: dict[int, str] | None = None) -> Path:
    """A4 pages with two lines of text each, and on some pages a line of their own further down."""
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page(width=595, height=842)
        for row, line in enumerate(LINES):
            page.insert_text((72, 200 + 30 * row), line, fontsize=14)
        if extra and number in extra:
            page.insert_text((72, 700), extra[number], fontsize=14)
    doc.save(path)
    return path


def words_of(path: Path, page: int = 0) -> tuple[Word, ...]:
    renderer = PageRenderer(path)
    try:
        return renderer.words(page)
    finally:
        renderer.close()


def word(words: tuple[Word, ...], text: str, nth: int = 0) -> Word:
    return [w for w in words if w.text == text][nth]


@pytest.fixture
def view(make_page_view: PageViewFactory) -> PageView:
    return make_page_view(700, 600)


def opened(qtbot: QtBot, view: PageView, path: Path) -> None:
    view.open(path)
    view.set_zoom(1.0)
    qtbot.waitUntil(lambda: all(view.is_page_ready(page) for page in view.visible_pages()), timeout=5000)


def colour_at(view: PageView, page: int, x: float, y: float) -> QColor:
    return view.viewport().grab().toImage().pixelColor(view.page_to_view(page, x, y).toPoint())


def is_white(colour: QColor) -> bool:
    return colour == QColor(Qt.GlobalColor.white)


def test_a_hit_is_boxed_on_its_own_letters_not_the_whole_line(
    qtbot: QtBot, view: PageView, tmp_path: Path
) -> None:
    path = write_pdf(tmp_path / "minutes.pdf")
    words = words_of(path)
    opened(qtbot, view, path)
    budget = word(words, "budget")
    rough = (72.0, budget.y0, 400.0, budget.y1)  # what the text's blocks know: the line
    view.set_find("udge", FindTarget(0, 0, 1, rough), reveal=True)
    qtbot.waitUntil(lambda: view.current_hit() is not None, timeout=3000)
    hit = view.current_hit()
    assert hit is not None and len(hit) == 1
    x0, y0, x1, y1 = hit[0]
    # Inside the word, short of its first and last letters ("b", "t"), a line high.
    assert budget.x0 + 3 < x0 < x1 < budget.x1 - 3
    assert y0 == pytest.approx(budget.y0, abs=1) and y1 == pytest.approx(budget.y1, abs=1)
    # On screen: above the "u" (paper inside the hit) is tinted; the space before "budget" is not.
    middle_y = (y0 + y1) / 2
    assert not is_white(colour_at(view, 0, x0 + 2, y0 + 1.5))
    assert is_white(colour_at(view, 0, budget.x0 - 2, middle_y))
    assert is_white(colour_at(view, 0, word(words, "be").x0 + 2, y0 + 1.5))


def test_the_current_hit_stands_out_from_the_others(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "minutes.pdf")
    words = words_of(path)
    opened(qtbot, view, path)
    first, second = word(words, "the", 0), word(words, "the", 1)
    view.set_find("THE", FindTarget(0, 1, 2, (first.x0, second.y0, second.x1, second.y1)))
    qtbot.waitUntil(lambda: len(view.find_hits(0)) == 2, timeout=3000)
    hits = view.find_hits(0)
    assert view.current_hit() == hits[1]  # the second "the" of the page, as the target says
    assert [h[0][0] for h in hits] == [pytest.approx(first.x0, abs=1), pytest.approx(second.x0, abs=1)]
    other = colour_at(view, 0, first.x0 + 1, first.y0 + 1.5)
    current = colour_at(view, 0, second.x0 + 1, second.y0 + 1.5)
    assert not is_white(other) and not is_white(current) and other != current
    # The text counts this hit first but places it on the second line (its import read the page in
    # another order): where the text places it wins.
    view.set_find("THE", FindTarget(0, 0, 2, (second.x0 - 5, second.y0, second.x1 + 5, second.y1)))
    assert view.current_hit() == hits[1]
    view.set_find("")
    assert is_white(colour_at(view, 0, first.x0 + 1, first.y0 + 1.5))


def test_a_hit_spanning_two_lines_gets_a_box_on_each(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "minutes.pdf")
    words = words_of(path)
    opened(qtbot, view, path)
    view.set_find("council resolved", FindTarget(0, 0, 1, (72.0, 180.0, 400.0, 240.0)))
    qtbot.waitUntil(lambda: view.current_hit() is not None, timeout=3000)
    hit = view.current_hit()
    assert hit is not None and len(hit) == 2
    council, resolved = word(words, "council"), word(words, "Resolved")
    assert hit[0][0] == pytest.approx(council.x0, abs=1) and hit[0][2] == pytest.approx(council.x1, abs=1)
    assert hit[1][0] == pytest.approx(resolved.x0, abs=1) and hit[1][2] == pytest.approx(resolved.x1, abs=1)


def test_the_view_scrolls_to_the_current_hit(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "long.pdf", pages=8, extra={5: "Appendix on allotments"})
    opened(qtbot, view, path)
    assert 5 not in view.visible_pages()
    view.set_find("allotments", FindTarget(5, 0, 1, (72.0, 680.0, 500.0, 705.0)), reveal=True)
    qtbot.waitUntil(lambda: view.current_hit() is not None, timeout=3000)
    hit = view.current_hit()
    assert hit is not None
    top_left = view.page_to_view(5, hit[0][0], hit[0][1])
    bottom_right = view.page_to_view(5, hit[0][2], hit[0][3])
    assert view.viewport().rect().contains(top_left.toPoint())
    assert view.viewport().rect().contains(bottom_right.toPoint())
    # Zoomed in so the hit is off to the right: the view scrolls across to it too.
    view.set_zoom(4.0)
    view.horizontalScrollBar().setValue(0)
    view.set_find("allotments", FindTarget(5, 0, 1, hit[0]), reveal=True)
    right = view.page_to_view(5, hit[0][2], hit[0][3])
    assert 0 < right.x() < view.viewport().width() and 0 < right.y() < view.viewport().height()


# -- through the reader ----------------------------------------------------------------------------------


def test_find_in_the_reader_steps_through_printed_hits_across_pages(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write_pdf(tmp_path / "budget.pdf", pages=6, extra={4: "Budget monitoring report"})
    reader = open_and_wait(qtbot, window, path)
    assert reader.mode == PAGE
    reader.open_find()
    qtbot.keyClicks(reader.find_bar.field, "budget")
    assert reader.find_bar.count.text() == "1 of 7"  # one on every page, two on page 5
    pages = reader.pages
    qtbot.waitUntil(lambda: pages.current_hit() is not None, timeout=5000)
    for _ in range(5):  # to the 6th hit: page 5's own line
        qtbot.keyClick(reader.find_bar.field, Qt.Key.Key_Return)
    assert reader.find_bar.count.text() == "6 of 7"
    qtbot.waitUntil(lambda: pages.current_hit() is not None and 4 in pages.visible_pages(), timeout=5000)
    hit = pages.current_hit()
    assert hit is not None and hit[0][1] > 650  # the line further down, not the one at the top
    spot = pages.page_to_view(4, hit[0][0], hit[0][1])
    assert pages.viewport().rect().contains(spot.toPoint())
    qtbot.keyClick(reader.find_bar.field, Qt.Key.Key_Escape)
    assert pages.current_hit() is None and not pages.find_hits(4)
