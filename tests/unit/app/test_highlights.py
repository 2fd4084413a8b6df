"""Highlights of detected structure: which passages, of which kind, and where they sit on PDF pages."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pymupdf
import pytest

from app import ingest
from app.analysis import analyze
from app.highlights import (
    KINDS,
    Highlight,
    counts,
    heading_end,
    highlights,
    page_highlights,
    page_rects,
    status_name,
)
from app.model import Analysis, Attendee, DocumentText, Span

MINUTES = """\
WESTBURY TOWN COUNCIL

Minutes of the meeting of the Planning Committee held on Tuesday 4th March 2025 at 7.00 pm
in the Council Chamber, Westbury Town Hall

Present: Councillors J Smith (Chair), P Brown and R Green
Apologies: Councillor K White

1. Declarations of interest

Councillor P Brown declared a personal interest in item 3 as a neighbour of the applicant.

2. Minutes of the last meeting

RESOLVED: That the minutes of the meeting held on 4 February 2025 be approved as a correct record.

3. Planning applications

Members considered application 25/0042 for two houses on Mill Lane. The Town Clerk reported
that the highways officer had no objection.

RESOLVED: That the Council raises no objection to application 25/0042.

The Clerk will write to the planning authority with the Council's response. Action: Clerk

4. Date of next meeting

The next meeting will be held on 1 April 2025.
"""


@pytest.fixture
def minutes(tmp_path: Path) -> DocumentText:
    path = tmp_path / "westbury-planning.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return ingest.load(path)


def _of(spans: list[Highlight], kind: str, doc: DocumentText) -> list[str]:
    return [doc.text[span.start : span.end] for span in spans if span.kind == kind]


def test_each_kind_marks_its_passages(minutes: DocumentText) -> None:
    spans = highlights(analyze(minutes), minutes)
    assert _of(spans, "item", minutes) == [
        "1. Declarations of interest",
        "2. Minutes of the last meeting",
        "3. Planning applications",
        "4. Date of next meeting",
    ]
    resolutions = _of(spans, "resolution", minutes)
    assert len(resolutions) == 2
    assert resolutions[1].startswith("RESOLVED: That the Council raises no objection")
    assert [re.sub(r"\s+", " ", text) for text in _of(spans, "action", minutes)] == [
        "The Clerk will write to the planning authority with the Council's response. Action: Clerk"
    ]
    assert {"J Smith", "P Brown", "R Green", "K White"} <= set(_of(spans, "attendance", minutes))
    assert any("declared a personal interest" in text for text in _of(spans, "interest", minutes))
    date, venue = _of(spans, "meeting", minutes)
    assert (date, venue.removeprefix("the ")) == ("4th March 2025", "Council Chamber, Westbury Town Hall")


def test_spans_have_no_spaces_or_line_breaks_at_their_ends(minutes: DocumentText) -> None:
    text = minutes.text
    start = text.index("RESOLVED: That the Council") - 2  # from the blank line above
    end = text.index("25/0042.", start) + len("25/0042.") + 1  # to the line break after
    loose = Span(text[start:end], start, end)
    (span,) = highlights(Analysis(resolutions=(loose,)), minutes)
    assert text[span.start : span.end].startswith("RESOLVED: That the Council")
    assert text[span.end - 8 : span.end] == "25/0042."
    blank = text.index("\n\n")
    assert highlights(Analysis(resolutions=(Span("\n\n", blank, blank + 2),)), minutes) == []


def test_spans_are_in_reading_order_with_labels(minutes: DocumentText) -> None:
    spans = highlights(analyze(minutes), minutes)
    assert spans == sorted(spans, key=lambda span: (span.start, span.end))
    labels = {span.label for span in spans}
    assert "3  Planning applications" in labels
    assert "Resolution (item 3)" in labels
    assert "Action (Clerk) (item 3)" in labels
    assert "Present: J Smith, Chair" in labels
    assert "Apologies: K White" in labels


def test_counts_name_every_kind(minutes: DocumentText) -> None:
    tally = counts(highlights(analyze(minutes), minutes))
    assert list(tally) == [kind.key for kind in KINDS]
    assert (tally["item"], tally["resolution"], tally["action"]) == (4, 2, 1)
    assert counts([]) == dict.fromkeys(tally, 0)


def test_kinds_have_distinct_colours_and_names() -> None:
    assert len({kind.colour for kind in KINDS}) == len(KINDS)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", kind.colour) for kind in KINDS)
    assert len({kind.name for kind in KINDS}) == len(KINDS)


def test_a_minute_number_on_its_own_line_belongs_to_the_heading(tmp_path: Path) -> None:
    path = tmp_path / "numbers-above.txt"
    path.write_text(
        "PARISH COUNCIL\n\nMinutes of the meeting held on 3 June 2024\n\nPresent: Cllr A Jones (Chair)\n\n"
        "24/31\nFootpath repairs\nThe clerk reported on the footpath.\n\n"
        "24/32\nAllotments\nThe allotment rents were reviewed.\n",
        encoding="utf-8",
    )
    doc = ingest.load(path)
    items = analyze(doc).items
    assert [item.number for item in items] == ["24/31", "24/32"]
    assert [doc.text[item.start : heading_end(doc.text, item)] for item in items] == [
        "24/31\nFootpath repairs",
        "24/32\nAllotments",
    ]


def test_a_disposition_table_row_heading_stops_at_its_cell(tmp_path: Path) -> None:
    paper = docx.Document()
    paper.add_paragraph("CITY OF RIVERTON")
    paper.add_paragraph("DISPOSITION OF THE REGULAR MEETING OF COUNCIL held March 4, 2024")
    paper.add_heading("REPORT OF THE FINANCE COMMITTEE dated February 20, 2024", level=2)
    table = paper.add_table(rows=0, cols=3)
    for row in [("1", "Water Main Renewals – 2024 Programme", "ADOPTED"),
                ("2", "Snow Clearing Contract Extension", "ADOPTED AS AMENDED")]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    paper.save(tmp_path / "disposition.docx")
    doc = ingest.load(tmp_path / "disposition.docx")
    spans = highlights(analyze(doc), doc)
    assert _of(spans, "item", doc) == [
        "1\tWater Main Renewals – 2024 Programme",
        "2\tSnow Clearing Contract Extension",
    ]
    assert _of(spans, "resolution", doc) == ["ADOPTED", "ADOPTED AS AMENDED"]  # apart from the headings
    assert not any("\t" in span.label for span in spans)  # labels are one line of words


def test_statuses_read_as_words() -> None:
    assert [status_name(status) for status in ("present", "also-present", "co-opted", "apologies")] == [
        "Present", "Also present", "Co-opted", "Apologies"
    ]


def test_things_without_a_position_are_left_out(minutes: DocumentText) -> None:
    unplaced = Attendee(name="Nobody", status="present")  # a rule that could not place it: start = end = 0
    assert highlights(Analysis(attendance=(unplaced,)), minutes) == []


def _two_page_pdf(path: Path) -> Path:
    pdf = pymupdf.open()
    one = pdf.new_page(width=595, height=842)
    one.insert_text((72, 80), "MIDTOWN PARISH COUNCIL", fontsize=14, fontname="hebo")
    one.insert_text((72, 100), "Minutes of the meeting held on 3 March 2025", fontsize=11)
    one.insert_text((72, 130), "Present: Cllr A Smith (Chair), Cllr B Jones", fontsize=11)
    one.insert_text((72, 170), "1. Bus shelter roof", fontsize=11, fontname="hebo")
    body = [
        "The clerk reported that two quotes had been received for the repair of the roof",
        "over the shelter by the green, and that the work could start in the spring if approved.",
        "Members asked whether the parish could share the cost with the bus company.",
    ]
    for row, line in enumerate(body):
        one.insert_text((72, 190 + 14 * row), line, fontsize=11)
    one.insert_text((72, 250), "RESOLVED: That the lower quote be accepted.", fontsize=11)
    two = pdf.new_page(width=595, height=842)
    two.insert_text((72, 100), "2. Date of next meeting", fontsize=11, fontname="hebo")
    two.insert_text((72, 120), "The next meeting will be held on 7 April 2025.", fontsize=11)
    pdf.save(path)
    pdf.close()
    return path


def test_pdf_passages_map_to_their_lines_on_their_pages(tmp_path: Path) -> None:
    doc = ingest.load(_two_page_pdf(tmp_path / "midtown.pdf"))
    spans = highlights(analyze(doc), doc)
    resolution = next(span for span in spans if span.kind == "resolution")
    (page, boxes), = page_rects(doc, resolution.start, resolution.end).items()
    assert page == 0 and len(boxes) == 1 and boxes[0][1] < 250 < boxes[0][3]
    heading = next(span for span in spans if span.label.startswith("2"))
    (page, boxes), = page_rects(doc, heading.start, heading.end).items()
    assert page == 1 and len(boxes) == 1 and boxes[0][1] < 100 < boxes[0][3]


def test_part_of_a_paragraph_maps_to_its_printed_lines_only(tmp_path: Path) -> None:
    doc = ingest.load(_two_page_pdf(tmp_path / "midtown.pdf"))
    sentence = "Members asked whether the parish could share the cost with the bus company."
    start = doc.text.index(sentence)
    ((x0, y0, x1, y1),) = page_rects(doc, start, start + len(sentence))[0]
    # The third printed line (baseline 218), not the two lines of discussion above it.
    assert 204 < y0 < 218 < y1 < 226
    assert x0 == pytest.approx(72, abs=2) and x1 > 400
    ((_, top, _, bottom),) = page_rects(doc, doc.text.index("The clerk reported"), start + 10)[0]
    assert top < 190 and bottom > 218  # from the first printed line to the third


def test_a_name_within_a_printed_line_is_boxed_across_its_own_words(tmp_path: Path) -> None:
    path = _two_page_pdf(tmp_path / "midtown.pdf")
    doc = ingest.load(path)
    names = [span for span in highlights(analyze(doc), doc) if span.kind == "attendance"]
    assert [doc.text[span.start : span.end] for span in names] == ["A Smith", "B Jones"]
    with pymupdf.open(path) as pdf:
        for span in names:
            ((x0, _, x1, _),) = page_rects(doc, span.start, span.end)[0]
            (printed,) = pdf[0].search_for(doc.text[span.start : span.end])
            assert x0 <= printed.x0 + 1 and x1 >= printed.x1 - 1  # the words are covered…
            assert x1 - x0 < 1.5 * printed.width  # …and not the rest of the line


def test_a_passage_over_a_page_break_has_boxes_on_both_pages(tmp_path: Path) -> None:
    doc = ingest.load(_two_page_pdf(tmp_path / "midtown.pdf"))
    start = doc.text.index("RESOLVED")
    end = doc.text.index("7 April")
    rects = page_rects(doc, start, end)
    assert sorted(rects) == [0, 1]
    assert page_rects(doc, 0, 0) == {}


def test_page_highlights_pair_boxes_with_kinds(tmp_path: Path) -> None:
    doc = ingest.load(_two_page_pdf(tmp_path / "midtown.pdf"))
    spans = highlights(analyze(doc), doc)
    drawn = page_highlights(doc, spans)
    assert {kind for _, _, kind in drawn} >= {"item", "resolution"}
    assert {page for page, _, kind in drawn if kind == "item"} == {0, 1}


def test_text_documents_have_no_page_boxes(minutes: DocumentText) -> None:
    spans = highlights(analyze(minutes), minutes)
    assert page_highlights(minutes, spans) == []
