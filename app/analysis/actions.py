"""Agreed actions: "Action: Clerk", "Terri Hacking will provide …", lists after "It was agreed that:"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.analysis.lines import Line, clean, neighbours, starts_paragraph, unbullet
from app.model import Action

_HONORIFIC = r"(?:(?:county\s+|parish\s+|district\s+)?(?:councillor|cllr|clr|cc|mr|mrs|ms|miss|dr)\.?\s+)?"
_NAME = r"(?:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}|[A-Z]{2,3}(?:\s*(?:&|and|/)\s*[A-Z]{2,3})*)"
_OFFICE = r"(?:the\s+)?(?:clerk|chair(?:man|person)?|rfo|treasurer|secretary|mayor|officers?)"
# "Terri Hacking will provide …", "NO to draft a response …", "The Clerk to write …"
OWNED = re.compile(
    rf"^(?P<owner>{_HONORIFIC}{_NAME}|{_OFFICE})\s+(?:will|to|would|agreed\s+to|is\s+to|are\s+to)\s+"
    r"(?!be\b|have\b|the\b)(?P<verb>[a-z]{3,})\b",
    re.I,
)
LABEL = re.compile(r"\bactions?(?:\s+by)?\s*[:–—-]\s*(?P<owner>[A-Z][\w .&/,'-]{0,40}?)\s*$", re.I)
# A lead-in whose list items are actions: "The following actions were agreed:", "It was agreed that:".
LEAD_IN = re.compile(
    r"\b(?:actions?|agreed|follow[- ]?up|to\s+be\s+(?:circulated|provided)"
    r"|would\s+be\s+(?:circulated|provided|sent))\b"
    r"[^.]*:$",
    re.I,
)
_LIST = re.compile(r"^(?:[-•·▪●◦*]|\uf0b7|\(?[a-z0-9]{1,3}[.)])\s*")
_NOT_OWNERS = frozenset(
    {"the", "it", "this", "that", "there", "these", "those", "they", "we", "he", "she", "members"}
    | {"committee", "council", "report", "item", "it's"}
)
_DASH_OWNER = re.compile(r"\s[-–—]\s*(?P<owner>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:to|will)\s+[a-z]+")
MAX_LIST = 20


def _owner(text: str) -> str | None:
    match = OWNED.match(text)
    if match and match["owner"].split()[0].lower() not in _NOT_OWNERS:
        return match["owner"].strip()
    match = _DASH_OWNER.search(text)
    return match["owner"] if match else None


def _action(line: Line, owner: str | None) -> Action:
    text = line.text.strip()
    start = line.start + line.text.find(text)
    return Action(text, owner, start, start + len(text))


def _listed(lines: list[Line], index: int, following: list[int]) -> Iterator[Action]:
    """The list items after the lead-in at line `index`, each an action."""
    nxt = following[index]
    count = 0
    while nxt >= 0 and count < MAX_LIST:
        line = lines[nxt]
        text = clean(line.stripped)
        bulleted = bool(_LIST.match(text)) or line.kind == "list_item"
        if not bulleted and (count or starts_paragraph(lines, nxt)):
            break
        yield _action(line, _owner(_LIST.sub("", text, count=1)))
        count += 1
        nxt = following[nxt]


def find_actions(lines: list[Line]) -> list[Action]:
    """Agreed actions with their owner where one is named, in reading order."""
    _, following = neighbours(lines)
    found: dict[int, Action] = {}
    for line in lines:
        if line.blank:
            continue
        text = unbullet(clean(line.stripped))
        label = LABEL.search(text)
        if label:
            found.setdefault(line.start, _action(line, label["owner"].strip(" .,")))
        elif LEAD_IN.search(text):
            for action in _listed(lines, line.index, following):
                found.setdefault(action.start, action)
        elif OWNED.match(text) and _owner(text):
            found.setdefault(line.start, _action(line, _owner(text)))
    return sorted(found.values(), key=lambda action: action.start)
