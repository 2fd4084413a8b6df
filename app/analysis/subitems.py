"""Sub-items under a numbered item: decimal ("5.1", "5.A") or lettered ("a)", "B.") headings that are
items of business, never a report's numbered paragraphs ("2.4 The budget was …") or a minute's
lettered sub-paragraphs ("a. Playground – the swings were repaired")."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from app.analysis.headings import VERB, Head, read_title
from app.analysis.lines import Line
from app.analysis.resolutions import CLOSE, LEAD, LEAD_CAPITALS, MOTION_START, SENTENCE

_DECIMAL = re.compile(
    r"^(?P<num>(?P<parent>\d{1,3})\.(?:\d{1,2}|[A-Z]))\.?(?:(?:\s*[-–—:]\s*|\s+)(?P<rest>\S.*))?$"
)
_LETTERED = re.compile(r"^(?P<num>\(?(?P<letter>[a-zA-Z])[.)])\s+(?P<rest>\S.*)$")
_LAST_NUMBER = re.compile(r"(\d+)\D*$")
_INNER_STOP = re.compile(r"[a-z\d][.!?]\s+[A-Z]")
MAX_SUB_TITLE_WORDS = 20
MAX_TITLE_GAP = 3
MAX_LABEL_WORDS = 4
_MAY_SUB = re.compile(r"\(?[A-Za-z][.)]\s|\d{1,3}\.[\dA-Z]")
Matcher = Callable[[str, int], "re.Match[str] | None"]
Sibling = tuple[int, "re.Match[str]"]


@dataclass(frozen=True)
class _Scan:
    """The document's lines, the next non-blank line of each, and the lines that may open a sub-item."""

    lines: list[Line]
    following: list[int]
    marked: list[int]


def _decided(lines: list[Line], first: int, end: int) -> bool:
    """Whether lines first..end-1 hold a decision ("Resolved …", "Motion carried", "Be it resolved")."""
    for line in lines[first:end]:
        words = line.words
        if not words:
            continue
        if LEAD.match(words) or LEAD_CAPITALS.match(words) or CLOSE.match(words) or MOTION_START.match(words):
            return True
        if SENTENCE.search(words):
            return True
    return False


def _headed(lines: list[Line], index: int, number: str, rest: str, following: list[int]) -> Head | None:
    """The sub-item opening at line `index` when its words read as a heading, not a sentence."""
    # A number alone on its line heads the next line, whatever that line opens with ("RFD 2023-011 …").
    nxt = following[index] if not rest else index
    if nxt < 0 or nxt - index > MAX_TITLE_GAP:
        return None
    title, last, run_on = read_title(lines, nxt, rest or lines[nxt].words, following)
    if not title or run_on or len(title.split()) > MAX_SUB_TITLE_WORDS or _runs_into_prose(lines, nxt):
        return None
    if not (title[0].isupper() or title[0].isdigit()):
        return None
    if title.endswith((";", ",", ":", " and", " or")) or VERB.search(title):
        return None
    return Head(number, title, index, last, lines[index].start)


def _runs_into_prose(lines: list[Line], index: int) -> bool:
    """ "7.1 24/00812/FUL - Erection of house, Hilton Road. No" / "objections were raised …": a run-in
    paragraph of hard-wrapped prose, its sentence carried on in lower case on the next line, one
    sentence ending inside either line."""
    line = lines[index]
    if index + 1 >= len(lines) or line.strong or line.stripped.endswith((".", ":", ";")):
        return False
    after = lines[index + 1]
    if after.blank or not after.words[:1].islower():
        return False
    return bool(_INNER_STOP.search(line.words) or _INNER_STOP.search(after.words))


def _siblings(marked: list[int], lines: list[Line], first: int, end: int, matcher: Matcher) -> list[Sibling]:
    """Lines first..end-1 that `matcher` takes as the next sub-item (`marked`: lines that may be one)."""
    found: list[Sibling] = []
    for index in marked[bisect.bisect_left(marked, first) : bisect.bisect_left(marked, end)]:
        match = matcher(lines[index].words, len(found))
        if match:
            found.append((index, match))
    return found


def _may_open(lines: list[Line]) -> list[int]:
    """Indices of the lines that may open a sub-item ("5.1", "5.A", "a)", "(b)"), found once for all."""
    # Such a line opens with "(" or a digit, or has "." or ")" second: most lines need no regex.
    return [
        line.index
        for line in lines
        if (line.words[1:2] in (".", ")") or line.words[:1] == "(" or line.words[:1].isdigit())
        and _MAY_SUB.match(line.words)
    ]


def _group(scan: _Scan, first: int, end: int, matcher: Matcher) -> list[Head]:
    """Sub-items between lines first and end: all headed, or none (a list of sub-paragraphs)."""
    lines, following = scan.lines, scan.following
    found = _siblings(scan.marked, lines, first, end, matcher)
    heads = [_headed(lines, index, match["num"], match["rest"] or "", following) for index, match in found]
    subs = [head for head in heads if head is not None]
    return subs if subs and len(subs) == len(heads) else []


def _any_decided(lines: list[Line], subs: list[Head], end: int) -> bool:
    bounds = [*(sub.line for sub in subs), end]
    return any(_decided(lines, sub.last_line + 1, bounds[n + 1]) for n, sub in enumerate(subs))


def _above(lines: list[Line], index: int) -> int:
    """The nearest non-blank line above line `index` (-1: none)."""
    above = index - 1
    while above >= 0 and lines[above].blank:
        above -= 1
    return above


def _after_lead_in(lines: list[Line], head: Head, index: int) -> bool:
    """Whether line `index` follows a lead-in's colon ("That the Board:"), not its item's heading."""
    above = _above(lines, index)
    return above > head.last_line and lines[above].words.endswith(":")


def _labelled(lines: list[Line], index: int) -> bool:
    """Whether the line above `index` is a short section label ("Reports", "Staff Reports")."""
    above = _above(lines, index)
    text = lines[above].words if above >= 0 else ""
    short = 0 < len(text.split()) <= MAX_LABEL_WORDS
    return short and text[0].isupper() and not text.endswith((".", ";", ","))


def _decimal_matcher(parent: str) -> Matcher:
    def match(text: str, _: int) -> re.Match[str] | None:
        found = _DECIMAL.match(text)
        return found if found and found["parent"].lstrip("0") == parent else None

    return match


def _lettered(text: str, count: int) -> re.Match[str] | None:
    """ "a)", "b)" … in order from a (or A): a list's letters, not any capital opening a line."""
    found = _LETTERED.match(text)
    return found if found and found["letter"].lower() == chr(ord("a") + count) else None


def _marked_and_decided(lines: list[Line], subs: list[Head], end: int) -> bool:
    """Decimal headings printed as headings (bold, a heading style) with a decision under one: items,
    even after some business of their parent ("10. Closed session" / resolution / "10.1 …")."""
    return all(lines[sub.line].strong for sub in subs) and _any_decided(lines, subs, end)


def _separated(subs: list[Head]) -> bool:
    """Lettered items each have their business under them; a lettered list runs line after line."""
    return all(later.line > earlier.last_line + 1 for earlier, later in itertools.pairwise(subs))


def _under(scan: _Scan, head: Head, parent: int, end: int) -> list[Head]:
    """Sub-items under `head` (whose number, or the last before it, is `parent`). Decimals count when
    the item is a bare heading over them ("5. Delegations" / "5.1 …", as agendas number business) or
    when they carry the numbering on under a section label inside it ("Reports" / "6.1 …"); letters
    when each has its business under it and one carries a decision."""
    lines, first = scan.lines, head.last_line + 1
    if first >= end:
        return []
    subs = _group(scan, first, end, _decimal_matcher(str(parent)))
    if subs and (scan.following[first - 1] == subs[0].line or _marked_and_decided(lines, subs, end)):
        return subs
    subs = _group(scan, first, end, _decimal_matcher(str(parent + 1)))
    if subs and _labelled(lines, subs[0].line):
        return subs
    if head.number is None:
        return []
    subs = _group(scan, first, end, _lettered)
    # Points of a resolution or list ("That the Board:" / "(a) Thanks …") follow their lead-in's colon.
    if not subs or _after_lead_in(lines, head, subs[0].line):
        return []
    return subs if _separated(subs) and _any_decided(lines, subs, end) else []


def with_subitems(lines: list[Line], heads: list[Head], following: list[int]) -> list[Head]:
    """`heads` with the sub-items of each item after it (`following`: next non-blank line of each line).
    Under an unnumbered heading ("Reports"), decimals continue the numbering ("6.1" after item 5)."""
    if not any(head.number for head in heads):
        return heads
    scan = _Scan(lines, following, _may_open(lines))
    out: list[Head] = []
    last = 0
    for number, head in enumerate(heads):
        match = _LAST_NUMBER.search(head.number or "")
        last = int(match.group(1)) if match else last
        parent = last if head.number is not None else last + 1
        end = heads[number + 1].line if number + 1 < len(heads) else len(lines)
        subs = _under(scan, head, parent, end)
        # An unnumbered heading over numbered items ("Reports" / "6.1 …") labels a section of them.
        if head.number is not None or not subs:
            out.append(head)
        out.extend(subs)
    return out
