"""Attendance printed in columns: side-by-side headings ("Present" | "Officers") and register tables."""

from __future__ import annotations

import re

from app.analysis.attendance_labels import ITEM_NUMBER, read_label
from app.analysis.names import Person, find_role, split_people

Found = tuple[Person, str, "str | None"]
Columns = tuple[tuple[str, "str | None"], ...]
COLUMN_GAP = 30.0  # points between the left edges of side-by-side columns
REGISTER = "register:"
STATUS_ROW_CELLS = 2
_NUMBER_CELL = re.compile(rf"\s*{ITEM_NUMBER}\s*", re.I)
_ROW_STATUSES = frozenset(
    {"present", "apologies", "absent", "in attendance", "apologies received", "excused"}
)
_REGISTER_HEADINGS = {
    "name": "name", "member": "name", "members": "name", "councillor": "name", "councillors": "name",
    "elected member": "name", "role": "role", "position": "role", "attendance": "status", "status": "status",
    "attended": "status", "present": "status", "attendee": "name", "attendees": "name",
}
_REGISTER_STATUSES = (
    (("in attendance", "attending"), "officer"),
    (("apolog", "sent apolog", "excused", "regrets", "leave"), "apologies"),
    (("absent", "no", "did not"), "absent"),
)


def column_statuses(cells: list[str]) -> Columns | None:
    """The statuses of a row of column headings ("Present:", "Also in attendance:", "Apologies").

    A heading that is not an attendance label ("WINNIPEG PUBLIC SERVICE") marks a column of others
    also present; a row holding names is a label beside its value, not headings."""
    register = _register_columns(cells)
    if register:
        return register
    if len(cells) < 2 or not any(read_label(cell.strip()) for cell in cells):
        return None
    if _NUMBER_CELL.fullmatch(cells[0]):  # "24/057 | APOLOGIES FOR ABSENCE": an item's number and title
        return None
    columns: list[tuple[str, str | None]] = []
    for cell in cells:
        text = cell.strip()
        found = read_label(text)
        if found and found[2] >= len(text):
            columns.append((found[0], found[1]))
        elif not text or len(text.split()) > 5 or split_people(text, 0)[0]:
            return None
        else:
            columns.append(("also-present", None))
    return tuple(columns) if any(c != ("also-present", None) for c in columns) else None


def _register_columns(cells: list[str]) -> Columns | None:
    """Headings of an attendance register ("Name | Role | Attendance"): one row per person."""
    kinds = [_REGISTER_HEADINGS.get(cell.strip().strip(":").lower(), "") for cell in cells]
    # Every cell a heading: "Councillor Dermot Gildea | Member | Present" is a row, not the headings.
    headings = all(kind or not cell.strip() for kind, cell in zip(kinds, cells, strict=True))
    if "name" not in kinds or "status" not in kinds or not headings:
        return None
    return tuple((REGISTER + kind, None) for kind in kinds)


def column_row(columns: Columns, start: int, text: str) -> list[Found]:
    """A row of side-by-side columns: each cell takes the status of its column's heading."""
    if columns[0][0].startswith(REGISTER):
        return _register_row(columns, start, text)
    found: list[Found] = []
    offset = 0
    for index, cell in enumerate(text.split("\t")):
        if index < len(columns) and cell.strip():
            status, role = columns[index]
            people = split_people(cell, start + offset, newline_splits=False)[0]
            found.extend((person, status, person.role or role) for person in people)
        offset += len(cell) + 1
    return found


def _register_row(columns: Columns, start: int, text: str) -> list[Found]:
    """A row of an attendance register: name, perhaps role, and what the register says, once or twice
    side by side ("Councillor | Attendance | Councillor | Attendance")."""
    kinds = [kind[len(REGISTER) :] for kind, _ in columns]
    found: list[Found] = []
    people: list[Person] = []
    status, role, offset = "present", None, 0
    for kind, cell in zip(kinds, text.split("\t"), strict=False):
        if kind == "name":
            found.extend((person, status, person.role or role) for person in people)
            people = split_people(cell, start + offset, newline_splits=False)[0]
            status, role = "present", None
        elif kind == "role":
            role = find_role(cell) or (cell.strip() or None)
        elif kind == "status":
            status = register_status(cell)
        offset += len(cell) + 1
    return [*found, *((person, status, person.role or role) for person in people)]


def register_status(cell: str) -> str:
    """The status a register's cell records ("Present", "Apologies", "In attendance")."""
    word = cell.strip().lower()
    for words, status in _REGISTER_STATUSES:
        if word.startswith(words):
            return status
    return "present"


def _column_starts(edges: list[float]) -> list[float]:
    starts: list[float] = []
    for x0 in sorted(edges):
        if not starts or x0 - starts[-1] > COLUMN_GAP:
            starts.append(x0)
    return starts


def assign_columns(group: list[tuple[Found, float | None]], columns: Columns) -> list[Found]:
    """Names under side-by-side headings: by the column their left edge falls in when the page says so;
    otherwise members are those with the bracketed initials the minutes use ("Nick Oakhill (NO)")."""
    edges = [x0 for _, x0 in group if x0 is not None]
    starts = _column_starts(edges) if len(edges) == len(group) else []
    if len(starts) > 1:
        out: list[Found] = []
        for (person, _, role), x0 in group:
            rank = sum(1 for edge in starts[1:] if x0 is not None and x0 >= edge - COLUMN_GAP / 2)
            status, heading_role = columns[min(rank, len(columns) - 1)]
            out.append((person, status, role or heading_role))
        return out
    if len(columns) < 2 or not any(person.initials for (person, _, _), _ in group):
        return [found for found, _ in group]
    first, second = columns[0][0], columns[1][0]
    return [(p, first if p.initials or role else second, role) for (p, _, role), _ in group]


def status_row(start: int, text: str) -> list[Found]:
    """A register row without headings: "Cllr Alison Marsh (Chairman) | Present"."""
    cells = text.split("\t")
    if len(cells) != STATUS_ROW_CELLS or cells[1].strip().lower() not in _ROW_STATUSES:
        return []
    status = register_status(cells[1])
    people = split_people(cells[0], start, newline_splits=False)[0]
    return [(person, status, person.role) for person in people]
