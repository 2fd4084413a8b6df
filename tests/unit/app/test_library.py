"""The library facade: import, de-duplication by content, text round trip, nothing written on failure."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from app.errors import AppError
from app.jobs import ProcessLane
from app.library import Library, tidy_name
from app.paths import profile


@pytest.fixture
def library(quorum_home: Path) -> Library:
    lib = Library(profile(), ProcessLane(timeout=60))
    yield lib
    lib.close()


def _pdf(path: Path) -> Path:
    doc = pymupdf.open()
    bodies = ("The committee considered the application for page 1 of the plans.",
              "Members noted the objections listed on page 2 of the report.")
    for body in bodies:
        doc.new_page().insert_text((72, 300), body, fontsize=12)
    doc.save(path)
    return path


def test_pdf_round_trips_through_sqlite(tmp_path: Path, library: Library) -> None:
    outcome = library.import_file(_pdf(tmp_path / "planning.pdf"))
    assert not outcome.duplicate
    assert outcome.changes.documents == {outcome.document.id}
    assert outcome.document.pages == 2
    text = library.text(outcome.document.id)
    assert "page 1" in text.text and "page 2" in text.text
    assert [page.number for page in text.pages] == [1, 2]
    assert text.page_at(text.text.index("page 2")) == 2
    assert all(text.text[b.start : b.end].strip() for b in text.blocks)


def test_same_content_under_another_name_is_not_duplicated(tmp_path: Path, library: Library) -> None:
    first = tmp_path / "a.txt"
    first.write_text("Minutes of the Parish Council\n\n1. Apologies\n", encoding="utf-8")
    copy = tmp_path / "copy-of-a.txt"
    copy.write_bytes(first.read_bytes())
    original = library.import_file(first)
    again = library.import_file(copy)
    assert again.duplicate and again.document.id == original.document.id
    assert len(library.documents()) == 1


def test_library_survives_reopening(tmp_path: Path, quorum_home: Path) -> None:
    paper = tmp_path / "board.txt"
    paper.write_text("Board minutes\n", encoding="utf-8")
    lib = Library(profile())
    stored = lib.import_file(paper).document
    lib.close()
    reopened = Library(profile())
    assert reopened.documents() == [stored]
    assert reopened.text(stored.id).text == "Board minutes"
    reopened.close()


def test_failed_import_writes_nothing(tmp_path: Path, library: Library) -> None:
    bad = tmp_path / "report.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(AppError):
        library.import_file(bad)
    assert library.documents() == []


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        ("SOULDERN PARISH COUNCIL", "Souldern Parish Council"),
        ("SCRUTINY COMMITTEE OF THE NHS TRUST", "Scrutiny Committee of the NHS Trust"),
        ("Cabinet", "Cabinet"),
        ("Comhairle Contae Chiarraí", "Comhairle Contae Chiarraí"),
        (None, None),
    ],
)
def test_names_printed_in_capitals_are_tidied(printed: str | None, shown: str | None) -> None:
    assert tidy_name(printed) == shown


def test_import_records_meeting_details(tmp_path: Path, library: Library) -> None:
    paper = tmp_path / "paper.txt"
    paper.write_text(
        "WESTMERE TOWN COUNCIL\n\nMINUTES OF THE PLANNING COMMITTEE\n"
        "held on Tuesday 4 March 2025 at 7.00 pm\n\n"
        "Present: Councillors A Jones (Chair), B Smith and C Patel\n\n"
        "1. Apologies\nNone.\n\n2. Planning applications\nRESOLVED: that no objection be raised.\n",
        encoding="utf-8",
    )
    document = library.import_file(paper).document
    assert document.meeting_date == "2025-03-04"
    assert document.kind == "minutes"
    assert document.council == "Westmere Town Council"
    assert [item.number for item in library.analysis(document.id).items] == ["1", "2"]


def test_a_document_counts_its_annotations(tmp_path: Path, library: Library) -> None:
    paper = tmp_path / "minutes.txt"
    paper.write_text("Minutes\n\n1. Budget\nThe budget was agreed.\n", encoding="utf-8")
    document = library.import_file(paper).document
    start = library.text(document.id).text.index("budget was")
    library.annotate(document.id, start, start + 10, colour="yellow")
    assert library.document(document.id).annotation_count == 1
    assert library.documents()[0].annotation_count == 1


def test_a_file_the_system_will_not_let_us_read_is_refused_cleanly(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root reads any file, so the refusal is simulated at the operating-system boundary.
    paper = tmp_path / "locked.txt"
    paper.write_text("Minutes\n", encoding="utf-8")

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(paper))

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(AppError, match="permission denied"):
        library.import_file(paper)
    monkeypatch.undo()
    assert library.documents() == []
