"""Declarations of interest: who declared what kind of interest in which item, or that none were declared."""

from __future__ import annotations

import bisect
import re

from app.analysis.lines import Line
from app.analysis.names import clean_person, split_people
from app.model import DocumentText, Interest, Item

SECTION_CHARS = 600  # how far after a "Declarations of interest" heading its answer is read
SENTENCE_CHARS = 400

_HEADING = re.compile(
    r"(?im)^[\W\d]*?(?:\w+[./]\w+(?:[./]\w+)?\s+)?(?:declarations?|disclosures?|conflicts?|registration)\s+of\s+"
    r"(?:[\w-]+\s+){0,4}?interests?\b[^\n]*$"
)
_DECLARED = re.compile(
    r"\b(?:declared|disclosed|declaring|disclosing|registered|declare|declares|discloses)\b[^.\n]{0,120}?"
    r"\binterests?\b|\binterests?\s+(?:was|were)\s+(?:declared|disclosed)\s+by\b",
    re.I,
)
_NONE = re.compile(
    r"^\W*(?:none|nil|n/a)\b|\bno\s+(?:\w+\s+){0,3}(?:declarations|disclosures|interests|conflicts)\b|"
    r"\b(?:declarations|disclosures|interests)\b[^.\n]{0,40}\bnone\b|\bnone\s+(?:were|was)\s+"
    r"(?:declared|disclosed|made|received)",
    re.I,
)
_KINDS = (
    (re.compile(r"\bnon[- ]?pecuniary\b|\b(?:other|non)[- ]registrable\b", re.I), "non-pecuniary"),
    (re.compile(r"\bprejudicial\b", re.I), "prejudicial"),
    (re.compile(r"\bpecuniary\b|\bDPI\b|\bfinancial\b", re.I), "pecuniary"),
    (re.compile(r"\bpersonal\b", re.I), "personal"),
)
_ITEM_REF = re.compile(
    r"\b(?:agenda\s+)?(?:item|minute|report|application)\s+(?:no\.?\s*|number\s+)?(?P<number>[A-Z]?\d+[\w./-]*)",
    re.I,
)
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
    start = max(text.rfind("\n", 0, at), text.rfind(". ", max(0, at - SENTENCE_CHARS), at) + 1) + 1
    stop = re.compile(r"\.(?:\s|$)|\n\s*\n").search(text, at, at + SENTENCE_CHARS)
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
    if index >= 0 and not _HEADING.search(items[index].title or ""):
        return items[index].number
    return None


def _declarations(text: str, items: tuple[Item, ...]) -> list[Interest]:
    starts = [item.start for item in items]
    found: list[Interest] = []
    seen: set[int] = set()
    for match in _DECLARED.finditer(text):
        start, end = _sentence(text, match.start())
        if start in seen:
            continue
        seen.add(start)
        sentence = text[start:end]
        who = _who(text[start : match.start()], sentence)
        kind = _kind(sentence)
        number = _item_number(sentence, start, items, starts)
        whom: list[str | None] = [*who] or [None]
        found.extend(Interest(person, number, kind, sentence, start, end) for person in whom)
    return found


def _table_rows(text: str) -> list[Interest]:
    """Rows of a declarations table under its heading: a cell naming the member, a cell naming the item."""
    found: list[Interest] = []
    for heading in _HEADING.finditer(text):
        position = heading.end() + 1
        while position < len(text):
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            row = text[position:end]
            if "\t" not in row:
                break
            people = [p for cell in row.split("\t") for p in split_people(cell, 0, newline_splits=False)[0]]
            ref = _ITEM_REF.search(row)
            for person in people if ref or people else []:
                number = ref.group("number").rstrip(".") if ref else None
                found.append(Interest(person.name, number, _kind(row), row, position, end))
            position = end + 1
    return found


def _none_declared(text: str) -> bool:
    for heading in _HEADING.finditer(text):
        if _NONE.search(heading.group(0)):
            return True
        after = text[heading.end() : heading.end() + SECTION_CHARS].strip()
        answer = re.split(r"\n\s*\n|\n(?=\s*\d)", after, maxsplit=1)[0] if after else ""
        if answer and _NONE.search(answer):
            return True
    return False


def find_interests(
    doc: DocumentText, lines: list[Line], items: tuple[Item, ...]
) -> tuple[tuple[Interest, ...], bool]:
    """The declarations of interest, and True when the paper records that none were declared."""
    del lines  # declarations are sentences; the text is read directly
    text = doc.text
    found = [i for i in _declarations(text, items) if not _NONE.search(i.text) or i.who]
    found += _table_rows(text)
    return tuple(found), not found and _none_declared(text)
