"""A new version of a paper takes over its annotations: by --replaces, by path, or by meeting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import AppError
from app.library import Library
from app.paths import profile

DRAFT = (
    "DRAFT minutes of the Planning Committee held on 3 March 2026\n"
    "1. Apologies were received from Cllr Patel.\n"
    "2. Application 26/0113 for a garage at 4 Mill Lane: the committee resolved to raise no objection.\n"
    "3. The Clerk reported that the precept for 2026 would rise by 3 per cent.\n"
    "4. Resolved: to approve the hedge-cutting contract with Greenway Ltd for two years.\n"
)
APPROVED = (
    DRAFT.replace("DRAFT minutes", "Minutes")
    .replace("would rise by 3 per cent", "would rise by 3.5 per cent")
    .replace("4. Resolved: to approve the hedge-cutting contract with Greenway Ltd for two years.\n", "")
    + "5. Date of next meeting: 7 April 2026.\n"
)


@pytest.fixture
def library(quorum_home: Path) -> Iterator[Library]:
    lib = Library(profile())
    yield lib
    lib.close()


def _highlight(library: Library, document_id: int, words: str) -> str:
    start = library.text(document_id).text.index(words)
    return library.annotate(document_id, start, start + len(words), tags=["planning"])[0].id


def _annotated_draft(tmp_path: Path, library: Library) -> tuple[int, dict[str, str]]:
    draft = tmp_path / "planning-2026-03.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    document_id = library.import_file(draft).document.id
    ids = {
        "same": _highlight(library, document_id, "resolved to raise no objection"),
        "reworded": _highlight(library, document_id, "the precept for 2026 would rise by 3 per cent"),
        "deleted": _highlight(library, document_id, "approve the hedge-cutting contract"),
        "note": library.annotate(document_id, None, None, kind="note", note="check approval")[0].id,
    }
    return document_id, ids


def _states(library: Library, document_id: int) -> dict[str, str]:
    return {annotation.id: annotation.state for annotation in library.annotations(document_id)}


def test_replaces_moves_every_annotation_and_keeps_the_draft(tmp_path: Path, library: Library) -> None:
    draft_id, ids = _annotated_draft(tmp_path, library)
    approved = tmp_path / "planning-approved.txt"
    approved.write_text(APPROVED, encoding="utf-8")
    outcome, report = library.import_version(approved, draft_id)
    new_id = outcome.document.id
    assert report is not None and (report.anchored, report.moved, report.orphaned) == (2, 1, 1)
    assert _states(library, new_id) == {
        ids["same"]: "anchored", ids["reworded"]: "moved", ids["deleted"]: "orphaned", ids["note"]: "anchored"
    }
    reworded = library.annotation(ids["reworded"])
    assert reworded.anchor.quote == "the precept for 2026 would rise by 3.5 per cent"
    assert reworded.tags == ("planning",)
    orphan = library.annotation(ids["deleted"])
    assert orphan.anchor.quote == "approve the hedge-cutting contract" and orphan.anchor.start is None
    assert library.annotations(draft_id) == []
    assert library.successor(draft_id) == new_id and library.document(draft_id).title
    assert library.superseded() == {draft_id: new_id}
    assert outcome.changes.documents == {draft_id, new_id}


def test_a_changed_file_at_the_same_path_is_recognised(tmp_path: Path, library: Library) -> None:
    draft_id, ids = _annotated_draft(tmp_path, library)
    (tmp_path / "planning-2026-03.txt").write_text(APPROVED, encoding="utf-8")
    new = library.import_file(tmp_path / "planning-2026-03.txt").document
    assert new.id != draft_id and library.successor(draft_id) == new.id
    assert set(_states(library, new.id)) == set(ids.values())
    assert library.find_document(str(tmp_path / "planning-2026-03.txt")).id == new.id


def test_same_meeting_elsewhere_is_recognised_by_council_body_and_date(
    tmp_path: Path, library: Library
) -> None:
    header = (
        "SOULDERN PARISH COUNCIL\nMinutes of the meeting of the Planning Committee "
        "held on Tuesday 3 March 2026 at 7.30pm in the Village Hall\n"
    )
    draft = tmp_path / "downloads" / "draft.txt"
    draft.parent.mkdir()
    draft.write_text(header + DRAFT.split("\n", 1)[1], encoding="utf-8")
    draft_id = library.import_file(draft).document.id
    annotation_id = _highlight(library, draft_id, "resolved to raise no objection")
    approved = tmp_path / "website" / "approved-minutes.txt"
    approved.parent.mkdir()
    approved.write_text(header + APPROVED.split("\n", 1)[1], encoding="utf-8")
    new = library.import_file(approved).document
    assert (new.body, new.meeting_date) == ("Planning Committee", "2026-03-03")
    assert library.successor(draft_id) == new.id
    assert library.annotation(annotation_id).document_id == new.id


def test_another_paper_saved_under_the_same_name_is_not_a_new_version(
    tmp_path: Path, library: Library
) -> None:
    draft_id, _ = _annotated_draft(tmp_path, library)
    (tmp_path / "planning-2026-03.txt").write_text(
        "Supplementary agenda\n5. Application 26/0200 for a shed at 2 Church Road: officer report.\n",
        encoding="utf-8",
    )
    library.import_file(tmp_path / "planning-2026-03.txt")
    assert library.successor(draft_id) is None
    assert len(library.annotations(draft_id)) == 4


def test_replacing_with_identical_content_is_refused(tmp_path: Path, library: Library) -> None:
    draft_id, _ = _annotated_draft(tmp_path, library)
    copy = tmp_path / "copy.txt"
    copy.write_text(DRAFT, encoding="utf-8")
    with pytest.raises(AppError, match="same content"):
        library.import_version(copy, draft_id)
    assert len(library.annotations(draft_id)) == 4


def test_unrelated_import_does_not_take_annotations(tmp_path: Path, library: Library) -> None:
    draft_id, _ = _annotated_draft(tmp_path, library)
    other = tmp_path / "finance.txt"
    other.write_text("Finance Committee minutes\n1. Budget noted.\n", encoding="utf-8")
    library.import_file(other)
    assert len(library.annotations(draft_id)) == 4 and library.successor(draft_id) is None
