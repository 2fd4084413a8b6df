"""Reads and writes of annotations, each write one transaction (tags included)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

from db import tags as tags_db

COLUMNS = (
    "id",
    "document_id",
    "kind",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "page",
    "quads",
    "colour",
    "note",
    "state",
    "created",
    "modified",
)
EDITABLE = frozenset({"kind", "colour", "note", "modified"})
PLACEMENT = ("document_id", "start", "end", "quote", "prefix", "suffix", "page", "quads", "state")

_SELECT = f"SELECT {', '.join(f'[{column}]' for column in COLUMNS)} FROM annotations"


def _with_tags(db: sqlite_utils.Database, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    records = [dict(zip(COLUMNS, row, strict=True)) for row in rows]
    names = tags_db.names_by_annotation(db, (record["id"] for record in records))
    for record in records:
        record["tags"] = names[record["id"]]
    return records


def insert(db: sqlite_utils.Database, record: dict[str, Any], tags: Iterable[str] = ()) -> set[int]:
    """Store one annotation and its tags together; return the ids of its tags."""
    with db.atomic():
        db.execute(
            f"INSERT INTO annotations ({', '.join(f'[{c}]' for c in COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in COLUMNS)})",
            [record[column] for column in COLUMNS],
        )
        return tags_db.attach(db, record["id"], tags)


def get(db: sqlite_utils.Database, annotation_id: str) -> dict[str, Any] | None:
    rows = db.execute(f"{_SELECT} WHERE id = ?", [annotation_id]).fetchall()
    found = _with_tags(db, rows)
    return found[0] if found else None


def for_document(db: sqlite_utils.Database, document_id: int) -> list[dict[str, Any]]:
    """A document's annotations in reading order; whole-document notes and orphans first."""
    rows = db.execute(
        f"{_SELECT} WHERE document_id = ? ORDER BY start IS NOT NULL, start, [end], created",
        [document_id],
    ).fetchall()
    return _with_tags(db, rows)


def update(db: sqlite_utils.Database, annotation_id: str, fields: dict[str, Any]) -> None:
    """Change editable fields (kind, colour, note, modified) of one annotation."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    assignments = ", ".join(f"[{name}] = ?" for name in fields)
    with db.atomic():
        db.execute(
            f"UPDATE annotations SET {assignments} WHERE id = ?", [*fields.values(), annotation_id]
        )


def place(db: sqlite_utils.Database, placements: Iterable[dict[str, Any]]) -> None:
    """Move annotations (to another document or position) all together, as one transaction."""
    assignments = ", ".join(f"[{name}] = ?" for name in PLACEMENT)
    with db.atomic():
        for placement in placements:
            db.execute(
                f"UPDATE annotations SET {assignments} WHERE id = ?",
                [*(placement[name] for name in PLACEMENT), placement["id"]],
            )


def delete(db: sqlite_utils.Database, annotation_id: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
