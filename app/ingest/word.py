"""Word (.docx) files through python-docx: paragraphs and tables in body order, with styles and numbering."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import UnreadableFile
from app.ingest.textblocks import TextBuilder, leading_number
from app.ingest.wordnumbering import Numbering, W
from app.model import BlockKind, DocumentText

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Zip-bomb limits, checked on the declared sizes before anything is inflated.
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
# Encrypted .docx files (and old .doc files) are OLE compound documents, not zips.
OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
SKIPPED = frozenset(
    {W + "del", W + "moveFrom", W + "instrText", W + "delInstrText", MC_FALLBACK, W + "rPr", W + "pPr"}
)
HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
LIST_STYLE = re.compile(r"^list\s*(number|bullet|paragraph|continue)?\s*(\d)?$", re.I)
MAX_EMPHASIS_HEADING = 100
Look = tuple[bool, float | None]  # (bold, font size) of a run
Piece = tuple[str, bool, float | None]  # visible text with its look


@dataclass(frozen=True)
class Style:
    """What a paragraph or character style contributes: name, weight, size, numbering, outline level."""

    name: str
    based_on: str | None
    bold: bool | None
    size: float | None
    num: tuple[str, int | None] | None
    outline: int | None


def check_zip(path: Path) -> None:
    """Refuse a file that is not a zip, has no Word body, or declares a zip-bomb's sizes."""
    with path.open("rb") as handle:
        if handle.read(8) == OLE_MAGIC:
            raise UnreadableFile(
                f"{path.name}: a password-protected or old-format (.doc) Word file; "
                "save it from Word as an unprotected .docx to open it in Quorum."
            )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableFile(f"{path.name}: not a Word document (not a valid .docx zip file).") from error
    if not any(member.filename == "word/document.xml" for member in members):
        raise UnreadableFile(f"{path.name}: not a Word document (no word/document.xml inside).")
    total = sum(member.file_size for member in members)
    if total > MAX_TOTAL_BYTES:
        raise UnreadableFile(
            f"{path.name}: refused, it would unpack to {total / 1048576:.0f} MB "
            f"(the limit is {MAX_TOTAL_BYTES // 1048576} MB)."
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise UnreadableFile(
                f"{path.name}: refused, {member.filename} is compressed {ratio:.0f}:1 "
                f"(more than {MAX_RATIO}:1, typical of a zip bomb)."
            )


def _on(element: Any) -> bool | None:
    """A toggle property (w:b): True, False when switched off, None when absent."""
    if element is None:
        return None
    return element.get(W + "val", "true") not in ("0", "false", "off", "none")


def _size(rpr: Any) -> float | None:
    size = rpr.find(W + "sz") if rpr is not None else None
    value = size.get(W + "val", "") if size is not None else ""
    return int(value) / 2 if value.isdigit() else None


def read_styles(styles_element: Any) -> dict[str, Style]:
    styles = {}
    for element in styles_element.findall(W + "style") if styles_element is not None else ():
        name_element = element.find(W + "name")
        based = element.find(W + "basedOn")
        rpr = element.find(W + "rPr")
        ppr = element.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        name = name_element.get(W + "val", "") if name_element is not None else ""
        styles[element.get(W + "styleId", "")] = Style(
            name[:1].upper() + name[1:],
            based.get(W + "val") if based is not None else None,
            _on(rpr.find(W + "b")) if rpr is not None else None,
            _size(rpr),
            _num_pr(num_pr),
            int(outline.get(W + "val", "9")) if outline is not None else None,
        )
    return styles


def emphasis_heading(text: str, size: float | None) -> tuple[BlockKind, int]:
    """A short all-bold "Normal" paragraph is a heading set by hand; its size suggests the level."""
    text = text.strip()
    if len(text) > MAX_EMPHASIS_HEADING or "\n" in text or text.endswith((".", ",", ";")):
        return "paragraph", 0
    return "heading", 1 if size and size >= 15 else 2 if size and size >= 13 else 3


def _num_pr(num_pr: Any) -> tuple[str, int | None] | None:
    """(numId, ilvl) of a numbering reference; ilvl None when the style's list level decides."""
    if num_pr is None:
        return None
    num_id = num_pr.find(W + "numId")
    ilvl = num_pr.find(W + "ilvl")
    level = ilvl.get(W + "val", "0") if ilvl is not None else None
    num = num_id.get(W + "val", "0") if num_id is not None else "0"
    return num, (int(level) if level and level.isdigit() else None)


class WordReader:
    """Walks the document body once, emitting blocks into a `TextBuilder`."""

    def __init__(self, document: Any) -> None:
        part = document.part
        styles_element = part.styles.element if part.styles is not None else None
        self.styles = read_styles(styles_element)
        query = f"{W}style[@{W}default='1'][@{W}type='paragraph']"
        default = styles_element.find(query) if styles_element is not None else None
        self.default_style = default.get(W + "styleId") if default is not None else None
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError):
            numbering = None
        self.numbering = Numbering(numbering)
        self.out = TextBuilder()
        self.body = document.element.body

    def inherited(self, style_id: str | None, attribute: str) -> Any:
        """A style property, following the basedOn chain (bounded, in case of a cycle)."""
        for _ in range(10):
            style = self.styles.get(style_id or "")
            if style is None:
                return None
            value = getattr(style, attribute)
            if value is not None:
                return value
            style_id = style.based_on
        return None

    def read(self) -> TextBuilder:
        self.container(self.body)
        return self.out

    def container(self, element: Any) -> None:
        for child in element:
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag in (W + "customXml", W + "sdtContent", W + "ins"):
                self.container(child)
            elif child.tag == W + "sdt" and child.find(W + "sdtContent") is not None:
                self.container(child.find(W + "sdtContent"))

    def pieces(self, element: Any, style_id: str | None) -> list[Piece]:
        """The paragraph's visible text as (text, bold, size) pieces, field codes and deletions dropped."""
        found: list[Piece] = []
        in_code = [False]
        para_bold = bool(self.inherited(style_id, "bold"))
        para_size = self.inherited(style_id, "size")
        self._collect(element, (para_bold, para_size), in_code, found)
        return found

    def _collect(self, element: Any, look: Look, in_code: list[bool], found: list[Piece]) -> None:
        for child in element:
            tag = child.tag
            if tag in SKIPPED:
                continue
            if tag == W + "r":
                self._collect(child, self.run_look(child, look), in_code, found)
            elif tag == W + "fldChar":
                # Between "begin" and "separate" is the field's code (MERGEFIELD, PAGE, HYPERLINK…).
                in_code[0] = child.get(W + "fldCharType") == "begin"
            elif in_code[0]:
                continue
            elif tag == W + "t":
                found.append((child.text or "", *look))
            elif tag in (W + "tab", W + "ptab"):
                found.append(("\t", *look))
            elif tag in (W + "br", W + "cr"):
                found.append(("\n", *look))
            elif tag == W + "noBreakHyphen":
                found.append(("-", *look))
            else:
                self._collect(child, look, in_code, found)

    def run_look(self, run: Any, look: Look) -> Look:
        rpr = run.find(W + "rPr")
        if rpr is None:
            return look
        bold = _on(rpr.find(W + "b"))
        style = rpr.find(W + "rStyle")
        if bold is None and style is not None:
            bold = self.inherited(style.get(W + "val"), "bold")
        return (look[0] if bold is None else bold), (_size(rpr) or look[1])

    def style_of(self, paragraph: Any) -> str | None:
        ppr = paragraph.find(W + "pPr")
        style = ppr.find(W + "pStyle") if ppr is not None else None
        return style.get(W + "val") if style is not None else self.default_style

    def paragraph(self, element: Any) -> None:
        ppr = element.find(W + "pPr")
        style_id = self.style_of(element)
        pieces = self.pieces(element, style_id)
        num = _num_pr(ppr.find(W + "numPr") if ppr is not None else None) or self.inherited(style_id, "num")
        number = None
        if num:
            ilvl = num[1] if num[1] is not None else self.numbering.style_levels.get(style_id or "", 0)
            number = self.numbering.next(num[0], ilvl)
        text = "".join(piece for piece, _, _ in pieces)
        if not text.strip():
            return
        if number:
            text = f"{number} {text.lstrip()}"
        visible = [(bold, size) for piece, bold, size in pieces if piece.strip()]
        sizes = [size for _, size in visible if size]
        size = max(set(sizes), key=sizes.count) if sizes else None
        bold = all(bold for bold, _ in visible)
        kind, level = self.kind_of(style_id, num is not None)
        if kind == "paragraph" and bold:
            kind, level = emphasis_heading(text, size)
        self.out.add(
            kind,
            text,
            level=level,
            bold=bold,
            size=size,
            numbering=number or (leading_number(text) if kind != "paragraph" else None),
            style=self.inherited(style_id, "name"),
        )

    def kind_of(self, style_id: str | None, numbered: bool) -> tuple[BlockKind, int]:
        name = (self.inherited(style_id, "name") or "").strip()
        heading = HEADING_STYLE.match(name)
        if heading:
            return "heading", int(heading.group(1))
        if name.lower() in ("title", "subtitle"):
            return "heading", 1 if name.lower() == "title" else 2
        outline = self.inherited(style_id, "outline")
        if outline is not None and outline < 9:
            return "heading", outline + 1
        listing = LIST_STYLE.match(name)
        if numbered or (listing and listing.group(1)):
            return "list_item", int(listing.group(2)) if listing and listing.group(2) else 1
        return "paragraph", 0

    def table(self, table: Any) -> None:
        rows = [self.row_cells(row) for row in table.findall(W + "tr")]
        if all(len(cells) <= 1 for cells in rows):
            # A one-column table is a framed layout, not data: read its paragraphs as such.
            for row in table.findall(W + "tr"):
                for cell in row.findall(W + "tc"):
                    self.container(cell)
            return
        for cells in rows:
            texts = [" ".join(text.split()) for text, _ in cells]
            if any(texts):
                bold = all(bold for text, bold in cells if text.strip())
                self.out.add("table_row", "\t".join(texts), bold=bold)

    def row_cells(self, row: Any) -> list[tuple[str, bool]]:
        """The row's cells as text; a cell continuing a vertical merge is empty (its text is above)."""
        cells = []
        for cell in row.findall(W + "tc"):
            tcpr = cell.find(W + "tcPr")
            merge = tcpr.find(W + "vMerge") if tcpr is not None else None
            if merge is not None and merge.get(W + "val", "continue") == "continue":
                cells.append(("", False))
                continue
            cells.append(self.cell_text(cell))
        return cells

    def cell_text(self, cell: Any) -> tuple[str, bool]:
        """The cell's text (paragraphs joined by spaces) and whether all of it is bold."""
        pieces: list[Piece] = []
        for paragraph in cell.iter(W + "p"):
            # Nested tables are flattened into the cell: every paragraph below it, in order.
            pieces += self.pieces(paragraph, self.style_of(paragraph))
            pieces.append((" ", False, None))
        text = "".join(piece for piece, _, _ in pieces).replace("\t", " ")
        return text.strip(), all(bold for piece, bold, _ in pieces if piece.strip())


def load(path: Path, password: str | None = None) -> DocumentText:
    check_zip(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    # lxml's XMLSyntaxError (damaged XML) is a SyntaxError.
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError) as error:
        raise UnreadableFile(f"{path.name}: not a readable Word document ({error}).") from error
    out = WordReader(document).read()
    if not out.blocks:
        raise UnreadableFile(f"{path.name}: the Word document has no text.")
    title = (document.core_properties.title or "").strip() or None
    return out.build("docx", title)
