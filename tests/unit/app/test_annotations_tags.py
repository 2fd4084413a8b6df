"""Tags manager actions: rename, recolour, merge, delete, with counts, each undone by its inverse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app import tagging
from app.errors import AppError
from app.library import Library
from app.paths import profile


@pytest.fixture
def library(tmp_path: Path, quorum_home: Path) -> Iterator[Library]:
    paper = tmp_path / "minutes.txt"
    text = "Minutes\n1. Budget agreed.\n2. Footpath repairs.\n3. Bench by the pond.\n"
    paper.write_text(text, encoding="utf-8")
    lib = Library(profile())
    document_id = lib.import_file(paper).document.id
    lib.annotate(document_id, 11, 25, tags=["money", "Urgent"])
    lib.annotate(document_id, 29, 45, tags=["roads"])
    lib.annotate(document_id, 49, 54, tags=["roads", "urgent-ish"])
    yield lib
    lib.close()


def _counts(library: Library) -> dict[str, int]:
    return {tag["name"]: tag["count"] for tag in library.tags()}


def _tag_id(library: Library, name: str) -> int:
    return next(int(tag["id"]) for tag in library.tags() if tag["name"] == name)


def _state(library: Library) -> tuple[object, ...]:
    annotations = library.annotations(library.documents()[0].id)
    return tuple(library.tags()), tuple(annotation.tags for annotation in annotations)


def test_rename_and_recolour_show_on_every_annotation(library: Library) -> None:
    before = _state(library)
    command = tagging.edit_tag(library.db, _tag_id(library, "roads"), name="Highways", colour="blue")
    changes = library.execute(command)
    assert len(changes.annotations) == 2 and changes.documents
    assert _counts(library)["Highways"] == 2
    assert [tag["colour"] for tag in library.tags() if tag["name"] == "Highways"] == ["blue"]
    library.execute(command.inverse())
    assert _state(library) == before


def test_renaming_onto_another_tag_asks_for_a_merge(library: Library) -> None:
    with pytest.raises(AppError, match="merge"):
        library.execute(tagging.edit_tag(library.db, _tag_id(library, "roads"), name="MONEY"))
    assert "roads" in _counts(library)


def test_merge_then_undo_restores_both_tags_exactly(library: Library) -> None:
    before = _state(library)
    command = tagging.merge_tags(library.db, _tag_id(library, "urgent-ish"), _tag_id(library, "Urgent"))
    library.execute(command)
    assert _counts(library) == {"money": 1, "roads": 2, "Urgent": 2}
    library.execute(command.inverse())
    assert _state(library) == before
    library.execute(command.inverse().inverse())  # redo
    assert "urgent-ish" not in _counts(library)


def test_delete_tag_keeps_annotations_and_undo_relinks_them(library: Library) -> None:
    before = _state(library)
    command = tagging.delete_tag(library.db, _tag_id(library, "roads"))
    library.execute(command)
    assert "roads" not in _counts(library)
    assert len(library.annotations(library.documents()[0].id)) == 3
    library.execute(command.inverse())
    assert _state(library) == before


def test_merging_a_tag_into_itself_is_refused(library: Library) -> None:
    roads = _tag_id(library, "roads")
    with pytest.raises(AppError, match="itself"):
        tagging.merge_tags(library.db, roads, roads)
