"""Annotation actions as pure commands: each applies in one transaction, returns `Changes`, has an inverse."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # types only: sqlite_utils loads with the library, after the first paint
    import sqlite_utils

from db import annotations as annotations_db
from db import tags as tags_db

from app.anchoring import anchor_at, reanchor
from app.errors import AppError
from app.model import Anchor, AnchorState, Annotation, AnnotationKind, Changes, DocumentText, Quad

COLOURS = ("yellow", "green", "blue", "pink", "purple", "orange", "red", "grey")
KINDS: tuple[AnnotationKind, ...] = ("highlight", "underline", "note")
MAX_TAG_LENGTH = 80


class Command(Protocol):
    """One user action on annotations, undoable by applying its inverse."""

    @property
    def label(self) -> str: ...

    def apply(self, db: sqlite_utils.Database) -> Changes: ...

    def inverse(self) -> Command: ...


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def check_kind(kind: AnnotationKind) -> AnnotationKind:
    if kind not in KINDS:
        raise AppError(f"Unknown kind {kind!r}: choose one of {', '.join(KINDS)}.")
    return kind


def check_colour(colour: str) -> str:
    if colour not in COLOURS:
        raise AppError(f"Unknown colour {colour!r}: choose one of {', '.join(COLOURS)}.")
    return colour


def check_tag(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > MAX_TAG_LENGTH:
        raise AppError(f"A tag needs 1 to {MAX_TAG_LENGTH} characters, not {name!r}.")
    return cleaned


def _unique_tags(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    kept: dict[str, str] = {}
    for name in names:
        cleaned = check_tag(name)
        kept.setdefault(cleaned.casefold(), cleaned)
    return tuple(sorted(kept.values(), key=str.casefold))


def new_annotation(
    document_id: int,
    text: DocumentText,
    start: int | None,
    end: int | None,
    *,
    kind: AnnotationKind = "highlight",
    colour: str = "yellow",
    note: str = "",
    tags: tuple[str, ...] | list[str] = (),
    annotation_id: str | None = None,
    quads: tuple[Quad, ...] | list[Quad] | None = None,
) -> Annotation:
    """A new annotation on `text[start:end]`, or a whole-document note when both are None;
    `quads`: the passage's line boxes on the PDF's pages, when they are known."""
    check_kind(kind)
    if start is None or end is None:
        if kind != "note" or start is not None or end is not None:
            raise AppError("Only a note can be about the whole document (no passage selected).")
        anchor = Anchor(None, None)
    elif not 0 <= start < end <= len(text.text):
        raise AppError(f"The passage {start}–{end} is outside the document (0–{len(text.text)}).")
    else:
        anchor = anchor_at(text.text, start, end, text.page_at(start))
    stamp = now()
    return Annotation(
        id=annotation_id or str(uuid.uuid4()),
        document_id=document_id,
        anchor=anchor,
        kind=kind,
        colour=check_colour(colour),
        note=note,
        tags=_unique_tags(tags),
        created=stamp,
        modified=stamp,
        quads=None if anchor.start is None else _check_quads(quads),
    )


def _check_quads(quads: tuple[Quad, ...] | list[Quad] | None) -> tuple[Quad, ...] | None:
    if not quads:
        return None
    problem = "A passage's boxes on the page must be (page, x0, y0, x1, y1) with x0 ≤ x1 and y0 ≤ y1."
    try:
        checked = tuple(_quad(quad) for quad in quads)
    except (TypeError, ValueError) as error:
        raise AppError(problem) from error
    if any(page < 0 or x0 > x1 or y0 > y1 for page, x0, y0, x1, y1 in checked):
        raise AppError(problem)
    return checked


def _quad(values: Any) -> Quad:
    page, x0, y0, x1, y1 = values
    return int(page), float(x0), float(y0), float(x1), float(y1)


def to_record(annotation: Annotation) -> dict[str, Any]:
    placed = placement_record(
        annotation.id, annotation.document_id, annotation.anchor, annotation.state, annotation.quads
    )
    return {
        **placed,
        "kind": annotation.kind,
        "colour": annotation.colour,
        "note": annotation.note,
        "created": annotation.created,
        "modified": annotation.modified,
    }


def from_record(record: dict[str, Any]) -> Annotation:
    quads = json.loads(record["quads"]) if record["quads"] else None
    return Annotation(
        id=record["id"],
        document_id=int(record["document_id"]),
        anchor=Anchor(
            *(record[name] for name in ("start", "end", "quote", "prefix", "suffix", "page"))
        ),
        kind=record["kind"],
        colour=record["colour"],
        note=record["note"],
        tags=tuple(record["tags"]),
        state=record["state"],
        created=record["created"],
        modified=record["modified"],
        quads=None if quads is None else tuple(_quad(quad) for quad in quads),
    )


def load(db: sqlite_utils.Database, annotation_id: str) -> Annotation:
    record = annotations_db.get(db, annotation_id)
    if record is None:
        raise AppError(f"There is no annotation {annotation_id} (was it deleted?).")
    return from_record(record)


def _documents(annotations: tuple[Annotation, ...]) -> frozenset[int]:
    return frozenset(annotation.document_id for annotation in annotations)


@dataclass(frozen=True)
class Add:
    """Add annotations (one, or many brought back by undoing a deletion) in one transaction."""

    annotations: tuple[Annotation, ...]
    label: str = "Add annotation"

    def apply(self, db: sqlite_utils.Database) -> Changes:
        tag_ids: set[int] = set()
        try:
            with db.atomic():
                for added in self.annotations:
                    tag_ids |= annotations_db.insert(db, to_record(added), added.tags)
        except sqlite3.IntegrityError as error:
            # Redo or undo after the document was removed, or a second redo of the same add.
            message = "The annotation cannot be added: its document is gone or it exists already."
            raise AppError(message) from error
        ids = frozenset(annotation.id for annotation in self.annotations)
        return Changes(_documents(self.annotations), ids, frozenset(tag_ids))

    def inverse(self) -> Command:
        return Delete(self.annotations)


@dataclass(frozen=True)
class Delete:
    """Delete annotations in one transaction (all or none); it holds them whole, so undo brings
    them back as they were, tags and quads included."""

    annotations: tuple[Annotation, ...]
    label: str = "Delete annotation"

    def apply(self, db: sqlite_utils.Database) -> Changes:
        ids = [annotation.id for annotation in self.annotations]
        with db.atomic():
            for annotation_id in ids:
                load(db, annotation_id)
            annotations_db.delete(db, ids)
        return Changes(_documents(self.annotations), frozenset(ids))

    def inverse(self) -> Command:
        plural = "s" if len(self.annotations) > 1 else ""
        return Add(self.annotations, label=f"Restore annotation{plural}")


@dataclass(frozen=True)
class Edit:
    """Change the note, colour or kind; `before` and `after` carry the `modified` stamp too."""

    annotation_id: str
    document_id: int
    before: tuple[tuple[str, Any], ...]
    after: tuple[tuple[str, Any], ...]
    label: str = "Edit annotation"

    def apply(self, db: sqlite_utils.Database) -> Changes:
        with db.atomic():
            load(db, self.annotation_id)
            annotations_db.update(db, self.annotation_id, dict(self.after))
        return Changes(frozenset({self.document_id}), frozenset({self.annotation_id}))

    def inverse(self) -> Command:
        return Edit(self.annotation_id, self.document_id, self.after, self.before, self.label)


@dataclass(frozen=True)
class Tag:
    annotation_id: str
    document_id: int
    names: tuple[str, ...]
    remove: bool = False
    label: str = "Tag annotation"

    def apply(self, db: sqlite_utils.Database) -> Changes:
        with db.atomic():
            load(db, self.annotation_id)
            change = tags_db.detach if self.remove else tags_db.attach
            tag_ids = change(db, self.annotation_id, self.names)
        return Changes(frozenset({self.document_id}), frozenset({self.annotation_id}), frozenset(tag_ids))

    def inverse(self) -> Command:
        label = "Tag annotation" if self.remove else "Untag annotation"
        return Tag(self.annotation_id, self.document_id, self.names, not self.remove, label)


Placement = tuple[Anchor, AnchorState, tuple[Quad, ...] | None]


@dataclass(frozen=True)
class Place:
    """Put an annotation on a passage by hand (re-attaching an orphan, or confirming a move);
    `before` and `after` carry the quads too, so undo brings back the exact boxes."""

    annotation_id: str
    document_id: int
    before: Placement
    after: Placement
    label: str = "Re-attach annotation"

    def apply(self, db: sqlite_utils.Database) -> Changes:
        anchor, state, quads = self.after
        record = placement_record(self.annotation_id, self.document_id, anchor, state, quads)
        with db.atomic():
            load(db, self.annotation_id)
            annotations_db.place(db, [record])
        return Changes(frozenset({self.document_id}), frozenset({self.annotation_id}))

    def inverse(self) -> Command:
        return Place(self.annotation_id, self.document_id, self.after, self.before, self.label)


def placement_record(
    annotation_id: str,
    document_id: int,
    anchor: Anchor,
    state: AnchorState,
    quads: tuple[Quad, ...] | None = None,
) -> dict[str, Any]:
    """The columns that say where an annotation is. Quads default to None: boxes on an old
    file's pages, or made for other words, would mark the wrong place (the page view then
    estimates them from the text blocks)."""
    return {
        "id": annotation_id,
        "document_id": document_id,
        "start": anchor.start,
        "end": anchor.end,
        "quote": anchor.quote,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "page": anchor.page,
        "quads": None if quads is None else json.dumps(quads),
        "state": state,
    }


def edit(annotation: Annotation, **changes: Any) -> Edit:
    """The command changing `note`, `colour` and/or `kind` of `annotation` (stamped modified now)."""
    if "colour" in changes:
        check_colour(changes["colour"])
    if "kind" in changes:
        check_kind(changes["kind"])
    before = (*((name, getattr(annotation, name)) for name in changes), ("modified", annotation.modified))
    after = (*changes.items(), ("modified", now()))
    label = "Edit note" if set(changes) == {"note"} else "Change annotation"
    return Edit(annotation.id, annotation.document_id, before, tuple(after), label)


def tag(annotation: Annotation, names: list[str] | tuple[str, ...]) -> Tag:
    """Add tags not already on `annotation` (so undo removes only what this added)."""
    present = {name.casefold() for name in annotation.tags}
    new = tuple(name for name in _unique_tags(names) if name.casefold() not in present)
    return Tag(annotation.id, annotation.document_id, new)


def untag(annotation: Annotation, names: list[str] | tuple[str, ...]) -> Tag:
    wanted = {check_tag(name).casefold() for name in names}
    present = tuple(name for name in annotation.tags if name.casefold() in wanted)
    return Tag(annotation.id, annotation.document_id, present, remove=True, label="Untag annotation")


def reattach(annotation: Annotation, text: DocumentText, start: int, end: int) -> Place:
    """Re-attach `annotation` by hand to `text[start:end]` of its document: anchored again."""
    if not 0 <= start < end <= len(text.text):
        raise AppError(f"The passage {start}–{end} is outside the document (0–{len(text.text)}).")
    after = anchor_at(text.text, start, end, text.page_at(start))
    before = (annotation.anchor, annotation.state, annotation.quads)
    # The same words of the same file (confirming a position) are still where their boxes say.
    same = (start, end) == (annotation.anchor.start, annotation.anchor.end)
    quads = annotation.quads if same else None
    return Place(annotation.id, annotation.document_id, before, (after, "anchored", quads))


@dataclass(frozen=True)
class MoveReport:
    """How the annotations of a superseded version fared on the new one."""

    previous: int
    anchored: int
    moved: int
    orphaned: int


def relocate(
    found: list[Annotation], previous: int, document_id: int, text: DocumentText
) -> tuple[MoveReport, list[dict[str, Any]]]:
    """Re-anchor `found` (the annotations of document `previous`) in `text`, the new version."""
    placements: list[dict[str, Any]] = []
    counts = dict.fromkeys(("anchored", "moved", "orphaned"), 0)
    for annotation in found:
        placement = reanchor(annotation.anchor, text.text, text.page_at)
        counts[placement.state] += 1
        placements.append(placement_record(annotation.id, document_id, placement.anchor, placement.state))
    return MoveReport(previous, **counts), placements


@dataclass(frozen=True)
class AnnotationFilter:
    """What the annotations dock and the all-annotations view ask for; empty means any.

    `tags` matches annotations carrying any of them; dates are ISO meeting dates,
    inclusive; `text` is looked for in quote and note, ignoring case.
    """

    document_id: int | None = None
    tags: tuple[str, ...] = ()
    colours: tuple[str, ...] = ()
    kinds: tuple[AnnotationKind, ...] = ()
    states: tuple[AnchorState, ...] = ()
    council: str | None = None
    body: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str = ""


def find(db: sqlite_utils.Database, wanted: AnnotationFilter) -> list[Annotation]:
    rows = annotations_db.search(
        db,
        document_id=wanted.document_id,
        tags=wanted.tags,
        values={"colour": wanted.colours, "kind": wanted.kinds, "state": wanted.states},
        meeting={
            "council": wanted.council,
            "body": wanted.body,
            "from": wanted.date_from,
            "to": wanted.date_to,
        },
        text=wanted.text.strip(),
    )
    return [from_record(row) for row in rows]
