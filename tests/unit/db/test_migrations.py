"""Each schema step upgrades a database built at the previous version, keeping its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import migrations
from db.connection import open_database


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_new_database_reaches_latest_version(tmp_path: Path) -> None:
    db = open_database(tmp_path / "lib.sqlite3")
    assert migrations.version(db) == migrations.LATEST
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    db.close()


def test_step_1_creates_library_tables(tmp_path: Path) -> None:
    db = open_database(tmp_path / "lib.sqlite3", migrate=False)
    assert migrations.upgrade(db, target=1) == 1
    db.close()
    assert {"documents", "document_texts", "annotations", "tags", "annotation_tags"} <= _tables(
        tmp_path / "lib.sqlite3"
    )


def test_step_2_adds_analyses_and_keeps_documents(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    db = open_database(path, migrate=False)
    migrations.upgrade(db, target=1)
    with db.atomic():
        db.execute(
            "INSERT INTO documents (sha256, path, format, title, imported_at) "
            "VALUES ('abc', 'p', 'txt', 'T', 'now')"
        )
    db.close()
    db = open_database(path)
    assert migrations.version(db) == migrations.LATEST
    assert "analyses" in _tables(path)
    assert db.execute("SELECT title FROM documents").fetchall() == [("T",)]
    db.close()


def test_failed_step_leaves_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(tmp_path / "lib.sqlite3", migrate=False)
    migrations.upgrade(db, target=1)

    def broken(database: object) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS[:1], broken))
    with pytest.raises(RuntimeError):
        migrations.upgrade(db, target=2)
    assert migrations.version(db) == 1
    assert "half_done" not in _tables(tmp_path / "lib.sqlite3")
    db.close()


def test_database_from_newer_quorum_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    with pytest.raises(migrations.SchemaTooNew):
        open_database(path)
