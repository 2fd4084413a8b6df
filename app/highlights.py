"""Detected structure as highlight spans (kinds, colours, labels) and their rectangles on PDF pages."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from app.model import Analysis, BBox, Block, DocumentText, Item

# The title block of a paper sits in its opening characters; dates and venues are looked for there only.
HEAD_CHARS = 8_000
LINE_PITCH = 1.2  # a printed line's height as a multiple of its font size


@dataclass(frozen=True)
class Kind:
    """One kind of detected structure: its key, the name people see and its colour (opaque hex).

    Views draw the colour translucent over the text; the hues follow the Okabe–Ito
    palette so each stays distinct with the common colour-vision deficiencies,
    on light and on dark paper.
    """

    key: str
    name: str
    colour: str


KINDS: tuple[Kind, ...] = (
    Kind("item", "Items", "#0072b2"),
    Kind("resolution", "Resolutions", "#009e73"),
    Kind("action", "Actions", "#e69f00"),
    Kind("attendance", "Attendance", "#cc79a7"),
    Kind("interest", "Interests", "#d55e00"),
    Kind("meeting", "Meeting", "#8c8c8c"),
)
KIND_BY_KEY = {kind.key: kind for kind in KINDS}
_ORDER = {kind.key: number for number, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Highlight:
    """A passage `text[start:end]` of one kind, with a short label for tooltips."""

    kind: str
    start: int
    end: int
    label: str


def item_label(item: Item) -> str:
    """How an item is named to people: "5  Planning applications", "Item 5", or its title alone."""
    title = " ".join((item.title or "").split())  # a table row's title may hold a tab
    if item.number and title:
        return f"{item.number}  {title}"
    if item.number:
        return f"Item {item.number}"
    return title or "Untitled item"


def _line_end(text: str, offset: int, limit: int) -> int:
    end = text.find("\n", offset, limit)
    return limit if end < 0 else end


def heading_end(text: str, item: Item) -> int:
    """Where an item's heading stops: the end of the line holding the last word of its title.

    A minute number printed on its own line above the heading, or a title
    wrapped over two lines, still counts as one heading; the body does not.
    """
    limit = max(item.start, min(item.end, len(text)))
    words = re.findall(r"\w+", item.title or "")
    # The title's words in order (plain searches: a pack has hundreds of items to place).
    window = text[item.start : min(limit, item.start + 3 * len(item.title or "") + 200)].lower()
    at = 0
    for word in words:
        at = window.find(word.lower(), at)
        if at < 0:
            break
        at += len(word)
    if words and at > 0:
        return _line_end(text, item.start + at, limit)
    first = _line_end(text, item.start, limit)
    return first if text[item.start : first].strip() else _line_end(text, first + 1, limit)


def _heading(text: str, item: Item) -> int:
    """The end of the item's heading, short of any decision or action a rule found inside it."""
    end = heading_end(text, item)
    starts = [span.start for span in item.resolutions] + [action.start for action in item.actions]
    inside = [start for start in starts if item.start < start < end]
    if inside:
        end = min(inside)
        while end > item.start and text[end - 1].isspace():
            end -= 1
    return end


def _spans_of_items(analysis: Analysis, text: str) -> Iterator[Highlight]:
    for item in analysis.items:
        yield Highlight("item", item.start, _heading(text, item), item_label(item))
        where = f" (item {item.number})" if item.number else ""
        for resolution in item.resolutions:
            yield Highlight("resolution", resolution.start, resolution.end, f"Resolution{where}")
        for action in item.actions:
            owner = f" ({action.owner})" if action.owner else ""
            yield Highlight("action", action.start, action.end, f"Action{owner}{where}")
    for resolution in analysis.resolutions:
        yield Highlight("resolution", resolution.start, resolution.end, "Resolution")


def status_name(status: str) -> str:
    """How an attendance status reads to people: "Present", "Also present", "Co-opted"."""
    return status.replace("also-present", "also present").replace("_", " ").capitalize()


def _spans_of_people(analysis: Analysis) -> Iterator[Highlight]:
    for person in analysis.attendance:
        role = f", {person.role}" if person.role else ""
        status = status_name(person.status)
        yield Highlight("attendance", person.start, person.end, f"{status}: {person.name}{role}")
    for interest in analysis.interests:
        details = [part for part in (interest.who, interest.kind, interest.item and f"item {interest.item}")
                   if part]
        label = "Declaration of interest" + (f": {', '.join(details)}" if details else "")
        yield Highlight("interest", interest.start, interest.end, label)


def _date_pattern(iso: str) -> re.Pattern[str] | None:
    """The ways a paper prints one known date: "17th July, 2015", "July 17, 2015", "17/07/2015"…"""
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", iso)
    if not match:
        return None
    import calendar  # its month names are read from the locale: not before the reader's first paint

    year, month, day = match.group(1), int(match.group(2)), int(match.group(3))
    months = "|".join(re.escape(name) for name in (calendar.month_name[month], calendar.month_abbr[month]))
    day_words = rf"0?{day}(?:st|nd|rd|th)?"
    numeric = rf"0?{day}[/.]0?{month}[/.](?:{year}|{year[2:]})|0?{month}/0?{day}/(?:{year}|{year[2:]})"
    return re.compile(
        rf"\b(?:{day_words}(?:\s+day)?\s+(?:of\s+)?(?:{months})\.?,?\s+{year}"
        rf"|(?:{months})\.?\s+{day_words},?\s+{year}|{numeric}|{iso})\b",
        re.I,
    )


def _spans_of_meeting(analysis: Analysis, text: str) -> Iterator[Highlight]:
    """The meeting's date and venue where they are printed in the title block (the analysis keeps
    them as values, not positions, so they are found again; one not found is left out)."""
    meeting = analysis.meeting
    head = text[:HEAD_CHARS]
    date = _date_pattern(meeting.date) if meeting.date else None
    found = date.search(head) if date else None
    if found:
        yield Highlight("meeting", found.start(), found.end(), "Meeting date")
    if meeting.venue:
        words = re.findall(r"\w+", meeting.venue)
        venue = re.search(r"\W+".join(map(re.escape, words)), head) if words else None
        if venue:
            yield Highlight("meeting", venue.start(), venue.end(), "Venue")


def highlights(analysis: Analysis, doc: DocumentText) -> list[Highlight]:
    """Every detected passage with a position, in reading order (ties: the kinds' order)."""
    text = doc.text
    found = [
        *_spans_of_items(analysis, text),
        *_spans_of_people(analysis),
        *_spans_of_meeting(analysis, text),
    ]
    # Offsets default to 0 where a rule could not place a thing: those cannot be shown.
    shown = [_trimmed(span, text) for span in found if 0 <= span.start < span.end <= len(text)]
    return sorted(
        (span for span in shown if span.start < span.end),
        key=lambda span: (span.start, span.end, _ORDER[span.kind]),
    )


def _trimmed(span: Highlight, text: str) -> Highlight:
    """The span without the spaces and line breaks at its ends (a tint over them reads as a stray bar)."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return span if (start, end) == (span.start, span.end) else replace(span, start=start, end=end)


def counts(spans: Iterable[Highlight]) -> dict[str, int]:
    """How many highlights of each kind (every kind present, zero where none)."""
    result = dict.fromkeys(KIND_BY_KEY, 0)
    for span in spans:
        result[span.kind] += 1
    return result


class PageMapper:
    """Maps passages of one document's text to rectangles on its PDF pages (block and line level).

    Built once per document, so mapping many passages costs a binary search each.
    """

    def __init__(self, doc: DocumentText) -> None:
        self._text = doc.text
        self._blocks = [block for block in doc.blocks if block.bbox is not None and block.page is not None]
        self._ends = [block.end for block in self._blocks]

    def rects(self, start: int, end: int) -> dict[int, list[BBox]]:
        """Rectangles covering `text[start:end]`, by 0-based page index, in reading order."""
        result: dict[int, list[BBox]] = {}
        first = bisect.bisect_right(self._ends, start)
        for block in self._blocks[first:]:
            if block.start >= end:
                break
            if block.end <= start:
                continue
            assert block.page is not None
            result.setdefault(block.page - 1, []).append(self._clip(block, start, end))
        return result

    def _clip(self, block: Block, start: int, end: int) -> BBox:
        """The block's box cut down to the printed lines the passage touches."""
        assert block.bbox is not None
        x0, y0, x1, y1 = block.bbox
        if start <= block.start and end >= block.end:
            return block.bbox
        pitch = (block.size or (y1 - y0)) * LINE_PITCH
        lines = _Lines(self._text[block.start : block.end], round((y1 - y0) / pitch) if pitch > 0 else 1)
        first = lines.line_of(max(start, block.start) - block.start)
        last = lines.line_of(min(end, block.end) - 1 - block.start)
        step = (y1 - y0) / lines.count
        if lines.count == 1 and "\t" not in self._text[block.start : block.end]:
            x0, x1 = self._columns(block, start, end)
        return (x0, y0 + first * step, x1, y0 + (last + 1) * step)

    def _columns(self, block: Block, start: int, end: int) -> tuple[float, float]:
        """Where part of a one-line block sits across it, from rough widths of its letters.

        Only a single printed line spans its box exactly (a paragraph's last line
        is shorter, table cells are spread out), so only there is this close; half
        a letter either side absorbs what the rough widths get wrong.
        """
        assert block.bbox is not None
        x0, _, x1, _ = block.bbox
        widths = [_width(char) for char in self._text[block.start : block.end]]
        scale = (x1 - x0) / max(1e-6, sum(widths))
        before = sum(widths[: max(start, block.start) - block.start]) * scale
        upto = sum(widths[: min(end, block.end) - block.start]) * scale
        pad = 0.5 * scale
        return max(x0, x0 + before - pad), min(x1, x0 + upto + pad)


_NARROW = frozenset("iljtfrI.,:;'!|()[]- \u2019")
_WIDE = frozenset("mwMW@%")


def _width(char: str) -> float:
    """A letter's width relative to an "n", near enough for the proportional faces minutes are set in."""
    if char in _NARROW:
        return 0.5
    if char in _WIDE:
        return 1.5
    return 1.25 if char.isupper() else 1.0


class _Lines:
    """Where a block's characters fall among its printed lines, known only approximately.

    A newline in the text is a line break on the page, but ingestion joins most
    wrapped lines with a space; the box's height says how many lines there are,
    and each run between newlines is given its share of them by length.
    """

    def __init__(self, text: str, printed: int) -> None:
        runs = [len(run) + 1 for run in text.split("\n")]
        self.count = max(printed, len(runs))
        extra, total = self.count - len(runs), sum(runs)
        self._starts: list[int] = []  # each run's first character (and, last, the end)
        self._first_lines: list[int] = []  # and first line
        self._sizes: list[int] = []  # and number of lines
        offset = given = line = 0
        for length in runs:
            offset += length
            share = round(extra * offset / total) - given
            self._starts.append(offset - length)
            self._first_lines.append(line)
            self._sizes.append(1 + share)
            given, line = given + share, line + 1 + share
        self._starts.append(total)

    def line_of(self, offset: int) -> int:
        run = min(bisect.bisect_right(self._starts, offset), len(self._sizes)) - 1
        length = self._starts[run + 1] - self._starts[run]
        within = (offset - self._starts[run]) * self._sizes[run] // length
        return self._first_lines[run] + min(within, self._sizes[run] - 1)


def page_rects(doc: DocumentText, start: int, end: int) -> dict[int, list[BBox]]:
    """Rectangles covering `doc.text[start:end]` by 0-based page (for one passage; see `PageMapper`)."""
    return PageMapper(doc).rects(start, end)


def page_highlights(doc: DocumentText, spans: Iterable[Highlight]) -> list[tuple[int, list[BBox], str]]:
    """(page index, rectangles, kind) for each passage on each page it crosses: what the page view draws."""
    mapper = PageMapper(doc)
    return [
        (page, boxes, span.kind)
        for span in spans
        for page, boxes in mapper.rects(span.start, span.end).items()
    ]
