"""The numbering sequence of a document's items: the best rising chain of numbered headings, and the
chains that restart it after a section heading ("Part B – exempt items", "1. …" again)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.analysis.headings import Head
from app.analysis.lines import Line
from app.analysis.numbering import Number

# Chain scoring: a skipped number costs, a chain that opens above 1 costs (minute numbers run on
# through the year, so it may), and a chain must earn MIN_CHAIN to be believed.
GAP_PENALTY = {1: 0.0, 2: -0.7, 3: -1.2}
OPEN_PENALTY_ONE = -0.3
OPEN_PENALTY_OTHER = -1.2
MIN_CHAIN = 1.9
MAX_SECTION_WORDS = 12
# Words that open a section of a meeting's business rather than an item of it.
_SECTION_WORD = re.compile(
    r"^(?:part|section|schedule|exempt|confidential|private|restricted|closed|public\s+excluded|"
    r"in\s+committee|(?:items?|matters?|business)\s+(?:for|to|considered|taken)|open\s+session)\b",
    re.I,
)


@dataclass(frozen=True)
class Candidate:
    """A numbered line that may open an item, with how much it looks like one."""

    number: Number
    head: Head
    score: float
    # Items of one document are printed alike: a list item or an indented line is another sequence.
    style: tuple[bool, bool] = (False, False)

    @property
    def family(self) -> tuple[str | bool, ...]:
        return (*self.number.family, *self.style)


@dataclass(frozen=True)
class _Node:
    total: float
    candidate: Candidate
    previous: _Node | None
    first: int  # where the chain's first item starts

    def weight(self, size: int) -> float:
        """The chain's score, scaled by how much of the document it spans: a document's items run
        through it, while a list inside one item, however long, sits in a corner."""
        return self.total * (0.5 + (self.candidate.head.start - self.first) / max(size, 1))


def best_chain(candidates: list[Candidate], size: int) -> list[Candidate]:
    """The best run of candidates in one family whose values rise by small steps (`size`: text length)."""
    best: dict[tuple[tuple[str | bool, ...], int], _Node] = {}
    top: _Node | None = None
    for candidate in candidates:
        family, value = candidate.family, candidate.number.value
        total = OPEN_PENALTY_ONE if value == 1 else OPEN_PENALTY_OTHER
        previous: _Node | None = None
        for gap, penalty in GAP_PENALTY.items():
            node = best.get((family, value - gap))
            if node is not None and node.total + penalty > total:
                total, previous = node.total + penalty, node
        first = previous.first if previous is not None else candidate.head.start
        node = _Node(total + candidate.score, candidate, previous, first)
        key = (family, value)
        if key not in best or node.total > best[key].total:
            best[key] = node
            if node.total >= MIN_CHAIN and (top is None or node.weight(size) > top.weight(size)):
                top = node
    chain: list[Candidate] = []
    walk = top
    while walk is not None:
        chain.append(walk.candidate)
        walk = walk.previous
    return chain[::-1]


def is_section_heading(line: Line) -> bool:
    """A short unnumbered line that opens a part of the business ("PART B – EXEMPT ITEMS")."""
    text = line.words
    if not text or len(text.split()) > MAX_SECTION_WORDS or text.endswith((".", ",", ";")):
        return False
    letters = [char for char in text if char.isalpha()]
    capitals = bool(letters) and sum(char.isupper() for char in letters) >= 0.8 * len(letters)
    return bool(_SECTION_WORD.match(text)) and (capitals or line.strong or len(text.split()) <= 6)


def _opens_section(lines: list[Line], chain: list[Candidate]) -> bool:
    """Whether the chain restarts the numbering (from 1) right under a section heading."""
    first = chain[0]
    if first.number.value != 1:
        return False
    index = first.head.line - 1
    while index >= 0 and lines[index].blank:
        index -= 1
    return index >= 0 and is_section_heading(lines[index])


def _restarts(lines: list[Line], pool: list[Candidate]) -> bool:
    """Whether some candidate of `pool` numbers 1 under a section heading (checked before a search)."""
    return any(candidate.number.value == 1 and _opens_section(lines, [candidate]) for candidate in pool)


def item_chains(candidates: list[Candidate], lines: list[Line], size: int) -> list[Head]:
    """The item headings of the document's numbering: its best chain, and any chains of the same
    family before or after it that restart at 1 under a section heading."""
    chains = [best_chain(candidates, size)]
    if not chains[0]:
        return []
    family = chains[0][0].family
    kin = [candidate for candidate in candidates if candidate.family == family]
    while True:
        last = chains[-1][-1].head.line
        pool = [candidate for candidate in kin if candidate.head.line > last]
        after = best_chain(pool, size) if _restarts(lines, pool) else []
        if not after or not _opens_section(lines, after):
            break
        chains.append(after)
    while _opens_section(lines, chains[0]):
        first = chains[0][0].head.line
        before = best_chain([candidate for candidate in kin if candidate.head.line < first], size)
        if not before:
            break
        chains.insert(0, before)
    return [candidate.head for chain in chains for candidate in chain]
