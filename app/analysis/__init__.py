"""`analyze(doc)`: every structure rule over one document, composed into an `Analysis`."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar, cast

from app.analysis.acronyms import find_acronyms
from app.analysis.actions import find_actions
from app.analysis.attendance import find_attendance
from app.analysis.headings import closing_line
from app.analysis.interests import find_interests
from app.analysis.items import Head, find_heads
from app.analysis.lines import neighbours, split_lines
from app.analysis.meeting import find_meeting
from app.analysis.resolutions import find_resolutions
from app.forking import can_fork, collection_paused, shared
from app.model import Acronym, Action, Analysis, Attendee, DocumentText, Item, Meeting, Span

T = TypeVar("T")

# Who attended, the meeting's details and the acronyms (whose expansions are not the attendees' names).
People = tuple[tuple[Attendee, ...], Meeting, tuple[Acronym, ...]]
# Below this many lines (about 130 pages of an agenda pack), a second process costs more than it saves.
APART_FROM_LINES = 2000


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


def _items(
    doc: DocumentText, heads: list[Head], decisions: list[Span], agreed: list[Action]
) -> tuple[tuple[Item, ...], tuple[Span, ...]]:
    """The items at `heads`, each with the decisions and actions in its span; decisions before the first."""
    starts = [head.start for head in heads]
    by_item = _bucket(starts, decisions, lambda span: span.start)
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
    """Find the meeting, attendance, items with their decisions and actions, interests and acronyms.

    In a long document, the rules are shared with a forked child (`forking.shared`): it starts on
    the attendance (and what follows from it) while the items' heads are found here, then the two
    processes share the rules that need the heads (the decisions, the actions).
    """
    with collection_paused():  # the rules make many short-lived objects, few cycles
        return _analyze(doc)


def _analyze(doc: DocumentText) -> Analysis:
    lines = split_lines(doc)
    around = neighbours(lines)  # every rule walks from line to non-blank line: found once
    closed = closing_line(lines)  # where the business ends: both rules stop there

    def people() -> People:
        attendance = find_attendance(doc, lines)
        names = [person.name for person in attendance]
        return attendance, find_meeting(doc, lines, attendance), find_acronyms(doc, lines, names)

    def heads() -> list[Head]:
        return find_heads(doc, lines, around, closed)

    def decisions(heads: list[Head]) -> list[Span]:
        return find_resolutions(doc, lines, heads, around, closed)

    def agreed(heads: list[Head]) -> list[Action]:
        # A heading line whose minute runs on after the title ("PUBLIC SESSION A …") is text too.
        return find_actions(doc, lines, {head.line for head in heads if not head.run_on}, around)

    if len(lines) >= APART_FROM_LINES and can_fork():
        # The attendance needs no heads: a child starts on it while the heads are found here.
        (found,), found_heads, (decided, owned) = shared([people], heads, [decisions, agreed])
    else:
        found_heads = heads()
        found, decided, owned = people(), decisions(found_heads), agreed(found_heads)
    attendance, meeting, acronyms = cast(People, found)
    items, loose = _items(doc, found_heads, cast(list[Span], decided), cast(list[Action], owned))
    interests, none_declared = find_interests(doc, lines, items)
    return Analysis(
        meeting=meeting,
        attendance=attendance,
        items=items,
        resolutions=loose,
        interests=interests,
        no_interests_declared=none_declared,
        acronyms=acronyms,
    )


def analyze_file(path: Path, password: str | None = None) -> tuple[str, Analysis]:
    """Read and analyse one file (run in the parsing process): its format and its analysis."""
    from app import ingest

    doc = ingest.load(path, password)
    return doc.format, analyze(doc)
