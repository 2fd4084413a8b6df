"""Any text at all gives a well-formed `DocumentText` (or, for HTML without text, a clear error)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import UnreadableFile
from app.ingest import html, markdown
from app.ingest.pdflayout import Style, page_drafts
from app.ingest.pdflines import Line
from app.ingest.textblocks import from_plain_text

from tests.unit.app.ingest_checks import assert_well_formed

# Characters that matter to the parsers, mixed with ordinary text and odd whitespace.
PIECES = [*"ab1. \n\t\r#*_-|`>[]()<>/=\"'&;:!\u00a0\u2003\ufeff", "<p>", "<td>", "<li>", "<ol>", "<table>"]
MARKUP = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_plain_text_blocks_are_well_formed(text: str) -> None:
    doc = from_plain_text(text, "txt")
    assert_well_formed(doc)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert doc.text == "\n".join(line.rstrip() for line in lines).strip("\n")


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_markdown_blocks_are_well_formed(text: str) -> None:
    assert_well_formed(markdown.parse(text))


@settings(max_examples=300, deadline=None)
@given(MARKUP)
def test_html_is_well_formed_or_refused_clearly(text: str) -> None:
    try:
        doc = html.parse(text)
    except UnreadableFile as error:
        assert "no readable text" in str(error)
    else:
        assert_well_formed(doc)


WORDS = ["Cllr", "Smith", "1.", "(a)", "£30.00", "RESOLVED", "that", "•", "12/03"]


def _line(x: float, y: float, words: list[str], size: float, bold: bool) -> Line:
    text = " ".join(words)
    return Line(text, x, y, x + 5.5 * len(text), y + size, size, bold)


LINES = st.lists(
    st.builds(
        _line,
        st.floats(0, 500),
        st.floats(0, 800),
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
        st.sampled_from([8.0, 11.0, 14.0]),
        st.booleans(),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_pdf_layout_loses_no_words(lines: list[Line]) -> None:
    style = Style.from_sizes(11.0, {line.size for line in lines})
    drafts = page_drafts(lines, 595.0, style)
    assert sorted(" ".join(draft.text for draft in drafts).split()) == sorted(
        " ".join(line.text for line in lines).split()
    )
