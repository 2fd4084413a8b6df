"""Who attended: members present, apologies, absentees, officers and others, from the opening of minutes."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.analysis.attendance_columns import (
    Columns,
    Found,
    assign_columns,
    column_row,
    column_statuses,
    status_row,
)
from app.analysis.attendance_labels import ITEM_NUMBER, read_label, segments
from app.analysis.attendance_sentences import NO_APOLOGIES, NONE, REPLACED, SUBSTITUTE, apology_names
from app.analysis.lines import Line
from app.analysis.names import Person, is_name, split_people
from app.model import Attendee, DocumentText

# Attendance sits at the head of minutes (or in their first item); never read a whole pack for it.
SCAN_LINES = 400
SCAN_CHARS = 40_000

_SENTENCE_WORDS = ("apolog", "absence", "substitut", "regret", "excused")
_ENDS_WITH_TITLE = re.compile(r"(?:^|[\s,])(?:Mr|Mrs|Ms|Dr|Cr|Cllr|Councillor)\.?$")
_TITLED_WORD = re.compile(r"^\W*(?:Mr|Mrs|Ms|Dr|Cr|Cllr|Councillor)\.?\s+[A-Z][\w'’]+$")
_BARE_WORD = re.compile(r"^\W*[A-Z][\w'’-]+\W*$")
_ONE_WORD = re.compile(r"^[A-Z][\w'’-]+$")
# "… from Councillor Harriet" / "Quayle.": a first name at a line end, its surname on the next line.
_ENDS_TITLED_WORD = re.compile(r"(?:^|[\s,])(?:Mr|Mrs|Ms|Dr|Cr|Cllr|Councillor)\.?\s+[A-Z][\w'’-]+$")
_SURNAME_FIRST = re.compile(r"^[A-Z][\w'’-]+(?:[.,;]|\s*$)")
# A motion's mover and seconder, or its outcome: the list of people above it has ended.
_MOTION_LINE = re.compile(
    r"^\W*(?:moved|seconded|proposed|prop|2nd|mover|seconder|carried|resolved|agreed|(?:\w+\s+)?resolution)\b",
    re.I,
)
_OPEN_ENDINGS = (",", " and", "&", " from")
_CELL_SPLIT = re.compile(r"\t| {3,}")
_ITEM_HEADING = re.compile(rf"^\s*{ITEM_NUMBER}(?:\s+\S|\s*$)", re.I)
# "R. Gill, General Manager": an initial and a surname, not a lettered item ("A. Minutes").
_ROLE_CELL = re.compile(
    r"^\W*(?:(?:deputy|vice)[ -])?(?:chair(?:man|person|woman)?|mayor|(?:(?:council|committee|board|elected|"
    r"panel)\s+)?members?|councill?ors?|directors?|trustees?)\W*$",
    re.I,
)
_INITIAL_NAME = re.compile(r"^[A-Z]\.\s*[A-Z][\w'’-]+(?=,|$)")
# "Councillors Price / Wise": a mover and seconder, not a list of people present or absent.
_MOVER_TITLE = r"(?:(?i:councill?ors?|crs?\.?|cllrs?\.?|mayor|deputy\s+mayor)\s+)?"
_MOVERS = re.compile(rf"^\W*{_MOVER_TITLE}[A-Z][\w'’-]+\s*/\s*{_MOVER_TITLE}[A-Z][\w'’-]+\W*$")
# "Cllr A Smith – Present" in a roll call: the status printed after the name.
_TRAILING_STATUS = re.compile(
    r"(?:\s+(?:were|was|are|is))?(?:\s*[-–:]\s*|\s+)"
    r"\(?(?P<status>present|absent|excused|apologies|regrets|here|remote(?:ly)?|online)\)?\.?\s*$",
    re.I,
)
_SEGMENT_END = re.compile(r";|\b(?P<word>\w+)\.\s+(?=[A-Z])|(?<=\))\.\s+(?=[A-Z])")
_ABBREVIATIONS = frozenset(
    {"cllr", "cllrs", "prof", "rev", "mrs", "hon", "crs", "esq", "col", "sgt", "insp", "supt"}
)
_TRAILING_STATUSES = {
    "absent": "absent", "excused": "apologies", "apologies": "apologies", "regrets": "apologies"
}
_GROUP_LABEL = re.compile(r"^\s*[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2}\s*:\s+(?=\S)")
_PROSE_WORD = re.compile(r"\b(?!and\b|of\b|the\b|for\b|to\b|de\b|van\b|von\b|la\b|le\b|da\b)[a-z]{2,}\b")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@dataclass
class _Scan:
    """What the reader of the attendance block knows at the current line."""

    status: str | None = None
    role: str | None = None
    columns: Columns = ()
    # Under a label alone on its line ("ABSENT"), whose table rows name each member's role.
    heading: bool = False
    label: str = ""  # that label as printed


def _only_names(cell: str) -> bool:
    people, rejected = split_people(cell, 0, newline_splits=False)
    return bool(people) and not rejected


def _is_prose(text: str) -> bool:
    return len(_PROSE_WORD.findall(_BRACKETED.sub(" ", text))) >= 3


def _ends_list(stripped: str) -> bool:
    """An item heading, a motion or prose: the list of people above has ended."""
    if _ITEM_HEADING.match(stripped):
        initial = _INITIAL_NAME.match(stripped)
        return not (initial and is_name(initial.group(0)))
    # "Cllr G Shaw (family) and Cllr P Moss (work). It was RESOLVED to accept the apologies.";
    # "Cr Graeme Oxley | via audio/visual link": a note in the cell beside the name.
    first = _status_segments(stripped)[0][1].split("\t", 1)[0]
    return bool(_MOTION_LINE.match(stripped)) or _is_prose(first)


def _logical_lines(lines: list[Line]) -> list[tuple[int, str, float | None]]:
    """Lines with list continuations joined (open bracket, trailing comma or "and", lower-case start),
    each with the left edge of its block on the page where the source has one."""
    out: list[tuple[int, str, float | None]] = []
    i = 0
    while i < len(lines):
        first = lines[i]
        text = first.text
        while i + 1 < len(lines) and lines[i + 1].stripped and _continues(text, lines[i + 1].stripped):
            i += 1
            text = text + "\n" + lines[i].text
        bbox = first.block.bbox if first.block else None
        out.append((first.start, text, bbox[0] if bbox else None))
        i += 1
    return out


def _continues(text: str, following: str) -> bool:
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped.count("(") > stripped.count(")") or stripped.lower().endswith(_OPEN_ENDINGS):
        return True
    if (following[0].islower() or following[0] == "(") and not read_label(following):
        return True
    # A name broken after its title ("Mr" / "Paul Kelly") or its first name ("Cr Shelley" / "Burne-Field").
    if _ENDS_WITH_TITLE.search(stripped) or (_TITLED_WORD.match(stripped) and _ONE_WORD.match(following)):
        return True
    if _ENDS_TITLED_WORD.search(stripped) and _SURNAME_FIRST.match(following):
        return True
    # A label broken over two lines ("In" / "Attendance").
    short = len(stripped.split()) <= 2 and not read_label(stripped)
    return short and read_label(f"{stripped} {following}") is not None

class _Reader:
    """Reads the attendance block line by line, collecting people with their status."""

    def __init__(self) -> None:
        self.people: list[Found] = []
        # Names under side-by-side column headings, with their left edge, held until the block ends.
        self.group: list[tuple[Found, float | None]] = []
        self.state = _Scan()
        self.pending: list[tuple[str, str | None]] = []
        self.x0: float | None = None

    def set(self, state: _Scan) -> None:
        if self.group and state.columns != self.state.columns:
            self.people.extend(assign_columns(self.group, self.state.columns))
            self.group = []
        self.state = state

    def add(self, people: list[Person], status: str, role: str | None) -> None:
        for person in people:
            found = (person, status, person.role or role)
            if self.state.columns:
                self.group.append((found, self.x0))
            else:
                self.people.append(found)

    def line(self, start: int, text: str, x0: float | None) -> None:
        stripped = text.strip()
        if not stripped:
            return
        self.x0 = x0
        if self._heading(stripped):
            return
        self.pending = []
        label = read_label(stripped)
        # Sentences about apologies and substitutes are looked at only when their words are there.
        lowered = stripped.lower()
        if label or self.state.status or any(word in lowered for word in _SENTENCE_WORDS):
            # "Apologies were received from A. B attended as substitute for A.": both halves count.
            handled = self._apologies(start, text, label)
            if ("substitut" in lowered and self._substitutes(start, text)) or handled:
                return
        kept = bool(label and self._role_row(stripped, label))
        if label and kept:
            label = (self.state.status or label[0], label[1], label[2])
        if label:
            self.set(_Scan(label[0], label[1], heading=kept))
            offset = text.find(stripped) + label[2]
            # "Present\tA, B\tnotes": a label in a table row governs its own cell, and the cells
            # beside it only when they hold nothing but names ("Present:\tA (Chair)\tB").
            cells = text[offset:].lstrip("\t").split("\t")
            at = offset
            for number, cell in enumerate(cells):
                at = text.find(cell, at)
                if number == 0 or _only_names(cell):
                    self._content(start + at, cell, lone=False)
                at += len(cell)
        elif not self.state.status:
            self.people.extend(status_row(start, text))
        elif _ends_list(stripped):
            self.set(_Scan())
        elif not _MOVERS.match(stripped):
            self._content(start, text, lone=True)

    def _role_row(self, stripped: str, label: tuple[str, str | None, int]) -> bool:
        """ "ABSENT" / "Member | Tom Yates": a role in the table under a heading keeps its status."""
        state = self.state
        return (
            state.heading and state.status != "present" and label[0] == "present"
            and bool(_ROLE_CELL.match(stripped[: label[2]]))
        )

    def _heading(self, stripped: str) -> bool:
        """A row of column headings, or a label alone on its line."""
        header = column_statuses([c for c in _CELL_SPLIT.split(stripped) if c.strip()])
        if header:
            self.set(_Scan(header[0][0], header[0][1], header))
            return True
        label = read_label(stripped)
        if label and label[2] >= len(stripped):
            if not self._second_half(stripped, label):
                self._open(label[0], label[1], stripped)
            return True
        return False

    def _second_half(self, stripped: str, label: tuple[str, str | None, int]) -> bool:
        """ "Staff" … "Present:": a label printed over two lines beside its names (PDF reading order)."""
        state = self.state
        if not (state.heading and label[0] == "present" and label[1] is None) or ":" in state.label:
            return False
        joined = read_label(f"{state.label} {stripped}")
        if joined is None or joined[0] != state.status:
            return False
        self.state = replace(state, label=f"{state.label} {stripped}")  # once: the label is now whole
        return True

    def _substitutes(self, start: int, text: str) -> bool:
        found = False
        for substitute in SUBSTITUTE.finditer(text):
            if not found:
                self.set(_Scan())
            found = True
            names = split_people(substitute.group("names"), start + substitute.start("names"), False)[0]
            self.add(names, "substitute", None)
        return found

    def _open(self, status: str, role: str | None, text: str) -> None:
        """A label alone on its line; several in a row are the headings of side-by-side columns."""
        self.pending.append((status, role))
        if len(self.pending) > 1:
            self.set(_Scan(self.pending[0][0], self.pending[0][1], tuple(self.pending)))
        else:
            self.set(_Scan(status, role, heading=True, label=text))

    def _apologies(self, start: int, text: str, label: tuple[str, str | None, int] | None) -> bool:
        if (label and label[0] == "apologies") or self.state.status == "apologies":
            rest = text[label[2] :] if label else text
            if NONE.match(rest):
                self.set(_Scan())
                return True
        names = apology_names(text, start)
        if names is not None:
            self.set(_Scan())
            self.add(names, "apologies", None)
            return True
        if NO_APOLOGIES.search(text):
            self.set(_Scan())
            return True
        return False

    def _content(self, start: int, text: str, lone: bool) -> None:
        """People listed in `text` under the current heading; `lone` when the line has no label of its own."""
        state = self.state
        assert state.status is not None
        if state.columns and "\t" in text.strip():
            self.people.extend(column_row(state.columns, start, text))
            return
        # "Cabinet Members: Councillors A, B": a group's own label before its names.
        group = _GROUP_LABEL.match(text) if lone else None
        # "An Garda Síochána: Chief Superintendent Ray Tobin": a body's name in capitals is a label too.
        if group and (not is_name(group.group(0).strip(" :")) or _only_names(text[group.end() :])):
            start, text = start + group.end(), text[group.end() :]
        found: list[tuple[list[Person], str]] = []
        rejected = 0
        for offset, segment in _status_segments(text):
            # "Mayor Lee - present; Councilmember Ortiz - absent", "A and B were present."
            status = state.status
            trailing = _TRAILING_STATUS.search(segment)
            if trailing:
                status = _TRAILING_STATUSES.get(trailing.group("status").lower(), "present")
            listed = segment[: trailing.start()] if trailing else segment
            if status == "substitute":  # blank out "for Councillor Y", keeping every offset
                listed = REPLACED.sub(lambda match: " " * len(match.group(0)), listed)
            people, missed = split_people(listed, start + offset, newline_splits=False)
            if lone and len(people) == 1 and _BARE_WORD.match(listed):
                people, missed = [], 1  # a lone word on its line is a heading ("Welcome"), not a name
            found.append((people, status))
            rejected += missed
        if rejected and not any(people for people, _ in found):
            self.set(_Scan())
            return
        for people, status in found:
            self.add(people, status, state.role)


def _status_segments(text: str) -> list[tuple[int, str]]:
    """A list cut at semicolons and sentence ends (not at "Cllr." or "M."), as (offset, text) pairs."""
    cuts: list[tuple[int, int]] = []
    for match in _SEGMENT_END.finditer(text):
        word = match.group("word")
        if not word:
            cuts.append((match.start(), match.end()))
        elif len(word) > 2 and word.lower() not in _ABBREVIATIONS:
            cuts.append((match.end("word") + 1, match.end()))
    bounds = [(0, 0), *cuts, (len(text), len(text))]
    return [(bounds[i][1], text[bounds[i][1] : bounds[i + 1][0]]) for i in range(len(bounds) - 1)]


def _read(lines: list[Line]) -> _Reader:
    reader = _Reader()
    window = [line for line in lines[:SCAN_LINES] if line.start < SCAN_CHARS]
    for start, line_text, x0 in _logical_lines(window):
        for offset, text in segments(line_text):
            reader.line(start + offset, text, x0)
    reader.set(_Scan())
    return reader


def find_attendance(doc: DocumentText, lines: list[Line]) -> tuple[Attendee, ...]:
    """Everyone the minutes list as attending, sending apologies or absent, with status and role."""
    del doc  # the lines carry the text; the parameter keeps one signature across the analysis
    return _unique(_read(lines).people)


def _unique(found: list[tuple[Person, str, str | None]]) -> tuple[Attendee, ...]:
    seen: set[tuple[str, str]] = set()
    out: list[Attendee] = []
    for person, status, role in found:
        key = (person.name.lower(), status)
        if key in seen:
            continue
        seen.add(key)
        out.append(Attendee(person.name, status, role, person.start, person.end))
    return tuple(out)

