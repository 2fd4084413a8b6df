"""Open the library database with the PRAGMAs that keep user data safe."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from db.migrations import upgrade

BUSY_TIMEOUT_MS = 10_000


def open_database(path: Path | str, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at `path`, upgraded to the current schema.

    The connection runs in driver-level autocommit; every write happens inside
    `db.atomic()`, so each user action is exactly one transaction. WAL with
    `synchronous=FULL` makes a committed transaction survive power loss.
    """
    conn = sqlite3.connect(
        str(path),
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    db = sqlite_utils.Database(conn, execute_plugins=False)
    if migrate:
        upgrade(db)
    return db
