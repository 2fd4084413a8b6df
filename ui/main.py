"""The `quorum` entry point: a CLI subcommand goes to the Qt-free CLI, anything else starts the GUI."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from app import COMMANDS, NAME, __version__

_IMPORTED_AT = time.monotonic()


def process_age() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere: since this module loaded)."""
    try:
        stat = Path("/proc/self/stat").read_text(encoding="ascii")
        # Field 22 is the start time in clock ticks after boot; fields restart after the ")" of the name.
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text(encoding="ascii").split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quorum",
        description=f"{NAME} {__version__}: read and annotate meeting papers. "
        "Subcommands (text, import, list, …) run without the window; see `quorum list --help`.",
    )
    parser.add_argument("--version", action="version", version=f"{NAME} {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the demo library (a separate profile)")
    parser.add_argument(
        "--screenshot", type=Path, metavar="OUT.png", help="save a picture of the window and exit"
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE", help="papers to import and open")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run Quorum; return the process exit code."""
    arguments = list(sys.argv if argv is None else argv)
    if len(arguments) > 1 and arguments[1] in COMMANDS:
        from app import cli

        return cli.main(arguments[1:])
    if {"-h", "--help", "--version"} & set(arguments[1:]):
        build_parser().parse_known_args(arguments[1:])  # prints and exits, before any display is needed
    # Start-up makes many objects and frees almost none: cyclic collections (~25 ms of the first 0.4 s)
    # find nothing. They are back on once the window's first frame is drawn (`ui.startup`).
    gc.disable()
    # Imported only now, so the command line above never loads PySide6.
    from ui import startup

    return startup.run(arguments, build_parser())


if __name__ == "__main__":
    sys.exit(main())
