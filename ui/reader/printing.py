"""Printing the paper shown, or a range of its pages, to a printer or a PDF file.

A PDF prints its own pages, rendered afresh at the printer's resolution; any
other paper prints the text view's laid-out text, paginated by Qt.
"""

from __future__ import annotations

from app.model import DocumentText

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from ui.reader import rendering
from ui.reader.reader_pane import ReaderPane
from ui.reader.text_view import reading_font
from ui.theme import LIGHT

PAPER_MARGIN_PT = 50  # about 18 mm, on top of whatever the printer keeps blank
PRINT_TEXT_PT = 10.5  # the screen's reading size looks large on paper held at reading distance
MAX_DPI = 300  # finer than this costs memory and time without a visible gain on paper


def pdf_printer(path: str) -> QPrinter:
    """A printer writing a PDF file to `path` (A4, portrait, high resolution)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def chosen_pages(printer: QPrinter, count: int) -> range:
    """The 0-based pages the printer's range names (all when none is set), within `count`."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0 or last <= 0:
        return range(count)
    return range(min(first, count) - 1, min(last, count))


def print_reader(pane: ReaderPane, printer: QPrinter) -> int:
    """Print what the pane shows; returns the number of sheets printed. Raises `AppError`."""
    if pane.pdf_path is not None:
        return _print_pages(pane, printer, chosen_pages(printer, pane.pages.page_count))
    if pane.text is None:
        return 0
    document = text_document(pane.text, PRINT_TEXT_PT)
    document.setPageSize(printer.pageRect(QPrinter.Unit.Point).size())
    document.print_(printer)
    return document.pageCount()


def text_document(text: DocumentText, size: float) -> QTextDocument:
    """The paper's text laid out for paper: dark on white whatever the screen's theme, page margins."""
    document = QTextDocument()
    document.setDefaultFont(reading_font(size))
    document.setDefaultStyleSheet(rendering.stylesheet(LIGHT, size))
    document.setHtml(rendering.body_html(text))
    root = document.rootFrame()
    frame = root.frameFormat()
    frame.setMargin(PAPER_MARGIN_PT)
    root.setFrameFormat(frame)
    return document


def _print_pages(pane: ReaderPane, printer: QPrinter, pages: range) -> int:
    scale = min(printer.resolution(), MAX_DPI) / 72
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for number, page in enumerate(pages):
            if number:
                printer.newPage()
            image = pane.pages.render_page(page, scale)
            area = QRectF(painter.viewport())
            # Fitted to the sheet, aspect ratio kept, centred.
            size = QSizeF(image.size()).scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(area.topLeft(), size)
            target.moveCenter(area.center())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(pages)
