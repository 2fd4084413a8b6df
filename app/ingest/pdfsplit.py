"""A long PDF read in two processes: the first half of its pages here, the second in a forked child."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, cast

from app.forking import Child, can_fork, forked

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

P = TypeVar("P")  # a half's pages as read
S = TypeVar("S")  # what a half tells of the whole document
G = TypeVar("G")  # what both halves need to finish, settled from both summaries
F_co = TypeVar("F_co", covariant=True)  # a half finished

# Below this many pages, starting a second process costs more than it saves.
SPLIT_FROM_PAGES = 40


class Work(Protocol, Generic[P, S, G, F_co]):
    """Work on a document's pages done in halves: each half is read, the halves' summaries are
    settled here into what both need, and each half is finished with that."""

    def read(self, start: int, stop: int, apart: bool) -> P: ...

    def summary(self, part: P) -> S: ...

    def settle(self, first: S, second: S) -> G: ...

    def finish(self, part: P, settled: G) -> F_co: ...


def can_split(count: int) -> bool:
    """Whether `count` pages are worth, and safe, to read in two processes (`forking.can_fork`)."""
    return count >= SPLIT_FROM_PAGES and can_fork()


def read_in_halves(count: int, work: Work[P, S, G, F_co]) -> tuple[G, F_co, F_co]:
    """The first half of `count` pages worked here while a forked child works the second.

    Only summaries and finished halves cross between the processes. If the child
    fails, dies or is too slow, its half is worked here after all, so the result
    never depends on the child working.
    """
    half = count // 2
    with forked(lambda pipe: _child(pipe, work, half, count)) as child:
        if child is None:
            return _alone(work, count)
        return _converse(child, work, count)


def _alone(work: Work[P, S, G, F_co], count: int) -> tuple[G, F_co, F_co]:
    half = count // 2
    first, second = work.read(0, half, False), work.read(half, count, False)
    settled = work.settle(work.summary(first), work.summary(second))
    return settled, work.finish(first, settled), work.finish(second, settled)


def _converse(child: Child, work: Work[P, S, G, F_co], count: int) -> tuple[G, F_co, F_co]:
    """Our half read and finished while the child does its half; its half read here if it fails."""
    half = count // 2
    started = time.monotonic()
    first = work.read(0, half, False)
    ours = work.summary(first)  # before waiting: the child, which started later, is likely still reading
    summary = child.answer(started)
    second: P | None = None
    if summary is None:
        second = work.read(half, count, False)
        summary = work.summary(second)
    settled = work.settle(ours, cast(S, summary))
    if second is None and not child.tell(settled):
        second = work.read(half, count, False)
    started = time.monotonic()
    mine = work.finish(first, settled)
    theirs = child.answer(started) if second is None else None
    if theirs is None:
        theirs = work.finish(second if second is not None else work.read(half, count, False), settled)
    return settled, mine, cast(F_co, theirs)


def _child(pipe: Connection, work: Work[P, S, G, F_co], start: int, stop: int) -> None:
    part = work.read(start, stop, True)
    pipe.send(work.summary(part))
    pipe.send(work.finish(part, pipe.recv()))
