"""`analyze(doc)`: every structure rule over one document, composed into an `Analysis`."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from app.analysis.acronyms import find_acronyms
from app.analysis.actions import find_actions
from app.analysis.attendance import find_attendance
from app.analysis.headings import closing_line
from app.analysis.interests import find_interests
from app.analysis.items import find_heads
from app.analysis.lines import Line, neighbours, split_lines
from app.analysis.meeting import find_meeting
from app.analysis.resolutions import find_resolutions
from app.model import Action, Analysis, DocumentText, Item, Span

T = TypeVar("T")


def _bucket(starts: list[int], things: Sequence[T], offset: Callable[[T], int]) -> dict[int, list[T]]:
    """Each thing under the item whose span holds it (-1: before the first item)."""
    buckets: dict[int, list[T]] = {}
    for thing in things:
        buckets.setdefault(bisect.bisect_right(starts, offset(thing)) - 1, []).append(thing)
    return buckets


def _page(doc: DocumentText, starts: list[int], offset: int) -> int | None:
    """The 1-based page holding `offset` (as `DocumentText.page_at`, by bisection: packs have 500)."""
    at = bisect.bisect_right(starts, offset) - 1
    return doc.pages[max(at, 0)].number if doc.pages else None


def _items(doc: DocumentText, lines: list[Line]) -> tuple[tuple[Item, ...], tuple[Span, ...]]:
    around = neighbours(lines)  # every rule walks from line to non-blank line: found once
    closed = closing_line(lines)  # where the business ends: both rules stop there
    heads = find_heads(doc, lines, around, closed)
    starts = [head.start for head in heads]
    decisions = find_resolutions(doc, lines, heads, around, closed)
    by_item = _bucket(starts, decisions, lambda span: span.start)
    # A heading line whose minute runs on after the title ("PUBLIC SESSION A resident asked …") is text too.
    agreed = find_actions(doc, lines, {head.line for head in heads if not head.run_on}, around)
    actions: dict[int, list[Action]] = _bucket(starts, agreed, lambda action: action.start)
    page_starts = [page.start for page in doc.pages]
    items = []
    for number, head in enumerate(heads):
        end = heads[number + 1].start - 1 if number + 1 < len(heads) else len(doc.text)
        page = _page(doc, page_starts, head.start)
        decided, owned = tuple(by_item.get(number, ())), tuple(actions.get(number, ()))
        items.append(Item(head.number, head.title, head.start, max(end, head.start), page, decided, owned))
    return tuple(items), tuple(by_item.get(-1, ()))


def analyze(doc: DocumentText) -> Analysis:
    """Find the meeting, attendance, items with their decisions and actions, interests and acronyms."""
    lines = split_lines(doc)
    items, loose = _items(doc, lines)
    interests, none_declared = find_interests(doc, lines, items)
    attendance = find_attendance(doc, lines)
    return Analysis(
        meeting=find_meeting(doc, lines, attendance),
        attendance=attendance,
        items=items,
        resolutions=loose,
        interests=interests,
        no_interests_declared=none_declared,
        acronyms=find_acronyms(doc, lines, [person.name for person in attendance]),
    )


def analyze_file(path: Path, password: str | None = None) -> tuple[str, Analysis]:
    """Read and analyse one file (run in the parsing process): its format and its analysis."""
    from app import ingest

    doc = ingest.load(path, password)
    return doc.format, analyze(doc)
