"""Attendance read from varied councils' minutes: who was present, sent apologies, or attended as staff."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from app.analysis.attendance import find_attendance
from app.analysis.lines import split_lines
from app.ingest import load
from app.model import Attendee, DocumentText

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "people"


def _text_doc(text: str) -> DocumentText:
    """The text as the plain-text loader reads it from a file."""
    path = Path(tempfile.mkdtemp()) / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)


def _attendance(doc: DocumentText) -> tuple[Attendee, ...]:
    return find_attendance(doc, split_lines(doc))


def _by_status(attendees: tuple[Attendee, ...]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for person in attendees:
        out.setdefault(person.status, set()).add(person.name)
    return out


EXPECTED = {
    "irish-county-council.txt": (
        {
            "N. Heavey",
            "A. Breen",
            "F. Brennan",
            "B. Caldwell",
            "K. Duffy",
            "S. Doyle",
            "M. Lynch",
            "P. McEvoy",
            "F. O'Loughlin",
            "T. Durkan",
        },
        {"M. Kennedy", "C. Pender"},
    ),
    "canadian-city-council.txt": (
        {"C. Dale", "Billings", "Busuttil", "Caron", "Chew", "O'Rourke"},
        {"Goller"},
    ),
    "nz-district-council.txt": (
        {"D Kennedy", "Dunn", "Hoeta", "Lambert", "Morrison", "Northcroft", "Timlin"},
        {"Taite"},
    ),
    "us-city-council.md": ({"Adams", "Baker", "Chen", "Davis"}, set()),
    "welsh-town-council.txt": (
        {"Gwyneth Jones", "Dafydd ap Rhys", "Sian Evans", "Mark Thomas-Hughes"},
        {"Huw Morgan", "Ann Roberts"},
    ),
    "scottish-committee.txt": (
        {"A Christie", "I Campbell", "B Allan", "K Currie", "I Cockburn", "D Mackay", "M Ross"},
        {"J Bruce", "D Mackay"},
    ),
    "tab-columns.txt": (
        {"Jane Porter", "Raj Patel", "Susan Khan", "Peter Lowe"},
        {"Oliver Grant", "Lucy Hale"},
    ),
    "district-modern-gov.txt": (
        {"R Morris", "T Allen", "B Hopkins", "E Stokes", "J Wilkinson", "L Robinson"},
        {"P Harrison"},
    ),
}
EXPECTED["nz-city-council.html"] = (
    {"Kirsten Wise", "Annette Brosnan", "Maxine Boag", "Keith Price", "Apiata Tapine", "Graeme Taylor"},
    {"Nigel Simpson"},
)
EXPECTED["us-roll-call.txt"] = ({"Ann Lee", "Bob Ortiz", "Dan Smith"}, set())
EXPECTED["nz-scraped-lines.txt"] = (
    {"Alice Wharton", "Ian Hoskins", "Shelley Burne-Fielding", "Kelly Anand", "Tim Aitcheson"},
    {"Ross Peters"},
)
EXPECTED["nz-double-spaced.txt"] = (
    {"Colin Little", "Dana Eagles-Kerr", "Hine Flood", "Michael Bird", "Jeremy Harkness", "Paul Kellow"},
    set(),
)
MEMBER_STATUSES = {"present", "co-opted", "substitute"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_members_present_and_apologies_across_council_styles(name: str) -> None:
    doc = load(FIXTURES / name)
    attendees = _attendance(doc)
    present = {a.name for a in attendees if a.status in MEMBER_STATUSES}
    apologies = {a.name for a in attendees if a.status == "apologies"}
    assert (present, apologies) == EXPECTED[name]
    for person in attendees:
        assert person.name.split()[-1] in doc.text[person.start : person.end]


def test_officers_and_others_are_not_members_present() -> None:
    statuses = _by_status(_attendance(load(FIXTURES / "irish-county-council.txt")))
    assert statuses["officer"] == {"S. Murphy", "J. Boland", "E. Kelly"}
    canadian = _by_status(_attendance(load(FIXTURES / "canadian-city-council.txt")))
    assert "S. Stewart" in canadian["also-present"]
    tabbed = _by_status(_attendance(load(FIXTURES / "tab-columns.txt")))
    assert tabbed["also-present"] == {"Tim Wells", "Ann Booth"}


def test_us_roll_call_marks_absent_members() -> None:
    statuses = _by_status(_attendance(load(FIXTURES / "us-city-council.md")))
    assert statuses["absent"] == {"Evans"}


def test_roles_come_from_brackets_titles_and_trailing_words() -> None:
    roles = {a.name: a.role for a in _attendance(load(FIXTURES / "scottish-committee.txt"))}
    assert roles["A Christie"] == "Chair"
    assert roles["I Campbell"] == "Vice Chair"
    assert {a.name: a.role for a in _attendance(load(FIXTURES / "welsh-town-council.txt"))}[
        "Gwyneth Jones"
    ] == "Mayor"
    tabbed = {a.name: a.role for a in _attendance(load(FIXTURES / "tab-columns.txt"))}
    assert (tabbed["Jane Porter"], tabbed["Peter Lowe"]) == ("Chair", "Clerk")


def test_names_split_over_lines_inside_brackets_are_joined() -> None:
    doc = _text_doc(
        "Present\nCouncillor Jeffery (In\nthe Chair), Mayor Dalton, Councillors Boag,\nBrosnan and Wise\n"
        "In\nAttendance\nDirector City Services\nApologies\nNil\n"
    )
    attendees = _attendance(doc)
    assert [(a.name, a.status, a.role) for a in attendees] == [
        ("Jeffery", "present", "Chair"),
        ("Dalton", "present", "Mayor"),
        ("Boag", "present", None),
        ("Brosnan", "present", None),
        ("Wise", "present", None),
    ]


def test_side_by_side_columns_read_across_use_members_initials() -> None:
    # A two-column block flattened row by row: members carry the initials used in the minutes.
    doc = _text_doc(
        "Present:\nMembers of the Public:\nNick Oakhill (NO)\nKaty Draper\nJohn Hoodless (JH)\n"
        "David Carlisle\nCathy Fleet (CF) CLERK\n1.\nApologies\nNo apologies had been received\n"
    )
    statuses = _by_status(_attendance(doc))
    assert statuses == {
        "present": {"Nick Oakhill", "John Hoodless", "Cathy Fleet"},
        "public": {"Katy Draper", "David Carlisle"},
    }


def test_name_with_description_keeps_only_the_name() -> None:
    doc = _text_doc(
        "Present:\nTerri Hacking, Action for Children\nLouise Taylor, Corporate Director Operations and "
        "Delivery\nSarah Barraclough, Ashton Primary School\n"
    )
    assert {a.name for a in _attendance(doc)} == {"Terri Hacking", "Louise Taylor", "Sarah Barraclough"}


def test_prose_after_the_list_ends_it() -> None:
    doc = _text_doc(
        "Present:\nCounty Councillors\nA Barnes\tA Schofield\n"
        "County Councillors A Schofield replaced County Councillors T Burns for this meeting.\n"
    )
    assert {a.name for a in _attendance(doc)} == {"A Barnes", "A Schofield"}


def test_leave_of_absence_from_this_meeting_counts_as_apologies() -> None:
    doc = _text_doc(
        "Leave of Absence\tBrowaty/Schreyer\tTHAT Councillor Wyatt be granted a leave of absence "
        "from today’s "
        "meeting due to his absence from the City.\tCARRIED\n"
    )
    assert [(a.name, a.status) for a in _attendance(doc)] == [("Wyatt", "apologies")]
    later = _text_doc(
        "Leave of Absence\nThat Councillor Kerr be granted leave of absence for 18-27 February.\n"
    )
    assert _attendance(later) == ()


def test_a_paper_without_attendance_has_none() -> None:
    doc = _text_doc("Report to the Cabinet\n\n1. Purpose\nThe members of the public were consulted in May.\n")
    assert _attendance(doc) == ()


def test_samples_attendance(samples: Path) -> None:
    doc = load(samples / "lancashire-scrutiny-2015-07-17.txt")
    present = {a.name for a in _attendance(doc) if a.status == "present"}
    assert {"Bill Winlow", "A Barnes", "D O'Toole", "L Oades", "R Newman-Thompson"} <= present
    assert len(present) == 12


def _columns_pdf(path: Path, headings: list[str], columns: list[list[str]]) -> Path:
    """A parish-council title and an attendance block laid out in side-by-side columns."""
    import pymupdf

    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text((180, 72), "MINUTES OF THE ASHBY PARISH COUNCIL MEETING", fontsize=11)
    page.insert_text((230, 90), "ON 14th March 2023", fontsize=11)
    for index, (heading, names) in enumerate(zip(headings, columns, strict=True)):
        x = 72 + 170 * index
        page.insert_text((x, 130), heading, fontsize=11)
        for row, name in enumerate(names):
            page.insert_text((x, 150 + 15 * row), name, fontsize=11)
    page.insert_text((72, 260), "1. Declarations of interest", fontsize=11)
    page.insert_text((90, 276), "There were no declarations of interest.", fontsize=11)
    pdf.save(path)
    return path


def test_side_by_side_pdf_columns_take_their_headings_status(tmp_path: Path) -> None:
    path = _columns_pdf(
        tmp_path / "columns.pdf",
        ["Present:", "Members of the Public:", "Apologies:"],
        [
            ["Jane Porter (JP) CHAIR", "Raj Patel (RP)", "Peter Lowe (PL) CLERK"],
            ["Ann Booth", "Tom Reid"],
            ["Oliver Grant"],
        ],
    )
    statuses = _by_status(_attendance(load(path)))
    assert statuses == {
        "present": {"Jane Porter", "Raj Patel", "Peter Lowe"},
        "public": {"Ann Booth", "Tom Reid"},
        "apologies": {"Oliver Grant"},
    }


def test_roll_call_status_printed_after_each_name() -> None:
    attendees = [a for a in _attendance(load(FIXTURES / "us-roll-call.txt")) if a.status != "officer"]
    assert [(a.name, a.status, a.role) for a in attendees] == [
        ("Ann Lee", "present", "Mayor"),
        ("Bob Ortiz", "present", None),
        ("Carol Nguyen", "absent", None),
        ("Dan Smith", "present", None),
    ]


def test_substitutes_named_in_a_sentence() -> None:
    doc = _text_doc(
        "Present:\nCouncillors A Khan and B Lowe\n\n"
        "Councillor C Dunn attended as substitute for Councillor E Fox.\n"
    )
    statuses = _by_status(_attendance(doc))
    assert statuses == {"present": {"A Khan", "B Lowe"}, "substitute": {"C Dunn"}}


def test_names_broken_over_lines_keep_their_role_and_span() -> None:
    doc = load(FIXTURES / "nz-double-spaced.txt")
    attendees = {a.name: a for a in _attendance(doc)}
    assert attendees["Dana Eagles-Kerr"].role == "Deputy Mayor"
    assert attendees["Hine Flood"].role is None
    little = attendees["Colin Little"]
    assert doc.text[little.start : little.end] == "Colin  Little"


def test_mover_and_seconder_lines_are_not_attendance() -> None:
    doc = _text_doc(
        "Apologies\nCouncillors Price / Taylor\nMoved: Cr Kelly Anand\n"
        "That the apology from Councillor Nigel Simpson be accepted.\nCarried\n"
    )
    assert [(a.name, a.status) for a in _attendance(doc)] == [("Nigel Simpson", "apologies")]


def test_staff_named_after_their_post() -> None:
    attendees = _attendance(load(FIXTURES / "us-roll-call.txt"))
    staff = {(a.name, a.role) for a in attendees if a.status == "officer"}
    assert staff == {("Eve Park", "City Manager"), ("Frank Moss", "City Clerk")}


def test_sentences_of_a_roll_call() -> None:
    statuses = _by_status(_attendance(load(FIXTURES / "us-town-board.txt")))
    assert statuses["present"] == {"Jane Doyle", "Ortiz", "Smith", "Nguyen"}
    assert statuses["absent"] == {"Park"}
    assert statuses["also-present"] == {"Mary Hale", "Tom Reyes"}


@pytest.mark.parametrize(
    ("text", "present", "other"),
    [
        (
            "Council Members Present: Adams, Baker\nCouncil Members Absent: Evans\n",
            {"Adams", "Baker"},
            {"Evans"},
        ),
        ("Sederunt: Councillor A Reid (Convener), Councillor B Muir\n", {"A Reid", "B Muir"}, set()),
        ("Present / Yn Bresennol: Cllr Sian Evans, Cllr Huw Price\n", {"Sian Evans", "Huw Price"}, set()),
        ("Cllrs present: A Green, B Hill\nOthers present: C Ward\n", {"A Green", "B Hill"}, {"C Ward"}),
        ("Present: Mayor Smith, Vice Mayor Jones, Councilwoman Ruiz\n", {"Smith", "Jones", "Ruiz"}, set()),
        ("Roll Call: Present: Adams, Baker; Absent: Evans\n", {"Adams", "Baker"}, {"Evans"}),
        (
            "Present: 3 - Councilmember Adams, Councilmember Baker, and Council President Chen\n"
            "Absent: 1 - Councilmember Evans\n",
            {"Adams", "Baker", "Chen"},
            {"Evans"},
        ),
        ("Council Present: Mayor Dale, Councillor Chew\n", {"Dale", "Chew"}, set()),
        (
            "PRESENT: MAYOR JOHN SMITH, COUNCILMEMBERS ADAMS, BAKER\nABSENT: NONE\n",
            {"JOHN SMITH", "ADAMS", "BAKER"},
            set(),
        ),
        (
            "Present: The Mayor (Councillor J Smith), Councillors K Lee and M Roy\n",
            {"J Smith", "K Lee", "M Roy"},
            set(),
        ),
        (
            "Apologies\nThat the apologies from Cr Ann Wood and Cr Tom Hay for absence be accepted.\n",
            set(),
            {"Ann Wood", "Tom Hay"},
        ),
    ],
)
def test_label_vocabulary_of_other_countries(text: str, present: set[str], other: set[str]) -> None:
    attendees = _attendance(_text_doc(text))
    assert {a.name for a in attendees if a.status == "present"} == present
    assert {a.name for a in attendees if a.status != "present"} == other


def test_an_unnumbered_heading_after_the_list_is_not_a_name() -> None:
    doc = _text_doc(
        "Present:\nCllr Petunia Evans (Chair)\nCllr Mark Dursley\n\nApologies:\nCllr Vernon Polkiss\n\n"
        "Welcome\n\nThe Chair welcomed members and thanked them for attending.\n"
    )
    statuses = _by_status(_attendance(doc))
    assert statuses == {"present": {"Petunia Evans", "Mark Dursley"}, "apologies": {"Vernon Polkiss"}}


def test_resolution_lines_under_apologies_are_not_names() -> None:
    doc = _text_doc(
        "2 Apologies\nCommittee Resolution\nThat the apology from Cr Michael Law be accepted.\n"
        "Cr Joblin / Cr Brown\nCarried\n"
    )
    assert [(a.name, a.status) for a in _attendance(doc)] == [("Michael Law", "apologies")]


def test_substitutes_under_their_heading_and_beside_apologies() -> None:
    doc = _text_doc(
        "Present: Councillors A Khan and B Lowe\nSubstitutes: Councillor C Dunn for Councillor E Fox, "
        "Councillor G Hart (for Councillor J Ives)\n1. Apologies\n"
        "Apologies were received from Councillor K Lamb. "
        "Councillor M Nash attended as substitute for Councillor K Lamb.\n"
    )
    statuses = _by_status(_attendance(doc))
    assert statuses == {
        "present": {"A Khan", "B Lowe"},
        "substitute": {"C Dunn", "G Hart", "M Nash"},
        "apologies": {"K Lamb"},
    }


def test_attendance_register_table() -> None:
    doc = _text_doc(
        "Attendance\nName\tRole\tAttendance\nCllr Ann Wood\tChair\tPresent\nCllr Tom Hay\t\tApologies\n"
        "Cllr Raj Dev\tVice-Chair\tPresent (remote)\nCllr Liz Orr\t\tAbsent\n\n1. Welcome\n"
    )
    assert [(a.name, a.status, a.role) for a in _attendance(doc)] == [
        ("Ann Wood", "present", "Chair"),
        ("Tom Hay", "apologies", None),
        ("Raj Dev", "present", "Vice-Chair"),
        ("Liz Orr", "absent", None),
    ]


@pytest.mark.parametrize(
    "table",
    [
        # Two registers side by side.
        "Councillor\tAttendance\tCouncillor\tAttendance\n"
        "Cllr Ada Quill\tPresent\tCllr Ben Rook\tApologies\n"
        "Cllr Cara Stone\tPresent\tCllr Dev Tarn\tPresent\n"
        "Mrs Eve Urwin (Town Clerk)\tIn attendance\t\t\n",
        # Name, role, attendance; a role ("Member") is no heading.
        "Attendee\tRole\tAttendance\nCouncillor Ada Quill\tChair\tPresent\n"
        "Councillor Ben Rook\tMember\tApologies\n"
        "Councillor Cara Stone\tMember\tPresent\nCouncillor Dev Tarn\tMember\tPresent\n"
        "Eve Urwin\tClerk\tIn attendance\n",
        # No headings at all.
        "Cllr Ada Quill (Chairman)\tPresent\nCllr Ben Rook\tApologies\nCllr Cara Stone\tPresent\n"
        "Cllr Dev Tarn\tPresent\nMrs Eve Urwin (Clerk)\tIn attendance\n",
    ],
)
def test_attendance_registers_with_a_status_column(table: str) -> None:
    doc = _text_doc(f"Minutes of the Parish Council meeting held on 4 March 2024\n{table}\n1. Apologies\n")
    found = _by_status(_attendance(doc))
    assert found["present"] >= {"Ada Quill", "Cara Stone", "Dev Tarn"}
    assert "Ben Rook" not in found["present"] and "Ben Rook" in found["apologies"]
    assert "Eve Urwin" in found["officer"]


def test_regrets_in_brackets_and_a_label_after_a_bracket() -> None:
    doc = _text_doc(
        "Minutes of the Board held on 6 December 2023\n"
        "In attendance: Rebecca Lowe (Public Health Consultant) Apologies: Councillor Peter Voss; "
        "Inspector Ruth Bale (Police)\n\nAbsent:\nCouncillor Sylvie Gagnon (regrets)\n\n1. Minutes\n"
    )
    found = _by_status(_attendance(doc))
    assert {"Peter Voss", "Sylvie Gagnon"} <= found["apologies"]
    assert "Peter Voss" not in found.get("officer", set())


def test_a_group_label_before_its_names_and_welsh_titles() -> None:
    doc = _text_doc(
        "Minutes of the Cabinet held on 9 November 2022\nPRESENT:\n"
        "Councillor Ann Lee (in the Chair)\nCabinet Members: Councillors Derek Ashdown, Fatima Begum\n\n"
        "Yn bresennol / Present: Cynghorwyr / Councillors Eirlys Pugh (Cadeirydd / Chair), Huw Tudur\n\n"
        "1. Apologies\n"
    )
    present = _by_status(_attendance(doc))["present"]
    assert {"Derek Ashdown", "Fatima Begum", "Eirlys Pugh", "Huw Tudur"} <= present


def test_names_in_the_cells_beside_a_label_and_vote_words_are_no_names() -> None:
    doc = _text_doc(
        "Minutes of the Community Board held on 14 August 2023\n\n"
        "Present:\tKate Hollis (Chairperson)\tSam Tupou\n\tBryce Aldridge\tJenny Wong\n\n"
        "Roll call:\nName\tVote\nSupervisor Ames\tAye\n\n1. Apologies\n"
    )
    found = _by_status(_attendance(doc))
    assert {"Kate Hollis", "Sam Tupou", "Bryce Aldridge", "Jenny Wong"} <= found["present"]
    assert not {"Aye", "Vote"} & found["present"]


def test_an_office_after_the_name_is_its_role_and_no_person() -> None:
    doc = _text_doc(
        "Minutes of the Library Board held on 12 September 2023\n"
        "Present: Irene Vasquez, Chair; Tom Achebe, Vice Chair; Lena Moritz, Treasurer; Olu Bankole.\n"
        "Also present: Dr. Hal Greene, Superintendent; Mina Ostrowski, Branch Librarian.\n\n"
        "1. Call to order\n"
    )
    attendees = _attendance(doc)
    present = {a.name: a.role for a in attendees if a.status == "present"}
    assert present == {"Irene Vasquez": "Chair", "Tom Achebe": "Vice Chair", "Lena Moritz": "Treasurer",
                       "Olu Bankole": None}
    assert "Superintendent" not in {a.name for a in attendees}


def test_constituencies_alternates_and_initialled_staff_rows() -> None:
    doc = _text_doc(
        "Minutes of the Regional Hospital District Board held 7 March 2024\n"
        "Present:\tChair A. Lindqvist, Electoral Area D\n"
        "Director R. Mahal, Town of Birch Bay\nDirector E. Obi, Electoral Area F\n"
        "Alternate Director J. Kowal, Village of Tarn\n"
        "Staff Present:\tW. Chen, Chief Financial Officer\nH. Baptiste, Recording Secretary\n"
        "1. CALL TO ORDER\n"
    )
    found = _by_status(_attendance(doc))
    assert found["present"] == {"A. Lindqvist", "R. Mahal", "E. Obi", "J. Kowal"}
    assert found["officer"] == {"W. Chen", "H. Baptiste"}


def test_a_role_table_under_an_absent_heading_and_members_excused() -> None:
    doc = _text_doc(
        "Minutes of the Harbour Ward Community Board\nPRESENT\nChairperson\tAroha Reti\n"
        "Members\tBen Sisifa\nABSENT\nMember\tCara Lomu\n\n"
        "Commissioners excused: Commissioner Dale Brandt\n\n1\tKarakia\n"
    )
    found = _by_status(_attendance(doc))
    assert found["present"] == {"Aroha Reti", "Ben Sisifa"}
    assert found["absent"] == {"Cara Lomu"}
    assert found["apologies"] == {"Dale Brandt"}


def test_a_note_after_a_dash_and_the_welsh_article_before_a_title() -> None:
    doc = _text_doc(
        "Flood Resilience Panel\nMembers:   Cllr Joan Abbey (Chair) (JA)\n"
        "           Cllr Pete Moran (PM) – remote\n           Cllr Ruth Ngata (RN)\n"
        "Officers:  Sam Lyle (SL)\n\n"
        "Presennol / Present: Y Cynghorwyr / Councillors Elin Rhys (Cadeirydd / Chair), Gwil Owen\n\n"
        "1. Welcome\n"
    )
    present = _by_status(_attendance(doc))["present"]
    assert present == {"Joan Abbey", "Pete Moran", "Ruth Ngata", "Elin Rhys", "Gwil Owen"}


@pytest.mark.parametrize(
    ("heading", "line"),
    [
        ("118/24\tAPOLOGIES FOR ABSENCE", "Cllr Ivy Dunn (holiday) and Cllr Kit Marsh (work). Accepted."),
        ("2. To receive apologies for absence", "Cllr Ivy Dunn - holiday; Cllr Kit Marsh - work. Accepted."),
    ],
)
def test_apologies_under_the_apologies_item(heading: str, line: str) -> None:
    doc = _text_doc(
        f"Minutes of Little Marden Parish Council\nPresent: Cllrs Ann Cole (Chairman), Raj Shah\n"
        f"117/24\tPUBLIC FORUM\nNo members of the public were present.\n{heading}\n{line}\n119/24\tMINUTES\n"
    )
    assert _by_status(_attendance(doc))["apologies"] == {"Ivy Dunn", "Kit Marsh"}


def test_members_grouped_by_category_with_post_nominals() -> None:
    doc = _text_doc(
        "Minutes of the Local Community Safety Partnership\nMembers present:\n"
        "Elected members: Cllr. Úna Farrell, Cllr. Declan Rowe\nOireachtas members: Deputy Martin Keane TD\n"
        "An Garda Síochána: Inspector Ruth Daly\nCommunity representatives: Ms. Anne Tully, Mr. Liam Cahill\n"
        "Apologies: Senator Joe Breen\n\n1. Minutes\n"
    )
    present = _by_status(_attendance(doc))["present"]
    assert present == {"Úna Farrell", "Declan Rowe", "Martin Keane", "Ruth Daly", "Anne Tully", "Liam Cahill"}


def test_a_label_split_over_two_lines_and_notes_beside_names() -> None:
    doc = _text_doc(
        "Township of Elm Hollow\nCouncil Meeting Minutes\nPresent:\nMayor Ida Varga\nCouncillor Sam Pike\n"
        "Staff\nJo Ruiz, Chief Administrative Officer; Ken Orr, Treasurer;\nPresent:\nLee Wan, Planner\n\n"
        "PRESENT\nCouncillors\tCr Ana Hohepa\nCr Tom Reid\tvia audio/visual link\nCr Ula Fono\n"
        "IN ATTENDANCE\nChief Executive\tRua Kemp\n\n1. Call to Order\n"
    )
    found = _by_status(_attendance(doc))
    assert found["present"] == {"Ida Varga", "Sam Pike", "Ana Hohepa", "Tom Reid", "Ula Fono"}
    assert found["officer"] == {"Jo Ruiz", "Ken Orr", "Lee Wan", "Rua Kemp"}


def test_a_surname_on_the_next_line_and_a_label_after_a_single_space() -> None:
    doc = _text_doc(
        "Minutes of Upper Wendle Parish Council\n"
        "Present: Cllr K Amos (Chairman), Cllr P Dace, Cllr M Ferrier In attendance: Mr L Boyd (Clerk)\n"
        "ALSO PRESENT: Mr Ivo Hart (Auditor)\n"
        "41/24  APOLOGIES\n        Apologies for absence were received from Councillor Bryony\n"
        "        Talbot.\n42/24  MINUTES\n"
    )
    found = _by_status(_attendance(doc))
    assert found["present"] == {"K Amos", "P Dace", "M Ferrier"}
    assert found["apologies"] == {"Bryony Talbot"}
    assert found["also-present"] == {"Ivo Hart"}


def test_names_with_macrons_and_a_lower_case_particle() -> None:
    doc = _text_doc(
        "Minutes\n\nPresent:\nMayor Tāmati Kōhere (Chairperson)\nCouncillor Hēmi Pūtahi\n"
        "Councillor Renée d'Aubigny\nCouncillor Rory de Búrca\n\n1. Karakia\n"
    )
    present = {"Tāmati Kōhere", "Hēmi Pūtahi", "Renée d'Aubigny", "Rory de Búrca"}
    assert _by_status(_attendance(doc))["present"] == present
