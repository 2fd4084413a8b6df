"""All annotations across the library: filters by tag, colour, body, dates and words; open in context."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate, Qt

from ui.dialogs.all_annotations import AllAnnotationsDialog
from ui.models.library_annotations_model import FOUND_ROLE, QUOTE, Found, LibraryAnnotationsModel
from ui.tasks import Tasks

from tests.gui.annotation_support import NAPIER, annotate_phrase, import_demo, wait_idle


@pytest.fixture
def dialog(tasks: Tasks, qtbot: QtBot) -> AllAnnotationsDialog:
    scrutiny = import_demo(tasks, qtbot)  # Scrutiny Committee, 17 July 2015
    napier = import_demo(tasks, qtbot, NAPIER)  # Regulatory Committee, 19 February 2019
    annotate_phrase(tasks, qtbot, scrutiny, "No apologies", colour="green", tags=["admin"])
    note = "Licensing is a district matter"
    annotate_phrase(tasks, qtbot, scrutiny, "taxi licensing", note=note, tags=["taxis"])
    annotate_phrase(tasks, qtbot, napier, "Regulatory Committee", colour="green", tags=["Admin"])
    window = AllAnnotationsDialog(tasks)
    qtbot.addWidget(window)
    window.show()
    window.reload()
    wait_idle(tasks, qtbot)
    return window


def quotes(dialog: AllAnnotationsDialog, qtbot: QtBot) -> list[str]:
    wait_idle(dialog.tasks, qtbot)
    proxy = dialog.proxy
    return sorted(proxy.index(row, QUOTE).data() for row in range(proxy.rowCount()))


def test_model_passes_qtmodeltester(dialog: AllAnnotationsDialog, qtmodeltester: ModelTester) -> None:
    rows = [dialog.model.index(row, 0).data(FOUND_ROLE) for row in range(3)]
    assert all(isinstance(row, Found) for row in rows)
    model = LibraryAnnotationsModel()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)


def test_filters(dialog: AllAnnotationsDialog, qtbot: QtBot) -> None:
    assert quotes(dialog, qtbot) == ["No apologies", "Regulatory Committee", "taxi licensing"]
    assert dialog.count.text() == "3 annotations"
    dialog.tags.setCurrentIndex(dialog.tags.findData("admin"))
    assert quotes(dialog, qtbot) == ["No apologies", "Regulatory Committee"]
    dialog.bodies.setCurrentIndex(dialog.bodies.findData("Regulatory Committee"))
    assert quotes(dialog, qtbot) == ["Regulatory Committee"]
    dialog.tags.setCurrentIndex(0)
    dialog.bodies.setCurrentIndex(0)
    dialog.colours.setCurrentIndex(dialog.colours.findData("yellow"))
    assert quotes(dialog, qtbot) == ["taxi licensing"]
    dialog.colours.setCurrentIndex(0)
    dialog.date_from.date.setDate(QDate(2016, 1, 1))
    dialog.date_from.check.setChecked(True)
    assert quotes(dialog, qtbot) == ["Regulatory Committee"]
    dialog.date_to.date.setDate(QDate(2018, 12, 31))
    dialog.date_to.check.setChecked(True)
    assert quotes(dialog, qtbot) == [] and dialog.count.text() == "No annotations match"
    dialog.date_from.check.setChecked(False)
    qtbot.keyClicks(dialog.search, "district")
    assert quotes(dialog, qtbot) == ["taxi licensing"]


def test_open_in_context(dialog: AllAnnotationsDialog, qtbot: QtBot) -> None:
    qtbot.keyClicks(dialog.search, "taxi")
    wait_idle(dialog.tasks, qtbot)
    found = dialog.proxy.index(0, 0).data(FOUND_ROLE)
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.proxy.index(0, QUOTE))
    assert dialog.open_button.isEnabled()
    with qtbot.waitSignal(dialog.open_requested) as opened:
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [found.document.id, found.annotation.anchor.start]
    with qtbot.waitSignal(dialog.open_requested) as opened:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert opened.args == [found.document.id, found.annotation.anchor.start]
