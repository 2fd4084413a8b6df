"""PDF text lines from PyMuPDF's dict output: running heads and page numbers dropped, wrapped lines joined."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

BOLD_FLAG = 16
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
# Symbol-font bullets arrive as private-use characters; other private-use glyphs are noise.
BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓"}
SPACED = re.compile(r"\S+(?: {1,3}\S+)*")
WORDY = re.compile(r"[^\W\d_](?:.*?[^\W\d_]){2}")  # at least three letters
PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
DIGITS = re.compile(r"\d+")
PAGE_NUMBER = re.compile(
    r"^(?:page)?[-–(|]?\d{1,4}[-–)]?(?:(?:of|/)\d{1,4})?$|^page\d{1,4}of\d{1,4}\b", re.I
)
# Prefixes whose hyphen belongs to the word ("co-opted", "well-being", "part-time") wherever it falls…
HYPHENATED_PREFIXES = frozenset(
    {"co", "non", "self", "vice", "cross", "anti", "multi", "semi", "well", "part", "long", "short", "full",
     "all", "one", "two", "three", "half"}
)  # fmt: skip
# …and prefixes that are also where hyphenation breaks words ("re-mainder", "ex-pected", "sub-mitted"):
# their hyphen is kept only before a vowel ("re-elected", "pre-application", "ex-officio").
BREAKING_PREFIXES = frozenset({"re", "pre", "ex", "sub", "post", "inter", "mid", "de"})
LINE_END_HYPHENS = ("-", "\u2010")
# Margins where running heads and page numbers live, as fractions of the page height.
RUNNING_ZONE = 0.15
NUMBER_ZONE = 0.08


class Line(NamedTuple):
    """One visual line (or a piece of one, split at a wide gap) with its look.

    A named tuple: tens of thousands are made for a long pack, and they cross process boundaries.
    """

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    lead: int = 0  # characters of a bold run at the start of a line that goes on in regular type

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2


# A line made straight from the tuple of its fields: the named tuple's constructor, a Python function,
# costs twice as much, which tells on the tens of thousands of lines of a long document.
LineFields = tuple[str, float, float, float, float, float, bool, int]
_new_line = cast(Callable[[LineFields], Line], functools.partial(tuple.__new__, Line))


def _clean(text: str) -> str:
    if text.isascii():
        return text
    for private, bullet in BULLETS.items():
        text = text.replace(private, bullet)
    text = PRIVATE_USE.sub("", text).replace("\u00a0", " ")
    if "\u00ad" in text:
        # A soft hyphen shows only where it broke the word at the line end: there, it is a hyphen.
        text = text.rstrip()
        broken = text.endswith("\u00ad")
        text = text.replace("\u00ad", "") + ("-" if broken else "")
    return text


def _trimmed(text: str, x0: float, x1: float) -> tuple[float, float]:
    """A span's edges without its leading and trailing spaces (estimated from their share of the text)."""
    if not (text[:1].isspace() or text[-1:].isspace()):
        return x0, x1  # most spans
    width, count = x1 - x0, len(text)
    left = (count - len(text.lstrip())) / count * width
    return x0 + left, x1 - (count - len(text.rstrip())) / count * width


@functools.cache
def _bold_font(font: object) -> bool:
    name = str(font).lower()
    return any(bold in name for bold in BOLD_NAMES)


def _is_bold(span: dict[str, Any]) -> bool:
    return span["flags"] & BOLD_FLAG != 0 or _bold_font(span.get("font", ""))


@functools.lru_cache(maxsize=256, typed=True)
def _rounded(size: float) -> float:
    """A type size to the tenth of a point: cached, as a document holds few sizes and round() is slow."""
    return round(size, 1)


def _piece(spans: list[dict[str, Any]]) -> Line | None:
    if len(spans) == 1:
        return _single(spans[0])
    visible = [span for span in spans if span["text"].strip()]
    if not visible:
        return None
    text = _clean("".join(span["text"] for span in spans)).strip()
    if not text:
        return None
    x0 = _trimmed(visible[0]["text"], *visible[0]["bbox"][::2])[0]
    x1 = _trimmed(visible[-1]["text"], *visible[-1]["bbox"][::2])[1]
    y0 = min(span["bbox"][1] for span in visible)
    y1 = max(span["bbox"][3] for span in visible)
    size = max(span["size"] for span in visible)
    weights = [_is_bold(span) for span in visible]
    text = _spaced_once(text)
    lead = _bold_lead(text, visible, weights) if weights[0] and not weights[-1] else 0
    return Line(text, x0, y0, x1, y1, _rounded(size), all(weights), lead)


def _bold_lead(text: str, visible: list[dict[str, Any]], weights: list[bool]) -> int:
    """How many characters of `text` the bold spans it starts with hold ("6.A Street Lighting")."""
    count = weights.index(False)
    lead = _spaced_once(_clean("".join(span["text"] for span in visible[:count])).strip())
    return len(lead) if lead and text.startswith(lead) else 0


def _single(span: dict[str, Any]) -> Line | None:
    """A piece of one span (most lines are one span): `_piece`'s work, done directly."""
    raw = span["text"]
    text = _clean(raw).strip()
    if not text:
        return None
    x0, y0, x1, y1 = span["bbox"]
    # Cleaning never adds characters: a text as long as the span's lost no spaces at its ends.
    if len(text) < len(raw):
        x0, x1 = _trimmed(raw, x0, x1)
    return _new_line((_spaced_once(text), x0, y0, x1, y1, _rounded(span["size"]), _is_bold(span), 0))


def _spaced_once(text: str) -> str:
    return " ".join(text.split()) if "  " in text or "\t" in text else text


@dataclass(frozen=True)
class PageText:
    """A page's lines in reading position, and the size of the page as it is read."""

    lines: list[Line]
    width: float
    height: float


def page_text(page_dict: dict[str, Any]) -> PageText:
    """The page's text lines, turned upright when the page is mostly set sideways (landscape tables).

    Upright lines are split where spans are far apart (separate cells or columns);
    diagonal text (watermarks, stamps) is left out.
    """
    upright: list[Line] = []
    sideways: list[tuple[Line, float]] = []
    for block in page_dict["blocks"]:
        for line in block.get("lines", ()):
            across, down = line["dir"]
            if abs(down) <= 0.1:
                spans = line["spans"]
                if len(spans) != 1 or "    " in spans[0]["text"]:
                    upright += _pieces(spans)
                elif (piece := _single(spans[0])) is not None:  # most lines: one span, one piece
                    upright.append(piece)
            elif abs(across) <= 0.1:
                sideways += [(piece, down) for piece in _pieces(line["spans"], split=False)]
    width, height = float(page_dict["width"]), float(page_dict["height"])
    # (Most pages have nothing sideways: no upright text to count.)
    if not sideways or sum(len(line.text) for line, _ in sideways) <= sum(len(line.text) for line in upright):
        return PageText(upright, width, height)
    return PageText([_turned(line, down, width, height) for line, down in sideways], height, width)


def _pieces(spans: list[dict[str, Any]], split: bool = True) -> list[Line]:
    """A line's spans in pieces; with `split`, split where spans, or runs of spaces in one, are far apart."""
    if split and any("    " in span["text"] for span in spans):
        spans = [piece for span in spans for piece in _split_spaced(span)]
    lines: list[Line] = []
    start = 0
    for index in range(1, len(spans) + 1):
        if index == len(spans) or (split and _gap(spans[index - 1], spans[index])):
            piece = _piece(spans[start:index])
            if piece is not None:
                lines.append(piece)
            start = index
    return lines


def _turned(line: Line, down: float, width: float, height: float) -> Line:
    """A sideways line in the coordinates of the page turned so that it reads left to right."""
    if down < 0:  # reading upwards: the page is turned clockwise
        return line._replace(x0=height - line.y1, x1=height - line.y0, y0=line.x0, y1=line.x1)
    return line._replace(x0=line.y0, x1=line.y1, y0=width - line.x1, y1=width - line.x0)


def _gap(left: dict[str, Any], right: dict[str, Any]) -> bool:
    return bool(right.get("spaced")) or right["bbox"][0] - left["bbox"][2] > 1.5 * max(left["size"], 1.0)


def _split_spaced(span: dict[str, Any]) -> list[dict[str, Any]]:
    """A span padded into columns with runs of spaces ("£30.00      Audit") as separate pieces.

    Their positions are estimated from their share of the characters.
    """
    text = span["text"]
    if "    " not in text.strip():
        return [span]
    x0, y0, x1, y1 = span["bbox"]
    width = (x1 - x0) / max(len(text), 1)
    pieces: list[dict[str, Any]] = []
    for match in SPACED.finditer(text):
        bbox = (x0 + match.start() * width, y0, x0 + match.end() * width, y1)
        pieces.append({**span, "text": match.group(), "bbox": bbox, "spaced": bool(pieces)})
    return pieces


Key = tuple[str, int, bool]  # a running-head candidate: its text (digits as "#"), height band, top or foot
Position = tuple[int, int]  # a line's page in the document and its place on that page


def _key(line: Line, height: float) -> Key:
    return DIGITS.sub("#", line.text.lower()), *_place(line, height)


def _place(line: Line, height: float) -> tuple[int, bool]:
    """Where a running head stands: its band (of 6 points) from the nearer edge, and whether at the top."""
    top = line.y0 < height * RUNNING_ZONE
    return round((line.y0 if top else height - line.y0) / 6), top


@dataclass
class Survey:
    """What some pages tell of the whole document's running heads and type sizes.

    Surveys of separate runs of pages add up, so that pages read in another process
    need send only their survey, not their lines, to settle what all pages share.
    """

    pages: int = 0
    heads: Counter[Key] = field(default_factory=Counter)  # on how many pages each candidate stands
    sizes: dict[float, tuple[int, Position]] = field(default_factory=dict)  # by half points: chars, first
    exact: set[float] = field(default_factory=set)  # the sizes of the lines counted in `sizes`
    doubtful: list[tuple[Key, float, int, Position]] = field(default_factory=list)  # kept unless running

    def add(self, other: Survey) -> None:
        self.pages += other.pages
        self.heads.update(other.heads)
        for half, (chars, first) in other.sizes.items():
            self._tally(half, chars, first)
        self.exact |= other.exact
        self.doubtful += other.doubtful

    def count(self, size: float, chars: int, where: Position) -> None:
        self._tally(round(size * 2) / 2, chars, where)
        self.exact.add(size)

    def _tally(self, half: float, chars: int, where: Position) -> None:
        total, first = self.sizes.get(half, (0, where))
        self.sizes[half] = (total + chars, min(first, where))


def survey(pages: list[PageText], first_page: int = 0) -> Survey:
    """Running-head candidates and the sizes of the lines that stay, for pages from `first_page` on."""
    found = Survey(pages=len(pages))
    for number, page in enumerate(pages, start=first_page):
        height = page.height
        top, foot = height * RUNNING_ZONE, height * (1 - RUNNING_ZONE)
        keys: set[Key] = set()
        chars: dict[float, int] = {}  # this page's kept lines: characters by size…
        firsts: dict[float, int] = {}  # …and the first line in each size
        for index, line in enumerate(page.lines):
            if line.y1 < top or line.y0 > foot:  # in a running zone (few lines)
                # Lines without words ("07.18.01") may be minute numbers that happen to align.
                key = _key(line, height) if WORDY.search(line.text) else None
                if key is not None:
                    keys.add(key)
                if _page_number(line, height):
                    continue
                if key is not None:
                    found.doubtful.append((key, line.size, len(line.text), (number, index)))
                    continue
            size = line.size
            if size in chars:
                chars[size] += len(line.text)
            else:
                chars[size], firsts[size] = len(line.text), index
        for size, count in chars.items():
            found.count(size, count, (number, firsts[size]))
        found.heads.update(keys)
    return found


@dataclass(frozen=True)
class Typesetting:
    """Settled from all pages' surveys: the running heads to leave out, the body's size, all sizes kept."""

    running: frozenset[Key]
    body: float
    sizes: frozenset[float]


def settle(found: Survey) -> Typesetting:
    """Heads repeated on half the pages or more run; the body size is the one most characters are set in
    (of equals, the one met first)."""
    needed = max(2, (found.pages + 1) // 2)
    running = frozenset(key for key, count in found.heads.items() if count >= needed)
    kept = Survey(sizes=dict(found.sizes), exact=set(found.exact))
    for key, size, chars, where in found.doubtful:
        if key not in running:
            kept.count(size, chars, where)
    sizes = kept.sizes.items()
    body = min(sizes, key=lambda item: (-item[1][0], item[1][1]))[0] if sizes else 10.0
    return Typesetting(running, body, frozenset(kept.exact))


def strip_running(pages: list[PageText], running: frozenset[Key]) -> list[PageText]:
    """The pages without their running heads and feet, and without page numbers in the margins."""
    places = {key[1:] for key in running}  # where running heads stand: a line elsewhere is none
    return [PageText(_kept(page, running, places), page.width, page.height) for page in pages]


def _kept(page: PageText, running: frozenset[Key], places: set[tuple[int, bool]]) -> list[Line]:
    height = page.height
    top, foot = height * RUNNING_ZONE, height * (1 - RUNNING_ZONE)
    # Most lines stand between the running zones (the number zone lies within them): nothing to leave out.
    return [
        line
        for line in page.lines
        if (top <= line.y1 and line.y0 <= foot) or not _running(line, height, running, places)
    ]


def _running(line: Line, height: float, running: frozenset[Key], places: set[tuple[int, bool]]) -> bool:
    if not _in_zone(line, height, RUNNING_ZONE):
        return False
    if _page_number(line, height):
        return True
    if _place(line, height) not in places:
        return False
    return WORDY.search(line.text) is not None and _key(line, height) in running


def _page_number(line: Line, height: float) -> bool:
    if not _in_zone(line, height, NUMBER_ZONE):
        return False
    return PAGE_NUMBER.match(line.text.replace(" ", "").replace("|", "")) is not None


def _in_zone(line: Line, height: float, zone: float) -> bool:
    return line.y1 < height * zone or line.y0 > height * (1 - zone)


def common_size(lines: Iterable[Line]) -> float:
    """The font size (to the half point) most characters of `lines` are set in; 10 when there are none."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def merged(first: Line, second: Line, separator: str = " ") -> Line:
    """Two pieces of one row as one line (a number and its title, a bullet and its text)."""
    return second._replace(
        text=f"{first.text}{separator}{second.text}",
        x0=min(first.x0, second.x0),
        y0=min(first.y0, second.y0),
        x1=max(first.x1, second.x1),
        y1=max(first.y1, second.y1),
        size=max(first.size, second.size),
    )


def joined(previous: str, line: str, wrapped: bool) -> str:
    """Wrapped lines join with a space (a line-end hyphen is dropped); others keep their line break."""
    if not wrapped:
        return f"{previous}\n{line}"
    if previous.endswith(LINE_END_HYPHENS) and len(previous) > 1 and previous[-2].isalnum():
        return previous + line if _compound(previous[:-1], line) else previous[:-1] + line
    return f"{previous} {line}"


def _compound(before: str, after: str) -> bool:
    """Whether a hyphen at a line end belongs to the words: "co-operation", "Kerford-Byrne",
    "2017-2018", "re-elected"; not when it only broke a word ("recom-mended", "re-mainder")."""
    if not after[:1].islower() or not before[-1:].isalpha():
        return True
    stem = before.rsplit(" ", 1)[-1].lower()
    return stem in HYPHENATED_PREFIXES or (stem in BREAKING_PREFIXES and after[0] in "aeiou")
