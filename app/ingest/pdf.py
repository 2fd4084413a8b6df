"""PDF files through PyMuPDF: text per page, one block per text block."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from app.errors import PasswordRequired, UnreadableFile
from app.model import Block, DocumentText, Page


def open_pdf(path: Path, password: str | None) -> pymupdf.Document:
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


def load(path: Path, password: str | None = None) -> DocumentText:
    doc = open_pdf(path, password)
    parts: list[str] = []
    blocks: list[Block] = []
    pages: list[Page] = []
    offset = 0
    for page in doc:
        page_start = offset
        for block in page.get_text("blocks", sort=True):
            text = block[4].strip()
            if not text or block[6] != 0:
                continue
            if parts:
                parts.append("\n")
                offset += 1
            blocks.append(Block("paragraph", offset, offset + len(text), page=page.number + 1,
                                bbox=(block[0], block[1], block[2], block[3])))
            parts.append(text)
            offset += len(text)
        pages.append(Page(page.number + 1, page_start, offset, page.rect.width, page.rect.height))
    title = (doc.metadata or {}).get("title") or None
    return DocumentText("".join(parts), tuple(blocks), "pdf", tuple(pages), title)
