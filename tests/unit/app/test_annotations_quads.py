"""Exact boxes (quads) of annotations on PDF pages: kept from the page, worked out from the PDF
otherwise (the CLI, a new version, re-attaching), listed by the CLI."""

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


def write_pdf(
    path: Path, last_line: str = "Date of next meeting: 7 April 2026.", password: str | None = None
) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    for row, line in enumerate(("Minutes of the Parish Council", SENTENCE, last_line)):
        page.insert_text((72, 100 + 100 * row), line, fontsize=12)
    if password:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", user_pw=password)
    else:
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


def boxes_of(paper: Path, words: str, password: str = "") -> list[Quad]:
    """Where PyMuPDF itself finds `words` on the first page: one box a line."""
    with pymupdf.open(paper) as doc:
        doc.authenticate(password)
        return [(0, rect.x0, rect.y0, rect.x1, rect.y1) for rect in doc[0].search_for(words)]


def same_boxes(found: tuple[Quad, ...] | None, expected: list[Quad]) -> bool:
    return found is not None and len(found) == len(expected) and all(
        a[0] == b[0] and all(abs(x - y) < 0.5 for x, y in zip(a[1:], b[1:], strict=True))
        for a, b in zip(found, expected, strict=True)
    )


def test_missing_or_malformed_quads(tmp_path: Path, library: Library) -> None:
    paper = write_pdf(tmp_path / "minutes.pdf")
    document_id = library.import_file(paper).document.id
    # None given: worked out from the PDF's own boxes for those words.
    for given in (None, ()):
        found = library.annotation(_highlight(library, document_id, given)).quads
        assert same_boxes(found, boxes_of(paper, "repair the bench"))
    for bad in ([(0, 10.0, 10.0)], [(0, 50.0, 10.0, 40.0, 20.0)], [(-1, 1, 1, 2, 2)], [("p", 1, 1, 2, 2)]):
        with pytest.raises(AppError, match="boxes on the page"):
            _highlight(library, document_id, bad)
    note = library.annotate(document_id, None, None, kind="note", note="whole paper", quads=QUADS)[0]
    assert note.quads is None  # a note on the whole paper has no place on a page


def test_a_new_version_gets_boxes_on_its_own_pages(tmp_path: Path, library: Library) -> None:
    draft = write_pdf(tmp_path / "draft.pdf")
    draft_id = library.import_file(draft).document.id
    annotation_id = _highlight(library, draft_id, QUADS)
    approved = write_pdf(tmp_path / "approved.pdf", "Date of next meeting: 14 April 2026.")
    outcome, report = library.import_version(approved, draft_id)
    assert report is not None and report.anchored == 1
    moved = library.annotation(annotation_id)
    assert moved.document_id == outcome.document.id and moved.state == "anchored"
    assert moved.anchor.quote == "repair the bench" and moved.anchor.page == 1
    # The old file's boxes are not trusted on the new one: they are worked out on its pages.
    assert moved.quads != QUADS and same_boxes(moved.quads, boxes_of(approved, "repair the bench"))


def test_reattaching_elsewhere_works_out_new_quads_and_undo_restores_them(
    tmp_path: Path, library: Library
) -> None:
    document_id = library.import_file(write_pdf(tmp_path / "minutes.pdf")).document.id
    annotation = library.annotation(_highlight(library, document_id, QUADS))
    text = library.text(document_id)
    confirm = actions.reattach(annotation, text, annotation.anchor.start or 0, annotation.anchor.end or 0)
    library.execute(confirm)
    assert library.annotation(annotation.id).quads == QUADS  # the same words: the same boxes
    start = text.text.index("the pond")
    elsewhere = actions.reattach(library.annotation(annotation.id), text, start, start + len("the pond"))
    library.execute(elsewhere)
    assert library.annotation(annotation.id).quads is None  # not the old words' boxes…
    assert library.fill_quads([annotation.id]).annotations == {annotation.id}
    paper = Path(library.document(document_id).path)
    assert same_boxes(library.annotation(annotation.id).quads, boxes_of(paper, "the pond"))  # …but these
    assert not library.fill_quads([annotation.id]).annotations  # once only
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
    # Made from a quote: its boxes worked out from the PDF, as `[page, x0, y0, x1, y1]`.
    pond = by_quote["the pond"]["quads"]
    assert same_boxes(tuple(tuple(quad) for quad in pond), boxes_of(paper, "the pond"))


def test_a_paper_that_cannot_be_read_now_keeps_the_estimate(tmp_path: Path, library: Library) -> None:
    paper = write_pdf(tmp_path / "minutes.pdf")
    document_id = library.import_file(paper).document.id
    paper.unlink()  # moved away since it was imported
    annotation = library.annotation(_highlight(library, document_id, None))
    assert annotation.quads is None and annotation.anchor.quote == "repair the bench"


def test_a_protected_pdf_gets_boxes_with_its_password_which_is_not_kept(
    tmp_path: Path, quorum_home: Path
) -> None:
    paper = write_pdf(tmp_path / "secret.pdf", password="swordfish")
    made = run("annotate", str(paper), "--quote", "the pond", "--password", "swordfish", home=quorum_home)
    assert made.returncode == 0, made.stderr
    listed = run("annotations", str(paper), "--json", home=quorum_home)
    [pond] = json.loads(listed.stdout)
    assert same_boxes(tuple(tuple(quad) for quad in pond["quads"]), boxes_of(paper, "the pond", "swordfish"))

    library = Library(profile())
    try:
        document_id = library.find_by_file(paper).id  # type: ignore[union-attr]
        start = library.text(document_id).text.index("repair the bench")
        guessed = library.annotate(document_id, start, start + 16)[0]  # no password: the estimate
        assert guessed.quads is None
        exact = library.annotate(document_id, start, start + 16, password="swordfish")[0]
        assert same_boxes(exact.quads, boxes_of(paper, "repair the bench", "swordfish"))
        approved = write_pdf(tmp_path / "approved.pdf", "Next meeting: 14 April 2026.", password="marlin")
        library.import_version(approved, document_id, "marlin")
        moved = library.annotation(exact.id)  # on the new file's pages, opened with its own password
        assert same_boxes(moved.quads, boxes_of(approved, "repair the bench", "marlin"))
    finally:
        library.close()
    kept = b"".join(path.read_bytes() for path in quorum_home.rglob("*") if path.is_file())
    assert b"swordfish" not in kept and b"marlin" not in kept  # typed for the call, never stored
