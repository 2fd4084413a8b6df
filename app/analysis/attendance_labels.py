"""Attendance labels: "Present:", "Apologies", "In attendance", each read as a status and a role."""

from __future__ import annotations

import re

ITEM_NUMBER = r"(?:item\s+)?(?:\d{1,3}(?:[./]\d{1,3}){0,2}[.)]?|[A-Z]\d{0,3}[.)])"
_STATUS_LABELS: tuple[tuple[str, str, str | None], ...] = (
    (
        r"(?:to\s+(?:receive|note|accept|consider)(?:\s+and\s+(?:approve|accept|note))?\s+)?"
        r"apologies(?:\s+for\s+(?:absence|non-attendance))?(?:\s+(?:received|and\s+absences?))?|regrets|"
        r"(?:members?|council|councill?ors?|commissioners|trustees|directors)\s+excused|excused(?:\s+absences?)?|absent\s+with\s+(?:apologies|regrets|notice|leave)|"
        r"absent\s+(?:and\s+)?excused|the\s+following\s+(?:\w+\s+){0,3}(?:sent|tendered)\s+apologies|"
        r"leave\s+of\s+absence|ymddiheuriadau",
        "apologies",
        None,
    ),
    (r"(?:(?:council\s*)?(?:members?|councill?ors?|councilmembers?|cllrs?|commissioners|trustees|directors)\s+)?"
     r"absent(?:\s+without\s+(?:apologies|notice))?|not\s+present|"
     r"the\s+following\s+(?:\w+\s+){0,3}were\s+absent",
     "absent", None),
    (r"(?:co-?opted|non-councill?or|lay|independent|external|church|parent)\s+(?:members?|representatives?)"
     r"(?:\s+present)?", "co-opted", None),
    (r"substitutes?(?:\s+members?)?(?:\s+present)?", "substitute", None),
    (r"(?:members\s+of\s+(?:the\s+)?)?(?:press\s+and\s+)?public(?:\s+(?:present|gallery))?|"
     r"number\s+of\s+(?:members\s+of\s+the\s+)?public", "public", None),
    (r"also\s+(?:present|in\s+attendance|attending)|others?(?:\s+(?:members|councill?ors))?(?:\s+present|"
     r"\s+in\s+attendance)?|hefyd\s+yn\s+bresennol|"
     r"visitors|guests|observers", "also-present", None),
    (r"(?:council\s+)?officers?(?:\s+(?:in\s+attendance|present|attending))?|officials?(?:\s+(?:in\s+"
     r"attendance|present))?|(?:council\s+)?staff(?:\s+(?:in\s+attendance|present))?|in\s+attendance|"
     r"co-?opted\s+employees(?:\s*/\s*officers)?|administration|minute[- ]?taker|"
     r"(?:the\s+)?clerk(?:\s+to\s+the\s+council)?|swyddogion", "officer", None),
    (r"in\s+the\s+chair|chair(?:man|person|woman)?|presiding", "present", "Chair"),
    (r"(?:the\s+)?mayor", "present", "Mayor"),
    (r"(?:(?:council|committee|board|elected|panel)\s+)?members?(?:\s+of\s+the\s+(?:joint\s+)?"
     r"(?:committee|council|board|panel|authority))?(?:\s+present)?|"
     r"present(?:\s+(?:in\s+person|remotely|virtually|were))?|(?:councill?ors?|councilmembers?|"
     r"council\s+members?|cllrs?|commissioners|aldermen|alderpersons|trustees|directors|board\s+members|"
     r"selectmen|governors|council|committee|board)\s+(?:present|in\s+attendance)|attendance|attendees|roll\s+call|"
     r"sederunt|(?:yn\s+)?(?:b|p)resennol|"
     r"the\s+following\s+(?:\w+\s+){0,3}were\s+present|councill?ors|councilmembers", "present", None),
)
_LABEL_ALTERNATIVES = "|".join(f"(?P<l{i}>{pattern})" for i, (pattern, _, _) in enumerate(_STATUS_LABELS))
# A label opens a line (perhaps after an item number) and ends it, or is followed by a colon or dash.
_LABEL = re.compile(
    rf"^[\s*_#>•·-]*(?:{ITEM_NUMBER}\s+)?(?:{_LABEL_ALTERNATIVES})[ *_]*"
    r"(?::|\s[-–—]\s|$|(?=\t)|\s+/\s+[^:\n]{1,40}(?::|$)|(?=\s+(?:councill?ors?|cllrs?|mayor|mr|mrs|ms|dr|none|nil)\b))"
    r"[\s*_]*",
    re.I,
)
# A second label later in the same line: "Present: A, B. Absent: C." (always with its colon here).
_UNNAMED_LABELS = _LABEL_ALTERNATIVES.replace("?P<l", "?P<m")
# "… (Democratic Services) Apologies: …": a bracket may close the list before the next label.
# "… Cllr J Stebbings In attendance: …": or a word in title case after a single space.
_INLINE_LABEL = re.compile(
    rf"(?:[.;:)]\s+|\s{{2,}}|(?<=\w) (?-i:(?=[A-Z][a-z])))(?=(?:{_UNNAMED_LABELS})\s*:)", re.I
)


def read_label(text: str) -> tuple[str, str | None, int] | None:
    """(status, role, end of the label) when `text` opens with an attendance label."""
    match = _LABEL.match(text)
    if not match:
        return None
    index = int(match.lastgroup[1:]) if match.lastgroup else 0
    _, status, role = _STATUS_LABELS[index]
    return status, role, match.end()


def segments(text: str) -> list[tuple[int, str]]:
    """A line cut before each inline label, as (offset, text) pairs."""
    if ":" not in text:
        return [(0, text)]
    first = read_label(text)
    # Not inside the line's own label: "Also Present:" is one label.
    cuts = [match.end() for match in _INLINE_LABEL.finditer(text) if not first or match.end() >= first[2]]
    bounds = [0, *cuts, len(text)]
    return [(bounds[i], text[bounds[i] : bounds[i + 1]]) for i in range(len(bounds) - 1)]


def is_attendance_label(text: str) -> bool:
    """True when `text` opens with an attendance heading ("Present:", "Apologies", "In attendance")."""
    return read_label(text.strip()) is not None
