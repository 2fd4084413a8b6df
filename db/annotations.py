"""Reads and writes of annotations, each write one transaction (tags included)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # types only: sqlite_utils loads with the library, after the first paint
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


def search(
    db: sqlite_utils.Database,
    *,
    document_id: int | None = None,
    tags: Iterable[str] = (),
    values: dict[str, Iterable[str]] | None = None,
    meeting: dict[str, str | None] | None = None,
    text: str = "",
) -> list[dict[str, Any]]:
    """Annotations across the library matching every given condition: carrying any of `tags`;
    with a column (colour, kind, state) among `values[column]`; of a document whose council or
    body is `meeting[...]` and meeting date is within `meeting["from"]`..`meeting["to"]`;
    with `text` in quote or note. Newest meetings first, then reading order."""
    where, params = _conditions(document_id, list(tags), values or {}, meeting or {}, text)
    rows = db.execute(
        f"""SELECT {', '.join(f'a.[{column}]' for column in COLUMNS)} FROM annotations a
            JOIN documents d ON d.id = a.document_id
            WHERE {' AND '.join(where) or '1'}
            ORDER BY coalesce(d.meeting_date, '') DESC, d.id, a.start IS NOT NULL, a.start, a.created""",
        params,
    ).fetchall()
    return _with_tags(db, rows)


def _conditions(
    document_id: int | None,
    tags: list[str],
    values: dict[str, Iterable[str]],
    meeting: dict[str, str | None],
    text: str,
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if document_id is not None:
        where.append("a.document_id = ?")
        params.append(document_id)
    if tags:
        where.append(
            "a.id IN (SELECT at.annotation_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id "
            f"WHERE t.name IN ({', '.join('?' for _ in tags)}))"
        )
        params += tags
    for column in ("colour", "kind", "state"):
        wanted = list(values.get(column, ()))
        if wanted:
            where.append(f"a.{column} IN ({', '.join('?' for _ in wanted)})")
            params += wanted
    for key, clause in (
        ("council", "d.council = ? COLLATE NOCASE"),
        ("body", "d.body = ? COLLATE NOCASE"),
        ("from", "d.meeting_date >= ?"),
        ("to", "d.meeting_date <= ?"),
    ):
        if meeting.get(key):
            where.append(clause)
            params.append(meeting[key])
    if text:
        where.append("(instr(lower(a.quote), lower(?)) OR instr(lower(a.note), lower(?)))")
        params += [text, text]
    return where, params


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


def delete(db: sqlite_utils.Database, annotation_ids: Iterable[str]) -> None:
    """Delete annotations (their tag links go with them) all together, as one transaction."""
    with db.atomic():
        db.conn.executemany("DELETE FROM annotations WHERE id = ?", [[each] for each in annotation_ids])


def without_quads(
    db: sqlite_utils.Database, annotation_ids: Iterable[str] | None = None, document_id: int | None = None
) -> list[dict[str, Any]]:
    """Placed annotations on PDFs whose boxes on the page are not known yet (of `annotation_ids`
    and/or `document_id`, when given): id, document_id, start, end, by document then position."""
    where = ["a.quads IS NULL", "a.start IS NOT NULL", "a.state != 'orphaned'", "d.format = 'pdf'"]
    params: list[Any] = []
    if annotation_ids is not None:
        wanted = list(annotation_ids)
        where.append(f"a.id IN ({', '.join('?' for _ in wanted)})")
        params += wanted
    if document_id is not None:
        where.append("a.document_id = ?")
        params.append(document_id)
    rows = db.execute(
        f"""SELECT a.id, a.document_id, a.start, a.[end] FROM annotations a
            JOIN documents d ON d.id = a.document_id WHERE {' AND '.join(where)}
            ORDER BY a.document_id, a.start""",
        params,
    ).fetchall()
    return [dict(zip(("id", "document_id", "start", "end"), row, strict=True)) for row in rows]


def set_quads(db: sqlite_utils.Database, found: Iterable[dict[str, Any]]) -> list[str]:
    """Store worked-out boxes (id, document_id, start, end, quads as JSON) in one transaction, each
    only if the annotation still has none and sits where they were worked out for; the ids stored."""
    stored = []
    with db.atomic():
        for row in found:
            cursor = db.execute(
                "UPDATE annotations SET quads = ? WHERE id = ? AND quads IS NULL AND document_id = ? "
                "AND start = ? AND [end] = ?",
                [row["quads"], row["id"], row["document_id"], row["start"], row["end"]],
            )
            if cursor.rowcount:
                stored.append(row["id"])
    return stored
