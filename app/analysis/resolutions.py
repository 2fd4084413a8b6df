"""Decisions: "Resolved" blocks with their sub-points, decided sentences, carried motions, tables."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from app.analysis.headings import CLOSING, Head
from app.analysis.lines import STRUCTURED_FORMATS, Around, Line, starts_paragraph, unbullet
from app.analysis.tables import column_decisions, table_decisions
from app.model import DocumentText, Span

_BODY = (
    r"(?:the\s+|this\s+)?(?:committee|sub-committee|council|board|cabinet|panel|forum|meeting|executive|members)"
)
# A decision printed as a label or lead-in at the start of a line; its text runs on through sub-points.
LEAD = re.compile(
    r"^(?:(?:resolved|agreed|decided|decision)(?=\s*(?:[:;,.–—-]|$|that\b|to\b|\(|unanimously|accordingly|:))"
    r"|RESOLVED|AGREED|DECISION|DECIDED|penderfynwyd|order(?=\s*:)"
    r"|action\s*:\s*(?:approved|adopted|carried|passed|agreed)\b"
    r"|(?:therefore\s+|and\s+)?be\s+it\s+(?:further\s+)?resolved"
    r"|(?:committee\s+|council\s+|board\s+)?resolution(?:\s+(?:(?:no\.?|number|#)\s*)?[A-Z0-9][\w/.-]*)?\s*[:–—-]?\s*$"
    # "The Committee RECOMMENDED to Cabinet that:": what a committee decides is often a recommendation.
    rf"|{_BODY}\s+(?:\w+\s+)?(?:resolved|resolves|agreed|agrees|decided|recommended|recommends)\b)",
    re.I,
)
# Every LEAD and LEAD_CAPITALS match opens with one of these words (in any case).
_LEAD_OPENINGS = (
    "resol", "agree", "decid", "decis", "penderfynwyd", "order", "action", "therefore", "and", "be",
    "committee", "sub-committee", "council", "board", "cabinet", "panel", "forum", "meeting", "executive",
    "members", "the", "this",
)
_LEAD_OPENING = max(map(len, _LEAD_OPENINGS))
# Scottish style: "The Committee:-" over a list, or "The Committee NOTED … and APPROVED …" in capitals.
LEAD_CAPITALS = re.compile(
    r"^(?:[Tt]he\s+)?(?:Committee|Sub-Committee|Council|Board|Cabinet|Panel|Members)"
    r"(?:\s*:-?\s*$|\s+(?:unanimously\s+)?(?:AGREED|APPROVED|NOTED|RESOLVED|DECIDED|ENDORSED|RECOMMENDED)\b)"
)
# A decision told in a sentence: "It was resolved to …", "The minutes … were approved".
SENTENCE = re.compile(
    r"\b(?:it\s+was\s+(?:\w+\s+){0,2}?(?:resolved|agreed|decided|ordered)"
    r"|(?:was|were)\s+(?:(?:unanimously|duly|formally|then|all|agreed\s+and|(?:read|[a-z]{4,}ed)\s+and)\s+)?"
    r"(?:approved|adopted|ratified|endorsed|confirmed|carried(?!\s+(?:out|forward|over))|agreed\s+(?:to\s+be\s+|as\s+)?(?:a|an|the)\s+)"
    r"|approval\s+was\s+given"
    # Over a line end only in a wrapped sentence: "the Board" / "Approved by the Board on …" are two lines.
    rf"|{_BODY}(?:[^\S\n]+|\s+(?=(?-i:[a-z])))(?:unanimously\s+)?(?:resolved|decided|approved|adopted)\b"
    r"|(?:signed|agreed|approved|accepted|taken|confirmed)\s+(?:as|to\s+be)\s+(?:a\s+|the\s+)?"
    r"(?:true|correct|accurate|fair)\s+(?:and\s+\w+\s+)?record"
    r"|motion\s+(?:was\s+)?(?:duly\s+)?(?:carried|passed|approved|adopted|agreed)"
    r"|(?:and|duly)\s+(?:unanimously\s+)?(?:resolved|agreed)(?:\s+(?:that|to)|\s*:\s*[\"“‘']?)"
    r"|(?-i:RESOLVED|AGREED)\s*(?:\([^()\n]{1,30}\)\s*)?[:–—-]?\s*(?:that|to)"
    # "Members noted the scale. Resolved: to support the application.": a label after a sentence.
    r"|(?<=[.;:!?–—-]\s)[*_]{0,2}(?:resolved|agreed|decision|decided)[*_]{0,2}"
    r"(?:\s*[:–—][*_]{0,2}\s*|\s+(?=(?:that|to)\s))"
    # "The minutes … were proposed by Cllr. Mahon, seconded by Ms. Hickey and adopted."
    r"|\b(?:proposed|moved)\s+by\s+[^;:\n]{3,80}?,?\s+(?:and\s+)?seconded\s+by\s+[^;:\n]{3,80}?,?\s+and\s+"
    r"(?:unanimously\s+)?(?:adopted|agreed|approved|carried|passed)\b"
    r"|\bmoved(?:\s+and\s+seconded)?\s+(?:that|to\s+(?:approve|adopt|accept|authori[sz]e|award|appoint|receive"
    r"|direct|deny|refer|defer|table|adjourn|amend|ratify|endorse|grant|confirm)))\b",
    re.I,
)
CLOSE = re.compile(
    r"^(?:(?:the\s+)?(?:main\s+)?(?:motion|amendment)(?:\s+as\s+amended)?\s+(?:was\s+)?)?(?:carried|passed|adopted)\b"
    r"(?:\s+(?:unanimously|by\s+\w+|\d+\s*[-–/:]\s*\d+)"
    r"|\s*\([^)]*\))*\.?$",
    re.I,
)
# Every CLOSE match opens with one of these words (in any case).
_CLOSE_OPENINGS = ("the", "main", "motion", "amendment", "carried", "passed", "adopted")
_CLOSE_OPENING = max(map(len, _CLOSE_OPENINGS))
_MAIN_MOTION = re.compile(r"^(?:the\s+)?main\s+motion\b", re.I)
# A motion may be quoted ("*"That this Council calls on …"*").
MOTION_START = re.compile(
    r"^[*_\"“‘']*(?:that\b|moved\b|motion\b|(?:therefore\s+)?be\s+it\s+resolved|resolution\b)", re.I
)
# "Following a vote the motion was declared carried", "The Chair declared the motion carried".
_VERDICT = re.compile(
    r"\b(?:motion|amendment|proposal)\s+(?:was\s+)?(?:declared|deemed)\s+[*_]{0,2}(?:carried|passed|adopted)"
    r"|\bdeclared\s+the\s+(?:motion|amendment|proposal)\s+(?:to\s+be\s+)?(?:carried|passed|adopted)",
    re.I,
)
LIST_MARK = re.compile(r"^(?:\(?[ivx]{1,5}\)|\(?[a-z]\)|[a-z][.)]|\d{1,2}[.)]|\(\d{1,2}\)|[ivx]{1,5}\.)\s")
_SENTENCE_END = re.compile(r"[.!?](?=[\s”\"’']*(?:\s+[A-Z(“\"‘]|$))")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+")
_ABBREVIATIONS = frozenset(
    {"cllr", "cllrs", "clr", "cr", "crs", "mr", "mrs", "ms", "dr", "no", "st", "co", "nos", "etc"}
)
SENTENCE_REACH = 1500
_CONTINUES = (":", ",", ";", " and", " that", " That", "–", "-")
LABEL_ONLY = re.compile(
    r"^(?:resolved|agreed|decided|decision|resolution)\s*[:;,.–—-]*\s*(?:that\s*:?)?$", re.I
)
RESOLUTION_ID = re.compile(
    r"^(?:committee\s+|council\s+|board\s+)?resolution\s+(?:(?:no\.?|number|#)\s*)?[A-Z0-9][\w/.-]*\s*[:–—-]?\s*$",
    re.I,
)
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+")
# A label over a minute's text, not part of the decision: "Minutes:" (Modern.gov's own), "Discussion:",
# alone on its line (up to three words) or, for the labels that name the record itself, before it.
_LABEL_LINE = re.compile(
    r"[^\S\n]*[*_]{0,2}[^\W\d][\w'’/()-]*(?:[^\S\n]+[\w'’/()-]+){0,2}[*_]{0,2}:[*_]{0,2}[^\S\n]*\n"
)
_LABEL_INLINE = re.compile(
    r"[*_]{0,2}(?:minutes?|notes?|discussion|summary|record)[*_]{0,2}:[*_]{0,2}\s+", re.I
)
_MOVER = re.compile(r"^(?:moved|seconded|proposed|mover|seconder)\b", re.I)
_AUXILIARY = re.compile(r"\b(?:be|been|being|is|was|were|are|has|have|had|not)$", re.I)
_MOTION_OPEN = re.compile(
    r"\b(?:on\s+)?(?:motion|moved)\s+(?:was\s+)?(?:made\s+)?by\b|\bmotion\s+to\b|\bmoved\s+(?:to|that)\b",
    re.I,
)
MOTION_REACH = 1500
_QUOTED_MOTION = re.compile(r"(?:^|\n)[*_]*([\"“‘']That\b)")
# A motion or amendment moved (a proposal), unless its outcome is in the same words.
_MOVED = re.compile(r"\bmoved\s+(?:that|to)\b|\bas\s+an\s+amendment\b", re.I)
_PASSED = re.compile(r"\b(?:carried|passed|adopted|agreed|approved|lost|defeated|fell)\b", re.I)
# A vote's tally under its motion ("Aye: 5 - …", "Against (12):", "Abstain (1): Councillor Parry").
_TALLY = re.compile(
    r"\s*(?:ayes?|nays?|noes|yeas|for|against|abstain(?:ed|ing|s)?|abstentions?|absent|excused|recused)"
    r"\b[^:\n]{0,20}:",
    re.I,
)
# "On being put to the vote this was carried": a verdict on the proposal told in the sentence before.
_ANAPHORIC = re.compile(
    r"(?:(?:on|upon|when|after|following)\s+(?:being\s+)?(?:put\s+to\s+(?:the|a)\s+vote|a\s+vote),?\s+)?"
    r"(?:this|it|the\s+(?:proposal|motion|recommendation|amendment))\s+was\s+(?:\w+\s+)?"
    r"(?:carried|agreed|approved|passed|adopted)\b",
    re.I,
)
_PROPOSAL = re.compile(r"\b(?:proposed|moved|motion)\b", re.I)
# A planning application's reference ("23/01822/FUL", "DC/24/0312"), and the council's response printed
# after its description: "… 3 Orchard Close - No objection.", "… Mill Road - Object: outside the …".
_APPLICATION = re.compile(r"\b(?:[A-Z]{1,3}/)?\d{2,4}/\d{3,5}(?:/[A-Z]{2,4})?\b")
_RESPONSE = re.compile(
    r"(?:(?<=\s[-–—]\s)|(?<=[.;]\s))(?:No\s+objections?|Objects?|Objection|Support(?:ed)?|No\s+comments?|"
    r"No\s+observations)(?=\s*[.:;]|\s*$)(?::[^.\n]*)?"
)
_VOTE_INTRO = re.compile(r"\bvot(?:e|es|ed|ing)\b[^.]{0,40}:$", re.I)
RECOMMENDATION = re.compile(r"^(?:officers?'?s?\s+)?recommendations?$", re.I)
# Every SENTENCE match holds one of these stems (in any case), within STEM_REACH characters. No stem
# opens another, so at most one starts at any place.
_STEMS = tuple(
    stem.encode("ascii")
    for stem in (
        "resolv", "ratif", "record", "agree", "approv", "adopt", "decid", "decis", "order", "endors",
        "confirm", "carried", "motion", "moved", "passed", "second",
    )
)
STEM_REACH = 80
_CLOSING_AFTER = re.compile(
    r"(?<=[.;])\s+(?=(?:the\s+)?meeting\s+(?:closed|ended|concluded)|there\s+being\s+no\s+(?:further|other)\s+business)",
    re.I,
)
MAX_LINES = 60
MOTION_LOOKBACK = 25


def _opening(line: Line) -> str:
    """The line's words without a bullet or a paragraph number ("6.3 Resolved to …")."""
    words = unbullet(line.words)
    return _PARAGRAPH_NUMBER.sub("", words, count=1) if words[:1].isdigit() else words


def _leads(text: str) -> bool:
    # Most lines open with none of _LEAD_OPENINGS: they need no regex. (Only an ASCII opening is ruled
    # out so: under re.I some other letters match, "ſ" as "s".)
    opening = text[:_LEAD_OPENING]
    if opening.isascii() and not opening.lower().startswith(_LEAD_OPENINGS):
        return False
    return bool(LEAD.match(text) or LEAD_CAPITALS.match(text))


def _carried(text: str) -> bool:
    """A motion's outcome ("Carried", "The motion was passed unanimously"): CLOSE, tried only where it
    can match (as in `_leads`)."""
    opening = text[:_CLOSE_OPENING]
    if opening.isascii() and not opening.lower().startswith(_CLOSE_OPENINGS):
        return False
    return CLOSE.match(text) is not None


def _continues(line_text: str, after: str) -> bool:
    """Whether the paragraph starting `after` carries on a decision whose text so far ends `line_text`."""
    text = unbullet(after)
    ends_open = line_text.rstrip().endswith(_CONTINUES)
    if LIST_MARK.match(text) or text.startswith("("):
        # A sub-point continues a lead-in ("That:") or the sub-point before it, not a finished sentence.
        return ends_open or bool(LIST_MARK.match(unbullet(line_text)))
    opens = text.startswith(("That ", "that ", "THAT ", "and ", "- ", "• "))
    # A sentence wrapped onto a line of its own ("… at the deliberations" / "meeting on 12 June;").
    wrapped = text[:1].islower() and not line_text.rstrip().endswith((".", ";", "!", "?"))
    # The mover, seconder and outcome printed under a decision belong to it.
    return opens or ends_open or wrapped or _carried(text) or bool(_MOVER.match(text))


class _Finder:
    """One pass over the lines; a decision never runs into an item's heading (`stops`) and a
    sentence never starts in one (`titles`: every line of every heading)."""

    def __init__(self, doc: DocumentText, lines: list[Line], heads: list[Head], around: Around) -> None:
        self.doc, self.lines = doc, lines
        self.stops = {head.line for head in heads}
        # A heading line that runs on into the minute's text ("Finance - The accounts were …") is text too.
        self.titles = {line for head in heads for line in range(head.line, head.last_line + 1 - head.run_on)}
        self.previous, self.following = around

    def wrapped(self, index: int) -> bool:
        """Whether line `index` carries on, in lower case, a sentence the line above leaves open
        ("… The Chair" / "agreed to raise it …"): its first word opens no decision."""
        line = self.lines[index]
        if not line.words[:1].islower() or index == 0 or index - 1 in self.stops:
            return False
        above = self.lines[index - 1]
        if above.blank or above.kind == "heading" or above.stripped.endswith((".", ":", ";", "!", "?", ")")):
            return False
        return above.block is line.block or self.doc.format not in STRUCTURED_FORMATS

    def _paragraph_end(self, index: int) -> int:
        last = index
        nxt = index + 1
        while nxt < len(self.lines) and not self.lines[nxt].blank and nxt not in self.stops:
            opening = _opening(self.lines[nxt])
            if starts_paragraph(self.lines, nxt) or _leads(opening) or CLOSING.search(opening):
                break
            if LIST_MARK.match(opening) and not _continues(self.lines[last].stripped, opening):
                break
            last, nxt = nxt, nxt + 1
        return last

    def block(self, index: int) -> int:
        """Last line of the decision opening at line `index`: its paragraph and continuing sub-points."""
        last = self._paragraph_end(index)
        # A bare label ("Decision", "RESOLVED –", "Resolution CO/2024/71") always takes the paragraph
        # under it, past the mover and seconder printed between them.
        opening = _opening(self.lines[index])
        bare = last == index and bool(LABEL_ONLY.match(opening) or RESOLUTION_ID.match(opening))
        while last - index < MAX_LINES:
            nxt = self.following[last]
            if nxt < 0 or nxt in self.stops or nxt - last > 3:
                break
            after = _opening(self.lines[nxt])
            listed = self.lines[nxt].kind == "list_item"
            if not bare and (_leads(after) or not (listed or _continues(self.lines[last].stripped, after))):
                break
            bare = bare and bool(_MOVER.match(after))
            last = self._paragraph_end(nxt)
        return self._last_point(index, last)

    def _last_point(self, first: int, last: int) -> int:
        """Cut a decision after its last sub-point when prose follows it in the same block (the
        extraction may join the paragraph after a list to the list's last item)."""
        pointed = False
        for index in range(first, last):
            text = _opening(self.lines[index])
            pointed = pointed or bool(LIST_MARK.match(text))
            after = _opening(self.lines[index + 1])
            if pointed and text.endswith(".") and after[:1].isupper() and not LIST_MARK.match(after):
                return index
        return last

    def motion_start(self, close: int) -> int:
        """First line of the motion that line `close` ("Carried") closes; a main motion carried as
        amended reaches back past its amendments to the motion itself."""
        found = -1
        main = _MAIN_MOTION.match(_opening(self.lines[close])) is not None
        index = self.previous[close]
        while index >= 0 and close - index <= MOTION_LOOKBACK and index not in self.stops:
            text = _opening(self.lines[index])
            if MOTION_START.match(text):
                found = index
            elif found >= 0 and not LIST_MARK.match(text) and not main:
                break
            index = self.previous[index]
        if found >= 0:
            return found
        start = self.previous[close]
        # "For (14): …" / "Against (0):" / "Abstain (1): …": the tally of a vote, between the motion and
        # its verdict, and the line announcing it ("… a recorded vote was taken:").
        while start > 0 and _TALLY.match(self.lines[start].text):
            start = self.previous[start]
        if start > 0 and _VOTE_INTRO.search(self.lines[start].stripped):
            start = self.previous[start]
        while start > 0 and not starts_paragraph(self.lines, start) and start - 1 not in self.stops:
            start -= 1
        return max(start, 0)

    def span(self, first: int, last: int, column: int = 0) -> Span:
        start = self.lines[first].start + column
        end = self.lines[last].end
        text = self.doc.text[start:end]
        closing = _CLOSING_AFTER.search(text)  # an extraction may join the closing line to the last decision
        text = (text[: closing.start()] if closing else text).rstrip()
        return Span(text, start, start + len(text))


def _lead_column(line: Line) -> int:
    """Offset of the operative words within the line (after bullets, numbering and emphasis)."""
    text = line.text
    opening = _opening(line)
    position = text.find(opening[:12]) if opening else 0
    return max(position, 0)


def _line_decisions(finder: _Finder) -> Iterator[Span]:
    lines = finder.lines
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.blank or index in finder.stops:
            index += 1
            continue
        opening = _opening(line)
        if _leads(opening) and not finder.wrapped(index):
            last = finder.block(index)
            yield finder.span(index, last, _lead_column(line))
            index = last + 1
            continue
        before = finder.previous[index]
        closes = _carried(opening) or ("declared" in opening and _VERDICT.search(opening))
        if closes and before >= 0 and not _AUXILIARY.search(lines[before].stripped):
            yield finder.span(finder.motion_start(index), index)
        index += 1


def _runs(finder: _Finder, closed: int) -> Iterator[tuple[int, int]]:
    """Runs of non-blank lines (a sentence may cross a block's edge), split where items begin."""
    lines = finder.lines
    index = 0
    while index < closed:
        if lines[index].blank or index in finder.titles:
            index += 1
            continue
        last = index
        while last + 1 < closed and not lines[last + 1].blank and last + 1 not in finder.titles:
            last += 1
        yield index, last
        index = last + 1


def _abbreviated(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation or an initial ("Cllr.", "P.", "No.")."""
    word = text[max(0, dot - 8) : dot].rsplit(None, 1)[-1:] or [""]
    return len(word[0].strip("(")) == 1 or word[0].lower().strip("(") in _ABBREVIATIONS


def _sentence_end(text: str, position: int) -> int:
    """Offset just past the full stop that ends the sentence running at `position` (-1: none)."""
    for stop in _SENTENCE_END.finditer(text, position):
        if not _abbreviated(text, stop.start()):
            return stop.end()
    return -1


def _sentence_start(paragraph: str, match: re.Match[str]) -> int:
    """Where the sentence holding `match` starts; a closing "Motion carried" reaches back to "Motion by"."""
    begin = max(0, match.start() - SENTENCE_REACH)
    begin = _start_before(paragraph, begin, match.start())
    if match.group(0).lower().startswith("motion"):
        low = max(0, match.start() - MOTION_REACH)
        opened = [found.start() for found in _MOTION_OPEN.finditer(paragraph, low, match.start())]
        if opened and opened[-1] < begin:
            # "Commissioner Ruiz moved to approve …. The motion passed 3-0.": from the mover's sentence.
            begin = _start_before(paragraph, max(0, opened[-1] - SENTENCE_REACH), opened[-1])
        quoted = [found.start(1) for found in _QUOTED_MOTION.finditer(paragraph, low, begin)]
        if quoted:
            # '"That this Council calls on …" / Cllr. X proposed the motion … the motion was agreed': the
            # motion agreed is the one quoted above.
            begin = quoted[-1]
    return begin


def _start_before(paragraph: str, low: int, at: int) -> int:
    """Start of the sentence running at offset `at`, looking back no further than `low`."""
    begin = low
    for stop in _SENTENCE_BREAK.finditer(paragraph, low, at):
        if not _abbreviated(paragraph, stop.start()):
            begin = stop.end()
    return begin


def _after_labels(paragraph: str, begin: int, at: int) -> int:
    """`begin` past the labels that open the text there, before `at` ("Minutes:" over "On the proposal
    of …"); a label that opens a decision itself ("Resolved:") stays."""
    while True:
        label = _LABEL_LINE.match(paragraph, begin, at) or _LABEL_INLINE.match(paragraph, begin, at)
        if label is None or _leads(paragraph[begin : label.end()].strip(" *_")):
            return begin
        begin = label.end()


def _proposal_before(paragraph: str, begin: int) -> int:
    """Where the proposal a verdict ("this was carried") decides begins: the sentence before, when it
    proposes or moves something; else `begin`."""
    if begin < 2:
        return begin
    before = _start_before(paragraph, max(0, begin - SENTENCE_REACH), begin - 2)
    return before if _PROPOSAL.search(paragraph, before, begin) else begin


def _after_tallies(paragraph: str, begin: int, at: int) -> int:
    """A sentence never starts before a vote's tally line ("Excused: 1 - Stavros" / "23-0590 A motion …"):
    `begin`, or the start of the line after the last tally line before `at`."""
    line = paragraph.rfind("\n", begin, at)
    while line >= 0:
        previous = paragraph.rfind("\n", begin, line)
        if _TALLY.match(paragraph, previous + 1 if previous >= 0 else begin):
            return line + 1
        line = previous
    return begin


def _tallied(paragraph: str, at: int, finish: int) -> int:
    """ "The motion carried by the following vote:" ends after its tally lines, not at the next full stop."""
    line_end = paragraph.find("\n", at)
    if line_end < 0 or line_end > finish or not paragraph[at:line_end].rstrip().endswith(":"):
        return finish
    end = line_end
    while end < len(paragraph) and _TALLY.match(paragraph, end + 1):
        following = paragraph.find("\n", end + 1)
        end = following if following >= 0 else len(paragraph)
    return end if end > line_end else finish


def _stems(text: str) -> list[tuple[int, int]]:
    """Where the stems occur in `text` (start, end), in order and none overlapping the one before."""
    # A plain search for each stem is quicker than a regular expression, which tries a match at every
    # letter that may open one (nearly half the letters of a text). Lowering only ASCII letters keeps
    # every offset (str.lower lengthens "İ") and takes a fifth of the time.
    low = text.encode("ascii", "replace").lower()
    found: list[tuple[int, int]] = []
    for stem in _STEMS:
        at = low.find(stem)
        while at >= 0:
            found.append((at, at + len(stem)))
            at = low.find(stem, at + 1)
    found.sort()
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _matches(paragraph: str, stems: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """SENTENCE matches, sought only around the `stems` (their offsets in `paragraph`): a long text
    has few."""
    reached = 0
    for start, end in stems:
        if start < reached:
            continue
        low = max(reached, start - STEM_REACH)
        for match in SENTENCE.finditer(paragraph, low, min(len(paragraph), end + STEM_REACH)):
            if match.end() > reached:
                reached = match.end()
                yield match
        reached = max(reached, end)


def _sentence_decisions(finder: _Finder, closed: int) -> Iterator[Span]:
    """Sentences holding a decision ("It was resolved to …"), each from its start to its full stop,
    before line `closed` (`closing_line`)."""
    text = finder.doc.text
    stems = _stems(text)  # a stem is letters: it never crosses a line, so never a run's edge
    starts = [start for start, _ in stems]
    for first, last in _runs(finder, closed):
        start, end = finder.lines[first].start, finder.lines[last].end
        paragraph = text[start:end]
        inside = stems[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        for match in _matches(paragraph, [(low - start, high - start) for low, high in inside]):
            begin = _after_tallies(paragraph, _sentence_start(paragraph, match), match.start())
            begin = _after_labels(paragraph, begin, match.start())
            if _ANAPHORIC.match(paragraph, begin):
                begin = _proposal_before(paragraph, begin)
            stop = _sentence_end(paragraph, match.end())
            finish = _tallied(paragraph, match.end(), stop if stop >= 0 else len(paragraph))
            if stop is None and paragraph.rstrip().endswith(":"):
                finish = finder.lines[finder.block(last)].end - start
            chunk = paragraph[begin:finish]
            lead = len(chunk) - len(chunk.lstrip())
            yield Span(chunk.strip(), start + begin + lead, start + begin + lead + len(chunk.strip()))


def _not_superseded(told: list[Span], labelled: list[Span], starts: list[int]) -> list[Span]:
    """Without the motions and amendments moved in an item whose decision is printed after them
    ("X, seconded by Y, moved that …" / "As an amendment, Z moved that …" / "Decision: The Board
    agreed …"); `starts`: where the items begin."""
    last: dict[int, int] = {}  # item -> start of its last labelled decision
    for other in labelled:
        item = bisect.bisect_right(starts, other.start)
        last[item] = max(last.get(item, -1), other.start)
    kept = []
    for span in told:
        proposed = _MOVED.search(span.text) and not _PASSED.search(span.text)
        if not (proposed and last.get(bisect.bisect_right(starts, span.start), -1) >= span.end):
            kept.append(span)
    return kept


def _dedupe(spans: list[Span], told: list[Span]) -> list[Span]:
    """`spans` without overlaps, then the sentences in `told` that overlap none of them."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda span: (span.start, -span.end)):
        if span.text and not (kept and span.start < kept[-1].end):
            kept.append(span)
    merged: list[Span] = []
    at = 0
    for span in sorted(told, key=lambda span: (span.start, -span.end)):
        while at < len(kept) and kept[at].start <= span.start:
            merged.append(kept[at])
            at += 1
        before_ok = not merged or merged[-1].end <= span.start
        if span.text and before_ok and (at == len(kept) or span.end <= kept[at].start):
            merged.append(span)
    return [*merged, *kept[at:]]


def _responses(finder: _Finder) -> Iterator[Span]:
    """A parish's responses to planning applications, each after the application it answers."""
    for line in finder.lines:
        text = line.text
        # Plain searches first: a response needs a reference's "/" and one of its words.
        if "/" not in text or not ("No " in text or "Obj" in text or "Supp" in text):
            continue
        for response in _RESPONSE.finditer(text):
            if _APPLICATION.search(text, 0, response.start()):
                start = line.start + response.start()
                yield Span(response.group(0), start, start + len(response.group(0)))


def _recommended(finder: _Finder, heads: list[Head]) -> Iterator[Span]:
    """A report's decision is what its "Recommendation(s)" section asks: each paragraph of it."""
    for number, head in enumerate(heads):
        if not RECOMMENDATION.match(head.title or ""):
            continue
        end = heads[number + 1].line if number + 1 < len(heads) else len(finder.lines)
        index = finder.following[head.last_line]
        while 0 <= index < end:
            last = min(finder._paragraph_end(index), end - 1)
            yield finder.span(index, last)
            index = finder.following[last]


def find_resolutions(
    doc: DocumentText, lines: list[Line], heads: list[Head], around: Around, closed: int
) -> list[Span]:
    """Every decision in `doc`, in reading order; `heads` are where items begin, `closed` is
    `closing_line(lines)`."""
    finder = _Finder(doc, lines, heads, around)
    tabled = [*table_decisions(doc), *column_decisions(doc)]
    labelled = list(_line_decisions(finder))
    spans = [*labelled, *tabled, *_recommended(finder, heads), *_responses(finder)]
    told = list(_sentence_decisions(finder, closed))
    told = _not_superseded(told, labelled, [head.start for head in heads])
    return _dedupe(spans, told)
