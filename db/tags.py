"""Reads and writes of tags and their links to annotations; tags are made on first use."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # types only: sqlite_utils loads with the library, after the first paint
    import sqlite_utils


def ensure(db: sqlite_utils.Database, name: str) -> int:
    """The id of the tag called `name` (case-insensitively), creating it if new."""
    with db.atomic():
        db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [name])
        row = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
    return int(row[0])


def attach(db: sqlite_utils.Database, annotation_id: str, names: Iterable[str]) -> set[int]:
    """Tag an annotation with every name (new tags made on the fly); return the tag ids."""
    ids: set[int] = set()
    with db.atomic():
        for name in names:
            tag_id = ensure(db, name)
            db.execute(
                "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                [annotation_id, tag_id],
            )
            ids.add(tag_id)
    return ids


def detach(db: sqlite_utils.Database, annotation_id: str, names: Iterable[str]) -> set[int]:
    """Remove the named tags from an annotation (the tags themselves stay); return their ids."""
    ids: set[int] = set()
    with db.atomic():
        for name in names:
            row = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
            if row is None:
                continue
            db.execute(
                "DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?",
                [annotation_id, row[0]],
            )
            ids.add(int(row[0]))
    return ids


def names_by_annotation(db: sqlite_utils.Database, annotation_ids: Iterable[str]) -> dict[str, list[str]]:
    """Each annotation's tag names, sorted case-insensitively."""
    wanted = list(annotation_ids)
    found: dict[str, list[str]] = {annotation_id: [] for annotation_id in wanted}
    # Chunked so a long list stays under SQLite's bound-parameter limit.
    for first in range(0, len(wanted), 500):
        chunk = wanted[first : first + 500]
        rows = db.execute(
            f"""SELECT at.annotation_id, t.name FROM annotation_tags at
                JOIN tags t ON t.id = at.tag_id
                WHERE at.annotation_id IN ({", ".join("?" for _ in chunk)})
                ORDER BY t.name COLLATE NOCASE""",
            chunk,
        ).fetchall()
        for annotation_id, name in rows:
            found[annotation_id].append(name)
    return found


def list_with_counts(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every tag with how many annotations carry it, by name (for completers and the tags manager)."""
    return list(
        db.query(
            """SELECT t.id, t.name, t.colour, count(at.annotation_id) AS count
               FROM tags t LEFT JOIN annotation_tags at ON at.tag_id = t.id
               GROUP BY t.id ORDER BY t.name COLLATE NOCASE"""
        )
    )


def get(db: sqlite_utils.Database, tag_id: int) -> dict[str, Any] | None:
    row = db.execute("SELECT id, name, colour FROM tags WHERE id = ?", [tag_id]).fetchone()
    return None if row is None else {"id": row[0], "name": row[1], "colour": row[2]}


def find(db: sqlite_utils.Database, name: str) -> int | None:
    row = db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()
    return None if row is None else int(row[0])


def tagged(db: sqlite_utils.Database, tag_id: int) -> list[str]:
    """The ids of the annotations carrying a tag."""
    rows = db.execute(
        "SELECT annotation_id FROM annotation_tags WHERE tag_id = ? ORDER BY annotation_id", [tag_id]
    )
    return [row[0] for row in rows]


def documents_of(db: sqlite_utils.Database, annotation_ids: Iterable[str]) -> set[int]:
    wanted = list(annotation_ids)
    found: set[int] = set()
    for first in range(0, len(wanted), 500):
        chunk = wanted[first : first + 500]
        rows = db.execute(
            f"SELECT DISTINCT document_id FROM annotations WHERE id IN ({', '.join('?' for _ in chunk)})",
            chunk,
        )
        found.update(int(row[0]) for row in rows)
    return found


def update(db: sqlite_utils.Database, tag_id: int, *, name: str, colour: str | None) -> None:
    with db.atomic():
        db.execute("UPDATE tags SET name = ?, colour = ? WHERE id = ?", [name, colour, tag_id])


def delete(db: sqlite_utils.Database, tag_id: int) -> None:
    """Delete a tag; its links to annotations go with it (the annotations stay)."""
    with db.atomic():
        db.execute("DELETE FROM tags WHERE id = ?", [tag_id])


def restore(db: sqlite_utils.Database, tag: dict[str, Any], annotation_ids: Iterable[str]) -> None:
    """Bring back a deleted or merged-away tag with its id and links, for undo (links to
    annotations deleted since are skipped)."""
    with db.atomic():
        db.execute(
            "INSERT INTO tags (id, name, colour) VALUES (?, ?, ?)", [tag["id"], tag["name"], tag["colour"]]
        )
        for annotation_id in annotation_ids:
            db.execute(
                "INSERT INTO annotation_tags (annotation_id, tag_id) "
                "SELECT id, ? FROM annotations WHERE id = ?",
                [tag["id"], annotation_id],
            )


def unlink(db: sqlite_utils.Database, tag_id: int, annotation_ids: Iterable[str]) -> None:
    with db.atomic():
        for annotation_id in annotation_ids:
            db.execute(
                "DELETE FROM annotation_tags WHERE annotation_id = ? AND tag_id = ?", [annotation_id, tag_id]
            )


def merge(db: sqlite_utils.Database, source_id: int, target_id: int) -> None:
    """Give every annotation tagged `source_id` the tag `target_id` instead, then delete the source."""
    with db.atomic():
        db.execute(
            "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) "
            "SELECT annotation_id, ? FROM annotation_tags WHERE tag_id = ?",
            [target_id, source_id],
        )
        db.execute("DELETE FROM tags WHERE id = ?", [source_id])
