"""A document's blocks as rich text for the reader: headings, spaced paragraphs, lists and tables."""

from __future__ import annotations

from collections import Counter
from html import escape

from app.model import Block, Document, DocumentText

from ui.models.library_model import council_and_body, readable_date
from ui.theme import Theme

# A line at least this share of the paragraph's longest line is taken as wrapped by the
# source's layout (join it to the next), a shorter one as a deliberate break (keep it).
WRAPPED_LINE_SHARE = 0.72
MIN_WRAPPED_LENGTH = 45

HEADING_SCALE = {1: 1.22, 2: 1.1, 3: 1.0}
SANS = "'Noto Sans', 'Segoe UI', 'Helvetica Neue', 'DejaVu Sans', sans-serif"


def paragraph_html(content: str) -> str:
    """One paragraph, re-flowing lines the source wrapped and keeping short lines (names, lists)."""
    lines = [line.strip() for line in content.split("\n") if line.strip()]
    if not lines:
        return ""
    longest = max(len(line) for line in lines)
    parts: list[str] = []
    for number, line in enumerate(lines):
        parts.append(escape(line))
        if number < len(lines) - 1:
            wrapped = (
                longest >= MIN_WRAPPED_LENGTH
                and len(line) >= WRAPPED_LINE_SHARE * longest
                and not line.endswith((":", ".", ";"))
            )
            parts.append(" " if wrapped else "<br>")
    return "".join(parts)


def _table_html(rows: list[str]) -> str:
    cells = "".join(
        "<tr>" + "".join(f"<td>{escape(cell.strip())}</td>" for cell in row.split("\t")) + "</tr>"
        for row in rows
    )
    return f'<table cellspacing="0" cellpadding="5" width="100%">{cells}</table>'


def body_size(text: DocumentText) -> float | None:
    """The font size most of the text (headings aside) is printed in, if the source says."""
    sizes: Counter[float] = Counter()
    for block in text.blocks:
        if block.kind != "heading" and block.size is not None:
            sizes[block.size] += block.end - block.start
    return sizes.most_common(1)[0][0] if sizes else None


def _block_html(text: DocumentText, block: Block, body: float | None, follows_heading: bool) -> str:
    content = text.block_text(block)
    if block.kind == "heading":
        # WORKAROUND: Qt's <h1>…<h3> carry a font-size adjustment that stacks on top of any
        # CSS size (an h1 ends up twice the text), so headings are paragraphs with a class.
        level = min(max(block.level, 1), 3)
        if body is not None and block.size is not None and block.size <= body + 0.5:
            level = 3  # printed no larger than the text (bold lines of a minute): not enlarged here
        run = " run" if follows_heading else ""  # a heading under a heading sits close to it
        return f'<p class="h{level}{run}">{escape(content.strip())}</p>'
    if block.kind == "list_item":
        indent = 22 * max(block.level, 1)
        return f'<p class="item" style="margin-left: {indent}px">{paragraph_html(content)}</p>'
    return f"<p>{paragraph_html(content)}</p>"


def body_html(text: DocumentText) -> str:
    """The whole document; consecutive table rows become one table."""
    parts: list[str] = []
    table: list[str] = []
    body = body_size(text)
    previous = ""
    for block in text.blocks:
        if block.kind == "table_row":
            table.append(text.block_text(block))
            previous = block.kind
            continue
        if table:
            parts.append(_table_html(table))
            table = []
        parts.append(_block_html(text, block, body, previous == "heading"))
        previous = block.kind
    if table:
        parts.append(_table_html(table))
    return "\n".join(parts)


def stylesheet(theme: Theme, size: float) -> str:
    """CSS for the reader's document (Qt's rich-text subset) at a base `size` in points."""
    headings = "\n".join(
        f"p.h{level} {{ font-family: {SANS}; font-size: {size * scale:.1f}pt; font-weight: 600;"
        f" color: {theme.heading}; margin-top: {size * 1.1:.0f}px; margin-bottom: {size * 0.45:.0f}px;"
        " line-height: 115%; }"
        for level, scale in HEADING_SCALE.items()
    )
    return f"""
        body {{ color: {theme.text}; }}
        p {{ margin-top: 0px; margin-bottom: {size * 0.85:.0f}px; line-height: 125%; }}
        p.item {{ margin-bottom: {size * 0.4:.0f}px; }}
        {headings}
        p.run {{ margin-top: 0px; }}
        table {{ margin-bottom: {size:.0f}px; border-color: {theme.border}; }}
        td {{ border-bottom: 1px solid {theme.border}; vertical-align: top; }}
    """


def paper_stylesheet(theme: Theme) -> str:
    """The reader's paper and header in `theme`'s colours (the reader's own: it may differ from the app's)."""
    return f"""
        QWidget#reader, QWidget#readerHeader, QTextBrowser#readerText {{ background: {theme.paper}; }}
        QTextBrowser#readerText, QLabel#readerTitle {{ color: {theme.text}; }}
        QLabel#readerMeta {{ color: {theme.muted}; }}
        QFrame#readerRule {{ background: {theme.border}; }}
    """


def meta_line(document: Document) -> str:
    """Council, body, meeting date and format in one quiet line under the title."""
    where = council_and_body(document)
    when = [readable_date(document)] if document.meeting_date else []
    pages = f"{document.pages} pages" if document.pages > 1 else ("1 page" if document.pages == 1 else "")
    what = [f"{document.format.upper()}" + (f", {pages}" if pages else "")]
    return "  ·  ".join([*where, *when, *what])
