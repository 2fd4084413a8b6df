"""Generators of fixture documents in varied council styles: PDF (PyMuPDF), DOCX (python-docx), zips."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import docx
import pymupdf
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

# --- Word ---------------------------------------------------------------------------------------


def _field(paragraph: docx.text.paragraph.Paragraph, code: str, result: str) -> None:
    """A complex field (begin, code, separate, result, end), as Word writes MERGEFIELD or PAGE."""
    w = nsdecls("w")
    for xml in (
        f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {w}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>',
        f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {w}><w:t>{result}</w:t></w:r>",
        f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def write_docx_minutes(path: Path) -> Path:
    """Town-council minutes in Word: title, numbered headings, Word list numbering, tables, fields."""
    document = docx.Document()
    document.core_properties.title = "Minutes of the Finance Committee"
    document.add_paragraph("Minutes of the Finance Committee", style="Title")
    intro = document.add_paragraph("Held on ")
    intro.add_run("Monday 6 January 2025").bold = True
    intro.add_run(" at the Guildhall.")
    bookmark = f'<w:bookmarkStart {nsdecls("w")} w:id="0" w:name="_GoBack"/>'
    intro._p.insert(0, parse_xml(bookmark))
    document.add_heading("1. Apologies", level=1)
    document.add_paragraph("Apologies were received from Cllr Patel.")
    document.add_heading("2. Budget monitoring", level=1)
    document.add_heading("Revenue", level=2)
    for text in ("Income is on target.", "Spending is below budget.", "Reserves are healthy."):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("A bullet point", style="List Bullet")
    merge = document.add_paragraph("Dear ")
    _field(merge, 'MERGEFIELD "FirstName"', "Councillor")
    merge.add_run(", see page ")
    _field(merge, "PAGE", "2")
    merge.add_run(".")
    line = document.add_paragraph("First line")
    line.add_run().add_break(WD_BREAK.LINE)
    line.add_run("second line")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "Code", "Budget", "Actual"
    table.cell(1, 0).text, table.cell(1, 1).text, table.cell(1, 2).text = "4010", "£1,000", "£950"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Total"
    table.cell(2, 2).text = "£950"
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    nested = table.cell(1, 2).add_table(rows=1, cols=2)
    nested.cell(0, 0).text, nested.cell(0, 1).text = "Q1", "Q2"
    frame = document.add_table(rows=1, cols=1)
    frame.cell(0, 0).text = "RESOLVED that the budget report be noted."
    document.add_heading("3. Date of next meeting", level=1)
    document.add_paragraph("3 February 2025.")
    document.save(path)
    return path


def write_zip_bomb_docx(path: Path, inflated_mb: int = 20) -> Path:
    """A .docx whose body inflates about 1000:1 (20 MB of zeros from ~20 KB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(inflated_mb):
                member.write(chunk)
    return path


# --- PDF ----------------------------------------------------------------------------------------

A4 = pymupdf.paper_rect("a4")
LOREM = (
    "The committee considered the report of the Director of Resources, which set out the position "
    "of the revenue budget at the end of the third quarter and the forecast for the year, together "
    "with the proposed changes to fees and charges for the coming financial year."
)


def _paragraph(rng: random.Random, words: int) -> str:
    vocabulary = LOREM.split()
    start = rng.randrange(len(vocabulary))
    text = " ".join(vocabulary[(start + index) % len(vocabulary)] for index in range(words))
    return text.capitalize() + "."


def _running(page: pymupdf.Page, header: str, number: int, total: int) -> None:
    page.insert_text((56, 36), header, fontsize=8, fontname="helv")
    page.insert_text((A4.width / 2 - 30, A4.height - 28), f"Page {number} of {total}", fontsize=8)


def write_agenda_pack(path: Path, pages: int, seed: int = 7) -> Path:
    """An agenda pack: running header and footer, numbered headings, paragraphs, now and then a table."""
    rng = random.Random(seed)
    doc = pymupdf.open()
    item = 0
    for number in range(1, pages + 1):
        page = doc.new_page(width=A4.width, height=A4.height)
        _running(page, "Anytown Borough Council - Cabinet - 12 March 2025", number, pages)
        y = 80.0
        while y < A4.height - 120:
            roll = rng.random()
            if roll < 0.15:
                item += 1
                page.insert_text((56, y + 14), f"{item}. Report on item {item}", fontsize=14, fontname="hebo")
                y += 30
            elif roll < 0.22:
                y = _table(page, y, rng)
            else:
                box = pymupdf.Rect(56, y, A4.width - 56, y + 80)
                text = _paragraph(rng, rng.randrange(25, 60))
                spare = page.insert_textbox(box, text, fontsize=10, fontname="helv")
                y += 80 - max(spare, 0) + 10
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    return path


def _table(page: pymupdf.Page, y: float, rng: random.Random) -> float:
    page.insert_text((56, y + 12), "Budget line", fontsize=10, fontname="hebo")
    page.insert_text((300, y + 12), "Amount", fontsize=10, fontname="hebo")
    for _ in range(3):
        y += 16
        page.insert_text((56, y + 12), f"Cost centre {rng.randrange(1000, 9999)}", fontsize=10)
        page.insert_text((300, y + 12), f"£{rng.randrange(100, 99999):,}", fontsize=10)
    return y + 30
