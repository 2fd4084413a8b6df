"""Headings in the text view: a title printed large is shown large; bold lines at text size are not."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from pytestqt.qtbot import QtBot

from app.ingest import load
from app.model import Document

from PySide6.QtGui import QTextCursor

from ui.reader.text_view import ReaderView

BODY = "The committee considered the report on the proposed changes to the transport policy and agreed it."


def write_pdf(path: Path) -> Path:
    """A big title, then bold names at text size (as minutes list those present), then a paragraph."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 90), "Parish Council Minutes", fontsize=22, fontname="hebo")
    for row, name in enumerate(("Present:", "Nick Oakhill (Chair)", "Katy Draper", "Bruce May")):
        page.insert_text((72, 150 + 16 * row), name, fontsize=11, fontname="hebo")
    page.insert_textbox(pymupdf.Rect(72, 230, 520, 330), BODY * 2, fontsize=11, fontname="helv")
    doc.save(path)
    return path


def shown_size(view: ReaderView, words: str) -> float:
    """The point size the text view draws `words` at."""
    cursor = view.browser.document().find(words)
    assert not cursor.isNull(), words
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    return cursor.charFormat().font().pointSizeF()


def test_only_headings_printed_larger_than_the_text_are_enlarged(qtbot: QtBot, tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "minutes.pdf")
    text = load(path)
    kinds = {text.block_text(block).strip(): block.kind for block in text.blocks}
    assert kinds.get("Parish Council Minutes") == "heading" and kinds.get("Katy Draper") == "heading"
    view = ReaderView(13)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    document = Document(
        id=1, sha256="0" * 64, path=str(path), format="pdf", title="Minutes", council="", body="",
        meeting_date="", kind="minutes", pages=1, text_length=len(text.text), imported_at="",
    )  # fmt: skip
    view.show_document(document, text)
    title, name, body = (shown_size(view, words) for words in ("Parish Council", "Katy Draper", "committee"))
    assert title > 1.15 * body
    assert name == body  # bold, as printed, but no bigger than the text around it
