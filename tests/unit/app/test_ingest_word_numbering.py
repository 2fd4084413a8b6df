"""Word list numbers rebuilt from numbering.xml: formats, nesting, restarts, overrides, bullets."""

from __future__ import annotations

from docx.oxml import parse_xml

from app.ingest.wordnumbering import Numbering, format_number

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NUMBERING = f"""<w:numbering {NS}>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>
      <w:pStyle w:val="Heading1"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>
      <w:pStyle w:val="Heading2"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="3">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1)"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>
  <w:num w:numId="7"><w:abstractNumId w:val="3"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"""


def test_multilevel_numbers_restart_below_a_new_parent() -> None:
    numbering = Numbering(parse_xml(NUMBERING))
    printed = [numbering.next("5", level) for level in (0, 1, 1, 2, 2, 0, 1, 2)]
    assert printed == ["1.", "1.1", "1.2", "(a)", "(b)", "2.", "2.1", "(a)"]


def test_bullets_overrides_and_unknown_lists() -> None:
    numbering = Numbering(parse_xml(NUMBERING))
    assert numbering.next("6", 0) is None
    assert [numbering.next("7", 0) for _ in range(2)] == ["IV)", "V)"]
    assert numbering.next("99", 0) is None and numbering.next("0", 0) is None
    assert numbering.style_levels == {"Heading1": 0, "Heading2": 1}


def test_number_formats() -> None:
    assert [format_number(n, "lowerRoman") for n in (1, 4, 9, 14, 40)] == ["i", "iv", "ix", "xiv", "xl"]
    assert [format_number(n, "upperLetter") for n in (1, 26, 27)] == ["A", "Z", "AA"]
    assert format_number(7, "decimalZero") == "07" and format_number(7, "decimal") == "7"
