"""The page view as a reader meets it: pages drawn, zoom, fit, scroll, rotation, selection, bad files."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pymupdf
import pytest
from pytestqt.qtbot import QtBot

from app.errors import AppError, PasswordRequired
from app.render import PageRenderer, Word

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from ui.reader.page_cache import PageCache, PageKey
from ui.reader.page_layout import GAP, PX_PER_PT
from ui.reader.page_paint import BACKGROUND
from ui.reader.page_selection import Anchor, TextSelection, span_at
from ui.reader.page_view import MAX_PIXELS, PageView

from tests.gui.conftest import PageViewFactory

A4 = (595.0, 842.0)
BOX = pymupdf.Rect(100, 100, 300, 300)  # the black square on every page
LINES = ("Minutes of the parish council", "Resolved that the budget be approved")


def write_pdf(path: Path, pages: int = 3, *, password: str | None = None) -> Path:
    """A4 pages, each with a black square, two lines of text and its number."""
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page(width=A4[0], height=A4[1])
        page.draw_rect(BOX, fill=(0, 0, 0))
        for row, line in enumerate(LINES):
            page.insert_text((72, 400 + 30 * row), line, fontsize=14)
        page.insert_text((72, 800), f"Page {number + 1}", fontsize=10)
    if password:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", user_pw=password)
    else:
        doc.save(path)
    return path


@pytest.fixture
def view(make_page_view: PageViewFactory) -> PageView:
    return make_page_view(700, 900)


def settle(qtbot: QtBot, view: PageView) -> None:
    """Wait until every visible page has its exact image."""
    qtbot.waitUntil(lambda: all(view.is_page_ready(page) for page in view.visible_pages()), timeout=5000)


def pixel(view: PageView, point: QPointF) -> QColor:
    image = view.viewport().grab().toImage()
    return image.pixelColor(point.toPoint())


def is_dark(colour: QColor) -> bool:
    return colour.lightness() < 60


def test_opening_shows_page_one(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    with qtbot.waitSignal(view.page_changed) as changed:
        view.open(write_pdf(tmp_path / "pack.pdf"))
    assert changed.args == [0]
    assert view.page_count == 3 and view.current_page == 0
    assert view.accessibleName() == "Page view"
    assert view.accessibleDescription() == "Page 1 of 3"
    settle(qtbot, view)
    assert is_dark(pixel(view, view.page_to_view(0, 200, 200)))  # inside the black square
    assert pixel(view, view.page_to_view(0, 450, 200)) == QColor(Qt.GlobalColor.white)
    assert pixel(view, QPointF(view.page_rect(0).left() - GAP // 2, 300)) == BACKGROUND


def test_zoom_scales_the_page_width(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    view.open(write_pdf(tmp_path / "pack.pdf"))
    with qtbot.waitSignal(view.zoom_changed) as changed:
        view.set_zoom(1.0)
    assert changed.args == [1.0] and view.zoom_mode == "custom"
    width = view.page_rect(0).width()
    assert width == round(A4[0] * PX_PER_PT)
    view.set_zoom(2.0)
    assert abs(view.page_rect(0).width() - 2 * width) <= 1
    view.set_zoom(9.0)
    assert view.zoom == 4.0
    view.set_zoom(0.1)
    assert view.zoom == 0.5
    view.zoom_in()
    assert view.zoom == 0.67
    view.zoom_out()
    assert view.zoom == 0.5
    settle(qtbot, view)
    assert is_dark(pixel(view, view.page_to_view(0, 200, 200)))


def test_fit_width_fills_the_viewport_and_fit_page_shows_it_whole(
    qtbot: QtBot, view: PageView, tmp_path: Path
) -> None:
    view.open(write_pdf(tmp_path / "pack.pdf"))
    assert view.zoom_mode == "fit-width"
    assert abs(view.page_rect(0).width() - (view.viewport().width() - 2 * GAP)) <= 1
    view.resize(500, 900)
    assert abs(view.page_rect(0).width() - (view.viewport().width() - 2 * GAP)) <= 1
    view.resize(700, 600)
    view.fit_page()
    rect = view.page_rect(view.current_page)
    assert rect.height() <= view.viewport().height() - 2 * GAP + 1
    assert rect.width() < view.viewport().width() - 2 * GAP


def test_scrolling_moves_the_current_page(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    view.open(write_pdf(tmp_path / "pack.pdf", pages=12))
    bar = view.verticalScrollBar()
    with qtbot.waitSignal(view.page_changed) as changed:
        bar.setValue(view.page_rect(5).top())
    assert changed.args == [5] and view.current_page == 5
    view.set_current_page(8)
    assert view.current_page == 8 and view.page_rect(8).top() == GAP
    assert view.accessibleDescription() == "Page 9 of 12"
    view.set_current_page(11)
    assert view.current_page == 11  # the last page, though it cannot reach the top
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert bar.value() == 0 and view.current_page == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() == bar.pageStep() > view.viewport().height() // 2
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert bar.value() == 2 * bar.pageStep()
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert bar.value() == 0
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() and view.current_page == 11


def test_zoom_and_resize_keep_the_reading_position(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    view.open(write_pdf(tmp_path / "pack.pdf", pages=12))
    view.resize(650, 900)
    assert view.verticalScrollBar().value() == 0
    view.set_current_page(5)
    view.set_zoom(2.0)
    assert view.current_page == 5
    assert 0 <= view.page_rect(5).top() <= 2 * GAP
    view.fit_width()
    assert view.current_page == 5


def test_page_sizes_past_the_first_arrive_after_opening(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    doc = pymupdf.open()
    for number in range(40):
        doc.new_page(width=A4[1], height=A4[0]) if number == 30 else doc.new_page(width=A4[0], height=A4[1])
    doc.save(tmp_path / "mixed.pdf")
    view.open(tmp_path / "mixed.pdf")
    assert view.page_count == 40
    qtbot.waitUntil(lambda: view.page_rect(30).width() > view.page_rect(30).height(), timeout=5000)
    assert view.page_rect(31).width() < view.page_rect(31).height()
    assert view.current_page == 0 and view.verticalScrollBar().value() == 0


def test_keyboard_and_wheel_zoom(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    view.open(write_pdf(tmp_path / "pack.pdf"))
    view.set_zoom(1.0)
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 1.1
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 0.9
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 1.0
    # Ctrl+wheel zooms about the mouse: the point under it stays put.
    under = view.page_to_view(0, 200, 200)
    wheel = QWheelEvent(
        under, view.viewport().mapToGlobal(under), QPoint(0, 0), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(1.1)
    after = view.page_to_view(0, 200, 200)
    assert abs(after.x() - under.x()) <= 1 and abs(after.y() - under.y()) <= 1


def test_rotation_swaps_width_and_height(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    view.open(write_pdf(tmp_path / "pack.pdf"))
    view.set_zoom(0.5)
    upright = view.page_rect(0)
    view.rotate_clockwise()
    assert view.rotation == 90
    turned = view.page_rect(0)
    assert abs(turned.width() - upright.height()) <= 1 and abs(turned.height() - upright.width()) <= 1
    settle(qtbot, view)
    # The square at the page's top left now sits at its top right.
    square = view.page_to_view(0, 200, 200)
    assert square.x() > turned.center().x() and square.y() < turned.center().y()
    assert is_dark(pixel(view, square))
    view.rotate_counterclockwise()
    view.rotate_counterclockwise()
    assert view.rotation == 270


def page_words(path: Path) -> list[tuple[Word, ...]]:
    """Every page's words, read before the view opens the file (PyMuPDF is for one thread at a time)."""
    renderer = PageRenderer(path)
    words = [renderer.words(page) for page in range(renderer.page_count)]
    renderer.close()
    return words


def centre(view: PageView, page: int, word: Word) -> QPoint:
    return view.page_to_view(page, (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2).toPoint()


def drag(qtbot: QtBot, view: PageView, start: QPoint, end: QPoint) -> None:
    with qtbot.waitSignal(view.selection_changed):
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view.viewport(), pos=(start + end) / 2)
        qtbot.mouseMove(view.viewport(), pos=end)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    qtbot.waitUntil(view.has_selection, timeout=3000)


def test_mouse_drag_selects_words_in_reading_order(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "pack.pdf")
    words = page_words(path)[0]
    view.open(path)
    view.set_zoom(1.0)
    settle(qtbot, view)
    # From "budget" on the second line back to "the" on the first.
    drag(qtbot, view, centre(view, 0, words[8]), centre(view, 0, words[2]))
    assert view.selected_text() == "the parish council\nResolved that the budget"
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == view.selected_text()
    # The selection is drawn: the gap between two selected words is tinted.
    margin = view.page_to_view(0, 60, 395)  # on the first line, left of "Minutes"
    assert pixel(view, margin) == QColor(Qt.GlobalColor.white)
    mid = view.page_to_view(0, (words[2].x1 + words[3].x0) / 2, (words[2].y0 + words[2].y1) / 2)
    assert pixel(view, mid) != QColor(Qt.GlobalColor.white)
    view.clear_selection()
    assert view.selected_text() == "" and not view.has_selection()


def test_a_click_clears_the_selection_and_a_double_click_selects_a_word(
    qtbot: QtBot, view: PageView, tmp_path: Path
) -> None:
    path = write_pdf(tmp_path / "pack.pdf")
    words = page_words(path)[0]
    view.open(path)
    view.set_zoom(1.0)
    settle(qtbot, view)
    drag(qtbot, view, centre(view, 0, words[0]), centre(view, 0, words[4]))
    assert view.selected_text() == "Minutes of the parish council"
    with qtbot.waitSignal(view.selection_changed):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(view, 0, words[3]))
    assert not view.has_selection()
    with qtbot.waitSignal(view.selection_changed):
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre(view, 0, words[3]))
    assert view.selected_text() == "parish"


def test_selection_runs_across_pages(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "pack.pdf")
    words = page_words(path)
    view.open(path)
    view.set_zoom(0.5)
    settle(qtbot, view)
    drag(qtbot, view, centre(view, 0, words[0][10]), centre(view, 1, words[1][1]))
    assert view.selected_text() == "approved\nPage 1\nMinutes of"


def test_dragging_past_the_bottom_edge_scrolls_on(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "pack.pdf")
    words = page_words(path)[0]
    view.open(path)
    view.set_zoom(1.0)
    settle(qtbot, view)
    start = centre(view, 0, words[0])
    below = QPoint(start.x(), view.viewport().height() + 60)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), pos=below)
    assert view.verticalScrollBar().value() == 60
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=below)
    qtbot.waitUntil(view.has_selection, timeout=3000)
    assert view.selected_text().startswith("Minutes of the parish council\nResolved")


def _line(texts: str, line: int = 0, y: float = 100) -> tuple[Word, ...]:
    return tuple(Word(50 + 60 * i, y, 100 + 60 * i, y + 12, t, line) for i, t in enumerate(texts.split()))


def test_selection_state_waits_for_words_and_keeps_few_pages() -> None:
    text = TextSelection(keep=2)
    assert not text.set_ends((Anchor(0, 170, 105), Anchor(2, 60, 105)))  # from "c" to "x"
    assert text.missing() == [0, 1, 2]
    text.add_words(0, _line("a b c d"))
    assert text.current is None  # the far end's page is not known yet
    assert text.add_words(2, _line("x y"))
    assert text.text() == "c d\nx"  # page 1's words are still missing from the text
    assert text.add_words(1, _line("m n")) is False and text.text() == "c d\nm n\nx"
    # Pages outside the selection are let go past `keep`; those inside stay.
    for page in (5, 6, 7):
        text.add_words(page, _line("far"))
    assert set(text.words) == {0, 1, 2}
    # A point in the margin beside a line stands for the gap at the line's end.
    assert span_at(_line("a b"), 400, 105) == (2, 2)
    assert span_at(_line("a b"), 10, 105) == (0, 0)
    assert span_at(_line("a b"), 75, 300) == (1, 1)  # below a word: after it
    assert span_at((), 10, 10) == (0, 0)


def test_only_visible_pages_and_one_ahead_are_rendered(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    rendered: list[int] = []
    view.page_rendered.connect(rendered.append)
    view.open(write_pdf(tmp_path / "pack.pdf", pages=60))
    view.set_zoom(1.0)
    visible = list(view.visible_pages())
    qtbot.waitUntil(lambda: set(rendered) >= {*visible, visible[-1] + 1}, timeout=5000)
    qtbot.wait(100)
    assert set(rendered) == {*visible, visible[-1] + 1}
    # Racing through the document: the pages passed on the way are overtaken, not rendered.
    rendered.clear()
    for page in range(5, 55, 5):
        view.set_current_page(page)
    settle(qtbot, view)
    qtbot.wait(100)
    assert set(view.visible_pages()) <= set(rendered)
    assert len(rendered) < 10
    assert len(set(rendered)) == len(rendered)


def test_a_stand_in_shows_while_the_new_zoom_renders(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    view.open(write_pdf(tmp_path / "pack.pdf"))
    view.set_zoom(1.0)
    settle(qtbot, view)
    view.set_zoom(2.0)
    assert not view.is_page_ready(0)
    # No event processed yet, so the exact image cannot have arrived: the old one is stretched.
    assert is_dark(pixel(view, view.page_to_view(0, 200, 200)))
    settle(qtbot, view)
    assert view.is_page_ready(0)


def test_the_cache_evicts_least_recently_used_beyond_its_budget() -> None:
    image = QImage(100, 100, QImage.Format.Format_RGB32)
    cache = PageCache(budget=3 * image.sizeInBytes())
    for page in range(3):
        cache.put(PageKey(page, 1.0, 0), image.copy())
    assert cache.get(PageKey(0, 1.0, 0)) is not None  # page 0 is now the most recently used
    cache.put(PageKey(3, 1.0, 0), image.copy())
    assert PageKey(1, 1.0, 0) not in cache
    assert {PageKey(p, 1.0, 0) in cache for p in (0, 2, 3)} == {True}
    assert cache.bytes_used == 3 * image.sizeInBytes() and len(cache) == 3
    big = QImage(400, 400, QImage.Format.Format_RGB32)
    cache.put(PageKey(2, 4.0, 0), big)  # larger than the whole budget: kept, everything else goes
    assert len(cache) == 1 and cache.stand_in(2, 0) is big and cache.stand_in(2, 90) is None
    # Pinned images (the pages on screen) stay, even past the budget.
    cache.put(PageKey(5, 4.0, 0), big.copy(), pinned={PageKey(2, 4.0, 0)})
    assert PageKey(2, 4.0, 0) in cache and PageKey(5, 4.0, 0) in cache
    assert cache.bytes_used == 2 * big.sizeInBytes()


def test_huge_pages_render_within_the_pixel_cap(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=2384, height=3370)  # A0
    page.draw_rect(pymupdf.Rect(0, 0, 1000, 1000), fill=(0, 0, 0))
    doc.save(tmp_path / "poster.pdf")
    view.open(tmp_path / "poster.pdf")
    view.set_zoom(4.0)
    settle(qtbot, view)
    image = view.cache.stand_in(0, 0)
    assert image is not None and image.width() * image.height() <= MAX_PIXELS
    assert is_dark(pixel(view, QPointF(100, 100)))


def test_the_view_keeps_its_cache_within_budget(qtbot: QtBot, tmp_path: Path) -> None:
    view = PageView(cache_budget=12 * 1024 * 1024)
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    view.open(write_pdf(tmp_path / "pack.pdf", pages=20))
    for page in range(0, 20, 2):
        view.set_current_page(page)
        settle(qtbot, view)
        assert view.cache.bytes_used <= 12 * 1024 * 1024
    assert 1 < len(view.cache) < 10
    view.shut_down()


def test_highlights_tint_the_page(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    view.open(write_pdf(tmp_path / "pack.pdf"))
    settle(qtbot, view)
    spot = view.page_to_view(0, 450, 150)
    assert pixel(view, spot) == QColor(Qt.GlobalColor.white)
    view.set_highlights([(0, [(400, 120, 500, 180)], QColor(255, 230, 0), "Item 1")])
    assert pixel(view, spot) == QColor(255, 230, 0)
    assert is_dark(pixel(view, view.page_to_view(0, 200, 200)))  # ink stays dark under a highlight
    view.set_highlights([])
    assert pixel(view, spot) == QColor(Qt.GlobalColor.white)


def test_an_encrypted_pdf_needs_its_password(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "locked.pdf", password="council")
    with pytest.raises(PasswordRequired, match="password"):
        view.open(path)
    assert view.page_count == 0
    view.open(path, "council")
    settle(qtbot, view)
    assert is_dark(pixel(view, view.page_to_view(0, 200, 200)))


@pytest.mark.parametrize("content", [b"%PDF-1.4\n1 0 obj broken", b"\x00" * 500])
def test_a_corrupt_pdf_is_an_app_error_and_the_view_survives(
    qtbot: QtBot, view: PageView, tmp_path: Path, content: bytes
) -> None:
    good = write_pdf(tmp_path / "good.pdf")
    view.open(good)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(content)
    with pytest.raises(AppError):
        view.open(bad)
    # The document already open stays open and drawn.
    assert view.page_count == 3
    settle(qtbot, view)
    assert is_dark(pixel(view, view.page_to_view(0, 200, 200)))


def test_opening_another_document_replaces_the_first(qtbot: QtBot, view: PageView, tmp_path: Path) -> None:
    view.open(write_pdf(tmp_path / "short.pdf", pages=3))
    view.set_current_page(2)
    view.set_highlights([(0, [(0, 0, 10, 10)], QColor("yellow"), "Resolution")])
    with qtbot.waitSignal(view.page_changed) as changed:
        view.open(write_pdf(tmp_path / "long.pdf", pages=12))
    assert changed.args == [0] and view.page_count == 12
    assert view.accessibleDescription() == "Page 1 of 12"
    settle(qtbot, view)
    assert pixel(view, view.page_to_view(0, 5, 5)) == QColor(Qt.GlobalColor.white)  # highlights went too
    view.close_document()
    assert view.page_count == 0 and view.current_page == 0 and len(view.cache) == 0
    assert pixel(view, QPointF(300, 300)) == BACKGROUND


HIGH_DPI_SCRIPT = """
import json, os, sys, time
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_SCALE_FACTOR"] = "2"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.reader.page_view import PageView
view = PageView()
view.resize(600, 800)
view.show()
view.open(Path(sys.argv[1]))
view.set_zoom(1.0)
deadline = time.monotonic() + 10
while not view.is_page_ready(0) and time.monotonic() < deadline:
    app.processEvents()
image = view.cache.stand_in(0, 0)
print(json.dumps({"dpr": view.devicePixelRatioF(), "image_width": image.width(),
                  "image_dpr": image.devicePixelRatio(), "page_width": view.page_rect(0).width()}))
view.shut_down()
"""


def test_high_dpi_screens_get_pages_rendered_at_their_pixel_density(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "pack.pdf")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", HIGH_DPI_SCRIPT, str(path)], cwd=root,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["dpr"] == 2.0 and seen["image_dpr"] == 2.0
    assert seen["page_width"] == round(A4[0] * PX_PER_PT)
    assert abs(seen["image_width"] - 2 * seen["page_width"]) <= 1


def test_a_real_pack_looks_like_a_pdf_viewer(qtbot: QtBot, view: PageView, samples: Path) -> None:
    """Saves a picture to look at (temp folder) and checks what any good viewer shows."""
    view.open(samples / "uk-souldern-pc-2018-07-26.pdf")
    view.set_zoom(0.6)
    view.verticalScrollBar().setValue(view.page_rect(1).top() - 300)
    settle(qtbot, view)
    image = view.grab().toImage()
    image.save(str(Path(tempfile.gettempdir()) / "quorum-page-view.png"))
    viewport = view.viewport().grab().toImage()
    first, second = view.page_rect(0), view.page_rect(1)
    assert first.center().x() == pytest.approx(view.viewport().width() / 2, abs=1)
    assert viewport.pixelColor(QPoint(5, 5)) == BACKGROUND
    assert viewport.pixelColor(QPoint(first.left() + 5, first.bottom() - 5)) == QColor(Qt.GlobalColor.white)
    gap = QPoint(first.center().x(), (first.bottom() + second.top()) // 2)
    assert viewport.pixelColor(gap) == BACKGROUND
    below = [viewport.pixelColor(QPoint(first.center().x(), first.bottom() + dy)) for dy in range(1, 5)]
    assert min(colour.lightness() for colour in below) < BACKGROUND.lightness()  # a shadow
    dark = sum(
        is_dark(viewport.pixelColor(QPoint(x, y)))
        for x in range(second.left(), second.right(), 3)
        for y in range(second.top(), min(second.bottom(), viewport.height()), 3)
    )
    assert dark > 50  # text on page 2
