"""Acronyms with their expansions: in brackets either way round, and from glossaries."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from app.analysis import analyze
from app.analysis.acronyms import find_acronyms
from app.analysis.lines import split_lines
from app.ingest import load
from app.model import DocumentText


def _text_doc(text: str) -> DocumentText:
    """The text as the plain-text loader reads it from a file."""
    path = Path(tempfile.mkdtemp()) / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    return load(path)


def _acronyms(text: str) -> dict[str, str]:
    doc = _text_doc(text)
    return {a.short: a.expansion for a in find_acronyms(doc, split_lines(doc))}


@pytest.mark.parametrize(
    ("sentence", "short", "expansion"),
    [
        (
            "the work of the Multi Agency Safeguarding Hub (MASH) was noted",
            "MASH",
            "Multi Agency Safeguarding Hub",
        ),
        (
            "led by the Department for Communities and Local Government (DCLG) since 2012",
            "DCLG",
            "Department for Communities and Local Government",
        ),
        (
            "local Police Community Support Officers (PCSOs) attended",
            "PCSOs",
            "Police Community Support Officers",
        ),
        ("risk of child sexual exploitation (CSE) online", "CSE", "child sexual exploitation"),
        (
            "Lesbian, Gay, Bisexual and Transgender (LGBT) young people",
            "LGBT",
            "Lesbian, Gay, Bisexual and Transgender",
        ),
        ("the Multi-Agency Safeguarding Hub (MASH)", "MASH", "Multi-Agency Safeguarding Hub"),
        (
            "a report from the LSCB (Lancashire Safeguarding Children Board) was received",
            "LSCB",
            "Lancashire Safeguarding Children Board",
        ),
        ("Working Together With Families (WTWF) programme", "WTWF", "Working Together With Families"),
    ],
)
def test_expansions_in_brackets(sentence: str, short: str, expansion: str) -> None:
    assert _acronyms(sentence + "\n") == {short: expansion}


@pytest.mark.parametrize(
    "sentence",
    [
        "Cllr J Macnamara (CDC) sent apologies.",
        "The motion was carried (UNANIMOUS) by members.",
        "See the Appendix (PDF) for the full report.",
        "Costs rose by 5 per cent (approx) this year.",
    ],
)
def test_random_brackets_are_not_acronyms(sentence: str) -> None:
    assert _acronyms(sentence + "\n") == {}


def test_glossary_lists_are_read_even_when_letters_do_not_spell() -> None:
    found = _acronyms(
        "Next Steps\nMore work.\n\nGlossary:\n\nCART – Contact & Referral Team\nCiN – Children in Need\n"
        "DfE – Department for Education\nELE – Elective Home Education\nYOT – Youth Offending Team\n"
    )
    assert found == {
        "CART": "Contact & Referral Team",
        "CiN": "Children in Need",
        "DfE": "Department for Education",
        "ELE": "Elective Home Education",
        "YOT": "Youth Offending Team",
    }


def test_a_lone_dash_line_must_spell_its_letters() -> None:
    found = _acronyms(
        "Agenda\nNOTE – Please arrive early\nFGM – Female Genital Mutilation\n\nEnd of paper.\n"
    )
    assert found == {"FGM": "Female Genital Mutilation"}


def test_first_expansion_wins_and_order_is_kept() -> None:
    doc = _text_doc(
        "Child Protection Plan (CPP) and later child protection plans (CPP).\nYouth Offending Team (YOT)\n"
    )
    assert [(a.short, a.expansion) for a in find_acronyms(doc, split_lines(doc))] == [
        ("CPP", "Child Protection Plan"),
        ("YOT", "Youth Offending Team"),
    ]


def test_a_persons_initials_in_brackets_are_not_an_acronym() -> None:
    doc = _text_doc(
        "Minutes of the Parish Council\n\nPresent:\nMargaret Pryce (MP) Chair\nTom Ellery (TE)\n\n"
        "1. Neighbourhood Plan\n\nCllr R Dacre (RD) reported on the Neighbourhood Plan (NP) consultation.\n"
        "MP to write to the Local Planning Authority (LPA).\n"
    )
    analysis = analyze(doc)
    assert {a.short: a.expansion for a in analysis.acronyms} == {
        "NP": "Neighbourhood Plan",
        "LPA": "Local Planning Authority",
    }
    assert "Pryce" in [person.name.split()[-1] for person in analysis.attendance]
