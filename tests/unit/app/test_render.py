"""The page renderer: rasters where the ink is, sizes, rotation, words in reading order, bad files."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from app.errors import AppError, PasswordRequired, UnreadableFile
from app.render import PageRenderer, Raster


def _pdf(path: Path, *, rotate: int = 0, password: str | None = None) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=200, height=100)
    page.draw_rect(pymupdf.Rect(0, 0, 50, 20), fill=(0, 0, 0))
    page.insert_text((10, 60), "Minutes of the meeting", fontsize=11)
    page.insert_text((10, 85), "Resolved unanimously", fontsize=11)
    doc.new_page(width=300, height=400)
    if rotate:
        doc[0].set_rotation(rotate)
    if password:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="o" + password, user_pw=password)
    else:
        doc.save(path)
    return path


def _pixel(raster: Raster, x: int, y: int) -> tuple[int, int, int]:
    at = y * raster.stride + x * 4
    b, g, r, alpha = raster.samples[at : at + 4]  # Qt's RGB32, little-endian
    assert alpha == 255
    return r, g, b


def test_sizes_are_read_for_every_page(tmp_path: Path) -> None:
    renderer = PageRenderer(_pdf(tmp_path / "a.pdf"))
    sizes = renderer.page_sizes()
    assert renderer.page_count == 2
    assert [(s.width, s.height, s.rotation) for s in sizes] == [(200, 100, 0), (300, 400, 0)]


def test_render_puts_ink_where_the_page_has_it(tmp_path: Path) -> None:
    renderer = PageRenderer(_pdf(tmp_path / "a.pdf"))
    raster = renderer.render(0, 2.0)
    assert (raster.width, raster.height) == (400, 200)
    assert raster.stride >= raster.width * 4
    assert len(raster.samples) == raster.stride * raster.height
    assert _pixel(raster, 10, 10) == (0, 0, 0)  # inside the black box (0..100 × 0..40 px)
    assert _pixel(raster, 390, 10) == (255, 255, 255)


def test_rotation_turns_the_raster_clockwise(tmp_path: Path) -> None:
    renderer = PageRenderer(_pdf(tmp_path / "a.pdf"))
    raster = renderer.render(0, 1.0, 90)
    assert (raster.width, raster.height) == (100, 200)
    # The box at the top left of the upright page lands at the top right.
    assert _pixel(raster, 95, 5) == (0, 0, 0)
    assert _pixel(raster, 5, 5) == (255, 255, 255)
    with pytest.raises(ValueError, match="rotation"):
        renderer.render(0, 1.0, 45)


def test_page_rotation_is_reported_and_applied(tmp_path: Path) -> None:
    renderer = PageRenderer(_pdf(tmp_path / "a.pdf", rotate=90))
    size = renderer.page_sizes()[0]
    assert (size.width, size.height, size.rotation) == (200, 100, 90)
    raster = renderer.render(0, 1.0)
    assert (raster.width, raster.height) == (100, 200)


def test_words_come_in_reading_order_with_line_numbers(tmp_path: Path) -> None:
    renderer = PageRenderer(_pdf(tmp_path / "a.pdf"))
    words = renderer.words(0)
    assert [w.text for w in words] == ["Minutes", "of", "the", "meeting", "Resolved", "unanimously"]
    assert [w.line for w in words] == [0, 0, 0, 0, 1, 1]
    first = words[0]
    assert 9 <= first.x0 < first.x1 < 60 and first.y0 < 60 < first.y1
    assert renderer.words(1) == ()


def test_encrypted_pdf_needs_its_password(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "locked.pdf", password="secret")
    with pytest.raises(PasswordRequired, match="password"):
        PageRenderer(path)
    with pytest.raises(PasswordRequired) as wrong:
        PageRenderer(path, "guess")
    assert wrong.value.wrong
    assert PageRenderer(path, "secret").page_count == 2


@pytest.mark.parametrize("content", [b"%PDF-1.7\n garbage that is no pdf", b"not a pdf at all" * 10, b""])
def test_unreadable_files_raise_app_errors(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(AppError):
        PageRenderer(path)


def test_missing_file_is_an_app_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no such file"):
        PageRenderer(tmp_path / "absent.pdf")


def test_find_boxes_whole_words_and_just_the_letters_of_part_words(tmp_path: Path) -> None:
    renderer = PageRenderer(_pdf(tmp_path / "a.pdf"))
    words = {word.text: word for word in renderer.words(0)}
    (meeting,) = renderer.find(0, "MEETING")  # whole word, any case
    assert meeting == (pytest.approx((words["meeting"].x0, words["meeting"].y0, words["meeting"].x1,
                                      words["meeting"].y1), abs=0.5),)  # fmt: skip
    (part,) = renderer.find(0, "nanim")  # inside "unanimously": just those five letters
    x0, y0, x1, y1 = part[0]
    whole = words["unanimously"]
    assert whole.x0 + 5 < x0 < x1 < whole.x1 - 15
    assert y0 == pytest.approx(whole.y0, abs=0.5) and y1 == pytest.approx(whole.y1, abs=0.5)
    (across,) = renderer.find(0, "meeting resolved")  # over a line break: a box on each line
    assert len(across) == 2 and across[0][1] < across[1][1]
    assert renderer.find(0, "quorate") == [] and renderer.find(1, "meeting") == []
    renderer.close()


def test_colours_come_in_the_byte_order_qt_shows_without_converting(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=100, height=100)
    page.draw_rect(pymupdf.Rect(0, 0, 30, 30), fill=(0.8, 0.2, 0.1), color=None)
    doc.save(tmp_path / "red.pdf")
    raster = PageRenderer(tmp_path / "red.pdf").render(0, 1.0)
    at = 10 * raster.stride + 10 * 4
    assert tuple(raster.samples[at : at + 4]) == (25, 51, 204, 255)  # blue, green, red, opaque
    assert _pixel(raster, 80, 80) == (255, 255, 255)
