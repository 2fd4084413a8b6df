"""Who chaired the meeting: the attendee marked Chair, the one the minutes say presided, or the office
that presides over a council or board (its mayor, president, supervisor) when neither is printed."""

from __future__ import annotations

import re

from app.analysis.lines import Line
from app.analysis.names import clean_person, is_name
from app.model import Attendee

CHAIR_ROLES = frozenset({"Chair", "Acting Chair", "Joint-Chair", "Cathaoirleach", "Convener", "Convenor"})
# Offices that preside over their whole council or board by right (a town's mayor chairs its council,
# a village board's president, a US town board's supervisor), not over its committees.
PRESIDING_OFFICES = frozenset(
    {"Mayor", "Town Mayor", "City Mayor", "Lord Mayor", "President", "Supervisor", "Reeve", "Warden",
     "Provost", "Shire President", "Board President"}
)
OPENING_LINES = 60
_CAPITAL = "[A-ZÀ-ÖØ-ÞĀĒĪŌŪŴŶ]"
# "Mayor Brodie assumed the Chair", "An Cathaoirleach, Cllr. Declan Mulhern presided", "Deputy Mayor
# Whitford, Chair of the Committee of the Whole, called the meeting to order", "President Dana Whitcombe
# called the regular meeting of the Board of Trustees to order".
_PRESIDED = re.compile(  # a name from the start of its line or clause, on one line
    rf"(?:^|(?<=[.;:,]\s))(?P<who>(?:{_CAPITAL}[\w.'’-]*[^\S\n]+){{0,4}}{_CAPITAL}[\w'’-]+)"
    r"(?:,[^\S\n]+[^,\n]{3,60},)?\s+"
    r"(?i:presided|(?:assumed|took|was\s+in)\s+the\s+chair"
    r"|(?:then\s+)?called\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?(?:meeting|session)\s+(?:[\w-]+\s+){0,6}?to\s+order)\b",
    re.M,
)
# A committee is chaired by its own chair, whom the minutes name; the mayor may sit on it as a member.
_COMMITTEE = re.compile(
    r"\b(?:committee|sub-committee|subcommittee|panel|working\s+group|task\s+group)\b", re.I
)


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].strip(".,").lower() if words else ""


def _presiding_statement(lines: list[Line], present: list[Attendee]) -> str | None:
    """The person the opening of the minutes says presided or called the meeting to order."""
    opening = "\n".join(line.stripped for line in lines[:OPENING_LINES] if not line.blank)
    for match in _PRESIDED.finditer(opening):
        name = clean_person(match.group("who"))[0]
        if not name or not is_name(name):
            continue  # "The Chair called the meeting to order": the office, no name
        surname = _surname(name)
        return next((person.name for person in present if _surname(person.name) == surname), name)
    return None


def find_chair(lines: list[Line], attendance: tuple[Attendee, ...], body: str | None) -> str | None:
    """The meeting's chair: marked in the attendance, said to preside, or presiding by office."""
    present = [person for person in attendance if person.status == "present"]
    marked = next((person.name for person in present if person.role in CHAIR_ROLES), None)
    if marked:
        return marked
    said = _presiding_statement(lines, present)
    if said or (body and _COMMITTEE.search(body)):
        return said
    by_office = [person.name for person in present if person.role in PRESIDING_OFFICES]
    return by_office[0] if len(by_office) == 1 else None
