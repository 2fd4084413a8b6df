"""Undo and redo of annotation and tag actions: app commands on a `QUndoStack`, run on the library lane."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import annotations as actions
from app import tagging
from app.errors import AppError
from app.model import AnnotationKind, Changes

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ui.tasks import Tasks

if TYPE_CHECKING:  # the library (sqlite, analysis) loads on the lane, not before the first paint
    from app.library import Library

Builder = Callable[["Library"], actions.Command]
log = logging.getLogger(__name__)


class _Step:
    """One app command, built on the lane from the library as it is when the action runs
    (so its `before` is exact even with other work queued), then kept: redo after undo
    applies the very same command, so an added annotation keeps its id."""

    def __init__(self, build: Builder) -> None:
        self._build = build
        self.command: actions.Command | None = None

    # Both run on the lane, in order, so `command` is set before any undo reads it.
    def apply(self, library: Library) -> Changes:
        if self.command is None:
            self.command = self._build(library)
        return library.execute(self.command)

    def revert(self, library: Library) -> Changes:
        if self.command is None:
            raise AppError("There is nothing to undo: the action never took place.")
        return library.execute(self.command.inverse())


class UndoableCommand(QUndoCommand):
    """One undo step: one or more app commands, applied in order and undone last first;
    `added`: the annotation it adds, if that is what it does."""

    def __init__(
        self, controller: AnnotationController, text: str, builds: Sequence[Builder], added: str | None = None
    ) -> None:
        super().__init__(text)
        self._controller = controller
        self.steps = [_Step(build) for build in builds]
        self.added = added

    def redo(self) -> None:
        for step in self.steps:
            self._controller.run(step.apply)

    def undo(self) -> None:
        for step in reversed(self.steps):
            self._controller.run(step.revert)


class AnnotationController(QObject):
    """Turns the user's annotation and tag intents into undoable commands; reports what changed.

    `changed(Changes)` follows every applied action, undo and redo; `failed(AppError)`
    when one could not apply (the undo history is then cleared, as it no longer
    matches the library).
    """

    changed = Signal(object)  # Changes
    failed = Signal(object)  # AppError

    def __init__(self, tasks: Tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.stack = QUndoStack(self)
        # Passwords of protected PDFs typed this session (the reader's, shared): in memory only.
        self.passwords: dict[Path, str] = {}

    def run(self, work: Callable[[Library], Changes]) -> None:
        self.tasks.run(work, self._applied, on_error=self._failed)

    def _applied(self, changes: Changes) -> None:
        self.changed.emit(changes)
        if changes.annotations:  # made in the text view, re-attached, brought back: exact boxes on a PDF
            self.fill_quads(sorted(changes.annotations))

    def fill_quads(self, annotation_ids: list[str] | None = None, document_id: int | None = None) -> None:
        """Work out the exact page boxes of annotations on PDFs that have none (derived data: no undo
        step); `changed` follows if any were stored."""
        # By the path the library stores (resolved), for this call only.
        secrets = {str(path.resolve()): password for path, password in self.passwords.items()}
        self.tasks.run(
            lambda library: library.fill_quads(annotation_ids, document_id, passwords=secrets),
            lambda changes: self.changed.emit(changes) if changes.annotations else None,
            on_error=lambda error: log.info("No exact boxes worked out: %s", error),
        )

    def _failed(self, error: AppError) -> None:
        self.stack.clear()
        self.failed.emit(error)

    def push(self, text: str, build: Builder) -> None:
        self.stack.push(UndoableCommand(self, text, [build]))

    def push_macro(self, text: str, builds: Sequence[Builder]) -> None:
        """Several commands undone and redone as one step."""
        if builds:
            self.stack.push(UndoableCommand(self, text, builds))

    # -- annotations ---------------------------------------------------------
    def add(self, document_id: int, start: int | None, end: int | None, **options: Any) -> str:
        """Annotate `start:end` (options: kind, colour, note, tags); both None: a whole-document note.
        Returns the new annotation's id at once (it is named here), so the view can select it."""
        kind = options.get("kind", "highlight")
        annotation_id = str(uuid.uuid4())
        named = {**options, "annotation_id": annotation_id}

        def build(library: Library) -> actions.Command:
            text = library.text(document_id)
            return actions.Add((actions.new_annotation(document_id, text, start, end, **named),))

        label = "Add note" if kind == "note" else f"Add {kind}"
        self.stack.push(UndoableCommand(self, label, [build], added=annotation_id))
        return annotation_id

    def discard_empty_note(self, annotation_id: str) -> None:
        """A note made and left without a word: gone. Just made, its adding is undone (Redo brings it
        back); otherwise it is deleted as a step of its own."""
        top = self.stack.command(self.stack.index() - 1)
        if isinstance(top, UndoableCommand) and top.added == annotation_id:
            self.stack.undo()
        else:
            self.push("Discard empty note", _deleting([annotation_id]))

    def delete(self, annotation_ids: Sequence[str]) -> None:
        count = len(annotation_ids)
        label = "Delete annotation" if count == 1 else f"Delete {count} annotations"
        # One command: one transaction and one undo step, however many are chosen.
        self.push(label, _deleting(list(annotation_ids)))

    def edit_note(self, annotation_id: str, text: str) -> None:
        self._edit(annotation_id, "Edit note", note=text)

    def recolour(self, annotation_id: str, colour: str) -> None:
        self.recolour_all([annotation_id], colour)

    def recolour_all(self, annotation_ids: Sequence[str], colour: str) -> None:
        """Give several annotations one colour, as one undo step."""
        actions.check_colour(colour)
        self.push_macro("Change colour", [_editing(each, colour=colour) for each in annotation_ids])

    def set_kind(self, annotation_id: str, kind: AnnotationKind) -> None:
        actions.check_kind(kind)
        self._edit(annotation_id, f"Make {kind}", kind=kind)

    def _edit(self, annotation_id: str, text: str, **changes: Any) -> None:
        self.push(text, _editing(annotation_id, **changes))

    def add_tags(self, annotation_id: str, names: list[str]) -> None:
        self.push("Tag annotation", lambda library: actions.tag(library.annotation(annotation_id), names))

    def set_tags(self, annotation_id: str, names: list[str]) -> None:
        """Make the annotation's tags exactly `names` (one undo step)."""
        wanted = {actions.check_tag(name).casefold() for name in names}

        def removing(library: Library) -> actions.Command:
            annotation = library.annotation(annotation_id)
            unwanted = [name for name in annotation.tags if name.casefold() not in wanted]
            return actions.untag(annotation, unwanted)

        def adding(library: Library) -> actions.Command:
            return actions.tag(library.annotation(annotation_id), names)

        self.push_macro("Change tags", [removing, adding])

    def reattach(self, annotation_id: str, start: int, end: int) -> None:
        def build(library: Library) -> actions.Command:
            annotation = library.annotation(annotation_id)
            return actions.reattach(annotation, library.text(annotation.document_id), start, end)

        self.push("Re-attach annotation", build)

    def confirm_position(self, annotation_id: str) -> None:
        """Accept where re-anchoring moved an annotation ("moved" becomes "anchored")."""

        def build(library: Library) -> actions.Command:
            annotation = library.annotation(annotation_id)
            start, end = annotation.anchor.start, annotation.anchor.end
            if start is None or end is None:
                raise AppError("This annotation is not in the paper: select the passage to re-attach it.")
            return actions.reattach(annotation, library.text(annotation.document_id), start, end)

        self.push("Confirm position", build)

    # -- tags ----------------------------------------------------------------
    def rename_tag(self, tag_id: int, name: str) -> None:
        """Rename a tag; onto the name of another tag, merge it into that one."""
        cleaned = actions.check_tag(name)

        def build(library: Library) -> actions.Command:
            for other in library.tags():
                if other["id"] != tag_id and other["name"].casefold() == cleaned.casefold():
                    return tagging.merge_tags(library.db, tag_id, int(other["id"]))
            return tagging.edit_tag(library.db, tag_id, name=cleaned)

        self.push("Rename tag", build)

    def recolour_tag(self, tag_id: int, colour: str) -> None:
        """Give a tag a colour ("" clears it)."""
        self.push("Recolour tag", lambda library: tagging.edit_tag(library.db, tag_id, colour=colour))

    def merge_tags(self, source_id: int, target_id: int) -> None:
        self.push("Merge tags", lambda library: tagging.merge_tags(library.db, source_id, target_id))

    def delete_tags(self, tag_ids: Sequence[int]) -> None:
        label = "Delete tag" if len(tag_ids) == 1 else f"Delete {len(tag_ids)} tags"
        self.push_macro(label, [_deleting_tag(tag_id) for tag_id in tag_ids])


def _editing(annotation_id: str, **changes: Any) -> Builder:
    return lambda library: actions.edit(library.annotation(annotation_id), **changes)


def _deleting(annotation_ids: list[str]) -> Builder:
    return lambda library: actions.Delete(tuple(library.annotation(each) for each in annotation_ids))


def _deleting_tag(tag_id: int) -> Builder:
    return lambda library: tagging.delete_tag(library.db, tag_id)
