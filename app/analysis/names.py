"""Person names as minutes print them: split lists, strip honorifics, read roles, tell names from titles."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Titles printed before a name. A title that is also an office (Mayor, Speaker) gives the role.
_TITLE = re.compile(
    r"^(?:(?:his|her|their)\s+worship\s+(?:the\s+)?|the\s+right\s+worshipful\s+(?:the\s+)?|the\s+)?"
    r"(?P<office>(?:deputy\s+|lord\s+|acting\s+|vice\s+)?(?:mayor|speaker|reeve|deputy\s+reeve|provost|president|supervisor|"
    r"cathaoirleach|leas-chathaoirleach|chair(?:man|person|woman)?|vice[- ]chair(?:man|person)?))?"
    r"\s*(?:(?:county|city|borough|district|town|parish|community|regional|elected|ward)\s+)?"
    r"(?:council\s*members?|councilmembers?|councillors?|councilors?|cllrs?\.?|clrs?\.?|crs?\.?|"
    r"(?:y\s+)?(?:cynghorwyr|cynghorydd)(?:\s*/\s*councill?ors?)?|"
    r"council(?:wo)?m[ae]n|alder(?:wo)?m[ae]n|alderperson|alder|mr|mrs|ms|miss|mx|dr|prof(?:essor)?|sir|dame|"
    r"rev(?:erend|d)?|"
    r"lord|lady|commissioners?|supervisors?|trustees?|(?:board\s+)?member|selectm[ae]n|director|deputy|senator|inspector|sergeant|constable)?\.?:?\s+",
    re.I,
)
_ROLE_WORDS = (
    r"(?:joint[- ]|acting\s+|deputy\s+|vice[- ]|co[- ])?(?:chair(?:man|person|woman)?|clerk|rfo|mayor|"
    r"speaker|leader|secretary|treasurer|president|convener|convenor|provost|reeve|"
    r"cathaoirleach|leas-chathaoirleach)|in\s+the\s+chair|presiding(?:\s+officer)?"
)
_ROLE = re.compile(rf"\b({_ROLE_WORDS})\b", re.I)
# Said of this meeting, it outranks any office beside it: "(Leader of the Council) (in the Chair)".
_IN_CHAIR = re.compile(r"\b(?:in\s+the\s+chair|presiding)\b", re.I)
_BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]?")
_TRAILING_ROLE = re.compile(rf"(?:\s*[-–,]?\s*\b(?:{_ROLE_WORDS})\b\.?)+\s*$", re.I)
# A count before the names, as US clerks' systems print it: "Present: 7 - Councilmember Adams, …".
_COUNT = re.compile(r"^\d{1,2}\s*[-–:]\s*")
# A rank in capitals before a mixed-case name: "PCSO Tim Wells", "DC Jane Hill".
_RANK = re.compile(r"^[A-Z]{2,5}\s+(?=[A-Z][a-z])")
# Letters after a name: "Ciara Moynihan TD", "Alan Reid MSP", "Jane Doe OBE".
_POST_NOMINALS = re.compile(r"(?:\s+(?:TD|MP|MLA|MSP|MS|AM|MEP|QC|KC|JP|OBE|MBE|CBE|DL|PhD))+$")
_BULLET = re.compile(r"^[\s•·▪●○◦➢*–-]+")
_LOWER_WORD = re.compile(r"[a-z]+")
_BROKEN_HYPHEN = re.compile(r"(\w)- (\w)")
_LETTERS = re.compile(r"[A-Za-z]+")
_MARKUP = re.compile(r"[*_#`]+|\[bookmark:[^\]]*\]")
_INITIAL = re.compile(r"^(?:[A-Z]\.?){1,3}$")
# Latin letters with accents and macrons too ("Rāwiri", "Tūhoe"); a lower-case particle ("d'Entremont").
_WORD = re.compile(r"^(?:[A-Za-z][a-z]{0,2}['’])?[A-ZÀ-ÞĀ-Ž][A-Za-zÀ-ÿĀ-ž'’\-]*\.?$")
_PARTICLE_WORDS = "de da di du van von der den la le ter bin al ap ni mac st"
_PARTICLES = frozenset(_PARTICLE_WORDS.split())
# Words that show a piece of text is an organisation, post, place or heading rather than a person.
_NOT_NAME_WORDS = """
council councils committee committees meeting minutes present apologies apology absent officer
officers director manager services service school trust team board group consultants ltd limited inc
police constabulary university college association partnership authority department public members
member none nil agenda item report attendance nhs ccg county city borough district parish town hall
room road street village centre center staff planning head lead chief executive coordinator
co-ordinator assistant advisor adviser solicitor engineer officer's governance administration
democratic monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december unit division also regrets absence received
notes action update services' clerks clerk's via remotely online teams zoom representative
representatives resident residents health welfare equity overview principle principal senior
corporate operations delivery children adults partnerships communications marketing strategy
infrastructure community financial strategic legal democratic interim consultant practitioner by-law
by-laws reading first only carried lost adopted motion motions subject disposition notice yeas nays
press business society club church federation commission forum panel cabinet sub-committee
subcommittee scrutiny policy development finance attorney clerk conflict interest interests resolution
recommendation welcome declaration declarations items reports prayer karakia adjournment closure
correspondence matters arising other consent petitions minute min no aye ayes nay nays vote votes
abstain abstained abstention electoral area constituency superintendent
"""
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())
_POST_WORDS = frozenset(
    ["engineer", "auditor", "treasurer", "planner", "deputy", "acting", "interim", "alternate", "recorder"]
)
# Small words a heading in capitals has ("CONFLICT OF INTEREST") and a name in capitals has not.
_FUNCTION_WORDS = frozenset(["of", "and", "the", "for", "to", "in", "on", "at", "by", "from"])
MAX_POST_WORDS = 3
_MONTHS_MAY_BE_NAMES = frozenset({"may", "june", "april", "august"})
_LIST_SPLIT = re.compile(r"[,;\t\n]")
_AND_SPLIT = re.compile(r"\s+(?:and|&)\s+")
# A note after a spaced dash: "Cllr N Grange – Teams", "Cllr D Fenwick - holiday".
_NOTE = re.compile(r"\s+[-–—]\s+")


@dataclass(frozen=True)
class Person:
    """A name found in a list, with its span in the document and the role printed beside it."""

    name: str
    role: str | None
    start: int
    end: int
    initials: bool = False


def _role_name(text: str) -> str:
    text = " ".join(text.split()).lower()
    if text in ("in the chair", "presiding", "presiding officer") or text.startswith("chair"):
        return "Chair"
    if text in ("rfo",):
        return "RFO"
    return _LOWER_WORD.sub(lambda word: word.group(0).capitalize(), text)


def find_role(text: str) -> str | None:
    """The office named in `text` ("Chair", "Vice-Chair", "Clerk"...), if any."""
    if _IN_CHAIR.search(text):
        return "Chair"
    match = _ROLE.search(text)
    return _role_name(match.group(1)) if match else None


def _is_name_word(word: str, all_caps: bool) -> bool:
    if word.lower() in _PARTICLES or _INITIAL.match(word):
        return True
    if all_caps:
        return word.isupper() and word.replace("-", "").replace("'", "").isalpha()
    return bool(_WORD.match(word)) and not (len(word) > 3 and word.isupper())


def is_name(text: str) -> bool:
    """True when `text` (already without titles or brackets) reads as a person's name."""
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    lowered = [w.lower().strip(".'’") for w in words]
    if len(words) == 1 and lowered[0] in _POST_WORDS:  # "Lee Wan, Planner"
        return False
    if any(w in _NOT_NAME and not (w in _MONTHS_MAY_BE_NAMES and i) for i, w in enumerate(lowered)):
        return False
    all_caps = text.isupper() and len(text) > 3
    if all_caps and (len(words) > 4 or any(w in _FUNCTION_WORDS for w in lowered)):
        return False
    if not all(_is_name_word(w, all_caps) for w in words):
        return False
    # A lone initial ("A") or a lone particle is not a name.
    return any(len(w.strip(".")) > 1 and w.lower() not in _PARTICLES for w in words)


def squeeze(text: str) -> str:
    """`text` on one line, single-spaced, with a hyphen broken at a line end rejoined ("Newman- Thompson")."""
    return _BROKEN_HYPHEN.sub(r"\1-\2", " ".join(text.split()))


def clean_person(raw: str) -> tuple[str, str | None, bool]:
    """Split a printed entry into (name, role, had bracketed initials); the name may be empty."""
    text = _BULLET.sub("", _MARKUP.sub("", raw).replace("\u00a0", " "))
    text = squeeze(text).strip(" .:-–")
    brackets = _BRACKETS.findall(text)
    roles = [find_role(inside) for inside in brackets]
    role = "Chair" if "Chair" in roles else next((found for found in roles if found), None)
    text = _BRACKETS.sub(" ", text)
    trailing = _TRAILING_ROLE.search(text)
    if trailing:  # the whole entry may be the office ("Dana Whitcomb, President")
        role = role or find_role(trailing.group(0))
        text = text[: trailing.start()]
        if len(text.split()) == 1:  # "Recording Secretary", "Town Clerk": a post, no name before it
            text = ""
    text = " ".join(text.split()).strip(" ,.:-–")
    if text.lower() == "the":
        text = ""
    text = _POST_NOMINALS.sub("", _RANK.sub("", _COUNT.sub("", text)))
    while True:
        title = _TITLE.match(text + " ")
        if not title or not title.group(0).strip():
            break
        if title.group("office"):
            role = role or _role_name(title.group("office"))
        text = text[title.end() :].strip() if title.end() <= len(text) else ""
    name = text.strip(" ,.:-–")
    if not name and role:
        # "The Mayor (Councillor J Smith)": the office outside, the name in the brackets.
        inner = [clean_person(inside)[0] for inside in brackets if not find_role(inside)]
        name = next((candidate for candidate in inner if is_name(candidate)), "")
    return name, role, any(_are_initials(inside, name) for inside in brackets)


def _are_initials(bracketed: str, name: str) -> bool:
    """True for "(NO)" beside Nick Oakhill or "(Clerk - BMc)" beside B McGarry: initials used for actions."""
    initials = "".join(word[0] for word in name.split() if word[0].isupper())
    return any(
        len(token) >= 2 and "".join(c for c in token if c.isupper()) == initials
        for token in _LETTERS.findall(bracketed)
    )


def _piece_spans(text: str, separators: re.Pattern[str], newline_splits: bool) -> list[tuple[int, int]]:
    """Spans of `text` between list separators, ignoring separators inside brackets."""
    depth = 0
    spans: list[tuple[int, int]] = []
    start = position = 0
    for match in separators.finditer(text):
        for char in text[position : match.start()]:
            depth += char in "(["
            depth -= char in ")]" and depth > 0
        position = match.start()
        if depth or (match.group(0) == "\n" and not newline_splits):
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _without_post(name: str, role: str | None) -> tuple[str, str | None]:
    """ "Town Clerk Mary Hale": the name after up to three words of a post; ("", role) when none."""
    words = name.split()
    count = 0
    while count < min(MAX_POST_WORDS, len(words) - 1) and _is_post_word(words[count]):
        count += 1
    rest = " ".join(words[count:])
    # A lone word after a post is a name only beside an office ("Council President Chen").
    office = any(_ROLE.fullmatch(word) for word in words[:count])
    if count and (len(words) - count > 1 or office) and is_name(rest):
        return rest, role or " ".join(words[:count])
    return "", role


def _is_post_word(word: str) -> bool:
    return word.lower() in _NOT_NAME or word.lower() in _POST_WORDS or bool(_ROLE.fullmatch(word))


def _word_at(text: str, word: str, start: int, end: int) -> int:
    """Where `word` stands alone in text[start:end]: the "C" of "Cllr C Brown" is the initial."""
    at = text.find(word, start, end)
    while at >= 0:
        before = text[at - 1] if at > start else " "
        after = text[at + len(word)] if at + len(word) < end else " "
        if not before.isalnum() and not after.isalpha():
            return at
        at = text.find(word, at + 1, end)
    return -1


def _person(text: str, start: int, end: int, base: int) -> Person | None:
    name, role, initials = clean_person(text[start:end])
    noted = _NOTE.split(name, maxsplit=1)[0]
    if noted != name and is_name(noted):
        name = noted
    if name and not is_name(name):
        name, role = _without_post(name, role)
        if not name:
            return None
    if not name:
        return Person(name, role, base + start, base + end, initials)
    # The name as printed may be spread by double spaces or a line break: span first to last word.
    words = name.split()
    first = _word_at(text, words[0], start, end)
    begin = first if first >= 0 else start
    last = text.rfind(words[-1], begin, end)
    finish = last + len(words[-1]) if last >= 0 else end
    return Person(name, role, base + begin, base + finish, initials)


def split_people(text: str, base: int, newline_splits: bool = True) -> tuple[list[Person], int]:
    """The people listed in `text` (starting at offset `base`) and how many entries were not names.

    "Name, Organisation, Post" (one entry with a description) yields only the name."""
    entries = []
    for s, e in _piece_spans(text, _LIST_SPLIT, newline_splits):
        pieces = _piece_spans(text[s:e], _AND_SPLIT, True)
        entries.append([_person(text, s + ps, s + pe, base) for ps, pe in pieces])
    rest = [p for entry in entries[1:] for p in entry]
    described = len(entries) > 1 and (None in entries[1] or 2 * rest.count(None) >= len(rest))
    if described and len(entries[0]) == 1 and entries[0][0]:
        entries = entries[:1]
    people: list[Person] = []
    rejected = 0
    pending_role: str | None = None
    after_name = False
    for person in (p for entry in entries for p in entry):
        if person is None:
            rejected += 1
        elif not person.name and after_name and person.role and people[-1].role is None:
            last = people[-1]  # "Dana Whitcomb, President": the office printed after the name
            people[-1] = Person(last.name, person.role, last.start, last.end, last.initials)
        elif not person.name:
            pending_role = person.role or pending_role  # "The Speaker, Councillor Sharma"
        else:
            role = person.role or pending_role
            people.append(Person(person.name, role, person.start, person.end, person.initials))
            pending_role = None
        after_name = bool(person and person.name)
    return people, rejected
