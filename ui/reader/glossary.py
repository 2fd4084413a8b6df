"""Resting the mouse on a word, in either view: an acronym's expansion, the structure marked there."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

PUNCTUATION = ".,;:()[]\"'‘’“”"


def expansion_tip(word: str, acronyms: Mapping[str, str]) -> str:
    """"CCG: Clinical Commissioning Group" for a word that is a known acronym (punctuation aside), else ""."""
    bare = word.strip().strip(PUNCTUATION)
    for candidate in (bare, bare.removesuffix("'s").removesuffix("’s")):
        if candidate in acronyms:
            return f"{candidate}: {acronyms[candidate]}"
    return ""


def hover_tip(word: str, acronyms: Mapping[str, str], labels: Iterable[str]) -> str:
    """The tooltip for `word`: its expansion if an acronym, then a line for each structure mark it is in.

    `labels` are the marks' own (`app.highlights.Highlight.label`: "Resolution
    (item 5)", "5  Planning applications"…), in the order the marks are drawn;
    a label named twice (a mark across two lines of a page) is told once.
    """
    expansion = expansion_tip(word, acronyms)
    return "\n".join(([expansion] if expansion else []) + list(dict.fromkeys(labels)))
