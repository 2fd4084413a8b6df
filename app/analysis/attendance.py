"""Who attended: members present, apologies, absentees, officers and others, from the opening of minutes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.analysis.lines import Line
from app.analysis.names import Person, find_role, split_people
from app.model import Attendee, DocumentText

# Attendance sits at the head of minutes (or in their first item); never read a whole pack for it.
SCAN_LINES = 400
SCAN_CHARS = 40_000

_NUMBER = r"(?:item\s+)?(?:\d{1,3}(?:[./]\d{1,3}){0,2}[.)]?|[A-Z]\d{0,3}[.)])"
_STATUS_LABELS: tuple[tuple[str, str, str | None], ...] = (
    (
        r"apologies(?:\s+for\s+(?:absence|non-attendance))?(?:\s+(?:received|and\s+absences?))?|regrets|"
        r"members?\s+excused|excused(?:\s+absences?)?|absent\s+with\s+(?:apologies|regrets|notice|leave)|"
        r"absent\s+(?:and\s+)?excused|the\s+following\s+(?:\w+\s+){0,3}(?:sent|tendered)\s+apologies|"
        r"leave\s+of\s+absence|ymddiheuriadau",
        "apologies",
        None,
    ),
    (r"(?:(?:council\s*)?(?:members?|councill?ors?|councilmembers?|cllrs?|commissioners|trustees|directors)\s+)?"
     r"absent(?:\s+without\s+(?:apologies|notice))?|not\s+present|"
     r"the\s+following\s+(?:\w+\s+){0,3}were\s+absent",
     "absent", None),
    (r"(?:co-?opted|non-councill?or|lay|independent|external|church|parent)\s+(?:members?|representatives?)"
     r"(?:\s+present)?", "co-opted", None),
    (r"substitutes?(?:\s+members?)?(?:\s+present)?", "substitute", None),
    (r"(?:members\s+of\s+(?:the\s+)?)?(?:press\s+and\s+)?public(?:\s+(?:present|gallery))?|"
     r"number\s+of\s+(?:members\s+of\s+the\s+)?public", "public", None),
    (r"also\s+(?:present|in\s+attendance|attending)|others?(?:\s+(?:members|councill?ors))?(?:\s+present|"
     r"\s+in\s+attendance)?|hefyd\s+yn\s+bresennol|"
     r"visitors|guests|observers", "also-present", None),
    (r"(?:council\s+)?officers?(?:\s+(?:in\s+attendance|present|attending))?|officials?(?:\s+(?:in\s+"
     r"attendance|present))?|(?:council\s+)?staff(?:\s+(?:in\s+attendance|present))?|in\s+attendance|"
     r"co-?opted\s+employees(?:\s*/\s*officers)?|administration|minute[- ]?taker|"
     r"(?:the\s+)?clerk(?:\s+to\s+the\s+council)?|swyddogion", "officer", None),
    (r"in\s+the\s+chair|chair(?:man|person|woman)?|presiding", "present", "Chair"),
    (r"(?:the\s+)?mayor", "present", "Mayor"),
    (r"(?:(?:council|committee|board|elected|panel)\s+)?members?(?:\s+of\s+the\s+(?:joint\s+)?"
     r"(?:committee|council|board|panel|authority))?(?:\s+present)?|"
     r"present(?:\s+(?:in\s+person|remotely|virtually|were))?|(?:councill?ors?|councilmembers?|"
     r"council\s+members?|cllrs?|commissioners|aldermen|alderpersons|trustees|directors|board\s+members|"
     r"selectmen|council|committee|board)\s+(?:present|in\s+attendance)|attendance|attendees|roll\s+call|"
     r"sederunt|yn\s+bresennol|"
     r"the\s+following\s+(?:\w+\s+){0,3}were\s+present", "present", None),
)
_LABEL_ALTERNATIVES = "|".join(f"(?P<l{i}>{pattern})" for i, (pattern, _, _) in enumerate(_STATUS_LABELS))
# A label opens a line (perhaps after an item number) and ends it, or is followed by a colon or dash.
_LABEL = re.compile(
    rf"^[\s*_#>•·-]*(?:{_NUMBER}\s+)?(?:{_LABEL_ALTERNATIVES})[ *_]*"
    r"(?::|\s[-–—]\s|$|(?=\t)|\s+/\s+[^:\n]{1,40}(?::|$)|(?=\s+(?:councill?ors?|cllrs?|mayor|mr|mrs|ms|dr|none|nil)\b))"
    r"[\s*_]*",
    re.I,
)
# A second label later in the same line: "Present: A, B. Absent: C." (always with its colon here).
_UNNAMED_LABELS = _LABEL_ALTERNATIVES.replace("?P<l", "?P<m")
_INLINE_LABEL = re.compile(rf"(?:[.;:]\s+|\s{{2,}})(?=(?:{_UNNAMED_LABELS})\s*:)", re.I)
_SENTENCE_WORDS = ("apolog", "absence", "substitut", "regret", "excused")
_ENDS_WITH_TITLE = re.compile(r"(?:^|[\s,])(?:Mr|Mrs|Ms|Dr|Cr|Cllr|Councillor)\.?$")
_TITLED_WORD = re.compile(r"^\W*(?:Mr|Mrs|Ms|Dr|Cr|Cllr|Councillor)\.?\s+[A-Z][\w'’]+$")
_BARE_WORD = re.compile(r"^\W*[A-Z][\w'’-]+\W*$")
_ONE_WORD = re.compile(r"^[A-Z][\w'’-]+$")
# A motion's mover and seconder, or its outcome: the list of people above it has ended.
_MOTION_LINE = re.compile(
    r"^\W*(?:moved|seconded|proposed|prop|2nd|mover|seconder|carried|resolved|agreed|(?:\w+\s+)?resolution)\b",
    re.I,
)
_OPEN_ENDINGS = (",", " and", "&", " from")
_CELL_SPLIT = re.compile(r"\t| {3,}")
_ITEM_HEADING = re.compile(rf"^\s*{_NUMBER}(?:\s+\S|\s*$)", re.I)
_NONE = re.compile(
    r"^\W*(?:there\s+were\s+)?(?:none|nil|n/?a|no\s+apologies|no\s+apologies\s+for\s+absence)"
    r"(?:\s+(?:(?:were|had\s+been|have\s+been|was)\s+)?(?:received|given|submitted|made|recorded|noted|"
    r"tendered))?(?:\s+for\s+this\s+meeting)?\W*$",
    re.I,
)
_APOLOGY_FROM = re.compile(
    r"apolog(?:y|ies)(?:\s+for\s+(?:absence|lateness))?\s+(?:(?:were|had\s+been|have\s+been|was|is)\s+)?"
    r"(?:(?:received|submitted|tendered|given|noted|offered|sent|intimated|presented|recorded)"
    r"(?:\s+and\s+accepted)?\s+)?(?:from|by|on\s+behalf\s+of)\s+",
    re.I,
)
# "Councillor Z attended as substitute for Councillor Y"
_SUBSTITUTE = re.compile(
    r"(?:^\W*|(?<=[.;])\s+)(?P<names>[^.;]+?)\s+(?:(?:attended|was\s+present|were\s+present|sat)\s+as\s+"
    r"(?:a\s+)?substitutes?|substitut(?:ed|ing))\s+for\b",
    re.I,
)
# "Councillor X for Councillor Y" under a Substitutes heading: the member replaced is not a substitute.
_REPLACED = re.compile(r"\s*\(?\b(?:for|in\s+place\s+of|replacing|substituting\s+for)\s+[^,;)]*\)?", re.I)
# "Councillors Price / Wise": a mover and seconder, not a list of people present or absent.
_MOVER_TITLE = r"(?:(?i:councill?ors?|crs?\.?|cllrs?\.?|mayor|deputy\s+mayor)\s+)?"
_MOVERS = re.compile(rf"^\W*{_MOVER_TITLE}[A-Z][\w'’-]+\s*/\s*{_MOVER_TITLE}[A-Z][\w'’-]+\W*$")
# "Cllr A Smith – Present" in a roll call: the status printed after the name.
_TRAILING_STATUS = re.compile(
    r"(?:\s+(?:were|was|are|is))?(?:\s*[-–:]\s*|\s+)"
    r"(?P<status>present|absent|excused|apologies|here|remote(?:ly)?|online)\.?\s*$",
    re.I,
)
_SEGMENT_END = re.compile(r";|\b(?P<word>\w+)\.\s+(?=[A-Z])")
_ABBREVIATIONS = frozenset(
    {"cllr", "cllrs", "prof", "rev", "mrs", "hon", "crs", "esq", "col", "sgt", "insp", "supt"}
)
_TRAILING_STATUSES = {"absent": "absent", "excused": "apologies", "apologies": "apologies"}
_APOLOGY_SENT = re.compile(
    r"^(?P<names>.+?)\s+(?:had\s+|has\s+|have\s+)?(?:sent|gave|given|tendered|offered|submitted)\s+"
    r"(?:(?:his|her|their)\s+)?apologies",
    re.I,
)
_LEAVE = re.compile(
    r"\b(?:(?i:that) +)?(?P<names>(?:(?i:councill?or|cllr|cr|mayor|mr|mrs|ms|dr)\.? +)?[A-Z][\w'’-]+"
    r"(?: +[A-Z][\w'’-]+){0,3})"
    r"\s+(?:be|was|is|were)\s+granted\s+(?:a\s+)?leave\s+of\s+absence"
    # … from this meeting: leave for later dates is no apology for this one.
    r"(?=[^.\n]{0,40}\b(?i:today|this\s+meeting|the\s+meeting))",
)
_NO_APOLOGIES = re.compile(r"\bno\s+apologies\b|\bapologies\W+(?:none|nil)\b", re.I)
_CLAUSE_END = re.compile(
    r"\s+(?:who|due|because|as|owing|being|which|be|were|was|for\s+(?:the|this|absence|lateness|leave))\b|;|"
    # A full stop ends the clause, but not the one of an initial or a title ("Cllr. T. Durkan").
    r"(?<!\b[A-Za-z])(?<!Cllr)(?<!Clr)(?<!Mrs)(?<!Mr)(?<!Ms)(?<!Dr)(?<!Cr)\.(?:\s|$)",
    re.I,
)
_PROSE_WORD = re.compile(r"\b(?!and\b|of\b|the\b|for\b|to\b|de\b|van\b|von\b|la\b|le\b|da\b)[a-z]{2,}\b")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@dataclass
class _Scan:
    """What the reader of the attendance block knows at the current line."""

    status: str | None = None
    role: str | None = None
    columns: tuple[tuple[str, str | None], ...] = ()


def _label(text: str) -> tuple[str, str | None, int] | None:
    """(status, role, end of the label) when `text` opens with an attendance label."""
    match = _LABEL.match(text)
    if not match:
        return None
    index = int(match.lastgroup[1:]) if match.lastgroup else 0
    _, status, role = _STATUS_LABELS[index]
    return status, role, match.end()


def _is_prose(text: str) -> bool:
    return len(_PROSE_WORD.findall(_BRACKETED.sub(" ", text))) >= 3


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
    if (following[0].islower() or following[0] == "(") and not _label(following):
        return True
    # A name broken after its title ("Mr" / "Paul Kelly") or its first name ("Cr Shelley" / "Burne-Field").
    if _ENDS_WITH_TITLE.search(stripped) or (_TITLED_WORD.match(stripped) and _ONE_WORD.match(following)):
        return True
    # A label broken over two lines ("In" / "Attendance").
    short = len(stripped.split()) <= 2 and not _label(stripped)
    return short and _label(f"{stripped} {following}") is not None


def _apology_names(text: str, base: int) -> list[Person] | None:
    """Names in "Apologies were received from A and B" or "A sent apologies"; None for other text."""
    match = _APOLOGY_FROM.search(text)
    if match:
        rest = text[match.end() :]
        cut = _CLAUSE_END.search(rest)
        rest = rest[: cut.start()] if cut else rest
        return split_people(rest, base + match.end(), newline_splits=False)[0]
    sent = _APOLOGY_SENT.match(text) or _LEAVE.search(text)
    if sent:
        return split_people(sent.group("names"), base + sent.start("names"), newline_splits=False)[0]
    return None


def _column_statuses(cells: list[str]) -> tuple[tuple[str, str | None], ...] | None:
    """The statuses of a row of column headings ("Present:", "Also in attendance:", "Apologies").

    A heading that is not an attendance label ("WINNIPEG PUBLIC SERVICE") marks a column of others
    also present; a row holding names is a label beside its value, not headings."""
    register = _register_columns(cells)
    if register:
        return register
    if len(cells) < 2 or not any(_label(cell.strip()) for cell in cells):
        return None
    columns: list[tuple[str, str | None]] = []
    for cell in cells:
        text = cell.strip()
        label = _label(text)
        if label and label[2] >= len(text):
            columns.append((label[0], label[1]))
        elif not text or len(text.split()) > 5 or split_people(text, 0)[0]:
            return None
        else:
            columns.append(("also-present", None))
    return tuple(columns) if any(c != ("also-present", None) for c in columns) else None


def _register_columns(cells: list[str]) -> tuple[tuple[str, str | None], ...] | None:
    """Headings of an attendance register ("Name | Role | Attendance"): one row per person."""
    kinds = [_REGISTER_HEADINGS.get(cell.strip().strip(":").lower(), "") for cell in cells]
    if "name" not in kinds or "status" not in kinds:
        return None
    return tuple((_REGISTER + kind, None) for kind in kinds)


_REGISTER = "register:"
_REGISTER_HEADINGS = {
    "name": "name", "member": "name", "members": "name", "councillor": "name", "councillors": "name",
    "elected member": "name", "role": "role", "position": "role", "attendance": "status", "status": "status",
    "attended": "status", "present": "status",
}
_REGISTER_STATUSES = (
    (("apolog", "sent apolog", "excused", "regrets", "leave"), "apologies"),
    (("absent", "no", "did not"), "absent"),
)
Found = tuple[Person, str, "str | None"]
COLUMN_GAP = 30.0  # points between the left edges of side-by-side columns


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
            self.people.extend(_assign_columns(self.group, self.state.columns))
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
        label = _label(stripped)
        # Sentences about apologies and substitutes are looked at only when their words are there.
        lowered = stripped.lower()
        if label or self.state.status or any(word in lowered for word in _SENTENCE_WORDS):
            # "Apologies were received from A. B attended as substitute for A.": both halves count.
            handled = self._apologies(start, text, label)
            if ("substitut" in lowered and self._substitutes(start, text)) or handled:
                return
        if label:
            self.set(_Scan(label[0], label[1]))
            offset = text.find(stripped) + label[2]
            # "Present\tA, B\tnotes": a label in a table row governs its own cell only.
            cell = text[offset:].lstrip("\t").split("\t")[0]
            self._content(start + text.find(cell, offset), cell, lone=False)
        elif not self.state.status:
            return
        elif _ITEM_HEADING.match(stripped) or _MOTION_LINE.match(stripped) or _is_prose(stripped):
            self.set(_Scan())
        elif not _MOVERS.match(stripped):
            self._content(start, text, lone=True)

    def _heading(self, stripped: str) -> bool:
        """A row of column headings, or a label alone on its line."""
        header = _column_statuses([c for c in _CELL_SPLIT.split(stripped) if c.strip()])
        if header:
            self.set(_Scan(header[0][0], header[0][1], header))
            return True
        label = _label(stripped)
        if label and label[2] >= len(stripped):
            self._open(label[0], label[1])
            return True
        return False

    def _substitutes(self, start: int, text: str) -> bool:
        found = False
        for substitute in _SUBSTITUTE.finditer(text):
            if not found:
                self.set(_Scan())
            found = True
            names = split_people(substitute.group("names"), start + substitute.start("names"), False)[0]
            self.add(names, "substitute", None)
        return found

    def _open(self, status: str, role: str | None) -> None:
        """A label alone on its line; several in a row are the headings of side-by-side columns."""
        self.pending.append((status, role))
        if len(self.pending) > 1:
            self.set(_Scan(self.pending[0][0], self.pending[0][1], tuple(self.pending)))
        else:
            self.set(_Scan(status, role))

    def _apologies(self, start: int, text: str, label: tuple[str, str | None, int] | None) -> bool:
        if (label and label[0] == "apologies") or self.state.status == "apologies":
            rest = text[label[2] :] if label else text
            if _NONE.match(rest):
                self.set(_Scan())
                return True
        names = _apology_names(text, start)
        if names is not None:
            self.set(_Scan())
            self.add(names, "apologies", None)
            return True
        if _NO_APOLOGIES.search(text):
            self.set(_Scan())
            return True
        return False

    def _content(self, start: int, text: str, lone: bool) -> None:
        """People listed in `text` under the current heading; `lone` when the line has no label of its own."""
        state = self.state
        assert state.status is not None
        if state.columns and "\t" in text.strip():
            self._columns(start, text)
            return
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
                listed = _REPLACED.sub(lambda match: " " * len(match.group(0)), listed)
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

    def _columns(self, start: int, text: str) -> None:
        """A row of side-by-side columns: each cell takes the status of its column's heading."""
        if self.state.columns[0][0].startswith(_REGISTER):
            self._register_row(start, text)
            return
        offset = 0
        for index, cell in enumerate(text.split("\t")):
            if index < len(self.state.columns) and cell.strip():
                status, role = self.state.columns[index]
                found = split_people(cell, start + offset, newline_splits=False)[0]
                self.people.extend((person, status, person.role or role) for person in found)
            offset += len(cell) + 1

    def _register_row(self, start: int, text: str) -> None:
        """One person's row of an attendance register: name, perhaps role, and what the register says."""
        cells = text.split("\t")
        kinds = [kind[len(_REGISTER) :] for kind, _ in self.state.columns]
        people: list[Person] = []
        status, role, offset = "present", None, 0
        for kind, cell in zip(kinds, cells, strict=False):
            if kind == "name":
                people = split_people(cell, start + offset, newline_splits=False)[0]
            elif kind == "role":
                role = find_role(cell) or (cell.strip() or None)
            elif kind == "status":
                status = _register_status(cell)
            offset += len(cell) + 1
        self.people.extend((person, status, person.role or role) for person in people)


def _register_status(cell: str) -> str:
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


Columns = tuple[tuple[str, "str | None"], ...]


def _assign_columns(group: list[tuple[Found, float | None]], columns: Columns) -> list[Found]:
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


def _segments(text: str) -> list[tuple[int, str]]:
    """A line cut before each inline label, as (offset, text) pairs."""
    if ":" not in text:
        return [(0, text)]
    cuts = [match.end() for match in _INLINE_LABEL.finditer(text)]
    bounds = [0, *cuts, len(text)]
    return [(bounds[i], text[bounds[i] : bounds[i + 1]]) for i in range(len(bounds) - 1)]


def _read(lines: list[Line]) -> _Reader:
    reader = _Reader()
    window = [line for line in lines[:SCAN_LINES] if line.start < SCAN_CHARS]
    for start, line_text, x0 in _logical_lines(window):
        for offset, text in _segments(line_text):
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


def is_attendance_label(text: str) -> bool:
    """True when `text` opens with an attendance heading ("Present:", "Apologies", "In attendance")."""
    return _label(text.strip()) is not None
