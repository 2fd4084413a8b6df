"""Numbered schema upgrades keyed on `PRAGMA user_version`, each in one transaction."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


class SchemaTooNew(Exception):
    """The database was written by a newer Quorum than this one."""


def _v1_library(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            format TEXT NOT NULL,
            title TEXT NOT NULL,
            council TEXT,
            body TEXT,
            meeting_date TEXT,
            kind TEXT NOT NULL DEFAULT 'unknown',
            pages INTEGER NOT NULL DEFAULT 0,
            text_length INTEGER NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX documents_meeting ON documents (council, body, meeting_date)")
    db.execute("CREATE INDEX documents_path ON documents (path)")
    db.execute(
        """CREATE TABLE document_texts (
            document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            blocks TEXT NOT NULL,
            pages TEXT NOT NULL,
            warnings TEXT NOT NULL DEFAULT '[]'
        )"""
    )
    db.execute(
        """CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            kind TEXT NOT NULL DEFAULT 'highlight',
            start INTEGER,
            end INTEGER,
            quote TEXT NOT NULL DEFAULT '',
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            page INTEGER,
            quads TEXT,
            colour TEXT NOT NULL DEFAULT 'yellow',
            note TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL DEFAULT 'anchored',
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX annotations_document ON annotations (document_id, start)")
    db.execute(
        """CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            colour TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE annotation_tags (
            annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
            PRIMARY KEY (annotation_id, tag_id)
        )"""
    )


def _v2_analysis(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE analyses (
            document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            data TEXT NOT NULL
        )"""
    )


def _v3_document_versions(db: sqlite_utils.Database) -> None:
    """A document superseded by a newer version of the same paper points to it."""
    db.execute(
        "ALTER TABLE documents ADD COLUMN replaced_by INTEGER REFERENCES documents (id) ON DELETE SET NULL"
    )
    db.execute("CREATE INDEX annotations_state ON annotations (state)")


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _v1_library,
    _v2_analysis,
    _v3_document_versions,
)
LATEST = len(MIGRATIONS)


def version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def upgrade(db: sqlite_utils.Database, *, target: int = LATEST) -> int:
    """Apply every step above the database's version up to `target`; return the new version.

    Each step and its version bump commit together, so a crash mid-upgrade
    leaves the database at the previous version, never half-upgraded.
    """
    current = version(db)
    if current > LATEST:
        raise SchemaTooNew(
            f"This library was written by a newer Quorum (schema {current}, this one knows {LATEST})."
        )
    for number in range(current + 1, target + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            db.execute(f"PRAGMA user_version = {number}")
    return version(db)
