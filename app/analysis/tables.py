"""Disposition tables: rows of number | subject | DECISION, under section rows, as items and decisions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from app.analysis.headings import Head
from app.analysis.lines import Line, clean
from app.model import Block, DocumentText, Span

_NUMBER_CELL = re.compile(r"^(?:item\s+)?\d{1,4}(?:/\d{2,4})?[.)]?$", re.I)
_MOTION_TEXT = re.compile(r"^(?:(?:therefore\s+)?be\s+it\s+(?:further\s+)?resolved|that)\b", re.I)
_MOVERS = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}\s*[/&]\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}$")
# Outcomes that are not decisions of the meeting.
_NOT_DECIDED = re.compile(r"\b(?:lost|defeated|fail(?:ed)?|withdrawn|automatic referral|presented)\b", re.I)
_DECISION_WORD = re.compile(
    r"^(?:approved|adopted|carried|agreed|noted|received|deferred|referred|pass(?:ed)?|resolved|accepted|"
    r"endorsed|presented|continued|postponed)\b.{0,120}$",
    re.I,
)
# A file or reference number beside the item's own ("1. | 23-0611 | Approval of …"): no subject.
_REFERENCE = re.compile(r"^[A-Z]{0,4}[- ]?\d{2,4}[-/.]\d{1,5}[A-Z]?$")
_ASIDE = re.compile(r"\([^)]*\)")
_HEADING_WORD = re.compile(r"decision|outcome|response|view|comment", re.I)
# A table column that records what the meeting decided on each row ("Application | Proposal | Decision").
_DECISION_HEADING = re.compile(
    r"^(?:(?:council|committee|board|panel|town\s+council|parish\s+council)(?:'s|’s)?\s+)?"
    r"(?:decision|outcome|response|view)s?$|^(?:council|committee)(?:'s|’s)?\s+comments?$",
    re.I,
)
MIN_ROWS = 3


@dataclass(frozen=True)
class Row:
    """One table row read as a disposition: its cells and, where present, number, subject, decision."""

    block: Block
    cells: tuple[str, ...]
    offsets: tuple[int, ...]
    number: str | None
    subject: int | None
    disposition: bool


def _is_upper(text: str, share: float = 0.9) -> bool:
    """Mostly capitals (a bracketed aside such as "(See Motion 1)" aside)."""
    if "(" in text:
        text = _ASIDE.sub("", text)
    upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))
    return upper + lower >= 3 and upper >= share * (upper + lower)


def _decision_cell(cell: str) -> bool:
    """A decision column's cell: a short phrase in capitals, or opening with a decision's word."""
    return _is_upper(cell) or bool(_DECISION_WORD.match(cell))


def _identifier(cell: str, motion: bool) -> str | None:
    """The row's item number; a motion's row may name it instead ("Leave of Absence")."""
    if _NUMBER_CELL.match(cell):
        return cell
    short = len(cell.split()) <= 4 and cell[:1].isupper() and not _MOVERS.match(cell)
    return cell if motion and short and not _MOTION_TEXT.match(cell) else None


def read_row(doc: DocumentText, block: Block) -> Row:
    raw = doc.block_text(block)
    cells: list[str] = []
    offsets: list[int] = []
    position = block.start
    for part in raw.split("\t"):
        stripped = part.strip()
        cells.append(stripped)
        offsets.append(position + (part.find(stripped) if stripped else 0))
        position += len(part) + 1
    present = [i for i, cell in enumerate(cells) if cell]
    if len(present) < 2 or not _decision_cell(cells[present[-1]]):
        return Row(block, tuple(cells), tuple(offsets), None, None, False)
    inner = present[1:-1]
    subject = next(
        (i for i in inner if (not _MOVERS.match(cells[i]) or _MOTION_TEXT.match(cells[i]))
         and not _REFERENCE.match(cells[i])),
        None,
    )
    number = _identifier(cells[present[0]], subject is not None and bool(_MOTION_TEXT.match(cells[subject])))
    last = cells[present[-1]]
    decided = len(last.split()) <= 14 and not _is_upper(cells[present[0]])
    motion = any(_MOTION_TEXT.match(cells[i]) for i in inner)
    disposition = decided and (number is not None or motion)
    return Row(block, tuple(cells), tuple(offsets), number, subject, disposition)


def _rows(doc: DocumentText) -> list[Row]:
    """Rows that may matter: one cell (a section) or a last cell in capitals (a decision)."""
    rows = []
    for block in doc.blocks:
        if block.kind != "table_row":
            continue
        raw = doc.block_text(block)
        if "\t" not in raw.strip() or _decision_cell(raw.rsplit("\t", 1)[-1].strip()):
            rows.append(read_row(doc, block))
    return rows


def _section(row: Row) -> str | None:
    filled = [cell for cell in row.cells if cell]
    if len(filled) == 1 and len(filled[0].split()) >= 2 and _is_upper(filled[0], 0.7 - 0.2 * row.block.bold):
        return clean(filled[0])
    return None


def _line_of(lines: list[Line], starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def table_heads(doc: DocumentText, lines: list[Line]) -> list[Head]:
    """Items of a disposition document (sections and numbered rows); [] when it is not one."""
    rows = _rows(doc)
    if sum(row.disposition for row in rows) < MIN_ROWS:
        return []
    starts = [line.start for line in lines]
    heads: list[Head] = []
    pending: tuple[str, Row] | None = None
    for row in rows:
        section = _section(row)
        if section is not None:
            pending = (section, row)
            continue
        if not row.disposition:
            continue
        if pending is not None:
            index = _line_of(lines, starts, pending[1].block.start)
            heads.append(Head(None, pending[0], index, index, pending[1].block.start))
            pending = None
        if row.number is not None:
            title = row.cells[row.subject] if row.subject is not None else None
            if title and _MOTION_TEXT.match(title):
                title = None
            index = _line_of(lines, starts, row.block.start)
            heads.append(Head(row.number.rstrip(".)"), title, index, index, row.block.start))
    return heads


def table_decisions(doc: DocumentText) -> list[Span]:
    """Decisions of disposition rows: the decision cell, with the motion's own words when it has them."""
    spans: list[Span] = []
    for row in _rows(doc):
        if not row.disposition:
            continue
        last = max(i for i, cell in enumerate(row.cells) if cell)
        if _NOT_DECIDED.search(row.cells[last]):
            continue
        # "approved | Pass": the action taken and its result, from the first decision cell after the subject.
        after = row.subject + 1 if row.subject is not None else 1
        first = next((i for i in range(after, last) if row.cells[i] and _decision_cell(row.cells[i])), last)
        if row.subject is not None and _MOTION_TEXT.match(row.cells[row.subject]):
            first = row.subject
        start, end = row.offsets[first], row.offsets[last] + len(row.cells[last])
        spans.append(Span(doc.text[start:end], start, end))
    return spans


def column_decisions(doc: DocumentText) -> list[Span]:
    """Cells under a table's "Decision" column heading: what was decided on each row (a disposition
    document's "DISPOSITION" column is read row by row in `table_decisions`)."""
    spans: list[Span] = []
    column: int | None = None
    for block in doc.blocks:
        if block.kind != "table_row":
            column = None
            continue
        if column is None and _HEADING_WORD.search(doc.text, block.start, block.end) is None:
            continue  # most rows of a long pack: no heading and no column under one
        row = read_row(doc, block)
        heading = next((i for i, cell in enumerate(row.cells) if _DECISION_HEADING.match(cell)), None)
        if heading is not None and len(row.cells) >= 2:
            column = heading
        elif column is not None and column < len(row.cells) and row.cells[column]:
            if _NOT_DECIDED.search(row.cells[column]):
                continue
            start = row.offsets[column]
            spans.append(Span(row.cells[column], start, start + len(row.cells[column])))
    return spans
