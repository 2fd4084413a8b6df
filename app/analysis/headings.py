"""What makes a line read as a heading: its title's shape, its place, its typography."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.analysis.lines import Line, clean
from app.analysis.numbering import read_numbers

# Standard procedural business of a meeting, printed as headings with or without numbers.
PROCEDURAL = re.compile(
    r"^(?:apologies(?: for absence)?|"
    r"(?:declarations?|disclosures?|conflicts?|registers?) of (?:\w+ ){0,4}interests?|"
    r"interests|substitute members|public (?:forum|participation|questions?(?: time)?|comments?)|"
    r"questions from (?:the )?(?:public|residents|members)|issues from the floor|open forum|"
    r"(?:\w+ )?announcements(?: by .{0,40})?|"
    r"(?:confirmation|approval|adoption) of (?:the )?(?:\w+ ){0,3}minutes|"
    r"minutes(?: of (?:the )?(?:previous|last) meeting)?|matters arising|urgent (?:business|items?)|"
    r"(?:any )?other (?:urgent )?(?:business|matters)|a\.?o\.?b\.?|date(?:s)? of (?:the )?next meetings?|"
    r"next meeting|welcome(?: and introductions)?|election of (?:chair|officers|vice|mayor).*|"
    r"petitions|deputations|exclusion of (?:the )?(?:press|public).*|close of (?:the )?meeting|closure|"
    r"adjournment|call to order|roll call|(?:approval|adoption) of (?:the )?agenda|karakia|"
    r"chair(?:man|person)?'?s? (?:report|announcements|remarks)|clerk'?s report)\b",
    re.I,
)
# One-word business headings: items only when the word is the whole title.
PROCEDURAL_WORD = re.compile(
    r"^(?:finance|planning(?: matters| applications)?|updates|correspondence|glossary|"
    r"petitions|deputations|highways)$",
    re.I,
)
# Where the business ends: nothing after it is an unnumbered item.
CLOSING = re.compile(
    r"\b(?:meeting|it)\s+(?:was\s+)?(?:closed|ended|concluded)\b|^signed\b|^chair(?:man|person)?\s*[.…_]{3,}"
    r"|^there\s+being\s+no\s+(?:further|other)\s+business\b",
    re.I,
)
# Labels of the attendance block: never items.
ATTENDANCE_LABEL = re.compile(
    r"^(?:present|in attendance|also (?:present|in attendance)|officers?(?: present| in attendance)?|"
    r"(?:committee |council )?members(?: present)?|councillors|members of the public|staff|"
    r"absent|regrets|guests?|attendees|roll\s+call\s+vote|(?:voice|recorded|division)\s+vote)\s*:?$",
    re.I,
)
# Words that name the paper or a part of it, not an item of its business.
# The paper's own name: "MINUTES", "Minutes and Action Log", "Notes and Actions", "Action Notes".
NOT_AN_ITEM = re.compile(
    r"^(?:(?:minutes|notes|action\s+(?:log|notes|points))(?:\s+(?:and|&)\s+(?:actions?(?:\s+(?:log|points|list))?|"
    r"decisions))?|agenda|(?:agenda\s+)?items|business|record of decisions|(?:table\s+of\s+)?contents)$",
    re.I,
)
# The paper's own title ("MINUTES OF REGULAR MEETING"), unlike "Minutes of the previous meeting".
PAPER_TITLE = re.compile(r"^(?:minutes|agenda|notes)\s+of\s+(?!.*\b(?:previous|last|prior)\b)", re.I)
# A web page's link to a paper: "Hackney Carriage Fare Review PDF icon PDF 201 KB".
_FILE_CAPTION = re.compile(
    r"\s+(?:(?:pdf|word|excel|doc|docx|xls|xlsx|rtf)\s+icon\b)?\s*(?:(?:pdf|docx?|xlsx?|rtf)\s+[\d.,]+\s*[kmg]b)?$",
    re.I,
)
_TOC = re.compile(r"(?:\.{4,}|…{2,}|\s{3,}|\t)\s*\d{1,4}$")
_MONTH = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b",
    re.I,
)
_SUBMARK = re.compile(r"^\(?[a-z]{1,3}[.)]?$|^\(?[ivx]{1,4}[.)]$")
_TERMINAL = (".", ";", ",", "?", "!")
_JOINED = re.compile(r"\b(?:of|and|by|for|the|to|in|on|at|with|from|&|–|-)$", re.I)
LIST_START = re.compile(r"^(?:\(?[a-z]{1,3}[.)]|\(?[ivx]{1,4}[.)]|\d{1,2}[.)]|[a-z]\s+[A-Z])\s?")
_RUN_ON = re.compile(r"^(?P<head>[^:–—]{3,80}?)\s*(?::|\s[–—-]|–|—)\s*(?P<rest>\S.*)$")
VERB = re.compile(
    r"\b(?:was|were|had|has|have|is|are|will|would|be|resolved|agreed|approved|noted)\b.{5,}", re.I
)
# A run-on sentence may open in lower case after a dash: "Planning – the following were received".
_SENTENCE_OPENING = re.compile(r"^(?:the|a|an|this|these|there|it|members|we|no)\s", re.I)
_CODE_WORD = re.compile(r"^(?=.*\d)(?=.*[A-Z])\S+$")
RUN_ON_WORDS = 12
TITLE_CASE_SHARE = 0.75
MAX_TITLE = 300


@dataclass(frozen=True)
class Head:
    """Where an item begins: its printed number and title, first line and last title line."""

    number: str | None
    title: str | None
    line: int
    last_line: int
    start: int
    label: bool = False
    run_on: bool = False


def title_of(text: str) -> str:
    """A heading's words as a title: decoration, bullets, a link's file caption and trailing separators
    removed."""
    title = clean(text).strip(" \t:–—-|").strip()
    if title[-2:].upper() in ("KB", "MB", "GB") or title.endswith("icon"):
        title = _FILE_CAPTION.sub("", title)
    return title


def closing_line(lines: list[Line]) -> int:
    """Index of the line where the business ends ("The meeting closed at …"); len(lines) when none."""
    for line in lines:
        low = line.text[:200].lower()
        hinted = "close" in low or "ended" in low or "conclu" in low or "signed" in low or "chair" in low or (
            low.startswith("there being")
        )
        if hinted and CLOSING.search(line.stripped):
            return line.index
    return len(lines)


def is_toc_line(text: str) -> bool:
    """A table-of-contents line: dot leaders or a trailing page number after a gap."""
    text = text.rstrip()
    return text[-1:].isdigit() and _TOC.search(text) is not None  # a line's end first: searched cheaply


def is_submark(text: str) -> bool:
    """A lone sub-point marker such as "a", "(b)", "ii)": never a title."""
    return bool(_SUBMARK.match(text.strip()))


def looks_like_title(title: str) -> float:
    """How much `title` reads like a heading's words (about -2 … +1.5)."""
    if not title:
        return -0.5
    words = title.split()
    score = 0.0
    if len(words) <= 14 and len(title) <= 120:
        score += 1.0
    elif len(words) > 25 or len(title) > 200:
        score -= 1.5
    first = title[0]
    if first.islower():
        score -= 1.0
    elif first.isupper() or first.isdigit() or first in "'\"‘“(":
        score += 0.3
    if title.endswith(("?", ";", ",")):
        score -= 1.0
    elif title.endswith(".") and (len(words) > 6 or ". " in title):
        score -= 0.8
    return score


def continues_title(raw: str, title: str, following: str) -> bool:
    """Whether `following` carries on a title broken over lines ("Conflicts of" / "interest")."""
    if not following or raw.rstrip().endswith((*_TERMINAL, ":")) or len(title) + len(following) > MAX_TITLE:
        return False
    if LIST_START.match(following) or len(following) > 80 or following.endswith(_TERMINAL[:1]):
        return False
    # A title broken after a joining word ("Announcements by" / "The Mayor") goes on whatever the case.
    return following[0].islower() or bool(_JOINED.search(title))


def _caps_run_on(title: str) -> tuple[str, bool]:
    """A title in capitals with its paragraph run on in ordinary case, as a PDF joins a bold heading to
    its text ("VOTES OF SYMPATHY Votes of sympathy were extended …")."""
    words = title.split()
    count = 0
    # Capitals run on to the first word in ordinary case or a reference code ("23/01822/FUL").
    while count < len(words) and not _CODE_WORD.match(words[count]) and words[count].upper() == words[count]:
        count += 1
    # "PUBLIC SESSION A resident asked …": a capital "A" or "I" opens the sentence.
    if 1 < count < len(words) and words[count - 1] in ("A", "I"):
        count -= 1
    rest = words[count:]
    capitals = sum(char.isalpha() for word in words[:count] for char in word)
    ordinary = any(char.islower() for word in rest for char in word)  # the minute's text is not in capitals
    sentence = count >= 2 or len(rest) >= RUN_ON_WORDS or VERB.search(" ".join(rest))
    if capitals < 4 or len(rest) < 4 or not ordinary or not sentence:
        return title, False
    return " ".join(words[:count]).strip(" –—-:"), True


def _title_case(text: str) -> bool:
    """Mostly capitalised words: a title's second part ("By-Law No. 12: A By-law to Confirm the
    Proceedings of …"), not a sentence run on after it."""
    words = [word for word in text.split() if len(word) > 3 and word[0].isalpha()]
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= TITLE_CASE_SHARE * len(words)


def split_run_on(title: str) -> tuple[str, bool]:
    """A title with its paragraph run on after a colon or dash ("Finance: The accounts were …") cut back."""
    if title[:4].isupper():
        head, cut = _caps_run_on(title)
        if cut:
            return head, True
    # Most titles hold no colon or dash: no regex to run.
    match = _RUN_ON.match(title) if any(mark in title for mark in ":–—-") else None
    if match is None:
        return title, False
    head, rest = match["head"].strip(), match["rest"].strip()
    opens = rest[0].isupper() or (_SENTENCE_OPENING.match(rest) is not None and len(rest.split()) >= 5)
    sentence = len(rest.split()) >= 8 and rest.endswith((".", ":")) and not _title_case(rest)
    if len(head.split()) <= 6 and opens and (sentence or VERB.search(rest)):
        return head, True
    return title, False


def read_title(lines: list[Line], index: int, rest: str, following: list[int]) -> tuple[str, int, bool]:
    """The title opening at line `index` (its text after the number is `rest`), its last line, and
    whether paragraph text ran on after it on the same line."""
    last = index
    # In a table row the title is the cell after the number; later cells are the minute's text.
    cells = [cell for cell in rest.split("\t") if cell.strip()]
    title = title_of(cells[0]) if cells else ""
    if len(cells) > 1:
        return (_caps_run_on(title)[0] if title[:4].isupper() else title), index, True
    if not title:
        nxt = following[index]
        if nxt < 0 or nxt - index > 3 or is_submark(lines[nxt].stripped):
            nxt = following[nxt] if nxt >= 0 and is_submark(lines[nxt].stripped) else nxt
        if nxt < 0 or nxt - index > 4 or len(lines[nxt].stripped) > MAX_TITLE:
            return "", index, False
        if read_numbers(lines[nxt].words) or lines[nxt].stripped.isdigit():
            return "", index, False
        title, last = title_of(lines[nxt].stripped), nxt
    while last + 1 < len(lines) and continues_title(
        lines[last].stripped, title, title_of(lines[last + 1].stripped)
    ):
        last += 1
        title = f"{title} {title_of(lines[last].stripped)}"
    title, run_on = split_run_on(title)
    return title, last, run_on


def is_procedural(title: str) -> bool:
    """A standard item of business ("Apologies", "Matters arising"), not a sentence that opens alike."""
    if PROCEDURAL_WORD.match(title):
        return True
    match = PROCEDURAL.match(title)
    if match is None or title.endswith("."):
        return False
    extra = title[match.end() :].strip()
    return len(extra.split()) <= 3 or extra.startswith(("(", "–", "-", ":", "—"))


def is_dateline(title: str) -> bool:
    """A title that is really a date or a document heading line ("Minutes of the meeting held on …")."""
    return len(title.split()) <= 4 and _MONTH.search(title) is not None  # the cheap test first
