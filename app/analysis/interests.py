"""Declarations of interest: who declared what kind of interest in which item, or that none were declared."""

from __future__ import annotations

import bisect
import re

from app.analysis.lines import Line
from app.analysis.meeting import find_all
from app.analysis.names import clean_person, split_people
from app.model import DocumentText, Interest, Item

SECTION_CHARS = 600  # how far after a "Declarations of interest" heading its answer is read
SENTENCE_CHARS = 400

_HEADING = re.compile(
    r"[\W\d]*?(?:\w+[./]\w+(?:[./]\w+)?\s+)?(?:to\s+(?:receive|record|note|consider)\s+(?:any\s+)?)?"
    r"(?:declarations?|disclosures?|conflicts?|registration)\s+of\s+"
    r"(?:[\w-]+\s+){0,4}?interests?\b[^\n]*$",
    re.I,
)
HEADING_CHARS = 160
_DECLARED = re.compile(
    r"\b(?:declared|disclosed|declaring|disclosing|registered|declare|declares|discloses)\b[^.\n]{0,120}?"
    r"\b(?:interests?|connections?)\b|\binterests?\s+(?:was|were)\s+(?:declared|disclosed)\s+by\b|"
    r"\brecus(?:ed|es|ing)\s+(?:him|her|them)sel(?:f|ves)\b",
    re.I,
)
_NONE = re.compile(
    r"^\W*(?:none|nil|n/a)\b|\bno\s+(?:\w+\s+){0,3}(?:declarations|disclosures|interests|conflicts)\b|"
    r"\b(?:declarations|disclosures|interests)\b[^.\n]{0,40}\bnone\b|\bnone\s+(?:were|was)\s+"
    r"(?:declared|disclosed|made|received)",
    re.I,
)
_KINDS = (
    (
        re.compile(r"\bnon[- ]?(?:pecuniary|financial)\b|\b(?:other|non)[- ]registe?rable\b", re.I),
        "non-pecuniary",
    ),
    (re.compile(r"\bprejudicial\b", re.I), "prejudicial"),
    (re.compile(r"\bpecuniary\b|\bDPI\b|\bfinancial\b", re.I), "pecuniary"),
    (re.compile(r"\bpersonal\b", re.I), "personal"),
)
_ITEM_REF = re.compile(
    r"(?:\b(?:agenda\s+)?(?:item|minute|report|application)\s+(?:no\.?\s*|number\s+)?"
    # A minute's code alone after "in": "a pecuniary interest in TC/24/107(b)".
    r"|\bin\s+(?=(?-i:[A-Z]{1,4})[./]\d))"
    r"(?P<number>(?:[A-Z]{1,4}[./]?)?\d+[\w./-]*)",
    re.I,
)
# A full stop, a blank line, or a new line that opens with a capital, a number or a bullet.
_SENTENCE_END = re.compile(r"\.(?:\s|$)|\n\s*\n|\n(?=\s*[\dA-Z•·-])")
_ANSWER_END = re.compile(r"\n\s*\n|\n(?=\s*\d)")
_NAMED_ROW = re.compile(r"^\W*(?P<who>[^\W\d][^:–—\n]{2,60}?)\s+[-–—:]\s+")
_WHO_BY = re.compile(r"\bby\s+(?P<who>[^,.;\n]{3,80})")
_CLAUSE_START = re.compile(
    r"^(?:.*?[,:;]\s+)?(?:(?:at\s+this\s+point|before|during|prior\s+to)\b[^,]*,\s*)?", re.I
)


def _kind(text: str) -> str:
    for pattern, kind in _KINDS:
        if pattern.search(text):
            return kind
    return "other"


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The sentence around offset `at`: from the line or sentence start to its full stop."""
    full_stop = text.rfind(". ", max(0, at - SENTENCE_CHARS), at)
    start = max(text.rfind("\n", 0, at) + 1, full_stop + 2 if full_stop >= 0 else 0)
    stop = _SENTENCE_END.search(text, at, at + SENTENCE_CHARS)
    end = stop.start() + 1 if stop else min(len(text), at + SENTENCE_CHARS)
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _who(before: str, sentence: str) -> list[str]:
    """Who declared: the names before the verb, or after "by" in the passive."""
    subject = _CLAUSE_START.sub("", before.strip(), count=1)
    people = split_people(subject, 0, newline_splits=False)[0]
    if people:
        return [p.name for p in people]
    name, role, _ = clean_person(subject)
    if role and not name:
        return [role]
    by = _WHO_BY.search(sentence)
    if by:
        return [p.name for p in split_people(by.group("who"), 0, newline_splits=False)[0]]
    return []


def _item_number(sentence: str, at: int, items: tuple[Item, ...], starts: list[int]) -> str | None:
    ref = _ITEM_REF.search(sentence)
    if ref:
        return ref.group("number").rstrip(".")
    index = bisect.bisect_right(starts, at) - 1
    if index >= 0 and not _HEADING.match(items[index].title or ""):
        return items[index].number
    return None


def _headings(text: str, anchors: list[int]) -> list[tuple[int, int]]:
    """Spans of the "Declarations of interest" headings holding an anchor (perhaps wrapped onto two lines)."""
    spans: list[tuple[int, int]] = []
    for at in anchors:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        previous = text.rfind("\n", 0, max(0, start - 1)) + 1
        for begin in (start, previous):
            if end - begin < HEADING_CHARS and _HEADING.match(text, begin, end):
                if not spans or spans[-1][1] != end:
                    spans.append((begin, end))
                break
    return spans


def _declarations(text: str, anchors: list[int], items: tuple[Item, ...]) -> list[Interest]:
    starts = [item.start for item in items]
    found: list[Interest] = []
    seen: set[int] = set()
    for at in anchors:
        start, end = _sentence(text, at)
        sentence = text[start:end]
        match = _DECLARED.search(sentence)
        # The anchor must be the word the declaration is about, not a heading run into the sentence.
        if start in seen or not match or not match.start() <= at - start <= match.end():
            continue
        seen.add(start)
        who = _who(sentence[: match.start()], sentence)
        number = _item_number(sentence, start, items, starts)
        whom: list[str | None] = [*who] or [None]
        found.extend(Interest(person, number, _kind(sentence), sentence, start, end) for person in whom)
    return found


def _cells(row: str) -> list[str]:
    """A row's cells: split at tabs, or a member's name and what they declared in a line of its own
    ("Cllr Kettle - item 9(a), neighbour of the applicant"); none when the row is neither."""
    if "\t" in row:
        return row.split("\t")
    named = _NAMED_ROW.match(row)
    return [named.group("who")] if named and _ITEM_REF.search(row, named.end()) else []


def _table_rows(text: str, headings: list[tuple[int, int]]) -> list[Interest]:
    """Rows of a declarations table under its heading: a cell naming the member, a cell naming the item;
    or lines each naming a member and the item."""
    found: list[Interest] = []
    for _, heading_end in headings:
        position = heading_end + 1
        while position < len(text):
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            row = text[position:end]
            cells = _cells(row)
            if not cells:
                break
            people = [p for cell in cells for p in split_people(cell, 0, newline_splits=False)[0]]
            ref = _ITEM_REF.search(row)
            number = ref.group("number").rstrip(".") if ref else None
            found.extend(Interest(person.name, number, _kind(row), row, position, end) for person in people)
            position = end + 1
    return found


def _none_declared(text: str, headings: list[tuple[int, int]]) -> bool:
    for start, end in headings:
        if _NONE.search(text, start, end):
            return True
        after = text[end : end + SECTION_CHARS].strip()
        answer = _ANSWER_END.split(after, maxsplit=1)[0] if after else ""
        # "None" may stand on a line of its own under the agenda's wording and a label ("Minutes:").
        if answer and any(_NONE.search(line) for line in answer.splitlines()):
            return True
    return False


def find_interests(
    doc: DocumentText, lines: list[Line], items: tuple[Item, ...]
) -> tuple[tuple[Interest, ...], bool]:
    """The declarations of interest, and True when the paper records that none were declared."""
    del lines  # declarations are sentences; the text is read directly
    text = doc.text
    # Every rule starts from the word "interest", found by plain search: cheap on a 500-page pack.
    # Scotland's code of conduct has members declare a "connection" (and then, perhaps, an interest).
    anchors = sorted(find_all(text, ("nterest", "NTEREST", "ecuse", "ECUSE", "onnection")))
    headings = _headings(text, anchors)
    found = [i for i in _declarations(text, anchors, items) if not _NONE.search(i.text) or i.who]
    found += _table_rows(text, headings)
    return tuple(found), not found and _none_declared(text, headings)
