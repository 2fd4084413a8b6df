"""Items and decisions in generated PDF minutes laid out as Modern.gov and town councils print them."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from app import ingest
from app.analysis import analyze
from app.model import Analysis

A4 = pymupdf.paper_rect("a4")
BODY = (
    "The Director of Finance presented the report, which set out the position of the revenue budget "
    "at the end of the third quarter and the forecast outturn for the year."
)


class _Writer:
    """Writes lines down A4 pages with a running header and footer, as a council's template does."""

    def __init__(self) -> None:
        self.pdf = pymupdf.open()
        self.page: pymupdf.Page | None = None
        self.y = 0.0
        self.number = 0

    def _new_page(self) -> pymupdf.Page:
        self.number += 1
        page = self.pdf.new_page(width=A4.width, height=A4.height)
        page.insert_text((56, 30), "Cabinet - Tuesday, 12 March 2024", fontsize=8, fontname="helv")
        page.insert_text((270, A4.height - 28), f"Page {self.number}", fontsize=8, fontname="helv")
        self.page, self.y = page, 80.0
        return page

    def line(self, text: str, x: float = 100, bold: bool = False, size: float = 11, gap: float = 16) -> None:
        page = self.page if self.page is not None and self.y < A4.height - 90 else self._new_page()
        page.insert_text((x, self.y), text, fontsize=size, fontname="hebo" if bold else "helv")
        self.y += gap

    def paragraph(self, text: str, x: float = 100) -> None:
        words, row = text.split(), ""
        for word in words:
            if len(row) + len(word) > 80:
                self.line(row, x, gap=14)
                row = ""
            row = f"{row} {word}".strip()
        self.line(row, x, gap=22)

    def item(self, number: str, title: str) -> None:
        assert self.page is not None
        self.page.insert_text((56, self.y), number, fontsize=11, fontname="hebo")
        self.line(title, bold=True, gap=20)

    def save(self, path: Path) -> Path:
        self.pdf.save(path)
        return path


def _moderngov(path: Path) -> Path:
    pdf = _Writer()
    pdf._new_page()
    pdf.line("CABINET", x=56, bold=True, size=16, gap=24)
    pdf.paragraph("MINUTES of a meeting of the Cabinet held on Tuesday, 12 March 2024 at 6.00 pm", x=56)
    pdf.line("PRESENT: Councillor J Harper (Chair); Councillors A Brown, C Davies and R Singh", x=56, gap=26)
    pdf.item("45", "APOLOGIES FOR ABSENCE")
    pdf.paragraph("Apologies for absence were received from Councillor P Green.")
    pdf.item("46", "MINUTES")
    pdf.line("RESOLVED:", bold=True)
    pdf.paragraph("That the minutes of the meeting held on 13 February 2024 be approved as a correct record.")
    pdf.item("47", "REVENUE BUDGET MONITORING - QUARTER 3")
    for _ in range(3):
        pdf.paragraph(BODY)
    for number, text in enumerate(("Income was on target.", "Spending was below budget."), start=1):
        pdf.line(f"{number}.", x=100)
        pdf.y -= 16
        pdf.line(text, x=120)
    pdf.line("RESOLVED:", bold=True)
    pdf.line("(a) That the forecast outturn be noted; and", x=100)
    pdf.line("(b) That the virements set out in Appendix B be approved.", x=100, gap=22)
    for _ in range(12):
        pdf.paragraph(BODY)
    pdf.item("48", "LEISURE CENTRE CONTRACT")
    pdf.paragraph("RESOLVED: That the contract be extended for two years from 1 April 2025.")
    pdf.line("The meeting closed at 7.42 pm", x=56)
    return pdf.save(path)


def _analysed(path: Path) -> Analysis:
    return analyze(ingest.load(path))


def test_moderngov_pdf_items_with_numbers_in_the_margin(tmp_path: Path) -> None:
    analysis = _analysed(_moderngov(tmp_path / "cabinet.pdf"))
    assert [(item.number, item.title) for item in analysis.items] == [
        ("45", "APOLOGIES FOR ABSENCE"),
        ("46", "MINUTES"),
        ("47", "REVENUE BUDGET MONITORING - QUARTER 3"),
        ("48", "LEISURE CENTRE CONTRACT"),
    ]
    assert analysis.items[0].page == 1
    assert analysis.items[-1].page == 2


def test_moderngov_pdf_decisions_keep_their_sub_points(tmp_path: Path) -> None:
    analysis = _analysed(_moderngov(tmp_path / "cabinet.pdf"))
    decisions = [" ".join(span.text.split()) for item in analysis.items for span in item.resolutions]
    assert decisions[0].startswith("RESOLVED: That the minutes of the meeting held on 13 February 2024")
    assert decisions[1] == (
        "RESOLVED: (a) That the forecast outturn be noted; and "
        "(b) That the virements set out in Appendix B be approved."
    )
    assert decisions[2] == "RESOLVED: That the contract be extended for two years from 1 April 2025."
    assert analysis.items[0].resolutions == ()


def test_a_bold_decimal_item_after_its_parents_own_business(tmp_path: Path) -> None:
    writer = _Writer()
    writer.line("SHIRE OF KARRALUP", bold=True, size=14)
    writer.line("Ordinary Council Meeting - Minutes", bold=True)
    for number, title, decided in [
        ("8.", "CORPORATE SERVICES", None),
        ("8.1", "LIST OF ACCOUNTS PAID - MAY 2024", "That Council receive the list of accounts paid."),
        ("9.", "MATTERS BEHIND CLOSED DOORS", "That the meeting be closed to consider item 9.1."),
        ("9.1", "LEASE OF THE OLD DEPOT", "That Council accept the offer from the Karralup Men's Shed."),
        ("10.", "CLOSURE OF MEETING", None),
    ]:
        writer.item(number, title)
        if decided:
            writer.line("COUNCIL RESOLUTION", bold=True)
            writer.paragraph(decided)
            writer.line("CARRIED 5/0", x=450, bold=True)
    writer.paragraph("The Presiding Member closed the meeting at 4.10pm.")
    analysis = _analysed(writer.save(tmp_path / "minutes.pdf"))
    assert [item.number for item in analysis.items] == ["8", "8.1", "9", "9.1", "10"]
