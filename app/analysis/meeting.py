"""The meeting a paper records: council, body, kind, date, time, venue, chair and next meeting."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from app.analysis.attendance import find_attendance
from app.analysis.attendance_labels import is_attendance_label
from app.analysis.chair import find_chair
from app.analysis.dates import date_after, find_dates, has_date
from app.analysis.dates import month_first as is_month_first
from app.analysis.lines import Line
from app.model import Attendee, DocumentText, Meeting

# The title block of a paper sits in its first lines; a pack's later pages never change it.
HEAD_LINES = 80
HEAD_CHARS = 8_000
US_SIGNS_CHARS = 20_000
OPENING_LINES = 60
VENUE_LINES = 3
VENUE_WORDS = 12
_VENUE_WORD = re.compile(
    r"\b(?:hall|chambers?|room|centre|center|building|library|offices|pavilion|civic|annex|auditorium)\b",
    re.I,
)
NEXT_MEETING_WINDOW = 200
NEXT_MEETING_HEAD = 150_000
NEXT_MEETING_TAIL = 50_000
_TIME = re.compile(
    r"(?<![\d.:/])(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)"
    r"|(?<![\d.:/])(?P<h24>[01]?\d|2[0-3])(?:[:.](?P<m24>[0-5]\d)\s*(?:hrs|hours|h\b)|:(?P<m24c>[0-5]\d)(?![\d:]))"
    r"|\b(?P<noon>noon|midday)\b",
    re.I,
)
_BAD_DATE_CONTEXT = re.compile(
    r"(?:next|previous|last|prior|following)\s+meeting|signed|dated|published|issued|circulated|"
    r"despatch|dispatch|printed|revised|amended|updated|date\s+of\s+next|publication|distributed|posted",
    re.I,
)
_FIELD = re.compile(
    r"^\W*(?P<field>(?:meeting\s+)?date|time|venue|location|place|where|when)\s*(?::|$)\s*", re.I
)
_HELD_IN = re.compile(
    r"(?:(?:\bheld\s+(?:in|at)|(?<=[ap]m)\s+(?:in|at)|(?<=[ap]\.m\.)\s+(?:in|at)|,\s+(?:in|at)|"
    r"^(?=(?:in|at)\s+the\s)\w+)|(?<=[ap]m),|(?<=[ap]\.m\.),)\s+"
    r"(?P<venue>(?:the\s+)?[A-Z0-9'‘][^\n]*?)"
    r"(?=\s+on\s+(?:\w+day|\d)|\s+at\s+\d|\s+commencing|\s+starting|\s+beginning|,?\s+\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m|"
    r"\s*\(|\s*$)",
    re.I,
)
# Place names open with any capital, Māori and Welsh ones too ("Ōtorohanga", "Ŵyl").
_CAPITAL = "[A-ZÀ-ÖØ-ÞĀĒĪŌŪŴŶ]"
_COUNCIL = re.compile(
    r"(?:\b(?i:regional\s+)?(?i:city|town|village|county|borough|district|municipality|township|shire)\s+(?i:of)\s+"
    + _CAPITAL + r"[\w'’.-]+(?:\s+" + _CAPITAL + r"[\w'’.-]+){0,2}"
    r"|(?:\b" + _CAPITAL + r"[\w'’.-]+\s+){1,4}(?i:council|corporation)\b)",
)
# A paper whose title block names no council ("DISPOSITION OF ITEMS / COUNCIL MEETING") names it in its
# text: "the City of Winnipeg", "Westshire County Council", said more than once.
_NAMED_COUNCIL = re.compile(
    r"\b(?P<kind>(?i:city|town|village|county|borough|district|municipality|township))\s+(?i:of)\s+"
    r"(?P<place>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)"
    r"|\b(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?\s+(?:City|County|District|Borough|Town|Regional|Parish)\s+"
    r"Council)\b"
)
COUNCIL_SCAN_CHARS = 30_000
MIN_COUNCIL_MENTIONS = 2
SENTENCE_WORDS = 6
_GENERIC_WORDS = frozenset((
    "the", "town", "city", "county", "district", "borough", "parish", "community", "council", "meeting",
    "full", "ordinary", "annual", "special", "regular", "extraordinary", "monthly", "of", "minutes", "notes",
    "agenda",
))
_MEETING_KINDS = frozenset(("full", "ordinary", "annual", "special", "extraordinary", "regular", "monthly"))
_DATE_TAIL = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}.*$")
_TITLE_WORDS = "minutes of the meeting annual special extraordinary ordinary full regular notes agenda a an"
_NOT_COUNCIL_WORDS = frozenset(_TITLE_WORDS.split())
_BODY_WORD = re.compile(
    r"\b(?:committees?|sub-committee|subcommittee|board|cabinet|panel|commission|forum|assembly|"
    r"working\s+group|task\s+group|partnership|authority|executive|council|governing\s+body|meeting)\b",
    re.I,
)
_PARTS = re.compile(r"\s+[–—|]\s+|\s+-\s+")
_ROOM = re.compile(r"\b(?:board|committee|council|cabinet)\s+room\b", re.I)
_VENUE_OPENING = re.compile(r"^(?:in|at|held\s+(?:in|at))\s", re.I)
_COUNCIL_WORD = re.compile(r"\b(?:council|assembly|authority|executive)\b", re.I)
_MEETING_WORD = re.compile(r"\bmeeting\b", re.I)
_GENERIC_MEETING = re.compile(
    r"^(?:(?:regular|ordinary|special|extraordinary|annual|monthly|open)\s+)*meeting$", re.I
)
_STRONG_BODY_WORD = re.compile(
    r"\b(?:committees?|sub-committee|subcommittee|board|cabinet|panel|commission|forum|working\s+group|"
    r"task\s+group|partnership|municipal\s+district|governing\s+body)\b",
    re.I,
)
_BODY_PREFIX = re.compile(
    r"^(?:.*?\bmeeting\s+of\s+(?:the\s+)?|.*?\b(?:minutes|notes|agenda|record|disposition|summary)(?:\s*:)?\s+"
    r"(?:of\s+(?:the\s+)?(?:proceedings\s+of\s+)?(?:(?:a|an|the)\s+)?)?)",
    re.I,
)
_TITLE_PREFIX = re.compile(r"\b(?:minutes|notes|agenda|meeting\s+of)\b", re.I)
_BODY_CUT = re.compile(r"\s+(?:held|on|at|to\s+be\s+held)\b.*$|\s+[-–—]\s+.*?\d.*$|\s*[-–—,]\s*$", re.I)
_KIND_WORDS = (
    (re.compile(r"\bminutes\b|disposition\s+of\s+items|record\s+of\s+(?:decisions|proceedings)|"
                r"summary\s+of\s+decisions|decision\s+notice", re.I), "minutes"),
    (re.compile(r"\bnotes\s+of\b|\bmeeting\s+notes\b|\bbriefing\s+notes\b|^notes$", re.I), "notes"),
    (re.compile(r"\bagenda\b|\bnotice\s+of\s+meeting\b|\bsummons\b", re.I), "agenda"),
    (re.compile(r"\breport\b|\bexecutive\s+summary\b|\brecommendations?\b", re.I), "report"),
)
_MARKUP = re.compile(r"[*_#`>]+|\[bookmark:[^\]]*\]")
# A web page's banner image read by its alternative text: "Rangiwhero District Council logo".
_IMAGE_WORD = re.compile(r"\s+(?:logo|crest|emblem|banner)(?:\s+image)?$", re.I)
# The title block ends where the attendance list begins. Not at a numbered line: a table of
# contents often comes between the title and the venue line ("HELD IN THE Council Chamber …").
_ENDS_HEAD = re.compile(
    r"^\W*(?:present|members\s+present|(?:council\s*)?members|attendance|roll\s+call|apologies|"
    r"in\s+attendance|(?:councill?ors|councilmembers|commissioners|directors|trustees|governors)\s+present)\b",
    re.I,
)
_AT_TIME = re.compile(
    r"\b(?:at|commencing|starting)\s+(?=\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?\s?m\b|\d{1,2}[:.]\d\d)", re.I
)
_OPENED = re.compile(
    r"\b(?:called\s+(?:the\s+meeting\s+)?to\s+order|(?:meeting\s+)?(?:opened|commenced|convened|began|started))"
    r"\s+at\b",
    re.I,
)
_KIND_SUFFIX = re.compile(r"\s+(?:minutes|agenda|notes)$", re.I)
# A web page's link to its list of committees ("Committees"): no body's name.
_NO_BODY = re.compile(r"^(?:committees|boards|panels|councils|commissions|forums|meetings)$", re.I)
_ITEM = re.compile(r"^\(?\d{1,3}[.)]\s")
_MEETING_SUFFIX = re.compile(
    r"(?:\s+(?:regular|ordinary|special|extraordinary|annual|monthly|open|public))?\s+meeting$", re.I
)
_ENDS_WITH_DAY = re.compile(r"\b[0-3]?\d(?:st|nd|rd|th)?\s*$")
# "To adopt the minutes of the meeting held on …": earlier minutes, business of this meeting.
_ADOPTING = re.compile(r"\b(?:adopt|confirm|approv|receiv|sign|agree|accept)\w*\b.*\bminutes\b", re.I)
_MINUTES_OF = re.compile(r"\bminutes\b.*\b(?:held|meeting)\b", re.I)
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Za-z])(?<!\bno)\.\s|\n\s*\n")
_NEXT_MEETING = re.compile(r"next\s+(?:\w+\s+){0,2}meetings?\b", re.I)
Search = Callable[[str], "re.Match[str] | None"]


def _clean(text: str) -> str:
    return _IMAGE_WORD.sub("", " ".join(_MARKUP.sub("", text).split()))


def _head(lines: list[Line]) -> list[Line]:
    """The title block: the opening lines up to the attendance list, within a bound."""
    head: list[Line] = []
    for line in lines[:HEAD_LINES]:
        if line.start >= HEAD_CHARS or (head and _ENDS_HEAD.match(line.text)):
            break
        head.append(line)
    return head


def _meeting_date(head: list[Line], month_first: bool) -> tuple[str | None, int]:
    """The first date in the title block not said to be of another meeting, a signature or a print run;
    in a pack that opens with an agenda, the date of the minutes that the attendance list belongs to."""
    found: list[tuple[str, int, bool]] = []
    for number, line in enumerate(head):
        text = line.text
        # A date broken over a line end ("… on Thursday 17" / "August 2023 at 10.00 am").
        if _ENDS_WITH_DAY.search(text) and number + 1 < len(head):
            text = f"{text} {head[number + 1].text}"
        for iso, at in find_dates(text, month_first):
            if not _BAD_DATE_CONTEXT.search(text[max(0, at - 60) : at]):
                titled = bool(_MINUTES_OF.search(text, 0, at)) and not _ADOPTING.search(text, 0, at)
                found.append((iso, line.index, titled))
    chosen = next((f for f in found if f[2]), found[0] if found else None)
    return (chosen[0], chosen[1]) if chosen else (None, -1)


def _fields(texts: list[str]) -> dict[str, str]:
    """Label/value pairs of the title block ("Venue:" "Council Chamber"), values perhaps on several lines."""
    fields: dict[str, str] = {}
    current: str | None = None
    for text in texts:
        match = _FIELD.match(text)
        if match:
            current = match.group("field").lower().split()[-1]
            fields[current] = text[match.end() :]
        elif current and text and not is_attendance_label(text):
            fields[current] = f"{fields[current]} {text}".strip()
        else:
            current = None
    return fields


def _time(text: str) -> str | None:
    for match in _TIME.finditer(text):
        if match.group("noon"):
            return "12:00"
        if match.group("h24"):
            return f"{int(match.group('h24')):02d}:{match.group('m24') or match.group('m24c')}"
        hour = int(match.group("h")) % 12 + (12 if match.group("ap")[0].lower() == "p" else 0)
        return f"{hour:02d}:{match.group('m') or '00'}"
    return None


def _time_at(head: list[Line]) -> str | None:
    """A time in the title block said to be when the meeting was held ("ON 5 FEBRUARY 2019 AT 1.30PM")."""
    for line in head:
        match = _AT_TIME.search(line.text)
        if match:
            return _time(line.text[match.end() : match.end() + 20])
    return None


def _opening_time(lines: list[Line]) -> str | None:
    """"The Mayor called the meeting to order at 7:02 p.m.": the time the meeting opened."""
    for line in lines[:OPENING_LINES]:
        match = _OPENED.search(line.text)
        if match:
            return _time(line.text[match.end() : match.end() + 30])
    return None


def _venue(texts: list[str], fields: dict[str, str], held: Search) -> str | None:
    for key in ("venue", "location", "place", "where"):
        if fields.get(key):
            return fields[key].strip(" .,")
    return _held_in(texts, held) or _venue_line(texts)


def _venue_line(texts: list[str]) -> str | None:
    """A short title-block line, or a dash-separated part of one, naming a building ("Council Chambers,
    City Hall"; "April 9, 2024 – 7:00 PM – Harlan Falls Town Hall, 55 Mill Street")."""
    for words in texts:
        for text in _PARTS.split(words):
            plausible = len(text.split()) <= VENUE_WORDS and _VENUE_WORD.search(text) and not has_date(text)
            # A "Board Room" names a room, not the board.
            body = _STRONG_BODY_WORD.search(_ROOM.sub("", text))
            title = _FIELD.match(text) or body or _TITLE_PREFIX.search(text)
            if plausible and not title:
                return text.strip(" .,")
    return None


def _held_in(texts: list[str], held: Search) -> str | None:
    for index, text in enumerate(texts):
        if not held(text):
            continue
        # "HELD AT THE Council / Chamber, 28 Ruataniwha Street / ON Thursday": a venue may wrap.
        following: list[str] = []
        for later in texts[index : index + VENUE_LINES]:
            if not later or (following and is_attendance_label(later)):
                break
            following.append(later)
        match = _HELD_IN.search(" ".join(following))
        # "At the March meeting of …" opens prose, not a title line: a venue line is short and dateless.
        opens_line = match is not None and match.start() == 0 and match.group(0)[:3].lower() in ("in ", "at ")
        title_like = match is not None and (not opens_line or len(text.split()) <= VENUE_WORDS)
        if match and title_like and not has_date(match.group("venue")):
            return match.group("venue").strip(" .,")
    return None


def _council(texts: list[str], held: Search) -> str | None:
    for text in texts:
        if _FIELD.match(text) or held(text):
            continue  # a venue ("Council Chamber, Regional Council, …") is not the meeting's council
        for match in _COUNCIL.finditer(text):
            words = match.group(0).split()
            while words and words[0].lower() in _NOT_COUNCIL_WORDS:
                words.pop(0)
            if len(words) >= 2:
                return " ".join(words)
    return None


def _council_mentioned(text: str) -> str | None:
    """The council the text names most often (at least twice), as "City of X" or "X County Council"."""
    counts: dict[str, int] = {}
    for match in _NAMED_COUNCIL.finditer(text[:COUNCIL_SCAN_CHARS]):
        name = match["name"] or f"{match['kind'].capitalize()} of {match['place']}"
        if name.split()[0].lower() not in _NOT_COUNCIL_WORDS:
            counts[name] = counts.get(name, 0) + 1
    best = max(counts, key=lambda name: counts[name], default=None)
    return best if best is not None and counts[best] >= MIN_COUNCIL_MENTIONS else None


def _is_sentence(text: str) -> bool:
    """A sentence of the minutes, not the title line ("Minutes of Meeting of … held on ….")."""
    return text.endswith(".") and len(text.split()) > SENTENCE_WORDS and not _TITLE_PREFIX.search(text)


def _page_title(name: str) -> bool:
    """A name of generic words with a date: "Town Council Meeting 20th November 2023"."""
    match = _DATE_TAIL.search(name)
    words = re.findall(r"[a-z]+", name[: match.start()].lower()) if match else []
    return bool(words) and all(word in _GENERIC_WORDS for word in words)


def _generic(name: str) -> bool:
    """A kind of meeting of generic words only ("Ordinary Council", "Full Council Meeting")."""
    words = re.findall(r"[a-z]+", name.lower())
    return all(word in _GENERIC_WORDS for word in words) and any(word in _MEETING_KINDS for word in words)


def _of_council(name: str, council: str) -> str:
    """A generic body's name with its council's: "Shire of Wandoora Ordinary Council"; the council's
    alone when it says as much ("City Council" of "Elm City Council")."""
    words = set(re.findall(r"[a-z]+", council.lower()))
    named = set(re.findall(r"[a-z]+", name.lower()))
    if named <= words:
        return council
    # "Regular Council" of the "Town of Mapleford" is the council itself: "Town of Mapleford Council".
    if named - _MEETING_KINDS <= words | {"council"}:
        name = " ".join(word for word in name.split() if word.lower() not in _MEETING_KINDS)
    return f"{council} {name}"


def _body_name(text: str) -> str:
    if _TITLE_PREFIX.search(text):
        text = _BODY_PREFIX.sub("", text, count=1)
    text = _BODY_CUT.sub("", text).strip(" -–—,:")
    # "Regular Council Meeting - Minutes": no dash left where the kind of paper was cut off.
    text = _KIND_SUFFIX.sub("", text).rstrip(" -–—,:")
    # "… Council Meeting" names the council; "Annual Parish Meeting" is itself the body.
    trimmed = _MEETING_SUFFIX.sub("", text).rstrip(" -–—,:")
    return trimmed if _BODY_WORD.search(trimmed) else text


def _body(head: list[Line], texts: list[str], council: str | None) -> str | None:
    """The committee named in the title block (`texts`: its lines cleaned); else the council; else the
    meeting's own name ("Annual Parish Meeting"). "Regular Meeting" alone names no body."""
    texts = [text for line, text in zip(head, texts, strict=True) if len(line.text) < 300]
    # A venue line ("IN THE COUNCIL CHAMBER") names a room, not the body.
    # Nor does a sentence of the minutes ("A letter from the Health Board … was noted.").
    # Nor does an item of business ("4. Public open forum").
    candidates = [
        text
        for text in texts
        if not (_VENUE_OPENING.match(text) or _FIELD.match(text) or _is_sentence(text) or _ITEM.match(text))
    ]
    for pattern in (_STRONG_BODY_WORD, _COUNCIL_WORD):
        for text in candidates:
            if pattern.search(text) and not is_attendance_label(text):
                name = _body_name(text)
                # A page title ("Town Council Meeting 20th November 2023") names no council: read on.
                named = name and (pattern is _STRONG_BODY_WORD or _COUNCIL_WORD.search(name))
                if named and not (_page_title(name) or _NO_BODY.match(name)):
                    # "Ordinary Council" names the kind of meeting of the council named above it.
                    return _of_council(name, council) if council and _generic(name) else name
    if council:
        return council
    meetings = [_body_name(text) for text in candidates if _MEETING_WORD.search(text)]
    return next((name for name in meetings if name and not _GENERIC_MEETING.match(name)), None)


def _kind(texts: list[str], has_attendance: bool) -> str:
    for text in texts[:25]:
        if not text or len(text) > 200:
            continue
        for pattern, kind in _KIND_WORDS:
            if pattern.search(text) and (kind != "report" or not has_attendance):
                return kind
    return "minutes" if has_attendance else "unknown"


def next_meeting(doc: DocumentText, month_first: bool = False, held: str | None = None) -> str | None:
    """The date given for the next meeting ("Date of next meeting: 27 September 2018"); a day and month
    alone ("… on Thursday 19th September") fall after `held`, the meeting's own date."""
    text = doc.text
    # Minutes give it in their opening or closing pages; a plain search for the word comes first,
    # as a regular expression over a whole pack costs too much.
    if len(text) > NEXT_MEETING_HEAD + NEXT_MEETING_TAIL:
        text = text[:NEXT_MEETING_HEAD] + "\n" + text[-NEXT_MEETING_TAIL:]
    for at in sorted(find_all(text, ("next", "Next", "NEXT"))):
        match = _NEXT_MEETING.match(text, at)
        if match:
            # In the sentence that names the next meeting ("… to the next meeting. The minutes of the
            # meeting held on 11th December 2023 …" gives no date of it).
            after = text[match.end() : match.end() + NEXT_MEETING_WINDOW]
            window = _SENTENCE_STOP.split(after, maxsplit=1)[0]
            for iso, _ in find_dates(window, month_first):
                return iso
            yearless = date_after(window, held) if held else None
            if yearless:
                return yearless
    return None


def find_all(text: str, needles: tuple[str, ...]) -> list[int]:
    """Every offset where one of `needles` occurs (fast: plain string search)."""
    found: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    return found


def find_meeting(
    doc: DocumentText, lines: list[Line], attendance: tuple[Attendee, ...] | None = None
) -> Meeting:
    """What, where and when the paper's meeting was, read from its title block.

    `attendance` (found already, or read here) names the chair and tells minutes from an agenda.
    """
    head = _head(lines)
    texts = [_clean(line.text) for line in head]  # most fields read the title block's words alone
    held = functools.cache(_HELD_IN.search)  # the council and the venue both ask of the same lines
    month_first = is_month_first(doc.text[:US_SIGNS_CHARS])
    date, date_line = _meeting_date(head, month_first)
    fields = _fields(texts)
    time = (
        _time(fields.get("time", ""))
        or (_time(lines[date_line].text) if date_line >= 0 else None)
        or _time_at(head)
        or _opening_time(lines)
    )
    council = _council(texts, held)
    if attendance is None:
        attendance = find_attendance(doc, lines)
    body = _body(head, texts, council)
    return Meeting(
        council=council or _council_mentioned(doc.text),
        body=body,
        kind=_kind(texts, any(a.status == "present" for a in attendance)),
        date=date,
        time=time,
        venue=_venue(texts, fields, held),
        chair=find_chair(lines, attendance, body),
        next_meeting=next_meeting(doc, month_first, date),
    )
