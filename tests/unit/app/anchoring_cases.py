"""Hypothesis strategies for re-anchoring tests: council-like texts, quotes and edits."""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import strategies as st

WORDS = """
the council committee resolved that agreed to approve note report clerk chair members
planning application budget precept highways parish meeting minutes item apologies declared
interest consider recommend officer county district housing grant payment invoice contract
footpath hedge verge drainage flooding village hall play area bench litter bin tree survey
quote quotes contractor insurance audit internal external annual return accounts reserve
earmarked fund project works repair maintenance lighting street lamp speed limit traffic
consultation response objection support neutral resolution proposed seconded carried
unanimously abstained vote deferred next agenda public session police report matters arising
correspondence received circulated action councillor vacancy co-option website policy review
adopted standing orders financial regulations risk assessment and of for with on in at by
from a an is was were be will would should may must not no yes all any each
"""
VOCABULARY = tuple(WORDS.split())
PUNCTUATION = ("", "", "", "", ",", ".", ".", ";", ":")


@st.composite
def council_text(draw: st.DrawFn, min_words: int = 200, max_words: int = 700) -> str:
    """Prose with the words, numbers and punctuation of minutes, in numbered paragraphs.

    Built by a `Random` seeded from Hypothesis: drawing hundreds of words one by one
    makes generation the cost of the run, and shrinks them to "the the the…",
    a text in which no passage has a place of its own.
    """
    rnd = random.Random(draw(st.integers(0, 2**32)))
    parts: list[str] = []
    for index in range(draw(st.integers(min_words, max_words))):
        if index % 25 == 0:
            parts.append(f"\n{rnd.randint(1, 2030)}. ")
        parts.append(rnd.choice(VOCABULARY) + rnd.choice(PUNCTUATION) + " ")
    return "".join(parts).strip()


@dataclass(frozen=True)
class Edit:
    """Replace `text[start:end]` with `insert`."""

    start: int
    end: int
    insert: str

    @property
    def delta(self) -> int:
        return len(self.insert) - (self.end - self.start)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (right to left, so earlier offsets stay valid)."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.insert + text[edit.end :]
    return text


def shift(offset: int, edits: list[Edit]) -> int:
    """Where `offset` lands after `edits`, none of which may straddle it."""
    return offset + sum(edit.delta for edit in edits if edit.end <= offset)


inserted_words = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12).map(
    lambda words: " " + " ".join(words) + " "
)
