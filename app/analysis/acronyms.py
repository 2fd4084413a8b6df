"""Acronyms and their expansions, from "Full Name (ABC)", "ABC (Full Name)" and glossary lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import cache

from app.analysis.lines import Line
from app.analysis.names import is_name, squeeze
from app.model import Acronym, DocumentText

MAX_LETTERS = 10
SLACK_WORDS = 4  # small words ("of", "and") an expansion may hold beyond one per letter

_SHORT = r"[A-Z][A-Za-z&]{0,8}[A-Z][a-z]?\+?|[A-Z]{2,10}s"
_AFTER_NAME = re.compile(rf"\((?P<short>{_SHORT})\)")
_BRACKETED = re.compile(r"\((?P<long>[^()\n]{4,120})\)")
_SHORT_BEFORE = re.compile(rf"\b(?P<short>{_SHORT})\s*$")
_GLOSSARY_LINE = re.compile(
    rf"^[\s•·*-]*(?P<short>{_SHORT}|[A-Z][a-z][A-Z]|[A-Z]{{2,}}\d?)\s*(?:[–—:=\t]|\s-\s|\s-$)\s*"
    r"(?P<long>[A-Z][^\t\n]{2,100}?)\s*$"
)
_GLOSSARY_HEADING = re.compile(r"^\W*(?:glossary|abbreviations|acronyms)(?:\s+\w+){0,3}\W*$", re.I)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-\s?[A-Za-z][A-Za-z'’]*)*|&")
_HYPHEN = re.compile(r"-\s?")
_SMALL = frozenset({"of", "and", "the", "for", "in", "on", "to", "with", "&", "a", "an", "at", "by", "or"})
_INITIAL_WORD = re.compile(r"^[A-Z]\.?$")
_HONORIFIC_BEFORE = re.compile(r"\b(?:cllr|councill?or|cr|mr|mrs|ms|miss|dr)\.?\s*$", re.I)
GLOSSARY_RUN = 3
GLOSSARY_LINE_CHARS = 140
GLOSSARY_HEADING_CHARS = 60


def _parts(word: str) -> list[str]:
    """Letters a word may give an acronym: its initial, or the initial of each hyphenated part."""
    if word == "&":
        return ["a"]
    pieces = [p for p in _HYPHEN.split(word) if p]
    options = [word[0].lower()]
    if len(pieces) > 1:
        options.append("".join(p[0].lower() for p in pieces))
    return options


def _letters(short: str) -> str:
    letters = short.rstrip("+").lower()
    if short[-1] == "s" and short[:-1].isupper():
        letters = letters[:-1]  # "PCSOs": a plural
    return letters


def _speller(letters: str, words: list[str]) -> Callable[[int, int], bool]:
    """fit(i, j): True when words[j:] give letters[i:] in order, small words perhaps skipped."""

    @cache
    def fit(letter: int, word: int) -> bool:
        if word == len(words):
            return letter == len(letters)
        token = words[word]
        if token.lower() in _SMALL and fit(letter, word + 1):
            return True
        return any(
            letters.startswith(part, letter) and fit(letter + len(part), word + 1) for part in _parts(token)
        )

    return fit


def matches(short: str, words: list[str]) -> bool:
    """True when `words`, in order, give the letters of `short`."""
    return bool(words) and words[0].lower() not in _SMALL and _speller(_letters(short), words)(0, 0)


def _expansion_before(text: str, end: int, short: str) -> str | None:
    """The words just before `end` that spell `short`, the nearest such run."""
    window = text[max(0, end - 200) : end]
    found = list(_WORDS.finditer(window))
    letters = _letters(short)
    words = [m.group(0) for m in found]
    fit = _speller(letters, words)
    nearest = len(words) - max(1, len(letters) - 1)
    farthest = max(0, len(words) - len(letters) - SLACK_WORDS)
    for start in range(nearest, farthest - 1, -1):
        if start >= 0 and words[start].lower() not in _SMALL and fit(0, start):
            return window[found[start].start() :].strip()
    return None


def _from_sentences(text: str) -> list[tuple[int, Acronym]]:
    found: list[tuple[int, Acronym]] = []
    for match in _AFTER_NAME.finditer(text):
        short = match.group("short")
        if len(short) <= MAX_LETTERS + 1:
            expansion = _expansion_before(text, match.start(), short)
            if expansion:
                found.append((match.start(), Acronym(short, _tidy(expansion))))
    for match in _BRACKETED.finditer(text):
        short = _SHORT_BEFORE.search(text, max(0, match.start() - 14), match.start())
        long = match.group("long").strip()
        if short and matches(short.group("short"), _WORDS.findall(long)):
            found.append((short.start(), Acronym(short.group("short"), _tidy(long))))
    return found


def _from_glossaries(lines: list[Line]) -> list[tuple[int, Acronym]]:
    """"ABC – Full Name" lines: validated by their letters, or taken as they are inside a glossary."""
    found: list[tuple[int, Acronym]] = []
    run: list[tuple[int, Acronym, bool]] = []
    in_glossary = False
    for line in lines:
        text = line.text
        if not text or text.isspace():
            continue
        match = _GLOSSARY_LINE.match(text) if len(text) < GLOSSARY_LINE_CHARS else None
        if match:
            acronym = Acronym(match.group("short"), _tidy(match.group("long")))
            run.append((line.start, acronym, matches(acronym.short, _WORDS.findall(acronym.expansion))))
            continue
        if run:
            found.extend((at, a) for at, a, ok in run if ok or in_glossary or len(run) >= GLOSSARY_RUN)
            run = []
        in_glossary = len(text) < GLOSSARY_HEADING_CHARS and bool(_GLOSSARY_HEADING.match(text))
    found.extend((at, a) for at, a, ok in run if ok or in_glossary or len(run) >= GLOSSARY_RUN)
    return found


def _tidy(text: str) -> str:
    return squeeze(text).strip(" ,;:.")


def _initials(text: str, at: int, acronym: Acronym, surnames: Collection[str]) -> bool:
    """A person's initials ("Nick Oakhill (NO)", "Cllr J Smith (JS)"), which minutes use to name an
    action's owner: not an acronym to explain."""
    words = acronym.expansion.split()
    if not is_name(acronym.expansion):
        return False
    window = text[max(0, at - len(acronym.expansion) - 20) : at]
    titled = bool(_HONORIFIC_BEFORE.search(window[: window.rfind(words[0])]))
    return titled or any(_INITIAL_WORD.match(word) for word in words) or words[-1].lower() in surnames


def find_acronyms(doc: DocumentText, lines: list[Line], people: Collection[str] = ()) -> tuple[Acronym, ...]:
    """Each acronym once, with the first expansion the paper gives, in order of appearance; `people`
    (names of those attending) tell a person's initials from an acronym."""
    found = sorted(_from_sentences(doc.text) + _from_glossaries(lines), key=lambda pair: pair[0])
    surnames = {name.split()[-1].lower() for name in people if name.split()}
    seen: set[str] = set()
    out: list[Acronym] = []
    for at, acronym in found:
        if _initials(doc.text, at, acronym, surnames):
            continue
        if acronym.short not in seen:
            seen.add(acronym.short)
            out.append(acronym)
    return tuple(out)
