"""The outline dock: items with their decisions and actions; jumps on click and Enter; follows the reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import ingest
from app.analysis import analyze
from app.model import Action, Analysis, DocumentText, Item, Meeting, Span

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from ui.models.outline_model import KIND_ROLE, OFFSET_ROLE, OTHER_DECISIONS, OutlineModel
from ui.panels.outline_panel import OutlinePanel

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "lancashire-scrutiny-2015-07-17.txt"


@pytest.fixture(scope="module")
def paper() -> tuple[DocumentText, Analysis]:
    doc = ingest.load(DEMO)
    return doc, analyze(doc)


@pytest.fixture
def panel(qtbot: QtBot, paper: tuple[DocumentText, Analysis]) -> OutlinePanel:
    widget = OutlinePanel()
    qtbot.addWidget(widget)
    widget.resize(380, 640)
    widget.set_analysis(paper[1])
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def _row(panel: OutlinePanel, text: str, parent: QModelIndex | None = None) -> QModelIndex:
    """The view's index of the row (under `parent`) whose text starts with `text`."""
    parent = parent or QModelIndex()
    for row in range(panel.proxy.rowCount(parent)):
        index = panel.proxy.index(row, 0, parent)
        if index.data().startswith(text):
            return index
    raise AssertionError(f"no row {text!r} in {_texts(panel.proxy, parent)}")


def _click(qtbot: QtBot, panel: OutlinePanel, index: QModelIndex, double: bool = False) -> None:
    panel.view.scrollTo(index)
    click = qtbot.mouseDClick if double else qtbot.mouseClick
    click(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(index).center())


def test_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, paper: tuple[DocumentText, Analysis]
) -> None:
    model = OutlineModel()
    model.set_analysis(paper[1])
    qtmodeltester.check(model, force_py=True)
    model.set_analysis(None)
    qtmodeltester.check(model, force_py=True)


def test_items_carry_their_decisions_under_the_meeting(paper: tuple[DocumentText, Analysis]) -> None:
    model = OutlineModel()
    model.set_analysis(paper[1])
    assert _texts(model) == [
        "Meeting",
        "1  Apologies",
        "2  Disclosure of Pecuniary and Non-Pecuniary Interests",
        "3  Minutes of the Meeting held on 19 June 2015",
        "4  Lancashire Safeguarding Children Board Update",
        "5  Work Plan and Task Group Update",
        "6  Urgent Business",
        "7  Date of Next Meeting",
    ]
    details = _texts(model, model.index(0, 0))
    assert details[0] == "Date: Friday 17 July 2015, 10:30"
    assert details[1].startswith("Venue: Cabinet Room 'B'")
    assert details[2] == "Chair: Bill Winlow"
    assert details[3] == "Attendance: 12 present · 0 apologies"
    who = model.index(3, 0, model.index(0, 0)).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>Present:</b> Bill Winlow (Chair), A Barnes, D O&#x27;Toole" in who
    fourth = paper[1].items[3]
    decisions = _texts(model, model.index(4, 0))
    assert len(decisions) == len(fourth.resolutions) + len(fourth.actions)
    assert all(text.startswith(("Resolved: ", "Action")) for text in decisions)
    # The label ("Resolved; That:") and the first point's number ("- (i)") are left out.
    assert any(text.startswith("Resolved: the update provided by the Lancashire") for text in decisions)
    assert _texts(model, model.index(5, 0)) == ["Resolved: the work plan and task group update be noted."]
    item = model.index(4, 0)
    assert item.data(KIND_ROLE) == "item"
    assert item.data(OFFSET_ROLE) == paper[1].items[3].start
    assert model.index(0, 0, item).data(OFFSET_ROLE) == paper[1].items[3].resolutions[0].start


def test_actions_and_decisions_outside_items(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    gate = Action("ACTION: Clerk to order a new gate", "Clerk", 150, 180)
    analysis = Analysis(
        meeting=Meeting(),
        items=(Item("5", "Play area", 100, 300, 2, actions=(gate,)),),
        resolutions=(Span("RESOLVED that the accounts be approved", 20, 60),),
    )
    model = OutlineModel()
    model.set_analysis(analysis)
    assert _texts(model) == ["5  Play area", OTHER_DECISIONS]  # no meeting details: no meeting row
    assert _texts(model, model.index(0, 0)) == ["Action (Clerk): Clerk to order a new gate"]
    assert "Page 2" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert _texts(model, model.index(1, 0)) == ["Resolved: the accounts be approved"]
    assert model.index(1, 0).data(OFFSET_ROLE) == 20
    qtmodeltester.check(model, force_py=True)


def test_clicking_a_row_asks_to_jump_to_its_passage(
    qtbot: QtBot, panel: OutlinePanel, paper: tuple[DocumentText, Analysis]
) -> None:
    items = paper[1].items
    with qtbot.waitSignal(panel.jump_requested) as jump:
        _click(qtbot, panel, _row(panel, "5  Work Plan"))
    assert jump.args == [items[4].start]
    decision = _row(panel, "Resolved: the update provided", _row(panel, "4  Lancashire"))
    with qtbot.waitSignal(panel.jump_requested) as jump:
        _click(qtbot, panel, decision)
    assert "the update provided by the Lancashire" in paper[0].text[jump.args[0] : jump.args[0] + 80]
    assert jump.args[0] in [span.start for span in items[3].resolutions]


def test_a_double_click_jumps_once(qtbot: QtBot, panel: OutlinePanel) -> None:
    index = _row(panel, "6  Urgent")
    jumps: list[int] = []
    panel.jump_requested.connect(jumps.append)
    _click(qtbot, panel, index)
    _click(qtbot, panel, index, double=True)
    assert len(jumps) == 1


def test_enter_on_the_keyboard_jumps(
    qtbot: QtBot, panel: OutlinePanel, paper: tuple[DocumentText, Analysis]
) -> None:
    panel.view.setFocus()
    panel.view.setCurrentIndex(_row(panel, "1  Apologies"))
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.jump_requested) as jump:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert jump.args == [paper[1].items[1].start]


def test_down_from_the_filter_box_moves_into_the_list(
    qtbot: QtBot, panel: OutlinePanel, paper: tuple[DocumentText, Analysis]
) -> None:
    panel.filter.setFocus()
    qtbot.keyClicks(panel.filter, "urgent")
    qtbot.keyClick(panel.filter, Qt.Key.Key_Down)
    assert panel.view.hasFocus()
    assert panel.view.currentIndex().data() == "6  Urgent Business"
    with qtbot.waitSignal(panel.jump_requested) as jump:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert jump.args == [paper[1].items[5].start]


def test_the_current_item_follows_the_reader_without_jumping(
    qtbot: QtBot, panel: OutlinePanel, paper: tuple[DocumentText, Analysis]
) -> None:
    items = paper[1].items
    with qtbot.assertNotEmitted(panel.jump_requested):
        panel.set_current_offset(items[3].start + 5000)  # deep inside item 4
        assert panel.view.currentIndex().data().startswith("4  Lancashire")
        panel.set_current_offset(items[6].start)
        assert panel.view.currentIndex().data().startswith("7  Date")
        panel.set_current_offset(10)  # the title block, before any item
        assert panel.view.currentIndex().data() == "Meeting"
    # A decision chosen in item 4 stays chosen while the reader is still in item 4.
    decision = _row(panel, "Resolved: the update provided", _row(panel, "4  Lancashire"))
    panel.view.setCurrentIndex(decision)
    panel.set_current_offset(decision.data(OFFSET_ROLE) - 40)
    assert panel.view.currentIndex() == decision
    assert panel.current_offset() == decision.data(OFFSET_ROLE)


def test_filter_keeps_matching_rows_with_their_item(qtbot: QtBot, panel: OutlinePanel) -> None:
    qtbot.keyClicks(panel.filter, "work plan")
    assert _texts(panel.proxy) == ["5  Work Plan and Task Group Update"]
    decisions = _texts(panel.proxy, _row(panel, "5"))
    assert decisions == ["Resolved: the work plan and task group update be noted."]
    assert panel.count.text() == "1 of 7 items match"
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "PROVIDED BY the lancashire")  # a decision's words, in any case
    assert _texts(panel.proxy) == ["4  Lancashire Safeguarding Children Board Update"]
    assert [text[:29] for text in _texts(panel.proxy, _row(panel, "4"))] == ["Resolved: the update provided"]
    panel.filter.clear()
    assert len(_texts(panel.proxy)) == 8
    tally = panel.model.counts()
    summary = panel.count.text()
    assert summary.startswith("7 items · ")
    assert f"· {tally['resolution']} decision" in summary and f"· {tally['action']} action" in summary


def test_enter_in_the_filter_goes_to_the_first_match(
    qtbot: QtBot, panel: OutlinePanel, paper: tuple[DocumentText, Analysis]
) -> None:
    qtbot.keyClicks(panel.filter, "task group")
    with qtbot.waitSignal(panel.jump_requested) as jump:
        qtbot.keyClick(panel.filter, Qt.Key.Key_Return)
    assert jump.args == [paper[1].items[4].start]  # the item's title, before its decision
    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "provided by the Lancashire")  # only a decision says this
    with qtbot.waitSignal(panel.jump_requested) as jump:
        qtbot.keyClick(panel.filter, Qt.Key.Key_Return)
    assert "the update provided by the Lancashire" in paper[0].text[jump.args[0] : jump.args[0] + 80]
    assert panel.view.currentIndex().data().startswith("Resolved: the update provided")


def test_a_new_paper_starts_unfiltered(
    qtbot: QtBot, panel: OutlinePanel, paper: tuple[DocumentText, Analysis]
) -> None:
    qtbot.keyClicks(panel.filter, "work plan")
    assert len(_texts(panel.proxy)) == 1
    panel.set_analysis(paper[1])
    assert panel.filter.text() == ""
    assert len(_texts(panel.proxy)) == 8


def test_empty_states_say_why_there_is_no_outline(qtbot: QtBot, panel: OutlinePanel) -> None:
    panel.set_analysis(Analysis())
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.title.text() == "No agenda items were found in this paper"
    assert not panel.filter.isVisible()
    panel.set_analysis(None)
    assert panel.empty.title.text() == "No paper open"
    assert panel.count.text() == ""


def test_controls_have_accessible_names(panel: OutlinePanel) -> None:
    assert panel.view.accessibleName() == "Outline of the paper"
    assert panel.filter.accessibleName() == "Filter the outline"
    assert panel.view.focusPolicy() & Qt.FocusPolicy.TabFocus
