"""Word list numbering: rebuild the numbers Word prints ("3.", "(b)", "2.1") from numbering.xml."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


@dataclass(frozen=True)
class Level:
    """One level of a list definition: how its number looks and where it starts."""

    fmt: str
    text: str
    start: int


def _val(element: Any, tag: str, default: str = "") -> str:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val", default) if child is not None else default


def roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def letters(number: int) -> str:
    # Word repeats the letter past z: aa, bb…
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    formats = {
        "lowerLetter": letters(number),
        "upperLetter": letters(number).upper(),
        "lowerRoman": roman(number),
        "upperRoman": roman(number).upper(),
        "decimalZero": f"{number:02d}",
    }
    return formats.get(fmt, str(number))


class Numbering:
    """Counters per list instance (numId) and level, advanced as paragraphs are read in order."""

    def __init__(self, numbering_element: Any) -> None:
        self.levels: dict[str, dict[int, Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        # Styles tied to a list level (Heading 2 → level 1 of the heading numbering).
        self.style_levels: dict[str, int] = {}
        if numbering_element is None:
            return
        for lvl in numbering_element.iter(W + "lvl"):
            style = lvl.find(W + "pStyle")
            if style is not None:
                self.style_levels[style.get(W + "val", "")] = int(lvl.get(W + "ilvl", "0"))
        abstracts = {
            element.get(W + "abstractNumId"): self._levels(element)
            for element in numbering_element.findall(W + "abstractNum")
        }
        for num in numbering_element.findall(W + "num"):
            levels = dict(abstracts.get(_val(num, "abstractNumId"), {}))
            for override in num.findall(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                start = _val(override, "startOverride")
                if start.isdigit() and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = Level(old.fmt, old.text, int(start))
            self.levels[num.get(W + "numId", "")] = levels

    @staticmethod
    def _levels(abstract: Any) -> dict[int, Level]:
        levels = {}
        for lvl in abstract.findall(W + "lvl"):
            start = _val(lvl, "start", "1")
            levels[int(lvl.get(W + "ilvl", "0"))] = Level(
                _val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText"), int(start) if start.isdigit() else 1
            )
        return levels

    def next(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (`num_id`, `ilvl`) and return the printed number; None for bullets."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return None
        counters = self.counters.setdefault(num_id, {})
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [key for key in counters if key > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none") or not level.text:
            return None
        text = level.text
        for index in range(ilvl + 1):
            if index in levels:
                value = counters.get(index, levels[index].start)
                text = text.replace(f"%{index + 1}", format_number(value, levels[index].fmt))
        return text.strip() or None
