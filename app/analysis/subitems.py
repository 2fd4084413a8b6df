"""Decimal sub-items ("5.1 24/0123/FUL – 12 High Street" under "5. Planning applications"): items
when they are headed and decided, never a report's numbered paragraphs ("2.4 The budget was …")."""

from __future__ import annotations

import re

from app.analysis.headings import Head, looks_like_title, read_title
from app.analysis.lines import Line
from app.analysis.resolutions import LEAD, LEAD_CAPITALS, SENTENCE

_DECIMAL = re.compile(r"^(?P<num>(?P<parent>\d{1,3})\.\d{1,2})\.?(?:\s*[-–—:]\s*|\s+)(?P<rest>\S.*)$")
_LAST_NUMBER = re.compile(r"(\d+)\D*$")
MAX_SUB_TITLE_WORDS = 16


def _parent_number(head: Head) -> str | None:
    match = _LAST_NUMBER.search(head.number or "")
    return str(int(match.group(1))) if match else None


def _decided(lines: list[Line], first: int, end: int) -> bool:
    """Whether lines first..end-1 hold a decision ("Resolved …", "It was agreed …")."""
    for line in lines[first:end]:
        if line.blank:
            continue
        words = line.words
        if LEAD.match(words) or LEAD_CAPITALS.match(words) or SENTENCE.search(words):
            return True
    return False


def _headed(lines: list[Line], index: int, rest: str, following: list[int]) -> Head | None:
    """The sub-item opening at line `index` when its words read as a heading, not a sentence."""
    title, last, run_on = read_title(lines, index, rest, following)
    short = len(title.split()) <= MAX_SUB_TITLE_WORDS and not title.endswith((".", ";", ",", ":"))
    if not title or run_on or not short or looks_like_title(title) < 1.0:
        return None
    match = _DECIMAL.match(lines[index].words)
    number = match["num"] if match else None
    return Head(number, title, index, last, lines[index].start)


def _group(lines: list[Line], head: Head, end: int, following: list[int]) -> list[Head]:
    """Headed decimal sub-items numbered under `head` between its title and line `end`; [] unless
    at least one of them carries a decision."""
    parent = _parent_number(head)
    found: list[Head] = []
    for index in range(head.last_line + 1, end):
        line = lines[index]
        match = _DECIMAL.match(line.words) if line.stripped[:1].isdigit() else None
        if match and match["parent"].lstrip("0") == parent:
            sub = _headed(lines, index, match["rest"], following)
            if sub is not None:
                found.append(sub)
    bounds = [*(sub.line for sub in found), end]
    decided = any(_decided(lines, sub.last_line + 1, bounds[n + 1]) for n, sub in enumerate(found))
    return found if decided else []


def with_subitems(lines: list[Line], heads: list[Head], following: list[int]) -> list[Head]:
    """`heads` with the decided, headed decimal sub-items of each numbered item after it
    (`following`: the next non-blank line of each line)."""
    if not any(head.number for head in heads):
        return heads
    out: list[Head] = []
    for number, head in enumerate(heads):
        out.append(head)
        if head.number is not None:
            end = heads[number + 1].line if number + 1 < len(heads) else len(lines)
            out.extend(_group(lines, head, end, following))
    return out
