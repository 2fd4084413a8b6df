"""Markdown: headings with levels, lists with numbers, tables as rows, inline markup removed."""

from __future__ import annotations

from pathlib import Path

from app import ingest
from app.model import DocumentText

from tests.unit.app.ingest_checks import assert_well_formed, kinds

MINUTES = """\
Parish Council Minutes
======================

Held at the **Village Hall** on 3 March 2025.

## 1. Apologies for absence

Apologies were received from [Cllr Smith](https://example.org/smith) and *Cllr Jones*.

Declarations
------------

- None declared
- Cllr Brown: *non-pecuniary*, item 4

### **4. Planning applications**

1. 24/00123/FUL – Rose Cottage
2. 24/00456/HOU – 12 High Street
   (rear extension)

| Application | Decision |
|-------------|:--------:|
| 24/00123/FUL | No objection |
| 24/00456/HOU | Object \\| refer |

> **RESOLVED** that the clerk writes to the planning authority.

---

```
Code  stays   as is
```
"""


def load_text(tmp_path: Path, text: str, name: str = "minutes.md") -> DocumentText:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ingest.load(path)


def test_markdown_blocks_read_like_the_rendered_page(tmp_path: Path) -> None:
    doc = load_text(tmp_path, MINUTES)
    assert_well_formed(doc)
    assert doc.format == "md"
    assert doc.title == "Parish Council Minutes"
    assert kinds(doc) == [
        ("heading", "Parish Council Minutes"),
        ("paragraph", "Held at the Village Hall on 3 March 2025."),
        ("heading", "1. Apologies for absence"),
        ("paragraph", "Apologies were received from Cllr Smith and Cllr Jones."),
        ("heading", "Declarations"),
        ("list_item", "None declared"),
        ("list_item", "Cllr Brown: non-pecuniary, item 4"),
        ("heading", "4. Planning applications"),
        ("list_item", "1. 24/00123/FUL – Rose Cottage"),
        ("list_item", "2. 24/00456/HOU – 12 High Street\n(rear extension)"),
        ("table_row", "Application\tDecision"),
        ("table_row", "24/00123/FUL\tNo objection"),
        ("table_row", "24/00456/HOU\tObject | refer"),
        ("paragraph", "RESOLVED that the clerk writes to the planning authority."),
        ("paragraph", "Code  stays   as is"),
    ]


def test_markdown_hints_levels_numbers_and_bold(tmp_path: Path) -> None:
    doc = load_text(tmp_path, MINUTES)
    headings = [block for block in doc.blocks if block.kind == "heading"]
    assert [block.level for block in headings] == [1, 2, 2, 3]
    assert [block.numbering for block in headings] == [None, "1.", None, "4."]
    assert headings[3].bold
    items = [block for block in doc.blocks if block.kind == "list_item"]
    assert [block.numbering for block in items] == [None, None, "1.", "2."]


def test_bulleted_paragraph_numbers_are_kept_as_numbering(tmp_path: Path) -> None:
    doc = load_text(tmp_path, "### 2. Report\n\n- 2.1. The board met.\n  - nested point\n")
    items = [block for block in doc.blocks if block.kind == "list_item"]
    assert [(block.numbering, block.level) for block in items] == [("2.1.", 1), (None, 2)]
    assert doc.text == "2. Report\n2.1. The board met.\nnested point"


def test_markdown_extension_variants_and_crlf(tmp_path: Path) -> None:
    doc = load_text(tmp_path, "# Title #\r\n\r\nText with `code` and ![map](m.png).\r\n", "notes.markdown")
    assert doc.text == "Title\nText with code and map."


def test_markdown_sample_reads_cleanly(samples: Path) -> None:
    doc = ingest.load(samples / "lancashire-oscommittee-report-2014-12-05.md")
    assert_well_formed(doc)
    assert "**" not in doc.text and "](" not in doc.text
    headings = [doc.block_text(block) for block in doc.blocks if block.kind == "heading"]
    assert "Executive Summary" in headings and "Recommendation" in headings


def test_list_levels_follow_nesting_whatever_the_indent(tmp_path: Path) -> None:
    doc = load_text(tmp_path, "- one\n    - two\n        - three\n    - two again\n- one again\n")
    assert [block.level for block in doc.blocks] == [1, 2, 3, 2, 1]


def test_a_new_list_after_a_paragraph_starts_at_level_one(tmp_path: Path) -> None:
    doc = load_text(tmp_path, "  - indented list\n\nText between.\n\n    - another list\n")
    assert [(block.kind, block.level) for block in doc.blocks] == [
        ("list_item", 1), ("paragraph", 0), ("list_item", 1)
    ]
