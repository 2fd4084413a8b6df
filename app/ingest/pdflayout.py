"""Reading order for one PDF page: headings, list items and paragraphs, among its rows' tables and notes."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import cast

from app.ingest.pdflines import Line, common_size, joined
from app.ingest.pdftables import (
    BULLET,
    LIST_START,
    NUMBER_TOKEN,
    Band,
    Draft,
    margin_drafts,
    place_notes,
    rows_of,
    segments,
    split_margin,
    tight,
    wraps,
)
from app.ingest.textblocks import capitals, leading_number
from app.model import BlockKind

# Not headings however set: a bullet point, a form's dotted or ruled blank, a contents line's leaders,
# a row of cells.
NEVER_HEADING = re.compile(rf"^{BULLET}|\.{{4}}|…{{2}}|_{{4}}|\t")
HEADING_RATIO = 1.15
SMALL_PRINT = 0.95  # a line set this much smaller than the text around it is never a heading
# Numbers leading a run-in title beside those a number token reads: "6.A", "4.2.1", "TC/24/108", "123/23".
RUN_IN_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.[A-Z\d]{1,3})+\.?|[A-Z]{1,4}/\d{2}/\d{1,4}|\d{1,4}/\d{2,4})$")
RUN_IN_WORD = re.compile(r"[^\W\d_]{3}")  # a title's word, past its number
NARROW = 0.35  # side-by-side columns narrower than this fraction of the page are lists


@dataclass
class Style:
    """Document-wide typography: body size and heading levels by font size."""

    body: float
    levels: dict[float, int] = field(default_factory=dict)

    @classmethod
    def from_sizes(cls, body: float, sizes: set[float]) -> Style:
        larger = sorted((size for size in sizes if size >= body * HEADING_RATIO), reverse=True)
        return cls(body, {size: index + 1 for index, size in enumerate(larger)})

    def heading_level(self, line: Line, full: bool, page_body: Callable[[], float]) -> int:
        """The heading level of a line, 0 when it reads as body text.

        Larger type is a heading by its size. A line at the text's size is one only when
        it stands out (bold or capitals), is short, does not read as a sentence, and is
        not set smaller than the text of its page or of the document.
        """
        text = line.text
        if line.size >= self.body * HEADING_RATIO and len(text) <= 200:
            return self.levels.get(line.size, 1)
        if full or len(text) > 100 or text.endswith((".", ",", ";")):
            return 0  # long or sentence-like: body text (checked first, as most lines are)
        stands_out = any(map(str.isalpha, text)) if line.bold else capitals(text)  # bold words, or capitals
        if not stands_out or NEVER_HEADING.search(text):
            return 0
        # The page's text size last: working it out costs a pass over the page, and few lines get here.
        return 0 if line.size < SMALL_PRINT * min(self.body, page_body()) else len(self.levels) + 1

    def emphasis_only(self, draft: Draft) -> bool:
        """A heading by its weight or capitals alone, set no larger than the text."""
        return draft.kind == "heading" and draft.size < self.body * HEADING_RATIO


def _continues(draft: Draft, line: Line, level: int, wrapped: bool) -> bool:
    """Whether `line` carries on the block: set close below, alike, and aligned with its lines."""
    previous = draft.lines[-1]
    if line.y0 < previous.y0 or line.y0 - previous.y1 > 0.6 * (previous.y1 - previous.y0):
        return False
    # Sizes measured from OCR wander by a point or so; set type does not.
    change = abs(line.size - previous.size)
    if change > 0.6 and change > 0.13 * previous.size:
        return False
    heading = draft.kind == "heading"
    if heading != (level > 0) or (heading and not wrapped):
        return False
    if "\t" in line.text or "\t" in previous.text or LIST_START.match(line.text):
        return False
    return _aligned(draft, line, wrapped)


def _aligned(draft: Draft, line: Line, wrapped: bool) -> bool:
    """Whether `line` starts where the block's lines do (allowing a first-line indent or a hanging number)."""
    # The block's left edge: its second line's, as the first may be indented or hang.
    first = draft.lines[0]
    if len(draft.lines) > 1:
        left = draft.lines[1].x0
    else:
        left = first.x0
        if wrapped and left - 8 * line.size <= line.x0 < left:
            return leading_number(line.text) is None  # a first-line indent, not the next numbered minute
        if wrapped and left < line.x0 <= left + 8 * line.size and leading_number(first.text) is not None:
            return True  # text hanging after its number
    return left - 2 * line.size <= line.x0 <= left + 2.5 * line.size


def paragraphs(
    lines: list[Line], style: Style, right: float, page_body: Callable[[], float]
) -> list[Draft]:
    """Lines of one column, top to bottom, gathered into headings, list items and paragraphs."""
    drafts: list[Draft] = []
    draft: Draft | None = None  # the last one
    for line in _run_ins_split(lines):
        full = line.x1 >= right - 3.5 * line.size
        level = style.heading_level(line, full, page_body)
        if draft is not None:
            previous = draft.lines[-1]
            if level and _runs_on(draft, line, style):
                level = 0
            wrapped = wraps(previous, line, right)
            if _continues(draft, line, level, wrapped):
                draft.lines.append(line)
                draft.text = joined(draft.text, line.text, wrapped)
                continue
        kind: BlockKind = "heading" if level else "list_item" if LIST_START.match(line.text) else "paragraph"
        numbering = leading_number(line.text) if kind != "paragraph" else None
        draft = Draft(kind, [line], line.text, level, numbering)
        drafts.append(draft)
    _demote_plain_bold(drafts, style)
    return drafts


def _run_ins_split(lines: list[Line]) -> Iterator[Line]:
    """The lines, each bold title run into its text ("6.A Street Lighting Contract The Director…")
    as a line of its own before the text.

    A run-in title is numbered or in capitals and ends without punctuation, and its text starts
    a sentence; bold words within a sentence, and labels ("Planning:", "2/8c –"), stay in their line.
    """
    for line in lines:
        if line.lead:  # (few lines start in bold)
            lead, rest = line.text[: line.lead], line.text[line.lead :].lstrip()
            if _run_in_title(lead) and rest[:1].isupper():
                split = line.x0 + (line.x1 - line.x0) * len(lead) / len(line.text)
                yield line._replace(text=lead, x1=split, bold=True, lead=0)
                yield line._replace(text=rest, lead=0)
                continue
        yield line


def _run_in_title(lead: str) -> bool:
    if len(lead) > 100 or not lead[-1:].isalnum():
        return False
    first, _, title = lead.partition(" ")
    if RUN_IN_NUMBER.match(first) or (NUMBER_TOKEN.match(first) and any(char.isalnum() for char in first)):
        return RUN_IN_WORD.search(title) is not None
    return capitals(lead) and " " in lead


def _runs_on(draft: Draft, line: Line, style: Style) -> bool:
    """Whether a bold or capitals line carries on the bold text above it rather than heading
    what follows: the names under "Present:", the lines after a bold line that is not a heading,
    a bold sentence set in from its sub-heading. A numbered line always may head."""
    previous = draft.lines[-1]
    if not previous.bold or line.size >= style.body * HEADING_RATIO or leading_number(line.text):
        return False
    if previous.text.endswith(":"):
        return tight(previous, line, 1.6)  # a label's values may stand a little apart
    set_in = line.x0 >= previous.x0 + line.size and line.x1 > previous.x1  # not centred under it
    return tight(previous, line) and (draft.kind != "heading" or set_in)


def _demote_plain_bold(drafts: list[Draft], style: Style) -> None:
    """A bold line set tight between lines of plain text ("Action: …") runs on with them: not a heading."""
    for index, draft in enumerate(drafts):
        if draft.kind != "heading" or not style.emphasis_only(draft):  # (most drafts: no heading)
            continue
        above = drafts[index - 1].lines[-1] if index else None
        below = drafts[index + 1].lines[0] if index + 1 < len(drafts) else None
        line = draft.lines[0]
        in_text = (
            draft.numbering is None
            and above is not None
            and below is not None
            and not (above.bold or below.bold)
            and tight(above, line)
            and tight(draft.lines[-1], below)
        )
        if in_text:
            draft.kind, draft.level = "paragraph", 0


def text_right(lines: list[Line], width: float) -> float:
    """Where full lines end: the right edge most long lines reach."""
    edges = sorted([line.x1 for line in lines if len(line.text) >= 25])
    if len(edges) >= 3:
        return edges[int(len(edges) * 0.9)]
    # Too few long lines to tell: assume margins as wide on the right as on the left.
    return width - min((line.x0 for line in lines), default=0.0)


def page_drafts(lines: list[Line], width: float, style: Style) -> list[Draft]:
    """The blocks of one page in reading order."""
    body, margin = split_margin(lines, width)
    page_body = functools.cache(lambda: common_size(body))  # wanted for few lines, if any
    parts = segments(rows_of(body))
    bands = [index for index, part in enumerate(parts) if isinstance(part, Band)]
    flowing = [part for part in parts if isinstance(part, Line)] if bands else cast(list[Line], parts)
    right = text_right(flowing, width)
    drafts: list[Draft] = []
    start = 0  # the lines from here to the next band flow into paragraphs
    for index in bands:
        drafts += paragraphs(cast(list[Line], parts[start:index]), style, right, page_body)
        drafts += _band_drafts(cast(Band, parts[index]), style, width, page_body)
        start = index + 1
    drafts += paragraphs(cast(list[Line], parts[start:]), style, right, page_body)
    return place_notes(drafts, margin_drafts(margin))


def _band_drafts(band: Band, style: Style, width: float, page_body: Callable[[], float]) -> list[Draft]:
    """A band's table rows, or its columns' paragraphs."""
    if band.is_table():
        return band.table_rows()
    drafts: list[Draft] = []
    for column in band.sections():
        # Narrow columns are lists (names, initials): their lines never wrap into each other.
        wide = max(line.x1 for line in column) - min(line.x0 for line in column) > NARROW * width
        right_edge = text_right(column, width) if wide else float("inf")
        drafts += paragraphs(column, style, right_edge, page_body)
    return drafts
