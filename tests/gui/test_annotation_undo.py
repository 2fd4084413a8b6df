"""Undo and redo of annotation and tag actions through the library lane, checked in the database."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.errors import AppError
from app.library import Library

from ui.tasks import Tasks
from ui.undo import AnnotationController

from tests.gui.annotation_support import annotate_phrase, call, import_demo, wait_idle

PHRASES = ("task and finish group", "information sharing pilot", "taxi licensing")


@pytest.fixture
def controller(tasks: Tasks) -> AnnotationController:
    return AnnotationController(tasks)


def ids_of(tasks: Tasks, qtbot: QtBot, document_id: int) -> list[str]:
    return call(tasks, qtbot, lambda library: [a.id for a in library.annotations(document_id)])


def test_add_undo_redo_keeps_the_same_annotation(
    tasks: Tasks, controller: AnnotationController, qtbot: QtBot
) -> None:
    document_id = import_demo(tasks, qtbot)
    seen: list[object] = []
    controller.changed.connect(seen.append)
    added = controller.add(document_id, 100, 140, colour="green", tags=["safeguarding"])
    wait_idle(tasks, qtbot)
    assert ids_of(tasks, qtbot, document_id) == [added]
    assert controller.stack.undoText() == "Add highlight"

    controller.stack.undo()
    wait_idle(tasks, qtbot)
    assert ids_of(tasks, qtbot, document_id) == []

    controller.stack.redo()
    wait_idle(tasks, qtbot)
    assert ids_of(tasks, qtbot, document_id) == [added]
    again = call(tasks, qtbot, lambda library: library.annotation(added))
    assert (again.colour, again.tags) == ("green", ("safeguarding",))
    assert len(seen) == 3 and all(added in changes.annotations for changes in seen)  # type: ignore[attr-defined]


def test_deleting_three_is_one_undo_step(
    tasks: Tasks, controller: AnnotationController, qtbot: QtBot
) -> None:
    document_id = import_demo(tasks, qtbot)
    made = [annotate_phrase(tasks, qtbot, document_id, phrase, note=phrase.upper()) for phrase in PHRASES]
    controller.delete([annotation.id for annotation in made])
    wait_idle(tasks, qtbot)
    assert ids_of(tasks, qtbot, document_id) == []
    assert controller.stack.count() == 1 and controller.stack.undoText() == "Delete 3 annotations"

    controller.stack.undo()
    wait_idle(tasks, qtbot)
    restored = call(tasks, qtbot, lambda library: library.annotations(document_id))
    assert restored == sorted(made, key=lambda annotation: annotation.anchor.start or 0)  # all as they were


def test_note_colour_and_tags_undo_in_turn(
    tasks: Tasks, controller: AnnotationController, qtbot: QtBot
) -> None:
    document_id = import_demo(tasks, qtbot)
    first = annotate_phrase(tasks, qtbot, document_id, PHRASES[0], tags=["cse", "partnership"])
    controller.edit_note(first.id, "Ask about the **report**")
    controller.recolour(first.id, "purple")
    controller.set_tags(first.id, ["CSE", "Police"])
    wait_idle(tasks, qtbot)

    def current(library: Library) -> tuple[str, str, tuple[str, ...]]:
        annotation = library.annotation(first.id)
        return annotation.note, annotation.colour, annotation.tags

    assert call(tasks, qtbot, current) == ("Ask about the **report**", "purple", ("cse", "Police"))
    expected = [
        ("Ask about the **report**", "purple", ("cse", "partnership")),
        ("Ask about the **report**", "yellow", ("cse", "partnership")),
        ("", "yellow", ("cse", "partnership")),
    ]
    for state in expected:
        controller.stack.undo()
        wait_idle(tasks, qtbot)
        assert call(tasks, qtbot, current) == state
    controller.stack.redo()
    controller.stack.redo()
    controller.stack.redo()
    wait_idle(tasks, qtbot)
    assert call(tasks, qtbot, current) == ("Ask about the **report**", "purple", ("cse", "Police"))


def tag_names(library: Library) -> dict[str, int]:
    return {tag["name"]: tag["count"] for tag in library.tags()}


def test_rename_onto_an_existing_tag_merges_and_undoes(
    tasks: Tasks, controller: AnnotationController, qtbot: QtBot
) -> None:
    document_id = import_demo(tasks, qtbot)
    annotate_phrase(tasks, qtbot, document_id, PHRASES[0], tags=["cse"])
    annotate_phrase(tasks, qtbot, document_id, PHRASES[1], tags=["CSE work", "police"])
    tags = call(tasks, qtbot, tag_names)
    ids = {tag["name"]: tag["id"] for tag in call(tasks, qtbot, lambda library: library.tags())}
    controller.rename_tag(ids["CSE work"], "Cse")
    wait_idle(tasks, qtbot)
    assert call(tasks, qtbot, tag_names) == {"cse": 2, "police": 1}
    controller.stack.undo()
    wait_idle(tasks, qtbot)
    assert call(tasks, qtbot, tag_names) == tags

    controller.delete_tags([ids["police"], ids["cse"]])
    wait_idle(tasks, qtbot)
    assert call(tasks, qtbot, tag_names) == {"CSE work": 1}
    controller.stack.undo()
    wait_idle(tasks, qtbot)
    assert call(tasks, qtbot, tag_names) == tags


def test_an_action_that_cannot_apply_is_reported_and_clears_history(
    tasks: Tasks, controller: AnnotationController, qtbot: QtBot
) -> None:
    document_id = import_demo(tasks, qtbot)
    controller.add(document_id, 10, 20)
    wait_idle(tasks, qtbot)
    with qtbot.waitSignal(controller.failed) as failure:
        controller.edit_note("no-such-annotation", "hello")
    assert isinstance(failure.args[0], AppError) and "no annotation" in str(failure.args[0])
    assert controller.stack.count() == 0
