"""Library.restore_backup: the open library switches to the backup; the current one is kept aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import backup
from app.library import Library
from app.paths import profile


def test_restore_switches_the_open_library_and_keeps_the_current_one(tmp_path: Path) -> None:
    paper = tmp_path / "minutes.txt"
    paper.write_text("Minutes\n1. The Clerk reported on the precept.\n", encoding="utf-8")
    library = Library(profile())
    document_id = library.import_file(paper).document.id
    library.annotate(document_id, 12, 21, note="kept in the backup")
    made = library.backup_now()
    assert library.backups() == [made]
    library.annotate(document_id, 22, 29, note="made after the backup")

    aside = library.restore_backup(made)

    assert [a.note for a in library.annotations(document_id)] == ["kept in the backup"]
    assert aside is not None and aside.is_file()
    library.close()


def test_a_damaged_backup_is_refused_and_the_library_stays_usable(tmp_path: Path) -> None:
    library = Library(profile())
    damaged = tmp_path / "library-20260101-000000.sqlite3"
    damaged.write_bytes(b"not a database at all" * 100)
    with pytest.raises(backup.BackupError):
        library.restore_backup(damaged)
    assert library.documents() == []
    library.close()
