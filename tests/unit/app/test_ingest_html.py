"""HTML pages: main content only, headings, lists and tables as blocks, encodings honoured."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import ingest
from app.errors import UnreadableFile
from app.model import DocumentText

from tests.unit.app.ingest_checks import assert_well_formed, kinds

COUNCIL_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Minutes &ndash; Planning Committee</title>
<style>body { color: red }</style><script>var tracking = "Present: nobody";</script></head>
<body>
<header><div class="brand">Anytown Borough Council</div><nav><ul><li><a href="/">Home</a></li>
<li><a href="/bins">Bins</a></li></ul></nav></header>
<div class="breadcrumb" role="navigation"><a href="/">Home</a> &gt; Minutes</div>
<main>
<h1>Minutes of the Planning Committee</h1>
<p>Held on <strong>Tuesday 4&nbsp;March 2025</strong> at 7pm in the Council Chamber &amp; online.</p>
<h2>1. Apologies</h2>
<p>Apologies were received from Cllr Smith<br>and Cllr Jones.
<h2>2. Planning applications</h2>
<ol start="3"><li>Rose Cottage<li><p>12 High Street</p><p>Rear extension.</p>
<ul><li>Objection from a neighbour</ul></li></ol>
<table>
<thead><tr><th>Application</th><th>Decision</th></tr></thead>
<tbody><tr><td>24/00123/FUL</td><td>Approved</td></tr>
<tr><td>24/00456/HOU</td><td><p>Refused</p><p>Appeal<br>lodged</p></td></tr>
<tr><td colspan="2">Total <table><tr><td>two</td></tr></table></td></tr></tbody>
</table>
<p><b>RESOLVED</b> that the clerk writes to the applicant.</p>
<form><label>Search <input name="q"></label><button>Go</button></form>
<p hidden>Hidden text</p>
</main>
<aside>Related pages</aside>
<footer>&copy; Anytown Borough Council</footer>
</body></html>
"""


def load_page(tmp_path: Path, data: str | bytes, name: str = "minutes.html") -> DocumentText:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return ingest.load(path)


def test_main_content_only_in_reading_order(tmp_path: Path) -> None:
    doc = load_page(tmp_path, COUNCIL_PAGE)
    assert_well_formed(doc)
    assert doc.format == "html"
    assert doc.title == "Minutes – Planning Committee"
    assert kinds(doc) == [
        ("heading", "Minutes of the Planning Committee"),
        ("paragraph", "Held on Tuesday 4 March 2025 at 7pm in the Council Chamber & online."),
        ("heading", "1. Apologies"),
        ("paragraph", "Apologies were received from Cllr Smith\nand Cllr Jones."),
        ("heading", "2. Planning applications"),
        ("list_item", "3. Rose Cottage"),
        ("list_item", "4. 12 High Street"),
        ("list_item", "Rear extension."),
        ("list_item", "Objection from a neighbour"),
        ("table_row", "Application\tDecision"),
        ("table_row", "24/00123/FUL\tApproved"),
        ("table_row", "24/00456/HOU\tRefused Appeal lodged"),
        ("table_row", "Total two"),
        ("paragraph", "RESOLVED that the clerk writes to the applicant."),
    ]


def test_html_hints(tmp_path: Path) -> None:
    doc = load_page(tmp_path, COUNCIL_PAGE)
    by_text = {doc.block_text(block): block for block in doc.blocks}
    assert by_text["1. Apologies"].level == 2
    assert by_text["1. Apologies"].numbering == "1."
    assert by_text["3. Rose Cottage"].numbering == "3."
    assert by_text["Objection from a neighbour"].level == 2
    assert by_text["Application\tDecision"].bold
    assert not by_text["RESOLVED that the clerk writes to the applicant."].bold


def test_without_main_the_body_minus_site_chrome_is_read(tmp_path: Path) -> None:
    page = COUNCIL_PAGE.replace("<main>", "<div>").replace("</main>", "</div>")
    doc = load_page(tmp_path, page)
    assert "Anytown Borough Council" not in doc.text
    assert "Related pages" not in doc.text and "Home" not in doc.text
    assert doc.text.startswith("Minutes of the Planning Committee")


def test_content_id_is_preferred(tmp_path: Path) -> None:
    page = "<body><div id='sidebar'><p>Latest news</p></div><div id='content'><p>Item 1</p></div></body>"
    assert load_page(tmp_path, page).text == "Item 1"


def test_layout_tables_are_read_as_content(tmp_path: Path) -> None:
    page = "<table><tr><td><h2>3. Finance</h2><p>The accounts were approved.</p></td></tr></table>"
    doc = load_page(tmp_path, page)
    assert kinds(doc) == [("heading", "3. Finance"), ("paragraph", "The accounts were approved.")]


def test_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
    page += "<body><p>Caf\u00e9 \u2013 \u00a3500 grant</p></body></html>"
    doc = load_page(tmp_path, page.encode("cp1252"), "page.htm")
    assert doc.text == "Café – £500 grant"


def test_utf8_bom_wins_over_a_wrong_declaration(tmp_path: Path) -> None:
    page = '<meta charset="iso-8859-1"><p>Caf\u00e9</p>'
    doc = load_page(tmp_path, b"\xef\xbb\xbf" + page.encode("utf-8"))
    assert doc.text == "Café"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Only a title</title></head></html>",
        "<html><body><script>alert(1)</script><nav>Menu</nav></body></html>",
        "<!-- nothing here -->",
    ],
)
def test_html_without_readable_body_is_a_clear_error(tmp_path: Path, page: str) -> None:
    with pytest.raises(UnreadableFile, match="no readable text"):
        load_page(tmp_path, page)


def test_minute_tables_with_number_cells_read_as_numbered_minutes(tmp_path: Path) -> None:
    # Modern.gov-style minutes: one table row per minute, its number in the first cell.
    page = """<body><div id="content"><table>
    <tr><td><p>12.</p></td><td><h3>Apologies for absence</h3>
    <p>Apologies were received from Cllr Lee.</p></td></tr>
    <tr><td>13.</td><td><p><b>Budget 2025/26</b></p><p>RESOLVED: That the budget be approved.</p></td></tr>
    </table></div></body>"""
    doc = load_page(tmp_path, page)
    assert_well_formed(doc)
    assert kinds(doc) == [
        ("heading", "12. Apologies for absence"),
        ("paragraph", "Apologies were received from Cllr Lee."),
        ("paragraph", "13. Budget 2025/26"),
        ("paragraph", "RESOLVED: That the budget be approved."),
    ]
    assert [block.numbering for block in doc.blocks] == ["12.", None, "13.", None]


def test_content_class_is_preferred_when_there_is_no_main(tmp_path: Path) -> None:
    page = (
        "<body><div class='sidebar'><p>Council tax</p></div>"
        "<div class='mgContent wide'><h2>Attendance</h2><ul><li>Councillor Ahmed</li></ul></div></body>"
    )
    assert load_page(tmp_path, page).text == "Attendance\nCouncillor Ahmed"


ASPNET_PAGE = """<!DOCTYPE html><html><head><title>Board Meeting</title></head><body>
<form name="form1" method="post" action="./MinutesView.aspx?ID=812" id="form1">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1"></div>
<div id="topbar"><a href="/Default.aspx">Home</a> | <a href="/Boards.aspx">Boards</a></div>
<div class="filters"><label for="ddlYear">Year</label><select id="ddlYear"><option>2024</option></select>
<input type="submit" value="Go"><button type="button">Export</button></div>
<div id="ctl00_Body_pnlMinutes">
<h2>Harbour Commission</h2>
<p>Minutes of the regular meeting held 3 April 2024 in the Pier House.</p>
<h3>1. Opening of the meeting</h3>
<p>The Chair opened the meeting at 6:02 p.m.</p>
<table><tr><td>Commissioner A. Rowe</td><td>Present</td></tr></table>
</div>
</form></body></html>
"""


def test_a_form_wrapping_the_whole_page_keeps_its_content_but_not_its_controls(tmp_path: Path) -> None:
    doc = load_page(tmp_path, ASPNET_PAGE)
    assert kinds(doc)[-5:] == [
        ("heading", "Harbour Commission"),
        ("paragraph", "Minutes of the regular meeting held 3 April 2024 in the Pier House."),
        ("heading", "1. Opening of the meeting"),
        ("paragraph", "The Chair opened the meeting at 6:02 p.m."),
        ("table_row", "Commissioner A. Rowe\tPresent"),
    ]
    for control in ("Year", "2024\n", "Go", "Export", "VIEWSTATE"):
        assert control not in doc.text


@pytest.mark.parametrize(
    "form",
    [
        "<form action='/search'><p>Find minutes by keyword</p><input name='q'><p>Tip: use quotes</p></form>",
        "<form id='signup'><p>" + "Sign up for council meeting alerts by email. " * 3 + "</p><input></form>",
        "<form id='siteSearch'><div>" + "Search every agenda, report and minute published since 2010. " * 4
        + "</div></form>",
    ],
)
def test_forms_of_controls_are_still_dropped(tmp_path: Path, form: str) -> None:
    page = f"<body><h1>Minutes</h1>{form}<p>The meeting closed at 9pm.</p></body>"
    assert load_page(tmp_path, page).text == "Minutes\nThe meeting closed at 9pm."
