"""The library list: grouping and order, model consistency (qtmodeltester), filtering as you type."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.model import Document

from PySide6.QtCore import Qt

from ui.models.library_model import DOCUMENT_ID_ROLE, OTHER_PAPERS, LibraryModel
from ui.panels.library_panel import LibraryPanel


def paper(
    number: int, title: str, council: str | None = None, body: str | None = None, when: str | None = None
) -> Document:
    return Document(
        id=number,
        sha256=f"{number:064x}",
        path=f"/papers/{number}.pdf",
        format="pdf",
        title=title,
        council=council,
        body=body,
        meeting_date=when,
        kind="minutes",
        pages=number,
        text_length=1000,
        imported_at="2026-01-01T00:00:00+00:00",
        annotation_count=number % 3,
    )


PAPERS = [
    paper(1, "Planning committee, March", "Oxford City Council", "Planning", "2024-03-12"),
    paper(2, "Planning committee, June", "Oxford City Council", "Planning", "2024-06-04"),
    paper(3, "Full council", "Oxford City Council", None, "2023-11-20"),
    paper(4, "Notes from a scan", None, None, None),
    paper(5, "Annual parish meeting", "Souldern Parish Council", None, "2024-05-23"),
    paper(6, "Regulatory committee", "Napier City Council", "Regulatory", "2019-02-19"),
    paper(7, "Undated planning agenda", "Oxford City Council", "Planning", None),
    paper(8, "Parish council, May", "Souldern Parish Council", "Souldern parish council", "2016-05-19"),
]


def shown(model: LibraryModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_documents_are_grouped_by_council_and_body_newest_first_other_papers_last() -> None:
    model = LibraryModel()
    model.set_documents(PAPERS)
    assert shown(model) == [
        "Napier City Council · Regulatory",
        "Regulatory committee",
        "Oxford City Council",
        "Full council",
        "Oxford City Council · Planning",
        "Planning committee, June",
        "Planning committee, March",
        "Undated planning agenda",
        "Souldern Parish Council",
        "Annual parish meeting",
        "Parish council, May",
        OTHER_PAPERS,
        "Notes from a scan",
    ]
    june = model.row_of(2)
    assert june is not None
    assert [model.index(june, column).data() for column in range(5)] == [
        "Planning committee, June",
        "4 Jun 2024",
        "PDF",
        "2",
        "2",
    ]
    assert model.index(model.row_of(4) or 0, 1).data() == "—"


def test_model_passes_qtmodeltester_while_documents_come_and_go(qtmodeltester: ModelTester) -> None:
    model = LibraryModel()
    qtmodeltester.check(model, force_py=True)
    model.set_documents(PAPERS[:3])
    model.update_documents(PAPERS[3:])  # new groups appear
    model.update_documents(
        [replace(PAPERS[0], council="Cherwell District Council", body=None)]
    )  # moves group
    model.remove_document(5)
    model.remove_document(8)  # its group empties and goes
    assert "Souldern Parish Council" not in shown(model)
    assert "Cherwell District Council" in shown(model)
    assert sorted(d.id for d in model.documents()) == [1, 2, 3, 4, 6, 7]


def test_group_rows_cannot_be_selected_and_carry_no_document() -> None:
    model = LibraryModel()
    model.set_documents(PAPERS)
    header = model.index(0, 0)
    assert header.data(DOCUMENT_ID_ROLE) is None
    assert not model.flags(header) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert model.document_at(0) is None
    assert model.document_at(1) == PAPERS[5]


def test_filter_box_filters_as_you_type(qtbot: QtBot) -> None:
    model = LibraryModel()
    model.set_documents(PAPERS)
    panel = LibraryPanel(model)
    qtbot.addWidget(panel)
    assert panel.count.text() == "8 papers"

    qtbot.keyClicks(panel.filter, "planning")
    rows = [panel.proxy.index(row, 0).data() for row in range(panel.proxy.rowCount())]
    assert rows == [
        "Oxford City Council · Planning",
        "Planning committee, June",
        "Planning committee, March",
        "Undated planning agenda",
    ]
    assert panel.count.text() == "3 of 8 papers"

    qtbot.keyClicks(panel.filter, " jun")  # every word must match: title word and month
    rows = [panel.proxy.index(row, 0).data() for row in range(panel.proxy.rowCount())]
    assert rows == ["Oxford City Council · Planning", "Planning committee, June"]

    panel.filter.clear()
    assert panel.proxy.rowCount() == model.rowCount()


def test_filter_matches_council_names_and_dates(qtbot: QtBot) -> None:
    model = LibraryModel()
    model.set_documents(PAPERS)
    panel = LibraryPanel(model)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.filter, "napier 2019")
    assert panel.proxy.rowCount() == 2
    panel.filter.setText("no such council")
    assert panel.proxy.rowCount() == 0
    assert panel.count.text() == "0 of 8 papers"


def test_choosing_a_document_row_emits_its_id(qtbot: QtBot) -> None:
    model = LibraryModel()
    model.set_documents(PAPERS)
    panel = LibraryPanel(model)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.document_chosen) as chosen:
        panel.select(5)
    assert chosen.args == [5]
    assert panel.selected_id() == 5


def test_a_title_that_only_repeats_its_group_shows_the_kind_of_paper() -> None:
    model = LibraryModel()
    repeated = paper(9, "Scrutiny Committee minutes", "Lancashire County Council", "Scrutiny Committee")
    model.set_documents([repeated, PAPERS[0]])
    titles = shown(model)
    assert "Minutes" in titles
    assert "Planning committee, March" in titles
