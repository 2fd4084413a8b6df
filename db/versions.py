"""Versions of one paper: finding the document a new import supersedes, and recording it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

from db import annotations as annotations_db


def previous_version(db: sqlite_utils.Database, document_id: int) -> int | None:
    """The current document this one is a new version of: the same file path (unless the
    meeting dates say otherwise), or the same council, body, meeting date and kind."""
    row = db.execute(
        """SELECT new.id, new.sha256, new.path, new.council, new.body, new.meeting_date, new.kind
           FROM documents new WHERE new.id = ?""",
        [document_id],
    ).fetchone()
    if row is None:
        return None
    keys = dict(zip(("id", "sha", "path", "council", "body", "date", "kind"), row, strict=True))
    found = db.execute(
        """SELECT id FROM documents
           WHERE id != :id AND sha256 != :sha AND replaced_by IS NULL
             AND ((path = :path AND (:date IS NULL OR meeting_date IS NULL OR meeting_date = :date))
                  OR (:council IS NOT NULL AND :date IS NOT NULL AND :kind != 'unknown'
                      AND council = :council AND body IS :body AND meeting_date = :date AND kind = :kind))
           ORDER BY path = :path DESC, imported_at DESC, id DESC LIMIT 1""",
        keys,
    ).fetchone()
    return None if found is None else int(found[0])


def current_by_path(db: sqlite_utils.Database, path: str) -> int | None:
    """The newest not-superseded document imported from `path`."""
    found = db.execute(
        "SELECT id FROM documents WHERE path = ? ORDER BY replaced_by IS NULL DESC, id DESC LIMIT 1",
        [path],
    ).fetchone()
    return None if found is None else int(found[0])


def replaced_by(db: sqlite_utils.Database, document_id: int) -> int | None:
    found = db.execute("SELECT replaced_by FROM documents WHERE id = ?", [document_id]).fetchone()
    return None if found is None or found[0] is None else int(found[0])


def supersede(
    db: sqlite_utils.Database, old_id: int, new_id: int, placements: Iterable[dict[str, Any]]
) -> None:
    """Move the old version's annotations to their new places and mark it replaced, together."""
    with db.atomic():
        annotations_db.place(db, placements)
        db.execute("UPDATE documents SET replaced_by = ? WHERE id = ?", [new_id, old_id])


def superseded(db: sqlite_utils.Database) -> dict[int, int]:
    """Every superseded document and the one that replaced it."""
    rows = db.execute("SELECT id, replaced_by FROM documents WHERE replaced_by IS NOT NULL")
    return {int(old): int(new) for old, new in rows}
