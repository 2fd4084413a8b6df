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


def _wrapped(text: str, width: int = 92) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + len(word) < width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def write_agenda_pack(path: Path, pages: int, seed: int = 7) -> Path:
    """An agenda pack: running header and footer, numbered headings, paragraphs, now and then a table."""
    rng = random.Random(seed)
    doc = pymupdf.open()
    item = 0
    for number in range(1, pages + 1):
        page = doc.new_page(width=A4.width, height=A4.height)
        _running(page, "Anytown Borough Council - Cabinet - 12 March 2025", number, pages)
        y = 80.0
        while y < A4.height - 140:
            roll = rng.random()
            if roll < 0.12:
                item += 1
                page.insert_text((56, y + 14), f"{item}. Report on item {item}", fontsize=14, fontname="hebo")
                y += 30
            elif roll < 0.18:
                y = _table(page, y, rng)
            else:
                lines = _wrapped(_paragraph(rng, rng.randrange(25, 70)))
                page.insert_text((56, y + 10), "\n".join(lines), fontsize=10, fontname="helv", lineheight=1.3)
                y += 13 * len(lines) + 10
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


def _minutes_page_one(page: pymupdf.Page) -> None:
    page.insert_text((150, 90), "ANYTOWN TOWN COUNCIL", fontsize=16, fontname="hebo")
    page.insert_text((150, 112), "Minutes of the meeting held on 3 March 2025", fontsize=12, fontname="hebo")
    # Attendance in two side-by-side columns.
    page.insert_text((90, 150), "Present:", fontsize=11, fontname="hebo")
    page.insert_text((330, 150), "Apologies:", fontsize=11, fontname="hebo")
    for row, (left, right) in enumerate(
        [("Cllr A Smith (Chair)", "Cllr C Brown"), ("Cllr B Jones", "Cllr D Green"), ("Cllr E White", "")]
    ):
        page.insert_text((90, 166 + 14 * row), left, fontsize=11)
        if right:
            page.insert_text((330, 166 + 14 * row), right, fontsize=11)
    page.insert_text((72, 240), "1.", fontsize=11, fontname="hebo")
    page.insert_text((110, 240), "Planning applications", fontsize=11, fontname="hebo")
    body = [
        "The committee considered the application for the new houses at Mill Lane and it",
        "was recommended that the council raise no objection, subject to the recom-",
        "mendations of the planning officer.",
    ]
    for row, text in enumerate(body):
        page.insert_text((110, 256 + 14 * row), text, fontsize=11)
    page.insert_text((530, 256), "CB", fontsize=11, fontname="hebo")  # action initials in the margin
    page.insert_text((72, 320), "2.", fontsize=11, fontname="hebo")
    page.insert_text((110, 320), "Finance", fontsize=11, fontname="hebo")
    page.insert_text((110, 336), "Payments were approved as follows:", fontsize=11)
    for row, cells in enumerate(
        [("Payee", "Date", "Amount"), ("SSE", "10/07/25", "£30.08"), ("Came & Co", "12/07/25", "£487.96")]
    ):
        for x, text in zip((110, 260, 380), cells, strict=True):
            page.insert_text((x, 356 + 15 * row), text, fontsize=11, fontname="hebo" if row == 0 else "helv")


def write_pdf_minutes(path: Path, password: str | None = None) -> Path:
    """Two pages of town-council minutes: columns, a table, margin initials, running header and footer."""
    doc = pymupdf.open()
    for number in (1, 2):
        page = doc.new_page(width=A4.width, height=A4.height)
        page.insert_text((72, 40), "Anytown Town Council - Minutes - 3 March 2025", fontsize=8)
        page.insert_text((270, A4.height - 30), f"Page {number} of 2", fontsize=8)
        if number == 1:
            _minutes_page_one(page)
        else:
            page.insert_text((72, 100), "3.", fontsize=11, fontname="hebo")
            page.insert_text((110, 100), "Date of next meeting", fontsize=11, fontname="hebo")
            page.insert_text((110, 116), "The next meeting will be held on 7 April 2025.", fontsize=11)
    options = {}
    if password:
        options = {"encryption": pymupdf.PDF_ENCRYPT_AES_256, "user_pw": password, "owner_pw": password + "!"}
    doc.save(path, **options)
    doc.close()
    return path


def write_scanned_pdf(path: Path, text_pages: int = 0) -> Path:
    """A one-page scan (an image of text, no text layer), after `text_pages` ordinary pages."""
    source = pymupdf.open()
    page = source.new_page(width=A4.width, height=A4.height)
    page.insert_text((72, 100), "MINUTES OF THE PARISH COUNCIL", fontsize=18, fontname="hebo")
    page.insert_text((72, 140), "Resolved that the accounts be approved.", fontsize=14)
    image = page.get_pixmap(dpi=150).tobytes("png")
    doc = pymupdf.open()
    for _ in range(text_pages):
        doc.new_page(width=A4.width, height=A4.height).insert_text((72, 100), "Agenda for the meeting.")
    scan = doc.new_page(width=A4.width, height=A4.height)
    scan.insert_image(scan.rect, stream=image)
    doc.save(path)
    return path


def write_zero_page_pdf(path: Path) -> Path:
    """A syntactically valid PDF whose page tree is empty (PyMuPDF refuses to save one)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def write_pdf_labelled_attendance(path: Path) -> Path:
    """Modern.gov-style attendance: bold labels in a left column, their names beside and below them."""
    doc = pymupdf.open()
    page = doc.new_page(width=A4.width, height=A4.height)
    y = 100.0
    for label, names in (
        ("Present:", ["Councillor A Smith (Chair)", "Councillor B Jones", "Councillor C Brown"]),
        ("Apologies:", ["Councillor D Green"]),
        ("Officers:", ["J Bloggs (Clerk)", "K Doe (Planning)"]),
    ):
        page.insert_text((56, y), label, fontsize=11, fontname="hebo")
        for name in names:
            page.insert_text((160, y), name, fontsize=11)
            y += 14
        y += 4
    page.insert_text((56, y + 20), "1.", fontsize=11, fontname="hebo")
    page.insert_text((90, y + 20), "Minutes of the last meeting", fontsize=11, fontname="hebo")
    doc.save(path)
    return path


def _lines_at(page: pymupdf.Page, x: float, y: float, lines: list[str], bold: bool = False) -> float:
    for line in lines:
        page.insert_text((x, y), line, fontsize=11, fontname="hebo" if bold else "helv")
        y += 14
    return y


def write_moderngov_minutes(path: Path) -> Path:
    """Borough minutes as Modern.gov prints them: label column, numbered minutes, lettered resolutions."""
    doc = pymupdf.open()
    for number in (1, 2):
        page = doc.new_page(width=A4.width, height=A4.height)
        page.insert_text((56, A4.height - 40), "Chairman's initials ..........", fontsize=9)
        page.insert_text((290, A4.height - 24), str(number), fontsize=9)
    first, second = doc[0], doc[1]
    _lines_at(first, 200, 80, ["PLANNING COMMITTEE"], bold=True)
    _lines_at(first, 120, 96, ["MINUTES of the meeting held on Tuesday 4 March 2025 at 7.00 pm"])
    first.insert_text((56, 130), "PRESENT:", fontsize=11, fontname="hebo")
    present = [
        "Councillors R Ahmed (Chairman), S Baker, T Clarke, U Davies, V Evans, W Fisher,",
        "X Green and Y Hughes",
    ]
    y = _lines_at(first, 150, 130, present) + 10
    first.insert_text((56, y), "23.", fontsize=11, fontname="hebo")
    y = _lines_at(first, 90, y, ["APOLOGIES FOR ABSENCE"], bold=True)
    y = _lines_at(first, 90, y, ["Apologies for absence were received from Councillor Z Irving."]) + 10
    first.insert_text((56, y), "24.", fontsize=11, fontname="hebo")
    y = _lines_at(first, 90, y, ["LAND AT MILL LANE - 24/01234/FUL"], bold=True)
    body = [
        "The Committee considered the report of the Head of Planning on the application for",
        "twelve dwellings. Members discussed the access arrangements and the effect on the",
        "conservation area.",
    ]
    y = _lines_at(first, 90, y, body) + 6
    y = _lines_at(first, 90, y, ["RESOLVED - That"], bold=True)
    y = _lines_at(first, 90, y, ["(a)  planning permission be granted subject to conditions; and"])
    _lines_at(first, 90, y, ["(b)  the Head of Planning be authorised to agree the conditions."])
    _lines_at(second, 90, 80, ["The meeting closed at 8.45 pm"])
    doc.save(path)
    doc.close()
    return path


def write_sideways_table_pdf(path: Path) -> Path:
    """A portrait page carrying a landscape table set sideways (text reading upwards)."""
    doc = pymupdf.open()
    page = doc.new_page(width=A4.width, height=A4.height)
    rows = ["Cost centre Budget Actual", "Parks 1,000 950", "Libraries 2,000 2,100", "Roads 5,000 4,800"]
    for index, row in enumerate(rows):
        page.insert_text((100 + index * 16, 700), row, fontsize=11, rotate=90)
    doc.save(path)
    return path


def write_many_small_scans(path: Path, pages: int) -> Path:
    """`pages` small scanned slips (an image of a word each), for OCR limits."""
    source = pymupdf.open()
    slip = source.new_page(width=160, height=40)
    slip.insert_text((10, 26), "Resolved", fontsize=16)
    image = slip.get_pixmap(dpi=150).tobytes("png")
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page(width=160, height=40)
        page.insert_image(page.rect, stream=image)
    doc.save(path)
    return path
