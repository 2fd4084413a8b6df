"""The use-case facade the GUI and the command line call: import, list, read."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from db import annotations as annotations_db
from db import documents as documents_db
from db import tags as tags_db
from db import versions as versions_db
from db.connection import open_database

from app import annotations as actions
from app import backup, ingest, quads
from app.analysis import analyze
from app.anchoring import SAME_PAPER, shared_wording
from app.codec import decode, encode
from app.errors import AppError, NotInLibrary
from app.jobs import ProcessLane
from app.model import Analysis, Annotation, Block, Changes, Document, DocumentText, Meeting, Page
from app.paths import Paths

HASH_CHUNK = 1 << 20
# Bump when the analysis rules change what they find, so stored results can be redone.
ANALYSIS_VERSION = 1


@dataclass(frozen=True)
class Parsed:
    """A file read and understood in the worker process, ready to store."""

    path: str
    sha256: str
    text: DocumentText
    analysis: Analysis


@dataclass(frozen=True)
class ImportOutcome:
    document: Document
    duplicate: bool
    changes: Changes


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with ingest.reading(path), path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def parse(path: str, password: str | None = None) -> Parsed:
    """Read one file (run in the process lane: slow, and hostile files are contained)."""
    source = Path(path)
    text = ingest.load(source, password)
    return Parsed(str(source.resolve()), file_sha256(source), text, analyze(text))


SMALL_WORDS = frozenset(["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"])


def tidy_name(name: str | None) -> str | None:
    """A name printed in capitals, as a reader would write it ("PARISH COUNCIL" → "Parish Council").

    Words without vowels (NHS, SEND) are acronyms and stay in capitals.
    """
    if not name:
        return None
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return name.strip()
    words = []
    for index, word in enumerate(name.split()):
        lower = word.lower()
        if not any(vowel in lower for vowel in "aeiouy") and word.isalpha():
            words.append(word)
        elif index and lower in SMALL_WORDS:
            words.append(lower)
        else:
            words.append(lower[:1].upper() + lower[1:])
    return " ".join(words)


def display_title(text: DocumentText, meeting: Meeting, path: Path) -> str:
    """What the paper is ("Scrutiny Committee minutes"), else its own title, else a tidied file name."""
    if meeting.body and meeting.kind != "unknown":
        return f"{meeting.body} {meeting.kind}"
    if text.title and len(text.title.strip()) > 3 and not text.title.lower().startswith("microsoft"):
        return text.title.strip()
    stem = re.sub(r"[_]+|(?<=\D)-|-(?=\D)", " ", path.stem)
    return re.sub(r"\s+", " ", stem).strip() or path.name


def text_from_record(record: dict[str, Any], fmt: str, title: str | None) -> DocumentText:
    return DocumentText(
        text=record["text"],
        blocks=tuple(decode(Block, block) for block in record["blocks"]),
        format=fmt,
        pages=tuple(decode(Page, page) for page in record["pages"]),
        title=title,
        warnings=tuple(record["warnings"]),
    )


def _document(row: dict[str, Any]) -> Document:
    return decode(Document, row)


class Library:
    """One profile's library. Not thread-safe: the GUI calls it from its serial lane only."""

    def __init__(self, paths: Paths, parser: ProcessLane | None = None) -> None:
        self.paths = paths.ensure()
        self.db = open_database(self.paths.database)
        self._parser = parser
        # The last document text read: annotating reads it twice in a row (the annotation, then its
        # page boxes), each read 0.07-0.15 s of JSON on a 200-page paper. Keyed by what the text is of.
        self._text_cache: tuple[tuple[int, str, str, str | None], DocumentText] | None = None

    def close(self) -> None:
        self.db.close()
        if self._parser is not None:
            self._parser.shutdown()

    # -- reading -----------------------------------------------------------
    def documents(self) -> list[Document]:
        return [_document(row) for row in documents_db.list_all(self.db)]

    def document(self, document_id: int) -> Document:
        row = documents_db.get(self.db, document_id)
        if row is None:
            raise NotInLibrary(f"There is no document {document_id} in the library.")
        return _document(row)

    def text(self, document_id: int) -> DocumentText:
        document = self.document(document_id)
        key = (document_id, document.sha256, document.format, document.title)
        if self._text_cache is not None and self._text_cache[0] == key:
            return self._text_cache[1]
        record = documents_db.load_text(self.db, document_id)
        if record is None:
            raise NotInLibrary(f"The text of document {document_id} is missing.")
        text = text_from_record(record, document.format, document.title)
        self._text_cache = (key, text)
        return text

    def analysis(self, document_id: int) -> Analysis:
        """What analysis found in the document when it was imported."""
        data = documents_db.load_analysis(self.db, document_id)
        return Analysis() if data is None else decode(Analysis, data)

    def find_by_file(self, path: Path) -> Document | None:
        row = documents_db.find_by_sha256(self.db, file_sha256(path))
        return None if row is None else self.document(int(row["id"]))

    # -- importing ---------------------------------------------------------
    def parse(self, path: Path, password: str | None = None) -> Parsed:
        """Read `path` in the worker process (or inline when the library has no parser)."""
        ingest.detect_format(path)
        ingest.check_readable(path)
        if self._parser is None:
            return parse(str(path), password)
        return self._parser.run(parse, str(path), password, what=path.name)

    def store(self, parsed: Parsed) -> ImportOutcome:
        """Add a parsed file to the library in one transaction, unless its content is already there."""
        existing = documents_db.find_by_sha256(self.db, parsed.sha256)
        if existing is not None:
            return ImportOutcome(self.document(int(existing["id"])), True, Changes())
        text = parsed.text
        found = parsed.analysis.meeting
        meeting = replace(found, council=tidy_name(found.council), body=tidy_name(found.body))
        record = {
            "sha256": parsed.sha256,
            "path": parsed.path,
            "format": text.format,
            "title": display_title(text, meeting, Path(parsed.path)),
            "council": meeting.council,
            "body": meeting.body,
            "meeting_date": meeting.date,
            "kind": meeting.kind,
            "pages": len(text.pages),
            "text_length": len(text.text),
            "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        document_id = documents_db.insert(
            self.db,
            record,
            text=text.text,
            blocks=encode(text.blocks),
            pages=encode(text.pages),
            warnings=list(text.warnings),
            analysis=encode(parsed.analysis),
            analysis_version=ANALYSIS_VERSION,
        )
        return ImportOutcome(self.document(document_id), False, Changes(documents=frozenset({document_id})))

    def import_file(self, path: Path, password: str | None = None) -> ImportOutcome:
        ingest.detect_format(path)
        ingest.check_readable(path)
        existing = self.find_by_file(path)
        if existing is not None:
            return ImportOutcome(existing, True, Changes())
        return self.store_version(self.parse(path, password), password=password)[0]

    # -- annotations, versions and backups (issue 5) ---------------------------
    def annotations(self, document_id: int) -> list[Annotation]:
        """A document's annotations in reading order (whole-document notes and orphans first)."""
        return [actions.from_record(row) for row in annotations_db.for_document(self.db, document_id)]

    def annotation(self, annotation_id: str) -> Annotation:
        return actions.load(self.db, annotation_id)

    def execute(self, command: actions.Command) -> Changes:
        """Apply one annotation action, or undo one by passing its inverse: one transaction."""
        return command.apply(self.db)

    def annotate(
        self,
        document_id: int,
        start: int | None,
        end: int | None,
        *,
        password: str | None = None,
        **options: Any,
    ) -> tuple[Annotation, Changes]:
        """Highlight `start:end` (options: kind, colour, note, tags, quads) or note the whole document;
        `password`: of a protected PDF, to work out the exact boxes (used for this call only)."""
        text = self.text(document_id)
        annotation = actions.new_annotation(document_id, text, start, end, **options)
        changes = self.execute(actions.Add((annotation,)))
        secret = {self.document(document_id).path: password} if password else None
        if self.fill_quads([annotation.id], known={document_id: text}, passwords=secret).annotations:
            annotation = self.annotation(annotation.id)  # with a PDF's exact boxes
        return annotation, changes

    def fill_quads(
        self,
        annotation_ids: list[str] | None = None,
        document_id: int | None = None,
        known: dict[int, DocumentText] | None = None,
        passwords: Mapping[str, str] | None = None,
    ) -> Changes:
        """Work out, in the worker process, the exact page boxes of annotations on PDFs that have none
        (`known`: texts of their documents already at hand; `passwords`: of protected PDFs by stored
        path, never kept)."""
        run = self._in_worker
        return quads.fill(self, run, annotation_ids, document_id, known or {}, passwords=passwords)

    def _in_worker(self, fn: Any, /, *args: Any, what: str) -> Any:
        return fn(*args) if self._parser is None else self._parser.run(fn, *args, what=what)

    def find_annotations(self, wanted: actions.AnnotationFilter) -> list[Annotation]:
        """Annotations across the library (or one document) by tag, colour, kind, state, meeting, text."""
        return actions.find(self.db, wanted)

    def tags(self) -> list[dict[str, Any]]:
        """Every tag with its use count, by name."""
        return tags_db.list_with_counts(self.db)

    def successor(self, document_id: int) -> int | None:
        """The document that superseded this one as a newer version of the paper, if any."""
        return versions_db.replaced_by(self.db, document_id)

    def superseded(self) -> dict[int, int]:
        """Old versions kept in the library, each with the document that replaced it."""
        return versions_db.superseded(self.db)

    def find_document(self, reference: str) -> Document:
        """A library document named by id, by a file with its content, or by its original path."""
        if reference.isdigit():
            return self.document(int(reference))
        path = Path(reference)
        found = self.find_by_file(path) if path.is_file() else None
        document_id = found.id if found else versions_db.current_by_path(self.db, str(path.resolve()))
        if document_id is None:
            raise NotInLibrary(f"{reference}: not in the library (import it first).")
        return self.document(document_id)

    def import_version(
        self, path: Path, replaces: int, password: str | None = None
    ) -> tuple[ImportOutcome, actions.MoveReport | None]:
        """Import `path` as the new version of document `replaces`; its annotations move over."""
        old = self.document(replaces)
        parsed = self.parse(path, password)
        if parsed.sha256 == old.sha256:
            raise AppError(f"{path.name} has the same content as “{old.title}”: nothing to replace.")
        return self.store_version(parsed, replaces, password)

    def store_version(
        self, parsed: Parsed, previous: int | None = None, password: str | None = None
    ) -> tuple[ImportOutcome, actions.MoveReport | None]:
        """Store `parsed`; if it supersedes `previous` (or a version recognised by path or meeting),
        move that version's annotations to it and mark it replaced — all in one transaction
        (`password`: the new file's, if protected, for the moved annotations' boxes)."""
        with self.db.atomic():
            outcome = self.store(parsed)
            new = outcome.document.id
            if previous is None and not outcome.duplicate:
                previous = self._recognised_version(new, parsed.text.text)
            if previous is None or previous == new:
                return outcome, None
            moving = self.annotations(previous)
            report, placements = actions.relocate(moving, previous, new, parsed.text)
            versions_db.supersede(self.db, previous, new, placements)
        moved = [annotation.id for annotation in moving]
        secret = {parsed.path: password} if password else None
        self.fill_quads(moved, known={new: parsed.text}, passwords=secret)  # their boxes on the new pages
        changes = Changes(documents=frozenset({previous, new}), annotations=frozenset(moved))
        return replace(outcome, changes=changes), report

    def _recognised_version(self, document_id: int, text: str) -> int | None:
        """The earlier version of a new import, found by path or meeting, if the texts agree."""
        previous = versions_db.previous_version(self.db, document_id)
        if previous is None or shared_wording(self.text(previous).text, text) < SAME_PAPER:
            return None
        return previous

    def backup_if_due(self) -> Path | None:
        """Make the day's verified backup if none was made in the last day (call on opening)."""
        return backup.backup_if_due(self.db, self.paths.backups)

    def backup_now(self) -> Path:
        return backup.make_backup(self.db, self.paths.backups)

    def backups(self) -> list[Path]:
        """The backups of this library, oldest first."""
        return backup.backups(self.paths.backups)

    def restore_backup(self, chosen: Path) -> Path | None:
        """Put a verified backup in place of the library, which stays open on the restored data;
        the database as it was is moved aside, not deleted, and its path returned."""
        self.db.close()  # restore() verifies the backup before it moves anything
        self._text_cache = None  # the backup may hold another text under the same id and content
        try:
            return backup.restore(self.paths.database, chosen)
        finally:
            self.db = open_database(self.paths.database)
