"""Headings in the text view: a title printed large is shown large; bold lines at text size are not."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.model import Block, BlockKind, Document, DocumentText

from PySide6.QtGui import QTextCursor

from ui.reader.text_view import ReaderView

BODY = "The committee considered the report on the proposed changes to the transport policy and agreed it."
# As a PDF's import gives them: a 22 pt title, bold lines at the text's 11 pt, a paragraph.
PARTS: tuple[tuple[BlockKind, str, float], ...] = (
    ("heading", "Parish Council Minutes", 22.0),
    ("heading", "Present:", 11.0),
    ("heading", "Katy Draper", 11.0),
    ("paragraph", BODY, 11.0),
)


def minutes() -> tuple[Document, DocumentText]:
    blocks, start = [], 0
    for kind, part, size in PARTS:
        level = 1 if kind == "heading" else 0
        blocks.append(Block(kind, start, start + len(part), page=1, level=level, size=size))
        start += len(part) + 1
    text = "\n".join(part for _kind, part, _size in PARTS)
    document = Document(
        id=1, sha256="0" * 64, path="/papers/minutes.pdf", format="pdf", title="Minutes", council="",
        body="", meeting_date="", kind="minutes", pages=1, text_length=len(text), imported_at="",
    )  # fmt: skip
    return document, DocumentText(text=text, blocks=tuple(blocks), format="pdf")


def shown_size(view: ReaderView, words: str) -> float:
    """The point size the text view draws `words` at."""
    cursor = view.browser.document().find(words)
    assert not cursor.isNull(), words
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    return cursor.charFormat().font().pointSizeF()


def test_only_headings_printed_larger_than_the_text_are_enlarged(qtbot: QtBot) -> None:
    view = ReaderView(13)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.show_document(*minutes())
    title, name, body = (shown_size(view, words) for words in ("Parish Council", "Katy Draper", "committee"))
    assert title > 1.15 * body
    assert name == body  # bold, as printed, but no bigger than the text around it
    assert view.browser.document().find("Katy Draper").charFormat().fontWeight() >= 600
