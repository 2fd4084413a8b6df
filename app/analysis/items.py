"""Agenda items: the one numbering sequence that runs through a document, plus unnumbered headings."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from app.analysis.chains import Candidate, item_chains
from app.analysis.headings import (
    ATTENDANCE_LABEL,
    LIST_START,
    NOT_AN_ITEM,
    PAPER_TITLE,
    PROCEDURAL_WORD,
    Head,
    is_dateline,
    is_procedural,
    is_toc_line,
    looks_like_title,
    read_title,
    title_of,
)
from app.analysis.lines import STRUCTURED_FORMATS, Around, Line, starts_paragraph
from app.analysis.numbering import read_numbers
from app.analysis.subitems import with_subitems
from app.analysis.tables import table_heads
from app.model import DocumentText

MASTHEAD_LINES = 3
_ATTENDANCE_LINE = re.compile(
    r"^(?:(?:members|councillors|councilors|commissioners)\s+)?(?:present|in attendance|attendees)\s*:", re.I
)
_BARE_DOUBTFUL = frozenset({"plain", "letter", "roman"})
_SUMMARY = re.compile(r"\b(?:decisions|actions|summary)\b", re.I)
_SAID_AFTER_COLON = re.compile(r"\w\s*:\s*\w")
_VOTE_LABEL = re.compile(r"^(?:roll\s+call|recorded\s+vote|vote|voting)$", re.I)


def _typography(line: Line, fmt: str) -> float:
    block = line.block
    if block is None:
        return 0.0
    if block.kind == "heading":
        return 1.5 if fmt in STRUCTURED_FORMATS else 0.6
    if block.kind == "list_item":
        return -0.8
    return 0.8 if block.bold and line.first_in_block else 0.0


def _indented(line: Line, fmt: str) -> bool:
    # Only plain text and Markdown keep indentation that means something (a sub-list, a caption).
    return line.indented and fmt in ("txt", "md")


def _place(lines: list[Line], index: int, previous: list[int], fmt: str) -> float:
    """Headings start paragraphs; a line after "…:" or "…," continues a sentence or a list."""
    line = lines[index]
    score = 0.0
    if _indented(line, fmt):
        score -= 0.8
    if is_toc_line(line.text):
        score -= 3.0
    before = previous[index]
    if before >= 0 and before == index - 1 and lines[before].stripped.endswith((":", ",", ";")):
        score -= 1.2
    elif starts_paragraph(lines, index):
        score += 0.3
    return score


def _candidates(doc: DocumentText, lines: list[Line], around: Around) -> list[Candidate]:
    previous, following = around
    found: list[Candidate] = []
    for line in lines:
        if line.blank or len(line.text) > 2000:
            continue
        text = line.words
        numbers = read_numbers(text)
        if not numbers:
            continue
        place = _place(lines, line.index, previous, doc.format) + _typography(line, doc.format)
        for number in numbers:
            title, last, run_on = read_title(lines, line.index, number.rest, following)
            score = 1.0 + place + looks_like_title(title) - (0.5 if is_dateline(title) else 0.0)
            if not title and number.family[0] in _BARE_DOUBTFUL:
                score -= 1.0  # a bare "3" is more often a table cell or a page number than an item
            printed = number.text if number.text.startswith("(") else number.text.rstrip(".:)")
            head = Head(printed, title or None, line.index, last, line.start, run_on=run_on)
            # A list item is told from a heading reliably only where the source marks both up.
            listed = line.kind == "list_item" and doc.format in STRUCTURED_FORMATS
            style = (listed, _indented(line, doc.format))
            found.append(Candidate(number, head, score, style))
    return found


def _standalone(lines: list[Line], index: int, previous: list[int], fmt: str) -> bool:
    """A line on its own: a heading block, or a paragraph of one line followed by content."""
    line = lines[index]
    if _indented(line, fmt) or line.kind == "list_item" or "\t" in line.text:
        return False
    before = previous[index]
    if before >= 0 and lines[before].stripped.endswith((":", ",", ";")) and before == index - 1:
        return False
    return line.strong or starts_paragraph(lines, index) or not lines[before].stripped.endswith(",")


def _names_follow(lines: list[Line], index: int, following: list[int]) -> bool:
    """Whether the next line is a person's name: the heading labels an attendance list."""
    nxt = following[index]
    words = lines[nxt].stripped.split() if nxt >= 0 else []
    if not 2 <= len(words) <= 5 or any(char.isdigit() for char in lines[nxt].stripped):
        return False
    return all(word[:1].isupper() for word in words) and not lines[nxt].stripped.endswith(".")


def _item_levels(chain: list[Head], lines: list[Line]) -> frozenset[int]:
    """The heading levels the numbered items are printed at (empty: not as heading blocks)."""
    blocks = [lines[head.line].block for head in chain]
    return frozenset(block.level for block in blocks if block is not None and block.kind == "heading")


def _off_level(line: Line, levels: frozenset[int]) -> bool:
    """A marked heading at a level no numbered item uses: a part above items or a section inside one."""
    block = line.block
    return bool(levels) and block is not None and block.kind == "heading" and block.level not in levels


def _sentence_like(text: str) -> bool:
    """A line that is prose, never a heading: long and ending in a full stop, or opening in lower case."""
    return text[:1].islower() or (len(text) > 60 and text.endswith("."))


def _said(text: str) -> bool:
    """ "Topic: what was said" is a sentence; "PUBLIC HEARING: PERMIT SU-22-09" in capitals a heading."""
    return ":" in text and _SAID_AFTER_COLON.search(text) is not None and not text.isupper()


def _unnumbered(
    doc: DocumentText,
    lines: list[Line],
    chain: list[Head],
    around: Around,
    closed: int,
    *,
    numbered_lines: set[int],
) -> list[Head]:
    """Headings without numbers, before line `closed`: procedural ones always, any heading when nothing
    is numbered (`numbered_lines`: the lines that open with a number, as `_candidates` read them)."""
    numbered = len(chain) >= 2
    first = chain[0].line if chain else len(lines)
    # Heading levels mean something in Markdown, HTML and Word; in a PDF they are guessed from fonts.
    levels = _item_levels(chain, lines) if doc.format in STRUCTURED_FORMATS else frozenset()
    previous, following = around
    heads: list[Head] = []
    for line in lines[:closed]:
        if line.blank or line.index in numbered_lines:
            continue
        if len(line.text) > 300 or _sentence_like(line.stripped):
            continue
        # The tests of the line alone come first: reading its title is the costly part.
        if _said(line.stripped) or not _standalone(lines, line.index, previous, doc.format):
            continue
        if _off_level(line, levels):
            continue
        title, last, run_on = read_title(lines, line.index, line.stripped, following)
        if not title or run_on or ATTENDANCE_LABEL.match(title):
            continue
        label = lines[last].stripped.endswith(":")
        if label and _VOTE_LABEL.match(title):
            continue  # "Roll call:" over the tally of a vote inside an item
        # The paper's name, or a summary of its decisions or actions after its last item.
        summary = numbered and line.index > chain[-1].line and _SUMMARY.search(title)
        if summary or (numbered and NOT_AN_ITEM.match(title)):
            continue
        if line.index < first and _names_follow(lines, last, following):
            continue
        marked = line.kind == "heading" and doc.format in STRUCTURED_FORMATS
        plain = (marked or not numbered) and _plain_heading(doc, lines, line, title, following)
        if plain or is_procedural(title):
            heads.append(Head(None, title, line.index, last, line.start, label))
    return _after_masthead(lines, heads)


def _after_masthead(lines: list[Line], heads: list[Head]) -> list[Head]:
    """Drop the masthead (council, committee, meeting lines) printed above the attendance list, or
    at least the document's own title in its first lines."""
    if not heads:
        return heads  # nothing to drop: no need to read a long pack through
    # Every attendance label ends in a colon: most lines need no regular expression.
    labels = (line.index for line in lines if ":" in line.words and _ATTENDANCE_LINE.match(line.words))
    label = next(labels, -1)
    opening = list(itertools.islice((line.index for line in lines if not line.blank), MASTHEAD_LINES))
    top = max(label, opening[-1] if opening else -1)
    kept = (head.line > top or (is_procedural(head.title or "") and not _names_paper(head)) for head in heads)
    return [head for head, keep in zip(heads, kept, strict=True) if keep]


def _plain_heading(
    doc: DocumentText, lines: list[Line], line: Line, title: str, following: list[int]
) -> bool:
    """An unnumbered line that reads as a heading: marked as one, or a short title-like line alone."""
    if looks_like_title(title) < 1.0 or title.endswith(".") or is_dateline(title):
        return False
    if line.strong and doc.format in STRUCTURED_FORMATS:
        return True
    nxt = following[line.index]
    if nxt < 0 or (nxt > line.index + 2 and not line.strong):
        return nxt >= 0 and starts_paragraph(lines, line.index)
    after = lines[nxt].stripped
    # A heading is followed by its content, not straight by another short line (a link caption is).
    listed = after[:1] in "•·-" or bool(LIST_START.match(after))
    content = len(after) > 60 or after.endswith((".", ":")) or listed
    return starts_paragraph(lines, line.index) and starts_paragraph(lines, nxt) and content


def _merge(numbered: list[Head], extra: list[Head], following: list[int]) -> list[Head]:
    """Numbered heads plus unnumbered ones that are neither in a numbered head's title lines nor the
    label right under one ("45. Apologies" / "Minutes:", as Modern.gov prints)."""
    taken = {index for head in numbered for index in range(head.line, head.last_line + 1)}
    taken |= {following[head.last_line] for head in numbered}
    single = len(numbered) >= 2
    # A sub-heading printed under each numbered item ("Conflicts of interest declared") is none itself.
    titles = Counter((head.title or "").lower() for head in extra)
    repeated = {title for title, count in titles.items() if count > 1} if single else set()
    kept = (
        head
        for head in extra
        if head.line not in taken
        and not (single and _one_word(head))
        and (head.title or "").lower() not in repeated
    )
    heads = [*numbered, *kept]
    heads.sort(key=lambda head: head.line)
    # Labels ("Apologies:") above the first real heading belong to the attendance block.
    first = next((number for number, head in enumerate(heads) if not head.label), len(heads))
    return _not_restated(heads[first:])


def _not_restated(heads: list[Head]) -> list[Head]:
    """Without unnumbered headings that restate part of the numbered item they sit in
    ("1. Apologies and Declarations" / "Apologies")."""
    kept: list[Head] = []
    owner: Head | None = None
    for head in heads:
        if head.number is not None:
            owner = head
        elif owner is not None and (head.title or "").lower() in (owner.title or "").lower():
            continue
        kept.append(head)
    return kept


def _names_paper(head: Head) -> bool:
    title = head.title or ""
    return bool(NOT_AN_ITEM.match(title) or PAPER_TITLE.match(title))


def _one_word(head: Head) -> bool:
    # "Finance", "Planning": items of an unnumbered agenda, sub-headings inside a numbered one.
    return bool(PROCEDURAL_WORD.match(head.title or ""))


def find_heads(doc: DocumentText, lines: list[Line], around: Around, closed: int) -> list[Head]:
    """Every item heading of `doc`, in reading order (`around`: `neighbours(lines)`; `closed`:
    `closing_line(lines)`)."""
    tabled = table_heads(doc, lines)
    if tabled:
        return tabled
    candidates = _candidates(doc, lines, around)
    chain = item_chains(candidates, lines, len(doc.text))
    numbered_lines = {candidate.head.line for candidate in candidates}
    extra = _unnumbered(doc, lines, chain, around, closed, numbered_lines=numbered_lines)
    heads = with_subitems(lines, _merge(chain, extra, around[1]), around[1])
    return [head for head in heads if head.title is None or title_of(head.title)]
