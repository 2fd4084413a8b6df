"""PDF heading hints: bold text at the body's size is a heading only where it heads something."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from app import ingest
from app.model import DocumentText

from tests.unit.app.ingest_checks import assert_well_formed, kinds

BODY = "The committee considered the report of the clerk on the state of the village hall and the"
MORE = "cost of the repairs that the surveyor recommended in the spring."

# (text, bold, font size, gap before in points): minutes set all in 11 pt, emphasis by weight alone,
# as parish clerks set them.
LINES = [
    ("MINUTES OF THE PARISH COUNCIL MEETING", True, 11, 0),
    ("Present:", True, 11, 12),
    ("Cllr Ann Baker (Chair)", True, 11, 8),
    ("Cllr Brian Cole", True, 11, 0),
    ("Cllr Carol Dunn", True, 11, 0),
    ("1. Apologies", True, 11, 12),
    ("Apologies were received from Cllr Evans.", False, 11, 0),
    ("2. Village hall", True, 11, 12),
    (BODY, False, 11, 0),
    (MORE, False, 11, 0),
    ("Action: Clerk to write to the surveyor", True, 11, 0),
    ("The chair thanked the members who had helped with the clearing of the hall", False, 11, 0),
    ("and the garden.", False, 11, 0),
    ("a) Car park", True, 11, 12),
    ("No update was available", True, 11, 0),  # set in under its sub-heading
    ("3. Notices", True, 11, 12),
    ("The hall will be closed for the whole of August while the floor is replaced, and", True, 11, 0),
    ("the bookings already taken for the month will be moved to the rooms of the church", True, 11, 0),
    ("in Mill Lane", True, 11, 0),
    ("- Barrier to the car park", True, 11, 12),
    ("Dates of meetings", True, 9, 12),
    ("Signed ......................................", True, 11, 24),
]


def _minutes(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    y = 72.0
    for text, bold, size, gap in LINES:
        y += gap + size * 1.3
        x = 90 if text == "No update was available" else 72
        page.insert_text((x, y), text, fontsize=size, fontname="hebo" if bold else "helv")
    doc.save(path)
    doc.close()
    return path


def _headings(doc: DocumentText) -> list[str]:
    return [text for kind, text in kinds(doc) if kind == "heading"]


def test_only_bold_lines_that_head_something_are_headings(tmp_path: Path) -> None:
    doc = ingest.load(_minutes(tmp_path / "bold-minutes.pdf"))
    assert_well_formed(doc)
    assert _headings(doc) == [
        "MINUTES OF THE PARISH COUNCIL MEETING", "Present:", "1. Apologies", "2. Village hall",
        "a) Car park", "3. Notices",
    ]  # fmt: skip
    found = dict((text.split("\n")[0], kind) for kind, text in kinds(doc))
    # The names under a label are its values, not headings of their own.
    assert found["Cllr Ann Baker (Chair)"] == "paragraph"
    # A bold line set tight between lines of plain text runs on with them.
    assert found["Action: Clerk to write to the surveyor"] == "paragraph"
    # A bold sentence set in under its sub-heading is that sub-heading's text.
    assert found["No update was available"] == "paragraph"
    # A whole bold paragraph is text, a bold bullet a list item, small print and a form's line neither.
    notice = next(text for kind, text in kinds(doc) if text.startswith("The hall will be closed"))
    assert notice.endswith("in Mill Lane") and found[notice.split("\n")[0]] == "paragraph"
    assert found["- Barrier to the car park"] == "list_item"
    assert found["Dates of meetings"] == "paragraph"
    assert found["Signed ......................................"] == "paragraph"


def test_bold_text_that_is_not_a_heading_keeps_its_weight(tmp_path: Path) -> None:
    doc = ingest.load(_minutes(tmp_path / "bold-minutes.pdf"))
    action = next(block for block in doc.blocks if doc.block_text(block).startswith("Action:"))
    assert action.bold and action.level == 0 and action.size == 11


def _mixed_lines(path: Path, lines: list[list[tuple[str, bool]]]) -> DocumentText:
    """Lines made of bold and regular runs, set one after another on the same printed line."""
    doc = pymupdf.open()
    page = doc.new_page()
    for index, runs in enumerate(lines):
        x = 72.0
        for text, bold in runs:
            font = "hebo" if bold else "helv"
            page.insert_text((x, 100 + 13 * index), text, fontsize=10, fontname=font)
            x += pymupdf.get_text_length(text, fontname=font, fontsize=10)
    doc.save(path)
    return ingest.load(path)


def test_a_bold_title_run_into_its_text_ends_the_heading(tmp_path: Path) -> None:
    title = ("6.A Street Lighting Contract ", True)
    doc = _mixed_lines(
        tmp_path / "run-in.pdf",
        [
            [title, ("The Director reported on the tender for the new", False)],
            [("street lighting contract and the council agreed to award it to Brightway Ltd.", False)],
            [],
            [("COMMITTEE REPORTS ", True), ("The minutes of the Planning Committee were received.", False)],
        ],
    )
    assert_well_formed(doc)
    assert kinds(doc) == [
        ("heading", "6.A Street Lighting Contract"),
        ("paragraph", "The Director reported on the tender for the new street lighting contract and the "
         "council agreed to award it to Brightway Ltd."),
        ("heading", "COMMITTEE REPORTS"),
        ("paragraph", "The minutes of the Planning Committee were received."),
    ]  # fmt: skip


def test_bold_words_and_labels_at_a_line_start_stay_in_their_sentence(tmp_path: Path) -> None:
    lines = [
        [("Resolved ", True), ("that the contract for the lighting be awarded to Brightway.", False)],
        [],
        [("RESOLVED ", True), ("That the contract for the lighting be awarded to Brightway.", False)],
        [],
        [("Planning: ", True), ("The following applications were received by the council.", False)],
        [],
        [("a. Playground", True), (": The willow dome has now been planted by volunteers.", False)],
        [],
        [("2/8c", True), (" - Community Connect has not been taken off the grant list.", False)],
    ]
    doc = _mixed_lines(tmp_path / "bold-words.pdf", lines)
    found = kinds(doc)
    assert "heading" not in [kind for kind, _ in found]
    assert [text for _, text in found] == [
        "".join(text for text, _ in runs).strip() for runs in lines if runs
    ]


def test_a_bold_title_beside_its_number_ends_before_the_text_set_under_it(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    rows = [
        ("6.A", "Vacation of Drainage Easement, Lot 4, Block 2, Pine Meadows Addition", True),
        ("", "The Mayor opened the public hearing at 7:06 p.m. No one spoke and the hearing", False),
        ("", "was closed. The Council approved the vacation of the easement.", False),
        ("6.B", "Award of Contract for the 2023 Sealcoat Project", True),
        ("", "The City Engineer reported on the bids and the Council awarded the contract.", False),
    ]
    y = 90.0
    for number, text, bold in rows:
        y += 22 if bold else 14
        page.insert_text((72, y), number, fontsize=10, fontname="hebo")
        page.insert_text((110, y), text, fontsize=10, fontname="hebo" if bold else "helv")
    doc.save(tmp_path / "numbered.pdf")
    loaded = ingest.load(tmp_path / "numbered.pdf")
    assert [loaded.block_text(block) for block in loaded.blocks] == [
        "6.A\tVacation of Drainage Easement, Lot 4, Block 2, Pine Meadows Addition",
        "The Mayor opened the public hearing at 7:06 p.m. No one spoke and the hearing was closed. "
        "The Council approved the vacation of the easement.",
        "6.B\tAward of Contract for the 2023 Sealcoat Project",
        "The City Engineer reported on the bids and the Council awarded the contract.",
    ]
