"""Step 3 (document versions) upgrades a version-2 library, keeping its documents and annotations."""

from __future__ import annotations

from pathlib import Path

from db import migrations
from db.connection import open_database


def test_step_3_adds_replaced_by_and_keeps_annotations(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    db = open_database(path, migrate=False)
    migrations.upgrade(db, target=2)
    with db.atomic():
        db.execute(
            "INSERT INTO documents (id, sha256, path, format, title, imported_at) "
            "VALUES (1, 'abc', 'p', 'txt', 'T', 'now')"
        )
        db.execute(
            "INSERT INTO annotations (id, document_id, start, end, quote, created, modified) "
            "VALUES ('a1', 1, 0, 4, 'Town', 'now', 'now')"
        )
    db.close()
    db = open_database(path)
    assert migrations.version(db) >= 3
    assert db.execute("SELECT id, replaced_by FROM documents").fetchall() == [(1, None)]
    assert db.execute("SELECT quote, state FROM annotations").fetchall() == [("Town", "anchored")]
    db.close()
