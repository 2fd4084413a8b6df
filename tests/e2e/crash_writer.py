"""Writer processes for the crash test: each applies annotation actions, acknowledging each commit.

`python -m tests.e2e.crash_writer` reads `HOME ACTIONS.json FIRST` lines on stdin and, for
each, forks a fresh writer (imports already done, so hundreds of lives take seconds, not
minutes) and prints `pid N`. The writer opens the library in HOME, prints `ready`, then
`ack K` after action K is committed; it is SIGKILLed at a random moment, after which this
process prints `exit N STATUS`.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from app import annotations as actions
from app.library import Library
from app.paths import profile


def command(library: Library, document_id: int, action: dict[str, Any]) -> actions.Command:
    """The user action `action` describes, built as the GUI would build it."""
    op = action["op"]
    if op == "add":
        annotation = actions.new_annotation(
            document_id,
            library.text(document_id),
            action["start"],
            action["end"],
            colour=action["colour"],
            note=action["note"],
            tags=action["tags"],
            annotation_id=action["id"],
        )
        return actions.Add((annotation,))
    if op in ("delete", "delete-many"):  # several: one transaction for all, as the dock deletes them
        chosen = action["ids"] if op == "delete-many" else [action["id"]]
        return actions.Delete(tuple(library.annotation(each) for each in chosen))
    current = library.annotation(action["id"])
    if op == "note":
        return actions.edit(current, note=action["note"])
    if op == "colour":
        return actions.edit(current, colour=action["colour"])
    return (actions.tag if op == "tag" else actions.untag)(current, action["tags"])


def say(line: str) -> None:
    """One line in one write(2): atomic on a pipe, so the writer's and the server's lines never mix."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def write(home: Path, stream: list[dict[str, Any]], first: int) -> None:
    library = Library(profile(home))
    document_id = library.documents()[0].id
    say("ready")
    for number in range(first, len(stream)):
        library.execute(command(library, document_id, stream[number]))
        say(f"ack {number}")
    library.close()


def serve() -> int:
    streams: dict[str, list[dict[str, Any]]] = {}
    for line in sys.stdin:
        home, stream_file, first = line.split()
        if stream_file not in streams:
            streams[stream_file] = json.loads(Path(stream_file).read_text(encoding="utf-8"))
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                write(Path(home), streams[stream_file], int(first))
                code = 0
            finally:
                os._exit(code)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(serve())
