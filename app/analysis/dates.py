"""Dates as minutes print them ("29th September 2022", "Sept. 5, 2019", "05/09/2019"), OCR damage and all."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

# US papers write numeric dates month first; their vocabulary gives them away.
_US_SIGNS = re.compile(r"\b(?:councilmembers?|council\s+members?|roll\s+call|alderpersons?|selectm[ae]n|"
                       r"township|ordinance|mayor\s+pro\s+tem|city\s+attorney|city\s+manager|councilors?|"
                       r"council\s+president)\b", re.I)
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({name[:3]: number for name, number in _MONTHS.items()})
_MONTHS["sept"] = 9
# OCR misreads a long month name ("Septernber", "Novernber"): close enough to one, it is that month.
FUZZY_MONTH_LENGTH = 6
FUZZY_MONTH_RATIO = 0.8
_MONTH = r"(?P<{0}>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{{0,7}})\.?"
# A day with its ordinal; OCR turns a superscript "th" into quotes or degrees ("29\"", "30°\"") or
# misreads it ("29tn"), and may read a 1 as l or I and a 0 as O ("l9th", "3Oth").
_DAY = (
    r"(?P<{0}>\d{{1,2}}|(?-i:[0-3][OlI]|[lI]\d))"
    r"(?:\s?(?:st|nd|rd|th|[a-z]{{2}})|[\"”'’°]{{1,3}}[a-z]{{0,2}})?"
)
_YEAR = r"(?P<{0}>(?-i:(?:19|2[0O])[\dO]\d))"
DATE = re.compile(
    r"\b(?:"
    + _DAY.format("d1") + r"(?:\s+day)?\s+(?:of\s+)?" + _MONTH.format("m1") + r",?\s+" + _YEAR.format("y1")
    + r"|" + _MONTH.format("m2") + r"\s+" + _DAY.format("d2") + r",?\s+" + _YEAR.format("y2")
    + r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]?\d)-(?P<d3>[0-3]?\d)"
    + r"|(?P<a4>[0-3]?\d)(?P<sep>[/.])(?P<b4>[0-3]?\d)(?P=sep)(?P<y4>(?:19|20)\d\d|(?<=/)\d\d)(?![\d.])"
    + r")\b",
    re.I,
)
_OCR_DIGITS = str.maketrans("OlI", "011")
# A day and month with no year ("Thursday 19th September", "on October 3"), as minutes give the next
# meeting's date: the year is the meeting's own, or the one after.
_DAY_MONTH = re.compile(
    r"\b(?:" + _DAY.format("d1") + r"\s+(?:of\s+)?" + _MONTH.format("m1")
    + r"|" + _MONTH.format("m2") + r"\s+" + _DAY.format("d2") + r"(?![\d:.])" + r")\b(?!,?\s*(?:19|20)\d\d)",
    re.I,
)


def _number(text: str) -> int:
    return int(text.translate(_OCR_DIGITS))


def month_number(word: str) -> int | None:
    """The month a printed word names ("Sept", "September", OCR's "Septernber"); None for other words."""
    word = word.lower()
    if word in _MONTHS:
        return _MONTHS[word]
    full = _MONTH_NAMES[_MONTHS[word[:3]] - 1]
    close = difflib.SequenceMatcher(None, word, full).ratio() >= FUZZY_MONTH_RATIO
    return _MONTHS[full] if len(word) >= FUZZY_MONTH_LENGTH and close else None


def parse_date(match: re.Match[str], month_first: bool = False) -> str | None:
    """ISO date of a `DATE` match, or None when it names no real day."""
    groups = match.groupdict()
    if groups["y1"] or groups["y2"]:
        n = "1" if groups["y1"] else "2"
        month = month_number(groups["m" + n])
        if month is None:
            return None
        day, year = _number(groups["d" + n]), _number(groups["y" + n])
    elif groups["y3"]:
        day, month, year = int(groups["d3"]), int(groups["m3"]), int(groups["y3"])
    else:
        first, second, year = int(groups["a4"]), int(groups["b4"]), int(groups["y4"])
        year += 2000 if year < 100 else 0
        # Day first (UK, Ireland, NZ) unless the paper is American or the day cannot be.
        day, month = (second, first) if (month_first and first <= 12) or second > 12 else (first, second)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str, month_first: bool = False) -> Iterator[tuple[str, int]]:
    """Every real date in `text`, as (ISO date, offset)."""
    for match in DATE.finditer(text):
        iso = parse_date(match, month_first)
        if iso:
            yield iso, match.start()


def date_after(text: str, after: str) -> str | None:
    """The first day and month in `text` printed without a year, as the first such day after the ISO
    date `after` ("19th September" after 2013-07-18 is 2013-09-19; "14 January" after 2023-11-20 is
    2024-01-14)."""
    for match in _DAY_MONTH.finditer(text):
        n = "1" if match.group("d1") else "2"
        month = month_number(match.group("m" + n))
        day = _number(match.group("d" + n))
        if month is None or not 1 <= day <= 31:
            continue
        year = int(after[:4])
        year += 1 if f"{month:02d}-{day:02d}" <= after[5:] else 0
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def has_date(text: str) -> bool:
    return any(True for _ in find_dates(text))


def month_first(text: str) -> bool:
    """Numeric dates are month first in American papers: their vocabulary, or their written dates
    ("January 8, 2024" rather than "8 January 2024"), give them away."""
    if _US_SIGNS.search(text):
        return True
    written = [m for m in DATE.finditer(text) if (m.group("y1") or m.group("y2")) and parse_date(m)]
    return sum(1 for m in written if m.group("y2")) > len(written) / 2
