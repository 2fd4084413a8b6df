"""Meeting details from the title blocks of varied councils' minutes, reports and agendas."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from app.analysis.lines import split_lines
from app.analysis.meeting import find_meeting
from app.ingest import load
from app.model import DocumentText, Meeting

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "people"


def _text_doc(text: str) -> DocumentText:
    """The text as the plain-text loader reads it from a file."""
    path = Path(tempfile.mkdtemp()) / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)


def _meeting(doc: DocumentText) -> Meeting:
    return find_meeting(doc, split_lines(doc))


@pytest.mark.parametrize(
    ("name", "date", "time", "body", "venue"),
    [
        (
            "irish-county-council.txt",
            "2024-01-22",
            "14:00",
            "KILDARE COUNTY COUNCIL",
            "the Council Chamber, Áras Chill Dara, Naas, Co. Kildare",
        ),
        ("canadian-city-council.txt", "2024-03-26", "18:30", "COUNCIL", "Council Chambers, City Hall"),
        ("us-town-board.txt", "2024-03-11", "19:00", "TOWN BOARD", "Town Hall, 35 Merritt Avenue"),
        (
            "irish-tab-columns.txt",
            "2024-04-09",
            "10:00",
            "MUNICIPAL DISTRICT OF ARDGLASS",
            "THE COUNCIL CHAMBER, CIVIC OFFICES, ARDGLASS",
        ),
        (
            "nz-district-council.txt",
            "2019-08-14",
            "10:00",
            "Finance and Audit Committee",
            "the Council Chamber, 59-63 Huia Street, Taumarunui",
        ),
        (
            "us-city-council.md",
            "2024-04-09",
            "19:00",
            "CITY OF SPRINGFIELD City Council",
            "Council Chambers, 100 Main Street",
        ),
        (
            "welsh-town-council.txt",
            "2024-05-09",
            "19:00",
            "CYNGOR TREF LLANDEILO TOWN COUNCIL",
            "THE CIVIC HALL",
        ),
        (
            "scottish-committee.txt",
            "2019-11-21",
            "10:30",
            "Education Committee",
            "the Council Chamber, Glenurquhart Road, Inverness",
        ),
        ("tab-columns.txt", "2023-03-14", None, "ASHBY PARISH COUNCIL", "THE PAVILION"),
        (
            "district-modern-gov.txt",
            "2024-03-07",
            "18:00",
            "Planning Committee",
            "the Council Chamber, Civic Centre, Pershore",
        ),
    ],
)
def test_title_block_details(name: str, date: str, time: str | None, body: str, venue: str | None) -> None:
    meeting = _meeting(load(FIXTURES / name))
    assert (meeting.date, meeting.time, meeting.body, meeting.venue) == (date, time, body, venue)
    assert meeting.kind == "minutes"


def test_html_label_value_table_and_us_call_to_order() -> None:
    nz = _meeting(load(FIXTURES / "nz-city-council.html"))
    assert (nz.council, nz.body, nz.date, nz.time, nz.chair) == (
        None,
        "Council",
        "2020-03-05",
        "15:00",
        "Kirsten Wise",
    )
    assert nz.venue == "Council Chamber, Hawke's Bay Regional Council, 159 Dalton Street, Napier"
    us = _meeting(load(FIXTURES / "us-roll-call.txt"))
    assert (us.council, us.body, us.date, us.time) == (
        "CITY OF RIVERTON",
        "CITY COUNCIL",
        "2024-06-03",
        "19:02",
    )


def test_title_block_broken_over_lines() -> None:
    scraped = _meeting(load(FIXTURES / "nz-scraped-lines.txt"))
    assert (scraped.council, scraped.body, scraped.date, scraped.time) == (
        "Riverbank District Council",
        "Council",
        "2019-03-14",
        "09:00",
    )
    assert scraped.venue == "THE Council Chamber, 12-14 Tarata Street, Ohaupo"
    spaced = _meeting(load(FIXTURES / "nz-double-spaced.txt"))
    assert (spaced.council, spaced.date, spaced.time) == ("TAKAPAU DISTRICT COUNCIL", "2019-05-07", "13:30")


def test_council_chair_and_next_meeting() -> None:
    irish = _meeting(load(FIXTURES / "irish-county-council.txt"))
    assert (irish.council, irish.chair, irish.next_meeting) == (
        "KILDARE COUNTY COUNCIL",
        "N. Heavey",
        "2024-02-26",
    )
    district = _meeting(load(FIXTURES / "district-modern-gov.txt"))
    assert (district.council, district.chair) == ("Wychavon District Council", "R Morris")


def test_the_signature_date_and_previous_minutes_are_not_the_meeting_date() -> None:
    doc = _text_doc(
        "Minutes of the Parish Council\nSigned as a true record on 4 April 2024\n"
        "Minutes of the previous meeting held on 8 February 2024\nMeeting held on 7 March 2024\n"
    )
    assert _meeting(doc).date == "2024-03-07"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Agenda\nCabinet\nTuesday 3 June 2025", "agenda"),
        ("Notes of the Briefing held on 9th February 2016", "notes"),
        ("Report to the Overview and Scrutiny Committee\nMeeting to be held on 5 December 2014", "report"),
        ("MINUTES OF THE SOULDERN PARISH COUNCIL MEETING\nON 26th July 2018", "minutes"),
        ("Some paper\nwith nothing to say", "unknown"),
    ],
)
def test_kind_of_paper(title: str, kind: str) -> None:
    assert _meeting(_text_doc(title + "\n")).kind == kind


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Meeting held on Wednesday, October 25, 2017", "2017-10-25"),
        ("HELD ON 18th JULY 2013", "2013-07-18"),
        ("Date: 2019-02-19", "2019-02-19"),
        ("Date: 19/02/2019", "2019-02-19"),
        ("held on the 3rd day of March, 2022", "2022-03-03"),
        ("Monday 22nd Jan. 2024", "2024-01-22"),
        ('ON 29" September 2022', "2022-09-29"),  # OCR of a superscript "th"
        # Other OCR damage: degrees or doubled quotes for "th", l for 1, O for 0, "rn" for "m".
        ('Held on 30°" March 2023', "2023-03-30"),
        ("Thursday l9th Septernber 2O22", "2022-09-19"),
        ("MEETING OF 25 th Novernber 2021", "2021-11-25"),
    ],
)
def test_date_formats(line: str, date: str) -> None:
    assert _meeting(_text_doc(f"Minutes\n{line}\n")).date == date


def test_words_that_open_like_a_month_are_not_months() -> None:
    doc = _text_doc("Minutes\nDecision 4, 2020 of the Marketing Board\nMark 12, 2021\nHeld on 2 May 2022\n")
    assert _meeting(doc).date == "2022-05-02"


def test_item_numbers_are_not_dates() -> None:
    doc = _text_doc("Minutes\nON 26th July 2018\n07.18.07\nDate of next meeting\n27th September\n")
    meeting = _meeting(doc)
    # "27th September" has no year: the meeting's own (the item number "07.18.07" is no date at all).
    assert (meeting.date, meeting.next_meeting) == ("2018-07-26", "2018-09-27")


def test_body_of_annual_meeting_and_label_value_layout() -> None:
    annual = _meeting(
        _text_doc("MINUTES OF THE ANNUAL MEETING OF SOULDERN PARISH COUNCIL\nON 26th June 2025\n")
    )
    assert annual.body == "SOULDERN PARISH COUNCIL"
    napier = _meeting(
        _text_doc(
            "Minutes of Regulatory Committee - 19 February 2019\nOpen Minutes\n"
            "Meeting Date:\nTuesday\n19 February 2019\n"
            "Time:\n4.32pm-4.43pm\nVenue\nLarge\nExhibition Hall\nMarine Parade\nPresent\nMayor Dalton\n"
        )
    )
    assert (napier.body, napier.time, napier.venue, napier.chair) == (
        "Regulatory Committee",
        "16:32",
        "Large Exhibition Hall Marine Parade",
        None,
    )


def test_samples_meeting(samples: Path) -> None:
    meeting = _meeting(load(samples / "lancashire-scrutiny-2013-11-08.txt"))
    assert (meeting.council, meeting.body, meeting.date, meeting.time, meeting.chair) == (
        "Lancashire County Council",
        "Scrutiny Committee",
        "2013-11-08",
        "10:00",
        "Bill Winlow",
    )
    assert meeting.venue == "Cabinet Room 'B' - The Diamond Jubilee Room, County Hall, Preston"


def test_title_block_runs_past_a_table_of_contents() -> None:
    doc = _text_doc(
        "Minutes of Council Meeting - 31 January 2019\nTable of Contents\n1.   Prayer  1\n2.   Apologies  1\n"
        "HASTINGS DISTRICT COUNCIL\nMINUTES OF A MEETING OF THE COUNCIL HELD IN THE Council Chamber, Civic\n"
        "Administration Building, Hastings ON  Thursday,\n31 January 2019 AT 1.00pm\n"
        "Present: Mayor Hazlehurst (Chair)\n"
    )
    meeting = _meeting(doc)
    assert (meeting.council, meeting.body, meeting.date, meeting.chair) == (
        "HASTINGS DISTRICT COUNCIL",
        "Council",
        "2019-01-31",
        "Hazlehurst",
    )
    assert meeting.venue == "THE Council Chamber, Civic Administration Building, Hastings"


def test_numeric_dates_are_month_first_where_the_paper_writes_dates_the_american_way() -> None:
    us = _meeting(_text_doc("Minutes\nMeeting date: 04/09/2024\nThe agenda was posted on April 5, 2024.\n"))
    uk = _meeting(_text_doc("Minutes\nMeeting date: 04/09/2024\nThe agenda was issued on 30 August 2024.\n"))
    assert (us.date, uk.date) == ("2024-04-09", "2024-09-04")


@pytest.mark.parametrize(
    ("title", "venue"),
    [
        (
            "Minutes: Licensing Committee\nThursday, 14th March, 2024 10.00 am, Council Chamber, "
            "County Hall, Westshire",
            "Council Chamber, County Hall, Westshire",
        ),
        (
            "MINUTES OF THE AREA COMMITTEE MEETING HELD ON MONDAY 8 APRIL 2024 AT 2.00 P.M. IN THE WOOD QUAY "
            "VENUE, CIVIC OFFICES",
            "THE WOOD QUAY VENUE, CIVIC OFFICES",
        ),
        (
            "Minutes of the Committee\nHeld in the Council Chamber, 101 Guyton Street, Whanganui on Thursday "
            "7 March 2024 at 9.30am",
            "the Council Chamber, 101 Guyton Street, Whanganui",
        ),
    ],
)
def test_venue_after_the_date_and_time(title: str, venue: str) -> None:
    assert _meeting(_text_doc(title + "\nPresent: Councillor D Patel\n")).venue == venue


def test_a_pack_opening_with_an_agenda_takes_the_date_of_its_minutes() -> None:
    doc = _text_doc(
        "Planning Committee\nAgenda\nDate: Wednesday, 6 March 2024\nContents\n1. Apologies .......... 3\n\n"
        "Minutes of the meeting held on 7 February 2024\n\nPresent: Councillor K Morgan (Chair)\n"
    )
    assert _meeting(doc).date == "2024-02-07"


@pytest.mark.parametrize(
    ("line", "time"),
    [
        ("Time: 19:30", "19:30"),
        ("at 7.30pm", "19:30"),
        ("at 10.00 a.m.", "10:00"),
        ("at 1400 hrs", None),
        ("commencing at 18.15 hrs", "18:15"),
        ("at noon", "12:00"),
    ],
)
def test_time_formats(line: str, time: str | None) -> None:
    assert (
        _meeting(_text_doc(f"Minutes of the Parish Council meeting held on 3 May 2024 {line}\n")).time == time
    )


def test_a_generic_meeting_title_leaves_the_body_to_the_council() -> None:
    doc = _text_doc("CITY OF RIVERTON\nMINUTES\nREGULAR MEETING\nJune 3, 2024\nROLL CALL\nMayor Ann Lee\n")
    assert _meeting(doc).body == "CITY OF RIVERTON"
    parish = _text_doc("MINUTES OF THE SOULDERN ANNUAL PARISH MEETING\nON 23rd MAY 2024\nPresent:\n")
    assert _meeting(parish).body == "SOULDERN ANNUAL PARISH MEETING"


def test_a_council_the_title_block_does_not_name_is_the_one_the_text_names_most() -> None:
    doc = _text_doc(
        "CITY CLERK'S DEPARTMENT\nDISPOSITION OF ITEMS\nCOUNCIL MEETING\nTHURSDAY, MAY 2, 2024\n\n"
        "1\tAgreement with the Province of Manitoba and the City of Brandon on transit\tADOPTED\n"
        "2\tLease of City of Brandon land to the Town of Souris\tADOPTED\n"
        "3\tCity of Brandon water rates\tADOPTED\n"
    )
    assert _meeting(doc).council == "City of Brandon"
    once = _text_doc(
        "COUNCIL MEETING\nMAY 2, 2024\nPresent: Councillor Ames\n\n"
        "A letter from the Town of Souris was received.\n"
    )
    assert _meeting(once).council is None


def test_a_council_name_may_open_with_a_macron() -> None:
    doc = _text_doc("Minutes of Ordinary Council\nŌtorohanga District Council\nDate: 20 February 2024\n")
    assert _meeting(doc).council == "Ōtorohanga District Council"


def test_a_date_broken_over_a_line_end_and_earlier_minutes_to_adopt() -> None:
    broken = _text_doc("MINUTE of MEETING of the COMMITTEE held in\nthe Chamber on Monday 17\nAugust 2023.\n")
    assert _meeting(broken).date == "2023-08-17"
    adopting = _text_doc(
        "Monthly Meeting - Monday, 11th September, 2023 10.00 am\n\n1. Minutes\n"
        "To adopt the minutes of the Monthly Meeting held on 10th July 2023.\n"
    )
    assert _meeting(adopting).date == "2023-09-11"


def test_the_body_is_not_a_page_title_or_a_sentence_of_the_minutes() -> None:
    page = _text_doc(
        "Minutes – Town Council Meeting 20th November 2023\n"
        "MINUTES OF THE MEETING OF SALTMARSH REGIS TOWN COUNCIL HELD AT THE GUILDHALL\n"
    )
    assert _meeting(page).body == "SALTMARSH REGIS TOWN COUNCIL"
    sentence = _text_doc(
        "A letter from the Health Board about the GP surgery consultation was noted.\n"
        "Minutes of the Llanfair Isaf Community Council held on 12 September 2023\n"
    )
    assert _meeting(sentence).body == "Llanfair Isaf Community Council"


@pytest.mark.parametrize(
    ("line", "venue"),
    [
        ("Village Hall Board Room, 210 Depot Street, North Orchard", "Village Hall Board Room, 210 Depot"),
        ("April 9, 2024 – 7:00 PM – Harlan Falls Town Hall, 55 Mill Street", "Harlan Falls Town Hall"),
    ],
)
def test_a_venue_on_an_unlabelled_title_line(line: str, venue: str) -> None:
    title = "VILLAGE OF NORTH ORCHARD\nREGULAR MEETING OF THE BOARD OF TRUSTEES"
    doc = _text_doc(f"{title}\n{line}\n\nPresent: Ann Lee\n")
    assert (_meeting(doc).venue or "").startswith(venue)


def test_the_body_of_a_full_council_meeting_and_no_body_from_links_or_items() -> None:
    shire = _meeting(_text_doc(
        "SHIRE OF KARRALUP\nMINUTES\nOrdinary Council Meeting\nHeld in the Council Chambers, 2 Hay Street\n"
        "Wednesday 12 June 2024, commencing at 2.00pm\n1. DECLARATION OF OPENING\n"
    ))
    assert shire.body is not None and "shire of karralup" in shire.body.lower()
    linked = _meeting(_text_doc(
        "Skip to content\nCommittees\nAbbeyfield Municipal District\nMeeting\nMinutes\n"
        "Monthly Meeting of Abbeyfield Municipal District\nMonday, 15th January, 2024 3.00 pm\n"
    ))
    assert linked.body == "Abbeyfield Municipal District"
    parish = _meeting(_text_doc(
        "LOWER ASHCOMBE PARISH COUNCIL\n\n"
        "Minutes of the Parish Council Meeting held on Tuesday 2nd July 2024\n\n"
        "Councillors present: Cllr A. Bell (Chairman), Cllr C. Dyer\n\n1. To receive apologies\n\n"
        "2. Public forum\n"
    ))
    assert parish.body == "LOWER ASHCOMBE PARISH COUNCIL"


def test_a_body_keeps_no_dash_meeting_kind_or_banner_image_word() -> None:
    town = _meeting(_text_doc(
        "Town of Port Elgin\nRegular Council Meeting - Minutes\nTuesday, March 5, 2024 at 7:00 p.m.\n"
        "Present: Mayor Ada Crowe\n"
    ))
    village = _meeting(_text_doc(
        "VILLAGE OF ASHBY FORKS\nVillage Board – Special Meeting – Minutes\nMay 6, 2024\n"
        "Present: Trustee Bo Park\n"
    ))
    banner = _meeting(_text_doc(
        "Westford Borough Council logo\nLicensing Committee\nMinutes of a meeting held on 4 June 2024\n"
    ))
    bodies = (town.body, village.body, banner.body)
    assert bodies == ("Town of Port Elgin Council", "Village Board", "Licensing Committee")
    assert banner.council == "Westford Borough Council"


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        # Said in the minutes, the name resolved against the attendance list.
        ("BOROUGH OF LINDEN PARK\nBorough Council Minutes\nJanuary 9, 2024\n\n"
         "Present: Mayor Tom Reilly, Council President Ann Szabo, Councilmembers Joe Vitale and Rita Moss\n\n"
         "1. Call to Order\nMayor Reilly called the regular meeting of the Borough Council to\n"
         "order at 7:30 p.m.\n",
         "Tom Reilly"),
        ("MINUTES OF THE MONTHLY MEETING OF CASTLEBAWN MUNICIPAL DISTRICT\nheld on 8 April 2024\n"
         "An Cathaoirleach, Cllr. Máire Ní Dhonnchadha presided.\n"
         "Members present: Cllrs Máire Ní Dhonnchadha, Pat Furlong, Ger Brophy\n", "Máire Ní Dhonnchadha"),
        ("Township of Elm Ridge\nCommittee of the Whole\nMinutes, 3 April 2024\nPresent: Mayor Bea Lyle, "
         "Deputy Mayor Sam Ortiz, Councillor Jo Hart\n"
         "Deputy Mayor Ortiz, Chair of the Committee of the Whole, called the meeting to order at 9 a.m.\n",
         "Sam Ortiz"),
        # Marked beside the name, after another office.
        ("NORTHBY CITY COUNCIL\nCABINET\nMinutes of the meeting held on 2 May 2024\n"
         "Present: Councillor Rukhsana Ahmed (Cabinet Member for Housing) (in the Chair), "
         "Councillors Lee Dunn and Amy Cole\n", "Rukhsana Ahmed"),
        # Presiding by office over the whole council or board, when nobody is said to chair it.
        ("ELMSWORTH TOWN COUNCIL\nMinutes of the Town Council meeting held on 14 May 2024\n"
         "Present: Cllrs Pat Marsh (Town Mayor), Dev Rana, Sue Kerr\n", "Pat Marsh"),
        ("Village of Cold Spring Lake\nBoard of Trustees Minutes\nJune 3, 2024\n"
         "Present: President Nora Feld, Trustees Al Ruiz and Kay Obi\n", "Nora Feld"),
        # A committee's chair is its own: a mayor sitting on it does not chair it.
        ("LAKESIDE DISTRICT COUNCIL\nPLANNING COMMITTEE\nMinutes of the meeting held on 9 July 2024\n"
         "Present: Mayor Jo Kemp, Councillors Ray Dale and Mo Singh\n", None),
        # "The Chair called the meeting to order": an office, no one's name.
        ("GREY VALLEY COUNCIL\nMinutes of the meeting held on 9 July 2024\nPresent: Councillors Ray Dale and "
         "Mo Singh\nThe Chair called the meeting to order at 10.00am.\n", None),
    ],
)
def test_the_chair_is_who_the_minutes_say_presided(text: str, chair: str | None) -> None:
    assert _meeting(_text_doc(text)).chair == chair


@pytest.mark.parametrize(
    ("text", "next_date"),
    [
        ("Minutes of the meeting held on 14 November 2023\n9. Date of next meeting\n"
         "The next meeting will be held on Tuesday 9th January at 7.30pm in the Pavilion.\n", "2024-01-09"),
        ("Minutes of the Board, May 6, 2024\nThe next regular meeting will be on June 3 at 7 p.m.\n",
         "2024-06-03"),
        # Another meeting's date after the sentence that names the next one is not its date.
        ("Minutes of the meeting held on 22 January 2024\n"
         "The Clerk will invite the police to the next meeting.\n"
         "4. The minutes of the meeting held on 11th December 2023 were approved.\n", None),
    ],
)
def test_the_next_meeting_date_without_a_year_and_in_its_sentence(text: str, next_date: str | None) -> None:
    assert _meeting(_text_doc(text)).next_meeting == next_date


def test_a_governing_body_its_governors_present_and_a_reverend_chair() -> None:
    meeting = _meeting(_text_doc(
        "ALDER BROOK ACADEMY\nMinutes of the Local Governing Body Meeting\nHeld on 5 June 2024 at 5.30pm\n\n"
        "Governors present:\nRevd Mark Tull (Foundation Governor) - Chair\nMrs Ada Nwosu (Parent Governor)\n"
        "Mr Lee Cho (Staff Governor)\n\nIn attendance:\nMrs Jo Platt (Clerk)\n"
    ))
    assert (meeting.body, meeting.chair) == ("Local Governing Body", "Mark Tull")
