"""Opening a PDF with PyMuPDF (password, damage, no pages): apart from reading it, so the page view
can show a file without loading the text extraction."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from app.errors import PasswordRequired, UnreadableFile

# MuPDF reports repairs on stderr; they reach the user as one warning on the document instead.
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


def open_pdf(path: Path, password: str | None) -> pymupdf.Document:
    pymupdf.TOOLS.reset_mupdf_warnings()
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as error:
        raise UnreadableFile(f"{path.name}: not a readable PDF ({error}).") from error
    if doc.needs_pass:
        if password is None:
            raise PasswordRequired(f"{path.name} is encrypted: a password is needed to open it.")
        if not doc.authenticate(password):
            raise PasswordRequired(f"{path.name}: wrong password.", wrong=True)
    if doc.page_count == 0:
        raise UnreadableFile(f"{path.name}: the PDF has no pages.")
    return doc
