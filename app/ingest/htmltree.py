"""A forgiving HTML element tree built with the stdlib parser (implied end tags, void elements)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
     "wbr"}
)  # fmt: skip
# Starting one of these closes an open <p> (HTML's implied end tag rule).
CLOSES_P = frozenset(
    {
        "address", "article", "aside", "blockquote", "div", "dl", "fieldset", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "nav", "ol", "p", "pre",
        "section", "table", "ul",
    }
)  # fmt: skip
# A new sibling closes the previous one, up to (not past) the element that scopes it.
SIBLINGS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table", "thead", "tbody", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "option": (frozenset({"option"}), frozenset({"select"})),
}
# Elements whose text never runs into a neighbour's (two paragraphs in one table cell).
SEPARATED = frozenset(
    {"p", "div", "li", "tr", "td", "th", "ul", "ol", "table", "section", "article", "dt", "dd", "blockquote",
     "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "figcaption"}
)  # fmt: skip
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass
class Node:
    """One element: its tag, attributes and children (elements or text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def elements(self) -> list[Node]:
        return [child for child in self.children if isinstance(child, Node)]

    def iter(self) -> list[Node]:
        """This element and every element below it, in document order."""
        found = [self]
        for child in self.elements():
            found.extend(child.iter())
        return found

    def find(self, tag: str) -> Node | None:
        return next((node for node in self.iter() if node.tag == tag), None)

    def text(self) -> str:
        """All text below, with a line break where a <br> or a block element separates words."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            elif child.tag in SEPARATED:
                parts.append(f"\n{child.text()}\n")
            else:
                parts.append(child.text())
        return "".join(parts)


class TreeBuilder(HTMLParser):
    """Feeds the stdlib tokenizer into a `Node` tree, repairing the usual omissions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def _close_to(self, tags: frozenset[str], scope: frozenset[str]) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[index].tag
            if tag in scope:
                return
            if tag in tags:
                del self.stack[index:]
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CLOSES_P:
            self._close_to(frozenset({"p"}), frozenset({"td", "th", "li", "table", "body", "div"}))
        if tag in SIBLINGS:
            self._close_to(*SIBLINGS[tag])
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # WORKAROUND: the stdlib parser asserts on malformed "<![…" sections; skip them instead.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1


def parse_tree(markup: str) -> Node:
    builder = TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a <meta> tag near its start, if any."""
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None
