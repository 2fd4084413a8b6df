"""Printing the paper shown, or a range of its pages, to a printer or a PDF file (File ▸ Print…).

A PDF prints its own pages, rendered afresh at the printer's resolution; any
other paper prints the text view's laid-out text, paginated by Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.errors import AppError
from app.model import DocumentText

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

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


class PrintCommands:
    """File ▸ Print and Print to PDF for one reader pane: non-blocking dialogs, messages to the window."""

    def __init__(
        self,
        pane: ReaderPane,
        window: QWidget,
        status: Callable[[str], None],
        show_error: Callable[[AppError], object],
    ) -> None:
        self._pane, self._window, self._status, self._show_error = pane, window, status, show_error

    def _printable(self) -> bool:
        if self._pane.document is None and self._pane.pdf_path is None:
            self._status("Open a paper to print it.")
            return False
        return True

    def print_document(self) -> QPrintDialog | None:
        """The print dialog (all pages or a range); printing starts when it is accepted."""
        if not self._printable():
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self._window)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange)
        dialog.setMinMax(1, max(self._pane.pages.page_count, 1))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_with(printer))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # not exec(): nothing waits on it
        return dialog

    def choose_pdf(self) -> QFileDialog | None:
        """Ask where to save the paper printed as a PDF file."""
        if not self._printable():
            return None
        pane = self._pane
        shown = pane.document.title if pane.document else pane.pdf_path.stem if pane.pdf_path else "Paper"
        suggested = Path.home() / f"{shown} (printed).pdf"
        dialog = QFileDialog(self._window, "Print to PDF", str(suggested), "PDF files (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.print_to_pdf(Path(name)))
        dialog.open()
        return dialog

    def print_to_pdf(self, path: Path, first: int = 0, last: int = 0) -> int:
        """Print pages `first`…`last` (1-based; 0: all) to a PDF file; returns the pages written."""
        printer = pdf_printer(str(path))
        if first > 0:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(first, max(first, last))
        return self.print_with(printer)

    def print_with(self, printer: QPrinter) -> int:
        try:
            sheets = print_reader(self._pane, printer)
        except AppError as error:
            self._show_error(error)
            return 0
        self._status(f"Printed {sheets} page{'s' if sheets != 1 else ''}.")
        return sheets
