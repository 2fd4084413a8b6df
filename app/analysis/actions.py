"""Agreed actions: "Action: Clerk", "Terri Hacking will provide …", lists after "It was agreed that:"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.analysis.lines import STRUCTURED_FORMATS, Around, Line, clean, starts_paragraph, unbullet
from app.model import Action, DocumentText

_HONORIFIC = r"(?:(?:county\s+|parish\s+|district\s+)?(?:councillor|cllr|clr|cc|mr|mrs|ms|miss|dr)\.?\s+)?"
_NAME = r"(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}|[A-Z]{2,3}(?:\s*(?:&|and|/)\s*[A-Z]{2,3})*)"
_OFFICE = (
    r"(?:the\s+)?(?:town\s+|parish\s+|city\s+|county\s+|deputy\s+|vice[- ])?"
    r"(?:clerk|chair(?:man|person)?|rfo|treasurer|secretary|mayor|chief\s+executive|director(?:\s+of\s+\w+)?|staff|"
    # "the Senior Executive Engineer", "the Deputy Town Clerk", "the Planning Officer": a post in title case.
    r"(?-i:(?:[A-Z][a-z]+\s+){0,3})(?:officers?|engineer|clerk|surveyor|planner|solicitor|accountant|"
    r"administrator|co-?ordinator|advis[eo]r|inspector|superintendent|warden)|"
    # "The Group Manager Assets", "the Head of Corporate Assurance": a post named by its service.
    r"(?:\w+\s+)?manager(?-i:\s+[A-Z][a-z]+)?|head\s+of(?-i:(?:\s+[A-Z][a-z]+){1,3}))"
)
OFFICE = re.compile(_OFFICE + "$", re.I)
# "Terri Hacking will provide …", "NO to draft a response …", "The Director undertook to circulate …"
OWNED = re.compile(
    rf"(?P<owner>{_OFFICE}|{_HONORIFIC}{_NAME})\s+"
    r"(?:will|to|would|agreed\s+to|undertook\s+to|offered\s+to|is\s+to|are\s+to)\s+"
    # A verb in lower case: not "Call to Order", nor "Responding to and working to prevent …".
    r"(?!be\b|have\b|the\b|and\b|or\b)(?-i:[a-z]{3,})\b",
    re.I,
)
# "She will bring a recommendation to the May meeting": the person named in the sentence before.
_PRONOUN = re.compile(
    r"(?:he|she|they)\s+(?:will|undertook\s+to|agreed\s+to)\s+(?!be\b|have\b|not\b)\w{3}", re.I
)
# "The Mayor asked the Clerk to invite …", "Council directed staff to return …", "asked for X to be shared".
_REQUESTED = re.compile(
    rf"\b(?:asked|requested|instructed|directed|tasked)\s+(?:(?P<owner>{_OFFICE}|{_HONORIFIC}{_NAME})\s+to\s+"
    r"(?!be\b)[a-z]{3,}\b|for\s+[^.;]{3,100}?\s+to\s+be\s+[a-z]{3,}ed\b"
    # "asked that the Cabinet Member provide a note", "requested that the figures be reported …"
    rf"|that\s+(?:(?:the\s+)?(?P<asked>{_OFFICE}|{_HONORIFIC}{_NAME})\s+(?-i:[a-z]{{3,}})\b(?<!\bbe)"
    r"|[^.;]{3,120}?\s+be\s+[a-z]{3,}ed\b))",
    re.I,
)
# "Action: Clerk", "ACTION A24/01: DC to draft …"; not "Action updates:" (progress on earlier actions).
LABEL = re.compile(
    r"\bactions?(?:\s+by|\s+(?:no\.?\s*)?[A-Z]{0,3}\d[\w/.-]*)?\s*\|?[:–—-]\s*(?P<rest>[A-Z].{0,200}?)\s*$",
    re.I,
)
# "It was agreed that this would be assessed", "Members agreed that a campaign should be run …"
_AGREED_LEAD = re.compile(
    r"\b(?:it\s+was\s+(?:\w+\s+)?|(?:members|councillors|the\s+(?:committee|board|council|panel|group))\s+)"
    r"agreed\s+that\s+",
    re.I,
)
_TASK = re.compile(r"[^.;]{0,160}?\b(?:would|will|should)\s+(?!be\s+noted)", re.I)
_SHORT_OWNER = re.compile(r"^[A-Z][\w .&/,'-]{0,40}$")
# A lead-in whose list items are actions: "The following actions were agreed:", "It was agreed that:".
LEAD_IN = re.compile(
    r"\b(?:actions?(?!\s+(?:updates?|progress|status|log|review)\b)|agreed|follow[- ]?up|"
    r"to\s+be\s+(?:circulated|provided)|would\s+be\s+(?:circulated|provided|sent))\b[^.]*:$",
    re.I,
)
# The initials in a minute's action column, after the sentence they own: "… to the January meeting.   HCA"
_COLUMN_OWNER = re.compile(r"[.)](?P<gap>\t\s*|\s{3,})(?P<owner>[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4})*)\s*$")
_LIST = re.compile(r"^(?:[-•·▪●◦*]|\uf0b7|\(?[a-z0-9]{1,3}[.)])\s*")
_NOT_OWNERS = frozenset(
    {"the", "it", "this", "that", "there", "these", "those", "they", "we", "he", "she", "members", "a", "an"}
    | {"committee", "council", "report", "item", "work", "it's", "which", "who", "if", "and", "but"}
    | {"resolved", "agreed", "decided", "proposed", "seconded", "moved"}
    # Indefinite pronouns read like a name in "Nothing to report", "Everyone to note".
    | {"nothing", "something", "anything", "everything", "nobody", "somebody", "anybody", "everybody"}
    | {"none", "someone", "anyone", "everyone", "all", "each", "both", "you", "i", "what", "how"}
    # A preposition opens a phrase, not a name: "For Council to award the tender …".
    | {"for", "in", "on", "at", "by", "with", "from", "of", "as", "under", "not"}
    # A paper or a motion is moved or made, it does no task: "Motion to suspend rule 16(1) …".
    | {"motion", "motions", "amendment", "recommendation", "proposal", "resolution", "request", "application"}
)
_DASH_OWNER = re.compile(r"\s[-–—]\s*(?P<owner>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:to|will)\s+[a-z]+")
# Where a sentence or a clause starts within a line; a full stop after a title or an initial is no end.
_FULL_STOP = re.compile(r"[.!?](?=\s|$)")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "cllr", "clr", "cr", "st", "no", "prof", "rev", "cc"})
_END_PUNCTUATION = ".!?:;"
MAX_LIST = 20
MAX_WRAPPED = 4  # lines one sentence may run over in hard-wrapped text
WRAPPED_WIDTH = 40  # characters of a line that wraps on to the next
WRAPPED_CAPITAL_WIDTH = 60  # characters of a line whose sentence goes on at a capital on the next line
NEAR_END = 40  # a sentence starting this near a line's end may have its verb on the next line
VERB_REACH = 80  # characters from a sentence's start within which an owner's verb follows
MAX_OWNER_WORDS = 6
MAX_INITIALS = 3
_JOINING = frozenset({"the", "of", "and", "&"})


@dataclass(frozen=True)
class _Page:
    """What every rule here needs to know about the document's lines."""

    doc: DocumentText
    lines: list[Line]
    stops: set[int]
    previous: list[int]
    structured: bool

    def runs_on(self, before: Line, after: Line) -> bool:
        """Whether `after` continues the sentence `before` leaves open (a hard-wrapped paragraph)."""
        if after.index != before.index + 1 or after.blank or before.blank:
            return False
        if before.stripped[-1] in _END_PUNCTUATION or len(before.stripped) < WRAPPED_WIDTH:
            return False  # a short line without a full stop is a title or a label, not a wrapped line
        if after.index in self.stops or before.index in self.stops or "heading" in (before.kind, after.kind):
            return False
        # Lines of one block run on; PDF and text blocks may split a paragraph, other blocks do not.
        if before.block is not after.block and self.structured:
            return False
        # A capital after the line end carries the sentence on only after a line as long as a wrapped
        # one, and as a plain word ("Corporate Assurance would …", "January."), not a reference
        # ("May25.05"), initials ("NO will …") or a label ("Prop:").
        word = after.stripped.split(None, 1)[0]
        if word[0].islower():
            return True
        plain = word[0].isupper() and word[1:].rstrip(".,;").islower() and word.rstrip(".,;").isalpha()
        return plain and len(before.stripped) >= WRAPPED_CAPITAL_WIDTH

    def opens(self, line: Line) -> bool:
        """Whether a sentence starts where `line` starts."""
        return line.index == 0 or not self.runs_on(self.lines[line.index - 1], line)

    def sentence_end(self, line: Line, at: int) -> int:
        """The offset just after the sentence running from line.text[at:], across wrapped lines."""
        current = line
        for _ in range(MAX_WRAPPED):
            stop = _full_stop(current.text, at)
            if stop >= 0:
                return current.start + stop
            after = self.lines[current.index + 1] if current.index + 1 < len(self.lines) else None
            if after is None or not self.runs_on(current, after):
                break
            current, at = after, 0
        return current.start + len(current.text.rstrip())

    def sentence_begin(self, line: Line, at: int) -> int:
        """The offset where the sentence holding line.text[at] begins, perhaps on a line above."""
        current = line
        for _ in range(MAX_WRAPPED):
            starts = [start for start in _sentence_starts(current.text, None) if start <= at]
            if starts:
                return current.start + starts[-1]
            if self.opens(current):
                break
            current = self.lines[current.index - 1]
            at = len(current.text)
        return current.start + len(current.text) - len(current.text.lstrip())


def _abbreviated(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends a title or an initial ("Mr.", "J."), not a sentence."""
    word = text[max(0, dot - 6) : dot].rsplit(None, 1)[-1:] or [""]
    return (len(word[0]) == 1 and word[0].isalpha()) or word[0].lower() in _ABBREVIATIONS


def _full_stop(text: str, at: int) -> int:
    """The offset just after the first sentence end in text[at:], or -1."""
    for match in _FULL_STOP.finditer(text, at):
        if match.group(0) != "." or not _abbreviated(text, match.start()):
            return match.end()
    return -1


def _sentence_starts(text: str, first: int | None) -> list[int]:
    """Where sentences, and clauses after a semicolon, start in `text` (after "Mr." too: see
    `_abbreviated`), in order; `first` (the line's start) too if given."""
    starts = [] if first is None else [first]
    for mark in ". ", "; ":
        at = text.find(mark)  # plain searches: most lines have no full stop but at their end
        while at >= 0:
            starts.append(at + 3 if text[at + 2 : at + 3] == " " else at + 2)
            at = text.find(mark, at + 2)
    if len(starts) > 1:
        starts.sort()
    return starts


def _owner(text: str) -> str | None:
    match = OWNED.match(text)
    if match:
        owner = " ".join(match["owner"].split())
        first = owner.split()[0]
        initials = owner.isupper() and len(first) <= MAX_INITIALS  # "AS to speak …" is no "As"
        named = first.lower() not in _NOT_OWNERS or OFFICE.match(owner)
        if initials or (owner.lower() not in _NOT_OWNERS and named):
            return owner
    match = _DASH_OWNER.search(text)
    return match["owner"] if match else None


def _action(doc: DocumentText, start: int, end: int, owner: str | None) -> Action:
    raw = doc.text[start:end]
    text = raw.strip()
    begin = start + raw.find(text)
    return Action(text, owner, begin, begin + len(text))


def _listed(page: _Page, index: int, following: list[int]) -> Iterator[Action]:
    """The list items after the lead-in at line `index`, each an action."""
    lines = page.lines
    nxt = following[index]
    count = 0
    while nxt >= 0 and count < MAX_LIST and nxt not in page.stops:
        line = lines[nxt]
        text = line.words
        bulleted = bool(_LIST.match(text)) or line.kind == "list_item"
        if not bulleted and (count or starts_paragraph(lines, nxt)):
            break
        yield _action(page.doc, line.start, line.end, _owner(_LIST.sub("", text, count=1)))
        count += 1
        nxt = following[nxt]


def _owned(page: _Page, line: Line) -> list[Action]:
    """Sentences of the line that open with an owner and a task ("NO to draft …", "She will bring …")."""
    text = line.text
    first = len(text) - len(text.lstrip()) if text[:1].isspace() else 0
    # A sentence near the end of a line left open may have its verb on the next line.
    open_end = len(text) - NEAR_END if line.stripped[-1] not in _END_PUNCTUATION else len(text)
    # Every task's verb holds " to ", " will" or " would": a line without may only end with an owner.
    low = 0 if " to " in text or " will" in text or " would" in text else open_end
    starts = [first] if first >= low and text[first : first + 1].isupper() else []
    for mark in ". ", "; ":
        at = text.find(mark, max(low - 2, 0))  # plain searches: few lines hold either inside
        while at >= 0:
            begin = at + 3 if text[at + 2 : at + 3] == " " else at + 2
            # After a full stop a sentence opens with a capital; after a semicolon, "the Clerk to …".
            if mark == "; " or text[begin : begin + 1].isupper():
                starts.append(begin)
            at = text.find(mark, begin)
    found: list[Action] = []
    for begin in starts:
        # The costlier look (the next line, the owner's words) only where a task may start.
        if _verb_near(text, begin) or (begin >= open_end and _owner_only(text, begin)):
            action = _task_at(page, line, begin, first)
            if action is not None:
                found.append(action)
    return found


def _owner_only(text: str, begin: int) -> bool:
    """Whether text[begin:] is only the words of an owner ("The Chair", "Margaret Fraser", "She"),
    whose verb may then open the next line."""
    words = text[begin:].split()
    return len(words) <= MAX_OWNER_WORDS and all(word[:1].isupper() or word in _JOINING for word in words)


def _verb_near(text: str, begin: int) -> bool:
    """Whether a task's verb (" to ", " will ", " would ") follows within an owner's reach of `begin`."""
    reach = begin + VERB_REACH
    return text.find(" to ", begin, reach) >= 0 or text.find(" will", begin, reach) >= 0 or (
        text.find(" would", begin, reach) >= 0
    )


def _task_at(page: _Page, line: Line, begin: int, first: int) -> Action | None:
    """The task opening at line.text[begin] (a sentence start), if its words name an owner and a task."""
    text = line.text
    joined = text
    if len(text) - begin < NEAR_END:  # "… The Chair" / "agreed to raise it …": the verb on the next line
        after = page.lines[line.index + 1] if line.index + 1 < len(page.lines) else None
        joined = f"{text} {after.stripped}" if after and page.runs_on(line, after) else text
    owner = None
    if OWNED.match(joined, begin):
        stop = _full_stop(joined, begin)
        owner = _owner(unbullet(clean(joined[begin : stop if stop >= 0 else len(joined)])))
    if not (owner or (text[begin] in "HST" and _PRONOUN.match(joined, begin))):
        return None
    dot = text.rfind(".", 0, begin)
    if begin != first and dot >= begin - 3 and _abbreviated(text, dot):
        return None  # "Mr. Lynch agreed …" starts at "Mr."
    # The line's start opens a sentence only when the line above does not run on into it.
    if begin == first and not page.opens(line):
        return None
    return _action(page.doc, line.start + begin, page.sentence_end(line, begin), owner)


def _requested(page: _Page, line: Line) -> Iterator[Action]:
    """ "The Mayor asked the Clerk to invite …", "Council directed staff to …": the sentence is the action."""
    for match in _REQUESTED.finditer(line.text):
        named = match["owner"] or match["asked"]
        owner = " ".join(named.split()) if named else None
        if owner and owner.split()[0].lower() in _NOT_OWNERS and not OFFICE.match(owner):
            continue  # a resident asking the Council to act is no agreed action
        start = page.sentence_begin(line, match.start())
        yield _action(page.doc, start, page.sentence_end(line, match.end()), owner)


def _agreed_tasks(page: _Page, line: Line) -> Iterator[Action]:
    """ "It was agreed that the Clerk would write …": a task agreed in a sentence, perhaps wrapped."""
    for lead in _AGREED_LEAD.finditer(line.text):
        end = page.sentence_end(line, lead.end())
        task = " ".join(page.doc.text[line.start + lead.end() : end].split())
        if _TASK.match(task):
            yield _action(page.doc, line.start + lead.start(), end, _owner(task))


def _column_owned(page: _Page, line: Line) -> Action | None:
    """A sentence with its owner's initials in the action column beside its last line."""
    column = _COLUMN_OWNER.search(line.text)
    if not column:
        return None
    start = page.sentence_begin(line, column.start())
    return _action(page.doc, start, line.start + column.start("gap"), column["owner"])


def _labelled(page: _Page, line: Line, label: re.Match[str]) -> Action:
    """ "Action: Clerk to write …" is the action; "Action: Clerk" alone on its line labels the line above."""
    rest = label["rest"].strip(" .,")
    owner = _owner(rest)
    if owner:
        at = line.text.find(rest[:12])
        return _action(page.doc, line.start, page.sentence_end(line, max(at, 0)), owner)
    owner = rest if _SHORT_OWNER.match(rest) else None
    above = page.previous[line.index]
    alone = label.start() == 0 and above >= 0
    return _action(page.doc, page.lines[above].start if alone else line.start, line.end, owner)


def _in_line(page: _Page, line: Line, following: list[int]) -> list[Action]:
    """The actions a line opens (or, for a lead-in, the list after it)."""
    text = unbullet(line.words)
    label = LABEL.search(text) if "ction" in text or "CTION" in text else None
    if label:
        return [_labelled(page, line, label)]
    if text.endswith(":") and LEAD_IN.search(text):
        return list(_listed(page, line.index, following))
    found = _owned(page, line)
    raw = line.text
    # Plain searches for fragments of the verbs first: most lines hold none.
    if "sked" in raw or "equested" in raw or "nstructed" in raw or "irected" in raw:
        found.extend(_requested(page, line))
    if "agreed" in raw:
        found.extend(_agreed_tasks(page, line))
    if line.stripped[-1:].isupper():
        column = _column_owned(page, line)
        if column:
            found.append(column)
    return found


def find_actions(doc: DocumentText, lines: list[Line], stops: set[int], around: Around) -> list[Action]:
    """Agreed actions with their owner where named, in reading order; `stops` begin items."""
    previous, following = around
    page = _Page(doc, lines, stops, previous, doc.format in STRUCTURED_FORMATS)
    found: dict[int, Action] = {}
    for line in lines:
        if line.blank or line.index in stops:
            continue
        for action in _in_line(page, line, following):
            found.setdefault(action.start, action)
    return sorted(found.values(), key=lambda action: action.start)
