"""Annotation commands through the library: add, edit, tag, delete, each undone by its inverse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app import annotations as actions
from app.errors import AppError
from app.library import Library
from app.paths import profile

MINUTES = (
    "Minutes of the Finance Committee\n"
    "1. Apologies were received from Cllr Patel.\n"
    "2. The Clerk reported that the precept for 2026 would rise by 3 per cent.\n"
    "3. Resolved: to approve the budget as presented.\n"
)


@pytest.fixture
def library(quorum_home: Path) -> Iterator[Library]:
    lib = Library(profile())
    yield lib
    lib.close()


@pytest.fixture
def document_id(tmp_path: Path, library: Library) -> int:
    paper = tmp_path / "finance.txt"
    paper.write_text(MINUTES, encoding="utf-8")
    return library.import_file(paper).document.id


def _span(library: Library, document_id: int, words: str) -> tuple[int, int]:
    start = library.text(document_id).text.index(words)
    return start, start + len(words)


def test_highlight_keeps_quote_context_and_tags(library: Library, document_id: int) -> None:
    start, end = _span(library, document_id, "precept for 2026")
    tags = ["Budget", "budget", "tax"]
    added, changes = library.annotate(document_id, start, end, colour="green", tags=tags)
    assert changes.documents == {document_id} and changes.annotations == {added.id}
    assert len(changes.tags) == 2
    stored = library.annotation(added.id)
    assert stored.anchor.quote == "precept for 2026"
    assert stored.anchor.prefix.endswith("reported that the ") and stored.anchor.suffix.startswith(" would")
    assert stored.tags == ("Budget", "tax") and stored.colour == "green" and stored.state == "anchored"
    assert stored == added


def test_every_action_is_undone_by_its_inverse(library: Library, document_id: int) -> None:
    start, end = _span(library, document_id, "approve the budget")
    added, _ = library.annotate(document_id, start, end, tags=["budget"])
    original = library.annotation(added.id)
    commands: list[actions.Command] = [
        actions.edit(original, note="Check the figures"),
        actions.edit(original, colour="red", kind="underline"),
        actions.tag(original, ["urgent", "BUDGET"]),
        actions.untag(original, ["budget"]),
        actions.Delete((original,)),
    ]
    for command in commands:
        before = library.annotations(document_id)
        library.execute(command)
        assert library.annotations(document_id) != before, command.label
        library.execute(command.inverse())
        assert library.annotations(document_id) == before, command.label
        library.execute(command)  # redo
        library.execute(command.inverse())
    assert library.annotation(added.id) == original


def test_tagging_twice_does_not_make_undo_remove_the_first_tag(library: Library, document_id: int) -> None:
    start, end = _span(library, document_id, "Cllr Patel")
    added, _ = library.annotate(document_id, start, end, tags=["people"])
    again = actions.tag(added, ["People"])
    assert again.names == ()
    library.execute(again)
    library.execute(again.inverse())
    assert library.annotation(added.id).tags == ("people",)


def test_whole_document_note_has_no_position(library: Library, document_id: int) -> None:
    note, _ = library.annotate(document_id, None, None, kind="note", note="Draft — check when approved")
    stored = library.annotation(note.id)
    assert (stored.anchor.start, stored.anchor.end, stored.anchor.quote) == (None, None, "")
    assert library.annotations(document_id)[0].id == note.id


@pytest.mark.parametrize(
    ("span", "options", "message"),
    [
        ((5, 5), {}, "outside"),
        ((0, 10_000), {}, "outside"),
        ((0, 5), {"colour": "mauve"}, "Unknown colour"),
        ((None, None), {}, "Only a note"),
        ((0, 5), {"tags": ["  "]}, "A tag needs"),
    ],
)
def test_bad_requests_are_clear_errors_and_write_nothing(
    library: Library, document_id: int, span: tuple[int | None, int | None], options: dict[str, object],
    message: str,
) -> None:
    with pytest.raises(AppError, match=message):
        library.annotate(document_id, *span, **options)
    assert library.annotations(document_id) == []


def test_acting_on_a_deleted_annotation_is_a_clear_error(library: Library, document_id: int) -> None:
    added, _ = library.annotate(document_id, 0, 7)
    library.execute(actions.Delete((added,)))
    with pytest.raises(AppError, match="no annotation"):
        library.execute(actions.edit(added, note="too late"))
    assert library.tags() == []


def test_reattach_places_an_annotation_by_hand_and_undoes(library: Library, document_id: int) -> None:
    added, _ = library.annotate(document_id, *_span(library, document_id, "Clerk"))
    text = library.text(document_id)
    command = actions.reattach(added, text, *_span(library, document_id, "precept"))
    library.execute(command)
    assert library.annotation(added.id).anchor.quote == "precept"
    library.execute(command.inverse())
    assert library.annotation(added.id).anchor == added.anchor


def test_page_of_a_pdf_highlight_is_recorded(tmp_path: Path, library: Library) -> None:
    import pymupdf

    pdf = pymupdf.open()
    for words in ("Agenda front page", "Item 7 Highways report"):
        pdf.new_page().insert_text((72, 72), words, fontsize=12)
    pdf.save(tmp_path / "agenda.pdf")
    document_id = library.import_file(tmp_path / "agenda.pdf").document.id
    added, _ = library.annotate(document_id, *_span(library, document_id, "Highways"))
    assert added.anchor.page == 2


def test_undoing_a_delete_after_the_document_went_is_a_clear_error(
    library: Library, document_id: int
) -> None:
    added, _ = library.annotate(document_id, 0, 7)
    delete = actions.Delete((added,))
    library.execute(delete)
    library.execute(delete.inverse())
    with pytest.raises(AppError, match="exists already"):
        library.execute(delete.inverse())
    library.execute(delete)
    with library.db.atomic():
        library.db.execute("DELETE FROM documents WHERE id = ?", [document_id])
    with pytest.raises(AppError, match="document is gone"):
        library.execute(delete.inverse())


def _statements(library: Library) -> list[str]:
    """Every SQL statement the library runs from now on (to count its transactions)."""
    seen: list[str] = []
    library.db.conn.set_trace_callback(seen.append)
    return seen


def test_deleting_a_hundred_is_one_transaction_and_undo_brings_all_back(
    library: Library, document_id: int
) -> None:
    made = [
        library.annotate(document_id, n % 60, n % 60 + 5, tags=["bulk", f"t{n % 7}"], note=f"n{n}")[0]
        for n in range(100)
    ]
    delete = actions.Delete(tuple(library.annotation(annotation.id) for annotation in made))
    statements = _statements(library)
    changes = library.execute(delete)
    commits = [sql for sql in statements if sql.strip().upper() == "COMMIT"]
    assert len(commits) == 1 and changes.annotations == {annotation.id for annotation in made}
    assert library.annotations(document_id) == []
    statements.clear()
    library.execute(delete.inverse())
    assert len([sql for sql in statements if sql.strip().upper() == "COMMIT"]) == 1
    restored = sorted(library.annotations(document_id), key=lambda a: a.id)
    assert restored == sorted(delete.annotations, key=lambda a: a.id)  # notes, tags, stamps: as they were


def test_a_batch_delete_is_all_or_nothing(library: Library, document_id: int) -> None:
    first, _ = library.annotate(document_id, 0, 7)
    second, _ = library.annotate(document_id, 10, 20)
    library.execute(actions.Delete((second,)))
    with pytest.raises(AppError, match="no annotation"):
        library.execute(actions.Delete((first, second)))  # the second went meanwhile
    assert [a.id for a in library.annotations(document_id)] == [first.id]  # the first is still there
