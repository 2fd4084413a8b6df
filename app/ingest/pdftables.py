"""A PDF page's rows: numbers joined to their text, side-by-side bands (tables, columns), margin notes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter
from typing import cast

from app.ingest.pdflines import Line, joined, merged
from app.ingest.textblocks import CAPITAL, NUMBER
from app.model import BBox, BlockKind

# A minute or list number printed apart from its text: "1", "5.", "07.18.01", "2/8c", "(a)", "iv", "•".
NUMBER_TOKEN = re.compile(
    r"^(?:(?i:item)\s+)?[(\[]?(?:\d{1,3}[A-Za-z]?(?:[./]\d{1,3}[a-z]?){0,2}|[a-z]|[ivx]{1,5}|[IVX]{2,5})"
    rf"[.):\]]?$|^{CAPITAL}$|^[•▪●○◦■➢✓❖*–-]$"
)
DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$")
BULLET = r"[•▪●○◦■➢✓❖*–-]\s"
LIST_START = re.compile(rf"^(?:{BULLET}|\(?{NUMBER}[.)]\s|{CAPITAL}\s)")
MARGIN_FROM = 0.8  # margin notes start right of this fraction of the page width…
MARGIN_WIDTH = 0.14  # …and are narrower than this fraction
PROSE_CHARS = 40  # a line of prose, not a table's label or figure
CHAR_WIDTH = 0.5  # average character width in ems, to estimate a word's width


@dataclass(slots=True)
class Draft:
    """A block being assembled from lines."""

    kind: BlockKind
    lines: list[Line]
    text: str
    level: int = 0
    numbering: str | None = None

    @property
    def bbox(self) -> BBox:
        # One pass of plain comparisons: four passes of min() and max() cost more than the work.
        x0, y0, x1, y1 = self.lines[0][1:5]
        for line in self.lines:
            x0 = line.x0 if line.x0 < x0 else x0
            y0 = line.y0 if line.y0 < y0 else y0
            x1 = line.x1 if line.x1 > x1 else x1
            y1 = line.y1 if line.y1 > y1 else y1
        return x0, y0, x1, y1

    @property
    def bold(self) -> bool:
        return all(map(attrgetter("bold"), self.lines))

    @property
    def size(self) -> float:
        return max(map(attrgetter("size"), self.lines))


def wraps(previous: Line, line: Line, right: float) -> bool:
    """Whether `line` was wrapped from `previous`: its first word would not have fitted after it."""
    space = line.text.find(" ")
    word = space if space >= 0 else len(line.text)
    return previous.x1 + CHAR_WIDTH * line.size * (word + 1) >= right


def tight(upper: Line, lower: Line, gap: float = 0.6) -> bool:
    """Whether `lower` is set straight under `upper`, without a paragraph's space between."""
    return upper.y0 <= lower.y0 <= upper.y1 + gap * upper.height


def rows_of(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into visual rows (overlapping vertically), each sorted left to right."""
    rows: list[list[Line]] = []
    shared: list[int] = []  # the rows of more than one line (few)
    bottom = top = 0.0
    for line in sorted(lines, key=attrgetter("y0", "x0")):
        y0, y1 = line.y0, line.y1
        # min() and max() written out: as calls, they would cost more than the rest of the loop.
        overlap = (y1 if y1 < bottom else bottom) - (y0 if y0 > top else top)
        height, span = y1 - y0, bottom - top
        if rows and overlap >= 0.5 * (span if span < height else height):
            if len(rows[-1]) == 1:
                shared.append(len(rows) - 1)
            rows[-1].append(line)
            bottom = y1 if y1 > bottom else bottom
        else:
            rows.append([line])
            top, bottom = y0, y1
    for index in shared:
        rows[index] = join_numbers(sorted(rows[index], key=attrgetter("x0")))
    return rows


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
    edge = width * MARGIN_FROM
    body = [line for line in lines if line.x0 < edge]
    if len(body) == len(lines):
        return lines, []  # nothing stands where notes would (most pages)
    body_right = max((line.x1 for line in body), default=0.0)
    prose = sum(len(line.text) >= 40 and line.x1 >= body_right - 30 for line in body)
    if prose < 3:
        return lines, []
    margin = [
        line
        for line in lines
        if line.x0 >= max(edge, body_right - 5)
        and line.x1 - line.x0 <= width * MARGIN_WIDTH
        and not any(map(str.isdigit, line.text))
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

    def row(self, index: int) -> list[Line]:
        """The pieces of one of the band's rows, left to right."""
        return [line for _, line in self.rows[index]]

    def column_of(self, line: Line) -> int | None:
        """The one column `line` overlaps; None if it overlaps none or several."""
        found = None
        for index, (x0, x1) in enumerate(self.columns):
            # The overlap, min(x1, line.x1) - max(x0, line.x0), by plain comparisons (quicker than calls).
            if (line.x1 if line.x1 < x1 else x1) - (line.x0 if line.x0 > x0 else x0) > 0:
                if found is not None:
                    return None
                found = index
        return found

    def place(self, row: list[Line]) -> list[int] | None:
        """The column of each piece of `row` if it continues the band (every piece within one column)."""
        columns = [self.column_of(line) for line in row]
        return None if None in columns else cast(list[int], columns)

    def add(self, row: list[Line], columns: list[int]) -> None:
        """Add a row as `place` placed it, joining pieces in one column ("Nick Oakhill" + "[Chair]")."""
        placed: list[Placed] = []
        for line, index in zip(row, columns, strict=True):
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
            with_digits = sum(any(map(str.isdigit, line.text)) for line in cells)
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
        gap = min([line.y0 for line in row]) - max([line.y1 for line in previous])
        titled = all(map(attrgetter("bold"), previous)) and not any(map(attrgetter("bold"), row))
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
        right = self.columns[0][1]
        return wraps(last, line, right) and tight(last, line) and line.x1 <= right + 1

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
    previous = band.row(-1)
    bottom = max([line.y1 for line in previous])
    height = max([line.y1 - line.y0 for line in previous])
    header = len(band.rows) == 1 and all(line.bold or line.text.endswith(":") for line in previous)
    allowed = 1.6 if len(previous) > 1 and (len(row) > 1 or header) else 0.9
    return min([line.y0 for line in row]) - bottom <= allowed * height


def segments(rows: list[list[Line]]) -> list[Band | Line]:
    """Rows in reading order: runs of multi-piece rows become bands, the rest stays one line per row."""
    out: list[Band | Line] = []
    bands: list[int] = []  # where the bands stand in `out`
    band: Band | None = None
    for row in rows:
        if band is not None and _close(band, row):
            columns = band.place(row)
            if columns is not None:
                band.add(row, columns)
                continue
        band = None
        if len(row) > 1:
            band = Band.start(row)
            bands.append(len(out))
            out.append(band)
        else:
            out.append(row[0])
    # A "band" of one row is a line with wide gaps: keep it as one line, cells split by tabs.
    for index in bands:
        band = cast(Band, out[index])
        if len(band.rows) == 1:
            out[index] = _tabbed(band.row(0))
    return out


def _tabbed(row: list[Line]) -> Line:
    line = row[0]
    for other in row[1:]:
        line = merged(line, other, "\t")
    return line

