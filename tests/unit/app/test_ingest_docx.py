"""Word documents: body order, styles, numbering, tables, artefacts dropped, hostile zips refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app import ingest
from app.errors import UnreadableFile

from tests.factories import write_docx_minutes, write_zip_bomb_docx
from tests.unit.app.ingest_checks import assert_well_formed, kinds


def test_docx_reads_in_body_order_with_styles(tmp_path: Path) -> None:
    doc = ingest.load(write_docx_minutes(tmp_path / "minutes.docx"))
    assert_well_formed(doc)
    assert doc.format == "docx"
    assert doc.title == "Minutes of the Finance Committee"
    assert kinds(doc) == [
        ("heading", "Minutes of the Finance Committee"),
        ("paragraph", "Held on Monday 6 January 2025 at the Guildhall."),
        ("heading", "1. Apologies"),
        ("paragraph", "Apologies were received from Cllr Patel."),
        ("heading", "2. Budget monitoring"),
        ("heading", "Revenue"),
        ("list_item", "1. Income is on target."),
        ("list_item", "2. Spending is below budget."),
        ("list_item", "3. Reserves are healthy."),
        ("list_item", "A bullet point"),
        ("paragraph", "Dear Councillor, see page 2."),
        ("paragraph", "First line\nsecond line"),
        ("table_row", "Code\tBudget\tActual"),
        ("table_row", "4010\t£1,000\t£950 Q1 Q2"),
        ("table_row", "Total\t£950"),
        ("paragraph", "RESOLVED that the budget report be noted."),
        ("heading", "3. Date of next meeting"),
        ("paragraph", "3 February 2025."),
    ]


def test_docx_hints(tmp_path: Path) -> None:
    doc = ingest.load(write_docx_minutes(tmp_path / "minutes.docx"))
    blocks = {doc.block_text(block): block for block in doc.blocks}
    assert blocks["Revenue"].level == 2 and blocks["1. Apologies"].level == 1
    assert blocks["1. Apologies"].numbering == "1." and blocks["1. Apologies"].style == "Heading 1"
    assert blocks["2. Spending is below budget."].numbering == "2."
    assert blocks["A bullet point"].numbering is None
    assert blocks["Code\tBudget\tActual"].bold and not blocks["Total\t£950"].bold
    assert blocks["3 February 2025."].numbering is None
    assert "MERGEFIELD" not in doc.text and "PAGE" not in doc.text


def test_docx_sample_tables_read_as_rows(samples: Path) -> None:
    doc = ingest.load(samples / "ca-winnipeg-council-disposition-2017-10-25.docx")
    assert_well_formed(doc)
    lines = doc.text.split("\n")
    assert "2\tZoning Agreement Amendment – 15 Gelhorn Place – ZAA 2/2017\tADOPTED" in lines
    assert "MEMBERS PRESENT\tWINNIPEG PUBLIC SERVICE" in lines
    # A merged header cell spanning the table is one cell, not three copies.
    assert "REPORT OF THE EXECUTIVE POLICY COMMITTEE dated October 11, 2017" in lines


def test_not_a_zip_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_text("These are plain-text minutes, renamed.", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="not a Word document"):
        ingest.load(path)


def test_zip_without_word_body_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(UnreadableFile, match=r"no word/document\.xml"):
        ingest.load(path)


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = write_zip_bomb_docx(tmp_path / "bomb.docx")
    with pytest.raises(UnreadableFile, match=r"compressed \d+:1"):
        ingest.load(path)


def test_damaged_word_xml_is_a_clear_error(tmp_path: Path) -> None:
    source = write_docx_minutes(tmp_path / "good.docx")
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(source) as good, zipfile.ZipFile(path, "w") as bad:
        for member in good.infolist():
            data = good.read(member.filename)
            bad.writestr(member, data[: len(data) // 2] if member.filename == "word/document.xml" else data)
    with pytest.raises(UnreadableFile, match=r"damaged\.docx"):
        ingest.load(path)


def test_zip_declaring_too_much_in_total_is_refused(tmp_path: Path) -> None:
    # 210 members of 1 MB: no single member looks like a bomb, together they would fill 210 MB.
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        chunk = b"\0" * (1024 * 1024)
        for index in range(210):
            archive.writestr(f"word/media/image{index}.bin", chunk)
    with pytest.raises(UnreadableFile, match=r"unpack to 210 MB \(the limit is 200 MB\)"):
        ingest.load(path)


def test_encrypted_or_old_word_file_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "protected.docx"
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 4096)
    with pytest.raises(UnreadableFile, match=r"password-protected or old-format.*unprotected \.docx"):
        ingest.load(path)
