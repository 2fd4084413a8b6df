"""The reader: readable text (re-flowed lines, headings, tables), a comfortable column, the paint signal."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.model import Block, Document, DocumentText

from PySide6.QtGui import QFontMetricsF

from ui.reader import rendering
from ui.reader.text_view import MEASURE_CHARS, MIN_SIDE_MARGIN, ReaderView, reading_font
from ui.theme import DARK, LIGHT

WRAPPED = (
    "The committee considered the report of the Director of Children's Services on the\n"
    "proposed changes to the home-to-school transport policy and the consultation\n"
    "responses received from parents and schools."
)
NAMES = "Present:\nCllr A Barnes (Chair)\nCllr D O'Toole\nMrs L Oades"


def sample() -> tuple[Document, DocumentText]:
    parts = ["1. Apologies", WRAPPED, NAMES, "Item\tDecision", "Budget\tApproved"]
    text = "\n".join(parts)
    blocks, start = [], 0
    kinds = ["heading", "paragraph", "paragraph", "table_row", "table_row"]
    for kind, part in zip(kinds, parts, strict=True):
        blocks.append(Block(kind, start, start + len(part), level=1 if kind == "heading" else 0))  # type: ignore[arg-type]
        start += len(part) + 1
    document = Document(
        id=7,
        sha256="0" * 64,
        path="/papers/minutes.txt",
        format="txt",
        title="Scrutiny Committee minutes",
        council="Lancashire County Council",
        body="Scrutiny Committee",
        meeting_date="2015-07-17",
        kind="minutes",
        pages=0,
        text_length=len(text),
        imported_at="2026-01-01T00:00:00+00:00",
    )
    return document, DocumentText(text=text, blocks=tuple(blocks), format="txt")


def test_wrapped_lines_are_reflowed_and_deliberate_breaks_kept() -> None:
    assert "<br>" not in rendering.paragraph_html(WRAPPED)
    assert rendering.paragraph_html(NAMES).count("<br>") == 3
    assert rendering.paragraph_html("  \n ") == ""
    assert rendering.paragraph_html("A & B <c>") == "A &amp; B &lt;c&gt;"


def test_blocks_become_headings_paragraphs_and_one_table() -> None:
    _document, text = sample()
    html = rendering.body_html(text)
    assert '<p class="h1">1. Apologies</p>' in html
    assert html.count("<table") == 1 and html.count("<tr>") == 2
    assert "<td>Approved</td>" in html


def test_header_names_council_body_date_and_format() -> None:
    document, _text = sample()
    assert (
        rendering.meta_line(document)
        == "Lancashire County Council  ·  Scrutiny Committee  ·  17 Jul 2015  ·  TXT"
    )


def test_reader_shows_text_in_a_centred_column_of_about_seventy_characters(qtbot: QtBot) -> None:
    reader = ReaderView(13)
    qtbot.addWidget(reader)
    reader.resize(1400, 800)
    reader.show()
    document, text = sample()
    with qtbot.waitSignal(reader.painted) as painted:
        reader.show_document(document, text)
    assert painted.args == [7]
    assert reader.title.text() == "Scrutiny Committee minutes"
    assert "consultation responses" in reader.plain_text()  # the wrapped line was joined

    frame = reader.browser.document().rootFrame().frameFormat()
    column = reader.browser.viewport().width() - frame.leftMargin() - frame.rightMargin()
    measure = QFontMetricsF(reading_font(13)).averageCharWidth() * MEASURE_CHARS
    assert frame.leftMargin() == frame.rightMargin() > MIN_SIDE_MARGIN
    assert abs(column - measure) <= 2

    reader.setFixedWidth(500)  # a narrow window keeps a modest margin instead
    assert reader.browser.document().rootFrame().frameFormat().leftMargin() == MIN_SIDE_MARGIN


def test_theme_and_size_restyle_the_open_document(qtbot: QtBot) -> None:
    reader = ReaderView(13)
    qtbot.addWidget(reader)
    document, text = sample()
    reader.show_document(document, text)
    reader.set_theme(DARK)
    assert DARK.heading in reader.browser.document().defaultStyleSheet()
    assert LIGHT.heading not in reader.browser.document().defaultStyleSheet()
    reader.set_font_size(18)
    assert reader.browser.document().defaultFont().pointSizeF() == 18
    assert "consultation responses" in reader.plain_text()
