"""`python -m app` subcommands; expected problems print one line on stderr and exit 2."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TypeVar

from app import NAME, __version__, cli_annotations, ingest
from app.analysis import analyze_file, report
from app.errors import AppError
from app.jobs import ProcessLane
from app.library import Library
from app.paths import profile

EXIT_ERROR = 2
T = TypeVar("T")


def _library(args: argparse.Namespace) -> Library:
    return Library(profile(args.home), ProcessLane())


def in_worker(fn: Callable[..., T], path: Path, password: str | None) -> T:
    """Run `fn(path, password)` in a worker process with a timeout, so a hostile file cannot hang us."""
    lane = ProcessLane()
    try:
        return lane.run(fn, path, password, what=path.name)
    finally:
        lane.shutdown()


def cmd_text(args: argparse.Namespace) -> int:
    text = in_worker(ingest.load, Path(args.file), args.password)
    sys.stdout.write(text.text + "\n")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    path = Path(args.file)
    fmt, analysis = in_worker(analyze_file, path, args.password)
    if args.json:
        print(json.dumps(report.to_json(analysis, path.name, fmt), indent=2, ensure_ascii=False))
    else:
        print(report.summary(analysis, path.name))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    if args.replaces:
        return cli_annotations.cmd_import_version(args)
    library = _library(args)
    failures = 0
    try:
        for name in args.files:
            try:
                outcome = library.import_file(Path(name), args.password)
            except AppError as error:
                print(f"{NAME}: {error}", file=sys.stderr)
                failures += 1
                continue
            state = "already in the library" if outcome.duplicate else "imported"
            print(f"{state}: {outcome.document.title} (#{outcome.document.id})")
    finally:
        library.close()
    return EXIT_ERROR if failures else 0


def cmd_list(args: argparse.Namespace) -> int:
    library = _library(args)
    try:
        documents = library.documents()
    finally:
        library.close()
    if args.json:
        print(json.dumps([asdict(document) for document in documents], indent=2, ensure_ascii=False))
        return 0
    for document in documents:
        where = " · ".join(dict.fromkeys(part for part in (document.council, document.body) if part))
        print(
            f"{document.id:>4}  {document.meeting_date or '—':<10}  {document.format:<4}  "
            f"{document.pages:>4}p  {document.title}" + (f"  [{where}]" if where else "")
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quorum", description=f"{NAME} {__version__}: meeting papers, understood."
    )
    parser.add_argument("--version", action="version", version=f"{NAME} {__version__}")
    parser.add_argument(
        "--home", type=Path, default=None, help="profile folder (default: $QUORUM_HOME, else the user's)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    text = sub.add_parser("text", help="print a document's canonical text")
    text.add_argument("file")
    text.add_argument("--password", help="password of an encrypted PDF")
    text.set_defaults(run=cmd_text)

    ana = sub.add_parser("analyze", help="find a document's meeting, attendance, items and decisions")
    ana.add_argument("file")
    ana.add_argument("--json", action="store_true", help="print JSON (schema quorum.analysis/1)")
    ana.add_argument("--password", help="password of an encrypted PDF")
    ana.set_defaults(run=cmd_analyze)

    imp = sub.add_parser("import", help="add documents to the library")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--password", help="password of an encrypted PDF")
    imp.add_argument("--replaces", metavar="FILE", help="FILE (a library document or id) is an older version")
    imp.set_defaults(run=cmd_import)

    lst = sub.add_parser("list", help="list the library's documents")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(run=cmd_list)
    cli_annotations.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except AppError as error:
        print(f"{NAME}: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
