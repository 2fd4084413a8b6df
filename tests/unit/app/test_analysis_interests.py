"""Declarations of interest in varied councils' minutes: who, which item, what kind, or none declared."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from app.analysis.interests import find_interests
from app.analysis.lines import split_lines
from app.ingest import load
from app.model import DocumentText, Interest, Item

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "people"


def _text_doc(text: str) -> DocumentText:
    """The text as the plain-text loader reads it from a file."""
    path = Path(tempfile.mkdtemp()) / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)


def _interests(doc: DocumentText, items: tuple[Item, ...] = ()) -> tuple[tuple[Interest, ...], bool]:
    return find_interests(doc, split_lines(doc), items)


def test_declarations_name_member_item_and_kind() -> None:
    doc = load(FIXTURES / "district-modern-gov.txt")
    found, none = _interests(doc)
    assert [(i.who, i.item, i.kind) for i in found] == [
        ("B Hopkins", "7", "non-pecuniary"),
        ("E Stokes", "58", "pecuniary"),
    ]
    assert not none
    assert doc.text[found[0].start : found[0].end].startswith("Councillor B Hopkins declared")


@pytest.mark.parametrize(
    ("name", "who", "item", "kind"),
    [
        ("irish-county-council.txt", "Lynch", "5", "pecuniary"),
        ("welsh-town-council.txt", "Sian Evans", "6", "personal"),
        ("us-roll-call.txt", "Ortiz", "6B", "other"),
        ("nz-double-spaced.txt", "Jeremy Harkness", "10.4", "pecuniary"),
    ],
)
def test_declarations_in_other_styles(name: str, who: str, item: str, kind: str) -> None:
    found, _ = _interests(load(FIXTURES / name))
    assert [(i.who, i.item, i.kind) for i in found] == [(who, item, kind)]


@pytest.mark.parametrize(
    "section",
    [
        "2. Declarations of Interest\n\nThere were no declarations of interest.\n",
        "2. Disclosure of Pecuniary and Non-Pecuniary Interests\n\nNone were disclosed.\n",
        "Conflicts of\ninterest\nNil\n",
        "Declarations of Interest\nNo declarations of interest were made.\n",
        "3 Declarations of interest: none.\n",
        # Modern.gov: the agenda's wording, then its "Minutes:" label over the answer.
        "2. Declarations of Interest\nTo receive any declarations of interest from Members.\n"
        "Minutes:\nNone.\n",
        "2. To receive declarations of interest on items on the agenda\nNone.\n",
    ],
)
def test_none_declared(section: str) -> None:
    assert _interests(
        _text_doc("Minutes of the Parish Council\n\n" + section + "\n4. Planning\nNoted.\n")
    ) == ((), True)


def test_an_unanswered_heading_is_not_none_declared() -> None:
    doc = _text_doc("1. Declarations of interest\n\n2. Minutes\nThe minutes were approved.\n")
    assert _interests(doc) == ((), False)


def test_other_uses_of_interest_are_not_declarations() -> None:
    doc = _text_doc(
        "8c. A letter thanked Mr Hoodless for his interest in joining the Council.\n"
        "The result was declared at 10pm. Interest rates were discussed.\n"
    )
    assert _interests(doc) == ((), False)


def test_declaration_inside_an_item_takes_that_item() -> None:
    text = "5 Planning applications\nCouncillor Ann Lee declared a prejudicial interest and left the room.\n"
    doc = _text_doc(text)
    items = (Item("5", "Planning applications", 0, len(text), None),)
    found, _ = _interests(doc, items)
    assert [(i.who, i.item, i.kind) for i in found] == [("Ann Lee", "5", "prejudicial")]


def test_declarations_table() -> None:
    doc = _text_doc(
        "CONFLICT OF INTEREST DECLARATIONS\nSUBJECT\tDECLARATIONS\n"
        "Item 6 of the Report of the Executive Policy Committee\tCouncillor Browaty\n"
    )
    found, none = _interests(doc)
    assert [(i.who, i.item) for i in found] == [("Browaty", "6")]
    assert not none


def test_nz_nil_under_conflicts_heading_in_html() -> None:
    assert _interests(load(FIXTURES / "nz-city-council.html")) == ((), True)


def test_recusal_is_a_declaration() -> None:
    doc = _text_doc("6B. Zoning variance\nCouncilmember Ortiz recused himself from Item 6B and left.\n")
    found, none = _interests(doc)
    assert [(i.who, i.item, i.kind) for i in found] == [("Ortiz", "6B", "other")]
    assert not none


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Cllr A Lee declared an Other Registerable Interest in item 4.", "non-pecuniary"),
        ("Cllr A Lee declared a personal and prejudicial interest in item 4.", "prejudicial"),
        ("Cllr A Lee declared a Disclosable Pecuniary Interest in item 4.", "pecuniary"),
        ("Cllr A Lee declared a personal interest in item 4.", "personal"),
        ("Cllr A Lee declared a non-financial interest in item 4.", "non-pecuniary"),
        ("Cllr A Lee declared an interest in item 4.", "other"),
    ],
)
def test_kinds_of_interest(sentence: str, kind: str) -> None:
    found, _ = _interests(_text_doc(sentence + "\n"))
    assert [(i.who, i.item, i.kind) for i in found] == [("A Lee", "4", kind)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Scotland's code: a member declares a connection.
        ("5. Leisure Trust\nCouncillor Rhona Gill declared a connection with item 5 as a trustee of the Brae "
         "Leisure Trust and remained in the meeting.\n", [("Rhona Gill", "5", "other")]),
        # A community board's "Member", a minute code with letters before its number.
        ("Member Tipene declared an interest in item 4 (marae grant) as a trustee.\n",
         [("Tipene", "4", "other")]),
        ("Councillor Quinn declared an interest in item PR.22/24 as her brother is a tenderer.\n",
         [("Quinn", "PR.22/24", "other")]),
        ("Cllr Ames declared a pecuniary interest in HT/24/052(c) as an allotment holder.\n",
         [("Ames", "HT/24/052", "pecuniary")]),
        # A parish's line under the heading: the member, then the item and why.
        ("3. To receive declarations of interest\nCllr Marsh - item 7(b), owns the adjoining field.\n"
         "4. Minutes\n", [("Marsh", "7", "other")]),
    ],
)
def test_declarations_in_more_councils_wording(text: str, found: list[tuple[str, str, str]]) -> None:
    declared, none = _interests(_text_doc(text))
    assert [(i.who, i.item, i.kind) for i in declared] == found
    assert not none
