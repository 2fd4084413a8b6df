"""Daily verified backups, the last seven kept, and restoring one without losing the current library."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import annotations as actions
from app import backup
from app.library import Library
from app.paths import profile

DAY = timedelta(days=1)
MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _annotated_library(tmp_path: Path) -> tuple[Library, str]:
    paper = tmp_path / "minutes.txt"
    paper.write_text("Minutes\n1. The Clerk reported on the precept.\n", encoding="utf-8")
    library = Library(profile())
    document_id = library.import_file(paper).document.id
    annotation, _ = library.annotate(document_id, 12, 21, note="ask about the precept", tags=["budget"])
    return library, annotation.id


def _notes(database: Path) -> list[str]:
    with sqlite3.connect(database) as conn:
        return [row[0] for row in conn.execute("SELECT note FROM annotations")]


def test_backup_is_a_verified_copy_of_the_library(tmp_path: Path) -> None:
    library, _ = _annotated_library(tmp_path)
    made = library.backup_now()
    library.close()
    assert made.parent == profile().backups and made.name.startswith("library-")
    backup.verify(made)
    assert _notes(made) == ["ask about the precept"]
    assert not list(made.parent.glob("*.partial"))


def test_at_most_one_backup_a_day(tmp_path: Path) -> None:
    library, _ = _annotated_library(tmp_path)
    folder = profile().backups
    assert backup.backup_if_due(library.db, folder, MONDAY) is not None
    assert backup.backup_if_due(library.db, folder, MONDAY + timedelta(hours=23)) is None
    assert backup.backup_if_due(library.db, folder, MONDAY + DAY) is not None
    # A clock set back must not stop backups until it catches up with the newest one.
    assert backup.backup_if_due(library.db, folder, MONDAY - 30 * DAY) is not None
    library.close()
    assert len(backup.backups(folder)) == 3


def test_only_the_last_seven_are_kept(tmp_path: Path) -> None:
    library, _ = _annotated_library(tmp_path)
    folder = profile().backups
    for day in range(10):
        backup.backup_if_due(library.db, folder, MONDAY + day * DAY)
    library.close()
    kept = backup.backups(folder)
    assert len(kept) == backup.KEEP
    assert kept[0].name == f"library-{(MONDAY + 3 * DAY).strftime(backup.STAMP)}.sqlite3"
    assert kept[-1].name == f"library-{(MONDAY + 9 * DAY).strftime(backup.STAMP)}.sqlite3"


def test_restore_brings_back_a_deleted_annotation_and_keeps_the_current_one_aside(tmp_path: Path) -> None:
    library, annotation_id = _annotated_library(tmp_path)
    made = library.backup_now()
    library.execute(actions.Delete((library.annotation(annotation_id),)))
    library.close()
    database = profile().database
    aside = backup.restore(database, made)
    assert aside is not None and _notes(aside) == []
    reopened = Library(profile())
    restored = reopened.annotation(annotation_id)
    reopened.close()
    assert restored.note == "ask about the precept" and restored.tags == ("budget",)


def test_a_damaged_backup_is_refused_and_the_library_left_alone(tmp_path: Path) -> None:
    library, _ = _annotated_library(tmp_path)
    made = library.backup_now()
    library.close()
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(made.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    not_a_library = tmp_path / "other.sqlite3"
    sqlite3.connect(not_a_library).execute("CREATE TABLE x (y)").connection.close()
    for bad in (damaged, not_a_library, tmp_path / "missing.sqlite3"):
        with pytest.raises(backup.BackupError):
            backup.restore(profile().database, bad)
    assert _notes(profile().database) == ["ask about the precept"]


def test_a_backup_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    library, _ = _annotated_library(tmp_path)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(backup.BackupError):
        backup.make_backup(library.db, blocked / "backups")
    library.close()
