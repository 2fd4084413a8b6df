"""The annotation subcommands of `python -m app`: annotate, annotations, backup, import --replaces."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from app import backup
from app.annotations import COLOURS, KINDS
from app.errors import AppError
from app.jobs import ProcessLane
from app.library import Library
from app.model import Annotation, Document
from app.paths import profile


def _open(args: argparse.Namespace) -> Library:
    return Library(profile(args.home), ProcessLane())


def _document_for(library: Library, name: str, password: str | None = None) -> Document:
    """The library document FILE names (importing the file first if it is new), or document id."""
    path = Path(name)
    if path.is_file():
        return library.import_file(path, password).document
    return library.find_document(name)


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where `quote` occurs in `text`, any run of white space matching any other
    (a quote typed on one line may cross a line break in the document)."""
    words = quote.split()
    if not words:
        raise AppError("The quote is empty.")
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    return [match.span() for match in pattern.finditer(text)]


def _choose(spans: list[tuple[int, int]], occurrence: int | None, quote: str, title: str) -> tuple[int, int]:
    if not spans:
        raise AppError(f"“{quote}” is not in “{title}”.")
    if occurrence is None and len(spans) > 1:
        raise AppError(
            f"“{quote}” occurs {len(spans)} times in “{title}”: choose one with --occurrence 1–{len(spans)}."
        )
    number = occurrence or 1
    if not 1 <= number <= len(spans):
        raise AppError(f"--occurrence {number}: “{quote}” occurs only {len(spans)} time(s) in “{title}”.")
    return spans[number - 1]


def cmd_annotate(args: argparse.Namespace) -> int:
    library = _open(args)
    try:
        document = _document_for(library, args.file, args.password)
        spans = quote_spans(library.text(document.id).text, args.quote)
        start, end = _choose(spans, args.occurrence, args.quote, document.title)
        annotation, _ = library.annotate(
            document.id, start, end, password=args.password,
            kind=args.kind, colour=args.colour, note=args.note, tags=args.tag,
        )  # fmt: skip
    finally:
        library.close()
    page = f", page {annotation.anchor.page}" if annotation.anchor.page else ""
    print(f"annotated: {annotation.id} “{annotation.anchor.quote}” in #{document.id}{page}")
    return 0


def as_json(annotation: Annotation) -> dict[str, Any]:
    anchor = annotation.anchor
    return {
        "id": annotation.id,
        "document": annotation.document_id,
        "kind": annotation.kind,
        "quote": anchor.quote,
        "start": anchor.start,
        "end": anchor.end,
        "page": anchor.page,
        # Exact line boxes on the PDF page (0-based page, x0, y0, x1, y1 in points), or null.
        "quads": None if annotation.quads is None else [list(quad) for quad in annotation.quads],
        "colour": annotation.colour,
        "tags": list(annotation.tags),
        "note": annotation.note,
        "state": annotation.state,
        "created": annotation.created,
        "modified": annotation.modified,
    }


def cmd_annotations(args: argparse.Namespace) -> int:
    library = _open(args)
    try:
        found = library.annotations(library.find_document(args.file).id)
    finally:
        library.close()
    if args.json:
        print(json.dumps([as_json(annotation) for annotation in found], indent=2, ensure_ascii=False))
        return 0
    for annotation in found:
        where = "whole document" if annotation.anchor.start is None else f"{annotation.anchor.start}"
        tags = f" [{', '.join(annotation.tags)}]" if annotation.tags else ""
        quote = " ".join(annotation.anchor.quote.split())
        print(f"{annotation.state:<9} {where:>8}  {annotation.colour:<7} “{quote}”{tags}")
        if annotation.note:
            print(f"{'':>19}{annotation.note}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    paths = profile(args.home)
    if args.list:
        for path in backup.backups(paths.backups):
            print(path)
        return 0
    if args.restore:
        chosen = Path(args.restore)
        chosen = chosen if chosen.exists() else paths.backups / args.restore
        aside = backup.restore(paths.ensure().database, chosen)
        print(f"restored {chosen.name}" + (f"; the library as it was is kept in {aside}" if aside else ""))
        return 0
    library = Library(paths)
    try:
        made = library.backup_if_due() if args.if_due else library.backup_now()
    finally:
        library.close()
    print(f"backup: {made}" if made else "backup: not due (one was made in the last day)")
    return 0


def cmd_import_version(args: argparse.Namespace) -> int:
    """`import NEWFILE --replaces FILE`: NEWFILE becomes the new version; annotations move to it."""
    if len(args.files) != 1:
        raise AppError("--replaces takes exactly one new FILE.")
    library = _open(args)
    try:
        old = library.find_document(args.replaces)
        outcome, report = library.import_version(Path(args.files[0]), old.id, args.password)
    finally:
        library.close()
    print(f"imported: {outcome.document.title} (#{outcome.document.id}), replacing #{old.id}")
    if report is not None:
        print(
            f"annotations: {report.anchored} anchored, {report.moved} moved (please confirm), "
            f"{report.orphaned} orphaned"
        )
    return 0


def add_parsers(sub: Any) -> None:
    """Add annotate, annotations and backup to the `python -m app` subcommands."""
    ann = sub.add_parser("annotate", help="highlight a quoted passage of a document")
    ann.add_argument("file", metavar="FILE", help="a document (imported first if new) or its id")
    ann.add_argument("--quote", required=True, help="the exact words to highlight")
    ann.add_argument("--occurrence", type=int, help="which occurrence, when the quote occurs more than once")
    ann.add_argument("--colour", "--color", default="yellow", choices=COLOURS)
    ann.add_argument("--kind", default="highlight", choices=KINDS)
    ann.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    ann.add_argument("--note", default="", help="a note (plain text or Markdown)")
    ann.add_argument("--password", help="password of an encrypted PDF")
    ann.set_defaults(run=cmd_annotate)

    lst = sub.add_parser("annotations", help="list a document's annotations")
    lst.add_argument("file", metavar="FILE", help="a library document: its file or its id")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(run=cmd_annotations)

    bak = sub.add_parser("backup", help="back up the library now, list backups, or restore one")
    what = bak.add_mutually_exclusive_group()
    what.add_argument("--if-due", action="store_true", help="only if no backup was made in the last day")
    what.add_argument("--list", action="store_true", help="list the backups, oldest first")
    what.add_argument(
        "--restore", metavar="BACKUP", help="replace the library with this backup (close Quorum first)"
    )
    bak.set_defaults(run=cmd_backup)
