"""Quote + position selectors, and finding an annotated passage again in a new version of the text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from app.model import Anchor, AnchorState

CONTEXT = 64
# An exact quote away from its old place needs this many matching context characters
# (or a long, unique quote) before we trust it: short quotes recur in any paper.
MIN_CONTEXT_RUN = 6
LONG_QUOTE = 40
# Fuzzy matching: at most this share of the quote may differ; shorter quotes are not fuzzed.
MAX_ERROR_SHARE = 0.3
MIN_FUZZY_QUOTE = 8
MIN_FUZZY_CONTEXT = 0.5
SNAP_CONTEXT = 12
MAX_PIECES = 24
MAX_SEEDS = 12  # hits of a common piece of the quote tried: bounds the work on long papers
POSITION_SCALE = 2000.0

SHINGLE = 4  # words
SAME_PAPER = 0.5  # share of shared wording for an automatic match to count as a new version

PageLookup = Callable[[int], "int | None"]


@dataclass(frozen=True)
class Placement:
    """Where a re-anchored annotation landed, and how sure we are."""

    anchor: Anchor
    state: AnchorState


def anchor_at(text: str, start: int, end: int, page: int | None = None) -> Anchor:
    """The selectors for `text[start:end]`: position, exact quote and 64 characters either side."""
    return Anchor(
        start=start,
        end=end,
        quote=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        page=page,
    )


def occurrences(text: str, quote: str) -> list[int]:
    """Every start offset of `quote` in `text` (overlapping ones too)."""
    found: list[int] = []
    at = text.find(quote)
    while at >= 0 and quote:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _run_before(wanted: str, text: str, at: int) -> int:
    """How many characters before `at` in `text` equal the end of `wanted`."""
    count = 0
    while count < len(wanted) and at - count > 0 and text[at - count - 1] == wanted[-count - 1]:
        count += 1
    return count


def _run_after(wanted: str, text: str, at: int) -> int:
    count = 0
    while count < len(wanted) and at + count < len(text) and text[at + count] == wanted[count]:
        count += 1
    return count


def context_run(anchor: Anchor, text: str, start: int, end: int) -> int:
    """Characters of the old prefix and suffix that still touch `text[start:end]` unchanged."""
    return _run_before(anchor.prefix, text, start) + _run_after(anchor.suffix, text, end)


def context_similarity(anchor: Anchor, text: str, start: int, end: int) -> float:
    """0..1: how alike the old context and the text around `start:end` are, edits allowed."""
    total = len(anchor.prefix) + len(anchor.suffix)
    if total == 0:
        return 1.0
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    alike = SequenceMatcher(None, anchor.prefix, before, autojunk=False).ratio() * len(anchor.prefix)
    alike += SequenceMatcher(None, anchor.suffix, after, autojunk=False).ratio() * len(anchor.suffix)
    return alike / total


def _splits_word(inner: str, outer: str) -> bool:
    return inner.isalnum() and outer.isalnum()


def _same_edges(anchor: Anchor, text: str, start: int) -> bool:
    """Whether `text[start:…]` begins and ends a word where the quote did: "bench" inside
    "benches" is not the same words, even though the letters are there."""
    quote, end = anchor.quote, start + len(anchor.quote)
    return _splits_word(quote[0], anchor.prefix[-1:]) == _splits_word(quote[0], text[start - 1 : start]) and (
        _splits_word(quote[-1], anchor.suffix[:1]) == _splits_word(quote[-1], text[end : end + 1])
    )


def _exact(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Steps 1–2: the same words at the old place, else the occurrence best matching the context."""
    quote = anchor.quote
    starts = [at for at in occurrences(text, quote) if _same_edges(anchor, text, at)]
    if not starts:
        return None
    old = anchor.start

    def rank(at: int) -> tuple[int, int]:
        distance = abs(at - old) if old is not None else 0
        return (context_run(anchor, text, at, at + len(quote)), -distance)

    best = max(starts, key=rank)
    trusted = (
        best == old
        or rank(best)[0] >= MIN_CONTEXT_RUN
        or (len(quote) >= LONG_QUOTE and len(starts) == 1)
    )
    return (best, best + len(quote)) if trusted else None


def myers_distances(pattern: str, text: str, *, anchored: bool = False) -> Iterator[tuple[int, int]]:
    """Yield (end, distance) for each end offset of `text`: the least edit distance between
    `pattern` and a substring of `text` ending there (starting anywhere, or at 0 if `anchored`).

    Myers' bit-parallel algorithm (1999, Hyyrö's formulation); Python's big
    integers hold one bit per pattern character, so quotes of any length work.
    """
    m = len(pattern)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    peq: dict[str, int] = {}
    for i, char in enumerate(pattern):
        peq[char] = peq.get(char, 0) | (1 << i)
    pv, mv, score = mask, 0, m
    carry = 1 if anchored else 0
    for j, char in enumerate(text):
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        yield j + 1, score


def _regions(anchor: Anchor, text: str, limit: int) -> list[tuple[int, int]]:
    """Windows of `text` that could hold the quote with at most `limit` edits (pigeonhole:
    one of `limit + 1` pieces of the quote must survive intact), merged and in order."""
    quote = anchor.quote
    # Past MAX_PIECES, a long quote's pieces are longer than the pigeonhole needs; that
    # still finds edits clustered in a few places, the usual case, at a bounded cost.
    count = min(limit + 1, MAX_PIECES)
    size = len(quote) // count
    windows: list[tuple[int, int]] = []
    for number in range(count):
        offset = number * size
        piece = quote[offset : offset + size]
        hits = occurrences(text, piece)
        if len(hits) > MAX_SEEDS:
            # A common piece is weak evidence: only its hits nearest the old place are tried.
            centre = (anchor.start or 0) + offset
            hits = sorted(hits, key=lambda at: abs(at - centre))[:MAX_SEEDS]
        for at in hits:
            windows.append((max(0, at - offset - limit), min(len(text), at - offset + len(quote) + limit)))
    merged: list[tuple[int, int]] = []
    for low, high in sorted(windows):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _start_for(anchor: Anchor, text: str, end: int, limit: int) -> int:
    """The start of the best alignment of the quote ending at `end` (searched backwards);
    among equally close ones, the start the old prefix fits best, then the quote's length."""
    quote = anchor.quote
    low = max(0, end - len(quote) - limit)
    lengths = list(myers_distances(quote[::-1], text[low:end][::-1], anchored=True))
    least = min(distance for _, distance in lengths)
    best = max(
        (length for length, distance in lengths if distance == least),
        key=lambda length: (_run_before(anchor.prefix, text, end - length), -abs(length - len(quote))),
    )
    return end - best


def _nearest(text: str, piece: str, low: int, high: int, target: int) -> int | None:
    """The occurrence of `piece` within `text[low:high]` starting nearest `target`."""
    found = (at + max(0, low) for at in occurrences(text[max(0, low) : high], piece))
    return min(found, key=lambda at: abs(at - target), default=None)


def _snap(anchor: Anchor, text: str, start: int, end: int, slack: int) -> tuple[int, int]:
    """Move a near-match's edges to where the old context still ends and begins, if it is
    intact close by: an insertion at the quote's edge then falls inside, not outside."""
    tail, head = anchor.prefix[-SNAP_CONTEXT:], anchor.suffix[:SNAP_CONTEXT]
    # A short prefix (suffix) was the very start (end) of the old text.
    before, after = len(anchor.prefix), len(anchor.suffix)
    if before < CONTEXT and text.startswith(anchor.prefix) and abs(start - before) <= slack:
        start = before
    elif len(tail) == SNAP_CONTEXT:
        at = _nearest(text, tail, start - slack - len(tail), start + slack, start - len(tail))
        if at is not None and at + len(tail) < end:
            start = at + len(tail)
    if after < CONTEXT and text.endswith(anchor.suffix) and abs(len(text) - after - end) <= slack:
        end = len(text) - after
    elif len(head) == SNAP_CONTEXT:
        at = _nearest(text, head, end - slack, end + slack + len(head), end)
        if at is not None and at > start:
            end = at
    return start, end


def _old_context(anchor: Anchor, found: str, distance: int) -> bool:
    """Whether a near-match reads better as the old text beside the quote than as the quote.

    Once a passage is deleted, the words around it close in on the gap; when they
    happen to resemble the quote, they are still its old neighbours, not the quote
    edited, and the annotation must be orphaned rather than moved onto them.
    """
    return bool(found) and any(
        min(d for _, d in myers_distances(found, side)) < distance
        for side in (anchor.prefix, anchor.suffix)
        if side
    )


def _fuzzy(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Step 3: the best near-match of the quote, scored by quote, context and position."""
    quote = anchor.quote
    if len(quote) < MIN_FUZZY_QUOTE:
        return None
    limit = max(1, int(len(quote) * MAX_ERROR_SHARE))
    best: tuple[float, int, int] | None = None
    for low, high in _regions(anchor, text, limit):
        ends = [(end + low, d) for end, d in myers_distances(quote, text[low:high]) if d <= limit]
        if not ends:
            continue
        least = min(d for _, d in ends)
        for found_end, d in ends:
            if d != least:
                continue
            start = _start_for(anchor, text, found_end, limit)
            start, end = _snap(anchor, text, start, found_end, 2 * limit)
            context = context_similarity(anchor, text, start, end)
            if context < MIN_FUZZY_CONTEXT or _old_context(anchor, text[start:end], d):
                continue
            distance = abs(start - anchor.start) if anchor.start is not None else POSITION_SCALE
            score = 0.5 * (1 - d / len(quote)) + 0.35 * context + 0.15 / (1 + distance / POSITION_SCALE)
            if best is None or score > best[0]:
                best = (score, start, end)
    return None if best is None else (best[1], best[2])


def reanchor(anchor: Anchor, text: str, page_at: PageLookup | None = None) -> Placement:
    """Find `anchor`'s passage in `text` (a new version): anchored, moved, or orphaned.

    A whole-document note (no quote) simply follows the document. An orphan
    keeps its old quote and context so it can be shown, tried again on the
    next version, or re-attached by hand.
    """
    if not anchor.quote:
        return Placement(Anchor(None, None), "anchored")
    found = _exact(anchor, text)
    state: AnchorState = "anchored"
    if found is None:
        found, state = _fuzzy(anchor, text), "moved"
    if found is None:
        orphan = Anchor(None, None, anchor.quote, anchor.prefix, anchor.suffix, None)
        return Placement(orphan, "orphaned")
    start, end = found
    page = page_at(start) if page_at is not None else None
    return Placement(anchor_at(text, start, end, page), state)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = text.casefold().split()
    return {tuple(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def shared_wording(old: str, new: str) -> float:
    """0..1: the share of the old text's runs of four words found in the new text.

    Tells a new version of a paper (most of its wording still there) from another
    paper that only shares its file name or meeting, such as a supplement to an
    agenda pack or next month's agenda saved under the same name.
    """
    before = _shingles(old)
    return len(before & _shingles(new)) / len(before)
