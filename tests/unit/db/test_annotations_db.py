"""Annotation and tag storage: one transaction per write, tags made on the fly, cascades."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from db import annotations as annotations_db
from db import tags as tags_db
from db.connection import open_database


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = open_database(tmp_path / "lib.sqlite3")
    with database.atomic():
        database.execute(
            "INSERT INTO documents (id, sha256, path, format, title, imported_at) "
            "VALUES (1, 'abc', '/p.txt', 'txt', 'Minutes', 'now')"
        )
    yield database
    database.close()


def _record(annotation_id: str, start: int | None = 0, **fields: Any) -> dict[str, Any]:
    record = {
        "id": annotation_id,
        "document_id": 1,
        "kind": "highlight",
        "start": start,
        "end": None if start is None else start + 5,
        "quote": "Clerk",
        "prefix": "",
        "suffix": " reported",
        "page": 1,
        "quads": None,
        "colour": "yellow",
        "note": "",
        "state": "anchored",
        "created": "2026-01-01T00:00:00",
        "modified": "2026-01-01T00:00:00",
    }
    return {**record, **fields}


def test_insert_with_tags_reads_back_whole(db: sqlite_utils.Database) -> None:
    tag_ids = annotations_db.insert(db, _record("a1", note="check"), ["Planning", "budget"])
    assert len(tag_ids) == 2
    stored = annotations_db.get(db, "a1")
    assert stored is not None
    assert stored["note"] == "check" and stored["tags"] == ["budget", "Planning"]


def test_tags_are_shared_case_insensitively(db: sqlite_utils.Database) -> None:
    annotations_db.insert(db, _record("a1"), ["Planning"])
    annotations_db.insert(db, _record("a2", start=10), ["planning"])
    listed = tags_db.list_with_counts(db)
    assert [(tag["name"], tag["count"]) for tag in listed] == [("Planning", 2)]


def test_failed_insert_leaves_no_half_written_annotation(db: sqlite_utils.Database) -> None:
    annotations_db.insert(db, _record("a1"), ["kept"])
    # A duplicate id fails after nothing else was written: neither row nor new tag may remain.
    with pytest.raises(Exception, match="UNIQUE"), db.atomic():
        tags_db.attach(db, "a1", ["half"])
        annotations_db.insert(db, _record("a1"), [])
    assert annotations_db.get(db, "a1")["tags"] == ["kept"]  # type: ignore[index]
    assert [tag["name"] for tag in tags_db.list_with_counts(db)] == ["kept"]


def test_reading_order_puts_document_notes_first(db: sqlite_utils.Database) -> None:
    annotations_db.insert(db, _record("late", start=50))
    annotations_db.insert(db, _record("early", start=3))
    annotations_db.insert(db, _record("whole", start=None, kind="note", quote=""))
    assert [row["id"] for row in annotations_db.for_document(db, 1)] == ["whole", "early", "late"]


def test_delete_removes_tag_links_but_keeps_tags(db: sqlite_utils.Database) -> None:
    annotations_db.insert(db, _record("a1"), ["budget"])
    annotations_db.delete(db, ["a1"])
    assert annotations_db.get(db, "a1") is None
    assert db.execute("SELECT count(*) FROM annotation_tags").fetchone()[0] == 0
    assert [(t["name"], t["count"]) for t in tags_db.list_with_counts(db)] == [("budget", 0)]


def test_update_refuses_placement_fields(db: sqlite_utils.Database) -> None:
    annotations_db.insert(db, _record("a1"))
    with pytest.raises(ValueError, match="start"):
        annotations_db.update(db, "a1", {"start": 9})
    annotations_db.update(db, "a1", {"colour": "green", "note": "n"})
    stored = annotations_db.get(db, "a1")
    assert stored is not None and (stored["colour"], stored["note"]) == ("green", "n")


def test_deleting_a_document_deletes_its_annotations(db: sqlite_utils.Database) -> None:
    annotations_db.insert(db, _record("a1"), ["budget"])
    with db.atomic():
        db.execute("DELETE FROM documents WHERE id = 1")
    assert annotations_db.for_document(db, 1) == []
