"""PDF files through PyMuPDF: reading order, running heads removed, headings by type size; OCR for scans."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import pymupdf

from app.errors import UnreadableFile
from app.forking import collection_paused
from app.ingest import ocr
from app.ingest.pdflayout import Style, page_drafts
from app.ingest.pdflines import Line, PageText, Survey, Typesetting, page_text, settle, strip_running, survey
from app.ingest.pdfopen import open_pdf
from app.ingest.pdfsplit import can_split, read_in_two
from app.ingest.textblocks import TextBuilder
from app.model import BBox, BlockKind, DocumentText

# One text extraction pass per page; images are not needed for reading.
TEXT_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_PRESERVE_WHITESPACE
# A page with fewer characters than this but with drawings or images has no usable text layer.
MIN_PAGE_CHARS = 20
UNKNOWN_SHARE = 0.3  # a text layer this much "�" is unreadable: OCR the page instead
DAMAGED = "the PDF is damaged and was repaired: some of its text may be missing"


class PageReader:
    """Pages' text as PyMuPDF's dict, read without PyMuPDF's glyph-box corrections where they change nothing.

    PyMuPDF corrects each character's box for fonts whose ascender and descender
    span less than the type size; for every other font the box stays as MuPDF made
    it. The corrections cost about a quarter of the dict extraction even when they
    change nothing, so a page set only in fonts already seen with sound metrics is
    read without them; any other page is read with them, as PyMuPDF does by default.
    """

    def __init__(self) -> None:
        self.sound: set[str] = set()
        self.quick = False  # whether the page before was set in sound fonts only

    def page_dict(self, page: pymupdf.Page) -> dict[str, Any]:
        try:
            textpage = page.get_textpage(flags=TEXT_FLAGS)
            if self.quick:
                quick = _extracted(textpage, page, corrected=False)
                if _fonts(quick) <= self.sound:
                    return quick
            exact = _extracted(textpage, page, corrected=True)
        except (RuntimeError, ValueError):
            # A damaged content stream: the page reads as empty rather than failing the whole file.
            return {"blocks": []}
        self.sound |= _fonts(exact, sound=True)
        self.quick = _fonts(exact) <= self.sound
        return exact


def _extracted(textpage: pymupdf.TextPage, page: pymupdf.Page, corrected: bool) -> dict[str, Any]:
    """`page.get_text("dict")`, from a text page already made, with or without the box corrections."""
    before = pymupdf.TOOLS.unset_quad_corrections()
    pymupdf.TOOLS.unset_quad_corrections(not corrected)
    try:
        return dict(textpage.extractDICT(cb=page.cropbox))
    finally:
        pymupdf.TOOLS.unset_quad_corrections(before)


def _fonts(page_dict: dict[str, Any], sound: bool = False) -> set[str]:
    """The fonts of a page's spans; with `sound`, those whose boxes PyMuPDF leaves uncorrected
    (read from a corrected dict: ascender above descender by the type size or more, and not
    PyMuPDF's stand-in values 0.9 / -0.1 for a font without an ascender)."""
    return {
        span["font"]
        for block in page_dict["blocks"]
        for line in block.get("lines", ())
        for span in line["spans"]
        if not sound or _sound(span["ascender"], span["descender"])
    }


def _sound(ascender: float, descender: float) -> bool:
    stand_in = abs(ascender - 0.9) < 1e-6 and abs(descender + 0.1) < 1e-6
    return ascender - descender >= 1.0 and not stand_in


def _needs_ocr(page: pymupdf.Page, lines: list[Line]) -> bool:
    """No usable text layer: (almost) no text, or text whose fonts map to no characters (�)."""
    chars = sum(len(line.text) for line in lines)
    if chars >= MIN_PAGE_CHARS:
        return sum(line.text.count("\ufffd") for line in lines) >= chars * UNKNOWN_SHARE
    try:
        return bool(page.get_images()) or len(page.get_drawings()) > 50
    except (RuntimeError, ValueError):
        return False


class PageRead(NamedTuple):
    """One page as read: its lines, whether it lacks a text layer, and its size as shown."""

    text: PageText
    scanned: bool
    width: float
    height: float


def read_pages(doc: pymupdf.Document, pages: Iterable[int]) -> dict[int, PageRead]:
    """`pages` read in their order, by page index."""
    reads = {}
    reader = PageReader()
    for index in pages:
        page = doc[index]
        text = page_text(reader.page_dict(page))
        rect = page.rect
        reads[index] = PageRead(text, _needs_ocr(page, text.lines), rect.width, rect.height)
    return reads


# A laid-out block: kind, text, level, bold, size, numbering, box.
Block = tuple[BlockKind, str, int, bool, float, "str | None", BBox]


class Laid(NamedTuple):
    """A page laid out: its blocks in reading order, and its size as shown."""

    blocks: list[Block]
    width: float
    height: float


def lay_out(reads: list[PageRead], typesetting: Typesetting) -> list[Laid]:
    """Pages read, without running heads, in blocks: headings, list items, paragraphs, table rows."""
    style = Style.from_sizes(typesetting.body, set(typesetting.sizes))
    kept = strip_running([read.text for read in reads], typesetting.running)
    laid = []
    for text, read in zip(kept, reads, strict=True):
        drafts = page_drafts(text.lines, text.width, style)
        blocks: list[Block] = [(d.kind, d.text, d.level, d.bold, d.size, d.numbering, d.bbox) for d in drafts]
        laid.append(Laid(blocks, read.width, read.height))
    return laid


class Part(NamedTuple):
    """A run of pages read by one process, in page order from page index `first`; whether MuPDF met
    damage there, and whether the process is the child."""

    reads: list[PageRead]
    first: int
    damaged: bool
    apart: bool


class Summary(NamedTuple):
    survey: Survey
    scanned: bool
    damaged: bool


class Done(NamedTuple):
    """A part finished: laid out in the child, or (when some page needs OCR, done here) only read.
    A part laid out here is at once built into the text (`InTwo.out`)."""

    laid: list[Laid]
    reads: list[PageRead]
    first: int


class InTwo:
    """A long document's pages read and laid out in two processes (`pdfsplit.Work`): the same result,
    in less time. Only surveys of the pages and their laid-out blocks cross between the processes."""

    def __init__(self, doc: pymupdf.Document, path: Path, password: str | None) -> None:
        self.doc, self.path, self.password = doc, path, password
        self.count = doc.page_count
        self.damaged = False  # whether the child's MuPDF met damage
        # The pages laid out here, built into text at once: ours while the child still lays out its part.
        self.out = TextBuilder()

    def read(self, pages: Iterable[int], apart: bool) -> Part:
        if not apart:
            return self._part(read_pages(self.doc, pages), False, False)  # damage: MuPDF's, at the end
        own = open_pdf(self.path, self.password)  # in the child: a handle of its own, as ours is in use
        try:
            reads = read_pages(own, pages)
        finally:
            own.close()
        return self._part(reads, "error" in pymupdf.TOOLS.mupdf_warnings(reset=True), True)

    def _part(self, reads: dict[int, PageRead], damaged: bool, apart: bool) -> Part:
        """Pages read (from the back, in the child), in page order; none: an empty run at the end."""
        order = sorted(reads)
        return Part([reads[index] for index in order], order[0] if order else self.count, damaged, apart)

    def summary(self, part: Part) -> Summary:
        scanned = any(read.scanned for read in part.reads)
        return Summary(survey([read.text for read in part.reads], part.first), scanned, part.damaged)

    def settle(self, first: Summary, second: Summary) -> Typesetting | None:
        """What both parts need to lay out their pages; None when some page must first be OCRed here."""
        self.damaged = second.damaged
        if first.scanned or second.scanned:
            return None
        found = first.survey
        found.add(second.survey)
        return settle(found)

    def finish(self, part: Part, settled: Typesetting | None) -> Done:
        if settled is None:
            return Done([], part.reads, part.first)
        laid = lay_out(part.reads, settled)
        if part.apart:
            return Done(laid, [], part.first)
        add_pages(self.out, laid, part.first)  # pdfsplit finishes the parts here in their order
        return Done([], [], part.first)


def read_document(
    doc: pymupdf.Document, path: Path, password: str | None
) -> tuple[TextBuilder, list[str], bool]:
    """Every page laid out, in text; warnings for the user; whether a child process met damage."""
    if can_split(doc.page_count):
        split = InTwo(doc, path, password)
        settled, first, second = read_in_two(doc.page_count, split)
        if settled is not None:
            add_pages(split.out, second.laid, second.first)  # nothing if the second part was laid out here
            return split.out, [], split.damaged
        reads, damaged = first.reads + second.reads, split.damaged
    else:
        reads, damaged = list(read_pages(doc, range(doc.page_count)).values()), False
    warnings = extract(doc, reads, path.name)
    out = TextBuilder()
    add_pages(out, lay_out(reads, settle(survey([read.text for read in reads]))), 0)
    return out, warnings, damaged


def add_pages(out: TextBuilder, pages: list[Laid], first: int) -> None:
    """Pages laid out, from page index `first`, added to the text built in `out`."""
    for number, page in enumerate(pages, start=first + 1):
        out.begin_page()
        for kind, text, level, bold, size, numbering, bbox in page.blocks:
            out.add(
                kind, text, level=level, bold=bold, size=size, numbering=numbering, page=number, bbox=bbox
            )
        out.end_page(number, page.width, page.height)


def extract(doc: pymupdf.Document, reads: list[PageRead], name: str) -> list[str]:
    """OCR the pages without a text layer in `reads` (in place); warnings for the user."""
    scanned = [index for index, read in enumerate(reads) if read.scanned]
    warnings: list[str] = []
    if not scanned:
        return warnings
    summary = f"no text layer on {len(scanned)} of {doc.page_count} pages"
    tessdata = ocr.find_tessdata()
    if tessdata is None:
        if len(scanned) == doc.page_count:
            raise UnreadableFile(f"{name}: {summary}, and {ocr.INSTALL_HINT}")
        warnings.append(f"{summary} (those pages are left out: {ocr.INSTALL_HINT})")
        return warnings
    for index in scanned[: ocr.MAX_PAGES]:
        text = page_text(ocr.page_dict(doc[index], tessdata, TEXT_FLAGS))
        reads[index] = reads[index]._replace(text=text)
    warnings.append(f"{summary}: read by OCR (Tesseract), so expect some misread words")
    if len(scanned) > ocr.MAX_PAGES:
        warnings.append(
            f"only the first {ocr.MAX_PAGES} scanned pages were read by OCR "
            f"(about {ocr.SECONDS_PER_PAGE} s a page); the other {len(scanned) - ocr.MAX_PAGES} are left out"
        )
    return warnings


def load(path: Path, password: str | None = None) -> DocumentText:
    with collection_paused():
        doc = open_pdf(path, password)
        try:
            out, warnings, damaged = read_document(doc, path, password)
            title = (doc.metadata or {}).get("title") or None
            if damaged or "error" in pymupdf.TOOLS.mupdf_warnings(reset=True):
                warnings.append(DAMAGED)
        finally:
            doc.close()
    if not out.blocks:
        raise UnreadableFile(f"{path.name}: the PDF has no text to read.")
    return out.build("pdf", title, tuple(warnings))
