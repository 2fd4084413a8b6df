"""Finding annotations across the library: by tag, colour, kind, state, council, body, date and text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.annotations import AnnotationFilter
from app.library import Library
from app.paths import profile

PAPERS = {
    "march.txt": (
        "SOULDERN PARISH COUNCIL\nMinutes of the meeting of the Planning Committee held on 3 March 2026\n"
        "1. Application for a garage at 4 Mill Lane: no objection.\n2. Hedge on Church Road to be cut.\n"
    ),
    "april.txt": (
        "SOULDERN PARISH COUNCIL\nMinutes of the meeting of the Finance Committee held on 7 April 2026\n"
        "1. The precept was agreed.\n2. Grant to the village hall approved.\n"
    ),
}


@pytest.fixture
def library(tmp_path: Path, quorum_home: Path) -> Iterator[Library]:
    lib = Library(profile())
    for name, text in PAPERS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        document_id = lib.import_file(tmp_path / name).document.id
        body = lib.text(document_id).text
        for words, colour, tags, note in (
            ("garage", "yellow", ["planning"], ""),
            ("Church Road", "green", ["roads", "Planning"], "chase the county"),
            ("precept", "red", ["money"], ""),
            ("village hall", "yellow", ["money", "hall"], "Grant of £500?"),
        ):
            if words in body:
                start = body.index(words)
                lib.annotate(document_id, start, start + len(words), colour=colour, tags=tags, note=note)
        lib.annotate(document_id, None, None, kind="note", note=f"read {name}")
    yield lib
    lib.close()


def _quotes(library: Library, **conditions: object) -> list[str]:
    found = library.find_annotations(AnnotationFilter(**conditions))  # type: ignore[arg-type]
    return [annotation.anchor.quote or annotation.note for annotation in found]


def test_no_conditions_lists_everything_newest_meeting_first(library: Library) -> None:
    assert _quotes(library) == [
        "read april.txt", "precept", "village hall", "read march.txt", "garage", "Church Road"
    ]


def test_each_condition_narrows_the_list(library: Library) -> None:
    assert _quotes(library, tags=("PLANNING",)) == ["garage", "Church Road"]
    assert _quotes(library, tags=("roads", "hall")) == ["village hall", "Church Road"]
    assert _quotes(library, colours=("yellow",), kinds=("highlight",)) == ["village hall", "garage"]
    assert _quotes(library, kinds=("note",)) == ["read april.txt", "read march.txt"]
    assert _quotes(library, body="finance committee", kinds=("highlight",)) == ["precept", "village hall"]
    assert _quotes(library, date_from="2026-04-01") == ["read april.txt", "precept", "village hall"]
    assert _quotes(library, date_to="2026-03-31", tags=("roads",)) == ["Church Road"]
    assert _quotes(library, text="£500") == ["village hall"]
    assert _quotes(library, text="CHURCH") == ["Church Road"]
    assert _quotes(library, states=("orphaned",)) == []


def test_one_document_only(library: Library) -> None:
    march = next(document.id for document in library.documents() if "Planning" in (document.body or ""))
    assert _quotes(library, document_id=march) == ["read march.txt", "garage", "Church Road"]
