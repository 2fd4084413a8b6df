"""PDF: reading order across columns, running heads dropped, tables as rows, hints, bad files."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from app import ingest
from app.errors import PasswordRequired, UnreadableFile
from app.ingest import ocr, pdf, pdflayout, pdflines
from app.ingest.pdflines import Line
from app.model import DocumentText

from tests.factories import (
    write_many_small_scans,
    write_moderngov_minutes,
    write_pdf_labelled_attendance,
    write_pdf_minutes,
    write_scanned_pdf,
    write_sideways_table_pdf,
    write_zero_page_pdf,
)
from tests.unit.app.ingest_checks import assert_well_formed, kinds


@pytest.fixture
def minutes(tmp_path: Path) -> DocumentText:
    return ingest.load(write_pdf_minutes(tmp_path / "minutes.pdf"))


def test_pdf_reads_naturally_in_reading_order(minutes: DocumentText) -> None:
    assert_well_formed(minutes)
    assert minutes.text.split("\n") == [
        "ANYTOWN TOWN COUNCIL",
        "Minutes of the meeting held on 3 March 2025",
        "Present:",
        "Cllr A Smith (Chair)",
        "Cllr B Jones",
        "Cllr E White",
        "Apologies:",
        "Cllr C Brown",
        "Cllr D Green",
        "1. Planning applications",
        "The committee considered the application for the new houses at Mill Lane and it was recommended "
        "that the council raise no objection, subject to the recommendations of the planning officer.",
        "CB",
        "2. Finance",
        "Payments were approved as follows:",
        "Payee\tDate\tAmount",
        "SSE\t10/07/25\t£30.08",
        "Came & Co\t12/07/25\t£487.96",
        "3. Date of next meeting",
        "The next meeting will be held on 7 April 2025.",
    ]


def test_running_header_and_page_numbers_are_dropped_but_pages_kept(minutes: DocumentText) -> None:
    assert "Page 1 of 2" not in minutes.text and "Anytown Town Council - Minutes" not in minutes.text
    assert [page.number for page in minutes.pages] == [1, 2]
    second = minutes.pages[1]
    assert minutes.text[second.start : second.end].startswith("3. Date of next meeting")
    assert minutes.page_at(minutes.text.index("7 April")) == 2


def test_pdf_block_hints(minutes: DocumentText) -> None:
    blocks = {minutes.block_text(block): block for block in minutes.blocks}
    title = blocks["ANYTOWN TOWN COUNCIL"]
    assert (title.kind, title.level, title.bold, title.size) == ("heading", 1, True, 16.0)
    item = blocks["1. Planning applications"]
    assert item.kind == "heading" and item.numbering == "1." and item.level > title.level
    assert blocks["Payee\tDate\tAmount"].kind == "table_row" and blocks["Payee\tDate\tAmount"].bold
    assert all(block.page in (1, 2) and block.bbox is not None for block in minutes.blocks)
    bbox = blocks["Cllr C Brown\nCllr D Green"].bbox or (0, 0, 0, 0)
    assert bbox[0] >= 320 and bbox[3] < 200


def test_label_column_is_read_label_by_label(tmp_path: Path) -> None:
    doc = ingest.load(write_pdf_labelled_attendance(tmp_path / "labels.pdf"))
    assert doc.text.split("\n") == [
        "Present:",
        "Councillor A Smith (Chair)",
        "Councillor B Jones",
        "Councillor C Brown",
        "Apologies:",
        "Councillor D Green",
        "Officers:",
        "J Bloggs (Clerk)",
        "K Doe (Planning)",
        "1. Minutes of the last meeting",
    ]


def test_moderngov_style_minutes(tmp_path: Path) -> None:
    doc = ingest.load(write_moderngov_minutes(tmp_path / "planning.pdf"))
    assert_well_formed(doc)
    assert "initials" not in doc.text and not any(line.strip() in ("1", "2") for line in doc.text.split("\n"))
    assert kinds(doc)[2:] == [
        ("heading", "PRESENT:"),
        ("paragraph", "Councillors R Ahmed (Chairman), S Baker, T Clarke, U Davies, V Evans, W Fisher, "
                      "X Green and Y Hughes"),
        ("heading", "23. APOLOGIES FOR ABSENCE"),
        ("paragraph", "Apologies for absence were received from Councillor Z Irving."),
        ("heading", "24. LAND AT MILL LANE - 24/01234/FUL"),
        ("paragraph", "The Committee considered the report of the Head of Planning on the application for "
                      "twelve dwellings. Members discussed the access arrangements and the effect on the "
                      "conservation area."),
        ("paragraph", "RESOLVED - That"),  # bold, but it runs into its sub-points: no heading
        ("list_item", "(a) planning permission be granted subject to conditions; and"),
        ("list_item", "(b) the Head of Planning be authorised to agree the conditions."),
        ("paragraph", "The meeting closed at 8.45 pm"),
    ]
    assert [block.numbering for block in doc.blocks if block.kind == "list_item"] == ["(a)", "(b)"]
    assert doc.blocks[-1].page == 2


def test_sideways_page_is_read_turned_upright(tmp_path: Path) -> None:
    doc = ingest.load(write_sideways_table_pdf(tmp_path / "landscape.pdf"))
    assert doc.text.split("\n") == ["Cost centre Budget Actual", "Parks 1,000 950", "Libraries 2,000 2,100",
                                     "Roads 5,000 4,800"]  # fmt: skip


def test_amounts_by_the_right_edge_stay_in_their_table(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    rows = [("Payee", "Detail", "Amount"), ("SSE", "Electricity", "£30.08"), ("HMRC", "PAYE", "£16.00")]
    for index, cells in enumerate(rows):
        for x, text in zip((72, 250, 500), cells, strict=True):
            page.insert_text((x, 100 + 15 * index), text, fontsize=11)
    doc.save(tmp_path / "payments.pdf")
    assert ingest.load(tmp_path / "payments.pdf").text.split("\n") == [
        "Payee\tDetail\tAmount", "SSE\tElectricity\t£30.08", "HMRC\tPAYE\t£16.00"
    ]


def test_capitals_and_bold_lines_are_heading_hints_but_sentences_are_not(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    for index, (text, font) in enumerate(
        [("APOLOGIES FOR ABSENCE", "helv"), ("None were received.", "helv"), ("Finance", "hebo"),
         ("The accounts were approved.", "hebo"), ("NOTED.", "helv")]
    ):  # fmt: skip
        page.insert_text((72, 100 + 30 * index), text, fontsize=11, fontname=font)
    doc.save(tmp_path / "hints.pdf")
    loaded = ingest.load(tmp_path / "hints.pdf")
    kinds_found = [block.kind for block in loaded.blocks]
    assert kinds_found == ["heading", "paragraph", "heading", "paragraph", "paragraph"]


@pytest.mark.parametrize(
    ("end", "start", "joined"),
    [
        ("recom-", "mended by the officer.", "recommended by the officer."),
        ("co-", "operation with the county.", "co-operation with the county."),
        ("Kerford-", "Byrne was thanked.", "Kerford-Byrne was thanked."),
        ("re-", "mainder of the year.", "remainder of the year."),
        ("ex-", "pected to rise.", "expected to rise."),
        ("recom- ", "mendation AM/23/61.", "recommendation AM/23/61."),
        ("re-", "elected as chair.", "re-elected as chair."),
        ("well-", "being of residents.", "well-being of residents."),
        ("part-", "time clerk.", "part-time clerk."),
    ],
)
def test_line_end_hyphens(tmp_path: Path, end: str, start: str, joined: str) -> None:
    sentence = "The committee noted the report and the work of the clerk and thanked everyone for the"
    words = sentence.split()
    first = ""
    while pymupdf.get_text_length(f"{first} {end}", fontsize=11) < 440:
        first = f"{first} {words[len(first.split()) % len(words)]}".strip()
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"{first} {end}", fontsize=11)
    page.insert_text((72, 114), start, fontsize=11)
    doc.save(tmp_path / "hyphens.pdf")
    assert ingest.load(tmp_path / "hyphens.pdf").text == f"{first} {joined}"


def test_line_end_hyphens_in_a_minute_table_cell(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    rows = ["It was RESOLVED to adopt recom-", "mendation 61 of the Committee to re-", "new the leases."]
    page.insert_text((72, 100), "TC/24/108", fontsize=10)
    for index, text in enumerate(rows):
        page.insert_text((160, 100 + 13 * index), text, fontsize=10)
    page.insert_text((72, 160), "TC/24/109", fontsize=10)
    page.insert_text((160, 160), "The meeting closed at 9.12pm.", fontsize=10)
    doc.save(tmp_path / "table.pdf")
    text = ingest.load(tmp_path / "table.pdf").text
    assert "adopt recommendation 61 of the Committee to renew the leases." in text


@pytest.mark.parametrize("hyphen", ["\u00ad", "\u2010"])
def test_soft_and_unicode_hyphens_at_a_line_end_join_the_word(hyphen: str) -> None:
    def span(text: str, y: float) -> dict[str, object]:
        width = len(text) * 5.0
        bbox = (72.0, y, 72.0 + width, y + 12)
        return {"text": text, "bbox": bbox, "size": 10.0, "flags": 0, "font": "Arial"}

    first = "The committee agreed to adopt the recom" + hyphen
    pieces = ((first, 100.0), ("mendation.", 113.0))
    lines = [{"dir": (1.0, 0.0), "spans": [span(text, y)]} for text, y in pieces]
    read = pdflines.page_text({"width": 72 + len(first) * 5.0, "height": 800, "blocks": [{"lines": lines}]})
    drafts = pdflayout.paragraphs(read.lines, pdflayout.Style(10.0), read.width, lambda: 10.0)
    assert [draft.text for draft in drafts] == ["The committee agreed to adopt the recommendation."]


def test_encrypted_pdf_needs_the_right_password(tmp_path: Path) -> None:
    path = write_pdf_minutes(tmp_path / "secret.pdf", password="s3cret")
    with pytest.raises(PasswordRequired, match="password is needed") as missing:
        ingest.load(path)
    assert not missing.value.wrong
    with pytest.raises(PasswordRequired, match="wrong password") as wrong:
        ingest.load(path, password="guess")
    assert wrong.value.wrong
    assert "3. Date of next meeting" in ingest.load(path, password="s3cret").text


def test_corrupt_pdf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with pytest.raises(UnreadableFile, match=r"corrupt\.pdf"):
        ingest.load(path)


def test_truncated_pdf_gives_an_error_or_what_survives(tmp_path: Path) -> None:
    data = write_pdf_minutes(tmp_path / "whole.pdf").read_bytes()
    for fraction in (0.2, 0.5, 0.9):
        path = tmp_path / f"cut-{fraction}.pdf"
        path.write_bytes(data[: int(len(data) * fraction)])
        try:
            doc = ingest.load(path)
        except UnreadableFile as error:
            assert path.name in str(error)
        else:
            assert_well_formed(doc)
            assert doc.text.startswith("Anytown Town Council") or doc.text.startswith("ANYTOWN")
            assert "damaged" in doc.warnings[-1]


def test_pdf_without_pages_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="has no pages"):
        ingest.load(write_zero_page_pdf(tmp_path / "empty.pdf"))


def test_pdf_with_only_blank_pages_says_so(tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page()
    doc.save(tmp_path / "blank.pdf")
    with pytest.raises(UnreadableFile, match="no text to read"):
        ingest.load(tmp_path / "blank.pdf")


def test_scan_without_tesseract_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("TESSDATA_PREFIX", raising=False)
    assert ocr.find_tessdata() is None
    with pytest.raises(UnreadableFile, match=r"no text layer on 1 of 1 pages.*apt install tesseract-ocr"):
        ingest.load(write_scanned_pdf(tmp_path / "scan.pdf"))
    mixed = ingest.load(write_scanned_pdf(tmp_path / "mixed.pdf", text_pages=1))
    assert mixed.text == "Agenda for the meeting."
    assert "no text layer on 1 of 2 pages" in mixed.warnings[0]



def test_text_layer_of_unmapped_glyphs_counts_as_none() -> None:
    page = pymupdf.open().new_page()
    line = Line("\ufffd" * 40, 72, 60, 400, 75, 11.0, False)
    assert pdf._needs_ocr(page, [line])
    assert not pdf._needs_ocr(page, [line._replace(text="Minutes of the meeting held on 3 March")])


@pytest.mark.skipif(ocr.find_tessdata() is None, reason="Tesseract OCR language data is not installed")
def test_scan_is_read_by_ocr(tmp_path: Path) -> None:
    doc = ingest.load(write_scanned_pdf(tmp_path / "scan.pdf"))
    assert "MINUTES OF THE PARISH COUNCIL" in doc.text
    assert "accounts be approved" in doc.text
    assert "OCR" in doc.warnings[0]


@pytest.mark.skipif(ocr.find_tessdata() is None, reason="Tesseract OCR language data is not installed")
def test_ocr_is_bounded_to_a_number_of_pages(tmp_path: Path) -> None:
    doc = ingest.load(write_many_small_scans(tmp_path / "slips.pdf", ocr.MAX_PAGES + 2))
    assert doc.text.count("Resolved") == ocr.MAX_PAGES
    assert f"only the first {ocr.MAX_PAGES} scanned pages" in doc.warnings[-1]
    assert "the other 2 are left out" in doc.warnings[-1]


def test_souldern_samples_read_cleanly(samples: Path) -> None:
    doc = ingest.load(samples / "uk-souldern-pc-2016-05-19.pdf")
    assert_well_formed(doc)
    lines = doc.text.split("\n")
    # Three side-by-side attendance columns read one after another.
    present = lines.index("Present:")
    assert lines[present + 1 : present + 3] == ["N Oakhill (NO)", "K Draper (KD)"]
    order = [lines.index(line) for line in ("Also in attendance:", "Apologies", "1. Election of Officers:")]
    assert order == sorted(order)
    assert ("table_row", "Mr Cross – grass cutting March\t31.03.16\t£288.00\tOSA 1906: s 10") in kinds(doc)
    footer = ingest.load(samples / "uk-souldern-pc-2018-07-26.pdf")
    assert "Parish Clerk" not in footer.text and "Mobile" not in footer.text


def test_first_line_indented_paragraphs_stay_whole(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    lines = [
        (108, "The Clerk reported that the grass cutting contract had been renewed for a"),
        (72, "further three years at the same price, and that the contractor would also clear"),
        (72, "the ditches along the bridleway twice a year."),
        (108, "The Council thanked the Clerk for the work done in arranging this."),
    ]
    for index, (x, text) in enumerate(lines):
        page.insert_text((x, 100 + 14 * index), text, fontsize=11)
    doc.save(tmp_path / "indents.pdf")
    paragraphs = ingest.load(tmp_path / "indents.pdf").text.split("\n")
    assert paragraphs == [
        " ".join(text for _, text in lines[:3]),
        lines[3][1],
    ]


def test_an_outdented_minute_number_after_a_full_line_starts_a_new_block(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    text = "The minutes of the meeting held on 3 March were checked and signed as a true record by"
    page.insert_text((108, 100), text, fontsize=11)
    page.insert_text((72, 114), "5. Public participation", fontsize=11)
    doc.save(tmp_path / "outdent.pdf")
    assert ingest.load(tmp_path / "outdent.pdf").text.split("\n") == [text, "5. Public participation"]


def test_text_hanging_after_its_minute_number_stays_one_paragraph(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    first = "Issues from the Floor: residents asked about the state of the footpath beside the"
    page.insert_text((72, 100), "5.", fontsize=11)
    page.insert_text((106, 100), first, fontsize=11)
    page.insert_text((106, 114), "church and the Clerk will report back.", fontsize=11)
    page.insert_text((72, 142), "6.", fontsize=11)
    page.insert_text((106, 142), "Date of the next meeting", fontsize=11)
    doc.save(tmp_path / "hanging.pdf")
    assert ingest.load(tmp_path / "hanging.pdf").text.split("\n") == [
        f"5. {first} church and the Clerk will report back.",
        "6. Date of the next meeting",
    ]


def test_pages_read_without_glyph_box_corrections_read_as_with_them(tmp_path: Path) -> None:
    """Pages in fonts of sound metrics are read the quick way; a font PyMuPDF corrects is read its way."""
    doc = pymupdf.open()
    for number in range(4):
        page = doc.new_page()
        page.insert_text((72, 100), "Apologies for absence", fontsize=11, fontname="helv")
        if number == 2:  # ZapfDingbats: ascender to descender less than the type size
            page.insert_text((72, 130), "4 5 6 Done", fontsize=11, fontname="zadb")
    reader = pdf.PageReader()
    for page in doc:
        expected = pdf.page_text(page.get_text("dict", flags=pdf.TEXT_FLAGS))
        assert pdf.page_text(reader.page_dict(page)) == expected
    assert reader.sound == {"Helvetica"}


def test_prose_beside_a_narrow_action_column_keeps_its_wrapped_lines_together(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 90), "Minute", fontsize=10, fontname="hebo")
    page.insert_text((440, 90), "Action", fontsize=10, fontname="hebo")
    lines = [
        "HB.33 NEEDS ASSESSMENT 2023",
        "The Director presented the refreshed needs assessment for the",
        "county. Life expectancy in deprived wards was 8.4 years lower.",
        "The Board asked for ward profiles to be shared.",
        "RESOLVED that the Board agrees that healthy weight and mental",
        "wellbeing be the priorities for the 2024/25 delivery plan.",
    ]
    for index, text in enumerate(lines):
        page.insert_text((72, 104 + 13 * index), text, fontsize=10)
    page.insert_text((440, 104 + 13 * 3), "SP", fontsize=10)
    doc.save(tmp_path / "actions.pdf")
    loaded = ingest.load(tmp_path / "actions.pdf")
    assert [loaded.block_text(block) for block in loaded.blocks][1:] == [
        lines[0],
        f"{lines[1]} {lines[2]}",
        f"{lines[3]}\tSP",
        f"{lines[4]} {lines[5]}",
    ]
