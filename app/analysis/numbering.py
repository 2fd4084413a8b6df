"""Item numbers as councils print them, read into (family, value) so a sequence can be followed."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The title after a number may open with a dash or colon: "5 – Finance", "Item 5: Finance".
_SEP = r"(?:\s*[-–—:]\s*|\s+|$)"
_WORDED = re.compile(
    r"^(?P<word>(?:agenda\s+)?item|minute|min\.?)(?:\s+no\.?)?\s*"
    r"(?P<num>[A-Z]{0,3}\d{1,4}(?:[./-]\d{1,4}){0,2}[a-z]?)[.:)]?" + _SEP + r"(?P<rest>.*)$",
    re.I,
)
_TRIPLE = re.compile(r"^(?P<num>\d{1,2}\.\d{1,2}\.(?P<last>\d{1,3}))\.?" + _SEP + r"(?P<rest>.*)$")
# "R2024-128", "CAB/45", "CAB45", "EX 23", "DC.12": a committee's code, then the count.
_CODE = re.compile(
    r"^(?P<num>(?P<prefix>(?P<letters>[A-Z]{1,5})(?P<year>\d{1,4}[-/.]|[-/.]|\s)?)(?P<last>\d{1,4}))\.?"
    + _SEP
    + r"(?P<rest>.*)$"
)
# "TC/24/101", "C/101/23", "KMD/22/064": a code, a year and a count, either number first.
_CODE_PAIR = re.compile(
    r"^(?P<num>(?P<letters>[A-Z]{1,5})[-/.](?P<left>\d{1,4})[-/.](?P<right>\d{1,4}))[.:)]?"
    + _SEP
    + r"(?P<rest>.*)$"
)
_SLASH = re.compile(r"^(?P<num>(?P<left>\d{1,4})/(?P<right>\d{1,4}))[.:)]?" + _SEP + r"(?P<rest>.*)$")
_PLAIN = re.compile(
    r"^(?P<num>\(?(?P<value>\d{1,3})(?P<suffix>\.0(?=\s)|[.):]?))(?:\s*[-–—]\s*|\s+|$)(?P<rest>.*)$"
)
_LETTER = re.compile(r"^(?P<num>(?P<letter>[A-Z])(?P<suffix>[.)]))\s+(?P<rest>.*)$")
_ROMAN = re.compile(r"^(?P<num>(?P<roman>[IVX]{1,5})(?P<suffix>[.)]))\s+(?P<rest>.*)$")
# A cheap first look: lines that can open with a number other than digits.
_MAY_NUMBER = re.compile(
    r"[A-Z][.)]|[IVX]{1,5}[.)]|[A-Z]{1,5}[\d/.\s-]?\d|(?i:item|agenda|minute|min\b|min\.)"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


@dataclass(frozen=True)
class Number:
    """A printed number: its family (numbers that form one sequence), value, text and the rest of the line."""

    family: tuple[str, str]
    value: int
    text: str
    rest: str


def roman(text: str) -> int:
    total = 0
    for char, after in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if after and _ROMAN_VALUES[after] > value else value
    return total


def _worded(line: str) -> list[Number]:
    match = _WORDED.match(line)
    if not match:
        return []
    num = match["num"]
    digits = re.findall(r"\d+", num)
    word = match["word"].lower().split()[-1].rstrip(".")[:3]
    text = f"{match['word']} {num}".strip()
    # "Minute 101/24": either part may be the one that counts; the sequence decides.
    return [
        Number((f"worded-{word}-{place}", ""), int(value), text, match["rest"])
        for place, value in enumerate(dict.fromkeys((digits[-1], digits[0])))
    ]


def _code_pair(line: str) -> list[Number]:
    match = _CODE_PAIR.match(line)
    if not match:
        return []
    letters, left, right, rest = match["letters"], match["left"], match["right"], match["rest"]
    # Which number counts (the year stays the same) is for the sequence to decide, as with "45/23".
    return [
        Number(("code-pair-left", f"{letters}/{right}"), int(left), match["num"], rest),
        Number(("code-pair-right", f"{letters}/{left}"), int(right), match["num"], rest),
    ]


def _slashed(line: str) -> list[Number]:
    match = _SLASH.match(line)
    if not match:
        return []
    left, right, rest = match["left"], match["right"], match["rest"]
    # "45/23" (minute 45 of 2023) or "23/45" (year, then minute): keep both readings; the sequence decides.
    return [
        Number(("slash-left", right), int(left), match["num"], rest),
        Number(("slash-right", left), int(right), match["num"], rest),
    ]


def _simple(line: str) -> list[Number]:
    match = _PLAIN.match(line)
    if match:
        suffix = match["suffix"] + ("(" if match["num"].startswith("(") else "")
        return [Number(("plain", suffix), int(match["value"]), match["num"], match["rest"])]
    found: list[Number] = []
    match = _ROMAN.match(line)
    if match:
        found.append(Number(("roman", match["suffix"]), roman(match["roman"]), match["num"], match["rest"]))
    match = _LETTER.match(line)
    if match:
        value = ord(match["letter"]) - ord("A") + 1
        found.append(Number(("letter", match["suffix"]), value, match["num"], match["rest"]))
    return found


def _may_number(line: str) -> bool:
    """Whether `line` (not empty) may open with a number: a cheap first look."""
    first = line[0]
    if first.isdigit() or first == "(":
        return True
    # A word in lower case after its first letter ("The", "and") is no number, bar "item", "agenda" and
    # "minute" (in any case): most lines need no regex.
    if line[1:2].islower() and first.isascii() and first.lower() not in "iam":
        return False
    return _MAY_NUMBER.match(line) is not None


def read_numbers(line: str) -> list[Number]:
    """Every reading of a number opening `line` (a stripped, cleaned line); [] when it opens with none."""
    if not line or not _may_number(line):
        return []
    found = _worded(line)
    if found:
        return found
    match = _TRIPLE.match(line)
    if match:
        return [Number(("triple", ""), int(match["last"]), match["num"], match["rest"])]
    paired = _code_pair(line)
    if paired:
        return paired
    match = _CODE.match(line)
    # One letter and a space or nothing ("A 1", "B12") is an initial or a grid reference, not a code.
    if match and (len(match["letters"]) >= 2 or (match["year"] or "").strip()):
        family = ("code", match["letters"] + re.sub(r"\d", "9", match["year"] or ""))
        return [Number(family, int(match["last"]), match["num"], match["rest"])]
    return _slashed(line) or _simple(line)
