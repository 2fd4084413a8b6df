"""Agreed actions: "Action: Clerk", "Terri Hacking will provide …", lists after "It was agreed that:"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.analysis.lines import Around, Line, clean, starts_paragraph, unbullet
from app.model import Action, DocumentText

_HONORIFIC = r"(?:(?:county\s+|parish\s+|district\s+)?(?:councillor|cllr|clr|cc|mr|mrs|ms|miss|dr)\.?\s+)?"
_NAME = r"(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}|[A-Z]{2,3}(?:\s*(?:&|and|/)\s*[A-Z]{2,3})*)"
_OFFICE = (
    r"(?:the\s+)?(?:town\s+|parish\s+|city\s+|county\s+|deputy\s+)?(?:clerk|chair(?:man|person)?|rfo|"
    r"treasurer|secretary|mayor|chief\s+executive|(?:\w+\s+)?manager|director(?:\s+of\s+\w+)?|officers?|staff)"
)
OFFICE = re.compile(_OFFICE + "$", re.I)
# "Terri Hacking will provide …", "NO to draft a response …", "The Clerk to write …"
OWNED = re.compile(
    rf"(?P<owner>{_OFFICE}|{_HONORIFIC}{_NAME})\s+(?:will|to|would|agreed\s+to|is\s+to|are\s+to)\s+"
    r"(?!be\b|have\b|the\b)[a-z]{3,}\b",
    re.I,
)
LABEL = re.compile(r"\bactions?(?:\s+by)?\s*\|?[:–—-]\s*(?P<rest>[A-Z].{0,200}?)\s*$", re.I)
# "It was agreed that this would be assessed", "It was agreed that Cllr Patel will write …"
AGREED_TASK = re.compile(
    r"\b(?P<lead>it\s+was\s+(?:\w+\s+)?agreed\s+that\s+)[^.;]{0,120}?\b(?:would|will|should)\s+(?!be\s+noted)",
    re.I,
)
_SHORT_OWNER = re.compile(r"^[A-Z][\w .&/,'-]{0,40}$")
# A lead-in whose list items are actions: "The following actions were agreed:", "It was agreed that:".
LEAD_IN = re.compile(
    r"\b(?:actions?|agreed|follow[- ]?up|to\s+be\s+(?:circulated|provided)"
    r"|would\s+be\s+(?:circulated|provided|sent))\b[^.]*:$",
    re.I,
)
_LIST = re.compile(r"^(?:[-•·▪●◦*]|\uf0b7|\(?[a-z0-9]{1,3}[.)])\s*")
_NOT_OWNERS = frozenset(
    {"the", "it", "this", "that", "there", "these", "those", "they", "we", "he", "she", "members", "a", "an"}
    | {"committee", "council", "report", "item", "work", "it's", "which", "who", "if", "and", "but"}
    | {"resolved", "agreed", "decided", "proposed", "seconded", "moved"}
    # Indefinite pronouns read like a name in "Nothing to report", "Everyone to note".
    | {"nothing", "something", "anything", "everything", "nobody", "somebody", "anybody", "everybody"}
    | {"none", "someone", "anyone", "everyone", "all", "each", "both", "you", "i", "what", "how"}
)
_DASH_OWNER = re.compile(r"\s[-–—]\s*(?P<owner>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:to|will)\s+[a-z]+")
MAX_LIST = 20


def _owner(text: str) -> str | None:
    match = OWNED.match(text)
    if match:
        owner = " ".join(match["owner"].split())
        first = owner.split()[0].lower()
        if owner.lower() not in _NOT_OWNERS and (first not in _NOT_OWNERS or OFFICE.match(owner)):
            return owner
    match = _DASH_OWNER.search(text)
    return match["owner"] if match else None


def _action(doc: DocumentText, start: int, end: int, owner: str | None) -> Action:
    raw = doc.text[start:end]
    text = raw.strip()
    begin = start + raw.find(text)
    return Action(text, owner, begin, begin + len(text))


def _listed(
    doc: DocumentText, lines: list[Line], index: int, following: list[int], stops: set[int]
) -> Iterator[Action]:
    """The list items after the lead-in at line `index`, each an action."""
    nxt = following[index]
    count = 0
    while nxt >= 0 and count < MAX_LIST and nxt not in stops:
        line = lines[nxt]
        text = line.words
        bulleted = bool(_LIST.match(text)) or line.kind == "list_item"
        if not bulleted and (count or starts_paragraph(lines, nxt)):
            break
        yield _action(doc, line.start, line.end, _owner(_LIST.sub("", text, count=1)))
        count += 1
        nxt = following[nxt]


def _sentence_starts(text: str) -> Iterator[int]:
    yield len(text) - len(text.lstrip())
    position = text.find(". ")
    while position >= 0:
        yield position + 2
        position = text.find(". ", position + 2)


def _owned(doc: DocumentText, line: Line) -> Iterator[Action]:
    """Sentences of the line that open with an owner and a task ("NO to draft …")."""
    text = line.text
    for begin in _sentence_starts(text):
        if not text[begin : begin + 1].isupper() or not OWNED.match(text, begin):
            continue
        stop = text.find(". ", begin)
        end = len(text) if stop < 0 else stop + 1
        owner = _owner(unbullet(clean(text[begin:end])))
        if owner:
            yield _action(doc, line.start + begin, line.start + end, owner)


def _agreed_tasks(doc: DocumentText, line: Line) -> Iterator[Action]:
    """ "It was agreed that the Clerk would write …": a task agreed in a sentence."""
    if "agreed" not in line.text:
        return
    for match in AGREED_TASK.finditer(line.text):
        stop = line.text.find(". ", match.end())
        end = len(line.text) if stop < 0 else stop + 1
        task = line.text[match.end("lead") : end].strip()
        yield _action(doc, line.start + match.start(), line.start + end, _owner(task))


def _labelled(
    doc: DocumentText, lines: list[Line], line: Line, label: re.Match[str], previous: list[int]
) -> Action:
    """ "Action: Clerk to write …" is the action; "Action: Clerk" alone on its line labels the line above."""
    rest = label["rest"].strip(" .,")
    owner = _owner(rest)
    if owner:
        return _action(doc, line.start, line.end, owner)
    owner = rest if _SHORT_OWNER.match(rest) else None
    alone = label.start() == 0 and previous[line.index] >= 0
    return _action(doc, lines[previous[line.index]].start if alone else line.start, line.end, owner)


def find_actions(doc: DocumentText, lines: list[Line], stops: set[int], around: Around) -> list[Action]:
    """Agreed actions with their owner where named, in reading order; `stops` begin items."""
    previous, following = around
    found: dict[int, Action] = {}
    for line in lines:
        if line.blank or line.index in stops:
            continue
        text = unbullet(line.words)
        label = LABEL.search(text) if "ction" in text else None
        if label:
            action = _labelled(doc, lines, line, label, previous)
            found.setdefault(action.start, action)
        elif text.endswith(":") and LEAD_IN.search(text):
            for action in _listed(doc, lines, line.index, following, stops):
                found.setdefault(action.start, action)
        else:
            for action in (*_owned(doc, line), *_agreed_tasks(doc, line)):
                found.setdefault(action.start, action)
    return sorted(found.values(), key=lambda action: action.start)
