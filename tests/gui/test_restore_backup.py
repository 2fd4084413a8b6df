"""File > Restore from backup: backups listed newest first; restore only after confirming; result shown."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app import paths

from PySide6.QtCore import Qt

from ui.dialogs.restore_backup import RestoreBackupDialog, readable_size
from ui.tasks import Tasks

from tests.gui.annotation_support import annotate_phrase, call, import_demo, wait_idle


def notes(tasks: Tasks, qtbot: QtBot, document_id: int) -> list[str]:
    return call(tasks, qtbot, lambda library: [a.note for a in library.annotations(document_id)])


def opened(tasks: Tasks, qtbot: QtBot) -> RestoreBackupDialog:
    dialog = RestoreBackupDialog(tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reload()
    wait_idle(tasks, qtbot)
    return dialog


def test_restores_the_chosen_backup_after_confirmation(tasks: Tasks, qtbot: QtBot) -> None:
    document_id = import_demo(tasks, qtbot)
    annotate_phrase(tasks, qtbot, document_id, "No apologies", note="in the backup")
    made = call(tasks, qtbot, lambda library: library.backup_now())
    annotate_phrase(tasks, qtbot, document_id, "taxi licensing", note="after the backup")
    dialog = opened(tasks, qtbot)
    assert dialog.list.topLevelItemCount() == 1 and dialog.chosen() == made
    assert dialog.list.topLevelItem(0).text(1) == readable_size(made.stat().st_size)  # type: ignore[union-attr]

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.confirmation.isVisible()
    assert notes(tasks, qtbot, document_id) == ["in the backup", "after the backup"]  # not yet
    with qtbot.waitSignal(dialog.restored) as restored:
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    aside = restored.args[0]
    assert isinstance(aside, Path) and aside.is_file() and str(aside) in dialog.result_label.text()
    assert notes(tasks, qtbot, document_id) == ["in the backup"]


def test_a_damaged_backup_changes_nothing_and_says_why(tasks: Tasks, qtbot: QtBot) -> None:
    document_id = import_demo(tasks, qtbot)
    annotate_phrase(tasks, qtbot, document_id, "No apologies", note="still here")
    folder = paths.profile().backups
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "library-20260101-090000.sqlite3").write_bytes(b"garbage" * 500)
    dialog = opened(tasks, qtbot)
    dialog.ask()
    dialog.confirm_button.click()
    wait_idle(tasks, qtbot)
    assert dialog.result_label.text().startswith("Nothing was changed:")
    assert notes(tasks, qtbot, document_id) == ["still here"]


def test_no_backups_yet(tasks: Tasks, qtbot: QtBot) -> None:
    dialog = opened(tasks, qtbot)
    assert dialog.list.topLevelItemCount() == 0 and not dialog.restore_button.isEnabled()
    assert "no backups yet" in dialog.result_label.text()
