"""Decisions: found whole, with their sub-points, under the right item, and nothing that is not one."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from app import ingest
from app.analysis import analyze
from app.model import Analysis

from tests.unit.app.minutes_truth import analysed, cases, key, norm, phrase, truth


def _analysis(tmp_path: Path, text: str) -> Analysis:
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    return analyze(ingest.load(path))


def _decisions(analysis: Analysis) -> list[str]:
    texts = [span.text for item in analysis.items for span in item.resolutions]
    return [norm(text) for text in [*texts, *(span.text for span in analysis.resolutions)]]


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.stem)
def test_every_decision_of_each_fixture_is_found_under_its_item(case: Path) -> None:
    analysis = analysed(case)
    # Numbers may repeat (a part restarting at 1, lettered sub-items): items pair up in order.
    for item, want in zip(analysis.items, truth(case)["items"], strict=True):
        assert key(item.number) == key(want["number"])
        texts = [norm(span.text) for span in item.resolutions]
        for sentence in want["resolutions"]:
            assert any(phrase(sentence) in text for text in texts), (want["number"], sentence, texts)


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.stem)
def test_no_fixture_decision_is_invented(case: Path) -> None:
    wanted = [
        phrase(sentence)
        for item in truth(case)["items"]
        for field in ("resolutions", "actions", "optional")
        for sentence in item.get(field, [])
    ]
    for text in _decisions(analysed(case)):
        assert any(sentence in text for sentence in wanted), text


def test_a_resolution_keeps_its_sub_points_and_its_offsets(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "4. Budget\n\nThe report was presented.\n\nRESOLVED – That:\n\n(i) the budget be approved;\n"
        "(ii) the Director be authorised to make adjustments; and\n(iii) the programme be noted.\n\n"
        "Members thanked the officers.\n\n5. Close\n\nThe meeting closed.\n",
    )
    (span,) = analysis.items[0].resolutions
    assert span.text.startswith("RESOLVED – That:")
    assert span.text.endswith("(iii) the programme be noted.")
    assert "Members thanked" not in span.text
    doc_text = (tmp_path / "minutes.txt").read_text(encoding="utf-8")
    assert doc_text[span.start : span.end] == span.text


def test_moved_seconded_carried_motions_and_lost_ones(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "1. Fees\n\nMoved by Councillor Byrne\nSeconded by Councillor Lee\n"
        "THAT the fees schedule be approved.\nCARRIED\n\n"
        "2. Land\n\nMoved by Councillor Lee\nSeconded by Councillor Byrne\n"
        "THAT the land be sold.\nDEFEATED\n\n"
        "3. Trees\n\nThe contractor said work on the trees will be\ncarried\nout in May.\n",
    )
    fees, land, trees = analysis.items
    assert [norm(span.text) for span in fees.resolutions] == ["that the fees schedule be approved. carried"]
    assert land.resolutions == ()
    assert trees.resolutions == ()


def test_decisions_told_in_sentences_start_at_the_sentence(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "7. Other Business\n\nThe hall roof needs repair. It was resolved to obtain three quotes\n"
        "before the next meeting. The minutes of the meeting held on 3 May were approved\n"
        "as a correct record.\n",
    )
    texts = [span.text for span in analysis.items[0].resolutions]
    assert texts[0] == "It was resolved to obtain three quotes\nbefore the next meeting."
    assert texts[1].startswith("The minutes of the meeting held on 3 May")


def test_a_label_over_the_minute_is_not_part_of_its_decision(tmp_path: Path) -> None:
    # Modern.gov prints "Minutes:" over each item's text; other systems "Discussion:" or "Notes:".
    analysis = _analysis(
        tmp_path,
        "5. Local Plan Review - Issues and Options\nMinutes:\nIt was proposed by Councillor Hale, "
        "seconded by Councillor Orme, and agreed that the Issues and Options paper be published for "
        "consultation.\n"
        "6. Minutes of the last meeting\nMinutes: The minutes of the meeting held on 4 March 2024 were "
        "approved as a correct record.\n"
        "7. Allotments\nDiscussion and outcome:\nThe proposal to raise rents by 5% was carried.\n",
    )
    texts = [span.text for item in analysis.items for span in item.resolutions]
    assert [text.split()[0] for text in texts] == ["It", "The", "The"], texts
    assert analysis.items[0].resolutions[0].text.endswith("published for consultation.")


def test_a_recommendation_to_cabinet_and_papers_reviewed_and_approved_are_decisions(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "5. Fly-tipping Enforcement\n\nMembers discussed the enforcement figures.\n"
        "The Panel RECOMMENDED to the Executive that:\n(a) two further enforcement officers be funded; and\n"
        "(b) fixed penalties be raised to the statutory maximum.\n\n"
        "6. Policies\n\nThe Complaints Policy and the Lettings Policy were considered and adopted.\n"
        "The minute of the meeting of 3 March was read and approved.\n",
    )
    texts = [[span.text for span in item.resolutions] for item in analysis.items]
    assert texts[0] == [
        "The Panel RECOMMENDED to the Executive that:\n(a) two further enforcement officers be funded; and\n"
        "(b) fixed penalties be raised to the statutory maximum."
    ]
    assert [text.split()[1] for text in texts[1]] == ["Complaints", "minute"]


def test_motions_moved_before_the_printed_decision_and_a_sign_off_are_not_decisions(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "6. Premises Licence - The Harbour Inn\n\nCouncillor Baird, seconded by Councillor Orr, moved that "
        "the application be granted.\n\nAs an amendment, Councillor Kerr, seconded by Councillor Leitch, "
        "moved that the application be refused.\n\nOn a vote, the motion was carried by 5 votes to 3.\n\n"
        "Decision:\n\n"
        "The Board agreed to grant the application.\n\n"
        "7. Adjournment\n\nThere being no further business, the Chair adjourned the meeting at 9:10 p.m.\n"
        "Respectfully submitted,\nAnn Vale, Clerk to the Board\nApproved by the Board on May 2, 2024\n",
    )
    texts = [span.text for item in analysis.items for span in item.resolutions]
    assert [text.split()[0] for text in texts] == ["On", "Decision:"], texts


def test_a_motion_agreed_takes_the_motion_quoted_above_it(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "9. Notices of Motion\n\n9.1 Motion in the name of Cllr. Pat Byrne\n"
        "“That Kilbarra County Council calls on the HSE to reopen the Ballyglass clinic at weekends.”\n"
        "Cllr. Byrne proposed the motion, which was seconded by Cllr. Walsh. Following discussion the motion "
        "was agreed.\n",
    )
    texts = [span.text for item in analysis.items for span in item.resolutions]
    assert len(texts) == 1 and texts[0].startswith("“That Kilbarra County Council calls on the HSE"), texts
    assert texts[0].endswith("the motion was agreed.")


def test_narrative_agreement_is_not_a_decision(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "2. Roads\n\nCouncillor Smith agreed with the concerns raised. The contractor has agreed to return.\n"
        "Members noted the update.\n",
    )
    assert analysis.items[0].resolutions == ()


def test_decisions_before_any_item_stay_at_the_top_level(tmp_path: Path) -> None:
    analysis = _analysis(tmp_path, "RESOLVED that the meeting be adjourned to 5 June.\n")
    assert analysis.items == ()
    assert [span.text for span in analysis.resolutions] == [
        "RESOLVED that the meeting be adjourned to 5 June."
    ]


def _disposition_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("DISPOSITION OF ITEMS")
    table = document.add_table(rows=0, cols=3)
    rows = [
        ("REPORT OF THE FINANCE COMMITTEE dated May 2, 2024", None, None),
        ("1", "Water and Sewer Rates", "ADOPTED"),
        ("2", "Transit Fleet Renewal", "AMENDED AND ADOPTED (See Motion 1)"),
        ("3", "Audit Plan", "RECEIVED AS INFORMATION"),
        ("COUNCIL MOTIONS", None, None),
        ("Smith/Jones", "THAT the Transit Fleet report be amended to add four buses.", "CARRIED"),
        ("Brown/Lee", "THAT the meeting be extended.", "LOST"),
    ]
    for first, second, third in rows:
        cells = table.add_row().cells
        if second is None:
            merged = cells[0].merge(cells[2])
            merged.text = first
            continue
        cells[0].text, cells[1].text, cells[2].text = first, second, third or ""
    document.save(path)
    return path


def test_disposition_tables_give_items_and_their_decisions(tmp_path: Path) -> None:
    analysis = analyze(ingest.load(_disposition_docx(tmp_path / "disposition.docx")))
    assert [(item.number, item.title) for item in analysis.items] == [
        (None, "REPORT OF THE FINANCE COMMITTEE dated May 2, 2024"),
        ("1", "Water and Sewer Rates"),
        ("2", "Transit Fleet Renewal"),
        ("3", "Audit Plan"),
        (None, "COUNCIL MOTIONS"),
    ]
    decisions = [[span.text for span in item.resolutions] for item in analysis.items]
    assert decisions[1:4] == [
        ["ADOPTED"],
        ["AMENDED AND ADOPTED (See Motion 1)"],
        ["RECEIVED AS INFORMATION"],
    ]
    assert len(decisions[4]) == 1
    assert decisions[4][0].startswith("THAT the Transit Fleet report be amended")
    assert decisions[4][0].endswith("CARRIED")


def test_a_legislation_table_titles_items_by_their_title_column_not_the_file_number(tmp_path: Path) -> None:
    rows = [
        ("1.", "FC 24-118", "Minutes of the regular meeting of April 2, 2024", "approved", "Pass"),
        ("2.", "FC 24-120", "Proclamation of Arbor Day", "presented", ""),
        ("3.", "FC 24-097", "Contract with Delta Paving for street overlays", "adopted", "Pass"),
        ("4.", "FC 24-131", "Zoning amendment for accessory dwellings", "continued to 5/7/2024", ""),
    ]
    cells = "".join(
        "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows
    )
    path = tmp_path / "minutes.html"
    path.write_text(
        "<html><body><h1>Town Commission</h1><h2>Meeting Minutes</h2><h3>Agenda Items</h3><table>"
        f"<tr><th>Agenda #</th><th>File ID</th><th>Title</th><th>Action</th><th>Result</th></tr>{cells}"
        "</table></body></html>",
        encoding="utf-8",
    )
    analysis = analyze(ingest.load(path))
    assert [(item.number, item.title) for item in analysis.items] == [(row[0][0], row[2]) for row in rows]
    decided = [[span.text for span in item.resolutions] for item in analysis.items]
    assert decided[0] == ["approved\tPass"] and decided[2] == ["adopted\tPass"] and not decided[1]


def test_abbreviations_and_initials_do_not_end_a_sentence(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "4. Library\n\nThe report was discussed. "
        "On the proposal of Cllr. P. Burke, seconded by Cllr. A. Norton, "
        "it was resolved that the report be adopted and sent to Mr. J. Smith. Members thanked the staff.\n",
    )
    (span,) = analysis.items[0].resolutions
    assert span.text == (
        "On the proposal of Cllr. P. Burke, seconded by Cllr. A. Norton, "
        "it was resolved that the report be adopted and sent to Mr. J. Smith."
    )


def test_a_decision_on_the_heading_line_itself(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "Present: Cllr A Jones\n\n"
        "47. Minutes – RESOLVED that the minutes of the last meeting be approved.\n\n"
        "48. Roads – The gritting update was given by the officer.\n",
    )
    assert [(item.number, item.title) for item in analysis.items] == [("47", "Minutes"), ("48", "Roads")]
    (span,) = analysis.items[0].resolutions
    assert "RESOLVED that the minutes of the last meeting be approved." in span.text


@pytest.mark.parametrize(
    ("minute", "decided"),
    [
        (
            "On the proposal of Cllr. Byrne, seconded by Cllr. Walsh, the minutes of the meeting held on "
            "4th March 2024 were confirmed.",
            "the minutes of the meeting held on 4th march 2024 were confirmed",
        ),
        (
            'Proposed by Cllr. Daly, seconded by Cllr. Nolan and resolved: "That the Council approves the '
            'lease of the depot to the Tidy Towns committee."',
            "approves the lease of the depot to the tidy towns committee",
        ),
        (
            "This Council resolves to:\n1. ask the Leader to write to the Health Board;\n"
            "2. ask the Scrutiny Committee to review the closure.",
            "2. ask the scrutiny committee to review the closure",
        ),
        (
            "The schedule was presented. RESOLVED (unanimously) to approve the payments as listed.",
            "to approve the payments as listed",
        ),
        (
            "24/0311/FUL – Barn conversion at Hill Farm. Resolved to support the application.",
            "resolved to support the application",
        ),
        (
            "Resolution number PC/2024/17\nMoved: Cr Ahern\tSeconded: Cr Bell\nThat the Board:\n"
            "(a) receives the report on the playground renewal programme and approves the\n"
            "revised budget of $48,000; and\n(b) thanks the volunteers.\nCARRIED",
            "approves the revised budget of $48,000; and (b) thanks the volunteers",
        ),
        (
            "Moved by Councillor Hart\nSeconded by Councillor Iles\n\nThat the tender be awarded to Dunmore "
            "Paving.\n\nAmendment:\nMoved by Councillor Joss\n\nThat the motion be amended to add a review "
            "in June.\n\nAmendment Carried\n\nMain Motion as Amended Carried",
            "that the tender be awarded to dunmore paving",
        ),
        (
            "Cllr. Nagle proposed the following motion, which was seconded by Cllr. Roe:\n\n"
            '"That this Council calls on the Minister to fund the Ballyvane bypass."\n\n'
            "For (7)\nCllrs. Ahern, Boyle\nAgainst (2)\nCllr. Daly\n\n"
            "The Cathaoirleach declared the motion carried.",
            "calls on the minister to fund the ballyvane bypass",
        ),
        (
            "The Council approved the minute of its meeting of 14 December 2023.",
            "the council approved the minute of its meeting of 14 december 2023",
        ),
        (
            "a) To approve the payments schedule for June: resolved to approve payments totalling £604.18.",
            "resolved to approve payments totalling £604.18",
        ),
    ],
)
def test_decisions_in_other_councils_wording(tmp_path: Path, minute: str, decided: str) -> None:
    text = f"Present: Cllr A Smith\n\n1. Business\n\n{minute}\n\n2. Close\n\nClosed.\n"
    analysis = _analysis(tmp_path, text)
    found = _decisions(analysis)
    assert any(decided in text for text in found), found
    assert not any(action.owner == "Resolved" for item in analysis.items for action in item.actions)


def test_proposed_seconded_and_adopted_and_the_motion_quoted_after(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "1. Minutes\n\nThe minutes of the meeting of 4th March were proposed by Cllr. Nolan, seconded by "
        "Cllr. Ryan and adopted.\n\n2. Notices of motion\n\n"
        "The following motion was proposed by Cllr. Walsh, "
        "seconded by Cllr. Kiely, and adopted:\n\"That this District calls on the Council to resurface the "
        "Mill Road car park.\"\n",
    )
    decided = _decisions(analysis)
    assert any("minutes of the meeting of 4th march were proposed" in text for text in decided)
    assert any("that this district calls on the council to resurface" in text for text in decided)


def test_a_verdict_on_the_proposal_before_it_and_a_vote_tally(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "4. Application 24/0099/FUL\n\nCouncillor Amis proposed, and Councillor Bell seconded, that the "
        "application be refused. On being put to the vote this was carried (5 for, 2 against).\n\n"
        "5. File 24-311\n\n"
        "24-311 A motion was made by Councilmember Ruiz, seconded by Councilmember Tan, that "
        "this Ordinance be passed. The motion carried by the following vote:\nAye: 3 - Ruiz, Tan and Cole\n"
        "Nay: 1 - Diaz\nCouncilmember Diaz asked about the budget. The Mayor replied.\n",
    )
    decided = [span.text for item in analysis.items for span in item.resolutions]
    assert decided[0].startswith("Councillor Amis proposed") and decided[0].endswith("2 against).")
    assert decided[1].startswith("24-311 A motion was made by Councilmember Ruiz")
    assert decided[1].endswith("Nay: 1 - Diaz")


def test_a_recorded_vote_after_a_quoted_motion_is_no_decision_of_its_own(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "12. NOTICE OF MOTION - LIBRARY HOURS\n\nThe following motion was moved by Councillor Adey and "
        "seconded by Councillor Burr: \"This Council resolves to:\n1. restore Saturday opening at all "
        "libraries; and\n2. ask the Cabinet to report on the cost.\"\n\nA recorded vote was taken:\n"
        "For (9):\tCouncillors Adey, Burr, Coe, Dunn, Eld, Fry, Gee, Hay and Ince\nAgainst (2):\tCouncillors "
        "Jay and Kemp\nAbstain (1):\tCouncillor Lowe\nThe motion was declared CARRIED.\n\n13. CLOSE\n",
    )
    (decision,) = analysis.items[0].resolutions
    assert "restore saturday opening" in norm(decision.text)


def test_agreed_carried_on_a_wrapped_line_is_no_decision(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "9. Any other business\n\nMrs Okafor raised the overgrown hedge on Mill Lane by the school. The "
        "Vice-Chair\nagreed to speak to the landowner before the next meeting.\n\n10. Close\n",
    )
    assert not _decisions(analysis)


def test_responses_to_planning_applications_after_each_reference(tmp_path: Path) -> None:
    analysis = _analysis(
        tmp_path,
        "5. Planning\n\n24/00311/HOU Rear conservatory, 2 Well Lane - No objection. 24/00340/FUL Two "
        "dwellings, land at Hob Lane - Object: overdevelopment of the site.\nb) DC/24/0100 - Shop sign, "
        "The Stores. Support.\n\n6. Village shop\n\nThe shop reported a good year. Support for it was "
        "strong. No objection was raised to the new opening hours.\n",
    )
    decided = [[span.text for span in item.resolutions] for item in analysis.items]
    assert decided == [["No objection", "Object: overdevelopment of the site", "Support"], []]
