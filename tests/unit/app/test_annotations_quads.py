"""Exact boxes (quads) of annotations on PDF pages: stored, listed by the CLI, dropped on a new version."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from app import annotations as actions
from app.errors import AppError
from app.library import Library
from app.model import Quad
from app.paths import profile

ROOT = Path(__file__).resolve().parents[3]
SENTENCE = "The committee resolved to repair the bench by the pond."
QUADS: tuple[Quad, ...] = ((0, 150.5, 190.25, 260.0, 204.75), (0, 72.0, 206.0, 120.0, 220.5))


def write_pdf(path: Path, last_line: str = "Date of next meeting: 7 April 2026.") -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    for row, line in enumerate(("Minutes of the Parish Council", SENTENCE, last_line)):
        page.insert_text((72, 100 + 100 * row), line, fontsize=12)
    doc.save(path)
    doc.close()
    return path


@pytest.fixture
def library(quorum_home: Path) -> Iterator[Library]:
    lib = Library(profile())
    yield lib
    lib.close()


def _highlight(library: Library, document_id: int, quads: object) -> str:
    start = library.text(document_id).text.index("repair the bench")
    return library.annotate(document_id, start, start + len("repair the bench"), quads=quads)[0].id


def test_quads_survive_the_database_and_a_restart(tmp_path: Path, quorum_home: Path) -> None:
    paper = write_pdf(tmp_path / "minutes.pdf")
    first = Library(profile())
    document_id = first.import_file(paper).document.id
    annotation_id = _highlight(first, document_id, [list(quad) for quad in QUADS])  # as JSON would give them
    first.close()
    again = Library(profile())
    try:
        stored = again.annotation(annotation_id)
    finally:
        again.close()
    assert stored.quads == QUADS
    assert all(isinstance(quad[0], int) for quad in stored.quads)


def test_missing_or_malformed_quads(tmp_path: Path, library: Library) -> None:
    document_id = library.import_file(write_pdf(tmp_path / "minutes.pdf")).document.id
    assert library.annotation(_highlight(library, document_id, None)).quads is None
    assert library.annotation(_highlight(library, document_id, ())).quads is None
    for bad in ([(0, 10.0, 10.0)], [(0, 50.0, 10.0, 40.0, 20.0)], [(-1, 1, 1, 2, 2)], [("p", 1, 1, 2, 2)]):
        with pytest.raises(AppError, match="boxes on the page"):
            _highlight(library, document_id, bad)
    note = library.annotate(document_id, None, None, kind="note", note="whole paper", quads=QUADS)[0]
    assert note.quads is None  # a note on the whole paper has no place on a page


def test_a_new_version_drops_the_old_boxes_and_keeps_the_passage(tmp_path: Path, library: Library) -> None:
    draft = write_pdf(tmp_path / "draft.pdf")
    draft_id = library.import_file(draft).document.id
    annotation_id = _highlight(library, draft_id, QUADS)
    approved = write_pdf(tmp_path / "approved.pdf", "Date of next meeting: 14 April 2026.")
    outcome, report = library.import_version(approved, draft_id)
    assert report is not None and report.anchored == 1
    moved = library.annotation(annotation_id)
    assert moved.document_id == outcome.document.id and moved.state == "anchored"
    assert moved.anchor.quote == "repair the bench" and moved.anchor.page == 1
    assert moved.quads is None  # the old file's boxes are not trusted on the new one


def test_reattaching_elsewhere_drops_quads_and_undo_restores_them(tmp_path: Path, library: Library) -> None:
    document_id = library.import_file(write_pdf(tmp_path / "minutes.pdf")).document.id
    annotation = library.annotation(_highlight(library, document_id, QUADS))
    text = library.text(document_id)
    confirm = actions.reattach(annotation, text, annotation.anchor.start or 0, annotation.anchor.end or 0)
    library.execute(confirm)
    assert library.annotation(annotation.id).quads == QUADS  # the same words: the same boxes
    start = text.text.index("the pond")
    elsewhere = actions.reattach(library.annotation(annotation.id), text, start, start + len("the pond"))
    library.execute(elsewhere)
    assert library.annotation(annotation.id).quads is None
    library.execute(elsewhere.inverse())
    restored = library.annotation(annotation.id)
    assert restored.quads == QUADS and restored.anchor == annotation.anchor


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUORUM_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_cli_lists_quads_as_json(tmp_path: Path, quorum_home: Path) -> None:
    paper = write_pdf(tmp_path / "minutes.pdf")
    made = run("annotate", str(paper), "--quote", "the pond", home=quorum_home)
    assert made.returncode == 0, made.stderr
    library = Library(profile())
    try:
        document_id = library.find_by_file(paper).id  # type: ignore[union-attr]
        _highlight(library, document_id, QUADS)
    finally:
        library.close()
    listed = run("annotations", str(paper), "--json", home=quorum_home)
    assert listed.returncode == 0, listed.stderr
    by_quote = {entry["quote"]: entry for entry in json.loads(listed.stdout)}
    assert by_quote["repair the bench"]["quads"] == [list(quad) for quad in QUADS]
    assert by_quote["the pond"]["quads"] is None  # made from a quote: drawn on the estimated boxes
