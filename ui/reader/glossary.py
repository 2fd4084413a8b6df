"""Acronyms under the mouse: the word a view points at, looked up among the paper's expansions."""

from __future__ import annotations

from collections.abc import Mapping

PUNCTUATION = ".,;:()[]\"'‘’“”"


def expansion_tip(word: str, acronyms: Mapping[str, str]) -> str:
    """"CCG: Clinical Commissioning Group" for a word that is a known acronym (punctuation aside), else ""."""
    bare = word.strip().strip(PUNCTUATION)
    for candidate in (bare, bare.removesuffix("'s").removesuffix("’s")):
        if candidate in acronyms:
            return f"{candidate}: {acronyms[candidate]}"
    return ""
