"""The structure legend: counts per kind, toggles that say which kinds to show, remembered across starts."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app import ingest
from app import settings as prefs
from app.analysis import analyze
from app.highlights import KINDS, counts, highlights

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.reader.structure_legend import StructureLegend, highlight_colour
from ui.theme import DARK, LIGHT

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "lancashire-scrutiny-2015-07-17.txt"
EVERY_KIND = {kind.key for kind in KINDS}


def _legend(qtbot: QtBot, settings: prefs.Settings | None = None) -> StructureLegend:
    legend = StructureLegend(settings)
    qtbot.addWidget(legend)
    legend.show()
    qtbot.waitExposed(legend)
    return legend


def test_counts_of_a_real_paper_are_shown(qtbot: QtBot) -> None:
    doc = ingest.load(DEMO)
    tally = counts(highlights(analyze(doc), doc))
    legend = _legend(qtbot)
    legend.set_counts(tally)
    legend.resize(legend.sizeHint())  # as a pane with room would
    assert legend.buttons["item"].text() == "Items 7"
    assert legend.buttons["attendance"].text() == "Attendance 12"
    assert legend.buttons["resolution"].text() == f"Resolutions {tally['resolution']}"
    assert legend.buttons["item"].accessibleName() == "Items highlights, 7 found"
    assert "7 in this paper" in legend.buttons["item"].toolTip()


def test_a_kind_the_paper_lacks_is_greyed_out(qtbot: QtBot) -> None:
    legend = _legend(qtbot)
    legend.set_counts({"item": 4, "resolution": 2})
    assert legend.buttons["action"].text() == "Actions 0"
    assert not legend.buttons["action"].isEnabled()
    assert legend.buttons["item"].isEnabled()
    assert legend.buttons["action"].isChecked()  # still shown when the next paper has some


def test_a_narrow_legend_keeps_swatches_and_counts(qtbot: QtBot) -> None:
    pane = QWidget()  # laid out as in the reader: the legend, then room to spare
    qtbot.addWidget(pane)
    legend = StructureLegend()
    row = QHBoxLayout(pane)
    row.addWidget(legend)
    row.addStretch(1)
    legend.set_counts({"item": 11, "resolution": 2, "attendance": 14})
    full = legend.sizeHint().width()
    pane.resize(full + 100, 40)
    pane.show()
    qtbot.waitExposed(pane)
    assert legend.width() == full
    assert legend.buttons["resolution"].text() == "Resolutions 2"
    assert legend.title.isVisible()
    pane.resize(full - 20, 40)  # the caption gives way first
    qtbot.waitUntil(legend.title.isHidden)
    assert legend.buttons["resolution"].text() == "Resolutions 2"
    pane.resize(full // 2, 40)
    qtbot.waitUntil(lambda: legend.buttons["resolution"].text() == "2")
    assert legend.buttons["attendance"].text() == "14"
    assert legend.title.isHidden()
    assert "resolutions" in legend.buttons["resolution"].toolTip()  # the name is still there to hover
    assert legend.buttons["resolution"].accessibleName() == "Resolutions highlights, 2 found"
    pane.resize(full + 100, 40)
    qtbot.waitUntil(lambda: legend.buttons["resolution"].text() == "Resolutions 2")
    assert not legend.title.isHidden()


def test_toggling_a_kind_emits_the_kinds_to_show(qtbot: QtBot) -> None:
    legend = _legend(qtbot)
    legend.set_counts(dict.fromkeys(EVERY_KIND, 3))
    assert legend.shown_kinds() == EVERY_KIND
    with qtbot.waitSignal(legend.kinds_changed) as changed:
        qtbot.mouseClick(legend.buttons["attendance"], Qt.MouseButton.LeftButton)
    assert changed.args == [EVERY_KIND - {"attendance"}]
    assert legend.buttons["resolution"].focusPolicy() & Qt.FocusPolicy.TabFocus
    legend.buttons["resolution"].setFocus()
    with qtbot.waitSignal(legend.kinds_changed) as changed:
        qtbot.keyClick(legend.buttons["resolution"], Qt.Key.Key_Space)
    assert changed.args == [EVERY_KIND - {"attendance", "resolution"}]
    with qtbot.waitSignal(legend.kinds_changed) as changed:
        qtbot.mouseClick(legend.buttons["attendance"], Qt.MouseButton.LeftButton)
    assert changed.args == [EVERY_KIND - {"resolution"}]


def test_setting_the_kinds_emits_once_and_only_on_change(qtbot: QtBot) -> None:
    legend = _legend(qtbot)
    emitted: list[set[str]] = []
    legend.kinds_changed.connect(emitted.append)
    legend.set_shown_kinds({"item", "action"})
    legend.set_shown_kinds({"action", "item"})
    assert emitted == [{"item", "action"}]
    assert [key for key, button in legend.buttons.items() if button.isChecked()] == ["item", "action"]


def test_hidden_kinds_are_remembered_for_the_next_start(qtbot: QtBot, tmp_path: Path) -> None:
    legend = _legend(qtbot, prefs.Settings(tmp_path))
    legend.set_counts(dict.fromkeys(EVERY_KIND, 1))
    qtbot.mouseClick(legend.buttons["meeting"], Qt.MouseButton.LeftButton)
    again = _legend(qtbot, prefs.Settings(tmp_path))
    assert again.shown_kinds() == EVERY_KIND - {"meeting"}
    assert not again.buttons["meeting"].isChecked()


def test_highlight_colours_are_translucent_and_stronger_on_dark_paper(qtbot: QtBot) -> None:
    light, dark = highlight_colour("resolution"), highlight_colour("resolution", dark=True)
    assert light.rgb() == dark.rgb() == QColor("#009e73").rgb()
    assert 0 < light.alphaF() < dark.alphaF() < 0.6
    legend = _legend(qtbot)
    before = legend.buttons["item"].icon().pixmap(14, 14).toImage()
    legend.set_theme(DARK)
    assert legend.buttons["item"].icon().pixmap(14, 14).toImage() != before
    legend.set_theme(LIGHT)
    assert legend.buttons["item"].icon().pixmap(14, 14).toImage() == before
