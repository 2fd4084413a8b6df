"""Attendance told in sentences: "Apologies were received from …", "… attended as substitute for …"."""

from __future__ import annotations

import re

from app.analysis.names import Person, split_people

# "None", "No apologies had been received": what may follow an Apologies label.
NONE = re.compile(
    r"^\W*(?:there\s+were\s+)?(?:none|nil|n/?a|no\s+apologies|no\s+apologies\s+for\s+absence)"
    r"(?:\s+(?:(?:were|had\s+been|have\s+been|was)\s+)?(?:received|given|submitted|made|recorded|noted|"
    r"tendered))?(?:\s+for\s+this\s+meeting)?\W*$",
    re.I,
)
NO_APOLOGIES = re.compile(r"\bno\s+apologies\b|\bapologies\W+(?:none|nil)\b", re.I)
# "Councillor Z attended as substitute for Councillor Y"
SUBSTITUTE = re.compile(
    r"(?:^\W*|(?<=[.;])\s+)(?P<names>[^.;]+?)\s+(?:(?:attended|was\s+present|were\s+present|sat)\s+as\s+"
    r"(?:a\s+)?substitutes?|substitut(?:ed|ing))\s+for\b",
    re.I,
)
# "Councillor X for Councillor Y" under a Substitutes heading: the member replaced is not a substitute.
REPLACED = re.compile(r"\s*\(?\b(?:for|in\s+place\s+of|replacing|substituting\s+for)\s+[^,;)]*\)?", re.I)
_APOLOGY_FROM = re.compile(
    r"apolog(?:y|ies)(?:\s+for\s+(?:absence|lateness))?\s+(?:(?:were|had\s+been|have\s+been|was|is)\s+)?"
    r"(?:(?:received|submitted|tendered|given|noted|offered|sent|intimated|presented|recorded)"
    r"(?:\s+and\s+accepted)?\s+)?(?:from|by|on\s+behalf\s+of)\s+",
    re.I,
)
_APOLOGY_SENT = re.compile(
    r"^(?P<names>.+?)\s+(?:had\s+|has\s+|have\s+)?(?:sent|gave|given|tendered|offered|submitted)\s+"
    r"(?:(?:his|her|their)\s+)?apologies",
    re.I,
)
_LEAVE = re.compile(
    r"\b(?:(?i:that) +)?(?P<names>(?:(?i:councill?or|cllr|cr|mayor|mr|mrs|ms|dr)\.? +)?[A-Z][\w'’-]+"
    r"(?: +[A-Z][\w'’-]+){0,3})"
    r"\s+(?:be|was|is|were)\s+granted\s+(?:a\s+)?leave\s+of\s+absence"
    # … from this meeting: leave for later dates is no apology for this one.
    r"(?=[^.\n]{0,40}\b(?i:today|this\s+meeting|the\s+meeting))",
)
_CLAUSE_END = re.compile(
    r"\s+(?:who|due|because|as|owing|being|which|be|were|was|for\s+(?:the|this|absence|lateness|leave))\b|;|"
    # A full stop ends the clause, but not the one of an initial or a title ("Cllr. T. Durkan").
    r"(?<!\b[A-Za-z])(?<!Cllr)(?<!Clr)(?<!Mrs)(?<!Mr)(?<!Ms)(?<!Dr)(?<!Cr)\.(?:\s|$)",
    re.I,
)


def apology_names(text: str, base: int) -> list[Person] | None:
    """Names in "Apologies were received from A and B" or "A sent apologies"; None for other text."""
    match = _APOLOGY_FROM.search(text)
    if match:
        rest = text[match.end() :]
        cut = _CLAUSE_END.search(rest)
        rest = rest[: cut.start()] if cut else rest
        return split_people(rest, base + match.end(), newline_splits=False)[0]
    sent = _APOLOGY_SENT.match(text) or _LEAVE.search(text)
    if sent:
        return split_people(sent.group("names"), base + sent.start("names"), newline_splits=False)[0]
    return None
