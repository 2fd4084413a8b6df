"""Tags-manager actions as undoable commands: rename, recolour, merge and delete a tag."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # types only: sqlite_utils loads with the library, after the first paint
    import sqlite_utils

from db import tags as tags_db

from app.annotations import Command, check_colour, check_tag
from app.errors import AppError
from app.model import Changes


@dataclass(frozen=True)
class TagInfo:
    id: int
    name: str
    colour: str | None

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "colour": self.colour}


def load_tag(db: sqlite_utils.Database, tag_id: int) -> TagInfo:
    found = tags_db.get(db, tag_id)
    if found is None:
        raise AppError(f"There is no tag {tag_id} (was it deleted?).")
    return TagInfo(found["id"], found["name"], found["colour"])


def _changes(db: sqlite_utils.Database, tag_ids: set[int], annotation_ids: list[str]) -> Changes:
    return Changes(
        documents=frozenset(tags_db.documents_of(db, annotation_ids)),
        annotations=frozenset(annotation_ids),
        tags=frozenset(tag_ids),
    )


@dataclass(frozen=True)
class EditTag:
    """Rename and/or recolour a tag."""

    before: TagInfo
    after: TagInfo
    label: str = "Edit tag"

    def apply(self, db: sqlite_utils.Database) -> Changes:
        with db.atomic():
            load_tag(db, self.after.id)
            clash = tags_db.find(db, self.after.name)
            if clash not in (None, self.after.id):
                raise AppError(f"There is already a tag “{self.after.name}”: merge the two instead.")
            tags_db.update(db, self.after.id, name=self.after.name, colour=self.after.colour)
            return _changes(db, {self.after.id}, tags_db.tagged(db, self.after.id))

    def inverse(self) -> Command:
        return EditTag(self.after, self.before, self.label)


@dataclass(frozen=True)
class DeleteTag:
    """Delete a tag (the annotations stay); it remembers whom it tagged so undo can relink them."""

    tag: TagInfo
    annotation_ids: tuple[str, ...]
    label: str = "Delete tag"

    def apply(self, db: sqlite_utils.Database) -> Changes:
        with db.atomic():
            load_tag(db, self.tag.id)
            changes = _changes(db, {self.tag.id}, list(self.annotation_ids))
            tags_db.delete(db, self.tag.id)
        return changes

    def inverse(self) -> Command:
        return RestoreTag(self.tag, self.annotation_ids)


@dataclass(frozen=True)
class RestoreTag:
    """Undo of a tag deletion (or of a merge, when `merged_into` is set)."""

    tag: TagInfo
    annotation_ids: tuple[str, ...]
    merged_into: int | None = None
    newly_merged: tuple[str, ...] = ()
    label: str = "Restore tag"

    def apply(self, db: sqlite_utils.Database) -> Changes:
        with db.atomic():
            if self.merged_into is not None:
                tags_db.unlink(db, self.merged_into, self.newly_merged)
            tags_db.restore(db, self.tag.record(), self.annotation_ids)
            touched = {self.tag.id} | ({self.merged_into} if self.merged_into is not None else set())
            return _changes(db, touched, list(self.annotation_ids))

    def inverse(self) -> Command:
        if self.merged_into is None:
            return DeleteTag(self.tag, self.annotation_ids)
        return MergeTags(self.tag, self.merged_into, self.annotation_ids, self.newly_merged)


@dataclass(frozen=True)
class MergeTags:
    """Fold `source` into the tag `target_id`: its annotations carry the target instead."""

    source: TagInfo
    target_id: int
    annotation_ids: tuple[str, ...]
    newly_merged: tuple[str, ...]  # those that did not already carry the target
    label: str = "Merge tags"

    def apply(self, db: sqlite_utils.Database) -> Changes:
        with db.atomic():
            load_tag(db, self.source.id)
            load_tag(db, self.target_id)
            tags_db.merge(db, self.source.id, self.target_id)
            return _changes(db, {self.source.id, self.target_id}, list(self.annotation_ids))

    def inverse(self) -> Command:
        return RestoreTag(self.source, self.annotation_ids, self.target_id, self.newly_merged, "Unmerge tags")


def edit_tag(
    db: sqlite_utils.Database, tag_id: int, *, name: str | None = None, colour: str | None = None
) -> EditTag:
    """The command renaming and/or recolouring a tag (colour "" clears it)."""
    before = load_tag(db, tag_id)
    new_colour = before.colour if colour is None else (check_colour(colour) if colour else None)
    after = TagInfo(tag_id, before.name if name is None else check_tag(name), new_colour)
    return EditTag(before, after)


def delete_tag(db: sqlite_utils.Database, tag_id: int) -> DeleteTag:
    return DeleteTag(load_tag(db, tag_id), tuple(tags_db.tagged(db, tag_id)))


def merge_tags(db: sqlite_utils.Database, source_id: int, target_id: int) -> MergeTags:
    if source_id == target_id:
        raise AppError("A tag cannot be merged into itself.")
    load_tag(db, target_id)
    carried = tags_db.tagged(db, source_id)
    already = set(tags_db.tagged(db, target_id))
    newly = tuple(annotation_id for annotation_id in carried if annotation_id not in already)
    return MergeTags(load_tag(db, source_id), target_id, tuple(carried), newly)
