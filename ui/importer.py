"""Imports files through the library lane, one task per file, reporting progress and a batch summary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import AppError

from PySide6.QtCore import QObject, Signal, SignalInstance

from ui.tasks import Tasks

if TYPE_CHECKING:  # loaded on the library lane, after the first paint
    from app.library import ImportOutcome, Library


def _import_file(library: Library, path: Path, password: str | None) -> ImportOutcome:
    return library.import_file(path, password)


@dataclass
class Batch:
    """Files imported together: what came in, what was already there, what failed and why."""

    paths: tuple[Path, ...]
    quiet: bool = False  # report failures in the status bar, not a dialog (the demo library)
    open_result: bool = True  # open the last document of the batch when it is done
    outcomes: list[ImportOutcome] = field(default_factory=list)
    failures: list[tuple[str, AppError]] = field(default_factory=list)

    @property
    def done(self) -> int:
        return len(self.outcomes) + len(self.failures)

    @property
    def finished(self) -> bool:
        return self.done == len(self.paths)

    @property
    def added(self) -> list[ImportOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.duplicate]


class Importer(QObject):
    """Each file is its own task on the serial lane, so progress shows between files."""

    progress = Signal(object)  # Batch, after each file
    imported = Signal(object)  # ImportOutcome, as soon as one file is in
    batch_finished = Signal(object)  # Batch

    def __init__(self, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks

    def import_paths(
        self,
        paths: Sequence[Path],
        *,
        quiet: bool = False,
        open_result: bool = True,
        passwords: Mapping[Path, str] | None = None,
        after: SignalInstance | None = None,
    ) -> Batch:
        """Import `paths` in order; with `after`, once that signal fires (see `Tasks.run`)."""
        batch = Batch(tuple(paths), quiet=quiet, open_result=open_result)
        for path in batch.paths:
            self._tasks.run(
                partial(_import_file, path=path, password=(passwords or {}).get(path)),
                partial(self._imported, batch),
                on_error=partial(self._failed, batch, path),
                after=after,
            )
        if not batch.paths:
            self.batch_finished.emit(batch)
        return batch

    def _imported(self, batch: Batch, outcome: ImportOutcome) -> None:
        batch.outcomes.append(outcome)
        self.imported.emit(outcome)
        self._step(batch)

    def _failed(self, batch: Batch, path: Path, error: AppError) -> None:
        batch.failures.append((path.name, error))
        self._step(batch)

    def _step(self, batch: Batch) -> None:
        self.progress.emit(batch)
        if batch.finished:
            self.batch_finished.emit(batch)
