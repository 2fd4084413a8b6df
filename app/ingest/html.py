"""HTML pages (council websites): the main content only, as headings, paragraphs, list items, table rows."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from app.errors import UnreadableFile
from app.ingest.htmltree import Node, declared_charset, parse_tree
from app.ingest.plaintext import decode, read_bytes
from app.ingest.textblocks import TextBuilder, leading_number
from app.model import BlockKind, DocumentText

# Never content: code, chrome and controls.
DROPPED = frozenset(
    {"script", "style", "noscript", "template", "nav", "aside", "button", "select", "textarea", "input",
     "label", "iframe", "svg", "canvas", "head", "dialog", "object", "embed", "menu"}
)  # fmt: skip
# A form holding this much text, or a heading or a table, is the page itself (ASP.NET wraps every page
# in one form); smaller forms (search boxes, sign-ups, filters) are controls.
FORM_CONTENT_CHARS = 200
# Site chrome, dropped when it sits outside the chosen content element.
CHROME = frozenset({"header", "footer"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary", "menu"})
CONTENT_IDS = frozenset(
    {"content", "main-content", "maincontent", "main", "primary", "page-content", "mainContent", "modgov"}
)
# Classes content-management systems put on the main content (Modern.gov, WordPress, Drupal…).
CONTENT_CLASSES = frozenset(
    {"mgContent", "main-content", "page-content", "content-area", "entry-content", "article-body",
     "field--name-body"}
)  # fmt: skip
HEADINGS = {f"h{level}": level for level in range(1, 7)}
BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "blockquote", "address", "pre", "dl", "dt", "dd", "ul",
     "ol", "li", "table", "figure", "figcaption", "center", "fieldset", "details", "summary", "hr", "body",
     "header", "footer", "caption", "tr", "td", "th", *HEADINGS}
)  # fmt: skip
# Inside a table cell, these mean the table lays out the page rather than holding data.
LAYOUT_CHARS = 400  # a data cell holds a value or a sentence, not sections of prose
LAYOUT = frozenset({"ul", "ol", "section", "article", "main", "blockquote", *HEADINGS})
BOLD = frozenset({"b", "strong", "th"})
SPACES = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")


@dataclass(frozen=True)
class Context:
    """What the inline text being gathered will become when flushed."""

    kind: BlockKind
    level: int = 0


def is_hidden(node: Node) -> bool:
    attrs = node.attrs
    style = attrs.get("style", "").replace(" ", "").lower()
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden") == "true"
        or attrs.get("role", "") in CHROME_ROLES
        or "display:none" in style
    )


def is_control_form(node: Node) -> bool:
    """A form of controls (search, sign-up, filter), as opposed to a form wrapping the page's content."""
    if node.tag != "form":
        return False
    if any(inner.tag in HEADINGS or inner.tag == "table" for inner in node.iter()):
        return False
    marks = " ".join(node.attrs.get(name, "") for name in ("id", "class", "action", "role")).lower()
    return "search" in marks or len(SPACES.sub(" ", node.text()).strip()) < FORM_CONTENT_CHARS


def content_root(document: Node) -> tuple[Node, bool]:
    """The element holding the page's main content, and whether it is the whole body."""
    nodes = document.iter()
    for test in (
        lambda node: node.tag == "main" or node.attrs.get("role") == "main",
        lambda node: node.attrs.get("id") in CONTENT_IDS,
        lambda node: not CONTENT_CLASSES.isdisjoint(node.attrs.get("class", "").split()),
    ):
        found = [node for node in nodes if test(node) and node.text().strip()]
        if found:
            return found[0], False
    articles = [node for node in nodes if node.tag == "article" and node.text().strip()]
    if len(articles) == 1:
        return articles[0], False
    body = document.find("body")
    return (body or document), True


class Emitter:
    """Walks the content element, gathering inline text and emitting blocks into a `TextBuilder`."""

    def __init__(self, drop_chrome: bool) -> None:
        self.out = TextBuilder()
        self.drop_chrome = drop_chrome
        self.parts: list[tuple[str, bool]] = []
        self.contexts = [Context("paragraph")]
        self.list_depth = 0
        # A number printed apart from its text (an ordered item's "3.", a minute number's cell),
        # waiting in `parts` for the first block of its text.
        self.number: str | None = None

    def flush(self) -> None:
        parts, self.parts = self.parts, []
        text = "\n".join(line for line in (SPACES.sub(" ", line).strip() for line in "".join(
            part for part, _ in parts).split("\n")) if line)  # fmt: skip
        if not text or text == self.number:
            self.parts = parts if text else []
            return
        context = self.contexts[-1]
        bold = all(is_bold for part, is_bold in parts if part.strip() and part.strip() != self.number)
        numbering = self.number or (leading_number(text) if context.kind != "paragraph" else None)
        self.number = None
        self.out.add(context.kind, text, level=context.level, bold=bold, numbering=numbering)

    def hold_number(self, number: str) -> None:
        self.flush()
        self.number = number
        self.parts.append((number + " ", False))

    def skip(self, node: Node) -> bool:
        return (
            node.tag in DROPPED
            or is_hidden(node)
            or (self.drop_chrome and node.tag in CHROME)
            or is_control_form(node)
        )

    def walk(self, node: Node, bold: bool = False) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.parts.append((child, bold))
            elif not self.skip(child):
                self.element(child, bold or child.tag in BOLD)

    def element(self, node: Node, bold: bool) -> None:
        tag = node.tag
        if tag == "br":
            self.parts.append(("\n", bold))
        elif tag == "img":
            self.parts.append((node.attrs.get("alt", ""), bold))
        elif tag == "table":
            self.table(node)
        elif tag in ("ul", "ol"):
            self.listing(node)
        elif tag == "pre":
            self.flush()
            self.out.add("paragraph", node.text(), style="pre")
        elif tag in HEADINGS or tag in BLOCKS:
            self.block(node, bold)
        else:
            self.walk(node, bold)

    def block(self, node: Node, bold: bool) -> None:
        self.flush()
        if node.tag in HEADINGS:
            self.contexts.append(Context("heading", HEADINGS[node.tag]))
        elif node.tag == "li":
            self.contexts.append(Context("list_item", self.list_depth))
        else:
            self.contexts.append(self.contexts[-1])
        self.walk(node, bold)
        self.flush()
        self.contexts.pop()

    def listing(self, node: Node) -> None:
        self.flush()
        self.list_depth += 1
        ordered = node.tag == "ol"
        counter = int(node.attrs["start"]) if node.attrs.get("start", "").isdigit() else 1
        for child in node.children:
            if isinstance(child, str) or self.skip(child):
                continue
            if child.tag == "li":
                self.contexts.append(Context("list_item", self.list_depth))
                if ordered:
                    # The browser prints "3." before an ordered item: part of what the reader sees.
                    self.hold_number(f"{counter}.")
                counter += 1
                self.walk(child)
                self.flush()
                self.contexts.pop()
            else:
                self.element(child, child.tag in BOLD)
        self.list_depth -= 1

    def table(self, node: Node) -> None:
        self.flush()
        rows = [row for row in node.iter() if row.tag == "tr" and self.owner_table(node, row)]
        if self.is_layout(rows):
            # A layout table (page sections in cells): read its cells as ordinary content.
            for row in rows:
                self.layout_row(row)
            return
        for row in rows:
            cells = [child for child in row.elements() if child.tag in ("td", "th") and not self.skip(child)]
            texts = [SPACES.sub(" ", cell.text()).strip() for cell in cells]
            bold = bool(cells) and all(cell.tag == "th" for cell in cells)
            if any(texts):
                self.out.add("table_row", "\t".join(texts), bold=bold)

    def is_layout(self, rows: list[Node]) -> bool:
        """Cells holding headings, lists, many paragraphs or long prose are page layout, not data."""
        for row in rows:
            for cell in row.elements():
                blocks = [node for node in cell.elements() if node.tag in BLOCKS or node.tag in HEADINGS]
                if len(blocks) > 2 or any(node.tag in LAYOUT for node in cell.iter()[1:]):
                    return True
                if len(cell.text()) > LAYOUT_CHARS:
                    return True
        return False

    def layout_row(self, row: Node) -> None:
        """A layout row's cells in order; a short number in the first cell leads the next cell's text."""
        cells = [cell for cell in row.elements() if cell.tag in ("td", "th") and not self.skip(cell)]
        first = SPACES.sub(" ", cells[0].text()).strip() if cells else ""
        if len(cells) > 1 and first and len(first) <= 10 and any(char.isdigit() for char in first):
            self.hold_number(first)
            cells = cells[1:]
        for cell in cells:
            self.block(cell, cell.tag == "th")

    @staticmethod
    def owner_table(table: Node, row: Node) -> bool:
        """Whether `row` belongs to `table` itself and not to a table nested in one of its cells."""
        nested = [node for node in table.iter()[1:] if node.tag == "table"]
        return not any(row in inner.iter() for inner in nested)



def decode_page(data: bytes, name: str) -> str:
    """Page bytes to text: a BOM, else the declared charset, else UTF-8 with a cp1252 fallback."""
    charset = declared_charset(data)
    if charset and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
        if charset:
            return data.decode(charset, errors="replace")
    return decode(data, name)


def parse(markup: str, name: str = "page") -> DocumentText:
    document = parse_tree(markup)
    title_node = document.find("title")
    root, is_body = content_root(document)
    emitter = Emitter(drop_chrome=is_body)
    emitter.walk(root)
    emitter.flush()
    if not emitter.out.blocks:
        raise UnreadableFile(f"{name}: the web page has no readable text (its body is empty or missing).")
    title = SPACES.sub(" ", title_node.text()).strip() if title_node else None
    return emitter.out.build("html", title or None)


def load(path: Path, password: str | None = None) -> DocumentText:
    return parse(decode_page(read_bytes(path), path.name), path.name)
