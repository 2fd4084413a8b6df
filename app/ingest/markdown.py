"""Markdown files: a small block parser (headings, lists, tables, paragraphs) with inline markup removed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.ingest.plaintext import read_text
from app.ingest.textblocks import TextBuilder, leading_number
from app.model import BlockKind, DocumentText

ATX = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$")
RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")
QUOTE = re.compile(r"^ {0,3}> ?")

IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
CODE = re.compile(r"`+([^`]+)`+")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


@dataclass
class Pending:
    """A block being gathered line by line."""

    kind: BlockKind
    lines: list[str]
    level: int = 0
    numbering: str | None = None


def inline(text: str) -> tuple[str, bool]:
    """Markup removed from one line; also whether the whole line was strong (bold)."""
    stripped = text.strip()
    whole_bold = bool(STRONG.fullmatch(stripped)) if stripped else False
    text = CODE.sub(r"\1", text)
    text = IMAGE.sub(r"\1", text)
    text = LINK.sub(lambda match: match.group(1) or match.group(2), text)
    text = AUTOLINK.sub(r"\1", text)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    text = TAG.sub("", text)
    text = STRONG.sub(r"\2", text)
    text = EMPHASIS.sub(r"\2", text)
    text = ESCAPE.sub(r"\1", text)
    return text.replace("&nbsp;", " ").replace("&amp;", "&"), whole_bold


def _cells(line: str) -> list[str]:
    line = line.strip()
    line = line.removeprefix("|")
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return [inline(cell.replace("\\|", "|"))[0].strip() for cell in cells]


class MarkdownReader:
    """Walks the lines once, emitting blocks into a `TextBuilder`."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.out = TextBuilder()
        self.pending: Pending | None = None
        self.title: str | None = None
        self.indents: list[int] = []

    def flush(self) -> None:
        pending, self.pending = self.pending, None
        if pending is None:
            return
        texts = [inline(line) for line in pending.lines]
        text = "\n".join(part.strip() for part, _ in texts)
        bold = all(whole for _, whole in texts)
        self.out.add(pending.kind, text, level=pending.level, numbering=pending.numbering, bold=bold)

    def heading(self, text: str, level: int) -> None:
        self.flush()
        self.indents = []
        plain, bold = inline(text)
        block = self.out.add("heading", plain, level=level, bold=bold, numbering=leading_number(plain))
        if block is not None and self.title is None and level == 1:
            self.title = plain.strip()

    def list_item(self, match: re.Match[str]) -> None:
        self.flush()
        indent, marker, rest = match.groups()
        numbered = marker[0].isdigit()
        # Bullets are decoration; printed numbers are content the reader sees.
        text = f"{marker} {rest}" if numbered else rest
        # Nesting depth from the indents seen so far, whatever their width (2 or 4 spaces, tabs).
        width = len(indent.expandtabs(4))
        while self.indents and self.indents[-1] > width:
            self.indents.pop()
        if not self.indents or self.indents[-1] < width:
            self.indents.append(width)
        level = len(self.indents)
        self.pending = Pending("list_item", [text], level, marker if numbered else leading_number(rest))

    def table(self, index: int) -> int:
        """Emit the table whose header is at `index` (separator row dropped); return the next index."""
        self.flush()
        rows = [self.lines[index]]
        index += 2
        while index < len(self.lines) and "|" in self.lines[index] and self.lines[index].strip():
            rows.append(self.lines[index])
            index += 1
        for row in rows:
            self.out.add("table_row", "\t".join(_cells(row)))
        return index

    def fence(self, index: int, marker: str) -> int:
        self.flush()
        end = index + 1
        while end < len(self.lines) and not self.lines[end].strip().startswith(marker):
            end += 1
        self.out.add("paragraph", "\n".join(self.lines[index + 1 : end]), style="code")
        return end + 1

    def read(self) -> DocumentText:
        index = 0
        while index < len(self.lines):
            index = self.step(index)
        self.flush()
        return self.out.build("md", self.title)

    def step(self, index: int) -> int:
        line = QUOTE.sub("", self.lines[index])
        following = self.lines[index + 1] if index + 1 < len(self.lines) else ""
        if not line.strip():
            self.flush()
        elif fence := FENCE.match(line):
            return self.fence(index, fence.group(1))
        elif atx := ATX.match(line):
            self.heading(atx.group(2) or "", len(atx.group(1)))
        elif "|" in line and TABLE_SEPARATOR.match(following) and "-" in following:
            return self.table(index)
        elif (setext := SETEXT.match(following)) and self.pending is None and not LIST_ITEM.match(line):
            self.heading(line, 1 if setext.group(1)[0] == "=" else 2)
            return index + 2
        elif RULE.match(line):
            self.flush()
        elif item := LIST_ITEM.match(line):
            self.list_item(item)
        elif self.pending is not None:
            self.pending.lines.append(line)
        else:
            self.pending = Pending("paragraph", [line])
            self.indents = []  # a paragraph ends any list: the next one nests afresh
        return index + 1


def parse(text: str) -> DocumentText:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return MarkdownReader(text.split("\n")).read()


def load(path: Path, password: str | None = None) -> DocumentText:
    return parse(read_text(path))
