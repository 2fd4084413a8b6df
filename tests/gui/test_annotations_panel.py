"""The Annotations dock: reading order, filters, jumping, deleting, editing notes, copying, refreshing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.model import Anchor, Annotation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from ui.models.annotations_model import ANNOTATION_ROLE, AnnotationsModel, markdown
from ui.panels.annotations_panel import EMPTY, LIST, NO_MATCH, AnnotationsPanel, bind
from ui.tasks import Tasks
from ui.undo import AnnotationController

from tests.gui.annotation_support import (
    NAPIER,
    SCRUTINY,
    annotate_phrase,
    call,
    import_demo,
    wait_idle,
)


@pytest.fixture
def panel(tasks: Tasks, qtbot: QtBot) -> AnnotationsPanel:
    widget = AnnotationsPanel(tasks)
    qtbot.addWidget(widget)
    widget.resize(340, 700)
    widget.show()
    return widget


def loaded(panel: AnnotationsPanel, qtbot: QtBot, document_id: int) -> list[Annotation]:
    panel.show_document(document_id)
    wait_idle(panel.tasks, qtbot)
    return [panel.proxy.index(row, 0).data(ANNOTATION_ROLE) for row in range(panel.proxy.rowCount())]


def make(annotation_id: str, start: int | None, colour: str = "yellow") -> Annotation:
    end = None if start is None else start + 5
    return Annotation(annotation_id, 1, Anchor(start, end, f"quote {annotation_id}"), colour=colour)


def test_model_passes_qtmodeltester_as_rows_come_move_and_go(
    qtmodeltester: ModelTester, qtbot: QtBot
) -> None:
    model = AnnotationsModel()
    qtmodeltester.check(model, force_py=True)
    model.set_annotations(1, [make("b", 50), make("a", 10), make("note", None)])
    assert [model.index(row).data(ANNOTATION_ROLE).id for row in range(3)] == ["note", "a", "b"]
    model.update({"c": make("c", 30), "a": replace(make("a", 80), colour="red"), "note": None})
    assert [model.index(row).data(ANNOTATION_ROLE).id for row in range(3)] == ["c", "b", "a"]
    elsewhere = replace(make("x", 1), document_id=2)
    model.update({"b": replace(make("b", 50), colour="green"), "x": elsewhere})
    assert model.index(1).data(ANNOTATION_ROLE).colour == "green" and model.rowCount() == 3


def test_markdown_quotes_the_passage_then_note_then_tags() -> None:
    annotation = replace(make("a", 1), note="Check *this*", tags=("data sharing", "follow-up"))
    assert markdown(annotation) == "> quote a\n\nCheck *this*\n\n#data-sharing #follow-up"


def test_lists_in_reading_order_and_filters(tasks: Tasks, panel: AnnotationsPanel, qtbot: QtBot) -> None:
    document_id = import_demo(tasks, qtbot)
    annotate_phrase(tasks, qtbot, document_id, "taxi licensing", kind="underline", tags=["taxis"])
    annotate_phrase(tasks, qtbot, document_id, "information sharing pilot", colour="blue", note="Evaluate it")
    annotate_phrase(tasks, qtbot, document_id, "No apologies", tags=["Taxis", "admin"])
    shown = loaded(panel, qtbot, document_id)
    assert [a.anchor.quote for a in shown] == ["No apologies", "information sharing pilot", "taxi licensing"]
    assert panel.pages.currentIndex() == LIST and panel.count.text() == "3 annotations"
    assert [panel.tags.itemText(i) for i in range(panel.tags.count())] == ["Tag", "#admin", "#taxis"]

    panel.colours.setCurrentIndex(panel.colours.findData("blue"))
    assert panel.proxy.rowCount() == 1 and panel.count.text() == "1 of 3 annotations"
    panel.clear_filters()
    panel.tags.setCurrentIndex(panel.tags.findData("taxis"))
    assert panel.proxy.rowCount() == 2
    panel.kinds.setCurrentIndex(panel.kinds.findData("underline"))
    assert panel.proxy.rowCount() == 1
    panel.clear_filters()
    qtbot.keyClicks(panel.search, "EVALUATE")
    assert panel.proxy.rowCount() == 1
    qtbot.keyClicks(panel.search, " nothing like this")
    assert panel.pages.currentIndex() == NO_MATCH and not panel.editor.isVisible()


def test_click_and_enter_jump_to_the_passage(tasks: Tasks, panel: AnnotationsPanel, qtbot: QtBot) -> None:
    document_id = import_demo(tasks, qtbot)
    first = annotate_phrase(tasks, qtbot, document_id, "No apologies")
    second = annotate_phrase(tasks, qtbot, document_id, "taxi licensing")
    loaded(panel, qtbot, document_id)
    rect = panel.view.visualRect(panel.proxy.index(1, 0))
    with qtbot.waitSignal(panel.jump_requested) as jumped:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert jumped.args == [second.anchor.start]
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Up)
    with qtbot.waitSignal(panel.jump_requested) as jumped:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert jumped.args == [first.anchor.start]


def test_delete_key_removes_selected_rows_and_undo_brings_them_back(
    tasks: Tasks, panel: AnnotationsPanel, qtbot: QtBot
) -> None:
    controller = AnnotationController(tasks)
    bind(panel, controller)
    document_id = import_demo(tasks, qtbot)
    for phrase in ("No apologies", "information sharing pilot", "taxi licensing"):
        annotate_phrase(tasks, qtbot, document_id, phrase)
    loaded(panel, qtbot, document_id)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(panel.delete_requested) as asked:
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert len(asked.args[0]) == 2
    wait_idle(tasks, qtbot)
    assert panel.model.rowCount() == 1
    assert call(tasks, qtbot, lambda library: len(library.annotations(document_id))) == 1
    controller.stack.undo()
    wait_idle(tasks, qtbot)
    assert panel.model.rowCount() == 3


def test_note_is_edited_in_place_and_copied_as_markdown(
    tasks: Tasks, panel: AnnotationsPanel, qtbot: QtBot
) -> None:
    controller = AnnotationController(tasks)
    bind(panel, controller)
    document_id = import_demo(tasks, qtbot)
    made = annotate_phrase(tasks, qtbot, document_id, "information sharing pilot", tags=["data"])
    loaded(panel, qtbot, document_id)
    panel.select_annotation(made.id)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert panel.editor.text.hasFocus()
    qtbot.keyClicks(panel.editor.text, "Ask for the *evaluation*")
    assert panel.editor.save.isEnabled()
    qtbot.keyClick(panel.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    panel.view.setFocus()  # leaving the box right after saving does not save it twice
    wait_idle(tasks, qtbot)
    assert call(tasks, qtbot, lambda library: library.annotation(made.id).note) == "Ask for the *evaluation*"
    assert not panel.editor.save.isEnabled() and controller.stack.count() == 1

    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert copied == "> information sharing pilot\n\nAsk for the *evaluation*\n\n#data\n"


def test_empty_states(tasks: Tasks, panel: AnnotationsPanel, qtbot: QtBot) -> None:
    document_id = import_demo(tasks, qtbot, NAPIER)
    assert loaded(panel, qtbot, document_id) == []
    assert panel.pages.currentIndex() == EMPTY and not panel.count.isVisible()
    annotate_phrase(tasks, qtbot, document_id, "Napier")
    panel.show_document(document_id)
    wait_idle(tasks, qtbot)
    assert panel.pages.currentIndex() == LIST


def test_context_menu_recolours_and_confirms_a_moved_annotation(
    tasks: Tasks, panel: AnnotationsPanel, qtbot: QtBot, tmp_path: Path
) -> None:
    controller = AnnotationController(tasks)
    bind(panel, controller)
    old = import_demo(tasks, qtbot)
    annotate_phrase(tasks, qtbot, old, "information sharing pilot")
    annotate_phrase(tasks, qtbot, old, "taxi licensing")
    revised = tmp_path / "scrutiny-approved.txt"
    wording = SCRUTINY.read_text(encoding="utf-8")
    revised.write_text(wording.replace("information sharing pilot", "information-sharing pilot scheme"))
    new = call(tasks, qtbot, lambda library: library.import_version(revised, old)[0].document.id)
    moved, kept = loaded(panel, qtbot, new)
    assert (moved.state, kept.state) == ("moved", "anchored")

    panel.select_annotation(moved.id)
    titles = [action.text() for action in panel.context_menu().actions()]
    assert "Confirm new position" in titles
    with qtbot.waitSignal(panel.confirm_requested):
        next(a for a in panel.context_menu().actions() if a.text() == "Confirm new position").trigger()
    wait_idle(tasks, qtbot)
    assert panel.model.index(0).data(ANNOTATION_ROLE).state == "anchored"

    panel.view.selectAll()
    colours = next(a for a in panel.context_menu().actions() if a.text() == "Colour").menu()
    assert isinstance(colours, QMenu)
    next(a for a in colours.actions() if a.text() == "Green").trigger()
    wait_idle(tasks, qtbot)
    assert {a.colour for a in call(tasks, qtbot, lambda library: library.annotations(new))} == {"green"}
    controller.stack.undo()
    wait_idle(tasks, qtbot)
    assert {a.colour for a in panel.model.annotations()} == {"yellow"}


def test_tags_are_edited_in_place_with_completion(
    tasks: Tasks, panel: AnnotationsPanel, qtbot: QtBot
) -> None:
    controller = AnnotationController(tasks)
    bind(panel, controller)
    document_id = import_demo(tasks, qtbot)
    made = annotate_phrase(tasks, qtbot, document_id, "taxi licensing", tags=["licensing", "old"])
    annotate_phrase(tasks, qtbot, document_id, "No apologies", tags=["Follow-up"])
    loaded(panel, qtbot, document_id)
    panel.select_annotation(made.id)
    line = panel.editor.tags
    assert line.text() == "licensing, old"
    assert line.names.stringList() == ["Follow-up", "licensing", "old"]
    line.setFocus()
    line.setText("licensing, follow-up, brand new")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    wait_idle(tasks, qtbot)
    stored = call(tasks, qtbot, lambda library: library.annotation(made.id).tags)
    assert stored == ("brand new", "Follow-up", "licensing")
    assert line.text() == "brand new, Follow-up, licensing"


def test_a_note_on_the_whole_paper_opens_for_typing(
    tasks: Tasks, panel: AnnotationsPanel, qtbot: QtBot
) -> None:
    controller = AnnotationController(tasks)
    bind(panel, controller)
    document_id = import_demo(tasks, qtbot)
    annotate_phrase(tasks, qtbot, document_id, "No apologies")
    loaded(panel, qtbot, document_id)
    qtbot.mouseClick(panel.paper_note, Qt.MouseButton.LeftButton)
    wait_idle(tasks, qtbot)
    qtbot.waitUntil(panel.editor.text.hasFocus)
    qtbot.keyClicks(panel.editor.text, "A thorough update")
    qtbot.keyClick(panel.editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(tasks, qtbot)
    first = call(tasks, qtbot, lambda library: library.annotations(document_id))[0]
    assert (first.kind, first.anchor.start, first.note) == ("note", None, "A thorough update")
    assert panel.view.currentIndex().row() == 0
