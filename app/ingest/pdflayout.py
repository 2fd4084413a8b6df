"""Reading order for one PDF page: rows, side-by-side columns, tables, margin notes, paragraphs."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from app.ingest.pdflines import Line, common_size, joined, merged
from app.ingest.textblocks import CAPITAL, NUMBER, leading_number
from app.model import BBox, BlockKind

# A minute or list number printed apart from its text: "1", "5.", "07.18.01", "2/8c", "(a)", "iv", "•".
NUMBER_TOKEN = re.compile(
    r"^(?:(?i:item)\s+)?[(\[]?(?:\d{1,3}[A-Za-z]?(?:[./]\d{1,3}[a-z]?){0,2}|[a-z]|[ivx]{1,5}|[IVX]{2,5})"
    rf"[.):\]]?$|^{CAPITAL}$|^[•▪●○◦■➢✓❖*–-]$"
)
DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$")
BULLET = r"[•▪●○◦■➢✓❖*–-]\s"
LIST_START = re.compile(rf"^(?:{BULLET}|\(?{NUMBER}[.)]\s|{CAPITAL}\s)")
# Not headings however set: a bullet point, a form's dotted or ruled blank, a contents line's leaders,
# a row of cells.
NEVER_HEADING = re.compile(rf"^{BULLET}|\.{{4}}|…{{2}}|_{{4}}|\t")
MARGIN_FROM = 0.8  # margin notes start right of this fraction of the page width…
MARGIN_WIDTH = 0.14  # …and are narrower than this fraction
HEADING_RATIO = 1.15
SMALL_PRINT = 0.95  # a line set this much smaller than the text around it is never a heading
# Numbers leading a run-in title beside those a number token reads: "6.A", "4.2.1", "TC/24/108", "123/23".
RUN_IN_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.[A-Z\d]{1,3})+\.?|[A-Z]{1,4}/\d{2}/\d{1,4}|\d{1,4}/\d{2,4})$")
RUN_IN_WORD = re.compile(r"[^\W\d_]{3}")  # a title's word, past its number
PROSE_CHARS = 40  # a line of prose, not a table's label or figure
CHAR_WIDTH = 0.5  # average character width in ems, to estimate a word's width
NARROW = 0.35  # side-by-side columns narrower than this fraction of the page are lists


@dataclass
class Draft:
    """A block being assembled from lines."""

    kind: BlockKind
    lines: list[Line]
    text: str
    level: int = 0
    numbering: str | None = None

    @property
    def bbox(self) -> BBox:
        if len(self.lines) == 1:  # most blocks
            return self.lines[0][1:5]
        return (
            min(line.x0 for line in self.lines),
            min(line.y0 for line in self.lines),
            max(line.x1 for line in self.lines),
            max(line.y1 for line in self.lines),
        )

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)

    @property
    def size(self) -> float:
        return max(line.size for line in self.lines)


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
        if NEVER_HEADING.search(text) or line.size < SMALL_PRINT * min(self.body, page_body()):
            return 0
        letters = [char for char in text if char.isalpha()]
        capitals = len(letters) >= 4 and all(char.isupper() for char in letters)
        return len(self.levels) + 1 if letters and (line.bold or capitals) else 0

    def emphasis_only(self, draft: Draft) -> bool:
        """A heading by its weight or capitals alone, set no larger than the text."""
        return draft.kind == "heading" and draft.size < self.body * HEADING_RATIO


def rows_of(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into visual rows (overlapping vertically), each sorted left to right."""
    rows: list[list[Line]] = []
    bottom = top = 0.0
    for line in sorted(lines, key=lambda line: (line.y0, line.x0)):
        overlap = min(bottom, line.y1) - max(top, line.y0)
        if rows and overlap >= 0.5 * min(line.height, bottom - top):
            rows[-1].append(line)
            bottom = max(bottom, line.y1)
        else:
            rows.append([line])
            top, bottom = line.y0, line.y1
    # A row of one line (most rows) has nothing to sort or join.
    return [row if len(row) == 1 else join_numbers(sorted(row, key=lambda line: line.x0)) for row in rows]


def join_numbers(row: list[Line]) -> list[Line]:
    """A number or bullet standing apart from its text is joined to it: "1" + "Apologies".

    Only where the number has a single piece of text beside it: in a row of
    table cells ("05.18.05" | "action" | "owner") the number is a cell of its own.
    """
    if sum(not NUMBER_TOKEN.match(line.text) for line in row) != 1:
        return row
    out: list[Line] = []
    for line in row:
        previous = out[-1] if out else None
        if (
            previous is not None
            and NUMBER_TOKEN.match(previous.text)
            and not DATE.match(previous.text)
            and line.x0 - previous.x1 < 90
            and (len(out) == 1 or NUMBER_TOKEN.match(out[-2].text))
        ):
            out[-1] = merged(previous, line)
        else:
            out.append(line)
    return out


def split_margin(lines: list[Line], width: float) -> tuple[list[Line], list[Line]]:
    """Separate narrow notes in the right margin (action initials beside minutes) from the body.

    Notes stand right of the prose's right edge and hold no figures: a column of
    amounts beside a table is part of the table.
    """
    body = [line for line in lines if line.x0 < width * MARGIN_FROM]
    body_right = max((line.x1 for line in body), default=0.0)
    prose = sum(len(line.text) >= 40 and line.x1 >= body_right - 30 for line in body)
    if prose < 3:
        return lines, []
    margin = [
        line
        for line in lines
        if line.x0 >= max(width * MARGIN_FROM, body_right - 5)
        and line.x1 - line.x0 <= width * MARGIN_WIDTH
        and not any(char.isdigit() for char in line.text)
    ]
    noted = {id(line) for line in margin}
    return [line for line in lines if id(line) not in noted], margin


def margin_drafts(margin: list[Line]) -> list[Draft]:
    """Margin lines stacked closely form one note ("AM", "&", "WG" → "AM & WG")."""
    notes: list[Draft] = []
    for line in sorted(margin, key=lambda line: line.y0):
        last = notes[-1].lines[-1] if notes else None
        if last is not None and line.y0 - last.y1 <= 0.9 * last.height:
            notes[-1].lines.append(line)
            notes[-1].text += " " + line.text
        else:
            notes.append(Draft("paragraph", [line], line.text))
    return notes


def place_notes(drafts: list[Draft], notes: list[Draft]) -> list[Draft]:
    """Each margin note goes after the block it stands beside (or the block starting nearest to it)."""
    out = list(drafts)
    for note in notes:
        top = note.bbox[1] + note.lines[0].height / 2
        beside = [i for i, draft in enumerate(out) if draft.bbox[1] <= top <= draft.bbox[3]]
        nearest = min(range(len(out)), key=lambda i: abs(out[i].bbox[1] - top), default=None)
        index = beside[-1] if beside else nearest
        out.insert(len(out) if index is None else index + 1, note)
    return out


Placed = tuple[int, Line]  # a piece of a row and the column it was placed in


@dataclass
class Band:
    """Consecutive rows laid out in side-by-side columns: a table or parallel lists.

    Each piece keeps the column it was placed in when its row was added, as the
    columns' extents grow with later rows.
    """

    rows: list[list[Placed]]
    columns: list[tuple[float, float]]

    @classmethod
    def start(cls, row: list[Line]) -> Band:
        """A band from its first row: one column per piece, overlapping pieces joined."""
        cells: list[Line] = []
        for line in row:
            if cells and line.x0 < cells[-1].x1:
                cells[-1] = merged(cells[-1], line)
            else:
                cells.append(line)
        return cls([list(enumerate(cells))], [(line.x0, line.x1) for line in cells])

    @property
    def lines(self) -> list[list[Line]]:
        return [[line for _, line in row] for row in self.rows]

    def column_of(self, line: Line) -> int | None:
        """The one column `line` overlaps; None if it overlaps none or several."""
        touching = [
            index for index, (x0, x1) in enumerate(self.columns) if min(x1, line.x1) - max(x0, line.x0) > 0
        ]
        return touching[0] if len(touching) == 1 else None

    def accepts(self, row: list[Line]) -> bool:
        """Whether `row` continues the band: every piece within one of its columns."""
        return None not in [self.column_of(line) for line in row]

    def add(self, row: list[Line]) -> None:
        """Add an accepted row, joining pieces that fall in the same column ("Nick Oakhill" + "[Chair]")."""
        placed: list[Placed] = []
        for line in row:
            index = self.column_of(line) or 0
            if placed and placed[-1][0] == index:
                placed[-1] = (index, merged(placed[-1][1], line))
            else:
                placed.append((index, line))
        self.rows.append(placed)
        for index, line in placed:
            x0, x1 = self.columns[index]
            self.columns[index] = (min(x0, line.x0), max(x1, line.x1))

    def is_table(self) -> bool:
        """A table holds figures (dates, amounts, minute numbers); parallel lists hold names or prose."""
        for column in range(len(self.columns)):
            cells = [line for row in self.rows[1:] for index, line in row if index == column]
            with_digits = sum(any(char.isdigit() for char in line.text) for line in cells)
            if cells and with_digits >= 0.4 * len(cells):
                return True
        return len(self.columns) > 3

    def table_rows(self) -> list[Draft]:
        """One draft per table row; a cell's wrapped lines are joined back into their cell."""
        rows: list[tuple[list[Line], list[str]]] = []
        for row in self.rows:
            cells = [""] * len(self.columns)
            for index, line in row:
                cells[index] = f"{cells[index]} {line.text}".strip()
            lines = [line for _, line in row]
            if rows and (self._wraps(rows[-1][0], lines, cells) or self._prose_wraps(rows[-1], lines)):
                above, previous = rows[-1]
                together = [joined(old, new, True) if old and new else old or new
                            for old, new in zip(previous, cells, strict=True)]  # fmt: skip
                rows[-1] = (above + lines, together)
            else:
                rows.append((lines, cells))
        return [Draft("table_row", lines, "\t".join(cells).rstrip("\t")) for lines, cells in rows]

    @staticmethod
    def _wraps(previous: list[Line], row: list[Line], cells: list[str]) -> bool:
        """A row continues the one above when it is set tight below it and lacks its first cell,
        unless the row above is a bold title and this row starts its regular text."""
        gap = min(line.y0 for line in row) - max(line.y1 for line in previous)
        titled = all(line.bold for line in previous) and not any(line.bold for line in row)
        return gap < 0.45 * previous[0].height and not cells[0] and not titled

    def _prose_wraps(self, previous: tuple[list[Line], list[str]], row: list[Line]) -> bool:
        """A line of prose in the first column carries on the row above when that row is prose alone
        whose last line was full: the minutes' text beside a narrow action column."""
        above, cells = previous
        last, line = above[-1], row[0]
        if len(row) > 1 or any(cells[1:]) or len(last.text) < PROSE_CHARS or LIST_START.match(line.text):
            return False
        if abs(line.x0 - above[0].x0) > line.size:
            return False
        first_word = line.text.split(" ", 1)[0]
        full = last.x1 + CHAR_WIDTH * line.size * (len(first_word) + 1) >= self.columns[0][1]
        return full and _tight(last, line) and line.x1 <= self.columns[0][1] + 1

    def sections(self) -> list[list[Line]]:
        """Runs of lines to read one after another: each column in turn, or label after label.

        Side-by-side lists ("Present:" | "Apologies:") are read column by column; a
        label column ("Present:" beside a list of names, then "Apologies:" lower
        down) is read label by label, each followed by its own values.
        """
        labelled = [row for row in self.rows if row[0][0] == 0]
        if len(self.columns) == 2 and len(labelled) < 0.6 * len(self.rows):
            sections: list[list[Line]] = [[]]
            for row in self.rows:
                for index, line in row:
                    if index == 0:
                        # A label is its own section, and opens a section for its values.
                        sections += [[line], []]
                    else:
                        sections[-1].append(line)
            return [section for section in sections if section]
        found: list[list[Line]] = [[] for _ in self.columns]
        for row in self.rows:
            for index, line in row:
                found[index].append(line)
        return [column for column in found if column]


def _close(band: Band, row: list[Line]) -> bool:
    """Whether `row` follows the band without a paragraph gap.

    Rows of cells, and the first row under a bold header row, may be spaced wider.
    """
    previous = band.lines[-1]
    bottom = max(line.y1 for line in previous)
    height = max(line.height for line in previous)
    header = len(band.rows) == 1 and all(line.bold or line.text.endswith(":") for line in previous)
    allowed = 1.6 if len(previous) > 1 and (len(row) > 1 or header) else 0.9
    return min(line.y0 for line in row) - bottom <= allowed * height


def segments(rows: list[list[Line]]) -> list[Band | Line]:
    """Rows in reading order: runs of multi-piece rows become bands, the rest stays one line per row."""
    out: list[Band | Line] = []
    band: Band | None = None
    for row in rows:
        if band is not None and _close(band, row) and band.accepts(row):
            band.add(row)
            continue
        band = None
        if len(row) > 1:
            band = Band.start(row)
            out.append(band)
        else:
            out.append(row[0])
    # A "band" of one row is a line with wide gaps: keep it as one line, cells split by tabs.
    return [
        item if isinstance(item, Line) or len(item.rows) > 1 else _tabbed(item.lines[0]) for item in out
    ]


def _tabbed(row: list[Line]) -> Line:
    line = row[0]
    for other in row[1:]:
        line = merged(line, other, "\t")
    return line


def _continues(draft: Draft, line: Line, level: int, wrapped: bool) -> bool:
    """Whether `line` carries on the block: set close below, alike, and aligned with its lines."""
    previous = draft.lines[-1]
    if line.y0 < previous.y0 or line.y0 - previous.y1 > 0.6 * previous.height:
        return False
    # Sizes measured from OCR wander by a point or so; set type does not.
    if abs(line.size - previous.size) > max(0.6, 0.13 * previous.size):
        return False
    if (draft.kind == "heading") != (level > 0) or (draft.kind == "heading" and not wrapped):
        return False
    if "\t" in line.text or "\t" in previous.text or LIST_START.match(line.text):
        return False
    return _aligned(draft, line, wrapped)


def _aligned(draft: Draft, line: Line, wrapped: bool) -> bool:
    """Whether `line` starts where the block's lines do (allowing a first-line indent or a hanging number)."""
    # The block's left edge: its second line's, as the first may be indented or hang.
    left = draft.lines[1].x0 if len(draft.lines) > 1 else draft.lines[0].x0
    if len(draft.lines) == 1 and wrapped and left - 8 * line.size <= line.x0 < left:
        return leading_number(line.text) is None  # a first-line indent, not the next numbered minute
    hanging = leading_number(draft.lines[0].text) is not None  # text hanging after its number
    if len(draft.lines) == 1 and wrapped and hanging and left < line.x0 <= left + 8 * line.size:
        return True
    return left - 2 * line.size <= line.x0 <= left + 2.5 * line.size


def paragraphs(
    lines: list[Line], style: Style, right: float, page_body: Callable[[], float]
) -> list[Draft]:
    """Lines of one column, top to bottom, gathered into headings, list items and paragraphs."""
    drafts: list[Draft] = []
    for line in _run_ins_split(lines):
        full = line.x1 >= right - 3.5 * line.size
        level = style.heading_level(line, full, page_body)
        draft = drafts[-1] if drafts else None
        if draft is not None:
            previous = draft.lines[-1]
            if level and _runs_on(draft, line, style):
                level = 0
            # Wrapped: the line's first word would not have fitted at the end of the previous line.
            first_word = line.text.split(" ", 1)[0]
            wrapped = previous.x1 + CHAR_WIDTH * line.size * (len(first_word) + 1) >= right
            if _continues(draft, line, level, wrapped):
                draft.lines.append(line)
                draft.text = joined(draft.text, line.text, wrapped)
                continue
        kind: BlockKind = "heading" if level else "list_item" if LIST_START.match(line.text) else "paragraph"
        numbering = leading_number(line.text) if kind != "paragraph" else None
        drafts.append(Draft(kind, [line], line.text, level, numbering))
    _demote_plain_bold(drafts, style)
    return drafts


def _run_ins_split(lines: list[Line]) -> Iterator[Line]:
    """The lines, each bold title run into its text ("6.A Street Lighting Contract The Director…")
    as a line of its own before the text.

    A run-in title is numbered or in capitals and ends without punctuation, and its text starts
    a sentence; bold words within a sentence, and labels ("Planning:", "2/8c –"), stay in their line.
    """
    for line in lines:
        lead, rest = line.text[: line.lead], line.text[line.lead :].lstrip()
        if not line.lead or not _run_in_title(lead) or not rest[:1].isupper():
            yield line
            continue
        split = line.x0 + (line.x1 - line.x0) * len(lead) / len(line.text)
        yield line._replace(text=lead, x1=split, bold=True, lead=0)
        yield line._replace(text=rest, lead=0)


def _run_in_title(lead: str) -> bool:
    if len(lead) > 100 or not lead[-1:].isalnum():
        return False
    first, _, title = lead.partition(" ")
    if RUN_IN_NUMBER.match(first) or (NUMBER_TOKEN.match(first) and any(char.isalnum() for char in first)):
        return RUN_IN_WORD.search(title) is not None
    letters = [char for char in lead if char.isalpha()]
    return len(letters) >= 4 and all(char.isupper() for char in letters) and " " in lead


def _tight(upper: Line, lower: Line, gap: float = 0.6) -> bool:
    """Whether `lower` is set straight under `upper`, without a paragraph's space between."""
    return upper.y0 <= lower.y0 <= upper.y1 + gap * upper.height


def _runs_on(draft: Draft, line: Line, style: Style) -> bool:
    """Whether a bold or capitals line carries on the bold text above it rather than heading
    what follows: the names under "Present:", the lines after a bold line that is not a heading,
    a bold sentence set in from its sub-heading. A numbered line always may head."""
    previous = draft.lines[-1]
    if not previous.bold or line.size >= style.body * HEADING_RATIO or leading_number(line.text):
        return False
    if previous.text.endswith(":"):
        return _tight(previous, line, 1.6)  # a label's values may stand a little apart
    set_in = line.x0 >= previous.x0 + line.size and line.x1 > previous.x1  # not centred under it
    return _tight(previous, line) and (draft.kind != "heading" or set_in)


def _demote_plain_bold(drafts: list[Draft], style: Style) -> None:
    """A bold line set tight between lines of plain text ("Action: …") runs on with them: not a heading."""
    for index, draft in enumerate(drafts):
        if not style.emphasis_only(draft):
            continue
        above = drafts[index - 1].lines[-1] if index else None
        below = drafts[index + 1].lines[0] if index + 1 < len(drafts) else None
        line = draft.lines[0]
        in_text = (
            draft.numbering is None
            and above is not None
            and below is not None
            and not (above.bold or below.bold)
            and _tight(above, line)
            and _tight(draft.lines[-1], below)
        )
        if in_text:
            draft.kind, draft.level = "paragraph", 0


def text_right(lines: list[Line], width: float) -> float:
    """Where full lines end: the right edge most long lines reach."""
    edges = sorted(line.x1 for line in lines if len(line.text) >= 25)
    if len(edges) >= 3:
        return edges[int(len(edges) * 0.9)]
    # Too few long lines to tell: assume margins as wide on the right as on the left.
    return width - min((line.x0 for line in lines), default=0.0)


def page_drafts(lines: list[Line], width: float, style: Style) -> list[Draft]:
    """The blocks of one page in reading order."""
    body, margin = split_margin(lines, width)
    page_body = functools.cache(lambda: common_size(body))  # wanted for few lines, if any
    parts = segments(rows_of(body))
    right = text_right([part for part in parts if isinstance(part, Line)], width)
    drafts: list[Draft] = []
    flow: list[Line] = []
    for part in parts:
        if isinstance(part, Line):
            flow.append(part)
            continue
        drafts += paragraphs(flow, style, right, page_body)
        flow = []
        if part.is_table():
            drafts += part.table_rows()
        else:
            for column in part.sections():
                # Narrow columns are lists (names, initials): their lines never wrap into each other.
                wide = max(line.x1 for line in column) - min(line.x0 for line in column) > NARROW * width
                right_edge = text_right(column, width) if wide else float("inf")
                drafts += paragraphs(column, style, right_edge, page_body)
    drafts += paragraphs(flow, style, right, page_body)
    return place_notes(drafts, margin_drafts(margin))
