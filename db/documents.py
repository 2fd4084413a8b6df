"""Reads and writes of library documents, their canonical text and analysis."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

DOCUMENT_COLUMNS = (
    "sha256",
    "path",
    "format",
    "title",
    "council",
    "body",
    "meeting_date",
    "kind",
    "pages",
    "text_length",
    "imported_at",
)


def find_by_sha256(db: sqlite_utils.Database, sha256: str) -> dict[str, Any] | None:
    rows = list(db["documents"].rows_where("sha256 = ?", [sha256], limit=1))
    return rows[0] if rows else None


WITH_COUNTS = """SELECT d.*, (SELECT count(*) FROM annotations a WHERE a.document_id = d.id)
                     AS annotation_count
                 FROM documents d"""


def get(db: sqlite_utils.Database, document_id: int) -> dict[str, Any] | None:
    """One document with its annotation count."""
    rows = list(db.query(f"{WITH_COUNTS} WHERE d.id = ?", [document_id]))
    return rows[0] if rows else None


def insert(
    db: sqlite_utils.Database,
    record: dict[str, Any],
    *,
    text: str,
    blocks: list[dict[str, Any]],
    pages: list[dict[str, Any]],
    warnings: list[str],
    analysis: dict[str, Any] | None = None,
    analysis_version: int = 0,
) -> int:
    """Add one document with its text (and analysis) in a single transaction; return its id."""
    with db.atomic():
        cursor = db.execute(
            f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in DOCUMENT_COLUMNS)})",
            [record[column] for column in DOCUMENT_COLUMNS],
        )
        document_id = int(cursor.lastrowid or 0)
        db.execute(
            "INSERT INTO document_texts (document_id, text, blocks, pages, warnings) "
            "VALUES (?, ?, ?, ?, ?)",
            [document_id, text, json.dumps(blocks), json.dumps(pages), json.dumps(warnings)],
        )
        if analysis is not None:
            save_analysis(db, document_id, analysis, analysis_version)
    return document_id


def save_analysis(
    db: sqlite_utils.Database, document_id: int, analysis: dict[str, Any], version: int
) -> None:
    with db.atomic():
        db.execute(
            "INSERT OR REPLACE INTO analyses (document_id, version, data) VALUES (?, ?, ?)",
            [document_id, version, json.dumps(analysis)],
        )


def load_analysis(db: sqlite_utils.Database, document_id: int) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT data FROM analyses WHERE document_id = ?", [document_id]
    ).fetchone()
    return json.loads(row[0]) if row else None


def load_text(db: sqlite_utils.Database, document_id: int) -> dict[str, Any] | None:
    row = db.execute(
        "SELECT text, blocks, pages, warnings FROM document_texts WHERE document_id = ?",
        [document_id],
    ).fetchone()
    if row is None:
        return None
    return {
        "text": row[0],
        "blocks": json.loads(row[1]),
        "pages": json.loads(row[2]),
        "warnings": json.loads(row[3]),
    }


def list_all(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every document with its annotation count, grouped by council and body, newest first."""
    return list(
        db.query(
            f"""{WITH_COUNTS}
               ORDER BY coalesce(d.council, '') COLLATE NOCASE,
                        coalesce(d.body, '') COLLATE NOCASE,
                        coalesce(d.meeting_date, '') DESC,
                        d.title COLLATE NOCASE"""
        )
    )


def delete(db: sqlite_utils.Database, document_id: int) -> None:
    with db.atomic():
        db.execute("DELETE FROM documents WHERE id = ?", [document_id])
