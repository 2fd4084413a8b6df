"""Shared set-up for the annotation component tests: a real library lane with demo papers imported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pytestqt.qtbot import QtBot

from app.library import Library
from app.model import Annotation

from ui.tasks import Tasks

T = TypeVar("T")
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
SCRUTINY = DEMO / "lancashire-scrutiny-2015-07-17.txt"
NAPIER = DEMO / "nz-napier-cc-regulatory-2019-02-19.txt"


def call(tasks: Tasks, qtbot: QtBot, work: Callable[[Library], T]) -> T:
    """Run `work` on the lane and wait for its result (errors fail the test)."""
    results: list[T] = []
    tasks.run(work, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    return results[0]


def import_demo(tasks: Tasks, qtbot: QtBot, path: Path = SCRUTINY) -> int:
    return call(tasks, qtbot, lambda library: library.import_file(path).document.id)


def annotate_phrase(tasks: Tasks, qtbot: QtBot, document_id: int, phrase: str, **options: Any) -> Annotation:
    """Annotate the first occurrence of `phrase` in the document, as a user selecting it would."""

    def work(library: Library) -> Annotation:
        text = library.text(document_id).text
        start = text.index(phrase)
        return library.annotate(document_id, start, start + len(phrase), **options)[0]

    return call(tasks, qtbot, work)


def wait_idle(tasks: Tasks, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20_000)
