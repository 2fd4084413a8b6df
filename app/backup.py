"""Verified copies of the library database, at most one a day, the last seven kept; restore."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: sqlite_utils loads with the library, after the first paint
    import sqlite_utils

from app.errors import AppError

KEEP = 7
INTERVAL = timedelta(days=1)
STAMP = "%Y%m%d-%H%M%S"
PREFIX = "library-"
SUFFIX = ".sqlite3"
SIDE_FILES = ("-wal", "-shm")


class BackupError(AppError):
    """A backup could not be made, or a file offered for restore is not a sound library."""


def _stamp_of(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.name[len(PREFIX) : -len(SUFFIX)], STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def backups(folder: Path) -> list[Path]:
    """The backups in `folder`, oldest first."""
    if not folder.is_dir():
        return []
    found = [path for path in folder.glob(f"{PREFIX}*{SUFFIX}") if _stamp_of(path) is not None]
    return sorted(found, key=lambda path: _stamp_of(path) or datetime.min.replace(tzinfo=UTC))


def verify(path: Path) -> None:
    """Raise `BackupError` unless `path` is an intact Quorum library (integrity_check says ok)."""
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file.")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path.name}: not a readable library database ({error}).") from error
    if verdict != "ok":
        raise BackupError(f"{path.name}: the database is damaged ({verdict}).")
    if not {"documents", "annotations"} <= tables:
        raise BackupError(f"{path.name}: this is not a Quorum library.")


def prune(folder: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups; return what was deleted."""
    old = backups(folder)[:-keep] if keep else backups(folder)
    for path in old:
        path.unlink()
    return old


def make_backup(db: sqlite_utils.Database, folder: Path, now: datetime | None = None) -> Path:
    """Copy the live database with `VACUUM INTO`, verify the copy, then give it its final name."""
    moment = now or datetime.now(UTC)
    target = folder / f"{PREFIX}{moment.strftime(STAMP)}{SUFFIX}"
    # Written under a temporary name, so a half-written copy never looks like a backup.
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        db.execute("VACUUM INTO ?", [str(partial)])
        verify(partial)
        os.replace(partial, target)
        prune(folder)
    except (OSError, sqlite3.Error, BackupError) as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupError(f"The backup could not be made in {folder}: {error}") from error
    return target


def due(folder: Path, now: datetime | None = None) -> bool:
    """True when the newest backup is a day old (or from the future: the clock was changed)."""
    moment = now or datetime.now(UTC)
    found = backups(folder)
    newest = _stamp_of(found[-1]) if found else None
    return newest is None or not (moment - INTERVAL < newest <= moment)


def backup_if_due(db: sqlite_utils.Database, folder: Path, now: datetime | None = None) -> Path | None:
    return make_backup(db, folder, now) if due(folder, now) else None


def restore(database: Path, backup: Path, now: datetime | None = None) -> Path | None:
    """Put `backup` in place of `database` (closed by the caller); the current database is
    first moved aside, with its WAL, and that path returned (None if there was none)."""
    verify(backup)
    try:
        return _swap_in(database, backup, now or datetime.now(UTC))
    except OSError as error:
        raise BackupError(f"The backup could not be restored: {error}") from error


def _move_with_wal(source: Path, target: Path) -> None:
    for side in ("", *SIDE_FILES):
        if Path(f"{source}{side}").exists():
            os.replace(Path(f"{source}{side}"), Path(f"{target}{side}"))


def _swap_in(database: Path, backup: Path, moment: datetime) -> Path | None:
    """Copy `backup` beside `database` first, so a full disk fails before anything moves."""
    partial = database.with_name(database.name + ".partial")
    shutil.copyfile(backup, partial)
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    aside: Path | None = None
    if database.exists():
        aside = database.with_name(f"{database.stem}-before-restore-{moment.strftime(STAMP)}{SUFFIX}")
        _move_with_wal(database, aside)
    os.replace(partial, database)
    return aside
