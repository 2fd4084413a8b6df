"""A long PDF read in two processes: this one takes pages from the front, a forked child from the back."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, cast

from app.forking import Child, can_fork, forked, take, untaken

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

P = TypeVar("P")  # a part's pages as read
S = TypeVar("S")  # what a part tells of the whole document
G = TypeVar("G")  # what both parts need to finish, settled from both summaries
F_co = TypeVar("F_co", covariant=True)  # a part finished

# Below this many pages, starting a second process costs more than it saves.
SPLIT_FROM_PAGES = 40
# Pages are taken in runs, a token each; a pipe holds this many tokens and more.
MAX_RUNS = 4096


class Work(Protocol, Generic[P, S, G, F_co]):
    """Work on a document's pages done in two parts: each part is read, the parts' summaries are
    settled here into what both need, and each part is finished with that."""

    def read(self, pages: Iterable[int], apart: bool) -> P: ...

    def summary(self, part: P) -> S: ...

    def settle(self, first: S, second: S) -> G: ...

    def finish(self, part: P, settled: G) -> F_co: ...


def can_split(count: int) -> bool:
    """Whether `count` pages are worth, and safe, to read in two processes (`forking.can_fork`)."""
    return count >= SPLIT_FROM_PAGES and can_fork()


class Claims:
    """Pages taken a run at a time from one end of the document while runs are left: the process at
    the other end takes the others, so that the two meet wherever their speeds bring them."""

    def __init__(self, tokens: int, count: int, back: bool) -> None:
        self.tokens, self.count, self.back = tokens, count, back
        self.step, self.runs = _runs(count)
        self.taken = 0  # runs taken

    def __iter__(self) -> Iterator[int]:
        while take(self.tokens) is not None:
            run = self.runs - 1 - self.taken if self.back else self.taken
            self.taken += 1
            pages = range(run * self.step, min((run + 1) * self.step, self.count))
            yield from reversed(pages) if self.back else pages

    def rest(self) -> range:
        """The pages after those taken from the front: the other end's."""
        return range(min(self.taken * self.step, self.count), self.count)


def _runs(count: int) -> tuple[int, int]:
    """Pages a run, and how many runs, for `count` pages: one page a run but in a huge document."""
    step = -(-count // MAX_RUNS)
    return step, -(-count // step)


def read_in_two(count: int, work: Work[P, S, G, F_co]) -> tuple[G, F_co, F_co]:
    """`count` pages worked in two parts: the first here, the second in a forked child.

    Each process takes pages from its end until none is left, so neither waits for the
    other however fast each goes. Only summaries and finished parts cross between the
    processes. If the child fails, dies or is too slow, its part is worked here after
    all, so the result never depends on the child working.
    """
    with (
        untaken(bytes(_runs(count)[1])) as tokens,
        forked(lambda pipe: _child(pipe, work, Claims(tokens, count, back=True))) as child,
    ):
        if child is None:
            return _alone(work, count)
        return _converse(child, work, Claims(tokens, count, back=False))


def _alone(work: Work[P, S, G, F_co], count: int) -> tuple[G, F_co, F_co]:
    half = count // 2
    first, second = work.read(range(half), False), work.read(range(half, count), False)
    settled = work.settle(work.summary(first), work.summary(second))
    return settled, work.finish(first, settled), work.finish(second, settled)


def _converse(child: Child, work: Work[P, S, G, F_co], front: Claims) -> tuple[G, F_co, F_co]:
    """Our part read and finished while the child does its part; its part read here if it fails."""
    started = time.monotonic()
    first = work.read(front, False)
    ours = work.summary(first)  # before waiting: the child is likely still reading its last page
    summary = child.answer(started)
    second: P | None = None
    if summary is None:
        second = work.read(front.rest(), False)
        summary = work.summary(second)
    settled = work.settle(ours, cast(S, summary))
    if second is None and not child.tell(settled):
        second = work.read(front.rest(), False)
    started = time.monotonic()
    mine = work.finish(first, settled)
    theirs = child.answer(started) if second is None else None
    if theirs is None:
        theirs = work.finish(second if second is not None else work.read(front.rest(), False), settled)
    return settled, mine, cast(F_co, theirs)


def _child(pipe: Connection, work: Work[P, S, G, F_co], back: Claims) -> None:
    part = work.read(back, True)
    pipe.send(work.summary(part))
    pipe.send(work.finish(part, pipe.recv()))
