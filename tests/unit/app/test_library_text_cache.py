"""Library.text reads a paper's text from the database once for several uses in a row, and never
hands back a text that is no longer the library's (a new version, a restored backup)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.library import Library
from app.paths import profile

from tests.factories import write_pdf_minutes

PAPER = "Minutes of the Parish Council\n1. The Clerk reported on the precept for 2026.\n"


@pytest.fixture
def library(quorum_home: Path) -> Iterator[Library]:
    lib = Library(profile())
    yield lib
    lib.close()


def text_reads(library: Library) -> list[str]:
    """The statements run on the library's database from now on (traced by SQLite itself)."""
    seen: list[str] = []
    library.db.conn.set_trace_callback(seen.append)
    return seen


def reads_of_texts(seen: list[str]) -> int:
    return sum("FROM document_texts" in statement for statement in seen)


def test_annotating_a_pdf_just_read_reads_its_text_no_more(tmp_path: Path, library: Library) -> None:
    pdf = write_pdf_minutes(tmp_path / "minutes.pdf")
    document_id = library.import_file(pdf).document.id
    seen = text_reads(library)
    text = library.text(document_id)
    assert library.text(document_id) is text and reads_of_texts(seen) == 1
    start = text.text.index("Apologies")
    made, _changes = library.annotate(document_id, start, start + 9)  # the note, then its page boxes
    assert made.quads and reads_of_texts(seen) == 1


def test_a_new_version_and_a_restored_backup_are_read_afresh(tmp_path: Path, library: Library) -> None:
    first = tmp_path / "minutes.txt"
    first.write_text(PAPER, encoding="utf-8")
    old_id = library.import_file(first).document.id
    backup_file = library.backup_now()
    assert "precept for 2026" in library.text(old_id).text
    second = tmp_path / "minutes-approved.txt"
    second.write_text(PAPER.replace("2026", "2027"), encoding="utf-8")
    new_id = library.import_version(second, old_id)[0].document.id
    assert "precept for 2027" in library.text(new_id).text
    assert "precept for 2026" in library.text(old_id).text

    # The backup holds the same paper (same id, same file) read as an older version of Quorum read it.
    with sqlite3.connect(backup_file) as db:
        db.execute("UPDATE document_texts SET text = replace(text, 'Clerk', 'clerk') WHERE document_id = ?",
                   [old_id])  # fmt: skip
    db.close()
    library.restore_backup(backup_file)
    assert "The clerk reported" in library.text(old_id).text
