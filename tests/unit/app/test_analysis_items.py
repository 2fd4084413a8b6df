"""Agenda items on fixture minutes in many councils' styles, and on the traps around them."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from app import ingest
from app.analysis import analyze
from app.model import Block, DocumentText, Item

from tests.unit.app.minutes_truth import analysed, cases, key, similar, truth


def _write(tmp_path: Path, text: str, name: str = "minutes.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _items(tmp_path: Path, text: str, name: str = "minutes.txt") -> tuple[Item, ...]:
    return analyze(ingest.load(_write(tmp_path, text, name))).items


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.stem)
def test_items_of_each_fixture_match_its_truth(case: Path) -> None:
    expected = truth(case)["items"]
    found = analysed(case).items
    assert [key(item.number) for item in found] == [key(item["number"]) for item in expected]
    for item, want in zip(found, expected, strict=True):
        assert similar(item.title, want["title"]) >= 0.8, (item.title, want["title"])


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.stem)
def test_items_run_from_their_heading_to_the_next_item(case: Path) -> None:
    doc = ingest.load(case.parents[1] / truth(case)["file"])
    items = analyze(doc).items
    for item, following in itertools.pairwise(items):
        assert item.start < item.end < following.start
        assert following.start == item.end + 1
    assert items[-1].end == len(doc.text)
    for item in items:
        heading = doc.text[item.start : item.start + 200]
        assert (item.title or "").split()[0].strip("*") in heading or (item.number or "") in heading


def test_numbered_lists_inside_items_and_report_paragraphs_are_not_items(tmp_path: Path) -> None:
    text = (
        "1. Apologies\n\nNone were received.\n\n"
        "2. Budget Report\n\nThe report covered:\n\n"
        "1. The settlement for next year\n2. The capital programme\n3. Reserves\n\n"
        "2.1 The settlement was received in February.\n2.2 Reserves remain adequate.\n\n"
        "Resolved: That the Committee,\n\n1. Note the report;\n2. Request an update in June.\n\n"
        "3. Date of Next Meeting\n\nThe next meeting will be held on 4 June.\n"
    )
    items = _items(tmp_path, text)
    assert [(item.number, item.title) for item in items] == [
        ("1", "Apologies"),
        ("2", "Budget Report"),
        ("3", "Date of Next Meeting"),
    ]


def test_a_table_of_contents_does_not_make_items(tmp_path: Path) -> None:
    text = (
        "Agenda\n\n1. Apologies ........ 3\n2. Minutes ........ 4\n3. Budget ........ 9\n\n"
        "1. Apologies\n\nNone.\n\n2. Minutes\n\nApproved.\n\n3. Budget\n\nNoted.\n"
    )
    items = _items(tmp_path, text)
    assert [item.number for item in items] == ["1", "2", "3"]
    assert all(".." not in (item.title or "") for item in items)
    assert items[0].start > text.index("Approved") - 40


def test_a_minute_number_alone_above_its_heading(tmp_path: Path) -> None:
    text = (
        "Present: Cllr A Smith\n\n12.\nAPOLOGIES FOR ABSENCE\nNone.\n\n"
        "13.\nMINUTES\nApproved as a correct record.\n\n"
        "14.\nPLAYING FIELD\nThe grass has been cut.\n"
    )
    items = _items(tmp_path, text)
    assert [(item.number, item.title) for item in items] == [
        ("12", "APOLOGIES FOR ABSENCE"),
        ("13", "MINUTES"),
        ("14", "PLAYING FIELD"),
    ]


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        (["R2024-126", "R2024-127", "R2024-128"], ["R2024-126", "R2024-127", "R2024-128"]),
        (["05.24.01", "05.24.02", "05.24.03"], ["05.24.01", "05.24.02", "05.24.03"]),
        (["CAB/45", "CAB/46", "CAB/47"], ["CAB/45", "CAB/46", "CAB/47"]),
        (["EX 23", "EX 24", "EX 25"], ["EX 23", "EX 24", "EX 25"]),
        (["1.0", "2.0", "3.0"], ["1.0", "2.0", "3.0"]),
        (["(1)", "(2)", "(3)"], ["(1)", "(2)", "(3)"]),
        (["A.", "B.", "C."], ["A", "B", "C"]),
        (["Item 4", "Item 5", "Item 6"], ["Item 4", "Item 5", "Item 6"]),
        (
            ["Minute 101/24", "Minute 102/24", "Minute 103/24"],
            ["Minute 101/24", "Minute 102/24", "Minute 103/24"],
        ),
    ],
)
def test_numbering_styles(tmp_path: Path, numbers: list[str], expected: list[str]) -> None:
    titles = ["Apologies for Absence", "Village Hall Lease", "Any Other Business"]
    text = "".join(
        f"{number} {title}\n\nThe matter was discussed at length.\n\n"
        for number, title in zip(numbers, titles, strict=True)
    )
    items = _items(tmp_path, text)
    assert [item.number for item in items] == expected
    assert [item.title for item in items] == titles


def test_unnumbered_headings_are_items_but_link_captions_are_not(tmp_path: Path) -> None:
    text = (
        "Notes of the Briefing held on 3 May 2024\n\nPresent:\nCllr A Jones\n\n"
        "Welcome\n\nThe Chair welcomed everyone to the briefing session this morning.\n\n"
        "Youth Services\n\nThe service was described. See below link to the report.\n\n"
        "\u00a0Youth Services Annual Report 2023\n\n"
        "Next Steps\n\nA further session will be arranged in the autumn for all members.\n"
    )
    items = _items(tmp_path, text)
    assert [(item.number, item.title) for item in items] == [
        (None, "Welcome"),
        (None, "Youth Services"),
        (None, "Next Steps"),
    ]


def test_item_pages_in_a_pdf(tmp_path: Path) -> None:
    import pymupdf

    pdf = pymupdf.open()
    for number, (title, body) in enumerate(
        [
            ("Apologies", "Apologies were received from Cllr Brown."),
            ("Finance", "The accounts were approved."),
        ],
        start=1,
    ):
        page = pdf.new_page()
        page.insert_text((72, 90), f"{number}. {title}", fontsize=14, fontname="hebo")
        page.insert_text((72, 120), body, fontsize=10, fontname="helv")
    path = tmp_path / "minutes.pdf"
    pdf.save(path)
    items = analyze(ingest.load(path)).items
    assert [(item.number, item.title, item.page) for item in items] == [
        ("1", "Apologies", 1),
        ("2", "Finance", 2),
    ]


def test_columns_of_bare_numbers_are_not_items(tmp_path: Path) -> None:
    text = "Payments\n\n1\n2\n3\n4\n\nThe payments listed were noted by the council at the meeting.\n"
    assert _items(tmp_path, text) == ()


@pytest.mark.parametrize("text", ["", "\n\n", "RESOLVED", "Carried", "Action:", "It was agreed that:", "1."])
def test_degenerate_documents_give_an_honest_empty_result(text: str) -> None:
    analysis = analyze(DocumentText(text, (Block("paragraph", 0, len(text)),) if text.strip() else (), "txt"))
    assert analysis.items == ()
    assert all(text[span.start : span.end] == span.text for span in analysis.resolutions)


def test_word_minutes_title_sub_headings_and_numbered_lists(tmp_path: Path) -> None:
    from tests.factories import write_docx_minutes

    analysis = analyze(ingest.load(write_docx_minutes(tmp_path / "minutes.docx")))
    assert [(item.number, item.title) for item in analysis.items] == [
        ("1", "Apologies"),
        ("2", "Budget monitoring"),
        ("3", "Date of next meeting"),
    ]
    assert [span.text for span in analysis.items[1].resolutions] == [
        "RESOLVED that the budget report be noted."
    ]


def test_a_long_short_lined_list_inside_an_item_does_not_replace_the_items(tmp_path: Path) -> None:
    updates = "".join(f"{n}. Update {n}\n" for n in range(1, 13))
    body = "The members discussed the matter and the officers answered their questions in full.\n\n"
    text = (
        f"## 1. Apologies\n\n{body}## 2. Updates\n\n{body}{updates}\n"
        f"## 3. Finance\n\n{body}## 4. Any other business\n\n{body}"
    )
    items = _items(tmp_path, text, "minutes.md")
    assert [(item.number, item.title) for item in items] == [
        ("1", "Apologies"),
        ("2", "Updates"),
        ("3", "Finance"),
        ("4", "Any other business"),
    ]


def test_items_laid_out_as_table_rows_take_the_cell_after_the_number(tmp_path: Path) -> None:
    text = (
        "Minutes\n\nPresent: Cllr A Ahmed\n\n1\tApologies\tNil\n2\tMinutes\tConfirmed as a true record\n"
        "3\tRoads\tThe update on winter gritting was noted\n"
    )
    items = _items(tmp_path, text)
    assert [(item.number, item.title) for item in items] == [
        ("1", "Apologies"),
        ("2", "Minutes"),
        ("3", "Roads"),
    ]


def test_unnumbered_headings_restating_their_item_are_not_items(tmp_path: Path) -> None:
    text = (
        "1. Apologies and Declarations of Interest\n\n"
        "Apologies\n\nCllr Brown sent apologies for this meeting.\n\n"
        "Declarations of Interest\n\nNone were made by any member of the committee.\n\n"
        "2. Playing Field\n\nThe grass has been cut by the contractor twice this month.\n"
    )
    items = _items(tmp_path, text)
    assert [item.number for item in items] == ["1", "2"]


def test_a_sentence_run_on_after_a_dash_is_not_part_of_the_title(tmp_path: Path) -> None:
    text = (
        "Present: Cllr A Smith\n\n"
        "10.23.07 Finance — the following payments were approved by members:\n"
        "Hall hire £40\n\n"
        "10.23.08 Planning – the applications below had been received and were considered\n"
        "23/0045/F 2 Church Lane\n\n"
        "10.23.09 Footpaths – report from the footpaths warden\n"
        "The stile has been repaired.\n"
    )
    items = _items(tmp_path, text)
    assert [item.title for item in items] == [
        "Finance",
        "Planning",
        "Footpaths – report from the footpaths warden",
    ]


def test_decimal_sub_items_are_items_when_headed_and_decided_never_report_paragraphs(tmp_path: Path) -> None:
    text = (
        "Present: Cllr A Smith\n\n"
        "4. Report of the Head of Finance\n\n"
        "4.1 The forecast outturn is within budget.\n\n"
        "4.2 Reserves remain above the minimum level.\n\n"
        "5. Licensing applications\n\n"
        "5.1 Premises licence – The Crown, Market Place\n\nRESOLVED that the licence be granted.\n\n"
        "5.2 Variation – Riverside Café\n\nRESOLVED that the variation be refused.\n\n"
        "6. Reports for information\n\n"
        "6.1 The audit committee met on 3 May and its minutes were circulated.\n\n"
        "6.2 The new website went live in April; RESOLVED that the report be noted.\n"
    )
    items = _items(tmp_path, text)
    assert [item.number for item in items] == ["4", "5", "5.1", "5.2", "6"]
    assert [len(item.resolutions) for item in items][1:4] == [0, 1, 1]


def test_numbering_that_restarts_under_a_section_heading_keeps_both_parts(tmp_path: Path) -> None:
    text = (
        "Present: Cllr A Smith\n\n"
        "Public business\n\n"
        "1. Apologies\n\nNone.\n\n2. Minutes\n\nApproved.\n\n"
        "3. Exclusion of the public\n\nRESOLVED that the public be excluded.\n\n"
        "Public excluded business\n\n"
        "1. Property acquisition\n\nRESOLVED that the purchase proceed.\n\n"
        "2. Legal advice\n\nThe advice was noted.\n\n"
        "Actions arising:\n\n1. Clerk to write to the vendor.\n2. Chair to brief members.\n"
    )
    items = _items(tmp_path, text)
    assert [(item.number, item.title) for item in items] == [
        ("1", "Apologies"),
        ("2", "Minutes"),
        ("3", "Exclusion of the public"),
        ("1", "Property acquisition"),
        ("2", "Legal advice"),
    ]


def test_unnumbered_capitals_headings_of_a_us_board(tmp_path: Path) -> None:
    text = (
        "BOARD OF TOWNSHIP TRUSTEES\nMINUTES OF SPECIAL MEETING\nApril 3, 2024\n\n"
        "Trustees present: Chair Ann Vega, Trustee Bo Park and Trustee Cy Lund.\n\n"
        "CONSENT AGENDA\n\na. Approval of the minutes of March 20, 2024\nb. Approval of bills\n\n"
        "Trustee Park moved to approve the consent agenda. Trustee Lund seconded the motion. "
        "The motion passed 3-0.\n\n"
        "PUBLIC HEARING: ZONING CASE Z-24-02, ELM STREET LOTS\n\n"
        "The Zoning Administrator presented the request. No one spoke.\n\n"
        "ADJOURNMENT\n\nThe meeting adjourned at 8:10 p.m.\n"
    )
    analysis = analyze(ingest.load(_write(tmp_path, text)))
    assert [item.title for item in analysis.items] == [
        "CONSENT AGENDA",
        "PUBLIC HEARING: ZONING CASE Z-24-02, ELM STREET LOTS",
        "ADJOURNMENT",
    ]
    decision = analysis.items[0].resolutions[0].text
    assert decision.startswith("Trustee Park moved") and decision.endswith("passed 3-0.")


def test_a_summary_of_decisions_after_the_last_item_is_not_an_item(tmp_path: Path) -> None:
    text = (
        "# Minutes\n\n## 1. Apologies\n\nNone.\n\n## 2. Planning\n\nResolved to support the application.\n\n"
        "## Summary of decisions\n\n| Item | Decision |\n|---|---|\n| 2 | Support |\n"
    )
    items = _items(tmp_path, text, "minutes.md")
    assert [item.number for item in items] == ["1", "2"]


def test_a_roll_call_label_inside_an_item_and_the_papers_name_are_not_items(tmp_path: Path) -> None:
    items = _items(
        tmp_path,
        "BOROUGH OF LINDEN PARK\nHighways Working Group\n\nNOTES AND ACTIONS\n\nDate: 3 June 2024\n\n"
        "1. CALL TO ORDER\n\nThe meeting opened at 6 p.m.\n\n2. ORDINANCES\n\n"
        "Motion by Councilmember Ruiz, seconded by Councilmember Tan, to adopt Ordinance 12 on street "
        "vending.\n\nRoll call:\nAyes: Ruiz, Tan, Cole\nNays: Diaz\nMotion carried 3-1.\n\n3. ADJOURNMENT\n",
    )
    assert [(item.number, item.title) for item in items] == [
        ("1", "CALL TO ORDER"), ("2", "ORDINANCES"), ("3", "ADJOURNMENT")
    ]
    assert "to adopt Ordinance 12" in items[1].resolutions[0].text


def test_run_in_numbered_paragraphs_of_wrapped_text_are_not_items(tmp_path: Path) -> None:
    items = _items(
        tmp_path,
        "5. Apologies\n\nNone.\n\n7. Planning\n"
        "7.1 23/01455/FUL - Erection of a garden room, 9 Mill Lane. No\n"
        "objections were raised and it was agreed not to comment.\n"
        "7.2 23/01502/FUL - Change of use of the old chapel, Quay Road, to a short-term\n"
        "let. After discussion it was agreed that the council would object on the grounds of\n"
        "loss of a village building and lack of parking. Clerk to submit the\nobjection by 1st May.\n\n"
        "8. Any other business\n",
    )
    assert [item.number for item in items] == ["5", "7", "8"]


def test_a_title_in_two_parts_after_a_colon_is_one_title(tmp_path: Path) -> None:
    items = _items(
        tmp_path,
        "5. Reports:\na) Report No. PW2024-07 Culvert Replacement on Birch Line.\nMotion No. C240611-6\n"
        "Moved by Abel, Seconded by Roy\nBe it resolved that Report No. PW2024-07 be received.\nCarried.\n"
        "6. Confirmation By-Law:\na) By-Law No. 2024-017: A By-law to Confirm the Proceedings of the Council "
        "Meeting held on Tuesday, June 11, 2024.\nMotion No. C240611-7\nMoved by Roy, Seconded by Abel\n"
        "Be it resolved that By-Law No. 2024-017 be read a first, second and third time and passed.\n"
        "Carried.\n7. Adjournment:\nBe it resolved that we do now adjourn at 11:02 a.m.\nCarried.\n",
    )
    titles = [item.title or "" for item in items]
    assert any(title.startswith("By-Law No. 2024-017: A By-law to Confirm") for title in titles)
    assert "By-Law No. 2024-017" not in titles


def test_a_sub_heading_under_every_item_and_a_contents_heading_are_not_items(tmp_path: Path) -> None:
    # A Markdown executive's record of decisions: the same sub-heads under each numbered decision.
    items = _items(
        tmp_path,
        "# Executive Decisions\n\nPresent: Councillors Ray Holt and Ann Bly\n\n"
        "Officers: Chief Executive, Monitoring Officer\n\n"
        "## Contents\n\n- [12. Local Transport Plan](#t)\n- [13. Leisure Contract](#l)\n\n"
        "## 12. Local Transport Plan\n\nDecision: That the plan be approved for consultation.\n\n"
        "## Declarations of interest made\n\nNone.\n\n"
        "## 13. Leisure Contract\n\nDecision: That the contract be extended by two years.\n\n"
        "## Declarations of interest made\n\nCouncillor Ray Holt, as a club member.\n",
        "minutes.md",
    )
    assert [(item.number, item.title) for item in items] == [
        ("12", "Local Transport Plan"), ("13", "Leisure Contract"),
    ]
